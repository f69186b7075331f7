"""English→French translation as a causal RASP program: the next French word from `english SEP french…`.

The grammar, as the program reads it:

1. Every English word has a class and a lemma (lexicon tables): the→DEF, small→ADJ_PRE, cats→NOUN, ...
2. **A phrase is spoken by its last word.** English noun phrases end with their noun, so the noun sees
   the whole phrase to its left — preposition, determiner, adjectives, and the verb before it — and
   plans the French of the phrase: "to the small black cats" → au|aux petits chats noirs. The verb plans
   [je|j'] [ne|n'] verb [pas] ("i do not like" ends at like), "not" after être plans [ne|n'] est pas,
   and the word after être speaks être's form. Words whose French another word speaks plan nothing.
   Because every plan looks only to the left, the program means the same in a causal model.
3. A plan is a short list of (distance back to the source word, role): for "to the small black cats",
   ((4, PREP+), (2, ADJ_LAST_PRE), (0, NOUN), (1, ADJ)) — aux petits chats noirs. Its length is how
   many French words the carrier speaks; the determiner "the" speaks nothing of its own here.
4. Counting plans from the left gives every carrier its span of French positions; the last position
   (having seen j French words so far) picks the carrier whose span holds j, the entry j − start of its
   plan, and the source word that entry points to.
5. The role becomes a form code there: noun-phrase roles with the carrier's gender, number and vowel;
   verb roles with the subject (person and gender: the first noun or pronoun, plural if "and" joins
   two, masculine unless all are feminine). The French dictionary gives the word: FORM(entry, code), the
   entry being the source word's French entry. Past the last span the answer is EOS.

The grammar reads two word tables (`WordTables`): English lemma -> French entry, and noun -> gender.
`program()` fills them from the lexicon; `library.nlp.translation_sketch` leaves them to learn.

Unknown English words are the token UNK, read as a masculine singular noun and translated as UNK.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from weightsmith import rasp
from weightsmith.library.nlp.notation import combine, count_upto, feature, first, lexicon, previous
from weightsmith.tasks.nlp.lexicon import (
    BE_FORMS,
    BE_WORDS,
    DETERMINERS,
    LEXICON,
    NEGATIONS,
    PERSONS,
    PRONOUNS,
    starts_with_vowel,
)

SEP = "SEP"
EOS = "EOS"
UNK = "UNK"
MAX_SEQ_LEN = 32  # English + SEP + French so far
LOOKBACK = 4  # a carrier reads at most this many words to its left
MAX_PLAN = 5  # the longest plan: à la petite maison rouge

DET_CLASS = {"the": "DEF", "a": "INDEF", "an": "INDEF", "some": "SOME", "any": "ANY", "this": "DEM", "these": "DEM"}
DETERMINER_CLASSES = ("DEF", "INDEF", "SOME", "ANY", "DEM", "POSS")

# Form codes, per kind of word: a code is an index into the word's list of forms.
DET_CODES = ("m", "f", "mv", "fv", "pl", "pl_adj", "neg", "neg_v", "f#2", "mv#2", "fv#2")
ADJ_CODES = ("m.sg", "f.sg", "m.pl", "f.pl", "m.sg.v")
PREP_CODES = ("plain", "+le", "+les", "elide")
VERB_CODES = tuple(f"p:{p}" for p in PERSONS) + tuple(f"ne:{p}" for p in PERSONS) + ("je",)
END_CODE = max(len(DET_CODES), len(ADJ_CODES), len(PREP_CODES), len(VERB_CODES))
DET_PARTNER = {"a": "some", "an": "some", "any": "some", "this": "these", "these": "this", "some": "a"}
CONTRACT = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}


# ------------------------------------------------------------------------------------------ lexicon


def word_class(word: str) -> str:
    lex = LEXICON
    if word in lex.nouns or word == UNK:
        return "NOUN"
    if word in lex.names:
        return "NAME"
    if word in lex.adjectives:
        return "ADJ_PRE" if lex.adjectives[word].prenominal else "ADJ_POST"
    if word in lex.determiners:
        return DET_CLASS.get(word, "POSS")
    if word in lex.verbs:
        return "VERB"
    if word in lex.prepositions:
        return "PREP_C" if lex.prepositions[word].contracts else "PREP"
    return {
        "i": "PRON_I", "am": "BE", "is": "BE", "are": "BE", "do": "DO", "does": "DO", "not": "NOT", "n't": "NOT",
        "and": "AND", ".": "PUNCT", SEP: "SEP",
    }.get(word, "PRON" if word in PRONOUNS else "OTHER")


def lemma(word: str) -> str:
    """The dictionary entry a word's French forms hang on: cats → n:cat, eats → v:eat, is → be."""
    lex = LEXICON
    if word in lex.nouns:
        return "n:" + lex.nouns[word][0].en_sg
    if word in lex.verbs:
        return "v:" + lex.verbs[word][0].en_base
    if word in BE_WORDS:
        return "be"
    if word == "an":
        return "d:a"
    for prefix, table in (("a:", lex.adjectives), ("d:", lex.determiners), ("p:", lex.prepositions),
                          ("name:", lex.names)):
        if word in table:
            return prefix + word
    if word in PRONOUNS:
        return "pron:" + word
    if word in NEGATIONS:
        return "not"
    return word if word in ("and", ".", UNK) else "-"


