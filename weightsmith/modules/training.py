"""Training for modularity: two losses that push a transformer's weight graph towards modules, and a
small trainer for ordinary transformers (the one `model.Transformer`) to measure what they cost.

- `ConnectionCost` (BIMT, Liu, Gan & Tegmark 2023): every residual dimension, head and MLP unit gets a
  fixed place on a line ([0, 1], evenly spaced within its kind); a weight costs |w| times (the distance
  between the places it joins + `gap`). Long wires are expensive, so what talks a lot ends up close —
  and neighbours form modules. (BIMT also swaps neurons to shorten wires; not done here.)
- `GomoryHuCut` (the research brief's proposal): every `every` steps, find `k` modules in the current
  weight graph with the Gomory–Hu tree (`gomory_hu_modules`, ratio cut, on a sparsified graph), and
  penalise the |w| of every weight that joins two different modules. Between recomputations the
  modules are fixed masks, so the penalty is a weighted L1 norm that only spares the inside of modules.

Both return a scalar to add, times λ, to the task loss. The experiment is `benchmarks/modularity.py
training`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import torch
from torch import Tensor

from weightsmith.model import HeadConfig, LayerConfig, ModelConfig, Transformer
from weightsmith.modules.graph import weight_graph
from weightsmith.modules.partition import Partition, gomory_hu_modules, sparsified


def _places(n: int) -> Tensor:
    return torch.linspace(0, 1, n) if n > 1 else torch.full((max(n, 1),), 0.5)


class ConnectionCost:
    """BIMT's wiring cost: sum |w| (|x_from - x_to| + gap) over every read and write matrix."""

    def __init__(self, model: Transformer, gap: float = 0.1) -> None:
        self.gap = gap
        self.resid = _places(model.config.d_model)

    def __call__(self, model: Transformer, step: int = 0) -> Tensor:
        total = torch.zeros((), dtype=model.token_embed.dtype)
        for layer in model.layers:
            heads = _places(len(layer.heads))
            for h, head in enumerate(layer.heads):
                distance = (self.resid - heads[h]).abs() + self.gap  # [d]
                for W in (head.W_Q, head.W_K, head.W_V):
                    total = total + (W.abs() * distance[:, None]).sum()
                total = total + (head.W_O.abs() * distance[None, :]).sum()
            if layer.mlp is not None:
                units = _places(layer.mlp.W_in.shape[1])
                distance = (self.resid[:, None] - units[None, :]).abs() + self.gap  # [d, m]
                total = total + (layer.mlp.W_in.abs() * distance).sum() + (layer.mlp.W_out.abs() * distance.T).sum()
        return total


class GomoryHuCut:
    """|w| of the weights between different Gomory–Hu modules, the modules recomputed every `every` steps."""

    def __init__(self, model: Transformer, k: int = 4, every: int = 50, per_node: int = 8) -> None:
        self.k, self.every, self.per_node = k, every, per_node
        self.masks: dict[str, Tensor] | None = None
        self.partition: Partition | None = None

    def __call__(self, model: Transformer, step: int = 0) -> Tensor:
        if self.masks is None or step % self.every == 0:
            self.refresh(model)
        total = torch.zeros((), dtype=model.token_embed.dtype)
        parameters = dict(model.named_parameters())
        for name, mask in self.masks.items():
            total = total + (parameters[name].abs() * mask).sum()
        return total

    def refresh(self, model: Transformer) -> None:
        graph = sparsified(weight_graph(model).graph, self.per_node)
        self.partition = gomory_hu_modules(graph, min(self.k, graph.number_of_nodes()), cut="ratio")
        self.masks = between_module_masks(model, self.partition)


def between_module_masks(model: Transformer, partition: Partition) -> dict[str, Tensor]:
    """For each read/write matrix, 1 where the weight joins nodes of two different modules (a node
    missing from the partition — no edge — counts as a module of its own)."""
    from weightsmith.modules.graph import _Weights

    w = _Weights(model)
    module = lambda node: partition.get(node, node)  # noqa: E731
    masks: dict[str, Tensor] = {}
    for L, layer in enumerate(model.layers):
        reads = [module(n) for n in w.segments(2 * L)]
        writes = [module(n) for n in w.segments(2 * L + 1)]
        for h in range(len(layer.heads)):
            me = module(f"head:{L}.{h}")
            row = torch.tensor([float(r != me) for r in reads])
            column = torch.tensor([float(r != me) for r in writes])
            for name in ("W_Q", "W_K", "W_V"):
                masks[f"layers.{L}.heads.{h}.{name}"] = row[:, None].expand_as(getattr(layer.heads[h], name))
            masks[f"layers.{L}.heads.{h}.W_O"] = column[None, :].expand_as(layer.heads[h].W_O)
        if layer.mlp is not None:
            reads = [module(n) for n in w.segments(2 * L + 1)]
            writes = [module(n) for n in w.segments(2 * L + 2)]
            units = [module(f"mlp:{L}.{u}") for u in range(layer.mlp.W_in.shape[1])]
            masks[f"layers.{L}.mlp.W_in"] = torch.tensor([[float(r != u) for u in units] for r in reads])
            masks[f"layers.{L}.mlp.W_out"] = torch.tensor([[float(u != r) for r in writes] for u in units])
    return masks


