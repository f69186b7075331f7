"""Sketches: holes with a known filling are recovered, the filled program compiles exactly, and the
differentiable interpreter is the interpreter when nothing is left to learn."""

import itertools
import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.learn.sketch import _search, accuracy, fill_from_json, fit, holes_to_json
from weightsmith.learn.soft import SketchError, SoftProgram
from weightsmith.library import get_program

VOCAB = ["a", "b", "c", "d"]


def examples(target, n=200, max_len=5, seed=0):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        xs = [rng.choice(VOCAB) for _ in range(rng.randint(1, max_len))]
        out.append((xs, target(xs)))
    return out


def test_a_learned_predicate_is_recovered_and_compiles_exactly():
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("same")
    hist = rasp.SelectorWidth(same).named("hist")
    train = examples(lambda xs: [xs.count(x) for x in xs])
    result = fit(hist, train, VOCAB, 5)
    assert (result.train_accuracy, result.train_sequence_accuracy) == (1.0, 1.0)
    assert {k for k, v in result.fillings["same"].items() if v} == {(t, t) for t in VOCAB}  # the known filling
    test = examples(lambda xs: [xs.count(x) for x in xs], n=100, seed=1)
    assert accuracy(result.program, test) == (1.0, 1.0)
    compiled = compile_rasp_to_model(result.program, set(VOCAB), 5)
    model_out = compiled.apply_batch([["BOS", *xs] for xs, _ in test])
    assert [o[1:] for o in model_out] == rasp.evaluate_batch(result.program, [xs for xs, _ in test])


def test_a_learned_table_under_a_numerical_mean():
    kind = rasp.Learnable.map(rasp.tokens, values=[0, 1]).named("kind")
    everything = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)
    share = rasp.numerical(rasp.Aggregate(everything, rasp.numerical(kind), default=0)).named("share")
    train = examples(lambda xs: [sum(x in "ab" for x in xs) / len(xs)] * len(xs))
    result = fit(share, train, VOCAB, 5)
    assert result.fillings["kind"] == {("a",): 1, ("b",): 1, ("c",): 0, ("d",): 0}
    assert result.train_accuracy == 1.0


def test_the_sketch_itself_stays_empty_and_tables_round_trip_through_json():
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("same")
    hist = rasp.SelectorWidth(same).named("hist")
    result = fit(hist, examples(lambda xs: [xs.count(x) for x in xs], n=60), VOCAB, 5)
    assert not same.table.filled
    again = fill_from_json(hist, holes_to_json(result.fillings))
    assert rasp.evaluate(again, ["a", "b", "a"]) == [2, 1, 2]


def test_clear_errors():
    hist = rasp.SelectorWidth(rasp.Learnable.select(rasp.tokens, rasp.tokens))
    with pytest.raises(SketchError, match="no holes"):
        fit(rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)), [(["a"], [1])])
    with pytest.raises(SketchError, match="not a value the sketch can produce"):
        fit(hist, [(["a"], [7])], VOCAB, 5)
    with pytest.raises(SketchError, match="1 input tokens but 2 outputs"):
        fit(hist, [(["a"], [1, 1])], VOCAB, 5)


@pytest.mark.parametrize("name", ["hist", "reverse", "length", "frac_prevs", "sort"])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_with_nothing_to_learn_the_soft_interpreter_is_the_interpreter(name, data):
    entry = get_program(name)
    program = entry.build()
    soft = SoftProgram(program, entry.vocab, entry.max_seq_len, relax_only_holes=False)
    xs = data.draw(st.lists(st.sampled_from(list(entry.vocab)), min_size=1, max_size=entry.max_seq_len))
    expected = rasp.evaluate(program, xs)
    if any(v is None for v in expected):
        return
    with torch.no_grad():
        probs = soft(soft.encode([xs]))[0]
    domain = soft.domains[id(program)]
    got = [domain[int(i)] for i in probs.argmax(-1)]
    assert all(g == pytest.approx(e) if isinstance(e, float) else g == e for g, e in zip(got, expected))
    assert torch.allclose(probs.max(-1).values, torch.ones(len(xs)), atol=1e-4)


def test_a_one_key_predicate_is_recovered_and_compiles_exactly():
    opposite = rasp.SequenceMap(lambda n, i: n - i - 1, rasp.length, rasp.indices).named("opposite")
    flip = rasp.Learnable.select(opposite, rasp.indices, one_key=True).named("flip")
    reverse = rasp.Aggregate(flip, rasp.tokens).named("reverse")
    train = examples(lambda xs: xs[::-1], n=100)
    result = fit(reverse, train, VOCAB, 5)
    assert result.train_accuracy == 1.0
    reachable = {(k, q) for k in range(5) for q in range(5)}  # opposite and indices both range over 0..4
    assert {cell for cell, on in result.fillings["flip"].items() if on and cell in reachable} == {(i, i) for i in range(5)}
    test = examples(lambda xs: xs[::-1], n=50, seed=1)
    compiled = compile_rasp_to_model(result.program, set(VOCAB), 5)
    model_out = compiled.apply_batch([["BOS", *xs] for xs, _ in test])
    assert [o[1:] for o in model_out] == [ys for _, ys in test]


