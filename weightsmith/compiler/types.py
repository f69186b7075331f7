"""Which Python type an output has, where its number does not tell (issue 16 section 4).

The interpreter's Aggregate gives the default where no key is selected, the selected value itself where
one is (int 4, bool True), and the float mean where several are (4.0). 4 and 4.0 are equal, so a value
set holds them once and a model's number dimension cannot tell them apart; Maps and SequenceMaps of such
a mean pass the difference on (4 - 1 is int 3, 4.0 - 1 is 3.0). A categorical Aggregate that may
average (equal numbers selected together) gives 4.0 the same way. The type depends on how many keys the
Aggregates' selector selects: the *case* none / one / several. When every averaging Aggregate that the
output depends on through Maps and SequenceMaps shares one selector, the output's type is a function
of that case, found here by re-running the functions on the value sets cast to each case's types. The
compiler then computes the case in the model (one head: `SCORES`) and the config says the type per
case (`ModelConfig.output_types`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from weightsmith import rasp
from weightsmith.model.config import VALUE_TYPE as VALUE
CASES = ("none", "one", "several")  # how many keys the selector selects
TYPE_SUFFIX = "[type]"  # the label of an output's case scores: "frac_prevs[type]:one"
# The case from BOS's share s = 1/(w+1) of a head on the selector in width mode (1, 1/2, 1/3, ...): a
# score a * s + b per case, the largest naming it. none wins above s = 3/4, several below s = 5/12, one
# between, so at every share the winner leads by at least 2 (s = 1/2: -2, 1, -1) and a share off by less
# than its distance to those two boundaries still names its case (`compiler.bounds` proves it).
SCORES = ((24.0, -14.0), (12.0, -5.0), (-12.0, 5.0))  # (a, b) for none, one, several
BOUNDARIES = (3 / 4, 5 / 12)
MAX_COMBINATIONS = 20_000  # argument pairs a SequenceMap is re-run on; beyond, the case's type is VALUE


@dataclass
class OutputTypes:
    """The selector whose width decides the case, and the type name of the output in each case."""

    selector: rasp.Selector
    types: list[str]


def output_types(output: rasp.SOp, values: Callable[[rasp.SOp], list],
                 averages: Callable[[rasp.Aggregate], bool]) -> OutputTypes | None:
    """The types of `output` per case, or None where the value set's own types are the interpreter's
    (no averaging Aggregate feeds it), or where no single selector decides (Aggregates on different
    selectors, or a SelectPreferred, which selects at most one key). `values(sop)` gives an s-op's value
    set, `averages(aggregate)` whether an Aggregate may average (every numerical one does)."""
    aggregates = _feeding_aggregates(output, averages)
    selectors = {_same_selection(a.selector): a.selector for a in aggregates}
    if len(selectors) != 1:
        return None
    (selector,) = selectors.values()
    if isinstance(selector, rasp.SelectPreferred):
        return None
    averaging = {id(a) for a in aggregates}
    types = [_type_name(_typed_output(output, case, values, averaging)) for case in CASES]
    if all(t == VALUE or all(type(v).__name__ == t for v in values(output)) for t in types):
        return None  # every value already decodes with the type each case gives
    return OutputTypes(selector, types)


def _same_selection(selector: rasp.Selector) -> tuple | int:
    """A key equal for selectors built alike (two `Select(indices, indices, LEQ)` made by two calls of
    one library function select the same keys on every input)."""
    if isinstance(selector, rasp.Select):
        predicate = selector.predicate
        return ("select", id(selector.keys), id(selector.queries),
                predicate if isinstance(predicate, rasp.Comparison) else id(predicate))
    if isinstance(selector, (rasp.SelectorAnd, rasp.SelectorOr)):
        return (type(selector).__name__, _same_selection(selector.fst), _same_selection(selector.snd))
    if isinstance(selector, rasp.SelectorNot):
        return ("not", _same_selection(selector.inner))
    return id(selector)


def _feeding_aggregates(expr: rasp.SOp, averages: Callable[[rasp.Aggregate], bool]) -> list[rasp.Aggregate]:
    """The averaging Aggregates `expr` is computed from through Maps and SequenceMaps (itself included)."""
    if isinstance(expr, rasp.Aggregate):
        return [expr] if averages(expr) else []
    if isinstance(expr, (rasp.Map, rasp.SequenceMap)):
        return [a for child in expr.children for a in _feeding_aggregates(child, averages)]
    return []


def _typed_output(output: rasp.SOp, case: str, values: Callable[[rasp.SOp], list], averaging: set[int]) -> list | None:
    """Values of the output's types in `case`. Of a LinearSequenceMap (a difference of two means, as in
    `pair_balance`) whose operands each have one type, only the type is needed, and that follows from
    the operands' types alone (Python's int/bool/float arithmetic): one pair is run, not every pair."""
    if isinstance(output, rasp.LinearSequenceMap):
        memo: dict = {}
        a = _typed_values(output.fst, case, values, averaging, memo)
        b = _typed_values(output.snd, case, values, averaging, memo)
        if a and b and _one_number_type(a) and _one_number_type(b):
            return _apply(output.f, [(a[0], b[0])])
    return _typed_values(output, case, values, averaging, {})


def _one_number_type(typed: list) -> bool:
    kinds = {type(v) for v in typed}
    return len(kinds) == 1 and kinds <= {int, float, bool}


def _typed_values(expr: rasp.SOp, case: str, values: Callable[[rasp.SOp], list], averaging: set[int],
                  memo: dict) -> list | None:
    """`expr`'s possible values with the types they have in `case` (None: cannot tell)."""
    if id(expr) in memo:
        return memo[id(expr)]
    result: list | None
    if id(expr) in averaging:
        if case == "none":
            result = [] if expr.default is None else [expr.default]
        elif case == "one":
            result = list(values(expr.sop))
        else:
            result = [float(v) for v in values(expr) if isinstance(v, (int, float))]
    elif isinstance(expr, rasp.Map):
        inner = _typed_values(expr.inner, case, values, averaging, memo)
        result = None if inner is None else _apply(expr.f, [(x,) for x in inner])
    elif isinstance(expr, rasp.SequenceMap):
        a = _typed_values(expr.fst, case, values, averaging, memo)
        b = _typed_values(expr.snd, case, values, averaging, memo)
        if a is None or b is None or len(a) * len(b) > MAX_COMBINATIONS:
            result = None
        else:
            result = _apply(expr.f, [(x, y) for x in a for y in b])
    else:
        result = list(values(expr))
    memo[id(expr)] = result
    return result


def _apply(f: Callable, arguments: list[tuple]) -> list | None:
    """f on every argument tuple (None where it raises on a re-typed argument: the case cannot be told)."""
    try:
        return list({(type(r), r): r for r in (f(*args) for args in arguments if None not in args)}.values())
    except Exception:  # noqa: BLE001 - a user function that refuses a float where it had ints
        return None


def _type_name(typed: list | None) -> str:
    kinds = {type(v) for v in typed} if typed else set()
    if len(kinds) == 1 and (kind := kinds.pop()) in (int, float, bool):
        return kind.__name__
    return VALUE
