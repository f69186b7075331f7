"""weightsmith's compiler: a RASP program becomes a transformer whose outputs equal the interpreter's.

    from weightsmith.compiler import compile_rasp_to_model
    compiled = compile_rasp_to_model(program, vocab={1, 2, 3}, max_seq_len=5)
    compiled.apply(["BOS", 3, 1, 2]).decoded

Stages, a module each: `graph` (the program's expressions, uniquely labelled) -> `values` (value facts:
value sets, value combinations, selector behaviour; `copies` proves Aggregates copy, `causal` gives
the causal form) -> `lowering` (a representation per s-op - virtual where `linear` - and the
attention/MLP ops that write it; `selectors`, `attention`, `mlp` build the pieces, `classifier` the
linear read-out) -> `pruning` (dead dimensions and ops) -> `schedule` (the layer of each op) ->
`residual` (register allocation of dimensions) -> `assemble` (tensors and config) -> `compiled` (the
model with its reading guide).
"""

from weightsmith.compiler.compiled import CompiledModel, CompiledOutput, HeadInfo, SOpLayout
from weightsmith.compiler.compiling import compile_program, compile_rasp_to_model
from weightsmith.compiler.errors import (ClassifierTooLarge, CompileError, OutputTypeWarning, RoundingWarning,
                                         UndefinedInputsWarning)

__all__ = [
    "ClassifierTooLarge",
    "CompileError",
    "CompiledModel",
    "CompiledOutput",
    "HeadInfo",
    "OutputTypeWarning",
    "RoundingWarning",
    "SOpLayout",
    "UndefinedInputsWarning",
    "compile_program",
    "compile_rasp_to_model",
]
