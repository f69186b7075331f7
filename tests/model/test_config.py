"""ModelConfig: exact JSON round trip, and strict rejection that names the field at fault."""

import json

import numpy as np
import pytest
from hypothesis import given, settings

from tests.model.handmade import model_configs, previous_token_config
from weightsmith import __version__
from weightsmith.model import HeadConfig, LayerConfig, ModelConfig
from weightsmith.model.config import ComposedConfig, FedCheck


def document() -> dict:
    return json.loads(previous_token_config().to_json())


def from_document(doc: dict) -> ModelConfig:
    return ModelConfig.from_json(json.dumps(doc))


@settings(max_examples=60, deadline=None)
@given(model_configs())
def test_json_round_trip_is_exact(config):
    again = ModelConfig.from_json(config.to_json())
    assert again == config
    # Types survive too (1 stays int, 2.5 float, True bool), not just equality (1 == 1.0 == True).
    assert [type(v) for v in again.vocab] == [type(v) for v in config.vocab]


def test_defaults_and_tokens():
    config = previous_token_config()
    assert (config.bos, config.pad, config.output_label, config.layer_labels) == ("BOS", "PAD", "prev", None)
    assert config.version == __version__
    assert config.tokens() == ["BOS", "PAD", "a", "b", "c"]
    assert document()["format"] == "weightsmith-model"


@pytest.mark.parametrize("field", ["vocab", "d_model", "layers", "version", "causal", "output_tolerance"])
def test_missing_key_is_named(field):
    doc = document()
    del doc[field]
    with pytest.raises(ValueError, match=f"missing key.*{field}"):
        from_document(doc)


def test_unknown_keys_are_named_at_every_level():
    doc = document()
    doc["n_ctx"] = 5
    with pytest.raises(ValueError, match="unknown key.*n_ctx"):
        from_document(doc)
    doc = document()
    doc["layers"][0]["heads"][0]["bias"] = True
    with pytest.raises(ValueError, match=r"layers\[0\]\.heads\[0\].*unknown key.*bias"):
        from_document(doc)
    doc = document()
    del doc["layers"][0]["d_mlp"]
    with pytest.raises(ValueError, match=r"layers\[0\].*missing key.*d_mlp"):
        from_document(doc)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(d_model="12"), "d_model"),
        (lambda d: d.update(d_model=True), "d_model"),
        (lambda d: d.update(max_seq_len=0), "max_seq_len"),
        (lambda d: d.update(causal=1), "causal"),
        (lambda d: d.update(bos=0), "bos"),
        (lambda d: d.update(pad="BOS"), "bos and pad"),
        (lambda d: d.update(vocab=["a", "b", "a"]), r"vocab\[2\]"),
        (lambda d: d.update(vocab=[1, True]), r"vocab\[1\]"),
        (lambda d: d.update(vocab=["a", [1]]), r"vocab\[1\]"),
        (lambda d: d.update(vocab=["a", "PAD"]), "vocab.*pad"),
        (lambda d: d["layers"][0]["heads"][0].update(d_qk=-1), r"layers\[0\]\.heads\[0\]\.d_qk"),
        (lambda d: d["layers"][0].update(d_mlp=1.5), r"layers\[0\]\.d_mlp"),
        (lambda d: d["layers"][0].update(heads={}), r"layers\[0\]\.heads"),
        (lambda d: d.update(layers={}), "layers"),
        (lambda d: d["residual_labels"].pop(), "residual_labels.*11 labels but d_model is 12"),
        (lambda d: d["residual_labels"].__setitem__(0, 3), "residual_labels"),
        (lambda d: d.update(output_dims=[9, 10, 12]), r"output_dims\[2\]"),
        (lambda d: d.update(output_dims=[9, 10, -1]), r"output_dims\[2\]"),
        (lambda d: d.update(output_dims=[9, 9, 10]), "output_dims.*repeats"),
        (lambda d: d.update(output_dims=[]), "output_dims"),
        (lambda d: d.update(output_values=["a", "b"]), "output_values.*2 values for 3 dims"),
        (lambda d: d.update(output_encoding="onehot"), "output_encoding"),
        (lambda d: d.update(output_encoding="numerical"), "numerical output"),
        (lambda d: d.update(output_tolerance=-0.1), "output_tolerance"),
        (lambda d: d.update(output_tolerance=True), "output_tolerance"),
        (lambda d: d.update(output_tolerance="0.1"), "output_tolerance"),
        (lambda d: d.update(output_tolerance=0.25), "output_tolerance.*categorical"),
        (lambda d: d.update(layer_labels=[]), "layer_labels"),
        (lambda d: d.update(layer_labels=[["x"] * 12, ["x"] * 11]), r"layer_labels\[1\]"),
        (lambda d: d.update(version=1), "version"),
    ],
)
def test_invalid_fields_are_named(change, message):
    doc = document()
    change(doc)
    with pytest.raises(ValueError, match=message):
        from_document(doc)


