"""What the interpreter's mean (`sum(selected) / len(selected)`, left to right in float64) gives, for
deciding soundly whether a categorical Aggregate of numbers can be compiled.

Two facts the compiler relies on and must not assume:
- a mean of *equal* numbers is that number: true for integers, false for many floats
  ((0.1 + 0.1 + 0.1) / 3 is 0.10000000000000002). A head that copies one of several equal values is
  exact only when every k-fold mean gives the value back (`equal_means_exact`).
- a mean's value does not depend on the order of the selected positions: true when every partial sum
  is exact in float64 (`exact_sums`), e.g. integers, or halves and quarters of moderate size. Only then
  is a value set of means built from sums in another order (`rasp.value_sets`) the interpreter's.
"""

from __future__ import annotations

import math
from typing import Iterable

EXACT_INT = 2**53  # integers up to this size are exact in float64


def _numbers(values: Iterable) -> list:
    return [v for v in values if isinstance(v, (int, float))]


def equal_means_exact(values: Iterable, max_seq_len: int) -> bool:
    """Whether, for every number v in `values` and k = 2..max_seq_len, the interpreter's mean of k copies
    of v equals v."""
    for v in _numbers(values):
        total = 0
        for k in range(1, max_seq_len + 1):
            total = total + v
            if k > 1 and total / k != v:
                return False
    return True


def exact_sums(values: Iterable, max_seq_len: int) -> bool:
    """Whether every sum of at most `max_seq_len` of `values` is exact in float64 (so a mean is the
    correctly rounded quotient of an exact sum, whatever the order of its terms).

    Each finite float is m / 2**e exactly; scaled by the largest 2**e, every term is an integer, and sums
    of integers below 2**53 are exact.
    """
    numbers = _numbers(values)
    if not numbers:
        return True
    if not all(math.isfinite(v) for v in numbers):
        return False
    ratios = [float(v).as_integer_ratio() if isinstance(v, float) else (int(v), 1) for v in numbers]
    scale = max(d for _, d in ratios)  # a power of two
    largest = max(abs(n) * (scale // d) for n, d in ratios)
    return largest * max_seq_len < EXACT_INT
