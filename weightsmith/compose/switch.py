"""`switch`: one model that answers as one of several models, chosen by a token right after BOS.

    sw = switch({"A": sort_model, "B": reverse_model})
    sw.apply(["BOS", "A", 3, 1, 2]).decoded[2:] == sort_model.apply(["BOS", 3, 1, 2]).decoded[1:]

Built from the components' weights alone (compiled, learned-then-compiled or loaded models alike):

1. **Stack** every component block-diagonally (`stack.Stack`). Component position p is stack position
   p + 1 (the selector takes position 1), so each position embedding moves one place right; BOS stays at 0
   with the component's own BOS embedding, so a component's heads keep their BOS fallback.
2. **Hide the selector** from every component head: one more query/key column adds `-MASK` to the score of
   a selector key (query side: the constant dimension `one`, 1 at every position; key side: `is_selector`,
   1 at a selector token: two nonzero weights a head). exp(-MASK) is 0 in float32 and float64 alike, so each component head's attention pattern is
   the one it had without the selector - the component computes what it computed alone, position by position.
3. **Broadcast** the selector: one head in layer 0 (query `one`, key the selector dimensions) copies the
   selector's one-hot to every position (`selected:A`); the rest of its softmax weight (on BOS and tokens)
   carries zeros, so an unchosen selector reads exactly 0 and the chosen one reads 1 - e^-BROADCAST·n.
   Layer 0's MLP turns that into exact 0/1 flags `unselected:A` (2 ReLUs a selector; see `_flag_units`).
4. **Gate** in one added last layer: each component output dimension x goes to the shared output
   dimension of its value through relu(x - G·off) - relu(-x - G·off): exactly x where the component is
   chosen (off = 0), exactly 0 where not (off = 1, |x| <= G). Cost: 2 ReLUs per output dimension.
5. **Types** (`ModelConfig.output_types`: which Python type a decoded value takes, where the value set
   cannot tell, as a compiled mean's int 4 or float 4.0): each component gets a group of type dimensions,
   its own type scores gated like its outputs (a component without `output_types` gets one dimension
   holding 1, typed as its output values are: "int" if all are ints, "value" - as stored - if they mix),
   and one ReLU on `unselected` pushes an unchosen component's group down by G, so the argmax over all
   groups is the chosen component's. Added only when a component is typed or two components output equal
   values of different types (True and 1.0): none of this otherwise.

Outputs of different components share a dimension when they hold the same value. BOS and PAD are the
first component's tokens (each component's BOS and PAD embeddings are placed there, whatever it calls
them). Causal (decoder) components keep their mask in a bidirectional switch by one more score term: -MASK
for keys after the query (one column per query position, on one-hot position dimensions); the switch is
causal when all its components are. Components must agree on the output encoding (categorical or
numerical); ComposeError says which differ.

An input that mixes in tokens only another component knows, or is longer than the chosen component takes, is
outside its domain (its block embeds those tokens as zeros and has no position embedding past its length), and
the component still answers there (hist over a, b: [1, 3, 3] on `a 1 1`; hist over 2 tokens: [2, 2, 2, 1] on
`a a a b`). So each component that lacks some token or length gets a flag dimension `outside:NAME`, 1 in the
embedding of each such token and position, read by no layer. The switch's config records the selectors, these
flags and the pipes of its components (`config.composed`), and the model refuses such inputs wherever it decodes
(`weightsmith.model.domain`: `run`, `apply`, the exports' `decode_logits`), as it refuses an input without a
selector after BOS, or with another one among the data.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

import numpy as np

from weightsmith.compose.composed import ANY_SELECTOR, OUTSIDE, SELECTOR, ComposedModel, saved_unrecorded
from weightsmith.compose.stack import Block, ComposeError, Stack, common_specials, model_dtype, union_tokens
from weightsmith.model import Transformer
from weightsmith.model.config import VALUE_TYPE as VALUE
from weightsmith.model.config import ComposedConfig, FedCheck
from weightsmith.rasp.typed_tokens import token_index, token_key

MASK = 1e9  # score subtracted at a selector key; compiled heads' scores are below 1e5, so exp underflows to 0
GATE = 1e6  # |x| bound the gate leaves untouched; compiled outputs are one-hot or bounded numbers far below
SELECTED, UNSELECTED = "selected", "unselected"


def unwrap(model: Any, name: str) -> Transformer:
    """The Transformer of a component given as a Transformer, or as anything holding one in `.model`;
    its output must be one-hot (a dim per value), which the composed models gate and route, and it is neither a
    switch (whose input checks the stack would skip) nor looped (whose block the stack would run once)."""
    inner = getattr(model, "model", model)
    if not isinstance(inner, Transformer):
        raise ComposeError(f"component {name!r}: expected a weightsmith Transformer or compiled model, "
                           f"got {type(model).__name__}")
    if inner.config.output_codes is not None:
        raise ComposeError(f"component {name!r} has a compact output (its {len(inner.config.output_values)} values "
                           f"are ±1 codes on {len(inner.config.output_dims)} dims): composing gates one output dim "
                           "per value; compile it with rasp.one_hot on its output (or compact_above=None)")
    unrecorded = saved_unrecorded(inner.config)
    if unrecorded:
        raise ComposeError(f"component {name!r}: {unrecorded}")
    if inner.config.composed is not None and inner.config.composed.kind == "switch":
        raise ComposeError(f"component {name!r} is a switch (it reads its own selector after BOS): a switch or pipe "
                           "does not check a switch inside it (its selector, its components' tokens), and answered "
                           "there; give the inner switch's components directly")
    if inner.config.program_ops is not None:
        raise ComposeError(f"component {name!r} is a programmable model (its first tokens name its program): a "
                           "switch or pipe would not check them; compose its primitives instead")
    if inner.config.loop is not None:  # a stack runs every layer once: the block would not repeat
        raise ComposeError(f"component {name!r} is a looped model (its block runs until its own stop flag is set); "
                           "a switch or pipe runs each component's layers once, so it cannot hold one")
    return inner


def switch(components: Mapping[str, Any]) -> ComposedModel:
    """One model that reads a selector token (a key of `components`) after BOS and answers as that component."""
    if len(components) < 1:
        raise ComposeError("switch needs at least one component")
    for name in components:  # str(0) would make the selector the token '0', and an input's 0 would select nothing
        if not isinstance(name, str):
            raise ComposeError(f"selector {name!r} is of type {type(name).__name__}, not str: a selector is a str token "
                               f"(write {str(name)!r})")
    named = {name: unwrap(model, name) for name, model in components.items()}
    models = list(named.values())
    vocab = union_tokens(named)
    bos, pad, causal = common_specials(named, vocab)
    encoding = _common_encoding(named)
    for name in named:
        if not name or any(c in name for c in ":|/ ") or name in (bos, pad):
            raise ComposeError(f"selector {name!r}: a selector is a non-empty token without ':', '|', '/' or "
                               f"spaces, other than {bos!r} and {pad!r}")
        if any(isinstance(t, str) and t == name for t in vocab):
            raise ComposeError(f"selector {name!r} is also a token of a component's vocabulary; choose another name")
    max_seq_len = max(m.config.max_seq_len for m in models) + 1
    selectors = list(named)
    stack = Stack([*vocab, *selectors], max_seq_len, bos, pad)
    blocks = [stack.add_block(name, model) for name, model in named.items()]
    one, any_selector = stack.add_dims(["one", ANY_SELECTOR])
    select = stack.add_dims([f"{SELECTOR}:{s}" for s in selectors])
    selected = stack.add_dims([f"{SELECTED}:{s}" for s in selectors])
    off = stack.add_dims([f"{UNSELECTED}:{s}" for s in selectors])
    values, tolerance, groups = _output_values(named, encoding)
    out = stack.add_dims([f"switch:{v}" for v in values] if encoding == "categorical" else ["switch:num"])
    type_dims = {name: stack.add_dims([f"switch:type:{name}:{k}" for k in range(len(group))])
                 for name, group in (groups or {}).items()}
    unknown = {block.name: [t for t in vocab if block.token_row(t) is None] for block in blocks}
    too_far = {block.name: range(block.config.max_seq_len + 2, max_seq_len + 1) for block in blocks}  # BOS, selector
    outside = {name: stack.add_dims([f"{OUTSIDE}:{name}"])[0] for name in named if unknown[name] or too_far[name]}

    stack.token_embed[:, one] = 1.0
    for block in blocks:
        stack.embed_tokens(block)
        stack.embed_positions(block, shift=1)
    for j, s in enumerate(selectors):
        stack.token_embed[stack.tokens().index(s), [select[j], any_selector]] = 1.0
    rows = token_index(stack.tokens())
    for name, dim in outside.items():
        stack.token_embed[[rows[token_key(t)] for t in unknown[name]], dim] = 1.0
        stack.pos_embed[list(too_far[name]), dim] = 1.0

    causal_terms = [] if causal or not any(m.config.causal for m in models) else stack.causal_terms(MASK)
    query, key = np.zeros(stack.d), np.zeros(stack.d)
    query[one], key[any_selector] = -MASK, 1.0
    for block in blocks:
        terms = [(query, key)] + (causal_terms if block.config.causal else [])
        stack.place_layers(block, score_terms=terms)
    _broadcast(stack, one, any_selector, select, selected)
    _flag_units(stack, selected, off)
    last = max(1, *(len(m.config.layers) for m in models))  # the gate reads layer 0's flags: never in layer 0
    for j, (name, model) in enumerate(named.items()):
        _gate(stack, last, blocks[j].offset, model, [off[j], any_selector], out, values, encoding)
        if groups:
            _type_group(stack, last, blocks[j].offset, model, off[j], type_dims[name])
    if encoding == "numerical":
        _selector_slot(stack, last, any_selector, out[0], float(values[0]))
    output_types = None
    if groups:
        output_types = {"dims": [d for name in named for d in type_dims[name]],
                        "types": [t for name in named for t in groups[name]]}
    built = stack.build(output_dims=out, output_encoding=encoding, output_values=values, output_tolerance=tolerance,
                        output_label="switch", causal=causal, dtype=model_dtype(models), output_types=output_types,
                        output_scores=any(m.config.output_scores for m in models),
                        composed=ComposedConfig(kind="switch", parts=selectors, outside=outside,
                                                fed=[c for block in blocks for c in inner_pipes(block, block.name)],
                                                firsts={name: model.config.first_token for name, model in named.items()
                                                        if model.config.first_token is not None}))
    return ComposedModel(built)


def inner_pipes(block: Block, selector: str | None = None) -> list[FedCheck]:
    """The pipes of a component placed in a stack (a pipe or chain of them): its `fed` checks at the block's
    dims, read where `selector` is chosen (a switch's component) or always (None: inside a pipe)."""
    composed = block.config.composed
    return [FedCheck(dim=block.offset + c.dim, first=c.first, second=c.second, selector=selector,
                     first_token=c.first_token)
            for c in (composed.fed if composed is not None else [])]


def _common_encoding(named: dict[str, Transformer]) -> str:
    encodings = {name: m.config.output_encoding for name, m in named.items()}
    if len(set(encodings.values())) > 1:
        raise ComposeError(f"components' outputs differ in encoding ({encodings}): one model has one output "
                           "read-out, categorical (one-hot) or numerical (one number); switch components of one kind")
    return next(iter(encodings.values()))


def _output_values(named: dict[str, Transformer], encoding: str) -> tuple[list, float, dict[str, list[str]] | None]:
    """The union of the components' output values (a value held by two shares a dimension), the numerical
    tolerance (the largest of theirs; 0.0 for categorical), and each component's type names (None: no
    component is typed and no two values clash, so the values decode as stored).

    Values equal but of different types (True and 1.0) share a dimension, and a type group then says
    which type each component's value takes; ComposeError where two components both need the stored type
    (their values mix types, `_stored_types`)."""
    owner: dict = {}
    clashes = []
    for name, model in named.items():
        for v in model.config.output_values:
            first = owner.setdefault(v, (name, v))
            if type(first[1]) is not type(v):
                clashes.append((name, v, first))
    typed = any(m.config.output_types is not None for m in named.values())
    groups = None
    if typed or clashes:
        groups = {name: _stored_types(m) if m.config.output_types is None else list(m.config.output_types["types"])
                  for name, m in named.items()}
        for name, v, (first_name, first_v) in clashes:
            if VALUE in groups[name] and VALUE in groups[first_name]:
                raise ComposeError(f"{name!r} outputs {v!r} where {first_name!r} outputs {first_v!r}: equal values "
                                   "of different types, which one output read-out cannot tell apart")
            if VALUE in groups[name]:  # the stored value is the one that component decodes as it is
                owner[v] = (name, v)
    values = [v for _, v in owner.values()]
    if encoding == "categorical":
        return values, 0.0, groups
    return sorted(values, key=float), max(m.config.output_tolerance for m in named.values()), groups


def _stored_types(model: Transformer) -> list[str]:
    """The type group of a component without `output_types`: its output values' one number type, or
    "value" (decode as stored) where they are not all of one (or not numbers)."""
    kinds = {type(v) for v in model.config.output_values}
    if len(kinds) == 1 and (kind := kinds.pop()) in (int, float, bool):
        return [kind.__name__]
    return [VALUE]


def _broadcast(stack: Stack, one: int, any_selector: int, select: list[int], selected: list[int]) -> None:
    """Layer 0 head: every query attends to the selector key with score BROADCAST, so it copies the
    selector's one-hot with weight at least 1 - n·e^-BROADCAST (n <= max_seq_len + 1 other keys)."""
    scale = math.log(stack.max_seq_len + 1) + 30.0
    n = len(select)
    W_Q, W_K = np.zeros((stack.d, 1)), np.zeros((stack.d, 1))
    W_Q[one, 0], W_K[any_selector, 0] = scale, 1.0
    W_V, W_O = np.zeros((stack.d, n)), np.zeros((n, stack.d))
    W_V[select, range(n)] = 1.0
    W_O[range(n), selected] = 1.0
    stack.add_head(0, W_Q, W_K, W_V, W_O)


def _flag_units(stack: Stack, selected: list[int], off: list[int]) -> None:
    """off = relu(1.5 - 2s) - relu(0.5 - 2s): exactly 1 at s = 0 (an unchosen selector reads exactly 0),
    exactly 0 for s >= 0.75. Both pre-activations are exact in float arithmetic at those points, so the flag
    is an exact 0 or 1 - which the gate needs: G·off must be exactly 0 where a component answers."""
    n = len(selected)
    W_in, W_out = np.zeros((stack.d, 2 * n)), np.zeros((2 * n, stack.d))
    b_in = np.tile([1.5, 0.5], n)
    for j, (s, o) in enumerate(zip(selected, off)):
        W_in[s, 2 * j:2 * j + 2] = -2.0
        W_out[2 * j, o], W_out[2 * j + 1, o] = 1.0, -1.0
    stack.add_units(0, W_in, b_in, W_out)


def _gate(stack: Stack, layer: int, offset: int, model: Transformer, off: list[int], out: list[int], values: list,
          encoding: str) -> None:
    """relu(x - G·off) - relu(-x - G·off) from each component output dimension x to the stack's output
    dimension of the same value: x itself where off = 0, 0 where off = 1. `off` holds the component's
    `unselected` flag and `is_selector`: at the selector's own position the component read a token it has
    no embedding for, and what it computed there is no output."""
    config = model.config
    sources = [offset + d for d in config.output_dims]
    if encoding == "categorical":
        targets = [out[values.index(v)] for v in config.output_values]
    else:
        targets = out
    bound = GATE + 4 * max((abs(float(v)) for v in config.output_values), default=0.0) if encoding == "numerical" \
        else GATE
    n = len(sources)
    W_in, W_out = np.zeros((stack.d, 2 * n)), np.zeros((2 * n, stack.d))
    for j, (source, target) in enumerate(zip(sources, targets)):
        W_in[source, 2 * j], W_in[source, 2 * j + 1] = 1.0, -1.0
        W_in[off, 2 * j:2 * j + 2] = -bound  # both flags: each is exactly 0 or 1
        W_out[2 * j, target], W_out[2 * j + 1, target] = 1.0, -1.0
    stack.add_units(layer, W_in, np.zeros(2 * n), W_out)


def _selector_slot(stack: Stack, layer: int, any_selector: int, out: int, value: float) -> None:
    """A numerical output at the selector's position: `value` (one of the output's values), one unit on
    `is_selector`. The gates leave 0 there, which need not be a value the output can take, and the model's
    decoder refuses a float near no value: every input raised OutputOutOfRange at position 1."""
    W_in, W_out = np.zeros((stack.d, 1)), np.zeros((1, stack.d))
    W_in[any_selector, 0], W_out[0, out] = 1.0, value
    stack.add_units(layer, W_in, np.zeros(1), W_out)


def _type_group(stack: Stack, layer: int, offset: int, model: Transformer, off: int, dims: list[int]) -> None:
    """A component's type group in the switch: its type scores gated like its outputs (x where chosen, 0
    where not), or 1 for an untyped component (a unit on the constant bias), then minus G where it is
    not chosen (one unit on its `unselected` flag, exactly 0 or 1), so only the chosen group competes."""
    types = model.config.output_types
    sources = [offset + d for d in types["dims"]] if types is not None else []
    n, constant = len(sources), types is None
    units = 2 * n + 1 + constant
    W_in, W_out, b_in = np.zeros((stack.d, units)), np.zeros((units, stack.d)), np.zeros(units)
    for j, (source, target) in enumerate(zip(sources, dims)):
        W_in[source, 2 * j], W_in[source, 2 * j + 1] = 1.0, -1.0
        W_in[off, 2 * j:2 * j + 2] = -GATE
        W_out[2 * j, target], W_out[2 * j + 1, target] = 1.0, -1.0
    W_in[off, 2 * n] = 1.0
    W_out[2 * n, dims] = -GATE
    if constant:  # the 1 of its one type
        b_in[2 * n + 1] = 1.0
        W_out[2 * n + 1, dims[0]] = 1.0
    stack.add_units(layer, W_in, b_in, W_out)
