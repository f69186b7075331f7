"""Where hard-coding plus gradient descent pays (issue 21 §2): sketches against Transformer Programs.

    python benchmarks/sketch.py algorithmic [--train 1000] [--restarts 3]
    python benchmarks/sketch.py init [--seeds 3]
    python benchmarks/sketch.py init-model [--seeds 3]
    python benchmarks/sketch.py translation [--arms sketch,gpt2,tp] [--sizes 100,300,1000,3000]
    python benchmarks/sketch.py table        # init-model's tables again, from sketch.json
    python benchmarks/sketch.py plot

`algorithmic` (case 2): the sketches of `weightsmith.library.sketches` (the library program's structure,
the task's tables and predicates as holes) are fitted (`weightsmith.learn.sketch.fit`) on the first
`--train` strings of the authors' training split of each task (`weightsmith.tasks.algorithmic`, the
data and metric of benchmarks/transformer_programs.py: token accuracy over the labelled positions; the
sketches run on the content tokens, BOS and EOS being unlabelled), and the filled program is scored on
the whole test split. Beside it, the Transformer Program trained from scratch on the full training split,
as recorded in benchmarks/results/transformer_programs.json (cited, not rerun). Sizes: the sketch's
source lines and learned cells against the TP's decompiled lines; both compiled models' parameters. The
filled program is compiled and checked equal to the interpreter on every test example.

`translation` (case 1): the translator's grammar with its word tables as holes, against GPT-2 and a
Transformer Program trained on the same pairs; the protocol is in benchmarks/sketch_translation.py.

`init` (case 3): a Transformer Program started from a program of a related task (`weightsmith.learn.warm_start`)
against random initialisation, same configuration, data, settings and seeds; see docs/sketches.md.

`init-model` (case 3, the ordinary transformer): `weightsmith.model.Transformer` with a linear read-out
(`weightsmith.learn.compiled_start`), started from the compiled weights of a related task's program
(exact, and with its attention scores divided by the largest factor that still predicts as the program
on 2,000 training strings) against the same shape started at random; Adam, cross-entropy on the target's
labels, its whole training split, seeds 0..n-1; validation accuracy after each epoch, test at the end.

CPU seconds are this process's (`time.process_time`), one torch thread, on a shared 2-core machine.
Results merge into benchmarks/results/sketch.json (one key per case).
"""

from __future__ import annotations

import argparse
import inspect
import json
import tempfile
import time
from pathlib import Path

import torch

from weightsmith.compiler import compile_rasp_to_model
from weightsmith.learn.sketch import accuracy, evaluate_or_none, fit
from weightsmith.library import sketches
from weightsmith.rasp.holes import holes
from weightsmith.tasks.algorithmic import make_task

RESULTS = Path(__file__).resolve().parent / "results"
OUT = RESULTS / "sketch.json"

# name: (task, build, content vocabulary, longest content, what the holes are)
SKETCHES = {
    "sort": ("sort", sketches.make_sort_sketch, sketches.SORT_TOKENS, 6,
             "less, same (token pairs), place (rank x position); tie-break by position hand-written"),
    "most_freq": ("most_freq", sketches.make_most_freq_sketch, sketches.MOST_FREQ_TOKENS, 7,
                  "same, first, key, ahead, tie, place, shown: every table and predicate"),
    "most_freq_tables": ("most_freq", lambda: sketches.make_most_freq_sketch(learn_sorting=False),
                         sketches.MOST_FREQ_TOKENS, 7,
                         "same, first, key, shown; the sorting machinery (key >, key ==, rank == position) hand-written"),
    "dyck2": ("dyck2", sketches.make_dyck2_sketch, sketches.DYCK2_TOKENS, 15,
              "opener, kind (token tables), below (rank pairs), breaks, label (tables)"),
}


def content(split) -> list[tuple[list, list]]:
    """(content tokens, their labels): BOS (and sort's EOS) dropped, their labels are None (unscored)."""
    out = []
    for xs, ys in zip(split.inputs, split.targets):
        end = -1 if xs[-1] == "EOS" else len(xs)
        assert ys[0] is None and (end == len(xs) or ys[-1] is None)
        out.append((list(xs[1:end]), list(ys[1:end])))
    return out


def tp_record(task: str) -> dict:
    for record in json.loads((RESULTS / "transformer_programs.json").read_text()):
        if record["task"] == task:
            return {"test_accuracy": record["test_accuracy"], "train_cpu_seconds": record["train_cpu_seconds"],
                    "train_examples": len(make_task(task).train), "decompiled_lines": record["decompiled_lines"],
                    "compiled_parameters": record["compiled_size"]["parameters"], "seed": record["seed"]}
    raise KeyError(task)


