"""`weightsmith modules`: modules, scores and descriptions printed; a picture written; one-line errors."""

from typer.testing import CliRunner

from weightsmith.cli import app
from weightsmith.compiler import compile_program
from weightsmith.library.registry import get_program
from weightsmith.model import save

runner = CliRunner()


def test_modules_of_a_saved_compiled_model(tmp_path):
    program = get_program("hist")
    save(compile_program(program.build(), program.vocab, program.max_seq_len).model, tmp_path / "hist")
    result = runner.invoke(app, ["modules", str(tmp_path / "hist"), "-k", "1", "-o", str(tmp_path / "hist.svg")])
    assert result.exit_code == 0, result.output
    assert "n-cut" in result.output and "histogram" in result.output and "100%" in result.output
    assert (tmp_path / "hist.svg").read_text().lstrip().startswith("<?xml")


def test_modules_on_the_activation_weighted_graph_with_shuffles():
    result = runner.invoke(app, ["modules", "frac_prevs", "-k", "2", "--shuffles", "3", "--activations"])
    assert result.exit_code == 0, result.output
    assert "mask shuffles" in result.output and "full shuffles" in result.output


def test_bad_input_is_one_line_exit_2(tmp_path):
    for args, words in ((["nosuch"], "neither a model folder"), (["hist", "--method", "magic"], "--method"),
                        (["hist", "-o", str(tmp_path / "x.gif")], ".png or .svg"), (["hist", "-k", "999"], "only"),
                        (["hist", "--data", "dyck1"], "not in the model's vocabulary"),
                        (["hist", "--shuffles", "-1"], "--shuffles -1")):  # was a traceback after all the work
        result = runner.invoke(app, ["modules", *args])
        assert result.exit_code == 2, (args, result.output)
        assert words in result.output and len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_component_level_modules_are_counted_by_their_own_nodes_and_not_misdescribed():
    """At `--level component` the nodes are heads, MLP layers, embed and unembed: a module of two heads was
    "2 heads, 0 units, 0 residual segments: reads/writes residual segments only", and {embed, unembed}
    "0 heads, 0 units, 0 residual segments" — the description of the unit level, untrue here."""
    result = runner.invoke(app, ["modules", "sort", "--level", "component", "--method", "layers"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("module ")]
    assert lines and not any("residual segments" in line for line in lines)
    assert any("MLP layer" in line for line in lines) and any("embed" in line for line in lines)
    assert all("described at --level unit" in line for line in lines)
