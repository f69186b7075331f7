"""Do two versions of the compiler build the same models, bit for bit? (A check for speed work.)

    PYTHONPATH=/path/to/reference/checkout .venv/bin/python benchmarks/same_weights.py save /tmp/ref
    .venv/bin/python benchmarks/same_weights.py check /tmp/ref

`save` compiles every library program (its default vocabulary and length), every `vs_tracr.py` case,
the compat programs of ../shared/compat that compile, two arithmetic programs (SelectPreferred,
causal) and four causal variants with the compiler found on PYTHONPATH, and writes each model's
tensors, its config, its reading guide (layouts, heads, schedule, output, unit records) and the
error bounds of every s-op (each walk of `compiler.bounds`, as `repr` prints its floats: to the bit) to the
folder, one `.npz` per model (no pickle). `check` compiles the same models with this checkout's
compiler and names every model whose tensors differ in a bit, or whose guide differs.
Speed changes to the compiler must keep `check` silent: the weights are the product.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
from pathlib import Path
from typing import Iterator

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
COMPAT = Path(__file__).resolve().parents[2] / "shared" / "compat" / "programs.py"
if not COMPAT.exists():
    COMPAT = Path("/work/shared/compat/programs.py")


def cases() -> Iterator[tuple[str, object, list, int, dict]]:
    """(name, program, vocab, max_seq_len, compile keywords) for every model checked."""
    import vs_tracr

    from weightsmith import library, rasp
    from weightsmith.compiler import CompileError, compile_rasp_to_model
    from weightsmith.library.arithmetic import programs as arithmetic
    from weightsmith.library.registry import PROGRAMS

    for name, p in PROGRAMS.items():
        yield f"lib:{name}", p.build(), list(p.vocab), p.max_seq_len, {}
    for case in vs_tracr.CASES:
        for size in vs_tracr.SIZES:
            vocab = case.vocab(size)
            for L in vs_tracr.MAX_LENS if vocab is not None else ():
                yield f"vs:{case.name}:{size}:{L}", case.build(library, rasp, L), vocab, L, {}
    if COMPAT.exists():
        spec = importlib.util.spec_from_file_location("compat_programs", COMPAT)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, (build, vocab, L, _) in sorted(module.CASES.items()):
            try:
                compile_rasp_to_model(build(rasp), set(vocab), L)
            except CompileError:
                continue
            yield f"compat:{name}", build(rasp), list(vocab), L, {}
    vocab = sorted(set(arithmetic.DIGITS) | {arithmetic.PLUS, arithmetic.EQUALS}, key=repr)
    yield "arith:adder", arithmetic.make_adder(), vocab, 6, {}
    yield "arith:autoregressive_adder", arithmetic.make_autoregressive_adder(), vocab, 8, {"causal": True}
    for name in ["sort", "hist", "reverse", "shuffle_dyck1", "most_freq", "dyck2"]:
        p = PROGRAMS[name]
        yield f"causal:{name}", p.build(), list(p.vocab), p.max_seq_len, {"causal": True}


def record(program, vocab: list, L: int, keywords: dict) -> dict[str, np.ndarray]:
    """The model's tensors (float32, as built) and a text of everything else a compile returns."""
    import torch

    from weightsmith.compiler import compile_rasp_to_model, compiling

    torch.set_num_threads(1)
    walked: list[str] = []  # every error-bound walk's result (`compiler.bounds`): each s-op's bound, to the bit
    bound_errors = compiling.bound_errors

    def recorded(*args, **kwargs):
        bounds = bound_errors(*args, **kwargs)
        walked.append(repr(bounds))
        return bounds

    compiling.bound_errors = recorded
    try:
        compiled = compile_rasp_to_model(program, set(vocab), L, compiler_bos="BOS", **keywords)
    finally:
        compiling.bound_errors = bound_errors
    arrays = {f"w:{k}": v.detach().cpu().numpy() for k, v in compiled.model.state_dict().items()}
    guide = [repr(compiled.model.config), compiled.analysis, repr(compiled.schedule), repr(compiled.heads),
             repr(compiled.units), repr((compiled.output_label, compiled.output_values, compiled.output_tolerance,
                                         compiled.output_error)), *walked]
    for label, layout in compiled.layouts.items():
        guide.append(repr((label, layout.dims, layout.values, layout.written_after, layout.erased_in,
                           layout.unrepresented)))
        arrays[f"readout:{label}"] = layout.readout
    arrays["guide"] = np.array("\n".join(guide))
    return arrays


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("save", "check"), help="save this compiler's models, or check against saved")
    parser.add_argument("folder", type=Path, help="where the reference models are (one .npz a model)")
    args = parser.parse_args(argv)
    mode, folder = args.mode, args.folder
    folder.mkdir(parents=True, exist_ok=True)
    n, differ = 0, []
    for name, program, vocab, L, keywords in cases():
        path = folder / (hashlib.sha1(name.encode()).hexdigest()[:16] + ".npz")
        arrays = record(program, vocab, L, keywords)
        n += 1
        if mode == "save":
            np.savez(path, **arrays)
            continue
        with np.load(path, allow_pickle=False) as saved:
            same = set(saved.files) == set(arrays) and all(
                saved[k].dtype == arrays[k].dtype and saved[k].shape == arrays[k].shape
                and saved[k].tobytes() == arrays[k].tobytes() for k in arrays)
        if not same:
            differ.append(name)
            print(f"differs: {name}", flush=True)
    print(f"{mode}: {n} models" + ("" if mode == "save" else f", {len(differ)} differ"))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
