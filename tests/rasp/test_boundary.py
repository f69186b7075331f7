"""The C boundary of the batched interpreter: tokens read into codes exactly, codes written back as the table's
own objects, and every misuse refused with a Python exception (never a crash or a wrong read)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith.rasp import _boundary
from weightsmith.rasp.batch import _key


class Text(str):
    pass


class Number(int):
    pass


_VOCAB = ["a", "b", "", "é", "\0", "x" * 300, "\U0001F600", "\udc80"]
_TOKENS = st.one_of(
    st.sampled_from(_VOCAB), st.sampled_from(_VOCAB).map(Text), st.sampled_from(["a", "b"]).map(lambda t: (t + "!")[:-1]),
    st.integers(-3, 300), st.integers(-2**70, 2**70), st.booleans(), st.integers(0, 9).map(Number),
    st.integers(0, 9).map(np.int64), st.floats(allow_nan=False, width=16), st.none(),
    st.sampled_from([(0, 1), (0.0, 1), (False, (1,)), (0, (1.0,)), (-0.0,)]),
)
_KINDS = [_TOKENS, st.sampled_from(_VOCAB), st.text(max_size=3), st.integers(0, 3), st.integers(-2**70, 2**70)]


def _rows(data, kind):
    rows = data.draw(st.lists(st.lists(kind, max_size=6), max_size=12))
    how = data.draw(st.sampled_from(["lists", "tuples", "shared row", "outer tuple"]))
    if how == "tuples":
        return [tuple(r) for r in rows]
    if how == "shared row" and rows:
        return rows + [rows[0]]
    return tuple(rows) if how == "outer tuple" else rows


def _read(rows):
    codes, table, width, lengths = _boundary.read(rows, _key)
    codes = np.frombuffer(codes, dtype=np.intp).reshape(len(rows), width)
    return codes, table, width, None if lengths is None else np.frombuffer(lengths, dtype=np.intp)


@settings(max_examples=400, deadline=None)
@given(data=st.data(), kind=st.sampled_from(_KINDS))
def test_read_codes_each_token_by_value_and_type_and_rows_gives_them_back(data, kind):
    rows = _rows(data, kind)
    codes, table, width, lengths = _read(rows)
    sizes = [len(r) for r in rows]
    assert width == max(sizes, default=0)
    assert (lengths is None) == (len(set(sizes)) <= 1)
    assert lengths is None or lengths.tolist() == sizes
    flat = [t for r in rows for t in r]
    # one code per distinct key, every code used; a token's code holds an object of its key
    assert len(table) == len({_key(t) for t in flat}) == len(set(codes[codes >= 0].tolist()))
    for r, row in enumerate(rows):
        assert codes[r, len(row):].tolist() == [-1] * (width - len(row))
        for i, t in enumerate(row):
            assert _key(table[codes[r, i]]) == _key(t)
    if flat and (all(type(t) is str for t in flat) or all(type(t) is int for t in flat)):
        assert table == sorted(table)  # then codes are ranks
    back = _boundary.rows(codes, table, lengths)
    assert [[(type(v), repr(v)) for v in row] for row in back] == [[(type(t), repr(t)) for t in row] for row in rows]
    assert all(type(row) is list for row in back) and len({id(row) for row in back}) == len(back)


def test_first_appearance_order_for_tables_that_are_not_sorted():
    codes, table, _, _ = _read([[2, "a", 1.0, True, 1]])
    assert [(type(v), v) for v in table] == [(int, 2), (str, "a"), (float, 1.0), (bool, True), (int, 1)]
    assert codes.tolist() == [[0, 1, 2, 3, 4]]


def test_any_sequence_of_sequences_is_read():
    codes, table, width, lengths = _read(["ab", range(3)])
    assert width == 3 and table == ["a", "b", 0, 1, 2] and lengths.tolist() == [2, 3]
    assert _boundary.rows(codes, table, lengths) == [["a", "b"], [0, 1, 2]]


def test_rows_reads_any_strides_and_lengths():
    codes = np.arange(12, dtype=np.intp).reshape(3, 4)
    table = [f"v{i}" for i in range(12)]
    assert _boundary.rows(codes[::-1, ::2], table, None) == [["v8", "v10"], ["v4", "v6"], ["v0", "v2"]]
    repeated = np.broadcast_to(codes[:1], (2, 4))  # stride 0: a uniform column's codes
    assert _boundary.rows(repeated, table, np.array([4, 1])) == [["v0", "v1", "v2", "v3"], ["v0"]]
    assert _boundary.rows(np.zeros((0, 3), dtype=np.intp), table, None) == []


@pytest.mark.parametrize("codes, lengths, error", [
    (np.array([[0, 2]]), None, IndexError),  # a code past the table
    (np.array([[0, -1]]), None, IndexError),  # padding inside a row's length
    (np.array([[0, -1]]), np.array([3]), ValueError),  # a length past the width
    (np.array([[0, 1]]), np.array([1, 1]), ValueError),  # lengths of another batch
    (np.array([[0, 1]], dtype=np.int32), None, TypeError),  # not intp
    (np.array([0, 1]), None, TypeError),  # not 2-D
])
def test_rows_refuses_what_it_cannot_read(codes, lengths, error):
    with pytest.raises(error):
        _boundary.rows(codes, ["a", "b"], lengths)


def test_read_refuses_unhashable_tokens_and_non_sequences():
    with pytest.raises(TypeError, match="unhashable"):
        _boundary.read([["a", ["b"]]], _key)
    with pytest.raises(TypeError, match="each input must be a sequence"):
        _boundary.read([["a"], 3], _key)
    with pytest.raises(TypeError, match="sequence of sequences"):
        _boundary.read(3, _key)


def test_a_key_function_that_changes_an_input_is_refused():
    """User code runs while tokens are read (a key, a token's __hash__ or __eq__); an input it shortens
    is refused, not read past its end."""
    rows = [[1.5, 2.5, 3.5]]

    def shortening(token):
        rows[0].clear()
        return _key(token)

    with pytest.raises(RuntimeError, match="changed while its tokens were read"):
        _boundary.read(rows, shortening)


def test_a_raising_key_function_is_reported():
    def failing(token):
        raise ValueError("no key")

    with pytest.raises(ValueError, match="no key"):
        _boundary.read([[1.5]], failing)
