"""The docs site builds, strictly: a guide linking to a page that is gone, or an API page naming a module
that moved, fails here rather than on a reader. And the pages' Python runs and gives the values they state."""

import ast
import io
import shutil
import subprocess
import tokenize
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


# Pages whose Python blocks do not run as written, and why; every other page's blocks run (below).
NOT_RUN = {
    "docs/loops.md": "a schema: `...` stands for the reader's step and halt",
    "docs/sketches.md": "`examples` are the reader's",
    "docs/transformer-programs.md": "trains for minutes; the other blocks are excerpts of decompiled programs",
    "docs/nlp.md": "builds the lexicons and compiles the language models (minutes)",
    "docs/nlp-data.md": "loads the held-out sets, of which set 13 is validation only (issue 20)",
}
PAGES = ["README.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md"))]


def python_blocks(text: str) -> list[tuple[int, str]]:
    """Each ```python block of a Markdown page: (line number of its first line, its code)."""
    blocks, lines, start = [], text.splitlines(), None
    for i, line in enumerate(lines):
        if start is None and line.strip() == "```python":
            start = i + 1
        elif start is not None and line.strip() == "```":
            blocks.append((start + 1, "\n".join(lines[start:i])))
            start = None
    return blocks


def documented_value(comment: str) -> tuple[bool, object]:
    """The value a `# comment` after an expression says it gives: a Python literal, alone or followed by `:` or
    a parenthesised remark (`# ['c', 'b', 'a']`, `# 579: the adder`, `# [...]  (BOS's slot first)`)."""
    text = comment.lstrip("#").strip()
    for end in sorted({len(text), *(i for i, c in enumerate(text) if c in ":(")}, reverse=True):
        head, rest = text[:end].rstrip(), text[end:]
        if head and (not rest or rest.startswith(":") or (rest.startswith("(") and text[end - 1] == " ")):
            try:
                return True, ast.literal_eval(head)
            except (ValueError, SyntaxError):
                continue
    return False, None


def run_page(page: str) -> int:
    """Runs every Python block of `page` in order in one namespace; an expression whose comment states its value
    must give it. Returns the number of values checked."""
    namespace: dict = {}
    checked = 0
    for first_line, code in python_blocks((ROOT / page).read_text()):
        comments = {tok.start[0]: tok.string for tok in tokenize.generate_tokens(io.StringIO(code).readline)
                    if tok.type == tokenize.COMMENT}
        for statement in ast.parse(code).body:
            where = f"{page}:{first_line + statement.lineno - 1}"
            stated, want = (documented_value(comments[statement.end_lineno])
                            if isinstance(statement, ast.Expr) and statement.end_lineno in comments else (False, None))
            if stated:
                got = eval(compile(ast.Expression(statement.value), where, "eval"), namespace)
                assert got == want, f"{where}: gives {got!r}, the page says {want!r}"
                checked += 1
            else:
                exec(compile(ast.Module([statement], []), where, "exec"), namespace)
    return checked


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks((ROOT / p).read_text()) and p not in NOT_RUN])
def test_documented_code_runs_and_gives_what_the_page_says(page, tmp_path, monkeypatch):
    # docs/compiler.md's first block compiled `program`, which it never defined
    monkeypatch.chdir(tmp_path)  # a block that writes files writes them here
    run_page(page)


def test_a_wrong_documented_value_fails(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```python\nx = [1, 2]\nx + [3]    # [1, 2, 3]  (appended)\nlen(x)   # 3: wrong\n```\n")
    with pytest.raises(AssertionError, match=r"page.md:4: gives 2, the page says 3"):
        run_page(str(page))
    assert documented_value("# 579: the adder") == (True, 579)
    assert documented_value("# a plain torch.nn.Module (weightsmith.model.Transformer)") == (False, None)
