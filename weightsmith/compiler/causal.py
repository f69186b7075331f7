"""What a causal (decoder) model computes, as a RASP program the interpreter can run.

A causal model lets each query see only keys at or before it. Compiled with `causal=True`, a program
therefore computes its *causal form*: every Aggregate and SelectorWidth selects only among keys at or
before the query, and `length` is the length so far (index + 1). For a program that only looks back
anyway (prefix means, previous-token copies, ...) the causal form gives the same outputs as running
the program on each prefix, which is what generating token by token needs.

`causal_program` builds that form, so the interpreter can check a causal model and the compiler can
infer value facts for it: the values a causal model meets (means over prefixes, widths so far) are
those of the causal form, not of the original.

A program that only ever looks back (`looks_back_only`: every selector admits only keys at or before
the query, and `length` is not used) *is* its causal form. The compiler then lets the causal mask do
that work even when no causal model was asked for: the prefix atoms `Select(indices, indices, LEQ)`
cost nothing, and `indices` often needs no dimensions at all.
"""

from __future__ import annotations

import itertools
import operator
from typing import Iterator

from weightsmith import rasp
from weightsmith.compiler.selectors import Atom, conjunction
from weightsmith.rasp.one_row import _OPERATORS as COMPARISON_OPERATORS


def causal_program(program: rasp.SOp) -> tuple[rasp.SOp, dict[int, rasp.RASPExpr]]:
    """(the causal form of `program`, map from id(original expression) to its causal counterpart)."""
    mapping: dict[int, rasp.RASPExpr] = {}
    at_or_before = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ).named("causal_mask")
    for expr in rasp.topological_order(program):
        mapping[id(expr)] = _counterpart(expr, mapping, at_or_before)
    return mapping[id(program)], mapping


def looks_back_only(program: rasp.SOp, max_seq_len: int, order: list | None = None) -> bool:
    """Whether every Aggregate/SelectorWidth selects only keys at or before the query (so the program
    equals its causal form) and `length` - which a causal model reads as the length so far - is unused.
    `order`: the program's expressions with its loop's body, if the caller has them (`ProgramGraph.order`)."""
    if order is None:
        order = rasp.topological_order(program)
        order += [e for loop in order if isinstance(loop, rasp.Loop) for e in loop.body]  # run every iteration
    if any(isinstance(e, rasp.LengthType) for e in order):
        return False
    selectors = [_unpreferred(e.selector) for e in order if isinstance(e, (rasp.Aggregate, rasp.SelectorWidth))]
    return all(any(_never_ahead(a, max_seq_len) for a in conjunction(s)) for s in selectors)


def _unpreferred(selector: rasp.Selector) -> rasp.Selector:
    """The selector a SelectPreferred chooses among (it selects a key only where that one does)."""
    return selector.selector if isinstance(selector, rasp.SelectPreferred) else selector


def implied_by_mask(atom: Atom, max_seq_len: int) -> bool:
    """Whether a causal mask makes `atom` redundant: it compares positions and holds for every key at
    or before the query."""
    if not _on_positions(atom):
        return False
    return all(_holds_on_positions(atom, ((k, q) for q in range(max_seq_len) for k in range(q + 1))))


def _never_ahead(atom: Atom, max_seq_len: int) -> bool:
    """An atom on positions that never holds for a key after the query."""
    if not _on_positions(atom):
        return False
    return not any(_holds_on_positions(atom, ((k, q) for q in range(max_seq_len) for k in range(q + 1, max_seq_len))))


def _holds_on_positions(atom: Atom, pairs: Iterator[tuple[int, int]]) -> Iterator[bool]:
    """`atom.holds` on (key, query) pairs of positions, as lazily as they come (the callers stop at the
    first pair that decides). A Comparison on positions (ints, never None) is its operator, mapped over the pairs in C:
    a call of `holds` costs about a microsecond, and both questions above may ask every pair (55 at
    length 10, for each atom on positions in every compile)."""
    compare = COMPARISON_OPERATORS.get(atom.comparison)
    if compare is None:
        return (atom.holds((k,), (q,)) for k, q in pairs)
    return map(operator.ne, itertools.starmap(compare, pairs), itertools.repeat(atom.negated))


