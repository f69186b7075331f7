"""The differential fuzzer (tests/fuzz_programs.py), fast: every random program either compiles to a
model equal to the interpreter wherever the interpreter is defined, or is refused with CompileError; and
the model keeps that after a save and load, in a switch or pipe, on its inputs' prefixes (causal), and
against `predict` (a learned program).

A fixed run of seeds (reproducible; a failure prints the program as code). The long run is
benchmarks/fuzz_compiler.py.
"""

import pytest
import torch

from tests.fuzz_programs import check, random_case, tally

SEEDS = range(1_100, 1_152)  # the widened programs cost about 1.5 times the old ones: 52 keep the old time


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)  # compiled models are narrow: one thread is fastest
    yield
    torch.set_num_threads(before)


@pytest.mark.parametrize("chunk", range(4))
def test_random_programs_compile_exactly_or_are_refused(chunk):
    outcomes = []
    for seed in SEEDS[chunk::4]:
        case = random_case(seed)
        outcome = check(case, exhaustive_limit=2_000, n_random=400, seed=seed, alone=3)
        assert outcome.status != "crashed", f"seed {seed}: {outcome.reason}\n{case.source}"
        assert outcome.n_wrong == 0, f"seed {seed}: (input, model, interpreter) {outcome.first_wrong}\n{case.source}"
        assert outcome.n_alone_differs == 0, f"seed {seed}: (input, alone, batched) {outcome.first_wrong}\n{case.source}"
        assert outcome.n_others_differ == 0, f"seed {seed}: (input, ours, (promise, theirs)) {outcome.first_wrong}\n{case.source}"
        outcomes.append(outcome)
    counts = tally(outcomes)
    assert counts["compiled"] >= counts["programs"] // 2  # the fuzzer tests models, not just refusals
