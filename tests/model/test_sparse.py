"""Mostly-zero matrices are saved as their non-zero entries (`model.sparse`) and load back exactly;
a damaged sparse part is a clear ModelFolderError, never a crash or a silently wrong matrix."""

import json
from pathlib import Path

import pytest
import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.model import ModelFolderError, load, save
from weightsmith.model.sparse import SPARSE_KEY

pytestmark = pytest.mark.filterwarnings("ignore::weightsmith.model.UncheckedModelWarning")


@pytest.fixture(scope="module")
def model():
    program = rasp.Map(lambda t: t % 7, rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.EQ),
                                                        rasp.tokens))
    return compile_program(program, list(range(120)), 4, compact_above=None).model


def _metadata(path: Path) -> dict:
    with safe_open(path, "pt") as f:
        return f.metadata()


def test_mostly_zero_matrices_are_stored_sparse_and_load_exactly(model, tmp_path):
    save(model, tmp_path)
    shapes = json.loads(_metadata(tmp_path / "model.safetensors")[SPARSE_KEY])
    assert "token_embed" in shapes
    dense_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
    assert (tmp_path / "model.safetensors").stat().st_size < dense_bytes / 4
    loaded = load(tmp_path)
    for (name, a), (_, b) in zip(model.state_dict().items(), loaded.state_dict().items()):
        assert torch.equal(a, b), name


def _rewrite(folder: Path, change) -> None:
    path = folder / "model.safetensors"
    tensors, metadata = load_file(path), _metadata(path)
    change(tensors, metadata)
    save_file(tensors, path, metadata=metadata)
    document = json.loads((folder / "config.json").read_text())
    del document["checksums"]  # the file changed on purpose: test the structural checks
    (folder / "config.json").write_text(json.dumps(document))


def _out_of_range(tensors, metadata):
    tensors["token_embed.nonzero_at"][-1] = 10 ** 9


def _unknown_name(tensors, metadata):
    shapes = json.loads(metadata[SPARSE_KEY])
    shapes["not_a_tensor"] = [2, 2]
    metadata[SPARSE_KEY] = json.dumps(shapes)


def _missing_part(tensors, metadata):
    del tensors["token_embed.nonzero"]


def _bad_note(tensors, metadata):
    metadata[SPARSE_KEY] = "{not json"


@pytest.mark.parametrize("change, message", [
    (_out_of_range, "out of range"),
    (_unknown_name, "not a tensor of this config"),
    (_missing_part, "needs I32 positions"),
    (_bad_note, "not JSON"),
])
def test_damaged_sparse_parts_are_clear_errors(model, tmp_path, change, message):
    save(model, tmp_path)
    _rewrite(tmp_path, change)
    with pytest.raises(ModelFolderError, match=message):
        load(tmp_path)
