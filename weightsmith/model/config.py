"""The configuration of a weightsmith transformer: sizes, vocabulary, residual labels, output decoding.

A config is everything about a model except its weights. It travels as `config.json` next to
`model.safetensors`, so it must survive a JSON round trip exactly and must reject anything it did not
write itself: loading a model is the point where a foreign or damaged file has to be caught, and every
error names the field at fault (`layers[1].heads[0].d_qk`), because "invalid config" alone is useless.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from weightsmith import __version__
from weightsmith.rasp.typed_tokens import is_token

FORMAT = "weightsmith-model"
OUTPUT_ENCODINGS = ("categorical", "numerical")
VALUE_TYPE = "value"  # in `output_types`: the decoded value keeps its own type, as `output_values` stores it
OUTPUT_TYPES = ("int", "float", "bool", VALUE_TYPE)
_SCALARS = {str, int, float, bool}  # exact types that pass `_check_values` without a per-value look
_NUMBERS = {int, float, bool}
# Relative: numbers this close are one value computed along different float64 paths (0.1 + 0.2 and 0.3 are
# one ulp apart; a few hundred ulps cover a long computation). Not more: 1 + 1e-9 and 1 + 2e-9 are two
# numbers, and merging them as twins made a model answer one for the other (CompileError now, since
# float32 cannot tell them apart: `compiler.lowering._require_float32_apart`). The compiler's twins
# (`compiler.mlp.rounding_starts`), and a numerical output's when it is decoded (`Transformer._snap`).
ROUNDING_NOISE = 1e-11


def twin_of_previous(points: np.ndarray) -> np.ndarray:
    """For ascending float64 points, whether each point after the first is a rounding twin of the one before
    it: one rule for the compiler, which merges twins into one value, and the model, which decodes them as one."""
    return np.diff(points) <= ROUNDING_NOISE * np.maximum(1.0, np.abs(points[1:]))


@dataclass
class HeadConfig:
    """One attention head: its query/key width and its value width (heads in a layer may differ)."""

    d_qk: int
    d_ov: int

    def __post_init__(self) -> None:
        self.validate()

    def validate(self, where: str = "HeadConfig") -> None:
        _check_size(self.d_qk, f"{where}.d_qk")
        _check_size(self.d_ov, f"{where}.d_ov")


@dataclass
class LayerConfig:
    """One layer: an attention sublayer with 0..n heads, then an MLP sublayer (d_mlp == 0: no MLP)."""

    heads: list[HeadConfig]
    d_mlp: int

    def __post_init__(self) -> None:
        self.validate()

    def validate(self, where: str = "LayerConfig") -> None:
        if not isinstance(self.heads, list):
            raise ValueError(f"{where}.heads: expected a list of HeadConfig, got {type(self.heads).__name__}")
        for h, head in enumerate(self.heads):
            if not isinstance(head, HeadConfig):
                raise ValueError(f"{where}.heads[{h}]: expected a HeadConfig, got {type(head).__name__}")
            head.validate(f"{where}.heads[{h}]")
        _check_size(self.d_mlp, f"{where}.d_mlp")


@dataclass(kw_only=True)
class LoopConfig:
    """A looped model: layers `first_layer .. first_layer + n_layers - 1` are one block, run again
    and again (the same weights) until the residual's `stop_dim` reads 1 at the first content
    position, at most `max_steps + 1` times (the model sets stop by then: its own step counter runs
    out); the layers before it run once before, the ones after it once after. `steps_dim` and
    `halted_dim` hold the loop's step count and halt flag, for reporting."""

    first_layer: int
    n_layers: int
    max_steps: int
    stop_dim: int
    steps_dim: int
    halted_dim: int

    def validate(self, n_layers: int, d_model: int, where: str = "loop") -> None:
        _check_size(self.first_layer, f"{where}.first_layer")
        _check_size(self.n_layers, f"{where}.n_layers", minimum=1)
        _check_size(self.max_steps, f"{where}.max_steps")
        if not _not_int(self.first_layer) and not _not_int(self.n_layers) and self.first_layer + self.n_layers > n_layers:
            raise ValueError(f"{where}: the block (layers {self.first_layer}..{self.first_layer + self.n_layers - 1}) "
                             f"is beyond the model's {n_layers} layers")
        dims = {}
        for name in ("stop_dim", "steps_dim", "halted_dim"):
            dim = getattr(self, name)
            _check_dim(dim, d_model, f"{where}.{name}")
            if dim in dims:
                raise ValueError(f"{where}.{name}: the same dimension as {where}.{dims[dim]} ({dim})")
            dims[dim] = name


