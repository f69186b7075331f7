"""A corruption campaign against saved model folders, shared by the test and `benchmarks/corrupt_folders.py`.

Each kind damages a copy of a saved folder the way disks, truncated downloads, careless edits and hostile
files do: truncation, bit flips and byte changes in either file, deleted/duplicated/retyped keys, huge
sizes in config.json or in the safetensors header, deep JSON nesting, 1e38 and NaN values, empty files,
directories, FIFOs and symlinks in a file's place, swapped files. The contract checked by `outcome`:
every case is a ModelFolderError within `TIME_LIMIT` seconds, or a model bit-identical to the saved one.
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import struct
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from weightsmith.model import ModelFolderError, Transformer, load
from weightsmith.model.files import CONFIG_FILE, WEIGHTS_FILE

TIME_LIMIT = 1.0
FILES = (CONFIG_FILE, WEIGHTS_FILE)
_INT_VIEWS = {2: torch.int16, 4: torch.int32, 8: torch.int64}


# --- byte-level damage, either file ---------------------------------------------------------------

def truncate(folder: Path, rng: random.Random, other: Path) -> str:
    path = folder / rng.choice(FILES)
    data = path.read_bytes()
    keep = rng.randrange(len(data))
    path.write_bytes(data[:keep])
    return f"{path.name} cut to {keep} of {len(data)} bytes"


def flip_bit(folder: Path, rng: random.Random, other: Path) -> str:
    path = folder / rng.choice(FILES)
    data = bytearray(path.read_bytes())
    if path.name == WEIGHTS_FILE and rng.random() < 0.5:  # half the flips in the header, where structure is
        start = 0
        end = 8 + struct.unpack("<Q", data[:8])[0]
    else:
        start, end = 0, len(data)
    at = rng.randrange(start, end)
    bit = rng.randrange(8)
    data[at] ^= 1 << bit
    path.write_bytes(bytes(data))
    return f"{path.name} bit {bit} of byte {at} flipped"


def set_byte(folder: Path, rng: random.Random, other: Path) -> str:
    path = folder / rng.choice(FILES)
    data = bytearray(path.read_bytes())
    at, value = rng.randrange(len(data)), rng.randrange(256)
    data[at] = value
    path.write_bytes(bytes(data))
    return f"{path.name} byte {at} set to {value}"


def append_bytes(folder: Path, rng: random.Random, other: Path) -> str:
    path = folder / rng.choice(FILES)
    extra = rng.choice([b"\n", b" ", b"\x00", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))])
    path.write_bytes(path.read_bytes() + extra)
    return f"{len(extra)} bytes appended to {path.name}"


def empty_file(folder: Path, rng: random.Random, other: Path) -> str:
    path = folder / rng.choice(FILES)
    path.write_bytes(b"")
    return f"{path.name} emptied"


# --- the file system: files replaced by other things -------------------------------------------------

def replace_with_other(folder: Path, rng: random.Random, other: Path) -> str:
    path = folder / rng.choice(FILES)
    path.unlink()
    choice = rng.choice(["directory", "fifo", "symlink to /dev/zero", "symlink to /dev/urandom", "dangling symlink",
                         "symlink loop", "symlink to the folder", "missing"])
    if choice == "directory":
        path.mkdir()
        (path / "inner").write_text("x")
    elif choice == "fifo":
        os.mkfifo(path)
    elif choice.startswith("symlink to /dev"):
        path.symlink_to(choice.split()[-1])
    elif choice == "dangling symlink":
        path.symlink_to(folder / "nowhere")
    elif choice == "symlink loop":
        path.symlink_to(path)
    elif choice == "symlink to the folder":
        path.symlink_to(folder)
    return f"{path.name} replaced by a {choice}"


def swap_files(folder: Path, rng: random.Random, other: Path) -> str:
    choice = rng.choice(["config <-> weights", "other model's weights", "other model's config",
                         "symlink to other model's weights"])
    config, weights = folder / CONFIG_FILE, folder / WEIGHTS_FILE
    if choice == "config <-> weights":
        temporary = folder / "swap"
        config.rename(temporary)
        weights.rename(config)
        temporary.rename(weights)
    elif choice == "symlink to other model's weights":
        weights.unlink()
        weights.symlink_to(other / WEIGHTS_FILE)
    else:
        name = WEIGHTS_FILE if "weights" in choice else CONFIG_FILE
        shutil.copyfile(other / name, folder / name)
    return choice


# --- config.json: semantic damage -----------------------------------------------------------------

def _edit_config(folder: Path, edit: Callable[[dict], str]) -> str:
    path = folder / CONFIG_FILE
    document = json.loads(path.read_text())
    what = edit(document)
    path.write_text(json.dumps(document, indent=1))
    return f"config: {what}"


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every (key/index path) to a leaf or container inside a JSON value."""
    found = [prefix] if prefix else []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, inner in items:
        found += _paths(inner, prefix + (key,))
    return found


