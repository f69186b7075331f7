"""Training: deterministic given the seed; selects by the discretised program's validation accuracy."""

import numpy as np
import pytest
import torch

from weightsmith.learn.program import ProgramConfig
from weightsmith.learn.train import Encoded, TrainSettings, length_weights, train
from weightsmith.tasks.algorithmic import make_task


def _run(seed):
    torch.set_num_threads(1)
    task = make_task("hist", size=500)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 1, 1, 1, 0, False, "binary")
    data = [Encoded.of(config, s.inputs, s.targets) for s in (task.train, task.val)]
    return train(config, data[0], data[1], TrainSettings(epochs=3, batch_size=100, seed=seed, progress=False)), data


def test_same_seed_same_program():
    (a, data), (b, _) = _run(0), _run(0)
    assert a.history == b.history
    ids, lengths = data[1].ids, data[1].lengths
    assert np.array_equal(a.program.scores(ids, lengths), b.program.scores(ids, lengths))


def test_reported_accuracy_is_the_discretised_programs():
    result, data = _run(1)
    assert result.val_accuracy == data[1].accuracy(result.program)
    assert result.val_accuracy == max(h["val_acc"] for h in result.history)
    assert all({"loss", "relaxed_train_acc", "val_acc", "tau"} <= h.keys() for h in result.history)


def test_restarts_keep_the_best_seed_and_stop_the_worse_half():
    torch.set_num_threads(1)
    task = make_task("sort", size=500)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 1, 1, 1, 1, False, "one_hot")
    data = [Encoded.of(config, s.inputs, s.targets) for s in (task.train, task.val)]
    settings = TrainSettings(epochs=4, batch_size=100, seed=5, restarts=4, progress=False)
    result = train(config, data[0], data[1], settings)
    seeds = {h["seed"] for h in result.history}
    assert seeds == {5, 6, 7, 8}
    epochs = {s: sum(h["seed"] == s for h in result.history) for s in seeds}
    assert sorted(epochs.values()) == [1, 1, 2, 4]  # halved after epoch 1 and after epoch 2
    assert result.epochs_run == 8
    assert result.val_accuracy == max(h["val_acc"] for h in result.history)
    assert result.val_accuracy == data[1].accuracy(result.program)
    assert any(h["seed"] == result.seed and h["val_acc"] == result.val_accuracy for h in result.history)


def test_length_weights_give_every_length_the_same_total():
    lengths = np.array([2, 2, 2, 5, 7, 7])
    weights = length_weights(lengths)
    totals = {n: weights[lengths == n].sum() for n in set(lengths.tolist())}
    assert np.allclose(list(totals.values()), 2.0) and np.isclose(weights.sum(), len(lengths))


def test_cpu_budget_stops_training_and_keeps_the_best_program_so_far():
    """A budget smaller than the epochs need: training stops early (at least one epoch runs), and the
    result is still the best discretised program seen, with its validation accuracy."""
    torch.set_num_threads(1)
    task = make_task("sort", size=500)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 1, 1, 1, 1, False, "one_hot")
    data = [Encoded.of(config, s.inputs, s.targets) for s in (task.train, task.val)]
    result = train(config, data[0], data[1], TrainSettings(epochs=50, batch_size=100, seed=0, restarts=2,
                                                           cpu_budget=1e-6, progress=False))
    assert result.epochs_run == 1
    assert result.val_accuracy == data[1].accuracy(result.program) == max(h["val_acc"] for h in result.history)


def test_targets_that_do_not_pair_with_the_inputs_are_refused():
    # Before: one target too few positions was scored as "no target" there, and a missing target list
    # left an empty target array beside the inputs - training on it saw no labels, silently.
    config = ProgramConfig(("<s>", "a", "b"), (0, 1), 3, 1, 1, 1, 1)
    with pytest.raises(ValueError, match="input 0 has 3 tokens but its target 2 labels"):
        Encoded.of(config, [["<s>", "a", "b"]], [[None, 0]])
    with pytest.raises(ValueError, match="1 inputs but 0 target lists"):
        Encoded.of(config, [["<s>", "a", "b"]], [])
    assert Encoded.of(config, [["<s>", "a"]], [[None, 1]]).targets.tolist() == [[-100, 1, -100]]


@pytest.mark.parametrize("field, value", [("epochs", 0), ("epochs", -1), ("batch_size", 0), ("restarts", 0),
                                          ("tau_start", 0.0), ("lr", float("nan")), ("tau_end", -1.0),
                                          # NaN biases raised torch's "Class values must be non-negative" after
                                          # the data was made; a NaN budget never stopped; patience 0 stopped at once
                                          ("recency_bias", float("nan")), ("identity_bias", float("inf")),
                                          ("gate_std", -0.5), ("gate_std", float("nan")), ("attention_tau", 0.0),
                                          ("patience", 0), ("patience", 1.5), ("cpu_budget", float("nan")),
                                          ("cpu_budget", -1.0)])
def test_settings_that_cannot_train_are_refused_by_name(field, value):
    # epochs 0 returned the untrained program as if trained; batch_size 0 / tau_start 0 raised
    # ZeroDivisionError, restarts 0 an IndexError
    with pytest.raises(ValueError, match=f"TrainSettings: {field} must be"):
        TrainSettings(**{field: value})


def test_optional_settings_may_be_off_and_biases_negative():
    TrainSettings(attention_tau=None, patience=None, cpu_budget=None, identity_bias=-1.0, recency_bias=-0.5, gate_std=0.0)
