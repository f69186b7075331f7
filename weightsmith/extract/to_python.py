"""Write an extracted program as (a) a readable listing and (b) a standalone Python module that runs it.

The module needs only numpy (no weightsmith, no torch, no model file): `run(ids, positions)` returns the
output logits, `predict` the argmax. Named primitives are written as code (`np.eye`), the rest as explicit
tables with exact float64 values (Python's shortest round-trip repr), so running the module gives the same
numbers as `weightsmith.extract.program.run`.
"""

from __future__ import annotations

import json

import numpy as np

from weightsmith.extract.program import Aggregate, Elementwise, Lookup, Program, Select

_RUNTIME = '''
import json

import numpy as np

HARD = 1e3


def _table(text, shape):
    return np.array(json.loads(text), dtype=np.float64).reshape(shape)


def _act(name, x):
    if name == "relu":
        return np.maximum(x, 0.0)
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))


def select(masked, *terms):
    """Attention weights from (query values or None, key values, matrix) terms."""
    B, T, _ = masked.shape
    scores = np.zeros((B, T, T))
    for q, k, M in terms:
        scores += (k @ M[0])[:, None, :] if q is None else (q @ M) @ k.transpose(0, 2, 1)
    scores = np.where(masked, -np.inf, scores)
    scores -= scores.max(-1, keepdims=True)
    w = np.exp(scores)
    return w / w.sum(-1, keepdims=True)


def aggregate(weights, values):
    return weights @ values


def rms(residual):
    """The final layer norm's per-position scale of the centred residual stream."""
    return np.sqrt((residual ** 2).mean(-1, keepdims=True) + 1e-05)
'''


def _matrix_code(name: str, matrix: np.ndarray, label: str) -> str:
    if label in ("k==q", "inp==out"):
        return f"{name} = HARD * np.eye({matrix.shape[0]})"
    if label == "k==q-1":
        return f"{name} = HARD * np.eye({matrix.shape[0]}, k=-1)"
    return f"{name} = _table({json.dumps(json.dumps(matrix.ravel().tolist()))}, {matrix.shape})"


def _describe(matrix: np.ndarray, label: str) -> str:
    return label or f"table[{'x'.join(map(str, matrix.shape))}]"


def listing(program: Program) -> str:
    """The program as D-RASP-style lines, one per line `Program.lines` counts (the anchor's rule: a line per
    selector term, aggregate, MLP, projection term, the constant, `rms`, `prediction`); comment lines
    (starting with `#`) are not counted."""
    lines = []
    selectors: dict[str, str] = {}
    for op in program.ops:
        if isinstance(op, Select):
            names = []
            for j, t in enumerate(op.terms):
                names.append(f"{op.name}_{j + 1}" if len(op.terms) > 1 else op.name)
                lines.append(f"{names[-1]} = " + (f"select(k={t.k}, op={_describe(t.matrix, t.label)})"
                                                  if t.q is None else
                                                  f"select(q={t.q}, k={t.k}, op={_describe(t.matrix, t.label)})"))
            selectors[op.name] = " + ".join(names) if names else "uniform"
        elif isinstance(op, Aggregate):
            lines.append(f"{op.out} = aggregate({selectors[op.select]}, {op.value})")
        elif isinstance(op, Lookup):
            lines.append(f"# {op.out} = lookup({op.input}): an MLP over one one-hot input is a table, folded "
                         f"into the reads of {op.input}")
        else:
            ins = ", ".join(f"{v}@table[{'x'.join(map(str, M.shape))}]" for v, M in op.inputs)
            lines.append(f"{op.out} = element_wise_op({op.act}, {ins})")
    names = []
    for j, t in enumerate(program.project):
        names.append(f"logits{j + 1}")
        lines.append(f"{names[-1]} = project({t.var}, op={_describe(t.matrix, t.label)})")
    inner = program.norm is not None and (program.norm.scaled_bias.any() or program.norm.const.any())
    outer = bool(program.bias.any())
    if inner or (outer and program.norm is None):
        names.append(f"logits{len(names) + 1}")
        lines.append(f"{names[-1]} = project(op=table[1x{len(program.bias)}])  # the constant")
    total = " + ".join(names) or "0"
    if program.norm is None:
        lines.append(f"prediction = {total}  # logits: argmax (LM tasks) or the sign of each (bce tasks)")
    else:
        writes = ", ".join(f"{t.var}@table[{'x'.join(map(str, t.write.shape))}]" for t in program.project)
        lines.append(f"sigma = rms({writes}{', constant' if inner else ''})  # the final layer norm, kept exact")
        if outer:
            lines.append(f"bias = project(op=table[1x{len(program.bias)}])  # added after the layer norm")
        lines.append(f"prediction = ({total}) / sigma{' + bias' if outer else ''}")
    return "\n".join(lines)


