"""Commands that take models where researchers work: `export` (TransformerLens, ONNX) and `circuits`
(the ground-truth circuit of a compiled program, to score circuit-discovery methods against)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from weightsmith.cli.common import (app, console, fail, fail_on, load_model, no_program_options, writable_folder,
                                    write_failed)

TARGETS = ("transformer-lens", "onnx")

_VOCAB = typer.Option(None, help="Vocabulary, comma separated, when compiling a program (default: the library's).")
_MAX_LEN = typer.Option(None, "--max-len", help="Longest input, when compiling a program (default: the library's).")
_CAUSAL = typer.Option(False, "--causal", help="Compile a decoder (causal attention), when compiling a program.")


def _compile(program: str, vocab: Optional[str], max_len: Optional[int], causal: bool):
    """The compiled program (a library name or `file.py:function`), or exit 2 with the reason."""
    from weightsmith.compiler import CompileError, compile_rasp_to_model
    from weightsmith.program_spec import load_program

    try:
        spec = load_program(program, vocab, max_len)
        if spec.vocab is None or spec.max_seq_len is None:
            fail("a program from a file needs --vocab and --max-len")
        return compile_rasp_to_model(spec.program, set(spec.vocab), spec.max_seq_len, causal=causal)
    except (KeyError, ValueError, CompileError) as err:
        fail_on(err)


@app.command("export")
def export_command(
    model: str = typer.Argument(..., help="A saved model folder, or a program to compile (library name or "
                                "`file.py:function`)."),
    to: str = typer.Option(..., "--to", help="transformer-lens or onnx."),
    out: Path = typer.Option(..., "-o", "--out", help="Folder to write the export into (ONNX: its model.onnx; "
                             "or name the file, e.g. -o out/sort.onnx)."),
    vocab: Optional[str] = _VOCAB,
    max_len: Optional[int] = _MAX_LEN,
    causal: bool = _CAUSAL,
) -> None:
    """Export a model to TransformerLens (a HookedTransformer: safetensors + config + hook table) or ONNX."""
    from weightsmith.export.extras import MissingExtra, refuse_loops

    if to not in TARGETS:
        fail(f"--to {to!r}: expected one of {', '.join(TARGETS)}")
    # an ONNX export is one file: `-o x.onnx` names it (it made the folder x.onnx/), unless that folder exists
    onnx_file = out if out.suffix == ".onnx" and not out.is_dir() else out / "model.onnx"
    writable_folder(onnx_file.parent if to == "onnx" else out)
    if Path(model).is_dir():
        no_program_options(Path(model), {"--vocab": vocab, "--max-len": max_len, "--causal": causal})
        transformer, compiled = load_model(Path(model)), None
    else:
        compiled = _compile(model, vocab, max_len, causal)
        transformer = compiled.model
    try:
        refuse_loops(transformer.config, "an ONNX export" if to == "onnx" else "a TransformerLens export")
        if to == "onnx":
            from weightsmith.export.onnx import export_onnx

            written = export_onnx(transformer, onnx_file)
        else:
            from weightsmith.export.circuits import circuit_of
            from weightsmith.export.transformer_lens import save_hooked_transformer

            written = save_hooked_transformer(transformer, out, None if compiled is None else circuit_of(compiled))
    except (MissingExtra, ValueError) as err:
        fail(str(err))
    except OSError as err:
        write_failed(out, err)
    console.print(f"wrote {written}", highlight=False, soft_wrap=True)


@app.command("circuits")
def circuits_command(
    program: str = typer.Argument(..., help="A program to compile (library name or `file.py:function`)."),
    out: Path = typer.Option(..., "-o", "--out", help="The file to write: JSON, so its name ends in .json "
                             "(another ending is refused rather than given JSON under a name that says otherwise)."),
    vocab: Optional[str] = _VOCAB,
    max_len: Optional[int] = _MAX_LEN,
    causal: bool = _CAUSAL,
) -> None:
    """Write the ground-truth circuit of a compiled program as JSON: which heads, MLP units and residual
    dimensions compute which s-op, and the s-op and component edges."""
    from weightsmith.export.circuits import circuit_of

    if Path(program).is_dir():
        fail(f"{program} is a saved model folder: its circuit is recorded while compiling, so give the program "
             "(a library name or file.py:function) with the --vocab/--max-len it was compiled for")
    if out.is_dir():
        fail(f"-o {out}: is a folder; give a file name such as {out / 'circuit.json'}")
    if out.suffix.lower() != ".json":
        fail(f"-o {out}: the circuit is written as JSON; give a file name ending in .json, such as "
             f"{out.with_suffix('.json')}")
    try:
        circuit = circuit_of(_compile(program, vocab, max_len, causal))
    except ValueError as err:
        fail(str(err))
    try:
        circuit.write(out)
    except OSError as err:
        write_failed(out, err)
    console.print(f"wrote {out}: {len(circuit.nodes())} components in the circuit, "
                  f"{len(circuit.component_edges)} component edges, {len(circuit.sop_edges)} s-op edges",
                  highlight=False, soft_wrap=True)
