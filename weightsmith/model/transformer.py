"""The one architecture: every compiled, learned or loaded weightsmith model is this module.

Token + position embeddings, then layers of (multi-head attention, ReLU MLP) with residual connections,
no layer norm, and an unembedding that reads a few residual dimensions. Heads carry their own widths so the
compiler can make each one exactly as wide as its selector needs. Attention scores are *not* divided by
sqrt(d_qk): the compiler bakes its proven scale into W_Q, and a hidden rescaling here would break it.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import torch
from torch import Tensor, nn

from weightsmith.model import domain
from weightsmith.model.config import VALUE_TYPE, HeadConfig, LayerConfig, ModelConfig, twin_of_previous
from weightsmith.model.domain import Undefined
from weightsmith.model.threads import forward_work, torch_threads
from weightsmith.rasp.errors import InputError, RASPError
from weightsmith.rasp.typed_tokens import token_index, token_key


SPARSE_BELOW = 0.05  # `use_sparse`'s default: a matrix at most 5% non-zero is multiplied as CSR


class OutputOutOfRange(RASPError):
    """A numerical output that is near none of the values it can take. A compiled model never gives
    one (its margins are proven end to end); a damaged or hand-edited one can."""


def parameter_shapes(config: ModelConfig) -> dict[str, tuple[int, ...]]:
    """The name and shape of every parameter a `Transformer(config)` has, computed without allocating any.

    Loading compares a weights file's header against this *before* building the model, so a config that
    claims huge sizes is refused instead of allocated. A test keeps it equal to `named_parameters()`.
    """
    d = config.d_model
    shapes: dict[str, tuple[int, ...]] = {"token_embed": (len(config.tokens()), d),
                                          "pos_embed": (config.max_seq_len + 1, d)}
    for i, layer in enumerate(config.layers):
        for h, head in enumerate(layer.heads):
            prefix = f"layers.{i}.heads.{h}."
            shapes |= {prefix + "W_Q": (d, head.d_qk), prefix + "W_K": (d, head.d_qk),
                       prefix + "W_V": (d, head.d_ov), prefix + "W_O": (head.d_ov, d)}
        if layer.d_mlp:
            prefix = f"layers.{i}.mlp."
            shapes |= {prefix + "W_in": (d, layer.d_mlp), prefix + "b_in": (layer.d_mlp,),
                       prefix + "W_out": (layer.d_mlp, d), prefix + "b_out": (d,)}
    return shapes


_NUMPY_DTYPES = {torch.float32: np.float32, torch.float64: np.float64}
_make_parameter = torch.Tensor._make_subclass


class _Source:
    """Where a module's parameters come from while it is built: zeros, or the tensors given to
    `Transformer.from_weights`, each checked against the shape the config needs and copied once into
    a parameter of the model's dtype. Building the parameters from the given tensors (rather than
    zeros overwritten afterwards) is most of what makes loading a compiled model cheap.

    The compiler gives numpy arrays, dozens of small ones per model, and building its model is a
    tenth of a compile: their finiteness is checked all at once at the end (`check_finite`, one
    numpy call instead of one per tensor); the modules register them through `_set_up`."""

    def __init__(self, given: Mapping[str, Tensor | np.ndarray] | None = None,
                 dtype: torch.dtype = torch.float32, prefix: str = "", used: set[str] | None = None,
                 missing: list[str] | None = None, unchecked: list | None = None) -> None:
        self.given, self.dtype, self.prefix = given, dtype, prefix
        self.used = set() if used is None else used  # the given names consumed, shared by sub-sources
        self.missing = [] if missing is None else missing  # needed names not given
        self.unchecked = [] if unchecked is None else unchecked  # (name, numpy array) not yet checked finite
        self.config_validated = False  # `Transformer.from_weights(config_validated=True)`

    def sub(self, prefix: str) -> "_Source":
        return _Source(self.given, self.dtype, self.prefix + prefix, self.used, self.missing, self.unchecked)

    def __call__(self, name: str, *shape: int) -> nn.Parameter:
        name = self.prefix + name
        if self.given is None or name not in self.given:
            if self.given is not None:
                self.missing.append(name)
            return nn.Parameter(torch.zeros(shape, dtype=self.dtype))
        self.used.add(name)
        raw = self.given[name]
        if isinstance(raw, np.ndarray) and raw.dtype.kind in "biuf" and self.dtype in _NUMPY_DTYPES:
            if raw.shape != shape:
                raise ValueError(f"tensor {name!r} has shape {raw.shape}, the config needs {shape}")
            self.unchecked.append((name, raw))
            # what `nn.Parameter(tensor)` returns for a plain tensor, without its Python-level `__new__`
            return _make_parameter(nn.Parameter, torch.from_numpy(raw.astype(_NUMPY_DTYPES[self.dtype])), True)
        return _parameter(name, raw, shape, self.dtype)

    def check_finite(self) -> None:
        """ValueError naming the first numpy tensor given (in the order built) that holds NaN or an infinity."""
        if self.unchecked and not np.isfinite(np.concatenate([raw.ravel() for _, raw in self.unchecked])).all():
            name = next(name for name, raw in self.unchecked if not np.isfinite(raw).all())
            raise ValueError(f"tensor {name!r} contains NaN or infinite values")
        self.unchecked.clear()


# The state `nn.Module.__init__` gives every module: flags, and empty containers (parameters, buffers,
# submodules, hook tables) that each module must own. Read off a real module, not restated.
_MODULE_FLAGS = {name: value for name, value in nn.Module().__dict__.items() if not isinstance(value, (dict, set))}
_MODULE_CONTAINERS = [(name, type(value)) for name, value in nn.Module().__dict__.items()
                      if isinstance(value, (dict, set))]


def _set_up(module: nn.Module, parameters: Mapping[str, nn.Parameter] | None = None,
            modules: Mapping[str, nn.Module] | None = None, attributes: Mapping[str, Any] | None = None) -> None:
    """What `nn.Module.__init__(module)` and then `module.<name> = value` for each given parameter,
    submodule and plain attribute (in that order) leave, without torch's per-attribute work.

    Why: building the model is a tenth of a compile, and most of it was `nn.Module`'s per-object
    overhead (`__init__` sets 17 attributes one `__setattr__` at a time; every assignment checks
    parameters, buffers and submodules; `ModuleList` registers each module through `add_module`'s
    checks): 1.06x on the compile geometric mean over `vs_tracr`'s 38 cases. The checks cannot fail
    on a fresh module under fixed names. This is the only place that writes a module's state
    directly; a test keeps it equal to the state torch's own construction gives."""
    state = module.__dict__
    state.update(_MODULE_FLAGS)
    for name, kind in _MODULE_CONTAINERS:
        state[name] = kind()
    state["_parameters"].update(parameters or {})
    state["_modules"].update(modules or {})
    state.update(attributes or {})


