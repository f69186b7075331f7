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
tenant inherits nothing. The softmax residue is bounded in real arithmetic, the arithmetic the margins
are derived in; float32 rounding (2**-24 relative an operation) is bounded beside it, per s-op, and
added wherever a result is checked: a unit's rounding where it is on (a staircase's per run of equal
outputs, from its units' pre-activations), a head's through its scores, softmax and sum, nothing for
exact arithmetic on exact values (lookups on indicators), and whatever the read s-ops carry, passed on
like any error. No margin shrinks it, but a lookup table multiplies it (each unit one operand short of
its combination passes it on), so where it would reach a result the walk makes the tables upstream
clean (`mlp.clean_units`) and walks on from them. The bound is a worst case; where it cannot be kept,
that s-op alone is proven in real arithmetic, with a RoundingWarning (`_Walk.fail`;
docs/compiler-guarantees.md, "float32 rounding").
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

import numpy as np

from weightsmith.compiler.blocks import AttentionOp, MLPOp, Op, Representation, Unit
from weightsmith.compiler.errors import CompileError
from weightsmith.compiler.lowering import OutputSpec
from weightsmith.compiler.mlp import CLEAN_TOLERANCE, clean_units
from weightsmith.compiler.readout import Readout
from weightsmith.compiler.schedule import Schedule
from weightsmith.compiler.types import BOUNDARIES

CATEGORICAL_LIMIT = 0.5  # a one-hot vector decodes right while it is off by less than this (L1)


ROUNDING = 2.0 ** -24  # float32's unit roundoff: a sum or product is off by at most this, relative to its size
EXACT = 2.0 ** 20  # numbers that are multiples of 1/4 below this add and multiply exactly in float32


class BoundExceeded(CompileError):
    """The errors can reach `error` where only `allowed` keeps the result exact; `rounding` of it is
    float32 rounding. The rest scales with the heads' margins, so `compiling` tightens the margins
    and tries again before giving up; rounding it cannot shrink, but a table that multiplies it can
    be made clean (`unclean`: the plain lookups walked so far that read rounded values). `label`:
    the s-op whose check failed (where rounding alone fails it, `compiling` may prove that one s-op
    in real arithmetic only: `bound_errors`'s `assumed`)."""

    def __init__(self, message: str, error: float, allowed: float, rounding: float = 0.0,
                 unclean: list[MLPOp] | None = None, label: str = ""):
        super().__init__(message)
        self.error, self.allowed, self.rounding, self.unclean = error, allowed, rounding, unclean or []
        self.label = label


@dataclass
class ErrorBounds:
    """`owners[label]`: how far the vector of an s-op's dimensions can be from its exact value (L1),
    at any position, on any input, softmax residue and float32 rounding together; `output`: the bound
    on what the unembedding reads (the number, or the one-hot vector), `rounding` the part of it that
    is float32 rounding; `allowed`: what it may be and still decode exactly."""

    owners: dict[str, float]
    output: float
    allowed: float
    rounding: float = 0.0


def _numbers(values: list) -> list[float]:
    """The numbers among an s-op's values (not booleans), as floats: found once an s-op, for its
    size, its points and its range (hundreds of values in a numerical s-op; where every value is a
    plain int or float, as most are, converted in C)."""
    if set(map(type, values)) <= {int, float}:
        return list(map(float, values))
    return [float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]


def _exact(x: float) -> bool:
    """Whether float32 sums and products of x with its like are exact: a small multiple of 1/4."""
    return abs(x) < EXACT and (4.0 * x).is_integer()


