"""A hand-built model whose weight graph is known edge by edge (see tests/modules/test_graph.py).

Tokens a, b write residual dims 0, 1. Layer 0: one head, query reads dim 0 (W_Q = 2), key reads dim 1
(W_K = 3), value reads dim 0 and writes 0.5 into dim 2; an MLP whose unit 0 reads dim 2 (-4) and writes
dim 1 (3), and whose unit 1 reads dim 0 (1) and writes dim 2 (-2). The output reads dim 2.
"""

from __future__ import annotations

import torch

from weightsmith.model import HeadConfig, LayerConfig, ModelConfig, Transformer


def tiny_model() -> Transformer:
    config = ModelConfig(vocab=["a", "b"], max_seq_len=2, d_model=3,
                         layers=[LayerConfig([HeadConfig(d_qk=1, d_ov=1)], d_mlp=2)],
                         residual_labels=["x:0", "y:0", "z:0"], output_dims=[2], output_encoding="numerical",
                         output_values=[])
    token_embed = torch.zeros(4, 3)
    token_embed[2, 0] = token_embed[3, 1] = 1.0
    W_Q, W_K, W_V, W_O = torch.zeros(3, 1), torch.zeros(3, 1), torch.zeros(3, 1), torch.zeros(1, 3)
    W_Q[0, 0], W_K[1, 0], W_V[0, 0], W_O[0, 2] = 2.0, 3.0, 1.0, 0.5
    W_in, W_out = torch.zeros(3, 2), torch.zeros(2, 3)
    W_in[2, 0], W_in[0, 1], W_out[0, 1], W_out[1, 2] = -4.0, 1.0, 3.0, -2.0
    weights = {"token_embed": token_embed, "pos_embed": torch.zeros(3, 3),
               "layers.0.heads.0.W_Q": W_Q, "layers.0.heads.0.W_K": W_K, "layers.0.heads.0.W_V": W_V,
               "layers.0.heads.0.W_O": W_O, "layers.0.mlp.W_in": W_in, "layers.0.mlp.b_in": torch.zeros(2),
               "layers.0.mlp.W_out": W_out, "layers.0.mlp.b_out": torch.zeros(3)}
    return Transformer.from_weights(config, weights)
