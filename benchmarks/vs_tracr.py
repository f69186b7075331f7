"""weightsmith's compiler against Tracr's, on Tracr's own library programs, in the same run.

    .venv/bin/python benchmarks/vs_tracr.py            # needs the optional extra: pip install 'weightsmith[baseline]'
    .venv/bin/python benchmarks/vs_tracr.py --compile-only   # the compile columns alone (no JSON written)
    .venv/bin/python benchmarks/vs_tracr.py --compile-only --blocked   # and each side's compiles in a row

Each program is built twice from the same source, once with each project's own modules
(`tracr.compiler.lib` + `tracr.rasp.rasp`, and `weightsmith.library` + `weightsmith.rasp`), at vocabulary
sizes 3 and 5 and max lengths 5 and 10, and compiled by each compiler. Measured per case:
- compile time: after one untimed compile on each side (Tracr's first compile of a program pays JAX's
  start-up for its shapes, seconds), COMPILE_ROUNDS rounds that each compile once with weightsmith and
  once with Tracr, back to back, so that both sides meet the same machine load; the median of each
  side's CPU time (`time.process_time`, this process, one torch thread) is the compile time, and the
  ratio of the medians the speed-up (wall-clock medians are recorded beside them). CPU time is what a
  shared machine disturbs least: a 2 ms compile usually runs inside one scheduler slice while a 50 ms
  one is interrupted, which inflates wall-clock ratios under load. With --blocked (compile columns only),
  each side is also timed alone, COMPILE_ROUNDS compiles in a row after one untimed (`blocked_medians`),
  beside the interleaved ratio, which stays the headline: interleaved, each compile starts with the
  caches the other side's compile left (Tracr's evicts the last-level cache, and our compile of a
  trivial program then takes twice its CPU time refilling it: docs/speed.md, "Compile, eleventh pass");
- d_model, parameters (every weight each model allocates), layers;
- time to run the same 1,000 random inputs (lengths 1..L), two ways:
  end to end, weightsmith's `apply_batch` (encode, one batched torch forward on one thread, decode)
  against Tracr's public `apply` called once per input (each padded to L + 1, since JAX compiles its
  operations for every new shape, and after one untimed call; capped at TRACR_APPLY_BUDGET seconds, then
  extrapolated to 1,000: the table says how many it ran); and the forward pass alone on the encoded
  batch, weightsmith's torch forward against Tracr's forward under `jax.jit` (steady state: the call
  after the one that compiles; both without encoding or decoding);
- exactness on those 1,000 inputs, each model against its own project's interpreter. Both are judged by
  the same rule as `weightsmith.verify`: a categorical output must equal the interpreter's; a numerical
  output is right when the interpreter's value is the nearest value of the output's value set. The
  largest numerical error is reported beside it.
Ratios are weightsmith / Tracr for sizes, Tracr / weightsmith for times (so > 1 means weightsmith is
faster); the last row gives their geometric means. JSON goes to benchmarks/results/vs_tracr.json
(--compile-only: benchmarks/results/vs_tracr_compile.json).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import math
import os
import platform
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results" / "vs_tracr.json"
COMPILE_RESULTS = RESULTS.with_name("vs_tracr_compile.json")  # --compile-only: the compile ratio's own record
N_INPUTS = 1000
TRACR_APPLY_BUDGET = 3.0  # seconds of Tracr `apply` calls per case before extrapolating
SIZES = (3, 5)
MAX_LENS = (5, 10)
COMPILE_ROUNDS = 7  # interleaved compiles per side and case; the median is kept
THREADS = 1  # torch threads: compiled models are small, and one thread is fastest on a shared machine



def machine() -> dict:
    """Python, platform, load and the package versions behind both sides' times: an install resolves the newest
    numpy and JAX, and they move the ratios (the same compiler measured 17.8x Tracr on one install, 14.3x on the
    next, docs/speed.md), so a ratio is comparable only with the versions it was measured with."""
    packages = ("numpy", "torch", "jax", "jaxlib", "tracr-pypi")
    return {"python": sys.version.split()[0], "platform": platform.platform(), "load_average": os.getloadavg(),
            "packages": {name: importlib.metadata.version(name) for name in packages}}

# Each case: build(lib, rasp, max_seq_len) with either project's modules, and the vocabulary of a size.
def _letters(n: int) -> list:
    return list("abcde"[:n])


def _ints(n: int) -> list:
    return list(range(1, n + 1))


def _parens(n: int) -> list:
    return ["(", ")", *"abc"[: n - 2]]


def _brackets(n: int) -> list | None:
    return None if n < 4 else ["(", ")", "{", "}", *"a"[: n - 4]]


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Any, Any, int], Any]
    vocab: Callable[[int], list | None]
    distinct: bool = False  # inputs must not repeat a token (sort_unique)


CASES = [
    Case("length", lambda lib, rasp, L: lib.make_length(), _letters),
    Case("reverse", lambda lib, rasp, L: lib.make_reverse(rasp.tokens), _letters),
    Case("hist", lambda lib, rasp, L: lib.make_hist(), _letters),
    Case("sort_unique", lambda lib, rasp, L: lib.make_sort_unique(rasp.tokens, rasp.tokens), _ints, distinct=True),
    Case("sort", lambda lib, rasp, L: lib.make_sort(rasp.tokens, rasp.tokens, max_seq_len=L, min_key=1), _ints),
    Case("sort_freq", lambda lib, rasp, L: lib.make_sort_freq(L), _ints),
    Case("frac_prevs", lambda lib, rasp, L: lib.make_frac_prevs(rasp.tokens == "a"), _letters),
    Case("pair_balance", lambda lib, rasp, L: lib.make_pair_balance(rasp.tokens, "(", ")"), _parens),
    Case("shuffle_dyck", lambda lib, rasp, L: lib.make_shuffle_dyck(["()"]), _parens),
    Case("shuffle_dyck2", lambda lib, rasp, L: lib.make_shuffle_dyck2(), _brackets),
]


def random_inputs(case: Case, vocab: list, max_seq_len: int, n: int, seed: int) -> list[list]:
    """`n` inputs, lengths uniform in 1..max_seq_len (..len(vocab) for distinct tokens), tokens uniform."""
    rng = random.Random(seed)
    longest = min(max_seq_len, len(vocab)) if case.distinct else max_seq_len
    out = []
    for _ in range(n):
        length = rng.randint(1, longest)
        out.append(rng.sample(vocab, length) if case.distinct else [rng.choice(vocab) for _ in range(length)])
    return out


def interleaved_medians(sides: dict[str, Callable[[], Any]], rounds: int) -> dict[str, dict]:
    """Per side: {"cpu_s", "wall_s", "result"}: the medians over `rounds` rounds, each running every side
    once in turn, after one untimed call each (the result is the last call's)."""
    results = {name: f() for name, f in sides.items()}
    cpu: dict[str, list[float]] = {name: [] for name in sides}
    wall: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, f in sides.items():
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            results[name] = f()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start_wall)
    return {name: {"cpu_s": statistics.median(cpu[name]), "wall_s": statistics.median(wall[name]),
                   "result": results[name]} for name in sides}


