"""Block-diagonal stacking: several models' weights placed side by side in one wider residual stream.

Every construction in `weightsmith.compose` starts here. A component model keeps its own residual
dimensions (a block, its labels prefixed with the component's name), its heads and MLP units read and
write only that block, so it computes exactly what it computed alone: every product with a dimension
outside its block is a product with an exact zero. What a construction adds on top (a broadcast selector,
a gate, a token-embedding map) lives in dimensions of its own, named `<role>:<value>`.

`Stack` collects the pieces as float64 numpy arrays over the final residual and assembles one
`weightsmith.model.Transformer` (the one architecture): components may start at a later layer (`pipe`
runs one model after another), and may get extra query/key columns on every head (a score term, e.g.
the mask that hides `switch`'s selector token from them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch

from weightsmith.model import HeadConfig, LayerConfig, ModelConfig, Transformer
from weightsmith.model.config import ComposedConfig
from weightsmith.model.reading import snapshot_labels
from weightsmith.rasp.errors import InputError
from weightsmith.rasp.typed_tokens import token_index, token_key

SEPARATOR = "/"  # a component's labels become "<name>/<label>" ("A/sort_keys:3")


class ComposeError(InputError):
    """Models that cannot be composed as asked (names, vocabularies, encodings, attention masks), and why."""


@dataclass
class Block:
    """A component placed in the stack: its residual dimensions start at `offset`; its layer 0 is the
    stack's layer `first_layer`."""

    name: str
    model: Transformer
    offset: int
    first_layer: int
    _snapshots: list[list[str]] | None = field(default=None, repr=False)

    @property
    def config(self) -> ModelConfig:
        return self.model.config

    @property
    def dims(self) -> slice:
        return slice(self.offset, self.offset + self.config.d_model)

    def token_row(self, token) -> np.ndarray | None:
        """The component's embedding of `token` (matched by type and value), None if not its token."""
        i = token_index(self.config.tokens()).get(token_key(token))
        return None if i is None else _array(self.model.token_embed)[i]

    def labels_after(self, k: int) -> list[str]:
        """The block's prefixed labels in stack snapshot k (0: embedding, 2i+1/2i+2: after layer i's
        attention/MLP): before its first layer its embedding labels, after its last layer its final ones."""
        if self._snapshots is None:
            self._snapshots = [[prefixed(self.name, label) for label in labels]
                               for labels in snapshot_labels(self.config)]
        return self._snapshots[min(max(k - 2 * self.first_layer, 0), len(self._snapshots) - 1)]


def prefixed(name: str, label: str) -> str:
    """A component's label in the stack; each tenant of a reused dimension ("a:1|b:2") is prefixed."""
    return "|".join(f"{name}{SEPARATOR}{tenant}" for tenant in label.split("|"))


def _array(tensor: torch.Tensor) -> np.ndarray:
    return tensor.detach().cpu().double().numpy()


@dataclass
class _Head:
    W_Q: np.ndarray
    W_K: np.ndarray
    W_V: np.ndarray
    W_O: np.ndarray


@dataclass
class _MLPPart:
    W_in: np.ndarray  # [d, n]
    b_in: np.ndarray  # [n]
    W_out: np.ndarray  # [n, d]
    b_out: np.ndarray  # [d]


@dataclass
class _Layer:
    heads: list[_Head] = field(default_factory=list)
    mlp: list[_MLPPart] = field(default_factory=list)


