"""Causal compilation: the model computes the causal form, and running it token by token changes nothing."""

import pytest
import torch

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.compiler.causal import _never_ahead, causal_program, implied_by_mask, looks_back_only
from weightsmith.compiler.selectors import conjunction
from weightsmith.library import PROGRAMS

from tests.compiler.agreement import every_input, same_value

LEQ = rasp.Comparison.LEQ


def test_causal_form_of_a_look_back_program_is_its_prefix_run():
    frac = PROGRAMS["frac_prevs"].build()
    form, _ = causal_program(frac)
    for xs in every_input(["a", "b", "x"], 4):
        prefix_run = [rasp.evaluate(frac, xs[: i + 1])[i] for i in range(len(xs))]
        assert rasp.evaluate(form, xs) == prefix_run


def test_causal_form_sees_only_the_past():
    form, _ = causal_program(rasp.SequenceMap(lambda n, i: n - i, rasp.length, rasp.indices).named("left"))
    assert rasp.evaluate(form, ["a"] * 4) == [1, 1, 1, 1]  # the length so far, minus the index
    hist, _ = causal_program(rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)))
    assert rasp.evaluate(hist, ["a", "b", "a", "a"]) == [1, 1, 2, 3]


def check_causal(program, vocab, max_seq_len):
    compiled = compile_program(program, vocab, max_seq_len, causal=True)
    assert compiled.config.causal
    form, _ = causal_program(program)
    inputs = every_input(vocab, max_seq_len)
    full = compiled.run_batch(inputs)
    expected = rasp.evaluate_batch(form, inputs)
    for xs, ours, theirs in zip(inputs, full, expected):
        assert all(map(same_value, ours, theirs)), (xs, ours, theirs)
    # Token by token: the output at position i is final once token i is in.
    longest = [(xs, out) for xs, out in zip(inputs, full) if len(xs) == max_seq_len]
    prefixes = [xs[: i + 1] for xs, _ in longest for i in range(max_seq_len)]
    by_prefix = iter(compiled.run_batch(prefixes))
    for xs, out in longest:
        for i in range(max_seq_len):
            assert same_value(next(by_prefix)[-1], out[i]), (xs, i)
    return compiled


def test_causal_library_programs_token_by_token():
    for name in ("frac_prevs", "hist", "reverse", "shuffle_dyck1", "dyck2"):
        entry = PROGRAMS[name]
        check_causal(entry.build(), list(entry.vocab), min(entry.max_seq_len, 5))


def test_causal_selector_width_counts_the_past_at_length_10():
    count_a = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, lambda k, q: k == "a")).named("count_a")
    compiled = check_causal(count_a, ["a", "b"], 10)
    assert compiled.run(["a"] * 10) == list(range(1, 11))


def test_causal_model_equals_itself_on_every_prefix_of_the_residual():
    entry = PROGRAMS["sort"]
    compiled = compile_program(entry.build(), list(entry.vocab), entry.max_seq_len, causal=True)
    model = compiled.model.double()
    xs = ["BOS", 3, 1, 2, 0, 2]
    with torch.inference_mode():
        whole = model(model.encode([xs]))
        for i in range(1, len(xs) + 1):
            part = model(model.encode([xs[:i]]))
            assert torch.allclose(part[0, -1], whole[0, i - 1], atol=1e-9)


def test_a_program_that_only_looks_back_lets_the_mask_select_the_prefix():
    frac = PROGRAMS["frac_prevs"].build()
    assert looks_back_only(frac, 5)
    assert not looks_back_only(PROGRAMS["hist"].build(), 5)
    assert not looks_back_only(rasp.SelectorWidth(rasp.Select(rasp.indices, rasp.indices, LEQ)) + rasp.length, 5)
    compiled = compile_program(frac, ["a", "b", "x"], 5)
    assert compiled.config.causal and not compiled.causal  # the mask does the work; asked for no causal model
    assert not any(label.startswith("indices") for label in compiled.config.residual_labels)
    # one, bos, tokens:x, the mean, and the scores of the selection's case none/one/several that types
    # the mean (int 0, bool True, float 0.5: config.output_types)
    assert compiled.config.d_model == 7 and compiled.config.output_types["types"] == ["int", "bool", "float"]
    inputs = every_input(["a", "b", "x"], 5)
    assert all(map(lambda o, e: all(map(same_value, o, e)), compiled.run_batch(inputs), rasp.evaluate_batch(frac, inputs)))


