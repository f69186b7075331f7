"""`weightsmith subleq`: run a SUBLEQ program on the compiled looped transformer."""

from __future__ import annotations

from pathlib import Path

import typer

from weightsmith.cli.common import app, console, fail
from weightsmith.textfile import read_text

ROW = 16  # cells per printed row: 16 x 5 characters and the row's address fit in 100 columns


def _rows(memory: list[int], indent: str) -> list[str]:
    return [f"{indent}{start:3d}: " + "".join(f"{v:5d}" for v in memory[start:start + ROW])
            for start in range(0, len(memory), ROW)]


@app.command()
def subleq(
    program: Path = typer.Argument(..., help="A SUBLEQ assembly file (.sq): instructions 'a b \\[c]', '.data v ...', "
                                   "labels 'name:', comments after '#' or ';'."),
    trace: bool = typer.Option(False, "--trace", help="Show pc and memory before every step, as the model holds "
                               "them between iterations."),
    max_steps: int = typer.Option(10_000, "--max-steps", help="Stop after this many steps (reported as not halted)."),
    word_bits: int = typer.Option(8, "--word-bits", help="Bits per memory word (two's complement), 2..8."),
) -> None:
    """Run a SUBLEQ program on a compiled looped transformer that halts by itself.

    Each iteration of the model's shared block executes one instruction; the model computes its own
    halt flag and step count. Prints the final memory (and each label's cell)."""
    from weightsmith.library import subleq as machine

    try:
        text = read_text(program)
    except OSError as err:
        fail(f"cannot read {program}: {err.strerror or err}")
    try:
        assembled = machine.assemble_program(text)
        if trace:
            states = machine.trace(assembled.memory, max_steps, word_bits)
        result = machine.run(assembled.memory, max_steps, word_bits)
    except ValueError as err:
        fail(f"{program}: {err}")
    if trace:
        for step, (pc, memory) in enumerate(states):
            console.print(f"step {step:5d}  pc {pc:4d}" if pc >= 0 else f"step {step:5d}  pc  out", highlight=False)
            for line in _rows(memory, "  "):
                console.print(line, highlight=False)
    status = "halted" if result.halted else "stopped at --max-steps (not halted)"
    console.print(f"{status} after {result.steps} steps; memory ({len(result.memory)} cells):", highlight=False)
    for line in _rows(result.memory, ""):
        console.print(line, highlight=False)
    if assembled.labels:
        named = [f"{name}={result.memory[at]}" for name, at in assembled.labels.items() if at < len(result.memory)]
        console.print("labels: " + "  ".join(named), highlight=False, soft_wrap=False)
