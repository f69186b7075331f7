"""Value facts: which values each s-op can hold, which value combinations occur together, and how
selectors behave - everything the later stages size their weights by.

Two sources, chosen by `analyse`:
- **observed on every input** (exhaustive): when there are few enough inputs (sum of vocab^n over
  n = 1..max_seq_len), the batched interpreter runs on all of them. The facts are then exact: a value
  set holds only values that occur, a SequenceMap's table only the argument pairs that occur (so a
  chain of SequenceMaps never materialises a product of value sets), and it is *proved* whether a
  categorical Aggregate's value ever differs from a copy of one selected value (different numbers
  averaged, or equal floats whose mean is not themselves) and whether a selector can select nothing.
  A program whose interpreter raises on some input falls back to the static facts.
- **static**: (always, for a program with a loop) `rasp.value_sets` (a superset of the reachable values, computed jointly over shared
  sources), refined along the graph: a categorical Aggregate that copies at most one value holds only
  its s-op's values and its default, not every mean; a Map/SequenceMap holds only what its refined
  inputs give. A categorical Aggregate is a copy only where `copies.copies_one_value` proves it (or its
  s-op holds at most one number, whose mean is itself); otherwise it may average, and its value set
  holds every mean of its s-op's values (exact only when their sums are: `means.exact_sums`, else
  CompileError), which flows into everything downstream. Nothing is sampled: sampling is not proof.
  Whether a selector can be empty is proved from reflexive or total predicates.

Facts are for the non-causal semantics; they are a superset of what a causal model meets (each
prefix is itself an input), so they are sound for causal compilation too.
"""

from __future__ import annotations

import itertools
import math
import warnings
from typing import Any, Iterable, Sequence

import numpy as np

from weightsmith import rasp
from weightsmith.compiler.errors import CompileError, UndefinedInputsWarning, tabulate
from weightsmith.compiler.graph import ProgramGraph
from weightsmith.compiler.copies import copies_one_value, selects_one_position
from weightsmith.compiler.means import equal_means_exact, exact_sums
from weightsmith.compiler.selectors import never_empty
from weightsmith.rasp import bitmask
from weightsmith.rasp.batch import Batch, Column, evaluate_columns, observe_columns
from weightsmith.rasp.typed_tokens import NegativeZero, number_kind

AUTO_EXHAUSTIVE_INPUTS = 500  # "auto": observe every input up to this many (a few milliseconds)
PROOF_INPUTS = 20_000  # "auto": still observe every input when the static facts cannot decide
LOOP_CHECK_ITERATIONS = 50_000  # "auto": run a loop on every input when inputs x max_steps is at most this (~2 s)
# largest table (value pairs of a SequenceMap) the compiler builds without observing every input. It bounds the
# enumeration (f called on each pair, once), not the model: a lookup's units are only the pairs with an output. The
# dictionary translator's read-out is the largest user: its last lookup pairs about every French word with a digit,
# and its test keeps room for a lexicon twice the size (half this limit for the lexicon itself); at 100,000 that
# room stopped the lexicon's growth (docs/nlp.md, round 22 (lex22): the read-out compiled at the larger lexicon)
MAX_COMBINATIONS = 200_000
# but where every input may still be observed ("auto", at most PROOF_INPUTS), a table over more pairs than this is
# observed instead (the pairs that occur are fewer): the limit before round 22, so that such programs compile as before
OBSERVE_BEYOND_COMBINATIONS = 100_000


def value_order(v: Any) -> tuple:
    """A total order on mixed values: numbers by size, then strings, then anything else by repr."""
    if isinstance(v, (int, float)):
        return (0, v, repr(v))  # exact comparison: an int too large for a float still orders
    if isinstance(v, str):
        return (1, 0.0, v)
    return (2, 0.0, repr(v))


NUMBER_TYPES = {int, float, bool}  # exact types checked first (one set of them, in C), then isinstance


def distinct_sorted(values: Iterable[Any]) -> list:
    """Values without None and without repeats (1, 1.0 and True are one value, as in a Python set),
    in `value_order`."""
    unique = [v for v in dict.fromkeys(values) if v is not None and v == v]  # v != v: NaN equals nothing
    if set(map(type, unique)) <= NUMBER_TYPES or all(map(isinstance, unique, itertools.repeat((int, float)))):
        # value_order on numbers, by a C-level sort
        unique.sort()  # distinct values (equal ones were merged), compared exactly: no ties
        return unique
    return sorted(unique, key=value_order)


