"""The sketches of the Transformer Programs tasks, their holes filled as the library program fills them,
compute the task exactly: what is left to learn can be learned, and nothing else is missing."""

import itertools

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.learn.sketch import accuracy
from weightsmith.library.sketches import (
    DYCK2_TOKENS,
    MOST_FREQ_END,
    MOST_FREQ_TOKENS,
    SORT_TOKENS,
    make_dyck2_sketch,
    make_most_freq_sketch,
    make_sort_sketch,
)
from weightsmith.rasp.holes import holes
from weightsmith.rasp.value_set import value_sets
from weightsmith.tasks.algorithmic import make_task

INTENDED = {  # each hole's filling in the library's construction
    "less": lambda k, q: k < q, "same": lambda k, q: k == q, "place": lambda k, q: k == q,
    "first": lambda seen: seen == 0, "key": lambda count, first: count if first else 0,
    "ahead": lambda k, q: k > q, "tie": lambda k, q: k == q,
    "shown": lambda token, first: str(token) if first else MOST_FREQ_END,
    "opener": lambda t: t in "({", "kind": lambda t: "({".index(t) if t in "({" else ")}".index(t),
    "below": lambda k, q: k == (q - 1 if q > 0 else 15), "breaks": lambda t, partner: t in ")}" and partner != ")}".index(t),
    "label": lambda failed, depth: "F" if failed else ("T" if depth == 0 else "P"),
}


def fill_as_the_library(sketch: rasp.SOp, vocab, max_seq_len: int) -> rasp.SOp:
    sets = value_sets(sketch, vocab, max_seq_len)
    for hole in holes(sketch):
        arguments = [sorted(sets[id(c)], key=repr) for c in hole.children]
        hole.fill({args: INTENDED[hole.label](*args) for args in itertools.product(*arguments)})
    return sketch


def content(split, n):
    """The first n examples without BOS (and EOS): their labels are unscored."""
    return [(x[1:-1], y[1:-1]) if x[-1] == "EOS" else (x[1:], y[1:]) for x, y in list(zip(split.inputs, split.targets))[:n]]


CASES = [("sort", make_sort_sketch, SORT_TOKENS, 6), ("most_freq", make_most_freq_sketch, MOST_FREQ_TOKENS, 7),
         ("dyck2", make_dyck2_sketch, DYCK2_TOKENS, 15)]


@pytest.mark.parametrize("task, make, vocab, max_seq_len", CASES)
def test_filled_as_the_library_the_sketch_solves_the_task(task, make, vocab, max_seq_len):
    sketch = fill_as_the_library(make(), vocab, max_seq_len)
    examples = content(make_task(task, size=400).test, 40)
    assert accuracy(sketch, examples) == (1.0, 1.0)


def test_the_hand_written_sorting_variant_of_most_freq():
    sketch = fill_as_the_library(make_most_freq_sketch(learn_sorting=False), MOST_FREQ_TOKENS, 7)
    assert {h.label for h in holes(sketch)} == {"same", "first", "key", "shown"}
    assert accuracy(sketch, content(make_task("most_freq", size=400).test, 40)) == (1.0, 1.0)


def test_the_filled_sort_sketch_compiles_exactly():
    sketch = fill_as_the_library(make_sort_sketch(), SORT_TOKENS, 6)
    model = compile_rasp_to_model(sketch, set(SORT_TOKENS), 6)
    inputs = [list(x) for x, _ in content(make_task("sort", size=400).test, 40)]
    assert [o[1:] for o in model.apply_batch([["BOS", *x] for x in inputs])] == rasp.evaluate_batch(sketch, inputs)


def test_the_filled_most_freq_sketch_compiles_exactly():
    sketch = fill_as_the_library(make_most_freq_sketch(learn_sorting=False), MOST_FREQ_TOKENS, 7)
    model = compile_rasp_to_model(sketch, set(MOST_FREQ_TOKENS), 7)
    inputs = [list(x) for x, _ in content(make_task("most_freq", size=400).test, 40)]
    assert [o[1:] for o in model.apply_batch([["BOS", *x] for x in inputs])] == rasp.evaluate_batch(sketch, inputs)
