"""Attention over weights against a dense MLP and a mixture of experts, on tasks chosen by a task token.

    python benchmarks/weight_attention.py [--steps 600] [--seeds 3] [--arms sets_random,sets_compiled,...] [--jobs 4]

Data (generated here): strings of 2-6 tokens over 0-4 after a task token; the labels at the data
positions are the task's answer: reverse, sort, hist (how often the token occurs) or most_freq (the most
frequent token, ties to the smaller, at every position). All four tasks share the inputs, so only the task
token says which function to compute. Metric: whole-sequence accuracy per task on 2,000 held-out strings.
Arms (same layers and width; the MLPs hold about the same number of parameters): dense (one MLP K times
wider), moe (K experts, every position routed by a soft gate), weight_attention soft and hard (K weight sets,
each sequence mixes them by attention of its mean residual over K learned keys). Routing is reported for
the weight-attention arms: entropy per task and which weight set each task's sequences pick most.
The `sets_*` arms are one other architecture (`learn.weight_sets`: no layer norm, heads and MLP both K weight
sets, one router per layer), the shape compiled models fit: sets_random starts from random weights,
sets_compiled from the four tasks' compiled models (`learn.compiled_init`; weight set k = task k's compiled
layer) with random routers, sets_compiled_routed also with the routers hard-coded to read the task token,
sets_compiled_frozen with random routers and the compiled weights frozen (weight sets and the embeddings'
compiled columns; routers, read-out and room dimensions train). Before training, the compiled
initialisation is checked exact on every input of the data (lengths 2-6) with the routing forced one-hot to
the task's set. Curves are evaluated at steps 0, 10, 25, 50, 100, 150, 200, 300, ... CPU seconds count training
only, per process (`--jobs N` runs N (arm, seed) runs in parallel processes); the earlier arms' stored runs
(1,200 steps, evaluated every 200) counted their evaluations too.
Writes benchmarks/results/weight_attention.json (runs of arms not rerun are kept) and prints a table.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.learn.compiled_init import from_compiled
from weightsmith.learn.weight_attention import MultiTaskTransformer, Setup
from weightsmith.learn.weight_sets import SwitchableTransformer
from weightsmith.library import make_hist, make_mode, make_reverse, make_sort

TASKS = ("reverse", "sort", "hist", "most_freq")
V, MAX_N = 5, 6
TASK_TOKEN = {t: V + i for i, t in enumerate(TASKS)}
PAD = V + len(TASKS)
N_LABELS = 7
RESULTS = Path(__file__).resolve().parent / "results" / "weight_attention.json"
EARLIER = ("dense", "moe", "weight_attention", "weight_attention_hard")
SETS = ("sets_random", "sets_compiled", "sets_compiled_routed", "sets_compiled_frozen")
TARGETS = (0.95, 0.99)
ROOM = 16  # free residual dimensions (and MLP units) beside the compiled models' (`from_compiled`'s default)


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


def compiled_models() -> list:
    """The four tasks compiled from RASP over the data's vocabulary and lengths, without dimension reuse (a
    model's output dimensions must hold nothing else, so that a block that does not run reads zero there)."""
    programs = [make_reverse(rasp.tokens), make_sort(rasp.tokens, rasp.tokens, max_seq_len=100, min_key=1),
                make_hist(), make_mode()]
    return [compile_program(p, vocab=list(range(V)), max_seq_len=MAX_N, reuse=False) for p in programs]


def predictions(model, ids, route=None) -> torch.Tensor:
    with torch.no_grad():
        return torch.cat([model(ids[i:i + 2000]) if route is None else model(ids[i:i + 2000], route[i:i + 2000])
                          for i in range(0, len(ids), 2000)]).argmax(-1)


def accuracy(model, ids, labels, tasks, route=None) -> dict[str, float]:
    right = ((predictions(model, ids, route) == labels) | (labels == -100)).all(-1)
    return {t: float(right[tasks == i].float().mean()) for i, t in enumerate(TASKS)}


def every_input() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Every string of the data's domain (lengths 2-6) under every task token."""
    strings = [list(xs) for n in range(2, MAX_N + 1) for xs in itertools.product(range(V), repeat=n)]
    ids = torch.full((len(TASKS) * len(strings), MAX_N + 1), PAD)
    labels = torch.full_like(ids, -100)
    tasks = torch.arange(len(TASKS)).repeat_interleave(len(strings))
    for b, (task, xs) in enumerate(itertools.product(range(len(TASKS)), strings)):
        ids[b, 0], ids[b, 1:len(xs) + 1] = TASK_TOKEN[TASKS[task]], torch.tensor(xs)
        labels[b, 1:len(xs) + 1] = torch.tensor(answer(TASKS[task], xs))
    return ids, labels, tasks


def forced(tasks: torch.Tensor) -> torch.Tensor:
    """Routing one-hot on each sequence's own task's weight set."""
    return F.one_hot(tasks, len(TASKS)).float()