def parameters(model) -> int:
    return sum(p.numel() for p in model.model.parameters())


def run_algorithmic(names: list[str], n_train: int, restarts: int, epochs: int, search_seconds: float) -> list[dict]:
    """Fit each sketch, score it on the test split, compile it; each row is saved as soon as it is done."""
    rows = []
    for name in names:
        task_name, build, vocab, max_len, what = SKETCHES[name]
        task = make_task(task_name)
        train, test = content(task.train)[:n_train], content(task.test)
        sketch = build()
        start = time.process_time()
        result = fit(sketch, train, vocab, max_len, epochs=epochs, restarts=restarts, search_seconds=search_seconds)
        fit_cpu = time.process_time() - start
        test_tokens, test_strings = accuracy(result.program, test)
        model = compile_rasp_to_model(result.program, set(vocab), max_len)
        # the filled program may select several values in a categorical Aggregate on some inputs, which the
        # interpreter refuses: the model is compared with it on the inputs it runs, the others are counted
        inputs = [x for x, _ in test]
        compiled = [o[1:] for o in model.apply_batch([["BOS", *x] for x in inputs])]
        expected = [evaluate_or_none(result.program, x) for x in inputs]
        refused = sum(e is None for e in expected)
        exact = all(c == e for c, e in zip(compiled, expected) if e is not None)
        best = max(r["accuracy"] for r in result.history)
        reached = next(r for r in result.history if r["accuracy"] == best)
        row = {
            "sketch": name, "task": task_name, "holes": what, "train_examples": len(train),
            "test_examples": len(test), "restarts": restarts, "epochs_max": epochs,
            "test_accuracy": round(100 * test_tokens, 2), "test_sequence_accuracy": round(100 * test_strings, 2),
            "train_accuracy": round(100 * result.train_accuracy, 2), "fit_cpu_seconds": round(fit_cpu, 1),
            "gradient_cpu_seconds": round(result.gradient_seconds, 1), "search_cpu_seconds": round(result.search_seconds, 1),
            "search_edits": result.search_edits, "epochs_run": result.epochs,
            "descent_best_train_accuracy": round(100 * best, 2),
            "descent_cpu_seconds_to_best": round(reached["cpu_seconds"], 1),
            "runs": sorted({r["seed"] for r in result.history}),
            "sketch_lines": len(inspect.getsource(getattr(sketches, f"make_{task_name}_sketch")).splitlines()),
            "learned_cells": sum(len(t) for t in result.fillings.values()),
            "hole_count": len(holes(sketch)),
            "compiled_layers": len(model.config.layers), "compiled_d_model": model.config.d_model,
            "compiled_parameters": parameters(model), "compiled_equals_program": exact,
            "test_inputs_the_interpreter_refuses": refused,
            "transformer_program": tp_record(task_name), "fillings": _json_fillings(result.fillings),
        }
        rows.append(row)
        print(_line(row), flush=True)
        save("algorithmic", [row], "sketch", list(SKETCHES))
    return rows


# case 3: (source program folder, source task, target task, copy the classifier (the classes mean the same),
# the target configuration: the source program's with these changes)
PAIRS = {
    "dyck1_to_dyck2": ("dyck1", "dyck1", "dyck2", True, {}),
    "hist_to_most_freq": ("hist", "hist", "most_freq", False, {"layers": 3, "cat_heads": 2, "count_heads": 2, "mlps": 2}),
    "sort_to_sort_freq": ("sort", "sort", "sort_freq", True, {}),
}


