"""The task generators: the authors' protocol (distribution, labels, scored positions, split sizes),
deterministic, and answers equal to plain definitions written here independently."""

import math
from collections import Counter

import pytest

from weightsmith.tasks.algorithmic import (BOS, EOS, PAPER_TASKS, TASKS, all_inputs, content_length, make_task,
                                           split_sizes)


def _content(task, xs):
    return xs[1:-1] if task.vocab[-1] == EOS else xs[1:]


def _dyck(xs):
    out, stack, ok = [], [], True
    for c in xs:
        if ok and c in "({":
            stack.append(c)
        elif ok and stack and {"(": ")", "{": "}"}[stack[-1]] == c:
            stack.pop()
        else:
            ok = False
        out.append("F" if not ok else ("T" if not stack else "P"))
    return out


def _reference(name, xs):
    """Each task's answer, written independently of the module's definitions."""
    if name == "reverse":
        return xs[::-1]
    if name == "sort":
        return sorted(xs)
    if name == "hist":
        return [xs.count(x) for x in xs]
    if name == "double_hist":
        counts = Counter(xs)
        return [sum(1 for v in counts if counts[v] == counts[x]) for x in xs]
    if name == "sort_freq":  # Tracr's make_sort_freq: by decreasing count, ties in input order
        ranked = sorted(range(len(xs)), key=lambda i: (-xs.count(xs[i]), i))
        return [xs[i] for i in ranked]
    if name.startswith("most_freq"):
        order = sorted(dict.fromkeys(xs), key=lambda v: (-xs.count(v), xs.index(v)))
        return order + [BOS if name == "most_freq" else None] * (len(xs) - len(order))
    if name.startswith("dyck"):
        return _dyck(xs)
    if name == "induction":
        out = []
        for i, x in enumerate(xs):
            if x.isdigit():
                out.append(None)
            else:
                prev = [j for j in range(i) if xs[j] == x]
                out.append(xs[prev[-1] + 1] if prev else "unk")
        return out
    raise AssertionError(name)


@pytest.mark.parametrize("name", TASKS)
def test_answers_match_plain_definitions(name):
    task = make_task(name, size=300)
    for split in (task.train, task.val, task.test):
        for xs, ys in zip(split.inputs, split.targets):
            assert xs[0] == BOS and len(xs) <= task.max_len and len(xs) == len(ys)
            content = _content(task, xs)
            assert all(t in task.vocab and t not in (BOS, EOS) for t in content)
            body = ys[1 : 1 + len(content)]
            assert body == _reference(name, list(content))
            assert ys[0] is None and all(y is None for y in ys[1 + len(content):])
            assert all(y is None or y in task.labels for y in ys)


@pytest.mark.parametrize("name", TASKS)
def test_deterministic_and_distinct(name):
    a, b = make_task(name, size=400), make_task(name, size=400)
    assert a.train == b.train and a.test == b.test
    other = make_task(name, seed=1, size=400)
    assert other.train != a.train
    seen = [tuple(x) for s in (a.train, a.val, a.test) for x in s.inputs]
    assert len(seen) == len(set(seen)) == 400  # no test string is a training string


def test_split_sizes_are_two_train_test_splits_of_a_tenth():
    assert split_sizes(20_000) == (16_200, 1_800, 2_000)
    assert [len(s) for s in (lambda t: (t.train, t.val, t.test))(make_task("hist"))] == [16_200, 1_800, 2_000]
    for name in ("reverse", "sort"):  # 19,530 strings exist; 100,000 draws find about 14,100 of them
        task = make_task(name)
        n = len(task.train) + len(task.val) + len(task.test)
        assert 13_900 < n < 14_300
        assert (len(task.train), len(task.val), len(task.test)) == split_sizes(n)
        assert len(task.test) == math.ceil(n / 10)


def test_input_lengths_follow_the_scripts():
    for name, lengths in (("reverse", range(1, 7)), ("sort", range(1, 7)), ("hist", range(1, 8)),
                          ("double_hist", range(1, 8)), ("most_freq", range(1, 8))):
        task = make_task(name, size=3000)
        assert {content_length(x) for x in task.train.inputs} == set(lengths)
    for name in ("dyck1", "dyck2", "dyck1_varied", "induction"):
        assert {len(x) for x in make_task(name, size=300).train.inputs} == {make_task(name, size=10).max_len}


