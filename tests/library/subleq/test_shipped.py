"""Each shipped program against the reference, with results known independently of it."""

import pytest

from weightsmith.library.subleq import NAMES, reference, shipped

EXPECTED = {  # label -> final value, worked out by hand from each program's data
    "negate": {"y": -7},
    "add": {"s": 42},
    "multiply": {"p": 63, "y": 0},
    "divide": {"q": 9, "n": 2},  # 47 = 9 * 5 + 2
    "fibonacci": {"a": 55, "b": 89},  # F(10), F(11)
    "copy": {"d0": 12, "d1": -7, "d2": 100, "d3": 0},
    "maximum": {"m": 99},
    "bubble_sort": {"x": -3, "y": 41, "z": 90},
    "countdown": {"n": 0},
    "self_modify": {"s": 36},  # 10 - 3 + 25 + 4
}


def test_every_program_has_expectations():
    assert set(EXPECTED) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_shipped_program_computes_its_result_and_halts(name):
    program = shipped(name)
    result = reference(program.memory)
    assert result.halted and 0 < result.steps < 10_000
    assert {label: result.memory[program.labels[label]] for label in EXPECTED[name]} == EXPECTED[name]


def test_countdown_takes_two_steps_per_count():
    assert reference(shipped("countdown").memory).steps == 2 * 20 - 1


def test_self_modify_rewrites_its_own_instruction():
    program = shipped("self_modify")
    result = reference(program.memory)
    load = program.labels["load"]
    assert result.memory[load] == program.memory[load] + 4  # the pointer walked over the 4 elements
