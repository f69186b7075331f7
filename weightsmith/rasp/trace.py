"""Every named intermediate of a program on an input, for display and debugging."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from weightsmith.rasp import expr as rx
from weightsmith.rasp.batch import Column, evaluate_columns, make_batch
from weightsmith.rasp.domain import check_domain
from weightsmith.rasp.graph import topological_order
from weightsmith.rasp.loop import Loop, LoopRun


@dataclass(frozen=True)
class TraceEntry:
    """One sub-expression's value: a list per position (s-op) or a query x key matrix (selector)."""

    label: str
    kind: str  # "Map", "Select", ...
    encoding: str | None  # "categorical" / "numerical" for s-ops, None for selectors
    value: Any


class Trace(dict):
    """A trace is a plain dict (label -> TraceEntry); in Jupyter it shows as a table, an s-op per row."""

    def _repr_html_(self) -> str:
        from html import escape

        def cell(v) -> str:
            return "·" if v is None else f"{v:.4g}" if isinstance(v, float) else escape(str(v))

        rows = []
        for entry in self.values():
            if entry.encoding is None:
                continue  # a selector's matrix does not fit a row
            mark = " #" if entry.encoding == "numerical" else ""
            rows.append(f"<tr><td style='text-align:left'><b>{escape(entry.label)}</b>{mark}</td>"
                        f"<td>{escape(entry.kind)}</td>" + "".join(f"<td>{cell(v)}</td>" for v in entry.value) + "</tr>")
        n = max((len(e.value) for e in self.values() if e.encoding is not None), default=0)
        head = "<tr><th>s-op</th><th>kind</th>" + "".join(f"<th>{i}</th>" for i in range(n)) + "</tr>"
        return f"<table>{head}{''.join(rows)}</table>"


def trace(program: rx.RASPExpr, xs: Sequence[rx.Value], selectors: bool = False) -> Trace:
    """Values of every s-op in `program` (and every selector, if asked) on `xs`, in evaluation order.

    Keys are the expressions' labels; a label used by two different expressions gets `#<id>` added.
    A loop is one entry (kind "Loop", encoding None) whose value is a dict: "steps" (int), "halted"
    (bool) and "iterations", a list with one dict per iteration (the last one is the final state,
    where the loop stopped): the body's s-ops' values in that iteration by label, the state's
    placeholders (`<loop>.<name>`) first, then what the halt and, unless it is the last, the step computed.
    InputError if `xs` is outside the inputs annotated on `program` (`rasp.with_domain`).
    """
    check_domain(program, [xs])
    batch = make_batch([list(xs)])
    values = evaluate_columns(program, batch, record=True)
    n = len(xs)
    out = Trace()
    for e in topological_order(program):
        if isinstance(e, rx.Selector) and not selectors:
            continue
        label = e.label if e.label not in out else f"{e.label}#{e.unique_id}"
        v = values[id(e)]
        if isinstance(e, Loop):
            out[label] = TraceEntry(label, "Loop", None, _loop_entry(e, v[0]))
            continue
        if isinstance(v, Column):
            value: Any = v.values(batch.lengths)[0]
            encoding: str | None = rx.get_encoding(e).value
        else:
            value = v[0, :n, :n].tolist()
            encoding = None
        out[label] = TraceEntry(label, type(e).__name__, encoding, value)
    return out


def _loop_entry(loop: Loop, run: LoopRun) -> dict[str, Any]:
    iterations = []
    for it in run.iterations:
        values: dict[str, Any] = {}
        for e in loop.body:
            if id(e) in it.values and isinstance(e, rx.SOp):
                label = e.label if e.label not in values else f"{e.label}#{e.unique_id}"
                values[label] = list(it.values[id(e)])
        iterations.append(values)
    return {"steps": run.steps, "halted": run.halted, "iterations": iterations}
