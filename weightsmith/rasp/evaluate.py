"""The reference interpreter: one input at a time, a direct reading of RASP's semantics.

It matches Tracr 1.0.0's `rasp.evaluate` value for value (`None` where a value is undefined, numbers
averaged by Aggregate), and is the definition the batched interpreter (`batch.py`) is tested against.
A user function that raises is reported with the s-op and the value it raised on.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from weightsmith.rasp import expr as rx
from weightsmith.rasp.errors import EvaluationError, describe
from weightsmith.rasp.graph import topological_order


def call_checked(
    sop: rx.RASPExpr,
    f: Callable[..., Any],
    *args: Any,
    error: type[Exception] = EvaluationError,
    role: str = "value",
) -> Any:
    """Calls a user function of `sop`, turning its exception into `error` naming the s-op and the value.

    One message for every stage that runs user functions: evaluation (`role="value"`), and value-set
    inference and compilation (`role="the possible value"`, with their own error types).
    """
    try:
        return f(*args)
    except Exception as err:  # noqa: BLE001 - re-raised with context
        shown = args[0] if len(args) == 1 else args
        raise error(f"{describe(sop)}: its function raised {type(err).__name__} ({err}) on {role} {shown!r}") from err


def aggregate(selected: Sequence[rx.Value], default: rx.Value, sop: rx.RASPExpr | None = None) -> rx.Value:
    """What an Aggregate yields for one query: default, the single value, or the mean of numbers."""
    if not selected:
        return default
    if len(selected) == 1:
        return selected[0]
    if all(isinstance(v, (int, bool, float)) for v in selected):
        return sum(selected) / len(selected)
    where = f"{describe(sop)}: " if sop is not None else ""
    raise EvaluationError(
        f"{where}cannot average non-numeric values {list(selected)!r} (a categorical Aggregate must "
        "select at most one position, or only numbers)"
    )


def preference_order(e: rx.SelectPreferred, n: int, error: type[Exception] = EvaluationError) -> list[list[int]]:
    """For each query position q < n, the key positions in `e`'s order of preference (rank, then
    position): all that the interpreters and the compiler ask of `rank`."""
    orders = []
    for q in range(n):
        ranks = [call_checked(e, e.rank, k, q, error=error, role="(key, query) positions") for k in range(n)]
        try:
            orders.append(sorted(range(n), key=lambda k: (ranks[k], k)))
        except TypeError as err:
            raise error(f"{describe(e)}: its ranks for query {q} cannot be ordered ({err}): {ranks!r}") from err
    return orders


def classify(e: rx.LinearClassifier, xs: Sequence[rx.Value]) -> rx.Value:
    """A LinearClassifier's value at one position, its inputs holding `xs` (see the class)."""
    if any(x is None for x in xs):
        return None
    scores = np.array(e.bias)
    zeros = np.zeros(len(e.classes))
    for table, x in zip(e.weights, xs):
        scores = scores + np.array(table.get(x, zeros))
    return e.classes[int(np.argmax(scores))]


def _check_length(expr: rx.RASPExpr, value: Sequence, n: int) -> None:
    if expr.check_length and len(value) != n:
        raise EvaluationError(f"{describe(expr)} has length {len(value)} but the input has length {n}")


def evaluate_all(program: rx.RASPExpr, xs: Sequence[rx.Value]) -> dict[int, Any]:
    """Values of every sub-expression of `program` on `xs`, keyed by `id(expr)`."""
    xs = list(xs)
    n = len(xs)
    values: dict[int, Any] = {}
    for e in topological_order(program):
        if isinstance(e, rx.TokensType):
            out: Any = list(xs)
        elif isinstance(e, rx.IndicesType):
            out = list(range(n))
        elif isinstance(e, rx.LengthType):
            out = [n] * n
        elif isinstance(e, rx.Full):
            out = [e.fill] * n
        elif isinstance(e, rx.ConstantSOp):
            _check_length(e, e.value, n)
            out = list(e.value)
        elif isinstance(e, rx.Map):
            out = [None if x is None else call_checked(e, e.f, x) for x in values[id(e.inner)]]
        elif isinstance(e, rx.SequenceMap):
            out = [
                None if x is None or y is None else call_checked(e, e.f, x, y)
                for x, y in zip(values[id(e.fst)], values[id(e.snd)])
            ]
        elif isinstance(e, rx.Aggregate):
            sel, vals = values[id(e.selector)], values[id(e.sop)]
            out = [aggregate([v for s, v in zip(row, vals) if s], e.default, e) for row in sel]
        elif isinstance(e, rx.SelectorWidth):
            out = [sum(row) for row in values[id(e.selector)]]
        elif isinstance(e, rx.Select):
            keys, queries = values[id(e.keys)], values[id(e.queries)]
            out = [[bool(call_checked(e, e.predicate, k, q)) for k in keys] for q in queries]
        elif isinstance(e, rx.ConstantSelector):
            _check_length(e, e.value, n)
            out = [list(row) for row in e.value]
        elif isinstance(e, rx.SelectorAnd):
            a, b = values[id(e.fst)], values[id(e.snd)]
            out = [[x and y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]
        elif isinstance(e, rx.SelectorOr):
            a, b = values[id(e.fst)], values[id(e.snd)]
            out = [[x or y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]
        elif isinstance(e, rx.SelectorNot):
            out = [[not x for x in row] for row in values[id(e.inner)]]
        elif isinstance(e, rx.SelectPreferred):
            rows = values[id(e.selector)]
            out = [[False] * n for _ in range(n)]
            for q, keys in enumerate(preference_order(e, n)):
                chosen = next((k for k in keys if rows[q][k]), None)
                if chosen is not None:
                    out[q][chosen] = True
        elif isinstance(e, rx.LinearClassifier):
            out = [classify(e, xs) for xs in zip(*(values[id(s)] for s in e.inputs))]
        else:
            raise TypeError(f"cannot evaluate {type(e).__name__}: not a RASP construct weightsmith knows")
        values[id(e)] = out
    return values


def evaluate(program: rx.RASPExpr, xs: Sequence[rx.Value]) -> Any:
    """`program` on the input sequence `xs`: a list of values (s-op) or of boolean rows (selector)."""
    return evaluate_all(program, xs)[id(program)]
