"""Compiled arithmetic: the programs of `programs` compiled once per size, and run on integers.

Every answer is read off a compiled transformer's output; Python arithmetic only writes the operands'
digits in and reads the result's digits out. Compiled models are cached in-process (a 10-digit adder
compiles in well under a second, the 4×4 multiplier in about two).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from weightsmith.compiler import CompiledModel, compile_rasp_to_model
from weightsmith.library.arithmetic import programs
from weightsmith.rasp.errors import InputError

MAX_ADD_DIGITS = 40
MAX_MULTIPLY_DIGITS = 8
BATCH = 4096


def _check_digits(digits, most: int, what: str) -> int:
    if not isinstance(digits, int) or isinstance(digits, bool) or not 1 <= digits <= most:
        raise InputError(f"{what}: digits must be an int in 1..{most}, got {digits!r}")
    return digits


def operand_digits(x, digits: int, what: str) -> list[int]:
    """The `digits` decimal digits of x, least significant first; InputError if x does not fit."""
    if not isinstance(x, (int, np.integer)) or isinstance(x, bool):
        raise InputError(f"{what}: operands must be ints, got {x!r}")
    x = int(x)
    if x < 0:
        raise InputError(f"{what}: {x} is negative; the compiled models take integers 0..10**digits - 1")
    if x >= 10**digits:
        raise InputError(f"{what}: {x} has {len(str(x))} digits, more than digits={digits}")
    return [int(c) for c in reversed(str(x).zfill(digits))]


def number(digits: Sequence) -> int:
    """The integer whose digits, least significant first, are `digits` (each must be 0..9)."""
    if any(not isinstance(d, int) or isinstance(d, bool) or not 0 <= d <= 9 for d in digits):
        raise RuntimeError(f"the compiled model wrote {list(digits)!r}, not digits: a compiler bug")
    return int("".join(map(str, reversed(digits))))


# ------------------------------------------------------------------------------------------- models
@functools.lru_cache(maxsize=None)
def adder(digits: int, causal: bool = False) -> CompiledModel:
    """The adder for `digits`-digit operands: the encoder (all sum digits at once) or, with `causal`,
    the autoregressive decoder (one digit per forward pass). The same RASP program for every size."""
    _check_digits(digits, MAX_ADD_DIGITS, "adder")
    vocab = set(programs.DIGITS) | {programs.PLUS, programs.EQUALS}
    if causal:  # the longest input: a, +, b, =, and every sum digit but the last
        return compile_rasp_to_model(programs.make_autoregressive_adder(), vocab, 3 * digits + 2, causal=True)
    return compile_rasp_to_model(programs.make_adder(), vocab, 2 * digits + 2)


@functools.lru_cache(maxsize=None)
def multiplier(digits: int = 4, digits_b: int | None = None) -> CompiledModel:
    """The multiplier of a `digits`-digit by a `digits_b`-digit number (default: `digits` too)."""
    n = _check_digits(digits, MAX_MULTIPLY_DIGITS, "multiplier")
    m = n if digits_b is None else _check_digits(digits_b, MAX_MULTIPLY_DIGITS, "multiplier")
    vocab = set(programs.DIGITS) | {programs.TIMES, programs.EQUALS}
    return compile_rasp_to_model(programs.make_multiplier(n, m), vocab, n + m + 2)


# ---------------------------------------------------------------------------------------- layouts
def addition_tokens(a: int, b: int, digits: int) -> list:
    """`a_0 .. a_{n-1} + b_0 .. b_{n-1} =`, digits least significant first (no BOS)."""
    return [*operand_digits(a, digits, "add"), programs.PLUS, *operand_digits(b, digits, "add"), programs.EQUALS]


def multiplication_tokens(a: int, b: int, n: int, m: int) -> list:
    """`a_0 .. a_{n-1} * b_0 .. b_{m-1} =`, digits least significant first (no BOS)."""
    return [*operand_digits(a, n, "multiply"), programs.TIMES, *operand_digits(b, m, "multiply"), programs.EQUALS]


# ---------------------------------------------------------------------------------------- running
def add(a: int, b: int, digits: int = 10, causal: bool = False) -> int:
    """a + b, computed by the compiled adder (`causal`: the autoregressive one, digit by digit)."""
    return add_many([(a, b)], digits, causal)[0]


def add_many(pairs: Sequence[tuple[int, int]], digits: int = 10, causal: bool = False) -> list[int]:
    """a + b for many pairs, in batched forward passes."""
    model = adder(_check_digits(digits, MAX_ADD_DIGITS, "add"), causal)
    inputs = [addition_tokens(a, b, digits) for a, b in pairs]
    if causal:
        return [number(s) for s in generate(model, inputs, digits + 1)]
    outputs = _run(model, inputs)
    return [number(out[digits + 1:]) for out in outputs]


def generate(model: CompiledModel, prompts: Sequence[list], steps: int) -> list[list]:
    """Greedy decoding: each step appends the model's output at the last position (prompts of equal
    length, run together); returns the `steps` tokens written."""
    written: list[list] = [[] for _ in prompts]
    for _ in range(steps):
        outputs = _run(model, [[*p, *w] for p, w in zip(prompts, written)])
        for w, out in zip(written, outputs):
            w.append(out[-1])
    return written


def multiply(a: int, b: int, digits: int = 4, digits_b: int | None = None) -> int:
    """a × b, computed by the compiled multiplier for `digits` × `digits_b` (default `digits`) digits."""
    return multiply_many([(a, b)], digits, digits_b)[0]


def multiply_many(pairs: Sequence[tuple[int, int]], digits: int = 4, digits_b: int | None = None) -> list[int]:
    n = _check_digits(digits, MAX_MULTIPLY_DIGITS, "multiply")
    m = n if digits_b is None else _check_digits(digits_b, MAX_MULTIPLY_DIGITS, "multiply")
    model = multiplier(n, m)
    outputs = _run(model, [multiplication_tokens(a, b, n, m) for a, b in pairs])
    return [number(out[: n + m]) for out in outputs]


def _run(model: CompiledModel, inputs: list[list]) -> list[list]:
    outputs = []
    for start in range(0, len(inputs), BATCH):
        outputs += model.run_batch(inputs[start:start + BATCH])
    return outputs


def carry_chain_cases(digits: int) -> list[tuple[int, int]]:
    """Pairs exercising every carry chain of `digits`-digit addition: for each column g and end e > g,
    a carry generated at g (5 + 5) or only propagated there (5 + 4), propagated through the 9-columns
    g+1 .. e-1 and landing in column e; plus 0 + 0, the largest + the largest, 10**k - 1 + 1 and
    all-nines + 10**k. Test data only: the adder never sees these as anything but digits."""
    cases = {(0, 0), (10**digits - 1, 10**digits - 1)}
    for g in range(digits):
        for end in range(g + 1, digits + 1):
            nines = sum(9 * 10**i for i in range(g + 1, end))
            cases |= {(5 * 10**g + nines, 5 * 10**g), (5 * 10**g + nines, 4 * 10**g)}
        cases |= {(10 ** (g + 1) - 1, 1), (10**digits - 1, 10**g), (5 * 10**g, 5 * 10**g)}
    return sorted(cases)


# ------------------------------------------------------------------------------------------ traces
@dataclass
class Trace:
    """Named intermediate values read from the model's residual stream, per position of `tokens`."""

    tokens: list
    values: dict[str, list]


