"""An ordinary transformer started from a compiled program's weights, then trained by gradient descent.

Issue 21 §2 case 3, the ordinary-transformer arm: is a program of a related task (hist for most-freq,
sort for sort-by-frequency, Dyck-1 for Dyck-2) a better start than random weights? The model is the one
architecture, `weightsmith.model.Transformer` (soft attention, ReLU MLPs, no layer norm), with a linear
read-out to the target task's classes (`Classifier`): the compiled model has no unembedding, it reads
its output dimensions, and the target's classes need not be the source's.

    config = ordinary_config(compiled.config, free_after=2, room=23, heads=2, d_head=8, d_mlp=64)
    warm = compiled_start(compiled, config, classes=task.labels)       # predicts as the program
    cold = random_start(config, classes=task.labels, seed=0)           # same shape, random weights

The shape is *ordinary*: every layer has the same number of heads of the same width and an MLP of the
same width, and the residual has `room` dimensions beyond the compiled ones, so the random arm is a
plain small transformer, not one shaped like a program. The compiled model occupies the first columns
of its layers' heads and MLPs, `free_before` layers after the first, and whatever it does not fix is
random but harmless at the start (as in `learn.compiled_init`): a head's extra query columns are
random while their key columns are zero (scores unchanged), extra value columns random while their
output rows are zero, extra MLP units random in and zero out, free layers random with zero outputs, room
dimensions random in the embeddings and read by nothing compiled. Zero on *both* sides of a product
would stay zero forever (its gradient is the product of the two), so one side is always random.

Before training the warm model predicts exactly what the compiled model outputs (where the read-out's
classes hold the source's output values; a test checks every input of a small space). Compiled
attention is hard by construction: its scores are scaled so that softmax is within a proven margin of
the selection, which also means the softmax passes almost no gradient to W_Q and W_K. `soften` divides
the compiled heads' query weights (their scores) by a factor, and `softest_exact` finds the largest
factor of a list at which the model still predicts as the program on given inputs: a start that is
still the program there, but whose attention can be moved by gradient descent.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Callable, Sequence

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from weightsmith.model import Transformer
from weightsmith.model.config import HeadConfig, LayerConfig, ModelConfig
from weightsmith.rasp.typed_tokens import token_index, token_key

IGNORE = -100  # the target of an unlabelled position (cross_entropy's ignore_index)


class Classifier(nn.Module):
    """`body` (a `Transformer`) and a linear read-out of its final residual: logits [B, T, classes]."""

    def __init__(self, body: Transformer, classes: Sequence) -> None:
        super().__init__()
        self.body = body
        self.classes = tuple(classes)
        self.readout = nn.Linear(body.config.d_model, len(self.classes))
        nn.init.zeros_(self.readout.weight)
        nn.init.zeros_(self.readout.bias)

    def forward(self, ids: Tensor) -> Tensor:
        return self.readout(self.body(ids))

    def targets(self, labels: Sequence[Sequence], length: int) -> Tensor:
        """Class indices [B, length] of per-position labels (None, and positions past an input's end: IGNORE)."""
        index = token_index(self.classes)
        out = torch.full((len(labels), length), IGNORE, dtype=torch.long)
        for b, row in enumerate(labels):
            for t, label in enumerate(row):
                if label is not None:
                    if token_key(label) not in index:
                        raise ValueError(f"input {b}, position {t}: label {label!r} is not among the classes {list(self.classes)}")
                    out[b, t] = index[token_key(label)]
        return out


def ordinary_config(compiled: ModelConfig, *, free_before: int = 0, free_after: int = 0, room: int = 0,
                    heads: int = 1, d_head: int = 1, d_mlp: int = 1) -> ModelConfig:
    """A uniform shape around `compiled`: its layers with `free_before` / `free_after` more, each layer at least
    `heads` heads of width `d_head` and an MLP of `d_mlp` units (more where the compiled model needs more),
    and `room` residual dimensions after the compiled ones."""
    for name, value in (("free_before", free_before), ("free_after", free_after), ("room", room)):
        if value < 0:
            raise ValueError(f"{name} must be >= 0, got {value}")
    if compiled.loop is not None:
        raise ValueError("a looped compiled model has no fixed layer count to start an ordinary transformer from")
    heads = max([heads, *(len(layer.heads) for layer in compiled.layers)])
    d_head = max([d_head, *(max(h.d_qk, h.d_ov) for layer in compiled.layers for h in layer.heads)])
    d_mlp = max([d_mlp, *(layer.d_mlp for layer in compiled.layers)])
    n_layers = free_before + len(compiled.layers) + free_after
    layers = [LayerConfig([HeadConfig(d_head, d_head) for _ in range(heads)], d_mlp) for _ in range(n_layers)]
    return dataclasses.replace(
        compiled, d_model=compiled.d_model + room, layers=layers, layer_labels=None, output_types=None,
        residual_labels=[*compiled.residual_labels, *(f"room:{r}" for r in range(room))])


def random_start(config: ModelConfig, classes: Sequence, seed: int) -> Classifier:
    """A `Classifier` of this shape with random weights (the control arm): embeddings N(0, 1); W_V, W_in with
    std 1/sqrt(fan-in); W_Q, W_K so that scores have unit variance (the model does not divide by sqrt(d_qk));
    W_O, W_out with std 1/sqrt(fan-in * 2 * layers), as GPT-2 scales residual writes (there is no layer norm
    here to undo a residual that doubles at every sublayer); biases and the read-out zero."""
    generator = torch.Generator().manual_seed(seed)
    body = Transformer(dataclasses.replace(config, residual_labels=[f"d:{i}" for i in range(config.d_model)]))
    d, writes = config.d_model, 2 * max(1, len(config.layers))

    def normal(parameter: Tensor, std: float) -> None:
        parameter.copy_(torch.randn(parameter.shape, generator=generator) * std)

    with torch.no_grad():
        normal(body.token_embed, 1.0)
        normal(body.pos_embed, 1.0)
        for layer in body.layers:
            for head in layer.heads:
                qk = head.W_Q.shape[1]
                normal(head.W_Q, (d * math.sqrt(qk)) ** -0.5)
                normal(head.W_K, (d * math.sqrt(qk)) ** -0.5)
                normal(head.W_V, d ** -0.5)
                normal(head.W_O, (head.W_O.shape[0] * writes) ** -0.5)
            if layer.mlp is not None:
                normal(layer.mlp.W_in, d ** -0.5)
                normal(layer.mlp.W_out, (layer.mlp.W_out.shape[0] * writes) ** -0.5)
    return Classifier(body, classes)


def compiled_start(compiled: Transformer, config: ModelConfig, classes: Sequence, *, free_before: int = 0,
                   seed: int = 0, gain: float = 10.0, soften: float = 1.0, readout: bool = True) -> Classifier:
    """A `Classifier` of shape `config` (from `ordinary_config(compiled.config, free_before=...)`) holding
    `compiled` (module docstring). The read-out puts `gain` on each compiled output dimension for its value's
    class, where `classes` has that value (same type and value), if `readout` (the values mean the same
    classes: Dyck-1's T/P/F for Dyck-2; not hist's counts for most-freq's tokens); the rest is zero. `soften` > 1
    divides the compiled heads' attention scores by it (no longer exact in general: see `softest_exact`)."""
    source = compiled.config
    _check_fits(source, config, free_before)
    model = random_start(config, classes, seed)
    body, dc = model.body, source.d_model
    body.config = config  # the warm arm's residual keeps the compiled labels
    with torch.no_grad():
        body.token_embed[:, :dc] = compiled.token_embed
        body.pos_embed[:, :dc] = compiled.pos_embed
        for i, layer in enumerate(body.layers):
            k = i - free_before
            held = compiled.layers[k] if 0 <= k < len(compiled.layers) else None
            for h, head in enumerate(layer.heads):
                head.W_O.zero_()
                if held is not None and h < len(held.heads):
                    _place_head(head, held.heads[h], dc, soften)
            if layer.mlp is not None:
                layer.mlp.b_in.zero_()
                layer.mlp.W_out.zero_()
                layer.mlp.b_out.zero_()
                if held is not None and held.mlp is not None:
                    _place_mlp(layer.mlp, held.mlp, dc)
        index = token_index(model.classes) if readout else {}
        for dim, value in zip(source.output_dims, source.output_values):
            if token_key(value) in index:
                model.readout.weight[index[token_key(value)], dim] = gain
    return model


def _check_fits(source: ModelConfig, config: ModelConfig, free_before: int) -> None:
    if list(config.tokens()) != list(source.tokens()) or config.max_seq_len != source.max_seq_len:
        raise ValueError("the shape must have the compiled model's tokens and max_seq_len (make it with ordinary_config)")
    if config.d_model < source.d_model or config.causal != source.causal:
        raise ValueError(f"the shape's residual ({config.d_model}) is narrower than the compiled model's ({source.d_model}), "
                         "or its causal mask differs")
    for k, held in enumerate(source.layers):
        i = free_before + k
        if i >= len(config.layers):
            raise ValueError(f"compiled layer {k} would be layer {i}; the shape has {len(config.layers)}")
        layer = config.layers[i]
        if len(held.heads) > len(layer.heads) or held.d_mlp > layer.d_mlp or any(
                c.d_qk > s.d_qk or c.d_ov > s.d_ov for c, s in zip(held.heads, layer.heads)):
            raise ValueError(f"compiled layer {k} does not fit into layer {i} of the shape (heads, widths or MLP)")


def _place_head(head: nn.Module, held: nn.Module, dc: int, soften: float) -> None:
    """The compiled head in the first columns; its rows at the room dimensions are zero (it reads the compiled
    residual only). The remaining query and value columns keep their random values (harmless: W_K, W_O zero)."""
    qk, ov = held.W_Q.shape[1], held.W_V.shape[1]
    head.W_K.zero_()
    head.W_Q[:, :qk] = 0.0
    head.W_Q[:dc, :qk] = held.W_Q / soften
    head.W_K[:dc, :qk] = held.W_K
    head.W_V[:, :ov] = 0.0
    head.W_V[:dc, :ov] = held.W_V
    head.W_O[:ov, :dc] = held.W_O


def _place_mlp(mlp: nn.Module, held: nn.Module, dc: int) -> None:
    n = held.b_in.shape[0]
    mlp.W_in[:, :n] = 0.0
    mlp.W_in[:dc, :n] = held.W_in
    mlp.b_in[:n] = held.b_in
    mlp.W_out[:n, :dc] = held.W_out
    mlp.b_out[:dc] = held.b_out


def program_outputs(model: Classifier, source: ModelConfig, ids: Tensor) -> Tensor:
    """Index of the largest compiled output dimension at each position [B, T]: what the compiled model decodes
    (a categorical output), read from the warm model's residual."""
    with torch.no_grad():
        return model.body(ids)[..., source.output_dims].argmax(-1)


def softest_exact(build: Callable[[float], Classifier], source: ModelConfig, ids: Tensor, scored: Tensor,
                  factors: Sequence[float] = (1, 2, 4, 8, 16, 32, 64)) -> float:
    """The largest factor (ascending `factors`, the first taken as exact) at which `build(factor)` still decodes
    as `build(factors[0])` at every `scored` position of `ids`; the search stops at the first that differs."""
    reference = program_outputs(build(factors[0]), source, ids)[scored]
    best = factors[0]
    for factor in factors[1:]:
        if not torch.equal(program_outputs(build(factor), source, ids)[scored], reference):
            break
        best = factor
    return best


@dataclass(frozen=True)
class Data:
    """Token ids [N, T] and class targets [N, T] (IGNORE where unlabelled) for a `Classifier`."""

    ids: Tensor
    targets: Tensor

    @classmethod
    def of(cls, model: Classifier, inputs: Sequence[Sequence], labels: Sequence[Sequence]) -> "Data":
        ids = model.body.encode(inputs)
        return cls(ids, model.targets(labels, ids.shape[1]))

    def accuracy(self, model: Classifier, batch: int = 1024) -> float:
        """Token accuracy over the labelled positions."""
        right = total = 0
        with torch.no_grad():
            for start in range(0, len(self.ids), batch):
                ids, targets = self.ids[start:start + batch], self.targets[start:start + batch]
                labelled = targets != IGNORE
                right += int((model(ids).argmax(-1) == targets)[labelled].sum())
                total += int(labelled.sum())
        return right / max(1, total)


@dataclass(frozen=True)
class Settings:
    epochs: int = 10
    batch: int = 64
    lr: float = 1e-3
    seed: int = 0
    stop_at: float = 1.0  # stop after the epoch whose validation accuracy reaches this


def train(model: Classifier, data: Data, val: Data, settings: Settings,
          on_epoch: Callable[[int, float], None] | None = None) -> float:
    """Adam on the cross-entropy of the labelled positions, shuffled mini-batches; after each epoch the
    validation accuracy goes to `on_epoch(epoch, accuracy)`. Returns the last validation accuracy."""
    generator = torch.Generator().manual_seed(settings.seed)
    optimiser = torch.optim.Adam(model.parameters(), lr=settings.lr)
    accuracy = val.accuracy(model)
    for epoch in range(settings.epochs):
        order = torch.randperm(len(data.ids), generator=generator)
        for start in range(0, len(order), settings.batch):
            chosen = order[start:start + settings.batch]
            logits = model(data.ids[chosen])
            loss = F.cross_entropy(logits.flatten(0, 1), data.targets[chosen].flatten(), ignore_index=IGNORE)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        accuracy = val.accuracy(model)
        if on_epoch is not None:
            on_epoch(epoch + 1, accuracy)
        if accuracy >= settings.stop_at:
            break
    return accuracy
