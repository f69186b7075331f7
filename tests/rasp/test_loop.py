"""The loop construct: semantics (halting, max_steps, halt checks), unrolling law, batch and trace
agreement, value sets (fixpoint, given values, unbounded state)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.loop_programs import rotate_left
from weightsmith import rasp


def counter(limit: int, max_steps: int, start: int = 0) -> rasp.Loop:
    """Counts from `start` (at every position) until it reaches `limit` (saturating at it)."""
    init = rasp.Map(lambda t: start, rasp.tokens)
    return rasp.Loop(
        state={"c": init},
        step=lambda s: {"c": rasp.Map(lambda c: min(c + 1, limit), s["c"])},
        halt=lambda s: rasp.Map(lambda c: c >= limit, s["c"]),
        max_steps=max_steps,
    )


@given(start=st.integers(0, 6), limit=st.integers(0, 6), max_steps=st.integers(0, 8), n=st.integers(1, 4))
@settings(max_examples=60, deadline=None)
def test_counter_steps_and_halting(start, limit, max_steps, n):
    loop = counter(limit, max_steps, start)
    xs = ["a"] * n
    expected_steps = min(max(limit - start, 0), max_steps)
    final = start + expected_steps if start < limit else start
    assert rasp.evaluate(loop.steps, xs) == [expected_steps] * n
    assert rasp.evaluate(loop["c"], xs) == [final] * n
    assert rasp.evaluate(loop.halted, xs) == [final >= limit] * n


@given(xs=st.lists(st.sampled_from("abc"), min_size=1, max_size=5), k=st.integers(0, 7))
@settings(max_examples=50, deadline=None)
def test_a_loop_that_never_halts_is_its_step_unrolled_max_steps_times(xs, k):
    loop = rotate_left(k)
    assert rasp.evaluate(loop["xs"], xs) == xs[k % len(xs):] + xs[:k % len(xs)]
    assert rasp.evaluate(loop.steps, xs) == [k] * len(xs)
    assert rasp.evaluate(loop.halted, xs) == [False] * len(xs)


def test_halting_stops_before_the_step_and_batch_agrees():
    loop = rotate_left(100, lambda x: x == "c")
    inputs = [["a", "b", "c"], ["c", "a"], ["a", "b", "a"][:1], ["b", "b", "c", "a"]]
    for xs in inputs:
        want = xs.index("c") if "c" in xs else 100
        assert rasp.evaluate(loop.steps, xs)[0] == want
        assert rasp.evaluate(loop.halted, xs)[0] == ("c" in xs)
        assert rasp.evaluate(loop["xs"], xs)[0] == ("c" if "c" in xs else xs[100 % len(xs)])
    program = rasp.SequenceMap(lambda x, s: f"{x}{s}", loop["xs"], loop.steps)
    assert rasp.evaluate_batch(program, inputs) == [rasp.evaluate(program, xs) for xs in inputs]


def test_halt_must_be_the_same_at_every_position():
    loop = rasp.Loop(state={"x": rasp.indices}, step=lambda s: {"x": s["x"]},
                     halt=lambda s: rasp.Map(lambda i: i > 0, s["x"]).named("late"), max_steps=3)
    with pytest.raises(rasp.RASPError, match=r"'late'.*iteration 0"):
        rasp.evaluate(loop["x"], [1, 2])
    assert rasp.evaluate(loop.steps, [1]) == [3]  # one position: the same everywhere


def test_step_must_return_every_state_name_and_placeholders_stay_inside():
    with pytest.raises(ValueError, match="exactly the state's names"):
        rasp.Loop(state={"x": rasp.tokens}, step=lambda s: {"y": s["x"]}, halt=lambda s: s["x"])
    leaked = []
    rasp.Loop(state={"x": rasp.tokens}, step=lambda s: leaked.append(s["x"]) or {"x": s["x"]},
              halt=lambda s: rasp.Map(lambda x: True, s["x"]))
    with pytest.raises(rasp.EvaluationError, match="only inside that loop"):
        rasp.evaluate(rasp.Map(str, leaked[0]), [1])


def test_trace_lists_every_iteration():
    loop = counter(2, 10).named("count")
    entry = rasp.trace(loop["c"], ["a"])["count"]
    assert entry.kind == "Loop"
    assert entry.value["steps"] == 2 and entry.value["halted"] is True
    assert [it["count.c"] for it in entry.value["iterations"]] == [[0], [1], [2]]


def test_value_sets_are_closed_under_the_step():
    loop = counter(5, 100, start=2)
    assert rasp.value_set(loop["c"], {"a"}, 3) == {2, 3, 4, 5}
    assert rasp.value_set(loop.halted, {"a"}, 3) == {False, True}
    assert rasp.value_set(loop.steps, {"a"}, 3) == set(range(101))


def test_an_unbounded_state_is_refused_and_given_values_are_checked():
    grow = rasp.Loop(state={"c": rasp.indices}, step=lambda s: {"c": rasp.Map(lambda c: c + 1, s["c"])},
                     halt=lambda s: rasp.Map(lambda c: c > 3, s["c"]))
    with pytest.raises(rasp.ValueSetError, match=r"state \['c'\] are not closed under the step"):
        rasp.value_set(grow["c"], {"a"}, 2)
    given_values = rasp.Loop(state={"c": rasp.indices}, step=lambda s: {"c": rasp.Map(lambda c: c + 1, s["c"])},
                             halt=lambda s: rasp.Map(lambda c: c > 3, s["c"]), values={"c": range(5)})
    with pytest.raises(rasp.ValueSetError, match=r"given for state 'c' are not closed.*\[5\]"):
        rasp.value_set(given_values["c"], {"a"}, 2)
    ok = rasp.Loop(state={"c": rasp.indices}, step=lambda s: {"c": rasp.Map(lambda c: min(c + 1, 9), s["c"])},
                   halt=lambda s: rasp.Map(lambda c: c > 3, s["c"]), values={"c": range(10)})
    assert rasp.value_set(ok["c"], {"a"}, 2) == set(range(10))
