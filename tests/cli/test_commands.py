"""The command line, driven as a user would: outputs, traces, and one-line errors with exit code 2."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from weightsmith import rasp
from weightsmith.cli import app
from weightsmith.library import PROGRAMS
from weightsmith.model import load

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.parametrize("option, value", [("--epochs", "0"), ("--restarts", "0"), ("--heads", "0"), ("--values", "-1")])
def test_learn_refuses_counts_it_cannot_train_with_before_training(option, value, tmp_path):
    """They raised RuntimeError "Class values must be non-negative" (--epochs 0), IndexError (--restarts 0),
    "torch.cat(): expected a non-empty list" (--heads 0) or blamed the layers (--values -1)."""
    result = runner.invoke(app, ["learn", "hist", "-o", str(tmp_path / "out"), option, value])
    assert result.exit_code == 2 and f"Invalid value for '{option}'" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


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
                                 "--recency-bias", "1.5", "--search-seconds", "60", "--time-budget", "600",
                                 "--defer-labels", "7"])
    assert result.exit_code == 0, result.output
    config = json.loads((tmp_path / "program.json").read_text())["config"]
    assert config["values"] == 12 and config["count_where"] and config["predicate"] == "mixed"
    assert config["scopes"] == ["all", "before"]
    saved = json.loads((tmp_path / "result.json").read_text())
    assert saved["decompiled_equals_model"] and saved["compiled_equals_model"]
    assert saved["config"]["identity_bias"] == 2.0 and saved["config"]["read_last_layer"]
    assert saved["config"]["recency_bias"] == 1.5 and saved["config"]["defer_labels"] == ["7"]
    assert saved["config"]["search_seconds"] == 60 and saved["search"]["sweeps"] >= 1
    assert saved["config"]["time_budget"] == 600
    assert saved["train_seconds"] == saved["gradient_seconds"] + saved["refit_seconds"] + saved["search_seconds"]


def test_learn_names_a_deferred_label_the_task_does_not_have(tmp_path):
    result = runner.invoke(app, ["learn", "hist", "-o", str(tmp_path), "--epochs", "1", "--defer-labels", "BOS"])
    assert result.exit_code == 2 and "['BOS'] are not labels of this task" in result.output, result.output


def _corrupt_copies(saved, root):
    """A few damaged copies of a saved folder: the ways loading used to crash, run out of memory or be fooled."""
    import shutil

    cases = {}
    for name in ("flipped", "huge", "deep", "fifo", "truncated"):
        shutil.copytree(saved, root / name)
        cases[name] = root / name
    weights = bytearray((saved / "model.safetensors").read_bytes())
    weights[-2] ^= 1
    (cases["flipped"] / "model.safetensors").write_bytes(bytes(weights))
    document = json.loads((saved / "config.json").read_text())
    del document["checksums"]
    document.update(d_model=10**5, residual_labels=[f"d:{i}" for i in range(10**5)], max_seq_len=10**6,
                    layer_labels=None)
    (cases["huge"] / "config.json").write_text(json.dumps(document))
    (cases["deep"] / "config.json").write_text("[" * 100_000 + "]" * 100_000)
    (cases["fifo"] / "model.safetensors").unlink()
    os.mkfifo(cases["fifo"] / "model.safetensors")
    (cases["truncated"] / "model.safetensors").write_bytes(bytes(weights[:100]))
    return cases


def test_a_corrupt_model_folder_is_one_line_and_exit_2(tmp_path):
    saved = tmp_path / "rev"
    assert runner.invoke(app, ["compile", "reverse", "-o", str(saved)]).exit_code == 0
    for name, folder in _corrupt_copies(saved, tmp_path).items():
        for command in (["run", str(folder), "a", "b"], ["verify", str(folder), "reverse"], ["explain", str(folder)]):
            result = runner.invoke(app, command)
            assert result.exit_code == 2, (name, command, result.output)
            lines = result.output.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"error: {folder}"), (name, command, result.output)


def test_a_folder_without_checksums_runs_with_a_one_line_warning(tmp_path):
    saved = tmp_path / "rev"
    assert runner.invoke(app, ["compile", "reverse", "-o", str(saved)]).exit_code == 0
    document = json.loads((saved / "config.json").read_text())
    del document["checksums"]
    (saved / "config.json").write_text(json.dumps(document))
    result = subprocess.run([sys.executable, "-m", "weightsmith.cli", "run", str(saved), "a", "b", "c"],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0 and "['c', 'b', 'a']" in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("warning: ")


def test_a_corrupt_folder_in_a_real_process(tmp_path):
    """No traceback, exit code 2, one line, and the process's memory stays small (the issue: ~23.7 GB)."""
    saved = tmp_path / "rev"
    assert runner.invoke(app, ["compile", "reverse", "-o", str(saved)]).exit_code == 0
    folder = _corrupt_copies(saved, tmp_path)["huge"]
    script = ("import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
              "sys.argv = ['weightsmith', 'run', sys.argv[1], 'a']; runpy.run_module('weightsmith.cli', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", script, str(folder)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"})
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert len(result.stdout.strip().splitlines()) == 1 and "does not match config.json" in result.stdout


def one_line_error(result, *fragments: str) -> bool:
    """Exit code 2, one line starting `error:`, no traceback, holding every fragment."""
    text = result.output.strip()
    return (result.exit_code == 2 and text.startswith("error:") and "\n" not in text and "Traceback" not in text
            and all(f in text for f in fragments))


def test_run_a_saved_transformer_program_without_its_bos_first_is_one_line_and_exit_2(tmp_path):
    # it answered [2, 2] on `1 1` (`learn hist`'s), reading the first 1 as the program's BOS
    from tests.learn.conftest import random_program
    from tests.learn.test_to_transformer import quantised
    from weightsmith.learn import compile_program
    from weightsmith.model import save

    program = quantised(random_program(3, max_len=4))
    save(compile_program(program).model, tmp_path / "learned")
    assert program.config.vocab[:2] == ("BOS", 0)
    ran = runner.invoke(app, ["run", str(tmp_path / "learned"), "BOS", "0"])
    assert ran.exit_code == 0 and str(program.predict([["BOS", 0]])[0]) in ran.output, ran.output
    assert one_line_error(runner.invoke(app, ["run", str(tmp_path / "learned"), "0", "0"]),
                          "starts with 0, not the learned program's BOS token 'BOS'")


def test_version():
    from weightsmith import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"weightsmith {__version__}"


def test_run_a_saved_model_with_trace_reads_the_residual(tmp_path):
    out = tmp_path / "sort"
    assert runner.invoke(app, ["compile", "sort", "-o", str(out)]).exit_code == 0
    traced = runner.invoke(app, ["run", str(out), "3", "1", "2", "0", "--trace"])
    assert traced.exit_code == 0, traced.output
    rows = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
            for line in traced.output.splitlines() if line.startswith("│")}
    assert rows["tokens"] == ["embedding", "3", "1", "2", "0"]
    assert rows["unique_keys"] == ["layer 0 mlp", "3", "1.01", "2.02", "0.03"]
    assert rows["sort"][1:] == ["0", "1", "2", "3"] and rows["sort"][0].startswith("layer ")
    assert traced.output.strip().endswith("[0, 1, 2, 3]")


