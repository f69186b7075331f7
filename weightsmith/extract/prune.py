"""Causal pruning: find a small sub-circuit whose output still matches the original model.

Stage 1 (learned masks, the anchor's method scaled to a CPU): every edge (writer -> consumer) gets a logit
theta; the forward pass uses a sampled mask (a straight-through logistic relaxation: hard 0/1 forward,
sigmoid gradient) and, where an edge is cut, a learned constant for that writer (optimal ablation, after
Li & Janson 2024); the linearised-LN constants train alongside. Loss: divergence from the original model on
scored positions (KL for LM tasks, BCE against sigmoid(original) for bce tasks) + lambda * sum sigmoid(theta).
Masks are binarised at theta > 0.

lambda is not hand-picked: `search_lambda` runs a fixed geometric grid and `choose` applies the rule
written here — the fewest edges among runs whose match is >= `threshold`, ties to the higher match; the
unpruned circuit is always a candidate, so the rule never returns something below the threshold when the
unpruned circuit itself meets it.

Stage 2 (on the program, see `prune_terms`): greedy removal of whole operations and terms (aggregates,
selector terms, projection terms, MLP inputs) while match stays >= the threshold; a removed projection
term is replaced by its mean contribution (mean ablation).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np
import torch

from weightsmith.extract.circuit import Circuit, Intervention, forward, variance_at_consumers
from weightsmith.extract.program import Aggregate, Elementwise, Lookup, Program, Select, prune_dead, run, values_of
from weightsmith.extract.reference import Reference, circuit_runner
from weightsmith.extract.tasks import MAX_TEST_LENGTH, Task, sample_batch

LAMBDAS = (1e-3, 3e-3, 1e-2, 3e-2, 1e-1)


def divergence(task_bce: bool, logits: torch.Tensor, original: torch.Tensor, scored: torch.Tensor) -> torch.Tensor:
    if task_bce:
        per = torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.sigmoid(original),
                                                                   reduction="none").mean(-1)
    else:
        logp = torch.log_softmax(original, -1)
        per = (logp.exp() * (logp - torch.log_softmax(logits, -1))).sum(-1)
    return (per * scored).sum() / scored.sum().clamp(min=1)


def _scored(task: Task, targets: np.ndarray) -> torch.Tensor:
    t = torch.from_numpy(targets)
    return (t.any(-1) if task.bce else t >= 0).double()


def initial_lln(circuit: Circuit, task: Task, seed: int = 0, sequences: int = 64) -> dict[str, torch.Tensor]:
    """The anchor's initial LN constants: log of the mean variance each consumer sees (PAD excluded)."""
    if not circuit.has_ln:
        return {}
    batch = sample_batch(task, np.random.default_rng(seed), sequences, (0, MAX_TEST_LENGTH), offset=False)
    ids = torch.from_numpy(batch.ids)
    return variance_at_consumers(circuit, ids, torch.from_numpy(batch.positions), ids != task.pad)


@dataclass
class PruneRun:
    lam: float
    how: Intervention
    edges: int
    match: float
    seconds: float


def count_edges(circuit: Circuit, masks: Optional[dict[str, torch.Tensor]]) -> int:
    return sum(len(r) if masks is None else int(masks[c].sum()) for c, r in circuit.consumers())


