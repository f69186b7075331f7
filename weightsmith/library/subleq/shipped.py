"""The shipped SUBLEQ programs (`programs/*.sq`), assembled."""

from __future__ import annotations

from importlib import resources

from weightsmith.library.subleq.assembler import Program, assemble_program
from weightsmith.rasp.errors import InputError

NAMES = ("negate", "add", "multiply", "divide", "fibonacci", "copy", "maximum", "bubble_sort", "countdown",
         "self_modify")


def source(name: str) -> str:
    """The assembly text of a shipped program."""
    if name not in NAMES:
        raise InputError(f"no shipped SUBLEQ program {name!r}; there are {', '.join(NAMES)}")
    return resources.files("weightsmith.library.subleq").joinpath("programs").joinpath(f"{name}.sq").read_text()


def shipped(name: str) -> Program:
    """A shipped program assembled: its memory and labels."""
    return assemble_program(source(name))
