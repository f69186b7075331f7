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
    binary = tmp_path / "b.tsv"
    binary.write_bytes(b"a b\t1 1\n\xff\n")  # the error was the codec's alone, naming no file
    result = runner.invoke(app, ["fit", f"{EXAMPLES / 'histogram.py'}:make", str(binary), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "b.tsv: cannot read the examples (it is not UTF-8 text" in result.output


def test_max_len_zero_is_refused_before_any_work(tmp_path):
    """`--max-len 0` was read as "not given" (`max_len or the data's longest`): the fit ran and compiled for
    the data's longest input, the option ignored without a word."""
    result = runner.invoke(app, ["fit", f"{EXAMPLES / 'histogram.py'}:make", str(EXAMPLES / "histogram.tsv"),
                                 "-o", str(tmp_path / "out"), "--max-len", "0"])
    assert result.exit_code == 2 and "--max-len" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_data_tokens_equal_as_values_are_refused_naming_both(tmp_path):
    """Data tokens `True` and `1` (or `0` and `False`, `1` and `1.0`) went through a set, which kept one of each
    pair: the vocabulary became [-1, 0, True] and the fit ended with "token 1 is not in the vocabulary", a token
    the data plainly has. Now refused before any work, naming both tokens."""
    sketch = tmp_path / "sk.py"
    sketch.write_text("from weightsmith import rasp\n"
                      "def sign():\n    return rasp.Learnable.map(rasp.tokens, ['neg', 'zero', 'pos'])\n")
    data = tmp_path / "d.tsv"
    data.write_text("True 1\tpos pos\n0 -1\tzero neg\n")
    result = runner.invoke(app, ["fit", f"{sketch}:sign", str(data), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "True" in result.output and "1" in result.output and "equal" in result.output
    assert not (tmp_path / "out").exists()


def test_a_data_token_is_known_to_vocab_only_with_its_type(tmp_path):
    """`True in [1]` holds in Python: a data token True passed the `--vocab 1` check, then failed in the model."""
    data = tmp_path / "d.tsv"
    data.write_text("True 0\t1 1\n")
    result = runner.invoke(app, ["fit", f"{EXAMPLES / 'histogram.py'}:make", str(data), "-o", str(tmp_path / "o"),
                                 "--vocab", "1,0"])
    assert result.exit_code == 2 and "token True is not in --vocab [1, 0]" in result.output


def test_examples_saved_with_a_byte_order_mark_read_as_without(tmp_path):
    # the mark became part of the first token ('\ufeffc'), a token of its own that fit learned a filling for
    from weightsmith.cli.sketch import read_examples

    plain, marked = tmp_path / "plain.tsv", tmp_path / "marked.tsv"
    plain.write_text("c a c\t2 1 2\na\t1\n", encoding="utf-8")
    marked.write_text("c a c\t2 1 2\na\t1\n", encoding="utf-8-sig")
    assert read_examples(marked) == read_examples(plain) == [(["c", "a", "c"], [2, 1, 2]), (["a"], [1])]
