"""Per-word French positions for the dictionary-scale translator's noun phrases (issue 20; docs/nlp.md,
"Not compiled yet").

A noun phrase used to be spoken by its noun as one plan: all its French, in French order. Its value set is
a product over the phrase's words — determiner group × adjective sequence × possessor (≥ 185,949
structures in 1,000,000 random windows, not levelling off) — so no lookup that reads it compiles. Cut by
the English word each French word belongs to (`translation_grammar.noun_phrase_segments`), the same
French is a few small values: each word of the phrase gives its *part* — where its French starts in the
phrase's French (its offset: the words before it in French order) and what it speaks there (its codes,
agreement applied: "a.f.pl", "=très", "n.sg") — and the preposition, each determiner group and the
number after its determiner give their words apart (à côté de | la; au; tous les | deux). The noun's
plan keeps only how many French words the phrase has, as markers ("@np0", "@np1", ...); the output
position that reaches the k-th marker finds the part whose span holds k (`entry_at`, `spoken_entry`).

Each part is one value per window distance (or group level), bounded by what one word can speak, not by
the phrase: the product is across the parts, and no lookup pairs two of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from weightsmith import rasp
from weightsmith.library.nlp import translation_grammar as grammar
from weightsmith.library.nlp.notation import combine, feature

MARKER = "@np"  # a plan's "@np<k>": the k-th French word of the speaker's noun phrase, read from its parts
# determiner groups: the phrase's (level 0), its possessor's (1), the possessor's possessor's (2), ...; each
# possessor takes two words of the window at least (its noun and 's); only the phrase's has a preposition
GROUP_LEVELS = grammar.WINDOW // 2
PART_KEYS = (*(("word", d) for d in range(grammar.WINDOW)), ("prep", 0),
             *(("det", level) for level in range(GROUP_LEVELS)), *(("count", level) for level in range(GROUP_LEVELS)))
NO_PART = "none"  # the value of a part its phrase does not have (and of every part where no noun speaks)
NO_PARTS = (NO_PART,) * len(PART_KEYS)


@dataclass(frozen=True)
class SpokenParts:
    """What a speaking word hands step 4: its plan, with its noun phrase's entries (if it speaks one)
    replaced by markers, and the phrase's parts in `PART_KEYS` order (each (offset, codes) or NO_PART)."""

    plan: tuple
    parts: tuple


def word_parts(segments: tuple) -> tuple | None:
    """The parts of a noun phrase's segments (`noun_phrase_segments`), in `PART_KEYS` order: (offset, codes)
    where the phrase has that word or group (and it speaks), else NO_PART. None when the segments do not
    cut into parts: a key twice (a word's French not in one piece), a key not in PART_KEYS (a group deeper
    than GROUP_LEVELS), or a word's code at another distance than the word's (then the plan speaks the
    phrase, as before)."""
    parts: dict = {}
    offset = 0
    for key, entries in filter(lambda segment: segment[1], segments):
        distance = key[1] if key[0] == "word" else 0
        if key in parts or key not in PART_KEYS or any(not c.startswith("=") and b != distance for b, c in entries):
            return None
        parts[key] = (offset, tuple(c for _, c in entries))
        offset += len(entries)
    return tuple(parts.get(key, NO_PART) for key in PART_KEYS)


def part_entry(key: tuple, part: tuple | str, k: int) -> tuple | None:
    """The plan entry (distance, code) a part speaks as its phrase's k-th French word, or None if its span
    does not hold k. A literal's distance is 0, as in the plan (it reads no word)."""
    if part == NO_PART or not part[0] <= k < part[0] + len(part[1]):
        return None
    code = part[1][k - part[0]]
    return (0 if code.startswith("=") or key[0] != "word" else key[1], code)


def entry_at(parts: tuple, k: int) -> tuple | None:
    """The noun phrase's k-th French entry, from its parts: what the speaker's plan held there before."""
    return next((e for key, part in zip(PART_KEYS, parts) if (e := part_entry(key, part, k)) is not None), None)