def run_init(pair: str, seeds: int, n_train: int, n_val: int, epochs: int, margin: float, tau_start: float) -> dict:
    """Warm start from the source task's stored program against random initialisation, same configuration
    (the source program's shape, the target's vocabulary), same data, same settings, seeds 0..seeds-1."""
    import dataclasses

    from weightsmith.learn.program import DiscreteProgram
    from weightsmith.learn.train import Encoded, TrainSettings, train
    from weightsmith.learn.warm_start import warm_start

    folder, source_task, target_task, classifier, changes = PAIRS[pair]
    program = DiscreteProgram.load(RESULTS / "programs" / folder / "trained")
    task = make_task(target_task)
    config = dataclasses.replace(program.config, vocab=tuple(task.vocab), classes=tuple(task.labels), **changes)
    data = Encoded.of(config, task.train.inputs[:n_train], task.train.targets[:n_train])
    val = Encoded.of(config, task.val.inputs[:n_val], task.val.targets[:n_val])
    test = Encoded.of(config, task.test.inputs, task.test.targets)
    runs = []
    for arm in ("warm", "random"):
        for seed in range(seeds):
            curve: list[dict] = []
            start = time.process_time()
            settings = TrainSettings(
                epochs=epochs, seed=seed, tau_start=tau_start,
                on_epoch=lambda r: curve.append({"epoch": r["epoch"] + 1, "val_accuracy": round(100 * r["val_acc"], 2),
                                                 "cpu_seconds": round(time.process_time() - start, 1)}),
                initialise=(lambda m: warm_start(m, program, margin, classifier)) if arm == "warm" else None)
            result = train(config, data, val, settings)
            row = {"arm": arm, "seed": seed, "val_accuracy": round(100 * result.val_accuracy, 2),
                   "test_accuracy": round(100 * test.accuracy(result.program), 2), "best_epoch": result.best_epoch + 1,
                   "cpu_seconds": round(result.cpu_seconds, 1), "curve": curve}
            if arm == "warm":  # where it starts: the loaded program itself, on the target
                row["start_val_accuracy"] = round(100 * val.accuracy(_loaded(config, program, margin, classifier)), 2)
            runs.append(row)
            print(f"{pair} {arm:<6} seed {seed}: val {row['val_accuracy']:6.2f}  test {row['test_accuracy']:6.2f}  "
                  f"{row['cpu_seconds']:6.1f} CPU s  curve {[c['val_accuracy'] for c in curve]}", flush=True)
    return {"pair": pair, "source": source_task, "target": target_task, "source_program": f"benchmarks/results/programs/{folder}/trained",
            "config": config.to_json(), "train_examples": n_train, "val_examples": n_val, "test_examples": len(task.test),
            "epochs": epochs, "tau_start": tau_start, "margin": margin, "classifier_copied": classifier, "runs": runs,
            "summary": _init_summary(runs)}


def _loaded(config, program, margin: float, classifier: bool):
    from weightsmith.learn.model import TransformerProgramModel
    from weightsmith.learn.warm_start import warm_start

    model = TransformerProgramModel(config, seed=0)
    warm_start(model, program, margin, classifier)
    return model.discretise()


def _init_summary(runs: list[dict]) -> dict:
    """Per arm: mean final val/test, and epochs / CPU s to reach targets (the random arm's mean final
    validation accuracy, and fixed levels); None where a run never reached it."""
    random_final = sum(r["val_accuracy"] for r in runs if r["arm"] == "random") / max(1, sum(r["arm"] == "random" for r in runs))
    out = {}
    for arm in ("warm", "random"):
        mine = [r for r in runs if r["arm"] == arm]
        reach = {}
        for level in sorted({90.0, 95.0, round(random_final, 2)}):
            hits = [next((c for c in r["curve"] if c["val_accuracy"] >= level), None) for r in mine]
            reach[str(level)] = {"epochs": [h and h["epoch"] for h in hits], "cpu_seconds": [h and h["cpu_seconds"] for h in hits]}
        out[arm] = {"val_accuracy_mean": round(sum(r["val_accuracy"] for r in mine) / len(mine), 2),
                    "test_accuracy_mean": round(sum(r["test_accuracy"] for r in mine) / len(mine), 2),
                    "cpu_seconds_mean": round(sum(r["cpu_seconds"] for r in mine) / len(mine), 1), "reach": reach}
    return out


def make_sort_with_eos():
    """Tracr's sort of the tokens (`lib.make_sort`, keys = the tokens) for the sort task's inputs, which end
    in EOS: EOS gets the largest key, so it stays last and the content is sorted before it."""
    from weightsmith import rasp
    from weightsmith.library.sorting import make_sort

    key = rasp.Map(lambda t: 5 if t == "EOS" else t, rasp.tokens).named("sort_key")
    return make_sort(rasp.tokens, key, max_seq_len=7, min_key=1).named("sort")


def _library(module: str, name: str):
    import importlib

    return getattr(importlib.import_module(f"weightsmith.library.{module}"), name)


