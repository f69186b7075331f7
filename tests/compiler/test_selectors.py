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
