"""The weight graph of a transformer: which units are wired to which, and how strongly.

Modules are read off this graph (`partition`), so its construction decides what "connected" means.
It is Filan et al.'s neuron graph carried over to a transformer with a residual stream:

- **Residual nodes.** A residual dimension is one wire from the embeddings to the end, but a sublayer
  that writes into it makes what it holds afterwards a new quantity. So the node is a *segment*
  `resid:{i}@{b}`: dimension i from residual boundary b (0 = after the embeddings, k+1 = after
  sublayer k; sublayer 2L is layer L's attention, 2L+1 its MLP) until the next sublayer that writes
  into it. Consecutive segments of a dimension are joined by an *identity* edge of weight 1 (the
  residual connection is the identity map), unless the earlier segment holds nothing (no embedding
  or sublayer ever wrote it).
- **MLP units** (`mlp:{L}.{u}`): an edge from every residual segment it reads, |W_in[i, u]|, and to
  every segment it writes, |W_out[u, i]| (biases are not connections and are left out, as in Filan's
  graph). A residual dimension that the embeddings set alike at every content position and that no
  sublayer writes is a constant there — a bias by another name (the compiler's `one` and `bos`) — so
  its reads are left out too; otherwise such a hub would join every module to every other.
- **Attention heads.** At `level="unit"` a head is one node `head:{L}.{h}` (its query/key/value
  columns act together: a head's columns are not separate units, since the softmax couples them).
  Its edges are read through its two *circuits*, which do not depend on how the head's internal
  columns are parametrised: the value edge from segment i is sum_j |W_V W_O|[i, j], the output edge to
  segment j is sum_i |W_V W_O|[i, j]; the query edge from i is sum_k |W_Q W_K^T|[i, k] and the key edge
  from k is sum_i |W_Q W_K^T|[i, k], both divided by the largest entry of |W_Q W_K^T|: the size of
  the scores is the softmax's temperature (a compiled head scales them by its proven margin), not a
  wire's strength, while their relative sizes say which dimensions the pattern depends on.
- **Component level** (`level="component"`): the residual nodes are contracted away. Nodes are the
  heads, one node per MLP layer (`mlp:{L}`), `embed` and `unembed`; the edge between a writer A and a
  later reader B is sum_i out_A[i] * in_B[i] over the dimensions i that A writes and B reads later
  (out_A[i]: A's total weight into i; in_B[i]: B's total weight out of i, the same quantities as the
  unit level). Cheaper, coarser: for larger models.

The *activation-weighted* variant (`data` given) multiplies each edge by the mean absolute activation
of its source over the data (pad positions left out): a wire that carries nothing on the data weighs
nothing, whatever its |w|. For a head's output edges the source is the head's mixed value vector
(pattern @ x W_V), so they weigh sum_j mean|z_j| |W_O[j, i]|.

Every edge block remembers the matrix it came from (`Block`), so `scores.shuffle_significance` can
build the null model Filan et al. use: the same nodes with each matrix's entries permuted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import networkx as nx
import numpy as np
import torch

from weightsmith.model import Transformer
from weightsmith.rasp.errors import InputError

LEVELS = ("unit", "component")


@dataclass
class Block:
    """Edges from one weight matrix: `weights[a, b]` joins `sources[a]` to `targets[b]`.

    `kind` says what the matrix is ("read", "write", "identity"); identity blocks are the residual
    connections, architecture rather than learned weight, and shuffles leave them alone."""

    name: str
    kind: str
    sources: list[str]
    targets: list[str]
    weights: np.ndarray


@dataclass
class WeightGraph:
    """A model's weight graph: its blocks, node attributes, and the networkx graph they add up to."""

    level: str
    blocks: list[Block]
    nodes: dict[str, dict] = field(default_factory=dict)  # node -> attributes (kind, layer, dim/unit, boundary)

    def to_networkx(self, blocks: Sequence[Block] | None = None) -> nx.Graph:
        """The undirected graph: an edge's `weight` (and `capacity`, for the flow algorithms) is the sum
        of the block entries between its two nodes; nodes without any edge are left out (as Filan
        et al. delete isolated neurons)."""
        sums: dict[tuple[str, str], float] = {}
        for block in self.blocks if blocks is None else blocks:
            rows, cols = np.nonzero(block.weights)
            for a, b, w in zip(rows.tolist(), cols.tolist(), block.weights[rows, cols].tolist()):
                u, v = block.sources[a], block.targets[b]
                if u == v:
                    continue
                key = (u, v) if u < v else (v, u)
                sums[key] = sums.get(key, 0.0) + w
        graph = nx.Graph()
        for (u, v), w in sums.items():
            graph.add_edge(u, v, weight=w, capacity=w)
        for node in graph.nodes:
            graph.nodes[node].update(self.nodes.get(node, {}))
        return graph

    @property
    def graph(self) -> nx.Graph:
        return self.to_networkx()


