"""Initialise a `SwitchableTransformer`'s K weight sets from K compiled models: hard-coding, then gradient descent.

    model = from_compiled([reverse, sort, hist, mode], data_tokens=[0, 1, 2, 3, 4], labels=range(7))
    model(ids, route=F.one_hot(task, 4).float())   # exactly model `task` on its inputs, before any training

The layout is `compose.switch`'s block construction (`compose.stack.Stack`, reused here): the residual is
the union of the compiled models' residual spaces side by side, plus one `task:k` dimension per task and
`room` free dimensions for learning. What differs from `switch` is *where* each model's weights go: model
k's heads and MLP units of layer l become weight set k of layer l (heads in the same slots across sets,
so soft routing genuinely mixes them), and the task token stands where BOS stood (it embeds as every
model's BOS, plus its own `task:k`). Under routing one-hot on k only model k's weights run; every other
block keeps its embedding, where its output dimensions are zero, so one shared read-out (`gain` on each
model's output dimension of a value, at that value's label) is exact.

Every parameter the compiled models do not fix is still trainable and still harmless at initialisation:
a padding query column is random while its key column is zero (scores unchanged), a padding value column
random while its output row is zero, a padding MLP unit random in and zero out, the room dimensions
random in the embeddings but read by nothing compiled. (Zero on *both* sides would stay zero forever:
its gradient is the product of the two.) The routers start random, or with `route_by_task` read the
`task:k` dimensions so strongly that the soft routing is one-hot to within float32.
"""

from __future__ import annotations

from typing import Any, Sequence

import torch

from weightsmith.compose.stack import ComposeError, Stack, union_tokens
from weightsmith.compose.switch import unwrap
from weightsmith.learn.weight_sets import SetsSetup, SwitchableTransformer
from weightsmith.model import Transformer
from weightsmith.rasp.typed_tokens import not_tokens, token_index, token_key

ROUTE_MARGIN = 40.0  # routing score of the task's own set above the others' with `route_by_task`: e^-40 < float32 eps


def from_compiled(models: Sequence[Any], data_tokens: Sequence, labels: Sequence, *, room: int = 16,
                  gain: float = 10.0, route_by_task: bool = False, hard: bool = False,
                  seed: int = 0) -> SwitchableTransformer:
    """A SwitchableTransformer over ids (data_tokens, one task token per model, PAD) whose weight set k is
    `models[k]` (compiled or loaded weightsmith models, categorical outputs among `labels`), exactly on
    every input of data tokens up to the models' length: so every model must take every data token and
    that length (a block reads a token it lacks as no token, and a position past its own as nothing, and
    answers there without a word)."""
    named = {f"task{k}": unwrap(model, f"task{k}") for k, model in enumerate(models)}
    _check(named, data_tokens, labels)
    transformers = list(named.values())
    stack = Stack(union_tokens(named), max(m.config.max_seq_len for m in transformers), "BOS", "PAD")
    blocks = [stack.add_block(name, model) for name, model in named.items()]
    task_dims = stack.add_dims([f"task:{k}" for k in range(len(blocks))])
    room_dims = stack.add_dims([f"room:{r}" for r in range(room)])
    heads, mlps = [], []  # per block: its heads / MLP part, layer by layer, as Stack placed them
    for block in blocks:
        stack.embed_tokens(block)
        stack.embed_positions(block)
        before = [(len(layer.heads), len(layer.mlp)) for layer in stack.layers]
        stack.place_layers(block)
        before += [(0, 0)] * (len(stack.layers) - len(before))
        heads.append([layer.heads[h:] for layer, (h, _) in zip(stack.layers, before)])
        mlps.append([layer.mlp[m:] for layer, (_, m) in zip(stack.layers, before)])
    all_heads = [h for per_block in heads for layer in per_block for h in layer]
    setup = SetsSetup(
        vocab=len(data_tokens) + len(blocks) + 1, n_labels=len(labels), max_len=stack.max_seq_len + 1, d=stack.d,
        layers=len(stack.layers), heads=max(1, max(len(layer) for per_block in heads for layer in per_block)),
        d_qk=max((h.W_Q.shape[1] for h in all_heads), default=1),
        d_ov=max((h.W_V.shape[1] for h in all_heads), default=1),
        hidden=max(p.b_in.shape[0] for per_block in mlps for layer in per_block for p in layer) + room,
        k=len(blocks), hard=hard)
    torch.manual_seed(seed)
    model = SwitchableTransformer(setup)
    compiled = slice(0, room_dims[0] if room_dims else stack.d)  # every dimension but the room
    with torch.no_grad():
        rows = token_index(stack.tokens())  # BOS and PAD (rows 0, 1) are no data token
        for i, token in enumerate(data_tokens):  # in every model's vocabulary (`_check`)
            model.embed.weight[i, compiled] = _tensor(stack.token_embed[rows[token_key(token)], compiled])
        for k in range(len(blocks)):  # the task token takes BOS's place, and says which task
            model.embed.weight[len(data_tokens) + k, compiled] = _tensor(stack.token_embed[0, compiled])
            model.embed.weight[len(data_tokens) + k, task_dims[k]] = 1.0
        model.embed.weight[-1, compiled] = _tensor(stack.token_embed[1, compiled])
        model.pos.weight[:, compiled] = _tensor(stack.pos_embed[:, compiled])
        for k in range(len(blocks)):
            for layer in range(setup.layers):  # a shallower model's deeper sets are all padding
                _place_heads(model, layer, k, heads[k][layer] if layer < len(heads[k]) else [])
                _place_mlp(model, layer, k, mlps[k][layer] if layer < len(mlps[k]) else [])
        model.out.weight.zero_()
        model.out.bias.zero_()
        for block in blocks:
            config = block.config
            for dim, value in zip(config.output_dims, config.output_values):
                model.out.weight[_label(labels, value), block.offset + dim] = gain
        if route_by_task:
            _route_by_task(model, task_dims)
    return model


