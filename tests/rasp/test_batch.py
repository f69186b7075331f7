"""The batched interpreter equals the reference interpreter, value for value and type for type."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from tests.conftest import load_compat

PROGRAMS, GOLDEN = load_compat()
SAFE = [name for name in sorted(GOLDEN) if not any(isinstance(o, dict) for o in GOLDEN[name]["outputs"])]


def typed(values):
    """Values with their types, so that 1, 1.0 and True count as different results."""
    return [(type(v), v) for v in values]


def _mixed_lengths(data, name, max_size=12):
    """A batch of inputs of the compat case `name`, of lengths 1 to its max_seq_len."""
    case = GOLDEN[name]
    sequence = st.lists(st.sampled_from(case["vocab"]), min_size=1, max_size=case["max_seq_len"])
    return data.draw(st.lists(sequence, min_size=1, max_size=max_size))


def _agrees_with_reference(program, inputs):
    for xs, out in zip(inputs, rasp.evaluate_batch(program, inputs)):
        assert typed(out) == typed(rasp.evaluate(program, xs)), xs


@settings(max_examples=60, deadline=None)
@given(data=st.data(), name=st.sampled_from(SAFE))
def test_batch_equals_reference_on_mixed_length_batches(data, name):
    _agrees_with_reference(PROGRAMS.CASES[name][0](rasp), _mixed_lengths(data, name))


def test_shared_subexpression_is_evaluated_once():
    calls = []

    def spy(x):
        calls.append(x)
        return x

    shared = rasp.Map(spy, rasp.tokens)
    program = rasp.SequenceMap(lambda a, b: a + b, shared, rasp.Map(lambda x: x, shared, simplify=False))
    inputs = [list(p) for p in itertools.product("ab", repeat=3)]
    assert rasp.evaluate_batch(program, inputs)[0] == ["aa", "aa", "aa"]
    assert sorted(calls) == ["a", "b"]  # once per distinct value in the whole batch


def test_selector_output_and_empty_batch():
    sel = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)
    assert rasp.evaluate_batch(sel, [["a", "b", "a"], ["b"]]) == [rasp.evaluate(sel, ["a", "b", "a"]), [[True]]]
    assert rasp.evaluate_batch(sel, []) == []


def test_input_errors_name_input_and_position():
    with pytest.raises(rasp.InputError, match=r"input 1, position 2: token 'z'"):
        rasp.evaluate_batch(rasp.tokens, [["a"], ["a", "b", "z"]], vocab={"a", "b"})
    with pytest.raises(rasp.InputError, match="longer than max_seq_len=2"):
        rasp.evaluate_batch(rasp.tokens, [["a", "a", "a"]], max_seq_len=2)


def test_errors_name_the_failing_input():
    bad = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE), rasp.tokens).named("avg")
    with pytest.raises(rasp.EvaluationError, match="avg"):
        rasp.evaluate_batch(bad, [["a"], ["a", "b"]])
    pred = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, lambda k, q: k < q).named("cmp"))
    assert rasp.evaluate_batch(pred, [[1, 2], ["a", "b"]]) == [[0, 1], [0, 1]]  # never compared int with str
    with pytest.raises(rasp.EvaluationError, match=r"cmp.*input 0"):
        rasp.evaluate_batch(pred, [[1, "a"]])


def test_float_means_are_summed_in_position_order():
    values = rasp.numerical(rasp.Map(lambda t: {"a": 0.1, "b": 0.2, "c": 0.3}[t], rasp.tokens))
    mean = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE), values))
    inputs = [list(p) for p in itertools.product("abc", repeat=4)]
    for xs, out in zip(inputs, rasp.evaluate_batch(mean, inputs)):
        assert out == rasp.evaluate(mean, xs)


_PREFIX = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
_EDGE_CASES = [
    # tokenising: equal values of different types, integers too big for the numpy paths, non-ASCII
    (rasp.tokens, [[1, True, 1.0], [True]]),
    (rasp.tokens, [[2**70, 1], [2**63, 3]]),
    (rasp.tokens, [["ab", "c", "\U0001F600"], ["a"]]),
    # Comparison selects ranked by numpy, and the values numpy cannot rank (left to Python)
    *[(rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, cmp)), inputs)
      for cmp in (rasp.Comparison.LT, rasp.Comparison.EQ, rasp.Comparison.GEQ)
      for inputs in ([[1, 2.5, True, 0.0, -0.0], [float("inf"), 3]], [[float("nan"), 1.0, 2.0]],
                     [[2**60, 2**60 + 1, float(2**60)]], [["a", "a\0", "b", "ab", ""]], [[(1, 2), (1, 3)], [(0,)]])],
    # means: float order, huge and infinite numbers, bools
    *[(rasp.numerical(rasp.Aggregate(_PREFIX, rasp.tokens, default=0)), [xs])
      for xs in ([0.1, 0.7, 0.2, 0.3], [2**60, 1, 1, 3], [1e300, 1e300], [float("inf"), 1.0],
                 [True, True, 1, 0.5])],
]


@pytest.mark.parametrize("program, inputs", _EDGE_CASES)
def test_fast_paths_fall_back_where_numpy_would_differ(program, inputs):
    for xs, out in zip(inputs, rasp.evaluate_batch(program, inputs)):
        assert repr(typed(out)) == repr(typed(rasp.evaluate(program, xs))), xs  # repr: so nan equals nan


# ------------------------------------------------------------------- SelectPreferred, LinearClassifier

def _table_function(table):
    return lambda *args: table[args]


@st.composite
def preferred_and_classified(draw):
    """A LinearClassifier over tokens, indices and an Aggregate of a random SelectPreferred (which can
    be None: nothing selected, no default), with random tables."""
    n = 5
    vocab = [0, 1, 2]
    predicate = draw(st.sampled_from(list(rasp.Comparison)))
    ranks = {(k, q): draw(st.integers(-2, 2)) for k in range(n) for q in range(n)}
    preferred = rasp.SelectPreferred(rasp.Select(rasp.tokens, rasp.tokens, predicate), _table_function(ranks))
    picked = rasp.Aggregate(preferred, rasp.indices, default=draw(st.sampled_from([None, 7])))
    classes = draw(st.lists(st.sampled_from(["a", "b", 3, 4.5, True]), min_size=1, max_size=4, unique_by=repr))
    score = st.floats(-3, 3, allow_nan=False) | st.integers(-3, 3)
    row = st.lists(score, min_size=len(classes), max_size=len(classes))
    inputs = [rasp.tokens, rasp.indices, picked]
    domains = [vocab, list(range(n)), [*range(n), 7]]
    weights = [draw(st.dictionaries(st.sampled_from(d), row)) for d in domains]
    program = rasp.LinearClassifier(inputs, weights, draw(row), classes)
    inputs = draw(st.lists(st.lists(st.sampled_from(vocab), min_size=0, max_size=n), min_size=1, max_size=8))
    return program, picked, inputs


@settings(max_examples=150, deadline=None)
@given(case=preferred_and_classified())
def test_batch_equals_reference_on_the_new_primitives(case):
    program, picked, inputs = case
    for sop in (program, picked, picked.selector):
        for xs, out in zip(inputs, rasp.evaluate_batch(sop, inputs)):
            assert repr(out) == repr(rasp.evaluate(sop, xs)), xs


@st.composite
def whole_number_means(draw):
    """A numerical Aggregate of whole numbers (ints, bools, integral floats, some huge) under a random
    selector, on inputs of mixed lengths."""
    n = 6
    table = draw(st.lists(st.one_of(st.integers(-10**6, 10**6), st.booleans(), st.integers(-50, 50).map(float),
                                    st.sampled_from([2**49, -(2**49), 2**60])), min_size=3, max_size=3))
    values = rasp.numerical(rasp.Map(lambda t: table[t], rasp.tokens))
    predicate = draw(st.sampled_from(list(rasp.Comparison)))
    selector = rasp.Select(draw(st.sampled_from([rasp.tokens, rasp.indices])), rasp.indices, predicate)
    program = rasp.numerical(rasp.Aggregate(selector, values, default=draw(st.sampled_from([0, None, 2.5]))))
    inputs = draw(st.lists(st.lists(st.sampled_from([0, 1, 2]), min_size=0, max_size=n), min_size=1, max_size=10))
    return program, inputs


@settings(max_examples=200, deadline=None)
@given(case=whole_number_means())
def test_whole_number_means_equal_the_reference(case):
    """The matrix-product path for whole numbers gives Python's `sum(xs) / len(xs)`, type for type."""
    program, inputs = case
    for xs, out in zip(inputs, rasp.evaluate_batch(program, inputs)):
        assert repr(typed(out)) == repr(typed(rasp.evaluate(program, xs))), xs


