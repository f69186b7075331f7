"""Static proofs that a categorical Aggregate only copies: it never averages different values.

A categorical one-hot head is exact when each query selects at most one position, or only positions
holding the same value. Two facts prove that without running the program:
- a *position-unique* s-op holds a different value at every position of an input: `indices`, an
  injective Map of one, a SequenceMap injective in a position-unique argument, and the rank of a
  position-unique s-op (the SelectorWidth of `Select(k, k, LT)` or `GT` - distinct keys have distinct
  ranks). An atom comparing a position-unique key with EQ-like tables (at most one key value per query
  value) selects at most one position.
- a *rank* (that SelectorWidth) is equal at two positions only if their keys are equal; so selecting
  by rank copies the key, or any Map of it, from positions that all hold the same value (the stable
  `sort` of Tracr's library on repeated tokens). The interpreter gives the mean of those equal values,
  which is the value itself only when `means.equal_means_exact` says so (not for every float).
- only the key values an atom can select need be unique (`distinct_where`): the library's "nearest
  flagged position" heads (`nearest_left`, `first`, ...) select by `flag ? count : 0`, a running count
  of the flag (the SelectorWidth of `Select(flag, flag, key-only predicate) & Select(indices, indices,
  <, <=, > or >=)`), which grows at each flagged position, so it differs between any two of them, and
  the head never selects the 0 that every unflagged position shares. Without this proof such a head,
  copying a boolean (a number), was compiled as a mean: its value set was every fraction k/n (491
  values at max_seq_len 40) where only True, False and the default occur.
"""

from __future__ import annotations

import itertools
from typing import Callable

from weightsmith import rasp
from weightsmith.compiler.means import equal_means_exact
from weightsmith.compiler.selectors import Atom, conjunction

Values = Callable[[rasp.SOp], list]
Nullable = Callable[[rasp.SOp], bool]
MAX_CHECKED = 10_000  # largest argument product checked for injectivity


def copies_one_value(aggregate: rasp.Aggregate, values: Values, nullable: Nullable, max_seq_len: int) -> bool:
    """Whether every query provably selects positions that all hold the same value of `aggregate.sop`,
    and the interpreter's mean of several copies of a value is that value."""
    proof = _copy_proof(aggregate, values, nullable)
    return proof == "position" or proof == "rank" and equal_means_exact(values(aggregate.sop), max_seq_len)


def selects_one_position(aggregate: rasp.Aggregate, values: Values, nullable: Nullable) -> bool:
    """Whether every query provably selects at most one position: then the interpreter never averages,
    not even equal values (whose mean of ints is a float: `StaticFacts.may_retype`)."""
    return _copy_proof(aggregate, values, nullable) == "position"


def _copy_proof(aggregate: rasp.Aggregate, values: Values, nullable: Nullable) -> str | None:
    """The first proof found that `aggregate` copies: "position" (at most one position selected), "rank"
    (several, holding equal values of its s-op), or None."""
    if isinstance(aggregate.selector, rasp.SelectPreferred):
        return "position"
    for atom in conjunction(aggregate.selector):
        if len(atom.keys) != 1 or len(atom.queries) != 1:
            continue
        key, query = atom.keys[0], atom.queries[0]
        selectable = _selectable(atom, values(key) + _none_met(atom, key, nullable),
                                 values(query) + _none_met(atom, query, nullable))
        if selectable is None or None in selectable:
            continue  # a query selects two key values, or None, which any number of positions may hold
        if distinct_where(key, selectable, values, nullable):
            return "position"
        ranked = _ranked(key)
        if ranked is not None and _function_of(aggregate.sop, ranked):
            return "rank"
    return None


def _none_met(atom: Atom, sop: rasp.SOp, nullable: Nullable) -> list:
    """[None] where `sop` may be None and the atom is a user function, which the interpreter calls on None
    too (a Comparison raises on it instead: that input has no value to match), else []."""
    return [None] if atom.custom and nullable(sop) else []


def _selectable(atom: Atom, keys: list, queries: list) -> list | None:
    """The key values (of `keys`) that some query value selects, or None where a query value selects two
    or more. Tables of more than LOOP_CELLS cells (up to TABLE_CELLS) are computed whole (`Atom.table`:
    a comparison over object arrays, one numpy call of ~15 us, the same truth values as `holds`); smaller
    ones, and huge ones, query by query, stopping at the first query that selects two values (measured:
    an EQ table of 10 x 10 values takes 21 us whole, 40 us by `holds`; of 30 x 30, 43 us against 340 us)."""
    if LOOP_CELLS < len(keys) * len(queries) <= TABLE_CELLS and None not in keys and None not in queries:
        table = atom.table([(k,) for k in keys], [(q,) for q in queries])
        if (table.sum(axis=1) > 1).any():
            return None
        return [k for k, hit in zip(keys, table.any(axis=0)) if hit]
    chosen: set[int] = set()
    for q in queries:
        hits = [i for i, k in enumerate(keys) if atom.holds((k,), (q,))]
        if len(hits) > 1:
            return None
        chosen.update(hits)
    return [keys[i] for i in sorted(chosen)]


LOOP_CELLS, TABLE_CELLS = 16, 1 << 16  # `_selectable`: tables between these sizes are computed whole


