"""The forward pass on hand-built models (known outputs) and the laws every model obeys."""

import dataclasses

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.model.handmade import (
    MAX_SEQ_LEN,
    VOCAB,
    expected_previous_tokens,
    inputs_for,
    model_configs,
    previous_token_config,
    previous_token_model,
    previous_token_weights,
    random_model,
)
from weightsmith.model import HeadConfig, LayerConfig, ModelConfig, OutputOutOfRange, Transformer
from weightsmith.model.transformer import parameter_shapes
from weightsmith.rasp import InputError

contents = st.lists(st.sampled_from(VOCAB), max_size=MAX_SEQ_LEN)


def test_parameter_names_follow_the_interface():
    config = ModelConfig(vocab=["a"], max_seq_len=2, d_model=3,
                         layers=[LayerConfig([HeadConfig(1, 2), HeadConfig(0, 1)], d_mlp=4), LayerConfig([], 0)],
                         residual_labels=["x", "y", "z"], output_dims=[0], output_encoding="numerical",
                         output_values=[])
    shapes = {name: tuple(p.shape) for name, p in Transformer(config).named_parameters()}
    assert shapes == {
        "token_embed": (3, 3), "pos_embed": (3, 3),
        "layers.0.heads.0.W_Q": (3, 1), "layers.0.heads.0.W_K": (3, 1),
        "layers.0.heads.0.W_V": (3, 2), "layers.0.heads.0.W_O": (2, 3),
        "layers.0.heads.1.W_Q": (3, 0), "layers.0.heads.1.W_K": (3, 0),
        "layers.0.heads.1.W_V": (3, 1), "layers.0.heads.1.W_O": (1, 3),
        "layers.0.mlp.W_in": (3, 4), "layers.0.mlp.b_in": (4,),
        "layers.0.mlp.W_out": (4, 3), "layers.0.mlp.b_out": (3,),
    }


@settings(max_examples=40, deadline=None)
@given(contents)
def test_previous_token_head(content):
    tokens = ["BOS", *content]
    assert previous_token_model().run(tokens) == expected_previous_tokens(tokens)


def test_apply_with_tokens_says_to_call_run_and_stays_torchs_with_a_function():
    model = previous_token_model()
    with pytest.raises(TypeError, match=r"call model.run\(tokens\)"):
        model.apply(["BOS", "a"])  # a CompiledModel's call; was "'list' object is not callable"
    seen = []
    assert model.apply(seen.append) is model and model in seen


def test_previous_token_head_float64_and_run_batch():
    batch = [["BOS"], ["BOS", "c"], ["BOS", "a", "b", "c", "a", "b"], ["BOS", "b", "b"]]
    for dtype in (torch.float32, torch.float64):
        model = previous_token_model(dtype=dtype)
        assert model.token_embed.dtype == dtype
        assert model.run_batch(batch) == [expected_previous_tokens(tokens) for tokens in batch]
        assert model.run_batch(batch, batch_size=3) == model.run_batch(batch)
    # .double() after construction works as well.
    model = previous_token_model().double()
    assert model(model.encode(batch)).dtype == torch.float64
    assert model.run_batch(batch) == [expected_previous_tokens(tokens) for tokens in batch]


def test_mlp_and_numerical_decode():
    # One layer, no heads; token "x" embeds 1.0 in the output dim, and the MLP adds relu(index - 1) + 0.25
    # from a numeric index dim (residual: the embedding's 1.0 survives the MLP).
    config = ModelConfig(vocab=["x"], max_seq_len=4, d_model=2, layers=[LayerConfig([], d_mlp=1)],
                         residual_labels=["indices", "out"], output_dims=[1], output_encoding="numerical",
                         output_values=[])
    pos_embed = torch.zeros(5, 2)
    pos_embed[:, 0] = torch.arange(5.0)
    weights = {"token_embed": torch.tensor([[0.0, 0.0], [0.0, 0.0], [0.0, 1.0]]), "pos_embed": pos_embed,
               "layers.0.mlp.W_in": torch.tensor([[1.0], [0.0]]), "layers.0.mlp.b_in": torch.tensor([-1.0]),
               "layers.0.mlp.W_out": torch.tensor([[0.0, 1.0]]), "layers.0.mlp.b_out": torch.tensor([0.0, 0.25])}
    model = Transformer.from_weights(config, weights)
    out = model.run(["BOS", "x", "x", "x", "x"])
    assert out == [0.25] + [1 + max(p - 1, 0) + 0.25 for p in range(1, 5)]
    assert all(type(v) is float for v in out)


