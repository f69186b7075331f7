"""Sketches of the Transformer Programs tasks: the library's structure, the task's tables left as holes.

Each function returns a program with holes (`rasp.Learnable`) for `weightsmith.learn.sketch.fit`. The
structure is the library program's (`sorting.make_sort`, `sorting.make_most_freq`, `dyck.make_dyck_pft`):
which selectors, counts and aggregates exist and in which order. What is left to learn is what the task
is *about*: which tokens are smaller or equal, which positions a rank is placed at, which brackets open,
close or belong together, and the final labelling. Hand-written in every sketch: the order of positions
(`earlier`, `prefix`: the tie-break a stable sort needs, the causal prefix of a Dyck label) and the
arithmetic of counts. Filled as the library fills them, the sketches are right on the authors' data
and compile exactly (tests/library/test_sketches.py); `benchmarks/sketch.py` fits them.

The sketches run on the content tokens: the Transformer Programs data put BOS (and, for sort, EOS) around
them, unscored; a compiled weightsmith model adds its own BOS.
"""

from __future__ import annotations

from weightsmith import rasp

SORT_TOKENS = (0, 1, 2, 3, 4)
MOST_FREQ_TOKENS = (0, 1, 2, 3, 4, 5)
MOST_FREQ_END = "BOS"  # the Transformer Programs data label the positions past the distinct tokens BOS
DYCK2_TOKENS = ("(", ")", "{", "}")


def _earlier() -> rasp.Select:
    return rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LT).named("earlier")


def make_sort_sketch() -> rasp.SOp:
    """Stable sort: rank = how many tokens are smaller, or equal and earlier; position p reads the token
    ranked p. Holes: `less` and `same` (token pairs), `place` (rank, position)."""
    less = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("less")
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens, one_key=True).named("same")
    rank = rasp.SelectorWidth(less | (same & _earlier())).named("rank")
    place = rasp.Learnable.select(rank, rasp.indices, one_key=True).named("place")
    return rasp.Aggregate(place, rasp.tokens).named("sort")


def make_most_freq_sketch(max_seq_len: int = 7, learn_sorting: bool = True) -> rasp.SOp:
    """The distinct tokens by decreasing count (ties: first occurrence first), then the end marker.
    Count and "seen before" come from one learned `same` predicate; `first` (is this the first
    occurrence), `key` (the sort key of a first occurrence), `ahead` and `tie` (which keys go before mine),
    `place` and `shown` (the token a first occurrence shows, the end marker otherwise) are holes.
    With `learn_sorting=False` the sorting machinery (`ahead`: key >, `tie`: key ==, `place`: rank ==
    position) is hand-written and only the task's tables are holes."""
    same = rasp.Learnable.select(rasp.tokens, rasp.tokens, one_key=True).named("same")
    count = rasp.SelectorWidth(same).named("count")
    seen_before = rasp.SelectorWidth(same & _earlier()).named("seen_before")
    first = rasp.Learnable.map(seen_before, values=[True, False]).named("first")
    key = rasp.Learnable.sequence_map(count, first, values=list(range(max_seq_len + 1))).named("key")
    if learn_sorting:
        ahead = rasp.Learnable.select(key, key).named("ahead")
        tie = rasp.Learnable.select(key, key, one_key=True).named("tie")
    else:
        ahead = rasp.Select(key, key, rasp.Comparison.GT).named("ahead")
        tie = rasp.Select(key, key, rasp.Comparison.EQ).named("tie")
    rank = rasp.SelectorWidth(ahead | (tie & _earlier())).named("rank")
    # `shown` holds the tokens' names: the compiler cannot prove that a learned rank is unique, so the
    # Aggregate may select several positions, and a categorical head cannot mix numbers with BOS
    names = [str(t) for t in MOST_FREQ_TOKENS]
    shown = rasp.Learnable.sequence_map(rasp.tokens, first, values=[*names, MOST_FREQ_END]).named("shown")
    if learn_sorting:
        place = rasp.Learnable.select(rank, rasp.indices, one_key=True).named("place")
    else:
        place = rasp.Select(rank, rasp.indices, rasp.Comparison.EQ).named("place")
    name = rasp.Aggregate(place, shown).named("name")
    return rasp.Map(lambda v: v if v == MOST_FREQ_END else int(v), name).named("most_freq")


def make_dyck2_sketch(max_seq_len: int = 15) -> rasp.SOp:
    """Dyck-2 per prefix: T (balanced), P (can still balance), F (failed). The library's construction
    (`dyck.make_dyck_pft`): depth from counts of opening and closing brackets in the prefix; a closing
    bracket's partner is the opening bracket on its level ranked one below it; a prefix fails from the
    first closing bracket whose partner is of another kind. Holes: `opener` (which tokens open), `kind`
    (a token's bracket kind), `below` (which rank pairs are partners), `breaks` (token and partner's
    kind -> a break) and `label` (failed and depth -> T/P/F). Hand-written: the prefix, depth = opened -
    closed, level = depth at an opener, depth + 1 at a closer, "some break so far" (a count over the prefix:
    a count's distribution is exact in the soft interpreter, a mean is spread between two values)."""
    prefix = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ).named("prefix")
    opener = rasp.Learnable.map(rasp.tokens, values=[True, False]).named("opener")
    opens = rasp.Select(opener, opener, lambda key, query: key).named("opens")
    closes = rasp.Select(opener, opener, lambda key, query: not key).named("closes")
    n_open = rasp.SelectorWidth(prefix & opens).named("n_open")
    n_close = rasp.SelectorWidth(prefix & closes).named("n_close")
    depth = (n_open - n_close).named("depth")
    level = rasp.SequenceMap(lambda d, o: d if o else d + 1, depth, opener).named("level")
    opener_on_level = (rasp.Select(level, level, rasp.Comparison.EQ) & opens).named("opener_on_level")
    rank = rasp.SelectorWidth(opener_on_level & _earlier()).named("rank")
    # one_key: each closing bracket's rank picks one partner rank (rank 0: an unreachable one, e.g. 15)
    below = rasp.Learnable.select(rank, rank, one_key=True).named("below")
    kind = rasp.Learnable.map(rasp.tokens, values=[0, 1]).named("kind")
    partner_kind = rasp.Aggregate(opener_on_level & below, kind, default=-1).named("partner_kind")
    breaks = rasp.Learnable.sequence_map(rasp.tokens, partner_kind, values=[False, True]).named("breaks")
    breaks_so_far = rasp.SelectorWidth(prefix & rasp.Select(breaks, breaks, lambda key, query: key)).named("breaks_so_far")
    failed = rasp.Map(lambda n: n > 0, breaks_so_far).named("failed")
    return rasp.Learnable.sequence_map(failed, depth, values=["T", "P", "F"]).named("label")
