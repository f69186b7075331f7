"""Shared test fixtures: where ../shared lives (the Tracr compatibility cases)."""

import importlib.util
import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI (`.ci/run` sets HYPOTHESIS_PROFILE=ci) draws the same examples on every run, so a red CI is a bug that
# reproduces, never a draw that happened to hit one; local runs explore new examples each time, and the long
# searches are benchmarks (benchmarks/fuzz_compiler.py).
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_compat():
    """(programs module, golden dict), or a skip when ../shared is not beside the repo."""
    programs_path = SHARED / "compat" / "programs.py"
    if not programs_path.exists():
        pytest.skip(f"{programs_path} not found (../shared/compat is beside the repo in CI)", allow_module_level=True)
    spec = importlib.util.spec_from_file_location("compat_programs", programs_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    golden = json.loads((SHARED / "compat" / "golden.json").read_text())
    return module, golden


# Compiled models are tiny: with several torch threads, thread-pool wake-ups cost more than the maths.
import torch  # noqa: E402

torch.set_num_threads(1)


@pytest.fixture
def token_checks(monkeypatch) -> list:
    """A list that grows by one at each `check_token_lists` call, wherever the model code calls it from."""
    import weightsmith.compiler.compiled as compiled
    import weightsmith.compose.composed as composed
    import weightsmith.model.transformer as transformer

    calls, check = [], transformer.check_token_lists
    for module in (compiled, composed, transformer):
        monkeypatch.setattr(module, "check_token_lists", lambda inputs: calls.append(inputs) or check(inputs))
    return calls
