"""What every `weightsmith` command shares: the Typer app, the console, one-line errors (exit 2) and model loading.

Each command module under `weightsmith.cli` registers its commands on `app`; errors in user input are printed
as one clear line (what was wrong and where) with exit code 2, never a traceback.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import typer
from rich.text import Text
from typer.core import TyperGroup

from weightsmith.show.console import make_console, one_line_warnings

if TYPE_CHECKING:
    from weightsmith.model import Transformer

# Click's exception classes as Typer raises them (Typer 0.29 vendors Click as typer._click; older ones use click)
_USAGE_ERROR, _CLICK_ERROR = (next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)
                              for name in ("UsageError", "ClickException"))


class OneLineErrors(TyperGroup):
    """The app's group: Click's usage errors (a wrong type, a missing argument, an unknown command) are one line
    and exit code 2, as every other bad input is (they were a box of several lines: usage, a "Try" line, a
    framed message)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # noqa: ANN001
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _USAGE_ERROR as err:
            if type(err).__name__ == "NoArgsIsHelpError":  # no arguments: the help is shown
                sys.exit(err.exit_code)
            where = err.ctx.command_path if err.ctx is not None else "weightsmith"
            console.print(styled("error:", "bold red", f" {err.format_message()} (see `{where} --help`)"),
                          soft_wrap=True)
            sys.exit(2)
        except _CLICK_ERROR as err:
            err.show()
            sys.exit(err.exit_code)
        except typer.Abort:
            print("Aborted!", file=sys.stderr)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def format_help(self, ctx, formatter) -> None:  # noqa: ANN001
        readable_help(self, ctx)
        super().format_help(ctx, formatter)

    def get_command(self, ctx, name: str):  # noqa: ANN001, ANN201
        command = super().get_command(ctx, name)
        if command is not None:
            readable_help(command, ctx)
        return command


def readable_help(command, ctx) -> None:  # noqa: ANN001
    """Two repairs of Typer's rich help (0.29), made where the group hands out a command: it gave every flag a value
    type, as if the flag took one (`--trace <bool>`, `--help <bool>`), so a flag's type is shown empty; and the command
    list kept a docstring's line breaks inside a summary, so the summary is its first paragraph on one line."""
    for param in command.get_params(ctx):
        if getattr(param, "is_flag", False) and not getattr(param, "count", False):
            param.metavar = ""
    if command.short_help is None and command.help:
        command.short_help = " ".join(command.help.split("\n\n")[0].split())


app = typer.Typer(
    help="weightsmith: write RASP programs, run them, compile them into exact transformers.",
    no_args_is_help=True,
    add_completion=False,
    cls=OneLineErrors,
)
# for commands whose arguments may be negative numbers: `run sort -1 0`, `add -5 3` take -1 and -5 as arguments
# (a value, or a one-line error), not as Click's "No such option: -1"
NEGATIVE_NUMBERS = {"ignore_unknown_options": True}
console = make_console(markup=False)  # what it prints holds tokens, labels and paths: never markup


def styled(head: str, style: str, rest: str) -> Text:
    """`head` in `style`, then `rest` as typed (the console reads no markup, so styles come this way)."""
    return Text.assemble((head, style), rest)


def fail(message: str, code: int = 2) -> None:
    """One line on the console, then exit: 2 for bad input (the default), 1 when the input was fine and the
    tool has no answer for it."""
    console.print(styled("error:", "bold red", f" {message}"), soft_wrap=True)  # soft_wrap: one line however long
    raise typer.Exit(code)


VALUE_SET_ADVICE = "a smaller --max-len or --vocab, or an s-op with fewer values, keeps it within the limit"


def fail_on(error: Exception) -> None:
    """`fail` with an error of the program or input the user gave (a KeyError's message without its quotes), its
    advice in the command line's words: a value set too large for the compiler is kept within the limit by flags,
    not by the Python arguments its message names (a compile error carries it as its cause)."""
    from weightsmith.rasp import ValueSetTooLarge

    message = str(error).strip('"')
    cause = error if isinstance(error, ValueSetTooLarge) else error.__cause__
    if isinstance(cause, ValueSetTooLarge):
        message = message.replace(cause.advice, VALUE_SET_ADVICE)
    fail(message)


