"""What Tracr's suite expects to fail compiles exactly with weightsmith.

Tracr's `test_cases.UNSUPPORTED_TEST_CASES` are programs its compiler rejects with NotImplementedError
(the nine expected failures of `test_integration.py`). weightsmith compiles them by design; here each
compiled model, plain and causal, is compared with an interpreter on every input (vocab {1, 2, 3},
lengths 1..5: 363 inputs): the plain model with `rasp.evaluate`, the causal one with Tracr's own
causal evaluator (`causal_eval.evaluate`, running on weightsmith's `DefaultRASPEvaluator`).
"""

import pytest

from tests.compiler.agreement import every_input, same_value
from tests.tracr_suite.shim import load_tracr_module
from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model

_CASES = load_tracr_module("tracr.compiler.test_cases").UNSUPPORTED_TEST_CASES
_causal_eval = load_tracr_module("tracr.rasp.causal_eval")


@pytest.mark.parametrize("causal", [False, True], ids=["plain", "causal"])
@pytest.mark.parametrize("case", _CASES, ids=[case["testcase_name"] for case in _CASES])
def test_programs_tracr_rejects_compile_exactly(case, causal):
    program, vocab, max_seq_len = case["program"], case["vocab"], case["max_seq_len"]
    compiled = compile_rasp_to_model(program, vocab, max_seq_len, causal=causal)
    evaluate = _causal_eval.evaluate if causal else rasp.evaluate
    inputs = every_input(sorted(vocab), max_seq_len)
    for xs, ours in zip(inputs, compiled.run_batch(inputs)):
        theirs = evaluate(program, xs)
        assert len(ours) == len(theirs) and all(map(same_value, ours, theirs)), (xs, ours, theirs)
