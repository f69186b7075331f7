"""Iteration: a state of s-ops replaced by a step's results until a halt s-op says stop.

    loop = rasp.Loop(state={"x": start}, step=lambda s: {"x": rasp.Map(inc, s["x"])},
                     halt=lambda s: rasp.Map(lambda x: x >= 5, s["x"]), max_steps=100)
    loop["x"], loop.steps, loop.halted      # s-ops, usable downstream like any other

Semantics (the interpreter's, which the compiled looped model matches):

    state = initial values;  steps = 0
    repeat:
        h = halt(state)                     # must be the same at every position
        if h or steps == max_steps: stop
        state = step(state);  steps += 1
    loop[k] = state[k];  loop.steps = steps;  loop.halted = h

So `halted` is the halt s-op on the final state: True when the loop stopped by itself, False when
`max_steps` ran out first (a loop that needs exactly max_steps steps to halt reports True). Halt is
evaluated before each step and once on the final state; the step is evaluated only when it is taken.

`step` and `halt` are called once, at construction, on placeholder s-ops (`LoopState`): they build
an expression graph (the *body*), which is evaluated once per iteration. The body may read any
s-op of the enclosing program (tokens, indices, anything computed before the loop): those are
loop-invariant, computed once. A placeholder used outside its loop's body has no value; evaluating
one raises. Loops may follow one another (a loop's results feeding another's initial state).

Value sets: a state s-op's values are the least set that holds its initial values and is closed
under the step (found by iterating the body's value-set inference to a fixpoint, or given by the
user as `values`, then checked), so a compiled loop's dimensions cover every iteration.
"""

from __future__ import annotations

import collections.abc
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from weightsmith.rasp import expr as rx
from weightsmith.rasp.errors import EvaluationError, RASPError
from weightsmith.rasp.graph import topological_order
from weightsmith.rasp.typed_tokens import token_keys

STEPS = "steps"
HALTED = "halted"


class LoopState(rx.SOp):
    """A placeholder for one state s-op of a loop: the value it holds in the current iteration."""

    default_name_prefix = "state"

    def __init__(self, loop: "Loop", key: str):
        super().__init__()
        self.loop = loop
        self.key = key


class LoopResult(rx.SOp):
    """What a loop leaves behind: a state s-op's final value (`what == "state"`), the number of
    steps taken (`"steps"`, numerical), or whether the halt s-op was true at the end (`"halted"`)."""

    default_name_prefix = "loop_result"

    def __init__(self, loop: "Loop", what: str, key: Optional[str] = None):
        super().__init__()
        self.loop = loop
        self.what = what
        self.key = key

    @property
    def label(self) -> str:
        """Unless named: `<loop>[<state name>]`, `<loop>[steps]` or `<loop>[halted]`."""
        if "name" in self._annotations._values:
            return self.name
        return f"{self.loop.label}[{self.key if self.what == 'state' else self.what}]"

    @property
    def children(self) -> Sequence[rx.RASPExpr]:
        return (self.loop,)


