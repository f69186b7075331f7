"""Numeric functions compiled as staircase MLPs: exact at every value the input can take."""

import math

import pytest

from weightsmith import rasp
from weightsmith.compiler import CompileError, compile_rasp_to_model
from weightsmith.library import arithmetic
from weightsmith.library.arithmetic.functions import floor_divide, modulo
from weightsmith.verify import verify

DOMAINS = {"exp": range(0, 35)}  # exp(35) > 1e15, beyond what the compiler lets a float32 model compute with


@pytest.mark.parametrize("name", sorted(arithmetic.FUNCTIONS))
def test_every_value_comes_out_exactly(name):
    program = arithmetic.numeric_function(name)
    domain = DOMAINS.get(name, range(1, 101))
    compiled = compile_rasp_to_model(program, domain, max_seq_len=1)
    f = arithmetic.FUNCTIONS[name]
    assert [out[0] for out in compiled.run_batch([[x] for x in domain])] == [f(x) for x in domain]
    assert verify(compiled, program).ok
    assert compiled.config.layers[-1].d_mlp > 0  # a real MLP computes it, not a read-out of one-hot tokens


def test_any_function_and_any_numerical_input():
    mean = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ),
                                         rasp.numerical(rasp.Map(lambda t: t, rasp.tokens)), default=0))
    for f in (floor_divide(3), modulo(4), math.sqrt):
        program = arithmetic.numeric_function(f, mean)
        assert verify(compile_rasp_to_model(program, [0, 4, 9], max_seq_len=3), program).ok


def test_values_beyond_float32_or_outside_the_domain_are_compile_errors():
    with pytest.raises(CompileError, match="float32"):
        compile_rasp_to_model(arithmetic.numeric_function("exp"), range(0, 90), max_seq_len=1)
    with pytest.raises(CompileError, match="log"):
        compile_rasp_to_model(arithmetic.numeric_function("log"), range(0, 5), max_seq_len=1)
    with pytest.raises(KeyError, match="unknown function"):
        arithmetic.numeric_function("tan")
