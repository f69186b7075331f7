"""Decompiled Python == the discrete program, on every example; the module stands alone and is compact."""

import ast
import dataclasses

import numpy as np
import pytest

from tests.learn.conftest import random_inputs, random_program, with_duplicates
from weightsmith.learn.program import DiscreteProgram, Head, ProgramConfig
from weightsmith.learn.prune import prune, quantise, simplify
from weightsmith.learn.to_python import decompile_to_python, load_module, python_source
from weightsmith.learn.train import Encoded


def _check(program: DiscreteProgram, path, seed: int = 0, n: int = 300):
    module = load_module(decompile_to_python(program, path))
    inputs = random_inputs(program, n, seed)
    assert [module.run(x) for x in inputs] == program.predict(inputs)
    return module


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("predicate", ["binary", "one_hot"])
def test_random_programs_decompile_exactly(tmp_path, seed, causal, predicate):
    program = random_program(seed, causal=causal, predicate=predicate)
    if seed % 3 == 0:
        program.reads[[0, 3]] = False  # some variables unread: dead modules are left out
    _check(program, tmp_path / f"p{seed}.py", seed)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("causal", [False, True])
def test_simplified_programs_decompile_exactly(tmp_path, seed, causal):
    """Integer weights, merged modules and values, centred rows, shared patterns: still exact."""
    program = with_duplicates(quantise(random_program(seed, causal=causal, predicate=("binary", "one_hot")[seed % 2],
                                                      layers=3), 10), seed)
    simple, *_ = simplify(program)
    _check(simple, tmp_path / f"s{seed}.py", seed)
    _check(program, tmp_path / f"q{seed}.py", seed)


def test_module_imports_nothing(tmp_path):
    path = decompile_to_python(random_program(1), tmp_path / "p.py")
    tree = ast.parse(path.read_text())
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert {"run", "attn_0_0_pattern", "num_attn_0_0_pattern"} <= names


def test_module_rejects_unknown_tokens(tmp_path):
    module = load_module(decompile_to_python(random_program(2), tmp_path / "p.py"))
    with pytest.raises(ValueError, match="'q'"):
        module.run(["BOS", "q"])


def test_module_rejects_an_input_without_bos(tmp_path):
    # "tokens[0] is normally 'BOS'": run(['a', 'b']) read 'a' as BOS and answered, where the program's
    # predict (and so the compiled model) refuses the input
    program = random_program(2)
    module = load_module(decompile_to_python(program, tmp_path / "p.py"))
    first = program.config.vocab[1]
    with pytest.raises(ValueError, match=rf"^tokens\[0\] is {first!r}, not the BOS token 'BOS'"):
        module.run([first, first])
    with pytest.raises(ValueError, match="not the BOS token"):
        program.predict([[first, first]])


def test_tiny_trained_model_decompiles_exactly(tmp_path, tiny_trained):
    program, task = tiny_trained
    data = [Encoded.of(program.config, s.inputs, s.targets) for s in (task.train, task.val)]
    pruned, _ = prune(program, data)
    for name, p in (("tiny", program), ("pruned", pruned)):
        module = load_module(decompile_to_python(p, tmp_path / f"{name}.py", task.name))
        assert [module.run(x) for x in task.test.inputs] == p.predict(task.test.inputs), name
    assert len(python_source(pruned).splitlines()) < len(python_source(program).splitlines())


# ------------------------------------------------------------------------------------- the classifier
def test_classifier_is_ints_without_zero_rows(tmp_path):
    program, *_ = simplify(quantise(random_program(4), 10))
    program.classifier[2, 1] = [0, 7, 0]  # a row that is partly zero is listed
    module = _check(program, tmp_path / "c.py", 4)
    assert module.classifier_weights["attn_0_0_outputs"][0] == (0, 7, 0)  # slot 1 of tokens: 0
    rows = [row for weights in module.classifier_weights.values() for row in weights.values()]
    assert rows and all(type(w) is int for row in rows for w in row) and all(any(row) for row in rows)
    assert all(type(b) is int for b in module.classifier_bias)
    sets = program.value_sets()
    listed = sum(len(w) for w in module.classifier_weights.values())
    assert listed == sum(int(program.classifier[v, sets[v]].any(-1).sum()) for v in np.flatnonzero(program.reads))
    assert max(map(len, python_source(program).splitlines())) <= 120


