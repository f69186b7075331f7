"""Where a model is undefined though every token is in its vocabulary: the inputs its config says it refuses.

A programmable model (`config.program_ops`) reads positions 1..k as its program; a compiled Transformer Program
(`config.first_token`) reads position 1 as the learned program's BOS; a switch (`config.composed`) reads
a selector at position 1 and answers as that component only on the component's own tokens and length; a pipe is
undefined where a model in it outputs None (its next model has no input), and where the model before a learned
program does not output that program's BOS at position 1. The model still computes *something*
on such inputs - an answer its program does not give - so the one path that decodes, `Transformer.decode_logits`
(under `run_batch`, `decode`, a compiled or composed model's `apply`, the exports' `decode_logits`, `generate`,
the extractor's ground truth), refuses them. It calls `input_errors` on the token ids and the read-out logits, the
only two things an export gives back: the token checks read the ids (and the `outside:` flags in the embeddings),
the pipes' `fed` dims are read out after the output (`ModelConfig.readout_dims`).

`encode` and the forward pass do not check, so `verify` (which compares residuals with the program's values on
every input the program is defined on) still sees every input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from torch import Tensor

from weightsmith.rasp.errors import InputError
from weightsmith.rasp.typed_tokens import token_key

if TYPE_CHECKING:
    from weightsmith.model.config import ComposedConfig, FedCheck
    from weightsmith.model.transformer import Transformer


@dataclass(frozen=True)
class Undefined:
    """Why the model is undefined on one input (`position`: where, when one position says it)."""

    reason: str
    position: Optional[int] = None

    def message(self, index: int) -> str:
        where = f"input {index}" + (f", position {self.position}" if self.position is not None else "")
        return f"{where}: {self.reason}"


def has_checks(model: Transformer) -> bool:
    """Whether the model's config names inputs it refuses (else `input_errors` is all None, for free)."""
    config = model.config
    return config.program_ops is not None or config.first_token is not None or config.composed is not None


def input_errors(model: Transformer, ids: Tensor, logits: Tensor) -> list[Optional[Undefined]]:
    """For each input (token ids [B, T], read-out logits [B, T, n] of `Transformer.readout` or an export), why
    the model is undefined on it, or None. Positions holding PAD are no input's."""
    errors: list[Optional[Undefined]] = [None] * ids.shape[0]
    if not has_checks(model):
        return errors
    config = model.config
    tokens = config.tokens()
    pad = tokens.index(config.pad)
    rows = [[tokens[i] for i in row if i != pad] for row in ids.tolist()]
    if config.program_ops is not None:
        _program_ops(config.program_ops, rows, errors)
    if config.first_token is not None:
        _first_token(config.first_token, rows, errors)
    composed = config.composed
    if composed is not None and composed.kind == "switch":
        _selectors(composed.parts, rows, errors)
        _outside(model, ids, rows, errors)
        _selected_firsts(composed.firsts, rows, errors)
    if composed is not None and composed.fed:
        checks = logits[..., config.n_output_logits() + len(config.type_dims()):]
        _unfed(composed, checks, rows, errors)
    return errors


def refuse(errors: list[Optional[Undefined]], first: int = 0) -> None:
    """InputError for the first of `input_errors`' answers that is not None (inputs numbered from `first`)."""
    for b, error in enumerate(errors):
        if error is not None:
            raise InputError(error.message(first + b))


def _program_ops(program_ops: dict, rows: list[list], errors: list[Optional[Undefined]]) -> None:
    """A programmable model: BOS, `stages` ops, then data, no op among it (its program reads whatever stands at
    positions 1..k as ops, and a saved model run plain answered `BOS sort 2 0` as another program)."""
    ops, k = program_ops["ops"], program_ops["stages"]
    for b, tokens in enumerate(rows):
        for p, token in enumerate(tokens[1:], 1):
            is_op = isinstance(token, str) and token in ops
            if p <= k and not is_op:
                errors[b] = errors[b] or Undefined(f"{token!r} is not an op (one of {ops}): the {k} tokens after BOS "
                                                   "name the program", p)
            elif p > k and is_op:
                errors[b] = errors[b] or Undefined(f"the op {token!r} stands among the data (after the {k} ops)", p)
        if len(tokens) <= 1 + k:
            errors[b] = errors[b] or Undefined(f"no data after the {k} ops (BOS, {k} ops, then at least one token)")


def _first_token(first: object, rows: list[list], errors: list[Optional[Undefined]]) -> None:
    """A compiled Transformer Program: its heads fall back to the learned program's BOS, so whatever stands
    first is read as it (`learn hist`'s model answered [2, 2] on `1 1`, the first 1 taken for BOS)."""
    for b, tokens in enumerate(rows):
        errors[b] = errors[b] or _not_first(first, tokens, 1)


def _selected_firsts(firsts: dict, rows: list[list], errors: list[Optional[Undefined]]) -> None:
    """A switch's learned component reads the token after the selector as its program's BOS."""
    for b, tokens in enumerate(rows):
        first = firsts.get(tokens[1]) if errors[b] is None else None  # no error: tokens[1] is a selector
        if first is not None:
            errors[b] = _not_first(first, tokens, 2, f"after the selector {tokens[1]!r}, the input ")


def _not_first(first: object, tokens: list, at: int, where: str = "") -> Optional[Undefined]:
    """Why `tokens` (BOS first) do not hold `first` at position `at` (matched by type and value), or None."""
    start = tokens[at] if len(tokens) > at else None
    if len(tokens) > at and token_key(start) == token_key(first):
        return None
    shown = repr(start) if len(tokens) > at else "nothing"
    return Undefined(f"{where}starts with {shown}, not the learned program's BOS token {first!r} (the program "
                     "reads whatever stands first as its BOS)")


