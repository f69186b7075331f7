"""Decompile a discrete Transformer Program into a standalone Python module.

The module imports nothing (no weightsmith, no torch) and defines `run(tokens)`, one label per position,
with the semantics of `program.DiscreteProgram` (the tests check equality on every test example). It
is written to be read: one pattern function per head (`attn_0_1_pattern(key, query)`), one lookup
table per MLP (`mlp_0_0_table`, a dict from input values to output value, entries equal to the most
common output left to `.get`'s default), the classifier's weights as a dict per variable.

Only what matters is written: modules whose output reaches no prediction are left out, and tables and
patterns list only values that can occur (`DiscreteProgram.value_sets`). A pattern that equals a
comparison on the values that occur (`key < query`, `key == query`, ...) is written as that comparison.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Callable

import numpy as np

from weightsmith.learn.model import TransformerProgramModel
from weightsmith.learn.program import MLP, DiscreteProgram, Head

_COMPARISONS: dict[str, Callable[[int, int], bool]] = {
    "key == query": lambda k, q: k == q,
    "key < query": lambda k, q: k < q,
    "key <= query": lambda k, q: k <= q,
    "key > query": lambda k, q: k > q,
    "key >= query": lambda k, q: k >= q,
    "key != query": lambda k, q: k != q,
}

_RUNTIME = '''
def _preference(i, n, order):
    """Key positions j >= 1 in the order query position i prefers them: "closest" (nearest first, left
    first), "first" (leftmost first) or "last" (rightmost first)."""
    if order == "closest":
        ranked = (j for d in range(n) for j in ((i,) if d == 0 else (i - d, i + d)))
    else:
        ranked = range(1, n) if order == "first" else range(n - 1, 0, -1)
    return (j for j in ranked if 1 <= j < n and (j <= i or not CAUSAL))


def attend(keys, queries, values, pattern, order="closest"):
    """Hard attention: each query reads the value at its preferred matching key, else at BOS (position 0)."""
    n = len(keys)
    return [values[next((j for j in _preference(i, n, order) if pattern(keys[j], q)), 0)] for i, q in enumerate(queries)]


def count(keys, queries, pattern):
    """Numerical attention: how many key positions (BOS included) match each query."""
    n = len(keys)
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if pattern(keys[j], q)) for i, q in enumerate(queries)]
'''


class _Writer:
    def __init__(self, program: DiscreteProgram, task: str):
        self.p = program
        self.cfg = program.config
        self.task = task
        self.names = self.cfg.variable_names()
        self.sets = program.value_sets()
        self.is_token = program.domain_is_token()
        self.lines: list[str] = []

    def value(self, var: int, slot: int) -> object:
        return self.cfg.vocab[slot] if self.is_token[var] else int(slot)

    def literal(self, var: int, slot: int) -> str:
        return repr(self.value(var, slot))

    def set_literal(self, var: int, slots) -> str:
        return "{" + ", ".join(self.literal(var, s) for s in slots) + "}"

    def emit(self, *lines: str) -> None:
        self.lines.extend(lines)

    # ------------------------------------------------------------------------------- pattern
    def pattern(self, name: str, head: Head) -> None:
        qs, ks = self.sets[head.query], self.sets[head.key]
        sub = head.predicate[np.ix_(qs, ks)]
        self.emit("", "", f"def {name}_pattern(key, query):",
                  f'    """query: {self.names[head.query]}, key: {self.names[head.key]}"""')
        same_domain = self.is_token[head.query] == self.is_token[head.key]
        if same_domain:
            comparisons = list(_COMPARISONS.items())
            if self.is_token[head.query]:  # tokens mix strings and numbers: only (in)equality is defined
                comparisons = [c for c in comparisons if c[0] in ("key == query", "key != query")]
            if not self.is_token[head.query]:  # shifted equality, e.g. "the previous position"
                comparisons += [(f"key == query {'+-'[c < 0]} {abs(c)}", lambda k, q, c=c: k == q + c)
                                for c in range(-self.cfg.max_len, self.cfg.max_len + 1) if c]
            for text, f in comparisons:
                if all(sub[a, b] == f(k, q) for a, q in enumerate(qs) for b, k in enumerate(ks)):  # slots: same order
                    self.emit(f"    return {text}")
                    return
        # Group query values by the set of key values they match; the commonest group is the fall-through.
        groups: dict[tuple, list[int]] = {}
        for a, q in enumerate(qs):
            groups.setdefault(tuple(k for b, k in enumerate(ks) if sub[a, b]), []).append(q)
        default = max(groups, key=lambda g: len(groups[g]))
        for keys, queries in groups.items():
            if keys != default:
                self.emit(f"    if query in {self.set_literal(head.query, queries)}:",
                          f"        return {self.match_text(head.key, keys, ks)}")
        self.emit(f"    return {self.match_text(head.key, default, ks)}")

    def match_text(self, var: int, keys: tuple, all_keys: list[int]) -> str:
        if not keys:
            return "False"
        if len(keys) == len(all_keys):
            return "True"
        if len(keys) == 1:
            return f"key == {self.literal(var, keys[0])}"
        others = [k for k in all_keys if k not in keys]
        if len(others) == 1:
            return f"key != {self.literal(var, others[0])}"
        if len(others) < len(keys):
            return f"key not in {self.set_literal(var, others)}"
        return f"key in {self.set_literal(var, keys)}"

    # ------------------------------------------------------------------------------- tables
    def table(self, name: str, mlp: MLP) -> str:
        """Writes `name_table` and returns the expression that computes one output value."""
        xs, ys = self.sets[mlp.first], self.sets[mlp.second]
        sub = mlp.table[np.ix_(xs, ys)]
        a, b = self.names[mlp.first], self.names[mlp.second]
        if mlp.first == mlp.second:
            entries = {self.literal(mlp.first, x): int(mlp.table[x, x]) for x in xs}
            lookup, reads = f"{name}_table.get({a}[i], {{default}})", a
        elif (sub == sub[:, :1]).all():  # the output depends on the first input only
            entries = {self.literal(mlp.first, x): int(sub[i, 0]) for i, x in enumerate(xs)}
            lookup, reads = f"{name}_table.get({a}[i], {{default}})", a
        elif (sub == sub[:1, :]).all():  # on the second only
            entries = {self.literal(mlp.second, y): int(sub[0, j]) for j, y in enumerate(ys)}
            lookup, reads = f"{name}_table.get({b}[i], {{default}})", b
        else:
            entries = {f"({self.literal(mlp.first, x)}, {self.literal(mlp.second, y)})": int(sub[i, j])
                       for i, x in enumerate(xs) for j, y in enumerate(ys)}
            lookup, reads = f"{name}_table.get(({a}[i], {b}[i]), {{default}})", f"({a}, {b})"
        default = Counter(entries.values()).most_common(1)[0][0]
        kept = [f"{k}: {v}," for k, v in entries.items() if v != default]
        self.emit("", f"# {name}: reads {reads}; every other input gives {default}")
        self.emit(f"{name}_table = {{", *_wrap(kept, "    "), "}")
        return lookup.format(default=default)

    # ---------------------------------------------------------------------------- classifier
    def classifier(self, reads: list[int]) -> None:
        self.emit("", "", "classes = " + repr(tuple(self.cfg.classes)),
                  "classifier_bias = " + _floats(self.p.bias), "classifier_weights = {")
        for v in reads:
            self.emit(f"    {self.names[v]!r}: {{")
            for slot in self.sets[v]:
                self.emit(f"        {self.literal(v, slot)}: {_floats(self.p.classifier[v, slot])},")
            self.emit("    },")
        self.emit("}", "", "", "def classify(columns, i):",
                  '    """Scores: the bias plus each read variable\'s weights, summed in order; the first best class."""',
                  "    scores = list(classifier_bias)",
                  "    for name, weights in classifier_weights.items():",
                  "        scores = [s + w for s, w in zip(scores, weights[columns[name][i]])]",
                  "    return classes[scores.index(max(scores))]")

    # ----------------------------------------------------------------------------------- all
    def write(self) -> str:
        cfg, names = self.cfg, self.names
        live = self.p.live_variables()
        self.emit(f'"""Transformer Program for {self.task!r}, decompiled by weightsmith. Standalone: no imports.',
                  "",
                  f"run(tokens) -> one label per position; tokens[0] is normally {cfg.vocab[0]!r}, at most "
                  f"{cfg.max_len} tokens.",
                  f"Layers: {cfg.layers}; per layer {cfg.cat_heads} categorical heads, {cfg.count_heads} numerical heads, "
                  f"{cfg.mlps} MLPs ({int((~live[2:]).sum())} of {len(live) - 2} modules unused and left out).",
                  '"""', "", f"VOCAB = {tuple(cfg.vocab)!r}", f"MAX_LEN = {cfg.max_len}", f"CAUSAL = {cfg.causal}")
        self.emit(*_RUNTIME.splitlines())
        body: list[str] = []
        for index, module in self.p.modules():
            if not live[index]:
                continue
            out = names[index]
            name = out[: -len("_outputs")]
            if isinstance(module, Head):
                self.pattern(name, module)
                k, q = names[module.key], names[module.query]
                if module.kind == "count":
                    body.append(f"    {out} = count({k}, {q}, {name}_pattern)")
                else:
                    order = "" if module.order == "closest" else f", order={module.order!r}"
                    body.append(f"    {out} = attend({k}, {q}, {names[module.value]}, {name}_pattern{order})")
            else:
                lookup = self.table(name, module)
                body.append(f"    {out} = [{lookup} for i in range(n)]")
        reads = [int(v) for v in np.flatnonzero(self.p.reads)]
        self.classifier(reads)
        self.emit("", "", "def run(tokens):", "    tokens = list(tokens)", "    n = len(tokens)",
                  "    if not 1 <= n <= MAX_LEN:",
                  '        raise ValueError(f"expected 1..{MAX_LEN} tokens, got {n}")',
                  "    for i, t in enumerate(tokens):",
                  "        if not any(t == v and type(t) is type(v) for v in VOCAB):",
                  '            raise ValueError(f"token {t!r} at position {i} is not in the vocabulary {VOCAB!r}")',
                  "    positions = list(range(n))", *body,
                  "    columns = {" + ", ".join(f"{names[v]!r}: {names[v]}" for v in reads) + "}",
                  "    return [classify(columns, i) for i in range(n)]")
        return "\n".join(self.lines) + "\n"


def _floats(values: np.ndarray) -> str:
    return "(" + ", ".join(repr(float(x)) for x in values) + ("," if len(values) == 1 else "") + ")"


def _wrap(items: list[str], indent: str, width: int = 100) -> list[str]:
    lines, current = [], indent
    for item in items:
        if len(current) + len(item) + 1 > width and current.strip():
            lines.append(current.rstrip())
            current = indent
        current += item + " "
    if current.strip():
        lines.append(current.rstrip())
    return lines


def python_source(program: DiscreteProgram, task: str = "task") -> str:
    """The decompiled module's source text."""
    return _Writer(program, task).write()


def decompile_to_python(model: DiscreteProgram | TransformerProgramModel, path: str | Path, task: str = "task") -> Path:
    """Writes the standalone module of `model` (discretised first if it is the trainable model) to `path`."""
    program = model if isinstance(model, DiscreteProgram) else model.discretise()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(python_source(program, task))
    return path


def load_module(path: str | Path):
    """Imports a decompiled module from its file (for checking it against the program)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(Path(path).stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