# ------------------------------------------------------------------- input coding and output decoding

class _Str(str):
    pass


class _Int(int):
    pass


_TOKENS = st.one_of(
    st.sampled_from(["a", "b", "", "ab", "\0", "\0\0", "é", "€", "\U0001F600", _Str("a")]),
    st.characters(max_codepoint=300),
    st.integers(-3, 300), st.sampled_from([True, False, 2**63, -(2**70), _Int(3)]),
    st.floats(allow_nan=False, width=16), st.sampled_from([(0, 1), (0.0, 1), (False, (1,)), (0, (1.0,))]),
)
_KINDS = [st.characters(max_codepoint=300), st.integers(0, 255), st.integers(-300, 300),
          st.sampled_from([(0, 1), (0.0, 1), (False, 1)]), _TOKENS]


@settings(max_examples=150, deadline=None)
@given(data=st.data(), kind=st.sampled_from(_KINDS), same_length=st.booleans())
def test_tokens_come_back_value_for_value_and_type_for_type(data, kind, same_length):
    """Every input-coding fast path (characters, bytes-sized ints, other ints, mixed types, subclasses,
    empty and multi-character strings) and every output path (numeric arrays or objects), on batches of
    one length (no padding) and of mixed lengths."""
    width = data.draw(st.integers(0, 6))
    row = st.lists(kind, min_size=width, max_size=width) if same_length else st.lists(kind, max_size=6)
    inputs = data.draw(st.lists(row, min_size=1, max_size=6))
    programs = [rasp.tokens, rasp.Map(lambda x: x, rasp.tokens),
                rasp.SequenceMap(lambda x, i: (x, i), rasp.tokens, rasp.indices)]
    for program in programs:
        for xs, out in zip(inputs, rasp.evaluate_batch(program, inputs)):
            assert repr(typed(out)) == repr(typed(rasp.evaluate(program, xs))), xs