def test_run_names_what_is_wrong_with_a_path_or_file(tmp_path):
    assert one_line_error(runner.invoke(app, ["run", "/nonexistent", "a"]), "/nonexistent", "no such model folder")
    syntax = tmp_path / "syntax.py"
    syntax.write_text("from weightsmith import rasp\n\ndef make():\n    return rasp.Map(lambda t: t, rasp.tokens\n")
    assert one_line_error(runner.invoke(app, ["run", str(syntax), "a"]), "`" + str(syntax) + ":function`")
    assert one_line_error(runner.invoke(app, ["run", f"{syntax}:make", "a"]), f"{syntax}:4: syntax error")
    nul = tmp_path / "nul.py"
    nul.write_bytes(b"def make():\n    return 1\x00\n")  # Python's error has no line: it said "nul.py:None:"
    assert one_line_error(runner.invoke(app, ["run", f"{nul}:make", "a"]), f"{nul}: syntax error: source code")
    raising = tmp_path / "raising.py"
    raising.write_text("def helper():\n    raise RuntimeError('no program today')\n\n\ndef make():\n    return helper()\n")
    assert one_line_error(runner.invoke(app, ["run", f"{raising}:make", "a"]),
                          f"{raising}:2: make() raised RuntimeError: no program today")
    assert one_line_error(runner.invoke(app, ["run", str(raising), "a"]), "(its functions: helper, make)")
    importing = tmp_path / "importing.py"
    importing.write_text("import weightsmith_has_no_such_module\n")
    assert one_line_error(runner.invoke(app, ["run", f"{importing}:make", "a"]), f"{importing}:1:",
                          "ModuleNotFoundError")
    assert one_line_error(runner.invoke(app, ["run", "sort_unique", "2", "1", "2"]), "distinct tokens")


