"""The ground-truth circuit of a compiled model: which heads, MLP units and residual dimensions compute
which s-op, and which feed which.

Circuit-discovery methods (activation patching, ACDC, attribution) are scored against a known circuit;
InterpBench trains models to implement Tracr programs and scores methods by edge AUROC. A compiled
model needs no training to know its circuit: the compiler placed every s-op itself. So everything here
comes from the compiler's records, not from reading the weights back: `CompiledModel.heads` (the s-op
each head writes and the s-ops it reads), `CompiledModel.units` (the unit ranges of each MLP op and of
the erasers), `CompiledModel.layouts` (each s-op's residual dimensions and lifetime) and the program
graph the compiler built. Components are named as the patching literature names them: `embed`,
`L{layer}.H{head}`, `L{layer}.MLP`, and `output` for the read-out.

Two kinds of edges: `sop_edges` (s-op -> s-op: the program's dataflow, virtual s-ops included) and
`component_edges` (component -> component: B reads an s-op that A writes). Erasers (units that clear a
dead s-op's dimensions for reuse) read the s-op they clear but compute nothing; they are recorded apart,
and an MLP whose units are all erasers is not in the circuit.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from weightsmith import rasp
from weightsmith.compiler.compiled import CompiledModel
from weightsmith.compiler.graph import build_graph
from weightsmith.export.extras import refuse_loops

FORMAT = "weightsmith-circuit"
EMBED, OUTPUT = "embed", "output"


def head_name(layer: int, head: int) -> str:
    return f"L{layer}.H{head}"


def mlp_name(layer: int) -> str:
    return f"L{layer}.MLP"


@dataclass
class SOpNode:
    """One s-op (or compiler helper): where it lives, and which component writes it (None: virtual,
    read through its sources' dimensions)."""

    label: str
    kind: str
    encoding: str
    helper: bool
    dims: list[int]
    written_after: int  # sublayer index (-1: embeddings; 2L: layer L's attention; 2L+1: its MLP)
    erased_in: int | None
    component: str | None


@dataclass
class UnitRange:
    """MLP units `start:stop`, the s-op they write (or, for erasers, clear) and the dims they write."""

    sop: str
    start: int
    stop: int
    dims: list[int]


@dataclass
class Component:
    """A head, an MLP or the embedding: the s-ops it writes (with unit ranges for an MLP) and reads."""

    name: str
    kind: str  # "embedding" | "head" | "mlp"
    layer: int | None
    writes: list[str]
    reads: list[str]
    dims: list[int]  # the residual dimensions it writes
    head: int | None = None
    units: list[UnitRange] = field(default_factory=list)
    erasers: list[UnitRange] = field(default_factory=list)
    in_circuit: bool = True  # False: an MLP of erasers only (or a head that writes nothing read)


@dataclass
class Circuit:
    """The ground truth of one compiled model (see the module docstring)."""

    output: str
    n_layers: int
    heads_per_layer: list[int]
    sops: list[SOpNode]
    components: list[Component]
    sop_edges: list[tuple[str, str]]
    component_edges: list[tuple[str, str]]
    eraser_edges: list[tuple[str, str]]  # A -> an MLP whose erasers clear what A wrote (not computation)

    def nodes(self) -> list[str]:
        """The components that compute something the output needs (the circuit's nodes)."""
        return [c.name for c in self.components if c.in_circuit]

    def to_document(self) -> dict[str, Any]:
        return {"format": FORMAT, **asdict(self),
                "sop_edges": [list(e) for e in self.sop_edges],
                "component_edges": [list(e) for e in self.component_edges],
                "eraser_edges": [list(e) for e in self.eraser_edges]}

    def to_json(self) -> str:
        return json.dumps(self.to_document(), indent=1, allow_nan=False)

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)  # as every writer of the API does
        path.write_text(self.to_json() + "\n")
        return path