def speaker_parts(window: tuple, clause: dict, plan: tuple) -> SpokenParts:
    """`plan` (the word window[0]'s, `translation_grammar.plan`) with the noun phrase it ends with, if
    window[0] is a noun that speaks its phrase, handed to the phrase's parts. The phrase is recognised by
    its French: the plan ends with `noun_phrase`'s plan (the noun's own plan is [que] [il y a] phrase,
    and `plan` puts est-ce / que / être only before it), so what the markers stand for is exactly what
    the plan held, whichever rule spoke it."""
    none = SpokenParts(plan, NO_PARTS)
    if window[0] is None or window[0][0] != "N":
        return none
    phrase = grammar.noun_phrase_parts(window, clause)
    segments = grammar.noun_phrase_segments(phrase.structure, phrase.agreement)
    spoken = tuple(e for _, entries in segments for e in entries)
    parts = word_parts(segments)
    if parts is None or not spoken or plan[len(plan) - len(spoken):] != spoken:
        return none
    return SpokenParts(plan[:len(plan) - len(spoken)] + tuple((0, f"{MARKER}{k}") for k in range(len(spoken))),
                       parts)


def marker_index(code: str) -> int:
    """k for a marker "@np<k>", else -1."""
    return int(code[len(MARKER):]) if code.startswith(MARKER) else -1


def unpacked(spoken: rasp.SOp) -> tuple[rasp.SOp, list[rasp.SOp]]:
    """The plan and each part as s-ops of their own, from an s-op of (plan, parts) pairs: what step 4
    reads, so that no lookup pairs a part with the plan or with another part."""
    return feature("plan", lambda p: p[0], spoken), [feature(f"{key[0]}_{key[1]}_part", lambda p, i=i: p[1][i], spoken)
                                                     for i, key in enumerate(PART_KEYS)]


def spoken_entry(carrier: rasp.Select, entry: rasp.SOp, parts: Sequence[rasp.SOp],
                 views: Sequence[tuple[str, Callable[[tuple], Any]]]) -> list[rasp.SOp]:
    """Each view of the entry step 4 speaks (`views`: name, entry → a small value): the plan's `entry`'s,
    or, where it is a marker, the view of the entry of the carrier's noun-phrase part whose span holds the
    marker's index. Each part is copied from the carrier and read with the index alone (a part's values ×
    15 indices per lookup); the hits, at most one, are merged pairwise; then each view is merged with the
    plan's apart. Whole entries merged would pair the plan's entries with the phrase's, a product of two
    sets of hundreds (38,376 hidden units over the corpus's pairs); a view pairs a few dozen values with a
    few dozen. A view must never be NO_PART."""
    k = feature("noun_phrase_slot", lambda e: marker_index(e[1]), entry)
    hits = []
    for key, part in zip(PART_KEYS, parts):
        name = f"{key[0]}_{key[1]}"
        carried = rasp.categorical(rasp.Aggregate(carrier, part, default=NO_PART)).named(f"carrier_{name}_part")
        hits.append(combine(f"{name}_part_entry", lambda i, p, key=key: part_entry(key, p, i) or NO_PART, k, carried))
    while len(hits) > 1:
        hits = [combine("noun_phrase_entry" if len(hits) == 2 else f"noun_phrase_entry_{len(hits)}_{i}",
                        lambda a, b: a if a != NO_PART else b, x, y)
                for i, (x, y) in enumerate(zip(hits[::2], hits[1::2]))] + hits[len(hits) // 2 * 2:]
    spoken = []
    for name, view in views:
        mine = feature(f"plan_entry_{name}", view, entry)
        phrase = feature(f"noun_phrase_entry_{name}", lambda h, view=view: NO_PART if h == NO_PART else view(h), hits[0])
        spoken.append(combine(f"spoken_{name}", lambda e, h: h if h != NO_PART else e, mine, phrase))
    return spoken
