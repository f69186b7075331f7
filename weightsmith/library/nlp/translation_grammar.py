"""The grammar of the dictionary-scale translator, as plain functions of small values (issue 20 §2).

The RASP program (`dictionary_translation`) computes, for every English word, its *resolved class* (which
reading of an ambiguous word the context wants), the classes of the words to its left (its window), the
class of the word after it, and a few facts about its clause; the functions here turn those into the
word's *plan*: the French words it speaks, in order, each either a literal ("=ne") or a code into the
French forms of a word of the window ((distance back, "v.pres.2")).

Who speaks what (every decision looks at most one word to the right, which the program allows because
a word's plan is computed at the next position):

- a noun phrase is spoken by its noun: [preposition] [determiner] [très] [prenominal adjectives] noun
  [other adjectives] [de + possessor] — "to the child 's small book" → à le→au? no: "au petit livre de
  l' enfant"; the possessor's words speak nothing ('s tells them);
- a verb group is spoken by its verb: [je] [ne] [se] finite [pas | jamais | rien] [mid adverbs]
  [participle | infinitive]; the subject pronoun "i", the auxiliaries and "not" speak nothing;
- être is spoken by "be/is/was" itself, or by "not"/"never" after it (n' est pas);
- a yes/no question's first word (do, is, will, have, ...) speaks "est-ce", its subject "que/qu'";
  after être's subject, the next word speaks être (est-ce que le chat est noir);
- every other known word speaks its French in place; an unknown word speaks UNK in place, read as the
  class its neighbours expect, so it never changes the words around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from weightsmith.library.nlp.translation_words import EVENT, NUMERAL
from weightsmith.tasks.nlp.lexicon import starts_with_vowel

PERSON_INDEX = {"1s": 0, "2s": 1, "3s": 2, "1p": 3, "2p": 4, "3p": 5}
VERBAL = ("AUX", "BE", "HAVE", "NEG", "TO")
NP_START = ("DET", "NUM")
BREAKS = ("PUNCT",)
TIME_DETERMINERS = (("DET", "every"), ("DET", "each"))  # (drink milk) every day: no verb before them
WINDOW = 8  # words read to the left of a word (the longest: to the child 's very big red book)
SUBJECT_CLASSES = ("device", "vehicle", "transport", "quantity", "celestial", "plant")  # count nouns' kinds that choose a verb's sense
SENSE_CLASS = {"transport": "vehicle"}  # a vehicle one boards (the bus) chooses its verbs' senses as a vehicle
VEHICLES = ("vehicle", "transport")
QUESTION_ADVERBS = (("ADV", "où"), ("ADV", "pourquoi"), ("ADV", "comment"), ("CONJ", "quand"))  # where, why, how, when
NOT_PLACES = ("name", "country", "day", "daytime", "month", "clock")  # kinds a noun's place complement is not
# count nouns' kinds that choose a preposition's sense (by the lake: au bord du lac) or, as a modifier after
# "the", the article of a place (the kitchen table: la table de la cuisine)
PLACE_CLASSES = ("water", "site")
MODIFIERS = ("modifier", "modifier.site")  # a noun before a noun: the kind `resolve` gives it
# kinds of a noun that, as a modifier after "the", names the one thing its head is part of, so it takes the
# article (modifier.site): a site (the kitchen door: de la cuisine) or a device (the fridge door: du frigo)
WHOLE_MODIFIERS = ("site", "device")
# the kinds of a plain count noun: a family member (kin) is one too, except that a bare singular one is a name
# (`resolve`, the noun phrase's article: mamie a fait un gâteau), and so is a building's storey, except that
# French says it with à where English says on (au deuxième étage)
COUNT_KINDS = ("count", "kin", "storey")
# kinds of a noun French gives no article after "en" where English gives none after "in" (in class: en classe)
EN_BARE = (*COUNT_KINDS, "abstract", "site")
# kinds of a noun that names a physical thing (WordNet's first sense: not an abstraction, a time or a name): at the
# + a site after one names the place it belongs to (les animaux de la ferme; la file d'attente à la frontière)
THINGS = (*COUNT_KINDS, "job", "mass", *SUBJECT_CLASSES, *PLACE_CLASSES)
PHRASE_KINDS = ("N", "DET", "PREP", "A", "POSS_S", "NUM", "VERY")  # the words of a noun phrase and its complements
CLAUSE_STARTS = ("START", "PUNCT", "CONJ")  # what stands before a clause's subject
TIME_KINDS = ("unit", "day", "daytime", "month", "year", "clock")  # nouns of time (last night, next week, at noon)
# the "distance" of a plan entry read from the sentence's first word (a question's être: est-ce que vous êtes),
# whichever word speaks it; step 4 reads it at position 0. As a distance from the speaker it made the plans
# one value per position a speaker can stand at (up to 63), and the plan read the word's whole index
FIRST_WORD = -1


# ------------------------------------------------------------------------------------- resolution


def readings(info: tuple | None) -> dict:
    """An open word's readings {N, V, A, ADV: details}; UNK can be read as anything; no word (None) has none."""
    if info is None:
        return {}
    if info[0] == "OPEN":
        return dict(info[1])
    if info[0] == "UNK":
        return {"N": ("m", "sg", False, "count"), "V": (False, ("base",), False, ()),
                "A": (False, False, False, "base", False, False)}
    return {}


def _noun_capable(info: tuple) -> bool:
    return "N" in readings(info) or (info[0] == "OPEN" and "A" in readings(info))


def _kind(info: tuple | None) -> str:
    if info is None:
        return "START"
    if info[0] == "OPEN":
        r = readings(info)
        return "N" if list(r) == ["N"] else "A" if list(r) == ["A"] else "V" if list(r) == ["V"] else "OPEN"
    if info[0] == "ADV":  # very, too, so, quite: before an adjective
        return "MID" if info[2] else "VERY" if info[1] in ("très", "trop", "si", "assez") else "ADV"
    return info[0]


def _verb(info: tuple, tag_wanted: tuple[str, ...]) -> tuple:
    reflexive, tags, generic, particles = readings(info)["V"]
    tag = next((t for t in tag_wanted if t in tags), None) or next(
        (t for t in ("3s", "base", "past", "pp", "ing") if t in tags))
    return ("V", tag, reflexive, generic, particles)


def resolve(before2: tuple | None, before: tuple | None, info: tuple, after: tuple | None,
            be_question: bool = False) -> tuple:
    """The word's class in context: which reading of an ambiguous word (open, light, watch, ...) is meant.
    `before2` is the word before `before`; `be_question`: the sentence is a question starting with être."""
    out = _resolve(before2, before, info, after, be_question)
    if out[0] == "V" and out[2] == "r":  # pronominal without an object: le bus s'arrête / il arrête la voiture
        out = ("V", out[1], "r" if _kind(after) in ("PUNCT", "ADV", "MID", "PREP", "CONJ", "START") else False, *out[3:])
    if out[0] == "V" and out[2] == "t":  # another verb with an object: il part / il laisse ses clés
        out = ("V", out[1], "t" if _kind(after) in ("DET", "NUM", "OBJ") else False, *out[3:])
    if out[0] == "V" and out[2] == "e":  # a state after être: ils s'ennuient / le film les ennuie
        after_be = _kind(before) == "BE" or _kind(before) == "NEG" and _kind(before2) == "BE" or \
            be_question and _kind(before) in ("N", "S")  # (are you bored ? est-ce que vous vous ennuyez ?)
        out = ("V", out[1], "e" if after_be else False, *out[3:])
    if out[0] == "N" and out[2] == "sg|pl":  # sheep, fish: the number the words around it show
        out = ("N", out[1], _number_of(before, after), *out[3:])
    if out[0] == "N" and _compound_part(info) and _compound_part(after):  # the kitchen table: la table de cuisine
        out = (*out[:4], "modifier.site" if out[4] in WHOLE_MODIFIERS else "modifier")  # (after "the": de la cuisine)
    if out[0] == "N" and out[4] == "kin" and _kind(after) == "N" and not _compound_part(after):
        out = (*out[:4], "count")  # a title before a name, not a name: uncle bob, l'oncle bob; le père noël
    return out


def quantity_adverb(info: tuple | None) -> bool:
    """more / less, which count the noun after them (more rain this week: plus de pluie cette semaine, not
    the verb "to rain"); enough and too are read like very (`_kind`: VERY)."""
    return info is not None and info[0] == "ADV" and info[1] in ("plus", "moins")


def _compound_part(info: tuple | None) -> bool:
    """A word that is only a noun, of a kind that can stand in a compound (not monday, august, anna, ...)."""
    return info is not None and _kind(info) == "N" and readings(info)["N"][3] in (
        *COUNT_KINDS, "abstract", "mass", "job", "home", "sport", "instrument", *SUBJECT_CLASSES, *PLACE_CLASSES)


def _number_of(before: tuple | None, after: tuple | None) -> str:
    """Singular or plural, for a noun whose two forms are alike: two sheep, the fish swim, the fish are."""
    if before is not None and before[0] == "NUM" and before[1] != ("un", "une") or \
            before in (("DET", "these"), ("DET", "those"), ("DET", "many"), ("DET", "several")):
        return "pl"
    if after is not None and after[0] == "BE":
        return "pl" if after[2] == "pl" else "sg"
    if before is not None and before[0] == "BE" and before[2] == "pl":  # there are fish: des poissons
        return "pl"
    tags = readings(after).get("V", (0, ()))[1] if after is not None and after[0] != "UNK" else ()
    return "pl" if "base" in tags and "3s" not in tags and "past" not in tags else "sg"


def _resolve(before2: tuple | None, before: tuple | None, info: tuple, after: tuple | None,
             be_question: bool) -> tuple:
    kind = info[0]
    if kind == "AUX" and info[1] in ("do", "did") and (_kind(before) in ("S", "N", "AUX", "TO", "MODAL", "MID") and _kind(
            after) in ("DET", "NUM", "N", "OBJ", "NOTHING") or info[1] == "do" and _kind(before) == "TO"):
        return ("V", "past" if info[1] == "did" else "base", False, False, ())  # i did my homework, to do: faire
    if kind == "HAVE":  # an auxiliary before a participle, "not" or a mid adverb; the verb avoir elsewhere
        aux = after is not None and (_kind(after) in ("NEG", "MID", "HAVE")  # have had: nous avons eu
                                     or "pp" in readings(after).get("V", (0, ()))[1]
                                     or after[:2] == ("BE", "pp"))  # has been: a été
        return ("HAVE_AUX",) if aux else ("V", info[1], False, "have", ())  # (have: see _present_clause)
    if kind in ("TO", "PREP") and "V" in readings(before) and \
            readings(before)["V"][2] == "absorbs:" + ("à" if kind == "TO" else info[1]):
        return ("SILENT",)  # wait for the bus: attendre le bus (what if "wait" is a noun here: rare)
    if kind == "TO":
        if _time_adjective(before):  # next to: à côté de
            return ("PREP", "à côté de")
        infinitive = after is not None and ("V" in readings(after) and after[0] != "UNK" or after[:2] == ("BE", "base")
                                            or after[0] == "AUX")  # (nothing) to do: à faire
        # before a noun phrase: à, marked as "to" so that the phrase tells it from "at" (le train pour paris)
        return ("TO",) if infinitive else ("PREP", "à", "to")
    if kind == "BE":
        return ("BE", info[1])
    if info == ("DET", "that") and _que_verb(before) and _kind(after) in ("S", "DET"):
        return THAT_CONJUNCTION  # i know that you are tired: je sais que vous êtes fatigués
    if info == ("DET", "her") and not (after is not None and _noun_capable(after)):
        return HER_OBJECT  # i see her / her book
    if info == SO_ADVERB and _kind(before) == "PUNCT" and _joins_clauses(after):
        return SO_CONJUNCTION  # it rained , so we stayed inside: alors (it was so cold: si)
    if kind == "DET" and info[1] in ("this", "that", "these", "those") and not (
            after is not None and _noun_capable(after)):
        if _kind(after) == "BE" or be_question and _kind(before) == "BE":  # this is my car: c'est ma voiture
            return ("S", "3p" if info[1] in ("these", "those") else "3s", "m", "ce", "this")
        return ("PRON", "ça")  # i like this: j'aime ça
    if kind == "S" and info[1] != "1s" and _que_verb(before) and not _verbal(after):
        # i know it: the verb, which cannot see past the pronoun, took it as a clause's subject (she says it
        # is late), so the pronoun speaks in place: je sais ça
        return in_place_pronoun(info)
    if kind == "S" and info[1] != "1s" and _kind(before) in ("V", "OPEN", "PREP", "TO") and not _que_verb(before):
        return object_pronoun(info)  # i like it, i will call you (she says it is late: a clause's subject)
    if kind not in ("OPEN", "UNK"):
        return info
    if after == ("TO",) and _time_adjective(info):  # "next" of "next to": the "to" speaks à côté de
        return ("SILENT",)
    r = readings(info)
    prev, nxt = _kind(before), _kind(after)
    if prev in ("NEG", "MID") and _kind(before2) == "BE" or prev == "BIT":  # is not / still clean, a bit dry:
        prev = "BE"  # as after être
    if be_question and prev in ("N", "S") and "A" in r and not (after is not None and "N" in readings(after)):
        prev = "BE"  # are we clean ?
    next_nominal = after is not None and ("N" in readings(after) and after[0] != "UNK")
    if "N" in r and r["N"][3] == "language" and not next_nominal and prev not in ("BE", "VERY"):
        return _noun(info, r)  # she speaks french: le français (not an adjective)
    if "V" in r and prev in ("S", "AUX", "NEG", "TO", "MID", "HAVE", "HAVE_AUX", "MODAL") and not (
            prev == "HAVE" and "pp" not in r["V"][1] and "N" in r):  # we had fish: a noun, not a participle
        wanted = ("pp",) if prev in ("HAVE", "HAVE_AUX") or be_question and prev == "S" else \
            ("base",) if prev in ("AUX", "TO", "NEG", "MODAL") else ()  # (were you surprised: a participle)
        return _verb(info, wanted)
    if "V" in r and nxt in ("DET", "NUM", "PART") and prev not in ("DET", "NUM", "POSS_S", "PREP", "A", "VERY", "BE") \
            and after not in TIME_DETERMINERS and not quantity_adverb(before):  # (drink) milk every day: a noun
        return _verb(info, ())  # no adjective or noun stands before a determiner: (please) close the door
    if prev == "VERY" and "A" in r:
        return _adjective(info, r)
    if prev == "CONJ" and "A" in r and not next_nominal:  # tall and good
        return _adjective(info, r)
    if prev == "BE":
        if "A" in r and not (next_nominal and "N" not in r):
            return _adjective(info, r)
        if "V" in r and {"ing", "pp"} & set(r["V"][1]):
            return _verb(info, ("ing", "pp"))
    if prev == "OPEN" and "V" in readings(before) and "A" in r and next_nominal:
        return _adjective(info, r)  # (she) needs clean water: after a verb, before a noun
    if prev in ("V", "OPEN") and "V" in readings(before) and "ADV" in r and nxt in ("PUNCT", "CONJ", "PREP", "START"):
        return ("OADV",)  # runs fast: vite
    if prev in ("DET", "NUM", "POSS_S", "PREP", "VERY", "A", "START", "CONJ", "PUNCT", "V", "ADV") or prev == "BE":
        if "A" in r and (next_nominal or "N" not in r):
            return _adjective(info, r)
        if "N" in r:
            return _noun(info, r)
    if prev == "N" and "V" in r:  # (was the match cancelled ? a participle: surprised by, the agent's par)
        return _verb(info, ("pp",) if be_question else ())
    primary = "N" if kind == "UNK" else info[2]
    return {"N": _noun, "A": _adjective, "V": lambda i, _: _verb(i, ()), "ADV": lambda i, _: ("OADV",)}[primary](info, r)


def _be_before(window: tuple) -> int:
    """How far back être stands before the predicate window[0] (is wet, is not wet, is still wet, is a bit
    wet): 1 to 3, or 0 if window[0] does not follow être."""
    k = 1
    while k < 4 and k < len(window) and window[k] is not None:
        if window[k][0] == "BE":
            return k
        if not (window[k][0] in ("NEG", "BIT") or window[k][0] == "ADV" and window[k][2] or window[k] == ("DET", "a")):
            return 0
        k += 1
    return 0


def _adverbs_before_predicate(window: tuple, after: tuple | None, clause: dict) -> tuple:
    """The mid adverbs French puts before a predicate after être: still / always before it (est encore
    mouillé, est toujours rangée), and yet / again / enough after it (n'est pas encore cuit, est encore sale,
    est assez chaud; in an être question too: est-ce que le lac est assez profond ?)."""
    k = _be_before(window)
    mids = tuple(e for d, w in enumerate(window[1:k], 1) if w[0] == "ADV" and w[2] for e in own(d, OWN, w[1]))
    return mids + lit(after[1]) if _end_adverb(after) and (k or _question_predicate(window, clause)) else mids


def _question_predicate(window: tuple, clause: dict) -> bool:
    """window[0] is an adjective right after the subject of a question that opens with être, which `_resolve`
    reads as its predicate (is the lake deep ? est-ce que le lac est profond ?; is it cold ?)."""
    return clause["question"] in ("be-pres", "be-past") and window[0][0] == "A" and _kind(window[1]) in ("N", "S")


def _end_adverb(info: tuple | None) -> bool:
    """yet / again (encore) and enough (assez), spoken before the predicate they follow (warm enough: assez
    chaud)."""
    return info is not None and info[0] == "ADV" and not info[2] and info[1] in ("encore", "assez")


def _spoke_end_adverb(window: tuple, clause: dict) -> bool:
    """window[0] is a predicate that spoke the yet / again / enough after it (`_adverbs_before_predicate`):
    an adjective or a participle after être (is dirty again: est encore sale), or an être question's
    adjective, not the -ing verb of a progressive, whose verb group speaks no such adverb (the baby is crying
    again: le bébé pleure encore)."""
    me = window[0]
    return me is not None and (me[0] == "A" or me[0] == "V" and _verb_role(window) == "participle") \
        and (_be_before(window) > 0 or _question_predicate(window, clause))


