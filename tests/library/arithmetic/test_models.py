"""The compiled adders and multipliers: exact on random pairs, every carry chain, and every small pair."""

import itertools
import random

import pytest

from weightsmith import rasp
from weightsmith.library import arithmetic
from weightsmith.library.arithmetic import programs
from weightsmith.verify import verify


def random_pairs(n: int, digits: int, seed: int, digits_b: int | None = None) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(10**digits), rng.randrange(10 ** (digits_b or digits))) for _ in range(n)]


@pytest.mark.parametrize("causal", [False, True])
def test_ten_digit_addition_is_exact_on_random_pairs_and_every_carry_chain(causal):
    pairs = random_pairs(2000, 10, seed=1) + arithmetic.carry_chain_cases(10)
    assert arithmetic.add_many(pairs, digits=10, causal=causal) == [a + b for a, b in pairs]


def test_the_same_adder_program_adds_numbers_of_every_size():
    for digits in (1, 2, 7, 20):
        pairs = random_pairs(300, digits, seed=digits) + arithmetic.carry_chain_cases(digits)
        assert arithmetic.add_many(pairs, digits=digits) == [a + b for a, b in pairs]
    assert arithmetic.add(10**20 - 1, 1, digits=20, causal=True) == 10**20


def test_every_one_and_two_digit_sum():
    pairs = list(itertools.product(range(100), repeat=2))
    assert arithmetic.add_many(pairs, digits=2) == [a + b for a, b in pairs]
    assert arithmetic.add_many(pairs, digits=2, causal=True) == [a + b for a, b in pairs]


@pytest.mark.parametrize("n, m", [(1, 1), (2, 2), (3, 1), (1, 3)])
def test_every_small_product(n, m):
    pairs = list(itertools.product(range(10**n), range(10**m)))
    assert arithmetic.multiply_many(pairs, n, m) == [a * b for a, b in pairs]


def test_four_by_four_multiplication_on_random_pairs_and_extremes():
    pairs = random_pairs(2000, 4, seed=3) + [(9999, 9999), (0, 9999), (1000, 1000), (9999, 1)]
    assert arithmetic.multiply_many(pairs, 4) == [a * b for a, b in pairs]
    assert arithmetic.multiply(1234, 5678) == 7006652


@pytest.mark.parametrize("build, vocab, max_len, causal", [
    (programs.make_adder, {*programs.DIGITS, "+", "="}, 8, False),
    (programs.make_autoregressive_adder, {*programs.DIGITS, "+", "="}, 11, True),
    (lambda: programs.make_multiplier(2, 2), {*programs.DIGITS, "*", "="}, 6, False),
])
def test_compiled_equals_interpreter_on_any_token_sequence(build, vocab, max_len, causal):
    """Not only on well-formed sums: on random sequences of the vocabulary, every s-op agrees."""
    from weightsmith.compiler import compile_rasp_to_model

    program = build()
    compiled = compile_rasp_to_model(program, vocab, max_len, causal=causal)
    if causal:  # a causal model's last position sees the whole prefix: it equals the program there
        rng = random.Random(0)
        prefixes = [[rng.choice(sorted(vocab, key=str)) for _ in range(rng.randint(1, max_len))] for _ in range(500)]
        got = compiled.run_batch(prefixes)
        assert [g[-1] for g in got] == [rasp.evaluate(program, p)[-1] for p in prefixes]
    else:
        assert verify(compiled, program, n_random=2000).ok


def test_the_autoregressive_adder_reads_its_own_digits_back():
    """Feeding a wrong digit changes the carry the model computes for the next one."""
    model = arithmetic.adder(2, causal=True)
    prompt = [4, 0, "+", 5, 0, "="]  # 04 + 05, digits reversed: the column 4 + 5 = 9 propagates
    assert model.run(prompt + [9])[-1] == 0  # s_0 = 9 is not below 9: no carry, s_1 = 0
    assert model.run(prompt + [0])[-1] == 1  # had it written 0 (as after a carry), s_1 would be 1


def test_traces_show_the_carries_the_model_holds():
    rows = arithmetic.trace_add(95, 7, digits=3)
    assert [(r["column"], r["carry_in"], r["sum"]) for r in rows] == [(12, 0, 2), (9, 1, 0), (0, 1, 1), (0, 0, 0)]
    product = arithmetic.trace_multiply(99, 99, digits=2)
    assert [r["product"] for r in product] == [1, 0, 8, 9]
    assert product[1]["column_sum"] == 162


@pytest.mark.parametrize("call, message", [
    (lambda: arithmetic.add(-1, 2), "negative"),
    (lambda: arithmetic.add(10**10, 2), "11 digits"),
    (lambda: arithmetic.add(1.5, 2), "ints"),
    (lambda: arithmetic.add(True, 2), "ints"),
    (lambda: arithmetic.add(1, 2, digits=0), "digits must be"),
    (lambda: arithmetic.multiply(10000, 2), "5 digits"),
    (lambda: arithmetic.multiplier(99), "1..8"),
])
def test_bad_operands_raise_input_errors(call, message):
    with pytest.raises(rasp.InputError, match=message):
        call()


def test_compiled_models_are_cached():
    assert arithmetic.adder(3) is arithmetic.adder(3)
    assert arithmetic.adder(3) is not arithmetic.adder(3, causal=True)
