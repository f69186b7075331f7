"""A weightsmith model as a TransformerLens `HookedTransformer`, computing the same numbers.

TransformerLens has one width per head, one head count and one MLP width per model, layer norm by
default, and no notion of a PAD token; our models have none of these. The mapping, each step exact:

- **widths**: every head is padded to the common `d_head` with zero columns (W_Q, W_K, W_V) and zero
  rows (W_O), every layer to the common head count with all-zero heads, every MLP to the common width
  with zero units (relu(0) * 0). A zero term adds an exact 0.0 to every sum, so nothing changes.
- **attention**: no scaling (`use_attn_scale=False`: the compiler baked its proven scale into W_Q),
  no layer norm, causal or bidirectional as the model is, softmax over the keys as ours.
- **PAD**: ours removes PAD keys from every softmax (score -inf). TransformerLens masks padding only
  in causal models, and only when given an attention mask, which also moves the position embeddings.
  So the mask goes into the weights: one residual dimension (the last, labelled `PAD_LABEL`) is 1 at
  PAD tokens and never written, and every head gets one more query/key column: the query reads a bias
  of `PAD_SCORE`, the key reads minus that dimension. A PAD key scores -1e30 below the others, so its
  softmax weight is exactly 0 in float32 and float64, as with -inf; every other score gets + 0.0.
  `model(ids)` then needs no mask argument.
- **MLPs at PAD**: ours also zeroes a PAD key's values, since nothing bounds the residual at padding
  (the compiler's tables are exact on real values only; a chain of compact lookups grows it ~770-fold
  a layer, to inf) and 0 * inf is NaN. Weights cannot zero values, so instead the residual at padding
  is kept from growing: every MLP unit reads the PAD dimension with weight -PAD_SCORE, so at a PAD
  position all units are off and the MLP adds only its bias. The residual there is then the
  embeddings, the biases and the heads' averages of real positions' values - it no longer compounds -
  and a PAD key's score and values stay finite. At real positions the PAD dimension is exactly 0 and
  the term adds exactly 0.0. So padded batches give ours at every real position (PAD positions hold
  other numbers than ours: both are decoded as PAD).
- **unembedding**: `W_U`, `b_U` are `ModelConfig.unembedding()`: they copy the output dimensions (one
  column per categorical value, or the one numerical dimension), or for a compact output read each
  value's code (column c_v, bias -(k - 1)), then the type dimensions where the model has them
  (`ModelConfig.output_types`: the scores that say whether a mean decodes as int 4 or float 4.0), so the
  logits are exactly what our `readout` gives; `decode_logits` decodes them with `Transformer.decode_logits`
  (argmax >= 0.5, numerical snapping, types). A pipe's `fed` dims follow them (`ModelConfig.readout_dims`), so
  `decode_logits` refuses what the model refuses: a switch's, pipe's or programmable model's inputs outside its
  domain (`weightsmith.model.domain`), from the logits and the ids.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import torch
from torch import Tensor

from weightsmith.export.extras import refuse_loops, require
from weightsmith.model import Transformer

PAD_LABEL = "(export:pad)"
PAD_SCORE = 1e30
FORMAT = "weightsmith-transformer-lens"


def hooked_config(model: Transformer) -> dict[str, Any]:
    """The `HookedTransformerConfig` arguments (JSON-ready) for `model`'s exported twin."""
    config = model.config
    heads = [head for layer in config.layers for head in layer.heads]
    d_mlp = max((layer.d_mlp for layer in config.layers), default=0)
    return {
        "n_layers": len(config.layers),
        "d_model": config.d_model + 1,  # + the PAD dimension
        "n_ctx": config.max_seq_len + 1,  # BOS + max_seq_len
        "d_head": max([1] + [head.d_qk + 1 for head in heads] + [head.d_ov for head in heads]),
        "n_heads": max([1] + [len(layer.heads) for layer in config.layers]),
        "d_mlp": d_mlp if d_mlp else None,
        "attn_only": not d_mlp,
        "d_vocab": len(config.tokens()),
        "d_vocab_out": config.unembedding()[0].shape[1],
        "act_fn": "relu",
        "normalization_type": None,
        "positional_embedding_type": "standard",
        "attention_dir": "causal" if config.causal else "bidirectional",
        "use_attn_scale": False,
        "default_prepend_bos": False,
        "dtype": str(model.token_embed.dtype).removeprefix("torch."),
        "device": "cpu",
    }


