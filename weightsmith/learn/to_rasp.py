"""Decompile a discrete Transformer Program into a weightsmith RASP program that computes the same labels.

Input: the token sequence itself (BOS included, as the program sees it). The constructions, all in
plain Tracr-style RASP (no new primitives):

- variables: `tokens`, `indices` for positions; every other variable is an s-op named as in the
  Python decompilation (`attn_0_1_outputs`, ...), holding the same values.
- a numerical (counting) head is `SelectorWidth(Select(key, query, pattern))`; causal heads select on
  `(value, index)` pairs so the pattern can also demand `key_index <= query_index`.
- a categorical head must select exactly one position: its preferred match (by `match_rank`), else
  BOS. Keys and queries become `(value, index)` pairs. If at most one key can match (the key is
  `indices` and each query value matches at most one key value) it takes one `SelectorWidth` to know
  whether anything matched; otherwise the best rank is found by binary search, one `SelectorWidth` per
  bit ("is there a match of rank < lo + 2^b?"). The final `Select` keeps the key of that rank, or
  position 0 when nothing matched, and a categorical `Aggregate` reads the value there.
- an MLP is a `SequenceMap` (a `Map` when it reads one variable twice) over its table.
- the linear classifier is one `Map` over the tuple of the variables it reads (built by `SequenceMap`s),
  summing the same float64 weights in the same order as `DiscreteProgram.scores`.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from weightsmith import rasp
from weightsmith.learn.model import TransformerProgramModel
from weightsmith.learn.program import MLP, DiscreteProgram, Head, match_rank, value_key


class _Decompiler:
    def __init__(self, program: DiscreteProgram):
        self.p = program
        self.cfg = program.config
        self.names = self.cfg.variable_names()
        self.is_token = program.domain_is_token()
        self.no_match = (1 << (2 * self.cfg.max_len - 1).bit_length()) - 1  # above every rank (<= 2 max_len - 2)
        self.token_slot = {value_key(t): i for i, t in enumerate(self.cfg.vocab)}
        self.sops: list[rasp.SOp] = [rasp.tokens, rasp.indices]

    def slot(self, var: int) -> Callable[[object], int]:
        if self.is_token[var]:
            return lambda value: self.token_slot[value_key(value)]
        return int

    def value(self, var: int) -> Callable[[int], object]:
        if self.is_token[var]:
            return lambda slot: self.cfg.vocab[slot]
        return int

    def pattern(self, head: Head) -> Callable[[object, object], bool]:
        """pattern(key_value, query_value), the head's predicate on values."""
        qslot, kslot, matrix = self.slot(head.query), self.slot(head.key), head.predicate
        return lambda k, q: bool(matrix[qslot(q), kslot(k)])

    def with_index(self, var: int, name: str) -> rasp.SOp:
        return rasp.SequenceMap(lambda v, i: (v, i), self.sops[var], rasp.indices).named(name)

    def count(self, name: str, head: Head) -> rasp.SOp:
        pattern = self.pattern(head)
        if not self.cfg.causal:
            return rasp.SelectorWidth(rasp.Select(self.sops[head.key], self.sops[head.query], pattern))
        keys = self.with_index(head.key, f"{name}_keys")
        queries = self.with_index(head.query, f"{name}_queries")
        return rasp.SelectorWidth(rasp.Select(keys, queries, lambda k, q: k[1] <= q[1] and pattern(k[0], q[0])))

    def attend(self, name: str, head: Head) -> rasp.SOp:
        pattern, causal, no_match = self.pattern(head), self.cfg.causal, self.no_match
        rank = match_rank(head.order, self.cfg.max_len)

        def matches(k: tuple, q: tuple) -> bool:
            return k[1] >= 1 and (not causal or k[1] <= q[1]) and pattern(k[0], q[0])

        keys = self.with_index(head.key, f"{name}_keys")
        queries = self.with_index(head.query, f"{name}_queries")
        unique = head.key == 1 and (head.predicate.sum(1) <= 1).all()
        if unique:  # best = the only match's rank, or no_match
            width = rasp.SelectorWidth(rasp.Select(keys, queries, matches)).named(f"{name}_matches")
            best = rasp.Map(lambda w: 0 if w else no_match, width).named(f"{name}_found")
            chosen = lambda k, q: (k[1] == 0) if q[2] == no_match else matches(k, q)  # noqa: E731
        else:  # binary search for the smallest matching rank
            best = None
            for bit in reversed(range(no_match.bit_length())):
                step = 1 << bit
                probe_queries = queries if best is None else self.extend(queries, best, f"{name}_probe{bit}")
                below = (lambda step: lambda k, q: matches(k, q) and rank[q[1], k[1]] < (q[2] if len(q) > 2 else 0) + step)(step)
                width = rasp.SelectorWidth(rasp.Select(keys, probe_queries, below)).named(f"{name}_below{bit}")
                if best is None:
                    best = rasp.Map((lambda step: lambda w: 0 if w else step)(step), width)
                else:
                    best = rasp.SequenceMap((lambda step: lambda lo, w: lo if w else lo + step)(step), best, width)
                best = best.named(f"{name}_rank_bit{bit}")
            chosen = lambda k, q: (k[1] == 0) if q[2] == no_match else (matches(k, q) and rank[q[1], k[1]] == q[2])  # noqa: E731
        selector = rasp.Select(keys, self.extend(queries, best, f"{name}_best"), chosen).named(f"{name}_pattern")
        return rasp.Aggregate(selector, self.sops[head.value])

    @staticmethod
    def extend(pairs: rasp.SOp, extra: rasp.SOp, name: str) -> rasp.SOp:
        return rasp.SequenceMap(lambda t, x: (t[0], t[1], x), pairs, extra).named(name)

    def mlp(self, module: MLP) -> rasp.SOp:
        table = module.table
        first, second = self.slot(module.first), self.slot(module.second)
        if module.first == module.second:
            return rasp.Map(lambda a: int(table[first(a), first(a)]), self.sops[module.first])
        return rasp.SequenceMap(
            lambda a, b: int(table[first(a), second(b)]), self.sops[module.first], self.sops[module.second]
        )

    def classifier(self) -> rasp.SOp:
        reads = [int(v) for v in np.flatnonzero(self.p.reads)]
        weights = [self.p.classifier[v] for v in reads]
        slots = [self.slot(v) for v in reads]
        bias, classes = self.p.bias, self.cfg.classes

        def classify(values: tuple) -> object:
            scores = bias.copy()
            for w, slot, x in zip(weights, slots, values):
                scores = scores + w[slot(x)]
            return classes[int(np.argmax(scores))]

        if not reads:
            return rasp.Map(lambda _: classify(()), rasp.tokens).named("prediction")
        columns = rasp.Map(lambda x: (x,), self.sops[reads[0]])
        for v in reads[1:]:
            columns = rasp.SequenceMap(lambda t, x: t + (x,), columns, self.sops[v])
        return rasp.Map(classify, columns.named("classifier_inputs")).named("prediction")

    def run(self) -> rasp.SOp:
        live = self.p.live_variables()
        for index, module in self.p.modules():
            name = self.names[index][: -len("_outputs")]
            if not live[index]:
                self.sops.append(None)  # never read
            elif isinstance(module, MLP):
                self.sops.append(self.mlp(module).named(self.names[index]))
            elif module.kind == "count":
                self.sops.append(self.count(name, module).named(self.names[index]))
            else:
                self.sops.append(self.attend(name, module).named(self.names[index]))
        return self.classifier()


def decompile_to_rasp(model: DiscreteProgram | TransformerProgramModel) -> rasp.SOp:
    """A RASP program whose value on a token sequence equals the (discretised) model's predicted labels."""
    program = model if isinstance(model, DiscreteProgram) else model.discretise()
    return _Decompiler(program).run()
