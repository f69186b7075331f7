import importlib.util

from typer.testing import CliRunner

from weightsmith.cli import app

runner = CliRunner()


def test_explore_a_library_program_writes_one_page(tmp_path):
    out = tmp_path / "new" / "page.html"  # a missing folder is made, as by draw, circuits, export and modules"
    result = runner.invoke(app, ["explore", "sort", "--input", "3 1 2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert page.startswith("<!DOCTYPE html>") and "sort(3 1 2)" in page


def test_explore_a_saved_model(tmp_path):
    assert runner.invoke(app, ["compile", "reverse", "-o", str(tmp_path / "m")]).exit_code == 0
    result = runner.invoke(app, ["explore", str(tmp_path / "m"), "--input", "a b", "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 0, result.output
    assert "reverse" in (tmp_path / "p.html").read_text()


def test_explore_errors_are_one_line(tmp_path):
    for args, message in ((["sort", "--input", "3 9"], "not in the vocabulary"),
                          (["sort", "--input", " "], "--input is empty"),
                          (["sort", "--input", "BOS 3 1"], "'BOS' is not in the vocabulary [0, 1, 2, 3]: the command puts "
                                                           "'BOS' first itself, give the tokens after it"),
                          (["sort", "--input", "0 1 2 3 0 1"], "longer than the model's max_seq_len"),
                          # `run sort_unique 2 2 1` refuses it; the page showed the program's answer without a word
                          (["sort_unique", "--input", "2 2 1"], "needs distinct tokens, but 2 repeats at position 1")):
        result = runner.invoke(app, ["explore", *args, "-o", str(tmp_path / "p.html")])
        assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_draw_svg_and_png(tmp_path):
    result = runner.invoke(app, ["draw", "sort", "-o", str(tmp_path / "g.svg")])
    assert result.exit_code == 0 and (tmp_path / "g.svg").read_text().count('class="node"') == 7
    if importlib.util.find_spec("matplotlib") is not None:
        assert runner.invoke(app, ["draw", "sort", "-o", str(tmp_path / "g.png")]).exit_code == 0
        assert (tmp_path / "g.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = runner.invoke(app, ["draw", "sort", "-o", str(tmp_path / "g.pdf")])
    assert result.exit_code == 2 and "must be .svg or .png" in result.output


def test_explore_a_switch_needs_its_selector_as_run_does(tmp_path):
    """`run SWITCH 2 1` is refused (every component gated off, it answered None everywhere); `explore`
    wrote a page showing that answer for the same input without a word."""
    for name in ("sort", "reverse"):
        assert runner.invoke(app, ["compile", name, "-o", str(tmp_path / name), "--vocab", "0,1,2",
                                   "--max-len", "3"]).exit_code == 0
    switch = str(tmp_path / "sw")
    assert runner.invoke(app, ["switch", f"S={tmp_path / 'sort'}", f"R={tmp_path / 'reverse'}", "-o", switch,
                               "--no-check"]).exit_code == 0
    result = runner.invoke(app, ["explore", switch, "--input", "2 1", "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 2 and "right after BOS" in result.output and not (tmp_path / "p.html").exists()
    result = runner.invoke(app, ["explore", switch, "--input", "S 2 1", "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 0, result.output


def test_explore_a_pipe_refuses_where_it_is_undefined_as_run_does(tmp_path):
    """`run PIPE 0 1 1` is refused where the first model outputs None (its `pipe:fed`); `explore` wrote a page of
    the pipe's answer there."""
    program = tmp_path / "progs.py"
    program.write_text("from weightsmith import rasp\n\n\ndef zero_none():\n"
                       "    return rasp.Map(lambda t: None if t == 0 else t, rasp.tokens)\n")
    assert runner.invoke(app, ["compile", f"{program}:zero_none", "-o", str(tmp_path / "zn"), "--vocab", "0,1,2,3",
                               "--max-len", "3"]).exit_code == 0
    assert runner.invoke(app, ["compile", "hist", "-o", str(tmp_path / "hist"), "--vocab", "0,1,2,3",
                               "--max-len", "3"]).exit_code == 0
    piped = str(tmp_path / "pp")
    assert runner.invoke(app, ["pipe", str(tmp_path / "zn"), str(tmp_path / "hist"), "-o", piped,
                               "--no-check"]).exit_code == 0
    result = runner.invoke(app, ["explore", piped, "--input", "0 1 1", "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 2 and "outputs None at position 1" in result.output
    assert not (tmp_path / "p.html").exists()
    result = runner.invoke(app, ["explore", piped, "--input", "3 1 1", "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 0, result.output
