"""A differential fuzzer for the compiler: random RASP programs of every construct, compiled and run
against `rasp.evaluate` on every input (or many random ones); a causal model against the interpreter running the program's
causal form (`compiler.causal`).

Unlike `program_strategies` (well-typed programs the compiler must accept), these programs are not
kept compilable: categorical Aggregates average numbers and floats, Maps produce None, floats and
booleans, selectors use custom predicates and every combinator, s-ops feed comparisons and numerical
Aggregates while they can be None. The contract checked is the compiler's whole promise: a program
either compiles to a model equal to the interpreter wherever the interpreter is defined (it raises
nowhere), or is refused with a `CompileError`. Any other exception, or any wrong position, is a finding.

`random_case(seed)` is reproducible; `Case.source` reads as the program's code. Used by the fast test
(tests/compiler/test_fuzz.py) and the long run (benchmarks/fuzz_compiler.py).
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import numpy as np

from tests.program_strategies import _NUMBER_MAPS, _STR_MAPS, LETTERS, _int_maps, _int_pair_maps, _to_number_maps
from weightsmith import rasp
from weightsmith.compiler import CompileError, compile_program
from weightsmith.compiler.causal import causal_program
from weightsmith.verify import NumberLine, all_inputs, count_inputs, outputs_where_defined, random_inputs

INT, STR, NUM = "int", "str", "num"  # categorical int-like (ints, floats, bools, None), str, numerical

# Beyond program_strategies' menus: None, floats and booleans as categorical values.
_WILD_MAPS: list[tuple[str, Callable[[Any], Any]]] = [
    ("x if x % 2 else None", lambda x: x if x % 2 else None),
    ("x / 2", lambda x: x / 2),
    ("x * 0.1", lambda x: x * 0.1),
    ("x > 1", lambda x: x > 1),
    ("None if x == 0 else x - 1", lambda x: None if x == 0 else x - 1),
]
_WILD_PAIR_MAPS: list[tuple[str, Callable[[Any, Any], Any]]] = [
    ("x if x != y else None", lambda x, y: x if x != y else None),
    ("(x + y) / 2", lambda x, y: (x + y) / 2),
    ("x * y", lambda x, y: x * y),
]
_PREDICATES: list[tuple[str, Callable[[Any, Any], bool]]] = [
    ("k == q - 1", lambda k, q: k == q - 1),
    ("(k + q) % 2 == 0", lambda k, q: (k + q) % 2 == 0),
    ("abs(k - q) <= 1", lambda k, q: abs(k - q) <= 1),
    ("k is None", lambda k, q: k is None),
]
_STR_PREDICATES: list[tuple[str, Callable[[Any, Any], bool]]] = [
    ("k < q", lambda k, q: k < q),
    ("k != 'a'", lambda k, q: k != "a"),
]


@dataclass
class _Node:
    expr: rasp.RASPExpr
    name: str
    kind: Optional[str]  # None for selectors


@dataclass
class Case:
    program: rasp.SOp
    vocab: list
    max_seq_len: int
    causal: bool
    lines: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        head = f"# vocab={self.vocab!r}, max_seq_len={self.max_seq_len}, causal={self.causal}"
        return "\n".join([head, *self.lines])


class _Builder:
    def __init__(self, rng: random.Random, vocab: list, max_seq_len: int, deep: bool):
        self.rng = rng
        self.max_seq_len = max_seq_len
        self.deep = deep  # mostly chain on the newest s-op
        self.lines: list[str] = []
        self.sops = [_Node(rasp.indices, "indices", INT), _Node(rasp.length, "length", INT),
                     _Node(rasp.tokens, "tokens", STR if isinstance(vocab[0], str) else INT)]
        self.selectors: list[_Node] = []

    def add(self, expr: rasp.RASPExpr, source: str, kind: Optional[str]) -> _Node:
        name = f"v{len(self.lines)}"
        expr = expr.named(name)
        if kind == NUM:
            expr = rasp.numerical(expr)
        self.lines.append(f"{name} = {source}")
        node = _Node(expr, name, kind)
        (self.selectors if kind is None else self.sops).append(node)
        return node

    def pick(self, pool: list[_Node], kinds: tuple = (INT, STR, NUM)) -> Optional[_Node]:
        choices = [n for n in reversed(pool) if n.kind in kinds or n.kind is None]
        if not choices:
            return None
        if self.rng.random() < (0.8 if self.deep else 0.4):
            return choices[0]
        return self.rng.choice(choices)

    def const(self) -> int:
        return self.rng.randint(0, 3)

    # -------------------------------------------------------------------------- s-ops
    def map(self) -> bool:
        x = self.pick(self.sops)
        if x.kind == STR:
            text, f = self.rng.choice(_STR_MAPS)
        elif x.kind == NUM:
            t = self.rng.choice((0, 0.25, 0.5, 1))
            text, f = f"int(x > {t})", (lambda v, t=t: int(v > t))
        else:
            text, f = self.rng.choice(_int_maps(self.const()) + _WILD_MAPS)
        self.add(rasp.Map(f, x.expr), f"Map(lambda x: {text}, {x.name})", INT)
        return True

    def numerical_map(self) -> bool:
        x = self.pick(self.sops, (INT, NUM))
        if x is None:
            return False
        if x.kind == INT:
            text, f = self.rng.choice(_to_number_maps(self.const()) + [("x / 3", lambda v: v / 3)])
        else:
            text, f = self.rng.choice(_NUMBER_MAPS)
        self.add(rasp.Map(f, x.expr), f"numerical(Map(lambda x: {text}, {x.name}))", NUM)
        return True

    def sequence_map(self) -> bool:
        x = self.pick(self.sops, (INT,))
        y = self.rng.choice([n for n in self.sops if n.kind == INT])
        text, f = self.rng.choice(_int_pair_maps(self.const()) + _WILD_PAIR_MAPS)
        self.add(rasp.SequenceMap(f, x.expr, y.expr), f"SequenceMap(lambda x, y: {text}, {x.name}, {y.name})", INT)
        return True

    def linear_sequence_map(self) -> bool:
        x = self.pick(self.sops, (NUM, INT))
        y = self.rng.choice([n for n in self.sops if n.kind in (NUM, INT)])
        a, b = self.rng.choice([1, -1, 2, 0.5]), self.rng.choice([1, -1, 2, 0.5])
        self.add(rasp.LinearSequenceMap(x.expr, y.expr, a, b),
                 f"numerical(LinearSequenceMap({x.name}, {y.name}, {a}, {b}))", NUM)
        return True

    def constant(self) -> bool:
        if self.rng.random() < 0.7:
            fill = self.rng.choice([self.const(), 0.5, "a"])
            self.add(rasp.Full(fill), f"Full({fill!r})", STR if isinstance(fill, str) else INT)
        else:  # defined on inputs of exactly its length
            n = self.rng.randint(1, self.max_seq_len)
            value = [self.const() for _ in range(n)]
            self.add(rasp.ConstantSOp(value), f"ConstantSOp({value!r})", INT)
        return True

    def selector_width(self) -> bool:
        s = self.pick(self.selectors)  # None while there is no selector yet
        if s is not None:
            self.add(rasp.SelectorWidth(s.expr), f"SelectorWidth({s.name})", INT)
        return s is not None

    def aggregate(self) -> bool:
        if not self.selectors:
            return False
        s = self.pick(self.selectors)
        sop = self.pick(self.sops)
        if sop.kind == NUM or (sop.kind == INT and self.rng.random() < 0.25):  # numerical: means
            default = self.rng.choice([0, 1, None])
            self.add(rasp.numerical(rasp.Aggregate(s.expr, sop.expr, default=default)),
                     f"numerical(Aggregate({s.name}, {sop.name}, default={default!r}))", NUM)
            return True
        default = None
        if self.rng.random() < 0.5:
            default = LETTERS[self.const()] if sop.kind == STR else self.const()
        self.add(rasp.Aggregate(s.expr, sop.expr, default=default),
                 f"Aggregate({s.name}, {sop.name}, default={default!r})", sop.kind)
        return True

    # -------------------------------------------------------------------------- selectors
    def select(self) -> bool:
        keys = self.pick(self.sops)
        same = [n for n in self.sops if (n.kind == STR) == (keys.kind == STR)]
        queries = self.rng.choice(same)
        if self.rng.random() < 0.7:
            cmp = self.rng.choice(list(rasp.Comparison))
            self.add(rasp.Select(keys.expr, queries.expr, cmp), f"Select({keys.name}, {queries.name}, {cmp})", None)
        else:
            text, f = self.rng.choice(_STR_PREDICATES if keys.kind == STR else _PREDICATES)
            self.add(rasp.Select(keys.expr, queries.expr, f),
                     f"Select({keys.name}, {queries.name}, lambda k, q: {text})", None)
        return True

    def combine(self) -> bool:
        if not self.selectors:
            return False
        a = self.pick(self.selectors)
        op = self.rng.choice(["and", "or", "not"])
        if op == "not":
            self.add(rasp.SelectorNot(a.expr), f"SelectorNot({a.name})", None)
            return True
        b = self.rng.choice(self.selectors)
        cls = rasp.SelectorAnd if op == "and" else rasp.SelectorOr
        self.add(cls(a.expr, b.expr), f"{cls.__name__}({a.name}, {b.name})", None)
        return True


def random_case(seed: int, max_ops: int = 10) -> Case:
    """A random program (1..max_ops operations besides selectors), vocab of 2-6 tokens, length 3-8."""
    rng = random.Random(seed)
    size = rng.randint(2, 6)
    vocab: list = list(LETTERS[:size]) if rng.random() < 0.3 else list(range(size))
    max_seq_len = rng.randint(3, 8)
    builder = _Builder(rng, vocab, max_seq_len, deep=rng.random() < 0.5)
    weighted = [(builder.map, 3), (builder.numerical_map, 2), (builder.sequence_map, 2),
                (builder.linear_sequence_map, 1), (builder.constant, 1), (builder.selector_width, 2),
                (builder.aggregate, 4), (builder.select, 4), (builder.combine, 2)]
    ops = [op for op, w in weighted for _ in range(w)]
    made, n_ops = 0, rng.randint(1, max_ops)
    while made < n_ops:
        op = rng.choice(ops)
        if op():
            made += op not in (builder.select, builder.combine)
    return Case(builder.sops[-1].expr, vocab, max_seq_len, rng.random() < 0.3, builder.lines)


# ------------------------------------------------------------------------------ checking


@dataclass
class Outcome:
    """What one case gave: compiled (and how it compared), refused (why), or crashed (a finding)."""

    status: str  # "compiled", "refused", "crashed"
    reason: str = ""  # refusals and crashes: the message, labels and numbers blanked out
    n_inputs: int = 0  # inputs compared
    n_undefined: int = 0  # inputs where the interpreter raises (not compared)
    n_wrong: int = 0  # compared inputs with a wrong position
    first_wrong: Optional[tuple] = None  # (input, model output, interpreter output)
    exhaustive: bool = False


def reason_of(err: BaseException) -> str:
    """An error message as a refusal class: quoted labels, values and numbers blanked."""
    text = str(err) if isinstance(err, CompileError) else f"{type(err).__name__}: {err}"
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]|\([^)]*\)|-?\d+(\.\d+)?(e-?\d+)?", "_", text)
    return re.sub(r"\s+", " ", text).strip()[:100]


def check(case: Case, exhaustive_limit: int = 4_000, n_random: int = 1_000, seed: int = 0) -> Outcome:
    """Compile `case` and compare with the interpreter (every input up to `exhaustive_limit` of them)."""
    try:
        compiled = compile_program(case.program, case.vocab, case.max_seq_len, causal=case.causal)
    except CompileError as err:
        return Outcome("refused", reason_of(err))
    except Exception as err:  # noqa: BLE001 - anything but CompileError is a finding
        return Outcome("crashed", reason_of(err))
    vocab = sorted(case.vocab, key=repr)
    exhaustive = count_inputs(len(vocab), case.max_seq_len) <= exhaustive_limit
    inputs = list(all_inputs(vocab, case.max_seq_len) if exhaustive
                  else random_inputs(vocab, case.max_seq_len, n_random, seed))
    try:
        expected = _expected(case, inputs)
        # the model promises nothing where the program is undefined (it may even refuse to decode there)
        defined = [xs for xs in inputs if tuple(xs) in expected]
        got = compiled.run_batch(defined)
    except Exception as err:  # noqa: BLE001
        return Outcome("crashed", "running: " + reason_of(err))
    outcome = Outcome("compiled", exhaustive=exhaustive, n_undefined=len(inputs) - len(defined))
    line = NumberLine(compiled.output_values) if compiled.config.output_encoding == "numerical" else None
    for xs, ours in zip(defined, got):
        theirs = expected[tuple(xs)]
        outcome.n_inputs += 1
        if not _same_outputs(ours, theirs, line):
            outcome.n_wrong += 1
            outcome.first_wrong = outcome.first_wrong or (xs, ours, theirs)
    return outcome


def _expected(case: Case, inputs: list[list]) -> dict[tuple, list]:
    """The interpreter's output on each input where it is defined: of the program, or of its causal form
    (`compiler.causal`: each query sees keys at or before it, `length` is the length so far), which is
    what a causal model promises."""
    program = causal_program(case.program)[0] if case.causal else case.program
    return outputs_where_defined(program, inputs)


def _same_outputs(ours: list, theirs: list, line: Optional[NumberLine]) -> bool:
    if len(ours) != len(theirs):
        return False
    if line is not None:  # numbers: the nearest of the model's possible values (None is held as 0)
        got = np.array([math.nan if o is None else float(o) for o in ours])
        want = np.array([0.0 if t is None else float(t) for t in theirs])
        return bool(np.isfinite(got).all() and line.same(got, want).all())
    return all(_same(o, t) for o, t in zip(ours, theirs))


def _same(a: Any, b: Any) -> bool:
    """Numbers by value up to float64 twins (1e-9 relative), None only None, others equal."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    return (a is None) == (b is None) and a == b


def tally(outcomes: list[Outcome]) -> dict:
    """Counts for a table: programs, compiled, refused by reason, crashed, mismatching programs/inputs."""
    compiled = [o for o in outcomes if o.status == "compiled"]
    return {
        "programs": len(outcomes),
        "compiled": len(compiled),
        "refused": sum(o.status == "refused" for o in outcomes),
        "crashed": sum(o.status == "crashed" for o in outcomes),
        "mismatching_programs": sum(o.n_wrong > 0 for o in compiled),
        "inputs_compared": sum(o.n_inputs for o in compiled),
        "inputs_undefined": sum(o.n_undefined for o in compiled),
        "inputs_wrong": sum(o.n_wrong for o in compiled),
        "exhaustive_programs": sum(o.exhaustive for o in compiled),
        "refusal_reasons": dict(Counter(o.reason for o in outcomes if o.status == "refused").most_common()),
        "crash_reasons": dict(Counter(o.reason for o in outcomes if o.status == "crashed").most_common()),
    }
