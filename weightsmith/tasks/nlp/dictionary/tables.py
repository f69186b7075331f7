"""The built lexicon tables: their rows, how they are written and read back, and the questions asked of them.

The tables are plain TSV in one folder (by default `$WEIGHTSMITH_CACHE/nlp/lexicon/<fingerprint>/`, one folder
per version of the builder's code and hand-written tables, built by `python -m weightsmith.tasks.nlp.dictionary.build`):

- `english.tsv`      lemma, pos (noun | verb | adj | adv), SemCor count, forms (`tag=form,form;...`)
- `classifier.tsv`   the same columns: the wider lemmas only grammaticality and sentiment read (`classifier`)
- `translations.tsv` english, pos, french, gender (m | f | -), French forms, source (override | freedict | cognate |
                     derived | name); an English word with a hyphen is a compound (great-grandmother)
- `verbs.tsv`        infinitive, auxiliary, Verbiste template, present, imperfect, future, participle
- `sentiment.tsv`    word, score (VADER's mean rating, -4 … 4; 0 for a modifier), role, source
- `manifest.json`    counts, sources and their licences

Closed-class words (determiners, pronouns, prepositions, auxiliaries, numbers, …) are not built: they are
the hand-written `closed_class.tsv` beside this module, read by `load` as they are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from weightsmith.tasks.nlp.cache import cache_root, publish

HERE = Path(__file__).parent
CLOSED_CLASS = HERE / "closed_class.tsv"
OVERRIDES = HERE / "overrides.tsv"
NAMES = HERE / "names.tsv"
PHRASAL = HERE / "phrasal.tsv"
PHRASES = HERE / "phrases.tsv"
SUBJECT_SENSES = HERE / "subject_senses.tsv"
TASKS = ("translation", "grammaticality", "sentiment")


def default_folder(fingerprint: str) -> Path:
    """The cache folder of the tables built by the builder whose code hashes to `fingerprint`. One folder per
    version, so that two checkouts (or a process started before an edit) never rebuild each other's tables
    while the other reads them."""
    return cache_root() / "lexicon" / fingerprint


@dataclass(frozen=True)
class EnglishLemma:
    lemma: str
    pos: str
    count: int  # how often its senses were tagged in SemCor: orders a word's classes
    forms: dict[str, tuple[str, ...]]  # sg/pl; base/3s/past/pp/ing; base/cmp/sup


@dataclass(frozen=True)
class Translation:
    english: str
    pos: str
    french: str
    gender: str | None
    forms: dict[str, str]  # noun: pl; adjective: f, mpl, fpl
    source: str  # override | freedict | cognate (a noun French spells alike) | derived (made by a rule of French
    # from another entry's French: politely → poliment, mother-in-law → belle-mère) | name (a place French names
    # as English does: dijon, carried through as a name)


@dataclass(frozen=True)
class FrenchVerb:
    infinitive: str
    auxiliary: str
    template: str
    present: tuple[str, ...]  # je, tu, il, nous, vous, ils
    imperfect: tuple[str, ...]
    future: tuple[str, ...]
    participle: tuple[str, ...]  # m.sg, m.pl, f.sg, f.pl


@dataclass(frozen=True)
class SentimentWord:
    word: str
    score: float
    role: str  # polar | intensifier | diminisher | negator
    source: str  # vader | closed


@dataclass(frozen=True)
class ClosedWord:
    word: str
    cls: str
    french: tuple[str, ...]  # the usual translations; () for a word that is grammar only ("do", "'s")


def reflexive(french: str) -> str | None:
    """'se lever' / "s'asseoir" → the verb's infinitive; None for anything else."""
    for prefix in ("se ", "s'"):
        if french.startswith(prefix):
            return french[len(prefix):]
    return None


def _forms_text(forms: dict[str, tuple[str, ...]] | dict[str, str]) -> str:
    return ";".join(f"{tag}={v if isinstance(v, str) else ','.join(v)}" for tag, v in forms.items()) or "-"


def _forms(text: str) -> dict[str, tuple[str, ...]]:
    return {} if text == "-" else {t: tuple(v.split(",")) for t, v in (p.split("=", 1) for p in text.split(";"))}


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]


def read_closed_class(path: Path = CLOSED_CLASS) -> dict[str, list[ClosedWord]]:
    out: dict[str, list[ClosedWord]] = {}
    for word, cls, french in _rows(path):
        out.setdefault(word, []).append(ClosedWord(word, cls, () if french == "-" else tuple(french.split("|"))))
    return out


