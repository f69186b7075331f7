"""The linear read-out (`rasp.LinearClassifier`) compiled exactly: one MLP unit per class.

A class's score is linear in its inputs' one-hot indicators, so one ReLU unit per class can write it
into a dimension of its own, and the unembedding's argmax over those dimensions is the classifier's
argmax. Nothing is left to luck; the construction is exact by arithmetic:

- **Integer scores.** The interpreter adds float64 weights in input order and takes the first maximum.
  The weights are scaled by the smallest power of two that makes every one an integer (integers
  already are); if every partial sum then stays below 2**53, float64 adds them exactly, so order does
  not matter and the interpreter's scores are exact integers (else CompileError: quantise the classifier).
  What one input value adds to every class alike changes no argmax, so each row (the scores one value
  adds) is centred on 0: the unit then adds numbers half the row's spread, not its size.
- **No ties.** With K possible classes, class c (the j-th of them by its index in `classes`) scores
  K * s_c + (K - 1 - j): different scores stay apart by K > j' - j, equal ones favour the lower index,
  as the interpreter's first argmax does. Every two scores now differ by at least 1.
- **Offset.** A constant added to every class makes the best score at least 1 on every input (a lower
  bound of the best: the largest, over classes, of a class's smallest possible score), so decoding
  (the largest output dim, None below 0.5) reads the class. An input that can be None adds a penalty
  M * (sum of its indicators - 1): nothing where it holds a value, and where it is None every score
  drops to at most -1, so the unit outputs 0 everywhere and decoding reads None, as the interpreter does.
  M exceeds the largest score any subset of the inputs can give (each input counted at its best row
  entry or 0, whichever is larger: with centred rows an input's best can be negative, and when that
  input is the None one it adds nothing, not its best).
- **Errors, proved small.** The scores computed by the model are off by (a) the inputs' errors
  (softmax leakage of upstream heads, carried through lookups) times the weights: at most the
  tolerance handed to `attention.assign_precision`, which sets the upstream heads' margins so; and
  (b) float32 rounding in the unit's dot product, then its bias: in any summation order, a sum of B
  terms of which at most one per input is not near zero (the input's held value) errs by at most
  (B + 1) * 2**-24 * P (P bounds the terms' absolute sum; a rounding that involves a near-zero term
  errs by at most that term, so those add at most the error of (a) once more), and adding the bias
  b by 2**-24 * (P + |b|). The tolerance is (0.45 - (b)) / 2, so a
  score is off by less than 0.45: order, ties and the 0.5 threshold are all kept (the 0.05 left
  covers the second-order effects: an erased dimension's residue, input errors perturbing scores).
  If float32 cannot keep (b) below 0.25 the scores are too large: CompileError (quantise coarser).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from weightsmith import rasp
from weightsmith.compiler.blocks import Unit
from weightsmith.compiler.errors import ClassifierTooLarge, CompileError
from weightsmith.compiler.readout import BOS, NUM, ONE, Dim, Readout
from weightsmith.rasp.value_set import first_repeat
from weightsmith.rasp.typed_tokens import token_index, token_key

EXACT_FLOAT64 = 2**53  # integers below this add exactly in float64
FLOAT32_UNIT = 2.0**-24  # float32's unit roundoff
ERROR_BUDGET = 0.45  # how far a computed score may be from its exact integer (the threshold is 0.5)
MAX_ROUNDING = 0.25


@dataclass
class Operand:
    """One input of the classifier as the compiler holds it: its possible values, their one-hot
    read-outs, and whether it can be None."""

    values: list
    indicators: dict
    nullable: bool


@dataclass
class ClassifierUnits:
    """One unit per class, the read-out of each unit's input-dependent part, and how far that may err."""

    units: list[Unit]
    inputs: list[Readout]
    tolerance: list[float]


def check_classes(expr: rasp.LinearClassifier) -> None:
    """Refuse classes equal in value but of different types (0, False, 0.0): distinct classes to the
    classifier, one value to a model's output, whose value set holds equal numbers once. The model would
    score one of them and answer it where another won (another type, or the next best class's value)."""
    repeat = first_repeat(expr.classes)
    if repeat is not None:
        i, j = repeat
        first, label = expr.classes[i], expr.classes[j]
        raise CompileError(
            f"LinearClassifier {expr.label!r}: classes[{i}] = {first!r} and classes[{j}] = {label!r} "
            "are equal values of different types, which a model's output cannot tell apart (it holds one "
            f"value for both); give them different values, e.g. {str(first)!r} and {str(label)!r}")


