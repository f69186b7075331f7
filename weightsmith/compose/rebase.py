"""Run a RASP program on a part of the sequence: the positions from `start` on, reading a given s-op.

`programmable` puts the program (op tokens) in front of the data, so each primitive - an ordinary
program over `tokens`, `indices` and `length` - must see only the data: `rebase` rewrites it so that

- `tokens` is the given s-op, `indices` counts from `start` (the positions before it come last: the
  index is the position minus `start` modulo `positions`, so it stays one-to-one, which is what lets the
  compiler prove that a head selecting by index copies one value), `length` is the data's length
  (at least 1);
- every Aggregate, SelectorWidth and SelectPreferred selects among keys at or after `start` only, so
  the positions before it are never attended (the same place `compiler.causal` adds its mask, so
  SelectorNot/Or inside a selector keep their meaning);
- a SelectPreferred ranks keys by their data positions.

At every position from `start` on the rewritten program then computes what the program computes on the
data alone. Labels get `prefix` so that many rebased copies can live in one program. A ConstantSOp or
ConstantSelector fixes a length, which no longer matches: ComposeError.
"""

from __future__ import annotations

from weightsmith import rasp
from weightsmith.compose.stack import ComposeError


def rebase(program: rasp.SOp, tokens: rasp.SOp, start: int, positions: int, prefix: str) -> rasp.SOp:
    """`program` over the positions from `start` on (of at most `positions`), reading `tokens` there (see the
    module docstring)."""
    if start == 0:  # the whole sequence: only `tokens` changes (`pipe_program`)
        data, index, length = None, rasp.indices, rasp.length
    else:
        data = rasp.Select(rasp.indices, rasp.indices, lambda key, query: key >= start).named(f"{prefix}data_keys")
        index = rasp.Map(lambda i: (i - start) % positions, rasp.indices, simplify=False).named(f"{prefix}index")
        length = rasp.Map(lambda n: max(n - start, 1), rasp.length, simplify=False).named(f"{prefix}length")
    mapping: dict[int, rasp.RASPExpr] = {}
    for expr in rasp.topological_order(program):
        mapping[id(expr)] = _counterpart(expr, mapping, tokens, index, length, data, start, prefix)
    return mapping[id(program)]


def _counterpart(expr: rasp.RASPExpr, mapping: dict, tokens: rasp.SOp, index: rasp.SOp, length: rasp.SOp,
                 data: rasp.Select | None, start: int, prefix: str) -> rasp.RASPExpr:
    def new(e: rasp.RASPExpr) -> rasp.RASPExpr:
        return mapping[id(e)]

    def data_only(selector: rasp.Selector) -> rasp.Selector:
        return new(selector) if data is None else rasp.SelectorAnd(new(selector), data)

    if isinstance(expr, (rasp.TokensType, rasp.IndicesType, rasp.LengthType)):
        target = tokens if isinstance(expr, rasp.TokensType) else index if isinstance(expr, rasp.IndicesType) else length
        extra = {k: v for k, v in expr.annotations.items() if k != "name"}
        return rasp.annotate(target, **extra) if extra else target
    if isinstance(expr, (rasp.ConstantSOp, rasp.ConstantSelector)):
        raise ComposeError(f"{type(expr).__name__} {expr.label!r} fixes the sequence length, so it cannot run on a "
                           "part of the sequence; write it with Full or a Select instead")
    if isinstance(expr, rasp.Full):
        made: rasp.RASPExpr = rasp.Full(expr.fill)
    elif isinstance(expr, rasp.LinearSequenceMap):
        made = rasp.LinearSequenceMap(new(expr.fst), new(expr.snd), expr.fst_fac, expr.snd_fac)
    elif isinstance(expr, rasp.SequenceMap):
        made = rasp.SequenceMap(expr.f, new(expr.fst), new(expr.snd))
    elif isinstance(expr, rasp.Map):
        made = rasp.Map(expr.f, new(expr.inner), simplify=False)
    elif isinstance(expr, rasp.Aggregate) and isinstance(expr.selector, rasp.SelectPreferred):
        made = rasp.Aggregate(new(expr.selector), new(expr.sop), default=expr.default)  # restricted inside
    elif isinstance(expr, rasp.Aggregate):
        made = rasp.Aggregate(data_only(expr.selector), new(expr.sop), default=expr.default)
    elif isinstance(expr, rasp.SelectPreferred):
        rank = expr.rank
        made = rasp.SelectPreferred(data_only(expr.selector), lambda k, q: rank(k - start, q - start))
    elif isinstance(expr, rasp.SelectorWidth):
        made = rasp.SelectorWidth(data_only(expr.selector))
    elif isinstance(expr, rasp.LinearClassifier):
        made = rasp.LinearClassifier([new(s) for s in expr.inputs], expr.weights, expr.bias, expr.classes)
    elif isinstance(expr, rasp.Select):
        made = rasp.Select(new(expr.keys), new(expr.queries), expr.predicate)
    elif isinstance(expr, rasp.SelectorAnd):
        made = rasp.SelectorAnd(new(expr.fst), new(expr.snd))
    elif isinstance(expr, rasp.SelectorOr):
        made = rasp.SelectorOr(new(expr.fst), new(expr.snd))
    elif isinstance(expr, rasp.SelectorNot):
        made = rasp.SelectorNot(new(expr.inner))
    else:
        raise ComposeError(f"cannot rebase {type(expr).__name__} {expr.label!r}: not a RASP construct compose knows")
    return rasp.annotate(made, **{**expr.annotations, "name": f"{prefix}{expr.label}"})
