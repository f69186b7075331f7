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

from weightsmith.compiler.blocks import AttentionOp, Op


@dataclass
class Schedule:
    """`sublayer[id(op)]` for every op; `written[owner]` is the sublayer after which an owner is readable."""

    sublayer: dict[int, int]
    written: dict[str, int]
    n_layers: int
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


def schedule(ops: list[Op], embedded: set[str], phases: dict[int, str] | None = None) -> Schedule:
    """ASAP placement of `ops` (given in dependency order); `embedded` owners are readable at once.

    With `phases` (id(op) -> "prelude" | "block" | "post", a loop's), each phase starts in the layer
    after the previous one's last: a block op reading only the state still waits for the prelude."""
    ready = {owner: 0 for owner in embedded}  # first sublayer that may read the owner
    sublayer: dict[int, int] = {}
    start, block = 0, None
    for phase in ("prelude", "block", "post") if phases else (None,):
        for op in ops:
            if phases and phases[id(op)] != phase:
                continue
            earliest = max((ready[o] for o in {d.owner for r in op.reads() for d in r.terms}), default=0)
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
    return Schedule(sublayer, {o: t - 1 for o, t in ready.items()}, n_layers, block)
