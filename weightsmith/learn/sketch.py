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
(`learn.soft`), keep the discretised filling that scores best, then search single-entry edits of the
discrete holes on the training examples. The hand-written parts never change. The result is checked
by running it in the ordinary interpreter; compiling it is `compile_rasp_to_model` as for any program.
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
from weightsmith.rasp.holes import Hole, LearnableSelect, holes

Example = tuple[Sequence[Any], Sequence[Any]]  # (input tokens, the output at each position; None: unscored)


@dataclass
class FitResult:
    program: rasp.SOp  # the sketch's copy with every hole filled
    fillings: dict[str, dict]  # hole label -> its table (argument tuple -> value)
    train_accuracy: float  # share of scored positions right, on the training examples
    train_sequence_accuracy: float  # share of examples entirely right
    epochs: int
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


def accuracy(program: rasp.SOp, examples: Sequence[Example]) -> tuple[float, float]:
    """(share of scored positions right, share of examples entirely right), by the ordinary interpreter."""
    outputs = rasp.evaluate_batch(program, [list(x) for x, _ in examples])
    right = scored = whole = 0
    for out, (_, ys) in zip(outputs, examples):
        ok = [o == y and (type(o) is type(y) or is_number(o) and is_number(y)) for o, y in zip(out, ys) if y is not None]
        right, scored, whole = right + sum(ok), scored + len(ok), whole + all(ok)
    return right / max(1, scored), whole / max(1, len(examples))


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
    search_seconds: float = 30.0,
) -> FitResult:
    """Fill every hole of `sketch` so that it computes `examples`' outputs (see the module docstring)."""
    if not holes(sketch):
        raise SketchError("the sketch has no holes (rasp.Learnable.map / sequence_map / select): nothing to fit")
    if not examples:
        raise SketchError("no examples to fit")
    vocab = sorted({t for x, _ in examples for t in x}, key=repr) if vocab is None else list(vocab)
    max_seq_len = max(len(x) for x, _ in examples) if max_seq_len is None else max_seq_len
    torch.manual_seed(seed)
    model = SoftProgram(sketch, vocab, max_seq_len, seed=seed)
    batch = model.encode([x for x, _ in examples])
    targets = _targets(model, examples)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    order = torch.Generator().manual_seed(seed + 1)
    noise = torch.Generator().manual_seed(seed + 2)
    steps = max(1, epochs * -(-len(examples) // batch_size))
    decay = (tau_end / tau_start) ** (1 / max(1, steps - 1))
    tau, history, best = tau_start, [], None
    start = time.process_time()
    for epoch in range(epochs):
        for index in torch.randperm(len(examples), generator=order).split(batch_size):
            part = type(batch)(batch.tokens[index], batch.valid[index], batch.lengths[index])
            probs = model(part, tau, noise)
            y = targets[index][:, : probs.shape[1]]
            loss = F.nll_loss(torch.log(probs + 1e-9).flatten(0, 1), y.flatten(), ignore_index=-100)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            tau *= decay
        fillings = discretise(model)
        candidate, _ = _fill(sketch, fillings)
        score = accuracy(candidate, examples)
        history.append({"epoch": epoch, "loss": float(loss.detach()), "tau": tau, "accuracy": score[0]})
        if best is None or score > best[0]:
            best = (score, fillings)
        if score == (1.0, 1.0):
            break
    gradient_seconds = time.process_time() - start
    (score, fillings) = best
    fillings, score, edits, search_time = _search(sketch, fillings, score, examples, search_seconds)
    program, filled = _fill(sketch, fillings)
    return FitResult(program, {h.label: dict(h.table.entries) for h in filled}, score[0], score[1], len(history),
                     gradient_seconds, search_time, edits, history)


def _search(sketch: rasp.SOp, fillings: dict[int, dict], score: tuple[float, float], examples: Sequence[Example],
            seconds: float) -> tuple[dict[int, dict], tuple[float, float], int, float]:
    """Single-entry edits of the discrete holes, kept when they raise training accuracy, until a sweep
    finds none or `seconds` (CPU) run out. The edits are made in place on one filled copy of the sketch
    (and undone when they do not help), not on a new copy per trial."""
    start = time.process_time()
    edits = 0
    program, filled = _fill(sketch, fillings)
    copy_of = {original.unique_id: hole for original, hole in zip(holes(sketch), filled)}
    improved = score < (1.0, 1.0)
    while improved and time.process_time() - start < seconds:
        improved = False
        for hole_id in fillings:
            hole = copy_of[hole_id]
            table = hole.table.entries
            options = [True, False] if isinstance(hole, LearnableSelect) else hole.table.values
            for key in list(table):
                for option in options:
                    if option == table[key] or time.process_time() - start >= seconds:
                        continue
                    kept, table[key] = table[key], option
                    trial_score = accuracy(program, examples)
                    if trial_score > score:
                        score, edits, improved = trial_score, edits + 1, True
                    else:
                        table[key] = kept
    fillings = {hole_id: dict(copy_of[hole_id].table.entries) for hole_id in fillings}
    return fillings, score, edits, time.process_time() - start


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


__all__ = ["FitResult", "fit", "accuracy", "holes_to_json", "fill_from_json", "SketchError"]
