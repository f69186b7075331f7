"""Errors that name the culprit: which s-op, which value, which input."""

from __future__ import annotations


class RASPError(ValueError):
    """Base of weightsmith's language errors (a ValueError, as Tracr's evaluator raises)."""


class EvaluationError(RASPError):
    """A program could not be evaluated on an input: a function raised, or an Aggregate was undefined."""


class InputError(RASPError):
    """The input itself is wrong: a token outside the vocabulary, or a sequence that is too long."""


class ValueSetError(RASPError):
    """A value set cannot be inferred: unbounded, too large, or a function raised on a possible value."""


class ValueSetTooLarge(ValueSetError):
    """An s-op with more values than the inference takes (`max_size`: 100,000 unless a caller of `value_sets` gives
    another; the compiler keeps that one, as a categorical s-op is a residual dimension a value).

    Its text is the `finding` and then the `advice`, what keeps the set within the limit in the words of the Python
    API (its `vocab` and `max_seq_len`); the command line replaces the advice's text by its flags (`cli.common.fail_on`,
    also where a compile error carries this one as its cause). It used to advise "raise max_size", which no command
    and no compiler call takes."""

    API_ADVICE = "a smaller vocab or max_seq_len, or an s-op with fewer values, keeps it within the limit"

    def __init__(self, finding: str, advice: str = API_ADVICE) -> None:
        super().__init__(f"{finding}; {advice}")
        self.finding, self.advice = finding, advice


def describe(expr) -> str:
    return f"{type(expr).__name__} {expr.label!r}"
