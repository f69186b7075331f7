"""The corrupted-model-folder campaign, long version: thousands of damaged folders, each loaded once.

    PYTHONPATH=. .venv/bin/python benchmarks/corrupt_folders.py [--cases-per-kind 200] [--seed 0]

The damage kinds and the pass rule are those of `tests/model/corruptions.py` (the fast test runs a few
hundred of the same cases): every case must end in a ModelFolderError within 1 s, or load a model
bit-identical to the one saved. Three saved models are damaged (hand-made float32, random float64 with
MLPs and a numerical output, the compiled `hist` program), in two variants:
- "checked": folders as `save` writes them today (with SHA-256 checksums);
- "legacy": the same folders with the checksums entry removed, as an older weightsmith wrote them; they
  load with a warning, so damage to the weights' *values* can load (counted as "loaded, different"; not
  a failure of this variant, which shows what the structural checks alone catch); every other outcome
  must still be a ModelFolderError in time.
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
VARIANTS = ("checked", "legacy")


def worker(kind: str, cases: int, seed: int) -> None:
    """Run one kind's cases in this process; print one JSON line per case, then a summary line."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    import warnings

    from tests.model.corruptions import make_case, originals, outcome
    from weightsmith.model import load, save
    from weightsmith.model.files import CHECKSUMS, CONFIG_FILE

    models = originals()
    names = sorted(models)
    with tempfile.TemporaryDirectory() as root_name:
        root = Path(root_name)
        saved = {}
        for variant in VARIANTS:
            for name, model in models.items():
                folder = save(model, root / variant / name)
                if variant == "legacy":
                    document = json.loads((folder / CONFIG_FILE).read_text())
                    del document[CHECKSUMS]
                    (folder / CONFIG_FILE).write_text(json.dumps(document, indent=1))
                saved[variant, name] = folder
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            load(saved["legacy", names[0]])
        setup_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for i in range(cases):
            variant, name = VARIANTS[i % 2], names[(i // 2) % len(names)]
            other = saved[variant, names[(names.index(name) + 1) % len(names)]]
            folder = root / "cases" / f"{i}"
            description = make_case(saved[variant, name], other, kind, seed * 1_000_003 + i, folder)
            result = outcome(folder, models[name], kind, description)
            print(json.dumps({"variant": variant, "model": name, **result.__dict__, "ok": result.ok}), flush=True)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"summary": True, "setup_kb": setup_kb, "peak_kb": peak_kb}), flush=True)


def run_kind(kind: str, cases: int, seed: int) -> tuple[list[dict], dict]:
    command = [sys.executable, __file__, "--worker", kind, "--cases-per-kind", str(cases), "--seed", str(seed)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    summary = next((line for line in lines if line.get("summary")), None)
    if done.returncode != 0 or summary is None:  # the worker itself died: every case it did not report fails
        summary = {"setup_kb": 0, "peak_kb": 0, "crashed": f"exit {done.returncode}: {done.stderr[-300:]}"}
    return [line for line in lines if not line.get("summary")], summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases-per-kind", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--worker", default=None)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.cases_per_kind, args.seed)

    from tests.model.corruptions import KINDS, TIME_LIMIT

    start = time.perf_counter()
    rows, failures = [], []
    header = (f"{'kind':<20}{'cases':>6}{'error':>7}{'ident.':>7}{'legacy loaded diff.':>20}{'other':>7}"
              f"{'max s':>8}{'peak MB':>9}{'+MB':>7}")
    print(header)
    print("-" * len(header))
    for kind in KINDS:
        cases, summary = run_kind(kind, args.cases_per_kind, args.seed)
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
    print("-" * len(header))
    print(f"{total} cases in {time.perf_counter() - start:.0f} s; failures (an exception other than ModelFolderError, "
          f"a load over {TIME_LIMIT} s, a checked folder loading a different model, a crashed worker): "
          f"{len(failures) + sum('crashed' in row for row in rows)}; max load {max(r['max_seconds'] for r in rows):.3f} s; "
          f"peak RSS {max(r['peak_rss_mb'] for r in rows):.0f} MB")
    for case in failures[:20]:
        print(f"  FAIL {case['variant']} {case['model']} {case['kind']}: {case['description']} -> {case['result']} "
              f"({case['seconds']:.2f} s) {case['message'][:150]}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "protocol": __doc__.strip().splitlines()[0], "cases_per_kind": args.cases_per_kind, "seed": args.seed,
        "time_limit_s": TIME_LIMIT, "address_space_limit_bytes": ADDRESS_SPACE_LIMIT, "total_cases": total,
        "failures": failures[:100], "kinds": rows, "python": platform.python_version(),
    }, indent=1) + "\n")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
