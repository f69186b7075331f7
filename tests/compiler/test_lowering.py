"""Lowering picks the cheapest exact form: virtual where linear, MLPs and heads only where needed."""

import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler import CompileError, compile_program
from weightsmith.compiler.causal import causal_program
from weightsmith.compiler.blocks import AttentionOp, MLPOp
from weightsmith.compiler.graph import build_graph
from weightsmith.compiler.lowering import (MAX_MAGNITUDE, Lowering, _all_numbers, _merge_twins, _pair_array,
                                          _require_float32_apart, _within_range)
from weightsmith.compiler.mlp import SMALL
from weightsmith.compiler.readout import Dim
from weightsmith.compiler.values import analyse
from weightsmith.verify import verify

EQ, LEQ = rasp.Comparison.EQ, rasp.Comparison.LEQ


def lower(program, vocab=(1, 2, 3), max_seq_len=4) -> Lowering:
    graph = build_graph(program)
    return Lowering(graph, analyse(graph, list(vocab), max_seq_len), list(vocab), max_seq_len)


def kinds(lowering: Lowering) -> list[str]:
    return [type(op).__name__ for op in lowering.ops]


def test_linear_sops_cost_nothing():
    parity = rasp.Map(lambda t: t % 2, rasp.tokens)
    label = rasp.Map(lambda p: "odd" if p else "even", parity, simplify=False)  # non-injective: copied out
    lowering = lower(label)
    assert lowering.reps[id(parity)].virtual and lowering.reps[id(label)].virtual
    assert kinds(lowering) == ["MLPOp"]  # only the copy into the output's own dimensions
    assert lowering.output.values == ["even", "odd"]


def test_an_injective_relabelling_is_read_in_place():
    lowering = lower(rasp.Map(lambda t: t + 10, rasp.tokens))
    assert kinds(lowering) == []
    assert [d.label for d in lowering.output.dims] == ["tokens:1", "tokens:2", "tokens:3"]
    assert lowering.output.values == [11, 12, 13]


def test_linear_sequence_maps_and_affine_maps_of_numbers_have_no_hidden_units():
    prefix = rasp.Select(rasp.indices, rasp.indices, LEQ)
    x = rasp.numerical(rasp.Aggregate(prefix, rasp.numerical(rasp.Map(lambda t: t, rasp.tokens)), default=0))
    y = rasp.numerical(rasp.Aggregate(prefix, rasp.numerical(rasp.Map(lambda t: t == 1, rasp.tokens)), default=0))
    diff = rasp.numerical(rasp.LinearSequenceMap(x, y, 1, -1))
    shifted = rasp.numerical(rasp.Map(lambda v: 2 * v - 3, diff))
    lowering = lower(shifted)
    assert lowering.reps[id(diff)].virtual and lowering.reps[id(shifted)].virtual
    # two means, one output copy; then the head whose scores name the selection's case, which types the
    # output (int or float)
    assert kinds(lowering) == ["AttentionOp", "AttentionOp", "MLPOp", "AttentionOp"]
    assert lowering.ops[3].output.label == f"{lowering.output.label}[type]"
    # a numerical SequenceMap that splits as g(x) + h(y) is linear too
    assert lower(rasp.numerical(rasp.SequenceMap(lambda t, i: t * t + i, rasp.tokens, rasp.indices))).reps


def test_nonlinear_sequence_map_is_one_lookup_over_occurring_pairs():
    remaining = rasp.SequenceMap(lambda n, i: n - i, rasp.length, rasp.indices).named("remaining")
    lowering = lower(remaining, vocab=("a",), max_seq_len=4)
    (lookup,) = [op for op in lowering.ops if op.output.label == "remaining"]
    assert isinstance(lookup, MLPOp) and len(lookup.units) == 4 + 3 + 2 + 1  # (n, i) with i < n


def test_numbers_compared_by_a_select_get_a_one_hot_copy():
    prefix = rasp.Select(rasp.indices, rasp.indices, LEQ)
    frac = rasp.numerical(rasp.Aggregate(prefix, rasp.numerical(rasp.Map(lambda t: t == 1, rasp.tokens)), default=0))
    above = rasp.SelectorWidth(rasp.Select(frac, frac, rasp.Comparison.LT)).named("above")
    lowering = lower(above)
    assert "frac" not in [op.output.label for op in lowering.ops if op.output.role]
    assert any(op.output.role == "categorical" for op in lowering.ops)


