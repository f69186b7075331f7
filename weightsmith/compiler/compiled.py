"""The result of compiling: the model, and everything needed to read it as the program.

`CompiledModel.apply(["BOS", ...]).decoded` is Tracr's call (BOS's slot first); `apply_batch` runs many
inputs in one forward pass. An input may end in PAD tokens, as Tracr's models allow: they do not change
the real positions' outputs, and their own slots hold the PAD token. `layouts` says, for every s-op, where it lives: its residual dimensions
(none for a virtual s-op), a read-out matrix that recovers its value from any residual snapshot taken
after it is written, and when that is (`written_after`, a sublayer index: -1 embeddings, 2L layer L's
attention, 2L+1 its MLP). That is what `verify` compares with the interpreter's trace, and what
`explain` shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import torch

from weightsmith import rasp
from weightsmith.model import ModelConfig, Transformer
from weightsmith.model.transformer import check_token_lists
from weightsmith.model.threads import forward_work, torch_threads

ACTIVATION_BYTES = 256 << 20  # at most this much of one activation a forward pass of `apply_batch`


@dataclass
class SOpLayout:
    """Where one s-op (or compiler helper) lives in the residual stream."""

    label: str
    kind: str  # the RASP class ("Map", "Aggregate", ...) or the helper's role ("1/(w+1)", "tuple", ...)
    encoding: str  # "categorical" | "numerical"
    values: list  # categorical: the value of each read-out row; numerical: the values it can take
    dims: list[int]  # residual dimensions it owns (empty: virtual, read from other s-ops' dimensions)
    readout: np.ndarray  # [rows, d_model]: categorical one row per value (one-hot), numerical one row
    written_after: int  # sublayer after which the read-out is valid (-1: from the embeddings on)
    erased_in: int | None  # the sublayer that erases (part of) it: valid up to the residual before it
    sublayer: str  # "embedding", "attention", "mlp" or "virtual"
    helper: bool = False  # added by the compiler, not an s-op of the program
    unrepresented: list = field(default_factory=list)  # values nothing downstream needs told apart:
    #                                                    not in the model (they decode as None)
    scores: bool = False  # a LinearClassifier: its rows hold class scores (not one-hot); read by `decode`'s
    #                       argmax (the largest row, None below 0.5), as the unembedding reads them
    compact: bool = False  # rows are a compact s-op's detectors: 1 for the value held, at most -1 for the others

    def valid_after(self, sublayer: int) -> bool:
        """Whether the read-out holds on the residual after `sublayer` (-1: after the embeddings)."""
        return self.written_after <= sublayer and (self.erased_in is None or sublayer < self.erased_in)

    def decode(self, residual: torch.Tensor | np.ndarray) -> list:
        """The s-op's value at each position of a residual [..., positions, d_model] (flattened to a list)."""
        x = np.asarray(residual.detach().cpu() if isinstance(residual, torch.Tensor) else residual, dtype=np.float64)
        read = x @ self.readout.T
        if self.encoding == "numerical":
            return read[..., 0].reshape(-1).tolist()
        if not len(self.values):  # no value is ever held: None everywhere (reshape(-1, 0) cannot size it)
            return [None] * int(np.prod(read.shape[:-1]))
        flat = read.reshape(-1, len(self.values))
        best = flat.argmax(-1)
        return [self.values[j] if row[j] >= 0.5 else None for row, j in zip(flat, best)]


@dataclass
class HeadInfo:
    """One compiled head: which s-op it writes, its scale, and the proven bound on its softmax leakage.
    `reads`: the stored s-ops (and helpers) its queries, keys and values read, the circuit's edges."""

    label: str
    layer: int
    head: int
    scale: float
    margin: float
    reads: list[str] = field(default_factory=list)
    dims: list[int] = field(default_factory=list)  # the residual dimensions it writes


@dataclass
class UnitsInfo:
    """MLP hidden units `start:stop` of one layer: the units that write one s-op (or helper), or, with
    `eraser`, the units that clear a dead s-op's dimensions for a new tenant (`compiler.residual`).
    `reads`: the stored s-ops their pre-activations read; `dims`: the residual dimensions they write."""

    label: str
    layer: int
    start: int
    stop: int
    reads: list[str]
    dims: list[int]
    eraser: bool = False


@dataclass
class CompiledOutput:
    """`decoded`: one value per position, BOS's slot first (the BOS token there, as in Tracr; PAD at padding).
    A looped model also reports the loop's `steps` and `halted`, read from its residual."""

    decoded: list
    residuals: list[torch.Tensor] = field(default_factory=list)
    steps: int | None = None
    halted: bool | None = None


def with_bos(config: ModelConfig, inputs: Sequence[Sequence]) -> list[list]:
    """Program inputs (tokens without BOS, as `run` takes them) as model inputs, BOS first. InputError for a
    padding token among them: it is no token of the program, yet the model took it as padding and `run(["x",
    "PAD"])` answered `[True, 'PAD']` where the interpreter gives `[True, 0.5]` (`apply` takes Tracr's padded
    inputs, `[BOS, x, PAD]`, and its rows keep PAD at those positions)."""
    check_token_lists(inputs)
    pad = config.pad
    for b, tokens in enumerate(inputs):
        at = next((i for i, t in enumerate(tokens) if isinstance(t, str) and t == pad), None)
        if at is not None:
            raise rasp.InputError(f"input {b}, position {at}: {pad!r} is the model's padding token, not a token of "
                                  "the program (apply takes padded inputs that start with BOS)")
    return [[config.bos, *tokens] for tokens in inputs]