def _selectors(parts: list[str], rows: list[list], errors: list[Optional[Undefined]]) -> None:
    """A switch reads one selector, right after BOS. Without one every component is gated off and the model
    answered None at each position, as if that were the answer; with another among the data, the broadcast
    read both and answered None everywhere too (`H a T a`)."""
    for b, tokens in enumerate(rows):
        after = tokens[1] if len(tokens) > 1 else None
        if not (isinstance(after, str) and after in parts):
            shown = repr(after) if len(tokens) > 1 else "nothing"
            if len(tokens) > 1 and not isinstance(after, str) and str(after) in parts:
                shown = (f"the {type(after).__name__} {after!r}; the selector {str(after)!r} is text: at the command "
                         f"line, type it quoted, \"{str(after)!r}\"")
            errors[b] = errors[b] or Undefined(f"a switch reads a selector right after BOS, one of {parts}; got {shown}")
            continue
        later = next((p for p, t in enumerate(tokens[2:], 2) if isinstance(t, str) and t in parts), None)
        if later is not None:
            errors[b] = errors[b] or Undefined(f"the selector {tokens[later]!r} at position {later} stands among the "
                                               f"data: a switch reads one selector, right after BOS")


def _outside(model: Transformer, ids: Tensor, rows: list[list], errors: list[Optional[Undefined]]) -> None:
    """The chosen component is undefined on a token only another component knows (its block embeds it as zeros)
    and past its own max length (its block has no position embedding there), yet it answered: hist over a, b gave
    [1, 3, 3] on `a 1 1`, and hist over 2 tokens [2, 2, 2, 1] on `a a a b`. The switch's `outside` flags, 1 in the
    token embedding of each token a component does not know and in the position embedding past its length, find
    them from the ids, before any layer would matter."""
    flagged = model.config.composed.outside
    pad = model.config.tokens().index(model.config.pad)
    for b, tokens in enumerate(rows):
        name = tokens[1] if len(tokens) > 1 else None
        if errors[b] is not None or name not in flagged:
            continue
        dim = flagged[name]
        row = ids[b, 2:]
        real = row != pad
        token_out = (model.token_embed[row, dim] > 0.5) & real
        length_out = (model.pos_embed[2:2 + len(row), dim] > 0.5) & real
        if bool(length_out.any()):
            longest = int((model.pos_embed[2:, dim] > 0.5).nonzero()[0, 0])  # the first position past it, less 2
            errors[b] = Undefined(f"{name!r} takes at most {longest} tokens, got {len(tokens) - 2}: the switch is "
                                  "undefined there")
        elif bool(token_out.any()):
            p = int(token_out.nonzero()[0, 0]) + 2
            flags = model.token_embed[2:, dim].tolist()  # rows: BOS, PAD, then the vocabulary
            parts = model.config.composed.parts
            known = [t for t, flag in zip(model.config.vocab, flags) if flag < 0.5 and t not in parts]
            shown = f"{known}" if len(known) <= 10 else f"{known[:10]} and {len(known) - 10} more"
            errors[b] = Undefined(f"token {tokens[p]!r} at position {p} is not in the vocabulary of {name!r} "
                                  f"({shown}): the switch is undefined there")


def _unfed(composed: ComposedConfig, checks: Tensor, rows: list[list], errors: list[Optional[Undefined]]) -> None:
    """A pipe's second model has no input where the first one outputs None (its `fed` dim is 0 there), and what
    it answers there is not its program's answer (`0 1 1` through None-for-0, hist, inc gave [0, 3, 3]). Every
    pipe on the way is read, earliest first: a chain's inner pipes, and in a switch the chosen component's."""
    start = 2 if composed.kind == "switch" else 1
    values = checks.detach().cpu().tolist()
    for b, tokens in enumerate(rows):
        if errors[b] is not None:
            continue
        chosen = tokens[1] if composed.kind == "switch" and len(tokens) > 1 else None
        for j, check in enumerate(composed.fed):
            if check.selector is not None and check.selector != chosen:
                continue
            if check.first_token is not None:
                fed = values[b][start][j] if len(tokens) > start else None
                errors[b] = _unstarted(check, fed, tokens, start)
            else:
                unfed = [p for p in range(start, len(tokens)) if values[b][p][j] < 0.5]
                if unfed:
                    p = unfed[0]
                    errors[b] = Undefined(f"{check.first!r} outputs None at position {p} (BOS is 0, token "
                                          f"{tokens[p]!r}), so {check.second!r} has no input and the pipe is undefined "
                                          "there")
            if errors[b] is not None:
                break


def _unstarted(check: FedCheck, fed: Optional[float], tokens: list, start: int) -> Optional[Undefined]:
    """A pipe into a compiled Transformer Program: the program reads its first input token as its BOS, so
    where the earlier model outputs another token there (or the input is empty: `fed` None), the later one reads
    a wrong BOS and answers what its program does not (`check.dim`, read as `fed` at the first input position, is
    1 only where the right token was fed)."""
    if fed is None:
        return Undefined(f"the input is empty, so {check.second!r} reads no BOS token {check.first_token!r} (a learned "
                         "program's input starts with its BOS) and the pipe is undefined there")
    if fed >= 0.5:
        return None
    return Undefined(f"{check.first!r} does not output {check.first_token!r} at position {start} (BOS is 0, token "
                     f"{tokens[start]!r}), the BOS token of the learned program {check.second!r}, which reads "
                     "whatever stands first as its BOS: the pipe is undefined there")

