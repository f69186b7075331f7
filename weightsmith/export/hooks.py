"""Which s-ops each `run_with_cache` hook of the TransformerLens export holds: the table researchers
need to find `sort_keys` in `cache["blocks.1.hook_resid_mid"]` (and which head computes it).

Residual hooks are labelled from the model config: `residual_labels`, or `layer_labels[k]` after
sublayer k when the compiler reused dimensions. Head hooks name the s-op a head writes, read off the
dimensions its W_O writes into (labelled after its sublayer). MLP hooks name the s-ops the MLP writes;
given the compiled model's `Circuit`, each unit range is named (and erasers told apart), which the
weights alone cannot do (an eraser writes the dimension a new tenant takes).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from weightsmith.model import Transformer

FREE = "(free)"


@dataclass
class HookRow:
    """One hook (or a slice of it: `index`) and the s-ops it holds or computes."""

    hook: str
    index: str  # "" (all of it), "head 1", "units 0:9", "dims 2:5"
    sops: list[str]


def sop_of(label: str) -> str:
    """`sort_keys:3` -> `sort_keys`; `one`, `bos` and `(free)` are their own names."""
    return label.partition(":")[0]


def labels_after(model: Transformer, sublayer: int) -> list[str]:
    """Each residual dimension's label after `sublayer` (-1: the embeddings; 2L: layer L's attention)."""
    config = model.config
    if config.layer_labels is None:
        return list(config.residual_labels)
    if sublayer >= 0:
        return list(config.layer_labels[sublayer])
    # the embeddings write the dims with a nonzero embedding column; the attention of layer 0 erases nothing
    written = (model.token_embed != 0).any(0) | (model.pos_embed != 0).any(0)
    first = config.layer_labels[0] if config.layer_labels else config.residual_labels
    return [label if w else FREE for label, w in zip(first, written.tolist())]


def _sops(labels: list[str]) -> list[str]:
    return [s for s in dict.fromkeys(map(sop_of, labels)) if s != FREE]


def _written(labels: list[str], columns) -> list[str]:
    """The s-ops of the dims whose column in a [n, d_model] write matrix is nonzero."""
    dims = (columns != 0).any(0).nonzero().flatten().tolist()
    return _sops([labels[d] for d in dims])


def hook_labels(model: Transformer, circuit=None) -> list[dict]:
    """Rows (hook, index, sops) for every residual, head and MLP hook of `to_hooked_transformer(model)`
    (`circuit`: the compiled model's `Circuit`, to name MLP unit ranges). The hooks of one head or one
    MLP share a row: `blocks.0.attn.hook_{q,k,v,z,attn_scores,pattern}`, index `head 0`. Residual hooks
    have one more dimension than the labels, the last: the PAD indicator of the export."""
    attn_only = not any(layer.d_mlp for layer in model.config.layers)
    embedded = labels_after(model, -1)
    rows = [HookRow("hook_embed", "", _written(embedded, model.token_embed.detach())),
            HookRow("hook_pos_embed", "", _written(embedded, model.pos_embed.detach()))]
    for i, layer in enumerate(model.layers):
        before, after_attn, after_mlp = labels_after(model, 2 * i - 1), labels_after(model, 2 * i), \
            labels_after(model, 2 * i + 1)
        rows.append(HookRow(f"blocks.{i}.hook_resid_pre", "", _sops(before)))
        written = []
        for h, head in enumerate(layer.heads):
            sops = _written(after_attn, head.W_O.detach())
            written += sops
            rows.append(HookRow(f"blocks.{i}.attn.hook_{{q,k,v,z,attn_scores,pattern}}", f"head {h}", sops))
        rows.append(HookRow(f"blocks.{i}.hook_attn_out", "", list(dict.fromkeys(written))))
        if not attn_only:
            rows.append(HookRow(f"blocks.{i}.hook_resid_mid", "", _sops(after_attn)))
        if layer.mlp is not None:
            for index, sops in _mlp_rows(i, layer, after_mlp, circuit):
                rows.append(HookRow(f"blocks.{i}.mlp.hook_{{pre,post}}", index, sops))
            rows.append(HookRow(f"blocks.{i}.hook_mlp_out", "", _written(after_mlp, layer.mlp.W_out.detach())))
        rows.append(HookRow(f"blocks.{i}.hook_resid_post", "", _sops(after_mlp)))
    return [asdict(row) for row in rows]


def _mlp_rows(layer_index: int, layer, labels: list[str], circuit) -> list[tuple[str, list[str]]]:
    component = None if circuit is None else next(
        (c for c in circuit.components if c.kind == "mlp" and c.layer == layer_index), None)
    if component is None:
        return [(f"units 0:{layer.mlp.W_in.shape[1]}", _written(labels, layer.mlp.W_out.detach()))]
    ranges = [(f"units {u.start}:{u.stop}", [u.sop]) for u in component.units]
    return ranges + [(f"units {u.start}:{u.stop}", [f"erases {u.sop}"]) for u in component.erasers]


def markdown_table(rows: list[dict]) -> str:
    """The rows as a Markdown table (for docs/export.md)."""
    lines = ["| hook | index | s-ops |", "|---|---|---|"]
    lines += [f"| `{r['hook']}` | {r['index']} | {', '.join(r['sops']) or '—'} |" for r in rows]
    return "\n".join(lines)
