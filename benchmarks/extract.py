"""Benchmark: programs extracted from trained GPT-2 models, beside the anchor's, and ground truth on
rotated compiled models.

Part 1, for each model under benchmarks/models/ (trained by benchmarks/train_extract_models.py; nothing is
retrained here): `weightsmith.extract.extract_gpt2` with the default rule (the fewest edges/terms with match
>= 0.95 on lengths 0-150), then model size, the model's accuracy per length bin, extracted lines and the
naive count, match and task accuracy per bin (running the program), seconds, and the anchor's lines and
match for that task (from its published artifacts, see docs/extraction.md).
Part 2: every library program compiled (vocabulary as registered, lengths up to 4), its residual stream
randomly rotated, extracted, and compared with the source program on every input; the rate of exact
recoveries.
Part 3: every shipped Transformer Program (benchmarks/results/programs/<name>, trained by
benchmarks/transformer_programs.py), compiled (`learn.compile_program`), rotated, extracted, and compared
with its decompiled module (benchmarks/results/decompiled_<name>.py) on every input of up to 5,000
sequences (its BOS, then every token string up to the longest length that fits); the rate of exact
recoveries.

    python benchmarks/extract.py                 # all parts, every shipped model
    python benchmarks/extract.py tomita2 sort    # part 1 for some models (merged into the JSON)
    python benchmarks/extract.py --ground-truth-only
    python benchmarks/extract.py --learned-only  # part 3
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).parent
MODELS = HERE / "models"
RESULT = HERE / "results" / "extract.json"

# the anchor's chosen stage-3 programs (authors' artifacts: lines, match on lengths 0-150, model L/H/d)
ANCHOR = {
    "majority": {"lines": 3, "match": 0.985, "model": "1/4/256"},
    "bin_majority": {"lines": 3, "match": 0.998, "model": "1/1/16"},
    "unique_copy": {"lines": 7, "match": 0.917, "model": "2/1/64"},
    "unique_reverse": {"lines": 10, "match": 0.957, "model": "2/1/64"},
    "sort": {"lines": 4, "match": 0.947, "model": "1/1/256"},
    "count": {"lines": 11, "match": 0.902, "model": "1/4/256"},
    "dyck2": {"lines": 9, "match": 1.0, "model": "1/1/16"},
    "dyck4": {"lines": 3, "match": 0.995, "model": "1/2/256"},
    "aa_star": {"lines": 5, "match": 1.0, "model": "1/2/16"},
    "tomita2": {"lines": 2, "match": 1.0, "model": "1/1/16"},
    "tomita4": {"lines": 6, "match": 0.830, "model": "2/2/16"},
    "tomita7": {"lines": 5, "match": 1.0, "model": "2/1/16"},
}


def extract_models(names: list[str], ln: str = "constant") -> dict[str, dict]:
    """One record per model; with `ln` other than the anchor's "constant" the record is a named variant,
    stored as "<task>:<ln>" beside the default row."""
    from weightsmith.cli.extract import report
    from weightsmith.extract.extract import Options, extract_gpt2
    from weightsmith.extract.tasks import get_task
    from weightsmith.extract.to_python import listing
    from weightsmith.extract.train import load_gpt2

    records = {}
    for name in names:
        model, training = load_gpt2(MODELS / name)
        task = get_task(training["task"])
        cpu = time.process_time()
        result = extract_gpt2(model, task, Options(ln=ln), log=lambda line: print(f"  [{name}] {line}", flush=True))
        record = report(result, task.name) | {"cpu_seconds": round(time.process_time() - cpu, 1)}
        record |= {"model": f"{model.config.n_layer}/{model.config.n_head}/{model.config.n_embd}",
                   "parameters": sum(p.numel() for p in model.parameters()),
                   "generalises": training["generalises"], "training_accuracy_record": training["accuracy"],
                   "listing": listing(result.program).splitlines(), "anchor": ANCHOR.get(name)}
        key = name if ln == "constant" else f"{name}:{ln}"
        records[key] = record
        print(f"{key}: {record['model']} lines {record['lines']} (naive {record['naive_lines']}) "
              f"match {record['match']} accuracy {record['accuracy']} {record['seconds']} s; "
              f"anchor {ANCHOR.get(name)}", flush=True)
    return records


def ln_study(name: str, steps: int = 100) -> dict:
    """Why linearising layer norm fails where it does: per consumer, the residual variance its LN divides by,
    by position bin (real LN, the model's own run), and the match per length bin of the unpruned circuit
    under each re-parameterisation: one constant per consumer (initial and fitted, the anchor's), a
    constant per (consumer, position) fitted from the fitted constants, every LN but the final one
    linearised (fitted)."""
    from weightsmith.extract.circuit import Intervention, forward, from_gpt2
    from weightsmith.extract.prune import fit, initial_lln
    from weightsmith.extract.reference import circuit_runner, make_reference
    from weightsmith.extract.tasks import get_task
    from weightsmith.extract.train import load_gpt2

    cpu = time.process_time()
    model, training = load_gpt2(MODELS / name)
    task = get_task(training["task"])
    circuit = from_gpt2(model, task.vocab)
    evaluation = make_reference(task, circuit, 200, seed=12, per_bin=True)
    seen: dict[str, dict[str, list]] = {}
    for batch in evaluation.batches:
        record: dict = {}
        with torch.no_grad():
            forward(circuit, torch.from_numpy(batch.ids), torch.from_numpy(batch.positions), record=record)
        real = batch.ids != task.pad
        for consumer, var in record.items():
            for lo, hi in ((0, 50), (51, 100), (101, 155)):
                at = real & (batch.positions >= lo) & (batch.positions <= hi)
                seen.setdefault(consumer, {}).setdefault(f"{lo}-{min(hi, 150)}", []).append(var.numpy()[at])
    variance = {c: {b: {"mean": float(np.concatenate(v).mean()), "min": float(np.concatenate(v).min()),
                        "max": float(np.concatenate(v).max())} for b, v in bins.items()} for c, bins in seen.items()}
    initial = initial_lln(circuit, task)
    fitted = fit(circuit, task, initial, None, steps).log_var
    positions = circuit.W_P.shape[0]
    table = fit(circuit, task, {k: v.repeat(positions) for k, v in fitted.items()}, None, steps, seed=1).log_var
    final = frozenset({"out"})
    exact_final = fit(circuit, task, initial, None, steps, exact_ln=final).log_var
    match = {"constant_initial": Intervention(True, initial), "constant_fitted": Intervention(True, fitted),
             "position_table_fitted": Intervention(True, table),
             "exact_final_fitted": Intervention(True, exact_final, exact_ln=final)}
    out = {"task": name, "fit_steps": steps, "fitted_constants": {k: float(v.exp()) for k, v in fitted.items()},
           "variance": variance,
           "match": {k: evaluation.match_per_bin(circuit_runner(circuit, how)) for k, how in match.items()}}
    for consumer in fitted:  # each consumer alone exact, the others at the fitted constants
        out["match"][f"only_{consumer}_exact"] = evaluation.match_per_bin(
            circuit_runner(circuit, Intervention(True, fitted, exact_ln=frozenset({consumer}))))
    out["cpu_seconds"] = round(time.process_time() - cpu, 1)
    for k, v in out["match"].items():
        print(f"  [{name} LN] {k}: {v}", flush=True)
    return out


def ground_truth() -> dict:
    from weightsmith.compiler.compiling import compile_program
    from weightsmith.extract.ground_truth import recover
    from weightsmith.library.registry import PROGRAMS

    rows = []
    for name, entry in PROGRAMS.items():
        length = min(entry.max_seq_len, 4)
        started = time.perf_counter()
        compiled = compile_program(entry.build(), entry.vocab, length)
        result = recover(name, compiled, entry.build(), entry.vocab, length, seed=0)
        rows.append({"program": name, "inputs": result.inputs, "equal": result.equal, "exact": result.exact,
                     "lines": result.lines, "naive_lines": result.naive_lines,
                     "seconds": round(time.perf_counter() - started, 2), "first_difference": result.first_difference})
        print(f"{name}: {result.equal}/{result.inputs} inputs equal, {result.lines} lines", flush=True)
    exact = sum(r["exact"] for r in rows)
    return {"recovered": exact, "programs": len(rows), "rate": exact / len(rows), "max_len": 4, "rows": rows}


def learned_ground_truth(limit: int = 5000) -> dict:
    from weightsmith.extract.ground_truth import learned_inputs, recover_learned
    from weightsmith.learn import DiscreteProgram
    from weightsmith.learn.to_python import load_module

    results = HERE / "results"
    rows = []
    for folder in sorted((results / "programs").iterdir()):
        decompiled = results / f"decompiled_{folder.name}.py"
        if not decompiled.is_file():
            continue
        program = DiscreteProgram.load(folder)
        run = load_module(decompiled).run
        inputs = learned_inputs(program.config.vocab, program.config.max_len, limit)
        if [run(x) for x in inputs] != program.predict(inputs):  # a stale file: the comparison would mean nothing
            raise SystemExit(f"{decompiled} is not the decompiled form of {folder}: rerun "
                             f"benchmarks/transformer_programs.py")
        cpu = time.process_time()
        result = recover_learned(folder.name, program, run, limit=limit, seed=0)
        rows.append({"program": folder.name, "inputs": result.inputs, "max_tokens": len(inputs[-1]),
                     "equal": result.equal,
                     "exact": result.exact, "lines": result.lines, "naive_lines": result.naive_lines,
                     "seconds": round(result.seconds, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
                     "first_difference": result.first_difference})
        print(f"{folder.name}: {result.equal}/{result.inputs} inputs equal, {result.lines} lines "
              f"(naive {result.naive_lines})", flush=True)
    exact = sum(r["exact"] for r in rows)
    return {"recovered": exact, "programs": len(rows), "rate": exact / len(rows), "limit": limit, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="*", help="model folders under benchmarks/models (default: all)")
    parser.add_argument("--ground-truth-only", action="store_true")
    parser.add_argument("--no-ground-truth", action="store_true")
    parser.add_argument("--learned-only", action="store_true", help="part 3 only")
    parser.add_argument("--result", type=Path, default=RESULT, help="the JSON to merge into and write")
    parser.add_argument("--ln", default="constant", help="layer norm in the program: constant (the anchor's) "
                        "or exact_final (a named variant row <task>:exact_final)")
    parser.add_argument("--ln-study", action="store_true", help="also measure, for the named models, the LN "
                        "variance per position and the match of each LN re-parameterisation (\"ln_study\")")
    args = parser.parse_args()
    torch.set_num_threads(1)
    result = args.result
    previous = json.loads(result.read_text()) if result.exists() else {}
    out = {"models": previous.get("models", {}), "ground_truth": previous.get("ground_truth"),
           "learned_ground_truth": previous.get("learned_ground_truth"), "ln_study": previous.get("ln_study", {})}
    if not (args.ground_truth_only or args.learned_only):
        names = args.models or sorted(p.name for p in MODELS.iterdir() if (p / "training.json").is_file())
        out["models"].update(extract_models(names, args.ln))
        if args.ln_study:
            out["ln_study"].update({name: ln_study(name) for name in names})
    if not (args.no_ground_truth or args.learned_only) and not args.models:
        out["ground_truth"] = ground_truth()
    if not args.no_ground_truth and not args.models:
        out["learned_ground_truth"] = learned_ground_truth()
    result.parent.mkdir(parents=True, exist_ok=True)
    result.write_text(json.dumps(out, indent=2) + "\n")
    print(f"{'task':<22}{'model':<10}{'acc 101-150':>12}{'lines':>7}{'naive':>7}{'match 0-50/51-100/101-150':>28}"
          f"{'s':>6}   anchor lines/match")
    for name, r in sorted(out["models"].items()):
        match = "/".join(f"{v:.3f}" for v in r["match"].values())
        anchor = r.get("anchor") or {}
        print(f"{name:<22}{r['model']:<10}{r['model_accuracy']['101-150']:>12.3f}{r['lines']:>7}{r['naive_lines']:>7}"
              f"{match:>28}{r['seconds']:>6.0f}   {anchor.get('lines', '-')}/{anchor.get('match', '-')}")
    if out["ground_truth"]:
        g = out["ground_truth"]
        print(f"rotated compiled library programs recovered exactly: {g['recovered']}/{g['programs']}")
    if out["learned_ground_truth"]:
        g = out["learned_ground_truth"]
        print(f"rotated compiled Transformer Programs equal to their decompiled modules on every input: "
              f"{g['recovered']}/{g['programs']}")


if __name__ == "__main__":
    sys.exit(main())
