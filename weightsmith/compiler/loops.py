"""Compiling a loop: the state in fixed residual dimensions, one block of layers applied again and again.

A program with a loop compiles into three runs of layers (`schedule` keeps them apart):

- the **prelude** computes everything loop-invariant (what the body reads from outside) and the
  initial state, and *loads* it into the state's dimensions;
- the **block** computes the step and the halt s-op from the state, then *commits*: one MLP that
  replaces every state dimension by its new value (it writes new - old) unless the loop stops. The
  block's temporaries are all erased by its end (`residual.allocate`), so the next iteration finds
  the same layout: the runner applies the block's layers again, with the same weights, until the
  model's stop flag is set - no decoding or re-embedding in between;
- the **read-out** (post) computes what the program does with the loop's results.

The loop's *persistent* dimensions: each state s-op's (one-hot per value, or one number), `steps`
(the number of steps taken), `halted` (the halt s-op on the current state, as 0/1) and `stop` (halted,
or max_steps spent: what the runner reads, at one position). Everything the block writes into them is
*exact*: the units below output exactly 0 or exactly 1 (or an exact state value) for inputs within a
margin of their exact values, so the softmax residue and MLP rounding of one iteration never reach the
next. `bounds` proves, for one pass of the block, that every input of the commit is within its margin;
since the block starts every iteration from an exact state, that proof holds for every iteration.

Gating: with g = halted + spent in {0, 1, 2} (both exact), every commit unit's pre-activation has
-M*g added, M larger than the unit's pre-activation can otherwise be, so for g >= 1 all of them are
exactly 0 and nothing changes: iterations after the stop are no-ops, however many the runner runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from weightsmith import rasp
from weightsmith.compiler import mlp
from weightsmith.compiler.blocks import Representation, Unit
from weightsmith.compiler.readout import ONE, Dim, Readout

MARGIN = 0.25  # a one-hot input is read exactly while it is within this of 0 or 1


@dataclass
class LoopPlan:
    """The loop's persistent representations (dimensions that live from the embeddings to the end)."""

    loop: rasp.Loop
    label: str
    state: dict[str, Representation]  # state name -> its placeholder's representation
    steps: Representation
    halted: Representation
    spent: Representation  # steps >= max_steps
    stop: Representation

    @property
    def persistent(self) -> list[Representation]:
        return [*self.state.values(), self.steps, self.halted, self.spent, self.stop]

    @property
    def dims(self) -> list[Dim]:
        return [d for rep in self.persistent for d in rep.dims]


def ramp(x: Readout, out: dict[Dim, float], gate: Readout | None = None, weight: float = 0.0) -> list[Unit]:
    """Two units adding `out` times clamp(2x - 1/2, 0, 1): exactly 0 for x <= 1/4, exactly `out` for
    x >= 3/4; with a gate, exactly 0 wherever gate >= 1 (`weight` must exceed 2x there)."""
    pre = x * 2.0 if gate is None else Readout.total([(2.0, x), (-weight, gate)])
    return [Unit(pre, -0.5, dict(out)), Unit(pre, -1.5, {d: -w for d, w in out.items()})]


def gated(units: list[Unit], gate: Readout, weight: float) -> list[Unit]:
    """`units` with -weight * gate added to every pre-activation: unchanged where gate is 0, all off
    where gate >= 1 (when `weight` exceeds every pre-activation there)."""
    return [Unit(Readout.total([(1.0, u.pre), (-weight, gate)]), u.bias, u.out) for u in units]


def load_units(rep: Representation, init_indicators: dict | None, init_scalar: Readout | None) -> tuple[list[Unit], list[Readout]]:
    """Units writing the initial value exactly into a state's dimensions, and the read-outs they need
    within the margin: a one-hot value by a ramp per value, a number by a staircase over its values."""
    if rep.indicators is not None:
        units, inputs = [], []
        for v, dim in zip(rep.values, rep.dims):
            x = init_indicators.get(v, Readout())
            if not x.is_zero():
                units += ramp(x, {dim: 1.0})
                inputs.append(x)
        return units, inputs
    points = [float(v) for v in rep.values]
    return mlp.discretising_units(init_scalar, points, [{rep.dims[0]: p} for p in points]), [init_scalar]


