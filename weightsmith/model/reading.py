"""Reading s-ops out of a saved model's residual stream by its labels alone (no program needed).

A model folder keeps a label per residual dimension ("sort_keys:3", "frac:num"), per sublayer when the
compiler reused dimensions (`layer_labels`). That is a reading guide: the dimensions labelled
"name:value" hold s-op `name` one-hot, a single "name:num" dimension holds a number. An s-op is
*written* by the first sublayer, in a run of snapshots whose labels give its dimensions to it, whose
weights write to those dimensions (before that they are legitimately empty); its value is read from the
residual right after that sublayer. `weightsmith run MODEL --trace` shows those read-outs, and `verify`
uses the same snapshots to find where a model departs from its program.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import torch

from weightsmith.model.config import ModelConfig
from weightsmith.model.transformer import Transformer

NUMERICAL_SLOT = "num"  # the value slot of a numerical s-op's one dimension


def snapshot_labels(config: ModelConfig) -> list[list[str]]:
    """Each dimension's label in each snapshot (embedding, then after every sublayer).

    Without `layer_labels` a dimension has one label throughout. With them (dimensions reused), the
    embedding snapshot names each dimension's first tenant: `residual_labels` lists a dimension's tenants
    in order, joined by "|".
    """
    n = 1 + 2 * len(config.layers)
    if config.layer_labels is None:
        return [list(config.residual_labels)] * n
    return [[label.split("|")[0] for label in config.residual_labels]] + [list(ls) for ls in config.layer_labels]


def written_dims(model: Transformer) -> list[np.ndarray]:
    """For each residual snapshot, the dimensions its sublayer writes (nonzero outgoing weights)."""
    d = model.config.d_model
    written = [nonzero_columns(d, model.token_embed, model.pos_embed)]
    for layer in model.layers:
        written.append(nonzero_columns(d, *[head.W_O for head in layer.heads]))
        written.append(nonzero_columns(d, layer.mlp.W_out, layer.mlp.b_out) if layer.mlp is not None
                       else np.zeros(d, bool))
    return written


def nonzero_columns(d: int, *matrices: torch.Tensor) -> np.ndarray:
    """Which of the `d` columns (residual dimensions) any of `matrices` (each [..., d]) is non-zero in."""
    mask = np.zeros(d, dtype=bool)
    for m in matrices:
        mask |= (m.detach() != 0).reshape(-1, d).any(0).cpu().numpy()
    return mask


def parse_slot(text: str) -> Any:
    """A label's value slot back to a value: numbers and booleans as such, anything else as the string."""
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"True": True, "False": False}.get(text, text)


def label_value(text: str) -> Any:
    """A residual label's value slot back to the value the compiler wrote as text (`f"{owner}:{value}"`):
    as `parse_slot`, and a tuple's text (a key such as most_freq's `(False, 1)`) as the tuple, so a trace
    read from a saved model holds what the interpreter's does. `ast.literal_eval` reads literals only:
    nothing in a label is ever run."""
    if text.startswith("(") and text.endswith(")"):
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            value = None
        if isinstance(value, tuple):
            return value
    return parse_slot(text)


def sublayer_name(k: int) -> str:
    """Snapshot k's name: 0 is the embedding, 2i+1 after layer i's attention, 2i+2 after its MLP."""
    return "embedding" if k == 0 else f"layer {(k - 1) // 2} {'attn' if k % 2 else 'mlp'}"


def loop_block(config: ModelConfig) -> range:
    """The snapshots after the loop block's sublayers (empty without a loop). A looped model's residuals hold
    the block's last run, which evaluates halt on the final state and commits nothing: a state s-op after
    the block holds the state the loop stopped with, the block's other s-ops what that last run computed."""
    loop = config.loop
    return range(0) if loop is None else range(2 * loop.first_layer + 1, 2 * (loop.first_layer + loop.n_layers) + 1)


