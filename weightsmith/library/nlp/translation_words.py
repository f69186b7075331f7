"""The dictionary-scale translator's vocabulary: every English word form it knows, what kind of word each is,
and the French forms it can be written as (issue 20 §1).

Open-class words (nouns, verbs, adjectives, adverbs) come from the built lexicon (`tasks.nlp.dictionary`:
FreeDict + WordNet + LemmInflect + Verbiste + hand-written overrides); a word form is known when one of its
readings has French. The closed-class words the grammar handles (determiners, subject pronouns,
prepositions, auxiliaries, negation, numbers, adverbs, conjunctions, punctuation) are written here, with
their French, because their translation *is* the grammar. Any other word is UNK: it is carried through in
place, read as a word of whatever class its neighbours expect.

Each word has an `info` tuple (its readings: what the grammar needs to choose between them) and a table
of French forms by code. Codes, for the word at the source of a plan entry:

    n.sg n.pl                          a noun
    a.m.sg a.f.sg a.m.pl a.f.pl a.m.v  an adjective (a.m.v: bel, vieil, nouvel before a vowel)
    v.<tense>.<k>                      a verb: tense pres | fut | imp | aux (the passé composé auxiliary, in
                                       the verb's own auxiliary), k = 0..5 (je, tu, il, nous, vous, ils)
    v.pp.<g>.<n>  v.inf  adv           participle (agrees only with être), infinitive, an open adverb
    v.ne.<tense>.<k> v.je.<tense>.<k> v.se.<tense>.<k>
                                       ne/n' (before the reflexive pronoun or the form), je/j' (directly
                                       before the form), the reflexive me/te/se/nous/vous (elided) before
                                       the form: the elision is decided by the verb's own form

The model reads word ids, not words (`encode`), as the sentiment model does (see `sentiment_words`):
a one-hot vocabulary of thousands of words would make a residual stream of thousands of dimensions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from weightsmith.library.nlp.tokenize import UNK, tokenize
from weightsmith.tasks.nlp.dictionary.english import inflections as english_inflections
from weightsmith.tasks.nlp.dictionary.french import adjective_forms, guess_gender, noun_plural
from weightsmith.tasks.nlp.dictionary.tables import (Phrase, phrase_infinitive, read_names, read_phrasal, read_phrases,
                                                     read_subject_senses)
from weightsmith.tasks.nlp.lexicon import starts_with_vowel

SEP = "SEP"
FRENCH = "FR"  # every French token the model reads back: the program only counts them
PERSONS = ("1s", "2s", "3s", "1p", "2p", "3p")
PRENOMINAL = frozenset("""beau bon grand petit jeune vieux nouveau joli mauvais gros long haut premier dernier
autre gentil meilleur même vrai""".split())
BEFORE_VOWEL = {"beau": "bel", "vieux": "vieil", "nouveau": "nouvel", "fou": "fol", "mou": "mol"}
# verbs after which a bare object noun is generic (le/la/les), not partitive: "i like cats" → les chats
GENERIC_VERBS = frozenset("aimer adorer détester préférer".split())
# nouns English uses as mass nouns, which French gives a partitive when bare ("we eat bread" → du pain);
# other bare singular nouns take the definite article ("i watch television" → la télévision). Written by
# hand from general knowledge (the lexicon does not mark mass nouns).
MASS_NOUNS = frozenset("""grass medicine shampoo soap toothpaste electricity bread water milk coffee tea juice wine beer soup meat fish rice pasta cheese butter sugar
salt pepper oil chocolate jam honey cream yogurt ham chicken beef pork salad sauce flour cereal soda ice fruit
food money time help fun music noise air sun wind rain snow wood paper glass sand gas petrol fuel energy
patience courage luck news advice information furniture luggage homework work bacon garlic lettuce spinach
broccoli toast cake pizza""".split())
TIME_UNITS = frozenset("day week month hour minute".split())  # for two weeks: pendant deux semaines
CLOCK = frozenset("noon midnight".split())  # at noon: à midi (no article)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())  # on monday: lundi
# months and seasons: "in august" → en août, "in winter" → en hiver (not spring: au printemps)
MONTHS = frozenset("""january february march april may june july august september october november december summer
autumn fall winter""".split())
# jobs: "she is a nurse" → elle est infirmière (no article after être)
PROFESSIONS = frozenset("""teacher doctor nurse engineer student pupil cook lawyer farmer waiter waitress driver pilot
dentist actor actress singer writer artist painter musician journalist policeman secretary baker butcher mechanic
plumber electrician architect scientist vet cashier chef pharmacist accountant programmer photographer soldier
firefighter fireman postman gardener hairdresser librarian professor surgeon manager director nanny""".split())
# verbs French makes pronominal when they have no object: the bus stops → le bus s'arrête
INTRANSITIVE_REFLEXIVE = frozenset("stop break hide meet wake".split())
# verbs whose French is another verb when an object follows: she left / she left her keys (partir / laisser)
TRANSITIVE = {"leave": "laisser", "grow": "cultiver", "move": "déplacer", "return": "rendre", "walk": "promener"}
# the classes of subject that choose another French verb (the lamp does not work: la lampe ne marche pas; the
# verbs: `tables.read_subject_senses`), each the WordNet synsets its nouns' commonest sense falls under
# (`english.noun_classes`): devices and machines, vehicles and public transport, quantities and amounts of
# money, the sun and the moon, plants (flowers grow: poussent; a child grows: grandit)
SUBJECT_CLASS_SYNSETS = {
    "device": ("device.n.01", "electronic_equipment.n.01", "appliance.n.01", "appliance.n.02", "equipment.n.01"),
    "vehicle": ("conveyance.n.03", "vehicle.n.01"),
    "quantity": ("magnitude.n.01", "magnitude_relation.n.01", "physical_property.n.01", "monetary_value.n.01",
                 "cost.n.01", "sum.n.01"),
    "celestial": ("celestial_body.n.01",),
    "plant": ("plant.n.02",)}
# the classes of noun that choose a preposition's sense (by the sea: au bord de la mer), as `SUBJECT_CLASS_SYNSETS`;
# buildings, rooms, places, institutions and facilities (sites: the station, the airport, the museum), which after
# "the" a noun is part of (la porte de la cuisine; the taxis at the station: les taxis de la gare)
PLACE_CLASS_SYNSETS = {"water": ("body_of_water.n.01",),
                       "site": ("structure.n.01", "location.n.01", "institution.n.01", "facility.n.01")}
# the vehicles one boards, which English says "on" and French "dans" (on the bus: dans le bus; on my bike, on
# the car roof: sur): a vehicle's class narrowed to public transport and aircraft, by the same WordNet closure
BOARDED_SYNSETS = ("public_transport.n.01", "aircraft.n.01")
# family members (grandma, grandpa, dad, aunt; WordNet's relatives): a bare singular one is a name, which French
# says with no article (grandma made a cake: mamie a fait un gâteau; grandpa 's birthday: l'anniversaire de papi)
KIN_SYNSETS = ("relative.n.01",)
# a count noun whose commonest sense is an abstraction (a queue, a show, a meeting) rather than a physical thing
# (an animal, a nurse, a cherry): "at the" + a site after a thing names where it belongs (les animaux de la ferme),
# after an abstraction where it stands (la queue à la frontière)
ABSTRACT_SYNSETS = ("abstraction.n.06",)
# nouns whose plural is the singular (LemmInflect also lists "fishes", "kid" as plurals)
INVARIABLE = frozenset("fish sheep deer salmon trout species series aircraft goldfish jellyfish".split())
# nouns whose everyday French is plural: pasta → les pâtes, homework → les devoirs
PLURAL_ONLY = frozenset("pasta homework math holiday vacation hair chess cereal spaghetti sunglasses shopping jewellery".split())
# what jouer takes: play football → jouer au football, play the piano → jouer du piano
SPORTS = frozenset("football soccer tennis basketball golf rugby volleyball hockey chess card baseball".split())
INSTRUMENTS = frozenset("piano guitar violin drum flute trumpet cello saxophone".split())
# parts of the day: "in the morning" → le matin, "at night" → la nuit
DAYTIME = frozenset("morning afternoon evening night weekend".split())
LANGUAGES = frozenset("english french spanish german italian chinese arabic portuguese russian japanese".split())
# verbs whose English preposition French does not say: wait for the bus → attendre le bus
ABSORBS = {"attendre": "pour", "écouter": "à", "regarder": "à", "payer": "pour", "chercher": "pour"}
# verbs that say no preposition where English says one, and whose bare object is generic, as after aimer (smell of
# lavender → sentir la lavande). Not ABSORBS: "the smell of smoke" (a noun: l'odeur de la fumée) shares the
# words, and only the object's noun phrase sees whether the word before "of" was read as the verb
GENERIC_ABSORBS = {"sentir": "de"}
# French verbs whose object takes a preposition English does not say: answer the question → répondre à la
# question, enter the room → entrer dans la pièce, remember the day → se souvenir du jour
INDIRECT = {**dict.fromkeys("répondre téléphoner obéir désobéir ressembler sourire plaire nuire assister renoncer".split(),
                            "à"),
            **dict.fromkeys("douter|profiter|se souvenir|se servir|se moquer|s'approcher".split("|"), "de"),
            "entrer": "dans"}
# French verbs of saying and thinking whose clause French opens with que where English may leave "that" out:
# she says she is tired: elle dit qu'elle est fatiguée (a subject pronoun after them starts that clause)
CLAUSE_VERBS = frozenset("dire penser croire espérer savoir".split())
# French verbs whose infinitive complement takes de / à: oublier d'appeler, apprendre à nager
INFINITIVE_DE = frozenset("oublier essayer décider finir terminer arrêter refuser promettre choisir éviter accepter rêver".split())
INFINITIVE_A = frozenset("commencer apprendre aider réussir continuer hésiter".split())
# adjectives that make "it is ..." weather: il fait froid
# and the word French uses there: it is nice → il fait beau, it is windy → il fait du vent
WEATHER = {"cold": "froid", "hot": "chaud", "warm": "chaud", "nice": "beau", "cool": "frais", "fine": "beau",
           "sunny": "beau", "windy": "du vent", "foggy": "du brouillard", "beautiful": "beau", "lovely": "beau",
           "bad": "mauvais"}

# --- closed classes: class tuples the grammar reads (see translation_grammar for their meaning)
DETERMINERS = {w: ("DET", w) for w in ("the", "a", "an", "some", "any", "this", "that", "these", "those", "my",
                                        "your", "his", "her", "its", "our", "their", "every", "each", "many",
                                        "several", "no", "all", "whole", "much", "another", "a few",
                                        "both", "mine", "yours", "ours", "theirs", "hers", "no more")}
# (mine …: pronouns; "no more" one word, as "any more" is: its verb says ne … plus, not ne … pas non plus)
SUBJECTS = {"i": ("S", "1s", "m", "je"), "you": ("S", "2p", "m", "vous"), "he": ("S", "3s", "m", "il"),
            "she": ("S", "3s", "f", "elle"), "it": ("S", "3s", "m", "il", "it"), "we": ("S", "1p", "m", "nous"),
            "they": ("S", "3p", "m", "ils"), "who": ("S", "3s", "m", "qui")}
PREPOSITIONS = {"in": "dans", "on": "sur", "at": "à", "to": "à", "from": "de", "with": "avec", "without": "sans",
                "for": "pour", "of": "de", "under": "sous", "behind": "derrière", "after": "après",
                "before": "avant", "during": "pendant", "into": "dans", "between": "entre", "near": "près de",
                "about": "sur", "by": "par", "through": "à travers", "against": "contre", "towards": "vers", "than": "que",
                "until": "jusqu' à", "since": "depuis", "inside": "à l' intérieur de", "above": "au-dessus de",
                "across": "à travers", "around": "autour de", "outside": "à l' extérieur de",
                "over": "au-dessus de", "along": "le long de", "onto": "sur", "except": "sauf", "among": "parmi",
                "toward": "vers", "below": "sous"}
AUXILIARIES = {"do": "do", "does": "do", "did": "did", "will": "will", "'ll": "will", "wo": "will",
               "would": "would", "'d": "would"}
# modal verbs: their French forms by person are written here (Verbiste's tables in the lexicon hold only
# the verbs some English word translates to); the verb after them is an infinitive
MODALS = {"can": ("peux", "peux", "peut", "pouvons", "pouvez", "peuvent"),
          "ca": ("peux", "peux", "peut", "pouvons", "pouvez", "peuvent"),
          "could": ("pouvais", "pouvais", "pouvait", "pouvions", "pouviez", "pouvaient"),
          "must": ("dois", "dois", "doit", "devons", "devez", "doivent"),
          "should": ("devrais", "devrais", "devrait", "devrions", "devriez", "devraient"),
          "might": ("pourrais", "pourrais", "pourrait", "pourrions", "pourriez", "pourraient")}
WOULD_LIKE = ("voudrais", "voudrais", "voudrait", "voudrions", "voudriez", "voudraient")
BE = {"am": "pres", "is": "pres", "are": "pres", "'m": "pres", "'re": "pres", "was": "past", "were": "past",
      "be": "base", "been": "pp"}
NEGATIONS = {"not": "pas", "n't": "pas", "never": "jamais", "no longer": "plus"}
# adverbs that stand between subject and verb in English and after the finite verb in French
MID_ADVERBS = {"often": "souvent", "always": "toujours", "sometimes": "parfois", "usually": "d' habitude",
               "already": "déjà", "still": "encore", "just": "juste", "also": "aussi", "really": "vraiment",
               "rarely": "rarement", "ever": "jamais", "finally": "enfin", "probably": "probablement"}
ADVERBS = {"where": "où", "how": "comment", "why": "pourquoi", "something": "quelque chose",
           "someone": "quelqu'un", "somewhere": "quelque part", "somebody": "quelqu'un", "everyone": "tout le monde", "everybody": "tout le monde",
           "everything": "tout", "hello": "bonjour", "thanks": "merci", "ok": "d' accord", "okay": "d' accord",
           "very": "très", "too": "trop", "here": "ici", "now": "maintenant", "then": "ensuite",
           "today": "aujourd'hui", "tomorrow": "demain", "yesterday": "hier", "tonight": "ce soir",
           "again": "encore", "soon": "bientôt", "early": "tôt", "well": "bien", "far": "loin",
           "together": "ensemble", "everywhere": "partout", "upstairs": "en haut", "downstairs": "en bas",
           "quite": "assez", "so": "si", "more": "plus",
           "less": "moins", "minus": "moins", "enough": "assez", "only": "seulement", "almost": "presque",
           "please": "s' il vous plaît", "yes": "oui", "once": "une fois", "twice": "deux fois", "yet": "encore",
           "hi": "salut", "hey": "salut", "bye": "au revoir", "goodbye": "au revoir", "oh": "oh"}
NUMBERS = {"one": ("un", "une"), "two": "deux", "three": "trois", "four": "quatre", "five": "cinq", "six": "six",
           "seven": "sept", "eight": "huit", "nine": "neuf", "ten": "dix", "eleven": "onze", "twelve": "douze",
           "thirteen": "treize", "fourteen": "quatorze", "fifteen": "quinze", "sixteen": "seize",
           "seventeen": "dix-sept", "eighteen": "dix-huit", "nineteen": "dix-neuf", "twenty": "vingt",
           "thirty": "trente", "forty": "quarante", "fifty": "cinquante", "sixty": "soixante",
           "seventy": "soixante-dix", "eighty": "quatre-vingts", "ninety": "quatre-vingt-dix", "hundred": "cent",
           "thousand": "mille", "zero": "zéro"}


def _compound_numbers() -> dict[str, str | tuple[str, str]]:
    """21 to 99 as one number word each, written with the hyphen the tokenizer splits off (twenty - five) or without
    (twenty five), whose French is one word (vingt-cinq, soixante-douze, quatre-vingt-dix-neuf), for 21, 31, …, 61 and
    81 a masculine and a feminine (vingt-et-un / une, quatre-vingt-un / une). Said word by word they were vingt - cinq,
    quatre-vingt-dix cinq. The "et" numbers are hyphenated as the 1990 spelling rectifications write every compound
    number: one word, as every other number is, so that all numbers share one plan (traditional: vingt et un)."""
    units = "one two three four five six seven eight nine".split()
    teens = "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    out: dict[str, str | tuple[str, str]] = {}
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
        # seventy and ninety count on from sixty and eighty with 11-19: soixante et onze, quatre-vingt-douze
        base = {"seventy": "soixante", "eighty": "quatre-vingt", "ninety": "quatre-vingt"}.get(tens, NUMBERS[tens])
        for k, unit in enumerate(units):
            last = NUMBERS[teens[k] if tens in ("seventy", "ninety") else unit]
            if k == 0 and tens not in ("eighty", "ninety"):
                french = tuple(f"{base}-et-{w}" for w in last) if isinstance(last, tuple) else f"{base}-et-{last}"
            else:
                french = tuple(f"{base}-{w}" for w in last) if isinstance(last, tuple) else f"{base}-{last}"
            out[f"{tens} - {unit}"] = out[f"{tens} {unit}"] = french
    return out


NUMBERS |= _compound_numbers()
# a number written in digits (2, 25, 1998) is one word of the number class, NUMERAL: it reads as a number (2
# apples: 2 pommes, at 5: à 5 heures, in 1998: en 1998) and speaks NUMERAL in place, which the API turns back
# into the digits (`numerals_back`), as it puts an unknown word back for UNK
NUMERAL = "NUMERAL"
NUMBERS[NUMERAL] = NUMERAL
CONJUNCTIONS = {"and": "et", "or": "ou", "but": "mais", "because": "parce que", "when": "quand", "if": "si",
                "while": "pendant que", "whether": "si"}
# adjectives before the noun, written here (no dictionary entry has them as adjectives): the ordinal numbers (the
# first floor: le premier étage) and other (the other side: l'autre côté; my other jacket: mon autre veste)
ORDINALS = {"first": "premier", "second": "deuxième", "third": "troisième", "fourth": "quatrième",
            "fifth": "cinquième", "sixth": "sixième", "seventh": "septième", "eighth": "huitième",
            "ninth": "neuvième", "tenth": "dixième"}
BEFORE_NOUN = {**ORDINALS, "other": "autre"}
# a building's storeys: a storey noun after an ordinal names a level, which French calls by the lexicon's word for
# storey (on the second floor: au deuxième étage, not sur le deuxième sol; floor alone stays sol); the ground and
# the top floor have names of their own. Read as one noun of kind storey (`_storeys`)
STOREY_NOUNS = ("floor", "storey")
NAMED_STOREYS = {"ground": "rez-de-chaussée", "top": "dernier étage"}
PUNCTUATION = {".": ".", "?": "?", "!": "!", ",": ","}
# the minutes of a clock time before the hour (half past eight: huit heures et demie, ten to nine: neuf heures
# moins dix): one word each (merged as a phrase, only before a number), spoken by the hour after it
MINUTES = {("half", "past"): "et demie", ("quarter", "past"): "et quart", ("a", "quarter", "past"): "et quart",
           ("quarter", "to"): "moins le quart", ("a", "quarter", "to"): "moins le quart",
           **{(m, "past"): NUMBERS[m] for m in ("five", "ten", "twenty")},
           **{(m, "to"): "moins " + NUMBERS[m] for m in ("five", "ten", "twenty")}}
# o'clock (tokenized o + 'clock; o ' clock in some texts, one word of the grammar's as "no longer" is): the number
# before it speaks "heures" (à 5 heures, cinq heures), so it speaks nothing
OCLOCK = {"o": ("PART", "o"), "'clock": ("PART", "clock"), "o'clock": ("PART", "clock"), "o ' clock": ("PART", "clock")}
# object pronouns: the clitic before the verb (je le vois), the stressed form after a preposition (avec moi)
OBJECTS = {"me": ("OBJ", "me", "moi"), "him": ("OBJ", "le", "lui"), "us": ("OBJ", "nous", "nous"),
           "them": ("OBJ", "les", "eux")}
# particles of phrasal verbs (get up, come back, turn off): the verb speaks the phrasal verb's French
# (`tables.read_phrasal`); the particle itself speaks nothing
PARTICLES = {"up": "up", "down": "down", "out": "out", "back": "back", "away": "away", "off": "off"}
# negative pronouns (ne … rien, rien ne …), and the words that become them under a negation (not … anything)
NOBODY = {"nothing": ("NOTHING", "rien"), "nobody": ("NOTHING", "personne"), "none": ("NOTHING", "aucun"),
          "anything": ("ANY", "rien", "quelque chose"), "anyone": ("ANY", "personne", "quelqu'un"),
          "anybody": ("ANY", "personne", "quelqu'un"),
          "any more": ("ANY", "plus", "encore"), "anymore": ("ANY", "plus", "encore")}  # ne … plus
# "a bit" (+ adjective): un peu, as "a lot" is beaucoup
OTHER = {**NOBODY, **OCLOCK, "'s": ("POSS_S",), "'": ("POSS_S",), "to": ("TO",), "lot": ("LOT",), "lots": ("LOT",), "bit": ("BIT",),
         "front": ("FRONT",), "ago": ("AGO",),
         "there": ("THERE",),
         # about is sur as on is, marked so that the noun phrase tells them apart (the baker on the corner: du
         # coin; the book about the company: sur l'entreprise)
         "about": ("PREP", "sur", "about")}


@dataclass(frozen=True)
class Word:
    """One English word form: its info (what the grammar reads) and its French forms by code."""

    info: tuple
    forms: dict[str, str]


def _closed_info(word: str) -> tuple | None:
    """The class tuple of a closed-class word (the first table that lists it decides)."""
    if word in OTHER:
        return OTHER[word]
    tables = ((DETERMINERS, lambda v: v), (SUBJECTS, lambda v: v), (OBJECTS, lambda v: v), (AUXILIARIES, lambda v: ("AUX", v)),
              (MODALS, lambda v: ("MODAL", v)),
              (NEGATIONS, lambda v: ("NEG", v)), (PREPOSITIONS, lambda v: ("PREP", v)),
              (MID_ADVERBS, lambda v: ("ADV", v, True)), (ADVERBS, lambda v: ("ADV", v, False)),
              (NUMBERS, lambda v: ("NUM", v)), (CONJUNCTIONS, lambda v: ("CONJ", v)),
              (PUNCTUATION, lambda v: ("PUNCT", v)), (PARTICLES, lambda v: ("PART", v)))
    return next((make(table[word]) for table, make in tables if word in table), None)


def _verb_forms(verb, reflexive: bool, transitive: bool = False) -> dict[str, str]:
    """Every verb code (see the module docstring) for one French verb; `transitive`: one of the verbs of motion
    that take être used with an object, which take avoir (il a sorti son téléphone)."""
    from weightsmith.tasks.nlp.dictionary.verbiste import ETRE_VERBS

    avoir = ("ai", "as", "a", "avons", "avez", "ont")
    etre = ("suis", "es", "est", "sommes", "êtes", "sont")
    with_etre = reflexive or verb.infinitive in ETRE_VERBS and not transitive
    tenses = {"pres": verb.present, "fut": verb.future, "imp": verb.imperfect, "aux": etre if with_etre else avoir}
    forms = {"v.inf": ("se " if reflexive else "") + verb.infinitive,
             "v.de": "d'" if starts_with_vowel(verb.infinitive) and not reflexive else "de"}
    if reflexive and starts_with_vowel(verb.infinitive):
        forms["v.inf"] = "s' " + verb.infinitive
    m_sg, m_pl, f_sg, f_pl = (p or verb.participle[0] for p in verb.participle)
    agree = {"m.sg": m_sg, "m.pl": m_pl, "f.sg": f_sg, "f.pl": f_pl}
    for key, participle in agree.items():
        forms[f"v.pp.{key}"] = participle if with_etre else m_sg
        forms[f"v.ppa.{key}"] = participle  # after être as an adjective: the door is closed
    for tense, row in tenses.items():
        for k, finite in enumerate(_every_person(row)):
            if not finite:
                continue
            forms[f"v.{tense}.{k}"] = finite
            vowel = starts_with_vowel(finite)
            clitic = ("me", "te", "se", "nous", "vous", "se")[k]
            if reflexive:
                forms[f"v.se.{tense}.{k}"] = clitic[0] + "'" if vowel and k in (0, 1, 2, 5) else clitic
                vowel = False  # ne stands before the clitic
            forms[f"v.ne.{tense}.{k}"] = "n'" if vowel else "ne"
            forms[f"v.je.{tense}.{k}"] = "j'" if starts_with_vowel(finite) else "je"
    return forms


def _every_person(row: tuple[str, ...]) -> tuple[str, ...]:
    """A tense's six forms, where a person a defective verb lacks (pleuvoir, bruire: the third persons only;
    frire: no plural) takes the third person of its number, or any form it has. A reading of the English that
    gives such a verb another subject (a misreading, or "we rain") then still speaks a word; without one,
    greedy decoding stopped with no word at all (docs/nlp.md, round 9)."""
    known = [f for f in row if f]
    return tuple(f or row[2 if k < 3 else 5] or known[0] for k, f in enumerate(row)) if known else row


def _noun_kind(lemma: str) -> str:
    """What the grammar needs to know of a noun beyond its gender: the article it takes where English has none,
    or the class that chooses its verb's sense as a subject (`SUBJECT_CLASS_SYNSETS`; before mass: the sun
    sets → se couche, which matters more than "du soleil" for a bare sun; but a mass noun that is a plant —
    garlic, grass, spinach — is eaten or mown more often than it grows, and keeps its article)."""
    kinds = ((MASS_NOUNS - _classed(), "mass"), ({"year"}, "year"), ({"spring"}, "spring"), (TIME_UNITS, "unit"), (DAYS, "day"), (MONTHS, "month"), (PROFESSIONS, "job"), ({"home"}, "home"),
             ({"weather"}, "weather"), (SPORTS, "sport"), (INSTRUMENTS, "instrument"), (DAYTIME, "daytime"),
             (LANGUAGES, "language"), (CLOCK, "clock"))
    return next((kind for words, kind in kinds if lemma in words), _noun_classes().get(lemma) or (
        "abstract" if lemma in _first_sense_under(ABSTRACT_SYNSETS) else "kin" if lemma in _first_sense_under(KIN_SYNSETS)
        else "count"))


@lru_cache(maxsize=1)
def _classed() -> frozenset[str]:
    """The nouns with a class (`_noun_classes`) other than a plant's. Made once: made for every noun it was
    two-thirds of the vocabulary's build (15,931 nouns, each a pass over every classed noun)."""
    return frozenset(lemma for lemma, cls in _noun_classes().items() if cls != "plant")


