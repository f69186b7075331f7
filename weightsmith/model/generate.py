"""Greedy generation: the model's output at the last position becomes the next input token.

A causal model's residual at a position depends on that position and the ones before it only, so
when a token is appended nothing computed for the earlier positions changes. `generate` therefore
keeps each head's keys and values of the positions seen so far (a key/value cache) and runs each new
token through the layers as a single position: one step costs one position's work, not the whole
prefix's again. The products are the ones a full forward pass computes, row by row (equal up to float
summation order, which the compiler's margins absorb), so the decoded tokens are those of running the
whole sequence each time. A bidirectional or looped model has no such cache (an appended token
changes the earlier positions, or the loop runs to a stop flag over the whole input): it is run in full
at each step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Container, Sequence

import torch
from torch import Tensor

from weightsmith.model.threads import forward_work, torch_threads
from weightsmith.model.transformer import Transformer

STOP, UNDEFINED, FULL = "stop", "undefined", "full"


@dataclass
class Generated:
    """The tokens generated after the prompt (without the stop token), and why generation ended:
    "stop" (the model gave a stop token), "undefined" (it gave None: no next token), "full" (the input
    reached max_seq_len, or max_new tokens were generated)."""

    tokens: list
    end: str


def generate(model: Transformer, prompt: Sequence, stop: Container = (), max_new: int | None = None,
             cache: bool = True) -> Generated:
    """Greedy decoding from `prompt` (tokens after BOS): append the output at the last position until
    it is in `stop`, is None, or the input is max_seq_len long (or `max_new` tokens were made).

    `cache=False` runs the whole sequence at every step (what a causal model's cache makes cheaper;
    kept to compare against)."""
    config = model.config
    if max_new is not None and (isinstance(max_new, bool) or not isinstance(max_new, int) or max_new < 0):
        raise ValueError(f"max_new must be an int >= 0 (None: until max_seq_len), got {max_new!r}")
    if not prompt:  # the model would be asked for a token after BOS alone, and answer None ("undefined")
        raise ValueError("the prompt is empty: generation continues at least one token")
    tokens = [config.bos, *prompt]
    limit = config.max_seq_len + 1 if max_new is None else min(config.max_seq_len + 1, len(tokens) + max_new)
    incremental = cache and config.causal and config.loop is None
    made: list = []
    with torch.inference_mode(), torch_threads(forward_work(model, 1 if incremental else limit)):
        ids = model.encode([tokens])
        state = _Cache(model) if incremental else None
        logits = model.readout(state.extend(ids) if state is not None else model(ids))
        while True:
            # the input is checked as a whole (a switch's selector, a pipe's fed dims at every position; nothing
            # to check for a plain model), but only its last position is decoded: the output there is the next token
            word = model.decode_logits(logits, [len(tokens)], ids, from_position=len(tokens) - 1)[0][0]
            if word is None:
                return Generated(made, UNDEFINED)
            if word in stop:
                return Generated(made, STOP)
            if len(tokens) >= limit:
                return Generated(made, FULL)
            made.append(word)
            tokens.append(word)
            new = model.encode([[config.bos, word]])[:, 1:]  # the new token's id alone (BOS is not one)
            ids = torch.cat([ids, new], dim=1)
            if state is not None:
                logits = torch.cat([logits, model.readout(state.extend(new))], dim=1)
            else:
                logits = model.readout(model(ids))


class _Cache:
    """Each head's keys and values of the positions run so far; `extend` runs new positions."""

    def __init__(self, model: Transformer) -> None:
        self.model = model
        self.keys: list[list[Tensor]] = [[] for _ in model.layers]
        self.values: list[list[Tensor]] = [[] for _ in model.layers]
        self.length = 0

    def extend(self, ids: Tensor) -> Tensor:
        """The final residual [1, new, d_model] of the positions `ids` [1, new] appended to those seen."""
        model, start, new = self.model, self.length, ids.shape[1]
        if start + new > model.config.max_seq_len + 1:
            raise ValueError(f"the input would be {start + new - 1} tokens, max_seq_len is {model.config.max_seq_len}")
        x = model.token_embed[ids] + model.pos_embed[start:start + new]
        after_query = torch.ones(new, start + new, dtype=torch.bool).triu(diagonal=start + 1)  # [new, all]
        for i, layer in enumerate(model.layers):
            out = x
            for h, head in enumerate(layer.heads):
                keys, values = x @ head.W_K, x @ head.W_V
                if start:
                    keys = torch.cat([self.keys[i][h], keys], dim=1)
                    values = torch.cat([self.values[i][h], values], dim=1)
                if h < len(self.keys[i]):
                    self.keys[i][h], self.values[i][h] = keys, values
                else:
                    self.keys[i].append(keys)
                    self.values[i].append(values)
                scores = (x @ head.W_Q) @ keys.transpose(-1, -2)
                pattern = torch.softmax(scores.masked_fill(after_query, float("-inf")), dim=-1)
                out = out + (pattern @ values) @ head.W_O
            x = layer.mlp_sublayer(out)
        self.length = start + new
        return x
