"""The discrete program's semantics, on a hand-written induction circuit and on edge cases."""

import numpy as np
import pytest

from tests.learn.conftest import random_inputs, random_program
from weightsmith.learn.program import SCOPES, MLP, DiscreteProgram, Head, ProgramConfig, encode_inputs, tie_break_rank
from weightsmith.learn.to_python import decompile_to_python, load_module
from weightsmith.learn.to_transformer import compile_program, predict
from weightsmith.learn.train import Encoded
from weightsmith.tasks.algorithmic import make_task


def _induction_program() -> DiscreteProgram:
    task = make_task("induction", size=300)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 2, 1, 0, 0, True)
    k = config.n_values
    previous = np.zeros((k, k), dtype=bool)
    previous[np.arange(1, k), np.arange(k - 1)] = True  # query position i matches key position i - 1
    same = np.eye(k, dtype=bool)
    heads = [[Head("cat", 1, 1, 0, previous)], [Head("cat", 0, 2, 0, same)]]
    classifier = np.zeros((4, k, len(config.classes)))
    for slot, token in enumerate(task.vocab):  # read attn_1_0: a digit -> that digit, BOS -> unk
        classifier[3, slot, config.classes.index(token if token in config.classes else "unk")] = 1.0
    return DiscreteProgram(config, heads, [[], []], classifier, np.zeros(len(config.classes))), task


def test_hand_written_induction_circuit_is_exact():
    program, task = _induction_program()
    for xs, ys in zip(task.test.inputs, task.test.targets):
        got = program.predict([xs])[0]
        assert all(y is None or g == y for g, y in zip(got, ys)), (xs, got, ys)


def test_tie_break_prefers_nearest_then_left():
    rank = tie_break_rank(5)
    assert list(np.argsort(rank[2])) == [2, 1, 3, 0, 4]
    assert all(sorted(row) == sorted(set(row)) for row in rank.tolist())  # no ties


def test_closest_match_and_bos_fallback():
    config = ProgramConfig(("BOS", "a", "b"), ("BOS", "a", "b", "p"), 6, 1, 1, 0, 0)
    k = config.n_values
    matrix = np.zeros((k, k), dtype=bool)
    matrix[:, 1] = True  # every query looks for an "a"
    classifier = np.zeros((3, k, 4))
    classifier[2, np.arange(3), np.arange(3)] = 1.0
    program = DiscreteProgram(config, [[Head("cat", 1, 0, 1, matrix)]], [[]], classifier, np.zeros(4))
    # values: positions of the chosen key; read through the classifier as tokens is not needed:
    ids, lengths = np.array([[0, 1, 2, 2, 1, 2]]), np.array([6])
    chosen = program.variables(ids, lengths)[2][0].tolist()
    assert chosen == [1, 1, 1, 4, 4, 4]  # position 2: 1 and ... nearest "a" is 1 (distance 1) vs 4 (2)
    no_a = program.variables(np.array([[0, 2, 2, 0, 0, 0]]), np.array([3]))[2][0, :3].tolist()
    assert no_a == [0, 0, 0]  # nothing matches: BOS (position 0)


@pytest.mark.parametrize("order, expected", [("first", [1, 1, 1, 1, 1, 1]), ("last", [4, 4, 4, 4, 4, 4])])
def test_first_and_last_orders_read_the_leftmost_and_rightmost_match(order, expected):
    config = ProgramConfig(("BOS", "a", "b"), ("x",), 6, 1, 1, 0, 0, orders=("closest", order))
    k = config.n_values
    matrix = np.zeros((k, k), dtype=bool)
    matrix[:, 1] = True  # every query looks for an "a"
    head = Head("cat", 1, 0, 1, matrix, order)
    program = DiscreteProgram(config, [[head]], [[]], np.zeros((3, k, 1)), np.zeros(1))
    assert program.variables(np.array([[0, 1, 2, 2, 1, 2]]), np.array([6]))[2][0].tolist() == expected


def test_orders_are_checked():
    with pytest.raises(ValueError, match="orders"):
        ProgramConfig(("BOS", "a"), ("x",), 4, 1, 1, 0, 0, orders=("nearest",))


