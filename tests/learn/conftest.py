"""Random discrete programs: the decompilers must reproduce *every* program, not just trained ones."""

import numpy as np
import pytest

from weightsmith.learn.program import MLP, ORDERS, DiscreteProgram, Head, ProgramConfig


def random_program(seed: int, *, causal: bool = False, predicate: str = "binary", layers: int = 2,
                   cat_heads: int = 2, count_heads: int = 1, mlps: int = 1, max_len: int = 6) -> DiscreteProgram:
    rng = np.random.default_rng(seed)
    config = ProgramConfig(("BOS", 0, 1, 2, "x"), ("no", 1, "yes"), max_len, layers, cat_heads, count_heads, mlps,
                           causal, predicate, ORDERS)
    k = config.n_values
    heads, tables = [], []
    for layer in range(layers):
        n = config.first_variable(layer)
        layer_heads = []
        for h in range(config.heads):
            if predicate == "one_hot":
                matrix = np.eye(k, dtype=bool)[rng.integers(0, k, size=k)]
            else:
                matrix = rng.random((k, k)) < rng.uniform(0.1, 0.6)
            kind = "cat" if h < cat_heads else "count"
            layer_heads.append(Head(kind, int(rng.integers(n)), int(rng.integers(n)),
                                    int(rng.integers(n)) if kind == "cat" else None, matrix,
                                    ORDERS[int(rng.integers(3))] if kind == "cat" else "closest"))
        heads.append(layer_heads)
        n += config.heads
        tables.append([MLP(int(rng.integers(n)), int(rng.integers(n)), rng.integers(0, k, size=(k, k)))
                       for _ in range(mlps)])
    n_vars = len(config.variable_names())
    classifier = np.round(rng.normal(size=(n_vars, k, len(config.classes))), 3)
    return DiscreteProgram(config, heads, tables, classifier, np.round(rng.normal(size=3), 3))


def random_inputs(program: DiscreteProgram, n: int, seed: int = 0) -> list[list]:
    rng = np.random.default_rng(seed)
    vocab = program.config.vocab
    out = []
    for _ in range(n):
        length = int(rng.integers(1, program.config.max_len + 1))
        out.append(["BOS"] + [vocab[int(i)] for i in rng.integers(1, len(vocab), size=length - 1)])
    return out


@pytest.fixture
def make_random_program():
    return random_program


@pytest.fixture(scope="session")
def tiny_trained():
    """A small model trained for a few epochs on a small sort data set (seconds), discretised."""
    import torch

    from weightsmith.learn.train import Encoded, TrainSettings, train
    from weightsmith.tasks.algorithmic import make_task

    torch.set_num_threads(1)
    task = make_task("sort", size=600)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 2, 2, 1, 1, False, "binary")
    data = [Encoded.of(config, s.inputs, s.targets) for s in (task.train, task.val)]
    result = train(config, data[0], data[1], TrainSettings(epochs=4, batch_size=128, seed=0, progress=False))
    return result.program, task
