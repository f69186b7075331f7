"""The rich console for the CLI and the demo.

At a terminal, tables fit the terminal's width (they wrap cells rather than cut them, see
`trace_table`); piped or captured, where no width is known, they get 110 columns, so they stay whole.
The CLI's console reads no markup: what it prints holds the user's tokens, labels and paths, and a token
`[/]` raised rich's MarkupError (a traceback) while `[bold]hi` printed as "hi". Its styles come as `Text`.
Both show a library warning (e.g. the compiler's RoundingWarning) as one line, without Python's file and source
line: `one_line_warnings()`.
"""

import sys
import warnings

from rich.console import Console


def make_console(markup: bool = True) -> Console:
    probe = Console(markup=markup)
    return probe if probe.is_terminal else Console(markup=markup, width=max(probe.width, 110))


def one_line_warnings() -> None:
    """From now on, print each warning as `warning: <message>` on stderr (Python's default adds the file, the
    line number and the source line that warned: noise to someone running a command)."""
    warnings.showwarning = _one_line_warning


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning: {_for_a_command(message)}", file=sys.stderr)


def _for_a_command(message: Warning | str) -> Warning | str:
    """The compiler's RoundingWarning advises `verify()`, a Python call no one running a command can make: a
    command that has a check to offer says it instead (`cli.common.rounding_advice`); elsewhere the advice goes."""
    from weightsmith.compiler.errors import RoundingWarning

    if isinstance(message, RoundingWarning) and message.advice == RoundingWarning.API_ADVICE:
        return message.advised("")
    return message