def _module_list(modules: list[nn.Module]) -> nn.ModuleList:
    """`nn.ModuleList(modules)`: registered under "0", "1", ... as `ModuleList.extend` does (`_set_up`)."""
    container = nn.ModuleList.__new__(nn.ModuleList)
    _set_up(container, modules={str(i): module for i, module in enumerate(modules)})
    return container


def _parameter(name: str, raw: Tensor | np.ndarray, shape: tuple[int, ...], dtype: torch.dtype) -> nn.Parameter:
    """A parameter holding a copy of `raw` (a tensor, or an array numpy cannot convert to `dtype`),
    after checking its shape, that it is real, and finite."""
    value = torch.as_tensor(raw)
    if tuple(value.shape) != shape:
        raise ValueError(f"tensor {name!r} has shape {tuple(value.shape)}, the config needs {shape}")
    if value.is_complex():
        raise ValueError(f"tensor {name!r} has dtype {value.dtype}, expected real numbers")
    if not torch.isfinite(value).all():
        raise ValueError(f"tensor {name!r} contains NaN or infinite values")
    return nn.Parameter(value.to(dtype, copy=True))


class AttentionHead(nn.Module):
    """One head: softmax(x W_Q (x W_K)^T) x W_V W_O, with masked keys excluded."""

    def __init__(self, d_model: int, config: HeadConfig, source: _Source | None = None) -> None:
        source = source or _Source()
        _set_up(self, parameters={"W_Q": source("W_Q", d_model, config.d_qk),
                                  "W_K": source("W_K", d_model, config.d_qk),
                                  "W_V": source("W_V", d_model, config.d_ov),
                                  "W_O": source("W_O", config.d_ov, d_model)})

    def forward(self, x: Tensor, masked: Tensor) -> Tensor:
        """`masked` [B, query or 1, key]. A key masked for every query is PAD: its values are zeroed, not only
        weighted 0. Nothing bounds the residual at padding (the compiler's tables are exact on real values only,
        and a chain of them can reach inf there), and 0 * inf is NaN: one PAD after a short input made every
        output of a dictionary-scale model None."""
        scores = (x @ self.W_Q) @ (x @ self.W_K).transpose(-1, -2)  # [B, query, key]
        pattern = torch.softmax(scores.masked_fill(masked, float("-inf")), dim=-1)
        values = (x @ self.W_V).masked_fill(masked.all(dim=-2).unsqueeze(-1), 0.0)  # PAD keys' rows: 0
        return (pattern @ values) @ self.W_O


