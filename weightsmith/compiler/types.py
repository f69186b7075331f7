"""Which Python type an output has, where its number does not tell (issue 16 section 4).

The interpreter's Aggregate gives the default where no key is selected, the selected value itself where
one is (int 4, bool True), and the float mean where several are (4.0). 4 and 4.0 are equal, so a value
set holds them once and a model's number dimension cannot tell them apart; Maps and SequenceMaps of such
a mean pass the difference on (4 - 1 is int 3, 4.0 - 1 is 3.0). A categorical Aggregate that may
average (equal numbers selected together) gives 4.0 the same way. The type depends on how many keys the
Aggregates' selector selects: the *case* none / one / several. When every averaging Aggregate that the
output depends on through Maps and SequenceMaps shares one selector, the output's type is a function
of that case, found here by re-running the functions on the value sets cast to each case's types. The
compiler then computes the case in the model (one head: `SCORES`) and the config says the type per
case (`ModelConfig.output_types`). Selectors built alike count as one (`a & a` is `a`); of Aggregates on
really different selectors, the case of one that alone decides the type is computed.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from itertools import compress, product
from typing import Callable, Iterable

from weightsmith import rasp
from weightsmith.compiler.errors import CompileError, OutputTypeWarning
from weightsmith.model.config import VALUE_TYPE as VALUE
from weightsmith.rasp.typed_tokens import NegativeZero, number_kind, token_key
CASES = ("none", "one", "several")  # how many keys the selector selects
TYPE_SUFFIX = "[type]"  # the label of an output's case scores: "frac_prevs[type]:one"
# The case from BOS's share s = 1/(w+1) of a head on the selector in width mode (1, 1/2, 1/3, ...): a
# score a * s + b per case, the largest naming it. none wins above s = 3/4, several below s = 5/12, one
# between, so at every share the winner leads by at least 2 (s = 1/2: -2, 1, -1) and a share off by less
# than its distance to those two boundaries still names its case (`compiler.bounds` proves it).
SCORES = ((24.0, -14.0), (12.0, -5.0), (-12.0, 5.0))  # (a, b) for none, one, several
BOUNDARIES = (3 / 4, 5 / 12)
MAX_SELECTORS = 5  # different selectors whose combined cases are tried (3 ** 5 combinations)
MAX_COMBINATIONS = 20_000  # argument pairs a SequenceMap is re-run on; beyond, the case's type is VALUE


@dataclass
class OutputTypes:
    """The selector whose width decides the case, and the type name of the output in each case."""

    selector: rasp.Selector
    types: list[str]
    decided: bool = True  # False where some case's numbers have several types (named VALUE: the stored one)


UNDECIDED = "undecided"  # `output_types` warned that no case decides the type: no case head, and no second warning


def output_types(output: rasp.SOp, values: Callable[[rasp.SOp], list],
                 averages: Callable[[rasp.Aggregate], bool]) -> OutputTypes | str | None:
    """The types of `output` per case, or None where the value set's own types are the interpreter's
    (no averaging Aggregate feeds it, or a SelectPreferred decides, which selects at most one key).
    `values(sop)` gives an s-op's value set, `averages(aggregate)` whether an Aggregate may average
    (every numerical one does).

    Aggregates on different selectors: the model computes one case, so one selector's case must decide
    the type whatever the others' cases are (a constant type is decided by any of them); where none does,
    UNDECIDED, after an OutputTypeWarning (not covered: docs/compiler-numerics.md)."""
    aggregates = _feeding_aggregates(output, averages)
    groups: dict = {}
    for a in aggregates:
        groups.setdefault(_same_selection(a.selector), []).append(a)
    if not groups:
        return None
    selector = aggregates[0].selector
    if len(groups) == 1:
        if isinstance(selector, rasp.SelectPreferred):
            return None
        typed = [_typed_output(output, {id(a): case for a in aggregates}, values) for case in CASES]
        types = [_type_name(t) for t in typed]
        decided = not any(t is None or len({type_name(v) for v in t if isinstance(v, (int, float))}) > 1 for t in typed)
    elif len(groups) > MAX_SELECTORS:
        _undecided(output, f"may depend on how many keys each of {len(groups)} different selectors "
                   f"selects (more than the {MAX_SELECTORS} whose cases the compiler tries)")
        return UNDECIDED
    else:
        keys = list(groups)
        names = {combo: _type_name(_typed_output(output, {id(a): case for key, case in zip(keys, combo)
                                                          for a in groups[key]}, values))
                 for combo in product(*[_cases(groups[key][0].selector) for key in keys])}
        decided = _deciding_selector(keys, names)
        if decided is None:
            _undecided(output, f"depends on how many keys each of {len(groups)} different selectors "
                       "selects, which the model does not compute")
            return UNDECIDED
        at, types = decided
        selector = groups[keys[at]][0].selector
        decided = VALUE not in types  # (a VALUE case may hold no numbers at all: as if not decided)
    if all(t == VALUE or all(type(v).__name__ == t for v in values(output)) for t in types):
        return None  # every value already decodes with the type each case gives
    return OutputTypes(selector, types, decided)


def mixed_type_maps(output: rasp.SOp, table: Callable[[rasp.SOp], tuple[list, list]],
                    averages: Callable[[rasp.Aggregate], bool]) -> list[rasp.SOp]:
    """The Maps and SequenceMaps `output` is computed from through Maps and SequenceMaps (itself included)
    whose function gives equal numbers of different types on different arguments (`max(x - 0.5, 0)` is
    int 0 at 0.0 and float 0.0 at 0.5; `x > 0 or 1` gives True and 1). A value set holds such numbers
    once, so the number the model computes cannot tell which type the interpreter gives.
    `table(expr)` gives a function's (arguments, results). Where averaging Aggregates feed the output,
    their value sets mix ints and floats by design and `output_types` decides the type by their case:
    nothing is listed then."""
    if _feeding_aggregates(output, averages):
        return []
    found, seen, stack = [], set(), [output]
    while stack:
        expr = stack.pop()
        if id(expr) in seen or not isinstance(expr, (rasp.Map, rasp.SequenceMap)):
            continue
        seen.add(id(expr))
        if _mixed_numbers(table(expr)[1]):
            found.append(expr)
        stack.extend(expr.children)
    return found


def type_name(value) -> str:
    """The name `ModelConfig.output_types` gives a result's type (VALUE: not a number)."""
    return type(value).__name__ if type(value) in (int, float, bool) else VALUE