def to_hooked_transformer(model: Transformer) -> Any:
    """A `transformer_lens.HookedTransformer` computing `model`'s residual stream exactly (plus the
    PAD dimension, last) at every hook point, and its output read-out as logits.

    Feed it `model.encode(inputs)` ids; decode its logits with `decode_logits(model, logits, ...)`.
    Raises MissingExtra when TransformerLens is not installed.
    """
    lens = require("transformer_lens", "exporting to TransformerLens")
    refuse_loops(model.config, "a TransformerLens export")
    hooked = _hooked(lens, hooked_config(model))
    state = hooked.state_dict()
    state.update(_weights(model, hooked.cfg))
    hooked.load_state_dict(state, strict=True)
    hooked.eval()
    return hooked


def _hooked(lens, arguments: dict[str, Any]) -> Any:
    """An (unfilled) HookedTransformer. TransformerLens 3 warns that it goes away in 4.0 in favour of
    TransformerBridge, which wraps Hugging Face models only; the extra pins TransformerLens < 4."""
    arguments = dict(arguments, dtype=getattr(torch, arguments["dtype"]), init_weights=False)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="HookedTransformer is deprecated", category=DeprecationWarning)
        return lens.HookedTransformer(lens.HookedTransformerConfig(**arguments))


def _weights(model: Transformer, cfg) -> dict[str, Tensor]:
    """Every parameter of the HookedTransformer, named as its state dict names them."""
    config, d = model.config, model.config.d_model
    D, H, d_head, dtype = cfg.d_model, cfg.n_heads, cfg.d_head, model.token_embed.dtype
    pad_id = config.tokens().index(config.pad)
    with torch.no_grad():
        W_E = torch.zeros(cfg.d_vocab, D, dtype=dtype)
        W_E[:, :d] = model.token_embed
        W_E[pad_id, d] = 1.0
        W_pos = torch.zeros(cfg.n_ctx, D, dtype=dtype)
        W_pos[:, :d] = model.pos_embed
        unembed, bias = config.unembedding()
        W_U = torch.zeros(D, cfg.d_vocab_out, dtype=dtype)
        W_U[:d] = torch.from_numpy(unembed)
        out = {"embed.W_E": W_E, "pos_embed.W_pos": W_pos, "unembed.W_U": W_U,
               "unembed.b_U": torch.from_numpy(bias).to(dtype)}
        for i, layer in enumerate(model.layers):
            W_Q, W_K, W_V, W_O = (torch.zeros(H, D, d_head, dtype=dtype), torch.zeros(H, D, d_head, dtype=dtype),
                                  torch.zeros(H, D, d_head, dtype=dtype), torch.zeros(H, d_head, D, dtype=dtype))
            b_Q = torch.zeros(H, d_head, dtype=dtype)
            for h, head in enumerate(layer.heads):
                d_qk, d_ov = head.W_Q.shape[1], head.W_V.shape[1]
                W_Q[h, :d, :d_qk], W_K[h, :d, :d_qk] = head.W_Q, head.W_K
                W_V[h, :d, :d_ov], W_O[h, :d_ov, :d] = head.W_V, head.W_O
                b_Q[h, d_qk] = PAD_SCORE  # the PAD column: query bias times minus the key's PAD dimension
                W_K[h, d, d_qk] = -1.0
            prefix = f"blocks.{i}."
            out |= {prefix + "attn.W_Q": W_Q, prefix + "attn.W_K": W_K, prefix + "attn.W_V": W_V,
                    prefix + "attn.W_O": W_O, prefix + "attn.b_Q": b_Q}
            for name in ("b_K", "b_V"):
                out[prefix + "attn." + name] = torch.zeros(H, d_head, dtype=dtype)
            out[prefix + "attn.b_O"] = torch.zeros(D, dtype=dtype)
            if not cfg.attn_only:
                W_in, b_in = torch.zeros(D, cfg.d_mlp, dtype=dtype), torch.zeros(cfg.d_mlp, dtype=dtype)
                W_out, b_out = torch.zeros(cfg.d_mlp, D, dtype=dtype), torch.zeros(D, dtype=dtype)
                if layer.mlp is not None:
                    n = layer.mlp.W_in.shape[1]
                    W_in[:d, :n], b_in[:n] = layer.mlp.W_in, layer.mlp.b_in
                    W_in[d, :n] = -PAD_SCORE  # every unit off at PAD positions: nothing compounds there
                    W_out[:n, :d], b_out[:d] = layer.mlp.W_out, layer.mlp.b_out
                out |= {prefix + "mlp.W_in": W_in, prefix + "mlp.b_in": b_in,
                        prefix + "mlp.W_out": W_out, prefix + "mlp.b_out": b_out}
    return out


