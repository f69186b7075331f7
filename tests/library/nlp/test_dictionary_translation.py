"""The dictionary-scale translator: each grammar rule on sentences written for it, unknown words carried
through in place, words with several classes, tu/vous, and the causal reading.

The program reads the built lexicon (`tasks.nlp.dictionary`), so these tests need its resources.
"""

from collections import Counter
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.rasp import expr as rx
from weightsmith.library import nlp
from weightsmith.library.nlp import dictionary_translation as dt
from weightsmith.library.nlp import french_positions
from weightsmith.library.nlp import models
from weightsmith.library.nlp import translation_grammar as grammar
from weightsmith.library.nlp.causal import disagreements
from weightsmith.tasks.nlp import dictionary

if dictionary.missing():
    pytest.skip("lexical resources not installed: " + "; ".join(dictionary.missing()), allow_module_level=True)

# (English, French) written for each rule while developing the program (none is a held-out item)
RULES = {
    "present": [("the cat eats the fish .", "le chat mange le poisson ."),
                ("we eat bread .", "nous mangeons du pain ."),
                ("two cats and three dogs sleep .", "deux chats et trois chiens dorment .")],
    "negation": [("she does not sleep .", "elle ne dort pas ."),
                 ("i do not have a car .", "je n' ai pas de voiture ."),
                 ("i never eat meat .", "je ne mange jamais de viande ."),
                 ("i see nothing .", "je ne vois rien ."),
                 ("we are not tired .", "nous ne sommes pas fatigués .")],
    "adjectives": [("the small black cats do not eat the fish .", "les petits chats noirs ne mangent pas le poisson ."),
                   ("the cat is black and white .", "le chat est noir et blanc ."),
                   ("the boy is very tall .", "le garçon est très grand ."),
                   ("the old man lives in a big house near the river .",
                    "le vieil homme vit dans une grande maison près de la rivière .")],
    "partitive": [("we drink water .", "nous buvons de l' eau ."),
                  ("i often drink coffee with milk .", "je bois souvent du café avec du lait ."),
                  ("i like cats .", "j' aime les chats .")],
    "possessive": [("the child 's book is red .", "le livre de l' enfant est rouge ."),
                   ("my sister 's car is red .", "la voiture de ma sœur est rouge .")],
    "past": [("she went to the market .", "elle est allée au marché ."),
             ("i have eaten the apple .", "j' ai mangé la pomme ."),
             ("we have never seen the sea .", "nous n' avons jamais vu la mer ."),
             ("she was happy .", "elle était heureuse .")],
    "future": [("she will not come tomorrow .", "elle ne viendra pas demain ."),
               ("they will go to the beach tomorrow .", "ils iront à la plage demain .")],
    "question": [("do you like coffee ?", "est-ce que vous aimez le café ?"),
                 ("is the cat black ?", "est-ce que le chat est noir ?"),
                 ("did you eat the cake ?", "est-ce que vous avez mangé le gâteau ?"),
                 ("are you tired ?", "est-ce que vous êtes fatigués ?")],
    "ambiguous": [("i open the door .", "j' ouvre la porte ."),
                  ("the door is open .", "la porte est ouverte ."),
                  ("he is reading a book .", "il lit un livre .")],
    "modal": [("i can swim .", "je peux nager ."), ("she can not come .", "elle ne peut pas venir ."),
              ("can you help me ?", "est-ce que vous pouvez m' aider ?"), ("i would like a coffee .", "je voudrais un café .")],
    "object pronoun": [("i like it .", "je l' aime ."), ("she does not love him .", "elle ne l' aime pas ."),
                       ("i will call you .", "je vous appellerai ."), ("come with me .", "venez avec moi .")],
    "imperative": [("please close the door .", "s' il vous plaît fermez la porte .")],
    "yet / again after the object (step 4 moves it into the verb group, round 20)": [
        ("we have not cleaned the kitchen yet .", "nous n' avons pas encore nettoyé la cuisine ."),
        ("he will forget his umbrella again .", "il oubliera encore son parapluie .")],
    "a passé composé lasting until now (step 4 reads it in the present, round 21)": [
        ("she has worked here for ten years .", "elle travaille ici depuis dix ans .")],
    "weather": [("it is cold today .", "il fait froid aujourd'hui ."), ("it was cold yesterday .", "il faisait froid hier ."),
                ("it rained yesterday .", "il a plu hier .")],
    "passive": [("the museum is closed .", "le musée est fermé ."), ("the meeting was cancelled .", "la réunion a été annulée ."),
                ("was the meeting cancelled ?", "est-ce que la réunion a été annulée ?")],
    "article": [("the kids watch television .", "les enfants regardent la télévision ."),
                ("i go to work by car .", "je vais travailler en voiture ."),
                ("the train leaves at eight .", "le train part à huit heures .")],
    "names": [("paul lives in london .", "paul vit à londres ."), ("emma 's bag is red .", "le sac d' emma est rouge ."),
              ("she arrived in paris .", "elle est arrivée à paris .")],
    "idioms": [("i am hungry .", "j' ai faim ."), ("are they thirsty ?", "est-ce qu' ils ont soif ?"),
               ("we were not hungry .", "nous n' avions pas faim ."),
               ("she needs a new car .", "elle a besoin d' une nouvelle voiture ."),
               ("we need bread and eggs .", "nous avons besoin de pain et d' œufs ."),
               ("the shop is next to the bank .", "le magasin est à côté de la banque ."),
               ("it is hot in july .", "il fait chaud en juillet ."),
               ("the library is closed on sundays .", "la bibliothèque est fermée le dimanche ."),
               ("he is a doctor .", "il est médecin ."), ("a doctor is here .", "un médecin est ici ."),
               ("i stayed at home because it was cold .", "je suis resté à la maison parce qu' il faisait froid .")],
    "context": [("the sheep are in the field .", "les moutons sont dans le champ ."),
                ("the fish is fresh .", "le poisson est frais ."), ("he has two sheep .", "il a deux moutons ."),
                ("the bus stops here .", "le bus s' arrête ici ."), ("i stopped the car .", "j' ai arrêté la voiture ."),
                ("i did my homework .", "j' ai fait mes devoirs ."), ("tom is my best friend .", "tom est mon meilleur ami ."),
                ("the horse runs fast .", "le cheval court vite ."),
                ("it was very cold yesterday .", "il faisait très froid hier ."), ("it is very big .", "il est très grand ."),
                ("the weather is nice .", "il fait beau ."),
                ("we visited the museum last sunday .", "nous avons visité le musée dimanche dernier ."),
                ("the kitchen table is old .", "la table de la cuisine est vieille ."),  # a site after "the": round 14
                ("she was born in rome .", "elle est née à rome ."),
                ("i forgot to call my mother .", "j' ai oublié d' appeler ma mère ."),
                ("she learns to swim .", "elle apprend à nager ."),
                ("they play football .", "ils jouent au football ."), ("she plays the piano .", "elle joue du piano ."),
                ("the dog barks at night .", "le chien aboie la nuit ."),
                ("it is too hot in the summer .", "il fait trop chaud en été ."),
                ("we waited for the bus .", "nous avons attendu le bus ."),
                ("is there a bank near here ?", "est-ce qu' il y a une banque près d' ici ?"),
                ("she speaks french and english .", "elle parle le français et l' anglais ."),
                ("they went to the beach last weekend .", "ils sont allés à la plage le week-end dernier ."),
                ("this is my car .", "c' est ma voiture ."), ("it is not a problem .", "ce n' est pas un problème ."),
                ("these are my keys .", "ce sont mes clés ."), ("is this your bag ?", "est-ce que c' est votre sac ?"),
                ("it is big .", "il est grand ."), ("it is not raining .", "il ne pleut pas ."),
                ("i like this .", "j' aime ça .")],
    "phrasal verbs": [("he wakes up early .", "il se réveille tôt ."), ("they went back .", "ils sont retournés ."),
                      ("please turn off the radio .", "s' il vous plaît éteignez la radio ."),
                      ("we will come back soon .", "nous reviendrons bientôt .")],
    "negative words": [("nobody knows .", "personne ne sait ."), ("there is no bread .", "il n' y a pas de pain ."),
                       ("we have no car .", "nous n' avons pas de voiture ."),
                       ("he did not buy anything .", "il n' a rien acheté ."),
                       ("there was nothing on the table .", "il n' y avait rien sur la table ."),
                       ("do n't touch the cake .", "ne touchez pas le gâteau .")],
    "quantifiers": [("we worked all night .", "nous avons travaillé toute la nuit ."),
                    ("all the children sing .", "tous les enfants chantent ."),
                    ("he ate the whole cake .", "il a mangé tout le gâteau ."),
                    ("they have a lot of friends .", "ils ont beaucoup d' amis ."),
                    ("she wants more time .", "elle veut plus de temps .")],
    "countries and times": [("they live in japan .", "ils vivent au japon ."),
                            ("we went to italy .", "nous sommes allés en italie ."),
                            ("she comes from portugal .", "elle vient du portugal ."),
                            ("the shop closes at midnight .", "le magasin ferme à minuit ."),
                            ("the pupils are in the garden .", "les élèves sont dans le jardin .")],
    "habits and gerunds": [("she swims on monday .", "elle nage le lundi ."),
                           ("she swam on monday .", "elle a nagé lundi ."),
                           ("he likes reading .", "il aime lire ."),
                           ("we stopped talking .", "nous avons arrêté de parler ."),
                           ("there is sand in my shoes .", "il y a du sable dans mes chaussures ."),
                           ("the house is too small .", "la maison est trop petite .")],
    "construction families (round 5)": [
        ("it is going to rain tomorrow .", "il va pleuvoir demain ."),
        ("they are going to be late .", "ils vont être en retard ."),
        ("it is going to be cold .", "il va faire froid ."),
        ("would you like a sandwich ?", "est-ce que vous voudriez un sandwich ?"),
        ("are they sleeping ?", "est-ce qu' ils dorment ?"),
        ("the windows are still dirty .", "les fenêtres sont encore sales ."),
        ("the soup is always cold .", "la soupe est toujours froide ."),
        ("the cake is not ready yet .", "le gâteau n' est pas encore prêt ."),
        ("the car is broken again .", "la voiture est encore cassée ."),
        ("the coffee is a bit cold .", "le café est un peu froid ."),
        ("the lamp in the kitchen is new .", "la lampe de la cuisine est nouvelle ."),
        ("the bus leaves at seven in the evening .", "le bus part à sept heures du soir ."),
        ("we swim every week .", "nous nageons toutes les semaines ."),
        ("i drink milk every day .", "je bois du lait tous les jours ."),
        ("we have the same car .", "nous avons la même voiture ."),
        ("tom and i play tennis .", "tom et moi jouons au tennis ."),
        ("she left her bag at school .", "elle a laissé son sac à l' école ."),
        ("he left at six .", "il est parti à six heures ."),
        ("the shop is open until six .", "le magasin est ouvert jusqu' à six heures ."),
        ("it is never hot here .", "il ne fait jamais chaud ici ."),
        ("she forgot to turn off the radio .", "elle a oublié d' éteindre la radio ."),
        ("they usually sleep .", "ils dorment d' habitude .")],
    "ages, durations, ordinals": [("my aunt is forty years old .", "ma tante a quarante ans ."),
                                  ("he will be nine next week .", "il aura neuf ans la semaine prochaine ."),
                                  ("we stayed there for three days .", "nous sommes restés là pendant trois jours ."),
                                  ("it is my first car .", "c' est ma première voiture ."),
                                  ("i would like another tea .", "je voudrais un autre thé ."),
                                  ("the woman who sings is my aunt .", "la femme qui chante est ma tante .")],
    "words": [("the hamster is small .", "le hamster est petit ."), ("we eat fish on sunday .",
                                                                       "nous mangeons du poisson le dimanche ."),
              ("there are sheep in the field .", "il y a des moutons dans le champ ."),
              ("i work in the evenings .", "je travaille le soir ."), ("it is warm in spring .", "il fait chaud au printemps .")],
    "other": [("there is a cat in the garden .", "il y a un chat dans le jardin ."),
              ("i want to eat an apple .", "je veux manger une pomme ."),
              ("it is raining .", "il pleut .")],
}
# multi-word expressions read as one word (round 6, `tasks/nlp/dictionary/phrases.tsv`), and verbs whose object
# takes a preposition
PHRASE_RULES = {
    "compound nouns": [("the washing machines are old .", "les machines à laver sont vieilles ."),
                       ("my mobile phone is in the living room .", "mon téléphone portable est dans le salon ."),
                       ("we bought two ice creams .", "nous avons acheté deux glaces .")],
    "verb idioms": [("we had a shower .", "nous avons pris une douche ."),
                    ("did you have lunch ?", "est-ce que vous avez déjeuné ?"),
                    ("they did not get married .", "ils ne se sont pas mariés ."),
                    ("the boy looks like his father .", "le garçon ressemble à son père ."),
                    ("i will take care of the dog .", "je m' occuperai du chien .")],
    "fixed adverbials and prepositions": [("she goes to school on foot .", "elle va à l' école à pied ."),
                                          ("i called my sister last night .", "j' ai appelé ma sœur hier soir ."),
                                          ("the shop is at the end of the road .", "le magasin est au bout de la route .")],
    "a preposition chosen by the word before it": [("he was angry with me .", "il était en colère contre moi ."),
                                                   ("they talked about the weather .", "ils ont parlé du temps ."),
                                                   ("my son is good at maths .", "mon fils est bon en maths .")],
    "verbs whose object takes a preposition": [("he answered the question .", "il a répondu à la question ."),
                                               ("we entered the kitchen .", "nous sommes entrés dans la cuisine ."),
                                               ("i remember the first day .", "je me souviens du premier jour .")],
}
# round 7: digits as numbers, a number after a determiner, times of the clock, ago; que after verbs of saying
ROUND_7_RULES = {
    "numbers": [("we bought 2 apples .", "nous avons acheté 2 pommes ."),
                ("she was born in 1990 .", "elle est née en 1990 ."),
                ("my son is 8 .", "mon fils a 8 ans ."),
                ("the two girls are singing .", "les deux filles chantent ."),
                ("my 3 sisters are tall .", "mes 3 sœurs sont grandes ."),
                ("he works 5 days a week .", "il travaille 5 jours par semaine ."),
                ("the bus comes every 10 minutes .", "le bus vient toutes les 10 minutes .")],
    "clock times": [("the train leaves at 5 o 'clock .", "le train part à 5 heures ."),
                    ("the film starts at half past nine .", "le film commence à neuf heures et demie ."),
                    ("the bus leaves at a quarter to eight .", "le bus part à huit heures moins le quart ."),
                    ("my train arrives at ten to nine .", "mon train arrive à neuf heures moins dix ."),
                    ("we go to bed before eleven .", "nous nous couchons avant onze heures ."),
                    ("he came home around nine .", "il est rentré vers neuf heures .")],
    "ago and since": [("we arrived two hours ago .", "nous sommes arrivés il y a deux heures ."),
                      ("he has been a teacher .", "il a été professeur ."),
                      ("i have not seen him since june .", "je ne l' ai pas vu depuis juin .")],
    "que after a verb of saying or thinking": [("she says she is tired .", "elle dit qu' elle est fatiguée ."),
                                               ("i think the shop is closed .", "je pense que le magasin est fermé ."),
                                               ("the teacher says i must study .", "le professeur dit que je dois étudier ."),
                                               ("he said it was cold .", "il a dit qu' il faisait froid ."),
                                               ("i know that you are tired .", "je sais que vous êtes fatigués ."),
                                               ("i know it .", "je sais ça ."), ("i know him .", "je le sais .")],
}
# the step-4 slices are compiled over the plans of the rule sentences before round 6: the open float32 bug
# (test_step_4_before_the_read_out_compiles_exactly) shows on that set's plans
GRAMMAR_CASES = [pair for pairs in RULES.values() for pair in pairs]
CASES = GRAMMAR_CASES + [pair for rules in (PHRASE_RULES, ROUND_7_RULES) for pairs in rules.values() for pair in pairs]


