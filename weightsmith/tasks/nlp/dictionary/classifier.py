"""The wider English vocabulary of the two classifiers (grammaticality and sentiment).

The translator needs French for a word, so its lemmas are the FreeDict headwords and the WordNet lemmas
SemCor tags at least `build.MIN_COUNT` times (`build`). A classifier needs only a word's classes and forms,
and an unknown word costs it an item: "the sunset was breathtaking" is read as "the UNK was UNK". So the
classifiers also read every WordNet lemma-class that a second source vouches for:

- SemCor tags it at least once (it occurs in running text: tourist, picnic, unfair, laundry); or
- LemmInflect's dictionary lists its forms (grumpy → grumpier, puddle → puddles, Sunday → Sundays).

The second criterion also ties a word to forms that were looked up, never guessed, as the main lexicon's
are. WordNet's proper nouns (cities, countries, first names) come in through LemmInflect's proper-noun
entries; the hand-written first names and cities of `names.tsv` that are still unknown come in as singular
nouns (marie, anna): a name is a singular noun to both classifiers.

Two rules keep everything the translator and the classifiers knew before as it was:
- the main lexicon (`Lexicon.english`, `forms`, `translations`) is not touched: these lemmas are a table
  of their own (`classifier.tsv`), joined to the main one only in `Lexicon.for_task`;
- a word form the main lexicon or the closed-class table already knows keeps exactly its readings; the
  wider table only adds word forms nobody knew ("lasts", "nearest", "sundays").
"""

from __future__ import annotations

from collections import Counter

from weightsmith.tasks.nlp.dictionary import english
from weightsmith.tasks.nlp.dictionary.tables import EnglishLemma, read_names


def lemmas(classes: dict[str, set[str]], counts: Counter[tuple[str, str]],
           main: dict[tuple[str, str], EnglishLemma], known: set[str]) -> dict[tuple[str, str], EnglishLemma]:
    """(lemma, class) → entry for every vouched-for WordNet lemma-class whose forms include one that no
    word of `known` (the main lexicon's forms and the closed-class words) is. An entry of a lemma-class the
    main lexicon has too holds the forms it lacks (sunday: sundays)."""
    out: dict[tuple[str, str], EnglishLemma] = {}
    for lemma in sorted(classes):
        for pos in english.POS:
            if pos not in classes[lemma]:
                continue
            listed = english.listed_inflections(lemma, pos)
            if (lemma, pos) in main:
                forms = {tag: fs for tag, fs in listed.items() if tag not in main[lemma, pos].forms}
            elif counts[lemma, pos] >= 1 or listed:
                forms = listed or english.inflections(lemma, pos)
            else:
                continue
            if any(f not in known for fs in forms.values() for f in fs):
                out[lemma, pos] = EnglishLemma(lemma, pos, counts[lemma, pos], forms)
    known = known | {f for e in out.values() for fs in e.forms.values() for f in fs}
    for name in sorted(set(read_names()) - known):
        out[name, "noun"] = EnglishLemma(name, "noun", 0, {"sg": (name,)})
    return out
