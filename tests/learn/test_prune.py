"""Pruning: accuracy-kept steps never lower accuracy on the data they saw; exact steps change no prediction."""

import dataclasses

import numpy as np
import pytest

from tests.learn.conftest import encoded, random_inputs, random_program, teacher_data, with_duplicates
from weightsmith.learn.program import MLP, SCOPES, DiscreteProgram, Head, ProgramConfig
from weightsmith.learn.prune import (
    SCALES, centre_classifier, choose_scale, drop_rows, merge_duplicates, merge_values, prune, prune_reads,
    quantise, relevant_cells, simplify,
)
from weightsmith.learn.train import Encoded


def _integer_program(seed: int, **kwargs) -> DiscreteProgram:
    return quantise(random_program(seed, **kwargs), 10)


@pytest.mark.parametrize("seed", range(6))
def test_prune_keeps_accuracy_and_shrinks(seed):
    program = random_program(seed, causal=seed % 2 == 1, predicate=("binary", "one_hot")[seed % 3 == 0])
    data = teacher_data(program, seed=seed)
    pruned, report = prune(program, [data])
    assert report.accuracy_before == data.accuracy(program)
    assert report.accuracy_after == data.accuracy(pruned)  # the report is about the returned program
    reads_pruned = prune_reads(program, [data])
    assert data.accuracy(reads_pruned) >= data.accuracy(program)
    scale, quantised_accuracy = choose_scale(reads_pruned, [data])
    assert report.scale == scale and report.accuracy_after >= quantised_accuracy
    if quantised_accuracy >= data.accuracy(reads_pruned):  # a scale kept the accuracy: nothing lost at all
        assert report.accuracy_after >= report.accuracy_before
    assert report.reads_after <= report.reads_before and report.live_modules_after <= report.live_modules_before
    assert (pruned.classifier == np.round(pruned.classifier)).all() and (pruned.bias == np.round(pruned.bias)).all()
    assert pruned.classifier.dtype == np.float64


# ----------------------------------------------------------------------------------------- quantise
@pytest.mark.parametrize("seed", range(4))
def test_choose_scale_is_the_smallest_that_keeps_accuracy(seed):
    program = random_program(seed)
    inputs = random_inputs(program, 300, seed)
    data = encoded(program, inputs, program.predict(inputs))  # the float program is 100% right
    scale, accuracy = choose_scale(program, [data])
    measured = {s: data.accuracy(quantise(program, s)) for s in SCALES}
    # An exact decimal tie between two classes (1.074 and 1.074) may fall either way in float64 but is a
    # tie after rounding at every scale: then no scale reaches 100% and the most accurate is taken.
    assert scale == min(s for s in SCALES if measured[s] >= min(1.0, max(measured.values())))
    assert accuracy == measured[scale]


def test_choose_scale_without_a_good_scale_takes_the_most_accurate():
    config = ProgramConfig(("BOS", "a"), ("x", "y"), 4, 1, 0, 0, 0)
    classifier = np.zeros((len(config.variable_names()), config.n_values, 2))
    program = DiscreteProgram(config, [[]], [[]], classifier, np.array([0.0, 1e-4]))  # always "y", barely
    data = encoded(program, [["BOS", "a"], ["BOS"]], [["y", "y"], ["y"]])
    scale, accuracy = choose_scale(program, [data])
    assert (scale, accuracy) == (1, 0.0)  # every scale rounds the margin away; ties go to the first class


def test_choose_scale_stops_at_the_first_scale_the_compiler_refuses(monkeypatch):
    import importlib

    prune_module = importlib.import_module("weightsmith.learn.prune")  # `weightsmith.learn.prune` is also a function

    program = random_program(1)
    program.classifier, program.bias = program.classifier * 0.01, program.bias * 0.01  # accuracy wants scale 1000
    inputs = random_inputs(program, 300, 1)
    data = encoded(program, inputs, program.predict(inputs))
    accuracy_of = {s: data.accuracy(quantise(program, s)) for s in SCALES}
    assert accuracy_of[50] < max(accuracy_of.values())  # the accuracy rule alone would go past 50
    largest = np.abs(quantise(program, 50).classifier).max()  # pretend the compiler refuses every larger scale
    monkeypatch.setattr(prune_module, "_classifier_compiles", lambda p: np.abs(p.classifier).max() <= largest)
    scale, accuracy = choose_scale(program, [data])
    best = max(accuracy_of[s] for s in SCALES if s <= 50)
    assert scale == min(s for s in SCALES if s <= 50 and accuracy_of[s] == best) and accuracy == best


