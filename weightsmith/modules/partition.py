"""Partitions of a weight graph into modules: Gomory–Hu tree cuts (the method under study), Flake's
α-cut clustering, and the baselines (spectral n-cut clustering as Filan et al., Louvain, layers).

A partition is a `dict[node, module id]` over the graph's nodes, ids 0..k-1 numbered by each module's
first node in sorted order, so equal partitions compare equal.

Why a Gomory–Hu (GH) tree: its edge (u, v) of weight c says that the least |weight| separating u from v
is c, for every pair at once (n-1 max-flows). Deleting its k-1 lightest edges is a k-cut within 2-2/k of
the minimum (Saran & Vazirani 1995), and the tree read from its heaviest edge down is a hierarchy of
modules. Minimum cuts like to shave off single weakly-attached nodes; Flake, Tarjan and
Tsioutsiouliklis (2004) fix that by joining every node to an extra sink with capacity α: the sink
side of each cut then pays α per node, so only a group whose outside links weigh less than α times
its size is cut off as a cluster.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy.cluster.vq import kmeans2

from weightsmith.rasp.errors import InputError

Partition = dict[str, int]
_SINK = "\0sink"


def numbered(groups: list[set]) -> Partition:
    """The partition with these groups, numbered in order of each group's smallest node."""
    ordered = sorted((sorted(map(str, g)), g) for g in groups if g)
    return {node: m for m, (_, group) in enumerate(ordered) for node in group}


def modules_of(partition: Partition) -> list[list[str]]:
    """The groups of a partition, as sorted node lists, in module-id order."""
    groups: dict[int, list[str]] = {}
    for node, m in partition.items():
        groups.setdefault(m, []).append(node)
    return [sorted(groups[m]) for m in sorted(groups)]


def check_weights(graph: nx.Graph) -> None:
    """Refuse an edge whose weight is not a finite number >= 0. Every method here reads weights as
    strengths of connection: a flow through a negative or NaN capacity is no cut, and networkx and
    numpy partitioned such graphs without a word (graphs from `weight_graph` are always fine)."""
    for u, v, data in graph.edges(data=True):
        if "weight" not in data:
            raise InputError(f"edge {(u, v)!r} has no 'weight': every edge of a weight graph needs one")
        w = data["weight"]
        if isinstance(w, bool) or not isinstance(w, (int, float, np.number)) or not math.isfinite(w) or w < 0:
            raise InputError(f"edge {(u, v)!r} has weight {w!r}: a weight must be a finite number >= 0")


def gomory_hu_tree(graph: nx.Graph) -> nx.Graph:
    """networkx's GH tree with every edge's capacity its weight; tree edge `weight` = the minimum cut
    between its ends."""
    check_weights(graph)
    if graph.number_of_nodes() < 2:
        raise InputError("the weight graph has fewer than 2 connected nodes: nothing to partition")
    flow = nx.Graph()
    flow.add_nodes_from(graph.nodes)
    flow.add_weighted_edges_from(((u, v, w) for u, v, w in graph.edges(data="weight")), weight="capacity")
    return nx.gomory_hu_tree(flow, capacity="capacity")


@dataclass
class Hierarchy:
    """A GH tree read as a hierarchy: `merges[j]` = (cut value, group a, group b), heaviest first —
    the order in which the modules join when the tree's edges are put back from the heaviest down."""

    nodes: list[str]
    merges: list[tuple[float, frozenset, frozenset]]

    @classmethod
    def from_tree(cls, tree: nx.Graph) -> Hierarchy:
        parent = {node: node for node in tree.nodes}

        def root(node):
            while parent[node] != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        members = {node: frozenset([node]) for node in tree.nodes}
        merges = []
        # heaviest first; ties broken by the edge's names so the hierarchy does not depend on dict order
        for u, v, w in sorted(tree.edges(data="weight"), key=lambda e: (-e[2], sorted(map(str, e[:2])))):
            a, b = root(u), root(v)
            merges.append((float(w), members[a], members[b]))
            parent[b] = a
            members[a] = members[a] | members.pop(b)
        return cls(sorted(tree.nodes, key=str), merges)

    def cut(self, k: int) -> Partition:
        """The k modules left when the k-1 lightest tree edges are deleted."""
        if not 1 <= k <= len(self.nodes):
            raise InputError(f"k: expected 1..{len(self.nodes)} modules (the graph's nodes), got {k}")
        groups = {node: {node} for node in self.nodes}
        owner = {node: node for node in self.nodes}
        for _, a, b in self.merges[:len(self.nodes) - k]:
            ra, rb = owner[next(iter(a))], owner[next(iter(b))]
            groups[ra] |= groups.pop(rb)
            for node in groups[ra]:
                owner[node] = ra
        return numbered(list(groups.values()))