def circuit_of(compiled: CompiledModel) -> Circuit:
    """The ground-truth circuit of `compiled`, from the compiler's records."""
    config = compiled.config
    refuse_loops(config, "a circuit")  # (a loop program raised "L1.MLP reads 'cd.spent', which no component writes")
    writer: dict[str, str] = {label: EMBED for label, layout in compiled.layouts.items()
                              if layout.sublayer == "embedding"}
    embedded = sorted({d for label in writer for d in compiled.layouts[label].dims})
    components = [Component(EMBED, "embedding", None, writes=sorted(writer), reads=[], dims=embedded)]
    for info in compiled.heads:
        name = head_name(info.layer, info.head)
        writer[info.label] = name
        components.append(Component(name, "head", info.layer, [info.label], list(info.reads), list(info.dims),
                                    head=info.head))
    for layer in range(len(config.layers)):
        records = [u for u in compiled.units if u.layer == layer]
        if not records:
            continue
        computing = [u for u in records if not u.eraser]
        for u in computing:
            writer[u.label] = mlp_name(layer)
        components.append(Component(
            mlp_name(layer), "mlp", layer, writes=[u.label for u in computing],
            reads=list(dict.fromkeys(r for u in computing for r in u.reads)),
            dims=sorted({d for u in computing for d in u.dims}),
            units=[UnitRange(u.label, u.start, u.stop, list(u.dims)) for u in computing],
            erasers=[UnitRange(u.label, u.start, u.stop, list(u.dims)) for u in records if u.eraser],
            in_circuit=bool(computing)))
    components.sort(key=_order)
    edges = []
    for component in components:
        for read in component.reads:
            if read not in writer:
                raise ValueError(f"{component.name} reads {read!r}, which no component writes (a compiler record is missing)")
            edges.append((writer[read], component.name))
    if compiled.output_label not in writer:
        raise ValueError(f"the output {compiled.output_label!r} is written by no component (a compiler record is missing)")
    edges.append((writer[compiled.output_label], OUTPUT))
    edges = list(dict.fromkeys(edges))
    erasing = list(dict.fromkeys((writer[u.sop], c.name) for c in components for u in c.erasers))
    components[0].in_circuit = any(source == EMBED for source, _ in edges)
    graph = build_graph(compiled.program)
    sop_edges = [(graph.label(source), graph.label(expr)) for expr in graph.order if isinstance(expr, rasp.SOp)
                 for source in _sop_sources(expr)]
    # an s-op the layouts read through its sources (virtual there) may still be written by an op: its dims
    written = {u.sop: u.dims for c in components for u in c.units} | {c.writes[0]: c.dims for c in components
                                                                       if c.kind == "head"}
    sops = [SOpNode(layout.label, layout.kind, layout.encoding, layout.helper,
                    list(layout.dims) or list(written.get(layout.label, [])),
                    layout.written_after, layout.erased_in, writer.get(layout.label))
            for layout in compiled.layouts.values()]
    return Circuit(compiled.output_label, len(config.layers), [len(layer.heads) for layer in config.layers],
                   sops, components, sop_edges, edges, [e for e in erasing if e not in edges])


def _sop_sources(expr: rasp.RASPExpr) -> list[rasp.SOp]:
    """The s-ops an s-op is computed from, looking through selectors (a selector is not a value in
    the residual stream: the head that uses it reads its keys and queries)."""
    sources: list[rasp.SOp] = []
    for child in expr.children:
        for source in [child] if isinstance(child, rasp.SOp) else _sop_sources(child):
            if all(source is not s for s in sources):
                sources.append(source)
    return sources


def sublayer_of(name: str) -> int:
    """The sublayer a component runs in: -1 `embed`, 2L `L{L}.H{h}`, 2L+1 `L{L}.MLP`."""
    if name == EMBED:
        return -1
    layer, part = name[1:].split(".")
    return 2 * int(layer) + (1 if part == "MLP" else 0)


def _order(component: Component) -> tuple:
    return (sublayer_of(component.name), component.head or 0)
