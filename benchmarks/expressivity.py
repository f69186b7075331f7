"""Transformers as computers: compiled adders, multiplier and looped SUBLEQ machines, beside the anchors.

    .venv/bin/python benchmarks/expressivity.py                  # writes benchmarks/results/expressivity.json
    .venv/bin/python benchmarks/expressivity.py --random 100 --pairs 2000   # a smoke run

Per model: layers (for a looped machine: layers per step, i.e. of its shared block, and in all), d_model,
parameters (every weight allocated), non-zero parameters, unique non-zero values, exactness, and CPU
time (1 torch thread) per addition / product / SUBLEQ step.
- adders (5, 10, 20 digits; encoder and autoregressive) and the 4×4 multiplier: --pairs random pairs
  (seed 2025) plus, for the adders, every carry chain; the issue's 100,000-pair runs are
  `benchmarks/arithmetic.py`'s (results/arithmetic.json).
- SUBLEQ machines (M = 32 and 64 cells, W = 8 bits): every shipped program that fits (max_steps 10,000),
  and --random (M = 32) / --random64 (M = 64) random programs that execute at least --steps steps,
  run for exactly --steps steps (halting by themselves or cut off), all compared with
  `subleq.reference` on final memory, steps and halted. Time per step: the run's wall time over the
  iterations the batches ran (every program of a batch runs until the batch's last one stops).
Anchors (not re-measured; ../shared/papers/expressivity.md): Giannou et al. 2023, 10 layers per step,
d = 81 at 32 columns and 8 bits, no halting in the model; the public hand-coded SUBLEQ transformer,
4 layers, d_model 32, 2,143,712 parameters, 77.5% on random 200-step programs, halting outside; a
trained one, 4,879,360 parameters.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import torch
from arithmetic import SEED, random_pairs, size, timed_accuracy  # benchmarks/arithmetic.py, beside this file

from weightsmith.library import arithmetic, subleq
from weightsmith.library.subleq.random_programs import random_programs

RESULTS = Path(__file__).resolve().parent / "results" / "expressivity.json"
ANCHORS = {
    "Giannou et al. 2023 (released code)": {"layers_per_step": 10, "d_model": 81, "cells": 32, "word_bits": 8,
                                            "halting": "outside (a fixed number of loops)"},
    "hand-coded SUBLEQ transformer (anadim/subleq-transformer)": {
        "layers_per_step": 4, "d_model": 32, "parameters": 2_143_712, "cells": 416, "word_bits": 16,
        "random_200_step_accuracy": 0.775, "halting": "outside (a Python loop)"},
    "trained SUBLEQ transformer (same repository)": {"layers_per_step": 6, "d_model": 256, "parameters": 4_879_360,
                                                     "cells": 32, "word_bits": 8, "halting": "outside"},
}


def arithmetic_rows(n_pairs: int) -> list[dict]:
    rows = []
    for digits in (5, 10, 20):
        chains = arithmetic.carry_chain_cases(digits)
        for causal in (False, True):
            pairs = random_pairs(n_pairs // 10 if causal else n_pairs, digits, digits, SEED) + chains
            check = timed_accuracy(lambda ps, d=digits, c=causal: arithmetic.add_many(ps, d, c), pairs,
                                   [a + b for a, b in pairs])
            rows.append({"model": f"adder {digits} digits {'autoregressive' if causal else 'encoder'}",
                         **size(arithmetic.adder(digits, causal)), "checked": check["pairs"],
                         "exact": check["exact"], "microseconds_per_operation": check["microseconds_per_pair"]})
            print(rows[-1]["model"], check, flush=True)
    pairs = random_pairs(n_pairs, 4, 4, SEED)
    check = timed_accuracy(lambda ps: arithmetic.multiply_many(ps, 4), pairs, [a * b for a, b in pairs])
    rows.append({"model": "multiplier 4x4", **size(arithmetic.multiplier(4)), "checked": check["pairs"],
                 "exact": check["exact"], "microseconds_per_operation": check["microseconds_per_pair"]})
    print("multiplier 4x4", check, flush=True)
    return rows


def subleq_row(cells: int, n_random: int, steps: int) -> dict:
    """One machine: its size, and exactness on the shipped programs and on random long programs."""
    shipped = [subleq.shipped(n).memory for n in subleq.NAMES if len(subleq.shipped(n).memory) <= cells]
    start = time.perf_counter()
    got = [subleq.models.run_on(subleq.machine(cells, 8, 10_000), [m])[0] for m in shipped]
    shipped_seconds = time.perf_counter() - start
    shipped_exact = sum(g == subleq.reference(m) for g, m in zip(got, shipped))
    programs = random_programs(n_random, seed=SEED, cells=cells, min_steps=steps, max_steps=steps)
    expected = [subleq.reference(m, steps) for m in programs]
    model = subleq.machine(cells, 8, steps)
    start, iterations, results = time.perf_counter(), 0, []
    for i in range(0, len(programs), subleq.models.BATCH):
        chunk = programs[i:i + subleq.models.BATCH]
        results += subleq.models.run_on(model, chunk)
        iterations += len(chunk) * (max(r.steps for r in results[-len(chunk):]) + 1)
    seconds = time.perf_counter() - start
    wrong = [i for i, (g, e) in enumerate(zip(results, expected)) if g != e]
    row = {"model": f"SUBLEQ machine M={cells} W=8", **size(model),
           "layers_per_step": model.config.loop.n_layers,
           "shipped_programs": len(shipped), "shipped_exact": shipped_exact,
           "shipped_steps": sum(r.steps for r in got), "shipped_seconds": round(shipped_seconds, 2),
           "random_programs": len(programs), "random_steps": steps, "random_exact": len(programs) - len(wrong),
           "random_halted": sum(e.halted for e in expected), "first_wrong": wrong[:3],
           "microseconds_per_step": round(1e6 * seconds / max(iterations, 1), 1), "random_seconds": round(seconds, 1),
           "halting": "inside (the model's own halt flag and step counter)"}
    print(row, flush=True)
    return row


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=10_000, help="random pairs per arithmetic check")
    parser.add_argument("--random", type=int, default=1_000, help="random SUBLEQ programs on the 32-cell machine")
    parser.add_argument("--random64", type=int, default=100, help="random SUBLEQ programs on the 64-cell machine")
    parser.add_argument("--steps", type=int, default=200, help="steps each random program executes (at least)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    out = {"machine": platform.machine(), "torch_threads": 1, "seed": SEED, "anchors": ANCHORS,
           "models": arithmetic_rows(args.pairs)}
    out["models"].append(subleq_row(32, args.random, args.steps))
    out["models"].append(subleq_row(64, args.random64, args.steps))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, default=str) + "\n")
    print_table(out)
    return 0


def print_table(out: dict) -> None:
    print(f"\n{'model':<34}{'layers':>8}{'d_model':>9}{'parameters':>12}{'non-zero':>10}{'unique':>8}"
          f"{'exact':>16}{'µs/op':>10}")
    for row in out["models"]:
        layers = f"{row['layers_per_step']}/step" if "layers_per_step" in row else str(row["layers"])
        if "random_exact" in row:
            exact = f"{row['shipped_exact'] + row['random_exact']}/{row['shipped_programs'] + row['random_programs']}"
            per = row["microseconds_per_step"]
        else:
            exact, per = f"{row['exact']}/{row['checked']}", row["microseconds_per_operation"]
        print(f"{row['model']:<34}{layers:>8}{row['d_model']:>9}{row['parameters']:>12,}"
              f"{row['parameters_nonzero']:>10,}{row['parameters_unique_nonzero']:>8,}{exact:>16}{per:>10}")
    for name, anchor in out["anchors"].items():
        params = f"{anchor['parameters']:,}" if "parameters" in anchor else ""
        accuracy = f"{anchor['random_200_step_accuracy']:.1%} (200-step)" if "random_200_step_accuracy" in anchor else ""
        print(f"{name[:33]:<34}{str(anchor['layers_per_step']) + '/step':>8}{anchor['d_model']:>9}{params:>12}"
              f"{'':>10}{'':>8}{accuracy:>16}")


if __name__ == "__main__":
    raise SystemExit(main())
