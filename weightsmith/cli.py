"""The `weightsmith` command line: run, list, compile, verify, explain, learn, and the NLP tasks.

Each command is a thin layer over the library API; errors in user input are printed as one clear line
(what was wrong and where) with exit code 2, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from weightsmith.show.console import make_console

app = typer.Typer(
    help="weightsmith: write RASP programs, run them, compile them into exact transformers.",
    no_args_is_help=True,
    add_completion=False,
)
console = make_console()


def fail(message: str) -> None:
    console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(2)


@app.command("list")
def list_programs() -> None:
    """List the library programs with a one-line description each."""
    from rich.table import Table

    from weightsmith.library import PROGRAMS

    table = Table(header_style="bold")
    for column in ("name", "vocab", "max len", "description"):
        table.add_column(column)
    for entry in PROGRAMS.values():
        table.add_row(entry.name, ",".join(map(str, entry.vocab)), str(entry.max_seq_len), entry.description)
    console.print(table)


@app.command()
def run(
    program: str = typer.Argument(..., help="A library program name (see `weightsmith list`), "
                                  "`path/to/file.py:function`, a saved model folder, or one of the "
                                  "language tasks translation, grammaticality, sentiment (words as tokens)."),
    tokens: List[str] = typer.Argument(..., help="Input tokens, space separated (no BOS)."),
    trace: bool = typer.Option(False, "--trace", help="Print every named intermediate s-op as a table."),
    vocab: Optional[str] = typer.Option(None, help="Vocabulary, comma separated (`a,b,c`; integers become ints)."),
) -> None:
    """Evaluate a program (or run a saved model) on one input and print the output."""
    from weightsmith import rasp
    from weightsmith.program_spec import load_program, parse_tokens

    if Path(program).is_dir():
        return _run_model(Path(program), tokens)
    if program in NLP_TASKS:
        return _nlp_command(program, " ".join(tokens), trace, NLP_TASKS[program])
    try:
        spec = load_program(program, vocab)
        xs = parse_tokens(tokens, spec.vocab)
        if spec.max_seq_len is not None and len(xs) > spec.max_seq_len:
            fail(f"{len(xs)} tokens is longer than {spec.name}'s max_seq_len {spec.max_seq_len}")
        output = rasp.evaluate(spec.program, xs)
    except (KeyError, ValueError) as err:
        fail(str(err).strip('"'))
    if trace:
        from weightsmith.show.trace_table import trace_table

        console.print(trace_table(spec.program, xs, title=f"{spec.name}({' '.join(tokens)})"))
    console.print(output)


@app.command("compile")
def compile_command(
    program: str = typer.Argument(..., help="A library program name or `path/to/file.py:function`."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder to write the model into."),
    vocab: Optional[str] = typer.Option(None, help="Vocabulary, comma separated (default: the library's)."),
    max_len: Optional[int] = typer.Option(None, "--max-len", help="Longest input (default: the library's)."),
    causal: bool = typer.Option(False, "--causal", help="Compile a decoder (causal attention)."),
) -> None:
    """Compile a program into a transformer, save it (safetensors + JSON) and print its size."""
    import inspect

    from weightsmith.compiler import CompileError, compile_rasp_to_model
    from weightsmith.model import save
    from weightsmith.program_spec import load_program
    from weightsmith.show.model_tables import summary_table

    try:
        spec = load_program(program, vocab, max_len)
        if spec.vocab is None or spec.max_seq_len is None:
            fail("a program from a file needs --vocab and --max-len")
        compiled = compile_rasp_to_model(spec.program, set(spec.vocab), spec.max_seq_len, causal=causal)
    except (KeyError, ValueError, CompileError) as err:
        fail(str(err))
    source = spec.source
    if source is None:
        from weightsmith.library import get_program

        source = inspect.getsource(inspect.getmodule(get_program(spec.name).build))
    save(compiled.model, out, program_source=source)
    console.print(summary_table(compiled.model, title=f"{spec.name} → {out}"))
    console.print(f"compiled in {compiled.compile_seconds * 1000:.1f} ms")


@app.command("verify")
def verify_command(
    folder: Path = typer.Argument(..., help="A saved model folder."),
    program: str = typer.Argument(..., help="The program it should compute (library name or file.py:function)."),
    n_random: int = typer.Option(10_000, help="Random inputs to check when all inputs are too many (>100,000)."),
    seed: int = typer.Option(0),
) -> None:
    """Check a saved model against the interpreter: on every input when feasible, else on random ones."""
    from weightsmith.model import load
    from weightsmith.program_spec import load_program
    from weightsmith.verify import verify

    try:
        model = load(folder)
        spec = load_program(program)
        report = verify(model, spec.program, n_random=n_random, seed=seed)
    except (KeyError, ValueError) as err:
        fail(str(err))
    console.print(("[green]OK[/] " if report.ok else "[red]MISMATCH[/] ") + str(report), highlight=False)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def explain(folder: Path = typer.Argument(..., help="A saved model folder.")) -> None:
    """Show a saved model's size and which s-op lives where in its residual stream."""
    from weightsmith.model import load
    from weightsmith.show.model_tables import layout_table, summary_table

    try:
        model = load(folder)
    except ValueError as err:
        fail(str(err))
    config = model.config
    console.print(summary_table(model, title=str(folder)))
    console.print(
        f"vocab {config.vocab}, max_seq_len {config.max_seq_len}, causal {config.causal}; output "
        f"{config.output_label!r} ({config.output_encoding}) read from dims {config.output_dims}"
    )
    console.print(layout_table(config))


