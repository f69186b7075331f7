"""The `weightsmith` command line: run, list, compile, verify, explain, learn, and the NLP tasks.

Each command is a thin layer over the library API; errors in user input are printed as one clear line
(what was wrong and where) with exit code 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer
from weightsmith.show.console import make_console

if TYPE_CHECKING:
    from weightsmith.model import Transformer

app = typer.Typer(
    help="weightsmith: write RASP programs, run them, compile them into exact transformers.",
    no_args_is_help=True,
    add_completion=False,
)
console = make_console()


def fail(message: str) -> None:
    from rich.markup import escape

    # soft_wrap: one line however long; escape: a path or value quoted in the message is not markup
    console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _load_model(folder: Path) -> Transformer:
    """The saved model, or exit 2 with the one-line ModelFolderError; load warnings go to stderr as one line."""
    import warnings

    from weightsmith.model import ModelFolderError, load

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model = load(folder)
        except ModelFolderError as err:
            fail(str(err))
    for warning in caught:
        typer.echo(f"warning: {warning.message}", err=True)
    return model


def warn(message: str) -> None:
    console.print(f"[bold yellow]warning:[/] {message}", highlight=False, soft_wrap=True)


def _show_version(value: bool) -> None:
    if value:
        from weightsmith import __version__

        console.print(f"weightsmith {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """weightsmith: write RASP programs, run them, compile them into exact transformers."""


def _progress() -> bool:
    """Progress bars are for a person at a terminal: not in pipes, logs or tests (library calls never show them)."""
    return sys.stderr.isatty()


def _writable_folder(out: Path) -> None:
    """Fail before any work if `out` cannot be a folder to write into (it is a file, or under one)."""
    for folder in (out, *out.parents):
        if folder.exists():
            if not folder.is_dir():
                fail(f"-o {out}: {folder} is a file, not a folder")
            return


def _write_failed(out: Path, error: OSError) -> None:
    fail(f"cannot write into {out}: {error.strerror or error}")


@app.command("list")
def list_programs() -> None:
    """List the library programs with a one-line description each."""
    from rich.table import Table

    from weightsmith.library import PROGRAMS

    table = Table(header_style="bold")
    for column in ("name", "vocab", "max len", "correct for", "description"):
        table.add_column(column, no_wrap=column == "name")
    for entry in PROGRAMS.values():
        limits = str(entry.limits)
        table.add_row(entry.name, ",".join(map(str, entry.vocab)), str(entry.max_seq_len),
                      "any" if limits == "none" else limits, entry.description)
    console.print(table)
    console.print("vocab and max len: the defaults of `run` and `compile`; correct for: the vocabularies, lengths and "
                  "inputs on which the program computes what its description says (checked).", highlight=False)


@app.command()
def run(
    program: str = typer.Argument(..., help="A library program name (see `weightsmith list`), "
                                  "`path/to/file.py:function`, a saved model folder, or one of the "
                                  "language tasks translation, grammaticality, sentiment (words as tokens)."),
    tokens: List[str] = typer.Argument(..., help="Input tokens, space separated (no BOS)."),
    trace: bool = typer.Option(False, "--trace", help="Print every named intermediate s-op as a table (for a saved "
                               "model: each s-op read out of the residual stream after the sublayer that writes it)."),
    vocab: Optional[str] = typer.Option(None, help="Vocabulary, comma separated (`a,b,c`; integers become ints)."),
) -> None:
    """Evaluate a program (or run a saved model) on one input and print the output."""
    from weightsmith import rasp
    from weightsmith.program_spec import load_program, parse_tokens

    if Path(program).is_dir():
        return _run_model(Path(program), tokens, trace)
    if program in NLP_TASKS:
        return _nlp_command(program, " ".join(tokens), trace, NLP_TASKS[program])
    try:
        spec = load_program(program, vocab)
        xs = parse_tokens(tokens, spec.vocab)
        if spec.max_seq_len is not None and len(xs) > spec.max_seq_len:
            fail(f"{len(xs)} tokens is longer than {spec.name}'s max_seq_len {spec.max_seq_len}")
        spec.limits.check_input(spec.name, xs)
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
    max_len: Optional[int] = typer.Option(None, "--max-len", help="Longest input, at least 1 (default: the library's; "
                                          "a library program refuses lengths past its limits, see `weightsmith list`)."),
    causal: bool = typer.Option(False, "--causal", help="Compile a decoder (causal attention): it computes the program's "
                                "causal form, and a warning names an input where that differs from the program."),
) -> None:
    """Compile a program into a transformer, save it (safetensors + JSON) and print its size."""
    import inspect

    from weightsmith.compiler import CompileError, compile_rasp_to_model
    from weightsmith.model import save
    from weightsmith.program_spec import load_program
    from weightsmith.show.model_tables import summary_table

    _writable_folder(out)
    try:
        spec = load_program(program, vocab, max_len)
        if spec.vocab is None or spec.max_seq_len is None:
            fail("a program from a file needs --vocab and --max-len")
        compiled = compile_rasp_to_model(spec.program, set(spec.vocab), spec.max_seq_len, causal=causal)
        if causal:
            _warn_if_causal_form_differs(spec)
    except (KeyError, ValueError, CompileError) as err:
        fail(str(err))
    source = spec.source
    if source is None:
        from weightsmith.library import get_program

        source = inspect.getsource(inspect.getmodule(get_program(spec.name).build))
    try:
        save(compiled.model, out, program_source=source)
    except OSError as err:
        _write_failed(out, err)
    console.print(summary_table(compiled.model, title=f"{spec.name} → {out}"))
    console.print(f"compiled in {compiled.compile_seconds * 1000:.1f} ms")


def _warn_if_causal_form_differs(spec) -> None:
    """A causal model computes the program's causal form; say so when that is not the program itself."""
    from weightsmith.verify import causal_difference

    found = causal_difference(spec.program, spec.vocab, spec.max_seq_len)
    if found is not None:
        warn(f"{spec.name} looks ahead, so its causal form (each position sees only the tokens up to it) differs "
             f"from it: on {found.input} it gives {found.causal_output}, not {found.program_output}. The causal model "
             "computes the causal form, and `verify` checks it against that.")