def test_compile_rejects_bad_out_folders_and_lengths(tmp_path):
    a_file = tmp_path / "file"
    a_file.write_text("not a folder")
    assert one_line_error(runner.invoke(app, ["compile", "reverse", "-o", str(a_file)]), "is a file, not a folder")
    assert one_line_error(runner.invoke(app, ["compile", "reverse", "-o", str(a_file / "sub")]), "is a file")
    assert one_line_error(runner.invoke(app, ["compile", "reverse", "-o", "/proc/weightsmith"]), "cannot write into")
    assert one_line_error(runner.invoke(app, ["learn", "hist", "-o", str(a_file)]), "is a file")
    assert one_line_error(runner.invoke(app, ["compile", "reverse", "--max-len", "0", "-o", str(tmp_path / "m")]),
                          "at least 1, got 0")
    assert one_line_error(runner.invoke(app, ["compile", "sort", "--max-len", "128", "-o", str(tmp_path / "m")]),
                          "sort is correct only for inputs of at most 100 tokens, not 128")
    assert one_line_error(runner.invoke(app, ["compile", "most_freq", "--vocab", "a,_", "-o", str(tmp_path / "m")]),
                          "holds '_'")
    assert not (tmp_path / "m").exists()


def test_list_shows_limits():
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0
    sort_row = next(line for line in result.output.splitlines() if line.startswith("│ sort "))
    assert "len ≤ 100" in sort_row


def test_verify_says_what_differs(tmp_path):
    out = tmp_path / "rev"
    assert runner.invoke(app, ["compile", "reverse", "-o", str(out)]).exit_code == 0
    other = runner.invoke(app, ["verify", str(out), "hist"])
    assert other.exit_code == 1 and "every s-op reads right" not in other.output
    assert "the model's output s-op is 'reverse', the program's 'hist'" in other.output
    vocab = runner.invoke(app, ["verify", str(out), "sort"])  # sort is over numbers, the model over letters
    assert one_line_error(vocab, "'a' is not a number", "the model's vocabulary is ['a', 'b', 'c']") and \
        "undefined" not in vocab.output
    source = tmp_path / "upper.py"
    source.write_text("from weightsmith import rasp\n\ndef make():\n    return rasp.Map(lambda t: t + 1, rasp.tokens)\n")
    undefined = runner.invoke(app, ["verify", str(out), f"{source}:make"])
    assert undefined.exit_code == 1 and "undefined (the interpreter raises) on every one" in undefined.output
    assert "input ['a'] (over the model's vocabulary ['a', 'b', 'c'])" in undefined.output
    assert "its function raised TypeError" in undefined.output


def test_causal_compile_warns_and_verify_checks_the_causal_form(tmp_path):
    out = tmp_path / "hist"
    compiled = runner.invoke(app, ["compile", "hist", "--causal", "-o", str(out)])
    assert compiled.exit_code == 0 and "warning: hist looks ahead" in compiled.output
    assert "on ['a', 'a'] it gives [1, 2], not [2, 2]" in compiled.output
    verified = runner.invoke(app, ["verify", str(out), "hist"])
    assert verified.exit_code == 0 and "model == program's causal form on every one" in verified.output
    back_only = runner.invoke(app, ["compile", "frac_prevs", "--causal", "-o", str(tmp_path / "frac")])
    assert back_only.exit_code == 0 and "warning" not in back_only.output


