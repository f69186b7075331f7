"""The dictionary-scale grammaticality program: each rule on its own sentences, words with several classes,
unknown and over-regularised words, the generated dev corpus, its word-id staircase, and compiled ==
interpreter. The program reads the built lexicon (`tasks.nlp.dictionary`), so these tests need its resources.
"""

import pytest

from weightsmith import rasp
from weightsmith.library import nlp
from weightsmith.library.nlp import grammar, grammar_words, models
from weightsmith.tasks.nlp import dictionary, everyday_grammar

if dictionary.missing():
    pytest.skip("lexical resources not installed: " + "; ".join(dictionary.missing()), allow_module_level=True)

GRAMMATICAL = [
    "the cats eat the fish .", "she does n't like coffee .", "i open the door .", "the door is open .",
    "open the window !", "will you close the door ?", "the light is on .", "we watch a film every evening .",
    "i have seen that film .", "they are playing in the garden .", "she will send a letter tomorrow .",
    "does your brother play football ?", "is the soup hot ?", "the box of apples is heavy .",
    "the cat and the dog are hungry .", "i think it is late .", "i like swimming .", "i want to play .",
    "what a beautiful day !", "where do you live ?", "i never eat meat .", "my sister 's book is on the table .",
    "an hour is long .", "the children play in the park .", "she cooks and cleans .", "i cook and she cleans .",
    "we bought apples and bread .", "it looks like rain .", "i would like a cup of tea .",
    "there are two cats in the garden .", "he has gone home .", "the old man walked slowly .",
    "they did n't see the bus .", "can you help me ?", "is n't it cold ?", "do n't touch the stove !",
    "do the cat and the dog sleep ?", "does she not like tea ?", "she is growing tomatoes .",
    # time adverbs, adverbs, prepositions, quantifiers, coordination, relative clauses, bare infinitives
    "we finished the report yesterday .", "tomorrow is sunday .", "the next train leaves at six .",
    "i could not sleep last night .", "i think he left yesterday .", "my mother is never angry .",
    "thank you very much !", "what are you afraid of ?", "i have a lot of books .", "we drink a lot of water .",
    "what a beautiful view !", "she cooks and cleans every day .", "the kids are laughing and playing .",
    "close the door and sit down .", "the man who lives here is my uncle .", "the cake you made was delicious .",
    "i saw the man leave .", "let the dog sleep .", "my son was born in may .", "the market is open every day .",
    "is she your sister ?", "be careful !", "i am very bored .", "i have lived here since last year .",
    "last night was fun .", "what did you do yesterday ?", "there is too much noise .",
    # a statement may ask in statement order (everyday English does: "you like coffee?")
    "you are tired ?", "you like coffee ?",
    # comparison, negation, prepositions after their heads, measures, readings after have / and / more
    "we need more light .", "she is more intelligent than me .", "he runs faster than me .", "he is ten years old .",
    "i am interested in music .", "we arrived at the airport .", "he is afraid for his son .", "he got out of the car .",
    "do n't the kids like it ?", "why do n't you come ?", "no , i do n't want anything .", "he never says no .",
    "the summer is hot and dry .", "the staff meeting starts after lunch .", "we usually have breakfast at seven .",
    "i have lived here for two years .", "my mother has painted the walls .", "what lovely weather !",
    "it will be cold and windy tomorrow .", "i enjoy swimming .", "it is easier than i thought .",
    "one of my friends is here .", "she gave me some advice .", "she explained the problem to me .",
    "i look forward to seeing you .",
    # gerunds, compounds, a phrase before the subject, question words as subjects, object relatives
    "we do n't use the dining room much .", "the grass needs cutting .", "did you pack your school bag ?",
    "where is the nearest bus stop ?", "how many people work in your office ?", "on sunday we visited my grandparents .",
    "in june the sun sets very late .", "who is coming to the party ?", "which one do you prefer ?",
    "english is spoken all over the world .", "the book that you gave me is very interesting .",
    "the man sitting next to me was reading a newspaper .", "both of us were tired .", "none of the shops were open .",
    "have a nice day !", "excuse me , is this seat free ?", "the bank is opposite the post office .",
    "i have a few questions .", "is this your first visit to london ?", "the plane lands at noon .",
    "i am used to getting up early .", "i used to play tennis .", "i have worked here since 2019 .",
    "the restaurant was full on friday .", "we met on monday .", "it snowed a lot in february .",
    "i live on the second floor .", "she is the best in the class .", "she is good at maths .",
    "they painted the fence green .", "i like my tea hot .", "we hoovered the stairs yesterday .",
    "we 'd better leave now .", "i hope not .", "my back is killing me .",
    "it looks like it 's going to rain .", "it was such a nice day that we went to the beach .",
    "it is much better now .", "there is too much cold water .", "we will soon see .",
]
UNGRAMMATICAL = [
    ("the cats eats the fish .", "subject-verb agreement"), ("he are tall .", "subject-verb agreement"),
    ("we was late .", "subject-verb agreement"), ("the cat and the dog is hungry .", "subject-verb agreement"),
    ("does she likes tea ?", "verb form"), ("these cat is black .", "determiner-noun"),
    ("a apple is red .", "a-an"), ("an dog barks .", "a-an"), ("the the cat sleeps .", "doubled determiner"),
    ("this these cats sleep .", "doubled determiner"), ("she will sent a letter .", "verb form"),
    ("i have went home .", "verb form"), ("they did n't saw the bus .", "verb form"), ("she is eat .", "verb form"),
    ("the car red is fast .", "word order"), ("is hot the kettle ?", "word order"),
    ("the milk in the fridge .", "missing verb"), ("i washing the dishes .", "missing verb"),
    ("she happy .", "missing verb"), ("the childs play .", "irregular plural"), ("i goed home .", "irregular plural"),
    ("i not like coffee .", "do-support"), ("is she happy .", "question mark"), ("why you are tired ?", "word order"),
    ("we finish the report yesterday .", "tense-adverb"), ("i called the doctor tomorrow .", "tense-adverb"),
    ("i have seen that film yesterday .", "tense-adverb"), ("i use never the oven .", "adverb placement"),
    ("my mother never is angry .", "adverb placement"), ("the computer is slow very !", "adverb placement"),
    ("i very like it .", "adverb placement"), ("the car is in front the hotel of .", "preposition"),
    ("i have a lot of book .", "countability"), ("what beautiful a view !", "word order"),
    ("i open the door and closes the window .", "subject-verb agreement"),
    ("she can sing and dances .", "verb form"), ("the man who lives here are my uncle .", "subject-verb agreement"),
    ("the people who works here are nice .", "subject-verb agreement"), ("she made me to laugh .", "verb form"),
    ("n't have you finished ?", "word order"), ("is n't praying your mood ?", "word order"),
    ("this one is more better than that one .", "comparison"), ("she runs more fast than me .", "comparison"),
    ("she is the most good student .", "comparison"), ("it was the baddest day .", "comparison"),
    ("i do n't know nothing .", "double negation"), ("there is not nobody here .", "double negation"),
    ("she is afraid from the dog .", "complement preposition"), ("we listened the teacher .", "verb complement"),
    ("they arrived to the hotel .", "verb complement"), ("we need more informations .", "uncountable plural"),
    ("can you to help me ?", "extra to"), ("she can to swim .", "extra to"), ("she does not happy .", "verb form"),
    ("i have worked here since five years .", "since-duration"), ("i have twenty years .", "since-duration"),
    ("the bank is near of the station .", "preposition of"), ("i did n't my homework .", "missing verb"),
    ("what horrible storm !", "determiner"), ("we have cleaned already the windows .", "adverb placement"),
    ("she gave me an advice .", "determiner"), ("it depends of the weather .", "verb complement"),
    ("i enjoy to swim .", "verb complement"), ("she explained me the problem .", "verb complement"),
    ("it is more easy than i thought .", "comparison"), ("she is knowing the answer .", "verb form"),
    ("one of my friend is here .", "determiner-noun"), ("when the shop closes ?", "word order"),
    ("it will be cold and windy yesterday .", "tense-adverb"), ("i look forward to see you .", "verb form"),
    ("i have already emptyed the bins .", "word form"), ("the island has beautifuls beaches .", "word form"),
    ("the leafs are falling .", "irregular plural"), ("i work here since 2019 .", "tense-adverb"),
    ("we hiked since hours .", "since-duration"), ("our hotel is next of the station .", "preposition of"),
    ("the bank is near from the station .", "preposition of"), ("it snowed a lot on february .", "preposition"),
    ("we met in monday .", "preposition"), ("my office is in the tenth floor .", "preposition"),
    ("her handwriting is the worse in the class .", "comparison"), ("i am not good in maths .", "complement preposition"),
    ("i was really surprising by the news .", "complement preposition"),
    ("the neighbours are noisy always at night .", "adverb placement"),
    ("my grandfather drives still his old car .", "adverb placement"),
    ("my sister bought a dress red .", "word order"), ("we haved a long meeting .", "irregular plural"),
    ("this street is too much noisy for me .", "determiner"), ("we will late for the concert .", "missing verb"),
]


