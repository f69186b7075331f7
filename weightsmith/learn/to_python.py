"""Decompile a discrete Transformer Program into a standalone Python module.

The module imports nothing (no weightsmith, no torch) and defines `run(tokens)`, one label per position,
with the semantics of `program.DiscreteProgram` (the tests check equality on every test example). It
is written to be read, and short:

- one pattern function per head (`attn_0_1_pattern(key, query)`), written once when several heads have
  the same one. It is a closed form when one fits (`key < query`, `key == query - 1`, `key != query and
  key != 'BOS'`, ...); else the query values are listed by the key values they match (as a dict, query
  value -> the key value it looks for, when there is one at most), the largest group or the closed form
  that fits most of them last. Predicate cells that cannot matter (`prune.relevant_cells`) are free.
- one lookup table per MLP (`mlp_0_0_table`, a dict from input values to output value, entries equal to
  the most common output left to `.get`'s default);
- the classifier's weights as a dict per variable of its rows that are not zero; integer weights (see
  `prune.quantise`) print as ints.
Only what matters is written: modules whose output reaches no prediction are left out, and tables and
patterns list only values that can occur (`DiscreteProgram.value_sets`).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Optional

import numpy as np

from weightsmith.learn.model import TransformerProgramModel
from weightsmith.learn.program import SCOPES, MLP, DiscreteProgram, Head, counts_some
from weightsmith.learn.prune import EXACT, relevant_cells, score_bound

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
    chosen = [next((j for j in _preference(i, n, order) if pattern(keys[j], q)), 0) for i, q in enumerate(queries)]
    return [values[j] for j in chosen]
'''

_COUNT = '''

def count(keys, queries, pattern, where=None):
    """Numerical attention: how many key positions (BOS included) match each query (only positions j with
    where[j] true, if given)."""
    n = len(keys)
    counted = where or [True] * n
    return [sum(1 for j in range(i + 1 if CAUSAL else n) if counted[j] and pattern(keys[j], q))
            for i, q in enumerate(queries)]
'''

# `count` where some matches count only before (after) the query: written instead when a head needs it
_SCOPED_COUNT = '''

def count(keys, queries, pattern=None, where=None, before=None, after=None):
    """Numerical attention: how many key positions j (BOS included) query i counts: those whose key
    matches `pattern`, those before i (j < i) that match `before`, and those after i that match `after`;
    only positions with where[j] true, if given."""
    n = len(keys)
    counted = where or [True] * n

    def matches(i, j, q):
        k = keys[j]
        return bool((pattern and pattern(k, q)) or (before and j < i and before(k, q))
                    or (after and j > i and after(k, q)))

    return [sum(1 for j in range(i + 1 if CAUSAL else n) if counted[j] and matches(i, j, q))
            for i, q in enumerate(queries)]
'''


class _Writer:
    def __init__(self, program: DiscreteProgram, task: str):
        self.p = program
        self.cfg = program.config
        self.task = task
        self.names = self.cfg.variable_names()
        self.sets = program.value_sets()
        self.is_token = program.domain_is_token()
        self.domains = _domains(program)
        self.lines: list[str] = []
        self.patterns: dict[tuple, str] = {}  # pattern text -> the function written for it
        self.ints = score_bound(program) < EXACT  # integer weights print as ints: Python sums them as float64 does

    def value(self, var: int, slot: int) -> object:
        return self.cfg.vocab[slot] if self.is_token[var] else int(slot)

    def literal(self, var: int, slot: int) -> str:
        return repr(self.value(var, slot))

    def set_literal(self, var: int, slots) -> str:
        return "{" + ", ".join(self.literal(var, s) for s in slots) + "}"

    def emit(self, *lines: str) -> None:
        self.lines.extend(lines)

    def where(self, head: Head) -> list[str]:
        """The `where=` argument of a counting head that counts only some values (none if it counts all)."""
        if not counts_some(head, self.sets):
            return []
        slots = self.sets[head.value]
        counted = [s for s in slots if head.where[s]]
        name = self.names[head.value]
        if not counted:
            return [f"where=[False for v in {name}]"]
        if 2 * len(counted) > len(slots):  # the shorter of the two sets
            return [f"where=[v not in {self.set_literal(head.value, [s for s in slots if not head.where[s]])} for v in {name}]"]
        return [f"where=[v in {self.set_literal(head.value, counted)} for v in {name}]"]

    # ------------------------------------------------------------------------------- pattern
    def scoped(self, head: Head) -> bool:
        """Whether some of a counting head's matches (on values its inputs can hold) count only before or
        only after the query."""
        if head.scope is None:
            return False
        cells = np.ix_(self.sets[head.query], self.sets[head.key])
        return bool((head.predicate[cells] & (head.scope[cells] != SCOPES.index("all"))).any())

    def count_patterns(self, name: str, head: Head) -> list[str]:
        """The pattern arguments of `count`: the matches that count anywhere, then those that count only
        `before` (`after`) the query, each a pattern of its own (`name_pattern`, `name_before`, ...)."""
        if not self.scoped(head):
            return [self.pattern(name, head)]
        qs, ks = self.sets[head.query], self.sets[head.key]
        scopes = head.scope[np.ix_(qs, ks)]
        arguments = []
        for index, scope in enumerate(SCOPES):
            predicate = np.zeros_like(head.predicate)
            predicate[np.ix_(qs, ks)] = head.predicate[np.ix_(qs, ks)] & (scopes == index)
            if predicate.any():  # a head of its own, counting only where this scope allows
                only = dataclasses.replace(head, predicate=predicate, scope=np.full_like(head.scope, index))
                function = self.pattern(name, only, "pattern" if scope == "all" else scope)
                arguments.append(function if scope == "all" else f"{scope}={function}")  # "all" comes first
        return arguments

    def pattern(self, name: str, head: Head, suffix: str = "pattern") -> str:
        """Writes `name_suffix`, unless an earlier head's pattern has the same text; returns the one to use."""
        lines = self.pattern_lines(head)
        function = self.patterns.setdefault(tuple(lines), f"{name}_{suffix}")
        if function == f"{name}_{suffix}":
            self.emit("", "", f"def {function}(key, query):", *lines)
        return function

    def closed_forms(self, head: Head) -> list[tuple[str, np.ndarray, Optional[str]]]:
        """Candidate one-line patterns, simplest first: (text, its truth table over the values the query
        and key can hold, e with text == f"key == {e}" or None). Comparisons of key and query when they
        hold the same kind of value (`domains`; only == and != unless numbers), shifted equalities ("the
        previous position"), and each with one key value excepted or added."""
        q, k = np.array(self.sets[head.query])[:, None], np.array(self.sets[head.key])[None, :]  # values = slots
        if self.domains[head.query] != self.domains[head.key]:
            return []
        forms = [("key == query", k == q, "query"), ("key != query", k != q, None)]
        if self.domains[head.query] == "numbers":
            forms += [("key < query", k < q, None), ("key <= query", k <= q, None), ("key > query", k > q, None),
                      ("key >= query", k >= q, None)]
            forms += [(f"key == query {'+-'[c < 0]} {abs(c)}", k == q + c, f"query {'+-'[c < 0]} {abs(c)}")
                      for c in range(-self.cfg.max_len, self.cfg.max_len + 1) if c]
        excepted = []
        for text, table, _ in forms:
            for x in self.sets[head.key]:
                literal = self.literal(head.key, x)
                excepted += [(f"{text} and key != {literal}", table & (k != x), None),
                             (f"{text} or key == {literal}", table | (k == x), None)]
        return forms + excepted

    def pattern_lines(self, head: Head) -> list[str]:
        """The body of a pattern function: a closed form if one fits every query value; else the query
        values listed by the key values they match, and a fall-through for the others: the largest group
        of equal query values, or the closed form that fits the most (whichever is shorter)."""
        qs, ks = self.sets[head.query], self.sets[head.key]
        sub = head.predicate[np.ix_(qs, ks)]
        care = relevant_cells(head, self.sets, self.cfg.causal)
        doc = f"query: {self.names[head.query]}, key: {self.names[head.key]}"
        forms = self.closed_forms(head)
        fits = [((table == sub) | ~care).all(1) for _, table, _ in forms]
        best = max(range(len(forms)), key=lambda i: fits[i].sum(), default=None)
        if best is not None and fits[best].all():
            return [f'    """{doc}"""', f"    return {forms[best][0]}"]
        majority = 2 * (sub & care).sum(1) > care.sum(1)
        sub = np.where(care, sub, majority[:, None])  # cells that cannot matter: as most of their row
        matched = [tuple(k for b, k in enumerate(ks) if row[b]) for row in sub]
        largest = Counter(matched).most_common(1)[0][0]
        looked_for = self.literal(head.key, largest[0]) if len(largest) == 1 else "None" if not largest else None
        layouts = [self.layout(head, doc, matched, [m != largest for m in matched],
                               self.match_text(head.key, largest, ks), looked_for)]
        if best is not None and fits[best].any():
            text, _, looked_for = forms[best]
            layouts.append(self.layout(head, doc, matched, list(~fits[best]), text, looked_for))
        return min(reversed(layouts), key=len)  # on a tie, the closed form

    def layout(self, head: Head, doc: str, matched: list[tuple], listed: list[bool], last: str,
               looked_for: Optional[str]) -> list[str]:
        """The `listed` query values by the key values they match (`matched`), then `last` for the others.
        A dict, query value -> the key value it looks for, if each listed value matches one key value at
        most and `last` is `key == looked_for`."""
        qs, ks = self.sets[head.query], self.sets[head.key]
        shown = [(q, m) for q, m, listed_q in zip(qs, matched, listed) if listed_q]
        if not shown:
            return [f'    """{doc}"""', f"    return {last}"]
        if looked_for is not None and all(len(m) <= 1 for _, m in shown):
            if looked_for == "None" or not all(m for _, m in shown):
                doc += "; None: no key"
            items = [f"{self.literal(head.query, q)}: {self.literal(head.key, m[0]) if m else 'None'}"
                     for q, m in shown]
            return [f'    """{doc}"""', *_block("    return key == {", items, f"}}.get(query, {looked_for})")]
        groups: dict[tuple, list[int]] = {}
        for q, m in shown:
            groups.setdefault(m, []).append(q)
        lines = [f'    """{doc}"""']
        for keys, queries in groups.items():
            test = (f"query == {self.literal(head.query, queries[0])}" if len(queries) == 1
                    else f"query in {self.set_literal(head.query, queries)}")
            lines += [f"    if {test}:", f"        return {self.match_text(head.key, keys, ks)}"]
        return lines + [f"    return {last}"]

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
        kept = [f"{k}: {v}" for k, v in entries.items() if v != default]
        self.emit("", f"# {name}: reads {reads}; every other input gives {default}")
        self.emit(*_block(f"{name}_table = {{", kept, "}"))
        return lookup.format(default=default)

    # ---------------------------------------------------------------------------- classifier
    def numbers(self, values: np.ndarray) -> str:
        text = [str(int(x)) if self.ints and x.is_integer() else repr(x) for x in map(float, values)]
        return "(" + ", ".join(text) + ("," if len(text) == 1 else "") + ")"

    def classifier(self, reads: list[int]) -> None:
        """Per variable, the rows of the values it can hold that are not all zero (adding zero changes no
        score), wrapped like tables."""
        self.emit("", "", f"classes = {tuple(self.cfg.classes)!r}", f"classifier_bias = {self.numbers(self.p.bias)}",
                  "# Per variable, value -> weights added to the scores; values not listed add nothing.",
                  "classifier_weights = {")
        for v in reads:
            rows = [f"{self.literal(v, s)}: {self.numbers(self.p.classifier[v, s])}" for s in self.sets[v]
                    if self.p.classifier[v, s].any()]
            self.emit(*_block(f"    {self.names[v]!r}: {{", rows, "},"))
        self.emit("}", "NO_WEIGHTS = (0,) * len(classes)", "", "",
                  "def classify(variables, i):",
                  '    """Scores: the bias plus each read variable\'s weights, summed in order; the first best class."""',
                  "    scores = list(classifier_bias)",
                  "    for name, weights in classifier_weights.items():",
                  "        scores = [s + w for s, w in zip(scores, weights.get(variables[name][i], NO_WEIGHTS))]",
                  "    return classes[scores.index(max(scores))]")

    # ----------------------------------------------------------------------------------- all
    def write(self) -> str:
        cfg, names = self.cfg, self.names
        live = self.p.live_variables()
        self.emit(f'"""Transformer Program for {self.task!r}, decompiled by weightsmith. Standalone: no imports.',
                  "",
                  f"run(tokens) -> one label per position; tokens[0] is {cfg.vocab[0]!r} (BOS), at most "
                  f"{cfg.max_len} tokens.",
                  f"Layers: {cfg.layers}; per layer {cfg.cat_heads} categorical heads, {cfg.count_heads} numerical heads, "
                  f"{cfg.mlps} MLPs ({int((~live[2:]).sum())} of {len(live) - 2} modules unused and left out).",
                  '"""', "", f"VOCAB = {tuple(cfg.vocab)!r}", f"MAX_LEN = {cfg.max_len}", f"CAUSAL = {cfg.causal}")
        scoped = any(self.scoped(m) for i, m in self.p.modules()
                     if live[i] and isinstance(m, Head) and m.kind == "count")
        self.emit(*(_RUNTIME + (_SCOPED_COUNT if scoped else _COUNT)).splitlines())
        body: list[str] = []
        for index, module in self.p.modules():
            if not live[index]:
                continue
            out = names[index]
            name = out[: -len("_outputs")]
            if isinstance(module, Head):
                k, q = names[module.key], names[module.query]
                if module.kind == "count":
                    body += _block(f"    {out} = count(", [k, q, *self.count_patterns(name, module),
                                                          *self.where(module)], ")", width=120)
                else:
                    order = [] if module.order == "closest" else [f"order={module.order!r}"]
                    body += _block(f"    {out} = attend(", [k, q, names[module.value], self.pattern(name, module),
                                                           *order], ")", width=120)
            else:
                lookup = self.table(name, module)
                body.append(f"    {out} = [{lookup} for i in range(n)]")
        reads = [int(v) for v in np.flatnonzero(self.p.reads) if self.p.classifier[v, self.sets[v]].any()]
        self.classifier(reads)
        self.emit("", "", "def run(tokens):", "    tokens = list(tokens)", "    n = len(tokens)",
                  "    if not 1 <= n <= MAX_LEN:",
                  '        raise ValueError(f"expected 1..{MAX_LEN} tokens, got {n}")',
                  "    for i, t in enumerate(tokens):",
                  "        if not any(t == v and type(t) is type(v) for v in VOCAB):",
                  '            raise ValueError(f"token {t!r} at position {i} is not in the vocabulary {VOCAB!r}")',
                  "    if not (tokens[0] == VOCAB[0] and type(tokens[0]) is type(VOCAB[0])):  # else it is read as BOS",
                  '        raise ValueError(f"tokens[0] is {tokens[0]!r}, not the BOS token {VOCAB[0]!r}")',
                  "    positions = list(range(n))", *body,
                  "    variables = locals()  # the classifier reads them by name",
                  "    return [classify(variables, i) for i in range(n)]")
        return "\n".join(self.lines) + "\n"


