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
rows), is the list's records, then the same grid with an `r` record per token. The grid is checked
slot by slot (row headers with their counts, every token slot of the one expected kind), so anything
else (a bool, a big int, a float, a token missing from the guess, a row shared by two inputs, rows as
tuples) fails a check and the caller reads the tokens one by one: the first record that is not five
bytes long starts at a slot, since every record before it is five bytes long.
"""

from __future__ import annotations

import marshal
from itertools import chain, islice
from typing import Any, Optional, Sequence

import numpy as np

FLAG = 0x80  # a type byte's bit that gives the object the next reference number
LOW = 0x7F
LIST, TUPLE, SMALL_TUPLE, INT, REF = (ord(c) for c in "[()ir")
SHORT_ASCII = {ord("z"), ord("Z")}  # a length byte, ASCII (Z: interned)
LONG_TEXT = {ord("a"): "ascii", ord("A"): "ascii", ord("u"): "utf-8", ord("t"): "utf-8"}  # an int32 length
GUESS_ROWS = 32  # the rows whose tokens are taken as the vocabulary's objects
MAX_GUESS = 64  # more distinct tokens than this in those rows: too large a vocabulary to guess

_ROW_HEADER = np.zeros(256, dtype=bool)  # row headers in the grid: lists and tuples, given a number or not
_ROW_HEADER[[LIST, LIST | FLAG, TUPLE, TUPLE | FLAG]] = True


def ints(inputs: Sequence[Sequence[Any]], lengths: np.ndarray, full: bool) -> Optional[np.ndarray]:
    """Every token of `inputs` in row-major order, if each is an exact int within int32 and each row a
    list or tuple (of `lengths`; `full`: all of one length); else None."""
    try:
        data = marshal.dumps(inputs, 2)
    except ValueError:
        return None
    if not data or data[0] not in (LIST, TUPLE):
        return None
    return _grid(data, 5, lengths, full, INT)


def strings(inputs: Sequence[Sequence[Any]], lengths: np.ndarray, full: bool) -> Optional[tuple[np.ndarray, list[str]]]:
    """Every token of `inputs` in row-major order as a code into a sorted table of the distinct strings,
    if each token is an exact `str` and one of the objects met in the first GUESS_ROWS rows (as tokens
    drawn from a vocabulary are; unshared strings with equal values are not), and each row a list;
    else None."""
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
    prefix = _guessed(data, len(guess), len(lengths))
    if prefix is None:
        return None
    texts, number_of, start = prefix
    references = _grid(data, start, lengths, full, REF)
    if references is None or not len(texts):
        return None
    table = sorted(texts)
    rank = {text: code for code, text in enumerate(table)}
    code_of = np.full(max(number_of) + 1, -1, dtype=np.intp)  # reference number -> code
    code_of[number_of] = [rank[text] for text in texts]
    if len(references) and (references.min() < 0 or references.max() >= len(code_of)):
        return None
    codes = code_of.take(references)
    if len(codes) and codes.min() < 0:
        return None  # a reference to something not a guessed token
    return codes, table


def _guessed(data: bytes, n_guessed: int, n_rows: int) -> Optional[tuple[list[str], list[int], int]]:
    """Reads the stream of `(guess, inputs)` up to the inputs' first row: the guessed strings, their
    reference numbers, and where the rows start; None if any of it is not as expected."""
    number = 0  # the next reference number
    pos = 0
    kind = data[pos]
    if kind & LOW != SMALL_TUPLE or data[pos + 1] != 2:
        return None
    number += bool(kind & FLAG)
    pos += 2
    kind = data[pos]
    if kind & LOW != LIST or int.from_bytes(data[pos + 1:pos + 5], "little") != n_guessed:
        return None
    number += bool(kind & FLAG)
    pos += 5
    texts: list[str] = []
    numbers: list[int] = []
    for _ in range(n_guessed):
        kind = data[pos]
        if kind & LOW in SHORT_ASCII:
            size, start, encoding = data[pos + 1], pos + 2, "ascii"
        elif kind & LOW in LONG_TEXT:
            size, start, encoding = int.from_bytes(data[pos + 1:pos + 5], "little"), pos + 5, LONG_TEXT[kind & LOW]
        else:
            return None
        if not kind & FLAG:
            return None  # not shared: no token can refer to it
        texts.append(data[start:start + size].decode(encoding, "surrogatepass"))
        numbers.append(number)
        number += 1
        pos = start + size
    kind = data[pos]
    if kind & LOW in (LIST, TUPLE) and int.from_bytes(data[pos + 1:pos + 5], "little") == n_rows:
        return texts, numbers, pos + 5
    return None


def _grid(data: bytes, start: int, lengths: np.ndarray, full: bool, token_kind: int) -> Optional[np.ndarray]:
    """The int32 payloads of the token records, in order, if `data[start:]` is exactly a row header per
    input (a list or tuple of its length) followed by that many five-byte records of `token_kind`."""
    n_rows = len(lengths)
    width = int(lengths[0]) if full and n_rows else 0
    n = n_rows * width if full else int(lengths.sum())
    if len(data) - start != 5 * (n_rows + n):
        return None
    payloads = np.ndarray((n_rows + n,), dtype="<i4", buffer=data, offset=start + 1, strides=(5,))
    if full and _same_rows(data, start, n_rows, width, token_kind):
        return payloads.reshape(n_rows, width + 1)[:, 1:].ravel()
    kinds = np.frombuffer(data, dtype=np.uint8, offset=start)[::5]
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


def _same_rows(data: bytes, start: int, n_rows: int, width: int, token_kind: int) -> bool:
    """The common case of `_grid` for rows of one length, checked on bytes (a few C passes, no array):
    every row's header record is the first row's (a list or tuple of `width`, all given a reference
    number or none), and every other record is of `token_kind`."""
    header = data[start:start + 5]
    if not (_ROW_HEADER[header[0]] and int.from_bytes(header[1:], "little") == width):
        return False
    if data[start::5] != (header[:1] + bytes([token_kind]) * width) * n_rows:  # every record's type byte
        return False
    row = 5 * (width + 1)
    return all(data[start + i::row] == header[i:i + 1] * n_rows for i in range(1, 5))  # the headers' counts
