"""The rich console for the CLI and the demo.

At a terminal, tables fit the terminal's width (they wrap cells rather than cut them, see
`trace_table`); piped or captured, where no width is known, they get 110 columns, so they stay whole.
"""

from rich.console import Console


def make_console() -> Console:
    probe = Console()
    return probe if probe.is_terminal else Console(width=max(probe.width, 110))
