"""Train ordinary GPT-2 models (Hugging Face `GPT2LMHeadModel`, built locally from a config: nothing is
downloaded) on the length-generalisation tasks, the anchor's setup scaled to a CPU.

The anchor (Huang, Bakalova et al. 2026) searches 108 configurations (layers x heads x width x lr x
dropout), AdamW (weight decay 0.01, linear decay, no warm-up), batch 64, up to 30k steps, evaluating every
3k steps and stopping when in-distribution accuracy is exactly 1. Here: the same optimiser and batch,
fewer steps, and `search` walks configurations smallest first and stops at the first whose accuracy on
lengths 101-150 reaches 0.92 (the anchor's de-facto line between generalising and not), within a budget
of CPU seconds per task (this process's CPU time: on a shared machine wall time measures the others' load). bce tasks (formal languages) train the LM head with a sigmoid per token, as the
authors' `GPT2BCELMHeadModel` does.

Models are saved as Hugging Face folders (`config.json` + `model.safetensors`, no pickle) plus
`training.json` (task, configuration, steps, accuracies, the command that made them).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Optional

import numpy as np
import torch

from weightsmith.model.config import FORMAT
from weightsmith.rasp.errors import InputError
from weightsmith.extract.tasks import TRAIN_LENGTHS, Batch, Task, collate, correct, sample_batch, test_set

GENERALISES = 0.92


@dataclass(frozen=True)
class Arch:
    layers: int
    heads: int
    width: int
    lr: float = 1e-3

    @property
    def name(self) -> str:
        return f"{self.layers}l{self.heads}h{self.width}d"


def parse_arch(name: str, lr: float = 1e-3) -> Arch:
    """`2l1h64d` -> Arch(2, 1, 64); a clear error for anything else."""
    found = re.fullmatch(r"(\d+)l(\d+)h(\d+)d", name)
    if not found:
        raise InputError(f"configuration {name!r}: expected <layers>l<heads>h<width>d, e.g. 2l1h64d")
    layers, heads, width = map(int, found.groups())
    if min(layers, heads, width) < 1 or width % heads:
        raise InputError(f"configuration {name!r}: layers, heads and width must be positive, width a multiple "
                         f"of heads")
    return Arch(layers, heads, width, lr)


# smallest first (parameters grow left to right: a second layer of width 16 is far smaller than width 64;
# more heads of the same width add no parameters); the anchor's grid restricted to dropout 0, lr 1e-3
SEARCH_ORDER = (Arch(1, 1, 16), Arch(1, 2, 16), Arch(2, 1, 16), Arch(2, 2, 16), Arch(1, 1, 64),
                Arch(1, 2, 64), Arch(1, 4, 64), Arch(2, 1, 64), Arch(2, 2, 64), Arch(2, 4, 64))


def build_model(task: Task, arch: Arch, seed: int = 0):
    """A fresh GPT2LMHeadModel for a task (`gpt2`)."""
    return gpt2(len(task.vocab), task.n_positions, task.bos, task.eos, task.pad, arch, seed)


def gpt2(vocab_size: int, n_positions: int, bos: int, eos: int, pad: int, arch: Arch, seed: int = 0):
    """A fresh GPT2LMHeadModel from a local config (the anchor's: pre-LN, gelu_new, tied unembedding; no
    dropout), seeded."""
    from transformers import GPT2Config, GPT2LMHeadModel

    torch.manual_seed(seed)
    config = GPT2Config(vocab_size=vocab_size, n_positions=n_positions, n_embd=arch.width, n_layer=arch.layers,
                        n_head=arch.heads, bos_token_id=bos, eos_token_id=eos, pad_token_id=pad, attn_pdrop=0.0,
                        resid_pdrop=0.0, embd_pdrop=0.0)
    return GPT2LMHeadModel(config)


def optimiser(model, lr: float, max_steps: int) -> Callable[[torch.Tensor], None]:
    """The anchor's optimiser: AdamW (weight decay 0.01), the learning rate decaying linearly to 0 at
    `max_steps`; returns the step to take on each batch's loss."""
    optim = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: 1 - s / max_steps)

    def step(loss: torch.Tensor) -> None:
        optim.zero_grad()
        loss.backward()
        optim.step()
        schedule.step()

    return step


def logits_of(model, batch: Batch) -> torch.Tensor:
    ids = torch.from_numpy(batch.ids)
    return model(input_ids=ids, position_ids=torch.from_numpy(batch.positions)).logits


def loss_of(task: Task, logits: torch.Tensor, batch: Batch) -> torch.Tensor:
    targets = torch.from_numpy(batch.targets)
    if task.bce:
        scored = targets.any(-1, keepdim=True).float()
        per = torch.nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction="none")
        return (per * scored).sum() / (scored.sum() * logits.shape[-1]).clamp(min=1)
    return torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1),
                                             ignore_index=-1)


@torch.no_grad()
def accuracy(task: Task, model, examples: list, batch_size: int = 100) -> float:
    model.eval()
    right = 0
    for start in range(0, len(examples), batch_size):
        batch = collate(task, examples[start:start + batch_size])
        right += int(correct(task, logits_of(model, batch).numpy(), batch.targets).sum())
    return right / len(examples)


@dataclass
class TrainResult:
    task: str
    arch: Arch
    steps: int
    seconds: float
    cpu_seconds: float  # this process's CPU time, evaluations included
    accuracy: dict[str, float]  # per test bin

    @property
    def generalises(self) -> bool:
        return self.accuracy["101-150"] >= GENERALISES


