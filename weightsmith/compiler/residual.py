"""Residual space allocation: a register allocator over the layer schedule.

Each stored s-op is a *tenant* of some residual dimensions from the sublayer that writes it until its
last reader has read it. The residual stream only ever adds, so a dimension can be handed to a new
tenant only after the old value is *erased*: hidden units relu(x) and relu(-x) with outputs -x and
+x (two per dimension), placed in the MLP sublayer of the layer of the last read (or in that very
MLP, when an MLP is the last reader - it reads before it writes). Erasing is exact at every position,
BOS included: a new tenant starts from 0 plus float rounding, so errors never carry from one tenant
to the next. (Before, erasers were off at BOS and one-sided: the BOS position kept every tenant's
softmax residue, each head re-read it, and in a chain of Aggregates alternating between two sets of
dimensions it grew like the Fibonacci numbers, x1.6 a layer, flipping outputs after ~70 layers.) An MLP writer may take
dimensions erased in its own sublayer; an attention writer needs them erased in an earlier one.

Erasing costs hidden units, so it is done lazily: a new tenant first takes dimensions already erased,
then erases dead tenants whose erasure can happen in time, and only then opens new dimensions. Labels
stay explainable: `labels_after` names each dimension's tenant after every sublayer ("(free)"
between tenants); a dimension's `residual_labels` entry lists all its tenants in order.

A loop's block runs its sublayers once per iteration, so its tenancies must repeat exactly: the loop's
persistent dimensions (state, steps, halted, stop) are tenants from the embeddings to the end; an
s-op written before the block and read in it lives until after the block (erasing it in the block
would erase it in the first iteration, before the second reads it); and every tenant written in the
block is erased by the block's end, so each iteration starts from the same zeros.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from weightsmith.compiler.blocks import NUMERICAL, Op, Representation, Unit
from weightsmith.compiler.readout import BOS, ONE, Dim, Readout
from weightsmith.compiler.schedule import Schedule

FREE = "(free)"


@dataclass
class Tenancy:
    """One s-op's stay in the residual: written after `start` (-1: the embeddings), erased in `end`."""

    owner: str
    dims: list[Dim]
    start: int
    end: int | None = None  # the MLP sublayer that erases it; None: it stays to the end


@dataclass
class ResidualLayout:
    """`index[dim]` for every symbolic dimension; several tenants may share an index over time."""

    d_model: int
    index: dict[Dim, int]
    tenancies: list[Tenancy]
    erasers: dict[int, list[Unit]] = field(default_factory=dict)  # MLP sublayer -> erasing units

    def labels_after(self, sublayers: int) -> list[list[str]]:
        """Per sublayer k = 0..sublayers-1, each dimension's label after k has run: its tenant's then
        (a later tenancy in the list wins), or FREE. Each dimension's label is made once."""
        out = [[FREE] * self.d_model for _ in range(sublayers)]
        for t in self.tenancies:
            placed = [(self.index[dim], dim.label) for dim in t.dims]
            for labels in out[max(t.start, 0):sublayers if t.end is None else t.end]:
                for i, label in placed:
                    labels[i] = label
        return out

    @property
    def labels(self) -> list[str]:
        """Per dimension, its tenants' labels in order, joined by "|"."""
        names: list[list[str]] = [[] for _ in range(self.d_model)]
        for t in sorted(self.tenancies, key=lambda t: t.start):
            for dim in t.dims:
                names[self.index[dim]].append(dim.label)
        return ["|".join(n) if n else FREE for n in names]

    @property
    def reused(self) -> bool:
        return len(self.index) > self.d_model


def allocate(ops: list[Op], sched: Schedule, embedded: list[Representation], output_dims: list[Dim],
             reuse: bool = True, persistent: list[Representation] = ()) -> ResidualLayout:
    """Indices for every dimension read or written, reusing erased ones when `reuse`; `persistent`
    representations (a loop's) hold their dimensions throughout, whoever writes them."""
    read: set[Dim] = {ONE, BOS, *output_dims}
    last_read: dict[str, float] = {d.owner: math.inf for d in output_dims}
    for op in ops:
        t = sched.sublayer[id(op)]
        read.update(sched.dims[id(op)])
        for owner in sched.owners[id(op)]:
            last_read[owner] = max(last_read.get(owner, -1), t)
    block = sched.block_sublayers
    kept = {d for rep in persistent for d in rep.dims}
    tenants: list[tuple[Representation, list[Dim], int]] = []
    for rep in embedded:
        dims = [d for d in rep.dims if d in read]
        if dims:
            tenants.append((rep, dims, -1))
    for op in sorted(ops, key=lambda o: sched.sublayer[id(o)]):
        if not set(op.output.dims) <= kept:  # writers of persistent dimensions are no tenants
            tenants.append((op.output, list(op.output.dims), sched.sublayer[id(op)]))
    claimed = {d for _, dims, _ in tenants for d in dims} | kept
    orphans = [d for d in output_dims if d not in claimed]  # an output that is None everywhere

    allocator = _Allocator(reuse)
    allocator.place(Tenancy("one", [ONE], -1), None)
    allocator.place(Tenancy("bos", [BOS], -1), None)
    for rep in persistent:
        allocator.place(Tenancy(rep.label, list(rep.dims), -1), None)
    flushed = False
    for rep, dims, start in tenants:
        end = last_read.get(rep.label, start)
        if block and start < block.start and block.start <= end < block.stop:
            end = block.stop  # read in the block: kept through every iteration
        if block and start >= block.stop and not flushed:
            allocator.flush(block)
            flushed = True
        allocator.place(Tenancy(rep.label, dims, start), rep, end, force=start in block)
    if block and not flushed:
        allocator.flush(block)
    if orphans:
        allocator.place(Tenancy(orphans[0].owner, orphans, -1), None)
    return ResidualLayout(allocator.size, allocator.index, allocator.tenancies, allocator.erasers)


