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