@lru_cache(maxsize=None)
def _first_sense_under(synsets: tuple[str, ...]) -> frozenset[str]:
    """Noun lemmas whose commonest sense WordNet files under `synsets` (`ABSTRACT_SYNSETS`: kind abstract;
    `KIN_SYNSETS`: kind kin)."""
    from weightsmith.tasks.nlp.dictionary import sources
    from weightsmith.tasks.nlp.dictionary.english import noun_classes

    return frozenset(noun_classes(sources.path("wordnet").parent, {"under": synsets}))


@lru_cache(maxsize=1)
def _noun_classes() -> dict[str, str]:
    """Noun lemma → its `SUBJECT_CLASS_SYNSETS` or `PLACE_CLASS_SYNSETS` class, from WordNet (the lexicon
    builder's copy); a vehicle one boards (`BOARDED_SYNSETS`) is "transport", a vehicle to its verbs."""
    from weightsmith.tasks.nlp.dictionary import sources
    from weightsmith.tasks.nlp.dictionary.english import noun_classes

    folder = sources.path("wordnet").parent
    boarded = noun_classes(folder, {"transport": BOARDED_SYNSETS})
    return {lemma: "transport" if cls == "vehicle" and lemma in boarded else cls
            for lemma, cls in noun_classes(folder, SUBJECT_CLASS_SYNSETS | PLACE_CLASS_SYNSETS).items()}


