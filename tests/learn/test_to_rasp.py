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


@pytest.mark.parametrize("xs, message", [
    ([0, 1], "input . starts with 0; the program is defined on inputs that start with 'BOS'"),  # 0 read as BOS
    ([], "input . has length 0; the program is defined on lengths 1..4"),  # answered []
    (["BOS", 0, 1, 2, 0], "input . has length 5"),
    (["BOS", 3], r"input ., position 1: token 3 is not in the vocabulary"),
    (["BOS", True], r"input ., position 1: token True is not in the vocabulary"),  # True == 1, another token
])
def test_inputs_the_model_refuses_the_decompiled_program_refuses(xs, message):
    # the interpreter answered inputs outside the model's domain, where `predict` refuses them
    program = random_program(0, max_len=4)
    sop = decompile_to_rasp(program)
    with pytest.raises(ValueError):
        program.predict([xs])
    for run in (lambda: rasp.evaluate(sop, xs), lambda: rasp.evaluate_batch(sop, [["BOS"], xs]),
                lambda: rasp.trace(sop, xs)):
        with pytest.raises(rasp.InputError, match=message):
            run()
    inside = [["BOS", 0, "BOS"], ["BOS"], ["BOS", "x", 2, 1]]
    assert rasp.evaluate_batch(sop, inside) == [rasp.evaluate(sop, x) for x in inside] == program.predict(inside)