def test_sort_freq_is_tracrs_on_sorts_strings():
    """The protocol docs/sketches.md states: sort's strings and splits, labels from Tracr's make_sort_freq
    (run by our interpreter, an implementation independent of the task's), BOS and EOS unlabelled."""
    from weightsmith import rasp
    from weightsmith.library.sorting import make_sort_freq

    task, sort = make_task("sort_freq", size=600), make_task("sort", size=600)
    assert task.train.inputs == sort.train.inputs and task.test.inputs == sort.test.inputs
    assert task.vocab == sort.vocab and task.labels == (0, 1, 2, 3, 4) and task.paper is None
    program = make_sort_freq(6)
    for xs, ys in zip(task.test.inputs, task.test.targets):
        assert xs[0] == BOS and xs[-1] == EOS and 1 <= len(xs) - 2 <= 6
        assert ys[0] is None and ys[-1] is None
        assert ys[1:-1] == rasp.evaluate(program, xs[1:-1])
    differ = sum(a != b for a, b in zip(task.train.targets, sort.train.targets))
    assert 0.5 * len(task.train) < differ < len(task.train)  # not sort: most labellings differ, not all


def _depth(xs):
    return sum(1 if c in "({" else -1 for c in xs)


def test_dyck_half_deep_nested_prefixes():
    """The authors' balanced half: 8 pairs cut to 15 symbols, so valid with exactly one bracket open at the end."""
    task = make_task("dyck2", size=2000)
    varied = make_task("dyck2_varied", size=2000)
    deep, deep_varied = ([x for x in t.train.inputs if "F" not in _dyck(x[1:]) and _depth(x[1:]) == 1]
                         for t in (task, varied))
    assert 0.45 < len(deep) / len(task.train) < 0.6  # half nested, plus a few random strings that happen to be
    assert len(deep_varied) / len(varied.train) < 0.1


def test_most_freq_scores_the_end_of_the_list():
    task = make_task("most_freq", size=500)
    assert BOS in task.labels and any(BOS in y for y in task.train.targets)
    unscored = make_task("most_freq_unscored", size=500)
    assert unscored.train.inputs == task.train.inputs and BOS not in unscored.labels
    assert task.paper is not None and unscored.paper is None and "not scored" in unscored.protocol


def test_induction_letters_keep_their_digit():
    task = make_task("induction", size=2000)
    layouts = Counter()
    for xs in task.train.inputs:
        digit_of = {}
        for letter, digit in zip(xs[1:], xs[2:]):
            if letter.isalpha():
                assert digit_of.setdefault(letter, digit) == digit
        layouts[xs[1].isdigit()] += 1
        assert xs[1].isdigit() == xs[-1].isdigit()  # a leading digit, or a final letter
    assert min(layouts.values()) > 700


@pytest.mark.parametrize("name, size", [("reverse", 19_530), ("sort", 19_530), ("dyck1", 32_768)])
def test_all_inputs_is_the_whole_space(name, size):
    space, split = all_inputs(name)
    assert len(split) == size and len({tuple(x) for x in split.inputs}) == size and space
    sampled = make_task(name)
    assert {tuple(x) for x in sampled.test.inputs} <= {tuple(x) for x in split.inputs}
    for xs, ys in list(zip(split.inputs, split.targets))[::997]:
        assert ys[1 : 1 + content_length(xs)] == _reference(name, list(_content(sampled, xs)))


def test_all_induction_inputs_contain_every_draw():
    _, split = all_inputs("induction")
    space = {tuple(x) for x in split.inputs}
    assert len(space) == len(split)
    assert {tuple(x) for x in make_task("induction", size=3000).train.inputs} <= space


def test_paper_tasks_have_paper_numbers():
    assert set(PAPER_TASKS) == {"reverse", "hist", "double_hist", "sort", "most_freq", "dyck1", "dyck2", "induction"}


def test_unknown_task_is_named():
    with pytest.raises(ValueError, match="nope"):
        make_task("nope")
    with pytest.raises(ValueError, match="nope"):
        all_inputs("nope")