def load_model(folder: Path) -> Transformer:
    """The saved model, or exit 2 with the one-line ModelFolderError; load warnings go to stderr as one line
    (through `one_line_warnings`, installed by `main_options`)."""
    import warnings

    from weightsmith.model import ModelFolderError, load

    with warnings.catch_warnings():
        warnings.simplefilter("always")  # said at every load, not once per process (tests run many in one)
        try:
            model = load(folder)
        except ModelFolderError as err:
            hint = ""
            compiled = Path(folder) / "model"
            if (Path(folder) / "program.json").is_file() and (compiled / "config.json").is_file():
                hint = (f"; {folder} holds a Transformer Program (weightsmith learn): its compiled model is the "
                        f"folder {compiled} (its BOS token first: `weightsmith run {compiled} BOS ...`)")
            elif (Path(folder) / "program.json").is_file():  # what `weightsmith learn -o` wrote before model/
                hint = (f"; {folder} holds a Transformer Program (weightsmith learn): import its program.py and call "
                        "run(['BOS', ...]) (its BOS token first; a module: run as a script it prints nothing), or compile "
                        "it in Python (weightsmith.learn.compile_program)")
            fail(f"{err}{hint}")
    return model


def verdict(ok: bool, report: str) -> Text:
    """A check's outcome: "OK" in green or "MISMATCH" in red, then the report."""
    return styled("OK", "green", f" {report}") if ok else styled("MISMATCH", "red", f" {report}")


def no_program_options(folder: Path, options: dict[str, object]) -> None:
    """Options that say how to compile a program (`{"--vocab": ..., "--causal": ...}`) cannot apply to a saved
    model, which has its own vocabulary, length and attention: refused, not ignored (`export FOLDER --causal`
    wrote the folder's bidirectional model without a word)."""
    given = [flag for flag, value in options.items() if value not in (None, False)]
    if given:
        fail(f"{', '.join(given)} {'is' if len(given) == 1 else 'are'} for a program, not a saved model: the folder "
             f"{folder} has its own vocabulary, max length and attention")


@contextmanager
def rounding_advice(advice: str) -> Iterator[None]:
    """A compiler RoundingWarning raised within ends with `advice`, the check a command's user can run (the
    compiler's own, `verify()`, is a Python call); other warnings pass unchanged, after the block. If the block
    raises, the compiler's warnings about the model it was making go: there is no model (the error is the one
    line; "its model's outputs there mean nothing" before "cannot bound the values" was two)."""
    import warnings

    from weightsmith.compiler.errors import OutputTypeWarning, RoundingWarning, UndefinedInputsWarning

    caught: list = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
    except BaseException:
        about_the_model = (OutputTypeWarning, RoundingWarning, UndefinedInputsWarning)
        caught = [warning for warning in caught if not isinstance(warning.message, about_the_model)]
        raise
    finally:
        for warning in caught:
            message = warning.message
            warnings.warn(message.advised(advice) if isinstance(message, RoundingWarning) else message, stacklevel=3)


def warn(message: str) -> None:
    console.print(styled("warning:", "bold yellow", f" {message}"), soft_wrap=True)


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
    one_line_warnings()


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


def not_the_other_kind(out: Path, learned: bool) -> None:
    """`learn -o` and `compile -o` both write a program.py (the decompiled program; the compiled program's
    source): one into the other's folder replaced the other's, leaving a folder whose program.py is not what its
    weights compute, so each refuses the other's folder (`learned`: the writer is `learn`)."""
    marker, what = (("config.json", "a model folder") if learned
                    else ("program.json", "a Transformer Program's folder (weightsmith learn)"))
    if (out / marker).is_file():
        fail(f"-o {out}: {what}; writing here would replace its program.py: choose another folder")


def write_failed(out: Path, error: OSError) -> None:
    fail(f"cannot write into {out}: {error.strerror or error}")

