"""One SUBLEQ instruction as RASP: `step(state) -> state` and `halt(state)`, for a looped model.

The state is two s-ops: `mem`, the memory (one cell per position, numerical: one residual dimension
however many bits a word has), and `pc`, the program counter (numerical, the same at every
position). Everything an instruction needs is found by attention on positions, so one program
serves every memory size up to the compiled `max_seq_len`; what a W-bit word can hold only sets
value sets (and so the sizes of a few staircases), never a one-hot of 2^W values.

Per step (layers of the compiled step in brackets; a loop runs the same layers every iteration):

1. [MLP]  `at`: pc as a position, -1 where it is not a cell (a staircase over pc's values).
2. [attn] a, b, c = mem[pc], mem[pc+1], mem[pc+2]; `pc_ok`: is cell pc+2 there (then so is the
          whole instruction). [MLP] a and b as positions (-1 if not a cell); c clamped the same way
          (a jump outside the memory halts at the next step, whichever outside value it was).
3. [attn] mem[a], mem[b]; `a_ok`, `b_ok`: are cells a and b there; `is_b`: 1 at position b, else 0
          (each position selects itself if it is b: one position or none, so exactly 1 or 0). [MLP] `jumps`: wrap(mem[b] - mem[a]) <= 0;
          `delta`: is_b · mem[a] (a gated product: 0 away from b); `halt`.
4. [MLP]  mem' = wrap(mem - delta), which is wrap(mem[b] - mem[a]) at b and mem elsewhere;
          pc' = next + jumps · (c - next), with next = pc + 3 (-1 beyond the memory).

Halting follows `machine`: before any write, when pc, pc+1, pc+2, a or b is not a cell. Positions
that do not exist (beyond the input's length) are found by no attention head, so `length` is never
needed. The clamped sentinel -1 keeps pc's value set bounded (the loop needs a closed set):
pc' lies in [-1 - M, 2M - 1] for M = max_seq_len.
"""

from __future__ import annotations

from typing import Mapping

from weightsmith import rasp
from weightsmith.library.subleq.machine import word_range, wrap

NOWHERE = -1  # a pointer that is not a cell


def _position(value: int, cells: int) -> int:
    return value if 0 <= value < cells else NOWHERE


def _fetch(pointer: rasp.SOp, mem: rasp.SOp, offset: int, default: int, name: str) -> rasp.SOp:
    """mem[pointer + offset] at every position (`default` where that is not a cell)."""
    select = rasp.Select(rasp.indices, pointer, lambda key, query: query != NOWHERE and key == query + offset)
    return rasp.numerical(rasp.Aggregate(select, mem, default=default)).named(name)


def _exists(pointer: rasp.SOp, offset: int, name: str) -> rasp.SOp:
    """1 where cell pointer + offset exists, else 0 (a head that averages ones over that cell)."""
    select = rasp.Select(rasp.indices, pointer, lambda key, query: query != NOWHERE and key == query + offset)
    return rasp.numerical(rasp.Aggregate(select, rasp.numerical(rasp.Full(1)), default=0)).named(name)


def _gate(flag: rasp.SOp, x: rasp.SOp, name: str) -> rasp.SOp:
    """flag · x for a flag that is 0 or 1: compiled as a bounded ReLU product (two units)."""
    return rasp.numerical(rasp.SequenceMap(lambda g, v: g * v, flag, x)).named(name)


def _minus(x: rasp.SOp, y: rasp.SOp, name: str) -> rasp.SOp:
    return rasp.numerical(rasp.LinearSequenceMap(x, y, 1, -1)).named(name)


