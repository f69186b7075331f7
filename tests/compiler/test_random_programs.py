"""Compiled == interpreted on random well-typed programs (tests/program_strategies.py), on every input.

Each example compiles a random program (Maps, SequenceMaps, Selects with every comparison, categorical
and numerical Aggregates, SelectorWidth, SelectorAnd/Or/Not, numerical Maps and LinearSequenceMaps)
and verifies the model exhaustively: vocabularies of at most 3 tokens and lengths of at most 5 keep
that to at most 363 inputs, so 500 programs take seconds. Programs that fail show as code (their repr).
"""

from hypothesis import HealthCheck, given, settings

from tests.compiler.agreement import compile_noting_type_warnings
from tests.program_strategies import random_programs
from weightsmith.verify import verify


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=random_programs(max_ops=8, max_vocab=3, max_len=5))
def test_compiled_model_equals_interpreter_on_every_input(case):
    """Where the compiler warns that an output's int-or-float type is not covered (OutputTypeWarning), verify
    (which tells 1 from 1.0) may report that type; such programs' values are checked by
    tests/compiler/test_compiled.py's `test_random_programs_decode_the_interpreters_types`."""
    model, type_warned = compile_noting_type_warnings(case.program, set(case.vocab), case.max_seq_len)
    report = verify(model, case.program, progress=False)
    assert report.exhaustive
    if not type_warned:
        assert report.ok, f"{report}\n{case!r}"
