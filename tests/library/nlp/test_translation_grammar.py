"""The dictionary-scale translator's grammar, split for compiling: a noun phrase's plan is its structure
(where its words stand and what role each plays) and its agreement (genders, numbers, first letters,
the clause's negation and vous / tu), a verb group's is its structure and its subject's person, gender and
number, and neither structure holds any of its agreement.

The random windows are the subject fold's (`test_dictionary_translation.windows`: readings the grammar
gives the vocabulary's words, drawn more often from the kinds a noun phrase reads).
"""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from weightsmith.library.nlp import dictionary_translation as dt
from weightsmith.library.nlp import french_positions as fp
from weightsmith.library.nlp import translation_grammar as grammar
from weightsmith.library.nlp.translation_words import vocabulary
from weightsmith.tasks.nlp.lexicon import starts_with_vowel
from tests.library.nlp.test_dictionary_translation import translate, windows

CLAUSES = st.fixed_dictionaries(dict(
    subject=st.sampled_from([("3s", "m"), ("1p", "f"), ("imp", "m")]), negated=st.booleans(),
    verb_before=st.sampled_from(["none", "generic", "other", "be"]), question=st.sampled_from([None, "do", "be-pres"]),
    q_subject=st.booleans(), after_q_subject=st.booleans(), index=st.integers(0, 8), you=st.sampled_from(["vous", "tu"])))


def _agreement_flipped(r: tuple | None) -> tuple | None:
    """A reading with what only agreement reads changed: a noun's gender and first letter (not a country's,
    whose gender picks its preposition: en france, au canada), an adjective's first letter."""
    if r is not None and r[0] == "N" and r[4] != "country":
        return ("N", "f" if r[1] == "m" else "m", r[2], not r[3], *r[4:])
    if r is not None and r[0] == "A":
        return ("A", r[1], not r[2], *r[3:])
    return r


@given(window=windows(), clause=CLAUSES)
@settings(max_examples=3_000, deadline=None)
def test_a_noun_phrases_structure_holds_no_agreement(window, clause):
    """Change every gender and first letter in the window, the negation and vous / tu: the structure stays,
    and the new window's plan is the old structure spoken with the new window's agreement. So the
    structure's value set is not multiplied by the agreement's (docs/nlp.md, "Design: plans that name
    roles"); a rule that reads a gender or a first letter into the structure fails here."""
    if window[0][0] != "N":
        return
    flipped = tuple(map(_agreement_flipped, window))
    other_clause = dict(clause, negated=not clause["negated"], you="tu" if clause["you"] == "vous" else "vous")
    phrase = grammar.noun_phrase_parts(window, clause)
    other = grammar.noun_phrase_parts(flipped, other_clause)
    assert other.structure == phrase.structure
    assert grammar.speak_noun_phrase(phrase.structure, other.agreement) == grammar.noun_phrase(flipped, other_clause)[0]
    assert grammar.speak_noun_phrase(phrase.structure, phrase.agreement) == grammar.noun_phrase(window, clause)[0]


# to the child 's very big red book (book, red, big, very, 's, child, the, to), in a clause with a verb before it
BOOK_WINDOW = (("N", "m", "sg", False, "count"), ("A", False, False, False, "base", False, False),
               ("A", True, False, False, "base", False, False), ("ADV", "très", False), ("POSS_S",),
               ("N", "m", "sg", True, "count"), ("DET", "the"), ("PREP", "à"))
BOOK_CLAUSE = dict(subject=("3s", "m"), negated=False, verb_before="other", question=None, q_subject=False,
                   after_q_subject=False, index=0, you="vous")


def test_a_noun_phrase_with_a_possessor_is_spoken_from_its_parts():
    """to the child 's very big red book: au très grand livre rouge de l' enfant."""
    window, clause = BOOK_WINDOW, BOOK_CLAUSE
    phrase = grammar.noun_phrase_parts(window, clause)
    assert [role for _, role in phrase.structure[1:]] == ["=très", "a.pre-last", "n", "a", grammar.noun_phrase_parts(
        window[5:], dict(clause, possessor=True, verb_before="none")).structure]
    assert phrase.agreement.owner == grammar.NounAgreement("m", "sg", True, None, False, "vous", None, None)
    assert grammar.noun_phrase(window, clause)[0] == (
        (0, "=au"), (0, "=très"), (2, "a.m.sg"), (0, "n.sg"), (1, "a.m.sg"), (0, "=de"), (0, "=l'"), (5, "n.sg"))


# what a verb group reads to the left of its verb: auxiliaries, modals, negations, mid adverbs, "i"
VERBAL_KINDS = ("AUX", "HAVE_AUX", "MODAL", "NEG", "S", "ADV", "BE", "V", "NOTHING", "N", "TO")


@st.composite
def verb_windows(draw) -> tuple:
    by_kind = dt.readings_by_kind()
    kinds = [k for k in VERBAL_KINDS if k in by_kind] * 4 + list(by_kind)
    head = draw(st.sampled_from(by_kind["V"] + by_kind["BE"]))
    rest = draw(st.lists(st.one_of(st.none(), st.sampled_from(kinds).flatmap(lambda k: st.sampled_from(by_kind[k]))),
                         min_size=7, max_size=7))
    return (head, *rest)


@given(window=verb_windows(), after=st.sampled_from([None, ("OBJ", "le", "lui"), ("NEG", "pas"), ("PUNCT", "."),
                                                     ("NOTHING", "rien"), ("ADV", "bien", False)]),
       clause=CLAUSES, other=st.sampled_from([("1s", "f"), ("2p", "m"), ("3p", "f"), ("imp", "f")]))
@settings(max_examples=3_000, deadline=None)
def test_a_verb_groups_structure_holds_no_agreement(window, after, clause, other):
    """Another subject (person and gender) and vous / tu: the structure stays, and the new plan is the old
    structure spoken with the new agreement; a rule that reads the person into the structure fails here."""
    other_clause = dict(clause, subject=other, you="tu" if clause["you"] == "vous" else "vous")
    structure, agreement = grammar.verb_group_parts(window, 0, after, clause)
    other_structure, other_agreement = grammar.verb_group_parts(window, 0, after, other_clause)
    assert other_structure == structure
    assert grammar.speak_verb_group(structure, other_agreement) == grammar.verb_group(window, 0, after, other_clause)
    assert grammar.speak_verb_group(structure, agreement) == grammar.verb_group(window, 0, after, clause)


def test_a_modal_says_its_form_by_person():
    """she can not come: elle ne peut pas venir; we would like: nous voudrions."""
    come = ("V", "base", False, False, ())
    can = ("MODAL", ("peux", "peux", "peut", "pouvons", "pouvez", "peuvent"))
    clause = dict(subject=("3s", "f"), negated=True, verb_before="none", question=None, q_subject=False,
                  after_q_subject=False, index=0, you="vous")
    structure, agreement = grammar.verb_group_parts((come, ("NEG", "pas"), can, None, None, None, None, None), 0,
                                                    None, clause)
    assert agreement == grammar.VerbAgreement(2, "f", "sg")
    assert grammar.speak_verb_group(structure, agreement) == ((0, "=ne"), (0, "=peut"), (0, "=pas"), (0, "v.inf"))
    assert grammar.speak_verb_group(structure, grammar.VerbAgreement(3, "m", "pl"))[1] == (0, "=pouvons")


@pytest.mark.parametrize("english, french", [
    ("i slept well .", "j' ai bien dormi ."), ("the baby cried again .", "le bébé a encore pleuré ."),
    ("he has not eaten yet .", "il n' a pas encore mangé ."), ("i did not sleep well .", "je n' ai pas bien dormi ."),
    ("she has not arrived yet .", "elle n' est pas encore arrivée ."),
    ("she sings well .", "elle chante bien ."), ("the soup is hot again .", "la soupe est encore chaude .")])
def test_an_adverb_after_a_verb_in_the_passe_compose_stands_before_its_participle(english, french):
    """well, again / yet, already after a verb in the passé composé: j'ai bien dormi, il n'a pas encore
    mangé (round 8); in the present and after être they stay where they were (elle chante bien)."""
    assert translate(english) == french


@pytest.mark.parametrize("english, french", [
    ("have you ever eaten snails ?", "est-ce que vous avez déjà mangé des escargots ?"),
    ("has the film started yet ?", "est-ce que le film a déjà commencé ?"),
    ("have you already eaten ?", "est-ce que vous avez déjà mangé ?"),
    ("he has not eaten yet .", "il n' a pas encore mangé ."), ("i have never seen the sea .", "je n' ai jamais vu la mer .")])
def test_ever_and_yet_in_a_question_in_the_passe_compose_are_deja(english, french):
    """A question in the passé composé that is not negated asks whether it has happened: déjà (round 8)."""
    assert translate(english) == french