class Loop(rx.RASPExpr):
    """Iterates `step` on `state` until `halt` is true or `max_steps` steps ran (see the module).

    `state` maps names to initial s-ops; `step(s)` gets a mapping of the same names to placeholder
    s-ops and returns one new s-op per name; `halt(s)` returns a boolean s-op, the same at every
    position. `values` optionally gives a state s-op's value set (checked to hold its initial values
    and to be closed under the step) instead of inferring it.
    """

    default_name_prefix = "loop"

    def __init__(
        self,
        state: Mapping[str, rx.SOp],
        step: Callable[[Mapping[str, rx.SOp]], Mapping[str, rx.SOp]],
        halt: Callable[[Mapping[str, rx.SOp]], rx.SOp],
        max_steps: int = 10_000,
        values: Optional[Mapping[str, Iterable[rx.Value]]] = None,
    ):
        super().__init__()
        where = "Loop"
        if not isinstance(state, collections.abc.Mapping) or not state:
            raise TypeError(f"{where}: state must be a non-empty mapping of names to s-ops, got {state!r}")
        for key, sop in state.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: state names must be str, got {key!r}")
            rx._require(rx.SOp, sop, f"state[{key!r}]", where)
        if not callable(step) or not callable(halt):
            raise TypeError(f"{where}: step and halt must be functions of the state (a mapping of s-ops)")
        if not isinstance(max_steps, int) or isinstance(max_steps, bool) or max_steps < 0:
            raise ValueError(f"{where}: max_steps must be an int >= 0, got {max_steps!r}")
        self.initial: dict[str, rx.SOp] = dict(state)
        self.max_steps = max_steps
        self.placeholders: dict[str, LoopState] = {}
        for key, sop in self.initial.items():
            self.placeholders[key] = rx.annotate(LoopState(self, key), encoding=rx.get_encoding(sop))
        self._name_placeholders()
        updates = step(dict(self.placeholders))
        if not isinstance(updates, collections.abc.Mapping) or set(updates) != set(self.initial):
            got = sorted(updates) if isinstance(updates, collections.abc.Mapping) else type(updates).__name__
            raise ValueError(f"{where}: step must return a mapping with exactly the state's names "
                             f"{sorted(self.initial)}, got {got}")
        for key, sop in updates.items():
            rx._require(rx.SOp, sop, f"step(...)[{key!r}]", where)
        self.updates: dict[str, rx.SOp] = {k: updates[k] for k in self.initial}
        self.halt: rx.SOp = halt(dict(self.placeholders))
        rx._require(rx.SOp, self.halt, "halt(...)", where)
        self.values: dict[str, set] = {}
        for key, given in (values or {}).items():
            if key not in self.initial:
                raise ValueError(f"{where}: values names {key!r}, which is not a state name {sorted(self.initial)}")
            self.values[key] = set(given)
        self.body, self.invariants = _split_body(self)

    def named(self, name: str) -> "Loop":
        """Names the loop in place (unlike an s-op: its placeholders and results point at it); the
        placeholders are named `<loop>.<state name>`, for traces and residual labels."""
        self._annotations = rx._Annotations(self, {**self._annotations._values, "name": name})
        self._name_placeholders()
        return self

    def _name_placeholders(self) -> None:
        for key, p in self.placeholders.items():
            p._annotations = rx._Annotations(p, {**p._annotations._values, "name": f"{self.label}.{key}"})

    @property
    def children(self) -> Sequence[rx.RASPExpr]:
        return (*self.initial.values(), *self.invariants)

    def __getitem__(self, key: str) -> LoopResult:
        if key not in self.initial:
            raise KeyError(f"loop {self.label!r} has no state {key!r}; its state is {sorted(self.initial)}")
        result = LoopResult(self, "state", key)
        return rx.annotate(result, encoding=rx.get_encoding(self.initial[key]))

    @property
    def steps(self) -> LoopResult:
        return rx.numerical(LoopResult(self, STEPS))

    @property
    def halted(self) -> LoopResult:
        return LoopResult(self, HALTED)


def _split_body(loop: Loop) -> tuple[list[rx.RASPExpr], list[rx.RASPExpr]]:
    """The body (every expression that depends on a placeholder, dependencies first, placeholders
    included) and the invariants (the expressions outside it that the body reads)."""
    roots = [*loop.updates.values(), loop.halt]
    order: list[rx.RASPExpr] = []
    seen: dict[int, rx.RASPExpr] = {}
    for root in roots:
        for e in topological_order(root):
            if id(e) not in seen:
                seen[id(e)] = e
                order.append(e)
    dependent: set[int] = set()
    for e in order:
        if isinstance(e, LoopState):
            if e.loop is not loop:
                raise RASPError(f"Loop {loop.label!r}: its body reads the state {e.key!r} of another loop "
                                f"({e.loop.label!r}); nested loops are not supported")
            dependent.add(id(e))
        elif any(id(c) in dependent for c in e.children):
            dependent.add(id(e))
    body = [e for e in order if id(e) in dependent]
    invariants = {id(c): c for e in body for c in e.children if id(c) not in dependent}
    for e in roots:
        if id(e) not in dependent:
            invariants[id(e)] = e
    return body, list(invariants.values())


