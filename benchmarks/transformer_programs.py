"""Benchmark: Transformer Programs on the paper's tasks, beside the paper's accuracies.

For each task: train (seeded), prune, decompile, check decompiled == discretised model on the whole
test set; print a table and write `benchmarks/results/transformer_programs.json` (one record per task,
merged with records already there, so tasks can be run separately):

    python benchmarks/transformer_programs.py                 # every task
    python benchmarks/transformer_programs.py sort dyck1      # some
    python benchmarks/transformer_programs.py --threads 2

The configurations are ours (chosen for CPU time; the paper searched layers x heads x MLPs x 5 seeds).
Running a task again with another `--seed` or `--predicate` keeps the run whose delivered program (after the
read-out refit, the local search and pruning) is best on validation (the paper's selection rule) and lists
the others under `other_runs`. `--fresh` discards the stored record first: for a task whose data changed,
whose old record's validation accuracy is on another split and must not decide.
The decompiled programs go to `benchmarks/results/decompiled_<task>.py`, the programs themselves (trained,
and pruned) to `benchmarks/results/programs/<task>/` (safetensors + JSON, a few hundred kB).
`--from-saved` starts again from those trained programs: prune, decompile and check again without training
(the stored training time and seed stay; the record says so).
Every record also has the program's accuracy per input length (per position for causal tasks) on the test
split and over the task's whole input space (`test_breakdown`, `exhaustive`); `--evaluate` recomputes them
from the stored programs without training. The tasks use the authors' data and metric
(`weightsmith.tasks.algorithmic`); the variants `most_freq_unscored`, `dyck1_varied`, `dyck2_varied` have no
paper number.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import torch

from weightsmith.learn.breakdown import breakdown
from weightsmith.learn.program import DiscreteProgram
from weightsmith.learn.train_task import finish_task, train_task
from weightsmith.tasks.algorithmic import all_inputs, content_length, make_task

RESULTS = Path(__file__).resolve().parent / "results"

ALL_ORDERS = ("closest", "first", "last")
PAPER_LINES = {"reverse": 713, "hist": 160, "double_hist": 423, "sort": 635, "most_freq": 666, "dyck1": 892,
               "dyck2": 733}  # the paper's pruned decompiled programs (Table 4)


@dataclass(frozen=True)
class Setting:
    """One task's configuration (ours, chosen for CPU time; the paper searched layers x heads x MLPs x 5 seeds)."""

    layers: int
    heads: int
    numerical: int
    mlps: int
    epochs: int
    predicate: str = "one_hot"
    orders: tuple = ("closest",)
    restarts: int = 1
    balance_lengths: bool = False
    defer_labels: tuple = ()  # labels gradient descent does not see; the refit and the search fit them
    values: int = 0  # variable cardinality (0: what tokens and counts need)
    count_where: bool = False
    scopes: tuple = ("all",)  # where a numerical head's matches may count, per predicate cell
    identity_bias: float = 0.0  # many-to-one predicates start near key == query
    read_last_layer: bool = False  # the classifier reads only the last layer while training
    recency_bias: float = 0.0  # gates start favouring the newest variables
    search_seconds: float = 0.0  # local search after training (single edits on training accuracy)
    time_budget: Optional[float] = None  # the search stops so that all the fitting takes at most this


CONFIGS = {
    "hist": Setting(1, 2, 1, 0, 20, "binary"),
    "induction": Setting(2, 4, 0, 0, 30),
    "sort": Setting(3, 8, 4, 4, 60, restarts=4, search_seconds=200, time_budget=590),
    "reverse": Setting(3, 8, 4, 2, 60, orders=ALL_ORDERS, restarts=2, balance_lengths=True, search_seconds=200,
                       time_budget=590),
    "double_hist": Setting(3, 4, 2, 2, 50, "binary"),
    "dyck1": Setting(3, 8, 4, 2, 40, "binary", search_seconds=200, time_budget=590),
    "dyck2": Setting(3, 8, 4, 4, 40, "mixed", orders=("closest", "first"), restarts=3, time_budget=590),
    "most_freq": Setting(3, 8, 4, 2, 100, "mixed", scopes=("all", "before"), identity_bias=2.0, read_last_layer=True,
                         recency_bias=1.5, restarts=2, search_seconds=200, time_budget=590, defer_labels=("BOS",)),
}
# Our variants (`weightsmith.tasks.algorithmic`): not the paper's protocol, never beside its numbers.
CONFIGS.update(most_freq_unscored=dataclasses.replace(CONFIGS["most_freq"], defer_labels=()), dyck1_varied=CONFIGS["dyck1"], dyck2_varied=CONFIGS["dyck2"])


