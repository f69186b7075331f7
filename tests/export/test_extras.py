"""Looped models are refused by every export whose graph has a fixed depth."""

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.export.circuits import circuit_of


@pytest.fixture(scope="module")
def countdown():
    """Steps taken depend on the token: 3 takes three, 1 one. The ONNX and TransformerLens exports ran the
    block a fixed number of times and gave 2 on input 3, where the model gives 0."""
    loop = rasp.Loop(state={"x": rasp.Map(lambda t: t, rasp.tokens)},
                     step=lambda s: {"x": rasp.Map(lambda v: max(v - 1, 0), s["x"])},
                     halt=lambda s: rasp.Map(lambda v: v == 0, s["x"]), max_steps=5).named("cd")
    return compile_rasp_to_model(loop["x"].named("out"), {0, 1, 2, 3}, 1)


def test_onnx_refuses_a_looped_model(countdown, tmp_path):
    pytest.importorskip("onnx", reason="the ONNX export needs the `export` extra")
    from weightsmith.export.onnx import export_onnx

    with pytest.raises(ValueError, match="an ONNX export of a looped model is not supported"):
        export_onnx(countdown.model, tmp_path / "model.onnx")
    assert not (tmp_path / "model.onnx").exists()


def test_transformer_lens_refuses_a_looped_model(countdown):
    pytest.importorskip("transformer_lens", reason="the TransformerLens export needs the `export` extra")
    from weightsmith.export.transformer_lens import to_hooked_transformer

    with pytest.raises(ValueError, match="a TransformerLens export of a looped model is not supported"):
        to_hooked_transformer(countdown.model)


def test_circuits_refuse_a_looped_model(countdown):
    """It raised "L1.MLP reads 'cd.spent', which no component writes" (a traceback in `weightsmith circuits`)."""
    with pytest.raises(ValueError, match="a circuit of a looped model is not supported"):
        circuit_of(countdown)
