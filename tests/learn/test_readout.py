"""Refitting the read-out: it learns a linearly readable target, and is kept only if validation says so."""

import dataclasses

import numpy as np
import pytest

from tests.learn.conftest import encoded, random_inputs, random_program, teacher_data
from weightsmith.learn.readout import refit_readout
from weightsmith.learn.train import Encoded


def _split(data: Encoded, n: int) -> tuple[Encoded, Encoded]:
    first = Encoded(data.ids[:n], data.lengths[:n], data.targets[:n])
    return first, Encoded(data.ids[n:], data.lengths[n:], data.targets[n:])


@pytest.mark.parametrize("seed", range(3))
def test_refit_learns_a_teacher_classifier_over_the_same_variables(seed):
    program = random_program(seed, causal=seed == 1)
    blank = dataclasses.replace(program, classifier=np.zeros_like(program.classifier), bias=np.zeros_like(program.bias))
    train, val = _split(teacher_data(program, 600, seed), 400)  # one teacher for both
    refit, report = refit_readout(blank, train, val)
    assert report.kept and report.val_after >= report.val_before
    assert report.train_before == train.accuracy(blank) and report.train_after == train.accuracy(refit)
    assert report.train_after >= 0.95 > report.train_before  # the blank classifier says one class everywhere
    assert refit.heads is blank.heads and refit.mlps is blank.mlps  # only the read-out changed
    assert refit.reads.all()


def test_refit_is_refused_when_validation_gets_worse():
    program = random_program(3)
    train = teacher_data(program, 400, 3)  # another classifier's targets
    inputs = random_inputs(program, 200, 4)
    val = encoded(program, inputs, program.predict(inputs))  # the program itself is perfect here
    kept, report = refit_readout(program, train, val)
    assert not report.kept and report.val_after < report.val_before == 1.0
    assert kept is program


def test_length_balanced_refit_runs_and_is_deterministic():
    program = random_program(5)
    train, val = _split(teacher_data(program, 400, 5), 300)
    first, _ = refit_readout(program, train, val, balance_lengths=True, steps=50)
    second, _ = refit_readout(program, train, val, balance_lengths=True, steps=50)
    np.testing.assert_array_equal(first.classifier, second.classifier)