# a verb reading's tag beside its English forms, on a word with no adjective reading: a participle English does
# not use as an adjective either, so that was / were + it names an event, the passive's passé composé (the match
# was cancelled: a été annulé), where a participle that is also an adjective names the state after it (the shop
# was closed: était fermé)
EVENT = "event"
ADJECTIVE_USES = 2  # SemCor tags a participle used as an adjective fewer times than this: no adjective (noise)


@lru_cache(maxsize=1)
def _adjective_uses() -> dict[str, int]:
    """Word → how many times SemCor tagged it as an adjective (WordNet's cntlist, as the lexicon's counts):
    the participles English also uses as adjectives (closed 24, covered 12, parked 5) against those it does
    not (cancelled, sold, postponed: never)."""
    from weightsmith.tasks.nlp.dictionary import sources
    from weightsmith.tasks.nlp.dictionary.english import sense_counts

    return {lemma: n for (lemma, pos), n in sense_counts(sources.path("wordnet").parent).items() if pos == "adj"}


@lru_cache(maxsize=1)
def _pronominal_states() -> frozenset[tuple[str, str]]:
    """(French verb, English participle) for the pronominal verbs FreeDict's French-English dictionary gives
    first as "be" + a participle, and never as "get" + it: a state French says with the pronominal verb where
    English says être + the participle (s'ennuyer: be bored, they are bored: ils s'ennuient; s'appeler: be
    called). Not one that is also "get" + it, which names the change (se perdre: be lost, get lost; we are
    lost stays nous sommes perdus)."""
    from weightsmith.tasks.nlp.dictionary import freedict, sources
    from weightsmith.tasks.nlp.dictionary.tables import reflexive

    out = set()
    for headword, entries in freedict.french_english(sources.path("freedict-fra-eng"),
                                                     sources.path("freedict-fra-eng", 1)).items():
        verb = reflexive(headword)
        glosses = [g for e in entries if e.pos == "verb" for g in e.english]
        if verb and glosses and glosses[0].startswith("be ") and len(glosses[0].split()) == 2:
            participle = glosses[0].split()[1]
            if "get " + participle not in glosses:
                out.add((verb, participle))
    return frozenset(out)


