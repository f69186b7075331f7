import pytest

from tests.modules.tiny import tiny_model
from weightsmith.library.registry import get_program
from weightsmith.compiler import compile_program
from weightsmith.modules.graph import weight_graph
from weightsmith.modules.partition import spectral_modules
from weightsmith.modules.scores import shuffle_significance
from weightsmith.rasp.errors import InputError


def test_shuffle_significance_counts_and_bounds():
    program = get_program("hist")
    compiled = compile_program(program.build(), program.vocab, program.max_seq_len)
    weights = weight_graph(compiled.model)
    for mode in ("mask", "full"):
        result = shuffle_significance(weights, lambda g: spectral_modules(g, 2, restarts=3), n=20, mode=mode)
        assert result.n == 20 and 1 / 21 <= result.p <= 1.0
        assert result.observed >= 0 and result.shuffled_sd >= 0


def test_identity_shuffle_is_the_null_of_itself():
    # the mask shuffle of a graph whose every matrix has one nonzero entry changes nothing: z is 0, p is 1
    weights = weight_graph(tiny_model())
    weights.blocks = [b for b in weights.blocks if b.kind == "identity" or (b.weights != 0).sum() <= 1]
    result = shuffle_significance(weights, lambda g: spectral_modules(g, 2, restarts=3), n=5)
    assert result.p == 1.0 and result.z == 0.0


def test_unknown_shuffle_mode():
    with pytest.raises(InputError, match="mode"):
        shuffle_significance(weight_graph(tiny_model()), lambda g: {}, mode="rows")