def translate(english: str, you: str = "vous") -> str:
    return " ".join(nlp.translate_tokens(english.split(), backend="interpreter", you=you))


@pytest.mark.parametrize("english, french", CASES)
def test_each_rule(english, french):
    assert translate(english) == french


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["apples", "chairs", "old books"]))
def test_any_number_in_digits_counts_the_noun_after_it_and_is_written_back(n, noun):
    french = {"apples": "pommes", "chairs": "chaises", "old books": "vieux livres"}[noun]
    assert translate(f"we bought {n} {noun} .") == f"nous avons acheté {n} {french} ."
    assert nlp.unknown_words(f"we bought {n} {noun}.", "translation") == []


def test_a_town_french_names_as_english_does_is_a_name_and_an_exonym_stays_unknown():
    """WordNet's towns that French writes as English does are names (`build.place_names`): à, as for names.tsv's
    cities, not the dans an unknown word gets. Frankfurt is Francfort in French: it stays unknown, and is reported."""
    assert translate("my aunt lives in grenoble .") == "ma tante vit à grenoble ."
    assert translate("the train stops in dijon .") == "le train s' arrête à dijon ."
    assert nlp.unknown_words("My aunt lives in Grenoble.", "translation") == []
    assert nlp.unknown_words("My aunt lives in Frankfurt.", "translation") == ["frankfurt"]


