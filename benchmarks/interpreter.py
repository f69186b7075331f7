"""The batched interpreter against one-input-at-a-time evaluation: weightsmith's own, and Tracr's.

    .venv/bin/python benchmarks/interpreter.py        # Tracr's part needs: pip install 'weightsmith[baseline]'

For each program, 1,000 random inputs of length 10 (tokens uniform over the program's vocabulary) are
evaluated three ways, in REPEATS interleaved rounds (batched, reference, Tracr, batched, reference, ...),
each way timed by the median of its rounds, in CPU seconds (`time.process_time`) and wall seconds:
- `rasp.evaluate_batch(program, inputs)`: weightsmith's batched interpreter, one call;
- `[rasp.evaluate(program, x) for x in inputs]`: weightsmith's reference interpreter, input by input;
- `[tracr_rasp.evaluate(program, x) for x in inputs]`: Tracr's evaluator, on the same program built
  with Tracr's own `rasp` module (so only for programs whose source runs under both: the Tracr
  compatibility cases in ../shared/compat, which take the rasp module as an argument, and Tracr's
  `lib` programs, built with `tracr.compiler.lib` / `weightsmith.library`).
Every way must give the same outputs (numbers compared by value); a program that raises on these inputs
under either evaluator is listed as skipped. Library programs that bake in a max_seq_len shorter than
10 are still run at length 10: only the interpreters are compared, both see the same program.
Ratios: reference / batched and Tracr / batched (how many times faster the batched interpreter is), of
the CPU medians; the wall-clock ratios are kept beside them. Why CPU time, interleaving and medians: on a
shared machine a 1 ms batched call usually runs inside one scheduler slice while Tracr's 50-700 ms loops
are always shared with other processes, so best-of wall times inflate the ratio with the load (the same
code measured 28x and 76x an hour apart); rounds side by side see the same load, and CPU time leaves out
the time spent waiting. JSON goes to benchmarks/results/interpreter.json (`*_s`: CPU medians).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vs_tracr import CASES as TRACR_LIB_CASES, machine  # noqa: E402
from weightsmith import library, rasp  # noqa: E402
from weightsmith.verify import same_value  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "interpreter.json"
COMPAT = Path(__file__).resolve().parents[2] / "shared" / "compat" / "programs.py"
N_INPUTS = 1000
LENGTH = 10
REPEATS = 5  # interleaved rounds per program; every time is the median of its rounds


def random_inputs(vocab: list, seed: int) -> list[list]:
    rng = random.Random(seed)
    return [[rng.choice(vocab) for _ in range(LENGTH)] for _ in range(N_INPUTS)]


def same_outputs(a: list[list], b: list[list]) -> bool:
    return all(len(x) == len(y) and all(
        (u is None and v is None) or (u is not None and v is not None and same_value(u, v)) for u, v in zip(x, y))
        for x, y in zip(a, b))


def timed(f: Callable[[], Any]) -> tuple[float, float, Any]:
    """CPU seconds, wall seconds and the result of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = f()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def measure(name: str, group: str, program, vocab: list, tracr_program=None, tracr_rasp=None) -> dict:
    """Times the interpreters on one program in interleaved rounds; a dict with the median times and
    their ratios, or the reason it was skipped."""
    inputs = random_inputs(list(vocab), seed=len(name))
    row: dict[str, Any] = {"program": name, "group": group, "vocab": [repr(v) for v in vocab]}
    ways: dict[str, Callable[[], Any]] = {
        "batched": lambda: rasp.evaluate_batch(program, inputs),
        "reference": lambda: [rasp.evaluate(program, x) for x in inputs],
    }
    if tracr_program is not None:
        ways["tracr"] = lambda: [tracr_rasp.evaluate(tracr_program, x) for x in inputs]
    cpu: dict[str, list[float]] = {way: [] for way in ways}
    wall: dict[str, list[float]] = {way: [] for way in ways}
    outputs: dict[str, Any] = {}
    for _ in range(REPEATS):
        for way, f in list(ways.items()):
            try:
                cpu_s, wall_s, outputs[way] = timed(f)
            except Exception as err:  # noqa: BLE001 - Tracr raises plain Python errors
                if way == "tracr":
                    row["tracr_skipped"] = f"Tracr's evaluator raises: {type(err).__name__}: {err}"
                    del ways["tracr"], cpu["tracr"], wall["tracr"]
                    continue
                if isinstance(err, rasp.EvaluationError):
                    return {**row, "skipped": f"weightsmith's interpreter raises on these inputs: {err}"}
                raise
            cpu[way].append(cpu_s)
            wall[way].append(wall_s)
    if not same_outputs(outputs["batched"], outputs["reference"]):
        raise AssertionError(f"{name}: batched and reference interpreters disagree")
    for way in cpu:
        row[f"{way}_s"], row[f"{way}_wall_s"] = statistics.median(cpu[way]), statistics.median(wall[way])
    row["reference_over_batched"] = row["reference_s"] / row["batched_s"]
    if "tracr" in cpu:
        row.update(tracr_over_batched=row["tracr_s"] / row["batched_s"],
                   tracr_over_batched_wall=row["tracr_wall_s"] / row["batched_wall_s"],
                   tracr_agrees=same_outputs(outputs["tracr"], outputs["batched"]))
    return row


