"""Sweep files are checked before anything runs, and a small grid really runs on a local Ray instance."""

import json
import subprocess
import sys

import pytest

from weightsmith.learn.sweep import SweepConfig, SweepError

BASE = {"task": "hist", "fixed": {"layers": 1, "heads": 2, "mlps": 1, "epochs": 3, "predicate": "binary"},
        "grid": {"seed": [0, 1]}}


def test_grid_is_the_product_of_its_lists():
    fixed = {k: v for k, v in BASE["fixed"].items() if k != "heads"}
    config = SweepConfig.from_dict({**BASE, "fixed": fixed, "grid": {"seed": [0, 1, 2], "heads": [2, 4]}})
    assert len(config.trials) == 6 and config.trials[1] == {"seed": 0, "heads": 4}
    assert config.epochs == 3


@pytest.mark.parametrize("change, message", [
    ({"grid": {"seeds": [0]}}, "grid.seeds is not an argument of train_task"),
    ({"grid": {"seed": 3}}, "grid.seed must be a non-empty list"),
    ({"grid": {"layers": [1]}}, "layers is both fixed and in the grid"),
    ({"scheduler": {"grace": 1}}, "scheduler.grace is not a setting"),
    ({"scheduler": {"grace_period": 4}}, "grace_period must be between 1 and the epochs"),
    ({"extra": 1}, "unknown section 'extra'"),
    ({"fixed": {"epochs": 3}}, "layers must be set"),
    ({"task": 3}, "'task' must name a task"),
    ({"fixed": {**BASE["fixed"], "on_epoch": 1}}, "fixed.on_epoch is not an argument"),
])
def test_bad_sweep_files_name_the_key(change, message):
    with pytest.raises(SweepError, match=message.replace("(", r"\(")):
        SweepConfig.from_dict({**BASE, **change}, "s.toml")


def test_unreadable_and_invalid_files(tmp_path):
    with pytest.raises(SweepError, match="cannot read"):
        SweepConfig.load(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("task = ")
    with pytest.raises(SweepError, match="not valid TOML"):
        SweepConfig.load(bad)
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe")  # was a UnicodeDecodeError (a traceback in `weightsmith sweep`)
    with pytest.raises(SweepError, match=r"binary.toml: cannot read the sweep file \(it is not UTF-8 text"):
        SweepConfig.load(binary)


def test_a_small_sweep_runs_on_local_ray(tmp_path):
    """Through the CLI, in a process of its own: Ray installs signal handlers and starts workers, which
    must not reach the test runner's process."""
    pytest.importorskip("ray.tune", reason="the `sweep` extra (Ray Tune) is not installed")
    config = tmp_path / "sweep.json"
    config.write_text(json.dumps({**BASE, "ray": {"cpus_per_trial": 1}}))
    out = tmp_path / "out.json"
    result = subprocess.run([sys.executable, "-m", "weightsmith.cli", "sweep", str(config), "-o", str(out),
                             "--storage", str(tmp_path / "ray")], capture_output=True, text=True,
                            start_new_session=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    records = json.loads(out.read_text())
    assert [r["grid_point"] for r in records] == [{"seed": 0}, {"seed": 1}]
    for record in records:
        if not record["stopped_early"]:  # a finished trial carries train_task's own record
            assert record["seed"] == record["grid_point"]["seed"] and 0 <= record["test_accuracy"] <= 1
            assert record["decompiled_equals_model"]


@pytest.mark.parametrize("change, message", [
    ({"fixed": {k: v for k, v in BASE["fixed"].items() if k != "layers"}, "grid": {"layers": [1, 0]}},
     "trial {'layers': 0}: layers must be >= 1"),  # failed in a Ray trial, 72 lines
    ({"fixed": {**BASE["fixed"], "epochs": "many"}}, "epochs must be an int"),  # int('many'): a traceback
    ({"task": "nosuch"}, "unknown task 'nosuch'"),  # in every Ray trial
    ({"fixed": {**BASE["fixed"], "defer_labels": ["zzz"]}}, "'zzz'"),
    ({"grid": {"seed": [0, 0]}}, "grid.seed repeats 0"),  # two identical trials, shown as the same row twice
])
def test_every_grid_point_is_checked_before_ray_starts(change, message):
    with pytest.raises(SweepError, match=message.replace("(", r"\(").replace("{", r"\{").replace("[", r"\[")):
        SweepConfig.from_dict({**BASE, **change}, "s.toml")
