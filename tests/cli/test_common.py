"""What every command shares (weightsmith/cli/common.py): here, that `--help` shows each help text as written."""

import re

import typer
from typer.testing import CliRunner

from weightsmith.cli import app

runner = CliRunner()


def test_help_shows_square_brackets_as_written():
    # help is rendered as rich markup, which took "[c]" in "instructions 'a b [c]'" (subleq) and "[sweep]" in
    # "pip install -e '.[sweep]'" (sweep) for styles and printed "'a b '" and "'.'": such brackets are escaped
    group = typer.main.get_command(app)
    checked = 0
    for name, command in group.commands.items():
        texts = [command.help or ""] + [getattr(param, "help", None) or "" for param in command.params]
        wanted = [b.replace("\\[", "[") for text in texts for b in re.findall(r"\\?\[[^\]\s]*\]", text)]
        if not wanted:
            continue
        shown = runner.invoke(app, [name, "--help"], terminal_width=200).output
        shown = " ".join(shown.replace("│", " ").split())
        for bracket in wanted:
            assert bracket in shown, f"{name} --help lost {bracket!r}"
            checked += 1
    assert checked >= 3  # subleq's [c], sweep's [ray] and [sweep]


def test_usage_errors_are_one_line_with_exit_code_2():
    # Click's usage errors were a box of several lines (usage, "Try ... --help", a framed message)
    cases = [(["add", "1.5", "2"], r"^error: Invalid value for 'a': .*integer.* \(see `.* add --help`\)$"),
             (["add", "5"], r"^error: Missing argument 'b'\. \(see `.* add --help`\)$"),
             (["run"], r"^error: Missing argument 'program'\. \(see `.* run --help`\)$"),
             (["nosuch"], r"^error: No such command 'nosuch'\. \(see `.* --help`\)$"),
             (["compile", "hist", "-o"], r"^error: Option '-o' requires an argument\. \(see `.* --help`\)$"),
             (["verify", "x", "y", "--n-random", "0"], r"^error: Invalid value for '--n-random': .*1 \(see `.* verify "
                                                         r"--help`\)$")]
    for args, message in cases:
        result = runner.invoke(app, args, terminal_width=80)
        assert result.exit_code == 2, (args, result.output)
        assert re.match(message, result.output.strip(), flags=re.I), (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, (args, result.output)
    assert "Usage:" in runner.invoke(app, []).output  # no arguments: the help, as before
    assert runner.invoke(app, ["list"]).exit_code == 0


def test_help_shows_flags_as_flags_and_summaries_on_one_line():
    # Typer's rich help gave every flag a value type, as if it took one ("--version <bool>", "--trace <bool>",
    # "--help <bool>"), and the command list broke a summary where its docstring breaks its line
    group = typer.main.get_command(app)
    flags = 0
    for name in [None, *group.commands]:
        shown = runner.invoke(app, [name, "--help"] if name else ["--help"], terminal_width=200).output
        assert "<bool>" not in shown, f"{name or 'weightsmith'} --help: {shown}"
        flags += len(re.findall(r"│\s+--help\s+Show this message", shown))
    assert flags == 1 + len(group.commands)  # --help itself reads as a flag in every command's help
    rows = runner.invoke(app, ["--help"], env={"COLUMNS": "400"}).output.splitlines()  # every row on one line
    for name, command in group.commands.items():
        summary = " ".join(command.help.split("\n\n")[0].split())
        row = next(line for line in rows if line.startswith(f"│ {name} "))
        assert summary in " ".join(row.split()), f"{name}'s summary is not on its row: {row}"