def commit_units(rep: Representation, new_indicators: dict | None, new_scalar: Readout | None,
                 gate: Readout) -> tuple[list[Unit], list[Readout], list[float], float]:
    """Units replacing a state's value by the step's (`new_*`) unless the gate is on, the read-outs
    they need within a tolerance (with the tolerances), and the largest error the gate may carry.

    One-hot: per value v, ramps of (new_v - old_v) and (old_v - new_v) add exactly +1 / -1 where
    they differ (old is exact, new within 1/8): 2 x 1/8 + 4 x 1/16 keeps every ramp on its flat parts.
    A number: a staircase over the state's values snaps the new number (within gap/8) and another
    takes the old one away, both off for gate >= 1 - 1/(4M)."""
    if rep.indicators is not None:
        units, inputs = [], []
        for v, dim in zip(rep.values, rep.dims):
            diff = new_indicators.get(v, Readout()) - rep.indicators[v]
            if diff.is_zero():  # the step keeps this dimension as it is
                continue
            units += ramp(diff, {dim: 1.0}, gate, 4.0) + ramp(diff * -1.0, {dim: -1.0}, gate, 4.0)
            inputs.append(diff)
        return units, inputs, [MARGIN / 2] * len(inputs), MARGIN / 4
    dim, old = rep.dims[0], rep.scalar
    if new_scalar.key() == old.key():
        return [], [], [], MARGIN
    points = [float(v) for v in rep.values]
    gap = mlp.min_gap(points) if len(points) > 1 else 1.0
    span = max(abs(p) for p in points) + gap
    # above what any ramp's pre-activation reaches for inputs near a value: slope (<= 2/gap) * 2 span
    weight = 1.0 + 4.0 * span / gap
    units = []
    for x, sign in ((new_scalar, 1.0), (old, -1.0)):
        staircase = mlp.discretising_units(x, points, [{dim: sign * p} for p in points])
        if staircase and staircase[0].pre.key() == Readout.of(ONE).key():  # the constant: on unless the gate is
            units += ramp(Readout.of(ONE) - gate, staircase[0].out)
            staircase = staircase[1:]
        units += gated(staircase, gate, weight)
    return units, [new_scalar], [gap / 8], 1.0 / (4.0 * weight)


def control_units(plan: LoopPlan, halt: Readout) -> list[Unit]:
    """The commit's bookkeeping, exact for a halt read-out within 1/16 of 0 or 1 (h) and the exact
    persistent flags: with s = spent (steps >= max_steps) and t = steps,
    steps += 1 unless h or s;  halted := h;  stop := h or s;  spent := s or (t = max_steps - 1 and not h)."""
    (steps,), (halted,), (spent,), (stop,) = plan.steps.dims, plan.halted.dims, plan.spent.dims, plan.stop.dims
    one, s, t = Readout.of(ONE), Readout.of(spent), Readout.of(steps)
    last = Readout.total([(1.0, t), (2.0 - plan.loop.max_steps, one), (-1.0, halt), (-4.0, s)])  # 1 - h at t = max - 1
    return [
        *ramp(one - halt - s, {steps: 1.0}),
        *ramp(halt, {halted: 1.0}), Unit(Readout.of(halted), 0.0, {halted: -1.0}),
        *ramp(last, {spent: 1.0}),
        *ramp(halt, {stop: 1.0}), Unit(s, 0.0, {stop: 1.0}), *ramp(halt + s - one, {stop: -1.0}),
        Unit(Readout.of(stop), 0.0, {stop: -1.0}),
    ]