def test_prune_takes_a_smaller_scale_when_centring_widens_the_scores_past_the_compiler(monkeypatch):
    import importlib

    prune_module = importlib.import_module("weightsmith.learn.prune")
    program = random_program(1)
    program.classifier, program.bias = program.classifier * 0.01, program.bias * 0.01
    inputs = random_inputs(program, 300, 1)
    data = encoded(program, inputs, program.predict(inputs))
    largest = np.abs(quantise(program, 50).classifier).max()
    compiles = lambda p: np.abs(p.classifier).max() <= largest  # noqa: E731 - the pretend compiler
    monkeypatch.setattr(prune_module, "_classifier_compiles", compiles)
    read = prune_reads(program, [data])
    chosen, _ = choose_scale(read, [data])
    assert not compiles(simplify(quantise(read, chosen))[0])  # centring widened the chosen scale's scores
    pruned, report = prune(program, [data])
    assert compiles(pruned) and report.scale < chosen


def test_classifier_compiles_detects_scores_too_large_for_float32():
    from weightsmith.learn.prune import _classifier_compiles

    program = random_program(0, layers=3, cat_heads=3, count_heads=2, mlps=2, max_len=5)
    assert _classifier_compiles(quantise(program, 10))
    assert not _classifier_compiles(quantise(program, 100_000))


def test_quantise_gives_integer_float64_arrays():
    q = quantise(random_program(3), 20)
    assert q.classifier.dtype == q.bias.dtype == np.float64
    assert (q.classifier == np.round(q.classifier)).all()
    assert np.array_equal(q.bias, np.round(random_program(3).bias * 20))


# ------------------------------------------------------------------------------------ exact steps
@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("causal", [False, True])
def test_merging_duplicates_is_exact_and_finds_them(seed, causal):
    program = with_duplicates(_integer_program(seed, causal=causal, layers=3, cat_heads=2, count_heads=2, mlps=2), seed)
    merged, count = merge_duplicates(program)
    inputs = random_inputs(program, 200, seed)
    assert merged.predict(inputs) == program.predict(inputs)
    live_before, live_after = program.live_variables(), merged.live_variables()
    assert count == int(live_before[2:].sum() - live_after[2:].sum()) >= 0
    assert merge_duplicates(merged)[1] == 0  # one pass reaches the fixpoint


def test_merging_finds_planted_duplicates():
    found = [merge_duplicates(with_duplicates(_integer_program(s, layers=3), s))[1] for s in range(8)]
    assert sum(found) >= 8


@pytest.mark.parametrize("key, merged", [(0, 0), (1, 1)])
def test_heads_that_differ_in_order_are_merged_only_if_order_cannot_matter(key, merged):
    program = _integer_program(0, layers=1, cat_heads=2, count_heads=0, mlps=0)
    predicate = np.eye(program.config.n_values, dtype=bool)  # one key value per query: one position if positions
    program.heads[0] = [Head("cat", 0, key, 0, predicate, "first"), Head("cat", 0, key, 0, predicate, "last")]
    assert merge_duplicates(program)[1] == merged


def test_counting_heads_that_differ_only_in_scope_are_not_duplicates():
    config = ProgramConfig(("BOS", "a"), ("x", "y"), 6, 1, 0, 2, 0, scopes=SCOPES)
    k = config.n_values
    everything = np.ones((k, k), dtype=bool)
    heads = [[Head("count", 0, 0, None, everything, scope=np.zeros((k, k), dtype=np.int64)),
              Head("count", 0, 0, None, everything, scope=np.full((k, k), SCOPES.index("after")))]]
    program = DiscreteProgram(config, heads, [[]], np.zeros((4, k, 2)), np.zeros(2))
    assert merge_duplicates(program)[1] == 0
    heads[0][1].scope[:] = 0
    assert merge_duplicates(program)[1] == 1