@settings(max_examples=40, deadline=None)
@given(data=st.data(), name=st.sampled_from(SAFE))
def test_batch_equals_reference_on_batches_of_one_length(data, name):
    """Inputs of one length take the unpadded paths (no masking, position-only columns computed once)."""
    case = GOLDEN[name]
    program = PROGRAMS.CASES[name][0](rasp)
    n = data.draw(st.integers(1, case["max_seq_len"]))
    inputs = data.draw(st.lists(st.lists(st.sampled_from(case["vocab"]), min_size=n, max_size=n), min_size=2, max_size=12))
    for xs, out in zip(inputs, rasp.evaluate_batch(program, inputs)):
        assert typed(out) == typed(rasp.evaluate(program, xs)), xs


_ORDERED = st.one_of(
    st.lists(st.one_of(st.integers(-2**70, 2**70), st.booleans(),
                       st.floats(allow_nan=False), st.sampled_from([2**53 + 1, float(2**53), -0.0, 0.0])), max_size=8),
    st.lists(st.text(alphabet="ab\0é", max_size=3), max_size=8),
)


@given(keys=_ORDERED, queries=_ORDERED)
def test_comparison_ranks_compare_as_python_does(keys, queries):
    from weightsmith.rasp.batch import _comparison_ranks
    ranks = _comparison_ranks(keys, queries)
    if ranks is None:  # strings against numbers: left to calling the predicate
        assert {type(v) is str for v in keys + queries} == {True, False}
        return
    key_ranks, query_ranks, n = ranks
    assert all(0 <= r < n for r in key_ranks + query_ranks)
    for k, kr in zip(keys, key_ranks):
        for q, qr in zip(queries, query_ranks):
            assert (k < q, k == q, k > q) == (kr < qr, kr == qr, kr > qr), (k, q)


def test_no_result_is_kept_across_calls():
    """Each call recomputes from its inputs and the program as it is now: changing a Map's function or
    filling a hole after an evaluation changes the next one."""
    double = rasp.Map(lambda x: 2 * x, rasp.tokens)
    inputs = [[1, 2, 3], [3, 3, 3]]
    assert rasp.evaluate_batch(double, inputs) == [[2, 4, 6], [6, 6, 6]]
    double.f = lambda x: 3 * x
    assert rasp.evaluate_batch(double, inputs) == [[3, 6, 9], [9, 9, 9]] == [rasp.evaluate(double, x) for x in inputs]
    hole = rasp.Learnable.map(rasp.tokens, values=["low", "high"])
    with pytest.raises(rasp.EvaluationError, match="not filled"):
        rasp.evaluate_batch(hole, inputs)
    hole.fill({1: "low", 2: "low", 3: "high"})
    assert rasp.evaluate_batch(hole, inputs) == [["low", "low", "high"], ["high"] * 3]


