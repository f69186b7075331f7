"""The result of `switch` and `pipe`: one `weightsmith.model.Transformer` and how to call it.

It answers like a compiled model (`apply(["BOS", ...]).decoded`, `apply_batch`, `run`, `run_batch`), so code
written for `CompiledModel` runs on it, and echoes the selector in its slot. What it refuses - inputs without a selector,
outside the chosen component's domain, where a model of a pipe outputs None - the model itself refuses
(`config.composed`, `Transformer.decode_logits`), so a composed model is saved as an ordinary model folder
(safetensors + JSON) and `weightsmith.model.load(folder).run(...)` refuses the same inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import torch

from weightsmith.compiler.compiled import CompiledOutput, with_bos
from weightsmith.model import ModelConfig, Transformer, load, save
from weightsmith.model.threads import forward_work, torch_threads
from weightsmith.model.transformer import check_token_lists

SELECTOR = "selector"  # switch's label for a selector token's dimension: "selector:A"
FED = "pipe:fed"  # pipe's label for the dimension that is 1 where the first model outputs a value, 0 where None
FIRST = "pipe:first"  # pipe's label for the dimension that is 1 where the first model outputs the second's first token
OUTSIDE = "outside"  # switch's label for an embedding flag, "outside:A": 1 at a token A does not know or past A's length
ANY_SELECTOR = "is_selector"  # switch's label for the dimension that is 1 at any selector token
BOS_FLAG = "pipe:bos"  # pipe's label for the dimension that switches its embedding step off at BOS


@dataclass
class ComposedModel:
    """A switch (input: BOS, a selector, the tokens), a pipe (input: BOS, the tokens), or any other model."""

    model: Transformer

    @property
    def config(self) -> ModelConfig:
        return self.model.config

    @property
    def kind(self) -> Optional[str]:
        """"switch", "pipe", or None for a model that is neither."""
        return None if self.config.composed is None else self.config.composed.kind

    @property
    def parts(self) -> list[str]:
        """A switch's selectors, a pipe's components first to last (none for another model)."""
        return [] if self.config.composed is None else list(self.config.composed.parts)

    @property
    def prefix(self) -> int:
        """Tokens between BOS and the data (the selector), whose slots echo them in `decoded`."""
        return 1 if self.kind == "switch" else 0

    def apply(self, tokens: Sequence) -> CompiledOutput:
        """One input starting with BOS: `.decoded` echoes BOS (and the selector), then one output per token;
        InputError where the model is undefined (`Transformer.decode_logits`)."""
        ids = self.model.encode([tokens])
        with torch.inference_mode(), torch_threads(forward_work(self.model, ids.numel())):
            final, residuals = self.model(ids, return_residuals=True)
        return CompiledOutput(self._decode(self.model.readout(final), [list(tokens)], ids)[0], residuals)

    def apply_batch(self, inputs: Sequence[Sequence], batch_size: int = 8192,
                    undefined_as_none: bool = False) -> list[Optional[list]]:
        """Decoded outputs of many inputs (each starting with BOS), one forward pass per batch. An input the model
        is undefined on is an InputError, or with `undefined_as_none` a None in its place (for checks that skip
        such inputs); it is not decoded, as its numbers are unspecified (a numerical one may be near no value)."""
        check_token_lists(inputs)
        return self._apply_checked(inputs, batch_size, undefined_as_none)

    def run(self, tokens: Sequence) -> list:
        """The outputs on `tokens` given without BOS, one per token (a switch's selector echoed in its slot, as
        `weightsmith run` prints it): what `CompiledModel.run` is to a compiled model."""
        return self.run_batch([tokens])[0]

    def run_batch(self, inputs: Sequence[Sequence], batch_size: int = 8192) -> list[list]:
        """`run` on many inputs given without BOS (InputError for the first the model is undefined on)."""
        return [out[1:] for out in self._apply_checked(with_bos(self.config, inputs), batch_size)]

    def _apply_checked(self, inputs: Sequence[Sequence], batch_size: int = 8192,
                       undefined_as_none: bool = False) -> list[Optional[list]]:
        """`apply_batch` on inputs `check_token_lists` already passed (at `apply_batch`'s entry, or in `with_bos`)."""
        outputs: list[Optional[list]] = []
        longest = max((len(x) for x in inputs), default=1)
        with torch.inference_mode(), torch_threads(forward_work(self.model, min(len(inputs), batch_size) * longest)):
            for start in range(0, len(inputs), batch_size):
                chunk = [list(x) for x in inputs[start:start + batch_size]]
                ids = self.model.encode(chunk, checked=True)
                outputs.extend(self._decode(self.model.readout(self.model(ids)), chunk, ids, start, undefined_as_none))
        return outputs

    def _decode(self, logits: torch.Tensor, chunk: list[list], ids: torch.Tensor, first: int = 0,
                undefined_as_none: bool = False) -> list[Optional[list]]:
        """`Transformer.decode_logits`, each row's BOS (and selector) slots echoing the input's tokens."""
        rows = self.model.decode_logits(logits, [len(x) for x in chunk], ids, first=first,
                                        undefined_as_none=undefined_as_none)
        for row, tokens in zip(rows, chunk):
            if row is not None:
                head = min(len(row), 1 + self.prefix)
                row[:head] = tokens[:head]
        return rows

    def save(self, folder: str | Path) -> Path:
        return save(self.model, folder)

    @classmethod
    def load(cls, folder: str | Path) -> ComposedModel:
        """A composed model from its folder (ModelFolderError if it is no model folder)."""
        return cls.of(load(folder))

    @classmethod
    def of(cls, model: Transformer) -> ComposedModel:
        """The composed model a plain Transformer is (its `config.composed`); ComposeError for a switch or pipe
        saved before its config recorded what it refuses (`saved_unrecorded`)."""
        from weightsmith.compose.stack import ComposeError

        unrecorded = saved_unrecorded(model.config)
        if unrecorded:
            raise ComposeError(unrecorded)
        return cls(model)


def saved_unrecorded(config: ModelConfig) -> Optional[str]:
    """Why a model is a switch or pipe whose folder was saved before `config.composed` existed (its residual
    labels name a switch's selectors or a pipe's step, its config no record), or None. Such a model loads and
    runs, but nothing reads its domain: a switch answered inputs without a selector or outside the chosen
    component's domain, a pipe where its first model outputs None. Composing or running it as a composed model
    is refused; `weightsmith.model.load(folder).run` answers unchecked."""
    if config.composed is not None:
        return None
    labels = set(config.residual_labels)
    if ANY_SELECTOR in labels and any(label.startswith(SELECTOR + ":") for label in labels):
        kind = "switch"
    elif BOS_FLAG in labels:
        kind = "pipe"
    else:
        return None
    return (f"this {kind} was saved before a {kind}'s config.json recorded the inputs it refuses, so nothing "
            f"would check them; build it again from its components (weightsmith {kind} ...)")
