"""The extracted program: D-RASP-style operations over explicit bases, built from a circuit, and run.

Variables are sequences of vectors in a named basis: `token` (one-hot over the vocabulary), `pos` (one-hot
over positions), an aggregate (a distribution over its value's basis), an MLP's hidden units. Operations:

- `Select`: attention scores as a sum of bilinear terms q_i^T M k_j (and key-only terms b . k_j);
- `Aggregate`: out_i = sum_j softmax(scores)_ij v_j (causal, PAD keys masked where the model masks them);
- `Lookup`: an MLP whose only input is one one-hot variable, which is exactly a table over that basis
  (its values *are* the input's, only its write into the residual stream differs);
- `Elementwise`: any other MLP, act(sum_v v M_v + b), kept as explicit matrices;
- `Project`: output logits as a sum of terms v_i^T M_v plus a bias;
- `Normalise` (optional): the final layer norm kept exact instead of linearised — the projected sum is
  divided by the residual stream's per-position standard deviation `rms`, read from the same variables'
  writes (a named primitive; see `Normalise`).

`build` writes a circuit (under an `Intervention`: linearised LN, cut edges replaced by constants) as such
a program; the rewrite is exact, so `run` equals `circuit.forward` under the same intervention up to float
rounding (a test checks it). All numbers are float64 numpy: the program needs neither torch nor the model.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from weightsmith.extract.circuit import LN_EPS, Circuit, Intervention

ONE_HOT = ("token", "pos")


@dataclass
class Var:
    name: str
    basis: str  # "token", "pos" or "hidden:<mlp>"
    size: int
    values: str  # the variable whose values this one has (itself, or a Lookup's input)
    write: np.ndarray = field(repr=False)  # [size, d]: its contribution to the residual stream


@dataclass
class Term:
    q: Optional[str]  # None: a key-only term (matrix [1, n_k])
    k: str
    matrix: np.ndarray = field(repr=False)
    label: str = ""  # a primitive's name once simplified ("" = explicit table)


@dataclass
class Select:
    name: str
    terms: list[Term]


@dataclass
class Aggregate:
    out: str
    select: str
    value: str


@dataclass
class Lookup:
    out: str
    input: str
    label: str = ""


@dataclass
class Elementwise:
    out: str
    inputs: list[tuple[str, np.ndarray]]
    bias: np.ndarray
    act: str


@dataclass
class ProjectTerm:
    var: str
    matrix: np.ndarray = field(repr=False)
    label: str = ""
    write: Optional[np.ndarray] = field(default=None, repr=False)  # [size, d], centred: read by `Normalise`


@dataclass
class Normalise:
    """The final layer norm kept exact: logits = (sum of projection terms + scaled_bias) / rms + bias, where
    rms_i = sqrt(mean over d of r_i^2 + eps) and r_i = sum_v v_i @ write_v + const (the centred residual).

    Why: one constant variance for the final LN (the anchor's linearisation) is a scale the model does not
    have: its residual variance at the output spans orders of magnitude across states and shrinks with
    length, so a constant that is right up to length 100 flips signs beyond it (measured on dyck2, see
    docs/extraction.md). The deviation is a function of the program's own variables, so reading it keeps
    the program exact and still a program: one more line, `rms(...)`."""

    const: np.ndarray = field(repr=False)  # [d]
    scaled_bias: np.ndarray = field(repr=False)  # [n_out], divided by rms like the terms


@dataclass
class Program:
    vars: dict[str, Var]
    ops: list  # Select | Aggregate | Lookup | Elementwise, in execution order
    project: list[ProjectTerm]
    bias: np.ndarray
    causal: bool
    pad_id: Optional[int]
    vocab: list[str]
    norm: Optional[Normalise] = None

    def lines(self) -> int:
        """Lines as the anchor counts them (its `program_code.txt` listings, one numbered line each): every
        selector term (a uniform selector has none), aggregate, element-wise MLP and projection term; the
        constant projection when the program has one (`project(op=...)`, the bias); `rms` when the final
        layer norm is kept exact (then a constant inside it and one added after it are a line each); and the
        `prediction` line. A `Lookup` is no line: its table is folded
        into the reads of its input (the anchor prints an MLP path that reads only the token the same way,
        as part of `project(inp=token, ...)`). `to_python.listing` prints exactly these lines."""
        inner = self.norm is not None and bool(np.any(self.norm.scaled_bias != 0) or np.any(self.norm.const != 0))
        count = len(self.project) + (self.norm is not None) + inner + bool(np.any(self.bias != 0)) + 1
        for op in self.ops:
            count += len(op.terms) if isinstance(op, Select) else not isinstance(op, Lookup)
        return count

    def has_bias(self) -> bool:
        """Whether a constant is added to the logits (outside or, with `Normalise`, inside the norm)."""
        inner = self.norm is not None and (np.any(self.norm.scaled_bias != 0) or np.any(self.norm.const != 0))
        return bool(np.any(self.bias != 0) or inner)

    def copy(self) -> "Program":
        return copy.deepcopy(self)


def _lln(circuit: Circuit, how: Intervention, consumer: str):
    """The linear map a consumer's (linearised) LN applies to a write, and its added constant."""
    ln = circuit.ln_of(consumer)
    if ln is None:
        return (lambda X: X), 0.0
    gamma, beta = (t.numpy() for t in ln)
    if consumer in how.exact_ln:  # the raw centred write; the normalisation is done by `Normalise`
        return (lambda X: X - X.mean(-1, keepdims=True)), 0.0
    if not how.linear_ln:
        raise ValueError("a circuit with layer norm becomes a program only with linear_ln=True")
    log_var = how.log_var[consumer].detach().numpy()
    if log_var.ndim:
        raise ValueError(f"{consumer}: a table of LN constants over positions is a circuit-level measurement "
                         f"here; the program form takes one constant per consumer (or the exact final LN)")
    scale = 1.0 / np.sqrt(float(np.exp(log_var)) + LN_EPS)
    return (lambda X: (X - X.mean(-1, keepdims=True)) * gamma * scale), beta


def build(circuit: Circuit, how: Intervention, tol: float = 1e-9) -> Program:
    """The program that computes what `forward(circuit, ., ., how)` computes (masks must be 0/1)."""
    V, d = circuit.W_E.shape
    W_P = circuit.W_P.numpy()
    vars: dict[str, Var] = {"token": Var("token", "token", V, "token", circuit.W_E.numpy()),
                            "pos": Var("pos", "pos", W_P.shape[0], "pos", W_P)}
    of_writer: dict[str, list[str]] = {"tok": ["token"], "pos": ["pos"]}
    writer_const: dict[str, np.ndarray] = {}  # a writer's input-independent part (read only with its edge)
    readable = dict(circuit.consumers())
    ops: list = []
    bias = np.zeros(d)

    def read(consumer: str, W: np.ndarray, b: np.ndarray):
        f, beta = _lln(circuit, how, consumer)
        keep = None if how.masks is None else how.masks.get(consumer)
        const = bias.copy()
        reads: dict[str, np.ndarray] = {}
        for i, writer in enumerate(readable[consumer]):
            if keep is not None and float(keep[i]) < 0.5:
                if how.ablation is not None:
                    const = const + how.ablation[writer].detach().numpy()
                continue
            const = const + writer_const.get(writer, 0.0)
            for name in of_writer[writer]:
                M = f(vars[name].write) @ W
                key = vars[name].values
                reads[key] = reads[key] + M if key in reads else M
        const_read = (f(const[None])[0] + beta) @ W + b
        return {k: M for k, M in reads.items() if np.abs(M).max() > tol}, const_read

    for l, layer in enumerate(circuit.layers):
        for h, head in enumerate(layer.heads):
            name = f"L{l}H{h}"
            W = {s: getattr(head, f"W_{s.upper()}").numpy() for s in "qkv"}
            b = {s: getattr(head, f"b_{s.upper()}").numpy() for s in "qkv"}
            q, cq = read(name + ".q", W["q"], b["q"])
            k, _ = read(name + ".k", W["k"], b["k"])  # query-only terms cancel in the softmax
            v, cv = read(name + ".v", W["v"], b["v"])
            W_O = head.W_O.numpy()
            writer_const[name] = cv @ W_O
            terms = [Term(a, c, Ma @ Mc.T) for a, Ma in q.items() for c, Mc in k.items()]
            terms += [Term(None, c, (cq @ Mc.T)[None]) for c, Mc in k.items()]
            terms = [t for t in terms if np.abs(t.matrix).max() > tol]
            of_writer[name] = []
            if not v:
                continue
            ops.append(Select(f"s_{name}", terms))
            for value, Mv in v.items():
                out = f"a_{name}_{value}"
                vars[out] = Var(out, vars[value].basis, vars[value].size, out, Mv @ W_O)
                ops.append(Aggregate(out, f"s_{name}", value))
                of_writer[name].append(out)
        bias = bias + layer.b_attn.numpy()
        if layer.mlp is None:
            continue
        mlp = layer.mlp
        name = f"L{l}M"
        ins, c_in = read(name, mlp.W_in.numpy(), mlp.b_in.numpy())
        W_out = mlp.W_out.numpy()
        out = f"m_{name}"
        if len(ins) == 1 and vars[next(iter(ins))].basis in ONE_HOT:
            (source, M), = ins.items()
            vars[out] = Var(out, vars[source].basis, vars[source].size, source,
                            activation(mlp.act, M + c_in) @ W_out)
            ops.append(Lookup(out, source))
        elif ins:
            vars[out] = Var(out, f"hidden:{name}", W_out.shape[0], out, W_out)
            ops.append(Elementwise(out, list(ins.items()), c_in, mlp.act))
        else:  # an MLP that reads only constants writes a constant
            writer_const[name] = activation(mlp.act, c_in) @ W_out
        of_writer[name] = [out] if ins else []
        bias = bias + mlp.b_out.numpy()
    W_U, b_U = circuit.W_U.numpy(), circuit.b_U.numpy()
    if "out" in how.exact_ln and circuit.ln_final is not None:
        gamma, beta = (t.numpy() for t in circuit.ln_final)
        unembed = gamma[:, None] * W_U
        writes, const = read("out", np.eye(d), np.zeros(d))
        project = [ProjectTerm(v, M @ unembed, write=M) for v, M in writes.items()]
        program = Program(vars, ops, project, beta @ W_U + b_U, circuit.causal, circuit.pad_id, circuit.names,
                          Normalise(const, const @ unembed))
    else:
        outs, c_out = read("out", W_U, b_U)
        program = Program(vars, ops, [ProjectTerm(v, M) for v, M in outs.items()], c_out, circuit.causal,
                          circuit.pad_id, circuit.names)
    return prune_dead(program)


def activation(name: str, x: np.ndarray) -> np.ndarray:
    if name == "relu":
        return np.maximum(x, 0.0)
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))


