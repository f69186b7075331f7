"""The expression classes: Tracr's names, argument order, sugar, annotations and argument checks."""

import pytest

from weightsmith import rasp


def test_tracr_public_names_exist():
    names = """tokens indices length Map SequenceMap LinearSequenceMap Full ConstantSOp Select Comparison
    ConstantSelector SelectorAnd SelectorOr SelectorNot Aggregate SelectorWidth numerical categorical
    is_numerical is_categorical get_encoding Encoding annotate evaluate RASPExpr SOp Selector selector_and
    selector_or selector_not sop_not Value""".split()
    missing = [n for n in names if not hasattr(rasp, n)]
    assert not missing


def test_default_labels_are_unique_and_named_overrides():
    a = rasp.Map(lambda x: x, rasp.tokens)
    b = rasp.Map(lambda x: x, rasp.tokens)
    assert a.name == b.name == "map"  # Tracr's default name: the kind
    assert a.label != b.label and a.label.startswith("map_")
    named = a.named("ident")
    assert named is not a and named.label == "ident" and a.label.startswith("map_")
    assert rasp.tokens.label == "tokens" and rasp.indices.label == "indices" and rasp.length.label == "length"


def test_annotating_copies_and_never_changes_the_original():
    m = rasp.Map(lambda x: x, rasp.tokens)
    assert rasp.is_categorical(m) and rasp.get_encoding(m) is rasp.Encoding.CATEGORICAL
    num = rasp.numerical(m)
    assert num is not m and rasp.is_numerical(num) and rasp.is_categorical(m)
    assert num.unique_id != m.unique_id and num.children == m.children
    assert rasp.is_categorical(rasp.categorical(num)) and rasp.is_numerical(num)  # the last annotation wins
    named = rasp.numerical(rasp.Map(lambda x: x, rasp.tokens)).named("n")
    assert rasp.is_numerical(named) and named.annotations["name"] == "n"
    assert rasp.is_categorical(rasp.tokens) and rasp.numerical(rasp.tokens).label == "tokens"


def test_copy_of_an_unnamed_expression_gets_its_own_label():
    m = rasp.Map(lambda x: x, rasp.tokens)
    assert m.copy().label != m.label and m.copy().name == m.name == "map"
    assert m.named("k").copy().label == "k"


def test_sequence_map_of_one_sop_twice_warns(caplog):
    with caplog.at_level("WARNING"):
        rasp.SequenceMap(lambda x, y: x + y, rasp.tokens, rasp.indices)
    assert not caplog.records
    with caplog.at_level("WARNING"):
        rasp.SequenceMap(lambda x, y: x + y, rasp.tokens, rasp.tokens)
    assert "use a Map instead" in caplog.text


def test_map_simplify_fuses_like_tracr():
    inner = rasp.Map(lambda x: x + 1, rasp.tokens)
    fused = rasp.Map(lambda x: x * 2, inner)
    kept = rasp.Map(lambda x: x * 2, inner, simplify=False)
    assert fused.inner is rasp.tokens and kept.inner is inner
    assert rasp.evaluate(fused, [1, 2]) == rasp.evaluate(kept, [1, 2]) == [4, 6]


def test_a_long_chain_of_fused_maps_evaluates_without_recursing():
    """3,000 fused Maps were 3,000 nested lambdas: RecursionError, blamed on the user's function ("its
    function raised RecursionError ... on value 'a'"). The fused functions run in a loop, first to last."""
    chain = rasp.tokens
    for step in range(3000):
        digit = step // 1000 + 1 if step % 1000 == 999 else None  # 1, 2, 3 at steps 999, 1999, 2999
        chain = rasp.Map(lambda x, d=digit: x if d is None else 10 * x + d, chain)
    assert chain.inner is rasp.tokens
    assert rasp.evaluate(chain, [0, 4]) == [123, 4123]  # the digits in the order their Maps were applied


def test_operator_sugar():
    xs = [1, 2, 3]
    assert rasp.evaluate(rasp.tokens + 1, xs) == [2, 3, 4]
    assert rasp.evaluate(10 - rasp.tokens, xs) == [9, 8, 7]
    assert rasp.evaluate(rasp.tokens * rasp.indices, xs) == [0, 2, 6]
    assert rasp.evaluate(rasp.tokens < 2, xs) == [True, False, False]
    assert rasp.evaluate(rasp.tokens == 2, xs) == [False, True, False]
    assert rasp.evaluate(~(rasp.tokens > 1), xs) == [True, False, False]
    assert rasp.evaluate(rasp.tokens / 2, [4]) == [2.0]


