from typer.testing import CliRunner

from weightsmith.cli import app

runner = CliRunner()


def test_a_bad_sweep_file_is_one_line_and_exit_2(tmp_path):
    config = tmp_path / "s.toml"
    config.write_text('task = "hist"\n[fixed]\nlayers = 1\nheads = 2\nmlps = 1\nepochs = 3\n[grid]\nseeds = [0]\n')
    result = runner.invoke(app, ["sweep", str(config), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2
    assert "grid.seeds is not an argument of train_task" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_missing_sweep_file(tmp_path):
    result = runner.invoke(app, ["sweep", str(tmp_path / "none.toml"), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2 and "cannot read the sweep file" in result.output
