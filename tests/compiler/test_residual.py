"""Register allocation: dead s-ops are erased and their dimensions reused, exactly and explainably."""

import math
import random

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.compiler.readout import Dim
from weightsmith.compiler.residual import eraser_units
from weightsmith.library import PROGRAMS, make_frac_prevs

from tests.compiler.agreement import batched_mismatches, every_input, mismatches


def reverse_program():
    program = PROGRAMS["reverse"]
    return program.build(), list(program.vocab), program.max_seq_len


def test_reuse_narrows_the_model_and_keeps_it_exact():
    program, vocab, n = reverse_program()
    packed = compile_program(program, vocab, n)
    spread = compile_program(program, vocab, n, reuse=False)
    assert packed.config.d_model < spread.config.d_model
    assert spread.config.layer_labels is None
    inputs = every_input(vocab, n)
    assert not batched_mismatches(packed, program, inputs)
    assert not batched_mismatches(spread, program, inputs)


def test_labels_follow_the_tenants():
    program, vocab, n = reverse_program()
    config = compile_program(program, vocab, n).config
    assert len(config.layer_labels) == 2 * len(config.layers)
    shared = [label for label in config.residual_labels if "|" in label]
    assert shared, "some dimension should have had two tenants"
    first, second = shared[0].split("|")[:2]
    (i,) = [k for k, label in enumerate(config.residual_labels) if label == shared[0]]
    seen = [labels[i] for labels in config.layer_labels]
    assert first in seen and second in seen
    assert seen.index(first) < seen.index(second)


def test_erasure_happens_in_an_mlp_at_or_after_the_last_read():
    # length is read by the SequenceMap's MLP (layer 1); that MLP can erase it and write opp_idx there.
    program, vocab, n = reverse_program()
    compiled = compile_program(program, vocab, n)
    labels = compiled.config.layer_labels
    length_dims = [i for i, label in enumerate(labels[1]) if label.startswith("length:")]
    assert length_dims
    assert not any(labels[3][i].startswith("length:") for i in length_dims)
    assert compiled.layouts["length"].erased_in == 3
    assert compiled.layouts["length"].valid_after(2) and not compiled.layouts["length"].valid_after(3)


def test_numbers_are_erased_too():
    prefix = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
    frac = rasp.numerical(rasp.Aggregate(prefix, rasp.numerical(rasp.Map(lambda t: t == "a", rasp.tokens)),
                                         default=0)).named("frac")
    above = rasp.Map(lambda f: f > 0.5, frac).named("above")
    count = rasp.SelectorWidth(rasp.Select(above, above, rasp.Comparison.EQ)).named("count")
    compiled = compile_program(count, ["a", "b"], 5)
    assert not batched_mismatches(compiled, count, every_input(["a", "b"], 5))


def shift_chain(n: int, offset: int) -> rasp.SOp:
    """`n` Aggregates in a row, each moving the previous one `offset` positions (k == q + offset)."""
    x = rasp.tokens
    for _ in range(n):
        select = rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == q + offset)
        x = rasp.categorical(rasp.Aggregate(select, x, default=None))
    return x


@pytest.mark.parametrize("n, offset", [(70, 1), (100, 1), (150, 1), (120, -1)])
def test_deep_chains_reusing_dimensions_stay_exact(n, offset):
    # Two sets of dimensions alternate between 150 tenants. The BOS position used to keep every
    # tenant's softmax residue (erasers were off there) and each head re-read it, so it grew like
    # Fibonacci numbers (x1.6 a layer) and flipped outputs from about 70 layers on.
    program = shift_chain(n, offset)
    vocab = list(range(10))
    compiled = compile_program(program, vocab, 16)
    assert compiled.config.d_model < 50  # the dimensions really are reused
    rng = random.Random(n)
    inputs = [[rng.randrange(10) for _ in range(rng.randint(1, 16))] for _ in range(150)]
    inputs += [[rng.randrange(10) for _ in range(16)] for _ in range(50)]
    assert not batched_mismatches(compiled, program, inputs)
    # and the residual at BOS holds exactly what the compiler planned there: nothing accumulates
    residuals = compiled.apply(["BOS", *inputs[-1]]).residuals
    assert max(float(r[0, 0].abs().max()) for r in residuals) <= 1.0 + 1e-6


@pytest.mark.parametrize("held", [-0.25, -1e-7, 0.0, 1e-7, 1.0, 3.5])
def test_erasers_clear_a_dimension_whatever_its_sign(held):
    dim = Dim("x", "a")
    units = eraser_units([dim])
    left = held + sum(max(u.pre.at({dim: held}) + u.bias, 0.0) * u.out[dim] for u in units)
    assert left == 0.0


def test_a_large_number_is_not_erased_in_the_mlp_that_writes_the_next_tenant():
    """Found by the fuzzer (cmp11, seed 2200975): a copy of a categorical mean of -7 and 1000000007. The
    staircase MLP reading the mean (5e8) erased it and wrote the one-hot value 500000000.0 into the same
    dimension: float32 sums -5e8 + 1 to -5e8, so the residual read 0 there and the output None, on every
    input where the mean is 5e8 (float64: right). Such a dimension now takes a tenant from a later sublayer."""
    pairs = rasp.Select(rasp.indices, rasp.indices, lambda k, q: (k + q) % 2 == 0)
    mean = rasp.Aggregate(pairs, rasp.tokens, default=1)
    program = rasp.Aggregate(pairs, mean, default=None)
    vocab = [-7, 1000000007]
    compiled = compile_program(program, vocab, 5)
    assert compiled.run([-7, -7, 1000000007]) == [500000000.0, -7, 500000000.0]
    assert not mismatches(compiled, program, every_input(vocab, 5))


def test_a_number_is_not_written_into_a_dimension_erased_in_the_same_mlp():
    """Found by the fuzzer (cmp11, seed 2402793): 1e-6 · frac_prevs(tokens - length) was written into the
    dimension of `tokens:1` in the MLP that erased it; float32 summed -1 + (-1.5e-6) first, 5e-8 off, more
    than the output's gaps allow: OutputOutOfRange on 281 of 1,554 inputs. A numerical tenant now takes a
    dimension erased in an earlier sublayer."""
    shifted = rasp.SequenceMap(lambda x, n: x - n, rasp.tokens, rasp.length)
    program = rasp.numerical(rasp.Map(lambda x: x * 1e-6, make_frac_prevs(shifted)))
    vocab = list(range(6))
    compiled = compile_program(program, vocab, 4)
    assert compiled.run([0, 1]) == [-2e-06, -1.5e-06]
    inputs = every_input(vocab, 4)
    for xs, got in zip(inputs, compiled.run_batch(inputs)):  # raised OutputOutOfRange
        assert all(math.isclose(g, w, rel_tol=1e-9) for g, w in zip(got, rasp.evaluate(program, xs))), xs
