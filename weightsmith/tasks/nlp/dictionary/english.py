"""English parts of speech (WordNet 3.0) and inflected forms (LemmInflect).

WordNet lists the open-class lemmas (noun, verb, adjective, adverb) and, in `cntlist.rev`, how often each
sense was tagged in the SemCor corpus: that count orders a word's classes ("light" is a noun first,
then an adjective, then a verb). LemmInflect gives every inflected form of a lemma, irregular ones
included (child → children, go → went, gone). Closed-class words are not in WordNet; they are written by
hand (`closed_class.tsv`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

POS = ("noun", "verb", "adj", "adv")
_WORDNET_FILES = {"noun": "index.noun", "verb": "index.verb", "adj": "index.adj", "adv": "index.adv"}
_SS_TYPE = {"1": "noun", "2": "verb", "3": "adj", "4": "adv", "5": "adj"}
# LemmInflect's Penn tags → the names used in the tables
_TAGS = {
    "noun": {"NN": "sg", "NNS": "pl"},
    "verb": {"VB": "base", "VBZ": "3s", "VBD": "past", "VBN": "pp", "VBG": "ing"},
    "adj": {"JJ": "base", "JJR": "cmp", "JJS": "sup"},
    "adv": {"RB": "base", "RBR": "cmp", "RBS": "sup"},
}
_UPOS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}


def wordnet_lemmas(folder: Path) -> dict[str, set[str]]:
    """Single-word lemma → its WordNet classes (multi-word lemmas such as "ice_cream" are left out: see
    `compound_lemmas`)."""
    out: dict[str, set[str]] = {}
    for lemma, pos in _index(folder):
        if lemma.isalpha():
            out.setdefault(lemma, set()).add(pos)
    return out


def compound_lemmas(folder: Path) -> dict[str, set[str]]:
    """Lemma of words joined by hyphens or underscores (great_grandmother, mother-in-law) → its WordNet classes,
    keyed with hyphens as everyday text writes them ("great-grandmother"): WordNet joins many with an underscore."""
    out: dict[str, set[str]] = {}
    for lemma, pos in _index(folder):
        parts = lemma.replace("_", "-").split("-")
        if len(parts) > 1 and all(p.isalpha() for p in parts):
            out.setdefault("-".join(parts), set()).add(pos)
    return out


def _index(folder: Path) -> Iterator[tuple[str, str]]:
    """Every (lemma, class) of WordNet's index files."""
    for pos, name in _WORDNET_FILES.items():
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if not line.startswith(" "):  # (the licence header)
                yield line.split(" ", 1)[0], pos


