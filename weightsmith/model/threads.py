"""How many torch threads to run a model with: chosen per call from its size, not left to torch.

Torch starts as many intra-op threads as there are cores and keeps them spinning between operations.
weightsmith's models are narrow (d_model in the tens or hundreds, batches of a few thousand short
sequences), so one operation is microseconds of work and a second thread mostly waits for the first:
on this project's 2-core machine, shared with other jobs, torch's default made `weightsmith translate`
take 5-53 s a sentence and `weightsmith learn hist` 181 s, against 4-7 s and 11 s with one thread
(issue 16; the CLI re-measured in docs/compiler-numerics.md). So a call runs single-threaded unless
its work is large enough (`PARALLEL_WORK` multiply-adds per forward pass) for threads to pay off,
and then with at most one thread per core the process may use.

The choice is made where a model runs (`Transformer.run_batch`, `CompiledModel.apply*`, `verify`,
training) and undone afterwards: importing weightsmith changes nothing, and a library user's own
`torch.set_num_threads` holds everywhere else. `WEIGHTSMITH_THREADS=n` fixes the count for every call
(the CLI reads it too); `WEIGHTSMITH_THREADS=torch` leaves torch's setting alone.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

import torch

THREADS_VARIABLE = "WEIGHTSMITH_THREADS"
PARALLEL_WORK = 2e9  # multiply-adds in one forward pass from which a second thread is worth starting
WORK_PER_THREAD = 1e9  # and one more thread per this much more work


def forward_work(module: torch.nn.Module, tokens: int) -> float:
    """Multiply-adds of a forward pass over `tokens` token positions, about: each weight is used once
    a position (the attention patterns' T^2 terms are small beside it at these lengths), but only the
    non-zeros of a matrix multiplied sparse (`Transformer.weights_used`)."""
    used = getattr(module, "weights_used", None)
    return float(used() if used is not None else sum(p.numel() for p in module.parameters())) * tokens


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def threads_for(work: float) -> int | None:
    """The thread count for a call doing `work` multiply-adds a forward pass; None: leave torch's.

    Raises ValueError when $WEIGHTSMITH_THREADS is set to something other than a positive int or
    "torch" (the CLI reports it in one line)."""
    setting = os.environ.get(THREADS_VARIABLE, "").strip()
    if setting == "torch":
        return None
    if setting:
        if not setting.isdigit() or int(setting) < 1:
            raise ValueError(f"{THREADS_VARIABLE}={setting!r}: expected a positive number of threads or 'torch'")
        return int(setting)
    if work < PARALLEL_WORK:
        return 1
    return max(1, min(available_cores(), 1 + int((work - PARALLEL_WORK) // WORK_PER_THREAD)))


@contextmanager
def torch_threads(work: float) -> Iterator[int]:
    """Runs the block with `threads_for(work)` torch threads, then restores the caller's setting."""
    n = threads_for(work)
    before = torch.get_num_threads()
    if n is None or n == before:
        yield before
        return
    torch.set_num_threads(n)
    try:
        yield n
    finally:
        torch.set_num_threads(before)
