"""Pruning: the lambda rule is the written one, and every stage keeps match above the threshold."""

import numpy as np
import pytest
import torch

from weightsmith.extract.circuit import Intervention
from weightsmith.extract.prune import PruneRun, choose

pytest.importorskip("transformers", reason="weightsmith.extract reads GPT-2 models: install the `extract` extra")


def _run(lam, edges, match):
    return PruneRun(lam, Intervention(), edges, match, 0.0)


def test_rule_is_fewest_edges_above_threshold_ties_to_match():
    runs = [_run(0, 20, 1.0), _run(1, 5, 0.96), _run(2, 5, 0.97), _run(3, 2, 0.80)]
    assert choose(runs, 0.95).lam == 2
    assert choose(runs, 0.99).lam == 0
    assert choose(runs, 1.01) is None


@pytest.mark.parametrize("exact_ln,size,tries", [(frozenset(), 24, 12), (frozenset({"out"}), 8, 4)])
def test_pruning_keeps_match_above_the_rule(exact_ln, size, tries):
    """Also with the final layer norm kept exact (`exact_final`): a removed projection term is mean-ablated
    inside the normalisation."""
    from weightsmith.extract.circuit import from_gpt2
    from weightsmith.extract.program import build
    from weightsmith.extract.prune import fit, initial_lln, program_runner, prune_terms
    from weightsmith.extract.reference import make_reference
    from weightsmith.extract.simplify import simplify
    from weightsmith.extract.tasks import get_task
    from weightsmith.extract.train import Arch, build_model

    task = get_task("bin_majority")
    model = build_model(task, Arch(1, 2, 16), seed=3).double()
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.5 * torch.randn_like(p))
    circuit = from_gpt2(model)
    reference = make_reference(task, circuit, size, seed=5)
    how = fit(circuit, task, initial_lln(circuit, task), lam=0.05, steps=15, exact_ln=exact_ln)
    program = build(circuit, how)
    assert (program.norm is not None) == bool(exact_ln)
    start = reference.match(program_runner(program))
    threshold = min(0.9, start)
    pruned = prune_terms(program, reference, threshold, max_tries=tries)
    assert reference.match(program_runner(pruned)) >= threshold and pruned.lines() <= program.lines()
    simple = simplify(pruned, reference, threshold)
    assert reference.match(program_runner(simple)) >= threshold
    assert np.isfinite(simple.bias).all()


def test_lambda_bisection_between_last_pass_and_first_fail(monkeypatch):
    """After the grid, lambda is bisected (geometrically) between the largest passing value and the next
    failing one, while that interval can still hold a smaller circuit."""
    from weightsmith.extract import prune

    edges_at = lambda lam: 12 if lam <= 0.012 else (10 if lam < 0.02 else 5)  # noqa: E731

    def fake_fit(circuit, task, log_var, lam, steps, **kwargs):
        masks = kwargs.get("masks")
        if lam is not None:
            masks = {"out": torch.tensor([1.0] * edges_at(lam) + [0.0] * (13 - edges_at(lam)))}
        return Intervention(True, log_var, masks, {}, frozenset())

    class FakeReference:
        def match(self, run):
            return run.edges

    monkeypatch.setattr(prune, "fit", fake_fit)
    monkeypatch.setattr(prune, "mean_ablation", lambda circuit, task: {})
    monkeypatch.setattr(prune, "count_edges", lambda circuit, masks: int(masks["out"].sum()))
    monkeypatch.setattr(prune, "circuit_runner", lambda circuit, how: type("R", (), {"edges": 1.0 if
                                                                          how.masks["out"].sum() >= 10 else 0.0}))
    runs = prune.search_lambda(None, None, FakeReference(), {}, 1, (1e-3, 1e-2, 3e-2), threshold=0.95, bisect=3)
    lams = [r.lam for r in runs]
    assert lams[:3] == [1e-3, 1e-2, 3e-2] and len(lams) == 6
    assert abs(lams[3] - np.sqrt(1e-2 * 3e-2)) < 1e-12  # 0.0173: 10 edges, passes
    assert abs(lams[4] - np.sqrt(lams[3] * 3e-2)) < 1e-12
    assert choose(runs, 0.95).edges == 10


def test_refit_keeps_the_mask_and_moves_the_constants():
    """The re-fit after binarising trains only the constants of a fixed sub-circuit."""
    from weightsmith.extract.circuit import from_gpt2
    from weightsmith.extract.prune import fit, initial_lln, mean_ablation
    from weightsmith.extract.tasks import get_task
    from weightsmith.extract.train import Arch, build_model

    task = get_task("bin_majority")
    circuit = from_gpt2(build_model(task, Arch(1, 1, 16), seed=2).double())
    masks = {c: torch.ones(len(r), dtype=torch.float64) for c, r in circuit.consumers()}
    masks["out"][1] = 0  # the position embedding cut from the output
    start = mean_ablation(circuit, task)
    how = fit(circuit, task, initial_lln(circuit, task), None, 5, masks=masks, ablation=start)
    assert all(torch.equal(how.masks[c], masks[c]) for c in masks)
    assert not torch.equal(how.ablation["pos"], start["pos"])


def test_stage_1b_cuts_the_least_certain_edges_first_and_keeps_passing_cuts(monkeypatch):
    from weightsmith.extract import prune

    class FakeCircuit:
        def consumers(self):
            return [("out", ["tok", "pos", "L0H0"])]

    needed = {0}  # only the token edge is needed

    def fake_fit(circuit, task, log_var, lam, steps, **kwargs):
        return Intervention(True, log_var, kwargs["masks"], {}, frozenset())

    monkeypatch.setattr(prune, "fit", fake_fit)
    monkeypatch.setattr(prune, "count_edges", lambda circuit, masks: int(masks["out"].sum()))
    monkeypatch.setattr(prune, "circuit_runner", lambda circuit, how: how)

    class FakeReference:
        def match(self, how):
            return 1.0 if all(how.masks["out"][i] > 0.5 for i in needed) else 0.0

    start = Intervention(True, {}, {"out": torch.ones(3, dtype=torch.float64)}, {}, frozenset(),
                         {"out": torch.tensor([0.5, 2.0, 1.0], dtype=torch.float64)})
    tried = []
    result = prune.cut_more(FakeCircuit(), None, FakeReference(), PruneRun(0.01, start, 3, 1.0, 0.0), 0.95,
                            tries=3, log=tried.append)
    assert result.edges == 1 and result.how.masks["out"].tolist() == [1.0, 0.0, 0.0]
    assert [line.split(":")[1].strip().split(" ")[1] for line in tried] == ["tok", "L0H0", "pos"]  # by logit
