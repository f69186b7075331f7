"""Say in words what a module computes, and how faithfully the words predict it.

`describe(model, module, data)` runs the model on the data and reads, at every real position, the
residual dimensions the module's heads and MLP units write, right after the last sublayer in which it
writes (the state it leaves, so a compiled module that first erases a dead s-op's dimensions and then
writes its own is read as what it writes); each distinct reading (rounded to 4 decimals) is one output
symbol. A *primitive* is a named function of
the input sequence with a RASP program beside it: the token, the previous token, the count of the same
token (a histogram), the sorted sequence, and so on. The module is described by the primitive that best
*simulates* it: fit a lookup table from the primitive's value to the module's symbol (the majority
symbol per value), then fidelity = the share of positions where the table's prediction is the module's
actual output — Bills et al.'s simulate-and-score with a table in place of a language model, and the
score is exact agreement rather than a correlation, since a compiled module's outputs are discrete.
Among equally faithful primitives the one with the fewest distinct values wins (the simplest story),
so "position" cannot beat "previous token" by memorising.

The table is fitted and scored on the same data: fidelity 100% says the module's output is a function
of the primitive on that data, which is what a description claims. `Describer` is the interface another
describer (a language model, say) could implement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import torch

from weightsmith.model import Transformer
from weightsmith.rasp.errors import InputError

Feature = Callable[[list], list]  # the content tokens (no BOS) -> one hashable value per position


@dataclass(frozen=True)
class Primitive:
    name: str  # the sentence's noun phrase, e.g. "the count of the same token in the input"
    program: str  # a RASP program computing it
    feature: Feature


@dataclass
class Description:
    """A module's description: the sentence, the program it stands for, and how often it is right."""

    sentence: str
    program: str
    fidelity: float  # share of real positions where the primitive's table gives the module's output
    reads: list[str]  # residual labels the module reads from outside itself
    writes: list[str]  # residual labels it writes
    symbols: int  # distinct outputs seen
    alternatives: list[tuple[str, float]]  # the next best primitives and their fidelity


class Describer(Protocol):
    def describe(self, model: Transformer, module: Sequence[str], data: Sequence[Sequence]) -> Description: ...


def _count_before(xs: list) -> list:
    seen: Counter = Counter()
    out = []
    for x in xs:
        seen[x] += 1
        out.append(seen[x])
    return out


def _sort_rank(xs: list) -> list:
    order = sorted(range(len(xs)), key=lambda i: (_orderable(xs[i]), i))
    rank = [0] * len(xs)
    for r, i in enumerate(order):
        rank[i] = r
    return rank


def _orderable(x):
    return (0, x) if isinstance(x, (int, float)) else (1, str(x))


def _balance(xs: list) -> list:
    depth, out = 0, []
    for x in xs:
        depth += {"(": 1, ")": -1, "{": 1, "}": -1}.get(x, 0)
        out.append(depth)
    return out


def _most_frequent(xs: list) -> list:
    counts = Counter(xs)
    order = sorted(dict.fromkeys(xs), key=lambda x: -counts[x])  # ties: first occurrence first
    return [order[i] if i < len(order) else None for i in range(len(xs))]


