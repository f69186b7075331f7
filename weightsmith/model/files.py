"""A saved model is a folder: `model.safetensors` (weights), `config.json`, and optionally `program.py`.

Loading is where damaged or foreign files arrive, so it trusts nothing, and checks before it allocates:

1. `config.json`: a regular file (symlinks are followed, FIFOs and devices refused) of at most
   MAX_CONFIG_BYTES, UTF-8, JSON nested at most MAX_CONFIG_DEPTH deep with no repeated keys and only
   finite numbers, carrying our format marker; every field validated (types, ranges, consistency).
2. `model.safetensors`: only its header is read first; it must tile the file exactly and name exactly
   the tensors, shapes and one float dtype the config implies (`parameter_shapes`), so a config claiming
   a 10^9-wide model next to a 20 KB file is refused before anything that size is allocated.
3. Checksums: `save` stores the SHA-256 of the weights file and of the config's content (canonical JSON,
   so whitespace does not count) in config.json; `load` recomputes both, and any bit flipped after saving
   is an error. Folders saved before checksums existed load after steps 1-2 with an
   `UncheckedModelWarning` (re-save to add them); non-finite weights are refused either way.

Every failure is a ModelFolderError naming the file and what is wrong. `program.py` is the source the model
was compiled from, kept for people to read; loading never imports or executes it. No pickle anywhere.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import torch
from safetensors.torch import load as tensors_from_bytes
from safetensors.torch import save as tensors_to_bytes

from weightsmith.model import sparse, strict_json
from weightsmith.model.config import FORMAT, ModelConfig
from weightsmith.model.safetensors_header import FLOAT_DTYPES, INDEX_DTYPES, WeightsHeader, read_header
from weightsmith.model.transformer import Transformer, parameter_shapes

WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.json"
PROGRAM_FILE = "program.py"
CHECKSUMS = "checksums"  # config.json key: {"config_sha256": ..., "weights_sha256": ...}

# Bounds on what a folder may make `load` read. The largest model in the project (the NLP translation
# model) has a 1.2 MB config.json, a 15 KB header and 156 MB of weights.
MAX_CONFIG_BYTES = 16 << 20
MAX_CONFIG_DEPTH = 8  # config.json nests 5 deep (document, layers, layer, heads, head)
MAX_HEADER_BYTES = 16 << 20
MAX_WEIGHTS_BYTES = 8 << 30
MAX_PROGRAM_BYTES = 16 << 20
_MESSAGE_CHARS = 500
_ABSENT = object()  # an error is one line: foreign text quoted in it is cut


class ModelFolderError(ValueError):
    """A model folder is missing, incomplete, corrupt, or was not written by weightsmith."""

    def __init__(self, path: Path, problem: str) -> None:
        line = " ".join(f"{path}: {problem}".split())
        super().__init__(line if len(line) <= _MESSAGE_CHARS else line[:_MESSAGE_CHARS] + " …")


class UncheckedModelWarning(UserWarning):
    """A model folder without checksums (saved by an older weightsmith) was loaded after structural checks."""


def save(model: Transformer, folder: str | Path, program_source: str | None = None) -> Path:
    """Write the model folder (created if needed) and return its path.

    Each file is written under a temporary name and renamed into place, so an interrupted save leaves the
    old file or the new one, never half of one. Without `program_source`, a `program.py` left by an earlier
    save is removed, so the folder never shows a source that does not match its weights.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    weights = {name: tensor.detach().cpu().contiguous() for name, tensor in model.state_dict().items()}
    packed, note = sparse.pack(weights)  # mostly-zero matrices as their non-zero entries
    data = tensors_to_bytes(packed, metadata={"format": FORMAT, **note})
    document = model.config.to_document()
    document[CHECKSUMS] = {"config_sha256": _config_digest(document), "weights_sha256": _sha256(data)}
    _write_atomically(folder / WEIGHTS_FILE, data)
    _write_atomically(folder / CONFIG_FILE, (json.dumps(document, indent=1, allow_nan=False) + "\n").encode())
    program = folder / PROGRAM_FILE
    if program_source is not None:
        _write_atomically(program, program_source.encode("utf-8"))
    elif program.exists():
        program.unlink()
    return folder