def test_verify_from_a_script_shows_no_progress_bar(tmp_path, capsys):
    from weightsmith.compiler import compile_rasp_to_model
    from weightsmith.verify import verify

    entry = PROGRAMS["reverse"]
    compiled = compile_rasp_to_model(entry.build(), set(entry.vocab), entry.max_seq_len)
    assert verify(compiled, compiled.program).ok
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


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
    (["add", "-3", "4"], "-3 is negative"),  # without `--`: it was Click's "No such option: -3"
    (["multiply", "3", "-4"], "-4 is negative"),
    (["add", "123456", "1", "--digits", "5"], "6 digits"),
    (["multiply", "1", "2", "--digits", "9"], "1..8"),
    # the trace is the encoder adder's: with --causal it showed a model that did not compute the answer
    (["add", "95", "7", "--causal", "--trace"], "--trace reads the encoder adder"),
])
def test_arithmetic_errors_are_one_line_and_exit_2(args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_language_commands_read_a_sentence_typed_unquoted_as_one_text():
    """`sentiment good bad` was refused as "unexpected extra argument (bad)"; `run sentiment good bad` read it."""
    quoted = runner.invoke(app, ["sentiment", "not bad at all", "--trace"])
    words = runner.invoke(app, ["sentiment", "not", "bad", "--trace", "at", "all"])
    assert quoted.exit_code == words.exit_code == 0 and words.stdout == quoted.stdout, words.output


def test_language_tasks_name_unknown_words_and_refuse_empty_or_wordless_text():
    result = runner.invoke(app, ["translate", "the boy is zzyzx qwertz"])
    assert result.exit_code == 0 and "read as UNK): zzyzx, qwertz" in result.output
    for command in ("translate", "grammar", "sentiment"):
        empty = runner.invoke(app, [command, "  "])
        assert empty.exit_code == 2 and "the text is empty" in empty.output
        for text in ("...", "?!", "—"):
            wordless = runner.invoke(app, [command, text, "--trace"])
            assert wordless.exit_code == 2 and wordless.output == ("error: the text has no words, only punctuation "
                                                                   "or symbols: give a sentence\n"), wordless.output
        long = runner.invoke(app, [command, "the cat " * 40])
        assert long.exit_code == 2 and "reads at most" in long.output and "the cat the cat" not in long.output


@pytest.mark.parametrize("tokens, hint", [
    (["BOS", "a"], "token 'BOS' is not in the vocabulary ['a', 'b', 'c']: the command puts 'BOS' first itself, give the "
                   "tokens after it"),
    (["BOS a b"], "token 'BOS a b' is not in the vocabulary ['a', 'b', 'c']: one argument per token, without quotes "
                  "and without 'BOS' (the command puts it first): a b"),
    (["a c"], "token 'a c' is not in the vocabulary ['a', 'b', 'c']: one argument per token, without quotes: a c"),
], ids=["bos", "quoted-with-bos", "quoted"])
def test_tokens_typed_as_the_apis_input_say_how_run_takes_them(tokens, hint, tmp_path):
    """`compiled.apply(["BOS", "a"])` is the tour's call; typed so at `run`, the refusal named the token only."""
    assert runner.invoke(app, ["compile", "reverse", "-o", str(tmp_path / "m")]).exit_code == 0
    for program in ("reverse", str(tmp_path / "m")):
        result = runner.invoke(app, ["run", program, *tokens])
        assert result.exit_code == 2 and result.output == f"error: {hint}\n", result.output


def test_errors_print_paths_as_written():
    result = runner.invoke(app, ["run", "r:x", "a"])  # rich would turn ":x:" into an emoji
    assert result.exit_code == 2 and "r:x" in result.output


def test_a_typed_model_runs_verifies_and_explains_with_its_types(tmp_path):
    out = tmp_path / "frac"
    assert runner.invoke(app, ["compile", "frac_prevs", "-o", str(out)]).exit_code == 0
    ran = runner.invoke(app, ["run", str(out), "x", "a", "x"])
    assert ran.exit_code == 0 and "[True, 0.5, 0.6666666666666666]" in ran.output  # bool alone, float means
    assert runner.invoke(app, ["verify", str(out), "frac_prevs"]).exit_code == 0
    explained = " ".join(runner.invoke(app, ["explain", str(out)]).output.split())
    assert "its Python type from dims" in explained and "(int, bool, float)" in explained
    assert "frac_prevs[type] = {none, one, several}" in explained  # brackets shown, not read as markup


def test_compile_says_in_one_line_when_the_model_cannot_tell_an_outputs_type(tmp_path):
    """The compiler's OutputTypeWarning (an int that may be a float) reaches a CLI user as one line."""
    source = tmp_path / "two_means.py"
    source.write_text(
        "from weightsmith import rasp\n"
        "def make():\n"
        "    one = rasp.numerical(rasp.Map(lambda x: 1 if x == 0 else 0, rasp.tokens))\n"
        "    by_token = rasp.Select(rasp.tokens, rasp.indices, rasp.Comparison.EQ)\n"
        "    by_one = rasp.Select(rasp.Map(lambda x: int(x > 0), one), rasp.indices, rasp.Comparison.EQ)\n"
        "    return rasp.numerical(rasp.LinearSequenceMap(rasp.numerical(rasp.Aggregate(by_one, one, default=0)),\n"
        "                                                rasp.numerical(rasp.Aggregate(by_token, one, default=0)), 1, 1))\n")
    result = runner.invoke(app, ["compile", f"{source}:make", "--vocab", "0", "--max-len", "2", "-o", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warned) == 1 and "an int or a float" in warned[0], result.stderr
    assert "Traceback" not in result.stderr and "warnings.warn" not in result.stderr


def test_a_compile_that_fails_is_one_line_without_warnings_about_its_model(tmp_path):
    # `compile` printed the compiler's "undefined on some inputs, and its model's outputs there mean nothing"
    # warning, then the error that no model was made
    source = tmp_path / "div.py"
    source.write_text("from weightsmith import rasp\n\ndef div():\n    return rasp.Map(lambda x: 10 // x, rasp.tokens)\n")
    result = runner.invoke(app, ["compile", f"{source}:div", "--vocab", "0,1,2", "--max-len", "3",
                                 "-o", str(tmp_path / "m")])
    assert one_line_error(result, "ZeroDivisionError"), result.output


def test_run_trace_of_a_map_to_lists_is_one_line(tmp_path):
    """`run prog.py:listy a --trace` printed a traceback (the trace's EvaluationError: a list is no value)."""
    source = tmp_path / "listy.py"
    source.write_text("from weightsmith import rasp\n\ndef listy():\n    return rasp.Map(lambda x: [x], rasp.tokens)\n")
    result = runner.invoke(app, ["run", f"{source}:listy", "a", "--vocab", "a", "--trace"])
    assert one_line_error(result, "returned an unhashable value"), result.output


def test_run_of_a_language_task_refuses_a_vocabulary():
    """`run sentiment good --vocab a,b` answered "positive", the vocabulary silently ignored."""
    result = runner.invoke(app, ["run", "sentiment", "good", "--vocab", "a,b"])
    assert one_line_error(result, "--vocab is for a program, not the language task sentiment"), result.output


def test_a_value_set_too_large_names_the_flags_that_keep_it_within_the_limit(tmp_path):
    # it advised "raise max_size", which no command and no compiler call takes
    source = tmp_path / "pair.py"
    source.write_text("from weightsmith import rasp\n\ndef pair():\n"
                      "    return rasp.SequenceMap(lambda t, i: (t, i), rasp.tokens, rasp.indices).named('pair')\n")
    vocab = ",".join(f"t{i}" for i in range(200))  # 200 tokens x 1,000 positions: 200,000 pairs
    for command in (["compile", f"{source}:pair", "-o", str(tmp_path / "m")], ["explore", f"{source}:pair", "--input",
                    "t0", "-o", str(tmp_path / "p.html")], ["export", f"{source}:pair", "--to", "onnx", "-o",
                                                           str(tmp_path / "x.onnx")]):
        result = runner.invoke(app, [*command, "--vocab", vocab, "--max-len", "1000"])
        assert one_line_error(result, "SequenceMap 'pair' has more than 100,000 values (the compiler's limit) on inputs "
                              "of up to 1,000 tokens over a vocabulary of 200; a smaller --max-len or --vocab"), result.output
        assert "max_size" not in result.output and "max_seq_len" not in result.output


def test_run_reads_numbers_as_numbers_with_and_without_a_vocabulary(tmp_path):
    """Read as text, `2 * "1"` is "11" and "10.5" < "2.5": the program answered wrong without an error."""
    source = tmp_path / "prog.py"
    source.write_text("from weightsmith import rasp\n\ndef double():\n    return rasp.Map(lambda x: 2 * x, rasp.tokens)\n\n"
                      "def smaller():\n    return rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, "
                      "rasp.Comparison.LT))\n")
    assert runner.invoke(app, ["run", f"{source}:double", "1", "2"]).output.strip() == "[2, 4]"
    smaller = runner.invoke(app, ["run", f"{source}:smaller", "10.5", "2.5", "--vocab", "2.5,10.5"])
    assert smaller.exit_code == 0 and smaller.output.strip() == "[1, 0]"  # as text: [0, 1]


def test_run_takes_negative_numbers_as_tokens_and_still_names_a_mistyped_option():
    """`-1` used to stop the command with Click's "No such option: -1" box."""
    negative = runner.invoke(app, ["run", "sort", "-1", "0", "-2", "--vocab", "-2,-1,0"])
    assert negative.exit_code == 0 and negative.output.strip() == "[-2, -1, 0]"
    assert one_line_error(runner.invoke(app, ["run", "sort", "1", "0", "--trac"]), "no such option: --trac")


def test_tokens_that_look_like_markup_are_printed_as_typed(tmp_path):
    """`[/]` raised rich's MarkupError (a traceback) in traces, explain and verify; `[bold]x` printed as "x"."""
    vocab = ["--vocab", "[/],[bold]x"]
    traced = runner.invoke(app, ["run", "reverse", "[/]", "[bold]x", "--trace", *vocab])
    assert traced.exit_code == 0 and traced.output.count("[bold]x") >= 3, traced.output
    out = tmp_path / "m"
    assert runner.invoke(app, ["compile", "reverse", "-o", str(out), *vocab]).exit_code == 0
    explained = runner.invoke(app, ["explain", str(out)])
    assert explained.exit_code == 0 and "vocab ['[/]', '[bold]x']" in explained.output
    model_trace = runner.invoke(app, ["run", str(out), "[bold]x", "[/]", "--trace"])
    assert model_trace.exit_code == 0 and "['[/]', '[bold]x']" in model_trace.output
    wrong = runner.invoke(app, ["verify", str(out), "length"])
    assert wrong.exit_code == 1 and wrong.output.startswith("MISMATCH") and "'[/]'" in wrong.output
    assert one_line_error(runner.invoke(app, ["run", "reverse", "[/]x"]), "token '[/]x' is not in the vocabulary")


def test_verify_refuses_no_random_inputs(tmp_path):
    """`--n-random 0` printed "MISMATCH the program is undefined ... on every one of the 0 random inputs"."""
    result = runner.invoke(app, ["verify", str(tmp_path), "sort", "--n-random", "0"])
    assert result.exit_code == 2 and "Invalid value for '--n-random'" in result.output


@pytest.mark.parametrize("args", [["run", "{out}", "3", "1", "--vocab", "a,b"],
                                  ["explore", "{out}", "--input", "3 1", "--max-len", "9", "-o", "{out}/e.html"],
                                  ["export", "{out}", "--to", "onnx", "-o", "{out}/onnx", "--causal"]])
def test_program_options_given_with_a_model_folder_are_refused_not_ignored(args, tmp_path):
    """`export FOLDER --causal` wrote the folder's bidirectional model; run and explore ignored --vocab/--max-len."""
    out = tmp_path / "sort"
    assert runner.invoke(app, ["compile", "sort", "-o", str(out)]).exit_code == 0
    result = runner.invoke(app, [a.format(out=out) for a in args])
    assert one_line_error(result, "for a program, not a saved model", str(out)), result.output
    assert not (out / "e.html").exists() and not (out / "onnx").exists()  # refused before writing


def test_learn_help_names_every_task():
    # sort_freq (Tracr's make_sort_freq, a task of ours) was missing from the list
    from weightsmith.tasks.algorithmic import TASKS

    shown = set(re.findall(r"[a-z0-9_]+", runner.invoke(app, ["learn", "--help"], terminal_width=200).output))
    assert [name for name in TASKS if name not in shown] == []


def test_a_transformer_program_folder_is_named_as_one(tmp_path):
    # `weightsmith learn -o out/x` writes a program (program.json), not a model folder: `run out/x ...` said only
    # "config.json is missing"
    from tests.learn.conftest import random_program

    random_program(1).save(tmp_path / "tp")
    for command in (["run", str(tmp_path / "tp"), "a"], ["explain", str(tmp_path / "tp")]):
        assert one_line_error(runner.invoke(app, command), "config.json is missing",
                              "a Transformer Program (weightsmith learn)", "program.py")
    # "run its decompiled program.py" read as a script: `python out/x/program.py 1 2` prints nothing, exit 0
    assert one_line_error(runner.invoke(app, ["run", str(tmp_path / "tp"), "a"]),
                          "import its program.py and call run(['BOS', ...])")


def test_learn_writes_a_model_folder_that_run_verify_and_switch_take(tmp_path):
    # `learn` wrote no model folder: a learned program could not be run, verified, switched over or piped into
    # from the command line
    from weightsmith.learn import DiscreteProgram

    out = tmp_path / "tp"
    learned = runner.invoke(app, ["learn", "hist", "-o", str(out), "--layers", "1", "--heads", "2", "--mlps", "0",
                                  "--epochs", "2"])
    assert learned.exit_code == 0 and f"compiled model written to {out / 'model'}" in learned.output, learned.output
    program = DiscreteProgram.load(out)
    tokens = ["BOS", 3, 1, 3, 0]
    ran = runner.invoke(app, ["run", str(out / "model"), *map(str, tokens)])
    assert ran.exit_code == 0 and ran.output.strip() == str(program.predict([tokens])[0]), ran.output
    assert one_line_error(runner.invoke(app, ["run", str(out / "model"), "3", "1"]), "not the learned program's BOS")
    verified = runner.invoke(app, ["verify", str(out / "model"), str(out)])
    assert verified.exit_code == 0 and verified.output.startswith("OK"), verified.output
    # the folder itself names its model, where a model or a program was wanted
    assert one_line_error(runner.invoke(app, ["run", str(out), "BOS", "1"]),
                          f"its compiled model is the folder {out / 'model'}")
    assert one_line_error(runner.invoke(app, ["compile", str(out), "-o", str(tmp_path / "c")]),
                          f"already compiled into the model folder {out / 'model'}")
    runner.invoke(app, ["compile", "hist", "-o", str(tmp_path / "h")])
    switched = runner.invoke(app, ["switch", f"L={out / 'model'}", f"H={tmp_path / 'h'}", "-o", str(tmp_path / "s")])
    assert switched.exit_code == 0 and "OK L:" in switched.output, switched.output
    ran = runner.invoke(app, ["run", str(tmp_path / "s"), "L", *map(str, tokens)])
    assert ran.exit_code == 0 and ran.output.strip() == str(["L", *program.predict([tokens])[0]]), ran.output


def test_learn_and_compile_refuse_each_others_folder(tmp_path):
    # both write a program.py: `learn -o` into a compiled model's folder replaced the model's source with the
    # decompiled program (and `compile -o` into a learn folder the decompiled program with a library source)
    from tests.learn.conftest import random_program

    assert runner.invoke(app, ["compile", "hist", "-o", str(tmp_path / "m")]).exit_code == 0
    source = (tmp_path / "m" / "program.py").read_text()
    assert one_line_error(runner.invoke(app, ["learn", "hist", "-o", str(tmp_path / "m")]),
                          "a model folder; writing here would replace its program.py")
    assert (tmp_path / "m" / "program.py").read_text() == source and not (tmp_path / "m" / "program.json").exists()
    random_program(1).save(tmp_path / "tp")
    assert one_line_error(runner.invoke(app, ["compile", "hist", "-o", str(tmp_path / "tp")]),
                          "a Transformer Program's folder (weightsmith learn)")
    assert not (tmp_path / "tp" / "config.json").exists()
    assert runner.invoke(app, ["compile", "hist", "-o", str(tmp_path / "m")]).exit_code == 0  # its own kind: again


def test_compile_says_a_model_cannot_check_a_per_input_limit(tmp_path):
    """`run sort_unique 2 2 1` refuses (tokens must be distinct), but `run FOLDER 2 2 1` of its compiled model
    printed [1, 2.0, None] without a word: a model holds no program to check an input against (and `verify`
    rightly says model == program on every input). The compile says so, naming the limit."""
    out = tmp_path / "su"
    compiled = runner.invoke(app, ["compile", "sort_unique", "-o", str(out)])
    assert compiled.exit_code == 0
    assert "warning: sort_unique needs distinct tokens" in compiled.output and "the model cannot check" in compiled.output
    assert runner.invoke(app, ["run", str(out), "2", "2", "1"]).exit_code == 0  # it does answer, as said
    plain = runner.invoke(app, ["compile", "sort", "-o", str(tmp_path / "sort")])
    assert "warning" not in plain.output  # a limit on the vocabulary and length is checked at compile time


PARITY = '''from weightsmith import rasp


def make():
    # a class lookup reading a 700-token staircase: its float32 rounding cannot be proven (a RoundingWarning)
    def named(name, f, sop):
        return rasp.categorical(rasp.Map(f, sop, simplify=False)).named(name)

    word = rasp.numerical(rasp.Map(lambda x: x, rasp.tokens, simplify=False)).named("word")
    parity = named("parity", lambda c: c % 3, named("cls", lambda i: (i * 7919) % 97, word))
    flag = named("flag", lambda n: n >= 1, rasp.tokens)
    flagged = rasp.Select(flag, flag, lambda k, q: bool(k))
    left = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
    count = rasp.categorical(rasp.SelectorWidth(rasp.SelectorAnd(flagged, left))).named("count")
    return rasp.categorical(rasp.SequenceMap(lambda s, p: s + 100 * p, count, parity)).named("out")
'''


def test_a_rounding_warning_names_the_command_that_checks_the_model(tmp_path):
    # it ended "verify() checks the model", a Python call someone at the command line cannot make
    (tmp_path / "parity.py").write_text(PARITY)
    program, out = f"{tmp_path / 'parity.py'}:make", tmp_path / "parity"
    vocab = ",".join(map(str, range(700)))
    result = runner.invoke(app, ["compile", program, "--vocab", vocab, "--max-len", "4", "-o", str(out)])
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert result.exit_code == 0 and len(warned) == 1, result.output
    assert "'parity' are proven in real arithmetic only" in warned[0] and "verify()" not in warned[0]
    assert warned[0].endswith(f"; `weightsmith verify {out} {program}` checks the model")
    checked = runner.invoke(app, ["verify", str(out), program])
    assert checked.exit_code == 0 and checked.output.startswith("OK"), checked.output


@pytest.mark.parametrize("command", [["run", "sort", "1", "2"], ["compile", "sort", "-o", "unwritten"]])
def test_an_empty_vocab_is_one_line_not_the_librarys_default(command, tmp_path):
    # `--vocab ''` ran sort over its default vocabulary without a word ([1, 2]), where `--vocab ,,` was an error
    result = runner.invoke(app, [*command[:-1], str(tmp_path / command[-1]) if command[0] == "compile" else command[-1],
                                 "--vocab", ""])
    assert one_line_error(result, "empty vocabulary: ''"), result.output
