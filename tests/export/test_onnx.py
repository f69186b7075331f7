"""The ONNX export, run by onnxruntime, gives our outputs on random padded inputs of several widths."""

import pytest
import torch

pytest.importorskip("onnxruntime", reason="the ONNX export needs the `export` extra: pip install 'weightsmith[export]'")
pytest.importorskip("onnx", reason="the ONNX export needs the `export` extra: pip install 'weightsmith[export]'")

from tests.export.cases import (  # noqa: E402
    assert_decoding_refuses_what_the_model_refuses, composed_cases, random_batches)
from weightsmith.export.onnx import export_onnx, run_onnx  # noqa: E402
from weightsmith.export.transformer_lens import decode_logits  # noqa: E402

# the ONNX exporter takes ~0.5 s a model: a spread of shapes (numerical, categorical, causal, deep) is enough
# (name, causal, compact): the last one reads its output through codes (`config.output_codes`)
CASES = [("length", False, False), ("frac_prevs", False, False), ("sort", False, False), ("dyck2", False, False),
         ("reverse", True, False), ("sort", False, True)]


@pytest.mark.parametrize("name,causal,compact", CASES)
def test_onnxruntime_equals_ours(compiled, tmp_path, name, causal, compact):
    model = compiled(name, causal, compact).model
    path = export_onnx(model, tmp_path / "model.onnx")
    for batch in random_batches(name, seed=1):
        ids = model.encode(batch)
        with torch.no_grad():
            final = model(ids)
        readout, residual = run_onnx(path, ids)
        torch.testing.assert_close(residual, final, rtol=1e-6, atol=1e-6)
        torch.testing.assert_close(readout, model.readout(final), rtol=1e-6, atol=1e-6)
        lengths = [len(x) for x in batch]
        assert decode_logits(model, readout, lengths, ids) == model.decode(final, lengths, ids)


def test_missing_folders_of_the_path_are_created_like_every_writer(compiled, tmp_path):
    # model save, the TransformerLens export and decompile_to_python create them; this raised FileNotFoundError
    path = export_onnx(compiled("length").model, tmp_path / "new" / "deeper" / "model.onnx")
    assert path.is_file()


def test_a_model_multiplying_sparse_is_exported_dense_and_stays_sparse(compiled, tmp_path):
    """`use_sparse()` (the language models' way to run) made the export trace torch's CSR copies: torch's
    UnsupportedOperatorError ("aten::to_sparse_csr") as a traceback. The graph is the same function dense."""
    model = compiled("sort").model.use_sparse(1.0)
    path = export_onnx(model, tmp_path / "model.onnx")
    batch = next(iter(random_batches("sort", seed=2)))
    ids = model.encode(batch)
    readout, _ = run_onnx(path, ids)
    lengths = [len(x) for x in batch]
    assert decode_logits(model, readout, lengths, ids) == model.run_batch(batch)
    assert all(layer.mlp.sparse_below == 1.0 for layer in model.layers if layer.mlp is not None)


@pytest.mark.parametrize("case", range(3), ids=["switch", "pipe", "programmable"])
def test_decoding_the_export_refuses_what_the_model_refuses(tmp_path, case):
    # the export of a switch, decoded, answered `BOS H a 1` (a token only another component knows), a pipe where
    # its first model outputs None, a programmable model's data in an op position: the model itself refuses them
    model, refused, answered, data = composed_cases()[case]
    path = export_onnx(model, tmp_path / "model.onnx")
    assert_decoding_refuses_what_the_model_refuses(model, refused, answered, data, lambda ids: run_onnx(path, ids)[0])
