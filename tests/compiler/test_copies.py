"""Static copy proofs: whatever they prove, the interpreter confirms on every input."""

from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler import copies
from weightsmith.compiler import compile_program
from weightsmith.compiler.copies import copies_one_value, distinct_where, position_unique, selects_one_position
from weightsmith.compiler.selectors import conjunction
from weightsmith.compiler.graph import build_graph
from weightsmith.compiler.values import ObservedFacts, StaticFacts, all_inputs
from weightsmith.library.nlp.notation import count_upto, first, nearest_left, nearest_right
from weightsmith.library.positions import make_reverse, shift_by
from weightsmith.library.sorting import make_sort, make_sort_freq, make_sort_unique
from weightsmith.verify import verify

EQ, LT, LEQ = rasp.Comparison.EQ, rasp.Comparison.LT, rasp.Comparison.LEQ
VOCAB, N = [0, 1, 2], 4
FLAG = rasp.categorical(rasp.Map(lambda t: t == 1, rasp.tokens))  # a boolean


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
    "nearest_left of a boolean": (nearest_left(FLAG, rasp.categorical(rasp.Map(lambda t: t > 0, rasp.tokens)),
                                               default=False, name="copied"), True),
    "nearest_right of a number": (nearest_right(FLAG, rasp.tokens, default=-1, name="copied"), True),
    "first, not strict": (first(FLAG, rasp.indices, default=-1, name="copied"), True),
    # the flag's running count itself, unflagged positions included: they share counts
    "running count, every position": (rasp.Aggregate(rasp.Select(count_upto(FLAG), count_upto(FLAG), EQ),
                                                     rasp.categorical(rasp.Map(lambda t: t > 0, rasp.tokens)),
                                                     default=False), False),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_what_is_proved_holds_on_every_input(name):
    program, provable = CASES[name]
    facts = StaticFacts(build_graph(program), VOCAB, N)
    observed = ObservedFacts(program, all_inputs(VOCAB, N), exhaustive=True)
    for aggregate in aggregates(program):
        proved = copies_one_value(aggregate, facts.values, facts.nullable, N)
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
        if selects_one_position(aggregate, facts.values, facts.nullable):
            assert not observed._several_selected(aggregate), name
    if name.startswith("sort_unique"):
        (aggregate,) = aggregates(program)
        assert not selects_one_position(aggregate, facts.values, facts.nullable) and observed.may_retype(aggregate)