def test_count_includes_bos_and_respects_causality():
    for causal in (False, True):
        config = ProgramConfig(("BOS", "a"), (0, 1), 4, 1, 0, 1, 0, causal)
        k = config.n_values
        matrix = np.ones((k, k), dtype=bool)
        program = DiscreteProgram(config, [[Head("count", 0, 0, None, matrix)]], [[]], np.zeros((3, k, 2)), np.zeros(2))
        counts = program.variables(np.array([[0, 1, 1, 0]]), np.array([3]))[2][0, :3].tolist()
        assert counts == ([1, 2, 3] if causal else [3, 3, 3])


@pytest.mark.parametrize("scope, expected", [("all", [3, 3, 3]), ("before", [0, 1, 2]), ("after", [2, 1, 0])])
def test_count_scope_counts_keys_before_or_after_the_query(scope, expected):
    for causal in (False, True):
        config = ProgramConfig(("BOS", "a"), (0, 1), 4, 1, 0, 1, 0, causal, scopes=(scope,))
        k = config.n_values
        head = Head("count", 0, 0, None, np.ones((k, k), dtype=bool), scope=np.full((k, k), SCOPES.index(scope)))
        program = DiscreteProgram(config, [[head]], [[]], np.zeros((3, k, 2)), np.zeros(2))
        counts = program.variables(np.array([[0, 1, 1, 0]]), np.array([3]))[2][0, :3].tolist()
        assert counts == ([[1, 2, 3], [0, 1, 2], [0, 0, 0]][SCOPES.index(scope)] if causal else expected)


def test_count_scope_is_per_predicate_cell():
    """"Keys smaller than mine anywhere, or equal to mine and before me": the rank of each position."""
    config = ProgramConfig(("BOS", "a", "b"), (0, 1), 6, 1, 0, 1, 0, scopes=("all", "before"))
    k = config.n_values
    q, r = np.arange(k)[:, None], np.arange(k)[None, :]
    head = Head("count", 0, 0, None, (r <= q) & (r > 0), scope=np.where(r == q, SCOPES.index("before"), 0))
    program = DiscreteProgram(config, [[head]], [[]], np.zeros((3, k, 2)), np.zeros(2))
    ids = np.array([[0, 2, 1, 2, 1, 1]])  # BOS b a b a a
    assert program.variables(ids, np.array([6]))[2][0].tolist() == [0, 3, 0, 4, 1, 2]


def test_scopes_are_checked():
    with pytest.raises(ValueError, match="scopes"):
        ProgramConfig(("BOS", "a"), ("x",), 4, 1, 1, 0, 0, scopes=("left",))


def test_with_module_replaces_one_module_in_a_copy():
    program = random_program(5)
    modules = program.modules()
    for index, (_, module) in enumerate(modules):
        other = modules[(index + 1) % len(modules)][1]
        expected = [other if i == index else m for i, (_, m) in enumerate(modules)]
        assert all(a is b for (_, a), b in zip(program.with_module(index, other).modules(), expected, strict=True))
        assert all(a is b for (_, a), (_, b) in zip(program.modules(), modules, strict=True))  # the original stays


def test_with_classes_adds_zero_scored_classes_and_keeps_the_others():
    program = random_program(4)
    inputs = random_inputs(program, 100)
    wider = program.with_classes(("new", "yes", "no", 1))
    ids = encode_inputs(program.config, inputs)
    before, after = program.scores(*ids), wider.scores(*ids)
    assert np.array_equal(after[..., 0], np.zeros(before.shape[:-1]))
    assert np.array_equal(after[..., [2, 3, 1]], before)
    assert program.config.classes == ("no", 1, "yes")  # the original stays
    with pytest.raises(ValueError, match="'yes'"):
        program.with_classes(("no", 1))


def test_save_load_roundtrip(tmp_path):
    program = random_program(3, causal=True)
    program.reads[2] = False
    program.save(tmp_path)
    loaded = DiscreteProgram.load(tmp_path)
    inputs = random_inputs(program, 200)
    assert loaded.predict(inputs) == program.predict(inputs)
    assert loaded.config == program.config and (loaded.reads == program.reads).all()
    assert not list(tmp_path.glob("*.pkl")) and not list(tmp_path.glob("*.pt"))


