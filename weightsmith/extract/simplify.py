"""Simplification: replace explicit matrices by named primitives where the program's match allows it.

Primitives (hard: scaled by `HARD`, so attention and argmax become selections, as the anchor's are):
- selector terms over (token, token) or (pos, pos): `k==q` (same token / same position), and over
  (pos, pos) also `k==q-1` (previous position);
- key-only terms over token: `k==BOS`, `k==SEP`, `k==EOS` (the special tokens by name); over pos:
  `k is first` (earliest allowed key) and `k is last` (latest allowed key);
- projections from a token-basis variable onto the same vocabulary: `inp==out`.
A term is replaced by the first primitive that keeps match >= the threshold; what no primitive explains
stays an explicit table (printed as such). MLPs whose only input is one one-hot variable are already exact
lookup tables (`Lookup`); other MLPs stay explicit matrices.
"""

from __future__ import annotations

from typing import Callable, Iterator, Optional

import numpy as np

from weightsmith.extract.program import Program, Select
from weightsmith.extract.prune import program_runner
from weightsmith.extract.reference import Reference

HARD = 1e3


def _pair_primitives(basis_q: str, basis_k: str, nq: int, nk: int) -> Iterator[tuple[str, np.ndarray]]:
    if basis_q == basis_k and nq == nk:
        yield "k==q", HARD * np.eye(nq)
        if basis_q == "pos":
            yield "k==q-1", HARD * np.eye(nq, k=-1)


def _key_primitives(program: Program, basis: str, n: int) -> Iterator[tuple[str, np.ndarray]]:
    if basis == "token":
        for special in ("<bos>", "<sep>", "<eos>"):
            if special in program.vocab:
                row = np.zeros((1, n))
                row[0, program.vocab.index(special)] = HARD
                yield f"k=={special[1:-1].upper()}", row
    elif basis == "pos":
        ramp = np.arange(n, dtype=float)[None] / n
        yield "k is first", -HARD * n * ramp
        yield "k is last", HARD * n * ramp


def _term_options(program: Program, op: Select, j: int):
    term = op.terms[j]
    k = program.vars[term.k]
    if term.q is None:
        yield from _key_primitives(program, k.basis, k.size)
    else:
        q = program.vars[term.q]
        yield from _pair_primitives(q.basis, k.basis, q.size, k.size)


def simplify(program: Program, reference: Reference, threshold: float,
             log: Optional[Callable[[str], None]] = None) -> Program:
    for i, op in enumerate(program.ops):
        if not isinstance(op, Select):
            continue
        for j in range(len(op.terms)):
            for label, matrix in _term_options(program, op, j):
                candidate = program.copy()
                candidate.ops[i].terms[j].matrix = matrix
                candidate.ops[i].terms[j].label = label
                match = reference.match(program_runner(candidate))
                if match >= threshold:
                    if log:
                        log(f"simplify: {op.name} term {j} -> {label} (match {match:.3f})")
                    program = candidate
                    break
    for j, term in enumerate(program.project):
        var = program.vars[term.var]
        if var.basis == "token" and var.size == term.matrix.shape[1]:
            candidate = program.copy()
            candidate.project[j].matrix = HARD * np.eye(var.size)
            candidate.project[j].label = "inp==out"
            match = reference.match(program_runner(candidate))
            if match >= threshold:
                if log:
                    log(f"simplify: project {term.var} -> inp==out (match {match:.3f})")
                program = candidate
    return program
