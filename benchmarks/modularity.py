"""Modularity: can the modules of a transformer be found from its weights, and what does training for
modularity cost? Writes benchmarks/results/modularity.json (each part run updates its own key).

    .venv/bin/python benchmarks/modularity.py truth      # ground truth on compiled models (+ the GH cost curve)
    .venv/bin/python benchmarks/modularity.py training   # accuracy against n-cut and z-score as λ grows
    .venv/bin/python benchmarks/modularity.py cost       # the Gomory–Hu tree's time against model size

Part `truth`: every library program and 12 random programs (tests/program_strategies.py, derandomised),
compiled without dimension reuse (each residual dimension has one tenant, so every residual node has a
truth), and each again after a random orthogonal rotation of the residual stream (seed 0; the graph of a
rotated model is dense, so it is `sparsified` to each node's 8 heaviest edges; only heads and MLP units
have a truth there). Every method gets k = the number of true modules. Scores: ARI/NMI over every node
with a truth and over the units (heads + MLP units) only. Rotated graphs above MAX_ROTATED nodes are
skipped (the tree's cost; see the cost curve), and Flake
(12 trees per graph) is run on the plain graphs only. The cost curve times `gomory_hu_tree` alone.

Part `training`: one-layer transformers (d_model 24, 2 heads, 32 MLP units; `modules.training`) trained
300 Adam steps (batch 64, lr 3e-3) on hist (the Transformer Programs task, 3,000 strings; test accuracy)
and on modular addition mod 7 (80% of the 49 pairs to train on; accuracy on the *training* pairs, since a
layer this small does not generalise in 300 steps — it measures capacity to fit, not generalisation),
with λ = 0 and upward for each loss (BIMT connection cost; the Gomory–Hu cut penalty, modules
recomputed every 50 steps), 3 seeds each. For every run: accuracy, the n-cut of K = 4 spectral modules
(Filan et al.'s measure) and its z-score and p against 50 mask-preserving shuffles, the n-cut of the
GH ratio cut at K = 4, and the ARI between the seeds' spectral partitions (nodes are the same across
seeds: residual dims, heads and units by index). One thread per run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # before numpy loads: a
    os.environ.setdefault(_variable, "1")  # threaded eigh of a 120x120 matrix is 50x slower on a busy machine
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


LAMBDAS = {"hist": (0.0, 1e-2, 3e-2), "modadd7": (0.0, 1e-2)}
SEEDS = (0, 1, 2)
K = 4
RESTARTS = 2  # k-means restarts of the spectral clustering (the shuffles dominate the run time)


def training_part(only: str | None = None) -> dict:
    import itertools

    import torch

    from weightsmith.modules.graph import weight_graph
    from weightsmith.modules.partition import gomory_hu_modules, sparsified, spectral_modules
    from weightsmith.modules.scores import adjusted_rand, ncut, shuffle_significance
    from weightsmith.modules.training import (ConnectionCost, GomoryHuCut, accuracy, algorithmic, modular_addition,
                                              small_transformer, train)

    torch.set_num_threads(1)
    tasks = {"hist": (algorithmic("hist"), "test"), "modadd7": (modular_addition(7), "train")}
    tasks = {name: task for name, task in tasks.items() if only in (None, name)}
    losses = {"bimt": ConnectionCost, "gh_cut": GomoryHuCut}
    runs, partitions = [], {}
    for task_name, (task, split) in tasks.items():
        for loss_name, lam in itertools.product(losses, LAMBDAS[task_name]):
            if lam == 0 and loss_name != "bimt":
                continue  # λ = 0 is the same run for every loss
            for seed in SEEDS:
                start = time.perf_counter()
                model = small_transformer(task, seed=seed)
                train(model, task, losses[loss_name](model) if lam else None, lam, steps=300, seed=seed)
                weights = weight_graph(model)
                graph = weights.graph
                spectral = spectral_modules(graph, K, restarts=RESTARTS)
                significance = shuffle_significance(weights, lambda g: spectral_modules(g, K, restarts=RESTARTS), n=50)
                gh = gomory_hu_modules(sparsified(graph, 8), K, cut="ratio")
                key = (task_name, "none" if lam == 0 else loss_name, lam)
                partitions.setdefault(key, []).append(spectral)
                runs.append({"task": task_name, "loss": key[1], "lambda": lam, "seed": seed, "accuracy_split": split,
                             "accuracy": round(accuracy(model, task, split), 4),
                             "ncut_spectral": round(significance.observed, 4),
                             "shuffled_ncut_mean": round(significance.shuffled_mean, 4),
                             "z": round(significance.z, 3), "p": round(significance.p, 4),
                             "ncut_gh_ratio": round(ncut(graph, gh), 4),
                             "seconds": round(time.perf_counter() - start, 1)})
                print(runs[-1], flush=True)
    table = []
    for key, parts in partitions.items():
        chosen = [r for r in runs if (r["task"], r["loss"], r["lambda"]) == key]
        aris = [adjusted_rand(a, b) for a, b in itertools.combinations(parts, 2)]
        table.append({"task": key[0], "loss": key[1], "lambda": key[2], "seeds": len(chosen),
                      **{f"{m}_mean": round(statistics.mean(r[m] for r in chosen), 4)
                         for m in ("accuracy", "ncut_spectral", "z", "ncut_gh_ratio")},
                      "accuracy_sd": round(statistics.stdev(r["accuracy"] for r in chosen), 4),
                      "ari_across_seeds": round(statistics.mean(aris), 4)})
    print(f"\n{'task':8} {'loss':7} {'λ':>6} {'acc':>6} {'n-cut':>6} {'z':>7} {'GH n-cut':>8} {'ARI seeds':>9}")
    for row in table:
        print(f"{row['task']:8} {row['loss']:7} {row['lambda']:6g} {row['accuracy_mean']:6.3f} "
              f"{row['ncut_spectral_mean']:6.3f} {row['z_mean']:7.2f} {row['ncut_gh_ratio_mean']:8.3f} "
              f"{row['ari_across_seeds']:9.3f}")
    return {"runs": runs, "table": table}


def _plot(table: list[dict]) -> None:
    """benchmarks/results/modularity.png: accuracy against n-cut and against z, one line per task and loss."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    for task in sorted({r["task"] for r in table}):
        base = [r for r in table if r["task"] == task and r["loss"] == "none"]
        for loss, marker in (("bimt", "o"), ("gh_cut", "^")):
            rows = base + sorted((r for r in table if r["task"] == task and r["loss"] == loss), key=lambda r: r["lambda"])
            for axis, measure in zip(axes, ("ncut_spectral_mean", "z_mean")):
                axis.plot([r[measure] for r in rows], [r["accuracy_mean"] for r in rows], marker=marker,
                          label=f"{task}, {loss}")
                for r in rows:
                    axis.annotate(f"{r['lambda']:g}", (r[measure], r["accuracy_mean"]), fontsize=7)
    axes[0].set_xlabel("n-cut of 4 spectral modules (lower: more modular)")
    axes[1].set_xlabel("z-score against 50 mask-preserving shuffles")
    for axis in axes:
        axis.set_ylabel("accuracy (mean of 3 seeds)")
        axis.legend(fontsize="small")
    figure.suptitle("What a modularity loss costs: accuracy against modularity as λ grows (labels: λ)")
    figure.tight_layout()
    figure.savefig(RESULTS.with_suffix(".png"))
    plt.close(figure)


