"""Exact arithmetic by compiled transformers: `add`, `multiply`, and numeric functions as MLPs.

    from weightsmith.library import arithmetic
    arithmetic.add(9999999999, 1)              # 10000000000, read off the compiled encoder adder
    arithmetic.add(123, 456, causal=True)      # 579, the autoregressive adder writing one digit a step
    arithmetic.multiply(1234, 5678)            # 7006652, the compiled 4×4-digit multiplier
    arithmetic.adder(10)                       # the CompiledModel itself (cached)

The RASP programs and their token layouts are in `programs`; `functions` compiles x², √x, exp, log,
1/x, x // k and x % k on a finite set of numbers.
"""

from weightsmith.library.arithmetic.functions import FUNCTIONS, numeric_function
from weightsmith.library.arithmetic.models import (
    MAX_ADD_DIGITS,
    MAX_MULTIPLY_DIGITS,
    add,
    add_many,
    adder,
    carry_chain_cases,
    multiplier,
    multiply,
    multiply_many,
    trace_add,
    trace_multiply,
)
from weightsmith.library.arithmetic.programs import make_adder, make_autoregressive_adder, make_multiplier

__all__ = [name for name in dir() if not name.startswith("_")]
