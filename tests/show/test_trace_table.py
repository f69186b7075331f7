"""Trace tables stay legible at 100 and 110 columns: cells wrap or move below the table, never end in "…"."""

import pytest
from rich.console import Console

from weightsmith import rasp
from weightsmith.demo import NLP_SHOWCASE, TRACE_COLUMNS
from weightsmith.library import get_program, nlp
from weightsmith.show.trace_table import nlp_trace_table, trace_table


def render(renderable, width: int) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"))
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("width", [100, 110])
def test_language_traces_are_not_cut(width):
    for task, text in NLP_SHOWCASE:
        for labels in (TRACE_COLUMNS.get(task), None):  # the demo's columns, and the CLI's (all highlights)
            shown = render(nlp_trace_table(task, text, labels), width)
            assert "…" not in shown, shown
            assert max(map(len, shown.splitlines())) <= width


def test_long_values_are_listed_in_full_below_the_table():
    shown = render(nlp_trace_table("translation", "the small black cats do not eat the fish"), 100)
    assert "long values" in shown
    dictionary_scale = nlp.models.serving("translation") is nlp.models.DICTIONARY_TRANSLATION
    # (the dictionary-scale verb's plan: its verb group's three French words as markers, read from its parts)
    verb_plan = "((0, '@p0'), (0, '@p1'), (0, '@p2'))" if dictionary_scale else "((0, 'NE'), (0, 'V'), (1, 'SELF'))"
    assert verb_plan in shown  # the verb's plan, whole on one line
    # too many positions for whole words at 100 columns: the cell folds onto a second line, in full
    lines = render(nlp_trace_table("grammaticality", "the cats eats the fish ."), 100).splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("│ grammaticality"))
    first, second = lines[row].split("│")[3].strip(), lines[row + 1].split("│")[3].strip()
    assert first + second == "ungrammatical"


@pytest.mark.parametrize("name", ["reverse", "sort", "hist", "dyck1", "most_freq"])
def test_program_traces_are_not_cut(name):
    entry = get_program(name)
    shown = render(trace_table(entry.build(), list(entry.examples[0])), 100)
    assert "…" not in shown and entry.build().label in shown


def test_a_loop_is_shown_iteration_by_iteration():
    from tests.loop_programs import rotate_left

    shown = render(trace_table(rotate_left(5, lambda x: x == "c")["xs"], ["a", "b", "c"]), 120)
    assert "rotate.xs [0]" in shown and "rotate.xs [2]" in shown and "rotate.xs [3]" not in shown


def test_tokens_and_labels_are_not_read_as_markup():
    """A console that reads markup (Jupyter's, the demo's) shows a trace's data as typed."""
    program = rasp.Map(lambda t: t, rasp.tokens).named("[red]same")
    shown = render(trace_table(program, ["[/]", "[bold]x"], title="[/] title"), 100)
    assert "[red]same" in shown and "[bold]x" in shown and "[/] title" in shown


def test_a_looped_models_trace_ends_with_its_output_and_names_the_last_run():
    """A saved looped model's trace showed the state as loaded (rot.x = 2 1 0 2 where the output was 0 2 2 1),
    the block's s-ops without saying they are its last run (a step the loop did not take), and no output row:
    the row shown as the output (the last, in bold) was the loop's stop flag."""
    from tests.loop_programs import rotate_left
    from weightsmith.compiler import compile_rasp_to_model
    from weightsmith.show.trace_table import model_trace_table

    loop = rotate_left(5, lambda x: x == "c")
    model = compile_rasp_to_model(loop["xs"], {"a", "b", "c"}, 4).model
    lines = render(model_trace_table(model, ["b", "a", "c", "a"]), 100).splitlines()
    rows = {line.split("│")[1].strip(): line for line in lines if line.count("│") > 3}
    assert rows["rotate.xs"].split("│")[3:7] == rows["rotate[xs]"].split("│")[3:7]
    assert [cell.strip() for cell in rows["rotate[xs]"].split("│")[3:7]] == ["c", "a", "b", "a"]
    block_rows = [line for label, line in rows.items() if label.startswith("aggregate")]
    assert block_rows and all("last run" in line for line in block_rows)
    assert next(line for line in reversed(lines) if line.count("│") > 3) == rows["rotate[xs]"]


def test_a_saved_models_trace_names_the_compact_sops_it_cannot_read():
    # `run FOLDER --trace` left compact s-ops out without a word (their code table is the compiler's, not the
    # folder's): a trace of scramble -> first_scr -> out showed the output alone
    from weightsmith.compiler import compile_program
    from weightsmith.show.trace_table import model_trace_table

    scramble = rasp.Map(lambda x: (x * 5) % 12, rasp.tokens).named("scramble")
    first = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 0), scramble).named("first_scr")
    out = rasp.SequenceMap(lambda x, y: (x + y) % 12, first, rasp.tokens).named("out")
    model = compile_program(out, list(range(12)), 4, compact_above=0).model
    shown = render(model_trace_table(model, [3, 7, 1]), 200)
    assert "not shown (compact codes, whose table is the compiler's): scramble, first_scr" in shown
    assert "tokens" not in shown.split("not shown")[1]  # the input is shown as the header
    plain_model = compile_program(out, list(range(12)), 4, compact_above=None).model
    assert "not shown" not in render(model_trace_table(plain_model, [3, 7, 1]), 200)
