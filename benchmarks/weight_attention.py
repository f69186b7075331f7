"""Attention over weights against a dense MLP and a mixture of experts, on tasks chosen by a task token.

    python benchmarks/weight_attention.py [--steps 1500] [--seeds 3]

Data (generated here): strings of 2-6 tokens over 0-4 after a task token; the labels at the data
positions are the task's answer: reverse, sort, hist (how often the token occurs) or most_freq (the most
frequent token, ties to the smaller, at every position). All four tasks share the inputs, so only the task
token says which function to compute. Metric: whole-sequence accuracy per task on 2,000 held-out strings.
Arms (same layers and width; the MLPs hold about the same number of parameters): dense (one MLP K times
wider), moe (K experts, every position routed by a soft gate), weight_attention soft and hard (K weight sets,
each sequence mixes them by attention of its mean residual over K learned keys). Routing is reported for
the weight-attention arms: entropy per task and which weight set each task's sequences pick most.
Writes benchmarks/results/weight_attention.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from weightsmith.learn.weight_attention import MultiTaskTransformer, Setup

TASKS = ("reverse", "sort", "hist", "most_freq")
V, MAX_N = 5, 6
TASK_TOKEN = {t: V + i for i, t in enumerate(TASKS)}
PAD = V + len(TASKS)
N_LABELS = 7
RESULTS = Path(__file__).resolve().parent / "results" / "weight_attention.json"


def answer(task: str, xs: list[int]) -> list[int]:
    counts = Counter(xs)
    if task == "reverse":
        return xs[::-1]
    if task == "sort":
        return sorted(xs)
    if task == "hist":
        return [counts[x] for x in xs]
    top = max(sorted(counts), key=lambda x: counts[x])
    return [top] * len(xs)


def make(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    rng = random.Random(seed)
    ids = torch.full((n, MAX_N + 1), PAD)
    labels = torch.full((n, MAX_N + 1), -100)
    tasks = torch.zeros(n, dtype=torch.long)
    for b in range(n):
        task = rng.randrange(len(TASKS))
        xs = [rng.randrange(V) for _ in range(rng.randint(2, MAX_N))]
        ids[b, 0], ids[b, 1 : len(xs) + 1] = TASK_TOKEN[TASKS[task]], torch.tensor(xs)
        labels[b, 1 : len(xs) + 1] = torch.tensor(answer(TASKS[task], xs))
        tasks[b] = task
    return ids, labels, tasks


def accuracy(model, ids, labels, tasks) -> dict[str, float]:
    with torch.no_grad():
        pred = model(ids).argmax(-1)
    right = ((pred == labels) | (labels == -100)).all(-1)
    return {t: float(right[tasks == i].float().mean()) for i, t in enumerate(TASKS)}


def routing_report(model, ids, tasks) -> list[dict]:
    with torch.no_grad():
        model(ids)
    out = []
    for layer, weights in enumerate(model.routing()):
        entropy = -(weights * torch.log(weights + 1e-12)).sum(-1)
        chosen = weights.argmax(-1)
        out.append({"layer": layer,
                    "entropy": {t: float(entropy[tasks == i].mean()) for i, t in enumerate(TASKS)},
                    "chosen": {t: Counter(chosen[tasks == i].tolist()).most_common() for i, t in enumerate(TASKS)}})
    return out


def mlp_flops_per_token(setup: Setup, T: int) -> float:
    """Multiply-adds of one MLP layer per token (analytic)."""
    d, h, k = setup.d, setup.hidden, setup.k
    if setup.kind == "dense":
        return 2 * d * h * k
    if setup.kind == "moe":
        return 2 * d * h * k + d * k
    return 2 * d * h + (2 * d * h * k) / T + d * d / T  # one mixed MLP; mixing once per sequence


def run(kind: str, hard: bool, seed: int, steps: int, train, test) -> dict:
    torch.manual_seed(seed)
    setup = Setup(vocab=PAD + 1, n_labels=N_LABELS, max_len=MAX_N + 1, kind=kind, hard=hard)
    model = MultiTaskTransformer(setup)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    ids, labels, _ = train
    order = torch.Generator().manual_seed(seed)
    curve, start = [], time.process_time()
    for step in range(1, steps + 1):
        batch = torch.randint(len(ids), (128,), generator=order)
        logits = model(ids[batch])
        loss = F.cross_entropy(logits.flatten(0, 1), labels[batch].flatten(), ignore_index=-100)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % max(1, steps // 6) == 0 or step == steps:
            model.eval()
            curve.append({"step": step, "cpu_seconds": round(time.process_time() - start, 2),
                          "accuracy": accuracy(model, *test)})
            model.train()
    model.eval()
    mlp_params = sum(p.numel() for m in model.mlps for p in m.parameters())
    return {"kind": kind + ("_hard" if hard else ""), "seed": seed, "curve": curve, "final": curve[-1]["accuracy"],
            "parameters": sum(p.numel() for p in model.parameters()), "mlp_parameters": mlp_params,
            "mlp_flops_per_token": mlp_flops_per_token(setup, MAX_N + 1),
            "routing": routing_report(model, test[0], test[2]) if kind == "weight_attention" else None}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(1)
    train, test = make(20_000, 0), make(2_000, 1)
    arms = [("dense", False), ("moe", False), ("weight_attention", False), ("weight_attention", True)]
    runs = [run(kind, hard, seed, args.steps, train, test) for kind, hard in arms for seed in range(args.seeds)]
    print(f"{'arm':24} {'params':>8} {'MLP flops/token':>16} " + " ".join(f"{t:>10}" for t in TASKS) + f" {'CPU s':>7}")
    summary = {}
    for kind in dict.fromkeys(r["kind"] for r in runs):
        mine = [r for r in runs if r["kind"] == kind]
        mean = {t: float(np.mean([r["final"][t] for r in mine])) for t in TASKS}
        cpu = float(np.mean([r["curve"][-1]["cpu_seconds"] for r in mine]))
        summary[kind] = {"accuracy": mean, "cpu_seconds": cpu, "parameters": mine[0]["parameters"],
                         "mlp_flops_per_token": mine[0]["mlp_flops_per_token"]}
        print(f"{kind:24} {mine[0]['parameters']:>8,} {mine[0]['mlp_flops_per_token']:>16,.0f} "
              + " ".join(f"{mean[t]:>10.3f}" for t in TASKS) + f" {cpu:>7.1f}")
    for r in runs:
        if r["routing"]:
            for layer in r["routing"]:
                print(f"{r['kind']} seed {r['seed']} layer {layer['layer']}: most-chosen weight set per task "
                      + ", ".join(f"{t} {layer['chosen'][t][0][0]} ({layer['chosen'][t][0][1]})" for t in TASKS)
                      + "; entropy " + ", ".join(f"{t} {layer['entropy'][t]:.2f}" for t in TASKS))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"protocol": __doc__.split("\n\n")[1], "steps": args.steps, "seeds": args.seeds,
                                   "summary": summary, "runs": runs}, indent=1) + "\n")
    print(f"wrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")


if __name__ == "__main__":
    main()