def _time_adjective(info: tuple | None) -> bool:
    """next / last (next week, last year; "next to")."""
    return info is not None and info[0] == "OPEN" and bool(readings(info).get("A", (0, 0, 0, 0, False))[4])


def _noun(info: tuple, r: dict) -> tuple:
    gender, number, vowel, kind = r["N"]
    # an unknown word read as a noun is marked: a bare one gets no determiner of its own
    return ("N", gender, number, vowel, "unknown" if info[0] == "UNK" else kind)


def _adjective(info: tuple, r: dict) -> tuple:
    return ("A", *r["A"])


# ----------------------------------------------------------------------------------------- plans

def lit(*words: str) -> tuple:
    """Literal French words (a multi-word literal such as "près de" is several tokens)."""
    return tuple((0, "=" + t) for w in words for t in w.split())


# A number, an adverb, a preposition and a clock time's minutes (since trc13 also inside a noun phrase's or a
# verb group's parts), a pronoun and a conjunction say their French as codes of their own word
# (`own_forms`), not as literals: a plan that held "=jusqu'", "=à" held the word itself, so the plans (and
# what a plan reads of its window) came in as many copies as there are such words (859 of 1,602 distinct
# plans at 1,000,000 random windows were numbers'). With codes a plan holds only where and which of the
# word's sayings it speaks; the read-out finds the words in the word's table, as it does a noun's n.sg.
OWN = "w."  # w.<i>: the i-th word of the word's French
CLOCK = "w.clock."  # a number in a clock time or before a feminine noun (une heure, une fille): its words, then
# "hours" (heure / heures) and "years"
TIMES = "w.times."  # a number multiplied by the number before it: cents (deux cents; cent alone)
BEFORE_NUMBER = "w.num."  # a preposition before a number (in 1998: en; around six: vers)
ALONE = "w.alone."  # a preposition on its own (near: près; outside: dehors)
ELIDED = "w.elided."  # elided: a preposition before a vowel (près d'ici, près d'un), a conjunction (qu'il, s'il)
STRESSED = "w.stressed."  # an object pronoun's stressed form: moi, lui, eux (avec moi)
IN_PLACE = "w.in_place."  # a subject pronoun read as an object spoken in place: ça (je sais ça)
NUMBER_PREPOSITIONS = {"dans": "en", "autour de": "vers", "sur": "vers"}  # in 1998: en 1998; around six: vers six


def own_forms(info: tuple) -> dict[str, str]:
    """The codes a number, an adverb, a preposition, a clock time's minutes, a pronoun or a conjunction says
    its French by (above), from its info: every saying the plan may ask of it under any reading the word
    takes (`_resolve`); {} for any other word. "to" reads as a preposition too (`_resolve`: à côté de after
    next; à before a noun phrase, marked "to"), so its table holds both: the marked reading's sayings under
    "to." (`said_as`). A subject pronoun's object readings and "her" and "that" read as an object and as a
    conjunction say theirs under prefixes of their own (`stressed_saying`), so no two readings of one word
    give one code two words."""
    kind = info[0]
    if info == SO_ADVERB:  # read as a conjunction too: alors
        return _sayings(OWN, info[1]) | {said_as(SO_CONJUNCTION, c): w for c, w in own_forms(SO_CONJUNCTION).items()}
    if kind in ("ADV", "MINUTES"):
        return _sayings(OWN, info[1])
    if kind == "NUM":
        forms: dict[str, str] = {}
        for prefix, french in zip((OWN, CLOCK), (info[1],) * 2 if isinstance(info[1], str) else info[1]):
            forms |= _sayings(prefix, french) | {prefix + "years": "an" if french in ("un", "une") else "ans"}
        forms |= {TIMES + "0": "cents"} if info[1] == "cent" else {}
        return forms | {CLOCK + "hours": "heure" if forms[CLOCK + "0"] == "une" else "heures"}
    if kind == "PREP":
        return _preposition_forms(info[1])
    if kind == "TO":
        return _preposition_forms("à côté de") | _preposition_forms("à", "to.")
    if kind == "S" and info[-1] != "this":  # (this, read from a determiner, speaks c' / ce as literals)
        return {OWN + "0": info[3]} | own_forms(object_pronoun(info)) | own_forms(in_place_pronoun(info))
    if kind == "OBJ":
        return {stressed_saying(info) + "0": info[2]}
    if kind == "CONJ":  # its words, and elided before il / elle: qu'il, s'il
        return _sayings(OWN, info[1]) | _sayings(ELIDED, " ".join(_elided_conjunction(info[1].split(), True)))
    if info == ("DET", "her"):  # read as an object: elle
        return own_forms(HER_OBJECT)
    if info == ("DET", "that"):  # read as a conjunction: que
        return own_forms(THAT_CONJUNCTION)
    return {}


def stressed_saying(reading: tuple) -> str:
    """The prefix of an object pronoun's stressed form (avec moi, sur vous, je sais ça) in its word's table: a
    subject pronoun has two object readings (`object_pronoun`, `in_place_pronoun`), whose forms differ for
    "it" (lui, ça)."""
    return IN_PLACE if reading[3:] == ("in place",) else STRESSED


def _preposition_forms(french: str, tag: str = "") -> dict[str, str]:
    return _sayings(tag + OWN, french) | _sayings(tag + BEFORE_NUMBER, NUMBER_PREPOSITIONS.get(french, french)) | \
        _sayings(tag + ELIDED, " ".join(_elide_all(tuple(french.split()), True))) | \
        _sayings(tag + ALONE, _alone(french))


def _sayings(prefix: str, french: str) -> dict[str, str]:
    return {f"{prefix}{i}": w for i, w in enumerate(french.split())}


def _alone(french: str) -> str:
    """A preposition on its own: près (de), à l'intérieur (de); outside: dehors."""
    return "dehors" if french == "à l' extérieur de" else french.removesuffix(" de") if " " in french else french


def said_as(reading: tuple, prefix: str) -> str:
    """The prefix of a saying of this reading in its word's table: "to." + prefix for "to" read as à before a
    noun phrase (its table's plain sayings are à côté de's), "so." + prefix for "so" read as a conjunction
    (alors; its plain sayings are the adverb's si), else the prefix."""
    if reading[0] == "PREP" and reading[2:] == ("to",) or reading == SO_CONJUNCTION:
        return reading[2] + "." + prefix
    return prefix


def own(distance: int, prefix: str, french: str) -> tuple:
    """The plan entries that say `french` (the word's at `distance`, as `own_forms` cuts it) by its codes."""
    return tuple((distance, f"{prefix}{i}") for i in range(len(french.split())))


def said_word(reading: tuple, code: str) -> str | None:
    """The French a saying (`own_forms`) of the word read as `reading` is, as the read-out finds it in the
    word's table; None if the code is none of its sayings."""
    return own_forms(reading).get(code.removeprefix(said_as(reading, "")))


def own_entries(entries: tuple, word: tuple | None, back: int, prefixes: tuple[str, ...]) -> tuple:
    """Literal entries said instead by the codes of `word` ((distance, reading); at `back` + its distance from
    the speaker): the i-th literal by the word's i-th saying under the first of `prefixes` that says the same
    French. A literal no saying matches stays: the plan says the same French either way."""
    if word is None:
        return entries
    distance, reading = word
    out = []
    for i, (at, code) in enumerate(entries):
        said = next((said_as(reading, p) + str(i) for p in prefixes
                     if code.startswith("=") and said_word(reading, said_as(reading, p) + str(i)) == code[1:]), None)
        out.append((at, code) if said is None else (back + distance, said))
    return tuple(out)


def _number_word(info: tuple | None) -> bool:
    """A number written in words (two, hundred), which joins the number words beside it into one number; a
    number in digits stands alone (a list, 1 2 3, says each)."""
    return info is not None and info[0] == "NUM" and info[1] != NUMERAL


def number_run(window: tuple, j: int) -> tuple:
    """The number words right before window[j - 1] that make one number with it (two hundred, forty
    thousand), as (distance, reading) in English order; () if window[j - 1] is not a number word. The last
    word of the run speaks the whole number (each earlier one speaks nothing), so no word of it is lost."""
    run: list = []
    while j < len(window) and _number_word(window[j]) and _number_word(window[j - 1]):
        run.insert(0, (j, window[j]))
        j += 1
    return tuple(run)


def _number_french(info: tuple, clock: bool = False) -> str:
    """A number's French: un / une by `clock` (une heure) for one, else its only word."""
    return info[1] if isinstance(info[1], str) else info[1][clock]


def _times(run: tuple, french: str) -> str:
    """The last word of a number after its run: cent multiplied by what stands before it is cents (deux
    cents, trois cents euros); one hundred alone is cent."""
    return "cents" if run and french == "cent" else french


def _number(person: str) -> str:
    return "sg" if person.endswith("s") else "pl"


@dataclass(frozen=True)
class VerbAgreement:
    """What a verb group's French takes from its clause's subject, beside its structure: the person (the
    index of the six forms: je, tu, il, nous, vous, ils), and the gender and number a participle agrees
    with (elle est allée)."""

    person: int
    gender: str
    number: str


PERSON, GENDER, NUMBER = "<person>", "<gender>", "<number>"  # where a verb group's codes take its agreement
# the roles a verb group's French is cut into (`verb_group_segments`), each at most once: mid r is the r-th
# mid adverb (the words left of the verb: at most WINDOW - 1)
VERB_ROLES = (("je", 0), ("ne", 0), ("se", 0), ("clitic", 0), ("finite", 0), ("not", 0),
              *(("mid", r) for r in range(WINDOW - 1)), ("adverb", 0), ("verb", 0), ("tail", 0))


def verb_group(window: tuple, head: int, after: tuple | None, clause: dict, prefix: str = "") -> tuple:
    """[je] [ne] [se] finite [pas|jamais|rien] [mid adverbs] [participle|infinitive] [tail], spoken by the verb
    group's last word; `head` is how far back the verb (or être) stands. `prefix` "av." takes être's word's
    avoir forms (i am hungry: j'ai faim); a verb whose object takes "de" has a tail (j'ai besoin de)."""
    return speak_verb_group(*verb_group_parts(window, head, after, clause, prefix))


def speak_verb_group(structure: tuple, agreement: VerbAgreement) -> tuple:
    """A verb group's plan from its structure (`verb_group_parts`) and its agreement: its segments
    (`verb_group_segments`) in their French order."""
    return tuple(entry for _, entries in verb_group_segments(structure, agreement) for entry in entries)


def verb_group_segments(structure: tuple, agreement: VerbAgreement) -> tuple:
    """A verb group's plan cut by role, in French order: (role, entries) with the agreement applied — the
    places of the person, gender and number filled in, a word said by person (je peux, nous pouvons;
    se before en / y) chosen. Each segment is one role's French (je, ne, se, the object clitic, the finite
    verb, pas / jamais, one mid adverb, the adverb before the participle, the participle or infinitive,
    the verb's tail), small whatever the rest of the group is: the unit the per-word French positions read
    (`french_positions`)."""
    def agreed(back: int, role: str | tuple) -> tuple:
        if isinstance(role, tuple) and len(role) == len(AGREEMENT_ORDER):  # a participle said by gender and number
            return lit(role[AGREEMENT_ORDER.index((agreement.gender, agreement.number))])
        if isinstance(role, tuple):  # a word said by person: je peux, nous pouvons; je voudrais
            return lit(role[agreement.person])
        return ((back, role.replace(PERSON, str(agreement.person)).replace(GENDER, agreement.gender)
                 .replace(NUMBER, agreement.number)),)
    return tuple((key, tuple(e for back, role in entries for e in agreed(back, role))) for key, entries in structure)


def verb_group_parts(window: tuple, head: int, after: tuple | None, clause: dict,
                     prefix: str = "") -> tuple[tuple, VerbAgreement]:
    """A verb group's structure — its segments (role, entries) in French order (`VERB_ROLES`), the entries
    (distance, role) whose codes hold `PERSON`, `GENDER` and `NUMBER` where the subject's go, or a tuple of
    six words said by person — and its `VerbAgreement`."""
    verb = window[head]
    phrasal = phrasal_verb(verb, after) or (None if prefix else subject_sense(verb, clause))
    prefix = phrasal[0] if phrasal else prefix
    left = _left_of_verb(window, head, clause)
    mids, aux, je, j = left.mids, left.aux, left.je, left.end
    neg = _negative_word(left.neg, after)
    if neg is None and _negative_subject(window, j):
        neg = ""  # nothing grows here: rien ne pousse (ne without pas)
    person = clause["subject"][0]
    if person == "imp":  # no subject before the verb: an imperative (vous), or être before its subject
        subject = window[j] if j < len(window) else None
        person = "3s" if verb[0] == "BE" or _indefinite_subject(subject) else "2s" if clause["you"] == "tu" else "2p"
    obj = object_clitic(after, verb)
    agreement = VerbAgreement(PERSON_INDEX[person], clause["subject"][1], _number(person))
    tense = _tense(verb, aux)
    if _place_has(verb, aux, clause):
        tense = "imp"
    if aux and aux.startswith("modal:") or aux == "would" and verb[0] == "V" and verb[3] is True:
        return _modal_group(aux, verb, head, je, neg, mids, obj, prefix), agreement
    finite_tense = "aux" if tense == "perfect" else tense
    reflexive = phrasal[1] if phrasal else verb[0] == "V" and verb[2] in (True, "r", "e")
    if verb[0] == "BE" and tense == "perfect" and after == ("TO",):  # been to (a place)
        asking = bool(clause["question"]) and neg is None
        return _been_to_group(je, neg, mids, asking), agreement
    if _recent_past(verb, tense, mids, neg, obj, reflexive):
        return _recent_past_group(head, je, mids, prefix), agreement
    v = prefix + "v"
    out: list = []  # (role, entries): see `verb_group_segments`
    vowel = obj in VOWEL_CLITICS  # j'en ai besoin, je n'en ai pas besoin, je m'en occupe
    if je:  # je, or j' before the verb itself (ne and the pronouns before it start with a consonant)
        out.append((("je", 0), lit("j'" if vowel and not neg and not reflexive else "je") if neg or reflexive or obj
                    else ((head, f"{v}.je.{finite_tense}.{PERSON}"),)))
    if neg is not None:
        out.append((("ne", 0), lit("n'" if vowel and not reflexive else "ne") if obj
                    else ((head, f"{v}.ne.{finite_tense}.{PERSON}"),)))
    if reflexive:
        out.append((("se", 0), ((0, REFLEXIVE_BEFORE_VOWEL) if vowel else (head, f"{v}.se.{finite_tense}.{PERSON}"),)))
    if obj:  # je le vois, je l' ai vu; je lui réponds
        out.append((("clitic", 0), lit(obj) if obj in INVARIABLE_CLITICS
                    else ((head, f"v.cl.{obj}.{finite_tense}.{PERSON}"),)))
    out.append((("finite", 0), ((head, f"{v}.{finite_tense}.{PERSON}"),)))
    if neg:
        out.append((("not", 0), lit(neg)))
    asking = bool(clause["question"]) and neg is None and tense == "perfect"  # (do you ever go: not déjà)
    out += _mid_segments(mids, asking)
    if tense == "perfect":
        if verb[0] == "V" and _before_participle(after):  # i slept well: j'ai bien dormi
            out.append((("adverb", 0), lit(_in_question(after[1], asking, "encore"))))
        agreed = verb[0] == "V" and obj in PLURAL_DIRECT_CLITICS  # (les is only ever direct: `pronoun_object`)
        out.append((("verb", 0), ((head, f"{v}.ppa.m.pl" if agreed else f"{v}.pp.{GENDER}.{NUMBER}"),)))
    if verb[0] == "V" and has_tail(verb[3]):
        out.append((("tail", 0), ((head, "v.tail"),)))
    return tuple(out), agreement


VENIR = ("viens", "viens", "vient", "venons", "venez", "viennent")
ETRE_PRESENT = ("suis", "es", "est", "sommes", "êtes", "sont")
NE_BEFORE_ETRE = ("ne", "n'", "n'", "ne", "n'", "ne")
AGREEMENT_ORDER = (("m", "sg"), ("f", "sg"), ("m", "pl"), ("f", "pl"))  # a 4-tuple role: a word by gender and number
ALLE = ("allé", "allée", "allés", "allées")


def _been_to_group(je: bool, neg: str | None, mids: tuple, asking: bool) -> tuple:
    """have been to + a place is aller's passé composé (he has never been to london: il n'est jamais allé à
    londres; have you ever been to paris ? est-ce que vous êtes déjà allés à paris ?): être by person, the
    participle agreeing with the subject, as `verb_group_parts`' segments (être's own forms have no aller)."""
    out = [(("je", 0), lit("je"))] if je else []
    if neg is not None:
        out.append((("ne", 0), ((0, NE_BEFORE_ETRE),)))
    out.append((("finite", 0), ((0, ETRE_PRESENT),)))
    if neg:
        out.append((("not", 0), lit(neg)))
    out += _mid_segments(mids, asking)
    out.append((("verb", 0), ((0, ALLE),)))
    return tuple(out)


def _recent_past(verb: tuple, tense: str, mids: tuple, neg: str | None, obj: str | None, reflexive: bool) -> bool:
    """have just + participle is French's recent past, venir de + infinitive (she has just left: elle vient de
    partir), where the group has no negation, no object clitic (which would stand between de and the
    infinitive) and is not pronominal (its se would go there too, by person: je viens de me lever; the
    structure of a verb group reads no person, and the infinitive's forms hold se)."""
    return verb[0] == "V" and tense == "perfect" and any(fr == "juste" for _, fr in mids) and neg is None \
        and obj is None and not reflexive


