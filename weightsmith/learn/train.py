"""Training a Transformer Program: Adam on the relaxed model while the temperature anneals.

Model selection is on the *discretised* program: after every epoch the current model is discretised
and scored on the validation set; the best program seen (ties: the better one on the training set) is
the result. Training stops early once a program is perfect on validation and training data, or after
`patience` epochs without improvement.

Restarts by successive halving: gradient descent on these models lands in local minima that depend on
the seed (the paper picks the best of 5 seeds per configuration, each trained in full). With
`restarts = n`, n runs (seeds seed, seed+1, ...) start; at a quarter and at half of the epochs the better
half by discretised validation accuracy go on and the rest stop, so 4 seeds cost about 2 full runs. The
discretised accuracy a quarter of the way through predicts the final one well (reverse: 98.1% at epoch
15 of 60, 98.4% at the end).

With `cpu_budget`, training stops before an epoch that would end past the budget (judged by the
slowest epoch so far), and the best program found until then is the result: on a shared machine a run
delivers what it found in its CPU time rather than overrunning it. Programs are selected per epoch
anyway, so a run whose best epoch comes before the stop delivers the same program as without a budget.

Deterministic given the seed: parameters, Gumbel noise and batch order all come from seeded generators
(the same thread count gives the same float reductions).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

import numpy as np
import torch
import torch.nn.functional as F
from tqdm.auto import tqdm

from weightsmith.learn.model import TransformerProgramModel
from weightsmith.learn.program import DiscreteProgram, ProgramConfig, encode_inputs, encode_targets
from weightsmith.model.threads import forward_work, torch_threads


@dataclass(frozen=True)
class TrainSettings:
    epochs: int = 100
    batch_size: int = 128  # the paper used 512; more, smaller steps anneal better on a CPU budget
    lr: float = 0.05
    tau_start: float = 3.0
    tau_end: float = 0.01
    seed: int = 0
    straight_through: str = "none"  # "none", "choices" or "all": hard forward, relaxed gradients (model.py)
    gate_std: float = 0.5  # spread of the initial gate logits (breaks the symmetry between heads)
    identity_bias: float = 0.0  # binary predicates start at key == query by this logit margin (0: at random)
    read_last_layer: bool = False  # the classifier reads only the last layer's variables (the paper: all)
    recency_bias: float = 0.0  # gates start favouring the newest variables by this logit (model.py)
    attention_tau: Optional[float] = None  # cap on the attention softmax temperature (None: tau)
    patience: Optional[int] = None  # epochs without a better validation accuracy before stopping
    balance_lengths: bool = False  # weight each example by 1 / (share of its length): rare lengths count as much
    restarts: int = 1  # seeds started (seed, seed + 1, ...), pruned by successive halving (module docstring)
    cpu_budget: Optional[float] = None  # CPU seconds of this process for all epochs (module docstring)
    progress: bool = False  # a progress bar (the CLI turns it on)
    # called with each epoch's record (epoch, seed, loss, val_acc, ...): how a sweep's scheduler (Ray Tune's
    # ASHA in `weightsmith.learn.sweep`) watches a run and stops it early
    on_epoch: Optional[Callable[[dict], None]] = None
    # called with each run's fresh model before training: e.g. `warm_start` a program into it (learn.warm_start)
    initialise: Optional[Callable[[TransformerProgramModel], None]] = None

    def __post_init__(self) -> None:
        optional = {"patience": self.patience, "attention_tau": self.attention_tau, "cpu_budget": self.cpu_budget}
        on = {name: value for name, value in optional.items() if value is not None}  # None: that feature is off
        check_settings("TrainSettings", {"epochs": self.epochs, "batch_size": self.batch_size,
                                         "restarts": self.restarts, **_only(on, "patience")},
                       {"lr": self.lr, "tau_start": self.tau_start, "tau_end": self.tau_end,
                        **_only(on, "attention_tau", "cpu_budget")},
                       spreads={"gate_std": self.gate_std},
                       margins={"identity_bias": self.identity_bias, "recency_bias": self.recency_bias})


def _only(values: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: values[name] for name in names if name in values}


def _number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value)


def check_settings(owner: str, counts: dict[str, Any], rates: dict[str, Any], error: type = ValueError, *,
                   spreads: dict[str, Any] | None = None, margins: dict[str, Any] | None = None) -> None:
    """Counts (epochs, batch size, restarts) must be ints >= 1, rates (learning rate, temperatures, budgets)
    finite and > 0, spreads (an initial spread, seconds of search) finite and >= 0, margins (initial biases)
    finite: else epochs 0 returned the untrained program as if trained, a batch size or temperature of 0
    divided by zero, restarts 0 raised an IndexError, a NaN bias raised torch's error after the data was
    made, and a NaN budget or search time was ignored without a word."""
    for name, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise error(f"{owner}: {name} must be an int >= 1, got {value!r}")
    for name, value in rates.items():
        if not _number(value) or value <= 0:
            raise error(f"{owner}: {name} must be a finite number > 0, got {value!r}")
    for name, value in (spreads or {}).items():
        if not _number(value) or value < 0:
            raise error(f"{owner}: {name} must be a finite number >= 0, got {value!r}")
    for name, value in (margins or {}).items():
        if not _number(value):
            raise error(f"{owner}: {name} must be a finite number, got {value!r}")


@dataclass
class Encoded:
    """A data split as arrays: token indices, lengths, target class indices (-100: none)."""

    ids: np.ndarray
    lengths: np.ndarray
    targets: np.ndarray

    @classmethod
    def of(cls, config: ProgramConfig, inputs: Sequence[Sequence], targets: Sequence[Sequence]) -> "Encoded":
        # a target list shorter than its input would leave the rest unscored, silently
        if len(inputs) != len(targets):
            raise ValueError(f"{len(inputs)} inputs but {len(targets)} target lists: one target list per input")
        for b, (xs, ys) in enumerate(zip(inputs, targets)):
            if len(xs) != len(ys):
                raise ValueError(f"input {b} has {len(xs)} tokens but its target {len(ys)} labels: one label "
                                 "(or None) per token")
        ids, lengths = encode_inputs(config, inputs)
        return cls(ids, lengths, encode_targets(config, targets))

    def accuracy(self, program: DiscreteProgram) -> float:
        """Token-level accuracy of `program` over the positions that have a target."""
        labelled = self.targets >= 0
        return float((program.predict_ids(self.ids, self.lengths) == self.targets)[labelled].mean())


@dataclass
class TrainResult:
    program: DiscreteProgram  # the best discretised program on validation
    model: TransformerProgramModel  # the relaxed model at the end of training
    val_accuracy: float
    best_epoch: int
    epochs_run: int  # summed over all restarts
    seconds: float
    cpu_seconds: float  # this process's CPU time: comparable across runs on a shared machine
    history: list[dict] = field(default_factory=list)
    seed: int = 0  # the seed of the run whose program was selected


def length_weights(lengths: np.ndarray) -> np.ndarray:
    """Each example's weight with `balance_lengths`: 1 / (share of its length among the examples), so every
    length present weighs the same in total."""
    counts = np.bincount(lengths)
    return len(lengths) / (np.count_nonzero(counts) * counts[lengths])


class _Run:
    """One seed's training run, advanced an epoch at a time (so that runs can be compared midway)."""

    def __init__(self, config: ProgramConfig, train_data: Encoded, settings: TrainSettings, seed: int):
        self.settings, self.seed, self.data = settings, seed, train_data
        self.model = TransformerProgramModel(config, seed=seed, gate_std=settings.gate_std,
                                             identity_bias=settings.identity_bias,
                                             read_last_layer=settings.read_last_layer,
                                             recency_bias=settings.recency_bias,
                                             attention_tau=settings.attention_tau,
                                             straight_through=settings.straight_through)
        if settings.initialise is not None:
            settings.initialise(self.model)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=settings.lr)
        self.noise = torch.Generator().manual_seed(seed + 1)
        self.order = torch.Generator().manual_seed(seed + 2)
        self.ids, self.lengths = torch.as_tensor(train_data.ids), torch.as_tensor(train_data.lengths)
        self.targets = torch.as_tensor(train_data.targets)
        lengths = train_data.lengths
        weights = length_weights(lengths) if settings.balance_lengths else np.ones(len(lengths))
        self.weights = torch.as_tensor(weights, dtype=torch.float32)
        self.steps_per_epoch = -(-len(self.ids) // settings.batch_size)
        total_steps = settings.epochs * self.steps_per_epoch
        self.decay = (settings.tau_end / settings.tau_start) ** (1 / max(1, total_steps - 1))
        self.step = self.epoch = 0
        self.best_val, self._best_train = -1.0, -1.0  # of the best discretised program (train: see `best`)
        self.best_epoch, self.best_program = -1, None
        self.history: list[dict] = []

    @property
    def best(self) -> tuple[float, float]:
        """(validation, training accuracy) of the best program. The training accuracy only breaks ties, so it
        is computed when first asked for: most epochs that improve on validation never need it (most-freq:
        0.3 s each)."""
        if self._best_train is None:
            self._best_train = self.data.accuracy(self.best_program)
        return self.best_val, self._best_train

    @property
    def perfect(self) -> bool:
        return self.best_val == 1.0 and self.best[1] == 1.0

    @property
    def finished(self) -> bool:
        patience = self.settings.patience
        return (self.epoch >= self.settings.epochs or self.perfect
                or (patience is not None and self.epoch - 1 - self.best_epoch >= patience))

    def advance(self, val_data: Encoded) -> dict:
        """One epoch of training, then the discretised program scored on validation."""
        model, settings = self.model, self.settings
        model.train()
        perm = torch.randperm(len(self.ids), generator=self.order)
        losses, correct, counted = [], 0, 0
        for s in range(self.steps_per_epoch):
            tau = settings.tau_start * self.decay**self.step
            batch = perm[s * settings.batch_size : (s + 1) * settings.batch_size]
            logits = model(self.ids[batch], self.lengths[batch], tau, self.noise)
            y = self.targets[batch]
            per_token = F.cross_entropy(logits.flatten(0, 1), y.flatten(), ignore_index=-100, reduction="none")
            weight = (self.weights[batch][:, None] * (y >= 0)).flatten()
            loss = (per_token * weight).sum() / weight.sum()
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self.step += 1
            losses.append(loss.item())
            mask = y >= 0
            correct += int((logits.argmax(-1) == y)[mask].sum())
            counted += int(mask.sum())
        program = model.discretise()
        val_acc = val_data.accuracy(program)
        record = {"epoch": self.epoch, "seed": self.seed, "loss": float(np.mean(losses)),
                  "relaxed_train_acc": correct / counted, "val_acc": val_acc, "tau": tau}
        self.history.append(record)
        # ties: the later (colder, more settled) program, if it fits train no worse
        if val_acc > self.best_val:
            self.best_val, self._best_train, self.best_epoch, self.best_program = val_acc, None, self.epoch, program
        elif val_acc == self.best_val:
            train_acc = self.data.accuracy(program)
            if train_acc >= self.best[1]:
                self._best_train, self.best_epoch, self.best_program = train_acc, self.epoch, program
        self.epoch += 1
        return record


def train(config: ProgramConfig, train_data: Encoded, val_data: Encoded, settings: TrainSettings) -> TrainResult:
    start, cpu_start = time.perf_counter(), time.process_time()
    runs = [_Run(config, train_data, settings, settings.seed + r) for r in range(settings.restarts)]
    live = list(runs)
    # Successive halving: after these epochs, the worse half of the live runs stop.
    cuts = sorted({max(1, settings.epochs * f // 4) for f in (1, 2)}) if len(runs) > 1 else []
    total = settings.epochs * len(runs)
    bar = tqdm(total=total, desc="training", disable=not settings.progress, leave=False)
    step_work = 3 * forward_work(runs[0].model, settings.batch_size * train_data.ids.shape[1])  # forward + backward
    slowest = 0.0  # CPU seconds of the slowest epoch so far (0: none run yet, so one epoch always runs)

    def out_of_time() -> bool:
        budget = settings.cpu_budget
        return budget is not None and slowest > 0 and time.process_time() - cpu_start + slowest > budget

    with torch_threads(step_work):
        while live:
            for run in live:
                if out_of_time():
                    break
                epoch_start = time.process_time()
                record = run.advance(val_data)
                slowest = max(slowest, time.process_time() - epoch_start)
                if settings.on_epoch is not None:
                    settings.on_epoch(record)
                bar.update(1)
                bar.set_postfix(seed=run.seed, loss=f"{record['loss']:.3f}", relaxed_acc=f"{record['relaxed_train_acc']:.3f}",
                                discrete_val_acc=f"{record['val_acc']:.4f}", tau=f"{record['tau']:.3f}")
            if out_of_time() or any(run.perfect for run in live):
                live = []
            elif cuts and live[0].epoch >= cuts[0] and len(live) > 1:
                cuts.pop(0)
                ranked = sorted(live, key=lambda r: (r.best, -r.seed), reverse=True)
                live = ranked[: max(1, len(live) // 2)]
                bar.total -= sum(settings.epochs - r.epoch for r in ranked[len(live):])
            live = [run for run in live if not run.finished]
    bar.close()
    best = max(runs, key=lambda r: (r.best, -r.seed))
    history = [h for run in runs for h in run.history]
    return TrainResult(best.best_program, best.model, best.best[0], best.best_epoch, sum(r.epoch for r in runs),
                       time.perf_counter() - start, time.process_time() - cpu_start, history, best.seed)
