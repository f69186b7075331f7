"""The compiler's differential fuzzer, long: random programs (tests/fuzz_programs.py) until a time budget.

    .venv/bin/python benchmarks/fuzz_compiler.py [--minutes 10] [--start-seed 0]

Each seed gives a program of every construct over a vocabulary of one value kind (2-6 ints, letters,
negatives, floats, large ints, bools, mixed numbers, unicode text, lengths 1-8; or 33-48 ints, lengths
1-2), causal or not, through `compile_program` or Tracr's `compile_rasp_to_model` (tests/fuzz_programs.py),
compared with `rasp.evaluate` on every input when there are at most 4,000, else on 1,000 random ones
(causal models against the program's causal form), value and type, in padded batches and 12 inputs
alone. Each case runs in a worker process with a time limit, so a hang is counted (`timeouts`) rather
than stopping the run. The contract: every program compiles to a model equal to the interpreter
wherever the interpreter is defined, or is refused with CompileError; mismatches and crashes (any other
exception) are findings, listed with their seeds. Type-only mismatches in a model compiled with an
OutputTypeWarning (the documented gap: docs/compiler-numerics.md) are counted apart, not as findings.
Prints a table and writes benchmarks/results/fuzz_compiler.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzz_programs import Outcome, check, random_case, tally  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "fuzz_compiler.json"
CASE_SECONDS = 120  # a case taking longer counts as a timeout


EXPORT_EVERY = 10  # with --exports, every 10th compiled model is also exported (ONNX tracing costs ~0.5 s)
EXPORT_COMPOSED_EVERY = 2  # and every 2nd composed case (its switch or pipe exported too, saved and loaded)


def _run(seed: int, exports: bool) -> Outcome:
    import logging

    import torch

    torch.set_num_threads(1)
    logging.disable(logging.WARNING)  # random programs make SequenceMap(x, x), which logs a style warning
    case = random_case(seed)
    every = EXPORT_COMPOSED_EVERY if case.compose else EXPORT_EVERY
    return check(case, seed=seed, exports=exports and seed % every == 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--start-seed", type=int, default=0)
    parser.add_argument("--exports", action="store_true", help="also run the TransformerLens and ONNX exports "
                        f"of every {EXPORT_EVERY}th model (and of every {EXPORT_COMPOSED_EVERY}nd composed case's "
                        "switch or pipe) against the model (needs the export extra)")
    args = parser.parse_args()
    deadline = time.monotonic() + 60 * args.minutes
    outcomes: list[Outcome] = []
    findings, timeouts = [], []
    seed = args.start_seed
    pool = multiprocessing.Pool(1)
    while time.monotonic() < deadline:
        try:
            outcome = pool.apply_async(_run, (seed, args.exports)).get(timeout=CASE_SECONDS)
        except multiprocessing.TimeoutError:
            pool.terminate()
            pool = multiprocessing.Pool(1)
            timeouts.append(seed)
            seed += 1
            continue
        outcomes.append(outcome)
        if outcome.found:
            findings.append({"seed": seed, "status": outcome.status, "reason": outcome.reason,
                             "wrong_inputs": outcome.n_wrong + outcome.n_alone_differs + outcome.n_others_differ,
                             "first_wrong": repr(outcome.first_wrong),
                             "source": random_case(seed).source})
        seed += 1
    pool.terminate()
    counts = tally(outcomes)
    counts.update(timeouts=len(timeouts), timeout_seeds=timeouts, seeds=[args.start_seed, seed - 1],
                  minutes=args.minutes, exports=args.exports, findings=findings, python=platform.python_version())
    rows = [("programs run", counts["programs"]), ("compiled", counts["compiled"]),
            ("  compared exhaustively", counts["exhaustive_programs"]), ("refused (CompileError)", counts["refused"]),
            ("crashed (other exception)", counts["crashed"]), ("timed out", counts["timeouts"]),
            ("mismatching programs", counts["mismatching_programs"]), ("inputs compared", counts["inputs_compared"]),
            ("inputs undefined (interpreter raises)", counts["inputs_undefined"]),
            ("inputs wrong", counts["inputs_wrong"]), ("inputs alone != in their batch", counts["inputs_alone_differ"]),
            ("inputs failing another promise", counts["inputs_other_promise_fails"]),
            ("models saved and loaded", counts["saved_and_loaded"]), ("learned programs", counts["learned"]),
            ("models composed", sum(counts["composed"].values())),
            ("inputs through composed models", counts["inputs_through_composed"]),
            ("inputs outside them, refused", counts["inputs_refused_by_composed"]),
            ("inputs through exports", counts["inputs_through_exports"]),
            ("inputs of another type, warned", counts["inputs_wrong_type_warned"])]
    print(f"fuzz_compiler: seeds {args.start_seed}..{seed - 1}, {args.minutes:g} min")
    for name, value in rows:
        print(f"  {name:<40} {value:>9,}")
    print("  compiled with warnings:", ", ".join(f"{n} {w}" for w, n in counts["warnings"].items()) or "none")
    print("  refusals by reason:")
    for reason, n in counts["refusal_reasons"].items():
        print(f"    {n:>5}  {reason}")
    for finding in findings:
        print(f"FINDING seed {finding['seed']}: {finding['status']} {finding['reason']} {finding['first_wrong']}")
        print(finding["source"])
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(counts, indent=1) + "\n")


if __name__ == "__main__":
    main()
