"""The extraction pipeline for a trained GPT-2: re-parameterise, prune, simplify, measure by running.

    circuit (exact)  --linearised LN-->  LLN circuit  --stage 1 masks (lambda by rule)-->  sub-circuit
      --build-->  program (exact rewrite)  --stage 2 greedy-->  smaller program  --primitives-->  result

Every number in the `Extraction` is measured by running the thing it describes: the LLN circuit's match
(how far linearising LN moves the model before anything is pruned), and the final program's match and task
accuracy per length bin, on inputs other than those used to choose lambda and the removals.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from weightsmith.extract.circuit import Intervention, from_gpt2
from weightsmith.extract.program import Program, build
from weightsmith.extract.prune import BISECT, CUT_TRIES, REFIT_STEPS, PruneRun, choose, count_edges, cut_more, fit, \
    initial_lln, program_runner, prune_terms, search_lambda
from weightsmith.extract.reference import circuit_runner, make_reference
from weightsmith.extract.simplify import fold_constants, simplify
from weightsmith.extract.tasks import TEST_BINS, Task
from weightsmith.rasp.errors import InputError

MATCH_RULE = 0.95  # the target; the anchor's own rule is 0.9
# how layer norm is re-parameterised: "constant" linearises every LN with one learned constant per consumer
# (the anchor's LLN); "exact_final" does so for every LN but the final one, which stays exact as the
# program's `rms` primitive (`program.Normalise`)
LN_MODES = {"constant": frozenset(), "exact_final": frozenset({"out"})}


@dataclass
class Options:
    threshold: float = MATCH_RULE
    select_size: int = 200  # sequences (lengths 0-150) that choose lambda, removals and primitives
    eval_size: int = 200  # sequences per length bin for the reported numbers
    ln_steps: int = 100
    mask_steps: int = 150
    refit_steps: int = REFIT_STEPS  # re-fitting a binarised mask's constants before judging it
    bisect: int = BISECT  # extra lambda runs between the last passing and the first failing grid value
    cut_tries: int = CUT_TRIES  # stage 1b: single-edge cuts tried (each re-fitted) after the lambda search
    lambdas: tuple[float, ...] = (1e-3, 3e-3, 1e-2, 3e-2, 1e-1)
    seed: int = 0
    ln: str = "constant"  # a key of LN_MODES

    def __post_init__(self) -> None:
        """Refuse what cannot mean anything before any work: a threshold above 1 (or NaN) is a rule no program
        meets, and used to run the whole search to say so; an eval size of 0 reported each bin's match as a
        mean over no sequences."""
        if not (isinstance(self.threshold, (int, float)) and 0 < self.threshold <= 1):
            raise InputError(f"threshold must be a number in (0, 1] (a share of matching outputs), got {self.threshold!r}")
        for least, names in ((1, ("select_size", "eval_size", "mask_steps")),
                             (0, ("ln_steps", "refit_steps", "bisect", "cut_tries"))):
            for name in names:
                value = getattr(self, name)
                if isinstance(value, bool) or not isinstance(value, int) or value < least:
                    raise InputError(f"{name} must be an int >= {least}, got {value!r}")
        if not self.lambdas or not all(isinstance(v, (int, float)) and 0 < v < math.inf for v in self.lambdas):
            raise InputError(f"lambdas must be finite numbers > 0, at least one, got {self.lambdas!r}")
        if self.ln not in LN_MODES:
            raise InputError(f"ln must be one of {', '.join(LN_MODES)}, got {self.ln!r}")


@dataclass
class Extraction:
    program: Program
    naive_lines: int
    lines: int
    edges_total: int
    edges_kept: int
    lam: Optional[float]
    lln_match_initial: dict[str, float]  # LN linearised with the initial constants, nothing pruned
    lln_match_fitted: dict[str, float]  # after fitting the constants
    match: dict[str, float]  # the final program vs the model, per length bin
    accuracy: dict[str, float]  # the final program on the task
    model_accuracy: dict[str, float]
    seconds: float
    runs: list[dict] = field(default_factory=list)
    rule_met: bool = True
    ln: str = "constant"


def extract_gpt2(model, task: Task, options: Options = Options(),
                 log: Callable[[str], None] = lambda line: None) -> Extraction:
    started = time.perf_counter()
    if options.ln not in LN_MODES:
        raise InputError(f"layer-norm mode {options.ln!r} is not one of {', '.join(LN_MODES)}")
    exact = LN_MODES[options.ln]
    circuit = from_gpt2(model, task.vocab)
    select = make_reference(task, circuit, max(1, options.select_size // len(TEST_BINS)), seed=options.seed + 11,
                            per_bin=True)
    evaluation = make_reference(task, circuit, options.eval_size, seed=options.seed + 12, per_bin=True)
    log(f"re-parameterising: linearised layer norm ({options.ln})")
    initial = initial_lln(circuit, task, options.seed)
    lln_initial = evaluation.match_per_bin(circuit_runner(circuit, Intervention(True, initial, exact_ln=exact)))
    fitted = fit(circuit, task, initial, None, options.ln_steps, seed=options.seed, exact_ln=exact)
    full = Intervention(True, fitted.log_var, exact_ln=exact)
    lln_fitted = evaluation.match_per_bin(circuit_runner(circuit, full))
    log(f"LLN match per bin: initial {lln_initial}, fitted {lln_fitted}")
    everything = PruneRun(0.0, full, count_edges(circuit, None), select.match(circuit_runner(circuit, full)), 0.0)
    log(f"stage 1: learned edge masks over {everything.edges} edges, lambda in {options.lambdas} "
        f"(+{options.bisect} bisections), constants re-fitted {options.refit_steps} steps per mask")
    runs = search_lambda(circuit, task, select, fitted.log_var, options.mask_steps, options.lambdas, log, exact,
                         options.refit_steps, options.threshold, options.bisect)
    chosen = choose([everything, *runs], options.threshold)
    rule_met = chosen is not None
    if chosen is None:  # nothing meets the rule: keep the best match, and say so
        chosen = max([everything, *runs], key=lambda r: (r.match, -r.edges))
    if rule_met and options.cut_tries:
        chosen = cut_more(circuit, task, select, chosen, options.threshold, options.refit_steps, options.cut_tries,
                          exact, log)
    naive = build(circuit, full)
    program = build(circuit, chosen.how)
    log(f"stage 1 chose lambda {chosen.lam:g}: {chosen.edges} edges, {program.lines()} lines "
        f"(naive {naive.lines()})")
    program = prune_terms(program, select, options.threshold, log=log)
    program = simplify(program, select, options.threshold, log=log)
    program = fold_constants(program, select, options.threshold, log=log)
    run = program_runner(program)
    return Extraction(
        program=program, naive_lines=naive.lines(), lines=program.lines(), edges_total=everything.edges,
        edges_kept=chosen.edges, lam=chosen.lam or None, lln_match_initial=lln_initial,
        lln_match_fitted=lln_fitted, match=evaluation.match_per_bin(run),
        accuracy=evaluation.accuracy_per_bin(run),
        model_accuracy=evaluation.accuracy_per_bin(circuit_runner(circuit)),
        seconds=time.perf_counter() - started,
        runs=[{"lambda": r.lam, "edges": r.edges, "match": round(r.match, 4)} for r in runs],
        rule_met=rule_met, ln=options.ln)