CUTS = ("lightest", "ratio")


def gomory_hu_modules(graph: nx.Graph, k: int, cut: str = "lightest", tree: nx.Graph | None = None) -> Partition:
    """k modules from the GH tree. `cut="lightest"`: delete its k-1 lightest edges (the 2-2/k
    approximation of the minimum k-cut). `cut="ratio"`: delete, one at a time, the edge with the least
    cut value per node of the smaller side it splits off (w / min(|A|, |B|) within its current piece) —
    the tree's estimate of a ratio cut, which does not shave off single weakly-attached nodes."""
    if cut not in CUTS:
        raise InputError(f"cut: expected one of {CUTS}, got {cut!r}")
    tree = gomory_hu_tree(graph) if tree is None else tree
    if cut == "lightest":
        return Hierarchy.from_tree(tree).cut(k)
    if not 1 <= k <= tree.number_of_nodes():
        raise InputError(f"k: expected 1..{tree.number_of_nodes()} modules (the graph's nodes), got {k}")
    forest = nx.Graph(tree)
    for _ in range(k - 1):
        best = None
        for component in nx.connected_components(forest):
            root = min(component, key=str)
            order = list(nx.dfs_preorder_nodes(forest, root))
            parent = dict(nx.dfs_predecessors(forest, root))
            below = dict.fromkeys(order, 1)  # nodes in each node's subtree
            for node in reversed(order[1:]):
                below[parent[node]] += below[node]
            for node in order[1:]:
                side = min(below[node], len(component) - below[node])
                score = (forest[parent[node]][node]["weight"] / side, sorted((str(parent[node]), str(node))))
                if best is None or score < best[0]:
                    best = (score, parent[node], node)
        forest.remove_edge(best[1], best[2])
    return numbered([set(c) for c in nx.connected_components(forest)])


def sparsified(graph: nx.Graph, per_node: int = 8) -> nx.Graph:
    """The graph with only the edges among the `per_node` heaviest of at least one of their ends: a
    dense (e.g. rotated) graph made cheap for the flow algorithms, keeping each node's main wires."""
    keep = set()
    for node in graph.nodes:
        heaviest = sorted(graph[node].items(), key=lambda item: (-item[1]["weight"], str(item[0])))[:per_node]
        keep.update(frozenset((node, other)) for other, _ in heaviest)
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    out.add_edges_from((u, v, data) for u, v, data in graph.edges(data=True) if frozenset((u, v)) in keep)
    return out


def flake_modules(graph: nx.Graph, alpha: float) -> Partition:
    """Flake et al.'s cut clustering: the GH tree of the graph plus a sink joined to every node by α,
    without the sink. Larger α: more, smaller clusters."""
    augmented = nx.Graph(graph)
    augmented.add_weighted_edges_from(((node, _SINK, alpha) for node in graph.nodes), weight="weight")
    tree = gomory_hu_tree(augmented)
    tree.remove_node(_SINK)
    return numbered([set(c) for c in nx.connected_components(tree)])