def decode_logits(model: Transformer, logits: Tensor, lengths: list[int], ids: Tensor | None = None) -> list[list]:
    """The exported model's logits [B, T, d_vocab_out] (TransformerLens's, or ONNX's `readout`) decoded by
    `Transformer.decode_logits`, the path the model decodes its own read-out by (they are the same numbers: the
    unembedding is `config.unembedding()`): it refuses (InputError) the inputs the model refuses (a switch's
    selector and its components' domains, a pipe where a model in it outputs None - the logits carry its `fed`
    dims -, a programmable model's ops, a learned program's first token). Those checks read the token ids: for
    such a model `ids` must be given."""
    return model.decode_logits(logits, lengths, ids)


def save_hooked_transformer(model: Transformer, folder: str | Path, circuit=None) -> Path:
    """Write the exported model as `model.safetensors` (the HookedTransformer's parameters) and
    `config.json` (its config arguments, plus the vocabulary and output decoding to read it), with
    `hooks.json`, the hook-name -> s-op table (MLP unit ranges named when the compiled model's
    `circuit` is given). No pickle: loading executes nothing."""
    from safetensors.torch import save_file

    from weightsmith.export.hooks import hook_labels

    hooked = to_hooked_transformer(model)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    config = model.config
    document = {
        "format": FORMAT,
        "hooked_transformer_config": hooked_config(model),
        "tokens": config.tokens(),
        "output_encoding": config.output_encoding,
        "output_values": config.output_values,
        "output_label": config.output_label,
        "residual_labels": [*config.residual_labels, PAD_LABEL],
    }
    if config.output_types is not None:  # the logits after the output's: a score per type, the largest wins
        document["output_types"] = list(config.output_types["types"])
    if config.check_dims():  # the last logits: a pipe's `fed` flags, 1 where its first model outputs a value
        document["fed_logits"] = [config.residual_labels[d] for d in config.check_dims()]
    parameters = {name: p.detach().contiguous() for name, p in hooked.named_parameters()}
    save_file(parameters, str(folder / "model.safetensors"))
    (folder / "config.json").write_text(json.dumps(document, indent=1))
    (folder / "hooks.json").write_text(json.dumps(hook_labels(model, circuit), indent=1))
    return folder


def load_hooked_transformer(folder: str | Path) -> Any:
    """A HookedTransformer from a folder written by `save_hooked_transformer`."""
    from safetensors.torch import load_file

    lens = require("transformer_lens", "loading a TransformerLens export")
    folder = Path(folder)
    document = json.loads((folder / "config.json").read_text())
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"{folder / 'config.json'}: not a weightsmith TransformerLens export")
    hooked = _hooked(lens, document["hooked_transformer_config"])
    state = hooked.state_dict()
    state.update(load_file(str(folder / "model.safetensors")))
    hooked.load_state_dict(state, strict=True)
    return hooked.eval()
