"""Ground truth for module finding: which s-op each node of a compiled model's weight graph implements.

The compiler knows it. A head belongs to the s-op its `HeadInfo` names (a helper such as a
SelectorWidth's `target_pos[1/(w+1)]` to the s-op it serves, `target_pos`). A residual segment belongs
to the s-op holding its dimension at that boundary (`layer_labels`, or `residual_labels` where the
compiler reused nothing); `one` and `bos` serve everyone and free dimensions no one, so they have no
module and are left out of the scores. An MLP unit belongs to the s-op whose dimensions it writes —
except an eraser (a unit that writes only dimensions it also reads: it clears a dead s-op so its
dimensions can be reused), which belongs to the s-op it clears.

`rotate_residual` hides the basis: a random orthogonal Q applied to the residual stream (every write
multiplied by Q on the right, every read by Q^T on the left) computes the same function, but a
residual dimension no longer belongs to one s-op. After it, only heads and MLP units have a truth.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from weightsmith.compiler import CompiledModel
from weightsmith.compiler.types import TYPE_SUFFIX
from weightsmith.model import Transformer
from weightsmith.modules.graph import WeightGraph, weight_graph
from weightsmith.modules.partition import METHODS, find_modules, gomory_hu_modules, gomory_hu_tree, sparsified
from weightsmith.modules.scores import adjusted_rand, normalized_mutual_information

SHARED = ("one", "bos", "(free)")


def sop_of(label: str) -> str | None:
    """The s-op a residual label belongs to: `sort:3` -> sort, `target_pos[1/(w+1)]:num` -> target_pos.
    An output's type case (`frac[type]:one`, `compiler.types`) is a computation of its own: the value
    does not depend on it, nor it on the value."""
    name = label.split(":", 1)[0]
    if name in SHARED or not name:
        return None
    return name if name.endswith(TYPE_SUFFIX) else re.sub(r"\[.*\]$", "", name)


def compiled_truth(compiled: CompiledModel, weights: WeightGraph) -> dict[str, str]:
    """The s-op of every node of a unit-level weight graph of `compiled.model` that has one."""
    config = compiled.config
    labels = [config.residual_labels] + (config.layer_labels or [config.residual_labels] * 2 * len(config.layers))
    if config.layer_labels is not None:  # boundary 0 holds what the embeddings write: the first tenant
        labels[0] = [label.split("|", 1)[0] for label in config.residual_labels]
    heads = {(h.layer, h.head): sop_of(h.label) for h in compiled.heads}
    truth: dict[str, str | None] = {}
    for node, data in weights.nodes.items():
        kind = data["kind"]
        if kind == "resid":
            truth[node] = sop_of(labels[data["boundary"]][data["dim"]])
        elif kind == "head":
            truth[node] = heads.get((data["layer"], data["head"]))
        elif kind == "mlp":
            truth[node] = _unit_sop(compiled.model, labels, data["layer"], data["unit"])
    return {node: sop for node, sop in truth.items() if sop is not None}


def _unit_sop(model: Transformer, labels: list[list[str]], layer: int, unit: int) -> str | None:
    mlp = model.layers[layer].mlp
    writes = set(torch.nonzero(mlp.W_out[unit]).flatten().tolist())
    reads = set(torch.nonzero(mlp.W_in[:, unit]).flatten().tolist())
    before, after = labels[2 * layer + 1], labels[2 * layer + 2]
    eraser = bool(writes) and writes <= reads
    sops = {sop_of((before if eraser else after)[i]) for i in writes} - {None}
    return sops.pop() if len(sops) == 1 else None


def rotate_residual(model: Transformer, seed: int) -> Transformer:
    """The same model with its residual stream in a random orthogonal basis (same outputs up to the
    read-out, which now needs the rotation undone: this is for graph experiments, not for decoding)."""
    d = model.config.d_model
    rng = np.random.default_rng(seed)
    q, r = np.linalg.qr(rng.standard_normal((d, d)))
    Q = torch.from_numpy(q * np.sign(np.diag(r))).to(torch.float64)  # Haar-distributed
    rotated = {}
    for name, tensor in model.state_dict().items():
        t = tensor.double()
        last = name.rsplit(".", 1)[-1]
        if last in ("token_embed", "pos_embed", "W_O", "W_out") or name in ("token_embed", "pos_embed"):
            t = t @ Q
        elif last == "b_out":
            t = t @ Q
        elif last in ("W_Q", "W_K", "W_V", "W_in"):
            t = Q.T @ t
        rotated[name] = t
    return Transformer.from_weights(model.config, rotated, dtype=torch.float64)


@dataclass
class Recovery:
    """How well each method recovers a compiled model's s-op modules: ARI and NMI over every node with
    a truth (`all`) and over the heads and MLP units only (`ops`: the only nodes with a truth after a
    rotation), with k = the number of true modules."""

    k: int
    nodes: int
    edges: int
    tree_seconds: float
    scores: dict[str, dict[str, float]]  # method -> {"ari_all", "nmi_all", "ari_ops", "nmi_ops"}


def recovery(compiled: CompiledModel, methods: Sequence[str] = tuple(METHODS), rotation_seed: int | None = None,
             per_node: int | None = None, max_nodes: int | None = None) -> Recovery:
    """Find modules in `compiled.model` (rotated first if `rotation_seed` is given; its graph
    `sparsified` to `per_node` edges a node if given) with each method and score them against the
    compiler's truth (see `compiled_truth`). ValueError if the graph has more than `max_nodes` nodes."""
    truth = compiled_truth(compiled, weight_graph(compiled.model))
    model = compiled.model if rotation_seed is None else rotate_residual(compiled.model, rotation_seed)
    graph = weight_graph(model).graph
    if max_nodes is not None and graph.number_of_nodes() > max_nodes:
        raise ValueError(f"{graph.number_of_nodes()} nodes, more than {max_nodes}")
    if per_node is not None:
        graph = sparsified(graph, per_node)
    if rotation_seed is not None:  # the residual's basis is hidden: only the units keep their truth
        truth = {node: sop for node, sop in truth.items() if not node.startswith("resid:")}
    ops = {node: sop for node, sop in truth.items() if not node.startswith("resid:")}
    k = len(set(truth.values()))
    start = time.perf_counter()
    tree = gomory_hu_tree(graph)
    seconds = time.perf_counter() - start
    scores = {}
    for method in methods:
        if method == "gh_lightest":
            found = gomory_hu_modules(graph, k, tree=tree)
        elif method == "gh_ratio":
            found = gomory_hu_modules(graph, k, cut="ratio", tree=tree)
        else:
            found = find_modules(graph, k, method)
        scores[method] = {}
        for name, part in (("all", truth), ("ops", ops)):
            present = {node: sop for node, sop in part.items() if node in found}
            if present:
                scores[method][f"ari_{name}"] = adjusted_rand(present, found)
                scores[method][f"nmi_{name}"] = normalized_mutual_information(present, found)
    return Recovery(k, graph.number_of_nodes(), graph.number_of_edges(), seconds, scores)
