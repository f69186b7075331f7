"""Decompiled RASP, evaluated by the interpreter, == the discrete program."""

import pytest

from tests.learn.conftest import random_inputs, random_program
from weightsmith import rasp
from weightsmith.learn.to_rasp import decompile_to_rasp


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("predicate", ["binary", "one_hot"])
def test_random_programs(seed, causal, predicate):
    program = random_program(seed, causal=causal, predicate=predicate, max_len=5)
    inputs = random_inputs(program, 120, seed)
    assert rasp.evaluate_batch(decompile_to_rasp(program), inputs) == program.predict(inputs)


def test_heads_keyed_on_positions_single_input_interpreter():
    # Heads keyed on positions (a relabelling of indices marks position 0, no lookup), on one input at a time.
    program = random_program(5, predicate="one_hot", max_len=5)
    for layer in program.heads:
        for head in layer:
            head.key = 1
    inputs = random_inputs(program, 40, 1)
    sop = decompile_to_rasp(program)
    assert [rasp.evaluate(sop, x) for x in inputs] == program.predict(inputs)


def test_tiny_trained_model(tiny_trained):
    program, task = tiny_trained
    inputs = task.test.inputs
    assert rasp.evaluate_batch(decompile_to_rasp(program), inputs) == program.predict(inputs)
