"""Is a composed model exact? Compare it with its components, input by input.

A switch must answer as the chosen component: `sw.apply([BOS, s, *xs]).decoded[2:]` against
`component.apply([BOS, *xs]).decoded[1:]`; a pipe as the second model on the first one's output. Inputs:
every input of the component's vocabulary and length when there are at most `EXHAUSTIVE_LIMIT` (the
check is then a proof for that domain), else `n_random` random ones (`weightsmith.verify`'s generators).
Outputs are compared value for value and type for type (1 and 1.0 differ): the composed model decodes
what the component decodes, and where that is typed (`ModelConfig.output_types`) its types too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional

from weightsmith.compose.composed import ComposedModel
from weightsmith.compose.switch import unwrap
from weightsmith.model import Transformer
from weightsmith.rasp.typed_tokens import same_tokens, token_key, token_keys
from weightsmith.verify import EXHAUSTIVE_LIMIT, all_inputs, count_inputs, random_inputs


@dataclass(frozen=True)
class ComponentCheck:
    """The composed model against one component (switch) or against the chain (pipe)."""

    name: str
    n_checked: int
    exhaustive: bool
    n_mismatches: int
    first_mismatch: Optional[tuple[list, list, list]]  # (input, expected outputs, composed model's outputs)
    n_skipped: int = 0  # pipe: inputs on which the first model's output is no input of the second

    @property
    def ok(self) -> bool:
        return self.n_mismatches == 0 and self.n_checked > 0

    def __str__(self) -> str:
        scope = "all" if self.exhaustive else "random"
        skipped = f" ({self.n_skipped:,} skipped: no input for the second model)" if self.n_skipped else ""
        if self.ok:
            return f"{self.name}: {self.n_checked:,} {scope} inputs{skipped}, composed == component on every one"
        if not self.n_checked:
            return f"{self.name}: nothing compared{skipped}"
        xs, want, got = self.first_mismatch
        return (f"{self.name}: {self.n_mismatches:,} of {self.n_checked:,} {scope} inputs differ{skipped}; "
                f"first: {xs}: expected {want}, got {got}")


def domain(model: Transformer, n_random: int, seed: int) -> tuple[list[list], bool]:
    """Every input of the model's vocabulary up to its max length (if at most EXHAUSTIVE_LIMIT), else random ones."""
    vocab, length = sorted(model.config.vocab, key=repr), model.config.max_seq_len
    if count_inputs(len(vocab), length) <= EXHAUSTIVE_LIMIT:
        return list(all_inputs(vocab, length)), True
    return list(random_inputs(vocab, length, n_random, seed)), False


def _same(a: list, b: Optional[list]) -> bool:
    return b is not None and same_tokens(a, b)


def _compare(name: str, inputs: list[list], expected: list[Optional[list]], got: list[Optional[list]],
             exhaustive: bool) -> ComponentCheck:
    checked = bad = 0
    first = None
    for xs, want, have in zip(inputs, expected, got):
        if want is None:
            continue
        checked += 1
        if not _same(want, have):
            bad += 1
            first = first or (xs, want, have)
    return ComponentCheck(name, checked, exhaustive, bad, first, n_skipped=len(inputs) - checked)


def check_switch(sw: ComposedModel, components: Mapping[str, Any], n_random: int = 10_000,
                 seed: int = 0) -> list[ComponentCheck]:
    """The switch against each component on that component's domain."""
    reports = []
    for name, component in components.items():
        model = unwrap(component, name)
        inputs, exhaustive = domain(model, n_random, seed)
        bos, own_bos = sw.config.bos, model.config.bos
        # a component that is a pipe is undefined on some inputs (None in `expected`: skipped), and so is the switch
        expected = [None if row is None else row[1:] for row in ComposedModel(model).apply_batch(
            [[own_bos, *x] for x in inputs], undefined_as_none=True)]
        got = [None if row is None else row[2:]
               for row in sw.apply_batch([[bos, name, *x] for x in inputs], undefined_as_none=True)]
        reports.append(_compare(name, inputs, expected, got, exhaustive))
    return reports


def check_pipe(piped: ComposedModel, first: Any, second: Any, n_random: int = 10_000, seed: int = 0) -> ComponentCheck:
    """The piped model against `second` run on `first`'s outputs, on `first`'s domain (inputs on which
    `first` outputs something `second` cannot read - None, too long, or what `second` refuses - are skipped and
    counted)."""
    a, b = unwrap(first, "first"), unwrap(second, "second")
    inputs, exhaustive = domain(a, n_random, seed)
    bos = a.config.bos
    # `first` may be a pipe itself (a chain of three): where it is undefined it answers None, and is skipped
    middle = [None if row is None else row[1:]
              for row in ComposedModel(a).apply_batch([[bos, *x] for x in inputs], undefined_as_none=True)]
    second_bos = b.config.bos
    known = token_keys(b.config.vocab)
    readable = [i for i, ys in enumerate(middle)
                if ys is not None and len(ys) <= b.config.max_seq_len and all(token_key(y) in known for y in ys)]
    # `second` may refuse what it reads (a learned program: not its BOS first): skipped too
    outputs = ComposedModel(b).apply_batch([[second_bos, *middle[i]] for i in readable], undefined_as_none=True)
    expected: list[Optional[list]] = [None] * len(inputs)
    for i, row in zip(readable, outputs):
        expected[i] = None if row is None else row[1:]
    got: list[Optional[list]] = [[] for _ in inputs]  # the pipe refuses the others (no input for `second`): skipped
    for i, row in zip(readable, piped.apply_batch([[bos, *inputs[i]] for i in readable], undefined_as_none=True)):
        got[i] = None if row is None else row[1:]  # None: the pipe refused an input its parts answer
    return _compare("+".join(piped.parts), inputs, expected, got, exhaustive)
