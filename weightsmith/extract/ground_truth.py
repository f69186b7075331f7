"""Ground truth the anchor cannot have: extract from compiled models, whose source program is known.

A library program is compiled (weightsmith.compiler), its residual stream rotated by a random orthogonal
matrix (so no residual dimension means anything by itself), and extracted with the same `build` as GPT-2
models (no layer norm here, so the rewrite is exact with nothing linearised): edges whose contribution is
exactly zero drop out, and the greedy stage-2 pruning removes every operation whose removal keeps the
program *equal* (match 1.0) on every input. The check: the extracted program, run and decoded as the
model decodes, gives the source program's output (`rasp.evaluate`) on every input up to the length given
(exhaustive over the vocabulary).

Transformer Programs (`weightsmith.learn`) are a second source of ground truth: a learned program is
compiled into an ordinary transformer (`learn.to_transformer.compile_program`), rotated and extracted the
same way, and the extracted program is compared with the program's *decompiled* form (the standalone
Python module `learn.to_python` writes) on every input of a small space (`recover_learned`).
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import torch

from weightsmith import rasp
from weightsmith.extract.circuit import Intervention, from_weightsmith, random_rotation
from weightsmith.extract.program import Program, build, run
from weightsmith.learn.to_transformer import compile_program


@dataclass
class Recovery:
    name: str
    inputs: int
    equal: int  # inputs on which the extracted program equals the source program
    lines: int
    naive_lines: int
    seconds: float
    first_difference: str = ""

    @property
    def exact(self) -> bool:
        return self.equal == self.inputs


def every_input(vocab: Sequence, max_len: int) -> list[list]:
    return [list(x) for n in range(1, max_len + 1) for x in itertools.product(vocab, repeat=n)]


def decode(compiled, program: Program, inputs: list[list]) -> list[list]:
    """The extracted program's outputs on `inputs` (without BOS), decoded by the model's own rule
    (`Transformer.decode_logits`: the program computes the circuit's logits, the read-out's output logits),
    refusing (InputError) the inputs the model refuses: a switch's without a selector or outside the chosen
    component's domain. A pipe is refused (ValueError): where it is undefined is read from its `fed` dims,
    which the circuit does not compute."""
    model = compiled.model
    composed = model.config.composed
    if composed is not None and composed.fed:
        raise ValueError("the extracted program computes the output alone, not the pipe's fed dims that say where "
                         "it is undefined (a model in it outputs None): extract each model of the pipe instead")
    ids = model.encode([[model.config.bos, *x] for x in inputs])
    positions = np.broadcast_to(np.arange(ids.shape[1]), ids.shape)
    out = torch.from_numpy(run(program, ids.numpy(), positions))
    # the program computes the output's logits alone, not a typed model's type scores (zeros here, unread:
    # values as stored, which `_same` compares by value)
    logits = torch.cat([out, out.new_zeros(*out.shape[:2], len(model.config.type_dims()))], dim=-1)
    rows = model.decode_logits(logits, [len(x) + 1 for x in inputs], ids, typed=False)
    return [row[1:] for row in rows]


def _same(ours, theirs) -> bool:
    if isinstance(ours, (int, float)) and isinstance(theirs, (int, float)):
        return math.isclose(float(ours), float(theirs), rel_tol=1e-9, abs_tol=1e-12)
    return ours == theirs and (ours is None) == (theirs is None)


def _equal_rows(got: list[list], expected: list[list]) -> np.ndarray:
    return np.array([len(a) == len(b) and all(map(_same, a, b)) for a, b in zip(got, expected)])


def extract_compiled(compiled, seed: int = 0) -> Program:
    """The program extracted from the compiled model with its residual stream randomly rotated."""
    rotation = random_rotation(compiled.model.config.d_model, seed)
    circuit = from_weightsmith(compiled.model, rotation)
    return build(circuit, Intervention(), tol=1e-7)


def prune_exact(compiled, program: Program, inputs: list[list], expected: list[list], screen: int = 200) -> Program:
    """Stage 2 with threshold 1.0 on every input: remove operations while the outputs stay equal. A
    removal is first tried on `screen` inputs spread over the set (most removals fail there, cheaply),
    then on all of them; after a removal the sweep goes on with the next operation."""
    from weightsmith.extract.prune import _without_var
    from weightsmith.extract.program import Aggregate, Elementwise

    step = max(1, len(inputs) // screen)
    few, few_expected = inputs[::step], expected[::step]

    def equal(candidate: Program, xs: list[list], ys: list[list]) -> bool:
        try:
            return bool(_equal_rows(decode(compiled, candidate, xs), ys).all())
        except rasp.RASPError:  # a numerical output off every value: not equal
            return False

    changed = True
    while changed:
        changed = False
        for out in [op.out for op in program.ops if isinstance(op, (Aggregate, Elementwise))]:
            if out not in program.vars:  # gone with an earlier removal
                continue
            candidate = _without_var(program, out)
            if equal(candidate, few, few_expected) and equal(candidate, inputs, expected):
                program, changed = candidate, True
    return program


def recover(name: str, compiled, source: rasp.SOp, vocab: Sequence, max_len: int, seed: int = 0,
            prune: bool = True) -> Recovery:
    """Extract from the rotated `compiled` and compare with `rasp.evaluate(source, .)` on every input."""
    started = time.perf_counter()
    inputs = every_input(vocab, max_len)
    expected = [rasp.evaluate(source, x) for x in inputs]
    return _recover(name, compiled, inputs, expected, seed, prune, started)


def learned_inputs(vocab: Sequence, max_len: int, limit: int) -> list[list]:
    """Every input a learned program reads — its BOS (vocab[0]) then any tokens of its vocabulary — up to
    the longest length (at most `max_len`, BOS included) at which there are no more than `limit` inputs."""
    count, n = 0, 0
    while n + 1 < max_len and count + len(vocab) ** (n + 1) <= limit:
        n += 1
        count += len(vocab) ** n
    return [[vocab[0], *x] for k in range(n + 1) for x in itertools.product(vocab, repeat=k)]


def recover_learned(name: str, program, decompiled: Callable[[list], list], limit: int = 5000,
                    seed: int = 0, prune: bool = True) -> Recovery:
    """A Transformer Program (`learn.DiscreteProgram`), compiled, rotated and extracted, against
    `decompiled` (its decompiled module's `run`) on every input of `learned_inputs(.., limit)`."""
    started = time.perf_counter()
    inputs = learned_inputs(program.config.vocab, program.config.max_len, limit)
    expected = [list(decompiled(x)) for x in inputs]
    return _recover(name, compile_program(program), inputs, expected, seed, prune, started)


def _recover(name: str, compiled, inputs: list[list], expected: list[list], seed: int, prune: bool,
             started: float) -> Recovery:
    naive = extract_compiled(compiled, seed)
    program = prune_exact(compiled, naive, inputs, expected) if prune else naive
    try:
        equal = _equal_rows(decode(compiled, program, inputs), expected)
    except rasp.RASPError as err:
        return Recovery(name, len(inputs), 0, program.lines(), naive.lines(), time.perf_counter() - started,
                        str(err))
    first = "" if equal.all() else f"input {inputs[int(np.argmin(equal))]}"
    return Recovery(name, len(inputs), int(equal.sum()), program.lines(), naive.lines(),
                    time.perf_counter() - started, first)
