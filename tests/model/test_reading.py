"""Reading s-ops out of a saved model by its labels: each read-out equals the interpreter's trace."""

import math

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.library import PROGRAMS, get_program
from weightsmith.model import load, save
from weightsmith.model.reading import parse_slot, read_sops, sop_names, sublayer_name
from weightsmith.verify import all_inputs


def same(read, expected) -> bool:
    if isinstance(read, float) and isinstance(expected, (int, float)):
        return math.isclose(read, expected, abs_tol=1e-4)
    return read == expected or read == str(expected)  # labels hold values as text: a tuple reads as its text


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
