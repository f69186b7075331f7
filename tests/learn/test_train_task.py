"""`train_task`: trains, prints the discretised accuracy, writes program + decompiled Python."""

import sys

import numpy as np
import pytest
import torch

from weightsmith.learn.program import DiscreteProgram, encode_inputs
from weightsmith.learn.to_python import load_module
from weightsmith.learn.train import Encoded
from weightsmith.learn.train_task import finish_task, train_task
from weightsmith.model import load
from weightsmith.tasks.algorithmic import make_task


def test_train_task_writes_a_loadable_program(tmp_path, capsys):
    torch.set_num_threads(1)
    run = train_task("hist", 1, 2, 0, 3, seed=0, out_dir=tmp_path, data_size=400, batch_size=100, check_rasp=40,
                     progress=False)
    assert "discretised test accuracy" in capsys.readouterr().out
    assert {p.name for p in tmp_path.iterdir()} == {"program.safetensors", "program.json", "program.py", "result.json",
                                                   "trained", "model"}
    loaded = DiscreteProgram.load(tmp_path)
    task = make_task("hist", size=400)
    module = load_module(tmp_path / "program.py")
    assert [module.run(x) for x in task.test.inputs] == loaded.predict(task.test.inputs)
    # the compiled model, a model folder as `compile` writes (the CLI's run, verify, switch and pipe read it)
    assert run.model_dir == str(tmp_path / "model")
    model = load(tmp_path / "model")
    ran = model.run_batch([[model.config.bos, *x] for x in task.test.inputs])
    assert [out[1:] for out in ran] == loaded.predict(task.test.inputs)
    assert (tmp_path / "model" / "program.py").read_text() == (tmp_path / "program.py").read_text()
    assert run.decompiled_equals_model and run.rasp_equals_model and run.compiled_equals_model
    assert run.compiled_size["layers"] >= 1
    assert run.config["layers"] == 1 and run.config["categorical_heads"] == 1 and run.config["epochs"] == 3
    assert 0 <= run.test_accuracy <= 1 and run.decompiled_lines > 0


def test_finish_task_starts_again_from_the_saved_trained_program(tmp_path):
    torch.set_num_threads(1)
    run = train_task("hist", 1, 2, 0, 2, seed=0, out_dir=tmp_path, data_size=400, batch_size=100, progress=False)
    again = finish_task("hist", DiscreteProgram.load(tmp_path / "trained"), seed=0, config=run.config,
                        training={"val_accuracy": run.val_accuracy, "train_seconds": run.train_seconds,
                                  "train_cpu_seconds": run.train_cpu_seconds, "epochs_run": run.epochs_run,
                                  "best_epoch": run.best_epoch}, data_size=400)
    assert again.test_accuracy == run.test_accuracy and again.decompiled_lines == run.decompiled_lines


def test_a_program_that_cannot_compile_is_reported_not_raised(tmp_path, monkeypatch):
    import importlib

    from weightsmith.compiler import CompileError

    module = importlib.import_module("weightsmith.learn.train_task")

    def refuse(program):
        raise CompileError("LinearClassifier 'prediction': too large")

    monkeypatch.setattr(module, "compile_program", refuse)
    torch.set_num_threads(1)
    (tmp_path / "model").mkdir()  # an earlier run's model: not this program's, so it goes
    (tmp_path / "model" / "config.json").write_text("{}")
    run = train_task("hist", 1, 2, 0, 1, seed=0, out_dir=tmp_path, data_size=300, batch_size=100, progress=False)
    assert run.compiled_equals_model is None and "too large" in run.compiled_size["error"]
    assert run.decompiled_equals_model
    assert run.model_dir is None and not (tmp_path / "model").exists()


def test_the_time_budget_covers_gradient_descent_refit_and_search(tmp_path):
    """`time_budget` is for all the fitting: with gradient descent having used it up no search runs; with
    room left the search runs; `train_seconds` is always the sum of the three parts."""
    torch.set_num_threads(1)
    run = train_task("hist", 1, 2, 0, 2, seed=0, out_dir=tmp_path, data_size=400, batch_size=100, progress=False)
    trained = DiscreteProgram.load(tmp_path / "trained")
    training = {"val_accuracy": run.val_accuracy, "train_seconds": 100.0, "train_cpu_seconds": 100.0,
                "epochs_run": run.epochs_run, "best_epoch": run.best_epoch}
    spent = finish_task("hist", trained, seed=0, config=run.config, training=training, data_size=400,
                        search_seconds=30, time_budget=100.0)
    assert spent.search == {} and spent.search_seconds == 0.0 and spent.gradient_seconds == 100.0
    assert spent.train_seconds == 100.0 + spent.refit_seconds > 100.0
    room = finish_task("hist", trained, seed=0, config=run.config, training=training, data_size=400,
                       search_seconds=30, time_budget=1000.0)
    assert room.search and 0 < room.search_seconds
    assert room.train_seconds == pytest.approx(100.0 + room.refit_seconds + room.search_seconds)


def test_the_time_budget_stops_gradient_descent_too():
    torch.set_num_threads(1)
    run = train_task("hist", 1, 2, 0, 5, seed=0, data_size=400, batch_size=100, time_budget=1e-6, progress=False)
    assert run.epochs_run == 1 and run.search == {}


