"""Lowering: every s-op of the program gets a representation, and the ops that write it.

Walking the program in dependency order, each s-op becomes the cheapest exact thing:
- `tokens`, `indices`: one-hot dimensions set by the embeddings.
- *virtual* (no layer, no dimension), whenever the value is linear in what is already there: `Full`
  and `ConstantSOp` (read from the "one" and `indices` dimensions), a categorical Map of a one-hot s-op
  (its indicator for w is the sum of the input's indicators of the values mapped to w), a numerical
  Map of a one-hot s-op, an affine Map of a number, and a numerical SequenceMap that splits into
  g(x) + h(y) (every LinearSequenceMap: "no hidden units").
- an MLP: a lookup table over the value combinations that occur (SequenceMap), or a staircase over
  the values a number can take (a Map of a number, SelectorWidth's decoding, comparisons of numbers).
- an attention head: Aggregate (one-hot copy, or a mean; of a SelectPreferred, the scores add a
  position preference), SelectorWidth (the 1/(w+1) share of BOS, then decoded by an MLP in the same
  layer), `length` (SelectorWidth of the always-true selector).
- a LinearClassifier (the output only): an MLP unit per class writing its score (`classifier`).
Helpers are added where a consumer needs a form the s-op does not have: the one-hot form of a number
compared by a Select (a staircase MLP), the tuple of several s-ops that one merged selector atom reads
(a lookup MLP), a copy of the output into dimensions of its own.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, repeat
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from weightsmith import rasp
from weightsmith.compiler import compact, mlp
from weightsmith.compiler.attention import preference_columns, score_columns
from weightsmith.compiler.blocks import (
    CATEGORICAL,
    NUMERICAL,
    AttentionOp,
    MLPOp,
    Op,
    Representation,
    ScoreColumn,
    Unit,
)
from weightsmith.compiler.causal import implied_by_mask
from weightsmith.compiler.classifier import Operand, check_classes, classifier_units
from weightsmith.compiler.errors import CompileError, tabulate
from weightsmith.compiler.graph import ProgramGraph
from weightsmith.compiler.linear import additive_split, affine, plane
from weightsmith.compiler import loops
from weightsmith.compiler.readout import NUM, ONE, Dim, Readout
from weightsmith.compiler.selectors import Atom, conjunction
from weightsmith.compiler.types import (CASES, SCORES, TYPE_SUFFIX, UNDECIDED, mixed_type_maps, output_types,
                                        retyped_sops, type_name, undecided_by_copies, undecided_by_input)
from weightsmith.compiler.values import NUMBER_TYPES, Facts, distinct_sorted, typed_by_width
from weightsmith.rasp.evaluate import preference_order

JSON_SCALARS = (str, int, float, bool)
FLOAT32_MAX = float(np.finfo(np.float32).max)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float))


def _same_objects(a: list, b: list) -> bool:
    """The same values in the same order, by identity: f may tell apart 1, 1.0 and True, which are equal."""
    return a is b or (len(a) == len(b) and all(map(operator.is_, a, b)))


def _all_numbers(values: Iterable) -> bool:
    """Whether every value is a number; all in C (value lists run to thousands): the exact types
    first (one set of them), then, if another type occurs, `isinstance` (a subclass of int or float)."""
    values = values if isinstance(values, (list, tuple)) else list(values)
    return set(map(type, values)) <= NUMBER_TYPES or all(map(isinstance, values, repeat((int, float))))


def _pair_array(pairs: list[tuple]) -> np.ndarray | None:
    """The argument pairs as an [n, 2] float64 array (the float of each number, converted in C), or None
    unless every member is a number. Flattened first: a list of numbers is checked and converted at half
    the cost of a list of tuples, and a plane is fitted on a thousand pairs at length 10 (pair_balance)."""
    flat = list(chain.from_iterable(pairs))
    return np.array(flat, dtype=np.float64).reshape(-1, 2) if _all_numbers(flat) else None


def _describe(expr: rasp.RASPExpr | None, label: str) -> str:
    return f"{type(expr).__name__} {label!r}" if expr is not None else repr(label)


@dataclass
class OutputSpec:
    """What the unembedding reads: `dims` (one per value, or the number's one) and their values."""

    label: str
    encoding: str
    dims: list[Dim]
    values: list
    scalar: Readout | None = None
    tolerance: float = math.inf  # numerical: how far the number may stray and still decode exactly
    type_dims: list[Dim] = field(default_factory=list)  # the scores of the type's case, if any (`_types`)
    types: list[str] = field(default_factory=list)  # the Python type of each case (config.output_types)
    codes: list[tuple[float, ...]] | None = None  # compact: the ±1 code of each value on `dims` (config.output_codes)
    scores: bool = False  # a LinearClassifier's: `dims` hold class scores, not one-hot (config.output_scores)


@dataclass
class Selection:
    """How a head scores keys: `columns` (a key selected by all `n_atoms` atoms scores the most), and a
    SelectPreferred's `preference` columns."""

    columns: list[ScoreColumn]
    n_atoms: int
    preference: list[ScoreColumn] = field(default_factory=list)


class Lowering:
    """Builds `reps` (id(expr) -> Representation), the ops in dependency order, and the output."""

    def __init__(self, graph: ProgramGraph, facts: Facts, vocab: Sequence, max_seq_len: int,
                 masked: bool = False, compact_above: int | None = compact.COMPACT_ABOVE):
        self.graph = graph
        self.compact_above = compact_above  # categorical s-ops with more values are held compact
        self.masked = masked  # the model's causal mask already hides keys after the query
        self.facts = facts
        self.vocab = list(vocab)
        self.max_seq_len = max_seq_len
        self.reps: dict[int, Representation] = {}
        self.ops: list[Op] = []
        self._categorical_views: dict[tuple[str, str], Representation] = {}
        self._selector_cache: dict[tuple[str, int], tuple[list[ScoreColumn], int]] = {}
        self._tuples: dict[tuple[str, tuple[int, ...]], Representation] = {}
        self._inputs: dict[tuple[type, str], Representation] = {}  # (tokens or indices, encoding) -> its rep
        # numbers that are ints on some inputs and floats on others: refused where a function tells them apart
        self.retyped = retyped_sops(graph.order, facts, partial(typed_by_width, facts))
        self._wanted = self._indicator_demand()
        self._code_readers = self._code_demand()
        # Tokens are embedded as one number (their value) when the program reads them only in numerical
        # form and every token is a number: a machine's memory of 2^W-valued words then takes one
        # dimension, not 2^W (a Select on them gets a one-hot view from a staircase, as for any number).
        token_exprs = [e for e in graph.order if isinstance(e, rasp.TokensType)]
        self.numeric_tokens = (bool(token_exprs) and all(rasp.is_numerical(e) for e in token_exprs)
                               and _all_numbers(self.vocab) and _within_range(self.vocab))
        self.tokens_expr = token_exprs[0] if self.numeric_tokens else rasp.tokens
        # Read as numbers and as categories: both views read the embedded one-hot (a code has no number read-out)
        self.tokens_read_as_numbers = not self.numeric_tokens and any(rasp.is_numerical(e) for e in token_exprs)
        # A loop splits the ops into phases (`compiler.loops`): "prelude", "block" (the body and the
        # loop's own units, run once per iteration) and "post" (what reads the loop's results).
        self.phase = PRELUDE
        self.phase_of: dict[int, str] = {}  # id(op) -> its phase
        self.plan: loops.LoopPlan | None = None
        phases = self._phases()
        for expr in graph.order:
            self.phase = phases.get(id(expr), PRELUDE)
            if isinstance(expr, rasp.SOp):
                self.reps[id(expr)] = self._lower(expr)
            elif isinstance(expr, rasp.Loop):
                self._loop(expr)
        self.output = self._output(self.reps[id(graph.output)])

    # ------------------------------------------------------------------ representation helpers
    def label(self, expr: rasp.SOp) -> str:
        return self.graph.label(expr)

    def rep(self, expr: rasp.SOp) -> Representation:
        if id(expr) not in self.reps:  # tokens/indices used only by the compiler (ConstantSOp, ...)
            self.reps[id(expr)] = self._lower(expr)
        return self.reps[id(expr)]

    def _phases(self) -> dict[int, str]:
        """The body's expressions run in the block; whatever reads a loop's result runs after it."""
        loop = self.graph.loop
        if loop is None:
            return {}
        phases = {id(e): BLOCK for e in loop.body}
        for expr in self.graph.order:
            if isinstance(expr, rasp.LoopResult) or any(phases.get(id(c)) == POST for c in expr.children):
                phases[id(expr)] = POST
        return phases

    def _indicator_demand(self) -> set[int]:
        """S-ops some consumer will read one-hot: a number produced by an MLP is then stored one-hot."""
        wanted: set[int] = set()
        for expr in self.graph.order:
            if isinstance(expr, rasp.Select):
                wanted |= {id(expr.keys), id(expr.queries)}
            elif isinstance(expr, rasp.SequenceMap) and not isinstance(expr, rasp.LinearSequenceMap):
                wanted |= {id(expr.fst), id(expr.snd)}
        return wanted

    def _code_demand(self) -> set[int]:
        """S-ops some consumer can read as a code (a lookup, an attention copy). One that only Selects,
        classifiers or numerical reads consume would be converted back to one-hot at once, so the
        threshold leaves it one-hot (an annotation still makes it compact)."""
        readers: set[int] = set()
        for expr in self.graph.order:
            if isinstance(expr, rasp.SOp) and rasp.is_numerical(expr) and rasp.compact_choice(expr):
                raise CompileError(f"{_describe(expr, self.label(expr))} is annotated compact, but it is numerical: "
                                   "only a categorical s-op can be held as a code (drop rasp.numerical or rasp.compact)")
            if isinstance(expr, rasp.Map):
                readers.add(id(expr.inner))
            elif isinstance(expr, rasp.SequenceMap) and not isinstance(expr, rasp.LinearSequenceMap):
                readers |= {id(expr.fst), id(expr.snd)}
            elif isinstance(expr, rasp.Aggregate) and rasp.is_categorical(expr):
                readers.add(id(expr.sop))
        return readers

    def _stored(self, label: str, encoding: str, values: list, nullable: bool, one_hot: bool,
                expr: rasp.SOp | None = None, role: str = "") -> Representation:
        """A representation with dimensions of its own: one per value, or one for the number."""
        if one_hot:
            dims = [Dim(label, v) for v in values]
            indicators = {v: Readout.of(d) for v, d in zip(values, dims)}
            scalar = None
            if _all_numbers(values) and _within_range(values):  # else made (or refused) by `scalar` when read
                scalar = Readout.total((float(v), r) for v, r in indicators.items())
        else:
            _check_range(values, _describe(expr, label))
            dims = [Dim(label, NUM)]
            indicators, scalar = None, Readout.of(dims[0])
        return Representation(label, encoding, values, nullable, indicators, scalar, dims, expr=expr, role=role)

    def _virtual(self, expr: rasp.SOp, indicators: dict | None, scalar: Readout | None,
                 values: list | None = None) -> Representation:
        values = self.facts.values(expr) if values is None else values
        return Representation(self.label(expr), _encoding(expr), values, self.facts.nullable(expr),
                              indicators, scalar, [], expr=expr)

    def _add(self, op: Op) -> Representation:
        if not op.output.dims:
            return op.output  # no value can occur: None everywhere, nothing to write
        op.output.writer = op
        self.ops.append(op)
        self.phase_of[id(op)] = self.phase
        return op.output

    def _cached(self, cache: dict, key: Any) -> Representation | None:
        """A helper made in this phase, or in the prelude (whose results live through the loop); one
        made in the block is erased by its end, so the read-out makes its own."""
        return cache.get((self.phase, key)) or cache.get((PRELUDE, key))

    def _helper_label(self, label: str) -> str:
        return label if self.phase == PRELUDE else f"{label}@{self.phase}"

    def scalar(self, rep: Representation, user: str, none_as_zero: bool = False) -> Readout:
        """The number `rep` holds, for `user`; CompileError if it is not a number, or can be None and
        `user` cannot take None as 0 (where None is 0 in the residual, as Tracr holds it)."""
        if not _all_numbers(rep.values):
            bad = [v for v in rep.values if not _is_number(v)][:3]
            raise CompileError(f"{user} needs numbers, but {rep.label!r} can hold {bad!r}")
        _check_range(rep.values, f"{user} reads {rep.label!r} as a number:")
        if rep.nullable and not none_as_zero:
            raise CompileError(
                f"{user} reads {rep.label!r} as a number, but it can be None (undefined) on some input, "
                "and a numerical dimension cannot hold None (give its Aggregate a numeric default)"
            )
        if rep.scalar is None:
            indicators = self.indicators(rep)
            return Readout.total((float(v), indicators[v]) for v in rep.values)
        return rep.scalar

    def indicators(self, rep: Representation) -> dict:
        """One-hot read-outs of `rep`; a number gets a one-hot copy made by a staircase MLP, a compact
        s-op one made by its detectors, a unit per value (cached)."""
        if rep.indicators is not None:
            return rep.indicators
        view = self._cached(self._categorical_views, rep.label)
        if view is None:
            view = self._stored(self._helper_label(f"{rep.label}[categorical]"), CATEGORICAL, rep.values, False, True,
                                role="categorical")
            if rep.code is not None:
                view = self._add(compact.lookup(view, [rep], [self.detectors(rep)], [(v,) for v in rep.values],
                                                [{d: 1.0} for d in view.dims]))
            else:
                view = self._discretise(view, rep, [{d: 1.0} for d in view.dims])
            self._categorical_views[(self.phase, rep.label)] = view
        return view.indicators

    def detectors(self, rep: Representation) -> dict:
        """Per value, a read-out that is 1 where `rep` holds it and at most 0 elsewhere, for lookup units:
        the indicators, or a compact s-op's detectors (1 or at most -1: `compiler.compact`)."""
        if rep.code is not None:
            return {v: compact.detector(rep, v) for v in rep.values}
        return self.indicators(rep)

    def _categorical(self, label: str, values: list, nullable: bool, expr: rasp.SOp | None) -> Representation:
        """A stored categorical s-op: compact (`compiler.compact`) when annotated so, or above the
        threshold where something reads it as a code (a lookup, a copy, or the unembedding, which reads
        the output's code directly: `_output`); else one-hot."""
        automatic = expr is not None and (id(expr) in self._code_readers or expr is self.graph.output)
        if compact.wanted(expr, len(values), self.compact_above if automatic else None):
            return compact.stored(label, values, nullable, compact.assign(values), expr)
        return self._stored(label, CATEGORICAL, values, nullable, True, expr)

    def _discretise(self, output: Representation, source: Representation, outputs: list[dict]) -> Representation:
        """An MLP computing outputs[i] where `source` holds its i-th value (values ascending)."""
        x = self.scalar(source, _describe(output.expr, output.label))
        points, outputs = _merge_twins(source, output, [float(v) for v in source.values], outputs)
        units, levels = mlp.staircase(x, points, outputs)
        return self._add(MLPOp(output, units, inputs=[x], tolerance=[mlp.min_gap(points) / 4], levels=levels))

    def _function_output(self, expr: rasp.SOp, rep: Representation, results: list) -> list[dict]:
        """Per argument, the output vector of `rep` (stored) that represents `results[i]`."""
        if rep.code is not None:
            return [compact.vector(rep, r) for r in results]
        if rep.indicators is not None:
            # one shared (read-only) vector per value: functions of hundreds of arguments have few results
            one_hot = {v: {d: 1.0} for v, d in zip(rep.values, rep.dims)}
            return [{} if r is None else one_hot[r] for r in results]
        # A number's vector: one per run of equal results, shared along it (equal numbers have the same
        # float). A function of hundreds of values often has a handful of results (a sign, a comparison);
        # the staircase's walks then meet the same vector again (`mlp._ramps`, `_merge_twins`).
        dim, vectors = rep.dims[0], []
        for r in results:
            if not vectors or r != last:
                vector, last = {} if r is None or r == 0 else {dim: float(r)}, r
            vectors.append(vector)
        return vectors

    # ------------------------------------------------------------------------------- dispatch
    def _lower(self, expr: rasp.SOp) -> Representation:
        label = self.label(expr) if id(expr) in self.graph.labels else expr.label
        if isinstance(expr, (rasp.TokensType, rasp.IndicesType)):
            # a renamed copy (`rasp.annotate(rasp.tokens, name=...)`) is the same embedded input: one
            # representation per encoding, all under one label, so the embedding writes what they read
            kind = (type(expr), _encoding(expr))
            if kind not in self._inputs:  # read in another encoding too: a view of the same embedded input
                same = next((rep.label for (t, _), rep in self._inputs.items() if t is type(expr)), label)
                self._inputs[kind] = self._input(expr, same)
            return self._inputs[kind]
        if isinstance(expr, rasp.LengthType):
            return self._width(expr, [], label)
        if isinstance(expr, rasp.Full):
            return self._full(expr)
        if isinstance(expr, rasp.ConstantSOp):
            return self._constant(expr)
        if isinstance(expr, rasp.Map):
            return self._map(expr)
        if isinstance(expr, rasp.SequenceMap):
            return self._sequence_map(expr)
        if isinstance(expr, rasp.Aggregate):
            return self._aggregate(expr)
        if isinstance(expr, rasp.SelectorWidth):
            return self._width(expr, conjunction(expr.selector), label)
        if isinstance(expr, rasp.LinearClassifier):
            return self._linear_classifier(expr, label)
        if isinstance(expr, rasp.LoopState):
            return self._loop_state(expr, label)
        if isinstance(expr, rasp.LoopResult):
            return self._loop_result(expr)
        raise CompileError(f"{type(expr).__name__} {label!r} cannot be compiled")

    def _input(self, expr: rasp.SOp, label: str) -> Representation:
        if isinstance(expr, rasp.TokensType):
            numeric = self.numeric_tokens and rasp.is_numerical(expr)
            if not numeric and rasp.is_categorical(expr):
                if not self.tokens_read_as_numbers:
                    return self._categorical(label, distinct_sorted(self.vocab), False, expr)
                if rasp.compact_choice(expr):
                    raise CompileError(f"{label!r}: the tokens are marked compact and also read as numbers "
                                       "(numerical(tokens)); a compact code has no number read-out, so hold "
                                       "them one-hot (drop rasp.compact) or read them through a numerical Map")
                # stored one-hot, below (the fuzzer, cmp11: with 33+ tokens the categorical view became a code,
                # and the numerical view's one-hot dims were never embedded: a KeyError while assembling)
            return self._stored(label, _encoding(expr), distinct_sorted(self.vocab), False, not numeric, expr)
        return self._stored(label, _encoding(expr), list(range(self.max_seq_len)), False, True, expr)

    def _full(self, expr: rasp.Full) -> Representation:
        if expr.fill is None:
            return self._virtual(expr, {}, None, [])
        scalar = Readout.of(ONE, float(expr.fill)) if _is_number(expr.fill) else None
        return self._virtual(expr, {expr.fill: Readout.of(ONE)}, scalar, [expr.fill])

    def _constant(self, expr: rasp.ConstantSOp) -> Representation:
        positions = self.indicators(self.rep(rasp.indices))
        values = distinct_sorted(expr.value)
        indicators = {v: Readout.sum(positions[i] for i, x in enumerate(expr.value[: self.max_seq_len])
                                     if x is not None and x == v) for v in values}
        scalar = None
        if _all_numbers(values) and _within_range(values):
            scalar = Readout.total((float(v), indicators[v]) for v in values)
        return self._virtual(expr, indicators, scalar, values)

    # ---------------------------------------------------------------------------------- Map
    def _map(self, expr: rasp.Map) -> Representation:
        x = self.rep(expr.inner)
        values = self.facts.values(expr)
        args, results = self.facts.function_table(expr)
        if not _same_objects(args, x.values):  # e.g. a ConstantSOp lists values beyond max_seq_len
            results = tabulate(expr, expr.f, list(zip(x.values)))
        if x.code is not None:  # a lookup: a unit per input value, detecting its code
            return self._lookup(expr, [x], [(v,) for v in x.values], results)
        if x.indicators is not None:
            preimages: dict[Any, list[Readout]] = {}  # result -> indicators of the values mapped to it
            for v, r in zip(x.values, results):
                if r is not None:
                    preimages.setdefault(r, []).append(x.indicators[v])
            indicators = {w: Readout.sum(preimages.get(w, ())) for w in values}
            scalar = None
            if _all_numbers(values) and _within_range(values):
                scalar = Readout.total((float(r), x.indicators[v]) for v, r in zip(x.values, results) if r is not None)
            return self._virtual(expr, indicators, scalar)
        if rasp.is_numerical(expr):
            _require_numbers(expr, values)
            line = affine([float(v) for v in x.values], [float(r) for r in results])
            if line is not None and id(expr) not in self._wanted:
                a, b = line
                return self._virtual(expr, None, self.scalar(x, _describe(expr, self.label(expr))) * a + Readout.of(ONE, b))
        one_hot = rasp.is_categorical(expr) or id(expr) in self._wanted
        if rasp.is_categorical(expr):  # a staircase can write a code as well as an indicator
            out = self._categorical(self.label(expr), values, self.facts.nullable(expr), expr)
        else:
            out = self._stored(self.label(expr), _encoding(expr), values, self.facts.nullable(expr), one_hot, expr)
        if not one_hot and None not in results:
            ramp = self._ramp(out, x, [float(r) for r in results])
            if ramp is not None:
                return ramp
        return self._discretise(out, x, self._function_output(expr, out, results))

    def _ramp(self, output: Representation, source: Representation, results: list[float]) -> Representation | None:
        """A numerical Map of a number as a line plus a staircase (`mlp.ramp_units`), where that takes
        fewer than half the units of the staircase alone. Its staircase cleans input errors within a
        quarter gap, as every staircase does; its line passes them on, times |slope| (`passed`)."""
        points = [float(v) for v in source.values]
        if len(points) < 3 or len(mlp.rounding_starts(points)) != len(points):
            return None  # float64 twins (one value computed two ways) are merged by the staircase alone
        changes = sum(map(operator.ne, results[1:], results[:-1]))
        # Equal neighbours are gaps of slope 0: where they are most gaps, 0 is the commonest slope (what
        # `ramp_slope` would find, one rounded quotient a gap later), and there is no line to follow.
        if 2 * changes < len(results) - 1:
            return None
        slope = mlp.ramp_slope(points, results)
        if slope == 0.0:
            return None
        x = self.scalar(source, _describe(output.expr, output.label))
        units = mlp.ramp_units(x, points, results, slope, output.dims[0])
        if len(units) * 2 > 2 * changes:
            return None
        tolerance = mlp.min_gap(points) / 4
        return self._add(MLPOp(output, units, inputs=[x], tolerance=[tolerance], passed=[(abs(slope), x)]))

    # -------------------------------------------------------------------------- SequenceMap
    def _sequence_map(self, expr: rasp.SequenceMap) -> Representation:
        x, y = self.rep(expr.fst), self.rep(expr.snd)
        pairs, results = self.facts.function_table(expr)
        values = self.facts.values(expr)
        if rasp.is_numerical(expr):
            _require_numbers(expr, values)
        if rasp.is_numerical(expr) and x.code is None and y.code is None:  # compact operands: a lookup
            linear = self._additive(expr, x, y, pairs, results)
            if linear is not None:
                return self._virtual(expr, None, linear)
            gated = self._gate(expr, x, y, pairs, results)
            if gated is not None:
                return gated
        return self._lookup(expr, [x, y], pairs, results)

    def _lookup(self, expr: rasp.SOp, operands: list[Representation], combos: list, results: list) -> Representation:
        """A function of categorical s-ops as a lookup table: a unit per argument combination that
        occurs, reading each operand's indicator or (compact) detector of its value."""
        values = self.facts.values(expr)
        label, nullable = self.label(expr), self.facts.nullable(expr)
        if rasp.is_categorical(expr):
            out = self._categorical(label, values, nullable, expr)
        else:
            out = self._stored(label, NUMERICAL, values, nullable, id(expr) in self._wanted, expr)
        allowed = set(values)
        kept = [(p, r) for p, r in zip(combos, results) if r is not None and r in allowed]
        outputs = self._function_output(expr, out, [r for _, r in kept])
        reads = [self.detectors(x) for x in operands]
        return self._add(compact.lookup(out, operands, reads, [p for p, _ in kept], outputs))

    def _gate(self, expr, x: Representation, y: Representation, pairs: list, results: list) -> Representation | None:
        """flag · v for a flag operand that is 0 or 1 (either side) and a number v: `mlp.gate_units`,
        two units, where a lookup would need the one-hot form of v and a unit per value."""
        if x.nullable or y.nullable or not pairs or any(r is None for r in results):
            return None
        if not _all_numbers(chain.from_iterable(pairs)):
            return None
        for flag_side in (0, 1):
            flags = {p[flag_side] for p in pairs}
            if not flags <= {0, 1} or any(float(r) != float(p[flag_side]) * float(p[1 - flag_side])
                                          for p, r in zip(pairs, results)):
                continue
            flag, other = (x, y) if flag_side == 0 else (y, x)
            numbers = [float(v) for v in other.values]
            user = _describe(expr, self.label(expr))
            out = self._stored(self.label(expr), NUMERICAL, self.facts.values(expr), False, False, expr)
            units = mlp.gate_units(self.scalar(flag, user), self.scalar(other, user), min(numbers), max(numbers),
                                   out.dims[0])
            return self._add(MLPOp(out, units))
        return None

    def _additive(self, expr, x: Representation, y: Representation, pairs: list, results: list) -> Readout | None:
        """f(x, y) as a read-out, when it is linear: a*x + b*y + c in the numbers (every
        LinearSequenceMap), or g(x) + h(y) for any g, h when both inputs are one-hot."""
        if any(r is None for r in results) or x.nullable or y.nullable or not pairs:
            return None
        numbers = [float(r) for r in results]
        xy = _pair_array(pairs)
        if xy is not None:
            fit = plane(xy, numbers)
            if fit is not None:
                a, b, c = fit
                user = _describe(expr, self.label(expr))
                return self.scalar(x, user) * a + self.scalar(y, user) * b + Readout.of(ONE, c)
        if x.indicators is None or y.indicators is None:
            return None
        split = additive_split(pairs, numbers)
        if split is None:
            return None
        g, h = split
        return Readout.total([(g[v], x.indicators[v]) for v in x.values if v in g]
                             + [(h[v], y.indicators[v]) for v in y.values if v in h])

    # ---------------------------------------------------------------------------- selectors
    def _selection(self, selector: rasp.Selector) -> Selection:
        """An Aggregate's selector as score columns; a SelectPreferred adds its preference columns."""
        if not isinstance(selector, rasp.SelectPreferred):
            return Selection(*self._selector_columns(selector))
        orders = preference_order(selector, self.max_seq_len, error=CompileError)
        positions = self.indicators(self.rep(rasp.indices))
        preference = preference_columns([positions[i] for i in range(self.max_seq_len)], orders)
        return Selection(*self._columns(conjunction(selector.selector)), preference)

    def _selector_columns(self, selector: rasp.Selector) -> tuple[list[ScoreColumn], int]:
        """`_columns` of a selector, made once a phase: the head that types an output (`_types`) selects
        as the output's Aggregate does."""
        key = (self.phase, id(selector))
        if key not in self._selector_cache:
            self._selector_cache[key] = self._columns(conjunction(selector))
        return self._selector_cache[key]

    def _columns(self, atoms: list[Atom]) -> tuple[list[ScoreColumn], int]:
        """The score columns of a conjunction, and how many atoms count (always-true ones do not)."""
        columns: list[ScoreColumn] = []
        n_atoms = 0
        for atom in atoms:
            if self.masked and implied_by_mask(atom, self.max_seq_len):
                continue
            keys, key_values, keys_nullable = self._side(atom.keys, atom.custom)
            queries, query_values, queries_nullable = self._side(atom.queries, atom.custom)
            table = atom.table(key_values, query_values)
            if table.all() and not keys_nullable and not queries_nullable:
                continue  # selects every key: adds the same to every score
            n_atoms += 1
            columns += score_columns(queries, keys, table)
        return columns, n_atoms

    def _side(self, sops: tuple, custom: bool) -> tuple[list[Readout], list[tuple], bool]:
        """Indicator read-outs and value tuples of one side of an atom (a tuple s-op if several)."""
        if len(sops) == 1:
            rep = self.rep(sops[0])
            indicators = self.indicators(rep)
            readouts = [indicators[v] for v in rep.values]
            values = [(v,) for v in rep.values]
            if custom and rep.nullable:  # a user predicate is called on None too
                readouts.append(Readout.of(ONE) - Readout.sum(readouts))
                values.append((None,))
            return readouts, values, rep.nullable
        rep = self._tuple(sops)
        return [rep.indicators[v] for v in rep.values], list(rep.values), False

    def _tuple(self, sops: tuple) -> Representation:
        """The tuple of several s-ops at each position, one-hot over the tuples that occur (lookup MLP)."""
        key = tuple(id(s) for s in sops)
        made = self._cached(self._tuples, key)
        if made is None:
            combos = self.facts.joint(list(sops))
            label = self._helper_label("(" + ", ".join(self.label(s) for s in sops) + ")")
            out = self._stored(label, CATEGORICAL, combos, False, True, role="tuple")
            operands = [self.rep(s) for s in sops]
            made = compact.lookup(out, operands, [self.detectors(r) for r in operands], combos,
                                  [{d: 1.0} for d in out.dims])
            made = self._tuples[(self.phase, key)] = self._add(made)
        return made

    # ---------------------------------------------------------------------------- Aggregate
    def _aggregate(self, expr: rasp.Aggregate) -> Representation:
        selection = self._selection(expr.selector)
        x = self.rep(expr.sop)
        label = self.label(expr)
        values = self.facts.values(expr)
        if rasp.is_numerical(expr):
            return self._mean(expr, label, selection, x, values, role="")
        if not self.facts.may_average(expr) and (x.code is not None
                                                 or compact.wanted(expr, len(values), self.compact_above)):
            copied = self._compact_copy(expr, label, selection, x, values)
            if copied is not None:
                return copied
        if self.facts.may_average(expr) or (x.indicators is None and x.code is None):
            return self._categorical_mean(expr, label, selection, x, values)
        out = self._stored(label, CATEGORICAL, values, self.facts.nullable(expr), True, expr)
        indicators = self.indicators(x)
        moved = {d: indicators.get(v, Readout()) for v, d in zip(values, out.dims)}
        bos = {d: 1.0 for v, d in zip(values, out.dims) if expr.default is not None and v == expr.default}
        return self._add(AttentionOp(out, selection.columns, selection.n_atoms, moved, bos, "aggregate",
                                     value_range=1.0, preference=selection.preference))

    def _compact_copy(self, expr: rasp.Aggregate, label: str, selection: Selection, x: Representation,
                      values: list) -> Representation | None:
        """A copy into a compact s-op: a compact source's code dimensions moved as they are (its codes
        kept, the default given a spare one), or a one-hot source's code read from its indicators. None
        where the s-op is annotated one-hot, or no code is spare for the default (then one-hot)."""
        extra = [] if expr.default is None else [expr.default]
        if x.code is not None:
            codes = compact.assign(values + extra, x.code)
            if codes is None or rasp.compact_choice(expr) is False:
                return None
            out = compact.stored(label, values, self.facts.nullable(expr), codes, expr)
            moved = dict(zip(out.dims, map(Readout.of, x.dims)))
        else:
            out = self._categorical(label, values, self.facts.nullable(expr), expr)
            if out.code is None:
                return None
            if expr.default is not None and expr.default not in out.code:
                codes = compact.assign(values + extra, out.code)
                if codes is None:
                    return None
                out.code = codes
            moved = compact.encoded(self.indicators(x), out.code, out.dims)
        bos = compact.vector(out, expr.default)
        return self._add(AttentionOp(out, selection.columns, selection.n_atoms, moved, bos, "aggregate",
                                     value_range=float(len(out.dims)), preference=selection.preference))

    def _mean(self, expr: rasp.Aggregate, label: str, selection: Selection, x: Representation,
              values: list, role: str, default: float | None = None) -> Representation:
        """A numerical Aggregate: the mean of the selected numbers, BOS's value when none is selected.

        Its s-op may be None somewhere (held as 0): the interpreter gives None where it selects that one
        position (None is 0 wherever a numerical value is read out) and raises where it averages None
        with others, so the mean is exact wherever the program is defined. The categorical mean
        (`role`) must tell a lone None from 0, so it cannot read a nullable s-op."""
        user = _describe(expr, label)
        moved = self.scalar(x, user, none_as_zero=not role)
        if default is None:
            if expr.default is not None and not _is_number(expr.default):
                raise CompileError(f"{user}: a numerical Aggregate needs a numeric default, got {expr.default!r}")
            default = 0.0 if expr.default is None else float(expr.default)
        nullable = self.facts.nullable(expr) if not role else False
        out = self._stored(label if not role else f"{label}[{role}]", NUMERICAL, values, nullable, False,
                           expr if not role else None, role)
        span = max([abs(float(v)) for v in x.values] + [abs(default)], default=1.0)
        op = AttentionOp(out, selection.columns, selection.n_atoms, {out.dims[0]: moved},
                         {out.dims[0]: default} if default else {}, "aggregate", value_range=span,
                         preference=selection.preference)
        return self._add(op)

    def _categorical_mean(self, expr, label, selection: Selection, x: Representation, values: list) -> Representation:
        """A categorical Aggregate of numbers that may average: a mean by attention, then a staircase."""
        numbers = [float(v) for v in values if _is_number(v)]
        # The default (or None, for an empty selection) gets a number of its own, beyond every mean.
        sentinel = max(numbers, default=0.0) + 1.0
        default_is_number = expr.default is not None and _is_number(expr.default)
        points = distinct_sorted(numbers + ([] if default_is_number else [sentinel]))
        mean = self._mean(expr, label, selection, x, points, "mean",
                          default=float(expr.default) if default_is_number else sentinel)
        out = self._stored(label, CATEGORICAL, values, self.facts.nullable(expr), True, expr)
        index = {v: d for v, d in zip(values, out.dims)}
        outputs = []
        for p in points:
            if p == sentinel and not default_is_number:
                outputs.append({} if expr.default is None else {index[expr.default]: 1.0})
            else:
                outputs.append({index[p]: 1.0} if p in index else {})
        return self._discretise(out, mean, outputs)

    # ------------------------------------------------------------------------ SelectorWidth
    def _width(self, expr: rasp.SOp, atoms: list[Atom], label: str) -> Representation:
        """SelectorWidth: BOS's share 1/(w+1) by attention, decoded to w by a staircase MLP."""
        columns, n_atoms = self._columns(atoms)
        widths = self.facts.values(expr)
        shares = sorted(1.0 / (w + 1) for w in widths)
        scratch = self._stored(f"{label}[1/(w+1)]", NUMERICAL, shares, False, False, role="1/(w+1)")
        self._add(AttentionOp(scratch, columns, n_atoms, {}, {scratch.dims[0]: 1.0}, "width", value_range=1.0))
        if rasp.is_categorical(expr):
            out = self._categorical(label, widths, False, expr)
        else:
            out = self._stored(label, NUMERICAL, widths, False, id(expr) in self._wanted, expr)
        by_share = [round(1.0 / s) - 1 for s in shares]
        return self._discretise(out, scratch, self._function_output(expr, out, by_share))

    # ---------------------------------------------------------------------- LinearClassifier
    def _linear_classifier(self, expr: rasp.LinearClassifier, label: str) -> Representation:
        """One unit per class writes its score (`compiler.classifier`); the unembedding's argmax reads
        them. The dims hold scores, not indicators, so nothing may read them but the unembedding."""
        if expr is not self.graph.output:
            raise CompileError(f"LinearClassifier {label!r} compiles only as the program's output (its dimensions "
                               "hold class scores, which the unembedding's argmax reads); nothing can read it")
        if rasp.is_numerical(expr):
            raise CompileError(f"LinearClassifier {label!r} is categorical (a class per position), not numerical")
        check_classes(expr)
        operands = []
        for sop in expr.inputs:
            rep = self.rep(sop)
            operands.append(Operand(rep.values, self.indicators(rep), rep.nullable))
        out = self._stored(label, CATEGORICAL, self.facts.values(expr), self.facts.nullable(expr), True, expr)
        made = classifier_units(expr, operands, out.values, out.dims)
        return self._add(MLPOp(out, made.units, inputs=made.inputs, tolerance=made.tolerance))

    # --------------------------------------------------------------------------------- Loop
    def _loop_state(self, expr: rasp.LoopState, label: str) -> Representation:
        """A state s-op: dimensions of its own for the whole run (one-hot, or one number)."""
        numerical = rasp.is_numerical(expr)
        if numerical:
            _require_numbers(expr, self.facts.values(expr))
            if self.facts.nullable(expr):
                raise CompileError(f"the numerical state {expr.key!r} of loop {expr.loop.label!r} can be None "
                                   "(undefined): its initial value or its step's (give the Aggregate a default)")
        return self._stored(label, _encoding(expr), self.facts.values(expr), self.facts.nullable(expr),
                            not numerical, expr)

    def _loop(self, loop: rasp.Loop) -> None:
        """The loop's units (`compiler.loops`): the prelude loads the initial state; the block ends in
        one MLP that commits the step unless the halt s-op is true or max_steps are spent, and keeps
        the loop's books (steps, halted, spent, stop)."""
        label = self.graph.label(loop)
        state = {k: self.reps[id(p)] for k, p in loop.placeholders.items()}
        flag = lambda name, values: self._stored(f"{label}.{name}", NUMERICAL, values, False, False, role=name)
        plan = self.plan = loops.LoopPlan(loop, label, state, flag("steps", list(range(loop.max_steps + 1))),
                                          flag("halted", [0, 1]), flag("spent", [0, 1]), flag("stop", [0, 1]))
        self.phase = PRELUDE
        for key, rep in state.items():
            init = self.rep(loop.initial[key])
            where = f"the initial value of state {key!r} of loop {label!r}"
            scalar = None if rep.indicators is not None else self.scalar(init, where)
            units, inputs = loops.load_units(rep, self.indicators(init) if rep.indicators is not None else None, scalar)
            tolerance = [loops.MARGIN] * len(inputs) if rep.indicators is not None else [_tolerance(rep)]
            self._add(MLPOp(rep, units, inputs=inputs, tolerance=tolerance))
        if loop.max_steps == 0:  # spent from the start
            self._add(MLPOp(plan.spent, [Unit(Readout.of(ONE), 0.0, {plan.spent.dims[0]: 1.0})]))

        self.phase = BLOCK
        halt = self.rep(loop.halt)
        if not set(halt.values) <= {True, False}:  # None (undefined) reads as False: the interpreter raises there
            raise CompileError(f"the halt s-op {halt.label!r} of loop {label!r} must be a bool at every position, but "
                               f"it can be {[v for v in halt.values if v not in (True, False)][:3]}")
        is_true = self.indicators(halt).get(True, Readout())
        gate = is_true + plan.spent.scalar  # 0: take the step; 1 or 2: stop
        units = loops.control_units(plan, is_true)
        inputs, tolerance, halt_tolerance = [], [], loops.MARGIN / 4
        for key, rep in state.items():
            new = self.rep(loop.updates[key])
            where = f"the step of state {key!r} of loop {label!r}"
            if rep.indicators is not None:
                made = loops.commit_units(rep, self.indicators(new), None, gate)
            else:
                made = loops.commit_units(rep, None, self.scalar(new, where), gate)
            units += made[0]
            inputs += made[1]
            tolerance += made[2]
            halt_tolerance = min(halt_tolerance, made[3])
        out = Representation(f"{label}[commit]", NUMERICAL, [], False, None, None, list(plan.dims), role="commit")
        self._add(MLPOp(out, units, inputs=[*inputs, is_true], tolerance=[*tolerance, halt_tolerance]))

    def _loop_result(self, expr: rasp.LoopResult) -> Representation:
        """A loop's result reads the persistent dimensions the block leaves behind."""
        plan = self.plan
        if expr.what == "steps":
            scalar = plan.steps.scalar
            indicators = None
        elif expr.what == "halted":
            flag = plan.halted.scalar
            scalar, indicators = flag, {False: Readout.of(ONE) - flag, True: flag}
        else:
            state = plan.state[expr.key]
            scalar, indicators = state.scalar, state.indicators
        if rasp.is_categorical(expr) and indicators is None:
            indicators = self.indicators(self._virtual(expr, None, scalar))
        return self._virtual(expr, indicators, scalar)

    # ------------------------------------------------------------------------------- output
    def _output(self, rep: Representation) -> OutputSpec:
        """The dimensions the unembedding reads: the output's own, or a copy made by an MLP."""
        bad = [v for v in rep.values if not isinstance(v, JSON_SCALARS)]
        if bad:
            raise CompileError(f"the output {rep.label!r} holds {bad[0]!r}; outputs must be str, int, float or bool")
        if rep.encoding == NUMERICAL:
            scalar = self.scalar(rep, f"the output {rep.label!r}", none_as_zero=True)  # None reads as 0
            values = rep.values
            if rep.nullable and 0 not in values:  # a None output decodes as 0, Tracr's numerical convention
                values = sorted([*values, 0])
            points = [float(v) for v in values]
            too_large = [v for v in points if not abs(v) <= FLOAT32_MAX]
            if too_large:
                raise CompileError(f"the output {rep.label!r} can hold {too_large[0]!r}, beyond float32's range "
                                   f"(±{FLOAT32_MAX:.3g}): a float32 model cannot hold it")
            apart = [points[i] for i in mlp.rounding_starts(points)]
            _require_float32_apart(rep.label, apart, "as the output needs")
            gap = mlp.min_gap(apart)
            tolerance = (gap if math.isfinite(gap) else 1.0) / 4  # one value: no neighbour, a quarter unit
            dim, weight = next(iter(scalar.terms.items())) if len(scalar.terms) == 1 else (None, 0.0)
            if weight != 1.0:
                out = self._stored(rep.label, NUMERICAL, values, False, False, rep.expr)
                units = mlp.copy_number_units(scalar, out.dims[0], min(points, default=0.0), max(points, default=0.0))
                self._add(MLPOp(out, units, inputs=[scalar], tolerance=[tolerance]))
                dim = out.dims[0]
            type_dims, types = self._types(rep)
            return OutputSpec(rep.label, NUMERICAL, [dim], values, scalar, tolerance, type_dims, types)
        if not rep.values:  # None everywhere: one dimension that stays 0, so every position decodes to None
            return OutputSpec(rep.label, CATEGORICAL, [Dim(rep.label, "undefined")], ["undefined"])
        if rep.code is not None:  # a compact output: the unembedding reads its code (value v's logit is its detector)
            return self._code_output(rep)
        indicators = self.indicators(rep)
        single = [next(iter(r.terms)) for r in indicators.values()
                  if len(r.terms) == 1 and next(iter(r.terms.values())) == 1.0]
        if len(single) == len(indicators) == len(rep.values) and len(set(single)) == len(single):
            dims = [next(iter(indicators[v].terms)) for v in rep.values]  # a relabelling: read in place
            return OutputSpec(rep.label, CATEGORICAL, dims, rep.values, None, math.inf, *self._types(rep),
                              scores=isinstance(rep.expr, rasp.LinearClassifier))
        if compact.wanted(rep.expr, len(rep.values), self.compact_above):  # a copy is needed: make it a code
            out = compact.stored(rep.label, rep.values, rep.nullable, compact.assign(rep.values), rep.expr)
            self._add(compact.lookup(out, [rep], [indicators], [(v,) for v in rep.values],
                                     [compact.vector(out, v) for v in rep.values]))
            return self._code_output(out)
        out = self._stored(rep.label, CATEGORICAL, rep.values, rep.nullable, True, rep.expr)
        self._add(MLPOp(out, mlp.copy_indicator_units(indicators, dict(zip(rep.values, out.dims)))))
        return OutputSpec(rep.label, CATEGORICAL, out.dims, rep.values, None, math.inf, *self._types(rep))

    def _code_output(self, rep: Representation) -> OutputSpec:
        """The unembedding of a compact output: value v's logit is its detector x · c_v - (k - 1), exactly
        1 where held and at most -1 for any other value or None, so it decodes as a one-hot output does
        (largest logit, None below 0.5) with the same margin (`compiler.bounds`: an L1 error below 0.5)."""
        return OutputSpec(rep.label, CATEGORICAL, compact.code_dims(rep), rep.values, None, math.inf,
                          *self._types(rep), codes=[rep.code[v] for v in rep.values])

    def _types(self, rep: Representation) -> tuple[list[Dim], list[str]]:
        """Where the type of an output's value depends on how many keys its Aggregates select
        (`compiler.types`), the model also computes that case: one head on the selector in width mode
        (BOS's share s = 1/(w+1), as SelectorWidth has) whose values write a score a*s + b per case
        (BOS holds a + b, every other key b), so the unembedding's argmax over the scores names the case.
        No MLP: the scores are affine in s, and their argmax is the case wherever s is (`types.SCORES`)."""
        found = None
        if rep.expr is not None:
            averages = partial(typed_by_width, self.facts)
            found = output_types(rep.expr, self.facts.values, averages)
            mixed = mixed_type_maps(rep.expr, self.facts.function_table, averages)
            if found is UNDECIDED:  # warned already (one warning an output)
                found = None
            elif mixed:  # (only where no averaging Aggregate feeds the output: then `found` is None)
                if mixed == [rep.expr] and isinstance(rep.expr, rasp.Map) and id(rep.expr.inner) not in self.retyped:
                    return self._types_by_argument(rep, rep.expr)
                undecided_by_input(rep.expr, mixed)
            else:  # a case head (if any) is still the best guess: kept
                undecided_by_copies(rep.expr, self.retyped, averages, found)
        if found is None:
            return [], []
        columns, n_atoms = self._selector_columns(found.selector)
        case = self._stored(rep.label + TYPE_SUFFIX, CATEGORICAL, list(CASES), False, True, role="type")
        values = {d: Readout.of(ONE, b) for d, (a, b) in zip(case.dims, SCORES)}
        at_bos = {d: a + b for d, (a, b) in zip(case.dims, SCORES)}
        self._add(AttentionOp(case, columns, n_atoms, values, at_bos, "width", value_range=1.0))
        return case.dims, found.types

    def _types_by_argument(self, rep: Representation, expr: rasp.Map) -> tuple[list[Dim], list[str]]:
        """An output Map whose function gives equal numbers of different types on different arguments
        (`compiler.types.mixed_type_maps`): the type is a function of the argument, so the model computes
        it as a one-hot s-op of the type names (an MLP on the argument), and the unembedding's argmax over
        those dims names the type. Where the output is None every dim is 0 (the value is None anyway)."""
        x = self.rep(expr.inner)
        names = [None if r is None else type_name(r) for r in tabulate(expr, expr.f, list(zip(x.values)))]
        kinds = sorted({n for n in names if n is not None})
        out = self._stored(rep.label + TYPE_SUFFIX, CATEGORICAL, kinds, False, True, role="type")
        dim = dict(zip(kinds, out.dims))
        if x.indicators is not None or x.code is not None:  # one-hot, or a compact code's detectors
            by_kind = {k: Readout.sum(self.indicators(x)[v] for v, n in zip(x.values, names) if n == k) for k in kinds}
            self._add(MLPOp(out, mlp.copy_indicator_units(by_kind, dim)))
        else:
            self._discretise(out, x, [{} if n is None else {dim[n]: 1.0} for n in names])
        return out.dims, kinds


# ------------------------------------------------------------------------------------- helpers
PRELUDE, BLOCK, POST = "prelude", "block", "post"


def _tolerance(rep: Representation) -> float:
    """How far a number may stray and still snap to one of `rep`'s values (a quarter gap)."""
    return mlp.min_gap([float(v) for v in rep.values]) / 4 if len(rep.values) > 1 else loops.MARGIN


def _encoding(expr: rasp.SOp) -> str:
    return NUMERICAL if rasp.is_numerical(expr) else CATEGORICAL


MAX_MAGNITUDE = 1e15  # numbers a model computes with: float32 weights times scales and slopes stay finite


def _within_range(values: list) -> bool:
    """Whether every number (int or float, finite: value facts refuse the others) is within MAX_MAGNITUDE:
    the largest and the smallest, found in C (value lists run to thousands, and are asked about often)."""
    return not values or (max(values) <= MAX_MAGNITUDE and min(values) >= -MAX_MAGNITUDE)


def _check_range(values: list, what: str) -> None:
    """CompileError if a number the model must compute with is beyond MAX_MAGNITUDE (1e300 would become
    inf, then NaN, in float32). One-hot values of any size are fine: only their dimensions are stored."""
    if _all_numbers(values) and not _within_range(values):
        bad = max(values, key=abs)
        raise CompileError(f"{what} takes the value {bad!r}, beyond {MAX_MAGNITUDE:g} in magnitude: a float32 model "
                           "cannot compute with it exactly")


def _require_numbers(expr: rasp.SOp, values: list) -> None:
    if not _all_numbers(values):
        bad = [v for v in values if not _is_number(v)]
        raise CompileError(f"numerical {type(expr).__name__} {expr.label!r} can hold non-numbers {bad[:3]!r}")


def _merge_twins(source: Representation, output: Representation, points: list[float],
                 outputs: list[dict]) -> tuple[list[float], list[dict]]:
    """One staircase point per value, merging float64 rounding twins (which must map alike).

    float32 cannot tell apart numbers much closer than 1e-5 of their size either: CompileError then.
    """
    starts = mlp.rounding_starts(points)
    if len(starts) == len(points):  # no twins (the usual case)
        merged_points, merged_outputs = points, outputs
    else:
        for first, end in zip(starts, [*starts[1:], len(points)]):  # each twin maps as its cluster's first
            for i in range(first + 1, end):
                if outputs[i] is not outputs[first] and not _close_vectors(outputs[first], outputs[i]):
                    raise CompileError(
                        f"{output.label!r}: {source.label!r} takes the values {points[first]!r} and {points[i]!r}, "
                        "which differ only by float rounding, but they give different results"
                    )
        merged_points = [points[i] for i in starts]
        merged_outputs = [outputs[i] for i in starts]
    _require_float32_apart(source.label, merged_points, f"as {output.label!r} needs",
                           span=max(map(abs, merged_points), default=1.0))
    return merged_points, merged_outputs


def _require_float32_apart(label: str, points: list[float], why: str, span: float | None = None) -> None:
    """CompileError naming the two closest of `points` (ascending, twins merged) where they are closer than
    a float32 model tells apart: 1e-5 of `span` (at least 1: a staircase reads its input with errors of the
    size of its largest value), or of the pair's own magnitude where `span` is None (an output's snapping is
    relative: 1e-6 and 2e-6 are told apart, 1 + 1e-9 and 1 + 2e-9 are not). Such values
    are two numbers, not rounding twins of one (`mlp.ROUNDING_NOISE`), and a model that read them as one
    answered the other's value.

    Most calls have a few points (an output's or a staircase's handful of values, in every compile), where
    numpy's per-call cost, paid cold after other work, is most of the check: up to `mlp.SMALL` points the
    same float64 differences and quotients are taken in Python (the first smallest, as `argmin` finds it)."""
    if len(points) < 2:
        return
    if len(points) <= mlp.SMALL:
        p = list(map(float, points))
        gaps = list(map(operator.sub, p[1:], p[:-1]))
        magnitude = (list(map(max, map(abs, p[:-1]), map(abs, p[1:]))) if span is None
                     else [max(span, 1.0)] * len(gaps))
        short = list(map(operator.truediv, gaps, magnitude))  # distinct points: no magnitude is 0
        i = short.index(min(short))
    else:
        q = np.asarray(points, dtype=np.float64)
        magnitude = np.maximum(np.abs(q[:-1]), np.abs(q[1:])) if span is None else np.full(len(q) - 1, max(span, 1.0))
        gaps = np.diff(q)
        short = gaps / magnitude
        i = int(short.argmin())
    if short[i] < 1e-5:
        raise CompileError(
            f"{label!r} takes the values {points[i]!r} and {points[i + 1]!r}, only {gaps[i]:.3g} apart (at "
            f"magnitude {magnitude[i]:.3g}): a float32 model cannot tell them apart reliably, {why}"
        )


def _close_vectors(a: dict, b: dict) -> bool:
    return a == b or set(a) == set(b) and all(abs(a[d] - b[d]) <= mlp.ROUNDING_NOISE * max(1.0, abs(a[d])) for d in a)
