"""Ground truth: programs extracted from rotated compiled models equal their source on every input."""

import numpy as np
import pytest
import torch

from weightsmith.compiler.compiling import compile_program
from weightsmith.extract.circuit import Intervention, forward, from_weightsmith, random_rotation
from weightsmith.extract.ground_truth import recover
from weightsmith.library.registry import get_program


def test_rotation_is_orthogonal_and_hides_the_basis():
    R = random_rotation(12, seed=4)
    assert np.allclose(R @ R.T, np.eye(12))
    p = get_program("reverse")
    compiled = compile_program(p.build(), p.vocab, 3)
    plain = from_weightsmith(compiled.model)
    rotated = from_weightsmith(compiled.model, random_rotation(compiled.model.config.d_model, 4))
    assert not torch.allclose(plain.W_E, rotated.W_E)
    ids = compiled.model.encode([["BOS", *"abc"]])
    positions = torch.arange(ids.shape[1])[None]
    a = forward(plain, ids, positions, Intervention())
    b = forward(rotated, ids, positions, Intervention())
    assert torch.allclose(a, b, atol=1e-9)


@pytest.mark.parametrize("name", ["reverse", "hist", "sort", "frac_prevs", "dyck1"])
def test_rotated_compiled_program_is_recovered_exactly(name):
    p = get_program(name)
    length = min(p.max_seq_len, 4)
    compiled = compile_program(p.build(), p.vocab, length)
    result = recover(name, compiled, p.build(), p.vocab, length, seed=7)
    assert result.exact, result.first_difference
    assert result.lines <= result.naive_lines