@pytest.mark.parametrize("option, value, message", [
    ("search_seconds", -1.0, "search_seconds must be a finite number >= 0"),
    ("search_seconds", float("nan"), "search_seconds must be a finite number >= 0"),  # was: no search, no word
    ("time_budget", 0.0, "time_budget must be a finite number > 0"),
    ("time_budget", float("nan"), "time_budget must be a finite number > 0"),  # was: no budget, no word
    ("recency_bias", float("nan"), "recency_bias must be a finite number"),  # was torch's error after the data
])
def test_fitting_options_are_refused_before_any_work(monkeypatch, option, value, message):
    def no_data(*args, **kwargs):
        raise AssertionError("the task's data was made before the options were checked")
    monkeypatch.setattr(sys.modules[train_task.__module__], "make_task", no_data)
    with pytest.raises(ValueError, match=message):
        train_task("hist", 1, 2, 0, 2, **{option: value})
    if option != "recency_bias":
        with pytest.raises(ValueError, match=message):
            finish_task("hist", None, seed=0, config={}, training={}, **{option: value})


def test_deferred_labels_are_left_to_the_refit_and_scored_at_test(tmp_path):
    """most-freq with BOS deferred: gradient descent trains a classifier without the BOS class (the trained
    program's BOS column is zero), the refit fits it, and the test accuracy counts every labelled position."""
    torch.set_num_threads(1)
    run = train_task("most_freq", 1, 2, 1, 2, seed=0, out_dir=tmp_path, data_size=300, batch_size=100,
                     defer_labels=("BOS",), progress=False)
    trained = DiscreteProgram.load(tmp_path / "trained")
    bos = trained.config.classes.index("BOS")
    assert trained.config.classes == make_task("most_freq", size=300).labels
    assert not trained.classifier[..., bos].any() and trained.bias[bos] == 0
    assert run.readout["kept"] and run.config["defer_labels"] == ["BOS"]
    test = make_task("most_freq", size=300).test
    assert run.test_accuracy == Encoded.of(run.program.config, test.inputs, test.targets).accuracy(run.program)
    with pytest.raises(ValueError, match="'EOS'"):
        train_task("most_freq", 1, 2, 1, 1, data_size=300, defer_labels=("EOS",))


def test_deferring_bos_trains_most_freq_exactly_as_the_unscored_variant(tmp_path):
    """Gradient descent with BOS deferred sees what `most_freq_unscored` sees (the same strings, the same
    targets at the list positions, no BOS class), so it trains the same program: the benchmark finishes the
    variant's stored trained program on the authors' labels (`--trained-of`) on this ground."""
    torch.set_num_threads(1)
    settings = dict(data_size=300, batch_size=100, predicate="mixed", scopes=("all", "before"), identity_bias=2.0,
                    recency_bias=1.5, progress=False)
    train_task("most_freq", 2, 2, 1, 2, seed=3, out_dir=tmp_path / "deferred", defer_labels=("BOS",), **settings)
    train_task("most_freq_unscored", 2, 2, 1, 2, seed=3, out_dir=tmp_path / "unscored", **settings)
    deferred = DiscreteProgram.load(tmp_path / "deferred" / "trained")
    unscored = DiscreteProgram.load(tmp_path / "unscored" / "trained")
    assert np.array_equal(unscored.with_classes(deferred.config.classes).classifier, deferred.classifier)
    ids = encode_inputs(deferred.config, make_task("most_freq", size=300).test.inputs)
    assert all(np.array_equal(a, b) for a, b in zip(deferred.variables(*ids), unscored.variables(*ids), strict=True))


@pytest.mark.parametrize("options", [{"count_where": True}, {"scopes": ("before",)}, {"scopes": ("all", "after")}])
def test_options_of_counting_heads_are_refused_without_one(monkeypatch, options):
    """`learn reverse --heads 1 --count-where` trained and reported as if counting heads counted where a
    learned set says: one head is categorical, none counts, and the option was ignored without a word."""
    def no_data(*args, **kwargs):
        raise AssertionError("the task's data was made before the options were checked")
    monkeypatch.setattr(sys.modules[train_task.__module__], "make_task", no_data)
    with pytest.raises(ValueError, match="no numerical .counting. heads"):
        train_task("hist", 1, 1, 0, 2, **options)
    with pytest.raises(ValueError, match="no numerical .counting. heads"):
        train_task("hist", 1, 4, 0, 2, numerical_heads=0, **options)


def test_the_printed_line_scores_the_program_it_decompiles(tmp_path, capsys):
    """The line printed "discretised test accuracy 93.64% (val 83.46% ...)" for `learn dyck1_varied` seed 9: the
    test score was the decompiled program's, the val score gradient descent's best *before* the refit, search
    and pruning (the decompiled program scored 93.18% on val); and "8 s" was wall time where the README's
    table reports CPU seconds. Both scores are now the decompiled program's, and the seconds say which."""
    torch.set_num_threads(1)
    run = train_task("hist", 1, 2, 0, 2, seed=0, out_dir=tmp_path, data_size=400, batch_size=100, progress=False)
    capsys.readouterr()
    again = finish_task("hist", DiscreteProgram.load(tmp_path / "trained"), seed=0, config=run.config,
                        training={"val_accuracy": 0.0123, "train_seconds": 7.0, "train_cpu_seconds": 3.0,
                                  "epochs_run": run.epochs_run, "best_epoch": run.best_epoch}, data_size=400)
    line = capsys.readouterr().out
    assert f"(val {100 * again.final_val_accuracy:.2f}%" in line and "1.23%" not in line, line
    assert f"{again.train_seconds:.0f} s wall, {again.train_cpu_seconds:.0f} CPU s" in line, line