PRIMITIVES: list[Primitive] = [
    Primitive("a constant", "Map(lambda x: c, tokens)", lambda xs: [0] * len(xs)),
    Primitive("the token", "tokens", lambda xs: list(xs)),
    Primitive("the position", "indices", lambda xs: list(range(len(xs)))),
    Primitive("the input's length", "SelectorWidth(Select(tokens, tokens, TRUE))", lambda xs: [len(xs)] * len(xs)),
    Primitive("the previous token", "Aggregate(Select(indices, indices - 1, EQ), tokens)",
              lambda xs: [None, *xs[:-1]]),
    Primitive("the next token", "Aggregate(Select(indices, indices + 1, EQ), tokens)", lambda xs: [*xs[1:], None]),
    Primitive("the first token", "Aggregate(Select(indices, 0, EQ), tokens)", lambda xs: [xs[0]] * len(xs)),
    Primitive("the token at the mirrored position (reverse)",
              "Aggregate(Select(indices, length - indices - 1, EQ), tokens)", lambda xs: xs[::-1]),
    Primitive("the mirrored position (length - index - 1)", "length - indices - 1",
              lambda xs: list(range(len(xs)))[::-1]),
    Primitive("the count of the same token in the input (histogram)",
              "SelectorWidth(Select(tokens, tokens, EQ))", lambda xs: [xs.count(x) for x in xs]),
    Primitive("the count of the same token up to here", "SelectorWidth(Select(tokens, tokens, EQ) & Select(indices, indices, LEQ))",
              _count_before),
    Primitive("whether this is the token's first occurrence", "count of the same token up to here == 1",
              lambda xs: [c == 1 for c in _count_before(xs)]),
    Primitive("the token's rank in sorted order (ties by position)",
              "SelectorWidth(Select(keys, keys, LT)) with keys = tokens + indices / N", _sort_rank),
    Primitive("the sorted input", "Aggregate(Select(rank, indices, EQ), tokens)", lambda xs: sorted(xs, key=_orderable)),
    Primitive("the count of tokens smaller than this one", "SelectorWidth(Select(tokens, tokens, LT))",
              lambda xs: [sum(_orderable(y) < _orderable(x) for y in xs) for x in xs]),
    Primitive("the number of distinct tokens with this token's count (double histogram)",
              "SelectorWidth(Select(hist, hist, EQ) & first occurrence)",
              lambda xs: [len({y for y in xs if xs.count(y) == xs.count(x)}) for x in xs]),
    Primitive("the number of positions whose token occurs as often as this one",
              "SelectorWidth(Select(hist, hist, EQ))",
              lambda xs: [sum(xs.count(y) == xs.count(x) for y in xs) for x in xs]),
    Primitive("a lookup table of (first occurrence, count of the same token)",
              "SequenceMap(f, first occurrence, hist)",
              lambda xs: [(c == 1, xs.count(x)) for x, c in zip(xs, _count_before(xs))]),
    Primitive("the tokens by descending frequency (most frequent first)", "sort by -hist of unique tokens",
              _most_frequent),
    Primitive("the bracket depth up to here", "numerical mean of +1/-1 over the prefix, times the position",
              _balance),
    Primitive("whether the prefix so far is balanced", "depth == 0 and never negative",
              lambda xs: [d == 0 and min(_balance(xs)[:i + 1]) >= 0 for i, d in enumerate(_balance(xs))]),
    Primitive("the lowest bracket depth up to here", "min over the prefix of the depth",
              lambda xs: [min(_balance(xs)[:i + 1]) for i in range(len(xs))]),
    Primitive("a lookup table of (token, position)", "SequenceMap(f, tokens, indices)",
              lambda xs: list(zip(xs, range(len(xs))))),
    Primitive("a lookup table of (token, length)", "SequenceMap(f, tokens, length)",
              lambda xs: [(x, len(xs)) for x in xs]),
    Primitive("a lookup table of (position, length)", "SequenceMap(f, indices, length)",
              lambda xs: [(i, len(xs)) for i in range(len(xs))]),
]


def _vocab_primitives(vocab: Sequence) -> list[Primitive]:
    """Primitives that name a token: the fraction of earlier positions holding it, its count so far."""
    out = []
    for token in vocab:
        out.append(Primitive(f"the fraction of positions so far holding {token!r}",
                             f"numerical Aggregate(Select(indices, indices, LEQ), tokens == {token!r})",
                             lambda xs, t=token: [round(sum(y == t for y in xs[:i + 1]) / (i + 1), 6)
                                                  for i in range(len(xs))]))
        out.append(Primitive(f"the count of {token!r} in the input", f"SelectorWidth(Select(tokens, {token!r}, EQ))",
                             lambda xs, t=token: [xs.count(t)] * len(xs)))
    return out


