"""The grammaticality vocabulary's knowledge taken from resources: countability by use (a pure count over text, a
law for every count), the verbs whose object takes "to" (WordNet's frames) and learners' -ys forms."""

import pytest
from hypothesis import given, strategies as st

from weightsmith.library.nlp import grammar_words
from weightsmith.tasks.nlp import dictionary

FORMS = {"cup": [("cup", "noun", "sg")], "tea": [("tea", "noun", "sg")], "cups": [("cup", "noun", "pl")]}


@given(st.integers(0, 12), st.integers(0, 12))
def test_a_noun_counts_as_countable_by_its_share_of_uses_after_a(counted: int, bare: int):
    texts = ["she drank a cup ."] * counted + ["cup was everywhere ."] * bare
    expected = counted >= grammar_words.COUNTED_MIN and counted >= grammar_words.COUNTED_SHARE * (counted + bare)
    assert ("cup" in grammar_words.counted_by_use(FORMS, texts)) == expected


def test_uses_after_a_determiner_or_before_a_noun_are_not_bare():
    texts = ["a cup .", "another cup , please", "an old cup"] + ["the cup .", "my cup", "of cup", "tea cups"] * 5
    assert grammar_words.counted_by_use(FORMS, texts) == {"cup"}
    assert grammar_words.counted_by_use(FORMS, texts + ["cup ."] * 8) == set()  # 3 against 8 bare: below 0.3


needs_lexicon = pytest.mark.skipif(bool(dictionary.missing()), reason="lexical resources not installed")


@needs_lexicon
def test_verbs_whose_object_takes_to_come_from_wordnet_frames():
    verbs = grammar_words.to_object_verbs()
    assert {"ask", "tell", "want", "expect", "persuade", "remind"} <= verbs
    assert not {"let", "make", "see", "hear", "help", "feel"} & verbs  # bare infinitive after the object


@needs_lexicon
def test_s_after_consonant_and_y_is_a_learners_form():
    words = grammar_words.vocabulary()
    assert all(words.class_of(w).primary == "BAD" for w in ("babys", "citys", "studys", "worrys"))
    assert all(words.class_of(w).primary != "BAD" for w in ("days", "boys", "plays", "babies", "studies"))
