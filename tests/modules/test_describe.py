import itertools

import pytest

from tests.modules.tiny import tiny_model
from weightsmith.compiler import compile_program
from weightsmith.library.registry import get_program
from weightsmith.modules.describe import PrimitiveMatcher
from weightsmith.modules.graph import weight_graph
from weightsmith.modules.truth import compiled_truth
from weightsmith.rasp.errors import InputError

EXPECTED = {  # program -> s-op -> the primitive that must describe its module, at fidelity 100%
    "hist": {"hist": "the count of the same token in the input (histogram)"},
    "sort": {"sort": "the sorted input", "target_pos": "the token's rank in sorted order (ties by position)"},
    "reverse": {"reverse": "the token at the mirrored position (reverse)", "length": "the input's length",
                "opp_idx": "the mirrored position (length - index - 1)"},
    "double_hist": {"hist": "the count of the same token in the input (histogram)",
                    "double_hist": "the number of distinct tokens with this token's count (double histogram)"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_compiled_modules_are_named_with_full_fidelity(name):
    program = get_program(name)
    model = compile_program(program.build(), program.vocab, program.max_seq_len, reuse=False)
    truth = compiled_truth(model, weight_graph(model.model))
    data = [["BOS", *xs] for n in range(1, 5) for xs in itertools.product(program.vocab, repeat=n)]
    for sop, primitive in EXPECTED[name].items():
        module = [node for node, s in truth.items() if s == sop]
        description = PrimitiveMatcher().describe(model.model, module, data)
        assert primitive in description.sentence
        assert description.fidelity == 1.0
        assert any(label.startswith(sop) for label in description.writes)


def test_fidelity_is_below_one_when_no_primitive_fits():
    # the tiny model's head mixes dim 0 over positions by a key on dim 1: no primitive is it exactly
    data = [["BOS", *xs] for n in range(1, 3) for xs in itertools.product("ab", repeat=n)]
    description = PrimitiveMatcher(primitives=[]).describe(tiny_model(), ["head:0.0"], data)
    assert description.fidelity < 1.0


def test_a_module_that_writes_nothing_is_refused():
    with pytest.raises(InputError, match="writes anything"):
        PrimitiveMatcher().describe(tiny_model(), ["resid:0@0"], [["BOS", "a"]])