# the forms a translated noun or verb needs that its lexicon entry may lack (the builder takes LemmInflect's
# dictionary forms only): a noun's plural, a verb's 3rd person, past, participle and -ing
NEEDED = {"noun": ("pl",), "verb": ("3s", "past", "pp", "ing")}
_PENN = {"pl": "NNS", "3s": "VBZ", "past": "VBD", "pp": "VBN", "ing": "VBG"}


def missing_forms(lexicon) -> dict[str, list[tuple[str, str, str]]]:
    """Word form → (lemma, class, tag) for the forms of translated nouns and verbs that their lexicon entry
    lacks, from LemmInflect's rules for words its dictionary does not list (euro → euros, cafe → cafes,
    monday → mondays: le lundi, a habit). A form some lemma already has keeps exactly its readings (tops,
    lacks are verbs' forms already), so no known word changes."""
    import lemminflect  # the `lexicon` extra, as the builder's

    out: dict[str, list[tuple[str, str, str]]] = {}
    for lemma, pos in sorted(lexicon.translations):
        entry = lexicon.english.get((lemma, pos))
        needed = [tag for tag in NEEDED.get(pos, ()) if entry is not None and tag not in entry.forms]
        if not needed or not lemma.isalpha():
            continue
        guessed = lemminflect.getAllInflectionsOOV(lemma, upos="NOUN" if pos == "noun" else "VERB")
        for tag in needed:
            for form in guessed.get(_PENN[tag], ()):
                if form not in lexicon.forms and form != lemma:
                    out.setdefault(form, []).append((lemma, pos, tag))
    return out