def test_the_api_serves_the_dictionary_translator():
    assert models.serving("translation") is models.DICTIONARY_TRANSLATION
    assert nlp.translate("The zebra doesn't eat your apples.") == "le zèbre ne mange pas vos pommes."
    assert nlp.unknown_words("the zebra eats the qwertz", "translation") == ["qwertz"]


@pytest.mark.parametrize("text, french", [
    ("She focuses on her work.", "elle se concentre sur son travail."),
    ("A man popped up!", "un homme est apparu!"),
    ("I rely on my friends and focus on my work.", "je compte sur mes amis et me concentre sur mon travail."),
])
def test_a_phrase_whose_words_are_unknown_alone_is_read_as_the_phrase(text, french):
    """The vocabulary merges a phrase after unknown words become UNK: its words stay themselves where it fires."""
    assert nlp.unknown_words(text, "translation") == []
    assert nlp.translate(text) == french


@pytest.mark.parametrize("text, french, unknown", [("She focuses.", "elle focuses.", ["focuses"]),
                                                   ("A man popped.", "un homme popped.", ["popped"]),
                                                   ("We rely, and we focus on it.", None, ["rely"])])
def test_a_word_of_such_a_phrase_standing_alone_is_still_unknown(text, french, unknown):
    assert nlp.unknown_words(text, "translation") == unknown
    assert french is None or nlp.translate(text) == french