# case 3, the ordinary transformer: (source program, its vocabulary and longest input (the target's), target
# task, free layers before / after the compiled ones (where the target's extra work goes: most-freq sorts
# after counting, Dyck-2 checks partners after Dyck-1's depth, sort-by-frequency counts before sorting),
# epochs (Dyck-2's 16 positions and the compiled 320-unit MLPs make its epochs ~5x dearer), whether the read-out
# is copied (the source's output values are the target's classes: sorted tokens, T/P/F; hist's counts are not
# most-freq's tokens, so its read-out starts at zero))
MODEL_PAIRS = {
    "hist_to_most_freq": (lambda: _library("counting", "make_hist")(), list(range(6)), 7, "most_freq", 0, 2, 10, False),
    "sort_to_sort_freq": (make_sort_with_eos, [0, 1, 2, 3, 4, "EOS"], 7, "sort_freq", 1, 0, 10, True),
    "dyck1_to_dyck2": (lambda: _library("dyck", "make_dyck1")(), list("(){}"), 15, "dyck2", 0, 1, 4, True),
}
MODEL_SHAPE = {"heads": 2, "d_head": 8, "d_mlp": 64}  # at least; wider where the compiled model is
SOFTEN_FACTORS = (1, 2, 4, 8, 16, 32, 64, 128)


