"""The library's programs by name, each with default arguments, a vocabulary and demo inputs.

The CLI (`weightsmith run NAME ...`, `weightsmith list`), the demo, the benchmarks and the compiler
tests look programs up here, so every program is built the same way everywhere. Defaults are small
(vocabulary of at most 5 tokens, max_seq_len at most 8) so that checking all inputs stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from weightsmith import rasp
from weightsmith.library.counting import (
    make_count,
    make_count_less_freq,
    make_double_hist,
    make_frac_prevs,
    make_hist,
    make_length,
)
from weightsmith.library.dyck import (
    make_dyck1,
    make_dyck2,
    make_pair_balance,
    make_shuffle_dyck,
    make_shuffle_dyck2,
)
from weightsmith.library.limits import NUMBERS, NUMBERS_ONE_APART, ORDERABLE, Limits, without
from weightsmith.library.positions import detect_pattern, make_reverse, shift_by
from weightsmith.library.sequence_maps import make_nary_sequencemap
from weightsmith.library.sorting import make_most_freq, make_sort, make_sort_freq, make_sort_unique


@dataclass(frozen=True)
class LibraryProgram:
    """A ready program: how to build it, and what it is meant to run on."""

    name: str  # e.g. "sort"
    description: str  # one line, plain English
    build: Callable[[], rasp.SOp]  # a fresh program with the default arguments
    vocab: tuple  # a small default vocabulary it is meant for
    max_seq_len: int  # a default max length
    examples: tuple  # 2-3 example inputs (tuples of tokens) for demos
    limits: Limits = Limits()  # the vocabularies and lengths it is correct for (checked by run and compile)


class UnknownProgramError(KeyError):
    """A program name that is not in the library; the message lists the names that are."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


LETTERS = ("a", "b", "c")
LETTERS4 = ("a", "b", "c", "d")
PARENS = ("(", ")")
BRACKETS2 = ("(", ")", "{", "}")
# sort and sort_freq make keys unique with `key + i / SORT_KEY_BOUND`, correct for inputs up to that
# long (their `limits`). A generous bound costs nothing: the keys' value set depends on the positions
# that occur.
SORT_KEY_BOUND = 100

