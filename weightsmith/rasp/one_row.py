"""Nodes of positions only, on one row in plain Python: the batched interpreter's uniform nodes.

On inputs of one length, indices, length, constants and whatever is computed from them alone have
the same row for every input (`batch.Column.uniform`), so the batched interpreter computes them once.
On one row of ten positions numpy's per-call cost (~1-2 µs) is the whole cost (a Select from value
masks is ~30 calls), while a Python loop over the row costs less than one call. So here:
- a row of an s-op is a list of values, a row of a selector a list of masks, one int per query with
  bit k set where the query selects key k;
- Maps and SequenceMaps are the reference interpreter's own step (`evaluate.node_value`), Aggregates
  its own `aggregate` per query, widths popcounts, And/Or/Not bitwise: exact by definition;
- a Select with a `Comparison` compares with the `operator` function the Comparison stands for (what
  calling it does once no value is None); anything else (other predicates, None, comparisons that
  raise) calls the predicate through `call_checked`, as the reference does.
"""

from __future__ import annotations

import operator
from itertools import compress, repeat
from typing import Any, Callable

import numpy as np

from weightsmith.rasp import bitmask
from weightsmith.rasp import expr as rx
from weightsmith.rasp.errors import EvaluationError
from weightsmith.rasp.evaluate import aggregate, call_checked

_OPERATORS: dict[rx.Comparison, Callable[[Any, Any], Any]] = {
    rx.Comparison.EQ: operator.eq,
    rx.Comparison.LT: operator.lt,
    rx.Comparison.LEQ: operator.le,
    rx.Comparison.GT: operator.gt,
    rx.Comparison.GEQ: operator.ge,
    rx.Comparison.NEQ: operator.ne,
}
_WORD_MASK = (1 << bitmask.WORD) - 1


def select(e: rx.Select, keys: list[Any], queries: list[Any]) -> list[int]:
    """Each query's mask of the keys it selects: `predicate(key, query)` for every pair, as the reference
    evaluates it. A predicate that raises is reported as the batched interpreter reports it (first
    input where the pair meets: input 0, since every input has this row)."""
    bits = [1 << k for k in range(len(keys))]
    predicate = e.predicate
    if isinstance(predicate, rx.Comparison) and not any(v is None for v in keys) and not any(
            v is None for v in queries):
        if predicate is rx.Comparison.TRUE:
            return [sum(bits)] * len(queries)
        if predicate is rx.Comparison.FALSE:
            return [0] * len(queries)
        compare = _OPERATORS[predicate]
        try:
            return [sum(compress(bits, map(compare, keys, repeat(q)))) for q in queries]
        except Exception:  # noqa: BLE001 - such as 1 < "a": the checked calls below report it
            pass
    try:
        return [sum(b for b, k in zip(bits, keys) if call_checked(e, predicate, k, q)) for q in queries]
    except EvaluationError as err:
        raise EvaluationError(f"{err} (input 0)") from err


def widths(masks: list[int]) -> list[int]:
    return [m.bit_count() for m in masks]


def aggregate_row(e: rx.Aggregate, masks: list[int], values: list[Any]) -> list[Any]:
    """Each query's Aggregate of the values its mask selects, by the reference's `aggregate`."""
    bits = [1 << k for k in range(len(values))]
    return [aggregate([v for b, v in zip(bits, values) if m & b], e.default, e) for m in masks]


def combine(e: rx.Selector, rows: list[list[int]], width: int) -> list[int]:
    """And, Or (of two rows of masks) or Not (of one, within `width` keys)."""
    if isinstance(e, rx.SelectorAnd):
        return [a & b for a, b in zip(*rows)]
    if isinstance(e, rx.SelectorOr):
        return [a | b for a, b in zip(*rows)]
    every = (1 << width) - 1
    return [~m & every for m in rows[0]]


def words(masks: list[int], width: int) -> np.ndarray:
    """Masks (ints) as the batched interpreter's masks of one input, `[1, query, words]` uint64."""
    n = bitmask.n_words(width)
    if n == 1:
        return np.array(masks, dtype=np.uint64).reshape(1, len(masks), 1)
    split = [[(m >> (bitmask.WORD * w)) & _WORD_MASK for w in range(n)] for m in masks]
    return np.array(split, dtype=np.uint64).reshape(1, len(masks), n)


def masks_of(one: np.ndarray) -> list[int]:
    """`words` read back: `[1, query, words]` uint64 as one int per query."""
    return [sum(int(w) << (bitmask.WORD * i) for i, w in enumerate(row)) for row in one[0].tolist()]
