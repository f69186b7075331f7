"""Apertium's compiled bilingual dictionaries read through lt-proc: the chain English → Spanish → French keeps the class."""

import pytest

from weightsmith.tasks.nlp.dictionary import apertium, sources
from weightsmith.tasks.nlp.dictionary.apertium import Analysis


def test_an_lt_proc_answer_is_read_as_its_translations_and_an_unknown_word_as_none():
    assert apertium._parse("^shift<n>/turno<n><m>/cambio<n><m>$") == [
        Analysis("turno", ("<n>", "<m>")), Analysis("cambio", ("<n>", "<m>"))]
    assert apertium._parse("^juicy<adj>/@juicy<adj>$") == []
    snowman = apertium._parse("^snowman<n>/monigote# de nieve<n><m>$")[0]
    assert snowman.word == "monigote de nieve" and snowman.gender() == "m"


def test_a_spanish_noun_is_looked_up_with_the_gender_it_was_given_or_as_its_masculine():
    assert apertium._spanish_queries(Analysis("viña", ("<n>", "<f>")), "noun") == ("viña<n><f><sg>",)
    assert apertium._spanish_queries(Analysis("interno", ("<n>", "<GD>")), "noun") == ("interno<n><m><sg>",)
    assert apertium._spanish_queries(Analysis("húmedo", ("<adj>",)), "adj") == ("húmedo<adj><m><sg>", "húmedo<adj><mf><sg>")


@pytest.fixture(scope="module")
def installed():
    if sources.pivot_missing():
        pytest.skip("Apertium pivot not installed: " + "; ".join(sources.pivot_missing()))
    return sources.PIVOT_TOOL, sources.pivot_path("apertium-en-es"), sources.pivot_path("apertium-fr-es")


def test_the_chain_reaches_french_of_the_same_class_and_says_which_spanish_words_led_there(installed):
    found = apertium.pivot(*installed, [("vineyard", "noun"), ("shift", "noun"), ("ban", "verb"), ("vineyard", "verb"),
                                        ("qwertyx", "noun"), ("<n>", "noun")])
    assert [(c.french.word, c.spanish) for c in found["vineyard", "noun"]] == [("vigne", ("viña",))]
    assert {c.french.word for c in found["shift", "noun"]} == {"changement", "tour"}  # cambio, turno: two senses
    assert all(c.french.tags[0] == "<vblex>" for c in found["ban", "verb"])
    assert ("vineyard", "verb") not in found and ("qwertyx", "noun") not in found and ("<n>", "noun") not in found


def test_a_french_nouns_gender_comes_from_the_french_analyser_not_the_spanish_word(installed):
    tool, _, _ = installed
    analyser = sources.pivot_path("apertium-fr-es", 1)
    # excédent is masculine whatever Spanish gives (Apertium's English-Spanish side has excedente<f>); touriste is
    # both, and its masculine the lemma's use; an unknown word has none
    assert apertium.genders(tool, analyser, ["excédent", "vigne", "touriste", "qwertyx"]) == {
        "excédent": "m", "vigne": "f", "touriste": "m", "qwertyx": None}


def test_a_verbs_chain_returns_when_the_reverse_dictionaries_lead_back_to_it(installed):
    """belong → pertenecer → appartenir walks back (appartenir → pertenecer → belong); rely → confiar → confier does
    not (confiar's English is trust), nor collapse → colapsar → bloquer (bloquer's Spanish is bloquear)."""
    tool, english_spanish, french_spanish = installed
    verbs = ["belong", "rely", "collapse"]
    found = apertium.pivot(tool, english_spanish, french_spanish, [(v, "verb") for v in verbs])
    assert {v: [c.french.word for c in found[v, "verb"]] for v in verbs} == {
        "belong": ["appartenir"], "rely": ["confier"], "collapse": ["bloquer"]}
    back = apertium.returning(tool, sources.pivot_path("apertium-en-es", 1), sources.pivot_path("apertium-fr-es", 2),
                              {v: found[v, "verb"] for v in verbs})
    assert back == {"belong": {"appartenir"}, "rely": set(), "collapse": set()}
