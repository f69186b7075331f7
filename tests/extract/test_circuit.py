"""The re-parameterisation is faithful: the circuit is the Hugging Face model, and the program built from
a circuit computes what the circuit computes under the same intervention (linear LN, cut edges)."""

import importlib.util

import numpy as np
import pytest
import torch

pytest.importorskip("transformers", reason="weightsmith.extract reads GPT-2 models: install the `extract` extra")

from weightsmith.extract.circuit import Intervention, forward, from_gpt2, variance_at_consumers  # noqa: E402
from weightsmith.extract.program import build, run  # noqa: E402
from weightsmith.extract.tasks import get_task, sample_batch  # noqa: E402
from weightsmith.extract.to_python import listing, to_python  # noqa: E402
from weightsmith.extract.train import Arch, build_model, logits_of  # noqa: E402


@pytest.fixture(scope="module")
def setup():
    task = get_task("majority")
    model = build_model(task, Arch(2, 2, 16), seed=1).double()
    with torch.no_grad():
        for p in model.parameters():  # a random model with non-trivial LN gains and biases
            p.add_(0.3 * torch.randn_like(p))
    batch = sample_batch(task, np.random.default_rng(0), 6, (0, 40), offset=True)
    circuit = from_gpt2(model)
    ids = torch.from_numpy(batch.ids)
    log_var = variance_at_consumers(circuit, ids, torch.from_numpy(batch.positions), ids != task.pad)
    return task, model, batch, circuit, log_var


def test_circuit_is_the_hugging_face_model(setup):
    task, model, batch, circuit, _ = setup
    with torch.no_grad():
        ours = forward(circuit, torch.from_numpy(batch.ids), torch.from_numpy(batch.positions))
        assert torch.allclose(ours, logits_of(model, batch), atol=1e-10)


def test_mean_writes_are_the_writes_averaged_over_real_positions(setup):
    from weightsmith.extract.circuit import mean_writes

    task, _, batch, circuit, _ = setup
    ids, positions = torch.from_numpy(batch.ids), torch.from_numpy(batch.positions)
    real = ids != task.pad
    means = mean_writes(circuit, ids, positions, real)
    assert torch.allclose(means["tok"], circuit.W_E[ids[real]].mean(0), atol=1e-12)
    assert torch.allclose(means["pos"], circuit.W_P[positions[real]].mean(0), atol=1e-12)
    assert set(means) == set(circuit.writers())


def test_one_ln_constant_per_consumer(setup):
    _, _, _, circuit, log_var = setup
    assert set(log_var) == {name for name, _ in circuit.consumers()}
    assert len(log_var) == 2 * (2 * 3 + 1) + 1


@pytest.mark.parametrize("exact_final", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_program_equals_circuit_under_any_intervention(setup, seed, exact_final):
    _, _, batch, circuit, log_var = setup
    g = torch.Generator().manual_seed(seed)
    masks = {c: (torch.rand(len(r), generator=g) > 0.4).double() for c, r in circuit.consumers()}
    ablation = {w: torch.randn(16, generator=g, dtype=torch.float64) for w in circuit.writers()}
    how = Intervention(True, log_var, masks if seed else None, ablation if seed else None,
                       frozenset({"out"}) if exact_final else frozenset())
    with torch.no_grad():
        expected = forward(circuit, torch.from_numpy(batch.ids), torch.from_numpy(batch.positions), how).numpy()
    program = build(circuit, how)
    assert (program.norm is not None) == exact_final
    assert np.abs(run(program, batch.ids, batch.positions) - expected).max() < 1e-9


def test_exact_final_ln_is_the_real_layer_norm(setup):
    """With every LN exact the circuit is the model; keeping only the final one exact differs from the
    all-linear circuit only in how the output is scaled."""
    _, _, batch, circuit, log_var = setup
    ids, positions = torch.from_numpy(batch.ids), torch.from_numpy(batch.positions)
    every = frozenset(name for name, _ in circuit.consumers())
    with torch.no_grad():
        assert torch.allclose(forward(circuit, ids, positions, Intervention(True, log_var, exact_ln=every)),
                              forward(circuit, ids, positions), atol=1e-12)


def test_position_table_of_ln_constants(setup):
    """A log-variance table over positions is read at each token's position: a table holding one value
    everywhere is that constant."""
    _, _, batch, circuit, log_var = setup
    ids, positions = torch.from_numpy(batch.ids), torch.from_numpy(batch.positions)
    table = {k: v.repeat(circuit.W_P.shape[0]) for k, v in log_var.items()}
    with torch.no_grad():
        assert torch.allclose(forward(circuit, ids, positions, Intervention(True, table)),
                              forward(circuit, ids, positions, Intervention(True, log_var)), atol=1e-12)


@pytest.mark.parametrize("exact_final", [False, True])
def test_written_module_runs_the_same_numbers(setup, tmp_path, exact_final):
    _, _, batch, circuit, log_var = setup
    masks = {c: torch.ones(len(r), dtype=torch.float64) for c, r in circuit.consumers()}
    masks["out"][2:] = 0  # a smaller program, so the file stays small
    program = build(circuit, Intervention(True, log_var, masks,
                                          exact_ln=frozenset({"out"}) if exact_final else frozenset()))
    path = tmp_path / "extracted.py"
    path.write_text(to_python(program, "test program"))
    spec = importlib.util.spec_from_file_location("extracted", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert np.abs(module.run(batch.ids, batch.positions) - run(program, batch.ids, batch.positions)).max() < 1e-12
    counted = [line for line in listing(program).splitlines() if not line.startswith("#")]
    assert len(counted) == program.lines() and counted[-1].startswith("prediction = ")


@pytest.mark.parametrize("exact_final", [False, True])
def test_folding_constants_is_exact(setup, exact_final):
    """With a threshold no program can meet, `fold_constants` may only rewrite exactly: the key-only terms
    and the constant go into table terms over variables that sum to one, and the numbers stay the same."""
    from weightsmith.extract.reference import make_reference
    from weightsmith.extract.simplify import fold_constants

    task, _, batch, circuit, log_var = setup
    program = build(circuit, Intervention(True, log_var, exact_ln=frozenset({"out"}) if exact_final else frozenset()))
    folded = fold_constants(program, make_reference(task, circuit, 4, seed=3), threshold=1.01)
    assert np.abs(run(folded, batch.ids, batch.positions) - run(program, batch.ids, batch.positions)).max() < 1e-9
    key_only = sum(t.q is None for op in program.ops if hasattr(op, "terms") for t in op.terms)
    assert key_only > 0 and folded.lines() < program.lines()
    assert all(t.q is not None for op in folded.ops if hasattr(op, "terms") for t in op.terms)
    assert folded.has_bias() == exact_final  # the bias outside `rms` cannot be folded