@dataclass(kw_only=True)
class FedCheck:
    """One pipe inside a composed model: residual `dim` is 1 where `first` outputs a value and 0 where it outputs
    None, where `second` has no input and the pipe is undefined. With `first_token` (`second` is a compiled
    Transformer Program, its `ModelConfig.first_token`), the check is of the first input position only: `dim` is
    1 there where `first` outputs that token, which `second` reads as its program's BOS whatever it is.
    `selector`: the switch component the pipe is (read only where that component is chosen), None for a pipe at
    the top or inside another pipe."""

    dim: int
    first: str
    second: str
    selector: str | None = None
    first_token: Any = None


@dataclass(kw_only=True)
class ComposedConfig:
    """What a `switch` or `pipe` knows of its inputs beyond vocabulary and length (`weightsmith.model.domain`
    reads it wherever the model decodes). `kind` "switch": position 1 holds one of `parts` (the selectors) and
    no later position does; `outside[s]` is the residual dim that is 1 at a token or position component s does
    not take (its embedding only); `firsts[s]` is the token component s's input must start with (at position 2,
    after the selector: a learned program's BOS, its `ModelConfig.first_token`). "pipe": `parts` are the
    components, first to last. `fed`: every pipe in the model, earliest first. Absent from config.json for other
    models; a composed folder saved before this record existed has none and runs unchecked
    (`compose.composed.saved_unrecorded` names it)."""

    kind: str
    parts: list[str]
    outside: dict[str, int] = field(default_factory=dict)
    fed: list[FedCheck] = field(default_factory=list)
    firsts: dict[str, Any] = field(default_factory=dict)

    def dims(self) -> list[int]:
        """The `fed` dims, in order: read out after the output (`ModelConfig.readout_dims`), so an export's logits
        carry them too."""
        return [check.dim for check in self.fed]

    def validate(self, d_model: int, vocab: list, where: str = "composed") -> None:
        if self.kind not in ("switch", "pipe"):
            raise ValueError(f"{where}.kind: expected 'switch' or 'pipe', got {self.kind!r}")
        if not isinstance(self.parts, list) or not self.parts or not all(isinstance(p, str) and p for p in self.parts):
            raise ValueError(f"{where}.parts: expected a non-empty list of names, got {self.parts!r}")
        if self.kind == "switch" and not all(any(isinstance(t, str) and t == p for t in vocab) for p in self.parts):
            raise ValueError(f"{where}.parts: a switch's selectors are str tokens of the vocabulary, got {self.parts!r}")
        if not isinstance(self.outside, dict) or (self.outside and self.kind != "switch"):
            raise ValueError(f"{where}.outside: expected an object (a switch's only), got {self.outside!r}")
        for name, dim in self.outside.items():
            if name not in self.parts:
                raise ValueError(f"{where}.outside: {name!r} is not a selector ({self.parts})")
            _check_dim(dim, d_model, f"{where}.outside[{name!r}]")
        if not isinstance(self.firsts, dict) or (self.firsts and self.kind != "switch"):
            raise ValueError(f"{where}.firsts: expected an object (a switch's only), got {self.firsts!r}")
        for name, token in self.firsts.items():
            if name not in self.parts or not is_token(token, vocab):
                raise ValueError(f"{where}.firsts: expected a selector's first token of the vocabulary, got "
                                 f"{name!r}: {token!r}")
        if not isinstance(self.fed, list) or not all(isinstance(check, FedCheck) for check in self.fed):
            raise ValueError(f"{where}.fed: expected a list of FedCheck, got {self.fed!r}")
        for j, check in enumerate(self.fed):
            _check_dim(check.dim, d_model, f"{where}.fed[{j}].dim")
            _check_str(check.first, f"{where}.fed[{j}].first")
            _check_str(check.second, f"{where}.fed[{j}].second")
            if check.selector is not None and (self.kind != "switch" or check.selector not in self.parts):
                raise ValueError(f"{where}.fed[{j}].selector: expected None or a selector of a switch, "
                                 f"got {check.selector!r}")
            if check.first_token is not None:  # a token of the second model's vocabulary, not this model's
                _check_values([check.first_token], f"{where}.fed[{j}].first_token")

    def to_document(self) -> dict[str, Any]:
        fed = [{"dim": c.dim, "first": c.first, "second": c.second, "selector": c.selector}
               | ({"first_token": c.first_token} if c.first_token is not None else {})  # older files stay valid
               for c in self.fed]
        document = {"kind": self.kind, "parts": self.parts, "outside": self.outside, "fed": fed}
        if self.firsts:  # absent when empty: older files stay valid
            document["firsts"] = self.firsts
        return document

    @classmethod
    def from_document(cls, document: Any, where: str = "composed") -> ComposedConfig:
        if not isinstance(document, dict):
            raise ValueError(f"{where}: expected an object, got {type(document).__name__}")
        _check_keys(document, {"kind", "parts", "outside", "fed"}, where, optional={"firsts"})
        fed = document["fed"]
        if not isinstance(fed, list):
            raise ValueError(f"{where}.fed: expected a list, got {type(fed).__name__}")
        checks = []
        for j, check in enumerate(fed):
            if not isinstance(check, dict):
                raise ValueError(f"{where}.fed[{j}]: expected an object, got {type(check).__name__}")
            _check_keys(check, {"dim", "first", "second", "selector"}, f"{where}.fed[{j}]", optional={"first_token"})
            checks.append(FedCheck(**check))
        return cls(kind=document["kind"], parts=document["parts"], outside=document["outside"], fed=checks,
                   firsts=document.get("firsts", {}))


