"""French plurals and adjective forms by rule, with the exceptions that matter for everyday words."""

import pytest

from weightsmith.tasks.nlp.dictionary import french


@pytest.mark.parametrize("singular, plural", [
    ("chat", "chats"), ("cheval", "chevaux"), ("gâteau", "gâteaux"), ("souris", "souris"), ("nez", "nez"),
    ("œil", "yeux"), ("genou", "genoux"), ("pneu", "pneus"), ("festival", "festivals"),
    ("salle de bains", "salles de bains"), ("machine à laver", "machines à laver"),
    ("tableau blanc", "tableaux blancs"), ("ordinateur portable", "ordinateurs portables"),
    ("appareil photo", "appareils photo"), ("dimanche matin", "dimanches matin"), ("lundi soir", "lundis soir"),
    ("belle-mère", "belles-mères"), ("arrière-grand-mère", "arrière-grands-mères"),
    ("arrière-petit-fils", "arrière-petits-fils"), ("petite-fille", "petites-filles"),
])
def test_noun_plurals(singular, plural):
    assert french.noun_plural(singular) == plural


@pytest.mark.parametrize("m, forms", [
    ("petit", ("petit", "petite", "petits", "petites")), ("heureux", ("heureux", "heureuse", "heureux", "heureuses")),
    ("actif", ("actif", "active", "actifs", "actives")), ("cher", ("cher", "chère", "chers", "chères")),
    ("rouge", ("rouge", "rouge", "rouges", "rouges")), ("beau", ("beau", "belle", "beaux", "belles")),
    ("blanc", ("blanc", "blanche", "blancs", "blanches")), ("national", ("national", "nationale", "nationaux",
                                                                        "nationales")),
    ("inquiet", ("inquiet", "inquiète", "inquiets", "inquiètes")), ("bon", ("bon", "bonne", "bons", "bonnes")),
])
def test_adjective_forms(m, forms):
    assert french.adjective_forms(m) == forms


@pytest.mark.parametrize("noun, gender", [
    ("campus", "m"), ("épisode", "m"), ("détective", "m"), ("marathon", "m"), ("participation", "f"),
    ("qualité", "f"), ("pizzeria", "m"),  # (la pizzeria: the rule's miss, -ia is no French suffix)
])
def test_a_borrowed_noun_is_masculine_but_for_a_feminine_suffix(noun, gender):
    assert french.borrowed_gender(noun) == gender


@pytest.mark.parametrize("m, f, adverbs", [
    ("prudent", "prudente", ("prudemment",)), ("constant", "constante", ("constamment",)),
    ("poli", "polie", ("poliment",)), ("vrai", "vraie", ("vraiment",)), ("calme", "calme", ("calmement", "calmément")),
    ("heureux", "heureuse", ("heureusement", "heureusément")), ("lent", "lente", ("lemment",)),
    ("précis", "précise", ("précisement", "précisément")), ("aisé", "aisée", ("aisément",)),
])
def test_an_adjective_makes_its_adverbs_with_ment(m, f, adverbs):
    """The rule's spellings; a frequency list picks the French one (précisément, not précisement) or none (lent's
    lemment: slowly is FreeDict's lentement), `build.derived_adverbs`."""
    assert french.adverbs(m, f) == adverbs