def test_you_is_vous_by_default_and_tu_on_request():
    assert translate("are you tired ?", you="tu") == "est-ce que tu es fatigué ?"
    assert translate("you eat your bread .", you="tu") == "tu manges ton pain ."
    with pytest.raises(ValueError, match="vous or tu|one of"):
        dt.program("thou")


def test_a_verb_spelled_like_an_ordinal_is_translated_as_the_verb():
    """"last" is an ordinal to the grammar (the last bus); its verb's forms take durer from the lexicon (the builder's
    `closed_class_verbs`), and the ordinal reads as before."""
    assert translate("the storm lasted all night .") == "la tempête a duré toute la nuit ."
    assert translate("our holidays lasted three weeks .") == "nos vacances ont duré trois semaines ."
    assert translate("the meeting lasts an hour .") == "la réunion dure une heure ."
    assert translate("i missed the last bus .") == "j' ai manqué le dernier bus ."


@pytest.mark.parametrize("english, french", [
    ("the ambassador visited our school .", "l' ambassadeur a visité notre école ."),
    ("the noise will aggravate his headache .", "le bruit aggravera son mal de tête ."),
    ("the storm ruined our holiday .", "la tempête a ruiné nos vacances ."),
    ("the receptionist is very kind .", "la réceptionniste est très gentille ."),
    ("the new edition of the book is expensive .", "la nouvelle édition du livre est chère ."),
    ("we watched a german film .", "nous avons regardé un film allemand ."),
])
def test_the_lexicon_chooses_cognates_masculines_and_french_spellings(english, french):
    """The builder's choice among FreeDict's words (`build._Chooser`): the cognate French uses about as much
    (aggraver, not indigner; ruiner, not abîmer; not germain for german), the masculine (ambassadeur, not
    ambassadrice), and the accents French writes (réceptionniste, édition)."""
    assert translate(english) == french


@pytest.mark.parametrize("english, french", [
    ("she does not UNK .", "elle ne UNK pas ."),
    ("the boy is very UNK .", "le garçon est très UNK ."),
    ("i open the UNK .", "j' ouvre le UNK ."),
    ("the UNK eats the fish .", "le UNK mange le poisson ."),
    ("UNK UNK UNK", "UNK UNK UNK"),
])
def test_an_unknown_word_is_carried_in_place_and_changes_nothing_around_it(english, french):
    assert translate(english) == french


def test_the_program_means_the_same_in_a_causal_model():
    inputs = [dt.encode(e.split() + ["SEP"] + f.split()) for e, f in CASES]
    assert disagreements(dt.program(), inputs, [len(dt.encode(e.split())) for e, _ in CASES]) == []


@pytest.mark.parametrize("make", [dt.reading_program, dt.clause_program, dt.subject_program])
def test_the_compiled_slices_mean_the_same_in_a_causal_model_at_every_position(make):
    """The slices compiled alone are compared with the interpreter at every position, not only from SEP
    on: at position 0 of "do n't touch the cake ." the question once read the second word, which a causal
    model cannot see (the compiled clause_program's two corpus mismatches, docs/nlp.md)."""
    inputs = [dt.encode(e.split() + ["SEP"] + f.split()) for e, f in CASES]
    assert disagreements(make(), inputs, [0] * len(inputs)) == []


