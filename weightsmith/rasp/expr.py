"""RASP expressions: s-ops (sequence -> sequence) and selectors (sequence -> attention pattern).

The classes mirror Tracr's `rasp` module name for name and argument for argument, so a Tracr program
runs unchanged with `from weightsmith import rasp`. Expressions are immutable descriptions; evaluating
them is the interpreters' job (`evaluate.py` for one input, `batch.py` for many).

As in Tracr, annotating (`named`, `numerical`, `annotate`) returns a copy with a new id and leaves
the original alone, so `rasp.numerical(rasp.tokens)` never changes `rasp.tokens`; an unnamed
expression's name is its kind (`map`) and its `label` adds the id (`map_7`).

Differences from Tracr, all invisible to a program's results:
- a named expression's `label` is its name (`sort_keys`, not `sort_keys_12`): residual dimensions
  and traces carry the names a user gave (the compiler disambiguates a name used twice).
- constructors check their arguments and say which argument is wrong instead of `assert`.

Beyond Tracr, two primitives that trained transformers use and RASP cannot express: `SelectPreferred`
(hard attention with a position preference: the closest, first or last match) and `LinearClassifier`
(a linear read-out, the unembedding's argmax).
"""

from __future__ import annotations

import collections.abc
import copy
import enum
import itertools
import logging
import math
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Sequence, TypeVar, Union

from weightsmith.rasp.typed_tokens import token_key

Value = Union[None, int, float, str, bool]
NumericValue = Union[int, float]
SelectorValue = list[list[bool]]

_NAME_KEY = "name"
_ENCODING_KEY = "encoding"

_log = logging.getLogger(__name__)

RASPExprT = TypeVar("RASPExprT", bound="RASPExpr")
SOpT = TypeVar("SOpT", bound="SOp")


class Encoding(enum.Enum):
    """How an s-op lives in the residual stream: one-hot per value, or a single number."""

    CATEGORICAL = "categorical"
    NUMERICAL = "numerical"


class _Annotations(collections.abc.Mapping):
    """Read-only annotations; `name` and `encoding` have defaults when not given.

    A default is computed on each request, never stored: a copy then carries only what was given, so
    an unnamed expression's copy stays unnamed (and gets its own default label).
    """

    def __init__(self, expr: "RASPExpr", values: Mapping[str, Any]):
        self._expr = expr
        self._values: Dict[str, Any] = dict(values)

    def __getitem__(self, key: str) -> Any:
        if key in self._values:
            return self._values[key]
        if key == _NAME_KEY:
            return self._expr.default_name_prefix
        if key == _ENCODING_KEY and isinstance(self._expr, SOp):
            return Encoding.CATEGORICAL
        raise KeyError(f"no annotation {key!r} on {self._expr!r}")

    def get(self, key: str, default: Any = None) -> Any:
        """`Mapping.get` without its KeyError: the compiler asks every s-op for an optional annotation
        (`compact_choice`), and the error's message prints the expression."""
        if key in self._values or key == _NAME_KEY or (key == _ENCODING_KEY and isinstance(self._expr, SOp)):
            return self[key]
        return default

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


class RASPExpr:
    """Base class of every RASP expression; use `isinstance(x, RASPExpr)` to recognise one."""

    _ids = itertools.count(1)
    default_name_prefix = "expr"  # the name when none is given, as Tracr's: the kind of expression

    def __init__(self) -> None:
        self.unique_id: int = next(RASPExpr._ids)
        self._annotations = _Annotations(self, {})

    @property
    def annotations(self) -> Mapping[str, Any]:
        return self._annotations

    @annotations.setter
    def annotations(self, values: Mapping[str, Any]) -> None:
        self._annotations = _Annotations(self, values)

    @property
    def name(self) -> str:
        return self.annotations[_NAME_KEY]

    @property
    def label(self) -> str:
        """The name a user gave, else the default name and the id (`map_7`): unique unless reused."""
        if _NAME_KEY in self._annotations._values:
            return self.name
        return f"{self.default_name_prefix}_{self.unique_id}"

    @property
    def children(self) -> Sequence["RASPExpr"]:
        return ()

    def copy(self: RASPExprT) -> RASPExprT:
        """A shallow copy with a new id and its own annotations (children are shared), as in Tracr."""
        new = copy.copy(self)
        new.unique_id = next(RASPExpr._ids)
        new._annotations = _Annotations(new, self._annotations._values)
        return new

    def named(self: RASPExprT, name: str) -> RASPExprT:
        return annotate(self, name=name)

    def annotated(self: RASPExprT, **annotations: Any) -> RASPExprT:
        return annotate(self, **annotations)

    def __call__(self, xs: Sequence[Value]):
        from weightsmith.rasp.evaluate import evaluate

        return evaluate(self, xs)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.label})"

    # Expressions are used as dictionary keys by identity (the operators below are overloaded).
    __hash__ = object.__hash__