def judge(sentences: list[str]) -> list[bool]:
    inputs = [grammar.encode(nlp.tokenize(s)) for s in sentences]
    return [out[-1] == "grammatical" for out in rasp.evaluate_batch(grammar.program(), inputs)]


def test_grammatical_sentences_pass():
    assert [s for s, ok in zip(GRAMMATICAL, judge(GRAMMATICAL)) if not ok] == []


def test_each_error_type_is_caught():
    sentences = [s for s, _ in UNGRAMMATICAL]
    assert [s for s, ok in zip(sentences, judge(sentences)) if ok] == []


@pytest.mark.parametrize("text, word, reading", [
    ("i open the door .", "open", "V"), ("the door is open .", "open", "A"), ("the open door creaks .", "open", "A"),
    ("we watch a film .", "watch", "V"), ("my watch is broken .", "watch", "N"), ("i saw her .", "her", "ACC"),
    ("i saw her cat .", "her", "DET"), ("i like tea .", "like", "V"), ("it looks like rain .", "like", "PREP"),
    ("i want to play .", "to", "TOINF"), ("we go to school .", "to", "PREP"), ("turn on the light .", "light", "N"),
    ("we have breakfast at seven .", "breakfast", "N"), ("she has painted the walls .", "painted", "V"),
    ("the staff meeting starts now .", "meeting", "N"), ("the room is quiet and clean .", "clean", "A"),
    ("we eat at half past six .", "past", "PREP"), ("it is twenty past eleven .", "past", "PREP"),
    ("my bag is lighter than my brother 's .", "'s", "PRON"), ("my brother 's bag is light .", "'s", "POSS"),
])
def test_words_with_several_classes_are_read_from_their_neighbours(text, word, reading):
    words = nlp.tokenize(text)
    tags = rasp.trace(grammar.program(), grammar.encode(words))["tag"].value
    assert tags[words.index(word)] == reading


def test_unknown_words_are_wildcard_names_and_wrong_forms_are_known():
    assert nlp.unknown_words("anna likes the zorblax", "grammaticality") == ["zorblax"]  # anna: a name, known
    assert judge(["zorblax likes tea .", "anna likes tea .", "anna like tea ."]) == [True, True, False]
    assert nlp.unknown_words("the childs play", "grammaticality") == []  # known: as a wrong form
    assert grammar_words.vocabulary().class_of("childs").primary == "BAD"
    # learners' forms built by rule: an uncountable plural, a doubled past, -est on a long or irregular adjective
    assert {grammar_words.vocabulary().class_of(w).primary for w in ("informations", "forgetted", "expensivest",
                                                                      "baddest")} == {"BAD"}


def test_word_ids_make_the_class_a_staircase():
    table = grammar_words.vocabulary()
    changes = sum(a != b for a, b in zip(table.classes, table.classes[1:]))
    assert changes == len(set(table.classes)) - 1 and len(table.words) > 20000


# generated dev items (of every third one) the program gets wrong, the same with the programs before the merge that
# moved the generator's pools (stop 37): the generator labels "replaced for your husband" grammatical ("replace" +
# "for", a substitute's sense), the grammar refuses "replace" + "for"
GENERATED_DEV_MISSES = ["i replaced for your husband last week !"]


def test_generated_dev_corpus_labels():
    items = everyday_grammar.load("dev")[::3]
    got = judge([" ".join(i.words) for i in items])
    assert [" ".join(i.words) for i, g in zip(items, got) if g != (i.label == "grammatical")] == GENERATED_DEV_MISSES


def test_compiled_model_equals_the_interpreter():
    sentences = [nlp.tokenize(s) for s in GRAMMATICAL + [s for s, _ in UNGRAMMATICAL]]
    compiled = models.run("grammaticality", sentences)
    assert compiled == models.run("grammaticality", sentences, "interpreter")
    assert models.task("grammaticality").module is grammar


