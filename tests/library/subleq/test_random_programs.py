import random

import pytest

from weightsmith.library.subleq import reference
from weightsmith.library.subleq.random_programs import random_program, random_programs
from weightsmith.rasp.errors import InputError


def test_random_programs_run_long_and_are_reproducible():
    programs = random_programs(3, seed=5, cells=16, min_steps=50, max_steps=200)
    assert programs == random_programs(3, seed=5, cells=16, min_steps=50, max_steps=200)
    for memory in programs:
        assert len(memory) == 16 and all(-128 <= v <= 127 for v in memory)
        assert reference(memory, 200).steps >= 50


def test_min_steps_beyond_max_steps_is_an_error():
    with pytest.raises(InputError, match="more than max_steps"):
        random_program(random.Random(0), min_steps=10, max_steps=5)
