"""The three-class sentiment program at dictionary scale: the generated corpus, hand-written dev sentences,
each rule on its own, its trace, unknown words, and the older two-class corpus.

The program reads the built lexicon (`tasks.nlp.dictionary`), so these tests need its resources.
"""

import pytest

from weightsmith import rasp
from weightsmith.library import nlp
from weightsmith.library.nlp import models, polarity
from weightsmith.tasks import nlp as corpora
from weightsmith.tasks.nlp import dictionary, everyday_sentiment

if dictionary.missing():
    pytest.skip("lexical resources not installed: " + "; ".join(dictionary.missing()), allow_module_level=True)


def labels(sentences: list[list[str]]) -> list[str]:
    return [out[-1] for out in models.run("sentiment", sentences, "interpreter")]


def test_generated_dev_corpus_labels():
    examples = everyday_sentiment.load("dev")[::4]
    got = labels([list(e.words) for e in examples])
    assert [" ".join(e.words) for e, g in zip(examples, got) if g != e.label] == []
    assert {e.label for e in examples} == set(polarity.LABELS)


def test_handwritten_dev_sentences():
    examples = everyday_sentiment.load_handwritten()
    got = labels([list(e.words) for e in examples])
    assert [" ".join(e.words) for e, g in zip(examples, got) if g != e.label] == []


def test_probe_sentences_and_their_known_misses():
    examples = everyday_sentiment.load_handwritten("probe")
    got = labels([list(e.words) for e in examples])
    # events with no evaluative word (docs/nlp.md, "what remains")
    assert [" ".join(e.words) for e, g in zip(examples, got) if g != e.label] == [
        "the kitchen tap is dripping again .", "the dog next door barks all day ."]


def test_round13_sentences_and_their_known_misses():
    examples = everyday_sentiment.load_handwritten("round13")
    got = labels([list(e.words) for e in examples])
    # an event with no evaluative word, and a rated word used as a name (docs/nlp.md, round 13; "a book about the
    # war" is a topic since round 17)
    assert [" ".join(e.words) for e, g in zip(examples, got) if g != e.label] == [
        "i could n't sleep because of the noise .", "the dry cleaner 's closes at six ."]


def test_graded_words_are_the_polar_comparatives_and_superlatives_in_one_run_per_class():
    vocabulary = polarity.words()
    graded = {w for w, g in zip(vocabulary.words, vocabulary.graded) if g}
    assert {"better", "best", "worse", "worst", "happier", "lovelier", "nicer"} <= graded
    assert not graded & {"good", "happy", "bad", "more", "so", "greatly"}
    steps = sum((a, x) != (b, y) for a, b, x, y in zip(vocabulary.classes, vocabulary.classes[1:], vocabulary.graded,
                                                         vocabulary.graded[1:]))
    assert steps + 1 == len(set(zip(vocabulary.classes, vocabulary.graded)))  # `id → graded` is a staircase too


def test_graded_forms_and_adverbs_say_what_their_adjective_says():
    vocabulary = polarity.words()
    assert vocabulary.class_of("tidier") == vocabulary.class_of("tidiest") == vocabulary.class_of("tidy") == "+1"
    assert vocabulary.class_of("kindest") == "+2"  # "kind" alone is ambiguous (a kind of …)
    assert vocabulary.class_of("quickly") == vocabulary.class_of("quick") == "+1"
    assert vocabulary.class_of("costly") == "-1"  # not the adverb of "cosy"
    assert vocabulary.class_of("later") == "adj" and vocabulary.class_of("fairly") == "-"  # a time, a degree: not polar
    assert vocabulary.class_of("stranger") == "adj"  # also a noun: not polar
    assert vocabulary.class_of("unreasonable") == "-1" and vocabulary.class_of("uninteresting") == "-1"
    assert vocabulary.class_of("unpleasant") == "-2"  # rated by VADER: its own rating wins