def _object(infinitive: str) -> bool | str:
    """What the words after a verb take (see _open_word)."""
    if infinitive == "jouer":
        return "jouer"
    if infinitive in ABSORBS:
        return "absorbs:" + ABSORBS[infinitive]
    if infinitive in GENERIC_ABSORBS:
        return "generic:" + GENERIC_ABSORBS[infinitive]
    if infinitive in INDIRECT:
        return "obj:" + INDIRECT[infinitive]
    if infinitive in INFINITIVE_DE or infinitive in INFINITIVE_A:
        return "inf:de" if infinitive in INFINITIVE_DE else "inf:à"
    if infinitive in CLAUSE_VERBS:
        return "que"
    return infinitive in GENERIC_VERBS


# French words whose h is aspirated: no elision before them (le hamster, la haie, le haut)
H_ASPIRE = frozenset("""hache haie haine hall hamac hameau hamster hanche handicap hangar hareng haricot harpe hasard
hâte hausse haut haute hauteur hérisson héros hêtre hibou hockey homard honte hors-d'œuvre housse hublot huit huitième hutte
hongrie hollande""".split())


def _elides(french: str) -> bool:
    """Whether a French noun or adjective makes the word before it elide (l'eau, l'homme; le hamster)."""
    return starts_with_vowel(french) and french.split(" ")[0] not in H_ASPIRE


@lru_cache(maxsize=1)
def _names() -> dict:
    return read_names()


@lru_cache(maxsize=1)
def _phrasal() -> dict[str, dict[str, str]]:
    return read_phrasal()


@lru_cache(maxsize=1)
def _subject_senses() -> dict[str, dict[str, str]]:
    return read_subject_senses()


