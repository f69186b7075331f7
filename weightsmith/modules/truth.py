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

import numpy as np
import torch

from weightsmith.compiler import CompiledModel
from weightsmith.model import Transformer
from weightsmith.modules.graph import WeightGraph

SHARED = ("one", "bos", "(free)")


def sop_of(label: str) -> str | None:
    """The s-op a residual label belongs to: `sort:3` -> sort, `target_pos[1/(w+1)]:num` -> target_pos."""
    name = label.split(":", 1)[0]
    if name in SHARED or not name:
        return None
    return re.sub(r"\[.*\]$", "", name)


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
