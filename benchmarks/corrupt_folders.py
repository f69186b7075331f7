"""The corrupted-model-folder campaign, long version: thousands of damaged folders, each loaded once.

    PYTHONPATH=. .venv/bin/python benchmarks/corrupt_folders.py [--cases-per-kind 200] [--seed 0] \
        [--baseline ../other-checkout]

The damage kinds and the pass rule are those of `tests/model/corruptions.py` (the fast test runs a few
hundred of the same cases): every case must end in a ModelFolderError within 1 s, or load a model
bit-identical to the one saved. Three saved models are damaged (hand-made float32, random float64 with
MLPs and a numerical output, the compiled `hist` program), in two variants:
- "checked": folders as `save` writes them today (with SHA-256 checksums);
- "legacy": the same folders with the checksums entry removed, as an older weightsmith wrote them; they
  load with a warning, so damage to the weights' *values* can load (counted as "loaded, different"; not
  a failure of this variant, which shows what the structural checks alone catch); every other outcome
  must still be a ModelFolderError in time.
With --baseline, the same cases (legacy variant only: older code writes no checksums) also run against
another checkout's weightsmith (e.g. the loader before issue 15), as a second table in the same run.
Each kind runs in its own subprocess with an address-space limit (RLIMIT_AS, 4 GiB, so a bug cannot take
the machine down); the subprocess reports its peak resident memory (getrusage ru_maxrss) after setup and
after the last case, so "peak MB" is the worst the kind made a process grow to, and "+MB" what loading
damaged folders added over the setup (imports, the three models, one clean load). Prints a table and
writes benchmarks/results/corrupt_folders.json.
"""

from __future__ import annotations

import argparse
import collections
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "benchmarks" / "results" / "corrupt_folders.json"
ADDRESS_SPACE_LIMIT = 4 << 30
WORKER_TIMEOUT = 1800
VARIANTS = ("checked", "legacy")


