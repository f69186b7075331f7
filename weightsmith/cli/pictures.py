"""`weightsmith explore` (a self-contained HTML page of a model at work) and `weightsmith draw` (a program's graph)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from weightsmith.cli.common import (app, console, fail, fail_on, load_model, no_program_options, writable_folder,
                                    write_failed)


@app.command()
def explore(
    program: str = typer.Argument(..., help="A saved model folder, a library program name or `file.py:function` "
                                  "(a program is compiled first, and its interpreter trace shown beside the model's)."),
    input_text: str = typer.Option(..., "--input", help="The input tokens, space separated, e.g. \"a b c\" (no BOS)."),
    out: Path = typer.Option(Path("explore.html"), "-o", "--out", help="The HTML file to write."),
    vocab: Optional[str] = typer.Option(None, help="Vocabulary for a program, comma separated (default: the library's)."),
    max_len: Optional[int] = typer.Option(None, "--max-len", help="Longest input for a program (default: the library's)."),
) -> None:
    """Write one HTML page (no server, no network) showing the model on one input: the s-op graph by layer,
    the trace, the residual stream after every sublayer, each head's attention and each MLP's table.
    Click an s-op to see where it lives."""
    from weightsmith.compose import ComposedModel
    from weightsmith.program_spec import load_program, parse_tokens
    from weightsmith.show.explore import explore_html

    writable_folder(out.parent)
    source, limits = None, None
    if Path(program).is_dir():
        no_program_options(Path(program), {"--vocab": vocab, "--max-len": max_len})
        model = load_model(Path(program))
        name = Path(program).name
    else:
        from weightsmith.compiler import CompileError, compile_rasp_to_model

        try:
            spec = load_program(program, vocab, max_len)
            if spec.vocab is None or spec.max_seq_len is None:
                fail("a program from a file needs --vocab and --max-len")
            model = compile_rasp_to_model(spec.program, set(spec.vocab), spec.max_seq_len).model
        except (KeyError, ValueError, CompileError) as err:
            fail_on(err)
        source, name, limits = spec.program, spec.name, spec.limits
    try:
        tokens = parse_tokens(input_text.split(), model.config.vocab, model.config.bos)
        if not tokens:
            fail("--input is empty: give the tokens to run, e.g. --input \"a b c\"")
        if len(tokens) > model.config.max_seq_len:
            fail(f"{len(tokens)} tokens is longer than the model's max_seq_len {model.config.max_seq_len}")
        if limits is not None:  # a library program's limits on one input (sort_unique's distinct tokens), as `run`'s
            limits.check_input(name, tokens)
        # an input `run` refuses, the page refuses too: a switch without its selector (every component gated off)
        # or outside its component's domain, a pipe where a model outputs None (the next has no input); `apply`
        # checks both (a plain model reads as a pipe without flags: nothing to check)
        ComposedModel.of(model).apply([model.config.bos, *tokens])
        page = explore_html(model, tokens, source, title=f"{name}({' '.join(map(str, tokens))})")
    except ValueError as err:
        fail(str(err))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)  # as every writer does
        out.write_text(page)
    except OSError as err:
        write_failed(out, err)
    console.print(f"wrote {out} ({len(page) / 1024:.0f} KiB); open it in a browser", highlight=False)


@app.command()
def draw(
    program: str = typer.Argument(..., help="A library program name or `path/to/file.py:function`."),
    out: Path = typer.Option(..., "-o", "--out", help="program.svg (no dependencies) or program.png (matplotlib)."),
) -> None:
    """Draw a program's graph: each s-op and selector, by its depth from tokens and indices."""
    from weightsmith.program_spec import load_program
    from weightsmith.show.graph_svg import program_graph, save_picture

    writable_folder(out.parent)
    try:
        spec = load_program(program)
        save_picture(program_graph(spec.program), out)
    except (KeyError, ValueError) as err:
        fail(str(err).strip('"'))
    except OSError as err:
        write_failed(out, err)
    console.print(f"wrote {out}", highlight=False)