def undecided_by_input(output: rasp.SOp, where: list[rasp.SOp]) -> None:
    """Not covered: the type of equal numbers depends on the input in a way the model does not compute
    (`where` is not just the output Map itself, whose argument the model reads the type from)."""
    labels = ", ".join(repr(e.label) for e in where[:3])
    return _undecided(output, f"depends on the input, not only on the number (from {labels}: equal numbers "
                      "of different types on different arguments)")


def undecided_by_copies(output: rasp.SOp, retyped: Retyped, averages: Callable[[rasp.Aggregate], bool],
                        found: OutputTypes | None) -> None:
    """Says so where the output's type is not decided by what the model computes, although the output's
    numbers may arrive as different types (`retyped_sops`): it reads such numbers where
    neither a case (`output_types` re-types only the averaging Aggregates' own results) nor its Map's
    argument (`mixed_type_maps`) tells, e.g. a copy of a mean (`Aggregate(SelectPreferred(..), mean)`),
    or a mean whose selected values are themselves means, or a case whose type is not one (`max(mean, i)`
    is the float mean or the int index: a case not `decided`). `found` is the case head's types, if any. All were
    silent until the fuzzer (cmp11)."""
    cased = found is not None and found.decided
    if id(output) in retyped and (not cased or _reads_retyped(output, retyped, averages)):
        _undecided(output, "depends on the input, not only on the number (it reads numbers that are ints on "
                   "some inputs and floats on others: a copy of a mean, a mean of means, a function of such a "
                   "number)")


def _reads_retyped(expr: rasp.SOp, retyped: Retyped, averages: Callable[[rasp.Aggregate], bool],
                   seen: set[int] | None = None) -> bool:
    """Whether `expr`, through Maps and SequenceMaps, reads a retyped s-op other than as an averaging
    Aggregate's own result (whose type the case decides, given its selected values' types). Each s-op is
    walked once (`seen`): a function reading a shared s-op on two paths doubled the walk at every level."""
    seen = set() if seen is None else seen
    if id(expr) in seen:
        return False  # walked already, and found nothing there (else the walk would have stopped)
    seen.add(id(expr))
    if isinstance(expr, rasp.Aggregate) and averages(expr):
        return id(expr.sop) in retyped
    if isinstance(expr, (rasp.Map, rasp.SequenceMap)):
        return any(_reads_retyped(child, retyped, averages, seen) for child in expr.children)
    return id(expr) in retyped


