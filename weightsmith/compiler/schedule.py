"""The layer schedule: each attention op in an attention sublayer, each MLP op in an MLP sublayer.

Sublayers are numbered in execution order: 2L is layer L's attention, 2L+1 its MLP; a value written
in sublayer t can be read from sublayer t+1 on, and the embeddings are readable from sublayer 0. Each
op goes to the earliest sublayer of its kind after everything it reads is written (longest-path, or
ASAP, scheduling), so independent ops share a layer and the number of layers is the longest chain of
alternating attention and MLP work in the program. A SelectorWidth's attention and its decoding MLP
thus land in the same layer.

A program with a loop is scheduled in three phases, each starting after the previous one ends
(`compiler.loops`): the prelude, the block (its layers are run once per iteration), the read-out.
`Schedule.block` says which layers the block is.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from weightsmith.compiler.blocks import AttentionOp, Op
from weightsmith.compiler.readout import BOS, ONE, Dim, dim_owner


@dataclass
class Schedule:
    """`sublayer[id(op)]` for every op; `written[owner]` is the sublayer after which an owner is readable.

    `dims[id(op)]` and `owners[id(op)]` are what the op's read-outs read, each in first-read order (dicts
    used as ordered sets). Placing an op needs them, and so do the residual allocation, the assembler's
    unit records and the reading guide's heads; each walked every term of every read-out again (a head
    of a sort at length 10 reads thousands), so they are found once here, after pruning, when the ops'
    read-outs are final."""

    sublayer: dict[int, int]
    written: dict[str, int]
    n_layers: int
    dims: dict[int, dict[Dim, None]]
    owners: dict[int, dict[str, None]]
    block: tuple[int, int] | None = None  # a loop's block: (first layer, number of layers)

    @property
    def block_sublayers(self) -> range:
        """The sublayers of the loop's block (empty without a loop)."""
        if self.block is None:
            return range(0)
        first, count = self.block
        return range(2 * first, 2 * (first + count))

    def layer(self, op: Op) -> int:
        return self.sublayer[id(op)] // 2

    def stored_reads(self, op: Op) -> list[str]:
        """The stored s-ops (owners) `op` reads, in first-read order; not the constant `one` and `bos`
        dimensions that every read-out may touch (for BOS compensation)."""
        return [owner for owner in self.owners[id(op)] if owner not in (ONE.owner, BOS.owner)]


def schedule(ops: list[Op], embedded: set[str], phases: dict[int, str] | None = None) -> Schedule:
    """ASAP placement of `ops` (given in dependency order); `embedded` owners are readable at once.

    With `phases` (id(op) -> "prelude" | "block" | "post", a loop's), each phase starts in the layer
    after the previous one's last: a block op reading only the state still waits for the prelude."""
    ready = {owner: 0 for owner in embedded}  # first sublayer that may read the owner
    sublayer: dict[int, int] = {}
    dims: dict[int, dict[Dim, None]] = {}
    owners: dict[int, dict[str, None]] = {}
    for op in ops:
        dims[id(op)] = read = dict.fromkeys(chain.from_iterable([r.terms for r in op.reads()]))
        owners[id(op)] = dict.fromkeys(map(dim_owner, read))
    start, block = 0, None
    for phase in ("prelude", "block", "post") if phases else (None,):
        for op in ops:
            if phases and phases[id(op)] != phase:
                continue
            earliest = max((ready[o] for o in owners[id(op)]), default=0)
            earliest = max(earliest, start)
            parity = 0 if isinstance(op, AttentionOp) else 1
            t = earliest if earliest % 2 == parity else earliest + 1
            sublayer[id(op)] = t
            ready[op.output.label] = t + 1
        end = max((t // 2 + 1 for t in sublayer.values()), default=start // 2)
        if phase == "block":
            block = (start // 2, end - start // 2)
        start = 2 * end
    n_layers = max((t // 2 + 1 for t in sublayer.values()), default=0)
    return Schedule(sublayer, {o: t - 1 for o, t in ready.items()}, n_layers, dims, owners, block)
