"""One neutral description of a transformer to extract from: embeddings, heads, MLPs, layer norms and an
unembedding, as plain tensors, with a forward pass that can (a) replace every layer norm by its linearised
form and (b) cut edges between components, putting a learned constant where a cut edge was.

Why a separate description: the extractor must read Hugging Face GPT-2 models (pre-LN, gelu, biases,
1/sqrt(d_head) scaling) and weightsmith's own models (no LN, ReLU, PAD keys masked, an output read from a
few residual dimensions) the same way, and must not care in which basis the residual stream is written
(a random rotation of it changes nothing here: every quantity the extractor uses is a product of a write
matrix and a read matrix).

Components are the writers into the residual stream: `tok`, `pos`, every head `L{l}H{h}` and every MLP
`L{l}M`; constant writes (biases) form an un-prunable `bias`. Consumers are the readers: each head's
q, k and v, each MLP, and the unembedding `out`. An edge is (writer, consumer). The linearised layer norm
("LLN", the anchor's assumption) is gamma * (x - mean x) / sqrt(c + eps) + beta with one learned constant
c per consumer, so the whole residual stream becomes a sum over writers and every read is linear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import torch
from torch import Tensor

from weightsmith.rasp.errors import InputError

LN_EPS = 1e-5


@dataclass
class Head:
    W_Q: Tensor  # [d, dh], the attention scale folded in
    b_Q: Tensor  # [dh]
    W_K: Tensor
    b_K: Tensor
    W_V: Tensor
    b_V: Tensor
    W_O: Tensor  # [dh, d]


@dataclass
class MLPWeights:
    W_in: Tensor
    b_in: Tensor
    W_out: Tensor
    b_out: Tensor
    act: str  # "relu" or "gelu_new"


@dataclass
class LayerWeights:
    heads: list[Head]
    b_attn: Tensor  # constant written after the heads (GPT-2's c_proj bias)
    mlp: Optional[MLPWeights]
    ln_attn: Optional[tuple[Tensor, Tensor]] = None  # (gamma, beta) read by q, k, v of every head
    ln_mlp: Optional[tuple[Tensor, Tensor]] = None


@dataclass
class Circuit:
    """A decoder (causal) or encoder transformer as tensors; `forward` is the reference semantics."""

    W_E: Tensor  # [V, d]
    W_P: Tensor  # [P, d]
    layers: list[LayerWeights]
    W_U: Tensor  # [d, n_out]
    b_U: Tensor  # [n_out]
    ln_final: Optional[tuple[Tensor, Tensor]]
    causal: bool
    pad_id: Optional[int] = None  # keys holding this token are masked (weightsmith models)
    names: list[str] = field(default_factory=list)  # token names, for listings

    @property
    def has_ln(self) -> bool:
        return self.ln_final is not None

    def writers(self) -> list[str]:
        out = ["tok", "pos"]
        for l, layer in enumerate(self.layers):
            out += [f"L{l}H{h}" for h in range(len(layer.heads))]
            if layer.mlp is not None:
                out.append(f"L{l}M")
        return out

    def consumers(self) -> list[tuple[str, list[str]]]:
        """Each consumer with the writers it can read (those before it), in execution order."""
        out: list[tuple[str, list[str]]] = []
        before = ["tok", "pos"]
        for l, layer in enumerate(self.layers):
            for h in range(len(layer.heads)):
                out += [(f"L{l}H{h}.{s}", list(before)) for s in "qkv"]
            before += [f"L{l}H{h}" for h in range(len(layer.heads))]
            if layer.mlp is not None:
                out.append((f"L{l}M", list(before)))
                before.append(f"L{l}M")
        out.append(("out", list(before)))
        return out

    def ln_of(self, consumer: str) -> Optional[tuple[Tensor, Tensor]]:
        if consumer == "out":
            return self.ln_final
        layer = self.layers[int(consumer[1:consumer.index("H" if "H" in consumer else "M")])]
        return layer.ln_attn if "H" in consumer else layer.ln_mlp


@dataclass
class Intervention:
    """How to run a circuit: LN mode, edge masks (1 keeps an edge) and the constants put in place of cut
    edges. `masks[consumer]` is a tensor over that consumer's readable writers (None: keep every edge), or [B, writers]: one mask per sequence."""

    linear_ln: bool = False
    log_var: Optional[dict[str, Tensor]] = None  # consumer -> log c (linear LN)
    masks: Optional[dict[str, Tensor]] = None
    ablation: Optional[dict[str, Tensor]] = None  # writer -> constant [d]
    exact_ln: frozenset[str] = frozenset()  # consumers whose LN stays exact (see `program.Normalise`)
    scores: Optional[dict[str, Tensor]] = None  # learned mask logits (stage 1): the order of further cuts


def _act(name: str, x: Tensor) -> Tensor:
    if name == "relu":
        return torch.relu(x)
    return 0.5 * x * (1.0 + torch.tanh(0.7978845608028654 * (x + 0.044715 * x.pow(3))))


