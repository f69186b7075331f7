"""Library programs state what they are correct for, the limits are checked, and they are tight: one step
past each limit the program computes something other than its description (so the limit is not decoration)."""

import random

import pytest

from tests.library.test_sorting import most_freq_reference, sort_freq_reference, sort_reference
from weightsmith import rasp
from weightsmith.library import PROGRAMS, get_program
from weightsmith.library.limits import NUMBERS, NUMBERS_ONE_APART, ORDERABLE, Limits, LimitError, without


def run(name: str, xs: list) -> list:
    return rasp.evaluate(get_program(name).build(), xs)


def test_sort_is_sorted_up_to_its_limit_and_not_one_past_it():
    limit = get_program("sort").limits.max_seq_len
    assert limit == 100
    # token 0 at position i gets key i/100; at position 100 that is 1.0, the key of the 1 at position 0
    at_limit, past = [1] + [0] * (limit - 1), [1] + [0] * limit
    assert run("sort", at_limit) == sort_reference(at_limit)
    assert run("sort", past) != sort_reference(past)
    rng = random.Random(0)
    for _ in range(20):
        xs = [rng.randrange(4) for _ in range(limit)]
        assert run("sort", xs) == sort_reference(xs)


def test_sort_needs_keys_one_apart():
    xs = [0.5] + [0] * 50  # keys 0.5 + 0 and 0 + 50/100 collide
    assert run("sort", xs) != sort_reference(xs)
    assert NUMBERS_ONE_APART.why_not((0, 0.5)) == "0 and 0.5 are closer than 1"
    assert NUMBERS_ONE_APART.why_not((0, 1, 3)) is None


def test_sort_freq_is_right_up_to_its_limit_and_not_one_past_it():
    limit = get_program("sort_freq").limits.max_seq_len
    # 0 occurs once (key -1 + 0), 1 twice, the second at position 100 (key -2 + 100/100): a collision
    past = [0, 1] + [2, 3] * 49 + [1]
    assert len(past) == limit + 1 and run("sort_freq", past) != sort_freq_reference(past)
    at_limit = past[1:]
    assert run("sort_freq", at_limit) == sort_freq_reference(at_limit)


def test_most_freq_padding_is_ambiguous_with_a_pad_token():
    assert run("most_freq", ["a", "a", "_"]) == run("most_freq", ["a", "a", "a"])  # different distinct tokens
    assert run("most_freq", ["a", "a", "_"]) == most_freq_reference()(["a", "a", "_"])  # yet "correct"
    with pytest.raises(LimitError, match="tokens other than '_': it holds '_'"):
        get_program("most_freq").limits.check("most_freq", ("a", "_"), 5)


def test_sort_unique_needs_distinct_tokens():
    assert run("sort_unique", [2, 1, 2]) != sort_reference([2, 1, 2])
    limits = get_program("sort_unique").limits
    limits.check_input("sort_unique", [3, 1, 2])
    with pytest.raises(LimitError, match="2 repeats at position 2"):
        limits.check_input("sort_unique", [2, 1, 2])


def test_check_names_the_limit():
    limits = Limits(max_seq_len=100, vocab=NUMBERS)
    limits.check("p", (1, 2), 100)
    limits.check("p", None, None)
    with pytest.raises(LimitError, match="at most 100 tokens, not 128"):
        limits.check("p", (1, 2), 128)
    with pytest.raises(LimitError, match="numbers: 'a' is not a number"):
        limits.check("p", (1, "a"), 5)
    assert NUMBERS.why_not((True,)) == "True is not a number"
    assert ORDERABLE.why_not((1, "a")) is not None and ORDERABLE.why_not(("a", "b")) is None
    assert without("_").why_not(("a",)) is None
    assert str(limits) == "len ≤ 100; numbers" and str(Limits()) == "none"


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_defaults_and_examples_are_within_the_limits(name):
    entry = PROGRAMS[name]
    entry.limits.check(name, entry.vocab, entry.max_seq_len)
    for xs in entry.examples:
        entry.limits.check_input(name, list(xs))


def test_the_programs_with_limits():
    limited = {name: str(p.limits) for name, p in PROGRAMS.items() if str(p.limits) != "none"}
    assert limited == {
        "sort": "len ≤ 100; numbers ≥ 1 apart",
        "sort_freq": "len ≤ 100",
        "sort_unique": "comparable tokens; distinct tokens",
        "most_freq": "tokens other than '_'",
        "nary_sequencemap": "numbers",
    }
