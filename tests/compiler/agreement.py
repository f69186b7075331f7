"""Shared by the compiler tests: every input, and "the compiled model says what the interpreter says"."""

from __future__ import annotations

import itertools
import math
import warnings
from typing import Sequence

from weightsmith import rasp
from weightsmith.compiler import OutputTypeWarning, compile_rasp_to_model
from weightsmith.model.config import ROUNDING_NOISE


def every_input(vocab: Sequence, max_seq_len: int) -> list[list]:
    """All token sequences of length 1..max_seq_len over `vocab`."""
    return [list(x) for n in range(1, max_seq_len + 1) for x in itertools.product(vocab, repeat=n)]


def compile_noting_type_warnings(program: rasp.SOp, vocab: set, max_seq_len: int):
    """(model, whether the compiler warned that an output's int-or-float type is not covered): such a model's
    values are the interpreter's, its types may not be (`OutputTypeWarning`, docs/compiler-numerics.md)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OutputTypeWarning)
        model = compile_rasp_to_model(program, vocab, max_seq_len)
    return model, any(issubclass(w.category, OutputTypeWarning) for w in caught)


def same_value(ours, theirs) -> bool:
    """Equal, numbers by value (1 == 1.0 == True, as Tracr compares) up to float64 rounding noise of the
    interpreter (`ROUNDING_NOISE` relative: 2/3 - 1/3 and 1/3 are one value; see compiler.mlp.rounding_starts)."""
    if isinstance(ours, (int, float)) and isinstance(theirs, (int, float)):
        return math.isclose(float(ours), float(theirs), rel_tol=ROUNDING_NOISE, abs_tol=1e-12)
    return ours == theirs and (ours is None) == (theirs is None)


def mismatches(compiled, program: rasp.SOp, inputs: list[list], limit: int = 3) -> list[tuple]:
    """(input, model output, interpreter output) where they differ; inputs the interpreter rejects are
    skipped (the program defines nothing there)."""
    got = compiled.run_batch(inputs)
    bad = []
    for xs, ours in zip(inputs, got):
        try:
            theirs = rasp.evaluate(program, xs)
        except rasp.EvaluationError:
            continue
        if len(ours) != len(theirs) or not all(map(same_value, ours, theirs)):
            bad.append((xs, ours, theirs))
            if len(bad) >= limit:
                break
    return bad


def batched_mismatches(compiled, program: rasp.SOp, inputs: list[list], limit: int = 3) -> list[tuple]:
    """`mismatches` with the batched interpreter, for many inputs of a program defined on all of them."""
    got = compiled.run_batch(inputs)
    expected = rasp.evaluate_batch(program, inputs)
    bad = []
    for xs, ours, theirs in zip(inputs, got, expected):
        if len(ours) != len(theirs) or not all(map(same_value, ours, theirs)):
            bad.append((xs, ours, theirs))
            if len(bad) >= limit:
                break
    return bad