def _recent_past_group(head: int, je: bool, mids: tuple, prefix: str) -> tuple:
    """The recent past's segments (see `_recent_past`): [je] venir [other mid adverbs] de + infinitive."""
    out = [(("je", 0), lit("je"))] if je else []
    out.append((("finite", 0), ((0, VENIR),)))
    out += _mid_segments(tuple(m for m in mids if m[1] != "juste"), False)
    out.append((("verb", 0), ((head, f"{prefix}v.de"), (head, f"{prefix}v.inf"))))
    return tuple(out)


@dataclass(frozen=True)
class LeftOfVerb:
    """The words of a verb group to the left of its verb, read backwards until its subject: the mid adverbs
    ((distance, French)), the negation, the auxiliary ("have", "will", "did", "modal:<six forms>", "be-past"
    ...; a question's first word when none stands here), whether the subject is "i", and where the reading
    stopped."""

    mids: tuple
    neg: str | None
    aux: str | None
    je: bool
    end: int


def _left_of_verb(window: tuple, head: int, clause: dict) -> LeftOfVerb:
    """Read the verb group of window[head] to the left (see `LeftOfVerb`); a negation at window[0] when head is
    1 (is not: n'est pas, spoken by "not")."""
    verb = window[head]
    neg = window[0][1] if head == 1 and window[0][0] == "NEG" else None
    mids, aux, je = [], None, False
    j = head + 1
    while j < len(window) and window[j] is not None:
        w = window[j]
        if w[0] == "ADV" and w[2]:
            mids.append((j, w[1]))
        elif w[0] == "NEG" and neg is None:
            neg = w[1]
        elif w[0] in ("AUX", "HAVE_AUX") and aux is None:
            aux = "have" if w[0] == "HAVE_AUX" else w[1]
        elif w[0] == "MODAL" and aux is None:
            aux = "modal:" + "|".join(w[1])
        elif w[0] == "BE" and aux is None and verb[0] == "V" and (verb[1] == "ing" or verb[2] == "e"):
            aux = "be-" + w[1]  # (a progressive's, or a pronominal state's: `_pronominal_state`)
        elif w[0] == "S" and w[1] == "1s":
            je = not _and_i(window[j:])
            break
        else:
            break
        j += 1
    if aux is None and clause["question"]:
        aux = clause["question"]
    return LeftOfVerb(tuple(mids), neg, aux, je, j)


def _tense(verb: tuple, aux: str | None) -> str:
    """The French tense of a verb group (pres, imp, fut, perfect — the passé composé —, aux for been) from its
    verb's English form and its auxiliary."""
    if verb[0] == "BE":
        if verb[1] == "pp":  # has been: a été
            return "perfect"
        return {"pres": "pres", "past": "imp", "base": "fut" if aux == "will" else "pres"}[verb[1]]
    tag = verb[1]
    if verb[2] == "e":  # a pronominal state (`_pronominal_state`) takes être's tense: ils s'ennuyaient
        return {"be-past": "imp", "be-pp": "perfect"}.get(aux, "pres")
    if aux == "have":  # have (not) come: whatever form the participle shares
        return "perfect"
    if tag == "base":
        return {"will": "fut", "did": "perfect"}.get(aux, "pres")
    return {"pp": "perfect", "past": "perfect", "ing": "imp" if aux == "be-past" else "pres"}.get(tag, "pres")


def _place_has(verb: tuple, aux: str | None, clause: dict) -> bool:
    """had / did (not) have with a place for its subject is a state, the imparfait (the hotel had a pool:
    l'hôtel avait une piscine; the shop did not have my size: n'avait pas), where a person or an animal
    having is an event, the passé composé (we had a storm: nous avons eu; our cat had kittens: a eu). The
    place is the subject's class (`PLACE_CLASSES`: WordNet's structures, locations, institutions, waters)."""
    return verb[0] == "V" and verb[3] == "have" and \
        (verb[1] == "past" and aux is None or verb[1] == "base" and aux == "did") and \
        clause.get("subject_class") in PLACE_CLASSES


PARTICIPLE_ADVERBS = ("bien", "encore", "déjà")  # well, again / yet, already: a bien dormi, n'a pas encore mangé


def _before_participle(info: tuple | None) -> bool:
    """An adverb that follows the verb in English and stands before the participle in the passé composé (i
    slept well: j'ai bien dormi; he has not eaten yet: il n'a pas encore mangé; she has left already)."""
    return info is not None and info[0] == "ADV" and info[1] in PARTICIPLE_ADVERBS


def _in_question(adverb: str, asking: bool, ever: str) -> str:
    """déjà for ever (a mid adverb: jamais) and yet (after the verb: encore) in a question in the passé composé
    that is not negated (`asking`): have you ever been to paris ? est-ce que vous êtes déjà allé à paris ?; have you eaten yet ?
    est-ce que vous avez déjà mangé ? `ever`: the French that stands for ever or yet where it stands (still,
    a mid adverb, is encore too: est-ce qu'elle habite encore ici ?; again, after the verb, is encore too, so
    "has he lost again ?" gets déjà: rarer in questions than yet)."""
    return "déjà" if asking and adverb == ever else adverb


def _in_perfect(window: tuple, clause: dict) -> bool:
    """window[0] is an adverb that the verb group before it spoke before its participle (see
    `_before_participle`): that group's verb is window[1], spoken by itself, in the passé composé."""
    verb = window[1]
    if not _before_participle(window[0]) or verb is None or verb[0] != "V" or _verb_role(window[1:]) != "group":
        return False
    return _tense(verb, _left_of_verb(window[1:], 0, clause).aux) == "perfect"


OBJECT_KINDS = ("N", "DET", "A", "POSS_S", "NUM", "VERY", "PREP", "OBJ")  # the words of a verb's object or complement


def moves_to_verb(window: tuple, clause: dict) -> bool:
    """window[0] is yet / again after its verb's object (i have not finished the report yet; i have lost my
    keys again), which French says where it says it right after the verb (`_before_participle`): in the verb
    group's adverb place (je n'ai pas encore fini le rapport, j'ai encore perdu mes clés, ils construiront
    encore leur nid). The group was planned before the adverb is seen, so step 4 moves the adverb's French
    there (a look-ahead: `dictionary_translation.speaking`); here, whether it is such an adverb: in a
    statement (a question's yet is déjà), its nearest verb to the left spoken as its own group, and only the
    words of an object or a complement between them."""
    if not (_end_adverb(window[0]) and window[0][1] == "encore") or clause["question"]:
        return False
    for k in range(1, len(window)):
        kind = _kind(window[k])
        if kind == "V":  # (right after the verb, the verb group saw it: `_in_perfect`; a verb at the window's
            # end is read with nothing before it, and step 4 moves nothing into a verb that speaks no group)
            return k > 1 and _verb_role((*window[k:], None, None)) == "group"
        if kind not in OBJECT_KINDS:
            return False
    return False


def lasts_until_now(window: tuple, clause: dict) -> bool:
    """window[0] says that the affirmative passé composé before it (she has worked here for ten years; we have
    lived here since may) is a state or an activity lasting until now, which French says in the present
    with depuis (elle travaille ici depuis dix ans): the duration's noun after for (`_for_a_duration`, whose
    noun phrase then says depuis: `_since_clause`) or since itself, after such a verb (`_lasting_perfect`).
    The verb group was planned before for / since is seen, so step 4 reads its finite verb in the present and
    leaves out its participle (a look-ahead: `dictionary_translation._moved`)."""
    if window[0] == ("PREP", "depuis"):
        return _lasting_perfect(window, 1, clause, since=True)
    return _for_a_duration(window) and _lasting_perfect(window, 3, clause, since=False)


def _for_a_duration(window: tuple) -> bool:
    """window[0] is a unit of time counted after for (for ten years, for a week): the phrase French says with
    pendant or depuis (`noun_phrase_parts`)."""
    return window[0][0] == "N" and window[0][4] in ("year", "unit") and window[1] is not None and \
        (window[1][0] == "NUM" or window[1][:2] in (("DET", "a"), ("DET", "an"))) and window[2] == ("PREP", "pour")


INDEFINITE_DETERMINERS = ("a", "an", "some", "any", "many", "several", "much", "a few")
PLACE_ADVERBS = ("ADV", "THERE")  # an adverb (here, now) or there after a verb: with OBJECT_KINDS, a complement


def _lasting_perfect(window: tuple, j: int, clause: dict, since: bool) -> bool:
    """The clause left of window[j - 1] (for / since) is an affirmative statement whose nearest verb, spoken
    as its own group, is a participle right after has / have (no negation, no mid adverb: its group is
    [je] [clitic] finite participle, the participle at its adverb place, `french_positions.look_ahead`), with
    only the words of an object or a complement between them (`OBJECT_KINDS`, `PLACE_ADVERBS`). After
    since, with no object either (we have visited three countries since may, it has gone up twice since
    january: counted events keep the passé composé: nous avons visité trois pays depuis mai), and never with
    a definite object (a pronoun, the, this, my: the workmen have closed the bridge for two weeks, les ouvriers ont
    fermé le pont pendant deux semaines; an activity's object is bare or indefinite: she has taught english in
    japan for ten years, elle enseigne l'anglais au japon depuis dix ans)."""
    if clause["question"] or clause["negated"]:
        return False
    for v in range(j, len(window)):
        kind = _kind(window[v])
        if kind == "V":
            break
        if kind not in (*OBJECT_KINDS, *PLACE_ADVERBS) or kind == "ADV" and window[v][1].endswith(" fois"):
            return False
    else:
        return False
    verb, after = window[v], window[v - 1]
    if verb[1] not in ("pp", "past") or verb[2] == "e" or _verb_role((*window[v:], None, None)) != "group":
        return False
    left = _left_of_verb(window[v:], 0, clause)
    if since and v > j and _kind(after) not in (*PLACE_ADVERBS, "PREP"):
        return False
    if v > j and (after[0] == "OBJ" or after[0] == "DET" and after[1] not in INDEFINITE_DETERMINERS):
        return False  # a definite object: one whole thing done (closed the bridge for two weeks: a fermé le pont)
    return left.aux == "have" and left.end == 2 and _negative_word(left.neg, after) is None and \
        not _before_participle(after) and not _negative_subject(window[v:], left.end)


def _infinitive_after(window: tuple) -> str | None:
    """What French puts before an infinitive whose "to" follows window[0], a word that is not a verb (verbs say
    it in their readings: `translation_words.INFINITIVE_DE`): pour after too + an adjective or after enough
    (too tired to cook: trop fatigués pour cuisiner; old enough to drive), à after nothing / something and a
    lot (rien à manger, quelque chose à boire, beaucoup à faire), de after another adjective (happy to see:
    heureux de voir; sorry, proud, afraid ...); nothing after a noun, whose French varies (le temps de partir,
    un livre à lire)."""
    me, before = window[0], window[1] if len(window) > 1 else None
    if me[0] == "ADV" and me[1] == "assez" or me[0] == "A" and before is not None and before[:2] == ("ADV", "trop"):
        return "inf:pour"
    if _indefinite_pronoun(me) or me[0] == "LOT":
        return "inf:à"
    return "inf:de" if me[0] == "A" else None


def _indefinite_pronoun(info: tuple | None) -> bool:
    """nothing, anything, nobody, something: an infinitive after one takes à (rien à manger)."""
    return info is not None and (info[0] in ("NOTHING", "ANY") or info[:2] == ("ADV", "quelque chose"))


INDEFINITE_SUBJECTS = ("quelqu'un", "tout le monde", "tout", "quelque chose")  # someone, everybody, everything, something


def _indefinite_subject(info: tuple | None) -> bool:
    """someone, everybody, everything, something right before a verb group: a third person singular subject
    that is no noun phrase (the closed tables read them as adverbs), so the verb is not an imperative's
    (someone called me: quelqu'un m'a appelé, not m'avez appelé; everybody laughed: tout le monde a ri)."""
    return info is not None and info[0] == "ADV" and not info[2] and info[1] in INDEFINITE_SUBJECTS


def _bare_infinitive(window: tuple) -> bool:
    """A verb's base form right after the object pronoun of another verb is an infinitive, as after make, let,
    see, hear and help (the film made me cry: m'a fait pleurer; i saw him leave: je l'ai vu partir; help me
    carry: aidez-moi à porter, the governing verb giving the preposition as before "to")."""
    return window[0][1] == "base" and window[1] is not None and window[1][0] == "OBJ" and \
        window[2] is not None and window[2][0] == "V"


def _verb_role(window: tuple) -> str:
    """How the verb window[0] is spoken: "infinitive" (after to, or bare after an object pronoun), "gerund"
    (-ing after a verb or a preposition: likes swimming, before leaving), "participle" (after être: the door is
    closed), else "group" (its verb group, `verb_group`)."""
    me = window[0]
    if window[1] is not None and window[1][0] == "TO":
        return "infinitive"
    if _bare_infinitive(window):
        return "infinitive"
    if me[1] == "ing" and window[1] is not None and window[1][0] in ("V", "PREP"):
        return "gerund"
    if _pronominal_state(window):
        return "group"
    return "participle" if _be_before(window) > 0 and me[1] in ("pp", "past") else "group"


def _pronominal_state(window: tuple) -> bool:
    """window[0] is a participle French says as its pronominal verb after être, which then speaks nothing (they
    are bored: ils s'ennuient; we were never bored: nous ne nous ennuyions jamais; are you bored ? est-ce que
    vous vous ennuyez ?): its reading keeps "e" (`translation_words._pronominal_states`) only right after
    être, a negation after être or an être question's subject (`resolve`). Not after the infinitive or the
    future's be (to be bored, will be bored: the participle, as before)."""
    me = window[0]
    if me[0] != "V" or me[2] != "e":
        return False
    k = _be_before(window)
    return k == 0 or window[k][1] != "base"  # (k == 0: the question's être, the sentence's first word)


def _before_pronominal_state(be: tuple, after: tuple | None) -> bool:
    """être (`be`, in the present, past or perfect) before a participle it does not speak (`_pronominal_state`),
    read from the word after it: only a verb whose reading is "e" (so the resolution keeps it)."""
    return be[1] != "base" and after is not None and after[0] == "OPEN" and list(readings(after)) == ["V"] \
        and readings(after)["V"][0] == "e"


def _perfect_of_be(window: tuple, clause: dict) -> bool:
    """window[0] is "been" in an affirmative present perfect of a statement (have been, has always been), its
    subject not "it" (it has been cold: the weather's faire, `_since_clause`): the group a predicate after it may
    speak (`_state_after_been`)."""
    if window[0] != ("BE", "pp") or clause["question"] or _it_subject(window):
        return False
    left = _left_of_verb(window, 0, clause)
    return left.aux == "have" and left.neg is None


def _predicate_reading(after: tuple | None) -> bool:
    """The word after "been" will read as a predicate that speaks être's group (`_state_after_been`): a word
    with an adjective's reading not said with avoir (married, ill, closed), or else a participle (not an -ing
    form, not a pronominal state) — what `resolve` makes of it right after être."""
    r = readings(after)
    if "A" in r:
        return r["A"][5] != "avoir"
    return "V" in r and "pp" in r["V"][1] and "ing" not in r["V"][1] and r["V"][0] != "e"


def _state_after_been(window: tuple, clause: dict) -> bool:
    """window[0] is the predicate of an affirmative has / have been (`_perfect_of_be`), which speaks être's
    group itself, "been" saying nothing (`_predicate_reading`, read from the word after "been"): only the
    predicate sees the word after it, and a state lasting until now (for / since: my parents have been married
    for forty years) is French's present, mes parents sont mariés depuis quarante ans; elsewhere the passé
    composé, as "been" said it (she has been ill: elle a été malade)."""
    me = window[0]
    predicate = me[0] == "A" and me[6] != "avoir" or me[:2] == ("V", "pp") and me[2] != "e"
    return predicate and len(window) > 1 and window[1] is not None and _perfect_of_be(window[1:], clause)


def _since_follows(after: tuple | None) -> bool:
    """for / since right after a predicate (`_state_after_been`): the state lasts until now (depuis)."""
    return after is not None and after[:2] in (("PREP", "pour"), ("PREP", "depuis"))


def _state_group(window: tuple, after: tuple | None, clause: dict) -> tuple:
    """être's group spoken by the predicate after "been" (`_state_after_been`): in the present before for /
    since (sont mariés depuis), else the passé composé (a été malade)."""
    if _since_follows(after):
        window = window[:1] + (("BE", "pres"),) + window[2:]
    return verb_group(window, 1, window[0], clause)


def has_tail(marker: object) -> bool:
    """Whether a verb speaks words after itself (avoir besoin, prendre une douche: see
    `translation_words.verb_object_marker`)."""
    return marker in ("de", "tail") or isinstance(marker, str) and marker.startswith("tail:")


def generic_object(marker: object) -> bool:
    """Whether a verb's bare object takes le / la / les, not the partitive (j'aime les chats; the sheets smell
    of lavender: les draps sentent la lavande; see `translation_words.GENERIC_ABSORBS`)."""
    return marker is True or isinstance(marker, str) and marker.startswith("generic:")


def object_preposition(marker: object) -> str | None:
    """The preposition French puts before a verb's object: j'ai besoin d'un sac, elle ressemble à sa mère."""
    if marker == "de":
        return "de"
    return marker.split(":")[1] if isinstance(marker, str) and marker.startswith(("tail:", "obj:")) else None


def _negative_subject(window: tuple, j: int) -> bool:
    """The verb group's subject, where the reading of its left stopped (window[j]), is nothing / nobody, which
    takes ne without pas: right before the verb (nothing grows here: rien ne pousse) or with a prepositional
    phrase between, read back through the words a noun phrase is made of (nobody in my husband 's family eats
    fish: personne dans la famille de mon mari ne mange) to a nothing / nobody that starts its clause (not an
    object: we ate nothing on the train; there is nothing my brother likes). The window, not the clause's
    subject: that subject stays the last head found, so a later clause whose subject the fold does not find
    (since my grandfather was a boy) would take its ne."""
    k = j
    while k < len(window) and _kind(window[k]) in PHRASE_KINDS:
        k += 1
    if k == len(window) or _kind(window[k]) != "NOTHING":
        return False
    return k == j or k + 1 < len(window) and _kind(window[k + 1]) in CLAUSE_STARTS