# round 9, bugs found by the lead: "have had" spoke avoir twice (the first "have" read as the verb avoir: "had"
# after it is a form of have, not a participle the reading knew), and more / less before a word that can be
# a noun or a verb read a verb when a determiner followed (more rain this week: plus pleuvons)
QUANTITY_CLASS = [
    ("we have had more snow than rain .", "nous avons eu plus de neige que de pluie ."),
    ("they have had more work this week .", "ils ont eu plus de travail cette semaine ."),
    ("i have had more coffee today .", "j' ai eu plus de café aujourd'hui ."),
    ("she has had less time this year .", "elle a eu moins de temps cette année ."),
    ("he has had enough food .", "il a eu assez de nourriture ."),
    ("we have had a lot of rain .", "nous avons eu beaucoup de pluie ."),
    ("they have had many problems .", "ils ont eu beaucoup de problèmes ."),
    ("she has had no time .", "elle n' a pas eu de temps ."),
    ("we have not had much rain .", "nous n' avons pas eu beaucoup de pluie ."),
    ("i have had some tea .", "j' ai eu du thé ."),
    ("they have had two children .", "ils ont eu deux enfants ."),
    ("has she had more work this week ?", "est-ce qu' elle a eu plus de travail cette semaine ?"),
    ("we had more snow last winter .", "nous avons eu plus de neige l' hiver dernier ."),
    ("they had less work yesterday .", "ils ont eu moins de travail hier ."),
    ("i had enough money .", "j' ai eu assez d' argent ."),
    ("she had a lot of work this week .", "elle a eu beaucoup de travail cette semaine ."),
    ("we will have more time tomorrow .", "nous aurons plus de temps demain ."),
    ("they will have less work next week .", "ils auront moins de travail la semaine prochaine ."),
    ("you will have enough water .", "vous aurez assez d' eau ."),
    ("we will have more rain this week .", "nous aurons plus de pluie cette semaine ."),
    ("we have more work this week .", "nous avons plus de travail cette semaine ."),
    ("i drink less coffee this week .", "je bois moins de café cette semaine ."),
    ("we want more snow this winter .", "nous voulons plus de neige cet hiver ."),
    ("she drinks more tea than water .", "elle boit plus de thé que d' eau ."),
]


@pytest.mark.parametrize("english, french", QUANTITY_CLASS)
def test_have_had_and_a_quantity_before_a_noun(english, french):
    """have had: avoir eu, avoir spoken once; more / less / enough / much / many / a lot of + noun: plus de,
    moins de, assez de, beaucoup de (not much under a negation: pas beaucoup de); more X than Y: que de Y."""
    assert translate(english) == french


def test_a_sentence_the_model_stopped_on_translates():
    """we have had more rain this month than in the whole year: greedy decoding stopped after "plus" (rain
    read as a verb, and pleuvoir has no nous). The rest of the sentence is not this test's."""
    assert translate("we have had more rain this month than in the whole year .").startswith(
        "nous avons eu plus de pluie ce mois que ")


# round 9's classes (written before each fix): an object pronoun after a verb whose object takes a preposition;
# the sense a subject noun's class chooses; ne … plus
ROUND_9 = [
    # compter sur vous, s'occuper d'eux, j'en ai besoin, je leur répondrai: the pronoun keeps the preposition its
    # verb gives its object, and is then the stressed one, unless French has a clitic for the pair (à + a
    # person, de + it); the pronoun was made a direct clitic and the preposition left behind (nous vous comptons sur)
    ("we rely on you .", "nous comptons sur vous ."), ("you can count on me .", "vous pouvez compter sur moi ."),
    ("she looks after them .", "elle s' occupe d' eux ."), ("he looks after it .", "il s' en occupe ."),
    ("i have taken care of it .", "je m' en suis occupé ."), ("i need you .", "j' ai besoin de vous ."),
    ("i do not need them .", "je n' ai pas besoin d' eux ."), ("i doubt it .", "j' en doute ."),
    ("i will not answer them .", "je ne leur répondrai pas ."), ("she looks like him .", "elle lui ressemble ."),
    ("pay attention to me !", "faites attention à moi !"), ("she leaned on me .", "elle s' est appuyée sur moi ."),
    ("he answered me .", "il m' a répondu ."), ("i can take a shower .", "je peux prendre une douche ."),
    # a device works (marcher), a vehicle runs (circuler), a quantity drops (baisser), the sun sets (se coucher);
    # a person keeps the first sense, and so does a pronoun, which has no class
    ("the lamp does not work .", "la lampe ne marche pas ."), ("my phone does not work .", "mon téléphone ne marche pas ."),
    ("the buses run every ten minutes .", "les bus circulent toutes les dix minutes ."),
    ("the bus did not run yesterday .", "le bus n' a pas circulé hier ."),
    ("the price dropped .", "le prix a baissé ."), ("prices are rising .", "les prix augmentent ."),
    ("the prices rose again .", "les prix ont encore augmenté ."),
    ("the sun is setting .", "le soleil se couche ."),
    ("she works in a bank .", "elle travaille dans une banque ."), ("the boy fell .", "le garçon est tombé ."),
    ("it does not work .", "il ne travaille pas ."),
    # no longer (before the verb) is a negation of its own; any more (one word) right after a negated verb turns
    # its pas into plus; without a negation it is encore (after an object the verb cannot see it: pas stays)
    ("she no longer works here .", "elle ne travaille plus ici ."), ("they will no longer wait .", "ils n' attendront plus ."),
    ("the lamp does not work any more .", "la lampe ne marche plus ."),
    ("we do not have any more bread .", "nous n' avons plus de pain ."),
    ("they do not play anymore .", "ils ne jouent plus ."), ("i can not wait any more .", "je ne peux plus attendre ."),
    ("do you want any more tea ?", "est-ce que vous voulez encore du thé ?")]


@pytest.mark.parametrize("english, french", ROUND_9)
def test_round_9s_classes(english, french):
    """An object pronoun after compter sur / s'occuper de / avoir besoin de / répondre à, a subject noun's class
    choosing its verb's sense, and ne … plus (see the comments in `ROUND_9`; each fails on round 8's program,
    except the controls: he answered me, she works in a bank, the boy fell, it does not work)."""
    assert translate(english) == french


# a day's name before a part of the day; "on" before a day with a determiner; "by" as a place
ROUND_10 = [
    # one noun, a day: no article for one day, le for a habit, tous les for every; soir for a day's night
    ("we visited the museum on sunday afternoon .", "nous avons visité le musée dimanche après-midi ."),
    ("my sister will arrive on monday morning .", "ma sœur arrivera lundi matin ."),
    ("my parents eat fish on friday nights .", "mes parents mangent du poisson le vendredi soir ."),
    ("the post office is closed on wednesday afternoons .", "la poste est fermée le mercredi après-midi ."),
    ("we watch a film every friday night .", "nous regardons un film tous les vendredis soir ."),
    ("i love sunday mornings .", "j' aime les dimanches matin ."),
    # on + a day, a part of the day or a unit of time with its determiner: no preposition
    ("it snowed on the first day of the holidays .", "il a neigé le premier jour des vacances ."),
    ("it rained on our last morning .", "il a plu notre dernier matin ."),
    ("my grandmother was born on a sunday .", "ma grand-mère est née un dimanche ."),
    ("the shop was closed on the last friday of the month .", "le magasin était fermé le dernier vendredi du mois ."),
    ("my brother left on the same day .", "mon frère est parti le même jour ."),
    # by after a noun, a verb or être is a place: près de, au bord de before a body of water; after a participle or an
    # adjective it is the agent (par), before a bare noun the means (en): the controls
    ("the house by the church is very old .", "la maison près de l' église est très vieille ."),
    ("the hotel by the harbour is expensive .", "l' hôtel près du port est cher ."),
    ("i left my bag by the bed .", "j' ai laissé mon sac près du lit ."),
    ("the bike is by the door .", "le vélo est près de la porte ."),
    ("the children are playing by the river .", "les enfants jouent au bord de la rivière ."),
    ("there is a bench by the lake .", "il y a un banc au bord du lac ."),
    ("she was surprised by the noise .", "elle était surprise par le bruit ."),
    ("we travel by train .", "nous voyageons en train ."),
    # through is à travers, no longer by's par (which the place rule would read: près des champs)
    ("we walked through the fields .", "nous avons marché à travers les champs ."),
    ("the book is on the table .", "le livre est sur la table ."), ("we will leave on monday .", "nous partirons lundi .")]


@pytest.mark.parametrize("english, french", ROUND_10)
def test_round_10s_classes(english, french):
    """A day's name before a part of the day, on before a day with its determiner, and by as a place (see the
    comments in `ROUND_10`; each fails on round 9's program, except the controls: surprised by, by train, on the
    table, on monday)."""
    assert translate(english) == french


# round 12's mechanisms, each of a kind the edit-distance census of the dev sets' misses found systematic
ROUND_12 = [
    # before an infinitive whose "to" follows no verb: de after an adjective, pour after too + an adjective or
    # enough, à after nothing / something (the infinitive followed its adjective bare: heureux aider)
    ("i am happy to help .", "je suis heureux d' aider ."), ("she was sad to leave .", "elle était triste de partir ."),
    ("they are too tired to walk .", "ils sont trop fatigués pour marcher ."),
    ("we have nothing to drink .", "nous n' avons rien à boire ."),
    ("there is nothing to see here .", "il n' y a rien à voir ici ."),
    # an object pronoun after an infinitive stands before it (it was lost: je veux voir)
    ("i want to see you .", "je veux vous voir ."), ("she decided to sell it .", "elle a décidé de le vendre ."),
    ("we are happy to help them .", "nous sommes heureux de les aider ."),
    # yet / again after a progressive is spoken after its verb (it was dropped: le chien aboie)
    ("the dog is barking again .", "le chien aboie encore ."),
    ("the floor is dirty again .", "le sol est encore sale ."),  # control: after an adjective, before it
    # a weather adjective after "is it" in a question: faire
    ("is it hot in paris ?", "est-ce qu' il fait chaud à paris ?"),
    ("was it cold in the mountains ?", "est-ce qu' il faisait froid dans les montagnes ?"),
    ("is the soup hot ?", "est-ce que la soupe est chaude ?"),  # control: not "it"
    # a plant (WordNet) as the subject of grow: pousser; a person or an animal: grandir (control)
    ("the wild flowers grow along the road .", "les fleurs sauvages poussent le long de la route ."),
    ("the trees grow slowly .", "les arbres poussent lentement ."),
    ("the children grow quickly .", "les enfants grandissent rapidement ."),
    # "to do": faire, an infinitive (the auxiliary made "to" à and spoke nothing: je veux à fais mes devoirs)
    ("there is nothing to do in this town .", "il n' y a rien à faire dans cette ville ."),
    ("i want to do my homework .", "je veux faire mes devoirs ."),
    ("i have a lot to do today .", "j' ai beaucoup à faire aujourd'hui ."),
    # a verb's base form after an object pronoun after a verb: an infinitive (made me cry: m'a fait pleure)
    ("the film made me cry .", "le film m' a fait pleurer ."), ("i saw him leave .", "je l' ai vu partir ."),
    ("they made us wait .", "ils nous ont fait attendre ."),
    # "will it be" in a question: être speaks il, "it" the qu' before it (est-ce il fera beau)
    ("will it be sunny tomorrow ?", "est-ce qu' il fera beau demain ?"),
    ("will this be enough ?", "est-ce que ce sera assez ?"),
    # a past in -t beside a participle in -ed is a participle too (has burnt: elle a a brûlé)
    ("she has burnt the rice .", "elle a brûlé le riz ."), ("i have learnt a lot .", "j' ai appris beaucoup .")]


