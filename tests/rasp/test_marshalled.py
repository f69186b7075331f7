"""The marshal reader of the batched interpreter's inputs: it reads a batch exactly or declines it."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith.rasp import marshalled


class Text(str):
    pass


class Number(int):
    pass


_INT_TOKENS = st.one_of(st.integers(-2**31, 2**31 - 1), st.integers(2**31, 2**40), st.booleans(), st.floats(0, 1),
                        st.integers(0, 9).map(Number), st.integers(0, 9).map(np.int64), st.none())
_VOCAB = ["a", "b", "", "é", "\0", "x" * 300, "\U0001F600", "\udc80"]
_STR_TOKENS = st.one_of(st.sampled_from(_VOCAB), st.sampled_from(_VOCAB).map(Text), st.sampled_from(["a", "b"]).map(
    lambda t: (t + "!")[:-1] * 2), st.integers(0, 3), st.booleans(), st.just(("a",)))


def _batches(tokens):
    width = st.integers(0, 5)
    return width.flatmap(lambda n: st.tuples(
        st.lists(st.one_of(st.lists(tokens, min_size=n, max_size=n), st.lists(tokens, max_size=5)), min_size=1,
                 max_size=40),
        st.sampled_from(["lists", "tuples", "shared row", "outer tuple"])))


def _shape(rows, how):
    if how == "tuples":
        rows = [tuple(r) for r in rows]
    elif how == "shared row":
        rows = rows + [rows[0]]
    elif how == "outer tuple":
        rows = tuple(rows)
    lengths = np.array([len(r) for r in rows], dtype=np.intp)
    return rows, lengths, bool(lengths.min() == lengths.max() > 0), [t for r in rows for t in r]


@settings(max_examples=300, deadline=None)
@given(_batches(_INT_TOKENS))
def test_ints_are_read_exactly_or_declined(batch):
    rows, lengths, full, flat = _shape(*batch)
    data = marshalled.int_stream(rows)
    got = None if data is None else marshalled.ints(data, lengths, full)
    assert (got is not None) == all(type(t) is int and -2**31 <= t < 2**31 for t in flat)
    assert got is None or got.tolist() == flat


def _strings(rows, lengths, full):
    stream = marshalled.string_stream(rows)
    return None if stream is None else marshalled.strings(stream, lengths, full)


@settings(max_examples=300, deadline=None)
@given(_batches(_STR_TOKENS))
def test_strings_are_read_exactly_or_declined(batch):
    rows, lengths, full, flat = _shape(*batch)
    got = _strings(rows, lengths, full)
    if got is None:  # declined: the general path reads them
        return
    codes, table = got
    assert table == sorted(set(table)) and sorted(set(codes.tolist())) == list(range(len(table)))
    back = [table[c] for c in codes.tolist()]
    assert [(type(t), t) for t in back] == [(type(t), t) for t in flat]


def test_strings_drawn_from_a_vocabulary_are_read():
    vocab = ["(", ")", "ab", "é"]
    rows = [[vocab[(3 * b + i) % 4] for i in range(b % 7)] for b in range(100)]
    lengths = np.array([len(r) for r in rows], dtype=np.intp)
    codes, table = _strings(rows, lengths, False)
    assert [table[c] for c in codes.tolist()] == [t for r in rows for t in r]


@settings(max_examples=300, deadline=None)
@given(_batches(st.one_of(_INT_TOKENS, st.integers(0, 255))))
def test_small_ints_are_read_exactly_or_declined(batch):
    rows, lengths, full, flat = _shape(*batch)
    if not full:
        return
    data = marshalled.int_stream(rows)
    got = None if data is None else marshalled.small_ints(data, len(rows), int(lengths[0]))
    assert (got is not None) == all(type(t) is int and 0 <= t < 256 for t in flat)
    if got is not None:
        codes, table = got
        assert codes.shape == (len(rows), lengths[0]) and codes.dtype == np.intp
        assert table == sorted(set(table)) and sorted(set(codes.ravel().tolist())) == list(range(len(table)))
        assert [(type(t), t) for t in (table[c] for c in codes.ravel().tolist())] == [(int, t) for t in flat]


def test_small_ints_take_the_row_headers_payload_apart_from_the_tokens():
    # the row headers' payload (the width, here 3) is also a token, and 255 (NOT_MET) is one too
    rows = [[3, 255, 0], [3, 3, 3], [0, 1, 255]]
    codes, table = marshalled.small_ints(marshalled.int_stream(rows), 3, 3)
    assert table == [0, 1, 3, 255] and [[table[c] for c in r] for r in codes.tolist()] == rows
    for rows in ([[1, 2], [1, 256]], [[1] * 300], [[1, 2], [1, -1]]):
        assert marshalled.small_ints(marshalled.int_stream(rows), len(rows), len(rows[0])) is None


def test_strings_of_one_length_are_read():
    vocab = ["(", ")", "ab", "é"]
    rows = [[vocab[(3 * b + i) % 4] for i in range(5)] for b in range(100)] + [["ab", "zz", "(", ")", "é"]]
    lengths = np.full(len(rows), 5)
    codes, table = _strings(rows[:-1], lengths[:-1], True)
    assert [table[c] for c in codes.tolist()] == [t for r in rows[:-1] for t in r]
    assert _strings(rows, lengths, True) is None  # "zz" is not among the first rows' tokens


def test_small_ints_beyond_the_guessed_rows_are_read():
    """The distinct small ints are guessed from the first GUESS_ROWS rows; a token first met after them
    (in the last row, or only once) must still be read, by counting every value."""
    rows = [[1, 2, 1]] * marshalled.GUESS_ROWS + [[2, 1, 2], [1, 7, 200]]
    codes, table = marshalled.small_ints(marshalled.int_stream(rows), len(rows), 3)
    assert table == [1, 2, 7, 200] and [[table[c] for c in r] for r in codes.tolist()] == rows


def test_small_ints_of_every_byte_value_are_declined():
    """With all 256 values there are more codes than a byte table can tell from NOT_MET: declined (the
    general reader takes them), never a batch without codes."""
    rows = [list(range(256))[i:i + 16] for i in range(0, 256, 16)]
    assert marshalled.small_ints(marshalled.int_stream(rows), len(rows), 16) is None
    rows = [list(range(255))[i:i + 15] for i in range(0, 255, 15)]
    codes, table = marshalled.small_ints(marshalled.int_stream(rows), len(rows), 15)
    assert table == list(range(255)) and codes.ravel().tolist() == list(range(255))