@dataclass(frozen=True)
class Name:
    name: str
    kind: str  # person | city | country | holiday
    gender: str  # m | f (a city: m)
    french: str  # the French name: london → londres


def read_names(path: Path = NAMES) -> dict[str, Name]:
    """Common first names, cities, countries and holidays, carried through as names (hand-written; the
    dictionaries here lack them or give no gender)."""
    return {name: Name(name, kind, gender, french) for name, kind, gender, french in _rows(path)}


def read_phrasal(path: Path = PHRASAL) -> dict[str, dict[str, str]]:
    """English verb → {particle: the French verb} for phrasal verbs (get up → se lever; hand-written)."""
    out: dict[str, dict[str, str]] = {}
    for verb, particle, french in _rows(path):
        out.setdefault(verb, {})[particle] = french
    return out


def read_subject_senses(path: Path = SUBJECT_SENSES) -> dict[str, dict[str, str]]:
    """Subject class → {English verb: the French verb} when a subject of that class does it without an object
    (the lamp does not work → marcher, the buses run → circuler; hand-written from general knowledge)."""
    out: dict[str, dict[str, str]] = {}
    for cls, verb, french in _rows(path):
        out.setdefault(cls, {})[verb] = french
    return out


@dataclass(frozen=True)
class Phrase:
    """A multi-word expression the translator reads as one word (hand-written, `phrases.tsv`)."""

    english: tuple[str, ...]  # its words, the head word in its base form (a noun's last word, a verb's first)
    cls: str  # noun | verb | adj | adv | prep (a multi-word preposition) | after (the second word's French
    # after any form of the first: angry with → contre)
    french: str  # a verb: its infinitive, then the words after it and a final de / à for its object
    gender: str | None  # a noun's (m | f); "inv" for an invariable adjective; for a verb, "end": intransitive,
    # merged only where no object follows (come in !, the car pulled up; not "came in the morning", "pulled up
    # three trees"), "avoir": a verb of motion used with an object, so with avoir (take out → il a sorti)
    kind: str | None = None  # a noun's kind, where its head's is not it (the second floor: a storey, not a floor)


def read_phrases(path: Path = PHRASES) -> list[Phrase]:
    return [Phrase(tuple(english.split(" ")), cls, french, None if gender == "-" else gender)
            for english, cls, french, gender in _rows(path)]


def phrase_infinitive(french: str) -> str:
    """The infinitive a verb phrase's French starts with: "prendre une douche" → prendre, "s' occuper de" →
    s'occuper."""
    words = french.split(" ")
    return (words[0] + ("" if words[0].endswith("'") else " ") + words[1]) if words[0] in ("se", "s'") else words[0]


@dataclass
class Lexicon:
    english: dict[tuple[str, str], EnglishLemma]
    translations: dict[tuple[str, str], Translation]
    verbs: dict[str, FrenchVerb]
    sentiment: dict[str, SentimentWord]
    closed: dict[str, list[ClosedWord]] = field(default_factory=read_closed_class)
    # lemma-classes only the classifiers read (`classifier`): forms the main table lacks
    classifier: dict[tuple[str, str], EnglishLemma] = field(default_factory=dict)
    forms: dict[str, list[tuple[str, str, str]]] = field(init=False)  # form → (lemma, pos, tag)

    def __post_init__(self) -> None:
        self.forms = {}
        for entry in self.english.values():
            for tag, forms in entry.forms.items():
                for form in forms:
                    self.forms.setdefault(form, []).append((entry.lemma, entry.pos, tag))

    def analyses(self, word: str) -> list[tuple[str, str, str]]:
        """Every reading of a word form: (lemma, class, tag); closed-class readings have the tag "closed"."""
        return [(c.word, c.cls, "closed") for c in self.closed.get(word, [])] + self.forms.get(word, [])

    def for_task(self, task: str) -> "Lexicon":
        """The lexicon a task reads: the main one for translation; for grammaticality and sentiment, the main
        one joined with the wider `classifier` table, in which a word the main table or the closed-class
        table knows keeps exactly its readings."""
        if task not in TASKS:
            raise ValueError(f"no language task {task!r}: choose one of {', '.join(TASKS)}")
        return self if task == "translation" else self._classifier_view

    @cached_property
    def _classifier_view(self) -> "Lexicon":
        if not self.classifier:
            return self
        english = dict(self.english)
        for key, entry in self.classifier.items():
            english[key] = replace(english[key], forms=english[key].forms | entry.forms) if key in english else entry
        view = Lexicon(english, self.translations, self.verbs, self.sentiment, self.closed)
        for word in set(view.forms) & (set(self.forms) | set(self.closed)):
            if word in self.forms:
                view.forms[word] = self.forms[word]
            else:
                del view.forms[word]
        return view

    def conjugation(self, french: str) -> FrenchVerb | None:
        """The conjugation of a French verb as translations write it; a pronominal verb ("se lever") is
        conjugated as its base verb, with être."""
        base = reflexive(french)
        verb = self.verbs.get(base or french)
        return replace(verb, auxiliary="être") if verb and base else verb

    def knows(self, word: str, task: str) -> bool:
        """A word is known to grammaticality and sentiment when it has a reading; to translation when it is a
        closed-class word (the grammar translates those, "'s" and "do" included) or one of its open-class
        readings has French."""
        if task not in TASKS:
            raise ValueError(f"no language task {task!r}: choose one of {', '.join(TASKS)}")
        if task != "translation":
            return bool(self.for_task(task).analyses(word))
        return word in self.closed or any((lemma, pos) in self.translations for lemma, pos, _ in self.forms.get(word, []))

    def unknown_words(self, words: list[str], task: str) -> list[str]:
        """The words this lexicon does not know for `task`, in order, each once."""
        return list(dict.fromkeys(w for w in words if not self.knows(w, task)))

    def lemmas(self, task: str) -> set[str]:
        """The English lemmas usable for `task` (for translation: those with French)."""
        english = self.translations if task == "translation" else self.for_task(task).english
        return {lemma for lemma, _ in english} | set(self.closed)