def classifier_units(expr: rasp.LinearClassifier, operands: list[Operand], classes: list,
                     dims: list[Dim]) -> ClassifierUnits:
    """Units writing class `classes[j]`'s shifted integer score to `dims[j]` (see the module doc)."""
    where = f"LinearClassifier {expr.label!r}"
    if not classes:  # None everywhere: nothing to write
        return ClassifierUnits([], [], [])
    index = token_index(expr.classes)
    columns = [index[token_key(c)] for c in classes]  # each possible class's index in expr.classes
    tables = [[[expr.weights[i].get(v, (0.0,) * len(expr.classes))[j] for j in columns] for v in operand.values]
              for i, operand in enumerate(operands)]
    bias = [expr.bias[j] for j in columns]
    if len(classes) == 1:  # the one class that can occur wins wherever the inputs are not None
        tables, bias = [[[0.0] for _ in table] for table in tables], [0.0]
    scale = _common_scale(where, [bias, *(row for table in tables for row in table)])
    bias = [_integer(x, scale) for x in bias]
    tables = [[[_integer(x, scale) for x in row] for row in table] for table in tables]
    n = len(classes)
    _check_exact_sums(where, expr, bias, tables, classes)
    # A number added to every class's score changes no argmax and no tie: centre each row (what one
    # input value adds to the classes), so the unit adds smaller numbers (less float32 rounding).
    bias = _centred(bias)
    tables = [[_centred(row) for row in table] for table in tables]

    # tie-free integer scores: K * s + (K - 1 - place by class index)
    place = {j: rank for rank, j in enumerate(sorted(columns))}
    tie = [n - 1 - place[j] for j in columns]
    low = [n * (bias[c] + sum(min((row[c] for row in table), default=0) for table in tables)) + tie[c] for c in range(n)]
    offset = 1 - max(low)
    # Subtracted from every score where a nullable input is None: above any score that the other inputs,
    # whichever hold values, can give (a row's best may be negative, so each input adds at least 0).
    reach = [n * bias[c] + tie[c] + sum(max(0, n * max((row[c] for row in table), default=0)) for table in tables)
             for c in range(n)]
    penalty = max(reach) + offset + 1
    nullable = [i for i, operand in enumerate(operands) if operand.nullable]

    units, inputs, tolerance = [], [], []
    for c in range(n):
        terms = []
        for i, (operand, table) in enumerate(zip(operands, tables)):
            extra = penalty if i in nullable else 0
            terms += [(n * row[c] + extra, operand.indicators[v]) for v, row in zip(operand.values, table)]
        score = Readout.total(terms)
        constant = n * bias[c] + tie[c] + offset - penalty * len(nullable)
        varying = Readout({d: w for d, w in score.terms.items() if d not in (ONE, BOS)})
        rounding = _rounding_bound(where, score, constant)
        units.append(Unit(score, float(constant), {dims[c]: 1.0}))
        inputs.append(varying)
        tolerance.append((ERROR_BUDGET - rounding) / 2)
    return ClassifierUnits(units, inputs, tolerance)


def _common_scale(where: str, rows: list[list[float]]) -> int:
    """The smallest power of two 2**k (k >= 0) that makes every weight an integer."""
    bits = 0
    for row in rows:
        for x in row:
            _, denominator = float(x).as_integer_ratio()
            bits = max(bits, denominator.bit_length() - 1)  # float denominators are powers of two
    if bits > 52:
        raise CompileError(f"{where}: its weights are not integers (a weight needs {bits} fractional bits); "
                           "the compiler needs exactly summable weights: quantise the classifier to integers")
    return 1 << bits


def _centred(row: list[int]) -> list[int]:
    middle = (min(row) + max(row)) // 2
    return [x - middle for x in row]


def _integer(x: float, scale: int) -> int:
    numerator, denominator = float(x).as_integer_ratio()
    return numerator * (scale // denominator)


def _check_exact_sums(where: str, expr: rasp.LinearClassifier, bias: list[int], tables: list, classes: list) -> None:
    """Every partial sum the interpreter forms is below 2**53 (scaled), so float64 forms it exactly."""
    for c, label in enumerate(classes):
        reach = abs(bias[c]) + sum(max((abs(row[c]) for row in table), default=0) for table in tables)
        if reach >= EXACT_FLOAT64:
            raise ClassifierTooLarge(
                f"{where}: the scores of class {label!r} reach {reach} units of the weights' precision, beyond "
                "2**53, so float64 does not add them exactly; quantise the classifier to (smaller) integers"
            )


def _rounding_bound(where: str, score: Readout, constant: int) -> float:
    """How far float32 arithmetic can move the unit's pre-activation: its dot product with the residual,
    then the bias added (as `model.transformer.MLP` computes it; see the module doc)."""
    largest: dict[str, float] = {}  # per input owner, its largest |coefficient|: one of its dims is ~1
    for dim, c in score.terms.items():
        if dim == BOS:
            continue  # 0 at every content position
        if dim.slot == NUM:
            raise CompileError(f"{where}: reads the number {dim.label!r}; it reads one-hot indicators only")
        largest[dim.owner] = max(largest.get(dim.owner, 0.0), abs(c))
    reach = sum(largest.values()) + 1.0  # + 1: the inputs' small errors
    rounding = (len(largest) + 1) * FLOAT32_UNIT * reach + FLOAT32_UNIT * (reach + abs(constant))
    if rounding > MAX_ROUNDING or not math.isfinite(rounding):
        raise ClassifierTooLarge(
            f"{where}: its scores reach {reach + abs(constant):.6g}, too large for float32 arithmetic to keep their "
            f"order (rounding could move them by {rounding:.3g}); quantise the classifier to smaller integers"
        )
    return rounding