def _and_i(window: tuple) -> bool:
    """window[0] is "i" after "and" (my sister and i): moi, and a first person plural subject."""
    return window[0] is not None and window[0][:2] == ("S", "1s") and len(window) > 1 and window[1] == ("CONJ", "et")


def _negative_word(neg: str | None, after: tuple | None) -> str | None:
    """The second part of ne … (pas, jamais, rien, personne) given the word after the verb: nothing / nobody
    (je ne vois rien), anything / anyone under a negation (je ne vois rien), "no" + noun (je n'ai pas de)."""
    if after is not None and after[0] == "NOTHING" or neg and after is not None and after[0] == "ANY":
        return after[1]
    if neg is None and after == ("DET", "no more"):
        return "plus"  # no more + noun: je n'ai plus de pain, il n'y a plus de lait
    return "pas" if neg is None and after == ("DET", "no") else neg


def phrasal_verb(verb: tuple, after: tuple | None) -> tuple[str, bool] | None:
    """The phrasal verb that a verb and the particle after it make (get up: se lever), as (the prefix of its
    forms, whether it is pronominal); None if the verb has none with that particle."""
    if verb[0] != "V" or len(verb) < 5 or after is None or after[0] != "PART":
        return None
    pronominal = dict(verb[4]).get(after[1])
    return None if pronominal is None else (f"p.{after[1]}.", pronominal)


def subject_sense(verb: tuple, clause: dict) -> tuple[str, bool] | None:
    """The sense the class of the clause's subject chooses for a verb used without an object (the lamp does not
    work: ne marche pas; the buses run: circulent; the price dropped: a baissé), as `phrasal_verb`'s (the
    prefix of its forms, whether it is pronominal); None if the verb has none for that class (a pronoun
    subject has no class: it does not work keeps travailler)."""
    cls = SENSE_CLASS.get(clause.get("subject_class", ""), clause.get("subject_class", ""))
    if verb[0] != "V" or len(verb) < 5 or not cls:
        return None
    pronominal = dict(verb[4]).get("subject:" + cls)
    return None if pronominal is None else (f"s.{cls}.", pronominal)


def avoir_prefix(after: tuple | None, window: tuple = (), k: int = 0) -> str:
    """ "av." when être (window[k]) is followed by an adjective that French says with avoir (hungry: avoir
    faim), or by a number, an age (she is ten, he is six years old: elle a dix ans), unless "it" is the
    subject (it is ten: il est dix heures)."""
    if after is not None and readings(after).get("A", (False,) * 6)[5] == "avoir":
        return "av."
    age = after is not None and after[0] == "NUM" and after[1] != "zéro"
    return "av." if age and window and _ce_subject(window, k) is None else ""


def _age(window: tuple, k: int, after: tuple | None) -> bool:
    """window[k] is a number right after être (with its negation), at the end of the phrase: an age."""
    be = window[k + 1] if k + 1 < len(window) else None
    if be is not None and be[0] == "NEG":
        be = window[k + 2] if k + 2 < len(window) else None
    return be is not None and be[0] == "BE" and window[0][1] != "zéro" and _ce_subject(window, k + 1) is None \
        and (_kind(after) in ("PUNCT", "PREP", "CONJ", "START", "ADV") or _time_adjective(after))


def _be_window(window: tuple, head: int, after: tuple | None) -> tuple:
    """was born: être in the present (je suis né), the passé composé of naître; was / were + a participle that
    names an event (`_event_participle`): être's passé composé, the passive's (the match was cancelled: le
    match a été annulé; we were not shocked: n'avons pas été choqués), "been"'s group."""
    if window[head][1] != "past" or after is None:
        return window
    if readings(after).get("A", (False,) * 6)[5] == "pc":
        return window[:head] + (("BE", "pres"),) + window[head + 1:]
    if _event_participle(after):
        return window[:head] + (("BE", "pp"),) + window[head + 1:]
    return window


def _event_participle(info: tuple) -> bool:
    """A participle English does not use as an adjective (`translation_words.EVENT`: cancelled, sold,
    postponed), whose passive after was / were names an event; one that is also an adjective names the state
    after it, the imparfait (the shop was closed: était fermé; covered, parked, surprised)."""
    r = readings(info)
    return info[0] == "OPEN" and "V" in r and EVENT in r["V"][1] and r["V"][0] != "e"


HER_OBJECT = ("OBJ", "la", "elle")  # "her" read as an object, not a determiner
THAT_CONJUNCTION = ("CONJ", "que")  # "that" read as a conjunction (je sais que), not a determiner
SO_ADVERB = ("ADV", "si", False)  # "so", the lexicon's adverb: so cold, si froid
# "so" read as a conjunction that joins two clauses (it rained , so we stayed inside: alors): a clause break, as
# the comma before it is, and a verb after it with no subject of its own is an imperative (so take your umbrella:
# alors prenez; `dictionary_translation.head_features`)
SO_CONJUNCTION = ("CONJ", "alors", "so")


def _joins_clauses(after: tuple | None) -> bool:
    """Whether "so" after a comma starts a clause (so we stayed, so the children played, so take your umbrella)
    rather than grading the word after it (so cold, so quickly): no word only an adjective or an adverb follows.
    (Only the after word's kind: what `dictionary_translation.after_view` gives resolve of it.)"""
    return after is not None and _kind(after) not in ("A", "VERY", "ADV", "MID", "PUNCT")


def in_place_pronoun(info: tuple) -> tuple:
    """A subject pronoun after a verb of saying or thinking that no verb follows: an object spoken in place
    (je sais ça, elle le dit; see `_resolve`)."""
    word = "ça" if info[-1] == "it" else info[3]
    return ("OBJ", word, word, "in place")


def object_pronoun(info: tuple) -> tuple:
    """A subject pronoun's object reading: it → le (avec lui), you → vous (avec vous). "it" keeps its name:
    French replaces de + a thing by en (j'en ai besoin), de + a person stays (j'ai besoin de lui)."""
    return ("OBJ", "le", "lui", "it") if info[-1] == "it" else ("OBJ", info[3], info[3])


# a direct object clitic before avoir makes the participle agree with it: je les ai trouvés (them: masculine
# unless the sentence says otherwise, which the verb cannot see)
PLURAL_DIRECT_CLITICS = ("les",)
INDIRECT_CLITICS = {"le": "lui", "la": "lui", "les": "leur"}  # à + him / her / them before the verb: je lui réponds
INVARIABLE_CLITICS = ("lui", "leur", "en", "y")  # clitics no verb form changes: spoken as literals
VOWEL_CLITICS = ("en", "y")  # before them je, ne and se elide whatever the verb: j'en ai, je n'y vais pas
REFLEXIVE_BEFORE_VOWEL = ("m'", "t'", "s'", "nous", "vous", "s'")  # se by person before en / y: je m'en occupe


@dataclass(frozen=True)
class PronounObject:
    """Where an object pronoun of a verb goes in French: a clitic before the verb (je le vois, je lui réponds,
    j'en ai besoin), or words in the pronoun's place after it (je compte sur vous, elle s'occupe d'eux)."""

    clitic: str | None
    in_place: tuple[str, ...]


def pronoun_object(verb: tuple, pronoun: tuple) -> PronounObject:
    """The place of an object pronoun (an OBJ reading) right after a verb (a resolved V). A verb whose object
    takes a preposition (`object_preposition`: compter sur, s'occuper de, avoir besoin de, répondre à) keeps
    the preposition, and after it the stressed pronoun (sur vous, d'eux, de moi), except where French has a
    clitic for the pair: à + a person is the indirect clitic (je lui réponds; not after a tail: faire
    attention à moi), de + it is en (j'en ai besoin), à / dans + it is y (j'y participe)."""
    prep = object_preposition(verb[3]) if verb[0] == "V" else None
    if prep is None:
        return PronounObject(pronoun[1], ())
    it = pronoun[3:] == ("it",)
    if it and prep in ("de", "à", "dans"):
        return PronounObject("en" if prep == "de" else "y", ())
    if prep == "à" and not it and not has_tail(verb[3]):
        return PronounObject(INDIRECT_CLITICS.get(pronoun[1], pronoun[1]), ())
    return PronounObject(None, (*_elide((prep,), starts_with_vowel(pronoun[2])), pronoun[2]))


def _que_verb(info: tuple | None) -> bool:
    """A verb of saying or thinking (`translation_words.CLAUSE_VERBS`), as a word's info or its resolved class:
    a subject pronoun after it starts a clause (elle dit qu'elle ...), not an object."""
    if info is not None and info[0] == "V":
        return info[3] == "que"
    return info is not None and info[0] == "OPEN" and readings(info).get("V", (0, 0, 0))[2] == "que"


def _verbal(info: tuple | None) -> bool:
    """The word can start a verb group (an auxiliary, être, a negation, a mid adverb, a known verb)."""
    return info is not None and (_kind(info) in ("AUX", "BE", "HAVE", "MODAL", "NEG", "MID")
                                 or "V" in readings(info) and info[0] != "UNK")


def _que(window: tuple, k: int, first: bool) -> tuple:
    """que / qu' (before a vowel: `first`) when window[k] is a verb of saying or thinking: the subject of the
    clause after it speaks it (she says he is tired: elle dit qu'il est fatigué)."""
    return _que_word(first) if k < len(window) and _que_verb(window[k]) else ()


def _que_word(vowel: bool) -> tuple:
    return lit("qu'" if vowel else "que")


def object_clitic(after: tuple | None, verb: tuple) -> str | None:
    """The object pronoun right after a verb, which French puts before it (`pronoun_object`). ("her" is read
    as a determiner here: the verb cannot see whether a noun follows it; see the docs.) After a verb of saying
    or thinking a subject pronoun is the next clause's subject (je pense qu'il ...), not an object."""
    if after is None or after[0] not in ("OBJ", "S") or after[0] == "S" and (after[1] == "1s" or _que_verb(verb)):
        return None
    return pronoun_object(verb, after if after[0] == "OBJ" else object_pronoun(after)).clitic


def _modal_group(aux: str, verb: tuple, head: int, je: bool, neg: str | None, mids: tuple,
                 obj: str | None, prefix: str = "") -> tuple:
    """je peux nager, elle ne doit pas partir, je voudrais (would like): the modal's form (six words, one
    said by person), then the infinitive; as `verb_group_parts`' segments."""
    from weightsmith.library.nlp.translation_words import WOULD_LIKE

    finite = (("finite", 0), ((0, tuple(WOULD_LIKE) if aux == "would" else tuple(aux[len("modal:"):].split("|"))),))
    out = [(("je", 0), lit("je"))] if je else []
    out += [(("ne", 0), lit("ne")), finite] if neg is not None else [finite]  # (nobody can swim: personne ne peut)
    out += [(("not", 0), lit(neg))] if neg else []
    out += _mid_segments(mids, False)
    if aux == "would":
        return tuple(out)
    if obj:
        out.append((("clitic", 0), lit(obj) if obj in INVARIABLE_CLITICS else ((head, f"v.cl.{obj}.inf"),)))
    out.append((("verb", 0), ((head, f"{prefix}v.inf"),)))
    if verb[0] == "V" and has_tail(verb[3]):  # je peux prendre une douche
        out.append((("tail", 0), ((head, "v.tail"),)))
    return tuple(out)


def _mid_segments(mids: tuple, asking: bool) -> list:
    """The mid adverbs' segments, in French (= English) order, the r-th as role ("mid", r): each adverb's own
    codes (`own_forms`; as a literal it made a verb group's part one value per adverb), or déjà for ever in
    a question (`_in_question`)."""
    return [(("mid", r), own(d, OWN, fr) if _in_question(fr, asking, "jamais") == fr else lit("déjà"))
            for r, (d, fr) in enumerate(reversed(mids))]


def _it_subject(window: tuple) -> bool:
    """"it" or "the weather" stands within two words before window[0] (it is, it will be, the weather is)."""
    return any(map(it_word, window[1:3]))


def it_word(w: tuple | None) -> bool:
    """"it" or a noun of the weather (`_it_subject`)."""
    return w is not None and (w[0] == "S" and w[-1] == "it" or w[0] == "N" and w[4] == "weather")


def _ce_subject(window: tuple, k: int) -> tuple | None:
    """The subject "it" / "this" right before être (window[k]), which être speaks (il est, c'est)."""
    s = window[k + 1] if k + 1 < len(window) else None
    return s if s is not None and s[0] == "S" and s[-1] in ("it", "this") else None


def _with_ce(window: tuple, k: int, after: tuple | None, verb: tuple, weather: bool = False) -> tuple:
    """Put the subject "it" / "this" before être's plan: il (il est grand, il fait froid), or ce before a
    noun phrase and for "this" (c'est ma voiture, ce n'est pas un problème, ce sont mes clés)."""
    s = _ce_subject(window, k)
    if s is None or not verb:
        return verb
    if s[-1] == "it" and (weather or _kind(after) not in ("DET", "NUM", "POSS_S")):
        return lit("il") + verb
    code = verb[0][1]  # c' before est, était; ce before sont, sera, ne
    vowel = code.startswith("v.imp.") or code in ("v.pres.2", "v.aux.2")
    return lit("c'" if vowel else "ce") + verb


def _intensifier(info: tuple | None) -> bool:
    """very, too, so, quite before an adjective."""
    return info is not None and info[0] == "ADV" and info[1] in ("très", "trop", "si", "assez")


def _weather_context(window: tuple) -> bool:
    """window[0] follows "it is (very)": il fait (très) beau."""
    k = 1 if window[1] is not None and window[1][0] == "BE" else 2 if (
        _intensifier(window[1]) or window[1] is not None and window[1][0] == "NEG") and \
        window[2] is not None and window[2][0] == "BE" else 0
    return bool(k) and _it_subject(window[k:])


def _weather_question(window: tuple, clause: dict, after: tuple | None = None) -> bool:
    """window[0] is a weather adjective after "is it" / "was it" in a question that starts with être, which then
    speaks faire (is it cold ? est-ce qu'il fait froid ?), or a mid adverb before one, which speaks faire in
    its stead (is it often hot ? est-ce qu'il fait souvent chaud ?)."""
    return _weather_word(speaker_facts(window[0]), after_facts(after)) and bool(clause["after_q_subject"]) and \
        clause["question"] in ("be-pres", "be-past") and _it_subject(window)


def _weather_verb(window: tuple, clause: dict) -> tuple:
    """faire for the weather, in être's tense (window[0] is être): il fait / faisait / fera froid."""
    will = clause["question"] == "will" or any(w == ("AUX", "will") for w in window[1:3])
    return lit("fera" if will else {"past": "faisait"}.get(window[0][1], "fait"))


def _weather(window: tuple, after: tuple | None) -> bool:
    """it is cold: "it" (within two words back) and a weather adjective after être: il fait froid."""
    weather = after is not None and readings(after).get("A", (0, 0, False))[2]
    return bool(weather) and _it_subject(window)


DETERMINER_ALONE = {"all": "tout", "much": "beaucoup", "many": "beaucoup", "no": "non"}  # not before a noun
# determiners a number can follow: the two girls, my three sisters, these four chairs, every ten minutes
COUNTED_DETERMINERS = frozenset("the these those my your his her its our their every".split())
ALL = {("m", "sg"): "tout", ("f", "sg"): "toute", ("m", "pl"): "tous", ("f", "pl"): "toutes"}
DEFINITE = {("m", "sg"): "le", ("f", "sg"): "la", ("m", "pl"): "les", ("f", "pl"): "les"}
CONTRACTIONS = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des",
                ("de", "des"): "de", ("de", "du"): "de", ("de", "de"): "de"}
POSSESSIVE = {"my": ("mon", "ma", "mes"), "his": ("son", "sa", "ses"), "her": ("son", "sa", "ses"),
              "its": ("son", "sa", "ses"), "our": ("notre", "notre", "nos"), "their": ("leur", "leur", "leurs"),
              "your": ("votre", "votre", "vos"), "your/tu": ("ton", "ta", "tes")}

# possessive pronouns, which stand for a noun phrase of the clause's subject's gender and number (my car is older
# than yours: la vôtre) or, right after être, say whose it is (the coat is mine: à moi); "his" as a pronoun is the
# determiner with nothing after it but a punctuation mark or a conjunction (the book is his; his driving test)
OWNERS = {"mine": (("le mien", "la mienne", "les miens", "les miennes"), "moi"),
          "yours": (("le vôtre", "la vôtre", "les vôtres", "les vôtres"), "vous"),
          "yours/tu": (("le tien", "la tienne", "les tiens", "les tiennes"), "toi"),
          "ours": (("le nôtre", "la nôtre", "les nôtres", "les nôtres"), "nous"),
          "theirs": (("le leur", "la leur", "les leurs", "les leurs"), "eux"),
          "hers": (("le sien", "la sienne", "les siens", "les siennes"), "elle"),
          "his": (("le sien", "la sienne", "les siens", "les siennes"), "lui")}


def _possessive_pronoun(word: str, before: tuple, agreement: tuple, you: str) -> tuple:
    """mine, yours, …: à moi right after être (the green coat is mine), else le mien / la mienne / les miens /
    les miennes by the subject's gender and number (`agreement`), after the preposition before it, contracted
    (next to mine: à côté du mien; than yours: que la vôtre). The preposition's own plan leaves it to this word,
    as it leaves a noun phrase's to its noun. `before`: `determiner_before` of the word before it."""
    forms, stressed = OWNERS["yours/tu" if word == "yours" and you == "tu" else word]
    if before[:1] == ("BE",):
        return lit("à", stressed)
    phrase = tuple(forms[AGREEMENT_ORDER.index(agreement)].split())
    prep = tuple(before[1].split()) if before[:1] == ("PREP",) else ()
    return lit(*_contract(prep, phrase))


