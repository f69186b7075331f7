"""ComposedModel: a switch's input must name a component right after BOS."""

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.compose import ComposedModel, switch
from weightsmith.library.counting import make_double_hist
from weightsmith.rasp.errors import InputError


@pytest.fixture(scope="module")
def switched():
    inc = compile_program(rasp.Map(lambda x: (x + 1) % 3, rasp.tokens).named("inc"), [0, 1, 2], 3)
    first = rasp.Aggregate(rasp.Select(rasp.indices, rasp.Map(lambda i: 0, rasp.indices), rasp.Comparison.EQ),
                           rasp.tokens).named("first")
    return switch({"0": inc, "F": compile_program(first, [0, 1, 2], 3)})


@pytest.mark.parametrize("tokens", [["BOS", 0, 1, 2], ["BOS", 1], ["BOS"]])
def test_an_input_without_a_selector_after_bos_is_refused(switched, tokens):
    # it answered None at every position (`weightsmith run SWITCH 0 1 2` printed [0, None, None]): the
    # integer 0 is a token of the components, not the selector '0'
    with pytest.raises(InputError, match=r"right after BOS.*one of \['0', 'F'\]"):
        switched.apply(tokens)
    with pytest.raises(InputError, match=r"input 1: .*right after BOS"):
        switched.apply_batch([["BOS", "F", 2], tokens])
    reloaded = ComposedModel.of(switched.model)
    assert reloaded.apply(["BOS", "0", 0, 2]).decoded == ["BOS", "0", 1, 0]
    assert reloaded.apply_batch([["BOS", "F", 2, 1]]) == [["BOS", "F", 2, 2]]


def test_a_string_input_is_refused_with_the_token_list_meant(switched):
    with pytest.raises(InputError, match=r"^input 0: expected a list of tokens, got the string 'BOS F': give \['BOS', 'F'\]"):
        switched.apply("BOS F")
    with pytest.raises(InputError, match=r"^input 1: .*the string 'F0'"):
        switched.run_batch([["F", 0], "F0"])


def test_each_entry_point_checks_the_token_lists_once(switched, token_checks):
    """`run_batch` checked its inputs in `with_bos`, `apply_batch` and `encode`."""
    calls = {"apply": lambda: switched.apply(["BOS", "F", 2]), "apply_batch": lambda: switched.apply_batch([["BOS", "F", 2]]),
             "run": lambda: switched.run(["0", 1]), "run_batch": lambda: switched.run_batch([["0", 1], ["F", 2, 0]])}
    for name, call in calls.items():
        token_checks.clear()
        call()
        assert len(token_checks) == 1, name


def test_a_number_typed_for_a_text_selector_is_told_how_to_type_the_selector(switched):
    """`weightsmith run SWITCH 0 1 2` over selectors '0' and 'F' reads the typed 0 as the components'
    number: the refusal said "one of ['0', 'F']; got 0", which reads as if 0 were one of them."""
    with pytest.raises(InputError, match=r"got the int 0; the selector '0' is text: at the command line, "
                                         r"type it quoted, \"'0'\""):
        switched.apply(["BOS", 0, 1])


def test_a_token_outside_the_chosen_components_vocabulary_is_refused(switched):
    # hist over a, b beside a copy over 0, 1, 2: hist's block embeds the token 1 as zeros, and `H a 1 1` answered
    # [1, 3, 3] (hist of it is [1, 2, 2]) where hist's own model refuses the token 1
    hist = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)).named("hist")
    copy = rasp.Map(lambda x: x, rasp.tokens, simplify=False).named("copy")
    sw = switch({"H": compile_program(hist, ["a", "b"], 3), "T": compile_program(copy, [0, 1, 2], 3)})
    with pytest.raises(InputError, match=r"^input 0: token 1 at position 3 is not in the vocabulary of 'H' "
                                         r"\(\['a', 'b'\]\): the switch is undefined there$"):
        sw.apply(["BOS", "H", "a", 1, 1])
    with pytest.raises(InputError, match=r"^input 1: token 'b' at position 2 is not in the vocabulary of 'T'"):
        ComposedModel.of(sw.model).apply_batch([["BOS", "H", "a", "b"], ["BOS", "T", "b"]])
    assert sw.apply_batch([["BOS", "H", "a", "b", "a"], ["BOS", "T", 2, 0]]) == [["BOS", "H", 2, 1, 2], ["BOS", "T", 2, 0]]
    assert not [label for label in switched.config.residual_labels if label.startswith("outside:")]  # one vocabulary


