"""Static copy proofs: whatever they prove, the interpreter confirms on every input."""

from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler import copies
from weightsmith.compiler.copies import copies_one_value, position_unique, selects_one_position
from weightsmith.compiler.selectors import conjunction
from weightsmith.compiler.graph import build_graph
from weightsmith.compiler.values import ObservedFacts, StaticFacts, all_inputs
from weightsmith.library.positions import make_reverse, shift_by
from weightsmith.library.sorting import make_sort, make_sort_freq, make_sort_unique

EQ, LT, LEQ = rasp.Comparison.EQ, rasp.Comparison.LT, rasp.Comparison.LEQ
VOCAB, N = [0, 1, 2], 4


def aggregates(program):
    return [e for e in rasp.topological_order(program) if isinstance(e, rasp.Aggregate)]


CASES = {
    "sort_unique (repeated tokens: equal values)": (make_sort_unique(rasp.tokens, rasp.tokens), True),
    "sort (unique keys: one position)": (make_sort(rasp.tokens, rasp.tokens, max_seq_len=N, min_key=1), True),
    "sort_freq": (make_sort_freq(N), True),
    "reverse": (make_reverse(rasp.tokens), True),
    "shift": (shift_by(1, rasp.tokens), True),
    "prefix mean": (rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, LEQ), rasp.tokens), False),
    "rank of a repeated key, other values": (rasp.Aggregate(rasp.Select(
        rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, LT)), rasp.indices, EQ), rasp.indices), False),
    "preferred (one key)": (rasp.Aggregate(rasp.SelectPreferred(rasp.Select(rasp.indices, rasp.indices, LEQ),
                                                                lambda k, q: -k), rasp.tokens), True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_what_is_proved_holds_on_every_input(name):
    program, provable = CASES[name]
    facts = StaticFacts(build_graph(program), VOCAB, N)
    observed = ObservedFacts(program, all_inputs(VOCAB, N), exhaustive=True)
    for aggregate in aggregates(program):
        proved = copies_one_value(aggregate, facts.values, N)
        assert proved == provable, name
        if proved:
            assert not observed.may_average(aggregate)
    if not provable:
        assert any(observed.may_average(a) for a in aggregates(program))


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_position_is_proved_only_where_no_query_selects_two(name):
    """`selects_one_position`: never where equal values are copied from several positions (sort_unique on
    repeated tokens: mean(1, 1) is 1.0, the interpreter's float, so the output's type needs its case)."""
    program, _ = CASES[name]
    facts = StaticFacts(build_graph(program), VOCAB, N)
    observed = ObservedFacts(program, all_inputs(VOCAB, N), exhaustive=True)
    for aggregate in aggregates(program):
        if selects_one_position(aggregate, facts.values):
            assert not observed._several_selected(aggregate), name
    if name.startswith("sort_unique"):
        (aggregate,) = aggregates(program)
        assert not selects_one_position(aggregate, facts.values) and observed.may_retype(aggregate)


def test_position_unique_sops():
    values = lambda s: StaticFacts(build_graph(s), VOCAB, N).values(s)  # noqa: E731
    assert position_unique(rasp.indices, values)
    assert position_unique(rasp.Map(lambda i: 3 - i, rasp.indices), values)
    assert not position_unique(rasp.Map(lambda i: i // 2, rasp.indices), values)
    assert position_unique(rasp.SequenceMap(lambda t, i: t * 10 + i, rasp.tokens, rasp.indices), values)
    assert not position_unique(rasp.SequenceMap(lambda t, i: t + i, rasp.tokens, rasp.indices), values)
    assert not position_unique(rasp.tokens, values)


@given(st.lists(st.integers(-3, 3), max_size=6, unique=True), st.lists(st.integers(-3, 3), max_size=6, unique=True),
       st.sampled_from(list(rasp.Comparison) + ["odd", "raises"]))
def test_one_key_value_whole_table_or_query_by_query(keys, queries, predicate):
    """`_one_key_value` computes mid-sized tables whole, others query by query: the same answer."""
    custom = {"odd": lambda k, q: (k + q) % 2 == 1, "raises": lambda k, q: 1 // (k - q) > 0}
    select = rasp.Select(rasp.tokens, rasp.indices, custom.get(predicate, predicate))
    (atom,) = conjunction(select)
    whole = copies._one_key_value(atom, keys, queries)
    with patch.object(copies, "LOOP_CELLS", -1):
        assert copies._one_key_value(atom, keys, queries) == whole  # every non-empty table whole
    with patch.object(copies, "TABLE_CELLS", -1):
        assert copies._one_key_value(atom, keys, queries) == whole