def test_a_batch_built_by_hand_knows_its_padding():
    """Callers that build a padded Batch themselves (the compiler's value facts) get the padded paths."""
    import numpy as np
    from weightsmith.rasp.batch import Batch, Column, evaluate_columns

    codes = np.array([[0, 1, -1], [1, 1, 0]])
    batch = Batch(np.array([2, 3]), codes >= 0, Column(codes, ["a", "b"]))
    assert not batch.full
    program = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ))
    width = evaluate_columns(program, batch)[id(program)]
    assert width.values(batch.lengths) == [rasp.evaluate(program, ["a", "b"]), rasp.evaluate(program, ["b", "b", "a"])]


def test_programs_of_positions_only_never_read_the_tokens():
    """Tokens are coded on first use: a program of indices and length runs on tokens it could not code
    (unhashable ones), as the reference interpreter does; one that reads them still reports the error."""
    remaining = rasp.SequenceMap(lambda n, i: n - i, rasp.length, rasp.indices)
    inputs = [[[1], {2}], [[3], [4]]]
    assert rasp.evaluate_batch(remaining, inputs) == [rasp.evaluate(remaining, xs) for xs in inputs]
    with pytest.raises(TypeError):
        rasp.evaluate_batch(rasp.Map(lambda x: x, rasp.tokens), inputs)


def test_rows_alike_come_back_as_separate_lists():
    """Outputs of positions only are decoded once and copied: every input still gets its own list."""
    program = rasp.SequenceMap(lambda a, b: a + b, rasp.Full(3), rasp.indices)
    rows = rasp.evaluate_batch(program, [["a", "b"], ["c", "a"], ["b", "b"]])
    assert rows == [[3, 4]] * 3 and len({id(row) for row in rows}) == 3
    rows[0].append(99)
    assert rows[1] == [3, 4]


_PREFIX_ONE = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
_LATER = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.GT)
_CLOSE = rasp.Select(rasp.indices, rasp.indices, lambda k, q: abs(k - q) == 1)  # a predicate called, not ranked


@pytest.mark.parametrize("program", [
    rasp.numerical(rasp.Aggregate(_PREFIX_ONE, rasp.numerical(rasp.Map(lambda t: {"a": 0.1, "b": 0.7}[t], rasp.tokens)),
                                  default=0)),
    rasp.numerical(rasp.Aggregate(_PREFIX_ONE, rasp.numerical(rasp.Map(lambda t: {"a": 1, "b": 3}[t], rasp.tokens)),
                                  default=0)),
    rasp.Aggregate(rasp.Select(rasp.indices, rasp.Map(lambda i: i - 1, rasp.indices), rasp.Comparison.EQ), rasp.tokens),
    rasp.SelectorWidth(rasp.SelectorNot(_PREFIX_ONE)),
    rasp.SelectorWidth(rasp.SelectorAnd(_PREFIX_ONE, rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ))),
    rasp.SelectorWidth(rasp.SelectorOr(_LATER, _CLOSE)),
    rasp.Aggregate(_CLOSE, rasp.Map(lambda t: 2.5 if t == "a" else 1, rasp.tokens), default=-1),
    rasp.SelectorWidth(rasp.ConstantSelector([[True, False, True]] * 3)),
    rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.FALSE), rasp.indices, default=7),
    rasp.Aggregate(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE), rasp.indices),
])
def test_selectors_of_positions_only_computed_once_equal_the_reference(program):
    """On inputs of one length, selectors of positions only are the same for every input: widths,
    combinations and Aggregates over them (categorical, whole and float means) are computed on one row."""
    inputs = [list(p) for p in itertools.product("ab", repeat=3)]
    for xs, out in zip(inputs, rasp.evaluate_batch(program, inputs)):
        assert typed(out) == typed(rasp.evaluate(program, xs)), xs


def test_a_mean_of_strings_over_a_selector_of_positions_raises_as_the_reference_does():
    program = rasp.Aggregate(_PREFIX_ONE, rasp.tokens).named("avg")
    with pytest.raises(rasp.EvaluationError) as batched:
        rasp.evaluate_batch(program, [["a", "b"], ["b", "a"]])
    with pytest.raises(rasp.EvaluationError) as reference:
        rasp.evaluate(program, ["a", "b"])
    assert str(batched.value) == str(reference.value)


