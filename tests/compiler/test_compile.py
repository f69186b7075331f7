"""End to end: programs become models whose outputs equal the interpreter's on every input."""

import numpy as np
import pytest

from weightsmith import rasp
from weightsmith.compiler import CompileError, compile_program, compile_rasp_to_model

from tests.compiler.agreement import batched_mismatches, every_input, mismatches, same_value
from tests.conftest import load_compat

COMPAT, GOLDEN = load_compat()

# Tracr's compiler rejects these three (compile=False); weightsmith compiles all three:
# - comparison_digits: string-valued SequenceMaps over small widths, an ordinary lookup table;
# - categorical_mean_of_ints: a categorical Aggregate that averages numbers (observed on every input),
#   compiled as a mean by attention then a staircase MLP onto the means that occur;
# - string_aggregate_error: defined only where one position is selected (the interpreter raises on
#   the rest); the model copies that position, and nothing is claimed where RASP defines nothing.


@pytest.mark.parametrize("name", sorted(COMPAT.CASES))
def test_compat_case_compiles_and_matches(name):
    build, vocab, max_seq_len, _ = COMPAT.CASES[name]
    program = build(rasp)
    compiled = compile_rasp_to_model(program, set(vocab), max_seq_len)
    case = GOLDEN[name]
    defined = [(x, y) for x, y in zip(case["inputs"], case["outputs"]) if not isinstance(y, dict)]
    got = compiled.apply_batch([["BOS", *x] for x, _ in defined])
    for (xs, expected), out in zip(defined, got):
        assert out[0] == "BOS" and all(map(same_value, out[1:], expected)), (xs, out, expected)
    assert not mismatches(compiled, program, every_input(vocab, max_seq_len))


def library():
    try:
        from weightsmith.library import PROGRAMS
    except ImportError:
        return {}
    return PROGRAMS


@pytest.mark.parametrize("name", sorted(library()))
def test_library_program_compiles_and_matches_on_every_input(name):
    entry = library()[name]
    program, vocab = entry.build(), list(entry.vocab)
    compiled = compile_program(program, vocab, entry.max_seq_len)
    assert not batched_mismatches(compiled, program, every_input(vocab, entry.max_seq_len))


def counting_inputs(max_seq_len: int) -> list[list]:
    """k a's and n - k b's, in both orders, for every 0 <= k <= n <= max_seq_len: every width occurs."""
    runs = [["a"] * k + ["b"] * (n - k) for n in range(1, max_seq_len + 1) for k in range(n + 1)]
    rng = np.random.default_rng(0)
    mixed = [list(rng.choice(["a", "b"], size=rng.integers(1, max_seq_len + 1))) for _ in range(300)]
    return runs + [r[::-1] for r in runs] + mixed


@pytest.mark.parametrize("max_seq_len", [10, 16])
def test_selector_width_is_exact_for_every_width(max_seq_len):
    # Tracr's SelectorWidth (fixed sharpness) is wrong from width 10 on; ours derives it from the value set.
    count_a = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, lambda k, q: k == "a")).named("count_a")
    hist = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)).named("hist")
    length = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)).named("length")
    inputs = every_input(["a", "b"], 10) if max_seq_len == 10 else counting_inputs(max_seq_len)
    for program in (count_a, hist, length, rasp.length):
        compiled = compile_program(program, ["a", "b"], max_seq_len)
        assert not batched_mismatches(compiled, program, inputs), program.label
    assert compile_program(count_a, ["a", "b"], max_seq_len).run(["a"] * max_seq_len) == [max_seq_len] * max_seq_len


def test_reverse_at_length_10_is_exact():
    reverse = rasp.Aggregate(rasp.Select(rasp.indices, rasp.length - rasp.indices - 1, rasp.Comparison.EQ),
                             rasp.tokens).named("reverse")
    compiled = compile_program(reverse, ["a", "b", "c"], 10)
    rng = np.random.default_rng(1)
    inputs = [list(rng.choice(["a", "b", "c"], size=n)) for n in range(1, 11) for _ in range(100)]
    assert not batched_mismatches(compiled, reverse, inputs)


def test_what_cannot_compile_is_refused_with_the_sop_and_the_reason():
    everything = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE)
    words = rasp.numerical(rasp.Aggregate(everything, rasp.tokens, default=0)).named("word_mean")
    with pytest.raises(CompileError, match="'word_mean' averages non-numeric values"):
        compile_program(words, ["x", "y"], 3)
    powers = rasp.numerical(rasp.Map(lambda t: 2.0**t, rasp.tokens))
    huge = rasp.numerical(rasp.Aggregate(everything, powers, default=0)).named("huge")
    with pytest.raises(CompileError, match="'huge' has more than 100,000 values"):  # means of every multiset
        compile_program(huge, list(range(20)), 8)
    # the message names which special token it is and the way out (the CLI has no compiler_bos option)
    with pytest.raises(CompileError, match=r"^vocabulary token 'BOS' is the compiler_bos token; rename the token, or "
                                           r"pass another compiler_bos to compile_program / compile_rasp_to_model"):
        compile_program(rasp.tokens, ["a", "BOS"], 3)
    with pytest.raises(CompileError, match=r"^vocabulary token 'PAD' is the compiler_pad token"):
        compile_program(rasp.tokens, ["a", "PAD"], 3)
    with pytest.raises(CompileError, match="max_seq_len"):
        compile_program(rasp.tokens, ["a"], 0)


@pytest.mark.parametrize("vocab, max_seq_len", [([1, 2], 3), (list(range(12)), 8)])
def test_a_sketch_whose_holes_are_not_filled_is_refused_naming_the_hole(vocab, max_seq_len):
    """An unfilled predicate hole raises on every pair; the selector tables read a raising pair as no match,
    so the sketch compiled into a model answering 0 everywhere: with a warning where every input is observed,
    without a word where the inputs are too many (12 tokens, length 8)."""
    bigger = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("bigger")
    count = rasp.SelectorWidth(bigger)
    with pytest.raises(CompileError, match="'bigger' is a hole that is not filled"):
        compile_program(count, vocab, max_seq_len)
    bigger.fill({(k, q): k > q for k in vocab for q in vocab})
    assert compile_program(count, vocab, 3).apply(["BOS", vocab[1], vocab[0]]).decoded[1:] == [0, 1]
