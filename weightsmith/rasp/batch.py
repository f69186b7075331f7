"""The batched interpreter: many inputs at once, as numpy array operations.

Every s-op is held as a `Column`: an integer code per (input, position) into a table of the distinct
values that occur. That makes the expensive parts cheap:
- a Map / SequenceMap calls its Python function once per *distinct* value (or value pair) in the whole
  batch, then gathers;
- a Select evaluates its predicate once per distinct (key, query) pair (a `Comparison` on numbers or
  strings by ranking them, any other predicate by calling it) and becomes bit masks `[batch, query,
  words]`, a bit per key (`bitmask`): And/Or/Not are bitwise, SelectorWidth a popcount, an Aggregate
  of one selected key a trailing-zero count; `evaluate_columns` gives selectors as bool arrays;
- each sub-expression is evaluated once, however many parents share it.
Inputs of different lengths share one padded array; padding has code -1 and is never selected.
Results equal `evaluate.evaluate` on every input (value and Python type), which the tests check.
Python-level work is per distinct value, never per position. The two passes that must touch every
position's Python object, reading the tokens into codes and writing the output codes back as lists, are
a small C module (`_boundary`, one pass each): in Python they were ~40 % of a call.
"""

from __future__ import annotations

import math
import operator
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain
from typing import Any, Callable, Iterable, Optional, Sequence

import numpy as np

from weightsmith.rasp import bitmask, one_row
from weightsmith.rasp import expr as rx
from weightsmith.rasp.domain import check_domain, check_vocabulary
from weightsmith.rasp.errors import EvaluationError, InputError, describe
from weightsmith.rasp.evaluate import aggregate, call_checked, call_error, node_value, placeholder_error, preference_order
from weightsmith.rasp.graph import with_children
from weightsmith.rasp.holes import Hole, not_filled, unfilled
from weightsmith.rasp.loop import Loop, LoopResult, LoopRun, LoopState, run_loop

try:
    from weightsmith.rasp import _boundary
except ImportError as err:  # a checkout used without installing it (e.g. on PYTHONPATH): say how to build it
    raise ImportError("weightsmith.rasp._boundary, the batched interpreter's C module (weightsmith/rasp/_boundary.c), "
                      "is not built: run `pip install -e .` (or `make`), or `python setup.py build_ext --inplace` "
                      "in the checkout") from err

PAD = -1
COMPOSED_IN_PYTHON = 4096  # a `Distinct` over at most this many codes composes its lookup table in Python
EVERY_PLACE = 256  # `_whole_means_one` divides every (query, sum) place up to this many, not only those met
MASKED_SUM_VALUES = 8  # a mean of at most this many distinct non-zero whole numbers sums them by popcounts
EXACT_INT = 2**53  # integers up to this size are exact in float64, and so are their sums below it
_NUMBER_TYPES = (int, bool, float)  # what the reference evaluator averages (it tests with isinstance)


class _Interner:
    """Codes for values in order of first appearance.

    Values are told apart by type as well as by equality: 1, 1.0 and True are equal in Python but are
    different results, and so are 0.0 and -0.0, and (0, 1) and (0.0, 1) (see `_key`).
    """

    def __init__(self) -> None:
        self._index: dict[Any, int] = {}
        self.table: list[Any] = []

    def codes(self, values: Iterable[Any]) -> list[int]:
        index, table = self._index, self.table
        codes = []
        append = codes.append
        for v in values:
            # An exact str or int is its own key (no other key equals it: the rest are tuples led by a
            # type), and a non-zero float is keyed here as `_key` keys it: that spares a call per value.
            kind = type(v)
            key = v if kind is str or kind is int else (kind, v) if kind is float and v else _key(v)
            code = index.get(key)
            if code is None:
                code = index[key] = len(table)
                table.append(v)
            append(code)
        return codes


def _key(value: Any) -> tuple:
    """What tells two values apart: equality, the type, the sign of a float zero, and for a tuple the
    same of each element (recursively)."""
    kind = type(value)
    if isinstance(value, tuple):
        return kind, tuple(map(_key, value))
    if kind is float and value == 0.0:
        return kind, value, math.copysign(1.0, value)
    return kind, value


def _unhashable(e: rx.RASPExpr, err: TypeError) -> EvaluationError:
    """Values are interned (a code per distinct value), so a function's results must be hashable: a list
    or dict result is an EvaluationError naming the s-op, not a bare TypeError from a dict lookup."""
    return EvaluationError(f"{describe(e)}: its function returned an unhashable value ({err}); values must be "
                           "hashable: str, int, float, bool, tuple")


def _call_each(e: rx.RASPExpr, f: Callable[[Any], Any], xs: list[Any]) -> list[Any]:
    """`f` on each value (None stays None), in one `try`: a wrapper per call would cost as much as a
    small function. A raising call is reported as `call_checked` reports it."""
    results: list[Any] = []
    append = results.append
    x = None
    try:
        for x in xs:
            append(None if x is None else f(x))
    except Exception as err:  # noqa: BLE001 - re-raised with context
        raise call_error(e, err, (x,)) from err
    return results


def _call_pairs(e: rx.RASPExpr, f: Callable[[Any, Any], Any], xs: list[Any], ys: list[Any]) -> list[Any]:
    """`_call_each` for a function of two values (None where either is None)."""
    results: list[Any] = []
    append = results.append
    x = y = None
    try:
        for x, y in zip(xs, ys):
            append(None if x is None or y is None else f(x, y))
    except Exception as err:  # noqa: BLE001 - re-raised with context
        raise call_error(e, err, (x, y)) from err
    return results


@dataclass
class Column:
    """An s-op's values over a batch: `table[codes[b, i]]`, with `codes == -1` at padding.

    `dense` says that every table entry occurs in `codes` (true of tables built from the values met,
    such as the tokens' and every Map's): then the codes are already the distinct values' ranks.
    """

    codes: np.ndarray
    table: list[Any]
    dense: bool = False
    uniform: bool = False  # every input has the same row (s-ops of positions only on inputs of one length)
    _distinct: Optional["Distinct"] = field(default=None, init=False, repr=False, compare=False)

    def distinct(self, padded: bool = True) -> "Distinct":
        """`_distinct(codes, len(table), padded)`, computed once however many Maps and Selects read the column."""
        if self._distinct is None:
            self._distinct = (_every_code(len(self.table), self.codes) if self.dense
                              else _distinct(self.codes, len(self.table), padded))
        return self._distinct

    def values(self, lengths: np.ndarray, full: Optional[bool] = None) -> list[list[Any]]:
        """Each input's list of values (`full`: whether every input fills the width, if known): the table's
        objects themselves, so each value keeps its exact type (`_boundary.rows`, one pass in C)."""
        return _boundary.rows(np.asarray(self.codes, dtype=np.intp), self.table,
                              None if full else np.asarray(lengths, dtype=np.intp))


def _unpadded(lengths: np.ndarray, width: int) -> bool:
    """Whether every input fills the padded width, so padded rows need no cutting."""
    return not len(lengths) or lengths.min() == width