class MLP(nn.Module):
    """relu(x W_in + b_in) W_out + b_out: the compiler's lookup tables and piecewise-linear maps.

    A compiled lookup has one unit per input value, each reading a few dims (a code's k, or one
    indicator) and writing a few: at dictionary scale W_in and W_out are 20,000 units by a residual of
    a thousand or two, under 1% non-zero. With `sparse_below` set (`Transformer.use_sparse`), a matrix at
    most that dense is multiplied as a CSR copy of its transpose instead, where no gradient is needed,
    and W_out is read only at the rows of the units that are on somewhere (a lookup's units are off
    but for the value held: a few of thousands): the same products, less the zero ones, summed in
    another order (equal up to float rounding, which the compiler's margins absorb), at a cost that
    grows with the non-zeros, not with d_model × d_mlp. The copies are remade when the parameters
    change (their version or storage), and are not parameters: a saved model is the same either way."""

    sparse_below: float | None
    _transposes: dict[str, tuple[tuple, Tensor | None]]

    def __init__(self, d_model: int, d_mlp: int, source: _Source | None = None) -> None:
        source = source or _Source()
        _set_up(self, parameters={"W_in": source("W_in", d_model, d_mlp), "b_in": source("b_in", d_mlp),
                                  "W_out": source("W_out", d_mlp, d_model), "b_out": source("b_out", d_model)},
                attributes={"sparse_below": None, "_transposes": {}})

    def forward(self, x: Tensor) -> Tensor:
        if self.sparse_below is None or (torch.is_grad_enabled() and self.W_in.requires_grad):
            return torch.relu(x @ self.W_in + self.b_in) @ self.W_out + self.b_out
        hidden = torch.relu(self._times(x, "W_in") + self.b_in)
        flat = hidden.reshape(-1, hidden.shape[-1])
        active = flat.any(dim=0).nonzero().squeeze(1)  # a lookup's units are off but where their value is held
        if len(active) * 4 > flat.shape[1]:
            return self._times(hidden, "W_out") + self.b_out
        out = flat[:, active] @ self.W_out[active]
        return out.reshape(*hidden.shape[:-1], out.shape[-1]) + self.b_out

    def _times(self, x: Tensor, name: str) -> Tensor:
        """x @ W for the parameter `name`, through its CSR transpose where W is sparse enough."""
        weight = getattr(self, name)
        transpose = self._transpose(name, weight)
        if transpose is None:
            return x @ weight
        flat = x.reshape(-1, x.shape[-1])
        return torch.sparse.mm(transpose, flat.T).T.reshape(*x.shape[:-1], weight.shape[1])

    def _transpose(self, name: str, weight: Tensor) -> Tensor | None:
        """The CSR copy of weight.T (None where it is denser than `sparse_below`), made once per version."""
        key = (weight._version, weight.data_ptr(), weight.dtype, weight.device, self.sparse_below)
        made = self._transposes.get(name)
        if made is None or made[0] != key:
            nonzero = int(torch.count_nonzero(weight))
            transpose = None
            if nonzero <= self.sparse_below * weight.numel():
                with warnings.catch_warnings():  # torch calls its sparse CSR support "beta"
                    warnings.simplefilter("ignore", UserWarning)
                    transpose = weight.detach().T.contiguous().to_sparse_csr()
            made = self._transposes[name] = (key, transpose)
        return made[1]

    def weights_used(self) -> int:
        """Multiply-adds per position: the non-zeros of a matrix used sparse, else its size."""
        used = 0
        for name in ("W_in", "W_out"):
            weight = getattr(self, name)
            transpose = self._transpose(name, weight) if self.sparse_below is not None else None
            used += weight.numel() if transpose is None else transpose.values().numel()
        return used + self.b_in.numel() + self.b_out.numel()


class Layer(nn.Module):
    """An attention sublayer (all heads read the same residual) then an MLP sublayer (absent if d_mlp == 0)."""

    heads: nn.ModuleList
    mlp: MLP | None

    def __init__(self, d_model: int, config: LayerConfig, source: _Source | None = None) -> None:
        source = source or _Source()
        heads = _module_list([AttentionHead(d_model, head, source.sub(f"heads.{h}."))
                              for h, head in enumerate(config.heads)])
        if config.d_mlp:
            _set_up(self, modules={"heads": heads, "mlp": MLP(d_model, config.d_mlp, source.sub("mlp."))})
        else:  # `self.mlp = None` on a module without one is a plain attribute
            _set_up(self, modules={"heads": heads}, attributes={"mlp": None})

    def attention_sublayer(self, x: Tensor, masked: Tensor) -> Tensor:
        out = x
        for head in self.heads:
            out = out + head(x, masked)
        return out

    def mlp_sublayer(self, x: Tensor) -> Tensor:
        return x if self.mlp is None else x + self.mlp(x)