def _on_positions(atom: Atom) -> bool:
    # by identity: `==` on s-ops builds a Map (Tracr's operator sugar), which is always truthy
    return (len(atom.keys) == len(atom.queries) == 1 and isinstance(atom.keys[0], rasp.IndicesType)
            and isinstance(atom.queries[0], rasp.IndicesType))


def _counterpart(expr: rasp.RASPExpr, mapping: dict, mask: rasp.Select) -> rasp.RASPExpr:
    def new(e: rasp.RASPExpr) -> rasp.RASPExpr:
        return mapping[id(e)]

    if isinstance(expr, (rasp.TokensType, rasp.IndicesType, rasp.Full, rasp.ConstantSOp, rasp.ConstantSelector)):
        return expr
    if isinstance(expr, rasp.LengthType):
        made: rasp.RASPExpr = rasp.Map(lambda i: i + 1, rasp.indices)
    elif isinstance(expr, rasp.LinearSequenceMap):
        made = rasp.LinearSequenceMap(new(expr.fst), new(expr.snd), expr.fst_fac, expr.snd_fac)
    elif isinstance(expr, rasp.SequenceMap):
        made = rasp.SequenceMap(expr.f, new(expr.fst), new(expr.snd))
    elif isinstance(expr, rasp.Map):
        made = rasp.Map(expr.f, new(expr.inner), simplify=False)
    elif isinstance(expr, rasp.Aggregate) and isinstance(expr.selector, rasp.SelectPreferred):
        made = rasp.Aggregate(new(expr.selector), new(expr.sop), default=expr.default)  # masked inside
    elif isinstance(expr, rasp.Aggregate):
        made = rasp.Aggregate(rasp.SelectorAnd(new(expr.selector), mask), new(expr.sop), default=expr.default)
    elif isinstance(expr, rasp.SelectPreferred):  # the preferred key among those at or before the query
        made = rasp.SelectPreferred(rasp.SelectorAnd(new(expr.selector), mask), expr.rank)
    elif isinstance(expr, rasp.LinearClassifier):
        made = rasp.LinearClassifier([new(s) for s in expr.inputs], expr.weights, expr.bias, expr.classes)
    elif isinstance(expr, rasp.SelectorWidth):
        made = rasp.SelectorWidth(rasp.SelectorAnd(new(expr.selector), mask))
    elif isinstance(expr, rasp.Select):
        made = rasp.Select(new(expr.keys), new(expr.queries), expr.predicate)
    elif isinstance(expr, rasp.SelectorAnd):
        made = rasp.SelectorAnd(new(expr.fst), new(expr.snd))
    elif isinstance(expr, rasp.SelectorOr):
        made = rasp.SelectorOr(new(expr.fst), new(expr.snd))
    elif isinstance(expr, rasp.SelectorNot):
        made = rasp.SelectorNot(new(expr.inner))
    else:
        raise TypeError(f"cannot make the causal form of {type(expr).__name__} {expr.label!r}")
    return rasp.annotate(made, **{**expr.annotations, "name": expr.label})


class CausalFacts:
    """Value facts of a program's causal form, asked for by the original program's expressions."""

    def __init__(self, facts, mapping: dict[int, rasp.RASPExpr]):
        self._facts = facts
        self._mapping = mapping
        self.exhaustive = facts.exhaustive

    def _of(self, expr: rasp.RASPExpr) -> rasp.RASPExpr:
        return self._mapping.get(id(expr), expr)

    def values(self, expr: rasp.SOp) -> list:
        return self._facts.values(self._of(expr))

    def nullable(self, expr: rasp.SOp) -> bool:
        return self._facts.nullable(self._of(expr))

    def joint(self, exprs) -> list[tuple]:
        return self._facts.joint([self._of(e) for e in exprs])

    def function_table(self, expr: rasp.Map | rasp.SequenceMap) -> tuple[list, list]:
        return self._facts.function_table(self._of(expr))  # the counterpart applies the same f

    def may_average(self, aggregate: rasp.Aggregate) -> bool:
        return self._facts.may_average(self._of(aggregate))

    def may_retype(self, aggregate: rasp.Aggregate) -> bool:
        return self._facts.may_retype(self._of(aggregate))