# hand-written dev items the program gets wrong, each for a documented reason (docs/nlp.md): "person" is
# listed as its own plural, "close" after a predicate noun reads as a verb, "cut" may be a past tense, a
# noun inside a relative clause takes the main verb, "come" is also a participle; "open" after an object
# reads as a verb (after a result verb's object the adjective since the twenty-second round), "like" after "the
# weather" too, "sounds" after "that" as a noun; fragments with no verb;
# "my oldest lives" reads as an adjective before a plural noun (my old lives); "late" and "well" are adverbs
# only ("late always", "well the whole game"); "completely exhausted" reads as a verb, "hard and play" a noun;
# "head" after "is" a verb; the lexicon lists "dog" as its own plural (not surely countable).
# Sixth round (its class sentences, written before the rules): a compound before a time word, a determiner or an
# adjective, or as a subject, stays a verb (kitchen tap last night; fish market on is read since the nineteenth round,
# news report this and football match starts since the twenty-first, garden fence green since the twenty-third); a noun clause after think takes a
# compound too (the shop close at six); road and lake are not surely countable; for + years after be, have or teach;
# a bare verb before a phrase (about move to); little is no adjective; the new one; spelt … wrong again (next door
# after a past is read since the twenty-third round); attached / accustomed after be read as verbs (burnted, unknown then, is a learner's spelling since the
# tenth round, and "kitchen tap last night" a compound)
KNOWN_MISSES = {
    "i think the shop close at six .",
    "the cat is sleeping in the middle of road .", "there is a picture of lake on the wall .",
    "she is thinking about move to leeds .", "the new one is nice .",
    "she has spelt my name wrong again .",
    "i am not accustomed with the cold .",
    "our dog is very attached with my son .",
    "he is head of the department .", "she is afraid of dog .",
    "my oldest lives in paris .", "the bus is late always .", "they played well the whole game .",
    "he felt completely exhausted after the race .", "we work hard and play hard .",
    "a lot of person came to the party .", "we are friends close .", "my father washes the car and cut the grass .",
    "the students who passed the exam was happy .", "are you come with us ?",
    "what is the weather like today ?", "that sounds great !", "how about going for a walk ?", "me too .",
    "of course !", "no problem .", "not bad , thanks .",
    # Seventh round (its class sentences, written before the rules): the lexicon has no noun "pinch", "swim" or
    # "cleaner", and "puzzle" keeps its verb reading; far, early, only have no adjective reading (far and early have
    # one since the twentieth round); an adverb of time before "a" or a number is left alone (we eat twice a day),
    # "every day" is two words; "a dozen" is singular; an -ing clause after a comma; extreme is a noun too, real and
    # surprising have other readings; an adjective after a verb (she sings beautiful: linking verbs from WordNet's
    # frames were tried and dropped, docs/nlp.md); an adverb
    # after the object of make / keep; "rather … than" + a verb; a noun-verb
    # word before a determiner after have stays a verb; an adjective after the object of a result verb (drove … the mill
    # old); sleep tight; answered correct; pasts
    "he drinks every day a glass of milk .",
    "i saw today a fox in the garden .", "there is a dozen eggs in the fridge .",
    "she looked at me , smiling .", "the soup was extreme hot .",
    "he is real happy with his new car .", "the test was surprising easy .", "the team played good on saturday .",
    "he drives careful in the rain .", "the children behaved perfect today .",
    "the music made me very sadly .", "the heater keeps the room warmly .",
    "he came back tired .", "i would rather walk than take the bus .",
    "we had a power cut last nights .", "sleep tight !",
    "he answered correct .", "we drove past the mill old .",
    "in the pasts we lived in york .",
    # Eighth round (its class sentences, written before the rules): "story" is also a storey (floor); "flat" is an
    # adjective first; "hair", "work" and "weather" (after such) keep their old refusals; nouns English both counts
    # and does not ("noise", "service") count by use; "time" only by use (a verb + adjective + noun needs the
    # lexicon's countability); "cough" has no noun reading; since after a comma opening the sentence; an adverb
    # before "now"; study, close, rest after the object read as nouns or adjectives; "the more expensive one"
    "what funny story !", "they found cheap flat near the river .",
    "i have never heard such noise in my life !", "what great service !", "such weather is rare in june .",
    "we had lovely time at the wedding .", "he did excellent work on the project .",
    "since the accident , she walks with a stick .",
    "the kitchen is clean and tidily now .", "the weather was lovely and warm this week .",
    "my parents want me study medicine .", "the doctor advised her rest for a week .",
    "the more expensive one is better .",
    # Ninth round. Errors caught before only because a noun reading was missing (pinch, swim, puzzle are nouns now:
    # a bare countable before a noun is no rule; one right after "for" is since the twelfth round); causative "have" takes no bare infinitive rule,
    # so "fix" after "him" is now read as the verb it is and refused
    "she added a pinch salt to the soup .", "we finished finally the puzzle .",
    "i had him fix the tap .",
    # its class sentences (written before the rules): -s forms of verbs get no noun reading (lifts); "spill of oil"
    # is no measure noun; "waters" is a word; "hugs" after an adjective reads as a verb; a plural before a 3s form
    # (sales figures), a compound as an object before an adverb, a plural + base form as a subject (shops close);
    # "o'clock" is split by the tokenizer; a reduced passive after a subject (players injured in …), "bored" is also
    # the past of "bear"; a "be" is missing before postpone (to-infinitive mark), after "really"; most has no pronoun
    # reading, "cycle" after "us" is read as a noun
    "the lifts in the station are very slow .", "there was a spill of oil on the motorway .",
    "add a pinch of salt to the waters .", "she gave her grandson a big hugs .",
    "my brother bought the concert tickets online .", "they have been waiting since ten o'clock .",
    "the players injured in the first half did n't play again .", "the film bored me to tears .",
    "the driver injured in the crash is in hospital now .", "the meeting postponed until next week .",
    "many of us cycle to work .", "most of spain is very dry in summer .",
    # the adjective-for-adverb class, whose rule was measured and dropped (docs/nlp.md, "Ninth round"); the twelfth
    # round's rule leaves these: a verb of result (drives), an adverb reading (clear, slow, quiet), the object between
    "the teacher spoke clear to the class .",
    "he answered the phone very polite .", "the old man walked slow to the bus stop .", "my brother drives very careful .",
    "the children played quiet in their room .",
    "we waited patient for the doctor .",
    # Tenth round, its class sentences (written before the rules): no bare-countable rule before a noun (onto kitchen
    # table), "via" + a name's article, will after unless / if, a
    # compound before "this" / "next" / "every" (this morning: the rule stops at "last", since "has the plumber fix
    # the boiler" has the same shape), a compound subject before whenever (my dog bark), an adverb before a
    # participle or "early" before a noun-verb word read as a verb, grandchild / teacher are no relatives, "boss"
    # after "my" read as a verb, "happily holiday" (holiday read as a verb), a plural time noun after "last"
    "the cat jumped onto kitchen table .", "we travelled to rome via the paris .",
    "we will go for a walk unless it will rain .",
    "he has a maths test every friday .", "i booked a table for the birthday dinner next friday .",
    "they put up the christmas tree last night .", "i lost my bus pass yesterday morning and find it today .",
    "we bought a new garden hose last weekends .",
    "the newly married couple live next door .",
    "we had an extremely happily holiday in crete .",
    "my aunt grandchildren live in canada .", "the teacher daughters go to my school .",
    "i met my boss parents at the party .",
    # Eleventh round, its class sentences: "closed" after a noun reads as a past (the bakery closed on mondays
    # because …), as it does without the subordinate clause
    "the bakery closed on mondays because the owner rests .",
    # "a" before "next" counts no noun once a time word opens its own phrase (a next week is busy; main misses it
    # too)
    "a next week is busy .",
    # Twelfth round. Its rule (an adjective for an adverb after a verb that takes none) refuses the depictives of the
    # ninth round's class: an adjective after sit / run / break / arrive says how the subject was, and WordNet frames
    # none of these verbs with an adjective (docs/nlp.md, "Twelfth round")
    "he sat silent for an hour .", "she sat silent for a long time .", "the dog broke free and ran off .",
    "they broke free .", "the kids ran wild in the garden .", "the kids ran wild in the park .",
    "we arrived tired but happy .",
    # its class sentences (written before the candidates were measured): a bare countable after a run of adjectives
    # (D1, D2: no win on set 11; read since the twenty-first round, but for a noun countable by use only or with a
    # verb's mark: dress, phone, and after "has"), after a preposition ("station" is bare there in WordNet's text a
    # third of the times), and an adjective for an adverb;
    # "long" after "has" reads as a verb (an adjective since the twentieth round), "long boring" as adjectives out of order (main too), behave is a linking
    # verb in WordNet, "constant" is a noun first, "ran free" a depictive
    "she wore beautiful long dress to the wedding .",
    "i bought cheap new phone last week .", "my sister has sweet little puppy called max .",
    "he drove us to station in his car .", "it was a really long boring meeting .",
    "the children behaved terrible at the zoo .", "it rained constant all weekend .",
    "the dog ran free in the field .",
    # Thirteenth round, its class sentences (written before they were scored): "overnight" after an adjective, not a
    # noun, is still read as an adjective out of place (main too)
    "the bread stayed fresh overnight .",
}


