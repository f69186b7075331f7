"""Hidden-unit constructions, exact on every value that can occur.

- `lookup_units`: a table over value combinations of categorical s-ops - one unit per combination
  that occurs, firing (exactly 1) when all its one-hot indicators are 1: relu(sum of indicators - (k-1)).
- `discretising_units`: any function of a number that takes finitely many values a_1 < ... < a_m.
  The result is a staircase: the value at a_1 plus, for each gap where it changes, a ramp that is
  exactly 0 below a_i + gap/4 and exactly 1 above a_{i+1} - gap/4 (two units). It is exact at every
  a_i and stays exact for inputs off by less than a quarter gap, so the small errors attention leaves
  in a number are removed, not passed on.
- `copy_indicator_units`, `copy_number_units`: write a virtual s-op into dimensions of its own (for
  the model's output).

Units are built for content positions; the assembler switches all of them off at BOS.
"""

from __future__ import annotations

from itertools import compress
from operator import ne
from typing import Sequence

import numpy as np

from weightsmith.compiler.blocks import Unit
from weightsmith.compiler.readout import ONE, Dim, Readout
from weightsmith.model.config import ROUNDING_NOISE, twin_of_previous

Vector = dict[Dim, float]


def _difference(a: Vector, b: Vector) -> Vector:
    """a - b without its zero entries (a staircase step: most neighbouring outputs are equal)."""
    if a == b:
        return {}
    step = {d: c - b.get(d, 0.0) for d, c in a.items() if c != b.get(d, 0.0)}
    step.update((d, -c) for d, c in b.items() if d not in a and c != 0.0)
    return step


def lookup_units(operands: Sequence[dict], combos: Sequence[tuple], outputs: Sequence[Vector]) -> list[Unit]:
    """One unit per combination (x_1..x_k) with a non-zero output, reading operands[j][x_j]."""
    units = []
    for combo, out in zip(combos, outputs):
        if not out:
            continue
        pre = Readout.sum(operands[j][v] for j, v in enumerate(combo))
        units.append(Unit(pre, -(len(combo) - 1.0), dict(out)))
    return units


CLEAN_TOLERANCE = 0.25  # a clean lookup unit's read-outs may be off by this much together (`clean_units`)


def clean_units(units: Sequence[Unit]) -> list[Unit]:
    """A lookup's units (`lookup_units`: relu(pre + bias) is 1 where the combination matches, at most 0
    elsewhere) made clean: each becomes 2 relu(pre + bias - 1/4) - 2 relu(pre + bias - 3/4), exactly 1
    while the match reads within 1/4 of 1 and exactly 0 while the others read below 1/4. A plain
    unit passes the errors of what it reads on, and so does every unit one operand short of its
    combination (at 0 there): a table multiplies an error by how many units read the dimension
    (dozens), or by a code's length where it reads a code. Float32 rounding that a chain of tables
    multiplies past its margins is what no attention margin can shrink, so `compiling` turns the
    tables that read rounded values clean (two units each) where the bound needs it."""
    out = []
    for u in units:
        out.append(Unit(u.pre, u.bias - 0.25, {d: 2.0 * w for d, w in u.out.items()}))
        out.append(Unit(u.pre, u.bias - 0.75, {d: -2.0 * w for d, w in u.out.items()}))
    return out


def discretising_units(x: Readout, points: Sequence[float], outputs: Sequence[Vector]) -> list[Unit]:
    """Units whose sum is outputs[i] wherever x is within a quarter gap of points[i] (points ascending).

    Each ramp is a pair of units that are both on past one end of it, where their difference is the
    step: on above it (up) or below it (down). A unit's float32 rounding is its terms' size
    (|slope * x| + |bias|) times 2**-24, and a ramp's slope is 2/gap: the ramp of a SelectorWidth's
    shares 1/64 and 1/65 has slope 8,320, so up units read at the share 1 round by 2**-11, down units
    (on only below 1/64) by 2**-17. The ramps of gaps up to `pivot` point down, the others up, so the
    constant is outputs[pivot] exactly (`_pivot` chooses it)."""
    ramps = _ramps(points, outputs)
    return _units(x, outputs, ramps, _pivot(points, outputs, ramps))


def staircase(x: Readout, points: Sequence[float], outputs: Sequence[Vector]
              ) -> tuple[list[Unit], list[tuple[Vector, float]]]:
    """`discretising_units`, and per distinct output (a run of points) that output and its rounding
    size (`staircase_rounding` there): the ramps and the pivot found once (every compile builds its
    staircases so)."""
    ramps = _ramps(points, outputs)
    pivot = _pivot(points, outputs, ramps)
    return _units(x, outputs, ramps, pivot), [(outputs[first], size) for first, _, size in _levels(points, ramps, pivot)]


