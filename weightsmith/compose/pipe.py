"""`pipe`: one model that runs a first model, then a second model on the first one's output.

    piped = pipe(sort_model, reverse_model)
    piped.apply(["BOS", *xs]).decoded[1:] == reverse_model.apply(["BOS", *sorted_xs]).decoded[1:]

From weights alone. The two models sit in separate residual blocks (`stack.Stack`); the second one's
layers start after the first one's, with one MLP layer between them that *is* the second model's token
embedding, applied to the first one's output:

- the first model's output dimension of value v holds ~1 where it outputs v and ~0 elsewhere (one-hot);
  two ReLUs turn it into an exact 0/1 step (relu(2x - 0.5) - relu(2x - 1.5): 0 for x <= 0.25, 1 for
  x >= 0.75, exact in float arithmetic there) and write it, times the second model's embedding of token v,
  into the second model's block: a linear map from the first model's output space to the second one's
  token embedding;
- the second model's position embedding and its BOS embedding are in place from the start (the first
  model's layers never touch its block), and the step is switched off at BOS (a `pipe:bos` dimension),
  where the second model must see its own BOS embedding and nothing else;
- the same steps, summed, write a `pipe:fed` dimension: 1 where the first model's output is a value, 0 where
  it is None (no step fires). There the second model has no input and the pipe is undefined: its residual
  holds no token embedding and it would still answer something, so the model refuses such an input wherever it
  decodes, naming the first model and the position: its config records `pipe:fed` (`config.composed.fed`, with
  the pipes inside its components) and the read-out carries it (`weightsmith.model.domain`);
- a learned Transformer Program as the second model reads whatever stands at position 1 as its BOS: the step of
  the value that is its BOS (`ModelConfig.first_token`) also writes a `pipe:first` dimension, a `fed` check of
  position 1 alone (`FedCheck.first_token`), so the model refuses an input on which the first model outputs
  another token there; a first model that never outputs it is refused here (undefined on every input).

A causal model piped with a bidirectional one keeps its mask by a score term (`Stack.causal_terms`).
So the second model's residual holds exactly its embedding of [BOS, first's outputs], and it computes what
it computes on that input. The first model's output must be categorical, and every value it can output a
token of the second model (ComposeError otherwise), and one-hot: a LinearClassifier's output holds class
scores (`config.output_scores`), refused by name (the step fired for every positive score: wrong tokens,
without a word; a folder saved before that flag existed cannot say so); and of one type per value: an
output whose type is decoded by case (`config.output_types`: 2 or 2.0) is refused (the step fed the stored
2 for 2.0). Inputs on which the first model outputs None have no second input: the model refuses them (InputError).
A pipe folder saved before its config recorded `pipe:fed` runs unchecked as a plain model, and is refused as a
component or by `ComposedModel.of` (`composed.saved_unrecorded`); build it again.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from weightsmith import rasp
from weightsmith.compose.composed import BOS_FLAG, FED, FIRST, ComposedModel
from weightsmith.compose.rebase import rebase
from weightsmith.compose.stack import ComposeError, Stack, common_specials, model_dtype
from weightsmith.compose.switch import GATE, MASK, inner_pipes, unwrap
from weightsmith.model.config import ComposedConfig, FedCheck
from weightsmith.rasp.typed_tokens import is_token, not_tokens


def pipe(first: Any, second: Any, names: tuple[str, str] = ("first", "second")) -> ComposedModel:
    """The model computing `second` on the outputs of `first` (each a Transformer or compiled model)."""
    a, b = unwrap(first, names[0]), unwrap(second, names[1])
    if names[0] == names[1] or any("/" in n or "|" in n or ":" in n or not n for n in names):
        raise ComposeError(f"pipe names {names}: two different non-empty names without '/', '|' or ':'")
    bos, pad, causal = common_specials(dict(zip(names, (a, b))), list(a.config.vocab))
    if a.config.output_encoding != "categorical":
        raise ComposeError(f"{names[0]!r} has a numerical output; pipe feeds a categorical output (one value per "
                           f"position) to {names[1]!r} as tokens")
    if a.config.output_scores:  # the step below would fire for every class scoring above 0.25, not the argmax
        raise ComposeError(f"{names[0]!r} outputs a linear classifier's class scores (a learned program's "
                           "read-out: the largest wins), not one-hot values; pipe feeds a one-hot output to "
                           f"{names[1]!r} as tokens")
    if a.config.output_types is not None:  # the step below feeds the stored value: 2 where the first says 2.0
        raise ComposeError(f"{names[0]!r} decodes the type of its outputs by case (an int 2 where one key is "
                           "selected, a float 2.0 where several: config.output_types); pipe feeds each output value "
                           f"as one token, so {names[1]!r} would read 2 for 2.0; give the first model's output one "
                           "type (e.g. a Map to float) before piping it")
    foreign = not_tokens(a.config.output_values, b.config.vocab)
    if foreign:
        raise ComposeError(f"{names[0]!r} can output {foreign}, which {names[1]!r} has no token for (its vocabulary "
                           f"is {b.config.vocab}); tokens match by type and value")
    start = b.config.first_token  # a learned program's BOS: what `first` must output at position 1
    if start is not None and not is_token(start, a.config.output_values):
        raise ComposeError(f"{names[1]!r} is a learned program that reads its first input token as its BOS token "
                           f"{start!r}, and {names[0]!r} never outputs {start!r} (its outputs: "
                           f"{a.config.output_values}): the pipe would be undefined on every input")
    stack = Stack(list(a.config.vocab), min(a.config.max_seq_len, b.config.max_seq_len), bos, pad)
    first_block = stack.add_block(names[0], a)
    middle = len(a.config.layers)
    second_block = stack.add_block(names[1], b, first_layer=middle + 1)
    at_bos, at_fed = stack.add_dims([BOS_FLAG, FED])
    starts = [] if start is None else [FedCheck(dim=stack.add_dims([FIRST])[0], first=names[0], second=names[1],
                                                first_token=start)]
    stack.embed_tokens(first_block)
    stack.embed_positions(first_block)
    stack.embed_tokens(second_block, only_specials=True)
    stack.embed_positions(second_block)
    stack.token_embed[0, at_bos] = 1.0
    terms = stack.causal_terms(MASK) if a.config.causal != b.config.causal else []
    for block in (first_block, second_block):
        stack.place_layers(block, score_terms=terms if block.config.causal else [])

    n = len(a.config.output_dims)
    W_in, W_out = np.zeros((stack.d, 2 * n)), np.zeros((2 * n, stack.d))
    for j, (dim, value) in enumerate(zip(a.config.output_dims, a.config.output_values)):
        W_in[first_block.offset + dim, 2 * j:2 * j + 2] = 2.0
        W_in[at_bos, 2 * j:2 * j + 2] = -GATE
        embedding = second_block.token_row(value)
        W_out[2 * j, second_block.dims], W_out[2 * j + 1, second_block.dims] = embedding, -embedding
        W_out[2 * j, at_fed], W_out[2 * j + 1, at_fed] = 1.0, -1.0
        if starts and is_token(value, [start]):  # the learned program's BOS is fed: `pipe:first` is 1
            W_out[2 * j, starts[0].dim], W_out[2 * j + 1, starts[0].dim] = 1.0, -1.0
    stack.add_units(middle, W_in, np.tile([-0.5, -1.5], n), W_out)

    config = b.config
    built = stack.build(output_dims=[second_block.offset + d for d in config.output_dims],
                        output_encoding=config.output_encoding, output_values=list(config.output_values),
                        output_tolerance=config.output_tolerance, output_label=config.output_label, causal=causal,
                        dtype=model_dtype([a, b]), output_types=_shifted(config.output_types, second_block.offset),
                        output_scores=config.output_scores,
                        composed=ComposedConfig(kind="pipe", parts=list(names), fed=[
                            *inner_pipes(first_block), FedCheck(dim=at_fed, first=names[0], second=names[1]),
                            *starts, *inner_pipes(second_block)]))
    return ComposedModel(built)


def _shifted(types: dict | None, offset: int) -> dict | None:
    """The second model's `output_types` (which type each decoded value takes) at its block's dims."""
    return None if types is None else {"dims": [offset + d for d in types["dims"]], "types": list(types["types"])}


def pipe_program(first: Any, second: Any) -> rasp.SOp:
    """The RASP program a pipe of two compiled models computes (what `verify` checks it against): the second
    one's program reading the first one's output as its tokens. Each is a CompiledModel; a causal one
    contributes its causal form, as its model computes that (`compiler.causal`)."""
    from weightsmith.compiler.causal import causal_program

    a, b = (causal_program(m.program)[0] if m.config.causal else m.program for m in (first, second))
    return rebase(b, a, 0, 1, "then_")