class Transformer(nn.Module):
    """A decoder/encoder transformer built from a `ModelConfig`; weights start at zero (see `from_weights`)."""

    config: ModelConfig
    layers: nn.ModuleList

    def __init__(self, config: ModelConfig, source: _Source | None = None) -> None:
        if source is None or not source.config_validated:
            config.validate()
        source = source or _Source()
        tokens = config.tokens()
        parameters = {"token_embed": source("token_embed", len(tokens), config.d_model),
                      "pos_embed": source("pos_embed", config.max_seq_len + 1, config.d_model)}
        layers = _module_list([Layer(config.d_model, layer, source.sub(f"layers.{i}."))
                               for i, layer in enumerate(config.layers)])
        # encode matches tokens by type and value: True == 1 in Python, but the token True is not the token 1
        _set_up(self, parameters, {"layers": layers},
                {"config": config, "_token_ids": {token: i for i, token in enumerate(tokens)},
                 "_typed_ids": token_index(tokens)})

    @classmethod
    def from_weights(
        cls, config: ModelConfig, weights: Mapping[str, Tensor | np.ndarray], dtype: torch.dtype = torch.float32,
        config_validated: bool = False,
    ) -> Transformer:
        """A model with exactly these tensors: every name must be expected and present, every shape right.

        `config_validated`: the caller has just constructed `config` (a ModelConfig validates itself
        when constructed) and not changed it since, so it is not validated a second time (the
        compiler: an output of hundreds of values is checked once per compile, not twice)."""
        source = _Source(weights, dtype)
        source.config_validated = config_validated
        model = cls(config, source)
        source.check_finite()
        unknown = sorted(set(weights) - source.used)
        if unknown:
            raise ValueError(f"unexpected tensor(s) {unknown} for this config")
        if source.missing:
            raise ValueError(f"missing tensor(s) {sorted(source.missing)} for this config")
        return model

    def use_sparse(self, below: float | None = SPARSE_BELOW) -> Transformer:
        """Multiply every MLP matrix at most `below` non-zero as a sparse (CSR) matrix when no gradient is
        needed (`MLP`); None: dense everywhere (the default). Returns the model.

        A compiled model's MLPs are mostly zeros (a dictionary-scale lookup: under 1%), and dense
        products then cost d_model × d_mlp a position for nothing. Outputs are the same up to float
        summation order; the weights, the file and training are unchanged."""
        if below is not None and not 0 <= below <= 1:
            raise ValueError(f"use_sparse: below is a share of non-zero weights in [0, 1], got {below!r}")
        for layer in self.layers:
            if layer.mlp is not None:
                layer.mlp.sparse_below = below
        return self

    def weights_used(self) -> int:
        """About the multiply-adds of a forward pass per position: every weight of the layers, but only the
        non-zeros of an MLP matrix used sparse (`use_sparse`), and a row of each embedding.
        `threads.forward_work` sizes thread counts by it."""
        used = sum(p.numel() for name, p in self.named_parameters() if ".mlp." not in name and "embed" not in name)
        used += 2 * self.config.d_model  # the embeddings are looked up, not multiplied
        return used + sum(layer.mlp.weights_used() for layer in self.layers if layer.mlp is not None)

    def forward(self, ids: Tensor, return_residuals: bool = False) -> Tensor | tuple[Tensor, list[Tensor]]:
        """Final residual [B, T, d_model] for token ids [B, T] (BOS first, PAD after the end).

        With `return_residuals`, also the residual after the embedding and after every sublayer
        (attn 0, mlp 0, attn 1, ...): the trace that `verify` and `explain` compare against the program.
        """
        self._check_ids(ids)
        T = ids.shape[1]
        x = self.token_embed[ids] + self.pos_embed[:T]
        masked = (ids == self._token_ids[self.config.pad])[:, None, :]  # PAD keys: [B, 1, key]
        if self.config.causal:
            after_query = torch.ones(T, T, dtype=torch.bool, device=ids.device).triu(diagonal=1)
            masked = masked | after_query
        residuals = [x]
        loop = self.config.loop
        if loop is None:
            x = self._layers(x, masked, self.layers, residuals)
        else:
            first, end = loop.first_layer, loop.first_layer + loop.n_layers
            x = self._layers(x, masked, self.layers[:first], residuals)
            x = self._iterate(x, masked, self.layers[first:end], residuals)
            x = self._layers(x, masked, self.layers[end:], residuals)
        return (x, residuals) if return_residuals else x

    @staticmethod
    def _layers(x: Tensor, masked: Tensor, layers: Sequence[Layer], residuals: list[Tensor]) -> Tensor:
        for layer in layers:
            x = layer.attention_sublayer(x, masked)
            residuals.append(x)
            x = layer.mlp_sublayer(x)
            residuals.append(x)
        return x

    def _iterate(self, x: Tensor, masked: Tensor, block: Sequence[Layer], residuals: list[Tensor]) -> Tensor:
        """Runs the loop's block until the model's stop flag is set at every input's first content position.

        The runner decides nothing: it reads one number per input. Inputs that stopped earlier run on
        with the others, which changes nothing (the model gates its own commit). The residuals kept
        are those of the last iteration."""
        loop = self.config.loop
        if x.shape[1] < 2:
            raise InputError("a looped model needs at least one token after BOS (its stop flag is read there)")
        for _ in range(loop.max_steps + 1):
            trace: list[Tensor] = []
            x = self._layers(x, masked, block, trace)
            if bool((x[:, 1, loop.stop_dim] > 0.5).all()):
                residuals.extend(trace)
                return x
        raise RuntimeError(f"the model did not set its stop flag within max_steps + 1 = {loop.max_steps + 1} "
                           "iterations (damaged weights: a compiled loop counts its own steps)")

    def loop_status(self, final_residual: Tensor) -> tuple[list[int], list[bool]]:
        """Per input, the loop's step count and whether its halt s-op was true at the end (a looped model)."""
        loop = self.config.loop
        if loop is None:
            raise ValueError("the model has no loop")
        steps = final_residual[:, 1, loop.steps_dim].round().long().tolist()
        halted = (final_residual[:, 1, loop.halted_dim] > 0.5).tolist()
        return steps, halted

    def _check_ids(self, ids: Tensor) -> None:
        if ids.dim() != 2 or ids.dtype not in (torch.int64, torch.int32):
            raise ValueError(f"ids: expected an integer tensor [batch, positions], got {ids.dtype} {tuple(ids.shape)}")
        if not 1 <= ids.shape[1] <= self.config.max_seq_len + 1:
            raise InputError(
                f"ids: {ids.shape[1]} positions, the model has 1..{self.config.max_seq_len + 1} (BOS + max_seq_len)"
            )
        if ids.numel() and not ((ids >= 0) & (ids < len(self._token_ids))).all():
            raise InputError(f"ids: values must be token ids in 0..{len(self._token_ids) - 1}")
        if (ids[:, 0] == self._token_ids[self.config.pad]).any():
            raise InputError("ids: position 0 is PAD; every input starts with BOS (a PAD-only row attends to nothing)")

    def encode(self, batch: Sequence[Sequence], checked: bool = False) -> Tensor:
        """Token ids [B, T] on the model's device: each input starts with BOS; shorter ones end in PAD.

        An input may end in PAD tokens itself, as Tracr's models accept (`[BOS, a, b, PAD, PAD]`): they
        take positions (so count towards max_seq_len) but are masked from attention as keys, so the
        real positions' outputs are those of `[BOS, a, b]`. PAD followed by a real token is an error.
        `checked`: the caller ran `check_token_lists` on these inputs at its entry (the batched runners of
        compiled and composed models do, once), so it is not run again per chunk.
        """
        if not checked:
            check_token_lists(batch)
        bos, pad = self.config.bos, self.config.pad
        T = max((len(tokens) for tokens in batch), default=1)
        ids = np.full((len(batch), T), self._token_ids[pad], dtype=np.int64)
        for b, tokens in enumerate(batch):
            if not tokens or tokens[0] != bos:
                raise InputError(f"input {b}: must start with {bos!r}, got {list(tokens[:1])}")
            if len(tokens) - 1 > self.config.max_seq_len:
                raise InputError(
                    f"input {b}: {len(tokens) - 1} tokens after {bos!r}, max_seq_len is {self.config.max_seq_len}"
                )
            padding_from = None
            for t, token in enumerate(tokens):
                token = token.item() if isinstance(token, np.generic) else token
                found = self._typed_ids.get(token_key(token)) if _hashable(token) else None
                if t > 0 and padding_from is None and _hashable(token) and token == pad:
                    padding_from = t
                elif padding_from is not None and not (_hashable(token) and token == pad):
                    raise InputError(f"input {b}, position {t}: token {token!r} after padding (position "
                                     f"{padding_from} is {pad!r}); {pad!r} may only end an input")
                elif t > 0 and found is not None and token == bos:
                    raise InputError(f"input {b}, position {t}: token {token!r} is the BOS token, which only starts "
                                     "an input")
                elif found is None:
                    raise InputError(f"input {b}, position {t}: token {token!r} is not in the vocabulary"
                                     + self._same_value_hint(token))
                ids[b, t] = found
        return torch.from_numpy(ids).to(self.token_embed.device)

    def input_errors(self, ids: Tensor, logits: Tensor) -> list[Undefined | None]:
        """Per input, why the model is undefined on it though its tokens are in the vocabulary, or None:
        `domain.input_errors` on its token ids and read-out logits (a programmable model's ops, a switch's
        selector and its components' domains, a pipe where a model in it outputs None)."""
        return domain.input_errors(self, ids, logits)

    def _same_value_hint(self, token) -> str:
        """For a token equal to a vocabulary token of another type (True and 1, 1.0 and 1) or sign (0.0 and -0.0):
        say so."""
        if not _hashable(token) or token not in self._token_ids:
            return ""
        twin = self.config.tokens()[self._token_ids[token]]
        if type(twin) is type(token):
            return f" (the vocabulary holds {twin!r}: 0.0 and -0.0 are two tokens, as str tells them apart)"
        return (f" (it is a {type(token).__name__}; the vocabulary holds the {type(twin).__name__} {twin!r}, and tokens "
                "match by type as well as value)")

    def readout(self, final_residual: Tensor) -> Tensor:
        """The unembedding's logits [..., n_out] (`ModelConfig.unembedding`): the output's (one per value,
        or the number), then the `output_types` scores, then a composed model's `fed` dims (what `input_errors`
        reads of the forward pass). One-hot, they are the output dims themselves
        (read by indexing, so bit for bit); compact, each value's logit is its code's detector,
        `x · c_v - (k - 1)`: 1 where held, at most -1 elsewhere."""
        config = self.config
        if config.output_codes is None:
            return final_residual[..., config.readout_dims()]
        codes = self._codes(final_residual)
        logits = final_residual[..., config.output_dims] @ codes.T - (len(config.output_dims) - 1.0)
        copied = config.type_dims() + config.check_dims()
        return torch.cat([logits, final_residual[..., copied]], dim=-1) if copied else logits

    def _codes(self, like: Tensor) -> Tensor:
        """`config.output_codes` as a tensor like `like`, made once (a dictionary's codes are 20,000 lists)."""
        key = (id(self.config.output_codes), like.dtype, like.device)
        if getattr(self, "_codes_made", (None,))[0] != key:
            self._codes_made = (key, torch.tensor(self.config.output_codes, dtype=like.dtype, device=like.device))
        return self._codes_made[1]

    def decode(self, final_residual: Tensor, lengths: Sequence[int], ids: Tensor | None = None,
               typed: bool = True, first: int = 0) -> list[list]:
        """Read the output of each input's first `lengths[b]` positions (BOS's slot is position 0) from
        the final residual: `decode_logits` of its `readout`, so an input the model is undefined on is refused."""
        return self.decode_logits(self.readout(final_residual), lengths, ids, typed, first)

    def decode_logits(self, logits: Tensor, lengths: Sequence[int], ids: Tensor | None = None, typed: bool = True,
                      first: int = 0, undefined_as_none: bool = False, from_position: int = 0) -> list[list | None]:
        """The one decoding path (`run_batch`, `decode`, a compiled or composed model's `apply`, the exports'
        `decode_logits`, `generate`, the extractor's ground truth): the read-out `logits` [B, T, n] of the
        inputs `ids` decoded (`_decode_readout`), after refusing (InputError, inputs numbered from `first`) the
        inputs the model is undefined on (`input_errors`). With `undefined_as_none` such an input's row is None
        instead, and it is not decoded (its numbers are unspecified: a numerical one may be near no value).

        The checks read the ids (and a pipe's `fed` logits), so a model that has them needs `ids`: without,
        its inputs would be decoded unchecked (a switch answered an input with no selector).

        `from_position` decodes only each input's positions from it on (the checks still read the whole input):
        `generate` needs the newest position alone, and decoding every position at every step made it quadratic."""
        self._check_readout_shape(logits, lengths, ids)
        if ids is None:
            if domain.has_checks(self):
                raise ValueError("this model refuses some inputs by their tokens (a switch, pipe, programmable "
                                 "model or learned program: config.composed / program_ops / first_token); pass the "
                                 "ids the logits were run on")
            return self._decode_readout(logits, lengths, None, typed, from_position)
        errors = self.input_errors(ids, logits)
        if not undefined_as_none:
            domain.refuse(errors, first)
        kept = [b for b, error in enumerate(errors) if error is None]
        if len(kept) == len(errors):
            return self._decode_readout(logits, lengths, ids, typed, from_position)
        rows = iter(self._decode_readout(logits[kept], [lengths[b] for b in kept], ids[kept], typed, from_position)
                    if kept else [])
        return [None if error else next(rows) for error in errors]

    def _check_readout_shape(self, logits: Tensor, lengths: Sequence[int], ids: Tensor | None) -> None:
        """ValueError unless `logits` is a read-out [B, T, n_readout] of the ids [B, T], with a length each of
        at most T: decoding reads logits by position, so an export's `residual` (its first dims taken for
        logits) or the logits of other inputs gave answers, not an error."""
        config = self.config
        parts = {"output logits": config.n_output_logits(), "type scores": len(config.type_dims()),
                 "fed dims": len(config.check_dims())}
        width = sum(parts.values())
        if logits.dim() != 3 or logits.shape[-1] != width:
            named = ", ".join(f"{n} {name}" for name, n in parts.items() if n)
            raise ValueError(f"the logits' last dimension is {logits.shape[-1] if logits.dim() else 0}; the read-out "
                             f"gives {width} ({named or 'nothing to read'}): decode a read-out (an ONNX export's "
                             f"`readout`, not its `residual`) of shape [inputs, positions, {width}]")
        if ids is not None and tuple(ids.shape) != tuple(logits.shape[:2]):
            raise ValueError(f"the logits are {list(logits.shape[:2])} inputs x positions, the ids {list(ids.shape)}: "
                             "decode the logits of the ids they were run on")
        if len(lengths) != logits.shape[0]:
            raise ValueError(f"{len(lengths)} lengths for {logits.shape[0]} inputs: one length (BOS included) "
                             "per input")
        longer = next((b for b, n in enumerate(lengths) if n > logits.shape[1]), None)
        if longer is not None:
            raise ValueError(f"input {longer} is {lengths[longer]} positions long, the logits have "
                             f"{logits.shape[1]}")

    def _decode_readout(self, logits: Tensor, lengths: Sequence[int], ids: Tensor | None = None,
                        typed: bool = True, from_position: int = 0) -> list[list]:
        """Decode the unembedding's `logits` [B, T, n_out] (`readout`; an export's logits are the same numbers).

        Categorical: the value of the largest logit, or None where every logit is below 0.5 (the s-op is
        None there). Numerical: the output value whose snap radius (`output_tolerance`, or a quarter
        of the gap to its nearer neighbour where wider) holds the float. A float near none of them is never
        returned (it would differ with the batch the input ran in, and look like an answer): it raises
        OutputOutOfRange, naming the input and position. Without a value contract (no values, or tolerance 0:
        a model that is not compiled) the float itself is returned. Given the input `ids`, a position holding
        PAD decodes as the PAD token: padding has no output. Where the config has `output_types`, each
        number takes the type they name (int 4 or the mean 4.0); `typed=False` leaves the values as
        `output_values` stores them (for a caller that computes the output dims alone). With `from_position`,
        only the positions from it on are decoded (and returned).
        """
        if from_position:
            logits = logits[:, from_position:]
            lengths = [max(0, n - from_position) for n in lengths]
            ids = None if ids is None else ids[:, from_position:]
        n_out = self.config.n_output_logits()
        out = logits[..., :n_out]
        padding = None if ids is None else (ids == self._token_ids[self.config.pad]).cpu().numpy()
        if self.config.output_encoding == "numerical":
            rows = self._snap(out[..., 0].detach().double().cpu().numpy(), lengths, padding, from_position)
        elif not n_out:  # a compact output that is None everywhere: no value, no logit
            rows = [[None] * out.shape[-2] for _ in range(out.shape[0])]
        else:
            best, index = out.max(dim=-1)
            values = self.config.output_values
            rows = [[values[j] if v >= 0.5 else None for v, j in zip(vs, js)]
                    for vs, js in zip(best.tolist(), index.tolist())]
        if typed and self.config.output_types is not None:
            rows = self._typed(rows, logits[..., n_out:n_out + len(self.config.type_dims())])
        if padding is not None:
            rows = [[self.config.pad if p else v for v, p in zip(row, pads)]
                    for row, pads in zip(rows, padding.tolist())]
        return [row[:length] for row, length in zip(rows, lengths)]

    def _typed(self, rows: list[list], type_scores: Tensor) -> list[list]:
        """Each decoded number as the type `config.output_types` picks at its position (the largest of its
        scores): the interpreter's type, which the number alone does not tell (int 4 or the mean 4.0)."""
        picked = type_scores.argmax(dim=-1).tolist()
        casts = [_CASTS[name] for name in self.config.output_types["types"]]
        return [[_cast(x, casts[k]) for x, k in zip(row, ks)] for row, ks in zip(rows, picked)]

    def _snap(self, raw: np.ndarray, lengths: Sequence[int], padding: np.ndarray | None = None,
              from_position: int = 0) -> list[list]:
        """Each float [B, T] of the first `lengths[b]` positions as the nearest output value (PAD positions,
        where `padding` is True, hold anything and are left as floats for the caller to replace). `raw` starts
        at position `from_position` of the inputs (BOS's slot is position 0)."""
        values, tolerance = self.config.output_values, self.config.output_tolerance
        if not values or not tolerance:
            return [row[:length] for row, length in zip(raw.tolist(), lengths)]
        points = np.array([float(v) for v in values])
        nearest = nearest_index(points, raw)
        close = np.abs(points[nearest] - raw) <= _snap_radius(points, tolerance)[nearest]  # NaN: close to nothing
        columns = np.arange(raw.shape[-1])[None, :]
        inside = (columns + from_position > 0) & (columns < np.asarray(lengths)[:, None])  # BOS's slot: no contract
        if padding is not None:
            inside &= ~padding
        stray = np.argwhere(inside & ~close)
        if len(stray):
            b, t = stray[0].tolist()
            raise OutputOutOfRange(
                f"input {b}, position {t + from_position}: the model's output {float(raw[b, t])!r} is not within "
                f"{_snap_radius(points, tolerance)[nearest[b, t]]:g} of any value {self.config.output_label!r} can take "
                f"(nearest: {values[nearest[b, t]]!r}); the model is not exact on this input (a compiler bug, or "
                "damaged weights)")
        twins = _twin_representatives(points, values)
        if twins is not None:
            nearest = twins[nearest]
        return [[values[j] if ok else x for x, j, ok in zip(xs[:length], js, oks)]
                for xs, js, oks, length in zip(raw.tolist(), nearest.tolist(), close.tolist(), lengths)]

    def _repr_html_(self) -> str:
        """How a model shows itself in Jupyter: its size and residual layout."""
        from weightsmith.model.summary import summary_html

        return summary_html(self)

    def apply(self, fn: Any) -> Transformer:
        """torch's `Module.apply(fn)`; given tokens instead of a function, says to call `run`. A compiled
        model's `apply(tokens)` is its forward pass, and the same call on a loaded model failed with
        "'list' object is not callable"."""
        if not callable(fn):
            raise TypeError(f"Transformer.apply(fn) is torch's (fn applied to every submodule); for the outputs on "
                            f"tokens call model.run(tokens) (a CompiledModel's apply), got {type(fn).__name__}")
        return super().apply(fn)

    def run(self, tokens: Sequence) -> list:
        """Decoded outputs for one input: `model.run(["BOS", "a", "b"])` -> [BOS's slot, out_a, out_b]."""
        return self.run_batch([tokens])[0]

    def run_batch(self, inputs: Sequence[Sequence], batch_size: int = 4096) -> list[list]:
        """Decoded outputs for many inputs, run `batch_size` at a time (inputs of any lengths mixed); InputError
        for an input the model is undefined on (`decode_logits`)."""
        outputs: list[list] = []
        longest = max((len(tokens) for tokens in inputs), default=1)
        with torch.inference_mode(), torch_threads(forward_work(self, min(len(inputs), batch_size) * longest)):
            for start in range(0, len(inputs), batch_size):
                chunk = inputs[start:start + batch_size]
                ids = self.encode(chunk)
                outputs.extend(self.decode(self(ids), [len(tokens) for tokens in chunk], ids, first=start))
        return outputs


