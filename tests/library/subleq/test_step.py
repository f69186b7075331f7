"""The SUBLEQ step as RASP: unrolled in the interpreter against the reference, compiled against the
interpreter, and looped by `rasp.Loop` against the reference."""

import warnings

import pytest

from weightsmith import rasp
from weightsmith.compiler import OutputTypeWarning, compile_rasp_to_model
from weightsmith.library.subleq import reference, reference_trace, shipped
from weightsmith.library.subleq.random_programs import random_programs
from weightsmith.library.subleq.step import Step, initial_state, unrolled

CELLS, BITS = 32, 8
WORDS = set(range(-128, 128))


def memories():
    short = [shipped(n).memory for n in ("negate", "add", "multiply", "divide", "fibonacci", "countdown",
                                         "self_modify")]
    return short + random_programs(6, seed=11, cells=CELLS, min_steps=5, max_steps=10) + [[7, 0, 0], [0, 40, 0]]


@pytest.mark.parametrize("k", [0, 1, 3])
def test_unrolled_steps_follow_the_reference(k):
    state, halt = unrolled(CELLS, BITS, k)
    for memory in memories():
        states = reference_trace(memory, max_steps=k)
        if len(states) <= k:  # halted before step k: the unrolled step past a halt is not the machine's
            continue
        pc, mem = states[k]
        assert rasp.evaluate(state["mem"], memory) == mem
        assert rasp.evaluate(state["pc"], memory)[0] == (pc if 0 <= pc < CELLS else -1) or pc + 2 >= len(memory)
        assert rasp.evaluate(halt, memory)[0] == reference(memory, max_steps=k).halted


@pytest.mark.parametrize("name", ["negate", "countdown", "self_modify"])
def test_loop_in_the_interpreter_matches_the_reference(name):
    machine = Step(CELLS, BITS)
    loop = rasp.Loop(state=initial_state(), step=machine.step, halt=machine.halt, max_steps=100)
    memory = shipped(name).memory
    expected = reference(memory, max_steps=100)
    assert rasp.evaluate(loop["mem"], memory) == expected.memory
    assert rasp.evaluate(loop.steps, memory)[0] == expected.steps
    assert rasp.evaluate(loop.halted, memory)[0] == expected.halted


@pytest.mark.parametrize("part", ["mem", "pc", "halt"])
def test_two_steps_compiled_equal_the_interpreter(part):
    state, halt = unrolled(CELLS, BITS, 2)
    program = halt if part == "halt" else state[part]
    with warnings.catch_warnings():
        # mem and pc are computed from cell reads on four selectors; the compiler cannot prove each selects
        # one key (one address is one cell), so it warns that an int might be a float: the types are
        # checked below instead
        warnings.simplefilter("ignore", OutputTypeWarning)
        model = compile_rasp_to_model(program, WORDS, CELLS)
    inputs = memories()
    got, want = model.run_batch(inputs), [rasp.evaluate(program, m) for m in inputs]
    assert got == want
    assert [list(map(type, row)) for row in got] == [list(map(type, row)) for row in want]
    assert len(model.config.layers) <= 4 * 2 + 4  # four layers a step (the last step's halt: a few more)
