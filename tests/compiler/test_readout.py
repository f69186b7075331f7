"""Read-outs are linear functionals: their algebra must be exactly that of weighted sums."""

from hypothesis import given
from hypothesis import strategies as st

from weightsmith.compiler.readout import BOS, NUM, ONE, Dim, Readout

DIMS = [ONE, BOS, Dim("tokens", "a"), Dim("tokens", "b"), Dim("frac", NUM)]
readouts = st.dictionaries(st.sampled_from(DIMS), st.integers(-5, 5).map(float)).map(Readout)
residuals = st.fixed_dictionaries({d: st.integers(-3, 3).map(float) for d in DIMS})


def test_labels_name_owner_and_slot():
    assert Dim("sort_keys", 3).label == "sort_keys:3"
    assert Dim("frac", NUM).label == "frac:num"
    assert ONE.label == "one" and BOS.label == "bos"


@given(readouts, readouts, st.integers(-3, 3), residuals)
def test_linear(a, b, k, x):
    assert (a + b).at(x) == a.at(x) + b.at(x)
    assert (a - b).at(x) == a.at(x) - b.at(x)
    assert (a * k).at(x) == k * a.at(x) == (k * a).at(x)


def test_zero_terms_are_dropped_and_owners_listed():
    r = Readout.of(Dim("tokens", "a")) - Readout.of(Dim("tokens", "a")) + Readout.of(ONE, 2.0)
    assert r.terms == {ONE: 2.0}
    assert r.owners() == {"one"}
    assert Readout().is_zero()


@given(st.lists(readouts, max_size=6), residuals)
def test_sum_is_total_with_unit_coefficients(parts, x):
    plain = Readout.sum(parts)
    assert plain.terms == Readout.total((1.0, r) for r in parts).terms
    assert plain.at(x) == sum(r.at(x) for r in parts)
    assert all(c != 0 for c in plain.terms.values())


def test_dims_are_equal_and_hash_alike_by_owner_and_slot():
    assert Dim("t", 1) == Dim("t", 1) and hash(Dim("t", 1)) == hash(Dim("t", 1))
    assert Dim("t", 1) != Dim("t", 2) and Dim("t", 1) != Dim("u", 1)
    assert {Dim("t", "a"): 1.0}[Dim("t", "a")] == 1.0


@given(st.lists(readouts, max_size=6), st.lists(st.lists(st.integers(0, 5), max_size=6, unique=True), max_size=4))
def test_disjoint_sums_are_sums_or_declined(parts, subsets):
    subsets = [[i for i in subset if i < len(parts)] for subset in subsets]
    merged = Readout.disjoint_sums(parts, subsets)
    dims = [d for r in parts for d in r.terms]
    if len(set(dims)) < len(dims):  # two read-outs share a dimension: only `sum` may add them
        assert merged is None
        return
    assert merged is not None and len(merged) == len(subsets)
    for got, subset in zip(merged, subsets):
        want = Readout.sum(parts[i] for i in subset)
        assert list(got.terms.items()) == list(want.terms.items())  # same terms, same order


@given(st.lists(st.tuples(st.sampled_from(DIMS), st.floats(-1e6, 1e6, allow_nan=False).filter(bool)),
                unique_by=lambda term: term[0], max_size=6),
       st.lists(st.lists(st.integers(0, 5), max_size=6, unique=True), max_size=4))
def test_disjoint_sums_of_one_term_read_outs_are_their_sums(terms, subsets):
    """One-term read-outs (a stored s-op's indicators) are merged term by term as they are."""
    parts = [Readout.of(d, c) for d, c in terms]
    subsets = [[i for i in subset if i < len(parts)] for subset in subsets]
    merged = Readout.disjoint_sums(parts, subsets)
    assert merged is not None and len(merged) == len(subsets)
    for got, subset in zip(merged, subsets):
        want = Readout.sum(parts[i] for i in subset)
        assert [(d, c.hex()) for d, c in got.terms.items()] == [(d, c.hex()) for d, c in want.terms.items()]


exact_readouts = st.dictionaries(st.sampled_from(DIMS), st.floats(-1e6, 1e6, allow_nan=False)).map(Readout)


@given(st.lists(exact_readouts, max_size=6))
def test_sum_is_the_term_by_term_sum_bit_for_bit(parts):
    """`sum` is the term-by-term sum from 0.0, in first-seen order, zeros dropped (what
    `disjoint_sums` and the assembler's column builders rely on)."""
    want: dict = {}
    for r in parts:
        for d, c in r.terms.items():
            want[d] = want.get(d, 0.0) + c
    got = Readout.sum(iter(parts))
    assert [(d, c.hex()) for d, c in got.terms.items()] == [(d, c.hex()) for d, c in want.items() if c != 0]


@given(exact_readouts, st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.integers(-3, 3), st.just(-0.0)))
def test_a_multiple_is_total_of_one_term_bit_for_bit(r, k):
    """`r * k` builds its terms directly; they must be `total([(k, r)])`'s, bit for bit and in order
    (products that underflow to zero dropped)."""
    want = Readout.total([(k, r)])
    assert [(d, c.hex()) for d, c in (r * k).terms.items()] == [(d, c.hex()) for d, c in want.terms.items()]