def english_vocabulary() -> list[str]:
    return sorted(set(LEXICON.english_words()) | {UNK})


def noun_shape(word: str) -> tuple | str:
    """What English says of a noun or name: (number, mass, its gender if English fixes it); '-' otherwise.

    English fixes no gender, except for UNK, read as a masculine noun; the others come from the word
    tables (`WordTables.gender`)."""
    if word in LEXICON.nouns:
        noun, number = LEXICON.nouns[word]
        return number, noun.mass, None
    if word in LEXICON.names:
        return "sg", False, None
    if word == UNK:
        return "sg", False, "m"
    return "-"


def with_gender(shape: tuple | str, gender: str) -> tuple | str:
    """(number, mass, gender) of a noun or name: English's gender if it fixes one, else the table's."""
    return "-" if shape == "-" else (shape[0], shape[1], shape[2] or gender)


def noun_features(gendered: tuple | str, entry: str) -> tuple | str:
    """(gender, number, vowel, mass) of a noun or name, its vowel from its French entry (the first sound
    decides elision); '-' for other words."""
    if gendered == "-":
        return "-"
    number, mass, gender = gendered
    return gender, number, french_dictionary().vowel.get(entry, False), mass


def head_shape(word: str) -> str:
    """"person.gender" (3p.f) of a pronoun; "3s" / "3p" of a noun or name (its gender comes from the word
    tables); '-' for a word that cannot head a subject."""
    if word in PRONOUNS:
        _, person, gender = PRONOUNS[word]
        return f"{person}.{gender}"
    if word == UNK:
        return "3s.m"
    shape = noun_shape(word)
    return "-" if shape == "-" else "3s" if shape[0] == "sg" else "3p"


def head_features(shape: str, gender: str) -> str:
    return shape if shape == "-" or "." in shape else f"{shape}.{gender}"


@lru_cache(maxsize=None)
def _forms() -> dict[str, tuple[str, ...]]:
    """lemma -> its French forms, indexed by form code."""
    lex = LEXICON
    forms: dict[str, tuple[str, ...]] = {}
    for noun, _ in lex.nouns.values():
        forms["n:" + noun.en_sg] = (noun.fr_sg, noun.fr_pl or noun.fr_sg)
    for adj in lex.adjectives.values():
        forms["a:" + adj.en] = (*adj.forms, adj.before_vowel or adj.forms[0])
    dets = {det.en: det.forms for det in DETERMINERS}
    for det in DETERMINERS:
        row = []
        for code in DET_CODES:
            base, _, second = code.partition("#")
            # a determiner used against its number (a cats, this pens, any outside a negation) takes
            # the form of its partner that fits (des, ces, du), so every sentence gets a translation
            options = [dets[name].get(base) for name in (det.en, DET_PARTNER.get(det.en, "the"), "the")]
            tokens = next(o for o in options + ["?"] if o).split()
            row.append(tokens[1] if second and len(tokens) > 1 else tokens[0] if not second else "?")
        forms["d:" + det.en] = tuple(row)
    for prep in lex.prepositions.values():
        forms["p:" + prep.en] = (
            prep.fr,
            CONTRACT.get((prep.fr, "le"), prep.fr),
            CONTRACT.get((prep.fr, "les"), prep.fr),
            "d'" if prep.fr == "de" else prep.fr,
        )
    for verb, _ in lex.verbs.values():
        forms["v:" + verb.en_base] = _verb_forms(verb.fr)
    forms["be"] = _verb_forms(BE_FORMS)
    for name in lex.names.values():
        forms["name:" + name.en] = (name.fr,)
    for word, (fr, _, _) in PRONOUNS.items():
        forms["pron:" + word] = (fr,)
    forms |= {"not": ("pas",), "and": ("et",), ".": (".",), UNK: (UNK,)}
    return forms