class Batch:
    """A padded batch of token sequences.

    The tokens are coded on first use, not when the batch is made: a program of positions only (indices,
    length, constants) never reads them, and coding a thousand inputs' tokens costs more than such a
    whole program. `tokens` may be given as a Column or as the function that codes it.
    """

    def __init__(self, lengths: Optional[np.ndarray], valid: np.ndarray | tuple[int, int],
                 tokens: Column | Callable[[], Column]) -> None:
        """`valid`: `[B, L]` bool, position < length; or only its shape `(B, L)` when every input has length L
        (then `lengths` may be None: made when first read, like `valid`)."""
        self._lengths = lengths  # [B]
        self._tokens = tokens
        if isinstance(valid, tuple):  # made when first read: most programs over inputs of one length never do
            self.shape, self._valid, self.full = valid, None, True
        else:
            self.shape, self._valid = valid.shape, valid
            self.full = _unpadded(lengths, valid.shape[1])  # every input fills the width: no padding anywhere

    @property
    def lengths(self) -> np.ndarray:
        """`[B]`: each input's length."""
        if self._lengths is None:
            self._lengths = np.full(self.shape[0], self.shape[1], dtype=np.intp)
        return self._lengths

    @property
    def valid(self) -> np.ndarray:
        """`[B, L]` bool: position < length."""
        if self._valid is None:
            self._valid = np.ones(self.shape, dtype=bool)
        return self._valid

    @property
    def tokens(self) -> Column:
        if not isinstance(self._tokens, Column):
            self._tokens = self._tokens()
        return self._tokens

    def masked(self, codes: np.ndarray) -> np.ndarray:
        """`codes` with PAD at padding positions (unchanged when there is none)."""
        return codes if self.full else np.where(self.valid, codes, PAD)


def make_batch(
    inputs: Sequence[Sequence[rx.Value]],
    vocab: Optional[Iterable[rx.Value]] = None,
    max_seq_len: Optional[int] = None,
    read_tokens: bool = False,
) -> Batch:
    """Pads `inputs` into arrays; with `vocab`/`max_seq_len`, rejects unknown tokens and long inputs.

    Without `vocab` the tokens are coded when a program first reads them (see `Batch`), unless
    `read_tokens` says that the program reads them: then they are read now, and the same pass measures
    every input.
    """
    tokens: Column | Callable[[], Column]
    if read_tokens and len(inputs):
        tokens, lengths = _token_column(inputs)
        width = tokens.codes.shape[1]
    else:
        tokens = lambda: _token_column(inputs)[0]  # noqa: E731 - read if a program reads the tokens
        sizes = list(map(len, inputs))
        if sizes.count(sizes[0] if sizes else 0) == len(sizes):  # one length (a count in C, no array pass)
            lengths, width = None, sizes[0] if sizes else 0  # made if read (`Batch.lengths`)
        else:
            lengths, width = np.fromiter(sizes, dtype=np.intp, count=len(sizes)), max(sizes)
    if max_seq_len is not None and width > max_seq_len:
        b = 0 if lengths is None else int(np.argmax(lengths > max_seq_len))
        raise InputError(f"input {b} has length {len(inputs[b])}, longer than max_seq_len={max_seq_len}: "
                         f"{list(inputs[b])!r}")
    valid = (len(inputs), width) if lengths is None else np.arange(width)[None, :] < lengths[:, None]
    batch = Batch(lengths, valid, tokens)
    if vocab is not None:
        check_vocabulary(inputs, vocab, batch.tokens.table)
    return batch


def _token_column(inputs: Sequence[Sequence[rx.Value]]) -> tuple[Column, Optional[np.ndarray]]:
    """The tokens of `inputs` as a Column (padding PAD), and each input's length (None when all have the
    width), read in one pass in C (`_boundary.read`): tokens told apart as `_Interner` tells them apart,
    the table sorted when it holds only exact strs or only exact ints."""
    codes, table, width, lengths = _boundary.read(inputs, _key)
    column = Column(np.ndarray((len(inputs), width), dtype=np.intp, buffer=codes), table, dense=True)  # one numpy call
    return column, None if lengths is None else np.frombuffer(lengths, dtype=np.intp)


@dataclass
class Distinct:
    """The distinct codes that occur in an array of codes, and each position's place among them.

    Kept as a small table (`table[index]` is the place; PAD stays PAD) rather than the `[B, L]` array of
    places: whoever maps the distinct values to new codes composes the two small tables first and
    reads the batch once (`gather`), instead of twice.
    """

    used: list[int]  # the distinct codes met, ascending
    index: np.ndarray  # `[B, L]`: each position's code (PAD stays PAD), or its place in `used` if `placed`
    size: int  # the codes lie in [0, size)
    placed: bool = False  # `index` holds places, as when every code in [0, size) is met

    def gather(self, new_codes: list[int]) -> np.ndarray:
        """`new_codes[place]` at every position (PAD stays PAD). The places themselves (not a copy: columns'
        codes are never written in place) when both tables are the identity, as for the ranks of a sorted
        vocabulary or a Map that keeps each value apart and in order. One lookup table from code to new
        code, then one read of the batch: composed in Python for small code spaces (two numpy calls in all)."""
        if self.placed:
            if new_codes == list(range(len(self.used))):
                return self.index
            return np.array([*new_codes, PAD], dtype=np.intp).take(self.index)
        if self.size <= COMPOSED_IN_PYTHON:
            lookup = [PAD] * (self.size + 1)  # PAD (-1) reads the last slot
            for code, new in zip(self.used, new_codes):
                lookup[code] = new
            return np.array(lookup, dtype=np.intp).take(self.index)
        table = np.full(self.size + 1, PAD, dtype=np.intp)
        table[self.used] = new_codes
        return table.take(self.index)

    @property
    def places(self) -> np.ndarray:
        return self.gather(list(range(len(self.used))))


def _distinct(codes: np.ndarray, size: int, padded: bool = True) -> Distinct:
    """The distinct codes (in [0, size)) that occur in `codes` (`padded=False` promises no PAD).

    Counting into `size` bins is much faster than np.unique's sort; the sort is only for code spaces too
    big to count into (such as pairs of two large tables).
    """
    if size <= max(1 << 16, 4 * codes.size):
        counts = np.bincount(codes.ravel() + 1, minlength=size + 1)[1:] if padded else np.bincount(
            codes.ravel(), minlength=size)
        return Distinct(counts.nonzero()[0].tolist(), codes, size)
    valid = codes >= 0
    used, inverse = np.unique(codes[valid], return_inverse=True)
    places = np.full(codes.shape, PAD, dtype=np.intp)
    places[valid] = inverse.ravel()
    return Distinct(used.tolist(), places, size, placed=True)


def _every_code(size: int, codes: np.ndarray) -> Distinct:
    """`Distinct` of codes known to use every code in [0, size): each code is its own place."""
    return Distinct(list(range(size)), codes, size, placed=True)


def _whole(numbers: list, width: int) -> bool:
    """Whether means of up to `width` of `numbers` may be taken by `_whole_means`: exact ints, bools or whole
    floats, each below 2**53 / width (so every sum is exact in float64), and `width` below 256."""
    bound = EXACT_INT / width
    return width < 256 and all(type(v) in _NUMBER_TYPES and abs(v) < bound and (type(v) is not float or v.is_integer())
                               for v in numbers)


def _comparison_ranks(keys: list[Any], queries: list[Any]) -> Optional[tuple[list[int], list[int], int]]:
    """Ranks for the keys and queries of a Select such that comparing two ranks (==, <, ...) gives what
    comparing the two values gives in Python, and how many ranks there are; None when the values have no
    such order.

    Exact strings, and exact numbers other than NaN, are totally ordered by Python's own comparisons
    (ints and floats compare exactly), so sorting them in Python ranks them; equal values (1, 1.0, True)
    meet in one set entry and share a rank. NaN is unordered and subclasses may compare differently: both
    are left to calling the predicate. The values are the distinct ones met, so this is cheap.
    """
    values = keys + queries
    if not (all(type(v) is str for v in values)
            or all(type(v) in _NUMBER_TYPES and v == v for v in values)):
        return None
    rank = {v: r for r, v in enumerate(sorted(set(values)))}
    return [rank[v] for v in keys], [rank[v] for v in queries], len(rank)


