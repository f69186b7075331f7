"""Local search: an edit's gain, computed on the examples it can change, is the gain on the whole set; the
search repairs a broken cell; it never makes training accuracy worse, and validation decides."""

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from tests.learn.conftest import encoded, random_inputs, random_program, teacher_data
from weightsmith.learn.local_search import _Climber, local_search
from weightsmith.learn.program import DiscreteProgram, Head, ProgramConfig
from weightsmith.learn.train import Encoded
from weightsmith.tasks.algorithmic import make_task


def _correct(program: DiscreteProgram, data: Encoded) -> np.ndarray:
    """Correct positions per example, from scratch."""
    return ((program.predict_ids(data.ids, data.lengths) == data.targets) & (data.targets >= 0)).sum(-1)


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10_000), causal=st.booleans(), predicate=st.sampled_from(["binary", "one_hot", "mixed"]))
def test_an_edits_gain_is_its_gain_on_every_example(seed, causal, predicate):
    program = random_program(seed, causal=causal, predicate=predicate)
    data = teacher_data(program, 120, seed)
    climber = _Climber(program, data)
    before = _correct(program, data)
    rng = np.random.default_rng(seed)
    for index in range(len(climber.modules)):
        edits = list(climber.edits(index))
        for e in rng.choice(len(edits), size=min(8, len(edits)), replace=False):
            edit, rows = edits[e]
            edited = edit(climber.modules[index][1])
            if edited is None:
                continue
            after = _correct(program.with_module(index, edited), data)
            assert not (after != before)[~rows].any()  # the edit changes nothing outside `rows`
            assert climber.gain(index, edited, rows) == after.sum() - before.sum()


def _hist_program() -> tuple[DiscreteProgram, Encoded, Encoded]:
    """hist by hand: one counting head (token == token), the classifier reads the count."""
    task = make_task("hist", size=400)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 1, 0, 1, 0)
    k = config.n_values
    classifier = np.zeros((3, k, len(config.classes)))
    for c, label in enumerate(config.classes):
        classifier[2, label, c] = 1.0
    program = DiscreteProgram(config, [[Head("count", 0, 0, None, np.eye(k, dtype=bool))]], [[]], classifier,
                              np.zeros(len(config.classes)))
    train, val = (Encoded.of(config, s.inputs, s.targets) for s in (task.train, task.val))
    return program, train, val


def test_the_search_repairs_a_broken_predicate_cell():
    program, train, val = _hist_program()
    assert train.accuracy(program) == 1.0
    predicate = program.heads[0][0].predicate.copy()
    predicate[2, 2] = predicate[3, 3] = False  # tokens 1 and 2 no longer count themselves,
    predicate[4, 1] = True  # and token 3 counts token 0 too
    broken = dataclasses.replace(program, heads=[[dataclasses.replace(program.heads[0][0], predicate=predicate)]])
    assert train.accuracy(broken) < 0.8
    repaired, report = local_search(broken, train, val, seconds=60)
    assert report.kept and report.edits >= 1 and report.train_before < report.train_after == 1.0
    assert val.accuracy(repaired) == 1.0
    assert broken.heads[0][0].predicate[4, 1]  # the input program is left alone


@pytest.mark.parametrize("seed", range(3))
def test_the_search_never_lowers_training_accuracy(seed):
    program = random_program(seed, causal=seed == 1)
    data = teacher_data(program, 200, seed)
    train = Encoded(data.ids[:150], data.lengths[:150], data.targets[:150])
    val = Encoded(data.ids[150:], data.lengths[150:], data.targets[150:])
    searched, report = local_search(program, train, val, seconds=30)
    assert report.train_after >= report.train_before
    if report.kept:
        assert train.accuracy(searched) == report.train_after
        assert (report.val_after, report.train_after) > (report.val_before, report.train_before)
    else:
        assert searched is program


def test_the_search_is_refused_when_validation_gets_worse():
    program = random_program(3)
    train = teacher_data(program, 300, 3)  # another classifier's targets
    inputs = random_inputs(program, 150, 4)
    val = encoded(program, inputs, program.predict(inputs))  # the program itself is perfect here
    kept, report = local_search(program, train, val, seconds=20)
    assert report.train_after >= report.train_before
    assert not report.kept and kept is program