def _verb_forms(person_forms: dict[str, str]) -> tuple[str, ...]:
    finite = tuple(person_forms[p] for p in PERSONS)
    ne = tuple("n'" if starts_with_vowel(f) else "ne" for f in finite)
    je = "j'" if starts_with_vowel(person_forms["1s"]) else "je"
    return (*finite, *ne, je)


@dataclass(frozen=True)
class FrenchDictionary:
    """The French side of the lexicon, apart from the English one.

    `rows` and `vowel` are French vocabulary: an entry (its kind and first form, "n:chat", "v:mange")
    and its forms by form code; whether a noun or name starts with a vowel sound. `entry_of` and
    `gender_of` are the two word tables that tie English to it: English lemma -> French entry
    (his and her both -> "d:son"), English noun or name -> gender. A sketch leaves the last two to learn.
    """

    rows: dict[str, tuple[str, ...]]
    vowel: dict[str, bool]
    entry_of: dict[str, str]
    gender_of: dict[str, str]


@lru_cache(maxsize=None)
def french_dictionary() -> FrenchDictionary:
    lex = LEXICON
    rows: dict[str, tuple[str, ...]] = {}
    entry_of: dict[str, str] = {}
    for lemma_, row in _forms().items():
        kind = "v:" if lemma_ == "be" else lemma_.partition(":")[0] + ":" if ":" in lemma_ else ""
        name = kind + row[0]
        while name in rows and rows[name] != row:  # two entries with one first form: number the second
            name += "'"
        rows[name] = row
        entry_of[lemma_] = name
    vowel, gender_of = {}, {}
    for noun, _ in lex.nouns.values():
        vowel[entry_of["n:" + noun.en_sg]] = noun.vowel
        gender_of["n:" + noun.en_sg] = noun.gender
    for name in lex.names.values():
        vowel[entry_of["name:" + name.en]] = name.vowel
        gender_of["name:" + name.en] = name.gender
    return FrenchDictionary(rows, vowel, entry_of, gender_of)


def form(entry: str, code: int) -> str | None:
    """FORM(French entry, code): the French word; EOS past the end; None for a pair no sentence needs."""
    if code == END_CODE:
        return EOS
    row = french_dictionary().rows.get(entry, ())
    word = row[code] if code < len(row) else None
    return None if word == "?" else word


# ------------------------------------------------------------------------------------- reading

# What a word is, for the purpose of speaking (its own kind) and of being read by a later word.
OWN_KIND = {"NOUN": "NOUN", "NAME": "NAME", "VERB": "VERB", "NOT": "NOT", "ADJ_PRE": "ADJ", "ADJ_POST": "ADJ",
            "PREP": "PREP", "PREP_C": "PREP_C", "PRON": "SELF", "AND": "SELF", "PUNCT": "SELF",
            **{c: "DET" for c in DETERMINER_CLASSES}}
READ_AS = {"ADJ_PRE": "PRE", "ADJ_POST": "POST", "DEF": "DEF", "INDEF": "INDEF", "ANY": "INDEF", "SOME": "SOME",
           "DEM": "DET", "POSS": "DET", "PREP_C": "PREP_C", "VERB": "VERB", "NOT": "NOT", "DO": "DO", "BE": "BE",
           "PRON_I": "I"}
DETERMINER_READINGS = ("DEF", "INDEF", "SOME", "DET")


