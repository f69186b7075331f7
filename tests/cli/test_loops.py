"""`weightsmith explain` on a looped model: the block, its stop flag and its budget."""

from typer.testing import CliRunner

from tests.loop_programs import rotate_left
from weightsmith.cli import app
from weightsmith.compiler import compile_program
from weightsmith.model import save


def test_explain_describes_the_loop(tmp_path):
    save(compile_program(rotate_left(9)["xs"], ["a", "b"], 3).model, tmp_path / "m")
    explained = CliRunner().invoke(app, ["explain", str(tmp_path / "m")])
    assert explained.exit_code == 0
    text = " ".join(explained.output.split())
    assert "loop: layers 2-2 are one block with shared weights" in text and "max_steps + 1 = 10 times" in text
    assert "(loop)" in text  # the block's stages are marked in the layout