def _check(named: dict[str, Transformer], data_tokens: Sequence, labels: Sequence) -> None:
    if not named:
        raise ComposeError("weight sets are made from at least one compiled model; got none")
    (first, n), *others = [(name, model.config.max_seq_len) for name, model in named.items()]
    if any(m != n for _, m in others):
        raise ComposeError(f"the models must take the same length, or a shorter one's weight set answers past it: "
                           f"{first} takes at most {n} tokens, " + ", ".join(f"{name} {m}" for name, m in others))
    for name, model in named.items():
        config = model.config
        lacking = not_tokens(data_tokens, config.vocab)
        if lacking:
            raise ComposeError(f"{name} lacks the data tokens {', '.join(map(repr, lacking))}: its vocabulary is "
                               f"{list(config.vocab)}, and its weight set would answer inputs holding them without "
                               "being its model")
        if config.output_encoding != "categorical" or config.loop is not None or config.causal:
            raise ComposeError(f"{name}: weight sets are made from non-causal, loop-free models with a categorical "
                               f"output; this one is {'causal' if config.causal else 'looped' if config.loop else 'numerical'}")
        for value in config.output_values:
            _label(labels, value)
        embedded = torch.cat([model.token_embed, model.pos_embed])[:, config.output_dims]
        if embedded.abs().max() > 0:  # a block that does not run keeps its embedding: the read-out would see it
            raise ComposeError(f"{name}: its output dimensions hold embedded values too (a reused dimension); "
                               "compile it with reuse=False, so that only its output is written there")


def _label(labels: Sequence, value) -> int:
    for j, label in enumerate(labels):
        if token_key(label) == token_key(value):
            return j
    raise ComposeError(f"output value {value!r} of a compiled model is not among the labels {list(labels)}")


def _tensor(array) -> torch.Tensor:
    return torch.as_tensor(array, dtype=torch.float32)


def _place_heads(model: SwitchableTransformer, layer: int, k: int, heads: list) -> None:
    """Set k's head slots hold the compiled heads; key columns and output rows beyond them are zero, so
    their random query and value columns add nothing until trained."""
    attn = model.attn[layer]
    attn.W_K[k].zero_()
    attn.W_O[k].zero_()
    for h, head in enumerate(heads):
        qk, ov = head.W_Q.shape[1], head.W_V.shape[1]
        attn.W_Q[k, h, :, :qk] = _tensor(head.W_Q)
        attn.W_K[k, h, :, :qk] = _tensor(head.W_K)
        attn.W_V[k, h, :, :ov] = _tensor(head.W_V)
        attn.W_O[k, h, :ov] = _tensor(head.W_O)


def _place_mlp(model: SwitchableTransformer, layer: int, k: int, parts: list) -> None:
    """Set k's first units are the compiled MLP's; the rest keep random inputs, zero bias and zero outputs."""
    mlp = model.mlps[layer]
    mlp.W_out[k].zero_()
    mlp.b_in[k].zero_()
    mlp.b_out[k].zero_()
    for part in parts:  # at most one: Stack places a block's MLP of a layer as one part
        n = part.b_in.shape[0]
        mlp.W_in[k, :, :n] = _tensor(part.W_in)
        mlp.b_in[k, :n] = _tensor(part.b_in)
        mlp.W_out[k, :n] = _tensor(part.W_out)
        mlp.b_out[k] = _tensor(part.b_out)


def _route_by_task(model: SwitchableTransformer, task_dims: list[int]) -> None:
    """Each router's query reads the task dimensions (1 at the task token, so 1/length in the mean) into the
    first K query coordinates and key k is the k-th: set `task` scores ROUTE_MARGIN above the others."""
    setup = model.setup
    scale = ROUTE_MARGIN * setup.max_len * setup.d**0.5
    for router in model.routers:
        router.query.weight.zero_()
        router.query.bias.zero_()
        router.keys.zero_()
        for k, dim in enumerate(task_dims):
            router.query.weight[k, dim] = scale
            router.keys[k, k] = 1.0