def to_python(program: Program, title: str) -> str:
    """A standalone module computing the program's logits."""
    body = [f'"""{title}\n\nListing:\n\n' + "\n".join("    " + line for line in listing(program).splitlines())
            + '\n"""', _RUNTIME]
    sizes = {"token": program.vars["token"].size, "pos": program.vars["pos"].size}
    body.append(f"VOCAB = {program.vocab!r}")
    body.append(f"CAUSAL = {program.causal}\nPAD = {program.pad_id!r}\nSIZES = {sizes!r}")
    tables, steps = [], []
    for n, op in enumerate(program.ops):
        if isinstance(op, Select):
            terms = []
            for j, t in enumerate(op.terms):
                name = f"{op.name.upper()}_{j}"
                tables.append(_matrix_code(name, t.matrix, t.label))
                terms.append(f"({'None' if t.q is None else t.q}, {t.k}, {name})")
            steps.append(f"    {op.name} = select(masked{', ' if terms else ''}{', '.join(terms)})")
        elif isinstance(op, Aggregate):
            steps.append(f"    {op.out} = aggregate({op.select}, {op.value})")
        elif isinstance(op, Lookup):
            steps.append(f"    {op.out} = {op.input}  # a lookup: same values, its table is in the reads")
        else:
            reads = []
            for j, (v, M) in enumerate(op.inputs):
                name = f"{op.out.upper()}_IN{j}"
                tables.append(_matrix_code(name, M, ""))
                reads.append(f"{v} @ {name}")
            tables.append(_matrix_code(f"{op.out.upper()}_BIAS", op.bias[None], ""))
            steps.append(f"    {op.out} = _act({op.act!r}, {' + '.join(reads)} + {op.out.upper()}_BIAS[0])")
    outs, writes = [], []
    for j, t in enumerate(program.project):
        tables.append(_matrix_code(f"PROJECT_{j}", t.matrix, t.label))
        outs.append(f"{t.var} @ PROJECT_{j}")
        if program.norm is not None:
            tables.append(_matrix_code(f"WRITE_{j}", t.write, ""))
            writes.append(f"{t.var} @ WRITE_{j}")
    tables.append(_matrix_code("BIAS", program.bias[None], ""))
    if program.norm is not None:
        tables.append(_matrix_code("RESIDUAL_CONSTANT", program.norm.const[None], ""))
        tables.append(_matrix_code("SCALED_BIAS", program.norm.scaled_bias[None], ""))
    body += tables
    body.append('''

def _rows(name, values, size):
    """`values` as row numbers of a table of `size` rows: numpy would read -1 as the last row without a word."""
    values = np.asarray(values)
    if values.ndim != 2:
        raise ValueError(f"ids and positions are integer arrays [B, T]; {name} has shape {values.shape}")
    if values.size and not np.issubdtype(values.dtype, np.integer):
        raise ValueError(f"{name} must be integers, got {values.dtype}")
    outside = values[(values < 0) | (values >= size)]
    if outside.size:
        raise ValueError(f"{name} must be in 0..{size - 1}, got {outside[0]}")
    return values


def run(ids, positions):
    """Output logits [B, T, n_out] for token ids and position ids, integer arrays [B, T]."""
    ids, positions = _rows("token ids", ids, SIZES["token"]), _rows("positions", positions, SIZES["pos"])
    if ids.shape != positions.shape:
        raise ValueError(f"ids and positions must have one shape, got {ids.shape} and {positions.shape}")
    B, T = ids.shape
    token = np.eye(SIZES["token"])[ids]
    pos = np.eye(SIZES["pos"])[positions]
    masked = np.zeros((B, T, T), dtype=bool)
    if CAUSAL:
        masked |= np.triu(np.ones((T, T), dtype=bool), 1)
    if PAD is not None:
        masked |= (ids == PAD)[:, None, :]''')
    body += steps
    if program.norm is None:
        body.append(f"    return {' + '.join(outs + ['BIAS[0]'])}")
    else:
        body.append(f"    sigma = rms({' + '.join(writes + ['RESIDUAL_CONSTANT[0]'])})")
        body.append(f"    return ({' + '.join(outs + ['SCALED_BIAS[0]'])}) / sigma + BIAS[0]")
    body.append('''

def predict(ids, positions):
    return run(ids, positions).argmax(-1)
''')
    return "\n".join(body)
