"""Reading a batch's tokens from their `marshal` serialisation: the batched interpreter's fast input path.

Coding a thousand inputs' tokens costs more than many whole programs. Token by token, it takes a
Python-level pass per question: flattening the rows, `type()` of every token (a `str` subclass or a
bool among ints must come back as itself, so types are checked exactly), joining or converting the
values. `marshal.dumps` answers them in one C pass:
- it refuses any object that is not exactly a builtin type (a `str` or `int` subclass, a numpy integer:
  ValueError), so every token it writes has the type its record says;
- it writes lists and tuples (the rows), ints within int32 and, in format version 4, references to
  objects already written as five-byte records: a type byte and a little-endian int32 (a count, the
  value, the reference's number). Objects shared within the stream (refcount above one) are written
  once, with the type byte's bit 0x80 set to give them the next reference number, and as references
  after that.

So a batch of exact ints, serialised in version 2 (no references), is a grid of five-byte records:
the outer sequence, then per input a row header and its tokens' `i` records. A batch of strings drawn
from a few shared objects, serialised in version 4 after a list of those objects (guessed from the first
rows), is the list's records, then the same grid with an `r` record per token; which number each
guessed string has is read from a second, tiny stream (`_numbered`), not by parsing strings. The grid is checked
slot by slot (row headers with their counts, every token slot of the one expected kind), so anything
else (a bool, a big int, a float, a token missing from the guess, a row shared by two inputs, rows as
tuples) fails a check and the caller reads the tokens one by one: the first record that is not five
bytes long starts at a slot, since every record before it is five bytes long.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import Any, Optional, Sequence

import numpy as np

FLAG = 0x80  # a type byte's bit that gives the object the next reference number
LOW = 0x7F
LIST, TUPLE, INT, REF = (ord(c) for c in "[(ir")
GUESS_ROWS = 32  # the rows whose tokens are taken as the vocabulary's objects
MAX_GUESS = 64  # more distinct tokens than this in those rows: too large a vocabulary to guess

_ROW_HEADER = np.zeros(256, dtype=bool)  # row headers in the grid: lists and tuples, given a number or not
_ROW_HEADER[[LIST, LIST | FLAG, TUPLE, TUPLE | FLAG]] = True
_AS_LIST = bytes.maketrans(bytes([LIST | FLAG, TUPLE, TUPLE | FLAG]), bytes([LIST] * 3))  # every row header as LIST
NOT_MET = 255  # in a byte translation table: a payload that is not a token's
_NOT_MET_BYTE = bytes((NOT_MET,))


def int_stream(inputs: Sequence[Sequence[Any]]) -> Optional[bytes]:
    """`inputs` serialised in version 2 (no references), for `small_ints` and `ints`; None if marshal
    refuses a token or the batch is not a list or tuple."""
    try:
        data = marshal.dumps(inputs, 2)
    except ValueError:
        return None
    return data if data and data[0] in (LIST, TUPLE) else None


def small_ints(data: bytes, n_rows: int, width: int) -> Optional[tuple[np.ndarray, list[int]]]:
    """Codes `[n_rows, width]` (each token's rank among the distinct ones) and the sorted distinct tokens,
    if the batch of `data` (`int_stream`) has only exact ints in [0, 256), `width` of them in each of its
    `n_rows` rows (lists or tuples); else None.

    The common case read with bytes operations and two numpy calls (`_low_bytes`, `_codes`): in a batch that
    follows slower work each numpy call starts with cold caches, so their number counts as much as their size."""
    low = _low_bytes(data, 5, n_rows, width, INT)
    if low is None:
        return None
    # The tokens of the first rows (row headers cut out) are guessed to be every token met: when they
    # are, reading the batch against them checks it; a token beyond them sends it to counting every value.
    first = bytearray(low[:GUESS_ROWS * (width + 1)])
    del first[::width + 1]
    used = sorted(set(first))
    codes = _codes(low, n_rows, width, used, range(len(used)))
    if codes is None:
        counts = np.bincount(np.frombuffer(low, dtype=np.uint8), minlength=256).tolist()
        counts[width] -= n_rows  # the row headers' payloads
        used = [v for v, n in enumerate(counts) if n]
        codes = _codes(low, n_rows, width, used, range(len(used)))
    return None if codes is None else (codes, used)


def _low_bytes(data: bytes, start: int, n_rows: int, width: int, token_kind: int) -> Optional[bytes]:
    """Every record's payload byte (row headers' included: each is `width`), `n_rows * (width + 1)` bytes,
    if `data[start:]` is exactly `n_rows` rows of `width` records of `token_kind`, each row a list or tuple
    header, and every payload (row headers' too) is below 256; else None. The checks of `_grid`, on bytes.

    Rows that are plain lists (as a caller's rows usually are) are checked in one comparison: the stream
    must be `_plain_rows`' with the payload bytes put in, a copy and a `memcmp`; otherwise the row headers
    (numbered, or tuples) and the payloads' high bytes are checked slice by slice."""
    n = n_rows * (width + 1)
    if width >= 256 or len(data) - start != 5 * n:
        return None
    low = data[start + 1::5]
    if low[::width + 1] != bytes((width,)) * n_rows:
        return None
    expected = bytearray(_plain_rows(n_rows, width, token_kind))
    expected[1::5] = low
    if data.endswith(expected):
        return low
    if data[start::5].translate(_AS_LIST) != (bytes((LIST,)) + bytes((token_kind,)) * width) * n_rows:
        return None
    zeros = bytes(n)
    if data[start + 2::5] != zeros or data[start + 3::5] != zeros or data[start + 4::5] != zeros:
        return None  # a payload's three high bytes are not all zero
    return low


@lru_cache(maxsize=4)
def _plain_rows(n_rows: int, width: int, token_kind: int) -> bytes:
    """The records of `n_rows` plain lists of `width` records of `token_kind`, every payload 0 (a shape's
    constant, kept for the next batch of the same shape)."""
    return (bytes((LIST, width, 0, 0, 0)) + bytes((token_kind, 0, 0, 0, 0)) * width) * n_rows


def _codes(low: bytes, n_rows: int, width: int, payloads: Sequence[int], codes: Sequence[int]) -> Optional[np.ndarray]:
    """`_low_bytes`' token payloads as codes `[n_rows, width]` intp (payload `payloads[k]` is code `codes[k]`,
    below NOT_MET); None if a token has another payload, or there are too many codes to tell from NOT_MET."""
    if len(codes) and max(codes) >= NOT_MET:
        return None
    table = bytearray([NOT_MET]) * 256
    for payload, code in zip(payloads, codes):
        table[payload] = code
    coded = low.translate(table)
    if table[width] == NOT_MET:  # no token has the headers' payload `width`: the headers alone are NOT_MET
        if coded.count(NOT_MET) != n_rows:
            return None
        # cut out in bytes, then one conversion (each numpy call costs ~20 µs when caches are cold)
        return np.frombuffer(coded.replace(_NOT_MET_BYTE, b""), dtype=np.uint8).astype(np.intp).reshape(n_rows, width)
    if coded.count(NOT_MET):
        return None
    return np.frombuffer(coded, dtype=np.uint8).reshape(n_rows, width + 1)[:, 1:].astype(np.intp)


def ints(data: bytes, lengths: np.ndarray, full: bool) -> Optional[np.ndarray]:
    """Every token of the batch of `data` (`int_stream`) in row-major order, if each is an exact int within
    int32 and each row a list or tuple (of `lengths`; `full`: all of one length); else None."""
    return _grid(data, 5, lengths, full, INT)


@dataclass
class StringStream:
    """The batch serialised after its guessed vocabulary (`string_stream`), for `strings`."""

    data: bytes
    guess: list[str]  # the distinct tokens of the first GUESS_ROWS rows, in order of appearance
    numbers: list[int]  # each guessed string's reference number in `data`
    start: int  # where the rows start in `data`


def string_stream(inputs: Sequence[Sequence[Any]]) -> Optional[StringStream]:
    """`inputs` serialised in version 4 after the distinct tokens of their first GUESS_ROWS rows (as tokens
    drawn from a vocabulary are), for `strings`; None if those are not exact strings, or too many, or
    marshal refuses a token."""
    try:
        guess = list(dict.fromkeys(chain.from_iterable(islice(inputs, GUESS_ROWS))))
    except TypeError:  # an unhashable token: left to the general path to report
        return None
    if len(guess) > MAX_GUESS or not all(type(t) is str for t in guess):
        return None
    try:
        data = marshal.dumps((guess, inputs), 4)
    except ValueError:
        return None
    numbered = _numbered(data, guess, len(inputs))
    if numbered is None:
        return None
    return StringStream(data, guess, *numbered)


def strings(stream: StringStream, lengths: np.ndarray, full: bool) -> Optional[tuple[np.ndarray, list[str]]]:
    """Every token of the batch of `stream` (`string_stream`) in row-major order as a code into a sorted
    table of the distinct strings, if each token is one of the guessed objects (unshared strings with
    equal values are not) and each row a list or tuple of its length (`lengths`; `full`: all of one
    length); else None."""
    if full and (small := small_strings(stream, len(lengths), int(lengths[0]))) is not None:
        return small[0].ravel(), small[1]
    data, guess, numbers, start = stream.data, stream.guess, stream.numbers, stream.start
    table = sorted(guess)
    rank = {text: code for code, text in enumerate(table)}
    references = _grid(data, start, lengths, full, REF)
    if references is None:
        return None
    code_of = np.full(max(numbers) + 2, -1, dtype=np.intp)  # reference number -> code; -1: not a guessed token
    code_of[numbers] = [rank[text] for text in guess]
    codes = code_of.take(np.minimum(references, len(code_of) - 1))  # numbers are >= 0; beyond: the last, -1
    if len(codes) and codes.min() < 0:
        return None  # a reference to something not a guessed token
    return codes, table


def small_strings(stream: StringStream, n_rows: int, width: int) -> Optional[tuple[np.ndarray, list[str]]]:
    """Codes `[n_rows, width]` into the sorted table of the distinct strings, and that table, if the batch of
    `stream` has `width` tokens in each of its `n_rows` rows (lists or tuples), each one of the guessed
    objects, and the guess's reference numbers are below 255; else None. The common case of `strings`,
    read with bytes operations as `small_ints` is."""
    data, guess, numbers = stream.data, stream.guess, stream.numbers
    if max(numbers) >= NOT_MET or (low := _low_bytes(data, stream.start, n_rows, width, REF)) is None:
        return None
    table = sorted(guess)
    rank = {text: code for code, text in enumerate(table)}
    codes = _codes(low, n_rows, width, numbers, [rank[text] for text in guess])
    return None if codes is None else (codes, table)


def _numbered(data: bytes, guess: list[str], n_rows: int) -> Optional[tuple[list[int], int]]:
    """Each guessed string's reference number in the stream of `(guess, inputs)`, and where its rows
    start; None unless it begins as the stream of `(guess, list(guess))` does and then holds the header
    of a list or tuple of `n_rows`.

    That other stream is the same records up to the end of the guessed strings (so the same reference
    numbers), then a copy of the list whose items, all met before, are written as references: their
    numbers, read off its last records, without reading the strings back from the bytes.
    """
    if not guess:
        return None
    probe = marshal.dumps((guess, list(guess)), 4)
    start = len(probe) - 5 * (len(guess) + 1)  # where the copy's header starts, then a record per string
    copy = probe[start + 5:]
    if copy[::5] != bytes([REF]) * len(guess) or data[:start] != probe[:start] or len(data) < start + 5:
        return None
    if data[start] & LOW in (LIST, TUPLE) and int.from_bytes(data[start + 1:start + 5], "little") == n_rows:
        return [int.from_bytes(copy[k + 1:k + 5], "little") for k in range(0, len(copy), 5)], start + 5
    return None


def _grid(data: bytes, start: int, lengths: np.ndarray, full: bool, token_kind: int) -> Optional[np.ndarray]:
    """The int32 payloads of the token records, in order, if `data[start:]` is exactly a row header per
    input (a list or tuple of its length) followed by that many five-byte records of `token_kind`."""
    n_rows = len(lengths)
    width = int(lengths[0]) if full and n_rows else 0
    n = n_rows * width if full else int(lengths.sum())
    if len(data) - start != 5 * (n_rows + n):
        return None
    kinds = np.frombuffer(data, dtype=np.uint8, offset=start)[::5]
    payloads = np.ndarray((len(kinds),), dtype="<i4", buffer=data, offset=start + 1, strides=(5,))
    if full:  # a row is its header's slot and then its tokens' slots
        kinds, payloads = kinds.reshape(n_rows, width + 1), payloads.reshape(n_rows, width + 1)
        if not (_ROW_HEADER.take(kinds[:, 0]).all() and (payloads[:, 0] == width).all()
                and (kinds[:, 1:] == token_kind).all()):
            return None
        return payloads[:, 1:].ravel()
    headers = np.arange(n_rows) + (np.cumsum(lengths) - lengths)  # each row's slot
    if not (_ROW_HEADER.take(kinds.take(headers)).all() and (payloads.take(headers) == lengths).all()):
        return None
    is_token = kinds == token_kind
    if np.count_nonzero(is_token) != n:
        return None
    return payloads[is_token]