def test_a_dropped_duplicate_is_read_by_nobody():
    program = _integer_program(0, layers=3, cat_heads=2, count_heads=0, mlps=0)
    program.heads[1][0] = dataclasses.replace(program.heads[0][1])  # attn_1_0 (variable 4) == attn_0_1 (3)
    program.heads[2][0] = Head("cat", 4, 0, 4, np.ones_like(program.heads[0][0].predicate))  # reads attn_1_0
    merged, count = merge_duplicates(program)
    assert count == 1
    assert not merged.live_variables()[4] and not merged.reads[4] and merged.reads[3]
    assert merged.heads[2][0].query == merged.heads[2][0].value == 3
    inputs = random_inputs(program, 200)
    assert merged.predict(inputs) == program.predict(inputs)


def _blurred(program: DiscreteProgram, seed: int) -> DiscreteProgram:
    """Two output values of every MLP made alike for every reader but (sometimes) one: the classifier row,
    the rows or columns of tables, predicates and counting scopes that read it."""
    rng = np.random.default_rng(seed)
    sets = program.value_sets()
    for index, mlp in program.modules():
        if not hasattr(mlp, "table") or len(sets[index]) < 2:
            continue
        a, b = rng.choice(sets[index], size=2, replace=False)
        sides = [(program.classifier, 0)]
        for _, reader in program.modules():
            if isinstance(reader, Head):
                for array in (reader.predicate, reader.scope):  # where a match counts tells values apart too
                    sides += [(array, axis) for axis, v in enumerate((reader.query, reader.key))
                              if v == index and array is not None]
            else:
                sides += [(reader.table, axis) for axis, v in enumerate((reader.first, reader.second)) if v == index]
        keep = int(rng.integers(len(sides) + 1))  # this side still tells a from b (none if len(sides))
        for k, (array, axis) in enumerate(sides):
            if k != keep:
                view = array[index] if array is program.classifier else np.moveaxis(array, axis, 0)
                view[b] = view[a]
    return program


@pytest.mark.parametrize("seed", range(12))
def test_merge_values_is_exact(seed):
    program = _blurred(_integer_program(seed, layers=2, mlps=2, causal=seed % 2 == 1), seed)
    merged, count = merge_values(program)
    inputs = random_inputs(program, 200, seed)
    assert merged.predict(inputs) == program.predict(inputs)
    assert sum(map(len, program.value_sets())) - sum(map(len, merged.value_sets())) >= count >= 0


def test_merge_values_finds_values_nobody_tells_apart():
    assert sum(merge_values(_blurred(_integer_program(s, layers=2, mlps=2), s))[1] for s in range(12)) >= 4


def test_merge_values_keeps_values_whose_matches_count_in_different_scopes():
    config = ProgramConfig(("BOS", "a"), ("x", "y"), 6, 2, 0, 1, 1, scopes=SCOPES)
    k = config.n_values
    everything = np.ones((k, k), dtype=bool)
    scope = np.zeros((k, k), dtype=np.int64)
    scope[2] = SCOPES.index("before")  # query value 2 counts the keys before it, every other value all of them
    positions = np.repeat(np.arange(k)[:, None], k, axis=1)  # mlp_0_0 = positions
    heads = [[Head("count", 0, 0, None, ~everything)], [Head("count", 3, 3, None, everything, scope=scope)]]
    classifier = np.zeros((len(config.variable_names()), k, 2))
    classifier[4, :, 1] = np.arange(k) % 2  # the count's parity
    program = DiscreteProgram(config, heads, [[MLP(1, 1, positions)], [MLP(0, 0, positions)]], classifier,
                              np.zeros(2), np.arange(len(classifier)) == 4)
    merged, _ = merge_values(program)
    inputs = [["BOS"] + ["a"] * n for n in range(6)]
    assert merged.predict(inputs) == program.predict(inputs)
    assert len(merged.value_sets()[3]) == 2 and 2 in merged.value_sets()[3]  # 2 against all the others


