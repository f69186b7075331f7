"""Per-word French positions for the dictionary-scale translator's noun phrases and verb groups (issue 20;
docs/nlp.md, "Not compiled yet").

A noun phrase used to be spoken by its noun as one plan: all its French, in French order. Its value set is
a product over the phrase's words — determiner group × adjective sequence × possessor (≥ 185,949
structures in 1,000,000 random windows, not levelling off) — so no lookup that reads it compiles. Cut by
the English word each French word belongs to (`translation_grammar.noun_phrase_segments`), the same
French is a few small values: each word of the phrase gives its *part* — where its French starts in the
phrase's French (its offset: the words before it in French order) and what it speaks there (its entries,
agreement applied: (2, "a.f.pl"), (0, "=très"), (0, "n.sg")) — and the preposition, each determiner group
and the number after its determiner give their words apart (à côté de | la; au; tous les | deux). A verb
group is a product too — je × ne × se × object clitic × tense and prefix × pas / jamais × mid adverbs ×
participle × tail — and is cut the same way, by role (`translation_grammar.verb_group_segments`: every
code of a verb group reads the verb, so a role, not an English word, is the unit that stays small). The
speaker's plan keeps only how many French words the phrase has, as markers ("@p0", "@p1", ...);
the output position that reaches the k-th marker finds the part whose span holds k (`entry_at`,
`spoken_entry`).

Each part is one value per slot, bounded by what one word or role can speak, not by the phrase: the
product is across the parts, and no lookup pairs two of them. A speaker speaks at most one phrase (a noun
its noun phrase, a verb, être or the word after être its verb group), so both kinds share the phrase's part
slots: slot i holds a noun phrase's `PART_KEYS[i]` or a verb group's `grammar.VERB_ROLES[i]`.

What a speaker says *before* its own French is cut off the same way, as a part of its own (the last slot,
`BEFORE`): the clause's words (est-ce, que / qu', a question's être by person, il y a by tense, il / c' / ce
before être's group), a preposition a number says (à, jusqu'à | huit heures) or an adverb before a predicate.
They were a product with the speaker's own French too — each prefix once per length of the phrase after it —
and most of the plans left (verbs, être, nouns, subject pronouns, numbers: docs/nlp.md, trc14). The plan
keeps their count, as markers "@p-<m>" ... "@p-1" before the phrase's "@p0": the part's offset is -m, so the
phrase's parts do not move.

A question's words (est-ce, que / qu' before its subject, its être after it: `translation_grammar.Asked`) are cut
off before those as one more part (`ASKED`), because the translator computes them apart: from the clause's facts
and views of the speaker, the word after it and the two words before it, not from the window. The plan is
unchanged: its n + m markers "@p-<n+m>" ... "@p-1" stand for the question's n words, then the m the speaker says
before its own French, so the part `ASKED` is at offset -(n + m) and reads m (docs/nlp.md, trc15).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from weightsmith import rasp
from weightsmith.library.nlp import translation_grammar as grammar
from weightsmith.library.nlp.notation import combine, feature

MARKER = "@p"  # a plan's "@p<k>": the k-th French word of the speaker's phrase (k < 0: of what it says before its
# own French), read from its parts
NOT_A_MARKER = -100  # what `marker_index` gives an entry that is no marker: below every span (a plan is short)
# determiner groups: the phrase's (level 0), its possessor's (1), the possessor's possessor's (2), ...; each
# possessor takes two words of the window at least (its noun and 's); only the phrase's has a preposition
GROUP_LEVELS = grammar.WINDOW // 2
PART_KEYS = (*(("word", d) for d in range(grammar.WINDOW)), ("prep", 0),
             *(("det", level) for level in range(GROUP_LEVELS)), *(("count", level) for level in range(GROUP_LEVELS)))
BEFORE = max(len(PART_KEYS), len(grammar.VERB_ROLES))  # the slot of what the speaker says before its own French
ASKED = BEFORE + 1  # the slot of the question's words said before that (`translation_grammar.Asked`)
SLOTS = ASKED + 1
NO_PART = "none"  # the value of a part its phrase does not have (and of every part where no phrase is spoken)
NO_PARTS = (NO_PART,) * SLOTS


@dataclass(frozen=True)
class SpokenParts:
    """What a speaking word hands step 4: its plan, with its phrase's entries (if it speaks a noun phrase or
    a verb group) and what it says before its own French replaced by markers, and their parts by slot (each
    (offset, entries) or NO_PART; what it says before, in slot `BEFORE`; the question's words, in `ASKED`)."""

    plan: tuple
    parts: tuple


def phrase_parts(segments: tuple, keys: tuple) -> tuple | None:
    """The parts of a phrase's segments ((key, entries) in French order), by slot in `keys`' order, padded
    to `SLOTS`: (offset, entries) where the phrase has that key (and it speaks), else NO_PART. None when
    the segments do not cut into parts: a key twice (its French not in one piece) or a key not in `keys`."""
    parts: dict = {}
    offset = 0
    for key, entries in filter(lambda segment: segment[1], segments):
        if key in parts or key not in keys:
            return None
        parts[key] = (offset, entries)
        offset += len(entries)
    return tuple(parts.get(key, NO_PART) for key in keys) + (NO_PART,) * (SLOTS - len(keys))


def word_parts(segments: tuple) -> tuple | None:
    """The parts of a noun phrase's segments (`noun_phrase_segments`): `phrase_parts` by `PART_KEYS`, and
    None too where a word's code stands at another distance than the word's (the part would not be the
    word's own: then the plan speaks the phrase, as before)."""
    if any(key[0] == "word" and any(not c.startswith("=") and b != key[1] for b, c in entries)
           for key, entries in segments):
        return None
    return phrase_parts(segments, PART_KEYS)


def part_entry(part: tuple | str, k: int) -> tuple | None:
    """The plan entry (distance, code) a part speaks as its phrase's k-th French word, or None if its span
    does not hold k."""
    if part == NO_PART or not part[0] <= k < part[0] + len(part[1]):
        return None
    return part[1][k - part[0]]


def entry_at(parts: tuple, k: int) -> tuple | None:
    """The phrase's k-th French entry, from its parts: what the speaker's plan held there before."""
    return next((e for part in parts if (e := part_entry(part, k)) is not None), None)


def verb_group_spoken(window: tuple, after: tuple | None, clause: dict) -> tuple[tuple, grammar.VerbAgreement] | None:
    """The verb group window[0] would speak (`verb_group_parts`), as `translation_grammar.plan` calls it: a
    verb its own (pronominal "r." or "t." forms by its kind), être its own (was born: the present; hungry,
    ten: avoir's forms), not or an intensifier after être être's; None for any other word. Whether the
    plan holds it is `speaker_parts`' to see."""
    me, before = window[0], window[1]
    if me[0] == "V":
        return grammar.verb_group_parts(window, 0, after, clause, {"r": "r.", "t": "t."}.get(me[2], ""))
    if me[0] == "BE":
        return grammar.verb_group_parts(grammar._be_window(window, 0, after), 0, after, clause,
                                        grammar.avoir_prefix(after, window, 0))
    if me[0] == "NEG" and before is not None and before[0] == "BE":
        return grammar.verb_group_parts(grammar._be_window(window, 1, after), 1, after, clause,
                                        grammar.avoir_prefix(after, window, 1))
    if me[0] == "ADV" and before is not None and before[0] == "BE":
        return grammar.verb_group_parts(window, 1, after, clause)
    return None


def _phrase(window: tuple, after: tuple | None, clause: dict) -> tuple | None:
    """The phrase window[0] may speak, as its parts and its French: its noun phrase (a noun) or its verb group;
    None if it has none or it does not cut into parts."""
    if window[0] is None:
        return None
    if window[0][0] == "N":
        phrase = grammar.noun_phrase_parts(window, clause)
        segments = grammar.noun_phrase_segments(phrase.structure, phrase.agreement)
        parts = word_parts(segments)
    elif (group := verb_group_spoken(window, after, clause)) is not None:
        segments = grammar.verb_group_segments(*group)
        parts = phrase_parts(segments, grammar.VERB_ROLES)
    else:
        return None
    spoken = tuple(e for _, entries in segments for e in entries)
    return None if parts is None or not spoken else (parts, spoken)


def spoken_by(window: tuple, after: tuple | None, clause: dict, planned: grammar.Planned | None = None) -> SpokenParts:
    """What window[0] hands step 4: its plan (`planned`, else `translation_grammar.planned`) cut into parts
    (`speaker_parts`), the question's words a part of their own."""
    asked, rest = (planned or grammar.planned(window, after, clause)).words()
    return speaker_parts(window, after, clause, rest, asked)


MOVES = "moves"  # a speaker's look-ahead: its French moves into the verb group before it (`look_ahead`)
PRESENT = "present"  # a speaker's look-ahead: the passé composé before it is said in the present (`look_ahead`)
NO_LOOK = "none"  # a speaker with no look-ahead (neither a verb nor a word that moves)


def look_ahead(window: tuple, clause: dict, spoken: SpokenParts) -> int | str:
    """What step 4 reads of a speaker for the one French word it moves left (`dictionary_translation.speaking`):
    for a verb, where in its plan its verb group's adverb place is (the entries before the group's adverb,
    participle and tail, as `translation_grammar.verb_group_parts` orders them; -1 where its group is not cut into
    parts); `MOVES` for yet / again after the verb's object (`translation_grammar.moves_to_verb`), which says one
    word; `PRESENT` for the for / since after a passé composé that lasts until now
    (`translation_grammar.lasts_until_now`: its participle stands at the adverb place); `NO_LOOK` for any other
    word."""
    if window[0] is not None and window[0][0] == "V":
        if (0, f"{MARKER}0") not in spoken.plan:
            return -1
        roles = spoken.parts[:len(grammar.VERB_ROLES)]
        after = [part[0] for part in roles[grammar.VERB_ROLES.index(("adverb", 0)):] if part != NO_PART]
        place = min(after, default=sum(len(part[1]) for part in roles if part != NO_PART))
        return spoken.plan.index((0, f"{MARKER}0")) + place
    if len(spoken.plan) == 1 and spoken.parts == NO_PARTS and grammar.moves_to_verb(window, clause):
        return MOVES
    if window[0] is not None and grammar.lasts_until_now(window, clause):
        return PRESENT
    return NO_LOOK


def asked_part(words: tuple, before: int) -> tuple | str:
    """The part `ASKED` of a question's words (`translation_grammar.asked_words`), said before the `before`
    words the speaker says before its own French (the part `BEFORE`)."""
    return (-len(words) - before, words) if words else NO_PART


def said_before(parts: tuple) -> int:
    """How many words the part `BEFORE` of a speaker's parts holds."""
    return 0 if parts[BEFORE] == NO_PART else len(parts[BEFORE][1])


def speaker_parts(window: tuple, after: tuple | None, clause: dict, plan: tuple, asked: tuple = ()) -> SpokenParts:
    """`plan` (the word window[0]'s, `translation_grammar.plan`) with the phrase it speaks, if any, handed to
    the phrase's parts: a noun's noun phrase, a verb group. The phrase is recognised by its French: the
    last run of the plan that is the phrase's French (a noun's plan is [que] [il y a] phrase, and `plan`
    puts est-ce / que / être only before it; a verb group may have il / c' / ce before it and an
    intensifier's own French after it), so what the markers stand for is exactly what the plan held,
    whichever rule spoke it. Then what the plan says before the speaker's own French goes to its part
    (`_cut_before`). `asked`: the question's words said before `plan` (`translation_grammar.Planned.words`),
    handed to the part `ASKED` (without them, a question's words are part of what the plan says before the
    speaker's own French)."""
    cut = _cut_phrase(window, after, clause, plan)
    if not asked:
        return cut
    before = said_before(cut.parts)
    markers = tuple((0, f"{MARKER}{k}") for k in range(-len(asked) - before, -before))
    return SpokenParts(markers + cut.plan, cut.parts[:ASKED] + (asked_part(asked, before),) + cut.parts[ASKED + 1:])


def _cut_phrase(window: tuple, after: tuple | None, clause: dict, plan: tuple) -> SpokenParts:
    """`plan` with its phrase and what it says before its own French handed to their parts."""
    found = _phrase(window, after, clause)
    at = None if found is None else next((i for i in range(len(plan) - len(found[1]), -1, -1)
                                          if plan[i:i + len(found[1])] == found[1]), None)
    if at is None:
        return _cut_before(plan, NO_PARTS)
    parts, spoken = found
    markers = tuple((0, f"{MARKER}{k}") for k in range(len(spoken)))
    return _cut_before(plan[:at] + markers + plan[at + len(spoken):], parts)


def _own_entry(entry: tuple) -> bool:
    """Whether a plan entry is the speaker's own French: a code of its own table (at distance 0, not a
    literal) or its phrase's marker."""
    back, code = entry
    return code.startswith(MARKER) or back == 0 and not code.startswith("=")


def before_part(plan: tuple) -> tuple | str:
    """The part `BEFORE` of a plan: what stands before the speaker's own French (the entries before its first
    own one; all of a plan that has none, as il y a or est-ce) at offset -m for its m entries, or NO_PART."""
    m = next((i for i, entry in enumerate(plan) if _own_entry(entry)), len(plan))
    return (-m, plan[:m]) if m else NO_PART


def _cut_before(plan: tuple, parts: tuple) -> SpokenParts:
    """The plan with what stands before the speaker's own French handed to the part `BEFORE` (`before_part`),
    and its m markers "@p-<m>" ... "@p-1" in its place."""
    before = before_part(plan)
    if before == NO_PART:
        return SpokenParts(plan, parts)
    markers = tuple((0, f"{MARKER}{k}") for k in range(before[0], 0))
    return SpokenParts(markers + plan[-before[0]:], parts[:BEFORE] + (before,) + parts[BEFORE + 1:])


def marker_index(code: str) -> int:
    """k for a marker "@p<k>" (negative before the speaker's own French), else NOT_A_MARKER."""
    return int(code[len(MARKER):]) if code.startswith(MARKER) else NOT_A_MARKER


def unpacked(spoken: rasp.SOp) -> tuple[rasp.SOp, list[rasp.SOp]]:
    """The plan and each part slot as s-ops of their own, from an s-op of (plan, parts) pairs: what step 4
    reads, so that no lookup pairs a part with the plan or with another part."""
    return feature("plan", lambda p: p[0], spoken), [feature(f"part_{i}", lambda p, i=i: p[1][i], spoken)
                                                     for i in range(SLOTS)]


# the slots of a verb group's finite words: je, ne, se, the object clitic and the finite verb (`grammar.VERB_ROLES`)
FINITE_SLOTS = tuple(range(grammar.VERB_ROLES.index(("finite", 0)) + 1))


def spoken_entry(carrier: rasp.Select, entry: rasp.SOp, parts: Sequence[rasp.SOp],
                 views: Sequence[tuple[str, Callable[[tuple], Any]]],
                 finite_views: Sequence[tuple[str, Callable[[tuple], Any]]] = ()) -> list[rasp.SOp]:
    """Each view of the entry step 4 speaks (`views`: name, entry → a small value): the plan's `entry`'s,
    or, where it is a marker, the view of the entry of the carrier's part whose span holds the marker's
    index. Each part is copied from the carrier and read with the index alone (a part's values × 15
    indices per lookup); then, view by view, each part's hit is taken to that view and the views of the
    hits are merged pairwise, and the merged view with the plan's. Merged as whole entries, the hits were
    the union of every part's entries, which grows with the grammar (548 × 223 = 122,204 value pairs in one
    merge over 100,000 random verb groups' pairs, past the compiler's limit); a view is a few dozen values
    (a distance, one part of a code's address) whatever the grammar speaks. At most one part holds an
    index (a law of the cut), so a merge is only defined where one side has no hit (`_either`): its lookup
    has a unit per value of either side, not per pair. A view must never be NO_PART.
    `finite_views` (after `views`' in the list returned): views read only where a part of `FINITE_SLOTS` has the
    hit (NO_PART elsewhere, the plan's own entries included): what a verb group cut into parts speaks
    before its participle, and only that (`dictionary_translation._present_code`)."""
    k = feature("phrase_slot", lambda e: marker_index(e[1]), entry)
    hits = []
    for i, part in enumerate(parts):
        carried = rasp.categorical(rasp.Aggregate(carrier, part, default=NO_PART)).named(f"carrier_part_{i}")
        hits.append(combine(f"part_{i}_entry", lambda k_, p: part_entry(p, k_) or NO_PART, k, carried))
    spoken = []
    for name, view in views:
        merged = _merged(name, view, hits)
        mine = feature(f"plan_entry_{name}", view, entry)
        marker = view((0, f"{MARKER}0"))  # what the plan's entry shows where a part has the hit: a marker's view
        spoken.append(combine(f"spoken_{name}", lambda e, h, marker=marker: e if h == NO_PART else h if e == marker
                              else None, mine, merged))
    return spoken + [_merged(name, view, [hits[i] for i in FINITE_SLOTS]).named(f"spoken_{name}")
                     for name, view in finite_views]


def _merged(name: str, view: Callable[[tuple], Any], hits: Sequence[rasp.SOp]) -> rasp.SOp:
    """The view of the one hit among `hits` (NO_PART if none), merged pairwise (`_either`)."""
    merged = [feature(f"part_{i}_{name}", lambda h, view=view: NO_PART if h == NO_PART else view(h), hit)
              for i, hit in enumerate(hits)]
    while len(merged) > 1:
        merged = [combine(f"phrase_entry_{name}" if len(merged) == 2 else f"phrase_{name}_{len(merged)}_{i}",
                          _either, x, y)
                  for i, (x, y) in enumerate(zip(merged[::2], merged[1::2]))] + merged[len(merged) // 2 * 2:]
    return merged[0]


def _either(a: Any, b: Any) -> Any:
    """The one of two hits that is not NO_PART (NO_PART if neither is); undefined (None) if both are hits,
    which the cut never makes: the compiler then enumerates no pair of two hits."""
    return b if a == NO_PART else a if b == NO_PART else None