def sums_to_one(program: Program, name: str) -> bool:
    """Whether a variable's values sum to 1 at every position: the one-hot bases, and aggregates (a convex
    combination) of such variables. A constant row then is a term over the variable: c = (values @ 1) c."""
    if name in ONE_HOT:
        return True
    var = program.vars[name]
    if var.values != name:  # a lookup: its input's values
        return sums_to_one(program, var.values)
    for op in program.ops:
        if isinstance(op, Aggregate) and op.out == name:
            return sums_to_one(program, op.value)
    return False


def prune_dead(program: Program) -> Program:
    """Drop operations whose result nothing reads (after terms were removed), and empty selects."""
    needed = {t.var for t in program.project}
    kept: list = []
    for op in reversed(program.ops):
        if isinstance(op, Select):
            if op.name in needed:
                kept.append(op)
                needed |= {t.k for t in op.terms} | {t.q for t in op.terms if t.q}
            continue
        if isinstance(op, Lookup):  # folded into the reads of its input: kept while that input is read
            if op.input in needed:
                kept.append(op)
            continue
        if op.out not in needed:
            continue
        kept.append(op)
        if isinstance(op, Aggregate):
            needed |= {op.select, op.value}
        else:
            needed |= {v for v, _ in op.inputs}
    program.ops = kept[::-1]
    program.vars = {k: v for k, v in program.vars.items() if k in needed or k in ONE_HOT}
    return program