# the sixth round's classes (docs/nlp.md, "Sixth round"): sentences the program before it judged wrong
SIXTH_ROUND = [
    ("the capital of portugal is lisbon .", True), ("her home town is madrid .", True),  # names need no determiner
    ("we all loved the school play .", True),
    ("i switched the porch light off .", True), ("she sat in the morning light .", True),  # compounds after a verb
    ("the charger is at the bottom of drawer .", False), ("a glass of water is enough .", True),  # of + bare noun
    ("is this coat hers ?", True), ("theirs car is red .", False),  # possessive pronouns
    ("the sea was calmly .", False), ("he was badly injured .", True),  # manner adverb as a predicate
    ("let 's dancing !", False), ("do n't forget lock the car .", False),  # let + -ing, a verb without "to"
    ("how long the flight takes ?", False), ("how many eggs are left ?", True),  # how questions
    ("we know them for six years .", False), ("we have known them for six years .", True),  # for + years
    ("she has a blue lovely scarf .", False), ("she has a lovely blue scarf .", True),  # adjective order
    ("the bread was burnt .", True), ("it rains hardly ever here .", False), ("she says hardly anything .", True),
    ("there are a lot of furniture here .", False), ("there is a lot of furniture here .", True),
    ("he was furious on his boss .", False), ("she is sensitive with light .", False),  # adjective + preposition
    ("we were fined for being late .", True), ("after having a shower she went out .", True),  # being / having
    ("thanks for the lovely present .", True),  # a fragment after an interjection
]



# the seventh round's classes (docs/nlp.md, "Seventh round"): sentences the program before it judged wrong, and
# the ones beside them that must stay right
SEVENTH_ROUND = [
    ("we visited again the museum .", False), ("they watched twice the film .", False),  # adverb before the object
    ("i met yesterday my old teacher .", False), ("we eat twice a day .", True),
    ("the neighbours invited us to them party .", False), ("she came with him sister .", False),  # case
    ("she came with him last night .", True),
    ("there was two baristas at the counter .", False), ("there is three gelaterias in town .", False),  # numbers
    ("there are three gelaterias in town .", True), ("ten minutes is enough .", True),
    ("a little dog barked at us .", True), ("we caught the late train home .", True),  # closed adverbs as adjectives
    ("that little shop sells great bread .", True), ("i am tired a little .", False),
    ("she was incredible tired after work .", False), ("the sky was bright red this evening .", True),  # -ly missing
    ("she likes cats than dogs .", False), ("the train is fast than the bus .", False),  # than
    ("she arrived earlier than us .", True),
    ("i had a bike ride with my son .", True), ("she had a job interview on monday .", True),  # compounds after have
    ("he has never time for us .", False), ("i have also a sister .", False),  # a frequency adverb after have
    ("you have always been kind to me .", True), ("we had hardly any snow .", True),
    ("the film starts at half past eight .", True), ("in the past we lived in york .", True),  # past
]



def test_handwritten_dev_sentences():
    items = everyday_grammar.load_handwritten()
    got = judge([" ".join(i.words) for i in items])
    assert {" ".join(i.words) for i, g in zip(items, got) if g != (i.label == "grammatical")} == KNOWN_MISSES


# the eighth round's classes (docs/nlp.md, "Eighth round"): knowledge taken whole from resources (countability by
# use and verb frames from WordNet) and closed rules; sentences the program before it judged wrong, and the ones
# beside them that must stay right
EIGHTH_ROUND = [
    ("what clever trick !", False), ("what long day !", False), ("what awful weather !", True),  # countable by use
    ("she has such sweet smile .", False), ("they are such good friends .", True), ("we had such fun .", True),
    ("he drove new lorry to work .", False), ("he drove a new lorry to work .", True),  # verb + adjective + noun
    ("we drink strong tea .", True),
    ("the bakery is shut since the storm .", False), ("my aunt has a cat since july .", False),  # since
    ("the bakery has been shut since the storm .", True), ("we stayed in since the storm was so bad .", True),
    ("the copys are on my desk .", False), ("the copies are on my desk .", True),  # -s after consonant + y
    ("the garden was lovely and brightly .", False), ("the class was noisily all morning .", False),  # -ly predicate
    ("the garden was lovely and quiet .", True), ("he was quickly asleep .", True),
    ("the guide told us wait here .", False), ("the guide told us to wait here .", True),  # to after the object
    ("we watched them leave .", True), ("she asked me questions .", True),
    ("it is a more long walk than i thought .", False), ("it is a longer walk than i thought .", True),  # more + -er
    ("we have more long days in june .", True),
]



