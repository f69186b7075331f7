"""The docs site builds, strictly: a guide linking to a page that is gone, or an API page naming a module
that moved, fails here rather than on a reader."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_docs_site_builds_strictly(tmp_path):
    if shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("mkdocs is not installed (the `docs` extra: pip install -e '.[docs]')")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    api = (tmp_path / "api" / "rasp" / "index.html").read_text()
    assert "SelectorWidth" in api and "evaluate_batch" in api  # the reference is generated, not empty
