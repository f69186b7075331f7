"""A small notation for writing language programs in RASP, so that they read like a grammar.

Each helper is a few RASP primitives with a name that says what it means linguistically:

    cls      = lexicon("cls", CLASSES, rasp.tokens, default="OTHER")   # a lexicon table is a Map
    prev     = previous(cls, 1, default="START")                      # the word before me
    n_verbs  = count_upto(is_verb)                                    # verbs at or before me
    my_noun  = nearest_right(is_noun, noun_number)                    # the nearest noun to my right
    scoped   = in_negation_scope(is_negator, is_break, "negated")      # inside the scope of a negation?
    agrees   = agreement("subject_verb", subject_number, verb_number)

They are written for the compiler: every selector picks at most one position (ties are broken by
position, through ranks) or is only counted (SelectorWidth), and every SequenceMap pairs small value
sets. Helpers whose name says `upto` / `before` / `previous` / `nearest_left` only look left, so a
program built from them gives the same values in a causal (decoder) model as in the interpreter.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, Mapping, Sequence

from weightsmith import rasp

def lexicon(name: str, table: Mapping[Hashable, Any], sop: rasp.SOp = rasp.tokens, default: Any = None) -> rasp.SOp:
    """A lexicon table as a Map: `table[word]`, or `default` for a word the table does not list."""
    frozen = dict(table)
    return rasp.categorical(rasp.Map(lambda w: frozen.get(w, default), sop, simplify=False)).named(name)


def feature(name: str, f: Callable[[Any], Any], sop: rasp.SOp) -> rasp.SOp:
    """A categorical Map with a name (a property of one position's value)."""
    return rasp.categorical(rasp.Map(f, sop, simplify=False)).named(name)


def combine(name: str, f: Callable[[Any, Any], Any], a: rasp.SOp, b: rasp.SOp) -> rasp.SOp:
    """A categorical SequenceMap with a name (a property of two values at the same position)."""
    return rasp.categorical(rasp.SequenceMap(f, a, b)).named(name)


def previous(sop: rasp.SOp, k: int, default: Any, name: str | None = None) -> rasp.SOp:
    """The value of `sop` k positions to my left (`default` where there is none)."""
    select = rasp.Select(rasp.indices, rasp.indices, lambda key, query: key == query - k)
    out = rasp.categorical(rasp.Aggregate(select, sop, default=default))
    return out.named(name or f"{sop.label}_prev{k}")


def count_upto(flag: rasp.SOp, name: str | None = None, strict: bool = False) -> rasp.SOp:
    """How many positions at or before me (`strict`: before me) have `flag`."""
    flagged = rasp.Select(flag, flag, lambda key, query: bool(key))
    left = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT if strict else rasp.Comparison.LEQ)
    suffix = "before" if strict else "upto"
    return rasp.categorical(rasp.SelectorWidth(rasp.SelectorAnd(flagged, left))).named(name or f"{flag.label}_{suffix}")


def count_all(flag: rasp.SOp, name: str | None = None) -> rasp.SOp:
    """How many positions of the whole input have `flag` (looks right as well as left)."""
    select = rasp.Select(flag, flag, lambda key, query: bool(key))
    return rasp.categorical(rasp.SelectorWidth(select)).named(name or f"{flag.label}_total")


def _rank(flag: rasp.SOp) -> rasp.SOp:
    """1, 2, 3, ... at the flagged positions in order, 0 elsewhere: breaks ties by position."""
    upto = count_upto(flag)
    return combine(f"{flag.label}_rank", lambda f, n: n if f else 0, flag, upto)


def nearest_left(flag: rasp.SOp, values: rasp.SOp, default: Any, name: str, strict: bool = True) -> rasp.SOp:
    """`values` at the nearest position to my left (`strict=False`: or me) where `flag` holds."""
    wanted = count_upto(flag, strict=strict)
    select = rasp.Select(_rank(flag), wanted, lambda rank, n: n > 0 and rank == n)
    return rasp.categorical(rasp.Aggregate(select, values, default=default)).named(name)


def nearest_right(flag: rasp.SOp, values: rasp.SOp, default: Any, name: str) -> rasp.SOp:
    """`values` at the nearest position strictly to my right where `flag` holds (looks right)."""
    wanted = count_upto(flag)
    select = rasp.Select(_rank(flag), wanted, lambda rank, n: rank == n + 1)
    return rasp.categorical(rasp.Aggregate(select, values, default=default)).named(name)


def first(flag: rasp.SOp, values: rasp.SOp, default: Any, name: str) -> rasp.SOp:
    """`values` at the first position where `flag` holds, seen from any position at or after it."""
    upto = count_upto(flag)
    select = rasp.Select(_rank(flag), upto, lambda rank, n: n > 0 and rank == 1)
    return rasp.categorical(rasp.Aggregate(select, values, default=default)).named(name)


def agreement(name: str, a: rasp.SOp, b: rasp.SOp, agree: Callable[[Any, Any], bool]) -> rasp.SOp:
    """Whether two features at the same position agree (True where either does not apply)."""
    return combine(name, lambda x, y: bool(agree(x, y)), a, b)


def any_of(name: str, *flags: rasp.SOp) -> rasp.SOp:
    """True where any of the boolean s-ops is true."""
    out = flags[0]
    for flag in flags[1:]:
        out = combine(name, lambda x, y: bool(x or y), out, flag)
    return out if len(flags) > 1 else feature(name, bool, out)


def in_negation_scope(is_negator: rasp.SOp, is_break: rasp.SOp, name: str) -> rasp.SOp:
    """Whether I am inside the scope of a negation: an odd number of negators stand between the last
    clause break before me and me. A negation's scope runs to the end of its clause and no further,
    and two negations in one clause cancel.

    Only parities are carried (the count before me, and the count before the clause started), so every
    value set here has two elements.
    """
    before = count_upto(is_negator, strict=True)
    parity = feature(f"{before.label}_odd", lambda n: n % 2 == 1, before)
    at_break = nearest_left(is_break, parity, default=False, name=f"{parity.label}_at_clause_start")
    return combine(name, lambda mine, start: mine != start, parity, at_break)



def settled(sop: rasp.SOp, values: Sequence[Hashable], name: str) -> rasp.SOp:
    """`sop` again (its possible values listed in `values`), passed through a number and back.

    Why: a lookup passes its inputs' small errors on, scaled by its weights, so along a long chain of
    lookups the compiler must give the first attention heads ever smaller margins (and gives up below
    1e-30); a numerical staircase removes any error below a quarter step instead of passing it on. Use
    it on a categorical s-op that a long chain of later steps reads. `sop` is held as a code
    (`rasp.compact`): a Map of a one-hot s-op costs nothing and so passes its errors on unchanged, while
    the number read from a code is stored, and the staircase back from it is real.
    """
    order = {v: i for i, v in enumerate(values)}
    number = rasp.numerical(rasp.Map(lambda v: order[v], rasp.compact(sop), simplify=False)).named(f"{name}_number")
    listed = list(values)
    return rasp.categorical(rasp.Map(lambda i: listed[i], number, simplify=False)).named(name)