def annotate(expr: RASPExprT, **annotations: Any) -> RASPExprT:
    """A copy of `expr` with these annotations added (new values win); `expr` itself is unchanged.

    Tracr's semantics: `rasp.numerical(rasp.categorical(x))` is numerical while the categorical copy
    stays categorical, and annotating a shared s-op such as `rasp.tokens` cannot change other programs.
    """
    new = expr.copy()
    new.annotations = {**expr._annotations._values, **annotations}
    return new


def _require(kind: type, value: Any, role: str, where: str) -> None:
    if not isinstance(value, kind):
        raise TypeError(f"{where}: {role} must be a {kind.__name__}, got {type(value).__name__} {value!r}")


def _require_function(f: Any, where: str) -> None:
    if not callable(f) or isinstance(f, RASPExpr):
        raise TypeError(f"{where}: the function argument must be a plain callable, got {f!r}")


# ---------------------------------------------------------------------------------------------- s-ops


class SOp(RASPExpr):
    """A sequence operation: maps an input sequence to a sequence of the same length."""

    default_name_prefix = "sop"

    # Operator sugar, as in Tracr: with a constant it builds a Map, with another s-op a SequenceMap.
    def __lt__(self, other: Value) -> "SOp":
        return Map(lambda x: x < other, self)

    def __le__(self, other: Value) -> "SOp":
        return Map(lambda x: x <= other, self)

    def __eq__(self, other: Value) -> "SOp":  # type: ignore[override]
        return Map(lambda x: x == other, self)

    def __ne__(self, other: Value) -> "SOp":  # type: ignore[override]
        return Map(lambda x: x != other, self)

    def __gt__(self, other: Value) -> "SOp":
        return Map(lambda x: x > other, self)

    def __ge__(self, other: Value) -> "SOp":
        return Map(lambda x: x >= other, self)

    def __add__(self, other):
        return _binary(self, other, lambda x, y: x + y)

    def __radd__(self, other):
        return _binary(other, self, lambda x, y: x + y)

    def __sub__(self, other):
        return _binary(self, other, lambda x, y: x - y)

    def __rsub__(self, other):
        return _binary(other, self, lambda x, y: x - y)

    def __mul__(self, other):
        return _binary(self, other, lambda x, y: x * y)

    def __rmul__(self, other):
        return _binary(other, self, lambda x, y: x * y)

    def __truediv__(self, other):
        return _binary(self, other, lambda x, y: x / y)

    def __rtruediv__(self, other):
        return _binary(other, self, lambda x, y: x / y)

    def __and__(self, other):
        return _binary(self, other, lambda x, y: x and y)

    def __rand__(self, other):
        return _binary(other, self, lambda x, y: x and y)

    def __or__(self, other):
        return _binary(self, other, lambda x, y: x or y)

    def __ror__(self, other):
        return _binary(other, self, lambda x, y: x or y)

    def __invert__(self) -> "SOp":
        return Map(lambda x: not x, self)

    __hash__ = RASPExpr.__hash__


def _binary(left: Any, right: Any, f: Callable[[Any, Any], Any]) -> SOp:
    """`left op right` where at least one side is an s-op and the other may be a constant."""
    if isinstance(left, SOp) and isinstance(right, SOp):
        return SequenceMap(f, left, right)
    if isinstance(left, SOp):
        return Map(lambda x: f(x, right), left)
    return Map(lambda x: f(left, x), right)


class TokensType(SOp):
    """The input tokens."""

    default_name_prefix = "tokens"

    @property
    def label(self) -> str:
        return "tokens"

    def __repr__(self) -> str:
        return "tokens"


