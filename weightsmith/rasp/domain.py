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
from typing import Any, Optional, Sequence

from weightsmith.rasp import expr as rx
from weightsmith.rasp.errors import InputError

DOMAIN = "input_domain"  # the annotation's key


@dataclass(frozen=True)
class InputDomain:
    """Inputs of 1..`max_len` tokens of `vocab` (matched by type and value, as a compiled model matches them),
    the first being `first` when it is not None."""

    vocab: tuple
    max_len: int
    first: Optional[Any] = None

    def check(self, inputs: Sequence[Sequence[rx.Value]]) -> None:
        """InputError naming the first input (and position) outside the domain."""
        known = {(type(t), t) for t in self.vocab}
        for b, xs in enumerate(inputs):
            if not 1 <= len(xs) <= self.max_len:
                raise InputError(f"input {b} has length {len(xs)}; the program is defined on lengths "
                                 f"1..{self.max_len}")
            if self.first is not None and (type(xs[0]), xs[0]) != (type(self.first), self.first):
                raise InputError(f"input {b} starts with {xs[0]!r}; the program is defined on inputs that start "
                                 f"with {self.first!r}")
            for i, t in enumerate(xs):
                if (type(t), t) not in known:
                    raise InputError(f"input {b}, position {i}: token {t!r} is not in the vocabulary "
                                     f"{list(self.vocab)!r}")


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
