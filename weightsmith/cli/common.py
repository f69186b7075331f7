"""What every `weightsmith` command shares: the Typer app, the console, one-line errors (exit 2) and model loading.

Each command module under `weightsmith.cli` registers its commands on `app`; errors in user input are printed
as one clear line (what was wrong and where) with exit code 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from weightsmith.show.console import make_console

if TYPE_CHECKING:
    from weightsmith.model import Transformer

app = typer.Typer(
    help="weightsmith: write RASP programs, run them, compile them into exact transformers.",
    no_args_is_help=True,
    add_completion=False,
)
console = make_console()


def fail(message: str) -> None:
    from rich.markup import escape

    # soft_wrap: one line however long; escape: a path or value quoted in the message is not markup
    console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True, emoji=False)
    raise typer.Exit(2)


def load_model(folder: Path) -> Transformer:
    """The saved model, or exit 2 with the one-line ModelFolderError; load warnings go to stderr as one line
    (through `_one_line_warning`, installed by `main_options`)."""
    import warnings

    from weightsmith.model import ModelFolderError, load

    with warnings.catch_warnings():
        warnings.simplefilter("always")  # said at every load, not once per process (tests run many in one)
        try:
            model = load(folder)
        except ModelFolderError as err:
            fail(str(err))
    return model


def warn(message: str) -> None:
    console.print(f"[bold yellow]warning:[/] {message}", highlight=False, soft_wrap=True)


def _show_version(value: bool) -> None:
    if value:
        from weightsmith import __version__

        console.print(f"weightsmith {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """weightsmith: write RASP programs, run them, compile them into exact transformers."""
    import warnings

    warnings.showwarning = _one_line_warning


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A library warning (e.g. the compiler's OutputTypeWarning) as the CLI says things: one line on stderr,
    without Python's file and source line."""
    typer.echo(f"warning: {message}", err=True)


def progress() -> bool:
    """Progress bars are for a person at a terminal: not in pipes, logs or tests (library calls never show them)."""
    return sys.stderr.isatty()


def writable_folder(out: Path) -> None:
    """Fail before any work if `out` cannot be a folder to write into (it is a file, or under one)."""
    for folder in (out, *out.parents):
        if folder.exists():
            if not folder.is_dir():
                fail(f"-o {out}: {folder} is a file, not a folder")
            return


def write_failed(out: Path, error: OSError) -> None:
    fail(f"cannot write into {out}: {error.strerror or error}")