def read_left(state: tuple, seen: str) -> tuple:
    """One step of a word reading its phrase right to left: (own kind, what it kept, still reading?).

    It keeps only what changes its French, and stops as soon as nothing further can:
    a noun keeps up to two adjectives, its determiner, and then a contracting preposition (à, de) or —
    for a / some / any, which become "de" after a negated verb — the verb; a verb keeps [i] [do not];
    "not" keeps the être before it (and i); the word after être keeps être (and i).
    """
    own, kept, reading = state
    if not reading:
        return state
    stop, go = (own, kept + (seen,), False), (own, kept + (seen,), True)
    closed = (own, kept, False)
    if own == "NOUN":
        adjectives = sum(k in ("PRE", "POST") for k in kept)
        has_det = any(k in DETERMINER_READINGS for k in kept)
        if not has_det:
            if seen in ("PRE", "POST") and adjectives < 2:
                return go
            if seen in DETERMINER_READINGS:
                return go
            return stop if seen == "PREP_C" else closed
        det = next(k for k in kept if k in DETERMINER_READINGS)
        if seen == "PREP_C" or (seen == "VERB" and det in ("INDEF", "SOME")):
            return stop
        return closed
    if own == "NAME":
        return stop if seen == "PREP_C" else closed
    if own == "VERB":
        if kept == ():
            return go if seen == "NOT" else stop if seen == "I" else closed
        if kept == ("NOT",):
            return go if seen == "DO" else closed
        return stop if seen == "I" else closed
    if own in ("NOT", "ADJ", "PREP", "PREP_C", "DET"):
        if kept == ():
            return go if seen == "BE" or (seen == "NOT" and own != "NOT") else closed
        if kept == ("BE",):
            return stop if seen == "I" else closed
        return stop if kept == ("NOT",) and seen == "BE" else closed
    return closed


def noun_phrase_shape(state: tuple) -> tuple:
    """(adjectives in English order, determiner reading or None, contracting preposition?, after a verb?)."""
    _own, kept, _ = state
    adjectives = tuple(reversed([k for k in kept if k in ("PRE", "POST")]))
    det = next((k for k in kept if k in DETERMINER_READINGS), None)
    return adjectives, det, "PREP_C" in kept, "VERB" in kept


def determiner_situation(state: tuple) -> str:
    """What decides how many words the determiner becomes: '-' (none), DEF+PREP, SOME, OTHER (+ _PRE)."""
    if state[0] != "NOUN":
        return "-"
    adjectives, det, prep, _ = noun_phrase_shape(state)
    if det is None:
        return "-"
    pre = "_PRE" if "PRE" in adjectives else ""
    if det == "DEF" and prep:
        return "DEF+PREP" + pre
    return ("SOME" if det == "SOME" else "OTHER") + pre


def agreement(features: tuple | str) -> str:
    """The noun's agreement as 'gender.number.vowel' (f.pl.v); '-' for a word that is no noun or name."""
    if features == "-":
        return "-"
    gender, number, vowel, _mass = features
    return f"{gender}.{number}.{'v' if vowel else 'c'}"


def determiner_words(situation: str, agr: str, negated_object: bool) -> int | None:
    """How many French words the determiner is: 0 (contracted into au/aux/du/des), 1, or 2 (de la, de l')."""
    if situation == "-":
        return 0
    if agr == "-":
        return None
    gender, number, vowel = agr.split(".")
    next_vowel = vowel == "v" and not situation.endswith("_PRE")
    if situation.startswith("DEF+PREP"):
        return 0 if number == "pl" or (gender == "m" and not next_vowel) else 1
    if situation.startswith("SOME") and number == "sg" and not negated_object and (gender == "f" or next_vowel):
        return 2
    return 1


def with_negation(state: tuple, negated: bool) -> tuple:
    """The reading, plus whether it ends a direct object of a negated verb (a / some / any → de)."""
    return state, negated and state[0] == "NOUN" and noun_phrase_shape(state)[3]


def plan(reading: tuple, features: tuple | str) -> tuple | None:
    """The French a word speaks, from its reading and (for a noun) its own features."""
    state, negated_object = reading
    det_words = determiner_words(determiner_situation(state), agreement(features), negated_object)
    if det_words is None:
        return None
    return _plan(state, det_words, negated_object)