@pytest.mark.parametrize("english, french", ROUND_12)
def test_round_12s_mechanisms(english, french):
    """An infinitive after an adjective, nothing or too; an object pronoun before an infinitive; again after a
    progressive; the weather in a question; a plant that grows; to do; a bare infinitive after an object
    pronoun; will it be; the British participle (see the comments in `ROUND_12`; each fails on round 11's
    program, except the controls). Adopted by the lead: each won on the dev sets and lost nothing there or on
    set 11 (validation: ±0); the passive and rien de + adjective candidates were left out (a dev loss; outputs
    made worse)."""
    assert translate(english) == french


ROUND_13 = [
    # too many / too much before a noun: trop de (it was trop beaucoup de); alone: trop
    ("there are too many cars in this town .", "il y a trop de voitures dans cette ville ."),
    ("she drinks too much coffee .", "elle boit trop de café ."), ("he eats too much .", "il mange trop ."),
    # on + a vehicle (WordNet's vehicle class): dans (it was sur le bus)
    ("i forgot my bag on the bus .", "j' ai oublié mon sac dans le bus ."),
    ("we slept on the plane .", "nous avons dormi dans l' avion ."),
    # "to" after a vehicle noun: pour; after a noun in the subject's phrase: de (it was à)
    ("we took the train to rome .", "nous avons pris le train pour rome ."),
    ("the bus to the station is late .", "le bus pour la gare est en retard ."),
    ("the road to the castle is long .", "la route du château est longue ."),
    ("the path to the river is muddy .", "le chemin de la rivière est boueux ."),
    ("i gave the book to my sister .", "j' ai donné le livre à ma sœur ."),  # control: a verb's object
    # of + a bare noun after an adjective French says with avoir (afraid: avoir peur): generic, des
    ("my cousin is afraid of spiders .", "mon cousin a peur des araignées ."),
    # in + a counted duration in a past clause: en (within); in the future: dans (control)
    ("the ice melted in three hours .", "la glace a fondu en trois heures ."),
    ("they built the house in two years .", "ils ont construit la maison en deux ans ."),
    ("we will leave in three hours .", "nous partirons dans trois heures ."),
    # a day after a preposition other than on: no article (it was avant le mardi)
    ("i need the report before tuesday .", "j' ai besoin du rapport avant mardi ."),
    ("we will stay until sunday .", "nous resterons jusqu' à dimanche ."),
    ("we play tennis on saturday .", "nous jouons au tennis le samedi ."),  # control: on + a day, a habit
]


@pytest.mark.parametrize("english, french", ROUND_13)
def test_round_13s_mechanisms(english, french):
    """Too many / too much; on + a vehicle; to after a vehicle or a subject's noun; of after an avoir
    adjective; in + a duration in the past; a day after a preposition (see the comments in `ROUND_13`; each
    fails on round 12's program, except the controls). Adopted because each won on the dev sets (1-11) and
    lost nothing there or on set 12 (validation, aggregate only): docs/nlp.md, "Round 13"."""
    assert translate(english) == french


ROUND_14 = [
    # in + a place after a noun phrase with a superlative names the set it is the best of: de (it was dans)
    ("this is the oldest church in the town .", "c' est la plus vieille église de la ville ."),
    ("she makes the best bread in the town .", "elle fait le meilleur pain de la ville ."),  # best: meilleur, no plus
    ("we ate the cake in the kitchen .", "nous avons mangé le gâteau dans la cuisine ."),  # control: no superlative
    # a noun of a site (a building, room, place or institution: WordNet) before a noun after "the" names the one
    # place the head is part of: de + the article (it was la table de cuisine); other modifiers stay bare
    ("the kitchen door is open .", "la porte de la cuisine est ouverte ."),
    ("we painted the garden gate .", "nous avons peint le portail du jardin ."),
    ("the school library is closed .", "la bibliothèque de l' école est fermée ."),
    ("the maths teacher is young .", "le professeur de maths est jeune ."),  # control: a subject
    ("i bought a kitchen table .", "j' ai acheté une table de cuisine ."),  # control: not "the"
]


@pytest.mark.parametrize("english, french", ROUND_14)
def test_round_14s_mechanisms(english, french):
    """A superlative's set after "in" is de; a site's noun before a noun after "the" takes the article (see
    `ROUND_14`; each fails on round 13's program, except the controls). Adopted because each won on the dev
    sets (1-12) and lost nothing there or on set 13 (validation, aggregate only): docs/nlp.md, "Round 14"."""
    assert translate(english) == french


ROUND_15 = [
    # one adjective between être and a bare plural or mass noun is the noun's (it was petits des animaux)
    ("cats are small animals .", "les chats sont de petits animaux ."),
    ("they are good friends .", "ils sont de bons amis ."),
    ("it was cold last night .", "il faisait froid hier soir ."),  # control: a noun of time
    # on + a site after a subject's noun names the place it belongs to: de (it was sur le coin); about is sur
    # too, but not a place
    ("the café on the corner is closed .", "le café du coin est fermé ."),
    ("the book about the school is long .", "le livre sur l' école est long ."),  # control: about
    ("the snow on the road is deep .", "la neige sur la route est profonde ."),  # control: not a site
    # to / at + a / an + a site: dans (it was à un petit hôtel)
    ("we went to a small hotel .", "nous sommes allés dans un petit hôtel ."),
    ("we went to the hotel .", "nous sommes allés à l' hôtel ."),  # control: the
    # in + a bare singular noun: en, no article (it was dans la classe)
    ("she never talks in class .", "elle ne parle jamais en classe ."),
    ("the cake is in the oven .", "le gâteau est dans le four ."),  # control: the
    # a / an after a number and a plural noun (a price): the article (it was deux euros un kilo)
    ("the apples cost two euros a kilo .", "les pommes coûtent deux euros le kilo ."),
    ("we work five days a week .", "nous travaillons cinq jours par semaine ."),  # control: a unit of time
    # stay with: chez (it was avec)
    ("she is staying with her aunt .", "elle reste chez sa tante ."),
    ("we stayed with them .", "nous sommes restés chez eux ."),
    # a device's noun before a noun after "the" names the thing the head is part of, as a site's does
    ("the oven door is hot .", "la porte du four est chaude ."),
    ("we will meet at about six .", "nous nous rencontrerons vers six heures ."),  # control: about is still sur
]


@pytest.mark.parametrize("english, french", ROUND_15)
def test_round_15s_noun_phrase(english, french):
    """An adjective between être and a bare noun; on + a site after a subject's noun; to / at + a + a site;
    in + a bare noun; a / an after a price; stay with; a device's noun as a modifier after "the" (see the
    comments in `ROUND_15`; each fails on round 14's program, except the controls). Adopted because each won
    on the dev sets (1-13) and lost nothing there or on set 14 (validation, aggregate only): docs/nlp.md,
    "Round 15 — the noun phrase"."""
    assert translate(english) == french


ROUND_16 = [
    # last / next spring: au printemps (it was le printemps dernier); this spring keeps ce
    ("we moved here last spring .", "nous avons déménagé ici au printemps dernier ."),
    ("we bought a house this spring .", "nous avons acheté une maison ce printemps ."),  # control
    # play cards: jouer aux cartes, a game as a sport is (it was des cartes: "cards" was listed, its lemma is card)
    ("the children are playing cards .", "les enfants jouent aux cartes ."),
    ("she sent me a card .", "elle m' a envoyé une carte ."),  # control: not after jouer
    # nothing / anything / something + an adjective: de + the masculine singular (it was rien intéressant)
    ("there is nothing interesting on television .", "il n' y a rien d' intéressant à la télévision ."),
    ("did you see anything strange ?", "est-ce que vous avez vu quelque chose d' étrange ?"),
    ("nothing is ready .", "rien n' est prêt ."),  # control: a predicate
    ("this shop is n't any more expensive than the market .", "ce magasin n' est plus cher que le marché ."),  # control
    # at the + a site after a subject's noun that is a physical thing: de (it was à l'hôtel)
    ("the cook at the hotel is french .", "le cuisinier de l' hôtel est français ."),
    ("the dogs at the farm are old .", "les chiens de la ferme sont vieux ."),
    ("the queue at the bank was long .", "la file d' attente à la banque était longue ."),  # control: abstract
    # on + a day after a bare verb that is no present: an infinitive, or will past the window (it was le samedi)
    ("can you help me carry the boxes on sunday ?", "est-ce que vous pouvez m' aider à porter les boîtes dimanche ?"),
    ("we will sell some books at the market on monday .", "nous vendrons des livres au marché lundi ."),
    ("they never work on sunday .", "ils ne travaillent jamais le dimanche ."),  # control: a habit
    # on + a / an + a site: dans (it was sur une ferme)
    ("my uncle works on a farm .", "mon oncle travaille dans une ferme ."),
    ("she wrote a book about a school in paris .", "elle a écrit un livre sur une école à paris ."),  # control: about
    # a view of: vue sur; in the bottom of: au fond de (phrases.tsv; it was une vue de, dans le fond de)
    ("the flat has a view of the river .", "l' appartement a vue sur la rivière ."),
    ("the keys are in the bottom of my bag .", "les clés sont au fond de mon sac ."),
]