def blocked_medians(sides: dict[str, Callable[[], Any]], rounds: int) -> dict[str, dict]:
    """`interleaved_medians` of each side alone: its `rounds` timed calls in a row, so that each starts with
    the caches its own previous call left (the steady state of compiling one program after another)."""
    return {name: interleaved_medians({name: f}, rounds)[name] for name, f in sides.items()}


def best_of(n: int, f: Callable[[], Any]) -> tuple[float, Any]:
    best, result = math.inf, None
    for _ in range(n):
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
    return best, result


# ----------------------------------------------------------------------------------------- judging


def score(outputs: list[list], expected: list[list], value_set: set, numerical: bool) -> tuple[float, float | None]:
    """(fraction of inputs right at every position, largest numerical error or None) by verify's rule."""
    from weightsmith.verify import NumberLine, same_value

    line = NumberLine(value_set) if numerical else None
    right, worst = 0, 0.0
    for got_row, want_row in zip(outputs, expected):
        ok = len(got_row) == len(want_row)
        for got, want in zip(got_row, want_row):
            if line is not None and got is not None and want is not None:
                worst = max(worst, abs(float(got) - float(want)))
                ok = ok and bool(line.same(np.array([float(got)]), np.array([float(want)]))[0])
            else:
                ok = ok and ((got is None and want is None) or (got is not None and want is not None and same_value(got, want)))
        right += ok
    return right / len(expected), (worst if numerical else None)