def _undecided(output: rasp.SOp, why: str) -> None:
    """Not covered (docs/compiler-numerics.md): the type depends on something the model does not compute
    (the cases of several selectors, or the arguments of a function before the output), as `why` says.
    The values stay exact; the type is the value set's own, so say so."""
    warnings.warn(OutputTypeWarning(
        f"{type(output).__name__} {output.label!r}: whether it is an int or a float {why}; its values are "
        "exact, but it may decode an int where the interpreter gives a float (1 for 1.0)"), stacklevel=2)
    return None


def _deciding_selector(keys: list, names: dict[tuple, str]) -> tuple[int, list[str]] | None:
    """The position of a selector whose case alone decides the output's type name in `names` (one name per
    combination of every selector's case), and the name per case; None where none does."""
    for at in range(len(keys)):
        per_case: dict[str, set[str]] = {}
        for combo, name in names.items():
            per_case.setdefault(combo[at], set()).add(name)
        if all(len(found) == 1 for found in per_case.values()) and "several" in per_case:
            return at, [next(iter(per_case[case])) for case in CASES]
    return None


def _cases(selector: rasp.Selector) -> tuple[str, ...]:
    """The cases a selector can be in: a SelectPreferred selects at most one key."""
    return CASES[:2] if isinstance(selector, rasp.SelectPreferred) else CASES


def _same_selection(selector: rasp.Selector) -> tuple | int:
    """A key equal for selectors built alike (two `Select(indices, indices, LEQ)` made by two calls of
    one library function select the same keys on every input). And / Or are keyed by the set of their
    operands, nested ones flattened, so `a & a`, `(a & b) & b` and `b & a` are keyed as `a`, `a & b`,
    `a & b`."""
    if isinstance(selector, rasp.Select):
        predicate = selector.predicate
        return ("select", id(selector.keys), id(selector.queries),
                predicate if isinstance(predicate, rasp.Comparison) else id(predicate))
    if isinstance(selector, (rasp.SelectorAnd, rasp.SelectorOr)):
        operands = frozenset(_operands(selector, type(selector)))
        return next(iter(operands)) if len(operands) == 1 else (type(selector).__name__, operands)
    if isinstance(selector, rasp.SelectorNot):
        return ("not", _same_selection(selector.inner))
    return id(selector)


def _operands(selector: rasp.Selector, kind: type) -> list:
    """The keys of an And (or Or) chain's operands, through nested selectors of the same kind."""
    if isinstance(selector, kind):
        return [key for child in (selector.fst, selector.snd) for key in _operands(child, kind)]
    return [_same_selection(selector)]


def _feeding_aggregates(expr: rasp.SOp, averages: Callable[[rasp.Aggregate], bool]) -> list[rasp.Aggregate]:
    """The averaging Aggregates `expr` is computed from through Maps and SequenceMaps (itself included), each
    once, in the order a depth-first walk first meets them. Each s-op is walked once: a function reading a shared
    s-op on two paths doubled the walk at every level (2^22 calls for 22 `SequenceMap(f, x, x)`)."""
    found: list[rasp.Aggregate] = []
    seen: set[int] = set()

    def walk(e: rasp.SOp) -> None:
        if id(e) in seen:
            return
        seen.add(id(e))
        if isinstance(e, rasp.Aggregate):
            if averages(e):
                found.append(e)
        elif isinstance(e, (rasp.Map, rasp.SequenceMap)):
            for child in e.children:
                walk(child)

    walk(expr)
    return found


def _typed_output(output: rasp.SOp, cases: dict[int, str], values: Callable[[rasp.SOp], list]) -> list | None:
    """Values of the output's types when each averaging Aggregate (by id) is in its case. Of a
    LinearSequenceMap (a difference of two means, as in `pair_balance`) whose operands each have one type,
    only the type is needed, and that follows from the operands' types alone (Python's int/bool/float
    arithmetic): one pair is run, not every pair."""
    if isinstance(output, rasp.LinearSequenceMap):
        memo: dict = {}
        a = _typed_values(output.fst, cases, values, memo)
        b = _typed_values(output.snd, cases, values, memo)
        if a and b and _one_number_type(a) and _one_number_type(b):
            return _apply(output.f, [(a[0], b[0])])
    return _typed_values(output, cases, values, {})


