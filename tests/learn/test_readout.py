"""Refitting the read-out: it learns a linearly readable target, and is kept only if validation says so."""

import dataclasses

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st

from tests.learn.conftest import encoded, random_inputs, random_program, teacher_data
from weightsmith.learn.readout import _SlotLookup, refit_readout
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


def test_the_refit_starts_from_the_programs_classifier():
    """The teacher's own classifier fits its data perfectly; a few small steps from it stay there, while
    the same steps from zero weights do not get there."""
    teacher = random_program(6)
    data = teacher_data(teacher, 400, 6)
    noise = np.random.default_rng(6).normal(0, 0.5, teacher.classifier.shape)  # `teacher_data`'s labeller,
    scale = 10  # scaled: the same labels with margins no five small steps can close
    teacher = dataclasses.replace(teacher, classifier=(teacher.classifier + noise) * scale, bias=teacher.bias * scale)
    blank = dataclasses.replace(teacher, classifier=np.zeros_like(teacher.classifier), bias=np.zeros_like(teacher.bias))
    train, val = _split(data, 300)
    assert train.accuracy(teacher) == 1.0
    _, warm = refit_readout(teacher, train, val, steps=5, lr=0.001)
    _, cold = refit_readout(blank, train, val, steps=5, lr=0.001)
    assert warm.train_after == 1.0 > cold.train_after
    assert not warm.kept  # no better than the classifier it started from: the program is kept as it was


def test_length_balanced_refit_runs_and_is_deterministic():
    program = random_program(5)
    train, val = _split(teacher_data(program, 400, 5), 300)
    first, _ = refit_readout(program, train, val, balance_lengths=True, steps=50)
    second, _ = refit_readout(program, train, val, balance_lengths=True, steps=50)
    np.testing.assert_array_equal(first.classifier, second.classifier)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), rows=st.integers(1, 40), n_vars=st.integers(1, 6), n_values=st.integers(2, 5))
def test_the_sparse_lookup_is_the_indexed_sum_and_its_gradient(seed, rows, n_vars, n_values):
    """The refit's logits (a sparse product) equal weight[v, slots[n, v]] summed over v, and so does the
    gradient; integer-valued floats make both sums exact in any order."""
    g = torch.Generator().manual_seed(seed)
    slots = torch.randint(0, n_values, (rows, n_vars), generator=g)
    weight = torch.randint(-5, 6, (n_vars, n_values, 3), generator=g).float().requires_grad_()
    upstream = torch.randint(-3, 4, (rows, 3), generator=g).float()
    logits = _SlotLookup(slots, n_values)(weight)
    (logits * upstream).sum().backward()
    sparse_grad, weight.grad = weight.grad, None
    expected = weight[torch.arange(n_vars)[None, :], slots].sum(1)
    (expected * upstream).sum().backward()
    assert torch.equal(logits, expected)
    assert torch.equal(sparse_grad, weight.grad)