class PrimitiveMatcher:
    """The describer without a language model: match the module against `PRIMITIVES` (and per-token ones)."""

    def __init__(self, primitives: Sequence[Primitive] | None = None) -> None:
        self.primitives = list(PRIMITIVES) if primitives is None else list(primitives)

    def describe(self, model: Transformer, module: Sequence[str], data: Sequence[Sequence]) -> Description:
        if not len(data):
            raise InputError("data: no inputs to describe the module on")
        outputs, written, read = module_outputs(model, module, data)
        contents = [list(x[1:]) for x in data]
        symbols = [s for row in outputs for s in row]
        scored = []
        for primitive in self.primitives + _vocab_primitives(model.config.vocab):
            values = [v for xs in contents for v in _safe(primitive.feature, xs)]
            fidelity = _table_fidelity(values, symbols)
            scored.append((fidelity, -len(set(values)), primitive))
        scored.sort(key=lambda s: (-s[0], -s[1]))
        fidelity, _, best = scored[0]
        labels = model.config.residual_labels
        verb = "is" if len(set(symbols)) > 1 else "is constant, like"
        return Description(
            sentence=f"this module {verb} {best.name} ({fidelity:.0%} of {len(symbols)} positions)",
            program=best.program, fidelity=fidelity, reads=[labels[i] for i in read],
            writes=[labels[i] for i in written], symbols=len(set(symbols)),
            alternatives=[(p.name, f) for f, _, p in scored[1:4]])


def _safe(feature: Feature, xs: list) -> list:
    try:
        return feature(xs)
    except TypeError:  # a primitive that does not apply to these tokens (e.g. ordering mixed types)
        return [("n/a", i) for i in range(len(xs))]


def _table_fidelity(values: list, symbols: list) -> float:
    table: dict = {}
    for v, s in zip(values, symbols):
        table.setdefault(v, Counter())[s] += 1
    right = sum(counts.most_common(1)[0][1] for counts in table.values())
    return right / len(symbols) if symbols else 0.0


def module_outputs(model: Transformer, module: Sequence[str], data: Sequence[Sequence]
                   ) -> tuple[list[list], list[int], list[int]]:
    """The module's output symbol at every real position of every input (BOS and PAD left out), the
    residual dims its units write, and the dims they read (and do not write)."""
    members = set(module)
    config = model.config
    with torch.inference_mode():
        ids = model.encode([list(x) for x in data])
        _, residuals = model(ids, return_residuals=True)
        written, read = torch.zeros(config.d_model, dtype=torch.bool), torch.zeros(config.d_model, dtype=torch.bool)
        last = -1  # the last sublayer in which the module writes
        for L, layer in enumerate(model.layers):
            for h, head in enumerate(layer.heads):
                if f"head:{L}.{h}" in members:
                    written |= head.W_O.abs().sum(0) > 0
                    read |= (head.W_Q.abs().sum(1) + head.W_K.abs().sum(1) + head.W_V.abs().sum(1)) > 0
                    last = max(last, 2 * L)
            units = [u for u in range(config.layers[L].d_mlp) if f"mlp:{L}.{u}" in members]
            if units:
                written |= layer.mlp.W_out[units].abs().sum(0) > 0
                read |= layer.mlp.W_in[:, units].abs().sum(1) > 0
                last = max(last, 2 * L + 1)
    if not written.any():
        raise InputError("the module has no head or MLP unit that writes anything: nothing to describe")
    dims = torch.nonzero(written).flatten()
    values = np.round(residuals[last + 1][..., dims].double().numpy(), 4) + 0.0  # + 0.0: -0.0 and 0.0 are one symbol
    lengths = [len(x) for x in data]
    outputs = [[tuple(values[b, t].tolist()) for t in range(1, lengths[b])] for b in range(len(data))]
    read_only = read & ~written
    return outputs, dims.tolist(), torch.nonzero(read_only).flatten().tolist()