def staircase_rounding(points: Sequence[float], outputs: Sequence[Vector]) -> list[float]:
    """Per point, the summed |out weights| * |pre-activation| of the units of `discretising_units(x,
    points, outputs)` that are on there, for x within a quarter gap of the point: times ROUNDING per
    operation, how far float32 can move the output there (`compiler.bounds`). The two units of a ramp
    read x through the same weight, so they round slope * x alike and differ by their bias: what
    rounds apart is each sum slope * x + bias, the pre-activation. (Each point gets its run's
    largest, `_levels`.)"""
    ramps = _ramps(points, outputs)
    return [size for first, last, size in _levels(points, ramps, _pivot(points, outputs, ramps))
            for _ in range(first, last + 1)]


Ramp = tuple[int, Vector, float, float, float]  # (gap i, step, low, high, |step| / (high - low))


def _units(x: Readout, outputs: Sequence[Vector], ramps: list[Ramp], pivot: int) -> list[Unit]:
    units = []
    if outputs[pivot]:
        units.append(Unit(Readout.of(ONE), 0.0, dict(outputs[pivot])))
    for i, step, low, high, _ in ramps:
        slope = 1.0 / (high - low)
        if i <= pivot:  # relu(slope (high - x)) - relu(slope (low - x)): the step taken away below
            pre = x * -slope
            units.append(Unit(pre, slope * high, {d: -w for d, w in step.items()}))
            units.append(Unit(pre, slope * low, step))
        else:  # relu(slope (x - low)) - relu(slope (x - high)): the step added above
            pre = x * slope  # read-outs are immutable: both units share it
            units.append(Unit(pre, -slope * low, step))
            units.append(Unit(pre, -slope * high, {d: -w for d, w in step.items()}))
    return units


def _ramps(points: Sequence[float], outputs: Sequence[Vector]) -> list[Ramp]:
    """(i, step, low, high, weight) for every gap i (between points i-1 and i) where the output changes.

    Only the gaps between unequal outputs are visited (found by one C-level pass): equal neighbours
    have no step, and a function of a number with hundreds of values often has a handful of results
    (a sign, a comparison), where a Python step per gap was most of its staircase's cost."""
    ramps = []
    for i in compress(range(1, len(points)), map(ne, outputs[1:], outputs[:-1])):
        step = _difference(outputs[i], outputs[i - 1])
        if step:
            gap = points[i] - points[i - 1]
            low, high = points[i - 1] + gap / 4, points[i] - gap / 4
            ramps.append((i, step, low, high, sum(map(abs, step.values())) / (high - low)))
    return ramps


def _pivot(points: Sequence[float], outputs: Sequence[Vector], ramps: list[Ramp]) -> int:
    """The point whose value the constant unit writes: ramps of gaps up to it point down, the others
    up. Chosen to make the summed rounding size of the ramps (|step| * (their largest |pre-activation|
    while on + |bias|), `staircase_rounding`) smallest, each relative to the smallest output where it is on
    (|output|, at least 1: a large step is best on only where the output is as large, as exp's
    are). Ties keep up ramps (the point 0). The output changes only at ramps, so the outputs where a
    ramp is on are those at point 0 and at the ramps: the scales are taken there alone."""
    first, last = points[0], points[-1]
    ups = []  # per ramp, from the last: its cost pointing up, relative to the smallest scale from it up
    above = float("inf")
    for i, _, low, high, weight in reversed(ramps):
        above = min(above, max(1.0, sum(map(abs, outputs[i].values()))))
        ups.append(weight * (2 * last - low - high + (abs(low) + abs(high))) / above)
    total = best = sum(reversed(ups))  # all up: in the order of the ramps
    pivot = 0
    below = max(1.0, sum(map(abs, outputs[0].values())))  # the smallest scale below the ramp
    for (i, _, low, high, weight), up in zip(ramps, reversed(ups)):
        total += weight * (low + high - 2 * first + (abs(low) + abs(high))) / below - up
        if total < best:
            best, pivot = total, i
        below = min(below, max(1.0, sum(map(abs, outputs[i].values()))))
    return pivot


def _levels(points: Sequence[float], ramps: list[Ramp], pivot: int) -> list[tuple[int, int, float]]:
    """Per run of points the output is constant on (first, last point, size): the summed |out
    weights| * |pre-activation| of the units on there, at its largest. The same units are on along
    a run and their sizes are affine in x, largest at the run's end farther from the pivot, so one
    evaluation a run (prefix sums over the ramps) serves all its points."""
    quarter = min_gap(points) / 4 if len(points) > 1 else 0.0
    # a ramp on at x: |step| slope (|x - low| + |x - high|) = weight (2x - low - high) up, weight (low + high - 2x) down
    weights, edges, biases = [0.0], [0.0], [0.0]  # sums over the ramps of gaps up to each run's first point
    for _, _, low, high, weight in ramps:
        weights.append(weights[-1] + weight)
        edges.append(edges[-1] + weight * (low + high))
        biases.append(biases[-1] + weight * (abs(low) + abs(high)))  # the biases, stored in float32, round too
    starts = [0, *(r[0] for r in ramps)]
    k = starts.index(pivot)
    w, e, b = weights[k], edges[k], biases[k]
    levels = []
    for run, first in enumerate(starts):
        last = starts[run + 1] - 1 if run + 1 < len(starts) else len(points) - 1
        if run < k:  # down ramps of the gaps after the run, up to the pivot, at the run's first point
            size = e - edges[run] - 2 * (points[first] - quarter) * (w - weights[run]) + b - biases[run]
        else:  # up ramps of the gaps after the pivot, up to the run, at its last point
            size = 2 * (points[last] + quarter) * (weights[run] - w) - edges[run] + e + biases[run] - b
        levels.append((first, last, size))
    return levels


