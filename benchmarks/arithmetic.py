"""Compiled arithmetic: exactness and size of the adders and multipliers, beside published anchors.

    .venv/bin/python benchmarks/arithmetic.py            # writes benchmarks/results/arithmetic.json
    .venv/bin/python benchmarks/arithmetic.py --pairs 10000 --causal-pairs 1000   # a smoke run

Measured, all through the compiled models (`weightsmith.library.arithmetic`, batched forward passes):
- 10-digit addition, encoder and autoregressive (one forward pass per sum digit, greedy, no KV cache):
  --pairs (default 100,000; the autoregressive one --causal-pairs, default 10,000, AdderBoard's protocol
  size, since it runs 11 forward passes per pair) random pairs (seed 2025, each operand uniform in
  0..10**10-1), plus every carry-chain pattern (`carry_chain_cases`);
- multiplication: every pair at 1×1, 2×2, 3×1 and 3×2 digits (3×3, 10**6 pairs, with --full), and
  --pairs random pairs at 4×4;
- the same models after `model.shrink` (dead units dropped, multiples merged): sizes, and exactness
  again on 10,000 random pairs and the carry chains (10-digit adders) and 10,000 random 4×4 pairs;
- sizes: layers, heads, d_model, d_mlp, parameters (every weight allocated), non-zero parameters, and
  *unique* non-zero values (distinct float32 numbers among the non-zero weights: an upper bound on what
  tying could share, the nearest thing to AdderBoard's count of unique parameters), for the adders at
  5/10/20 digits and the multipliers at several sizes;
- whether Tracr (tracr-pypi) can compile the same RASP: the constructs each program uses that Tracr's
  language or compiler lacks, found by walking the program.
Anchors (not re-measured here; see ../shared/papers/expressivity.md): AdderBoard's 10-digit
autoregressive addition, hand-coded leader 10 unique parameters, trained leader 62, pass mark 99% on
10,000 random pairs.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import platform
import random
import time
from pathlib import Path

import torch

from weightsmith import rasp
from weightsmith.library import arithmetic
from weightsmith.library.arithmetic.models import addition_tokens, generate, multiplication_tokens, number
from weightsmith.model.shrink import shrink
from weightsmith.model.summary import summary

RESULTS = Path(__file__).resolve().parent / "results" / "arithmetic.json"
SEED = 2025
ADDER_SIZES = (5, 10, 20)
MULTIPLIER_SIZES = ((1, 1), (2, 2), (3, 3), (4, 4), (6, 6), (8, 8), (8, 2))
ANCHORS = {
    "adderboard_hand_coded_leader": {"unique_parameters": 10, "layers": 1, "d_model": 2},
    "adderboard_trained_leader": {"unique_parameters": 62, "layers": 1, "d_model": 3},
    "adderboard_pass_mark": "≥ 99% exact on 10,000 random 10-digit pairs (autoregressive, self-attention)",
}


def size(compiled) -> dict:
    row = summary(compiled.model)
    weights = torch.cat([p.detach().flatten() for p in compiled.model.parameters()])
    nonzero = weights[weights != 0]
    row["parameters_unique_nonzero"] = int(torch.unique(nonzero).numel())
    row["compile_seconds"] = round(compiled.compile_seconds, 3)
    return row


def tracr_gaps(program: rasp.SOp) -> list[str]:
    """The constructs of `program` that Tracr cannot compile (its language or its compiler lacks them)."""
    gaps = set()
    for expr in rasp.topological_order(program):
        if isinstance(expr, rasp.SelectPreferred):
            gaps.add("SelectPreferred (not in Tracr's language)")
        elif isinstance(expr, (rasp.SelectorAnd, rasp.SelectorOr, rasp.SelectorNot)):
            gaps.add(f"{type(expr).__name__} (in Tracr's language, not compiled by it)")
        elif isinstance(expr, rasp.Select) and not isinstance(expr.predicate, rasp.Comparison):
            gaps.add("Select with a custom predicate (Tracr takes only its Comparison enum)")
        elif isinstance(expr, rasp.Aggregate) and rasp.is_categorical(expr) and expr.default is not None:
            gaps.add("categorical Aggregate with a default (Tracr requires None)")
        elif isinstance(expr, rasp.SequenceMap) and rasp.is_numerical(expr) and not isinstance(
                expr, rasp.LinearSequenceMap):
            gaps.add("numerical SequenceMap that is not a LinearSequenceMap (Tracr compiles no other numerically)")
    return sorted(gaps)


def timed_accuracy(run, pairs, expected) -> dict:
    start = time.perf_counter()
    got = run(pairs)
    seconds = time.perf_counter() - start
    wrong = [(a, b, g) for (a, b), g, e in zip(pairs, got, expected) if g != e]
    return {"pairs": len(pairs), "exact": len(pairs) - len(wrong), "accuracy": 1 - len(wrong) / len(pairs),
            "first_wrong": wrong[:3], "seconds": round(seconds, 2),
            "microseconds_per_pair": round(1e6 * seconds / len(pairs), 1)}


def shrunk_checks() -> dict:
    """The 10-digit adders and the 4×4 multiplier after `shrink`: sizes and exactness again."""
    out = {}
    chains = arithmetic.carry_chain_cases(10)
    pairs = random_pairs(10_000, 10, 10, SEED + 1) + chains
    for causal in (False, True):
        model = arithmetic.adder(10, causal)
        small = dataclasses.replace(model, model=shrink(model.model))
        if causal:
            got = [number(s) for s in generate(small, [addition_tokens(a, b, 10) for a, b in pairs], 11)]
        else:
            got = [number(o[11:]) for o in small.run_batch([addition_tokens(a, b, 10) for a, b in pairs])]
        out[f"adder 10 {'autoregressive' if causal else 'encoder'}"] = {
            **size(small), "pairs": len(pairs), "exact": sum(g == a + b for g, (a, b) in zip(got, pairs))}
    model = arithmetic.multiplier(4)
    small = dataclasses.replace(model, model=shrink(model.model))
    four = random_pairs(10_000, 4, 4, SEED + 1)
    got = [number(o[:8]) for o in small.run_batch([multiplication_tokens(a, b, 4, 4) for a, b in four])]
    out["multiplier 4x4"] = {**size(small), "pairs": len(four), "exact": sum(g == a * b for g, (a, b) in zip(got, four))}
    for name, row in out.items():
        print(f"shrunk {name}: {row}", flush=True)
    return out


def random_pairs(n: int, digits_a: int, digits_b: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(10**digits_a), rng.randrange(10**digits_b)) for _ in range(n)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=100_000, help="random pairs per check")
    parser.add_argument("--causal-pairs", type=int, default=10_000, help="random pairs, autoregressive adder")
    parser.add_argument("--full", action="store_true", help="also every 3×3-digit product (10**6 pairs)")
    args = parser.parse_args()
    n_random = args.pairs
    torch.set_num_threads(1)
    out = {"machine": platform.machine(), "torch_threads": 1, "seed": SEED, "anchors": ANCHORS,
           "addition": {}, "multiplication": {}, "sizes": {"adder": [], "multiplier": []}}

    chains = arithmetic.carry_chain_cases(10)
    for causal in (False, True):
        form = "autoregressive" if causal else "encoder"
        pairs = random_pairs(args.causal_pairs if causal else n_random, 10, 10, SEED)
        run = lambda ps, c=causal: arithmetic.add_many(ps, digits=10, causal=c)  # noqa: E731
        out["addition"][form] = {
            "random": timed_accuracy(run, pairs, [a + b for a, b in pairs]),
            "carry_chains": timed_accuracy(run, chains, [a + b for a, b in chains]),
        }
        print(f"10-digit addition, {form}: {out['addition'][form]}", flush=True)

    exhaustive = [(1, 1), (2, 2), (3, 1), (3, 2)] + ([(3, 3)] if args.full else [])
    for n, m in exhaustive:
        every = list(itertools.product(range(10**n), range(10**m)))
        run = lambda ps, n=n, m=m: arithmetic.multiply_many(ps, n, m)  # noqa: E731
        out["multiplication"][f"{n}x{m} every pair"] = timed_accuracy(run, every, [a * b for a, b in every])
        print(f"{n}×{m} every pair: {out['multiplication'][f'{n}x{m} every pair']}", flush=True)
    four = random_pairs(n_random, 4, 4, SEED)
    out["multiplication"]["4x4 random"] = timed_accuracy(lambda ps: arithmetic.multiply_many(ps, 4), four,
                                                         [a * b for a, b in four])
    print(f"4×4 random: {out['multiplication']['4x4 random']}", flush=True)

    for digits in ADDER_SIZES:
        for causal in (False, True):
            row = {"digits": digits, "form": "autoregressive" if causal else "encoder",
                   **size(arithmetic.adder(digits, causal))}
            out["sizes"]["adder"].append(row)
    for n, m in MULTIPLIER_SIZES:
        out["sizes"]["multiplier"].append({"digits": f"{n}x{m}", **size(arithmetic.multiplier(n, m))})
    out["shrunk"] = shrunk_checks()
    out["tracr"] = {
        "adder": tracr_gaps(arithmetic.make_adder()),
        "autoregressive_adder": tracr_gaps(arithmetic.make_autoregressive_adder()),
        "multiplier": tracr_gaps(arithmetic.make_multiplier(4, 4)),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, default=str) + "\n")
    print_tables(out)
    return 0


def print_tables(out: dict) -> None:
    columns = ("layers", "heads", "d_model", "d_mlp_total", "parameters", "parameters_nonzero",
               "parameters_unique_nonzero")
    print(f"\n{'model':<32}" + "".join(f"{c.replace('parameters_', ''):>16}" for c in columns))
    for row in out["sizes"]["adder"]:
        name = f"adder {row['digits']} digits {row['form']}"
        print(f"{name:<32}" + "".join(f"{row[c]:>16,}" for c in columns))
    for row in out["sizes"]["multiplier"]:
        print(f"{'multiplier ' + row['digits']:<32}" + "".join(f"{row[c]:>16,}" for c in columns))
    for name, anchor in (("AdderBoard hand-coded", ANCHORS["adderboard_hand_coded_leader"]),
                         ("AdderBoard trained", ANCHORS["adderboard_trained_leader"])):
        cells = [anchor["layers"], "", anchor["d_model"], "", "", "", anchor["unique_parameters"]]
        print(f"{name:<32}" + "".join(f"{c:>16}" for c in cells))
    print("\nTracr cannot compile them:", json.dumps(out["tracr"], indent=1))


if __name__ == "__main__":
    raise SystemExit(main())