class _Walk:
    def __init__(self) -> None:
        self.error: dict[str, float] = {}  # s-op label -> L1 error bound (0: embedded, exact)
        self.rounded: dict[str, float] = {}  # s-op label -> L1 bound on its float32 rounding, beyond `error`
        self.size: dict[str, float] = {}  # s-op label -> largest L1 norm of its exact value (1 if one-hot)
        self.points: dict[str, list[float]] = {}  # s-op label -> |its values| (numbers)
        self.range: dict[str, tuple[float, float]] = {"one": (1.0, 1.0), "bos": (0.0, 1.0)}  # one dimension's values
        self.inexact: set[str] = set()  # s-ops holding a value that is not a small multiple of 1/4
        self.share: dict[str, float] = {}  # a SelectorWidth's 1/(w+1): the drift, relative to the share
        self.share_rounded: dict[str, float] = {}  # ... and the part of it that is float32 rounding
        self.share_real: dict[str, float] = {}  # ... and the drift of real arithmetic alone
        self.unclean: list[MLPOp] = []  # plain lookups that read rounded values (`bound_errors` may clean them)
        self.levels: dict[str, tuple[list, float]] = {}  # a staircase's: per output its rounding, and the rest
        self.keys = 1  # the most keys a head attends to (max_seq_len + 1)
        self.assumed: dict[str, str] = {}  # s-ops checked in real arithmetic only (and why), taken as exact in float32
        self.writer: dict[str, Op] = {}  # s-op label -> the op that writes it (walked so far)

    def step(self, op: Op) -> None:
        """Walk one op: what its s-op can hold, and its error and rounding bounds."""
        label = op.output.label
        self.writer[label] = op
        numbers = _numbers(op.output.values)
        magnitudes = list(map(abs, numbers))
        if op.output.code is not None:  # a ±1 code: L1 norm k
            self.size[label] = float(len(op.output.dims))
        else:
            self.size[label] = max(magnitudes, default=1.0) if op.output.indicators is None else 1.0
        self.points[label] = magnitudes
        self.hold(label, numbers, op.output.indicators is not None, op.output.code is not None)
        error, rounding = self.attention(op) if isinstance(op, AttentionOp) else self.mlp(op)
        self.error[label], self.rounded[label] = error, 0.0 if label in self.assumed else rounding

    def fail(self, err: BoundExceeded) -> None:
        """Raise `err`, unless float32 rounding fails the check and no table upstream can be made
        clean (`compiling` would clean those and walk again): then the s-op is proven in real
        arithmetic alone (`assumed`, warned about) and its check is redone so."""
        if err.rounding * 2 >= err.allowed and err.label not in self.assumed:
            err.unclean = self._unclean_upstream(err.label)
            if not err.unclean:
                self.assumed[err.label] = str(err)
                return
        raise err

    def _unclean_upstream(self, label: str) -> list[MLPOp]:
        """The plain lookups reading rounded values whose rounding can reach `label`'s check: its
        ancestors, up to s-ops that carry no rounding (embedded, clean, assumed)."""
        unclean = {id(op) for op in self.unclean}
        found, seen, todo = [], {label}, [label]
        while todo:
            op = self.writer.get(todo.pop())
            if op is None:
                continue
            if id(op) in unclean:
                found.append(op)
            for readout in op.reads():
                for d in readout.terms:
                    owner = d.owner
                    if owner not in seen and self.rounded.get(owner, 0.0) > 0.0:
                        seen.add(owner)
                        todo.append(owner)
        return found

    def hold(self, label: str, numbers: list[float], one_hot: bool, code: bool) -> None:
        """What one dimension of an s-op can hold, for the rounding of the units reading it (`numbers`:
        the numbers among its values, `_numbers`)."""
        if code:
            self.range[label] = (-1.0, 1.0)
        elif one_hot:
            self.range[label] = (0.0, 1.0)
        else:
            self.range[label] = (min(numbers, default=0.0), max(numbers, default=0.0))
            if not all(map(_exact, numbers)):
                self.inexact.add(label)

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

    def _off_rounded(self, largest: dict[str, float]) -> float:
        """`_off` of the float32 rounding the read s-ops carry."""
        rounded = self.rounded.get
        return sum(c * rounded(owner, 0.0) for owner, c in largest.items())

    def _magnitude(self, largest: dict[str, float]) -> float:
        """A bound on sum over a family of |the read-out's exact value|, from the family's `_largest`."""
        return sum(c * self.size.get(owner, 1.0) for owner, c in largest.items())

    def attention(self, op: AttentionOp) -> tuple[float, float]:
        """A score is sum over columns of query_c * key_c. Its error sum(dq_c key_c + query_c dk_c +
        dq_c dk_c) is bounded term by term both ways round, (largest |dq_c|) * sum |key_c| or (largest
        |key_c|) * sum |dq_c|, whichever is smaller: a predicate table's columns are often disjoint on
        one side (each key in one group) and overlapping on the other (a query in many). Each side's
        `_largest` is computed once per column and once for all columns: it serves both the error and
        the magnitude (this walk runs on every compile, and it was its slowest part).

        Float32 rounding (the second number returned): the scores also round, by their size times
        ROUNDING per product that is not 0 (one a table on one-hot read-outs: each table's columns
        split one side's values) - unless every column reads 0/1 values with coefficient 1, where
        every product is the scale itself and keys that satisfy as many atoms score the same float
        (BOS's column, the scale times n_atoms, still rounds) - and the softmax's exponentials, sum and quotient by keys + 4 times
        ROUNDING of the weights, relatively; both go into the drift. The values moved add their own
        rounding: a mean sums up to `keys` terms of the value range; a copy's selected weight rounds
        to 1 when the leak is below ROUNDING (then the rounding is at most the leak) and by ROUNDING
        otherwise, so its rounding shrinks with the margin and is counted with the leak."""
        shift = total = magnitude = 0.0
        ones = True  # every score column reads 0/1 values with coefficient 1: keys' scores round alike
        for columns, factor in ((op.columns, op.scale), (op.preference, op.step)):
            if not columns:
                continue
            (dq, q, dq_all, q_all, rq, rq_all, q_one), (dk, k, dk_all, k_all, rk, rk_all, k_one) = (
                self._side([getattr(c, side) for c in columns]) for side in ("query", "key"))
            ones = ones and q_one and k_one and factor == op.scale
            shift += factor * (min(dq * k_all, k * dq_all) + min(dk * q_all, q * dk_all) + dq_all * dk_all)
            tq, tq_all, tk, tk_all = dq + rq, dq_all + rq_all, dk + rk, dk_all + rk_all
            total += factor * (min(tq * k_all, k * tq_all) + min(tk * q_all, q * tk_all) + tq_all * tk_all)
            magnitude += factor * min(q * k_all, k * q_all)
        if ones:  # each product is the scale itself: only BOS's column, scale * n_atoms, rounds otherwise
            scores = ROUNDING * op.scale * (op.n_atoms + 1)
        else:  # n_atoms products, the BOS column and the sum
            scores = (op.n_atoms + 3) * ROUNDING * (magnitude + op.scale * (op.n_atoms + 1))
        drift = math.expm1(min(2 * shift, 700.0))  # how far a ratio of two attention weights moves, relatively
        rounding_shift = 2 * (total - shift + scores) + (self.keys + 4) * ROUNDING
        drift_all = math.expm1(min(2 * shift + rounding_shift, 700.0))
        drift_rounded = math.expm1(min(rounding_shift, 700.0))  # the rest shrinks with the margins
        span = max(op.value_range, 1.0)
        own = span * 2 * op.margin * (1 + drift_all)  # the weight that leaks outside the hard selection
        if op.mode == "width":  # BOS's share 1/(w+1) is off by at most drift times itself
            self.share[op.output.label] = drift_all
            self.share_rounded[op.output.label] = drift_rounded
            self.share_real[op.output.label] = drift
            rounding = 2 * ROUNDING * span  # BOS's value is the one term that is not 0
        elif op.output.indicators is None and op.output.code is None:  # a mean: each weight within 1 +- drift of 1/width
            own += span * (drift_all - drift_rounded)
            rounding = span * drift_rounded + (self.keys + 4) * ROUNDING * span
        else:  # a copy: its selected weight rounds to 1 where the leak is below ROUNDING, and by as much
            own += min(4 * ROUNDING * span, own)
            rounding = 0.0
        largest = self._largest([(1.0, readout) for readout in op.values.values()])
        return own + self._off(largest), rounding + self._off_rounded(largest)

    def _side(self, readouts: list[Readout]) -> tuple[float, float, float, float, float, float, bool]:
        """The largest error and magnitude of one read-out, and the error and magnitude of all
        together; then the largest rounding of one, the rounding of all, and whether every term has
        coefficient +-1 and reads an s-op whose values are small multiples of 1/4."""
        error, size, rounded = self.error.get, self.size.get, self.rounded.get
        inexact = self.inexact
        best = None  # (error, magnitude, rounding): the largest of each over the read-outs, as max() keeps it
        column: dict = {}  # `_largest` of all of them, accumulated in the same pass (|1.0 * c| is |c|)
        total = column.get
        single: dict = {}
        ones = True
        for r in readouts:  # `_single`, `_off` and `_magnitude` of each read-out alone (the same sums, inlined)
            single = {}
            before = single.get
            for d, c in r.terms.items():
                c = abs(c)
                column[d] = total(d, 0.0) + c
                largest = before(d.owner)
                if largest is None or c > largest:
                    single[d.owner] = c
                if c != 1.0:
                    ones = False
            if len(single) == 1:  # most read-outs read one s-op
                ((owner, c),) = single.items()
                o, m, q = c * error(owner, 0.0), c * size(owner, 1.0), c * rounded(owner, 0.0)
            else:
                o = sum([c * error(owner, 0.0) for owner, c in single.items()])
                m = sum([c * size(owner, 1.0) for owner, c in single.items()])
                q = sum([c * rounded(owner, 0.0) for owner, c in single.items()])
            best = (o, m, q) if best is None else (max(best[0], o), max(best[1], m), max(best[2], q))
            ones = ones and inexact.isdisjoint(single)
        if len(readouts) == 1:
            together = single
        else:
            together = {}
            for d, c in column.items():
                together[d.owner] = max(together.get(d.owner, 0.0), c)
        off, magnitude, rounding = best
        return (off, magnitude, self._off(together), self._magnitude(together), rounding,
                self._off_rounded(together), ones)

    def within(self, readout: Readout, tolerance: float, real: bool = False) -> tuple[bool, float, float]:
        """Whether a staircase input stays within its tolerance, its error bound and the part of it
        that is float32 rounding (`real`: in real arithmetic alone, rounding 0). A width share p is
        checked point by point: off by (absolute bound) + drift * p, within a quarter of the gaps on
        either side of p (the staircase's ramps sit there); the largest shares are the farthest
        apart, and the ones drift moves most."""
        largest = self._single(1.0, readout)
        rounding = 0.0 if real else self._off_rounded(largest)
        error = self._off(largest) + rounding
        if error <= tolerance or len(readout.terms) != 1:
            return error <= tolerance, error, rounding
        ((dim, c),) = readout.terms.items()
        if dim.owner not in self.share:
            return False, error, rounding
        points = sorted(self.points[dim.owner])
        gaps = [b - a for a, b in zip(points, points[1:])]
        worst = worst_rounding = 0.0
        rounded, share_rounded = (0.0, 0.0) if real else (self.rounded[dim.owner], self.share_rounded[dim.owner])
        absolute = self.error[dim.owner] + rounded
        share = (self.share_real if real else self.share)[dim.owner]
        for i, p in enumerate(points):
            local = min(gaps[max(i - 1, 0):i + 1], default=math.inf) / 4
            off = abs(c) * (absolute + share * p)
            if off > worst:
                worst = off
                worst_rounding = abs(c) * (rounded + share_rounded * p)
            if not off <= local:
                return False, off, abs(c) * (rounded + share_rounded * p)
        return True, worst, worst_rounding

    def unit_rounding(self, unit: Unit) -> tuple[float, float]:
        """A bound on how far float32 moves the unit's output, relu(pre + bias), where it is on: its
        terms' size, (products + 1) * ROUNDING. A unit reading one number is on over part of that
        number's range only (a staircase ramp: on one side of it), so its size is taken there. Where
        every coefficient, the bias and every value read are small multiples of 1/4 the arithmetic
        is exact on exact inputs and rounds only what the inputs are off by, at most as much again:
        that part shrinks with the heads' margins and is returned first, the rest second."""
        terms = unit.pre.terms
        constant, shift = abs(unit.bias), unit.bias
        exact = _exact(unit.bias)
        off = off_rounded = size = 0.0
        variables, last = 0, None
        error, rounded, inexact, span = self.error.get, self.rounded.get, self.inexact, self.range.get
        for d, c in terms.items():
            owner, a = d.owner, abs(c)
            exact = exact and a < EXACT and (4.0 * c).is_integer() and owner not in inexact  # `_exact`
            if owner == "one":
                constant += a
                shift += c
                continue
            e, r = error(owner, 0.0), rounded(owner, 0.0)
            off += a * e
            off_rounded += a * r
            low, high = span(owner, (-1.0, 1.0))
            low, high = low - e - r, high + e + r
            size += a * max(abs(low), abs(high))
            variables += 1
            last = c, low, high
        if exact and not off and not off_rounded:
            return 0.0, 0.0  # exact arithmetic on exact values (a lookup on embedded or exact s-ops)
        if variables == 1:
            c, low, high = last
            edge = -shift / c  # where it turns on
            low, high = (max(low, edge), high) if c > 0 else (low, min(high, edge))
            if low > high:
                return 0.0, 0.0  # off over the whole range
            size = abs(c) * max(abs(low), abs(high))
        rounding = (len(terms) + 1) * ROUNDING * (size + constant)
        if exact:  # min(a, x + y) <= min(a, x) + min(a, y)
            return min(rounding, off), min(rounding, off_rounded)
        return 0.0, rounding

    def mlp(self, op: MLPOp) -> tuple[float, float]:
        """The errors of what an MLP writes and their float32 rounding (`unit_rounding`, times each
        unit's |out weights|, over the units that can be on together)."""
        label = op.output.label
        for readout, tolerance in zip(op.inputs, op.tolerance):
            while not (check := self.within(readout, tolerance, label in self.assumed))[0]:
                _, error, rounding = check
                self.fail(BoundExceeded(
                    f"cannot guarantee {label!r}: its input {readout!r} can be off by {error:.3g} "
                    f"(softmax residue accumulated upstream{', float32 rounding' if rounding else ''}), and its MLP "
                    f"is exact only within {tolerance:.3g}", error, tolerance, rounding, label=label))
        if op.inputs and op.levels is not None and op.groups is None and not op.clean:
            return self._staircase(op)
        weights = [sum(map(abs, unit.out.values())) for unit in op.units]
        if op.uniform and not op.clean and op.units:  # every unit rounds as the first does
            a, b = self.unit_rounding(op.units[0])
            own, own_rounded = [weight * a for weight in weights], [weight * b for weight in weights]
        else:
            own, own_rounded = [], []
            for weight, unit in zip(weights, op.units):
                a, b = self.unit_rounding(unit)
                own.append(weight * a)
                own_rounded.append(weight * b)
        if op.clean:
            return self._clean(op, own, own_rounded)
        if op.groups is not None:  # a lookup reading compact s-ops: one group of units on at a time
            mine = {id(unit): (a, b) for unit, a, b in zip(op.units, own, own_rounded)}
            error = rounding = 0.0
            for group in op.groups:
                largest = self._largest([(sum(abs(w) for w in unit.out.values()), unit.pre) for unit in group])
                error = max(error, self._off(largest) + sum(mine.get(id(u), (0.0, 0.0))[0] for u in group))
                rounding = max(rounding, self._off_rounded(largest) + sum(mine.get(id(u), (0.0, 0.0))[1] for u in group))
        elif op.inputs:  # exact on inputs within tolerance (but for what a line passes on), rounding by its units
            largest = self._largest(op.passed)
            return self._off(largest) + sum(own), self._off_rounded(largest) + sum(own_rounded)
        else:
            largest = self._largest(list(zip(weights, (unit.pre for unit in op.units))))
            error, rounding = self._off(largest) + sum(own), self._off_rounded(largest) + sum(own_rounded)
        if op.lookup and rounding > 0:
            self.unclean.append(op)
        return error, rounding

    def _staircase(self, op: MLPOp) -> tuple[float, float]:
        """A staircase: exact on inputs within tolerance (but for what its line passes on), rounding
        by its own at each point (`mlp.staircase_rounding`)."""
        largest = self._largest(op.passed)
        error, passed = self._off(largest), self._off_rounded(largest)
        levels = [(out, 2 * ROUNDING * size) for out, size in op.levels]  # the bias's sum, the output's
        self.levels[op.output.label] = (levels, error + passed)
        return error, passed + max((r for _, r in levels), default=0.0)

    def _clean(self, op: MLPOp, own: list[float], own_rounded: list[float]) -> tuple[float, float]:
        """A clean lookup (`mlp.clean_units`): exact while every pair's read-out, errors and rounding
        together, is within CLEAN_TOLERANCE; then only the matching pair is on, rounding by its own."""
        label = op.output.label
        while True:
            real = label in self.assumed
            worst = worst_rounding = 0.0
            for unit in op.units[::2]:
                largest = self._single(1.0, unit.pre)
                a, b = self.unit_rounding(unit)
                rounding = 0.0 if real else self._off_rounded(largest) + b
                error = self._off(largest) + a + rounding
                if error > worst:
                    worst, worst_rounding = error, rounding
            if worst <= CLEAN_TOLERANCE:
                break
            self.fail(BoundExceeded(
                f"cannot guarantee {label!r}: its lookup's inputs can be off by {worst:.3g} (softmax residue "
                f"and float32 rounding accumulated upstream), and it is exact only within {CLEAN_TOLERANCE:.3g}",
                worst, CLEAN_TOLERANCE, worst_rounding, label=label))
        pairs = lambda x: max((a + b for a, b in zip(x[::2], x[1::2])), default=0.0)  # noqa: E731
        return pairs(own), pairs(own_rounded)