def test_numerical_decode_snaps_within_tolerance_only():
    # The output dim holds the position: 0 (BOS), 1, 2, 3. With tolerance 0.3, 0 is the value 0 and 1
    # the nearest value 0.9 (not 1.2); 2 is 0.5 from 2.5: an error naming the position, never a number.
    config = ModelConfig(vocab=["x"], max_seq_len=3, d_model=1, layers=[], residual_labels=["out"],
                         output_dims=[0], output_encoding="numerical", output_values=[0, 0.9, 1.2, 2.5],
                         output_tolerance=0.3)
    weights = {"token_embed": torch.zeros(3, 1), "pos_embed": torch.arange(4.0)[:, None]}
    model = Transformer.from_weights(config, weights)
    out = model.run(["BOS", "x"])
    assert out == [0, 0.9] and [type(v) for v in out] == [int, float]
    with pytest.raises(OutputOutOfRange, match=r"input 0, position 2: the model's output 2.0 is not within 0.3.*"
                                              r"nearest: 2.5"):
        model.run(["BOS", "x", "x", "x"])
    # padding positions (here PAD's embedding puts them at 100+) are not decoded, so they raise nothing
    padded = {**weights, "token_embed": torch.tensor([[0.0], [100.0], [0.0]])}
    assert Transformer.from_weights(config, padded).run_batch([["BOS"], ["BOS", "x"]]) == [[0], [0, 0.9]]
    config.output_tolerance = 0.0  # no snapping at all
    assert Transformer.from_weights(config, weights).run(["BOS", "x", "x", "x"]) == [0.0, 1.0, 2.0, 3.0]


def test_residual_snapshots():
    model = previous_token_model()
    ids = model.encode([["BOS", "a", "b"]])
    final, residuals = model(ids, return_residuals=True)
    assert len(residuals) == 1 + 2 * len(model.config.layers)
    assert torch.equal(residuals[-1], final) and torch.equal(final, model(ids))
    # The embedding writes token and index dims only; the head then writes the "prev" dims only.
    assert torch.equal(residuals[0][0, :, 9:], torch.zeros(3, 3))
    assert torch.equal(residuals[1][..., :9], residuals[0][..., :9])
    # Position 2 copied "a"; itself ("b") gets softmax weight exp(-100), a float32 subnormal.
    torch.testing.assert_close(residuals[1][0, 2, 9:], torch.tensor([1.0, 0.0, 0.0]), rtol=0, atol=1e-40)
    assert torch.equal(residuals[2], residuals[1])  # d_mlp == 0: no MLP


