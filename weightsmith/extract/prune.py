"""Causal pruning: find a small sub-circuit whose output still matches the original model.

Stage 1 (learned masks, the anchor's method scaled to a CPU): every edge (writer -> consumer) gets a logit
theta; the forward pass uses sampled masks, one per sequence (a straight-through logistic relaxation: hard
0/1 forward, sigmoid gradient) and, where an edge is cut, a learned constant for that writer (optimal
ablation, after Li & Janson 2024, starting from the writer's mean write); the linearised-LN constants train
alongside. Loss: divergence from the original model on scored positions (KL for LM tasks, BCE against
sigmoid(original) for bce tasks) + lambda * sum sigmoid(theta). Masks are binarised at theta > 0, and the
ablation and LN constants are then re-fitted for the binarised mask before it is judged (`fit`).

lambda is not hand-picked: `search_lambda` runs a fixed geometric grid, bisects between the last passing
and the first failing value, and `choose` applies the rule written here — the fewest edges among runs
whose match is >= `threshold`, ties to the higher match; the unpruned circuit is always a candidate, so the
rule never returns something below the threshold when the unpruned circuit itself meets it.

Stage 2 (on the program, see `prune_terms`): greedy removal of whole operations and terms (aggregates,
selector terms, projection terms, MLP inputs) while match stays >= the threshold; a removed read (a
projection term, an MLP input) is replaced by its mean (mean ablation).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np
import torch

from weightsmith.extract.circuit import Circuit, Intervention, forward, mean_writes, variance_at_consumers
from weightsmith.extract.program import Aggregate, Elementwise, Lookup, Program, Select, prune_dead, run, values_of
from weightsmith.extract.reference import Reference, circuit_runner
from weightsmith.extract.tasks import MAX_TEST_LENGTH, Task, sample_batch

LAMBDAS = (1e-3, 3e-3, 1e-2, 3e-2, 1e-1)
BISECT = 3  # extra lambda runs between the last passing and first failing grid values
CUT_TRIES = 6  # stage 1b: single-edge cuts tried after the lambda search
REFIT_STEPS = 200  # re-fitting the constants of a binarised mask before judging it (see `fit`)


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
        batch_size: int = 12, seed: int = 0, init_logit: float = 3.0, exact_ln: frozenset[str] = frozenset(),
        masks: Optional[dict[str, torch.Tensor]] = None,
        ablation: Optional[dict[str, torch.Tensor]] = None) -> Intervention:
    """Train LN constants, and with `lam` also edge masks and ablation constants; returns a binarised
    intervention. Three uses:

    - `lam=None`, no `masks`: only the LN constants, every edge kept (the re-parameterisation);
    - `lam` given: learned masks, their ablation constants (starting from `ablation`, else zero) and the LN
      constants (stage 1);
    - `lam=None` with `masks`: the masks fixed, the ablation and LN constants re-fitted for them (after
      binarising: the constants learned under sampled masks are a compromise over many sub-circuits, not
      the best ones for the chosen sub-circuit — judging a mask before re-fitting them rejected circuits
      that are in fact sufficient).

    The re-fit's learning rates decay linearly to zero, so it ends at a settled point rather than at one
    noisy step (the other two keep them constant: decaying them there stops the LN constants short of where
    they must travel — measured on dyck2: match 0.96 -> 0.085 after 100 steps). The consumers in `exact_ln` keep their real layer norm (their constants are not used)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed + 100)
    log_var = {k: v.detach().clone().requires_grad_(True) for k, v in log_var.items()}
    params = [{"params": list(log_var.values()), "lr": 0.1}] if log_var else []
    theta = None
    if lam is not None:
        theta = {c: torch.full((len(r),), init_logit, dtype=torch.float64, requires_grad=True)
                 for c, r in circuit.consumers()}
        params.append({"params": list(theta.values()), "lr": 0.1})
    if lam is not None or masks is not None:
        start = ablation or {}
        d = circuit.W_E.shape[1]
        ablation = {w: (start[w] if w in start else torch.zeros(d, dtype=torch.float64)).detach().clone()
                    .requires_grad_(True) for w in circuit.writers()}
        params.append({"params": list(ablation.values()), "lr": 0.01})
    else:
        ablation = None
    if not params:
        return Intervention()
    optim = torch.optim.Adam(params, betas=(0.9, 0.995))
    settle = theta is None and masks is not None
    schedule = torch.optim.lr_scheduler.LambdaLR(optim, lambda s: 1 - s / steps if settle else 1.0)
    linear = circuit.has_ln
    for _ in range(steps):
        batch = sample_batch(task, rng, batch_size, (0, MAX_TEST_LENGTH), offset=False)
        ids, pos = torch.from_numpy(batch.ids), torch.from_numpy(batch.positions)
        with torch.no_grad():
            original = forward(circuit, ids, pos)
        sampled = masks
        if theta is not None:
            sampled = {}
            for c, t in theta.items():  # one mask per sequence: a gradient averaged over masks, not one draw
                u = torch.rand(len(ids), len(t), dtype=t.dtype).clamp(1e-6, 1 - 1e-6)
                soft = torch.sigmoid((t + torch.log(u) - torch.log1p(-u)) / 0.5)
                sampled[c] = (soft > 0.5).double() + soft - soft.detach()
        how = Intervention(linear, log_var or None, sampled, ablation, exact_ln)
        loss = divergence(task.bce, forward(circuit, ids, pos, how), original, _scored(task, batch.targets))
        if theta is not None:
            loss = loss + lam * sum(torch.sigmoid(t).sum() for t in theta.values())
        optim.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for g in params for p in g["params"]], 5.0)
        optim.step()
        schedule.step()
    detached = {k: v.detach() for k, v in log_var.items()} or None
    if ablation is None:
        return Intervention(linear, detached, exact_ln=exact_ln)
    final = masks if theta is None else {c: (t.detach() > 0).double() for c, t in theta.items()}
    return Intervention(linear, detached, final, {w: a.detach() for w, a in ablation.items()}, exact_ln,
                        None if theta is None else {c: t.detach() for c, t in theta.items()})