@pytest.mark.parametrize("english, french", ROUND_16)
def test_round_16s_noun_phrase(english, french):
    """last / next spring; play cards; nothing + an adjective; at the + a site after a physical thing; on + a day
    after a bare verb that is not a present; on + a + a site; a view of, in the bottom of (see the comments in
    `ROUND_16`; each fails on round 15's program, except the controls). Adopted because each won on the dev sets
    (1-14) and lost nothing there or on set 15 (validation, aggregate only): docs/nlp.md, "Round 16 — the noun
    phrase"."""
    assert translate(english) == french


ROUND_17 = [
    # number words in a row are one number, said whole by its last word (it was cent: "two" said nothing);
    # cent multiplied is cents
    ("the school has two hundred pupils .", "l' école a deux cents élèves ."),
    ("the village has two thousand inhabitants .", "le village a deux mille habitants ."),
    ("the farm has a hundred cows .", "la ferme a cent vaches ."),  # control: one hundred is cent
    # numbers in digits stand alone: a list says each (it was "1": the last spoke, and the first digits came back)
    ("write 1 2 3 on the board .", "écrivez 1 2 3 sur le tableau ."),
    # a clock time in two number words: the hour, heures, the minutes (it was trente)
    ("i get up at six thirty .", "je me lève à six heures trente ."),
    # a number before o'clock is a clock time after any preposition (it was entre cinq et six); "o ' clock" too
    ("the shop closes between five o'clock and six o'clock .", "le magasin ferme entre cinq heures et six heures ."),
    ("the bakery opens at seven o ' clock .", "la boulangerie ouvre à sept heures ."),
    # more / less than + a number: de (it was plus que)
    ("the village has more than forty houses .", "le village a plus de quarante maisons ."),
    # "and" inside a number says nothing (it was mille et huit)
    ("we moved here in two thousand and eight .", "nous avons déménagé ici en deux mille huit ."),
    # a list of bare nouns after a verb: each takes the first's article, past the comma (it was le fromage)
    ("she ate soup , bread and an apple .", "elle a mangé de la soupe , du pain et une pomme ."),
    ("i like cats , dogs and birds .", "j' aime les chats , les chiens et les oiseaux ."),  # control: a generic verb
    ("when it rains , children play inside .", "quand il pleut , les enfants jouent à l' intérieur ."),  # control
    # work from home: à la maison (phrases.tsv; it was de maison)
    ("my sister works from home on tuesdays .", "ma sœur travaille à la maison le mardi ."),
]


@pytest.mark.parametrize("english, french", ROUND_17)
def test_round_17s_noun_phrase(english, french):
    """Number words in a row as one number (deux cents), digits alone (1 2 3), a clock time in two numbers or
    before o'clock, more than + a number, and inside a number; a list of bare nouns past a comma; from home
    (see the comments in `ROUND_17`; each fails on round 16's program, except the controls). Adopted because
    each won on the dev sets (1-15) and lost nothing there or on set 16 (validation, aggregate only):
    docs/nlp.md, "Round 17 — the noun phrase"."""
    assert translate(english) == french


ROUND_18 = [
    # without a + a thing: no article (it was sans un manteau); an abstraction or an adjective keeps it (controls)
    ("she went to school without a coat .", "elle est allée à l' école sans manteau ."),
    ("he left without a word .", "il est parti sans un mot ."),
    ("they travel without a big suitcase .", "ils voyagent sans une grande valise ."),
    # a bare noun after and / or shares the first noun's determiner (it was l'oncle, des soucoupes); control: none
    ("my aunt and uncle live in spain .", "ma tante et mon oncle vivent en espagne ."),
    ("we washed the cups and saucers .", "nous avons lavé les tasses et les soucoupes ."),
    ("i bought a knife and fork .", "j' ai acheté un couteau et une fourchette ."),
    ("we ate bread and cheese .", "nous avons mangé du pain et du fromage ."),
    # each after a price: chacun / chacune by the subject (it said nothing)
    ("the apples cost two euros each .", "les pommes coûtent deux euros chacune ."),
    ("the books cost ten euros each .", "les livres coûtent dix euros chacun ."),
    # be + on + a day dates one event (it was le vendredi, a habit); after an adjective it stays a habit (control)
    ("the concert is on friday .", "le concert est vendredi ."),
    ("the museum is open on sunday .", "le musée est ouvert le dimanche ."),
    # none is a negative pronoun: its verb takes ne (it was l'aucun ... est venu)
    ("none of my friends came to the party .", "aucun de mes amis n' est venu à la fête ."),
    # 21 to 99 are one number word, with the hyphen or without (it was vingt - cinq, quatre-vingt-dix neuf)
    ("there are twenty - five pupils in my class .", "il y a vingt-cinq élèves dans ma classe ."),
    ("the book costs ninety nine euros .", "le livre coûte quatre-vingt-dix-neuf euros ."),
    ("we have twenty - one tables and forty - one chairs .",
     "nous avons vingt-et-une tables et quarante-et-une chaises ."),
    # minus before a number: moins (it was an unknown word)
    ("the thermometer showed minus four .", "le thermomètre a montré moins quatre ."),
    # a few: quelques; other before a noun: autre, elided as a vowel (both were unknown words)
    ("we bought a few apples .", "nous avons acheté quelques pommes ."),
    ("she plays with other children .", "elle joue avec d' autres enfants ."),
    ("i left my keys in my other coat .", "j' ai laissé mes clés dans mon autre manteau ."),
]


@pytest.mark.parametrize("english, french", ROUND_18)
def test_round_18s_noun_phrase(english, french):
    """without a + a thing (sans manteau), a determiner shared across and (ma tante et mon oncle), each after a price
    (chacun), be + on + a day (lundi), none (aucun … ne), 21 to 99 as one number, minus, a few, other (see the
    comments in `ROUND_18`; each fails on round 17's program, except the controls). Adopted because each won on the
    dev sets (1-16) and lost nothing there or on set 17 (validation, aggregate only): docs/nlp.md, "Round 18 — the
    noun phrase"."""
    assert translate(english) == french


ROUND_19 = [
    # possessive pronouns: à moi right after être, else le mien / la vôtre … by the subject, after the preposition
    # (it was the noun "mine", or an unknown word); control: "his" before its noun stays a determiner
    ("this umbrella is mine .", "ce parapluie est à moi ."),
    ("my house is smaller than yours .", "ma maison est plus petite que la vôtre ."),
    ("our garden is bigger than theirs .", "notre jardin est plus grand que le leur ."),
    ("her shoes are next to mine .", "ses chaussures sont à côté des miennes ."),
    ("that bike is his .", "ce vélo est à lui ."),
    ("my brother sold his old bike .", "mon frère a vendu son vieux vélo ."),
    # after a preposition, "the" + a noun + in + a town: the town says which one (it was à lyon); "a" (control)
    ("we waited at the station in lyon .", "nous avons attendu à la gare de lyon ."),
    ("my uncle works in a hospital in lyon .", "mon oncle travaille dans un hôpital à lyon ."),
    # both + a noun phrase: its determiner and deux (it was an unknown word)
    ("both my children like chocolate .", "mes deux enfants aiment le chocolat ."),
    ("both the boys were late .", "les deux garçons étaient en retard ."),
    # of spring: the season, du printemps (it was de printemps); in spring stays au printemps (control)
    ("the first day of spring was sunny .", "le premier jour du printemps était ensoleillé ."),
    ("the flowers open in spring .", "les fleurs ouvrent au printemps ."),
]


@pytest.mark.parametrize("english, french", ROUND_19)
def test_round_19s_noun_phrase(english, french):
    """Possessive pronouns (à moi, la vôtre, à côté des miennes), the one in a town (la gare de lyon), both (mes
    deux enfants), of spring (du printemps): see the comments in `ROUND_19`; each fails on round 18's program,
    except the controls. Adopted because each won on the dev sets (1-17; both in coverage only) and lost nothing
    there or on set 18 (validation, aggregate only): docs/nlp.md, "Round 19 — the noun phrase"."""
    assert translate(english) == french


ROUND_20 = [
    # "the" + a superlative with no noun after it: the article agrees with the subject (it was est meilleure)
    ("my mother 's cake is the best .", "le gâteau de ma mère est le meilleur ."),
    ("these apples are the cheapest .", "ces pommes sont les plus bon marché ."),
    ("he is the tallest boy .", "il est le plus grand garçon ."),  # control: the noun speaks the article
    # more / less after a verb whose object takes de: de plus de (it was besoin plus de); vouloir has none (control)
    ("we need more chairs .", "nous avons besoin de plus de chaises ."),
    ("the garden needs less water .", "le jardin a besoin de moins d' eau ."),
    ("we want more chairs .", "nous voulons plus de chaises ."),
    # no more + a noun: ne … plus de (it was ne … pas non plus de); no alone stays pas (control)
    ("there is no more bread .", "il n' y a plus de pain ."),
    ("we have no more milk .", "nous n' avons plus de lait ."),
    ("i have no money .", "je n' ai pas d' argent ."),
]


@pytest.mark.parametrize("english, french", ROUND_20)
def test_round_20s_noun_phrase(english, french):
    """A superlative after "the" with no noun (est la meilleure), more / less after avoir besoin (besoin de plus
    de), no more (ne … plus de): see the comments in `ROUND_20`; each fails on round 19's program, except the
    controls. Adopted because each won on the dev sets (1-18) and lost nothing there or on set 19 (validation,
    aggregate only): docs/nlp.md, "Round 20 — the noun phrase"."""
    assert translate(english) == french