def _plan(state: tuple, det_words: int, negated_object: bool) -> tuple | None:
    """The French a word speaks, in order: ((distance back to the source word, role), ...).

    Roles: SELF (the source word's only form), NOUN, ADJ / ADJ_LAST_PRE (agreeing with the noun),
    DET / DET_PRE / SOME / SOME_PRE / SOME2 (determiner forms), PREP / PREP+ (contracted) / PREP_NAME
    (de → d' before a vowel name) and, settled by the subject: V (finite verb), NE, JV (je/j'), PRED.
    """
    own, kept, _ = state
    if own == "NOUN":
        return _noun_phrase_plan(state, det_words, negated_object)
    if det_words:
        return None  # only a noun has a determiner
    if own == "NAME":
        return ((1, "PREP_NAME"), (0, "SELF")) if kept == ("PREP_C",) else ((0, "SELF"),)
    if own == "VERB":
        return {
            ("NOT", "DO", "I"): ((3, "SELF"), (0, "NE"), (0, "V"), (1, "SELF")),
            ("NOT", "DO"): ((0, "NE"), (0, "V"), (1, "SELF")),
            ("I",): ((0, "JV"), (0, "V")),
        }.get(kept, ((0, "V"),))
    etre = {("BE", "I"): ((2, "SELF"), (1, "V")), ("BE",): ((1, "V"),)}.get(kept, ())
    if own == "NOT":
        return {("BE", "I"): ((2, "SELF"), (1, "NE"), (1, "V"), (0, "SELF")),
                ("BE",): ((1, "NE"), (1, "V"), (0, "SELF"))}.get(kept, ())
    if own == "ADJ":
        return etre + ((0, "PRED"),) if etre or kept == ("NOT", "BE") else ()
    if own == "PREP":
        return etre + ((0, "SELF"),)
    if own in ("PREP_C", "DET"):
        return etre
    return ((0, "SELF"),) if own == "SELF" else ()


def _noun_phrase_plan(state: tuple, det_words: int, negated_object: bool) -> tuple | None:
    adjectives, det, prep, _ = noun_phrase_shape(state)
    if (det is None) != (det_words == 0) and not (det == "DEF" and prep) or (det_words == 2 and det != "SOME"):
        return None
    n = len(adjectives)
    out: list[tuple[int, str]] = []
    if prep:
        contracted = det is not None and det_words == 0
        out.append((n + 1 + (det is not None), "PREP+" if contracted else "PREP"))
    if det_words:
        pre = "_PRE" if "PRE" in adjectives else ""
        kind = "NEG" if negated_object else "SOME" if det == "SOME" else "DET"
        out.append((n + 1, kind + pre))
        if det_words == 2:
            out.append((n + 1, "SOME2" + pre))
    distances = {i: n - i for i in range(n)}  # adjective i (English order) is n - i words back
    pres = [i for i, a in enumerate(adjectives) if a == "PRE"]
    out += [(distances[i], "ADJ_LAST_PRE" if i == pres[-1] else "ADJ") for i in pres]
    out.append((0, "NOUN"))
    out += [(distances[i], "ADJ") for i, a in enumerate(adjectives) if a == "POST"]
    return tuple(out)


def _index(codes: tuple[str, ...], name: str) -> int | None:
    """The code called `name`, None for a combination no sentence needs (it then costs no weights)."""
    return codes.index(name) if name in codes else None


def noun_code(role: str, agr: str) -> int | str | None:
    """A role's form code where the noun decides it; subject roles (V, NE, JV, PRED, END) pass through."""
    if role in ("V", "NE", "JV", "PRED", "END"):
        return role
    if role == "SELF":
        return 0
    if agr == "-":
        return None
    gender, number, vowel = agr.split(".")
    vowel = vowel == "v"
    if role == "NOUN":
        return 0 if number == "sg" else 1
    if role in ("ADJ", "ADJ_LAST_PRE"):
        if role == "ADJ_LAST_PRE" and vowel and gender == "m" and number == "sg":
            return _index(ADJ_CODES, "m.sg.v")
        return _index(ADJ_CODES, f"{gender}.{number}")
    if role == "PREP+":
        return _index(PREP_CODES, "+le" if number == "sg" else "+les")
    if role == "PREP":
        return _index(PREP_CODES, "plain")
    if role == "PREP_NAME":
        return _index(PREP_CODES, "elide" if vowel else "plain")
    next_vowel = vowel and not role.endswith("_PRE")
    if role.startswith("SOME2"):
        return _index(DET_CODES, gender + ("v" if next_vowel else "") + "#2")
    if role.startswith("NEG"):
        return _index(DET_CODES, "neg_v" if next_vowel else "neg")
    if number == "pl":
        return _index(DET_CODES, "pl_adj" if role == "SOME_PRE" else "pl")
    return _index(DET_CODES, gender + ("v" if next_vowel else ""))