def mean_ablation(circuit: Circuit, task: Task, seed: int = 0, sequences: int = 64) -> dict[str, torch.Tensor]:
    """Each writer's mean write on lengths 0-150 (PAD excluded): the start of the ablation constants."""
    batch = sample_batch(task, np.random.default_rng(seed + 7), sequences, (0, MAX_TEST_LENGTH), offset=False)
    ids = torch.from_numpy(batch.ids)
    return mean_writes(circuit, ids, torch.from_numpy(batch.positions), ids != task.pad)


def search_lambda(circuit: Circuit, task: Task, reference: Reference, log_var: dict[str, torch.Tensor],
                  steps: int, lambdas=LAMBDAS, log: Optional[Callable[[str], None]] = None,
                  exact_ln: frozenset[str] = frozenset(), refit_steps: int = REFIT_STEPS,
                  threshold: Optional[float] = None, bisect: int = BISECT) -> list[PruneRun]:
    """One learned-mask run per lambda of the grid, then `bisect` geometric bisections between the largest
    lambda whose run meets `threshold` and the next larger one that does not (the grid's steps are coarse:
    on dyck2 1e-2 keeps 12 edges and 3e-2 already cuts to 5 and fails). Each binarised mask is judged after
    re-fitting its constants (`refit_steps`; see `fit`)."""
    start = mean_ablation(circuit, task)
    runs: list[PruneRun] = []

    def attempt(lam: float) -> None:
        started = time.perf_counter()
        learned = fit(circuit, task, log_var, lam, steps, exact_ln=exact_ln, ablation=start)
        how = learned
        if refit_steps:
            how = fit(circuit, task, learned.log_var or {}, None, refit_steps, exact_ln=exact_ln,
                      masks=learned.masks, ablation=learned.ablation, seed=1)
            how.scores = learned.scores
        match = reference.match(circuit_runner(circuit, how))
        runs.append(PruneRun(lam, how, count_edges(circuit, how.masks), match, time.perf_counter() - started))
        if log:
            log(f"lambda {lam:g}: {runs[-1].edges} edges, match {match:.3f}")

    for lam in lambdas:
        attempt(lam)
    for _ in range(bisect if threshold is not None else 0):
        passing = [r.lam for r in runs if r.match >= threshold]
        if not passing:
            break
        lo = max(passing)
        above = [r.lam for r in runs if r.lam > lo]
        if not above:
            break
        hi = min(above)
        if min(r.edges for r in runs if r.lam == hi) >= min(r.edges for r in runs if r.lam == lo):
            break  # nothing smaller to find between them
        attempt(float(np.sqrt(lo * hi)))
    return runs


def cut_more(circuit: Circuit, task: Task, reference: Reference, chosen: PruneRun, threshold: float,
             refit_steps: int = REFIT_STEPS, tries: int = CUT_TRIES, exact_ln: frozenset[str] = frozenset(),
             log: Optional[Callable[[str], None]] = None) -> PruneRun:
    """Stage 1b: from the chosen mask, cut kept edges one at a time — the least certain first (lowest
    learned logit) — each judged after re-fitting the constants; a cut is kept when match stays >=
    `threshold`. Why: the masks of one lambda run are pruned together, so the run just above a passing
    lambda often cuts several edges at once and fails (dyck2: 10 edges pass, the next lambda cuts to 7 and
    fails), while a sub-circuit in between is sufficient. At most `tries` cuts are tried (a CPU bound)."""
    if chosen.how.masks is None or chosen.how.scores is None:
        return chosen
    readable = dict(circuit.consumers())
    order = sorted(((float(chosen.how.scores[c][i]), c, i) for c, m in chosen.how.masks.items()
                    for i in range(len(m)) if m[i] > 0.5))
    for _, consumer, i in order[:tries]:
        started = time.perf_counter()
        masks = {c: m.clone() for c, m in chosen.how.masks.items()}
        masks[consumer][i] = 0.0
        how = fit(circuit, task, chosen.how.log_var or {}, None, refit_steps, exact_ln=exact_ln, masks=masks,
                  ablation=chosen.how.ablation, seed=2)
        how.scores = chosen.how.scores
        match = reference.match(circuit_runner(circuit, how))
        if log:
            log(f"stage 1b: cut {readable[consumer][i]} -> {consumer}: match {match:.3f}"
                f"{' (kept)' if match >= threshold else ''}")
        if match >= threshold:
            chosen = PruneRun(chosen.lam, how, count_edges(circuit, masks), match,
                              chosen.seconds + time.perf_counter() - started)
    return chosen


