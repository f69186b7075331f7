"""Value facts: exhaustive ones are exactly what occurs; static ones are supersets, refined."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler import CompileError
from weightsmith.compiler.graph import build_graph
from weightsmith.compiler.values import (
    ObservedFacts,
    StaticFacts,
    all_inputs,
    analyse,
    count_inputs,
    distinct_sorted,
    value_order,
)

EQ = rasp.Comparison.EQ


def test_distinct_sorted_merges_equal_numbers_and_drops_none():
    assert distinct_sorted([3, "b", 1.0, None, True, "a", 2]) == [1.0, 2, 3, "a", "b"]


numbers = st.one_of(st.integers(-5, 5), st.floats(-5, 5, allow_nan=False), st.booleans(), st.just(2**53 + 1),
                    st.just(2.0**53))  # 2**53 + 1 and 2.0**53: unequal values of one size, ordered by repr


@given(st.lists(st.one_of(numbers, st.none(), st.just(float("nan")))), st.lists(st.sampled_from("abc")))
def test_distinct_sorted_is_the_first_of_each_value_in_value_order(nums, strings):
    """The fast path for numbers (sorts by size, by repr first only on ties) orders exactly as `value_order`."""
    for values in (nums, nums + strings):
        first: dict = {}
        for v in values:
            if v is not None and v == v:
                first.setdefault(v, v)
        expected = sorted(first.values(), key=value_order)
        got = distinct_sorted(values)
        assert got == expected and list(map(type, got)) == list(map(type, expected))


def test_every_input_is_enumerated():
    batch = all_inputs(["a", "b"], 3)
    assert len(batch.lengths) == count_inputs(2, 3) == 14
    assert sorted(batch.lengths.tolist()) == [1] * 2 + [2] * 4 + [3] * 8


def test_observed_facts_are_exact():
    remaining = (rasp.length - rasp.indices).named("remaining")
    graph = build_graph(remaining)
    facts = analyse(graph, ["a", "b"], 4, "exhaustive")
    assert facts.exhaustive
    assert facts.values(remaining) == [1, 2, 3, 4]
    pairs = facts.joint([rasp.length, rasp.indices])
    assert pairs == [(n, i) for n in range(1, 5) for i in range(n)]  # never an index >= length


def test_sequence_map_chains_keep_only_values_that_occur():
    # Eight widths of 0..4 combined: the product has 5**8 values, the program only a few dozen.
    widths = [rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, c)) for c in rasp.Comparison]
    total = widths[0]
    for w in widths[1:]:
        total = rasp.SequenceMap(lambda a, b: a * 10 + b, total, w)
    graph = build_graph(total)
    with pytest.raises(CompileError, match="more than max_size"):
        StaticFacts(graph, [1, 2, 3], 4)
    facts = analyse(graph, [1, 2, 3], 4)  # auto: static fails, so every input is observed
    assert facts.exhaustive and len(facts.values(total)) < 100


def test_averaging_and_empty_selections_are_observed():
    everything = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE)
    mean = rasp.Aggregate(everything, rasp.tokens)
    earlier = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT)
    graph = build_graph(rasp.SequenceMap(lambda a, b: a, mean, rasp.SelectorWidth(earlier)))
    facts = ObservedFacts(graph.output, all_inputs([1, 2], 3), exhaustive=True)
    assert facts.may_average(mean)
    assert not facts.may_select_nothing(everything)
    assert facts.may_select_nothing(earlier)  # position 0 has nothing earlier


def test_static_facts_refine_copies_and_prove_nonempty():
    prev = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
    frac = rasp.numerical(rasp.Aggregate(prev, rasp.numerical(rasp.Map(lambda t: t, rasp.tokens)), default=0))
    copy = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, EQ), rasp.tokens, default=9)
    shifted = rasp.Aggregate(rasp.Select(rasp.indices, rasp.Map(lambda i: i - 1, rasp.indices), EQ), rasp.tokens)
    out = rasp.SequenceMap(lambda a, b: (a, b), rasp.SequenceMap(lambda a, b: a, frac, copy), shifted)
    facts = StaticFacts(build_graph(out), [1, 2, 3], 3)
    assert not facts.exhaustive
    assert facts.values(copy) == [1, 2, 3, 9]  # a copy, not every mean of tokens
    assert not facts.nullable(frac) and 1.5 in facts.values(frac) and 0 in facts.values(frac)
    assert facts.nullable(shifted)  # nothing selected at position 0, no default
    assert not facts.may_select_nothing(prev)


def test_auto_observes_small_programs_and_infers_large_ones():
    hist = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, EQ))
    assert analyse(build_graph(hist), ["a", "b"], 5).exhaustive
    assert not analyse(build_graph(hist), ["a", "b"], 12).exhaustive
    with pytest.raises(ValueError, match="analysis must be"):
        analyse(build_graph(hist), ["a"], 2, "guess")
