"""Scores of a partition: how modular (n-cut, Newman modularity, share of |W| inside), whether that is
more than chance (shuffled networks, as Filan et al.), and how well it matches a known one (ARI, NMI).

Filan et al.'s null model matters for the verdict: shuffling every entry of a matrix ("full") also
spreads a sparse matrix's few nonzeros, which by itself makes the shuffles worse clustered; keeping
the zero pattern and permuting only the nonzero values ("mask") asks whether the *sizes* of the
weights add to what the wiring already gives. Both are offered; report both.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import networkx as nx
import numpy as np

from weightsmith.modules.graph import WeightGraph
from weightsmith.modules.partition import Partition
from weightsmith.rasp.errors import InputError

SHUFFLES = ("mask", "full")


def _groups(graph: nx.Graph, partition: Partition) -> list[set]:
    groups: dict[int, set] = {}
    for node in graph.nodes:
        if node not in partition:
            raise InputError(f"partition: node {node!r} of the graph has no module")
        groups.setdefault(partition[node], set()).add(node)
    return list(groups.values())


def ncut(graph: nx.Graph, partition: Partition) -> float:
    """Shi–Malik normalised cut: sum over modules of cut(module, rest) / volume(module) (lower: more
    modular; between 0 and k)."""
    total = 0.0
    for group in _groups(graph, partition):
        volume = sum(d for _, d in graph.degree(group, weight="weight"))
        if volume > 0:
            total += nx.cut_size(graph, group, weight="weight") / volume
    return total


def modularity(graph: nx.Graph, partition: Partition) -> float:
    """Newman's modularity Q (weighted): the share of weight inside modules minus its expectation."""
    return nx.community.modularity(graph, _groups(graph, partition), weight="weight")


def inside_share(graph: nx.Graph, partition: Partition) -> float:
    """The share of the total |W| on edges inside modules."""
    total = graph.size(weight="weight")
    inside = sum(w for u, v, w in graph.edges(data="weight") if partition[u] == partition[v])
    return inside / total if total else 0.0


@dataclass
class Significance:
    """The observed n-cut against `n` shuffled networks partitioned the same way."""

    mode: str
    observed: float
    shuffled_mean: float
    shuffled_sd: float
    n: int
    p: float  # (r + 1) / (n + 1), r = shuffles with an n-cut at most the observed one
    z: float  # (observed - mean) / sd: negative = more modular than the shuffles


def shuffle_significance(weights: WeightGraph, method: Callable[[nx.Graph], Partition], n: int = 50,
                         mode: str = "mask", seed: int = 0) -> Significance:
    """Partition the graph and `n` shuffles of it with `method`; compare their n-cuts. A shuffle permutes
    the entries of every weight matrix (all of them, or only the nonzero ones: `mode`); the residual
    connections are architecture and stay."""
    if mode not in SHUFFLES:
        raise InputError(f"mode: expected one of {SHUFFLES}, got {mode!r}")
    if n < 1:
        raise InputError(f"n: expected at least 1 shuffle, got {n}")
    graph = weights.graph
    observed = ncut(graph, method(graph))
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(n):
        blocks = [block if block.kind == "identity" else replace(block, weights=_shuffled(block.weights, mode, rng))
                  for block in weights.blocks]
        shuffled = weights.to_networkx(blocks)
        values.append(ncut(shuffled, method(shuffled)))
    values_array = np.array(values)
    mean, sd = float(values_array.mean()), float(values_array.std(ddof=1)) if n > 1 else 0.0
    r = int((values_array <= observed).sum())
    z = (observed - mean) / sd if sd > 0 else (0.0 if observed == mean else -math.inf * np.sign(mean - observed))
    return Significance(mode, observed, mean, sd, n, (r + 1) / (n + 1), float(z))


def _shuffled(matrix: np.ndarray, mode: str, rng: np.random.Generator) -> np.ndarray:
    out = matrix.copy()
    if mode == "full":
        flat = out.reshape(-1)
        flat[:] = rng.permutation(flat)
    else:
        at = np.nonzero(out)
        out[at] = rng.permutation(out[at])
    return out


def _contingency(truth: Partition, found: Partition) -> np.ndarray:
    nodes = sorted(set(truth) & set(found), key=str)
    if not nodes:
        raise InputError("the two partitions share no node")
    t = {m: j for j, m in enumerate(sorted({truth[n] for n in nodes}, key=str))}
    f = {m: j for j, m in enumerate(sorted({found[n] for n in nodes}, key=str))}
    table = np.zeros((len(t), len(f)))
    for node in nodes:
        table[t[truth[node]], f[found[node]]] += 1
    return table


def adjusted_rand(truth: Partition, found: Partition) -> float:
    """Adjusted Rand index over the nodes both partitions cover (1: equal, about 0: chance)."""
    table = _contingency(truth, found)
    pairs = lambda x: (x * (x - 1) / 2).sum()  # noqa: E731
    n = table.sum()
    both, rows, cols = pairs(table), pairs(table.sum(1)), pairs(table.sum(0))
    expected = rows * cols / (n * (n - 1) / 2) if n > 1 else 0.0
    top = (rows + cols) / 2
    return 1.0 if top == expected else float((both - expected) / (top - expected))


def normalized_mutual_information(truth: Partition, found: Partition) -> float:
    """NMI (arithmetic-mean normalisation) over the nodes both partitions cover."""
    table = _contingency(truth, found)
    p = table / table.sum()
    pt, pf = p.sum(1), p.sum(0)
    nz = p > 0
    mi = float((p[nz] * np.log(p[nz] / np.outer(pt, pf)[nz])).sum())
    entropy = lambda q: float(-(q[q > 0] * np.log(q[q > 0])).sum())  # noqa: E731
    h = (entropy(pt) + entropy(pf)) / 2
    return 1.0 if h == 0 else mi / h
