"""Selectors as conjunctions of atoms: the atoms must select exactly what the selector selects."""

from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler.selectors import conjunction, never_empty

EQ, LT, LEQ, TRUE = rasp.Comparison.EQ, rasp.Comparison.LT, rasp.Comparison.LEQ, rasp.Comparison.TRUE
parity = rasp.Map(lambda t: t % 2, rasp.tokens).named("parity")
SOPS = [rasp.tokens, rasp.indices, parity]
COMPARISONS = list(rasp.Comparison)


@st.composite
def selectors(draw, depth: int = 3) -> rasp.Selector:
    if depth == 0 or draw(st.booleans()):
        return rasp.Select(draw(st.sampled_from(SOPS)), draw(st.sampled_from(SOPS)), draw(st.sampled_from(COMPARISONS)))
    kind = draw(st.sampled_from(["and", "or", "not"]))
    if kind == "not":
        return rasp.SelectorNot(draw(selectors(depth - 1)))
    cls = rasp.SelectorAnd if kind == "and" else rasp.SelectorOr
    return cls(draw(selectors(depth - 1)), draw(selectors(depth - 1)))


def atoms_select(atoms, xs):
    """The conjunction of the atoms, evaluated on xs through the interpreter's values of each s-op."""
    values = {id(s): rasp.evaluate(s, xs) for a in atoms for s in (*a.keys, *a.queries)}
    n = len(xs)
    return [[all(a.holds(tuple(values[id(s)][k] for s in a.keys), tuple(values[id(s)][q] for s in a.queries))
                 for a in atoms) for k in range(n)] for q in range(n)]


@settings(max_examples=150, deadline=None)
@given(selectors(), st.lists(st.integers(1, 3), min_size=1, max_size=4))
def test_conjunction_selects_what_the_selector_selects(selector, xs):
    atoms = conjunction(selector)
    assert atoms_select(atoms, xs) == rasp.evaluate(selector, xs)


def test_and_costs_nothing_not_negates_or_merges():
    a = rasp.Select(rasp.tokens, rasp.tokens, EQ)
    b = rasp.Select(rasp.indices, rasp.indices, LT)
    assert len(conjunction(rasp.SelectorAnd(a, b))) == 2
    (negated,) = conjunction(rasp.SelectorNot(a))
    assert negated.holds((1,), (2,)) and not negated.holds((1,), (1,))
    (merged,) = conjunction(rasp.SelectorOr(a, b))  # different s-ops: one atom over tuples
    assert len(merged.keys) == 2 and len(merged.queries) == 2
    (same,) = conjunction(rasp.SelectorOr(a, rasp.Select(rasp.tokens, rasp.tokens, LT)))
    assert same.keys == (rasp.tokens,) and same.queries == (rasp.tokens,)


def test_never_empty():
    values = {id(rasp.tokens): [1, 2, 3], id(rasp.indices): [0, 1, 2, 3]}
    of = lambda s: values[id(s)]  # noqa: E731
    null = lambda s: False  # noqa: E731
    assert never_empty(rasp.Select(rasp.indices, rasp.indices, LEQ), of, null)  # reflexive
    assert never_empty(rasp.Select(rasp.tokens, rasp.indices, TRUE), of, null)  # total
    assert not never_empty(rasp.Select(rasp.indices, rasp.indices, LT), of, null)
    assert not never_empty(rasp.Select(rasp.tokens, rasp.indices, EQ), of, null)
    # a SelectPreferred selects one key where its selector selects any
    assert never_empty(rasp.SelectPreferred(rasp.Select(rasp.indices, rasp.indices, LEQ), lambda k, q: k), of, null)
    assert not never_empty(rasp.SelectPreferred(rasp.Select(rasp.indices, rasp.indices, LT), lambda k, q: k), of, null)


# Values a table may meet: ints on both sides of int64's bounds (the int64 path and its refusal), bools
# and floats equal to ints (never on the int64 path: `type` is checked), strings, None.
TABLE_VALUES = st.one_of(st.integers(-3, 3), st.sampled_from([2**63 - 1, -2**63, 2**63, -2**63 - 1, 10**30]),
                         st.booleans(), st.sampled_from([0.0, -0.0, 1.5, 2.0]), st.sampled_from(["a", "b"]), st.none())


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(COMPARISONS), st.booleans(), st.lists(TABLE_VALUES, max_size=6),
       st.lists(TABLE_VALUES, max_size=6))
def test_a_comparisons_table_is_holds_on_every_pair(comparison, negate, keys, queries):
    selector = rasp.Select(rasp.tokens, rasp.indices, comparison)
    (atom,) = conjunction(rasp.SelectorNot(selector) if negate else selector)
    key_values, query_values = [(k,) for k in keys], [(q,) for q in queries]
    table = atom.table(key_values, query_values)
    assert table.shape == (len(queries), len(keys)) and table.dtype == bool
    assert table.tolist() == [[atom.holds(k, q) for k in key_values] for q in query_values]
