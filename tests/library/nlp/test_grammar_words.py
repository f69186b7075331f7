"""The grammaticality vocabulary's knowledge taken from resources: countability by use (a pure count over text, a
law for every count), the verbs whose object takes "to" (WordNet's frames), learners' -ys forms and spellings, and
the function words the lexicon's tables leave out."""

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


@given(st.integers(0, 12), st.integers(0, 12))
def test_a_noun_is_bare_after_a_preposition_by_its_share_of_uses_there(bare: int, determined: int):
    texts = ["she is in bed ."] * bare + ["the cat sat on the bed"] * determined
    expected = bare > 0 and bare >= grammar_words.BARE_AFTER_SHARE * (bare + determined)
    assert ("bed" in grammar_words.bare_after_preposition({"bed"}, texts)) == expected


def test_only_a_preposition_right_before_makes_a_noun_bare_there():
    texts = ["the bed was made", "a bed", "under the bed", "in my bed", "bed ."]
    assert grammar_words.bare_after_preposition({"bed"}, texts) == set()
    assert grammar_words.bare_after_preposition({"bed"}, texts + ["stay in bed"]) == {"bed"}  # 1 against 2
    # ("to" is no preposition of the closed table: to + a noun-verb word is mostly an infinitive)
    assert grammar_words.bare_after_preposition({"bed"}, texts + ["go to bed"]) == set()


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


@needs_lexicon
def test_verbs_that_take_an_object_in_their_commonest_senses_are_marked_apart():
    first = grammar_words.object_first_verbs()
    assert grammar_words.object_only_verbs() <= first
    assert {"cover", "shock", "locate", "crowd"} <= first  # a rarer sense without an object does not count
    assert not {"lift", "melt", "arrive", "open", "close"} & first  # a sense SemCor counts: the fog lifted
    words = grammar_words.vocabulary()
    assert words.class_of("covered").mark == "trp" and words.class_of("delayed").mark == "tr"


@needs_lexicon
def test_verbs_of_feeling_and_nouns_that_could_feel_come_from_wordnet():
    feeling = grammar_words.feeling_verbs()
    assert {"interest", "bore", "excite", "disappoint", "frighten", "annoy"} <= feeling
    assert not {"admire", "enjoy", "love", "fear", "cover", "cancel"} & feeling  # their subject feels, or no feeling
    feelers = grammar_words.feeling_nouns()
    assert {"pupil", "teacher", "team", "cat", "fan"} <= feelers  # fan: a device first, a devotee next
    assert not {"tour", "match", "phone", "lesson", "weather"} & feelers
    words = grammar_words.vocabulary()
    assert grammar_words.FEELING in words.class_of("bored").mark.split("/")
    assert grammar_words.THING in words.class_of("tours").mark.split("/")
    assert grammar_words.THING not in words.class_of("fans").mark.split("/")
    assert words.class_of("interested").rule_mark == words.class_of("interested").mark.replace("/fl", "")


@needs_lexicon
def test_linking_verbs_come_from_wordnet_frames_in_their_commonest_senses():
    verbs = grammar_words.linking_verbs()
    assert {"look", "feel", "seem", "sound", "smell", "taste", "become", "stay", "remain", "get", "grow"} <= verbs
    assert not {"sing", "play", "drive", "speak", "wave", "snow", "work"} & verbs  # frame 6 / 7 in rarer senses only
    words = grammar_words.vocabulary()
    assert grammar_words.LINKING in words.class_of("tastes").mark.split("/")
    assert words.class_of("feel").mark.split("/") == ["bare", grammar_words.LINKING]  # joined to the mark it had


@needs_lexicon
def test_flat_adverbs_that_only_stand_for_their_ly_adverb_come_from_wordnet_senses():
    flat = grammar_words.flat_ly_adverbs()
    assert {"quick", "quiet", "sweet", "bad", "loud"} <= flat  # every sense: "promptly, quickly, quick" …
    assert not {"hard", "late", "fast", "slow", "deep", "fine", "close", "tight"} & flat  # a sense of their own
    words = grammar_words.vocabulary()
    assert grammar_words.FLAT_LY in words.class_of("sweet").mark.split("/")
    assert words.class_of("sweet").rule_mark == words.class_of("sweet").mark.replace("/" + grammar_words.FLAT_LY, "")


@needs_lexicon
def test_verbs_whose_subject_is_a_thing_come_from_the_frames_of_their_commonest_sense():
    things = grammar_words.thing_verbs()
    assert {"last", "rain", "happen", "belong"} <= things  # Something ----s (something)
    assert not {"have", "teach", "rent", "run", "live", "work", "drive"} & things
    words = grammar_words.vocabulary()
    # (the mark as the rules read it: "lasts" is also the plural of the noun "last", a time noun's mark part, TIME_NOUN)
    assert words.class_of("lasts").rule_mark == grammar_words.THING_VERB
    assert words.class_of("teaches").rule_mark != grammar_words.THING_VERB


@needs_lexicon
def test_nouns_that_name_a_time_come_from_wordnets_noun_time_file():
    times = grammar_words.time_nouns()
    assert {"week", "night", "summer", "monday", "weekend"} <= times
    assert not {"door", "table", "bus", "house"} & times
    words = grammar_words.vocabulary()
    assert grammar_words.TIME_NOUN in words.class_of("week").mark.split("/")
    assert grammar_words.TIME_NOUN not in words.class_of("door").mark.split("/")


