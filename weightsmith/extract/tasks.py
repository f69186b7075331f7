"""The length-generalisation tasks of "Discovering Interpretable Algorithms by Decompiling Transformers to
RASP" (Huang, Bakalova et al. 2026), generated with the conventions of the authors' data code
(`crasp/scripts/patching/patching_data.py` in lacoco-lab/decompiling_transformers); the code is ours.

Conventions kept (they decide what a model can learn, so they matter for comparing numbers):
- The vocabulary is the task's normal tokens, then four specials in this order: BOS, SEP, EOS, PAD.
- Language-model tasks: `BOS input SEP output [EOS]`; only the output part (and the EOS after it) is
  scored. Formal languages (`bce` tasks): `BOS string EOS`, and at every position the target is the
  multi-hot set of tokens allowed next (EOS included when the prefix is in the language); the EOS position
  has the empty set and is not scored.
- Training lengths 0-50 with a random position offset (so that every position embedding is trained);
  test bins 0-50, 51-100, 101-150 with offset 0. The offset bound and `n_positions` follow the authors:
  (150 - n) * 2 for the copy-like tasks, 150 - n for the others.
- Accuracy is whole-sequence: every scored position right (argmax for LM tasks; every logit's sign for
  bce tasks).

Not bit-identical: numpy's generator, not Python's `random`, so the strings are other draws from the same
distributions. `addition`'s layout is ours (the anchor's brief gives only "{0,1,+}, binary sum"): two
binary numbers of random lengths around `+`, most significant bit first, and their sum. Left out:
bin_majority_interleave, unique_bigram_copy and the other formal languages of the paper (not needed by
the benchmark here).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np

from weightsmith.rasp.errors import InputError

MAX_TEST_LENGTH = 150
TRAIN_LENGTHS = (0, 50)
TEST_BINS: tuple[tuple[int, int], ...] = ((0, 50), (51, 100), (101, 150))
SPECIALS = ("<bos>", "<sep>", "<eos>", "<pad>")


@dataclass(frozen=True)
class Example:
    """One sequence: token ids, position ids, and its targets.

    LM tasks: `targets[t]` is the id to predict *at* position t (the next token), -1 where not scored.
    bce tasks: `targets[t]` is the multi-hot row of allowed next tokens (all zeros = not scored)."""

    ids: list[int]
    positions: list[int]
    targets: list[int] | list[list[int]]


@dataclass(frozen=True)
class Task:
    name: str
    symbols: tuple[str, ...]
    bce: bool
    copy_like: bool  # longer sequences (input twice): more positions and a wider offset range
    min_length: int
    _make: Callable[["Task", np.random.Generator, int], Optional[tuple[list[str], list]]] = field(repr=False)

    @property
    def vocab(self) -> list[str]:
        return [*self.symbols, *SPECIALS]

    @property
    def bos(self) -> int:
        return len(self.symbols)

    @property
    def sep(self) -> int:
        return len(self.symbols) + 1

    @property
    def eos(self) -> int:
        return len(self.symbols) + 2

    @property
    def pad(self) -> int:
        return len(self.symbols) + 3

    @property
    def n_positions(self) -> int:
        if self.name == "count":
            return MAX_TEST_LENGTH + 5
        if self.copy_like:
            return MAX_TEST_LENGTH * 2 + 3
        return MAX_TEST_LENGTH + (2 if self.bce else 4)

    def sample(self, rng: np.random.Generator, lengths: tuple[int, int], offset: bool) -> Example:
        """One example with input length uniform in `lengths` (redrawn where the task has no string of
        that length, e.g. odd lengths for (aa)*)."""
        lo, hi = max(lengths[0], self.min_length), lengths[1]
        while True:
            n = int(rng.integers(lo, hi + 1))
            made = self._make(self, rng, n)
            if made is not None:
                break
        ids, targets = made
        bound = (MAX_TEST_LENGTH - n) * 2 if self.copy_like else MAX_TEST_LENGTH - n
        start = int(rng.integers(0, max(bound, 0) + 1)) if offset else 0
        start = min(start, self.n_positions - len(ids))
        return Example(ids, list(range(start, start + len(ids))), targets)


def _lm(task: Task, body: list[int], output: list[int], eos: bool) -> tuple[list[int], list[int]]:
    """`BOS body SEP output [EOS]`, with the output (and EOS) scored."""
    ids = [task.bos, *body, task.sep, *output, *([task.eos] if eos else [])]
    targets = [-1] * len(ids)
    first = len(body) + 1  # the SEP position predicts the first output token
    for t in range(first, len(ids) - 1):
        targets[t] = ids[t + 1]
    return ids, targets


def _majority(task: Task, rng: np.random.Generator, n: int):
    body = rng.integers(0, len(task.symbols), n).tolist()
    common = Counter(body).most_common(2)
    if len(common) == 2 and common[0][1] == common[1][1]:
        return None
    return _lm(task, body, [common[0][0]], eos=False)


def _parity(task: Task, rng: np.random.Generator, n: int):
    ones = int(rng.integers(0, n + 1))
    body = [1] * ones + [0] * (n - ones)
    rng.shuffle(body)
    return _lm(task, body, [ones % 2], eos=False)


def _distinct(task: Task, rng: np.random.Generator, n: int) -> list[int]:
    return rng.choice(len(task.symbols), n, replace=False).tolist()


def _unique_copy(task: Task, rng: np.random.Generator, n: int):
    body = _distinct(task, rng, n)
    return _lm(task, body, body, eos=True)


def _unique_reverse(task: Task, rng: np.random.Generator, n: int):
    body = _distinct(task, rng, n)
    return _lm(task, body, body[::-1], eos=True)


def _sort(task: Task, rng: np.random.Generator, n: int):
    body = _distinct(task, rng, n)
    return _lm(task, body, sorted(body), eos=True)


def _repeat_copy(task: Task, rng: np.random.Generator, n: int):
    body = rng.integers(0, len(task.symbols), n).tolist()
    return _lm(task, body, body, eos=True)


def _addition(task: Task, rng: np.random.Generator, n: int):
    """`a+b` in binary (n symbols in all, each number at least one bit), output a+b without leading zeros."""
    width = int(rng.integers(1, n - 1))
    a, b = (rng.integers(0, 2, k).tolist() for k in (width, n - 1 - width))
    total = int("".join(map(str, a)), 2) + int("".join(map(str, b)), 2)
    return _lm(task, [*a, 2, *b], [int(c) for c in bin(total)[2:]], eos=True)


def _count(task: Task, rng: np.random.Generator, n: int):
    start = int(rng.integers(0, len(task.symbols) - n + 1))
    return _lm(task, [start, start + n - 1], list(range(start, start + n)), eos=True)


# --- formal languages: a generator of positive strings and the set of allowed next symbols ---------------

def _bce(task: Task, string: str, allowed: list[set[str]]) -> tuple[list[int], list[list[int]]]:
    """`BOS string EOS`; `allowed[t]` is the next-token set after the first t symbols (t = 0..n)."""
    index = {s: i for i, s in enumerate(task.vocab)}
    ids = [task.bos, *(index[c] for c in string), task.eos]
    rows = [[1 if tok in ok else 0 for tok in task.vocab] for ok in allowed]
    rows.append([0] * len(task.vocab))  # the EOS position: not scored
    return ids, rows


def _aa_star(task: Task, rng: np.random.Generator, n: int):
    if n % 2:
        return None
    return _bce(task, "a" * n, [{"a", "<eos>"} if t % 2 == 0 else {"a"} for t in range(n + 1)])


def _tomita2(task: Task, rng: np.random.Generator, n: int):
    if n % 2:
        return None
    return _bce(task, "10" * (n // 2), [{"1", "<eos>"} if t % 2 == 0 else {"0"} for t in range(n + 1)])


def _tomita4(task: Task, rng: np.random.Generator, n: int):
    string = ""
    while len(string) < n:  # uniform bits, a third 0 in a row redrawn (the authors' generator)
        bit = "01"[int(rng.integers(0, 2))]
        if bit == "0" and string.endswith("00"):
            continue
        string += bit
    allowed = [{"1", "<eos>"} if string[:t].endswith("00") else {"0", "1", "<eos>"} for t in range(n + 1)]
    return _bce(task, string, allowed)


def _tomita7(task: Task, rng: np.random.Generator, n: int):
    """0*1*0*1*: four block lengths summing to n (the authors' draw), then the blocks in that order."""
    lengths: list[int] = []
    for _ in range(3):
        lengths.append(int(rng.integers(0, n - sum(lengths) + 1)))
    lengths.append(n - sum(lengths))
    rng.shuffle(lengths)
    string = "".join(c * k for k, c in zip(lengths, "0101"))
    allowed = [{"0", "1", "<eos>"}]
    blocks, last = 1, "0"
    for c in string:
        blocks += c != last
        last = c
        allowed.append({"1", "<eos>"} if blocks == 4 else {"0", "1", "<eos>"})
    return _bce(task, string, allowed)


def _dyck(depth_bound: int):
    """Bounded-depth Dyck over one bracket pair a/b (depth never above the bound), as the authors' Dn."""

    def make(task: Task, rng: np.random.Generator, n: int):
        if n % 2:
            return None
        out: list[str] = []
        depth, last = 0, "b"
        while len(out) + depth < n:
            room = (n - len(out) - depth) // 2
            if last == "b":
                run = ["a"] * int(rng.integers(1, min(depth_bound - depth, room) + 1))
            else:
                run = ["b"] * int(rng.integers(1, depth + 1))
            out += run
            last = run[0]
            depth += len(run) if last == "a" else -len(run)
        out += ["b"] * depth
        allowed = [{"a", "<eos>"}]
        depth = 0
        for c in out:
            depth += 1 if c == "a" else -1
            allowed.append({"a", "<eos>"} if depth == 0 else {"b"} if depth == depth_bound else {"a", "b"})
        return _bce(task, "".join(out), allowed)

    return make


_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")
_NUMBERS = tuple(str(i) for i in range(MAX_TEST_LENGTH))

TASKS: dict[str, Task] = {t.name: t for t in (
    Task("majority", _LETTERS, False, False, 1, _majority),
    Task("bin_majority", ("0", "1"), False, False, 1, _majority),
    Task("unique_copy", _NUMBERS, False, True, 1, _unique_copy),
    Task("unique_reverse", _NUMBERS, False, True, 1, _unique_reverse),
    Task("sort", _NUMBERS, False, True, 1, _sort),
    Task("count", _NUMBERS, False, False, 2, _count),
    Task("repeat_copy", ("a", "b"), False, True, 1, _repeat_copy),
    Task("parity", ("0", "1"), False, False, 0, _parity),
    Task("addition", ("0", "1", "+"), False, True, 3, _addition),
    Task("aa_star", ("a",), True, False, 1, _aa_star),
    Task("tomita2", ("0", "1"), True, False, 1, _tomita2),
    Task("tomita4", ("0", "1"), True, False, 1, _tomita4),
    Task("tomita7", ("0", "1"), True, False, 1, _tomita7),
    Task("dyck2", ("a", "b"), True, False, 1, _dyck(2)),
    Task("dyck4", ("a", "b"), True, False, 1, _dyck(4)),
)}


def get_task(name: str) -> Task:
    if name not in TASKS:
        raise InputError(f"unknown task {name!r}; known: {', '.join(TASKS)}")
    return TASKS[name]


@dataclass(frozen=True)
class Batch:
    """Right-padded tensors-to-be (numpy): ids [B, T], positions [B, T], targets [B, T] or [B, T, V]."""

    ids: np.ndarray
    positions: np.ndarray
    targets: np.ndarray


def collate(task: Task, examples: list[Example]) -> Batch:
    """Pad on the right (causal attention: padding after a position never changes it)."""
    width = max(len(e.ids) for e in examples)
    ids = np.full((len(examples), width), task.pad, dtype=np.int64)
    positions = np.zeros((len(examples), width), dtype=np.int64)
    if task.bce:
        targets = np.zeros((len(examples), width, len(task.vocab)), dtype=np.float32)
    else:
        targets = np.full((len(examples), width), -1, dtype=np.int64)
    for row, e in enumerate(examples):
        n = len(e.ids)
        ids[row, :n] = e.ids
        positions[row, :n] = e.positions
        positions[row, n:] = min(e.positions[-1] + 1, task.n_positions - 1)
        targets[row, :n] = e.targets
    return Batch(ids, positions, targets)


def sample_batch(task: Task, rng: np.random.Generator, size: int, lengths: tuple[int, int],
                 offset: bool) -> Batch:
    return collate(task, [task.sample(rng, lengths, offset) for _ in range(size)])


def correct(task: Task, logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Whole-sequence correctness per row of a batch (see the module docstring)."""
    if task.bce:
        scored = targets.any(axis=-1)
        agree = ((logits > 0) == (targets > 0.5)).all(axis=-1)
        return (agree | ~scored).all(axis=1)
    scored = targets >= 0
    return ((logits.argmax(-1) == targets) | ~scored).all(axis=1)


def test_set(task: Task, size: int, seed: int = 1) -> dict[str, list[Example]]:
    """`size` examples per test bin, offset 0 (seeded, so every tool scores the same strings)."""
    rng = np.random.default_rng(seed)
    return {f"{lo}-{hi}": [task.sample(rng, (lo, hi), offset=False) for _ in range(size)]
            for lo, hi in TEST_BINS}
