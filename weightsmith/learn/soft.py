"""A differentiable interpreter for RASP sketches: every s-op a distribution over its value set.

To fit a sketch's holes by gradient descent the whole program must pass gradients, the hand-written
parts included. Every s-op is held as a probability distribution over its (finite) value set at each
position, every selector as a matrix of match probabilities, and each construct acts on them as the
interpreter acts on values:

- a Map or SequenceMap pushes the distribution through its table (a 0/1 matrix built by calling its
  function on every value, or for a hole, a Gumbel-softmax over its learned logits);
- a Select matches with probability sum_{k,q} P(key=k) P(query=q) predicate(k, q) (a hole's predicate
  cell is a Gumbel-sigmoid of its logit; with `one_key`, each query value's column a Gumbel-softmax over
  the key values); And / Or / Not combine probabilities as independent events;
- an Aggregate averages the selected positions' distributions (categorical) or numbers (numerical,
  then spread over the two nearest values of its value set), with the default weighted by the
  probability that nothing is selected;
- a SelectorWidth's count is the exact distribution of a sum of independent matches (a dynamic
  programme over key positions).

At temperature → 0 with one-hot holes this is the interpreter exactly (a test checks it on filled
sketches); in between it is the relaxation gradient descent follows, as Transformer Programs relax theirs.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Sequence

import torch
import torch.nn.functional as F

from weightsmith.rasp import expr as rx
from weightsmith.rasp.evaluate import call_checked
from weightsmith.rasp.graph import topological_order
from weightsmith.rasp.holes import LearnableMap, LearnableSelect, LearnableSequenceMap, unfilled
from weightsmith.rasp.batch import evaluate_batch
from weightsmith.rasp.value_set import value_sets

EPS = 1e-9


class SketchError(ValueError):
    """A sketch the soft interpreter cannot relax: the message names the s-op and why."""


def is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def value_key(v: Any) -> Any:
    """Equal numbers are one value whatever their type (the interpreter's mean of 1 and 1 is 1.0)."""
    return ("number", float(v)) if is_number(v) else (type(v).__name__, repr(v))


def _ordered(values: set) -> list:
    """Numbers (booleans too: a numerical mean reads them as 0 and 1) first, ascending, since an
    Aggregate's mean is spread over its neighbours; then the rest."""
    numbers = sorted((v for v in values if is_number(v) or isinstance(v, bool)), key=lambda v: (float(v), repr(v)))
    return numbers + sorted((v for v in values if not (is_number(v) or isinstance(v, bool))), key=repr)


@dataclass
class SoftBatch:
    """Inputs as token indices over the vocabulary, padded to the longest; `fixed`: the interpreter's
    values of the s-ops no hole influences that the relaxed part reads, as indices into their value
    sets (-1: undefined, or padding)."""

    tokens: torch.Tensor  # [B, T] long (0 at padding)
    valid: torch.Tensor  # [B, T] bool
    lengths: torch.Tensor  # [B] long
    fixed: dict[int, torch.Tensor] = field(default_factory=dict)  # id(s-op) -> [B, T] long

    def __getitem__(self, index: torch.Tensor) -> "SoftBatch":
        """The examples at `index` (a minibatch)."""
        return SoftBatch(self.tokens[index], self.valid[index], self.lengths[index],
                         {k: v[index] for k, v in self.fixed.items()})


class SoftProgram(torch.nn.Module):
    """A sketch made differentiable: its holes' logits are the parameters."""

    def __init__(self, program: rx.SOp, vocab: Sequence, max_seq_len: int, seed: int = 0, init_scale: float = 0.1,
                 relax_only_holes: bool = True):
        """`relax_only_holes`: compute only what a hole influences softly; the s-ops it reads that no hole
        influences come one-hot from the ordinary interpreter (in `encode`). The same distributions (the
        relaxation is exact on one-hot inputs), at the cost of what the holes touch: the translation
        sketch's forward pass is a fraction of the whole program's. Off, everything is relaxed."""
        super().__init__()
        self.program, self.vocab, self.max_seq_len = program, list(vocab), max_seq_len
        self.order = topological_order(program)
        self.fixed: list[rx.SOp] = []  # s-ops taken from the interpreter
        if relax_only_holes:
            self.order, self.fixed = _relaxed_part(self.order, program)
        sets = value_sets(program, vocab, max_seq_len)
        self.domains: dict[int, list] = {}
        for e in [*self.fixed, *self.order]:
            if isinstance(e, rx.SOp):
                if id(e) not in sets:
                    raise SketchError(f"{e.label}: no value set")
                self.domains[id(e)] = _ordered(sets[id(e)])
        generator = torch.Generator().manual_seed(seed)
        self.logits = torch.nn.ParameterDict()
        self.tables: dict[int, torch.Tensor] = {}
        for e in self.order:
            if isinstance(e, rx.LinearClassifier) or isinstance(e, rx.SelectPreferred):
                raise SketchError(f"{e.label}: {type(e).__name__} is not supported in sketches yet")
            if unfilled(e):
                shape = self._hole_shape(e)
                self.logits[str(e.unique_id)] = torch.nn.Parameter(init_scale * torch.randn(shape, generator=generator))
            elif isinstance(e, rx.SequenceMap):
                self.tables[id(e)] = self._pair_targets(e)
            elif isinstance(e, rx.Map):
                self.tables[id(e)] = self._function_table(e)
            elif isinstance(e, rx.Select):
                self.tables[id(e)] = self._predicate_table(e)

    # -- the fixed parts, as tables over value sets
    def _hole_shape(self, e: rx.RASPExpr) -> tuple[int, ...]:
        if isinstance(e, LearnableMap):
            return (len(self.domains[id(e.inner)]), len(self.domains[id(e)]))
        if isinstance(e, LearnableSequenceMap):
            return (len(self.domains[id(e.fst)]), len(self.domains[id(e.snd)]), len(self.domains[id(e)]))
        assert isinstance(e, LearnableSelect)
        return (len(self.domains[id(e.keys)]), len(self.domains[id(e.queries)]))

    def _function_table(self, e: rx.RASPExpr) -> torch.Tensor:
        out = {value_key(v): j for j, v in enumerate(self.domains[id(e)])}
        args = [self.domains[id(c)] for c in e.children]
        table = torch.zeros(*map(len, args), len(out))
        for index, arguments in _argument_tuples(args):
            value = call_checked(e, e.f, *arguments, role="the possible value")
            if value is not None and value_key(value) in out:
                table[(*index, out[value_key(value)])] = 1.0
        return table

    def _pair_targets(self, e: rx.SequenceMap) -> tuple[torch.Tensor, torch.Tensor]:
        """A fixed SequenceMap as (the flat indices of the argument pairs it defines, the output index of
        each): its 0/1 table has one 1 per defined pair, so it is applied by adding each pair's probability
        into its output (work ~ pairs) rather than a matrix product with the table (~ pairs x outputs)."""
        table = self._function_table(e)
        defined = table.flatten(0, 1).sum(-1) > 0
        return defined.nonzero().squeeze(-1), table.flatten(0, 1)[defined].argmax(-1)

    def _predicate_table(self, e: rx.Select) -> torch.Tensor:
        keys, queries = self.domains[id(e.keys)], self.domains[id(e.queries)]
        return torch.tensor([[float(bool(call_checked(e, e.predicate, k, q, role="the possible value")))
                              for q in queries] for k in keys])

    # -- running
    def encode(self, inputs: Sequence[Sequence]) -> SoftBatch:
        index = {value_key(t): i for i, t in enumerate(self.vocab)}
        width = max(len(x) for x in inputs)
        tokens = torch.zeros(len(inputs), width, dtype=torch.long)
        valid = torch.zeros(len(inputs), width, dtype=torch.bool)
        for b, xs in enumerate(inputs):
            for t, token in enumerate(xs):
                if value_key(token) not in index:
                    raise SketchError(f"input {b}: token {token!r} is not in the vocabulary {self.vocab}")
                tokens[b, t] = index[value_key(token)]
            valid[b, : len(xs)] = True
        fixed = {}
        for e in self.fixed:
            position = {value_key(v): j for j, v in enumerate(self.domains[id(e)])}
            column = torch.full((len(inputs), width), -1, dtype=torch.long)
            for b, out in enumerate(evaluate_batch(e, [list(x) for x in inputs])):
                column[b, : len(out)] = torch.tensor([position.get(value_key(v), -1) if v is not None else -1
                                                      for v in out], dtype=torch.long)
            fixed[id(e)] = column
        return SoftBatch(tokens, valid, valid.sum(1), fixed)

    def hole_table(self, e: rx.RASPExpr, tau: float, noise: torch.Generator | None) -> torch.Tensor:
        logits = self.logits[str(e.unique_id)]
        if isinstance(e, LearnableSelect) and e.one_key:  # a Gumbel-softmax over the keys, per query value
            if noise is not None:
                u = torch.rand(logits.shape, generator=noise).clamp(EPS, 1 - EPS)
                logits = logits - torch.log(-torch.log(u))
            return torch.softmax(logits / tau, dim=0)
        if isinstance(e, LearnableSelect):
            if noise is not None:
                u = torch.rand(logits.shape, generator=noise).clamp(EPS, 1 - EPS)
                logits = logits + torch.log(u) - torch.log1p(-u)
            return torch.sigmoid(logits / tau)
        if noise is not None:
            u = torch.rand(logits.shape, generator=noise).clamp(EPS, 1 - EPS)
            logits = logits - torch.log(-torch.log(u))
        return torch.softmax(logits / tau, dim=-1)

    def forward(self, batch: SoftBatch, tau: float = 1.0, noise: torch.Generator | None = None) -> torch.Tensor:
        """The output's distribution [B, T, |output values|] (zero at padding)."""
        values: dict[int, torch.Tensor] = {}
        B, T = batch.tokens.shape
        valid = batch.valid.float()
        pair_valid = valid[:, :, None] * valid[:, None, :]  # [B, query, key]
        for e in self.fixed:
            if id(e) not in batch.fixed:
                raise SketchError(f"{e.label}: the batch has no interpreter values for it (make batches with encode)")
            column = batch.fixed[id(e)]
            values[id(e)] = F.one_hot(column.clamp(min=0), len(self.domains[id(e)])).float() * (column >= 0)[..., None]
        for e in self.order:
            if isinstance(e, rx.Selector):
                values[id(e)] = self._selector(e, values, tau, noise) * pair_valid
                continue
            domain = self.domains[id(e)]
            if isinstance(e, rx.TokensType):
                position = {value_key(v): j for j, v in enumerate(domain)}
                remap = torch.tensor([position[value_key(t)] for t in self.vocab])
                out = F.one_hot(remap[batch.tokens], len(domain)).float()
            elif isinstance(e, rx.IndicesType):
                out = F.one_hot(torch.arange(T).expand(B, T), len(domain)).float()
            elif isinstance(e, rx.LengthType):
                out = F.one_hot((batch.lengths - 1)[:, None].expand(B, T), len(domain)).float()
            elif isinstance(e, (rx.Full, rx.ConstantSOp)):
                constant = [e.fill] * T if isinstance(e, rx.Full) else list(e.value) + [None] * (T - len(e.value))
                rows = [[float(v is not None and value_key(v) == value_key(d)) for d in domain] for v in constant[:T]]
                out = torch.tensor(rows).expand(B, T, len(domain))
            elif isinstance(e, rx.Map):
                table = self.hole_table(e, tau, noise) if unfilled(e) else self.tables[id(e)]
                out = values[id(e.inner)] @ table
            elif isinstance(e, rx.SequenceMap) and unfilled(e):
                table = self.hole_table(e, tau, noise)
                out = torch.einsum("bta,btc,aco->bto", values[id(e.fst)], values[id(e.snd)], table)
            elif isinstance(e, rx.SequenceMap):
                out = _pairs_through(values[id(e.fst)], values[id(e.snd)], *self.tables[id(e)], len(domain))
            elif isinstance(e, rx.Aggregate):
                out = self._aggregate(e, values, domain)
            elif isinstance(e, rx.SelectorWidth):
                out = self._width(values[id(e.selector)], len(domain))
            else:
                raise SketchError(f"{e.label}: {type(e).__name__} is not supported in sketches yet")
            values[id(e)] = out * valid[:, :, None]
        return values[id(self.program)]

    def _selector(self, e: rx.Selector, values: dict, tau: float, noise) -> torch.Tensor:
        if isinstance(e, rx.Select):
            table = self.hole_table(e, tau, noise) if unfilled(e) else self.tables[id(e)]
            return torch.einsum("bka,bqc,ac->bqk", values[id(e.keys)], values[id(e.queries)], table)
        if isinstance(e, rx.SelectorAnd):
            return values[id(e.fst)] * values[id(e.snd)]
        if isinstance(e, rx.SelectorOr):
            a, b = values[id(e.fst)], values[id(e.snd)]
            return a + b - a * b
        if isinstance(e, rx.SelectorNot):
            return 1 - values[id(e.inner)]
        if isinstance(e, rx.ConstantSelector):
            return torch.tensor(e.value, dtype=torch.float32)[None]
        raise SketchError(f"{e.label}: {type(e).__name__} is not supported in sketches yet")

    def _aggregate(self, e: rx.Aggregate, values: dict, domain: list) -> torch.Tensor:
        selected = values[id(e.selector)]  # [B, q, k]
        nothing = torch.prod(1 - selected, dim=-1, keepdim=True)  # P(no key selected)
        weights = selected / (selected.sum(-1, keepdim=True) + EPS)
        inner, inner_domain = values[id(e.sop)], self.domains[id(e.sop)]
        if rx.is_numerical(e):
            numbers = torch.tensor([float(v) for v in inner_domain])
            mean = weights @ (inner @ numbers)[:, :, None]  # [B, q, 1]
            default = 0.0 if e.default is None else float(e.default)
            return _spread((1 - nothing) * mean + nothing * default, domain)
        position = {value_key(v): j for j, v in enumerate(domain)}
        carry = torch.zeros(len(inner_domain), len(domain))
        for i, v in enumerate(inner_domain):
            if value_key(v) in position:
                carry[i, position[value_key(v)]] = 1.0
        out = (1 - nothing) * (weights @ (inner @ carry))
        if e.default is not None and value_key(e.default) in position:
            out = out + nothing * F.one_hot(torch.tensor(position[value_key(e.default)]), len(domain)).float()
        return out

    @staticmethod
    def _width(selected: torch.Tensor, size: int) -> torch.Tensor:
        B, Q, K = selected.shape
        count = torch.zeros(B, Q, size)
        count[:, :, 0] = 1.0
        for k in range(K):
            p = selected[:, :, k : k + 1]
            shifted = torch.cat([torch.zeros(B, Q, 1), count[:, :, :-1]], dim=-1)
            count = count * (1 - p) + shifted * p
        return count


def _pairs_through(a: torch.Tensor, b: torch.Tensor, pairs: torch.Tensor, targets: torch.Tensor, size: int) -> torch.Tensor:
    """Σ over argument pairs of P(a) P(b) into the pair's output, for a fixed SequenceMap (`_pair_targets`)."""
    joint = (a[..., :, None] * b[..., None, :]).flatten(-2)[..., pairs]
    return torch.zeros(*a.shape[:-1], size).index_add_(-1, targets, joint)


def _relaxed_part(order: list[rx.RASPExpr], program: rx.SOp) -> tuple[list[rx.RASPExpr], list[rx.SOp]]:
    """(what must be computed softly, in order; the s-ops no hole influences that it reads). Influenced:
    the holes and everything downstream of one. Selectors no hole influences are computed softly too
    (from their fixed s-ops) where something influenced reads them, as the interpreter gives no selector
    values; the program's output is always computed."""
    influenced: set[int] = set()
    for e in order:
        if unfilled(e) or any(id(c) in influenced for c in e.children):
            influenced.add(id(e))
    needed: set[int] = {id(program)}
    fixed: dict[int, rx.SOp] = {}
    for e in reversed(order):
        if id(e) not in needed:
            continue
        if id(e) not in influenced and isinstance(e, rx.SOp):
            fixed[id(e)] = e
            continue
        needed.update(id(c) for c in e.children)
    relaxed = [e for e in order if id(e) in needed and id(e) not in fixed]
    return relaxed, [e for e in order if id(e) in fixed]


def _argument_tuples(domains: list[list]):
    """Every combination of one value per domain: (its index tuple into the domains, the values)."""
    for index in itertools.product(*(range(len(d)) for d in domains)):
        yield index, tuple(d[i] for d, i in zip(domains, index))


def _spread(number: torch.Tensor, domain: list) -> torch.Tensor:
    """A number [B, T, 1] as a distribution over the sorted numeric `domain`: its mass split between the
    two nearest values so that the expectation is the number (clamped to the domain's range)."""
    first: dict[float, int] = {}  # equal numbers (False and 0) share one point: the first of them gets the mass
    for j, v in enumerate(domain):
        first.setdefault(float(v), j)
    points = torch.tensor(list(first))
    slots = torch.tensor(list(first.values()))
    x = number.squeeze(-1).clamp(points[0], points[-1])
    out = torch.zeros(*x.shape, len(domain))
    if len(points) == 1:
        out[..., int(slots[0])] = 1.0
        return out
    upper = torch.searchsorted(points, x.contiguous()).clamp(1, len(points) - 1)
    lo, hi = points[upper - 1], points[upper]
    t = ((x - lo) / (hi - lo)).clamp(0, 1)
    out.scatter_(-1, slots[upper - 1][..., None], (1 - t)[..., None])
    out.scatter_add_(-1, slots[upper][..., None], t[..., None])
    return out


def discretise(model: SoftProgram) -> dict[int, dict[tuple, Any]]:
    """Each hole's filling at temperature 0: the most likely output per input (a Map/SequenceMap), the
    cells with a positive logit (a Select; with `one_key`, the most likely key per query). Keyed by the
    hole's unique id."""
    fillings: dict[int, dict[tuple, Any]] = {}
    for e in model.order:
        if not unfilled(e):
            continue
        logits = model.logits[str(e.unique_id)].detach()
        if isinstance(e, LearnableSelect):
            keys, queries = model.domains[id(e.keys)], model.domains[id(e.queries)]
            chosen = logits.argmax(0) if e.one_key else None
            fillings[e.unique_id] = {(k, q): bool(i == chosen[j] if e.one_key else logits[i, j] > 0)
                                     for i, k in enumerate(keys) for j, q in enumerate(queries)}
            continue
        outputs = model.domains[id(e)]
        args = [model.domains[id(c)] for c in e.children]
        best = logits.argmax(-1)
        filling = {}
        for index, arguments in _argument_tuples(args):
            filling[arguments] = outputs[int(best[index])]
        fillings[e.unique_id] = filling
    return fillings