class IndicesType(SOp):
    """The position of each token, 0-based."""

    default_name_prefix = "indices"

    @property
    def label(self) -> str:
        return "indices"

    def __repr__(self) -> str:
        return "indices"


class LengthType(SOp):
    """The input's length, at every position."""

    default_name_prefix = "length"

    @property
    def label(self) -> str:
        return "length"

    def __repr__(self) -> str:
        return "length"


tokens = TokensType()
indices = IndicesType()
length = LengthType()


@dataclass(frozen=True)
class Composition:
    """The functions a fused Map applies, first to last, in a loop: a chain of fused Maps composed as nested
    lambdas recursed once per Map, so 3,000 of them raised RecursionError, blamed on the user's function."""

    functions: tuple[Callable[[Value], Value], ...]

    @classmethod
    def of(cls, first: Callable[[Value], Value], then: Callable[[Value], Value]) -> Composition:
        head = first.functions if isinstance(first, Composition) else (first,)
        return cls((*head, then))

    def __call__(self, x: Value) -> Value:
        for f in self.functions:
            x = f(x)
        return x


class Map(SOp):
    """`f` applied at every position: Map(lambda x: x + 1, tokens)([1, 2]) == [2, 3].

    With `simplify=True` (Tracr's default) a Map of a Map is fused into one Map of the inner s-op,
    exactly as Tracr does; the fused Map computes the same values.
    """

    default_name_prefix = "map"
    fusable = True  # whether a Map over this one may fuse with it (a hole may not: it is a node to learn)

    def __init__(self, f: Callable[[Value], Value], inner: SOp, simplify: bool = True):
        super().__init__()
        _require_function(f, "Map")
        _require(SOp, inner, "the inner argument", "Map")
        self.f = f
        self.inner = inner
        if simplify and isinstance(inner, Map) and inner.fusable:
            self.f = Composition.of(inner.f, f)
            self.inner = inner.inner

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.inner,)


class SequenceMap(SOp):
    """`f(a, b)` at every position, for two s-ops a (`fst`) and b (`snd`)."""

    default_name_prefix = "sequence_map"

    def __init__(self, f: Callable[[Value, Value], Value], fst: SOp, snd: SOp):
        super().__init__()
        _require_function(f, type(self).__name__)
        _require(SOp, fst, "the first s-op", type(self).__name__)
        _require(SOp, snd, "the second s-op", type(self).__name__)
        if fst is snd:
            _log.warning("Creating a SequenceMap with both inputs being the same SOp (%s) is discouraged: "
                         "use a Map instead, as Tracr advises", fst.label)
        self.f = f
        self.fst = fst
        self.snd = snd

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.fst, self.snd)


class LinearSequenceMap(SequenceMap):
    """`fst_fac * a + snd_fac * b`: a SequenceMap the compiler builds without hidden units."""

    default_name_prefix = "linear_sequence_map"

    def __init__(self, fst: SOp, snd: SOp, fst_fac: float, snd_fac: float):
        super().__init__(lambda x, y: fst_fac * x + snd_fac * y, fst, snd)
        self.fst_fac = fst_fac
        self.snd_fac = snd_fac


class Full(SOp):
    """The same value at every position."""

    default_name_prefix = "full"

    def __init__(self, fill: Value):
        super().__init__()
        self.fill = fill


class ConstantSOp(SOp):
    """A fixed sequence of values (for tests); `check_length` demands it match the input's length."""

    default_name_prefix = "constant_sop"

    def __init__(self, value: Sequence[Value], check_length: bool = True):
        super().__init__()
        self.value = list(value)
        self.check_length = check_length


def sop_not(sop: SOp) -> SOp:
    return Map(lambda x: not x, sop)


# ------------------------------------------------------------------------------------------ selectors


class Comparison(enum.Enum):
    """Predicates for Select, called as `predicate(key, query)`."""

    EQ = "=="
    LT = "<"
    LEQ = "<="
    GT = ">"
    GEQ = ">="
    NEQ = "!="
    TRUE = "True"
    FALSE = "False"

    def __call__(self, key: Value, query: Value) -> bool:
        if key is None:
            raise ValueError("key is None!")
        if query is None:
            raise ValueError("query is None!")
        return _COMPARISONS[self._value_](key, query)