def routing_report(model, ids, tasks) -> list[dict]:
    with torch.no_grad():
        model(ids)
    out = []
    for layer, weights in enumerate(model.routing()):
        entropy = -(weights * torch.log(weights + 1e-12)).sum(-1)
        chosen = weights.argmax(-1)
        out.append({"layer": layer,
                    "entropy": {t: float(entropy[tasks == i].mean()) for i, t in enumerate(TASKS)},
                    "chosen": {t: Counter(chosen[tasks == i].tolist()).most_common() for i, t in enumerate(TASKS)},
                    "confusion": {t: torch.bincount(chosen[tasks == i], minlength=weights.shape[1]).tolist()
                                  for i, t in enumerate(TASKS)},
                    "follows_task": float((chosen == tasks).float().mean())})
    return out


def mlp_flops_per_token(setup: Setup, T: int) -> float:
    """Multiply-adds of one MLP layer per token (analytic)."""
    d, h, k = setup.d, setup.hidden, setup.k
    if setup.kind == "dense":
        return 2 * d * h * k
    if setup.kind == "moe":
        return 2 * d * h * k + d * k
    return 2 * d * h + (2 * d * h * k) / T + d * d / T  # one mixed MLP; mixing once per sequence


EVAL_STEPS = (0, 10, 25, 50, 100, 150, 200, 300, 400, 600, 800, 1000, 1200, 1500, 2000)


def fit(model, seed: int, steps: int, train, test) -> list[dict]:
    """Adam 3e-3, batch 128; the accuracy curve at EVAL_STEPS (and the last step), CPU seconds of training."""
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    ids, labels, _ = train
    order = torch.Generator().manual_seed(seed)
    model.eval()
    curve, cpu = [{"step": 0, "cpu_seconds": 0.0, "accuracy": accuracy(model, *test)}], 0.0
    for step in range(1, steps + 1):
        start = time.process_time()
        batch = torch.randint(len(ids), (128,), generator=order)
        logits = model(ids[batch])
        loss = F.cross_entropy(logits.flatten(0, 1), labels[batch].flatten(), ignore_index=-100)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        cpu += time.process_time() - start
        if step in EVAL_STEPS or step == steps:
            curve.append({"step": step, "cpu_seconds": round(cpu, 2), "accuracy": accuracy(model, *test)})
    return curve


def run(kind: str, seed: int, steps: int, train, test) -> dict:
    """One arm, one seed: build (the earlier kinds from `Setup`, the sets_* ones from the compiled models'
    layout), train, and report the curve, sizes, routing, and for sets_* the distance from initialisation
    and the accuracy with the routing forced to each task's own set at the start and the end."""
    torch.manual_seed(seed)
    if kind in EARLIER:
        hard = kind.endswith("_hard")
        setup = Setup(vocab=PAD + 1, n_labels=N_LABELS, max_len=MAX_N + 1, kind=kind.removesuffix("_hard"), hard=hard)
        model = MultiTaskTransformer(setup)
        mlp_flops = mlp_flops_per_token(setup, MAX_N + 1)
    else:
        model = from_compiled(compiled_models(), list(range(V)), list(range(N_LABELS)), room=ROOM,
                              route_by_task=kind == "sets_compiled_routed", seed=seed)
        if kind == "sets_random":  # the same random draws, none overwritten
            torch.manual_seed(seed)
            model = SwitchableTransformer(model.setup)
        if kind == "sets_compiled_frozen":
            freeze_compiled(model, room=ROOM)
        s = model.setup
        mlp_flops = 2 * s.k * s.d * s.hidden  # as implemented: every set on every token, outputs mixed
        init = [p.detach().clone() for p in model.weight_sets()]
        forced_start = accuracy(model, *test, route=forced(test[2]))
    curve = fit(model, seed, steps, train, test)
    model.eval()
    result = {"kind": kind, "seed": seed, "curve": curve, "final": curve[-1]["accuracy"],
              "parameters": sum(p.numel() for p in model.parameters()), "mlp_flops_per_token": mlp_flops,
              "routing": routing_report(model, test[0], test[2]) if kind != "dense" and kind != "moe" else None}
    if kind in SETS:
        moved = sum(float((p.detach() - p0).pow(2).sum()) for p, p0 in zip(model.weight_sets(), init))
        result |= {"distance_from_init": (moved / sum(float(p0.pow(2).sum()) for p0 in init)) ** 0.5,
                   "forced_routing": {"start": forced_start, "end": accuracy(model, *test, route=forced(test[2]))}}
    return result


def freeze_compiled(model: SwitchableTransformer, room: int) -> None:
    """No gradient to the weight sets, nor to the embeddings' columns other than the last `room` (the free
    dimensions), so what trains is the routers, the read-out and the room."""
    for p in model.weight_sets():
        p.requires_grad_(False)
    keep = torch.zeros(model.setup.d)
    keep[-room:] = 1.0
    for embedding in (model.embed, model.pos):
        embedding.weight.register_hook(lambda grad: grad * keep)


def reached(curve: list[dict], target: float) -> dict | None:
    """The first evaluation at which every task's accuracy is at least `target`."""
    return next(({"step": c["step"], "cpu_seconds": c["cpu_seconds"]} for c in curve
                 if min(c["accuracy"].values()) >= target), None)


