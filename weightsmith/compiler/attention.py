"""Attention heads: score tables factored into query/key features, and a scale with a proven margin.

A conjunction of atoms becomes one head. Each atom's table T[query value, key value] is a bilinear form
of one-hot read-outs; it is factored into as few (query feature, key feature) columns as it has
distinct columns or rows, whichever is fewer (an EQ table over n values needs n, a key-only test 1).
A key's score is s * (number of atoms it satisfies), so the selected keys score s * n_atoms and every
other content key at most s * (n_atoms - 1). BOS gets its own column: s * (n_atoms - 1/2) for an
Aggregate (the fallback when nothing is selected), s * n_atoms for a SelectorWidth (it counts as one
more selected key, so its share of the attention is 1/(width + 1)).

The scale s is derived, not fixed: with at most N content keys, the attention weight outside the hard
selection is at most (N + 1) * exp(-s/2) for an Aggregate and N * exp(-s) for a SelectorWidth, so
s = 2 ln((N + 1)/margin) (resp. ln((N + 1)/margin)) keeps it below `margin`, and the margin is chosen
from the precision the head's consumers need (a quarter of the gap between the values a later MLP must
tell apart, divided by the size of the values moved). `op.margin` records the bound.
"""

from __future__ import annotations

import math
from itertools import compress
from typing import Sequence

import numpy as np

from weightsmith.compiler.blocks import AttentionOp, MLPOp, ScoreColumn
from weightsmith.compiler.errors import CompileError
from weightsmith.compiler.mlp import CLEAN_TOLERANCE, clean_units
from weightsmith.compiler.readout import BOS, ONE, Readout

MAX_MARGIN = 1e-6  # never looser than this, even where the consumers would tolerate more
MIN_MARGIN = 1e-30  # never tighter: the scale would outgrow what float32 scores resolve
CLEAN_FLOOR = 1e-20  # what a starved head's lookups pass on at least (`assign_precision`): far above MIN_MARGIN


def score_columns(queries: Sequence[Readout], keys: Sequence[Readout], table: np.ndarray) -> list[ScoreColumn]:
    """Columns whose summed products equal table[q, k] for one-hot query q and key k.

    The table is grouped as Python tuples: most tables are a few values square, where numpy's
    per-row calls cost more than the whole grouping in Python (one `tolist`, a tuple per row)."""
    rows = np.asarray(table, dtype=bool).reshape(len(queries), len(keys)).tolist()
    by_key = _groups(list(zip(*rows)) if rows else [()] * len(keys))  # key values with the same column of the table
    by_query = _groups(rows)
    if len(by_key) <= len(by_query):
        query_sets = [_hits(pattern) for pattern, _ in by_key]
        key_sets = [members for _, members in by_key]
    else:
        query_sets = [members for _, members in by_query]
        key_sets = [_hits(pattern) for pattern, _ in by_query]
    columns = map(ScoreColumn, _sums(queries, query_sets), _sums(keys, key_sets))
    return [c for c in columns if not c.query.is_zero() and not c.key.is_zero()]


def _sums(readouts: Sequence[Readout], subsets: list[list[int]]) -> list[Readout]:
    merged = Readout.disjoint_sums(readouts, subsets)
    if merged is not None:
        return merged
    return [Readout.sum(readouts[i] for i in subset) for subset in subsets]


def _groups(rows: Sequence[Sequence]) -> list[tuple[tuple, list[int]]]:
    """Distinct non-zero rows of a matrix (given as lists), each as a tuple with the indices where it
    occurs, in order of first occurrence."""
    groups: dict[tuple, list[int]] = {}
    for i, row in enumerate(rows):
        row = tuple(row)
        if any(row):
            groups.setdefault(row, []).append(i)
    return list(groups.items())


def _hits(pattern: tuple) -> list[int]:
    """Where a row of the table is non-zero, ascending (picked in C: a comparison's table is
    n x n, tens of thousands of cells at length 10)."""
    return list(compress(range(len(pattern)), pattern))


def preference_columns(positions: Sequence[Readout], orders: Sequence[Sequence[int]]) -> list[ScoreColumn]:
    """Columns adding p(q, k) to key k's score at query q, p = n-1 for the key q prefers most, then
    n-2, ... (`orders[q]` lists the key positions from the most preferred; `positions` are the one-hot
    read-outs of `indices`). Factored like a predicate table: by its distinct rows or distinct columns
    ("first"/"last" preferences need one column, "closest" one per position)."""
    n = len(positions)
    table = np.zeros((n, n))
    for q, keys in enumerate(orders):
        table[q, list(keys)] = np.arange(n - 1, -1, -1, dtype=np.float64)
    rows = table.tolist()
    by_query, by_key = _groups(rows), _groups(list(zip(*rows)))

    def weighted(weights: tuple) -> Readout:
        return Readout.total(zip(weights, positions))

    if len(by_query) <= len(by_key):
        return [ScoreColumn(Readout.sum(positions[q] for q in queries), weighted(row)) for row, queries in by_query]
    return [ScoreColumn(weighted(column), Readout.sum(positions[k] for k in keys)) for column, keys in by_key]