def test_selector_width_is_a_head_then_a_staircase():
    hist = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, EQ)).named("hist")
    lowering = lower(hist)
    head, staircase = lowering.ops
    assert isinstance(head, AttentionOp) and head.mode == "width" and head.output.label == "hist[1/(w+1)]"
    assert isinstance(staircase, MLPOp) and staircase.output.values == [1, 2, 3, 4]


def test_categorical_aggregate_copies_one_hot_with_default_from_bos():
    prev = rasp.Aggregate(rasp.Select(rasp.indices, rasp.Map(lambda i: i - 1, rasp.indices), EQ), rasp.tokens,
                          default=0).named("prev")
    (head,) = lower(prev).ops
    assert head.mode == "aggregate" and head.output.values == [0, 1, 2, 3]
    assert head.bos_values == {d: 1.0 for d in head.output.dims if d.slot == 0}


def test_categorical_mean_of_numbers_is_a_mean_then_a_staircase():
    everything = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE)
    lowering = lower(rasp.Aggregate(everything, rasp.tokens).named("avg"), max_seq_len=3)
    # then the head scoring the case (one key or several: int or float) that types the output
    assert [op.output.label for op in lowering.ops] == ["avg[mean]", "avg", "avg[type]"]
    assert 1.5 in lowering.output.values


def test_errors_name_the_sop_and_the_reason():
    letters = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, LEQ), rasp.tokens).named("letters")
    with pytest.raises(CompileError, match="'mean' averages non-numeric values"):
        lower(rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, LEQ), letters, default=0)).named("mean"),
              vocab=("a", "b"))
    shifted = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.Map(lambda i: i - 1, rasp.indices), EQ),
                                            rasp.numerical(rasp.Map(lambda t: t, rasp.tokens)))).named("shifted")
    with pytest.raises(CompileError, match="'shifted'.*can be None"):  # f(None) is None, not f(0)
        lower(rasp.numerical(rasp.Map(lambda x: x + 1, shifted)))
    with pytest.raises(CompileError, match="raised ZeroDivisionError"):
        lower(rasp.Map(lambda t: 1 / (t - 2), rasp.tokens))


# ------------------------------------------------------------------------------- SelectPreferred

RANKS = {"first": lambda k, q: k, "last": lambda k, q: -k, "closest": lambda k, q: 2 * abs(k - q) - (k < q),
         "flat": lambda k, q: 0, "odd first": lambda k, q: (k % 2 == 0, -k)}


@st.composite
def preferred_programs(draw):
    """An Aggregate (categorical or numerical, with or without a default) of a SelectPreferred over
    one or two atoms, with one of several rankings (ties included)."""
    predicate = draw(st.sampled_from([rasp.Comparison.LT, rasp.Comparison.EQ, rasp.Comparison.NEQ, rasp.Comparison.TRUE]))
    select = rasp.Select(rasp.tokens, rasp.tokens, predicate)
    if draw(st.booleans()):
        select = select & rasp.Select(rasp.indices, rasp.indices, draw(st.sampled_from([LEQ, rasp.Comparison.NEQ])))
    name = draw(st.sampled_from(sorted(RANKS)))
    preferred = rasp.SelectPreferred(select, RANKS[name])
    source = draw(st.sampled_from(["tokens", "indices"]))
    values = rasp.tokens if source == "tokens" else rasp.indices
    default = draw(st.sampled_from([None, 0]))
    aggregate = rasp.Aggregate(preferred, values, default=default)
    if draw(st.booleans()):
        aggregate = rasp.numerical(rasp.Aggregate(preferred, values, default=0))
    return aggregate, f"{predicate} {name} {source} default={default} numerical={rasp.is_numerical(aggregate)}"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=preferred_programs(), causal=st.booleans())
def test_select_preferred_is_one_exact_head(case, causal):
    program, description = case
    compiled = compile_program(program, [1, 2, 3], 4, causal=causal)
    assert len(compiled.heads) == 1, description
    report = verify(compiled, causal_program(program)[0] if causal else program, progress=False)
    assert report.exhaustive and report.ok, f"{description}\n{report}"


