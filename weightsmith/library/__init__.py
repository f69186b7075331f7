"""Ready RASP programs: Tracr's classic library and the RASP-paper tasks, plus a registry by name.

    from weightsmith import library, rasp
    rasp.evaluate(library.make_sort_unique(rasp.tokens, rasp.tokens), [3, 1, 2])   # [1, 2, 3]
    program = library.get_program("dyck2")          # a LibraryProgram: build, vocab, max_seq_len, ...
    rasp.evaluate(program.build(), ["(", "{", "}"])   # ['P', 'P', 'P']

The `make_*` functions keep the names, signatures and results of Tracr's `tracr.compiler.lib`, so
code written against Tracr's library runs unchanged. Every program is built from constructions a
compiler turns into exact attention heads and MLPs: categorical Aggregates that select at most one
position, numerical Aggregates of numerical s-ops, SelectorWidth, and Maps on small value sets.
"""

from weightsmith.library.counting import (
    make_count,
    make_count_less_freq,
    make_double_hist,
    make_frac_prevs,
    make_hist,
    make_length,
    make_mode,
)
from weightsmith.library.dyck import (
    make_dyck1,
    make_dyck2,
    make_dyck_pft,
    make_pair_balance,
    make_shuffle_dyck,
    make_shuffle_dyck2,
)
from weightsmith.library.positions import detect_pattern, make_reverse, shift_by
from weightsmith.library.registry import PROGRAMS, LibraryProgram, UnknownProgramError, get_program
from weightsmith.library.sequence_maps import make_nary_sequencemap
from weightsmith.library.sorting import make_most_freq, make_sort, make_sort_freq, make_sort_unique

__all__ = [name for name in dir() if not name.startswith("_")]
