"""`weightsmith fit`: fill a sketch's holes from examples, compile the result, check it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from weightsmith.cli.common import app, console, fail, fail_on, writable_folder, write_failed
from weightsmith.model.reading import parse_slot  # a cell's text as a value: int, float, True/False or the text
from weightsmith.textfile import read_text

UNSCORED = "_"


def read_examples(path: Path) -> list[tuple[list, list]]:
    """Lines `input tokens<TAB>output per token`, space separated; `_` marks an output not scored."""
    try:
        lines = read_text(path).splitlines()
    except OSError as err:
        raise ValueError(f"{path}: cannot read the examples ({err.strerror or err})") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path}:{n}: expected `input tokens<TAB>outputs`, got {len(parts)} tab-separated fields")
        xs, ys = parts[0].split(), parts[1].split()
        if len(xs) != len(ys):
            raise ValueError(f"{path}:{n}: {len(xs)} input tokens but {len(ys)} outputs (one per token, `_`: unscored)")
        out.append(([parse_slot(x) for x in xs], [None if y == UNSCORED else parse_slot(y) for y in ys]))
    if not out:
        raise ValueError(f"{path}: no examples")
    return out


@app.command()
def fit(
    sketch: str = typer.Argument(..., help="`path/to/sketch.py:function`: the function returns a program with holes "
                                 "(rasp.Learnable.map / sequence_map / select)."),
    data: Path = typer.Argument(..., help="Examples, one per line: input tokens, a TAB, the output at each token "
                                "(space separated; `_` for an output not scored)."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder for holes.json, the compiled model and report.json."),
    epochs: int = typer.Option(60, help="Most epochs of gradient descent (stops early at 100% on the examples)."),
    seed: int = typer.Option(0, help="Seed for initialisation and Gumbel noise."),
    restarts: int = typer.Option(1, help="Gradient-descent runs from seeds seed, seed+1, ...; the search starts from the best."),
    search_seconds: float = typer.Option(30.0, help="CPU seconds for the search over edits of the holes after training."),
    vocab: Optional[str] = typer.Option(None, help="Vocabulary, comma separated (default: the tokens in the data)."),
    max_len: Optional[int] = typer.Option(None, "--max-len", min=1, help="Longest input (default: the data's longest)."),
) -> None:
    """Fill a sketch's holes by gradient descent and search, then compile the filled program and check the model
    against the interpreter on every example."""
    from weightsmith import rasp
    from weightsmith.compiler import CompileError, compile_rasp_to_model
    from weightsmith.learn.sketch import fit as fit_sketch
    from weightsmith.learn.sketch import example_tokens, holes_to_json
    from weightsmith.learn.soft import SketchError
    from weightsmith.model import save
    from weightsmith.program_spec import load_program, parse_vocab
    from weightsmith.rasp.typed_tokens import not_tokens

    writable_folder(out)
    try:
        spec = load_program(sketch)
        examples = read_examples(data)
        tokens = example_tokens(examples)
        vocab_list = list(parse_vocab(vocab)) if vocab is not None else tokens
        unknown = not_tokens(tokens, vocab_list)
        if unknown:
            fail(f"{data}: token {unknown[0]!r} is not in --vocab {vocab_list}")
        length = max(len(xs) for xs, _ in examples) if max_len is None else max_len  # 0 was read as "not given"
        result = fit_sketch(spec.program, examples, vocab_list, length, epochs=epochs, seed=seed,
                            restarts=restarts, search_seconds=search_seconds)
        compiled = compile_rasp_to_model(result.program, set(vocab_list), length)
    except (KeyError, ValueError, SketchError, CompileError) as err:
        fail_on(err)
    inputs = [xs for xs, _ in examples]
    model_outputs = [o[1:] for o in compiled.apply_batch([["BOS", *xs] for xs in inputs])]
    agrees = model_outputs == rasp.evaluate_batch(result.program, inputs)
    report = {"sketch": sketch, "examples": len(examples), "train_accuracy": result.train_accuracy,
              "train_sequence_accuracy": result.train_sequence_accuracy, "epochs": result.epochs,
              "gradient_seconds": result.gradient_seconds, "search_seconds": result.search_seconds,
              "search_edits": result.search_edits, "compiled_equals_program": agrees,
              "layers": len(compiled.config.layers), "d_model": compiled.config.d_model}
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / "holes.json").write_text(json.dumps(holes_to_json(result.fillings), indent=1, default=str) + "\n")
        (out / "report.json").write_text(json.dumps(report, indent=1) + "\n")
        save(compiled.model, out / "model", program_source=spec.source)
    except OSError as err:
        write_failed(out, err)
    console.print(f"{len(examples)} examples: {100 * result.train_accuracy:.2f}% of outputs right "
                  f"({100 * result.train_sequence_accuracy:.2f}% of examples) after {result.epochs} epochs and "
                  f"{result.search_edits} search edits; compiled ({report['layers']} layers, d_model "
                  f"{report['d_model']}) == program on every example: {agrees}", highlight=False)
    for label, table in result.fillings.items():
        shown = ", ".join(f"{' '.join(map(str, k))}→{v}" for k, v in list(table.items())[:12])
        console.print(f"  {label}: {shown}{' …' if len(table) > 12 else ''}", highlight=False, soft_wrap=True)
    console.print(f"holes.json, report.json and the model folder written to {out}", highlight=False)
    if not agrees:
        raise typer.Exit(1)
