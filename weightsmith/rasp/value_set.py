"""The finite set of values each s-op can take, inferred from the vocabulary and `max_seq_len`.

As Tracr's basis inference does, functions are applied to their inputs' value sets. One refinement
keeps the sets from containing values that cannot occur: when a Map/SequenceMap's two operands depend
on a common source (e.g. `length - indices`, or `f(tokens, g(tokens))`), the values are enumerated
jointly over that source instead of over the product of the operands' sets (unless the sources have
more than max_size joint values: then the product it is, a superset). `indices` and `length`
count as one source, position, with index < length.

A categorical Aggregate is read as selecting at most one position (or only equal values): its
values are its s-op's values and its default; unless its id is in `means` (a caller that cannot
prove the copy lists it): then, like a numerical Aggregate, it can produce every mean of up to
`max_seq_len` of its values, as the interpreter averages numbers whatever the encoding. A numerical
Aggregate whose id is in `copying` (a caller proved it copies) is read like a categorical one.

`None` (an undefined value, e.g. an Aggregate's empty selection with no default) is not a value: it
never appears in a value set.
"""

from __future__ import annotations

import itertools
from typing import Any, Collection, Iterable, Optional, Sequence

from weightsmith.rasp import expr as rx
from weightsmith.rasp.errors import ValueSetError, ValueSetTooLarge, describe
from weightsmith.rasp.evaluate import call_checked
from weightsmith.rasp.graph import topological_order
from weightsmith.rasp.holes import unfilled
from weightsmith.rasp.loop import HALTED, STEPS, Loop, LoopResult, LoopState

DEFAULT_MAX_SIZE = 100_000
MAX_SUM_PAIRS = 10_000_000  # (sum, value) pairs one step of enumerating means may add (about a second)
MAX_LOOP_ROUNDS = 1_000  # rounds of growing a loop state's value set before it counts as unbounded
_POSITION = "position"  # the joint source of indices and length


def _is_local(e: rx.RASPExpr) -> bool:
    # an empty hole is a source: its values are declared, not computed
    return isinstance(e, (rx.Map, rx.SequenceMap)) and not unfilled(e)


def _hashable(e: rx.RASPExpr, value: Any, args: tuple) -> Any:
    """`value`, if it can be a member of a value set; else ValueSetError naming the s-op and the arguments."""
    try:
        hash(value)
    except TypeError:
        raise ValueSetError(f"{describe(e)}: its function returned the unhashable {value!r} on the possible value "
                            f"{args if len(args) > 1 else args[0]!r}; values must be hashable: str, int, float, bool, "
                            "tuple") from None
    return value


def _local_order(e: rx.RASPExpr) -> list[rx.RASPExpr]:
    """The Maps/SequenceMaps computing `e` from its sources, dependencies first (not below a source)."""
    order: list[rx.RASPExpr] = []
    seen: set[int] = set()

    def visit(x: rx.RASPExpr) -> None:
        if id(x) in seen or not _is_local(x):
            return
        seen.add(id(x))
        for c in x.children:
            visit(c)
        order.append(x)

    visit(e)
    return order