def flake_k(graph: nx.Graph, k: int, steps: int = 24) -> tuple[Partition, float]:
    """The Flake partition whose number of clusters is nearest k, and its α (bisection on log α
    between the lightest and the heaviest weighted degree; the count grows with α)."""
    check_weights(graph)
    degrees = [d for _, d in graph.degree(weight="weight") if d > 0]
    low, high = math.log(min(degrees) / len(graph) / 10), math.log(max(degrees) * 10)
    best: tuple[int, Partition, float] | None = None
    for _ in range(steps):
        alpha = math.exp((low + high) / 2)
        partition = flake_modules(graph, alpha)
        count = len(set(partition.values()))
        if best is None or abs(count - k) < best[0]:
            best = (abs(count - k), partition, alpha)
        if count == k:
            break
        low, high = (math.log(alpha), high) if count < k else (low, math.log(alpha))
    return best[1], best[2]


def spectral_modules(graph: nx.Graph, k: int, seed: int = 0, restarts: int = 25) -> Partition:
    """Shi–Malik normalised-cut clustering, as Filan et al.: the k eigenvectors of the symmetric
    normalised Laplacian with the smallest eigenvalues, rows normalised, then k-means (best of
    `restarts`)."""
    check_weights(graph)
    nodes = sorted(graph.nodes, key=str)
    if not 1 <= k <= len(nodes):
        raise InputError(f"k: expected 1..{len(nodes)} modules (the graph's nodes), got {k}")
    A = nx.to_numpy_array(graph, nodelist=nodes, weight="weight")
    degree = A.sum(1)
    scale = np.where(degree > 0, 1 / np.sqrt(np.where(degree > 0, degree, 1)), 0.0)
    laplacian = np.eye(len(nodes)) - scale[:, None] * A * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    embedding = vectors[:, :k]
    norms = np.linalg.norm(embedding, axis=1, keepdims=True)
    embedding = embedding / np.where(norms > 0, norms, 1)
    rng = np.random.default_rng(seed)
    best, best_inertia = None, math.inf
    for _ in range(restarts):
        with warnings.catch_warnings():  # an empty cluster in one restart is fine: another restart wins
            warnings.simplefilter("ignore")
            centroids, labels = kmeans2(embedding, k, minit="++", seed=rng, missing="warn")
        inertia = float(((embedding - centroids[labels]) ** 2).sum())
        if inertia < best_inertia:
            best, best_inertia = labels, inertia
    return numbered([{n for n, label in zip(nodes, best) if label == c} for c in range(k)])


def louvain_modules(graph: nx.Graph, seed: int = 0) -> Partition:
    """Louvain communities (networkx), maximising Newman modularity; it picks its own number of modules."""
    check_weights(graph)
    return numbered([set(c) for c in nx.community.louvain_communities(graph, weight="weight", seed=seed)])


def layer_modules(graph: nx.Graph) -> Partition:
    """The naive baseline: each layer is a module (its heads, its MLP units and the residual segments
    its sublayers write; segments from the embeddings form one more)."""
    def layer(node: str) -> int:
        data = graph.nodes[node]
        if "layer" in data:
            return data["layer"]
        if data.get("kind") == "resid":
            return (data["boundary"] - 1) // 2  # boundary 0 (embeddings): -1
        return -1 if node == "embed" else 10 ** 6  # component level: embed first, unembed last
    groups: dict[int, set] = {}
    for node in graph.nodes:
        groups.setdefault(layer(node), set()).add(node)
    return numbered(list(groups.values()))


METHODS = {  # name -> (graph, k) -> partition; the k-free methods ignore k
    "gh_lightest": lambda graph, k: gomory_hu_modules(graph, k),
    "gh_ratio": lambda graph, k: gomory_hu_modules(graph, k, cut="ratio"),
    "flake": lambda graph, k: flake_k(graph, k, steps=12)[0],
    "spectral": lambda graph, k: spectral_modules(graph, k),
    "louvain": lambda graph, k: louvain_modules(graph),
    "layers": lambda graph, k: layer_modules(graph),
}


def find_modules(graph: nx.Graph, k: int, method: str = "gh_ratio") -> Partition:
    """k modules (about k for Flake; its own number for Louvain and layers) by the named method."""
    if method not in METHODS:
        raise InputError(f"method: expected one of {sorted(METHODS)}, got {method!r}")
    return METHODS[method](graph, k)
