"""Random SUBLEQ programs that run long, for checking a machine far beyond the shipped programs.

A memory of uniformly random words halts within a few steps (a random pointer is rarely a cell), so
each cell is drawn as a valid address with probability `address_rate` and as any W-bit word
otherwise; a program is kept when the reference runs it for at least `min_steps` steps (halting
by itself or cut off at `max_steps`). Rejection sampling: the kept programs are a random sample of
the long-running ones under that distribution, not hand-picked.
"""

from __future__ import annotations

import random

from weightsmith.library.subleq.machine import reference, word_range
from weightsmith.rasp.errors import InputError

MAX_TRIES = 1_000_000


def random_program(rng: random.Random, cells: int = 32, word_bits: int = 8, min_steps: int = 200,
                   max_steps: int = 1_000, address_rate: float = 0.7) -> list[int]:
    """One random memory of `cells` W-bit words that the reference runs for >= `min_steps` steps."""
    if min_steps > max_steps:
        raise InputError(f"min_steps {min_steps} is more than max_steps {max_steps}")
    low, high = word_range(word_bits)
    top = min(cells - 1, high)
    for _ in range(MAX_TRIES):
        memory = [rng.randint(0, top) if rng.random() < address_rate else rng.randint(low, high)
                  for _ in range(cells)]
        if reference(memory, max_steps, word_bits).steps >= min_steps:
            return memory
    raise InputError(f"no random program of {cells} cells ran {min_steps} steps in {MAX_TRIES} tries")


def random_programs(count: int, seed: int = 0, **kwargs) -> list[list[int]]:
    """`count` random programs (see `random_program`), reproducible from `seed`."""
    rng = random.Random(seed)
    return [random_program(rng, **kwargs) for _ in range(count)]
