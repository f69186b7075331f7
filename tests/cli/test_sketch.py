import json
from pathlib import Path

from typer.testing import CliRunner

from weightsmith.cli import app
from weightsmith.model import load

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sketches"


def test_fit_the_shipped_histogram_sketch(tmp_path):
    result = runner.invoke(app, ["fit", f"{EXAMPLES / 'histogram.py'}:make", str(EXAMPLES / "histogram.tsv"),
                                 "-o", str(tmp_path / "out"), "--restarts", "2"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["train_accuracy"] == 1.0 and report["compiled_equals_program"] is True
    model = load(tmp_path / "out" / "model")
    assert model.run(["BOS", "a", "b", "a"])[1:] == [2, 1, 2]
    tables = json.loads((tmp_path / "out" / "holes.json").read_text())
    assert {tuple(e[:2]) for e in tables[0]["entries"] if e[2]} == {(t, t) for t in "abcd"}


def test_bad_data_is_one_line_naming_file_and_line(tmp_path):
    data = tmp_path / "d.tsv"
    data.write_text("a b\t1 1\na b c\t1 1\n")
    result = runner.invoke(app, ["fit", f"{EXAMPLES / 'histogram.py'}:make", str(data), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "d.tsv:2: 3 input tokens but 2 outputs" in result.output
    assert "Traceback" not in result.output


def test_max_len_zero_is_refused_before_any_work(tmp_path):
    """`--max-len 0` was read as "not given" (`max_len or the data's longest`): the fit ran and compiled for
    the data's longest input, the option ignored without a word."""
    result = runner.invoke(app, ["fit", f"{EXAMPLES / 'histogram.py'}:make", str(EXAMPLES / "histogram.tsv"),
                                 "-o", str(tmp_path / "out"), "--max-len", "0"])
    assert result.exit_code == 2 and "--max-len" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
