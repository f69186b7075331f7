"""Composed models, checked for exactness and sized against their components, in one run.

    .venv/bin/python benchmarks/compose.py            # --quick: programmable up to 2 stages only

1. `switch` over library programs (compiled; one compiled causal; one saved and loaded back; one learned
   Transformer Program, compiled): the switch against every component on every input of that
   component's vocabulary and length when there are at most 100,000, else 10,000 random ones; sizes
   (d_model, layers, heads, parameters, nonzero parameters) against the sum of the components'.
2. `pipe` of library programs: against the second model run on the first one's output (same input
   rule), and `verify` against the substituted RASP program; sizes against the two models.
3. `programmable` over 7 integer primitives (`compose.primitives`: nop, rev, sort, shift, hist, inc,
   cummax) on vocabulary 0..3 and up to 3 data tokens, k = 1, 2, 3 stages: the model on every one of the
   7^k op sequences times every data input (84), against the primitives applied one after another by
   the interpreter; size against a switch over all 7^k programs, each program built from weights as a
   pipe of the 7 primitives' compiled models (the switch is run on 400 sampled inputs: it is dense). That switch is
   built for k <= 2; for k = 3 (343 components, 10^9 dense weights) only its components are built and
   summed (a switch holds every component's weights, plus the selection overhead measured for k <= 2).
Sizes are counts of weights; nonzero is what a sparse store would keep (compiled weights are sparse,
and a block-diagonal stack is mostly zeros). JSON goes to benchmarks/results/compose.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import numpy as np

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.compose import pipe, programmable, run_program, switch
from weightsmith.compose.check import check_pipe, check_switch
from weightsmith.compose.pipe import pipe_program
from weightsmith.compose.primitives import integer_primitives
from weightsmith.learn import compile_program as compile_learned
from weightsmith.learn.program import ORDERS, SCOPES, MLP, DiscreteProgram, Head, ProgramConfig
from weightsmith.library import get_program
from weightsmith.model import load, save, summary
from weightsmith.verify import verify

RESULTS = Path(__file__).resolve().parent / "results" / "compose.json"
VOCAB, MAX_LEN = [0, 1, 2, 3], 3
SWITCH_SAMPLE = 400  # inputs the baseline switch over all programs is run on (every program's own pipe is exact)


def size(model) -> dict:
    s = summary(getattr(model, "model", model))
    return {key: s[key] for key in ("d_model", "layers", "heads", "d_mlp_total", "parameters", "parameters_nonzero")}


def summed(models) -> dict:
    sizes = [size(m) for m in models]
    return {key: (max if key == "layers" else sum)(s[key] for s in sizes) for key in sizes[0]}


def library(name, vocab, max_len, causal=False):
    return compile_program(get_program(name).build(), vocab, max_len, causal=causal)


def learned_program(seed: int = 7) -> DiscreteProgram:
    """A random discrete Transformer Program (as the decompiler tests draw them), classifier quantised."""
    rng = np.random.default_rng(seed)
    config = ProgramConfig(("BOS", 0, 1, 2, "x"), ("no", 1, "yes"), 5, 2, 2, 1, 1, False, "binary", ORDERS,
                           count_where=False, scopes=SCOPES)
    k = config.n_values
    heads, tables = [], []
    for layer in range(2):
        n = config.first_variable(layer)
        layer_heads = [Head("cat" if h < 2 else "count", int(rng.integers(n)), int(rng.integers(n)),
                            int(rng.integers(n)) if h < 2 else None, rng.random((k, k)) < 0.4,
                            ORDERS[int(rng.integers(3))] if h < 2 else "closest") for h in range(config.heads)]
        heads.append(layer_heads)
        n += config.heads
        tables.append([MLP(int(rng.integers(n)), int(rng.integers(n)), rng.integers(0, k, size=(k, k)))])
    n_vars = len(config.variable_names())
    classifier = np.round(rng.normal(size=(n_vars, k, len(config.classes))) * 100)
    return DiscreteProgram(config, heads, tables, classifier, np.round(rng.normal(size=3) * 100))


def switch_section() -> dict:
    with TemporaryDirectory() as folder:
        save(library("reverse", [1, 2, 3, 4, 5], 5).model, Path(folder) / "reverse")
        loaded = load(Path(folder) / "reverse")
    components = {
        "sort": library("sort", [1, 2, 3, 4, 5], 5),
        "rev": loaded,
        "hist": library("hist", ["a", "b", "c", "d"], 6),
        "dhist": library("double_hist", ["a", "b", "c"], 5),
        "mfreq": library("most_freq", ["a", "b", "c"], 5),
        "csort": library("sort", [1, 2, 3], 6, causal=True),
        "learned": compile_learned(learned_program()),
    }
    start = time.perf_counter()
    sw = switch(components)
    built = time.perf_counter() - start
    checks = check_switch(sw, components)
    return {
        "components": {name: {"size": size(m), "check": str(c), "exact": c.ok, "inputs": c.n_checked,
                              "exhaustive": c.exhaustive} for (name, m), c in zip(components.items(), checks)},
        "switch": size(sw), "sum_of_components": summed(components.values()), "build_seconds": built,
        "all_exact": all(c.ok for c in checks),
    }


def pipe_section() -> list[dict]:
    cases = [("sort", "reverse", library("sort", [1, 2, 3, 4], 5), library("reverse", [1, 2, 3, 4], 5)),
             ("hist", "sort", library("hist", ["a", "b", "c"], 5), library("sort", [1, 2, 3, 4, 5], 5)),
             ("reverse", "causal sort", library("reverse", [1, 2, 3], 6), library("sort", [1, 2, 3], 6, causal=True))]
    rows = []
    for first_name, second_name, first, second in cases:
        piped = pipe(first, second)
        check = check_pipe(piped, first, second)
        report = verify(piped.model, pipe_program(first, second))
        rows.append({"first": first_name, "second": second_name, "check": str(check), "exact": check.ok,
                     "verify_rasp": str(report), "verify_ok": report.ok, "piped": size(piped),
                     "sum_of_components": summed([first, second])})
    return rows


def chain(models: dict, ops: tuple):
    """The program op_k(...op_1(tokens)) from weights: the primitives' compiled models piped in order."""
    piped = models[ops[0]]
    for j, op in enumerate(ops[1:], start=1):
        piped = pipe(piped, models[op], names=(f"to{j}", op))
    return piped


