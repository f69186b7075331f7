"""`rasp.with_domain`: the interpreter refuses inputs outside the ones annotated on a program."""

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_program

REVERSE = rasp.Aggregate(rasp.Select(rasp.indices, rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens,
                                                                                   rasp.Comparison.TRUE))
                                     - rasp.indices - 1, rasp.Comparison.EQ), rasp.tokens).named("reverse")


def test_an_annotated_domain_is_checked_by_every_entry_point_and_kept_by_named():
    program = rasp.with_domain(REVERSE, rasp.InputDomain(("^", "a", "b"), 3, first="^")).named("checked")
    assert rasp.evaluate(program, ["^", "a", "b"]) == ["b", "a", "^"]
    for xs, message in [(["a", "^"], "starts with 'a'"), (["^", "a", "b", "a"], "has length 4"),
                        (["^", "c"], "position 1: token 'c' is not in the vocabulary")]:
        for run in (lambda: rasp.evaluate(program, xs), lambda: rasp.evaluate_batch(program, [xs]),
                    lambda: rasp.trace(program, xs)):
            with pytest.raises(rasp.InputError, match=f"^input 0,? {message}"):
                run()
    assert rasp.evaluate(REVERSE, ["a", "^"]) == ["^", "a"]  # the s-op annotated is a copy: unchanged
    # the compiler does not read it: its vocab and max_seq_len bound the model's inputs
    compiled = compile_program(program, ["^", "a", "b"], 3)
    assert compiled.run(["^", "a", "b"]) == ["b", "a", "^"]
