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

import dataclasses
import math
import random
import tempfile
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np
import torch

from tests.program_strategies import _NUMBER_MAPS, _STR_MAPS, LETTERS, _int_maps, _int_pair_maps, _to_number_maps
from weightsmith import rasp
from weightsmith import library as lib
from weightsmith.compiler import CompiledModel, CompileError, compile_program, compile_rasp_to_model
from weightsmith.compiler.causal import causal_program
from weightsmith.compose import ComposedModel, ComposeError, pipe, switch
from weightsmith.learn import to_rasp, to_transformer
from weightsmith.model import Transformer, load, save
from weightsmith.model.transformer import nearest_index
from weightsmith.rasp.domain import check_domain
from weightsmith.rasp.errors import InputError
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
# Values users meet that the menus above miss: negatives, large ints, numbers 1e-9 apart, float
# rounding (0.1 + 0.2), an int map with float results on some arguments, floats equal to ints.
_VALUE_MAPS: list[tuple[str, Callable[[Any], Any]]] = [
    ("-x", lambda x: -x),
    ("x * 1000003", lambda x: x * 1000003),
    ("1 + x * 1e-9", lambda x: 1 + x * 1e-9),
    ("x + 0.1", lambda x: x + 0.1),
    ("x if x > 1 else 0.5", lambda x: x if x > 1 else 0.5),
    ("float(x)", lambda x: float(x)),
    ("x == 1", lambda x: x == 1),
]
_WILD_PAIR_MAPS: list[tuple[str, Callable[[Any, Any], Any]]] = [
    ("x if x != y else None", lambda x, y: x if x != y else None),
    ("(x + y) / 2", lambda x, y: (x + y) / 2),
    ("x * y", lambda x, y: x * y),
    ("x + y * 0.1", lambda x, y: x + y * 0.1),
    ("x and y", lambda x, y: x and y),
]
_TO_NUMBER_MAPS: list[tuple[str, Callable[[Any], Any]]] = [  # numerical Maps of int-like s-ops
    ("x / 3", lambda x: x / 3),
    ("x * 1e-6", lambda x: x * 1e-6),
    ("float(x)", lambda x: float(x)),
    ("-x", lambda x: -x),
]
_MORE_NUMBER_MAPS: list[tuple[str, Callable[[Any], Any]]] = [  # numerical Maps of numbers
    ("-x / 3", lambda x: -x / 3),
    ("x * 1e-6", lambda x: x * 1e-6),
    ("1 + x * 1e-9", lambda x: 1 + x * 1e-9),
    ("round(x)", lambda x: round(x)),
    ("x if x > 1 else 0.5", lambda x: x if x > 1 else 0.5),
    ("x * 1000003", lambda x: x * 1000003),
]
_TO_TEXT_MAPS: list[tuple[str, Callable[[Any], Any]]] = [
    ("str(x)", str),
    ("'n' if x is None else 'é' * (x > 1)", lambda x: "n" if x is None else "é" * (x > 1)),
]
_TEXT_MAPS: list[tuple[str, Callable[[Any], Any]]] = [  # any strings -> int-like
    ("len(x)", len),
    ("x.strip() == ''", lambda x: x.strip() == ""),
    ("ord(x[0]) if x else -1", lambda x: ord(x[0]) if x else -1),
]
_TEXT_TO_TEXT_MAPS: list[tuple[str, Callable[[Any], Any]]] = [
    ("x + '!'", lambda x: x + "!"),
    ("x[:1]", lambda x: x[:1]),
    ("x.upper()", lambda x: x.upper()),
]
_PREDICATES: list[tuple[str, Callable[[Any, Any], bool]]] = [
    ("k == q - 1", lambda k, q: k == q - 1),
    ("(k + q) % 2 == 0", lambda k, q: (k + q) % 2 == 0),
    ("abs(k - q) <= 1", lambda k, q: abs(k - q) <= 1),
    ("k is None", lambda k, q: k is None),
    ("str(k) == str(q)", lambda k, q: str(k) == str(q)),  # tells 1 from 1.0 and True: retyped numbers
    ("type(k) is float", lambda k, q: type(k) is float),
]
_STR_PREDICATES: list[tuple[str, Callable[[Any, Any], bool]]] = [
    ("k < q", lambda k, q: k < q),
    ("k != 'a'", lambda k, q: k != "a"),
    ("len(k) <= len(q)", lambda k, q: len(k) <= len(q)),
]
_RANKS: list[tuple[str, Callable[[int, int], Any]]] = [  # SelectPreferred: first, last, closest match
    ("k", lambda k, q: k), ("-k", lambda k, q: -k), ("abs(k - q)", lambda k, q: abs(k - q)),
]

# Vocabularies: (what, weight, tokens); a draw takes 2-6 of them (order kept). Large ones are drawn apart.
_VOCABS: list[tuple[str, int, list]] = [
    ("ints", 30, list(range(6))),
    ("letters", 15, list(LETTERS)),
    ("negative ints", 8, [-5, -3, -2, -1, 0, 1, 4]),
    ("floats of mixed magnitude", 8, [-2.5, -0.001, 0.001, 0.1, 0.5, 3.25, 1000.0, 123456.5]),
    ("large ints", 5, [-10**9, -7, 0, 3, 10**6, 10**9 + 7, 2**40]),
    ("mixed ints and floats", 8, [-1, 0, 0.5, 1.5, 2, 3.0, True]),
    ("text with spaces and unicode", 8, ["a b", " ", "é", "日本", "", "A", "ß", "a"]),
]
# LinearClassifier classes: a kind each, or equal numbers of different types (distinct classes to it).
_CLASSES: list[tuple] = [(0, 1, 2, 3), ("no", "yes", "maybe"), (False, True), (0.5, -1.5, 2.0),
                         (1, 1.0, True, "1"), (0, False, 0.0), ("a", 1, "b")]
