"""The reference interpreter: semantics corners (documented in Aggregate's docstring) and errors."""

import pytest

from weightsmith import rasp

ALL = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE)
NONE = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.FALSE)
SELF = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.EQ)


def test_aggregate_corners():
    assert rasp.evaluate(rasp.Aggregate(NONE, rasp.tokens, default="z"), ["a", "b"]) == ["z", "z"]
    assert rasp.evaluate(rasp.Aggregate(NONE, rasp.tokens), ["a"]) == [None]
    one = rasp.evaluate(rasp.Aggregate(SELF, rasp.tokens), [1, 2])
    assert one == [1, 2] and all(type(v) is int for v in one)  # a single selected value is kept as is
    assert rasp.evaluate(rasp.Aggregate(ALL, rasp.tokens), [1, 2]) == [1.5, 1.5]
    assert rasp.evaluate(rasp.Aggregate(ALL, rasp.tokens), [True, False]) == [0.5, 0.5]


def test_categorical_aggregate_of_several_strings_raises_even_if_equal():
    with pytest.raises(rasp.EvaluationError, match="cannot average"):
        rasp.evaluate(rasp.Aggregate(ALL, rasp.tokens), ["a", "a"])


def test_none_propagates_through_maps():
    prev = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices - 1, rasp.Comparison.EQ), rasp.tokens)
    assert rasp.evaluate(rasp.Map(lambda x: x + "!", prev), ["a", "b"]) == [None, "a!"]
    assert rasp.evaluate(rasp.SequenceMap(lambda x, y: x + y, prev, rasp.tokens), ["a", "b"]) == [None, "ab"]


def test_map_error_names_sop_and_value():
    inverse = rasp.Map(lambda x: 1 / x, rasp.tokens).named("inverse")
    with pytest.raises(rasp.EvaluationError, match=r"Map 'inverse'.*ZeroDivisionError.*value 0"):
        rasp.evaluate(inverse, [1, 0])


def test_predicate_error_names_selector():
    bad = rasp.Select(rasp.tokens, rasp.tokens, lambda k, q: k < q).named("cmp")
    with pytest.raises(rasp.EvaluationError, match="Select 'cmp'"):
        rasp.evaluate(rasp.SelectorWidth(bad), [1, "a"])


def test_constant_length_is_checked():
    with pytest.raises(rasp.EvaluationError, match=r"ConstantSOp 'constant_sop_\d+': Constant len 2 doesn't match input len 1"):
        rasp.evaluate(rasp.ConstantSOp([1, 2]), ["a"])  # Tracr's words, after the s-op
    assert rasp.evaluate(rasp.ConstantSOp([1, 2]), ["a", "b"]) == [1, 2]


def test_default_evaluator_sends_every_subexpression_through_evaluate():
    # Tracr's CausalEvaluator subclasses DefaultRASPEvaluator and masks each selector in `evaluate`:
    # that works only if children are evaluated through the (overridden) `evaluate`.
    class Causal(rasp.DefaultRASPEvaluator):
        def evaluate(self, expr, xs):
            out = super().evaluate(expr, xs)
            if isinstance(expr, rasp.Selector):
                return [[s and k <= q for k, s in enumerate(row)] for q, row in enumerate(out)]
            return out

    everything = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)
    program = rasp.numerical(rasp.Aggregate(everything, rasp.numerical(rasp.tokens + 0)))
    assert rasp.DefaultRASPEvaluator().evaluate(program, [2, 4, 6]) == [4.0, 4.0, 4.0]
    assert Causal().evaluate(program, [2, 4, 6]) == [2, 3.0, 4.0]  # prefix means
    assert Causal().evaluate(rasp.SelectorWidth(everything), [1, 1, 1]) == [1, 2, 3]


def test_non_expression_is_rejected():
    with pytest.raises(TypeError, match="RASP expression"):
        rasp.evaluate("tokens", ["a"])


def test_selector_combinators():
    lt = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT)
    same = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)
    xs = ["a", "a", "b"]
    w_and = rasp.evaluate(rasp.SelectorWidth(rasp.SelectorAnd(lt, same)), xs)
    w_or = rasp.evaluate(rasp.SelectorWidth(rasp.SelectorOr(lt, same)), xs)
    w_not = rasp.evaluate(rasp.SelectorWidth(rasp.SelectorNot(same)), xs)
    assert (w_and, w_or, w_not) == ([0, 1, 0], [2, 2, 3], [1, 1, 2])


# ------------------------------------------------------------------- SelectPreferred, LinearClassifier

EQUAL = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)


