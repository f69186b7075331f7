"""Random discrete programs: the decompilers must reproduce *every* program, not just trained ones."""

import dataclasses

import numpy as np
import pytest

from weightsmith.learn.program import MLP, ORDERS, SCOPES, DiscreteProgram, Head, ProgramConfig
from weightsmith.learn.train import Encoded


def random_program(seed: int, *, causal: bool = False, predicate: str = "binary", layers: int = 2,
                   cat_heads: int = 2, count_heads: int = 1, mlps: int = 1, max_len: int = 6,
                   vocab: tuple = ("BOS", 0, 1, 2, "x"), classes: tuple = ("no", 1, "yes")) -> DiscreteProgram:
    """A program of random modules and classifier (three decimals) over `vocab` (vocab[0] is its BOS)."""
    rng = np.random.default_rng(seed)
    config = ProgramConfig(vocab, classes, max_len, layers, cat_heads, count_heads, mlps,
                           causal, predicate, ORDERS, count_where=True, scopes=SCOPES)
    k = config.n_values
    where_rng = np.random.default_rng(seed + 1000)  # its own stream: the rest of the program is as before
    scope_rng = np.random.default_rng(seed + 2000)  # and another for the counting heads' scopes
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
        for head in layer_heads[cat_heads:]:  # about half the counting heads count only some values
            if where_rng.random() < 0.5:
                head.value, head.where = int(where_rng.integers(n)), where_rng.random(k) < 0.6
            if scope_rng.random() < 0.7:  # each predicate cell counts everywhere, or only before or after
                head.scope = scope_rng.integers(0, len(SCOPES), size=(k, k))
        heads.append(layer_heads)
        n += config.heads
        tables.append([MLP(int(rng.integers(n)), int(rng.integers(n)), rng.integers(0, k, size=(k, k)))
                       for _ in range(mlps)])
    n_vars = len(config.variable_names())
    classifier = np.round(rng.normal(size=(n_vars, k, len(config.classes))), 3)
    return DiscreteProgram(config, heads, tables, classifier, np.round(rng.normal(size=len(config.classes)), 3))


def random_inputs(program: DiscreteProgram, n: int, seed: int = 0) -> list[list]:
    rng = np.random.default_rng(seed)
    vocab = program.config.vocab
    out = []
    for _ in range(n):
        length = int(rng.integers(1, program.config.max_len + 1))
        out.append(["BOS"] + [vocab[int(i)] for i in rng.integers(1, len(vocab), size=length - 1)])
    return out


def encoded(program: DiscreteProgram, inputs: list, targets: list) -> Encoded:
    return Encoded.of(program.config, inputs, targets)


def teacher_data(program: DiscreteProgram, n: int = 300, seed: int = 0) -> Encoded:
    """Targets from another classifier on the same variables: learnable, but not what `program` says."""
    inputs = random_inputs(program, n, seed)
    noise = np.random.default_rng(seed).normal(0, 0.5, program.classifier.shape)
    teacher = dataclasses.replace(program, classifier=program.classifier + noise)
    return encoded(program, inputs, teacher.predict(inputs))


def with_duplicates(program: DiscreteProgram, seed: int) -> DiscreteProgram:
    """A copy of `program` in which about half the modules repeat an earlier module of their kind (MLPs
    sometimes with inputs swapped and table transposed; categorical heads keyed on positions with a
    different, irrelevant, column 0), and later modules read some of the repeats instead of the originals:
    the merges a pruner must find, some only after others."""
    rng = np.random.default_rng(seed)
    cfg = program.config
    heads = [[dataclasses.replace(h) for h in layer] for layer in program.heads]
    mlps = [[dataclasses.replace(m) for m in layer] for layer in program.mlps]
    copies: dict[int, int] = {}  # original variable -> a later variable computing the same
    index = 2
    for layer in range(cfg.layers):
        for modules in (heads[layer], mlps[layer]):
            for position, module in enumerate(modules):
                readable = cfg.first_variable(layer) if isinstance(module, Head) else index
                for name in ("query", "key", "value", "first", "second"):  # read some repeats
                    source = getattr(module, name, None)
                    if source in copies and copies[source] < readable and rng.random() < 0.5:
                        module = dataclasses.replace(module, **{name: copies[source]})
                same_kind = [(i, m) for i, m in DiscreteProgram(cfg, heads, mlps, program.classifier,
                                                                 program.bias).modules()[: index - 2]
                             if type(m) is type(module) and getattr(m, "kind", None) == getattr(module, "kind", None)]
                if same_kind and rng.random() < 0.5:
                    original, module = same_kind[int(rng.integers(len(same_kind)))]
                    if isinstance(module, MLP) and rng.random() < 0.5:
                        module = MLP(module.second, module.first, module.table.T.copy())
                    elif isinstance(module, Head) and module.kind == "cat" and module.key == 1:
                        predicate = module.predicate.copy()
                        predicate[:, 0] = rng.random(len(predicate)) < 0.5  # position 0 is never read
                        module = dataclasses.replace(module, predicate=predicate)
                    copies[original] = index
                modules[position] = module
                index += 1
    return dataclasses.replace(program, heads=heads, mlps=mlps)


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