# ----------------------------------------------------------------------------------------- the two sides


def compile_weightsmith(program: Any, vocab: list, L: int) -> Any:
    from weightsmith.compiler import compile_rasp_to_model

    return compile_rasp_to_model(program, set(vocab), L, compiler_bos="BOS")


def compile_tracr(program: Any, vocab: list, L: int) -> Any:
    from tracr.compiler import compiling

    return compiling.compile_rasp_to_model(program, vocab=set(vocab), max_seq_len=L, compiler_bos="BOS",
                                           compiler_pad="PAD")


def compile_both(case: Case, vocab: list, L: int, blocked: bool = False) -> tuple[dict, dict]:
    """Each side's program, built from its own modules, compiled in interleaved rounds (`interleaved_medians`);
    with `blocked`, each side's timing also holds "blocked_cpu_s", its CPU median timed alone (`blocked_medians`)."""
    from tracr.compiler import lib as tracr_lib
    from tracr.rasp import rasp as tracr_rasp

    from weightsmith import library, rasp

    ours, theirs = case.build(library, rasp, L), case.build(tracr_lib, tracr_rasp, L)
    sides = {"weightsmith": lambda: compile_weightsmith(ours, vocab, L),
             "tracr": lambda: compile_tracr(theirs, vocab, L)}
    timed = interleaved_medians(sides, COMPILE_ROUNDS)
    if blocked:
        alone = blocked_medians(sides, COMPILE_ROUNDS)
        for name in timed:
            timed[name]["blocked_cpu_s"] = alone[name]["cpu_s"]
    return timed["weightsmith"], timed["tracr"]


def run_weightsmith(case: Case, vocab: list, L: int, inputs: list[list], timed: dict) -> dict:
    import torch

    from weightsmith import library, rasp
    from weightsmith.model import summary

    program = case.build(library, rasp, L)
    compiled = timed["result"]
    model = compiled.model
    batch = [["BOS", *xs] for xs in inputs]
    compiled.apply_batch(batch[:8])  # warm-up
    run_seconds, outputs = best_of(3, lambda: compiled.apply_batch(batch))
    ids = model.encode(batch)
    with torch.inference_mode():
        forward_seconds, _ = best_of(3, lambda: model(ids))
    expected = rasp.evaluate_batch(program, inputs)
    numerical = rasp.is_numerical(program)
    value_set = rasp.value_set(program, vocab, L) if numerical else set()  # the same judge as Tracr's
    exact, error = score([row[1:] for row in outputs], expected, value_set, numerical)
    size = summary(model)
    return {"compile_s": timed["cpu_s"], "compile_wall_s": timed["wall_s"], "d_model": size["d_model"],
            "params": size["parameters"],
            "params_nonzero": size["parameters_nonzero"], "layers": size["layers"], "run_s": run_seconds,
            "forward_s": forward_seconds,
            "exact": exact, "max_num_error": error}