@dataclass(kw_only=True)
class ModelConfig:
    """Sizes, vocabulary and residual layout of a model. Token ids: `tokens() == [bos, pad, *vocab]`.

    `residual_labels` names each residual dimension (e.g. "sort_keys:3"); when the compiler reuses dead
    dimensions, `layer_labels[k]` names them after sublayer k (attn of layer 0, mlp of layer 0, attn of
    layer 1, ...). The unembedding reads `output_dims`: for a categorical output, `output_values[j]` is
    the value of `output_dims[j]`; a numerical output reads one dim, and `output_values` are the numbers
    it can take (ascending; may be empty). Decoding snaps a float within `output_tolerance` of one of them
    (or within a quarter of the gap to that one's nearer neighbour, if wider) to that number (0.0: no
    snapping), so a saved model prints 1/3, not float32's 0.33333334.

    `output_types` (None: each value decodes as stored) gives the Python type a decoded number takes where
    it cannot follow from the number: the interpreter's Aggregate gives the selected value itself (int 4)
    where one key is selected and a float mean (4.0) where several are, equal numbers that `output_values`
    holds once. It is `{"dims": [...], "types": [...]}`: at each position the
    largest of the residual `dims` picks the type at the same index ("int", "float", "bool", or "value"
    for the value's own type).

    `output_codes` (None: one-hot, one output dim per value) makes a categorical output *compact*: the
    k = len(output_dims) dims hold a ±1 code, `output_codes[j]` that of `output_values[j]`, and the
    unembedding's logit of value j is `x · output_codes[j] - (k - 1)`: exactly 1 where the output holds
    it and at most -1 for every other value and for None (the zero vector), since distinct codes agree
    in at most k - 1 places (`weightsmith.compiler.compact`). So an output with N values needs
    ceil(log2(N + 1)) dims, not N. Absent from config.json when None: older folders load as before.

    `output_scores` (categorical only): the output dims hold a linear classifier's class scores (each unit's
    ReLU of an integer score, within 0.45; the best at least 1, others at least 1 below it, None: all 0)
    rather than one-hot values; decoding (largest, None below 0.5) reads both alike, but a model fed
    the output as tokens (`compose.pipe`) must take the argmax itself. Absent from config.json when False.

    `causal` says whether the attention is masked; `causal_form` whether the model was *asked* to compute its
    program's causal form (`compile --causal`). The two differ when a program only looks back: the compiler
    masks it anyway (cheaper), but the model still claims the program itself, so `verify` against a program
    that looks ahead must compare with that program, not its causal form. None (configs built by hand, older
    folders, composed models): taken to be `causal`. Absent from config.json when None.

    `program_ops` (a programmable transformer, `compose.programmable`): {"ops": [...], "stages": k} — the k
    tokens after BOS name the program (each one of `ops`) and no later token is an op. Its program reads
    whatever stands there as ops, so the model itself refuses other inputs (`Transformer.decode_logits`, the
    path every decoding entry point and the exports' `decode_logits` take; not `encode`, so `verify` compares on
    every input): a saved model run plain answered `BOS sort 2 0` as another program. Absent from config.json when None.

    `first_token` (a compiled Transformer Program, `learn.compile_program`): the vocabulary token every input must
    start with, right after the model's own BOS - the learned program's BOS, which to the program is an ordinary
    token that its heads fall back to. The program reads whatever stands first as that BOS, so the model refuses
    other inputs where it decodes (`Transformer.decode_logits`), as `DiscreteProgram.predict` and the decompiled
    RASP do: `learn hist`'s model answered [2, 2] on `1 1`. Absent from config.json when None (older folders load
    with no first-token requirement).

    `composed` (a `switch` or `pipe`, `ComposedConfig`): the inputs the model is undefined on beyond its vocabulary
    and length (a switch's selector and its components' domains, the pipes' `fed` dims), refused wherever the model
    decodes (`Transformer.decode_logits`; the `fed` dims are read out after the output, so exports carry them).
    Absent from config.json when None.
    """

    vocab: list
    bos: str = "BOS"
    pad: str = "PAD"
    max_seq_len: int
    d_model: int
    layers: list[LayerConfig]
    residual_labels: list[str]
    output_dims: list[int]
    output_encoding: str
    output_values: list
    output_tolerance: float = 0.0
    output_label: str = "output"
    causal: bool = False
    causal_form: bool | None = None
    layer_labels: list[list[str]] | None = None
    loop: LoopConfig | None = None
    output_types: dict | None = None
    output_codes: list[list[int]] | None = None
    output_scores: bool = False
    program_ops: dict | None = None
    first_token: Any = None
    composed: ComposedConfig | None = None
    version: str = __version__

    def __post_init__(self) -> None:
        self.validate()

    def readout_dims(self) -> list[int]:
        """What an unembedding reads: the output dimensions, then the `output_types` dimensions, then the
        `composed` model's `fed` dimensions (its input checks that only the forward pass can tell)."""
        return self.output_dims + self.type_dims() + self.check_dims()

    def type_dims(self) -> list[int]:
        return self.output_types["dims"] if self.output_types is not None else []

    def check_dims(self) -> list[int]:
        return self.composed.dims() if self.composed is not None else []

    def n_output_logits(self) -> int:
        """How many of the unembedding's logits are the output's (the rest: `output_types` scores, then the
        `composed` model's `fed` dims; `readout_dims`)."""
        return len(self.output_codes) if self.output_codes is not None else len(self.output_dims)

    def unembedding(self) -> tuple[np.ndarray, np.ndarray]:
        """The read-out as a matrix and a bias: logits = x @ W_U + b_U, [d_model, n_out] and [n_out].

        The logits are the output's (one per value, or the number), then the `output_types` scores, then the
        `composed` model's `fed` dims (an export's logits hold all three, so decoding them gives the same values
        with the same types, and refuses the same inputs). One-hot:
        W_U copies the output dims (b_U = 0). Compact (`output_codes`): value j's column is its code on
        the output dims and its bias -(k - 1), so its logit is 1 where held and at most -1 elsewhere."""
        n_out = self.n_output_logits()
        copied = self.type_dims() + self.check_dims()
        W_U = np.zeros((self.d_model, n_out + len(copied)))
        b_U = np.zeros(n_out + len(copied))
        if self.output_codes is not None:
            W_U[self.output_dims, :n_out] = np.array(self.output_codes, dtype=np.float64).T
            b_U[:n_out] = -(len(self.output_dims) - 1.0)
        else:
            W_U[self.output_dims, np.arange(n_out)] = 1.0
        W_U[copied, n_out + np.arange(len(copied))] = 1.0
        return W_U, b_U

    def computes_causal_form(self) -> bool:
        """Whether the model computes its program's causal form (see `causal_form`)."""
        return self.causal if self.causal_form is None else self.causal_form

    def tokens(self) -> list:
        """All tokens in id order: BOS is id 0, PAD is id 1, then the vocabulary."""
        return [self.bos, self.pad, *self.vocab]

    def validate(self) -> None:
        """Raise ValueError naming the first inconsistent field; called on construction and on load."""
        _check_str(self.bos, "bos")
        _check_str(self.pad, "pad")
        if self.bos == self.pad:
            raise ValueError(f"bos and pad must differ, both are {self.bos!r}")
        _check_values(self.vocab, "vocab")
        for name, special in (("bos", self.bos), ("pad", self.pad)):
            if special in self.vocab:
                raise ValueError(f"vocab: contains the {name} token {special!r}")
        _check_size(self.max_seq_len, "max_seq_len", minimum=1)
        _check_size(self.d_model, "d_model", minimum=1)
        if not isinstance(self.layers, list):
            raise ValueError(f"layers: expected a list of LayerConfig, got {type(self.layers).__name__}")
        for i, layer in enumerate(self.layers):
            if not isinstance(layer, LayerConfig):
                raise ValueError(f"layers[{i}]: expected a LayerConfig, got {type(layer).__name__}")
            layer.validate(f"layers[{i}]")
        self._validate_labels(self.residual_labels, "residual_labels")
        self._validate_output()
        self._validate_output_codes()
        self._validate_output_types()
        _check_str(self.output_label, "output_label")
        if not isinstance(self.causal, bool):
            raise ValueError(f"causal: expected a bool, got {self.causal!r}")
        if not isinstance(self.output_scores, bool):
            raise ValueError(f"output_scores: expected a bool, got {self.output_scores!r}")
        if self.output_scores and (self.output_encoding != "categorical" or self.output_codes is not None):
            raise ValueError("output_scores: only a categorical one-hot output holds class scores")
        self._validate_program_ops()
        if self.first_token is not None and not is_token(self.first_token, self.vocab):
            raise ValueError(f"first_token: expected None or a token of the vocabulary, got {self.first_token!r}")
        if self.composed is not None:
            if not isinstance(self.composed, ComposedConfig):
                raise ValueError(f"composed: expected None or a ComposedConfig, got {type(self.composed).__name__}")
            self.composed.validate(self.d_model, self.vocab)
        if self.causal_form is not None and not isinstance(self.causal_form, bool):
            raise ValueError(f"causal_form: expected a bool or None, got {self.causal_form!r}")
        if self.causal_form and not self.causal:
            raise ValueError("causal_form: a model asked to compute the causal form must be causal")
        if self.layer_labels is not None:
            if not isinstance(self.layer_labels, list) or len(self.layer_labels) != 2 * len(self.layers):
                got = len(self.layer_labels) if isinstance(self.layer_labels, list) else self.layer_labels
                raise ValueError(
                    f"layer_labels: expected None or a list of {2 * len(self.layers)} label lists "
                    f"(one per sublayer), got {got}"
                )
            for k, labels in enumerate(self.layer_labels):
                self._validate_labels(labels, f"layer_labels[{k}]")
        if self.loop is not None:
            if not isinstance(self.loop, LoopConfig):
                raise ValueError(f"loop: expected None or a LoopConfig, got {type(self.loop).__name__}")
            self.loop.validate(len(self.layers), self.d_model)
        _check_str(self.version, "version")

    def _validate_output_types(self) -> None:
        types = self.output_types
        if types is None:
            return
        if not isinstance(types, dict):
            raise ValueError(f"output_types: expected None or an object, got {type(types).__name__}")
        _check_keys(types, {"dims", "types"}, "output_types")
        dims, names = types["dims"], types["types"]
        if not isinstance(dims, list) or not dims:
            raise ValueError(f"output_types.dims: expected a non-empty list of residual dims, got {dims!r}")
        for j, d in enumerate(dims):
            _check_size(d, f"output_types.dims[{j}]")
            if d >= self.d_model:
                raise ValueError(f"output_types.dims[{j}]: {d} is not a residual dim (d_model is {self.d_model})")
        if len(set(dims)) != len(dims):
            raise ValueError(f"output_types.dims: {dims} repeats a dim")
        if not isinstance(names, list) or len(names) != len(dims):
            raise ValueError(f"output_types.types: expected a list of {len(dims)} type names (one per dim), got {names!r}")
        for j, name in enumerate(names):
            if name not in OUTPUT_TYPES:
                raise ValueError(f"output_types.types[{j}]: expected one of {OUTPUT_TYPES}, got {name!r}")

    def _validate_program_ops(self) -> None:
        if self.program_ops is None:
            return
        if not isinstance(self.program_ops, dict) or set(self.program_ops) != {"ops", "stages"}:
            raise ValueError(f"program_ops: expected an object with keys 'ops' and 'stages', got {self.program_ops!r}")
        ops, stages = self.program_ops["ops"], self.program_ops["stages"]
        if not isinstance(ops, list) or not ops or not all(isinstance(op, str) and op in self.vocab for op in ops):
            raise ValueError(f"program_ops.ops: expected a non-empty list of str tokens of the vocabulary, got {ops!r}")
        if isinstance(stages, bool) or not isinstance(stages, int) or not 1 <= stages < self.max_seq_len:
            raise ValueError(f"program_ops.stages: expected an int from 1 to max_seq_len - 1 "
                             f"({self.max_seq_len - 1}), got {stages!r}")

    def _validate_output_codes(self) -> None:
        codes = self.output_codes
        if codes is None:
            return
        if self.output_encoding != "categorical":
            raise ValueError("output_codes: only a categorical output is held as codes, this one is numerical")
        k = len(self.output_dims)
        if k < 2:
            raise ValueError(f"output_codes: a code needs at least 2 output dims (its margin against None), got {k}")
        if not isinstance(codes, list) or len(codes) != len(self.output_values):
            got = len(codes) if isinstance(codes, list) else type(codes).__name__
            raise ValueError(f"output_codes: expected a list of {len(self.output_values)} codes (one per output "
                             f"value), got {got}")
        seen: dict[tuple, int] = {}
        for j, code in enumerate(codes):
            if (not isinstance(code, list) or len(code) != k
                    or not all(type(c) is int and c in (-1, 1) for c in code)):
                raise ValueError(f"output_codes[{j}]: expected a list of {k} entries, each 1 or -1, got {code!r}")
            if tuple(code) in seen:
                raise ValueError(f"output_codes[{j}]: the same code as output_codes[{seen[tuple(code)]}]")
            seen[tuple(code)] = j

    def _validate_labels(self, labels: Any, where: str) -> None:
        if not isinstance(labels, list) or not all(map(isinstance, labels, itertools.repeat(str))):
            raise ValueError(f"{where}: expected a list of str")
        if len(labels) != self.d_model:
            raise ValueError(f"{where}: has {len(labels)} labels but d_model is {self.d_model}")

    def _validate_output(self) -> None:
        if self.output_encoding not in OUTPUT_ENCODINGS:
            raise ValueError(f"output_encoding: expected one of {OUTPUT_ENCODINGS}, got {self.output_encoding!r}")
        if not isinstance(self.output_dims, list) or not self.output_dims:
            raise ValueError("output_dims: expected a non-empty list of residual dimensions")
        for j, dim in enumerate(self.output_dims):
            _check_dim(dim, self.d_model, f"output_dims[{j}]")
        if len(set(self.output_dims)) != len(self.output_dims):
            raise ValueError(f"output_dims: repeats a dimension: {self.output_dims}")
        _check_values(self.output_values, "output_values")
        tolerance = self.output_tolerance
        if not isinstance(tolerance, (int, float)) or isinstance(tolerance, bool) or not 0 <= tolerance < math.inf:
            raise ValueError(f"output_tolerance: expected a finite number >= 0, got {tolerance!r}")
        if self.output_encoding == "numerical":
            if len(self.output_dims) != 1:
                raise ValueError(f"output_dims: a numerical output reads exactly one dim, got {len(self.output_dims)}")
            values = self.output_values
            if not set(map(type, values)) <= _NUMBERS:  # the loop only to name the culprit
                for j, value in enumerate(values):
                    if _not_number(value):
                        raise ValueError(f"output_values[{j}]: {value!r} is not a number (the output is numerical)")
            if all(map(operator.lt, values, values[1:])):
                return
            for j in range(1, len(self.output_values)):
                if not self.output_values[j - 1] < self.output_values[j]:
                    raise ValueError(
                        f"output_values[{j}]: {self.output_values[j]!r} does not follow {self.output_values[j - 1]!r} "
                        "(a numerical output's values must ascend)"
                    )
            return
        if tolerance:
            raise ValueError(f"output_tolerance: a categorical output is not snapped, expected 0.0, got {tolerance!r}")
        if self.output_codes is None and len(self.output_values) != len(self.output_dims):
            raise ValueError(
                f"output_values: a categorical output needs one value per output dim, "
                f"got {len(self.output_values)} values for {len(self.output_dims)} dims"
            )

    def to_document(self) -> dict[str, Any]:
        """The config as a JSON-ready dict, with the format marker that `from_document` requires."""
        layers = [{"heads": [{"d_qk": h.d_qk, "d_ov": h.d_ov} for h in layer.heads], "d_mlp": layer.d_mlp}
                  for layer in self.layers]
        document = {"format": FORMAT, **{name: getattr(self, name) for name in _FIELDS}, "layers": layers}
        if self.loop is not None:  # absent, not null, for a model without a loop: older files stay valid
            document["loop"] = {name: getattr(self.loop, name) for name in _LOOP_FIELDS}
        if self.output_types is not None:  # likewise
            document["output_types"] = self.output_types
        if self.output_codes is not None:  # likewise
            document["output_codes"] = self.output_codes
        if self.causal_form is not None:  # likewise
            document["causal_form"] = self.causal_form
        if self.output_scores:  # likewise
            document["output_scores"] = True
        if self.program_ops is not None:  # likewise
            document["program_ops"] = self.program_ops
        if self.first_token is not None:  # likewise
            document["first_token"] = self.first_token
        if self.composed is not None:  # likewise
            document["composed"] = self.composed.to_document()
        return document

    def to_json(self) -> str:
        """The config as JSON text (see `to_document`)."""
        return json.dumps(self.to_document(), indent=1, allow_nan=False)

    @classmethod
    def from_json(cls, text: str) -> ModelConfig:
        """Parse and validate JSON written by `to_json`; ValueError naming the field on anything else."""
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"config is not valid JSON: {error}") from None
        return cls.from_document(document)

    @classmethod
    def from_document(cls, document: Any) -> ModelConfig:
        """Validate a parsed `to_document` dict; ValueError naming the field on anything else."""
        if not isinstance(document, dict):
            raise ValueError(f"config: expected a JSON object, got {type(document).__name__}")
        if document.get("format") != FORMAT:
            raise ValueError(
                f"format: expected {FORMAT!r}, got {document.get('format')!r} (not a weightsmith model config)"
            )
        _check_keys(document, {"format", *_FIELDS}, "config",
                    optional={"loop", "output_types", "output_codes", "causal_form", "output_scores", "program_ops",
                              "first_token", "composed"})
        layers = document["layers"]
        if not isinstance(layers, list):
            raise ValueError(f"layers: expected a list, got {type(layers).__name__}")
        fields = {name: document[name] for name in _FIELDS}
        for name in ("output_types", "output_codes", "causal_form", "output_scores", "program_ops", "first_token"):
            if name in document:
                fields[name] = document[name]
        fields["layers"] = [_layer_from_json(layer, f"layers[{i}]") for i, layer in enumerate(layers)]
        if "composed" in document:
            fields["composed"] = ComposedConfig.from_document(document["composed"])
        if "loop" in document:
            loop = document["loop"]
            if not isinstance(loop, dict):
                raise ValueError(f"loop: expected an object, got {type(loop).__name__}")
            _check_keys(loop, set(_LOOP_FIELDS), "loop")
            for name in _LOOP_FIELDS:
                _check_size(loop[name], f"loop.{name}")
            fields["loop"] = LoopConfig(**loop)
        return cls(**fields)