def load(folder: str | Path) -> Transformer:
    """The model saved in `folder`, in the dtype it was saved in; ModelFolderError on any problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ModelFolderError(folder, "no such model folder")
    config, checksums = _read_config(folder)
    path = folder / WEIGHTS_FILE
    data, shapes = _read_weights(path, config)
    if checksums is None:
        warnings.warn(UncheckedModelWarning(
            f"{folder / CONFIG_FILE}: no checksums (saved by an older weightsmith), so bit-level corruption of "
            "the weights cannot be detected; re-save the model to add them"), stacklevel=2)
    elif _sha256(data) != checksums["weights_sha256"]:
        raise ModelFolderError(path, f"corrupt: its SHA-256 differs from the weights_sha256 in {CONFIG_FILE} "
                                     "(the file changed after it was saved)")
    try:
        weights = tensors_from_bytes(data)
    except Exception as error:  # noqa: BLE001 — the header passed our checks; anything left is corruption
        raise ModelFolderError(path, f"corrupt safetensors file ({error})") from None
    try:
        weights = sparse.unpack(weights, shapes)
    except ValueError as error:
        raise ModelFolderError(path, f"corrupt: {error}") from None
    dtype = next(iter(weights.values())).dtype if weights else torch.float32
    try:
        return Transformer.from_weights(config, weights, dtype=dtype)
    except ValueError as error:
        raise ModelFolderError(path, str(error)) from None


def read_program_source(folder: str | Path) -> str | None:
    """The text of the folder's `program.py` (never executed), or None when the model was saved without one."""
    program = Path(folder) / PROGRAM_FILE
    if not program.exists():
        return None
    with _open_regular(program, MAX_PROGRAM_BYTES, f"{PROGRAM_FILE} is missing") as (file, _):
        try:
            return file.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise ModelFolderError(program, f"not UTF-8 text ({error})") from None