def test_moves_repair_a_one_to_one_predicate_that_single_edits_cannot():
    """Placement shifted by one (rank r goes to position r + 1): changing one cell makes a position read
    two ranks or none, so only moving a match within a column can repair it, and the search does."""
    rank = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.LT)).named("rank")
    place = rasp.Learnable.select(rank, rasp.indices, one_key=True).named("place")
    sort_unique = rasp.Aggregate(place, rasp.tokens).named("sort")
    train = [(xs, sorted(xs)) for xs in itertools.permutations(VOCAB, 4)]
    shifted = {(r, q): r == (q - 1) % 6 for r in range(6) for q in range(5)}
    fillings, score, edits, _ = _search(sort_unique, {place.unique_id: shifted}, accuracy(fill_from_json(
        sort_unique, holes_to_json({"place": shifted})), train), train, seconds=30)
    assert score == (1.0, 1.0) and edits > 0
    assert {cell for cell, on in fillings[place.unique_id].items() if on and max(cell) < 4} == {(i, i) for i in range(4)}


def test_restarts_keep_the_best_run():
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("same")
    hist = rasp.SelectorWidth(same).named("hist")
    train = examples(lambda xs: [xs.count(x) for x in xs], n=60)
    result = fit(hist, train, VOCAB, 5, epochs=1, restarts=3, search_seconds=0)
    assert {record["seed"] for record in result.history} <= {0, 1, 2}
    assert result.train_accuracy == max(record["accuracy"] for record in result.history)
    with pytest.raises(SketchError, match="fit: restarts must be an int >= 1"):
        fit(hist, train, VOCAB, 5, restarts=0)


@pytest.mark.parametrize("arguments, message", [
    ({"epochs": 0}, "fit: epochs must be an int >= 1"),  # was a bare AssertionError
    ({"batch_size": 0}, "fit: batch_size must be"),  # ZeroDivisionError
    ({"tau_start": 0.0}, "fit: tau_start must be a finite number > 0"),  # ZeroDivisionError
    ({"search_seconds": float("nan")}, "fit: search_seconds must be a finite number >= 0"),  # no search, no word
    ({"search_seconds": -1.0}, "fit: search_seconds must be a finite number >= 0"),
])
def test_settings_that_cannot_fit_are_refused_by_name(arguments, message):
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("same")
    with pytest.raises(SketchError, match=message):
        fit(rasp.SelectorWidth(same), [([VOCAB[0]], [1])], VOCAB, 5, **{"search_seconds": 0, **arguments})


def test_examples_of_no_tokens_or_too_many_are_refused_by_length():
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("same")
    hist = rasp.SelectorWidth(same)
    with pytest.raises(SketchError, match="example 1 has 0 input tokens"):  # was "max_seq_len must be at least 1"
        fit(hist, [([VOCAB[0]], [1]), ([], [])], search_seconds=0)
    with pytest.raises(SketchError, match="example 0 has 3 input tokens; 1..max_seq_len=2"):
        fit(hist, [([VOCAB[0]] * 3, [3] * 3)], VOCAB, 2, search_seconds=0)  # was "the output 3 is not a value"


@settings(max_examples=10, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=5), min_size=1, max_size=4),
       st.floats(0.1, 3.0))
def test_relaxing_only_what_the_holes_influence_gives_the_same_distributions(inputs, tau):
    """The fixed parts (a Map, a SequenceMap, the length, a count) come from the interpreter, one-hot; the
    hole and what reads it are relaxed: the output is the fully relaxed program's."""
    vowel = rasp.Map(lambda t: t in "ae", rasp.tokens).named("vowel")
    pair = rasp.SequenceMap(lambda v, n: (v, n), vowel, rasp.length).named("pair")
    before = rasp.SelectorWidth(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT)).named("before")
    kind = rasp.Learnable.sequence_map(pair, before, values=[0, 1, 2]).named("kind")
    out = rasp.SelectorWidth(rasp.Select(kind, kind, rasp.Comparison.EQ)).named("out")
    pruned, full = (SoftProgram(out, VOCAB, 5, seed=3, relax_only_holes=flag) for flag in (True, False))
    assert [e.label for e in pruned.fixed] == ["pair", "before"]
    assert torch.allclose(pruned(pruned.encode(inputs), tau), full(full.encode(inputs), tau), atol=1e-6)


@pytest.mark.parametrize("vocab, inputs", [(None, [1, 1.0]), (None, [True, 1]), ([1, True], [1, True]),
                                           ([0, False], [0])])
def test_tokens_equal_as_values_are_refused_naming_both(vocab, inputs):
    """1 and 1.0 (or True and 1) are two tokens to the examples but one to a set: the fit kept one, filled a single
    table entry and reported 50% without a word, as if the sketch could not fit the data."""
    table = rasp.Learnable.map(rasp.tokens, ["a", "b"])
    with pytest.raises(SketchError, match="equal as values"):
        fit(table, [(inputs, ["a", "b"][:len(inputs)])], vocab, 2, epochs=1, search_seconds=0)
