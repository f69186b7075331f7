"""`weightsmith export` and `weightsmith circuits`: files written, and one-line errors with exit code 2."""

import json
import sys

import pytest
from typer.testing import CliRunner

from weightsmith.cli import app

runner = CliRunner()


def test_circuits_writes_the_ground_truth(tmp_path):
    out = tmp_path / "circuit.json"
    result = runner.invoke(app, ["circuits", "reverse", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text())
    assert document["format"] == "weightsmith-circuit" and document["output"] == "reverse"
    assert ["L2.H0", "output"] in document["component_edges"]


@pytest.mark.parametrize("name", ["c.txt", "c.csv", "circuit"])
def test_circuits_refuses_a_file_name_that_is_not_json(tmp_path, name):
    """`-o c.txt` wrote JSON into c.txt: the ending said one format and the file held another."""
    out = tmp_path / name
    result = runner.invoke(app, ["circuits", "reverse", "-o", str(out)])
    assert result.exit_code == 2 and "written as JSON; give a file name ending in .json" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()
    assert runner.invoke(app, ["circuits", "reverse", "-o", str(tmp_path / "C.JSON")]).exit_code == 0


def test_circuits_refuses_a_saved_folder_and_unknown_programs(tmp_path):
    folder = tmp_path / "model"
    assert runner.invoke(app, ["compile", "reverse", "-o", str(folder)]).exit_code == 0
    result = runner.invoke(app, ["circuits", str(folder), "-o", str(tmp_path / "c.json")])
    assert result.exit_code == 2 and "recorded while compiling" in result.output
    result = runner.invoke(app, ["circuits", "no_such_program", "-o", str(tmp_path / "c.json")])
    assert result.exit_code == 2 and "no library program named 'no_such_program'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_export_rejects_an_unknown_target(tmp_path):
    result = runner.invoke(app, ["export", "reverse", "--to", "tensorflow", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "expected one of transformer-lens, onnx" in result.output


@pytest.mark.parametrize("target,module", [("transformer-lens", "transformer_lens"), ("onnx", "onnx")])
def test_a_missing_extra_is_named(tmp_path, monkeypatch, target, module):
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    result = runner.invoke(app, ["export", "reverse", "--to", target, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "pip install 'weightsmith[export]'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_export_a_saved_model_to_onnx(tmp_path):
    pytest.importorskip("onnx", reason="the ONNX export needs the `export` extra: pip install 'weightsmith[export]'")
    folder = tmp_path / "model"
    assert runner.invoke(app, ["compile", "hist", "-o", str(folder)]).exit_code == 0
    result = runner.invoke(app, ["export", str(folder), "--to", "onnx", "-o", str(tmp_path / "onnx")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "onnx" / "model.onnx").stat().st_size > 0



def test_an_onnx_file_name_is_the_file_written(tmp_path):
    # `-o x.onnx` made the folder x.onnx/ holding model.onnx: a user naming a file got a folder
    pytest.importorskip("onnx", reason="the ONNX export needs the `export` extra: pip install 'weightsmith[export]'")
    result = runner.invoke(app, ["export", "hist", "--to", "onnx", "-o", str(tmp_path / "a" / "hist.onnx")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / "hist.onnx").is_file() and (tmp_path / "a" / "hist.onnx").stat().st_size > 0
    (tmp_path / "b.onnx").mkdir()  # an existing folder stays a folder
    assert runner.invoke(app, ["export", "hist", "--to", "onnx", "-o", str(tmp_path / "b.onnx")]).exit_code == 0
    assert (tmp_path / "b.onnx" / "model.onnx").is_file()
    (tmp_path / "file").write_text("")
    result = runner.invoke(app, ["export", "hist", "--to", "onnx", "-o", str(tmp_path / "file" / "x.onnx")])
    assert result.exit_code == 2 and "is a file, not a folder" in result.output
    assert len(result.output.strip().splitlines()) == 1
    pytest.importorskip("transformer_lens", reason="the TransformerLens export needs the `export` extra: "
                        "pip install 'weightsmith[export]'")
    result = runner.invoke(app, ["export", "reverse", "--to", "transformer-lens", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    hooks = json.loads((tmp_path / "hooks.json").read_text())
    assert {"hook": "blocks.1.mlp.hook_{pre,post}", "index": "units 15:25", "sops": ["erases length"]} in hooks


def test_a_looped_model_is_refused_in_one_line(tmp_path):
    """The exports ran the loop's block a fixed number of times (a wrong answer); circuits raised a traceback."""
    source = tmp_path / "loop.py"
    source.write_text("from weightsmith import rasp\n\ndef make():\n    loop = rasp.Loop(state={'x': rasp.Map(lambda t: t, "
                      "rasp.tokens)}, step=lambda s: {'x': rasp.Map(lambda v: max(v - 1, 0), s['x'])}, halt=lambda s: "
                      "rasp.Map(lambda v: v == 0, s['x']), max_steps=5)\n    return loop['x']\n")
    program = [f"{source}:make", "--vocab", "0,1,2,3", "--max-len", "1"]
    for args in (["export", *program, "--to", "onnx", "-o", str(tmp_path / "onnx")],
                 ["export", *program, "--to", "transformer-lens", "-o", str(tmp_path / "tl")],
                 ["circuits", *program, "-o", str(tmp_path / "c.json")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "of a looped model is not supported" in result.output, result.output
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
