"""Numeric functions of one number, compiled as MLPs that are exact at every value that can occur.

A number held in a single residual dimension (as an attention head writes a copy or a mean) has no
one-hot form to look values up in, so the compiler builds a staircase over the finite set of values
it can take (`compiler.mlp.discretising_units`: two ReLUs per step, flat within a quarter gap of each
value), and the output is decoded to the nearest value of its finite set. Any function works: x², √x,
exp, log, 1/x, x // k, x % k; it only has to be defined on every value that can occur (log and 1/x
need a vocabulary without 0, or the compiler names the value they fail on).

    program = numeric_function("sqrt")
    compiled = compile_rasp_to_model(program, vocab=range(1, 101), max_seq_len=1)
    compiled.run([49])       # [7.0]
"""

from __future__ import annotations

import math
from typing import Callable

from weightsmith import rasp


def floor_divide(k: int) -> Callable[[float], float]:
    return lambda x: x // k


def modulo(k: int) -> Callable[[float], float]:
    return lambda x: x % k


FUNCTIONS: dict[str, Callable[[float], float]] = {
    "square": lambda x: x * x,
    "sqrt": math.sqrt,
    "exp": math.exp,
    "log": math.log,
    "reciprocal": lambda x: 1 / x,
    "div7": floor_divide(7),
    "mod7": modulo(7),
}


def number() -> rasp.SOp:
    """Each token's value as one number in one dimension, copied there by an attention head."""
    value = rasp.numerical(rasp.Map(lambda t: t, rasp.tokens)).named("token_value")
    itself = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.EQ)
    return rasp.numerical(rasp.Aggregate(itself, value, default=0)).named("x")


def numeric_function(f: str | Callable[[float], float], x: rasp.SOp | None = None) -> rasp.SOp:
    """f(x) at each position, numerical: `f` a name in FUNCTIONS or any function of one number;
    `x` a numerical s-op (default: `number()`, the token's value in one dimension)."""
    name = f if isinstance(f, str) else getattr(f, "__name__", "f")
    if isinstance(f, str):
        if f not in FUNCTIONS:
            raise KeyError(f"unknown function {f!r}; known: {', '.join(FUNCTIONS)}")
        f = FUNCTIONS[f]
    return rasp.numerical(rasp.Map(f, number() if x is None else x)).named(name)