class Stack:
    """Builds one model from blocks and added dimensions. Usage: `add_block` / `add_dims` first (they fix
    the residual width), then `embed_*`, `place_layers`, `add_head`, `add_units`, then `build`."""

    def __init__(self, tokens: list, max_seq_len: int, bos: str, pad: str) -> None:
        self.vocab = tokens
        self.bos, self.pad = bos, pad
        self.max_seq_len = max_seq_len
        self.blocks: list[Block] = []
        self.own: dict[str, int] = {}  # label of an added dimension -> its index
        self.d = 0
        self.layers: list[_Layer] = []
        self._embed: tuple[np.ndarray, np.ndarray] | None = None

    # ------------------------------------------------------------------------------------- the residual

    def add_block(self, name: str, model: Transformer, first_layer: int = 0) -> Block:
        block = Block(name, model, self.d, first_layer)
        self.blocks.append(block)
        self.d += model.config.d_model
        return block

    def add_dims(self, labels: list[str]) -> list[int]:
        dims = []
        if self._embed is not None:  # the embeddings exist already: widen them
            grow = ((0, 0), (0, len(labels)))
            self._embed = (np.pad(self._embed[0], grow), np.pad(self._embed[1], grow))
        for label in labels:
            self.own[label] = self.d
            dims.append(self.d)
            self.d += 1
        return dims

    def tokens(self) -> list:
        return [self.bos, self.pad, *self.vocab]

    @property
    def token_embed(self) -> np.ndarray:
        return self._embeddings()[0]

    @property
    def pos_embed(self) -> np.ndarray:
        return self._embeddings()[1]

    def _embeddings(self) -> tuple[np.ndarray, np.ndarray]:
        if self._embed is None:
            self._embed = (np.zeros((len(self.tokens()), self.d)), np.zeros((self.max_seq_len + 1, self.d)))
        return self._embed

    def embed_tokens(self, block: Block, only_specials: bool = False) -> None:
        """Each stack token's embedding gets the block's embedding of the same token, and the stack's BOS and
        PAD the block's BOS and PAD, whatever the component calls them (with `only_specials`, only those);
        tokens the component does not know get zeros in its block."""
        source = _array(block.model.token_embed)
        for i, token in enumerate(self.tokens()):
            if i < 2:
                self.token_embed[i, block.dims] = source[i]
                continue
            if only_specials:
                break
            row = block.token_row(token)
            if row is not None:
                self.token_embed[i, block.dims] = row

    def embed_positions(self, block: Block, shift: int = 0) -> None:
        """The block's position embedding, its content position p (1-based) at stack position p + shift;
        BOS's (position 0) stays at 0. Positions the component never saw get zeros in its block."""
        source = _array(block.model.pos_embed)
        self.pos_embed[0, block.dims] = source[0]
        for p in range(1, len(source)):
            if p + shift <= self.max_seq_len:
                self.pos_embed[p + shift, block.dims] = source[p]

    def causal_terms(self, mask: float) -> list[tuple[np.ndarray, np.ndarray]]:
        """Score terms that give a causal component its causal mask inside a bidirectional model: -mask for
        every key after the query. Not low rank, so one column per query position, reading one-hot position
        dimensions (`position:p`, added on first use)."""
        if "position:0" not in self.own:
            for p, dim in enumerate(self.add_dims([f"position:{p}" for p in range(self.max_seq_len + 1)])):
                self.pos_embed[p, dim] = 1.0
        dims = [self.own[f"position:{p}"] for p in range(self.max_seq_len + 1)]
        terms = []
        for p, dim in enumerate(dims):
            query, key = np.zeros(self.d), np.zeros(self.d)
            query[dim] = 1.0
            key[dims[p + 1:]] = -mask
            terms.append((query, key))
        return terms

    # ----------------------------------------------------------------------------------------- layers

    def layer(self, i: int) -> _Layer:
        while len(self.layers) <= i:
            self.layers.append(_Layer())
        return self.layers[i]

    def place_layers(self, block: Block, score_terms: list[tuple[np.ndarray, np.ndarray]] = ()) -> None:
        """Copy the block's heads and MLPs into the stack. Each `(query, key)` in `score_terms` (vectors over
        the stack's residual) adds one column to every head of the block: the term query·key to its scores."""
        at = block.dims
        for i, layer in enumerate(block.model.layers):
            target = self.layer(block.first_layer + i)
            for head in layer.heads:
                W_Q = np.zeros((self.d, head.W_Q.shape[1] + len(score_terms)))
                W_K = np.zeros_like(W_Q)
                W_Q[at, :head.W_Q.shape[1]] = _array(head.W_Q)
                W_K[at, :head.W_K.shape[1]] = _array(head.W_K)
                for j, (query, key) in enumerate(score_terms, start=head.W_Q.shape[1]):
                    W_Q[:, j], W_K[:, j] = query, key
                W_V = np.zeros((self.d, head.W_V.shape[1]))
                W_V[at] = _array(head.W_V)
                W_O = np.zeros((head.W_O.shape[0], self.d))
                W_O[:, at] = _array(head.W_O)
                target.heads.append(_Head(W_Q, W_K, W_V, W_O))
            if layer.mlp is not None:
                mlp = layer.mlp
                W_in = np.zeros((self.d, mlp.W_in.shape[1]))
                W_in[at] = _array(mlp.W_in)
                W_out = np.zeros((mlp.W_out.shape[0], self.d))
                W_out[:, at] = _array(mlp.W_out)
                b_out = np.zeros(self.d)
                b_out[at] = _array(mlp.b_out)
                target.mlp.append(_MLPPart(W_in, _array(mlp.b_in), W_out, b_out))

    def add_head(self, layer: int, W_Q: np.ndarray, W_K: np.ndarray, W_V: np.ndarray, W_O: np.ndarray) -> None:
        self.layer(layer).heads.append(_Head(W_Q, W_K, W_V, W_O))

    def add_units(self, layer: int, W_in: np.ndarray, b_in: np.ndarray, W_out: np.ndarray) -> None:
        """MLP units of `layer` (W_in [d, n], b_in [n], W_out [n, d]; no output bias)."""
        self.layer(layer).mlp.append(_MLPPart(W_in, b_in, W_out, np.zeros(self.d)))

    # ---------------------------------------------------------------------------------------- assembly

    def labels_after(self, k: int) -> list[str]:
        labels = [""] * self.d
        for block in self.blocks:
            labels[block.dims] = block.labels_after(k)
        for label, dim in self.own.items():
            labels[dim] = label
        return labels

    def build(self, *, output_dims: list[int], output_encoding: str, output_values: list, output_tolerance: float,
              output_label: str, causal: bool, dtype: torch.dtype = torch.float32,
              output_types: dict | None = None, output_scores: bool = False,
              composed: ComposedConfig | None = None) -> Transformer:
        token_embed, pos_embed = self._embeddings()
        weights: dict[str, np.ndarray] = {"token_embed": token_embed, "pos_embed": pos_embed}
        layers = []
        for i, layer in enumerate(self.layers):
            heads = []
            for h, head in enumerate(layer.heads):
                prefix = f"layers.{i}.heads.{h}."
                weights |= {prefix + "W_Q": head.W_Q, prefix + "W_K": head.W_K,
                            prefix + "W_V": head.W_V, prefix + "W_O": head.W_O}
                heads.append(HeadConfig(d_qk=head.W_Q.shape[1], d_ov=head.W_V.shape[1]))
            d_mlp = sum(part.b_in.shape[0] for part in layer.mlp)
            if d_mlp:
                prefix = f"layers.{i}.mlp."
                weights |= {prefix + "W_in": np.concatenate([p.W_in for p in layer.mlp], axis=1),
                            prefix + "b_in": np.concatenate([p.b_in for p in layer.mlp]),
                            prefix + "W_out": np.concatenate([p.W_out for p in layer.mlp], axis=0),
                            prefix + "b_out": np.sum([p.b_out for p in layer.mlp], axis=0)}
            layers.append(LayerConfig(heads, d_mlp))
        reused = any(block.config.layer_labels is not None or block.first_layer for block in self.blocks)
        snapshots = [self.labels_after(k) for k in range(2 * len(layers) + 1)] if reused else [self.labels_after(0)]
        layer_labels = snapshots[1:] if reused else None
        residual_labels = snapshots[0]
        if reused:  # a dimension's tenants in order, as the compiler writes them
            residual_labels = ["|".join(dict.fromkeys(t for labels in snapshots for t in labels[dim].split("|")))
                               for dim in range(self.d)]
        config = ModelConfig(
            vocab=list(self.vocab), bos=self.bos, pad=self.pad, max_seq_len=self.max_seq_len, d_model=self.d,
            layers=layers, residual_labels=residual_labels, output_dims=output_dims,
            output_encoding=output_encoding, output_values=output_values, output_tolerance=output_tolerance,
            output_label=output_label, causal=causal, layer_labels=layer_labels, output_types=output_types,
            output_scores=output_scores, composed=composed,
        )
        return Transformer.from_weights(config, weights, dtype=dtype)