# the ninth round's classes (docs/nlp.md, "Ninth round"): readings given back from resources (WordNet's nouns and
# text), compounds before their clause's verb, since + a length of time, a missing "be" before the past of a verb
# that always takes an object (WordNet's frames), plural quantifiers as subjects, quantifier + of + bare noun;
# sentences the program before it judged wrong, and the ones beside them that must stay right
NINTH_ROUND = [
    ("we took the lift to the top floor .", True), ("she went for a swim in the sea .", True),  # lost nouns
    ("my gran knitted me a jumper .", True), ("the fence is covered in brambles .", True),  # no learner forms
    ("the meeting lasts about an hour .", True), ("wait thirty seconds , please .", True),
    ("the childs are playing outside .", False), ("she swim every morning .", False),
    ("the street lights in our road are broken .", True), ("the bus stops near the park have shelters .", True),
    ("the street lights in our road is broken .", False),  # compounds
    ("we have lived here since a year .", False), ("he has been asleep since all afternoon .", False),  # since
    ("we have lived here since a friend found us the flat .", True),
    ("the train delayed because of the fog .", False), ("the train was delayed because of the fog .", True),  # be
    ("the fog delayed the train .", True), ("i scared of spiders .", False),
    ("both of my sisters lives in leeds .", False), ("both of my sisters live in leeds .", True),  # quantifiers
    ("most of people like the sea .", False), ("most of the people like the sea .", True),
    ("much of the town was flooded .", True), ("she feels much better since the operation .", True),
]



# the tenth round's classes (docs/nlp.md, "Tenth round"): function words the vocabulary lacked (other, others,
# onto, unless, whenever), learners' spellings of every verb's forms, a compound after the object before "last", an
# adverb of manner before a noun, a missing genitive before a plural relative; sentences the program before it
# judged wrong, and the ones beside them that must stay right
TENTH_ROUND = [
    ("does your cat get on with other cats ?", True), ("some people like tea and others prefer coffee .", True),
    ("the others has already gone home .", False), ("the cat jumped onto the table .", True),  # function words
    ("she watchs the news every evening .", False), ("i losted my keys on the bus .", False),  # spellings
    ("the baby is comming home tomorrow .", False), ("she watches the news every evening .", True),
    ("my father repaired the kitchen sink last night .", True),  # compounds before "last"
    ("she changed her phone number last year .", True), ("i think my brother work this saturday .", False),
    ("i think the soup tastes salty .", True),
    ("she is a very carefully driver .", False), ("they live in a quietly street .", False),  # adverb before a noun
    ("she wore a brightly coloured dress to the party .", True),
    ("my sister children are coming for lunch .", False),  # genitive
    ("my sister 's children are coming for lunch .", True), ("my son and daughter are twins .", True),
]



# the eleventh round's classes (docs/nlp.md, "Eleventh round"), each adopted only after it won on held-out set 10
# without losing there: the first verb after a subordinator is its clause's, so the main clause needs its own;
# a verb right after an -ing form (getting married) is no verb of the main clause; a time word after a number
# opens a phrase of its own (below zero last night); sentences the program before it judged wrong, and the ones beside them that must stay right
ELEVENTH_ROUND = [
    ("the tea too hot when my aunt poured it .", False),  # a main clause with no verb
    ("the roads so icy that nobody drove to work .", False), ("i really tired after i finished the night shift .", False),
    ("the tea was too hot when my aunt poured it .", True),
    ("while you were out your mother phoned twice .", True), ("after the meal we walked along the river .", True),
    ("so we took a taxi instead .", True), ("when the storm started , my grandfather was in the garden .", True),
    ("my brother getting divorced after ten years .", False),  # a verb right after an -ing form is none of the clause
    ("the building shook during the storm .", True), ("the meeting finished early today .", True),
    ("the swimming pool opens at seven .", True),
    ("my daughter turns seven next tuesday .", True),  # a time word after a number opens its own phrase
    ("my grandmother turned ninety last spring .", True), ("i met two friend last night .", False),
    ("they sold five car last week .", False), ("the next two weeks are busy .", True),
]



# the twelfth round's classes (docs/nlp.md, "Twelfth round — validated on set 11"), each adopted after it won on
# held-out set 11 without losing there: an adjective for an adverb right after a verb WordNet frames with no
# adjective, or after such a verb and a degree word; a bare countable after a preposition; sentences the program before it judged wrong, and the ones beside them that
# must stay right (linking verbs, result verbs, adverb readings, colours, an adjective before its noun)
TWELFTH_ROUND = [
    ("my daughter sings beautiful at church .", False), ("he answered very polite when i asked .", False),
    ("the nurse smiled warm at the patient .", False),
    ("my daughter sings beautifully at church .", True), ("the nurse smiled warmly at the patient .", True),
    ("the music sounds lovely .", True), ("the weather stayed warm all week .", True),
    ("please keep quiet in the library .", True), ("the milk went sour in the heat .", True),
    ("we arrived home safe after midnight .", True), ("the leaves turned red in october .", True),
    ("she plays beautiful music at church .", True), ("my grandfather feels much better now .", True),
    # a countable noun bare right after a preposition, where WordNet's English does not put it bare (adopted after
    # it won on set 11 without losing there)
    ("the keys are under sofa again .", False), ("she put the vase on table in the hall .", False),
    ("he hid the present behind door .", False), ("i found my glasses near window .", False),
    ("the keys are under the sofa again .", True), ("she goes to church on sundays .", True),
    ("the children are at school until three .", True), ("my brother is at work today .", True),
    ("we came home by car .", True), ("he stayed in bed all morning .", True),
    ("they went into town after lunch .", True), ("the kids ate too many sweets at grandma 's house .", True),
]



