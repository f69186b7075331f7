"""A layered graph laid out once and drawn as SVG (or with matplotlib): programs and models as pictures.

Both pictures this project draws are layered: a program's s-ops by their depth from the inputs, a model's
s-ops by the sublayer that writes them. So one layout serves both: a column per layer, nodes stacked in
each column, edges as curves from left to right. The SVG carries `data-node` / `data-edge` attributes so
the explorer page can highlight a node and what it touches without laying anything out in JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Sequence

from weightsmith import rasp
from weightsmith.rasp import expr as rx
from weightsmith.rasp.graph import topological_order

NODE_W, NODE_H, COL_GAP, ROW_GAP, MARGIN, HEADER = 150, 30, 60, 14, 16, 26
KIND_COLOURS = {"input": "#e8e8e8", "categorical": "#d7e8fb", "numerical": "#fde3c8", "selector": "#e4f3dc",
                "loop": "#eadcf5"}


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    column: int
    kind: str  # a key of KIND_COLOURS
    detail: str = ""  # shown as the node's tooltip


@dataclass
class LayeredGraph:
    nodes: list[Node]
    edges: list[tuple[str, str]]
    columns: list[str] = field(default_factory=list)  # column titles (e.g. "layer 0 attn")

    def positions(self) -> dict[str, tuple[float, float]]:
        """Top-left corner of every node: columns left to right, nodes in the order given."""
        rows: dict[int, int] = {}
        out = {}
        for node in self.nodes:
            row = rows.get(node.column, 0)
            rows[node.column] = row + 1
            out[node.id] = (MARGIN + node.column * (NODE_W + COL_GAP), MARGIN + HEADER + row * (NODE_H + ROW_GAP))
        return out

    def size(self) -> tuple[float, float]:
        pos = self.positions()
        width = max((x for x, _ in pos.values()), default=0) + NODE_W + MARGIN
        height = max((y for _, y in pos.values()), default=0) + NODE_H + MARGIN
        return width, height


def program_graph(program: rasp.SOp) -> LayeredGraph:
    """A program's s-ops (and selectors) by depth from tokens/indices: the picture `weightsmith draw` makes."""
    order = topological_order(program)
    depth: dict[int, int] = {}
    for e in order:
        depth[id(e)] = 1 + max((depth[id(c)] for c in e.children), default=-1)
    nodes = []
    for e in order:
        # a Loop is neither s-op nor selector (no encoding: `draw` of a loop program was "no annotation 'encoding'")
        kind = ("input" if not e.children else "selector" if isinstance(e, rx.Selector)
                else "loop" if isinstance(e, rasp.Loop) else rx.get_encoding(e).value)
        nodes.append(Node(str(e.unique_id), e.label, depth[id(e)], kind, type(e).__name__))
    edges = [(str(c.unique_id), str(e.unique_id)) for e in order for c in e.children]
    columns = [f"depth {d}" for d in range(1 + max(depth.values()))]
    return LayeredGraph(nodes, edges, columns)


def to_svg(graph: LayeredGraph, highlight: Sequence[str] = ()) -> str:
    """The graph as a standalone SVG document (no scripts, no external references)."""
    pos = graph.positions()
    width, height = graph.size()
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" width="{width:.0f}" height="{height:.0f}" '
             f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif" font-size="12">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
             'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>',
             f'<rect width="{width:.0f}" height="{height:.0f}" fill="white"/>']
    for c, title in enumerate(graph.columns):
        x = MARGIN + c * (NODE_W + COL_GAP)
        parts.append(f'<text x="{x + NODE_W / 2:.0f}" y="{MARGIN + 12}" text-anchor="middle" fill="#666">'
                     f'{escape(title)}</text>')
    for a, b in graph.edges:
        (xa, ya), (xb, yb) = pos[a], pos[b]
        x1, y1, x2, y2 = xa + NODE_W, ya + NODE_H / 2, xb, yb + NODE_H / 2
        bend = max(20.0, (x2 - x1) / 2)
        parts.append(f'<path class="edge" data-edge="{escape(a)} {escape(b)}" d="M{x1:.0f},{y1:.0f} '
                     f'C{x1 + bend:.0f},{y1:.0f} {x2 - bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}" fill="none" '
                     'stroke="#888" stroke-width="1.2" marker-end="url(#arrow)"/>')
    for node in graph.nodes:
        x, y = pos[node.id]
        stroke = "#d62728" if node.id in highlight else "#555"
        label = node.label if len(node.label) <= 20 else node.label[:19] + "…"
        parts.append(f'<g class="node" data-node="{escape(node.id)}"><title>{escape(node.label)}: '
                     f'{escape(node.detail)}</title><rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" '
                     f'rx="6" fill="{KIND_COLOURS[node.kind]}" stroke="{stroke}"/><text x="{x + NODE_W / 2:.0f}" '
                     f'y="{y + NODE_H / 2 + 4:.0f}" text-anchor="middle">{escape(label)}</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)


def save_picture(graph: LayeredGraph, path: str | Path) -> None:
    """SVG (no dependencies) or PNG (matplotlib, the `plots` extra), by the file's suffix."""
    path = Path(path)
    if path.suffix not in (".svg", ".png"):
        raise ValueError(f"{path}: the picture must be .svg or .png")
    path.parent.mkdir(parents=True, exist_ok=True)  # as every writer of the API does
    if path.suffix == ".svg":
        path.write_text(to_svg(graph))
        return
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    except ImportError:
        raise ValueError("a .png picture needs matplotlib (pip install -e '.[plots]'); .svg needs nothing") from None
    pos = graph.positions()
    width, height = graph.size()
    fig = plt.figure(figsize=(width / 96, height / 96), dpi=96)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    for c, title in enumerate(graph.columns):
        ax.text(MARGIN + c * (NODE_W + COL_GAP) + NODE_W / 2, MARGIN + 8, title, ha="center", va="center",
                color="#666", fontsize=9)
    for a, b in graph.edges:
        (xa, ya), (xb, yb) = pos[a], pos[b]
        ax.add_patch(FancyArrowPatch((xa + NODE_W, ya + NODE_H / 2), (xb, yb + NODE_H / 2),
                                     connectionstyle="arc3,rad=0.1", arrowstyle="-|>", mutation_scale=8,
                                     color="#888", linewidth=1))
    for node in graph.nodes:
        x, y = pos[node.id]
        ax.add_patch(FancyBboxPatch((x, y), NODE_W, NODE_H, boxstyle="round,pad=0,rounding_size=6",
                                    facecolor=KIND_COLOURS[node.kind], edgecolor="#555"))
        label = node.label if len(node.label) <= 20 else node.label[:19] + "…"
        ax.text(x + NODE_W / 2, y + NODE_H / 2, label, ha="center", va="center", fontsize=9)
    fig.savefig(path)
    plt.close(fig)
