"""SUBLEQ semantics in plain Python: the reference every compiled machine is checked against.

The machine: M cells of W-bit signed integers (two's complement, so every result wraps into
[-2^(W-1), 2^(W-1))), a program counter starting at 0. One step executes the instruction at pc,
(a, b, c) = (mem[pc], mem[pc+1], mem[pc+2]):

    mem[b] = wrap(mem[b] - mem[a]);  pc = c if mem[b] <= 0 else pc + 3

It halts, before executing anything, when no whole instruction is at pc (pc < 0 or pc + 2 >= M), or
when a or b is not a cell (outside [0, M)): then nothing is written. `max_steps` bounds the run; a run
cut off by it reports halted=False. Halting is judged on the state the run ends in, so a program that
halts exactly after `max_steps` steps reports True (the looped models follow the same rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from weightsmith.rasp.errors import InputError

MAX_WORD_BITS = 16


@dataclass(frozen=True)
class Result:
    """Where a run ended: the final memory, the steps executed, and whether the machine halted."""

    memory: list[int]
    steps: int
    halted: bool


def word_range(word_bits: int) -> tuple[int, int]:
    """The smallest and largest W-bit two's-complement value."""
    if not isinstance(word_bits, int) or isinstance(word_bits, bool) or not 2 <= word_bits <= MAX_WORD_BITS:
        raise InputError(f"word_bits must be an int in 2..{MAX_WORD_BITS}, got {word_bits!r}")
    return -(2 ** (word_bits - 1)), 2 ** (word_bits - 1) - 1


def wrap(value: int, word_bits: int) -> int:
    """`value` reduced into W-bit two's complement (-129 -> 127 at W = 8)."""
    half = 2 ** (word_bits - 1)
    return (value + half) % (2 * half) - half


def check_memory(memory: Sequence[int], word_bits: int) -> list[int]:
    """The memory as a list of ints; InputError naming the first cell that is not a W-bit value."""
    low, high = word_range(word_bits)
    cells = list(memory)
    if not cells:
        raise InputError("the memory is empty: a SUBLEQ machine needs at least one cell")
    for i, v in enumerate(cells):
        if not isinstance(v, int) or isinstance(v, bool) or not low <= v <= high:
            raise InputError(f"cell {i} holds {v!r}, not a {word_bits}-bit value in {low}..{high}")
    return cells


def check_max_steps(max_steps) -> int:
    if not isinstance(max_steps, int) or isinstance(max_steps, bool) or max_steps < 0:
        raise InputError(f"max_steps must be an int >= 0, got {max_steps!r}")
    return max_steps


def halts(memory: Sequence[int], pc: int) -> bool:
    """True where the machine stops at `pc`: no whole instruction there, or a or b not a cell."""
    m = len(memory)
    if pc < 0 or pc + 2 >= m:
        return True
    a, b = memory[pc], memory[pc + 1]
    return not (0 <= a < m and 0 <= b < m)


def execute(memory: list[int], pc: int, word_bits: int) -> int:
    """Executes the instruction at `pc` in place (the caller checked `halts`); returns the next pc."""
    a, b, c = memory[pc], memory[pc + 1], memory[pc + 2]
    memory[b] = wrap(memory[b] - memory[a], word_bits)
    return c if memory[b] <= 0 else pc + 3


def reference(memory: Sequence[int], max_steps: int = 10_000, word_bits: int = 8) -> Result:
    """Runs SUBLEQ in Python (the semantics above); the compiled machines must agree exactly."""
    mem = check_memory(memory, word_bits)
    max_steps = check_max_steps(max_steps)
    pc, steps = 0, 0
    while not halts(mem, pc) and steps < max_steps:
        pc = execute(mem, pc, word_bits)
        steps += 1
    return Result(mem, steps, halts(mem, pc))


def reference_trace(memory: Sequence[int], max_steps: int = 10_000, word_bits: int = 8) -> list[tuple[int, list[int]]]:
    """(pc, memory) before each step and at the end: what `reference` walks through."""
    mem = check_memory(memory, word_bits)
    max_steps = check_max_steps(max_steps)
    pc, states = 0, [(0, list(mem))]
    while not halts(mem, pc) and len(states) <= max_steps:
        pc = execute(mem, pc, word_bits)
        states.append((pc, list(mem)))
    return states
