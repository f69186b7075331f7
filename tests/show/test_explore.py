"""The explorer page: its data read from the model, and the page itself in a real (headless) browser."""

import contextlib
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.library import get_program
from weightsmith.show.explore import components, exploration, explore_html

CHROMIUM = os.environ.get("WEIGHTSMITH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def sort():
    entry = get_program("sort")
    program = entry.build()
    return program, compile_rasp_to_model(program, set(entry.vocab), entry.max_seq_len).model


def test_components_read_and_write_what_the_program_says(sort):
    _, model = sort
    found = {c.name: (set(c.reads), set(c.writes)) for c in components(model)}
    # sort's last head reads the target positions (query), indices (key) and tokens (value); it writes sort
    last = [name for name in found if "sort" in found[name][1]]
    assert len(last) == 1 and {"target_pos", "indices", "tokens"} <= found[last[0]][0]
    # and its first MLP makes unique_keys from tokens and indices
    assert any(reads == {"tokens", "indices"} and writes == {"unique_keys"} for reads, writes in found.values())


def test_trace_agrees_with_the_interpreter(sort):
    program, model = sort
    data = exploration(model, [3, 1, 2], program)
    by_label = {t["label"]: t for t in data["trace"]}
    assert by_label["sort"]["values"] == ["1", "2", "3"] == by_label["sort"]["interpreter"]
    assert all(t["interpreter"] is None or t["values"] == t["interpreter"] for t in data["trace"])
    assert len(data["heatmaps"]) == 1 + 2 * len(model.config.layers)
    for head in data["heads"]:  # every attention row is a distribution over the keys
        assert all(abs(sum(row) - 1) < 1e-3 for row in head["pattern"])


def test_the_page_is_self_contained_and_escapes_its_data():
    length = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)).named("</script>")
    model = compile_rasp_to_model(length, {"a", "b"}, 3).model
    page = explore_html(model, ["a", "b"])
    assert page.count("</script>") == 1  # the label cannot close the script early
    # nothing is fetched: the only address in the page is SVG's namespace name
    assert set(re.findall(r"https?://[^\s\"'\\]+", page)) == {"http://www.w3.org/2000/svg"}
    start = page.index("const DATA = ") + len("const DATA = ")
    data = json.loads(page[start: page.index(";\nconst SVG")])
    assert data["tokens"] == ["BOS", "a", "b"]


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (Debian: apt-get install chromium); CI installs it")


@contextlib.contextmanager
def in_browser(html: str, tmp_path):
    """The page opened in headless Chromium; (page, the errors it logged)."""
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the `explore` extra)")
    page_file = tmp_path / "explore.html"
    page_file.write_text(html)
    errors = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1400, "height": 1800})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        yield page, errors
        browser.close()


@needs_chromium
def test_the_page_in_a_headless_browser(sort, tmp_path):
    program, model = sort
    with in_browser(explore_html(model, [3, 1, 0, 2], program), tmp_path) as (page, errors):
        assert page.locator("#graph svg .node").count() == len(exploration(model, [3, 1, 0, 2])["trace"])
        assert page.locator("#heatmap svg rect").count() > 0
        assert page.locator("#heads svg").count() == len(
            [c for c in components(model) if c.head is not None])
        assert page.locator("#trace tr").count() > 1 and page.locator("td.differs").count() == 0
        page.locator('#graph [data-node="target_pos"]').click()
        assert page.locator("#selected").inner_text() == "target_pos"
        assert page.locator('#graph [data-node="target_pos"].hl').count() == 1
        assert page.locator('#heatmap text.rowlabel.hl').count() >= 1  # its dimensions, labelled
        assert page.locator(".card.hl").count() >= 2  # the head that reads it, the MLP that writes it
        page.screenshot(path=str(tmp_path / "explore.png"), full_page=True)
        if os.environ.get("WEIGHTSMITH_SCREENSHOT"):  # how docs/img/explore.png is made
            page.screenshot(path=os.environ["WEIGHTSMITH_SCREENSHOT"], full_page=True)
    assert errors == []
    assert (tmp_path / "explore.png").stat().st_size > 10_000


@needs_chromium
def test_the_output_label_is_shown_as_text(tmp_path):
    """The summary line put the output's label into innerHTML: `<i>x</i>` showed as an italic x."""
    label = "<i>x</i>"
    model = compile_rasp_to_model(rasp.Map(lambda t: t, rasp.tokens).named(label), {"a", "b"}, 2).model
    with in_browser(explore_html(model, ["a"]), tmp_path) as (page, errors):
        assert page.locator("#output").inner_text() == label and page.locator("#summary i").count() == 0
    assert errors == []


def test_jupyter_shows_traces_and_models_as_html(sort):
    program, model = sort
    trace = rasp.trace(program, [2, 0, 1])
    assert isinstance(trace, dict) and "<td>" in trace._repr_html_() and "target_pos" in trace._repr_html_()
    page = model._repr_html_()
    assert f"d_model {model.config.d_model}" in page and "residual stream layout" in page and "unique_keys" in page


def test_the_page_names_the_compact_sops_its_trace_cannot_read():
    # a saved model's compact intermediates were left out of the page's trace without a word
    from weightsmith.compiler import compile_program

    scramble = rasp.Map(lambda x: (x * 5) % 12, rasp.tokens).named("scramble")
    first = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 0), scramble).named("first_scr")
    out = rasp.SequenceMap(lambda x, y: (x + y) % 12, first, rasp.tokens).named("out")
    model = compile_program(out, list(range(12)), 4, compact_above=0).model
    data = exploration(model, [3, 7, 1])
    assert data["unread"] == ["scramble", "first_scr"] and {t["label"] for t in data["trace"]} == {"indices", "out"}
    assert "DATA.unread" in explore_html(model, [3, 7, 1])
    assert exploration(compile_program(out, list(range(12)), 4, compact_above=None).model, [3, 7, 1])["unread"] == []
