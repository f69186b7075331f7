"""The trainable (relaxed) Transformer Program, and `discretise`, which turns it into the program.

Every discrete choice of `program.DiscreteProgram` has a continuous relaxation here that becomes the
choice as the temperature `tau` goes to 0:
- which variable a head or MLP reads: Gumbel-softmax over the variables present (one sample per step,
  shared by the batch, as in the paper);
- a predicate: per query value a Gumbel-softmax over key values ("one_hot", the paper's) or per entry a
  binary-concrete (logistic-noise sigmoid) gate ("binary": many-to-one predicates such as "less than";
  "mixed": binary for the numerical heads only);
- hard attention: a Gumbel-softmax at temperature tau of log(match) minus a small bias that grows with the
  rank of the key (closest match first; with several `config.orders`, a gated mix of their ranks); BOS has a fixed logit between a match and a non-match, so it wins only
  when nothing matches (as in the authors' code, attention logits are log match scores, so at tau = 1
  the weights are proportional to the soft match);
- counting heads: the soft match count, written as a categorical value by linear interpolation between
  the two nearest integers ("hat" encoding), exact at integers; with `count_where`, each key position
  counts as much as its value variable's slot is in the head's set (a binary-concrete gate per slot,
  starting near "every slot", the plain count); with `scopes`, per predicate cell a Gumbel-softmax over
  where its matches count (every key, only before or only after the query);
- MLPs: a learned table of logits over (first value, second value), Gumbel-softmax at temperature tau.
The classifier is linear over all variables' one-hot blocks, in both forms.

Gumbel noise on attention and MLP outputs (per position, as the paper samples them) matters: without it
the relaxed model learns to pass information in graded, half-on values, reaching ~97% training accuracy
while its discretisation scores 35-60% (sort, measured); with it the two track each other.

With `recency_bias`, the gates start favouring the newest variables: a head in layer l > 0 those of
layer l - 1, an MLP the heads of its own layer (by that logit margin; layer 0 heads see only tokens and
positions). Uniform gates mostly settle on tokens and positions, which are always there and useful at
once; a module that reads what the one before it computed forms a deeper path from the start. Most-freq
(benchmark configuration, seed 0): 72.05% -> 79.88% validation accuracy of the trained program.

With `straight_through="choices"` the gates and predicates, with `"all"` also attention and MLP outputs,
are relaxed for gradients only: the forward pass takes the hard choice (argmax / threshold / hard
attention), so the trained function cannot exploit soft mixtures that do not survive discretisation.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from weightsmith.learn.program import SCOPES, MLP, DiscreteProgram, Head, ProgramConfig, match_rank, scope_mask


# BOS's attention logit: below every full match (log 1 - tie-break bias > -0.2), far above a non-match (log 1e-9).
_BOS_LOGIT = float(np.log(0.5) - 0.5)
STRAIGHT_THROUGH = ("none", "choices", "all")


class LayerParameters(nn.Module):
    def __init__(self, config: ProgramConfig, n_before: int, generator: torch.Generator, gate_std: float,
                 identity_bias: float = 0.0, recency_bias: float = 0.0):
        super().__init__()
        k, h, m = config.n_values, config.heads, config.mlps
        self.head_gates = nn.Parameter(torch.randn(h, 3, n_before, generator=generator) * gate_std)
        predicates = torch.randn(h, k, k, generator=generator) * 0.1
        start, stop = config.binary_predicates()
        predicates[start:stop] += identity_bias * (2 * torch.eye(k) - 1)  # binary ones start near key == query
        self.predicates = nn.Parameter(predicates)
        self.mlp_gates = nn.Parameter(torch.randn(m, 2, n_before + h, generator=generator) * gate_std)
        self.mlp_tables = nn.Parameter(torch.randn(m, k * k, k, generator=generator) * 0.1)
        if recency_bias:  # heads favour the previous layer's outputs, MLPs their own layer's heads (docstring)
            with torch.no_grad():
                self.head_gates[:, :, max(0, n_before - h - m):] += recency_bias
                self.mlp_gates[:, :, n_before:] += recency_bias
        # which match a categorical head reads (config.orders); with one order there is nothing to learn
        self.order_gates = nn.Parameter(torch.zeros(config.cat_heads, len(config.orders)))
        # which value slots a counting head counts (config.count_where); starts at "all of them"
        self.count_where = nn.Parameter(torch.full((config.count_heads, k), 3.0))
        # per predicate cell of a counting head, where its matches count (config.scopes); one: nothing to learn
        self.scopes = nn.Parameter(torch.zeros(config.count_heads, k, k, len(config.scopes)))


class TransformerProgramModel(nn.Module):
    def __init__(self, config: ProgramConfig, seed: int = 0, gate_std: float = 0.5, attention_tau: Optional[float] = None,
                 straight_through: str = "none", identity_bias: float = 0.0, read_last_layer: bool = False,
                 recency_bias: float = 0.0):
        super().__init__()
        self.config = config
        self.attention_tau = attention_tau
        if straight_through not in STRAIGHT_THROUGH:
            raise ValueError(f"straight_through must be one of {STRAIGHT_THROUGH}, got {straight_through!r}")
        self.hard_choices = straight_through in ("choices", "all")  # gates and predicates
        self.hard_values = straight_through == "all"  # attention, MLP outputs
        generator = torch.Generator().manual_seed(seed)
        self.layers = nn.ModuleList(
            LayerParameters(config, config.first_variable(layer), generator, gate_std, identity_bias, recency_bias)
            for layer in range(config.layers)
        )
        n_vars = len(config.variable_names())
        self.classifier = nn.Parameter(torch.zeros(n_vars, config.n_values, len(config.classes)))
        self.bias = nn.Parameter(torch.zeros(len(config.classes)))
        # which variables the classifier reads: all (the paper), or only the last layer's, so that the
        # prediction has to go through the attention and MLPs rather than around them
        reads = torch.ones(n_vars, dtype=torch.bool)
        if read_last_layer:
            reads[: config.first_variable(config.layers - 1)] = False
        self.register_buffer("reads", reads)
        width = config.max_len
        ranks = np.stack([match_rank(order, width) for order in config.orders])
        self.register_buffer("ranks", torch.as_tensor(ranks, dtype=torch.float32))  # [orders, L, L]
        masks = np.stack([scope_mask(scope, width) for scope in config.scopes])
        self.register_buffer("scope_masks", torch.as_tensor(masks, dtype=torch.float32))  # [scopes, L, L]
        self.tie_break = 0.2 / width  # total tie-break bias stays below 0.5, the match/BOS margin

    def _choose(self, logits: torch.Tensor, tau: float, noise: Optional[torch.Generator]) -> torch.Tensor:
        """A gate or predicate row: Gumbel-softmax over the last axis (plain softmax when noise is None)."""
        return self._harden(self._sample(logits, tau, noise), self.hard_choices)

    @staticmethod
    def _sample(logits: torch.Tensor, tau: float, noise: Optional[torch.Generator]) -> torch.Tensor:
        """Gumbel-softmax sample (softmax at `tau` when noise is None). Noise on attention and MLP outputs,
        as in the paper, keeps graded (half-on) values from carrying information the program cannot."""
        if noise is not None:
            u = torch.rand(logits.shape, generator=noise).clamp(1e-9, 1 - 1e-9)
            logits = logits - torch.log(-torch.log(u))
        return torch.softmax(logits / tau, dim=-1)

    @staticmethod
    def _harden(soft: torch.Tensor, hard: bool) -> torch.Tensor:
        """Straight-through when `hard`: the forward pass takes the argmax one-hot, gradients flow through `soft`."""
        if not hard:
            return soft
        one_hot = F.one_hot(soft.argmax(-1), soft.shape[-1]).to(soft.dtype)
        return one_hot - soft.detach() + soft

    def _predicate(self, logits: torch.Tensor, tau: float, noise: Optional[torch.Generator]) -> torch.Tensor:
        start, stop = self.config.binary_predicates()
        parts = [self._choose(logits[:start], tau, noise)] if start else []
        if stop > start:
            parts.append(self._subset(logits[start:stop], tau, noise))
        return torch.cat(parts) if parts else logits[:0]  # a layer without heads chooses no predicates

    def _subset(self, logits: torch.Tensor, tau: float, noise: Optional[torch.Generator]) -> torch.Tensor:
        """An independent in/out gate per entry (binary concrete: logistic noise, sigmoid at `tau`)."""
        if noise is not None:
            u = torch.rand(logits.shape, generator=noise).clamp(1e-9, 1 - 1e-9)
            logits = logits + torch.log(u) - torch.log1p(-u)
        soft = torch.sigmoid(logits / tau)
        return (soft > 0.5).to(soft.dtype) - soft.detach() + soft if self.hard_choices else soft

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor, tau: float, noise: Optional[torch.Generator] = None):
        """Class logits [B, L, C] of the relaxed model at temperature `tau`."""
        cfg = self.config
        batch, width = ids.shape
        k, nc = cfg.n_values, cfg.cat_heads
        positions = torch.arange(width)
        valid = positions[None, :] < lengths[:, None]
        count_mask = valid[:, None, :].expand(batch, width, width)
        if cfg.causal:
            count_mask = count_mask & torch.ones(width, width, dtype=torch.bool).tril()[None]
        cat_mask = count_mask & (positions > 0)[None, None, :]
        # The residual stream is a list of variables, each [B, L, K]; modules read gated mixtures of them.
        variables = [F.one_hot(ids, k).float(), F.one_hot(positions, k).float().expand(batch, width, k)]

        def read(gates: torch.Tensor) -> torch.Tensor:  # gates [..., n] -> [..., B, L, K]
            stream = torch.stack(variables).flatten(1)  # [n, B*L*K]: a plain matmul, no permuted copies
            return (gates.flatten(0, -2) @ stream).view(*gates.shape[:-1], batch, width, k)

        for layer in self.layers:
            query, key, value = read(self._choose(layer.head_gates, tau, noise)).unbind(1)  # [H, B, L, K]
            predicate = self._predicate(layer.predicates, tau, noise)  # [H, Kq, Kk]
            match = (query @ predicate[:, None]) @ key.transpose(-1, -2)  # [H, B, Lq, Lk]
            if nc:
                # Attention proportional to the match strength, times a position preference that sharpens
                # to "closest match first, BOS last" as tau falls.
                t = min(tau, self.attention_tau or tau)
                order = self._choose(layer.order_gates, tau, noise)  # [Hc, orders]
                rank = (order @ self.ranks.flatten(1)).view(nc, 1, width, width)
                logits = torch.log(match[:nc].clamp_min(1e-9)) - self.tie_break * rank
                logits = logits.masked_fill(~cat_mask, float("-inf"))
                bos = torch.full_like(logits[..., :1], _BOS_LOGIT)
                logits = torch.cat([bos, logits[..., 1:]], dim=-1)
                attention = self._harden(self._sample(logits, t, noise), self.hard_values)
                variables += list((attention @ value[:nc]).unbind(0))
            if cfg.count_heads:
                if cfg.scopes == ("all",):
                    counted = match[nc:] * count_mask  # [Hn, B, Lq, Lk]
                else:  # a match of query value a and key value b counts where the cell (a, b)'s scope says
                    cells = predicate[nc:, :, :, None] * self._choose(layer.scopes, tau, noise)  # [Hn, Kq, Kk, S]
                    keys = key[nc:].transpose(-1, -2)
                    counted = sum(((query[nc:] @ cells[:, None, ..., s]) @ keys) * self.scope_masks[s]
                                  for s in range(len(cfg.scopes))) * count_mask
                if cfg.count_where:
                    where = self._subset(layer.count_where, tau, noise)  # [Hn, K]
                    counted = counted * (value[nc:] @ where[:, None, :, None]).transpose(-1, -2)  # key j's weight
                counts = counted.sum(-1)  # [Hn, B, L]
                variables += list(_hat(counts, k).unbind(0))
            if cfg.mlps:
                first, second = read(self._choose(layer.mlp_gates, tau, noise)).unbind(1)  # [M, B, L, K]
                joint = (first.unsqueeze(-1) * second.unsqueeze(-2)).view(cfg.mlps, -1, k * k)
                out = self._harden(self._sample(joint @ layer.mlp_tables, tau, noise), self.hard_values)  # [M, B*L, K]
                variables += list(out.view(cfg.mlps, batch, width, k).unbind(0))
        # only the variables the classifier reads (the others would add exact zeros: same floats, 3x the work)
        read = self.reads.nonzero().flatten().tolist()
        stream = torch.stack([variables[v] for v in read]).view(len(read), batch * width, k)
        return (stream @ self.classifier[read]).sum(0).view(batch, width, -1) + self.bias

    @torch.no_grad()
    def discretise(self) -> DiscreteProgram:
        """Every choice fixed to its argmax (no noise): the program this model stands for."""
        return discretise(self)


@torch.no_grad()
def discretise(model: TransformerProgramModel) -> DiscreteProgram:
    """The discrete program of `model`: gates, predicate rows and table entries at their argmax."""
    cfg = model.config
    heads, mlps = [], []
    for layer in model.layers:
        gate = layer.head_gates.argmax(-1).tolist()
        orders = [cfg.orders[o] for o in layer.order_gates.argmax(-1).tolist()]
        where = (layer.count_where > 0).numpy()
        scopes = torch.as_tensor([SCOPES.index(s) for s in cfg.scopes])[layer.scopes.argmax(-1)].numpy()
        start, _ = cfg.binary_predicates()
        predicate = torch.cat([F.one_hot(layer.predicates[:start].argmax(-1), cfg.n_values).bool(),
                               layer.predicates[start:] > 0])
        heads.append([
            Head(
                "cat" if h < cfg.cat_heads else "count",
                gate[h][0],
                gate[h][1],
                gate[h][2] if h < cfg.cat_heads or cfg.count_where else None,
                predicate[h].numpy().copy(),
                orders[h] if h < cfg.cat_heads else "closest",
                where[h - cfg.cat_heads].copy() if h >= cfg.cat_heads and cfg.count_where else None,
                scopes[h - cfg.cat_heads].copy() if h >= cfg.cat_heads and cfg.scopes != ("all",) else None,
            )
            for h in range(cfg.heads)
        ])
        mlp_gate = layer.mlp_gates.argmax(-1).tolist()
        tables = layer.mlp_tables.argmax(-1).reshape(cfg.mlps, cfg.n_values, cfg.n_values)
        mlps.append([MLP(mlp_gate[m][0], mlp_gate[m][1], tables[m].numpy().astype(np.int64)) for m in range(cfg.mlps)])
    reads = model.reads.numpy().copy()
    classifier = model.classifier.double().numpy() * reads[:, None, None]
    return DiscreteProgram(cfg, heads, mlps, classifier, model.bias.double().numpy().copy(), reads)


def _hat(x: torch.Tensor, k: int) -> torch.Tensor:
    """A number in [0, k-1] as a one-hot vector interpolated between its two neighbouring integers."""
    x = x.clamp(0, k - 1)
    low = x.detach().floor().clamp(max=k - 2)
    frac = (x - low).unsqueeze(-1)
    low = low.long()
    return F.one_hot(low, k) * (1 - frac) + F.one_hot(low + 1, k) * frac
