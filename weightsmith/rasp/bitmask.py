"""Selectors as bit masks: one bit per key position, for the batched interpreter.

A selector over a batch is a `[B, query, words]` uint64 array: bit `k % WORD` of word `k // WORD` is set
where the query selects key `k`. Why not a `[B, query, key]` bool array: numpy is slow along a short last
axis (counting the selected keys of ten keys, or finding the one selected, costs as much as an operation
on a million elements), and comparing every query with every key is itself a `[B, query, key]` loop.
With masks, And/Or/Not are one bitwise operation on `[B, query]`, a width is a popcount, the selected key
is a trailing-zero count, and a Select is built from each input's *value masks* (the keys holding each
value, one bincount) without a pairwise comparison.

Words hold WORD = 32 bits (in uint64) so that sums of distinct bits stay exact in float64, in which
bincount and matrix products add: a sum of disjoint bits is their union.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

WORD = 32
_BIT = np.ldexp(1.0, np.arange(WORD))  # 2**i as float64, exact


def n_words(width: int) -> int:
    """Words per mask for `width` key positions (at least one, so that shapes never collapse)."""
    return max(1, -(-width // WORD))


def slots(at: np.ndarray) -> np.ndarray:
    """`(at + 1) * B + b` at each position of input `b` of `at` (`[B, L]` codes, -1 for none): the slot of
    `[1 + code, B]` that `value_masks` counts a key into and `rows_at` reads a query from (computed once
    when the keys are the queries)."""
    return at * len(at) + _offsets(len(at))


@lru_cache(maxsize=8)
def _offsets(nb: int) -> np.ndarray:
    offsets = (nb + np.arange(nb))[:, None]
    offsets.flags.writeable = False
    return offsets


def value_masks(at: np.ndarray, n: int, at_slots: np.ndarray | None = None) -> np.ndarray:
    """`masks[c + 1, b]`: the key positions of input `b` whose code in `at` (`[B, L]`, -1 for none) is `c`
    (`at_slots`: `slots(at)`, if the caller has it).

    float64 `[1 + n, B, words]` (exact: disjoint bits below 2**32 per word), for sums and cumulative sums.
    Code-major, so that a cumulative sum over the codes adds whole contiguous `[B, words]` planes (numpy
    is slow along a short strided axis). Slot 0 (code -1) is left empty, so that `rows_at` gives no key
    where a query's code is -1.
    """
    nb, width = at.shape
    words = n_words(width)
    index = slots(at) if at_slots is None else at_slots  # code -1 falls into slot 0
    if words > 1:
        index = index * words + np.arange(width) // WORD
    sums = np.bincount(index.ravel(), _weights(nb, width), minlength=(n + 1) * nb * words)
    masks = sums.reshape(n + 1, nb, words)
    masks[0] = 0.0
    return masks


@lru_cache(maxsize=8)
def _weights(nb: int, width: int) -> np.ndarray:
    """2**(position % WORD) for every position of a `[nb, width]` batch, flattened (cached: every mask
    of a batch needs the same)."""
    weights = np.tile(_BIT[np.arange(width) % WORD], nb)
    weights.flags.writeable = False
    return weights


def input_major(keys: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """`value_masks` laid out input-major, for codes in [0, n) everywhere (inputs that fill the width: no
    -1) and keys in one word: float64 `[B, n]`, `masks[b, c]` the keys of input `b` whose code is `c`,
    and each key's slot in it (flattened), which the queries of the same codes read (`read_input_major`).

    A key's slot is its code plus its input's base: one addition (not `slots`' product and sum), and
    comparisons other than equality are a cumulative sum along each input's row: a Select is a handful
    of numpy calls (after slower work each costs 10-20 µs), not one per code."""
    nb, width = keys.shape
    index = keys + _bases(nb, n)
    return np.bincount(index.ravel(), _weights(nb, width), minlength=nb * n).reshape(nb, n), index


def read_input_major(masks: np.ndarray, queries: np.ndarray, same_rows: bool = False,
                     index: np.ndarray | None = None) -> np.ndarray:
    """`masks[b, queries[b, q]]` (`input_major`'s layout) as uint64 `[B, Q, 1]` (`index`: the queries' slots,
    if the caller has them, as when the queries are the keys); `same_rows` as in `rows_at`."""
    table = masks.astype(np.uint64)
    if same_rows:
        return table.take(queries[0], axis=1)[..., None]
    return table.ravel().take(queries + _bases(*masks.shape) if index is None else index)[..., None]


@lru_cache(maxsize=8)
def _bases(nb: int, n: int) -> np.ndarray:
    """`[nb, 1]`: where each input's `n` slots start in `input_major`'s table, read-only (a shape's constant)."""
    bases = np.arange(0, nb * n, n)[:, None]
    bases.flags.writeable = False
    return bases


def rows_at(masks: np.ndarray, at: np.ndarray, same_rows: bool = False, at_slots: np.ndarray | None = None) -> np.ndarray:
    """`masks[at[b, q] + 1, b]` as uint64 `[B, Q, words]`: slot 0 (empty) where `at` is -1.

    `same_rows` promises that every row of `at` is its first (queries of positions only): then the slots
    are read whole, `[Q, B, words]`, and transposed, with no index per (input, query)."""
    n_slots, nb, words = masks.shape
    if same_rows:
        return masks.take(at[0] + 1, axis=0).transpose(1, 0, 2).astype(np.uint64, order="C")
    index = slots(at) if at_slots is None else at_slots
    if words == 1:
        return masks.reshape(-1).take(index)[..., None].astype(np.uint64)
    return masks.reshape(n_slots * nb, words)[index].astype(np.uint64)


def pack(selected: np.ndarray) -> np.ndarray:
    """A bool array `[..., key]` as masks `[..., words]` (a float64 product per word: exact, as above)."""
    width = selected.shape[-1]
    masks = np.empty((*selected.shape[:-1], n_words(width)), dtype=np.uint64)
    for w in range(masks.shape[-1]):
        chunk = selected[..., w * WORD:(w + 1) * WORD]
        masks[..., w] = chunk.astype(np.float64) @ _BIT[:chunk.shape[-1]]
    return masks


def unpack(masks: np.ndarray, width: int) -> np.ndarray:
    """Masks `[..., words]` as a bool array `[..., width]`: the words' low WORD bits read as little-endian
    bytes by `np.unpackbits` (a sixth of the time of shifting out all 64 bits of every word)."""
    *lead, words = masks.shape
    data = np.ascontiguousarray(masks, dtype="<u8").view(np.uint8)
    if words > 1:
        data = data.reshape(*lead, words, 8)[..., :WORD // 8].reshape(*lead, words * WORD // 8)
    return np.unpackbits(data, axis=-1, count=width, bitorder="little").view(bool)


def count(masks: np.ndarray) -> np.ndarray:
    """How many bits each mask sets, `[...]` intp."""
    if masks.shape[-1] == 1:
        return np.bitwise_count(masks[..., 0]).astype(np.intp)
    return np.bitwise_count(masks).sum(-1, dtype=np.intp)


def single(masks: np.ndarray, width: int) -> np.ndarray:
    """Where each mask sets exactly one bit, its position; elsewhere some position below `width`.
    `[...]` intp. Cheaper than `lowest`: the one bit b of a mask m makes m - 1 hold b bits."""
    if masks.shape[-1] != 1:
        return lowest(masks, width)
    return np.minimum(np.bitwise_count(masks[..., 0] - np.uint64(1)), width - 1).astype(np.intp)


def lowest(masks: np.ndarray, width: int) -> np.ndarray:
    """The position of each mask's lowest set bit, `[...]` intp (clipped to `width - 1` where none is set)."""
    low = masks & (~masks + np.uint64(1))  # the lowest set bit of each word, 0 for an empty word
    zeros = np.bitwise_count(low - np.uint64(1)).astype(np.intp)  # trailing zeros; 64 for an empty word
    if masks.shape[-1] == 1:
        return np.minimum(zeros[..., 0], width - 1)
    at = np.where(masks != 0, zeros + WORD * np.arange(masks.shape[-1]), width - 1)
    return at.min(-1)