def test_causal_form_of_a_preference_prefers_among_the_past():
    equal = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)
    last_equal = rasp.Aggregate(rasp.SelectPreferred(equal, lambda k, q: -k), rasp.indices)
    form, _ = causal_program(last_equal)
    for xs in every_input(["a", "b"], 4):
        assert rasp.evaluate(form, xs) == [rasp.evaluate(last_equal, xs[: i + 1])[i] for i in range(len(xs))]
    looking_back = rasp.Aggregate(rasp.SelectPreferred(equal & rasp.Select(rasp.indices, rasp.indices, LEQ),
                                                       lambda k, q: -k), rasp.indices)
    assert looks_back_only(looking_back, 4) and not looks_back_only(last_equal, 4)
    check_causal(last_equal, ["a", "b"], 4)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_looks_back_only_reads_the_graphs_order_alike(name):
    """The compiler passes its graph's order (the loop's body inside it); the answer is the one the
    program's own walk gives."""
    from weightsmith.compiler.graph import build_graph

    program = PROGRAMS[name].build()
    for n in (3, 6):
        assert looks_back_only(program, n, build_graph(program).order) == looks_back_only(program, n)


@pytest.mark.parametrize("negate", [False, True])
@pytest.mark.parametrize("predicate", [*rasp.Comparison, lambda k, q: k % 3 == q % 2])
def test_the_position_questions_are_holds_on_every_pair(predicate, negate):
    """`implied_by_mask` and `_never_ahead` map a Comparison's operator over the pairs: the same answers
    as `holds` on every pair of positions at or before (resp. after) the query."""
    select = rasp.Select(rasp.indices, rasp.indices, predicate)
    (atom,) = conjunction(rasp.SelectorNot(select) if negate else select)
    for n in range(1, 8):
        before = [atom.holds((k,), (q,)) for q in range(n) for k in range(q + 1)]
        after = [atom.holds((k,), (q,)) for q in range(n) for k in range(q + 1, n)]
        assert implied_by_mask(atom, n) == all(before) and _never_ahead(atom, n) == (not any(after))


def test_reading_the_second_word_is_causal_only_from_position_1_on():
    """The compiled translator's clause facts (docs/nlp.md) differed from the interpreter at position 0 of
    "do n't ...": a head selected the key at index 1, which position 0's query cannot see in a causal
    model, so the model computed the causal form (the default) where the interpreter looked right. Not a
    rounding error: float32 and float64 runs of the weights agree. Guarded (1 <= query) the program looks
    back only, and the model equals the interpreter at every position."""
    second = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 1), rasp.tokens, default="-")
    assert not looks_back_only(second, 4)
    assert compile_program(second, ["a", "b"], 4, causal=True).run(["a", "b"]) == ["-", "b"]
    assert rasp.evaluate(second, ["a", "b"]) == ["b", "b"]
    guarded = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 1 <= q), rasp.tokens, default="-")
    assert looks_back_only(guarded, 4)
    check_causal(guarded, ["a", "b"], 4)


def test_a_program_without_attention_gets_a_bidirectional_model_unless_asked():
    # A program with no selection "looks back only" vacuously; there is no attention for a mask to help,
    # and a model saying `causal` made `verify` against another program compare with that one's causal form.
    inc = rasp.Map(lambda x: (x + 1) % 3, rasp.tokens)
    assert not compile_program(inc, [0, 1, 2], 3).config.causal
    assert compile_program(inc, [0, 1, 2], 3, causal=True).config.causal  # asked for: kept
    shifted = rasp.SequenceMap(lambda x, i: x + i, rasp.tokens, rasp.indices)
    assert not compile_program(shifted, [0, 1, 2], 3).config.causal
