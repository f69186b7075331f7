"""benchmarks/vs_tracr.py's two timing orders: interleaved rounds (the headline ratio) and each side alone."""

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "vs_tracr.py"
spec = importlib.util.spec_from_file_location("benchmarks_vs_tracr", SCRIPT)
vs_tracr = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = vs_tracr  # its dataclasses look their module up while it runs
spec.loader.exec_module(vs_tracr)


def _recording(calls: list) -> dict:
    return {name: (lambda name=name: calls.append(name) or name) for name in ("ours", "theirs")}


def test_interleaved_rounds_alternate_the_sides_after_one_untimed_call_each():
    calls: list = []
    timed = vs_tracr.interleaved_medians(_recording(calls), rounds=3)
    assert calls == ["ours", "theirs"] * 4
    assert {name: t["result"] for name, t in timed.items()} == {"ours": "ours", "theirs": "theirs"}


def test_blocked_medians_time_each_side_alone_its_calls_in_a_row():
    """Each side's compiles follow its own (the caches it left), never the other side's: one untimed call,
    then the timed rounds, side after side."""
    calls: list = []
    timed = vs_tracr.blocked_medians(_recording(calls), rounds=3)
    assert calls == ["ours"] * 4 + ["theirs"] * 4
    assert set(timed) == {"ours", "theirs"}
    assert all(t["cpu_s"] >= 0 and t["result"] == name for name, t in timed.items())