def attention_masked(circuit: Circuit, ids: Tensor) -> Tensor:
    """True where a query may not look at a key: [B, T, T]."""
    B, T = ids.shape
    masked = torch.zeros(B, T, T, dtype=torch.bool)
    if circuit.causal:
        masked |= torch.ones(T, T, dtype=torch.bool).triu(1)
    if circuit.pad_id is not None:
        masked |= (ids == circuit.pad_id)[:, None, :]
    return masked


def forward(circuit: Circuit, ids: Tensor, positions: Tensor, how: Intervention = Intervention(),
            record: Optional[dict[str, Tensor]] = None, written: Optional[dict[str, Tensor]] = None) -> Tensor:
    """Output logits [B, T, n_out]; with `how`, linearised LN and/or cut edges (see `Intervention`);
    `record` receives each LN consumer's per-position input variance [B, T], `written` each writer's write
    [B, T, d]."""
    dtype = circuit.W_E.dtype
    writes: dict[str, Tensor] = {"tok": circuit.W_E[ids], "pos": circuit.W_P[positions]}
    bias = torch.zeros(circuit.W_E.shape[1], dtype=dtype)
    masked = attention_masked(circuit, ids)
    readable = dict(circuit.consumers())

    def read(consumer: str) -> Tensor:
        keep = None if how.masks is None else how.masks.get(consumer)
        total = bias.expand_as(writes["tok"])
        for i, writer in enumerate(readable[consumer]):
            if keep is None:
                total = total + writes[writer]
            else:
                const = how.ablation[writer] if how.ablation is not None else torch.zeros_like(bias)
                k = keep[..., i]
                if k.dim():  # a mask per sequence [B] (sampled masks while learning them)
                    k = k[:, None, None]
                total = total + k * writes[writer] + (1 - k) * const
        ln = circuit.ln_of(consumer)
        if ln is None:
            return total
        gamma, beta = ln
        if record is not None:
            record[consumer] = total.var(-1, unbiased=False)
        if how.linear_ln and consumer not in how.exact_ln:
            centred = total - total.mean(-1, keepdim=True)
            log_var = how.log_var[consumer]
            if log_var.dim():  # a table over positions: the constant of the position read at
                log_var = log_var[positions][..., None]
            return gamma * centred / torch.sqrt(log_var.exp() + LN_EPS) + beta
        return torch.nn.functional.layer_norm(total, total.shape[-1:], gamma, beta, LN_EPS)

    for l, layer in enumerate(circuit.layers):
        outs = {}
        for h, head in enumerate(layer.heads):
            name = f"L{l}H{h}"
            q = read(name + ".q") @ head.W_Q + head.b_Q
            k = read(name + ".k") @ head.W_K + head.b_K
            v = read(name + ".v") @ head.W_V + head.b_V
            pattern = torch.softmax((q @ k.transpose(-1, -2)).masked_fill(masked, float("-inf")), dim=-1)
            outs[name] = pattern @ v @ head.W_O
        writes.update(outs)
        bias = bias + layer.b_attn
        if layer.mlp is not None:
            mlp = layer.mlp
            writes[f"L{l}M"] = _act(mlp.act, read(f"L{l}M") @ mlp.W_in + mlp.b_in) @ mlp.W_out
            bias = bias + mlp.b_out
    if written is not None:
        written.update(writes)
    return read("out") @ circuit.W_U + circuit.b_U


def mean_writes(circuit: Circuit, ids: Tensor, positions: Tensor, real: Tensor) -> dict[str, Tensor]:
    """Each writer's mean write over the `real` (non-PAD) positions of the unmodified model: where the
    optimal-ablation constants start (mean ablation), so that cutting an edge starts from a faithful
    average instead of from zero (a zero write is far from anything the reader has seen)."""
    seen: dict[str, Tensor] = {}
    with torch.no_grad():
        forward(circuit, ids, positions, written=seen)
    return {name: write[real].mean(0) for name, write in seen.items()}


def variance_at_consumers(circuit: Circuit, ids: Tensor, positions: Tensor, real: Tensor) -> dict[str, Tensor]:
    """log of the mean residual variance each consumer's LN sees over the `real` (non-PAD) positions: the
    anchor's initial value for the linearised LN constants."""
    seen: dict[str, Tensor] = {}
    with torch.no_grad():
        forward(circuit, ids, positions, record=seen)
    return {name: var[real].mean().log() for name, var in seen.items()}