def position_unique(sop: rasp.SOp, values: Values) -> bool:
    """Whether `sop` provably holds a different value at each position of any one input."""
    if isinstance(sop, rasp.IndicesType):
        return True
    if isinstance(sop, rasp.Map):
        return position_unique(sop.inner, values) and _injective(sop.f, [(v,) for v in values(sop.inner)])
    if isinstance(sop, rasp.SequenceMap):
        if not (position_unique(sop.fst, values) or position_unique(sop.snd, values)):
            return False
        a, b = values(sop.fst), values(sop.snd)
        if len(a) * len(b) > MAX_CHECKED:
            return False
        return _injective(sop.f, list(itertools.product(a, b)))
    ranked = _ranked(sop)
    return ranked is not None and position_unique(ranked, values)


def distinct_where(sop: rasp.SOp, chosen: list, values: Values, nullable: Nullable) -> bool:
    """Whether `sop` provably holds a different value at each position of any one input where its value is
    in `chosen` (other positions may share values): everywhere (`position_unique`); for a Map, where its
    argument's values that it maps into `chosen` are, f injective on those; for a SequenceMap, f injective
    on the argument pairs it maps into `chosen`, and one argument distinct where its part of those pairs
    is, or one argument a running count of a flag (`_running_count`) and the other that flag, in the
    counted values in every such pair."""
    if not chosen or position_unique(sop, values):
        return True
    wanted = set(chosen)
    if isinstance(sop, rasp.Map):
        inner = [(v,) for v in values(sop.inner) if _maps_into(sop.f, (v,), wanted)]
        return _injective(sop.f, inner) and distinct_where(sop.inner, [v for (v,) in inner], values, nullable)
    if not isinstance(sop, rasp.SequenceMap):
        return False
    a, b = values(sop.fst), values(sop.snd)
    if len(a) * len(b) > MAX_CHECKED:
        return False
    pairs = [p for p in itertools.product(a, b) if _maps_into(sop.f, p, wanted)]
    if not _injective(sop.f, pairs):
        return False
    for side, (arg, other) in enumerate(((sop.fst, sop.snd), (sop.snd, sop.fst))):
        mine = list(dict.fromkeys(p[side] for p in pairs))
        counted = _running_count(other, values, nullable)
        if (counted is not None and counted[0] is arg and all(v in counted[1] for v in mine)
                or distinct_where(arg, mine, values, nullable)):
            return True
    return False


ORDERS = (rasp.Comparison.LT, rasp.Comparison.LEQ, rasp.Comparison.GT, rasp.Comparison.GEQ)


def _running_count(sop: rasp.SOp, values: Values, nullable: Nullable) -> tuple[rasp.SOp, list] | None:
    """(flag, counted values) when `sop` counts, at each position, the positions on one side of it (before,
    at or before, after, or at or after it) whose `flag` holds one of the counted values: the SelectorWidth of
    an order comparison of indices and a Select of `flag` whose predicate reads the key only. Such a
    count is larger at the later (the earlier) of two positions whose flag is counted, which the later
    counts and the earlier does not: so it differs between any two of them. None for anything else."""
    if not isinstance(sop, rasp.SelectorWidth) or not isinstance(sop.selector, rasp.SelectorAnd):
        return None
    atoms = conjunction(sop.selector)
    if len(atoms) != 2:
        return None
    for order, flagged in (atoms, atoms[::-1]):
        if not (isinstance(order.keys[0], rasp.IndicesType) and isinstance(order.queries[0], rasp.IndicesType)
                and order.comparison in ORDERS and len(flagged.keys) == len(flagged.queries) == 1):
            continue
        flag, query = flagged.keys[0], flagged.queries[0]
        queries = values(query) + _none_met(flagged, query, nullable)
        counted = []
        for k in values(flag) + _none_met(flagged, flag, nullable):
            held = {flagged.holds((k,), (q,)) for q in queries}
            if len(held) > 1:
                return None  # the predicate reads the query too: not one set of counted positions
            if True in held and k is not None:
                counted.append(k)
        return flag, counted
    return None


def _maps_into(f: Callable, args: tuple, wanted: set) -> bool:
    """Whether f(*args) is in `wanted`; False where f raises (the interpreter raises there: no value to
    match) or gives what no set holds."""
    try:
        return f(*args) in wanted
    except Exception:  # noqa: BLE001
        return False


def _ranked(sop: rasp.SOp) -> rasp.SOp | None:
    """k when `sop` is SelectorWidth(Select(k, k, LT or GT)): the rank of k."""
    if not isinstance(sop, rasp.SelectorWidth) or not isinstance(sop.selector, rasp.Select):
        return None
    select = sop.selector
    strict = select.predicate in (rasp.Comparison.LT, rasp.Comparison.GT)
    return select.keys if strict and select.keys is select.queries else None


def _function_of(sop: rasp.SOp, source: rasp.SOp) -> bool:
    """Whether `sop` is `source` or a chain of Maps of it (so equal sources give equal values)."""
    while isinstance(sop, rasp.Map) and sop is not source:
        sop = sop.inner
    return sop is source


def _injective(f: Callable, arguments: list[tuple]) -> bool:
    seen: set = set()
    for args in arguments:
        try:
            out = f(*args)
        except Exception:  # noqa: BLE001 - an argument it cannot take proves nothing
            return False
        if out is None or out in seen:
            return False
        seen.add(out)
    return True