# Keyed by the members' values: a str hashes in C, an Enum member by a Python `__hash__` (the compiler
# calls comparisons by the thousand when it tabulates selectors).
_COMPARISONS: Dict[str, Callable[[Any, Any], bool]] = {
    Comparison.EQ.value: lambda k, q: k == q,
    Comparison.LT.value: lambda k, q: k < q,
    Comparison.LEQ.value: lambda k, q: k <= q,
    Comparison.GT.value: lambda k, q: k > q,
    Comparison.GEQ.value: lambda k, q: k >= q,
    Comparison.NEQ.value: lambda k, q: k != q,
    Comparison.TRUE.value: lambda k, q: True,
    Comparison.FALSE.value: lambda k, q: False,
}

Predicate = Callable[[Value, Value], bool]


class Selector(RASPExpr):
    """An attention pattern: `selector(xs)[q][k]` says whether query position q selects key k."""

    default_name_prefix = "selector"

    def __and__(self, other: "Selector") -> "Selector":
        return selector_and(self, other)

    def __rand__(self, other: "Selector") -> "Selector":
        return selector_and(other, self)

    def __or__(self, other: "Selector") -> "Selector":
        return selector_or(self, other)

    def __ror__(self, other: "Selector") -> "Selector":
        return selector_or(other, self)

    def __invert__(self) -> "Selector":
        return selector_not(self)


class Select(Selector):
    """Query position q selects key position k when `predicate(keys[k], queries[q])`."""

    default_name_prefix = "select"

    def __init__(self, keys: SOp, queries: SOp, predicate: Predicate):
        super().__init__()
        _require(SOp, keys, "keys", "Select")
        _require(SOp, queries, "queries", "Select")
        if not callable(predicate):
            raise TypeError(f"Select: predicate must be a Comparison or a callable, got {predicate!r}")
        self.keys = keys
        self.queries = queries
        self.predicate = predicate

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.keys, self.queries)


class ConstantSelector(Selector):
    """A fixed selection matrix (for tests)."""

    default_name_prefix = "constant_selector"

    def __init__(self, value: SelectorValue, check_length: bool = True):
        super().__init__()
        self.value = [list(map(bool, row)) for row in value]
        self.check_length = check_length


class SelectorAnd(Selector):
    default_name_prefix = "selector_and"

    def __init__(self, fst: Selector, snd: Selector):
        super().__init__()
        _require(Selector, fst, "the first selector", "SelectorAnd")
        _require(Selector, snd, "the second selector", "SelectorAnd")
        self.fst = fst
        self.snd = snd

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.fst, self.snd)


class SelectorOr(Selector):
    default_name_prefix = "selector_or"

    def __init__(self, fst: Selector, snd: Selector):
        super().__init__()
        _require(Selector, fst, "the first selector", "SelectorOr")
        _require(Selector, snd, "the second selector", "SelectorOr")
        self.fst = fst
        self.snd = snd

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.fst, self.snd)


class SelectorNot(Selector):
    default_name_prefix = "selector_not"

    def __init__(self, inner: Selector):
        super().__init__()
        _require(Selector, inner, "the inner selector", "SelectorNot")
        self.inner = inner

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.inner,)


class SelectPreferred(Selector):
    """Of the keys `selector` selects for a query, only the preferred one; none where it selects none.

    Preferred is the key position k with the smallest `rank(k, q)` (q the query position), the
    leftmost of equal ranks, so at most one key is selected and an Aggregate of it copies. Beyond
    Tracr: it is the hard attention of a transformer whose scores add a position bias, e.g. the
    Transformer Programs' "closest match" (`rank=lambda k, q: abs(k - q)`), "first match" (`lambda k,
    q: k`) or "last match" (`lambda k, q: -k`). The compiler compiles it as the selector of an
    Aggregate (one head; not under SelectorWidth, SelectorAnd/Or/Not).
    """

    default_name_prefix = "select_preferred"

    def __init__(self, selector: Selector, rank: Callable[[int, int], NumericValue]):
        super().__init__()
        _require(Selector, selector, "the selector", "SelectPreferred")
        _require_function(rank, "SelectPreferred")
        self.selector = selector
        self.rank = rank

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.selector,)


def selector_not(inner: Selector, simplify: bool = True) -> Selector:
    """`~sel`: a Select with the negated predicate where possible (one attention head), as Tracr does."""
    if simplify and isinstance(inner, Select):
        predicate = inner.predicate
        return Select(inner.keys, inner.queries, lambda k, q: not predicate(k, q))
    return SelectorNot(inner)


