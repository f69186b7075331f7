"""`weightsmith modules MODEL`: find a model's modules from its weights, score them, describe each one."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Optional

import typer

from weightsmith.cli.common import app, console, fail, load_model

SAMPLE = 500  # inputs to describe modules on (all inputs when there are at most this many)


@app.command("modules")
def modules_command(
    model_spec: str = typer.Argument(..., metavar="MODEL",
                                     help="A saved model folder, or a library program name (compiled first)."),
    data: Optional[str] = typer.Option(None, "--data", help="An algorithmic task (e.g. sort, hist) whose test "
                                       "inputs the modules are described on; default: inputs over the model's vocab."),
    k: Optional[int] = typer.Option(None, "-k", help="Number of modules (default: as many as Louvain finds)."),
    method: str = typer.Option("gh_ratio", "--method", help="gh_ratio, gh_lightest, flake, spectral, louvain, layers."),
    level: str = typer.Option("unit", "--level", help="unit (residual segments, heads, MLP units) or component."),
    activations: bool = typer.Option(False, "--activations", help="Weigh each edge by the mean |activation| of "
                                     "its source on the data (the activation-weighted graph)."),
    shuffles: int = typer.Option(0, "--shuffles", help="Also test significance against this many shuffles "
                                 "(mask-preserving and full; 50 as Filan et al.)."),
    out: Optional[Path] = typer.Option(None, "-o", help="Write a picture of the graph coloured by module (.png/.svg)."),
) -> None:
    """Find the model's modules (Gomory-Hu tree of its weight graph), score and describe them."""
    from weightsmith.modules.describe import PrimitiveMatcher
    from weightsmith.modules.graph import LEVELS, weight_graph
    from weightsmith.modules.partition import METHODS, find_modules, louvain_modules, modules_of
    from weightsmith.modules.scores import inside_share, modularity, ncut, shuffle_significance
    from weightsmith.rasp.errors import InputError

    if method not in METHODS:
        fail(f"--method {method!r}: expected one of {', '.join(METHODS)}")
    if level not in LEVELS:
        fail(f"--level {level!r}: expected unit or component")
    if out is not None and out.suffix.lower() not in (".png", ".svg"):
        fail(f"-o {out}: the picture must end in .png or .svg")
    if k is not None and k < 1:
        fail(f"-k {k}: expected at least 1 module")
    if shuffles < 0:
        fail(f"--shuffles {shuffles}: expected 0 (no significance test) or more shuffles")
    model = _model(model_spec)
    inputs = _inputs(model, data)
    weights = weight_graph(model, level, data=inputs if activations else None)
    graph = weights.graph
    if graph.number_of_nodes() < 2:
        fail("the model's weight graph has fewer than 2 connected nodes: nothing to split into modules")
    count = k if k is not None else len(set(louvain_modules(graph).values()))
    if count > graph.number_of_nodes():
        fail(f"-k {count}: the weight graph has only {graph.number_of_nodes()} nodes")
    partition = find_modules(graph, count, method)
    console.print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; {method}: "
                  f"{len(set(partition.values()))} modules  n-cut {ncut(graph, partition):.3f}  "
                  f"modularity {modularity(graph, partition):.3f}  |W| inside {inside_share(graph, partition):.1%}",
                  highlight=False)
    if shuffles:
        for mode in ("mask", "full"):
            sig = shuffle_significance(weights, lambda g: find_modules(g, count, method), n=shuffles, mode=mode)
            console.print(f"  vs {shuffles} {mode} shuffles: n-cut {sig.shuffled_mean:.3f} ± {sig.shuffled_sd:.3f}, "
                          f"z {sig.z:.2f}, p {sig.p:.3f}", highlight=False)
    describer = PrimitiveMatcher()
    for m, members in enumerate(modules_of(partition)):
        kinds = {kind: sum(n.startswith(kind) for n in members) for kind in ("resid", "head", "mlp")}
        if level == "component":  # nodes: heads, one per MLP layer, embed and unembed; no residual segments
            ends = [end for end in ("embed", "unembed") if end in members]
            console.print(f"module {m}: {kinds['head']} heads, {kinds['mlp']} MLP layers"
                          + "".join(f", {end}" for end in ends) + " (modules are described at --level unit)",
                          highlight=False, soft_wrap=True)
            continue
        size = f"{kinds['head']} heads, {kinds['mlp']} units, {kinds['resid']} residual segments"
        text = "reads/writes residual segments only"
        if kinds["head"] or kinds["mlp"]:
            try:
                d = describer.describe(model, members, inputs)
                writes = ", ".join(d.writes[:4]) + (" ..." if len(d.writes) > 4 else "")
                text = f"{d.sentence}; writes {writes}; program: {d.program}"
            except InputError as err:
                text = str(err)
        console.print(f"module {m}: {size}: {text}", highlight=False, soft_wrap=True)
    if out is not None:
        try:
            from weightsmith.modules.picture import draw_modules
        except ImportError:
            fail("-o needs matplotlib (pip install 'weightsmith[plots]')")
        try:
            draw_modules(graph, partition, out, f"{model_spec}: {method}, {len(set(partition.values()))} modules")
        except OSError as err:
            fail(f"cannot write {out}: {err.strerror or err}")
        console.print(f"wrote {out}", highlight=False)


def _model(spec: str):
    if Path(spec).is_dir():
        return load_model(Path(spec))
    from weightsmith.compiler import CompileError, compile_program
    from weightsmith.library.registry import UnknownProgramError, get_program

    try:
        program = get_program(spec)
    except UnknownProgramError as err:
        fail(f"MODEL {spec!r} is neither a model folder nor a library program ({err})")
    try:
        return compile_program(program.build(), program.vocab, program.max_seq_len).model
    except CompileError as err:
        fail(str(err))


def _inputs(model, task: str | None) -> list[list]:
    config = model.config
    if task is not None:
        from weightsmith.tasks.algorithmic import make_task

        try:
            made = make_task(task, size=SAMPLE * 2)
        except (KeyError, ValueError) as err:
            fail(f"--data {task!r}: {str(err).strip(chr(34))}")
        inputs = [[config.bos, *x[1:]] for x in made.test.inputs]  # the task's BOS becomes the model's
        known = set(map(repr, config.vocab))
        for x in inputs:
            for token in x[1:]:
                if repr(token) not in known:
                    fail(f"--data {task}: token {token!r} is not in the model's vocabulary {config.vocab}")
            if len(x) - 1 > config.max_seq_len:
                fail(f"--data {task}: an input of {len(x) - 1} tokens is longer than the model's max_seq_len "
                     f"{config.max_seq_len}")
        return inputs
    total = sum(len(config.vocab) ** n for n in range(1, config.max_seq_len + 1))
    if total <= SAMPLE:
        return [[config.bos, *xs] for n in range(1, config.max_seq_len + 1)
                for xs in itertools.product(config.vocab, repeat=n)]
    rng = random.Random(0)
    return [[config.bos, *rng.choices(config.vocab, k=rng.randint(1, config.max_seq_len))] for _ in range(SAMPLE)]