def test_select_preferred_compiles_only_under_an_aggregate():
    preferred = rasp.SelectPreferred(rasp.Select(rasp.tokens, rasp.tokens, EQ), lambda k, q: k).named("pick")
    for program in (rasp.SelectorWidth(preferred), rasp.Aggregate(preferred & preferred, rasp.tokens)):
        with pytest.raises(CompileError, match="SelectPreferred 'pick' compiles only as the selector of an Aggregate"):
            lower(program)
    broken = rasp.SelectPreferred(rasp.Select(rasp.tokens, rasp.tokens, EQ), lambda k, q: 1 / (k - 1)).named("broken")
    with pytest.raises(CompileError, match=r"SelectPreferred 'broken': its function raised ZeroDivisionError"):
        lower(rasp.Aggregate(broken, rasp.tokens))


def test_a_flag_times_a_number_is_two_units_not_a_lookup():
    x = rasp.numerical(rasp.Map(lambda t: t * 10 - 5, rasp.tokens))
    first = rasp.Select(rasp.indices, rasp.indices, lambda key, query: key == 0)
    flag = rasp.numerical(rasp.Aggregate(first, rasp.numerical(rasp.Map(lambda t: 1 if t > 1 else 0, rasp.tokens))))
    product = rasp.numerical(rasp.SequenceMap(lambda g, v: g * v, flag, x))
    mlps = [op for op in lower(product).ops if isinstance(op, MLPOp) and op.output.label == product.label]
    assert len(mlps) == 1 and len(mlps[0].units) == 2
    assert verify(compile_program(product, [1, 2, 3], 4), product).ok


def test_a_wrap_around_is_a_line_plus_steps_and_stays_exact():
    pointer = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, EQ), rasp.tokens, default=0))
    wrapped = rasp.numerical(rasp.Map(lambda v: (v + 8) % 16 - 8, rasp.numerical(pointer - 20)))
    lowering = lower(wrapped, vocab=range(0, 40), max_seq_len=3)
    mlp = next(op for op in lowering.ops if isinstance(op, MLPOp) and op.output.label == wrapped.label)
    assert len(mlp.units) < 20 and mlp.passed  # a staircase alone: two units for each of 40 values
    assert verify(compile_program(wrapped, list(range(40)), 3), wrapped, n_random=2000).ok


def test_a_line_plus_steps_is_not_drawn_through_rounding_twins():
    """The means of -x/3 over up to 21 earlier positions hold float64 twins of one value (-0.30303030303030304
    and -0.3030303030303029, 2 ulps apart). A staircase merges them (`_merge_twins`); the line-plus-steps of
    `_ramp` took them as two points and put a ramp between them whose ends round to one float:
    ZeroDivisionError, not a model or a CompileError (fzz23's targeted grid: x * x of such a mean, max_seq_len 22+,
    14 of 14 selectors). Now `_ramp` leaves twins to the staircase."""
    third = rasp.numerical(rasp.Map(lambda x: -x / 3, rasp.tokens))
    mean = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT), third, default=0))
    square = rasp.numerical(rasp.Map(lambda x: x * x, mean))
    assert verify(compile_program(square, [0, 1], 22), square, n_random=300).ok


def test_a_numerical_fetch_by_position_holds_words_not_means():
    vocab = list(range(-100, 101))
    fetched = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.Map(lambda i: 0, rasp.indices), EQ),
                                            rasp.numerical(rasp.Map(lambda t: t, rasp.tokens)), default=0))
    facts = analyse(build_graph(fetched), vocab, 30)
    assert facts.values(fetched) == vocab  # every mean of 30 such numbers would be far too many


def test_numerical_tokens_are_embedded_as_one_number():
    words = list(range(-50, 51))
    doubled = rasp.numerical(rasp.Map(lambda x: 2 * x, rasp.numerical(rasp.tokens)))
    lowering = lower(doubled, vocab=words, max_seq_len=4)
    assert lowering.numeric_tokens and len(lowering.rep(lowering.tokens_expr).dims) == 1
    model = compile_program(doubled, words, 4)
    assert model.config.d_model < 10 and verify(model, doubled, n_random=500).ok


