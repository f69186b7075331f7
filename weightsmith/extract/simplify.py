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

from weightsmith.extract.program import Program, Select, sums_to_one
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
            program = _kept_if_rule_holds(program, candidate, reference, threshold, log,
                                          f"simplify: project {term.var} -> inp==out")
    return program


def _kept_if_rule_holds(program: Program, candidate: Program, reference: Reference, threshold: float,
                        log: Optional[Callable[[str], None]], what: str) -> Program:
    match = reference.match(program_runner(candidate))
    if match < threshold:
        return program
    if log:
        log(f"{what} (match {match:.3f})")
    return candidate


def fold_constants(program: Program, reference: Reference, threshold: float,
                   log: Optional[Callable[[str], None]] = None) -> Program:
    """Fewer lines by exact rewrites, then by the match rule:

    - a key-only selector term b . k_j is folded into a table term q_i^T M k_j over the same key whose query
      sums to one at every position (`sums_to_one`): q^T (M + 1 b) k = q^T M k + b . k, exactly;
    - the logits' constant likewise into a table projection term over such a variable (inside the
      normalisation, its residual constant into the same term's write), exactly;
    - a constant that cannot be folded (every term a primitive, or the bias outside `rms`) is dropped when
      match stays >= threshold (the anchor drops a constant replaced by its `uniform_zeros` primitive).
    Primitive terms are not touched (folding would turn them back into tables)."""
    program = program.copy()
    for op in program.ops:
        if not isinstance(op, Select):
            continue
        for term in [t for t in op.terms if t.q is None and not t.label]:
            into = [u for u in op.terms if u.q is not None and u.k == term.k and not u.label
                    and sums_to_one(program, u.q)]
            if into:
                into[0].matrix = into[0].matrix + np.ones((into[0].matrix.shape[0], 1)) @ term.matrix
                op.terms.remove(term)
                if log:
                    log(f"fold: {op.name} key-only term over {term.k} into select(q={into[0].q}, k={term.k})")
    into = [t for t in program.project if not t.label and sums_to_one(program, t.var)]
    if into:
        t = into[0]
        ones = np.ones((t.matrix.shape[0], 1))
        if program.norm is None:
            t.matrix = t.matrix + ones @ program.bias[None]
            program.bias = np.zeros_like(program.bias)
        else:
            t.matrix = t.matrix + ones @ program.norm.scaled_bias[None]
            t.write = t.write + ones @ program.norm.const[None]
            program.norm.scaled_bias = np.zeros_like(program.norm.scaled_bias)
            program.norm.const = np.zeros_like(program.norm.const)
        if log:
            log(f"fold: the constant into project({t.var})")
    if program.has_bias():
        candidate = program.copy()
        candidate.bias = np.zeros_like(candidate.bias)
        if candidate.norm is not None:
            candidate.norm.scaled_bias = np.zeros_like(candidate.norm.scaled_bias)
            candidate.norm.const = np.zeros_like(candidate.norm.const)
        program = _kept_if_rule_holds(program, candidate, reference, threshold, log, "fold: the constant dropped")
    return program
