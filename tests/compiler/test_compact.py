"""Compact categorical s-ops (±1 codes, `compiler.compact`): the codes' margins, and compiled ==
interpreter on every input of small programs and random programs forced compact."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings

from tests.compiler.agreement import every_input, mismatches
from tests.program_strategies import random_programs
from weightsmith import rasp
from weightsmith.compiler import CompileError, compact, compile_program
from weightsmith.compiler.readout import ONE
from weightsmith.library.registry import PROGRAMS
from weightsmith.verify import verify


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7, 8, 31, 32, 33, 100])
def test_detectors_are_one_on_their_code_and_at_most_minus_one_elsewhere(n):
    values = list(range(n))
    rep = compact.stored("x", values, True, compact.assign(values))
    assert len(rep.dims) == compact.width(n) <= max(2, n.bit_length() + 1)
    held = {v: {**compact.vector(rep, v), ONE: 1.0} for v in values}
    held[None] = {ONE: 1.0}  # None is the zero code
    for v in values:
        det = compact.detector(rep, v)
        for w, residual in held.items():
            got = det.at(residual)
            assert got == 1.0 if w == v else got <= -1.0, (v, w, got)


def test_inherited_codes_are_kept_and_new_values_take_spare_codes():
    base = compact.assign(["a", "b", "c"])
    grown = compact.assign(["a", "b", "c", "d"], base)
    assert all(grown[v] == base[v] for v in base)
    assert len(set(grown.values())) == 4
    full = {v: c for v, c in zip(range(4), itertools.product((-1.0, 1.0), repeat=2))}
    assert compact.assign([0, 1, 2, 3, 4], full) is None  # no spare code of that length


def _exact(program, vocab, max_seq_len, **options):
    compiled = compile_program(program, vocab, max_seq_len, **options)
    report = verify(compiled, program)
    assert report.exhaustive and report.ok, report
    return compiled


def _has_code(compiled, label):
    return any(lab.startswith(f"{label}:bit") for cell in compiled.model.config.residual_labels
               for lab in cell.split("|"))


PREV = rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == q - 1)


def test_copy_map_and_sequence_map_of_compact_sops():
    prev = rasp.Aggregate(PREV, rasp.tokens, default="a").named("prev")  # copy with a default
    up = rasp.Map(lambda t: t.upper(), prev).named("up")  # a lookup reading a code
    pair = rasp.SequenceMap(lambda x, y: x + y, up, rasp.tokens).named("pair")  # compact x compact
    bare = rasp.Aggregate(PREV, pair).named("bare")  # None (the zero code) at the first position
    mixed = rasp.SequenceMap(lambda x, i: f"{x}{i}", bare, rasp.indices).named("mixed")  # compact x one-hot
    compiled = _exact(mixed, list("abcde"), 4, compact_above=0)
    for label in ("tokens", "prev", "up", "pair", "bare"):
        assert _has_code(compiled, label)


def test_selectors_numbers_widths_and_none_read_through_conversions():
    prev = rasp.Aggregate(PREV, rasp.tokens, default=0).named("prev")
    same = rasp.Select(prev, rasp.tokens, rasp.Comparison.EQ)  # keys and queries compact
    count = rasp.SelectorWidth(same).named("count")  # a categorical width, compact too
    shifted = rasp.Map(lambda c: c + 1, count).named("shifted")
    value = rasp.numerical(rasp.Map(lambda c: c / 2, shifted)).named("value")  # a number from a code
    mean = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.LEQ), value,
                                         default=0)).named("mean")
    _exact(mean, [1, 2, 3], 4, compact_above=0)
    _exact(rasp.Map(lambda c: c, count), [1, 2, 3], 4, compact_above=0)


def test_a_compact_output_is_read_out_through_its_detectors():
    out = rasp.compact(rasp.Aggregate(PREV, rasp.tokens, default="z")).named("out")
    compiled = _exact(out, list("abcd"), 4)
    assert _has_code(compiled, "out")


def test_annotations_and_the_threshold_choose_the_encoding():
    vocab = [f"w{i}" for i in range(40)]
    copy = rasp.Aggregate(PREV, rasp.tokens, default="w0").named("copy")
    program = rasp.Map(lambda w: w[-1], copy).named("last")
    one_hot = compile_program(program, vocab, 3, compact_above=None)
    automatic = compile_program(program, vocab, 3)  # 40 values > 32: compact
    assert not _has_code(one_hot, "copy") and _has_code(automatic, "copy") and _has_code(automatic, "tokens")
    assert automatic.model.config.d_model < one_hot.model.config.d_model / 2
    kept = compile_program(rasp.Map(lambda w: w[-1], rasp.one_hot(copy)), vocab, 3)
    assert not _has_code(kept, "copy")
    forced = compile_program(rasp.Map(lambda w: w[-1], rasp.compact(copy)), vocab, 3, compact_above=None)
    assert _has_code(forced, "copy") and not _has_code(forced, "tokens")
    assert verify(automatic, program).ok
    assert rasp.is_categorical(rasp.compact(copy)) and rasp.evaluate(rasp.compact(copy), ["w1", "w2"]) == ["w0", "w1"]


def test_a_numerical_sop_cannot_be_compact():
    program = rasp.compact(rasp.numerical(rasp.Map(lambda t: t + 1, rasp.tokens))).named("plus")
    with pytest.raises(CompileError, match="'plus' is annotated compact, but it is numerical"):
        compile_program(program, [1, 2], 3)


@pytest.mark.parametrize("name", ["sort", "hist", "most_freq", "reverse", "dyck2", "nary_sequencemap"])
def test_library_programs_forced_compact_are_exact(name):
    p = PROGRAMS[name]
    _exact(p.build(), list(p.vocab), min(p.max_seq_len, 5), compact_above=0)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=random_programs(max_ops=8, max_vocab=3, max_len=5))
def test_random_programs_forced_compact_equal_the_interpreter_on_every_input(case):
    compiled = compile_program(case.program, set(case.vocab), case.max_seq_len, compact_above=0)
    report = verify(compiled, case.program)
    assert report.exhaustive
    assert report.ok, f"{report}\n{case!r}"


def test_tokens_read_as_numbers_and_as_categories_past_the_compact_threshold():
    """Found by the fuzzer (cmp11, seed 2100612): with 33+ tokens the categorical tokens became a code,
    while `numerical(tokens)` read one-hot dims the embedding never wrote (a KeyError while assembling).
    Both views now read the one-hot embedding; a compact mark on such tokens is refused by name."""
    vocab = list(range(34))
    near = rasp.Select(rasp.numerical(rasp.tokens), rasp.length, lambda k, q: abs(k - q) <= 1)
    program = rasp.Aggregate(near, rasp.tokens, default=None)
    compiled = compile_program(program, vocab, 2)
    assert not mismatches(compiled, program, every_input(vocab, 2))
    marked = rasp.Aggregate(near, rasp.compact(rasp.tokens), default=None)
    with pytest.raises(CompileError, match="marked compact and also read as numbers"):
        compile_program(marked, vocab, 2)