def test_load_rejects_foreign_folder(tmp_path):
    (tmp_path / "program.json").write_text('{"format": "something else"}')
    (tmp_path / "program.safetensors").write_bytes(b"")
    with pytest.raises(ValueError, match=str(tmp_path)):
        DiscreteProgram.load(tmp_path)


def test_bad_input_is_named():
    program = random_program(0)
    with pytest.raises(ValueError, match="'zzz'"):
        program.predict([["BOS", "zzz"]])
    with pytest.raises(ValueError, match="length 9"):
        program.predict([["BOS"] * 9])


def test_value_sets_are_sound():
    for seed in range(5):
        program = random_program(seed, causal=bool(seed % 2))
        inputs = random_inputs(program, 300, seed)
        from weightsmith.learn.program import encode_inputs

        ids, lengths = encode_inputs(program.config, inputs)
        sets = program.value_sets()
        valid = np.arange(ids.shape[1])[None] < lengths[:, None]
        for v, values in enumerate(program.variables(ids, lengths)):
            assert set(values[valid].tolist()) <= set(sets[v])


def _most_freq_program():
    """A hand-written most-freq program.
    L0: first occurrence of my token (first match), my token's count, is_first = (first == position),
    key = the (count, earlier first occurrence) order as one value (28 pairs: needs values >= 28);
    L1: rank = how many first occurrences have a larger key; L2: position p reads the token ranked p - 1."""
    task = make_task("most_freq", size=2000)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 3, 1, 1, 2, False, "mixed", ("first",), 32, True)
    k, v = config.n_values, len(task.vocab)
    same_token = np.zeros((k, k), dtype=bool)
    same_token[:v, :v] = np.eye(v, dtype=bool)
    pairs = sorted(((c, f) for c in range(1, 8) for f in range(1, 8) if c + f <= 8), key=lambda p: (p[0], -p[1]))
    key = np.zeros((k, k), dtype=np.int64)  # [count, first position] -> 1 + place in the order (0: impossible)
    for place, (c, f) in enumerate(pairs):
        key[c, f] = place + 1
    nothing = np.zeros((k, k), dtype=bool)
    q, r = np.arange(k)[:, None], np.arange(k)[None, :]
    heads = [
        [Head("cat", 0, 0, 1, same_token, "first"), Head("count", 0, 0, None, same_token)],  # vars 2, 3
        [Head("cat", 0, 0, 0, nothing, "first"), Head("count", 5, 5, 4, r > q, where=np.arange(k) == 1)],  # 6, 7
        [Head("cat", 1, 7, 0, r == q - 1, "first"), Head("count", 0, 0, None, nothing)],  # vars 10, 11
    ]
    is_first = (q == r).astype(np.int64)
    zero = np.zeros((k, k), dtype=np.int64)
    mlps = [[MLP(2, 1, is_first), MLP(3, 2, key)], [MLP(0, 0, zero)] * 2, [MLP(0, 0, zero)] * 2]  # vars 4, 5
    classifier = np.zeros((len(config.variable_names()), k, len(config.classes)))
    for c, label in enumerate(config.classes):
        classifier[10, task.vocab.index(label), c] = 1.0
    reads = np.arange(len(classifier)) == 10
    return DiscreteProgram(config, heads, mlps, classifier, np.zeros(len(config.classes)), reads), task


def test_most_freq_is_expressible_in_three_layers_with_wide_variables_and_counting_sets():
    """What training must find for most-freq exists (docs/transformer-programs.md): the counting head that counts
    only first occurrences, over a key of 28 values, is what makes it exact."""
    program, task = _most_freq_program()
    for split in (task.train, task.test):
        assert Encoded.of(program.config, split.inputs, split.targets).accuracy(program) == 1.0
    assert predict(compile_program(program), task.test.inputs) == program.predict(task.test.inputs)