_QUARTER_SCORES = [-2, -1, -0.25, 0, 0.5, 1, 3]  # sums exact in float64: compiled without quantising
_LARGE_VOCAB = 8  # weight of a vocabulary of 33-48 ints (past compact.COMPACT_ABOVE: ±1 codes), lengths 1-2
_BOOLS = 4  # weight of [False, True]
LONG = 0.1  # the ninth reach's share of cases: 2-3 tokens at lengths 12-24 (means of many values, long widths)
EXHAUSTIVE_FORCED = 50_000  # at most this many inputs for analysis="exhaustive" (2M took 139 s to refuse)
_BOS = ["BOS", "<s>", "bos", "[CLS]", "⟨bos⟩"]
_PAD = ["PAD", "<pad>", "", None, "BOS"]  # None: Tracr's default (no padding token given); "BOS": the same as BOS


@dataclass
class _Node:
    expr: rasp.RASPExpr
    name: str
    kind: Optional[str]  # None for selectors


@dataclass
class Case:
    """One random program and how to compile it: `compile_program` with `options` (its keyword arguments:
    analysis, reuse, compact_above), Tracr's `compile_rasp_to_model` with its arguments (`tracr_api`: the
    vocabulary as a set, `compiler_bos`, `compiler_pad`), or, for a learned program (`learned`, a
    `DiscreteProgram` whose decompiled RASP is `program`), `learn.to_transformer.compile_program`.
    `saved`: the model is compared after a save and load (safetensors + JSON), `float64` converted to float64
    before it is saved; `compose`: "switch" or "pipe" with a second random model (`partner_case`)."""

    program: rasp.SOp
    vocab: list
    max_seq_len: int
    causal: bool
    lines: list[str] = field(default_factory=list)
    tracr_api: bool = False
    bos: str = "BOS"
    pad: Optional[str] = "PAD"
    options: dict = field(default_factory=dict)
    learned: Any = None  # a weightsmith.learn.program.DiscreteProgram
    saved: bool = False
    float64: bool = False
    compose: Optional[str] = None
    seed: int = 0

    @property
    def source(self) -> str:
        how = f", compiler_bos={self.bos!r}, compiler_pad={self.pad!r}" if self.tracr_api else ""
        how += "".join(f", {k}={v!r}" for k, v in self.options.items())
        how += ", in float64" * self.float64 + ", saved and loaded" * self.saved
        how += f", composed: {self.compose}" if self.compose else ""
        head = f"# vocab={self.vocab!r}, max_seq_len={self.max_seq_len}, causal={self.causal}{how}"
        return "\n".join([head, *self.lines])

    def compile(self) -> CompiledModel:
        if self.learned is not None:
            return to_transformer.compile_program(self.learned)
        if self.tracr_api:
            return compile_rasp_to_model(self.program, set(self.vocab), self.max_seq_len, causal=self.causal,
                                         compiler_bos=self.bos, compiler_pad=self.pad)
        return compile_program(self.program, self.vocab, self.max_seq_len, causal=self.causal, **self.options)