def run_tracr(case: Case, vocab: list, L: int, inputs: list[list], value_set: set, timed: dict) -> dict:
    import jax
    import jax.numpy as jnp
    from tracr.compiler import lib
    from tracr.rasp import rasp

    program = case.build(lib, rasp, L)
    model = timed["result"]
    params = sum(int(np.prod(a.shape)) for module in model.params.values() for a in module.values())
    nonzero = sum(int(np.count_nonzero(np.asarray(a))) for module in model.params.values() for a in module.values())
    numerical = rasp.is_numerical(program)

    # Tracr's public API, one input at a time, until the budget is spent. JAX compiles its operations for
    # each new input shape (~1 s each), so every input is padded to L + 1 and one untimed call comes first.
    def apply(xs: list) -> list:
        return model.apply(["BOS", *xs] + ["PAD"] * (L - len(xs))).decoded[1:len(xs) + 1]

    apply(inputs[0])
    apply_out, start = [], time.perf_counter()
    while len(apply_out) < len(inputs) and time.perf_counter() - start < TRACR_APPLY_BUDGET:
        apply_out.append(apply(inputs[len(apply_out)]))
    apply_seconds = (time.perf_counter() - start) * len(inputs) / len(apply_out)

    # Tracr's forward, jitted, on the whole batch padded to L + 1 positions.
    encode = model.input_encoder.encode
    ids = jnp.array([encode(["BOS", *xs] + ["PAD"] * (L - len(xs))) for xs in inputs])
    forward = jax.jit(model.forward)
    forward(model.params, ids).unembedded_output.block_until_ready()  # compiles
    jit_seconds, out = best_of(3, lambda: forward(model.params, ids).unembedded_output.block_until_ready())
    rows = np.asarray(out).tolist()
    if numerical:
        batch_out = [row[1:len(xs) + 1] for row, xs in zip(rows, inputs)]
    else:
        batch_out = [model.output_encoder.decode(row)[1:len(xs) + 1] for row, xs in zip(rows, inputs)]
    expected = [rasp.evaluate(program, xs) for xs in inputs]
    exact, error = score(batch_out, expected, value_set, numerical)
    agree = sum(a == b for a, b in zip(apply_out, batch_out))
    return {"compile_s": timed["cpu_s"], "compile_wall_s": timed["wall_s"], "d_model": len(model.residual_labels), "params": params, "params_nonzero": nonzero,
            "layers": model.model_config.num_layers, "apply_s_per_1000": apply_seconds, "apply_inputs_run": len(apply_out),
            "apply_agrees_with_batch": agree / len(apply_out), "jit_batch_s": jit_seconds,
            "exact": exact, "max_num_error": error}


# ----------------------------------------------------------------------------------------- table


def geometric_mean(xs: list[float]) -> float:
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compile-only", action="store_true",
                        help=f"only the compile columns (CPU medians of interleaved rounds); JSON to {COMPILE_RESULTS.name}")
    parser.add_argument("--blocked", action="store_true",
                        help="with --compile-only: also time each side alone, its compiles in a row (never the headline)")
    args = parser.parse_args(argv)
    compile_only = args.compile_only
    blocked = compile_only and args.blocked
    try:
        from tracr.compiler import compiling, lib
    except ImportError:
        print("vs_tracr: Tracr is not installed; install the optional extra: pip install 'weightsmith[baseline]'")
        return 0
    import torch

    from weightsmith import library, rasp

    torch.set_num_threads(THREADS)
    compiling.compile_rasp_to_model(lib.make_length(), vocab={"a"}, max_seq_len=2, compiler_bos="BOS")  # JAX start-up
    rows = []
    print("versions: " + ", ".join(f"{k} {v}" for k, v in machine()["packages"].items()))
    print((COMPILE_HEADER + (BLOCKED_HEADER if blocked else "")) if compile_only else HEADER)
    for case in CASES:
        for size in SIZES:
            vocab = case.vocab(size)
            if vocab is None:
                print(f"  {case.name} at vocab size {size}: skipped (the program needs at least 4 tokens)")
                continue
            for L in MAX_LENS:
                ws_timed, tr_timed = compile_both(case, vocab, L, blocked)
                if compile_only:
                    rows.append(print_compile_row(case.name, size, L, ws_timed, tr_timed))
                    continue
                inputs = random_inputs(case, vocab, L, N_INPUTS, seed=size * 100 + L)
                program = case.build(library, rasp, L)
                value_set = rasp.value_set(program, vocab, L) if rasp.is_numerical(program) else set()
                ws = run_weightsmith(case, vocab, L, inputs, ws_timed)
                tr = run_tracr(case, vocab, L, inputs, value_set, tr_timed)
                row = {"program": case.name, "vocab_size": size, "max_seq_len": L, "weightsmith": ws, "tracr": tr,
                       "ratios": {
                           "compile_speedup": tr["compile_s"] / ws["compile_s"],
                           "compile_speedup_wall": tr["compile_wall_s"] / ws["compile_wall_s"],
                           "d_model": ws["d_model"] / tr["d_model"],
                           "params": ws["params"] / tr["params"],
                           "layers": ws["layers"] / tr["layers"],
                           "speedup_vs_apply": tr["apply_s_per_1000"] / ws["run_s"],
                           "forward_speedup_vs_jit": tr["jit_batch_s"] / ws["forward_s"],
                       }}
                rows.append(row)
                print_row(row)
    means = {k: geometric_mean([r["ratios"][k] for r in rows]) for k in rows[0]["ratios"]}
    print("geometric means: " + ", ".join(f"{k} {v:.3g}" for k, v in means.items()))
    if compile_only:
        COMPILE_RESULTS.parent.mkdir(parents=True, exist_ok=True)
        COMPILE_RESULTS.write_text(json.dumps({
            "machine": {**machine(), "torch_threads": THREADS}, "compile_rounds": COMPILE_ROUNDS, "blocked": blocked,
            "rows": rows, "geometric_means": means}, indent=1))
        print(f"wrote {COMPILE_RESULTS}")
        return 0
    exact = {"weightsmith": sum(r["weightsmith"]["exact"] == 1.0 for r in rows),
             "tracr": sum(r["tracr"]["exact"] == 1.0 for r in rows)}
    print(f"cases exact on all {N_INPUTS} inputs: weightsmith {exact['weightsmith']}/{len(rows)}, "
          f"tracr {exact['tracr']}/{len(rows)}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "machine": {**machine(), "torch_threads": THREADS},
        "n_inputs": N_INPUTS, "tracr_apply_budget_s": TRACR_APPLY_BUDGET, "compile_rounds": COMPILE_ROUNDS,
        "rows": rows, "geometric_means": means, "cases_exact": exact}, indent=1))
    print(f"wrote {RESULTS}")
    return 0


