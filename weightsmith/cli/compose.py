"""Commands that build models from saved models: switch, pipe, and checking what they built."""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer

from weightsmith.cli.common import app, console, fail, load_model, verdict, writable_folder, write_failed


def _named_folders(items: List[str]) -> dict[str, Path]:
    """`A=out/sort B=out/reverse` -> {"A": out/sort, "B": out/reverse}; one-line error on anything else."""
    named: dict[str, Path] = {}
    for item in items:
        name, sep, folder = item.partition("=")
        if not sep or not name or not folder:
            fail(f"{item!r}: expected NAME=MODEL_DIR (the selector token, then a saved model folder)")
        if name in named:
            fail(f"selector {name!r} is given twice")
        named[name] = Path(folder)
    return named


def _report_checks(checks) -> None:
    for check in checks:
        console.print(verdict(check.ok, str(check)), soft_wrap=True)
    if not all(check.ok for check in checks):
        raise typer.Exit(1)


def _save_and_show(composed, out: Path, parts: list, title: str) -> None:
    from weightsmith.model import summary
    from weightsmith.show.model_tables import summary_table

    try:
        composed.save(out)
    except OSError as err:
        write_failed(out, err)
    console.print(summary_table(composed.model, title=title))
    mine = summary(composed.model)
    sizes = [summary(m) for m in parts]
    console.print(f"nonzero parameters {mine['parameters_nonzero']:,} vs {sum(s['parameters_nonzero'] for s in sizes):,} "
                  f"in the components; d_model {mine['d_model']} vs {sum(s['d_model'] for s in sizes)}; layers "
                  f"{mine['layers']} vs {[s['layers'] for s in sizes]}", highlight=False)


@app.command("switch")
def switch_command(
    components: List[str] = typer.Argument(..., help="NAME=MODEL_DIR for each component: NAME becomes the selector "
                                           "token that chooses it (input: BOS NAME tokens)."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder to write the switch model into."),
    check: bool = typer.Option(True, "--check/--no-check", help="Compare the switch with every component on its "
                               "inputs (all of them up to 100,000, else 10,000 random ones)."),
) -> None:
    """Build one model that answers as the component its first token names, from the components' weights."""
    from weightsmith.compose import ComposeError, switch
    from weightsmith.compose.check import check_switch

    writable_folder(out)
    models = {name: load_model(folder) for name, folder in _named_folders(components).items()}
    try:
        sw = switch(models)
    except ComposeError as err:
        fail(str(err))
    _save_and_show(sw, out, list(models.values()), f"switch {' '.join(models)} → {out}")
    if check:
        _report_checks(check_switch(sw, models))


@app.command("pipe")
def pipe_command(
    folders: List[Path] = typer.Argument(..., help="Two or more saved model folders, first to last: each reads the "
                                         "previous one's output as its tokens."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder to write the piped model into."),
    check: bool = typer.Option(True, "--check/--no-check", help="Compare the piped model with the models run one "
                               "after another (all inputs up to 100,000, else 10,000 random ones)."),
) -> None:
    """Build one model that runs the given models one after another, from their weights."""
    from weightsmith.compose import ComposeError, pipe
    from weightsmith.compose.check import check_pipe

    if len(folders) < 2:
        fail(f"pipe needs at least two model folders, got {len(folders)}")
    writable_folder(out)
    models = [load_model(folder) for folder in folders]
    names = [f"{i}_{folder.name}".replace("/", "_").replace(":", "_").replace("|", "_") for i, folder in
             enumerate(folders)]
    try:
        piped = pipe(models[0], models[1], names=(names[0], names[1]))
        checks = [(piped, models[0], models[1])]
        for name, model in zip(names[2:], models[2:]):
            previous = piped
            piped = pipe(previous, model, names=("before", name))
            checks.append((piped, previous, model))
    except ComposeError as err:
        fail(str(err))
    _save_and_show(piped, out, models, f"pipe {' → '.join(map(str, folders))} → {out}")
    if check:
        _report_checks([check_pipe(p, a, b) for p, a, b in checks])


@app.command("check-switch")
def check_switch_command(
    folder: Path = typer.Argument(..., help="A saved switch model folder."),
    components: List[str] = typer.Argument(..., help="NAME=MODEL_DIR for each component to check it against."),
    n_random: int = typer.Option(10_000, help="Random inputs per component when all inputs are too many (>100,000)."),
    seed: int = typer.Option(0),
) -> None:
    """Check a saved switch against its components: each selector's answers against that component's."""
    from weightsmith.compose import ComposedModel
    from weightsmith.compose.check import check_switch

    sw = ComposedModel.of(load_model(folder))
    models = {name: load_model(path) for name, path in _named_folders(components).items()}
    if sw.kind != "switch":
        fail(f"{folder} is not a switch: its config records no selectors (build one with `switch`)")
    unknown = [name for name in models if name not in sw.parts]
    if unknown:
        fail(f"{folder} is not a switch with selector(s) {unknown or list(models)} (its selectors: {sw.parts})")
    _report_checks(check_switch(sw, models, n_random=n_random, seed=seed))