def _record(run, threads: int) -> dict:
    """The JSON record of a run. Its `train_seconds` is all the fitting to training data: gradient
    descent (`gradient_seconds`), the classifier refit (`refit_seconds`) and the local search
    (`search_seconds`)."""
    record = run.to_json()
    record["paper_lines"] = PAPER_LINES.get(run.task)
    for key in ("test_accuracy", "test_accuracy_unpruned", "val_accuracy", "final_val_accuracy"):
        record[key] = round(100 * record[key], 2)
    for key in ("train_seconds", "train_cpu_seconds", "gradient_seconds", "refit_seconds", "search_seconds"):
        record[key] = round(record[key], 1)
    record["threads"] = threads
    record.pop("out_dir")
    record.pop("model_dir")  # a temporary folder, like out_dir
    return record


def _evaluate(task: str, program: DiscreteProgram, record: dict) -> None:
    """Adds to `record` the delivered program's accuracy per input length (per position for causal tasks)
    on the test split and over a whole input space (`all_inputs`), scored like the test accuracy."""
    data = make_task(task, seed=record["config"].get("data_seed", 0))
    record["protocol"] = data.protocol
    record["test_breakdown"] = breakdown(program, data.test.inputs, data.test.targets, causal=data.causal,
                                         content_length=content_length).to_json()
    space, split = all_inputs(task)
    record["exhaustive"] = {"space": space, **breakdown(program, split.inputs, split.targets, causal=data.causal,
                                                        content_length=content_length).to_json()}


def _summary(record: dict) -> dict:
    keys = ("seed", "config", "val_accuracy", "final_val_accuracy", "test_accuracy", "train_seconds", "train_cpu_seconds",
            "decompiled_lines")
    return {k: record.get(k) for k in keys}


def _selection(record: dict) -> float:
    """Validation accuracy of the program a run delivers (records before the refit and the local search
    existed have only the trained program's)."""
    return record.get("final_val_accuracy", record["val_accuracy"])


def _read(path: Path) -> dict:
    return {r["task"]: r for r in json.loads(path.read_text())} if path.exists() else {}


def _train(task: str, out_path: Path, args: argparse.Namespace) -> None:
    setting = CONFIGS[task]
    override = {k: v for k, v in {"layers": args.layers, "heads": args.heads, "numerical": args.numerical_heads,
                                  "mlps": args.mlps, "epochs": args.epochs, "predicate": args.predicate,
                                  "restarts": args.restarts}.items() if v is not None}
    setting = dataclasses.replace(setting, **override)
    with tempfile.TemporaryDirectory() as tmp:
        run = train_task(task, setting.layers, setting.heads, setting.mlps, setting.epochs, args.seed, tmp,
                         numerical_heads=setting.numerical, predicate=setting.predicate, orders=setting.orders,
                         restarts=setting.restarts, balance_lengths=setting.balance_lengths,
                         defer_labels=setting.defer_labels, values=setting.values,
                         count_where=setting.count_where, scopes=setting.scopes, identity_bias=setting.identity_bias,
                         read_last_layer=setting.read_last_layer, recency_bias=setting.recency_bias,
                         search_seconds=_search_seconds(setting, args), time_budget=setting.time_budget,
                         check_rasp=args.check_rasp, progress=False)
        record = _record(run, args.threads)
        _evaluate(task, run.program, record)
        records = _read(out_path)  # re-read: another run may have added tasks meanwhile
        old = None if args.fresh else records.get(task)
        # Several runs (seeds, predicate kinds): keep the best on validation (the paper's selection
        # rule) and list the others.
        keep_new = True
        if old is not None and (old["seed"], old["config"]) != (record["seed"], record["config"]):
            tried = old.pop("other_runs", []) + [_summary(old)]
            if _selection(old) >= _selection(record):
                keep_new = False
                record, old = old, record
                tried = [t for t in tried if (t["seed"], t.get("config")) != (record["seed"], record["config"])]
                tried.append(_summary(old))
            record["other_runs"] = tried
        if keep_new:
            shutil.copy(Path(tmp) / "program.py", RESULTS / f"decompiled_{task}.py")
            saved = RESULTS / "programs" / task
            shutil.rmtree(saved, ignore_errors=True)
            shutil.copytree(tmp, saved, ignore=shutil.ignore_patterns("program.py", "result.json", "model"))
    records[task] = record
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(list(records.values()), indent=1))


