"""Grammatical sentences and their one-change ungrammatical twins, over the dictionary-scale lexicon.

    python -m weightsmith.tasks.nlp.everyday_grammar      # writes data/everyday_grammar.{dev,test}.tsv

A seeded grammar writes a grammatical sentence in one construction (present, past, future, perfect,
progressive, copula; with negation, never, a yes/no question, a question in statement order, an
exclamation, coordinated subjects and verbs, prepositional phrases, adjectives before nouns, time adverbs,
frequency adverbs and "very", "a lot of"), from common words of the built lexicon (SemCor count ≥ 20, their
forms from LemmInflect). Every other sentence is the one before it with one error put in, named by
its type (the held-out data's error types, docs/nlp-data.md):

    subject-verb agreement    the cats eats / she do n't … / we was
    determiner-noun           these cat / a apples
    verb form                 will sent / have went / did n't saw / is eat
    word order                the car red / is hot the kettle ? / does like she tea ?
    missing verb              the milk in the fridge . / i washing the dishes .
    a-an                      a apple / an dog
    doubled determiner        the the cat / a my book
    irregular plural          childs, mouses (a regular plural of a noun whose plural is irregular)
    do-support                i not like tea
    question mark             a question ending in . (a statement may end in ?: "you like tea ?")
    tense-adverb              we will go there yesterday / she called me next week
    adverb placement          she eats never fish / he always is late / she is happy very
    countability              a lot of book
    preposition               we walked the park into .
    comparison                she is more old than … / she is more older than … / the most old …
    double negation           she does n't eat nothing (for the object: nothing, nobody)
    complement preposition    she is afraid from the dog / she is responsible of … (ADJECTIVE_COMPLEMENTS)
    verb complement           they listened the teacher / she arrived the station (VERB_COMPLEMENTS)
    uncountable plural        some informations, the homeworks
    extra to                  she can to swim / can you to help … ?
    since-duration            she has lived here since two years
    preposition of            the cat sat near of the door (out of, inside of are fine)
    preposition of time       on monday → in monday, in june → on june
    since-present             she has lived here since june → she lives here since june
    superlative               she is the biggest in the class → the bigger in the class
    word form                 a learner's regular form: big beautiful houses → beautifuls houses, carried → carryed
    pronoun case              she sat near him → she sat near he
    manner adverb             she opened the door slowly → she opened slowly the door
    a little                  she is a little tired → she is tired a little

The generator knows the label from its own choices: it never asks the program. Lines: sentence, label,
construction tags, error type ("-" for a grammatical sentence). Dev (seed 11) was used while writing the
program; test (seed 29) has new sentences (but see docs/nlp.md: its misses were read once during
development). `data/everyday_grammar.handwritten.tsv` holds 180 everyday sentences written by hand while
developing (a dev set: 120 grammatical, 60 with one error each).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from weightsmith.library.nlp.grammar_words import COMPLEMENT_ERRORS
from weightsmith.tasks.nlp.corpus import read_rows

DATA = Path(__file__).parent / "data"
SPLITS = {"dev": 11, "test": 29}
PER_SPLIT = 1200
HEADER = ("sentence", "label", "constructions", "error")
ERRORS = ("subject-verb agreement", "determiner-noun", "verb form", "word order", "missing verb", "a-an",
          "doubled determiner", "irregular plural", "do-support", "question mark", "tense-adverb", "adverb placement",
          "countability", "preposition", "comparison", "double negation", "complement preposition", "verb complement",
          "uncountable plural", "extra to", "since-duration", "preposition of", "preposition of time", "since-present",
          "superlative", "word form", "pronoun case", "manner adverb", "a little")
COMMON = 20  # SemCor count from which a lemma counts as common
PRONOUNS = {"i": "1s", "you": "pl", "he": "3s", "she": "3s", "it": "3s", "we": "pl", "they": "pl"}
OBJECTS = ("me", "you", "him", "her", "it", "us", "them")
NEUTRAL_DETS = ("the", "my", "your", "his", "her", "our", "their")
PREPOSITIONS = ("in", "on", "near", "behind", "with", "for", "from", "at", "into", "during")
STRICT = ("into", "during")  # prepositions that cannot end a statement
OF_REFUSED = ("near", "behind", "under", "across", "into", "with")  # prepositions "of" cannot follow
VERB_PREPOSITIONS = {"arrive": "at", "listen": "to", "belong": "to", "complain": "about"}  # see VERB_COMPLEMENTS
UNITS = ("years", "months", "weeks", "days", "hours")
TIMES = {"past": (("yesterday",), ("last", "week"), ("last", "night"), ("two", "days", "ago")),
         "fut": (("tomorrow",), ("next", "week"), ("next", "year"))}
FREQUENT = ("always", "never", "often", "usually", "sometimes")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "april", "june", "july", "august", "september", "october", "november", "december")
NOMINATIVE = {"me": "i", "him": "he", "her": "she", "us": "we", "them": "they"}
MANNER = ("slowly", "carefully", "quickly", "quietly", "loudly", "badly", "easily", "gently", "well", "happily")
BE = {("present", "1s"): "am", ("present", "3s"): "is", ("present", "pl"): "are",
      ("past", "1s"): "was", ("past", "3s"): "was", ("past", "pl"): "were"}


@dataclass(frozen=True)
class GrammarItem:
    words: tuple[str, ...]
    label: str  # grammatical | ungrammatical
    constructions: tuple[str, ...]
    error: str  # one of ERRORS, "-" for a grammatical sentence


@dataclass
class _Sentence:
    """A grammatical sentence being built, with what the corruptions need to know about it."""

    words: list[str]
    tags: set[str]
    finite: int | None = None  # index of the finite verb or auxiliary
    person: str = "3s"
    after_aux: int | None = None  # index of the verb an auxiliary governs
    aux_need: str = ""  # the form that verb has: base | pp | ing
    lemma: str = ""  # its lemma
    question: bool = False
    subject_end: int = 0  # index of the word after the subject
    time: tuple[int, int, str] | None = None  # a time adverb: its span and past / fut
    adverb: int | None = None  # index of never / always / … / very
    second_verb: int | None = None  # index of the verb after "and" (she cooks and cleans)
    declarative: bool = False  # a statement ending in "?"
    obj: tuple[int, int] | None = None  # the span of the main verb's object
    manner: int | None = None  # index of an adverb of manner after the object (opened the door slowly)


@dataclass(frozen=True)
class _Pools:
    nouns: list[tuple[str, str]]  # (singular, plural)
    irregular: list[tuple[str, str, str]]  # (singular, plural, the wrong regular plural)
    verbs: list[dict[str, str]]  # tag → form (base, 3s, past, pp, ing)
    adjectives: list[str]
    forms: dict[str, set[str]]  # verb tag → every form of any verb with that tag ("bound" is a base too)
    adjectival: set[str]  # every word with an adjective reading (a noun that is one cannot show word order)
    countable: set[str]  # singular nouns that are surely countable (a lot of book is wrong)
    compared: list[tuple[str, str]]  # adjectives that compare with -er only: (base, comparative)
    complements: dict[str, tuple[str, ...]]  # adjective → the prepositions of its complement
    intransitive: list[dict[str, str]]  # verbs that take their object through a preposition (listen to)
    uncountable: list[tuple[str, str]]  # (uncountable noun, its wrong plural)
    resultative: set[str]  # forms of verbs whose object an adjective may follow (paint the fence green)
    superlatives: list[tuple[str, str]]  # (comparative, superlative): bigger, biggest
    learner_forms: dict[str, str]  # a word → the regular form a learner builds, BAD (beautiful → beautifuls)


def _pools(lexicon) -> _Pools:
    """Common, unambiguous-enough words: nouns read first as nouns, verbs with every form, adjectives."""
    from weightsmith.library.nlp.grammar_words import (
        ADJECTIVE_COMPLEMENTS, STATIVE, UNCOUNTABLE, VERB_COMPLEMENTS, classify, regular_plural, synthetic,
        with_participles,
    )

    classes = classify(lexicon)
    bad = {w for w, c in classes.items() if c.primary == "BAD"}

    def primary(word: str) -> str:
        return classes[word].primary if word in classes else "-"

    nouns, irregular, verbs, adjectives, compared, intransitive, superlatives = [], [], [], [], [], [], []
    for (lemma, pos), e in sorted(lexicon.english.items()):
        if e.count < COMMON or not lemma.isalpha():
            continue
        if pos == "noun" and len(e.forms.get("pl", ())) >= 1 and primary(lemma) == "N" and lemma not in UNCOUNTABLE:
            plural = next((p for p in e.forms["pl"] if p != lemma), None)
            if plural and primary(plural) == "N" and classes[lemma].number == "sg" and classes[plural].number == "pl":
                nouns.append((lemma, plural))
                wrong = lemma + ("es" if lemma.endswith(("s", "x", "ch", "sh")) else "s")
                if wrong in bad:
                    irregular.append((lemma, plural, wrong))
        tags = {"pp": "past"} | {t: t for t in e.forms}  # a regular verb's participle is its past form
        every_form = ("base", "3s", "past", "pp", "ing")
        if pos == "verb" and all(len(e.forms.get(tags.get(t, t), ())) == 1 for t in every_form):
            forms = {t: e.forms[tags[t]][0] for t in ("base", "3s", "past", "pp", "ing")}
            if all(primary(f) == "V" for t, f in forms.items() if t != "base") and primary(lemma) == "V":
                # (a verb that takes its object through a preposition has its own construction; verbs with
                # other complements, and verbs of state, which refuse the progressive, are left out)
                (intransitive if lemma in VERB_PREPOSITIONS else verbs if lemma not in (*VERB_COMPLEMENTS, *STATIVE)
                 else []).append(forms)
        if pos == "adj" and classes.get(lemma) and classes[lemma].readings == ("A",):
            adjectives.append(lemma)
            if synthetic(e) and len(e.forms["cmp"]) == 1 and classes.get(e.forms["cmp"][0], classes[lemma]).readings \
                    == ("A",):
                compared.append((lemma, e.forms["cmp"][0]))
                # (a superlative may also head its noun phrase: "my youngest is …", its noun reading)
                if len(e.forms.get("sup", ())) == 1 and classes.get(e.forms["sup"][0], classes[lemma]).readings in (
                        ("A",), ("A", "N")):
                    superlatives.append((e.forms["cmp"][0], e.forms["sup"][0]))
    forms: dict[str, set[str]] = {}
    for word, analyses in with_participles(lexicon).items():
        for _lemma, pos, tag in analyses:
            if pos == "verb":
                forms.setdefault(tag, set()).add(word)
    adjectival = {w for w, c in classes.items() if "A" in c.readings}
    countable = {w for w, c in classes.items() if c.rule_mark in ("cnt", "kin")}
    # (an -ing adjective's list names the prepositions it does not refuse, not complements: left out)
    complements = {a: tuple(x for x in p if not x.startswith("!")) for a, p in ADJECTIVE_COMPLEMENTS.items()
                   if classes.get(a) and classes[a].readings == ("A",) and "!by" not in p}
    uncountable = [(n, regular_plural(n)) for n in UNCOUNTABLE
                   if n in classes and classes[n].primary == "N" and bad.issuperset({regular_plural(n)})]
    resultative = {w for w, c in classes.items() if c.rule_mark in ("bare", "let", "res")}
    learner_forms = {a: a + "s" for a in adjectives if a + "s" in bad} | {
        v["past"]: v["base"] + "ed" for v in verbs if v["past"].endswith("ied") and v["base"] + "ed" in bad}
    return _Pools(nouns, irregular, verbs, adjectives, forms, adjectival, countable, compared, complements,
                  intransitive, uncountable, resultative, superlatives, learner_forms)


def _article(word: str) -> str:
    from weightsmith.library.nlp.grammar_words import sound

    return "an" if sound(word) == "v" else "a"


class _Generator:
    def __init__(self, rng: random.Random, pools: _Pools):
        self.rng, self.pools = rng, pools

    def noun_phrase(self, tags: set[str], number: str | None = None, neutral: bool = False) -> tuple[list[str], str]:
        """A noun phrase (`neutral`: with a determiner that is only one: the, my, …)."""
        rng = self.rng
        irregular = rng.random() < 0.03 and self.pools.irregular  # (so that every split has irregular plurals)
        sg, pl = rng.choice(self.pools.irregular)[:2] if irregular else rng.choice(self.pools.nouns)
        number = number or rng.choice(("sg", "pl"))
        noun = sg if number == "sg" else pl
        adjectives = []
        if rng.random() < 0.3:
            adjectives = [rng.choice(self.pools.adjectives)]
            tags.add("adjective")
        first = (adjectives or [noun])[0]
        singular, plural = (*NEUTRAL_DETS, _article(first), "this"), (*NEUTRAL_DETS, "these", "some", "two")
        det = rng.choice(NEUTRAL_DETS if neutral else singular if number == "sg" else plural)
        return [det, *adjectives, noun], "3s" if number == "sg" else "pl"

    def subject(self, tags: set[str]) -> tuple[list[str], str]:
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            word = rng.choice(list(PRONOUNS))
            return [word], PRONOUNS[word]
        if r < 0.52:
            tags.add("coordination")
            a, _ = self.noun_phrase(tags)
            b, _ = self.noun_phrase(tags)
            return a + ["and"] + b, "pl"
        return self.noun_phrase(tags)

    def rest(self, tags: set[str], intransitive: str | None = None) -> tuple[list[str], int]:
        """What follows the verb, and the length of its object at the start (0: none); after a verb that
        takes its object through a preposition (`intransitive`: that preposition), the object follows it."""
        rng = self.rng
        words = []
        if intransitive:
            tags.add("verb-complement")
            words += [intransitive] + self.noun_phrase(tags, neutral=True)[0]
        elif rng.random() < 0.08:
            tags.add("quantifier")
            words += ["a", "lot", "of", rng.choice(self.pools.nouns)[1]]
        elif rng.random() < 0.06 and self.pools.uncountable:
            tags.add("uncountable")
            words += [rng.choice(("the", "my", "some", "your")), rng.choice(self.pools.uncountable)[0]]
        elif rng.random() < 0.7:
            words += [rng.choice(OBJECTS)] if rng.random() < 0.25 else self.noun_phrase(tags)[0]
        object_length = len(words) if not intransitive else 0
        if rng.random() < 0.35:
            tags.add("preposition")
            if rng.random() < 0.2:  # a pronoun after a preposition: near him, with us
                tags.add("preposition-pronoun")
                words += [rng.choice([p for p in PREPOSITIONS if p not in STRICT]), rng.choice(list(NOMINATIVE))]
            else:
                words += [rng.choice(PREPOSITIONS)] + self.noun_phrase(tags)[0]
        return words, object_length

    def sentence(self) -> _Sentence:
        rng = self.rng
        tags: set[str] = set()
        subject, person = self.subject(tags)
        tense = rng.choice(("present", "present", "past", "future", "perfect", "progressive", "copula"))
        through = tense != "copula" and rng.random() < 0.1 and bool(self.pools.intransitive)
        verb = rng.choice(self.pools.intransitive if through else self.pools.verbs)
        through = VERB_PREPOSITIONS[verb["base"]] if through else None
        tags.add(tense)
        negate = rng.random() < 0.25
        never = not negate and tense in ("present", "past", "perfect") and rng.random() < 0.15
        question = rng.random() < 0.2 and not never
        s = _Sentence([], tags, person=person, lemma=verb["base"], question=question)
        not_ = rng.choice(("not", "n't"))
        if tense in ("present", "past") and (negate or question):
            do = "did" if tense == "past" else "does" if person == "3s" else "do"
            aux, need = [do], "base"
        elif tense == "future":
            aux, need = [rng.choice(("will", "will", "can", "should"))], "base"
        elif tense == "perfect":
            aux, need = ["has" if person == "3s" else "have"], "pp"
        elif tense == "progressive":
            aux, need = [BE["present", person]], "ing"
        elif tense == "copula":
            aux, need = [BE[rng.choice(("present", "past")), person]], "adj"
        else:
            aux, need = [], ""
        if negate:
            tags.add("negation")
            aux = aux + [not_] if aux else aux
        if never:
            tags.add("never")
        form = "3s" if person == "3s" and tense == "present" else "base" if tense == "present" else "past"
        main = [rng.choice(self.pools.adjectives)] if need == "adj" else [verb[need] if need else verb[form]]
        adverb = need == "adj" and not (negate or question) and rng.random() < 0.25
        if adverb:  # she is always happy / she is very happy
            tags.add("adverb")
            main = [rng.choice((*FREQUENT, "very"))] + main
        elif need == "adj":
            main = self.adjective_phrase(tags) or main
        rest, object_length = self.rest(tags, through) if need != "adj" else ([], 0)
        manner = None
        if object_length and not question and rest[0] not in ("this", "these", "some") and rng.random() < 0.12:
            tags.add("manner-adverb")  # she opened the door slowly
            rest = rest[:object_length] + [rng.choice(MANNER)] + rest[object_length:]
            manner = object_length
        if need == "adj" and not question and main[0] not in (*FREQUENT, "very") and len(main) == 1 and \
                rng.random() < 0.1:
            tags.add("a-little")  # she is a little tired
            main = [*rng.choice((("a", "little"), ("a", "bit"))), *main]
        if tense == "perfect" and not question and rng.random() < 0.25:
            tags.add("duration")  # she has lived here for two years
            rest = rest + ["for", rng.choice(("two", "three", "five", "ten")), rng.choice(UNITS)]
        elif tense == "perfect" and not (question or negate or never) and rng.random() < 0.2:
            tags.add("since-point")  # she has lived here since june
            rest = rest + ["since", rng.choice((*DAYS, *MONTHS))]
        elif tense != "copula" and rng.random() < 0.1:
            tags.add("time-phrase")  # on monday, in june
            rest = rest + list(rng.choice((("on", rng.choice(DAYS)), ("in", rng.choice(MONTHS)))))
        second = not (negate or question or never) and tense in ("present", "past") and rng.random() < 0.15
        if second:  # she cooks the fish and cleans the kitchen
            tags.add("verb-coordination")
            rest = rest + ["and", rng.choice(self.pools.verbs)[form]] + self.rest(tags)[0]
            s.second_verb = len(subject) + len(aux) + 1 + rest.index("and") + 1
        when = {"past": "past", "future": "fut"}.get(tense) if aux[:1] != ["should"] else None
        if tense == "past" and not aux and verb["past"] in self.pools.forms["base"] | self.pools.forms["3s"]:
            when = None  # she put it there: a present tense too
        if when and rng.random() < 0.3:
            tags.add("time-adverb")
            time = rng.choice(TIMES[when])
            s.time = (len(rest), len(rest) + len(time), when)  # (relative to rest; made absolute below)
            rest = rest + list(time)
        if question:  # does n't she … / does she not …
            tags.add("question")
            head = aux[:1] + (["n't"] if negate and not_ == "n't" else [])
            s.words = head + subject + (["not"] if negate and not_ == "not" else []) + main + rest + ["?"]
            s.finite = 0
            s.after_aux = None if need == "adj" else len(s.words) - len(rest) - 2
            rest_start = len(s.words) - len(rest) - 1
        else:
            middle = aux + (["never"] if never else []) + main
            s.words = subject + middle + rest
            s.finite = len(subject)
            s.after_aux = None if not aux or need == "adj" else len(subject) + len(aux) + never
            s.adverb = len(subject) + len(aux) if adverb else len(subject) + len(aux) if never else None
            rest_start = len(s.words) - len(rest)
            r = rng.random()
            s.declarative = r < 0.05
            if s.declarative:
                tags.add("declarative-question")
            elif r < 0.17:
                tags.add("exclamation")
            s.words.append("?" if s.declarative else "!" if r < 0.17 else ".")
        if s.time:
            s.time = (rest_start + s.time[0], rest_start + s.time[1], s.time[2])
        if object_length:
            s.obj = (rest_start, rest_start + object_length)
        if manner is not None:
            s.manner = rest_start + manner
        s.aux_need = need if need in ("base", "pp", "ing") else ""
        s.subject_end = len(subject)
        return s

    def adjective_phrase(self, tags: set[str]) -> list[str] | None:
        """Sometimes, a comparison (bigger than the dog) or an adjective with its complement (afraid of the
        dog), after "be"."""
        rng, pools = self.rng, self.pools
        r = rng.random()
        if r < 0.2 and pools.compared:
            tags.add("comparative")
            return [rng.choice(pools.compared)[1], "than"] + self.noun_phrase(tags)[0]
        if r < 0.5 and pools.superlatives and r >= 0.4:
            tags.add("superlative")  # the biggest in the class
            return ["the", rng.choice(pools.superlatives)[1], "in"] + self.noun_phrase(tags, neutral=True)[0]
        if r < 0.4 and pools.complements:
            tags.add("complement")
            adjective = rng.choice(sorted(pools.complements))
            return [adjective, rng.choice(pools.complements[adjective])] + self.noun_phrase(tags)[0]
        return None


AGREEMENT_SWAP = {"is": "are", "are": "is", "am": "is", "was": "were", "were": "was", "has": "have", "have": "has",
                  "does": "do", "do": "does"}
WRONG_FORM = {"base": ("past", "3s", "ing"), "pp": ("past", "base", "ing"), "ing": ("base", "3s")}


def corrupt(s: _Sentence, error: str, rng: random.Random, pools: _Pools) -> list[str] | None:
    """`s` with one error of type `error`, or None when `s` has no place for it."""
    w = list(s.words)
    verbs = {f: form for forms in (*pools.verbs, *pools.intransitive) if forms["base"] == s.lemma
             for f, form in forms.items()}
    if error == "subject-verb agreement":
        if s.second_verb is not None and rng.random() < 0.5:
            return _second_verb_agreement(s, w, pools)
        x = w[s.finite]
        if x in AGREEMENT_SWAP and not (x == "was" and s.person == "1s") and not (x == "is" and s.person == "1s"):
            w[s.finite] = AGREEMENT_SWAP[x]
            return w
        if x == verbs.get("3s") and verbs["base"] != verbs["past"]:  # she burst them: a past tense
            w[s.finite] = verbs["base"]
            return w
        if x == verbs.get("base") and s.person != "3s" and "present" in s.tags and verbs["3s"] != x:
            w[s.finite] = verbs["3s"]
            return w
        return None
    if error == "determiner-noun":
        for i, x in enumerate(w):
            if x in ("a", "an", "this") and i + 1 < len(w) and w[i + 1] not in ("lot", "little", "bit"):
                # (these lot: British; a little, a bit: degree words)
                noun = next((n for n in pools.nouns if n[0] == w[i + 1]), None)
                if noun:
                    w[i + 1] = noun[1]
                    return w
                w[i] = "these"
                return w
            if x in ("these", "two"):
                w[i] = rng.choice(("this", "a")) if x == "these" else "one"
                if w[i] == "a" and _article(w[i + 1]) == "an":
                    w[i] = "an"
                return w
        return None
    if error == "verb form":
        if s.after_aux is None or not s.aux_need:
            return None
        # a form that is right for some verb is no error: "is hit" (a passive), "do they bound" (to bound)
        # and after "be", an adjective: "is his snow clean ?"
        right = pools.forms[s.aux_need] | (pools.forms["pp"] | pools.adjectival if s.aux_need == "ing" else set())
        # (not a base or -ing form right before "?": "has n't a city drink ?" reads as a compound noun, docs/nlp.md)
        compound = w[s.after_aux + 1] == "?"
        wrong = [verbs[t] for t in WRONG_FORM[s.aux_need] if verbs[t] not in right and not (
            compound and t in ("base", "ing"))]
        if not wrong:
            return None
        w[s.after_aux] = rng.choice(wrong)
        return w
    if error == "word order":
        if s.question and "copula" in s.tags and not {"comparative", "complement"} & s.tags:  # is hot the kettle ?
            adjective = w.pop(-2)
            w.insert(1, adjective)
            return w
        for i, x in enumerate(w[:-1] if not s.question else []):  # (is the soup hot ?)
            if x in pools.adjectives and any(w[i + 1] in n for n in pools.nouns) and w[i + 1] not in pools.adjectival \
                    and i > 0 and w[i - 1] not in ("a", "an") and not pools.resultative & set(w[:i]):
                # (not after a verb an adjective may follow: they painted the fence green)
                w[i], w[i + 1] = w[i + 1], w[i]  # the red car → the car red
                return w
        if s.question and s.after_aux is not None and not {"it", "you", "her"} & set(w[s.finite + 1:s.after_aux]) \
                and not (w[s.finite] == "do" and w[s.finite + 1] == "n't"):
            # does she like … ? → does like she … ? (not "has n't it carried …": "carried it …" reads well; not
            # "do n't they stare ?": "do n't stare …" is an imperative)
            verb = w.pop(s.after_aux)
            w.insert(s.finite + 1 + (w[s.finite + 1] == "n't"), verb)
            return w
        return None
    if error == "missing verb":
        if s.question or s.second_verb is not None:
            return None
        if s.after_aux is not None and s.aux_need == "ing":
            del w[s.finite]  # i washing the dishes
            return w
        if "copula" in s.tags or s.after_aux is None and not any(t in s.tags for t in ("negation", "never")):
            del w[s.finite]  # the soup hot / the cat the fish
            return w
        if "negation" in s.tags and w[s.finite] in ("do", "does", "did") and s.obj and s.after_aux is not None:
            del w[s.after_aux]  # she did n't the fish
            return w
        return None
    if error == "a-an":
        for i, x in enumerate(w):
            if x in ("a", "an"):
                w[i] = "an" if x == "a" else "a"
                return w
        return None
    if error == "doubled determiner":
        for i, x in enumerate(w):
            if x in (*NEUTRAL_DETS, "a", "an", "this", "these", "some"):
                if x == "her" and w[i + 1] in (*OBJECTS, *PREPOSITIONS, "and", ".", "!", "?"):
                    continue  # "her" the pronoun
                # (not "this" after a question's "be": "is this your …" asks about "this")
                extra = rng.choice(("the", "my", "a", "this") if not (s.question and i == 1) else ("the", "my", "a"))
                w.insert(i, extra if x != "the" else "the")
                return w
        return None
    if error == "irregular plural":
        for i, x in enumerate(w):
            hit = next((n for n in pools.irregular if n[1] == x), None)
            if hit:
                w[i] = hit[2]
                return w
        return None
    if error == "do-support":
        negated_do = w[s.finite] in ("do", "does", "did") and w[s.finite + 1] == "not"
        if "negation" in s.tags and negated_do and not s.question:
            del w[s.finite]  # i not like tea
            return w
        return None
    if error == "question mark":  # (a statement ending in "?" asks in statement order: you like tea ?)
        if not s.question or (w[0] == "have" and w[1] in ("a", "an", "some")):
            return None  # (have a friend and … : an imperative too)
        w[-1] = "."
        return w
    if error == "tense-adverb":
        if s.time is None:
            return None
        start, end, when = s.time
        if w[start - 1] == "her":
            return None  # "remember her last week": her last week may be a noun phrase
        return w[:start] + list(rng.choice(TIMES["fut" if when == "past" else "past"])) + w[end:]
    if error == "adverb placement":
        return _misplaced_adverb(s, w)
    if error == "countability":
        plural = {pl: sg for sg, pl in pools.nouns}
        for i in range(2, len(w)):
            if w[i - 2:i] == ["lot", "of"] and plural.get(w[i]) in pools.countable:
                w[i] = plural[w[i]]  # a lot of books → a lot of book
                return w
        return None
    if error == "preposition":  # we walked into the park . → we walked the park into .
        at = next((i for i, x in enumerate(w) if x in STRICT), None)
        tail = w[at + 1:-1] if at is not None else []
        if at is None or w[-1] == "?" or any(x in PREPOSITIONS or x == "and" for x in tail) or \
                (s.time and s.time[0] > at):
            return None
        return w[:at] + tail + [w[at], w[-1]]
    if error in NEW_ERRORS:
        return NEW_ERRORS[error](s, w, rng, pools)
    raise ValueError(f"unknown error type {error!r}; known: {', '.join(ERRORS)}")


def _comparison(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """bigger than → more big than / more bigger than."""
    if "comparative" not in s.tags:
        return None
    at = w.index("than") - 1
    base = next(b for b, c in pools.compared if c == w[at])
    return w[:at] + ["more", rng.choice((base, w[at]))] + w[at + 1:]


def _double_negation(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """she does n't eat the fish → she does n't eat nothing."""
    if not ({"negation", "never"} & s.tags) or s.obj is None:
        return None
    start, end = s.obj
    if "and" in w[:start]:
        return None  # the program reads "and" as the end of a negation's scope ("no brother and no sister")
    return w[:start] + [rng.choice(("nothing", "nobody"))] + w[end:]


def _complement_preposition(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """afraid of the dog → afraid from the dog."""
    if "complement" not in s.tags:
        return None
    at = next(i for i, x in enumerate(w) if x in pools.complements and w[i + 1] in pools.complements[x])
    wrong = [p for p in COMPLEMENT_ERRORS if p not in pools.complements[w[at]]]
    return w[:at + 1] + [rng.choice(wrong)] + w[at + 2:]


def _verb_complement(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """they listened to the teacher → they listened the teacher."""
    if "verb-complement" not in s.tags:
        return None
    forms = {f: v for v in pools.intransitive for f in v.values()}
    at = next(i for i, x in enumerate(w) if x in forms and w[i + 1] == VERB_PREPOSITIONS[forms[x]["base"]])
    return w[:at + 1] + w[at + 2:]


def _uncountable_plural(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """some information → some informations."""
    plural = dict(pools.uncountable)
    at = next((i for i, x in enumerate(w) if x in plural), None)
    if at is None:
        return None
    return w[:at] + [plural[w[at]]] + w[at + 1:]


def _extra_to(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """she can swim → she can to swim; can you help … ? → can you to help … ?"""
    if s.aux_need != "base" or s.after_aux is None:
        return None
    return w[:s.after_aux] + ["to"] + w[s.after_aux:]


def _since_duration(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """she has lived here for two years → since two years."""
    if "duration" not in s.tags:
        return None
    at = len(w) - 4  # … for two years .
    return w[:at] + ["since"] + w[at + 1:]


def _preposition_of(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """near the door → near of the door."""
    at = next((i for i, x in enumerate(w) if x in OF_REFUSED and w[i + 1] in (*NEUTRAL_DETS, "a", "an", "this",
                                                                             "these", "some", "two")), None)
    if at is None:
        return None
    return w[:at + 1] + ["of"] + w[at + 1:]


def _time_preposition(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """on monday → in monday; in june → on june."""
    if "time-phrase" not in s.tags:
        return None
    at = next(i for i, x in enumerate(w) if x in DAYS or x in MONTHS) - 1
    return w[:at] + [{"on": "in", "in": "on"}[w[at]]] + w[at + 1:]


def _since_present(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """she has lived here since june → she lives here since june."""
    if "since-point" not in s.tags or s.after_aux is None:
        return None
    forms = next(v for v in (*pools.verbs, *pools.intransitive) if v["base"] == s.lemma)
    return w[:s.finite] + [forms["3s" if s.person == "3s" else "base"]] + w[s.after_aux + 1:]


def _superlative(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """the biggest in the class → the bigger in the class."""
    if "superlative" not in s.tags:
        return None
    comparative = {sup: cmp for cmp, sup in pools.superlatives}
    at = next(i for i, x in enumerate(w) if x in comparative and w[i - 1] == "the")
    return w[:at] + [comparative[w[at]]] + w[at + 1:]


def _word_form(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """beautiful houses → beautifuls houses; carried → carryed."""
    at = next((i for i, x in enumerate(w) if x in pools.learner_forms), None)
    if at is None:
        return None
    return w[:at] + [pools.learner_forms[w[at]]] + w[at + 1:]


def _pronoun_case(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """near him → near he."""
    if "preposition-pronoun" not in s.tags:
        return None
    at = next(i for i, x in enumerate(w) if x in NOMINATIVE and w[i - 1] in PREPOSITIONS)
    return w[:at] + [NOMINATIVE[w[at]]] + w[at + 1:]


def _manner_adverb(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """she opened the door slowly → she opened slowly the door."""
    if s.manner is None:
        return None
    start = s.obj[0]
    return w[:start] + [w[s.manner]] + w[start:s.manner] + w[s.manner + 1:]


def _a_little(s: _Sentence, w: list[str], rng: random.Random, pools: _Pools) -> list[str] | None:
    """she is a little tired → she is tired a little."""
    if "a-little" not in s.tags:
        return None
    at = next(i for i, x in enumerate(w) if x == "a" and w[i + 1] in ("little", "bit"))
    return w[:at] + [w[at + 2], w[at], w[at + 1]] + w[at + 3:]


NEW_ERRORS = {"comparison": _comparison, "double negation": _double_negation,
              "complement preposition": _complement_preposition, "verb complement": _verb_complement,
              "uncountable plural": _uncountable_plural, "extra to": _extra_to, "since-duration": _since_duration,
              "preposition of": _preposition_of, "preposition of time": _time_preposition,
              "since-present": _since_present, "superlative": _superlative, "word form": _word_form,
              "pronoun case": _pronoun_case, "manner adverb": _manner_adverb, "a little": _a_little}


def _second_verb_agreement(s: _Sentence, w: list[str], pools: _Pools) -> list[str] | None:
    """she cooks the fish and cleans … → and clean; i cook and clean → and cleans; she cooked and clean."""
    i = s.second_verb
    forms = next(f for f in pools.verbs if w[i] in (f["base"], f["3s"], f["past"]))
    if "present" in s.tags and s.person == "3s" and forms["base"] == forms["past"]:
        return None  # she cooks and set …: "set" is a past too (docs/nlp.md)
    if "present" in s.tags:
        w[i] = forms["base"] if s.person == "3s" else forms["3s"]
    elif s.person == "3s" and forms["base"] != forms["past"]:
        w[i] = forms["base"]
    else:
        return None
    return w


def _misplaced_adverb(s: _Sentence, w: list[str]) -> list[str] | None:
    """she is very happy → she is happy very; she is always happy → she always is happy; she never eats fish
    → she eats never fish."""
    a = s.adverb
    if a is None:
        return None
    if w[a] == "very":
        w[a], w[a + 1] = w[a + 1], w[a]
    elif "copula" in s.tags:
        w[a - 1], w[a] = w[a], w[a - 1]
    elif w[a + 2] not in (".", "!", "?", "and"):
        w[a], w[a + 1] = w[a + 1], w[a]
    else:
        return None
    return w


RARE_TRIES = 40  # sentences an error type may find no place in before its turn passes (every type, every split)


def generate(n: int, seed: int, exclude: set[tuple[str, ...]] = frozenset()) -> list[GrammarItem]:
    """`n` distinct items: grammatical sentences, each followed by its twin with one error (the error types
    in turn, skipping a type the sentence has no place for)."""
    from weightsmith.tasks.nlp import dictionary

    rng = random.Random(seed)
    pools = _pools(dictionary.load())
    gen = _Generator(rng, pools)
    seen, out = set(exclude), []
    turn = tries = 0
    while len(out) < n:
        s = gen.sentence()
        error = ERRORS[turn % len(ERRORS)]
        bad = corrupt(s, error, rng, pools)
        if bad is None or tuple(s.words) in seen or tuple(bad) in seen or len(s.words) > 30:
            tries += bad is None
            if tries == RARE_TRIES:
                turn, tries = turn + 1, 0  # a rare error type does not hold the others up forever
            continue
        turn, tries = turn + 1, 0
        tags = tuple(sorted(s.tags))
        seen |= {tuple(s.words), tuple(bad)}
        out += [GrammarItem(tuple(s.words), "grammatical", tags, "-"),
                GrammarItem(tuple(bad), "ungrammatical", tags, error)]
    return out[:n]


def path(split: str) -> Path:
    if split not in SPLITS:
        raise ValueError(f"no split {split!r}; splits are {', '.join(SPLITS)}")
    return DATA / f"everyday_grammar.{split}.tsv"


def load(split: str) -> list[GrammarItem]:
    return [GrammarItem(tuple(c[0].split(" ")), c[1], tuple(c[2].split(",")), c[3])
            for _, c in read_rows(path(split), HEADER)]


def load_handwritten() -> list[GrammarItem]:
    """Everyday sentences written by hand while writing the program (its dev set, unlike the held-out ones)."""
    return [GrammarItem(tuple(c[0].split(" ")), c[1], tuple(c[2].split(",")), c[3])
            for _, c in read_rows(DATA / "everyday_grammar.handwritten.tsv", HEADER)]


def write() -> None:
    dev = generate(PER_SPLIT, SPLITS["dev"])
    test = generate(PER_SPLIT, SPLITS["test"], exclude={e.words for e in dev})
    for split, items in (("dev", dev), ("test", test)):
        rows = ["\t".join(HEADER)] + ["\t".join((" ".join(e.words), e.label, ",".join(e.constructions), e.error))
                                      for e in items]
        path(split).write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"{path(split)}: {len(items)} items")


if __name__ == "__main__":
    write()