_FIELDS = ("vocab", "bos", "pad", "max_seq_len", "d_model", "layers", "residual_labels", "output_dims",
           "output_encoding", "output_values", "output_tolerance", "output_label", "causal", "layer_labels", "version")
_LOOP_FIELDS = ("first_layer", "n_layers", "max_steps", "stop_dim", "steps_dim", "halted_dim")


def _layer_from_json(layer: Any, where: str) -> LayerConfig:
    if not isinstance(layer, dict):
        raise ValueError(f"{where}: expected an object, got {type(layer).__name__}")
    _check_keys(layer, {"heads", "d_mlp"}, where)
    heads = layer["heads"]
    if not isinstance(heads, list):
        raise ValueError(f"{where}.heads: expected a list, got {type(heads).__name__}")
    for h, head in enumerate(heads):
        if not isinstance(head, dict):
            raise ValueError(f"{where}.heads[{h}]: expected an object, got {type(head).__name__}")
        _check_keys(head, {"d_qk", "d_ov"}, f"{where}.heads[{h}]")
        for name in ("d_qk", "d_ov"):
            _check_size(head[name], f"{where}.heads[{h}].{name}")
    _check_size(layer["d_mlp"], f"{where}.d_mlp")
    return LayerConfig([HeadConfig(**head) for head in heads], layer["d_mlp"])