def subject_code(code: int | str, subject: str) -> int:
    """The form code of a role the subject settles (its "person.gender"); numbers pass through."""
    if isinstance(code, int):
        return code
    person, gender = subject.split(".") if subject != "-" else ("3s", "m")
    if code == "V":
        return VERB_CODES.index(f"p:{person}")
    if code == "NE":
        return VERB_CODES.index(f"ne:{person}")
    if code == "JV":
        return VERB_CODES.index("je")
    if code == "PRED":
        return ADJ_CODES.index(f"{gender}.{'sg' if person in ('1s', '3s') else 'pl'}")
    return END_CODE


# ----------------------------------------------------------------------------------------- program

THRESHOLDS = {t: (MAX_SEQ_LEN - 1) // t for t in range(1, MAX_PLAN + 1)}  # carriers speaking >= t words


def _add(name: str, a: rasp.SOp, b: rasp.SOp) -> rasp.SOp:
    """a + b for counts; sums past MAX_SEQ_LEN are past every French position, so they are clipped."""
    return combine(name, lambda x, y: min(x + y, MAX_SEQ_LEN), a, b)


@dataclass(frozen=True)
class WordTables:
    """How the grammar gets its two word tables, each built on the s-op it reads: `french` on the English
    lemma (UNK's is UNK, a word without one reads "-"), giving the French entry; `gender` on the noun lemma (a noun's
    or name's lemma, "-" for other words), giving "m" or "f". The translator looks them up
    (`true_tables`); a sketch makes them holes (`library.nlp.translation_sketch`)."""

    french: Callable[[rasp.SOp], rasp.SOp]
    gender: Callable[[rasp.SOp], rasp.SOp]


def true_tables() -> WordTables:
    dictionary = french_dictionary()
    return WordTables(
        french=lambda lem: lexicon("french_entry", dictionary.entry_of, lem, default="-"),
        gender=lambda noun: lexicon("gender", dictionary.gender_of, noun, default="m"),
    )


def program() -> rasp.SOp:
    """The next French word (or EOS), at every position; read it at the last one."""
    return build(true_tables())


def build(tables: WordTables, vocabulary: list[str] | None = None) -> rasp.SOp:
    """The translator's grammar over the given word tables (and English `vocabulary`, all of it by default)."""
    vocabulary = english_vocabulary() if vocabulary is None else vocabulary
    cls = lexicon("class", {w: word_class(w) for w in vocabulary} | {SEP: "SEP"}, default="OTHER")
    lem = lexicon("lemma", {w: lemma(w) for w in vocabulary}, default="-")
    french = tables.french(lem)
    gender = tables.gender(feature("noun_lemma", lambda lemma_: lemma_ if lemma_.startswith(("n:", "name:")) else "-", lem))
    shape = lexicon("noun_shape", {w: noun_shape(w) for w in vocabulary}, default="-")
    nfeat = combine("noun_features", noun_features, combine("gendered", with_gender, shape, gender), french)

    # where am I: English, SEP, or the French written so far (looking left only)
    is_sep = feature("is_sep", lambda c: c == "SEP", cls)
    is_english = feature("is_english", lambda n: n == 0, count_upto(is_sep))
    is_french = combine("is_french", lambda english, sep: not english and not sep, is_english, is_sep)
    j = count_upto(is_french, name="french_so_far")

    # 2. each word reads its phrase right to left and plans the French it speaks. (It reads its own
    # kind through attention too, which keeps the reading apart from its noun features: pairing the
    # two then enumerates their values, not every input.)
    own = previous(feature("own_kind", lambda c: OWN_KIND.get(c, "-"), cls), 0, default="-", name="own_kind_here")
    seen = feature("read_as", lambda c: READ_AS.get(c, "-"), cls)
    state = feature("reading_0", lambda kind: (kind, (), kind != "-"), own)
    for k in range(1, LOOKBACK + 1):
        state = combine(f"reading_{k}", read_left, state, previous(seen, k, default="-", name=f"read_back{k}"))
    negated = feature("negated", lambda n: n > 0, count_upto(feature("is_not", lambda c: c == "NOT", cls)))
    reading = combine("reading", with_negation, state, negated)
    my_plan = combine("plan", plan, reading, nfeat)
    agr = feature("agreement", agreement, nfeat)
    my_plan = combine("english_plan", lambda p, english: p if english else (), my_plan, is_english)

    # 3-4. spans: the French words spoken up to and including me, from the plan lengths
    length = feature("plan_length", len, my_plan)
    widths = [
        feature(f"speaking_{t}_upto", lambda n, cap=cap: min(n, cap),
                count_upto(feature(f"speaks_{t}", lambda n, t=t: n >= t, length)))
        for t, cap in THRESHOLDS.items()
    ]
    spoken = _add("spoken_upto", _add("spoken_1_2", widths[0], widths[1]),
                  _add("spoken_3_5", _add("spoken_3_4", widths[2], widths[3]), widths[4]))
    span = combine("span", lambda end, n: (end - n, end) if n else (-1, -1), spoken, length)
    # Spans are disjoint, so a carrier is one position; the compiler cannot prove that, and would have to
    # plan for the interpreter's mean of several numbers. Numbers travel boxed in 1-tuples: the mean of
    # several of those is undefined (the interpreter raises), so a one-hot copy is exact wherever defined.
    carrier = rasp.Select(span, j, lambda s, q: s[0] <= q < s[1])
    carrier_plan = rasp.categorical(rasp.Aggregate(carrier, my_plan, default="none")).named("carrier_plan")
    carrier_agr = rasp.categorical(rasp.Aggregate(carrier, agr, default="-")).named("carrier_agreement")
    carrier_start = rasp.categorical(
        rasp.Aggregate(carrier, feature("span_start", lambda s: (s[0],), span), default="none")
    ).named("carrier_start")
    boxed_at = feature("boxed_index", lambda i: (i,), rasp.indices)
    carrier_at = rasp.categorical(rasp.Aggregate(carrier, boxed_at, default="none")).named("carrier_at")
    slot = combine("slot", _slot, j, carrier_start)
    entry = combine("entry", _entry, carrier_plan, slot)
    back = feature("distance_back", lambda e: e[0], entry)
    source = combine("source_at", _source_at, carrier_at, back)
    source_entry = rasp.categorical(
        rasp.Aggregate(rasp.Select(rasp.indices, source, rasp.Comparison.EQ), french, default="-")
    ).named("source_entry")

    # 5. the subject settles person and gender; the lexicon gives the word
    head = combine("head_features", head_features,
                   lexicon("head_shape", {w: head_shape(w) for w in vocabulary}, default="-"), gender)
    is_verbal = feature("is_verbal", lambda c: c in ("VERB", "BE", "DO"), cls)
    verb_seen = feature("verb_seen", lambda n: n > 0, count_upto(is_verbal))
    and_in_subject = combine("and_in_subject", lambda c, seen_: c == "AND" and not seen_, cls, verb_seen)
    masc_in_subject = combine("masc_in_subject", lambda h, seen_: h.endswith(".m") and not seen_, head, verb_seen)
    coordination = combine(
        "coordination",
        lambda ands, mascs: ("m" if mascs else "f") if ands else "-",
        feature("subject_has_and", lambda n: n > 0, count_upto(and_in_subject)),
        feature("subject_has_masculine", lambda n: n > 0, count_upto(masc_in_subject)),
    )
    first_head = first(feature("is_head", lambda h: h != "-", head), head, default="3s.m", name="first_head")
    subject = combine("subject", lambda h, coord: h if coord == "-" else "3p." + coord, first_head, coordination)
    role = feature("role", lambda e: e[1], entry)
    code = combine("form_code", subject_code, combine("noun_code", noun_code, role, carrier_agr), subject)
    return combine("next_french_word", form, source_entry, code)


def _slot(j: int, start: tuple[int] | str) -> int | str | None:
    """Which of the carrier's words comes next; END past the last carrier."""
    if start == "none":
        return "END"
    return j - start[0] if 0 <= j - start[0] < MAX_PLAN else None


def _source_at(carrier_at: tuple[int] | str, back: int) -> int | None:
    """The position `back` words before the carrier (position 0 stands in where there is no carrier)."""
    at = 0 if carrier_at == "none" else carrier_at[0]
    return at - back if at >= back else None


def _entry(carrier_plan: tuple | str, slot: int | str) -> tuple | None:
    if carrier_plan == "none" or slot == "END":
        return (0, "END")
    return carrier_plan[slot] if slot < len(carrier_plan) else None