def _most_freq_by_scopes_program():
    """A hand-written most-freq program over 9-valued variables, with counting scopes.
    L0: count = how often my token occurs; earlier = how often it occurred before me (0: I am its first
    occurrence); key = count at a first occurrence, else 0. L1: rank = how many first occurrences have a
    larger key, or the same key and come before me (unique among first occurrences); key 0 counts every
    position, so no position asks for the rank of a repeat. L2: position p reads the token ranked p - 1,
    BOS when no token has that rank (the end of the list)."""
    task = make_task("most_freq", size=2000)
    config = ProgramConfig(task.vocab, task.labels, task.max_len, 3, 1, 2, 1, False, "mixed", scopes=("all", "before"))
    k, v = config.n_values, len(task.vocab)
    same_token = np.zeros((k, k), dtype=bool)
    same_token[1:v, 1:v] = np.eye(v - 1, dtype=bool)  # BOS counts 0: no content token's count
    q, r = np.arange(k)[:, None], np.arange(k)[None, :]
    nothing = np.zeros((k, k), dtype=bool)
    before, everywhere = np.full((k, k), SCOPES.index("before")), np.zeros((k, k), dtype=np.int64)
    above_or_tied_before = (r > q) | (q == 0) | ((r == q) & (q > 0))
    heads = [
        [Head("cat", 0, 0, 0, nothing), Head("count", 0, 0, None, same_token, scope=everywhere),
         Head("count", 0, 0, None, same_token, scope=before)],  # vars 2, 3, 4
        [Head("cat", 0, 0, 0, nothing),
         Head("count", 5, 5, None, above_or_tied_before, scope=np.where((r == q) & (q > 0), before, 0)),
         Head("count", 0, 0, None, nothing)],  # vars 6, 7, 8
        [Head("cat", 1, 7, 0, r == q - 1), Head("count", 0, 0, None, nothing), Head("count", 0, 0, None, nothing)],
    ]
    key = np.where(r == 0, q, 0)  # [count, earlier]
    nothing_out = np.zeros((k, k), dtype=np.int64)
    mlps = [[MLP(3, 4, key)], [MLP(0, 0, nothing_out)], [MLP(0, 0, nothing_out)]]  # vars 5, 9, 13
    classifier = np.zeros((len(config.variable_names()), k, len(config.classes)))
    for c, label in enumerate(config.classes):
        classifier[10, task.vocab.index(label), c] = 1.0
    reads = np.arange(len(classifier)) == 10
    return DiscreteProgram(config, heads, mlps, classifier, np.zeros(len(config.classes)), reads), task


def test_most_freq_is_expressible_in_three_layers_of_9_values_with_counting_scopes(tmp_path):
    """No 28-valued key and no counting sets: a match that counts only before the query breaks the ties."""
    program, task = _most_freq_by_scopes_program()
    for split in (task.train, task.test):
        assert Encoded.of(program.config, split.inputs, split.targets).accuracy(program) == 1.0
    assert predict(compile_program(program), task.test.inputs) == program.predict(task.test.inputs)
    module = load_module(decompile_to_python(program, tmp_path / "most_freq.py", "most_freq"))
    assert [module.run(x) for x in task.test.inputs] == program.predict(task.test.inputs)


def test_an_input_without_bos_is_refused():
    # The program reads position 0 as BOS (attention falls back to it); an input without it was answered,
    # shifted one place, where the decompiled Python and the compiled model would differ from the task.
    config = ProgramConfig(("<s>", "a", "b"), (0, 1), 3, 1, 1, 1, 1)
    with pytest.raises(ValueError, match="input 0 starts with 'a', not the BOS token '<s>'"):
        encode_inputs(config, [["a", "b"]])


def test_configs_with_repeated_tokens_or_labels_or_no_labels_are_refused():
    with pytest.raises(ValueError, match="vocab holds 'a' twice"):
        ProgramConfig(("<s>", "a", "a"), (0, 1), 3, 1, 1, 1, 1)  # 'a' was encoded as index 2, never 1
    with pytest.raises(ValueError, match="classes holds 0 twice"):
        ProgramConfig(("<s>", "a"), (0, 0, 1), 3, 1, 1, 1, 1)
    with pytest.raises(ValueError, match="classes is empty"):
        ProgramConfig(("<s>", "a"), (), 3, 1, 1, 1, 1)
    with pytest.raises(ValueError, match="max_len must be >= 1"):
        ProgramConfig(("<s>", "a"), (0,), 0, 1, 1, 1, 1)
    assert ProgramConfig(("<s>", 1, True), (1, 1.5), 3, 1, 1, 1, 1).vocab == ("<s>", 1, True)  # True is not 1


