"""End-to-end error bounds: each head's margin is proven for exact inputs; this proves the whole model.

`attention.assign_precision` gives every head a margin from what its consumers tolerate, walking back
from the output, and proves each head on its own: with exact query, key and value read-outs, the
attention outside the hard selection is below the margin. Inputs are not exact in a deep model - every
head upstream leaves its residue and lookups pass it on - so here the errors are walked *forward*, op
by op in schedule order, as a bound per s-op at every position (BOS included), and every place where
an error could change a result is checked:

- a head: errors in its query/key features move every score by at most `shift`, so the weight outside
  the hard selection is at most margin * e^(2 shift), and a weight among the selected keys (a mean's,
  or BOS's share in a SelectorWidth) is within a factor e^(+-2 shift) of its exact share; its output
  is off by that much of its value range plus the errors of the values it moves;
- a lookup or copy MLP: each unit is 1-Lipschitz in its pre-activation, so its outputs are off by at
  most sum over units of |out weights| * (error of the unit's read-out);
- a staircase (a numerical Map, a SelectorWidth's decoding, the classifier): exact while its input is
  within its tolerance, so it cleans the error - checked here, CompileError when the bound exceeds it;
- the output: a number must stay within the decoding tolerance, a one-hot vector less than 0.5 off;
  where the output's type has a case head (`compiler.types`), its share must stay on its side of the
  scores' boundaries.

Errors are kept per s-op as an L1 bound over its dimensions: leakage moves a bounded *mass* between the
values of a one-hot s-op, and adding per-dimension bounds over the dozens of dimensions a read-out
touches would count it dozens of times. A family of read-outs (a lookup's units, the values a head
moves, its score columns) is bounded at once, through the largest total coefficient any dimension of
each s-op gets in it.

A loop's block is walked once, and that suffices for every iteration: the block starts from an exact
state (the load and the commit are staircases and saturating ramps, so their outputs carry no error:
`compiler.loops`), its temporaries start from 0, and the invariants it reads are the same each time,
so every iteration sees the same error bounds. The commit is an MLP whose inputs (the step's new
values, the halt flag) are checked here against the margins within which it snaps them exactly; if
they hold for one pass they hold for all, and nothing accumulates over 10,000 iterations. Where they
do not hold, BoundExceeded (then CompileError) says which state cannot be committed exactly.

Erased dimensions start from 0 (`residual.eraser_units` clears both signs, at BOS too), so a new
tenant inherits nothing. The bound is in real arithmetic, the arithmetic the margins are derived in:
float32 rounding (2**-24 relative an operation) is far below the compiler's tolerances (the tightest,
a quarter gap of a number's values, is checked against 1e-6-scale residues here) and the tests run the
float32 models; a worst-case float bound through the lookup tables is too loose to decide anything
(it multiplies a rounding unit by every table a value passes through; docs/compiler-numerics.md).
Known exception, open: staircases with slopes in the thousands (SelectorWidth at max_seq_len 64) round by
~5e-4 in float32, and a chain of lookups amplifies that past their margins (docs/compiler-guarantees.md,
"Open: float32 rounding"; a strict xfail test holds the repro).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from weightsmith.compiler.blocks import AttentionOp, MLPOp, Op
from weightsmith.compiler.errors import CompileError
from weightsmith.compiler.lowering import OutputSpec
from weightsmith.compiler.readout import Readout
from weightsmith.compiler.schedule import Schedule
from weightsmith.compiler.types import BOUNDARIES

CATEGORICAL_LIMIT = 0.5  # a one-hot vector decodes right while it is off by less than this (L1)


class BoundExceeded(CompileError):
    """The errors can reach `error` where only `allowed` keeps the result exact. They scale with the
    heads' margins, so `compiling` tightens the margins and tries again before giving up."""

    def __init__(self, message: str, error: float, allowed: float):
        super().__init__(message)
        self.error, self.allowed = error, allowed


@dataclass
class ErrorBounds:
    """`owners[label]`: how far the vector of an s-op's dimensions can be from its exact value (L1),
    at any position, on any input; `output`: the bound on what the unembedding reads (the number, or
    the one-hot vector); `allowed`: what it may be and still decode exactly."""

    owners: dict[str, float]
    output: float
    allowed: float