def test_the_subject_slice_compiles_exactly():
    """`dt.subject_program` (steps 1-2 and the subject, from the folded window) compiled equals the
    interpreter at every position of the rule sentences. It once stopped compiling unnoticed: the chain of
    lookups from a token to the head's features multiplied the first heads' errors past what a margin of
    1e-30 covers, until the facts read of the words to the left were settled (`dt._resolved`); a rule or
    lexicon change that lengthens that chain again fails here, not months later. The model is the cached one
    (`models.SUBJECT_SLICE`: compiled once per version of the sources it is fingerprinted by, as the tasks'
    models are). (Run in batches of one length: see `benchmarks/nlp_translation.py`'s `_compare`.)"""
    from collections import defaultdict

    inputs = [dt.encode(e.split() + ["SEP"] + f.split()) for e, f in CASES]
    compiled = models.compiled_model(models.SUBJECT_SLICE.name)
    by_length = defaultdict(list)
    for x in inputs:
        by_length[len(x)].append(x)
    for same in by_length.values():
        got = compiled.run_batch([[models.BOS, *x] for x in same])
        assert [g[1:] for g in got] == rasp.evaluate_batch(dt.subject_program(), same)


def test_teacher_forcing_gives_every_next_word():
    for english, french in CASES[:6]:
        out = rasp.evaluate(dt.program(), dt.encode(english.split() + ["SEP"] + french.split()))
        assert out[len(dt.encode(english.split())):] == [*french.split(), dt.EOS]


def test_a_reading_in_context_is_computed_exactly_from_small_factors():
    """The program resolves a word from its class, its left context and a view of the word after it
    (`dt.options`, `dt.reading`); that must be `grammar.resolve` on the whole infos, whatever they are."""
    import random

    from weightsmith.library.nlp.translation_words import vocabulary

    infos = sorted({e.info for e in vocabulary().entries}, key=repr)
    words = [i for i in infos if i[0] not in ("SEP", "FR")]
    column = {view: i for i, view in enumerate(dt.resolution_factors().after)}
    rng = random.Random(7)
    for _ in range(8_000):
        w, a = rng.choice(words), rng.choice(infos)
        before, before2, be_question = rng.choice(infos + [None]), rng.choice(infos + [None]), rng.random() < 0.5
        left = (grammar._kind(before2) == "BE", dt.before_view(before), be_question)
        choice = dt.options(dt.word_class(w), left)[column[dt.after_view(a)]]
        assert dt.reading(w, choice) == grammar.resolve(before2, before, w, a, be_question), (before2, before, w, a)



def _codes_and_ids():
    return dt.read_out_codes(), len(dt.word_ids().entries)


@given(data=st.data())
@settings(max_examples=50, deadline=None)
def test_the_read_out_gives_every_word_its_form(data):
    """The read-out narrows (word, code) in small lookups (the namespace, then a digit of the code's address
    each); it must be FORM(word, code) for every word id and every code it knows, UNK included."""
    codes, n = _codes_and_ids()
    r = dt.read_out_tables()
    word = data.draw(st.integers(0, n - 1) | st.just(dt.encode(["UNK"])[0]))
    for code in data.draw(st.lists(st.sampled_from(codes), min_size=1, max_size=30)):
        assert r.word(r.table_of[word], code) == dt.french_word(word, code), (word, code)


def test_the_read_out_lookups_stay_within_what_the_compiler_enumerates():
    """Each of the read-out's lookups pairs a few thousand values with a digit's few: the compiler refuses a
    lookup whose operands have more value pairs than MAX_COMBINATIONS (200,000). With room for a lexicon twice
    the size: every table copied with words of its own (the worst case: no copy shares a block with another
    table), the lookups must still fit. (One lookup over (table, code) had 97,857 pairs at round 13's lexicon,
    when the limit was 100,000.)"""
    from weightsmith.compiler.values import MAX_COMBINATIONS
    from weightsmith.library.nlp.translation_words import Word

    r = dt.read_out_tables()
    assert max(r.pairs()) <= MAX_COMBINATIONS // 2, r.pairs()
    assert all(dt.french_word(0, c) is None or c in r.address for c in ("END", "=ne", "=est-ce", "=qu'", "=au"))
    entries = dt.word_ids().entries
    doubled = dt.build_read_out([*entries, *(Word(e.info, {c: f"{f}²" for c, f in e.forms.items()})
                                             for e in entries)])
    assert max(doubled.pairs()) <= MAX_COMBINATIONS, doubled.pairs()
    noun = next(i for i, e in enumerate(entries) if "n.sg" in e.forms)
    assert doubled.word(doubled.table_of[len(entries) + noun], "n.sg") == dt.french_word(noun, "n.sg") + "²"


@lru_cache(maxsize=None)
def _plans_and_speaking(cases: tuple[tuple[str, str], ...]) -> tuple[list, list[list[int]], list[int], dict]:
    """The whole program's plans on these sentences (teacher-forced), with their noun phrases' parts, as the
    tokens of `dt.speaking_program` (a (plan, parts, look-ahead) triple's index; len(plans) for a French word), with where
    each French part starts and what the whole program's step 4 gives before its read-out, per output of
    `dt.speaking_program` (the source position, the code's address as a number)."""
    program = dt.program()
    sops = {e.label: e for e in rasp.topological_order(program) if isinstance(e, rx.SOp)}
    both = rasp.categorical(rasp.SequenceMap(lambda p, f: (p, f), dt.step_4_inputs(program), sops["is_french"]))
    inputs = [dt.encode(e.split() + ["SEP"] + f.split()) for e, f in cases]
    rows = rasp.evaluate_batch(both, inputs)
    plans = sorted({p for row in rows for p, _ in row}, key=repr)
    tokens = [[len(plans) if french else plans.index(p) for p, french in row] for row in rows]
    starts = [len(dt.encode(e.split())) for e, _ in cases]  # (a multi-word expression is one position)
    return plans, tokens, starts, {output: rasp.evaluate_batch(sop, inputs)
                                   for output, sop in dt.step_4_outputs(program).items()}