def _check_keys(document: dict, expected: set, where: str, optional: set = frozenset()) -> None:
    unknown = sorted(set(document) - expected - optional)
    missing = sorted(expected - set(document))
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {unknown}")
    if missing:
        raise ValueError(f"{where}: missing key(s) {missing}")


def _not_int(value: Any) -> bool:
    return not isinstance(value, int) or isinstance(value, bool)


def _not_number(value: Any) -> bool:
    return not isinstance(value, (int, float))  # bools count: a numerical s-op may hold True (== 1)


def _check_size(value: Any, where: str, minimum: int = 0) -> None:
    if _not_int(value) or value < minimum:
        raise ValueError(f"{where}: expected an int >= {minimum}, got {value!r}")


def _check_dim(value: Any, d_model: int, where: str) -> None:
    if _not_int(value) or not 0 <= value < d_model:
        raise ValueError(f"{where}: {value!r} is not a residual dimension (d_model is {d_model})")


def _check_str(value: Any, where: str) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected a str, got {value!r}")


def _check_values(values: Any, where: str) -> None:
    """Token and output values must be JSON scalars that survive a round trip, with no two equal."""
    if not isinstance(values, list):
        raise ValueError(f"{where}: expected a list, got {type(values).__name__}")
    # Fast paths in C for the common case (output value sets run to hundreds and are checked on every
    # compile and load); the loops below run only to name the culprit, or for subclasses of the scalars.
    kinds = set(map(type, values))
    floats = values if kinds == {float} else [v for v in values if type(v) is float] if float in kinds else []
    if not kinds <= _SCALARS or not all(map(math.isfinite, floats)):
        for j, value in enumerate(values):
            if not isinstance(value, (str, int, float, bool)) or (isinstance(value, float) and not math.isfinite(value)):
                raise ValueError(f"{where}[{j}]: {value!r} is not a str, int, bool or finite float")
    if len(set(values)) == len(values):
        return
    seen: dict = {}
    for j, value in enumerate(values):
        if value in seen:
            raise ValueError(f"{where}[{j}]: {value!r} equals {where}[{seen[value]}] ({values[seen[value]]!r})")
        seen[value] = j
