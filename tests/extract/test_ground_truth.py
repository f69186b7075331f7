"""Ground truth: programs extracted from rotated compiled models equal their source on every input."""

import numpy as np
import pytest
import torch

from weightsmith.compiler.compiling import compile_program
from weightsmith.extract.circuit import Intervention, forward, from_weightsmith, random_rotation
from tests.learn.conftest import random_program
from weightsmith.extract.ground_truth import learned_inputs, recover, recover_learned
from weightsmith.learn.to_python import load_module, python_source
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


def test_a_compact_output_is_decoded_from_the_extracted_programs_logits():
    # the ground truth wrote the program's logits (one per value) into the output dims (one per code bit):
    # RuntimeError (shape mismatch) for every compact-output model
    p = get_program("reverse")
    compiled = compile_program(p.build(), p.vocab, 3, compact_above=0)
    assert compiled.config.output_codes is not None
    result = recover("reverse", compiled, p.build(), p.vocab, 3, seed=2)
    assert result.exact and result.inputs == 3 + 9 + 27, result.first_difference


@pytest.mark.parametrize("causal", [False, True])
def test_rotated_transformer_program_equals_its_decompiled_module(tmp_path, causal):
    program = random_program(3, causal=causal, layers=2, cat_heads=1, count_heads=1, mlps=1, max_len=4)
    program.classifier = np.round(program.classifier * 100)  # integer weights: what pruning leaves
    program.bias = np.round(program.bias * 100)
    path = tmp_path / "decompiled.py"
    path.write_text(python_source(program, "random"))
    result = recover_learned("random", program, load_module(path).run, limit=200, seed=5)
    assert result.inputs == len(learned_inputs(program.config.vocab, 4, 200)) > 100
    assert result.exact, result.first_difference


def test_learned_inputs_are_every_sequence_up_to_the_limit():
    inputs = learned_inputs(["BOS", "a", "b"], max_len=10, limit=12)
    assert inputs[0] == ["BOS"] and len(inputs) == 1 + 3 + 9  # lengths 0-2 after BOS; length 3 would be 40
    assert all(x[0] == "BOS" for x in inputs) and len({tuple(x) for x in inputs}) == len(inputs)
    assert max(map(len, learned_inputs(["BOS", "a"], max_len=4, limit=10 ** 6))) == 4  # capped by max_len


def test_the_extracted_programs_outputs_are_refused_outside_a_composed_models_domain():
    # the ground truth decoded the extracted program's outputs on any input: a switch's `H a 1` (1 is only T's)
    # was answered, as the model answers it, where the model itself refuses it
    from tests.composed_models import COPY, HIST, pipe_model, switch_model
    from weightsmith.compose import switch
    from weightsmith.extract.ground_truth import decode, extract_compiled
    from weightsmith.rasp import InputError

    switched = switch({"H": compile_program(HIST, ["a", "b"], 2), "T": compile_program(COPY, [0, 1, 2], 3)})
    program = extract_compiled(switched, seed=3)
    with pytest.raises(InputError, match=r"^input 1: token 1 at position 3 is not in the vocabulary of 'H'"):
        decode(switched, program, [["H", "a", "b"], ["H", "a", 1]])
    inputs = [["H", "a", "b"], ["T", 2, 0, 1]]
    decoded = decode(switched, program, inputs)
    assert [row[1:] for row in decoded] == [[1, 1], [2, 0, 1]]
    assert decoded == [row[1:] for row in switched.model.run_batch([["BOS", *x] for x in inputs])]
    for piped in (pipe_model(), switch_model()):  # a pipe, and a switch with a pipe among its components
        with pytest.raises(ValueError, match="the extracted program computes the output alone, not the pipe's"):
            decode(piped, extract_compiled(piped, seed=3), [["P", 1, 2]])
