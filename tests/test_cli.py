"""The command line, driven as a user would: outputs, traces, and one-line errors with exit code 2."""

import json

import pytest
from typer.testing import CliRunner

from weightsmith import rasp
from weightsmith.cli import app
from weightsmith.library import PROGRAMS
from weightsmith.model import load

runner = CliRunner()


def test_help_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "run" in result.output and "list" in result.output


def test_list_shows_library():
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0 and "reverse" in result.output and "dyck1" in result.output


def test_run_prints_output_and_trace():
    result = runner.invoke(app, ["run", "reverse", "a", "b", "c"])
    assert result.exit_code == 0 and "['c', 'b', 'a']" in result.output
    traced = runner.invoke(app, ["run", "hist", "a", "b", "a", "--trace"])
    assert traced.exit_code == 0 and "tokens" in traced.output and "[2, 1, 2]" in traced.output


def test_run_rejects_bad_input_clearly():
    unknown = runner.invoke(app, ["run", "reverse", "a", "z"])
    assert unknown.exit_code == 2 and "'z' is not in the vocabulary" in unknown.output
    too_long = runner.invoke(app, ["run", "reverse", *["a"] * 9])
    assert too_long.exit_code == 2 and "longer than" in too_long.output
    missing = runner.invoke(app, ["run", "no_such_program", "a"])
    assert missing.exit_code == 2 and "reverse" in missing.output


def test_compile_verify_explain_and_run_a_saved_model(tmp_path):
    out = tmp_path / "rev"
    compiled = runner.invoke(app, ["compile", "reverse", "-o", str(out)])
    assert compiled.exit_code == 0 and "d_model" in compiled.output
    assert (out / "model.safetensors").exists() and (out / "program.py").exists()
    verified = runner.invoke(app, ["verify", str(out), "reverse"])
    assert verified.exit_code == 0 and "model == program on every one" in verified.output
    wrong = runner.invoke(app, ["verify", str(out), "hist"])  # same vocab, a different program
    assert wrong.exit_code == 1 and "MISMATCH" in wrong.output
    explained = runner.invoke(app, ["explain", str(out)])
    assert explained.exit_code == 0 and "reverse" in explained.output and "tokens" in explained.output
    ran = runner.invoke(app, ["run", str(out), "a", "b", "c"])
    assert ran.exit_code == 0 and "['c', 'b', 'a']" in ran.output
    bad = runner.invoke(app, ["explain", str(tmp_path)])
    assert bad.exit_code == 2 and "error" in bad.output


def test_compile_file_program_needs_vocab(tmp_path):
    source = tmp_path / "prog.py"
    source.write_text("from weightsmith import rasp\n\ndef ident():\n    return rasp.Map(lambda t: t, rasp.tokens)\n")
    missing = runner.invoke(app, ["compile", f"{source}:ident", "-o", str(tmp_path / "m")])
    assert missing.exit_code == 2 and "--vocab" in missing.output
    ok = runner.invoke(app, ["compile", f"{source}:ident", "--vocab", "x,y", "--max-len", "3", "-o", str(tmp_path / "m")])
    assert ok.exit_code == 0


def test_language_tasks():
    assert runner.invoke(app, ["translate", "the cat eats"]).stdout.strip().endswith("le chat mange")
    assert "ungrammatical" in runner.invoke(app, ["grammar", "the cats eats the fish ."]).output
    traced = runner.invoke(app, ["run", "sentiment", "the", "film", "was", "not", "good", "--trace"])
    assert traced.exit_code == 0 and "negated" in traced.output and traced.stdout.strip().endswith("negative")


def test_learn_rejects_unknown_task(tmp_path):
    result = runner.invoke(app, ["learn", "no_such_task", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "sort" in result.output


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_every_library_program_compiles_saves_loads_verifies_and_runs(name, tmp_path):
    entry = PROGRAMS[name]
    out = tmp_path / name
    assert runner.invoke(app, ["compile", name, "-o", str(out)]).exit_code == 0
    verified = runner.invoke(app, ["verify", str(out), name])
    assert verified.exit_code == 0 and "all inputs" in verified.output, verified.output
    example = list(entry.examples[0])
    assert runner.invoke(app, ["run", str(out), *map(str, example)]).exit_code == 0
    model = load(out)  # numbers compare by value: the model may give 0 where the interpreter gives 0.0
    assert model.run([model.config.bos, *example])[1:] == rasp.evaluate(entry.build(), example)


def test_learn_trains_with_counting_sets_scopes_and_wider_variables(tmp_path):
    result = runner.invoke(app, ["learn", "hist", "-o", str(tmp_path), "--layers", "1", "--heads", "2", "--mlps", "0",
                                 "--epochs", "3", "--predicate", "mixed", "--values", "12", "--count-where",
                                 "--scopes", "all,before", "--identity-bias", "2", "--read-last-layer",
                                 "--recency-bias", "1.5", "--search-seconds", "5", "--time-budget", "600"])
    assert result.exit_code == 0, result.output
    config = json.loads((tmp_path / "program.json").read_text())["config"]
    assert config["values"] == 12 and config["count_where"] and config["predicate"] == "mixed"
    assert config["scopes"] == ["all", "before"]
    saved = json.loads((tmp_path / "result.json").read_text())
    assert saved["decompiled_equals_model"] and saved["compiled_equals_model"]
    assert saved["config"]["identity_bias"] == 2.0 and saved["config"]["read_last_layer"]
    assert saved["config"]["recency_bias"] == 1.5
    assert saved["config"]["search_seconds"] == 5 and saved["search"]["sweeps"] >= 1
    assert saved["config"]["time_budget"] == 600
    assert saved["train_seconds"] == saved["gradient_seconds"] + saved["refit_seconds"] + saved["search_seconds"]


def test_add_and_multiply_run_the_compiled_models():
    result = runner.invoke(app, ["add", "95", "7", "--digits", "3", "--trace"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("102") and "carry in" in result.output
    result = runner.invoke(app, ["add", "9999999999", "1", "--causal"])
    assert result.exit_code == 0 and result.output.strip() == "10000000000"
    result = runner.invoke(app, ["multiply", "12", "34", "--trace"])
    assert result.exit_code == 0 and result.output.strip().endswith("408") and "column sum" in result.output


@pytest.mark.parametrize("args, message", [
    (["add", "--", "-3", "4"], "negative"),
    (["add", "123456", "1", "--digits", "5"], "6 digits"),
    (["multiply", "1", "2", "--digits", "9"], "1..8"),
])
def test_arithmetic_errors_are_one_line_and_exit_2(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