@needs_lexicon
def test_a_body_of_people_agrees_with_a_verb_of_either_number():
    people = grammar_words.personnel_nouns()
    assert {"staff", "personnel", "workforce"} <= people  # force, personnel: a group willing to obey orders
    assert not {"team", "family", "company", "committee"} & people  # the data treat these as singular
    words = grammar_words.vocabulary()
    assert [words.class_of(w).number for w in ("staff", "personnel", "staffs")] == ["sgpl", "sgpl", "pl"]
    assert words.class_of("front").rule_mark == "front"  # (in front the shop: "of" is missing)


@given(st.from_regex(r"[a-z]{2,8}[bcdfgkmnprst]", fullmatch=True))
def test_the_doubling_a_verb_does_not_use_is_its_misspelling(verb: str):
    last = verb[-1]
    single = {verb + "ed", verb + "ing"}
    double = {verb + last + "ed", verb + last + "ing"}
    plain = grammar_words.misspelt_inflections(verb, {"past": (verb + "ed",), "ing": (verb + "ing",)})
    assert double <= plain and not single & plain  # visitted, openned
    doubled = grammar_words.misspelt_inflections(verb, {"past": (verb + last + "ed",), "ing": (verb + last + "ing",)})
    assert single <= doubled and not double & doubled  # stoped, runing


def test_a_silent_e_and_an_irregular_past_give_their_misspellings():
    come = grammar_words.misspelt_inflections("come", {"past": ("came",), "ing": ("coming",)})
    assert {"comeing", "comming", "camed"} <= come and "coming" not in come
    assert "losted" in grammar_words.misspelt_inflections("lose", {"past": ("lost",), "pp": ("lost",)})
    # (a British double l is no misspelling: travelled beside traveled)
    assert "travelled" not in grammar_words.misspelt_inflections("travel", {"past": ("traveled",)})


@needs_lexicon
def test_learners_spellings_are_bad_and_english_ones_are_not():
    words = grammar_words.vocabulary()
    bad = ("losted", "forgotted", "visitted", "stoped", "makeing", "comming", "watchs", "boxs", "tidyed", "haveing")
    assert all(words.class_of(w).primary == "BAD" for w in bad)
    english = ("lost", "visited", "stopped", "making", "coming", "watches", "boxes", "tidied", "travelled",
               "labelled", "programmed", "planed", "hoping")
    assert all(words.class_of(w).primary not in ("BAD", "UNK") for w in english)


@needs_lexicon
def test_function_words_are_in_the_vocabulary():
    words = grammar_words.vocabulary()
    assert words.class_of("other").readings == ("A", "N") and words.class_of("others").number == "pl"
    assert all(words.class_of(w).primary == "PREP" for w in ("onto", "upon", "amongst", "via"))
    assert all(words.class_of(w).primary == "SUB" for w in ("unless", "whenever", "whereas"))
    assert words.class_of("children").mark == "kinpl" and words.class_of("sister").mark == "kin"


@needs_lexicon
def test_a_singular_form_that_is_another_lemmas_plural_is_of_either_number():
    words = grammar_words.vocabulary()
    # (LemmInflect lists "woods" and "feelings" as lemmas of their own; "wood" and "feeling" have them as plurals)
    assert {words.class_of(w).number for w in ("woods", "feelings", "circumstances")} == {"sgpl"}
    # an everyday plural that a rare lemma also spells stays plural, and the singulars keep their number
    assert [words.class_of(w).number for w in ("eggs", "years", "wood", "feeling")] == ["pl", "pl", "sg", "sg"]


@needs_lexicon
def test_a_closed_adverb_keeps_the_wider_tables_adjective_when_both_can_be_weighed():
    words = grammar_words.vocabulary()
    # (the wider table lists early and far as adjectives and adverbs; still only as an adjective, so it is not weighed)
    assert "A" in words.class_of("early").readings and "A" in words.class_of("far").readings
    assert words.class_of("still").readings == ("R",) and words.class_of("early").primary == "R"


@needs_lexicon
def test_a_participle_wordnet_lists_as_an_adjective_is_one_only_for_the_rule_that_reads_it():
    words = grammar_words.vocabulary()
    grilled = words.class_of("grilled")
    assert grilled.primary == "V" and "A" in grilled.readings
    assert grammar_words.PARTICIPLE_ADJECTIVE in grilled.mark.split("/") and grilled.rule_mark == "-"
    # (a participle the lexicon lists as an adjective already is left as it was; a past that is no participle gets none)
    assert grammar_words.PARTICIPLE_ADJECTIVE not in words.class_of("closed").mark.split("/")
    assert "A" not in words.class_of("went").readings
    plain = grammar_words.WordClass("V", ("V",), "-", ("past",), "c")
    assert grammar_words.participle_adjective(plain) == plain


@needs_lexicon
def test_a_noun_listed_without_a_plural_gets_its_regular_one_beside_another_reading():
    words = grammar_words.vocabulary()
    assert words.class_of("tins").number == "pl" and "N" in words.class_of("tins").readings
    assert "N" in words.class_of("bars").readings and "V" in words.class_of("bars").readings
    lexicon = dictionary.load().for_task("grammaticality")
    forms = grammar_words.with_unlisted_plurals({"tins": [("tin", "verb", "3s")]}, lexicon)
    assert forms == {"tins": [("tin", "verb", "3s"), ("tin", "noun", "pl")]}