def set_scale(op: AttentionOp, max_seq_len: int, cap: float = MAX_MARGIN) -> None:
    """The smallest scale whose off-selection weight is below the margin op.precision requires (and
    below `cap`, which `compiling` lowers when the end-to-end bound of `compiler.bounds` needs it).

    With a preference (SelectPreferred), at most n = max_seq_len keys add step * p, p in 0..n-1: the
    preferred selected key outscores the other selected ones by step, 2 step, ... (weight at most
    2 e^-step = margin/3), every unselected key by scale - step (n-1) and BOS by scale/2 (at most
    margin/3 each, all together); with nothing selected BOS outscores every key by scale/2 - step (n-1).
    """
    margin = min(cap, op.precision / (2.0 * max(op.value_range, 1.0)))
    if margin < MIN_MARGIN:
        raise CompileError(f"the attention head writing {op.output.label!r} would need a margin below 1e-30")
    keys = max_seq_len + 1
    op.margin = margin
    if op.preference:
        op.step = math.log(6.0 / margin)
        op.scale = 2.0 * (op.step * (max_seq_len - 1) + math.log(3.0 * keys / margin))
        return
    op.scale = (2.0 if op.mode == "aggregate" else 1.0) * math.log(keys / margin)


def bos_column(op: AttentionOp) -> ScoreColumn:
    """BOS's score: the fallback level at content queries; at the BOS query, BOS beats every key by s."""
    level = op.n_atoms - 0.5 if op.mode == "aggregate" else float(op.n_atoms)
    return ScoreColumn(Readout({ONE: op.scale * level, BOS: op.scale}), Readout.of(BOS))


def assign_precision(ops: list, required: list[tuple[Readout, float]], floor: float = 0.0) -> None:
    """Set every head's `precision` from what its consumers tolerate, then its scale.

    `required` lists (read-out, tolerance) pairs that must hold at the end (the output's decoding);
    each MLP staircase adds its input's tolerance (a quarter gap), as does a linear classifier (what
    keeps its argmax). A read-out with coefficients c_d is off by at most sum |c_d| * error_d, so each
    dimension gets tolerance / sum |c_d|. A head spends half its budget on its own softmax leakage and
    passes half to the values it moves (errors in a mean are at most the errors of its inputs); a lookup
    MLP passes its budget on to what its units read; walking the ops from last to first.

    A lookup divides its budget by how many units read a dimension (dozens), so a chain of them can
    leave a head upstream a budget no margin above MIN_MARGIN meets (`starved`). With `floor` > 0, a
    lookup that would pass on less than `floor` is made clean instead (`mlp.clean_units`, twice the
    units): exact while its read-outs are within CLEAN_TOLERANCE, it passes nothing on, and its inputs'
    budget starts again from CLEAN_TOLERANCE (`compiling` asks for that only after a head starved).
    """
    need: dict = {}

    def require(readout: Readout, tolerance: float) -> None:
        total = sum(abs(c) for c in readout.terms.values())
        for dim in readout.terms:
            need[dim] = min(need.get(dim, math.inf), tolerance / total)

    def passed_on(op: MLPOp) -> dict:
        """What each dim a lookup's units read may be off by: a unit is 1-Lipschitz in its pre-activation,
        so an output dim D is off by at most mass[D] times the largest error of the dims its units read
        (mass: sum over its units of |out weight| * sum |pre coefficients|; over the units of one group,
        the largest such sum, where only one group can be on: `compiler.compact.lookup`)."""
        mass: dict = {}
        for group in op.groups or [op.units]:  # a unit pruning emptied writes nothing: it adds nothing
            within: dict = {}
            for unit in group:
                size = sum(abs(c) for c in unit.pre.terms.values())
                for dim, weight in unit.out.items():
                    within[dim] = within.get(dim, 0.0) + abs(weight) * size
            for dim, m in within.items():
                mass[dim] = max(mass.get(dim, 0.0), m)
        passed: dict = {}
        for unit in op.units:
            tolerance = min([need[d] / mass[d] for d in unit.out if d in need and mass[d]], default=math.inf)
            if tolerance < math.inf:
                for dim in unit.pre.terms:
                    passed[dim] = min(passed.get(dim, math.inf), tolerance)
        return passed

    def pass_through(op: MLPOp) -> None:
        passed = passed_on(op)
        if op.lookup and min(passed.values(), default=math.inf) < floor:
            op.units, op.groups, op.clean = clean_units(op.units), None, True
            require_clean(op)
            return
        for dim, tolerance in passed.items():
            need[dim] = min(need.get(dim, math.inf), tolerance)

    def require_clean(op: MLPOp) -> None:
        for unit in op.units[::2]:
            require(unit.pre, CLEAN_TOLERANCE)

    for readout, tolerance in required:
        require(readout, tolerance)
    for op in reversed(ops):  # consumers before what they read
        if isinstance(op, AttentionOp):
            budget = min([need.get(dim, math.inf) for dim in op.output.dims])
            op.precision = budget / 2
            for readout in op.values.values():
                if not readout.is_zero():
                    require(readout, budget / 2)
        elif op.groups is not None:  # a compact lookup: its operands within tolerance, then a lookup
            for readout, tolerance in zip(op.inputs, op.tolerance):
                require(readout, tolerance)
            pass_through(op)
        elif op.clean:  # a clean lookup: exact while each pair's read-out is within its tolerance
            require_clean(op)
        elif op.inputs:  # a staircase: exact while its inputs are within their tolerance
            for readout, tolerance in zip(op.inputs, op.tolerance):
                require(readout, tolerance)
            budget = min([need.get(dim, math.inf) for dim in op.output.dims])
            for factor, readout in op.passed:  # a line beside the staircase passes errors on, times factor
                if budget < math.inf and factor:
                    require(readout, budget / factor)
        else:  # a lookup (or a copy) passes the errors of what it reads on
            pass_through(op)


def starved(ops: list) -> bool:
    """Whether a head's consumers leave it a budget that only a margin below MIN_MARGIN meets (`set_scale`
    would refuse it): then `assign_precision` is asked again with a floor, cleaning the lookups that
    starve it."""
    heads = (op for op in ops if isinstance(op, AttentionOp))
    return any(head.precision / (2.0 * max(head.value_range, 1.0)) < MIN_MARGIN for head in heads)