@app.command("verify")
def verify_command(
    folder: Path = typer.Argument(..., help="A saved model folder."),
    program: str = typer.Argument(..., help="The program it should compute (library name or file.py:function)."),
    n_random: int = typer.Option(10_000, help="Random inputs to check when all inputs are too many (>100,000)."),
    seed: int = typer.Option(0),
) -> None:
    """Check a saved model against the interpreter: on every input when feasible, else on random ones."""
    from weightsmith.program_spec import load_program
    from weightsmith.verify import verify

    model = _load_model(folder)
    try:
        spec = load_program(program)
    except (KeyError, ValueError) as err:
        fail(str(err))
    differs = _vocab_difference(spec, model.config.vocab)
    try:
        spec.limits.check(spec.name, model.config.vocab, model.config.max_seq_len)
        report = verify(model, spec.program, n_random=n_random, seed=seed, progress=_progress())
    except ValueError as err:
        fail(str(err) + (f"; {differs}" if differs else ""))
    console.print(("[green]OK[/] " if report.ok else "[red]MISMATCH[/] ") + str(report), highlight=False,
                  soft_wrap=True)
    if not report.ok:
        if differs:
            console.print(f"note: {differs}", highlight=False, soft_wrap=True)
        raise typer.Exit(1)


def _vocab_difference(spec, model_vocab: list) -> str:
    """A library program's vocabulary is a default, so a model over another one may still compute it; but
    when verify fails, the difference is the first thing to know."""
    if spec.vocab is None or sorted(map(repr, spec.vocab)) == sorted(map(repr, model_vocab)):
        return ""
    return f"the model's vocabulary is {model_vocab}, {spec.name}'s default is {list(spec.vocab)}"


