"""JSON parsing for files that arrive from outside: bounded nesting, no duplicate keys, finite numbers only.

Python's `json` recurses once per nesting level, so a 20 KB file of `[[[[...` raises RecursionError; it
keeps the last of two equal keys silently; it reads `NaN`, `Infinity` and `1e999` as non-finite floats.
A model folder's JSON is shallow (config.json: 5 levels) and never needs any of that, so all of it is an
error here, a ValueError saying what was found.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np



def parse(text: str, max_depth: int) -> Any:
    """The value of `text`; ValueError if it is not JSON, nests deeper than `max_depth`, repeats a key
    in an object, or holds a non-finite number."""
    _check_depth(text, max_depth)
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error}") from None
    except ValueError as error:  # from the hooks, or an integer too long to convert
        raise ValueError(f"not valid JSON: {error}") from None


def _check_depth(text: str, max_depth: int) -> None:
    """Bracket nesting outside strings, without recursion: running sums over the UTF-8 bytes, in numpy.

    Strings are located first (quotes not escaped by an odd run of backslashes) and their brackets left
    out. Counting every bracket is no shortcut: a `]` inside a string lowers the count, so `{"]": []}`
    would pass as depth 1. A 16 MB file takes well under a second.
    """
    codes = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    outside = ~_inside_strings(codes)
    opening = ((codes == ord("[")) | (codes == ord("{"))) & outside
    closing = ((codes == ord("]")) | (codes == ord("}"))) & outside
    if _max_running_sum(opening, closing) > max_depth:
        raise ValueError(f"JSON nested deeper than {max_depth} levels")


def _max_running_sum(up: np.ndarray, down: np.ndarray) -> int:
    return int(np.cumsum(up.view(np.int8) - down.view(np.int8), dtype=np.int32).max(initial=0))


def _inside_strings(codes: np.ndarray) -> np.ndarray:
    """True for the bytes after an opening quote up to its closing quote."""
    quotes = np.flatnonzero(codes == ord('"'))
    backslash = np.flatnonzero(codes == ord("\\"))
    if len(backslash):  # a quote after an odd run of backslashes is escaped
        index = np.arange(len(codes), dtype=np.int32)
        index[backslash] = -1
        last_not_backslash = np.maximum.accumulate(index)
        before = quotes - 1
        run = np.where(before >= 0, before - last_not_backslash[np.maximum(before, 0)], 0)
        quotes = quotes[run % 2 == 0]
    toggles = np.zeros(len(codes), dtype=np.uint8)
    toggles[quotes] = 1
    return np.bitwise_xor.accumulate(toggles).view(bool)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) != len(pairs):
        seen: set[str] = set()
        repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise ValueError(f"key {repeated[:80]!r} appears twice in one object")
    return document


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a finite number")


def _finite(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise ValueError(f"{literal[:40]} is not a finite float")
    return value