_PROGRAMS = [
    LibraryProgram(
        name="length",
        description="the input's length, at every position",
        build=make_length,
        vocab=LETTERS,
        max_seq_len=5,
        examples=(("a", "b", "c"), ("b", "b"), ("c", "a", "b", "a", "c")),
    ),
    LibraryProgram(
        name="reverse",
        description="the tokens in reverse order",
        build=lambda: make_reverse(rasp.tokens),
        vocab=LETTERS,
        max_seq_len=5,
        examples=(("a", "b", "c"), ("a", "a", "b", "c")),
    ),
    LibraryProgram(
        name="hist",
        description="how many times each token occurs in the input",
        build=make_hist,
        vocab=LETTERS4,
        max_seq_len=5,
        examples=(("a", "b", "a", "c"), ("d", "d", "d")),
    ),
    LibraryProgram(
        name="sort_unique",
        description="the tokens sorted ascending (tokens must be distinct)",
        build=lambda: make_sort_unique(rasp.tokens, rasp.tokens),
        vocab=(1, 2, 3, 4, 5),
        max_seq_len=5,
        examples=((3, 1, 2), (5, 2, 4, 1)),
        limits=Limits(vocab=ORDERABLE, distinct_tokens=True),
    ),
    LibraryProgram(
        name="sort",
        description="the tokens sorted ascending (repeats allowed, stable)",
        build=lambda: make_sort(rasp.tokens, rasp.tokens, max_seq_len=SORT_KEY_BOUND, min_key=1),
        vocab=(0, 1, 2, 3),
        max_seq_len=5,
        examples=((2, 0, 3, 1), (3, 1, 3, 0, 1)),
        limits=Limits(max_seq_len=SORT_KEY_BOUND, vocab=NUMBERS_ONE_APART),
    ),
    LibraryProgram(
        name="sort_freq",
        description="the tokens reordered by frequency, most frequent first (stable)",
        build=lambda: make_sort_freq(SORT_KEY_BOUND),
        vocab=(0, 1, 2, 3),
        max_seq_len=5,
        examples=((2, 3, 2, 1), (0, 1, 1, 3, 3)),
        limits=Limits(max_seq_len=SORT_KEY_BOUND),
    ),
    LibraryProgram(
        name="frac_prevs",
        description="the fraction of tokens so far that are 'x'",
        build=lambda: make_frac_prevs(rasp.tokens == "x"),
        vocab=("a", "b", "x"),
        max_seq_len=5,
        examples=(("x", "a", "x", "x"), ("a", "b", "x")),
    ),
    LibraryProgram(
        name="pair_balance",
        description="the fraction of '(' minus the fraction of ')' so far",
        build=lambda: make_pair_balance(rasp.tokens, "(", ")"),
        vocab=("(", ")", "a"),
        max_seq_len=5,
        examples=(("(", "a", ")", ")"), ("(", "(", ")")),
    ),
    LibraryProgram(
        name="shuffle_dyck1",
        description="whether the '()' brackets are balanced, at every position",
        build=lambda: make_shuffle_dyck(["()"]).named("shuffle_dyck1"),
        vocab=PARENS,
        max_seq_len=8,
        examples=(("(", "(", ")", ")"), ("(", ")", ")", "(")),
    ),
    LibraryProgram(
        name="shuffle_dyck2",
        description="whether '()' and '{}' are each balanced on their own (they may interleave)",
        build=make_shuffle_dyck2,
        vocab=BRACKETS2,
        max_seq_len=6,
        examples=(("(", "{", ")", "}"), ("(", ")", "{", ")", "}")),
    ),
    LibraryProgram(
        name="count_less_freq",
        description="how many positions hold a token that occurs at most twice",
        build=lambda: make_count_less_freq(2),
        vocab=LETTERS4,
        max_seq_len=5,
        examples=(("a", "a", "a", "b", "c"), ("a", "b", "b", "c")),
    ),
    LibraryProgram(
        name="count",
        description="how many tokens are 'a', at every position",
        build=lambda: make_count(rasp.tokens, "a"),
        vocab=LETTERS,
        max_seq_len=5,
        examples=(("a", "b", "a"), ("c", "c")),
    ),
    LibraryProgram(
        name="nary_sequencemap",
        description="token + index + length, as one three-argument SequenceMap",
        build=lambda: make_nary_sequencemap(lambda t, i, n: t + i + n, rasp.tokens, rasp.indices, make_length()),
        vocab=(0, 1, 2),
        max_seq_len=5,
        examples=((0, 1, 2), (2, 2, 0, 1)),
        limits=Limits(vocab=NUMBERS),
    ),
    LibraryProgram(
        name="shift_by",
        description="the tokens shifted one position to the right (None first)",
        build=lambda: shift_by(1, rasp.tokens),
        vocab=LETTERS,
        max_seq_len=5,
        examples=(("a", "b", "c"), ("c", "a", "a", "b")),
    ),
    LibraryProgram(
        name="detect_pattern",
        description="True where the pattern 'abc' ends (None before it could)",
        build=lambda: detect_pattern(rasp.tokens, "abc"),
        vocab=LETTERS,
        max_seq_len=5,
        examples=(("a", "b", "c", "a", "b"), ("c", "a", "b", "c")),
    ),
    LibraryProgram(
        name="double_hist",
        description="for each token, how many distinct tokens occur as often as it does",
        build=make_double_hist,
        vocab=LETTERS4,
        max_seq_len=6,
        examples=(("a", "a", "b", "b", "c"), ("a", "b", "c", "c", "c", "d")),
    ),
    LibraryProgram(
        name="most_freq",
        description="the distinct tokens, most frequent first (ties: first seen first), then '_'",
        build=make_most_freq,
        vocab=LETTERS4,
        max_seq_len=6,
        examples=(("a", "b", "c", "b", "b"), ("d", "a", "d", "a", "c")),
        limits=Limits(vocab=without("_")),
    ),
    LibraryProgram(
        name="dyck1",
        description="per prefix of '()': T balanced, P could still balance, F cannot",
        build=make_dyck1,
        vocab=PARENS,
        max_seq_len=8,
        examples=(("(", "(", ")", ")", "("), ("(", ")", ")", "(")),
    ),
    LibraryProgram(
        name="dyck2",
        description="per prefix, '()' and '{}' properly nested: T balanced, P could still balance, F cannot",
        build=make_dyck2,
        vocab=BRACKETS2,
        max_seq_len=6,
        examples=(("(", "{", "}", ")", "("), ("(", "{", ")", "}")),
    ),
]

PROGRAMS: dict[str, LibraryProgram] = {p.name: p for p in _PROGRAMS}


def get_program(name: str) -> LibraryProgram:
    """The library program called `name`; an unknown name raises `UnknownProgramError` (a KeyError)."""
    try:
        return PROGRAMS[name]
    except KeyError:
        raise UnknownProgramError(
            f"no library program named {name!r}; the library has: {', '.join(PROGRAMS)}"
        ) from None
