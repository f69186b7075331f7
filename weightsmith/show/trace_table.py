"""A program's trace as a table: one row per s-op, one column per position."""

from __future__ import annotations

from typing import Sequence

from rich.table import Table

from weightsmith import rasp


def _cell(v) -> str:
    if v is None:
        return "·"
    if isinstance(v, float):
        return f"{v:.3g}"
    return str(v)


def trace_table(program: rasp.SOp, tokens: Sequence, title: str = "") -> Table:
    """Every intermediate s-op of `program` on `tokens` (numerical ones marked #)."""
    return entries_table(list(rasp.trace(program, tokens).values()), tokens, title)


def nlp_trace_table(task: str, text: str, labels: Sequence[str] | None = None) -> Table:
    """A language task's key intermediate values on `text` (default: the task's `nlp.HIGHLIGHTS`)."""
    from weightsmith.library import nlp

    entries = nlp.trace(task, text)
    shown = [entries[label] for label in (labels or nlp.HIGHLIGHTS[task]) if label in entries]
    return entries_table(shown, entries["tokens"].value, title=f"{task}: intermediate values")


def model_trace_table(model, tokens: Sequence, title: str = "") -> Table:
    """A saved model's trace on `tokens` (without BOS): every s-op its residual labels name, read out right
    after the sublayer that writes it (that sublayer is the row's second column)."""
    from weightsmith.model.reading import read_sops, sublayer_name

    readings = read_sops(model, [model.config.bos, *tokens])
    entries = [rasp.TraceEntry(r.label, sublayer_name(r.sublayer), "numerical" if r.numerical else "categorical",
                               r.values[1:]) for r in readings]
    return entries_table(entries, tokens, title, kind_header="written by")


def entries_table(entries: list[rasp.TraceEntry], tokens: Sequence, title: str = "", kind_header: str = "kind") -> Table:
    """Chosen trace entries as rows, under a header of the input tokens; the last row is the output.

    A long input with few entries is shown transposed (a row per position), so it fits a terminal.
    """
    if len(tokens) > len(entries):
        return _by_position(entries, tokens, title)
    table = Table(title=title or None, show_lines=False, header_style="bold")
    table.add_column("s-op", style="cyan", no_wrap=True)
    table.add_column(kind_header, style="dim")
    for token in tokens:
        table.add_column(str(token), justify="center")
    for entry in entries:
        mark = " #" if entry.encoding == "numerical" else ""
        style = "bold green" if entry is entries[-1] else None
        kind = entry.kind.removesuffix("Type").lower() if entry.kind.endswith("Type") else entry.kind
        table.add_row(entry.label + mark, kind, *map(_cell, entry.value), style=style)
    return table


def _by_position(entries: list[rasp.TraceEntry], tokens: Sequence, title: str) -> Table:
    table = Table(title=title or None, header_style="bold")
    table.add_column("#", style="dim", justify="right")
    table.add_column("token", style="cyan")
    for entry in entries:
        table.add_column(entry.label, justify="center", style="bold green" if entry is entries[-1] else None)
    for i, token in enumerate(tokens):
        table.add_row(str(i), str(token), *(_cell(entry.value[i]) for entry in entries))
    return table