class _Builder:
    def __init__(self, rng: random.Random, vocab: list, max_seq_len: int, deep: bool, causal: bool,
                 long: bool = False):
        self.rng = rng
        self.long = long  # the ninth reach (`random_case`): constant predicates on the tokens too
        self.vocab = vocab
        self.max_seq_len = max_seq_len
        self.deep = deep  # mostly chain on the newest s-op
        self.causal = causal
        self.loops = 0  # loops made so far (at most two)
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

    def token(self) -> Any:
        return self.rng.choice(self.vocab)

    # -------------------------------------------------------------------------- s-ops
    def map(self) -> bool:
        x = self.pick(self.sops)
        kind = INT
        if x.kind == STR:
            letters = all(t in LETTERS for t in self.vocab if isinstance(t, str))
            if self.rng.random() < 0.3:
                (text, f), kind = self.rng.choice(_TEXT_TO_TEXT_MAPS), STR
            else:
                text, f = self.rng.choice(_TEXT_MAPS + (_STR_MAPS if letters else []))
        elif x.kind == NUM:
            t = self.rng.choice((0, 0.25, 0.5, 1))
            text, f = f"int(x > {t})", (lambda v, t=t: int(v > t))
        elif self.rng.random() < 0.1:
            (text, f), kind = self.rng.choice(_TO_TEXT_MAPS), STR
        else:
            text, f = self.rng.choice(_int_maps(self.const()) + _WILD_MAPS + _VALUE_MAPS)
        self.add(rasp.Map(f, x.expr), f"Map(lambda x: {text}, {x.name})", kind)
        return True

    def numerical_map(self) -> bool:
        x = self.pick(self.sops, (INT, NUM))
        if x is None:
            return False
        if x.kind == INT:
            text, f = self.rng.choice(_to_number_maps(self.const()) + _TO_NUMBER_MAPS)
        else:
            text, f = self.rng.choice(_NUMBER_MAPS + _MORE_NUMBER_MAPS)
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
            fill = self.rng.choice([self.const(), 0.5, "a", -2, "日 本"])
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
        selector, sel_text = s.expr, s.name
        if self.rng.random() < 0.1:  # at most one key: always a copy
            text, rank = self.rng.choice(_RANKS)
            selector, sel_text = rasp.SelectPreferred(s.expr, rank), f"SelectPreferred({s.name}, lambda k, q: {text})"
        sop = self.pick(self.sops)
        if sop.kind == NUM or (sop.kind == INT and self.rng.random() < 0.25):  # numerical: means
            default = self.rng.choice([0, 1, None, 0.5, -1])
            self.add(rasp.numerical(rasp.Aggregate(selector, sop.expr, default=default)),
                     f"numerical(Aggregate({sel_text}, {sop.name}, default={default!r}))", NUM)
            return True
        default = None
        if self.rng.random() < 0.5:
            default = self.token() if sop.kind == STR else self.rng.choice([self.const(), -1, 0.5])
        self.add(rasp.Aggregate(selector, sop.expr, default=default),
                 f"Aggregate({sel_text}, {sop.name}, default={default!r})", sop.kind)
        return True

    def annotation(self) -> bool:
        """An encoding set on an s-op already built (a copy, as in Tracr), set twice, or compact/one-hot."""
        x = self.pick(self.sops)
        how = self.rng.choice(["categorical", "numerical", "twice", "compact", "one_hot"])
        if how == "categorical":
            self.add(rasp.categorical(x.expr), f"categorical({x.name})", INT if x.kind == NUM else x.kind)
        elif how == "numerical":
            self.add(rasp.numerical(x.expr), f"numerical({x.name})", NUM)
        elif how == "twice":
            first, last = self.rng.choice([(rasp.numerical, rasp.categorical), (rasp.categorical, rasp.numerical)])
            kind = NUM if last is rasp.numerical else (INT if x.kind == NUM else x.kind)
            self.add(last(first(x.expr)), f"{last.__name__}({first.__name__}({x.name}))", kind)
        else:
            mark = rasp.compact if how == "compact" else rasp.one_hot
            self.add(mark(x.expr), f"{how}({x.name})", x.kind)
        return True

    def library(self) -> bool:
        """Tracr's `lib` programs, on the s-ops built so far and composed with each other."""
        x = self.pick(self.sops)
        y = self.rng.choice(self.sops)
        n = self.max_seq_len
        a, b = self.token(), self.token()
        made: list[tuple[rasp.SOp, str, str]] = [
            (lib.make_length(), "make_length()", INT),
            (lib.make_hist(), "make_hist()", INT),
            (lib.make_reverse(x.expr), f"make_reverse({x.name})", x.kind),
            (lib.shift_by(1, x.expr), f"shift_by(1, {x.name})", x.kind),
            (lib.make_sort_unique(x.expr, y.expr), f"make_sort_unique({x.name}, {y.name})", x.kind),
            (lib.make_sort(x.expr, y.expr, max_seq_len=n, min_key=1),
             f"make_sort({x.name}, {y.name}, max_seq_len={n}, min_key=1)", x.kind),
            (lib.make_frac_prevs(rasp.Map(lambda v, a=a: v == a, x.expr)),
             f"make_frac_prevs(Map(lambda v: v == {a!r}, {x.name}))", NUM),
            (lib.make_frac_prevs(x.expr), f"make_frac_prevs({x.name})", NUM),
            (lib.make_pair_balance(x.expr, a, b), f"make_pair_balance({x.name}, {a!r}, {b!r})", NUM),
            (lib.make_count(x.expr, a), f"make_count({x.name}, {a!r})", INT),
            (lib.detect_pattern(x.expr, [a, b]), f"detect_pattern({x.name}, {[a, b]!r})", INT),
            (lib.make_nary_sequencemap(lambda u, v, w: u + v - w, x.expr, y.expr, rasp.indices),
             f"make_nary_sequencemap(lambda u, v, w: u + v - w, {x.name}, {y.name}, indices)", INT),
            (lib.make_sort_freq(n), f"make_sort_freq({n})", INT),
            (lib.make_count_less_freq(2), "make_count_less_freq(2)", INT),
            (lib.make_double_hist(), "make_double_hist()", INT),
            (lib.make_mode(), "make_mode()", INT),
        ]
        if a != b:
            made.append((lib.make_shuffle_dyck([(a, b)]), f"make_shuffle_dyck([{(a, b)!r}])", INT))
        self.add(*self.rng.choice(made))
        return True

    def loop(self) -> bool:
        """A loop on an int-like s-op: a step towards 0 or a cycle, halting when every position (a halt
        the same everywhere) or each position (it may differ: undefined there) is small. Half of them
        carry a second state (a running sum, or a copy of an outside s-op the step reads) and read it
        back; a program may hold two loops (refused: one looped block a model) or a loop on a loop's result."""
        x = self.pick(self.sops, (INT,))
        if self.loops >= 2 or self.causal or x is None:  # a causal loop is refused
            return False
        self.loops += 1
        c = self.const()
        (step_text, step), uniform = self.rng.choice(
            [("max(v - 1, 0)", lambda v: max(v - 1, 0)), ("(v + 1) % 4", lambda v: (v + 1) % 4)]), self.rng.random() < 0.6
        if uniform:
            def halt(s: dict) -> rasp.SOp:
                return rasp.Map(lambda w: w == 0, rasp.SelectorWidth(rasp.Select(s["x"], s["x"], lambda k, q: k > c)))
            halt_text = f"Map(lambda w: w == 0, SelectorWidth(Select(s['x'], s['x'], lambda k, q: k > {c})))"
        else:
            def halt(s: dict) -> rasp.SOp:
                return rasp.Map(lambda v: v <= c, s["x"])
            halt_text = f"Map(lambda v: v <= {c}, s['x'])"
        state, state_text = {"x": x.expr}, f"{{'x': {x.name}}}"
        second = self.rng.choice([None, "sum", "outside"])
        y = self.rng.choice([n for n in self.sops if n.kind == INT])
        if second == "sum":  # y += x each step, kept small
            state["y"], state_text = y.expr, f"{{'x': {x.name}, 'y': {y.name}}}"

            def updates(s: dict) -> dict:
                return {"x": rasp.Map(step, s["x"]), "y": rasp.SequenceMap(lambda a, b: (a + b) % 5, s["y"], s["x"])}
            step_source = (f"{{'x': Map(lambda v: {step_text}, s['x']), "
                           "'y': SequenceMap(lambda a, b: (a + b) % 5, s['y'], s['x'])}")
        elif second == "outside":  # the step reads an s-op computed before the loop
            def updates(s: dict) -> dict:
                return {"x": rasp.SequenceMap(lambda v, w: step(v) if w != 0 else v, s["x"], y.expr)}
            step_source = f"{{'x': SequenceMap(lambda v, w: ({step_text}) if w != 0 else v, s['x'], {y.name})}}"
        else:
            def updates(s: dict) -> dict:
                return {"x": rasp.Map(step, s["x"])}
            step_source = f"{{'x': Map(lambda v: {step_text}, s['x'])}}"
        max_steps = self.rng.randint(0, 5)
        loop = rasp.Loop(state=state, step=updates, halt=halt, max_steps=max_steps)
        what = self.rng.choice(["x", "steps", "halted"] + (["y"] if "y" in state else []))
        result = loop[what] if what in state else getattr(loop, what)
        kind = NUM if what == "steps" else INT
        name = f"v{len(self.lines)}"
        self.lines.append(f"{name}_loop = Loop(state={state_text}, step=lambda s: {step_source}, "
                          f"halt=lambda s: {halt_text}, max_steps={max_steps})")
        self.add(result, f"{name}_loop{[what] if what in state else '.' + what}", kind)
        return True

    def classifier(self) -> None:
        """A `LinearClassifier` on 1-3 s-ops as the output (it compiles only there): random score
        tables over values the s-ops may hold, classes of one kind or equal numbers of different types."""
        inputs = [self.pick(self.sops, (INT, STR, NUM)) for _ in range(self.rng.randint(1, 3))]
        classes = self.rng.choice(_CLASSES)
        classes = classes[:self.rng.randint(2, len(classes))]
        scores = _QUARTER_SCORES if self.rng.random() < 0.8 else [round(self.rng.uniform(-2, 2), 3) for _ in range(6)]
        tables = []
        for x in inputs:
            keys = self.vocab if x.kind == STR else [*range(-1, 6), 0.5, True]
            picked = self.rng.sample(keys, self.rng.randint(1, len(keys)))
            tables.append({k: [self.rng.choice(scores) for _ in classes] for k in picked})
        bias = [self.rng.choice(scores) for _ in classes]
        self.add(rasp.LinearClassifier([x.expr for x in inputs], tables, bias, classes),
                 f"LinearClassifier([{', '.join(x.name for x in inputs)}], {tables!r}, {bias!r}, {classes!r})", INT)

    # -------------------------------------------------------------------------- selectors
    def select(self) -> bool:
        if self.long and self.rng.random() < 0.2:  # reads no token, but may be merged with atoms that read others
            cmp, queries = self.rng.choice([rasp.Comparison.TRUE, rasp.Comparison.FALSE]), self.rng.choice(self.sops)
            self.add(rasp.Select(rasp.tokens, queries.expr, cmp), f"Select(tokens, {queries.name}, {cmp})", None)
            return True
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


