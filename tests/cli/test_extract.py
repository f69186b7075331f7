"""`weightsmith extract`: a program file that runs, the report, and one-line errors with exit code 2."""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from weightsmith.cli import app

pytest.importorskip("transformers", reason="weightsmith extract reads GPT-2 models: install the `extract` extra")

runner = CliRunner()


@pytest.fixture(scope="module")
def model_folder(tmp_path_factory):
    from weightsmith.extract.tasks import get_task
    from weightsmith.extract.train import Arch, TrainResult, build_model, save

    task = get_task("tomita2")
    folder = tmp_path_factory.mktemp("gpt2") / "tomita2"
    accuracy = {"0-50": 0.0, "51-100": 0.0, "101-150": 0.0}
    save(build_model(task, Arch(1, 1, 16)), TrainResult("tomita2", Arch(1, 1, 16), 0, 0.0, 0.0, accuracy), folder, "test")
    return folder


def test_extract_writes_a_program_that_runs(model_folder, tmp_path):
    out = tmp_path / "prog" / "tomita2_program.py"
    result = runner.invoke(app, ["extract", str(model_folder), "-o", str(out), "--select-size", "16",
                                 "--eval-size", "8", "--mask-steps", "5", "--refit-steps", "5"])
    assert result.exit_code == 0, result.output
    assert "lines" in result.output and "match per bin" in result.output and "prediction =" in result.output
    numbers = json.loads(out.with_suffix(".json").read_text())
    assert numbers["task"] == "tomita2" and set(numbers["match"]) == {"0-50", "51-100", "101-150"}
    spec = importlib.util.spec_from_file_location("tomita2_program", out)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ids = np.array([[3, 1, 0, 1, 0, 5]])
    assert module.predict(ids, np.arange(6)[None]).shape == (1, 6)


def test_extract_errors_are_one_line(model_folder, tmp_path):
    missing = runner.invoke(app, ["extract", str(tmp_path / "nothing"), "-o", str(tmp_path / "p.py")])
    assert missing.exit_code == 2 and "not a GPT-2 folder" in missing.output
    wrong_task = runner.invoke(app, ["extract", str(model_folder), "--task", "nope", "-o", str(tmp_path / "p.py")])
    assert wrong_task.exit_code == 2 and "unknown task 'nope'" in wrong_task.output
    other = runner.invoke(app, ["extract", str(model_folder), "--task", "sort", "-o", str(tmp_path / "p.py")])
    assert other.exit_code == 2 and "tokens" in other.output
    not_py = runner.invoke(app, ["extract", str(model_folder), "-o", str(tmp_path / "p.txt")])
    assert not_py.exit_code == 2 and ".py" in not_py.output
    bad_ln = runner.invoke(app, ["extract", str(model_folder), "--ln", "sometimes", "-o", str(tmp_path / "p.py")])
    assert bad_ln.exit_code == 2 and "--ln sometimes" in bad_ln.output
    # accepted before: the whole search ran, and the match per bin was a mean over no sequences
    empty = runner.invoke(app, ["extract", str(model_folder), "--eval-size", "0", "-o", str(tmp_path / "p.py")])
    assert empty.exit_code == 2 and "eval_size must be an int >= 1" in empty.output
    assert all("Traceback" not in r.output for r in (missing, wrong_task, other, not_py, bad_ln, empty))


def test_extract_of_a_weightsmith_model_says_what_it_is(tmp_path):
    """It said "config.json is model_type None, not 'gpt2'" of a folder `weightsmith compile` wrote."""
    assert runner.invoke(app, ["compile", "reverse", "-o", str(tmp_path / "m")]).exit_code == 0
    result = runner.invoke(app, ["extract", str(tmp_path / "m"), "-o", str(tmp_path / "p.py")])
    assert result.exit_code == 2 and result.output == (
        f"error: {tmp_path / 'm'}: a weightsmith model folder, not a GPT-2 one (extract reads trained GPT-2 models); "
        "`weightsmith explain` describes this one\n")