def _after_too(det: str | None, too: tuple | None) -> bool:
    """Whether `det` is many or much read with `too` (the window item beside it, as the window lists it) as
    `too`: trop alone says both (trop d'oignons, il mange trop), never trop beaucoup."""
    return det in ("many", "much") and too is not None and too[:2] == ("ADV", "trop")


def determiner(det: str, gender: str, number: str, vowel: bool, negated: bool, pre_adjective: bool,
               you: str) -> tuple[str, ...]:
    """The French of an English determiner (or of none: "bare:<context>") before a noun of this gender and
    number; `vowel`: the next French word starts with a vowel; `negated`: the object of a negated verb."""
    sg = number == "sg"
    elided = vowel and sg
    if det in ("a", "an", "some", "any", "bare:partitive") and negated or det == "no":  # (not much: pas beaucoup de)
        return ("d'",) if vowel else ("de",)
    if det == "the" or det == "bare:definite":
        return ("l'",) if elided else (DEFINITE[gender, number],)
    if det in ("a", "an") or (det in ("some", "any", "bare:partitive") and not sg):
        return ("des",) if not sg and not pre_adjective else ("de",) if not sg else ("un",) if gender == "m" else ("une",)
    if det in ("some", "any", "bare:partitive"):
        return ("de", "l'") if vowel else ("du",) if gender == "m" else ("de", "la")
    if det in ("this", "that", "these", "those"):
        return ("ces",) if not sg else ("cet",) if elided and gender == "m" else ("ce",) if gender == "m" else ("cette",)
    if det in POSSESSIVE:
        key = "your/tu" if det == "your" and you == "tu" else det
        m, f, pl = POSSESSIVE[key]
        return (pl,) if not sg else (m,) if gender == "m" or vowel else (f,)
    if det in ("every", "each"):
        return ("chaque",)
    if det == "another":  # another coffee: un autre café
        return ("un" if gender == "m" else "une", "autre")
    if det in ("many", "much"):
        return ("beaucoup", "d'") if vowel else ("beaucoup", "de")
    if det == "several":
        return ("plusieurs",)
    if det == "a few":
        return ("quelques",)
    if det.startswith("num:"):  # (a run of number words: deux cents)
        *run, fr = det[4:].split()
        return (*run, fr.split("|")[gender == "f"] if "|" in fr else fr)
    return ()  # bare:none


def _contract(prep: tuple[str, ...], det: tuple[str, ...]) -> tuple[str, ...]:
    """à + le → au, de + les → des, de + du → de (a glass of water: un verre d' eau) ..."""
    if prep and det and (prep[-1], det[0]) in CONTRACTIONS:
        return prep[:-1] + (CONTRACTIONS[prep[-1], det[0]],) + det[1:]
    if prep and prep[-1] == "de" and det and det[0] in ("de", "d'"):
        return prep[:-1] + det
    if prep and prep[-1] == "de" and not det:
        return prep
    return prep + det


def _elided_conjunction(words: list[str], si: bool) -> list[str]:
    """A conjunction's words before il / elle / ils / elles: que → qu', and si → s' if `si` (s'il, si elle)."""
    return words[:-1] + [{"que": "qu'", "si": "s'" if si else "si"}.get(words[-1], words[-1])]


def _elide(words: tuple[str, ...], vowel: bool) -> tuple[str, ...]:
    """de → d', que → qu' before a vowel."""
    if vowel and words and words[-1] in ("de", "que"):
        return words[:-1] + ({"de": "d'", "que": "qu'"}[words[-1]],)
    return words


@dataclass(frozen=True)
class DeterminerGroup:
    """The words before a noun phrase's adjectives, as a role: which English determiner (or "bare:<how>"),
    "all" / "whole" before it (tout), a number after it (les deux), "no" without a verb (pas de), the
    preposition it contracts with (au, du; none in a possessor's phrase), whether adjectives stand before
    the noun (de, not des), a counted year (un an: masculine, before a vowel) and the noun's number when
    the phrase sets it (every day: tous les jours; in the mornings: le matin). Its French words follow
    from it and the phrase's `NounAgreement`. `prep_word` and `number_word` are the preposition's and the
    number's English words, (distance, reading), whose own codes say those French words (`_said_by_own_codes`;
    None: no such word, or a preposition the phrase rewrote); `number_run` the number words before the number
    (`number_run`: two hundred), said by their own codes too."""

    det: str
    whole: bool
    count: str | None
    no: bool
    prep: tuple[str, ...]
    pre: bool
    counted: bool
    noun_number: str | None
    prep_word: tuple | None = None
    number_word: tuple | None = None
    number_run: tuple = ()


@dataclass(frozen=True)
class NounAgreement:
    """What a noun phrase's French takes from its words and its clause, beside its structure: the noun's
    gender, number and first letter, the first prenominal adjective's first letter (None: no such
    adjective), whether it is a negated verb's object (pas de), vous or tu, the modifier noun's first
    letter (de / d' cuisine; None: no modifier), the possessor's agreement (None: no possessor) and the
    modifier's gender (de la cuisine, du jardin; None: no modifier)."""

    gender: str
    number: str
    noun_vowel: bool
    first_vowel: bool | None
    negated: bool
    you: str
    modifier_vowel: bool | None
    owner: NounAgreement | None
    modifier_gender: str | None = None


@dataclass(frozen=True)
class NounPhrase:
    """A noun phrase ending at window[0], in two parts: its *structure* — (distance, role) entries, the
    first a `DeterminerGroup`, then literals (très, plus), "a.pre-last" / "a" (an adjective before / after
    the noun), "n", "de+modifier" (or "de+the+modifier": de la cuisine) with the modifier's "n.sg", and a
    possessor's structure (at its distance) — which holds no gender, number or first letter, and its
    `NounAgreement`, which holds them;
    `speak_noun_phrase` makes the plan from the two. `read`: how many words it read to the left of the
    noun; `features`: (gender, number, whether a preposition leads it)."""

    structure: tuple
    agreement: NounAgreement
    read: int
    features: tuple


def noun_phrase(window: tuple, clause: dict) -> tuple[tuple, int, tuple]:
    """The plan of a noun phrase ending at window[0]; returns (plan, words read, the noun's features)."""
    phrase = noun_phrase_parts(window, clause)
    return speak_noun_phrase(phrase.structure, phrase.agreement), phrase.read, phrase.features


def noun_phrase_parts(window: tuple, clause: dict) -> NounPhrase:
    """The structure and the agreement of the noun phrase ending at window[0] (see `NounPhrase`)."""
    gender, number, nvowel = window[0][1:4]
    j, adjectives, very, modifier = 1, [], set(), None
    while j < len(window) and window[j] is not None and (window[j][0] in ("A", "ADV") and (
            window[j][0] == "A" or window[j][1] == "très") and not (
            j + 1 < len(window) and window[j + 1] is not None and window[j + 1][0] == "BE"
            and not (j == 1 and _predicate_noun(window[0])))  # was bad last week; are big animals: in the phrase
            or window[j][0] == "N" and window[j][4] in MODIFIERS and modifier is None and j == 1):
        if window[j][0] == "N":
            modifier = j
        elif window[j][0] == "A":
            adjectives.append(j)
        else:
            very.add(j)
        j += 1
    adjectives.reverse()  # English order
    det, possessor, whole, count, the, number_word, prep_word = None, (), False, None, False, None, None
    run: tuple = ()  # the number words before the phrase's number: two hundred (people)
    if j < len(window) and window[j] is not None and window[j][0] in NP_START:
        w = window[j]
        number_word = (j, w) if w[0] == "NUM" else None
        the = w == ("DET", "the")  # the kitchen table: la table de la cuisine
        det = w[1] if w[0] == "DET" else "num:" + (w[1] if isinstance(w[1], str) else "|".join(w[1]))
        det = "no" if det == "no more" else det  # (the verb said plus): de, as after "no"
        j += 1
        run = number_run(window, j) if number_word else ()
        if run:  # deux cents personnes: the run's words, then the number's (`determiner` splits them)
            det = "num:" + " ".join([_number_french(r) for _, r in run] + [_times(run, det[4:])])
            j += len(run)
        # all the / all my / the whole: toute la famille, tous mes amis; all night: toute la nuit
        if det in ("all", "whole") and j < len(window) and window[j] is not None and window[j][0] == "DET":
            det, whole = window[j][1], True
            j += 1
        elif j < len(window) and window[j] in (("DET", "all"), ("DET", "whole")):
            whole = True
            j += 1
        if det in ("all", "whole"):
            det, whole = "the", True
        if j < len(window) and window[j] == ("DET", "both") and det in COUNTED_DETERMINERS:
            count = "num:deux"  # both my children: mes deux enfants; both the boys: les deux garçons
            j += 1
        elif det == "both":
            det, count = "the", "num:deux"  # both dogs: les deux chiens
        if det.startswith("num:") and adjectives and all(window[a][5] for a in adjectives):
            det, j, number_word, run = None, number_word[0], None, ()  # (she will be) ten next year: an age
        elif det.startswith("num:") and j < len(window) and window[j] is not None and window[j][0] == "DET" and \
                window[j][1] in COUNTED_DETERMINERS:  # the two girls: les deux filles; every 10 minutes
            count, det = det, window[j][1]
            j += 1
        if _after_too(det, window[j] if j < len(window) else None):
            det = None  # too many onions: trop d'oignons (as too + a noun, below), not trop beaucoup d'oignons
    elif j + 1 < len(window) and window[j] is not None and window[j][0] == "POSS_S" and window[j + 1] is not None \
            and window[j + 1][0] == "N":
        owner = noun_phrase_parts(window[j + 1:], dict(clause, possessor=True, verb_before="none", negated=False))
        possessor = (j + 1, owner)
        det = "the"
        j += 1 + owner.read
    prep: tuple[str, ...] = ()
    if j < len(window) and window[j] is not None and window[j][0] == "PREP":
        prep, to = tuple(window[j][1].split()), window[j][2:] == ("to",)
        prep_word = (j, window[j])
        j += 1
        after_noun = j < len(window) and window[j] is not None and window[j][0] == "N"  # (a noun's complement)
        if clause["verb_before"] != "none" and j < len(window) and window[j] is not None and window[j][0] == "V" \
                and window[j][3] == "generic:" + window[j - 1][1]:
            prep = ()  # smell of lavender: sentir la lavande (the smell of smoke: a noun before "of")
        if to and after_noun and window[j][4] in VEHICLES and window[0][4] != "daytime":
            prep = ("pour",)  # the train to paris: le train pour paris (to the morning: le matin, below)
        elif (prep == ("dans",) or to) and clause["verb_before"] == "none" and not clause.get("possessor") and \
                after_noun and window[0][4] not in NOT_PLACES:
            prep = ("de",)  # a place that says which one, after a subject: la lumière de l'entrée, la route du village
        elif prep in (("sur",), ("à",)) and window[j - 1][2:] != ("about",) and clause["verb_before"] == "none" \
                and not clause.get("possessor") and after_noun and _belongs_to(prep, det, window[0][4], window[j][4]):
            prep = ("de",)  # the bakery on the corner, the library at our school: du coin, de notre école
        if (prep == ("à",) or prep == ("sur",) and window[j - 1][2:] != ("about",)) and window[0][4] == "site" and \
                det in ("a", "an"):  # (not a film about a hospital: sur)
            prep = ("dans",)  # (went) to a restaurant, (works) at a bank, (born) on a farm: dans une banque, une ferme
        if prep == ("sur",) and window[0][4] == "transport":
            prep = ("dans",)  # on the bus, on a plane: dans le bus (a vehicle one boards; on my bike: sur)
        if prep == ("sur",) and window[0][4] == "storey":
            prep = ("à",)  # they live on the third floor: au troisième étage (the printer on the second floor: du)
        if prep == ("dans",) and after_noun and _superlative_phrase(window, j):
            prep = ("de",)  # the best pie in the village: la meilleure tarte du village (the set it is the best of)
        if prep == ("que",) and det is not None and det.startswith("num:") and j < len(window) and \
                quantity_adverb(window[j]):
            prep = ("de",)  # more than two hours: plus de deux heures (a number compared, not a noun)
    elif clause["verb_before"] != "none" and _off_object(window, j):
        prep = ("de",)  # fell off the chair, knocked a vase off the shelf: tombé de la chaise, de l'étagère
        j += 1
    elif not clause.get("possessor") and object_preposition(_object_of(window, j)):  # j'ai besoin d'un sac
        prep = (object_preposition(_object_of(window, j)),)
    elif not clause.get("possessor") and _object_of(window, j) == "jouer" and window[0][4] in ("sport", "instrument"):
        prep = ("à",) if window[0][4] == "sport" else ("de",)  # jouer au football, jouer du piano
        det = det or "the"
    before_prep = window[j] if j < len(window) else None  # the word before the preposition
    if prep == ("de",) and j < len(window) and window[j] == ("FRONT",):  # in front of the house: devant la maison
        prep, j = ("devant",), j + 2 if j + 1 < len(window) and window[j + 1] is not None and \
            window[j + 1][0] == "PREP" else j + 1
    if det is None and j < len(window) and window[j] is not None and window[j][0] == "ADV" and \
            window[j][1] in ("plus", "moins", "assez", "trop"):  # more money: plus d'argent
        det, prep = "bare:none", ("de",)
    if det is None and prep == ("que",) and j + 1 < len(window) and window[j] is not None and window[j][0] == "N" \
            and quantity_adverb(window[j + 1]):  # more snow than rain: plus de neige que de pluie
        det, prep = "bare:none", ("que", "de")
    if det is None and not prep and _after_there_is(window, j):  # there is dust: il y a de la poussière
        det = "bare:partitive"
    time = det is None and adjectives and all(window[a][5] for a in adjectives)  # next week: la semaine prochaine
    kind = window[0][4]
    if prep == ("dans",) and det is None and number == "sg" and kind in EN_BARE and not adjectives and not modifier:
        prep, det = ("en",), "bare:none"  # in class, in corsica: en classe, en corse
    if det in ("a", "an") and prep == ("sans",) and kind in THINGS and not adjectives:
        det = "bare:none"  # without a coat, a village without a shop: sans manteau, sans magasin (the thing lacked)
    if det is None and not prep:  # my aunt and uncle: ma tante et mon oncle (the first noun's determiner is both's)
        det = _shared_determiner(window, j)
    if det in ("a", "an") and kind not in ("unit", "year") and not adjectives and not prep and _price_before(window, j):
        det = "the"  # three euros a kilo: trois euros le kilo (the price of one; five days a week: par, below)
    noun_number = None  # the noun's own number, unless the phrase sets it
    if det == "every" and kind in ("unit", "daytime", "day") and not adjectives:
        det, whole, noun_number = "the", True, "pl"  # every day: tous les jours, every week: toutes les semaines
    if kind == "name":  # anna, à paris, avec paul
        det = "bare:none"
        prep = ("de",) if prep == ("dans",) and _the_one_in(window, j) else \
            ("à",) if prep in (("dans",), ("sur",)) else prep
    elif kind == "country" and det is None:  # la france; en espagne, au canada; d'espagne, du canada
        feminine = gender == "f" or nvowel
        det = "bare:none" if feminine and prep in (("dans",), ("à",), ("sur",), ("de",)) else "bare:definite"
        prep = ("en",) if feminine and prep in (("dans",), ("à",), ("sur",)) else \
            ("à",) if prep in (("dans",), ("sur",)) else prep
    elif kind == "spring" and prep == ("dans",) and det in (None, "the") and not adjectives:
        prep, det = ("à",), "the"  # in (the) spring: au printemps
    elif kind == "spring" and not prep and det is None and time:
        prep, det = ("à",), "the"  # last spring: au printemps dernier
    elif kind == "spring" and prep == ("de",) and det is None and not adjectives:
        det = "the"  # the first day of spring: le premier jour du printemps (the season; a spring day: de printemps)
    elif kind == "clock" and det is None:  # at noon: à midi; around midnight: vers minuit
        det, prep = "bare:none", ("vers",) if prep in (("autour", "de"), ("sur",)) else prep
    elif kind == "month" and prep == ("dans",) and det in (None, "the") and not adjectives:
        prep, det = ("en",), "bare:none"  # en août, en hiver
    elif kind == "daytime" and prep == ("dans",) and det == "the" and j < len(window) and window[j] is not None \
            and window[j][0] == "NUM":
        prep = ("de",)  # at six in the morning: à six heures du matin
    elif kind == "daytime" and prep in (("dans",), ("à",), ("sur",)) and det in (None, "the") and not adjectives:
        prep, det, noun_number = (), "the", "sg"  # in the morning(s): le matin; at night: la nuit
    elif kind == "day" and prep == ("sur",) and det is None and (number == "pl" or _present_clause(window, j) and
                                                                 _kind(before_prep) != "BE"):
        # on mondays, or on monday in the present (a habit): le lundi; but right after être the day dates one
        # event (the exam is on monday: l'examen est lundi)
        prep, det, noun_number = (), "the", "sg"
    elif kind == "job" and (det in ("a", "an") or det is None and number == "pl") and not adjectives and not prep and not clause["q_subject"] \
            and j < len(window) \
            and window[j] is not None and window[j][0] in ("BE", "NEG") and clause["verb_before"] == "be":
        det = "bare:none"  # she is (not) a nurse: elle est infirmière; they are nurses: elles sont infirmières
    if prep == ("sur",) and det is not None and kind in ("day", "daytime", "unit"):
        prep = ()  # on the first day, on our last morning, on a sunday: le premier jour, notre dernier matin, un dimanche
    if prep == ("par",) and det is not None and kind in (*COUNT_KINDS, "abstract", "mass", *SUBJECT_CLASSES, *PLACE_CLASSES) and \
            not _agent_before(window[j:]):  # the house by the church: près de l'église; by the lake: au bord du lac
        prep = ("au", "bord", "de") if kind == "water" else ("près", "de")
    if det in ("a", "an") and kind in ("unit", "year") and not adjectives and not prep and _counted_before(window, j):
        prep, det = ("par",), "bare:none"  # five days a week, twice a year: cinq jours par semaine, deux fois par an
    if det is None and prep == ("de",) and before_prep is not None and before_prep[0] == "A" and \
            before_prep[6] == "avoir" and kind != "unknown":
        det = "bare:definite"  # afraid of dogs: avoir peur des chiens (a generic noun, as after aimer)
    if det is None and kind == "day" and number == "sg" and prep not in ((), ("sur",), ("par",)):
        det = "bare:none"  # before friday, for monday: avant vendredi, pour lundi (on friday: below)
    if prep == ("dans",) and kind in ("unit", "year") and det is not None and (
            det in ("a", "an") or det.startswith("num:")) and _past_clause(window, j):
        prep = ("en",)  # the snow melted in two days: en deux jours (how long it took; in the future: dans)
    if det is None and kind == "kin" and number == "sg" and not adjectives and not modifier:
        det = "bare:none"  # a family member as a name: grandma made a cake: mamie a fait un gâteau; à papi
    if det is None:
        listed = dict(clause, verb_before=_list_verb(window, j) or clause["verb_before"])  # (du pain, du fromage)
        det = "bare:none" if window[0][4] == "unknown" else _bare(prep, number, window[0][4] == "mass", listed)
        if time:  # next week: la semaine prochaine; last sunday: dimanche dernier
            det = "bare:none" if kind == "day" else "bare:definite"
        if prep == ("par",):  # by car, by bus: en voiture, en bus
            prep = ("en",)
        if window[0][4] == "day" and prep == ("sur",):  # on monday: lundi
            prep, det = (), "bare:none"
        if kind in ("day", "month") and prep == ("depuis",):  # since monday, since june: depuis lundi, depuis juin
            det = "bare:none"
        if window[0][4] == "home" and not prep:  # she went home: à la maison
            prep, det = ("à",), "bare:definite"
    counted = kind == "year" and (det in ("a", "an") or det.startswith("num:") or prep == ("par",))  # six ans, un an
    if prep == ("pour",) and kind in ("year", "unit") and (det in ("a", "an") or det.startswith("num:")):
        # for two weeks: pendant deux semaines; has been raining for two hours: pleut depuis deux heures
        prep = ("depuis",) if _since_clause(window, j, clause) else ("pendant",)
    pre = [a for a in adjectives if window[a][1] and not time]
    post = [a for a in adjectives if not window[a][1] or time]
    no = det == "no" and not (j < len(window) and window[j] is not None and window[j][0] in ("V", "BE"))
    own_prep = prep_word is not None and prep == tuple(prep_word[1][1].split()) and not clause.get("possessor")
    group = DeterminerGroup(det, whole, count, no, () if clause.get("possessor") else prep, bool(pre), counted,
                            noun_number, prep_word if own_prep else None, number_word, run)
    structure: list = [(0, group)]
    for a in pre:
        structure += _degree(window, a, very)
        structure.append((a, "a.pre-last" if a == pre[-1] else "a"))
    structure.append((0, "n"))
    for a in post:
        structure += _degree(window, a, very)
        structure.append((a, "a"))
    if modifier:
        site = the and window[modifier][4] == "modifier.site"  # the one place the head is part of
        structure += [(modifier, "de+the+modifier" if site else "de+modifier"), (modifier, "n.sg")]
    if possessor:
        structure.append((possessor[0], possessor[1].structure))
    agreement = NounAgreement(window[0][1], number, nvowel, window[pre[0]][2] if pre else None,
                              clause["negated"] and clause["verb_before"] not in ("none", "be") and not prep,
                              clause["you"], bool(window[modifier][3]) if modifier else None,
                              possessor[1].agreement if possessor else None,
                              window[modifier][1] if modifier else None)
    return NounPhrase(tuple(structure), agreement, j - 1, ("m" if counted else gender, number, bool(prep)))