def _set(document: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        document = document[key]
    document[path[-1]] = value


def _get(document: Any, path: tuple) -> Any:
    for key in path:
        document = document[key]
    return document


def _delete(document: Any, path: tuple) -> None:
    del _get(document, path[:-1])[path[-1]]


HUGE = [10**9, 2**31, 2**40, 2**62, 2**64 + 1, 10**100, -1, -(2**63)]
STRANGE = [None, True, False, "", "x", [], {}, [1, 2], {"a": 1}, 1.5, 1e38, -1e38, 1e-320, 0, 3, "BOS", [[[]]]]


def huge_size(folder: Path, rng: random.Random, other: Path) -> str:
    def edit(document: dict) -> str:
        sizes = [p for p in _paths(document) if p[-1] in ("d_model", "max_seq_len", "d_qk", "d_ov", "d_mlp")]
        path, value = rng.choice(sizes), rng.choice(HUGE)
        _set(document, path, value)
        if rng.random() < 0.5 and path == ("d_model",) and value > 0 and value < 10**7:  # consistent labels too
            document["residual_labels"] = [f"d:{i}" for i in range(value)]
            document["layer_labels"] = None
        return f"{path} = {value}"
    return _edit_config(folder, edit)


def wrong_value(folder: Path, rng: random.Random, other: Path) -> str:
    def edit(document: dict) -> str:
        path, value = rng.choice(_paths(document)), rng.choice(STRANGE)
        _set(document, path, value)
        return f"{path} = {value!r}"
    return _edit_config(folder, edit)


def delete_key(folder: Path, rng: random.Random, other: Path) -> str:
    def edit(document: dict) -> str:
        path = rng.choice(_paths(document))
        _delete(document, path)
        return f"{path} deleted"
    return _edit_config(folder, edit)


def deep_nesting(folder: Path, rng: random.Random, other: Path) -> str:
    depth = rng.choice([10, 100, 1000, 10_000, 100_000])
    path = folder / CONFIG_FILE
    if rng.random() < 0.3:
        path.write_text("[" * depth + "]" * depth)
        return f"config.json is {depth} nested lists"
    document = json.loads(path.read_text())
    key = rng.choice(_paths(document))
    _set(document, key, "__deep__")
    text = json.dumps(document, indent=1).replace('"__deep__"', "[" * depth + "1" + "]" * depth, 1)
    path.write_text(text)
    return f"config {key} = {depth} nested lists"


def duplicate_key(folder: Path, rng: random.Random, other: Path) -> str:
    path = folder / CONFIG_FILE
    document = json.loads(path.read_text())
    key = rng.choice([k for k in document if k != "format"])
    value = rng.choice([document[key], *STRANGE, *HUGE])
    text = path.read_text()
    path.write_text(text.replace("{", "{" + json.dumps(key) + ": " + json.dumps(value) + ", ", 1))
    return f"config key {key!r} repeated first with {str(value)[:30]}"


def non_finite_literal(folder: Path, rng: random.Random, other: Path) -> str:
    literal = rng.choice(["NaN", "Infinity", "-Infinity", "1e999", "1e38"])

    def edit(document: dict) -> str:
        numbers = [p for p in _paths(document) if type(_get(document, p)) in (int, float)] or [("output_tolerance",)]
        target = rng.choice(numbers)
        _set(document, target, "__number__")
        return str(target)
    target = _edit_config(folder, edit)
    path = folder / CONFIG_FILE
    path.write_text(path.read_text().replace('"__number__"', literal))
    return f"{target} = {literal}"


# --- model.safetensors: structured damage ---------------------------------------------------------

def _split_weights(folder: Path) -> tuple[dict, bytes]:
    data = (folder / WEIGHTS_FILE).read_bytes()
    length = struct.unpack("<Q", data[:8])[0]
    return json.loads(data[8:8 + length]), data[8 + length:]


def _write_weights(folder: Path, header: Any, body: bytes, raw_header: bytes | None = None) -> None:
    encoded = raw_header if raw_header is not None else json.dumps(header).encode()
    (folder / WEIGHTS_FILE).write_bytes(struct.pack("<Q", len(encoded)) + encoded + body)


def edit_header(folder: Path, rng: random.Random, other: Path) -> str:
    header, body = _split_weights(folder)
    names = [n for n in header if n != "__metadata__"]
    name = rng.choice(names)
    choice = rng.choice(["huge shape", "shape+offsets consistent huge", "dtype", "offsets", "delete tensor",
                         "extra tensor", "rank 3", "metadata", "deep metadata", "duplicate key", "length prefix"])
    entry = header[name]
    if choice == "huge shape":
        entry["shape"] = [rng.choice(HUGE[:5]), *entry["shape"][1:]]
    elif choice == "shape+offsets consistent huge":
        entry["shape"] = [10**6] * len(entry["shape"])
        entry["data_offsets"][1] = entry["data_offsets"][0] + 4 * math.prod(entry["shape"])
    elif choice == "dtype":
        entry["dtype"] = rng.choice(["F32", "F64", "F16", "BF16", "I64", "U8", "BOOL", "F8_E4M3", "", 7])
    elif choice == "offsets":
        entry["data_offsets"] = [rng.choice([0, 1, 4, 2**40, -4]), rng.choice([0, 8, 2**40, 2**64, -1])]
    elif choice == "delete tensor":
        del header[name]
    elif choice == "extra tensor":
        header["extra"] = {"dtype": "F32", "shape": [1], "data_offsets": [len(body), len(body) + 4]}
        body += b"\x00" * 4
    elif choice == "rank 3":
        entry["shape"] = [1, *entry["shape"]]
    elif choice == "metadata":
        header["__metadata__"] = rng.choice([{"format": "other"}, {"format": 3}, [], None, {}])
    elif choice == "deep metadata":
        raw = json.dumps(header).replace('"__metadata__": {', '"__metadata__": {"deep": ' + "[" * 50_000
                                         + "]" * 50_000 + ", ", 1).encode()
        _write_weights(folder, None, body, raw)
        return f"weights header: {choice}"
    elif choice == "duplicate key":
        raw = json.dumps(header).replace("{", "{" + json.dumps(name) + ": " + json.dumps(entry) + ", ", 1).encode()
        _write_weights(folder, None, body, raw)
        return f"weights header: {choice} {name}"
    elif choice == "length prefix":
        data = (folder / WEIGHTS_FILE).read_bytes()
        value = rng.choice([0, 1, 7, 2**20, 2**32, 2**63, 2**64 - 1])
        (folder / WEIGHTS_FILE).write_bytes(struct.pack("<Q", value) + data[8:])
        return f"weights header length prefix = {value}"
    _write_weights(folder, header, body)
    return f"weights header: {choice} of {name}"


def poke_value(folder: Path, rng: random.Random, other: Path) -> str:
    """One weight replaced by 1e38, -1e38, NaN, inf or a tiny number, written as the tensor's own dtype."""
    header, body = _split_weights(folder)
    name = rng.choice([n for n in header if n != "__metadata__" and header[n]["data_offsets"][1] >
                       header[n]["data_offsets"][0]])
    entry = header[name]
    code, size = {"F32": ("<f", 4), "F64": ("<d", 8)}[entry["dtype"]]
    begin, end = entry["data_offsets"]
    at = begin + size * rng.randrange((end - begin) // size)
    value = rng.choice([1e38, -1e38, float("nan"), float("inf"), 1e-30, 0.0, 1.0])
    body = body[:at] + struct.pack(code, value) + body[at + size:]
    _write_weights(folder, header, body)
    return f"{name} element at byte {at - begin} = {value}"


KINDS: dict[str, Callable[[Path, random.Random, Path], str]] = {
    "truncate": truncate, "flip_bit": flip_bit, "set_byte": set_byte, "append_bytes": append_bytes,
    "empty_file": empty_file, "replace_with_other": replace_with_other, "swap_files": swap_files,
    "huge_size": huge_size, "wrong_value": wrong_value, "delete_key": delete_key, "deep_nesting": deep_nesting,
    "duplicate_key": duplicate_key, "non_finite_literal": non_finite_literal, "edit_header": edit_header,
    "poke_value": poke_value,
}


def originals() -> dict[str, Transformer]:
    """The models whose folders are damaged: hand-made (float32, categorical), random with MLPs (float64,
    numerical output with float values), and a compiled library program (reused residual dims)."""
    from tests.model.handmade import previous_token_model, random_model
    from weightsmith.compiler import compile_rasp_to_model
    from weightsmith.library import get_program
    from weightsmith.model import HeadConfig, LayerConfig, ModelConfig

    config = ModelConfig(
        vocab=["a", 1, 2.5, False], max_seq_len=3, d_model=4,
        layers=[LayerConfig([HeadConfig(2, 1), HeadConfig(0, 2)], d_mlp=3), LayerConfig([], d_mlp=2)],
        residual_labels=[f"dim:{i}" for i in range(4)], output_dims=[2], output_encoding="numerical",
        output_values=[-2, 1 / 3, 0.5, 2.75], output_tolerance=0.01, causal=True,
    )
    hist = get_program("hist")
    return {
        "previous_token": previous_token_model(),
        "random_mlp_f64": random_model(config, seed=3, dtype=torch.float64),
        "compiled_hist": compile_rasp_to_model(hist.build(), set(hist.vocab), 4).model,
    }


@dataclass(frozen=True)
class Outcome:
    kind: str
    description: str
    result: str  # "error" (ModelFolderError), "identical" (loaded, bit-identical), or what went wrong
    seconds: float
    message: str

    @property
    def ok(self) -> bool:
        return self.result in ("error", "identical") and self.seconds <= TIME_LIMIT


def make_case(saved: Path, other: Path, kind: str, seed: int, destination: Path) -> str:
    """Copy the folder `saved` to `destination` and damage it; returns what was done."""
    shutil.copytree(saved, destination, symlinks=True)
    return KINDS[kind](destination, random.Random(seed), other)


def outcome(folder: Path, original: Transformer, kind: str, description: str) -> Outcome:
    """Load the damaged folder and classify what happened (errors other than ModelFolderError are caught
    and reported by class, so a campaign always finishes)."""
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = load(folder)
        result, message = ("identical" if bit_identical(model, original) else "loaded, different"), ""
    except ModelFolderError as error:
        result, message = "error", str(error)
    except Exception as error:  # noqa: BLE001 — the campaign's point is to see these
        result, message = type(error).__name__, str(error)[:300]
    return Outcome(kind, description, result, time.perf_counter() - start, message)


def bit_identical(model: Transformer, original: Transformer) -> bool:
    """Same config JSON (1 and 1.0 and True differ there) and every weight equal bit for bit."""
    if model.config.to_json() != original.config.to_json():
        return False
    mine, theirs = model.state_dict(), original.state_dict()
    return mine.keys() == theirs.keys() and all(
        mine[k].dtype == theirs[k].dtype and mine[k].shape == theirs[k].shape
        and torch.equal(mine[k].view(_INT_VIEWS[mine[k].element_size()]),
                        theirs[k].view(_INT_VIEWS[theirs[k].element_size()]))
        for k in mine)