def _tampered(tmp_path, edit_meta=None, edit_tensors=None):
    import json

    from safetensors.numpy import load_file, save_file

    program = random_program(5, causal=True)
    for head in program.heads[0][2:]:  # a counting head with a value: its `where` set is saved
        head.value, head.where = 0, np.ones(program.config.n_values, dtype=bool)
        head.scope = np.zeros((program.config.n_values,) * 2, dtype=np.int64)
    program.save(tmp_path)
    meta = json.loads((tmp_path / "program.json").read_text())
    tensors = load_file(str(tmp_path / "program.safetensors"))
    if edit_meta:
        edit_meta(meta)
    if edit_tensors:
        edit_tensors(tensors)
    (tmp_path / "program.json").write_text(json.dumps(meta))
    save_file(tensors, str(tmp_path / "program.safetensors"))
    return tmp_path


def _set(tensors, name, index, value):
    tensors[name] = tensors[name].copy()
    tensors[name][index] = value


TAMPERINGS = {  # a damaged or hand-edited file: each loaded before (a silent change, or a bare KeyError/IndexError)
    "causal is text": ({"config": {"causal": "yes"}}, None, "causal"),  # truthy: predictions changed without a word
    "a head of no kind": ({"head": {"kind": "foo"}}, None, "kind"),  # read as a categorical head
    "a variable out of range": ({"head": {"query": 99}}, None, "query"),  # IndexError
    "a value variable negative": ({"head": {"value": -1}}, None, "value"),  # read the last variable
    "a layer missing": ({"config": {"layers": 3}}, None, "layers"),  # IndexError
    "an MLP input out of range": ({"mlp": {"first": 99}}, None, "first"),
    "max_len a float": ({"config": {"max_len": 6.5}}, None, "max_len"),
    "no layers": ({"drop": "layers"}, None, "layers"),  # KeyError
    "a table slot out of range": (None, ("layer0.mlp0.table", (0, 0), 50), "layer0.mlp0.table"),
    "a negative table slot": (None, ("layer0.mlp0.table", (0, 0), -3), "layer0.mlp0.table"),
    "a NaN weight": (None, ("classifier", (0, 0, 0), np.nan), "classifier"),
    "a predicate cell of 2": (None, ("layer0.head0.predicate", (0, 0), 2), "layer0.head0.predicate"),
    "a scope out of range": (None, ("layer0.head2.scope", (0, 0), 7), "layer0.head2.scope"),
    "a tensor missing": (None, ("drop", "layer0.head2.where", None), "layer0.head2.where"),
    "a tensor of the wrong shape": (None, ("reshape", "bias", None), "bias"),
}


@pytest.mark.parametrize("case", TAMPERINGS)
def test_a_damaged_program_folder_is_refused_naming_what_is_wrong(tmp_path, case):
    meta_edit, tensor_edit, named = TAMPERINGS[case]

    def edit_meta(meta):
        if not meta_edit:
            return
        meta["config"].update(meta_edit.get("config", {}))
        meta["layers"][0]["heads"][0].update(meta_edit.get("head", {}))
        meta["layers"][0]["mlps"][0].update(meta_edit.get("mlp", {}))
        if "drop" in meta_edit:
            del meta[meta_edit["drop"]]

    def edit_tensors(tensors):
        if not tensor_edit:
            return
        name, index, value = tensor_edit
        if name == "drop":
            del tensors[index]
        elif name == "reshape":
            tensors[index] = np.concatenate([tensors[index], tensors[index]])
        else:
            _set(tensors, name, index, value)

    folder = _tampered(tmp_path, edit_meta, edit_tensors)
    with pytest.raises(ValueError, match=named) as err:
        DiscreteProgram.load(folder)
    assert str(folder) in str(err.value)


def test_every_stored_program_loads_under_the_checks():
    from pathlib import Path

    stored = sorted((Path(__file__).resolve().parents[2] / "benchmarks" / "results" / "programs").glob("**/program.json"))
    assert stored
    for path in stored:
        DiscreteProgram.load(path.parent)
