"""A weightsmith model as an ONNX graph: token ids in, the output read-out (and final residual) out.

The graph is our own `Transformer.forward`, traced by torch's ONNX exporter, with the batch and the
number of positions left dynamic. Input checks (ids in range, BOS first) are Python-side and do not
survive tracing, so they run when the ids are made: `model.encode(inputs)` is the way to get ids.
The read-out output holds the unembedding's logits (`Transformer.readout`: the output's, then the type
scores, then a pipe's `fed` dims), which `decode_logits` decodes exactly as the model decodes itself, refusing
the inputs the model refuses (a switch's, pipe's or programmable model's: `weightsmith.model.domain`).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import torch
from torch import Tensor, nn

from weightsmith.export.extras import refuse_loops, require
from weightsmith.model import Transformer

OPSET = 18


class _ReadOut(nn.Module):
    """ids [B, T] -> (read-out [B, T, n_out], final residual [B, T, d_model])."""

    def __init__(self, model: Transformer) -> None:
        super().__init__()
        self.model = model

    def forward(self, ids: Tensor) -> tuple[Tensor, Tensor]:
        final = self.model(ids)
        return self.model.readout(final), final


def export_onnx(model: Transformer, path: str | Path) -> Path:
    """Write `model` as an ONNX file (inputs `ids` int64 [batch, positions]; outputs `readout`,
    `residual`). Raises MissingExtra without the `onnx` package."""
    require("onnx", "exporting to ONNX")
    refuse_loops(model.config, "an ONNX export")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)  # as every writer of the API does
    example = model.encode([[model.config.bos] + model.config.vocab[:1] * model.config.max_seq_len] * 2)
    with torch.no_grad(), warnings.catch_warnings(), _dense(model):
        warnings.simplefilter("ignore")  # the tracer's notes on the Python-side input checks
        torch.onnx.export(
            _ReadOut(model).eval(), (example,), str(path), input_names=["ids"], output_names=["readout", "residual"],
            dynamic_axes={"ids": {0: "batch", 1: "positions"}, "readout": {0: "batch", 1: "positions"},
                          "residual": {0: "batch", 1: "positions"}},
            opset_version=OPSET, dynamo=False)
    return path


@contextmanager
def _dense(model: Transformer) -> Iterator[None]:
    """The model multiplying dense while traced: `use_sparse`'s CSR copies have no ONNX operator, and its
    choice between two products is made per input (a traced graph would keep the example's). Restored afterwards."""
    mlps = [layer.mlp for layer in model.layers if layer.mlp is not None]
    kept = [mlp.sparse_below for mlp in mlps]
    for mlp in mlps:
        mlp.sparse_below = None
    try:
        yield
    finally:
        for mlp, below in zip(mlps, kept):
            mlp.sparse_below = below


def run_onnx(path: str | Path, ids: Tensor) -> tuple[Tensor, Tensor]:
    """(readout, residual) of the ONNX file on `ids`, run by onnxruntime on the CPU."""
    runtime = require("onnxruntime", "running an ONNX export")
    session = runtime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    readout, residual = session.run(None, {"ids": ids.cpu().numpy()})
    return torch.from_numpy(readout), torch.from_numpy(residual)