def test_wordnet_gives_unrated_adjectives_a_sign_from_their_synonyms_and_a_wanted_pole_from_their_antonyms():
    vocabulary = polarity.words()
    assert vocabulary.class_of("magical") == "+1" and vocabulary.class_of("hideous") == "-1"  # charming; horrid
    assert vocabulary.class_of("apart") == "adj"  # also an adverb: plain
    assert vocabulary.class_of("hot") == vocabulary.class_of("fast") == "wanted"  # cold, slow are complaints
    assert vocabulary.class_of("rough") == "unwanted"  # smooth is praise
    assert vocabulary.class_of("sure") == "-"  # VADER rates it: not second-guessed (the overrides made it plain)
    assert vocabulary.class_of("clear") == "+1"  # VADER's rating (round 18: no longer overridden)
    assert vocabulary.class_of("properly") == "+1" and vocabulary.class_of("poorly") == "-1"  # decently; badly
    assert vocabulary.class_of("moderately") == "-"  # shares its sense with "pretty": a degree
    assert vocabulary.class_of("war") == "n-2" and vocabulary.class_of("festival") == "n+2"  # only nouns
    assert vocabulary.class_of("terrible") == "-2"  # an adjective keeps its polar class


@pytest.mark.parametrize("text, label", [
    ("the food was good", "positive"),
    ("the food was not good", "negative"),
    ("the food was n't bad", "positive"),
    ("we never enjoyed the trip", "negative"),
    ("we do n't have a car", "neutral"),  # a negation with nothing to negate
    ("the bus leaves at six !", "neutral"),  # an exclamation adds no polarity
    ("the room was lovely !", "positive"),
    ("the view was beautiful but the beds were hard and dirty", "negative"),  # only what follows "but" counts
    ("the bus was late , but the driver was very polite", "positive"),
    ("the staff were rude and the room was very lovely", "positive"),  # 2 against 3: the intensified word wins
    ("the staff were rude and the room was not very lovely", "negative"),  # "not very": no extra strength
    ("the bread is a bit stale", "negative"),  # a diminisher weakens, never flips
    ("it looks like rain", "neutral"),
    ("i would like a table", "neutral"),
    ("i like the new kitchen", "positive"),
    ("the soup is pretty good", "positive"),
    ("the room is too small", "negative"),
    ("the teacher was kind of rude", "negative"),
    ("the teacher was kind", "positive"),
    ("there was nothing wrong with the car", "positive"),
    ("was the hotel nice ?", "neutral"),  # a question asserts nothing
    ("the cake was too sweet", "negative"),  # "too" + a positive word: excess, a complaint
    ("the cake was not too sweet", "positive"),
    ("the wind was too bad", "negative"),
    ("the room is a bit small", "negative"),  # a diminisher + a plain adjective: a mild complaint
    ("the room is kind of small", "negative"),
    ("a little boy was here", "neutral"),
    ("the train was on time", "positive"),
    ("the buses are never on time", "negative"),
    ("we have no time", "neutral"),
    ("the room is big enough", "positive"),  # a plain adjective + "enough" meets a need
    ("the room is not big enough", "negative"),
    ("we have enough bread", "neutral"),
    ("i have never been so happy", "positive"),  # "never been so": the most, not a negation
    ("i have never been happy here", "negative"),
    # round 13: after "never" or "could n't", a comparative or "so"/"more" says the most
    ("i 've never been happier", "positive"),
    ("i have never seen a worse film", "negative"),
    ("i have never felt so welcome in a hotel", "positive"),
    ("i could n't be happier with the sofa", "positive"),
    ("the timing could n't be worse", "negative"),
    ("i have never been very happy here", "negative"),  # "very" is not "so": a plain negation
    ("the food is never so good here", "negative"),  # "so" right after "never": "not that good"
    ("the new phone is not better", "negative"),  # only "never"/"could n't" say the most
    # a negative question or a tag asks the hearer to agree: it asserts
    ("is n't it terrible ?", "negative"),
    ("do n't you just love this song ?", "positive"),
    ("the cake was delicious , was n't it ?", "positive"),
    ("the beach was n't very clean , was it ?", "negative"),
    ("is n't the museum open on sundays ?", "neutral"),  # nothing to agree with
    ("has the train not been on time ?", "neutral"),  # no "n't" second: a question
    ("why is n't the train ever on time ?", "negative"),  # a complaint asked with "why" (round 16, below)
    ("was the hotel breakfast awful ?", "neutral"),
    # a negation judges the first polar word after it; the rest of its clause describes
    ("the rain was n't bad at all during the festival", "positive"),
    ("the pay is n't good for such a stressful job", "negative"),
    ("the trams are never dirty or smelly", "positive"),  # "or" keeps the scope
    ("the staff were n't friendly or helpful", "negative"),
    ("the food was not good and the service was slow", "negative"),  # "and" ends it
    # round 15: a contrast whose last clause says nothing is read from the clause before it, flipped
    ("the hotel was cheap but miles from the beach", "negative"),
    ("the cake looked lovely , but nobody touched it", "negative"),
    ("the flat is noisy , but we sleep through it", "positive"),
    ("the hotel was cheap but the beds were comfortable", "positive"),  # the last clause votes: it decides
    # a bare "not"/"n't" at the end of a clause negates the predicate of the clause before: a contrast
    ("the service was great , the food was not", "negative"),
    ("the soup was lovely ; the bread was n't", "negative"),
    ("the starter was delicious but the main course was not", "negative"),
    ("the match was awful , we lost four to nothing !", "negative"),  # "nothing" is no predicate
    # "even" + a preposition or a conjunction concedes: what follows does not vote
    ("our neighbours are always friendly , even on busy mornings", "positive"),
    ("the nurses were never rude , even when the ward was chaotic", "positive"),
    ("the sequel was even better than the first film", "positive"),  # "even" + a polar word: no concession
    ("i did n't even like the dessert", "negative"),  # "even" + a verb: no concession
    # "what a" + a noun exclaims: good unless a polar word says otherwise
    ("what a sunset !", "positive"),
    ("what a mess !", "negative"),
    ("what a horrible little shop !", "negative"),
    ("what time does the film start ?", "neutral"),
    # "little" after an adjective is a size, not "a little" ("a little cold")
    ("we rented a cosy little wooden cabin", "positive"),
    ("the cabin was a little cold", "negative"),
    # round 16: a question opening with "why" takes what it asks about as given; its complaints count
    ("why is the bus always so slow ?", "negative"),
    ("why are the trains so dirty and crowded in the morning ?", "negative"),
    ("why is the soup so delicious today ?", "neutral"),  # wonder, not praise
    ("why did you sell the car ?", "neutral"),
    ("can you tell me why the bus is so slow ?", "neutral"),  # "why" not first: a question
    ("is the bus always so slow ?", "neutral"),
    # a polar word right after my/our/… is part of a name, not a judgement
    ("my best friend lives in leeds", "neutral"),
    ("our great - grandfather built this house", "neutral"),
    ("the nurse was gentle with my nervous grandmother", "positive"),
    ("the teacher was patient with our shy son", "positive"),
    ("the surprise party made her happy", "positive"),  # "her" is also an object: not read as a possessive
    # "help" judges: helping is good, not helping a complaint (VADER's rating, no longer overridden)
    ("my neighbour always helps me with the shopping", "positive"),
    ("my brother never helps with the dishes", "negative"),
    ("the new cream did n't help my rash at all", "negative"),
    ("can you help me with my bag ?", "neutral"),
    # round 17: a plain adjective with a wanted pole (its WordNet antonym is rated) complains or praises when negated
    ("the bath water was never hot", "negative"),  # hot ↔ cold
    ("the wifi in the hotel is never fast enough", "negative"),  # fast ↔ slow
    ("the flight home was n't rough at all", "positive"),  # rough ↔ smooth
    ("it was a hot day in july", "neutral"),  # not negated: no opinion
    ("the sea was rough this morning", "neutral"),
    ("the soup was not too hot for the kids", "positive"),  # "too" still reads "hot" as a plain adjective
    ("i am not sure when the shop opens", "neutral"),  # VADER rates "sure"; the overrides made it plain
    # an adjective VADER lacks takes the sign of the polar words its commonest WordNet sense holds
    ("the fireworks over the bay were magical", "positive"),
    ("the new shopping centre is hideous", "negative"),
    ("we lived two streets apart for years", "neutral"),  # also an adverb: not read from an adjective sense
    # "never" says the most only when it is the negator nearest before the comparative, not anywhere in the sentence
    ("the bus was never late , but the meal was not better", "negative"),
    ("the staff never smiled , and the coffee was n't so great", "negative"),
    ("i have never felt better", "positive"),
    # a polar word that is only a noun, after "the" at the end of its clause, names a topic
    ("my uncle wrote a book about the war", "neutral"),
    ("the campsite was a bit dirty after the festival", "negative"),
    ("we talked about the weather and the war , and it was lovely", "positive"),
    ("the war was a disaster for the town", "negative"),  # not at the end of its clause: it judges
    # round 18: an adverb VADER lacks takes the sign of the adverbs its commonest WordNet sense holds
    ("the washing machine does n't rinse the towels properly", "negative"),  # properly: decently
    ("the mechanic fixed the brakes properly this time", "positive"),
    ("the old printer copes poorly with thick paper", "negative"),  # poorly: badly
    # a question asking why something is so + a plain adjective complains of the excess
    ("why is the water in the pool always so deep ?", "negative"),
    ("why is the queue at the post office so long today ?", "negative"),
    ("the mountains around the lake are so high", "neutral"),  # a statement: no complaint
    ("is the pool so deep at the far end ?", "neutral"),  # a question that asks
    # "clear" judges: VADER's rating, no longer overridden
    ("the signs at the station were n't clear at all", "negative"),
    ("the teacher explains everything in a very clear way", "positive"),
    # a correction: after a negation in an earlier clause, "just" concedes and the rest of its clause does not vote
    ("our dog is n't aggressive , he is just a bit nervous", "positive"),
    ("the new teacher is n't unfair , she is just very strict", "positive"),
    ("the hotel was just awful", "negative"),  # no negation before it: "just" does nothing
    ("i did n't like the soup , it was just awful", "negative"),  # the correction's clause is silent; "like" decides
    ("it looks just like rain", "neutral"),  # "just" still makes "like" a preposition
])
def test_rules(text, label):
    assert nlp.sentiment(text, backend="interpreter") == label


