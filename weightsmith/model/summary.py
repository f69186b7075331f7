"""Sizes and residual layout of a model, for `weightsmith compile`'s table and `weightsmith explain`.

Narrowness is one of the compiler's promises, so these are the numbers that get compared against Tracr:
layers, heads, d_model, d_mlp and parameters (total, and how many are nonzero, since compiled weights are
sparse). The layout says which s-op value lives in which residual dimension, layer by layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from weightsmith.model.config import ModelConfig
from weightsmith.model.transformer import Transformer


@dataclass
class ResidualStage:
    """The residual labels that hold from `name` on: one (dim, label) pair per residual dimension."""

    name: str
    dims: list[tuple[int, str]]


def summary(model: Transformer) -> dict:
    """Layers, heads (per layer and total), d_model, d_mlp (max and total), parameters (total and nonzero)."""
    layers = model.config.layers
    d_mlps = [layer.d_mlp for layer in layers]
    parameters = list(model.parameters())
    return {
        "layers": len(layers),
        "heads_per_layer": [len(layer.heads) for layer in layers],
        "heads": sum(len(layer.heads) for layer in layers),
        "d_model": model.config.d_model,
        "d_mlp_max": max(d_mlps, default=0),
        "d_mlp_total": sum(d_mlps),
        "parameters": sum(p.numel() for p in parameters),
        "parameters_nonzero": sum(int(p.count_nonzero()) for p in parameters),
    }


def residual_layout(config: ModelConfig) -> list[ResidualStage]:
    """The residual labels per stage.

    Without `layer_labels` every dimension keeps one label throughout: a single stage "all layers".
    With them (the compiler reused dead dimensions), one stage per sublayer: "layer 0 attn", "layer 0 mlp", ...
    """
    if config.layer_labels is None:
        return [ResidualStage("all layers", list(enumerate(config.residual_labels)))]
    loop = config.loop
    block = range(0) if loop is None else range(loop.first_layer, loop.first_layer + loop.n_layers)
    names = [f"layer {i} {sublayer}" + (" (loop)" if i in block else "")
             for i in range(len(config.layers)) for sublayer in ("attn", "mlp")]
    return [ResidualStage(name, list(enumerate(labels))) for name, labels in zip(names, config.layer_labels)]


def loop_description(config: ModelConfig) -> str | None:
    """How a looped model runs, in one sentence (None without a loop)."""
    loop = config.loop
    if loop is None:
        return None
    first, last = loop.first_layer, loop.first_layer + loop.n_layers - 1
    label = lambda dim: config.residual_labels[dim].split("|")[0]
    after = f"layers {last + 1}-{len(config.layers) - 1} once after" if last + 1 < len(config.layers) else "nothing after"
    return (f"loop: layers {first}-{last} are one block with shared weights, run again and again until dim "
            f"{loop.stop_dim} ({label(loop.stop_dim)}) reads 1 at the first position (at most max_steps + 1 = "
            f"{loop.max_steps + 1} times); layers 0-{first - 1} run once before, {after}; steps in dim "
            f"{loop.steps_dim} ({label(loop.steps_dim)}), halted in dim {loop.halted_dim} ({label(loop.halted_dim)})")