_RANK_COMPARISONS: dict[rx.Comparison, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    rx.Comparison.EQ: np.equal,
    rx.Comparison.LT: np.less,
    rx.Comparison.LEQ: np.less_equal,
    rx.Comparison.GT: np.greater,
    rx.Comparison.GEQ: np.greater_equal,
    rx.Comparison.NEQ: np.not_equal,
}


def _compared_masks(predicate: rx.Comparison, masks: np.ndarray) -> np.ndarray:
    """For each query rank r, the keys whose rank compares to r as `predicate` says (key OP query), from
    the keys' masks per rank (`bitmask.value_masks`, `[1 + rank, B, words]`, slot 0 empty): the bits are
    disjoint, so a cumulative sum over the ranks is the union of the masks of every lower rank. Slot 0
    stays empty."""
    if predicate is rx.Comparison.EQ:
        return masks
    at_most = masks.copy()  # keys of rank <= r, plane by plane (np.cumsum would loop along the short axis)
    for r in range(1, len(at_most)):
        np.add(at_most[r - 1], masks[r], out=at_most[r])
    if predicate is rx.Comparison.LEQ:
        return at_most
    if predicate is rx.Comparison.LT:
        return at_most - masks
    every = at_most[-1:]
    if predicate is rx.Comparison.GT:
        compared = every - at_most
    elif predicate is rx.Comparison.GEQ:
        compared = every - at_most + masks
    else:  # NEQ
        compared = every - masks
    compared[0] = 0.0
    return compared


def _compared_rows(predicate: rx.Comparison, keys: np.ndarray, queries: np.ndarray, n: int,
                   same_rows: bool = False) -> np.ndarray:
    """The masks `[B, Q, 1]` of a Select by ranks (key OP query, as `_compared_masks`), for ranks in [0, n)
    everywhere (inputs that fill the width) and keys in one word: `bitmask.input_major`, where the keys of
    rank <= r are a cumulative sum along each input's row (disjoint bits: the sum is the union, exact in
    float64). `same_rows`: every row of `queries` is its first."""
    masks, index = bitmask.input_major(keys, n)
    if predicate is not rx.Comparison.EQ:
        at_most = np.cumsum(masks, axis=1)
        if predicate is rx.Comparison.LEQ:
            masks = at_most
        elif predicate is rx.Comparison.LT:
            masks = at_most - masks
        elif predicate is rx.Comparison.GT:
            masks = at_most[:, -1:] - at_most
        elif predicate is rx.Comparison.GEQ:
            masks = at_most[:, -1:] - at_most + masks
        else:  # NEQ
            masks = at_most[:, -1:] - masks
    return bitmask.read_input_major(masks, queries, same_rows, index if queries is keys else None)


def _same_rows(*arrays: np.ndarray) -> bool:
    """Whether every input has the same rows in each of `arrays` (s-ops of positions only, like indices,
    on inputs of one length): then an operation on one input, copied, is the operation on all."""
    return len(arrays[0]) > 1 and not any((a[1:] != a[:-1]).any() for a in arrays)


