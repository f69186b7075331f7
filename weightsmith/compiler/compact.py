"""Compact categorical s-ops: N values held in O(log N) residual dimensions as ±1 codes.

A one-hot s-op with N values takes N dimensions; a dictionary-scale program (a word s-op over
thousands of words) then needs a residual thousands wide and MLPs as wide again, and its parameters
grow with the square. A *compact* s-op holds value v as a code c_v in {-1, +1}^k, k = ceil(log2(N + 1))
(at least 2; one code is always left spare, for an Aggregate's default), and None as the zero vector.

Why ±1 codes: every code has the same norm k, and two distinct codes agree in at most k - 1 places,
so c_w · c_v <= k - 2 for w != v. The *detector* of v,

    det_v(x) = x · c_v - (k - 1)

is exactly 1 where the s-op holds v and at most -1 where it holds another value or None (the zero
vector gives -(k - 1) <= -1 as k >= 2). It drops into the compiler's lookup units in place of a one-hot
indicator: a unit relu(sum of its operands' read-outs - (n - 1)) fires (exactly 1) when every operand
matches and is 0 otherwise, whether an operand is an indicator (1 or 0) or a detector (1 or <= -1).
So a lookup reading a compact s-op (a Map, a SequenceMap, a conversion to one-hot) has one hidden unit
per input value (combination), as with one-hot inputs, and writes its result in either form.

What stays linear: the code of a one-hot s-op is a read-out of its indicators (sum_v c_v[j] ind_v), so
an Aggregate can move a one-hot s-op into a compact one for free, and a compact s-op is copied by
attention dimension by dimension (exact copies only: a categorical Aggregate that may average is never
compact). What is not linear: a one-hot read of a compact s-op. Selectors, the classifier, loops and
the model's output read one-hot indicators, so they read a compact s-op through a conversion MLP (one
unit per value, writing one-hot dimensions that live only until read: `Lowering.indicators`).

Errors: a detector reads each code dimension with weight ±1, so its error is at most the L1 error of
the code; `compiler.bounds` walks it like any lookup (1-Lipschitz units). An attention copy of a code
is off by at most 2k times its leakage (the L1 distance of two codes is at most 2k), so its head's value
range is k. The margins are proven by the same end-to-end bound as every other s-op.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

from weightsmith import rasp
from weightsmith.compiler.blocks import CATEGORICAL, MLPOp, Representation, Unit
from weightsmith.compiler.mlp import lookup_units
from weightsmith.compiler.readout import ONE, Dim, Readout

COMPACT_ABOVE = 32  # categorical s-ops with more values than this are compact unless annotated otherwise
Code = tuple[float, ...]


def width(n: int) -> int:
    """Code length for n values and one spare code: ceil(log2(n + 1)), at least 2 (a detector's
    margin against None, the zero vector, needs k - 1 >= 1)."""
    return max(2, math.ceil(math.log2(n + 1)))


def _code(i: int, k: int) -> Code:
    return tuple(1.0 if (i >> j) & 1 else -1.0 for j in range(k))


def assign(values: Sequence, inherited: dict[Any, Code] | None = None) -> dict[Any, Code] | None:
    """A code per value: `inherited` codes kept (so an attention copy moves the code dimensions as they
    are), the other values given the unused codes of the same length in order. None when the inherited
    codes leave too few unused ones."""
    if not inherited:
        k = width(len(values))
        return {v: _code(i, k) for i, v in enumerate(values)}
    k = len(next(iter(inherited.values())))
    codes = dict(inherited)
    used = set(codes.values())
    free = (c for c in map(_code, range(2 ** k), [k] * 2 ** k) if c not in used)
    for v in values:
        if v not in codes:
            code = next(free, None)
            if code is None:
                return None
            codes[v] = code
    return codes


def dims(label: str, k: int) -> list[Dim]:
    return [Dim(label, f"bit{j}") for j in range(k)]


def code_dims(rep: Representation) -> list[Dim]:
    """A compact s-op's code dimensions (all of them: `rep.dims` loses those pruning finds unread)."""
    return dims(rep.label, len(next(iter(rep.code.values()))) if rep.code else 2)