def _vocab(rng: random.Random) -> tuple[list, int]:
    """A vocabulary and max_seq_len: 2-6 tokens of one kind (lengths 1-8), or 33-48 ints (lengths 1-2)."""
    kinds = [(tokens, w) for _, w, tokens in _VOCABS] + [(None, _LARGE_VOCAB), ([False, True], _BOOLS)]
    tokens = rng.choices([t for t, _ in kinds], weights=[w for _, w in kinds])[0]
    if tokens is None:
        return list(range(rng.randint(33, 48))), rng.randint(1, 2)
    size = min(len(tokens), rng.randint(2, 6))
    picked = sorted(rng.sample(range(len(tokens)), size))
    return [tokens[i] for i in picked], rng.choice([1, 2] + list(range(3, 9)) * 3)


def random_case(seed: int, max_ops: int = 10) -> Case:
    """A random program (1..max_ops operations besides selectors; 1 in 10 up to max_ops + 6), over a
    vocabulary of one value kind (`_VOCABS`), 1 in 10 ending in a LinearClassifier; 1 in 3 compiled through
    Tracr's API and arguments, 1 in 4 of the others with `compile_program`'s options. 1 in 12 cases is a
    learned program instead (`_learned_case`). 1 in 4 models is saved and loaded before it is compared,
    1 in 5 composed with a second random model; 1 in 3 saved ones converted to float64 first. The ninth reach
    (its own stream, so the other cases are unchanged): 1 in 10 programs over 2-3 tokens at lengths 12-24, whose
    selects may compare the tokens by TRUE or FALSE (one finding each, fzz23)."""
    rng = random.Random(seed)
    long = random.Random(f"ninth reach {seed}")  # its own stream: the other cases stay as they were
    if rng.random() < 1 / 12:
        case = _learned_case(rng)
    else:
        vocab, max_seq_len = _vocab(rng)
        reach = long.random() < LONG
        if reach:
            vocab, max_seq_len = long.choice([[0, 1], [0, 1, 2], ["a", "b"], [-1, 0.5, 2]]), long.randint(12, 24)
        case = _program_case(rng, vocab, max_seq_len, max_ops, rng.random() < 0.3, long=reach)
        case.tracr_api = rng.random() < 0.3
        if case.tracr_api:
            case.bos, case.pad = rng.choice(_BOS), rng.choice(_PAD)
        elif rng.random() < 0.25:  # "exhaustive" forced only where "auto" could choose it (its cost is the inputs')
            small = count_inputs(len(vocab), max_seq_len) <= EXHAUSTIVE_FORCED
            case.options = {"analysis": rng.choice(["auto", "static"] + ["exhaustive"] * small),
                            "reuse": rng.random() < 0.5, "compact_above": rng.choice([None, 1, 2, 4])}
    case.saved = rng.random() < 0.25
    case.compose = rng.choice(["switch", "pipe"]) if rng.random() < 1 / 5 else None
    case.float64 = case.saved and rng.random() < 1 / 3  # drawn last: the seventh reach's cases stay as they were
    case.seed = seed
    return case


def _program_case(rng: random.Random, vocab: list, max_seq_len: int, max_ops: int, causal: bool,
                  long: bool = False) -> Case:
    builder = _Builder(rng, vocab, max_seq_len, deep=rng.random() < 0.5, causal=causal, long=long)
    weighted = [(builder.map, 3), (builder.numerical_map, 2), (builder.sequence_map, 2),
                (builder.linear_sequence_map, 1), (builder.constant, 1), (builder.selector_width, 2),
                (builder.aggregate, 4), (builder.select, 4), (builder.combine, 2), (builder.annotation, 1),
                (builder.library, 2), (builder.loop, 1)]
    ops = [op for op, w in weighted for _ in range(w)]
    made, n_ops = 0, rng.randint(1, max_ops + (6 if rng.random() < 0.1 else 0))
    while made < n_ops:
        op = rng.choice(ops)
        if op():
            made += op not in (builder.select, builder.combine)
    if rng.random() < 0.1:
        builder.classifier()
    return Case(builder.sops[-1].expr, vocab, max_seq_len, causal, builder.lines)