class _Allocator:
    def __init__(self, reuse: bool):
        self.reuse = reuse
        self.size = 0
        self.index: dict[Dim, int] = {}
        self.tenancies: list[Tenancy] = []
        self.erasers: dict[int, list[Unit]] = {}
        self.free: list[tuple[int, int, bool]] = []  # (index, MLP sublayer that erased it, held a `_large` value)
        self.dead: list[tuple[int, Tenancy, bool]] = []  # (erasable in sublayer, tenancy, `_large`)

    def place(self, tenancy: Tenancy, rep: Representation | None, last_read: float = math.inf,
              force: bool = False) -> None:
        """Gives `tenancy` its dimensions; it is erased after `last_read` when reusing, or when `force`d."""
        indices = self._take(len(tenancy.dims), tenancy.start, rep is not None and rep.encoding == NUMERICAL)
        for dim, i in zip(tenancy.dims, indices):
            self.index[dim] = i
        self.tenancies.append(tenancy)
        if (self.reuse or force) and rep is not None and last_read != math.inf:
            last = int(last_read)
            erasable_in = last if last % 2 == 1 else last + 1
            self.dead.append((erasable_in, tenancy, _large(rep)))

    def flush(self, block: range) -> None:
        """Erases every tenant written in `block` that is not erased yet (in the block: each is dead by
        its end), so that every iteration of the block starts from zeros."""
        for entry in list(self.dead):
            erasable_in, tenancy, large = entry
            if tenancy.start in block:
                if erasable_in not in block:
                    raise AssertionError(f"{tenancy.owner!r} is written in the loop's block but read after it")
                self.dead.remove(entry)
                self._erase(tenancy, erasable_in)
                self.free += [(self.index[d], erasable_in, large) for d in tenancy.dims]

    def _usable(self, erased_in: int, writer: int, inexact: bool) -> bool:
        """A dimension erased in MLP sublayer `erased_in` can take a tenant written in `writer`; in that
        very MLP only where that is exact enough (not `inexact`): the MLP sums the eraser's -x and the new
        value w before the residual adds x, so w arrives rounded to float32 at x's magnitude. In -5e8 + 1
        the 1 is lost (a copy of a mean of 1000000007 and -7 read None), and a number needs more than a
        one-hot's 0.5: -1 + (-1.5e-6) is off by 5e-8, more than the gaps of 1e-6 · frac_prevs (the fuzzer,
        cmp11). So a large old value, or a numerical new one, waits for a later sublayer, where x + (-x)
        is exactly 0 first."""
        return writer > erased_in or (writer == erased_in and writer % 2 == 1 and not inexact)

    def _take(self, k: int, writer: int, numerical: bool) -> list[int]:
        taken: list[int] = []
        if writer >= 0:
            left = []  # the free entries not taken, in order: one pass (removing each taken one was quadratic)
            for entry in self.free:
                if len(taken) < k and self._usable(entry[1], writer, entry[2] or numerical):
                    taken.append(entry[0])
                else:
                    left.append(entry)
            self.free = left
            for entry in sorted(self.dead, key=lambda e: e[0]):
                if len(taken) >= k:
                    break
                erasable_in, tenancy, large = entry
                if self._usable(erasable_in, writer, large or numerical):
                    self.dead.remove(entry)
                    self._erase(tenancy, erasable_in)
                    indices = [self.index[d] for d in tenancy.dims]
                    need = k - len(taken)
                    taken += indices[:need]
                    self.free += [(i, erasable_in, large) for i in indices[need:]]
        while len(taken) < k:
            taken.append(self.size)
            self.size += 1
        return taken

    def _erase(self, tenancy: Tenancy, sublayer: int) -> None:
        tenancy.end = sublayer
        self.erasers.setdefault(sublayer, []).extend(eraser_units(tenancy.dims))


SAME_SUBLAYER_MAGNITUDE = 1024.0  # a number up to this, erased, leaves the new tenant's w - x exact enough


def _large(rep: Representation) -> bool:
    """Whether `rep` holds numbers too large to erase in the MLP that writes the next tenant (one-hot and
    code dimensions hold 0 and ±1 whatever the values' labels)."""
    if rep.encoding != NUMERICAL:
        return False
    return any(isinstance(v, (int, float)) and abs(v) > SAME_SUBLAYER_MAGNITUDE for v in rep.values)


def eraser_units(dims: list[Dim]) -> list[Unit]:
    """relu(x) - relu(-x) = x, subtracted: each dimension ends exactly 0, whatever the sign of what
    it holds. Both signs, one-hot dimensions too: what a dimension holds besides its value is the
    softmax residue of the heads upstream, which can be negative (a value read with a negative
    coefficient); a one-sided eraser would leave it for the next tenant. The assembler keeps these
    units on at BOS (reading the residue there), unlike every other unit: see `assemble`."""
    units = []
    for dim in dims:
        units += [Unit(Readout.of(dim), 0.0, {dim: -1.0}), Unit(Readout.of(dim, -1.0), 0.0, {dim: 1.0})]
    return units
