"""A small SUBLEQ assembly language, so programs are written with names rather than addresses.

    # comments run from '#' or ';' to the end of the line
    top:  one k -1          # an instruction: a b c (cells a and b, jump target c)
          Z Z top           # ...
    k:    .data 3           # data cells: .data v1 v2 ...
    arr:  .data 5 -2 7

- An instruction is two or three operands; a missing c means "the next instruction" (`?` says so
  explicitly). Every instruction takes three cells, every `.data` value one, in order from cell 0.
- Operands: an integer, a label, `label+n` / `label-n`, or `?` (the address after this instruction).
- Labels end with ':' and may stand alone on a line (naming the next cell); several may share a cell.

Errors (`AssemblyError`, a `ValueError`) name the line: an unknown or duplicate label, a malformed
operand, a wrong number of operands, an unknown directive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from weightsmith.rasp.errors import InputError

LABEL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
OFFSET = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)([+-]\d+)?$")
INTEGER = re.compile(r"[+-]?\d+$")


class AssemblyError(InputError):
    """The assembly text is wrong; the message names the line."""


@dataclass(frozen=True)
class Program:
    """Assembled memory and where each label points (for reading results by name)."""

    memory: list[int]
    labels: dict[str, int]


@dataclass(frozen=True)
class _Item:
    line: int
    operands: list[str]  # an instruction's 3 operands (c filled in), or one data value
    address: int


def _strip(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].strip()


def assemble_program(text: str) -> Program:
    """Assembles `text` into memory and its labels; AssemblyError on the first mistake, by line."""
    labels: dict[str, int] = {}
    items: list[_Item] = []
    address = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        words = _strip(raw).split()
        while words and words[0].endswith(":"):
            name = words.pop(0)[:-1]
            if not LABEL.match(name):
                raise AssemblyError(f"line {number}: {name!r} is not a label name (letters, digits, _)")
            if name in labels:
                raise AssemblyError(f"line {number}: label {name!r} is already defined")
            labels[name] = address
        if not words:
            continue
        if words[0].startswith("."):
            if words[0] != ".data":
                raise AssemblyError(f"line {number}: unknown directive {words[0]!r} (only .data)")
            if len(words) == 1:
                raise AssemblyError(f"line {number}: .data needs at least one value")
            for w in words[1:]:
                items.append(_Item(number, [w], address))
                address += 1
            continue
        if len(words) not in (2, 3):
            raise AssemblyError(f"line {number}: an instruction has 2 or 3 operands (a b [c]), got {len(words)}: "
                                f"{' '.join(words)!r}")
        items.append(_Item(number, words if len(words) == 3 else [*words, "?"], address))
        address += 3
    memory: list[int] = []
    for item in items:
        after = item.address + len(item.operands)
        memory += [_operand(w, labels, after, item.line) for w in item.operands]
    return Program(memory, labels)


def assemble(text: str) -> list[int]:
    """The memory image (program and data, from cell 0) of the assembly `text`."""
    return assemble_program(text).memory


def _operand(word: str, labels: dict[str, int], after: int, line: int) -> int:
    if word == "?":
        return after
    if INTEGER.match(word):
        return int(word)
    match = OFFSET.match(word)
    if not match:
        raise AssemblyError(f"line {line}: {word!r} is not an operand (an integer, a label, label+n or ?)")
    name, offset = match.groups()
    if name not in labels:
        raise AssemblyError(f"line {line}: unknown label {name!r}")
    return labels[name] + (int(offset) if offset else 0)