@pytest.mark.parametrize("output", dt.SPEAKING_OUTPUTS)
def test_step_4_before_the_read_out_is_the_speaking_program(output):
    plans, tokens, _, want = _plans_and_speaking(tuple(GRAMMAR_CASES))
    assert rasp.evaluate_batch(dt.speaking_program(plans, output), tokens) == want[output]


def _reading_every(outputs: list[rasp.SOp]) -> rasp.SOp:
    """One lookup after another reading all of `outputs` (ints or None), each into one bit (the parity of the
    last bit plus the next output), so that a model compiled for it holds every output and proves each read
    exactly by a lookup, as the translator's read-out reads them (not their tuple: a product of their values,
    `dt.speaking_program`). These lookups divide the budget of the heads upstream: with them step 4's head
    writing `verb_adverb_place` is left less than a margin of 1e-30 covers, and the compiler makes clean the
    lookups that starve it (`attention.starved`). A compiler that dropped the values such a bit does not tell
    apart would fail the test that reads them (`read_residuals`), never pass it."""
    read = outputs[0]
    for k, sop in enumerate(outputs[1:], start=1):
        read = rasp.categorical(rasp.SequenceMap(lambda a, b: ((a or 0) + (b or 0)) % 2, read, sop)
                                ).named(f"reading_every_{k}")
    return read


def test_step_4_before_the_read_out_compiles_exactly():
    """`dt.speaking_outputs` compiled as one model over the plans of the rule sentences (some with more than six
    French words, where counts not settled went wrong) holds each output equal to the interpreter at every
    position from SEP on (before SEP a causal model cannot see the plans to its right, and the program is
    read only after SEP), each read from the residual stream after the sublayer that writes it. One compile
    of step 4 for all its outputs (`_reading_every` keeps them all in the model), not one each."""
    from weightsmith.compiler import compile_rasp_to_model

    plans, tokens, starts, want = _plans_and_speaking(tuple(GRAMMAR_CASES))
    outputs = dt.speaking_outputs(plans)
    compiled = compile_rasp_to_model(_reading_every(list(outputs.values())), vocab=set(range(len(plans) + 1)),
                                     max_seq_len=dt.MAX_SEQ_LEN, causal=True, compiler_bos=models.BOS)
    got = compiled.read_residuals(tokens, [sop.label for sop in outputs.values()])
    assert max(len(t) - s for t, s in zip(tokens, starts)) > 6
    wrong = {output: [i for i, (g, w, s) in enumerate(zip(got[sop.label], want[output], starts)) if g[s:] != w[s:]]
             for output, sop in outputs.items()}
    assert wrong == dict.fromkeys(dt.SPEAKING_OUTPUTS, [])


def test_the_question_is_computed_exactly_from_each_words_part():
    """The program takes the sentence's question from what its first word opens and what its second says
    (a negation, or the auxiliary after a question word: `dt.question_opened`): that must be
    `dt.question_kind` of the two words, for any words."""
    from weightsmith.library.nlp.translation_words import vocabulary

    infos = sorted({e.info for e in vocabulary().entries}, key=repr)
    for first in infos:
        for second in [*infos, None]:
            said = dt.second_opens(second) if second is not None else dt.NONE
            assert dt.question_opened(dt.first_opens(first), said) == (dt.question_kind(first, second) or dt.NONE), \
                (first, second)


# the kinds a noun phrase reads, drawn more often: random windows then hold possessors, "all the", numbers
# after time adjectives, prepositions before times and places, and / or, verbs whose object takes "de"
PHRASE_KINDS = ("POSS_S", "N", "A", "DET", "NUM", "PREP", "CONJ", "ADV", "V", "BE", "FRONT", "THERE")


@st.composite
def windows(draw) -> tuple:
    by_kind = dt.readings_by_kind()
    kinds = [k for k in by_kind if k in PHRASE_KINDS] * 6 + list(by_kind)
    head = draw(st.sampled_from(by_kind["N"] + by_kind["S"] + by_kind["NOTHING"]))
    rest = draw(st.lists(st.one_of(st.none(), st.sampled_from(kinds).flatmap(lambda k: st.sampled_from(by_kind[k]))),
                         min_size=7, max_size=7))
    return (head, *rest)


def _folded(window: tuple) -> tuple | None:
    state = dt.subject_start(window[0])
    for r in window[1:]:
        state = dt.subject_step(state, dt.subject_view(r))
    return dt.subject_fold_result(state)


@given(window=windows(), after=st.sampled_from([None, ("POSS_S",), ("BE", "pres", "sg"), ("PUNCT", ".")]),
       you=st.sampled_from(dt.YOU))
@settings(max_examples=3_000, deadline=None)
def test_the_subject_is_computed_exactly_from_the_folded_window(window, after, you):
    """The program folds the window one word at a time over small views (`dt.subject_step`) and applies
    the head's own agreement last (`dt.head_from_fold`): that must be `dt.head_features` of the whole
    window, whatever it holds; a grammar change that reads more of a word than its view fails here."""
    assert dt.head_from_fold(_folded(window), dt.head_reading(window[0]), after, you) == \
        dt.head_features(window, after, you)