def bound_errors(ops: list[Op], sched: Schedule, output: OutputSpec, max_seq_len: int,
                 embedded: list[Representation] = (), assumed: dict[str, str] | None = None) -> ErrorBounds:
    """Bounds for every s-op written, checked wherever an error could change a result; raises
    BoundExceeded naming the s-op whose exactness cannot be guaranteed. `embedded`: the s-ops the
    embedding writes (exact, but for numbers float32 cannot hold). `assumed` (filled in: label ->
    the failed check): s-ops whose worst-case float32 rounding cannot be kept even with the tables
    upstream clean (`_Walk.fail`; `compiling` warns). Each is checked in real arithmetic alone and
    taken as exact in float32 from there on, while every other s-op is still checked with rounding
    (falling back for the whole model instead left later chains of tables unguarded and the
    grammaticality model wrong on a sentence: docs/compiler-guarantees.md).

    Where rounding fails a check and lookups upstream can be made clean (`mlp.clean_units`), they
    are, and the walk resumes from the first of them: what was walked before it stands."""
    walk = _Walk()
    walk.keys = max_seq_len + 1
    if assumed is not None:
        walk.assumed = assumed
    for rep in embedded:
        numbers = _numbers(rep.values)
        walk.hold(rep.label, numbers, rep.indicators is not None, rep.code is not None)
        if rep.indicators is None and rep.code is None and any(float(np.float32(v)) != v for v in numbers):
            walk.rounded[rep.label] = ROUNDING * max(map(abs, numbers))
    order = sorted(ops, key=lambda o: sched.sublayer[id(o)])
    position = {id(op): i for i, op in enumerate(order)}
    start = 0
    while True:
        try:
            for op in order[start:]:
                walk.step(op)
            return _check_output(walk, output)
        except BoundExceeded as err:
            if not err.unclean:
                raise
            for op in err.unclean:
                op.units, op.groups, op.clean = clean_units(op.units), None, True
            start = min(position[id(op)] for op in err.unclean)
            walk.unclean = [op for op in walk.unclean if position[id(op)] < start]