@dataclass
class Task:
    """Inputs (BOS first) with one label per position (None: not scored), and the label set."""

    name: str
    vocab: list
    labels: list
    max_seq_len: int
    train: tuple[list, list]
    test: tuple[list, list]


def modular_addition(p: int = 7, seed: int = 0) -> Task:
    """BOS a b -> (a + b) mod p at b's position; 80% of the pairs to train on, 20% held out."""
    pairs = [(a, b) for a in range(p) for b in range(p)]
    random.Random(seed).shuffle(pairs)
    make = lambda chosen: ([["BOS", a, b] for a, b in chosen], [[None, None, (a + b) % p] for a, b in chosen])  # noqa: E731
    cut = int(0.8 * len(pairs))
    return Task(f"modadd{p}", list(range(p)), list(range(p)), 2, make(pairs[:cut]), make(pairs[cut:]))


def algorithmic(name: str, size: int = 3000) -> Task:
    from weightsmith.tasks.algorithmic import make_task

    task = make_task(name, size=size)
    return Task(name, list(task.vocab[1:]), list(task.labels), task.max_len - 1,
                (task.train.inputs, task.train.targets), (task.test.inputs, task.test.targets))


def small_transformer(task: Task, d_model: int = 24, heads: int = 2, d_mlp: int = 32, seed: int = 0) -> Transformer:
    """One layer, `heads` heads, random weights (std 1/sqrt(fan-in)); the labels' logits are the first
    len(labels) residual dims (the architecture's unembedding reads dims)."""
    width = d_model // heads
    config = ModelConfig(vocab=task.vocab, max_seq_len=task.max_seq_len, d_model=d_model,
                         layers=[LayerConfig([HeadConfig(width, width)] * heads, d_mlp)],
                         residual_labels=[f"dim:{i}" for i in range(d_model)], output_dims=list(range(len(task.labels))),
                         output_encoding="categorical", output_values=list(task.labels))
    generator = torch.Generator().manual_seed(seed)
    weights = {}
    for name, parameter in Transformer(config).named_parameters():
        fan_in = parameter.shape[0] if parameter.dim() == 2 and "embed" not in name else 1
        weights[name] = torch.randn(parameter.shape, generator=generator) / fan_in ** 0.5
        if name.endswith(("b_in", "b_out")):
            weights[name] = torch.zeros(parameter.shape)
    return Transformer.from_weights(config, weights)


def _batch(model: Transformer, inputs: list, targets: list, labels: list) -> tuple[Tensor, Tensor]:
    ids = model.encode(inputs)
    index = {label: j for j, label in enumerate(labels)}
    y = torch.full(ids.shape, -100, dtype=torch.long)
    for b, row in enumerate(targets):
        for t, label in enumerate(row):
            if label is not None:
                y[b, t] = index[label]
    return ids, y


def accuracy(model: Transformer, task: Task, split: str = "test") -> float:
    inputs, targets = getattr(task, split)
    ids, y = _batch(model, inputs, targets, task.labels)
    with torch.no_grad():
        predicted = model(ids)[..., model.config.output_dims].argmax(-1)
    scored = y != -100
    return float((predicted[scored] == y[scored]).float().mean())


def train(model: Transformer, task: Task, loss=None, lam: float = 0.0, steps: int = 400, batch: int = 64,
          lr: float = 3e-3, seed: int = 0) -> Transformer:
    """Adam on cross-entropy + lam * loss(model, step); returns the model (trained in place)."""
    rng = random.Random(seed)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    inputs, targets = task.train
    for step in range(steps):
        chosen = [rng.randrange(len(inputs)) for _ in range(batch)]
        ids, y = _batch(model, [inputs[i] for i in chosen], [targets[i] for i in chosen], task.labels)
        logits = model(ids)[..., model.config.output_dims]
        objective = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
        if loss is not None and lam:
            objective = objective + lam * loss(model, step)
        optimiser.zero_grad()
        objective.backward()
        optimiser.step()
    return model
