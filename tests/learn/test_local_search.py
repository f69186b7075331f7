"""Local search: an edit's gain, computed on the examples it can change, is the gain on the whole set (single
and compound edits); the search repairs a broken cell and finds a missing counting filter; it never makes
training accuracy worse, and validation decides."""

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from tests.learn.conftest import encoded, random_inputs, random_program, teacher_data
from weightsmith.learn.local_search import _Climber, _fresh_filter, local_search
from weightsmith.learn.program import MLP, SCOPES, DiscreteProgram, Head, ProgramConfig
from weightsmith.learn.to_python import decompile_to_python, load_module
from weightsmith.learn.to_transformer import compile_program, predict
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


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10_000), causal=st.booleans(), predicate=st.sampled_from(["binary", "one_hot", "mixed"]))
def test_an_accepted_edit_leaves_the_climber_as_if_started_on_the_edited_program(seed, causal, predicate):
    """`accept` updates the variables and correct positions only on the examples the edit can change;
    they must equal those computed from scratch on the edited program (a full `refresh` instead of the
    update passes too; updating every example but `rows` fails). An edit that does not gain is refused
    and changes nothing."""
    program = random_program(seed, causal=causal, predicate=predicate)
    data = teacher_data(program, 120, seed)
    climber = _Climber(program, data)
    rng = np.random.default_rng(seed)
    for index in rng.permutation(len(climber.modules))[:3]:
        for edit, rows in list(climber.edits(int(index))):
            edited = edit(climber.modules[index][1])
            if edited is None:
                continue
            gain = climber.gain(int(index), edited, rows)
            before = climber.program
            assert climber.accept({int(index): edited}, rows) == (gain > 0)
            if gain <= 0:
                assert climber.program is before
                continue
            fresh = _Climber(climber.program, data)
            np.testing.assert_array_equal(climber.correct, fresh.correct)
            for mine, theirs in zip(climber.values, fresh.values):  # padding positions hold meaningless slots
                np.testing.assert_array_equal(mine[climber.valid], theirs[fresh.valid])
            break


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 10_000), causal=st.booleans())
def test_a_compound_edits_gain_is_its_gain_on_every_example(seed, causal):
    """Two single edits to different modules at once: `compound_gain` on every example equals the gain
    recomputed from scratch (the fresh-filter compounds: the next test)."""
    program = random_program(seed, causal=causal, predicate="mixed")
    data = teacher_data(program, 120, seed)
    climber = _Climber(program, data)
    rng = np.random.default_rng(seed)
    compounds = []
    for i, j in rng.choice(len(climber.modules), size=(4, 2)):
        if i != j:
            edits = [e(climber.modules[m][1]) for m in (i, j) for e, _ in [list(climber.edits(m))[0]]]
            if all(e is not None for e in edits):
                compounds.append(dict(zip((int(i), int(j)), edits)))
    _check_compound_gains(climber, compounds)


def _check_compound_gains(climber: _Climber, compounds: list[dict]) -> None:
    program, data = climber.program, climber.data
    before = _correct(program, data).sum()
    for changes in compounds:
        edited = program
        for index, module in changes.items():
            edited = edited.with_module(index, module)
        everywhere = np.ones(len(data.ids), dtype=bool)
        assert climber.compound_gain(changes, everywhere) == _correct(edited, data).sum() - before


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


def test_the_search_keeps_its_reserve_free():
    """With the whole budget reserved (for the refit after the last sweep), no sweep starts."""
    program, train, val = _hist_program()
    kept, report = local_search(program, train, val, seconds=20, reserve=20)
    assert kept is program and report.sweeps == 0 and report.seconds < 5


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


def _most_freq_without_filter() -> tuple[DiscreteProgram, Encoded, Encoded]:
    """Most-freq by hand, one piece missing: layer 0 counts each token (var 3) and has a spare counting head
    (var 4, counting nothing, read by no module); layer 1 ranks positions by count, ties by position
    (var 7: how many positions hold a larger count, or the same count before me); layer 2 reads, at
    position p, the token ranked p - 1 (var 10). Ranking *positions* repeats a token once per occurrence:
    the rank must count only first occurrences, a filter on a variable the program does not have yet."""
    task = make_task("most_freq", size=2000)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 3, 1, 2, 1, False, "mixed", scopes=("all", "before"))
    k, v = config.n_values, len(task.vocab)
    same_token = np.zeros((k, k), dtype=bool)
    same_token[1:v, 1:v] = np.eye(v - 1, dtype=bool)
    q, r = np.arange(k)[:, None], np.arange(k)[None, :]
    nothing, everywhere = np.zeros((k, k), dtype=bool), np.zeros((k, k), dtype=np.int64)
    heads = [
        [Head("cat", 0, 0, 0, nothing), Head("count", 0, 0, None, same_token, scope=everywhere),
         Head("count", 0, 0, None, nothing, scope=everywhere)],  # vars 2, 3, 4
        [Head("cat", 0, 0, 0, nothing),
         Head("count", 3, 3, None, r >= q, scope=np.where(r == q, SCOPES.index("before"), 0)),
         Head("count", 0, 0, None, nothing, scope=everywhere)],  # vars 6, 7, 8
        [Head("cat", 1, 7, 0, r == q - 1), Head("count", 0, 0, None, nothing, scope=everywhere),
         Head("count", 0, 0, None, nothing, scope=everywhere)],  # vars 10, 11, 12
    ]
    mlps = [[MLP(0, 0, np.zeros((k, k), dtype=np.int64))] for _ in range(3)]  # vars 5, 9, 13
    classifier = np.zeros((len(config.variable_names()), k, len(config.classes)))
    for c, label in enumerate(config.classes):
        classifier[10, task.vocab.index(label), c] = 1.0
    reads = np.arange(len(classifier)) == 10
    program = DiscreteProgram(config, heads, mlps, classifier, np.zeros(len(config.classes)), reads)
    train, val = (Encoded.of(config, s.inputs, s.targets) for s in (task.train, task.val))
    return program, train, val


def test_a_fresh_filter_makes_the_rank_count_first_occurrences_only(tmp_path):
    program, train, _ = _most_freq_without_filter()
    climber = _Climber(program, train)
    before = train.accuracy(program)
    assert _fresh_filter(climber, np.ones(len(train.ids), dtype=bool), lambda: False) == 1
    spare, rank = climber.program.heads[0][2], climber.program.heads[1][1]
    # the spare head now counts my token's earlier occurrences; the rank counts where that count is 0
    assert (spare.query, spare.key) == (0, 0) and (spare.scope == SCOPES.index("before")).all()
    assert rank.value == 4 and np.flatnonzero(rank.where).tolist() == [0]
    assert before < 0.8 < 0.9 < train.accuracy(climber.program)
    # a filter on a program configured without counting sets decompiles and compiles exactly
    filtered, inputs = climber.program, make_task("most_freq", size=2000).test.inputs
    assert not filtered.config.count_where
    module = load_module(decompile_to_python(filtered, tmp_path / "most_freq.py", "most_freq"))
    assert [module.run(x) for x in inputs] == filtered.predict(inputs)
    assert predict(compile_program(filtered), inputs) == filtered.predict(inputs)


def test_every_fresh_filter_compounds_gain_is_its_gain_on_every_example():
    program, train, _ = _most_freq_without_filter()
    data = Encoded(train.ids[:300], train.lengths[:300], train.targets[:300])
    climber = _Climber(program, data)
    compounds = [climber.repair(changes, readers, np.arange(150)) for changes, readers in climber.fresh_filters()]
    assert len(compounds) >= 10
    _check_compound_gains(climber, compounds)
