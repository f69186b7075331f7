"""Grid searches over Transformer Program settings, run on Ray Tune.

The paper trains several seeds per configuration and keeps the best on validation; `train_task(restarts=)`
does that on one machine with a successive-halving schedule of its own. A sweep is the same idea at
scale: every point of a grid (seeds included) is a Ray Tune trial, and Ray's ASHA scheduler, not ours,
stops the trials whose validation accuracy trails at its rungs. Locally Ray uses this machine's cores;
given a cluster address it goes as wide as the cluster.

A sweep file (TOML or JSON) names the task, the `train_task` arguments fixed for every trial, the grid
(argument -> list of values; the trials are their product) and, optionally, the scheduler and Ray:

    task = "hist"
    [fixed]
    layers = 1
    epochs = 20
    [grid]
    seed = [0, 1, 2]
    heads = [2, 4]
    [scheduler]          # ASHA over epochs: a trial may stop at epoch grace_period * reduction_factor**k
    grace_period = 5     # default: a quarter of the epochs
    reduction_factor = 2
    [ray]
    address = ""         # "" starts a local Ray; "auto" or "ray://host:10001" joins a cluster
    cpus_per_trial = 1

Results are written as the benchmarks write theirs: a JSON list of one record per trial (`TaskResult`'s
record, accuracies as fractions, plus the trial's grid point and whether ASHA stopped it; a stopped trial
has only its validation accuracy and epochs).
Ray is an optional extra (`pip install -e '.[sweep]'`).
"""

from __future__ import annotations

import inspect
import itertools
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from weightsmith.learn.train_task import train_task
from weightsmith.rasp.value_set import first_repeat
from weightsmith.textfile import read_text

# train_task arguments a sweep file may not set: the sweep owns them
_RESERVED = {"task", "out_dir", "progress", "on_epoch", "check_only"}
_SECTIONS = {"task", "fixed", "grid", "scheduler", "ray"}


class SweepError(ValueError):
    """A sweep file that cannot run: the message names the file, the key and why."""