def _read_config(folder: Path) -> tuple[ModelConfig, dict[str, str] | None]:
    path = folder / CONFIG_FILE
    missing = f"not a weightsmith model folder ({CONFIG_FILE} is missing)"
    with _open_regular(path, MAX_CONFIG_BYTES, missing) as (file, _):
        raw = file.read(MAX_CONFIG_BYTES + 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ModelFolderError(path, f"corrupt, not UTF-8 text ({error})") from None
    try:
        document = strict_json.parse(text, MAX_CONFIG_DEPTH)
        checksums = _checksums(document.pop(CHECKSUMS, _ABSENT) if isinstance(document, dict) else _ABSENT)
        config = ModelConfig.from_document(document)
    except ValueError as error:
        raise ModelFolderError(path, str(error)) from None
    if checksums is not None and _config_digest(document) != checksums["config_sha256"]:
        raise ModelFolderError(path, "corrupt or edited: its content differs from its config_sha256 (to load a "
                                     f"deliberately edited config, delete its {CHECKSUMS!r} entry)")
    return config, checksums


def _checksums(entry: Any) -> dict[str, str] | None:
    if entry is _ABSENT:
        return None
    keys = {"config_sha256", "weights_sha256"}
    if (not isinstance(entry, dict) or set(entry) != keys
            or not all(isinstance(v, str) and len(v) == 64 and set(v) <= set("0123456789abcdef")
                       for v in entry.values())):
        raise ValueError(f"{CHECKSUMS}: expected an object with the hex SHA-256 digests {sorted(keys)}")
    return entry


def _read_weights(path: Path, config: ModelConfig) -> tuple[bytes, dict[str, tuple[int, ...]]]:
    """The file's bytes, read only after its header checked out against the config, and the shapes of
    the matrices it stores sparse."""
    with _open_regular(path, MAX_WEIGHTS_BYTES, f"{WEIGHTS_FILE} is missing") as (file, size):
        try:
            header = read_header(file, size, MAX_HEADER_BYTES)
        except ValueError as error:
            raise ModelFolderError(path, f"corrupt or truncated safetensors file: {error}") from None
        shapes = _check_against_config(path, header, config)
        file.seek(0)
        data = file.read(size + 1)
    if len(data) != size:
        raise ModelFolderError(path, f"changed while it was being read ({size:,} bytes, then {len(data):,})")
    return data, shapes


def _check_against_config(path: Path, header: WeightsHeader, config: ModelConfig) -> dict[str, tuple[int, ...]]:
    """Checks the header's tensors against the config; returns the shapes of those stored sparse."""
    expected = parameter_shapes(config)
    mismatch = f"does not match {CONFIG_FILE}:"
    try:
        shapes = sparse.stored_shapes(header.metadata)
    except ValueError as error:
        raise ModelFolderError(path, f"corrupt safetensors file: {error}") from None
    parts = _check_sparse(path, header, shapes, expected)
    dense = {name: entry for name, entry in header.tensors.items() if name not in parts}
    unknown = sorted(set(dense) - set(expected))
    missing = sorted(set(expected) - set(dense) - set(shapes))
    if unknown:
        raise ModelFolderError(path, f"{mismatch} unexpected tensor(s) {unknown[:10]} for this config")
    if missing:
        raise ModelFolderError(path, f"{mismatch} missing tensor(s) {missing[:10]} for this config")
    for name, shape in expected.items():
        if name not in shapes and header.tensors[name].shape != shape:
            raise ModelFolderError(path, f"{mismatch} tensor {name!r} has shape {header.tensors[name].shape}, "
                                         f"the config needs {shape}")
    dtypes = sorted({entry.dtype for name, entry in header.tensors.items() if not name.endswith(sparse.POSITIONS)})
    if len(dtypes) > 1 or any(d not in FLOAT_DTYPES for d in dtypes):
        raise ModelFolderError(path, f"expected float tensors of one dtype, found {dtypes}")
    return shapes


def _check_sparse(path: Path, header: WeightsHeader, shapes: dict[str, tuple[int, ...]],
                  expected: dict[str, tuple[int, ...]]) -> set[str]:
    """The names of the sparse parts, after checking each sparse matrix is one the config implies, at its
    shape, held in two 1-D parts of one length (I32 positions), none dense besides, and that the dense
    matrices they make fit the weights bound (the file's size no longer bounds what loading allocates)."""
    parts: set[str] = set()
    dense_bytes = 0
    for name, shape in shapes.items():
        if expected.get(name) != shape:
            raise ModelFolderError(path, f"does not match {CONFIG_FILE}: sparse tensor {name[:80]!r} of shape {shape} "
                                         f"is not a tensor of this config")
        at, values = header.tensors.get(name + sparse.POSITIONS), header.tensors.get(name + sparse.VALUES)
        if (at is None or values is None or name in header.tensors or at.dtype not in INDEX_DTYPES
                or len(at.shape) != 1 or at.shape != values.shape):
            raise ModelFolderError(path, f"corrupt: sparse tensor {name[:80]!r} needs I32 positions and values of "
                                         "one length, and no dense copy")
        parts |= {name + sparse.POSITIONS, name + sparse.VALUES}
        dense_bytes += math.prod(shape) * FLOAT_DTYPES.get(values.dtype, 8)
    if dense_bytes > MAX_WEIGHTS_BYTES:
        raise ModelFolderError(path, f"its sparse matrices would take {dense_bytes:,} bytes, more than the "
                                     f"{MAX_WEIGHTS_BYTES:,} allowed")
    stray = [n for n, e in header.tensors.items() if n not in parts and e.dtype in INDEX_DTYPES]
    if stray:
        raise ModelFolderError(path, f"expected float tensors of one dtype, found integer tensor(s) {stray[:5]}")
    return parts


@contextmanager
def _open_regular(path: Path, limit: int, missing: str) -> Iterator[tuple[BinaryIO, int]]:
    """`path` opened for reading if it is a regular file (after symlinks) of at most `limit` bytes.

    O_NONBLOCK so that a FIFO put in a file's place is refused instead of blocking forever; the checks
    use fstat on the opened descriptor, so the file cannot be swapped between check and read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        dangling = " (a symlink to a missing file)" if path.is_symlink() else ""
        raise ModelFolderError(path.parent, missing + dangling) from None
    except OSError as error:
        raise ModelFolderError(path, f"cannot be opened: {error.strerror or error}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(fd)
        if stat.S_ISREG(info.st_mode):
            raise ModelFolderError(path, f"{info.st_size:,} bytes, more than the {limit:,} loading accepts")
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise ModelFolderError(path, f"is {kind}, expected a file")
    with os.fdopen(fd, "rb") as file:
        yield file, info.st_size


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _config_digest(document: dict[str, Any]) -> str:
    """SHA-256 of the config's content: canonical JSON (sorted keys, no spaces) without the checksums."""
    content = {key: value for key, value in document.items() if key != CHECKSUMS}
    return _sha256(json.dumps(content, sort_keys=True, separators=(",", ":"), allow_nan=False).encode())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