def speak_noun_phrase(structure: tuple, agreement: NounAgreement) -> tuple:
    """A noun phrase's plan from its structure and its agreement (`noun_phrase_parts`): its segments
    (`noun_phrase_segments`) in their French order."""
    return tuple(entry for _, entries in noun_phrase_segments(structure, agreement) for entry in entries)


def noun_phrase_segments(structure: tuple, agreement: NounAgreement) -> tuple:
    """A noun phrase's plan cut by the English word each entry belongs to, in French order: (key, entries)
    (`_literal_segments`), with the words a preposition or a number says of its own French said by its own
    codes (`_said_by_own_codes`)."""
    return _said_by_own_codes(_literal_segments(structure, agreement), dict(_groups(structure, agreement)))


def _groups(structure: tuple, agreement: NounAgreement, back: int = 0, level: int = 0):
    """(level, (the distance of the phrase's noun, its `DeterminerGroup`, the gender its words agree with)) for
    a noun phrase and each of its possessors, outward."""
    (_, group), *rest = structure
    yield level, (back, group, "m" if group.counted else agreement.gender)
    for distance, role in rest:
        if isinstance(role, tuple):
            yield from _groups(role, agreement.owner, back + distance, level + 1)


def _said_by_own_codes(segments: tuple, groups: dict) -> tuple:
    """Each phrase's preposition and number said by the codes of their own English words (`own_forms`) where
    the literal is that word's French: the preposition's i-th word its i-th saying (or the elided one's: près
    d'), a number its only word, by its clock saying before a feminine noun (une, as in une heure; deux
    alike, so that un is no number of its own there). A literal that rewrites or contracts the word
    (au, pour) stays a literal. A literal names its word, so the plans came in a copy per preposition and per
    number (and so did what a plan reads of its window: each was a class of its own at distance 1, trc12);
    a code names only where and which saying."""
    out = []
    for (kind, level), entries in segments:
        back, group, gender = groups.get(level, (0, None, "m"))
        if kind == "prep" and group is not None:
            entries = own_entries(entries, group.prep_word, back, (OWN, ELIDED))
        elif kind in ("det", "count") and group is not None and group.number_word is not None and entries and \
                (kind == "count" or group.count is None):  # the number: the count, or the determiner itself
            words = (*group.number_run, group.number_word)  # (deux cents: each word by its own codes)
            prefixes = (CLOCK, OWN, TIMES) if gender == "f" else (OWN, CLOCK, TIMES)
            said = [e for k, word in enumerate(words)
                    for e in own_entries(entries[len(entries) - len(words) + k:][:1], word, back, prefixes)]
            entries = entries[:-len(words)] + tuple(said)
        out.append(((kind, level), entries))
    return tuple(out)


def _literal_segments(structure: tuple, agreement: NounAgreement, level: int = 0) -> tuple:
    """A noun phrase's plan cut by the English word each entry belongs to, in French order: (key, entries)
    with key ("prep", level) for its preposition's words the determiner does not contract with (à côté de,
    près d'), ("det", level) for the determiner group's (au, la, tous les deux; `level` 1 for a
    possessor's, which starts with its de / d' / du / des) and ("word", d) for the word at window distance
    d (an adjective with the très / plus before it, the noun, a modifier noun with its de / d'). Each
    segment is one word's French (or a preposition's, a determiner's), small whatever the rest of the
    phrase is: the unit the per-word French positions read (`french_positions`)."""
    (_, group), *rest = structure
    gender, nvowel = ("m", True) if group.counted else (agreement.gender, agreement.noun_vowel)
    noun_number = group.noun_number or agreement.number
    first_vowel = nvowel if agreement.first_vowel is None else agreement.first_vowel
    dets = determiner(group.det, gender, noun_number, first_vowel, agreement.negated, group.pre, agreement.you)
    dets = ((ALL[gender, noun_number],) if group.whole else ()) + dets
    if group.no:
        dets = ("pas",) + dets  # but no university: mais pas d'université (after a verb, the verb says ne … pas)
    # a number after a determiner: les deux, mes trois, toutes les dix (minutes)
    count = determiner(group.count, gender, noun_number, first_vowel, False, False, agreement.you) \
        if group.count else ()
    words = lit(*_elide_all(_contract(group.prep, dets + count), first_vowel))
    # cut as the words came: the preposition's not contracted with the determiner (à côté de | la), the
    # determiner's (au, tous les), the number's
    kept, counted = len(words) - len(lit(*dets, *count)), len(words) - len(lit(*count))
    segments: list = [(("prep", level), words[:kept]), (("det", level), words[kept:counted]),
                      (("count", level), words[counted:])]
    code = f"{gender}.{agreement.number}"
    literals: tuple = ()  # très / plus: they go with the adjective after them
    for back, role in rest:
        if isinstance(role, tuple):  # the possessor's phrase: de l'enfant, du chat
            segments[-1], literals = (segments[-1][0], segments[-1][1] + literals), ()
            owner = _literal_segments(role, agreement.owner, level + 1)
            de = lit("d'") if _first_vowel(tuple(e for _, es in owner for e in es), agreement.owner) else lit("de")
            for key, entries in owner:
                entries = tuple((b, c) if c.startswith("=") else (b + back, c) for b, c in entries)
                if key == ("det", level + 1):
                    entries = tuple(_possessor(de + entries))
                segments.append((("word", key[1] + back) if key[0] == "word" else key, entries))
            continue
        if role == "a.pre-last":  # the adjective before the noun: bel, vieil before a vowel
            entry = ((back, "a.m.v" if nvowel and code == "m.sg" else f"a.{code}"),)
        elif role == "a":
            entry = ((back, f"a.{code}"),)
        elif role == "n":
            entry = ((back, f"n.{'an.' if group.counted else ''}{noun_number}"),)
        elif role == "de+modifier":  # a kitchen table: une table de cuisine, d'école
            entry = lit("d'" if agreement.modifier_vowel else "de")
        elif role == "de+the+modifier":  # the kitchen table, the school library: de la cuisine, de l'école
            entry = lit(*_contract(("de",), ("l'",) if agreement.modifier_vowel else
                                   (DEFINITE[agreement.modifier_gender, "sg"],)))
        elif role.startswith("="):
            literals += ((back, role),)
            continue
        else:  # a code that agrees with nothing (the modifier noun's n.sg)
            entry = ((back, role),)
        if segments[-1][0] == ("word", back):
            segments[-1] = (("word", back), segments[-1][1] + literals + entry)
        else:
            segments.append((("word", back), literals + entry))
        literals = ()
    segments[-1] = (segments[-1][0], segments[-1][1] + literals)
    return tuple(segments)


def _first_vowel(plan: tuple, agreement: NounAgreement) -> bool:
    """Whether a noun phrase's plan starts with a vowel (`_starts_with_vowel`, read from its agreement: its
    first entry is a literal, its first prenominal adjective or its noun)."""
    code = plan[0][1]
    if code.startswith("="):
        return starts_with_vowel(code[1:])
    return bool(agreement.first_vowel if code.startswith("a.") else agreement.noun_vowel)


def _agent_before(window: tuple) -> bool:
    """window[0], the word before "by", makes it the agent's par: a participle or an adjective (written by my
    sister, was surprised by the news); after a noun, a verb group or être "by" is a place (près de)."""
    w = window[0] if window else None
    return w is not None and (w[0] == "A" or w[0] == "V" and (w[1] == "pp" or len(window) > 1 and
                                                              _verb_role(window) == "participle"))


def _since_clause(window: tuple, j: int, clause: dict) -> bool:
    """The clause left of window[j - 1] (for + a duration) says how long a state has lasted until now, which
    French says with depuis (a verb in the present, or a passé composé under pas): its nearest verb is "been"
    + -ing (has been raining: pleut depuis deux heures), "been" + a weather adjective after it (it has been
    hot: il fait chaud depuis), or a participle after has / have + not (it has not rained for two months: il
    n'a pas plu depuis deux mois; we have not seen the sun: what has not happened since), or a predicate
    right before "for" after an affirmative "been", which spoke être in the present (`_state_after_been`: sont
    mariés depuis), or another affirmative passé composé that step 4 says in the present (`lasts_until_now`:
    travaille ici depuis dix ans)."""
    if j < len(window) and window[j] is not None and _state_after_been(window[j:], clause):
        return True
    if _for_a_duration(window) and _lasting_perfect(window, j, clause, since=False):
        return True
    verb = next((k for k in range(j, len(window)) if window[k] is not None and window[k][0] in ("V", "BE")), None)
    if verb is None:
        return False
    w, left = window[verb], window[verb + 1:]
    if w[:2] == ("V", "ing"):
        return bool(left) and left[0] is not None and left[0][:2] == ("BE", "pp")
    if w[:2] == ("BE", "pp"):
        k = verb - 2 if verb > 1 and _intensifier(window[verb - 1]) else verb - 1  # (it has been very cold)
        adjective = window[k] if k >= 0 else None
        return adjective is not None and adjective[0] == "A" and bool(adjective[3]) and _it_subject(window[verb:])
    if w[0] != "V" or w[1] not in ("pp", "past"):
        return False
    read = [x for x in left[:3] if x is None or not (x[0] == "ADV" and x[2])]  # (a mid adverb: still, really)
    return len(read) >= 2 and read[0] == ("NEG", "pas") and read[1] == ("HAVE_AUX",)


def _counted_before(window: tuple, j: int) -> bool:
    """window[j] (the word before "a") counts something: a plural noun (five days a week) or once / twice."""
    w = window[j] if j < len(window) else None
    return w is not None and (w[0] == "N" and w[2] == "pl" or w[0] == "ADV" and w[1].endswith(" fois"))


def _after_there_is(window: tuple, j: int) -> bool:
    """window[j:] starts with "is there" read backwards: the noun phrase follows "there is / are / was"."""
    return j + 1 < len(window) and window[j] is not None and window[j][0] == "BE" and window[j + 1] == ("THERE",)


def _present_clause(window: tuple, j: int) -> bool:
    """The nearest verb to the left of window[j - 1] is in the present, with no will / did / modal / have
    before it: "we play football on saturday" (a habit: le samedi), not "we played ... on saturday". A bare verb
    is a present only after its subject (we never eat meat on friday): after an object or another verb it is an
    infinitive (will you help me move the sofa on saturday), and where the window ends first its will may stand
    past it (we will buy cheese at the market on friday): samedi, vendredi."""
    verb, subject = None, None
    for k in range(j, len(window)):
        w = window[k]
        if w is None or w[0] in ("PUNCT", "CONJ"):
            break
        if verb is None and w[0] in ("V", "BE"):  # and the word before it, past never / often (END: none seen)
            verb, subject = w, next((x for x in window[k + 1:] if x is None or x[0] not in ("NEG", "ADV")), ("END",))
        elif w[0] in ("AUX", "HAVE_AUX", "MODAL") and verb is not None:
            return False
    if verb is None or verb[0] == "V" and verb[3] == "have":  # we have a test on friday: vendredi
        return False
    if verb[0] == "V" and verb[1] == "base" and subject is not None and subject[0] not in ("S", "N"):
        return False  # help me move the sofa, (will) buy cheese at the market on friday: an infinitive, or unseen
    return verb[1] == "pres" if verb[0] == "BE" else verb[1] in ("3s", "base")


def _past_clause(window: tuple, j: int) -> bool:
    """The nearest verb to the left of window[j - 1] is past: a past tense, or a participle after have (the
    clause says how long something took: in two days is en deux jours)."""
    for k in range(j, len(window)):
        w = window[k]
        if w is None or w[0] in ("PUNCT", "CONJ"):
            return False
        if w[0] in ("V", "BE"):
            return w[1] == "past" or w[1] == "pp" and k + 1 < len(window) and window[k + 1] is not None and \
                window[k + 1][0] == "HAVE_AUX"
    return False


def _predicate_noun(info: tuple) -> bool:
    """A noun that takes the one adjective between it and être into its phrase (horses are big animals: de
    grands animaux, not grands des animaux): a bare plural or mass noun, not a time (was cold last night)."""
    return info[0] == "N" and (info[2] == "pl" or info[4] == "mass") and info[4] not in (
        *TIME_KINDS, "name", "country", "unknown")


def _belongs_to(prep: tuple[str, ...], det: str | None, kind: str, head_kind: str) -> bool:
    """on / at + a noun phrase after a subject's noun names the place the thing belongs to, which French says
    with de (la boulangerie du coin, la lampe de mon bureau, les élèves de votre école), where the place is a
    site or a storey after "on" (WordNet's buildings, places, institutions and facilities; the printer on the
    second floor: du deuxième étage; not the ice on the road) or any place after a possessive (our street, my
    desk), or a site after "at the" (or this, that: the coffee at this bar) when the thing is physical
    (`THINGS`: the animals at the farm, the nurse at the clinic belong to it; the queue at the border, an
    abstraction, is there a while). `head_kind` is the kind of the noun before the preposition."""
    return det in POSSESSIVE and kind not in NOT_PLACES or prep == ("sur",) and det is not None and \
        kind in ("site", "storey") \
        or prep == ("à",) and det in ("the", "this", "that") and kind == "site" and head_kind in THINGS


def _the_one_in(window: tuple, j: int) -> bool:
    """window[j] is the noun of a phrase opened by "the" (read backwards over its adjectives and modifier
    nouns) after a preposition, before "in" + a town: the town says which place is meant, as French says with
    de (from the airport in dublin: de l'aéroport de dublin; at the conference in berlin), where "a" or a
    possessive says where one is (in a bank in geneva, my aunt in lyon: à). A verb's object may be used in
    the town instead (has taken the underground in london: le métro à londres)."""
    if j >= len(window) or window[j] is None or window[j][0] != "N" or window[j][4] in NOT_PLACES:
        return False
    k = j + 1
    while k < len(window) and window[k] is not None and (window[k][0] in ("A", "N") or window[k][:2] == ("ADV", "très")):
        k += 1
    return k + 1 < len(window) and window[k] == ("DET", "the") and window[k + 1] is not None and \
        window[k + 1][0] == "PREP"


