"""The compiled looped SUBLEQ machines against the Python reference: final memory, steps, halted."""

import warnings

import pytest

from weightsmith.compiler import OutputTypeWarning, RoundingWarning
from weightsmith.library.subleq import NAMES, machine, reference, reference_trace, run, run_many, shipped, trace
from weightsmith.library.subleq.random_programs import random_programs
from weightsmith.rasp.errors import InputError


@pytest.mark.parametrize("name", NAMES)
def test_every_shipped_program_on_the_compiled_machine(name):
    memory = shipped(name).memory
    assert run(memory) == reference(memory)


def test_random_long_programs_on_the_compiled_machine():
    programs = random_programs(20, seed=2026, min_steps=200, max_steps=200)  # each runs all 200 steps
    assert run_many(programs, max_steps=200) == [reference(m, 200) for m in programs]


def test_max_steps_and_halting_edge_cases():
    countdown = shipped("countdown").memory
    for max_steps in (0, 1, 38, 39):  # 39 steps halt it: at 39 the run ends halted, before it not
        assert run(countdown, max_steps) == reference(countdown, max_steps)
    for memory in ([7, 0, 0], [0, -1, 0], [0, 0], [0, 0, 2, 0]):  # a/b not a cell, no instruction, jump out
        assert run(memory, 10) == reference(memory, 10)


def test_extra_iterations_after_halting_change_nothing():
    memory = shipped("negate").memory
    assert run(memory, max_steps=3) == run(memory, max_steps=50) == reference(memory)


def test_trace_reads_the_states_between_iterations():
    memory = shipped("self_modify").memory
    states = trace(memory)
    assert [mem for _, mem in states] == [mem for _, mem in reference_trace(memory)]
    assert [pc for pc, _ in states][:-1] == [pc for pc, _ in reference_trace(memory)][:-1]


def test_the_machine_is_one_shared_block_and_halts_by_itself():
    model = machine(32, 8, 10_000)
    assert model.config.loop is not None and model.config.loop.n_layers <= 10


def test_memories_the_machines_cannot_hold_are_input_errors():
    with pytest.raises(InputError, match="at most 64"):
        run([0] * 65)
    with pytest.raises(InputError, match="cell 1"):
        run([0, 300])
    # 9..16-bit words are valid for the reference, but the compiler refused the machine with "raise max_size"
    with pytest.raises(InputError, match="word_bits=9: the compiled machines take words of 2..8 bits"):
        run([0, 0, -1], word_bits=9)
    assert reference([0, 0, -1], word_bits=9).halted


def test_the_machine_compiles_without_an_output_type_warning():
    # the compiler cannot prove that each cell read selects one cell, so it warned (at every `weightsmith subleq`
    # and first `subleq.run`) that the memory "may decode an int where the interpreter gives a float"; a Result
    # holds words read by rounding (`_result`), so that type never reaches the user
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        machine(5, 4, 7)  # a size no other test compiles: not from the cache
    assert not [w for w in caught if issubclass(w.category, OutputTypeWarning)]


def test_the_rounding_warning_tells_a_subleq_user_how_the_machine_is_checked():
    """Every `weightsmith subleq` printed the compiler's RoundingWarning ending "verify() checks the model", which
    a SUBLEQ user cannot run on the machine (it has no program of theirs to verify against); the warning keeps
    the s-ops it names and says what does check a run: `subleq.reference`."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        machine(6, 4, 9)  # a size no other test compiles: not from the cache
    texts = [str(w.message) for w in caught if issubclass(w.category, RoundingWarning)]
    assert texts, "the machine compiles without a RoundingWarning now: drop this test's premise"
    assert all("verify()" not in t and "subleq.reference" in t and "proven in real arithmetic" in t
               and t.startswith("the SUBLEQ machine (6 cells, 4-bit words)") for t in texts), texts
