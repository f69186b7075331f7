"""French noun plurals and adjective forms, by rule with the common exceptions.

The dictionaries give French lemmas only; the forms here are what a learner's grammar gives. A rule can
be wrong for a rare word: the hand-written overrides (`overrides.tsv`) take precedence, and every table
row records whether its forms came from a rule.
"""

from __future__ import annotations

from weightsmith.tasks.nlp.lexicon import _regular_plural

_PLURAL_X = {"bijou", "caillou", "chou", "genou", "hibou", "joujou", "pou"}
_PLURAL_S = {"bal", "carnaval", "festival", "chacal", "récital", "régal", "pneu", "bleu", "landau"}
# the words that join a compound's head to its complement, which stays as it is (cartes de crédit), and the
# nouns that stand as a complement without one (appareils photo, papiers cadeau)
_LINKS = ("de", "d'", "à", "au", "aux", "en", "du", "des")
_APPOSED = ("photo", "cadeau", "vapeur", "matin", "soir", "après-midi")  # appareils photo; les lundis matin
_PLURAL_IRREGULAR = {"œil": "yeux", "ciel": "cieux", "travail": "travaux", "vitrail": "vitraux", "corail": "coraux",
                     "émail": "émaux", "monsieur": "messieurs", "madame": "mesdames", "mademoiselle": "mesdemoiselles"}

# m.sg → (f.sg, m.pl, f.pl) where the rules below would be wrong
_ADJECTIVES = {
    "beau": ("belle", "beaux", "belles"), "nouveau": ("nouvelle", "nouveaux", "nouvelles"),
    "vieux": ("vieille", "vieux", "vieilles"), "fou": ("folle", "fous", "folles"), "mou": ("molle", "mous", "molles"),
    "blanc": ("blanche", "blancs", "blanches"), "franc": ("franche", "francs", "franches"),
    "sec": ("sèche", "secs", "sèches"), "frais": ("fraîche", "frais", "fraîches"),
    "long": ("longue", "longs", "longues"), "doux": ("douce", "doux", "douces"), "faux": ("fausse", "faux", "fausses"),
    "roux": ("rousse", "roux", "rousses"), "gentil": ("gentille", "gentils", "gentilles"),
    "gros": ("grosse", "gros", "grosses"), "bas": ("basse", "bas", "basses"), "gras": ("grasse", "gras", "grasses"),
    "épais": ("épaisse", "épais", "épaisses"), "las": ("lasse", "las", "lasses"),
    "favori": ("favorite", "favoris", "favorites"), "public": ("publique", "publics", "publiques"),
    "grec": ("grecque", "grecs", "grecques"), "malin": ("maligne", "malins", "malignes"),
    "complet": ("complète", "complets", "complètes"), "inquiet": ("inquiète", "inquiets", "inquiètes"),
    "secret": ("secrète", "secrets", "secrètes"), "discret": ("discrète", "discrets", "discrètes"),
    "meilleur": ("meilleure", "meilleurs", "meilleures"), "final": ("finale", "finals", "finales"),
    "banal": ("banale", "banals", "banales"), "fatal": ("fatale", "fatals", "fatales"),
    "marron": ("marron", "marron", "marron"), "orange": ("orange", "orange", "orange"),
    "bleu": ("bleue", "bleus", "bleues"),
}


def noun_plural(singular: str) -> str:
    if singular in _PLURAL_IRREGULAR:
        return _PLURAL_IRREGULAR[singular]
    if singular in _PLURAL_X:
        return singular + "x"
    if singular in _PLURAL_S:
        return singular + "s"
    head, _, rest = singular.partition("-")
    if rest and head in ("grand", "petit", "petite", "beau", "belle"):  # grands-parents, petites-filles, belles-mères
        return noun_plural(head) + "-" + noun_plural(rest)
    if rest and head == "arrière":  # arrière- stays: arrière-grands-mères, arrière-petits-fils
        return head + "-" + noun_plural(rest)
    words = singular.split(" ")
    if len(words) > 1 and words[1] not in _LINKS + _APPOSED:  # téléphones portables: adjectives agree
        return " ".join(noun_plural(w) for w in words)
    if len(words) > 1:  # "salle de bains" → "salles de bains", machines à laver: the head noun comes first
        return noun_plural(words[0]) + " " + " ".join(words[1:])
    return _regular_plural(singular)


def _feminine(m: str) -> str:
    for ending, feminine in (("eux", "euse"), ("if", "ive"), ("er", "ère"), ("el", "elle"), ("eil", "eille"),
                             ("en", "enne"), ("on", "onne"), ("et", "ette"), ("ieur", "ieure"), ("eur", "euse"),
                             ("oux", "ouse")):
        if m.endswith(ending):
            return m[: len(m) - len(ending)] + feminine
    return m if m.endswith("e") else m + "e"


def adjective_forms(m: str) -> tuple[str, str, str, str]:
    """m.sg → (m.sg, f.sg, m.pl, f.pl)."""
    if m in _ADJECTIVES:
        return (m, *_ADJECTIVES[m])
    f = _feminine(m)
    return m, f, _regular_plural(m), f + "s"



# a learner's gender rules: these endings are feminine, and so is any other final -e but for the masculine
# endings below (-age, -isme, -aire, -tre, ...). Checked against the 3,217 nouns FreeDict gives a gender: the
# rule agrees on 81% of them (the common exceptions, musée, lycée, été, plage, are overrides or have a gender)
_FEMININE_ENDINGS = ("tion", "sion", "xion", "aison", "ance", "ence", "ette", "elle", "esse", "ille", "ure", "ise",
                     "ade", "ière", "euse", "rice", "ine", "ude", "ée", "té", "ie", "erie")
_MASCULINE_E = ("age", "isme", "ème", "iste", "aire", "ège", "ôme", "ome", "phe", "ste", "cle", "tre", "re", "ble")


def guess_gender(noun: str) -> str:
    """The gender of a French noun the dictionary gives none for, from the ending of its head word
    ("salle de bains" → salle). A noun for people of either sex (élève, touriste) comes out masculine, as
    the references' unmarked gender is."""
    head = noun.split(" ")[0].split("-")[0]
    feminine = head.endswith(_FEMININE_ENDINGS) or head.endswith("e") and not head.endswith(_MASCULINE_E)
    return "f" if feminine else "m"


def borrowed_gender(noun: str) -> str:
    """The gender of a noun French shares with English (`build.cognates`) when the dictionary gives none: a
    borrowed noun is masculine unless it ends in a feminine suffix (le campus, le marathon, l'épisode, le
    détective; la participation, la qualité), where `guess_gender` would make every final -e feminine."""
    return "f" if noun.split(" ")[0].endswith(_FEMININE_ENDINGS) else "m"


def adverbs(m: str, f: str) -> tuple[str, ...]:
    """The adverbs a French adjective (masculine, feminine) may make with -ment, as a learner's grammar gives them:
    -ant, -ent → -amment, -emment (constamment, prudemment; not lent's lentement: the feminine's "-entement" is more
    often a noun, contentement); after a vowel but e the masculine (poliment, vraiment, aisément); else the feminine,
    or the feminine in -ément (heureusement, facilement; précisément, énormément). Which of those two French uses is
    a frequency list's question (`build.derived_adverbs`)."""
    if m.endswith(("ant", "ent")):
        return (m[:-3] + m[-3] + "mment",)
    if m.endswith(("a", "é", "i", "u", "o")):
        return (m + "ment",)
    return (f + "ment", f[:-1] + "ément") if f.endswith("e") else (f + "ment",)