def _price_before(window: tuple, j: int) -> bool:
    """window[j:] (read backwards) is a number and a plural noun: a price or an amount (three euros), so "a"
    after it means each (trois euros le kilo)."""
    return j + 1 < len(window) and window[j] is not None and window[j][0] == "N" and window[j][2] == "pl" and \
        window[j + 1] is not None and window[j + 1][0] == "NUM"


def _superlative_phrase(window: tuple, j: int) -> bool:
    """The noun phrase whose noun is window[j] has a superlative adjective (the best, the oldest): a place
    after it names the set it is the best of, which French says with de (le plus vieux pont de la ville)."""
    for w in window[j + 1:]:
        if w is None or w[0] not in ("A", "N", "ADV"):
            return False
        if w[0] == "A" and w[4] in ("sup", "sup1"):
            return True
    return False


def _degree(window: tuple, a: int, very: set) -> tuple:
    """What stands before an adjective: très (very), plus (bigger, the biggest: le plus grand)."""
    return (lit("très") if a + 1 in very else ()) + (lit("plus") if window[a][4] in ("cmp", "sup") else ())


def _possessor(owner: tuple) -> list:
    """"de" (or d') + the possessor's phrase, contracted: de le → du, de les → des; de + l' stays."""
    if len(owner) > 1 and owner[1][1] in ("=le", "=les"):
        return [(0, "=" + CONTRACTIONS["de", owner[1][1][1:]])] + list(owner[2:])
    return list(owner)


def _elide_all(words: tuple[str, ...], vowel: bool) -> tuple[str, ...]:
    """de → d' and que → qu' before a vowel, inside a phrase (d'un, d'une) or before its first word."""
    out = list(words)
    for i, w in enumerate(out):
        following = starts_with_vowel(out[i + 1]) if i + 1 < len(out) else vowel
        if w in ("de", "que") and following:
            out[i] = w[:-1] + "'"
    return tuple(out)


def _object_of(window: tuple, j: int) -> bool | str | None:
    """What the verb whose object is the noun phrase starting after window[j] gives its object ("de": avoir
    besoin de; "jouer": au / du), directly or after "and" (besoin de lait et d'œufs); None: no such verb."""
    joined = False  # an and/or stands between this phrase and the one to its left
    while j < len(window) and window[j] is not None and (window[j][0] in ("N", "A", "DET", "NUM") or
                                                         window[j] in (("CONJ", "et"), ("CONJ", "ou"))):
        if window[j][0] == "N" and not joined:
            return None  # two phrases not joined by and/or: that phrase's verb is not ours
        joined = window[j][0] == "CONJ" or joined and window[j][0] != "N"
        j += 1
    return window[j][3] if j < len(window) and window[j] is not None and window[j][0] == "V" else None


def _off_object(window: tuple, j: int) -> bool:
    """Whether window[j] is "off" before the noun phrase ending at window[0] as a preposition of leaving a place
    (fell off the chair: tombé de la chaise; knocked a vase off the shelf: de l'étagère), not the particle of a
    phrasal verb (turn off the light: éteindre): it stands after a noun, or after a verb with no phrasal sense for
    off. The noun phrase says its de; "off" itself, a particle, says nothing. (A phrasal verb's object keeps its
    reading: got off the bus, descendre.)"""
    if not (j + 1 < len(window) and window[j] == ("PART", "off") and window[j + 1] is not None):
        return False
    before = window[j + 1]
    return before[0] == "N" or before[0] == "V" and phrasal_verb(before, window[j]) is None


SHARED_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", *POSSESSIVE)


def _shared_determiner(window: tuple, j: int) -> str | None:
    """The determiner of the noun phrase before "and" / "or" at window[j], when it is one a bare noun after them
    shares (my aunt and uncle, the cups and saucers, a knife and fork: mon oncle, les soucoupes, une fourchette);
    None if that phrase has none (bread and cheese) or another (two cats and dogs, every man and woman)."""
    if not (j + 1 < len(window) and window[j] in (("CONJ", "et"), ("CONJ", "ou")) and window[j + 1] is not None
            and window[j + 1][0] == "N"):
        return None
    k = j + 2
    while k < len(window) and window[k] is not None and (window[k][0] in ("A", "N") or window[k] == ("ADV", "très")):
        k += 1  # (my old aunt, the kitchen table)
    w = window[k] if k < len(window) else None
    return w[1] if w is not None and w[0] == "DET" and w[1] in SHARED_DETERMINERS else None


LIST_JOINS = (("PUNCT", ","), ("CONJ", "et"), ("CONJ", "ou"))  # what stands between the nouns of a list


def _list_verb(window: tuple, j: int) -> str | None:
    """The kind of the verb before a list of bare nouns that the phrase ending before window[j] ends (we bought
    bread , cheese and wine: du pain, du fromage et du vin; i like cats , dogs and birds: les), as
    `verb_before` names it; None where no comma stands between it and that verb (the comma is a clause's break
    to `verb_before`, which gave le fromage; "and" alone is not) or a member has a determiner."""
    comma = False
    while j + 1 < len(window) and window[j] in LIST_JOINS and window[j + 1] is not None and window[j + 1][0] == "N":
        comma, j = comma or window[j][0] == "PUNCT", j + 2
        while j < len(window) and window[j] is not None and window[j][0] == "A":  # (fresh bread)
            j += 1
    verb = window[j] if j < len(window) else None
    return ("generic" if generic_object(verb[3]) else "other") if comma and verb is not None and verb[0] == "V" else None


def _bare(prep: tuple[str, ...], number: str, mass: bool, clause: dict) -> str:
    """The determiner French gives a noun English leaves bare: "bread" → du pain, "cats" (subject) → les,
    "television" → la télévision (only mass nouns and plurals are partitive)."""
    if prep:
        return {"avec": "bare:partitive" if mass or number == "pl" else "bare:definite", "sans": "bare:none",
                "de": "bare:none", "par": "bare:none", "en": "bare:none"}.get(prep[-1], "bare:definite")
    if clause["verb_before"] in ("none", "generic") or not (mass or number == "pl"):
        return "bare:definite"
    return "bare:partitive"


def _starts_with_vowel(plan: tuple, window: tuple) -> bool:
    """Whether the first word a plan speaks starts with a vowel (for que → qu'). A code of the question's first
    word (`FIRST_WORD`: été after the question's subject, `_question_participle`) is never one que stands
    before: False."""
    back, code = plan[0]
    if back == FIRST_WORD:
        return False
    if code.startswith("="):
        return starts_with_vowel(code[1:])
    w = window[back]
    if (said := said_word(w, code)) is not None:  # a preposition or a number said by its own code
        return starts_with_vowel(said)
    return bool(w[3] if w[0] == "N" else w[2] if w[0] == "A" else False)


def _there_question(window: tuple, clause: dict) -> bool:
    """A question that starts "is there" / "was there" (window[0] is at clause["index"])."""
    i = clause["index"]
    return clause["question"] in ("be-pres", "be-past") and 1 <= i < len(window) + 1 and \
        (window[0] if i == 1 else window[i - 1] if i - 1 < len(window) else None) == ("THERE",)


def plan(window: tuple, after: tuple | None, clause: dict) -> tuple:
    """The French the word window[0] speaks (see the module docstring)."""
    return sum(planned(window, after, clause).words(), ())


@dataclass(frozen=True)
class Asked:
    """The question's words `plan` puts before (or instead of) a speaker's own French, as the few facts that
    decide them (`asked`). They are facts of the clause (and whether "there" is the question's second word), of
    the speaker, of the word after it and of "it" one or two words back — and, for que / qu', whether the
    speaker's own French starts with a vowel (`asked_words`) — never of the rest of the window, so the translator
    computes them in small lookups and hands them to step 4 as a part of their own (`french_positions.ASKED`;
    docs/nlp.md, trc15)."""

    opens: str = ""  # the question's first word: "est-ce" (it says est-ce alone), "after" (a question word: itself, est-ce)
    there: bool = False  # "is there" opens the question, and this word is not "there": no question words here
    subject: str = ""  # the question's subject: "own" (que / qu' before its own French), "it" / "this" before être
    # (qu' / que even where it says nothing: être speaks il / ce)
    be: str | tuple = ""  # after the question's subject: the question's être as a code (v.pres.2, av.v.imp.0) or
    # faire's word (fait, faisait); before "it" and the person are read (`asked_be`), ("v" | "av.v", tense, weather)


def question_facts(question: str | None, q_subject: bool, after_q: bool, index: int, there_first: bool) -> tuple:
    """What the question's words read of the clause: whether the word opens the question, the tense of an être
    question's être ("" in any other), whether it is the question's subject or the word after it, and whether
    "there" is the question's second word (is there ...) where the word stands within the window's reach of it."""
    tense = {"be-pres": "pres", "be-past": "imp"}.get(question or "", "")
    return index == 0 and bool(question), tense, q_subject, after_q, bool(tense) and 1 <= index <= WINDOW and there_first


def speaker_facts(me: tuple) -> tuple:
    """What the question's words read of the speaker alone: a question word (where, why, ...), "there", the
    question's subject it may be (a noun or a pronoun but je; "it" / "this"), a verb that takes no être of the
    question (an -ing form, or "e"), a mid adverb, an adjective said with avoir (are you hungry: avez faim), a
    weather adjective, a participle that is no adjective (`_participle_reading`)."""
    kind = me[0]
    return (me[:2] in QUESTION_ADVERBS, me == ("THERE",), kind == "N" or kind == "S" and me[1] != "1s",
            me[-1] if kind == "S" and me[-1] in ("it", "this") else "", kind == "V" and (me[1] == "ing" or me[2] == "e"),
            kind == "ADV" and bool(me[2]), kind == "A" and me[6] == "avoir", kind == "A" and bool(me[3]),
            _participle_reading(me))


def _participle_reading(me: tuple) -> bool:
    """A verb read in a participle's form (past or pp) that is no pronominal state: after an être question's
    subject, a word with an adjective's reading reads as that adjective (`_resolve`: is the shop closed ?), so
    this is a participle English does not use as an adjective, a passive's (was the match cancelled ?)."""
    return me[0] == "V" and me[1] in ("pp", "past") and me[2] != "e"


def _question_participle(window: tuple, clause: dict) -> bool:
    """window[0] is a participle (`_participle_reading`) right after the subject of a question that opens with
    être: the passive's participle, which agrees with the subject; être (the question's, `asked`) is the
    present's after is / are (est-ce que le match est annulé ?) and, after was / were, its passé composé, as
    was / were before an event participle in a statement (`_be_window`: est-ce que le match a été annulé ?).
    Its verb group (with the question's être as its auxiliary) said "était a annulé"."""
    return clause["question"] in ("be-pres", "be-past") and bool(clause["after_q_subject"]) and \
        _participle_reading(window[0])


def _question_participle_plan(window: tuple, clause: dict) -> tuple:
    """The plan of a question's participle (`_question_participle`): été after the question's avoir (the
    first word's passé composé auxiliary, `asked`) in the past, then the participle agreeing with the subject."""
    person, gender = clause["subject"]
    been = ((FIRST_WORD, "v.pp.m.sg"),) if clause["question"] == "be-past" else ()
    return been + ((0, f"v.ppa.{gender}.{_number(_agreeing_person(person))}"),)


def after_facts(after: tuple | None) -> tuple:
    """What the question's words read of the word after the speaker: être, an -ing verb (`_progressive`), a word
    with a weather adjective's reading."""
    return _kind(after) == "BE", _progressive(after), after is not None and bool(readings(after).get("A", (0, 0, False))[2])


def _weather_word(me: tuple, after: tuple) -> bool:
    """A weather adjective, or a mid adverb before a word that may be one (is it often hot), by `speaker_facts`
    and `after_facts`."""
    return bool(me[7] or me[5] and after[2])


def asked(question: tuple, me: tuple, after: tuple) -> Asked:
    """The question's words (`Asked`) from `question_facts`, `speaker_facts` and `after_facts`; an être after the
    subject still to be read with "it" and the person (`asked_be`)."""
    opens, tense, q_subject, after_q, there_first = question
    question_word, there, nominal, it_this, ing, mid, avoir, _, participle = me
    if opens:
        return Asked(opens="after" if question_word else "est-ce")
    if there_first and not there:
        return Asked(there=True)
    subject = ("own" if not it_this or not after[0] else it_this) if q_subject and nominal else ""
    # (is it raining: est-ce qu'il pleut; is it still raining: est-ce qu'il pleut encore: no être of the question)
    # (was the match cancelled ? est-ce que le match a été annulé: the participle says été, `_question_participle`)
    tense = "aux" if participle and tense == "imp" else tense
    be = ("av.v" if avoir else "v", tense, _weather_word(me, after)) if after_q and tense and not (
        ing or mid and after[1]) else ""
    return Asked(subject=subject, be=be)


def asked_be(a: Asked, it_near: bool, person: str) -> Asked:
    """`Asked` with the question's être read: faire's word before a weather word after "it" (is it cold ?
    est-ce qu'il fait froid ?), else être's form (`_agreeing_person`: 'm enough hiccups, no subject)."""
    if not isinstance(a.be, tuple):
        return a
    v, tense, weather = a.be
    if weather and it_near:
        return Asked(a.opens, a.there, a.subject, "fait" if tense == "pres" else "faisait")
    return Asked(a.opens, a.there, a.subject, f"{v}.{tense}.{PERSON_INDEX[_agreeing_person(person)]}")


def asked_words(a: Asked, vowel: bool | None) -> tuple:
    """What the question says before the speaker's own French (`vowel`: whether that starts with a vowel, None
    if it says nothing): est-ce for the question's first word, the question's être (or faire) after its subject,
    que / qu' before the subject, or qu' / que alone for "it" / "this" before être."""
    if a.opens:
        return lit("est-ce") if a.opens == "est-ce" else ()
    if a.there:
        return ()
    que = lit(*_elide(("que",), vowel)) if a.subject and vowel is not None else \
        lit("qu'" if a.subject == "it" else "que") if a.subject in ("it", "this") else ()
    return (lit(a.be) if a.be in ("fait", "faisait") else ((FIRST_WORD, a.be),) if a.be else ()) + que


@dataclass(frozen=True)
class Planned:
    """A speaker's plan as its two sources: the question's words (`Asked`) and its own French (`_own_plan`),
    with whether that starts with a vowel (None: it says nothing), the one fact of it the question reads."""

    asked: Asked
    own: tuple
    vowel: bool | None

    def words(self) -> tuple[tuple, tuple]:
        """(what the question says before the speaker's own French, the rest of the plan)."""
        rest = () if self.asked.opens == "est-ce" else self.own + lit("est-ce") if self.asked.opens else self.own
        return asked_words(self.asked, self.vowel), rest


def planned(window: tuple, after: tuple | None, clause: dict) -> Planned:
    """`plan`'s two sources for window[0] (`Planned`)."""
    i = clause["index"]
    there_first = (window[i - 1] if 1 <= i <= len(window) else None) == ("THERE",)
    question = question_facts(clause["question"], clause["q_subject"], clause["after_q_subject"], i, there_first)
    a = asked_be(asked(question, speaker_facts(window[0]), after_facts(after)), _it_subject(window),
                 clause["subject"][0])
    own = () if a.opens == "est-ce" else _own_plan(window, after, clause)
    return Planned(a, own, _starts_with_vowel(own, window) if own else None)


def _agreeing_person(person: str) -> str:
    """The person être, a participle or an adjective agrees with: a clause with no subject before its verb
    ('imp': an imperative, or être before its subject) agrees in the third person singular (the door is closed,
    is it raining), as a subjectless être is conjugated in `verb_group`."""
    return "3s" if person == "imp" else person


def _progressive(after: tuple | None) -> bool:
    """être before an -ing verb is the English progressive and speaks nothing (she is sleeping: elle dort);
    not before a word that can be an adjective (my job is boring: mon travail est ennuyeux)."""
    return after is not None and after[0] != "UNK" and "ing" in readings(after).get("V", (0, ()))[1] \
        and "A" not in readings(after)