def test_non_finite_values_rejected_on_construction():
    with pytest.raises(ValueError, match=r"output_values\[0\]"):
        ModelConfig(vocab=["a"], max_seq_len=1, d_model=1, layers=[], residual_labels=["x"], output_dims=[0],
                    output_encoding="categorical", output_values=[float("nan")])
    with pytest.raises(ValueError, match="HeadConfig.d_ov"):
        HeadConfig(d_qk=1, d_ov=-2)
    with pytest.raises(ValueError, match=r"LayerConfig.heads\[0\]"):
        LayerConfig(heads=[{"d_qk": 1, "d_ov": 1}], d_mlp=0)


@pytest.mark.parametrize("text", ["{", "[]", "null", json.dumps({"model_type": "gpt2", "n_embd": 768})])
def test_foreign_or_broken_json(text):
    with pytest.raises(ValueError, match="JSON|format|object"):
        ModelConfig.from_json(text)


def test_wrong_format_marker_named():
    doc = document()
    doc["format"] = "tracr"
    with pytest.raises(ValueError, match="format.*'tracr'"):
        from_document(doc)


def test_layer_labels_round_trip():
    config = previous_token_config()
    config.layer_labels = [[f"a{i}" for i in range(12)], [f"m{i}" for i in range(12)]]
    config.validate()
    assert ModelConfig.from_json(config.to_json()).layer_labels == config.layer_labels


def numerical_config(values: list, tolerance: float = 0.25) -> ModelConfig:
    return ModelConfig(vocab=["a"], max_seq_len=1, d_model=1, layers=[], residual_labels=["x"], output_dims=[0],
                       output_encoding="numerical", output_values=values, output_tolerance=tolerance)


def test_numerical_output_values_and_tolerance_round_trip():
    config = numerical_config([-1, 0, 1 / 3, 2.5], tolerance=1 / 12)
    again = ModelConfig.from_json(config.to_json())
    assert again == config and [type(v) for v in again.output_values] == [int, int, float, float]
    assert again.output_tolerance == 1 / 12


@pytest.mark.parametrize(
    ("values", "tolerance", "message"),
    [
        ([0, 1, 0.5], 0.1, r"output_values\[2\].*ascend"),
        ([0, "a"], 0.1, r"output_values\[1\].*not a number"),
        ([0, 1], float("inf"), "output_tolerance"),
        ([0, 1], float("nan"), "output_tolerance"),
    ],
)
def test_bad_numerical_output_values_are_named(values, tolerance, message):
    with pytest.raises(ValueError, match=message):
        numerical_config(values, tolerance)
    doc = json.loads(numerical_config([0, 1]).to_json())
    doc["output_values"] = values
    if tolerance == 0.1:  # JSON itself cannot hold inf or nan
        with pytest.raises(ValueError, match=message):
            from_document(doc)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([0, 0.5, 2, float("inf")], r"output_values\[3\]: inf is not .*finite"),
        ([0, 1, True], r"output_values\[2\]: True equals output_values\[1\] \(1\)"),
        ([0.5, 2, 1.5, 3], r"output_values\[2\].*ascend"),
    ],
)
def test_long_value_lists_still_name_the_culprit(values, message):
    """The value checks take C-level fast paths on good lists; a bad one is still named by index."""
    with pytest.raises(ValueError, match=message):
        numerical_config(values, 0.1)


def looped_document() -> dict:
    """The handmade config with its one layer made a loop's block (steps, halted, stop in dims 0-2)."""
    doc = document()
    doc["loop"] = {"first_layer": 0, "n_layers": 1, "max_steps": 5, "stop_dim": 2, "steps_dim": 0, "halted_dim": 1}
    return doc


def test_loop_round_trips_and_is_absent_without_one():
    config = from_document(looped_document())
    assert config.loop.max_steps == 5 and ModelConfig.from_json(config.to_json()) == config
    assert "loop" not in document()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda loop: loop.update(n_layers=0), r"loop\.n_layers"),
        (lambda loop: loop.update(first_layer=1), "beyond the model's 1 layers"),
        (lambda loop: loop.update(max_steps=-1), r"loop\.max_steps"),
        (lambda loop: loop.update(max_steps=2.0), r"loop\.max_steps"),
        (lambda loop: loop.update(stop_dim=12), r"loop\.stop_dim.*not a residual dimension"),
        (lambda loop: loop.update(halted_dim=0), r"loop\.halted_dim.*same dimension as loop\.steps_dim"),
        (lambda loop: loop.pop("stop_dim"), r"loop.*missing key.*stop_dim"),
        (lambda loop: loop.update(extra=1), r"loop.*unknown key.*extra"),
    ],
)
def test_invalid_loop_fields_are_named(change, message):
    doc = looped_document()
    change(doc["loop"])
    with pytest.raises(ValueError, match=message):
        from_document(doc)