def _search_seconds(setting: Setting, args: argparse.Namespace) -> float:
    return setting.search_seconds if args.search_seconds is None else args.search_seconds


def _refinish(task: str, out_path: Path, args: argparse.Namespace) -> None:
    """`--from-saved`: finish the stored trained program again. With `--trained-of SOURCE`, the trained program
    is another task's whose gradient descent is this task's (most-freq with BOS deferred trains exactly as
    most_freq_unscored: the same strings, the same targets at the list positions, no BOS class), finished on
    this task's labels; the record says so (`trained_of`) and keeps this task's earlier runs under `other_runs`."""
    records = _read(out_path)
    source = args.trained_of or task
    old = records[source]
    search_seconds, time_budget = _search_seconds(CONFIGS[task], args), CONFIGS[task].time_budget
    keys = ("val_accuracy", "epochs_run", "best_epoch")
    training = {k: old[k] for k in keys}
    training["val_accuracy"] /= 100
    # the stored gradient descent's times (records before the refit was counted: train_seconds less the search)
    fitted_after = old.get("search_seconds", 0.0) + old.get("refit_seconds", 0.0)
    training["train_seconds"] = old["train_seconds"] - fitted_after
    training["train_cpu_seconds"] = old["train_cpu_seconds"] - fitted_after
    saved = RESULTS / "programs" / task
    trained = DiscreteProgram.load(RESULTS / "programs" / source / "trained").with_classes(make_task(task).labels)
    config = {**old["config"], "search_seconds": search_seconds, "time_budget": time_budget}
    if source != task:
        config.update(defer_labels=[str(label) for label in CONFIGS[task].defer_labels], trained_of=source)
        trained.save(saved / "trained")
    with tempfile.TemporaryDirectory() as tmp:
        run = finish_task(task, trained, seed=old["seed"], config=config,
                          training=training, out_dir=tmp, data_seed=old["config"].get("data_seed", 0),
                          check_rasp=args.check_rasp, search_seconds=search_seconds, time_budget=time_budget)
        shutil.copy(Path(tmp) / "program.py", RESULTS / f"decompiled_{task}.py")
        shutil.copy(Path(tmp) / "program.json", saved / "program.json")
        shutil.copy(Path(tmp) / "program.safetensors", saved / "program.safetensors")
    record = _record(run, old.get("threads", 1))
    _evaluate(task, run.program, record)
    record["val_accuracy"] = old["val_accuracy"]
    records = _read(out_path)  # re-read: another run may have added tasks meanwhile
    if source != task and task in records:
        earlier = records[task]
        record["other_runs"] = earlier.pop("other_runs", []) + [_summary(earlier)]
    elif "other_runs" in old:
        record["other_runs"] = old["other_runs"]
    records[task] = record
    out_path.write_text(json.dumps(list(records.values()), indent=1))


def _reevaluate(task: str, out_path: Path) -> None:
    records = _read(out_path)
    _evaluate(task, DiscreteProgram.load(RESULTS / "programs" / task), records[task])
    out_path.write_text(json.dumps(list(records.values()), indent=1))


