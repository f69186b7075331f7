"""The compiler's one error type: it names the s-op at fault and says why it cannot be compiled; and its
warnings, for what compiles exactly in value but not in Python type, for float32 rounding the compiler
cannot prove harmless, and for programs the interpreter refuses on some inputs."""

from __future__ import annotations

from itertools import starmap
from typing import Any, Callable, Sequence

from weightsmith.rasp.errors import RASPError
from weightsmith.rasp.evaluate import call_checked


class CompileError(RASPError):
    """A program (or one of its s-ops) that cannot become exact transformer weights, and why."""


class ClassifierTooLarge(CompileError):
    """A LinearClassifier whose integer scores are too large to add exactly (float64) or to keep in order
    (float32): a coarser quantisation compiles. Its own type so that quantisation can look for the
    largest scale that compiles."""


class OutputTypeWarning(UserWarning):
    """An output whose Python type (int or float) the model cannot tell on every input: its values are exact,
    but where the interpreter gives 1.0 the model may decode 1 (docs/compiler-numerics.md, "Not covered").
    A warning, not an error, because the number is right and most users compare numbers; said at compile
    time so that no one meets the difference silently."""


class RoundingWarning(UserWarning):
    """A model with s-ops whose float32 rounding the compiler's worst-case bound cannot keep within their
    margins (`compiler.bounds`), even with the lookup tables upstream made clean; it names them. Those
    s-ops are proven in real arithmetic alone, the rest of the model with rounding. The bound is loose
    (it adds every unit's worst rounding), so they are most likely exact; but that is not proven:
    `verify` compares the model with the interpreter. A warning, not an error, so that nothing that
    compiled before is refused (docs/compiler-guarantees.md).

    Its text is the `finding` and then the `advice`, what checks the model: `verify()` for a Python user, which
    a caller who knows better replaces (`advised`): the command line names its `weightsmith verify` command, a
    SUBLEQ machine its reference runner, and a user of a language command, who has no program to verify
    against, reads where the model was checked."""

    API_ADVICE = "verify() checks the model"

    def __init__(self, finding: str, advice: str = API_ADVICE) -> None:
        super().__init__(f"{finding}; {advice}" if advice else finding)
        self.finding, self.advice = finding, advice

    def advised(self, advice: str, about: str = "") -> RoundingWarning:
        """The same finding (after `about`, what the model is) with another advice ("" for none)."""
        return RoundingWarning(f"{about}{self.finding}", advice)


class UndefinedInputsWarning(UserWarning):
    """A program the interpreter refuses on some of the inputs the compiler observed (a categorical Aggregate
    averaging strings, a comparison of incomparable tokens, a function raising): it compiles, from the facts
    that hold on the other inputs, but its model's outputs on those inputs mean nothing. Said at compile time,
    with the interpreter's first refusal, so that no one reads such an output as the program's; `verify`
    counts those inputs as undefined and does not compare them."""


def tabulate(expr: Any, f: Callable, args: Sequence[tuple]) -> list:
    """An s-op's user function on every argument tuple it can meet; CompileError naming the s-op and
    the first argument f raises on (the compiler must tabulate the function on every possible value).

    Tables run to thousands of entries, so they are made by one C-level loop; only when f raises are
    the arguments tried again one by one, to name the value.
    """
    try:
        return list(starmap(f, args))
    except Exception:  # noqa: BLE001 - found again below, with the value that causes it
        pass
    for arg in args:
        call_checked(expr, f, *arg, error=CompileError, role="the possible value")
    raise CompileError(f"{type(expr).__name__} {expr.label!r}: its function raised once, then not on the same "
                       "values again; the compiler needs a function that always gives the same result")