def run(program: Program, ids: np.ndarray, positions: np.ndarray, chunk: int = 32) -> np.ndarray:
    """Output logits [B, T, n_out] for token ids and position ids [B, T]."""
    return np.concatenate([_run(program, ids[i:i + chunk], positions[i:i + chunk])
                           for i in range(0, len(ids), chunk)])


def values_of(program: Program, ids: np.ndarray, positions: np.ndarray) -> dict[str, np.ndarray]:
    """Every variable's values [B, T, size] (a Lookup's are its input's)."""
    B, T = ids.shape
    values = {"token": np.eye(program.vars["token"].size)[ids],
              "pos": np.eye(program.vars["pos"].size)[positions]}
    masked = np.zeros((B, T, T), dtype=bool)
    if program.causal:
        masked |= np.triu(np.ones((T, T), dtype=bool), 1)
    if program.pad_id is not None:
        masked |= (ids == program.pad_id)[:, None, :]
    patterns: dict[str, np.ndarray] = {}

    def val(name: str) -> np.ndarray:
        return values[program.vars[name].values] if name in program.vars else values[name]

    for op in program.ops:
        if isinstance(op, Select):
            scores = np.zeros((B, T, T))
            for term in op.terms:
                keys = val(term.k)
                if term.q is None:
                    scores += (keys @ term.matrix[0])[:, None, :]
                else:
                    scores += (val(term.q) @ term.matrix) @ keys.transpose(0, 2, 1)
            scores = np.where(masked, -np.inf, scores)
            scores -= scores.max(-1, keepdims=True)
            weights = np.exp(scores)
            patterns[op.name] = weights / weights.sum(-1, keepdims=True)
        elif isinstance(op, Aggregate):
            values[op.out] = patterns[op.select] @ val(op.value)
        elif isinstance(op, Lookup):
            continue  # its values are its input's
        else:
            values[op.out] = activation(op.act, sum(val(v) @ M for v, M in op.inputs) + op.bias)
    for name, var in program.vars.items():
        if name not in values:
            values[name] = values[var.values]
    return values


def rms(residual: np.ndarray) -> np.ndarray:
    """Layer norm's per-position scale of a (centred) residual [..., d] -> [..., 1]."""
    return np.sqrt((residual ** 2).mean(-1, keepdims=True) + LN_EPS)


def _run(program: Program, ids: np.ndarray, positions: np.ndarray) -> np.ndarray:
    values = values_of(program, ids, positions)
    logits = sum((values[t.var] @ t.matrix for t in program.project), np.zeros((*ids.shape, len(program.bias))))
    if program.norm is not None:
        residual = sum((values[t.var] @ t.write for t in program.project), program.norm.const)
        logits = (logits + program.norm.scaled_bias) / rms(residual)
    return logits + program.bias