class _Walk:
    def __init__(self) -> None:
        self.error: dict[str, float] = {}  # s-op label -> L1 error bound (0: embedded, exact)
        self.size: dict[str, float] = {}  # s-op label -> largest L1 norm of its exact value (1 if one-hot)
        self.points: dict[str, list[float]] = {}  # s-op label -> |its values| (numbers)
        self.share: dict[str, float] = {}  # a SelectorWidth's 1/(w+1): the drift, relative to the share

    def _largest(self, family: list[tuple[float, Readout]]) -> dict[str, float]:
        """Per s-op read, the largest total |weight * coefficient| one of its dimensions gets."""
        if len(family) == 1:  # one read-out: each dimension's total is its one term
            return self._single(*family[0])
        column: dict = {}
        get = column.get
        for weight, readout in family:
            for d, c in readout.terms.items():
                column[d] = get(d, 0.0) + abs(weight * c)
        largest: dict[str, float] = {}
        for d, c in column.items():
            largest[d.owner] = max(largest.get(d.owner, 0.0), c)
        return largest

    @staticmethod
    def _single(weight: float, readout: Readout) -> dict[str, float]:
        """`_largest` of one read-out, without the per-dimension totals (each is 0.0 + one term, the
        term itself): the same owners in the same order, the same maxima."""
        largest: dict[str, float] = {}
        for d, c in readout.terms.items():
            c = abs(weight * c)
            before = largest.get(d.owner)
            if before is None or c > before:
                largest[d.owner] = c
        return largest

    def off(self, family: list[tuple[float, Readout]]) -> float:
        """A bound on sum over the family of weight * |error of the read-out|."""
        return self._off(self._largest(family))

    def _off(self, largest: dict[str, float]) -> float:
        return sum(c * self.error.get(owner, 0.0) for owner, c in largest.items())

    def _magnitude(self, largest: dict[str, float]) -> float:
        """A bound on sum over a family of |the read-out's exact value|, from the family's `_largest`."""
        return sum(c * self.size.get(owner, 1.0) for owner, c in largest.items())

    def attention(self, op: AttentionOp) -> float:
        """A score is sum over columns of query_c * key_c. Its error sum(dq_c key_c + query_c dk_c +
        dq_c dk_c) is bounded term by term both ways round, (largest |dq_c|) * sum |key_c| or (largest
        |key_c|) * sum |dq_c|, whichever is smaller: a predicate table's columns are often disjoint on
        one side (each key in one group) and overlapping on the other (a query in many). Each side's
        `_largest` is computed once per column and once for all columns: it serves both the error and
        the magnitude (this walk runs on every compile, and it was its slowest part)."""
        shift = 0.0
        for columns, factor in ((op.columns, op.scale), (op.preference, op.step)):
            if not columns:
                continue
            (dq, q, dq_all, q_all), (dk, k, dk_all, k_all) = (
                self._side([getattr(c, side) for c in columns]) for side in ("query", "key"))
            shift += factor * (min(dq * k_all, k * dq_all) + min(dk * q_all, q * dk_all) + dq_all * dk_all)
        drift = math.expm1(min(2 * shift, 700.0))  # how far a ratio of two attention weights moves, relatively
        span = max(op.value_range, 1.0)
        own = span * 2 * op.margin * (1 + drift)  # the weight that leaks outside the hard selection
        if op.mode == "width":  # BOS's share 1/(w+1) is off by at most drift times itself
            self.share[op.output.label] = drift
        elif op.output.indicators is None and op.output.code is None:  # a mean: each weight within 1 +- drift of 1/width
            own += span * drift
        return own + self.off([(1.0, readout) for readout in op.values.values()])

    def _side(self, readouts: list[Readout]) -> tuple[float, float, float, float]:
        """The largest error and magnitude of one read-out, and the error and magnitude of all together."""
        error, size = self.error.get, self.size.get
        offs, magnitudes = [], []
        column: dict = {}  # `_largest` of all of them, accumulated in the same pass (|1.0 * c| is |c|)
        total = column.get
        single: dict = {}
        for r in readouts:  # `_single`, `_off` and `_magnitude` of each read-out alone (the same sums, inlined)
            single = {}
            before = single.get
            for d, c in r.terms.items():
                c = abs(c)
                column[d] = total(d, 0.0) + c
                largest = before(d.owner)
                if largest is None or c > largest:
                    single[d.owner] = c
            offs.append(sum([c * error(owner, 0.0) for owner, c in single.items()]))
            magnitudes.append(sum([c * size(owner, 1.0) for owner, c in single.items()]))
        if len(readouts) == 1:
            together = single
        else:
            together = {}
            for d, c in column.items():
                together[d.owner] = max(together.get(d.owner, 0.0), c)
        return max(offs), max(magnitudes), self._off(together), self._magnitude(together)

    def within(self, readout: Readout, tolerance: float) -> tuple[bool, float]:
        """Whether a staircase input stays within its tolerance, and its error bound. A width share
        p is checked point by point: off by (absolute bound) + drift * p, within a quarter of the gaps
        on either side of p (the staircase's ramps sit there); the largest shares are the farthest
        apart, and the ones drift moves most."""
        error = self.off([(1.0, readout)])
        if error <= tolerance or len(readout.terms) != 1:
            return error <= tolerance, error
        ((dim, c),) = readout.terms.items()
        if dim.owner not in self.share:
            return False, error
        points = sorted(self.points[dim.owner])
        gaps = [b - a for a, b in zip(points, points[1:])]
        worst = 0.0
        for i, p in enumerate(points):
            local = min(gaps[max(i - 1, 0):i + 1], default=math.inf) / 4
            off = abs(c) * (self.error[dim.owner] + self.share[dim.owner] * p)
            worst = max(worst, off)
            if not off <= local:
                return False, off
        return True, worst

    def mlp(self, op: MLPOp) -> float:
        for readout, tolerance in zip(op.inputs, op.tolerance):
            exact, error = self.within(readout, tolerance)
            if not exact:
                raise BoundExceeded(
                    f"cannot guarantee {op.output.label!r}: its input {readout!r} can be off by {error:.3g} "
                    f"(softmax residue accumulated upstream), and its MLP is exact only within {tolerance:.3g}",
                    error, tolerance)
        if op.groups is not None:  # a lookup reading compact s-ops: one group of units on at a time
            return max((self.off([(sum(abs(w) for w in unit.out.values()), unit.pre) for unit in group])
                        for group in op.groups), default=0.0)
        if op.inputs:  # a staircase: exact on inputs within tolerance (but for what its line passes on)
            return self.off(op.passed)
        return self.off([(sum(abs(w) for w in unit.out.values()), unit.pre) for unit in op.units])


