"""`weightsmith switch`, `pipe` and `check-switch`: built from saved folders, checked, one-line errors."""

import pytest
from typer.testing import CliRunner

from weightsmith.cli import app
from weightsmith.compose import ComposedModel

runner = CliRunner()


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("models")
    for name, program, vocab in (("sort", "sort", "1,2,3"), ("reverse", "reverse", "1,2,3"), ("hist", "hist", "a,b")):
        result = runner.invoke(app, ["compile", program, "-o", str(root / name), "--vocab", vocab, "--max-len", "3"])
        assert result.exit_code == 0, result.output
    return root


def test_switch_builds_checks_and_saves(folders, tmp_path):
    out = tmp_path / "sw"
    result = runner.invoke(app, ["switch", f"A={folders / 'sort'}", f"B={folders / 'reverse'}",
                                 f"H={folders / 'hist'}", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.count("OK ") == 3 and "nonzero parameters" in result.output
    assert ComposedModel.load(out).parts == ["A", "B", "H"]
    ran = runner.invoke(app, ["run", str(out), "B", "1", "2", "3"])
    assert ran.exit_code == 0 and "['B', 3, 2, 1]" in ran.output  # the selector's slot echoes it (was None)
    checked = runner.invoke(app, ["check-switch", str(out), f"A={folders / 'sort'}"])
    assert checked.exit_code == 0 and "OK A:" in checked.output
    wrong = runner.invoke(app, ["check-switch", str(out), f"A={folders / 'reverse'}"])
    assert wrong.exit_code == 1 and "MISMATCH A:" in wrong.output
    explained = runner.invoke(app, ["explain", str(out)])
    assert explained.exit_code == 0 and "selector" in explained.output


def test_pipe_builds_and_checks(folders, tmp_path):
    result = runner.invoke(app, ["pipe", str(folders / "sort"), str(folders / "reverse"), "-o", str(tmp_path / "p")])
    assert result.exit_code == 0 and "OK " in result.output, result.output
    ran = runner.invoke(app, ["run", str(tmp_path / "p"), "2", "3", "1"])
    assert ran.exit_code == 0 and "[3, 2, 1]" in ran.output


@pytest.mark.parametrize("args, message", [
    (["switch", "nonsense", "-o", "x"], "expected NAME=MODEL_DIR"),
    (["switch", "A=no/such/folder", "-o", "x"], "no such model folder"),
    (["pipe", "only_one", "-o", "x"], "at least two model folders"),
])
def test_errors_are_one_line_with_exit_2(args, message, tmp_path):
    result = runner.invoke(app, [a.replace("x", str(tmp_path / "x")) if a == "x" else a for a in args])
    assert result.exit_code == 2 and message in result.output and len(result.output.strip().splitlines()) == 1


def test_composition_errors_are_one_line(folders, tmp_path):
    clash = runner.invoke(app, ["switch", f"a={folders / 'hist'}", "-o", str(tmp_path / "x")])
    assert clash.exit_code == 2 and "also a token" in clash.output
    foreign = runner.invoke(app, ["pipe", str(folders / "hist"), str(folders / "hist"), "-o", str(tmp_path / "y")])
    assert foreign.exit_code == 2 and "has no token for" in foreign.output


def test_a_selector_that_reads_like_a_token_is_typed_as_a_python_literal(folders, tmp_path):
    """Selector '1' beside the number 1: `run SW 1 2 1` read every `1` as the selector (the vocabulary's
    last value with that text), and the model answered [None, None, None] without an error."""
    out = tmp_path / "sw"
    assert runner.invoke(app, ["switch", f"1={folders / 'sort'}", f"R={folders / 'reverse'}", "-o", str(out)]).exit_code == 0
    ran = runner.invoke(app, ["run", str(out), "'1'", "2", "1"])
    assert ran.exit_code == 0 and ran.output.strip() == "['1', 1, 2]"
    assert runner.invoke(app, ["run", str(out), "R", "1", "2"]).output.strip() == "['R', 2, 1]"


def test_check_switch_of_a_plain_model_says_it_is_no_switch(folders):
    """A compiled model read as a composed one is a "pipe" whose parts are its labels cut at '/': check-switch
    of the hist folder said "its selectors: ['hist[1']" (from the helper label hist[1/(w+1)])."""
    result = runner.invoke(app, ["check-switch", str(folders / "hist"), f"H={folders / 'hist'}"])
    assert result.exit_code == 2 and "is not a switch" in result.output and "hist[1" not in result.output


def test_run_of_a_pipe_refuses_an_input_its_first_model_outputs_none_on(tmp_path):
    """`run pp 0 1 2 0` printed [1, 1, 1, 4]: `prev` is None at the last position, the pipe undefined there."""
    (tmp_path / "prev.py").write_text(
        "from weightsmith import rasp\n"
        "def prev():\n"
        "    return rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices + 1, rasp.Comparison.EQ), rasp.tokens)\n")
    for name, program in (("prev", f"{tmp_path / 'prev.py'}:prev"), ("hist", "hist")):
        built = runner.invoke(app, ["compile", program, "-o", str(tmp_path / name), "--vocab", "0,1,2", "--max-len", "4"])
        assert built.exit_code == 0, built.output
    runner.invoke(app, ["pipe", str(tmp_path / "prev"), str(tmp_path / "hist"), "-o", str(tmp_path / "pp")])
    ran = runner.invoke(app, ["run", str(tmp_path / "pp"), "0", "1", "2", "0"])
    assert ran.exit_code == 2 and ran.output.count("\n") == 1, ran.output
    assert "prev' outputs None at position 4" in ran.output


def test_run_refuses_a_switch_saved_before_its_config_recorded_its_checks(folders, tmp_path):
    """Such a folder has no `composed` in config.json: nothing would check its selector or its components' domains,
    so `run` says to build it again (one line), where it answered `H 1 2` (a token only the sort knows)."""
    from weightsmith.model import load, save

    out = tmp_path / "sw"
    assert runner.invoke(app, ["switch", f"S={folders / 'sort'}", f"H={folders / 'hist'}", "-o", str(out)]).exit_code == 0
    old = load(out)
    old.config.composed = None
    save(old, tmp_path / "old")
    ran = runner.invoke(app, ["run", str(tmp_path / "old"), "H", "1", "2"])
    assert ran.exit_code == 2 and "build it again" in ran.output and "Traceback" not in ran.output, ran.output
    assert "not in the vocabulary of 'H'" in runner.invoke(app, ["run", str(out), "H", "1", "2"]).output