def read_residuals(model: CompiledModel, tokens: list, labels: Sequence[str]) -> Trace:
    """The values of the s-ops `labels` at each position, decoded from the residual stream of one
    forward pass (not from the interpreter), each right after the sublayer that writes it."""
    return Trace(list(tokens), {label: rows[0] for label, rows in model.read_residuals([tokens], labels).items()})


def trace_add(a: int, b: int, digits: int = 10) -> list[dict]:
    """Per sum digit i (least significant first): a_i, b_i, their column, the carry in and the digit,
    as the compiled encoder adder holds them."""
    tokens = addition_tokens(a, b, digits)
    seen = read_residuals(adder(digits), tokens, ["column", "carry", "sum"]).values
    rows = []
    for i in range(digits + 1):
        at = digits + 1 + i  # b_i's position; `=` for the top digit
        rows.append({"digit": i, "a": tokens[i] if i < digits else "", "b": tokens[at] if i < digits else "",
                     "column": seen["column"][at], "carry_in": seen["carry"][at], "sum": seen["sum"][at]})
    return rows


def trace_multiply(a: int, b: int, digits: int = 4, digits_b: int | None = None) -> list[dict]:
    """Per product digit k: the column sum (of a_i·b_j with i + j = k), each normalised column and the
    carry in, as the compiled multiplier holds them."""
    n = _check_digits(digits, MAX_MULTIPLY_DIGITS, "multiply")
    m = n if digits_b is None else _check_digits(digits_b, MAX_MULTIPLY_DIGITS, "multiply")
    model = multiplier(n, m)
    steps = [label for label in model.layouts if label.startswith("column") and label[6:].isdigit()]
    labels = ["column_sum", *sorted(steps), "carry", "product"]
    seen = read_residuals(model, multiplication_tokens(a, b, n, m), labels).values
    return [{"digit": k, **{label: _plain(seen[label][k]) for label in labels}} for k in range(n + m)]


def _plain(v):
    return int(round(v)) if isinstance(v, float) else v