def _one_number_type(typed: list) -> bool:
    kinds = {type(v) for v in typed}
    return len(kinds) == 1 and kinds <= {int, float, bool}


def _typed_values(expr: rasp.SOp, cases: dict[int, str], values: Callable[[rasp.SOp], list],
                  memo: dict) -> list | None:
    """`expr`'s possible values with the types they have in `cases` (None: cannot tell)."""
    if id(expr) in memo:
        return memo[id(expr)]
    result: list | None
    if id(expr) in cases:
        case = cases[id(expr)]
        if case == "none":
            result = [] if expr.default is None else [expr.default]
        elif case == "one":
            result = list(values(expr.sop))
        else:
            result = [float(v) for v in values(expr) if isinstance(v, (int, float))]
    elif isinstance(expr, rasp.Map):
        inner = _typed_values(expr.inner, cases, values, memo)
        result = None if inner is None else _apply(expr.f, [(x,) for x in inner])
    elif isinstance(expr, rasp.SequenceMap):
        a = _typed_values(expr.fst, cases, values, memo)
        b = _typed_values(expr.snd, cases, values, memo)
        if a is None or b is None or len(a) * len(b) > MAX_COMBINATIONS:
            result = None
        else:
            result = _apply(expr.f, [(x, y) for x in a for y in b])
    else:
        result = list(values(expr))
    memo[id(expr)] = result
    return result


def _apply(f: Callable, arguments: list[tuple]) -> list | None:
    """f on every argument tuple (None where it raises on a re-typed argument: the case cannot be told)."""
    try:
        return list({token_key(r): r for r in (f(*args) for args in arguments if None not in args)}.values())
    except Exception:  # noqa: BLE001 - a user function that refuses a float where it had ints
        return None


def _type_name(typed: list | None) -> str:
    """The one type name all of `typed` share (`type_name`), else VALUE. None is not a type a case decodes
    (it decodes as None): `None if x == 0 else x - 1` of a mean is an int or a float by its case."""
    names = {type_name(v) for v in typed if v is not None} if typed else set()
    return names.pop() if len(names) == 1 else VALUE


# ------------------------------------------------------------------ numbers that change type across inputs

Retyped = dict[int, dict]  # id(s-op) -> {number: the types it may arrive as, two or more}


def retyped_sops(order: list, facts, averages: Callable[[rasp.Aggregate], bool]) -> Retyped:
    """The s-ops some of whose numbers may arrive as different types on different inputs (1, 1.0, True):
    a mean of equal ints is a float, a function may give 0 at one argument and 0.0 at another, a copy
    passes either on. A value set holds such numbers once, so a model holds one value for both. Zeros of
    both signs are followed the same way (`NegativeZero`: an s-op may hold either on different inputs, as
    `a * (i - 1)` at a = 0.0 does, or a mean, where one -0.0 selected is -0.0 and the sum of several 0.0;
    found by fzz24: `str` of such an s-op answered '-0.0' for '0.0'), for the CompileErrors below only:
    they are one value of one type, so the s-ops returned are those whose numbers change *type*.

    CompileError where that would change a *value*: a Map or SequenceMap whose function gives
    different results for the types of one number (`str(1)` and `str(1.0)`), or a Select whose predicate
    does (`str(k) == str(q)`, `type(k) is float`: `_check_predicates`). Found by the fuzzer (cmp11):
    `Map(str, mean)` compiled without a word and answered '1' where the interpreter gives '1.0'; and
    (cmp12) the same of predicates: a head selected by the stored type, whatever the input's.
    Where only the type changes, the output's type is decided per case or per argument
    (`output_types`, `mixed_type_maps`) or warned about (`undecided_by_input`)."""
    found: Retyped = {}
    own: dict[int, dict] = {}  # the part that does not depend on other s-ops' retyping, made once
    sops = [e for e in order if isinstance(e, rasp.SOp)]
    changed = True
    while changed:  # a loop's states read their own updates: repeat until nothing more is found (types only grow)
        changed = False
        for expr in sops:
            types = _retyped(expr, found, own, facts, averages)
            if types and types != found.get(id(expr)):
                found[id(expr)] = types
                changed = True
        changed = changed and any(isinstance(e, rasp.LoopState) for e in sops)  # else one pass in order is all
    for select in (e for e in order if isinstance(e, rasp.Select) and not isinstance(e.predicate, rasp.Comparison)):
        _check_predicate(select, found, facts)  # a Comparison tells no type apart: 1 == 1.0 == True, 1 < 1.5
    typed = {}
    for sop, numbers in found.items():
        numbers = {v: k for v, k in numbers.items() if len({float if t is NegativeZero else t for t in k}) > 1}
        if numbers:
            typed[sop] = numbers
    return typed