# the thirteenth round's class (docs/nlp.md, "Thirteenth round — validated on set 12"), adopted after it won on
# held-out set 12 without losing there or on sets 1-11: an adjective with an adverb's reading that is no gradable
# adjective of its own (a comparative, overnight) right after a noun is that adverb; sentences the program before it
# refused, and the errors beside them that must stay refused (a gradable adjective after its noun, a missing verb)
THIRTEENTH_ROUND = [
    ("she sings much better than her sister .", True), ("please bring the lamp closer to the desk .", True),
    ("he speaks french better than i do .", True), ("the new hoover cleans the carpet better .", True),
    ("she knows the city better now .", True), ("we left the car outside overnight .", True),
    ("the car red is in the garage .", False), ("he is a driver good .", False), ("the soup hot is on the table .", False),
    ("the weather better today .", False), ("my sister taller than me .", False),
    ("the box under the bed full of old toys .", False),
]



def test_only_an_adjective_with_an_adverb_reading_and_no_degrees_of_its_own_is_read_as_that_adverb_after_a_noun():
    assert "r" in grammar._role("A|A+R|-|-|c|cmp")  # better, closer, cleaner: comparatives
    assert "r" in grammar._role("A|A+R|-|-|v|-")  # overnight
    assert "r" not in grammar._role("A|A+R|-|-|c|syn/ly")  # hard, high: gradable (a cook good stays refused)
    assert "r" not in grammar._role("A|A|-|-|c|syn/ly")  # happy: no adverb reading


# the fourteenth round's classes (docs/nlp.md, "Fourteenth round — validated on set 13"), each adopted after it won on
# sets 1-12 without losing there or on set 13: a genitive inside a prepositional phrase keeps its noun in the phrase,
# so the verb agrees with the noun before the phrase; a noun form read as singular that is another lemma's plural is
# of either number (these woods); sentences the program before it judged wrong, and the ones beside them that must
# stay right (a genitive subject, a coordination before a genitive, an everyday plural)
FOURTEENTH_ROUND = [
    ("the books on my brother 's desk are all about football .", True),
    ("the flowers in our neighbours ' garden are lovely .", True),
    ("the toys in my daughter 's bedroom were all over the floor .", True),
    ("the books on my brother 's desk is all about football .", False),
    ("the flowers in our neighbours ' garden is lovely .", False),
    ("the toys in my daughter 's bedroom was all over the floor .", False),
    ("my sister 's children are at school .", True), ("my sister 's children is at school .", False),
    ("my aunt and uncle 's farm is huge .", True),
    ("we got lost in these woods last summer .", True), ("the woods behind the farm are full of deer .", True),
    ("his feelings were hurt by the joke .", True), ("these eggs is from our hens .", False),
]



# the fifteenth round's classes (docs/nlp.md, "Fifteenth round — validated on set 14"), each adopted after it won on
# sets 1-13 without losing there or on set 14: "past" between a number (or half) and a number is the clock's
# preposition; a number before "of" is a plural subject; "as" before a bare countable noun is refused as a
# preposition would be (not before a noun English puts bare there: as president); a genitive before the end stands
# for its noun phrase; "during" + a number of units is a length of time (for). Sentences the program before it judged
# wrong, and the ones beside them that must stay right
FIFTEENTH_ROUND = [
    ("we usually eat at half past six .", True), ("the film starts at twenty past eight .", True),
    ("my alarm went off at ten past five this morning .", True), ("the past few days were very hot .", True),
    ("in the past three years we have moved twice .", True),
    ("two of my friends are coming to dinner tonight .", True),
    ("three of the windows were broken after the storm .", True),
    ("two of my friends is coming to dinner tonight .", False), ("one of my sons live in leeds .", False),
    ("my brother works as nurse in the city hospital .", False), ("we used the old box as table .", False),
    ("my brother works as a nurse in the city hospital .", True),
    ("he was elected as president of the club last year .", True), ("as usual , the train was late .", True),
    ("she sings as well as her sister .", True), ("please call me as soon as possible .", True),
    ("this umbrella is not mine , it is my sister 's .", True), ("my car is older than my neighbour 's .", True),
    ("it rained during three days in a row .", False), ("he slept during two hours on the train .", False),
    ("we stayed in a hotel during the two weeks of the festival .", True),
]

# the sixteenth round's classes (docs/nlp.md, "Sixteenth round — validated on set 15"): a missing "be" before the
# past of a verb that always takes an object with an adverb between it and its subject (she often delayed by …); a
# clause with no verb whose noun-first word would be its verb, before a plain adjective (the biscuits in the tin very
# stale); and the sentences beside them that must stay right
SIXTEENTH_ROUND = [
    ("she often delayed by the traffic on the ring road .", False), ("the kids always scared of the dark .", False),
    ("she is often delayed by the traffic on the ring road .", True),
    ("we finally cancelled the trip because of the rain .", True),
    ("the biscuits in the tin very stale .", False), ("the flowers on the market stall very colourful .", False),
    ("the houses near the fish market old and damp .", False),
    ("the biscuits in the tin are very stale .", True), ("the houses near the fish market are old and damp .", True),
    ("the leaves turn red in october .", True), ("he died very young .", True), ("the milk smells sour .", True),
]

SEVENTEENTH_ROUND = [
    ("we tidied and painted the spare room last weekend .", True),
    ("the builders repaired and repainted the old fence .", True),
    ("my dad sanded and polished the old table .", True), ("she washed and ironed all the shirts .", True),
    ("the match cancelled and the fans went home .", False), ("the train delayed and the passengers waited .", False),
]

EIGHTEENTH_ROUND = [
    # a verb that takes an object in its commonest senses lacks "be" before a phrase (P2)
    ("the old barn covered with ivy .", False), ("the station crowded with tourists every summer .", False),
    ("my parents shocked by the price of the tickets .", False),
    ("the new library located behind the town hall .", False),
    ("the old barn is covered with ivy .", True), ("the station is always crowded with tourists .", True),
    ("the news shocked my parents .", True), ("the cellar flooded last night .", True),
    ("the car park flooded again .", True), ("we covered the sofa with a blanket .", True),
]