def test_float_weights_stay_exact(tmp_path):
    program = random_program(5)
    program.classifier[2, :3] = [[1.0, 2.0, 3.0], [0.1, 0.2, 0.3], [1e-17, 1.0, -0.0]]  # ints, floats, tiny
    _check(program, tmp_path / "f.py", 5)
    big = quantise(random_program(5), 2.0**50)  # integers whose sums float64 rounds: printed as floats
    _check(big, tmp_path / "b.py", 5)


# ------------------------------------------------------------------------------------------ patterns
def _one_head_program(head: Head, *, causal: bool = False, vocab=("BOS", 0, 1, 2, "x")) -> DiscreteProgram:
    """One head in one layer, the classifier reading its output (categorical) or count."""
    config = ProgramConfig(vocab, ("a", "b", "c"), 6, 1, int(head.kind == "cat"), int(head.kind == "count"), 0, causal,
                           "binary", ("closest", "first", "last"))
    rng = np.random.default_rng(0)
    classifier = np.round(rng.normal(size=(3, config.n_values, 3)) * 10)
    reads = np.array([False, False, True])
    return DiscreteProgram(config, [[head]], [[]], classifier, np.zeros(3), reads)


def _table(f, k: int = 7) -> np.ndarray:
    return np.array([[f(key, query) for key in range(k)] for query in range(k)], dtype=bool)


@pytest.mark.parametrize("causal", [False, True])
def test_a_comparison_is_written_as_one_even_where_cells_cannot_matter(tmp_path, causal):
    predicate = _table(lambda k, q: k != q)
    predicate[:, 0] = np.random.default_rng(1).random(7) < 0.5  # a categorical head never reads position 0
    if causal:
        predicate[np.triu_indices(7, 1)] = True  # nor does a causal one read ahead: key > query cannot matter
    program = _one_head_program(Head("cat", 1, 1, 0, predicate, "first"), causal=causal)
    source = python_source(program)
    assert "    return key != query\n" in source
    _check(program, tmp_path / "c.py")


def test_a_comparison_with_an_exception(tmp_path):
    predicate = _table(lambda k, q: k != q and k != 0)  # slot 0 of tokens is 'BOS'
    predicate[0] = True  # the query 'BOS' matches everything
    program = _one_head_program(Head("count", 0, 0, None, predicate))
    source = python_source(program)
    assert "    if query == 'BOS':\n        return True\n    return key != query and key != 'BOS'\n" in source
    _check(program, tmp_path / "e.py")


def test_one_key_per_query_is_a_dict(tmp_path):
    targets = [3, 1, 1, None, 4, 1]  # query position -> the token slot it looks for (None: nothing)
    predicate = np.zeros((7, 7), dtype=bool)
    for q, k in enumerate(targets):
        if k is not None:
            predicate[q, k] = True
    program = _one_head_program(Head("cat", 1, 0, 0, predicate, "last"))
    source = python_source(program)
    assert '    """query: positions, key: tokens; None: no key"""\n' in source
    assert "    return key == {0: 2, 3: None, 4: 'x'}.get(query, 0)\n" in source
    _check(program, tmp_path / "d.py")


def test_every_query_looking_for_one_key(tmp_path):
    predicate = np.zeros((7, 7), dtype=bool)
    predicate[:, 2] = True  # every query (a token) looks for position 2
    program = _one_head_program(Head("cat", 0, 1, 0, predicate))
    assert '    """query: tokens, key: positions"""\n    return key == 2\n' in python_source(program)
    _check(program, tmp_path / "k.py")


def test_identical_patterns_are_written_once(tmp_path):
    program = random_program(6, layers=1, cat_heads=3, count_heads=0, mlps=0)
    first = program.heads[0][0]
    program.heads[0][1] = dataclasses.replace(first, value=1 - first.value if first.value < 2 else 0)
    program.heads[0][2] = dataclasses.replace(first, order="last" if first.order != "last" else "first")
    source = python_source(program)
    assert "def attn_0_1_pattern" not in source and "def attn_0_2_pattern" not in source
    assert source.count("attn_0_0_pattern") == 4  # its def and the three heads that use it
    _check(program, tmp_path / "s.py")


def test_missing_folders_of_the_path_are_created_like_every_writer(tmp_path):
    # the one behaviour of every writer in the API (model save, exports, circuits, pictures): parents are made
    path = decompile_to_python(random_program(2), tmp_path / "new" / "deeper" / "p.py")
    assert path.is_file() and load_module(path).run