def checked_values(expr: rasp.SOp, values: Iterable[Any]) -> list:
    """`distinct_sorted(values)` of `expr`; CompileError if it can hold NaN or an infinity: NaN equals
    nothing (no one-hot dimension can stand for it, a lookup never finds it) and no model computes with
    infinities."""
    values = list(values)
    # In C for the common case (value lists run to thousands): no float at all, or all finite.
    kinds = set(map(type, values))
    if kinds == {float}:  # a number's values, the usual case: every one is a float already
        floats = values
    else:
        floats = [v for v in values if isinstance(v, float)] if any(issubclass(k, float) for k in kinds) else []
    bad = None if all(map(math.isfinite, floats)) else next(v for v in floats if not math.isfinite(v))
    if bad is not None:
        raise CompileError(f"{type(expr).__name__} {expr.label!r} can hold {bad!r}; a compiled model holds only "
                           "finite values (NaN equals nothing, so no dimension can stand for it)")
    return distinct_sorted(values)


def count_inputs(vocab_size: int, max_seq_len: int) -> int:
    """How many inputs of length 1..max_seq_len there are over `vocab_size` tokens, V + V^2 + ... + V^L, in closed
    form: summed power by power, it took 10 CPU s at V=2, L=100,000 (integers of up to 100,000 bits) before the compiler
    refused the program's value sets as too large, and grew as L^2."""
    if vocab_size == 1:
        return max_seq_len
    return (vocab_size ** (max_seq_len + 1) - vocab_size) // (vocab_size - 1)