def british_forms(lexicon) -> dict[str, list[tuple[str, str, str]]]:
    """Word form → (lemma, class, tag) for the British -ise / -yse spelling of every form of a translated
    -ize / -yze verb (realise, organised, analysing: WordNet and LemmInflect spell the American way, the
    held-out English is British). Only a stem of three letters or more is a suffix (not size, seize, prize);
    a form some lemma already has keeps exactly its readings."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for (lemma, pos), entry in sorted(lexicon.english.items()):
        if pos != "verb" or (lemma, pos) not in lexicon.translations or not lemma.endswith(("ize", "yze")) \
                or len(lemma) < 6:
            continue
        stem = lemma[:-1]  # realiz, analyz
        for tag, forms in entry.forms.items():
            for form in forms:
                if form.startswith(stem):
                    british = stem[:-1] + "s" + form[len(stem):]
                    if british not in lexicon.forms:
                        out.setdefault(british, []).append((lemma, pos, tag))
    return out


def _open_word(lexicon, word: str, extra: dict[str, list[tuple[str, str, str]]]) -> Word | None:
    """A word form's open-class readings (those with French) and its forms; None if it has none. `extra`
    holds the forms the lexicon lacks (`missing_forms`)."""
    readings, forms, lemmas = {}, {}, {}

    def count(analysis):
        entry = lexicon.english.get(analysis[:2])
        return entry.count if entry else 0

    # a form of two lemmas of one class ("found": find, found) is read as the commoner lemma's
    for lemma, pos, tag in sorted(lexicon.forms.get(word) or extra.get(word, []), key=lambda a: -count(a)):
        t = lexicon.translations.get((lemma, pos))
        if t is None or lemmas.setdefault(pos, lemma) != lemma:
            continue
        if pos == "noun" and t.source == "name":  # a place WordNet names (dijon: `build.place_names`), read as
            readings["N"] = (t.gender, "sg", _elides(t.french), "name")  # names.tsv's cities are (à dijon)
            forms["n.sg"], forms["n.pl"] = t.french, t.french
        elif pos == "noun" and (t.gender or lemma not in _names()):
            gender = t.gender or guess_gender(t.french)  # élève, midi: the dictionary gives no gender
            vowel = _elides(t.french)
            plural = t.forms.get("pl", t.french)
            if lemma in PLURAL_ONLY:  # the French word is already plural
                tag, plural = "pl", t.french
            if readings.get("N", (None, tag))[1] != tag and (lemma in INVARIABLE or lexicon.english[
                    lemma, pos].forms.get("pl") == (word,)):  # sheep, fish: singular and plural alike
                tag = "sg|pl"
            readings["N"] = (gender, tag, vowel, _noun_kind(lemma))
            forms["n.sg"], forms["n.pl"] = t.french, plural
            if lemma == "year":  # counted years: six ans, un an (année otherwise)
                forms["n.an.sg"], forms["n.an.pl"] = "an", "ans"
        elif pos == "adj":
            # "avoir faim": be hungry → avoir faim (être speaks avoir's forms; the adjective is invariable);
            # "pc": was born → est né (être in the present: the passé composé of naître)
            avoir = "avoir" if t.french.startswith("avoir ") else "pc" if lemma == "born" else False
            m = t.french.removeprefix("avoir ")
            f, mpl, fpl = (m, m, m) if avoir == "avoir" else (m + "e", m + "s", m + "es") if avoir else (
                t.forms.get("f", m), t.forms.get("mpl", m), t.forms.get("fpl", m))
            if m == "bon" and tag in ("cmp", "sup"):  # better, best: meilleur, not plus bon (best stays a
                # superlative, one French says without plus: the best pie in the village, du village)
                m, f, mpl, fpl = "meilleur", "meilleure", "meilleurs", "meilleures"
                tag = "sup1" if tag == "sup" else "base"
            readings["A"], adjective = _adjective(lemma, (m, f, mpl, fpl), tag, avoir)
            forms |= adjective
        elif pos == "verb":
            # "avoir besoin de": need → avoir, then the tail "besoin" after the verb, and "de" before the object
            french, tail = t.french, None
            if french.startswith("avoir ") and french.endswith(" de"):
                french, tail = "avoir", french[len("avoir "):-len(" de")]
            verb = lexicon.conjugation(french)
            if verb is None:
                continue
            reflexive = french.startswith(("se ", "s'"))
            forms |= _verb_forms(verb, reflexive)
            if lemma in INTRANSITIVE_REFLEXIVE and not reflexive:  # both: "r" until the context decides
                reflexive = "r"
                forms |= {"r." + code: form for code, form in _verb_forms(verb, True).items()}
            elif lemma in TRANSITIVE and (other := lexicon.conjugation(TRANSITIVE[lemma])) is not None:
                reflexive = "t"  # (and "t." forms) until the context decides
                forms |= {"t." + code: form for code, form in _verb_forms(other, False).items()}
            # LemmInflect lists a regular verb's participle only as its past ("liked"): it is both; and a past
            # in -t beside a participle in -ed is the British participle too (has burnt, learnt, dreamt, spilt, lit)
            participles = lexicon.english[lemma, pos].forms.get("pp")
            participle = tag == "past" and (participles is None or word.endswith("t") and word not in participles
                                             and any(p.endswith("ed") for p in participles))
            tags = tuple(sorted({tag, *(("pp",) if participle else ())} | set(readings.get("V", (None, ()))[1])))
            if not reflexive and "pp" in tags and (french, word) in _pronominal_states():
                reflexive = "e"  # after être: the pronominal verb (they are bored: ils s'ennuient), as "r" has
                forms |= {"r." + code: form for code, form in _verb_forms(verb, True).items()}
            # what its object takes: generic (j'aime les chats), de (j'ai besoin de pain), jouer (au football,
            # du piano), an infinitive with de / à (oublier d'appeler), or nothing special
            # its other senses, keyed by what chooses them, with whether each is pronominal: a particle after it
            # (the phrasal verbs it heads: get up → se lever, forms "p.up."), or its subject's class ("subject:
            # vehicle": the buses run → circulent, forms "s.vehicle.")
            others = [(particle, f"p.{particle}.", phrasal) for particle, phrasal in sorted(_phrasal().get(lemma, {}).items())]
            others += [("subject:" + cls, f"s.{cls}.", senses[lemma]) for cls, senses in sorted(_subject_senses().items())
                       if lemma in senses]
            particles = []
            for key, prefix, other_french in others:
                if (conjugated := lexicon.conjugation(other_french)) is not None:
                    pronominal = other_french.startswith(("se ", "s'"))
                    particles.append((key, pronominal))
                    forms |= {prefix + code: form for code, form in _verb_forms(conjugated, pronominal).items()}
            readings["V"] = (reflexive, tags, "de" if tail else _object(french), tuple(particles))
            if tail:
                forms["v.tail"] = tail
        elif pos == "adv" and "ADV" not in readings:
            readings["ADV"] = ()
            forms["adv"] = t.french
    if not readings:
        return None
    if "V" in readings and "A" not in readings and "pp" in readings["V"][1] and \
            _adjective_uses().get(word, 0) < ADJECTIVE_USES:  # (never chosen as the verb's form: `translation_grammar._verb`)
        reflexive, tags, generic, particles = readings["V"]
        readings["V"] = (reflexive, tuple(sorted({EVENT, *tags})), generic, particles)
    primary = max(readings, key=lambda r: _count(lexicon, word, r))
    return Word(("OPEN", tuple(sorted(readings.items())), primary), forms)


def _adjective(lemma: str, forms: tuple[str, str, str, str], tag: str, avoir: bool | str) -> tuple[tuple, dict]:
    """An adjective's reading and forms from its four French forms (m.sg, f.sg, m.pl, f.pl)."""
    m, f, mpl, fpl = forms
    # (before the noun?, vowel?, weather?, degree: base | cmp | sup | sup1 (a superlative in one French word,
    # meilleur), a time word: next week, last year, avoir instead of être)
    reading = (m in PRENOMINAL, _elides(m) or _elides(f), lemma in WEATHER, tag, lemma in ("next", "last"), avoir)
    return reading, {"a.m.sg": m, "a.f.sg": f, "a.m.pl": mpl, "a.f.pl": fpl, "a.m.v": BEFORE_VOWEL.get(m, m),
                     "a.w": WEATHER.get(lemma, m)}


# the prepositions French puts before a verb phrase's object: "ressembler à", "s' occuper de", "compter sur". The
# object speaks it (compter sur vos amis, compter sur vous), so that an object pronoun stays after it instead of
# becoming a clitic before the verb (see `translation_grammar.pronoun_object`)
OBJECT_PREPOSITIONS = ("de", "à", "sur", "dans", "en", "contre", "avec", "pour", "chez")


def verb_object_marker(tail: bool, preposition: str | None) -> str:
    """What a verb phrase gives the words after it: a tail spoken after the verb (prendre une douche:
    "tail"), and / or a preposition before its object (s'occuper de: "obj:de"); "de" is both (avoir besoin
    de), as the dictionary's own "avoir besoin de" verbs are read."""
    if preposition == "de" and tail:
        return "de"
    return ("tail" if tail else "obj") + (":" + preposition if preposition else "")