ROUND_22 = [
    # smell of + a noun: sentir + the generic article, no de (it was sentent de savon); the noun smell keeps de
    ("the towels smell of soap .", "les serviettes sentent le savon ."),
    ("his jacket smells of smoke and coffee .", "sa veste sent la fumée et le café ."),
    ("the smell of the soup is strong .", "l' odeur de la soupe est forte ."),  # control
    # a family member with no determiner is a name: no article (it was le papi, de la mamie); with one (control)
    ("grandpa reads the newspaper .", "papi lit le journal ."),
    ("we like grandma 's garden .", "nous aimons le jardin de mamie ."),
    ("her grandfather reads the newspaper .", "son grand-père lit le journal ."),
    ("uncle tom lives in paris .", "l' oncle tom vit à paris ."),  # control: a title before a name keeps it
    # off + a noun phrase after a noun or a verb with no phrasal sense for off: de (it was tombé le mur); a
    # phrasal verb keeps its object (control)
    ("the boy fell off the wall .", "le garçon est tombé du mur ."),
    ("the cat pushed the cup off the table .", "le chat a poussé la tasse de la table ."),
    ("she turned off the lamp .", "elle a éteint la lampe ."),
]


@pytest.mark.parametrize("english, french", ROUND_22)
def test_round_22s_noun_phrase(english, french):
    """smell of (sentir + the generic article), a family member as a name (mamie), off + a noun phrase (de): see
    the comments in `ROUND_22`; each fails on round 21's program (af45805), except the controls. Adopted because
    each won on the dev sets (1-20) and lost nothing there or on set 21 (validation, aggregate only):
    docs/nlp.md, "Round 22 — the noun phrase"."""
    assert translate(english) == french


ROUND_23 = [
    # an ordinal, ground or top before floor is a storey, said with à after on (it was sur le quatrième sol), de
    # after a subject's noun (as a site: the lamp on the first floor); floor alone stays sol (control)
    ("the dentist is on the fourth floor .", "le dentiste est au quatrième étage ."),
    ("my uncle works on the ground floor .", "mon oncle travaille au rez-de-chaussée ."),
    ("the lamp on the first floor is broken .", "la lampe du premier étage est cassée ."),
    ("the keys are on the floor .", "les clés sont sur le sol ."),
    ("my aunt lives on the eighth floor .", "ma tante vit au huitième étage ."),  # (h aspiré: not à l'huitième)
    # a facility is a site: at the + it after a subject's noun says de (it was à la gare), as at this / that does
    ("the taxis at the station are expensive .", "les taxis de la gare sont chers ."),
    ("the coffee at this hotel is cold .", "le café de cet hôtel est froid ."),
    # send off: a phrasal verb (it was a envoyé de deux joueurs)
    ("the referee sent off two players .", "l' arbitre a expulsé deux joueurs ."),
]


@pytest.mark.parametrize("english, french", ROUND_23)
def test_round_23s_noun_phrase(english, french):
    """A building's storey (au deuxième étage), a facility as a site, send off: see the comments in `ROUND_23`;
    each fails on round 22's program (442a21f), except the control. Adopted because each won on the dev sets
    (1-21) and lost nothing there or on set 22 (validation, aggregate only): docs/nlp.md, "Round 23 — the noun
    phrase"."""
    assert translate(english) == french


def test_numbers_with_separators_in_text_are_translated():
    """The API's text: a number with a decimal point, thousands commas or a clock's colon is a number (it was an
    unknown word after the noun: il coûte des euros 3.5)."""
    from weightsmith.library import nlp

    assert nlp.translate("It costs 3.5 euros.", backend="interpreter") == "il coûte 3,5 euros."
    assert nlp.translate("The train leaves at 5:30.", backend="interpreter") == "le train part à 5 heures 30."
    assert nlp.translate("The village has 1,000 inhabitants.", backend="interpreter") == "le village a 1 000 habitants."


def test_where_an_object_pronoun_goes_depends_on_the_preposition_and_on_it():
    rely, need, answer = ("V", "base", False, "obj:sur", ()), ("V", "base", False, "de", ()), \
        ("V", "base", False, "obj:à", ())
    attend, see = ("V", "base", False, "tail:à", ()), ("V", "base", False, False, ())
    him, it, them = ("OBJ", "le", "lui"), grammar.object_pronoun(("S", "3s", "m", "il", "it")), ("OBJ", "les", "eux")
    assert grammar.pronoun_object(see, him) == grammar.PronounObject("le", ())
    assert grammar.pronoun_object(rely, them) == grammar.PronounObject(None, ("sur", "eux"))
    assert grammar.pronoun_object(need, them) == grammar.PronounObject(None, ("d'", "eux"))
    assert grammar.pronoun_object(need, it) == grammar.PronounObject("en", ())
    assert grammar.pronoun_object(answer, them) == grammar.PronounObject("leur", ())
    assert grammar.pronoun_object(answer, it) == grammar.PronounObject("y", ())
    assert grammar.pronoun_object(attend, him) == grammar.PronounObject(None, ("à", "lui"))


def test_a_subject_sense_is_a_prefix_of_codes_chosen_by_the_clause():
    """The sense is a role in the verb group's structure (codes under "s.<class>."), never French."""
    work = ("V", "base", False, False, (("subject:device", False),))
    clause = dict(subject=("3s", "f"), subject_class="device", negated=False, verb_before="none", question=None,
                  q_subject=False, after_q_subject=False, index=0, you="vous")
    window = (work, ("S", "3s", "f", "elle", "she"), None, None, None, None, None, None)
    structure, _ = grammar.verb_group_parts(window, 0, None, clause)
    assert structure == ((("finite", 0), ((0, "s.device.v.pres.<person>"),)),)
    assert grammar.verb_group_parts(window, 0, None, dict(clause, subject_class="vehicle"))[0] == (
        (("finite", 0), ((0, "v.pres.<person>"),)),)


ROUND_14_VERB = [
    # someone / everybody / everything before a verb: a third person singular subject (it was the
    # imperative's vous: quelqu'un avez volé)
    ("someone stole my bike .", "quelqu'un a volé mon vélo ."),
    ("everything changed after the storm .", "tout a changé après la tempête ."),
    ("close the window .", "fermez la fenêtre ."),  # control: no subject, an imperative
    # them before avoir: the participle agrees (masculine plural: the verb cannot see what "them" stands for)
    ("we have washed them .", "nous les avons lavés ."),
    ("i called them yesterday .", "je les ai appelés hier ."),
    ("i answered them .", "je leur ai répondu ."),  # control: an indirect object (leur) does not agree
    # have just + participle: venir de + infinitive
    ("he has just finished his homework .", "il vient de finir ses devoirs ."),
    ("i have just arrived .", "je viens d' arriver ."),
    ("i just want to sleep .", "je veux juste dormir ."),  # control: just with another tense stays juste
    # have been to + a place: aller's passé composé (it was avoir été), the participle agreeing with the subject
    ("my wife has never been to greece .", "ma femme n' est jamais allée en grèce ."),
    ("i have been to london twice .", "je suis allé à londres deux fois ."),
    ("he has been ill .", "il a été malade ."),  # control: been before no "to"
]


@pytest.mark.parametrize("english, french", ROUND_14_VERB)
def test_round_14s_verb_phrase(english, french):
    """An indefinite pronoun subject; a participle after les; the recent past; been to (see the comments in
    `ROUND_14_VERB`; each fails on round 13's program, except the controls): docs/nlp.md, "Round 14 — the verb
    phrase"."""
    assert translate(english) == french


ROUND_15_VERB = [
    # for + a duration after a state lasting until now: depuis (a negated passé composé, or a verb French says
    # in the present: the weather after "has been")
    ("it has not snowed here for three years .", "il n' a pas neigé ici depuis trois ans ."),
    ("i have n't slept for two days .", "je n' ai pas dormi depuis deux jours ."),
    ("it has been cold for a week .", "il fait froid depuis une semaine ."),
    ("we stayed in rome for two weeks .", "nous sommes restés à rome pendant deux semaines ."),  # control: pendant
    # is ... still + -ing: the progressive's être, after a mid adverb too, is not said
    ("is it still snowing ?", "est-ce qu' il neige encore ?"),
    ("are the children still sleeping ?", "est-ce que les enfants dorment encore ?"),
    ("is the soup still hot ?", "est-ce que la soupe est encore chaude ?"),  # control: être before an adjective
    # ... and a mid adverb before a weather adjective after "is it" speaks faire, as the adjective does
    ("is it always hot in summer ?", "est-ce qu' il fait toujours chaud en été ?"),
    # had / did not have with a place for its subject: a state, the imparfait
    ("the hotel had a small garden .", "l' hôtel avait un petit jardin ."),
    ("the kitchen did not have a window .", "la cuisine n' avait pas de fenêtre ."),
    ("we had a storm last week .", "nous avons eu une tempête la semaine dernière ."),  # control: an event
    # a question word, then do / did / will / a modal: the question word, then est-ce que
    ("where did you park the car ?", "où est-ce que vous avez garé la voiture ?"),
    ("when will the shop open ?", "quand est-ce que le magasin ouvrira ?"),
    ("how can i help you ?", "comment est-ce que je peux vous aider ?"),
    ("where is the bank ?", "où est la banque ?"),  # control: être keeps the English order
]


@pytest.mark.parametrize("english, french", ROUND_15_VERB)
def test_round_15s_verb_phrase(english, french):
    """depuis after a state lasting until now; a question's progressive or weather after a mid adverb; a
    place's had; a question word before an auxiliary (see the comments in `ROUND_15_VERB`; each fails on
    round 14's program, except the controls): docs/nlp.md, "Round 15 — the verb phrase"."""
    assert translate(english) == french


