"""The loop closed: a Transformer Program, decompiled to RASP and compiled, == the program, on every input."""

import itertools
import re

import numpy as np
import pytest

from tests.learn.conftest import random_program
from weightsmith.compiler import CompileError
from weightsmith.export.transformer_lens import decode_logits
from weightsmith.learn.to_transformer import compile_program, predict
from weightsmith.model import load, save
from weightsmith.rasp.errors import InputError


def quantised(program):
    """The program with integer classifier weights (what pruning leaves), the prediction rule unchanged."""
    program.classifier = np.round(program.classifier * 100)
    program.bias = np.round(program.bias * 100)
    return program


def every_input(program):
    """Every token sequence the program reads: its BOS, then up to max_len - 1 tokens of its vocabulary."""
    config = program.config
    return [[config.vocab[0], *rest] for n in range(config.max_len)
            for rest in itertools.product(config.vocab, repeat=n)]


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("predicate", ["binary", "one_hot"])
def test_compiled_program_equals_the_program_on_every_input(seed, causal, predicate):
    program = quantised(random_program(seed, causal=causal, predicate=predicate, max_len=5))
    compiled = compile_program(program)
    assert compiled.config.causal == causal  # a causal program only looks back: the model is causal
    inputs = every_input(program)
    assert predict(compiled, inputs) == program.predict(inputs)


def test_every_order_and_unused_variables():
    # three layers, heads of all three orders reading tokens, positions and earlier heads
    program = quantised(random_program(0, layers=3, cat_heads=3, max_len=4))
    assert {h.order for layer in program.heads for h in layer if h.kind == "cat"} == {"closest", "first", "last"}
    program.reads[::2] = False  # the classifier reads only some variables; the rest may be dead
    inputs = every_input(program)
    assert predict(compile_program(program), inputs) == program.predict(inputs)


def test_tiny_trained_model(tiny_trained):
    program, task = tiny_trained
    program = quantised(program)
    compiled = compile_program(program)
    inputs = task.test.inputs
    assert predict(compiled, inputs) == program.predict(inputs)


def test_a_classifier_that_is_not_quantised_is_refused():
    program = random_program(0, max_len=4)  # weights with three decimals
    with pytest.raises(CompileError, match="quantise the classifier"):
        compile_program(program)


def test_first_departure_reads_the_classifier_as_scores():
    from weightsmith.verify import first_departure

    program = quantised(random_program(3, max_len=4))
    compiled = compile_program(program)
    sop = compiled.program
    for xs in every_input(program)[:60]:
        assert first_departure(compiled, sop, xs) is None


def test_an_input_that_does_not_start_with_the_programs_bos_is_refused_saved_and_loaded_too(tmp_path):
    # `learn hist`'s compiled model answered [2, 2] on [1, 1], the first 1 read as BOS, where `predict` refuses
    program = quantised(random_program(3, max_len=4))
    compiled = compile_program(program)
    bos, token = program.config.vocab[0], program.config.vocab[1]
    save(compiled.model, tmp_path / "learned")
    loaded = load(tmp_path / "learned")
    assert compiled.config.first_token == loaded.config.first_token == bos
    message = re.escape(f"input 0: starts with {token!r}, not the learned program's BOS token {bos!r}")
    with pytest.raises(ValueError, match=f"starts with {token!r}, not the BOS token"):
        program.predict([[token, token]])
    for run in (compiled.run, lambda xs: loaded.run([compiled.config.bos, *xs])):
        with pytest.raises(InputError, match=message):
            run([token, token])
    with pytest.raises(InputError, match=r"input 1: starts with nothing, not the learned program's BOS"):
        compiled.run_batch([[bos, token], []])
    ids = loaded.encode([[compiled.config.bos, token]])
    with pytest.raises(InputError, match=message):  # the exports' decoding path
        decode_logits(loaded, loaded.readout(loaded(ids)), [2], ids)
    inputs = every_input(program)
    got = loaded.run_batch([[compiled.config.bos, *xs] for xs in inputs])
    assert [row[1:] for row in got] == program.predict(inputs)


def test_no_sop_departs_in_a_saved_learned_model(tmp_path):
    """A saved program's output dims hold class scores (`config.output_scores`), read by their argmax: read as a
    one-hot through the residual labels, a right answer was a departure ("expected 2, holds 2 (prediction:2
    reads 28)", in the report of `verify` against another program)."""
    from weightsmith.learn import decompile_to_rasp
    from weightsmith.verify import first_departure

    program = quantised(random_program(1))
    save(compile_program(program).model, tmp_path)
    loaded = load(tmp_path)
    assert loaded.config.output_scores
    for xs in (["BOS", 0, 1], ["BOS", 2, "x", 2, 0], ["BOS"]):
        assert first_departure(loaded, decompile_to_rasp(program), xs) is None, xs
