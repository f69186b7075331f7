"""Every library program compiled once per session."""

import pytest

from weightsmith.compiler import compile_program
from weightsmith.library import PROGRAMS


@pytest.fixture(scope="session")
def compiled():
    cache = {}

    def get(name: str, causal: bool = False):
        if (name, causal) not in cache:
            p = PROGRAMS[name]
            cache[name, causal] = compile_program(p.build(), p.vocab, p.max_seq_len, causal=causal)
        return cache[name, causal]

    return get