ROUND_16_VERB = [
    # an adjective + enough: assez before the adjective, after être and in an être question
    ("the tea is not strong enough .", "le thé n' est pas assez fort ."),
    ("is the room big enough for us ?", "est-ce que la chambre est assez grande pour nous ?"),
    ("it is warm enough to sit outside .", "il fait assez chaud pour s' asseoir dehors ."),
    ("we have enough chairs .", "nous avons assez de chaises ."),  # control: enough before a noun
    # être + a participle FreeDict gives as a pronominal verb's "be ...": the pronominal verb, in être's tense
    ("my brother is bored .", "mon frère s' ennuie ."),
    ("the children were never bored at the farm .", "les enfants ne s' ennuyaient jamais à la ferme ."),
    ("are you bored ?", "est-ce que vous vous ennuyez ?"),
    ("the long film bored my son .", "le long film a ennuyé mon fils ."),  # control: the verb with an object
    ("we were lost in the forest .", "nous étions perdus dans la forêt ."),  # control: se perdre is get lost too
]


@pytest.mark.parametrize("english, french", ROUND_16_VERB)
def test_round_16s_verb_phrase(english, french):
    """enough after a predicate adjective; a pronominal state after être (see the comments in `ROUND_16_VERB`;
    each fails on round 15's program, except the controls): docs/nlp.md, "Round 16 — the verb phrase"."""
    assert translate(english) == french


def test_a_pronominal_state_takes_the_tense_of_etre_and_its_se_by_person():
    """were bored: the group of the participle, its pronominal forms (r.), in the imparfait; se by person."""
    bored = ("V", "pp", "e", False, ())
    clause = dict(subject=("1p", "m"), subject_class="", negated=False, verb_before="none", question=None,
                  q_subject=False, after_q_subject=False, index=0, you="vous")
    window = (bored, ("BE", "past", "pl"), ("S", "1p", "m", "nous", "we"), None, None, None, None, None)
    structure, _ = grammar.verb_group_parts(window, 0, None, clause, "r.")
    assert structure == ((("se", 0), ((0, "r.v.se.imp.<person>"),)), (("finite", 0), ((0, "r.v.imp.<person>"),)))
    future = (bored, ("BE", "base", "sg"), ("AUX", "will"), ("S", "1s", "m", "je", "i"), None, None, None, None)
    assert not grammar._pronominal_state(future)  # will be bored: the participle, as before


def test_a_places_had_is_the_imparfait_and_a_persons_the_passe_compose():
    """had with a subject of a place class is said in the imparfait (a state); with no class, as before."""
    have = ("V", "past", False, "have", ())
    clause = dict(subject=("3s", "m"), subject_class="site", negated=False, verb_before="none", question=None,
                  q_subject=False, after_q_subject=False, index=0, you="vous")
    window = (have, ("N", "m", "sg", True, "site"), ("DET", "the"), None, None, None, None, None)
    structure, _ = grammar.verb_group_parts(window, 0, None, clause)
    assert structure == ((("finite", 0), ((0, "v.imp.<person>"),)),)
    structure, _ = grammar.verb_group_parts(window, 0, None, dict(clause, subject_class=""))
    assert structure == ((("finite", 0), ((0, "v.aux.<person>"),)), (("verb", 0), ((0, "v.pp.<gender>.<number>"),)))


ROUND_17_VERB = [
    # nothing / nobody as the subject takes ne without pas, also past a prepositional phrase and before a modal
    ("nobody in my class likes maths .", "personne dans ma classe n' aime les maths ."),
    ("nothing in the box was broken .", "rien dans la boîte n' était cassé ."),
    ("nobody in the village can swim .", "personne dans le village ne peut nager ."),
    ("nobody can swim here .", "personne ne peut nager ici ."),
    ("the girls in my class like maths .", "les filles de ma classe aiment les maths ."),  # control: no negation
    ("we found nothing in the box .", "nous n' avons rien trouvé dans la boîte ."),  # control: nothing as the object
    # control: the next clause has a subject of its own
    ("nobody came to the party , and we were sad .", "personne n' est venu à la fête , et nous étions tristes ."),
]


@pytest.mark.parametrize("english, french", ROUND_17_VERB)
def test_round_17s_verb_phrase(english, french):
    """A negative subject's ne (see the comments in `ROUND_17_VERB`; each fails on round 16's program, except
    the controls): docs/nlp.md, "Round 17 — the verb phrase"."""
    assert translate(english) == french


def test_a_negative_subject_past_a_phrase_gives_its_verb_ne_without_pas():
    """nothing / nobody read back through a prepositional phrase (nobody in my family eats) makes the verb
    group ne + finite, with no pas; a verb between them (there is nothing left in the box: nothing is left's
    subject) or no negative word keeps the plain group."""
    eats = ("V", "3s", False, False, ())
    clause = dict(subject=("3s", "m"), subject_class="", negated=False, verb_before="none", question=None,
                  q_subject=False, after_q_subject=False, index=0, you="vous")
    family = (("N", "f", "sg", True, "count"), ("DET", "my"), ("PREP", "dans"))
    structure, _ = grammar.verb_group_parts((eats, *family, ("NOTHING", "personne"), None, None, None), 0, None, clause)
    assert structure == ((("ne", 0), ((0, "v.ne.pres.<person>"),)), (("finite", 0), ((0, "v.pres.<person>"),)))
    plain = ((("finite", 0), ((0, "v.pres.<person>"),)),)
    left = ("V", "pp", False, False, ())
    assert grammar.verb_group_parts((eats, *family, left, ("NOTHING", "rien"), None, None), 0, None, clause)[0] == plain
    assert grammar.verb_group_parts((eats, *family, ("DET", "the"), None, None, None), 0, None, clause)[0] == plain
    ate = ("V", "past", False, False, ())  # we ate nothing on the train: nothing is ate's object
    assert grammar.verb_group_parts((eats, *family, ("NOTHING", "rien"), ate, None, None), 0, None, clause)[0] == plain


ROUND_18_VERB = [
    # "so" after a comma joins two clauses (alors); after it, a verb with no subject of its own is an imperative
    ("the bakery was closed , so we bought bread at the supermarket .",
     "la boulangerie était fermée , alors nous avons acheté du pain au supermarché ."),
    ("the car is broken , so we will take the train .", "la voiture est cassée , alors nous prendrons le train ."),
    ("it is cold outside , so take a warm coat .", "il fait froid dehors , alors prenez un manteau chaud ."),
    ("the museum is closed today , so come back tomorrow .", "le musée est fermé aujourd'hui , alors revenez demain ."),
    ("the soup is so hot .", "la soupe est si chaude ."),  # control: "so" grades an adjective
]


@pytest.mark.parametrize("english, french", ROUND_18_VERB)
def test_round_18s_verb_phrase(english, french):
    """so joining two clauses, and the imperative after it (see the comments in `ROUND_18_VERB`; each fails on
    round 17's program, except the control): docs/nlp.md, "Round 18 — the verb phrase"."""
    assert translate(english) == french


def test_so_after_a_comma_joins_clauses_and_before_an_adjective_grades_it():
    """so reads as the conjunction alors after a comma unless an adjective or an adverb follows it; its table
    says both (si by its plain code, alors by its "so." code), and a verb after it with no subject of its own
    is an imperative."""
    v = vocabulary()
    comma, we, hot, take = (v.entries[v.words.index(w)].info for w in (",", "we", "hot", "take"))
    assert grammar.resolve(None, comma, grammar.SO_ADVERB, we) == grammar.SO_CONJUNCTION
    assert grammar.resolve(None, comma, grammar.SO_ADVERB, hot) == grammar.SO_ADVERB
    assert grammar.resolve(None, ("BE", "pres", "sg"), grammar.SO_ADVERB, we) == grammar.SO_ADVERB
    forms = grammar.own_forms(grammar.SO_ADVERB)
    assert forms[grammar.OWN + "0"] == "si" and forms[grammar.said_as(grammar.SO_CONJUNCTION, grammar.OWN) + "0"] == "alors"
    window = (grammar.SO_CONJUNCTION, comma, None, None, None, None, None, None)
    assert dt.head_features(window, take) == ("imp", "m")


ROUND_19_VERB = [
    # has / have been + a predicate: the predicate speaks être, in the present before for / since (depuis)
    ("my brother has been ill for two weeks .", "mon frère est malade depuis deux semaines ."),
    ("the museum has been closed since monday .", "le musée est fermé depuis lundi ."),
    ("we have been married for twenty years .", "nous sommes mariés depuis vingt ans ."),
    ("she has been ill .", "elle a été malade ."),  # control: no for / since, the passé composé
    ("the shop has been closed all day .", "le magasin a été fermé toute la journée ."),  # control
    ("she has not been ill since march .", "elle n' a pas été malade depuis mars ."),  # control: negated
]


@pytest.mark.parametrize("english, french", ROUND_19_VERB)
def test_round_19s_verb_phrase(english, french):
    """A state lasting until now after has / have been (see the comments in `ROUND_19_VERB`; each fails on
    round 18's program, except the controls): docs/nlp.md, "Round 19 — the verb phrase"."""
    assert translate(english) == french