@pytest.mark.parametrize("predicate", [rasp.Comparison.TRUE, rasp.Comparison.FALSE])
def test_constant_comparisons_raise_on_none_as_the_reference_does(predicate):
    # TRUE and FALSE skip finding the distinct values, but a None key or query still raises.
    maybe_none = rasp.Map(lambda t: None if t == "a" else t, rasp.tokens)
    width = rasp.SelectorWidth(rasp.Select(maybe_none, rasp.tokens, predicate))
    assert rasp.evaluate_batch(width, [["b", "c"], ["c"]]) == [rasp.evaluate(width, ["b", "c"]), [0 if predicate is rasp.Comparison.FALSE else 1]]
    with pytest.raises(rasp.EvaluationError, match="key is None"):
        rasp.evaluate(width, ["b", "a"])
    with pytest.raises(rasp.EvaluationError, match="key is None"):
        rasp.evaluate_batch(width, [["b", "c"], ["b", "a"]])


@settings(max_examples=100, deadline=None)
@given(data=st.data(), size=st.sampled_from([1, 5, 300, 5000]))
def test_a_gather_reads_each_codes_new_code(data, size):
    """`Distinct.gather` composes its lookup table in Python (small code spaces) or numpy (large ones), over
    codes with padding or without, counted or sorted (`_distinct`) or known to be every code (`_every_code`)."""
    import numpy as np
    from weightsmith.rasp.batch import PAD, _distinct, _every_code

    codes = np.array(data.draw(st.lists(st.integers(-1, size - 1), min_size=1, max_size=40)), dtype=np.intp).reshape(1, -1)
    distinct = _distinct(codes, size)
    assert distinct.used == sorted(set(codes.ravel().tolist()) - {PAD})
    new = data.draw(st.lists(st.integers(0, 50), min_size=len(distinct.used), max_size=len(distinct.used)))
    new_of = dict(zip(distinct.used, new))
    expected = [[PAD if c == PAD else new_of[c] for c in row] for row in codes.tolist()]
    assert distinct.gather(new).tolist() == expected
    assert distinct.places.tolist() == [[PAD if c == PAD else distinct.used.index(c) for c in row] for row in codes.tolist()]
    huge = _distinct(codes * 10**6, size * 10**6)  # too many codes to count into: sorted
    assert huge.used == [c * 10**6 for c in distinct.used] and huge.gather(new).tolist() == expected
    every = _every_code(size, np.arange(size)[None])
    assert every.gather(list(range(size))) is every.index
    assert every.gather([3] * size).tolist() == [[3] * size]


def test_outputs_that_are_the_tokens_are_the_inputs_own_values():
    """A program whose output is its tokens (or a Map returning its argument) gives each input's own tokens,
    in new lists; a Map returning equal new objects, and widths and bools, come back as the reference's."""
    same, other = "ab", "".join(["a", "b"])  # equal strings, two objects
    inputs = [[same, 1, True], [other, 1.0, -0.0], (False, 0.0, 1)]
    for program in (rasp.tokens, rasp.Map(lambda x: x, rasp.tokens)):
        out = rasp.evaluate_batch(program, inputs)
        assert [[(type(v), v) for v in row] for row in out] == [[(type(v), v) for v in row] for row in inputs]
        assert out[1][0] is other and all(type(row) is list and row is not x for row, x in zip(out, inputs))
        out[0].append(9)
        assert len(inputs[0]) == 3
    copy = rasp.Map(lambda x: (x + "!")[:-1], rasp.tokens)
    assert rasp.evaluate_batch(copy, [["a", "b"], ["b", "b"]]) == [["a", "b"], ["b", "b"]]
    is_a = rasp.Map(lambda x: x == "a", rasp.tokens)  # a table [False, True] equals [0, 1]: still bools
    width = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ))
    for program in (is_a, width):
        out = rasp.evaluate_batch(program, [["a", "b"], ["b", "b"]])
        assert repr(out) == repr([rasp.evaluate(program, xs) for xs in [["a", "b"], ["b", "b"]]])
    as_float = rasp.Map(float, rasp.tokens)  # equal values of another type, in the tokens' order
    assert repr(rasp.evaluate_batch(as_float, [[1, 2], [2, 2]])) == repr([[1.0, 2.0], [2.0, 2.0]])