def test_position_unique_sops():
    values = lambda s: StaticFacts(build_graph(s), VOCAB, N).values(s)  # noqa: E731
    assert position_unique(rasp.indices, values)
    assert position_unique(rasp.Map(lambda i: 3 - i, rasp.indices), values)
    assert not position_unique(rasp.Map(lambda i: i // 2, rasp.indices), values)
    assert position_unique(rasp.SequenceMap(lambda t, i: t * 10 + i, rasp.tokens, rasp.indices), values)
    assert not position_unique(rasp.SequenceMap(lambda t, i: t + i, rasp.tokens, rasp.indices), values)
    assert not position_unique(rasp.tokens, values)


def test_distinct_where_a_running_count_is_flagged():
    """`flag ? count : 0` differs between flagged positions: distinct where it is not 0, not where it is;
    a count of a predicate that reads the query too proves nothing."""
    values = lambda s: StaticFacts(build_graph(s), VOCAB, N).values(s)  # noqa: E731
    nullable = lambda s: False  # noqa: E731
    rank = rasp.SequenceMap(lambda f, n: n if f else 0, FLAG, count_upto(FLAG))
    assert distinct_where(rank, [1, 2, 3, 4], values, nullable)
    assert not distinct_where(rank, [0, 1], values, nullable)
    assert not position_unique(rank, values)
    assert distinct_where(rasp.Map(lambda r: r * 10, rank), [10, 20], values, nullable)
    assert not distinct_where(rasp.Map(lambda r: r // 2, rank), [1], values, nullable)  # 2 and 3 both give 1
    reads_query = rasp.SelectorWidth(rasp.SelectorAnd(rasp.Select(FLAG, rasp.tokens, lambda k, q: k and q > 0),
                                                      rasp.Select(rasp.indices, rasp.indices, LEQ)))
    assert not distinct_where(rasp.SequenceMap(lambda f, n: n if f else 0, FLAG, reads_query), [1, 2], values,
                              nullable)


def _width(compiled, label: str) -> int:
    return sum(1 for name in compiled.model.config.residual_labels if name.split(":")[0] == label)


def test_a_copied_boolean_holds_its_values_not_every_mean():
    """A boolean copied from the nearest flagged position to the left, at a length where only static facts
    are used (3 tokens, length 40): its value set is {False, True} and it takes two residual dimensions.
    Before the running count was proved distinct where selected, the boolean was averaged: every fraction
    k/n, n <= 40 (491 values and dimensions)."""
    copied = nearest_left(FLAG, rasp.categorical(rasp.Map(lambda t: t > 0, rasp.tokens)), default=False,
                          name="copied")
    facts = StaticFacts(build_graph(copied), VOCAB, 40)
    assert facts.values(copied) == [False, True] and not facts.may_average(copied)
    compiled = compile_program(copied, VOCAB, 40)
    assert _width(compiled, "copied") == 2
    report = verify(compiled, copied, n_random=300)
    assert report.ok, report


ORDER_COMPARISONS = [rasp.Comparison.LT, LEQ, rasp.Comparison.GT, rasp.Comparison.GEQ]
QUERIES = {  # how a query picks one rank: "the nth flagged position", for n read off its own count
    "rank == n > 0": lambda rank, n: n > 0 and rank == n,
    "rank == n + 1": lambda rank, n: rank == n + 1,
    "rank == 1, n > 0": lambda rank, n: n > 0 and rank == 1,
}


# values of one kind a head copies, the default among them or None (an int and a bool that are equal, 0 and
# False, are one value to a value set, and a model cannot tell which the interpreter meant: not this test's)
KINDS = {"bool": [False, True], "int": [0, 1, 2, -1], "str": ["x", "y", "z"]}


@st.composite
def copied_values(draw) -> tuple[list, object]:
    pool = KINDS[draw(st.sampled_from(sorted(KINDS)))]
    return draw(st.lists(st.sampled_from(pool), min_size=3, max_size=3)), draw(st.sampled_from([*pool, None]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vocab_size=st.integers(2, 3), max_seq_len=st.integers(2, 5), flagged=st.sets(st.integers(0, 2)),
       copy=copied_values(), order=st.sampled_from(ORDER_COMPARISONS), query=st.sampled_from(sorted(QUERIES)),
       compact=st.booleans())
def test_a_one_key_copy_compiles_exactly(vocab_size, max_seq_len, flagged, copy, order, query, compact):
    """A random "nth flagged position" head (a flag's running count on either side, strict or not, the
    rank `flag ? count : 0`, a query picking one rank), copying random values (booleans or ints: numbers
    the interpreter would average if two positions were selected), on static facts: proved a copy, its
    value set is the copied values and the default, and the model equals the interpreter on every input."""
    copied, default = copy
    vocab = list(range(vocab_size))
    flag = rasp.categorical(rasp.Map(lambda t: t in flagged, rasp.tokens))
    count = rasp.SelectorWidth(rasp.SelectorAnd(rasp.Select(flag, flag, lambda k, q: bool(k)),
                                                rasp.Select(rasp.indices, rasp.indices, order)))
    rank = rasp.categorical(rasp.SequenceMap(lambda f, n: n if f else 0, flag, count))
    sop = rasp.categorical(rasp.Map(lambda t: copied[t], rasp.tokens))
    head = rasp.categorical(rasp.Aggregate(rasp.Select(rank, count, QUERIES[query]), sop, default=default))
    facts = StaticFacts(build_graph(head), vocab, max_seq_len)
    assert not facts.may_average(head)
    assert set(facts.values(head)) <= {copied[t] for t in vocab} | {default}
    compiled = compile_program(head, vocab, max_seq_len, analysis="static", compact_above=0 if compact else None)
    report = verify(compiled, head)
    assert report.exhaustive and report.ok, report


@given(st.lists(st.integers(-3, 3), max_size=6, unique=True), st.lists(st.integers(-3, 3), max_size=6, unique=True),
       st.sampled_from(list(rasp.Comparison) + ["odd", "raises"]))
def test_selectable_whole_table_or_query_by_query(keys, queries, predicate):
    """`_selectable` computes mid-sized tables whole, others query by query: the same answer."""
    custom = {"odd": lambda k, q: (k + q) % 2 == 1, "raises": lambda k, q: 1 // (k - q) > 0}
    select = rasp.Select(rasp.tokens, rasp.indices, custom.get(predicate, predicate))
    (atom,) = conjunction(select)
    whole = copies._selectable(atom, keys, queries)
    with patch.object(copies, "LOOP_CELLS", -1):
        assert copies._selectable(atom, keys, queries) == whole  # every non-empty table whole
    with patch.object(copies, "TABLE_CELLS", -1):
        assert copies._selectable(atom, keys, queries) == whole