def _pairwise(f: Callable[[np.ndarray, np.ndarray], np.ndarray], queries: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """`f(queries[:, :, None], keys[:, None, :])`, a `[B, query, key]` array.

    Where every input has the same rows (s-ops of positions only, like indices, on inputs of one
    length), it is computed for one input and copied, many times faster than broadcasting over the batch.
    """
    if _same_rows(queries, keys):
        one = f(queries[:1, :, None], keys[:1, None, :])
        return np.broadcast_to(one, (len(queries), queries.shape[1], keys.shape[1])).copy()
    # Computed as [query, key, B] and transposed: numpy's inner loop then runs along the batch (long,
    # contiguous) rather than along the keys (a few), twice as fast even with the copy back to [B, query, key].
    by_batch = f(np.ascontiguousarray(queries.T)[:, None, :], np.ascontiguousarray(keys.T)[None, :, :])
    return np.ascontiguousarray(by_batch.transpose(2, 0, 1))


def _repeated(row: np.ndarray, n: int) -> np.ndarray:
    """`row` (`[1, ...]`) repeated `n` times along the first axis: a read-only view, as `np.broadcast_to`
    gives, without its argument checks (which cost more than the rest of a small Map)."""
    row = np.ascontiguousarray(row)
    view = np.ndarray((n, *row.shape[1:]), row.dtype, row, 0, (0, *row.strides[1:]))
    view.flags.writeable = False
    return view


@lru_cache(maxsize=8)
def _index_grid(nb: int, width: int) -> np.ndarray:
    """`[nb, width]`: each position's index, read-only. Kept per shape (a constant of the shape, not of any
    input), as `bitmask` keeps its offsets: after slower work every numpy call costs 10-20 µs, and
    indices are read by most programs."""
    return _repeated(np.arange(width)[None], nb)


@lru_cache(maxsize=8)
def _filled_grid(nb: int, width: int, value: int) -> np.ndarray:
    """`[nb, width]` of `value`, read-only (per shape, as `_index_grid`): the codes of a constant, and the
    lengths, of inputs that all fill the width."""
    return _repeated(np.full((1, width), value, dtype=np.intp), nb)


@lru_cache(maxsize=8)
def _row_starts(nb: int, width: int) -> np.ndarray:
    """`[nb, 1]`: where each input's row starts in a flattened `[nb, width]` array, read-only (per shape,
    as `_index_grid`)."""
    starts = np.arange(nb)[:, None] * width
    starts.flags.writeable = False
    return starts


def _first_bad(mask: np.ndarray) -> int:
    return int(np.argwhere(mask)[0][0])


# Nodes computed on one row in plain Python when all their children are uniform (`one_row`).
_ONE_ROW_KINDS = (rx.Map, rx.SequenceMap, rx.Select, rx.SelectorAnd, rx.SelectorOr, rx.SelectorNot, rx.SelectorWidth,
                  rx.Aggregate)
_CONSTANT_COMPARISONS = (rx.Comparison.TRUE, rx.Comparison.FALSE)
MASKS_PER_POSITION = 3  # a Select builds value masks for up to this many values per position; beyond, it compares


class _BatchEvaluator:
    """Evaluates a program on a batch: a Column per s-op, masks `[B, query, words]` per selector (`bitmask`)."""

    def __init__(self, batch: Batch, record: bool = False):
        self.batch = batch
        self.record = record
        self.values: dict[int, Any] = {}
        self._counts: dict[int, np.ndarray] = {}  # per selector: its width, shared by users
        # Per selector that is the same for every input (of positions only, on inputs of one length): its
        # masks for one input, `[1, query, words]`. Widths and Aggregates over it work on that one row.
        self._uniform: dict[int, np.ndarray] = {}
        self._pair_valid: Optional[np.ndarray] = None
        self.padded = not batch.full
        # Per uniform node computed or read on one row in plain Python (`one_row`): its row, a list of
        # values (s-ops) or of masks, an int per query (selectors).
        self._rows: dict[int, list] = {}

    def __call__(self, e: rx.RASPExpr) -> Any:
        return self.values[id(e)]

    @property
    def pair_valid(self) -> np.ndarray:
        """Masks `[B, query, words]`: both positions are inside the input."""
        if self._pair_valid is None:
            nb, width = self.batch.shape
            if self.batch.full:  # one row of masks for all
                self._pair_valid = self._for_all(one_row.words([(1 << width) - 1] * width, width))
            else:
                valid = self.batch.valid
                keys = bitmask.value_masks(np.where(valid, 0, PAD), 1)[1].astype(np.uint64)  # [B, words]
                self._pair_valid = np.where(valid[:, :, None], keys[:, None, :], np.uint64(0))
        return self._pair_valid

    def _for_all(self, one: np.ndarray, e: Optional[rx.Selector] = None) -> np.ndarray:
        """The masks of a selector that is `one` (`[1, query, words]`) for every input, as a read-only view
        over the batch (selectors are never written in place); `e`, if given, is recorded as uniform."""
        if e is not None:
            self._uniform[id(e)] = one
        return _repeated(one, self.batch.shape[0])

    def _uniform_pair_valid(self) -> Optional[np.ndarray]:
        """`pair_valid` for one input when every input has the same length, else None."""
        return self.pair_valid[:1] if self.batch.full else None

    def combine(self, e: rx.Selector, op: Callable[..., np.ndarray], *parts: np.ndarray) -> np.ndarray:
        """`op` of selectors' masks (And, Or, Not with pair_valid), on one input when every part is uniform."""
        ones = [self._uniform.get(id(p)) if isinstance(p, rx.RASPExpr) else p for p in parts]
        if all(one is not None for one in ones):
            return self._for_all(op(*ones), e)
        return op(*(self(p) if isinstance(p, rx.RASPExpr) else self.pair_valid for p in parts))

    def _masks_pay(self, n: int) -> bool:
        """Whether a Select over `n` distinct values is faster from value masks (work ~ B * n) than from
        comparing every query with every key (~ B * L * L); measured: up to about 3 values per position."""
        return n + 1 <= MASKS_PER_POSITION * self.batch.shape[1]

    @property
    def row_starts(self) -> np.ndarray:
        """`[B, 1]`: where each input's row starts in the flattened `[B, L]` arrays."""
        return _row_starts(*self.batch.shape)

    def count(self, selector: rx.Selector) -> np.ndarray:
        if id(selector) not in self._counts:
            one = self._uniform.get(id(selector))
            self._counts[id(selector)] = (bitmask.count(self(selector)) if one is None
                                          else _repeated(bitmask.count(one), self.batch.shape[0]))
        return self._counts[id(selector)]

    def constant(self, value: Any) -> Column:
        batch = self.batch
        if batch.full:
            return Column(_filled_grid(*batch.shape, 0), [value], uniform=True)
        return Column(batch.masked(np.zeros(batch.shape, dtype=np.intp)), [value])

    def map_values(self, e: rx.RASPExpr, inner: Column, f: Callable[[Any], Any]) -> Column:
        # A uniform column (the same row for every input) is mapped on its first row only.
        distinct = _distinct(inner.codes[:1], len(inner.table), False) if inner.uniform else inner.distinct(self.padded)
        results = _call_each(e, f, [inner.table[c] for c in distinct.used])
        return self._interned(e, results, distinct, uniform=inner.uniform)

    def _interned(self, e: rx.RASPExpr, results: list[Any], distinct: Distinct, uniform: bool) -> Column:
        """The Column whose value at each position is the result for its distinct argument (`distinct` of
        the first row only if `uniform`)."""
        out = _Interner()
        try:
            new = out.codes(results)
        except TypeError as err:
            raise _unhashable(e, err) from err
        codes = distinct.gather(new)
        return Column(_repeated(codes, self.batch.shape[0]) if uniform else codes, out.table, dense=True,
                      uniform=uniform)

    def sequence_map(self, e: rx.SequenceMap) -> Column:
        a, b = self(e.fst), self(e.snd)
        n = len(b.table)
        uniform = a.uniform and b.uniform  # then computed on the first row only
        pairs = a.codes[:1] * n + b.codes[:1] if uniform else self.batch.masked(a.codes * n + b.codes)
        distinct = _distinct(pairs, len(a.table) * n, self.padded and not uniform)
        results = _call_pairs(e, e.f, [a.table[pair // n] for pair in distinct.used],
                              [b.table[pair % n] for pair in distinct.used])
        return self._interned(e, results, distinct, uniform)

    def select(self, e: rx.Select) -> np.ndarray:
        keys, queries = self(e.keys), self(e.queries)
        predicate = e.predicate
        if predicate in _CONSTANT_COMPARISONS and None not in keys.table and None not in queries.table:
            return self._every_pair(e)  # whatever the values: no need to find the distinct ones
        uniform = keys.uniform and queries.uniform  # the same for every input: computed for the first
        # The distinct values met, and every position as an index into them.
        if uniform:
            key_distinct = _distinct(keys.codes[:1], len(keys.table), False)
            query_distinct = _distinct(queries.codes[:1], len(queries.table), False)
        else:
            key_distinct, query_distinct = keys.distinct(self.padded), queries.distinct(self.padded)
        key_values = [keys.table[c] for c in key_distinct.used]
        query_values = [queries.table[c] for c in query_distinct.used]
        # A Comparison raises on None: that is left to calling it (below), which reports it.
        if isinstance(predicate, rx.Comparison) and None not in key_values and None not in query_values:
            if predicate in _CONSTANT_COMPARISONS:  # None in the table but not met
                return self._every_pair(e)
            ranks = _comparison_ranks(key_values, query_values)
            if ranks is not None:
                key_ranks, query_ranks, n_ranks = ranks
                key_rank = key_distinct.gather(key_ranks)
                query_rank = key_rank if queries is keys else query_distinct.gather(query_ranks)
                if uniform:
                    one = bitmask.rows_at(_compared_masks(predicate, bitmask.value_masks(key_rank, n_ranks)), query_rank)
                    return self._for_all(one, e)
                if self._masks_pay(n_ranks):
                    if not self.padded and self.batch.shape[1] <= bitmask.WORD:
                        return _compared_rows(predicate, key_rank, query_rank, n_ranks, queries.uniform)
                    key_slots = bitmask.slots(key_rank)
                    masks = _compared_masks(predicate, bitmask.value_masks(key_rank, n_ranks, key_slots))
                    return bitmask.rows_at(masks, query_rank, same_rows=queries.uniform,
                                           at_slots=key_slots if query_rank is key_rank else None)
                compare = _RANK_COMPARISONS[predicate]
                selected = _pairwise(lambda q, k: compare(k, q), query_rank, key_rank)
                return bitmask.pack(selected) & self.pair_valid
        selected = self._select_by_calls(e, key_values, key_distinct.places, query_values, query_distinct.places,
                                         same_query_rows=queries.uniform)
        return self._for_all(selected, e) if uniform else selected

    def _every_pair(self, e: rx.Select) -> np.ndarray:
        """A Select whose predicate is TRUE or FALSE, over values none of which is None."""
        one = self._uniform_pair_valid()
        if one is None:
            return self.pair_valid if e.predicate is rx.Comparison.TRUE else np.zeros_like(self.pair_valid)
        return self._for_all(one if e.predicate is rx.Comparison.TRUE else np.zeros_like(one), e)

    def _select_by_calls(self, e: rx.Select, key_values, key_at, query_values, query_at,
                         same_query_rows: bool = False) -> np.ndarray:
        """The selector from calling the predicate once per distinct (key, query) pair met.

        A pair that raises is an error only if it meets in some input (like `1 < "a"` when no input
        holds both).
        """
        nk, nq = len(key_values), len(query_values)
        # table[query, key]; the last row and column stand for padding and stay False.
        table = np.zeros((nq + 1, nk + 1), dtype=bool)
        failed: dict[tuple[int, int], EvaluationError] = {}
        for i, k in enumerate(key_values):
            for j, q in enumerate(query_values):
                try:
                    table[j, i] = bool(call_checked(e, e.predicate, k, q))
                except EvaluationError as err:
                    failed[(i, j)] = err
        for (i, j), err in failed.items():
            meets = (query_at == j)[:, :, None] & (key_at == i)[:, None, :]
            if meets.any():
                raise EvaluationError(f"{err} (input {_first_bad(meets)})") from err
        if self._masks_pay(max(nk, nq)):
            # the queries' masks: for each query value, the union of the masks of the keys it accepts
            masks = bitmask.value_masks(key_at, nk)  # [1 + key value, B, words]
            _, nb, words = masks.shape
            accepted = np.zeros((nq + 1, nk + 1))
            accepted[1:, 1:] = table[:nq, :nk]
            accepted = accepted @ masks.reshape(nk + 1, nb * words)
            return bitmask.rows_at(accepted.reshape(nq + 1, nb, words), query_at, same_rows=same_query_rows)
        key_index = np.where(key_at >= 0, key_at, nk)
        query_index = np.where(query_at >= 0, query_at, nq)
        return bitmask.pack(_pairwise(lambda q, k: table.ravel().take(q * (nk + 1) + k), query_index, key_index))

    def aggregate(self, e: rx.Aggregate) -> Column:
        sel, vals = self(e.selector), self(e.sop)
        width = self.batch.shape[1]
        if not width:  # every input is empty
            return Column(np.full(self.batch.shape, PAD, dtype=np.intp), [])
        one = self._uniform.get(id(e.selector))
        if one is not None:
            return self._aggregate_one(e, vals, one)
        count = self.count(e.selector)
        out = _Interner()
        *table_codes, default = out.codes([*vals.table, e.default])
        first = bitmask.single(sel, width)  # the one selected key, where there is one
        key_codes = vals.codes.ravel().take(first + self.row_starts)
        codes = np.where(count == 0, default, np.array([*table_codes, PAD], dtype=np.intp).take(key_codes))
        many = count > 1 if self.batch.full else (count > 1) & self.batch.valid
        if many.any():
            self._means(e, sel, vals, count, many, codes, out, None)
        return Column(self.batch.masked(codes), out.table)

    def _aggregate_one(self, e: rx.Aggregate, vals: Column, one: np.ndarray) -> Column:
        """`aggregate` over a selector that is the same for every input (`one`: its masks for one input;
        the inputs are of one length, so no padding): each query's column is one gather of its selected
        key's column, or the default, read off the selector's row (`one_row`) in Python."""
        masks = self._one_row_of(e.selector)
        out = _Interner()
        *table_codes, default = out.codes([*vals.table, e.default])
        codes = vals.codes.take([(m & -m).bit_length() - 1 if m else 0 for m in masks], axis=1)  # lowest key
        if table_codes != list(range(len(table_codes))):  # a table with repeats (interned tables have none)
            codes = np.array(table_codes, dtype=np.intp).take(codes)
        empty = [q for q, m in enumerate(masks) if not m]
        if empty:
            codes[:, empty] = default
        several = [m.bit_count() > 1 for m in masks]
        if any(several):
            numbers = vals.table  # (`_whole` admits exact number types only: no table with a non-number)
            if not (_whole(numbers, len(masks)) and self._whole_means_one(e, numbers, vals, codes, out)):  # else:
                many = _repeated(np.array(several)[None], len(codes))
                self._means(e, self(e.selector), vals, self.count(e.selector), many, codes, out, one)
        return Column(codes, out.table, uniform=vals.uniform)

    def _means(self, e, sel, vals: Column, count, many, codes, out: _Interner, one: Optional[np.ndarray]) -> None:
        """Writes into `codes` the mean of the selected values wherever several are selected (`one`: the
        selector's masks for one input, if it is the same for all)."""
        is_number = [isinstance(v, _NUMBER_TYPES) for v in vals.table]
        width = vals.codes.shape[1]
        if not all(is_number):
            if one is None:
                at_non_number = np.where(np.array(is_number + [True])[vals.codes], PAD, 0)
                non_numbers = bitmask.value_masks(at_non_number, 1)[1].astype(np.uint64)  # [B, words]
                non_numeric = ((sel & non_numbers[:, None, :]) != 0).any(-1) & many
            else:  # [B, key] @ [key, query]: how many non-numbers each query selects
                at_non_number = ~np.array(is_number + [True])[vals.codes]
                non_numeric = (at_non_number @ bitmask.unpack(one[0], width).T.astype(np.intp) > 0) & many
            if non_numeric.any():
                b, q = np.argwhere(non_numeric)[0]
                aggregate(self._selected(vals, sel[b, q], b), e.default, e)  # raises the evaluator's error
        numbers = [v if ok else 0 for v, ok in zip(vals.table, is_number)]
        bound = EXACT_INT / width
        if not all(type(v) in _NUMBER_TYPES and abs(v) < bound for v in numbers):
            # Huge or non-finite numbers (inexact below), or number subclasses: the evaluator averages them.
            where = np.argwhere(many).tolist()
            codes[many] = out.codes(aggregate(self._selected(vals, sel[b, q], b), e.default, e) for b, q in where)
            return
        if _whole(numbers, width):
            if one is not None and self._whole_means_one(e, numbers, vals, codes, out):
                return
            self._whole_means(sel, numbers, vals, count, many, codes, out, one)
            return
        rows = np.flatnonzero(many)
        # Python's `sum(xs) / len(xs)` adds in position order starting from 0, and so does this loop
        # (adding 0.0 where a key is not selected changes nothing). With every partial sum below 2**53,
        # integers are exact in float64, so the sums are Python's, and so are the correctly rounded quotients.
        # Only the queries that select several keys are computed: rows of `[B * query, key]` arrays.
        at_key = np.array(numbers + [0], dtype=np.float64)[vals.codes]  # [B, key]
        selected = (bitmask.unpack(sel, width).reshape(-1, width).take(rows, axis=0) if one is None
                    else bitmask.unpack(one[0], width).take(rows % width, axis=0))  # [row, key]
        terms = selected * at_key.take(rows // width, axis=0)
        sums = np.zeros(len(rows))
        for k in range(width):
            sums += terms[:, k]
        means = sums / count.ravel().take(rows)
        distinct = np.sort(means)
        distinct = distinct[np.concatenate(([True], distinct[1:] != distinct[:-1]))]
        # A binary search finds each mean among the distinct ones (exactly: they are finite) several times
        # faster than np.unique(return_inverse=True), which sorts stably.
        np.put(codes, rows, np.array(out.codes(distinct.tolist()), dtype=np.intp)[np.searchsorted(distinct, means)])

    def _whole_means(self, sel, numbers: list, vals: Column, count, many, codes, out: _Interner,
                     one: Optional[np.ndarray]) -> None:
        """`_means` for whole numbers (each below 2**53 / width), several times faster.

        Their sums are exact integers whatever the order of addition, so they may be added in any order
        (Python adds in position order; here that makes no difference): per distinct value, value times
        the number of selected keys holding it (a popcount of the selector and the value's mask), in
        int64, or for many distinct values a float64 matrix product (exact below 2**53). Each distinct
        (sum, count) pair met is divided once, in Python: the very quotient the evaluator computes.
        Codes go to the distinct means in ascending order, as in `_means`.
        """
        nb, nq, _ = sel.shape
        width = vals.codes.shape[1]
        nonzero = [c for c, v in enumerate(numbers) if v]
        if one is not None:  # the same selector for every input: one product [B, key] @ [key, query]
            at_key = np.array(numbers + [0], dtype=np.float64)[vals.codes]
            sums = (at_key @ bitmask.unpack(one[0], width).T.astype(np.float64)).astype(np.int64)  # exact
        elif len(nonzero) <= MASKED_SUM_VALUES:
            masks = bitmask.value_masks(vals.codes, len(numbers))[1:].astype(np.uint64)  # [value, B, words]
            sums = np.zeros((nb, nq), dtype=np.int64)
            for c in nonzero:
                selected = bitmask.count(sel & masks[c][:, None])
                sums += selected if numbers[c] == 1 else int(numbers[c]) * selected
        else:
            at_key = np.array(numbers + [0], dtype=np.float64)[vals.codes]  # [B, key]
            totals = np.empty((nb, nq))
            step = max(1, (1 << 22) // max(1, nq * width))  # inputs per product: bounds its float copy
            for start in range(0, nb, step):
                chunk = bitmask.unpack(sel[start:start + step], width)
                totals[start:start + step] = np.matmul(chunk, at_key[start:start + step, :, None])[..., 0]
            sums = totals.astype(np.int64)  # exact
        low = int(sums.min())
        # (sum, count) as one code: below 2**54 * (width + 1), within int64 as width < 256 (see _means)
        pairs = (sums - low) * (width + 1) + count
        distinct = _distinct(pairs, (int(sums.max()) - low + 1) * (width + 1), padded=False)
        # Each (sum, count) met, divided in Python: the evaluator's own sum(xs) / len(xs) of ints (a float
        # sum of whole numbers is exact, so its int is the same number). Codes in ascending order of the
        # means (never -0.0: a zero sum divides to +0.0), sorted in Python: there are few.
        means = [(pair // (width + 1) + low) / (pair % (width + 1)) if pair % (width + 1) > 1 else None
                 for pair in distinct.used]
        ordered = sorted(set(means) - {None})
        code_of = dict(zip(ordered, out.codes(ordered)))
        new = [PAD if mean is None else code_of[mean] for mean in means]
        np.copyto(codes, distinct.gather(new), where=many)

    def _whole_means_one(self, e: rx.Aggregate, numbers: list, vals: Column, codes: np.ndarray, out: _Interner) -> bool:
        """`_whole_means` over a selector that is the same for every input (no padding), in fewer passes:
        each query has its own count c, so its sums lie in [c * min, c * max] of the numbers, and (query,
        sum) has a place in a table laid out before any sum is known. One product `[B, key] @ [key,
        query]` over the queries that select several keys, plus each query's offset, gives every
        position's place; each place is divided once, in Python (the evaluator's own int / int): every
        place when there are few (the output's table then also lists means no input meets, which a
        column that is not `dense` may), else only those met. False, having done nothing, when that
        table would be too large."""
        masks = self._one_row_of(e.selector)
        many = [q for q, m in enumerate(masks) if m.bit_count() > 1]
        counts = [masks[q].bit_count() for q in many]
        low, high = int(min(numbers)), int(max(numbers))
        starts = list(accumulate((c * (high - low) + 1 for c in counts), initial=0))  # each query's block
        if starts[-1] > max(1 << 16, 4 * codes.size):
            return False
        width = vals.codes.shape[1]
        selected = np.array([[masks[q] >> k & 1 for q in many] for k in range(width)], dtype=np.float64)  # [key, query]
        at = np.array(numbers, dtype=np.float64).take(vals.codes) @ selected  # the sums, exact (see _means)
        at += [start - c * low for start, c in zip(starts, counts)]
        at = at.astype(np.intp)
        met: Optional[list[int]] = None  # the places met, if found
        if starts[-1] <= EVERY_PLACE:  # every place divided, met or not: cheaper than finding the ones met
            means = [s / c for c in counts for s in range(c * low, c * high + 1)]
        else:
            met = np.bincount(at.ravel(), minlength=starts[-1]).nonzero()[0].tolist()
            means = []
            for i in met:
                j = bisect_right(starts, i) - 1
                means.append((i - starts[j] + counts[j] * low) / counts[j])
        ordered = sorted(set(means))  # codes in ascending order of the means, as `_means` gives them
        code_of = dict(zip(ordered, out.codes(ordered)))
        if met is None:
            table = np.array([code_of[mean] for mean in means], dtype=np.intp)
        else:
            table = np.zeros(starts[-1], dtype=np.intp)
            table[met] = [code_of[mean] for mean in means]
        codes[:, many] = table.take(at)
        return True

    @staticmethod
    def _selected(vals: Column, mask: np.ndarray, b: int) -> list[Any]:
        """The values one query (its mask `[words]`) selects, in key order."""
        row = bitmask.unpack(mask, vals.codes.shape[1])
        return [vals.table[c] for c in vals.codes[b][row].tolist()]

    def select_preferred(self, e: rx.SelectPreferred) -> np.ndarray:
        """Each query's most preferred selected key: the first selected one in its preference order."""
        width = self.batch.shape[1]
        sel = bitmask.unpack(self(e.selector), width)
        if not width:
            return self(e.selector).copy()
        position = np.zeros((width, width), dtype=np.intp)  # [query, key]: the key's place in the order
        for q, keys in enumerate(preference_order(e, width)):
            position[q, keys] = np.arange(width)
        place = np.where(sel, position[None], width).argmin(-1)  # [B, query]: the preferred selected key
        chosen = np.zeros_like(sel)
        np.put_along_axis(chosen, place[:, :, None], True, axis=2)
        return bitmask.pack(chosen & sel.any(-1, keepdims=True))

    def linear_classifier(self, e: rx.LinearClassifier) -> Column:
        """Scores added in float64 in input order, as `evaluate.classify` adds them, for every position at once."""
        valid = self.batch.valid
        n_classes = len(e.classes)
        scores = np.broadcast_to(np.array(e.bias), (*valid.shape, n_classes)).copy()
        undefined = ~valid
        zeros = (0.0,) * n_classes
        for sop, table in zip(e.inputs, e.weights):
            column = self(sop)
            rows = np.array([table.get(v, zeros) for v in column.table] + [zeros], dtype=np.float64)
            scores = scores + rows[column.codes]  # padding (-1) reads the last row
            is_none = np.array([v is None for v in column.table] + [True])
            undefined |= is_none[column.codes]
        codes = np.where(undefined, n_classes, scores.argmax(-1))
        return Column(np.where(valid, codes, PAD), [*e.classes, None])

    def run(self, program: rx.RASPExpr, keep_all: bool = True, plan: Optional["_Plan"] = None,
            seen: Optional[Callable[[rx.RASPExpr], None]] = None) -> None:
        """Every node of `program`, children first, as its `_Plan` (`_plan_of`) lists them. Unless `keep_all`, a
        node's value is dropped once its last parent has read it (the program's own stays): a call then holds
        only what is still needed, so its arrays reuse the memory of dead ones instead of growing the heap,
        whose fresh pages cost a page fault each (a quarter of the time of a selector-heavy program).
        `seen(e)` is called as soon as each node is computed, before any child is dropped."""
        batch = self.batch
        one_row_ok = batch.full and batch.shape[1] > 0
        plan = _plan_of(program) if plan is None else plan  # (`plan`: the caller's, of `program`)
        nodes = (*plan.below, program)
        drops = () if keep_all or plan.loops else plan.drops  # a loop's body reads outer nodes that are not
        values = self.values  # its children: then nothing is dropped
        for at, (e, children, step) in enumerate(zip(nodes, plan.children, plan.steps)):
            if step.hole and unfilled(e):
                raise EvaluationError(not_filled(e))
            if step.one_row and one_row_ok and all(map(self._is_uniform, children)):
                values[id(e)] = self.one_row(e)
            else:
                values[id(e)] = step.compute(self, e)
            if seen is not None:
                seen(e)
            if drops and drops[at]:
                for k in drops[at]:
                    self._drop(id(nodes[k]))

    def tokens(self, e: rx.TokensType) -> Column:
        return self.batch.tokens

    def indices(self, e: rx.IndicesType) -> Column:
        batch = self.batch
        nb, width = batch.shape
        return Column(batch.masked(_index_grid(nb, width)), list(range(width)), dense=True,
                      uniform=batch.full)

    def length(self, e: rx.LengthType) -> Column:
        batch = self.batch
        nb, width = batch.shape
        if batch.full:
            return Column(_filled_grid(nb, width, width), list(range(width + 1)), uniform=True)
        return Column(batch.masked(np.broadcast_to(batch.lengths[:, None], batch.shape)), list(range(width + 1)))

    def selector_width(self, e: rx.SelectorWidth) -> Column:
        return Column(self.batch.masked(self.count(e.selector)), list(range(self.batch.shape[1] + 1)),
                      uniform=id(e.selector) in self._uniform)

    def loop_result(self, e: LoopResult) -> Column:
        return self.column([run.result(e, n) for run, n in zip(self(e.loop), self.batch.lengths.tolist())])

    def _drop(self, key: int) -> None:
        """Forgets a node's value and everything kept for it."""
        for kept in (self.values, self._counts, self._uniform, self._rows):
            kept.pop(key, None)

    def _is_uniform(self, e: rx.RASPExpr) -> bool:
        value = self(e)
        return value.uniform if isinstance(value, Column) else id(e) in self._uniform

    def _one_row_of(self, e: rx.RASPExpr) -> list:
        """The one row of a uniform node: its values (s-op) or its masks as ints (selector)."""
        row = self._rows.get(id(e))
        if row is None:
            value = self(e)
            row = ([value.table[c] for c in value.codes[0].tolist()] if isinstance(value, Column)
                   else one_row.masks_of(self._uniform[id(e)]))
            self._rows[id(e)] = row
        return row

    def one_row(self, e: rx.RASPExpr) -> Column | np.ndarray:
        """A node whose children are all uniform, computed on their one row in plain Python (`one_row`)."""
        width = self.batch.shape[1]
        if isinstance(e, rx.Select):
            row = one_row.select(e, self._one_row_of(e.keys), self._one_row_of(e.queries))
        elif isinstance(e, (rx.SelectorAnd, rx.SelectorOr, rx.SelectorNot)):
            row = one_row.combine(e, [self._one_row_of(c) for c in e.children], width)
        elif isinstance(e, rx.SelectorWidth):
            row = one_row.widths(self._one_row_of(e.selector))
        elif isinstance(e, rx.Aggregate):
            row = one_row.aggregate_row(e, self._one_row_of(e.selector), self._one_row_of(e.sop))
        else:  # Map, SequenceMap: the reference interpreter's step
            row = node_value(e, range(width), self._one_row_of)
        self._rows[id(e)] = row
        if isinstance(e, rx.Selector):
            return self._for_all(one_row.words(row, width), e)
        out = _Interner()
        try:
            codes = out.codes(row)
        except TypeError as err:
            raise _unhashable(e, err) from err
        return Column(_repeated(np.array(codes, dtype=np.intp)[None], self.batch.shape[0]), out.table, dense=True,
                      uniform=True)

    def loop(self, e: Loop) -> list[LoopRun]:
        """A loop runs input by input (inputs halt after different numbers of steps), by the reference
        interpreter's semantics over this batch's values of its initial s-ops and invariants.
        `record` keeps every iteration's state, for `trace`."""
        runs = []
        rows = self.batch.tokens.values(self.batch.lengths)
        for b, xs in enumerate(rows):
            def outer(x: rx.RASPExpr, b: int = b, n: int = len(xs)) -> Any:
                value = self(x)
                if isinstance(value, Column):
                    return self._row(value, b, n)
                return bitmask.unpack(value[b, :n], n).tolist()
            runs.append(run_loop(e, len(xs), outer, lambda x, inner, xs=xs: node_value(x, xs, inner), self.record))
        return runs

    def _row(self, column: Column, b: int, n: int) -> list[Any]:
        lookup = [*column.table, None]
        return [lookup[c] for c in column.codes[b, :n].tolist()]

    def column(self, rows: list[list[Any]]) -> Column:
        """A Column from each input's list of values."""
        interner = _Interner()
        codes = np.full(self.batch.shape, PAD, dtype=np.intp)
        for b, row in enumerate(rows):
            codes[b, :len(row)] = interner.codes(row)
        return Column(codes, interner.table)

    def _check_constant_length(self, e, n_value: int) -> None:
        lengths = self.batch.lengths
        bad = (lengths != n_value) if e.check_length else (lengths > n_value)
        if bad.any():
            b = int(np.argmax(bad))
            raise EvaluationError(f"{describe(e)}: Constant len {n_value} doesn't match input len {lengths[b]} "
                                  f"(input {b}).")

    def constant_sop(self, e: rx.ConstantSOp) -> Column:
        self._check_constant_length(e, len(e.value))
        interner = _Interner()
        row = np.array(interner.codes(e.value), dtype=np.intp)
        width = self.batch.shape[1]
        codes = np.broadcast_to(row[:width], self.batch.shape) if width else np.zeros(self.batch.shape, np.intp)
        return Column(np.where(self.batch.valid, codes, PAD), interner.table)

    def constant_selector(self, e: rx.ConstantSelector) -> np.ndarray:
        self._check_constant_length(e, len(e.value))
        width = self.batch.shape[1]
        matrix = np.zeros((width, width), dtype=bool)
        for q, row in enumerate(e.value[:width]):
            matrix[q, : min(width, len(row))] = row[:width]
        one = self._uniform_pair_valid()
        if one is not None:
            return self._for_all(bitmask.pack(matrix)[None] & one, e)
        return bitmask.pack(matrix)[None] & self.pair_valid


@dataclass(frozen=True)
class _Step:
    """How `_BatchEvaluator.run` computes a node of one class."""

    compute: Callable[[_BatchEvaluator, Any], Any]
    one_row: bool  # computed on one row when its children are uniform (`one_row`)
    hole: bool  # may be an unfilled hole
    loops: bool  # part of a loop: its body reads nodes that are not its children


def _unknown(evaluator: _BatchEvaluator, e: Any) -> Any:
    raise TypeError(f"cannot evaluate {type(e).__name__}: not a RASP construct weightsmith knows")


def _placeholder(evaluator: _BatchEvaluator, e: Any) -> Any:
    raise placeholder_error(e)


# The first class a node is an instance of decides how it is computed (so subclasses, like
# LinearSequenceMap or a filled hole, are computed as their base).
_COMPUTE: list[tuple[type, Callable[[_BatchEvaluator, Any], Any]]] = [
    (rx.TokensType, _BatchEvaluator.tokens),
    (rx.IndicesType, _BatchEvaluator.indices),
    (rx.LengthType, _BatchEvaluator.length),
    (rx.Full, lambda ev, e: ev.constant(e.fill)),
    (rx.ConstantSOp, _BatchEvaluator.constant_sop),
    (rx.Map, lambda ev, e: ev.map_values(e, ev(e.inner), e.f)),
    (rx.SequenceMap, _BatchEvaluator.sequence_map),
    (rx.Aggregate, _BatchEvaluator.aggregate),
    (rx.SelectorWidth, _BatchEvaluator.selector_width),
    (rx.Select, _BatchEvaluator.select),
    (rx.ConstantSelector, _BatchEvaluator.constant_selector),
    (rx.SelectorAnd, lambda ev, e: ev.combine(e, np.bitwise_and, e.fst, e.snd)),
    (rx.SelectorOr, lambda ev, e: ev.combine(e, np.bitwise_or, e.fst, e.snd)),
    (rx.SelectorNot, lambda ev, e: ev.combine(e, lambda x, valid: ~x & valid, e.inner, ev._uniform_pair_valid())),
    (rx.SelectPreferred, _BatchEvaluator.select_preferred),
    (rx.LinearClassifier, _BatchEvaluator.linear_classifier),
    (Loop, _BatchEvaluator.loop),
    (LoopResult, _BatchEvaluator.loop_result),
    (LoopState, _placeholder),
]
_STEPS: dict[type, _Step] = {}  # per class of node (classes, not programs: nothing a user may change)


def _step_of(kind: type) -> _Step:
    step = _STEPS.get(kind)
    if step is None:
        compute = next((f for base, f in _COMPUTE if issubclass(kind, base)), _unknown)
        step = _STEPS[kind] = _Step(compute, issubclass(kind, _ONE_ROW_KINDS), issubclass(kind, Hole),
                                    issubclass(kind, (Loop, LoopResult, LoopState)))
    return step


@dataclass(frozen=True)
class _Plan:
    """What `_BatchEvaluator.run` reads of a program's graph, worked out once and kept on the program (`_plan_of`).

    In a call that follows slower work every Python line runs cold: walking the graph (`with_children`), choosing
    each node's step and finding the last uses took 7-99 µs (2 to 32 nodes), checking a kept plan 5-68. Nothing here
    depends on the inputs, and the program itself is not held (it is the object the plan is kept on, and a
    copy of it, made by `named` or `copy.copy`, has the same children: the plan holds for it too); nor are
    ids, so a deep copy of the program carries a plan of its own copied nodes.
    """

    below: tuple[rx.RASPExpr, ...]  # every node but the program, children first
    children: tuple[tuple[rx.RASPExpr, ...], ...]  # each node's children as `children` gave them; the program's last
    kinds: tuple[type, ...]  # each node's class, the program's last
    steps: tuple[_Step, ...]  # `_step_of` each class
    drops: tuple[tuple[int, ...], ...]  # per node, where in `below` the children it is the last to read are
    loops: bool  # a node of a loop: its body reads nodes that are not its children
    reads_tokens: bool

    @staticmethod
    def of(program: rx.RASPExpr) -> "_Plan":
        walk = with_children(program)
        nodes = [e for e, _ in walk]
        children = tuple(tuple(c) for _, c in walk)
        kinds = tuple(map(type, nodes))
        steps = tuple(map(_step_of, kinds))
        place = {id(e): at for at, e in enumerate(nodes)}
        last = {id(child): at for at, kids in enumerate(children) for child in kids}
        drops = tuple(tuple(sorted({place[id(c)] for c in kids if last[id(c)] == at}))
                      for at, kids in enumerate(children))
        return _Plan(tuple(nodes[:-1]), children, kinds, steps, drops, any(step.loops for step in steps),
                     any(issubclass(kind, rx.TokensType) for kind in kinds))

    def holds(self, program: rx.RASPExpr) -> bool:
        """Whether `program` still has this graph: every node of the same class, with the same children
        (by identity) in the same order. Expressions are not meant to change, but nothing stops a user
        from reassigning a child; then the graph is walked again."""
        nodes = (*self.below, program)
        if tuple(map(type, nodes)) != self.kinds:
            return False
        now = tuple(map(_CHILDREN, nodes))
        return (tuple(map(len, now)) == tuple(map(len, self.children))
                and all(map(operator.is_, chain.from_iterable(now), chain.from_iterable(self.children))))


_CHILDREN = operator.attrgetter("children")
_PLAN = "_batch_plan"  # the attribute a program keeps its plan in


def _plan_of(program: rx.RASPExpr) -> _Plan:
    """`program`'s plan: the one kept on it if its graph has not changed since, else a new one (then kept)."""
    plan = getattr(program, _PLAN, None) if isinstance(program, rx.RASPExpr) else None
    if plan is None or not plan.holds(program):
        plan = _Plan.of(program)
        setattr(program, _PLAN, plan)
    return plan


def evaluate_columns(program: rx.RASPExpr, batch: Batch, record: bool = False, packed: bool = False) -> dict[int, Any]:
    """Every sub-expression of `program` on `batch`: a Column per s-op, a bool array `[B, query, key]` per selector (or,
    if `packed`, its masks `[B, query, words]` as `bitmask` holds them), a list of `LoopRun`s (one per input) per
    loop, recording every iteration if `record`."""
    evaluator = _BatchEvaluator(batch, record)
    evaluator.run(program)
    if packed:
        return evaluator.values
    width = batch.shape[1]
    return {k: bitmask.unpack(v, width) if isinstance(v, np.ndarray) else v for k, v in evaluator.values.items()}


def observe_columns(program: rx.RASPExpr, batch: Batch, seen: Callable[[rx.RASPExpr, "_BatchEvaluator"], None]) -> None:
    """`program` on `batch`, each sub-expression shown to `seen(e, values)` as soon as it is computed: `values(x)` is
    the value of `e` or of any child of `e` (a Column per s-op, `bitmask` masks `[B, query, words]` per selector),
    `values.count(selector)` its widths. Each value is dropped once its last parent has read it, so a caller that
    reads what it needs as it goes holds only the values still to be read, not every column of the program
    (`compiler.values`: the heap of shuffle_dyck2's 3,905 inputs grew by 5.8 MB, faulted afresh every compile)."""
    evaluator = _BatchEvaluator(batch)
    evaluator.run(program, keep_all=False, seen=lambda e: seen(e, evaluator))


def _is_tokens(column: Column, batch: Batch) -> bool:
    """Whether `column` holds, at every position, the very token object its table was coded from (the
    tokens, or a Map whose function returns its argument): then every input's own tokens are its values,
    equal in value and type (tokens were told apart by both, and functions are called once per value)."""
    tokens = batch._tokens
    return (isinstance(tokens, Column) and column.codes is tokens.codes and len(column.table) == len(tokens.table)
            and all(map(operator.is_, column.table, tokens.table)))


def evaluate_batch(
    program: rx.RASPExpr,
    inputs: Sequence[Sequence[rx.Value]],
    vocab: Optional[Iterable[rx.Value]] = None,
    max_seq_len: Optional[int] = None,
) -> list[Any]:
    """`program` on every input: a list of outputs, each as `evaluate(program, x)` would give it.

    Pass `vocab` and `max_seq_len` to have inputs checked (unknown tokens and long inputs raise
    `InputError` naming the input and position); inputs outside those annotated on `program`
    (`rasp.with_domain`) raise it too.
    """
    check_domain(program, inputs)
    if not inputs:
        return []
    plan = _plan_of(program)
    batch = make_batch(inputs, vocab, max_seq_len, read_tokens=plan.reads_tokens)
    evaluator = _BatchEvaluator(batch)
    evaluator.run(program, keep_all=False, plan=plan)
    result = evaluator(program)
    if isinstance(result, Column):
        if _is_tokens(result, batch):  # each position's value is its token: the input rows, copied
            return list(map(list, inputs))
        return result.values(batch._lengths, batch.full)
    result = bitmask.unpack(result, batch.shape[1])
    matrices = result.tolist()
    if batch.full:
        return matrices
    return [[row[:n] for row in matrix[:n]] for matrix, n in zip(matrices, batch.lengths.tolist())]