@dataclass(frozen=True)
class SweepConfig:
    task: str
    fixed: dict[str, Any] = field(default_factory=dict)
    grid: dict[str, list] = field(default_factory=dict)
    grace_period: Optional[int] = None  # None: a quarter of the epochs, like train_task's first halving
    reduction_factor: int = 2
    address: str = ""
    cpus_per_trial: float = 1.0

    @property
    def trials(self) -> list[dict[str, Any]]:
        """The grid's points, in order (the last key varies fastest)."""
        keys = list(self.grid)
        return [dict(zip(keys, values)) for values in itertools.product(*(self.grid[k] for k in keys))]

    @property
    def epochs(self) -> int:
        return int(self.fixed.get("epochs", max(self.grid.get("epochs", [0]))))

    @property
    def first_rung(self) -> int:
        """The epoch of ASHA's first cut."""
        return self.grace_period if self.grace_period is not None else max(1, self.epochs // 4)

    @classmethod
    def load(cls, path: str | Path) -> "SweepConfig":
        path = Path(path)
        try:
            text = read_text(path)
        except OSError as err:
            raise SweepError(f"{path}: cannot read the sweep file ({err.strerror or err})") from None
        try:
            raw = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
        except (tomllib.TOMLDecodeError, json.JSONDecodeError) as err:
            raise SweepError(f"{path}: not valid {'TOML' if path.suffix == '.toml' else 'JSON'}: {err}") from None
        return cls.from_dict(raw, str(path))

    @classmethod
    def from_dict(cls, raw: dict, where: str = "sweep") -> "SweepConfig":
        if not isinstance(raw, dict):
            raise SweepError(f"{where}: expected a table with task, fixed, grid, scheduler, ray")
        unknown = set(raw) - _SECTIONS
        if unknown:
            raise SweepError(f"{where}: unknown section {sorted(unknown)[0]!r} (known: {', '.join(sorted(_SECTIONS))})")
        if not isinstance(raw.get("task"), str):
            raise SweepError(f"{where}: 'task' must name a task, e.g. task = \"hist\"")
        fixed, grid = dict(raw.get("fixed", {})), dict(raw.get("grid", {}))
        arguments = set(inspect.signature(train_task).parameters) - _RESERVED
        for section, table in (("fixed", fixed), ("grid", grid)):
            for key in table:
                if key not in arguments:
                    raise SweepError(f"{where}: {section}.{key} is not an argument of train_task "
                                     f"(known: {', '.join(sorted(arguments))})")
        for key, values in grid.items():
            if not isinstance(values, list) or not values:
                raise SweepError(f"{where}: grid.{key} must be a non-empty list of values, got {values!r}")
            if key in fixed:
                raise SweepError(f"{where}: {key} is both fixed and in the grid")
        for required in ("layers", "heads", "mlps", "epochs"):
            if required not in fixed and required not in grid:
                raise SweepError(f"{where}: {required} must be set in fixed or grid")
        for key, values in grid.items():  # the same trial twice, shown as two rows of one grid point
            repeat = first_repeat([json.dumps(v, sort_keys=True) for v in values])
            if repeat is not None:
                raise SweepError(f"{where}: grid.{key} repeats {values[repeat[1]]!r}: each value once")
        _check_trials(raw["task"], fixed, grid, where)
        scheduler, ray = dict(raw.get("scheduler", {})), dict(raw.get("ray", {}))
        for name, table, known in (("scheduler", scheduler, {"grace_period", "reduction_factor"}),
                                   ("ray", ray, {"address", "cpus_per_trial"})):
            extra = set(table) - known
            if extra:
                raise SweepError(f"{where}: {name}.{sorted(extra)[0]} is not a setting (known: {', '.join(sorted(known))})")
        grace = scheduler.get("grace_period")
        config = cls(raw["task"], fixed, grid, None if grace is None else int(grace),
                     int(scheduler.get("reduction_factor", 2)), str(ray.get("address", "")),
                     float(ray.get("cpus_per_trial", 1.0)))
        if config.reduction_factor < 2:
            raise SweepError(f"{where}: scheduler.reduction_factor must be at least 2")
        if config.grace_period is not None and not 1 <= config.grace_period <= config.epochs:
            raise SweepError(f"{where}: scheduler.grace_period must be between 1 and the epochs ({config.epochs}), "
                             f"got {config.grace_period}")
        if config.cpus_per_trial <= 0:
            raise SweepError(f"{where}: ray.cpus_per_trial must be positive")
        return config


def _check_trials(task: str, fixed: dict, grid: dict, where: str) -> None:
    """Every grid point's arguments, checked as `train_task` checks them (on a few examples), before Ray
    starts: a bad one failed inside its Ray trial, as a traceback of Ray's (a grid `layers = [1, 0]`)."""
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        point = dict(zip(keys, values))
        try:
            train_task(task, **fixed, **point, check_only=True)
        except (TypeError, ValueError) as err:
            raise SweepError(f"{where}: trial {point}: {err}") from None


def _trial(config: SweepConfig) -> Callable[[dict], None]:
    """The function each Ray trial runs: train with the trial's grid point, reporting every epoch's
    validation accuracy (ASHA may stop the trial at a rung), then the finished program's record."""

    def run(point: dict) -> None:
        from ray import tune

        def report(record: dict) -> None:
            tune.report({"val_acc": record["val_acc"], "epoch": record["epoch"], "loss": record["loss"]})

        result = train_task(config.task, **config.fixed, **point, on_epoch=report)
        tune.report({"val_acc": result.final_val_accuracy, "finished": True, "record": result.to_json()})

    return run


def run_sweep(config: SweepConfig, out: Optional[str | Path] = None, storage: Optional[str | Path] = None,
              verbose: int = 0) -> list[dict]:
    """Run every trial of the grid on Ray Tune with ASHA; return (and with `out`, write) one record per trial."""
    try:
        import ray
        from ray import tune
        from ray.tune.schedulers import ASHAScheduler
    except ImportError:
        raise SweepError("sweeps run on Ray Tune, which is not installed: pip install -e '.[sweep]'") from None
    import os
    import tempfile

    # no TensorBoard/CSV loggers: the records below are the result, and Ray's files go to `storage`
    os.environ.setdefault("TUNE_DISABLE_AUTO_CALLBACK_LOGGERS", "1")
    os.environ.setdefault("RAY_AIR_NEW_OUTPUT", "0")
    storage = Path(storage) if storage is not None else Path(tempfile.mkdtemp(prefix="weightsmith-sweep-"))
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=config.address or None, include_dashboard=False, log_to_driver=verbose > 0,
                 configure_logging=verbose > 0)
    try:
        # one extra rung step: the finished program's report comes after the last epoch's
        scheduler = ASHAScheduler(time_attr="training_iteration", max_t=config.epochs + 1,
                                  grace_period=config.first_rung, reduction_factor=config.reduction_factor)
        trainable = tune.with_resources(_trial(config), {"cpu": config.cpus_per_trial})
        tuner = tune.Tuner(
            trainable,
            param_space={key: tune.grid_search(values) for key, values in config.grid.items()},
            tune_config=tune.TuneConfig(metric="val_acc", mode="max", scheduler=scheduler),
            run_config=tune.RunConfig(storage_path=str(storage.resolve()),
                                      verbose=verbose),
        )
        grid = tuner.fit()
    finally:
        if started_here:
            ray.shutdown()
    records = []
    for trial in grid:
        last = trial.metrics or {}
        if trial.error is not None:
            raise SweepError(f"trial {trial.config} failed: {trial.error}")
        record = dict(last["record"]) if last.get("finished") else {
            "task": config.task, "stopped_early": True, "epochs_run": int(last.get("epoch", -1)) + 1,
            "val_accuracy": float(last.get("val_acc", 0.0))}
        record["grid_point"] = dict(trial.config)
        record.setdefault("stopped_early", False)
        records.append(record)
    if out is not None:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(json.dumps(records, indent=1) + "\n")
    return records
