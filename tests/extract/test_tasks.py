"""The task generators keep the anchor's data conventions (what a model can learn depends on them)."""

import numpy as np
import pytest

from weightsmith.extract.tasks import TASKS, TEST_BINS, collate, correct, get_task
from weightsmith.extract.tasks import test_set as make_test_set
from weightsmith.rasp.errors import InputError


@pytest.mark.parametrize("name", sorted(TASKS))
def test_examples_fit_the_positions_and_the_vocabulary(name):
    task = get_task(name)
    rng = np.random.default_rng(0)
    for _ in range(30):
        e = task.sample(rng, (0, 150), offset=True)
        assert e.ids[0] == task.bos and max(e.positions) < task.n_positions
        assert all(0 <= i < len(task.vocab) for i in e.ids)
        assert e.positions == list(range(e.positions[0], e.positions[0] + len(e.ids)))


def test_lm_targets_score_only_the_output():
    task = get_task("sort")
    e = task.sample(np.random.default_rng(1), (5, 5), offset=False)
    body = e.ids[1:6]
    assert e.ids[6] == task.sep and e.ids[7:12] == sorted(body) and e.ids[-1] == task.eos
    scored = [t for t in e.targets if t >= 0]
    assert scored == [*sorted(body), task.eos] and e.targets[6] == sorted(body)[0]


def test_majority_answer_is_the_unique_mode():
    task = get_task("majority")
    for seed in range(20):
        e = task.sample(np.random.default_rng(seed), (1, 30), offset=False)
        body = e.ids[1:-2]
        counts = np.bincount(body, minlength=26)
        assert e.ids[-1] == counts.argmax() and (counts == counts.max()).sum() == 1


def test_formal_language_targets_are_the_allowed_next_symbols():
    task = get_task("tomita2")  # (10)*
    e = task.sample(np.random.default_rng(0), (4, 4), offset=False)
    names = [task.vocab[i] for i in e.ids]
    assert names == ["<bos>", "1", "0", "1", "0", "<eos>"]
    allowed = [{task.vocab[j] for j, on in enumerate(row) if on} for row in e.targets]
    assert allowed == [{"1", "<eos>"}, {"0"}, {"1", "<eos>"}, {"0"}, {"1", "<eos>"}, set()]


def test_test_bins_are_offset_zero_and_in_range():
    sets = make_test_set(get_task("majority"), 10)
    for (lo, hi), (name, examples) in zip(TEST_BINS, sets.items()):
        assert name == f"{lo}-{hi}"
        assert all(e.positions[0] == 0 and lo <= len(e.ids) - 3 <= hi for e in examples)  # BOS, SEP, answer


def test_whole_sequence_accuracy():
    task = get_task("unique_copy")
    batch = collate(task, [task.sample(np.random.default_rng(3), (3, 3), offset=False)])
    perfect = np.eye(len(task.vocab))[np.maximum(batch.targets, 0)] * 10
    assert correct(task, perfect, batch.targets).all()
    wrong = perfect.copy()
    scored = np.flatnonzero(batch.targets[0] >= 0)
    wrong[0, scored[-1]] = 0
    assert not correct(task, wrong, batch.targets).any()


def test_unknown_task_is_named():
    with pytest.raises(InputError, match="unknown task 'nope'"):
        get_task("nope")