def fit(circuit: Circuit, task: Task, log_var: dict[str, torch.Tensor], lam: Optional[float], steps: int,
        batch_size: int = 12, seed: int = 0, init_logit: float = 3.0,
        exact_ln: frozenset[str] = frozenset()) -> Intervention:
    """Train LN constants (and, with `lam`, edge masks and ablation constants); returns a binarised
    intervention. `lam=None` trains only the LN constants with every edge kept. The consumers in `exact_ln`
    keep their real layer norm (their constants are not used)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed + 100)
    log_var = {k: v.detach().clone().requires_grad_(True) for k, v in log_var.items()}
    params = [{"params": list(log_var.values()), "lr": 0.1}] if log_var else []
    theta, ablation = None, None
    if lam is not None:
        theta = {c: torch.full((len(r),), init_logit, dtype=torch.float64, requires_grad=True)
                 for c, r in circuit.consumers()}
        ablation = {w: torch.zeros(circuit.W_E.shape[1], dtype=torch.float64, requires_grad=True)
                    for w in circuit.writers()}
        params += [{"params": list(theta.values()), "lr": 0.1}, {"params": list(ablation.values()), "lr": 0.01}]
    if not params:
        return Intervention()
    optim = torch.optim.Adam(params, betas=(0.9, 0.995))
    linear = circuit.has_ln
    for _ in range(steps):
        batch = sample_batch(task, rng, batch_size, (0, MAX_TEST_LENGTH), offset=False)
        ids, pos = torch.from_numpy(batch.ids), torch.from_numpy(batch.positions)
        with torch.no_grad():
            original = forward(circuit, ids, pos)
        masks = None
        if theta is not None:
            masks = {}
            for c, t in theta.items():
                u = torch.rand_like(t).clamp(1e-6, 1 - 1e-6)
                soft = torch.sigmoid((t + torch.log(u) - torch.log1p(-u)) / 0.5)
                masks[c] = (soft > 0.5).double() + soft - soft.detach()
        how = Intervention(linear, log_var or None, masks, ablation, exact_ln)
        loss = divergence(task.bce, forward(circuit, ids, pos, how), original, _scored(task, batch.targets))
        if theta is not None:
            loss = loss + lam * sum(torch.sigmoid(t).sum() for t in theta.values())
        optim.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for g in params for p in g["params"]], 5.0)
        optim.step()
    detached = {k: v.detach() for k, v in log_var.items()} or None
    if theta is None:
        return Intervention(linear, detached, exact_ln=exact_ln)
    return Intervention(linear, detached, {c: (t.detach() > 0).double() for c, t in theta.items()},
                        {w: a.detach() for w, a in ablation.items()}, exact_ln)


def search_lambda(circuit: Circuit, task: Task, reference: Reference, log_var: dict[str, torch.Tensor],
                  steps: int, lambdas=LAMBDAS, log: Optional[Callable[[str], None]] = None,
                  exact_ln: frozenset[str] = frozenset()) -> list[PruneRun]:
    runs = []
    for lam in lambdas:
        started = time.perf_counter()
        how = fit(circuit, task, log_var, lam, steps, exact_ln=exact_ln)
        match = reference.match(circuit_runner(circuit, how))
        runs.append(PruneRun(lam, how, count_edges(circuit, how.masks), match, time.perf_counter() - started))
        if log:
            log(f"lambda {lam:g}: {runs[-1].edges} edges, match {match:.3f}")
    return runs


def choose(runs: list[PruneRun], threshold: float) -> Optional[PruneRun]:
    """The rule: fewest edges with match >= threshold; ties -> higher match. None if no run qualifies."""
    ok = [r for r in runs if r.match >= threshold]
    return min(ok, key=lambda r: (r.edges, -r.match)) if ok else None


# --- stage 2: greedy removal on the program ----------------------------------------------------------


def program_runner(program: Program):
    return lambda batch: run(program, batch.ids, batch.positions)


def _without_var(program: Program, name: str) -> Program:
    """The program with variable `name` (an aggregate or MLP output) and every term reading it removed."""
    p = program.copy()
    gone = {name}
    kept = []
    for op in p.ops:  # aggregates of a removed variable go too, and MLPs left without inputs
        if isinstance(op, Select):
            op.terms = [t for t in op.terms if t.q not in gone and t.k not in gone]
        elif isinstance(op, Elementwise):
            op.inputs = [(v, M) for v, M in op.inputs if v not in gone]
        removed = (isinstance(op, Aggregate) and (op.out in gone or op.value in gone)) or \
            (isinstance(op, Elementwise) and (op.out in gone or not op.inputs)) or \
            (isinstance(op, Lookup) and op.input in gone)
        if removed:
            gone.add(op.out)
        else:
            kept.append(op)
    p.ops = kept
    p.project = [t for t in p.project if t.var not in gone]
    return prune_dead(p)


def _candidates(program: Program, reference: Reference):
    """Smaller programs to try, whole variables first (they remove most lines)."""
    for op in program.ops:
        if isinstance(op, (Aggregate, Elementwise)):
            yield _without_var(program, op.out)
    for i, op in enumerate(program.ops):
        if isinstance(op, Select):
            for j in range(len(op.terms)):
                p = program.copy()
                del p.ops[i].terms[j]
                yield prune_dead(p)
        elif isinstance(op, Elementwise) and len(op.inputs) > 1:
            for j in range(len(op.inputs)):
                p = program.copy()
                del p.ops[i].inputs[j]
                yield prune_dead(p)
    for j, term in enumerate(program.project):
        p = program.copy()
        mean, mean_write = _mean_contribution(program, term, reference)
        del p.project[j]
        if p.norm is None:
            p.bias = p.bias + mean
        else:  # ablated inside the normalisation, as the term was
            p.norm.scaled_bias = p.norm.scaled_bias + mean
            p.norm.const = p.norm.const + mean_write
        yield prune_dead(p)


def _mean_contribution(program: Program, term, reference: Reference) -> tuple[np.ndarray, Optional[np.ndarray]]:
    """The mean of a projection term's output (and of its residual write, when the program normalises) over
    the reference's scored positions (mean ablation)."""
    total, total_write, count = 0.0, 0.0, 0
    for batch in reference.batches[:4]:
        value = values_of(program, batch.ids, batch.positions)[term.var]
        scored = batch.targets.any(-1) if reference.task.bce else batch.targets >= 0
        total = total + (value[scored] @ term.matrix).sum(0)
        if term.write is not None:
            total_write = total_write + (value[scored] @ term.write).sum(0)
        count += int(scored.sum())
    count = max(count, 1)
    return total / count, (None if term.write is None else total_write / count)


def prune_terms(program: Program, reference: Reference, threshold: float, max_tries: int = 150,
                log: Optional[Callable[[str], None]] = None) -> Program:
    """Greedy: accept the first candidate removal that keeps match >= threshold; repeat until none does
    (or `max_tries` candidate programs have been scored: a CPU bound, reported by the caller's log)."""
    improved = True
    tries = 0
    while improved and tries < max_tries:
        improved = False
        for candidate in _candidates(program, reference):
            if candidate.lines() >= program.lines():
                continue
            tries += 1
            if tries > max_tries:
                break
            match = reference.match(program_runner(candidate))
            if match >= threshold:
                if log:
                    log(f"stage 2: {program.lines()} -> {candidate.lines()} lines, match {match:.3f}")
                program = candidate
                improved = True
                break
    return program