def train(task: Task, arch: Arch, max_steps: int = 4000, eval_every: int = 500, eval_size: int = 200,
          batch_size: int = 64, seed: int = 0, cpu_budget: Optional[float] = None,
          log: Optional[Callable[[str], None]] = None):
    """Train until the in-distribution accuracy is 1.0 at an evaluation, `max_steps`, or `cpu_budget` CPU
    seconds (checked every step); returns the model and its accuracies on the test bins (`eval_size`
    sequences per bin)."""
    model = build_model(task, arch, seed)
    step_on = optimiser(model, arch.lr, max_steps)
    rng = np.random.default_rng(seed)
    held_out = test_set(task, eval_size, seed=seed + 1)
    started, cpu_started = time.perf_counter(), time.process_time()
    step = 0
    while step < max_steps:
        if cpu_budget is not None and time.process_time() - cpu_started > cpu_budget:
            if log:
                log(f"{task.name} {arch.name} stopped at step {step}: CPU budget {cpu_budget:.0f} s spent")
            break
        model.train()
        batch = sample_batch(task, rng, batch_size, TRAIN_LENGTHS, offset=True)
        loss = loss_of(task, logits_of(model, batch), batch)
        step_on(loss)
        step += 1
        if step % eval_every == 0 or step == max_steps:
            fit = accuracy(task, model, held_out["0-50"])
            if log:
                log(f"{task.name} {arch.name} step {step} loss {loss.item():.4f} acc(0-50) {fit:.3f}")
            if fit == 1.0:
                break
    scores = {name: accuracy(task, model, examples) for name, examples in held_out.items()}
    if log:
        log(f"{task.name} {arch.name} stopped at step {step}: accuracy per bin {scores}")
    return model, TrainResult(task.name, arch, step, time.perf_counter() - started,
                              time.process_time() - cpu_started, scores)


def save(model, result: TrainResult, folder: Path, command: str) -> None:
    """A Hugging Face folder (safetensors + JSON) and `training.json` beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder, safe_serialization=True)
    record = {"task": result.task, "arch": asdict(result.arch), "steps": result.steps,
              "seconds": round(result.seconds, 1), "cpu_seconds": round(result.cpu_seconds, 1),
              "accuracy": result.accuracy,
              "generalises": result.generalises, "command": command}
    (folder / "training.json").write_text(json.dumps(record, indent=2) + "\n")


def load_gpt2(folder: Path):
    """A saved GPT-2 (safetensors + config.json; no code runs on load) and its `training.json` record ({}
    when absent). A missing or foreign folder raises InputError with the reason."""
    from transformers import GPT2LMHeadModel
    from transformers.utils import logging

    logging.disable_progress_bar()
    folder = Path(folder)
    if not (folder / "config.json").is_file() or not (folder / "model.safetensors").is_file():
        raise InputError(f"{folder}: not a GPT-2 folder (needs config.json and model.safetensors)")
    try:
        config = json.loads((folder / "config.json").read_text())
        if config.get("format") == FORMAT:  # a compiled or learned model: its program is known, not extracted
            raise InputError(f"{folder}: a weightsmith model folder, not a GPT-2 one (extract reads trained GPT-2 "
                             "models); `weightsmith explain` describes this one")
        if config.get("model_type") != "gpt2":
            raise InputError(f"{folder}: config.json is model_type {config.get('model_type')!r}, not 'gpt2'")
        model = GPT2LMHeadModel.from_pretrained(folder, use_safetensors=True, local_files_only=True)
    except (OSError, ValueError) as err:
        if isinstance(err, InputError):
            raise
        raise InputError(f"{folder}: cannot load the model: {str(err).splitlines()[0]}") from None
    model.eval()
    return model, _training_facts(folder / "training.json")


def _training_facts(path: Path) -> dict:
    """training.json (the task and how the model was trained), {} without one; a damaged one is an InputError."""
    if not path.is_file():
        return {}
    try:
        facts = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: not a JSON object of training facts ({err})") from None
    if not isinstance(facts, dict):
        raise InputError(f"{path}: not a JSON object of training facts (it holds a {type(facts).__name__})")
    return facts


def search_order(task: Task) -> tuple[Arch, ...]:
    """`SEARCH_ORDER`, without width 16 when the vocabulary has more than 8 tokens: on this CPU a
    too-narrow model spends the whole budget of a task and cannot fit it (majority at 1l1h16d: 0.43
    in-distribution after 5000 steps)."""
    if len(task.vocab) <= 8:
        return SEARCH_ORDER
    return tuple(a for a in SEARCH_ORDER if a.width > 16)


def search(task: Task, cpu_budget: float, archs=None, log=None, **train_options):
    """Smallest configuration first; stop at the first that generalises or when `cpu_budget` (CPU seconds
    for the whole search; an attempt is cut where it would overrun it) is spent. Returns (model, result,
    tried): the best on 101-150 (the anchor's "@" rule), and every result."""
    archs = search_order(task) if archs is None else archs
    started = time.process_time()
    best = None
    tried: list[TrainResult] = []
    for arch in archs:
        left = cpu_budget - (time.process_time() - started)
        if left <= 0 and tried:  # the first attempt always starts (and is cut at once): something to return
            break
        model, result = train(task, arch, cpu_budget=left, log=log, **train_options)
        tried.append(result)
        if best is None or result.accuracy["101-150"] > best[1].accuracy["101-150"]:
            best = (model, result)
        if result.generalises:
            break
    return best[0], best[1], tried
