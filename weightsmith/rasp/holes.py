"""Holes: the parts of a program left for gradient descent to fill (`rasp.Learnable`).

A *sketch* is a RASP program some of whose tables and predicates are unknown: the hand-written parts
say which s-ops exist and how they connect, the holes say only what values a table may output.

    kind = rasp.Learnable.map(rasp.tokens, values=["noun", "verb"]).named("kind")
    agree = rasp.Learnable.select(kind, kind).named("agree")

A hole is an ordinary Map / SequenceMap / Select whose function is a `HoleTable`: empty, it refuses to
run (the interpreter names the hole and says to fit it first); filled (by `weightsmith.learn.sketch.fit`
or by hand with `hole.fill(...)`), it is a lookup table and the program is an ordinary program that the
interpreter runs and the compiler compiles. Value-set inference reads an empty hole's values from its
declaration, so a sketch's value sets are known before anything is learned.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from weightsmith.rasp import expr as rx
from weightsmith.rasp.errors import RASPError, describe


class UnfilledHoleError(RASPError):
    """A sketch was run before its holes were filled."""


class HoleTable:
    """A hole's function: a lookup table from argument tuples to values, empty until filled.

    A table hole may output only its declared `values`; a predicate hole outputs booleans. An argument
    tuple missing from a filled table maps to `default` (a table fitted on examples may not have seen
    every input value: what it outputs there is stated, not guessed at run time).
    """

    def __init__(self, values: Sequence[Any] | None, default: Any = None, arity: int = 1):
        self.values = None if values is None else list(values)
        self.default = default
        self.arity = arity  # arguments per call: 1 for a Map, 2 for a SequenceMap or a predicate
        self.entries: dict[tuple, Any] | None = None
        self.hole: rx.RASPExpr | None = None  # the expression it is the function of (for messages)

    @property
    def owner(self) -> str:
        return self.hole.label if self.hole is not None else "?"

    def clone(self) -> "HoleTable":
        new = HoleTable(self.values, self.default, self.arity)
        new.entries = None if self.entries is None else dict(self.entries)
        return new

    @property
    def filled(self) -> bool:
        return self.entries is not None

    def fill(self, entries: Mapping[Any, Any]) -> None:
        entries = {self._arguments(k): v for k, v in entries.items()}
        if self.values is not None:
            bad = [v for v in entries.values() if v not in self.values]
            if bad:
                raise ValueError(f"hole {self.owner!r}: {bad[0]!r} is not one of its declared values {self.values}")
        else:
            bad = [v for v in entries.values() if not isinstance(v, bool)]
            if bad:
                raise ValueError(f"hole {self.owner!r}: a predicate's cells are True or False, got {bad[0]!r}")
        self.entries = entries

    def _arguments(self, key: Any) -> tuple:
        """A filling's key as the argument tuple the table is called with. A Map's key is its argument's value,
        whatever it is (a pair value (1, 0) is one argument, not two), or that value in a 1-tuple; a pair
        hole's key must be a pair, since any other key would match no call and leave the default in place."""
        key = tuple(key) if isinstance(key, list) else key
        if self.arity == 1:
            return key if isinstance(key, tuple) and len(key) == 1 else (key,)
        if not (isinstance(key, tuple) and len(key) == 2):
            pair = "an argument pair" if self.values is not None else "a (key, query) pair"
            raise ValueError(f"hole {self.owner!r}: a key is {pair}, got {key!r}")
        return key

    def __call__(self, *args: Any) -> Any:
        if self.entries is None:
            raise UnfilledHoleError(f"hole {self.owner!r} is not filled: fit the sketch first "
                                    "(weightsmith.learn.sketch.fit) or fill it by hand")
        return self.entries.get(args, self.default)

    def __repr__(self) -> str:
        state = f"{len(self.entries)} entries" if self.entries is not None else "empty"
        return f"HoleTable({self.owner!r}, {state})"


