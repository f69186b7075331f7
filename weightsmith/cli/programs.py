"""Commands on programs and saved models: list, run, compile, verify, explain."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from weightsmith.cli.common import (NEGATIVE_NUMBERS, app, console, fail, fail_on, load_model, no_program_options,
                                    not_the_other_kind, progress, rounding_advice, verdict, warn, writable_folder,
                                    write_failed)


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


@app.command(context_settings=NEGATIVE_NUMBERS)
def run(
    program: str = typer.Argument(..., help="A library program name (see `weightsmith list`), "
                                  "`path/to/file.py:function`, a saved model folder, or one of the "
                                  "language tasks translation, grammaticality, sentiment (words as tokens)."),
    tokens: List[str] = typer.Argument(..., help="Input tokens, space separated (no BOS; negative numbers too: `run sort -1 0 --vocab -1,0`)."),
    trace: bool = typer.Option(False, "--trace", help="Print every named intermediate s-op as a table (for a saved "
                               "model: each s-op read out of the residual stream after the sublayer that writes it)."),
    vocab: Optional[str] = typer.Option(None, help="Vocabulary, comma separated (`a,b,c`; numbers become ints or "
                                        "floats, True/False bools: `1,2.5,True`; quoted, text: `\"'1',2\"`)."),
) -> None:
    """Evaluate a program (or run a saved model) on one input and print the output."""
    from weightsmith import rasp
    from weightsmith.program_spec import load_program, parse_tokens

    mistyped = next((t for t in tokens if t.startswith("--")), None)  # unknown options arrive as tokens
    if mistyped is not None:
        fail(f"no such option: {mistyped} (see `weightsmith run --help`)")
    if Path(program).is_dir():
        no_program_options(Path(program), {"--vocab": vocab})
        return _run_model(Path(program), tokens, trace)
    from weightsmith.cli.nlp import NLP_TASKS, nlp_command

    if program in NLP_TASKS:
        if vocab is not None:  # (it was ignored: `run sentiment good --vocab a,b` answered positive)
            fail(f"--vocab is for a program, not the language task {program}: it reads its own lexicon, and any other "
                 "word as UNK")
        return nlp_command(program, " ".join(tokens), trace, NLP_TASKS[program])
    try:
        spec = load_program(program, vocab)
        xs = parse_tokens(tokens, spec.vocab)
        if spec.max_seq_len is not None and len(xs) > spec.max_seq_len:
            fail(f"{len(xs)} tokens is longer than {spec.name}'s max_seq_len {spec.max_seq_len}")
        spec.limits.check_input(spec.name, xs)
        output, table = rasp.evaluate(spec.program, xs), None
        if trace:  # the trace evaluates again, with checks of its own (a Map's list values): its errors are the run's
            from weightsmith.show.trace_table import trace_table

            table = trace_table(spec.program, xs, title=f"{spec.name}({' '.join(tokens)})")
    except (KeyError, ValueError) as err:
        fail(str(err).strip('"'))
    if table is not None:
        console.print(table)
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

    writable_folder(out)
    not_the_other_kind(out, learned=False)
    try:
        spec = load_program(program, vocab, max_len)
        if spec.vocab is None or spec.max_seq_len is None:
            fail("a program from a file needs --vocab and --max-len")
        with rounding_advice(f"`weightsmith verify {out} {program}` checks the model"):
            compiled = compile_rasp_to_model(spec.program, set(spec.vocab), spec.max_seq_len, causal=causal)
        if causal:
            _warn_if_causal_form_differs(spec)
    except (KeyError, ValueError, CompileError) as err:
        fail_on(err)
    source = spec.source
    if source is None:
        from weightsmith.library import get_program

        source = inspect.getsource(inspect.getmodule(get_program(spec.name).build))
    try:
        save(compiled.model, out, program_source=source)
    except OSError as err:
        write_failed(out, err)
    console.print(summary_table(compiled.model, title=f"{spec.name} → {out}"))
    console.print(f"compiled in {compiled.compile_seconds * 1000:.1f} ms")
    if spec.limits.distinct_tokens:  # `run PROGRAM` checks it per input; a folder holds no program to check with
        warn(f"{spec.name} needs distinct tokens, and the model cannot check an input: `run {out}` answers one "
             "with a repeated token as the program computes it, which is not its description (see `weightsmith list`)")


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
    program: str = typer.Argument(..., help="The program it should compute (library name or file.py:function; "
                                  "or the folder `weightsmith learn` wrote, for its model/)."),
    n_random: int = typer.Option(10_000, min=1, help="Random inputs to check when all inputs are too many (>100,000)."),
    seed: int = typer.Option(0),
) -> None:
    """Check a saved model against the interpreter: on every input when feasible, else on random ones."""
    from weightsmith.program_spec import learned_program, load_program
    from weightsmith.verify import verify

    model = load_model(folder)
    try:
        spec = learned_program(Path(program)) or load_program(program)
    except (KeyError, ValueError) as err:
        fail(str(err))
    differs = _vocab_difference(spec, model.config.vocab)
    try:
        spec.limits.check(spec.name, model.config.vocab, model.config.max_seq_len)
        report = verify(model, spec.program, n_random=n_random, seed=seed, progress=progress())
    except ValueError as err:
        fail(str(err) + (f"; {differs}" if differs else ""))
    console.print(verdict(report.ok, str(report)), soft_wrap=True)
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

    model = load_model(folder)
    config = model.config
    console.print(summary_table(model, title=str(folder)))
    console.print(
        f"vocab {config.vocab}, max_seq_len {config.max_seq_len}, causal {config.causal}; output "
        f"{config.output_label!r} ({config.output_encoding}) read from dims {config.output_dims}"
        + (f" as ±1 codes ({len(config.output_codes)} values)" if config.output_codes is not None else "")
    )
    if config.output_types is not None:
        types = config.output_types
        console.print(f"its Python type from dims {types['dims']}: the largest names it "
                      f"({', '.join(map(str, types['types']))})", markup=False)
    if config.loop is not None:
        from weightsmith.model import loop_description

        console.print(loop_description(config))
    console.print(layout_table(config))


def _run_model(folder: Path, raw_tokens: List[str], trace: bool) -> None:
    from weightsmith.compose import ComposedModel
    from weightsmith.program_spec import parse_tokens

    model = load_model(folder)
    try:
        xs = parse_tokens(raw_tokens, model.config.vocab, model.config.bos)
        composed = ComposedModel.of(model)
        # a switch's selector slot has no output of its own: it echoes the selector (as `apply` does), where
        # the plain decode showed None, or for a numerical switch one of its values, as if an answer; both refuse
        # what the model is undefined on (a folder saved before its config recorded that: refused by `of`)
        output = composed.run(xs)
    except ValueError as err:
        fail(str(err))
    if trace:
        from weightsmith.show.trace_table import model_trace_table

        console.print(model_trace_table(model, xs, title=f"{folder.name}({' '.join(raw_tokens)})"))
    console.print(output)

