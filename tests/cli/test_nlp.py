"""`weightsmith sentiment` at dictionary scale, driven as a user would: three labels, unknown words on
stderr, a trace that fits 100 columns."""

import pytest
from rich.console import Console
from typer.testing import CliRunner

from weightsmith.cli import app
from weightsmith.show.trace_table import nlp_trace_table
from weightsmith.tasks.nlp import dictionary

needs_lexicon = pytest.mark.skipif(bool(dictionary.missing()),
                                   reason="lexical resources not installed: " + "; ".join(dictionary.missing()))

runner = CliRunner()


@needs_lexicon
@pytest.mark.parametrize("text, label", [("The soup wasn't bad!", "positive"), ("We leave at six.", "neutral"),
                                         ("The train was late, but the staff were very rude", "negative")])
def test_three_labels(text, label):
    result = runner.invoke(app, ["sentiment", text])
    assert result.exit_code == 0 and result.stdout.strip() == label


@needs_lexicon
def test_unknown_words_go_to_stderr_not_into_the_answer():
    result = runner.invoke(app, ["sentiment", "the gnocchi was superb"])
    assert result.exit_code == 0 and result.stdout.strip() == "positive"
    assert "read as UNK): gnocchi" in result.stderr and "gnocchi" not in result.stdout


@needs_lexicon
def test_trace_shows_words_and_reads_whole_in_100_columns():
    text = "the food was not bad , but the service was slow"
    result = runner.invoke(app, ["sentiment", text, "--trace"])
    assert result.exit_code == 0 and result.stdout.strip().endswith("negative")
    assert "negated" in result.stdout and "service" in result.stdout  # words, not ids
    console = Console(width=100, record=True)  # a 100-column terminal: nothing cut, nothing wider
    console.print(nlp_trace_table("sentiment", text))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 100 and "…" not in "".join(lines)
    assert all(label in "".join(lines) for label in ("resolved", "negated", "counted_", "sentiment"))


def test_missing_lexical_resources_are_one_line_and_exit_code_2(monkeypatch, tmp_path):
    """On a machine without Debian's dictionaries the sentiment model cannot be built: say what to install."""
    from weightsmith.library import nlp
    from weightsmith.tasks.nlp.dictionary import sources

    monkeypatch.setenv(sources.ROOT_VARIABLE, str(tmp_path))  # a root with no /usr/share under it
    monkeypatch.setattr(nlp, "sentiment", lambda text: sources.require())
    result = runner.invoke(app, ["sentiment", "the food was good"])
    assert result.exit_code == 2
    message = result.stderr.strip() or result.stdout.strip()
    assert len(message.splitlines()) == 1 and "apt-get install dict-freedict-eng-fra" in message


def test_a_translation_the_program_cannot_finish_is_one_line_and_exit_code_1(monkeypatch):
    """Good text the program has no answer for (greedy decoding stopped without a word) is the program's
    failure, not the user's: one line naming where it stopped, exit 1, no traceback."""
    from weightsmith.library import nlp

    def stopped(text, you="vous"):
        raise nlp.TranslationStopped("the translation model gave no word after 'we went SEP nous'")

    monkeypatch.setattr(nlp, "translate", stopped)
    result = runner.invoke(app, ["translate", "we went"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # an exit, not the error escaping
    message = result.stderr.strip() or result.stdout.strip()
    assert len(message.splitlines()) == 1 and message.startswith("error:") and "gave no word after" in message


@needs_lexicon
def test_translate_at_dictionary_scale_with_vous_or_tu_and_unknown_words_in_place():
    result = runner.invoke(app, ["translate", "Are you tired?"])
    assert result.exit_code == 0 and result.stdout.strip() == "est-ce que vous êtes fatigués?"
    result = runner.invoke(app, ["translate", "Are you tired?", "--tu"])
    assert result.exit_code == 0 and result.stdout.strip() == "est-ce que tu es fatigué?"
    result = runner.invoke(app, ["translate", "She does not zzsleep."])
    assert result.exit_code == 0 and result.stdout.strip() == "elle ne zzsleep pas."
    assert "read as UNK): zzsleep" in result.stderr


@needs_lexicon
def test_translation_trace_fits_100_columns():
    result = runner.invoke(app, ["translate", "the cat eats the fish", "--trace"])
    assert result.exit_code == 0 and result.stdout.strip().endswith("le chat mange le poisson")
    console = Console(width=100, record=True)
    console.print(nlp_trace_table("translation", "the cat eats the fish"))
    assert max(len(line) for line in console.export_text().splitlines()) <= 100


def test_a_rounding_warning_on_a_language_commands_first_run_says_where_the_model_is_checked(monkeypatch, tmp_path):
    # the first run compiles the model; the compiler's RoundingWarning ended "verify() checks the model", which a
    # `sentiment` user, who has no program to verify against, cannot follow
    from tests.cli.test_commands import PARITY
    from weightsmith.compiler import compile_program
    from weightsmith.library import nlp

    (tmp_path / "parity.py").write_text(PARITY)
    monkeypatch.syspath_prepend(str(tmp_path))
    from parity import make

    def compiling(text):  # a model compiled on the way to the answer, as the first run's is
        compile_program(make(), list(range(700)), 4)
        return "neutral"

    monkeypatch.setattr(nlp, "sentiment", compiling)
    monkeypatch.setattr(nlp, "unknown_words", lambda text, task: [])
    result = runner.invoke(app, ["sentiment", "the food was good"])
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert result.exit_code == 0 and "neutral" in result.stdout and len(warned) == 1, result.output
    assert "verify()" not in warned[0] and warned[0].endswith("; benchmarks/nlp.py compares the compiled model with "
                                                              "the interpreter on the shipped corpora (docs/nlp.md)")