def test_output_types_round_trip_and_older_documents_load_without_them():
    config = numerical_config([0, 0.5, 1])
    assert "output_types" not in json.loads(config.to_json())  # written only when set: old readers see nothing new
    config.output_types = {"dims": [0], "types": ["float"]}
    config.validate()
    again = ModelConfig.from_json(config.to_json())
    assert again == config and again.output_types == {"dims": [0], "types": ["float"]}


@pytest.mark.parametrize(
    ("types", "message"),
    [
        ([0, 1], "output_types: expected None or an object"),
        ({"dims": [0], "types": ["int"], "extra": 1}, r"output_types: unknown key.*extra"),
        ({"dims": [0]}, r"output_types: missing key.*types"),
        ({"dims": [], "types": []}, "output_types.dims: expected a non-empty list"),
        ({"dims": [0, 0], "types": ["int", "int"]}, "repeats a dim"),
        ({"dims": [99], "types": ["int"]}, r"output_types.dims\[0\]: 99 is not a residual dim"),
        ({"dims": [True], "types": ["int"]}, r"output_types.dims\[0\]: expected an int"),
        ({"dims": [0], "types": ["int", "float"]}, "expected a list of 1 type names"),
        ({"dims": [0], "types": ["str"]}, r"output_types.types\[0\]: expected one of"),
    ],
)
def test_bad_output_types_are_named(types, message):
    doc = json.loads(numerical_config([0, 1]).to_json())
    doc["output_types"] = types
    with pytest.raises(ValueError, match=message):
        from_document(doc)


def coded_document(codes) -> dict:
    """The previous-token config with its 3 output dims read as codes of its 3 values."""
    doc = document()
    doc["output_codes"] = codes
    return doc


def test_output_codes_round_trip_and_older_documents_load_without_them():
    assert "output_codes" not in document()  # written only when set: a one-hot folder is unchanged
    codes = [[1, -1, -1], [-1, 1, -1], [1, 1, 1]]
    config = from_document(coded_document(codes))
    again = ModelConfig.from_json(config.to_json())
    assert again == config and again.output_codes == codes
    W_U, b_U = config.unembedding()
    assert W_U[config.output_dims].T.tolist() == codes and b_U.tolist() == [-2.0] * 3
    one_hot_W, one_hot_b = previous_token_config().unembedding()
    assert (one_hot_W[[9, 10, 11]] == np.eye(3)).all() and not one_hot_b.any() and one_hot_W.sum() == 3


def test_output_scores_round_trip_and_older_documents_load_without_them():
    assert "output_scores" not in document()  # written only when set: other folders are unchanged
    doc = document()
    assert from_document(doc).output_scores is False
    doc["output_scores"] = True
    again = ModelConfig.from_json(from_document(doc).to_json())
    assert again.output_scores is True
    for bad, message in ((1, "expected a bool"), (True, "only a categorical one-hot output")):
        wrong = coded_document([[1, -1, -1], [-1, 1, -1], [1, 1, 1]]) if bad is True else dict(doc)
        wrong["output_scores"] = bad
        with pytest.raises(ValueError, match=f"output_scores: {message}"):
            from_document(wrong)


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ([[1, -1, -1], [-1, 1, -1]], r"output_codes: expected a list of 3 codes"),
        ({"a": 1}, r"output_codes: expected a list of 3 codes"),
        ([[1, -1, -1], [-1, 1, -1], [1, -1, -1]], r"output_codes\[2\]: the same code as output_codes\[0\]"),
        ([[1, -1, -1], [-1, 1, -1], [1, 1]], r"output_codes\[2\]: expected a list of 3 entries"),
        ([[1, -1, -1], [-1, 1, -1], [1, 1, 0]], r"output_codes\[2\]: expected a list of 3 entries, each 1 or -1"),
        ([[1, -1, -1], [-1, 1, -1], [1, 1, 1.0]], r"output_codes\[2\]"),
        ([[1, -1, -1], [-1, 1, -1], [1, 1, True]], r"output_codes\[2\]"),
    ],
)
def test_bad_output_codes_are_named(codes, message):
    with pytest.raises(ValueError, match=message):
        from_document(coded_document(codes))


def test_output_codes_need_a_categorical_output_of_two_dims_or_more():
    doc = json.loads(numerical_config([0, 1]).to_json())
    doc["output_codes"] = [[1], [-1]]
    with pytest.raises(ValueError, match="only a categorical output is held as codes"):
        from_document(doc)
    doc = coded_document([[1], [-1], [1]])
    doc["output_dims"] = [9]
    with pytest.raises(ValueError, match="a code needs at least 2 output dims"):
        from_document(doc)


