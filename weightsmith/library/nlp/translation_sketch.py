"""The translator as a sketch: its grammar hand-written, its word tables left to learn from parallel text.

`translation.build` writes the grammar once (agreement, adjective order, negation, elision,
contractions) over two word tables; the translator looks them up, this sketch makes them holes:

- `french_entry`: English lemma -> French dictionary entry (cat -> "n:chat", his and her -> "d:son"),
  its values the entries whose forms occur in the French of the training pairs: a learner may know the
  French vocabulary, not the mapping;
- `gender`: English noun or name -> "m" / "f", seen only through agreement (la/le, petite/petit, elles).

The French dictionary (each entry's forms by form code, whether a noun starts with a vowel sound) and
the English side (word classes, lemmas, number) stay hand-written. Filled with the lexicon's tables
(`true_fillings`) the sketch is the translator. `examples` makes teacher-forced examples of pairs as the
causal model reads them: `english SEP french…`, the next French word (EOS at the end) at every
position from SEP on.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from weightsmith import rasp
from weightsmith.library.nlp import translation
from weightsmith.library.nlp.translation import EOS, SEP, WordTables, french_dictionary

ENTRY_HOLE = "french_entry"
GENDER_HOLE = "gender"
GENDERS = ("m", "f")


def make_translation_sketch(entries: Sequence[str] | None = None, vocabulary: list[str] | None = None) -> rasp.SOp:
    """The translator with its word tables as holes; `entries`: the French entries the lemma table may
    choose from (every entry of the dictionary by default), `vocabulary`: the English words it reads."""
    entries = sorted(french_dictionary().rows) if entries is None else list(entries)
    tables = WordTables(
        french=lambda lemma: rasp.Learnable.map(lemma, values=entries).named(ENTRY_HOLE),
        gender=lambda noun: rasp.Learnable.map(noun, values=GENDERS).named(GENDER_HOLE),
    )
    return translation.build(tables, vocabulary)


def attested_entries(french_words: Iterable[str]) -> list[str]:
    """The dictionary's entries at least one of whose forms is among `french_words` (sorted)."""
    words = set(french_words)
    return sorted(e for e, row in french_dictionary().rows.items() if words & set(row))


def true_fillings(sketch: rasp.SOp) -> dict[str, dict]:
    """The lexicon's word tables over the sketch's holes' inputs: hole label -> {(input,): value}. Inputs
    the lexicon does not list (function words for the gender table, "-") get the table's first value."""
    from weightsmith.rasp.holes import holes

    dictionary = french_dictionary()
    truth = {ENTRY_HOLE: dictionary.entry_of, GENDER_HOLE: dictionary.gender_of}
    vocab = set(translation.english_vocabulary()) | {SEP}
    return {hole.label: {(x,): truth[hole.label].get(x, hole.table.values[0])
                         for x in rasp.value_set(hole.inner, vocab, translation.MAX_SEQ_LEN)}
            for hole in holes(sketch)}


def examples(pairs: Iterable, known: set[str] | None = None) -> list[tuple[list[str], list]]:
    """Teacher-forced examples: (english SEP french, None over the English, then each next French word and
    EOS). English words outside `known` (the translator's vocabulary by default) become UNK."""
    known = set(translation.english_vocabulary()) if known is None else known
    out = []
    for pair in pairs:
        english = [w if w in known else translation.UNK for w in pair.english]
        out.append(([*english, SEP, *pair.french], [None] * len(english) + [*pair.french, EOS]))
    return out