@settings(max_examples=100, deadline=None)
@given(data=st.data(), kind=st.sampled_from([st.sampled_from(["a", "b", "cd"]), st.integers(0, 3),
                                             st.integers(-2**40, 2**40), _TOKENS]))
def test_tokens_read_first_measure_the_lengths_too(data, kind):
    """`make_batch(read_tokens=True)` skips measuring every input when reading the tokens proves them all
    of the first one's length; a row of another length anywhere (often only the last, or two rows whose
    lengths differ by as much as the others' total) must make it measure them as before."""
    import numpy as np
    from weightsmith.rasp.batch import make_batch

    width = data.draw(st.integers(1, 5))
    rows = data.draw(st.lists(st.lists(kind, min_size=width, max_size=width), min_size=1, max_size=40))
    rows += data.draw(st.lists(st.lists(kind, max_size=6), max_size=1))
    if len(rows) > 1 and data.draw(st.booleans()):  # one token moved to another row: the same token count
        give, take = data.draw(st.permutations(range(len(rows))))[:2]
        if rows[give]:
            rows[take].append(rows[give].pop())
    read, measured = make_batch(rows, read_tokens=True), make_batch(rows)
    assert read.full == measured.full and read.shape == measured.shape
    assert read.lengths.tolist() == measured.lengths.tolist() == [len(r) for r in rows]
    assert np.array_equal(read.valid, measured.valid)
    assert read.tokens.codes.tolist() == measured.tokens.codes.tolist()
    assert typed(read.tokens.table) == typed(measured.tokens.table)
    with pytest.raises(rasp.InputError, match="longer than max_seq_len") as error:
        make_batch(rows, max_seq_len=max(map(len, rows)) - 1, read_tokens=True)
    with pytest.raises(rasp.InputError) as reference:
        make_batch(rows, max_seq_len=max(map(len, rows)) - 1)
    assert str(error.value) == str(reference.value)


def test_every_byte_value_as_tokens():
    """A batch of one length holding all 256 small ints (the bytes reader declines it) is read by the
    general path: it used to come back without codes."""
    program = rasp.Map(lambda x: x + 1, rasp.tokens)
    inputs = [list(range(256))[i:i + 16] for i in range(0, 256, 16)]
    assert rasp.evaluate_batch(program, inputs) == [[x + 1 for x in xs] for xs in inputs]


@pytest.mark.parametrize("f", [
    lambda n, i: (None, -0.0, 0.0, True, 1, 1.0, (0, 1.0), "s")[i % 8],
    lambda n, i: n - i,
    lambda n, i: float(n) / (i + 1),
])
def test_outputs_computed_on_one_row_come_back_type_for_type(f):
    """An output of positions only, computed on one row in Python, is that row copied into every input's
    own list: values and types as the reference's (None, -0.0 and 0.0, True and 1 and 1.0, tuples), on
    batches of one length (one row) and of several (padded, computed per input)."""
    program = rasp.SequenceMap(f, rasp.length, rasp.Map(lambda i: i, rasp.indices))
    for inputs in ([["a"] * 9] * 4, [["a"] * 9, ["b"] * 3, []]):
        got = rasp.evaluate_batch(program, inputs)
        assert [typed(row) for row in got] == [typed(rasp.evaluate(program, xs)) for xs in inputs]
        assert len({id(row) for row in got}) == len(inputs)


def test_constants_and_lengths_of_one_length_batches():
    """Full and length on inputs of one length are read-only grids kept per shape: reading them again, or
    after a batch of another length, gives each batch its own values."""
    program = rasp.SequenceMap(lambda a, n: (a, n), rasp.Full(-1), rasp.length)
    for inputs in ([["a"] * 3] * 5, [["a"] * 2] * 5, [["a"] * 3] * 5, [["a"], ["a", "b"]]):
        assert rasp.evaluate_batch(program, inputs) == [rasp.evaluate(program, xs) for xs in inputs]


def _walks(monkeypatch):
    """Counts the batched interpreter's walks of a program's graph."""
    from weightsmith.rasp import batch

    walks = []
    walk = batch.with_children
    monkeypatch.setattr(batch, "with_children", lambda program: walks.append(program) or walk(program))
    return walks