def weight_graph(model: Transformer, level: str = "unit", data: Sequence[Sequence] | None = None) -> WeightGraph:
    """The weight graph of `model` (see the module docstring for the construction).

    `data`: inputs (each starting with BOS, as `model.encode` takes them) for the activation-weighted
    variant; None for weights alone."""
    if level not in LEVELS:
        raise InputError(f"level: expected one of {LEVELS}, got {level!r}")
    weights = _Weights(model)
    activity = _Activity(model, data) if data is not None else None
    unit = _unit_blocks(weights, activity)
    if level == "unit":
        return unit
    return _component_graph(weights, unit)


class _Weights:
    """The model's matrices as float64 numpy arrays, and where each residual segment starts."""

    def __init__(self, model: Transformer) -> None:
        self.config = model.config
        self.d = model.config.d_model
        as_np = lambda t: t.detach().double().cpu().numpy()  # noqa: E731
        token_embed, pos_embed = as_np(model.token_embed), as_np(model.pos_embed)
        self.embed = np.abs(token_embed).sum(0) + np.abs(pos_embed).sum(0)
        self.heads: list[list[dict[str, np.ndarray]]] = []
        self.mlps: list[dict[str, np.ndarray] | None] = []
        for layer in model.layers:
            self.heads.append([{name: as_np(getattr(head, name)) for name in ("W_Q", "W_K", "W_V", "W_O")}
                               for head in layer.heads])
            self.mlps.append(None if layer.mlp is None else
                             {name: as_np(getattr(layer.mlp, name)) for name in ("W_in", "b_in", "W_out", "b_out")})
        self.n_sublayers = 2 * len(self.mlps)
        # written[k]: the dimensions sublayer k writes into (a new segment starts at boundary k+1)
        self.written = []
        for heads, mlp in zip(self.heads, self.mlps):
            attn = np.zeros(self.d, dtype=bool)
            for head in heads:
                attn |= np.abs(head["W_O"]).sum(0) > 0
            self.written.append(attn)
            self.written.append(np.zeros(self.d, dtype=bool) if mlp is None else
                                (np.abs(mlp["W_out"]).sum(0) > 0) | (mlp["b_out"] != 0))
        # a dimension the embeddings set alike at every content position (every token, every position
        # after BOS) and no sublayer writes is a constant there: a bias, not a wire (the compiler's
        # `one` and `bos`); its reads are biases, which the graph leaves out
        rows = token_embed[2:] if len(token_embed) > 2 else token_embed
        constant = (np.ptp(rows, axis=0) == 0) & (np.ptp(pos_embed[1:], axis=0) == 0 if len(pos_embed) > 1 else True)
        self.bias = constant & ~np.array(self.written).reshape(-1, self.d).any(axis=0)
        self.start = np.zeros((self.n_sublayers + 1, self.d), dtype=int)  # segment start at each boundary
        for k, written in enumerate(self.written):
            self.start[k + 1] = np.where(written, k + 1, self.start[k])

    def segments(self, boundary: int) -> list[str]:
        """The residual node of every dimension at `boundary`."""
        return [f"resid:{i}@{b}" for i, b in enumerate(self.start[boundary].tolist())]

    def head_circuits(self, head: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(query edge per dim, key edge per dim, |W_V W_O|): the weights-only edges of a head."""
        qk = np.abs(head["W_Q"] @ head["W_K"].T)
        top = qk.max() if qk.size and qk.max() > 0 else 1.0
        return qk.sum(1) / top, qk.sum(0) / top, np.abs(head["W_V"] @ head["W_O"])


class _Activity:
    """Mean absolute activations on data: of each residual dimension at each boundary, each MLP unit,
    and each head's mixed values (the source of its output edges)."""

    def __init__(self, model: Transformer, data: Sequence[Sequence]) -> None:
        if not len(data):
            raise InputError("data: no inputs to weigh the activations on")
        with torch.inference_mode():
            ids = model.encode([list(x) for x in data])
            _, residuals = model(ids, return_residuals=True)
            keep = (ids != model.config.tokens().index(model.config.pad)).double()[..., None]
            count = keep.sum()
            mean = lambda t: ((t.double().abs() * keep).sum((0, 1)) / count).numpy()  # noqa: E731
            self.resid = [mean(r) for r in residuals]
            self.units, self.mixed = [], []
            T = ids.shape[1]
            masked = (ids == model.config.tokens().index(model.config.pad))[:, None, :]
            if model.config.causal:
                masked = masked | torch.ones(T, T, dtype=torch.bool).triu(diagonal=1)
            for L, layer in enumerate(model.layers):
                x = residuals[2 * L]
                mixed = []
                for head in layer.heads:
                    scores = (x @ head.W_Q) @ (x @ head.W_K).transpose(-1, -2)
                    pattern = torch.softmax(scores.masked_fill(masked, float("-inf")), dim=-1)
                    mixed.append(mean(pattern @ (x @ head.W_V)))
                self.mixed.append(mixed)
                y = residuals[2 * L + 1]
                self.units.append(None if layer.mlp is None else mean(torch.relu(y @ layer.mlp.W_in + layer.mlp.b_in)))


def _unit_blocks(w: _Weights, act: _Activity | None) -> WeightGraph:
    blocks: list[Block] = []
    nodes: dict[str, dict] = {}
    for k in range(w.n_sublayers + 1):
        for i, b in enumerate(w.start[k].tolist()):
            nodes.setdefault(f"resid:{i}@{b}", {"kind": "resid", "dim": i, "boundary": b})
    ones = lambda n: np.ones(n)  # noqa: E731
    for L, (heads, mlp) in enumerate(zip(w.heads, w.mlps)):
        k = 2 * L
        reads, writes = w.segments(k), w.segments(k + 1)
        source = (act.resid[k] if act else ones(w.d)) * ~w.bias
        for h, head in enumerate(heads):
            name = f"head:{L}.{h}"
            nodes[name] = {"kind": "head", "layer": L, "head": h}
            query, key, ov = w.head_circuits(head)
            value = ov.sum(1)
            if act:
                out = act.mixed[L][h] @ np.abs(head["W_O"])
            else:
                out = ov.sum(0)
            incoming = (query + key + value) * source
            blocks.append(Block(f"{name}.read", "read", reads, [name], incoming[:, None]))
            blocks.append(Block(f"{name}.write", "write", [name], writes, out[None, :]))
        if mlp is not None:
            k = 2 * L + 1
            reads, writes = w.segments(k), w.segments(k + 1)
            units = [f"mlp:{L}.{u}" for u in range(mlp["W_in"].shape[1])]
            for u, unit in enumerate(units):
                nodes[unit] = {"kind": "mlp", "layer": L, "unit": u}
            source = (act.resid[k] if act else ones(w.d)) * ~w.bias
            unit_activity = act.units[L] if act else ones(len(units))
            blocks.append(Block(f"mlp:{L}.in", "read", reads, units, np.abs(mlp["W_in"]) * source[:, None]))
            blocks.append(Block(f"mlp:{L}.out", "write", units, writes,
                                np.abs(mlp["W_out"]) * unit_activity[:, None]))
    blocks.append(_identity_block(w))
    return WeightGraph("unit", blocks, nodes)


def _identity_block(w: _Weights) -> Block:
    """Residual connections between consecutive segments of a dimension, where the earlier one holds
    something (the embedding or a sublayer wrote it)."""
    sources, targets = [], []
    for i in range(w.d):
        starts = sorted(set(w.start[:, i].tolist()))
        for a, b in zip(starts, starts[1:]):
            if (a > 0 or w.embed[i] > 0) and not w.bias[i]:
                sources.append(f"resid:{i}@{a}")
                targets.append(f"resid:{i}@{b}")
    return Block("residual", "identity", sources, targets, np.eye(len(sources)))


def _component_graph(w: _Weights, unit: WeightGraph) -> WeightGraph:
    """Contract the residual segments: writer -> reader weight sum_i out[i] * in[i] through each segment."""
    writers: dict[str, dict[str, float]] = {}  # segment -> component -> weight into it
    readers: dict[str, dict[str, float]] = {}  # segment -> component -> weight out of it
    component = lambda node: node if node.startswith("head:") else node.split(".")[0]  # noqa: E731
    for i, b in enumerate(w.start[0].tolist()):
        if w.embed[i] > 0 and not w.bias[i]:
            writers.setdefault(f"resid:{i}@{b}", {})["embed"] = float(w.embed[i])
    for i in w.config.output_dims:
        readers.setdefault(f"resid:{i}@{w.start[-1, i]}", {})["unembed"] = 1.0
    for block in unit.blocks:
        if block.kind == "identity":
            continue
        for a, src in enumerate(block.sources):
            for b, dst in enumerate(block.targets):
                weight = float(block.weights[a, b])
                if not weight:
                    continue
                if block.kind == "read":
                    table, segment, comp = readers, src, component(dst)
                else:
                    table, segment, comp = writers, dst, component(src)
                table.setdefault(segment, {})
                table[segment][comp] = table[segment].get(comp, 0.0) + weight
    names = sorted({c for t in (writers, readers) for row in t.values() for c in row})
    index = {c: j for j, c in enumerate(names)}
    matrix = np.zeros((len(names), len(names)))
    for i in range(w.d):  # a segment's readers read everything written into it and its predecessors
        upstream: dict[str, float] = {}
        for start in sorted(set(w.start[:, i].tolist())):
            segment = f"resid:{i}@{start}"
            for writer, out in writers.get(segment, {}).items():
                upstream[writer] = upstream.get(writer, 0.0) + out
            for reader, into in readers.get(segment, {}).items():
                for writer, out in upstream.items():
                    matrix[index[writer], index[reader]] += out * into
    nodes = {c: {"kind": c.split(":")[0]} for c in names}
    return WeightGraph("component", [Block("composition", "read", names, names, matrix)], nodes)