def live_snapshots(labels: list[list[str]], written: list[np.ndarray], name: str) -> tuple[dict[int, str], set[int]]:
    """({dimension: value slot} of s-op `name`, the snapshots in which those dimensions hold it: from the
    sublayer that writes them until they are given to another s-op)."""
    prefix = name + ":"
    slots = {d: label[len(prefix):] for snapshot in labels for d, label in enumerate(snapshot) if label.startswith(prefix)}
    dims = sorted(slots)
    valid, live = set(), False
    for k, snapshot in enumerate(labels):
        live = bool(dims) and all(snapshot[d].startswith(prefix) for d in dims) and (live or bool(written[k][dims].any()))
        if live:
            valid.add(k)
    return slots, valid


@dataclass(frozen=True)
class SOpReading:
    """One s-op as the model holds it: written by `sublayer` (a snapshot index), read right after it."""

    label: str
    sublayer: int
    numerical: bool
    values: list  # one per position, BOS's slot first: the value (None: no value dim reaches 0.5) or a float


def sop_names(config: ModelConfig) -> list[str]:
    """The s-ops the labels name, in order of first dimension; compiler helpers ("w[1/(w+1)]"), the
    constant dims ("one", "bos") and compact s-ops (slots "bit0", "bit1", ...: ±1 codes whose table is
    the compiler's, not in the config; `weightsmith.compiler.compact`) are left out, but for a compact
    output, whose codes the config holds (`output_codes`)."""
    return [name for name, slots in _slots(config).items() if not code_slots(slots) or _coded_output(config, name)]


def compact_sops(config: ModelConfig) -> list[str]:
    """The compact s-ops `sop_names` leaves out (not the tokens, which a trace shows as its header): a trace
    names them, as it cannot read them (it left them out without a word)."""
    return [name for name, slots in _slots(config).items()
            if code_slots(slots) and not _coded_output(config, name) and name != "tokens"]


def _slots(config: ModelConfig) -> dict[str, set[str]]:
    """Each s-op the labels name (compiler helpers "w[1/(w+1)]" and the constant dims left out): its slots."""
    names: dict[str, set[str]] = {}
    for label in config.residual_labels:
        for tenant in label.split("|"):
            name, sep, slot = tenant.rpartition(":")
            if sep and not name.endswith("]"):
                names.setdefault(name, set()).add(slot)
    return names


def _coded_output(config: ModelConfig, name: str) -> bool:
    return config.output_codes is not None and name == config.output_label


def code_slots(slots: set[str] | list[str]) -> bool:
    """Whether an s-op's slots are a compact s-op's code dimensions ("bit0", "bit1", ...): its values
    cannot be read from labels alone (the code table is the compiler's)."""
    slots = set(slots)
    return len(slots) >= 2 and slots == {f"bit{j}" for j in range(len(slots))}


def read_sops(model: Transformer, tokens: Sequence) -> list[SOpReading]:
    """Every labelled s-op's value on one input (`tokens` starts with BOS), in the order they are written."""
    labels = snapshot_labels(model.config)
    written = written_dims(model)
    with torch.inference_mode():
        _, residuals = model(model.encode([list(tokens)]), return_residuals=True)
    block = loop_block(model.config)
    readings = []
    for name in sop_names(model.config):
        slot_of, valid = live_snapshots(labels, written, name)
        if not valid:
            continue  # its dimensions are never written: nothing to read
        k, dims = min(valid), sorted(slot_of)
        if block and k < block.start and block[-1] in valid and any(written[j][dims].any() for j in block):
            k = block[-1]  # a loop's state, loaded before the block and committed in it: read where the loop stopped
        x = residuals[k][0][:, dims].double().cpu().numpy()  # [positions, dims]
        slots = [slot_of[d] for d in dims]
        if slots == [NUMERICAL_SLOT]:
            readings.append(SOpReading(name, k, True, x[:, 0].tolist()))
            continue
        names = [label_value(slot) for slot in slots]
        if _coded_output(model.config, name):  # detectors: x · c_v - (k - 1), 1 for the value held
            codes = np.array(model.config.output_codes, dtype=np.float64)[:, [int(slot[3:]) for slot in slots]]
            x, names = x @ codes.T - (len(slots) - 1.0), model.config.output_values
        best = x.argmax(-1)
        values = [names[j] if row[j] >= 0.5 else None for row, j in zip(x, best)]
        readings.append(SOpReading(name, k, False, values))
    return sorted(readings, key=lambda r: r.sublayer)

