"""Ready primitives for `programmable`, over a vocabulary of small integers 0..top: each maps such a
sequence to one over the same values, so any chain of them stays in the vocabulary (`programmable` needs
primitives defined on every value that can reach them).

    programmable(integer_primitives(range(5)), stages=3, vocab=range(5), max_seq_len=4)

Sorting and the cumulative maximum count (SelectorWidth) instead of ranking keys: the library's
`make_sort` copies by a rank that the compiler proves unique only over *all* keys, and in a programmable
model its keys are the data positions only, so its head would be planned as an average.
"""

from __future__ import annotations

from typing import Callable, Sequence

from weightsmith import rasp
from weightsmith.library.positions import make_reverse


def shift_right(sop: rasp.SOp, fill: int = 0) -> rasp.SOp:
    """`sop` moved one position right, `fill` at the first position (defined everywhere, unlike shift_by)."""
    previous = rasp.Select(rasp.indices, rasp.indices, lambda key, query: query == key + 1).named("previous")
    return rasp.Aggregate(previous, sop, default=fill).named("shift")


def histogram(sop: rasp.SOp) -> rasp.SOp:
    """How often each position's value occurs in `sop` (make_hist reads `tokens`; this reads any s-op)."""
    same = rasp.Select(sop, sop, rasp.Comparison.EQ).named("same_value")
    return rasp.SelectorWidth(same).named("hist")


def counting_sort(sop: rasp.SOp, values: Sequence) -> rasp.SOp:
    """`sop` sorted ascending: position i holds the smallest v with more than i values <= v (`values`: the
    values `sop` can hold, ascending). One SelectorWidth per value, then a chain of lookups."""
    values = sorted(values)
    out: rasp.SOp = rasp.Full(values[-1])
    for v in reversed(values[:-1]):
        at_most = rasp.SelectorWidth(rasp.Select(sop, sop, lambda key, query, v=v: key <= v)).named(f"at_most_{v}")
        reached = rasp.SequenceMap(lambda count, i: count > i, at_most, rasp.indices).named(f"reached_{v}")
        out = rasp.SequenceMap(lambda hit, rest, v=v: v if hit else rest, reached, out).named(f"sorted_upto_{v}")
    return out.named("sort")


def cumulative_max(sop: rasp.SOp, values: Sequence) -> rasp.SOp:
    """At position i, the largest value of `sop` at positions 0..i: the largest v such that some position
    up to i holds a value >= v. One SelectorWidth per value (keys: value and position)."""
    values = sorted(values)
    keyed = rasp.SequenceMap(lambda x, i: (x, i), sop, rasp.indices).named("value_at")
    out: rasp.SOp = rasp.Full(values[0])
    for v in values[1:]:
        seen = rasp.SelectorWidth(rasp.Select(keyed, rasp.indices, lambda key, query, v=v: key[1] <= query
                                              and key[0] >= v)).named(f"seen_{v}")
        out = rasp.SequenceMap(lambda count, rest, v=v: v if count > 0 else rest, seen, out).named(f"max_from_{v}")
    return out.named("cummax")


def integer_primitives(values: Sequence[int]) -> dict[str, Callable[[rasp.SOp], rasp.SOp]]:
    """nop, rev, sort, shift (fill 0), hist, inc (v + 1, wrapping to the smallest) and cummax over the integers
    `values`; they map sequences over `values` to sequences over `values` when those are 0..top and no input
    is longer than top (hist counts up to the length)."""
    values = sorted(values)
    wrap = {v: values[(j + 1) % len(values)] for j, v in enumerate(values)}
    return {
        "nop": lambda x: x,
        "rev": make_reverse,
        "sort": lambda x: counting_sort(x, values),
        "shift": lambda x: shift_right(x, values[0]),
        "hist": histogram,
        "inc": lambda x: rasp.Map(lambda v: wrap[v], x).named("inc"),
        "cummax": lambda x: cumulative_max(x, values),
    }
