"""Accuracy per input length / per position: each group scored like the overall metric, and the groups
weighted by their token counts give the overall accuracy back."""

import numpy as np
import pytest

from weightsmith.learn.breakdown import breakdown
from weightsmith.learn.program import DiscreteProgram, ProgramConfig
from weightsmith.tasks.algorithmic import content_length, make_task


def _constant(task, label) -> DiscreteProgram:
    """A program with no modules that predicts `label` everywhere (only the classifier's bias)."""
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 1, 0, 0, 0, task.causal)
    bias = np.zeros(len(task.labels))
    bias[task.labels.index(label)] = 1.0
    return DiscreteProgram(config, [[]], [[]], np.zeros((2, config.n_values, len(task.labels))), bias)


@pytest.mark.parametrize("name, label", [("hist", 1), ("dyck2", "F"), ("reverse", 3)])
def test_groups_count_exactly_the_labelled_tokens(name, label):
    task = make_task(name, size=600)
    split = task.test
    result = breakdown(_constant(task, label), split.inputs, split.targets, causal=task.causal,
                       content_length=content_length)
    expected: dict[int, list[int]] = {}
    for xs, ys in zip(split.inputs, split.targets):
        for i, y in enumerate(ys):
            if y is not None:
                key = i if task.causal else content_length(xs)
                expected.setdefault(key, [0, 0])
                expected[key][0] += y == label
                expected[key][1] += 1
    assert result.by == ("position" if task.causal else "length")
    assert sorted(result.groups) == sorted(expected)
    for key, (right, total) in expected.items():
        assert result.groups[key].tokens == total
        assert result.groups[key].accuracy == round(100 * right / total, 2)
    right_all = sum(r for r, _ in expected.values())
    tokens_all = sum(t for _, t in expected.values())
    assert result.tokens == tokens_all and result.inputs == len(split)
    assert result.accuracy == round(100 * right_all / tokens_all, 2)


def test_chunks_do_not_change_the_result(monkeypatch):
    import weightsmith.learn.breakdown as module

    task = make_task("most_freq", size=500)
    program = _constant(task, "BOS")
    whole = breakdown(program, task.train.inputs, task.train.targets, causal=False, content_length=content_length)
    monkeypatch.setattr(module, "CHUNK", 37)
    assert breakdown(program, task.train.inputs, task.train.targets, causal=False,
                     content_length=content_length) == whole