def choose(runs: list[PruneRun], threshold: float) -> Optional[PruneRun]:
    """The rule: fewest edges with match >= threshold; ties -> higher match. None if no run qualifies."""
    ok = [r for r in runs if r.match >= threshold]
    return min(ok, key=lambda r: (r.edges, -r.match)) if ok else None


# --- stage 2: greedy removal on the program ----------------------------------------------------------


def program_runner(program: Program):
    return lambda batch: run(program, batch.ids, batch.positions)


def _mean_values(program: Program, reference: Reference) -> dict[str, np.ndarray]:
    """Each variable's mean value over the reference's scored positions. Reads are linear in the values,
    so the mean of a read is the read of this mean: what a removed read is replaced by (mean ablation)."""
    total: dict[str, np.ndarray] = {}
    count = 0
    for batch in reference.batches[:4]:
        values = values_of(program, batch.ids, batch.positions)
        scored = batch.targets.any(-1) if reference.task.bce else batch.targets >= 0
        for name in program.vars:
            total[name] = total.get(name, 0.0) + values[name][scored].sum(0)
        count += int(scored.sum())
    return {name: t / max(count, 1) for name, t in total.items()}


def _ablate_projection(p: Program, term, mean: np.ndarray) -> None:
    """Add a removed projection term's mean contribution to the constant (inside the normalisation when
    the program normalises, as the term was)."""
    if p.norm is None:
        p.bias = p.bias + mean @ term.matrix
    else:
        p.norm.scaled_bias = p.norm.scaled_bias + mean @ term.matrix
        p.norm.const = p.norm.const + mean @ term.write


def _without_var(program: Program, name: str, means: Optional[dict[str, np.ndarray]] = None) -> Program:
    """The program with variable `name` (an aggregate or MLP output) and every term reading it removed; with
    `means`, an MLP input or projection term that read a removed variable gets its mean read instead
    (without, the read is dropped: what exact recovery of compiled programs wants, see `ground_truth`)."""
    p = program.copy()
    gone = {name}
    kept = []
    for op in p.ops:  # aggregates of a removed variable go too, and MLPs left without inputs
        if isinstance(op, Select):
            op.terms = [t for t in op.terms if t.q not in gone and t.k not in gone]
        elif isinstance(op, Elementwise):
            if means is not None:
                op.bias = op.bias + sum((means[v] @ M for v, M in op.inputs if v in gone), np.zeros_like(op.bias))
            op.inputs = [(v, M) for v, M in op.inputs if v not in gone]
        removed = (isinstance(op, Aggregate) and (op.out in gone or op.value in gone)) or \
            (isinstance(op, Elementwise) and (op.out in gone or not op.inputs)) or \
            (isinstance(op, Lookup) and op.input in gone)
        if removed:
            gone.add(op.out)
        else:
            kept.append(op)
    p.ops = kept
    for term in [t for t in p.project if t.var in gone and means is not None]:
        _ablate_projection(p, term, means[term.var])
    p.project = [t for t in p.project if t.var not in gone]
    return prune_dead(p)


def _candidates(program: Program, reference: Reference):
    """Smaller programs to try, whole variables first (they remove most lines). Removed reads are
    mean-ablated (a zero read is far from anything the reader saw; measured on dyck2, removing the
    position aggregate from the MLP's inputs: see docs/extraction.md, fourth round)."""
    means = _mean_values(program, reference)
    for op in program.ops:
        if isinstance(op, (Aggregate, Elementwise)):
            yield _without_var(program, op.out, means)
    for i, op in enumerate(program.ops):
        if isinstance(op, Select):
            for j in range(len(op.terms)):
                p = program.copy()
                del p.ops[i].terms[j]
                yield prune_dead(p)
        elif isinstance(op, Elementwise) and len(op.inputs) > 1:
            for j in range(len(op.inputs)):
                p = program.copy()
                v, M = p.ops[i].inputs.pop(j)
                p.ops[i].bias = p.ops[i].bias + means[v] @ M
                yield prune_dead(p)
    for j, term in enumerate(program.project):
        p = program.copy()
        _ablate_projection(p, term, means[term.var])
        del p.project[j]
        yield prune_dead(p)


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
