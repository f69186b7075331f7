"""Weight sets for heads and MLP: running every set and mixing the outputs is running the mixed weights."""

import torch

from weightsmith.learn.weight_sets import SetsSetup, SwitchableTransformer, WeightSetHeads, WeightSetMLP


def test_the_mlp_of_mixed_weights_is_the_mix_of_the_sets_outputs():
    torch.manual_seed(0)
    mlp = WeightSetMLP(d=6, hidden=5, k=3)
    with torch.no_grad():
        mlp.b_in.normal_()
        mlp.b_out.normal_()
    x, w = torch.randn(2, 4, 6), torch.softmax(torch.randn(2, 3), -1)
    for b in range(2):
        W_in, b_in = torch.einsum("k,kdh->dh", w[b], mlp.W_in), w[b] @ mlp.b_in
        W_out, b_out = torch.einsum("k,khd->hd", w[b], mlp.W_out), w[b] @ mlp.b_out
        assert torch.allclose(mlp(x, w)[b], torch.relu(x[b] @ W_in + b_in) @ W_out + b_out, atol=1e-5)


def test_heads_of_mixed_weights_are_the_mix_of_the_sets_projections():
    torch.manual_seed(0)
    heads = WeightSetHeads(d=6, heads=2, d_qk=3, d_ov=2, k=3)
    x, w = torch.randn(2, 4, 6), torch.softmax(torch.randn(2, 3), -1)
    pad = torch.tensor([[False, False, False, True], [False] * 4])
    out = heads(x, pad, w)
    for b in range(2):
        W_Q, W_K, W_V, W_O = (torch.einsum("k,khij->hij", w[b], W) for W in (heads.W_Q, heads.W_K, heads.W_V, heads.W_O))
        expected = torch.zeros(4, 6)
        for h in range(2):
            scores = (x[b] @ W_Q[h]) @ (x[b] @ W_K[h]).T
            scores[:, pad[b]] = float("-inf")
            expected += torch.softmax(scores, -1) @ (x[b] @ W_V[h]) @ W_O[h]
        assert torch.allclose(out[b], expected, atol=1e-5)


def test_a_forced_routing_replaces_the_routers():
    torch.manual_seed(0)
    model = SwitchableTransformer(SetsSetup(vocab=8, n_labels=3, max_len=5, d=12, layers=2, heads=1, d_qk=4, d_ov=3,
                                            hidden=6, k=2))
    ids = torch.tensor([[5, 1, 2, 7, 7], [6, 0, 0, 1, 2]])
    one_hot = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    with torch.no_grad():
        for router in model.routers:  # routers that would choose the other sets
            router.query.weight.zero_()
            router.query.bias.fill_(1.0)
            router.keys.zero_()
            router.keys[0, 0] = -100.0
        routed = model(ids)
        assert not torch.allclose(model(ids, route=one_hot), routed)
        assert torch.allclose(model(ids, route=torch.tensor([[0.0, 1.0], [0.0, 1.0]])), routed, atol=1e-4)
