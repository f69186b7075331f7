"""Value-set inference: a superset of every value that occurs, tight where operands share a source."""

import itertools

import pytest

from weightsmith import rasp
from tests.conftest import load_compat

PROGRAMS, GOLDEN = load_compat()


def all_inputs(vocab, max_seq_len):
    return [list(p) for n in range(1, max_seq_len + 1) for p in itertools.product(vocab, repeat=n)]


# categorical_mean_of_ints averages several values in a categorical Aggregate: outside the contract.
@pytest.mark.parametrize("name", sorted(set(GOLDEN) - {"categorical_mean_of_ints"}))
def test_value_sets_cover_every_occurring_value(name):
    case = GOLDEN[name]
    program = PROGRAMS.CASES[name][0](rasp)
    vocab, n = case["vocab"], min(case["max_seq_len"], 4)
    sets = rasp.value_sets(program, vocab, n, max_size=10**6)  # every_comparison has 5**8 combinations
    inputs = all_inputs(vocab, n)
    for e in rasp.topological_order(program):
        if not isinstance(e, rasp.SOp):
            continue
        try:
            outs = rasp.evaluate_batch(e, inputs)
        except rasp.EvaluationError:
            continue
        seen = {v for out in outs for v in out if v is not None}
        assert seen <= sets[id(e)], f"{e.label}: {seen - sets[id(e)]} missing"


def test_shared_sources_are_enumerated_jointly():
    remaining = rasp.SequenceMap(lambda n, i: n - i, rasp.length, rasp.indices)
    assert rasp.value_set(remaining, {"a"}, 4) == {1, 2, 3, 4}  # never 0 or negative: index < length
    inverse = rasp.SequenceMap(lambda n, i: 1 / (n - i), rasp.length, rasp.indices)
    assert rasp.value_set(inverse, {"a"}, 2) == {1.0, 0.5}  # n - i == 0 cannot occur, so no error
    pair = rasp.SequenceMap(lambda a, b: (a, b), rasp.tokens, rasp.Map(lambda t: t.upper(), rasp.tokens))
    assert rasp.value_set(pair, {"a", "b"}, 3) == {("a", "A"), ("b", "B")}


def test_primitives_and_aggregates():
    assert rasp.value_set(rasp.indices, {1}, 3) == {0, 1, 2}
    assert rasp.value_set(rasp.length, {1}, 3) == {1, 2, 3}
    width = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ))
    assert rasp.value_set(width, {1}, 3) == {0, 1, 2, 3}
    ones = rasp.numerical(rasp.Map(lambda t: 1 if t == "x" else 0, rasp.tokens))
    frac = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ), ones, default=0))
    assert rasp.value_set(frac, {"x", "y"}, 3) == {0, 1, 0.5, 1 / 3, 2 / 3}
    prev = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT), rasp.tokens, default="-")
    assert rasp.value_set(prev, {"x", "y"}, 3) == {"x", "y", "-"}


def test_sources_below_an_aggregate_are_not_mixed_in():
    shifted = rasp.Map(lambda t: t + 1, rasp.tokens)
    agg = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.EQ), shifted)
    both = rasp.SequenceMap(lambda a, b: a * 10 + b, agg, rasp.Map(lambda a: a, agg))
    assert rasp.value_set(both, {1, 2}, 2) == {22, 33}


def test_errors_name_the_sop():
    with pytest.raises(rasp.ValueSetError, match=r"Map 'boom'.*on the possible value 0"):
        rasp.value_set(rasp.Map(lambda x: 1 / x, rasp.indices).named("boom"), {"a"}, 3)
    with pytest.raises(rasp.ValueSetError, match=r"SequenceMap 'pair'.*on the possible value \(2, 0\)"):
        rasp.value_set(rasp.SequenceMap(lambda a, b: a / b, rasp.tokens, rasp.indices).named("pair"), [2], 3)
    big = rasp.SequenceMap(lambda a, b: a * 1000 + b, rasp.tokens, rasp.SelectorWidth(
        rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE))).named("big")
    # the advice names what the caller can change (it said "raise max_size", which no compiler call takes)
    with pytest.raises(rasp.ValueSetTooLarge, match=r"^the value set of SequenceMap 'big' has more than 10 values "
                       r"\(max_size\) on inputs of up to 5 tokens over a vocabulary of 5; a smaller vocab or "
                       r"max_seq_len, or an s-op with fewer values, keeps it within the limit$"):
        rasp.value_set(big, range(5), 5, max_size=10)
    with pytest.raises(rasp.ValueSetError, match=r"'big' has more than 100,000 values \(the compiler's limit\)"):
        rasp.value_set(big, range(400), 300)
    with pytest.raises(TypeError, match="s-op"):
        rasp.value_set(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ), {1}, 2)


def test_new_primitives_value_sets_hold_every_value_that_occurs():
    preferred = rasp.SelectPreferred(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.LT), lambda k, q: -k)
    last_larger = rasp.Aggregate(preferred, rasp.tokens, default=0)
    classified = rasp.LinearClassifier([rasp.tokens, last_larger], [{1: [1, 0, 0]}, {3: [0, 0, 2]}], [0, 0.5, 0],
                                       ["p", "q", "r"])
    vocab = [1, 2, 3]
    for sop in (last_larger, classified):
        seen = {v for xs in all_inputs(vocab, 4) for v in rasp.evaluate(sop, xs)}
        assert seen <= rasp.value_set(sop, vocab, 4)
    assert rasp.value_set(last_larger, vocab, 4) == {0, 1, 2, 3}
    assert rasp.value_set(classified, vocab, 4) == {"p", "q", "r"}  # every class may win


def test_too_many_joint_values_fall_back_to_the_operands_product():
    widths = [rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, cmp))
              for cmp in (rasp.Comparison.LT, rasp.Comparison.EQ, rasp.Comparison.GT)]
    s1 = rasp.SequenceMap(lambda a, b: (a + b) % 3, widths[0], widths[1])
    s2 = rasp.SequenceMap(lambda a, c: (a * c) % 2, widths[0], widths[2])
    top = rasp.SequenceMap(lambda x, y: (x, y), s1, s2)  # shares widths[0]: 5**3 joint values > 50
    vocab = [1, 2, 3]
    assert rasp.value_set(top, vocab, 4, max_size=50) == {(x, y) for x in range(3) for y in range(2)}
    seen = {v for xs in all_inputs(vocab, 4) for v in rasp.evaluate(top, xs)}
    assert seen <= rasp.value_set(top, vocab, 4)  # the joint enumeration, within the default max_size
