"""Selectors as conjunctions of atoms: the shape one attention head can compute exactly.

An atom is one table `predicate(key value, query value) -> bool` over the values of a key s-op and a
query s-op. A head scores a key by the number of true atoms (each atom is a bilinear form of one-hot
read-outs), so a key scoring the maximum `len(atoms)` is selected by all of them: that is how
`SelectorAnd` costs nothing. `SelectorNot` of one atom negates its table. `SelectorOr`, or `SelectorNot`
of a conjunction, is not a sum of tables; its atoms are merged into one atom over *tuples* of the s-ops
they read (the compiler then builds the tuple s-ops with an MLP lookup), unless they all read the same
keys and queries, when the merged table needs nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from weightsmith import rasp
from weightsmith.compiler.errors import CompileError

TablePredicate = Callable[[tuple, tuple], bool]


@dataclass(frozen=True)
class Atom:
    """`predicate(key values, query values)`, with keys/queries tuples of s-ops (usually one each).

    `custom` marks a user function, which RASP calls even on None values (a Comparison raises on
    None instead, so for it None never needs a table entry).
    """

    keys: tuple[rasp.SOp, ...]
    queries: tuple[rasp.SOp, ...]
    predicate: TablePredicate
    custom: bool = False
    comparison: rasp.Comparison | None = None  # the predicate is this Comparison (negated: its negation)
    negated: bool = False

    def holds(self, key_values: tuple, query_values: tuple) -> bool:
        """The predicate, False where it raises (such a pair makes the interpreter raise too)."""
        try:
            return bool(self.predicate(key_values, query_values))
        except Exception:  # noqa: BLE001 - the interpreter reports these itself
            return False

    def table(self, key_values: Sequence[tuple], query_values: Sequence[tuple]) -> np.ndarray:
        """[query, key] bool array of `holds`. A Comparison is applied to whole arrays at once (numpy
        calls the same Python operator on every pair, far faster than a call per pair; on exact ints,
        int64 arrays, whose comparisons are the ints' own); where it cannot be (None, or a pair the
        operator rejects), every pair is tried on its own."""
        shape = (len(query_values), len(key_values))
        if self.comparison is not None:
            keys, queries = _ints(key_values), _ints(query_values)
            if keys is None or queries is None:
                if not all(v[0] is not None for v in [*key_values, *query_values]):
                    keys = None  # a Comparison raises on None: decided pair by pair (holds is False there)
                else:
                    keys, queries = _objects(key_values), _objects(query_values)
            if keys is not None:
                try:
                    # TRUE and FALSE give one bool, which `!=` broadcasts (cheaper than np.broadcast_to's checks)
                    table = np.asarray(self.comparison(keys[None, :], queries[:, None]), dtype=bool)
                    return np.not_equal(table, self.negated, out=np.empty(shape, dtype=bool))
                except Exception:  # noqa: BLE001 - e.g. "<" between a str and an int: decided pair by pair
                    pass
        return np.array([[self.holds(k, q) for k in key_values] for q in query_values], dtype=bool).reshape(shape)


INT64 = 1 << 63


def _ints(values: Sequence[tuple]) -> np.ndarray | None:
    """The single values of 1-tuples as an int64 array when every one is an exact int that fits (the
    usual case: positions, counts), else None. Comparing int64 arrays gives the truth values Python's
    comparisons give on those ints, without a Python call per pair."""
    singles = [v for (v,) in values]
    if set(map(type, singles)) != {int} or not (-INT64 <= min(singles) and max(singles) < INT64):
        return None
    return np.array(singles, dtype=np.int64)


def _objects(values: Sequence[tuple]) -> np.ndarray:
    """The single values of 1-tuples as an object array (filled one by one: a tuple value stays whole)."""
    array = np.empty(len(values), dtype=object)
    for i, (v,) in enumerate(values):
        array[i] = v
    return array


def conjunction(selector: rasp.Selector) -> list[Atom]:
    """Atoms whose conjunction is `selector` (an empty list selects every key)."""
    return _conjunction(_tree(selector))


def never_empty(selector: rasp.Selector, values: Callable[[rasp.SOp], list], nullable: Callable[[rasp.SOp], bool]) -> bool:
    """True when every query provably selects at least one key (its own position, or every position);
    a SelectPreferred selects one where its selector selects any."""
    if isinstance(selector, rasp.SelectPreferred):
        return never_empty(selector.selector, values, nullable)
    reflexive, total = _coverage(selector, values, nullable)
    return reflexive or total


# A selector as a formula: ("atom", Atom) | ("and", a, b) | ("or", a, b) | ("not", a).
Tree = tuple


def _tree(selector: rasp.Selector) -> Tree:
    if isinstance(selector, rasp.Select):
        predicate = selector.predicate
        comparison = predicate if isinstance(predicate, rasp.Comparison) else None
        return ("atom", Atom((selector.keys,), (selector.queries,), lambda k, q: predicate(k[0], q[0]),
                             custom=comparison is None, comparison=comparison))
    if isinstance(selector, rasp.ConstantSelector):
        matrix = selector.value

        def fixed(k: tuple, q: tuple) -> bool:
            return q[0] < len(matrix) and k[0] < len(matrix[q[0]]) and matrix[q[0]][k[0]]

        return ("atom", Atom((rasp.indices,), (rasp.indices,), fixed))
    if isinstance(selector, rasp.SelectorAnd):
        return ("and", _tree(selector.fst), _tree(selector.snd))
    if isinstance(selector, rasp.SelectorOr):
        return ("or", _tree(selector.fst), _tree(selector.snd))
    if isinstance(selector, rasp.SelectorNot):
        return ("not", _tree(selector.inner))
    if isinstance(selector, rasp.SelectPreferred):
        raise CompileError(
            f"SelectPreferred {selector.label!r} compiles only as the selector of an Aggregate (one head with a "
            "position preference), not inside SelectorAnd/Or/Not or SelectorWidth"
        )
    raise TypeError(f"not a selector: {selector!r}")


def _conjunction(tree: Tree) -> list[Atom]:
    kind = tree[0]
    if kind == "atom":
        return [tree[1]]
    if kind == "and":
        return _conjunction(tree[1]) + _conjunction(tree[2])
    if kind == "not" and tree[1][0] == "not":
        return _conjunction(tree[1][1])
    if kind == "not" and tree[1][0] == "atom":
        atom: Atom = tree[1][1]
        return [Atom(atom.keys, atom.queries, lambda k, q, p=atom.predicate: not p(k, q), atom.custom,
                     atom.comparison, not atom.negated)]
    return [_merge(tree)]


def _leaves(tree: Tree) -> list[Atom]:
    return [tree[1]] if tree[0] == "atom" else [a for sub in tree[1:] for a in _leaves(sub)]


def _distinct(sops: Sequence[rasp.SOp]) -> tuple[rasp.SOp, ...]:
    seen: dict[int, rasp.SOp] = {}
    for s in sops:
        seen.setdefault(id(s), s)
    return tuple(seen.values())


def _merge(tree: Tree) -> Atom:
    """One atom over the tuple of all key s-ops and the tuple of all query s-ops of `tree`."""
    leaves = _leaves(tree)
    keys = _distinct([s for a in leaves for s in a.keys])
    queries = _distinct([s for a in leaves for s in a.queries])
    key_at = {id(s): i for i, s in enumerate(keys)}
    query_at = {id(s): i for i, s in enumerate(queries)}

    def evaluate(t: Tree, k: tuple, q: tuple) -> bool:
        kind = t[0]
        if kind == "atom":
            a: Atom = t[1]
            return a.predicate(tuple(k[key_at[id(s)]] for s in a.keys), tuple(q[query_at[id(s)]] for s in a.queries))
        if kind == "and":
            return evaluate(t[1], k, q) and evaluate(t[2], k, q)
        if kind == "or":
            return evaluate(t[1], k, q) or evaluate(t[2], k, q)
        return not evaluate(t[1], k, q)

    custom = len(keys) == len(queries) == 1 and any(a.custom for a in leaves)
    return Atom(keys, queries, lambda k, q: evaluate(tree, k, q), custom)


def _coverage(selector: rasp.Selector, values, nullable) -> tuple[bool, bool]:
    """(reflexive: every query selects its own position, total: every query selects every key)."""
    if isinstance(selector, rasp.Select):
        atom = _tree(selector)[1]
        keys, queries = selector.keys, selector.queries
        kv, qv = values(keys), values(queries)
        # TRUE holds for every pair of values (None is not a value here: the sides are not nullable)
        total = not nullable(keys) and not nullable(queries) and (selector.predicate is rasp.Comparison.TRUE or all(
            atom.holds((k,), (q,)) for k in kv for q in qv))
        reflexive = total or keys is queries and not nullable(keys) and all(atom.holds((v,), (v,)) for v in kv)
        return reflexive, total
    if isinstance(selector, rasp.SelectorAnd):
        (r1, t1), (r2, t2) = _coverage(selector.fst, values, nullable), _coverage(selector.snd, values, nullable)
        return (r1 or t1) and (r2 or t2), t1 and t2
    if isinstance(selector, rasp.SelectorOr):
        (r1, t1), (r2, t2) = _coverage(selector.fst, values, nullable), _coverage(selector.snd, values, nullable)
        return r1 or r2 or t1 or t2, t1 or t2
    return False, False
