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
