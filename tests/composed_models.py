"""Small composed models with inputs outside their domains, for the tests of every path that decodes them
(`weightsmith.model.domain`: plain `run`, `apply`, saved folders, the ONNX and TransformerLens exports)."""

from __future__ import annotations

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.compose import pipe, programmable, switch
from weightsmith.compose.composed import ComposedModel
from weightsmith.compose.primitives import integer_primitives

HIST = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)).named("hist")
COPY = rasp.Map(lambda x: x, rasp.tokens, simplify=False).named("copy")
ZERO_NONE = rasp.Map(lambda t: None if t == 0 else t, rasp.tokens).named("zn")


def switch_model() -> ComposedModel:
    """H: hist over a, b (2 tokens); T: a copy over 0, 1, 2 (3 tokens); P: None-for-0 then hist over 0..2."""
    piped = pipe(compile_program(ZERO_NONE, [0, 1, 2], 3), compile_program(HIST, [1, 2], 3), names=("zero_none", "h"))
    return switch({"H": compile_program(HIST, ["a", "b"], 2), "T": compile_program(COPY, [0, 1, 2], 3), "P": piped})


# (input, the refusal's message as a regex); each is outside the switch's domain, and the model answered them
SWITCH_REFUSED = [
    (["BOS", 0, 1], r"^input 0: a switch reads a selector right after BOS, one of \['H', 'T', 'P'\]; got 0$"),
    (["BOS", "H", "a", 1], r"^input 0: token 1 at position 3 is not in the vocabulary of 'H' \(\['a', 'b'\]\): the "
                           r"switch is undefined there$"),
    (["BOS", "H", "a", "a", "b"], r"^input 0: 'H' takes at most 2 tokens, got 3: the switch is undefined there$"),
    (["BOS", "P", 1, 0], r"^input 0: 'zero_none' outputs None at position 3 \(BOS is 0, token 0\), so 'h' has no "
                         r"input and the pipe is undefined there$"),
]
SWITCH_ANSWERED = [(["BOS", "H", "a", "b"], [1, 1]), (["BOS", "T", 2, 0, 1], [2, 0, 1]), (["BOS", "P", 1, 2, 1], [2, 1, 2])]


def pipe_model() -> ComposedModel:
    """None-for-0, then a chain: hist over 1, 2, then a copy of the counts."""
    inner = pipe(compile_program(HIST, [1, 2], 3), compile_program(COPY, [1, 2, 3], 3), names=("hist", "copy"))
    return pipe(compile_program(ZERO_NONE, [0, 1, 2], 3), inner, names=("zero_none", "counts"))


PIPE_REFUSED = [(["BOS", 1, 0, 2], r"^input 0: 'zero_none' outputs None at position 2 \(BOS is 0, token 0\), so "
                                   r"'counts' has no input and the pipe is undefined there$")]
PIPE_ANSWERED = [(["BOS", 1, 2, 1], [2, 1, 2]), (["BOS", 2], [1])]


def programmable_model():
    """Two stages of nop, rev and sort over 0..3, up to 2 data tokens (a CompiledModel)."""
    primitives = integer_primitives([0, 1, 2, 3])
    return programmable({name: primitives[name] for name in ("nop", "rev", "sort")}, 2, [0, 1, 2, 3], 2)


PROGRAMMABLE_REFUSED = [(["BOS", "sort", 2, 0], r"^input 0, position 2: 2 is not an op"),
                        (["BOS", "sort", "rev", "nop"], r"^input 0, position 3: the op 'nop' stands among the data")]
PROGRAMMABLE_ANSWERED = [(["BOS", "sort", "rev", 2, 0], [2, 0]), (["BOS", "rev", "nop", 1, 3], [3, 1])]