def _domains(program: DiscreteProgram) -> list[str]:
    """What each variable's values are: "tokens", "numbers" (positions and counts, and what heads copy
    from them) or the labels of one MLP ("mlp 12"): comparing values of different kinds, or ordering
    tokens or labels, would be true by accident, so patterns are not written that way."""
    domains = ["tokens", "numbers"]
    for index, module in program.modules():
        if isinstance(module, MLP):
            domains.append(f"mlp {index}")
        else:
            domains.append("numbers" if module.kind == "count" else domains[module.value])
    return domains


def _block(opening: str, items: list[str], closing: str, width: int = 100) -> list[str]:
    """`opening`, the items separated by commas, `closing`: wrapped to `width` columns, continuation lines
    aligned with the first item."""
    lines, current, empty = [], opening, True
    for k, item in enumerate(items):
        piece = item + ("," if k + 1 < len(items) else closing)
        if not empty and len(current) + 1 + len(piece) > width:
            lines.append(current)
            current, empty = " " * len(opening), True
        current += piece if empty else " " + piece
        empty = False
    return lines + [current + ("" if items else closing)]


def python_source(program: DiscreteProgram, task: str = "task") -> str:
    """The decompiled module's source text."""
    return _Writer(program, task).write()


def decompile_to_python(model: DiscreteProgram | TransformerProgramModel, path: str | Path, task: str = "task") -> Path:
    """Writes the standalone module of `model` (discretised first if it is the trainable model) to `path`,
    creating its missing folders: the one behaviour of every writer in the API (model and program saves,
    the exports, circuits, pictures)."""
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