class Step:
    """The SUBLEQ step and halt for memories of up to `cells` cells of `word_bits`-bit words."""

    def __init__(self, cells: int, word_bits: int = 8):
        word_range(word_bits)  # checks word_bits
        self.cells, self.word_bits = cells, word_bits
        self._cache: dict[tuple[int, int], dict[str, rasp.SOp]] = {}

    def halt(self, state: Mapping[str, rasp.SOp]) -> rasp.SOp:
        return self._parts(state)["halt"]

    def step(self, state: Mapping[str, rasp.SOp]) -> dict[str, rasp.SOp]:
        parts = self._parts(state)
        return {"mem": parts["mem"], "pc": parts["pc"]}

    def _parts(self, state: Mapping[str, rasp.SOp]) -> dict[str, rasp.SOp]:
        """Every s-op of one step, built once per state (step and halt share them)."""
        key = (id(state["mem"]), id(state["pc"]))
        if key not in self._cache:
            self._cache[key] = self._build(state["mem"], state["pc"])
        return self._cache[key]

    def _build(self, mem: rasp.SOp, pc: rasp.SOp) -> dict[str, rasp.SOp]:
        m, bits = self.cells, self.word_bits
        at = rasp.categorical(rasp.Map(lambda p: _position(p, m), pc)).named("at")
        a = _fetch(at, mem, 0, 0, "a")
        b = _fetch(at, mem, 1, NOWHERE, "b")  # no instruction: b = -1, so nothing is written
        c = _fetch(at, mem, 2, NOWHERE, "c")
        pc_ok = _exists(at, 2, "pc_ok")
        a_at = rasp.categorical(rasp.Map(lambda v: _position(v, m), a)).named("a_at")
        b_at = rasp.categorical(rasp.Map(lambda v: _position(v, m), b)).named("b_at")
        target = rasp.numerical(rasp.Map(lambda v: _position(v, m), c)).named("target")
        mem_a = _fetch(a_at, mem, 0, 0, "mem_a")
        mem_b = _fetch(b_at, mem, 0, 0, "mem_b")
        a_ok, b_ok = _exists(a_at, 0, "a_ok"), _exists(b_at, 0, "b_ok")
        at_b = rasp.SelectorAnd(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.EQ),
                                rasp.Select(rasp.indices, b_at, rasp.Comparison.EQ))  # itself, if it is b
        is_b = rasp.numerical(rasp.Aggregate(at_b, rasp.numerical(rasp.Full(1)), default=0)).named("is_b")
        difference = _minus(mem_b, mem_a, "difference")
        jumps = rasp.numerical(rasp.Map(lambda d: 1 if wrap(d, bits) <= 0 else 0, difference)).named("jumps")
        delta = _gate(is_b, mem_a, "delta")  # at b, mem is mem[b]: mem - delta is mem[b] - mem[a] there
        ok = rasp.numerical(rasp.LinearSequenceMap(rasp.numerical(rasp.LinearSequenceMap(pc_ok, a_ok, 1, 1)), b_ok, 1, 1))
        halt = rasp.categorical(rasp.Map(lambda n: n < 3, ok.named("ok"))).named("halt")
        new_mem = rasp.numerical(rasp.Map(lambda v: wrap(v, bits),
                                          _minus(mem, delta, "sum")))
        after = rasp.numerical(rasp.Map(lambda p: _position(p + 3, m) if p != NOWHERE else NOWHERE, at)).named("next")
        jump = _gate(jumps, _minus(target, after, "offset"), "jump")
        new_pc = rasp.numerical(rasp.LinearSequenceMap(after, jump, 1, 1)).named("new_pc")
        return {"halt": halt, "mem": new_mem.named("new_mem"), "pc": new_pc}


def initial_state() -> dict[str, rasp.SOp]:
    """The machine at the start: memory from the tokens (numerical: one dimension per cell), pc = 0."""
    mem = rasp.numerical(rasp.Map(lambda x: x, rasp.numerical(rasp.tokens), simplify=False)).named("memory")
    return {"mem": mem, "pc": rasp.numerical(rasp.Full(0)).named("pc0")}


def unrolled(cells: int, word_bits: int, steps: int) -> tuple[dict[str, rasp.SOp], rasp.SOp]:
    """The state after `steps` steps composed in Python (no loop), and halt on it: for checking the step."""
    machine = Step(cells, word_bits)
    state = initial_state()
    for _ in range(steps):
        state = machine.step(state)
    return state, machine.halt(state)
