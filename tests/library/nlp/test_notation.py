"""Each notation helper equals its plain-Python definition on random inputs."""

from hypothesis import given, settings, strategies as st

from weightsmith import rasp
from weightsmith.library.nlp import notation

WORDS = ["a", "b", "not", ",", "x"]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)
is_a = notation.lexicon("is_a", {"a": True}, default=False)
word = notation.lexicon("word", {w: w for w in WORDS}, default="?")


def run(sop, xs):
    return rasp.evaluate(sop, xs)


@settings(max_examples=60, deadline=None)
@given(sentences)
def test_previous_and_next(xs):
    assert run(notation.previous(word, 1, default="START"), xs) == ["START", *xs[:-1]]
    assert run(notation.previous(word, -1, default="END"), xs) == [*xs[1:], "END"]


@settings(max_examples=60, deadline=None)
@given(sentences)
def test_counts(xs):
    flags = [x == "a" for x in xs]
    assert run(notation.count_upto(is_a), xs) == [sum(flags[: i + 1]) for i in range(len(xs))]
    assert run(notation.count_upto(is_a, strict=True), xs) == [sum(flags[:i]) for i in range(len(xs))]
    assert run(notation.count_all(is_a), xs) == [sum(flags)] * len(xs)


@settings(max_examples=60, deadline=None)
@given(sentences)
def test_nearest_and_first(xs):
    index = notation.feature("index", lambda i: i, rasp.indices)
    a_at = [i for i, x in enumerate(xs) if x == "a"]
    left = [max([k for k in a_at if k < i], default=-1) for i in range(len(xs))]
    right = [min([k for k in a_at if k > i], default=-1) for i in range(len(xs))]
    first = [a_at[0] if a_at and a_at[0] <= i else -1 for i in range(len(xs))]
    assert run(notation.nearest_left(is_a, index, -1, "left"), xs) == left
    assert run(notation.nearest_right(is_a, index, -1, "right"), xs) == right
    assert run(notation.first(is_a, index, -1, "first"), xs) == first


@settings(max_examples=60, deadline=None)
@given(sentences)
def test_negation_scope_runs_to_the_end_of_the_clause_and_double_negation_cancels(xs):
    is_not = notation.lexicon("is_not", {"not": True}, default=False)
    is_break = notation.lexicon("is_break", {",": True}, default=False)
    expected, odd = [], False
    for x in xs:
        expected.append(odd)
        odd = False if x == "," else odd != (x == "not")
    assert run(notation.in_negation_scope(is_not, is_break, "negated"), xs) == expected


def test_helpers_name_their_s_ops():
    assert notation.count_upto(is_a).label == "is_a_upto"
    assert notation.lexicon("polarity", {}).label == "polarity"



def test_settled_keeps_the_values_and_compiles_exactly():
    from weightsmith.compiler import compile_rasp_to_model

    settled = notation.settled(word, [*WORDS, "?"], name="word_again")
    model = compile_rasp_to_model(settled, vocab=set(WORDS), max_seq_len=12, compiler_bos="BOS")
    for xs in (["a"], ["not", "x", ",", "b"], WORDS * 2):
        assert run(settled, xs) == run(word, xs) == xs
        assert model.run(xs)[-len(xs):] == xs
