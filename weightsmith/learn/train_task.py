"""`train_task`: one call from a task name to a trained, pruned, decompiled program on disk (the CLI's
`weightsmith learn TASK ... -o out/`).

Writes into `out_dir`: `program.safetensors` + `program.json` (the pruned discrete program; no pickle),
`program.py` (the standalone decompiled module), `result.json` (accuracies, timings, history),
`trained/` (the discretised program before pruning, from which `finish_task` can start again) and `model/`, the
compiled transformer as every model folder (safetensors + JSON), so `weightsmith run`, `verify`, `switch` and `pipe`
take the learned program as they take a compiled one. The decompiled module and the compiled model are checked
against the program on every test example; `model/` is written only when the model equals it there.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Optional

from weightsmith import rasp
from weightsmith.compiler import CompileError
from weightsmith.learn.local_search import local_search
from weightsmith.learn.program import DiscreteProgram, ProgramConfig
from weightsmith.learn.prune import prune
from weightsmith.learn.readout import refit_readout
from weightsmith.learn.to_python import decompile_to_python, load_module, python_source
from weightsmith.learn.to_rasp import decompile_to_rasp
from weightsmith.learn.to_transformer import compile_program, predict
from weightsmith.learn.train import Encoded, TrainSettings, check_settings, train
from weightsmith.model import Transformer, save
from weightsmith.model.files import CONFIG_FILE
from weightsmith.tasks.algorithmic import make_task

# With a time budget, gradient descent may use all of it but this share, kept for the read-out refit (3-30 s of
# CPU on the benchmark tasks); the search gets what the two leave.
REFIT_RESERVE = 0.05
MODEL_DIR = "model"  # under `out_dir`: the compiled model's folder
CHECK_SIZE = 20  # examples made by `train_task(check_only=True)`: the task's vocabulary and labels, at no cost


@dataclass
class TaskResult:
    task: str
    seed: int
    config: dict
    val_accuracy: float  # of the trained program, when training selected it
    final_val_accuracy: float  # of the program decompiled (after the refit, the search and pruning)
    test_accuracy: float  # of the pruned discrete program: the one decompiled
    test_accuracy_unpruned: float
    paper_accuracy: Optional[float]  # None: a variant of ours, not the paper's task
    protocol: str  # the data distribution and the metric (`AlgorithmicTask.protocol`)
    train_seconds: float  # all fitting to the training data: gradient descent, the classifier refit, the search
    train_cpu_seconds: float  # the same in this process's CPU time
    gradient_seconds: float
    refit_seconds: float
    search_seconds: float
    epochs_run: int
    best_epoch: int
    decompiled_lines: int
    decompiled_lines_unpruned: int
    decompiled_equals_model: bool
    rasp_equals_model: Optional[bool]  # on the first `check_rasp` test examples (None: not checked)
    compiled_equals_model: Optional[bool]  # the compiled transformer, on every test example (None: not checked)
    compiled_size: dict  # layers, d_model, parameters of the compiled transformer (or the compile error)
    readout: dict  # the classifier refit (`readout.ReadoutReport`); empty when not refit
    search: dict  # the local search after training (`local_search.SearchReport`); empty when not searched
    prune: dict
    out_dir: Optional[str]
    model_dir: Optional[str] = None  # the compiled model's folder (None: not written: not compiled, or not equal)
    program: DiscreteProgram = field(repr=False, default=None)

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "program"}


def _write_model(folder: Path, model: Optional[Transformer], source: str) -> Optional[str]:
    """Save the compiled model (its source: the decompiled Python it equals) into `folder`; with no model (not
    compiled, or not equal to the program), remove the model an earlier run left there, which is not this
    program's. Returns the folder written, or None."""
    if model is None:
        if (folder / CONFIG_FILE).is_file():
            shutil.rmtree(folder)
        return None
    return str(save(model, folder, program_source=source))


def _check_fit_time(owner: str, search_seconds: float, time_budget: Optional[float]) -> None:
    """A negative or NaN search time meant no search, a NaN budget no budget, a budget <= 0 one epoch: all
    without a word."""
    check_settings(owner, {}, {} if time_budget is None else {"time_budget": time_budget},
                   spreads={"search_seconds": search_seconds})


