"""`weightsmith extract`: decompile a trained GPT-2 (Hugging Face folder) into a small program that runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from weightsmith.cli.common import app, console, fail, progress, write_failed


@app.command()
def extract(
    model: Path = typer.Argument(..., help="A Hugging Face GPT-2 folder (config.json + model.safetensors), e.g. "
                                 "benchmarks/models/majority."),
    task: Optional[str] = typer.Option(None, help="The task the model was trained on (default: from the folder's "
                                       "training.json): majority, sort, unique_copy, count, tomita2, ..."),
    out: Path = typer.Option(..., "-o", "--out", help="The program to write: a standalone Python module (numpy "
                             "only); the numbers go beside it as <name>.json."),
    threshold: float = typer.Option(0.95, help="The pruning rule: the smallest program whose match with the model "
                                    "stays at least this (on inputs of lengths 0-150)."),
    select_size: int = typer.Option(200, help="Sequences that choose lambda, removals and primitives."),
    eval_size: int = typer.Option(200, help="Sequences per length bin for the reported match and accuracy."),
    mask_steps: int = typer.Option(150, help="Steps per learned-mask run (one run per lambda)."),
    refit_steps: int = typer.Option(200, help="Steps re-fitting a binarised mask's ablation and LN constants "
                                    "before its match is judged."),
    ln: str = typer.Option("constant", help="Layer norm in the program: 'constant' (one learned variance per "
                           "reader, the anchor's) or 'exact_final' (the same, but the final layer norm stays "
                           "exact as an rms line)."),
) -> None:
    """Extract a program from a GPT-2 model: linearise LN, prune (lambda chosen by rule), name primitives.

    Prints the listing, its lines (and the naive count before pruning), match with the model and task accuracy
    per length bin, and the time taken.
    """
    try:
        import transformers  # noqa: F401
    except ImportError:
        fail("weightsmith extract needs Hugging Face transformers: pip install 'weightsmith[extract]'")
    from weightsmith.extract.extract import LN_MODES, Options, extract_gpt2
    from weightsmith.extract.tasks import get_task
    from weightsmith.extract.to_python import listing, to_python
    from weightsmith.extract.train import load_gpt2
    from weightsmith.rasp.errors import InputError

    if ln not in LN_MODES:
        fail(f"--ln {ln}: not one of {', '.join(LN_MODES)}")
    if out.suffix != ".py":
        fail(f"-o {out}: the program is a Python module; give a path ending in .py")
    if out.exists() and out.is_dir():
        fail(f"-o {out}: is a folder; give a .py path")
    try:
        options = Options(threshold=threshold, select_size=select_size, eval_size=eval_size, mask_steps=mask_steps,
                          refit_steps=refit_steps, ln=ln)
        gpt2, record = load_gpt2(model)
        name = task or record.get("task")
        if not name:
            fail(f"{model}: no training.json naming the task; pass --task")
        chosen = get_task(name)
    except InputError as err:
        fail(str(err))
    if gpt2.config.vocab_size != len(chosen.vocab):
        fail(f"{model}: the model has {gpt2.config.vocab_size} tokens, task {name!r} has {len(chosen.vocab)}")
    show = progress()
    log = (lambda line: console.print(Text(line, style="dim"))) if show else (lambda line: None)
    with console.status("extracting...", spinner="dots") if show else _nothing():
        result = extract_gpt2(gpt2, chosen, options, log=log)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(to_python(result.program, f"Extracted by `weightsmith extract {model} --task {name}`."))
        out.with_suffix(".json").write_text(json.dumps(report(result, name), indent=2) + "\n")
    except OSError as err:
        write_failed(out, err)
    console.print(listing(result.program), highlight=False, markup=False)
    console.print(f"lines {result.lines} (naive {result.naive_lines}); match per bin {_fmt(result.match)}; "
                  f"task accuracy {_fmt(result.accuracy)} (model {_fmt(result.model_accuracy)}); "
                  f"{result.seconds:.0f} s" + ("" if result.rule_met else
                                               f"; no pruned program reached match {threshold}"), highlight=False)
    console.print(f"written: {out} and {out.with_suffix('.json')}", highlight=False)


def report(result, task: str) -> dict:
    """The numbers of an extraction, as JSON."""
    return {"task": task, "ln": result.ln, "lines": result.lines, "naive_lines": result.naive_lines,
            "edges_kept": result.edges_kept, "edges_total": result.edges_total, "lambda": result.lam,
            "rule_met": result.rule_met, "lln_match_initial": result.lln_match_initial,
            "lln_match_fitted": result.lln_match_fitted, "match": result.match, "accuracy": result.accuracy,
            "model_accuracy": result.model_accuracy, "seconds": round(result.seconds, 1), "lambda_runs": result.runs}


def _fmt(per_bin: dict[str, float]) -> str:
    return " ".join(f"{k}:{v:.3f}" for k, v in per_bin.items())


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