@app.command()
def explain(folder: Path = typer.Argument(..., help="A saved model folder.")) -> None:
    """Show a saved model's size and which s-op lives where in its residual stream."""
    from weightsmith.show.model_tables import layout_table, summary_table

    model = _load_model(folder)
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

    _writable_folder(out)
    try:
        result = train_task(task, layers, heads, mlps, epochs, seed, out, predicate=predicate,
                            orders=tuple(o.strip() for o in orders.split(",")), restarts=restarts, values=values,
                            count_where=count_where, balance_lengths=balance_lengths,
                            scopes=tuple(c.strip() for c in scopes.split(",")), identity_bias=identity_bias,
                            read_last_layer=read_last_layer, recency_bias=recency_bias,
                            search_seconds=search_seconds, time_budget=time_budget, progress=_progress())
    except (KeyError, ValueError) as err:
        fail(str(err).strip('"'))
    except OSError as err:
        _write_failed(out, err)
    console.print(f"program, decompiled Python and result.json written to {out} (on the test set: decompiled == "
                  f"model {result.decompiled_equals_model}, compiled == model {result.compiled_equals_model})")


def _arithmetic(operation: str, a: int, b: int, digits: int, causal: bool, trace: bool) -> None:
    from rich.table import Table

    from weightsmith.library import arithmetic

    try:
        if operation == "add":
            result = arithmetic.add(a, b, digits=digits, causal=causal)
            rows = arithmetic.trace_add(a, b, digits) if trace else []
        else:
            result = arithmetic.multiply(a, b, digits=digits)
            rows = arithmetic.trace_multiply(a, b, digits) if trace else []
    except ValueError as err:
        fail(str(err))
    if rows:
        table = Table(title=f"{operation} {a} {b}: per digit, least significant first", header_style="bold")
        for column in rows[0]:
            table.add_column(column.replace("_", " "), justify="right")
        for row in rows:
            table.add_row(*(str(v) for v in row.values()))
        console.print(table)
    console.print(result)


OPERAND = typer.Argument(..., help="A non-negative integer.")


@app.command()
def add(
    a: int = OPERAND,
    b: int = OPERAND,
    digits: int = typer.Option(10, help="Digits per operand the compiled adder takes (1..40)."),
    causal: bool = typer.Option(False, "--causal", help="Use the autoregressive adder (one digit per step)."),
    trace: bool = typer.Option(False, "--trace", help="Show each column, its carry in and its digit, as read "
                               "from the encoder adder's residual stream."),
) -> None:
    """Add two numbers with a compiled transformer (exact; nothing is added in Python)."""
    _arithmetic("add", a, b, digits, causal, trace)


@app.command()
def multiply(
    a: int = OPERAND,
    b: int = OPERAND,
    digits: int = typer.Option(4, help="Digits per operand the compiled multiplier takes (1..8)."),
    trace: bool = typer.Option(False, "--trace", help="Show the column sums, their normalisation and the carries."),
) -> None:
    """Multiply two numbers with a compiled transformer (exact; nothing is multiplied in Python)."""
    _arithmetic("multiply", a, b, digits, False, trace)


def _run_model(folder: Path, raw_tokens: List[str], trace: bool) -> None:
    from weightsmith.program_spec import parse_tokens

    model = _load_model(folder)
    try:
        xs = parse_tokens(raw_tokens, model.config.vocab)
        output = model.run([model.config.bos, *xs])
    except ValueError as err:
        fail(str(err))
    if trace:
        from weightsmith.show.trace_table import model_trace_table

        console.print(model_trace_table(model, xs, title=f"{folder.name}({' '.join(raw_tokens)})"))
    console.print(output[1:])


def main() -> None:
    app()


if __name__ == "__main__":
    main()
