"""A transformer whose every layer is K weight sets, attention heads and MLP alike, chosen per sequence.

`weight_attention.MultiTaskTransformer` routes only its MLPs and normalises its residual (pre-LN); that
suits learning from random weights, but no compiled model fits it: a compiled model has no layer norm,
unscaled attention scores (its proven scale is baked into W_Q) and heads that differ from task to task.
`SwitchableTransformer` is the shape compiled models *do* fit (`compiled_init.from_compiled`): no layer
norm, scores not divided by sqrt(d_qk) (as `model.Transformer`), and in every layer one router whose
weights over the K sets mix both the heads (the variant "for the attention projections") and the MLP, so
weight set k of every layer can be task k's own compiled layer. `forward(ids, route=...)` forces the
routing (e.g. one-hot by task), which is how exactness at initialisation is checked.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import Tensor, nn

from weightsmith.learn.weight_attention import Router


@dataclass(frozen=True)
class SetsSetup:
    vocab: int  # token ids: data tokens, then task tokens, then PAD (the last id)
    n_labels: int
    max_len: int
    d: int
    layers: int
    heads: int  # head slots per weight set and layer
    d_qk: int
    d_ov: int
    hidden: int  # MLP units per weight set
    k: int
    hard: bool = False


def mixed(weights: Tensor, per_set: Tensor) -> Tensor:
    """sum_k weights[b, k] * per_set[b, k, ...]: the output of the mixed weights, for any map linear in them.

    x @ (sum_k w_k W_k) == sum_k w_k (x @ W_k), so the layers below run every set on the whole batch as one
    large matrix product and mix the outputs, rather than building a weight matrix per sequence (the same
    function; on a CPU, K large products beat B small ones). Under one-hot routing the sum adds exact zeros."""
    return (weights.view(*weights.shape, *[1] * (per_set.dim() - 2)) * per_set).sum(1)


class WeightSetHeads(nn.Module):
    """K weight sets of `heads` attention heads; a sequence runs the routing-weighted sum of the sets.

    Scores are x W_Q (x W_K)^T, not divided by sqrt(d_qk): compiled heads carry their own scale. The random
    initialisation keeps random scores near unit size instead."""

    def __init__(self, d: int, heads: int, d_qk: int, d_ov: int, k: int):
        super().__init__()
        self.W_Q = nn.Parameter(torch.randn(k, heads, d, d_qk) / (d**0.5 * d_qk**0.25))
        self.W_K = nn.Parameter(torch.randn(k, heads, d, d_qk) / (d**0.5 * d_qk**0.25))
        self.W_V = nn.Parameter(torch.randn(k, heads, d, d_ov) / d**0.5)
        self.W_O = nn.Parameter(torch.randn(k, heads, d_ov, d) / (d_ov * heads) ** 0.5)

    def forward(self, x: Tensor, pad: Tensor, weights: Tensor) -> Tensor:
        q, key, value = (mixed(weights, torch.einsum("btd,khde->bkhte", x, W)) for W in (self.W_Q, self.W_K, self.W_V))
        scores = (q @ key.transpose(-1, -2)).masked_fill(pad[:, None, None, :], float("-inf"))
        heads = torch.softmax(scores, dim=-1) @ value  # [B, H, T, d_ov]
        return mixed(weights, torch.einsum("bhte,khed->bktd", heads, self.W_O))


class WeightSetMLP(nn.Module):
    """K weight sets of a ReLU MLP with biases (a compiled MLP has an output bias too), mixed per sequence."""

    def __init__(self, d: int, hidden: int, k: int):
        super().__init__()
        self.W_in = nn.Parameter(torch.randn(k, d, hidden) / d**0.5)
        self.b_in = nn.Parameter(torch.zeros(k, hidden))
        self.W_out = nn.Parameter(torch.randn(k, hidden, d) / hidden**0.5)
        self.b_out = nn.Parameter(torch.zeros(k, d))

    def forward(self, x: Tensor, weights: Tensor) -> Tensor:
        pre = mixed(weights, torch.einsum("btd,kdh->bkth", x, self.W_in)) + (weights @ self.b_in)[:, None]
        return mixed(weights, torch.einsum("bth,khd->bktd", torch.relu(pre), self.W_out)) + (weights @ self.b_out)[:, None]


class SwitchableTransformer(nn.Module):
    """Embeddings, layers of (K head sets, K MLP sets, one router), no layer norm, a linear read-out."""

    def __init__(self, setup: SetsSetup):
        super().__init__()
        s = self.setup = setup
        self.embed = nn.Embedding(s.vocab, s.d)
        self.pos = nn.Embedding(s.max_len, s.d)
        self.routers = nn.ModuleList(Router(s.d, s.k, s.hard) for _ in range(s.layers))
        self.attn = nn.ModuleList(WeightSetHeads(s.d, s.heads, s.d_qk, s.d_ov, s.k) for _ in range(s.layers))
        self.mlps = nn.ModuleList(WeightSetMLP(s.d, s.hidden, s.k) for _ in range(s.layers))
        self.out = nn.Linear(s.d, s.n_labels)

    def forward(self, ids: Tensor, route: Tensor | None = None) -> Tensor:
        """Logits [B, T, n_labels]. `route` [B, K] replaces every layer's router (forced routing)."""
        pad = ids == self.setup.vocab - 1
        mask = (~pad).float()
        x = self.embed(ids) + self.pos(torch.arange(ids.shape[1]))
        for router, attn, mlp in zip(self.routers, self.attn, self.mlps):
            weights = router(x, mask) if route is None else route
            x = x + attn(x, pad, weights)
            x = x + mlp(x, weights)
        return self.out(x)

    def routing(self) -> list[Tensor]:
        """The last batch's routing weights [B, K] of every layer (the routers', not a forced routing)."""
        return [router.last for router in self.routers]

    def weight_sets(self) -> list[Tensor]:
        """The parameters that hold the K weight sets (heads and MLPs), for distances from initialisation."""
        return [p for module in (*self.attn, *self.mlps) for p in module.parameters()]
