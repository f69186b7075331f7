"""An ordinary transformer started from compiled weights: before training it predicts exactly as the compiled
model on every input of a small space; the random arm has the same shape; training runs and changes it."""

import itertools

import pytest
import torch

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.learn.compiled_start import (IGNORE, Data, Settings, compiled_start, ordinary_config, program_outputs,
                                              random_start, softest_exact, train)
from weightsmith.library.counting import make_hist
from weightsmith.library.dyck import make_dyck1
from weightsmith.library.sorting import make_sort


def _space(vocab, max_len):
    return [["BOS", *xs] for n in range(1, max_len + 1) for xs in itertools.product(vocab, repeat=n)]


def _sort_with_end():
    key = rasp.Map(lambda t: 9 if t == "E" else t, rasp.tokens).named("key")
    return make_sort(rasp.tokens, key, max_seq_len=4, min_key=1)


CASES = {  # program, vocabulary, max_seq_len, free layers before / after
    "hist": (make_hist, [0, 1, 2], 4, 0, 2),
    "sort": (_sort_with_end, [0, 1, 2, "E"], 4, 1, 0),
    "dyck1 (causal)": (make_dyck1, list("(){}"), 5, 1, 1),
}


@pytest.mark.parametrize("name", CASES)
def test_the_start_predicts_as_the_compiled_model_on_every_input(name):
    build, vocab, max_len, before, after = CASES[name]
    compiled = compile_rasp_to_model(build(), set(vocab), max_len).model
    config = ordinary_config(compiled.config, free_before=before, free_after=after, room=7, heads=2, d_head=4, d_mlp=16)
    model = compiled_start(compiled, config, compiled.config.output_values, free_before=before, seed=3)
    inputs = _space(vocab, max_len)
    ids = model.body.encode(inputs)
    predicted = model(ids).argmax(-1).tolist()
    expected = compiled.run_batch(inputs)
    classes = model.classes
    for xs, row, out in zip(inputs, predicted, expected):
        assert [classes[j] for j in row[1:len(xs)]] == out[1:]
    assert len(config.layers) == len(compiled.config.layers) + before + after
    cold = random_start(config, classes, seed=3)
    assert [p.shape for p in cold.parameters()] == [p.shape for p in model.parameters()]
    assert config.d_model == compiled.config.d_model + 7 and all(len(layer.heads) >= 2 for layer in config.layers)


def test_softening_keeps_the_program_up_to_the_factor_found():
    compiled = compile_rasp_to_model(make_hist(), {0, 1, 2}, 4).model
    config = ordinary_config(compiled.config, free_after=1, room=4)
    inputs = _space([0, 1, 2], 4)
    probe = compiled_start(compiled, config, (1, 2, 3, 4))
    ids = probe.body.encode(inputs)
    scored = torch.ones_like(ids, dtype=torch.bool)
    scored[:, 0] = False
    scored &= ids != 1  # not PAD
    build = lambda factor: compiled_start(compiled, config, (1, 2, 3, 4), soften=factor)  # noqa: E731
    factor = softest_exact(build, compiled.config, ids, scored, (1, 2, 4, 1e4))
    assert factor in (2, 4)  # some softening keeps it exact; scores / 10,000 are near uniform
    exact = program_outputs(build(1), compiled.config, ids)[scored]
    assert torch.equal(program_outputs(build(factor), compiled.config, ids)[scored], exact)
    assert not torch.equal(program_outputs(build(1e4), compiled.config, ids)[scored], exact)


def test_training_steps_run_and_reach_a_simple_task():
    compiled = compile_rasp_to_model(make_hist(), {0, 1, 2}, 4).model
    config = ordinary_config(compiled.config, free_after=1, room=4, heads=2, d_head=4, d_mlp=8)
    inputs = _space([0, 1, 2], 4)
    labels = [[None, *(x == 0 for x in xs[1:])] for xs in inputs]  # a new read-out: "is this token 0"
    for model in (compiled_start(compiled, config, (False, True), seed=0, readout=False),
                  random_start(config, (False, True), seed=0)):
        data = Data.of(model, inputs, labels)
        assert (data.targets[:, 0] == IGNORE).all()
        before = [p.detach().clone() for p in model.parameters()]
        seen = []
        accuracy = train(model, data, data, Settings(epochs=30, batch=16, lr=1e-2), on_epoch=lambda e, a: seen.append(a))
        assert seen[-1] == accuracy and accuracy == 1.0 and len(seen) < 30  # stops at 100%
        assert any(not torch.equal(a, b) for a, b in zip(before, model.parameters()))


def test_bad_shapes_and_labels_are_refused():
    compiled = compile_rasp_to_model(make_hist(), {0, 1, 2}, 4).model
    config = ordinary_config(compiled.config)
    with pytest.raises(ValueError, match="compiled layer 0 would be layer 1"):
        compiled_start(compiled, config, (1, 2), free_before=1)
    with pytest.raises(ValueError, match="free_after must be >= 0"):
        ordinary_config(compiled.config, free_after=-1)
    model = random_start(config, (1, 2), seed=0)
    with pytest.raises(ValueError, match="label 7 is not among the classes"):
        Data.of(model, [["BOS", 0, 1]], [[None, 1, 7]])