def partner_case(case: Case, model: CompiledModel, offset: int = 1) -> Optional[Case]:
    """Another model of a composed case (drawn from seed + `offset`), compiled with `case`'s BOS and PAD: for a
    switch, a random program of its own vocabulary; for a pipe, one reading the first model's outputs as its
    tokens (None when they cannot be tokens: `_pipe_tokens`)."""
    rng = random.Random(case.seed + offset)
    if case.compose == "switch":
        vocab, max_seq_len = _vocab(rng)
    else:
        vocab, max_seq_len = _pipe_tokens(model), model.max_seq_len
        if vocab is None:
            return None
    partner = _program_case(rng, vocab, max_seq_len, 6, causal=rng.random() < 0.3)
    partner.bos, partner.pad = model.config.bos, model.config.pad
    partner.options = {"bos": partner.bos, "pad": partner.pad}
    return partner


def _pipe_tokens(model: CompiledModel) -> Optional[list]:
    """The first model's outputs as a second model's tokens, or None where they cannot be: numerical, None, or
    more than 8 values."""
    values = model.output_values
    if model.config.output_encoding != "categorical" or None in values or not 1 < len(values) <= 8:
        return None
    return list(values)


def _learned_case(rng: random.Random, tokens: Optional[list] = None, max_len: Optional[int] = None) -> Case:
    """A Transformer Program of random modules (tests/learn/conftest.py) over a vocabulary of one of the
    fuzzer's kinds behind its BOS (or `tokens`, one of them its BOS, up to `max_len`: a pipe's second model),
    with classes of one kind or equal numbers of different types, its classifier quantised (1 in 5 not: refused),
    compiled by the learning pipeline (decompile, compile)."""
    from tests.learn.conftest import random_program

    if tokens is None:
        kinds = [tokens for _, _, tokens in _VOCABS] + [[False, True]]
        tokens = rng.choice(kinds)
        tokens = rng.sample(tokens, min(len(tokens), rng.randint(2, 4)))
        bos = rng.choice([b for b in ["BOS", "<s>", "^"] if b not in tokens])
    else:  # a pipe's second model reads the first one's output at position 1 as its BOS: one of those outputs
        bos = rng.choice(tokens)
    tokens = [t for t in tokens if t != bos]
    classes = rng.choice(_CLASSES)
    causal = rng.random() < 0.3
    program = random_program(rng.randrange(2**31), causal=causal, predicate=rng.choice(["binary", "one_hot", "mixed"]),
                             layers=rng.randint(1, 2), cat_heads=rng.randint(0, 2), count_heads=rng.randint(0, 1),
                             mlps=rng.randint(0, 1), max_len=rng.randint(2, 5) if max_len is None else max_len,
                             vocab=(bos, *tokens),
                             classes=classes[:rng.randint(2, len(classes))])
    if rng.random() < 0.8:
        program.classifier, program.bias = np.round(program.classifier * 100), np.round(program.bias * 100)
    config = program.config
    line = (f"learned: random_program(vocab={config.vocab!r}, classes={config.classes!r}, layers={config.layers}, "
            f"heads={config.cat_heads}+{config.count_heads}, mlps={config.mlps}, predicate={config.predicate!r})")
    return Case(to_rasp.decompile_to_rasp(program), list(config.vocab), config.max_len, causal, [line], learned=program)


# ------------------------------------------------------------------------------ checking


@dataclass
class Outcome:
    """What one case gave: compiled (and how it compared), refused (why), or crashed (a finding)."""

    status: str  # "compiled", "refused", "crashed"
    reason: str = ""  # refusals and crashes: the message, labels and numbers blanked out
    n_inputs: int = 0  # inputs compared
    n_undefined: int = 0  # inputs where the interpreter raises (not compared)
    n_wrong: int = 0  # compared inputs with a wrong position: its value, or its type unless the compiler warned
    n_type_warned: int = 0  # inputs wrong only in an output's type, in a model compiled with an OutputTypeWarning
    n_alone_differs: int = 0  # inputs whose output run alone differs (value or type) from their padded batch's
    n_others_differ: int = 0  # inputs where another promise fails: a causal model's prefix, a learned program's
    # predict (and its refusal of inputs that do not start with its BOS), the composed model against its
    # components, the exports against the model
    n_composed_inputs: int = 0  # inputs compared through the switch or pipe (saved, loaded and run plain)
    n_composed_refused: int = 0  # inputs outside the switch's or pipe's domain, checked refused
    n_exported_inputs: int = 0  # inputs compared through the exports (each counted once an export)
    composed: Optional[str] = None  # "switch of 2", "switch of 3", "pipe" (to a learned program) when it was built
    saved: bool = False  # compared after a save and load
    learned: bool = False  # a learned program (`Case.learned`)

    @property
    def found(self) -> bool:
        """A finding: a crash, or any input on which a promise failed."""
        return self.status == "crashed" or self.n_wrong + self.n_alone_differs + self.n_others_differ > 0
    first_wrong: Optional[tuple] = None  # (input, model output, interpreter output)
    exhaustive: bool = False
    warnings: tuple[str, ...] = ()  # the compiler's warning classes, sorted


ALONE = 12  # inputs also run one at a time (unpadded), spread over the compared ones


def reason_of(err: BaseException) -> str:
    """An error message as a refusal class: quoted labels, values and numbers blanked."""
    text = str(err) if isinstance(err, CompileError) else f"{type(err).__name__}: {err}"
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]|\([^)]*\)|-?\d+(\.\d+)?(e-?\d+)?", "_", text)
    return re.sub(r"\s+", " ", text).strip()[:100]


def check(case: Case, exhaustive_limit: int = 4_000, n_random: int = 1_000, seed: int = 0, alone: int = ALONE,
          exports: bool = False) -> Outcome:
    """Compile `case` (saved and loaded back if `case.saved`) and compare with the interpreter (every
    input up to `exhaustive_limit` of them), value and type; inputs of every length run in padded
    batches, `alone` of them also one at a time. A causal model is also compared with itself on each
    input's prefix, a learned one with its `DiscreteProgram.predict` (and `alone` of the inputs that do not
    start with its BOS are refused); a composed case then builds its switch or pipe (`compose_check`), and
    with `exports` the TransformerLens and ONNX exports are run."""
    outcome = _check(case, exhaustive_limit, n_random, seed, alone, exports)
    outcome.saved, outcome.learned = case.saved, case.learned is not None
    return outcome


