"""The weight-attention layer: one weight set when routing is certain, a mixture otherwise, gradients to all."""

import torch

from weightsmith.learn.weight_attention import MultiTaskTransformer, Setup, WeightAttentionMLP


def test_a_certain_routing_runs_exactly_that_weight_set():
    torch.manual_seed(0)
    layer = WeightAttentionMLP(d=8, hidden=5, k=3)
    x, mask = torch.randn(2, 4, 8), torch.ones(2, 4)
    with torch.no_grad():
        layer.router.keys.zero_()
        layer.router.keys[1, 0] = 1e4  # set 1's key dominates whatever the query
        layer.router.query.weight.zero_()
        layer.router.query.bias.fill_(1.0)
    expected = torch.relu(x @ layer.W_in[1] + layer.b_in[1]) @ layer.W_out[1]
    assert torch.allclose(layer(x, mask), expected, atol=1e-5)


def test_hard_routing_uses_one_set_and_still_trains_the_router():
    torch.manual_seed(0)
    layer = WeightAttentionMLP(d=8, hidden=5, k=3, hard=True)
    x, mask = torch.randn(2, 4, 8), torch.ones(2, 4)
    out = layer(x, mask)
    chosen = layer.last_routing.argmax(-1)
    for b in range(2):
        k = int(chosen[b])
        assert torch.allclose(out[b], torch.relu(x[b] @ layer.W_in[k] + layer.b_in[k]) @ layer.W_out[k], atol=1e-5)
    out.sum().backward()
    assert layer.router.keys.grad is not None and layer.router.keys.grad.abs().sum() > 0  # straight-through reaches the keys


def test_the_three_kinds_build_and_run():
    for kind in ("dense", "moe", "weight_attention"):
        model = MultiTaskTransformer(Setup(vocab=10, n_labels=7, max_len=7, kind=kind, d=16, hidden=8, k=2))
        ids = torch.randint(0, 9, (3, 7))
        assert model(ids).shape == (3, 7, 7)
