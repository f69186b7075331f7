"""Attention over weights: a layer that holds K weight sets and lets each sequence choose among them.

The question (issue 22 §3): can a transformer *switch* between circuits by attending over weight matrices
instead of over positions? Each of the K weight sets has a learned key; the sequence emits a query (here:
the mean of its residual stream, so the task token can steer it), and the MLP it runs uses the
softmax-weighted combination of the K sets (soft routing) or the best-scoring one (hard, top-1, with a
straight-through gradient). Two baselines hold the same number of parameters: a plain MLP K times wider,
and a token-level mixture of experts (each position routes itself).

`MultiTaskTransformer` is a small pre-LN decoder-free transformer whose MLPs are one of the three kinds;
`routing()` reports, per sequence, the weights each weight-attention layer chose, for the routing tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import Tensor, nn

KINDS = ("dense", "moe", "weight_attention")


class Router(nn.Module):
    """Attention of a sequence query over K learned keys: the weight each sequence gives each weight set.

    The query is a linear map of the sequence's mean residual (over its non-PAD positions), so a task
    token anywhere in the sequence can steer it. Hard routing (top-1) keeps the soft weights' gradient
    (straight-through), so the keys still learn."""

    def __init__(self, d: int, k: int, hard: bool = False):
        super().__init__()
        self.k, self.hard = k, hard
        self.query = nn.Linear(d, d)
        self.keys = nn.Parameter(torch.randn(k, d) / d**0.5)
        self.last: Tensor | None = None

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1)  # [B, d]
        weights = torch.softmax(self.query(pooled) @ self.keys.T / x.shape[-1] ** 0.5, dim=-1)  # [B, K]
        self.last = weights.detach()  # the soft weights, also for hard routing (their entropy)
        if self.hard:
            top = F.one_hot(weights.argmax(-1), self.k).to(weights.dtype)
            weights = top + weights - weights.detach()
        return weights


class WeightAttentionMLP(nn.Module):
    """K MLPs' weights, mixed per sequence by its router: each sequence runs one MLP whose weights are the
    routing-weighted sum of the K sets (mixed once per sequence, then one MLP's work per token)."""

    def __init__(self, d: int, hidden: int, k: int, hard: bool = False):
        super().__init__()
        self.k = k
        self.W_in = nn.Parameter(torch.randn(k, d, hidden) / d**0.5)
        self.b_in = nn.Parameter(torch.zeros(k, hidden))
        self.W_out = nn.Parameter(torch.randn(k, hidden, d) / hidden**0.5)
        self.router = Router(d, k, hard)

    @property
    def last_routing(self) -> Tensor | None:
        return self.router.last

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        weights = self.router(x, mask)
        W_in = torch.einsum("bk,kdh->bdh", weights, self.W_in)
        b_in = weights @ self.b_in
        W_out = torch.einsum("bk,khd->bhd", weights, self.W_out)
        return torch.bmm(F.relu(torch.bmm(x, W_in) + b_in[:, None]), W_out)


class MoEMLP(nn.Module):
    """K experts, each position routed by a learned gate (soft), the usual mixture of experts."""

    def __init__(self, d: int, hidden: int, k: int):
        super().__init__()
        self.gate = nn.Linear(d, k)
        self.W_in = nn.Parameter(torch.randn(k, d, hidden) / d**0.5)
        self.b_in = nn.Parameter(torch.zeros(k, hidden))
        self.W_out = nn.Parameter(torch.randn(k, hidden, d) / hidden**0.5)

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        g = torch.softmax(self.gate(x), dim=-1)  # [B, T, K]
        h = F.relu(torch.einsum("btd,kdh->btkh", x, self.W_in) + self.b_in)
        return torch.einsum("btk,btkh,khd->btd", g, h, self.W_out)


class DenseMLP(nn.Module):
    def __init__(self, d: int, hidden: int):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, d))

    def forward(self, x: Tensor, mask: Tensor) -> Tensor:
        return self.net(x)


@dataclass(frozen=True)
class Setup:
    vocab: int  # token ids: data tokens, then task tokens, then PAD (the last id)
    n_labels: int
    max_len: int
    d: int = 64
    layers: int = 2
    heads: int = 4
    hidden: int = 64  # per weight set / expert; the dense MLP gets k times as many
    k: int = 4
    kind: str = "weight_attention"
    hard: bool = False


class MultiTaskTransformer(nn.Module):
    def __init__(self, setup: Setup):
        super().__init__()
        if setup.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {setup.kind!r}")
        s = self.setup = setup
        self.embed = nn.Embedding(s.vocab, s.d)
        self.pos = nn.Embedding(s.max_len, s.d)
        self.attn = nn.ModuleList(nn.MultiheadAttention(s.d, s.heads, batch_first=True) for _ in range(s.layers))
        self.norm1 = nn.ModuleList(nn.LayerNorm(s.d) for _ in range(s.layers))
        self.norm2 = nn.ModuleList(nn.LayerNorm(s.d) for _ in range(s.layers))

        def mlp() -> nn.Module:
            if s.kind == "dense":
                return DenseMLP(s.d, s.hidden * s.k)
            if s.kind == "moe":
                return MoEMLP(s.d, s.hidden, s.k)
            return WeightAttentionMLP(s.d, s.hidden, s.k, s.hard)

        self.mlps = nn.ModuleList(mlp() for _ in range(s.layers))
        self.out = nn.Linear(s.d, s.n_labels)

    def forward(self, ids: Tensor) -> Tensor:
        pad = ids == self.setup.vocab - 1
        mask = (~pad).float()
        x = self.embed(ids) + self.pos(torch.arange(ids.shape[1]))
        for attn, n1, n2, mlp in zip(self.attn, self.norm1, self.norm2, self.mlps):
            h = n1(x)
            x = x + attn(h, h, h, key_padding_mask=pad, need_weights=False)[0]
            x = x + mlp(n2(x), mask)
        return self.out(x)

    def routing(self) -> list[Tensor]:
        """The last batch's routing weights [B, K] of every weight-attention layer."""
        return [m.last_routing for m in self.mlps if isinstance(m, WeightAttentionMLP)]
