import pytest
import torch

from weightsmith.modules.graph import weight_graph
from weightsmith.modules.partition import gomory_hu_modules, sparsified
from weightsmith.modules.training import (
    ConnectionCost,
    GomoryHuCut,
    accuracy,
    between_module_masks,
    modular_addition,
    small_transformer,
    train,
)


def test_connection_cost_is_distance_weighted_l1():
    task = modular_addition(5)
    model = small_transformer(task, d_model=6, heads=1, d_mlp=2)
    with torch.no_grad():
        for p in model.parameters():
            p.zero_()
        model.layers[0].mlp.W_in[0, 1] = -2.0  # residual place 0, unit place 1: distance 1
    assert float(ConnectionCost(model, gap=0.1)(model).detach()) == pytest.approx(2.0 * (1 + 0.1))


def test_gomory_hu_cut_spares_the_inside_of_modules():
    task = modular_addition(5)
    model = small_transformer(task, d_model=8, heads=2, d_mlp=8, seed=1)
    loss = GomoryHuCut(model, k=3)
    value = float(loss(model).detach())
    partition = loss.partition
    assert len(set(partition.values())) == 3
    # the penalty is exactly the |w| of the weights the masks mark, and it is less than all |w|
    total = sum(float(p.detach().abs().sum()) for n, p in model.named_parameters() if n in loss.masks)
    assert 0 < value < total
    masks = between_module_masks(model, partition)
    assert set(masks) == set(loss.masks)
    # a partition with everything in one module marks nothing
    one = {node: 0 for node in weight_graph(model).graph}
    assert all(float(m.sum()) == 0 for m in between_module_masks(model, one).values())
    assert gomory_hu_modules(sparsified(weight_graph(model).graph, 8), 3, cut="ratio") == partition


def test_training_fits_modular_addition():
    task = modular_addition(5)
    model = small_transformer(task, d_model=16, d_mlp=16, seed=0)
    before = accuracy(model, task, "train")
    train(model, task, ConnectionCost(model), lam=1e-3, steps=100)
    assert accuracy(model, task, "train") > max(before, 0.5)
