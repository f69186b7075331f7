"""A picture of a weight graph coloured by module: residual segments and units placed by depth (the
sublayer they follow) and index, edges drawn with width and opacity by weight. Needs matplotlib (the
`plot` extra); imported only when a picture is asked for."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from weightsmith.modules.partition import Partition


def _position(node: str, data: dict) -> tuple[float, float]:
    kind = data.get("kind")
    if kind == "resid":
        return 2 * data["boundary"], -data["dim"]
    if kind == "head":
        return 4 * data["layer"] + 1, -3 * data["head"]
    if kind == "mlp":
        return 4 * data["layer"] + 3, -data["unit"]
    return 0.0, 0.0


def draw_modules(graph: nx.Graph, partition: Partition, path: Path, title: str = "") -> None:
    """Write the picture to `path` (the suffix picks the format: .png or .svg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    layered = all("kind" in graph.nodes[n] and graph.nodes[n]["kind"] in ("resid", "head", "mlp") for n in graph)
    pos = ({n: _position(n, graph.nodes[n]) for n in graph} if layered
           else nx.spring_layout(graph, weight="weight", seed=0))
    width = max(6.0, min(18.0, 0.5 * len({p[0] for p in pos.values()})))
    height = max(4.0, min(14.0, 0.12 * max(1, -min(p[1] for p in pos.values()))))
    figure, axes = plt.subplots(figsize=(width, height))
    heaviest = max((w for _, _, w in graph.edges(data="weight")), default=1.0) or 1.0
    colours = plt.get_cmap("tab20")
    for u, v, w in graph.edges(data="weight"):
        share = w / heaviest
        axes.plot(*zip(pos[u], pos[v]), color="grey", linewidth=0.3 + 2 * share, alpha=0.15 + 0.6 * share, zorder=1)
    nodes = sorted(graph, key=str)
    markers = {"resid": "s", "head": "^", "mlp": "o"}
    for kind, marker in markers.items():
        chosen = [n for n in nodes if graph.nodes[n].get("kind", "mlp") == kind] if layered else \
            (nodes if kind == "mlp" else [])
        if chosen:
            axes.scatter([pos[n][0] for n in chosen], [pos[n][1] for n in chosen], marker=marker, s=30, zorder=2,
                         c=[colours(partition[n] % 20) for n in chosen], edgecolors="black", linewidths=0.3,
                         label={"resid": "residual segment", "head": "head", "mlp": "MLP unit / component"}[kind])
    axes.set_title(title or f"{len(set(partition.values()))} modules")
    axes.set_xlabel("depth (residual boundary / sublayer)" if layered else "")
    axes.set_yticks([])
    axes.legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    Path(path).parent.mkdir(parents=True, exist_ok=True)  # as every writer of the API does
    figure.savefig(path)
    plt.close(figure)