def test_numerical_tokens_compared_by_a_select_get_a_one_hot_view():
    tokens = rasp.numerical(rasp.tokens)
    same = rasp.numerical(rasp.Aggregate(rasp.Select(tokens, tokens, EQ), rasp.numerical(rasp.Full(1)), default=0))
    model = compile_program(same, [0, 1, 2], 4)
    assert verify(model, same).ok


def test_renamed_copies_of_tokens_and_indices_share_the_embedding():
    from weightsmith.compiler import compile_program
    from weightsmith.library import make_reverse
    from weightsmith.verify import verify

    for program in (make_reverse(rasp.annotate(rasp.tokens, name="t2")),
                    rasp.SequenceMap(lambda a, b: a * b, rasp.indices, rasp.annotate(rasp.indices, name="i2"))):
        compiled = compile_program(program, [0, 1], 3)
        assert verify(compiled.model, program).ok


def test_a_renamed_numerical_copy_of_tokens_beside_tokens_compiles():
    from weightsmith.compiler import compile_program
    from weightsmith.verify import verify

    everything = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)
    mean = rasp.numerical(rasp.Aggregate(everything, rasp.numerical(rasp.annotate(rasp.tokens, name="tn")), default=0))
    assert verify(compile_program(mean, [0, 1], 3).model, mean).ok


@given(st.lists(st.sampled_from([0, 1, -2.5, True, False, 10**20, "a", None, np.float64(1.5), np.int64(3), (1,)]),
                max_size=6))
def test_all_numbers_is_isinstance_int_or_float(values):
    """`_all_numbers` checks exact types in C first, `isinstance` only where another type occurs."""
    want = all(isinstance(v, (int, float)) for v in values)
    assert _all_numbers(values) == _all_numbers(iter(values)) == want


@given(st.lists(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                          st.sampled_from([MAX_MAGNITUDE, -MAX_MAGNITUDE, int(MAX_MAGNITUDE) + 1, 10**300]))))
def test_within_range_is_every_magnitude_at_most_the_limit(values):
    assert _within_range(values) == all(abs(v) <= MAX_MAGNITUDE for v in values)


PAIR_MEMBERS = st.one_of(st.integers(-2**70, 2**70), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                         st.text(max_size=2), st.none())


@given(st.lists(st.tuples(PAIR_MEMBERS, PAIR_MEMBERS), max_size=30))
def test_pair_array_is_the_pairs_converted_as_tuples_bit_for_bit(pairs):
    """`_pair_array` gives what `np.array(pairs, float64)` gave, to the bit (ints beyond 2**53 rounded alike),
    exactly when every member is a number; None otherwise."""
    got = _pair_array(pairs)
    if not _all_numbers([v for pair in pairs for v in pair]):
        assert got is None
        return
    want = np.array(pairs, dtype=np.float64).reshape(-1, 2)
    assert got.shape == want.shape and got.dtype == np.float64 and got.tobytes() == want.tobytes()


def test_rounding_twins_merge_when_they_map_alike_and_are_refused_otherwise():
    """`_merge_twins`: a twin is compared with its cluster's first (skipped only where it shares its vector)."""
    from types import SimpleNamespace

    source, output, d = SimpleNamespace(label="x"), SimpleNamespace(label="y"), Dim("y", "num")
    points = [0.0, 0.3, 0.1 + 0.2, 1.0, 2.0, 2.0 + 2e-16 * 2]  # two clusters of twins
    one, two = {d: 1.0}, {d: 2.0}
    for outputs in ([{}, one, one, two, one, one], [{}, one, dict(one), two, one, {d: 1.0 + 1e-12}]):
        merged_points, merged_outputs = _merge_twins(source, output, points, outputs)
        assert merged_points == [0.0, 0.3, 1.0, 2.0] and merged_outputs == [{}, one, two, one]
    with pytest.raises(CompileError, match="0.3 and 0.30000000000000004"):
        _merge_twins(source, output, points, [{}, one, two, two, one, one])
    with pytest.raises(CompileError, match="2.0 and 2.0000000000000004"):
        _merge_twins(source, output, points, [{}, one, one, two, one, two])
    assert _merge_twins(source, output, [0.0, 1.0], [{}, one]) == ([0.0, 1.0], [{}, one])


