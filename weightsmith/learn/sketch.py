"""Fit a sketch's holes to examples: hand-written structure, learned tables and predicates.

    from weightsmith import rasp
    from weightsmith.learn.sketch import fit

    kind = rasp.Learnable.map(rasp.tokens, values=[0, 1]).named("kind")        # a table to learn
    same = rasp.Select(kind, kind, rasp.Comparison.EQ)                           # hand-written
    count = rasp.SelectorWidth(same).named("count")
    result = fit(count, examples)            # examples: [(input tokens, output per position), ...]
    result.program                           # an ordinary RASP program: the sketch with its holes filled

The recipe is the one `weightsmith.learn` uses for Transformer Programs, applied to holes only: relax
every hole (Gumbel-softmax over a table's outputs, Gumbel-sigmoid over a predicate's cells), anneal the
temperature while gradient descent fits the examples through the differentiable interpreter
(`learn.soft`), keep the discretised filling that scores best (of `restarts` runs), then search edits
of the discrete holes (single entries, and moves of a predicate's match within a query's column) on the
training examples. The hand-written parts never change. The result is checked by running it in the
ordinary interpreter; compiling it is `compile_rasp_to_model` as for any program.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import torch
import torch.nn.functional as F

from weightsmith import rasp
from weightsmith.learn.soft import SketchError, SoftProgram, discretise, is_number, value_key
from weightsmith.learn.train import check_settings
from weightsmith.rasp.value_set import first_repeat
from weightsmith.rasp.errors import EvaluationError
from weightsmith.rasp.holes import Hole, LearnableSelect, holes
from weightsmith.rasp.typed_tokens import token_key

Example = tuple[Sequence[Any], Sequence[Any]]  # (input tokens, the output at each position; None: unscored)


@dataclass
class FitResult:
    program: rasp.SOp  # the sketch's copy with every hole filled
    fillings: dict[str, dict]  # hole label -> its table (argument tuple -> value)
    train_accuracy: float  # share of scored positions right, on the training examples
    train_sequence_accuracy: float  # share of examples entirely right
    epochs: int  # summed over restarts
    gradient_seconds: float
    search_seconds: float
    search_edits: int
    history: list[dict] = field(default_factory=list)


def _targets(model: SoftProgram, examples: Sequence[Example]) -> torch.Tensor:
    domain = {value_key(v): j for j, v in enumerate(model.domains[id(model.program)])}
    width = max(len(x) for x, _ in examples)
    out = torch.full((len(examples), width), -100, dtype=torch.long)
    for b, (xs, ys) in enumerate(examples):
        if len(ys) != len(xs):
            raise SketchError(f"example {b}: {len(xs)} input tokens but {len(ys)} outputs (one per position)")
        for t, y in enumerate(ys):
            if y is None:
                continue
            if value_key(y) not in domain:
                raise SketchError(f"example {b}, position {t}: the output {y!r} is not a value the sketch can "
                                  f"produce ({model.program.label}'s values: {model.domains[id(model.program)]})")
            out[b, t] = domain[value_key(y)]
    return out


def accuracy(program: rasp.SOp, examples: Sequence[Example], *, lenient: bool = True) -> tuple[float, float]:
    """(share of scored positions right, share of examples entirely right), by the ordinary interpreter.

    A filling can make a categorical Aggregate select several positions, which the interpreter refuses
    (an EvaluationError). `lenient`: the examples it fails on count as wrong (each example is then run
    alone); otherwise the whole filling scores (-1, -1), below every filling that runs: what the search
    wants, as it only compares, and running every example alone would make each broken trial slow."""
    inputs = [list(x) for x, _ in examples]
    try:
        outputs = rasp.evaluate_batch(program, inputs)
    except EvaluationError:
        if not lenient:
            return -1.0, -1.0
        outputs = [evaluate_or_none(program, x) for x in inputs]
    right = scored = whole = 0
    for out, (_, ys) in zip(outputs, examples):
        ok = [out is not None and o == y and (type(o) is type(y) or is_number(o) and is_number(y))
              for o, y in zip(out or ys, ys) if y is not None]
        right, scored, whole = right + sum(ok), scored + len(ok), whole + all(ok)
    return right / max(1, scored), whole / max(1, len(examples))


def evaluate_or_none(program: rasp.SOp, tokens: list) -> Optional[list]:
    """The interpreter's outputs, or None where it refuses the input (a filling's Aggregate selects several values)."""
    try:
        return rasp.evaluate(program, tokens)
    except EvaluationError:
        return None


def _fill(sketch: rasp.SOp, fillings: dict[int, dict]) -> tuple[rasp.SOp, list[Hole]]:
    """A copy of the sketch with its holes filled (the sketch itself is left empty): holes are matched by
    their place in the graph, so the copy's holes are the sketch's."""
    program = copy.deepcopy(sketch)
    originals, copies = holes(sketch), holes(program)
    for original, hole in zip(originals, copies):
        hole.fill(fillings[original.unique_id])
    return program, copies


def fit(
    sketch: rasp.SOp,
    examples: Sequence[Example],
    vocab: Optional[Sequence] = None,
    max_seq_len: Optional[int] = None,
    *,
    epochs: int = 60,
    batch_size: int = 64,
    lr: float = 0.1,
    tau_start: float = 3.0,
    tau_end: float = 0.05,
    seed: int = 0,
    restarts: int = 1,
    search_seconds: float = 30.0,
) -> FitResult:
    """Fill every hole of `sketch` so that it computes `examples`' outputs (see the module docstring).

    With `restarts = n`, gradient descent runs from seeds seed, ..., seed + n - 1 (stopping at the first
    that is perfect on the examples) and the search starts from the best discretised filling of all."""
    if not holes(sketch):
        raise SketchError("the sketch has no holes (rasp.Learnable.map / sequence_map / select): nothing to fit")
    if not examples:
        raise SketchError("no examples to fit")
    vocab = example_tokens(examples) if vocab is None else list(vocab)
    repeat = first_repeat(vocab)
    if repeat is not None:  # a set (the value sets', the compiler's) keeps one of them: one table entry for two
        first, second = (vocab[i] for i in repeat)
        raise SketchError(f"the vocabulary's tokens {first!r} and {second!r} are equal as values "
                          f"({first!r} == {second!r}), so a table holds one entry for both; write them alike")
    max_seq_len = max(len(x) for x, _ in examples) if max_seq_len is None else max_seq_len
    check_settings("fit", {"epochs": epochs, "batch_size": batch_size, "restarts": restarts},
                   {"lr": lr, "tau_start": tau_start, "tau_end": tau_end}, SketchError,
                   spreads={"search_seconds": search_seconds})
    for b, (xs, _) in enumerate(examples):  # else an empty one failed in the value sets, a long one as an output
        if not 1 <= len(xs) <= max_seq_len:
            raise SketchError(f"example {b} has {len(xs)} input tokens; 1..max_seq_len={max_seq_len} are allowed")
    settings = _Descent(epochs, batch_size, lr, tau_start, tau_end)
    start = time.process_time()
    history: list[dict] = []
    best: Optional[tuple[tuple[float, float], dict[int, dict]]] = None
    for run_seed in range(seed, seed + restarts):
        found = _descend(sketch, examples, vocab, max_seq_len, settings, run_seed, history)
        if best is None or found[0] > best[0]:
            best = found
        if best[0] == (1.0, 1.0):
            break
    assert best is not None
    for record in history:  # CPU seconds since the fit started, at the end of each epoch
        record["cpu_seconds"] -= start
    gradient_seconds = time.process_time() - start
    (score, fillings) = best
    fillings, score, edits, search_time = _search(sketch, fillings, score, examples, search_seconds)
    program, filled = _fill(sketch, fillings)
    return FitResult(program, {h.label: dict(h.table.entries) for h in filled}, score[0], score[1], len(history),
                     gradient_seconds, search_time, edits, history)


def example_tokens(examples: Sequence[Example]) -> list:
    """The examples' input tokens, each once, sorted by repr: the vocabulary when none is given. Typed, as the
    examples hold them (1, 1.0 and True are three tokens here, so `fit` can name the clash; a set merges them)."""
    return sorted({token_key(t): t for x, _ in examples for t in x}.values(), key=repr)


@dataclass(frozen=True)
class _Descent:
    epochs: int
    batch_size: int
    lr: float
    tau_start: float
    tau_end: float


def _descend(sketch: rasp.SOp, examples: Sequence[Example], vocab: list, max_seq_len: int, settings: _Descent,
             seed: int, history: list[dict]) -> tuple[tuple[float, float], dict[int, dict]]:
    """One gradient-descent run from `seed`: the best discretised filling of its epochs, with its score
    (by the ordinary interpreter). Each epoch's record is appended to `history`."""
    torch.manual_seed(seed)
    model = SoftProgram(sketch, vocab, max_seq_len, seed=seed)
    batch = model.encode([x for x, _ in examples])
    targets = _targets(model, examples)
    optimizer = torch.optim.Adam(model.parameters(), lr=settings.lr)
    order = torch.Generator().manual_seed(seed + 1)
    noise = torch.Generator().manual_seed(seed + 2)
    steps = max(1, settings.epochs * -(-len(examples) // settings.batch_size))
    decay = (settings.tau_end / settings.tau_start) ** (1 / max(1, steps - 1))
    tau, best = settings.tau_start, None
    for epoch in range(settings.epochs):
        for index in torch.randperm(len(examples), generator=order).split(settings.batch_size):
            part = batch[index]
            probs = model(part, tau, noise)
            y = targets[index][:, : probs.shape[1]]
            # sums of products of probabilities can round a hair below 0: clamped, so that the log is defined
            loss = F.nll_loss(torch.log(probs.clamp_min(0) + 1e-9).flatten(0, 1), y.flatten(), ignore_index=-100)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            tau *= decay
        fillings = discretise(model)
        candidate, _ = _fill(sketch, fillings)
        score = accuracy(candidate, examples)
        history.append({"seed": seed, "epoch": epoch, "loss": float(loss.detach()), "tau": tau, "accuracy": score[0],
                        "cpu_seconds": time.process_time()})
        if best is None or score > best[0]:
            best = (score, fillings)
        if score == (1.0, 1.0):
            break
    assert best is not None
    return best


def _search(sketch: rasp.SOp, fillings: dict[int, dict], score: tuple[float, float], examples: Sequence[Example],
            seconds: float) -> tuple[dict[int, dict], tuple[float, float], int, float]:
    """Edits of the discrete holes (`_edits`), kept when they raise training accuracy, until a sweep finds
    none or `seconds` (CPU) run out. The edits are made in place on one filled copy of the sketch (and
    undone when they do not help), not on a new copy per trial."""
    start = time.process_time()
    edits = 0
    program, filled = _fill(sketch, fillings)
    copy_of = {original.unique_id: hole for original, hole in zip(holes(sketch), filled)}
    improved = score < (1.0, 1.0)
    while improved and time.process_time() - start < seconds:
        improved = False
        for hole_id in fillings:
            table = copy_of[hole_id].table.entries
            for change in _edits(copy_of[hole_id]):
                if time.process_time() - start >= seconds:
                    break
                if all(table[key] == value for key, value in change.items()):
                    continue
                kept = {key: table[key] for key in change}
                table.update(change)
                trial_score = accuracy(program, examples, lenient=False)
                if trial_score > score:
                    score, edits, improved = trial_score, edits + 1, True
                else:
                    table.update(kept)
    fillings = {hole_id: dict(copy_of[hole_id].table.entries) for hole_id in fillings}
    return fillings, score, edits, time.process_time() - start


def _edits(hole: Hole):
    """The edits the search tries on one hole, each a {argument tuple: new value} change: every single
    entry set to each other value; for a predicate also every *move* within a query's column (one matching
    key value stops matching and another starts). A move is what a one-to-one predicate such as
    "rank == position" needs to change its mind: either half alone makes the query select two positions or
    none, which scores worse than both, so single edits never get there. Generated from the current
    table, so later edits see earlier accepted ones."""
    table = hole.table.entries
    predicate = isinstance(hole, LearnableSelect)
    options = [True, False] if predicate else hole.table.values
    if not (predicate and hole.one_key):  # a one-key predicate changes its mind by moves only
        for key in list(table):
            for option in options:
                yield {key: option}
    if not predicate:
        return
    columns: dict[Any, list[tuple]] = {}
    for key in table:
        columns.setdefault(key[1], []).append(key)
    for cells in columns.values():
        for on in cells:
            for off in cells:
                if table[on] and not table[off]:
                    yield {on: False, off: True}


def holes_to_json(fillings: dict[str, dict]) -> list[dict]:
    """The learned tables as JSON-ready rows: [{"hole": label, "entries": [[args..., value], ...]}]."""
    return [{"hole": label, "entries": [[*key, value] for key, value in table.items()]}
            for label, table in fillings.items()]


def fill_from_json(sketch: rasp.SOp, rows: list[dict]) -> rasp.SOp:
    """The sketch filled from `holes_to_json`'s rows (matched by hole label), as a copy."""
    tables = {row["hole"]: {tuple(entry[:-1]): entry[-1] for entry in row["entries"]} for row in rows}
    missing = [hole.label for hole in holes(sketch) if hole.label not in tables]
    if missing:
        raise SketchError(f"no table for hole {missing[0]!r} (tables for: {', '.join(tables)})")
    return _fill(sketch, {hole.unique_id: tables[hole.label] for hole in holes(sketch)})[0]


__all__ = ["FitResult", "fit", "accuracy", "evaluate_or_none", "holes_to_json", "fill_from_json", "SketchError"]