def test_an_input_longer_than_the_chosen_component_takes_is_refused():
    # a switch takes its longest component's length: hist over 2 tokens, chosen for 4, read positions it has no
    # embedding for and answered [2, 2, 2, 1] (hist of `a a a b` is [3, 3, 3, 1]) where hist's model refuses
    hist = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)).named("hist")
    copy = rasp.Map(lambda x: x, rasp.tokens, simplify=False).named("copy")
    sw = switch({"H": compile_program(hist, ["a", "b"], 2), "T": compile_program(copy, ["a", "b"], 5)})
    with pytest.raises(InputError, match=r"^input 0: 'H' takes at most 2 tokens, got 4: the switch is undefined "
                                         r"there$"):
        sw.apply(["BOS", "H", "a", "a", "a", "b"])
    assert sw.apply_batch([["BOS", "H", "a", "a"], ["BOS", "T", "a", "b", "b", "a", "a"]]) == [
        ["BOS", "H", 2, 2], ["BOS", "T", "a", "b", "b", "a", "a"]]


def test_inputs_refused_in_a_batch_are_not_decoded():
    # The fuzzer's seed 8001668: `apply_batch(undefined_as_none=True)` (what check_switch and check_pipe run)
    # decoded every row, and a numerical component's number on a token only another component knows (-1.375,
    # near no value it can take) raised OutputOutOfRange instead of giving None for the refused input
    double_hist = make_double_hist()
    shifted = rasp.SequenceMap(lambda x, y: x - y, double_hist, rasp.length)
    mean = rasp.numerical(rasp.Aggregate(rasp.Select(shifted, rasp.tokens, rasp.Comparison.LT), shifted, default=0.5))
    negated = rasp.numerical(rasp.Map(lambda x: -x, rasp.tokens))
    sw = switch({"A": compile_program(mean, [1, 4], 3), "B": compile_program(negated, [0, 1, 4, 5], 3)})
    assert sw.apply_batch([["BOS", "A", 4, 1, 4], ["BOS", "A", 4, 0, 4]], undefined_as_none=True) == [
        ["BOS", "A", *rasp.evaluate(mean, [4, 1, 4])], None]
    with pytest.raises(InputError, match=r"^input 0: token 0 at position 3 is not in the vocabulary of 'A'"):
        sw.apply(["BOS", "A", 4, 0, 4])


def test_run_and_run_batch_answer_and_refuse_as_apply_does():
    # ComposedModel had no run/run_batch (AttributeError), though it answers "like a compiled model"
    from tests.composed_models import (PIPE_ANSWERED, PIPE_REFUSED, SWITCH_ANSWERED, SWITCH_REFUSED, pipe_model,
                                       switch_model)

    for model, answered, refused, prefix in [(switch_model(), SWITCH_ANSWERED, SWITCH_REFUSED, 1),
                                             (pipe_model(), PIPE_ANSWERED, PIPE_REFUSED, 0)]:
        inputs = [tokens[1:] for tokens, _ in answered]
        want = [[*tokens[1:1 + prefix], *out] for tokens, out in answered]  # a switch echoes its selector
        assert [model.run(x) for x in inputs] == want
        assert model.run_batch(inputs) == want
        for tokens, message in refused:
            with pytest.raises(InputError, match=message):
                model.run(tokens[1:])
            with pytest.raises(InputError, match=message.replace("input 0", "input 1")):
                model.run_batch([inputs[0], tokens[1:]])