COST_SIZES = (8, 16, 32, 48)


def cost_part() -> dict:
    """The GH tree's cost against model size: random one-layer transformers (d_model d, 2 heads, 2d MLP
    units; dense, like trained ones) at the unit level, the unit level sparsified to 8 edges a node, and
    the component level; one tree each, timed."""
    import torch

    from weightsmith.modules.graph import weight_graph
    from weightsmith.modules.partition import gomory_hu_tree, sparsified
    from weightsmith.modules.training import modular_addition, small_transformer

    torch.set_num_threads(1)
    rows = []
    for d in COST_SIZES:
        model = small_transformer(modular_addition(7), d_model=d, heads=2, d_mlp=2 * d)
        for variant in ("unit", "unit_sparsified", "component"):
            graph = weight_graph(model, "component" if variant == "component" else "unit").graph
            if variant == "unit_sparsified":
                graph = sparsified(graph, 8)
            start = time.perf_counter()
            gomory_hu_tree(graph)
            rows.append({"d_model": d, "variant": variant, "nodes": graph.number_of_nodes(),
                         "edges": graph.number_of_edges(), "seconds": round(time.perf_counter() - start, 3)})
            print(rows[-1], flush=True)
    return {"rows": rows}


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
    parser.add_argument("part", choices=("truth", "training", "cost"))
    parser.add_argument("--task", choices=tuple(LAMBDAS), help="training: only this task (results merged by task)")
    args = parser.parse_args()
    start = time.perf_counter()
    part = {"truth": truth_part, "cost": cost_part}[args.part]() if args.part != "training" else training_part(args.task)
    if args.part == "truth":
        print_summary(part)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}  # read late: the parts may run at once
    if args.part == "training" and args.task and "training" in results:  # keep the other task's runs
        kept = results["training"]
        part = {key: [r for r in kept[key] if r["task"] != args.task] + part[key] for key in ("runs", "table")}
    results[args.part] = part
    if args.part == "training":
        _plot(part["table"])
    results.setdefault("machine", {})[args.part] = {"python": platform.python_version(),
                                                    "seconds": round(time.perf_counter() - start, 1)}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1))
    print(f"\nwrote {RESULTS}")


if __name__ == "__main__":
    main()