def programmable_section(max_stages: int) -> list[dict]:
    primitives = integer_primitives(VOCAB)
    singles = {name: compile_program(build(rasp.tokens), VOCAB, MAX_LEN) for name, build in primitives.items()}
    data = [list(x) for n in range(1, MAX_LEN + 1) for x in itertools.product(VOCAB, repeat=n)]
    rows = []
    for stages in range(1, max_stages + 1):
        start = time.perf_counter()
        model = programmable(primitives, stages, VOCAB, MAX_LEN)
        compile_seconds = time.perf_counter() - start
        programs = list(itertools.product(primitives, repeat=stages))
        inputs = [["BOS", *ops, *xs] for ops in programs for xs in data]
        expected = [run_program(primitives, ops, xs) for ops in programs for xs in data]
        got = [row[1 + stages:] for row in model.apply_batch(inputs)]
        wrong = sum(g != w for g, w in zip(got, expected))
        start = time.perf_counter()
        chains = {f"p{j}": chain(singles, ops) for j, ops in enumerate(programs)}
        chain_seconds = time.perf_counter() - start
        row = {"stages": stages, "programs": len(programs), "inputs_checked": len(inputs), "mismatches": wrong,
               "programmable": size(model), "compile_seconds": compile_seconds,
               "sum_of_programs": summed(chains.values()), "programs_built_seconds": chain_seconds}
        if len(chains) <= 49:
            sw = switch(chains)
            # the dense switch is slow to run (every head reads the whole residual): a sample of its inputs
            sample = random.Random(0).sample(range(len(inputs)), min(SWITCH_SAMPLE, len(inputs)))
            outputs = sw.apply_batch([["BOS", f"p{i // len(data)}", *data[i % len(data)]] for i in sample])
            row["switch"] = size(sw)
            row["switch_checked"] = len(sample)
            row["switch_mismatches"] = sum(o[2:] != expected[i] for o, i in zip(outputs, sample))
        rows.append(row)
        print(f"  k={stages}: {len(inputs):,} inputs, {wrong} mismatches; programmable {row['programmable']}; "
              f"sum of {len(programs)} programs {row['sum_of_programs']}", flush=True)
    return rows


def ratio(a: dict, b: dict, key: str) -> float:
    return a[key] / b[key] if b[key] else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="programmable up to 2 stages only")
    quick = parser.parse_args().quick
    print("switch ...", flush=True)
    sw = switch_section()
    print(f"{'component':>10} {'inputs':>8} {'exact':>6} {'d_model':>8} {'nonzero':>8}")
    for name, row in sw["components"].items():
        print(f"{name:>10} {row['inputs']:>8,} {str(row['exact']):>6} {row['size']['d_model']:>8} "
              f"{row['size']['parameters_nonzero']:>8,}")
    s, total = sw["switch"], sw["sum_of_components"]
    print(f"switch: d_model {s['d_model']} (sum {total['d_model']}), layers {s['layers']} (max {total['layers']}), "
          f"nonzero {s['parameters_nonzero']:,} (sum {total['parameters_nonzero']:,}, x{ratio(s, total, 'parameters_nonzero'):.3f}), "
          f"parameters {s['parameters']:,} (sum {total['parameters']:,}, x{ratio(s, total, 'parameters'):.2f})")
    print("pipe ...", flush=True)
    pipes = pipe_section()
    for row in pipes:
        print(f"  {row['first']} | {row['second']}: exact {row['exact']}, verify {row['verify_ok']}; nonzero "
              f"{row['piped']['parameters_nonzero']:,} vs {row['sum_of_components']['parameters_nonzero']:,}; layers "
              f"{row['piped']['layers']}")
    print("programmable ...", flush=True)
    prog = programmable_section(2 if quick else 3)
    print(f"{'k':>2} {'programs':>8} {'inputs':>8} {'wrong':>5} {'prog nonzero':>12} {'switch nonzero':>14} "
          f"{'sum nonzero':>12} {'prog params':>11} {'switch params':>13} {'sum params':>11}")
    for row in prog:
        sw_size = row.get("switch", {})
        print(f"{row['stages']:>2} {row['programs']:>8} {row['inputs_checked']:>8,} {row['mismatches']:>5} "
              f"{row['programmable']['parameters_nonzero']:>12,} {sw_size.get('parameters_nonzero', 0):>14,} "
              f"{row['sum_of_programs']['parameters_nonzero']:>12,} {row['programmable']['parameters']:>11,} "
              f"{sw_size.get('parameters', 0):>13,} {row['sum_of_programs']['parameters']:>11,}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"switch": sw, "pipe": pipes, "programmable": prog}, indent=1) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