def _check_output(walk: _Walk, output: OutputSpec) -> ErrorBounds:
    """The output's checks, once every s-op is walked; its bounds."""
    while not (check := _output_off(walk, output))[0]:
        _, error, allowed, rounding = check
        walk.fail(BoundExceeded(
            f"cannot guarantee the output {output.label!r}: the softmax residue and float32 rounding accumulated "
            f"through the model can move it by {error:.3g}, and it decodes exactly only within {allowed:.3g}",
            error, allowed, rounding, label=output.label))
    _, error, allowed, rounding = check
    if output.type_dims:
        owner = output.type_dims[0].owner
        if owner in walk.share:  # a case head's scores (`compiler.types`)
            _check_case(walk, owner, output.label)
        else:  # a one-hot type of the argument
            while not (off := walk.error.get(owner, 0.0) + (rounded := _rounded(walk, owner))) < CATEGORICAL_LIMIT:
                walk.fail(BoundExceeded(f"cannot guarantee the type of the output {output.label!r}: its one-hot type "
                                        f"can be off by {off:.3g}", off, CATEGORICAL_LIMIT, rounded, label=owner))
    return ErrorBounds({label: e + walk.rounded[label] for label, e in walk.error.items()}, error, allowed, rounding)


def _output_off(walk: _Walk, output: OutputSpec) -> tuple[bool, float, float, float]:
    """Whether the output decodes exactly, what it can be off by, what it may be, and the float32
    rounding of it (none where the output is `assumed`: real arithmetic alone)."""
    real = output.label in walk.assumed
    if output.scalar is not None and _copied(output):  # the copy's MLP: its inputs' errors and its own rounding
        owner = output.dims[0].owner
        rounding = 0.0 if real else walk.rounded.get(owner, 0.0)
        error = walk.error.get(owner, 0.0) + rounding
        return error <= output.tolerance, error, output.tolerance, rounding
    if output.scalar is not None:
        largest = walk._single(1.0, output.scalar)
        rounding = 0.0 if real else walk._off_rounded(largest)
        error, allowed = walk._off(largest) + rounding, output.tolerance
        return error <= allowed or not real and _snaps(walk, output), error, allowed, rounding
    owners = {d.owner for d in output.dims}
    error, rounding = max(((walk.error.get(o, 0.0) + (0.0 if real else walk.rounded.get(o, 0.0)),
                            0.0 if real else walk.rounded.get(o, 0.0)) for o in owners), default=(0.0, 0.0))
    return error < CATEGORICAL_LIMIT, error, CATEGORICAL_LIMIT, rounding