def test_selector_sugar_and_simplification():
    lt = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT)
    eq = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.EQ)
    leq = lt | eq
    assert isinstance(leq, rasp.Select)  # same keys and queries: merged into one Select
    expected = rasp.evaluate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ), [0, 0, 0])
    assert rasp.evaluate(leq, [0, 0, 0]) == expected
    other = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)
    assert isinstance(lt & other, rasp.SelectorAnd)
    assert isinstance(~rasp.SelectorAnd(lt, other), rasp.SelectorNot)
    assert rasp.evaluate(~lt, [0, 0]) == [[True, True], [False, True]]


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda: rasp.Map(lambda x: x, "tokens"), "inner"),
        (lambda: rasp.Map(rasp.tokens, rasp.tokens), "function"),
        (lambda: rasp.SequenceMap(lambda a, b: a, rasp.tokens, 3), "second s-op"),
        (lambda: rasp.Select(rasp.tokens, [1], rasp.Comparison.EQ), "queries"),
        (lambda: rasp.Aggregate(rasp.tokens, rasp.tokens), "selector"),
        (lambda: rasp.SelectorWidth(rasp.tokens), "selector"),
        (lambda: rasp.Aggregate(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ), rasp.tokens, [1]), "default"),
    ],
)
def test_bad_arguments_name_the_culprit(build, message):
    with pytest.raises(TypeError, match=message):
        build()


def test_comparison_rejects_none_like_tracr():
    with pytest.raises(ValueError, match="key is None"):
        rasp.Comparison.LT(None, 1)
    assert rasp.Comparison.GEQ(2, 1) and not rasp.Comparison.FALSE(1, 1)


# ------------------------------------------------------------------- SelectPreferred, LinearClassifier

def test_select_preferred_checks_its_arguments():
    select = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)
    preferred = rasp.SelectPreferred(select, lambda k, q: k)
    assert preferred.children == (select,) and preferred.label.startswith("select_preferred_")
    with pytest.raises(TypeError, match="SelectPreferred: the selector must be a Selector"):
        rasp.SelectPreferred(rasp.tokens, lambda k, q: k)
    with pytest.raises(TypeError, match="SelectPreferred: the function argument"):
        rasp.SelectPreferred(select, 3)


def classifier(**changes):
    args = dict(inputs=[rasp.tokens, rasp.indices], weights=[{"a": [1, 0]}, {0: [0, 2.5]}], bias=[0, 0],
                classes=["x", "y"])
    args.update(changes)
    return rasp.LinearClassifier(**args)


def test_linear_classifier_keeps_its_tables():
    c = classifier()
    assert c.children == (rasp.tokens, rasp.indices) and rasp.is_categorical(c)
    assert c.weights == ({"a": (1.0, 0.0)}, {0: (0.0, 2.5)}) and c.bias == (0.0, 0.0) and c.classes == ("x", "y")


@pytest.mark.parametrize("changes, error, message", [
    (dict(inputs=[]), ValueError, "at least one input"),
    (dict(inputs=[rasp.tokens, "indices"]), TypeError, r"inputs\[1\] must be a SOp"),
    (dict(classes=[]), ValueError, "at least one class"),
    (dict(classes=["x", "x"]), ValueError, r"classes\[1\] = 'x' repeats classes\[0\]"),
    (dict(classes=["x", None]), TypeError, r"classes\[1\] is None"),
    (dict(bias=[0]), ValueError, "bias has 1 scores, expected 2"),
    (dict(bias=[0, float("nan")]), ValueError, "bias has a non-finite score"),
    (dict(weights=[{"a": [1, 0]}]), ValueError, "1 weight tables for 2 inputs"),
    (dict(weights=[{"a": [1, 0, 3]}, {}]), ValueError, r"weights\[0\]\['a'\] \(for 'tokens'\) has 3 scores, expected 2"),
    (dict(weights=[{"a": "xy"}, {}]), TypeError, r"weights\[0\]\['a'\] .* must be a sequence of 2 numbers"),
    (dict(weights=[[1, 0], {}]), TypeError, r"weights\[0\] must map values of inputs\[0\] \('tokens'\)"),
    (dict(weights=[{None: [1, 0]}, {}]), ValueError, r"weights\[0\] has scores for None"),
])
def test_linear_classifier_names_what_is_wrong(changes, error, message):
    with pytest.raises(error, match=message):
        classifier(**changes)


def test_annotations_get_is_mappings_get():
    """`_Annotations.get` is a shortcut of `Mapping.get` (no KeyError raised and caught): same answers."""
    import collections.abc

    named = rasp.numerical(rasp.annotate(rasp.Map(lambda x: x, rasp.tokens), name="n"))
    compacted = rasp.compact(rasp.Map(lambda x: x, rasp.tokens))
    selector = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)
    for expr in (named, compacted, selector, rasp.tokens):
        for key in ("name", "encoding", "compact", "nothing"):
            for default in (None, "fallback"):
                assert expr.annotations.get(key, default) == collections.abc.Mapping.get(expr.annotations, key, default)