def _phrase_words(lexicon, phrase: Phrase, forms_of: dict[str, set[str]]) -> dict[tuple[str, ...], tuple[tuple[str, Word], ...]]:
    """A phrase's English word sequences (each inflected form of its head) → the words the model reads
    instead, with their entries. Empty when the lexicon cannot give it (a French verb without a conjugation)."""
    english, french = phrase.english, phrase.french
    if phrase.cls == "noun":
        head = english[-1]
        entry = lexicon.english.get((head, "noun"))
        kind = phrase.kind or ("day" if english[0] in DAYS else _noun_kind(head))  # sunday morning is a day: dimanche matin
        reading = (phrase.gender or guess_gender(french), None, _elides(french), kind)
        forms = {"n.sg": french, "n.pl": noun_plural(french)}
        plurals = entry.forms.get("pl", ()) if entry else (head + "s",)
        verb = lexicon.english.get((head, "verb"))  # "the bus stops here": a plural that is as often a verb
        verb_3s = verb.forms.get("3s", ()) if verb and entry and verb.count >= entry.count else ()
        numbered = [("sg", head), *(("pl", w) for w in plurals if w != head and w not in verb_3s)]
        return {(*english[:-1], w): (("_".join((*english[:-1], w)), Word(
            ("OPEN", (("N", (reading[0], tag, *reading[2:])),), "N"), forms)),) for tag, w in numbered}
    if phrase.cls == "adv":
        return {english: (("_".join(english), Word(("OPEN", (("ADV", ()),), "ADV"), {"adv": french})),)}
    if phrase.cls == "adj":
        avoir = "avoir" if french.startswith("avoir ") else False
        four = (french,) * 4 if phrase.gender == "inv" or avoir else adjective_forms(french)
        reading, forms = _adjective("", tuple(f.removeprefix("avoir ") for f in four), "base", avoir)
        return {english: (("_".join(english), Word(("OPEN", (("A", reading),), "A"), forms)),)}
    if phrase.cls == "prep":
        return {english: (("_".join(english), Word(("PREP", french), {})),)}
    if phrase.cls == "after":  # the first word stays as it is; the second becomes a preposition of its own
        return {(w, english[1]): ((w, None), ("~" + french, Word(("PREP", french), {})))
                for w in forms_of.get(english[0], ())}
    infinitive = phrase_infinitive(french)
    verb = lexicon.conjugation(infinitive)
    head = english[0]
    entry = lexicon.english.get((head, "verb"))
    inflections = entry.forms if entry else english_inflections(head, "verb")
    if verb is None:
        return {}
    rest = french.split(" ")[2 if french.startswith(("se ", "s' ")) else 1:]
    preposition = rest.pop() if rest and rest[-1] in OBJECT_PREPOSITIONS else None
    reflexive = infinitive.startswith(("se ", "s'"))
    forms = _verb_forms(verb, reflexive, phrase.gender == "avoir") | ({"v.tail": " ".join(rest)} if rest else {})
    marker = verb_object_marker(bool(rest), preposition) if rest or preposition else _object(infinitive)
    out = {}
    for form in sorted({f for fs in inflections.values() for f in fs}):
        tags = {tag for tag, fs in inflections.items() if form in fs}
        tags |= {"pp"} if "past" in tags and "pp" not in inflections else set()  # (see _open_word)
        token = "_".join((form, *english[1:]))
        out[(form, *english[1:])] = ((token, Word(("OPEN", (("V", (reflexive, tuple(sorted(tags)), marker, ())),), "V"),
                                                  forms)),)
    return out


_POS = {"N": "noun", "V": "verb", "A": "adj", "ADV": "adv"}


def _count(lexicon, word: str, reading: str) -> int:
    """How often the word's lemma in this class was tagged in SemCor: the default reading is the commonest."""
    return max((lexicon.english[lemma, pos].count for lemma, pos, _ in lexicon.forms.get(word, [])
                if pos == _POS[reading] and (lemma, pos) in lexicon.english), default=0)


def _be_and_have(lexicon) -> dict[str, Word]:
    """be/is/was... read as the verb être; have/has/had as the verb avoir (the grammar decides when they are
    auxiliaries)."""
    out = {}
    etre, avoir = _verb_forms(lexicon.verbs["être"], False), _verb_forms(lexicon.verbs["avoir"], False)
    # être's forms, and avoir's under "av." for the adjectives that take it (i am hungry: j'ai faim)
    be_forms = etre | {"av." + code: form for code, form in avoir.items()}
    for word, tense in BE.items():
        tag = "pl" if word in ("are", "'re", "were") else {"pres": "3s", "past": "past", "base": "base", "pp": "pp"}[tense]
        out[word] = Word(("BE", tense, tag), be_forms)
    for word, tag in (("have", "base"), ("has", "3s"), ("'ve", "base"), ("had", "past")):
        out[word] = Word(("HAVE", tag), avoir)
    return out


# words after a preposition that make it one of time, which no preceding word chooses (laugh at six)
TIME_WORDS = frozenset({*NUMBERS, *DAYS, *MONTHS, *CLOCK, *DAYTIME})
# words that show that the clause ends, or that the verb and particle before them have no object (an
# intransitive phrasal verb is merged only before them): another preposition (we checked in at the hotel), and
# last / next, which open a time adverbial (we moved in last week)
CLAUSE_ENDS = frozenset({*PUNCTUATION, *CONJUNCTIONS, *ADVERBS, *MID_ADVERBS, *PREPOSITIONS, "last", "next"})


@dataclass(frozen=True)
class TranslationVocabulary:
    """Words in id order and what each is; UNK, SEP and FR (any French word read back) have ids too."""

    words: tuple[str, ...]
    entries: tuple[Word, ...]
    ids: dict[str, int]
    # multi-word expressions: English words → the words the model reads instead (washing machine →
    # washing_machine, angry with → angry ~contre), longest first
    phrases: dict[tuple[str, ...], tuple[str, ...]]
    # the phrases merged only where a clause ends after them: intransitive phrasal verbs (come in, go on, pull
    # up: "come in !" but "come in the morning", "go on holiday", "the storm pulled up three trees")
    final: frozenset[tuple[str, ...]] = frozenset()

    def encode(self, tokens: list[str]) -> list[int]:
        """English words → ids (UNK's id if unknown), a multi-word expression as its word(s); after SEP every
        token is French and gets FR's id."""
        english = list(tokens[:tokens.index(SEP)] if SEP in tokens else tokens)
        out = [self.ids.get(NUMERAL if is_numeral(token) else token, self.ids[UNK]) for token in self.merged(english)]
        return out + [self.ids[SEP]] * (len(english) < len(tokens)) + [self.ids[FRENCH]] * (len(tokens) - len(english) - 1)

    def merged(self, english: list[str]) -> list[str]:
        """The English words with every multi-word expression replaced by its word(s), longest match first."""
        return [word for i, size in self._pieces(english)
                for word in (self.phrases[tuple(english[i:i + size])] if size > 1 else [english[i]])]

    def in_phrases(self, english: list[str]) -> set[int]:
        """The positions of the words `merged` reads inside a multi-word expression: the model knows them
        there even where it does not know the word alone ("rely" in "rely on")."""
        return {j for i, size in self._pieces(english) if size > 1 for j in range(i, i + size)}

    def _pieces(self, english: list[str]) -> Iterator[tuple[int, int]]:
        """Where `merged` cuts the words: (first position, number of words), longest match first."""
        longest = max(map(len, self.phrases), default=1)
        i = 0
        while i < len(english):
            size = next((n for n in range(min(longest, len(english) - i), 1, -1)
                         if self._fits(tuple(english[i:i + n]), english[i + n:i + n + 1])), 1)
            yield i, size
            i += size

    def _fits(self, english: tuple[str, ...], following: list[str]) -> bool:
        """Whether the words are a phrase that may be merged before the word that follows them."""
        if english not in self.phrases or english in self.final and following and following[0] not in CLAUSE_ENDS:
            return False
        return _fits(self.phrases[english][-1], following)

    def knows(self, word: str) -> bool:
        return word in self.ids and word not in (UNK, SEP, FRENCH, NUMERAL) or is_numeral(word)


def _fits(word: str, following: list[str]) -> bool:
    """Whether a phrase's last word may stand before the word that follows it: an "after" preposition not
    before a time (laugh at six: à six heures, not rire de), the minutes of a clock time only before an hour
    (ten to nine; not "ten to the station": from ten to twelve people is still read as a time)."""
    if word.startswith("~"):
        return not following or following[0] not in TIME_WORDS
    if word.startswith("minutes:"):
        return bool(following) and (following[0] in NUMBERS or is_numeral(following[0]))
    return True


