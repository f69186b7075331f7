"""The result of `switch` and `pipe`: one `weightsmith.model.Transformer` and how to call it.

It answers like a compiled model (`apply(["BOS", ...]).decoded`, `apply_batch`), so code written for
`CompiledModel` runs on it. What it knows beyond the plain model - which tokens are selectors, how many
tokens stand between BOS and the data - is read back from the residual labels on `load`, so a composed
model is saved as an ordinary model folder (safetensors + JSON) and `weightsmith.model.load` reads it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import torch

from weightsmith.compiler.compiled import CompiledOutput
from weightsmith.model import ModelConfig, Transformer, load, save
from weightsmith.model.threads import forward_work, torch_threads
from weightsmith.rasp.errors import InputError

SELECTOR = "selector"  # switch's label for a selector token's dimension: "selector:A"
FED = "pipe:fed"  # pipe's label for the dimension that is 1 where the first model outputs a value, 0 where None
OUTSIDE = "outside"  # switch's label for an embedding flag, "outside:A": 1 at a token A does not know or past A's length


@dataclass
class ComposedModel:
    """`kind` is "switch" (input: BOS, a selector, the tokens) or "pipe" (input: BOS, the tokens)."""

    model: Transformer
    kind: str
    parts: list[str]  # switch: the selectors; pipe: the components, first to last

    @property
    def config(self) -> ModelConfig:
        return self.model.config

    @property
    def prefix(self) -> int:
        """Tokens between BOS and the data (the selector), whose slots echo them in `decoded`."""
        return 1 if self.kind == "switch" else 0

    def apply(self, tokens: Sequence) -> CompiledOutput:
        """One input starting with BOS: `.decoded` echoes BOS (and the selector), then one output per token."""
        ids = self.encode_checked([list(tokens)])
        with torch.inference_mode(), torch_threads(forward_work(self.model, ids.numel())):
            final, residuals = self.model(ids, return_residuals=True)
        self.check_fed(final, [list(tokens)])
        return CompiledOutput(self._decode(final, [list(tokens)], ids)[0], residuals)

    def apply_batch(self, inputs: Sequence[Sequence], batch_size: int = 8192,
                    undefined_as_none: bool = False) -> list[Optional[list]]:
        """Decoded outputs of many inputs (each starting with BOS), one forward pass per batch. An input a pipe
        is undefined on (`check_fed`) is an InputError, or with `undefined_as_none` a None in its place (for
        checks that skip such inputs)."""
        outputs: list[Optional[list]] = []
        longest = max((len(x) for x in inputs), default=1)
        with torch.inference_mode(), torch_threads(forward_work(self.model, min(len(inputs), batch_size) * longest)):
            for start in range(0, len(inputs), batch_size):
                chunk = [list(x) for x in inputs[start:start + batch_size]]
                ids = self.encode_checked(chunk, start)
                final = self.model(ids)
                reasons = self.unfed(final, chunk)
                if not undefined_as_none:
                    self.check_fed(final, chunk, start, reasons)
                rows = self._decode(final, chunk, ids)
                outputs.extend(None if reason else row for row, reason in zip(rows, reasons))
        return outputs

    def encode_checked(self, inputs: Sequence[Sequence], first: int = 0) -> torch.Tensor:
        """The inputs' token ids, refusing those a switch is undefined on: its input names a component right after
        BOS (`_check_selectors`, before the tokens are read) and holds only tokens of that component's vocabulary,
        no more than it takes (`_check_domain`, from the same ids the forward pass reads)."""
        if self.kind == "switch":
            self._check_selectors(inputs, first)
        ids = self.model.encode([list(x) for x in inputs])
        if self.kind == "switch":
            self._check_domain(inputs, ids, first)
        return ids

    def _check_selectors(self, inputs: Sequence[Sequence], first: int) -> None:
        """Without a selector after BOS every component is gated off, and the model answered None at each
        position, as if that were the answer."""
        for b, tokens in enumerate(inputs, first):
            after = tokens[1] if len(tokens) > 1 else None
            if not (isinstance(after, str) and after in self.parts):
                shown = repr(after) if len(tokens) > 1 else "nothing"
                if len(tokens) > 1 and not isinstance(after, str) and str(after) in self.parts:
                    shown = (f"the {type(after).__name__} {after!r}; the selector {str(after)!r} is text: at the command "
                             f"line, type it quoted, \"{str(after)!r}\"")
                raise InputError(f"input {b}: a switch reads a selector right after BOS, one of {self.parts}; "
                                 f"got {shown}")

    def _check_domain(self, inputs: Sequence[Sequence], ids: torch.Tensor, first: int) -> None:
        """The chosen component is undefined on a token only another component knows (its block embeds it as
        zeros) and past its own max length (its block has no position embedding there), yet it answered: hist over
        a, b gave [1, 3, 3] on `a 1 1`, and hist over 2 tokens [2, 2, 2, 1] on `a a a b`. The switch's `outside:NAME`
        flags, 1 in the token embedding of each token NAME does not know and in the position embedding past NAME's
        length, find such inputs before any layer runs. A switch saved before the flags existed is not checked."""
        labels = self.config.residual_labels
        flagged = {s: labels.index(f"{OUTSIDE}:{s}") for s in self.parts if f"{OUTSIDE}:{s}" in labels}
        if not flagged:
            return
        dims = list(flagged.values())
        tokens_out = self.model.token_embed[ids[:, 2:]][..., dims] > 0.5  # [B, T - 2, flagged]
        length_out = self.model.pos_embed[2:ids.shape[1]][:, dims] > 0.5  # [T - 2, flagged]
        real = torch.arange(2, ids.shape[1])[None, :] < torch.tensor([len(x) for x in inputs])[:, None]  # not PAD
        chosen = torch.tensor([[x[1] == s for s in flagged] for x in inputs])  # the selectors: checked before
        hits = ((tokens_out | length_out[None]) & chosen[:, None, :] & real[..., None]).any(-1).nonzero()
        if not len(hits):
            return
        b, p = int(hits[0, 0]), int(hits[0, 1]) + 2
        name, dim = inputs[b][1], flagged[inputs[b][1]]
        if self.model.pos_embed[p, dim] > 0.5:
            longest = int((self.model.pos_embed[2:, dim] > 0.5).nonzero()[0, 0])  # the first position past it, less 2
            raise InputError(f"input {first + b}: {name!r} takes at most {longest} tokens, got {len(inputs[b]) - 2}: "
                             "the switch is undefined there")
        flags = self.model.token_embed[2:, dim].tolist()  # rows: BOS, PAD, then the vocabulary
        known = [t for t, flag in zip(self.config.vocab, flags) if flag < 0.5 and t not in self.parts]
        shown = f"{known}" if len(known) <= 10 else f"{known[:10]} and {len(known) - 10} more"
        raise InputError(f"input {first + b}: token {inputs[b][p]!r} at position {p} is not in the vocabulary of "
                         f"{name!r} ({shown}): the switch is undefined there")

    def check_fed(self, final: torch.Tensor, inputs: Sequence[Sequence], first: int = 0,
                  reasons: Optional[list[Optional[str]]] = None) -> None:
        """A pipe's second model has no input where the first one outputs None (`pipe:fed` is 0 there), and
        what the pipe answers at such an input is not its program's answer: refused, not decoded. A pipe
        folder saved without `pipe:fed` (before it existed) is not checked."""
        for b, reason in enumerate(self.unfed(final, inputs) if reasons is None else reasons):
            if reason:
                raise InputError(f"input {first + b}: {reason}")

    def unfed(self, final: torch.Tensor, inputs: Sequence[Sequence]) -> list[Optional[str]]:
        """For each input, why a pipe in the model is undefined on it (a model of it outputs None, so the next has
        no input), or None. A chain of three or more is a pipe of pipes and a switch may hold pipes: every
        `pipe:fed` on the way is read (`before/pipe:fed` inside a chain, `P/pipe:fed` for the switch's component
        P, read where P is chosen), earliest stage first, since a second model fed nothing still answers and the
        models after it pass that on (`0 1 1` through None-for-0, hist, inc gave [0, 3, 3], no error)."""
        if self.kind == "switch":  # the chosen component's pipes, at the data positions (after the selector)
            stages = {s: self._fed_stages(f"{s}/") for s in self.parts}
            chosen, start = [stages.get(x[1] if len(x) > 1 else None, []) for x in inputs], 2
        else:
            chosen, start = [self._fed_stages("")] * len(inputs), 1
        reasons: list[Optional[str]] = [None] * len(inputs)
        fed = {dim: final[..., dim].tolist() for dim in {d for stages in chosen for d, _, _ in stages}}
        for b, (tokens, stages) in enumerate(zip(inputs, chosen)):
            for dim, first_name, second_name in stages:
                unfed = [p for p in range(start, len(tokens)) if fed[dim][b][p] < 0.5]
                if unfed:
                    reasons[b] = (f"{first_name!r} outputs None at position {unfed[0]} (BOS is 0, token "
                                  f"{tokens[unfed[0]]!r}), so {second_name!r} has no input and the pipe is "
                                  "undefined there")
                    break
        return reasons

    def _fed_stages(self, root: str) -> list[tuple[int, str, str]]:
        """(dimension, first model, second model) of every pipe at `root` ("" for the model itself, "P/" for a
        switch's component P) and of the pipes nested in it, innermost (earliest) first: a pipe at prefix Q is
        a `Q + pipe:fed` label, its blocks are the names under Q (`before/` for the pipe inside a chain), and it
        counts only if every level between `root` and Q is a pipe too (not a switch's component)."""
        labels = self.config.residual_labels
        present = set(labels)
        stages = []
        for dim, label in enumerate(labels):
            if not (label == root + FED or label.startswith(root) and label.endswith("/" + FED)):
                continue
            prefix = label[:-len(FED)]
            levels = prefix[len(root):].split("/")[:-1]
            ancestors = [root + "".join(f"{level}/" for level in levels[:k]) for k in range(len(levels))]
            if any(q + FED not in present for q in ancestors):
                continue
            names = list(dict.fromkeys(rest.split("/", 1)[0] for other in labels if other.startswith(prefix)
                                       and "/" in (rest := other[len(prefix):])))
            names += ["the first model", "the second model"][len(names):]
            stages.append((len(levels), dim, names[0], names[1]))
        return [(dim, a, b) for _, dim, a, b in sorted(stages, reverse=True)]

    def _decode(self, final: torch.Tensor, chunk: list[list], ids: torch.Tensor) -> list[list]:
        rows = self.model.decode(final, [len(x) for x in chunk], ids)
        for row, tokens in zip(rows, chunk):
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
        """The composed model a plain Transformer is: a switch when its labels name selector tokens."""
        selectors = [label.split(":", 1)[1] for label in model.config.residual_labels
                     if label.startswith(SELECTOR + ":")]
        if selectors:
            return cls(model, "switch", selectors)
        names = dict.fromkeys(label.split("/", 1)[0] for label in model.config.residual_labels if "/" in label)
        return cls(model, "pipe", list(names))
