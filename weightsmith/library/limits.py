"""What a library program is correct for: the inputs beyond which it computes something else, silently.

A RASP program is defined on every input its functions accept, but some library programs only *mean*
what their description says within limits: `sort` makes keys unique with `key + i / 100`, so past 100
tokens two keys can collide and the output is no longer `sorted()`; `most_freq` pads with '_', so a
vocabulary holding '_' makes padding and a real token look alike. The compiler would faithfully compile
such a program beyond its limits (the model equals the interpreter), so the limits are stated here, next
to each registry entry, and checked by `weightsmith run` and `compile` before any work is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from weightsmith.rasp import InputError


class LimitError(InputError):
    """A vocabulary, length or input outside what a library program is correct for."""


@dataclass(frozen=True)
class VocabRule:
    """A condition on the vocabulary, in words (for `weightsmith list`) and as a check."""

    text: str  # e.g. "numbers at least 1 apart"
    why_not: Callable[[Sequence], Optional[str]]  # None if the vocabulary fits, else what breaks the rule


@dataclass(frozen=True)
class Limits:
    """The vocabularies, lengths and inputs a library program is correct for (defaults: no limit)."""

    max_seq_len: Optional[int] = None  # the longest input it is correct for
    vocab: Optional[VocabRule] = None
    distinct_tokens: bool = False  # each input must hold every token at most once

    def __str__(self) -> str:
        parts = [f"len ≤ {self.max_seq_len}"] if self.max_seq_len is not None else []
        parts += [self.vocab.text] if self.vocab is not None else []
        parts += ["distinct tokens"] if self.distinct_tokens else []
        return "; ".join(parts) or "none"

    def check(self, name: str, vocab: Optional[Sequence], max_seq_len: Optional[int]) -> None:
        """Raise LimitError if `name` is asked to run or compile for a vocabulary or length it is wrong on."""
        if self.max_seq_len is not None and max_seq_len is not None and max_seq_len > self.max_seq_len:
            raise LimitError(f"{name} is correct only for inputs of at most {self.max_seq_len} tokens, "
                             f"not {max_seq_len}")
        if self.vocab is not None and vocab is not None:
            problem = self.vocab.why_not(vocab)
            if problem is not None:
                raise LimitError(f"{name} needs a vocabulary of {self.vocab.text}: {problem}")

    def check_input(self, name: str, tokens: Sequence) -> None:
        """Raise LimitError if one input is outside the limits (its length, or a repeated token)."""
        self.check(name, None, len(tokens))
        if self.distinct_tokens:
            seen = set()
            for i, token in enumerate(tokens):
                if token in seen:
                    raise LimitError(f"{name} needs distinct tokens, but {token!r} repeats at position {i}")
                seen.add(token)


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _not_numbers(vocab: Sequence) -> Optional[str]:
    bad = [v for v in vocab if not _is_number(v)]
    return f"{bad[0]!r} is not a number" if bad else None


def _not_one_apart(vocab: Sequence) -> Optional[str]:
    if (problem := _not_numbers(vocab)) is not None:
        return problem
    values = sorted(set(vocab))
    close = [(a, b) for a, b in zip(values, values[1:]) if b - a < 1]
    return f"{close[0][0]!r} and {close[0][1]!r} are closer than 1" if close else None


def _not_orderable(vocab: Sequence) -> Optional[str]:
    try:
        sorted(vocab)
    except TypeError as error:
        return f"its tokens cannot be compared with `<` ({error})"
    return None


def _without(token) -> Callable[[Sequence], Optional[str]]:
    def why_not(vocab: Sequence) -> Optional[str]:
        return f"it holds {token!r}" if token in vocab else None

    return why_not


NUMBERS = VocabRule("numbers", _not_numbers)
NUMBERS_ONE_APART = VocabRule("numbers ≥ 1 apart", _not_one_apart)
ORDERABLE = VocabRule("comparable tokens", _not_orderable)


def without(token) -> VocabRule:
    """A vocabulary that must not hold `token` (e.g. a program's padding value)."""
    return VocabRule(f"tokens other than {token!r}", _without(token))