def test_a_predicate_after_been_speaks_etre_in_the_present_before_for_or_since():
    """been says nothing before a word that reads as a predicate, which speaks être's group: the present before
    for / since, the passé composé elsewhere; not after a negation or with "it", and not before an adjective
    French says with avoir (been speaks avoir's forms)."""
    v = vocabulary()
    ill, hungry, for_, she, it = (v.entries[v.words.index(w)].info for w in ("ill", "hungry", "for", "she", "it"))
    clause = dict(subject=("3s", "f"), negated=False, verb_before="none", question=None, q_subject=False,
                  after_q_subject=False, index=0, you="vous")
    been = ("BE", "pp")
    window = (been, ("HAVE_AUX",), grammar.resolve(None, None, she, None), None, None, None, None, None)
    assert grammar.plan(window, ill, clause) == ()
    assert grammar.plan(window, hungry, clause) != ()  # (avoir faim: been speaks avoir's forms)
    predicate = (grammar.resolve(("HAVE", "3s"), been, ill, for_), *window[:-1])
    assert grammar.plan(predicate, for_, clause)[:1] == ((1, "v.pres.2"),)
    assert grammar.plan(predicate, None, clause)[:1] == ((1, "v.aux.2"),)
    negated = (been, ("NEG", "pas"), ("HAVE_AUX",), window[2], None, None, None, None)
    assert grammar.plan(negated, ill, clause) != ()
    with_it = (been, ("HAVE_AUX",), grammar.resolve(None, None, it, None), None, None, None, None, None)
    assert grammar.plan(with_it, ill, clause) != ()
    assert grammar._since_clause((("N", "f", "pl", False, "unit"), ("NUM", "deux"), ("PREP", "pour"), *predicate[:5]),
                                 3, clause)


ROUND_20_VERB = [
    # yet / again after the verb's object: said in the verb group's adverb place (step 4 moves it there)
    ("they have not sold their house yet .", "ils n' ont pas encore vendu leur maison ."),
    ("she has n't read my letter yet .", "elle n' a pas encore lu ma lettre ."),
    ("the children broke a window again .", "les enfants ont encore cassé une fenêtre ."),
    ("my brother missed the bus again .", "mon frère a encore manqué le bus ."),
    ("i have not finished yet .", "je n' ai pas encore fini ."),  # control: right after the verb, the group's own
]


@pytest.mark.parametrize("english, french", ROUND_20_VERB)
def test_round_20s_verb_phrase(english, french):
    """yet / again after the verb's object (see the comments in `ROUND_20_VERB`; each fails on round 19's
    program, except the control): docs/nlp.md, "Round 20 — the verb phrase"."""
    assert translate(english) == french


def test_yet_after_the_object_moves_to_the_verb_groups_adverb_place():
    """`moves_to_verb`: yet / again with an object between it and its verb, in a statement; not right after the
    verb, in a question, after a clause break, nor after an infinitive. `look_ahead`: a verb's adverb place is
    its participle's index in its plan (after je, ne, the finite verb and pas), the adverb `MOVES`."""
    v = vocabulary()
    yet, report, i = (v.entries[v.words.index(w)].info for w in ("yet", "report", "i"))
    clause = dict(subject=("1s", "m"), negated=True, verb_before="other", question=None, q_subject=False,
                  after_q_subject=False, index=6, you="vous")
    finished = ("V", "pp", False, False, ())
    left = (("NEG", "pas"), ("HAVE_AUX",), grammar.resolve(None, None, i, None))
    verb_window = (finished, *left, None, None, None, None)
    noun = grammar.resolve(("DET", "the"), ("DET", "the"), report, yet)
    window = (yet, noun, ("DET", "the"), finished, *left, None)
    assert grammar.moves_to_verb(window, clause)
    assert not grammar.moves_to_verb(window, clause | {"question": "have"})
    assert not grammar.moves_to_verb((yet, *verb_window[:-1]), clause)  # right after the verb
    assert not grammar.moves_to_verb((yet, noun, ("DET", "the"), ("PUNCT", ","), finished, *left[:3]), clause)
    assert not grammar.moves_to_verb((yet, noun, ("DET", "the"), ("V", "base", False, False, ()), ("TO",),
                                      *left[:3]), clause)  # (to see the report again: voir, no group of its own)
    spoken = fp.spoken_by(verb_window, ("DET", "the"), clause)
    assert fp.look_ahead(verb_window, clause, spoken) == 4  # je n' ai pas | fini
    assert fp.look_ahead(window, clause, fp.spoken_by(window, None, clause)) == fp.MOVES


ROUND_21_VERB = [
    # an affirmative passé composé + for + a duration, or + since: the present with depuis (step 4 reads the
    # group's finite verb in the present and leaves its participle out)
    ("my uncle has worked in this bank for twenty years .", "mon oncle travaille dans cette banque depuis vingt ans ."),
    ("they have lived in this village for a year .", "ils vivent dans ce village depuis un an ."),
    ("i have worked with my sister for six months .", "je travaille avec ma sœur depuis six mois ."),
    ("she has worked there since march .", "elle travaille là depuis mars ."),
    ("we have visited two museums since monday .", "nous avons visité deux musées depuis lundi ."),  # control: counted
    ("i have not worked here for two years .", "je n' ai pas travaillé ici depuis deux ans ."),  # control: negated
    ("she has always lived here .", "elle a toujours vécu ici ."),  # control: no for / since
]


@pytest.mark.parametrize("english, french", ROUND_21_VERB)
def test_round_21s_verb_phrase(english, french):
    """A passé composé lasting until now (see the comments in `ROUND_21_VERB`; each fails on round 20's
    program, except the controls): docs/nlp.md, "Round 21 — the verb phrase"."""
    assert translate(english) == french


def test_a_passe_compose_lasting_until_now_is_said_in_the_present():
    """`lasts_until_now`: the duration's noun after for, or since, after has / have + a participle in an
    affirmative statement, whose noun phrase then says depuis; not under a negation, in a question, after a mid
    adverb, with a definite object, nor after since with any object. `look_ahead`: the word hands step 4
    `PRESENT`; the finite entries' present codes (`dictionary_translation._present_code`)."""
    clause = dict(subject=("3s", "f"), negated=False, verb_before="other", question=None, q_subject=False,
                  after_q_subject=False, index=5, you="vous")
    worked, here, she = ("V", "pp", False, False, ()), ("ADV", "ici", False), ("S", "3s", "f", "elle")
    years, museums = ("N", "m", "pl", True, "year"), ("N", "m", "pl", True, "building")
    window = (years, ("NUM", "dix"), ("PREP", "pour"), here, worked, ("HAVE_AUX",), she, None)
    assert grammar.lasts_until_now(window, clause) and grammar._since_clause(window, 3, clause)
    assert fp.look_ahead(window, clause, fp.spoken_by(window, None, clause)) == fp.PRESENT
    assert not grammar.lasts_until_now(window, clause | {"negated": True})
    assert not grammar.lasts_until_now(window, clause | {"question": "have"})
    always = (years, ("NUM", "dix"), ("PREP", "pour"), here, worked, ("ADV", "toujours", True), ("HAVE_AUX",), she)
    assert not grammar.lasts_until_now(always, clause)
    since = ("PREP", "depuis")
    assert grammar.lasts_until_now((since, here, worked, ("HAVE_AUX",), she, None, None, None), clause)
    counted = (museums, ("NUM", "deux"), worked, ("HAVE_AUX",), she, None, None, None)
    assert not grammar.lasts_until_now((since, *counted[:-1]), clause)
    assert grammar.lasts_until_now((years, ("NUM", "dix"), ("PREP", "pour"), *counted[:-3]), clause)
    the_bridge = (years, ("NUM", "deux"), ("PREP", "pour"), museums, ("DET", "the"), worked, ("HAVE_AUX",), she)
    assert not grammar.lasts_until_now(the_bridge, clause) and not grammar._since_clause(the_bridge, 3, clause)
    assert dt._present_code((0, "v.je.aux.0")) == "v.je.pres.0" and dt._present_code((2, "v.aux.3")) == "v.pres.3"
    assert dt._present_code((0, "v.pp.m.sg")) == fp.NO_PART


def test_the_recent_past_is_venir_by_person_then_de_and_the_infinitive():
    """has just left: (vient) (de / d' and the infinitive, read of the verb); no person in the structure."""
    leave = ("V", "pp", False, False, ())
    clause = dict(subject=("3s", "f"), negated=False, verb_before="none", question=None, q_subject=False,
                  after_q_subject=False, index=0, you="vous")
    window = (leave, ("ADV", "juste", True), ("HAVE_AUX",), ("S", "3s", "f", "elle", "she"), None, None, None, None)
    structure, agreement = grammar.verb_group_parts(window, 0, None, clause)
    assert grammar.speak_verb_group(structure, agreement) == ((0, "=vient"), (0, "v.de"), (0, "v.inf"))
    assert grammar.speak_verb_group(structure, grammar.VerbAgreement(0, "m", "sg"))[0] == (0, "=viens")


# words of one kind that no rule names: a plan that reads which of them it is holds its French as a literal
ALIKE = {"NUM": None,  # every number but zéro (il est zéro heure is no clock time)
         "ADV": ("maintenant", "ensuite", "demain", "hier", "ici", "bientôt", "tôt", "loin", "ensemble", "partout"),
         "PREP": ("sous", "derrière", "entre", "parmi", "sauf", "contre")}
SPEAKER_CLAUSES = st.fixed_dictionaries(dict(
    subject=st.sampled_from([("3s", "m"), ("1p", "f"), ("imp", "m")]), subject_class=st.just(""),
    negated=st.booleans(), verb_before=st.sampled_from(["none", "generic", "other", "be"]),
    question=st.sampled_from([None, "do", "be-pres"]), q_subject=st.booleans(), after_q_subject=st.booleans(),
    index=st.integers(0, 8), you=st.sampled_from(["vous", "tu"])))


def _alike(kind: str) -> list[tuple]:
    return [r for r in dt.readings_by_kind()[kind] if len(r) == len(dt.readings_by_kind()[kind][0]) and (
        r[1] != "zéro" if ALIKE[kind] is None else r[1] in ALIKE[kind] and not r[2:3] == (True,))]


@given(data=st.data(), window=windows(), clause=SPEAKER_CLAUSES,
       after=st.sampled_from([None, ("PUNCT", "."), ("BE", "pres", "sg"), ("CONJ", "et"), ("ADV", "ici", False)]))