def _check(case: Case, exhaustive_limit: int, n_random: int, seed: int, alone: int, exports: bool) -> Outcome:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compiled = case.compile()
    except CompileError as err:
        return Outcome("refused", reason_of(err))
    except Exception as err:  # noqa: BLE001 - anything but CompileError is a finding
        return Outcome("crashed", reason_of(err))
    warned = tuple(sorted({w.category.__name__ for w in caught}))
    if case.saved:
        try:
            compiled = dataclasses.replace(compiled, model=reloaded(compiled.model.double() if case.float64
                                                                    else compiled.model))
        except Exception as err:  # noqa: BLE001
            return Outcome("crashed", "saving and loading: " + reason_of(err))
    vocab = sorted(case.vocab, key=repr)
    exhaustive = count_inputs(len(vocab), case.max_seq_len) <= exhaustive_limit
    inputs = list(all_inputs(vocab, case.max_seq_len) if exhaustive
                  else random_inputs(vocab, case.max_seq_len, n_random, seed))
    try:
        expected = _expected(case, inputs)
        # the model promises nothing where the program is undefined (it may even refuse to decode there)
        defined = [xs for xs in inputs if tuple(xs) in expected]
        got = compiled.run_batch(defined)
        singles = defined[::max(1, len(defined) // alone)][:alone] if alone else []
        got_alone = [compiled.run(xs) for xs in singles]
    except Exception as err:  # noqa: BLE001
        return Outcome("crashed", "running: " + reason_of(err))
    outcome = Outcome("compiled", exhaustive=exhaustive, n_undefined=len(inputs) - len(defined), warnings=warned)
    line = _number_line(compiled)
    for xs, ours in zip(defined, got):
        theirs = expected[tuple(xs)]
        outcome.n_inputs += 1
        values, types = _same_outputs(ours, theirs, line)
        if values and not types and "OutputTypeWarning" in warned:
            outcome.n_type_warned += 1
        elif not (values and types):
            outcome.n_wrong += 1
            outcome.first_wrong = outcome.first_wrong or (xs, ours, theirs)
    batched = dict(zip(map(tuple, defined), got))
    for xs, ours in zip(singles, got_alone):
        if not _identical(ours, batched[tuple(xs)]):
            outcome.n_alone_differs += 1
            outcome.first_wrong = outcome.first_wrong or (xs, ours, ("batched", batched[tuple(xs)]))
    if compiled.config.causal:  # position i sees positions <= i only: an input's prefix has the same outputs
        for xs, ours in batched.items():
            before = batched.get(xs[:-1])
            if before is not None and not _identical(ours[:-1], before):
                outcome.n_others_differ += 1
                outcome.first_wrong = outcome.first_wrong or (list(xs), ours, ("its prefix", before))
    if case.learned is not None:
        bos = case.learned.config.vocab[0]
        read = [xs for xs in defined if xs[0] == bos and bos not in xs[1:]]  # what the program reads
        for xs, theirs in zip(read, case.learned.predict(read)):
            if not _identical(batched[tuple(xs)], theirs):
                outcome.n_others_differ += 1
                outcome.first_wrong = outcome.first_wrong or (xs, batched[tuple(xs)], ("predict", theirs))
        # the rest start otherwise: the program would read their first token as BOS, so the model refuses them
        unread = [xs for xs in inputs if tuple(xs) not in expected]
        for xs in unread[::max(1, len(unread) // alone)][:alone] if alone else []:
            if not _raises(compiled.run, xs):
                outcome.n_others_differ += 1
                outcome.first_wrong = outcome.first_wrong or (xs, compiled.run(xs), ("predict", "refused"))
    try:
        if case.compose:
            compose_check(case, compiled, outcome, exhaustive_limit, exports)
        if exports and compiled.config.loop is None:
            export_check(compiled.model, [[compiled.config.bos, *xs] for xs in defined[:: max(1, len(defined) // 64)]],
                         outcome)
    except Exception as err:  # noqa: BLE001
        return Outcome("crashed", f"{case.compose or 'exporting'}: " + reason_of(err))
    return outcome


def reloaded(model: Transformer) -> Transformer:
    """`model` saved to a model folder (safetensors + JSON) and loaded back, as a user's next session reads it."""
    with tempfile.TemporaryDirectory() as folder:
        save(model, folder)
        return load(folder)


def compose_check(case: Case, compiled: CompiledModel, outcome: Outcome, limit: int, exports: bool = False) -> None:
    """`case`'s model in a switch beside one or two (1 in 3) random models, or a pipe before a second one (1 in 4 a
    learned program over its outputs), saved and loaded back with `weightsmith.model.load` and run *plain*: on
    every input where the programs are defined, the switch answers as the chosen component, the pipe as the
    second model on the first one's outputs (value and type); and every input outside the composed model's
    domain is refused, plainly too (`_refused_inputs`: a token only another component knows, longer than the
    chosen component takes, no selector or a second one; an input the first model of a pipe outputs None on).
    With `exports`, the TransformerLens and ONNX exports of the loaded model, decoded with `decode_logits`,
    answer and refuse alike. Where a program is undefined its model's numbers are unspecified (float sums in
    a wider model may read them otherwise): not compared. Domains of more than `limit` inputs are sampled
    (`limit // 4` random ones). The documented refusals (a compact or looped component, a numerical or foreign
    first output: ComposeError) and a partner the compiler refuses leave the case uncomposed."""
    rng = random.Random(case.seed + 2)  # the eighth reach's draws: the seventh reach's cases stay as they were
    if case.compose == "switch":
        partners = [partner_case(case, compiled)] + ([partner_case(case, compiled, 3)] if rng.random() < 1 / 3 else [])
    elif rng.random() < 1 / 4 and _pipe_tokens(compiled) is not None:
        try:
            partners = [_learned_case(rng, _pipe_tokens(compiled), max_len=max(2, case.max_seq_len))]
        except ValueError:  # tokens a learned program cannot have (ProgramConfig's vocabulary rules)
            return
    else:
        partners = [partner_case(case, compiled)]
    if None in partners:
        return
    try:
        others = [partner.compile() for partner in partners]
    except CompileError:
        return
    parts = [(case, compiled), *zip(partners, others)]
    try:
        built = switch({name: model for name, (_, model) in zip("ABC", parts)}) if case.compose == "switch" \
            else pipe(compiled, others[0])
    except ComposeError:
        return
    outcome.composed = f"switch of {len(parts)}" if case.compose == "switch" else \
        "pipe" + " to a learned program" * (partners[0].learned is not None)
    plain = reloaded(built.model)  # its checks travel in config.json
    inputs = _switch_inputs if case.compose == "switch" else _pipe_inputs
    answered, wanted, refused = inputs(rng, parts, plain, limit)
    line = _number_line(others[0] if case.compose == "pipe" else compiled)
    lines = [_number_line(model) for _, model in parts]
    got = plain.run_batch(answered) if answered else []  # refuses none of them, or it raises: a crash
    for k, (xs, ours, theirs) in enumerate(zip(answered, got, wanted)):
        outcome.n_composed_inputs += 1
        how = lines["ABC".index(xs[1])] if case.compose == "switch" else line
        if _same_outputs(ours[len(ours) - len(theirs):], theirs, how) != (True, True):
            outcome.n_others_differ += 1
            outcome.first_wrong = outcome.first_wrong or (xs, ours, ("composed, plain", theirs))
    both = [ComposedModel(model).apply_batch(refused, undefined_as_none=True) for model in (plain, built.model)]
    singles = refused[::max(1, len(refused) // 4)][:4]  # the plain `run` raises on these
    for xs, *outputs in zip(refused, *both):
        outcome.n_composed_refused += 1
        if any(out is not None for out in outputs) or (xs in singles and not _raises(plain.run, xs)):
            outcome.n_others_differ += 1
            outcome.first_wrong = outcome.first_wrong or (xs, outputs, ("composed", "refused"))
    if exports:
        export_check(plain, answered[:: max(1, len(answered) // 64)], outcome, refused=singles)


def _domain(rng: random.Random, vocab: list, max_seq_len: int, limit: int) -> list[list]:
    """Every input of `vocab` up to `max_seq_len`, or `limit // 4` random ones where there are more than `limit`."""
    vocab = sorted(vocab, key=repr)
    if count_inputs(len(vocab), max_seq_len) <= limit:
        return list(all_inputs(vocab, max_seq_len))
    return list(random_inputs(vocab, max_seq_len, limit // 4, rng.randrange(2**31)))


def _switch_inputs(rng: random.Random, parts: list[tuple[Case, CompiledModel]], plain: Transformer,
                   limit: int) -> tuple[list[list], list[list], list[list]]:
    """A switch's inputs: those its components answer (with BOS and selector) and their answers, and those
    outside the chosen component's domain (up to 40 a component, and up to 40 more for a learned one: its BOS
    not first)."""
    bos, selectors = plain.config.bos, list("ABC"[:len(parts)])
    answered, wanted, refused = [], [], []
    union = plain.config.vocab
    for name, (part, model) in zip(selectors, parts):
        every = _domain(rng, part.vocab, part.max_seq_len, limit)
        defined = _expected(part, every)
        inputs = [xs for xs in every if tuple(xs) in defined]
        answered += [[bos, name, *xs] for xs in inputs]
        wanted += model.run_batch(inputs)
        if part.learned is not None:  # not its BOS first: refused, as the learned component refuses it
            refused += [[bos, name, *xs] for xs in every if tuple(xs) not in defined][:40]
        own = {(type(t), t) for t in part.vocab}
        foreign = [t for t in union if (type(t), t) not in own and t not in selectors]
        for _ in range(40):
            xs = list(rng.choice(every))
            how = rng.choice(["foreign", "long", "no selector", "two selectors"])
            if how == "foreign" and foreign:
                xs[rng.randrange(len(xs))] = rng.choice(foreign)
            elif how == "long" and part.max_seq_len < plain.config.max_seq_len - 1:  # past its length, within the switch's
                longer = rng.randint(part.max_seq_len + 1, plain.config.max_seq_len - 1)
                xs += [rng.choice(part.vocab) for _ in range(longer - len(xs))]
            elif how == "two selectors":  # before the last token, which a cut to the switch's length may drop
                xs.insert(rng.randint(0, len(xs) - 1), rng.choice(selectors))
            else:
                refused.append([bos, *xs])
                continue
            refused.append([bos, name, *xs][:plain.config.max_seq_len + 1])
    return answered, wanted, refused


def _pipe_inputs(rng: random.Random, parts: list[tuple[Case, CompiledModel]], plain: Transformer,
                 limit: int) -> tuple[list[list], list[list], list[list]]:
    """A pipe's inputs: those both programs are defined on (with BOS) and the second model's answers, and those
    the first model outputs None on, or, before a learned program, not its BOS first (up to 200)."""
    (first_case, first), (second_case, second) = parts
    every = _domain(rng, first_case.vocab, plain.config.max_seq_len, limit)
    defined = _expected(first_case, every)
    inputs = [xs for xs in every if tuple(xs) in defined]
    middle = first.run_batch(inputs)
    refused = [[plain.config.bos, *xs] for xs, ys in zip(inputs, middle) if None in ys]
    tokens = {(type(t), t) for t in second.vocab}  # by type too: the second model reads 2.0 as no token of [2]
    fed = [(xs, ys) for xs, ys in zip(inputs, middle) if all((type(y), y) in tokens for y in ys)]
    first_token = second.config.first_token
    if first_token is not None:
        refused += [[plain.config.bos, *xs] for xs, ys in fed
                    if not ys or (type(ys[0]), ys[0]) != (type(first_token), first_token)]
    second_defined = _expected(second_case, [ys for _, ys in fed])
    fed = [(xs, ys) for xs, ys in fed if tuple(ys) in second_defined]
    wanted = second.run_batch([ys for _, ys in fed]) if fed else []
    return [[plain.config.bos, *xs] for xs, _ in fed], wanted, rng.sample(refused, min(len(refused), 200))


def _raises(run: Callable, xs: list) -> bool:
    """Whether `run(xs)` refuses the input (InputError)."""
    try:
        run(xs)
    except InputError:
        return True
    return False


def export_check(model: Transformer, batch: list[list], outcome: Outcome, refused: list[list] = ()) -> None:
    """The TransformerLens and ONNX exports' logits, decoded (`decode_logits`), against the model's own outputs on
    `batch` (inputs with BOS), and refusing each input of `refused` as the model does."""
    from weightsmith.export.onnx import export_onnx, run_onnx
    from weightsmith.export.transformer_lens import decode_logits, to_hooked_transformer

    hooked = to_hooked_transformer(model)
    line = _number_line(model)
    with tempfile.TemporaryDirectory() as folder, torch.inference_mode():
        path = export_onnx(model, Path(folder) / "model.onnx")
        exports = {"TransformerLens": hooked, "ONNX": lambda ids: run_onnx(path, ids)[0]}
        ours = model.run_batch(batch) if batch else []
        ids = model.encode(batch) if batch else None
        for name, logits_of in exports.items():
            theirs = decode_logits(model, logits_of(ids), [len(x) for x in batch], ids) if batch else []
            for xs, a, b in zip(batch, ours, theirs):
                outcome.n_exported_inputs += 1
                # BOS's slot holds no output value (`Transformer._snap` leaves its float): the positions after it
                if _same_outputs(a[1:], b[1:], line) != (True, True):
                    outcome.n_others_differ += 1
                    outcome.first_wrong = outcome.first_wrong or (xs, a, (name, b))
            for xs in refused:
                one = model.encode([xs])
                outcome.n_exported_inputs += 1
                if not _raises(lambda x: decode_logits(model, logits_of(one), [len(x)], one), xs):
                    outcome.n_others_differ += 1
                    outcome.first_wrong = outcome.first_wrong or (xs, "answered", (name, "refused"))


def _number_line(model: CompiledModel | Transformer) -> Optional[NumberLine]:
    """A numerical output's values, whose float rounding twins are one value (None: categorical)."""
    config = model.config
    return NumberLine(config.output_values) if config.output_encoding == "numerical" else None


def _identical(a: list, b: list) -> bool:
    """The same values of the same types, position by position (two of the model's own outputs)."""
    return len(a) == len(b) and all(type(x) is type(y) and x == y for x, y in zip(a, b))


def _expected(case: Case, inputs: list[list]) -> dict[tuple, list]:
    """The interpreter's output on each input where it is defined: of the program, or of its causal form
    (`compiler.causal`: each query sees keys at or before it, `length` is the length so far), which is
    what a causal model promises."""
    program = causal_program(case.program)[0] if case.causal else case.program
    # and inside the inputs annotated on the program (`rasp.with_domain`: a learned one's, its BOS first), which
    # `evaluate` checks and the batched columns do not
    inside = [xs for xs in inputs if not _raises(lambda x: check_domain(case.program, [x]), xs)]
    return outputs_where_defined(program, inside)


def _same_outputs(ours: list, theirs: list, line: Optional[NumberLine]) -> tuple[bool, bool]:
    """Whether every position has the interpreter's value, and its type (bool, int and float are three:
    `run` prints 1, 1.0 or True, and a program can tell them apart). Numbers of a numerical output by
    the nearest of the model's possible values, which must hold the interpreter's number (None is held as 0,
    and its type not judged)."""
    if len(ours) != len(theirs):
        return False, False
    types = all(t is None and line is not None or type(o) is type(t) for o, t in zip(ours, theirs))
    if line is not None:
        got = np.array([math.nan if o is None else float(o) for o in ours])
        want = np.array([0.0 if t is None else float(t) for t in theirs])
        # and the interpreter's number is one the model can output (snapped alone, a value missing from the
        # model's value set read as its nearest neighbour, which the model may well output)
        # (a value itself, not its point: a run of twins chained 1e-11 apart spans more than a twin from its middle)
        held = (np.abs(line.values[nearest_index(line.values, want)] - want)
                <= 2 * NumberLine.TWIN * np.maximum(1.0, np.abs(want)))
        return bool(np.isfinite(got).all() and line.same(got, want).all() and held.all()), types
    return all(_same_value(o, t) for o, t in zip(ours, theirs)), types


def _same_value(a: Any, b: Any) -> bool:
    """Numbers by value (ints exactly, floats up to the compiler's rounding twins), None only None,
    others equal."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, int) and isinstance(b, int):
            return a == b
        return abs(float(a) - float(b)) <= NumberLine.TWIN * max(1.0, abs(float(a)), abs(float(b)))
    return (a is None) == (b is None) and a == b


def tally(outcomes: list[Outcome]) -> dict:
    """Counts for a table: programs, compiled, refused by reason, crashed, mismatching programs/inputs."""
    compiled = [o for o in outcomes if o.status == "compiled"]
    return {
        "programs": len(outcomes),
        "compiled": len(compiled),
        "refused": sum(o.status == "refused" for o in outcomes),
        "crashed": sum(o.status == "crashed" for o in outcomes),
        "mismatching_programs": sum(o.found for o in compiled),
        "inputs_compared": sum(o.n_inputs for o in compiled),
        "inputs_undefined": sum(o.n_undefined for o in compiled),
        "inputs_wrong": sum(o.n_wrong for o in compiled),
        "inputs_alone_differ": sum(o.n_alone_differs for o in compiled),
        "inputs_other_promise_fails": sum(o.n_others_differ for o in compiled),
        "saved_and_loaded": sum(o.saved for o in compiled),
        "learned": sum(o.learned for o in outcomes),
        "composed": dict(Counter(o.composed for o in compiled if o.composed)),
        "inputs_through_composed": sum(o.n_composed_inputs for o in compiled),
        "inputs_refused_by_composed": sum(o.n_composed_refused for o in compiled),
        "inputs_through_exports": sum(o.n_exported_inputs for o in compiled),
        "inputs_wrong_type_warned": sum(o.n_type_warned for o in compiled),
        "warnings": dict(Counter(w for o in compiled for w in o.warnings).most_common()),
        "exhaustive_programs": sum(o.exhaustive for o in compiled),
        "refusal_reasons": dict(Counter(o.reason for o in outcomes if o.status == "refused").most_common()),
        "crash_reasons": dict(Counter(o.reason for o in outcomes if o.status == "crashed").most_common()),
    }
