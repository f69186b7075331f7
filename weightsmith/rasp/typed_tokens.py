"""Tokens are told apart by type as well as value: 1, 1.0 and True are three tokens.

Python's `==` and `hash` make them one (`{1, True} == {1}`), but a compiled model embeds each token of its
vocabulary in a row of its own and the interpreter keeps the value it was given, so a vocabulary test or a
token index built on plain sets would read True as the token 1 and answer for an input the model does not take.
Every such test keys a token by `(type, value)`; this module is that key's one home (rasp is the bottom layer,
so the compiler, the models and their users all read it from here).
"""

from __future__ import annotations

import math
from typing import Any, Hashable, Iterable, Sequence


class NegativeZero:
    """The kind of -0.0 beside the types: -0.0 == 0.0 and they hash alike, yet `str`, `math.copysign` and
    `atan2` tell them apart, so they are two tokens (a vocabulary of -0.0 took the input 0.0 for its token,
    and its model answered `str` '-0.0' where the interpreter gives '0.0'; found by fzz24), and the
    compiler follows numbers that may be either on different inputs (`compiler.types.retyped_sops`)."""


def number_kind(value: Any) -> type:
    """`value`'s type, or `NegativeZero` for -0.0: what tells equal tokens apart."""
    if type(value) is float and value == 0 and math.copysign(1.0, value) < 0:
        return NegativeZero
    return type(value)


def token_key(token: Any) -> tuple[type, Any]:
    """The key two tokens share only when they are the same token: `(type, value)` (-0.0's kind for type)."""
    return (number_kind(token), token)


def token_keys(tokens: Iterable[Hashable]) -> set[tuple[type, Any]]:
    """The keys of `tokens`, for many membership tests against one vocabulary."""
    return set(map(token_key, tokens))


def token_index(tokens: Iterable[Hashable]) -> dict[tuple[type, Any], int]:
    """Each token's key to its place in `tokens` (the last place, where a token repeats)."""
    return {token_key(t): i for i, t in enumerate(tokens)}


def is_token(token: Any, tokens: Iterable[Any]) -> bool:
    """Whether `token` is one of `tokens`, by type and value (unhashable tokens too: a linear scan)."""
    return any(number_kind(t) is number_kind(token) and t == token for t in tokens)


def not_tokens(values: Iterable[Hashable], tokens: Iterable[Hashable]) -> list:
    """The values that are none of `tokens`, in their order."""
    known = token_keys(tokens)
    return [v for v in values if token_key(v) not in known]


def same_tokens(a: Sequence, b: Sequence) -> bool:
    """Whether two sequences hold the same tokens in the same order, by type and value."""
    return len(a) == len(b) and all(number_kind(x) is number_kind(y) and x == y for x, y in zip(a, b))