def train_task(
    task: str,
    layers: int,
    heads: int,
    mlps: int,
    epochs: int,
    seed: int = 0,
    out_dir: Optional[str | Path] = None,
    *,
    gate_std: float = 0.5,
    identity_bias: float = 0.0,
    read_last_layer: bool = False,
    recency_bias: float = 0.0,
    tau_start: float = 3.0,
    numerical_heads: Optional[int] = None,
    predicate: str = "one_hot",
    orders: tuple = ("closest",),
    values: int = 0,
    count_where: bool = False,
    scopes: tuple = ("all",),
    restarts: int = 1,
    balance_lengths: bool = False,
    defer_labels: tuple = (),
    search_seconds: float = 0.0,
    time_budget: Optional[float] = None,
    batch_size: int = 128,
    lr: float = 0.05,
    attention_tau: Optional[float] = None,
    data_seed: int = 0,
    data_size: Optional[int] = None,
    prune_program: bool = True,
    check_rasp: int = 0,
    progress: bool = False,
    on_epoch: Optional[Callable[[dict], None]] = None,
    check_only: bool = False,
) -> Optional[TaskResult]:
    """Trains `heads` heads per layer (`numerical_heads` of them counting, default half) and `mlps` MLPs.

    Prints and returns the discretised program's accuracy; with `out_dir`, writes the program and its
    decompiled Python there. With `time_budget`, the whole fit (gradient descent, refit, search) takes at
    most about that many seconds of this process's CPU time (on a machine shared with other jobs, wall time
    would leave the search whatever the others left): gradient descent stops before an epoch that would run
    into the refit's reserve (`REFIT_RESERVE`), keeping the best program found so far, and the local search
    stops early enough for the refit after its last sweep.

    `defer_labels`: labels gradient descent does not see — the positions carrying them are left out of its
    loss and of its per-epoch validation, and their classes out of its classifier; the read-out refit and
    the search then fit every label (a curriculum: most-freq's list first, the end of the list after; see
    docs/transformer-programs.md). The test accuracy is always on every labelled position.

    `check_only`: check the arguments as a run would (on a few examples of the task) and return None: a sweep
    checks every grid point so, before Ray starts (a bad one failed inside its trial, as a traceback).
    """
    _check_fit_time("train_task", search_seconds, time_budget)
    # every setting is checked before the data is made (a NaN bias used to fail in torch after it)
    settings = TrainSettings(epochs=epochs, batch_size=batch_size, lr=lr, seed=seed, progress=progress,
                             attention_tau=attention_tau, gate_std=gate_std, identity_bias=identity_bias,
                             read_last_layer=read_last_layer, recency_bias=recency_bias,
                             tau_start=tau_start, restarts=restarts, balance_lengths=balance_lengths, on_epoch=on_epoch,
                             cpu_budget=None if time_budget is None else time_budget * (1 - REFIT_RESERVE))
    n_num = heads // 2 if numerical_heads is None else numerical_heads
    if not 0 <= n_num <= heads:
        raise ValueError(f"numerical_heads must be between 0 and heads={heads}, got {n_num}")
    counting = [name for name, used in (("count_where", count_where), ("scopes", tuple(scopes) != ("all",))) if used]
    if counting and n_num == 0:  # they shape counting heads only: with none they were ignored without a word
        raise ValueError(f"{' and '.join(counting)}: there are no numerical (counting) heads for it ({heads} head(s), "
                         f"{n_num} numerical); use more heads")
    data = make_task(task, seed=data_seed, size=CHECK_SIZE if check_only else data_size)
    config = ProgramConfig(data.vocab, data.labels, data.max_len, layers, heads - n_num, n_num, mlps, data.causal, predicate,
                           tuple(orders), values, count_where, tuple(scopes))
    descent_config, descent_targets = _deferred(config, defer_labels)
    if check_only:
        return None
    splits = [Encoded.of(descent_config, s.inputs, descent_targets(s.targets)) for s in (data.train, data.val)]
    result = train(descent_config, splits[0], splits[1], settings)
    result.program = result.program.with_classes(config.classes)
    if out_dir is not None:
        result.program.save(Path(out_dir) / "trained")  # before pruning: `finish_task` can start again from it
    return finish_task(
        task, result.program, seed=result.seed, out_dir=out_dir, data_seed=data_seed, data_size=data_size,
        prune_program=prune_program, check_rasp=check_rasp, search_seconds=search_seconds, time_budget=time_budget,
        config={"layers": layers, "categorical_heads": config.cat_heads, "numerical_heads": config.count_heads,
                "mlps": mlps, "predicate": predicate, "orders": list(orders), "values": config.n_values,
                "count_where": count_where, "scopes": list(scopes), "epochs": epochs, "restarts": restarts,
                "balance_lengths": balance_lengths, "defer_labels": [str(label) for label in defer_labels],
                "search_seconds": search_seconds, "time_budget": time_budget,
                "batch_size": batch_size, "lr": lr, "attention_tau": attention_tau, "gate_std": gate_std,
                "identity_bias": identity_bias, "read_last_layer": read_last_layer, "recency_bias": recency_bias,
                "tau_start": tau_start, "causal": data.causal, "data_seed": data_seed},
        training={"val_accuracy": result.val_accuracy, "train_seconds": result.seconds,
                  "train_cpu_seconds": result.cpu_seconds, "epochs_run": result.epochs_run,
                  "best_epoch": result.best_epoch},
        history=result.history,
    )