def load_compat():
    if not COMPAT.exists():
        return None
    spec = importlib.util.spec_from_file_location("compat_programs", COMPAT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def geometric_mean(xs: list[float]) -> float:
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    try:
        from tracr.compiler import lib as tracr_lib
        from tracr.rasp import rasp as tracr_rasp
    except ImportError:
        tracr_lib = tracr_rasp = None
        print("Tracr is not installed: timing weightsmith only (pip install 'weightsmith[baseline]' for Tracr)")
    rows = []
    for name, entry in library.PROGRAMS.items():
        rows.append(measure(name, "weightsmith library", entry.build(), list(entry.vocab)))
    compat = load_compat()
    if compat is None:
        print(f"{COMPAT} not found: skipping the compatibility programs")
    else:
        for name, (build, vocab, _, _) in compat.CASES.items():
            theirs = build(tracr_rasp) if tracr_rasp else None
            rows.append(measure(name, "compat", build(rasp), vocab, theirs, tracr_rasp))
    if tracr_lib is not None:
        for case in TRACR_LIB_CASES:
            vocab = case.vocab(5)
            ours = case.build(library, rasp, LENGTH)
            rows.append(measure(f"lib.{case.name}", "tracr lib", ours, vocab, case.build(tracr_lib, tracr_rasp, LENGTH),
                                tracr_rasp))
    print_table(rows)
    timed = [r for r in rows if "batched_s" in r]
    with_tracr = [r for r in timed if "tracr_s" in r]
    summary = {
        "reference_over_batched_geomean": geometric_mean([r["reference_over_batched"] for r in timed]),
        "tracr_over_batched_geomean": geometric_mean([r["tracr_over_batched"] for r in with_tracr]),
        "tracr_over_batched_wall_geomean": geometric_mean([r["tracr_over_batched_wall"] for r in with_tracr]),
        "tracr_over_batched_min": min((r["tracr_over_batched"] for r in with_tracr), default=float("nan")),
        "tracr_agrees_everywhere": all(r["tracr_agrees"] for r in with_tracr),
    }
    print(f"geometric mean: batched is {summary['reference_over_batched_geomean']:.1f}x faster than weightsmith's "
          f"reference loop ({len(timed)} programs)")
    if with_tracr:
        print(f"geometric mean: batched is {summary['tracr_over_batched_geomean']:.1f}x faster than Tracr's evaluator "
              f"in CPU time ({summary['tracr_over_batched_wall_geomean']:.1f}x in wall time; {len(with_tracr)} programs; "
              f"slowest ratio {summary['tracr_over_batched_min']:.1f}x); "
              f"same outputs as Tracr on all: {summary['tracr_agrees_everywhere']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "machine": machine(),
        "n_inputs": N_INPUTS, "length": LENGTH, "repeats": REPEATS, "rows": rows, "summary": summary}, indent=1))
    print(f"wrote {RESULTS}")
    return 0


def print_table(rows: list[dict]) -> None:
    print(f"CPU ms, medians of {REPEATS} interleaved rounds")
    print(f"{'program':<26}{'group':<20}{'batched ms':>11}{'reference ms':>13}{'x':>7}{'tracr ms':>10}{'x':>7}")
    for r in rows:
        if "skipped" in r:
            print(f"{r['program']:<26}{r['group']:<20}  skipped: {r['skipped'][:70]}")
            continue
        tracr = (f"{r['tracr_s'] * 1e3:10.1f}{r['tracr_over_batched']:7.1f}" if "tracr_s" in r
                 else f"{'-':>10}{'-':>7}")
        print(f"{r['program']:<26}{r['group']:<20}{r['batched_s'] * 1e3:11.2f}{r['reference_s'] * 1e3:13.1f}"
              f"{r['reference_over_batched']:7.1f}{tracr}")


if __name__ == "__main__":
    sys.exit(main())
