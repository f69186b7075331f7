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
    if isinstance(expr, rasp.Aggregate) and not isinstance(expr.selector, rasp.SelectPreferred):
        made = _with_children(expr, new, selector=data_only(expr.selector))  # a SelectPreferred is restricted inside
    elif isinstance(expr, rasp.SelectorWidth):
        made = _with_children(expr, new, selector=data_only(expr.selector))
    elif isinstance(expr, rasp.SelectPreferred):
        rank = expr.rank
        made = _with_children(expr, new, selector=data_only(expr.selector), rank=lambda k, q: rank(k - start, q - start))
    else:
        made = _with_children(expr, new)
    return rasp.annotate(made, **{**expr.annotations, "name": f"{prefix}{expr.label}"})


_CHILDREN = ("inner", "fst", "snd", "sop", "selector", "keys", "queries")


def _with_children(expr: rasp.RASPExpr, new, **replaced) -> rasp.RASPExpr:
    """A copy of `expr` (new id, same function, predicate, default and annotations) whose children are their
    counterparts `new(child)`, with the attributes in `replaced` set as given."""
    made = expr.copy()
    for attribute in _CHILDREN:
        child = getattr(expr, attribute, None)
        if isinstance(child, rasp.RASPExpr):
            setattr(made, attribute, new(child))
    if isinstance(expr, rasp.LinearClassifier):
        made.inputs = tuple(new(s) for s in expr.inputs)
    for attribute, value in replaced.items():
        setattr(made, attribute, value)
    return made