@dataclass
class CompiledModel:
    """A compiled program: `model` (a plain `weightsmith.model.Transformer`) and its reading guide."""

    model: Transformer
    program: rasp.SOp
    vocab: list
    max_seq_len: int
    causal: bool
    layouts: dict[str, SOpLayout]
    schedule: dict[str, tuple[int, str]]  # s-op label -> (layer, "attention" | "mlp") of the op writing it
    heads: list[HeadInfo]
    output_label: str
    output_values: list  # every value the output can take (the model's config holds them too)
    output_tolerance: float  # numerical: decoding snaps a number this close to one of output_values
    analysis: str  # "exhaustive" (value facts observed on every input) or "static"
    output_error: float = 0.0  # proven bound on how far the output read-out is from exact (`compiler.bounds`)
    compile_seconds: float = 0.0
    units: list[UnitsInfo] = field(default_factory=list)  # every MLP unit, grouped by what it writes

    @property
    def config(self) -> ModelConfig:
        return self.model.config

    def _repr_html_(self) -> str:
        return self.model._repr_html_()

    def apply(self, tokens: Sequence) -> CompiledOutput:
        """One input, starting with BOS: `.decoded` is the output list, BOS's slot first (InputError where the
        model is undefined: `Transformer.decode_logits`)."""
        ids = self.model.encode([tokens])
        with torch.inference_mode(), torch_threads(forward_work(self.model, ids.numel())):
            final, residuals = self.model(ids, return_residuals=True)
        out = CompiledOutput(self._decode(final, [len(tokens)], ids)[0], residuals)
        if self.config.loop is not None:
            (out.steps,), (out.halted,) = self.model.loop_status(final)
        return out

    def apply_batch(self, inputs: Sequence[Sequence], batch_size: int = 8192) -> list[list]:
        """Decoded outputs of many inputs (each starting with BOS), in batches of one forward pass each."""
        check_token_lists(inputs)
        return self._apply_checked(inputs, batch_size)

    def run(self, tokens: Sequence) -> list:
        """The program's output on `tokens` (without BOS): what `rasp.evaluate(program, tokens)` gives."""
        return self.run_batch([tokens])[0]

    def run_batch(self, inputs: Sequence[Sequence]) -> list[list]:
        """The program's outputs on many inputs given without BOS."""
        return [out[1:] for out in self._apply_checked(with_bos(self.config, inputs))]

    def read_residuals(self, inputs: Sequence[Sequence], labels: Sequence[str],
                       batch_size: int = 16) -> dict[str, list[list]]:
        """The values of the s-ops `labels` on many inputs (without BOS), decoded from the residual stream (not
        from the interpreter), each right after the sublayer that writes it: how one model is checked on
        several of its s-ops, or shows what it holds between its input and output. Every sublayer's residual
        is kept, so a few inputs at a time (`batch_size`), shortest first: a batch is padded to its longest
        input, and a large model's padded positions cost as much as real ones."""
        layouts = [self.layouts[label] for label in labels]
        rows = with_bos(self.config, inputs)
        values: dict[str, list] = {label: [None] * len(rows) for label in labels}
        order = sorted(range(len(rows)), key=lambda b: len(rows[b]))
        work = forward_work(self.model, batch_size * max(map(len, rows), default=1))
        with torch.inference_mode(), torch_threads(work):
            for start in range(0, len(order), batch_size):
                chunk = order[start:start + batch_size]
                _, residuals = self.model(self.model.encode([rows[b] for b in chunk], checked=True),
                                          return_residuals=True)
                for label, layout in zip(labels, layouts):
                    for b, snapshot in zip(chunk, residuals[layout.written_after + 1]):
                        values[label][b] = layout.decode(snapshot)[1:len(rows[b])]
        return values

    def _apply_checked(self, inputs: Sequence[Sequence], batch_size: int = 8192) -> list[list]:
        """`apply_batch` on inputs `check_token_lists` already passed (at `apply_batch`'s entry, or in `with_bos`)."""
        outputs: list[list] = []
        longest = max((len(x) for x in inputs), default=1)
        batch_size = max(1, min(batch_size, self.rows_within(ACTIVATION_BYTES, longest)))
        work = forward_work(self.model, min(len(inputs), batch_size) * longest)
        with torch.inference_mode(), torch_threads(work):
            for start in range(0, len(inputs), batch_size):
                chunk = [list(x) for x in inputs[start:start + batch_size]]
                ids = self.model.encode(chunk, checked=True)
                outputs.extend(self._decode(self.model(ids), [len(x) for x in chunk], ids, start))
        return outputs

    def rows_within(self, budget: int, positions: int) -> int:
        """How many inputs of `positions` tokens one forward pass takes within `budget` bytes of its widest
        activation (float32: the MLP hidden layer, or the residual). A staircase over the thousands of means
        at length 32 is a 20,000-unit MLP: 1,258 inputs in one pass asked for 3.3 GB, and the process was
        killed where memory was short."""
        widest = max([self.config.d_model, *(layer.d_mlp for layer in self.config.layers)])
        return budget // (4 * widest * max(1, positions))

    def _decode(self, final: torch.Tensor, lengths: list[int], ids: torch.Tensor, first: int = 0) -> list[list]:
        rows = self.model.decode(final, lengths, ids, first=first)
        for row in rows:
            if row:
                row[0] = self.config.bos
        return rows
