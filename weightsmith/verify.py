"""Does a model compute its program? Compare it with the interpreter on every input, or on many.

    from weightsmith.verify import verify
    report = verify(compiled, program)        # a CompiledModel, or a plain Transformer (e.g. loaded)
    assert report.ok, report                  # str(report) names the first mismatch and where it began

Inputs: all sequences of length 1..max_seq_len over the vocabulary when there are at most
`EXHAUSTIVE_LIMIT` of them (then the check is a proof for that vocabulary and length), else `n_random`
random ones (lengths uniform, tokens uniform, reproducible by `seed`); a compiled Transformer Program
(`config.first_token`) only on its learned program's inputs, that BOS first (`inputs`), and a mismatch only at
that BOS's position, which no task labels, is told apart. Both sides run batched: the
interpreter with `evaluate_columns`, the model in chunks of `CHUNK` inputs. A causal model is compared
with the program's *causal form* (each position sees only the tokens up to it: what such a model can
compute, and what `compile --causal` compiles); `causal_difference` finds an input on which that form
differs from the program itself, for a warning at compile time.

What counts as equal: a categorical output must decode (argmax of its one-hot, None when every dim is
below 0.5) to the interpreter's value exactly, int or float as the interpreter's (`same_output`: a model
decoding 1 where the program gives 1.0 passed as "model == program", comparing by value alone). Where the
model says which type a value decodes as (`ModelConfig.output_types`: int 4 or the mean 4.0), that type must
be the interpreter's. A numerical output is
a float computed in floating point, so it counts as correct when the interpreter's value is the *nearest*
value the output can take (`NumberLine`): that is the decoding any later layer relies on, and the
compiler's margins guarantee it. The largest distance seen is reported (`max_numerical_error`) beside
the margin, so a model that is right only by luck shows it.

When an input fails, the model is re-run on it keeping the residual after every sublayer, and each
s-op's value is read from every snapshot taken after the s-op is written and compared with the
interpreter's trace: the report names the first sublayer and s-op where the residual departs. A
`CompiledModel` says exactly how to read each s-op (`layouts`); for a plain Transformer the residual
labels are parsed ("sort_keys:3", "frac:num") and an s-op counts as written from the first sublayer
whose weights write its dimensions.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Sequence

import numpy as np
import torch
from tqdm.auto import tqdm

from weightsmith import rasp
from weightsmith.compiler.mlp import rounding_starts
from weightsmith.compiler.values import count_inputs
from weightsmith.rasp.holes import check_filled
from weightsmith.model.config import ROUNDING_NOISE, VALUE_TYPE
from weightsmith.model.reading import code_slots, label_value, live_snapshots, snapshot_labels, sublayer_name, written_dims
from weightsmith.model.threads import forward_work, torch_threads
from weightsmith.model.transformer import nearest_index
from weightsmith.rasp.batch import Column, evaluate_columns, make_batch
from weightsmith.rasp.evaluate import evaluate_all
from weightsmith.rasp.typed_tokens import not_tokens, token_key

EXHAUSTIVE_LIMIT = 100_000
# what an `output_types` name casts a reported output to (a numerical output's float rounded first)
_TYPES = {"int": lambda x: int(round(x)), "float": float, "bool": lambda x: bool(round(x))}
CHUNK = 2048


@dataclass(frozen=True)
class Departure:
    """Where the model's residual first disagrees with the interpreter's trace of the program."""

    sublayer: int  # residual snapshot: 0 = embedding, 2i+1 = after layer i's attention, 2i+2 = after its MLP
    sublayer_name: str  # "embedding", "layer 0 attn", "layer 0 mlp", ...
    sop: str  # the s-op's label
    residual_label: str  # which residual read-out is wrong and what it reads, e.g. "opp_idx:4 reads -1"
    position: int  # content position (0 = first token after BOS)
    expected: Any
    got: Any


@dataclass(frozen=True)
class Mismatch:
    """The first input on which the model's output differs from the interpreter's."""

    input: list
    position: int  # content position (0 = first token after BOS)
    expected: Any
    got: Any
    departure: Optional[Departure]  # None when every s-op reads right (the output read-out itself differs)
    unread: tuple[str, ...] = ()  # the program's s-ops the model holds no read-out for (virtual, or absent)
    outputs: tuple[str, str] = ("", "")  # the output s-op's label in the model and in the program


@dataclass(frozen=True)
class VerifyReport:
    n_checked: int  # inputs compared (those where the program is defined)
    exhaustive: bool  # True: every input of length 1..max_seq_len was compared
    n_mismatches: int  # inputs with at least one wrong position
    first_mismatch: Optional[Mismatch]
    max_numerical_error: Optional[float]  # largest |model - interpreter| of a numerical output (None: categorical)
    numerical_margin: Optional[float]  # half the smallest gap between the output's possible values
    causal: bool = False  # compared with the program's causal form (the model is causal, the program looks ahead)
    n_undefined: int = 0  # inputs where the interpreter raises (the program defines nothing there): not compared
    first_undefined: Optional[str] = None  # the first such input and the interpreter's error, for the report
    first_token: Any = None  # a compiled Transformer Program's BOS: every input compared starts with it (`inputs`)
    n_at_bos: int = 0  # of the mismatches, those only at that BOS's position (no task of `learn` labels it)

    @property
    def ok(self) -> bool:
        # nothing compared proves nothing: a program undefined on every input (e.g. written for another
        # vocabulary) is not a pass
        return self.n_mismatches == 0 and self.n_checked > 0

    def __str__(self) -> str:
        scope = "all" if self.exhaustive else "random"
        target = "program's causal form" if self.causal else "program"
        which = "inputs" if self.first_token is None else f"inputs starting with {self.first_token!r}"
        head = f"{self.n_checked:,} {scope} {which}: "
        if self.n_undefined:
            head = (f"{self.n_checked + self.n_undefined:,} {scope} {which}, {self.n_undefined:,} where the program "
                    f"is undefined (the interpreter raises; not compared); {self.n_checked:,} compared: ")
        extra = ""
        if self.max_numerical_error is not None:
            extra = f" (max numerical error {self.max_numerical_error:.3g}, margin {self.numerical_margin:.3g})"
        if self.ok:
            return head + f"model == {target} on every one" + extra
        if self.n_checked == 0:
            return (f"the {target} is undefined (the interpreter raises) on every one of the {self.n_undefined:,} "
                    f"{scope} {which}: nothing to compare (is it written for another vocabulary or length?); "
                    f"first: {self.first_undefined}")
        m = self.first_mismatch
        text = (f"{head}{self.n_mismatches:,} mismatch(es) with the {target}{extra}{self._at_bos()}; first: input "
                f"{m.input}, position {m.position}: expected {m.expected!r}, got {m.got!r}")
        if m.departure is None:
            return text + "; " + _no_departure(m)
        d = m.departure
        return (f"{text}; the residual first departs after {d.sublayer_name} (sublayer {d.sublayer}) in s-op "
                f"{d.sop!r} at position {d.position}: expected {d.expected!r}, holds {d.got!r} ({d.residual_label})")

    def _at_bos(self) -> str:
        """Which mismatches are only at a learned program's BOS position: its output there is its own convention
        (no task labels it), so two programs that agree on every label may differ there, and only there."""
        if not self.n_at_bos:
            return ""
        where = f"position 0, the learned program's BOS {self.first_token!r}, which no task of `learn` labels"
        if self.n_at_bos == self.n_mismatches:
            return f", every one only at {where}: at every other position, model == program"
        return f", {self.n_at_bos:,} of them only at {where}"


def _no_departure(m: Mismatch) -> str:
    """What a mismatch without a departing s-op means: the model computes another program (its output
    s-op has another name, or it lacks the program's s-ops), or only the output read-out differs."""
    model_output, program_output = m.outputs
    shown = ", ".join(map(repr, m.unread[:6])) + (", ..." if len(m.unread) > 6 else "")
    missing = f"it holds no read-out of {len(m.unread)} of the program's s-ops ({shown})"
    if model_output != program_output:
        return (f"the model's output s-op is {model_output!r}, the program's {program_output!r}: the model computes "
                "another program" + (f" ({missing})" if m.unread else ""))
    if m.unread:
        return f"every s-op the residual holds reads right, but {missing}"
    return "every s-op reads right in the residual (the output read-out differs)"


# ------------------------------------------------------------------------------------------ values


def same_value(a: Any, b: Any) -> bool:
    """Equality of outputs: numbers by value (1 == 1.0; bools are not numbers here), others by type and
    value; None equals only None."""
    if _is_number(a) and _is_number(b):
        return a == b  # exact, also for ints too large for a float
    return type(a) is type(b) and a == b


def same_output(a: Any, b: Any) -> bool:
    """`same_value`, and an int is not a float: what a model's output must match, since outputs keep
    the interpreter's types (`run` prints 1 or 1.0, and a program can tell them apart)."""
    return same_value(a, b) and (not _is_number(a) or type(a) is type(b))


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class NumberLine:
    """The distinct numbers a numerical s-op can take, for deciding which one a float stands for.

    Floating-point twins (2/3 computed two ways: 0.6666666666666666 and 0.6666666666666667) are one
    number: values within `TWIN` (relative) of each other are merged into one point. A model's float is
    read as the nearest point; it is correct when that is the interpreter's value's point. `margin` is
    half the smallest gap between points: the error a model may make and still be read right.
    """

    TWIN = ROUNDING_NOISE  # the compiler's: values it keeps apart are two numbers here too

    def __init__(self, values: Iterable[Any]):
        # 0 is always a point: None is held as 0 in the residual (and an extra point only makes judging stricter)
        xs = sorted({0.0 if v is None else float(v) for v in values} | {0.0})
        self.values = np.array(xs, dtype=np.float64)  # each value itself: a point stands for a run of twins
        starts = rounding_starts(xs)  # the compiler's runs of twins (`TWIN` apart from the one before)
        ends = [*starts[1:], len(xs)]
        self.points = np.array([(xs[a] + xs[b - 1]) / 2 for a, b in zip(starts, ends)], dtype=np.float64)
        gaps = np.diff(self.points)
        self.margin = float(gaps.min()) / 2 if len(gaps) else math.inf

    def nearest(self, x: np.ndarray) -> np.ndarray:
        """Index of the nearest point for every entry of `x`."""
        return nearest_index(self.points, x)

    def same(self, got: np.ndarray, expected: np.ndarray) -> np.ndarray:
        return self.nearest(got) == self.nearest(expected)


# ------------------------------------------------------------------------------------------ inputs


def all_inputs(vocab: Sequence, max_seq_len: int) -> Iterator[list]:
    """Every sequence of length 1..max_seq_len over `vocab`, shortest first."""
    for n in range(1, max_seq_len + 1):
        for xs in itertools.product(vocab, repeat=n):
            yield list(xs)


def random_inputs(vocab: Sequence, max_seq_len: int, n: int, seed: int) -> Iterator[list]:
    """`n` sequences: length uniform in 1..max_seq_len, tokens uniform over `vocab`."""
    rng = np.random.default_rng(seed)
    for length in rng.integers(1, max_seq_len + 1, size=n):
        yield [vocab[i] for i in rng.integers(0, len(vocab), size=length)]


def inputs(vocab: Sequence, max_seq_len: int, n_random: int, seed: int,
           first: Any = None) -> tuple[Iterator[list], int, bool]:
    """The inputs `verify` compares, how many, and whether they are all of them (else `n_random` random ones).

    With `first` (a compiled Transformer Program's `config.first_token`, its learned program's BOS), only the
    learned program's inputs: `first`, then tokens other than it. The model refuses an input with another token
    first, and the learned program never reads its BOS elsewhere, so a difference there is no difference in what the
    program computes: `verify` of two learned programs reported one at [3, 5, 2, 3, 4, 2, 'BOS'], and most inputs
    checked were of that kind."""
    if first is None:
        total = count_inputs(len(vocab), max_seq_len)
        exhaustive = total <= EXHAUSTIVE_LIMIT
        return (all_inputs(vocab, max_seq_len) if exhaustive else random_inputs(vocab, max_seq_len, n_random, seed),
                total, exhaustive)
    tokens = [t for t in vocab if token_key(t) != token_key(first)]
    total = 1 + count_inputs(len(tokens), max_seq_len - 1)
    exhaustive = total <= EXHAUSTIVE_LIMIT
    tails = (itertools.chain([[]], all_inputs(tokens, max_seq_len - 1)) if exhaustive
             else (xs[1:] for xs in random_inputs(tokens, max_seq_len, n_random, seed)))
    return ([first, *xs] for xs in tails), total, exhaustive


def _chunks(items: Iterator[list], size: int) -> Iterator[list[list]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


# ------------------------------------------------------------------------------------------ reading s-ops


@dataclass
class _Reader:
    """How to read one s-op from a residual vector, and in which snapshots that read-out holds.

    A categorical s-op holds value v when its read-out is v's one-hot: v's row near 1, every other row
    near 0 (each within 0.5). That is stricter than the argmax that decodes the output: a stray -1 in
    another value's dimension decodes fine here but misleads the next attention query, and it is the
    first departure that the report must name.
    """

    expr: rasp.SOp
    snapshots: set[int]  # where the read-out holds: after the s-op is written, before it is erased
    matrix: np.ndarray  # [rows, d_model]: one row per represented value, or one row for a number
    values: Optional[list]  # categorical: the value of each row; None: numerical
    line: Optional[NumberLine] = None  # numerical: how floats are judged
    unrepresented: tuple = ()  # values the model does not hold (nothing needs them told apart): read as None
    from_labels: bool = False  # values are label text: match by text, and a value without a dim is unrepresented
    scores: bool = False  # rows hold class scores (a LinearClassifier), read by their argmax, not as a one-hot
    compact: bool = False  # rows are a compact s-op's detectors: the held value's near 1, every other's <= -1

    def departs(self, residual: np.ndarray, expected: Any) -> Optional[tuple[Any, str]]:
        """None if `residual` [d_model] holds `expected`; else (what it holds, which row reads wrong)."""
        x = self.matrix @ residual
        if self.scores:  # the largest score wins, whatever its size (a one-hot's value reads near 1)
            got = self.values[int(np.argmax(x))] if len(x) else None
            return None if same_value(got, expected) else (got, f"{self.expr.label}'s best class score is {got!r}")
        if self.values is None:
            want = 0.0 if expected is None else float(expected)
            if self.line.same(x[:1], np.array([want]))[0]:
                return None
            return float(x[0]), f"{self.expr.label}:num reads {x[0]:.6g}"
        target = np.zeros(len(self.values))
        if expected is not None and not any(same_value(expected, u) for u in self.unrepresented):
            j = next((j for j, v in enumerate(self.values) if self._matches(v, expected)), None)
            if j is not None:
                target[j] = 1.0
            elif not self.from_labels:
                return self._decode(x), f"{self.expr.label} has no dimension for {expected!r}"
        deviation = np.abs(x - target)
        if self.compact:  # a detector of another value reads at most -1 exactly: within 0.5 of that
            deviation = np.where(target == 1.0, deviation, np.maximum(x + 1.0, 0.0))
        if not len(x) or deviation.max() < 0.5:
            return None
        j = int(np.argmax(deviation))
        return self._decode(x), f"{self.expr.label}:{self.values[j]} reads {x[j]:.3g}"

    def _matches(self, v: Any, expected: Any) -> bool:
        # a label holds its value as text ("out:10" for the int 10 and the string '10' alike): match by the text
        return same_value(v, expected) or (self.from_labels and str(v) == str(expected))

    def _decode(self, x: np.ndarray) -> Any:
        j = int(np.argmax(x)) if len(x) else 0
        return self.values[j] if len(x) and x[j] >= 0.5 else None


def _compiled_readers(compiled: Any, program: rasp.SOp) -> list[_Reader]:
    """Readers from a CompiledModel's layouts: its read-out matrices and when each holds."""
    from weightsmith.compiler.graph import build_graph

    graph = build_graph(program)
    n_snapshots = 1 + 2 * len(compiled.config.layers)
    readers = []
    for expr in graph.order:
        layout = compiled.layouts.get(graph.label(expr))
        if not isinstance(expr, rasp.SOp) or layout is None or layout.helper:
            continue
        valid = {k for k in range(n_snapshots) if layout.valid_after(k - 1)}
        if layout.encoding == "numerical":
            if layout.unrepresented:
                continue  # its one dimension was pruned (nothing reads it): the number is not in the model
            readers.append(_Reader(expr, valid, layout.readout, None, NumberLine(layout.values)))
            continue
        rows = [j for j, v in enumerate(layout.values) if v not in layout.unrepresented]
        readers.append(_Reader(expr, valid, layout.readout[rows], [layout.values[j] for j in rows],
                               unrepresented=tuple(layout.unrepresented), scores=layout.scores,
                               compact=layout.compact))
    return readers


def _label_readers(model: Any, program: rasp.SOp) -> list[_Reader]:
    """Readers from residual labels alone: "label:value" dims (categorical), one "label:..." dim (numerical).

    An s-op is read in the snapshots whose labels give its dimensions to it, from the first sublayer in
    such a run whose weights write to them (before that its dimensions are legitimately empty).
    """
    labels = snapshot_labels(model.config)
    written = written_dims(model)
    identity = np.eye(model.config.d_model)
    readers = []
    for expr in rasp.topological_order(program):
        if not isinstance(expr, rasp.SOp):
            continue
        slot_of, valid = live_snapshots(labels, written, expr.label)
        dims = sorted(slot_of)
        if not dims or code_slots(slot_of.values()):
            continue
        if not rasp.is_numerical(expr):
            # a learned program's output holds class scores (config.output_scores), read by their argmax
            scores = model.config.output_scores and expr.label == model.config.output_label
            readers.append(_Reader(expr, valid, identity[dims], [label_value(slot_of[d]) for d in dims],
                                   from_labels=True, scores=scores))
        elif len(dims) == 1:
            try:
                values = rasp.value_set(expr, model.config.vocab, model.config.max_seq_len)
            except rasp.ValueSetError:
                continue  # nothing to judge its floats by
            if expr.label == model.config.output_label:  # the model's own output values are points too
                values = [*values, *model.config.output_values]  # (`_output_line` says why)
            line = NumberLine(values)
            readers.append(_Reader(expr, valid, identity[dims], None, line))
    return readers


def _readers(model_or_compiled: Any, program: rasp.SOp) -> list[_Reader]:
    if hasattr(model_or_compiled, "layouts"):
        return _compiled_readers(model_or_compiled, program)
    return _label_readers(_unwrap(model_or_compiled), program)


def unread_sops(model_or_compiled: Any, program: rasp.SOp) -> tuple[str, ...]:
    """The program's s-ops (other than tokens and indices) the model holds no read-out for."""
    read = {id(reader.expr) for reader in _readers(model_or_compiled, program)}
    return tuple(e.label for e in rasp.topological_order(program) if isinstance(e, rasp.SOp) and id(e) not in read
                 and not isinstance(e, (rasp.TokensType, rasp.IndicesType)))


def first_departure(model_or_compiled: Any, program: rasp.SOp, xs: Sequence) -> Optional[Departure]:
    """The first (sublayer, s-op, position) where the model's residual on input `xs` (without BOS)
    disagrees with the interpreter's trace of `program`; None if every s-op reads right everywhere."""
    model = _unwrap(model_or_compiled)
    xs = list(xs)
    readers = _readers(model_or_compiled, program)
    with torch.inference_mode():
        _, residuals = model(model.encode([[model.config.bos, *xs]]), return_residuals=True)
    snapshots = [r[0].double().cpu().numpy() for r in residuals]
    trace = evaluate_columns(program, make_batch([xs]))
    lengths = np.array([len(xs)])
    for k, snapshot in enumerate(snapshots):
        for reader in readers:
            if k not in reader.snapshots or id(reader.expr) not in trace:
                continue  # a loop body's s-ops have a value per iteration, not one to compare
            for i, expected in enumerate(trace[id(reader.expr)].values(lengths)[0]):
                wrong = reader.departs(snapshot[i + 1], expected)  # position 0 is BOS
                if wrong is not None:
                    return Departure(k, sublayer_name(k), reader.expr.label, wrong[1], i, expected, wrong[0])
    return None


# ------------------------------------------------------------------------------------------ the check


class _OutputComparer:
    """Compares a chunk's final residuals with the interpreter's output Column, vectorised."""

    def __init__(self, model: Any, line: Optional[NumberLine]):
        self.model = model
        self.config = model.config
        self.line = line
        self.max_error = 0.0

    def mismatches(self, final: torch.Tensor, expected: Column) -> tuple[np.ndarray, np.ndarray]:
        """[B, L] bool mask of wrong positions, and the model's outputs [B, L] (object)."""
        out = self.model.readout(final[:, 1:])[..., :self.config.n_output_logits()].double().cpu().numpy()  # no BOS
        L = expected.codes.shape[1]
        valid = expected.codes >= 0
        # without type dims a model decodes each value as the type it stored: int 1 and float 1.0 are two outputs
        typed = self.config.output_types is None
        if self.line is not None:
            got = out[:, :L, 0]
            table = np.array([0.0 if v is None else float(v) for v in expected.table] + [0.0])
            want = table[expected.codes]
            self.max_error = max(self.max_error, float(np.abs(got - want)[valid].max(initial=0.0)))
            wrong, shown = ~self.line.same(got, want) & valid, got.astype(object)
            if typed and self.config.output_values:
                differ, decoded = self._number_types_differ(got, expected)
                shown = np.where(differ, decoded, shown)  # reported as decoded: 0 where 0.0 is expected
                wrong |= differ & valid
            return wrong, shown
        outputs = self.config.output_values
        same = same_output if typed else same_value  # with type dims, `type_mismatches` judges the type
        index = np.full(len(expected.table) + 1, -1, dtype=np.int64)  # the dim of each value; -1: None
        for c, v in enumerate(expected.table):
            if v is not None:  # -2: a value the model has no dim for, so never outputs
                index[c] = next((j for j, o in enumerate(outputs) if same(o, v)), -2)
        want = index[expected.codes]
        chosen = np.where(out[:, :L].max(-1) >= 0.5, out[:, :L].argmax(-1), -1)
        lookup = np.array(list(outputs) + [None], dtype=object)
        return (chosen != want) & valid, lookup[chosen]

    def _number_types_differ(self, got: np.ndarray, expected: Column) -> tuple[np.ndarray, np.ndarray]:
        """[B, L] where the model's float decodes (as `Transformer.decode` snaps it: the nearest of its
        output values) to an int and the interpreter's number is a float, or the other way round; and
        the decoded values [B, L] (object)."""
        values = sorted(self.config.output_values, key=float)
        nearest = nearest_index(np.array([float(v) for v in values]), got)
        is_int = np.array([isinstance(v, int) and _is_number(v) for v in values])[nearest]
        kinds = [(_is_number(v), isinstance(v, int)) for v in expected.table] + [(False, False)]
        number, want_int = (np.array(k)[expected.codes] for k in zip(*kinds))
        return number & (is_int != want_int), np.array(values, dtype=object)[nearest]

    def type_mismatches(self, final: torch.Tensor, expected: Column, got: np.ndarray) -> np.ndarray:
        """[B, L] bool mask of positions whose decoded type (the largest `output_types` dim names it) is
        not the interpreter's; `got` is cast to the decoded type there, for the report. Positions where
        the interpreter gives None, or the model keeps the stored type ("value"), are not judged."""
        types = self.config.output_types
        L = expected.codes.shape[1]
        scores = self.model.readout(final[:, 1:L + 1])[..., self.config.n_output_logits():]
        picked = scores.argmax(-1).cpu().numpy()
        names = np.array(types["types"], dtype=object)[picked]
        want = np.array([type(v).__name__ if v is not None else VALUE_TYPE for v in expected.table] + [VALUE_TYPE],
                        dtype=object)[expected.codes]
        wrong = (want != VALUE_TYPE) & (names != VALUE_TYPE) & (names != want) & (expected.codes >= 0)
        for b, i in zip(*np.nonzero(wrong)):
            got[b, i] = _TYPES[names[b, i]](got[b, i]) if got[b, i] is not None else None
        return wrong


def _output_line(model_or_compiled: Any, program: rasp.SOp, vocab: list, max_seq_len: int) -> Optional[NumberLine]:
    """How numerical outputs are judged: by the values the model says its output takes (the compiler's
    record, kept in the saved config too) together with the program's. The model's own values must be
    points: judged by the program's alone, a model of another program that outputs 1 where the program
    says 0 reads as 0 whenever the program's next value is farther away (its values {0, 10}), and passes."""
    config = _unwrap(model_or_compiled).config
    if config.output_encoding != "numerical":
        return None
    values = list(config.output_values)  # a CompiledModel's `output_values` are the same list
    try:
        values += rasp.value_set(program, vocab, max_seq_len)
    except rasp.ValueSetError:  # a function raising on a value the static analysis deems possible (log of
        if not values:  # 0 where no input makes 0): the model's values are the points, as they always were
            raise
    text = min((v for v in values if not isinstance(v, (int, float))), key=repr, default=None)
    if text is not None:  # it was "could not convert string to float: 'b'" (a model of frac_a, verified as reverse)
        raise ValueError(f"the model's output {config.output_label!r} is a number, the program's {program.label!r} "
                         f"can be {text!r}: the model computes another program")
    return NumberLine(values)


def _unwrap(model_or_compiled: Any) -> Any:
    """The Transformer inside a CompiledModel (or the Transformer itself)."""
    model = getattr(model_or_compiled, "model", model_or_compiled)
    if not isinstance(model, torch.nn.Module) or not hasattr(model, "config"):
        raise TypeError(f"verify needs a weightsmith Transformer or a compiled model, got {type(model_or_compiled).__name__}")
    return model


def verify(
    model_or_compiled: Any,
    program: rasp.SOp,
    vocab: Optional[Sequence] = None,
    max_seq_len: Optional[int] = None,
    n_random: int = 10_000,
    seed: int = 0,
    progress: bool = False,
) -> VerifyReport:
    """Compare the model with the interpreter on all inputs (if at most 100,000) or on `n_random` random ones.

    `vocab` and `max_seq_len` default to the model's; a causal model is compared with the program's causal
    form. Inputs where the *program* is undefined (the interpreter raises) have nothing to compare against:
    they are counted (`n_undefined`), not compared. `progress` shows a progress bar (the CLI's choice).
    """
    model = _unwrap(model_or_compiled)
    config = model.config
    if not isinstance(program, rasp.SOp):
        raise TypeError(f"verify needs the program's output s-op, got {type(program).__name__} {program!r}")
    check_filled(program, ValueError)  # else "undefined on every input", as if written for another vocabulary
    vocab = sorted(config.vocab if vocab is None else vocab, key=repr)
    max_seq_len = config.max_seq_len if max_seq_len is None else max_seq_len
    from weightsmith.compiler.causal import causal_program, looks_back_only

    # the causal form only for a model asked for it (compile --causal); a program that looks back only is its own
    causal = config.computes_causal_form() and not looks_back_only(program, config.max_seq_len)
    if causal:
        program = causal_program(program)[0]
    if max_seq_len > config.max_seq_len:
        raise ValueError(f"max_seq_len={max_seq_len} is longer than the model's max_seq_len={config.max_seq_len}")
    # zero inputs would be reported as a program "undefined on every one of the 0 inputs"
    if n_random < 1 or max_seq_len < 1 or not vocab:
        raise ValueError(f"nothing to check: n_random={n_random}, max_seq_len={max_seq_len}, vocab={vocab} "
                         "(each needs at least 1)")
    foreign = not_tokens(vocab, config.vocab)  # by a set: a dictionary-scale vocabulary has ~70k tokens
    if foreign:  # else the model refused the first input holding one, naming only its position
        raise ValueError(f"vocab holds {foreign[0]!r}, which the model's vocabulary {config.vocab} does not "
                         "(tokens match by type as well as value)")
    compared, total, exhaustive = inputs(vocab, max_seq_len, n_random, seed, config.first_token)
    comparer = _OutputComparer(model, _output_line(model_or_compiled, program, vocab, max_seq_len))
    n_checked = n_bad = n_undefined = n_at_bos = 0
    first: Optional[tuple[list, int, Any, Any]] = None
    first_at_bos = False  # `first` differs only at a learned program's BOS position: one wrong past it replaces it
    skip = 0 if config.first_token is None else 1  # a learned program's BOS position, which no task of `learn` labels
    first_undefined: Optional[str] = None
    bar = tqdm(total=total if exhaustive else n_random, desc=f"verify {program.label}", unit="input",
               disable=not progress, leave=False)
    with torch.inference_mode(), torch_threads(forward_work(model, CHUNK * (config.max_seq_len + 1))):
        for chunk in _chunks(compared, CHUNK):
            bar.update(len(chunk))
            given = chunk
            chunk, expected = evaluate_defined(program, given)
            n_undefined += len(given) - len(chunk)
            if first_undefined is None and len(chunk) < len(given):
                first_undefined = _undefined_on(program, given, vocab)
            if not chunk:
                continue
            final = model(model.encode([[config.bos, *xs] for xs in chunk]))
            wrong, got = comparer.mismatches(final, expected)
            if config.output_types is not None:
                wrong |= comparer.type_mismatches(final, expected, got)
            bad = wrong.any(-1)
            if config.loop is not None:  # a looped model: its step count and halt flag must agree too
                loop_wrong, loop_got, loop_want = _loop_mismatches(model, final, program, chunk)
                if first is None and loop_wrong.any() and not bad[:np.argmax(loop_wrong) + 1].any():
                    b = int(np.argmax(loop_wrong))
                    first = (chunk[b], 0, loop_want[b], loop_got[b])
                bad |= loop_wrong
            bad_rows = np.flatnonzero(bad)
            past = np.flatnonzero(wrong[:, skip:].any(-1))  # inputs whose output is wrong past that position
            case = lambda b, i: (chunk[b], i, expected.table[expected.codes[b, i]], _plain(got[b, i]))  # noqa: E731
            if (first is None or first_at_bos) and len(past):
                b = int(past[0])
                first, first_at_bos = case(b, skip + int(np.flatnonzero(wrong[b, skip:])[0])), False
            elif first is None and skip and len(bad_rows):
                first, first_at_bos = case(int(bad_rows[0]), 0), True
            if skip:
                n_at_bos += len(bad_rows) - len(past)
            n_bad += len(bad_rows)
            n_checked += len(chunk)
    bar.close()
    mismatch = None
    if first is not None:
        mismatch = Mismatch(*first, first_departure(model_or_compiled, program, first[0]),
                            unread_sops(model_or_compiled, program), (config.output_label, program.label))
    numerical = comparer.line is not None
    return VerifyReport(n_checked, exhaustive, n_bad, mismatch, comparer.max_error if numerical else None,
                        comparer.line.margin if numerical else None, causal, n_undefined, first_undefined,
                        config.first_token, n_at_bos)


def _loop_mismatches(model: Any, final: torch.Tensor, program: rasp.SOp, chunk: list[list]
                     ) -> tuple[np.ndarray, list[str], list[str]]:
    """Per input, whether the model's loop status (steps taken, halted) differs from the interpreter's,
    and both as text ("steps 3, halted True")."""
    loop = next(e for e in rasp.topological_order(program) if isinstance(e, rasp.Loop))
    steps, halted = model.loop_status(final)
    status = rasp.SequenceMap(lambda s, h: (s, h), loop.steps, loop.halted)
    want = [row[0] for row in rasp.evaluate_batch(status, chunk)]
    got = list(zip(steps, halted))
    text = lambda s: f"steps {s[0]}, halted {s[1]}"
    return (np.array([g != w for g, w in zip(got, want)]), [text(g) for g in got], [text(w) for w in want])


def _undefined_on(program: rasp.SOp, chunk: list[list], vocab: Sequence) -> Optional[str]:
    """The first input of `chunk` the program is undefined on, with the interpreter's error (and the
    vocabulary: a program written for another vocabulary fails on the model's tokens)."""
    for xs in chunk:
        try:
            evaluate_all(program, xs)  # as `evaluate_defined` reads it: an annotated domain is not checked
        except rasp.EvaluationError as err:
            return f"input {xs} (over the model's vocabulary {list(vocab)}): {err}"
    return None


def _plain(v: Any) -> Any:
    return v.item() if isinstance(v, np.generic) else v


def evaluate_defined(program: rasp.SOp, chunk: list[list]) -> tuple[list[list], Optional[Column]]:
    """The inputs of `chunk` where the program is defined, and its output on them (None if there are none).

    A chunk the interpreter raises on is split in halves until the inputs it raises on stand alone:
    a few undefined inputs cost a few batched runs each, not one run per input.
    """
    try:
        return chunk, evaluate_columns(program, make_batch(chunk))[id(program)]
    except rasp.EvaluationError:
        if len(chunk) == 1:
            return [], None
    middle = len(chunk) // 2
    left, right = evaluate_defined(program, chunk[:middle]), evaluate_defined(program, chunk[middle:])
    defined = left[0] + right[0]
    if not left[0] or not right[0]:
        return defined, left[1] if left[0] else right[1]
    return defined, evaluate_columns(program, make_batch(defined))[id(program)]


@dataclass(frozen=True)
class CausalDifference:
    """An input on which a program and its causal form (what a causal model computes) give different outputs."""

    input: list
    program_output: list
    causal_output: list


def causal_difference(program: rasp.SOp, vocab: Sequence, max_seq_len: int, n_random: int = 10_000,
                      seed: int = 0) -> Optional[CausalDifference]:
    """The first input (of all inputs when there are at most `EXHAUSTIVE_LIMIT`, else of `n_random` random
    ones) on which the program's causal form differs from the program; None if there is none among them.
    Inputs on which either is undefined are skipped: verify reports those."""
    from weightsmith.compiler.causal import causal_program, looks_back_only

    if looks_back_only(program, max_seq_len):
        return None  # the program is its causal form
    causal = causal_program(program)[0]
    vocab = sorted(vocab, key=repr)
    for chunk in _chunks(inputs(vocab, max_seq_len, n_random, seed)[0], CHUNK):
        plain, masked = outputs_where_defined(program, chunk), outputs_where_defined(causal, chunk)
        for xs in chunk:
            a, b = plain.get(tuple(xs)), masked.get(tuple(xs))
            if a is not None and b is not None and not all(map(same_value, a, b)):
                return CausalDifference(xs, a, b)
    return None


def outputs_where_defined(program: rasp.SOp, chunk: list[list]) -> dict[tuple, list]:
    """The program's output on each input of `chunk` where it is defined (`evaluate_defined`), by input."""
    defined, column = evaluate_defined(program, chunk)
    if not defined:
        return {}
    rows = column.values(np.array([len(xs) for xs in defined]))
    return {tuple(xs): row for xs, row in zip(defined, rows)}
