"""Every library program compiled once per session."""

import pytest

from weightsmith.compiler import compile_program
from weightsmith.library import PROGRAMS


@pytest.fixture(scope="session")
def compiled():
    cache = {}

    def get(name: str, causal: bool = False, compact: bool = False):
        """`compact`: every s-op that can be a code is one, the output too (`compact_above=0`)."""
        if (name, causal, compact) not in cache:
            p = PROGRAMS[name]
            cache[name, causal, compact] = compile_program(p.build(), p.vocab, p.max_seq_len, causal=causal,
                                                           **({"compact_above": 0} if compact else {}))
        return cache[name, causal, compact]

    return get