def _check_predicate(select: rasp.Select, found: Retyped, facts) -> None:
    """CompileError where a custom predicate tells the types of a retyped key or query apart: the head is
    built on the value set, which holds the number once, so it selects as that type does on every input."""
    keys, queries = found.get(id(select.keys), {}), found.get(id(select.queries), {})
    if not keys and not queries:
        return
    key_values = [k for k in facts.values(select.keys) if k is not None]
    query_values = [q for q in facts.values(select.queries) if q is not None]
    for k in key_values:
        for q in query_values:
            if k not in keys and q not in queries:
                continue
            try:
                result = bool(select.predicate(k, q))
            except Exception:  # noqa: BLE001 - the interpreter raises there too: undefined, not compared
                continue
            for variant in product(_as_types(k, keys.get(k)) if k in keys else [k],
                                   _as_types(q, queries.get(q)) if q in queries else [q]):
                try:
                    other = bool(select.predicate(*variant))
                except Exception:  # noqa: BLE001
                    continue
                if other != result:
                    raise CompileError(
                        f"Select {select.label!r}: its predicate gives {result} for key {_show((k,))}, query "
                        f"{_show((q,))} and {other} for key {_show(variant[:1])}, query {_show(variant[1:])}: "
                        f"{_EQUAL_NUMBERS}, so its head cannot select as the interpreter does")


# Why a function telling retyped numbers apart is refused (the CompileErrors of `retyped_sops`).
_EQUAL_NUMBERS = ("equal numbers of different types or signs, which one value of the model stands for (a mean of "
                  "equal ints is a float: mean(1, 1) is 1.0; a sum of -0.0s is 0.0)")