def _deferred(config: ProgramConfig, defer_labels: tuple) -> tuple[ProgramConfig, Callable[[list], list]]:
    """The configuration gradient descent trains (without the deferred classes) and the map from a split's
    targets to the targets it sees (deferred labels: None, unscored). Labels match by value or by their
    text (the CLI passes text: "BOS")."""
    named = {str(c): c for c in config.classes}
    unknown = [label for label in defer_labels if label not in config.classes and str(label) not in named]
    if unknown:
        raise ValueError(f"defer_labels: {unknown!r} are not labels of this task ({', '.join(named)})")
    deferred = {named[str(label)] for label in defer_labels}
    if not deferred:
        return config, lambda targets: targets
    kept = replace(config, classes=tuple(c for c in config.classes if c not in deferred))
    return kept, lambda targets: [[None if y in deferred else y for y in ys] for ys in targets]


def finish_task(
    task: str,
    trained: DiscreteProgram,
    *,
    seed: int,
    config: dict,
    training: dict,
    out_dir: Optional[str | Path] = None,
    data_seed: int = 0,
    data_size: Optional[int] = None,
    refit: bool = True,
    search_seconds: float = 0.0,
    time_budget: Optional[float] = None,
    prune_program: bool = True,
    check_rasp: int = 0,
    check_compiled: bool = True,
    history: Optional[list] = None,
) -> TaskResult:
    """Everything after training, from the trained (discretised, unpruned) program: refit the classifier
    (`readout.refit_readout`), search for better single edits for up to `search_seconds`
    (`local_search.local_search`; 0: none; less if `time_budget`, this process's CPU seconds for all the
    fitting including `training["train_cpu_seconds"]`, would be exceeded), prune, score on test, decompile, check the decompiled Python and the
    compiled transformer on every test example (and the RASP program, interpreted, on the first
    `check_rasp`).

    Separate from training so that a saved program can be decompiled again (`benchmarks/transformer_programs.py
    --from-saved`) without training again."""
    _check_fit_time("finish_task", search_seconds, time_budget)
    data = make_task(task, seed=data_seed, size=data_size)
    splits = [Encoded.of(trained.config, s.inputs, s.targets) for s in (data.train, data.val, data.test)]
    program, report, readout, search = trained, None, None, None
    balance_lengths = config.get("balance_lengths", False)
    cpu_start = time.process_time()
    if refit:
        program, readout = refit_readout(program, *splits[:2], balance_lengths=balance_lengths)
    refit_seconds, refit_cpu = (readout.seconds if readout else 0.0), time.process_time() - cpu_start
    clock, reserve = time.perf_counter, refit_seconds
    if time_budget is not None:  # CPU seconds of this process: a shared machine's load does not starve the search
        search_seconds = min(search_seconds, time_budget - training["train_cpu_seconds"] - refit_cpu)
        clock, reserve = time.process_time, refit_cpu
    if search_seconds > 0:
        program, search = local_search(program, *splits[:2], seconds=search_seconds, balance_lengths=balance_lengths,
                                       reserve=reserve, clock=clock)
    searched = search.seconds if search else 0.0
    searched_cpu = search.cpu_seconds if search else 0.0
    if prune_program:
        program, report = prune(program, splits[:2])
    test_acc = splits[2].accuracy(program)

    source = python_source(program, task)
    if out_dir is not None:
        out = Path(out_dir)
        program.save(out)
        module_path = decompile_to_python(program, out / "program.py", task)
    else:
        module_path = Path(f"/tmp/weightsmith_{task}_{seed}_{time.time_ns()}.py")
        module_path.write_text(source)
    module = load_module(module_path)
    expected = program.predict(data.test.inputs)
    equal = [module.run(x) for x in data.test.inputs] == expected
    if out_dir is None:
        module_path.unlink()
    rasp_equal = None
    if check_rasp:
        inputs = data.test.inputs[:check_rasp]
        rasp_equal = rasp.evaluate_batch(decompile_to_rasp(program), inputs) == expected[:check_rasp]
    compiled_equal, size = None, {}
    if check_compiled:
        try:
            compiled = compile_program(program)
        except CompileError as err:  # recorded, not raised: the training run and the Python decompilation stand
            size = {"error": str(err)}
        else:
            compiled_equal = predict(compiled, data.test.inputs) == expected
            model_config = compiled.config
            size = {"layers": len(model_config.layers), "d_model": model_config.d_model,
                    "parameters": sum(p.numel() for p in compiled.model.parameters())}
    model_dir = None
    if out_dir is not None:
        model_dir = _write_model(Path(out_dir) / MODEL_DIR, compiled.model if compiled_equal else None, source)

    run = TaskResult(
        task=task, seed=seed, config=config, val_accuracy=training["val_accuracy"],
        final_val_accuracy=splits[1].accuracy(program), test_accuracy=test_acc,
        test_accuracy_unpruned=splits[2].accuracy(trained),
        paper_accuracy=data.paper.accuracy if data.paper else None, protocol=data.protocol,
        train_seconds=training["train_seconds"] + refit_seconds + searched,
        train_cpu_seconds=training["train_cpu_seconds"] + refit_cpu + searched_cpu,
        gradient_seconds=training["train_seconds"], refit_seconds=refit_seconds, search_seconds=searched,
        epochs_run=training["epochs_run"], best_epoch=training["best_epoch"],
        decompiled_lines=len(source.splitlines()),
        decompiled_lines_unpruned=len(python_source(trained, task).splitlines()),
        decompiled_equals_model=equal, rasp_equals_model=rasp_equal, compiled_equals_model=compiled_equal,
        compiled_size=size, readout=asdict(readout) if readout else {}, search=asdict(search) if search else {},
        prune=asdict(report) if report else {},
        out_dir=None if out_dir is None else str(out_dir), model_dir=model_dir, program=program,
    )
    if out_dir is not None:
        (Path(out_dir) / "result.json").write_text(json.dumps({**run.to_json(), "history": history or []}, indent=1))
    # both scores are the decompiled program's (`val_accuracy` is gradient descent's best, before the refit,
    # search and pruning); the README's tables count CPU seconds, so the seconds say which they are
    print(f"{task}: discretised test accuracy {100 * test_acc:.2f}% (val {100 * run.final_val_accuracy:.2f}%, "
          + (f"paper {data.paper.accuracy:.2f}%" if data.paper else "a variant: no paper number")
          + f"), {run.train_seconds:.0f} s wall, {run.train_cpu_seconds:.0f} CPU s, {run.decompiled_lines} lines, "
          f"decompiled == model: {equal}" + ("" if rasp_equal is None else f", RASP == model: {rasp_equal}")
          + ("" if compiled_equal is None else f", compiled == model: {compiled_equal}")
          + (f"; not compiled: {size['error']}" if "error" in size else ""))
    return run