@given(window=windows())
@settings(max_examples=1_000, deadline=None)
def test_the_minimised_fold_gives_the_folds_result(window):
    fold = dt.subject_fold()
    n = fold.start[dt.subject_start(window[0])]
    for k, r in enumerate(window[1:]):
        n = fold.steps[k][n, dt.subject_view(r)]
    assert fold.results[n] == _folded(window)


def test_the_folded_windows_lookups_stay_small():
    """Each step of the fold pairs at most a few hundred states with the views: far within what the
    compiler enumerates (one lookup over the window's readings would pair 10^3 values eight times)."""
    from weightsmith.compiler.values import MAX_COMBINATIONS

    fold = dt.subject_fold()
    assert max(len({n for n, _ in step}) for step in fold.steps) <= 200
    assert max(len(step) for step in fold.steps) <= MAX_COMBINATIONS // 10
    assert all(len(step) == len({n for n, _ in step}) * len(dt.SUBJECT_VIEWS) for step in fold.steps)


def test_a_window_read_as_views_keeps_what_the_subject_reads():
    """Views on the sentences of the rules: "my sister and i", "the child 's book", "in the morning" ..."""
    for english, subject in [("my sister and i share a room .", "1p.m"), ("the girls and the boys are here .", "3p.m"),
                             ("the child 's small books are red .", "3p.m"), ("the kitchen table is big .", "3s.f")]:
        out = rasp.evaluate(dt.subject_program(), dt.encode(english.split()))
        assert subject in out, (english, out)


@lru_cache(maxsize=1)
def _words_by_kind() -> tuple[tuple[str, ...], ...]:
    """The vocabulary's words (multi-word expressions as one) grouped by kind: a sentence drawn kind first
    holds auxiliaries, negations, subjects and verbs about as often as nouns, which are most of the words."""
    from weightsmith.library.nlp.translation_words import vocabulary

    v, groups = vocabulary(), {}
    for word, entry in zip(v.words, v.entries):
        if v.knows(word) and entry.info[0] not in ("SEP", "FR", "UNK"):
            groups.setdefault(entry.info[0], []).append(word)
    return tuple(tuple(words) for _, words in sorted(groups.items()))


@given(data=st.data())
@settings(max_examples=300, deadline=None)
def test_every_word_a_plan_asks_for_exists(data):
    """The law round 9's stop broke: whatever the English, every entry of every word's plan names an English
    word and a form that word has, so greedy decoding writes a word at each position until its END (step 4
    always finds a carrier: its spans are the plans' lengths). Random sentences of 2-9 words, each drawn
    kind first or from the whole vocabulary. Before round 9 a missing person (il bat, nous pleuvons) broke it
    in 2 of 1,500 sentences drawn so (docs/nlp.md, round 9); `test_translation_words` checks the persons of
    every verb exhaustively, this checks whatever else a plan asks for."""
    groups = _words_by_kind()
    every = [w for g in groups for w in g]
    words = data.draw(st.lists(st.one_of(st.sampled_from(groups).flatmap(st.sampled_from), st.sampled_from(every)),
                               min_size=2, max_size=9))
    _assert_every_word_a_plan_asks_for_exists(words)


def test_a_be_question_without_a_subject_asks_for_a_word_that_exists():
    """A draw of the law above (found on trc8's branch): "'m enough hiccups ." (the question's être with no
    subject after it) read the person 'imp' as a person index (KeyError)."""
    _assert_every_word_a_plan_asks_for_exists(["'m", "enough", "hiccups"])


def _assert_every_word_a_plan_asks_for_exists(words: list[str]) -> None:
    english = dt.model_words([*words, "."])
    ids = dt.encode(english + ["SEP"])
    for at, (plan, parts, _) in enumerate(rasp.evaluate(dt.step_4_inputs(dt.program()), ids)):  # a noun phrase's words: markers, read from parts
        for back, code in plan:
            k = french_positions.marker_index(code)
            back, code = (back, code) if k == french_positions.NOT_A_MARKER else french_positions.entry_at(parts, k)
            source = dt.source_position(at, back)
            assert 0 <= source < len(english) and dt.french_word(ids[source], code) is not None, (english, at, code)


@st.composite
def _any_speaker(draw) -> tuple:
    """A window with any reading for its word, the rest as `windows`', and "there" at any distance (is there
    ...: where the question's first word stands is what the plan reads of the index)."""
    by_kind = dt.readings_by_kind()
    window = list(draw(windows()))
    window[0] = draw(st.sampled_from([r for rs in by_kind.values() for r in rs]))
    if draw(st.booleans()):
        window[draw(st.integers(0, grammar.WINDOW - 1))] = ("THERE",)
    return tuple(window)


QUESTION_CLAUSES = st.fixed_dictionaries(dict(
    subject=st.sampled_from([("3s", "m"), ("1s", "f"), ("imp", "m")]), subject_class=st.just(""),
    negated=st.booleans(), verb_before=st.sampled_from(["none", "other", "be"]),
    question=st.sampled_from([None, "do", "will", "be-pres", "be-past"]), q_subject=st.booleans(),
    after_q_subject=st.booleans(), index=st.integers(0, dt.MAX_SEQ_LEN - 1), you=st.sampled_from(dt.YOU))
).filter(lambda c: c["question"] or not (c["q_subject"] or c["after_q_subject"]))  # (as in the program)


@given(window=_any_speaker(), after=st.sampled_from([None, ("BE", "pres", "sg"), ("PUNCT", "."), ("V", "3s", "", "")]),
       clause=QUESTION_CLAUSES)
