"""The reference interpreter: one input at a time, a direct reading of RASP's semantics.

It matches Tracr 1.0.0's `rasp.evaluate` value for value (`None` where a value is undefined, numbers
averaged by Aggregate), and is the definition the batched interpreter (`batch.py`) is tested against.
A user function that raises is reported with the s-op and the value it raised on.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from weightsmith.rasp import expr as rx
from weightsmith.rasp.domain import check_domain
from weightsmith.rasp.errors import EvaluationError, describe
from weightsmith.rasp.graph import topological_order
from weightsmith.rasp.loop import Loop, LoopResult, LoopState, run_loop


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
        raise call_error(sop, err, args, error, role) from err


def call_error(
    sop: rx.RASPExpr, err: Exception, args: tuple, error: type[Exception] = EvaluationError, role: str = "value"
) -> Exception:
    """The error `call_checked` raises when `sop`'s function raised `err` on `args` (for callers that
    call many times inside one `try`, which costs less than a wrapper per call)."""
    shown = args[0] if len(args) == 1 else args
    return error(f"{describe(sop)}: its function raised {type(err).__name__} ({err}) on {role} {shown!r}")


def aggregate(selected: Sequence[rx.Value], default: rx.Value, sop: rx.RASPExpr | None = None) -> rx.Value:
    """What an Aggregate yields for one query: default, the single value, or the mean of numbers."""
    if not selected:
        return default
    if len(selected) == 1:
        return selected[0]
    if all(isinstance(v, (int, bool, float)) for v in selected):
        return sum(selected) / len(selected)
    where = f"{describe(sop)}: " if sop is not None else ""
    if sop is not None and rx.is_numerical(sop):
        why = "a numerical Aggregate averages numbers only"
    else:
        why = "a categorical Aggregate must select at most one position, or only numbers"
    if isinstance(sop, rx.Aggregate) and any(v is None for v in selected):  # say whose None it averaged
        why += f"; the None is from its values, {describe(sop.sop)}, which are None there"
    raise EvaluationError(f"{where}cannot average non-numeric values {list(selected)!r} ({why})")


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
    if expr.check_length and len(value) != n:  # Tracr's words after the s-op, for code that matches them
        raise EvaluationError(f"{describe(expr)}: Constant len {len(value)} doesn't match input len {n}.")


def node_value(e: rx.RASPExpr, xs: list, value_of: Callable[[rx.RASPExpr], Any]) -> Any:
    """The value of `e` on `xs`, given `value_of(child)` for each of its children: one step of RASP's
    semantics, shared by the topological interpreter and the recursive `DefaultRASPEvaluator`."""
    n = len(xs)
    if isinstance(e, rx.TokensType):
        return list(xs)
    if isinstance(e, rx.IndicesType):
        return list(range(n))
    if isinstance(e, rx.LengthType):
        return [n] * n
    if isinstance(e, rx.Full):
        return [e.fill] * n
    if isinstance(e, rx.ConstantSOp):
        _check_length(e, e.value, n)
        return list(e.value)
    if isinstance(e, rx.Map):
        return [None if x is None else call_checked(e, e.f, x) for x in value_of(e.inner)]
    if isinstance(e, rx.SequenceMap):
        return [None if x is None or y is None else call_checked(e, e.f, x, y)
                for x, y in zip(value_of(e.fst), value_of(e.snd))]
    if isinstance(e, rx.Aggregate):
        sel, vals = value_of(e.selector), value_of(e.sop)
        return [aggregate([v for s, v in zip(row, vals) if s], e.default, e) for row in sel]
    if isinstance(e, rx.SelectorWidth):
        return [sum(row) for row in value_of(e.selector)]
    if isinstance(e, rx.Select):
        keys, queries = value_of(e.keys), value_of(e.queries)
        return [[bool(call_checked(e, e.predicate, k, q)) for k in keys] for q in queries]
    if isinstance(e, rx.ConstantSelector):
        _check_length(e, e.value, n)
        return [list(row) for row in e.value]
    if isinstance(e, rx.SelectorAnd):
        return [[x and y for x, y in zip(ra, rb)] for ra, rb in zip(value_of(e.fst), value_of(e.snd))]
    if isinstance(e, rx.SelectorOr):
        return [[x or y for x, y in zip(ra, rb)] for ra, rb in zip(value_of(e.fst), value_of(e.snd))]
    if isinstance(e, rx.SelectorNot):
        return [[not x for x in row] for row in value_of(e.inner)]
    if isinstance(e, rx.SelectPreferred):
        rows = value_of(e.selector)
        out = [[False] * n for _ in range(n)]
        for q, keys in enumerate(preference_order(e, n)):
            chosen = next((k for k in keys if rows[q][k]), None)
            if chosen is not None:
                out[q][chosen] = True
        return out
    if isinstance(e, rx.LinearClassifier):
        return [classify(e, row) for row in zip(*(value_of(s) for s in e.inputs))]
    if isinstance(e, Loop):
        return run_loop(e, n, value_of, lambda x, inner: node_value(x, xs, inner))
    if isinstance(e, LoopResult):
        return value_of(e.loop).result(e, n)
    if isinstance(e, LoopState):
        raise placeholder_error(e)
    raise TypeError(f"cannot evaluate {type(e).__name__}: not a RASP construct weightsmith knows")


def placeholder_error(e: LoopState) -> EvaluationError:
    return EvaluationError(f"{describe(e)} is the state {e.key!r} of loop {e.loop.label!r}: it has a value only "
                           "inside that loop's step and halt (use loop[name] for the value after the loop)")


def evaluate_all(program: rx.RASPExpr, xs: Sequence[rx.Value]) -> dict[int, Any]:
    """Values of every sub-expression of `program` on `xs`, keyed by `id(expr)` (each computed once)."""
    xs = list(xs)
    values: dict[int, Any] = {}
    for e in topological_order(program):
        values[id(e)] = node_value(e, xs, lambda child: values[id(child)])
    return values


def evaluate(program: rx.RASPExpr, xs: Sequence[rx.Value]) -> Any:
    """`program` on the input sequence `xs`: a list of values (s-op) or of boolean rows (selector). InputError
    if `xs` is outside the inputs annotated on `program` (`rasp.with_domain`)."""
    check_domain(program, [xs])
    return evaluate_all(program, xs)[id(program)]


class DefaultRASPEvaluator:
    """Tracr's evaluator class, for code that subclasses it (as Tracr's `causal_eval.CausalEvaluator` does).

    `evaluate(expr, xs)` computes `expr` from its children's values, each obtained by calling
    `self.evaluate` again, so a subclass that overrides `evaluate` (to mask every selector, say) sees
    and can change every sub-expression's value. Like Tracr's, it evaluates a shared sub-expression
    once per use; `rasp.evaluate` (each node once) is the interpreter to use otherwise.
    """

    def evaluate(self, expr: rx.RASPExpr, xs: Sequence[rx.Value]) -> Any:
        xs = list(xs)
        return node_value(expr, xs, lambda child: self.evaluate(child, xs))
