"""The compiled SUBLEQ machines: `rasp.Loop` over the RASP step, compiled once per size, and run.

Every `Result` here is read off a compiled looped transformer: the final memory from its output, the
steps and the halt flag from the loop's own counters in its residual stream. Python only writes the
memory in as tokens and reads it back; it never executes an instruction (`machine.reference` does,
for checking).

A machine compiled for M cells runs any memory of up to M cells (no attention head finds a cell
beyond the input, so halting at the end of memory needs no `length`). `max_steps` is part of the
compiled model (the model counts its steps and stops itself), so machines are cached per
(M, W, max_steps); a compile takes about a second.
"""

from __future__ import annotations

import functools
import warnings
from typing import Sequence

import torch

from weightsmith import rasp
from weightsmith.compiler import CompiledModel, OutputTypeWarning, RoundingWarning, compile_rasp_to_model
from weightsmith.model.threads import forward_work, torch_threads
from weightsmith.library.subleq.machine import Result, check_max_steps, check_memory, word_range
from weightsmith.library.subleq.step import Step, initial_state
from weightsmith.rasp.errors import InputError

SIZES = (32, 64)  # the memory sizes of the machines `run` picks from (the smallest that fits)
# the widest word the machines compile for: at 9 bits the value sets outgrow the compiler's bound (the
# reference in `machine.py` runs up to MAX_WORD_BITS; docs/computers.md, "Supported sizes")
COMPILED_WORD_BITS = 8
BATCH = 256


def loop(cells: int, word_bits: int = 8, max_steps: int = 10_000) -> rasp.Loop:
    """The SUBLEQ machine as a RASP loop: state (mem, pc), the step, halt computed by the step."""
    machine = Step(cells, word_bits)
    return rasp.Loop(state=initial_state(), step=machine.step, halt=machine.halt, max_steps=max_steps).named("machine")


@functools.lru_cache(maxsize=None)
def machine(cells: int = 32, word_bits: int = 8, max_steps: int = 10_000) -> CompiledModel:
    """The compiled looped model for memories of up to `cells` W-bit words (cached)."""
    if not isinstance(cells, int) or isinstance(cells, bool) or not 3 <= cells <= max(SIZES):
        raise InputError(f"cells must be an int in 3..{max(SIZES)}, got {cells!r}")
    low, high = word_range(word_bits)
    if word_bits > COMPILED_WORD_BITS:  # else the compiler's "raise max_size" about an s-op inside the step
        raise InputError(f"word_bits={word_bits}: the compiled machines take words of 2..{COMPILED_WORD_BITS} bits "
                         "(subleq.reference runs wider ones in Python)")
    program = loop(cells, word_bits, check_max_steps(max_steps))["mem"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compiled = compile_rasp_to_model(program, set(range(low, high + 1)), cells)
    for warning in caught:
        # the compiler cannot prove that a cell read selects one cell, so it warns that the memory may decode an
        # int where the interpreter has a float; a Result's words are read by rounding (`_result`), so no such
        # type reaches it (tests/library/subleq/test_step.py checks the types against the interpreter)
        if issubclass(warning.category, OutputTypeWarning):
            continue
        if issubclass(warning.category, RoundingWarning):  # its advice, verify(), needs a program a user lacks
            warning.message = warning.message.advised(
                "subleq.reference(memory) runs the same machine in Python to compare a run with (shipped and random "
                "programs are checked so: docs/computers.md)", f"the SUBLEQ machine ({cells} cells, {word_bits}-bit "
                "words): ")
        warnings.warn(warning.message, stacklevel=2)
    return compiled


def machine_for(size: int, word_bits: int, max_steps: int) -> CompiledModel:
    """The smallest cached machine that holds a memory of `size` cells."""
    for cells in SIZES:
        if size <= cells:
            return machine(cells, word_bits, max_steps)
    raise InputError(f"the memory has {size} cells; the compiled machines hold at most {max(SIZES)}")


def run(memory: Sequence[int], max_steps: int = 10_000, word_bits: int = 8) -> Result:
    """Runs SUBLEQ on `memory` with the compiled looped transformer (see `machine.reference`)."""
    return run_many([memory], max_steps, word_bits)[0]


def run_many(memories: Sequence[Sequence[int]], max_steps: int = 10_000, word_bits: int = 8) -> list[Result]:
    """`run` for many memories of one size class, in batched forward passes (the loop runs until
    every memory in a batch has stopped; the ones that stopped earlier stay as they are)."""
    cells = [check_memory(m, word_bits) for m in memories]
    max_steps = check_max_steps(max_steps)
    results: list[Result] = []
    for start in range(0, len(cells), BATCH):
        chunk = cells[start:start + BATCH]
        model = machine_for(max(len(m) for m in chunk), word_bits, max_steps)
        results += run_on(model, chunk)
    return results


def run_on(model: CompiledModel, memories: list[list[int]]) -> list[Result]:
    """One batched run of the looped model: memories from its output, steps and halted from its
    loop counters (read at each input's first position, where the model keeps them)."""
    inputs = [[model.config.bos, *m] for m in memories]
    with torch.inference_mode(), torch_threads(forward_work(model.model, len(inputs) * max(map(len, inputs)))):
        ids = model.model.encode(inputs)
        final = model.model(ids)
        decoded = model.model.decode(final, [len(x) for x in inputs], ids)
        steps, halted = model.model.loop_status(final)
    return [_result(row[1:], s, h) for row, s, h in zip(decoded, steps, halted)]


def trace(memory: Sequence[int], max_steps: int = 10_000, word_bits: int = 8) -> list[tuple[int, list[int]]]:
    """(pc, memory) before each step and where the machine stopped, read from the compiled model's
    residual stream after each iteration of its block (pc is -1 once it points outside the memory).
    The iterations are the model's own; this only runs them one at a time to look in between."""
    cells = check_memory(memory, word_bits)
    model = machine_for(len(cells), word_bits, check_max_steps(max_steps))
    net, loop_config = model.model, model.config.loop
    first, end = loop_config.first_layer, loop_config.first_layer + loop_config.n_layers
    mem_layout, pc_layout = model.layouts["machine.mem"], model.layouts["machine.pc"]
    with torch.inference_mode():
        ids = net.encode([[model.config.bos, *cells]])
        x = net.token_embed[ids] + net.pos_embed[: ids.shape[1]]
        masked = torch.zeros(1, 1, ids.shape[1], dtype=torch.bool)
        x = _layers(x, masked, net.layers[:first])
        states = []
        while True:
            mem = [int(round(v)) for v in mem_layout.decode(x[0, 1:])]
            pc = int(round(pc_layout.decode(x[0, 1:2])[0]))
            states.append((pc, mem))
            x = _layers(x, masked, net.layers[first:end])
            if float(x[0, 1, loop_config.stop_dim]) > 0.5:  # the pass that stops commits nothing
                return states


def _layers(x: torch.Tensor, masked: torch.Tensor, layers) -> torch.Tensor:
    for layer in layers:
        x = layer.mlp_sublayer(layer.attention_sublayer(x, masked))
    return x


def _result(memory: list, steps, halted) -> Result:
    words = [int(round(v)) for v in memory]
    if any(abs(v - w) > 1e-3 for v, w in zip(memory, words)):
        raise RuntimeError(f"the compiled machine wrote {memory!r}, not words: a compiler bug")
    return Result(words, int(steps), bool(halted))
