"""Mostly-zero weight matrices stored as their non-zero entries, inside the ordinary safetensors file.

A compiled model's matrices are almost all zeros (the NLP translator: 20M parameters, 0.2M non-zero),
and safetensors has no sparse type. So `save` stores a large matrix whose non-zero entries are few as
two 1-D tensors in the same file: `NAME.nonzero_at` (I32, the flat row-major positions, strictly
increasing) and `NAME.nonzero` (the values, the model's float dtype), and names it in the file's
metadata: `"sparse": {"NAME": [rows, cols], ...}` (JSON). Loading rebuilds the dense matrix with
plain indexing - no code is executed, no pickle - after checking that the shape is the one the config
implies, that the positions are in range and increasing, and that both parts have one length.
Folders saved before (every tensor dense) load as they did.
"""

from __future__ import annotations

import json
import math

import torch

SPARSE_KEY = "sparse"  # safetensors metadata key: JSON object NAME -> shape
POSITIONS, VALUES = ".nonzero_at", ".nonzero"
MIN_ELEMENTS = 4096  # smaller tensors stay dense: the saving would be bytes
MAX_DENSITY = 0.25  # stored sparse when at most this share is non-zero (8 bytes an entry against 4 a cell)


def pack(weights: dict[str, torch.Tensor]) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """The tensors to write (mostly-zero matrices split in two) and the metadata naming the split ones."""
    out: dict[str, torch.Tensor] = {}
    shapes: dict[str, list[int]] = {}
    for name, tensor in weights.items():
        flat = tensor.reshape(-1)
        if tensor.numel() >= MIN_ELEMENTS and tensor.numel() < 2 ** 31:
            at = torch.nonzero(flat).reshape(-1)
            if at.numel() <= MAX_DENSITY * tensor.numel():
                out[name + POSITIONS] = at.to(torch.int32).contiguous()
                out[name + VALUES] = flat[at].contiguous()
                shapes[name] = list(tensor.shape)
                continue
        out[name] = tensor
    return out, ({SPARSE_KEY: json.dumps(shapes, sort_keys=True)} if shapes else {})


def stored_shapes(metadata: dict[str, str]) -> dict[str, tuple[int, ...]]:
    """NAME -> dense shape of the tensors the file stores sparse; ValueError if the note is malformed."""
    if SPARSE_KEY not in metadata:
        return {}
    try:
        shapes = json.loads(metadata[SPARSE_KEY])
    except ValueError:
        raise ValueError(f"metadata {SPARSE_KEY!r} is not JSON") from None
    if not isinstance(shapes, dict) or not all(
            isinstance(s, list) and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in s)
            for s in shapes.values()):
        raise ValueError(f"metadata {SPARSE_KEY!r} is not an object of tensor shapes")
    return {name: tuple(shape) for name, shape in shapes.items()}


def unpack(tensors: dict[str, torch.Tensor], shapes: dict[str, tuple[int, ...]]) -> dict[str, torch.Tensor]:
    """The dense tensors; ValueError naming the tensor whose sparse parts are inconsistent."""
    out = {name: t for name, t in tensors.items() if not name.endswith((POSITIONS, VALUES))}
    for name, shape in shapes.items():
        at, values = tensors[name + POSITIONS].to(torch.int64), tensors[name + VALUES]
        size = math.prod(shape)
        if at.dim() != 1 or values.dim() != 1 or at.numel() != values.numel():
            raise ValueError(f"sparse tensor {name!r}: positions and values are not two lists of one length")
        if at.numel() and (int(at[0]) < 0 or int(at[-1]) >= size or not bool((at[1:] > at[:-1]).all())):
            raise ValueError(f"sparse tensor {name!r}: positions out of range [0, {size}) or not increasing")
        dense = torch.zeros(size, dtype=values.dtype)
        dense[at] = values
        out[name] = dense.reshape(shape)
    return out