# a number in digits as the tokenizer keeps it whole: thousands commas, then a decimal point or a clock's colon
_NUMERAL = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:[.:][0-9]+)?")


def is_numeral(word: str) -> bool:
    """A number written in digits (read as the word NUMERAL): 2, 1998, 3.5, 1,000, 5:30."""
    return _NUMERAL.fullmatch(word) is not None


def numerals_back(english: list[str], french: list[str]) -> list[str]:
    """The French with each NUMERAL the model spoke replaced by the English digits, in order (numbers keep
    their order in the translation); the model's vocabulary cannot hold every number. They are written as French
    writes them: a decimal comma and a space between thousands (3,5; 1 000), and a clock time's minutes after
    the hours the model says after a time (à 5 heures 30; elsewhere 5 h 30)."""
    digits = iter([w for w in english if is_numeral(w)])
    out: list[str] = []
    minutes = ""  # a clock time's, waiting for the word after its hour
    for w in french:
        if minutes and w in ("heure", "heures"):
            out += [w, minutes]
            minutes = ""
            continue
        if minutes:
            out += ["h", minutes]
            minutes = ""
        if w == NUMERAL:
            w, _, minutes = next(digits, w).partition(":")
            w = w.replace(",", " ").replace(".", ",")
        out.append(w)
    return out + (["h", minutes] if minutes else [])


class KnownWords(frozenset):
    """The words the translator reads as themselves: its vocabulary and every number written in digits."""

    def __contains__(self, word: object) -> bool:
        return super().__contains__(word) or isinstance(word, str) and is_numeral(word)


def _day_parts(table: dict[str, Word]) -> list[Phrase]:
    """A day's name before a part of the day, as one noun that is a day (on friday night: vendredi soir; on
    saturday mornings: le samedi matin; every sunday afternoon: tous les dimanches après-midi). After a day's
    name French says soir for the night too (samedi soir); the part stays singular (`french.noun_plural`)."""
    parts = {part: table["evening" if part == "night" else part].forms["n.sg"] for part in DAYTIME - {"weekend"}}
    return [Phrase((day, part), "noun", f"{table[day].forms['n.sg']} {french}", dict(table[day].info[1])["N"][0])
            for day in sorted(DAYS) for part, french in sorted(parts.items())]


def _storeys(lexicon) -> list[Phrase]:
    """An ordinal, ground or top before a storey noun (`STOREY_NOUNS`), as one noun of kind storey: the third
    floor → le troisième étage (the lexicon's French for storey after the ordinal's), the ground floor → le
    rez-de-chaussée."""
    storey = lexicon.translations["storey", "noun"]
    names = {**{word: f"{french} {storey.french}" for word, french in ORDINALS.items()}, **NAMED_STOREYS}
    return [Phrase((word, noun), "noun", french, storey.gender, kind="storey")
            for noun in STOREY_NOUNS for word, french in sorted(names.items())]


def hyphenated(lexicon) -> list[Phrase]:
    """The lexicon's hyphenated nouns (great-grandmother, mother-in-law: `build.compound_french`) as the multi-word
    expressions the tokenizer makes of them ("great - grandmother"): the hyphen alone is no word."""
    return [Phrase(tuple(tokenize(t.english)), "noun", t.french, t.gender)
            for (english, pos), t in sorted(lexicon.translations.items()) if "-" in english and pos == "noun"]


def build_vocabulary(lexicon) -> TranslationVocabulary:
    table: dict[str, Word] = {}
    extra = missing_forms(lexicon) | british_forms(lexicon)
    for word in [*lexicon.forms, *extra]:
        if tokenize(word) == [word] and (entry := _open_word(lexicon, word, extra)) is not None:
            table[word] = entry
    for word in {*DETERMINERS, *SUBJECTS, *OBJECTS, *PREPOSITIONS, *AUXILIARIES, *MODALS, *NEGATIONS, *MID_ADVERBS, *ADVERBS,
                 *NUMBERS, *CONJUNCTIONS, *PUNCTUATION, *PARTICLES, *OTHER} - set(_be_and_have(lexicon)):
        table[word.replace(" ", "_")] = Word(_closed_info(word), {})  # the grammar's own words: no dictionary reading
    table |= _be_and_have(lexicon)
    for word, french in BEFORE_NOUN.items():  # (second is also a noun: la seconde)
        m, f, mpl, fpl = adjective_forms(french)
        other = table[word].info[1] if word in table and table[word].info[0] == "OPEN" else ()
        vowel = starts_with_vowel(french) and not french.startswith("h")  # l'autre; le huitième
        readings = tuple(sorted({**dict(other), "A": (True, vowel, False, "base", False, False)}.items()))
        table[word] = Word(("OPEN", readings, table[word].info[2] if other else "A"),
                           {**(table[word].forms if other else {}),
                            "a.m.sg": m, "a.f.sg": f, "a.m.pl": mpl, "a.f.pl": fpl, "a.m.v": m, "a.w": m})
    faire = _verb_forms(lexicon.verbs["faire"], False)
    for word in ("do", "does", "did"):  # the auxiliary, or the verb faire (i did my homework)
        table[word] = Word(table[word].info, faire)
    for name in _names().values():  # a name the dictionary does not know: anna, paris, london → londres
        if name.name not in table or name.kind == "country":  # (a country: en espagne, au canada)
            kind = "country" if name.kind == "country" else "name"
            reading = (name.gender, "sg", _elides(name.french), kind)
            table[name.name] = Word(("OPEN", (("N", reading),), "N"), {"n.sg": name.french, "n.pl": name.french})
    forms_of: dict[str, set[str]] = {}
    for word, analyses in lexicon.forms.items():
        for lemma, _, _ in analyses:
            forms_of.setdefault(lemma, set()).add(word)
    phrases, final = {}, set()
    for phrase in (*hyphenated(lexicon), *read_phrases(), *_day_parts(table), *_storeys(lexicon)):  # (a hand-written phrase wins)
        for english, words in _phrase_words(lexicon, phrase, forms_of).items():
            phrases[english] = tuple(token for token, _ in words)
            table |= {token: word for token, word in words if word is not None}
            if phrase.gender == "end":
                final.add(english)
    for word in (w for w in table if "_" in w and _closed_info(w.replace("_", " ")) is not None):
        phrases[tuple(word.split("_"))] = (word,)  # no longer, any more: one word of the grammar's
    for english, french in MINUTES.items():
        phrases[english] = ("minutes:" + "_".join(english[-2:]),)
        table[phrases[english][0]] = Word(("MINUTES", french), {})
    table[UNK] = Word(("UNK",), {})
    table[SEP] = Word(("SEP",), {})
    table[FRENCH] = Word(("FR",), {})
    words = tuple(sorted(table))
    return TranslationVocabulary(words, tuple(table[w] for w in words), {w: i for i, w in enumerate(words)}, phrases,
                                 frozenset(final))


@lru_cache(maxsize=1)
def vocabulary() -> TranslationVocabulary:
    """The vocabulary from the built lexicon (raises MissingResource when it cannot be built)."""
    from weightsmith.tasks.nlp import dictionary

    return build_vocabulary(dictionary.load())