@pytest.mark.parametrize("vocab", [[1, 2], [1, 2, 3]])
@pytest.mark.parametrize("scale", [1e-9, 1e-7])
def test_numbers_closer_than_float32_tells_apart_are_refused_not_merged(vocab, scale):
    """1 + 1e-9 and 1 + 2e-9 are two numbers, not float64 rounding twins of one: the model answered
    1.000000001 where the interpreter gave 1.000000002 (over {1, 2}), or raised OutputOutOfRange on
    every input (over {1, 2, 3}). No float32 model tells them apart, so the compiler refuses, naming
    the s-op and the two values; read by a staircase (`_merge_twins`) alike (a Map reading them directly
    is fused with theirs: exact, nothing to refuse)."""
    shifted = rasp.numerical(rasp.Map(lambda x: 1 + x * scale, rasp.tokens))
    values = [re.escape(repr(1 + v * scale)) for v in vocab]
    pairs = "|".join(f"{a} and {b}" for a, b in zip(values, values[1:]))  # the closest pair, named
    with pytest.raises(CompileError, match=f"{shifted.label!r} takes the values ({pairs}), only"):
        compile_program(shifted, vocab, 2)
    from types import SimpleNamespace

    points, d = [1 + v * scale for v in vocab], Dim("y", "num")
    with pytest.raises(CompileError, match=f"'x' takes the values ({pairs}), only .* as 'y' needs"):
        _merge_twins(SimpleNamespace(label="x"), SimpleNamespace(label="y"), points, [{d: float(v)} for v in vocab])


def _float32_apart_by_numpy(points: list, span: float | None) -> str | None:
    """The check's definition on float64 arrays (the path above `SMALL` points): the message, or None."""
    p = np.asarray(points, dtype=np.float64)
    magnitude = np.maximum(np.abs(p[:-1]), np.abs(p[1:])) if span is None else np.full(len(p) - 1, max(span, 1.0))
    short = np.diff(p) / magnitude
    i = int(short.argmin())
    if short[i] >= 1e-5:
        return None
    return (f"'s' takes the values {points[i]!r} and {points[i + 1]!r}, only {p[i + 1] - p[i]:.3g} apart (at "
            f"magnitude {magnitude[i]:.3g}): a float32 model cannot tell them apart reliably, why")


_CLOSE_POINTS = st.one_of(st.floats(-1e300, 1e300), st.integers(-10**6, 10**6), st.sampled_from([1.0, 1 + 1e-9, 1 + 3e-6]),
                          st.integers(-3, 3).map(lambda k: 1e-6 * (1 + k * 1e-6)))


@given(st.lists(_CLOSE_POINTS, min_size=2, max_size=2 * SMALL, unique=True), st.sampled_from([None, 0.5, 1e3]))
def test_short_lists_of_points_are_refused_as_the_float64_arrays_say(raw, span):
    """Up to SMALL points the check runs in Python: it refuses exactly where the vectorised definition does,
    naming the same (first) closest pair with the same gap and magnitude; above SMALL it is that definition."""
    points = sorted(set(raw))
    if len(points) < 2:
        return
    expected = _float32_apart_by_numpy(points, span)
    try:
        _require_float32_apart("s", points, "why", span=span)
    except CompileError as err:
        assert str(err) == expected
    else:
        assert expected is None


@pytest.mark.parametrize("f", [lambda x: 1 + x * 1e-4, lambda x: x * 1e-6, lambda x: 10.0 ** (7 * x - 7)])
def test_numbers_float32_tells_apart_compile_exactly(f):
    """The limit of the refusal: values 1e-4 apart (relative) are kept apart, small numbers are told
    apart relative to themselves (1e-6 beside 2e-6), and an output's small values beside huge ones too
    (1 beside 1e14: a first version refused the arithmetic library's `exp`, 1 and e beside 5.8e14); the model
    is exact."""
    shifted = rasp.numerical(rasp.Map(f, rasp.tokens))
    assert verify(compile_program(shifted, [1, 2, 3], 2).model, shifted).ok

