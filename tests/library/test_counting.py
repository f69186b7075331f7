"""Counting programs against plain-Python definitions, on every input up to length 5."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.library.exhaustive import all_inputs, check_against_reference, check_exhaustively
from weightsmith import rasp
from weightsmith.library import (
    make_count,
    make_count_less_freq,
    make_double_hist,
    make_frac_prevs,
    make_hist,
    make_length,
    make_mode,
)

LETTERS = ("a", "b", "c", "d")


def length_reference(xs: list) -> list:
    return [len(xs)] * len(xs)


def hist_reference(xs: list) -> list:
    return [xs.count(x) for x in xs]


def count_reference(token):
    return lambda xs: [xs.count(token)] * len(xs)


def count_less_freq_reference(n: int):
    # Tracr's definition: positions whose token occurs at most n times.
    return lambda xs: [sum(1 for t in xs if xs.count(t) <= n)] * len(xs)


def frac_prevs_reference(is_true):
    return lambda xs: [sum(1 for t in xs[: i + 1] if is_true(t)) / (i + 1) for i in range(len(xs))]


def double_hist_reference(xs: list) -> list:
    counts = Counter(xs)
    values_per_count = Counter(counts.values())
    return [values_per_count[counts[x]] for x in xs]


def mode_reference(xs: list) -> list:
    counts = Counter(xs)
    return [max(sorted(counts), key=lambda x: counts[x])] * len(xs)


def test_length():
    check_exhaustively(make_length(), length_reference, LETTERS)


def test_hist():
    check_exhaustively(make_hist(), hist_reference, LETTERS)


@pytest.mark.parametrize("token", ["a", "d"])
def test_count(token):
    check_exhaustively(make_count(rasp.tokens, token), count_reference(token), LETTERS)
    assert make_count(rasp.tokens, token).label == f"count_{token}"


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_count_less_freq(n):
    check_exhaustively(make_count_less_freq(n), count_less_freq_reference(n), LETTERS)


def test_count_less_freq_tracr_docstring_examples():
    program = make_count_less_freq(2)
    assert rasp.evaluate(program, list("aaabbc")) == [3] * 6
    assert rasp.evaluate(program, list("aacbbc")) == [6] * 6


def test_frac_prevs():
    program = make_frac_prevs(rasp.tokens == "x")
    check_exhaustively(program, frac_prevs_reference(lambda t: t == "x"), ("a", "b", "x"))
    assert rasp.is_numerical(program)


def test_frac_prevs_of_a_computed_condition():
    program = make_frac_prevs(rasp.SequenceMap(lambda t, i: t > i, rasp.tokens, rasp.indices))
    check_against_reference(
        program,
        lambda xs: [sum(1 for j in range(i + 1) if xs[j] > j) / (i + 1) for i in range(len(xs))],
        all_inputs(range(4), 5),
    )


def test_mode_ties_go_to_the_smallest_token():
    check_exhaustively(make_mode(), mode_reference, (0, 1, 2, 3))
    check_exhaustively(make_mode(), mode_reference, (-1.5, 2, 7), max_len=6)


def test_double_hist():
    check_exhaustively(make_double_hist(), double_hist_reference, LETTERS)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from("abcdef"), min_size=6, max_size=12))
def test_double_hist_longer_inputs(xs):
    assert rasp.evaluate(make_double_hist(), xs) == double_hist_reference(xs)
