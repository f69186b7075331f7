"""The program as a graph: every expression once, in dependency order, with a unique label each.

Labels name residual dimensions ("sort_keys:3") and schedule entries, so they must be unique; two
different expressions that share a name get `#<unique_id>` appended, as `rasp.trace` does.

A loop's body (its placeholders and the expressions computed from them) is not among the loop's
children - it is evaluated once per iteration, not once - so the graph lists it right before the
loop itself: everything the body reads from outside (the loop's children) comes earlier still.
"""

from __future__ import annotations

from dataclasses import dataclass

from weightsmith import rasp
from weightsmith.compiler.errors import CompileError

_SUPPORTED = (
    rasp.TokensType, rasp.IndicesType, rasp.LengthType, rasp.Full, rasp.ConstantSOp, rasp.Map,
    rasp.SequenceMap, rasp.Aggregate, rasp.SelectorWidth, rasp.Select, rasp.ConstantSelector,
    rasp.SelectorAnd, rasp.SelectorOr, rasp.SelectorNot, rasp.SelectPreferred, rasp.LinearClassifier,
    rasp.Loop, rasp.LoopState, rasp.LoopResult,
)
RESERVED_LABELS = ("one", "bos")


@dataclass
class ProgramGraph:
    """`order` lists every expression reachable from `output`, dependencies first."""

    output: rasp.SOp
    order: list[rasp.RASPExpr]
    labels: dict[int, str]  # id(expr) -> unique label
    consumers: dict[int, list[rasp.RASPExpr]]  # id(expr) -> the expressions that read it
    loop: rasp.Loop | None = None  # the program's loop, if it has one

    def label(self, expr: rasp.RASPExpr) -> str:
        return self.labels[id(expr)]


def build_graph(program: rasp.RASPExpr) -> ProgramGraph:
    """The graph of `program`; CompileError if it is not an s-op or uses an unknown construct."""
    if not isinstance(program, rasp.SOp):
        raise CompileError(
            f"the program must be an s-op (a sequence of values) to become a model's output, got "
            f"{type(program).__name__} {getattr(program, 'label', program)!r}"
        )
    order = rasp.topological_order(program)
    loops = [e for e in order if isinstance(e, rasp.Loop)]
    if len(loops) > 1:
        raise CompileError(f"the program has {len(loops)} loops ({', '.join(repr(x.label) for x in loops)}); a "
                           "compiled model holds one looped block, so compile one loop per program")
    if loops:
        at = next(i for i, e in enumerate(order) if e is loops[0])  # by identity: s-ops overload ==
        order = [*order[:at], *loops[0].body, *order[at:]]
    names = [expr.label for expr in order]  # `label` is a property: read once
    counts: dict[str, int] = {}
    for expr, name in zip(order, names):
        if not isinstance(expr, _SUPPORTED):
            raise CompileError(f"{type(expr).__name__} {name!r} is not a RASP construct the compiler knows")
        counts[name] = counts.get(name, 0) + 1
    labels = {}
    for expr, name in zip(order, names):
        clash = counts[name] > 1 or name in RESERVED_LABELS
        labels[id(expr)] = f"{name}#{expr.unique_id}" if clash else name
    consumers: dict[int, list[rasp.RASPExpr]] = {id(e): [] for e in order}
    for expr in order:
        for child in expr.children:
            consumers[id(child)].append(expr)
    return ProgramGraph(program, order, labels, consumers, loops[0] if loops else None)