def sense_counts(folder: Path) -> Counter[tuple[str, str]]:
    """(lemma, class) → how many times its senses were tagged in SemCor."""
    counts: Counter[tuple[str, str]] = Counter()
    for line in (folder / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        key, _sense, count = line.split(" ")
        lemma, lex = key.split("%")
        counts[lemma, _SS_TYPE[lex[0]]] += int(count)
    return counts


def inflections(lemma: str, pos: str) -> dict[str, tuple[str, ...]]:
    """Tag (sg, pl, base, 3s, past, pp, ing, cmp, sup) → forms, from LemmInflect's dictionary (no guessing:
    a lemma it does not list gets just its base form)."""
    import lemminflect  # the `lexicon` extra; sources.require() checked it is there

    forms = _tagged(lemminflect.getAllInflections(lemma, upos=_UPOS[pos]), pos)
    forms.setdefault("sg" if pos == "noun" else "base", (lemma,))
    return forms


def _tagged(found: dict[str, tuple[str, ...]], pos: str) -> dict[str, tuple[str, ...]]:
    """LemmInflect's Penn tags → ours, forms lower-cased as the tokenizer writes them."""
    return {_TAGS[pos][tag]: tuple(f.lower() for f in fs) for tag, fs in found.items() if tag in _TAGS[pos]}


def listed_inflections(lemma: str, pos: str) -> dict[str, tuple[str, ...]]:
    """The forms LemmInflect's dictionary lists for the lemma in this class, {} when it lists none. A noun the
    dictionary lists only as a proper noun (Sunday → Sundays, Lyon, Anna) takes those forms, lower-cased as
    the tokenizer writes them."""
    import lemminflect

    found = lemminflect.getAllInflections(lemma, upos=_UPOS[pos])
    if not found and pos == "noun":
        found = lemminflect.getAllInflections(lemma.capitalize(), upos="PROPN")
    return {tag: tuple(dict.fromkeys(forms)) for tag, forms in _tagged(found, pos).items()}  # Sundays, sundays


def noun_classes(folder: Path, roots: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Single-word noun lemma → the class (a key of `roots`) whose synsets (WordNet names, "device.n.01") its
    commonest sense falls under, by WordNet's hypernym closure (instance hypernyms included): lamp → device
    (lamp, source of illumination, device), bus → vehicle (public transport, conveyance). Only the first
    sense is read (WordNet lists a lemma's senses commonest first): later senses add more noise than
    nouns (match is a device first, the game later; night is a measure of time in its later senses)."""
    return {lemma: next(iter(found)) for lemma, found in nouns_under(folder, roots).items()
            if len(found) == 1 and lemma.isalpha()}


def nouns_under(folder: Path, roots: dict[str, tuple[str, ...]], senses: int = 1) -> dict[str, set[str]]:
    """Noun lemma → the keys of `roots` (each key's synsets as WordNet names, "person.n.01") that one of the
    lemma's `senses` commonest senses falls under, by WordNet's hypernym closure (instance hypernyms included);
    a lemma under none is left out. The one walk of WordNet's nouns: `noun_classes` reads the first sense, the
    grammar's feeling nouns two (a fan is a device first and a devotee next)."""
    hypernyms, lemma_senses = _noun_graph(folder)
    by_synset: dict[str, set[str]] = {}
    for key, names in roots.items():
        for name in names:
            lemma, _, number = name.rsplit(".", 2)
            by_synset.setdefault(lemma_senses[lemma][int(number) - 1], set()).add(key)
    out = {}
    for lemma, offsets in lemma_senses.items():
        seen, todo = set(), list(offsets[:senses])
        while todo:
            synset = todo.pop()
            if synset not in seen:
                seen.add(synset)
                todo += hypernyms[synset]
        found = {key for synset in seen & by_synset.keys() for key in by_synset[synset]}
        if found:
            out[lemma] = found
    return out


@lru_cache(maxsize=1)
def _noun_graph(folder: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """WordNet's nouns as `nouns_under` reads them: synset offset → its hypernyms' (instance hypernyms
    included), and lemma → its senses' synset offsets, commonest first. Parsed once (the two files are 20 MB)
    for the callers that class nouns under several sets of roots (the translator's vocabulary does, twice)."""
    hypernyms: dict[str, list[str]] = {}
    for fields in _synsets(folder, "data.noun"):
        pointers = 4 + 2 * int(fields[3], 16)
        hypernyms[fields[0]] = [fields[pointers + 2 + 4 * i] for i in range(int(fields[pointers]))
                                if fields[pointers + 1 + 4 * i] in ("@", "@i")]
    senses: dict[str, list[str]] = {}
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):
            fields = line.split()
            senses[fields[0]] = fields[6 + int(fields[3]):]  # lemma pos synset_cnt p_cnt ptrs... sense_cnt tagsense_cnt
    return hypernyms, senses


def proper_nouns(folder: Path) -> set[str]:
    """Single-word noun lemmas (lower-cased, as the index lists them) that WordNet writes capitalised in every
    synset they stand in: names of places and people (bristol, calcutta, magellan), not common nouns that are
    also a name somewhere (rose, bath)."""
    capitalised, common = set(), set()
    for fields in _synsets(folder, "data.noun"):
        for word in fields[4:4 + 2 * int(fields[3], 16):2]:
            (capitalised if word[0].isupper() else common).add(word.lower())
    return {w for w in capitalised - common if w.isalpha()}


def adverb_adjectives(folder: Path) -> dict[str, list[str]]:
    """Single-word adverb → the adjectives WordNet says it pertains to (its pertainym pointers, "\\" in data.adv),
    in WordNet's order: carefully → careful, politely → polite; hardly and lately point nowhere (they do not mean
    "in a hard / late manner"), so no rule of spelling guesses their adjective."""
    adjectives = {fields[0]: [w.split("(")[0] for w in fields[4:4 + 2 * int(fields[3], 16):2]]
                  for fields in _synsets(folder, "data.adj")}
    out: dict[str, list[str]] = {}
    for fields in _synsets(folder, "data.adv"):
        words = fields[4:4 + 2 * int(fields[3], 16):2]
        pointers = 4 + 2 * int(fields[3], 16)
        for i in range(int(fields[pointers])):
            symbol, offset, pos, ends = fields[pointers + 1 + 4 * i:pointers + 5 + 4 * i]
            if symbol == "\\" and pos in ("a", "s") and int(ends[:2], 16):
                adverb, adjective = words[int(ends[:2], 16) - 1], adjectives[offset][int(ends[2:], 16) - 1]
                if adverb.isalpha() and adjective.isalpha() and adjective not in out.setdefault(adverb, []):
                    out[adverb].append(adjective)
    return out


def synonyms(folder: Path) -> dict[tuple[str, str], set[str]]:
    """(word, class) → every word that shares one of its WordNet synsets in that class (ban → forbid, prohibit),
    lower-cased, multi-word ones with spaces: what a French word's English translations may say for the word."""
    out: dict[tuple[str, str], set[str]] = {}
    for pos, name in (("noun", "data.noun"), ("verb", "data.verb"), ("adj", "data.adj"), ("adv", "data.adv")):
        for fields in _synsets(folder, name):
            words = {w.split("(")[0].replace("_", " ").lower() for w in fields[4:4 + 2 * int(fields[3], 16):2]}
            for word in words:
                out.setdefault((word, pos), set()).update(words)
    return out


def _synsets(folder: Path, name: str) -> Iterator[list[str]]:
    """Each synset of a WordNet data file (data.noun, data.adj, ...) as its fields before the gloss: offset, lex
    file, pos, word count (hex), then the words (each with its lex id), the pointers ... (wndb(5WN))."""
    for line in (folder / name).read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):  # (the licence header)
            yield line.split(" | ", 1)[0].split()
