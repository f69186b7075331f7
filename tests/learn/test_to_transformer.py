"""The loop closed: a Transformer Program, decompiled to RASP and compiled, == the program, on every input."""

import itertools

import numpy as np
import pytest

from tests.learn.conftest import random_program
from weightsmith.compiler import CompileError
from weightsmith.learn.to_transformer import compile_program, predict


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
