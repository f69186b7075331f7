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


@given(st.integers(0, 9), st.integers(0, 9))
def test_a_form_is_in_use_from_its_count_in_text(uses: int, others: int):
    texts = ["she knitted a hat ."] * uses + ["she knit a hat ."] * others
    expected = {"knitted"} if uses >= grammar_words.IN_USE_MIN else set()
    assert grammar_words.in_use({"knitted", "goed"}, texts) == expected


@needs_lexicon
def test_forms_english_uses_are_not_learners_forms():
    words = grammar_words.vocabulary()
    assert {words.class_of(w).primary for w in ("knitted", "brambles", "seconds", "lasts", "americans")} <= {"N", "V"}
    assert "past" in words.class_of("knitted").forms and words.class_of("brambles").number == "pl"
    assert all(words.class_of(w).primary == "BAD" for w in ("childs", "goed", "mans", "informations", "babys"))
    # (no regular plural of a noun with another plural, however a verb uses it: he loafs about)
    assert "N" not in words.class_of("loafs").readings


@needs_lexicon
def test_a_verbs_lost_noun_reading_comes_back_from_wordnet():
    words = grammar_words.vocabulary()
    assert all("N" in words.class_of(w).readings for w in ("lift", "spill", "cough", "swim", "pinch"))
    assert all("N" not in words.class_of(w).readings for w in ("see", "go", "know", "say"))  # common verbs


@needs_lexicon
def test_verbs_that_always_take_an_object_come_from_wordnet_frames():
    verbs = grammar_words.object_only_verbs()
    assert {"delay", "exhaust", "cancel", "injure", "scare", "postpone"} <= verbs
    assert not {"arrive", "melt", "cover", "close", "open", "cook"} & verbs
    assert grammar_words.vocabulary().class_of("delayed").mark == "tr"
