"""Accuracy broken down by input length (or, for causal tasks, by position), on a split or a whole input space.

One overall number hides where a program fails: a reverse program right on 99.97% of test tokens may still
miss short strings, which are rare among distinct strings (5 strings of length 1, 15,625 of length 6).
The breakdown scores the same way as the overall metric (token accuracy over the labelled positions)
within each group, so the groups weighted by their token counts give the overall number back.

Grouping: by the number of content tokens (BOS and EOS not counted) for tasks that read the whole
input; by position for causal tasks, where the output at position k depends on the first k tokens only,
so the group at k scores every prefix of length k.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from weightsmith.learn.program import DiscreteProgram, encode_inputs, encode_targets

CHUNK = 20_000  # inputs evaluated at once: bounds the memory of large input spaces


@dataclass(frozen=True)
class GroupScore:
    accuracy: float  # token accuracy in the group (percent)
    tokens: int  # labelled positions in the group
    inputs: int  # inputs contributing a labelled position to the group


@dataclass(frozen=True)
class Breakdown:
    accuracy: float  # token accuracy over all labelled positions (percent)
    tokens: int
    inputs: int
    by: str  # "length" (content tokens of the input) or "position" (causal: the prefix length)
    groups: dict[int, GroupScore]

    def to_json(self) -> dict:
        return {"accuracy": self.accuracy, "tokens": self.tokens, "inputs": self.inputs, "by": self.by,
                "groups": {str(k): g.__dict__ for k, g in sorted(self.groups.items())}}


def breakdown(program: DiscreteProgram, inputs: Sequence[Sequence], targets: Sequence[Sequence], *, causal: bool,
              content_length: Callable[[Sequence], int]) -> Breakdown:
    """Token accuracy of `program` on `inputs` (labels `targets`, None: unscored), overall and per group.

    Positions are grouped by `content_length(input)` or, if `causal`, by their index (BOS at index 0)."""
    right = np.zeros(program.config.max_len + 1, dtype=np.int64)
    total = np.zeros_like(right)
    seen = np.zeros_like(right)
    for start in range(0, len(inputs), CHUNK):
        chunk, labels = inputs[start : start + CHUNK], targets[start : start + CHUNK]
        ids, lengths = encode_inputs(program.config, chunk)
        wanted = encode_targets(program.config, labels)
        labelled = wanted >= 0
        correct = (program.predict_ids(ids, lengths) == wanted) & labelled
        if causal:
            group = np.broadcast_to(np.arange(ids.shape[1]), ids.shape)
        else:
            group = np.broadcast_to(np.array([content_length(x) for x in chunk])[:, None], ids.shape)
        np.add.at(right, group[labelled], correct[labelled])
        np.add.at(total, group[labelled], 1)
        for g in range(len(seen)):  # inputs with a labelled position in group g
            seen[g] += int(((group == g) & labelled).any(axis=1).sum())
    groups = {g: GroupScore(_percent(right[g], total[g]), int(total[g]), int(seen[g]))
              for g in np.flatnonzero(total).tolist()}
    return Breakdown(_percent(right.sum(), total.sum()), int(total.sum()), len(inputs),
                     "position" if causal else "length", groups)


def _percent(right: int, total: int) -> float:
    return round(100 * float(right) / float(total), 2) if total else float("nan")