def run_init_model(pair: str, seeds: int, lr: float, batch: int, epochs: int | None = None) -> dict:
    """The compiled source (exact, and softened) against random initialisation: same shape, optimiser, data, seeds."""
    from weightsmith.learn.compiled_start import (IGNORE, Data, Settings, compiled_start, ordinary_config,
                                                  program_outputs, random_start, softest_exact, train)

    build, vocab, max_len, target, before, after, pair_epochs, readout = MODEL_PAIRS[pair]
    epochs = epochs or pair_epochs
    program = build()
    compiled = compile_rasp_to_model(program, set(vocab), max_len).model
    task = make_task(target)
    room = -(-(compiled.config.d_model + 16) // 16) * 16 - compiled.config.d_model  # d_model: a multiple of 16
    config = ordinary_config(compiled.config, free_before=before, free_after=after, room=room, **MODEL_SHAPE)

    def warm(seed: int, soften: float = 1.0):
        return compiled_start(compiled, config, task.labels, free_before=before, seed=seed, soften=soften,
                              readout=readout)

    probe = warm(0)
    data = Data.of(probe, task.train.inputs, task.train.targets)
    val = Data.of(probe, task.val.inputs, task.val.targets)
    test = Data.of(probe, task.test.inputs, task.test.targets)
    # the warm start is the program: its decoded output at every content position of the validation strings
    expected = compiled.run_batch(task.val.inputs)
    values = compiled.config.output_values
    got = program_outputs(probe, compiled.config, val.ids).tolist()
    start_exact = all(values[j] == e for row, out, xs in zip(got, expected, task.val.inputs)
                      for j, e in list(zip(row, out))[1:len(xs)])
    n_check = min(2000, len(data.ids))
    factor = softest_exact(lambda f: warm(0, f), compiled.config, data.ids[:n_check],
                           data.targets[:n_check] != IGNORE, SOFTEN_FACTORS)
    arms = {"random": lambda seed: random_start(config, task.labels, seed), "compiled": warm,
            f"compiled, scores / {factor:g}": lambda seed: warm(seed, factor)}
    slots = [(before + k, h) for k, layer in enumerate(compiled.config.layers) for h in range(len(layer.heads))]
    runs, start_stats = [], {}
    for arm, make in arms.items():
        start_stats[arm] = _start_statistics(make(0), data, slots)
        for seed in range(seeds):
            model = make(seed)
            torch.manual_seed(seed)
            curve: list[dict] = []
            start_val = val.accuracy(model)
            begin = time.process_time()
            train(model, data, val, Settings(epochs=epochs, batch=batch, lr=lr, seed=seed),
                  on_epoch=lambda epoch, acc: curve.append({"epoch": epoch, "val_accuracy": round(100 * acc, 2),
                                                            "cpu_seconds": round(time.process_time() - begin, 1)}))
            cpu = time.process_time() - begin
            row = {"arm": arm, "seed": seed, "start_val_accuracy": round(100 * start_val, 2),
                   "val_accuracy": curve[-1]["val_accuracy"], "test_accuracy": round(100 * test.accuracy(model), 2),
                   "cpu_seconds": round(cpu, 1), "curve": curve}
            runs.append(row)
            print(f"{pair} {arm:<20} seed {seed}: start {row['start_val_accuracy']:6.2f}  val {row['val_accuracy']:6.2f}  "
                  f"test {row['test_accuracy']:6.2f}  {row['cpu_seconds']:6.1f} CPU s  "
                  f"curve {[c['val_accuracy'] for c in curve]}", flush=True)
    layers = config.layers
    return {"pair": pair, "source_program": program.label, "target": target, "compiled_d_model": compiled.config.d_model,
            "compiled_layers": len(compiled.config.layers),
            "shape": {"layers": len(layers), "heads": len(layers[0].heads), "d_head": layers[0].heads[0].d_qk,
                      "d_mlp": layers[0].d_mlp, "d_model": config.d_model, "free_layers_before": before,
                      "free_layers_after": after, "causal": config.causal,
                      "parameters": sum(p.numel() for p in probe.parameters())},
            "train_examples": len(data.ids), "val_examples": len(val.ids), "test_examples": len(test.ids),
            "epochs": epochs, "lr": lr, "batch": batch, "optimiser": "Adam", "readout_copied": readout,
            "start_equals_program_on_val": start_exact, "soften_factor": factor,
            "soften_factors_tried": list(SOFTEN_FACTORS), "start_statistics": start_stats, "runs": runs,
            "summary": _model_summary(runs, list(arms))}


def _start_statistics(model, data, slots: list[tuple[int, int]], n: int = 256) -> dict:
    """Before training, on the first n training strings, at the compiled heads' slots (the same slots in the
    random arm): how saturated the softmax is. `dead_weight_share`: the share of (query, key) pairs (unmasked,
    labelled queries) whose attention weight is below 1e-4 — the gradient reaching their score is scaled by
    that weight, so a key the program does not select cannot start to be selected; `jacobian_norm`: the mean
    Frobenius norm of a query's softmax Jacobian diag(p) - p p^T (0 for a one-hot pattern)."""
    from weightsmith.learn.compiled_start import IGNORE

    ids, targets = data.ids[:n], data.targets[:n]
    body = model.body
    with torch.no_grad():
        _, residuals = body(ids, return_residuals=True)
        masked = (ids == body.config.tokens().index(body.config.pad))[:, None, :]
        if body.config.causal:
            masked = masked | torch.ones(ids.shape[1], ids.shape[1], dtype=torch.bool).triu(1)
        masked = masked.expand(-1, ids.shape[1], -1)
        real = targets != IGNORE
        dead, jacobian = [], []
        for layer, h in slots:
            head, x = body.layers[layer].heads[h], residuals[2 * layer]
            scores = ((x @ head.W_Q) @ (x @ head.W_K).transpose(-1, -2)).masked_fill(masked, float("-inf"))
            p = torch.softmax(scores, -1)
            live = ~masked & real[:, :, None]
            dead.append(float(((p < 1e-4) & live).sum() / live.sum()))
            norms = (torch.diag_embed(p) - p[..., :, None] * p[..., None, :]).flatten(-2).norm(dim=-1)
            jacobian.append(float(norms[real].mean()))
    return {"dead_weight_share": [round(v, 4) for v in dead], "jacobian_norm": [round(v, 4) for v in jacobian]}


def _model_summary(runs: list[dict], arms: list[str]) -> dict:
    """Per arm: mean final val/test and CPU s; epochs and CPU s to reach fixed levels and the random arm's
    mean final validation accuracy (None where a run never reached it)."""
    random_final = round(sum(r["val_accuracy"] for r in runs if r["arm"] == "random")
                         / max(1, sum(r["arm"] == "random" for r in runs)), 2)
    out = {"random_final_val_mean": random_final}
    for arm in arms:
        mine = [r for r in runs if r["arm"] == arm]
        reach = {}
        for level in (90.0, 95.0, 99.0, random_final):
            hits = [next((c for c in r["curve"] if c["val_accuracy"] >= level), None) for r in mine]
            reach[str(level)] = {"epochs": [h and h["epoch"] for h in hits], "cpu_seconds": [h and h["cpu_seconds"] for h in hits]}
        out[arm] = {"val_accuracy_mean": round(sum(r["val_accuracy"] for r in mine) / len(mine), 2),
                    "test_accuracy_mean": round(sum(r["test_accuracy"] for r in mine) / len(mine), 2),
                    "start_val_accuracy_mean": round(sum(r["start_val_accuracy"] for r in mine) / len(mine), 2),
                    "cpu_seconds_mean": round(sum(r["cpu_seconds"] for r in mine) / len(mine), 1), "reach": reach}
    return out


def model_table(result: dict) -> str:
    """One pair of `init-model` as a markdown table: per arm, the start, the final (and best) validation accuracy
    per seed, mean test accuracy (after the last epoch) and CPU s, and per seed the epochs to 90%, 95% and the
    random arm's mean final accuracy."""
    summary = result["summary"]
    target = summary["random_final_val_mean"]
    lines = [f"{result['pair']} (shape {result['shape']}, {result['epochs']} epochs, soften factor {result['soften_factor']:g})",
             f"| arm | start val. | final val. per seed (best) | mean test | mean CPU s | epochs to 90% | to 95% | "
             f"to {target}% (random's mean) |", "|---|---|---|---|---|---|---|---|"]
    for arm in (a for a in summary if a != "random_final_val_mean"):
        mine = summary[arm]
        seeds = " / ".join(f"{r['val_accuracy']:.2f} ({max(c['val_accuracy'] for c in r['curve']):.2f})"
                           for r in result["runs"] if r["arm"] == arm)
        reach = [" / ".join("never" if e is None else str(e) for e in mine["reach"][str(level)]["epochs"])
                 for level in (90.0, 95.0, target)]
        lines.append(f"| {arm} | {mine['start_val_accuracy_mean']:.2f} | {seeds} | {mine['test_accuracy_mean']:.2f} | "
                     f"{mine['cpu_seconds_mean']:.1f} | {' | '.join(reach)} |")
    return "\n".join(lines)


def plot() -> list[Path]:
    """docs/img/sketch_algorithmic.png (CPU seconds and test accuracy, sketch against TP) and
    docs/img/sketch_init.png (validation accuracy against CPU seconds, each start against random: Transformer
    Programs on the first row, the ordinary transformer on the second) and docs/img/sketch_translation.png
    (held-out exact match against training pairs, per arm)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from plots import _save  # benchmarks/plots.py (this script's folder is on sys.path)

    data = json.loads(OUT.read_text())
    paths = []
    rows = data.get("algorithmic", [])
    if rows:
        fig, ax = plt.subplots(figsize=(7, 3.2))
        for i, row in enumerate(rows):
            tp = row["transformer_program"]
            for dx, cpu, acc, colour in ((-0.2, row["fit_cpu_seconds"], row["test_accuracy"], "tab:green"),
                                         (0.2, tp["train_cpu_seconds"], tp["test_accuracy"], "tab:grey")):
                ax.bar(i + dx, cpu, width=0.38, color=colour)
                ax.text(i + dx, cpu * 1.1, f"{acc:.2f}%", ha="center", fontsize=7)
        ax.set_yscale("log")
        ax.set_ylim(1, 5000)
        ax.set_xticks(range(len(rows)), [r["sketch"] for r in rows], fontsize=8)
        ax.set_ylabel("CPU seconds to fit")
        ax.bar(0, 0, color="tab:green", label="sketch (1,000 strings)")
        ax.bar(0, 0, color="tab:grey", label="Transformer Program from scratch")
        ax.legend(fontsize=7, loc="upper left")
        ax.set_title("Sketches vs Transformer Programs (labels: test accuracy)", fontsize=9)
        paths.append(_save(fig, "sketch_algorithmic.png"))
    translation = data.get("translation")
    if translation:
        paths.append(_plot_translation(plt, translation["summary"]))
    rows = [(pair, "Transformer Program") for pair in data.get("init", [])]
    rows += [(pair, "ordinary transformer") for pair in data.get("init_model", [])]
    if rows:
        width = max(len(data.get("init", [])), len(data.get("init_model", [])))
        fig, axes = plt.subplots(2, width, figsize=(4 * width, 6.4), squeeze=False)
        used = set()
        for k, kind in enumerate(("Transformer Program", "ordinary transformer")):
            for ax, (pair, _) in zip(axes[k], [r for r in rows if r[1] == kind]):
                used.add(id(ax))
                for run in pair["runs"]:  # random orange, an exact start blue, a softened one green
                    colour = {"random": "tab:orange", "warm": "tab:blue", "compiled": "tab:blue"}.get(run["arm"], "tab:green")
                    xs, ys = [c["cpu_seconds"] for c in run["curve"]], [c["val_accuracy"] for c in run["curve"]]
                    if "start_val_accuracy" in run:  # the point before training
                        xs, ys = [0.0, *xs], [run["start_val_accuracy"], *ys]
                    ax.plot(xs, ys, marker="o", ms=2, color=colour, label=f"{run['arm']} start" if run["seed"] == 0 else None)
                ax.set_xlabel("CPU seconds")
                ax.set_ylabel("validation accuracy (%)")
                source = pair.get("source", pair.get("source_program"))
                ax.set_title(f"{kind}: {source} -> {pair['target']}", fontsize=8)
                ax.legend(fontsize=6)
        for ax in axes.flat:
            if id(ax) not in used:
                ax.axis("off")
        paths.append(_save(fig, "sketch_init.png"))
    return paths


def _plot_translation(plt, summary: list[dict]) -> Path:
    """docs/img/sketch_translation.png: held-out sentence exact match against training pairs, per arm
    (the mean over seeds, bars from the worst to the best seed)."""
    fig, ax = plt.subplots(figsize=(6, 3.4))
    names = {"sketch": ("sketch (grammar + learned lexicon)", "tab:green"), "gpt2": ("GPT-2 (2 layers, width 128)", "tab:blue"),
             "transformer_program": ("Transformer Program from scratch", "tab:grey")}
    for arm, (label, colour) in names.items():
        rows = [r for r in summary if r["arm"] == arm]
        if not rows:
            continue
        x = [r["train_pairs"] for r in rows]
        y = [r["exact_match_mean"] for r in rows]
        spread = [[m - r["exact_match_min"] for m, r in zip(y, rows)], [r["exact_match_max"] - m for m, r in zip(y, rows)]]
        ax.errorbar(x, y, yerr=spread, marker="o", ms=4, capsize=3, color=colour, label=label)
    ax.axhline(95, color="black", lw=0.6, ls=":")
    ax.set_xscale("log")
    ax.set_ylim(-3, 103)
    ax.set_xlabel("training pairs")
    ax.set_ylabel("held-out sentences exactly right (%)")
    ax.set_title("English->French: new sentences of the learned words", fontsize=9)
    ax.legend(fontsize=7, loc="center right")
    from plots import _save  # benchmarks/plots.py (this script's folder is on sys.path)

    return _save(fig, "sketch_translation.png")


def _json_fillings(fillings: dict[str, dict]) -> dict[str, list]:
    return {label: [[*map(_plain, key), _plain(value)] for key, value in table.items()] for label, table in fillings.items()}


def _plain(v):
    return v if isinstance(v, (bool, int, float, str)) or v is None else repr(v)


def _line(row: dict) -> str:
    tp = row["transformer_program"]
    return (f"{row['sketch']:<17} test {row['test_accuracy']:6.2f}%  fit {row['fit_cpu_seconds']:6.1f} CPU s "
            f"({row['train_examples']} strings)  | TP {tp['test_accuracy']:6.2f}% {tp['train_cpu_seconds']:6.1f} CPU s "
            f"({tp['train_examples']} strings)  | lines {row['sketch_lines']} + {row['learned_cells']} cells vs "
            f"{tp['decompiled_lines']}  | params {row['compiled_parameters']} vs {tp['compiled_parameters']}  "
            f"| compiled == program: {row['compiled_equals_program']}")


def save(key: str, rows: list[dict], name: str, order: list[str]) -> None:
    """Merge `rows` into the case's list in sketch.json, by their `name` field, read when written (so
    that cases and pairs run by separate processes keep each other's rows)."""
    data = json.loads(OUT.read_text()) if OUT.exists() else {}
    kept = {r[name]: r for r in data.get(key, [])}
    kept.update({r[name]: r for r in rows})
    data[key] = [kept[n] for n in order if n in kept] + [r for n, r in kept.items() if n not in order]
    OUT.write_text(json.dumps(data, indent=1) + "\n")


def run_translation(args) -> None:
    """Each run is merged into sketch.json's "translation" key as soon as it ends (by arm, size and seed),
    so arms and sizes can be run by separate processes within their budgets."""
    import sketch_translation as case

    sizes = [int(n) for n in args.sizes.split(",")]
    data = case.make_data([100, *sizes], args.test, args.val)
    for arm in args.arms.split(","):
        for n in sizes if arm != "tp" else sizes[:1]:  # a Transformer Program is attempted at the smallest only
            for seed in range(args.seeds_translation if n in args.seeded_sizes else 1):
                if arm == "sketch":
                    row = case.run_sketch(data, n, seed, args.epochs, args.sketch_lr, args.search_seconds)
                elif arm == "gpt2":
                    row = case.run_gpt2(data, n, seed, args.gpt2_steps, args.gpt2_budget, args.gpt2_layers,
                                        args.gpt2_heads, args.gpt2_width, args.gpt2_lr, 32, args.gpt2_eval_every)
                else:
                    row = case.run_transformer_program(data, n, seed, args.tp_epochs, args.tp_budget, 2, 2, 1, 1)
                print(case.line(row), flush=True)
                _save_translation(row, data, case)


def _save_translation(row: dict, data, case) -> None:
    import fcntl

    with open(Path(tempfile.gettempdir()) / "weightsmith-sketch-json.lock", "w") as lock:  # processes merge in turn
        fcntl.flock(lock, fcntl.LOCK_EX)
        _merge_translation(row, data, case)


def _merge_translation(row: dict, data, case) -> None:
    stored = json.loads(OUT.read_text()) if OUT.exists() else {}
    entry = stored.get("translation", {})
    key = (row["arm"], row["train_pairs"], row["seed"])
    rows = [r for r in entry.get("rows", []) if (r["arm"], r["train_pairs"], r["seed"]) != key] + [row]
    rows.sort(key=lambda r: (r["arm"], r["train_pairs"], r["seed"]))
    stored["translation"] = {
        "protocol": {"pool_seed": data.pool_seed, "train_pairs_max": len(data.train), "test_sentences": len(data.test),
                     "val_sentences": len(data.val), "held_out": "unseen sentences whose English words all occur "
                     "in the first 100 training pairs (so in every training set)", "metric": "sentence exact match (%)"},
        "rows": rows, "summary": case.summary(rows)}
    OUT.write_text(json.dumps(stored, indent=1) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", choices=["algorithmic", "init", "init-model", "translation", "table", "plot"])
    parser.add_argument("--sketches", default=",".join(SKETCHES))
    parser.add_argument("--train", type=int, default=1000)
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--search-seconds", type=float, default=60.0)
    parser.add_argument("--pairs", default=",".join(PAIRS))
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--init-train", type=int, default=2000)
    parser.add_argument("--init-val", type=int, default=500)
    parser.add_argument("--init-epochs", type=int, default=8)
    parser.add_argument("--margin", type=float, default=8.0)
    parser.add_argument("--tau-start", type=float, default=1.0)
    parser.add_argument("--model-pairs", default=",".join(MODEL_PAIRS))
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--model-epochs", type=int, default=None, help="epochs (default: the pair's)")
    parser.add_argument("--arms", default="sketch,gpt2,tp")
    parser.add_argument("--sizes", default="100,300,1000,3000")
    parser.add_argument("--seeds-translation", type=int, default=2)
    parser.add_argument("--seeded-sizes", default="100,300,1000", help="sizes run with every seed (others: seed 0)")
    parser.add_argument("--test", type=int, default=500)
    parser.add_argument("--val", type=int, default=100)
    parser.add_argument("--sketch-lr", type=float, default=3.0)
    parser.add_argument("--gpt2-steps", type=int, default=2500)
    parser.add_argument("--gpt2-budget", type=float, default=220.0)
    parser.add_argument("--gpt2-layers", type=int, default=2)
    parser.add_argument("--gpt2-heads", type=int, default=4)
    parser.add_argument("--gpt2-width", type=int, default=128)
    parser.add_argument("--gpt2-lr", type=float, default=1e-3)
    parser.add_argument("--gpt2-eval-every", type=int, default=250)
    parser.add_argument("--tp-epochs", type=int, default=5)
    parser.add_argument("--tp-budget", type=float, default=60.0)
    args = parser.parse_args()
    args.seeded_sizes = {int(n) for n in args.seeded_sizes.split(",")}
    torch.set_num_threads(1)
    if args.case == "algorithmic":
        run_algorithmic(args.sketches.split(","), args.train, args.restarts, args.epochs, args.search_seconds)
    elif args.case == "translation":
        run_translation(args)
    elif args.case == "plot":
        for path in plot():
            print(path)
    elif args.case == "table":  # the init-model tables from sketch.json, without rerunning
        for result in json.loads(OUT.read_text()).get("init_model", []):
            print(model_table(result) + "\n")
    elif args.case == "init":
        for pair in args.pairs.split(","):
            result = run_init(pair, args.seeds, args.init_train, args.init_val, args.init_epochs, args.margin,
                              args.tau_start)
            print(json.dumps(result["summary"]), flush=True)
            save("init", [result], "pair", list(PAIRS))
    elif args.case == "init-model":
        for pair in args.model_pairs.split(","):
            result = run_init_model(pair, args.seeds, args.lr, args.batch, args.model_epochs)
            print(model_table(result), flush=True)
            save("init_model", [result], "pair", list(MODEL_PAIRS))


if __name__ == "__main__":
    main()