def bound_errors(ops: list[Op], sched: Schedule, output: OutputSpec) -> ErrorBounds:
    """Bounds for every s-op written, checked wherever an error could change a result; raises
    BoundExceeded naming the s-op whose exactness cannot be guaranteed."""
    walk = _Walk()
    for op in sorted(ops, key=lambda o: sched.sublayer[id(o)]):
        label = op.output.label
        numbers = [abs(float(v)) for v in op.output.values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if op.output.code is not None:  # a ±1 code: L1 norm k
            walk.size[label] = float(len(op.output.dims))
        else:
            walk.size[label] = max(numbers, default=1.0) if op.output.indicators is None else 1.0
        walk.points[label] = numbers
        walk.error[label] = walk.attention(op) if isinstance(op, AttentionOp) else walk.mlp(op)
    if output.scalar is not None:
        error, allowed = walk.off([(1.0, output.scalar)]), output.tolerance
        exact = error <= allowed
    else:
        owners = {d.owner for d in output.dims}
        error, allowed = max((walk.error.get(o, 0.0) for o in owners), default=0.0), CATEGORICAL_LIMIT
        exact = error < allowed
    if not exact:
        raise BoundExceeded(
            f"cannot guarantee the output {output.label!r}: the softmax residue accumulated through the model "
            f"can move it by {error:.3g}, and it decodes exactly only within {allowed:.3g}", error, allowed)
    if output.type_dims:
        owner = output.type_dims[0].owner
        if owner in walk.share:  # a case head's scores (`compiler.types`)
            _check_case(walk, owner, output.label)
        elif not walk.error.get(owner, 0.0) < CATEGORICAL_LIMIT:  # a one-hot type of the argument
            raise BoundExceeded(f"cannot guarantee the type of the output {output.label!r}: its one-hot type can "
                                f"be off by {walk.error[owner]:.3g}", walk.error[owner], CATEGORICAL_LIMIT)
    return ErrorBounds(walk.error, error, allowed)


def _check_case(walk: _Walk, label: str, output: str) -> None:
    """The type's case head writes scores affine in its BOS share s (its error bound, `walk.error`, is
    the share's: the head's value range is 1), so their argmax is the case while s, off by at most the
    leak plus drift * s, stays on its side of both boundaries. Checked at s = 1, 1/2, 1/3 and 1/4: a
    smaller share is farther from the boundaries and drift moves it less."""
    for s in (1.0, 1 / 2, 1 / 3, 1 / 4):
        off = walk.error[label] + walk.share[label] * s
        room = min(abs(s - b) for b in BOUNDARIES)
        if not off < room:
            raise BoundExceeded(
                f"cannot guarantee the type of the output {output!r}: the share that tells how many keys its "
                f"Aggregates select can be off by {off:.3g} at {s:.3g}, and names the case only within {room:.3g}",
                off, room)