def test_causal_form_round_trips_defaults_to_causal_and_needs_a_mask():
    assert "causal_form" not in document()  # written only when set: older folders are unchanged
    for causal, form in ((True, False), (True, True), (False, False)):
        doc = {**document(), "causal": causal, "causal_form": form}
        config = from_document(doc)
        assert ModelConfig.from_json(config.to_json()) == config and config.computes_causal_form() is form
    for causal in (True, False):  # absent: what `causal` says (composed models, older folders)
        assert from_document({**document(), "causal": causal}).computes_causal_form() is causal
    with pytest.raises(ValueError, match="causal_form: a model asked to compute the causal form must be causal"):
        from_document({**document(), "causal": False, "causal_form": True})
    with pytest.raises(ValueError, match="causal_form: expected a bool or None, got 1"):
        from_document({**document(), "causal": True, "causal_form": 1})


def test_program_ops_round_trip_and_bad_ones_are_named():
    config = numerical_config([0, 0.5, 1])
    assert "program_ops" not in json.loads(config.to_json())  # written only when set
    config.vocab, config.max_seq_len = [*config.vocab, "sort"], 3
    config.program_ops = {"ops": ["sort"], "stages": 1}
    config.validate()
    assert ModelConfig.from_json(config.to_json()) == config
    for ops, message in ((["nop"], r"program_ops.ops: expected a non-empty list of str tokens of the vocabulary"),
                         ([], r"program_ops.ops"), ({"ops": ["sort"]}, r"program_ops: expected an object")):
        config.program_ops = ops if isinstance(ops, dict) else {"ops": ops, "stages": 1}
        with pytest.raises(ValueError, match=message):
            config.validate()
    config.program_ops = {"ops": ["sort"], "stages": config.max_seq_len}
    with pytest.raises(ValueError, match=r"program_ops.stages: expected an int from 1 to max_seq_len - 1"):
        config.validate()


def test_first_token_round_trips_is_absent_without_one_and_must_be_a_token_of_the_vocabulary():
    # a compiled Transformer Program's: older folders, without it, load with no first-token requirement
    config = numerical_config([0, 0.5, 1])
    assert "first_token" not in json.loads(config.to_json())
    config.vocab = ["a", 1]
    config.first_token = 1
    config.validate()
    assert ModelConfig.from_json(config.to_json()) == config
    assert type(json.loads(config.to_json())["first_token"]) is int
    for token in ("nope", True, 1.0):  # matched by type, as the model matches tokens: True is no token 1
        config.first_token = token
        with pytest.raises(ValueError, match=r"first_token: expected None or a token of the vocabulary"):
            config.validate()


def test_composed_round_trips_is_absent_without_one_and_bad_ones_are_named():
    """A switch's or pipe's record of what it refuses (`composed`) travels in config.json; folders saved before it
    existed (no key) load without it."""
    doc = document()
    assert "composed" not in doc and from_document(doc).composed is None
    config = previous_token_config()
    config.vocab = [*config.vocab, "S"]
    config.composed = ComposedConfig(kind="switch", parts=["S"], outside={"S": 3},
                                     fed=[FedCheck(dim=4, first="a", second="b", selector="S")])
    config.validate()
    again = ModelConfig.from_json(config.to_json())
    assert again == config and again.readout_dims() == [*config.output_dims, 4]
    assert again.unembedding()[0][4, -1] == 1.0  # the fed dim is read out after the output: exports carry it
    assert "firsts" not in json.loads(config.to_json())["composed"]  # written only when a component has one
    config.composed.firsts = {"S": config.vocab[0]}
    assert ModelConfig.from_json(config.to_json()) == config
    for change, message in (
            ({"firsts": {"S": "nope"}}, r"composed.firsts: expected a selector's first token of the vocabulary"),
            ({"firsts": {"X": config.vocab[0]}}, r"composed.firsts: expected a selector's first token"),
            ({"kind": "stack"}, r"composed.kind: expected 'switch' or 'pipe', got 'stack'"),
            ({"parts": ["X"]}, r"composed.parts: a switch's selectors are str tokens of the vocabulary"),
            ({"outside": {"S": 99}}, r"composed.outside\['S'\]: 99 is not a residual dimension"),
            ({"fed": [{"dim": 4, "first": "a", "second": "b", "selector": "Q"}]}, r"composed.fed\[0\].selector"),
            ({"fed": [{"dim": 4, "first": "a"}]}, r"composed.fed\[0\]: missing key\(s\) \['second', 'selector'\]"),
            ({"tail": 1}, r"composed: unknown key\(s\) \['tail'\]")):
        bad = json.loads(config.to_json())
        bad["composed"] = {**bad["composed"], **change}
        with pytest.raises(ValueError, match=message):
            from_document(bad)
