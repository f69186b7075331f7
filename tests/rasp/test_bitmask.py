"""The bit masks of the batched interpreter against their bool-array definitions, across word boundaries."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from weightsmith import rasp
from weightsmith.rasp import bitmask
from weightsmith.rasp.batch import _compared_masks, _compared_rows, evaluate_batch

selections = st.integers(0, 70).flatmap(
    lambda width: hnp.arrays(bool, st.tuples(st.integers(1, 4), st.integers(0, 5), st.just(width))))


@given(selections)
def test_pack_unpack_count_lowest(selected):
    masks = bitmask.pack(selected)
    width = selected.shape[-1]
    assert masks.shape[-1] == bitmask.n_words(width)
    assert np.array_equal(bitmask.unpack(masks, width), selected)
    assert np.array_equal(bitmask.count(masks), selected.sum(-1))
    if width:
        some = selected.any(-1)
        assert np.array_equal(bitmask.lowest(masks, width)[some], selected.argmax(-1)[some])
        one = selected.sum(-1) == 1
        single = bitmask.single(masks, width)
        assert np.array_equal(single[one], selected.argmax(-1)[one]) and ((0 <= single) & (single < width)).all()


codes = st.integers(1, 70).flatmap(lambda width: st.integers(1, 6).flatmap(
    lambda n: st.tuples(st.just(n), hnp.arrays(np.intp, st.tuples(st.integers(1, 4), st.just(width)),
                                               elements=st.integers(-1, n - 1)))))


@given(codes, st.sampled_from([c for c in rasp.Comparison if c not in (rasp.Comparison.TRUE, rasp.Comparison.FALSE)]))
def test_value_masks_and_comparisons(case, predicate):
    n, at = case
    masks = bitmask.value_masks(at, n)
    width = at.shape[1]
    for c in range(-1, n):
        expected = (at == c) if c >= 0 else np.zeros_like(at, dtype=bool)
        assert np.array_equal(bitmask.unpack(masks[c + 1].astype(np.uint64), width), expected)
    # queries over the same codes: key OP query, nothing where either is -1
    selected = bitmask.unpack(bitmask.rows_at(_compared_masks(predicate, masks), at), width)
    valid = at >= 0
    expected = predicate(at[:, None, :], at[:, :, None]) & valid[:, :, None] & valid[:, None, :]
    assert np.array_equal(selected, expected)
    # queries that are the same in every input (the first input's codes) read the slots whole
    same = np.broadcast_to(at[:1], at.shape)
    by_slots = bitmask.rows_at(_compared_masks(predicate, masks), same, same_rows=True)
    assert np.array_equal(by_slots, bitmask.rows_at(_compared_masks(predicate, masks), same))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.sampled_from("abc"), min_size=0, max_size=70), min_size=1, max_size=4))
def test_long_inputs_cross_words(inputs):
    """Inputs longer than a word (32 keys): widths, means, And/Not and single selections as the reference gives them."""
    t = rasp.tokens
    same = rasp.Select(t, t, rasp.Comparison.EQ)
    before = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT)
    both = rasp.SelectorAnd(same, rasp.SelectorNot(before))
    is_a = rasp.numerical(rasp.Map(lambda x: int(x == "a"), t))
    programs = [rasp.SelectorWidth(both), rasp.numerical(rasp.Aggregate(before, is_a, default=0)),
                rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == q - 1), t), both]
    for program in programs:
        assert evaluate_batch(program, inputs) == [rasp.evaluate(program, x) for x in inputs]


full_codes = st.integers(1, 32).flatmap(lambda width: st.integers(1, 6).flatmap(
    lambda n: st.tuples(st.just(n), *[hnp.arrays(np.intp, st.tuples(st.just(nb), st.just(width)),
                                                 elements=st.integers(0, n - 1)) for nb in (3, 3)])))


@given(full_codes, st.sampled_from(["keys", "other", "same rows"]),
       st.sampled_from([c for c in rasp.Comparison if c not in (rasp.Comparison.TRUE, rasp.Comparison.FALSE)]))
def test_input_major_masks_compare_as_the_definition(case, queries_are, predicate):
    """`_compared_rows` (input-major counts, cumulative sums along each input, no padding, one word)
    against the bool definition: query q of input b selects key k where key OP query, for queries that
    are the keys, another array, or one row shared by every input."""
    n, keys, queries = case
    if queries_are == "keys":
        queries = keys
    elif queries_are == "same rows":
        queries = np.repeat(queries[:1], len(queries), axis=0)
    masks = _compared_rows(predicate, keys, queries, n, same_rows=queries_are == "same rows")
    assert masks.dtype == np.uint64 and masks.shape == (*queries.shape, 1)
    expected = predicate(keys[:, None, :], queries[:, :, None])
    assert np.array_equal(bitmask.unpack(masks, keys.shape[1]), expected)
