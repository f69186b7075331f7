"""Modularity: can the modules of a transformer be found from its weights, and what does training for
modularity cost? Writes benchmarks/results/modularity.json (each part run updates its own key).

    .venv/bin/python benchmarks/modularity.py truth      # ground truth on compiled models (+ the GH cost curve)
    .venv/bin/python benchmarks/modularity.py training   # accuracy against n-cut and z-score as λ grows

Part `truth`: every library program and 12 random programs (tests/program_strategies.py, derandomised),
compiled without dimension reuse (each residual dimension has one tenant, so every residual node has a
truth), and each again after a random orthogonal rotation of the residual stream (seed 0; the graph of a
rotated model is dense, so it is `sparsified` to each node's 8 heaviest edges; only heads and MLP units
have a truth there). Every method gets k = the number of true modules. Scores: ARI/NMI over every node
with a truth and over the units (heads + MLP units) only. Rotated graphs above MAX_ROTATED nodes are
skipped (the tree's cost; see the cost curve), and Flake
(12 trees per graph) is run on the plain graphs only. The cost curve times `gomory_hu_tree` alone.

Part `training`: see `weightsmith.modules.training` and `training_part` below.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.program_strategies: the random program generator

RESULTS = ROOT / "benchmarks" / "results" / "modularity.json"
MAX_ROTATED = 250
ROTATED_METHODS = ("gh_lightest", "gh_ratio", "spectral", "louvain", "layers")  # Flake: 12 trees each
RANDOM_PROGRAMS = 12


def random_programs(n: int) -> list:
    from hypothesis import HealthCheck, given, settings

    from tests.program_strategies import random_programs as strategy

    found = []

    @settings(max_examples=n, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy(max_ops=6))
    def collect(program):
        found.append(program)

    collect()
    return found[:n]


def truth_part() -> dict:
    from weightsmith.compiler import CompileError, compile_program
    from weightsmith.library.registry import _PROGRAMS
    from weightsmith.modules.partition import METHODS
    from weightsmith.modules.truth import recovery

    cases = [(p.name, p.build(), p.vocab, p.max_seq_len) for p in _PROGRAMS]
    cases += [(f"random_{j}", r.program, r.vocab, r.max_seq_len) for j, r in enumerate(random_programs(RANDOM_PROGRAMS))]
    rows = []
    for name, program, vocab, max_seq_len in cases:
        try:
            compiled = compile_program(program, vocab, max_seq_len, reuse=False)
        except CompileError as err:
            print(f"{name}: not compiled ({err})")
            continue
        row = {"program": name, "plain": None, "rotated": None}
        for setting in ("plain", "rotated"):
            try:
                result = recovery(compiled, methods=METHODS if setting == "plain" else ROTATED_METHODS,
                                  rotation_seed=None if setting == "plain" else 0,
                                  per_node=None if setting == "plain" else 8,
                                  max_nodes=None if setting == "plain" else MAX_ROTATED)
            except ValueError as err:  # too large to rotate here, or nothing to partition
                print(f"{name} {setting}: skipped ({err})")
                continue
            row[setting] = {"k": result.k, "nodes": result.nodes, "edges": result.edges,
                            "tree_seconds": round(result.tree_seconds, 4),
                            "scores": {m: {s: round(v, 4) for s, v in sc.items()} for m, sc in result.scores.items()}}
        rows.append(row)
        plain = row["plain"]
        if plain:
            print(f"{name:18} k={plain['k']:2} n={plain['nodes']:4} " + " ".join(
                f"{m}={sc.get('ari_ops', float('nan')):.2f}" for m, sc in plain["scores"].items()), flush=True)
    summary = {}
    for setting in ("plain", "rotated"):
        done = [r[setting] for r in rows if r[setting]]
        methods = done[0]["scores"].keys() if done else []
        summary[setting] = {"programs": len(done), **{m: {s: round(statistics.mean(d["scores"][m][s] for d in done
                                                                                   if s in d["scores"][m]), 4)
                                                            for s in ("ari_all", "nmi_all", "ari_ops", "nmi_ops")
                                                            if any(s in d["scores"][m] for d in done)}
                                                        for m in methods}}
    cost = sorted(({"nodes": r[s]["nodes"], "edges": r[s]["edges"], "seconds": r[s]["tree_seconds"], "setting": s}
                   for r in rows for s in ("plain", "rotated") if r[s]), key=lambda c: c["nodes"])
    return {"programs": rows, "mean": summary, "gomory_hu_cost": cost}


def print_summary(truth: dict) -> None:
    for setting, table in truth["mean"].items():
        print(f"\n{setting} ({table['programs']} programs): mean ARI/NMI, all nodes | units only")
        for method, s in table.items():
            if method == "programs":
                continue
            print(f"  {method:12} {s.get('ari_all', float('nan')):5.2f} {s.get('nmi_all', float('nan')):5.2f} | "
                  f"{s['ari_ops']:5.2f} {s['nmi_ops']:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=("truth", "training"))
    args = parser.parse_args()
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    start = time.perf_counter()
    if args.part == "truth":
        results["truth"] = truth_part()
        print_summary(results["truth"])
    else:
        from benchmarks_modularity_training import training_part  # noqa: F401  (filled in below)
    results.setdefault("machine", {})[args.part] = {"python": platform.python_version(),
                                                    "seconds": round(time.perf_counter() - start, 1)}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1))
    print(f"\nwrote {RESULTS}")


if __name__ == "__main__":
    main()
