"""A family of read-outs as flat arrays, for the sums that walk every term of every read-out.

A read-out is a dict of dimension -> coefficient (`compiler.readout`), the right form for building
and merging them. But some families are large: the score columns of a comparison over n values are
its n - 1 prefix sums, n²/2 terms (sort_freq at length 10: 4,950 on one side of one head), and the
error bounds (`compiler.bounds`) walk each of them to find, per read-out and per s-op it reads, the
largest coefficient, and per dimension the total over the family. Term by term in Python that walk
was the slowest part of the bounds; here the terms are laid out once as arrays (the dimensions
numbered in order of first appearance, the read-out of each term, its coefficient), built by
C-level iteration, and the walk is a few numpy reductions. Laying them out still hashes every
dimension (twice: numbering and looking up), about what a Python step of the walk costs, so a
family gains only from about a thousand terms (measured: `bounds.ARRAY_TERMS`); below that the
dicts are walked as they are.

Exactness: the bounds are compared bit for bit with the term-by-term walk they replace (and the
models built from them must not change), so every sum here adds in the order the dict walk added:
`np.bincount` adds its weights into each bin in input order, starting from 0.0, as
`total.get(d, 0.0) + c` did; maxima do not depend on the order. (The dict walk sums over a
read-out's s-ops with Python's `sum`, left to right up to Python 3.11; 3.12 compensates a float sum,
which would change its bits where a read-out reads three s-ops or more: tests/compiler/test_family.py
and test_bounds.py compare the two and would fail.)
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Sequence

import numpy as np

from weightsmith.compiler.readout import Dim, Readout, dim_owner


@dataclass(frozen=True)
class Family:
    """Read-outs r_0 .. r_{n-1} as terms: term t is `coefficient[t]` * `dims[dim[t]]` in read-out
    `row[t]`, the terms of each read-out in its own order. `owners` lists the s-ops read, in order
    of first appearance over the terms; `owner[k]` is the owner of `dims[k]` (an index into it)."""

    n: int
    dims: list[Dim]
    owners: list[str]
    owner: np.ndarray  # per dimension: index into owners
    dim: np.ndarray  # per term: index into dims
    row: np.ndarray  # per term: which read-out
    coefficient: np.ndarray  # per term

    @classmethod
    def of(cls, readouts: Sequence[Readout]) -> "Family":
        """The terms of `readouts` laid out by C-level iteration (each dimension hashed twice)."""
        terms = [r.terms for r in readouts]
        sizes = list(map(len, terms))
        total = sum(sizes)
        index: dict[Dim, int] = dict.fromkeys(chain.from_iterable(terms))
        dims = list(index)
        index.update(zip(dims, range(len(dims))))
        dim = np.fromiter(map(index.__getitem__, chain.from_iterable(terms)), dtype=np.intp, count=total)
        coefficient = np.fromiter(chain.from_iterable([t.values() for t in terms]), dtype=np.float64, count=total)
        row = np.repeat(np.arange(len(terms), dtype=np.intp), sizes)
        owner_of: dict[str, int] = dict.fromkeys(map(dim_owner, dims))
        owners = list(owner_of)
        owner_of.update(zip(owners, range(len(owners))))
        owner = np.fromiter(map(owner_of.__getitem__, map(dim_owner, dims)), dtype=np.intp, count=len(dims))
        return cls(len(terms), dims, owners, owner, dim, row, coefficient)

    def largest(self) -> dict[str, float]:
        """Per s-op read, the largest total |coefficient| one of its dimensions gets over the family
        (each dimension's total added term by term in order), in order of first appearance."""
        column = np.bincount(self.dim, weights=np.abs(self.coefficient), minlength=len(self.dims))
        together = np.zeros(len(self.owners))
        np.maximum.at(together, self.owner, column)
        return dict(zip(self.owners, together.tolist()))

    def per_readout(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per read-out and s-op it reads, the largest |coefficient|: as (read-out, owner index,
        largest) arrays, the pairs of each read-out in the order its terms first reach each owner
        (the order a dict keyed by owner, filled term by term, would list them)."""
        owner = self.owner[self.dim]
        key = self.row * len(self.owners) + owner
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else np.zeros(0, np.intp)
        largest = np.maximum.reduceat(np.abs(self.coefficient)[order], starts) if len(starts) else np.zeros(0)
        first = order[starts]  # a stable sort: each pair's first term
        by_first = np.argsort(first, kind="stable")
        return self.row[first][by_first], owner[first][by_first], largest[by_first]

    def per_readout_sums(self, pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
                         per_owner: Sequence[float]) -> np.ndarray:
        """For each read-out, sum over the s-ops it reads of (its largest |coefficient| there) *
        per_owner[s-op], added in the order of `per_readout`'s pairs from 0.0 (a read-out reading
        nothing: 0.0)."""
        rows, owners, largest = pairs
        products = largest * np.asarray(per_owner, dtype=np.float64)[owners]
        return np.bincount(rows, weights=products, minlength=self.n).astype(np.float64, copy=False)  # (no terms: ints)