class _Inference:
    def __init__(self, vocab: Iterable[rx.Value], max_seq_len: int, max_size: int, means: Collection[int] = (),
                 copying: Collection[int] = ()):
        if max_seq_len < 1:
            raise ValueSetError(f"max_seq_len must be at least 1, got {max_seq_len}")
        self.vocab = set(vocab)
        if None in self.vocab:
            raise ValueSetError("the vocabulary cannot contain None (None means 'undefined' in RASP)")
        self.max_seq_len = max_seq_len
        self.max_size = max_size
        self.means = frozenset(means)  # ids of categorical Aggregates that may average
        self.copying = frozenset(copying)  # ids of numerical Aggregates that only copy
        self.sets: dict[int, set] = {}
        self.sources: dict[int, frozenset] = {}  # id(expr) -> the non-local leaves it depends on

    def _check(self, e: rx.RASPExpr, size: int) -> None:
        if size > self.max_size:
            limit = "the compiler's limit" if self.max_size == DEFAULT_MAX_SIZE else "max_size"
            raise ValueSetTooLarge(
                f"the value set of {describe(e)} has more than {self.max_size:,} values ({limit}) on inputs of up to "
                f"{self.max_seq_len:,} tokens over a vocabulary of {len(self.vocab):,}")

    def _image(self, e: rx.RASPExpr, domains: list[set]) -> set:
        """f's results on every combination of `domains`' values, in one comprehension (no call per
        value around f: value sets of numbers run to thousands). If f raises, calling it checked on each
        combination in the same order names the first value it raises on."""
        f = e.f
        try:
            if len(domains) == 1:
                return {f(x) for x in domains[0]}
            return {f(*args) for args in itertools.product(*domains)}
        except Exception:  # noqa: BLE001
            for args in itertools.product(*domains):
                _hashable(e, call_checked(e, f, *args, error=ValueSetError, role="the possible value"), args)
            raise

    def leaf_set(self, e: rx.SOp) -> set:
        n = self.max_seq_len
        if isinstance(e, rx.TokensType):
            return set(self.vocab)
        if isinstance(e, rx.IndicesType):
            return set(range(n))
        if isinstance(e, rx.LengthType):
            return set(range(1, n + 1))
        if isinstance(e, rx.Full):
            return {e.fill}
        if isinstance(e, rx.ConstantSOp):
            return {v for v in e.value if v is not None}
        if isinstance(e, rx.SelectorWidth):
            return set(range(n + 1))
        if isinstance(e, rx.LinearClassifier):
            return set(e.classes)
        if isinstance(e, LoopResult):
            if e.what == STEPS:
                return set(range(e.loop.max_steps + 1))
            if e.what == HALTED:
                return {False, True}
            return set(self.sets[id(e.loop.placeholders[e.key])])  # every class may win (a sound superset, like a Map's image)
        if isinstance(e, rx.Aggregate):
            inner = self.sets[id(e.sop)]
            extra = set() if e.default is None else {e.default}
            if (rx.is_numerical(e) and id(e) not in self.copying) or id(e) in self.means:
                return self._means(e, inner) | extra
            # A categorical Aggregate selects one position (or equal values): it passes values on.
            return inner | extra
        raise TypeError(f"cannot infer the value set of {type(e).__name__}")

    def _means(self, e: rx.RASPExpr, values: set) -> set:
        """Every mean of a non-empty multiset of at most max_seq_len values (what Aggregate can give)."""
        numbers = {v for v in values if isinstance(v, (int, float))}
        if numbers != values:
            raise ValueSetError(f"{describe(e)} averages non-numeric values {sorted(values - numbers, key=repr)!r}")
        means = set(numbers)
        sums = set(numbers)
        for k in range(2, self.max_seq_len + 1):
            if len(sums) * len(numbers) > MAX_SUM_PAIRS:  # enumerating would take minutes
                raise ValueSetError(
                    f"the means {describe(e)} can take are too many to enumerate ({len(sums)} sums of {k - 1} values "
                    f"times {len(numbers)} values)"
                )
            sums = {s + v for s in sums for v in numbers}
            self._check(e, len(sums))
            means |= {s / k for s in sums}
            self._check(e, len(means))
        return means

    def source_of(self, e: rx.RASPExpr) -> Any:
        return _POSITION if isinstance(e, (rx.IndicesType, rx.LengthType)) else id(e)

    def joint(self, e: rx.RASPExpr) -> set | None:
        """Values of a local s-op enumerated over the joint values of its sources; None if they are more
        than max_size combinations (the caller then takes the product of the operands' sets)."""
        sources = sorted(self.sources[id(e)], key=str)
        domains = []
        for s in sources:
            if s == _POSITION:
                domains.append([(i, n) for n in range(1, self.max_seq_len + 1) for i in range(n)])
            else:
                domains.append(sorted(self.sets[s], key=repr))
        size = 1
        for d in domains:
            size *= len(d)
        if size > self.max_size:
            return None
        local = _local_order(e)
        result = set()
        for assignment in itertools.product(*domains):
            env = dict(zip(sources, assignment))
            val: dict[int, Any] = {}
            for x in local:
                args = []
                for c in x.children:
                    if _is_local(c):
                        args.append(val[id(c)])
                    elif isinstance(c, rx.IndicesType):
                        args.append(env[_POSITION][0])
                    elif isinstance(c, rx.LengthType):
                        args.append(env[_POSITION][1])
                    else:
                        args.append(env[id(c)])
                val[id(x)] = (None if None in args else _hashable(
                    x, call_checked(x, x.f, *args, error=ValueSetError, role="the possible value"), args))
            if val[id(e)] is not None:
                result.add(val[id(e)])
        return result

    def run(self, program: rx.RASPExpr) -> None:
        for e in topological_order(program):
            if isinstance(e, Loop):
                self.loop(e)
            elif not isinstance(e, rx.Selector):
                self.infer(e)

    def loop(self, loop: Loop) -> None:
        """The state's value sets: the initial values, grown by the step's image until closed (a
        fixpoint, at most MAX_LOOP_ROUNDS rounds), or the user's `values`, checked to be closed."""
        state = {k: set(loop.values.get(k, self.sets[id(sop)])) for k, sop in loop.initial.items()}
        for k, sop in loop.initial.items():
            missing = self.sets[id(sop)] - state[k]
            if missing:
                raise ValueSetError(f"Loop {loop.label!r}: the values given for state {k!r} lack initial values "
                                    f"{_some(missing)}")
        for _ in range(MAX_LOOP_ROUNDS):
            for k, p in loop.placeholders.items():
                self.sources[id(p)] = frozenset([id(p)])
                self.sets[id(p)] = state[k]
            for e in loop.body:
                if not isinstance(e, (rx.Selector, LoopState)):
                    self.infer(e)
            grown = {k: state[k] | self.sets[id(sop)] for k, sop in loop.updates.items()}
            if grown == state:
                return
            for k in loop.values:
                if grown[k] != state[k]:
                    raise ValueSetError(f"Loop {loop.label!r}: the values given for state {k!r} are not closed under "
                                        f"the step: it can give {_some(grown[k] - state[k])}")
            growing = sorted(k for k in state if grown[k] != state[k])
            state = grown
        raise ValueSetError(
            f"Loop {loop.label!r}: the value sets of its state {growing} are not closed under the step after "
            f"{MAX_LOOP_ROUNDS} rounds (e.g. a counter that only ever grows); bound the step (e.g. min(x + 1, limit)) "
            "or give the values with Loop(values=...)")

    def infer(self, e: rx.RASPExpr) -> None:
        if unfilled(e):
            self.sources[id(e)] = frozenset([id(e)])
            self.sets[id(e)] = set(e.table.values)
        elif isinstance(e, rx.Map):
            self.sources[id(e)] = self.sources[id(e.inner)]
            inner = self.sets[id(e.inner)]
            self.sets[id(e)] = self._image(e, [inner]) - {None}
        elif isinstance(e, rx.SequenceMap):
            a, b = self.sources[id(e.fst)], self.sources[id(e.snd)]
            self.sources[id(e)] = a | b
            joint = self.joint(e) if a & b else None
            if joint is not None:
                self.sets[id(e)] = joint
            else:  # independent sources, or too many joint values: every pair (a superset)
                sa, sb = self.sets[id(e.fst)], self.sets[id(e.snd)]
                self._check(e, len(sa) * len(sb))
                self.sets[id(e)] = self._image(e, [sa, sb]) - {None}
        else:
            self.sources[id(e)] = frozenset([self.source_of(e)])
            self.sets[id(e)] = self.leaf_set(e)
        self._check(e, len(self.sets[id(e)]))