class Hole:
    """What every hole has: its own table (a copy, e.g. by `.named`, gets a copy of it), and `fill`."""

    table: HoleTable
    _function_attribute = "f"  # where the table sits: Map/SequenceMap's f, Select's predicate

    def _own(self, table: HoleTable) -> None:
        self.table = table
        table.hole = self  # type: ignore[assignment]
        setattr(self, self._function_attribute, table)

    def copy(self):
        new = super().copy()  # type: ignore[misc]
        new._own(self.table.clone())
        return new

    def fill(self, entries: Mapping[Any, Any]) -> "Hole":
        """Fill the table (keys: a Map's argument values, a pair hole's argument pairs); returns the hole."""
        self.table.fill(entries)
        return self


class LearnableMap(Hole, rx.Map):
    """A table to learn: one output (from `values`) for each value of `inner`."""

    default_name_prefix = "learnable_map"
    fusable = False  # a Map over it must stay a Map over it: the hole is a node of its own

    def __init__(self, inner: rx.SOp, values: Iterable[Any], default: Any = None):
        table = HoleTable(_declared(values, "Learnable.map"), default)
        super().__init__(table, inner, simplify=False)
        self._own(table)


class LearnableSequenceMap(Hole, rx.SequenceMap):
    """A table to learn over pairs: one output (from `values`) for each (fst, snd) pair of values."""

    default_name_prefix = "learnable_sequence_map"

    def __init__(self, fst: rx.SOp, snd: rx.SOp, values: Iterable[Any], default: Any = None):
        table = HoleTable(_declared(values, "Learnable.sequence_map"), default, arity=2)
        super().__init__(table, fst, snd)
        self._own(table)


class LearnableSelect(Hole, rx.Select):
    """A predicate to learn: which (key value, query value) pairs match. Unseen pairs do not match.

    `one_key=True` declares that each query value matches exactly one key value (as "rank == position"
    does, or a Transformer Program's one-to-one predicates): `fit` then learns a choice of key per query
    (a softmax over the key values) instead of an independent yes/no per cell, so a discretised filling
    never makes a query select two key values at once, which a categorical Aggregate cannot average."""

    default_name_prefix = "learnable_select"
    _function_attribute = "predicate"

    def __init__(self, keys: rx.SOp, queries: rx.SOp, one_key: bool = False):
        table = HoleTable(None, default=False, arity=2)
        super().__init__(keys, queries, table)
        self._own(table)
        self.one_key = one_key


def _declared(values: Iterable[Any], where: str) -> list:
    values = list(values)
    if not values:
        raise ValueError(f"{where}: give the values the table may output (a non-empty list)")
    if len(set(map(repr, values))) != len(values):
        raise ValueError(f"{where}: the values {values} repeat one")
    return values


class Learnable:
    """Holes in a program, filled by `weightsmith.learn.sketch.fit`."""

    map = LearnableMap
    sequence_map = LearnableSequenceMap
    select = LearnableSelect


def holes(program: rx.RASPExpr) -> list[Hole]:
    """The holes of a program, dependencies first."""
    from weightsmith.rasp.graph import topological_order

    return [e for e in topological_order(program) if isinstance(e, Hole)]


def unfilled(e: rx.RASPExpr) -> bool:
    return isinstance(e, Hole) and not e.table.filled


def check_filled(program: rx.RASPExpr, error: type[Exception]) -> None:
    """Raise `error` naming the first unfilled hole of `program`, if any: for a compiler or checker, whose tables
    read a raising predicate as no match, so that an unfilled sketch would pass as a program meaning nothing."""
    empty = next((hole for hole in holes(program) if unfilled(hole)), None)
    if empty is not None:
        raise error(not_filled(empty))


def not_filled(e: rx.RASPExpr) -> str:
    """What the interpreter and the compiler say of an unfilled hole `e` (one wording for both)."""
    return (f"{describe(e)} is a hole that is not filled: fit the sketch first (weightsmith.learn.sketch.fit) "
            "or fill it by hand (hole.fill)")
