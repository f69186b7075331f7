"""Reading s-ops out of a saved model by its labels: each read-out equals the interpreter's trace."""

import math

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.library import PROGRAMS, get_program
from weightsmith.model import load, save
from weightsmith.model.reading import label_value, parse_slot, read_sops, sop_names, sublayer_name
from weightsmith.verify import all_inputs


def same(read, expected) -> bool:
    if isinstance(read, float) and isinstance(expected, (int, float)):
        return math.isclose(read, expected, abs_tol=1e-4)
    return read == expected


@pytest.mark.parametrize("name", ["sort", "reverse", "frac_prevs", "dyck2", "most_freq"])
def test_every_read_out_equals_the_trace(name, tmp_path):
    entry = get_program(name)
    compiled = compile_rasp_to_model(entry.build(), set(entry.vocab), entry.max_seq_len)
    model = load(save(compiled.model, tmp_path))  # only what a folder keeps: labels, no layouts
    names = set(sop_names(model.config))
    inputs = list(all_inputs(sorted(entry.vocab, key=repr), 3))
    for xs in inputs:
        readings = read_sops(model, [model.config.bos, *xs])
        assert {r.label for r in readings} <= names and entry.build().label in {r.label for r in readings}
        trace = rasp.trace(compiled.program, xs)
        for reading in readings:
            expected = trace[reading.label].value
            got = reading.values[1:]
            # a value nothing downstream needs told apart has no dimension: it reads None
            represented = {parse_slot(label.split(":", 1)[1]) for label in "|".join(
                model.config.residual_labels).split("|") if label.startswith(reading.label + ":")}
            for g, e in zip(got, expected):
                assert same(g, e) or (g is None and e not in represented), (xs, reading.label, got, expected)


def test_written_by_the_sublayer_that_computes_it(tmp_path):
    entry = get_program("sort")
    compiled = compile_rasp_to_model(entry.build(), set(entry.vocab), entry.max_seq_len)
    readings = {r.label: r for r in read_sops(compiled.model, ["BOS", 2, 0, 1])}
    for label in ("tokens", "indices", "unique_keys", "target_pos", "sort"):
        layer, sublayer = compiled.schedule.get(label, (None, "embedding"))
        expected = "embedding" if layer is None else f"layer {layer} {'attn' if sublayer == 'attention' else 'mlp'}"
        assert sublayer_name(readings[label].sublayer) == expected, label
    assert readings["sort"].values == [None, 0, 1, 2]
    assert "target_pos[1/(w+1)]" not in readings and "one" not in readings  # compiler helpers are not s-ops


def test_a_loop_state_is_read_where_the_loop_stopped():
    """A looped model's state s-op was read right after the prelude's load: `run MODEL --trace` and `explore`
    showed the loop's *initial* state under the state's name (rot.x = 2 1 0 2 beside the output 0 2 2 1). The
    state is read after the block's last sublayer, as the loop stopped (its last run commits nothing)."""
    from tests.loop_programs import rotate_left

    loop = rotate_left(5, lambda x: x == "c")
    compiled = compile_rasp_to_model(loop["xs"], {"a", "b", "c"}, 3)
    block_end = 2 * (compiled.config.loop.first_layer + compiled.config.loop.n_layers)
    for xs in all_inputs(["a", "b", "c"], 3):
        readings = {r.label: r for r in read_sops(compiled.model, ["BOS", *xs])}
        assert readings["rotate.xs"].values[1:] == rasp.evaluate(loop["xs"], xs), xs
        assert readings["rotate.xs"].sublayer == block_end
        assert readings["rotate.steps"].values[1:] == [rasp.evaluate(loop.steps, xs)[0]] * len(xs)


def test_a_tuple_value_reads_as_the_tuple():
    """Labels hold a value as its text, and `read_sops` gave a tuple back as that text: most_freq's key
    `(False, 1)` read as the string '(False, 1)' (so `run MODEL --trace` showed a string where the
    interpreter's trace holds a tuple). A label that is a tuple's text reads as the tuple."""
    x = rasp.tokens
    pair = rasp.categorical(rasp.SequenceMap(lambda t, i: (t, i > 0, "a"), x, rasp.indices)).named("pair")
    first = rasp.categorical(rasp.Map(lambda p: p[0], pair)).named("first")
    compiled = compile_rasp_to_model(first, {1, 2}, 2)
    for xs in all_inputs([1, 2], 2):
        readings = {r.label: r for r in read_sops(compiled.model, ["BOS", *xs])}
        assert readings["pair"].values[1:] == rasp.evaluate(pair, xs), xs


def test_a_slot_is_read_as_a_tuple_only_when_its_text_is_one():
    assert label_value("(1, 'a')") == (1, "a") and label_value("(True,)") == (True,)
    assert label_value("(") == "(" and label_value("(a b)") == "(a b)" and label_value("()x") == "()x"
    assert label_value("(__import__('os'))") == "(__import__('os'))"  # text, never evaluated
    assert label_value("(1)") == "(1)" and label_value("2") == 2  # a parenthesised number is no tuple
