"""Grammaticality at dictionary scale (issue 20 §2): a RASP program over word ids (`grammar_words`: ~71k word
forms of the built lexicon, each with one class). A sentence is grammatical when no position breaks a rule.

    word_class   the word's class, looked up from its id (a staircase)
    tag          the one reading the word takes here, chosen from its neighbours: "open" is a verb after a
                 subject ("i open the door") and an adjective after "is" or before a noun; "her" is a
                 determiner before a noun and a pronoun elsewhere; "to" is an infinitive before a verb
    bad_order    a pair of neighbours that cannot stand together: a determiner not followed by an
                 adjective or noun ("the the", "a my"), an adjective after a noun ("the car red"), a subject
                 pronoun followed by a noun phrase ("she happy"), "not" without an auxiliary ("i not like")
    bad_det      a determiner disagrees with its noun ("these cat", "a apples"), or a / an with the sound
                 of the next word ("a apple", "an dog")
    governor     for every verb, what stands before it in its clause: an auxiliary (will, do, have, be, to)
                 fixes its form ("will sent", "have went", "did n't saw", "is eat"), a subject makes it a
                 finite verb that must agree ("the cats eats", "i washing the dishes"); after an inverted
                 auxiliary ("does she …") the verb takes the auxiliary's form
    inverted     an auxiliary that opens the sentence (or follows where/what/how …) asks a question: it
                 agrees with the subject to its right, must be followed by one ("is hot the kettle ?"), and
                 the sentence must end with "?" — which only a question may
    has_verb     the sentence has a finite verb (exclamations "what a day !" need none)
    word choice  learners' errors read from word tables (`grammar_words`): two negatives in one clause
                 (do n't know nothing), more / most with an adjective that compares with -er (more old, the
                 most good, more better), a preposition its head refuses (afraid from, listened the
                 teacher, near of, since two years), "to" after a modal (can you to help), a verb of state
                 in the progressive (she is knowing), "an advice", "two of my friend"; a subject pronoun
                 after a preposition (with we), an adverb of manner before the object (opened slowly the
                 door), an indirect question in question order, a countable singular with no determiner
                 after "be" (there is umbrella), a missing genitive (my aunt husband); a countable singular
                 with no determiner after "of" (the back of cupboard), a possessive pronoun before a noun (ours
                 passports), an -ly adverb as be's predicate (the room was quietly), let + object + -ing, a verb
                 without its "to" (he needs finish it), for + years with a present simple (i know her for ten
                 years), an adjective of size or age before an opinion one (an old lovely cottage); an
                 adverb of time or repetition before a definite object (we visited again the museum), an
                 object pronoun after a preposition before a noun (the photos of us trip), an adjective with
                 an -ly adverb before another in a predicate (i felt terrible lonely), "than" with no
                 comparative before it (i prefer tea than coffee); a missing "be" before the past of a verb
                 that always takes an object (the match cancelled because of the rain, she often delayed by the
                 traffic; one that takes an object in its commonest senses only before a preposition: the hills
                 covered in heather), an -ed participle of feeling after "be" whose subject could not feel it (the
                 trip was really interested), a plain adjective after a noun-first word read as a verb (the rabbits
                 in the pet shop very small: no verb), since + a length of
                 time (since a year), a quantifier + of + a bare noun (most of people), "in front" + a noun
                 phrase (park in front the shop), a present perfect's participle before on + a weekday (i have
                 emailed it on monday), an adjective after "very" after a noun that "a" opens (a hill very steep)
    label        grammatical iff no position breaks a rule

A subject is a pronoun, or a noun not inside a prepositional phrase (in "the box of apples is heavy" the
verb agrees with "box"); two noun phrases joined by "and" before the verb are plural. "and", "but", commas
and subordinators start a new clause; a verb after "and" with no subject of its own ("she cooks and
cleans") may take any finite form.

Unknown words (UNK) are wildcards: read as a singular name (a subject in the third person singular, "anna
likes tea"; plural after a number: "there is four cafés"), never the cause of a word-order error, never checked for a/an or number. Over-regularised
forms ("childs", "goed") are known to be wrong (class BAD) and make the sentence ungrammatical.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from weightsmith import rasp
from weightsmith.library.nlp.grammar_words import (
    BARE_AFTER, COMPLEMENT_ERRORS, FEELING, FLAT_LY, LINKING, PARTICIPLE_ADJECTIVE, THING, THING_VERB, TIME_NOUN,
    UNK_CLASS, WordClass,
)
from weightsmith.library.nlp.grammar_words import vocabulary as words
from weightsmith.library.nlp.notation import (
    combine, count_all, count_upto, feature, first, nearest_left, nearest_right, previous, settled,
)

LABELS = ("grammatical", "ungrammatical")
MAX_SEQ_LEN = 40

BE = ("BE_BASE", "BE_AM", "BE_IS", "BE_ARE", "BE_WAS", "BE_WERE", "BE_PP", "BE_ING")
HAVE = ("HAVE_BASE", "HAVE_3S", "HAVE_PAST", "HAVE_ING")
DO = ("DO_BASE", "DO_3S", "DO_PAST", "DO_PP", "DO_ING")
AUX = (*BE, *HAVE, *DO, "MODAL")
VERBAL = (*AUX, "V")
DETS = ("DET_A", "DET_AN", "DET", "DET_SG", "DET_PL", "POSS", "QDET", "QDET_SG", "QDET_PL")
NOMINATIVE = ("NOM_1S", "NOM_3S", "NOM_PL")
SUBJECT_PRONOUNS = (*NOMINATIVE, "YOU", "IT", "PRON", "PRON_PL", "PRON_ANY", "THERE")
BREAKS = ("COMMA", "SUB", "BUT", "WH", "INTERJ", "AND_CLAUSE")
ENDS = ("END_DOT", "END_Q", "END_EXCL")
START, END = "^", "$"
# determiners with a number (or a sound)
NUMBERED = ("DET_A", "DET_AN", "DET_SG", "DET_PL", "QDET_SG", "QDET_PL", "NUM", "NUM1")
SUBJECT_START = (*DETS, *SUBJECT_PRONOUNS, "N", "UNK", "NUM", "NUM1", "NEG")

TAGS = (*DETS, "NUM", "NUM1", "ORD", *SUBJECT_PRONOUNS, "ACC", "WH",
        "N", "V", "A", "R", "QR", "DEG", *AUX, "TO", "TOINF", "PREP", "AND", "BUT", "SUB", "NEG", "NEVER", "INTERJ",
        "CL_S",
        *ENDS, "COMMA", "HYPH", "UNK", "BAD", "-")  # every reading a word can take ("-": none, never met)

# the kind of a neighbour, as ambiguity resolution reads it
# (X: not — before an adjective as often as a verb; Z: very, too, so, really — mostly before an adjective; Y: never,
# always, just — mostly before a verb)
NUMBER = "#"  # the kind of a number: a determiner to every rule but the clock time's "past" (twenty past eleven)
KIND = {**{t: "D" for t in (*DETS, "CL_S")}, "NUM": NUMBER, "NUM1": NUMBER, **{t: "S" for t in SUBJECT_PRONOUNS},
        "ACC": "O", **{t: "M" for t in (*DO, "MODAL")}, "TO": "T", "TOINF": "T", **{t: "B" for t in BE},
        **{t: "H" for t in HAVE}, "NEG": "X", "DEG": "Z", "NEVER": "Y", "R": "Y", "QR": "Q", "PREP": "P", "V": "V",
        "N": "N",
        "A": "A", "ORD": "A", "HYPH": "A", "UNK": "U", "BAD": "U", "WH": "W", "AND": "&"}


def kind(c: WordClass) -> str:
    """What a neighbour is, for resolving a word: a letter, or '?' with the readings of an ambiguous open word."""
    if len(c.readings) > 1 and all(r in "NVAR" for r in c.readings):
        # (p: a plural noun or a verb in -s: that [sounds] great, this looks nice)
        plural = "p" if c.number == "pl" and "3s" in c.forms else ""
        return "?" + c.primary + "".join(r for r in c.readings if r != c.primary) + plural
    return HOW if c.mark == "how" else noun_kind(c.primary, c.number)


OBJECT_NOUN = "K"  # the kind of a singular noun after its clause's verb (the second reading pass)
# the kind of a plural noun after its clause's lexical verb (not be or have: are the builders [work] on the roof ?):
# my manager wants the sales [figures] by thursday
OBJECT_PLURAL = "F"
# the kind of a noun whose clause has a verb after the word after it (the second reading pass): that word is no verb
# but a compound's head (the traffic [lights] on the corner are …)
MODIFIER_NOUN = "C"
# the kind of a singular noun after its clause's verb that names a thing (`grammar_words.THING`: no one who could act):
# a noun-verb word after it before a determiner is a compound's head (i lost my bus pass this morning, your flu jab
# this year), where after a person it is the verb of a clause (has the teacher mark your essay yet ?)
OBJECT_THING = "I"
# the kind of a singular noun whose clause has no verb in the first reading pass, neither before it nor after it (the
# second reading pass): a noun-verb word after it is the clause's verb, not a compound's head (the drawers of the old
# desk [stick] in damp weather, the tablets for my cough [taste] of mint)
VERBLESS_NOUN = "n"
HOW = "J"  # the kind of "how": a question word that an adjective or adverb follows (how long, how far)
# the kind of "last" in the second reading pass: a time phrase starts (last night), which ends the noun phrase
# before it as "yesterday" would; to every rule but `_resolve_open`'s compounds it is the adjective it is
LAST = "G"


def noun_kind(tag: str, number: str) -> str:
    """A reading's kind, where a plural noun ("L") is told from a singular one ("N"): after a singular noun,
    a noun-verb word in its base form is the second half of a compound (the bus stop, my school bag)."""
    return "L" if tag == "N" and number in ("pl", "sgpl") else KIND.get(tag, "E")


def _nounish(k: str) -> bool:
    """Can this neighbour continue a noun phrase (an adjective, a noun, a number)?"""
    return k in ("N", "L", "A", "U") or (k.startswith("?") and ("N" in k or "A" in k))


def _verbish(k: str) -> bool:
    return k in ("V", "B", "H", "M") or (k.startswith("?") and "V" in k)


def _like_noun(k: str) -> bool:
    return k in ("N", "L", "U") or (k.startswith("?") and k[1] == "N")


def resolve(c: WordClass, before: str, after: str) -> str:
    """The reading a word takes between neighbours of kinds `before` and `after` (a singular noun after its
    clause's verb, OBJECT_NOUN, and a noun whose clause's verb comes after the word after it, MODIFIER_NOUN, are
    singular nouns to every rule but `_resolve_open`'s compounds)."""
    g = c.readings
    if len(g) == 1:
        return g[0]
    if PARTICIPLE_ADJECTIVE in c.mark.split("/"):
        # a participle's adjective reading (`grammar_words.participle_adjective`) only between a determiner, a number,
        # an adjective, an adverb, a preposition, a verb or "and" and a noun: the signed contract, a beautifully
        # decorated room, in my scrambled eggs, we ate grilled sardines; anywhere else it is the participle it was
        # (the kids were bored on the long drive)
        if before in ("D", "A", "P", "Q", "Y", NUMBER, "V", "&") and _like_noun(
                {OBJECT_NOUN: "N", OBJECT_THING: "N", OBJECT_PLURAL: "L", MODIFIER_NOUN: "N", VERBLESS_NOUN: "N"}.get(
                    after, after)):
            return "A"
        c = replace(c, readings=tuple(r for r in g if r != "A"))
        g = c.readings
        if len(g) == 1:
            return g[0]
    # (after a plural, not a word that is an adverb first: i answered forty emails [today])
    after_verb = before in (OBJECT_NOUN, OBJECT_THING) or (before == OBJECT_PLURAL and c.primary != "R")
    after_thing = before == OBJECT_THING
    verb_later = before == MODIFIER_NOUN
    verbless = before == VERBLESS_NOUN
    open_word = all(r in "NVAR" for r in g)
    if before == HOW and open_word and {"A", "R"} & set(g):
        return next(r for r in ("A", "R") if r in g)  # how long ?, how far is it ?
    time_after = after == LAST
    # (a clock time: a number after "past", with no determiner before it but a number: half past seven, twenty
    # past eleven; the past six weeks)
    clock = after == NUMBER and before != "D"
    before, after = ({OBJECT_NOUN: "N", OBJECT_THING: "N", OBJECT_PLURAL: "L", MODIFIER_NOUN: "N", VERBLESS_NOUN: "N",
                      HOW: "W", LAST: "A", NUMBER: "D"}.get(k, k) for k in (before, after))
    if open_word:
        return _resolve_open(g, c.primary, before, after, c.forms, c.mark in ("cnt", "kin"), after_verb, verb_later,
                             time_after, after_thing, verbless)
    return _resolve_closed(g, before, after, clock)


def _resolve_open(g: tuple[str, ...], primary: str, before: str, after: str, forms: tuple[str, ...],
                  countable: bool = False, after_verb: bool = False, verb_later: bool = False,
                  time_after: bool = False, after_thing: bool = False, verbless: bool = False) -> str:
    """`forms`: what the word's verb reading can be (`_ambiguity`): fin (base, 3s or past), ing, pp;
    `countable`: a countable singular noun reading; `after_verb`: the noun before me follows its clause's
    verb (an object or in a phrase after it); `verb_later`: the noun before me has its clause's verb after me;
    `time_after`: "last" follows me (a time phrase: last night); `after_thing`: the noun before me after its clause's
    verb names a thing (OBJECT_THING); `verbless`: the noun before me is in a clause the first pass found no verb in
    (VERBLESS_NOUN)."""
    def pick(*order: str) -> str:
        return next((r for r in order if r in g), primary)

    participle = "ing" in forms or "pp" in forms
    if after_verb and "N" in g and primary != "A" and not participle and (
            after in ("P", "Y", "E", "&", END) or time_after or (after_thing and after == "D")
            or (after in ("N", "L") and primary != "R")):
        # a noun-verb word after an object noun, before a phrase or the end, is a compound's head: who left
        # the garage light on ?, in the evening light ., my son is in the school play tonight . (a clause
        # with a noun subject and no "that" after think / know … is read the same: i think the shop closes
        # at six; "i think the shop close at six" is missed; an adjective first stays one: he is a cook good).
        # Before "last" too (i repaired the kitchen sink last night), not before any adjective (i think the soup
        # tastes salty) nor "this" (has the plumber fix this boiler ? would pass). Between an object noun and a
        # noun it is a compound's middle word, unless it is an adverb first: it rained during the school [sports]
        # day, the kitchen light bulbs; we bought three loaf [yesterday] morning
        return "N"
    if verb_later and "N" in g and primary != "A" and not participle:
        # a noun-verb word between a noun and its clause's verb is a compound's head: the street lights on our
        # road are …, the old railway line now goes …, where the light switch for the cellar is
        return "N"
    if primary == "R" and "N" in g:  # home, today: a noun after a determiner or preposition, or as a subject
        return "N" if before in ("D", "A", "P") or (before == START and after in ("B", "M", "H")) else "R"

    # an adjective before a noun (the open door); a noun first read as a noun before an adjective (the
    # weather cold …)
    # (a word that is a noun first, before a noun-or-verb word, is its subject: the plane lands)
    before_noun = after in ("N", "L", "U") or (_like_noun(after) and ("V" not in after or primary != "N")) or (
        _nounish(after) and primary != "N")
    noun_or_adjective = "A" if "A" in g and before_noun else pick("N", "A", "R", "V")
    if primary == "R" and "A" in g and "N" not in g:  # an adverb first is an adjective only before a noun: a
        return "A" if before_noun else "R"           # little dog, the late train / tired a little, late at night
    if before == "Q" and "A" in g and not _nounish(after):
        return "A"  # more dark, more fast than (more light, more cold water: below)
    if before in ("D", "A", "P", "Q") or (before.startswith("?") and before[1] == "A"):
        return noun_or_adjective  # the open door, a light box, in the park, more light
    if before in ("S", "M", "T"):
        return pick("V")  # i open, will open, to open
    if before == "Y":  # never open, always cook, have just arrived
        return pick("V", "A", "R", "N")
    if before == "Z":  # very light, so tired, she very upset about …; really need
        return pick("A", "V", "R", "N")
    if before == "X":  # did n't open the door / is not open
        if "V" in g and ("A" not in g or after in ("D", "O", "S", "T") or (after == "P" and "ing" not in forms)):
            return "V"
        return pick("A", "R", "N")
    if before == "B":  # is cooking, is growing tomatoes; is open, is open every day
        return "V" if "V" in g and after in ("D", "O") and participle else pick("A", "V", "N", "R")
    if before == "H" and primary == "A" and (_like_noun(after) or after == "A"):
        return "A"  # an adjective first before have's object: she has long hair, he has long dark hair
    if before == "H":  # have eaten, has paint the walls, have live here; have breakfast at seven
        # (an uncountable noun-verb word before a phrase or the end is the noun: i have toast for breakfast)
        verb = "pp" in forms or "ing" in forms or after in ("D", "O") or "N" not in g or (
            primary == "V" and (after not in ("P", "E", END) or countable))
        return "V" if "V" in g and verb else pick("N", "A", "R", "V")
    if before == "N" and "A" not in g and "fin" not in forms and not verbless and (
            after in (END, "E") or after in ("P", "D") and primary == "N"):
        return "N"  # a compound: the bus stop, your school bag, my coat pocket all … (the dog bark: no verb either way)
    if _like_noun(before):  # the children play / the kitchen light is on / the car red / the staff meeting
        # (an -ing form only where an object or phrase follows it: a dog barking at me, the staff meeting starts)
        if "V" in g and after not in ("V", "B", "H", "M") and (
                forms != ("ing",) or after in ("D", "O", "S", "P", "X", "Y", "T", "E", "&", END)):
            return "V"
        return "A" if primary == "A" else pick("N", "A", "R")
    if before == "O" and primary == "V":
        return "V"  # a verb first after an object pronoun is its verb: let me help, she taught us swim
    if before in ("V", "O") or before.startswith("?"):
        return noun_or_adjective  # an object: i like fish
    if before == "W":  # the people who work here, who cooks dinner ? / which bus goes …, what time is it ?
        return "V" if "V" in g and after in ("D", "O", "P", "X", "Y", "T", "A", END) else pick("N", "A", "R", "V")
    if before == "&" and "A" in g and after in ("E", "&", END):  # hot and dry .
        return "A"
    if before == "&" and "V" in g and after == "S":  # … and trusts it
        return "V"
    # at the start of a sentence or clause: a verb before its object (open the door !), else a noun phrase
    if "V" in g and (after in ("D", "O", "P", "X", "T", "E", "&", "W", END) or not {"N", "A"} & set(g)):
        return "V"
    if "N" in g and after in ("B", "M", "H", "V"):
        return "N"  # a subject: english is spoken everywhere
    return primary if primary in ("N", "A") else pick("N", "A", "R")


def _resolve_closed(g: tuple[str, ...], before: str, after: str, clock: bool = False) -> str:
    """`clock`: a number follows and no determiner but a number stands before (half past seven)."""
    head = g[0]
    if head in ("DET_SG", "DET_PL"):  # this / that / these / those
        if head == "DET_SG" and after.endswith("p"):
            return g[1]  # that sounds great
        if _nounish(after):
            return head
        return "SUB" if "SUB" in g and after in ("S", "D") else g[1]
    if head == "QDET_SG" and "R" in g:  # much: very much / much water / much of the town
        return head if _nounish(after) else "PRON_ANY" if after == "P" and "PRON_ANY" in g else "R"
    if head == "QDET_PL" and before == "D":  # a few, the many: a number
        return "NUM"
    if "R" in g and head.startswith("QDET") and before in ("L", "S") and (_verbish(after) or after in (
            "N", "L", "Y", "X", "Z")):
        return "R"  # all / both / each after their subject: my sisters both work, we all went, they both never …
    if head.startswith("QDET"):  # some water / all the cats / some of them, i want some
        return head if _nounish(after) or after == "D" else "PRON_ANY"
    if head == "DET":  # her / no
        if "ACC" in g:
            return "DET" if _nounish(after) else "ACC"
        return "INTERJ" if after in ("E", "&", END) else "DET"
    if head == "NUM1":  # one
        return "NUM1" if _nounish(after) or before in ("D", "A", "W") else "PRON"  # (which one do you …)
    if head == "THERE":
        return "THERE" if after in ("B", "M", "H") or before == "B" else "R"
    if head == "WH" and "SUB" in g:  # when
        return "WH" if before == START else "SUB"
    if head == "WH":  # what / which
        return "WH"
    if head in ("DEG", "PREP") and "SUB" in g:  # so / before / after / until / since
        return "SUB" if after in ("S", "D") and (head == "PREP" or after == "S") else head
    if head == "CL_S":  # the child 's book / it 's cold
        if before == "V":
            return "ACC"  # let 's go
        if _like_noun(before) and after == "E":
            return "PRON"  # a genitive standing for its noun phrase: my bag is lighter than my brother 's .
        return "POSS" if _like_noun(before) and _nounish(after) else "BE_IS"
    if head == "PREP" and "V" in g:  # like
        # (what is the weather like [today] ?: a preposition)
        noun_subject = _like_noun(before) and after not in (END, "Y") and not after.startswith("?R")
        return "V" if before in ("S", "M", "T", "X", "Z", "Y", "U", START, "E", "&") or noun_subject else "PREP"
    if head == "PREP" and "N" in g and "A" in g:  # in the past / the past few weeks / half past six, past the church
        return ("A" if _nounish(after) else "N") if before in ("D", "A") and not clock else "PREP"
    if head == "PREP" and "A" in g:  # opposite the bank / the opposite side
        return "A" if before in ("D", "A") else "PREP"
    if head == "PREP" and "ORD" in g:  # next to the door / next week, the next train
        # (after a noun, "next door" is a place: the people next door are …)
        return "PREP" if after == "T" or (_like_noun(before) and after in ("N", "L")) else "ORD"
    if head == "MODAL" and "N" in g:  # she may come / born in may
        return "N" if before in ("D", "A", "P") else head
    return head


def tag_of(c: WordClass, before: str, after: str) -> str:
    """The reading, with "to" told apart: an infinitive marker before a verb, else a preposition."""
    reading = resolve(c, before, after)
    if reading == "TO":
        return "TOINF" if _verbish(after) else "PREP"
    return reading


# ------------------------------------------------------------------------------------------ rules


# the order classes: what `bad_pair` tells apart (PRON / PRON_PL: this, that, something, these, those; an -ing
# auxiliary may follow a preposition or an object: for being late, after having lunch, i hate him being late)
ORDER_CLASS = {**{t: "END" for t in ENDS}, **{t: "DET" for t in DETS}, **{t: "QDET" for t in DETS if t[0] == "Q"},
               **{t: "NOM" for t in NOMINATIVE}, "YOU": "SUBJ", "IT": "SUBJ", "THERE": "SUBJ", "PRON_ANY": "SUBJ",
               "PRON": "DEM", "PRON_PL": "DEM", "DEG": "R", "QR": "R",
               **{t: "AUX" for t in AUX}, **{t: "AUX_ING" for t in ("BE_ING", "HAVE_ING", "DO_ING")}, "NUM1": "NUM",
               **{t: t for t in ("BAD", "UNK", "NEG", "N", "V", "ACC", "MODAL", "PREP", "TOINF", "A", "R", "NUM",
                                 "ORD")}}


def order_class(tag: str) -> str:
    return ORDER_CLASS.get(tag, "OTHER")


def bad_pair(before: str, mine: str) -> str:
    """Two neighbours (order classes of their tags) that cannot stand together: bad; noun-adjective and
    subject-negation (bad unless in a question, see `program`); ok."""
    if before == "END" or mine == "BAD":
        return "bad"
    if before == "UNK" or mine == "UNK":
        return "ok"
    if before in ("N", "NOM", "SUBJ") and mine == "A":
        return "noun-adjective"  # the car red, she happy (but: is the soup hot ?)
    forbidden = {
        "DET": lambda m: m not in ("A", "N", "R", "NUM", "ORD"),  # the the, a my, the is
        "QDET": lambda m: m in ("AUX", "MODAL", "V", "NOM"),  # (some of them, all the cats, i want some .)
        START: lambda m: m in ("ACC", "END", "NEG"),  # n't have you …
        "NOM": lambda m: m in ("NOM", "ACC", "PREP", "TOINF"),  # she him
        "ACC": lambda m: m == "MODAL",  # him can
        "MODAL": lambda m: m in ("TOINF", "PREP", "MODAL"),  # can to swim
        "PREP": lambda m: m in ("AUX", "MODAL"),
    }
    if before == "NOM" and mine in ("DET", "N", "NUM"):
        return "subject-noun"  # she the cat (but: is she your sister ?)
    if mine == "NEG" and before in ("NOM", "SUBJ", "DEM", "N"):  # i not like (but: does she not like ?)
        return "subject-negation"
    if mine == "NEG" and before == "V":  # i like not (but: i hope not .)
        return "verb-negation"
        return "bad"
    if before == "ACC" and mine == "AUX":  # him is (but: the book you gave me is …)
        return "object-auxiliary"
    if before == "DEM" and mine in ("DET", "QDET"):  # this these cats (but: is this your bag ?)
        return "subject-noun"
    if before == "A" and mine == "DET":  # is fit your friend (but: how beautiful the sea is !; open every day)
        return "adjective-determiner"
    return "bad" if before in forbidden and forbidden[before](mine) else "ok"


def requirement(tag: str) -> str:
    """The form a verb must take after this word: base after will / do / to, a participle after have, -ing
    or a participle after be, -ing after a main verb (i like swimming)."""
    if tag in DO or tag in ("MODAL", "TOINF"):
        return "base"
    if tag in HAVE:
        return "pp"
    if tag in BE:
        return "ing_pp"
    if tag == "ACC":
        return "obj"  # let me go, help him carry, saw them leaving
    return "ing" if tag == "V" else "-"


NON_FINITE_FORMS = {"base": ("BE_BASE", "HAVE_BASE", "DO_BASE"), "pp": ("BE_PP", "HAVE_PAST", "DO_PP"),
                    "ing": ("BE_ING", "HAVE_ING", "DO_ING")}
FINITE = {"BE_AM": ("1s",), "BE_IS": ("3s",), "BE_ARE": ("pl",), "BE_WAS": ("1s", "3s"), "BE_WERE": ("pl",),
          "HAVE_BASE": ("1s", "pl"), "HAVE_3S": ("3s",), "HAVE_PAST": ("1s", "3s", "pl"),
          "DO_BASE": ("1s", "pl"), "DO_3S": ("3s",), "DO_PAST": ("1s", "3s", "pl"), "MODAL": ("1s", "3s", "pl")}


def takes(vform: str, need: str) -> bool:
    """Whether a verb (its tag, or V:<forms>) is in the form `need` (base, pp, ing, ing_pp)."""
    if need == "ing_pp":
        return takes(vform, "ing") or takes(vform, "pp")
    if need == "obj":
        return takes(vform, "base") or takes(vform, "ing")
    if vform.startswith("V:"):
        return need in vform[2:].split("+")
    return vform in NON_FINITE_FORMS.get(need, ())


def agrees(vform: str, person: str) -> bool:
    """Whether a verb is finite and agrees with a subject of `person` (1s, 3s, pl; any: no constraint)."""
    if vform.startswith("V:"):
        forms = vform[2:].split("+")
        wanted = {"3s": ("3s", "past"), "any": ("base", "3s", "past")}.get(person, ("base", "past"))
        return any(f in forms for f in wanted)
    people = FINITE.get(vform, ())
    return bool(people) and (person == "any" or person in people)


def verb_check(governor: str, vform: str) -> str:
    """ok / fin (a finite verb, fine) / bad / agree:<verb> (an inverted auxiliary: agreement with the subject
    to its right is checked next)."""
    if vform == "-":
        return "ok"
    if vform.startswith("INV:"):
        return "agree:" + vform[4:]
    kind_, *rest = governor.split(":")
    if kind_ == "req":  # (after "be", a word that is also an adjective: you are always welcome)
        return "ok" if takes(vform, rest[0]) or (rest[0] == "ing_pp" and "adj" in vform.split("+")) else "bad"
    if kind_ == "subj":
        person, pending = rest
        if pending == "ing_pp" and "adj" in vform.split("+"):
            return "ok"  # are the shops [open] ?
        if person == "there" and pending == "fin":
            return "agree:" + vform  # there [are] two cats: agreement with the noun after the verb
        if pending != "fin":  # does she [like], has the bus [left]
            return "ok" if takes(vform, pending) else "bad"
        return "fin" if agrees(vform, person) else "bad"
    if kind_ == "brk":  # a new clause with no subject of its own: she cooks and [cleans]
        return "fin" if agrees(vform, "any") else "bad"
    # the first word of the sentence, no subject: an imperative (open the door !, be quiet !)
    return "fin" if takes(vform, "base") else "bad"


def agreement_check(check: str, person: str) -> str:
    if not check.startswith("agree:"):
        return check
    return "fin" if agrees(check[6:], person if person not in ("-", "there") else "any") else "bad"


def person_of(tag: str, number: str) -> str:
    """The person and number of a possible subject; '-' for a word that is none."""
    if tag == "N":
        return {"sg": "3s", "pl": "pl", "sgpl": "any"}.get(number, "3s")
    return {"NOM_1S": "1s", "NOM_3S": "3s", "IT": "3s", "PRON": "3s", "UNK": "unk", "NOM_PL": "pl", "YOU": "pl",
            "PRON_PL": "pl", "PRON_ANY": "any", "THERE": "there"}.get(tag, "-")


# ---------------------------------------------------------------------------------------- program


def vocabulary() -> list[str]:
    """Every word the program knows (others are UNK), UNK included."""
    return list(words().words)


def encode(sentence: list[str]) -> list[int]:
    return words().encode(sentence)


@lru_cache(maxsize=None)
def _parsed(name: str) -> WordClass:
    """A class's fields, its mark as every rule but this round's reads it (`WordClass.rule_mark`; `_role` reads the
    rest)."""
    c = WordClass.parse(name)
    return replace(c, mark=c.rule_mark)


@lru_cache(maxsize=None)
def _as_neighbour(name: str) -> WordClass:
    """A class as its neighbours' resolution reads it (`kind`): a participle without the adjective reading it takes
    only before a noun (`grammar_words.participle_adjective`), so that "the border police [checked] …" reads "police"
    as before."""
    c = _parsed(name)
    if PARTICIPLE_ADJECTIVE in WordClass.parse(name).mark.split("/"):
        return replace(c, readings=tuple(r for r in c.readings if r != "A"))
    return c


def _links(name: str) -> bool:
    """Whether the class is a linking verb's (`grammar_words.linking_verbs`: it tastes delicious)."""
    return LINKING in WordClass.parse(name).mark.split("/")


def _role(name: str) -> str:
    """What the rules of word choice read of a class, in one feature (a feature of the word class costs units per
    class, a feature of this one a unit per value), as letters: "v" a verb that takes no adjective after it (no
    linking verb, `_links`, nor one of result: get ready, keep quiet), "a" an adjective that may stand for its -ly
    adverb (not one the lexicon lists as an adverb too, slow, hard, unless that adverb is only ever its -ly
    adverb's twin, `grammar_words.flat_ly_adverbs`: sweet, quick; nor one of colour, size or age: turn red), "p" a
    preposition a bare countable noun may not follow (not by, of, than, during, nor one with other readings: next,
    past, like; and "as", an adverb to the other rules: she works as waitress), "b" a countable noun English puts
    bare after a preposition (at school, in bed), "r" an adjective with an adverb's reading that is no gradable
    adjective of its own (a comparative: better, closer; overnight), "j" a plain adjective: first, with no verb or adverb
    reading and no degree (small, dark, stale; not louder, which is as often the adverb after a verb: no word that is
    a noun first takes it after it as a verb), "n" a noun first with a verb reading (shop, market), "f" a participle
    of a verb of feeling (interested, bored: `grammar_words.feeling_verbs`), "t" a noun that names no one who could
    feel (trip, film: `grammar_words.feeling_nouns`)."""
    c = _parsed(name)
    marks = c.mark.split("/")
    own = WordClass.parse(name).mark.split("/")
    letters = ("v" * (not _links(name) and "res" not in marks)
               + "a" * ("ly" in marks and "fact" not in marks and ("R" not in c.readings or FLAT_LY in own))
               + "p" * (c.readings in (("PREP",), ("PREP", "SUB")) and c.mark not in (
                   "of", "p:by", "than", "strict", "during") or c.mark == "as")
               + "b" * (BARE_AFTER in own)
               + "r" * ("R" in c.readings and "syn" not in marks)
               + "j" * (c.primary == "A" and not {"V", "R"} & set(c.readings) and not {"cmp", "deg"} & set(marks))
               + "n" * (c.primary == "N" and "V" in c.readings)
               + "f" * (FEELING in own) + "t" * (THING in own))
    return letters or "-"


def _compound_role(name: str) -> str:
    """What the compound rules read of a class, as letters: "t" a noun first that names a thing (`grammar_words.THING`:
    bus, night, corner; not teacher, brother), "s" a singular noun-verb word with no adjective reading (ferry, fan,
    pass), and the forms of its verb reading, "b" base, "3" in -s, "d" past (leaves: "3")."""
    c = WordClass.parse(name)
    head = "s" * (c.number == "sg" and {"N", "V"} <= set(c.readings) and "A" not in c.readings)
    verb = "".join(letter for form, letter in (("base", "b"), ("3s", "3"), ("past", "d")) if form in c.forms) * (
        "V" in c.readings)
    return "t" * (c.primary == "N" and THING in c.mark.split("/")) + head + verb or "-"


def _head_and_verb(head: str, verb: str) -> str:
    """"h" where a noun-verb word (`_compound_role`) may head a compound as the subject of the next word's verb: a
    singular before a verb in -s or the past (the night ferry leaves); else "-" (a letter, not a boolean, since it is
    copied to the word before: grm18's W1 note). A plural before a base form is left: "the plants needs water" would
    read as a compound, "plants needs", and a verb, "water"."""
    return "h" if "s" in head and {"3", "d"} & set(verb) else "-"


def _in_object(k: str, clause_verb: str) -> str:
    """A noun's kind from its clause's verb before it (`clause_verb`: V a lexical verb, H be or have) and the compound
    part it was marked with (k + "m" a modifier, k + "t" a thing, "Nh" a subject compound's head, a noun wherever it
    stands): OBJECT_THING, OBJECT_NOUN, OBJECT_PLURAL, a modifier before its subject compound's head (MODIFIER_NOUN),
    or the noun's kind."""
    noun, part = k[:1], k[1:]
    if part == "h":
        return noun
    if noun == "N" and clause_verb in ("V", "H"):
        return OBJECT_THING if part else OBJECT_NOUN
    if noun == "L" and clause_verb == "V":
        return OBJECT_PLURAL
    return MODIFIER_NOUN if part == "m" else noun if part else k


def _in_verbless_clause(resolved_kind: rasp.SOp, first_pass: rasp.SOp, clause_verb: rasp.SOp,
                        noun_before_verb: rasp.SOp) -> rasp.SOp:
    """VERBLESS_NOUN for a singular noun whose clause the first reading pass found no verb in: no lexical verb, be or
    have, nor any break, before it (`clause_verb`: the main clause), and no verb or auxiliary after it before a break
    or the end. A clause needs a verb, and the compound rule (the bus stop) took the only candidate: the tablets for my
    cough [taste] of mint. Only the main clause: one after a subordinator, "and" or "what" may have none (tired after
    the night shift, a pool and a tennis court, what a morning for a bike ride !). `noun_before_verb`
    (`_noun_before_verb`), a noun's kind or "-", is read in the same step and comes first: joined to this step's side
    input, it adds no step to the chain of the kind (each step there is a layer of the compiled model)."""
    verb_or_stop = feature("verb_or_stop", lambda t: "V" if t in VERBAL else "B" if t in (
        *BREAKS, "AND", "TOINF", *ENDS) else "-", first_pass)
    verb_after = nearest_right(feature("is_verb_or_stop", lambda v: v != "-", verb_or_stop), verb_or_stop,
                               default="-", name="verb_or_stop_after")
    verbless = combine("clause_without_verb", lambda b, a: b == "-" and a != "V", clause_verb, verb_after)
    change = combine("verbless_or_noun_before_verb", lambda v, n: n if n != "-" else "v" if v else "-", verbless,
                     noun_before_verb)
    return combine("resolved_kind_in_verbless_clause", lambda k, c: k if c == "-" else (
        (VERBLESS_NOUN if k == "N" else k) if c == "v" else c), resolved_kind, change)


def _noun_before_verb(first_pass: rasp.SOp, word_class: rasp.SOp) -> rasp.SOp:
    """A noun first with a verb reading that the first reading pass read as a verb, between a noun that names no
    relative and a word that is a verb first, is a noun to its neighbours in the second pass: the first pass reads
    "the village shops close early" as noun, verb, verb (each noun-verb word from the other's class), and a clause
    has one finite verb, the second of the two. Read as a noun, it leaves the next word its subject's verb (the
    sales figures [show] a drop, the market stalls [open] at seven) and is itself read as a noun before that verb.
    Not after a relative (my brother kids love football: an error, "kids" is the verb there as much as a noun),
    nor before a word that is an adjective first (the stream flows quiet: an error). The noun's kind where this holds,
    else "-" (`_in_verbless_clause` reads it)."""
    noun_verb = feature("noun_first_verb_kind", lambda c: noun_kind("N", _parsed(c).number) if _parsed(
        c).primary == "N" and "V" in _parsed(c).readings else "-", word_class)
    read_as_verb = combine("noun_first_read_as_verb", lambda n, t: n if t == "V" else "-", noun_verb, first_pass)
    noun_before = previous(combine("noun_not_relative", lambda t, r: t == "N" and r, first_pass,
                                   feature("names_no_relative", lambda c: _parsed(c).mark not in ("kin", "kinpl"),
                                           word_class)), 1, default=False, name="noun_not_relative_before")
    verb_next = previous(feature("verb_first", lambda c: _parsed(c).primary == "V", word_class), -1, default=False,
                         name="verb_first_next")
    between = combine("noun_between_noun_and_verb", lambda n, v: n and v, noun_before, verb_next)
    # (not inside a prepositional phrase: the verb after it agrees with a subject before the phrase, which the first
    # reading leaves to be checked: the seagulls on the chimney pots [screams] at dawn)
    opener = feature("phrase_opener_first_pass", lambda t: "P" if t == "PREP" else "-" if t in (
        *VERBAL, *BREAKS, "AND", "TOINF") else "", first_pass)
    opener_before = nearest_left(feature("opens_a_phrase", lambda o: o != "", opener), opener, default="-",
                                 name="phrase_opener_before")
    between = combine("noun_between_outside_phrase", lambda b, o: b and o != "P", between, opener_before)
    return combine("noun_before_a_verb", lambda n, b: n if b else "-", read_as_verb, between)


def _determiner(tag: rasp.SOp, hyphen: rasp.SOp) -> rasp.SOp:
    """The determiner whose number a noun must match (NUMBERED), or "-". "one" right after a hyphen ends a number above
    twenty (thirty - one children, a hundred and twenty - one pages): it counts as a plural number (before the hyphen
    the tens are read as an adjective, so "one" alone would ask for a singular noun: there are thirty - one names on
    the list). Read here, not in the reading: a step after the reading would be a layer on the model's longest path."""
    return combine("determiner", lambda t, h: "NUM" if t == "NUM1" and h else t if t in NUMBERED else "-", tag,
                   previous(hyphen, 1, default=False, name="hyphen_before"))


def _ambiguity(name: str) -> str:
    """An ambiguous word's class as resolution reads it: its readings, primary and whether it has a
    participle (the other fields take no part in choosing); '-' for a word with one reading."""
    c = _parsed(name)
    if len(c.readings) == 1 and c.primary != "TO":  # "to" is read from the next word
        return "-"
    forms = set(c.forms)
    finite = ("fin",) * bool({"3s", "past"} & forms) or ("base",) * ("base" in forms)
    kept = finite + tuple(f for f in ("ing", "pp") if f in forms)
    # (a noun-verb word keeps "cnt": a countable singular cannot stand bare after "have": she has file)
    countable = "cnt" if c.mark in ("cnt", "kin") and {"N", "V"} <= set(c.readings) else "-"
    participle = PARTICIPLE_ADJECTIVE in WordClass.parse(name).mark.split("/")
    return WordClass(c.primary, c.readings, "-", kept, "-", PARTICIPLE_ADJECTIVE if participle else countable).name


def program() -> rasp.SOp:
    """The classifier; its value at every position is the sentence's label."""
    classes = words().classes
    word_class = feature("word_class", lambda i: classes[i], rasp.numerical(rasp.tokens))
    mark = feature("mark", lambda c: _parsed(c).mark, word_class)
    word_choice = feature("role_in_word_choice", _role, word_class)

    # which reading each word takes, from its neighbours' kinds
    kinds = feature("kind", lambda c: kind(_as_neighbour(c)), word_class)
    before = previous(kinds, 1, default=START, name="kind_before")
    after = previous(kinds, -1, default=END, name="kind_after")
    after_kinds = sorted({kind(_as_neighbour(c)) for c in set(classes)} | set(KIND.values()) | {
        END, "E", OBJECT_NOUN, OBJECT_THING, OBJECT_PLURAL, MODIFIER_NOUN, VERBLESS_NOUN, HOW, LAST})
    column = {k: i for i, k in enumerate(after_kinds)}
    # an ambiguous word: what it would be after each possible next kind (a small table, shared by most words)
    ambiguous = feature("ambiguous_readings", _ambiguity, word_class)
    options = combine("readings_given_before", lambda a, b: "-" if a == "-" else
                      ",".join(tag_of(WordClass.parse(a), b, k) for k in after_kinds), ambiguous, before)
    chosen = combine("reading_chosen", lambda o, a: "-" if o == "-" else o.split(",")[column[a]], options, after)
    plain = feature("plain_reading", lambda c: "-" if _ambiguity(c) != "-" else _parsed(c).primary, word_class)
    first_pass = settled(combine("first_reading_unsettled", lambda p, c: c if p == "-" else p, plain, chosen),
                         TAGS, name="first_reading")
    # a second pass reads the neighbours' first-pass readings ("the train leaves": "train" is a noun here,
    # so "leaves" is its verb)
    number = feature("number", lambda c: _parsed(c).number, word_class)
    resolved_kind = combine("resolved_kind", noun_kind, first_pass, number)
    # a subject compound before its verb: a thing noun, then a noun-verb word, then a word whose verb form agrees with
    # that word as a noun (the night ferry leaves …, the bathroom fan rattles …): the first is a modifier, the second
    # the compound's head, the third its verb (where the first pass read the second as the verb)
    role = feature("compound_role", _compound_role, word_class)
    role_next = previous(role, -1, default="-", name="compound_role_next")
    head_here = combine("compound_head_here", _head_and_verb, role, role_next)
    head = combine("compound_head", lambda h, b: h if "t" in b else "-", head_here,
                   previous(role, 1, default="-", name="compound_role_before"))
    modifier = combine("compound_modifier", lambda r, n: "m" if "t" in r and n == "h" else "-", role,
                       previous(head_here, -1, default="-", name="compound_head_next"))
    # (marked here, read with the clause's verb below, `_in_object`: "h" the head, "m" a modifier, "t" a thing)
    part = combine("compound_part", lambda h, m: h if h != "-" else m, head, modifier)
    part = combine("compound_part_or_thing", lambda p, r: "t" if p == "-" and "t" in r else p, part, role)
    resolved_kind = combine("resolved_kind_in_compound", lambda k, p: "Nh" if p == "h" else k + p if k in (
        "N", "L") and p in ("m", "t") else k, resolved_kind, part)
    # (a singular noun after its clause's lexical verb, be or have: who left the garage [light] on ?, we had three
    # video [calls] in a row; a plural one after a lexical verb: my manager wants the sales [figures] by thursday)
    verb_or_break = feature("verb_or_break", lambda t: "V" if t == "V" else "H" if t in (*BE, *HAVE) and t not in (
        "BE_ING", "HAVE_ING") else "B" if t in (
        *BREAKS, "AND") else "-", first_pass)
    clause_verb = nearest_left(feature("is_verb_or_break", lambda v: v != "-", verb_or_break), verb_or_break,
                               default="-", name="clause_verb_before")
    resolved_kind = combine("resolved_kind_in_object", _in_object, resolved_kind, clause_verb)
    # (a noun whose clause's verb comes after the word after it, with no break, "to" or end between: the traffic
    # [lights] on the corner are …; its next word is no verb. The later verb is an auxiliary or a word that is no
    # noun: a noun-verb word there may be a compound's head itself, in the evening light)
    finite_or_stop = combine("finite_or_stop", lambda t, n: "V" if t == "aux" or (t == "V" and not n) else
                             t if t == "B" else "-",
                             feature("finite_or_stop_tag", lambda t: "aux" if t in AUX and t not in (
                                 "BE_ING", "HAVE_ING", "DO_ING") else "V" if t == "V" else "B" if t in (
                                 *BREAKS, "AND", "TOINF", *ENDS) else "-", first_pass),
                             feature("has_noun_reading", lambda c: "N" in _parsed(c).readings, word_class))
    finite_or_stop_after = nearest_right(feature("is_finite_or_stop", lambda v: v != "-", finite_or_stop),
                                         finite_or_stop, default="-", name="finite_or_stop_after")
    verb_after_next = previous(finite_or_stop_after, -1, default="-", name="finite_or_stop_after_next")
    resolved_kind = combine("resolved_kind_before_verb", lambda k, v: MODIFIER_NOUN if k in (
        "N", "L", OBJECT_PLURAL) and v == "V" else k, resolved_kind, verb_after_next)
    resolved_kind = combine("resolved_kind_by_mark", lambda k, o: k if o == "-" else o, resolved_kind,
                            feature("kind_by_mark", lambda m: HOW if m == "how" else LAST if m == "last" else "-",
                                    mark))
    resolved_kind = _in_verbless_clause(resolved_kind, first_pass, clause_verb,
                                        _noun_before_verb(first_pass, word_class))
    before = previous(resolved_kind, 1, default=START, name="resolved_kind_before")
    after = previous(resolved_kind, -1, default=END, name="resolved_kind_after")
    options = combine("readings_given_resolved_before", lambda a, b: "-" if a == "-" else
                      ",".join(tag_of(WordClass.parse(a), b, k) for k in after_kinds), ambiguous, before)
    chosen = combine("reading_chosen_again", lambda o, a: "-" if o == "-" else o.split(",")[column[a]], options, after)
    tag = settled(combine("reading", lambda p, c: c if p == "-" else p, plain, chosen), TAGS, name="tag")
    # a hyphen and the word before it modify what follows, like an adjective: my in - laws are …, twenty - five
    # children, a well - known actor (a dash between clauses reads the same and is not told apart)
    hyphen = feature("is_hyphen", lambda c: _parsed(c).primary == "HYPH", word_class)
    joined = combine("joined_by_hyphen", lambda h, n: h or n, hyphen, previous(hyphen, -1, default=False,
                                                                             name="hyphen_after"))
    tag = combine("tag_in_compound", lambda t, j: "A" if j else t, tag, joined)

    # neighbours that cannot stand together; sentence ends
    order = feature("order_class", order_class, tag)
    order_before = previous(order, 1, default=START, name="order_before")
    pair = combine("pair_check", bad_pair, order_before, order)
    is_end = feature("is_end", lambda t: t in ENDS, tag)
    end_after = previous(is_end, -1, default=END, name="end_after")
    bad_end = combine("bad_end", lambda e, a: (a == END) != e, is_end, end_after)

    # determiner - noun number, a / an
    is_noun = feature("is_noun", lambda t: t == "N", tag)
    noun_number = combine("noun_number", lambda n, x: x if n else "-", is_noun, number)
    # (a noun before a noun modifies it: the determiner agrees with the last, a police officer, these car keys)
    # (a time word opens a phrase of its own: below zero last night, will turn eighteen next march, zero yesterday
    # evening; a number before it counts no noun)
    time_word = feature("time_word", lambda m: m in ("last", "next", "past", "fut"), mark)
    np_stop = combine("ends_noun_phrase", lambda s, w: s or w,
                      combine("ends_noun_phrase_by_tag", lambda t, n: t not in ("A", "R", "QR", "DEG", "ORD") and not (
                          t == "N" and n), tag, previous(is_noun, -1, default=False, name="noun_next")), time_word)
    my_noun = nearest_right(np_stop, combine("counted_number", lambda n, w: "-" if w else n, noun_number, time_word),
                            default="-", name="number_of_my_noun")
    sound = previous(feature("sound", lambda c: _parsed(c).sound, word_class), -1, default="-", name="next_sound")
    det = _determiner(tag, hyphen)
    det_need = combine("det_and_next_sound", lambda t, s: "-" if t == "-" else f"{t}:{s}", det, sound)
    bad_det = combine("bad_det", _bad_determiner, det_need, my_noun)
    # (features of one s-op cost nothing; a lookup of two costs a unit per pair of their values, so each
    # lookup below reads small values)
    countable = combine("countable_noun", lambda n, c: c if n else "-", is_noun,
                        feature("countability", lambda m: "cnt" if m == "kin" else m if m in ("cnt", "unc", "cntw") else
                                "-", mark))
    my_countable = nearest_right(np_stop, countable, default="-", name="my_noun_countable")
    # a / an before an uncountable noun (an advice, a furniture)
    bad_det = combine("bad_det", lambda b, u: b or u, bad_det,
                      combine("article_before_uncountable", lambda d, c: d and c == "unc",
                              feature("is_article", lambda t: t in ("DET_A", "DET_AN"), tag), my_countable))
    # "such" + a countable singular (such long day, such big spider: such a …; such nice people, such good weather)
    bad_det = combine("bad_det", lambda b, u: b or u, bad_det,
                      combine("such_countable", lambda w, c: w and c in ("cnt", "cntw"),
                              feature("is_such", lambda m: m == "such", mark), my_countable))
    # a number or "many" of a plural (one of my friend, two of the boy)
    counted_two_back = previous(feature("counts", lambda c: _parsed(c).primary in ("NUM", "NUM1", "QDET_PL"),
                                        word_class), 2, default=False, name="count_two_back")
    is_of = feature("is_of", lambda m: m == "of", mark)
    of_before = previous(is_of, 1, default=False, name="of_before")
    bad_det = combine("bad_det", lambda b, x: b or x, bad_det,
                      combine("one_of_a_singular", lambda c, n: c and n == "sg",
                              combine("counted_of", lambda c, o: c and o, counted_two_back, of_before),
                              combine("my_noun_after_determiner", lambda t, n: n if t in DETS else "-", tag, my_noun)))
    # a quantifier + "of" + a bare noun or adjective (most of people, some of students, a bit more of salt: most
    # people, some of the students); a name is no bare noun (most of spain)
    quantifier_two_back = previous(feature("is_quantifier", lambda c: _parsed(c).primary in (
        "QDET", "QDET_SG", "QDET_PL", "QR") or _parsed(c).readings == ("PRON_ANY",), word_class), 2, default=False,
                                   name="quantifier_two_back")
    bad_det = combine("bad_det", lambda b, x: b or x, bad_det,
                      combine("quantifier_of_bare", lambda q, n: q and n,
                              combine("quantifier_of", lambda q, o: q and o, quantifier_two_back, of_before),
                              combine("bare_noun_or_adjective", lambda t, n: t and not n,
                                      feature("is_noun_or_adjective", lambda t: t in ("N", "A"), tag),
                                      feature("is_name", lambda m: m == "name", mark))))
    # ("a lot of", and an adjective whose complement is "of": full of car, afraid of dog)
    is_adjective = feature("is_adjective", lambda t: t == "A", tag)
    # (each lookup of two s-ops reads a small feature of each: a unit per pair of their values)
    lot_before = previous(combine("lot", lambda m, a: "lot" if m == "lot" or (a and m == "of") else "-",
                                  feature("lot_or_of_adjective", lambda m: "lot" if m == "lot" else "of" if
                                          m.startswith("c:of") else "-", mark), is_adjective), 1, default="-",
                          name="lot_before")
    wants_mass = combine("wants_mass_noun", lambda m, b: m == "mass" or (m == "of" and b == "lot"),
                         feature("mass_mark", lambda m: m if m == "mass" else "of" if m in (
                             "strict", "during", "of", "than") else "-", mark),
                         lot_before)
    bad_mass = combine("bad_mass", lambda w, c: w and c == "cnt", wants_mass, my_countable)
    # a countable singular noun with no determiner after "be", or after "be", a preposition or a lexical verb and an
    # adjective (there is umbrella in the car, he is teacher, it was good idea, i live in big city, she bought new
    # bike); not before a noun or "of" (he is bus driver is left; she is head of sales). Countable by the lexicon
    # only: a noun countable by use ("cntw") is often a mass noun too (made terrible noise, got great service)
    be_before = previous(feature("is_be_form", lambda t: t in BE and t != "BE_ING", tag), 1, default=False,
                         name="be_before")
    # (through a run of up to three adjectives and degree words: there is lovely big garden, he is very kind old man;
    # each word read by a head of its own, as a letter: "o" opens the run, "r" is in it)
    in_run = feature("adjective_run_word", lambda t: "o" if t in BE or t in ("PREP", "V") else "r" if t in (
        "A", "DEG") else "-", tag)
    two, three, four = (previous(in_run, k, default="-", name=f"adjective_run_word_{k}_back") for k in (2, 3, 4))
    opened = combine("adjective_run_opened", lambda a, b: a == "o" or (a == "r" and b == "o"), two,
                     combine("adjective_run_opened_further", lambda a, b: "o" if a == "o" or (a == "r" and b == "o")
                             else "-", three, four))
    adjective_after_be = combine("adjectives_after_be_or_preposition", lambda a, o: a and o,
                                 previous(is_adjective, 1, default=False, name="adjective_before_noun"), opened)
    # (or after "of" after a noun that wants a determiner there: the back of cupboard, the edge of cliff; a cup
    # of tea, a kind of car, the city of york are fine)
    of_a_noun = combine("of_after_a_noun", lambda o, h: o and h, of_before, previous(
        combine("wants_determiner_after_of", lambda n, m: n and m, is_noun,
                feature("no_part_mark", lambda m: m != "part" and not m.startswith("c:"), mark)),
        2, default=False, name="noun_two_back"))
    bare_place = combine("bare_noun_place", lambda b, a: b or a, be_before,
                         combine("after_adjective_or_of", lambda a, o: a or o, adjective_after_be, of_a_noun))
    continued = previous(combine("continues_noun", lambda n, o: n or o, feature("noun_or_unknown", lambda t: t in (
        "N", "UNK"), tag), feature("is_of_word", lambda m: m == "of", mark)), -1,
                         default=False, name="noun_continues")
    bare_countable = combine("bare_countable", lambda c, n: c == "cnt" and not n, countable, continued)
    bad_mass = combine("bad_mass_or_bare", lambda a, b: a or b, bad_mass,
                       combine("bad_bare_countable", lambda c, p: c and p, bare_countable, bare_place))
    # (or right after a preposition, for a noun English does not put bare there: under table, next to window; at
    # school, in bed, on foot are English (`grammar_words.bare_after_preposition`), "by" takes a bare noun (by car),
    # "of" has its rule above, and a number or genitive after the noun makes it a name (at page twelve, at grandma 's)
    preposition_before = previous(combine("preposition_taking_determiner", lambda t, p: t in ("PREP", "R") and p, tag,
                                          feature("plain_preposition", lambda r: "p" in r, word_choice)),
                                  1, default=False, name="plain_preposition_before")
    named_after = previous(feature("number_or_genitive", lambda t: t in ("NUM", "NUM1", "CL_S", "POSS"), tag), -1,
                           default=False, name="number_or_genitive_after")
    never_bare_after = combine("never_bare_after_preposition", lambda c, b: c and not b, bare_countable,
                               feature("bare_after_preposition", lambda r: "b" in r, word_choice))
    bad_mass = combine("bad_mass_or_bare", lambda a, b: a or b, bad_mass,
                       combine("bad_bare_after_preposition", lambda c, p: c and p, never_bare_after,
                               combine("after_preposition_unnamed", lambda p, n: p and not n, preposition_before,
                                       named_after)))
    placed = combine("placement", _placement, feature("placement_mark", lambda m: "strict" if m in (
                         "of", "than", "during") else m if m in PLACED else "-", mark),
                     combine("verb_before", lambda o, h: "H" if h else o if o in ("V", "A") else "-", order_before,
                             previous(feature("is_have_word", lambda t: t in HAVE and t != "HAVE_ING", tag), 1,
                                      default=False, name="have_before")))
    next_tag = previous(tag, -1, default=END, name="tag_after")
    next_participle = previous(feature("has_participle", lambda c: "pp" if "pp" in _parsed(c).forms else "-",
                                       word_class), -1, default="-", name="participle_after")
    bad_place = combine("bad_placement", _bad_placement, placed,
                        combine("next_word", lambda k, p: f"{k}|{p}", feature("next_kind", _next_kind, next_tag),
                                next_participle))
    bad_place = combine("bad_placement_or_late_adjective", lambda a, b: a or b, bad_place,
                        _adjective_after_indefinite_noun(tag, mark))

    # learners' word order and case, each from a word table (`grammar_words`):
    # a subject pronoun after a preposition (come with we, for she; not after than / like: taller than i, it
    # looks like he is tired), or an object pronoun there before a noun or adjective: the possessive belongs there
    # (the photos of us trip, she came with him sister, at them new house; her is told apart by its reading)
    case_preposition = combine("case_preposition", lambda p, c: p and c, feature("is_preposition_tag", lambda t: t ==
                                                                                 "PREP", tag),
                               feature("takes_object_case", lambda c: _parsed(c).mark != "than" and "V" not in
                                       _parsed(c).readings, word_class))
    bad_case = combine("bad_case", lambda p, n: p and n, previous(case_preposition, 1, default=False,
                                                                  name="case_preposition_before"),
                       combine("wrong_case_after_preposition", lambda t, n: t in NOMINATIVE or (
                           t == "ACC" and n in ("N", "A")), tag, next_tag))
    # an adverb of manner between a verb and its object (he opened slowly the door, she speaks very well english)
    verb_two_back = previous(feature("is_lexical_verb", lambda t: t == "V", tag), 2, default=False, name="verb_two_back")
    # (or an -ing form read as an adjective: we are not moving quickly the car)
    after_verb = combine("after_verb_or_very", lambda o, v: o in ("V", "A") or (o == "R" and v), order_before,
                         verb_two_back)
    # (and an adverb of time or repetition: we visited again the museum, i met yesterday my teacher; not before
    # "a" or a number, where it counts: we eat twice a day, i go there once a week)
    manner = combine("manner_after_verb", lambda t, a: t if a else "-",
                     combine("manner_adverb", lambda r, m: m if r else "-", feature("is_adverb_tag", lambda t: t == "R", tag),
                             feature("manner_mark", lambda m: "man" if m in ("man", "well") else "when" if m in (
                                 "when", "past") else "-", mark)), after_verb)
    # (or a language: he speaks very well spanish)
    object_next = combine("object_next", lambda n, a: n if n in ("obj", "def") else "obj" if n == "A" and a else "-",
                          feature("object_kind_next", lambda n: "def" if n in ("DET", "ACC", "IT", "N") else "obj" if n in (
                              "DET_A", "DET_AN", "NUM") else "A" if n == "A" else "-",
                                  next_tag), previous(feature("adjective_noun", lambda c: {"A", "N"} <= set(_parsed(c).readings) and _parsed(c).mark in ("cnt", "kin", "name"),
                                                    word_class), -1, default=False, name="adjective_noun_next"))
    bad_manner = combine("bad_manner", lambda m, n: m == "man" and n != "-" or m == "when" and n == "def", manner,
                         object_next)  # (he weighed slowly it)
    # an indirect question in question order (do you know where is the station ?, i wonder why is he late)
    # (an auxiliary after where / when / why / how that follows a verb, an object or an adjective, then a subject)
    embedded = combine("embedded_question_word", lambda w, o: w and o,
                       previous(feature("question_word", lambda m: m in ("wq", "how"), mark), 1, default=False,
                                name="question_word_before"),
                       previous(feature("verb_or_object", lambda o: o in ("V", "ACC", "A"), order), 2, default=False,
                                name="verb_or_object_two_back"))
    subject_next = previous(feature("starts_subject_here", lambda t: t in SUBJECT_START and t != "NEG", tag), -1,
                             default=False, name="subject_starts_after")
    bad_indirect = combine("bad_indirect_question", lambda e, a: e and a, embedded,
                           combine("auxiliary_before_subject", lambda a, s: a and s,
                                   feature("is_auxiliary", lambda t: t in AUX, tag), subject_next))
    # "to" + a pronoun before the object of a verb with two objects (she gave to me the keys: gave me the keys)
    bad_double = combine("bad_double_object", lambda d, a: d and a,
                         combine("object_after_to_pronoun", lambda d, o: d and o,
                                 feature("starts_object", lambda t: t in ("DET", "DET_A", "DET_AN", "N"), tag), previous(feature("is_acc", lambda t: t == "ACC", tag), 1, default=False,
                                               name="object_pronoun_before")),
                         combine("double_verb_to", lambda v, t: v and t,
                                 previous(feature("double_object_verb", lambda m: "dit" in m.split("/"), mark), 3, default=False,
                                          name="double_object_verb_three_back"),
                                 previous(feature("is_to_preposition", lambda m: m == "p:to", mark), 2, default=False,
                                          name="to_two_back")))
    # a relative right after a relative: the genitive is missing (my aunt husband: my aunt 's husband)
    # (or before relatives: my sister children)
    kin_mark = feature("kin_mark", lambda m: "sg" if m == "kin" else "pl" if m == "kinpl" else "-", mark)
    kin = combine("kin_noun", lambda n, k: n and k == "sg", is_noun, kin_mark)
    bad_case = combine("bad_case_or_genitive", lambda a, b: a or b, bad_case,
                       combine("bad_genitive", lambda k, b: k and b,
                               combine("kin_noun_any_number", lambda n, k: n and k != "-", is_noun, kin_mark),
                               previous(kin, 1, default=False, name="kin_before")))
    # an adjective right after "very" after an adjective: an adverb belongs there (he gets angry very easy; not
    # after an -ing form: they are growing so fast)
    plain_adjective_before = previous(combine("adjective_not_ing", lambda a, i: a and not i, is_adjective,
                                              feature("has_ing_form", lambda c: "ing" in _parsed(c).forms, word_class)),
                                      1, default=False, name="adjective_not_ing_before")
    degree_after_adjective = previous(combine("degree_after_adjective", lambda d, a: d and a,
                                              feature("is_degree", lambda t: t == "DEG", tag),
                                              plain_adjective_before), 1, default=False,
                                      name="degree_after_adjective_before")
    # the -ing adjective of a feeling after "i am / i was" (i was boring at the museum: bored)
    i_be = combine("i_be", lambda b, i: b and i, feature("am_or_was", lambda t: t in ("BE_AM", "BE_WAS"), tag),
                   previous(feature("is_i", lambda t: t == "NOM_1S", tag), 1, default=False, name="i_before"))
    i_be_before = combine("i_be_before", lambda one, two: one or two, previous(i_be, 1, default=False, name="i_be_one_back"),
                          combine("i_be_very_before", lambda d, b: d and b,
                                  feature("degree_before", lambda o: o == "R", order_before),
                                  previous(i_be, 2, default=False, name="i_be_two_back")))
    feeling_ing = combine("feeling_ing_adjective", lambda a, f: a and f, is_adjective,
                          feature("feeling_mark", lambda m: "!by" in m.split("+"), mark))
    bad_form = combine("bad_adjective_form", lambda a, b: a or b,
                       combine("bad_adjective_for_adverb", lambda a, d: a and d, is_adjective, degree_after_adjective),
                       combine("bad_feeling_adjective", lambda f, i: f and i, feeling_ing, i_be_before))
    # an adverb of manner between a determiner (or a degree word after it) and a noun: the adjective belongs there
    # (a very patiently man, a quietly street: patient, quiet); before a participle it is right (a beautifully
    # decorated room, the newly married couple), and an adverb that is also an adjective reads as one (a daily paper)
    manner_in_phrase = combine("manner_after_determiner", lambda m, d: m and d,
                               combine("manner_adverb_read", lambda r, m: r and m,
                                       feature("read_as_adverb", lambda t: t == "R", tag),
                                       feature("is_manner_adverb", lambda m: m == "man", mark)),
                               previous(feature("determiner_or_degree", lambda t: t in DETS or t == "DEG", tag), 1,
                                        default=False, name="determiner_or_degree_before"))
    bad_form = combine("bad_adjective_form", lambda a, b: a or b, bad_form,
                       combine("bad_adverb_before_noun", lambda m, n: m and n, manner_in_phrase,
                               previous(feature("noun_first", lambda c: _parsed(c).primary == "N", word_class), -1,
                                        default=False, name="noun_first_after")))
    # a possessive pronoun before a noun or adjective (ours passports, hers new umbrella: our, her)
    bad_possessive = combine("bad_possessive_pronoun", lambda p, n: p and n,
                             feature("possessive_pronoun", lambda m: m == "pposs", mark),
                             feature("noun_or_adjective_next", lambda t: t in ("N", "A"), next_tag))
    # an adverb of manner as the predicate of be, at the end of its clause or before a time phrase (the lake was
    # very calmly ., the room was quietly and dark, the sea was calmly all day: calm, quiet), or after "and" after
    # the adjective of such a predicate (the forest is dark and quietly .); he was badly hurt, she was happily
    # married, he was quickly back are fine
    be_or_be_degree_before = combine("be_or_be_degree_before", lambda b, d: b or d, be_before,
                                     combine("be_degree_before", lambda d, b: d and b,
                                             feature("degree_before_here", lambda o: o == "R", order_before),
                                             previous(be_before, 1, default=False, name="be_two_back")))
    be_or_be_degree_before = combine("be_degree_or_and_adjective_before", lambda b, a: b or a, be_or_be_degree_before,
                                     combine("and_after_adjective_before", lambda n, a: n and a,
                                             previous(feature("is_and", lambda t: t == "AND", tag), 1, default=False,
                                                      name="and_before"),
                                             previous(is_adjective, 2, default=False, name="adjective_two_back")))
    # (a time word or "when" next: the clause goes on with a time phrase; read by this rule and the adjective-for-adverb
    # rule below)
    time_word_next = previous(feature("time_or_when_word", lambda m: m in ("when", "past", "fut", "last", "next"), mark),
                              -1, default=False, name="time_word_next")
    bad_predicate_adverb = combine("bad_predicate_adverb", lambda m, b: m and b,
                                   combine("manner_before_clause_end", lambda m, e: m and e,
                                           feature("manner_word", lambda m: m == "man", mark),
                                           combine("clause_or_time_phrase_next", lambda e, w: e or w,
                                                   feature("clause_or_phrase_next", lambda t: t in (
                                                       *ENDS, "COMMA", "AND", "BUT", "DET_SG", "QDET"), next_tag),
                                                   time_word_next)),
                                   be_or_be_degree_before)
    # a noun-verb word with no determiner between a verb or preposition and an object: a verb without its "to" or
    # -ing (he needs finish his homework, thank you for help me); not after help / let / make / see (she helped
    # clean the kitchen)
    verb_or_preposition_before = previous(combine("verb_or_preposition", lambda t, m: "V" if t == "V" and m not in (
        "help", "let", "bare") else "P" if t == "PREP" else "-", tag, feature("bare_mark", lambda m: m if m in (
            "help", "let", "bare") else "-", mark)), 1, default="-", name="verb_or_preposition_before")
    bare_base = combine("noun_with_base_form", lambda t, c: t == "N" and c, tag,
                        feature("base_form_only", lambda c: "V" in _parsed(c).readings and _parsed(c).forms == ("base",),
                                word_class))
    object_after = feature("object_after", lambda t: "pron" if t in ("ACC", "YOU") else "det" if t in (
        "DET", "DET_A", "DET_AN") else "-", next_tag)
    bad_bare_verb = combine("bad_bare_verb", lambda b, o: b and o, bare_base,
                            combine("object_after_verb_or_preposition", lambda v, o: o != "-" if v == "V" else
                                    v == "P" and o == "pron", verb_or_preposition_before, object_after))
    # an adjective with an -ly adverb right before another adjective in a predicate, with no noun after them: the
    # adverb belongs there (i felt terrible lonely, the soup was extreme hot); not before an adjective of size, age
    # or colour, which it may shade (the sky was bright red), nor in a noun phrase (they are nice friendly people)
    ly_adjective = combine("ly_adjective", lambda a, m: a and "ly" in m.split("/"), is_adjective, mark)
    plain_adjective_next = previous(combine("adjective_not_fact", lambda a, m: a and "fact" not in m.split("/"),
                                            is_adjective, mark), -1, default=False, name="plain_adjective_next")
    no_noun_next_but_one = previous(feature("no_noun_here", lambda t: t not in ("N", "A", "UNK", "NUM", "NUM1"), tag),
                                    -2, default=True, name="no_noun_next_but_one")
    bad_adjective_for_adverb = combine(
        "bad_adjective_before_adjective", lambda a, b: a and b,
        combine("ly_adjective_in_predicate", lambda l, o: l and o in ("AUX", "V"), ly_adjective, order_before),
        combine("adjective_then_no_noun", lambda a, n: a and n, plain_adjective_next, no_noun_next_but_one))
    # an adjective of size, age or colour before an opinion adjective (an old lovely cottage: a lovely old cottage)
    order_mark = feature("adjective_order_mark", lambda m: next((p for p in m.split("/") if p in ("op", "fact")), "-"),
                         mark)
    bad_adjective_order = combine("bad_adjective_order", lambda f, o: f and o,
                                  combine("fact_adjective", lambda a, m: a and m == "fact", is_adjective, order_mark),
                                  previous(combine("opinion_adjective", lambda a, m: a and m == "op", is_adjective,
                                                   order_mark), -1, default=False, name="opinion_adjective_next"))
    bad_possessive = combine("bad_possessive_or_order", lambda a, b: a or b, bad_possessive,
                             combine("bad_adjective_order_or_form", lambda a, b: a or b, bad_adjective_order,
                                     bad_adjective_for_adverb))
    # an adjective for an adverb right after a verb that takes no adjective, or after such a verb and a degree word,
    # before the end of its clause, a preposition, "and" or a time word (she sings beautiful ., the nurse spoke very
    # gentle to …, it snowed heavy in the north: beautifully, gently, heavily). A linking verb (it tastes delicious, i
    # feel tired) takes one, and a verb of result may (get ready, keep quiet); an adjective the lexicon lists as an
    # adverb too (drive slow, work hard) or one of colour, size or age (the leaves turn red) is spared
    # (a word that is a noun first, read as such a verb, "nv", takes no plain adjective either, "p": in "the rabbits in
    # the pet shop very small", "the flowers on the market stall very colourful" the clause has no verb, and "shop"
    # read as one would still take no adjective)
    manner_verb = combine("verb_taking_no_adjective", lambda t, v: v if t == "V" else "-", tag,
                          feature("takes_no_adjective", lambda r: ("n" * ("n" in r) + "v") if "v" in r else "-",
                                  word_choice))
    manner_verb_before = combine("manner_verb_or_degree_before", lambda v, d: v if v != "-" else d,
                                 previous(manner_verb, 1, default="-", name="manner_verb_before"),
                                 combine("degree_after_manner_verb", lambda d, v: v if d else "-",
                                         previous(feature("is_degree_word", lambda t: t == "DEG", tag), 1,
                                                  default=False, name="degree_word_before"),
                                         previous(manner_verb, 2, default="-", name="manner_verb_two_back")))
    adverb_like_adjective = combine("adjective_for_adverb", lambda a, r: "a" if a and "a" in r else "p" if a and "j" in r
                                    else "-", is_adjective, word_choice)
    clause_goes_on = combine("clause_end_or_phrase_next", lambda t, w: t in (
        *ENDS, "COMMA", "PREP", "AND", "BUT", "SUB") or w, next_tag, time_word_next)
    bad_possessive = combine("bad_possessive_or_manner", lambda a, b: a or b, bad_possessive,
                             combine("bad_adjective_after_verb", lambda a, e: a and e,
                                     combine("adjective_after_manner_verb", lambda a, v: a == "a" and v != "-" or
                                             a == "p" and v == "nv", adverb_like_adjective, manner_verb_before),
                                     clause_goes_on))
    bad_sixth = combine("bad_possessive_or_adverb", lambda a, b: a or b, bad_possessive,
                        combine("bad_predicate_or_bare_verb", lambda a, b: a or b, bad_predicate_adverb, bad_bare_verb))
    bad_form = combine("bad_form_or_sixth", lambda a, b: a or b, bad_form, bad_sixth)
    bad_learner = combine("bad_learner_order", lambda a, b: a or b,
                          combine("bad_case_or_form", lambda a, b: a or b, bad_case, bad_form),
                          combine("bad_manner_indirect_double", lambda a, b: a or b, bad_manner,
                                  combine("bad_indirect_or_double", lambda a, b: a or b, bad_indirect, bad_double)))

    # clauses: "and" after a verb joins clauses, before one it joins noun phrases
    # (values as words, not booleans: an aggregated boolean is a number to the compiler, which must then
    # allow for averages)
    # (an auxiliary that opens a question comes before its subject: "do the cat and the dog …" joins nouns)
    # an auxiliary asks a question when it opens the sentence, or follows a where / what time / how many …
    # phrase with no subject or verb before it
    first_word = first(feature("is_first", lambda o: o == START, order_before),
                       feature("opener", lambda t: t if t in ("WH", "INTERJ", "A") else "-", tag), default="-",
                       name="first_word")
    after_wh = previous(feature("is_wh", lambda t: t == "WH", tag), 1, default=True, name="after_wh")
    # a subject, a verb, or a determiner not right after the question word (how beautiful the sea is !)
    blocker = combine("blocks_question", lambda t, w: t in (*VERBAL, *SUBJECT_PRONOUNS, *BREAKS) and t != "WH"
                      or (t in DETS and not w), tag, after_wh)
    unblocked = feature("nothing_before", lambda n: n == 0, count_upto(blocker, strict=True))
    in_wh_phrase = combine("in_wh_phrase", lambda f, u: f == "WH" and u, first_word, unblocked)
    # (or follows a comma: excuse me , is this seat free ?)
    after_comma = previous(feature("is_comma", lambda t: t == "COMMA", tag), 1, default=False, name="after_comma")
    opens = combine("opens_question", lambda a, w: a or w, combine("after_wh_or_comma", lambda a, c: a or c,
                                                                   after_wh, after_comma), in_wh_phrase)
    is_verbal = combine("is_verbal", lambda t, o: "verb" if (t in VERBAL and not (o and t in AUX)) or t == "TOINF"
                        else "break", tag, after_wh)
    hard_break = feature("is_hard_break", lambda t: t in VERBAL or t in BREAKS or t in ENDS or t == "TOINF", tag)
    verb_before = nearest_left(hard_break, is_verbal, default="break", name="verb_since_break")
    role = settled(combine("role_unsettled", lambda t, v: "AND_CLAUSE" if t == "AND" and v == "verb" else t, tag,
                           verb_before), (*TAGS, "AND_CLAUSE"), name="role")

    # subjects: pronouns, and nouns outside prepositional phrases; "X and Y" is plural
    # (a determiner right after a noun starts a new phrase: in june [the] sun sets)
    scope = combine("opens_phrase", lambda r, o: r == "opens" or (r == "det" and o),
                    feature("phrase_role", lambda r: "opens" if r in (*VERBAL, *BREAKS, *ENDS, "TOINF", "PREP", "AND",
                                                                      *SUBJECT_PRONOUNS) else "det" if r in DETS
                            else "-", role),
                    feature("noun_before_order", lambda o: o in ("N", "UNK"), order_before))
    opener_kind = feature("phrase_kind", lambda r: r if r in ("AND", "PREP") else "-", role)
    phrase_head = nearest_left(scope, opener_kind, default="-", name="phrase_opener")
    person = combine("person", person_of, role, noun_number)
    # (a plural quantifier standing alone is plural: both of them are …, many of the shops close …; a singular one
    # singular: each of the drivers has …, much of the town is …)
    person = combine("person_of_quantifier", lambda p, n: n if p == "any" and n != "-" else p, person,
                     feature("quantifier_number", lambda c: "pl" if _parsed(c).number == "pl" else "3s" if
                             _parsed(c).primary == "QDET_SG" else "-", word_class))
    # (and so is a number above one before "of": two of my colleagues are …)
    person = combine("person_of_number", lambda p, n: "pl" if n else p, person,
                     combine("number_before_of", lambda r, o: r == "NUM" and o, role,
                             previous(is_of, -1, default=False, name="of_after")))
    # an unknown word is a name (anna likes …) unless a determiner stands before it (my grandparents live …)
    # (or a quantifier or preposition: there are many cafes, there are lots of scones)
    # (a number above one makes it plural: there is four cafes; a unit after one is a measure, which may take
    # a singular verb: ten minutes is enough, two pounds is too much)
    det_before = feature("determiner_before", lambda o: o in ("DET", "QDET", "A", "ORD", "NUM", "PREP"), order_before)
    plural_number_before = previous(feature("is_plural_number", lambda t: t == "NUM", tag), 1, default=False,
                                    name="plural_number_before")
    before_me = combine("number_or_determiner_before", lambda n, d: "num" if n else "det" if d else "-",
                        plural_number_before, det_before)
    person = combine("person", lambda p, b: {"num": "pl", "det": "any"}.get(b, "3s") if p == "unk" else p, person,
                     before_me)
    person = combine("person_of_measure", lambda p, m: "any" if m and p == "pl" else p, person,
                     combine("measure", lambda u, b: u and b == "num", feature("unit_word", lambda m: m == "unit", mark),
                             before_me))
    phrase_next = nearest_right(scope, opener_kind, default="-", name="next_phrase_opener")
    coordinated = combine("coordinated", lambda before, after: "AND" in (before, after), phrase_head, phrase_next)
    # (a nominative pronoun is never inside one: on sunday [we] visited)
    # (nor is one before a verb: it looks like [it] 's going to rain)
    verb_next = previous(feature("is_verb_role", lambda r: r in VERBAL, role), -1, default=False, name="verb_role_next")
    # (a genitive's mark ends a coordination, but no prepositional phrase: its noun is the next word's determiner,
    # and that word is still in the phrase: the curtains in the kids ' [room] are …, the plums from my neighbour 's
    # [tree] were …; my aunt and uncle 's [farm] is …)
    pp_scope = combine("opens_phrase_in_pp", lambda s, g: s and not g, scope,
                       feature("is_genitive", lambda r: r == "POSS", role))
    pp_head = nearest_left(pp_scope, opener_kind, default="-", name="phrase_opener_past_genitive")
    inside_pp = combine("inside_pp", lambda o, r: o == "PREP" and r not in NOMINATIVE, pp_head,
                        combine("pronoun_subject", lambda r, v: "NOM_3S" if v and r in ("IT", "YOU") else r, role,
                                verb_next))
    subject = combine("subject", lambda p, c: "pl" if c and p != "-" else p, person, coordinated)
    # (a lot of / lots of / plenty of: the noun after "of" is the subject, there are a lot of traffic is wrong)
    lot_word = feature("lot_word", lambda m: m == "lot", mark)
    after_lot_of = combine("after_lot_of", lambda o, l: o and l, of_before,
                           previous(lot_word, 2, default=False, name="lot_two_back"))
    inside_pp = combine("inside_pp_not_lot", lambda p, l: p and not l, inside_pp, after_lot_of)
    subject = combine("subject", lambda p, pp: "-" if pp else p, subject, inside_pp)
    subject = combine("subject_not_lot", lambda p, l: "-" if l else p, subject,
                      combine("lot_or_time_noun", lambda l, t: l or t, lot_word, _time_noun_in_clause(tag, mark)))
    is_subject = feature("is_subject", lambda p: p != "-", subject)

    # inverted auxiliaries (questions) and what each verb's governor asks of it
    aux_kind = feature("auxiliary_kind", lambda r: "do" if r in DO else "aux" if r in AUX and r != "BE_BASE" else "-",
                       role)
    opening = combine("opening_auxiliary", lambda a, o: a if o else "-", aux_kind, opens)
    neg_after = previous(feature("is_negation", lambda r: r == "NEG", role), -1, default=False, name="negation_after")
    # "do n't touch it !" is an imperative, "do n't you like it ?" and "is n't it cold ?" questions
    starts_subject = feature("starts_subject", lambda t: t in SUBJECT_START, tag)
    subject_next_but_one = previous(starts_subject, -2, default=False, name="subject_next_but_one")
    do_question = combine("do_question", lambda n, s2: s2 or not n, neg_after, subject_next_but_one)
    inverted = combine("inverted", lambda o, q: o == "aux" or (o == "do" and q), opening, do_question)
    # "have" before an indefinite noun phrase is an imperative (have a nice day !, have some cake !; not:
    # have some friends left ?)
    asks = feature("asks", lambda n: n > 0, count_all(feature("is_question_mark", lambda t: t == "END_Q", tag),
                                                      name="question_marks"))
    have_told = combine("imperative_have", lambda h, a: h and not a,
                        combine("have_before_indefinite", lambda r, n: r and n,
                                feature("is_have_base", lambda r: r == "HAVE_BASE", role),
                                feature("indefinite_next", lambda n: n in (
                                    "DET_A", "DET_AN", "QDET", "QDET_SG", "QDET_PL", "A", "N"), next_tag)), asks)
    inverted = combine("inverted", lambda i, h: i and not h, inverted, have_told)
    inverted_count = count_all(inverted, name="inverted_auxiliaries")
    needs = feature("requirement", lambda r: requirement(r) if r in (*VERBAL, "TOINF", "ACC") else
                    "and" if r == "AND_CLAUSE" else "brk" if r in BREAKS else "-", role)
    # an -ing form right after a noun modifies it (the man sitting next to me [was], i spent the morning
    # cleaning): no verb of the clause; an object pronoun governs a verb only after a verb (let me go; not:
    # both of us [were])
    # (not in a question, whose auxiliary wants a verb: will the kids [playing] …)
    modifier = combine("participle_modifier", lambda t, n: t and n,
                       combine("ing_verb", lambda r, i: r and i, feature("is_verb_reading", lambda r: r == "V", role),
                               feature("ing_form_only", lambda c: _parsed(c).forms == ("ing",), word_class)),
                       combine("noun_before_in_statement", lambda n, q: n and q == 0,
                               previous(is_noun, 1, default=False, name="noun_before"),
                               inverted_count))
    needs = combine("requirement", lambda n, x: "-" if x == "modifier" else n, needs,
                    combine("not_a_governor", lambda m, o: "modifier" if m or o else "-", modifier,
                            combine("object_not_after_verb", lambda r, o: r and o,
                                    feature("is_object_pronoun", lambda r: r == "ACC", role),
                                    feature("not_after_verb", lambda o: o != "V", order_before))))
    # the "to" of "look forward to" is a preposition: an -ing form follows (look forward to seeing you)
    # (and of "be used to": i am used to getting up early; i used to play is "used to" + a verb)
    be_two_back = previous(feature("is_be", lambda t: t in BE, tag), 2, default=False, name="be_two_back")
    needs = combine("requirement", lambda n, f: "ing" if n == "base" and f else n, needs,
                    combine("forward_or_used_before", lambda m, b: m == "fwd" or (m == "used" and b),
                            previous(feature("forward_or_used", lambda m: m if m in ("fwd", "used") else "-", mark), 1,
                                     default="-", name="forward_or_used_before"), be_two_back))
    pending = combine("pending", lambda n, inv: n if inv else "fin", needs, inverted)
    clause_mark = feature("clause_mark", lambda n: n != "-", needs)
    subject_pending = nearest_left(clause_mark, pending, default="fin", name="question_pending")
    anchor = combine("anchor", _anchor, needs, subject)
    # a relative pronoun after a noun is the subject of its clause, with the noun's person (the people who
    # work here); a subject after it takes over (the book that i read)
    person_before = previous(person, 1, default="-", name="person_before")
    relative = combine("relative_pronoun", lambda m, t: m and t, feature("is_relative_word", lambda m: m == "rel", mark),
                       feature("not_determiner", lambda t: t != "DET_SG", tag))
    relative_person = combine("relative_person", lambda r, p: p if r and p != "-" else "-", relative, person_before)
    anchor = combine("anchor", lambda a, p: "subj:" + p if p != "-" else a, anchor, relative_person)
    anchor = combine("anchor", lambda a, p: f"{a}:{p}" if a.startswith("subj:") else a, anchor, subject_pending)
    is_anchor = feature("is_anchor", lambda a: a != "-", anchor)
    first_governor = nearest_left(is_anchor, anchor, default="start", name="first_governor")
    # a verb after "and" with no subject of its own takes what governed the verb before "and": she cooks and
    # cleans, she can sing and dance, the kids are laughing and playing, close the door and sit down
    is_verb_word = feature("is_verb_word", lambda r: r in VERBAL, role)
    verb_governor = nearest_left(is_verb_word, first_governor, default="start", name="governor_of_verb_before")
    anchor = combine("anchor_after_and", lambda a, g: g if a == "and" else a, anchor,
                     feature("carried_governor", canonical, verb_governor))
    is_anchor = feature("is_anchor", lambda a: a != "-", anchor)
    raw_governor = nearest_left(is_anchor, anchor, default="start", name="governor_as_found")
    governor = feature("governor", canonical, raw_governor)

    forms = feature("verb_forms", lambda c: "+".join(_parsed(c).forms + (("adj",) if "A" in _parsed(c).readings
                                                                         else ())), word_class)
    verb = combine("verb", lambda r, m: r if r in VERBAL and not m else "-", role, modifier)
    vform = combine("vform", lambda r, f: "V:" + f if r == "V" else r, verb, forms)
    vform = combine("vform", lambda v, inv: "INV:" + v if inv else v, vform, inverted)
    check = combine("verb_check", verb_check, governor, vform)
    heads = _compound_heads(subject, is_noun, word_class)
    subject_after = nearest_right(feature("is_subject_to_the_right", lambda p: p != "-", heads), heads, default="-",
                                  name="subject_after")
    # (an auxiliary before "there" agrees with the noun after it, as "there is / are" does: is there any foxes ?, are
    # there a bus …; up to a break or preposition: how many stops are there before the harbour ? has its noun before)
    subject_or_stop = combine("subject_or_stop", lambda p, r: "stop" if r in (*BREAKS, *ENDS, "PREP") else p, heads,
                              role)
    subject_after = combine("subject_after_there", lambda p, n: (n if n != "stop" else "-") if p == "there" else p,
                            subject_after,
                            nearest_right(feature("is_subject_not_there", lambda p: p not in ("-", "there"),
                                                  subject_or_stop), subject_or_stop, default="-",
                                          name="subject_after_not_there"))
    check = combine("verb_agreement", agreement_check, check, subject_after)
    # (being / having right after a preposition is a gerund: thanks for being patient, after having lunch)
    gerund_auxiliary = combine("gerund_auxiliary", lambda p, t: p and t in ("BE_ING", "HAVE_ING"),
                               previous(feature("preposition_here", lambda t: t == "PREP", tag), 1, default=False,
                                        name="preposition_before"), tag)
    check = combine("verb_checked_gerund", lambda c, g: "ok" if g else c, check, gerund_auxiliary)
    # after a relative clause, the verb agrees with the noun the clause follows (the man who lives here
    # [is]); the noun before "who / which / that" or before a subject pronoun (the cake you made [was])
    pronoun_after = previous(feature("subject_pronoun", lambda t: t in NOMINATIVE or t in ("YOU", "IT"), tag), -1,
                             default=False, name="pronoun_after")
    mark_after = previous(mark, -1, default="-", name="mark_after")
    head = combine("relative_head", lambda r, p: r if p else "-",
                   combine("noun_person", lambda t, p: p if t == "N" else "-", tag, person),
                   combine("clause_after", lambda m, p: m == "rel" or p, mark_after, pronoun_after))
    head_person = nearest_left(feature("is_relative_head", lambda h: h != "-", head), head, default="-",
                               name="relative_head_person")
    # a verb that takes a bare infinitive after its object: i saw the man [leave], let the dog [sleep]
    verb_mark = nearest_left(is_verb_word, mark, default="-", name="mark_of_verb_before")
    # (computed beside the first check, so that it adds one step after it)
    facts = feature("verb_facts", _verb_facts, vform)
    relative = combine("after_relative", lambda a, h: h if a else "-", feature("after_clause", _after_clause, governor),
                       combine("agrees_with_relative_head", _agrees_with_head, head_person, facts))
    bare = feature("bare_verb_before", lambda m: m in ("bare", "let", "help"), verb_mark)
    second = combine("second_look", lambda r, b: r if r != "-" else b, relative,
                     combine("bare_infinitive", lambda b, f: "ok" if b and f.endswith("|bare") else "-", bare, facts))
    check = combine("verb_checked", lambda c, s: s if c == "bad" and s != "-" else c, check, second)
    is_to = feature("is_to_infinitive", lambda t: t == "TOINF", tag)
    # (after let / make, also an object that names someone by a pronoun or a relative: the children made their
    # parents to laugh, the sad news made everyone to cry; not a thing, whose "to" may say what for: she made a cake
    # to sell, nor after see / hear: i watched the children to make sure …)
    object_of_bare = combine("object_of_bare_verb", lambda m, o: m if o == "acc" or (o == "someone" and m == "let")
                             else "-",
                             feature("to_refused", lambda m: m if m in ("bare", "let") else "-", verb_mark),
                             previous(combine("object_kind", lambda t, c: "acc" if t == "ACC" else "someone" if c and t in (
                                 "PRON", "N") else "-", tag,
                                 feature("names_someone", lambda c: _parsed(c).primary == "PRON" or _parsed(c).mark in (
                                     "kin", "kinpl"), word_class)), 1, default="-", name="object_kind_before"))
    # (nor, after let / make, an -ing form: let 's going, she made me waiting; i saw him running is fine)
    to_or_ing = combine("to_or_ing", lambda t, i: "to" if t else i, is_to,
                        feature("ing_form", lambda c: "ing" if "ing" in _parsed(c).forms else "-", word_class))
    bad_to = combine("bad_to", lambda t, m: m != "-" if t == "to" else t == "ing" and m == "let", to_or_ing,
                     object_of_bare)
    # a bare verb after the object of a verb whose object takes "to" (she asked him close the window, they want me
    # study: WordNet's frames, `grammar_words.to_object_verbs`)
    bad_to = combine("bad_to_or_bare", lambda b, o: b or o, bad_to,
                     combine("bare_after_to_object", lambda v, m: v and "toobj" in m.split("/"),
                             combine("base_verb_after_object", lambda t, o: t == "V" and o == "ACC", tag, order_before),
                             verb_mark))
    # a time adverb against the tense of its clause's finite verb (the nearest to its left, else to its
    # right): we finish the report [yesterday], i called [tomorrow], i have seen it [yesterday]
    # ("and" ends the clause only before a subject of its own: it will be cold and windy [yesterday])
    subject_after_and = previous(starts_subject, -1, default=False, name="subject_starts_next")
    hard = combine("clause_edge", lambda r, s: (r in BREAKS and (r != "AND_CLAUSE" or s)) or r in ENDS, role,
                   subject_after_and)
    # (a finite verb here: a verb no auxiliary governs, from the first governor, a short way from the words)
    finite_here = combine("finite_here", lambda v, g: "edge" if v == "edge" else v == "verb" and not canonical(g).startswith("req:"),
                          combine("verb_or_edge", lambda v, h: "edge" if h else "verb" if v else "-", is_verb_word, hard),
                          first_governor)
    # (have / has before a noun phrase is a verb of the present, not a perfect: i have a cold since friday)
    word_tense = combine("word_tense", lambda t, n: "N" if t == "H" and n in (*DETS, "A", "N", "NUM", "NUM1") else t,
                         feature("word_tense", _word_tense, word_class), next_tag)
    tense = combine("tense", lambda f, t: "edge" if f == "edge" else t if f else "-", finite_here, word_tense)
    has_tense = feature("has_tense", lambda t: t != "-", tense)
    tense_left = nearest_left(has_tense, tense, default="edge", name="tense_left")
    tense_right = nearest_right(has_tense, tense, default="edge", name="tense_right")
    clause_tense = combine("clause_tense", lambda left, right: right if left == "edge" else left, tense_left,
                           tense_right)
    after_noun = _time_noun_after(is_noun, word_class)
    # ("since" before a determiner is read as a conjunction; with no verb after it in its clause it is the
    # preposition: the shop is closed since the flood)
    since_preposition = combine("since_preposition", lambda t, r: t == "PREP" or r == "edge", tag, tense_right)
    time = combine("time_adverb", _time,
                   combine("time_mark", lambda m, d: f"{m}|{d}",
                           combine("time_word", lambda m, p: "-" if m == "since" and not p else m,
                                   feature("time_mark_word", lambda m: m if m in ("past", "fut", "last", "next") else
                                           "since" if m == "p:since" else "-", mark),
                                   since_preposition),
                           feature("time_word_after_determiner", lambda o: "det" if o in ("DET", "QDET", "PREP") else "-",
                                   order_before)),
                   after_noun)
    # (since + a point in time wants a perfect: i work here [since] 2019; i have worked here since 2019)
    bad_time = combine("bad_time", lambda t, c: (t, c) in (("past", "N"), ("past", "H"), ("fut", "P"), ("since", "N")),
                       time, clause_tense)
    # "for" + a number of years after a verb in the present simple (i know her for ten years, we have our parrot for
    # fifteen years, he teaches at this school for three years: have known, have had, has taught), but one whose
    # subject is a thing in its commonest WordNet sense (`grammar_words.thing_verbs`: the guarantee lasts for two
    # years)
    is_for = feature("is_for", lambda m: m == "p:for", mark)
    for_years = combine("for_years", lambda u, f: u and f, feature("long_unit", lambda m: m == "unitl", mark),
                        combine("for_two_or_three_back", lambda a, b: a or b,
                                previous(is_for, 2, default=False, name="for_two_back"),
                                previous(is_for, 3, default=False, name="for_three_back")))
    # (the nearest verb is that present itself, no auxiliary's or "to"'s verb: she is staying with us for two months,
    # we will live there for two years, i want to work here for a year)
    verb_of_a_doer = combine("verb_before_of_a_doer", lambda g, m: g and m != THING_VERB,
                             feature("verb_before_ungoverned", lambda g: not canonical(g).startswith("req:"),
                                     verb_governor), verb_mark)
    lasting_present = combine("lasting_present", lambda d, c: d and c == "N", verb_of_a_doer, clause_tense)
    bad_time = combine("bad_time_or_duration", lambda a, b: a or b, bad_time,
                       combine("bad_duration", lambda f, p: f and p, for_years, lasting_present))
    bad_time = combine("bad_time_or_weekday", lambda a, b: a or b, bad_time,
                       _perfect_on_weekday(mark, role, raw_governor, word_class, next_tag))
    # an adjective right after a noun ("the car red"), unless the noun is the subject of a question ("is the
    # soup hot ?"); an inverted auxiliary is followed by its subject ("is hot the kettle ?")
    in_question = feature("in_question", lambda g: g.split(":")[2] if g.startswith("subj:") else "-", raw_governor)
    next_verb = previous(feature("is_verb_form", lambda t: t in VERBAL, tag), -1, default=False, name="verb_after")
    pair = combine("pair_check", lambda p, v: "bad" if p == "noun-adjective" and v else p, pair, next_verb)
    # (a measure: ten years old, two metres long)
    number_before = previous(feature("is_number", lambda t: t in ("NUM", "NUM1"), tag), 1, default=False,
                             name="number_before")
    unit = feature("unit_mark", lambda m: m in ("unit", "unitl"), mark)
    duration = combine("number_of_units", lambda u, n: u and n, unit, number_before)
    measure_before = previous(duration, 1, default=False, name="measure_before")
    # (an adjective with an adverb's reading after a noun is that adverb, unless it is a gradable adjective of its own
    # (a cook good, the cupboard … full of): plays tennis better than me, moved the sofa closer to the window, froze on
    # the steps overnight, the vacuum cleaner; read beside the measure, so that the check takes no step more)
    adverb_after_noun = combine("adverb_after_noun", lambda r, o: "r" in r and o == "N", word_choice, order_before)
    pair = combine("pair_check", lambda p, n: "ok" if p == "noun-adjective" and n else p, pair,
                   combine("measure_or_adverb_before", lambda m, a: m or a, measure_before, adverb_after_noun))
    # (the object of a verb an adjective may follow: they painted the fence green, i like my tea hot; not one that "a"
    # opens when the adjective runs on into another adjective or a noun, as adjectives before a noun do: we found a
    # frog tiny green; a minibus full of children, a lemon tart for us are fine)
    result_object = combine("object_of_result_verb", lambda m, o: m and o,
                            feature("result_verb_before", lambda m: m.split("/")[0] in ("bare", "let", "res"), verb_mark),
                            _object_before(governor, is_noun, tag))
    result_object = combine("object_of_result_verb_not_run_on", lambda o, r: o and not r, result_object,
                            combine("indefinite_run_on", lambda a, n: a and n,
                                    previous(feature("is_a_or_an", lambda t: t in ("DET_A", "DET_AN"), tag), 2,
                                             default=False, name="article_two_back"),
                                    feature("adjective_or_noun_next", lambda t: t in ("A", "N"), next_tag)))
    pair = combine("pair_check", lambda p, b: "ok" if p == "noun-adjective" and b else p, pair, result_object)
    pair = combine("pair_check", lambda p, b: "ok" if p == "noun-adjective" and b else p, pair,
                   previous(feature("bit_word", lambda m: "bit" in m.split("/"), mark), 1, default=False, name="bit_before"))
    two_back_how = previous(feature("is_how", lambda m: m == "how", mark), 2, default=False, name="how_two_back")
    pair = combine("pair_check", lambda p, w: "ok" if p == "adjective-determiner" and w else p, pair, two_back_how)
    pair = combine("pair_check", lambda p, t: "ok" if p == "adjective-determiner" and t else p, pair,
                   feature("is_det_sg", lambda t: t == "DET_SG", tag))
    pair = combine("pair_check", lambda p, e: ("ok" if e else "bad") if p == "verb-negation" else p, pair,
                   previous(is_end, -1, default=False, name="end_next"))
    pair = combine("pair_check", lambda p, v: ("ok" if v else "bad") if p == "object-auxiliary" else p, pair,
                   previous(feature("is_verb_order", lambda o: o in ("V", "PREP"), order), 2, default=False,
                            name="verb_or_preposition_two_back"))
    bad_order = combine("bad_order", _bad_order, pair, in_question)
    after_inverted = previous(inverted, 1, default=False, name="after_inverted")
    # (after "n't" or "not", the word after it: is n't it cold ?, not: is n't praying your mood …)
    inverted_two_back = combine("inverted_then_negation", lambda i, n: i and n, previous(inverted, 2, default=False,
                                                                                       name="inverted_two_back"),
                                previous(feature("is_neg", lambda t: t == "NEG", tag), 1, default=False,
                                         name="negation_before"))
    # (who / what / which may be the subject itself: who is coming ?, what is happening ?)
    asks_subject = previous(feature("subject_question_word", lambda c: _parsed(c).primary == "WH" and (
        _parsed(c).mark == "rel" or "DET" in _parsed(c).readings), word_class), 2, default=False,
        name="subject_question_word_two_back")
    # (so may the noun of a which / how many … phrase: which bus is late ?, how much milk is left ?; not: why
    # the dog is barking ?)
    wh_or_quantifier = feature("wh_or_quantifier", lambda t: "wh" if t == "WH" else "q" if t in (
        "QDET", "QDET_SG", "QDET_PL") else "-", tag)
    phrase_noun = combine("question_phrase_noun", lambda n, w: n and w.split("|")[0] == "wh" or n and w == "q|wh",
                          previous(is_noun, 2, default=False, name="noun_two_back_of_question"),
                          combine("question_phrase_start", lambda a, b: f"{a}|{b}",
                                  previous(wh_or_quantifier, 3, default="-", name="wh_or_quantifier_three_back"),
                                  previous(wh_or_quantifier, 4, default="-", name="wh_or_quantifier_four_back")))
    asks_subject = combine("asks_about_subject", lambda w, n: w or n, asks_subject, phrase_noun)
    bad_question = combine("bad_question_order", lambda inv, s: inv and not s,
                           combine("question_subject_due", lambda a, b: a or b,
                                   combine("after_inverted_not_subject", lambda a, w: a and not w, after_inverted,
                                           asks_subject), inverted_two_back),
                           starts_subject)

    # two negations in one clause: i do n't know nothing, there is not nobody, nobody told me nothing
    # (each lookup of two s-ops below reads a small feature of each: a unit per pair of their values)
    negative = combine("negative_word", lambda t, m: t == "neg" or (m and t != "interj"),
                       feature("negation_tag", lambda t: "neg" if t in ("NEG", "NEVER") else "interj" if t == "INTERJ"
                               else "-", tag), feature("negative_mark", lambda m: m == "neg", mark))
    clause_edge = feature("negation_scope_edge", lambda t: t in BREAKS or t in ENDS or t in ("AND", "BUT"), tag)
    negation_or_edge = combine("negation_or_edge", lambda n, e: "neg" if n else "edge" if e else "-", negative,
                               clause_edge)
    before_negation = nearest_left(feature("is_negation_or_edge", lambda x: x != "-", negation_or_edge),
                                   negation_or_edge, default="edge", name="negation_or_edge_before")
    bad_negation = combine("double_negation", lambda n, b: n and b == "neg", negative, before_negation)
    # comparison: "more old", "the most good", "more better" (a word that compares with -er only, or is
    # already a comparative, after more / most); "more cold water" is fine (more of it)
    degree = combine("degree", lambda t, m: m if t else "-",
                     feature("is_adjective_or_adverb", lambda t: t in ("A", "R"), tag),
                     feature("degree_mark", lambda m: next(("deg" if d == "cmp" else d for d in ("syn", "deg", "cmp")
                                                            if d in m.split("/")), "-"), mark))
    more_before = previous(feature("more_or_most", lambda m: m if m in ("more", "most") else "-", mark), 1,
                           default="-", name="more_before")
    det_two_back = previous(feature("is_det", lambda o: o == "DET", order), 2, default=False,
                            name="determiner_two_back")
    noun_next = combine("noun_next", lambda t, m: t and not m,
                        feature("nounish_next", lambda t: t in ("N", "A", "UNK"), next_tag),
                        previous(feature("adverb_first", lambda c: _parsed(c).primary == "R", word_class), -1,
                                 default=False, name="adverb_first_next"))  # (more nice today)
    compared = combine("compared", lambda m, d: f"{m}|{d}", more_before, det_two_back)
    bad_degree = combine("bad_degree", _bad_degree,
                         combine("degree_and_noun", lambda d, n: f"{d}|{n}", degree, noun_next), compared)
    # prepositions after their head: afraid from, responsible of, arrived to, discuss about, near of, across
    # of; an object after a verb that takes it through a preposition (listened the teacher, arrived the
    # airport)
    complement = combine("complement_word", _complement_word,
                         feature("complement_tag", lambda t: t if t in ("PREP", "DET", "POSS", "ACC", "TOINF") else "-",
                                 tag),
                         feature("preposition_mark", lambda m: m if m == "of" or m.startswith("p:") else "-", mark))
    head_before = previous(combine("complement_head", _complement_head,
                                   feature("head_tag", lambda t: t if t in ("A", "V", "PREP", "ORD") else "-", tag),
                                   feature("complement_mark", lambda m: m if m.startswith(("c:", "intr", "x:")) or
                                           m in ("ofok", "near", "next") else "-", mark)),
                           1, default="-", name="complement_head_before")
    # (a preposition before a day or month starts a time phrase: the restaurant was full on friday)
    # (and "in" before a determiner starts an adjunct: good in maths, but the food is good in this café)
    complement = combine("complement_word", lambda w, n: "in-" if w == "in" and not n else w, complement,
                         feature("bare_noun_next", lambda t: t in ("N", "UNK"), next_tag))
    # ("with" + a number says what someone has, after any head: she is married with two children, a flat with two
    # bedrooms; a letter read beside the day or month, so that the check takes no step more)
    complement = combine("complement_word", lambda w, k: "-" if k == "date" or (k == "number" and w == "with") else w,
                         complement,
                         combine("date_or_number_next", lambda d, n: "date" if d else "number" if n else "-",
                                 previous(feature("day_or_month", lambda m: m in ("wday", "month"), mark), -1,
                                          default=False, name="day_or_month_next"),
                                 feature("number_next", lambda t: t in ("NUM", "NUM1"), next_tag)))
    bad_complement = combine("bad_complement", _bad_complement, complement, head_before)
    # since or during + a number of units of time (since two years, during three weeks: for)
    since_two_back = previous(feature("is_since_or_during", lambda m: m in ("p:since", "during"), mark), 2,
                              default=False, name="since_two_back")
    # and "have" + a number of years as an age (i have twenty years .)
    have_two_back = previous(feature("is_have", lambda t: t in HAVE, tag), 2, default=False, name="have_two_back")
    since_or_have = combine("since_or_have", lambda s, h: "since" if s else "have" if h else "-", since_two_back,
                            have_two_back)
    bad_since = combine("bad_since", lambda d, x: d and x != "-", duration,
                        combine("since_or_age", lambda s, e: "-" if s == "have" and not e else s, since_or_have,
                                feature("end_next", lambda t: t in ENDS, next_tag)))
    # (and through an approximate or hyphenated number: since almost six weeks, since fifty - two years; each word of
    # the run read by a head of its own, as a letter: "o" opens it, "r" is in it)
    number_run = feature("number_run_word", lambda c: "o" if _parsed(c).mark in ("p:since", "during") else "r" if
                         _parsed(c).primary in ("NUM", "NUM1", "HYPH", "DEG") else "-", word_class)
    run_two, run_three, run_four = (previous(number_run, k, default="-", name=f"number_run_word_{k}_back")
                                    for k in (2, 3, 4))
    bad_since = combine("bad_since", lambda b, r: b or r, bad_since,
                        combine("since_approximate_number", lambda d, o: d and o, duration,
                                combine("number_run_opened", lambda a, b: a == "r" and b == "o", run_two,
                                        combine("number_run_opened_further", lambda a, b: "o" if a == "o" or (
                                            a == "r" and b == "o") else "-", run_three, run_four))))
    # since + a unit with no number (we hiked since hours)
    bad_since = combine("bad_since", lambda b, u: b or u, bad_since,
                        combine("since_units", lambda u, s: u and s, unit,
                                previous(feature("is_since", lambda m: m == "p:since", mark), 1, default=False,
                                         name="since_before")))
    # since (the preposition) + "a" or a quantifier and its noun: a length of time, not a point (since a year, since
    # an hour, since all morning: for); "since" before a clause is a conjunction (since a friend told me)
    since_preposition_before = previous(combine("is_since_preposition", lambda m, p: m and p,
                                                feature("is_since_word", lambda m: m == "p:since", mark),
                                                since_preposition), 1, default=False, name="since_preposition_before")
    bad_since = combine("bad_since", lambda b, s: b or s, bad_since,
                        combine("since_a_length", lambda s, d: s and d, since_preposition_before,
                                combine("length_determiner", lambda t, n: t == "a" or (t == "q" and n),
                                        feature("article_or_quantifier", lambda t: "a" if t in ("DET_A", "DET_AN") else
                                                "q" if t == "QDET" else "-", tag),
                                        feature("noun_next", lambda t: t == "N", next_tag))))
    # a verb of state in the progressive (she is knowing the answer)
    stative = combine("stative_verb", lambda t, m: t and m, feature("is_verb_tag", lambda t: t == "V", tag),
                      feature("stative_mark", lambda m: m == "stat", mark))
    bad_since = combine("bad_since_or_stative", lambda a, b: a or b, bad_since,
                        combine("stative_progressive", lambda s, g: s and g == "req:ing_pp", stative, governor))
    # a comparative where a superlative belongs: the + comparative (+ noun) + in (the worse in the class)
    comparative_mark = feature("comparative_mark", lambda m: "cmp" in m.split("/"), mark)
    the_comparative = combine("the_comparative", lambda c, t: c and t,
                              combine("comparative_adjective", lambda t, m: t and m, is_adjective, comparative_mark),
                              previous(feature("is_the", lambda m: m == "the", mark), 1, default=False, name="the_before"))
    comparative_before = combine("comparative_before", lambda c1, c2: c1 or c2,
                                 previous(the_comparative, 1, default=False, name="the_comparative_before"),
                                 combine("the_comparative_noun_before", lambda c, n: c and n,
                                         previous(the_comparative, 2, default=False, name="the_comparative_two_back"),
                                         previous(is_noun, 1, default=False, name="noun_just_before")))
    bad_superlative = combine("bad_superlative", lambda c, m: c and m == "p:in", comparative_before, mark)
    # "than" with no comparative before it in the sentence (i prefer tea than coffee, he is tall than me: taller,
    # prefer … to); a comparative is a word marked "cmp" (taller, better, less, fewer, rather), more, or an
    # unknown word (other, else)
    compares = feature("compares", lambda c: "cmp" in _parsed(c).mark.split("/") or _parsed(c).mark == "more" or
                       c == UNK_CLASS.name, word_class)
    bad_than = combine("bad_than", lambda t, n: t and n == 0, feature("is_than", lambda m: m == "than", mark),
                       count_upto(compares, name="comparatives_so_far"))
    # (a comparative before "since" says what has changed since then, in the present: my grandfather feels much
    # better since the operation, she is more relaxed since her holiday; an unknown word is none here)
    changed = count_upto(feature("is_comparative", lambda m: "cmp" in m.split("/") or m == "more", mark),
                         name="known_comparatives_so_far")
    bad_time = combine("bad_time_unless_change", lambda b, c: b and not c, bad_time,
                       combine("since_after_comparative", lambda t, n: t and n,
                               feature("is_since_time", lambda t: t == "since", time),
                               feature("has_comparative", lambda n: n > 0, changed)))
    bad_superlative = combine("bad_superlative_or_than", lambda a, b: a or b, bad_superlative, bad_than)
    # prepositions of time and place: on february, in monday, at sunday; in the tenth floor
    time_preposition = feature("time_preposition", lambda m: m if m in ("p:on", "p:in", "p:at") else "-", mark)
    preposition_before = previous(time_preposition, 1, default="-", name="time_preposition_before")
    bad_preposition = combine("bad_time_preposition", lambda m, p: (m == "month" and p in ("p:on", "p:at")) or (
        m == "wday" and p in ("p:in", "p:at")), mark, preposition_before)
    bad_floor = combine("bad_floor", lambda m, p: m == "floor" and p == "p:in", mark,
                        combine("preposition_before_ordinal", lambda p, o: p if o else "-",
                                previous(time_preposition, 3, default="-", name="time_preposition_three_back"),
                                previous(feature("is_ordinal", lambda t: t == "ORD", tag), 1, default=False,
                                         name="ordinal_before")))
    # "in front" + a noun phrase: its "of" is missing (park in front the shop, in front my house)
    in_front = combine("in_front", lambda f, i: f and i, feature("is_front", lambda m: m == "front", mark),
                       previous(feature("is_in", lambda m: m == "p:in", mark), 1, default=False, name="in_before"))
    in_front_before = previous(in_front, 1, default=False, name="in_front_before")
    bad_floor = combine("bad_floor_or_front", lambda b, f: b or f, bad_floor,
                        combine("noun_phrase_after_in_front", lambda f, t: f and t in (
                            *DETS, "ACC", "IT", "YOU", "NUM", "NUM1", "N", "UNK"), in_front_before, tag))
    # (a date may follow a month, a noun a season: on february 3, on winter mornings)
    bad_preposition = combine("bad_preposition_of_time", lambda b, n: b and not n, bad_preposition,
                              combine("date_or_noun_next", lambda m, n: m and n, feature("is_month", lambda m: m == "month",
                                                                                     mark),
                                      feature("number_or_noun_next", lambda t: t in ("NUM", "NUM1", "UNK", "N"),
                                              next_tag)))
    bad_preposition = combine("bad_preposition_of_time", lambda a, b: a or b, bad_preposition,
                              combine("bad_floor_or_superlative", lambda a, b: a or b, bad_floor, bad_superlative))
    # "much" before a plain predicative adjective (too much noisy: much better, much cold water are fine), and an
    # adverb where a modal's verb belongs (we will late for the concert)
    plain_adjective = combine("plain_adjective", lambda t, m: t and not m, is_adjective, comparative_mark)
    after_much = previous(feature("is_much", lambda m: m == "mass", mark), 1, default=False, name="much_before")
    predicative = feature("no_noun_next", lambda t: t not in ("N", "A", "UNK"), next_tag)
    bad_much = combine("bad_much", lambda a, p: a and p, combine("much_adjective", lambda a, m: a and m,
                                                                  plain_adjective, after_much), predicative)
    adverb_for_verb = combine("adverb_for_verb", lambda t, o: t and o, feature("is_adverb", lambda t: t == "R", tag),
                              feature("modal_before", lambda o: o == "MODAL", order_before))
    bad_much = combine("bad_much_or_adverb", lambda a, b: a or b, bad_much,
                       combine("adverb_before_preposition", lambda a, n: a and n == "PREP", adverb_for_verb,
                               next_tag))
    # an adjective (or a participle after "be") before "a little / a bit" (i am tired a little: a little tired)
    adjective_or_participle = combine("adjective_or_participle", lambda t, p: "A" if t == "A" else "pp" if t == "V" and p
                                      else "-", feature("adjective_or_verb", lambda t: t if t in ("A", "V") else "-", tag),
                                      feature("participle_form", lambda c: "pp" in _parsed(c).forms, word_class))
    predicative_before = previous(combine("predicative", lambda t, g: t == "A" or (t == "pp" and g == "req:ing_pp"),
                                          adjective_or_participle, governor), 1, default=False,
                                  name="predicative_before")
    bad_bit = combine("bad_bit", lambda a, b: a and b,
                      combine("a_after_predicative", lambda a, p: a and p, feature("is_a", lambda t: t == "DET_A", tag),
                              predicative_before),
                      previous(feature("is_bit", lambda m: "bit" in m.split("/"), mark), -1, default=False, name="bit_after"))
    bad_much = combine("bad_much_or_bit", lambda a, b: a or b, bad_much, bad_bit)
    # (a balanced tree of ORs, see below)
    bad_since = combine("bad_since_or_word", lambda a, b: a or b, bad_since,
                        combine("bad_preposition_or_much", lambda a, b: a or b, bad_preposition, bad_much))
    bad_choice = combine("bad_word_choice", lambda a, b: a or b,
                         combine("bad_negation_or_degree", lambda a, b: a or b, bad_negation, bad_degree),
                         combine("bad_complement_or_since", lambda a, b: a or b, bad_complement, bad_since))
    # "what" + a countable singular noun in an exclamation (what lovely surprise !: what a …), countable by the
    # lexicon ("cnt") or by use ("cntw")
    what_countable = combine("what_countable", lambda w, c: w and c in ("cnt", "cntw"),
                             feature("is_what", lambda c: _parsed(c).readings == ("WH", "DET"), word_class),
                             my_countable)

    # one flag per position, then the sentence
    # (a balanced tree of ORs: every layer an error passes through widens the margins the compiler needs)
    bad_form = combine("bad_verb", lambda c, r: c == "bad" and not r, check,
                       _result_adjective(result_object, is_noun, inside_pp, word_class))
    bad_here = combine("bad_here", lambda a, b: a or b,
                       combine("bad_order_or_end", lambda a, b: a or b, bad_order, bad_end),
                       combine("bad_det_or_question", lambda a, b: a or b, bad_det, bad_question))
    # "to" after a modal or do and its subject (can you to help me ?)
    # (and an adjective right after the modal or its "not", unless it may be the verb: she does not happy,
    # your stories ca n't threatening; they do not mean)
    after_auxiliary = feature("after_modal_or_not", lambda o: o in ("AUX", "AUX_ING", "MODAL", "NEG"), order_before)
    bad_to = combine("bad_to", lambda b, g: b or g, bad_to,
                     combine("to_or_adjective_after_modal",
                             lambda t, g: t == "to" and g != "-" or t == "adj" and g == "direct",
                             combine("to_or_adjective", lambda t, a: t if t == "to" or t == "adj" and a else "-",
                                     combine("to_or_adjective_word", lambda t, b: "to" if t == "TOINF" else "adj"
                                             if t == "A" and not b else "-", tag,
                                             feature("has_base_form", lambda c: "base" in _parsed(c).forms
                                                     or "cmp" in _parsed(c).mark.split("/"), word_class)),
                                     after_auxiliary),
                             feature("governed_by_base", lambda g: "direct" if g == "req:base" else "base"
                                     if canonical(g) == "req:base" else "-", raw_governor)))
    bad_local = combine("bad_local", lambda a, b: a or b, combine("bad_place_or_mass", lambda a, b: a or b,
                                                                  bad_place, bad_mass), bad_to)
    bad_local = combine("bad_local", lambda a, b: a or b, bad_local, combine("bad_choice_or_learner", lambda a, b: a or b,
                                                                            bad_choice, bad_learner))
    bad_here = combine("bad_here", lambda a, b: a or b, bad_here, bad_local)
    # a past that is also a participle, of a verb that always takes an object (mark "tr"; "trp" for a verb that takes
    # one in its commonest senses, only before a preposition: the hills covered in heather, not the river flooded .),
    # with a subject
    # right before it and no object or later verb after it: its "be" is missing (the match cancelled because of the
    # rain, i scared of dogs); not in a clause after a noun (the cake she decorated for the party is …, the players
    # injured in the first half did n't …)
    # (or an adverb between them: i really bored in the lesson, she often delayed by the traffic)
    # ("and" + a verb is no end: the two verbs share the subject and the object after them, we sanded and varnished
    # the floor; the verb two places on is read as a flag first, as a whole tag it would make a table of tag pairs)
    subject_here = combine("subject_opening_clause", lambda t, s: t == "noun" or (t == "pronoun" and s),
                           feature("subject_kind", lambda t: "noun" if t in ("N", "UNK") else "pronoun" if t
                                   in SUBJECT_PRONOUNS else "-", tag),
                           previous(feature("clause_edge", lambda t: t in (*BREAKS, "AND"), tag), 1, default=True,
                                    name="clause_edge_before"))
    adverb_before = previous(feature("is_adverb_or_degree", lambda t: t in ("R", "NEVER", "DEG"), tag), 1,
                             default=False, name="adverb_before")
    subject_before = combine("subject_right_before", lambda s, a: s or a,
                             previous(subject_here, 1, default=False, name="subject_before"),
                             combine("subject_before_adverb", lambda a, s: a and s, adverb_before,
                                     previous(subject_here, 2, default=False, name="subject_two_back")))
    # (and so does a participle of feeling, whose verb names what causes the feeling: my son excited about his first
    # day, the twins excited about the trip; "f" of `_role`)
    participle_alone = combine("object_only_alone", lambda m, n: "-" if n == "V" else m, combine(
        "object_only_or_feeling", lambda m, r: m if m != "-" else "trp" if "f" in r else "-", feature(
            "object_only_mark", lambda m: "tr" if "tr" in m.split("/") else "trp" if "trp" in m.split("/") else "-",
            mark), word_choice), finite_or_stop_after)
    bad_missing_be = combine("bad_missing_be", lambda p, s: p and s,
                             combine("object_only_verb_alone", lambda p, t: t == "PREP" if p == "trp" else
                                     p == "tr" and t != "-", participle_alone,
                                     combine("no_object_next", lambda t, v: "-" if t not in (
                                         "PREP", "SUB", "COMMA", "AND", "BUT", *ENDS) or (t == "AND" and v) else
                                             "PREP" if t == "PREP" else "end",
                                         next_tag, previous(feature("is_verb_tag", lambda t: t == "V", tag), -2,
                                                            default=False, name="verb_two_after"))),
                             combine("finite_with_subject_before", lambda g, s: g and s,
                                     feature("governed_by_subject", lambda g: g.startswith("subj:"), governor),
                                     subject_before))
    # a participle of feeling after "be" (and an adverb or degree word) whose subject names no one who could feel it:
    # the -ing form was meant (the trip was really interested, the film was so bored that …; the kids at the museum
    # were interested: "museum" is in a prepositional phrase, the subject is "kids")
    # (a letter, not a boolean: a boolean is a number to the value-set inference, which did not prove that this head
    # copies one position, so it carried every average a head could make — 491 values, twice, d_model 644 → 924)
    subject_is_thing = nearest_left(is_subject, feature("names_a_thing", lambda r: "t" if "t" in r else "-",
                                                        word_choice), default="-", name="subject_is_thing")
    bad_feeling = combine("bad_feeling", lambda f, t: f and t == "t",
                          combine("feeling_after_be", lambda f, b: "f" in f and b, word_choice,
                                  combine("be_before", lambda b, a: b or a,
                                          previous(feature("is_be_word", lambda t: t in BE, tag), 1, default=False,
                                                   name="be_right_before"),
                                          combine("be_before_adverb", lambda a, b: a and b, adverb_before,
                                                  be_two_back))),
                          subject_is_thing)
    bad_late = combine("bad_late", lambda a, b: a or b, bad_form, bad_time)
    bad_late = combine("bad_late", lambda a, b: a or b, bad_late, bad_missing_be)
    # a predicate adjective in a clause with a subject and no verb before or after it: its "be" is missing (we stayed
    # at home because the wind too strong, the soup too salty , but the bread is delicious). A predicate: no noun
    # after it, and a noun, pronoun or adverb before it (not a determiner or adjective: the whole flat, the spare keys
    # to the shed hang …; nor "and" or a comma: speaks english , french and italian); the clause's subject is read
    # by the governor, its verbs by the nearest hard break before it (a verb or a break) and the nearest finite verb
    # or clause edge after it (something very strange happened has its verb)
    bad_verbless = combine("bad_verbless_predicate", lambda p, v: p and v,
                           combine("predicate_after_subject", lambda a, g: a and g.startswith("subj:"),
                                   combine("predicate_adjective", lambda a, n: a and n,
                                           combine("adjective_after_subject_or_adverb", lambda a, o: a and o in (
                                               "N", "R", "NOM", "SUBJ", "DEM"), is_adjective, order_before),
                                           feature("no_noun_after", lambda t: t not in ("N", "A", "UNK"), next_tag)),
                                   governor),
                           combine("clause_without_verb", lambda b, f: b == "break" and f == "edge", verb_before,
                                   tense_right))
    bad_late = combine("bad_late", lambda a, b: a or b, bad_late, combine("bad_feeling_or_verbless", lambda a, b: a or b,
                                                                          bad_feeling, bad_verbless))
    bad_here = combine("bad_here", lambda a, b: a or b, bad_here, bad_late)
    # "do n't" before a noun phrase, not in a question (i did n't my homework; do n't the kids like it ?)
    do_before = previous(feature("is_do", lambda t: t in DO, tag), 1, default=False, name="do_before")
    statement_do = combine("statement_do", lambda d, i: d and not i, do_before,
                           previous(inverted, 1, default=False, name="inverted_before"))
    bad_do = combine("bad_do_not", lambda n, x: n and x,
                     combine("negated_do", lambda t, d: t == "NEG" and d, tag, statement_do),
                     feature("noun_phrase_after", lambda t: t in (*DETS, "N", "NUM", "NUM1", "ACC", "YOU", "IT"),
                             next_tag))
    bad_here = combine("bad_here", lambda a, b: a or b, bad_here, bad_do)
    clean = feature("no_problem", lambda n: n == 0, count_all(bad_here, name="problems"))
    # (an unknown word after a subject pronoun is its verb: we hoovered the stairs)
    unknown_verb = combine("unknown_verb", lambda t, s: t == "UNK" and s, tag,
                           previous(feature("subject_pronoun_tag", lambda t: t in SUBJECT_PRONOUNS and t != "THERE", tag),
                                    1, default=False, name="subject_pronoun_before"))
    is_finite = combine("is_finite", lambda c, u: c == "fin" or u, check, unknown_verb)
    # the first verb after a subordinator is its clause's (i so relieved when the doctor called .; the shop
    # assistant folding jumpers when i came in .): the main clause needs a verb of its own; a comma ends the
    # subordinate clause (when it rains , we stay in)
    # ("so" joins main clauses: so we went home .; before / after / until / since open a clause surely only before a
    # subject pronoun: after the meal we went home)
    # (a feature of the word class first, then the lookup with the next tag: a unit per pair of values)
    opener = combine("subordinator", lambda t, w: "S" if t == "SUB" and w else "C" if t == "COMMA" else "-",
                     tag, combine("opens_surely", lambda k, n: k == "sub" or (k == "prep" and n in SUBJECT_PRONOUNS),
                                  feature("subordinator_kind", lambda c: "so" if _parsed(c).readings[0] == "DEG" else
                                          "prep" if "PREP" in _parsed(c).readings else "sub", word_class), next_tag))
    # (an unknown word after a subject pronoun is a verb here too; an infinitive after "to" is none: so icy that
    # nobody drove to work; nor a verb right after an -ing form, whose complement or compound it is: my cousin
    # getting married in june ., the pupils at the swimming pool today .)
    # (the -ing form a verb first by SemCor and no countable noun, before a lexical verb: the building shook, the
    # meeting starts at nine are right)
    a_verb = combine("verb_not_infinitive", lambda v, t: v != "-" and t != "to" and not (v == "V" and t == "ing"),
                     combine("verb_or_unknown_verb", lambda v, u: "V" if u else v, verb, unknown_verb),
                     previous(combine("to_or_ing", lambda t, i: "to" if t == "TOINF" else "ing" if i else "-", tag,
                                      feature("only_ing_verb_first", lambda c: _parsed(c).forms == ("ing",) and
                                              _parsed(c).primary == "V" and not {"cnt", "cntw"} & set(
                                                  _parsed(c).mark.split("/")), word_class)),
                              1, default="-", name="to_or_ing_before"))
    opener_or_verb = combine("subordinator_or_verb", lambda o, v: "V" if v else o, opener, a_verb)
    # (an -ing form is the main clause's verb only if finite itself: in "my son tidying his room because his friends
    # are coming ." the finite verb and the -ing form after it are the subordinate clause's; a past may be the main
    # clause's after an auxiliary of the clause before: while you were out your mother phoned)
    main_verb = combine("main_clause_verb", lambda v, b: v and b != "S",
                        combine("finite_or_not_ing_verb", lambda v, f: v and f, a_verb, combine(
                            "finite_or_not_ing", lambda f, i: f or not i, is_finite,
                            feature("only_an_ing_form", lambda c: _parsed(c).forms == ("ing",), word_class))),
                        nearest_left(feature("opens_or_verb", lambda o: o != "-", opener_or_verb), opener_or_verb,
                                     default="-", name="subordinator_or_verb_before"))
    finite = feature("has_finite_verb", lambda n: n > 0, count_all(main_verb, name="main_clause_verbs"))
    question = feature("question_order", lambda n: n > 0, inverted_count)
    exclaims = feature("exclaims", lambda n: n > 0, count_all(feature("is_exclamation_mark", lambda t: t == "END_EXCL",
                                                                      tag), name="exclamation_marks"))
    # exclamations need no verb: what a day !, hello !, good morning !
    # (and a sentence that opens with an interjection: thanks for everything ., hello , how are you ?)
    verbless_ok = combine("verbless_ok", lambda o, e: o != "-" and e or o == "INTERJ", first_word, exclaims)
    has_verb = combine("has_verb", lambda f, ok: f or ok, finite, verbless_ok)
    # a where / who / which … question without inversion asks about its subject (who called ?, which bus
    # goes there ?); with a subject pronoun before the verb it is in statement order (why you are crying ?)
    # (a determiner starts a subject too: what time the film starts ?, when the shop closes ?)
    # (a determiner right after the question word belongs to it: how many people work here ?)
    # (but "the", a possessive or this / these after "what" or "which" starts the subject: what the teacher said ?,
    # what your brother said ?; and so does a noun or adjective after where / why / when: where wild boars sleep ?)
    wh_phrase = previous(feature("takes_a_phrase", lambda c: "-" if _parsed(c).primary != "WH" else "phrase" if (
        _parsed(c).mark == "how" or "DET" in _parsed(c).readings) else "plain", word_class), 1, default="-",
        name="after_how_what")
    subject_start = combine("starts_a_subject", lambda t, w: t in SUBJECT_PRONOUNS or (t in DETS and w != "phrase") or (
        t in ("DET", "DET_SG", "DET_PL") and w == "phrase") or (t in ("N", "A") and w == "plain"), tag, wh_phrase)
    stated = count_all(combine("subject_before_verb", lambda t, u: t and u, subject_start,
                               feature("no_verb_before", lambda n: n == 0,
                                       count_upto(feature("is_verb", lambda t: t in VERBAL, tag), strict=True))),
                       name="subjects_before_the_verb")
    wh_ok = combine("wh_question", lambda o, n: o == "WH" and n == 0, first_word, stated)
    question = combine("question_or_wh", lambda q, w: "inverted" if q else "wh" if w else "-", question, wh_ok)
    # a statement in statement order may ask (you like coffee ?); a where / why … question may not (why
    # you are late ?)
    question_ok = combine("question_ok", lambda q, a: q != "-" or not a.startswith("?WH") if a.startswith("?")
                          else q != "inverted",
                          question, combine("asks_and_opener", lambda a, f: f"?{f}" if a else "-", asks, first_word))
    verdict = combine("verdict", lambda c, v: c and v, clean, has_verb)
    verdict = combine("verdict", lambda v, q: v and q, verdict, question_ok)
    bad_what = combine("bad_what_exclamation", lambda e, n: e and n > 0, exclaims,
                       count_all(what_countable, name="what_countables"))
    verdict = combine("verdict", lambda v, b: v and not b, verdict, bad_what)
    return feature("grammaticality", lambda ok: "grammatical" if ok else "ungrammatical", verdict)


def _time_noun_in_clause(tag: rasp.SOp, mark: rasp.SOp) -> rasp.SOp:
    """Whether this word follows "last" / "next" that follows a verb, noun or pronoun: a time phrase inside a clause
    (the shoes i bought last week [are] too tight, we met next door), so no subject a later verb agrees with; at a
    clause's start (last week was busy) or after a determiner (the last bus leaves) it may be one."""
    after_last = previous(feature("last_or_next", lambda m: m in ("last", "next"), mark), 1, default=False,
                          name="last_or_next_before")
    inside = previous(feature("verb_noun_or_pronoun", lambda t: t in ("V", "N", "UNK", "ACC", *SUBJECT_PRONOUNS)
                              and t != "THERE", tag), 2, default=False, name="verb_noun_or_pronoun_two_back")
    return combine("time_noun_in_clause", lambda a, i: a and i, after_last, inside)


def _perfect_on_weekday(mark: rasp.SOp, role: rasp.SOp, raw_governor: rasp.SOp, word_class: rasp.SOp,
                        next_tag: rasp.SOp) -> rasp.SOp:
    """On + a single weekday after a present perfect's participle, the clause's last verb: a finished time wants the
    past (i have emailed the quote on monday, she has been to the dentist on tuesday: emailed, went). Not when a
    later verb carries the day (she has promised to call on friday), nor after "got" or another verb of result,
    whose perfect is a present (i have got a meeting on monday), nor "on mondays" (a habit) or "monday 's"; only
    in a statement (a question's auxiliary governs its participle through the subject: have you booked a table on
    friday ? may ask about a plan, and the generated dev corpus counts such questions as English).
    (The last verb, "to" or clause edge is read by one head, as a letter: "p" a perfect's participle, "v" the rest.)"""
    # (each lookup of two s-ops reads a small feature of each: a unit per pair of their values)
    participle = combine("perfect_participle", lambda r, g: r and g,
                         feature("verb_role_here", lambda r: r in VERBAL, role),
                         feature("governed_by_have", lambda g: g == "req:pp", raw_governor))
    verb_letter = combine("verb_letter", lambda p, r: "p" if p and not r else "v", participle,
                          feature("is_result_verb", lambda m: "res" in m.split("/"), mark))
    stop = feature("verb_or_clause_edge", lambda r: r in VERBAL or r in BREAKS or r in ENDS or r == "TOINF", role)
    last_verb = nearest_left(stop, verb_letter, default="v", name="last_verb_letter")
    day = combine("single_weekday_on", lambda d, o: d and o,
                  combine("single_weekday", lambda d, n: d and n,
                          feature("is_single_weekday", lambda c: _parsed(c).mark == "wday" and _parsed(c).number ==
                                  "sg", word_class), feature("no_genitive_next", lambda t: t != "CL_S", next_tag)),
                  previous(feature("is_on", lambda m: m == "p:on", mark), 1, default=False, name="on_before"))
    return combine("perfect_on_weekday", lambda d, v: d and v == "p", day, last_verb)


def _adjective_after_indefinite_noun(tag: rasp.SOp, mark: rasp.SOp) -> rasp.SOp:
    """An adjective after "very" after a noun that "a" / "an" opens: the adjective belongs before the noun (we climbed
    a hill very steep, we had an autumn very damp). Not one that takes a complement (`grammar_words`' "c:" marks: a
    house very close to the station, a man very proud of his son), which may follow its noun with it."""
    plain = combine("adjective_without_complement", lambda a, c: a and not c,
                    feature("is_adjective_tag", lambda t: t == "A", tag),
                    feature("takes_complement", lambda m: any(p.startswith("c:") for p in m.split("/")), mark))
    very = previous(feature("is_very", lambda m: m == "very", mark), 1, default=False, name="very_before")
    noun = previous(feature("is_noun_tag", lambda t: t == "N", tag), 2, default=False, name="noun_two_back_of_very")
    article = previous(feature("is_indefinite_article", lambda t: t in ("DET_A", "DET_AN"), tag), 3, default=False,
                       name="article_three_back")
    return combine("adjective_after_indefinite_noun", lambda a, b: a and b,
                   combine("plain_after_very", lambda p, v: p and v, plain, very),
                   combine("article_and_noun_before", lambda a, n: a and n, article, noun))


def _bad_degree(degree_noun: str, compared: str) -> bool:
    """A comparative after more / most (more better); an adjective that compares with -er only after a
    determiner and more / most (the most big, a more cheap flat: "more" after "a" or "the" is the comparative's,
    not the quantity's: we have more big problems is fine), or after more / most where no noun follows (more hard
    than, the sky is getting more dark)."""
    degree, noun = degree_noun.split("|")
    more, det = compared.split("|")
    if more == "-" or degree == "-":
        return False
    return degree == "deg" or det == "True" or noun == "False"


def _object_before(governor: rasp.SOp, is_noun: rasp.SOp, tag: rasp.SOp) -> rasp.SOp:
    """Whether the word before me is a verb's object: the word in object position (its governor asks for an object),
    or a noun right after a noun there, the head of a compound object (who left the freezer [door] open all night ?,
    they painted the garden [fence] green), which the governor reads as a subject for what follows the first noun.
    Not a compound that "a" opens: an adjective after it is the learners' adjective put after its noun (my aunt bakes
    a carrot cake delicious every easter), as after "a" and one noun when the adjective runs on (`program`)."""
    in_object = feature("object_position", lambda g: g == "req:ing", governor)
    # (a noun with no "a" before it and a noun after it: read from the readings, so that the governor's step is
    # followed by one combination only)
    opens_compound = combine("noun_opening_compound", lambda n, x: n and x, combine(
        "noun_after_no_article", lambda n, a: n and not a, is_noun, previous(feature(
            "is_indefinite_article", lambda t: t in ("DET_A", "DET_AN"), tag), 1, default=False, name="article_before")),
        previous(is_noun, -1, default=False, name="noun_next_in_object"))
    definite = combine("compound_in_object_position", lambda g, c: g == "req:ing" and c, governor, opens_compound)
    return combine("object_before", lambda o, c: o or c, previous(in_object, 1, default=False, name="object_one_back"),
                   previous(definite, 2, default=False, name="compound_object_two_back"))


def _result_adjective(result_object: rasp.SOp, is_noun: rasp.SOp, inside_pp: rasp.SOp, word_class: rasp.SOp) -> rasp.SOp:
    """A word with an adjective reading right after the object noun of a verb of result (`grammar_words.RESULT_VERBS`:
    leave, keep, paint; and make, let, see …): a verb reading there that fails its check is that adjective instead, the
    object's complement: who left the window [open] ?, the heater keeps the room [warm] (the reading passes read the
    word as a verb, which no subject governs). Not after a noun in a prepositional phrase (we got lost in the lanes
    narrow …) nor after "and" (i have washed and dry the dishes): errors both; nor where the object opens with "a" and
    the adjective runs on into another adjective or a noun (`result_object` as the noun-adjective pair reads it: my son
    found a stone smooth white …)."""
    object_noun = previous(combine("noun_outside_phrase", lambda n, p: n and not p, is_noun, inside_pp), 1,
                           default=False, name="object_noun_before")
    return combine("adjective_after_result_object", lambda r, a: r and a,
                   combine("result_object_noun_before", lambda r, o: r and o, result_object, object_noun),
                   feature("has_adjective_reading", lambda c: "A" in _parsed(c).readings, word_class))


def _compound_heads(subject: rasp.SOp, is_noun: rasp.SOp, word_class: rasp.SOp) -> rasp.SOp:
    """Each word's subject person, but '-' on a noun right before a noun: a noun there modifies the next one, so a verb
    before its subject (there are …, do the … ?) agrees with the compound's last noun: there are too many delivery
    [vans] …, how long do the jacket [potatoes] take …. A subject to the left is the nearest noun and so the last
    already (the car keys are …). A noun that is an adverb first is a time phrase of its own, no compound's head:
    there are a lot of traffic [today] stays an error."""
    head_next = previous(combine("compound_head_noun", lambda n, c: n and _parsed(c).primary != "R", is_noun,
                                 word_class), -1, default=False, name="compound_head_noun_next")
    modifier = combine("noun_before_noun", lambda n, h: n and h, is_noun, head_next)
    return combine("subject_to_the_right", lambda s, m: "-" if m else s, subject, modifier)


def _complement_word(tag: str, mark: str) -> str:
    """What a word is as a complement: a preposition (its name, for the ones `COMPLEMENT_ERRORS` and
    "of" name), an object ("obj": a determiner; "acc": an object pronoun), an infinitive ("toinf"), or '-'."""
    if tag == "PREP" and (mark == "of" or mark.startswith("p:")):
        return mark.removeprefix("p:")
    return {"DET": "obj", "POSS": "obj", "ACC": "acc", "TOINF": "toinf"}.get(tag, "-")


def _complement_head(tag: str, mark: str) -> str:
    """What a word asks of its complement: an adjective's preposition (A:of), a verb's (V:intr/x:to), a
    preposition "of" may not follow (P), or '-'."""
    if tag == "A" and mark.startswith("c:"):  # (c:of/syn: the complement only)
        return "A:" + mark.split("/")[0][2:]
    # (a participle read as an adjective keeps its verb's: married with a dentist, as he married with her)
    if (tag == "V" and mark.startswith("intr")) or (tag in ("V", "A") and mark.startswith("x:")):
        return "V:" + mark
    if mark in ("near", "next") and tag in ("PREP", "ORD"):
        return "near"
    return "P" if tag == "PREP" and mark != "ofok" else "-"


def _bad_complement(word: str, head: str) -> bool:
    if head == "-" or word == "-":
        return False
    if head == "P":
        return word == "of"  # near of, across of (out of, inside of are fine)
    if head == "near":
        return word in ("of", "from")  # near from the station, next of the bank
    kind_, wants = head.split(":", 1)
    if kind_ == "A":  # afraid from, responsible of (afraid for him, happy in the garden are fine)
        wanted = wants.split("+")  # ("in-": "in" before a determiner, an adjunct: good in this café)
        return (word in COMPLEMENT_ERRORS and word not in wanted) or "!" + word in wanted
    marks = wants.split("/")
    word = word.removesuffix("-")
    # listened the teacher, arrived to, enjoy to swim, explained me
    return (word in ("obj", "acc") and "intr" in marks) or ("x:" + word) in marks


def _bad_order(pair: str, question: str) -> bool:
    """After the subject of a question, "not" (does she not like …) may follow it, and after the subject of
    a question with "be", an adjective or a noun phrase (is the soup hot ?, is she your sister ?)."""
    if pair == "subject-negation":
        return question in ("-", "fin")
    return pair in ("bad", "adjective-determiner") or (pair in ("noun-adjective", "subject-noun")
                                                       and question != "ing_pp")


PLACED = ("freq", "freq1", "also", "hardly", "very", "strict")  # marks whose word is checked against the word after it


def _placement(mark: str, before: str) -> str:
    """What a marked word asks of the word after it (see `_bad_placement`); `before`: V, A or H (have), the word
    before it."""
    if before == "H":  # i have never been / he has never time
        # (hardly may stand before any-: we had hardly any snow)
        return ("after-have-any" if mark == "hardly" else "after-have") if mark in ("freq", "freq1", "also", "hardly") \
            else _placement(mark, "-")
    if mark == "freq1" and before == "A":
        return "after-adjective"  # the bus is late always ., she is angry never
    if mark in ("freq", "freq1", "also", "hardly") and before != "-":
        # i use never the oven, i like also tea, they are noisy always at night, it snows hardly ever
        return "after-verb-any" if mark == "hardly" else "after-verb"
    return "freq" if mark in ("freq1", "hardly") else mark if mark in ("freq", "very", "strict") else "-"


def _next_kind(tag: str) -> str:
    """The word after a marked one, as `_bad_placement` reads it."""
    if tag in ENDS:
        return "end." if tag in ("END_DOT", "END_EXCL") else "end"
    if tag in (*BREAKS, "AND"):
        return "end"
    if tag in ("BE_AM", "BE_IS", "BE_ARE", "BE_WAS", "BE_WERE"):
        return "be"
    if tag == "V":
        return "verb"
    if tag in AUX or tag == "TOINF":
        return "aux"
    if tag in ("PRON", "PRON_ANY", "QDET", "QDET_SG", "QDET_PL"):
        return "any"  # (hardly anything, hardly any milk; very much, very many)
    return "degree" if order_class(tag) in ("A", "R", "QDET", "ORD", "NUM", "UNK") else "other"


def _bad_placement(placed: str, next_word: str) -> bool:
    """A frequency adverb between a verb (or have) and what follows it, or before a finite "be" (my mother never is
    angry); "very" not before an adjective, adverb or participle (the computer is slow very !, i very like
    it; very bored); a preposition that cannot end a statement (in front the hotel of .)."""
    after, participle = next_word.split("|")
    if placed in ("after-have", "after-have-any"):  # a frequency adverb between have and its object (he has never
        return after == "other" or (after == "any" and placed == "after-have")  # time: never has)
    if placed == "after-adjective":
        return True
    if placed in ("after-verb", "after-verb-any"):
        return not after.startswith("end") and not (placed == "after-verb-any" and after == "any")
    if placed == "freq":
        return after == "be"
    if placed == "very":
        return after not in ("degree", "any") and not (after == "verb" and participle == "pp")
    if placed == "strict":
        return after == "end."
    return False


def _word_tense(name: str) -> str:
    """The times a word can speak of as a finite verb: P (past), N (now or later), PN (either: put,
    could, would), H (have / has: a present perfect, or have as a verb); will / can are N."""
    c = _parsed(name)
    if c.primary in ("HAVE_BASE", "HAVE_3S"):
        return "H"
    if c.primary in ("BE_WAS", "BE_WERE", "HAVE_PAST", "DO_PAST"):
        return "P"
    if c.primary == "MODAL":
        return "N" if c.mark in ("mfut", "mpres") else "PN"
    if c.primary in AUX:
        return "N"
    past, now = "past" in c.forms, bool({"base", "3s"} & set(c.forms))
    return "PN" if past and now or not (past or now) else "P" if past else "N"


def _time_noun_after(is_noun: rasp.SOp, word_class: rasp.SOp) -> rasp.SOp:
    """Whether the next word is a noun that names a time (`grammar_words.TIME_NOUN`: last [week], next [monday]; not
    the people next [door])."""
    return previous(combine("time_noun", lambda n, t: n and t, is_noun, feature(
        "names_a_time", lambda c: TIME_NOUN in WordClass.parse(c).mark.split("/"), word_class)), -1, default=False,
                    name="time_noun_after")


def _time(mark_det: str, noun_after: bool) -> str:
    """past / fut for a time adverb: yesterday, ago, tomorrow, and last / next before a noun without a
    determiner (last week, next year; not "the last bus"); none after a preposition (i have lived here since
    last year, until tomorrow)."""
    mark, det = mark_det.split("|")
    if mark == "since":
        return mark
    if mark in ("past", "fut"):
        return mark if det != "det" else "-"
    if mark in ("last", "next") and noun_after and det != "det":
        return "past" if mark == "last" else "fut"
    return "-"


def _after_clause(governor: str) -> bool:
    """Whether a verb failing against this governor may stand after a relative clause: governed by the
    verb before it (req:ing, as in "i like swimming") or by the last noun ("the students who passed the
    exam [were]")."""
    return governor in ("req:ing", "req:obj") or (governor.startswith("subj:") and governor.endswith(":fin"))


def _verb_facts(vform: str) -> str:
    """What `_recheck` reads of a verb: the persons it agrees with, and whether it is a base or -ing form."""
    vform = vform.removeprefix("INV:")
    people = "+".join(p for p in ("1s", "3s", "pl", "any") if agrees(vform, p))
    return people + ("|bare" if takes(vform, "base") or takes(vform, "ing") else "|-")


def _agrees_with_head(head: str, facts: str) -> str:
    """After a noun a relative clause may follow (`head`, its person), a verb that failed against its
    governor (`_after_clause`) is checked against that noun instead: the clause has ended."""
    if head == "-":
        return "-"
    return "fin" if head in facts.split("|")[0].split("+") else "bad"


def _bad_determiner(det: str, noun: str) -> bool:
    if det == "-":
        return False
    tag, sound = det.split(":")
    if (tag, sound) in (("DET_A", "v"), ("DET_AN", "c")):
        return True
    if noun == "-":
        return False
    wanted = ("pl", "sgpl") if tag in ("DET_PL", "QDET_PL", "NUM") else ("sg", "sgpl")
    return noun not in wanted


NEEDS = ("base", "pp", "ing_pp", "obj", "ing")
PEOPLE = ("1s", "3s", "pl", "any", "there")
GOVERNORS = ("start", "brk", *(f"req:{n}" for n in NEEDS), *(f"subj:{p}:fin" for p in PEOPLE))


def canonical(governor: str) -> str:
    """A governor as `verb_check` reads it (one of GOVERNORS): a subject of a question whose auxiliary
    has fixed the verb's form ("does she [like]") is that requirement (req:base)."""
    if governor.startswith("subj:"):
        _, person, pending = governor.split(":")
        if pending != "fin":
            return f"req:{pending}" if pending in NEEDS else "brk"
        return f"subj:{person}:fin" if person in PEOPLE else "subj:any:fin"
    return governor if governor in GOVERNORS else "brk"


def _anchor(need: str, subject: str) -> str:
    """What a position says about the verbs after it in its clause (see `verb_check`): req:<form> (an
    auxiliary or verb), subj:<person> (a subject), brk (a clause break), and (a clause break after "and",
    where the verb before it is looked up), '-' (nothing)."""
    if need not in ("-", "brk", "and"):
        return "req:" + need
    if subject != "-":
        return "subj:" + subject
    return need