def write(folder: Path, lexicon: Lexicon, manifest: dict) -> None:
    """Write the tables into `folder` as the cache publishes an entry (`cache.publish`: built beside it, then
    renamed into place), so a process reading `folder` meanwhile sees whole tables of one build."""
    publish(folder, lambda fresh: _write_tables(fresh, lexicon, manifest), replace=True)


def _write_tables(fresh: Path, lexicon: Lexicon, manifest: dict) -> None:
    def table(name: str, header: str, rows: list[list[str]]) -> None:
        lines = [header] + ["\t".join(r) for r in rows]
        (fresh / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

    table("english.tsv", "lemma\tpos\tcount\tforms",
          [[e.lemma, e.pos, str(e.count), _forms_text(e.forms)] for e in lexicon.english.values()])
    table("classifier.tsv", "lemma\tpos\tcount\tforms",
          [[e.lemma, e.pos, str(e.count), _forms_text(e.forms)] for e in lexicon.classifier.values()])
    table("translations.tsv", "english\tpos\tfrench\tgender\tforms\tsource",
          [[t.english, t.pos, t.french, t.gender or "-", _forms_text(t.forms), t.source]
           for t in lexicon.translations.values()])
    table("verbs.tsv", "infinitive\tauxiliary\ttemplate\tpresent\timperfect\tfuture\tparticiple",
          [[v.infinitive, v.auxiliary, v.template, *(",".join(x) for x in (v.present, v.imperfect, v.future,
                                                                              v.participle))]
           for v in lexicon.verbs.values()])
    table("sentiment.tsv", "word\tscore\trole\tsource",
          [[s.word, f"{s.score:g}", s.role, s.source] for s in lexicon.sentiment.values()])
    (fresh / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read(folder: Path) -> Lexicon:
    """The tables `write` wrote; a missing folder is an error that says how to build it."""
    if not (folder / "manifest.json").is_file():
        raise FileNotFoundError(f"no lexicon tables in {folder}: build them with "
                                f"python -m weightsmith.tasks.nlp.dictionary.build")
    english, classifier = ({(r[0], r[1]): EnglishLemma(r[0], r[1], int(r[2]), _forms(r[3])) for r in _rows(folder / name)}
                           for name in ("english.tsv", "classifier.tsv"))
    translations = {
        (r[0], r[1]): Translation(r[0], r[1], r[2], None if r[3] == "-" else r[3],
                                  {t: v[0] for t, v in _forms(r[4]).items()}, r[5])
        for r in _rows(folder / "translations.tsv")
    }
    verbs = {r[0]: FrenchVerb(r[0], r[1], r[2], *(tuple(x.split(",")) for x in r[3:7]))
             for r in _rows(folder / "verbs.tsv")}
    sentiment = {r[0]: SentimentWord(r[0], float(r[1]), r[2], r[3]) for r in _rows(folder / "sentiment.tsv")}
    return Lexicon(english, translations, verbs, sentiment, classifier=classifier)