def check_compiled_init() -> dict:
    """Before training: the compiled initialisation on every input of the data, routing forced one-hot to the
    task's set (must be 1.0 everywhere)."""
    every = every_input()
    return {"inputs": len(every[0]),
            "forced": accuracy(from_compiled(compiled_models(), list(range(V)), list(range(N_LABELS)), room=ROOM), *every,
                               route=forced(every[2]))}


def summarise(runs: list[dict]) -> dict:
    summary = {}
    for kind in dict.fromkeys(r["kind"] for r in runs):
        mine = [r for r in runs if r["kind"] == kind]
        summary[kind] = {"accuracy": {t: float(np.mean([r["final"][t] for r in mine])) for t in TASKS},
                         "cpu_seconds": float(np.mean([r["curve"][-1]["cpu_seconds"] for r in mine])),
                         "parameters": mine[0]["parameters"], "mlp_flops_per_token": mine[0]["mlp_flops_per_token"],
                         "seeds": len(mine)}
        if "distance_from_init" in mine[0]:
            summary[kind]["start"] = {t: float(np.mean([r["curve"][0]["accuracy"][t] for r in mine])) for t in TASKS}
            summary[kind]["distance_from_init"] = float(np.mean([r["distance_from_init"] for r in mine]))
            summary[kind]["forced_routing_end"] = {
                t: float(np.mean([r["forced_routing"]["end"][t] for r in mine])) for t in TASKS}
            summary[kind]["follows_task"] = [float(np.mean([r["routing"][layer]["follows_task"] for r in mine]))
                                             for layer in range(len(mine[0]["routing"]))]
            summary[kind]["to_target"] = {str(target): [reached(r["curve"], target) for r in mine] for target in TARGETS}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=600)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--arms", default=",".join(SETS), help=f"comma-separated, of {', '.join(EARLIER + SETS)}")
    args = parser.parse_args()
    arms = args.arms.split(",")
    unknown = [a for a in arms if a not in EARLIER + SETS]
    if unknown:
        parser.error(f"unknown arm(s) {unknown}; choose from {', '.join(EARLIER + SETS)}")
    torch.set_num_threads(1)
    train, test = make(20_000, 0), make(2_000, 1)
    previous = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    runs = [r for r in previous.get("runs", []) if r["kind"] not in arms]
    jobs = [(kind, seed, args.steps, train, test) for kind in arms for seed in range(args.seeds)]
    with ProcessPoolExecutor(args.jobs, initializer=torch.set_num_threads, initargs=(1,)) as pool:
        checking = pool.submit(check_compiled_init) if any(a in SETS for a in arms) else None
        runs += list(pool.map(run, *zip(*jobs)))
        check = checking.result() if checking else previous.get("compiled_init_check")
    if check:
        print(f"compiled initialisation on all {check['inputs']:,} inputs: routing forced to the task's set "
              + ", ".join(f"{t} {a:.4f}" for t, a in check["forced"].items()))
    summary = summarise(runs)
    print(f"{'arm':24} {'params':>8} {'MLP flops/token':>16} " + " ".join(f"{t:>10}" for t in TASKS) + f" {'CPU s':>7}")
    for kind, row in summary.items():
        print(f"{kind:24} {row['parameters']:>8,} {row['mlp_flops_per_token']:>16,.0f} "
              + " ".join(f"{row['accuracy'][t]:>10.3f}" for t in TASKS) + f" {row['cpu_seconds']:>7.1f}")
    for kind, row in summary.items():
        if "to_target" in row:
            print(f"{kind}: step 0 " + ", ".join(f"{t} {a:.3f}" for t, a in row["start"].items())
                  + f"; distance from init {row['distance_from_init']:.3f}; routing = task in layers "
                  + ", ".join(f"{f:.2f}" for f in row["follows_task"]) + "; to target "
                  + "; ".join(f"{target}: " + ", ".join("never" if r is None else f"{r['step']} ({r['cpu_seconds']} s)"
                                                        for r in hits) for target, hits in row["to_target"].items()))
    for r in runs:
        if r["routing"] and r["kind"] in arms:
            for layer in r["routing"]:
                print(f"{r['kind']} seed {r['seed']} layer {layer['layer']}: most-chosen weight set per task "
                      + ", ".join(f"{t} {layer['chosen'][t][0][0]} ({layer['chosen'][t][0][1]})" for t in TASKS)
                      + "; entropy " + ", ".join(f"{t} {layer['entropy'][t]:.2f}" for t in TASKS))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    steps = {r["kind"]: r["curve"][-1]["step"] for r in runs}  # per arm: a call reruns its arms and keeps the others
    RESULTS.write_text(json.dumps({"protocol": __doc__.split("\n\n")[1], "steps": steps, "seeds": args.seeds,
                                   "compiled_init_check": check, "summary": summary, "runs": runs}, indent=1) + "\n")
    print(f"wrote {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}")


if __name__ == "__main__":
    main()