def stored(label: str, values: list, nullable: bool, codes: dict[Any, Code], expr: rasp.SOp | None = None,
           role: str = "") -> Representation:
    """A compact representation: no linear indicators and no number, only the code dimensions."""
    k = len(next(iter(codes.values()))) if codes else 2
    return Representation(label, CATEGORICAL, values, nullable, None, None, dims(label, k), expr=expr, role=role,
                          code=codes)


def vector(rep: Representation, value: Any) -> dict[Dim, float]:
    """What an op writes to make `rep` hold `value` (None: nothing, the zero vector)."""
    if value is None:
        return {}
    return dict(zip(code_dims(rep), rep.code[value]))


def detector(rep: Representation, value: Any) -> Readout:
    """x · c_value - (k - 1): exactly 1 where `rep` holds `value`, at most -1 elsewhere (None included)."""
    code = rep.code[value]
    terms = dict(zip(code_dims(rep), code))
    terms[ONE] = -(len(code) - 1.0)
    return Readout(terms)


def encoded(indicators: dict, codes: dict[Any, Code], out_dims: list[Dim]) -> dict[Dim, Readout]:
    """The code of a one-hot s-op as read-outs of its indicators (dimension j: sum_v c_v[j] ind_v)."""
    return {d: Readout.total((code[j], indicators[v]) for v, code in codes.items() if v in indicators)
            for j, d in enumerate(out_dims)}


def wanted(expr: rasp.SOp | None, n_values: int, above: int | None) -> bool:
    """Whether a categorical s-op with `n_values` values is held compact: its annotation
    (`rasp.compact` / `rasp.one_hot`) decides, else the threshold `above` (None: only annotated ones;
    the lowering passes None for s-ops that nothing reads as a code, and for the program's output)."""
    choice = None if expr is None else rasp.compact_choice(expr)
    if choice is not None:
        return choice
    return above is not None and n_values > above


TOLERANCE = 0.5  # summed operand error below which a unit detecting another code stays off (its margin is 1)


def lookup(output: Representation, operands: list[Representation], reads: list[dict], combos: Sequence[tuple],
           outputs: Sequence[dict]) -> MLPOp:
    """A lookup table over `combos` (a unit per combination with an output), reading operand j through
    `reads[j]` (indicators, or detectors where it is compact).

    With compact operands the units are grouped by the values of their compact operands: while the
    operands' errors sum to less than 1 (checked against TOLERANCE by `compiler.bounds`), a unit
    whose compact value differs from the one held reads at most -1 + that sum and is exactly off, so
    only one group can be on, and the output error is bounded group by group (one unit per group for
    a Map: the error of one unit, not of all N that read the same code dimensions)."""
    kept = [(c, o) for c, o in zip(combos, outputs) if o]
    units = lookup_units(reads, [c for c, _ in kept], [o for _, o in kept])
    coded = [j for j, rep in enumerate(operands) if rep.code is not None]
    if not coded:  # one-hot operands of distinct s-ops, each read through one indicator: units alike
        uniform = len({rep.label for rep in operands}) == len(operands) and all(
            len(r.terms) == 1 and next(iter(r.terms.values())) == 1.0 for read in reads for r in read.values())
        return MLPOp(output, units, lookup=True, uniform=uniform)
    groups: dict[tuple, list[Unit]] = {}
    for unit, (combo, _) in zip(units, kept):
        groups.setdefault(tuple(combo[j] for j in coded), []).append(unit)
    total = Readout.sum(Readout.sum(map(Readout.of, code_dims(rep))) if rep.code is not None else Readout.sum(read.values())
                        for rep, read in zip(operands, reads))
    return MLPOp(output, units, inputs=[total], tolerance=[TOLERANCE], groups=list(groups.values()), lookup=True)