def test_trace_shows_classes_negation_scope_and_votes():
    trace = nlp.trace_sentiment("the food was not bad , but the tea was cold")
    assert trace["tokens"].value[:5] == ["the", "food", "was", "not", "bad"]  # words, not their ids
    assert trace["resolved"].value[3:5] == ["neg", "-2"]
    assert trace["negated"].value[:7] == [False, False, False, False, True, True, False]
    assert trace["vote"].value[4] == 2 and trace["counted_vote"].value[4] == 0
    assert trace["sentiment"].value[-1] == "negative"  # only "cold" counts
    assert set(nlp.HIGHLIGHTS["sentiment"]) <= set(trace)


def test_unknown_words_have_no_polarity():
    assert nlp.unknown_words("the gnocchi was superb", "sentiment") == ["gnocchi"]
    assert nlp.trace_sentiment("the gnocchi was superb")["vote"].value == [0, 0, 0, 2, 0]


def test_word_ids_put_each_class_in_one_run_so_the_lookup_is_a_short_staircase():
    vocabulary = polarity.words()
    runs = 1 + sum(a != b for a, b in zip(vocabulary.classes, vocabulary.classes[1:]))
    assert len(vocabulary.words) > 20_000 and runs == len(set(vocabulary.classes))
    assert vocabulary.encode(["good", "zzyzx"]) == [vocabulary.ids["good"], vocabulary.ids["UNK"]]


def test_the_older_two_class_corpus_mostly_agrees():
    """The two-class corpus was labelled with strength 2 for every polar word and the 394-word lexicon's
    own polarities ("cold" negative); the three-class rule takes VADER's strengths and reads "cold" as
    plain, so a few of its sentences differ (docs/nlp.md lists the measured agreement)."""
    examples = corpora.load("sentiment", "dev")
    got = labels([list(e.words) for e in examples])
    assert sum(g == e.label for e, g in zip(examples, got)) / len(examples) >= 0.9
