"""Tracr 1.0.0's own test files, run against weightsmith through a shim package named `tracr`.

Tracr's tests import `tracr.rasp.rasp` and `tracr.compiler.compiling`; here those names are
weightsmith's modules, so the tests exercise weightsmith's language and compiler. Nothing of Tracr's
is copied into this repository: the test files are read from the installed `tracr-pypi` wheel at run
time (the `baseline` extra), together with the few Tracr files they need that are not under test —
the test data (`compiler/test_cases.py`), a test base class (`craft/tests_common.py` and the vector
type it imports, `craft/bases.py`) and `rasp/causal_eval.py`, Tracr's causal evaluator, which is
written against the public `rasp.DefaultRASPEvaluator` and so runs on weightsmith's unchanged.

Any other `tracr.*` module is absent, so a test that reached into Tracr's own compiler would fail to
import rather than silently test Tracr. The shim lives in `sys.modules` only while the test files are
imported (their module-level imports bind everything they use), so it never shadows a real Tracr
for other code in the same process.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.metadata
import importlib.util
import sys
import types
import unittest
from pathlib import Path
from typing import Iterator

import pytest

from weightsmith import library, rasp
from weightsmith import compiler as ws_compiler

TRACR_DISTRIBUTION = "tracr-pypi"
TRACR_VERSION = "1.0.0"

# Tracr's files that run as they are: the test files, their data and helpers, the causal evaluator.
TRACR_FILES = {
    "tracr.rasp.rasp_test": "rasp/rasp_test.py",
    "tracr.rasp.causal_eval_test": "rasp/causal_eval_test.py",
    "tracr.rasp.causal_eval": "rasp/causal_eval.py",
    "tracr.compiler.lib_test": "compiler/lib_test.py",
    "tracr.compiler.rasp_to_transformer_integration_test": "compiler/rasp_to_transformer_integration_test.py",
    "tracr.compiler.test_cases": "compiler/test_cases.py",
    "tracr.craft.tests_common": "craft/tests_common.py",
    "tracr.craft.bases": "craft/bases.py",
}


def tracr_root() -> Path:
    """The installed Tracr package's folder, or a module-level skip saying how to install it."""
    try:
        dist = importlib.metadata.distribution(TRACR_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        pytest.skip(f"Tracr's test suite needs {TRACR_DISTRIBUTION}=={TRACR_VERSION}: "
                    "pip install -e '.[baseline]'", allow_module_level=True)
    if dist.version != TRACR_VERSION:
        pytest.skip(f"the Tracr suite is pinned to {TRACR_DISTRIBUTION}=={TRACR_VERSION} (its expected failures "
                    f"are listed by name), found {dist.version}", allow_module_level=True)
    return Path(dist.locate_file("tracr"))


def _shim_modules() -> dict[str, types.ModuleType]:
    """The shim: empty packages, and weightsmith's modules under Tracr's names."""
    compiling = types.ModuleType("tracr.compiler.compiling", "weightsmith's compiler under Tracr's name")
    compiling.compile_rasp_to_model = ws_compiler.compile_rasp_to_model
    modules = {name: _package(name) for name in ("tracr", "tracr.rasp", "tracr.compiler", "tracr.craft")}
    modules["tracr.rasp.rasp"] = rasp
    modules["tracr.compiler.compiling"] = compiling
    modules["tracr.compiler.lib"] = library  # Tracr's `make_*` programs, weightsmith's versions
    for name, module in modules.items():
        if "." in name:
            parent, _, child = name.rpartition(".")
            setattr(modules[parent], child, module)
    return modules


def _package(name: str) -> types.ModuleType:
    package = types.ModuleType(name, "a package of the weightsmith shim for Tracr's tests")
    package.__path__ = []  # nothing is found in it by the ordinary import system
    return package


class _TracrFiles(importlib.abc.MetaPathFinder):
    """Finds the modules of TRACR_FILES in the installed wheel, and no other."""

    def __init__(self, root: Path):
        self.root = root

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in TRACR_FILES:
            return None
        return importlib.util.spec_from_file_location(fullname, self.root / TRACR_FILES[fullname])


@contextlib.contextmanager
def _installed(root: Path) -> Iterator[None]:
    saved = {name: module for name, module in sys.modules.items() if name == "tracr" or name.startswith("tracr.")}
    for name in saved:
        del sys.modules[name]
    sys.modules.update(_shim_modules())
    finder = _TracrFiles(root)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        for name in [n for n in sys.modules if n == "tracr" or n.startswith("tracr.")]:
            del sys.modules[name]
        sys.modules.update(saved)


def load_tracr_module(module_name: str) -> types.ModuleType:
    """One of TRACR_FILES, imported through the shim (so its `rasp` is weightsmith's)."""
    with _installed(tracr_root()):
        return importlib.import_module(module_name)


def load_test_classes(module_name: str) -> dict[str, type]:
    """The test classes defined by one of Tracr's test files, imported through the shim.

    A test module puts them in its globals, where pytest collects them as unittest classes.
    """
    module = load_tracr_module(module_name)
    return {name: value for name, value in vars(module).items()
            if isinstance(value, type) and issubclass(value, unittest.TestCase) and value.__module__ == module_name}
