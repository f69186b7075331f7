"""What the compiler builds, before it is placed: s-op representations, attention ops and MLP ops.

Everything here is written against symbolic residual dimensions (`readout.Dim`); the schedule decides
the layer of each op and the residual allocation the index of each dimension, and only then are the
weights made (`assemble.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from weightsmith import rasp
from weightsmith.compiler.readout import Dim, Readout

CATEGORICAL = "categorical"
NUMERICAL = "numerical"


@dataclass
class Representation:
    """How one s-op lives in the residual stream.

    `indicators[v]` reads 1 where the s-op holds v and 0 elsewhere (all read 0 where it is None);
    `scalar` reads its number. Either may be missing: a mean computed by attention has no linear
    indicators, a string s-op no number. `dims` are the dimensions it owns: empty for a *virtual* s-op,
    whose read-outs are linear in other s-ops' dimensions (it costs no layer and no width).
    """

    label: str
    encoding: str
    values: list
    nullable: bool
    indicators: dict[Any, Readout] | None
    scalar: Readout | None
    dims: list[Dim]
    writer: "AttentionOp | MLPOp | None" = None  # None: written by the embedding, or virtual
    expr: rasp.SOp | None = None  # None for helpers the compiler adds (a mean, a tuple of s-ops, ...)
    role: str = ""  # for helpers: what it is, e.g. "1/(w+1)" for a SelectorWidth's attention output
    code: dict[Any, tuple[float, ...]] | None = None  # compact: value -> its ±1 code (`compiler.compact`)

    @property
    def virtual(self) -> bool:
        return not self.dims


@dataclass
class ScoreColumn:
    """One query/key feature pair of a head: the score adds query(x_q) * key(x_k)."""

    query: Readout
    key: Readout


@dataclass
class AttentionOp:
    """One head: selects by `columns` (a key is selected when it scores `n_atoms`), moves `values`.

    `mode` "aggregate": BOS is the fallback, scored half a point below a selection, so it only wins
    when nothing is selected; "width": BOS scores like a selected key, so it gets 1/(width+1).
    `preference` (a SelectPreferred) adds `step` * p(query, key) to every key's score, p = 0..n-1 the
    key's place in the query's order of preference counted from the least preferred, so the preferred
    selected key beats the other selected ones by at least `step` (`attention.set_scale`).
    `bos_values` is what BOS contributes to each output dimension (an Aggregate's default, or the 1
    whose share measures the width). `precision` is the largest error its outputs may carry.
    """

    output: Representation
    columns: list[ScoreColumn]
    n_atoms: int
    values: dict[Dim, Readout]  # output dim -> value read at the key
    bos_values: dict[Dim, float]
    mode: str
    value_range: float
    precision: float = 1e-6
    scale: float = 0.0
    margin: float = 0.0  # proven bound on the attention weight outside the hard selection
    preference: list[ScoreColumn] = field(default_factory=list)  # SelectPreferred: p(query, key), times `step`
    step: float = 0.0

    def reads(self) -> list[Readout]:
        columns = self.columns + self.preference
        return [c.query for c in columns] + [c.key for c in columns] + list(self.values.values())


@dataclass
class Unit:
    """One hidden ReLU unit: relu(pre(x) + bias) added to the residual as `out` (dim -> weight)."""

    pre: Readout
    bias: float
    out: dict[Dim, float]


@dataclass
class MLPOp:
    """A group of hidden units that writes one representation's dimensions.

    `tolerance[i]` is how far `inputs[i]` may stray from its exact values without changing the
    result (a discretisation's quarter gap), which sets how precise upstream attention must be.
    `passed` lists (factor, read-out) pairs whose errors reach the output times `factor` even so
    (a line plus a staircase, `mlp.ramp_units`: the staircase cleans, the line passes on).
    `groups` (lookups reading compact s-ops) partition the units by the codes they detect: while the
    summed error of the operands (`inputs`) is within `tolerance`, only one group's units can be on.
    `lookup`: a table (`mlp.lookup_units`); `uniform`: one whose units each read one indicator of
    every operand, with coefficient 1 and the same bias, so they round alike (`compiler.bounds`
    bounds one for all); `clean`: one made clean (`mlp.clean_units`: pairs of units, exact while each
    pair's read-out is within `mlp.CLEAN_TOLERANCE` of its value).
    `levels` (a staircase): per distinct output, that output and the size float32 rounds it by
    there (`mlp.staircase`).
    """

    output: Representation
    units: list[Unit]
    inputs: list[Readout] = field(default_factory=list)
    tolerance: list[float] = field(default_factory=list)
    passed: list[tuple[float, Readout]] = field(default_factory=list)
    groups: list[list[Unit]] | None = None  # a lookup reading compact s-ops: `compiler.compact.lookup`
    lookup: bool = False
    uniform: bool = False
    clean: bool = False
    levels: list[tuple[dict[Dim, float], float]] | None = None  # a staircase: per output, its rounding size

    def reads(self) -> list[Readout]:
        return [u.pre for u in self.units]


Op = AttentionOp | MLPOp