NINETEENTH_ROUND = [
    # a participle of feeling after "be" whose subject could not feel it: the -ing form was meant (W1, stated small)
    ("the concert last night was very interested .", False),
    ("the second half of the match was really bored .", False), ("my new phone is so excited .", False),
    ("the concert last night was very interesting .", True),
    ("the pupils were bored during the long assembly .", True),
    ("my cat is frightened of the vacuum cleaner .", True),
    ("the fans were excited about the final .", True),  # a fan is a device first, a devotee next
    # a noun-verb word after a plural object of a lexical verb is a compound's head (C1b)
    ("my boss wants the sales figures before lunch .", True), ("she left her sports bag at school .", True),
    ("are the children play in the garden ?", False), ("i answered ten emails today .", True),
]
TWENTIETH_ROUND = [
    # an adjective whose adverb reading is only ever its -ly adverb's twin stands for that adverb after a verb
    ("the little boy ran quick to the bus stop .", False), ("my grandmother speaks very quiet on the phone .", False),
    ("the new teacher smiled sweet at the class .", False),
    ("the little boy ran quickly to the bus stop .", True), ("my grandmother speaks very quietly on the phone .", True),
    ("the river runs deep under the old bridge .", True), ("the shop opens late on fridays .", True),
    ("the tent held firm in the storm .", True),
    # "for" + years after any verb in the present simple whose subject is a doer (the perfect was meant)
    ("my uncle drives a taxi in london for twenty years .", False),
    ("she teaches the piano for fifteen years .", False), ("we rent this flat for six years .", False),
    ("my grandparents have run the farm for forty years .", True), ("we will stay in portugal for three years .", True),
    ("she is staying with her aunt for two months .", True), ("i want to live in japan for a few years .", True),
    ("the guarantee on the fridge lasts for five years .", True),
]

# the twentieth round's readings (docs/nlp.md, "Twentieth round — readings"): a closed adverb's adjective from the
# wider table, a participle's adjective from WordNet before a noun, a noun's regular plural the lexicon did not list,
# an adjective after "have"; sentences the program before it judged wrong, and the ones beside them that must stay right
TWENTIETH_ROUND_READINGS = [
    ("we went to the early show at the cinema .", True), ("the far bank of the river is very steep .", True),
    ("she always arrives early for her lessons .", True), ("the early trains leaves at six .", False),
    ("the far end of the beach are very quiet .", False),
    ("she bought a signed copy of his new novel .", True), ("we walked up to the ruined castle on the hill .", True),
    ("they served grilled fish with boiled potatoes .", True), ("the written exam is on monday morning .", True),
    ("my aunt lives in a beautifully restored cottage .", True),
    ("the kids were bored on the long drive to scotland .", True),
    ("the concert cancelled because of the storm .", False), ("the new library located behind the town hall .", False),
    ("she keeps her biscuits in old tins .", True), ("there are two bars of chocolate in my bag .", True),
    ("he opens the tins with a knife .", True), ("the tins is on the top shelf .", False),
    # an adjective first after "have" before its object's noun (H1); a verb first keeps the have + participle reading
    ("my sister has short curly hair .", True), ("our dog has big brown eyes .", True),
    ("she has clean the kitchen already .", False), ("he has wash his car today .", False),
]

# the twenty-first round's compounds (docs/nlp.md, "Twenty-first round — compounds"): a thing noun, a singular
# noun-verb word and a verb in -s or the past after it are modifier, head and verb (C1); a noun-verb word after an
# object that names a thing, before a determiner, is a compound's head (C2); sentences the program before it judged
# wrong, and the ones beside them that must stay right (a person before the pair keeps the verb reading)
TWENTY_FIRST_ROUND_COMPOUNDS = [
    ("the kitchen clock ticks very loudly .", True), ("the hotel bar closes at midnight .", True),
    ("when does the winter term starts ?", False), ("the garden hose leak when i turn the tap on .", False),
    ("my brother watch films every night .", False),
    ("i need a new bike lock this week .", True), ("we had a fire drill this afternoon .", True),
    ("has the mechanic check the brakes yet ?", False), ("i think my sister work this weekend .", False),
]

# the twenty-first round's errors (docs/nlp.md, "Twenty-first round — errors the grammar accepts"): a singular
# quantifier standing alone is singular, "in front" + a noun phrase lacks "of" (with it the staff agree with a verb of
# either number), a participle read as an adjective keeps its verb's refused preposition, "wait" takes its object
# through "for", and an object that "a" opens takes its run of adjectives before it, not after
TWENTY_FIRST_ROUND = [
    ("each of the girls have her own room .", False), ("each of my cousins live in a different city .", False),
    ("each of the rooms has a balcony .", True), ("much of the old town was destroyed in the war .", True),
    ("both of my brothers play rugby .", True),
    ("we met in front the station at noon .", False), ("there is a bus stop in front of our house .", True),
    ("the car in front braked suddenly .", True), ("the staff at the hotel were very kind to us .", True),
    ("our staff work very hard .", True), ("the staff is small but friendly .", True),
    ("my sister is married with a teacher from leeds .", False),
    ("my sister is married to a teacher from leeds .", True), ("they got married in a small church in wales .", True),
    ("we waited the bus for ten minutes .", False), ("we waited for the bus for ten minutes .", True),
    ("please wait here until i come back .", True),
    ("we saw a bird tiny yellow in the garden .", False), ("my son found a stone smooth white on the beach .", False),
    ("they painted the shed dark green .", True), ("i found the film very boring .", True),
    ("we found a wallet full of money in the park .", True),
    # a countable singular with no determiner after be, a preposition or a verb and a run of adjectives (D1)
    ("we stayed in lovely old hotel near the harbour .", False), ("she is very kind young woman .", False),
    ("we stayed in a lovely old hotel near the harbour .", True), ("she is a very kind young woman .", True),
    ("we drank hot sweet tea by the fire .", True),
]

# the twenty-second round's errors (docs/nlp.md, "Twenty-second round — errors the grammar accepts"): a predicate
# adjective in a clause with a subject and no verb, a participle of feeling after its subject before a preposition, a
# question word not inverted before "the", a possessive or a noun, since + an approximate or hyphenated number of
# units, let / make + someone + a to-infinitive, and an auxiliary before "there" agreeing with the noun after it;
# "with" + a number after "married" (the twenty-first round's named cost)
TWENTY_SECOND_ROUND = [
    ("we went home early because the road too icy .", False), ("something very strange happened last night .", True),
    ("we found the room very clean .", True), ("they painted the kitchen bright yellow .", True),
    ("is the soup too hot ?", True), ("with the windows open , the room is cold .", True),
    ("a room too small for two people is no use .", True),
    ("we could not sleep because the kids excited about the holiday .", False),
    ("the news excited everyone in the village .", True), ("my son is excited about his first day at school .", True),
    ("the film interested me .", True), ("she worried about her exams all week .", True),
    ("what the doctor said about your knee ?", False), ("where young foxes sleep in winter ?", False),
    ("what this word means ?", False), ("what did the doctor say about your knee ?", True),
    ("which bus goes to the station ?", True), ("what time does the film start ?", True),
    ("how many people came to the party ?", True), ("where exactly do you live ?", True),
    ("she has worked at the bank since twenty - five years .", False),
    ("she has worked at the bank since 2015 .", True), ("she has worked at the bank for twenty - five years .", True),
    ("the clown made my little sister to laugh .", False), ("the long film made everyone to yawn .", False),
    ("the clown made my little sister laugh .", True), ("she made a cake to celebrate her birthday .", True),
    ("the film made it to the final of the festival .", True),
    ("i watched the children to make sure they were safe .", True),
    ("is there any buses to the airport on sunday ?", False), ("are there a cash machine near the station ?", False),
    ("is there a cash machine near the station ?", True), ("are there any buses to the airport on sunday ?", True),
    ("is there any milk left in the fridge ?", True), ("how many stops are there before the harbour ?", True),
    ("she is married with two children .", True), ("my brother is married with a nurse from cardiff .", False),
]

