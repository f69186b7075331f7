"""Decompile a discrete Transformer Program into a weightsmith RASP program that computes the same labels.

Input: the token sequence itself (BOS included, as the program sees it). Every construction is one
the compiler turns into a few exact heads and MLPs, so the RASP program compiles back into a
transformer (`learn.to_transformer`):

- variables: `tokens`, `indices` for positions; every other variable is an s-op named as in the
  Python decompilation (`attn_0_1_outputs`, ...), holding the same values.
- a numerical (counting) head is `SelectorWidth(Select(key, query, pattern))`, and with
  `Select(indices, indices, LEQ)` (SelectorAnd) when causal. Matches that count only before (after) the
  query are a Select of their own, and-ed with `Select(indices, indices, LT)` (`GT`), or-ed with the
  rest. One that counts only the positions whose
  value is in its set selects on key' = the key's slot where the value is in the set, else NOT_COUNTED
  (one `SequenceMap`), and pattern' never selects NOT_COUNTED.
- a categorical head reads its preferred match (`match_rank`), else position 0: `Aggregate` of
  `SelectPreferred` (the language's hard attention with a position preference) over
  `Select(key', query, pattern')`, where key' is the key's slot with position 0 marked -1 (one lookup
  per key variable, shared by its heads) and pattern' selects the mark too; position 0 ranks last,
  so it is read only when nothing else matches.
- an MLP is a `SequenceMap` (a `Map` when it reads one variable twice) over its table.
- the linear classifier is a `LinearClassifier` over the variables it reads, with the same float64
  weights added in the same order as `DiscreteProgram.scores`.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from weightsmith import rasp
from weightsmith.learn.model import TransformerProgramModel
from weightsmith.learn.program import SCOPES, MLP, DiscreteProgram, Head, counts_some, match_rank
from weightsmith.rasp.typed_tokens import token_index, token_key

POSITION_0 = -1  # the marked key at position 0
NOT_COUNTED = -1  # the key of a position a counting head does not count


class _Decompiler:
    def __init__(self, program: DiscreteProgram):
        self.p = program
        self.cfg = program.config
        self.names = self.cfg.variable_names()
        self.is_token = program.domain_is_token()
        self.token_slot = token_index(self.cfg.vocab)
        self.sops: list[rasp.SOp] = [rasp.tokens, rasp.indices]
        self.marked: dict[int, rasp.SOp] = {}
        self.slots = program.value_sets()

    def slot(self, var: int) -> Callable[[object], int]:
        if self.is_token[var]:
            return lambda value: self.token_slot[token_key(value)]
        return int

    def value(self, var: int) -> Callable[[int], object]:
        if self.is_token[var]:
            return lambda slot: self.cfg.vocab[slot]
        return int

    def prefix(self, select: rasp.Selector) -> rasp.Selector:
        """`select`, restricted to keys at or before the query when the program is causal."""
        if not self.cfg.causal:
            return select
        return rasp.SelectorAnd(select, rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ))

    def count(self, name: str, head: Head) -> rasp.SOp:
        qslot, kslot, matrix = self.slot(head.query), self.slot(head.key), head.predicate
        keys, key_slot, marked = self.sops[head.key], kslot, counts_some(head, self.slots)
        if marked:
            vslot, where = self.slot(head.value), head.where
            if head.key == head.value:
                keys = rasp.Map(lambda k: kslot(k) if where[kslot(k)] else NOT_COUNTED, self.sops[head.key])
            else:
                keys = rasp.SequenceMap(lambda k, v: kslot(k) if where[vslot(v)] else NOT_COUNTED,
                                        self.sops[head.key], self.sops[head.value])
            keys, key_slot = keys.named(f"{name}_keys"), int
        scope = np.zeros(matrix.shape, dtype=np.int64) if head.scope is None else head.scope
        select = None
        sides = {"all": None, "before": rasp.Comparison.LT, "after": rasp.Comparison.GT}
        for index in [i for i in range(len(SCOPES)) if (matrix & (scope == i)).any()] or [SCOPES.index("all")]:
            cells, side = matrix & (scope == index), sides[SCOPES[index]]

            def pattern(k: object, q: object, cells=cells) -> bool:
                return not (marked and k == NOT_COUNTED) and bool(cells[qslot(q), key_slot(k)])

            part = rasp.Select(keys, self.sops[head.query], pattern).named(f"{name}_{SCOPES[index]}")
            if side is not None:  # only the keys before (after) the query
                part = rasp.SelectorAnd(part, rasp.Select(rasp.indices, rasp.indices, side))
            select = part if select is None else rasp.SelectorOr(select, part)
        return rasp.SelectorWidth(self.prefix(select))

    def marked_key(self, var: int) -> rasp.SOp:
        """The key variable's slot, POSITION_0 at position 0 (cached: heads share their keys)."""
        if var not in self.marked:
            slot, name = self.slot(var), f"{self.names[var]}_keys"
            if var == 1:  # positions: a relabelling of indices, no lookup
                marked = rasp.Map(lambda i: POSITION_0 if i == 0 else i, rasp.indices)
            else:
                marked = rasp.SequenceMap(lambda v, i: POSITION_0 if i == 0 else slot(v), self.sops[var], rasp.indices)
            self.marked[var] = marked.named(name)
        return self.marked[var]

    def attend(self, name: str, head: Head) -> rasp.SOp:
        qslot, matrix = self.slot(head.query), head.predicate
        rank = match_rank(head.order, self.cfg.max_len)
        last = int(rank.max()) + 1  # position 0 ranks after every match

        def pattern(k: int, q: object) -> bool:
            return k == POSITION_0 or bool(matrix[qslot(q), k])

        select = rasp.Select(self.marked_key(head.key), self.sops[head.query], pattern).named(f"{name}_pattern")
        preferred = rasp.SelectPreferred(self.prefix(select), lambda k, q: last if k == 0 else int(rank[q, k]))
        # Position 0 is always selected, so the default is never used; a value the variable can hold
        # anyway tells the compiler the head is never None (which it cannot prove) at no cost.
        default = self.value(head.value)(self.slots[head.value][0])
        return rasp.Aggregate(preferred.named(f"{name}_match"), self.sops[head.value], default=default)

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
        weights = [{self.value(v)(slot): self.p.classifier[v, slot] for slot in self.slots[v]} for v in reads]
        if not reads:  # the bias alone: any input, with no weights
            reads, weights = [0], [{}]
        inputs = [self.sops[v] for v in reads]
        return rasp.LinearClassifier(inputs, weights, self.p.bias, self.cfg.classes).named("prediction")

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
    """A RASP program whose value equals the (discretised) model's predicted labels on every input the model
    takes: BOS first, then tokens of its vocabulary, at most `config.max_len` in all. Those inputs are annotated
    on it (`rasp.with_domain`), so the interpreter refuses the others as `DiscreteProgram.predict` and the
    decompiled Python do; it answered them (`learn hist`'s program gave [2, 2] on `1 1`, reading 1 as BOS)."""
    program = model if isinstance(model, DiscreteProgram) else model.discretise()
    config = program.config
    return rasp.with_domain(_Decompiler(program).run(), rasp.InputDomain(tuple(config.vocab), config.max_len,
                                                                         config.vocab[0]))