def _copied(output: OutputSpec) -> bool:
    """Whether a numerical output is read from a copy an MLP made of its read-out (`lowering._output`: several
    terms, or one with a weight other than 1). The copy's units sum the terms in float32, which the read-out's own
    bound does not see: a difference of two numbers near 2**40 (-0.5 exactly) was copied as 0.0, with a proven
    error of 0, and decoded so without a word (the fuzzer's seed 8200527)."""
    terms = output.scalar.terms
    return len(terms) != 1 or next(iter(terms.values())) != 1.0


def _rounded(walk: _Walk, label: str) -> float:
    """The float32 rounding an s-op carries, as its checks count it (none where it is `assumed`)."""
    return 0.0 if label in walk.assumed else walk.rounded.get(label, 0.0)


def _snaps(walk: _Walk, output: OutputSpec) -> bool:
    """Whether a number written by a staircase decodes right at each of its points, though not
    within the tolerance everywhere: float32 rounds a large output by more than the quarter of the
    smallest gap, but the decoding snaps each value within a quarter of the gap to its nearer
    neighbour too (`Transformer.decode_logits`), and large values have large gaps (exp's)."""
    if len(output.scalar.terms) != 1:
        return False
    ((dim, c),) = output.scalar.terms.items()
    if dim.owner not in walk.levels:
        return False
    levels, rest = walk.levels[dim.owner]
    values = sorted(float(v) for v in output.values)
    for out, rounding in levels:
        v = c * out.get(dim, 0.0)
        i = bisect.bisect_left(values, v)
        gaps = [values[k + 1] - values[k] for k in (i - 1, i) if 0 <= k < len(values) - 1]
        if not abs(c) * (rest + rounding) <= max(output.tolerance, min(gaps, default=math.inf) / 4):
            return False
    return True


def _check_case(walk: _Walk, label: str, output: str) -> None:
    """The type's case head writes scores affine in its BOS share s (its error bound, `walk.error`, is
    the share's: the head's value range is 1), so their argmax is the case while s, off by at most the
    leak plus drift * s, stays on its side of both boundaries. Checked at s = 1, 1/2, 1/3 and 1/4: a
    smaller share is farther from the boundaries and drift moves it less."""
    for s in (1.0, 1 / 2, 1 / 3, 1 / 4):
        room = min(abs(s - b) for b in BOUNDARIES)
        while True:
            real = label in walk.assumed  # checked in real arithmetic alone
            rounded = 0.0 if real else walk.rounded.get(label, 0.0) + walk.share_rounded.get(label, 0.0) * s
            off = walk.error[label] + rounded + (walk.share_real if real else walk.share)[label] * s
            if off < room:
                break
            walk.fail(BoundExceeded(
                f"cannot guarantee the type of the output {output!r}: the share that tells how many keys its "
                f"Aggregates select can be off by {off:.3g} at {s:.3g}, and names the case only within {room:.3g}",
                off, room, rounded, label=label))