# the twenty-second round's refusals (docs/nlp.md, "Twenty-second round — grammatical sentences the grammar refused"):
# a verb before its subject (there are …, are the … ?) agrees with a compound's last noun; a main clause the first
# reading pass found no verb in keeps a noun-verb word after a noun as its verb; a noun-verb word between an object noun
# and a noun is a compound's middle word; an adjective reading after the object noun of a verb of result is the
# object's complement
TWENTY_SECOND_ROUND_REFUSALS = [
    ("there are three coffee shops on this street .", True), ("are the car keys in your bag ?", True),
    ("there is four coffee shops on this street .", False), ("are the kitchen window open ?", False),
    ("there are a lot of traffic today .", False),
    ("the windows in my bedroom face the sea .", True), ("the windows in my bedroom faces the sea .", False),
    ("the tablets for my cough tastes of mint .", False), ("the coffee from that machine taste awful .", False),
    ("the milk for the baby in the fridge .", False),
    ("we went to the school sports hall .", True), ("i left my bag on the bus stop bench .", True),
    ("i saw the teacher mark essays yesterday .", True), ("we bought two cake yesterday morning .", False),
    ("they left the gate open .", True), ("the blanket keeps the baby warm .", True),
    ("we got lost in the streets narrow of the old town .", False), ("she has cooked and clean the kitchen .", False),
]

# the twenty-third round's refusals (docs/nlp.md, "Twenty-third round — grammatical sentences the grammar refused"):
# a noun-first word the first reading pass read as a verb, between a noun (no relative) and a word that is a verb
# first, outside a prepositional phrase, is a noun to its neighbours; "one" after a hyphen is a plural number; a
# compound object (not one "a" opens) takes a result verb's adjective after it; "last" / "next" make a time phrase only
# before a noun that names a time (not "next door")
TWENTY_THIRD_ROUND_REFUSALS = [
    ("the corner shops open at nine on saturdays .", True), ("the car parks fill up early on saturdays .", True),
    ("the corner shops opens at nine on saturdays .", False), ("the pigeons on the roof tiles sings at dawn .", False),
    ("there are twenty - one pupils in her class .", True), ("we waited forty - one minutes for the bus .", True),
    ("there are twenty - one pupil in her class .", False),
    ("she keeps the bathroom window open in summer .", True), ("we painted the kitchen door white last year .", True),
    ("my aunt bakes a lemon cake delicious every sunday .", False),
    ("the family next door has three dogs .", True), ("we will visit my aunt next week .", True),
    ("we visited my aunt next week .", False), ("i see him last monday .", False),
]

# the twenty-third round's accepted errors (docs/nlp.md, "Twenty-third round — errors the grammar accepts"): a present
# perfect's participle before on + a weekday; an adjective after "very" after a noun that "a" opens; an -ing form as the
# only verb of a main clause whose finite verb is the subordinate clause's; a noun after last / next inside a clause is
# no subject
TWENTY_THIRD_ROUND = [
    ("she has lost her keys on monday .", False),
    ("my brother has been to the dentist on friday .", False), ("we painted the kitchen on saturday .", True),
    ("she has promised to ring us on sunday .", True), ("i have got a dentist appointment on thursday .", True),
    ("the museum has been closed on mondays since may .", True),
    ("we rented a cottage very old near the coast .", False), ("she wore a dress very long to the party .", False),
    ("we rented a very old cottage near the coast .", True), ("they live in a flat very close to the park .", True),
    ("he is a man very proud of his garden .", True),
    ("my daughter practising the piano because her exam is soon .", False),
    ("the kids playing outside while the sun is shining .", False),
    ("my daughter practising the piano because her teacher is coming .", False),
    ("my son is tidying his room because his friends are coming .", True),
    ("when i was cooking , my son was doing his homework .", True),
    ("the boots i bought last month is too small .", False), ("the boots i bought last month are too small .", True),
    ("last week was very busy at work .", True), ("the last train leaves at midnight .", True),
    ("the meetings last week were very long .", True),
]

# every round's sentences, one test: a sentence the program before a round judged wrong, or one beside it that must
# stay right (each list above says its round's classes)
ROUNDS = {"sixth": SIXTH_ROUND, "seventh": SEVENTH_ROUND, "eighth": EIGHTH_ROUND, "ninth": NINTH_ROUND,
    "tenth": TENTH_ROUND, "eleventh": ELEVENTH_ROUND, "twelfth": TWELFTH_ROUND, "thirteenth": THIRTEENTH_ROUND,
    "fourteenth": FOURTEENTH_ROUND, "fifteenth": FIFTEENTH_ROUND, "sixteenth": SIXTEENTH_ROUND,
    "seventeenth": SEVENTEENTH_ROUND, "eighteenth": EIGHTEENTH_ROUND, "nineteenth": NINETEENTH_ROUND,
    "twentieth": TWENTIETH_ROUND, "twentieth-readings": TWENTIETH_ROUND_READINGS,
    "twenty-first-compounds": TWENTY_FIRST_ROUND_COMPOUNDS, "twenty-first": TWENTY_FIRST_ROUND,
    "twenty-second": TWENTY_SECOND_ROUND,
    "twenty-second-refusals": TWENTY_SECOND_ROUND_REFUSALS, "twenty-third-refusals": TWENTY_THIRD_ROUND_REFUSALS,
    "twenty-third": TWENTY_THIRD_ROUND}


@pytest.mark.parametrize("text, grammatical", [
    pytest.param(text, grammatical, id=f"{name}-{i}")
    for name, sentences in ROUNDS.items() for i, (text, grammatical) in enumerate(sentences)])
def test_each_rounds_classes(text, grammatical):
    assert judge([text]) == [grammatical]
