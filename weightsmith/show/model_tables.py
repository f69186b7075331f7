"""A model's size and residual layout as tables, for `weightsmith compile`, `explain` and the demo."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from weightsmith.model import ModelConfig, residual_layout, summary


def summary_table(model, title: str = "model") -> Table:
    """Layers, heads, d_model, d_mlp and parameters of one model."""
    s = summary(model)
    table = Table(title=Text(title), header_style="bold", show_header=True)
    for column in ("layers", "heads", "d_model", "d_mlp (max)", "parameters", "nonzero"):
        table.add_column(column, justify="right")
    table.add_row(
        str(s["layers"]), str(s["heads"]), str(s["d_model"]), str(s["d_mlp_max"]),
        f"{s['parameters']:,}", f"{s['parameters_nonzero']:,}",
    )
    return table


def layout_table(config: ModelConfig) -> Table:
    """Which s-op lives in which residual dimensions, stage by stage (dimensions may be reused)."""
    table = Table(title="residual stream layout", header_style="bold")
    table.add_column("stage")
    table.add_column("dims", justify="right")
    table.add_column("s-op = values held")
    for stage in residual_layout(config):
        for k, (span, text) in enumerate(stage.spans()):
            table.add_row(stage.name if k == 0 else "", span, Text(text))  # labels hold [..]: not markup
        table.add_section()
    return table