def test_merge_values_merges_what_only_the_classifier_reads():
    program = _integer_program(1, layers=1, cat_heads=0, count_heads=0, mlps=1)
    program.mlps[0][0].table[:] = np.arange(program.config.n_values)[:, None]  # mlp_0_0 = first input
    program.mlps[0][0].first = program.mlps[0][0].second = 1  # positions
    program.classifier[2, :] = 0
    program.classifier[2, 3] = [1, 2, 3]  # only position 3 differs from the others
    merged, count = merge_values(program)
    assert count == program.config.max_len - 2
    assert merged.value_sets()[2] == sorted({int(merged.mlps[0][0].table[0, 0]), 3})


@pytest.mark.parametrize("seed", range(4))
def test_centring_is_exact_zeroes_a_row_and_folds_constants(seed):
    program = _integer_program(seed)
    program.classifier[3] = program.classifier[3, 0]  # variable 3: the same row for every value
    centred, folded = centre_classifier(program)
    inputs = random_inputs(program, 200, seed)
    assert centred.predict(inputs) == program.predict(inputs)
    assert not centred.reads[3] and folded >= 1
    sets = program.value_sets()
    for v in np.flatnonzero(centred.reads):  # the commonest row is now zero
        assert (centred.classifier[v, sets[v]] == 0).all(1).any()


def test_simplify_needs_integer_weights():
    with pytest.raises(ValueError, match=r"quantise first\): classifier\[0, 0, 0\] \(variable 'tokens'\)"):
        simplify(random_program(0))


@pytest.mark.parametrize("seed", range(4))
def test_simplify_is_exact_on_random_programs(seed):
    program = with_duplicates(_integer_program(seed, causal=seed % 2 == 0, predicate=("binary", "one_hot")[seed // 2],
                                               layers=3), seed)
    simple, *_ = simplify(program)
    inputs = random_inputs(program, 300, seed)
    assert simple.predict(inputs) == program.predict(inputs)
    assert simplify(simple)[1:] == (0, 0, 0)


def test_simplify_is_exact_on_the_tiny_trained_model(tiny_trained):
    program, task = tiny_trained
    quantised = quantise(program, 10)
    simple, *_ = simplify(quantised)
    assert simple.predict(task.test.inputs) == quantised.predict(task.test.inputs)


def test_prune_on_the_tiny_trained_model(tiny_trained):
    program, task = tiny_trained
    data = [Encoded.of(program.config, s.inputs, s.targets) for s in (task.train, task.val)]
    pruned, report = prune(program, data)
    reads_pruned = prune_reads(program, data)
    _, quantised_accuracy = choose_scale(reads_pruned, data)
    assert report.accuracy_after >= min(report.accuracy_before, quantised_accuracy)
    assert report.live_modules_after <= report.live_modules_before


# -------------------------------------------------------------------------------- accuracy-kept rows
@pytest.mark.parametrize("seed", range(4))
def test_drop_rows_keeps_accuracy_and_drops(seed):
    program = _integer_program(seed, predicate="one_hot")
    data = teacher_data(program, seed=seed)
    reference = data.accuracy(program)
    sparse, dropped = drop_rows(program, [data], reference)
    assert data.accuracy(sparse) >= reference
    assert dropped == int((program.classifier != sparse.classifier).any(-1).sum()) > 0
    assert (sparse.classifier[(program.classifier != sparse.classifier).any(-1)] == 0).all()


# ------------------------------------------------------------------------------------ relevant cells
@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("causal", [False, True])
def test_irrelevant_predicate_cells_change_nothing(seed, causal):
    program = random_program(seed, causal=causal, layers=2)
    rng = np.random.default_rng(seed)
    sets = program.value_sets()
    changed = dataclasses.replace(program, heads=[[dataclasses.replace(h, predicate=h.predicate.copy()) for h in layer]
                                                  for layer in program.heads])
    touched = 0
    for layer in changed.heads:
        for head in layer:
            qs, ks = sets[head.query], sets[head.key]
            irrelevant = ~relevant_cells(head, sets, causal)
            cells = head.predicate[np.ix_(qs, ks)]
            cells[irrelevant] = rng.random(int(irrelevant.sum())) < 0.5
            head.predicate[np.ix_(qs, ks)] = cells
            touched += int(irrelevant.sum())
    inputs = random_inputs(program, 300, seed)
    assert changed.predict(inputs) == program.predict(inputs)
    assert touched > 0 or not any(h.key == 1 for layer in program.heads for h in layer)