def test_a_program_is_walked_once_and_its_copies_share_the_plan(monkeypatch):
    walks = _walks(monkeypatch)
    program = rasp.SequenceMap(lambda a, b: a + b, rasp.Map(lambda t: t * 2, rasp.tokens), rasp.indices)
    assert rasp.evaluate_batch(program, [[1, 2], [3]]) == [[2, 5], [6]]
    assert rasp.evaluate_batch(program, [[4, 4, 4]]) == [[8, 9, 10]]
    named = program.named("sum")  # a copy with the same children: the plan holds for it
    assert rasp.evaluate_batch(named, [[1]]) == [[2]]
    assert walks == [program]


def test_a_reassigned_child_is_noticed(monkeypatch):
    walks = _walks(monkeypatch)
    doubled = rasp.Map(lambda t: t * 2, rasp.tokens)
    program = rasp.SequenceMap(lambda a, b: a + b, doubled, rasp.indices)
    assert rasp.evaluate_batch(program, [[1, 2]]) == [[2, 5]]
    program.snd = rasp.Map(lambda t: t * 10, rasp.tokens)  # expressions are not meant to change; nothing stops it
    assert rasp.evaluate_batch(program, [[1, 2]]) == [[12, 24]] == [rasp.evaluate(program, [1, 2])]
    doubled.inner = rasp.indices  # deeper down
    assert rasp.evaluate_batch(program, [[1, 2]]) == [[10, 22]] == [rasp.evaluate(program, [1, 2])]
    assert walks == [program] * 3


def test_a_node_given_another_class_is_noticed():
    keys = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT)
    same = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)
    program = rasp.SelectorWidth(rasp.SelectorAnd(keys, same))
    inputs = [["a", "b", "a", "a"]]
    assert rasp.evaluate_batch(program, inputs) == [[0, 0, 1, 2]]
    program.selector.__class__ = rasp.SelectorOr  # the same children, another step
    assert rasp.evaluate_batch(program, inputs) == [[3, 2, 4, 4]] == [rasp.evaluate(program, inputs[0])]


def test_a_deep_copy_of_an_evaluated_program_is_evaluated_as_itself():
    import copy

    doubled = rasp.Map(lambda t: t * 2, rasp.tokens)
    program = rasp.SequenceMap(lambda a, b: a + b, doubled, rasp.indices)
    assert rasp.evaluate_batch(program, [[1, 2]]) == [[2, 5]]
    twin = copy.deepcopy(program)  # its plan comes along, of the copied nodes
    twin.fst.f = lambda t: t * 3  # not structure: read when evaluated
    program.fst.inner = rasp.indices
    assert rasp.evaluate_batch(twin, [[1, 2]]) == [[3, 7]]
    assert rasp.evaluate_batch(program, [[1, 2]]) == [[0, 3]]


@settings(max_examples=60, deadline=None)
@given(data=st.data(), name=st.sampled_from(SAFE))
def test_a_kept_plan_gives_what_a_new_walk_gives(data, name):
    program = PROGRAMS.CASES[name][0](rasp)
    for _ in range(2):  # the second batch runs on the plan the first one kept
        _agrees_with_reference(program, _mixed_lengths(data, name, max_size=6))


@settings(max_examples=30, deadline=None)
@given(data=st.data(), name=st.sampled_from(SAFE))
def test_observing_shows_each_node_once_with_its_children_alive_and_drops_the_rest(data, name):
    """`observe_columns` shows every node once, children first, while its own and its children's values are
    the ones `evaluate_columns` keeps; by the end only the program's own value is still held."""
    import numpy as np

    from weightsmith.rasp.batch import evaluate_columns, make_batch, observe_columns

    program = PROGRAMS.CASES[name][0](rasp)
    batch = make_batch(_mixed_lengths(data, name, max_size=6))
    kept = evaluate_columns(program, batch, packed=True)
    shown: list[int] = []
    if any(isinstance(e, rasp.Loop) for e in rasp.topological_order(program)):
        return  # a loop's body reads outer nodes: nothing is dropped there
    held = {}

    def seen(e, values):
        shown.append(id(e))
        for x in (e, *e.children):
            got, want = values(x), kept[id(x)]
            if isinstance(want, np.ndarray):
                assert np.array_equal(got, want)
            else:
                assert (got.table, got.codes.tolist()) == (want.table, want.codes.tolist())
        held["values"] = values

    observe_columns(program, batch, seen)
    assert sorted(shown) == sorted(kept) and len(shown) == len(set(shown))
    assert set(held["values"].values) == {id(program)}
