"""Residual dimensions by name, and linear read-outs of them.

The compiler decides *what* every weight reads long before it decides *where* each s-op lives in the
residual stream, so weights are first written against symbolic dimensions (`Dim("tokens", "a")`) and
resolved to indices only when the model is assembled. A `Readout` is a linear functional of the
residual - a weighted sum of dimensions. Everything a transformer block reads is one: a query or key
feature, a value, an MLP unit's pre-activation. An s-op whose value is a linear function of other s-ops
(a categorical Map, a LinearSequenceMap, `Full`) therefore needs no dimensions and no layer of its own:
its consumers read it through a Readout of its sources ("virtual" s-ops).
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

NUM = "num"  # the slot of a numerical s-op's single dimension


class Dim(NamedTuple):
    """One residual dimension: its owner (an s-op label, or "one"/"bos") and its slot within the owner.

    A categorical s-op owns one dimension per value (slot = the value); a numerical one owns the slot
    NUM. `label` is what the model config shows, e.g. "sort_keys:3" or "frac:num". A named tuple, not a
    dataclass: dimensions are dictionary keys in every read-out, and a tuple hashes and compares in C
    (a dataclass's `__hash__` is a Python call, the largest single cost of compiling).
    """

    owner: str
    slot: Any = None

    @property
    def label(self) -> str:
        return self.owner if self.slot is None else f"{self.owner}:{self.slot}"


dim_owner = itemgetter(0)  # a Dim's owner, in C: `map(dim_owner, dims)` where the owners of thousands are needed


ONE = Dim("one")  # 1 at every content position, 0 at BOS: constants and `Full` read it
BOS = Dim("bos")  # 1 at the BOS position only: attention's fallback and SelectorWidth's denominator


class Readout:
    """A linear functional of the residual: sum of coefficient * dimension (immutable)."""

    __slots__ = ("terms",)

    def __init__(self, terms: Mapping[Dim, float] | None = None):
        self.terms: dict[Dim, float] = {d: float(c) for d, c in (terms or {}).items() if c != 0}

    @classmethod
    def of(cls, dim: Dim, coefficient: float = 1.0) -> "Readout":
        """coefficient * dim: what `Readout({dim: coefficient})` builds, without the comprehension (the
        compiler makes one per value of every stored s-op)."""
        out = cls.__new__(cls)
        out.terms = {dim: float(coefficient)} if coefficient != 0 else {}
        return out

    @classmethod
    def total(cls, readouts: Iterable[tuple[float, "Readout"]]) -> "Readout":
        """sum of coefficient * readout."""
        terms: dict[Dim, float] = {}
        get = terms.get
        for coefficient, readout in readouts:
            if coefficient == 0:
                continue
            k = float(coefficient)
            for d, c in readout.terms.items():
                terms[d] = get(d, 0.0) + k * c
        return cls._own(terms)

    @classmethod
    def sum(cls, readouts: Iterable["Readout"]) -> "Readout":
        """The plain sum: `total` with every coefficient 1, without the multiplications (exact either
        way). The compiler sums one-hot read-outs by the ten thousand (score columns, lookup units,
        the indicators of a Map), so this is its hottest loop."""
        terms: dict[Dim, float] = {}
        get = terms.get
        for readout in readouts:
            for d, c in readout.terms.items():
                terms[d] = get(d, 0.0) + c
        return cls._own(terms)

    @classmethod
    def disjoint_sums(cls, readouts: Sequence["Readout"], subsets: Iterable[Iterable[int]]) -> list["Readout"] | None:
        """`sum` of each subset (distinct indices) of `readouts`, or None unless no two readouts share
        a dimension.

        Then a sum is a plain merge (the same terms in the same order as `sum`'s, and nothing can
        cancel), done by `dict` in C: a score column sums dozens of one-hot rows, a head hundreds.
        Where every read-out is one term (the indicators of a stored s-op) the terms are merged as
        they are, without a chain over one-term tuples (sort_freq at length 10 merges 4,950: 0.55 ms
        that way, 0.35 ms this)."""
        items = [tuple(r.terms.items()) for r in readouts]
        if len(set(chain.from_iterable([r.terms for r in readouts]))) != sum(map(len, items)):
            return None
        if all(len(terms) == 1 for terms in items):
            single = [terms[0] for terms in items]
            merge = lambda subset: dict(map(single.__getitem__, subset))  # noqa: E731
        else:
            merge = lambda subset: dict(chain.from_iterable([items[i] for i in subset]))  # noqa: E731
        out = []
        for subset in subsets:
            merged = cls.__new__(cls)
            merged.terms = merge(subset)
            out.append(merged)
        return out

    @classmethod
    def _own(cls, terms: dict[Dim, float]) -> "Readout":
        """A read-out of float `terms` built here: zeros left by cancellation dropped, no conversion."""
        out = cls.__new__(cls)
        out.terms = {d: c for d, c in terms.items() if c != 0}
        return out

    def __add__(self, other: "Readout") -> "Readout":
        return Readout.sum([self, other])

    def __sub__(self, other: "Readout") -> "Readout":
        return Readout.total([(1.0, self), (-1.0, other)])

    def __mul__(self, k: float) -> "Readout":
        """`total([(k, self)])` without its accumulation (0.0 + k*c is k*c, or a zero that is dropped)."""
        if k == 0:
            return Readout._own({})
        k = float(k)
        return Readout._own({d: k * c for d, c in self.terms.items()})

    __rmul__ = __mul__

    def at(self, residual: Mapping[Dim, float]) -> float:
        """Its value on a residual given as dimension -> value (missing dimensions are 0)."""
        return sum(c * residual.get(d, 0.0) for d, c in self.terms.items())

    def owners(self) -> set[str]:
        return {d.owner for d in self.terms}

    def is_zero(self) -> bool:
        return not self.terms

    def key(self) -> tuple:
        """A hashable form, to merge identical read-outs."""
        return tuple(sorted(((d.owner, repr(d.slot)), c) for d, c in self.terms.items()))

    def __repr__(self) -> str:
        return " + ".join(f"{c:g}*{d.label}" for d, c in self.terms.items()) or "0"
