"""Shrink a model without changing what it computes: drop dead units and heads, merge duplicate units.

The compiler builds each op's units on their own, so a model often holds
- MLP units that can never matter: no outgoing weight, or never active (no incoming weight and a bias
  of at most 0: relu(b) = 0);
- units that are positive multiples of one another: relu(c·z) = c·relu(z) for c > 0, so one unit with
  the other's outgoing weights added (times c) computes both (staircases over the same number share
  their ramps; lookup tables over the same operands share their rows);
- heads that write nothing (W_O or W_V all zero).
`shrink` removes them; the residual stream is untouched (every dimension stays where it was), so a
compiled model's reading guide still applies. Merging adds outgoing weights in float32, so exactness is
not assumed: check the shrunk model again (`verify`, or the arithmetic benchmark).
"""

from __future__ import annotations

import dataclasses

import torch

from weightsmith.model.config import LayerConfig
from weightsmith.model.transformer import Transformer


def shrink(model: Transformer) -> Transformer:
    """A smaller model computing the same function (up to float32 rounding of merged weights)."""
    weights = {"token_embed": model.token_embed.detach().clone(), "pos_embed": model.pos_embed.detach().clone()}
    layers = []
    for i, (layer, layer_config) in enumerate(zip(model.layers, model.config.layers)):
        kept = [(head, hc) for head, hc in zip(layer.heads, layer_config.heads)
                if head.W_O.detach().any() and head.W_V.detach().any()]
        for h, (head, _) in enumerate(kept):
            for name in ("W_Q", "W_K", "W_V", "W_O"):
                weights[f"layers.{i}.heads.{h}.{name}"] = getattr(head, name).detach().clone()
        d_mlp = 0
        if layer.mlp is not None:
            w_in, b_in, w_out = _merged_units(layer.mlp)
            d_mlp = len(b_in)
            if d_mlp:
                weights.update({f"layers.{i}.mlp.W_in": w_in, f"layers.{i}.mlp.b_in": b_in,
                                f"layers.{i}.mlp.W_out": w_out, f"layers.{i}.mlp.b_out": layer.mlp.b_out.detach().clone()})
        layers.append(LayerConfig(heads=[hc for _, hc in kept], d_mlp=d_mlp))
    config = dataclasses.replace(model.config, layers=layers)
    return Transformer.from_weights(config, weights, dtype=model.token_embed.dtype)


def _merged_units(mlp) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The MLP's live units, one per direction of (W_in column, b_in): duplicates' outputs summed."""
    w_in, b_in, w_out = mlp.W_in.detach(), mlp.b_in.detach(), mlp.W_out.detach()
    rows: dict[tuple, int] = {}
    kept_in, kept_b, kept_out, kept_scale = [], [], [], []
    for u in range(w_in.shape[1]):
        pre = torch.cat([w_in[:, u], b_in[u:u + 1]])
        if not w_out[u].any() or not (w_in[:, u].any() or b_in[u] > 0):
            continue  # writes nothing, or is never active
        scale = pre.abs().max()
        key = tuple((pre / scale).tolist())
        if key in rows:
            j = rows[key]  # this unit = (scale / scale_j) * unit j
            kept_out[j] = kept_out[j] + w_out[u] * (scale / kept_scale[j])
            continue
        rows[key] = len(kept_in)
        kept_in.append(w_in[:, u])
        kept_b.append(b_in[u])
        kept_out.append(w_out[u].clone())
        kept_scale.append(scale)
    if not kept_in:
        return w_in[:, :0], b_in[:0], w_out[:0]
    return torch.stack(kept_in, 1), torch.stack(kept_b), torch.stack(kept_out)