def test_select_preferred_keeps_the_best_ranked_selected_key():
    closest_other = rasp.SelectPreferred(EQUAL & ~SELF, lambda k, q: abs(k - q))
    # a b a a b: position 0's other a's are at 2 (distance 2) and 3; position 2's at 0 and 3 (3 is nearer)
    assert rasp.evaluate(rasp.Aggregate(closest_other, rasp.indices), list("abaab")) == [2, 4, 3, 2, 1]
    last = rasp.SelectPreferred(EQUAL, lambda k, q: -k)
    assert rasp.evaluate(rasp.Aggregate(last, rasp.indices), list("abaab")) == [3, 4, 3, 3, 4]
    rows = rasp.evaluate(closest_other, list("abc"))  # nothing selected: an empty row, the default
    assert rows == [[False] * 3] * 3
    assert rasp.evaluate(rasp.Aggregate(closest_other, rasp.indices, default=-1), list("abc")) == [-1, -1, -1]


def test_select_preferred_breaks_equal_ranks_by_position():
    flat = rasp.SelectPreferred(ALL, lambda k, q: 0)
    assert rasp.evaluate(rasp.Aggregate(flat, rasp.tokens), list("xyz")) == ["x", "x", "x"]


def test_select_preferred_errors_name_it():
    broken = rasp.SelectPreferred(ALL, lambda k, q: 1 / (k - q)).named("broken")
    with pytest.raises(rasp.EvaluationError, match=r"SelectPreferred 'broken'.*ZeroDivisionError.*\(0, 0\)"):
        rasp.evaluate(broken, [1, 2])
    unordered = rasp.SelectPreferred(ALL, lambda k, q: "a" if k else 1).named("mixed")
    with pytest.raises(rasp.EvaluationError, match="SelectPreferred 'mixed': its ranks for query 0 cannot be ordered"):
        rasp.evaluate(unordered, [1, 2])


def test_linear_classifier_adds_in_order_and_takes_the_first_maximum():
    parity = rasp.Map(lambda t: t % 2, rasp.tokens)
    c = rasp.LinearClassifier([rasp.tokens, parity], [{1: [2, 0, 0], 2: [0, 1, 0]}, {0: [0, 1, 1]}],
                              [0, 0, 0.5], ["a", "b", "c"])
    # token 1: (2, 0, .5) -> a; token 2: (0, 2, 1.5) -> b; token 3: (0, 0, .5) -> c; token 4: (0, 1, 1.5) -> c
    assert rasp.evaluate(c, [1, 2, 3, 4]) == ["a", "b", "c", "c"]
    tie = rasp.LinearClassifier([rasp.tokens], [{1: [1, 1]}], [0, 0], ["first", "second"])
    assert rasp.evaluate(tie, [1, 5]) == ["first", "first"]
    # float64, in order: 0.1 + 0.2 = 0.30000000000000004 > 0.3
    rounding = rasp.LinearClassifier([rasp.tokens, rasp.tokens], [{1: [0.1, 0.3]}, {1: [0.2, 0]}], [0, 0], [0, 1])
    assert rasp.evaluate(rounding, [1]) == [0]


def test_linear_classifier_is_none_where_an_input_is_none():
    maybe = rasp.Aggregate(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.GT), rasp.tokens)
    c = rasp.LinearClassifier([rasp.tokens, maybe], [{}, {}], [1, 0], ["a", "b"])
    assert rasp.evaluate(c, [1, 2, 2]) == ["a", None, None]


def test_an_unhashable_result_is_an_evaluation_error_naming_the_sop_in_the_batched_interpreter():
    from weightsmith.rasp.batch import evaluate_batch

    with pytest.raises(rasp.EvaluationError, match="'listed'.*unhashable"):
        evaluate_batch(rasp.Map(lambda x: [x], rasp.tokens).named("listed"), [[1, 2]])


def test_value_sets_name_an_unhashable_result():
    with pytest.raises(rasp.ValueSetError, match="'listed'.*unhashable \\[1\\] on the possible value 1"):
        rasp.value_set(rasp.Map(lambda x: [x], rasp.tokens).named("listed"), [1, 2], 3)
    pair = rasp.SequenceMap(lambda x, y: {x: y}, rasp.tokens, rasp.Map(lambda t: t, rasp.tokens)).named("paired")
    with pytest.raises(rasp.ValueSetError, match="'paired'.*unhashable"):
        rasp.value_set(pair, [1, 2], 3)


def test_a_numerical_aggregate_of_a_none_is_named_numerical_and_blames_its_values():
    """It said "a categorical Aggregate must select at most one position": the Aggregate is numerical, and the
    None came from its values (a SequenceMap passes None through without calling its function)."""
    prev = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices + 1, rasp.Comparison.EQ), rasp.tokens)
    summed = rasp.SequenceMap(lambda a, b: a + b, rasp.tokens, prev).named("summed")
    mean = rasp.numerical(rasp.Aggregate(ALL, summed, default=0)).named("mean")
    with pytest.raises(rasp.EvaluationError, match=r"Aggregate 'mean'.*\[1, None\] \(a numerical Aggregate "
                                                   r".*from its values, SequenceMap 'summed'") as caught:
        rasp.evaluate(mean, [1, 0])
    assert "categorical" not in str(caught.value)