SMALL = 32  # up to this many points, plain Python beats numpy's per-call overhead (most staircases are short)


def min_gap(points: Sequence[float]) -> float:
    """The smallest distance between neighbouring points (infinite for fewer than two)."""
    if len(points) < 2:
        return float("inf")
    if len(points) <= SMALL:  # the same float64 differences; a NaN among them wins, as in numpy's min
        gaps = [float(b) - float(a) for a, b in zip(points, points[1:])]
        return next((g for g in gaps if g != g), min(gaps))
    return float(np.diff(np.asarray(points, dtype=np.float64)).min())


def rounding_starts(points: Sequence[float]) -> list[int]:
    """Where each cluster of ascending `points` starts: clusters group neighbours that differ only by
    float64 rounding noise, and cluster k is points[starts[k]:starts[k + 1]] (the last runs to the end).

    The interpreter computes in float64, so one rational value can arrive as two neighbouring floats
    (0.1 + 0.2 = 0.30000000000000004, 0.3 - 0 = 0.3). No float32 (or float64) model
    can tell such twins apart, and no program means to: they are one value. (The starts, not a range
    per cluster: numbers with hundreds of values compile through here, and making a range object costs
    more than finding all the clusters.)
    """
    if not len(points):
        return []
    # a cluster starts wherever a point is not within the noise of its predecessor (numbers with
    # hundreds of values compile through here, hence vectorised; a few are compared in Python, alike)
    if len(points) <= SMALL:
        p = [float(x) for x in points]
        return [0, *(i for i in range(1, len(p)) if not p[i] - p[i - 1] <= ROUNDING_NOISE * max(1.0, abs(p[i])))]
    together = twin_of_previous(np.asarray(points, dtype=np.float64))
    return [0, *((~together).nonzero()[0] + 1).tolist()]


def copy_indicator_units(indicators: dict, targets: dict) -> list[Unit]:
    """Writes a virtual one-hot s-op into its own dims: one unit per value (targets: value -> dim)."""
    return [Unit(indicators[v], 0.0, {dim: 1.0}) for v, dim in targets.items() if not indicators[v].is_zero()]


def copy_number_units(x: Readout, dim: Dim, low: float, high: float) -> list[Unit]:
    """Writes a number known to lie in [low, high] into `dim`: relu(x) - relu(-x), minus unneeded signs."""
    units = []
    if high > 0:
        units.append(Unit(x, 0.0, {dim: 1.0}))
    if low < 0:
        units.append(Unit(x * -1.0, 0.0, {dim: -1.0}))
    return units


def gate_units(flag: Readout, x: Readout, low: float, high: float, dim: Dim) -> list[Unit]:
    """flag · x into `dim`, for a flag that is 0 or 1 and x within [low, high]: a bounded ReLU product.

    relu(x - low - K(1 - flag)) is x - low at flag 1 and 0 at flag 0 (K exceeds high - low, with as
    much again to spare for small errors in the flag); `low · flag` adds the rest. Two units, whatever
    the number of values x takes (a lookup would need one per value)."""
    span = high - low
    k = 2.0 * span + 1.0
    units = [Unit(x + flag * k, -low - k, {dim: 1.0})]
    if low != 0:
        units.append(Unit(flag, 0.0, {dim: low}))
    return units


def ramp_units(x: Readout, points: Sequence[float], values: Sequence[float], slope: float, dim: Dim) -> list[Unit]:
    """A function of a number that is `slope`·x plus a staircase: one unit for the line (from a quarter
    gap below the first point on), the staircase for what is left. A wrap-around (x mod 2^W, signed)
    or a clamp then costs a few units where a staircase alone needs two per value."""
    start = points[0] - min_gap(points) / 4 if len(points) > 1 else points[0] - 1.0
    rest = [{dim: v - slope * (p - start)} for p, v in zip(points, values)]
    rest = [{d: w for d, w in r.items() if w != 0.0} for r in rest]
    return [Unit(x, -start, {dim: slope}), *discretising_units(x, points, rest)]


def ramp_slope(points: Sequence[float], values: Sequence[float]) -> float:
    """The most common slope between neighbouring points (the line `ramp_units` follows)."""
    slopes: dict[float, int] = {}
    for i in range(1, len(points)):
        s = round((values[i] - values[i - 1]) / (points[i] - points[i - 1]), 12)
        slopes[s] = slopes.get(s, 0) + 1
    return max(slopes, key=lambda s: slopes[s]) if slopes else 0.0
