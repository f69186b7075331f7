"""Laws of the interpreters on random programs (tests/program_strategies.py): the batched interpreter
gives what the reference interpreter gives, value for value and type for type, and every value lies
in the inferred value set."""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from tests.program_strategies import inputs_for, random_programs


def typed(values):
    """Values with their types, so that 1, 1.0 and True count as different results."""
    return [(type(v), v) for v in values]


@settings(max_examples=300, deadline=None)
@given(data=st.data(), case=random_programs(max_ops=8, max_vocab=4, max_len=6))
def test_batched_equals_reference(data, case):
    inputs = data.draw(inputs_for(case.vocab, case.max_seq_len))
    got = rasp.evaluate_batch(case.program, inputs, vocab=case.vocab, max_seq_len=case.max_seq_len)
    assert len(got) == len(inputs)
    for xs, out in zip(inputs, got):
        assert typed(out) == typed(rasp.evaluate(case.program, xs)), f"on {xs}"


@settings(max_examples=150, deadline=None)
@given(data=st.data(), case=random_programs(max_ops=8, max_vocab=4, max_len=6))
def test_batched_equals_reference_on_inputs_of_one_length(data, case):
    # Inputs of one length make s-ops and selectors of positions only the same for every input: the
    # batched interpreter then computes them (and Maps, widths and Aggregates over them) on one row.
    n = data.draw(st.integers(1, case.max_seq_len))
    row = st.lists(st.sampled_from(case.vocab), min_size=n, max_size=n)
    inputs = data.draw(st.lists(row, min_size=2, max_size=8))
    got = rasp.evaluate_batch(case.program, inputs, vocab=case.vocab, max_seq_len=case.max_seq_len)
    for xs, out in zip(inputs, got):
        assert typed(out) == typed(rasp.evaluate(case.program, xs)), f"on {xs}"


@settings(max_examples=200, deadline=None)
@given(data=st.data(), case=random_programs(max_ops=8, max_vocab=4, max_len=6))
def test_every_value_is_in_the_value_set(data, case):
    inputs = data.draw(inputs_for(case.vocab, case.max_seq_len))
    try:
        sets = rasp.value_sets(case.program, case.vocab, case.max_seq_len)
    except rasp.ValueSetError as err:
        assert "max_size" in str(err), err  # too large is a documented refusal; anything else is a bug
        assume(False)
    for xs in inputs:
        for label, entry in rasp.trace(case.program, xs).items():
            expr = next(e for e in rasp.topological_order(case.program) if e.label == label)
            outside = {v for v in entry.value if v is not None} - sets[id(expr)]
            assert not outside, f"{label} on {xs}: {outside} not in its value set {sets[id(expr)]}"


@settings(max_examples=100, deadline=None)
@given(data=st.data(), case=random_programs(max_ops=8, max_vocab=4, max_len=6))
def test_default_rasp_evaluator_equals_reference(data, case):
    # Tracr's recursive evaluator class (for subclasses such as Tracr's CausalEvaluator) and the
    # topological interpreter are one semantics.
    evaluator = rasp.DefaultRASPEvaluator()
    for xs in data.draw(inputs_for(case.vocab, case.max_seq_len, max_size=5)):
        assert typed(evaluator.evaluate(case.program, xs)) == typed(rasp.evaluate(case.program, xs)), f"on {xs}"
