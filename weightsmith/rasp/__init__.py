"""RASP, embedded in Python: a drop-in for Tracr's `tracr.rasp.rasp` module.

    from weightsmith import rasp          # instead of: from tracr.rasp import rasp
    program = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.EQ), rasp.tokens)
    rasp.evaluate(program, ["a", "b"])    # ['a', 'b']

Tracr's `DefaultRASPEvaluator` is there for code that subclasses it (Tracr's causal evaluator does).
Beyond Tracr: `evaluate_batch` (vectorised, many inputs), `trace` (every intermediate), `value_set`,
`Loop` (iterate a step on a state of s-ops until a halt s-op is true; `rasp.loop`), `with_domain` (the
inputs a program is defined on, refused elsewhere), and two
primitives a trained transformer needs: `SelectPreferred` (hard attention with a position
preference: the closest, first or last match) and `LinearClassifier` (a linear read-out).
"""

from weightsmith.rasp.batch import evaluate_batch
from weightsmith.rasp.domain import InputDomain, with_domain
from weightsmith.rasp.errors import EvaluationError, InputError, RASPError, ValueSetError, ValueSetTooLarge
from weightsmith.rasp.evaluate import DefaultRASPEvaluator, evaluate
from weightsmith.rasp.expr import (
    Aggregate,
    Comparison,
    ConstantSelector,
    ConstantSOp,
    Encoding,
    Full,
    IndicesType,
    LengthType,
    LinearClassifier,
    LinearSequenceMap,
    Map,
    NumericValue,
    Predicate,
    RASPExpr,
    Select,
    Selector,
    SelectorAnd,
    SelectorNot,
    SelectorOr,
    SelectorValue,
    SelectorWidth,
    SelectPreferred,
    SequenceMap,
    SOp,
    TokensType,
    Value,
    annotate,
    categorical,
    compact,
    compact_choice,
    get_encoding,
    indices,
    is_categorical,
    is_numerical,
    length,
    numerical,
    one_hot,
    selector_and,
    selector_not,
    selector_or,
    sop_not,
    tokens,
)
from weightsmith.rasp.graph import topological_order
from weightsmith.rasp.holes import HoleTable, Learnable, UnfilledHoleError, holes
from weightsmith.rasp.loop import Loop, LoopResult, LoopState
from weightsmith.rasp.trace import Trace, TraceEntry, trace
from weightsmith.rasp.value_set import value_set, value_sets

__all__ = [name for name in dir() if not name.startswith("_")]
