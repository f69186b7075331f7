"""A compact output: the unembedding reads the output's ±1 code (value v's logit is its detector
x · c_v - (k - 1)), so an output with N values takes ceil(log2(N + 1)) dims, not N. Checked against
the interpreter on every input, with the logits' margins read from the residual by hand."""

import itertools

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings

from tests.program_strategies import random_programs
from weightsmith import rasp
from weightsmith.compiler import compact, compile_program
from weightsmith.model import load, save
from weightsmith.verify import verify

PREV = rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == q - 1)


def every_input(vocab, max_seq_len):
    return [list(x) for n in range(1, max_seq_len + 1) for x in itertools.product(vocab, repeat=n)]


def assert_exact_with_margins(compiled, program, vocab, max_seq_len):
    """compiled == interpreter on every input, and every logit (computed here from the output dims and
    the codes, not by the model's own read-out) is 1 for the value held, at most -1 for the others."""
    config = compiled.config
    codes = np.array(config.output_codes, dtype=np.float64)
    k = len(config.output_dims)
    assert codes.shape == (len(config.output_values), k) and set(codes.flat) <= {-1.0, 1.0}
    inputs = every_input(vocab, max_seq_len)
    assert compiled.run_batch(inputs) == [rasp.evaluate(program, x) for x in inputs]
    ids = compiled.model.encode([[config.bos, *x] for x in inputs])
    with torch.inference_mode():
        final = compiled.model(ids).double().numpy()
    logits = final[..., config.output_dims] @ codes.T - (k - 1)
    for b, x in enumerate(inputs):
        for i, want in enumerate(rasp.evaluate(program, x)):
            row = logits[b, i + 1]
            held = None if want is None else config.output_values.index(want)
            others = [j for j in range(len(row)) if j != held]
            assert held is None or abs(row[held] - 1) < 1e-3, (x, i, row)
            assert (row[others] <= -1 + 1e-3).all(), (x, i, row)


@pytest.mark.parametrize("name,build", [
    ("copy with a default", lambda: rasp.Aggregate(PREV, rasp.tokens, default="z")),
    ("copy with None", lambda: rasp.Aggregate(PREV, rasp.tokens)),
    ("map of a code", lambda: rasp.Map(lambda t: t.upper() if t != "c" else None, rasp.tokens)),
    ("sequence map", lambda: rasp.SequenceMap(lambda t, i: f"{t}{i}", rasp.tokens, rasp.indices)),
    ("map of a one-hot s-op (a copy into codes)", lambda: rasp.Map(lambda i: i % 3, rasp.indices)),
])
def test_small_programs_with_a_compact_output_are_exact(name, build):
    program = build().named("out")
    vocab, max_seq_len = list("abcd"), 4
    compiled = compile_program(program, vocab, max_seq_len, compact_above=0)
    assert compiled.config.output_codes is not None, name
    assert len(compiled.config.output_dims) == compact.width(len(compiled.config.output_values))
    assert_exact_with_margins(compiled, program, vocab, max_seq_len)
    assert verify(compiled, program).ok


def test_the_threshold_and_annotations_choose_a_compact_output():
    vocab = [f"w{i}" for i in range(40)]
    program = rasp.Aggregate(PREV, rasp.tokens, default="w0").named("prev")  # 40 values > 32
    automatic = compile_program(program, vocab, 3)
    one_hot = compile_program(program, vocab, 3, compact_above=None)
    kept = compile_program(rasp.one_hot(program), vocab, 3)
    forced = compile_program(rasp.compact(program), vocab, 3, compact_above=None)
    assert automatic.config.output_codes is not None and forced.config.output_codes is not None
    assert one_hot.config.output_codes is None and kept.config.output_codes is None
    assert len(automatic.config.output_dims) == 6 and len(one_hot.config.output_dims) == 40
    assert automatic.config.d_model < one_hot.config.d_model - 30
    inputs = [["w3", "w7", "w39"], ["w1"], ["w0", "w0"]]
    want = [rasp.evaluate(program, x) for x in inputs]
    for model in (automatic, one_hot, kept, forced):
        assert model.run_batch(inputs) == want


def test_a_saved_compact_output_loads_and_decodes_alike(tmp_path):
    program = rasp.Map(lambda t: t * 3 % 11, rasp.tokens).named("triple")
    compiled = compile_program(program, list(range(11)), 3, compact_above=0)
    save(compiled.model, tmp_path / "m")
    loaded = load(tmp_path / "m")
    assert loaded.config == compiled.config and loaded.config.output_codes == compiled.config.output_codes
    inputs = [["BOS", *x] for x in every_input(list(range(11)), 2)]
    assert loaded.run_batch(inputs) == compiled.model.run_batch(inputs)
    assert verify(loaded, program).ok


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=random_programs(max_ops=6, max_vocab=3, max_len=4))
def test_random_programs_with_a_compact_output_equal_the_interpreter(case):
    compiled = compile_program(case.program, set(case.vocab), case.max_seq_len, compact_above=0)
    inputs = every_input(sorted(set(case.vocab), key=repr), case.max_seq_len)
    assert compiled.run_batch(inputs) == [rasp.evaluate(case.program, x) for x in inputs], repr(case)
