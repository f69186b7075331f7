"""WordNet's classes of nouns: the class of a noun's commonest sense by its hypernym closure."""

import pytest

from weightsmith.tasks.nlp import dictionary
from weightsmith.tasks.nlp.dictionary import english, sources
from weightsmith.tasks.nlp.dictionary.english import noun_classes


@pytest.fixture(scope="module")
def classes() -> dict[str, str]:
    if dictionary.missing():
        pytest.skip("lexical resources not installed")
    roots = {"device": ("device.n.01",), "vehicle": ("conveyance.n.03",), "star": ("celestial_body.n.01",)}
    return noun_classes(sources.path("wordnet").parent, roots)


def test_a_noun_takes_the_class_its_commonest_sense_falls_under(classes):
    assert (classes["lamp"], classes["bus"], classes["sun"]) == ("device", "vehicle", "star")
    assert "child" not in classes and "idea" not in classes


def test_only_the_commonest_sense_counts_and_two_classes_are_none(classes):
    """television is a device only in its third sense (the first is broadcasting); a missile is both a
    device and a conveyance: neither."""
    assert "television" not in classes
    assert "missile" not in classes


@pytest.fixture(scope="module")
def wordnet():
    if dictionary.missing():
        pytest.skip("lexical resources not installed")
    return sources.path("wordnet").parent


def test_proper_nouns_are_the_lemmas_wordnet_only_capitalises(wordnet):
    names = english.proper_nouns(wordnet)
    assert {"bristol", "calcutta", "magellan"} <= names
    assert not {"rose", "bath", "campus", "glacier"} & names  # also (or only) common nouns



def test_an_adverb_pertains_to_the_adjective_wordnet_names(wordnet):
    adjectives = english.adverb_adjectives(wordnet)
    assert adjectives["carefully"] == ["careful"] and adjectives["politely"] == ["polite"]
    assert adjectives["terribly"] == ["terrible"] and "happy" in adjectives["happily"]
    assert "hardly" not in adjectives and "lately" not in adjectives  # (not "in a hard / late manner")


def test_compound_lemmas_are_keyed_with_hyphens_whatever_wordnet_joins_them_with(wordnet):
    compounds = english.compound_lemmas(wordnet)
    assert compounds["great-grandmother"] == {"noun"}  # (WordNet: great_grandmother)
    assert "adj" in compounds["well-known"] and "noun" in compounds["make-up"]
    assert "ice-cream" in compounds and "grandmother" not in compounds  # (a single word is no compound)


def test_wordnet_is_parsed_once_for_several_sets_of_roots(wordnet, monkeypatch):
    # the translator's vocabulary classes nouns under two sets of roots (`_noun_classes`): each read both files
    english._noun_graph.cache_clear()
    reads = []
    synsets = english._synsets
    monkeypatch.setattr(english, "_synsets", lambda folder, name: reads.append(name) or synsets(folder, name))
    first = noun_classes(wordnet, {"kin": ("relative.n.01",)})
    assert noun_classes(wordnet, {"device": ("device.n.01",)})["lamp"] == "device" and "mother" in first
    assert reads == ["data.noun"]


def test_synonyms_are_the_words_sharing_a_synset_in_the_class(wordnet):
    """What a French word's English translations may say for a word (the pivot's back-check): ban the verb shares
    synsets with banish and shun, goodness none with advantage; a noun's synonyms are not its verb's."""
    synonyms = english.synonyms(wordnet)
    assert {"ban", "banish", "shun"} <= synonyms["ban", "verb"] and "advantage" not in synonyms["goodness", "noun"]
    assert "shun" not in synonyms["ban", "noun"] and "cast out" in synonyms["ban", "verb"]


def test_nouns_under_roots_reads_as_many_senses_as_asked(wordnet):
    """One walk of WordNet's hypernyms for the lexicon's classes and the grammar's feeling nouns (which walked it
    again through `_noun_graph`): a fan is a device first and a devotee next; a missile is under two roots."""
    roots = {"person": ("person.n.01",), "device": ("device.n.01",), "vehicle": ("conveyance.n.03",)}
    first, two = english.nouns_under(wordnet, roots), english.nouns_under(wordnet, roots, senses=2)
    assert first["fan"] == {"device"} and two["fan"] == {"device", "person"}
    assert first["missile"] == {"device", "vehicle"}  # (so `noun_classes` gives it no class: tested above)
    assert first["child"] == {"person"} and "idea" not in two