def test_empty_layers_are_identity():
    config = ModelConfig(vocab=["a", "b"], max_seq_len=3, d_model=2, layers=[LayerConfig([], 0)] * 2,
                         residual_labels=["a", "b"], output_dims=[0, 1], output_encoding="categorical",
                         output_values=["a", "b"])
    token_embed = torch.tensor([[0.0, 0.0], [0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    model = Transformer.from_weights(config, {"token_embed": token_embed, "pos_embed": torch.zeros(4, 2)})
    assert model.run(["BOS", "b", "a", "b"]) == [None, "b", "a", "b"]


def test_pad_keys_are_not_attended():
    # A head that attends uniformly (d_qk == 0) averages token dims over the real positions only.
    config = ModelConfig(vocab=["a"], max_seq_len=3, d_model=2, layers=[LayerConfig([HeadConfig(0, 1)], 0)],
                         residual_labels=["is_a", "frac_a"], output_dims=[1], output_encoding="numerical",
                         output_values=[])
    weights = {"token_embed": torch.tensor([[0.0, 0.0], [5.0, 0.0], [1.0, 0.0]]), "pos_embed": torch.zeros(4, 2),
               "layers.0.heads.0.W_Q": torch.zeros(2, 0), "layers.0.heads.0.W_K": torch.zeros(2, 0),
               "layers.0.heads.0.W_V": torch.tensor([[1.0], [0.0]]), "layers.0.heads.0.W_O": torch.tensor([[0.0, 1.0]])}
    model = Transformer.from_weights(config, weights, dtype=torch.float64)
    # BOS + 1 "a": mean is 1/2 at every position, though PAD (token dim 5.0) fills positions 2, 3.
    assert model.run_batch([["BOS", "a"], ["BOS", "a", "a", "a"]]) == [[0.5, 0.5], [0.75] * 4]


@pytest.mark.parametrize("causal", [False, True])
def test_an_infinite_residual_at_padding_does_not_reach_real_positions(causal):
    # PAD's own residual is unbounded (here its embedding is huge, so the head's values there are inf): the
    # real positions must not read it, not even as 0 * inf = NaN through a weight of 0.
    config = ModelConfig(vocab=["a"], max_seq_len=3, d_model=2, layers=[LayerConfig([HeadConfig(0, 1)], 0)],
                         residual_labels=["is_a", "frac_a"], output_dims=[1], output_encoding="numerical",
                         output_values=[], causal=causal)
    weights = {"token_embed": torch.tensor([[0.0, 0.0], [3e38, 0.0], [1.0, 0.0]]), "pos_embed": torch.zeros(4, 2),
               "layers.0.heads.0.W_Q": torch.zeros(2, 0), "layers.0.heads.0.W_K": torch.zeros(2, 0),
               "layers.0.heads.0.W_V": torch.tensor([[10.0], [0.0]]), "layers.0.heads.0.W_O": torch.tensor([[0.0, 0.1]])}
    model = Transformer.from_weights(config, weights)
    alone = model.run(["BOS", "a"])
    assert model.run(["BOS", "a", "PAD", "PAD"])[:2] == alone
    assert model.run_batch([["BOS", "a"], ["BOS", "a", "a", "a"]])[0] == alone


@settings(max_examples=40, deadline=None)
@given(st.lists(contents, min_size=1, max_size=6))
def test_padding_invariance_exact_on_handmade_model(batch):
    model = previous_token_model()
    batch = [["BOS", *c] for c in batch]
    assert model.run_batch(batch) == [model.run(tokens) for tokens in batch]


@settings(max_examples=40, deadline=None)
@given(st.data(), model_configs(), st.integers(0, 2**16))
def test_padding_invariance_random_models(data, config, seed):
    model = random_model(config, seed)
    batch = data.draw(inputs_for(config))
    together, residuals = model(model.encode(batch), return_residuals=True)
    for b, tokens in enumerate(batch):
        alone, alone_residuals = model(model.encode([tokens]), return_residuals=True)
        n = len(tokens)
        # Same numbers up to float64 summation order (BLAS may group sums differently for another T).
        for mixed, single in zip(residuals, alone_residuals):
            torch.testing.assert_close(mixed[b, :n], single[0], rtol=1e-12, atol=1e-12)
        assert torch.isfinite(together).all()


@settings(max_examples=40, deadline=None)
@given(st.data(), model_configs(causal=True), st.integers(0, 2**16))
def test_causal_positions_ignore_later_tokens(data, config, seed):
    model = random_model(config, seed)
    tokens = data.draw(inputs_for(config, max_size=1))[0]
    i = data.draw(st.integers(0, len(tokens) - 1))
    later = data.draw(st.lists(st.sampled_from(config.vocab), min_size=len(tokens) - 1 - i,
                               max_size=len(tokens) - 1 - i))
    changed = tokens[: i + 1] + later
    _, first = model(model.encode([tokens]), return_residuals=True)
    _, second = model(model.encode([changed]), return_residuals=True)
    for x, y in zip(first, second):
        assert torch.equal(x[0, : i + 1], y[0, : i + 1])  # same shapes: bit-identical


def test_causal_flag_changes_attention():
    # Non-causal, a query can attend to a later key; causal, it cannot: position 1 looks at position 2.
    config = previous_token_config()
    weights = previous_token_weights(config)
    weights["layers.0.heads.0.W_Q"] = torch.zeros_like(weights["layers.0.heads.0.W_Q"])
    for p in range(MAX_SEQ_LEN + 1):
        weights["layers.0.heads.0.W_Q"][3 + p, min(p + 1, MAX_SEQ_LEN)] = 100.0  # attend to the next position
    tokens = ["BOS", "a", "b", "c"]
    model = Transformer.from_weights(config, weights, dtype=torch.float64)
    assert model.run(tokens)[1] == "b"
    config.causal = True
    causal = Transformer.from_weights(config, weights, dtype=torch.float64)
    # Position 2 is masked; BOS and position 1 score equally (0), so position 1 reads half of its own "a".
    out = causal(causal.encode([tokens]))[0, 1, 9:]
    assert out.tolist() == [0.5, 0.0, 0.0]


def test_from_weights_names_the_bad_tensor():
    config = previous_token_config()
    weights = previous_token_weights(config)
    bad = dict(weights, **{"layers.0.heads.0.W_V": torch.zeros(12, 4)})
    with pytest.raises(ValueError, match=r"'layers.0.heads.0.W_V' has shape \(12, 4\), the config needs \(12, 3\)"):
        Transformer.from_weights(config, bad)
    with pytest.raises(ValueError, match=r"missing.*layers.0.heads.0.W_O"):
        Transformer.from_weights(config, {k: v for k, v in weights.items() if k != "layers.0.heads.0.W_O"})
    with pytest.raises(ValueError, match=r"unexpected.*layers.0.mlp.W_in"):
        Transformer.from_weights(config, dict(weights, **{"layers.0.mlp.W_in": torch.zeros(12, 1)}))
    nan = dict(weights, token_embed=torch.full((5, 12), float("nan")))
    with pytest.raises(ValueError, match="'token_embed' contains NaN"):
        Transformer.from_weights(config, nan)


def test_from_weights_accepts_numpy_and_keeps_float64():
    config = previous_token_config()
    weights = {k: v.double().numpy() for k, v in previous_token_weights(config).items()}
    weights["pos_embed"][0, 0] = 1 / 3
    model = Transformer.from_weights(config, weights, dtype=torch.float64)
    assert model.pos_embed[0, 0].item() == 1 / 3


@pytest.mark.parametrize(
    ("batch", "message"),
    [
        ([["BOS", "a", "z"]], r"input 0, position 2: token 'z'"),
        ([["BOS"], ["BOS", "PAD", "a"]], r"input 1, position 2: token 'a' after padding \(position 1 is 'PAD'\)"),
        ([["BOS", "BOS"]], r"input 0, position 1: token 'BOS'"),
        ([["BOS", ["a"]]], r"input 0, position 1: token \['a'\]"),
        ([["a", "b"]], "input 0: must start with 'BOS'"),
        ([[]], "input 0: must start with 'BOS'"),
        ([["BOS"], "BOS a"], r"input 1: expected a list of tokens, got the string 'BOS a': give \['BOS', 'a'\]"),
        ("BOS a", "inputs: expected a list of inputs"),
        ([["BOS", *"abcabc"]], "input 0: 6 tokens after 'BOS', max_seq_len is 5"),
    ],
)
def test_encode_errors_name_input_position_token(batch, message):
    with pytest.raises(InputError, match=message):
        previous_token_model().encode(batch)


def test_encode_pads_and_forward_checks_ids():
    model = previous_token_model()
    ids = model.encode([["BOS", "a", "c"], ["BOS"]])
    assert ids.tolist() == [[0, 2, 4], [0, 1, 1]]
    with pytest.raises(InputError, match="position 0 is PAD"):
        model(torch.tensor([[1, 2]]))
    with pytest.raises(InputError, match="7 positions"):
        model(torch.zeros(1, 7, dtype=torch.long))
    with pytest.raises(InputError, match="token ids in 0..4"):
        model(torch.tensor([[0, 5]]))
    with pytest.raises(ValueError, match="integer tensor"):
        model(torch.zeros(1, 2))


def test_an_input_may_end_in_pad_tokens_which_decode_as_pad():
    # Tracr's models take [BOS, tokens..., PAD...]: the real positions read as without the padding.
    model = previous_token_model()
    padded = model.run_batch([["BOS", "a", "b", "PAD", "PAD"], ["BOS", "c", "PAD"]])
    assert padded == [[None, None, "a", "PAD", "PAD"], [None, None, "PAD"]]
    assert [row[:3] for row in padded] == [model.run(["BOS", "a", "b"]), model.run(["BOS", "c"]) + ["PAD"]]
    with pytest.raises(InputError, match="6 tokens after 'BOS'"):  # padding takes positions
        model.encode([["BOS", "a", "b", "c", "PAD", "PAD", "PAD"]])


def test_gradients_flow():
    # The learn/ package trains this same module: parameters must be ordinary trainable tensors.
    model = previous_token_model()
    model(model.encode([["BOS", "a", "b"]])).sum().backward()
    assert model.layers[0].heads[0].W_O.grad is not None


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")
def test_cuda_matches_cpu():
    batch = [["BOS", "a", "b", "c"], ["BOS", "c"]]
    assert previous_token_model().cuda().run_batch(batch) == previous_token_model().run_batch(batch)


def test_heads_of_a_layer_read_the_same_residual():
    # dims (src, mid, out); uniform heads (d_qk 0). Head "copy_mid" writes mean(src) to mid; head "copy_out"
    # writes mean(mid) to out. In one layer copy_out must not see copy_mid's write; in the next layer it does.
    def uniform_head(read: int, write: int) -> dict:
        W_V, W_O = torch.zeros(3, 1), torch.zeros(1, 3)
        W_V[read, 0], W_O[0, write] = 1.0, 1.0
        return {"W_Q": torch.zeros(3, 0), "W_K": torch.zeros(3, 0), "W_V": W_V, "W_O": W_O}

    config = ModelConfig(vocab=["a"], max_seq_len=1, d_model=3,
                         layers=[LayerConfig([HeadConfig(0, 1), HeadConfig(0, 1)], 0),
                                 LayerConfig([HeadConfig(0, 1)], 0)],
                         residual_labels=["src", "mid", "out"], output_dims=[2], output_encoding="numerical",
                         output_values=[])
    weights = {"token_embed": torch.tensor([[0.0, 0, 0], [0, 0, 0], [1, 0, 0]]), "pos_embed": torch.zeros(2, 3)}
    heads = {"layers.0.heads.0": uniform_head(0, 1), "layers.0.heads.1": uniform_head(1, 2),
             "layers.1.heads.0": uniform_head(1, 2)}
    weights |= {f"{prefix}.{name}": w for prefix, head in heads.items() for name, w in head.items()}
    model = Transformer.from_weights(config, weights)
    _, residuals = model(model.encode([["BOS", "a"]]), return_residuals=True)
    assert residuals[1][0].tolist() == [[0.0, 0.5, 0.0], [1.0, 0.5, 0.0]]
    assert model.run(["BOS", "a"]) == [0.5, 0.5]


def test_categorical_decode_threshold_and_argmax():
    model = previous_token_model()
    residual = torch.zeros(1, 4, 12)
    residual[0, 0, 9:] = torch.tensor([0.5, 0.2, 0.0])  # exactly 0.5 is not "below 0.5": a
    residual[0, 1, 9:] = torch.tensor([0.499, 0.3, -1.0])  # all below 0.5: None
    residual[0, 2, 9:] = torch.tensor([0.7, 0.9, 0.8])  # largest wins: b
    residual[0, 3, 9:] = torch.tensor([2.0, 0.0, 3.0])
    residual[0, :, :9] = 5.0  # dims outside output_dims are never read
    assert model.decode(residual, [4]) == [["a", None, "b", "c"]]
    assert model.decode(residual, [2]) == [["a", None]]


@settings(max_examples=50, deadline=None)
@given(model_configs())
def test_parameter_shapes_are_the_models_parameters(config):
    """Loading checks a weights header against `parameter_shapes` before building the model: they must agree."""
    assert parameter_shapes(config) == {name: tuple(p.shape) for name, p in Transformer(config).named_parameters()}


def test_tokens_match_by_type_as_well_as_value():
    # True == 1 and 1.0 == 1 in Python, but a program can tell them apart (str(True) is "True"): the model
    # must not run the token True as if it were 1
    config = ModelConfig(vocab=[1, 2, "a"], max_seq_len=3, d_model=1, layers=[], residual_labels=["x"],
                         output_dims=[0], output_encoding="numerical", output_values=[])
    model = Transformer(config)
    assert model.encode([["BOS", 1, 2, "a"]]).tolist() == [[0, 2, 3, 4]]
    assert model.encode([["BOS", np.int64(2)]]).tolist() == [[0, 3]]  # numpy scalars are their Python values
    with pytest.raises(InputError, match="token True is not in the vocabulary .*the int 1"):
        model.encode([["BOS", True]])
    with pytest.raises(InputError, match="token 1.0 is not in the vocabulary"):
        model.encode([["BOS", 1.0]])


def test_a_zero_and_its_negative_are_two_tokens():
    """0.0 == -0.0 and they hash alike, but `str` tells them apart: a model of `str` over [-0.0, 1.5] took the
    input 0.0 for its token -0.0 and answered '-0.0' where the interpreter gives '0.0' (fzz24)."""
    from weightsmith import rasp
    from weightsmith.compiler import compile_program

    text = rasp.Map(lambda x: str(x), rasp.tokens)
    compiled = compile_program(text, [-0.0, 1.5], 2)
    assert compiled.run([-0.0, 1.5]) == rasp.evaluate(text, [-0.0, 1.5]) == ["-0.0", "1.5"]
    with pytest.raises(InputError, match=r"token 0\.0 is not in the vocabulary \(the vocabulary holds -0\.0: 0\.0 and "
                                         r"-0\.0 are two tokens"):
        compiled.run([0.0, 1.5])


def test_rounding_twins_decode_as_one_value_wherever_the_input_runs():
    """0.09999999999999983 and 0.1 (a mean and x + 0.1) are float64 twins, one value to the compiler; the model's
    float landed nearer one alone and the other in a batch, so one input read two ways (fzz24, seeds 100536 and
    100958 of its numerical grid). Each run of twins decodes as its shortest-written value."""
    config = ModelConfig(vocab=["a"], max_seq_len=2, d_model=1, layers=[], residual_labels=["x"], output_dims=[0],
                         output_encoding="numerical", output_values=[0.09999999999999983, 0.1, 0.5],
                         output_tolerance=0.1)
    model = Transformer(config)
    assert model._snap(np.array([[0.0999999999999998, 0.1000000000000001, 0.49]]), [3]) == [[0.1, 0.1, 0.5]]
    # values closer than the tolerance but not twins (a switch's components' values, the largest tolerance) stay two
    config = dataclasses.replace(config, output_values=[0.0, 0.1, 1.0], output_tolerance=0.25)
    assert Transformer(config)._snap(np.array([[0.01, 0.09, 0.9]]), [3]) == [[0.0, 0.1, 1.0]]


def test_bos_after_position_0_is_named_as_bos():
    # the error said "token 'BOS' is not in the vocabulary (it is a str; the vocabulary holds the str 'BOS', and
    # tokens match by type as well as value)": the hint for True and 1, contradicting itself
    config = ModelConfig(vocab=["a"], max_seq_len=3, d_model=1, layers=[], residual_labels=["x"],
                         output_dims=[0], output_encoding="numerical", output_values=[])
    with pytest.raises(InputError, match=r"^input 0, position 2: token 'BOS' is the BOS token, which only starts an "
                                         r"input$"):
        Transformer(config).encode([["BOS", "a", "BOS"]])


def test_modules_are_built_in_the_state_torch_builds_them():
    """The model's modules are set up without `nn.Module.__init__` and `ModuleList`'s checks (`_set_up`): each must
    end in the state torch's own construction gives, with containers of its own."""
    import copy

    from torch import nn

    config = ModelConfig(vocab=["a"], max_seq_len=2, d_model=3,
                         layers=[LayerConfig([HeadConfig(1, 2), HeadConfig(0, 1)], d_mlp=4), LayerConfig([], 0)],
                         residual_labels=["x", "y", "z"], output_dims=[0], output_encoding="numerical",
                         output_values=[])
    model = Transformer(config)
    fresh = nn.Module().__dict__
    modules = list(model.modules())
    for module in modules:
        for name, value in fresh.items():
            mine = module.__dict__[name]
            assert type(mine) is type(value), name
            if not isinstance(value, (dict, set)):
                assert mine == value, name
            elif name not in ("_parameters", "_modules"):
                assert not mine, name
    for name, value in fresh.items():
        if isinstance(value, (dict, set)):  # every module owns its containers
            assert len({id(m.__dict__[name]) for m in modules}) == len(modules), name
    reference = nn.ModuleList([nn.Module(), nn.Module()])
    assert type(model.layers) is nn.ModuleList and list(model.layers._modules) == list(reference._modules) == ["0", "1"]
    assert [name for name, _ in model.named_modules()] == [
        "", "layers", "layers.0", "layers.0.heads", "layers.0.heads.0", "layers.0.heads.1", "layers.0.mlp",
        "layers.1", "layers.1.heads"]
    assert model.layers[1].mlp is None and "mlp" not in model.layers[1]._modules
    assert "config" not in model._modules and model.config is config
    # the usual module operations work on them, one module at a time
    seen = []
    model.layers[0].heads[1].register_forward_hook(lambda *args: seen.append(1))
    model.eval()
    assert not any(m.training for m in model.modules())
    ids = model.encode([["BOS", "a"]])
    model(ids)
    assert seen == [1]
    twin = copy.deepcopy(model).to(torch.float64)
    assert twin.layers[0].mlp.W_in.dtype == torch.float64 and model.layers[0].mlp.W_in.dtype == torch.float32
    assert list(twin.state_dict()) == list(model.state_dict())


def test_decode_logits_refuses_what_is_not_the_read_out_of_those_ids():
    # an export's `residual` output decoded as its `readout` (its first dims read as logits) answered
    # ['b', 'a', 'a', 'a'] for reverse's `a b c`; logits of other inputs than the ids were decoded against them
    from weightsmith.compiler import compile_program
    from weightsmith.library import PROGRAMS

    p = PROGRAMS["reverse"]
    model = compile_program(p.build(), p.vocab, 4).model
    batch = [["BOS", "a", "b", "c"], ["BOS", "b"]]
    ids = model.encode(batch)
    final = model(ids)
    logits = model.readout(final)
    assert model.decode_logits(logits, [4, 2], ids) == [[None, "c", "b", "a"], [None, "b"]]
    with pytest.raises(ValueError, match=r"^the logits' last dimension is 16; the read-out gives 3 \(3 output "
                                         r"logits\): decode a read-out \(an ONNX export's `readout`, not its `residual`\)"):
        model.decode_logits(final, [4, 2], ids)
    with pytest.raises(ValueError, match=r"^the logits are \[1, 4\] inputs x positions, the ids \[2, 4\]"):
        model.decode_logits(logits[:1], [4], ids)
    with pytest.raises(ValueError, match=r"^3 lengths for 2 inputs"):
        model.decode_logits(logits, [4, 2, 1], ids)
    with pytest.raises(ValueError, match=r"^input 1 is 5 positions long, the logits have 4"):
        model.decode_logits(logits, [4, 5], ids)
