"""A learned Transformer Program, compiled back into a transformer: decompile to RASP, then compile.

    compiled = compile_program(program)           # a weightsmith.compiler.CompiledModel
    predict(compiled, [["BOS", 3, 1, 2]])         # == program.predict([["BOS", 3, 1, 2]])

The loop closes exactly: the RASP program (`to_rasp`) equals `DiscreteProgram.predict` on every input,
and the compiler's model equals the RASP program on every input, the linear classifier included (it
is a `rasp.LinearClassifier`, compiled with a proof that float32 keeps its argmax; its weights must be
integers, as the pruned programs' are, or the compiler says "quantise the classifier").

Inputs start with the program's own BOS token, which to RASP is an ordinary token at position 0; the
compiled model puts its own BOS in front (at model position 0, read by no s-op), named so that it
clashes with no token of the program's vocabulary. The program reads whatever stands first as its BOS, so
the model's `config.first_token` makes it refuse inputs that start otherwise, as `predict` does.
"""

from __future__ import annotations

from typing import Sequence

from weightsmith.compiler import CompiledModel, compile_rasp_to_model
from weightsmith.learn.model import TransformerProgramModel
from weightsmith.learn.program import DiscreteProgram
from weightsmith.learn.to_rasp import decompile_to_rasp


def compile_program(model: DiscreteProgram | TransformerProgramModel) -> CompiledModel:
    """The transformer computing `model`'s predictions (a trained model is discretised first).

    Raises `CompileError` (from `weightsmith.compiler`) when the classifier's weights are not exactly
    summable integers, or too large for float32 to keep their order.
    """
    program = model if isinstance(model, DiscreteProgram) else model.discretise()
    config = program.config
    bos, pad = _fresh("<bos>", config.vocab), _fresh("<pad>", config.vocab)
    # A causal program only looks back (every selector has a `<=` on positions), so the compiler
    # gives it a causal model by itself: the same outputs, generated token by token.
    compiled = compile_rasp_to_model(decompile_to_rasp(program), vocab=list(config.vocab),
                                     max_seq_len=config.max_len, compiler_bos=bos, compiler_pad=pad)
    # The program reads whatever stands first as its BOS; the model refuses other inputs, saved and loaded too.
    compiled.config.first_token = config.vocab[0]
    compiled.config.validate()
    return compiled


def predict(compiled: CompiledModel, inputs: Sequence[Sequence]) -> list[list]:
    """The compiled model's labels for each input (starting with the program's BOS), one per position:
    what `DiscreteProgram.predict` gives."""
    return compiled.run_batch([list(x) for x in inputs])


def _fresh(name: str, vocab: Sequence) -> str:
    """`name`, with underscores added until it is no token of `vocab`."""
    taken = {t for t in vocab if isinstance(t, str)}
    while name in taken:
        name = f"_{name}_"
    return name
