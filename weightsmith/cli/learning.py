"""`weightsmith learn`: train a Transformer Program and decompile it."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from weightsmith.cli.common import (app, console, fail, not_the_other_kind, progress, warn, writable_folder,
                                    write_failed)


@app.command()
def learn(
    task: str = typer.Argument(..., help="reverse, hist, double_hist, sort, most_freq, dyck1, dyck2 or induction (the authors' data and metric); "
                              "variants of ours: most_freq_unscored, dyck1_varied, dyck2_varied; sort_freq (Tracr's)."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder for the program, its decompiled Python, result.json and "
                            "model/ (the compiled model)."),
    layers: int = typer.Option(3, min=1, help="Layers."),
    heads: int = typer.Option(8, min=1, help="Attention heads per layer (half categorical, half numerical)."),
    mlps: int = typer.Option(2, min=0, help="MLPs (lookup tables over two variables) per layer."),
    epochs: int = typer.Option(60, min=1, help="Training epochs (early stopping keeps the best discretised program)."),
    seed: int = typer.Option(0, help="Seed for initialisation and Gumbel noise (training is deterministic)."),
    predicate: str = typer.Option("one_hot", help="one_hot (the paper: a query value matches one key value), "
                                  "binary (any set, e.g. 'less than') or mixed (binary for numerical heads only)."),
    orders: str = typer.Option("closest", help="Comma-separated match orders categorical heads may learn: "
                               "closest (the paper), first, last."),
    restarts: int = typer.Option(1, min=1, help="Seeds started (seed, seed+1, ...); the better half go on at 1/4 and 1/2 "
                                 "of the epochs (successive halving), the best on validation is kept."),
    values: int = typer.Option(0, min=0, help="Variable cardinality (at least what tokens and counts need; wider lets "
                               "an MLP write a pair of values as one)."),
    count_where: bool = typer.Option(False, "--count-where", help="Numerical heads also read a value variable "
                                     "and count only positions whose value is in a learned set."),
    balance_lengths: bool = typer.Option(False, "--balance-lengths", help="Weight each example by 1 / (share of "
                                         "its length), so rare lengths count as much."),
    defer_labels: str = typer.Option("", help="Comma-separated labels gradient descent does not see (their "
                                     "positions and classes); the classifier refit and the search fit them "
                                     "(most_freq: BOS, the end of the list)."),
    scopes: str = typer.Option("all", help="Comma-separated scopes a numerical head's matches may count in, "
                               "learned per predicate cell: all (the paper), before (only keys left of the query), "
                               "after (only keys right of it)."),
    identity_bias: float = typer.Option(0.0, help="Many-to-one predicates start near key == query by this logit "
                                        "margin (0: at random, as the paper's)."),
    read_last_layer: bool = typer.Option(False, "--read-last-layer", help="The classifier reads only the last "
                                         "layer's variables while training (the paper: all variables)."),
    recency_bias: float = typer.Option(0.0, help="Gates start favouring the newest variables by this logit margin "
                                       "(heads: the previous layer's outputs; MLPs: their own layer's heads)."),
    search_seconds: float = typer.Option(0.0, help="After training, improve the program by single edits (predicate "
                                         "cells, table entries) on training accuracy for up to this many seconds; "
                                         "kept only if better on validation (0: no search)."),
    time_budget: Optional[float] = typer.Option(None, help="CPU seconds (this process) for all the fitting "
                                                "(gradient descent, classifier refit, search): gradient descent "
                                                "and the search stop early to keep it, but one epoch and the refit "
                                                "always run (a tiny budget still takes them)."),
) -> None:
    """Train a Transformer Program on a task by gradient descent, then decompile it to standalone Python.

    Prints the accuracy of the *discretised* program (the one decompiled) and writes it to OUT, with its compiled
    transformer in OUT/model (a model folder, as `compile` writes: run, verify, switch and pipe take it).
    """
    from weightsmith.learn.train_task import train_task

    writable_folder(out)
    not_the_other_kind(out, learned=True)
    try:
        result = train_task(task, layers, heads, mlps, epochs, seed, out, predicate=predicate,
                            orders=tuple(o.strip() for o in orders.split(",")), restarts=restarts, values=values,
                            count_where=count_where, balance_lengths=balance_lengths,
                            defer_labels=tuple(label.strip() for label in defer_labels.split(",") if label.strip()),
                            scopes=tuple(c.strip() for c in scopes.split(",")), identity_bias=identity_bias,
                            read_last_layer=read_last_layer, recency_bias=recency_bias,
                            search_seconds=search_seconds, time_budget=time_budget, progress=progress())
    except (KeyError, ValueError) as err:
        fail(str(err).strip('"'))
    except OSError as err:
        write_failed(out, err)
    console.print(f"program, decompiled Python and result.json written to {out} (on the test set: decompiled == "
                  f"model {result.decompiled_equals_model}, compiled == model {result.compiled_equals_model})")
    bos = result.program.config.vocab[0]
    if result.model_dir is not None:
        console.print(f"compiled model written to {result.model_dir}: `weightsmith run {result.model_dir} {bos} ...` "
                      f"(its BOS token first), `weightsmith verify {result.model_dir} {out}`; switch and pipe take it "
                      "as any model folder")
    else:  # said, not silent: the user would look for the folder
        why = result.compiled_size.get("error", "the compiled model differs from the program on the test set")
        warn(f"no compiled model folder written ({why}); the program runs as {out}/program.py")
