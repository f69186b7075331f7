"""Apertium's bilingual dictionaries, read through lttoolbox's `lt-proc -b` (Debian apertium-eng-spa, apertium-fr-es).

FreeDict's English–French dictionary is a learner's one (about 8,300 French words): WordNet's everyday words it lacks
(cottage, vineyard, pharmacist, damp) have no French on a machine with only it. Debian has no larger English–French
resource, but it has Apertium's English–Spanish and French–Spanish pairs, whose compiled bilingual dictionaries map a
lemma and its tags to every lemma and tags of the other language. Chained through Spanish they give French for an
English word (`pivot`). The packages ship the dictionaries compiled only; `lt-proc -b` (lttoolbox, which the
packages depend on) looks a lemma up in them: `^vineyard<n>$` → `^vineyard<n>/viña<n><f>$`, and an unknown one comes
back marked `@`. A verb's chain is walked back too (`returning`): the Spanish→English and French→Spanish
dictionaries of the same packages must lead from the French to the English verb.
"""

from __future__ import annotations

import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

# our classes as Apertium tags them (a proper noun is <np>, another tag: "bath" stays a noun)
TAGS = {"noun": "n", "verb": "vblex", "adj": "adj", "adv": "adv"}
# the tags a Spanish lemma is looked up with in the Spanish→French dictionary: its entries carry the inflection tags
# the French side is chosen by (húmedo<adj><m><sg> → humide<adj><mf><sg>, while húmedo<adj> is not found)
_SPANISH_QUERIES = {"noun": ("<n>{g}<sg>",), "verb": ("<vblex><inf>",), "adj": ("<adj><m><sg>", "<adj><mf><sg>"),
                    "adv": ("<adv>",)}
GENDERS = {"<m>": "m", "<f>": "f"}


@dataclass(frozen=True)
class Analysis:
    """One side of a bilingual entry: a lemma ("#" marks where a multi-word lemma inflects: monigote# de nieve) and
    its tags, each written <tag>."""
    lemma: str
    tags: tuple[str, ...]

    @property
    def word(self) -> str:
        return self.lemma.replace("#", "")

    def gender(self) -> str | None:
        return next((GENDERS[t] for t in self.tags if t in GENDERS), None)


@dataclass(frozen=True)
class PivotCandidate:
    """A French word the chain reaches for an English (lemma, class), and the Spanish lemmas that reach it."""
    french: Analysis
    spanish: tuple[str, ...]


def _parse(unit: str) -> list[Analysis]:
    """`^src<t>/out1<t>/out2<t>$` → the outputs; none when the dictionary does not know the source (`@src`)."""
    outputs = unit.strip().removeprefix("^").removesuffix("$").split("/")[1:]
    parsed = []
    for out in outputs:
        if out[:1] in ("@", "*", ""):  # (@: the bilingual dictionary lacks it; *: the analyser does)
            continue
        lemma, _, tags = out.partition("<")
        parsed.append(Analysis(lemma, tuple("<" + t for t in tags.split("<") if t) if tags else ()))
    return parsed


def lookup(tool: str, dictionary: Path, queries: list[str]) -> list[list[Analysis]]:
    """Each query (`lemma<tag>…`) looked up in a compiled bilingual dictionary: the list of its translations. One
    `lt-proc -b` process reads every query, one a line."""
    if not queries:
        return []
    text = "".join(f"^{q}$\n" for q in queries)
    out = subprocess.run([tool, "-b", str(dictionary)], input=text, capture_output=True, text=True, check=True).stdout
    lines = out.split("\n")
    if len(lines) < len(queries):
        raise RuntimeError(f"lt-proc -b {dictionary} answered {len(lines)} lines to {len(queries)} queries")
    return [_parse(line) for line in lines[:len(queries)]]


def genders(tool: str, analyser: Path, nouns: list[str]) -> dict[str, str | None]:
    """French noun → its gender by Apertium's French analyser ("m", "f"; "m" for a noun of both, touriste <mf>, whose
    masculine is its lemma's use; None when it knows the word as nouns of either gender, or not at all). The
    bilingual dictionaries cannot say it: an entry without gender passes the Spanish one through (excedente<n><f> →
    excédent<n><f>), so the gender is read from the French side's own dictionary."""
    words = [n for n in nouns if n.isalpha()]
    if not words:
        return {}
    out = subprocess.run([tool, str(analyser)], input="".join(f"{w}\n" for w in words), capture_output=True, text=True,
                         check=True).stdout.split("\n")
    found = {}
    for word, line in zip(words, out):
        tags = {a.tags[1] for a in _parse(line) if a.lemma == word and len(a.tags) > 1 and a.tags[0] == "<n>"}
        found[word] = "m" if tags == {"<mf>"} else GENDERS.get(tags.pop()) if len(tags) == 1 else None
    return found


