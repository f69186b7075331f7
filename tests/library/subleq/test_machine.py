import pytest
from hypothesis import given
from hypothesis import strategies as st

from weightsmith.library.subleq import reference, reference_trace, wrap
from weightsmith.rasp.errors import InputError


def test_one_instruction_subtracts_and_falls_through():
    # 3 4 0 | 5 2 : mem[4] = 2 - 5 = -3 <= 0 -> pc = 0 ... then a = 3, b = 4 again
    result = reference([3, 4, 6, 5, 2], max_steps=1)
    assert result.memory == [3, 4, 6, 5, -3] and result.steps == 1 and result.halted  # pc = 6: no instruction


def test_positive_result_goes_to_next_instruction():
    result = reference([3, 4, -1, 1, 5], max_steps=1)  # mem[4] = 5 - 1 = 4 > 0: pc = 3, 3 + 2 >= 5: halt
    assert result.memory == [3, 4, -1, 1, 4] and result.steps == 1 and result.halted


def test_wraps_around_in_twos_complement():
    result = reference([3, 4, -1, 1, -128], max_steps=5)  # -128 - 1 wraps to 127 (> 0: next, out)
    assert result.memory[4] == 127 and result.steps == 1
    assert reference([3, 4, -1, -1, 127], max_steps=5).memory[4] == -128


def test_halts_before_writing_when_a_or_b_is_not_a_cell():
    for memory in ([7, 0, 0], [0, 5, 0], [-1, 0, 0], [0, -3, 0]):
        result = reference(memory)
        assert result == reference(memory) and result.steps == 0 and result.halted and result.memory == memory


def test_halts_when_no_whole_instruction_is_at_pc():
    assert reference([0, 0]).steps == 0  # pc + 2 >= M at once
    result = reference([0, 0, 2, 0])  # mem[0] = 0 - 0 <= 0 -> pc = 2: 2 + 2 >= 4
    assert result.halted and result.steps == 1


def test_max_steps_cuts_a_loop_off_and_reports_not_halted():
    forever = [3, 3, 0, 0]  # mem[3] = 0 - 0 = 0 <= 0: jump to 0, forever
    result = reference(forever, max_steps=50)
    assert result.steps == 50 and not result.halted


def test_halting_exactly_at_max_steps_counts_as_halted():
    memory = [3, 4, -1, 1, 5]
    assert reference(memory, max_steps=1).halted and not reference([3, 3, 0, 0], max_steps=1).halted


def test_trace_lists_every_state():
    states = reference_trace([3, 4, -1, 1, 5])
    assert states == [(0, [3, 4, -1, 1, 5]), (3, [3, 4, -1, 1, 4])]


@pytest.mark.parametrize("memory, message", [([], "empty"), ([0, 200], "cell 1"), ([0, 1.5], "cell 1"),
                                             ([True], "cell 0")])
def test_bad_memory_is_an_input_error(memory, message):
    with pytest.raises(InputError, match=message):
        reference(memory)


def test_bad_word_bits_and_max_steps():
    with pytest.raises(InputError, match="word_bits"):
        reference([0], word_bits=1)
    with pytest.raises(InputError, match="max_steps"):
        reference([0], max_steps=-1)


@given(st.integers(-(2**20), 2**20), st.sampled_from([4, 8, 16]))
def test_wrap_is_the_twos_complement_residue(value, bits):
    w = wrap(value, bits)
    assert -(2 ** (bits - 1)) <= w < 2 ** (bits - 1) and (w - value) % 2**bits == 0