def selector_and(fst: Selector, snd: Selector, simplify: bool = True) -> Selector:
    if simplify and isinstance(fst, Select) and isinstance(snd, Select):
        merged = _merge_selects(fst, snd, lambda a, b: a and b)
        if merged is not None:
            return merged
    return SelectorAnd(fst, snd)


def selector_or(fst: Selector, snd: Selector, simplify: bool = True) -> Selector:
    if simplify and isinstance(fst, Select) and isinstance(snd, Select):
        merged = _merge_selects(fst, snd, lambda a, b: a or b)
        if merged is not None:
            return merged
    return SelectorOr(fst, snd)


def _merge_selects(fst: Select, snd: Select, combine: Callable[[bool, bool], bool]) -> Optional[Select]:
    """One Select equivalent to `combine(fst, snd)`, when both read the same keys and queries.

    A `Full` key or query is a constant, so it is folded into its predicate and the other select's
    s-op is used in its place (Tracr's rule too).
    """
    preds = [fst.predicate, snd.predicate]
    keys: list[Optional[SOp]] = [fst.keys, snd.keys]
    queries: list[Optional[SOp]] = [fst.queries, snd.queries]
    for i, sel in enumerate((fst, snd)):
        if isinstance(sel.keys, Full):
            preds[i] = (lambda p, fill: lambda k, q: p(fill, q))(preds[i], sel.keys.fill)
            keys[i] = None
        if isinstance(sel.queries, Full):
            preds[i] = (lambda p, fill: lambda k, q: p(k, fill))(preds[i], sel.queries.fill)
            queries[i] = None
    common_keys = _common(keys)
    common_queries = _common(queries)
    if common_keys is None or common_queries is None:
        return None
    p0, p1 = preds
    return Select(common_keys, common_queries, lambda k, q: combine(p0(k, q), p1(k, q)))


def _common(sops: list[Optional[SOp]]) -> Optional[SOp]:
    present = [s for s in sops if s is not None]
    if not present or any(s is not present[0] for s in present):
        return None
    return present[0]


# ------------------------------------------------------------------------------- reductions to s-ops


class Aggregate(SOp):
    """Averages `sop` over the selected key positions; `default` where nothing is selected.

    Values (Tracr 1.0.0's evaluator, matched exactly): no selection -> default; one -> that value,
    unchanged; several numbers (int/bool/float) -> their mean as a float; several of anything else
    -> ValueError.
    """

    default_name_prefix = "aggregate"

    def __init__(self, selector: Selector, sop: SOp, default: Optional[Value] = None):
        super().__init__()
        _require(Selector, selector, "the selector", "Aggregate")
        _require(SOp, sop, "the s-op", "Aggregate")
        if default is not None and not isinstance(default, (str, float, bool, int)):
            raise TypeError(f"Aggregate: default must be None, str, int, float or bool, got {default!r}")
        self.selector = selector
        self.sop = sop
        self.default = default

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.selector, self.sop)


class SelectorWidth(SOp):
    """How many key positions each query position selects."""

    default_name_prefix = "selector_width"

    def __init__(self, selector: Selector):
        super().__init__()
        _require(Selector, selector, "the selector", "SelectorWidth")
        self.selector = selector

    @property
    def children(self) -> Sequence[RASPExpr]:
        return (self.selector,)


