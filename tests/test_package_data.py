"""Every data file in the source tree ships in the wheel: an installed (non-editable) weightsmith carries only the
files pyproject's package-data globs name, so a file outside them would load in a checkout and be missing for a user
who installed the wheel (held-out sets 2-18 and the SUBLEQ programs were, until this test)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]
CODE = {".py", ".c", ".so", ".pyc"}


def _shipped() -> set[Path]:
    """The files setuptools packs: for each package (a folder with __init__.py), the files its own globs and the
    "*" globs match, relative to the package, as setuptools globs them."""
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    shipped = set()
    for init in (ROOT / "weightsmith").rglob("__init__.py"):
        package = init.parent
        name = ".".join(package.relative_to(ROOT).parts)
        for pattern in globs.get("*", []) + globs.get(name, []):
            shipped |= {f for f in package.glob(pattern) if f.is_file()}
    return shipped


def test_every_data_file_is_package_data():
    data = {f for f in (ROOT / "weightsmith").rglob("*")
            if f.is_file() and f.suffix not in CODE and "__pycache__" not in f.parts}
    assert data, "no data files found: the test would pass vacuously"
    assert sorted(str(f.relative_to(ROOT)) for f in data - _shipped()) == []
