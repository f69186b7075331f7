"""The safetensors header reader: equal to safetensors' own view of files it writes; strict about the rest."""

import io
import json

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from safetensors.torch import load, save

from weightsmith.model.safetensors_header import read_header

DTYPES = {"F16": torch.float16, "BF16": torch.bfloat16, "F32": torch.float32, "F64": torch.float64}
SHAPES = st.lists(st.integers(0, 4), max_size=2).map(tuple)


def header_of(data: bytes):
    return read_header(io.BytesIO(data), len(data), max_header_bytes=1 << 20)


@given(st.dictionaries(st.text(min_size=1, max_size=8).filter(lambda n: n != "__metadata__"), SHAPES, max_size=5),
       st.sampled_from(sorted(DTYPES)))
def test_agrees_with_safetensors_on_files_it_writes(shapes, dtype):
    data = save({name: torch.zeros(shape, dtype=DTYPES[dtype]) for name, shape in shapes.items()},
                metadata={"format": "x"})
    header = header_of(data)
    theirs = load(data)
    assert {name: (entry.shape, DTYPES[entry.dtype]) for name, entry in header.tensors.items()} == {
        name: (tuple(tensor.shape), tensor.dtype) for name, tensor in theirs.items()}
    assert header.metadata == {"format": "x"} and header.file_size == len(data)


def rewrite(header: dict, body: bytes) -> bytes:
    encoded = json.dumps(header).encode()
    return len(encoded).to_bytes(8, "little") + encoded + body


GOOD = {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
        "b": {"dtype": "F32", "shape": [1, 1], "data_offsets": [8, 12]}}


@pytest.mark.parametrize(("change", "body", "message"), [
    ({}, b"\0" * 11, "describes 12 bytes of tensor data, the file holds 11 .truncated"),
    ({}, b"\0" * 13, "extra bytes at the end"),
    ({"b": {"dtype": "F32", "shape": [1, 1], "data_offsets": [4, 8]}}, b"\0" * 12, "overlaps"),
    ({"b": {"dtype": "F32", "shape": [1, 1], "data_offsets": [12, 16]}}, b"\0" * 16, "leaves a gap"),
    ({"b": {"dtype": "F32", "shape": [10**9, 10**9], "data_offsets": [8, 12]}}, b"\0" * 12, "needs 4000000000000000000"),
    ({"b": {"dtype": "I64", "shape": [1], "data_offsets": [8, 16]}}, b"\0" * 16, "dtype 'I64', expected float"),
    ({"b": {"dtype": "F32", "shape": [1, 1, 1], "data_offsets": [8, 12]}}, b"\0" * 12, "at most 2 sizes"),
    ({"b": {"dtype": "F32", "shape": [-1], "data_offsets": [8, 12]}}, b"\0" * 12, "not a list of"),
    ({"b": {"dtype": "F32", "shape": [True], "data_offsets": [8, 12]}}, b"\0" * 12, "not a list of"),
    ({"b": {"dtype": "F32", "shape": [1], "data_offsets": [8]}}, b"\0" * 12, "not a pair of byte offsets"),
    ({"b": {"dtype": "F32", "shape": [1]}}, b"\0" * 12, "expected an object with keys"),
    ({"__metadata__": {"format": 3}}, b"\0" * 12, "__metadata__ is not an object of strings"),
])
def test_inconsistent_headers(change, body, message):
    with pytest.raises(ValueError, match=message):
        header_of(rewrite(GOOD | change, body))


@pytest.mark.parametrize(("data", "message"), [
    (b"", "too short"),
    ((2**63).to_bytes(8, "little") + b"{}", "claims 9,223,372,036,854,775,808 bytes"),
    ((4).to_bytes(8, "little") + b"\xff\xfe{}", "not UTF-8"),
    ((2).to_bytes(8, "little") + b"[]", "not a JSON object"),
    ((100).to_bytes(8, "little") + b"[" * 50 + b"]" * 50, "nested deeper than 3"),
])
def test_broken_prefix_or_json(data, message):
    with pytest.raises(ValueError, match=message):
        header_of(data)
