"""rebase: a program run on the positions from `start` on computes there what it computes on the data alone."""

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.program_strategies import random_programs
from weightsmith import rasp
from weightsmith.compose import ComposeError
from weightsmith.compose.rebase import rebase
from weightsmith.library.positions import make_reverse
from weightsmith.verify import same_value


def defined(program, xs):
    try:
        return rasp.evaluate(program, xs)
    except rasp.EvaluationError:
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data(), case=random_programs(max_ops=6, max_vocab=3, max_len=4))
def test_rebased_program_equals_the_program_on_the_data(data, case):
    start = data.draw(st.integers(1, 3))
    prefix = data.draw(st.lists(st.sampled_from(case.vocab), min_size=start, max_size=start))
    xs = data.draw(st.lists(st.sampled_from(case.vocab), min_size=1, max_size=case.max_seq_len))
    expected = defined(case.program, xs)
    assume(expected is not None)
    # the prefix positions read the prefix tokens; the rebased program must ignore them
    rebased = rebase(case.program, rasp.tokens, start, start + case.max_seq_len, "r_")
    got = defined(rebased, prefix + xs)
    assume(got is not None)  # at the prefix positions a None may reach a comparison: undefined there
    assert len(got) - start == len(expected) and all(map(same_value, got[start:], expected))


def test_selectors_never_see_the_prefix():
    reversed_data = rebase(make_reverse(rasp.tokens), rasp.tokens, 2, 6, "r_")
    assert rasp.evaluate(reversed_data, ["p", "q", "a", "b", "c"])[2:] == ["c", "b", "a"]
    width = rebase(rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)), rasp.tokens, 2, 6, "w_")
    assert rasp.evaluate(width, ["p", "q", "a", "b"])[2:] == [2, 2]
    assert rasp.evaluate(rebase(rasp.length, rasp.tokens, 1, 5, "l_"), ["p", "a", "b"])[1:] == [2, 2]


def test_constant_sops_are_refused():
    with pytest.raises(ComposeError, match="fixes the sequence length"):
        rebase(rasp.ConstantSOp([1, 2]) + rasp.tokens, rasp.tokens, 1, 4, "c_")