def worker(kind: str, cases: int, seed: int, code: Path) -> None:
    """Run one kind's cases in this process, loading with `code`'s weightsmith; print one JSON line per
    case, then a summary line."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    import importlib.util
    import warnings

    sys.path.insert(0, str(code))  # that checkout's weightsmith (and tests.model.handmade) first
    spec = importlib.util.spec_from_file_location("corruptions", ROOT / "tests" / "model" / "corruptions.py")
    corruptions = sys.modules["corruptions"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corruptions)
    from weightsmith.model import load, save

    models = corruptions.originals()
    names = sorted(models)
    with tempfile.TemporaryDirectory() as root_name:
        root = Path(root_name)
        saved = {}
        for variant in VARIANTS:
            for name, model in models.items():
                folder = save(model, root / variant / name)
                document = json.loads((folder / "config.json").read_text())
                if "checksums" not in document and variant == "checked":
                    break  # older code: no checksums, only the legacy variant exists
                if variant == "legacy":
                    document.pop("checksums", None)
                    (folder / "config.json").write_text(json.dumps(document, indent=1))
                saved[variant, name] = folder
        variants = sorted({variant for variant, _ in saved}, key=VARIANTS.index)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            load(saved["legacy", names[0]])
        setup_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for i in range(cases):
            variant, name = variants[i % len(variants)], names[(i // 2) % len(names)]
            other = saved[variant, names[(names.index(name) + 1) % len(names)]]
            folder = root / "cases" / f"{i}"
            description = corruptions.make_case(saved[variant, name], other, kind, seed * 1_000_003 + i, folder)
            result = corruptions.outcome(folder, models[name], kind, description)
            print(json.dumps({"variant": variant, "model": name, **result.__dict__, "ok": result.ok}), flush=True)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"summary": True, "setup_kb": setup_kb, "peak_kb": peak_kb}), flush=True)


def run_kind(kind: str, cases: int, seed: int, code: Path) -> tuple[list[dict], dict]:
    command = [sys.executable, __file__, "--worker", kind, "--cases-per-kind", str(cases), "--seed", str(seed),
               "--code", str(code)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=WORKER_TIMEOUT)
        last_words = " ".join(done.stderr[-300:].split())
        stdout, failure = done.stdout, f"exit {done.returncode}: {last_words}" if done.returncode else ""
    except subprocess.TimeoutExpired as timeout:
        stdout, failure = (timeout.stdout or b"").decode(), f"killed after {WORKER_TIMEOUT} s"
    lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    summary = next((line for line in lines if line.get("summary")), None)
    if failure or summary is None:  # the worker itself died: the cases it did not report are lost
        summary = {"setup_kb": 0, "peak_kb": 0, "crashed": failure or "no summary"}
    return [line for line in lines if not line.get("summary")], summary


def campaign(code: Path, cases_per_kind: int, seed: int) -> dict:
    """Every kind's cases loaded by `code`'s weightsmith; prints the table as it goes."""
    from tests.model.corruptions import KINDS, TIME_LIMIT

    start = time.perf_counter()
    rows, failures = [], []
    header = (f"{'kind':<20}{'cases':>6}{'error':>7}{'ident.':>7}{'legacy loaded diff.':>20}{'other':>7}"
              f"{'max s':>8}{'peak MB':>9}{'+MB':>7}")
    print(f"weightsmith from {code}")
    print(header)
    print("-" * len(header))
    for kind in KINDS:
        cases, summary = run_kind(kind, cases_per_kind, seed, code)
        results = collections.Counter(case["result"] for case in cases)
        legacy_different = sum(1 for c in cases if c["variant"] == "legacy" and c["result"] == "loaded, different")
        bad = [c for c in cases if not c["ok"] and not (c["variant"] == "legacy" and c["result"] == "loaded, different"
                                                        and c["seconds"] <= TIME_LIMIT)]
        failures += bad
        row = {
            "kind": kind, "cases": len(cases), "errors": results["error"], "identical": results["identical"],
            "legacy_loaded_different": legacy_different,
            "checked_loaded_different": sum(1 for c in cases if c["variant"] == "checked"
                                            and c["result"] == "loaded, different"),
            "other_exceptions": dict(collections.Counter(c["result"] for c in cases if c["result"] not in
                                                         ("error", "identical", "loaded, different"))),
            "over_time_limit": sum(1 for c in cases if c["seconds"] > TIME_LIMIT),
            "failures": len(bad), "max_seconds": max((c["seconds"] for c in cases), default=0.0),
            "setup_rss_mb": summary["setup_kb"] / 1024, "peak_rss_mb": summary["peak_kb"] / 1024,
            **({"crashed": summary["crashed"]} if "crashed" in summary else {}),
        }
        rows.append(row)
        print(f"{kind:<20}{row['cases']:>6}{row['errors']:>7}{row['identical']:>7}{legacy_different:>20}"
              f"{sum(row['other_exceptions'].values()):>7}{row['max_seconds']:>8.3f}{row['peak_rss_mb']:>9.0f}"
              f"{row['peak_rss_mb'] - row['setup_rss_mb']:>7.0f}" + (f"  CRASHED {row['crashed']}" if
                                                                    "crashed" in row else ""), flush=True)
    total = sum(row["cases"] for row in rows)
    crashed = sum("crashed" in row for row in rows)
    other = collections.Counter()
    for row in rows:
        other.update(row["other_exceptions"])
    print("-" * len(header))
    print(f"{total} cases in {time.perf_counter() - start:.0f} s; failures (an exception other than ModelFolderError, "
          f"a load over {TIME_LIMIT} s, a checked folder loading a different model): {len(failures)} "
          f"(other exceptions {dict(other)}, over time {sum(r['over_time_limit'] for r in rows)}); crashed workers "
          f"{crashed}; max load {max(r['max_seconds'] for r in rows):.3f} s; peak RSS "
          f"{max(r['peak_rss_mb'] for r in rows):.0f} MB\n")
    for case in failures[:10]:
        print(f"  FAIL {case['variant']} {case['model']} {case['kind']}: {case['description'][:80]} -> "
              f"{case['result']} ({case['seconds']:.2f} s) {case['message'][:120]}")
    return {"code": str(code), "total_cases": total, "failures": len(failures), "crashed_workers": crashed,
            "other_exceptions": dict(other), "failed_cases": failures[:100], "kinds": rows}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases-per-kind", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout to run the cases against")
    parser.add_argument("--worker", default=None)
    parser.add_argument("--code", type=Path, default=ROOT)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.cases_per_kind, args.seed, args.code)

    runs = [campaign(ROOT, args.cases_per_kind, args.seed)]
    if args.baseline:
        runs.append(campaign(args.baseline.resolve(), args.cases_per_kind, args.seed))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "protocol": __doc__.strip().splitlines()[0], "cases_per_kind": args.cases_per_kind, "seed": args.seed,
        "time_limit_s": 1.0, "address_space_limit_bytes": ADDRESS_SPACE_LIMIT, "python": platform.python_version(),
        "this_checkout": runs[0], "baseline": runs[1] if len(runs) > 1 else None,
    }, indent=1) + "\n")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
