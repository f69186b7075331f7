"""`weightsmith subleq`, driven as a user would."""

from typer.testing import CliRunner

from weightsmith.cli import app
from weightsmith.library.subleq import source

runner = CliRunner()


def test_runs_a_program_and_prints_memory_and_labels(tmp_path):
    path = tmp_path / "add.sq"
    path.write_text(source("add"))
    result = runner.invoke(app, ["subleq", str(path)])
    assert result.exit_code == 0, result.output
    assert "halted after 5 steps" in result.output and "s=42" in result.output


def test_trace_shows_pc_and_memory_per_step_within_100_columns(tmp_path):
    path = tmp_path / "negate.sq"
    path.write_text(source("negate"))
    result = runner.invoke(app, ["subleq", str(path), "--trace"], terminal_width=100)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[3] for line in lines if line.startswith("step")] == ["0", "3", "6", "out"]
    assert max(len(line) for line in lines) <= 100


def test_max_steps_reports_not_halted(tmp_path):
    path = tmp_path / "countdown.sq"
    path.write_text(source("countdown"))
    result = runner.invoke(app, ["subleq", str(path), "--max-steps", "7"])
    assert result.exit_code == 0 and "not halted" in result.output and "after 7 steps" in result.output


def test_errors_are_one_line_with_exit_code_2(tmp_path):
    bad = tmp_path / "bad.sq"
    bad.write_text("x: .data 1\n  x nowhere\n")
    good = tmp_path / "good.sq"
    good.write_text(source("negate"))
    for args, message in (([str(bad)], "line 2: unknown label 'nowhere'"),
                          ([str(tmp_path / "missing.sq")], "cannot read"),
                          ([str(good), "--max-steps", "-1"], "max_steps"),
                          ([str(good), "--word-bits", "40"], "word_bits")):
        result = runner.invoke(app, ["subleq", *args])
        assert result.exit_code == 2 and message in result.output
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_file_that_is_not_text_is_one_line(tmp_path):
    # a UnicodeDecodeError traceback (exit 1)
    binary = tmp_path / "binary.sq"
    binary.write_bytes(b"0 0 -1\n\xff\xfe\n")
    result = runner.invoke(app, ["subleq", str(binary)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.startswith(f"error: cannot read {binary}: it is not UTF-8 text (byte 0xff at 7)")