def _some(values: set) -> str:
    shown = sorted(values, key=repr)
    return repr(shown[:5])[:-1] + (", ...]" if len(shown) > 5 else "]")


def value_sets(
    program: rx.RASPExpr, vocab: Iterable[rx.Value], max_seq_len: int, max_size: int = DEFAULT_MAX_SIZE,
    means: Collection[int] = (), copying: Collection[int] = (),
) -> dict[int, set]:
    """The value set of every s-op in `program`, keyed by `id(sop)`; the categorical Aggregates whose ids
    are in `means` may average (their sets hold every mean of their s-op's values), the numerical ones
    whose ids are in `copying` only copy (a caller that proved it: their sets hold their s-op's values)."""
    inference = _Inference(vocab, max_seq_len, max_size, means, copying)
    inference.run(program)
    return inference.sets


def value_set(
    sop: rx.SOp, vocab: Iterable[rx.Value], max_seq_len: int, max_size: int = DEFAULT_MAX_SIZE
) -> set:
    """The finite set of values `sop` can take on inputs over `vocab` of length 1..max_seq_len.

    Raises `ValueSetError` naming the s-op if the set would exceed `max_size` values, or if a function
    raises on a value its input can take.
    """
    if not isinstance(sop, rx.SOp):
        raise TypeError(f"value_set needs an s-op, got {type(sop).__name__} {sop!r}")
    return value_sets(sop, vocab, max_seq_len, max_size)[id(sop)]


def first_repeat(values: Sequence) -> Optional[tuple[int, int]]:
    """Indexes (i, j), i < j, of the first value equal to an earlier one, else None. Equal values may differ
    in type (1 == 1.0 == True, 0 == -0.0 == False): a set, the compiler's vocabulary, keeps one of them
    without a word, so every vocabulary a user gives or a data file implies is checked with this."""
    seen: dict = {}  # value -> its first index
    for j, value in enumerate(values):
        if value in seen:
            return seen[value], j
        seen[value] = j
    return None
