"""A family of read-outs as arrays agrees with the read-outs' dicts term by term, and its sums are the
dict walk's (`compiler.bounds`), bit for bit."""

from hypothesis import given
from hypothesis import strategies as st

from weightsmith.compiler.bounds import _Walk
from weightsmith.compiler.family import Family
from weightsmith.compiler.readout import Dim, Readout

# coefficients whose sums depend on the order they are added in (0.1 + 0.2 + 0.7 != 0.7 + 0.2 + 0.1)
coefficients = st.one_of(st.sampled_from([1.0, -1.0, 0.1, 0.2, 0.7, -0.3, 1e16, 3.0]),
                         st.floats(-1e6, 1e6, allow_nan=False)).filter(bool)
readouts = st.dictionaries(st.tuples(st.sampled_from(["a", "b", "c", "one"]), st.integers(0, 3)), coefficients,
                           max_size=7).map(lambda terms: Readout({Dim(o, s): c for (o, s), c in terms.items()}))
families = st.lists(readouts, min_size=1, max_size=6)


@given(families)
def test_the_arrays_hold_each_read_outs_terms_in_its_order(family):
    arrays = Family.of(family)
    rebuilt = [{} for _ in family]
    for t in range(len(arrays.dim)):
        rebuilt[arrays.row[t]][arrays.dims[arrays.dim[t]]] = float(arrays.coefficient[t])
    assert [list(r.items()) for r in rebuilt] == [list(r.terms.items()) for r in family]
    assert [arrays.owners[k] for k in arrays.owner] == [d.owner for d in arrays.dims]
    assert arrays.owners == list(dict.fromkeys(d.owner for r in family for d in r.terms))


@given(families)
def test_the_largest_totals_are_the_dict_walks_bit_for_bit(family):
    want = _Walk()._largest([(1.0, r) for r in family])
    got = Family.of(family).largest()
    assert [(o, c.hex()) for o, c in got.items()] == [(o, c.hex()) for o, c in want.items()]


@given(families, st.lists(st.floats(0, 1e3), min_size=4, max_size=4))
def test_each_read_outs_largest_and_their_sums_are_the_dict_walks(family, per_owner):
    arrays = Family.of(family)
    rows, owners, largest = pairs = arrays.per_readout()
    got = [[] for _ in family]
    for r, o, c in zip(rows.tolist(), owners.tolist(), largest.tolist()):
        got[r].append((arrays.owners[o], c))
    assert got == [list(_Walk._single(1.0, r).items()) for r in family]  # owners in each read-out's order
    value = dict(zip(["a", "b", "c", "one"], per_owner))
    sums = arrays.per_readout_sums(pairs, [value[o] for o in arrays.owners]).tolist()
    assert [s.hex() for s in sums] == [float(sum(c * value[o] for o, c in _Walk._single(1.0, r).items())).hex()
                                       for r in family]