def all_inputs(vocab: Sequence, max_seq_len: int) -> Batch:
    """Every input of length 1..max_seq_len over `vocab`, as one padded batch, in itertools.product's
    order within each length (the last position fastest). The inputs of length n are those of length
    n - 1, each followed by every token: seen as a grid [V^(n-1), V, n], two broadcast assignments per
    length, into the batch's own rows (no repeated or tiled temporaries: 22 µs against 74 at V=3, L=5,
    where the whole observation takes about a millisecond)."""
    V = len(vocab)
    sizes = [V**n for n in range(1, max_seq_len + 1)]
    codes = np.empty((sum(sizes), max_seq_len), dtype=np.int64)  # array methods, not numpy's Python wrappers
    codes.fill(-1)  # (np.full, np.repeat): every observed compile runs this, most of it cold
    length = np.arange(1, max_seq_len + 1, dtype=np.int64).repeat(sizes)
    tokens = np.arange(V, dtype=np.int64)
    start, previous = 0, None
    for n, size in enumerate(sizes, start=1):
        rows = codes[start:start + size]  # whole rows: contiguous, so the reshape below is a view
        grid = rows.reshape(size // V, V, max_seq_len)
        if previous is not None:
            grid[:, :, :n - 1] = previous[:, None, :]
        grid[:, :, n - 1] = tokens
        previous, start = rows[:, :n], start + size
    valid = codes >= 0  # position < length: every token's code is at least 0, padding -1
    return Batch(length, valid, Column(codes, list(vocab)))


class _FunctionTables:
    """What both kinds of facts offer on top of values: f's results where a Map or SequenceMap is
    applied. Value facts and lowering both need them, and calling f is the bulk of the work on
    numbers with hundreds of values, so each table is computed once."""

    def __init__(self) -> None:
        self._tables: dict[int, tuple[list, list]] = {}

    def function_table(self, expr: rasp.Map | rasp.SequenceMap) -> tuple[list, list]:
        """(arguments, results): a Map's input values, or the pairs of a SequenceMap's input values
        that occur together (`joint`), and f on each."""
        if id(expr) not in self._tables:
            if isinstance(expr, rasp.SequenceMap):
                pairs = self.joint([expr.fst, expr.snd])
                self._tables[id(expr)] = (pairs, tabulate(expr, expr.f, pairs))
            else:
                args = self.values(expr.inner)
                self._tables[id(expr)] = (args, tabulate(expr, expr.f, list(zip(args))))
        return self._tables[id(expr)]


class ObservedFacts(_FunctionTables):
    """Facts read off the interpreter's values on a batch of inputs (all of them: `exhaustive`).

    With `vocab`, the batch holds the inputs over one token of each class of interchangeable tokens
    (`token_classes`): the tokens s-ops hold all of `vocab`, every other s-op what it holds on those
    inputs, which is what it holds on every input. `order` is the program's topological order where the
    caller has it (`ProgramGraph.order`), so the program is not walked again to find its merged selectors.

    Every fact a later stage may ask is read while the interpreter still holds the columns it needs
    (`observe_columns`), and each column is dropped once its last reader has run: an s-op's values where
    it is computed, a SequenceMap's argument pairs and a categorical Aggregate's several-selected pairs
    where they are (their children are alive then). Only the columns that lowering reads as tuples (the
    s-ops a merged selector atom compares: `_read_together`) are kept. Holding every column until the
    facts were dropped made the heap grow by every column of the batch and be trimmed at the end, so that
    each compile faulted it in afresh (5.8 MB at 5 tokens and length 5: shuffle_dyck2's compile took
    15-17 ms with it, 11.6-13 ms without, docs/speed.md, fourteenth pass).
    """

    def __init__(self, program: rasp.SOp, batch: Batch, exhaustive: bool, vocab: Sequence | None = None,
                 order: Sequence[rasp.RASPExpr] | None = None):
        super().__init__()
        self.exhaustive = exhaustive
        self._vocab = vocab
        self._valid = batch.valid
        self._used_values: dict[int, list] = {}
        self._values: dict[int, list] = {}
        self._selected: dict[int, list[tuple]] = {}  # `_several_selected`, per categorical Aggregate
        self._joint: dict[tuple[int, ...], list[tuple]] = {}  # `joint`, per SequenceMap's (fst, snd)
        kept = _read_together(rasp.topological_order(program) if order is None else order)
        self._kept: dict[int, Column | None] = dict.fromkeys(kept)  # filled as they are computed
        observe_columns(program, batch, self._read)

    def _read(self, expr: rasp.RASPExpr, value) -> None:
        """The facts of `expr`, read while its value and its children's are alive (`observe_columns`)."""
        if not isinstance(expr, rasp.SOp):  # a selector (no fact of its own is asked), a loop
            return
        column: Column = value(expr)
        if id(expr) in self._kept:
            self._kept[id(expr)] = column
        if self._vocab is not None and isinstance(expr, rasp.TokensType):
            self._used_values[id(expr)] = list(self._vocab)  # every token occurs (inputs of length 1)
        elif column.dense:  # every entry of its table occurs (a Map's, a SequenceMap's)
            self._used_values[id(expr)] = list(column.table)
        else:
            (codes,) = _occurring([column.codes[self._valid]], [len(column.table)])
            self._used_values[id(expr)] = [column.table[c] for c in codes]
        if isinstance(expr, rasp.SequenceMap):
            self._joint[(id(expr.fst), id(expr.snd))] = self._combos([value(expr.fst), value(expr.snd)])
        elif isinstance(expr, rasp.Aggregate) and not rasp.is_numerical(expr):
            self._selected[id(expr)] = self._pairs_where_several(value(expr.selector), value.count(expr.selector),
                                                                 value(expr.sop), column)

    def values(self, expr: rasp.SOp) -> list:
        if id(expr) not in self._values:
            self._values[id(expr)] = checked_values(expr, self._used_values[id(expr)])
        return self._values[id(expr)]

    def nullable(self, expr: rasp.SOp) -> bool:
        return any(v is None for v in self._used_values[id(expr)])

    def joint(self, exprs: Sequence[rasp.SOp]) -> list[tuple]:
        key = tuple(map(id, exprs))
        if key not in self._joint:  # a merged selector atom's s-ops, whose columns were kept
            self._joint[key] = self._combos([self._kept[k] for k in key])
        return self._joint[key]

    def _combos(self, columns: list[Column]) -> list[tuple]:
        """The value tuples of `columns` that occur together at some position, without None, in `value_order`."""
        combos = zip(*_occurring([c.codes[self._valid] for c in columns], [len(c.table) for c in columns]))
        tuples = (tuple(c.table[code] for c, code in zip(columns, row)) for row in combos)
        return sorted({t for t in tuples if None not in t}, key=lambda t: tuple(map(value_order, t)))

    def may_average(self, aggregate: rasp.Aggregate) -> bool:
        """Whether the interpreter's value somewhere differs from the value at the first selected key:
        several different values averaged, or equal floats whose mean is not themselves. Observed for a
        categorical Aggregate; a numerical one is a mean whatever it selects (`typed_by_width`, lowering),
        so it is not observed (its pairs cost a third of a millisecond a mean on 3,905 inputs) and may."""
        return rasp.is_numerical(aggregate) or any(first != got for first, got in self._several_selected(aggregate))

    def may_retype(self, aggregate: rasp.Aggregate) -> bool:
        """Whether the interpreter's value somewhere has another type than the value at the first selected
        key: equal ints (or bools) averaged, whose mean is a float (mean(1, 1) is 1.0, equal to 1 but
        printed and compared as another value), so the output's type needs its case (`compiler.types`);
        or -0.0s averaged (their sum is 0.0). A numerical Aggregate may, as for `may_average`."""
        return rasp.is_numerical(aggregate) or any(number_kind(first) is not number_kind(got)
                                                   for first, got in self._several_selected(aggregate))

    def _several_selected(self, aggregate: rasp.Aggregate) -> list[tuple]:
        """(value at the first selected key, the Aggregate's value) for every pair that occurs where
        several keys are selected, made once a categorical Aggregate, as it is computed."""
        return self._selected[id(aggregate)]

    def _pairs_where_several(self, masks: np.ndarray, widths: np.ndarray, sop: Column, out: Column) -> list[tuple]:
        """`_several_selected` off the selector's masks `[B, query, words]` (the keys each query selects), their
        widths, and the s-op's and the Aggregate's columns."""
        many = (widths >= 2) & self._valid
        if not many.any():
            return []
        first = np.take_along_axis(sop.codes, bitmask.lowest(masks, sop.codes.shape[1]), axis=1)  # [B, query]
        copied, got = _occurring([first[many], out.codes[many]], [len(sop.table), len(out.table)])
        return [(sop.table[c], out.table[g]) for c, g in zip(copied.tolist(), got.tolist())]


def _read_together(order: Sequence[rasp.RASPExpr]) -> list[int]:
    """The ids of the s-ops lowering may ask the joint values of, beyond a SequenceMap's two: those a Select
    under a SelectorOr or SelectorNot compares (`selectors.conjunction` merges such atoms into one over the
    tuples of their s-ops), and the indices a ConstantSelector there compares."""
    found: list[int] = []
    below = [e for e in order if isinstance(e, (rasp.SelectorOr, rasp.SelectorNot))]
    while below:
        selector = below.pop()
        if isinstance(selector, rasp.Select):
            found += (id(selector.keys), id(selector.queries))
        elif isinstance(selector, rasp.ConstantSelector):
            found.append(id(rasp.indices))
        else:
            below.extend(c for c in selector.children if isinstance(c, rasp.Selector))
    return found


SCALAR_TYPES = {str, int, float, bool, type(None)}  # results compared by type and repr


def token_classes(graph: ProgramGraph, vocab: Sequence) -> list | None:
    """One token of each class of interchangeable tokens (the first of each, in `vocab`'s order), or
    None when no two tokens are interchangeable.

    Two tokens are interchangeable when everything that reads the tokens treats them alike: a Map
    whose function gives both the same result (same type and repr: 1 and 1.0, 0.0 and -0.0 stay
    apart), or a Select whose predicate is TRUE or FALSE (it reads no value). Any other reader (an
    Aggregate, a SequenceMap, a Select comparing tokens), or a Map that raises or returns anything but
    a str, int, float, bool or None, and no token is merged with another. Nor where a TRUE or FALSE Select
    of the tokens sits under a SelectorOr or SelectorNot: `selectors.conjunction` may merge it with other
    atoms into one atom over the tuple of their s-ops, whose values (`joint`) then hold the token itself.

    Why observing the inputs over the representatives is observing every input: replacing each token
    by its class's first changes no value of any other s-op, nor any selector; so every input's columns
    are those of an input over the representatives, and the same rows occur. The interpreter's tables
    even list the same values in the same order: each kernel orders its table by its operands' tables
    and the combinations that occur (the same), or by first occurrence in input order, and an input
    over the representatives comes before every other input it stands for (product order, the first
    of each class first). So where equal values occur (1 and True), the facts keep the same one. A
    bracket language over five tokens is observed on the inputs over three (a tenth of them at length 5).
    """
    results: list[list] = []  # per Map that reads the tokens, its result on each token
    merged: set[int] | None = None  # `_read_together`, found at the first TRUE or FALSE Select
    for expr in token_readers(graph):
        if isinstance(expr, rasp.Select) and expr.predicate in (rasp.Comparison.TRUE, rasp.Comparison.FALSE):
            merged = set(_read_together(graph.order)) if merged is None else merged
            if any(isinstance(s, rasp.TokensType) and id(s) in merged for s in (expr.keys, expr.queries)):
                return None  # merged into an atom over a tuple holding the token: the token is read
            continue
        if not isinstance(expr, rasp.Map):
            return None
        try:
            out = [expr.f(token) for token in vocab]
        except Exception:  # noqa: BLE001 - the observation names the failing call
            return None
        if not set(map(type, out)) <= SCALAR_TYPES:
            return None
        results.append([(type(v), repr(v)) for v in out])
    first: dict[tuple, Any] = {}  # a token's results on every reader -> the first token with them
    for token, key in zip(vocab, zip(*results) if results else [()] * len(vocab)):
        first.setdefault(key, token)
    return list(first.values()) if len(first) < len(vocab) else None


def token_readers(graph: ProgramGraph) -> list[rasp.RASPExpr]:
    """The expressions that read the tokens, in the graph's order: found from the tokens' consumers, not by
    reading every expression's children (`children` builds a tuple on every read)."""
    ids = {id(reader) for expr in graph.order if isinstance(expr, rasp.TokensType) for reader in graph.consumers[id(expr)]}
    return [expr for expr in graph.order if id(expr) in ids]


BINCOUNT_LIMIT = 1 << 22  # combined codes up to this many are counted in a table, not sorted


def _occurring(codes: list[np.ndarray], sizes: list[int]) -> list[np.ndarray]:
    """The distinct rows of the code columns `codes` (each < its size), as one array per column.

    The columns are combined into one integer per row (mixed radix), so finding the distinct rows is a
    count over those integers (or a 1-D sort when there are too many), not a row-wise sort.
    """
    radices = [max(size, 1) for size in sizes]
    total = math.prod(radices)
    if len(codes) == 1 and total <= BINCOUNT_LIMIT:  # one column (an s-op's used values): its count alone
        return [np.bincount(codes[0], minlength=total).nonzero()[0]]
    if total >= 1 << 62:  # would overflow int64: sort the rows themselves
        return list(np.unique(np.stack(codes), axis=1))
    key = np.zeros(len(codes[0]), dtype=np.int64)
    for column, radix in zip(codes, radices):
        key = key * radix + column
    present = np.bincount(key, minlength=total).nonzero()[0] if total <= BINCOUNT_LIMIT else np.unique(key)
    out = []
    for radix in reversed(radices):
        present, digit = np.divmod(present, radix)
        out.append(digit)
    return out[::-1]


class StaticFacts(_FunctionTables):
    """Facts from value-set inference, without running the program on every input."""

    exhaustive = False

    def __init__(self, graph: ProgramGraph, vocab: Sequence, max_seq_len: int, until_averaging: bool = False,
                 max_combinations: int = MAX_COMBINATIONS):
        """`until_averaging`: stop at the first round that finds an Aggregate that may average (the caller
        observes every input then; the facts are not complete, only `averaging` is read). `max_combinations`:
        the largest table `joint` enumerates."""
        super().__init__()
        self.vocab, self.max_seq_len, self.max_combinations = list(vocab), max_seq_len, max_combinations
        aggregates = [e for e in graph.order if isinstance(e, rasp.Aggregate)]
        # Aggregates that may average: found by proofs over the refined value sets, which grow with
        # every one found (its means flow downstream), so repeat until none is new. A numerical
        # Aggregate proved to copy holds only its s-op's values and its default, not every mean (a
        # loop's state read by position would otherwise grow by every mean, round after round).
        self.averaging: set[int] = set()
        self._retypes: dict[int, bool] = {}  # `may_retype`, per Aggregate, once the facts are final
        while True:
            copying = {id(e) for e in aggregates if rasp.is_numerical(e) and id(e) not in self.averaging}
            try:
                self.sets = rasp.value_sets(graph.output, vocab, max_seq_len, means=self.averaging, copying=copying)
            except rasp.ValueSetError as err:
                raise CompileError(f"cannot bound the values the program computes: {err}") from err
            self._tables.clear()
            self._values: dict[int, list] = {}
            self._nullable: dict[int, bool] = {}
            self._null_states: set[int] = set()  # loop states that a step can make None somewhere
            while True:
                for expr in graph.order:
                    if isinstance(expr, rasp.SOp):
                        self._refine(expr)
                grown = self._null_states | {id(p) for k, p in (graph.loop.placeholders.items() if graph.loop else ())
                                             if self.nullable(graph.loop.updates[k])}
                if grown == self._null_states:
                    break
                self._null_states = grown
            found = {id(e) for e in aggregates if id(e) not in self.averaging and self._may_average(e)}
            self.averaging |= found
            if not found or until_averaging:
                break

    def _may_average(self, aggregate: rasp.Aggregate) -> bool:
        """Whether `aggregate` can give a value other than a copy of one selected value, unless proved
        otherwise (`copies_one_value`); CompileError where the means cannot be bounded exactly."""
        if copies_one_value(aggregate, self.values, self.nullable, self.max_seq_len):
            return False
        if rasp.is_numerical(aggregate):
            return True  # a numerical head computes any mean
        values = self.values(aggregate.sop)
        numbers = [v for v in values if isinstance(v, (int, float))]
        if len(numbers) <= 1 and equal_means_exact(numbers, self.max_seq_len):
            return False  # several selected: equal (their mean is themselves), or the interpreter raises
        others = [v for v in values if not isinstance(v, (int, float))]
        what = f"categorical Aggregate {aggregate.label!r}"
        if others:
            raise CompileError(
                f"{what} may select several positions (no proof that it selects one, or only equal values), and its "
                f"s-op {aggregate.sop.label!r} holds numbers {numbers[:3]!r} and non-numbers {others[:3]!r}: the "
                "interpreter averages the numbers, which a categorical head cannot mix with the others"
            )
        if not exact_sums(numbers, self.max_seq_len):
            raise CompileError(
                f"{what} may average its s-op {aggregate.sop.label!r}'s values {numbers[:3]!r}..., whose sums are "
                "not exact in float64: the interpreter's mean depends on the order of the positions, so its "
                "values cannot be listed statically"
            )
        return True

    def _refine(self, expr: rasp.SOp) -> None:
        inferred = self.sets[id(expr)]
        nullable = False
        if isinstance(expr, rasp.Map):
            _, outs = self.function_table(expr)
            values = checked_values(expr, outs)
            nullable = self.nullable(expr.inner) or None in outs
        elif isinstance(expr, rasp.SequenceMap):
            _, outs = self.function_table(expr)
            values = [v for v in checked_values(expr, outs) if v in inferred]
            nullable = self.nullable(expr.fst) or self.nullable(expr.snd) or None in outs
        elif isinstance(expr, rasp.Aggregate):
            empty = expr.default is None and self.may_select_nothing(expr.selector)
            nullable = empty or self.nullable(expr.sop)
            if id(expr) in self.averaging:  # every mean of its s-op's values
                values = distinct_sorted(inferred)
            else:
                values = distinct_sorted([*self.values(expr.sop), expr.default])
        elif isinstance(expr, rasp.SelectorWidth):
            never_zero = never_empty(expr.selector, self.values, self.nullable)
            values = [w for w in distinct_sorted(inferred) if w or not never_zero]
        elif isinstance(expr, rasp.ConstantSOp):
            values = distinct_sorted(inferred)
            nullable = None in expr.value
        elif isinstance(expr, rasp.LinearClassifier):
            values = distinct_sorted(inferred)
            nullable = any(self.nullable(sop) for sop in expr.inputs)
        elif isinstance(expr, rasp.LoopState):
            values = checked_values(expr, inferred)
            nullable = self.nullable(expr.loop.initial[expr.key]) or id(expr) in self._null_states
        else:
            values = distinct_sorted(inferred)
            nullable = isinstance(expr, rasp.Full) and expr.fill is None
        self._values[id(expr)] = values
        self._nullable[id(expr)] = nullable

    def values(self, expr: rasp.SOp) -> list:
        return self._values[id(expr)]

    def nullable(self, expr: rasp.SOp) -> bool:
        return self._nullable[id(expr)]

    def joint(self, exprs: Sequence[rasp.SOp]) -> list[tuple]:
        size = 1
        for e in exprs:
            size *= len(self.values(e))
        if size > self.max_combinations:
            names = ", ".join(repr(e.label) for e in exprs)
            raise CompileError(
                f"the value combinations of {names} number {size} (more than {self.max_combinations}) without "
                "observing every input; use a smaller vocabulary or max_seq_len, or fewer values"
            )
        return list(itertools.product(*(self.values(e) for e in exprs)))

    def may_average(self, aggregate: rasp.Aggregate) -> bool:
        return id(aggregate) in self.averaging

    def may_retype(self, aggregate: rasp.Aggregate) -> bool:
        """Whether several selected equal ints (or bools) may be averaged to a float, or -0.0s to 0.0
        (`ObservedFacts.may_retype`): wherever its s-op holds one, unless the Aggregate provably selects at most one
        position (copying equal values, as a stable sort of repeated tokens does, still averages them).
        Proved once an Aggregate: it is asked three or four times a compile (value types, retyping,
        lowering), and the proof walks the selector's tables (a tenth of sort_unique's compile)."""
        if id(aggregate) not in self._retypes:
            self._retypes[id(aggregate)] = (any(isinstance(v, int) or number_kind(v) is NegativeZero  # bools are ints
                                                for v in self.values(aggregate.sop))
                                            and not selects_one_position(aggregate, self.values, self.nullable))
        return self._retypes[id(aggregate)]

    def may_select_nothing(self, selector: rasp.Selector) -> bool:
        return not never_empty(selector, self.values, self.nullable)


Facts = ObservedFacts | StaticFacts


def typed_by_width(facts: Facts, aggregate: rasp.Aggregate) -> bool:
    """Whether the type of `aggregate`'s value may depend on how many keys it selects (`compiler.types`):
    every numerical one, and a categorical one that may average (different values, or equal ints whose
    mean is a float: the value 1 stays, its type does not)."""
    return rasp.is_numerical(aggregate) or facts.may_average(aggregate) or facts.may_retype(aggregate)


class _NotPositions(Exception):
    """`averages_by_position`'s proof asked for the values of an s-op other than the indices."""


def averages_by_position(graph: ProgramGraph, max_seq_len: int) -> bool:
    """Whether a numerical Aggregate of `graph` is listed as averaging by the static facts' first round
    whatever the rest of the program holds: its copy proof (`copies_one_value`) fails reading the indices
    alone, whose values every static facts hold (0..max_seq_len - 1, never None), as a prefix mean
    (`Select(indices, indices, LEQ)`) or a mean over all positions (TRUE) does. Where "auto" may observe
    every input, that round's only use was to find such an Aggregate, which sends the compile to the
    observation; a proof that asks any other s-op's values is left to the round. Measured on the V=5, L=5
    cases of frac_prevs, pair_balance, shuffle_dyck and shuffle_dyck2: the round cost 0.3-0.8 ms of
    2.4-20 ms (docs/speed.md, sixteenth pass)."""
    positions = list(range(max_seq_len))

    def values(sop: rasp.SOp) -> list:
        if isinstance(sop, rasp.IndicesType):
            return positions
        raise _NotPositions

    def nullable(sop: rasp.SOp) -> bool:
        if isinstance(sop, rasp.IndicesType):
            return False
        raise _NotPositions

    for expr in graph.order:
        if isinstance(expr, rasp.Aggregate) and rasp.is_numerical(expr):
            try:
                if not copies_one_value(expr, values, nullable, max_seq_len):
                    return True
            except _NotPositions:
                continue
    return False


def _warn_undefined(err: rasp.EvaluationError) -> None:
    warnings.warn(UndefinedInputsWarning(
        "the program is undefined on some inputs, and its model's outputs there mean nothing; the "
        f"interpreter's first refusal: {err}"), stacklevel=4)


def analyse(graph: ProgramGraph, vocab: Sequence, max_seq_len: int, mode: str = "auto") -> Facts:
    """The value facts of `graph`'s program: `mode` is "exhaustive", "static" or "auto".

    "auto" observes every input when there are at most AUTO_EXHAUSTIVE_INPUTS of them, or at most
    PROOF_INPUTS and the static facts fail (a value set too large, a refusal) or list a categorical
    Aggregate that may average (the means that occur are fewer than the means that could); otherwise it
    uses the static facts. Where a numerical Aggregate averages by position alone (`averages_by_position`),
    the static facts are not built to say so. A loop's facts are always static, but where its runs are few (inputs x
    max_steps) it is run on every input, so that an undefined loop gets the UndefinedInputsWarning too.
    """
    if mode not in ("auto", "exhaustive", "static"):
        raise ValueError(f"analysis must be 'auto', 'exhaustive' or 'static', got {mode!r}")
    n_inputs = count_inputs(len(vocab), max_seq_len)
    if graph.loop is not None:  # a loop body's values are not columns of the batched interpreter
        few = n_inputs <= AUTO_EXHAUSTIVE_INPUTS and n_inputs * graph.loop.max_steps <= LOOP_CHECK_ITERATIONS
        if mode == "exhaustive" or (mode == "auto" and few):
            try:  # but whether the program is defined is checked as any program's is
                evaluate_columns(graph.output, all_inputs(vocab, max_seq_len))
            except rasp.EvaluationError as err:
                if mode == "exhaustive":
                    raise CompileError(f"cannot observe every input, the interpreter raises: {err}") from err
                _warn_undefined(err)
        return StaticFacts(graph, vocab, max_seq_len)

    def observe() -> ObservedFacts:
        representatives = token_classes(graph, vocab)
        if representatives is not None:
            try:
                return ObservedFacts(graph.output, all_inputs(representatives, max_seq_len), exhaustive=True,
                                     vocab=vocab, order=graph.order)
            except rasp.EvaluationError:
                pass  # every input is run below, so that the error is the one it meets first
        return ObservedFacts(graph.output, all_inputs(vocab, max_seq_len), exhaustive=True, order=graph.order)

    def observe_else_static(first_round_built: bool) -> Facts:
        """Every input observed, where the static facts' first round lists an averaging Aggregate (or would:
        `averages_by_position`); where the interpreter refuses an input, the static facts decide: that round's
        refusal (asked here if it was not built), or the facts complete, with the warning."""
        try:
            return observe()
        except rasp.EvaluationError as err:
            if not first_round_built:
                try:
                    StaticFacts(graph, vocab, max_seq_len, until_averaging=True,
                                max_combinations=OBSERVE_BEYOND_COMBINATIONS)
                except CompileError as static_error:
                    raise static_error from None
            _warn_undefined(err)
            # complete now (it may raise, as it would have)
            return StaticFacts(graph, vocab, max_seq_len, max_combinations=OBSERVE_BEYOND_COMBINATIONS)

    if mode == "exhaustive":
        try:
            return observe()
        except rasp.EvaluationError as err:
            raise CompileError(f"cannot observe every input, the interpreter raises: {err}") from err
    if mode == "auto" and n_inputs <= AUTO_EXHAUSTIVE_INPUTS:
        try:
            return observe()
        except rasp.EvaluationError as err:  # the static facts cover the rest
            _warn_undefined(err)
    can_prove = mode == "auto" and n_inputs <= PROOF_INPUTS
    if can_prove and averages_by_position(graph, max_seq_len):  # the static facts' first round would say so
        return observe_else_static(first_round_built=False)
    try:  # where every input may be observed, the static facts only decide whether to: stop at an averaging one
        static = StaticFacts(graph, vocab, max_seq_len, until_averaging=can_prove,
                             max_combinations=OBSERVE_BEYOND_COMBINATIONS if can_prove else MAX_COMBINATIONS)
    except CompileError as static_error:
        if not can_prove:
            raise
        try:
            return observe()
        except rasp.EvaluationError:
            raise static_error from None
    if can_prove and static.averaging:  # observed means are the few that occur, not every possible one
        return observe_else_static(first_round_built=True)
    return static
