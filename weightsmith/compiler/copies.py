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
"""

from __future__ import annotations

import itertools
from typing import Callable

from weightsmith import rasp
from weightsmith.compiler.means import equal_means_exact
from weightsmith.compiler.selectors import Atom, conjunction

Values = Callable[[rasp.SOp], list]
MAX_CHECKED = 10_000  # largest argument product checked for injectivity


def copies_one_value(aggregate: rasp.Aggregate, values: Values, max_seq_len: int) -> bool:
    """Whether every query provably selects positions that all hold the same value of `aggregate.sop`,
    and the interpreter's mean of several copies of a value is that value."""
    proof = _copy_proof(aggregate, values)
    return proof == "position" or proof == "rank" and equal_means_exact(values(aggregate.sop), max_seq_len)


def selects_one_position(aggregate: rasp.Aggregate, values: Values) -> bool:
    """Whether every query provably selects at most one position: then the interpreter never averages,
    not even equal values (whose mean of ints is a float: `StaticFacts.may_retype`)."""
    return _copy_proof(aggregate, values) == "position"


def _copy_proof(aggregate: rasp.Aggregate, values: Values) -> str | None:
    """The first proof found that `aggregate` copies: "position" (at most one position selected), "rank"
    (several, holding equal values of its s-op), or None."""
    if isinstance(aggregate.selector, rasp.SelectPreferred):
        return "position"
    for atom in conjunction(aggregate.selector):
        if len(atom.keys) != 1 or len(atom.queries) != 1:
            continue
        key, query = atom.keys[0], atom.queries[0]
        if not _one_key_value(atom, values(key), values(query)):
            continue
        if position_unique(key, values):
            return "position"
        ranked = _ranked(key)
        if ranked is not None and _function_of(aggregate.sop, ranked):
            return "rank"
    return None


def _one_key_value(atom: Atom, keys: list, queries: list) -> bool:
    """Whether the atom holds for at most one key value per query value. Tables of more than
    LOOP_CELLS cells (up to TABLE_CELLS) are computed whole (`Atom.table`: a comparison over object
    arrays, one numpy call of ~15 us, the same truth values as `holds`); smaller ones, and huge ones,
    query by query, stopping at the first query that selects two values (measured: an EQ table of
    10 x 10 values takes 21 us whole, 40 us by `holds`; of 30 x 30, 43 us against 340 us)."""
    if LOOP_CELLS < len(keys) * len(queries) <= TABLE_CELLS:
        return bool((atom.table([(k,) for k in keys], [(q,) for q in queries]).sum(axis=1) <= 1).all())
    return all(sum(atom.holds((k,), (q,)) for k in keys) <= 1 for q in queries)


LOOP_CELLS, TABLE_CELLS = 16, 1 << 16  # `_one_key_value`: tables between these sizes are computed whole


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
