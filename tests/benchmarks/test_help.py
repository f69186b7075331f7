"""Every benchmark script answers `--help` with its protocol and stops: before this test, eight of them ran
the whole benchmark on `--help` and overwrote their published JSON. All scripts run in one subprocess (their
imports are shared, so the check costs seconds, not a torch start-up per script)."""

import json
import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

RUN_EACH = """
import contextlib, io, json, os, runpy, sys
answers = {}
sys.path.insert(0, os.path.dirname(sys.argv[1]))  # as `python benchmarks/x.py` puts it: scripts import each other
for script in sys.argv[1:]:
    sys.argv = [script, "--help"]
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(script, run_name="__main__")
        answers[script] = ("ran", out.getvalue()[:200])
    except SystemExit as stop:
        answers[script] = (stop.code, out.getvalue()[:200])
print(json.dumps(answers))
"""


def _scripts() -> list[Path]:
    """The scripts a user runs: those with a `__main__` block (sketch_translation is a module of sketch.py)."""
    return sorted(p for p in BENCHMARKS.glob("*.py") if 'if __name__ == "__main__"' in p.read_text())


def test_every_benchmark_prints_its_help_and_writes_nothing():
    scripts = _scripts()
    assert len(scripts) >= 20
    results = BENCHMARKS / "results"
    before = {p: p.stat().st_mtime_ns for p in results.rglob("*") if p.is_file()}
    done = subprocess.run([sys.executable, "-c", RUN_EACH, *map(str, scripts)], capture_output=True, text=True,
                          timeout=300, cwd=BENCHMARKS.parent, env={**os.environ, "OMP_NUM_THREADS": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    answers = json.loads(done.stdout.splitlines()[-1])
    for script, (code, text) in answers.items():
        assert code in (0, None) and "usage:" in text, f"{Path(script).name} --help: exit {code!r}, printed {text!r}"
    after = {p: p.stat().st_mtime_ns for p in results.rglob("*") if p.is_file()}
    assert after == before