COMPILE_HEADER = f"{'program':<14}{'V':>2}{'L':>3} | {'compile CPU ms ws/tr':>20} {'x':>6} | {'wall ms ws/tr':>15} {'x':>6}"
BLOCKED_HEADER = f" | {'blocked CPU ms ws/tr':>20} {'x':>6}"


def print_compile_row(name: str, size: int, L: int, ws: dict, tr: dict) -> dict:
    ratios = {"compile_speedup": tr["cpu_s"] / ws["cpu_s"], "compile_speedup_wall": tr["wall_s"] / ws["wall_s"]}
    print(f"{name:<14}{size:>2}{L:>3} | {ws['cpu_s'] * 1e3:9.2f}/{tr['cpu_s'] * 1e3:<9.1f} "
          f"{ratios['compile_speedup']:5.1f}x | {ws['wall_s'] * 1e3:6.2f}/{tr['wall_s'] * 1e3:<7.1f} "
          f"{ratios['compile_speedup_wall']:5.1f}x", end="")
    if "blocked_cpu_s" in ws:
        ratios["compile_speedup_blocked"] = tr["blocked_cpu_s"] / ws["blocked_cpu_s"]
        print(f" | {ws['blocked_cpu_s'] * 1e3:9.2f}/{tr['blocked_cpu_s'] * 1e3:<9.1f} "
              f"{ratios['compile_speedup_blocked']:5.1f}x", end="")
    print(flush=True)
    return {"program": name, "vocab_size": size, "max_seq_len": L, "weightsmith_cpu_s": ws["cpu_s"],
            "tracr_cpu_s": tr["cpu_s"], "ratios": ratios}


HEADER = (f"{'program':<14}{'V':>2}{'L':>3} | {'compile CPU ms ws/tr':>16} {'x':>6} | {'d_model':>7} | {'params':>15} | "
          f"{'layers':>6} | {'1000 inputs ms: apply_batch/apply(n)':>36} | {'forward/jit':>12} | {'exact ws/tr':>11}")


def print_row(row: dict) -> None:
    ws, tr, r = row["weightsmith"], row["tracr"], row["ratios"]
    run = f"{ws['run_s'] * 1e3:.1f} / {tr['apply_s_per_1000'] * 1e3:,.0f}({tr['apply_inputs_run']})"
    forward = f"{ws['forward_s'] * 1e3:.1f}/{tr['jit_batch_s'] * 1e3:.1f}"
    print(f"{row['program']:<14}{row['vocab_size']:>2}{row['max_seq_len']:>3} | "
          f"{ws['compile_s'] * 1e3:6.1f}/{tr['compile_s'] * 1e3:6.1f} {r['compile_speedup']:5.1f}x | "
          f"{ws['d_model']:>3}/{tr['d_model']:<3} | {ws['params']:>6,}/{tr['params']:<8,} | "
          f"{ws['layers']:>2}/{tr['layers']:<2}  | {run:>36} | {forward:>12} | {ws['exact']:.3f}/{tr['exact']:.3f}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
