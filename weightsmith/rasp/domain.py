"""The inputs a program is defined on, when that is narrower than "any tokens, any length": `with_domain`.

A RASP program answers whatever it is given. A program decompiled from a trained model (`learn.to_rasp`) is
equal to that model only on the inputs the model takes - its vocabulary, its lengths, its BOS token first -
and the model refuses the rest; the interpreter answered them, and the answer looked like one (`learn hist`'s
program gave [2, 2] on `1 1`, which lacks the BOS its heads fall back to). An `InputDomain` annotated on the
output s-op makes the interpreter's entry points (`evaluate`, `evaluate_batch`, `trace`) refuse those inputs
with an `InputError`, as the model does. It is an annotation, so a program built on top of the s-op (or a copy
made by `named`) keeps or drops it as annotations go; the compiler does not read it (its `vocab` and
`max_seq_len` bound the inputs of the model it builds).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Any, Iterable, Optional, Sequence

from weightsmith.rasp import expr as rx
from weightsmith.rasp.errors import InputError
from weightsmith.rasp.typed_tokens import token_key, token_keys

DOMAIN = "input_domain"  # the annotation's key


@dataclass(frozen=True)
class InputDomain:
    """Inputs of 1..`max_len` tokens of `vocab` (matched by type and value, as a compiled model matches them),
    the first being `first` when it is not None."""

    vocab: tuple
    max_len: int
    first: Optional[Any] = None

    def check(self, inputs: Sequence[Sequence[rx.Value]]) -> None:
        """InputError naming the first input (and position) outside the domain: its length, its first token, then
        any token outside the vocabulary."""
        for b, xs in enumerate(inputs):
            if not 1 <= len(xs) <= self.max_len:
                raise InputError(f"input {b} has length {len(xs)}; the program is defined on lengths "
                                 f"1..{self.max_len}")
            if self.first is not None and token_key(xs[0]) != token_key(self.first):
                raise InputError(f"input {b} starts with {xs[0]!r}; the program is defined on inputs that start "
                                 f"with {self.first!r}")
        check_vocabulary(inputs, self.vocab)


def check_vocabulary(inputs: Sequence[Sequence[rx.Value]], vocab: Iterable[rx.Value],
                     tokens: Optional[Iterable[rx.Value]] = None) -> None:
    """InputError naming the first input and position whose token is not in `vocab` (by type and value: True is
    not the token 1). `tokens`: the distinct tokens of `inputs` where the caller has them (the batched reader
    does), so that the common case, every token known, costs one set difference."""
    vocab = list(vocab)
    unknown = token_keys(chain.from_iterable(inputs) if tokens is None else tokens) - token_keys(vocab)
    if unknown:
        for b, xs in enumerate(inputs):
            for i, t in enumerate(xs):
                if token_key(t) in unknown:
                    raise InputError(f"input {b}, position {i}: token {t!r} is not in the vocabulary "
                                     f"{sorted(vocab, key=repr)!r}")


def with_domain(sop: rx.SOp, domain: InputDomain) -> rx.SOp:
    """`sop` annotated with the inputs it is defined on (a copy, as every annotation makes)."""
    return rx.annotate(sop, **{DOMAIN: domain})


def check_domain(program: rx.RASPExpr, inputs: Sequence[Sequence[rx.Value]]) -> None:
    """InputError for the first of `inputs` outside the domain annotated on `program` (none: nothing to check)."""
    if not isinstance(program, rx.RASPExpr):  # no program: the interpreter's TypeError says so
        return
    domain = program.annotations.get(DOMAIN)
    if domain is not None:
        domain.check(inputs)