def _own_plan(window: tuple, after: tuple | None, clause: dict) -> tuple:
    me = window[0]
    kind = me[0]
    nxt = _kind(after)
    out: tuple = ()
    if kind in CLOSED_SPEAKERS:
        return closed_plan(me, nxt == "BE", left_facts(window[1] if len(window) > 1 else None),
                           closed_clause(clause["question"], clause["negated"], clause["q_subject"],
                                         _there_question(window, clause), clause["you"]))
    if kind == "DET":
        return determiner_plan(me, determiner_after(after), determiner_before(window[1]),
                               determiner_agreement(clause["subject"]), clause["you"])
    if kind == "N":
        if nxt == "POSS_S":
            return ()
        if me[4] == "weather" and (nxt == "BE" or after == ("AUX", "will")) and window[1] == ("DET", "the"):
            return lit("il")  # the weather is nice: il fait beau
        if me[4] in MODIFIERS:  # the kitchen table: spoken by "table" (la table de cuisine)
            return ()
        out, read, _ = noun_phrase(window, clause)
        if _verbal(after):  # she knows the train is late: elle sait que le train ...
            out = _que(window, read + 1, _starts_with_vowel(out, window)) + out
        if after == ("AGO",):  # two years ago: il y a deux ans ("ago" speaks nothing)
            out = lit("il", "y", "a") + out
    elif kind == "V" and _question_participle(window, clause):
        out = _question_participle_plan(window, clause)
    elif kind == "V":
        role = _verb_role(window)
        gerund = role == "gerund"
        if role in ("infinitive", "gerund"):  # to swim, (likes) swimming: nager
            governing = window[2][3] if window[2] is not None and window[2][0] == "V" else None
            if gerund:  # hates waiting: déteste attendre; stops talking: arrête de parler; before leaving
                governing = window[1][3] if window[1][0] == "V" else "inf:de" if window[1][1] == "avant" else None
            elif window[2] is not None and window[2][0] != "V":
                governing = _infinitive_after(window[2:])
            prefix = (phrasal_verb(me, after) or ("t." if me[2] == "t" else "",))[0]  # de éteindre → d'éteindre
            obj = object_clitic(after, me)  # (happy) to see you: de vous voir
            if governing in ("de", "inf:de"):
                out = lit("d'" if obj in VOWEL_CLITICS else "de") if obj else ((0, prefix + "v.de"),)
            else:
                out = lit(governing.removeprefix("inf:")) if governing in ("inf:à", "inf:pour") else ()
            if obj:
                out += lit(obj) if obj in INVARIABLE_CLITICS else ((0, f"v.cl.{obj}.inf"),)
            out += ((0, prefix + "v.inf"),)
        elif role == "participle":  # the door is closed: a participle that agrees
            person, gender = clause["subject"]
            out = _adverbs_before_predicate(window, after, clause) + (
                (0, f"v.ppa.{gender}.{_number(_agreeing_person(person))}"),)
            if _state_after_been(window, clause):  # (has been closed: a été fermé; since: est fermé depuis)
                out = _state_group(window, after, clause) + out
        else:  # "r.": the pronominal forms of a verb used without an object (le bus s'arrête)
            out = verb_group(window, 0, after, clause, {"r": "r.", "e": "r.", "t": "t."}.get(me[2], ""))
    elif kind == "BE":
        if window[1] == ("TO",):  # (it is going) to be: être, or faire for the weather (il va faire chaud)
            return lit("faire") if _weather(window[2:], after) else ((0, f"{avoir_prefix(after)}v.inf"),)
        if nxt == "NEG" or _progressive(after):  # (the -ing verb speaks; "it" before it is spoken here)
            return lit("il") if _progressive(after) and _ce_subject(window, 0) else ()
        if _before_pronominal_state(me, after):  # (the participle speaks its pronominal verb)
            return ()
        if _perfect_of_be(window, clause) and _predicate_reading(after):  # (the predicate speaks the group)
            return ()
        if _weather(window, after):
            return _with_ce(window, 0, after, _weather_verb(window, clause), weather=True)
        if _intensifier(after) and (_it_subject(window) or _ce_subject(window, 0)):  # "very" speaks the verb
            return ()
        if window[1] is not None and window[1][0] == "THERE":
            tense = {"pres": "a", "past": "avait"}.get(me[1], "a")
            tense = "aura" if clause["question"] == "will" else tense
            no = _negative_word(None, after)  # there is nothing / no wind: il n'y a rien / pas de vent
            return lit("il", "n'", "y", tense, *(() if no in ("rien", "personne") else (no,))) if no else \
                lit("il", "y", tense)
        out = _with_ce(window, 0, after, verb_group(_be_window(window, 0, after), 0, after, clause,
                                                     avoir_prefix(after, window, 0)))
    elif kind == "NEG":
        if window[1] is not None and window[1][0] == "BE" and _progressive(after) and _ce_subject(window, 1):
            out = lit("il")  # it is not raining: il ne pleut pas
        elif window[1] is not None and window[1][0] == "BE" and _weather(window[1:], after):
            out = _with_ce(window, 1, after, lit("ne") + _weather_verb(window[1:], clause) + lit(me[1]), weather=True)
        elif window[1] is not None and window[1][0] == "BE" and not _progressive(after) and \
                not _before_pronominal_state(window[1], after):
            out = _with_ce(window, 1, after, verb_group(_be_window(window, 1, after), 1, after, clause,
                                                         avoir_prefix(after, window, 1)))
    elif kind in ("AUX", "HAVE_AUX"):
        return ()
    elif kind == "A":
        if window[1] is not None and window[1][0] == "N" and window[1][4] == "year" and window[2] is not None and \
                window[2][0] == "NUM":
            return ()  # six years old: six ans (être speaks avoir)
        predicative = window[1] is not None and window[1][0] == "BE"
        if after is not None and nxt in ("N", "A", "OPEN", "UNK") and _noun_capable(after) and not predicative:
            return ()
        if predicative and after is not None and "N" in readings(after) and after[0] != "UNK" and \
                _predicate_noun(_noun(after, readings(after))):  # (horses are) big animals: the noun speaks it
            return _state_group(window, after, clause) if _state_after_been(window, clause) else ()  # (de grands animaux)
        if _indefinite_pronoun(window[1]) and window[1][1] != "plus":  # (not any more: plus cher)
            return lit("d'" if me[2] else "de") + ((0, "a.m.sg"),)  # nothing new, anything green: rien de nouveau
        person, gender = clause["subject"]
        person = _agreeing_person(person)
        weather = _weather_context(window) or _weather_question(window, clause)
        code = "a.w" if me[3] and weather else f"a.{gender}.{_number(person)}"
        out = _adverbs_before_predicate(window, after, clause) + _degree(window, 0, set()) + ((0, code),)
        if window[1] == ("DET", "the") and me[4] in ("sup", "sup1"):  # the best with no noun after it: the
            out = lit(DEFINITE[gender, _number(person)]) + out  # adjective speaks "the" (est la meilleure)
        if _state_after_been(window, clause):  # (has been ill: a été malade; for a week: est malade depuis)
            out = _state_group(window, after, clause) + out
    elif kind == "ADV":
        if me[2] and (nxt in ("V", "OPEN", "AUX", "HAVE", "BE", "UNK") or nxt == "A" and _be_before((after, *window))):
            return ()  # (a mid adverb before a predicate: the predicate speaks it)
        if _end_adverb(me) and _spoke_end_adverb(window[1:], clause):
            return ()  # is dirty again: est encore sale, warm enough: assez chaud (the predicate spoke it)
        if _in_perfect(window, clause):
            return ()  # slept well: a bien dormi (the verb spoke it)
        if me[1] == "très" and window[1] is not None and window[1][0] in NP_START and nxt in ("A", "OPEN"):
            return ()
        out = own(0, OWN, me[1])
        if quantity_adverb(me) and window[1] is not None and window[1][0] == "V" and \
                object_preposition(window[1][3]) == "de" and nxt in ("N", "A", "OPEN", "UNK"):
            out = lit("de") + out  # needs more staff: a besoin de plus de personnel (the verb's de, then more's)
        if _intensifier(me) and window[1] is not None and window[1][0] == "BE" and (
                _it_subject(window[1:]) or _ce_subject(window, 1)):
            weather = _weather(window[1:], after)  # il fait très froid, c'est très bon
            out = _with_ce(window, 1, after, _weather_verb(window[1:], clause) if weather
                           else verb_group(window, 1, after, clause), weather) + out
    elif kind == "OADV":
        out = ((0, "adv"),)
    elif kind in ("PREP", "NUM"):
        if nxt in BEFORE_A_PHRASE and not (
                kind == "NUM" and _time_adjective(after)) and not (
                kind == "NUM" and nxt == "NUM" and not number_run((after, *window), 1)) or (
                kind == "PREP" and nxt == "POSS_S"):
            return ()  # (a number before a number it is no part of speaks itself: 1 2 3)
        if me == ("PREP", "à") and after is not None and after[:2] in (("PREP", "sur"), ("PREP", "autour de")):
            return ()  # at about / around seven: vers sept heures (spoken by the number)
        minutes = window[1][1] if kind == "NUM" and window[1] is not None and window[1][0] == "MINUTES" else None
        run = number_run(window, 1) if kind == "NUM" and not minutes else ()  # two hundred: deux cents
        d = (2 if minutes else 1) + len(run)
        at = window[d]  # (at) half past eight
        prep = at[1] if kind == "NUM" and at is not None and at[0] == "PREP" else None
        prep = NUMBER_PREPOSITIONS.get(prep, prep)  # in 1998: en 1998; around six: vers six
        # at / until / before / after / around eight, half past eight, five o'clock: (jusqu') à huit heures (et demie)
        clock = bool(minutes) or prep is not None and prep.split()[-1] in ("à", "avant", "après", "vers") or \
            kind == "NUM" and after is not None and after[0] == "PART" and after[1] in ("o", "clock")
        fr = me[1] if isinstance(me[1], str) else me[1][clock]
        said = CLOCK if clock else OWN  # (each code of the number's own table: `own_forms`)
        if kind == "PREP" and after is not None and after[0] == "ADV" and starts_with_vowel(after[1]):
            return own(0, said_as(me, ELIDED), fr)  # près d'ici
        if kind == "PREP":  # on its own: près (de), à l'intérieur (de); outside: dehors
            return own(0, said_as(me, ALONE), _alone(fr))
        before = own(d, said_as(at, BEFORE_NUMBER), prep) if prep else ()
        if clock and len(run) == 1:  # at six thirty: à six heures trente (the hour, then the minutes)
            return before + own(1, CLOCK, _number_french(run[0][1], True)) + ((1, CLOCK + "hours"),) + \
                own(0, OWN, fr)
        number = tuple(e for k, r in run for e in own(k, OWN, _number_french(r))) + (
            own(0, TIMES, "cents") if _times(run, fr) != fr else own(0, said, fr))  # deux cents
        if _age(window, 0, after):  # she is ten: elle a dix ans
            return number + ((0, said + "years"),)
        if clock and fr != "zéro":  # at eight: à huit heures (a time)
            out = before + number + ((0, CLOCK + "hours"),) + (own(1, OWN, minutes) if minutes else ())
        else:
            out = before + number
    elif kind == "CONJ":  # parce qu'il, s'il
        if me[1] == "et" and _number_word(window[1]) and window[1][1] in ("cent", "mille") and _number_word(after):
            return ()  # two thousand and ten: deux mille dix (French joins them with no et)
        if me[1] == "parce que" and after is not None and after[0] == "PREP" and after[1] == "de":
            return lit("à", "cause")  # because of the rain: à cause de la pluie ("of" speaks de)
        elided = after is not None and after[0] == "S" and after[3] in SUBJECT_ELIDES
        words = _elided_conjunction(me[1].split(), after[3] in ("il", "ils")) if elided else me[1].split()
        out = own_entries(lit(*words), (0, me), 0, (OWN, ELIDED))  # its own codes (a literal named the word)
    elif kind == "OBJ":  # after a verb its clitic is spoken by the verb; after a preposition: avec moi
        after_verb = window[1] is not None and window[1][0] in ("V", "BE")
        # its stressed form by its code (`stressed_saying`), after the preposition its verb gives it
        if after_verb and me[3:] != ("in place",) and me[1] != "la":  # compter sur vous; (je le vois)
            words = pronoun_object(window[1], me).in_place
            return lit(*words[:-1]) + own(0, stressed_saying(me), words[-1]) if words else ()
        out = lit(me[1]) if after_verb and me[1] == "la" else own(0, stressed_saying(me), me[2])  # her: in place
    elif kind in ("TO", "PART", "FRONT"):
        out = ()
    return out


# A closed word's plan — a subject pronoun's, punctuation's, a pronoun's (ça), nothing / nobody, any-, a lot, a bit,
# there — is decided by the word itself, whether être follows it, three facts of the word right before it and a
# few of the clause, never by the rest of the window: the translator computes it from those views in small
# lookups and hands what it says before its own French (the part `french_positions.BEFORE`: here all of it but a
# subject pronoun's own code) to step 4 apart from the window's plan (docs/nlp.md, trc17).
CLOSED_SPEAKERS = ("S", "PUNCT", "PRON", "NOTHING", "ANY", "LOT", "BIT", "THERE")
SUBJECT_ELIDES = ("il", "elle", "ils", "elles")  # que before them is qu' (elle dit qu'elle ...)


# A word a preposition, a determiner or a number stands before as part of its phrase: the phrase speaks them (a
# determiner speaks on its own only where no such word follows it).
BEFORE_A_PHRASE = ("DET", "NUM", "N", "A", "OPEN", "UNK", "VERY", "LOT", "BIT", "FRONT", "MINUTES")


# A determiner that speaks on its own (all, much, each, mine, no: i like them all, fifteen euros each, next to
# mine) says nothing of its own table: its whole plan is what it says before its own French (the part
# `french_positions.BEFORE`), decided by the word, a view of the word after it, a view of the word right before it
# and the subject's agreement — never the rest of the window; the translator computes it from those views in
# small lookups, as a closed word's (docs/nlp.md, trc18).
def determiner_after(after: tuple | None) -> tuple:
    """What a determiner's plan reads of the word after it: an intensifier (much too: beaucoup trop), a word its
    phrase speaks it with (`BEFORE_A_PHRASE`), the end of a clause (the book is his), a preposition (each of
    them: chacun), a word that starts a verb group (where "each" says no chacun)."""
    nxt = _kind(after)
    return nxt == "VERY", nxt in BEFORE_A_PHRASE, nxt in ("PUNCT", "CONJ", "START"), nxt == "PREP", _verbal(after)


def determiner_before(before: tuple | None) -> tuple:
    """What a determiner's plan reads of the word right before it: être (mine after être: à moi), "too" (too
    much: trop), a preposition (its words, contracted with the possessive pronoun's article: à côté du mien);
    () for any other word or none."""
    if before is not None and before[0] == "BE":
        return ("BE",)
    return before[:2] if before is not None and (before[0] == "PREP" or before[:2] == ("ADV", "trop")) else ()


def determiner_agreement(subject: tuple) -> tuple:
    """The subject's (gender, number) a possessive pronoun agrees with (`_agreeing_person`) — "each"'s chacune
    reads the gender alone."""
    person, gender = subject
    return gender, _number(_agreeing_person(person))


def determiner_plan(me: tuple, after: tuple, before: tuple, agreement: tuple, you: str) -> tuple:
    """The plan of a determiner (`me`, kind DET) from `determiner_after`, `determiner_before`,
    `determiner_agreement` and how "you" is said."""
    very, in_phrase, clause_end, prep, verbal = after
    word = me[1]
    if word == "much" and very:  # much too salty: beaucoup trop salée
        return lit("beaucoup")
    if in_phrase or _after_too(word, before):  # (its noun phrase speaks it; he eats too much: trop)
        return ()
    if word in OWNERS and (word != "his" or clause_end):  # (his driving test)
        return _possessive_pronoun(word, before, agreement, you)
    if word == "each" and not verbal:  # fifteen euros each: chacun (each of them)
        return lit("chacune" if agreement[0] == "f" and not prep else "chacun")
    return lit(DETERMINER_ALONE[word]) if word in DETERMINER_ALONE else ()


# The speakers whose part `BEFORE` the translator computes from views, apart from the window's plan.
BEFORE_APART = (*CLOSED_SPEAKERS, "DET")


def left_facts(before: tuple | None) -> tuple:
    """What a closed word's plan reads of the word right before it (`closed_plan`): a verb (it speaks the
    nothing / anything after it: je ne vois rien), a verb of saying or thinking (que / qu' before a subject
    pronoun: elle dit qu'elle ...), "and" (my sister and i: moi)."""
    return before is not None and before[0] == "V", _que_verb(before), before == ("CONJ", "et")


def closed_clause(question: str | None, negated: bool, q_subject: bool, there_question: bool, you: str) -> tuple:
    """What a closed word's plan reads of its clause: an être question's kind (any other question only as
    asked at all), negation, whether the word is the question's subject, whether the question opens with
    "is there" (`_there_question`), and how "you" is said."""
    return question if question in ("be-pres", "be-past") else bool(question), negated, q_subject, there_question, you


def closed_plan(me: tuple, after_be: bool, left: tuple, clause: tuple) -> tuple:
    """The plan of a closed word (`CLOSED_SPEAKERS`) from its reading, whether être follows it, `left_facts`
    of the word before it and `closed_clause`."""
    verb_before, que_before, and_before = left
    question, negated, q_subject, there_question, you = clause
    kind = me[0]
    if kind == "S":
        if me[-1] in ("it", "this") and after_be:  # être speaks it: (qu') il est, c'est, il fait (see _with_ce)
            return _que_word(me[-1] == "it") if que_before else ()
        if me[-1] == "this":  # est-ce que c'est / ce sont
            return lit("c'" if question == "be-past" or question == "be-pres" and me[1] == "3s" else "ce")
        out: tuple = ()
        if me[1] == "1s" and and_before:  # my sister and i: ma sœur et moi
            out = lit("moi")
        elif me[1] != "1s":  # its own form, by its code (tu for vous, when the sentence says tu)
            out = lit("tu") if me[3] == "vous" and you == "tu" else own(0, OWN, me[3])
        elif q_subject and question in ("be-pres", "be-past"):  # est-ce que j' étais
            out = lit("que") + ((FIRST_WORD, f"v.je.{'pres' if question == 'be-pres' else 'imp'}.0"),)
        elif q_subject:  # est-ce que + the verb group's je
            out = lit("que")
        return (_que_word(me[3] in SUBJECT_ELIDES) if que_before else ()) + out
    if kind in ("PUNCT", "PRON"):
        return lit(me[1])
    if kind == "NOTHING":  # after a verb the verb speaks it: je ne vois rien
        return () if verb_before else lit(me[1])
    if kind == "ANY" and me[1] == "plus":  # any more: the negated verb before it spoke plus; encore in a question
        # (do you want any more tea ?); else it says nothing: after an object its verb could not see it, and
        # outside a question it stands in a negative clause (there are no fish in the canal any more)
        return lit(me[2]) if question and not negated else ()
    if kind == "ANY":  # under a negation as nothing (je ne vois rien); else quelque chose, quelqu'un
        return () if verb_before and negated else lit(me[2])
    if kind == "LOT":  # a lot (of): beaucoup (de)
        return lit("beaucoup")
    if kind == "BIT":  # a bit (of): un peu (de)
        return lit("un", "peu")
    if there_question:  # THERE: is there a bank ? est-ce qu'il y a une banque ?
        return lit("qu'", "il", "y", "a" if question == "be-pres" else "avait")
    return () if after_be else lit("là")