@settings(max_examples=2_000, deadline=None)
def test_a_number_an_adverb_or_a_preposition_says_its_french_by_codes_of_its_own(data, window, clause, after):
    """A number's, an adverb's and a preposition's French is said by codes of the word's own table
    (`grammar.own_forms`), not as literals, so words of one kind that no rule names have one plan: put any two
    in the speaker's place (and, for a number, any preposition or clock minutes before it) and the plan is
    the same; read out, it says each word's own French. Fails if any of them speaks its French as a literal
    (which made 859 of the 1,634 distinct plans at 1,000,000 random windows numbers' on main, docs/nlp.md)."""
    kind = data.draw(st.sampled_from(sorted(ALIKE)))
    one, other = (data.draw(st.sampled_from(_alike(kind))) for _ in range(2))
    if kind == "NUM" and data.draw(st.booleans()):
        window = window[:1] + (data.draw(st.sampled_from(dt.readings_by_kind()[data.draw(st.sampled_from(
            ["PREP", "MINUTES"]))])),) + window[2:]
    # a number word before a number word is one number with it, which a rule names (round 17: cent cent, deux cents)
    assume(not (kind == "NUM" and grammar._number_word(window[1])))
    plans = [grammar.plan((me,) + window[1:], after, clause) for me in (one, other)]
    assert plans[0] == plans[1], (one, other, plans)
    said = [grammar.own_forms(me).get(code) for me in (one, other) for back, code in plans[0] if back == 0
            if code.startswith(grammar.OWN)]
    assert None not in said and (not said or said[:len(said) // 2] != said[len(said) // 2:] or one == other)


# where a word that no rule names stands in a noun phrase's parts, a verb group's or speaks as a pronoun, and
# readings of it that the grammar treats alike (trc13); in a noun phrase only words that start with a consonant,
# since a phrase's first letter is read (que / qu' before it)
NOUN, VERB = ("N", "f", "sg", False, "count"), ("V", "3s", False, False, ())
CONSONANT_NUMBERS = [r for r in _alike("NUM") if not starts_with_vowel(grammar.said_word(r, grammar.OWN + "0"))]
IN_PARTS = {"preposition": (2, [("PREP", p) for p in ALIKE["PREP"] if not starts_with_vowel(p)]),  # noun, the, prep
            "number": (1, CONSONANT_NUMBERS), "count": (1, CONSONANT_NUMBERS),  # noun, number (, the)
            "mid adverb": (1, [("ADV", a, True) for a in ("aussi", "enfin", "parfois", "souvent", "toujours")]),
            "subject": (0, [("S", "3s", "m", "il"), ("S", "3s", "f", "elle"), ("S", "3p", "m", "ils")]),
            "object": (0, [("OBJ", "me", "moi"), ("OBJ", "nous", "nous"), ("OBJ", "vous", "vous")]),
            "conjunction": (0, [("CONJ", "mais"), ("CONJ", "ou")])}  # not quand (a question word since trv15)


def _placed(place: str, word: tuple, window: tuple) -> tuple:
    return {"preposition": (NOUN, ("DET", "the"), word) + window[3:], "number": (NOUN, word) + window[2:],
            "count": (NOUN, word, ("DET", "the")) + window[3:], "mid adverb": (VERB, word) + window[2:]
            }.get(place, (word,) + window[1:])


@given(data=st.data(), window=windows(), clause=SPEAKER_CLAUSES,
       after=st.sampled_from([None, ("PUNCT", "."), ("BE", "pres", "sg"), ("CONJ", "et"), ("ADV", "ici", False)]))
@settings(max_examples=2_000, deadline=None)
def test_words_in_a_phrases_parts_and_pronouns_say_their_french_by_codes_of_their_own(data, window, clause, after):
    """A preposition or a number in a noun phrase's parts (la voiture sous | la, deux | voitures, les | deux),
    a mid adverb in a verb group's, and a pronoun or a conjunction speaking say their French by codes of the
    word's own table (`grammar.own_forms`), not as literals: put any two words the grammar treats alike there
    and the speaker hands step 4 the same plan and parts; read out, the codes at the word's distance say each
    word's own French. Fails if any of them speaks a literal (which kept 31 numbers and 37 prepositions each a
    class of the window's own at distance 1, and the pronouns ~10 plans each: docs/nlp.md, trc13)."""
    place = data.draw(st.sampled_from(sorted(IN_PARTS)))
    distance, alike = IN_PARTS[place]
    one, other = (data.draw(st.sampled_from(alike)) for _ in range(2))
    # a number before a number word is one number with it, which a rule names (round 17: deux cents)
    assume(not (place == "number" and grammar._number_word(window[2])))
    spoken = []
    for word in (one, other):
        placed = _placed(place, word, window)
        spoken.append(fp.spoken_by(placed, after, clause))
    assert spoken[0] == spoken[1], (place, one, other, spoken)
    codes = [c for entries in (spoken[0].plan, *(p[1] for p in spoken[0].parts if p != fp.NO_PART))
             for d, c in entries if d == distance and not c.startswith(("=", fp.MARKER))]
    said = [[grammar.said_word(word, c) for c in codes] for word in (one, other)]
    assert None not in said[0] + said[1] and (said[0] != said[1] or one == other or not codes)


ROUND_22_VERB = [
    # was / were + a participle English does not use as an adjective: an event, être's passé composé
    ("the game was cancelled because of the snow .", "le jeu a été annulé à cause de la neige ."),
    ("the old cars were sold last week .", "les vieilles voitures ont été vendues la semaine dernière ."),
    ("the party was not cancelled .", "la fête n' a pas été annulée ."),
    ("the shop was closed .", "le magasin était fermé ."),  # control: an adjective, a state
    ("the car was parked near the house .", "la voiture était garée près de la maison ."),  # control: SemCor's adjective
    ("the match is cancelled .", "le match est annulé ."),  # control: the present
]


@pytest.mark.parametrize("english, french", ROUND_22_VERB)
def test_round_22s_verb_phrase(english, french):
    """The passive of an event (see the comments in `ROUND_22_VERB`; each fails on round 21's program, except
    the controls): docs/nlp.md, "Round 22 — the verb phrase"."""
    assert translate(english) == french


def test_was_before_an_event_participle_is_the_passe_compose_of_etre():
    """`_be_window`: was / were before a participle with the `EVENT` tag and no adjective reading reads as
    "been" (a été), before a participle that is also an adjective it stays (était); is stays. The tag follows
    SemCor's adjective counts (`translation_words._adjective_uses`)."""
    v = vocabulary()
    info = {w: v.entries[v.ids[w]].info for w in ("cancelled", "sold", "closed", "covered", "parked", "surprised")}
    assert [grammar._event_participle(info[w]) for w in info] == [True, True, False, False, False, False]
    window = (("BE", "past"), ("N", "m", "sg", True, "event"), ("DET", "the"), None, None, None, None, None)
    assert grammar._be_window(window, 0, info["cancelled"])[0] == ("BE", "pp")
    assert grammar._be_window(window, 0, info["covered"]) == window
    present = (("BE", "pres"), *window[1:])
    assert grammar._be_window(present, 0, info["cancelled"]) == present


ROUND_23_VERB = [
    # a participle with no adjective reading after an être question's subject: the passive's, agreeing; was / were
    # ask être's passé composé (its verb group said "était a annulé", "étiez avez surpris")
    ("was the game cancelled because of the snow ?", "est-ce que le jeu a été annulé à cause de la neige ?"),
    ("were the old cars sold last week ?", "est-ce que les vieilles voitures ont été vendues la semaine dernière ?"),
    ("is the party cancelled ?", "est-ce que la fête est annulée ?"),
    ("were you surprised by the party ?", "est-ce que vous avez été surpris par la fête ?"),  # (by: the agent's par)
    ("was the shop closed ?", "est-ce que le magasin était fermé ?"),  # control: an adjective, a state
    ("were the children playing outside ?", "est-ce que les enfants jouaient dehors ?"),  # control: -ing
]


@pytest.mark.parametrize("english, french", ROUND_23_VERB)
def test_round_23s_verb_phrase(english, french):
    """An être question's passive (see the comments in `ROUND_23_VERB`; each fails on round 22's program, except
    the controls): docs/nlp.md, "Round 23 — the verb phrase"."""
    assert translate(english) == french


def test_a_participle_after_an_etre_questions_subject_is_the_passives():
    """`_question_participle`: only right after the subject of a question that opens with être, and only a
    participle's reading that is no pronominal state; the question's être is avoir (a, the passé composé's
    auxiliary) after was / were and the participle says été, is / are keep the present."""
    window = (("V", "pp", False, False, ()), ("N", "m", "sg", False, "event"), ("DET", "the"), ("BE", "past"),
              None, None, None, None)
    clause = {"question": "be-past", "after_q_subject": True, "subject": ("3s", "f")}
    assert grammar._question_participle(window, clause)
    assert grammar._question_participle_plan(window, clause) == ((grammar.FIRST_WORD, "v.pp.m.sg"), (0, "v.ppa.f.sg"))
    assert grammar._question_participle_plan(window, {**clause, "question": "be-pres"}) == ((0, "v.ppa.f.sg"),)
    assert not grammar._question_participle(window, {**clause, "after_q_subject": False})
    assert not grammar._question_participle(window, {**clause, "question": "did"})
    assert not grammar._question_participle((("V", "ing", False, False, ()), *window[1:]), clause)
    assert not grammar._question_participle((("V", "pp", "e", False, ()), *window[1:]), clause)
    question = grammar.question_facts("be-past", False, True, 3, False)
    facts = grammar.speaker_facts(window[0])
    assert grammar.asked(question, facts, grammar.after_facts(None)).be == ("v", "aux", False)
    present = grammar.question_facts("be-pres", False, True, 3, False)
    assert grammar.asked(present, facts, grammar.after_facts(None)).be == ("v", "pres", False)