class LinearClassifier(SOp):
    """A linear read-out: at each position, the class with the largest score, a sum over the inputs.

    The score of class c is `bias[c] + weights[0][x_0][c] + weights[1][x_1][c] + ...` where x_i is
    `inputs[i]`'s value (a value missing from `weights[i]` adds nothing), added in float64 in that
    order; the value is `classes[c]` for the first c with the largest score, None where an input is
    None. Beyond Tracr: it is a transformer's unembedding (the linear classifier of a Transformer
    Program), which no Map of a tuple of its inputs could compile (that tuple's value set is the
    product of theirs). Categorical; the compiler compiles it as the program's output.
    """

    default_name_prefix = "linear_classifier"

    def __init__(
        self,
        inputs: Sequence[SOp],
        weights: Sequence[Mapping[Value, Sequence[float]]],
        bias: Sequence[float],
        classes: Sequence[Value],
    ):
        super().__init__()
        where = "LinearClassifier"
        self.inputs = tuple(inputs)
        if not self.inputs:
            raise ValueError(f"{where}: needs at least one input s-op")
        for i, sop in enumerate(self.inputs):
            _require(SOp, sop, f"inputs[{i}]", where)
        self.classes = tuple(classes)
        if not self.classes:
            raise ValueError(f"{where}: needs at least one class")
        seen: dict[tuple, int] = {}
        for c, label in enumerate(self.classes):
            if label is None or not isinstance(label, collections.abc.Hashable):
                raise TypeError(f"{where}: classes[{c}] is {label!r}; a class must be a hashable value, not None")
            if token_key(label) in seen:
                raise ValueError(f"{where}: classes[{c}] = {label!r} repeats classes[{seen[token_key(label)]}]")
            seen[token_key(label)] = c
        self.bias = _scores(bias, len(self.classes), f"{where}: bias")
        weights = list(weights)
        if len(weights) != len(self.inputs):
            raise ValueError(f"{where}: {len(weights)} weight tables for {len(self.inputs)} inputs (one per input)")
        self.weights: tuple[dict[Value, tuple[float, ...]], ...] = tuple(
            self._table(table, i, where) for i, table in enumerate(weights))

    def _table(self, table: Any, i: int, where: str) -> dict:
        if not isinstance(table, collections.abc.Mapping):
            raise TypeError(f"{where}: weights[{i}] must map values of inputs[{i}] "
                            f"({self.inputs[i].label!r}) to scores, got {type(table).__name__}")
        out = {}
        for value, row in table.items():
            if value is None:
                raise ValueError(f"{where}: weights[{i}] has scores for None, which is no value (an input "
                                 "that is None makes the classifier None)")
            out[value] = _scores(row, len(self.classes), f"{where}: weights[{i}][{value!r}] (for {self.inputs[i].label!r})")
        return out

    @property
    def children(self) -> Sequence[RASPExpr]:
        return self.inputs


def _scores(row: Any, n: int, where: str) -> tuple[float, ...]:
    """`row` as n finite floats (one score per class), or an error saying what is wrong with it."""
    try:
        scores = tuple(float(x) for x in row)
    except (TypeError, ValueError) as err:
        raise TypeError(f"{where} must be a sequence of {n} numbers (one per class), got {row!r}") from err
    if len(scores) != n:
        raise ValueError(f"{where} has {len(scores)} scores, expected {n} (one per class)")
    if not all(map(math.isfinite, scores)):
        raise ValueError(f"{where} has a non-finite score: {scores!r}")
    return scores


# ---------------------------------------------------------------------------------------- encodings


def numerical(sop: SOpT) -> SOpT:
    """Marks `sop` as one number per position in the residual stream (instead of one-hot)."""
    return annotate(sop, encoding=Encoding.NUMERICAL)


def categorical(sop: SOpT) -> SOpT:
    return annotate(sop, encoding=Encoding.CATEGORICAL)


_COMPACT_KEY = "compact"  # True: held as a ±1 code in O(log N) dims; False: one-hot; absent: the compiler decides


def compact(sop: SOpT) -> SOpT:
    """Marks a categorical `sop` to be held compactly by the compiler: its N values as ±1 codes in
    about log2(N) residual dimensions instead of N one-hot ones (`weightsmith.compiler.compact`). Its
    encoding stays categorical (Tracr's `is_categorical` holds); the interpreter ignores the mark."""
    return annotate(sop, **{_COMPACT_KEY: True})


def one_hot(sop: SOpT) -> SOpT:
    """Marks a categorical `sop` to be held one-hot, however many values it has."""
    return annotate(sop, **{_COMPACT_KEY: False})


def compact_choice(sop: SOp) -> bool | None:
    """True (`compact`), False (`one_hot`) or None (not annotated: the compiler's threshold decides)."""
    return sop.annotations.get(_COMPACT_KEY)


def get_encoding(sop: SOp) -> Encoding:
    return sop.annotations[_ENCODING_KEY]


def is_numerical(sop: SOp) -> bool:
    return get_encoding(sop) == Encoding.NUMERICAL


def is_categorical(sop: SOp) -> bool:
    return get_encoding(sop) == Encoding.CATEGORICAL
