"""Holes: empty ones refuse to run and declare their values; filled ones are ordinary functions."""

import pytest

from weightsmith import rasp
from weightsmith.rasp.errors import EvaluationError


def test_an_empty_hole_refuses_to_run_and_names_itself():
    kind = rasp.Learnable.map(rasp.tokens, values=[0, 1]).named("kind")
    with pytest.raises(EvaluationError, match="'kind'.*not filled"):
        rasp.evaluate(kind, ["a"])
    with pytest.raises(EvaluationError, match="kind.*hole that is not filled"):
        rasp.evaluate_batch(kind, [["a"]])


def test_value_sets_read_an_empty_hole_from_its_declaration():
    kind = rasp.Learnable.map(rasp.tokens, values=[0, 1]).named("kind")
    shifted = rasp.Map(lambda x: x + 10, kind)
    assert shifted.inner is kind  # a Map over a hole does not fuse it away
    assert rasp.value_set(shifted, {"a", "b", "c"}, 4) == {10, 11}
    pair = rasp.SequenceMap(lambda a, b: a + b, kind, kind)  # one source: only equal pairs occur
    assert rasp.value_set(pair, {"a"}, 3) == {0, 2}


def test_filled_holes_compute_their_tables_and_copies_have_their_own():
    kind = rasp.Learnable.map(rasp.tokens, values=[0, 1])
    named = kind.named("kind")
    named.fill({"a": 1, "b": 0})
    assert rasp.evaluate(named, ["a", "b", "a"]) == [1, 0, 1]
    assert not kind.table.filled  # the unnamed original keeps its own (empty) table
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens).fill({("a", "a"): True, ("b", "b"): True})
    assert rasp.evaluate(rasp.SelectorWidth(same), ["a", "b", "a"]) == [2, 1, 2]
    pair = rasp.Learnable.sequence_map(rasp.tokens, rasp.indices, values=["x", "y"]).fill({("a", 0): "y"})
    assert rasp.evaluate(pair, ["a", "a"]) == ["y", None]  # unseen arguments: the declared default (None)


def test_bad_fillings_and_declarations():
    with pytest.raises(ValueError, match="not one of its declared values"):
        rasp.Learnable.map(rasp.tokens, values=[0, 1]).named("kind").fill({"a": 2})
    with pytest.raises(ValueError, match="True or False"):
        rasp.Learnable.select(rasp.tokens, rasp.tokens).fill({("a", "a"): 1})
    with pytest.raises(ValueError, match="non-empty list"):
        rasp.Learnable.map(rasp.tokens, values=[])
    assert [h.label for h in rasp.holes(rasp.SelectorWidth(rasp.Learnable.select(rasp.tokens, rasp.tokens)
                                                           .named("s")))] == ["s"]


def test_a_map_hole_over_pairs_is_filled_by_its_values():
    # "single values for a Map": a pair value (1, 0) was read as two arguments, matched nothing, and the
    # hole answered its default None at every position without a word
    pair = rasp.SequenceMap(lambda a, b: (a, b), rasp.tokens, rasp.indices).named("pair")
    first = rasp.Learnable.map(pair, values=[0, 1]).fill({(1, 0): 1, (0, 0): 0, (1, 1): 0, (0, 1): 1})
    assert rasp.evaluate(first, [1, 0]) == [1, 1]
    assert rasp.evaluate(first.fill({((1, 0),): 0}), [1]) == [0]  # the argument-tuple form still works


def test_a_pair_hole_refuses_a_key_that_is_not_a_pair():
    # a key "a" for a sequence map was read as the one-argument tuple ("a",), which no call matches
    with pytest.raises(ValueError, match=r"hole 'both': a key is an argument pair, got 'a'"):
        rasp.Learnable.sequence_map(rasp.tokens, rasp.indices, values=["x"]).named("both").fill({"a": "x"})
    with pytest.raises(ValueError, match=r"hole 'same': a key is a \(key, query\) pair, got \('a', 'a', 'a'\)"):
        rasp.Learnable.select(rasp.tokens, rasp.tokens).named("same").fill({("a", "a", "a"): True})
