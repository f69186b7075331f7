"""A program's trace as a table: one row per s-op, one column per position."""

from __future__ import annotations

from typing import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from weightsmith import rasp


def cell_text(v, digits: int = 3) -> str:
    """A value as a table shows it: None as "·", floats to `digits` significant digits."""
    if v is None:
        return "·"
    if isinstance(v, float):
        return f"{v:.{digits}g}"
    return str(v)


def plain(text: str) -> Text:
    """Text shown as typed: tokens, labels and values are data, not rich markup (a token `[/]` raised
    MarkupError, and `[bold]hi` showed as "hi")."""
    return Text(text)


def trace_table(program: rasp.SOp, tokens: Sequence, title: str = "") -> RenderableType:
    """Every intermediate s-op of `program` on `tokens` (numerical ones marked #); a loop's body s-ops
    once per iteration, labelled `label [i]`."""
    return entries_table(_iterations(list(rasp.trace(program, tokens).values())), tokens, title)


def _iterations(entries: list[rasp.TraceEntry]) -> list[rasp.TraceEntry]:
    """The entries with each loop's one entry spread into a row per body s-op and iteration."""
    out = []
    for entry in entries:
        if entry.kind != "Loop":
            out.append(entry)
            continue
        for i, values in enumerate(entry.value["iterations"]):
            out += [rasp.TraceEntry(f"{label} [{i}]", f"iteration {i}", "categorical", value)
                    for label, value in values.items()]
    return out


def nlp_trace_table(task: str, text: str, labels: Sequence[str] | None = None) -> RenderableType:
    """A language task's key intermediate values on `text` (default: the task's `nlp.HIGHLIGHTS`)."""
    from weightsmith.library import nlp

    entries = nlp.trace(task, text)
    shown = [entries[label] for label in (labels or nlp.HIGHLIGHTS[task]) if label in entries]
    return entries_table(shown, entries["tokens"].value, title=f"{task}: intermediate values")


def model_trace_table(model, tokens: Sequence, title: str = "") -> RenderableType:
    """A saved model's trace on `tokens` (without BOS): every s-op its residual labels name, read out right
    after the sublayer that writes it (that sublayer is the row's second column), then the output.

    A looped model's block rows are its last run (`model.reading.loop_block`), said as such; a loop's result
    has no dimensions of its own, so the output is added as the last row when no reading is it."""
    from weightsmith.model.reading import compact_sops, loop_block, read_sops, sublayer_name

    config = model.config
    readings = read_sops(model, [config.bos, *tokens])
    block = loop_block(config)
    entries = [rasp.TraceEntry(r.label, sublayer_name(r.sublayer) + (", last run" if r.sublayer in block else ""),
                               "numerical" if r.numerical else "categorical", r.values[1:]) for r in readings]
    if config.output_label not in {r.label for r in readings}:
        entries.append(rasp.TraceEntry(config.output_label, "output", config.output_encoding,
                                       model.run([config.bos, *tokens])[1:]))
    table = entries_table(entries, tokens, title, kind_header="written by")
    unread = compact_sops(config)
    if not unread:
        return table
    return Group(table, Text(f"not shown (compact codes, whose table is the compiler's): {', '.join(unread)}; "
                             "`run PROGRAM --trace` shows every s-op", style="dim"))


def entries_table(entries: list[rasp.TraceEntry], tokens: Sequence, title: str = "",
                  kind_header: str = "kind") -> RenderableType:
    """Chosen trace entries as rows, under a header of the input tokens; the last row is the output.

    Nothing is cut: a long input with few entries is shown transposed (a row per position); cells that
    do not fit fold onto a second line rather than end in "…"; and an entry whose values are too long
    for a column (the translation's plans are tuples) is listed below the table, one line per run of
    positions holding the same value.
    """
    narrow = [e for e in entries if e.encoding is None or max(map(len, map(cell_text, e.value)), default=0) <= WIDE_CELL]
    wide = [e for e in entries if e not in narrow]
    if len(tokens) > len(narrow):
        table = _by_position(narrow, tokens, title)
    else:
        table = Table(title=plain(title) if title else None, show_lines=False, header_style="bold")
        table.add_column("s-op", style="cyan", no_wrap=True)
        table.add_column(kind_header, style="dim", no_wrap=True)
        for token in tokens:
            table.add_column(plain(str(token)), justify="center", overflow="fold")
        for entry in narrow:
            mark = " #" if entry.encoding == "numerical" else ""
            style = "bold green" if entry is entries[-1] else None
            table.add_row(plain(entry.label + mark), _kind(entry.kind), *(plain(cell_text(v)) for v in entry.value),
                          style=style)
    return Group(table, _wide_values(wide, tokens)) if wide else table


WIDE_CELL = 16  # longer values are listed below the table, not squeezed into a column


def _kind(kind: str) -> str:
    return kind.removesuffix("Type").lower() if kind.endswith("Type") else kind


def _wide_values(entries: list[rasp.TraceEntry], tokens: Sequence) -> Table:
    """Long values in full: a row per run of positions that hold the same value."""
    table = Table(title="long values", header_style="bold", show_lines=False)
    table.add_column("s-op", style="cyan", no_wrap=True)
    table.add_column("positions", max_width=28)
    table.add_column("value", overflow="fold", ratio=1)
    for entry in entries:
        start = 0
        for i in range(1, len(tokens) + 1):
            if i == len(tokens) or entry.value[i] != entry.value[start]:
                span = str(start) if i - 1 == start else f"{start}-{i - 1}"
                table.add_row(plain(entry.label if start == 0 else ""),
                              plain(f"{span} ({' '.join(map(str, tokens[start:i]))})"), plain(cell_text(entry.value[start])))
                start = i
        table.add_section()
    return table


def _by_position(entries: list[rasp.TraceEntry], tokens: Sequence, title: str) -> Table:
    table = Table(title=plain(title) if title else None, header_style="bold")
    table.add_column("#", style="dim", justify="right")
    table.add_column("token", style="cyan", no_wrap=True)
    for entry in entries:
        # a header breaks at underscores (a space stands in for none), so a long label wraps, not cut
        table.add_column(plain(entry.label.replace("_", "_ ")), justify="center", overflow="fold",
                         style="bold green" if entry is entries[-1] else None)
    for i, token in enumerate(tokens):
        table.add_row(str(i), plain(str(token)), *(plain(cell_text(entry.value[i])) for entry in entries))
    return table