def union_tokens(named: dict[str, Transformer]) -> list:
    """The components' vocabularies united, in order of first appearance. Tokens equal in value but of
    different types (0 and False) are refused by name: a vocabulary holds equal values once (the composed
    model's config raised a bare ValueError)."""
    owner: dict[object, tuple[str, object]] = {}  # by value: the first component holding it, and its token
    for name, model in named.items():
        for token in model.config.vocab:
            first = owner.setdefault(token, (name, token))
            if type(first[1]) is not type(token):
                raise ComposeError(f"component {name!r} has the token {token!r} and component {first[0]!r} the token "
                                   f"{first[1]!r}: equal values of different types, which one vocabulary cannot hold "
                                   "(it holds equal values once); give one of them other tokens")
    return [token for _, token in owner.values()]


def common_specials(named: dict[str, Transformer], vocab: list) -> tuple[str, str, bool]:
    """The composed model's BOS and PAD - the first of the components' names for them that is no token of
    any component (each component's own BOS and PAD embeddings go to those tokens, whatever it calls them) -
    and whether it is causal: when every component is (a bidirectional model holds causal components by a
    score term, `Stack.causal_terms`)."""
    tokens = {t for t in vocab if isinstance(t, str)}

    def free(role: str) -> str:
        names = [getattr(m.config, role) for m in named.values()] + [f"<{role}>", f"<{role}_>"]
        return next(n for n in names if n not in tokens)

    return free("bos"), free("pad"), all(model.config.causal for model in named.values())


def model_dtype(models: list[Transformer]) -> torch.dtype:
    """float64 when every component is float64, else float32 (a float32 weight is exact in either)."""
    dtypes = {model.token_embed.dtype for model in models}
    return torch.float64 if dtypes == {torch.float64} else torch.float32