@settings(max_examples=3_000, deadline=None)
def test_the_plan_reads_of_the_question_and_the_index_only_their_view(window, after, clause):
    """The clause carries `dt.question_view` of the question, q_subject, after_q_subject and the word's
    index, not the four: the plan must be the same for both, whatever the window (fails if the view
    forgets where the first word stands in the window, e.g. `index_view` as min(index, WINDOW), whether a
    word is a question's first, or if a plan entry is again a distance made of the index)."""
    question, q_subject, after_q, index = dt.question_view(clause["question"] or dt.NONE, clause["q_subject"],
                                                           clause["after_q_subject"], clause["index"])
    viewed = dict(clause, question=dt._none(question), q_subject=q_subject, after_q_subject=after_q, index=index)
    assert grammar.plan(window, after, clause) == grammar.plan(window, after, viewed)


QUESTIONS = ["is it cold ?", "was it cold yesterday ?", "is it still raining ?", "is there a bank near here ?",
             "was there a problem ?", "are you hungry ?", "were they happy ?", "am i late ?", "is this your bag ?",
             "was this your car ?", "is the lake deep ?", "does she know that the train is late ?",
             "where is the station ?", "is it often hot in the summer ?", "did the weather change ?",
             "were the tickets sold ?", "is the match cancelled ?"]


def test_a_questions_words_are_computed_apart_from_the_window():
    """The part `french_positions.ASKED` (a question's words: est-ce, que / qu', the question's être) is computed
    from the clause's facts and views of the speaker, of the word after it and of the two words before it
    (`dt._asked`), not from the window: at every position of the rule cases and of questions it is the part the
    window's plan cuts off (`french_positions.spoken_by` of the window and clause the plan's lookup reads).
    Fails if "there" is read as the question's first word instead of its second. (Reading "it" only one word
    back passes: in a sentence the word after a question's subject has the subject right before it.)"""
    program = dt.program()
    sops = {e.label: e for e in rasp.topological_order(program) if isinstance(e, rx.SOp)}
    names = ("window_and_after", "clause", "word_is_english", f"part_{french_positions.ASKED}")
    inputs = [dt.encode(e.split() + ["SEP"]) for e in QUESTIONS + [e for e, _ in GRAMMAR_CASES]]
    values = [rasp.evaluate_batch(sops[name], inputs) for name in names]
    asked = 0
    for windows_, clauses, english, parts in zip(*values):
        for (window, after), clause, is_english, part in zip(windows_, clauses, english, parts):
            want = french_positions.NO_PART if not is_english or window[0] is None else \
                french_positions.spoken_by(window, after, dt.clause_of(clause, "vous")).parts[french_positions.ASKED]
            assert part == want, (window, clause)
            asked += part != french_positions.NO_PART
    assert asked >= len(QUESTIONS)


CLOSED = ["she says she is tired .", "i know that you are tired .", "my sister and i like tea .", "i see nothing .",
          "is anyone here ?", "do you want any more tea ?", "there are no fish in the canal any more .",
          "i have a lot of work .", "i am a bit tired .", "is there a bank near here ?", "the keys are there .",
          "this is my car .", "is this your bag ?", "he said it was cold .", "am i late ?", "i like that ."]
# determiners that speak on their own (`grammar.determiner_plan`)
DETERMINERS = ["i like them all .", "the apples cost two euros each .", "my car is older than yours .",
               "the green coat is mine .", "he eats too much .", "she sat next to mine .",
               "the soup is much too salty .", "the book is his .", "her keys are with ours .",
               "do you have any bread ? no ."]


@pytest.mark.parametrize("you", dt.YOU)
def test_what_a_closed_word_or_a_determiner_says_before_its_own_french_is_computed_apart_from_the_window(you):
    """The part `french_positions.BEFORE` of a closed word's plan (`grammar.CLOSED_SPEAKERS`: a subject pronoun,
    punctuation, nothing, any-, there, ...) and of a determiner's (all, each, mine, much) is computed from its
    reading, the word after it, the word before it and the clause (`dt._before_apart`), not from the window: at
    every position of the rule cases, of questions and of sentences written for those words it is the part the
    window's plan cuts off (`french_positions.spoken_by` of the window and clause the plan's lookup reads); the
    plan's lookup hands no part `BEFORE` for them."""
    program = dt.program(you)
    sops = {e.label: e for e in rasp.topological_order(program) if isinstance(e, rx.SOp)}
    at = french_positions.BEFORE
    names = ("window_and_after", "clause", "word_is_english", f"part_{at}", f"window_part_{at}")
    sentences = CLOSED + DETERMINERS + QUESTIONS + [e for e, _ in GRAMMAR_CASES]
    inputs = [dt.encode(e.split() + ["SEP"]) for e in sentences]
    values = [rasp.evaluate_batch(sops[name], inputs) for name in names]
    apart = Counter()
    for windows_, clauses, english, parts, from_window in zip(*values):
        for (window, after), clause, is_english, part, lookup_part in zip(windows_, clauses, english, parts,
                                                                          from_window):
            want = french_positions.NO_PART if not is_english or window[0] is None else \
                french_positions.spoken_by(window, after, dt.clause_of(clause, you)).parts[at]
            assert part == want, (window, clause)
            if is_english and window[0] is not None and window[0][0] in grammar.BEFORE_APART:
                assert lookup_part == french_positions.NO_PART
                apart[window[0][0] == "DET"] += part != french_positions.NO_PART
    # (every determiner sentence speaks a part but "too much", whose "too" says trop)
    assert apart[False] >= len(CLOSED) and apart[True] >= len(DETERMINERS) - 1

