"""One-row kernels of the batched interpreter (`one_row`) against the reference interpreter's step."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.rasp import bitmask, one_row
from weightsmith.rasp import expr as rx
from weightsmith.rasp.evaluate import node_value

_VALUES = st.one_of(st.integers(-3, 3), st.sampled_from(["a", "b", ""]), st.none(), st.booleans(),
                    st.sampled_from([0.0, -0.0, 1.5, math.nan, math.inf]), st.just((1, "a")))
_PREDICATES = st.one_of(st.sampled_from(list(rx.Comparison)),
                        st.just(lambda k, q: k == q or (isinstance(k, int) and k > 2)))


def _masks(rows):
    return [sum(1 << k for k, s in enumerate(row) if s) for row in rows]


def _reference(e, values):
    """The reference step on rows given by `values` (child -> row), or the error it raises."""
    try:
        return node_value(e, [], lambda c: values[id(c)])
    except rasp.EvaluationError as err:
        return err


@settings(max_examples=400, deadline=None)
@given(st.lists(_VALUES, min_size=1, max_size=6), st.lists(_VALUES, min_size=1, max_size=6), _PREDICATES)
def test_select_is_the_reference_select(keys, queries, predicate):
    k, q = rx.Map(lambda x: x, rx.tokens), rx.Map(lambda x: x, rx.indices)
    e = rx.Select(k, q, predicate)
    want = _reference(e, {id(k): keys, id(q): queries})
    if isinstance(want, Exception):
        with pytest.raises(rasp.EvaluationError, match=r"\(input 0\)$"):
            one_row.select(e, keys, queries)
    else:
        assert one_row.select(e, keys, queries) == _masks(want)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 70).flatmap(lambda n: st.tuples(
    st.lists(st.lists(st.booleans(), min_size=n, max_size=n), min_size=1, max_size=4),
    st.lists(st.one_of(st.integers(0, 3), st.floats(-2, 2), st.sampled_from(["a", None])), min_size=n, max_size=n),
    st.lists(st.lists(st.booleans(), min_size=n, max_size=n), min_size=1, max_size=4))))
def test_widths_aggregates_and_combinations_are_the_reference_ones(case):
    selected, values, other = case
    other = (other * len(selected))[:len(selected)]
    width = len(values)
    sel, sop, sel2 = rx.Select(rx.tokens, rx.tokens, rx.Comparison.TRUE), rx.Map(lambda x: x, rx.tokens), \
        rx.Select(rx.indices, rx.indices, rx.Comparison.TRUE)
    rows = {id(sel): selected, id(sop): values, id(sel2): other}
    masks, masks2 = _masks(selected), _masks(other)
    assert one_row.widths(masks) == _reference(rx.SelectorWidth(sel), rows)
    aggregate = rx.numerical(rx.Aggregate(sel, sop, default=0))
    want = _reference(aggregate, rows)
    if isinstance(want, Exception):
        with pytest.raises(rasp.EvaluationError):
            one_row.aggregate_row(aggregate, masks, values)
    else:
        got = one_row.aggregate_row(aggregate, masks, values)
        assert [(type(v), repr(v)) for v in got] == [(type(v), repr(v)) for v in want]
    for e in (rx.SelectorAnd(sel, sel2), rx.SelectorOr(sel, sel2), rx.SelectorNot(sel)):
        rows_of = [masks, masks2] if len(e.children) == 2 else [masks]
        assert one_row.combine(e, rows_of, width) == _masks(_reference(e, rows))
    # the masks of one input, as the batched interpreter holds them, and back
    words = one_row.words(masks, width)
    assert words.shape == (1, len(masks), bitmask.n_words(width))
    assert bitmask.unpack(words, width)[0].tolist() == [list(map(bool, row)) for row in selected]
    assert one_row.masks_of(words) == masks


def test_uniform_nodes_over_many_words_equal_the_reference():
    # 70 positions: three words per mask; every node below but the Aggregate over tokens is of positions only.
    prefix = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
    shifted = rasp.Map(lambda i: i - 33, rasp.indices)
    back = rasp.Select(rasp.indices, shifted, rasp.Comparison.EQ)
    both = (prefix & ~back) | rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.FALSE)
    width = rasp.SelectorWidth(both)
    mean = rasp.numerical(rasp.Aggregate(prefix, rasp.numerical(rasp.Map(lambda t: t % 3, rasp.tokens)), default=0))
    program = rasp.SequenceMap(lambda w, m: (w, m), width, mean)
    previous = rasp.Aggregate(back, rasp.tokens)
    rng = np.random.default_rng(0)
    inputs = rng.integers(0, 5, (6, 70)).tolist()
    for p in (program, previous, both):
        assert rasp.evaluate_batch(p, inputs) == [rasp.evaluate(p, xs) for xs in inputs]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.integers(-4, 4), st.integers(-10**7, 10**7), st.booleans(), st.sampled_from([2.0, -3.0])),
                min_size=1, max_size=5), st.sampled_from([rx.Comparison.LEQ, rx.Comparison.GT, rx.Comparison.TRUE]),
       st.integers(1, 12), st.data())
def test_means_over_a_selector_of_positions_equal_the_reference(vocab, predicate, n, data):
    # The same selector for every input (of one length): its means are tabulated per (query, sum),
    # or computed the general way when the sums span too wide a range (the large ints).
    selector = rasp.Select(rasp.indices, rasp.indices, predicate)
    mean = rasp.numerical(rasp.Aggregate(selector, rasp.numerical(rasp.Map(lambda t: t, rasp.tokens)), default=0))
    inputs = data.draw(st.lists(st.lists(st.sampled_from(vocab), min_size=n, max_size=n), min_size=2, max_size=6))
    got = rasp.evaluate_batch(mean, inputs)
    for xs, out in zip(inputs, got):
        assert [(type(v), v) for v in out] == [(type(v), v) for v in rasp.evaluate(mean, xs)]


@pytest.mark.parametrize("vocab, n", [([0, 1], 10), ([1, 2, 3, 4], 6), ([-4, 4, 0], 12), ([0, 100], 10)])
def test_means_over_a_prefix_divide_every_place_or_only_those_met(vocab, n):
    """A prefix selector's means: few (query, sum) places are all divided (the first two cases), many
    only where met (the last two); both equal the reference, type for type."""
    prefix = rasp.Select(rasp.indices, rasp.indices, rx.Comparison.LEQ)
    mean = rasp.numerical(rasp.Aggregate(prefix, rasp.numerical(rasp.Map(lambda t: t, rasp.tokens)), default=0))
    inputs = [[vocab[(7 * b + 3 * i + b * i) % len(vocab)] for i in range(n)] for b in range(40)]
    for xs, out in zip(inputs, rasp.evaluate_batch(mean, inputs)):
        assert [(type(v), v) for v in out] == [(type(v), v) for v in rasp.evaluate(mean, xs)]