def _nlp_command(task: str, text: str, trace: bool, answer) -> None:
    try:
        result = answer(text)
    except ValueError as err:
        fail(str(err))
    if trace:
        from weightsmith.show.trace_table import nlp_trace_table

        console.print(nlp_trace_table(task, text))
    console.print(result)


def _translate(text: str) -> str:
    from weightsmith.library import nlp

    return nlp.translate(text)


def _grammaticality(text: str) -> str:
    from weightsmith.library import nlp

    return "grammatical" if nlp.is_grammatical(text) else "ungrammatical"


def _sentiment(text: str) -> str:
    from weightsmith.library import nlp

    return nlp.sentiment(text)


NLP_TASKS = {"translation": _translate, "grammaticality": _grammaticality, "sentiment": _sentiment}
TRACE_OPTION = typer.Option(False, "--trace", help="Also print the program's key intermediate values.")


@app.command()
def translate(text: str = typer.Argument(..., help="An English sentence."), trace: bool = TRACE_OPTION) -> None:
    """Translate English to French with the compiled causal translation transformer (greedy decoding)."""
    _nlp_command("translation", text, trace, _translate)


@app.command()
def grammar(text: str = typer.Argument(..., help="An English sentence."), trace: bool = TRACE_OPTION) -> None:
    """Judge whether a sentence is grammatical, with the compiled grammaticality transformer."""
    _nlp_command("grammaticality", text, trace, _grammaticality)


@app.command()
def sentiment(text: str = typer.Argument(..., help="An English sentence."), trace: bool = TRACE_OPTION) -> None:
    """Classify a sentence as positive or negative, with the compiled sentiment transformer."""
    _nlp_command("sentiment", text, trace, _sentiment)


@app.command()
def learn(
    task: str = typer.Argument(..., help="reverse, hist, double_hist, sort, most_freq, dyck1, dyck2 or induction (the authors' data and metric); "
                              "variants of ours: most_freq_unscored, dyck1_varied, dyck2_varied."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder for the program, its decompiled Python and result.json."),
    layers: int = typer.Option(3, help="Layers."),
    heads: int = typer.Option(8, help="Attention heads per layer (half categorical, half numerical)."),
    mlps: int = typer.Option(2, help="MLPs (lookup tables over two variables) per layer."),
    epochs: int = typer.Option(60, help="Training epochs (early stopping keeps the best discretised program)."),
    seed: int = typer.Option(0, help="Seed for initialisation and Gumbel noise (training is deterministic)."),
    predicate: str = typer.Option("one_hot", help="one_hot (the paper: a query value matches one key value), "
                                  "binary (any set, e.g. 'less than') or mixed (binary for numerical heads only)."),
    orders: str = typer.Option("closest", help="Comma-separated match orders categorical heads may learn: "
                               "closest (the paper), first, last."),
    restarts: int = typer.Option(1, help="Seeds started (seed, seed+1, ...); the better half go on at 1/4 and 1/2 "
                                 "of the epochs (successive halving), the best on validation is kept."),
    values: int = typer.Option(0, help="Variable cardinality (at least what tokens and counts need; wider lets "
                               "an MLP write a pair of values as one)."),
    count_where: bool = typer.Option(False, "--count-where", help="Numerical heads also read a value variable "
                                     "and count only positions whose value is in a learned set."),
    balance_lengths: bool = typer.Option(False, "--balance-lengths", help="Weight each example by 1 / (share of "
                                         "its length), so rare lengths count as much."),
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
                                                "(gradient descent, classifier refit, search): the search stops "
                                                "early to keep it."),
) -> None:
    """Train a Transformer Program on a task by gradient descent, then decompile it to standalone Python.

    Prints the accuracy of the *discretised* program (the one decompiled) and writes it to OUT.
    """
    from weightsmith.learn.train_task import train_task

    try:
        result = train_task(task, layers, heads, mlps, epochs, seed, out, predicate=predicate,
                            orders=tuple(o.strip() for o in orders.split(",")), restarts=restarts, values=values,
                            count_where=count_where, balance_lengths=balance_lengths,
                            scopes=tuple(c.strip() for c in scopes.split(",")), identity_bias=identity_bias,
                            read_last_layer=read_last_layer, recency_bias=recency_bias,
                            search_seconds=search_seconds, time_budget=time_budget)
    except (KeyError, ValueError) as err:
        fail(str(err).strip('"'))
    console.print(f"program, decompiled Python and result.json written to {out} (on the test set: decompiled == "
                  f"model {result.decompiled_equals_model}, compiled == model {result.compiled_equals_model})")


def _run_model(folder: Path, raw_tokens: List[str]) -> None:
    from weightsmith.model import load
    from weightsmith.program_spec import parse_tokens

    try:
        model = load(folder)
        xs = parse_tokens(raw_tokens, model.config.vocab)
        output = model.run([model.config.bos, *xs])
    except ValueError as err:
        fail(str(err))
    console.print(output[1:])


def main() -> None:
    app()


if __name__ == "__main__":
    main()
