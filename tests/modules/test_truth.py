import itertools

import pytest
import torch

from weightsmith.compiler import compile_program
from weightsmith.library.registry import get_program
from weightsmith.modules.graph import weight_graph
from weightsmith.modules.partition import gomory_hu_modules
from weightsmith.modules.scores import adjusted_rand
from weightsmith.modules.truth import compiled_truth, recovery, rotate_residual, sop_of


def compiled(name: str):
    program = get_program(name)
    return compile_program(program.build(), program.vocab, program.max_seq_len, reuse=False)


def test_labels_name_their_sop():
    assert sop_of("sort:3") == "sort"
    assert sop_of("target_pos[1/(w+1)]:num") == "target_pos"
    assert sop_of("one") is None and sop_of("(free)") is None
    assert sop_of("frac_prevs[type]:one") == "frac_prevs[type]"  # the type case is a module of its own


def test_truth_of_sort_follows_the_compiler():
    model = compiled("sort")
    truth = compiled_truth(model, weight_graph(model.model))
    for info in model.heads:  # each head is the s-op its HeadInfo names (helpers join their s-op)
        assert truth[f"head:{info.layer}.{info.head}"] == sop_of(info.label)
    assert {sop for node, sop in truth.items() if node.startswith("mlp:")} == {"unique_keys", "target_pos"}


def test_exact_recovery_on_frac_prevs():
    # frac_prevs: the token test (an MLP) and the prefix mean (a head); the ratio cut of the GH tree
    # finds both modules, residual segments included
    model = compiled("frac_prevs")
    graph = weight_graph(model.model).graph
    truth = compiled_truth(model, weight_graph(model.model))
    assert adjusted_rand(truth, gomory_hu_modules(graph, len(set(truth.values())), cut="ratio")) == 1.0


@pytest.mark.parametrize("name", ["pair_balance", "shift_by"])
def test_exact_recovery_of_the_units(name):
    result = recovery(compiled(name), methods=["gh_ratio"])
    assert result.scores["gh_ratio"]["ari_ops"] == 1.0


def test_rotation_keeps_the_function_and_hides_the_basis():
    model = compiled("hist").model
    rotated = rotate_residual(model, seed=3)
    inputs = [["BOS", *xs] for xs in itertools.product(get_program("hist").vocab, repeat=3)]
    ids = model.encode(inputs)
    with torch.inference_mode():
        plain, turned = model(ids).double().reshape(-1, model.config.d_model), rotated(ids).reshape(-1, model.config.d_model)
    # the rotated final residuals are the plain ones times an orthogonal Q: every inner product agrees
    assert torch.allclose(plain @ plain.T, turned @ turned.T, atol=1e-4)
    assert (rotated.token_embed != 0).sum() > (model.token_embed != 0).sum()