def _worst(record: dict) -> str:
    """The weakest group of the exhaustive breakdown, e.g. "len 2: 96.0"."""
    groups = record.get("exhaustive", {}).get("groups")
    if not groups:
        return "-"
    key, group = min(groups.items(), key=lambda kv: kv[1]["accuracy"])
    return f"{'pos' if record['exhaustive']['by'] == 'position' else 'len'} {key}: {group['accuracy']:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tasks", nargs="*", default=list(CONFIGS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--predicate", choices=["one_hot", "binary", "mixed"], default=None, help="override the table's")
    for name in ("layers", "heads", "numerical-heads", "mlps", "epochs", "restarts"):
        parser.add_argument(f"--{name}", type=int, default=None, help="override the table's")
    parser.add_argument("--search-seconds", type=float, default=None,
                        help="override the table's local search budget after training (0: none)")
    parser.add_argument("--check-rasp", type=int, default=100, help="test examples to check the RASP program on")
    parser.add_argument("--fresh", action="store_true",
                        help="replace the stored record instead of keeping the better on validation (data changed)")
    parser.add_argument("--show", action="store_true", help="only print the table of stored results")
    parser.add_argument("--from-saved", action="store_true",
                        help="no training: prune, decompile and check the stored trained programs again")
    parser.add_argument("--trained-of", default=None,
                        help="with --from-saved: start from this task's stored trained program (see _refinish)")
    parser.add_argument("--evaluate", action="store_true",
                        help="no training: only score the stored programs per length and over whole input spaces")
    parser.add_argument("--output", default=str(RESULTS / "transformer_programs.json"))
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    out_path = Path(args.output)
    for task in [] if args.show else args.tasks:
        if args.evaluate:
            _reevaluate(task, out_path)
        elif args.from_saved:
            _refinish(task, out_path, args)
        else:
            _train(task, out_path, args)
    records = _read(out_path)
    print(f"\n{'task':<18} {'test acc':>9} {'paper':>7} {'all inputs':>10} {'weakest':>16} {'train s':>8} {'lines':>6} "
          f"{'paper':>6}  py==model  "
          "compiled==model  compiled (layers/d_model/params)  config")
    for r in records.values():
        c, size = r["config"], r.get("compiled_size") or {}
        compiled = f"{size.get('layers', '-')}/{size.get('d_model', '-')}/{size.get('parameters', '-')}"
        paper = "-" if r["paper_accuracy"] is None else f"{r['paper_accuracy']:.2f}"
        exhaustive = r.get("exhaustive", {}).get("accuracy")
        print(f"{r['task']:<18} {r['test_accuracy']:>9.2f} {paper:>7} {'-' if exhaustive is None else exhaustive:>10} "
              f"{_worst(r):>16} {r['train_seconds']:>8.1f} "
              f"{r['decompiled_lines']:>6} {PAPER_LINES.get(r['task'], '-'):>6}  {str(r['decompiled_equals_model']):<9}  "
              f"{str(r.get('compiled_equals_model')):<15}  {compiled:<32}  "
              f"L{c['layers']} H{c['categorical_heads']}+{c['numerical_heads']} M{c['mlps']} {c['predicate']} "
              f"orders {'/'.join(c.get('orders', ['closest']))} restarts {c.get('restarts', 1)} seed {r['seed']}"
              + (" count-where" if c.get("count_where") else "") + (f" values {c['values']}" if "values" in c else "")
              + (f" scopes {'/'.join(c['scopes'])}" if c.get("scopes", ["all"]) != ["all"] else "")
              + (f" identity {c['identity_bias']:g}" if c.get("identity_bias") else "")
              + (" read-last-layer" if c.get("read_last_layer") else "")
              + (f" recency {c['recency_bias']:g}" if c.get("recency_bias") else "")
              + (f" search {c['search_seconds']:g} s" if c.get("search_seconds") else "")
              + (f" budget {c['time_budget']:g} s" if c.get("time_budget") else ""))


if __name__ == "__main__":
    main()
