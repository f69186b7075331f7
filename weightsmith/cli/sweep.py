"""`weightsmith sweep`: a grid of Transformer Program trainings on Ray Tune."""

from __future__ import annotations

from pathlib import Path

import typer

from weightsmith.cli.common import app, console, fail, writable_folder


@app.command()
def sweep(
    config: Path = typer.Argument(..., help="A sweep file (.toml or .json): task, fixed, grid, scheduler, ray; "
                                  "see examples/sweeps/hist.toml."),
    out: Path = typer.Option(..., "-o", "--out", help="JSON file for one record per trial."),
    storage: Path = typer.Option(None, help="Folder for Ray's own trial files (default: a temporary folder)."),
) -> None:
    """Train every point of a grid as a Ray Tune trial; ASHA stops the trials that trail on validation.

    Local by default (this machine's cores); set \\[ray] address in the file to run on a Ray cluster.
    Needs the `sweep` extra: pip install -e '.\\[sweep]'.
    """  # \\[: help is rich markup, where a bare [x] is a style and vanishes
    from rich.table import Table

    from weightsmith.learn.sweep import SweepConfig, SweepError, run_sweep

    writable_folder(out.parent)
    try:
        settings = SweepConfig.load(config)
        console.print(f"{len(settings.trials)} trials of {settings.task} on Ray Tune (ASHA: first cut at epoch "
                      f"{settings.first_rung}, reduction factor {settings.reduction_factor})", highlight=False)
        records = run_sweep(settings, out, storage, verbose=1 if console.is_terminal else 0)
    except SweepError as err:
        fail(str(err))
    table = Table(title=f"sweep {config.name} → {out}", header_style="bold")
    for column in ("trial", "stopped early", "epochs", "val %", "test %"):
        table.add_column(column, justify="right" if column != "trial" else "left")
    for record in records:
        test = record.get("test_accuracy")
        table.add_row(" ".join(f"{k}={v}" for k, v in record["grid_point"].items()),
                      "yes" if record["stopped_early"] else "no", str(record.get("epochs_run", "")),
                      f"{100 * record.get('final_val_accuracy', record.get('val_accuracy', 0)):.2f}",
                      "" if test is None else f"{100 * test:.2f}")
    console.print(table)