def _retyped(expr: rasp.SOp, found: Retyped, own: dict, facts, averages) -> dict:
    """`expr`'s numbers of two or more possible types, given what `found` says of its children."""
    by_value: dict = {}

    def add(value, kinds) -> None:
        if isinstance(value, (int, float)):
            by_value.setdefault(value, set()).update(kinds)

    if isinstance(expr, rasp.Aggregate):  # a copy keeps the selected value's type; a mean of several is a float
        source = found.get(id(expr.sop), {})
        for v, kinds in source.items():
            add(v, kinds)
        values = facts.values(expr.sop)
        if averages(expr):  # an int or bool is itself where one key is selected, a float where several
            for v in (v for v in values if type(v) in (int, bool)):
                add(v, {type(v), float})
            for v in (v for v in values if number_kind(v) is NegativeZero):
                add(v, {NegativeZero, float})  # sum(-0.0, -0.0) is 0.0
            for v in source:
                add(v, {float})
        default = expr.default
        if isinstance(default, (int, float)):
            stored = values[values.index(default)] if default in values else default
            if default in by_value or number_kind(stored) is not number_kind(default):
                add(default, {number_kind(default), number_kind(stored)})
            numbers = [v for v in values if isinstance(v, (int, float))]
            if averages(expr) and type(default) is not float and numbers and min(numbers) <= default <= max(numbers):
                add(default, {type(default), float})  # a mean may equal the int default: mean(0, 2) is 1.0
    elif isinstance(expr, (rasp.Map, rasp.SequenceMap)):
        children = [found.get(id(c), {}) for c in (expr.children if isinstance(expr, rasp.SequenceMap) else [expr.inner])]
        args, results = facts.function_table(expr)
        if id(expr) not in own:  # equal numbers of different types among the results (0 at 0.0, 0.0 at 0.5)
            own[id(expr)] = _mixed_numbers(results, number_kind)
        for v, kinds in own[id(expr)].items():
            add(v, kinds)
        if not any(children):
            pass
        elif isinstance(expr, rasp.LinearSequenceMap):  # a·x + b·y: the types change, not the value
            for r in _whole_numbers(facts.values(expr)):
                add(r, {int, float, NegativeZero} if r == 0 else {int, float})
        else:
            if isinstance(expr, rasp.SequenceMap):
                (fst, snd), pairs = children, args
                at = [i for i, (x, y) in enumerate(pairs) if x in fst or y in snd]
            else:  # a Map: only the retyped numbers among its arguments (found by hash: hundreds of arguments)
                first_at = dict(zip(reversed(args), range(len(args) - 1, -1, -1)))  # as `args.index` finds them
                pairs = {i: (args[i],) for i in (first_at[x] for x in children[0] if x in first_at)}
                at = sorted(pairs)
            for arg, result in ((pairs[i], results[i]) for i in at):
                options = [_as_types(x, child[x]) if x in child else [x] for x, child in zip(arg, children)]
                for variant in product(*options):
                    try:
                        other = expr.f(*variant)
                    except Exception:  # noqa: BLE001 - the interpreter raises there too: undefined, not compared
                        continue
                    if not _same_but_type(other, result):
                        raise CompileError(
                            f"{type(expr).__name__} {expr.label!r} gives {result!r} for {_show(arg)} and "
                            f"{other!r} for {_show(variant)}: {_EQUAL_NUMBERS}, so it cannot tell which result "
                            "the interpreter gives")
                    add(result, {number_kind(result), number_kind(other)})
    elif isinstance(expr, rasp.ConstantSOp):
        for v in expr.value:
            add(v, {number_kind(v)})
    elif isinstance(expr, (rasp.LoopState, rasp.LoopResult)) and (isinstance(expr, rasp.LoopState) or expr.what == "state"):
        loop = expr.loop  # the initial value's types or the step's (3.0 - 1 is 2.0 where a token 2 is 2)
        for part in (loop.initial[expr.key], loop.updates[expr.key]):
            retyped = found.get(id(part), {})
            for v in facts.values(part):
                add(v, retyped.get(v, {number_kind(v)}))
    return {v: frozenset(k) for v, k in by_value.items() if len(k) > 1}


def _mixed_numbers(results: list, kind: Callable[[object], type] = type) -> dict:
    """The numbers among `results` that occur as two or more types (or `kind`s), with those types."""
    kinds_present = {int, float, bool} & set(map(type, results))
    if kind is number_kind and float in kinds_present and any(number_kind(r) is NegativeZero for r in results if type(r) is float):
        kinds_present.add(NegativeZero)
    if len(kinds_present) < 2:  # the common case, at C speed
        return {}
    numbers = [(t, {r for r in results if type(r) in (int, float, bool) and kind(r) is t}) for t in kinds_present]
    kinds: dict = {}
    for i, (t, values) in enumerate(numbers):
        for u, others in numbers[i + 1:]:
            for v in values & others:
                kinds.setdefault(v, {t}).add(u)
    return kinds


def _whole_numbers(values: list) -> Iterable:
    """The ints, bools and whole floats among `values` (those an int or a float may stand for), in order.
    Numbers only (a LinearSequenceMap's values, hundreds of them) are picked in C."""
    if set(map(type, values)) <= {int, float, bool}:
        return compress(values, map(float.is_integer, map(float, values)))
    return [r for r in values if isinstance(r, (int, float)) and float(r).is_integer()]


def _as_types(x, kinds) -> list:
    """`x` as each of `kinds` (only those that keep its value: 1 as True, 1.0 is not 1.5)."""
    return [v for v in (_as_kind(t, x) for t in (kinds or {number_kind(x)})) if v == x] or [x]


def _as_kind(kind: type, x):
    """`x` as `kind`: a float zero as 0.0 and as -0.0 (`NegativeZero`), else `kind(x)`."""
    if kind is NegativeZero:
        return -0.0
    return float(x) + 0.0 if kind is float else kind(x)  # + 0.0: -0.0 as 0.0


def _same_but_type(a, b) -> bool:
    """The same result up to the type of a number (2 and 2.0): the output's type is judged apart."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and repr(a) == repr(b)


def _show(arg: tuple) -> str:
    return ", ".join(f"{type(x).__name__} {x!r}" for x in arg)