def from_gpt2(model, vocab: Optional[list[str]] = None) -> Circuit:
    """A Hugging Face GPT2LMHeadModel as a circuit (float64, the 1/sqrt(d_head) scale folded into W_Q);
    `vocab` names the token ids (for listings and the BOS/SEP/EOS primitives)."""
    cfg = model.config
    if getattr(cfg, "scale_attn_by_inverse_layer_idx", False) or getattr(cfg, "reorder_and_upcast_attn", False):
        raise InputError("GPT-2 options scale_attn_by_inverse_layer_idx / reorder_and_upcast_attn are not supported")
    if cfg.activation_function not in ("gelu_new", "relu"):
        raise InputError(f"activation {cfg.activation_function!r} is not supported (gelu_new, relu)")
    t = {name: p.detach().double() for name, p in model.named_parameters()}
    d, H = cfg.n_embd, cfg.n_head
    dh = d // H
    scale = 1.0 / dh ** 0.5 if cfg.scale_attn_weights else 1.0
    layers = []
    for l in range(cfg.n_layer):
        p = f"transformer.h.{l}."
        W, b = t[p + "attn.c_attn.weight"], t[p + "attn.c_attn.bias"]  # Conv1D: [d, 3d]
        Wp = t[p + "attn.c_proj.weight"]
        heads = []
        for h in range(H):
            cols = slice(h * dh, (h + 1) * dh)
            heads.append(Head(W_Q=W[:, :d][:, cols] * scale, b_Q=b[:d][cols] * scale,
                              W_K=W[:, d:2 * d][:, cols], b_K=b[d:2 * d][cols],
                              W_V=W[:, 2 * d:][:, cols], b_V=b[2 * d:][cols], W_O=Wp[cols, :]))
        # the value bias always sums to b_V (attention rows sum to 1): a constant write
        b_attn = t[p + "attn.c_proj.bias"] + sum(head.b_V @ head.W_O for head in heads)
        for head in heads:
            head.b_V = torch.zeros_like(head.b_V)
        mlp = MLPWeights(t[p + "mlp.c_fc.weight"], t[p + "mlp.c_fc.bias"], t[p + "mlp.c_proj.weight"],
                         t[p + "mlp.c_proj.bias"], cfg.activation_function)
        layers.append(LayerWeights(heads, b_attn, mlp, (t[p + "ln_1.weight"], t[p + "ln_1.bias"]),
                                   (t[p + "ln_2.weight"], t[p + "ln_2.bias"])))
    W_E = t["transformer.wte.weight"]
    W_U = t.get("lm_head.weight", W_E).T
    return Circuit(W_E=W_E, W_P=t["transformer.wpe.weight"], layers=layers, W_U=W_U.clone(),
                   b_U=torch.zeros(W_U.shape[1], dtype=torch.float64),
                   ln_final=(t["transformer.ln_f.weight"], t["transformer.ln_f.bias"]), causal=True,
                   names=list(vocab or []))


def from_weightsmith(model, rotation: Optional[np.ndarray] = None) -> Circuit:
    """A weightsmith `Transformer` as a circuit whose output is its unembedding's output logits; with
    `rotation` (orthogonal [d, d]) every write is rotated and every read counter-rotated, so the circuit
    computes the same function in a basis the extractor cannot read."""
    cfg = model.config
    d = cfg.d_model
    R = torch.eye(d, dtype=torch.float64) if rotation is None else torch.as_tensor(rotation, dtype=torch.float64)
    t = {name: p.detach().double() for name, p in model.named_parameters()}
    layers = []
    for l, layer_cfg in enumerate(cfg.layers):
        heads = []
        for h, head_cfg in enumerate(layer_cfg.heads):
            p = f"layers.{l}.heads.{h}."
            heads.append(Head(W_Q=R.T @ t[p + "W_Q"], b_Q=torch.zeros(head_cfg.d_qk, dtype=torch.float64),
                              W_K=R.T @ t[p + "W_K"], b_K=torch.zeros(head_cfg.d_qk, dtype=torch.float64),
                              W_V=R.T @ t[p + "W_V"], b_V=torch.zeros(head_cfg.d_ov, dtype=torch.float64),
                              W_O=t[p + "W_O"] @ R))
        mlp = None
        if layer_cfg.d_mlp:
            p = f"layers.{l}.mlp."
            mlp = MLPWeights(R.T @ t[p + "W_in"], t[p + "b_in"], t[p + "W_out"] @ R, t[p + "b_out"] @ R, "relu")
        layers.append(LayerWeights(heads, torch.zeros(d, dtype=torch.float64), mlp))
    unembed, bias = cfg.unembedding()  # the output's logits (not the type scores): a dim each, or codes
    n_out = cfg.n_output_logits()
    W_U = R.T @ torch.from_numpy(unembed[:, :n_out])
    tokens = cfg.tokens()
    return Circuit(W_E=t["token_embed"] @ R, W_P=t["pos_embed"] @ R, layers=layers, W_U=W_U,
                   b_U=torch.from_numpy(bias[:n_out]), ln_final=None, causal=cfg.causal,
                   pad_id=tokens.index(cfg.pad), names=[str(x) for x in tokens])


def random_rotation(d: int, seed: int) -> np.ndarray:
    """A random orthogonal matrix (QR of a Gaussian, signs fixed so the draw is uniform)."""
    rng = np.random.default_rng(seed)
    q, r = np.linalg.qr(rng.standard_normal((d, d)))
    return q * np.sign(np.diag(r))
