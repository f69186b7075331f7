"""shrink: dead units and heads dropped, duplicate units merged, the function unchanged."""

import random

import torch

from weightsmith.compiler import compile_rasp_to_model
from weightsmith.library import arithmetic, get_program
from weightsmith.model import HeadConfig, LayerConfig, ModelConfig, Transformer
from weightsmith.model.shrink import shrink
from weightsmith.verify import verify


def test_dead_units_and_heads_go_and_multiples_merge():
    config = ModelConfig(vocab=["x"], max_seq_len=2, d_model=2, residual_labels=["in", "out"], output_dims=[1],
                         output_encoding="numerical", output_values=[],
                         layers=[LayerConfig(heads=[HeadConfig(d_qk=1, d_ov=1)], d_mlp=4)])
    weights = {name: torch.zeros_like(p) for name, p in Transformer(config).named_parameters()}
    weights["pos_embed"] = torch.tensor([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]])
    w_in = torch.tensor([[1.0, 2.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0]])  # unit 1 = 2 * unit 0; unit 2 writes nothing
    weights["layers.0.mlp.W_in"], weights["layers.0.mlp.b_in"] = w_in, torch.tensor([-0.5, -1.0, 0.0, -3.0])
    weights["layers.0.mlp.W_out"] = torch.tensor([[0.0, 1.0], [0.0, 3.0], [0.0, 0.0], [0.0, 5.0]])  # unit 3: never on
    model = Transformer.from_weights(config, weights)
    small = shrink(model)
    assert small.config.layers[0].d_mlp == 1 and small.config.layers[0].heads == []
    assert small.run(["BOS", "x", "x"]) == model.run(["BOS", "x", "x"]) == [0.0, 3.5, 10.5]


def test_shrunk_compiled_models_compute_the_same():
    entry = get_program("sort")
    program = entry.build()
    compiled = compile_rasp_to_model(program, set(entry.vocab), entry.max_seq_len)
    assert verify(shrink(compiled.model), program).ok
    multiplier = arithmetic.multiplier(2)
    small = shrink(multiplier.model)
    assert sum(layer.d_mlp for layer in small.config.layers) < sum(layer.d_mlp for layer in multiplier.config.layers)
    rng = random.Random(0)
    inputs = [[multiplier.config.bos, *[rng.randrange(10) for _ in range(2)], "*", rng.randrange(10), rng.randrange(10),
               "="] for _ in range(500)]
    assert small.run_batch(inputs) == multiplier.model.run_batch(inputs)
