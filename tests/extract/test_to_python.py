"""The extracted program's module: it runs only on ids and positions its tables have rows for."""

import importlib.util

import numpy as np
import pytest
import torch

pytest.importorskip("transformers", reason="weightsmith.extract reads GPT-2 models: install the `extract` extra")

from weightsmith.extract.circuit import Intervention, from_gpt2, variance_at_consumers  # noqa: E402
from weightsmith.extract.program import build  # noqa: E402
from weightsmith.extract.tasks import get_task, sample_batch  # noqa: E402
from weightsmith.extract.to_python import to_python  # noqa: E402
from weightsmith.extract.train import Arch, build_model  # noqa: E402


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    task = get_task("majority")
    circuit = from_gpt2(build_model(task, Arch(1, 1, 8), seed=2).double())
    batch = sample_batch(task, np.random.default_rng(0), 3, (0, 10), offset=False)
    ids = torch.from_numpy(batch.ids)
    log_var = variance_at_consumers(circuit, ids, torch.from_numpy(batch.positions), ids != task.pad)
    path = tmp_path_factory.mktemp("extracted") / "extracted.py"
    path.write_text(to_python(build(circuit, Intervention(True, log_var)), "test program"))
    spec = importlib.util.spec_from_file_location("extracted", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, batch


def test_ids_and_positions_outside_the_tables_are_refused(extracted):
    """`np.eye(n)[ids]` read a negative id as a row from the end (id -1: the last token's row, an answer
    without a word) and an id or position past the table as numpy's bare IndexError."""
    module, batch = extracted
    ids, positions = batch.ids.copy(), batch.positions.copy()
    module.run(ids, positions)  # in range: runs
    n_tokens, n_positions = module.SIZES["token"], module.SIZES["pos"]
    for bad_ids, bad_positions, message in (
            (np.where(ids == ids[0, 0], -1, ids), positions, f"token ids must be in 0..{n_tokens - 1}, got -1"),
            (np.full_like(ids, n_tokens), positions, f"token ids must be in 0..{n_tokens - 1}, got {n_tokens}"),
            (ids, positions + n_positions, f"positions must be in 0..{n_positions - 1}, got {n_positions}"),
            (ids.astype(float) + 0.5, positions, "token ids must be integers"),
            (ids[0], positions[0], "integer arrays [B, T]")):
        with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
            module.run(bad_ids, bad_positions)