def _queryable(lemma: str) -> bool:
    """A lemma lt-proc reads as one unit: letters, spaces, hyphens and apostrophes only (^ $ / < > @ are its syntax)."""
    return bool(lemma) and all(c.isalpha() or c in " -'" for c in lemma)


def pivot(tool: str, english_spanish: Path, spanish_french: Path,
          wanted: list[tuple[str, str]]) -> dict[tuple[str, str], list[PivotCandidate]]:
    """(English lemma, class) → the French words of that class the English→Spanish→French chain reaches, each with
    the Spanish lemmas that reach it (most first). The class is kept at every step: an English noun is looked up as
    <n> and lands on Spanish and French nouns only, a verb on verbs, an adjective on adjectives."""
    wanted = [(lemma, pos) for lemma, pos in wanted if pos in TAGS and _queryable(lemma)]
    spanish = lookup(tool, english_spanish, [f"{lemma}<{TAGS[pos]}>" for lemma, pos in wanted])
    chains: dict[tuple[str, str], list[Analysis]] = {}
    for key, found in zip(wanted, spanish):
        tag = f"<{TAGS[key[1]]}>"
        kept = list(dict.fromkeys(a for a in found if a.tags[:1] == (tag,)))
        if kept:
            chains[key] = kept
    queries = sorted({q for (_, pos), found in chains.items() for a in found for q in _spanish_queries(a, pos)})
    french = dict(zip(queries, lookup(tool, spanish_french, queries)))
    out: dict[tuple[str, str], list[PivotCandidate]] = {}
    for (lemma, pos), found in chains.items():
        tag = f"<{TAGS[pos]}>"
        reached: dict[Analysis, list[str]] = defaultdict(list)
        for a in found:
            for q in _spanish_queries(a, pos):
                for f in french[q]:
                    if f.tags[:1] == (tag,) and a.lemma not in reached[f]:
                        reached[f].append(a.lemma)
        if reached:
            out[lemma, pos] = sorted((PivotCandidate(f, tuple(s)) for f, s in reached.items()),
                                     key=lambda c: (-len(c.spanish), c.french.lemma))
    return out


def returning(tool: str, spanish_english: Path, french_spanish: Path,
              verbs: dict[str, list[PivotCandidate]]) -> dict[str, set[str]]:
    """English verb → the French verbs among its `pivot` candidates whose chain the reverse dictionaries walk back: the
    French→Spanish one gives a Spanish lemma that reached the French, and that lemma's Spanish→English one gives the
    English verb. Each dictionary gives a word its commonest sense first, so a chain that does not return went through
    a sense of some step's word that is not the other's: collapse → colapsar → bloquer (whose Spanish is bloquear: a
    traffic jam's colapsar), rely → confiar → confier (whose confiar is English trust), curve → torcer → tordre
    (torcer is twist). A verb is where the chain goes wrong (five of six wrong words in lex19's sample were verbs)."""
    french = sorted({c.french.lemma for cs in verbs.values() for c in cs if _queryable(c.french.lemma)})
    spanish = sorted({s for cs in verbs.values() for c in cs for s in c.spanish if _queryable(s)})
    back_spanish = {w: {a.lemma for a in found}
                    for w, found in zip(french, lookup(tool, french_spanish, [f"{w}<vblex>" for w in french]))}
    back_english = {w: {a.lemma for a in found}
                    for w, found in zip(spanish, lookup(tool, spanish_english, [f"{w}<vblex>" for w in spanish]))}
    return {verb: {c.french.word for c in cs
                   if any(s in back_spanish.get(c.french.lemma, ()) and verb in back_english.get(s, ()) for s in c.spanish)}
            for verb, cs in verbs.items()}


def _spanish_queries(spanish: Analysis, pos: str) -> tuple[str, ...]:
    """The lookups of a Spanish lemma in the Spanish→French dictionary: a noun with its gender as the English→Spanish
    side gives it (<m>, <f>, <mf>); a noun that varies (<GD>: interno, limpiador) as its masculine, the lemma's form;
    with no gender, both."""
    given = [t for t in spanish.tags if t in ("<m>", "<f>", "<mf>")]
    genders = given or (["<m>"] if "<GD>" in spanish.tags else list(GENDERS))  # (GD: the lemma is the masculine)
    return tuple(spanish.lemma + q.format(g=g) for q in _SPANISH_QUERIES[pos]
                 for g in (genders if "{g}" in q else [""]))
