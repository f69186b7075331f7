"""The header of a `.safetensors` file, read and checked without reading (or allocating) the tensors.

The format: 8 bytes (little-endian u64) giving the header's length N, then N bytes of JSON mapping each
tensor name to {"dtype", "shape", "data_offsets": [begin, end]} (offsets into the data that follows),
plus an optional "__metadata__" object of strings. Everything the tensors will need in memory is in the
header, so loading checks it (here: internal consistency; in `files`: against config.json) before a
single tensor byte is read. Only the float dtypes a weightsmith model can hold are accepted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, BinaryIO

from weightsmith.model import strict_json

# safetensors dtype name -> bytes per element (the dtypes `Transformer.from_weights` accepts)
FLOAT_DTYPES = {"F16": 2, "BF16": 2, "F32": 4, "F64": 8}
INDEX_DTYPES = {"I32": 4}  # the positions of a matrix stored sparse (`model.sparse`)
METADATA = "__metadata__"
MAX_RANK = 2  # a weightsmith model holds matrices and vectors only
_ENTRY_KEYS = {"dtype", "shape", "data_offsets"}


@dataclass(frozen=True)
class TensorEntry:
    dtype: str
    shape: tuple[int, ...]
    begin: int  # byte offsets into the data section
    end: int


@dataclass(frozen=True)
class WeightsHeader:
    tensors: dict[str, TensorEntry]
    metadata: dict[str, str]
    data_start: int  # 8 + the header's length: where tensor bytes begin in the file

    @property
    def file_size(self) -> int:
        """The size the whole file has if every tensor's bytes are present and nothing follows."""
        return self.data_start + max((t.end for t in self.tensors.values()), default=0)


def read_header(file: BinaryIO, file_size: int, max_header_bytes: int) -> WeightsHeader:
    """Read and check the header at the start of `file` (`file_size` bytes long); ValueError on any fault.

    Checked: the length prefix fits in the file and the bound; the JSON is an object of well-formed
    entries with float dtypes; each entry's byte range holds exactly its shape's elements; the ranges
    tile the data section with no gap or overlap; and the data section ends exactly at the end of file.
    """
    if file_size < 8:
        raise ValueError(f"{file_size} bytes, too short for a safetensors header")
    length = int.from_bytes(file.read(8), "little")
    if length > min(max_header_bytes, file_size - 8):
        raise ValueError(f"the header claims {length:,} bytes, but the file has {file_size - 8:,} after the "
                         f"length prefix (and the limit is {max_header_bytes:,})")
    try:
        text = file.read(length).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"the header is not UTF-8 text ({error})") from None
    document = strict_json.parse(text, max_depth=3)
    if not isinstance(document, dict):
        raise ValueError(f"the header is not a JSON object but {type(document).__name__}")
    metadata = _metadata(document.pop(METADATA, {}))
    tensors = {name: _entry(name, entry) for name, entry in document.items()}
    _check_tiling(tensors, file_size - 8 - length)
    return WeightsHeader(tensors, metadata, 8 + length)


def _metadata(metadata: Any) -> dict[str, str]:
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise ValueError(f"{METADATA} is not an object of strings")
    return metadata


def _entry(name: str, entry: Any) -> TensorEntry:
    where = f"tensor {name[:80]!r}"
    if not isinstance(entry, dict) or set(entry) != _ENTRY_KEYS:
        raise ValueError(f"{where}: expected an object with keys {sorted(_ENTRY_KEYS)}")
    dtype, shape, offsets = entry["dtype"], entry["shape"], entry["data_offsets"]
    if dtype not in FLOAT_DTYPES and dtype not in INDEX_DTYPES:
        raise ValueError(f"{where}: dtype {str(dtype)[:20]!r}, expected float tensors of one dtype "
                         f"({', '.join(FLOAT_DTYPES)})")
    if not isinstance(shape, list) or len(shape) > MAX_RANK or not all(_is_size(n) for n in shape):
        raise ValueError(f"{where}: shape {str(shape)[:80]} is not a list of at most {MAX_RANK} sizes")
    if not isinstance(offsets, list) or len(offsets) != 2 or not all(_is_size(n) for n in offsets):
        raise ValueError(f"{where}: data_offsets {str(offsets)[:80]} is not a pair of byte offsets")
    begin, end = offsets
    width = FLOAT_DTYPES.get(dtype) or INDEX_DTYPES[dtype]
    if end - begin != math.prod(shape) * width:
        raise ValueError(f"{where}: data_offsets [{begin}, {end}] hold {end - begin} bytes, but a {dtype} tensor "
                         f"of shape {tuple(shape)} needs {math.prod(shape) * width}")
    return TensorEntry(dtype, tuple(shape), begin, end)


def _check_tiling(tensors: dict[str, TensorEntry], data_size: int) -> None:
    position = 0
    for name, entry in sorted(tensors.items(), key=lambda item: (item[1].begin, item[1].end)):
        if entry.begin != position:
            problem = "overlaps the tensor before it" if entry.begin < position else "leaves a gap before it"
            raise ValueError(f"tensor {name!r}: data_offsets [{entry.begin}, {entry.end}] {problem}")
        position = entry.end
    if position != data_size:
        raise ValueError(f"the header describes {position:,} bytes of tensor data, the file holds {data_size:,} "
                         f"({'truncated' if position > data_size else 'extra bytes at the end'})")


def _is_size(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