@dataclass
class Iteration:
    """One iteration of a loop run: the state it started from, the halt s-op's value on it, and the
    values of the body's expressions computed in it (`id(expr)` -> value; the step's only when taken)."""

    state: dict[str, list]
    halt: bool
    values: dict[int, Any]


@dataclass
class LoopRun:
    """The result of running a loop on one input: final state, steps taken, halted, and (when
    recorded) every iteration, the final one included."""

    state: dict[str, list]
    steps: int
    halted: bool
    iterations: list[Iteration] = field(default_factory=list)

    def result(self, e: LoopResult, n: int) -> list:
        if e.what == STEPS:
            return [self.steps] * n
        if e.what == HALTED:
            return [self.halted] * n
        return list(self.state[e.key])


def run_loop(
    loop: Loop,
    n: int,
    outer: Callable[[rx.RASPExpr], Any],
    node: Callable[[rx.RASPExpr, Callable[[rx.RASPExpr], Any]], Any],
    record: bool = False,
) -> LoopRun:
    """Runs `loop` on an input of `n` positions. `outer(e)` is the value of an expression outside the
    body (its initial s-ops and invariants); `node(e, value_of)` computes one body expression from its
    children's values (the interpreter's step of semantics)."""
    if n < 1:
        raise EvaluationError(f"Loop {loop.label!r}: a loop needs at least one position (its halt s-op is read "
                              "at every position, and there are none)")
    state = {k: list(outer(sop)) for k, sop in loop.initial.items()}
    halt_part = _needed(loop, [loop.halt])
    step_part = _needed(loop, list(loop.updates.values()))
    iterations: list[Iteration] = []
    steps = 0
    while True:
        values: dict[int, Any] = {id(p): state[k] for k, p in loop.placeholders.items()}

        def value_of(e: rx.RASPExpr) -> Any:
            return values[id(e)] if id(e) in values else outer(e)

        _evaluate(halt_part, values, value_of, node)
        halted = _halt_value(loop, value_of(loop.halt), steps)
        if record:
            iterations.append(Iteration({k: list(v) for k, v in state.items()}, halted, values))
        if halted or steps == loop.max_steps:
            return LoopRun(state, steps, halted, iterations)
        _evaluate(step_part, values, value_of, node)
        state = {k: list(value_of(sop)) for k, sop in loop.updates.items()}
        steps += 1


def _needed(loop: Loop, roots: list[rx.SOp]) -> list[rx.RASPExpr]:
    """The body expressions `roots` depend on, in the body's order."""
    body = {id(e) for e in loop.body}
    wanted: set[int] = set()
    for root in roots:
        wanted |= {id(e) for e in topological_order(root) if id(e) in body}
    return [e for e in loop.body if id(e) in wanted and not isinstance(e, LoopState)]


def _evaluate(part: list[rx.RASPExpr], values: dict[int, Any], value_of, node) -> None:
    for e in part:
        if id(e) not in values:
            values[id(e)] = node(e, value_of)


def _halt_value(loop: Loop, value: list, iteration: int) -> bool:
    """The halt s-op's single value; EvaluationError (a RASPError: the program is undefined on this
    input) if it differs between positions or is not a bool."""
    distinct = token_keys(value)
    if len(distinct) != 1 or value[0] is None or value[0] not in (True, False):
        raise EvaluationError(
            f"Loop {loop.label!r}: its halt s-op {loop.halt.label!r} must hold one bool at every position, "
            f"but at iteration {iteration} it holds {value!r}"
        )
    return bool(value[0])