_CASTS = {"int": int, "float": float, "bool": bool, VALUE_TYPE: None}


def _cast(x: Any, cast: Any) -> Any:
    """`x` as `cast` (None: as it is); only numbers are cast (not None or a str, nor a float that is not
    finite, as at padding). An int or bool case holds a whole number, but the snap may have picked a
    float-rounding twin of it from the value set (0.9999999999999999 beside 1.0, both possible means):
    rounded first, as `int()` alone would truncate that to 0."""
    if cast is None or not isinstance(x, (int, float)) or (isinstance(x, float) and not math.isfinite(x)):
        return x
    return float(x) if cast is float else cast(round(x))


def nearest_index(points: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Index of the nearest of `points` (ascending) for every entry of `x`; a tie goes to the lower point.
    The one rule by which a numerical output's float is read as a value: decoding, and `verify`'s judging."""
    x = np.asarray(x, dtype=np.float64)
    right = np.clip(np.searchsorted(points, x), 0, len(points) - 1)
    left = np.maximum(right - 1, 0)
    return np.where(np.abs(points[left] - x) <= np.abs(points[right] - x), left, right)


def _snap_radius(points: np.ndarray, tolerance: float) -> np.ndarray:
    """How far from each point a float still reads as it: `tolerance`, or a quarter of the gap to its
    nearer neighbour where that is wider. float32 rounds large numbers by more than a small global
    tolerance (exp(16) = 8886110.52 is held as 8886110.0), while their neighbours are far away."""
    gaps = np.diff(points)
    if not len(gaps):
        return np.full(len(points), tolerance)
    nearer = np.minimum(np.append(gaps, np.inf), np.insert(gaps, 0, np.inf))
    return np.maximum(tolerance, nearer / 4)


def _twin_representatives(points: np.ndarray, values: Sequence) -> np.ndarray | None:
    """Per point (ascending), the index of the value its run of twins decodes as (None where no two points are
    twins). Output values within `ROUNDING_NOISE` of their neighbour are float64 rounding twins, one value to the
    compiler (`compiler.mlp.rounding_starts`); the model's float lands nearer one or the other by its own
    rounding, which differs between an input run alone and in a batch (fzz24: 0.1 alone, 0.09999999999999983 in
    a batch). Each run decodes as its shortest-written value, so an input reads the same wherever it runs."""
    twin = twin_of_previous(points)
    if not twin.any():
        return None
    chosen = np.arange(len(points))
    for run in np.split(np.arange(len(points)), np.flatnonzero(~twin) + 1):
        if len(run) > 1:
            chosen[run] = min(run.tolist(), key=lambda j: len(repr(values[j])))
    return chosen


def check_token_lists(inputs: Sequence[Sequence]) -> None:
    """InputError for inputs given as strings. Python reads a string as a sequence of its characters, so
    `apply("BOS a")` was the tokens B, O, S, space, a and refused as "must start with 'BOS', got ['B']", and
    `run("ab")` ran on the letters; a model's inputs are lists of tokens, and the error shows the list meant
    (the words of a string with spaces, else its letters)."""
    if isinstance(inputs, str):
        raise InputError(f"inputs: expected a list of inputs (each a list of tokens), got the string {inputs!r}")
    for b, tokens in enumerate(inputs):
        if isinstance(tokens, str):
            meant = tokens.split() if any(c.isspace() for c in tokens) else list(tokens)
            raise InputError(f"input {b}: expected a list of tokens, got the string {tokens!r}: give {meant!r}")


def _hashable(token) -> bool:
    try:
        hash(token)
    except TypeError:
        return False
    return True
