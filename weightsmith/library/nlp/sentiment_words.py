"""The sentiment model's vocabulary at dictionary scale: every word form of the built lexicon, each with the
one small class the sentiment program needs, and word ids ordered so that the class is a staircase.

Why ids: the compiler encodes a categorical token one-hot, one residual dimension per word, so a 20,000-word
vocabulary read as words would make a residual stream of 20,000 dimensions and a lookup MLP of 20,000
hidden units reading all of them. A token that is a number takes one dimension instead, and a function of
a number compiles to a staircase with two hidden units per *change* of value (`compiler.mlp`). So the
words are numbered in class order (all negators, then all intensifiers, …, then every neutral word), and
the lookup `id → class` changes value only at the few class boundaries: ~20k words cost a few dozen
hidden units. The numbering is the tokenizer (`encode`), outside the model, as for any transformer.

Classes (a word has exactly one; the program resolves the ambiguous ones from their neighbours):
    +1 +2 -1 -2   a polar word: sign, and strength 2 when |VADER mean rating| ≥ 2.0 (great, terrible)
    n+1 … n-2     a polar word that is only a noun (war, festival, disaster): polar, except as a topic after "the"
                  at the end of its clause ("a book about the war .")
    int dim       an intensifier (very, really, so) / a diminisher (slightly, a bit → "little")
    neg           a negator (not, n't, no, nothing, without, …)
    but           contrast: only what follows the last one counts
    break         the end of a clause (punctuation, and, because, …): a negation's scope stops here ("or"
                  is not one: "never dirty or smelly" negates both)
    question      "?": ends a clause, and makes the whole sentence neutral (a question asserts nothing)
    adj           an adjective with no polarity ("too" + adj is negative: "too small")
    like pretty kind well too time enough    words with a polar and a neutral reading, resolved by context
    never nt      negators that can mean "the most": "never" (and "cannot"), "n't" (also the mark of a
                  negative question when it is the second word: "is n't it terrible ?"); "not"/"n't" after
                  a modal ("could n't be better") reads as "never"
    so            "so", "more": intensifiers that, after a "never", say "the most" ("never felt so welcome")
    not           "not": a negator like "neg", and, like "n't", one that can stand for a whole predicate ("the
                  service was great , the food was not .")
    even          "even": before a preposition or a conjunction it opens a concession ("always cheerful , even
                  on bad days"), whose words do not vote
    what a        "what" and "a"/"an": "what a view !" exclaims, and says something good when nothing else does
    the           "the", read only before a polar noun (a topic: "after the festival .")
    why           "why" opening a question takes what it asks about as given ("why is the wifi so slow ?")
    just          "just": after a negation in an earlier clause, it opens a correction whose words do not vote ("she is
                  n't unkind , she is just tired"); before "like" it makes a preposition of it ("just like rain")
    poss          a possessive determiner (my, our, …): a polar word after it is part of a name ("my best friend",
                  "my great - grandmother", "our nervous pony"), not a judgement
    prep          a preposition (the closed-class table's), read only to tell a concessive "even" ("even in
                  winter") from a focusing one ("we even got a free upgrade")
    wanted        a plain adjective VADER does not rate whose WordNet antonym is negative (hot ↔ cold, fast ↔
                  slow): no opinion alone ("a hot day"), a complaint right after a negator ("the shower is never
                  hot"); "unwanted" when the antonym is positive (rough ↔ smooth: "the crossing was n't rough")
    as of likeprep on modal      the context words that resolve them ("as well", "kind of", "looks like",
                                 "on time", "could n't")
    pron          a pronoun that ends a tag question ("…, was n't it ?")
    -             everything else, and UNK

A polar word is also *graded* or not (`SentimentVocabulary.graded`): a comparative or superlative (better,
happier, worst), which after "never" or "could n't" says "the most", not its opposite. Ids put the graded
words of each class after the others, so that `id → graded` is a staircase too.

Which VADER words count as polar: VADER rates many words that carry no opinion in an everyday sentence
("play" +1.4, "friend" +2.2, "share" +1.2, "party" +1.7), and a sentence made of them is neutral. A rated
word is polar when it has an adjective, adverb or participle reading and |rating| ≥ 0.5, or any reading and
|rating| ≥ 1.5, unless `sentiment_overrides.tsv` says otherwise; the overrides also add everyday
evaluative words VADER lacks (slow, late, expensive). They were written from general knowledge of
English, never from the held-out sentences.

A word that is only an adjective and that VADER does not rate is mildly polar when its commonest WordNet sense is
shared with polar words that agree (`synonymous`: magical with charming, hideous with ugly), and so is a word that is
only an adverb, by the adverbs of its commonest adverb sense (`synonymous_adverbs`: properly with decently): WordNet
rates by meaning what VADER, a list of rated words, lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from weightsmith.library.nlp.tokenize import UNK, tokenize

OVERRIDES = Path(__file__).parent / "sentiment_overrides.tsv"
STRONG = 2.0  # |VADER mean rating| from which a polar word has strength 2
POLAR_ADJECTIVE = 0.5  # the smallest |rating| that makes an adjective or adverb polar
POLAR_OTHER = 1.5  # the smallest |rating| that makes a noun or verb polar
NEGATORS = ("not", "no", "nothing", "nobody", "none", "neither", "nor", "without", "nowhere")
CONTRAST = ("but", "however")
BREAKS = (".", ",", ";", ":", "!", "and", "because", "although", "though", "while", "when", "if",
          "until", "whereas", "since")
POLAR_READING = {"kind": "+2", "pretty": "+1"}  # an ambiguous word's polar reading ("kinder", "prettiest")
POLAR_CLASSES = ("+1", "+2", "-1", "-2")
NAMING_CLASSES = ("n-2", "n-1", "n+1", "n+2")  # the polar words that are only nouns: "n" + their polar class
NOT_JUDGING = ("fairly", "hardly", "lately", "shortly", "barely", "nearly", "really", "later", "latest", "slowly",
               "quietly", "softly")
AMBIGUOUS = ("like", "pretty", "kind", "well", "too", "time", "enough")
POSSESSIVES = ("my", "your", "his", "its", "our", "their")  # not "her", also an object: "it made her happy"
# words whose class is read by the program's rules, each with its class
RULE_WORDS = {"never": "never", "cannot": "never", "n't": "nt", "so": "so", "more": "so",
              "could": "modal", "can": "modal", "ca": "modal", "not": "not", "even": "even", "what": "what",
              "a": "a", "an": "a", "the": "the", "why": "why", "just": "just"} | {w: "poss" for w in POSSESSIVES}
TAG_PRONOUNS = ("it", "she", "he", "they", "you", "we", "i", "there", "that")  # "…, is n't it ?"
LIKE_AS_PREPOSITION_AFTER = ("look", "looks", "looked", "looking", "feel", "feels", "felt", "sound", "sounds",
                             "sounded", "seem", "seems", "seemed", "smell", "smells", "smelled", "taste", "tastes",
                             "tasted", "would", "'d", "something", "is", "was", "are",
                             "were", "'s", "'re", "'m", "be", "been", "am")
CONTEXT = {"as": "as", "of": "of", "on": "on"} | {w: "likeprep" for w in LIKE_AS_PREPOSITION_AFTER}
# class order = id order; the polar classes sit together so that a range of ids is one class
CLASSES = ("neg", "never", "nt", "but", "break", "question", "int", "so", "dim", "-2", "-1", "+1", "+2",
           *NAMING_CLASSES, *AMBIGUOUS, "as", "of", "on", "likeprep", "modal", "pron", "not", "even", "what", "a",
           "the", "why", "just", "poss", "prep", "wanted", "unwanted", "adj", "-")


@dataclass(frozen=True)
class SentimentVocabulary:
    """Words in id order, each word's class, whether it is graded, and the id of UNK."""

    words: tuple[str, ...]
    classes: tuple[str, ...]  # classes[i] is the class of words[i]
    graded: tuple[bool, ...]  # graded[i]: words[i] is a polar comparative or superlative (better, happier)
    ids: dict[str, int]

    def encode(self, words: list[str]) -> list[int]:
        """Word tokens → ids; a word outside the vocabulary becomes UNK's id."""
        unk = self.ids[UNK]
        return [self.ids.get(w, unk) for w in words]

    def class_of(self, word: str) -> str:
        return self.classes[self.ids.get(word, self.ids[UNK])]


def read_overrides(path: Path = OVERRIDES) -> dict[str, str]:
    """word → class, from the hand-written table (word, class, why)."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            word, cls, _why = line.split("\t")
            if cls not in CLASSES:
                raise ValueError(f"{path.name}: {word!r} has class {cls!r}, not one of {', '.join(CLASSES)}")
            table[word] = cls
    return table


def polar_class(score: float) -> str:
    return ("+" if score > 0 else "-") + ("2" if abs(score) >= STRONG else "1")


def classify(lexicon) -> dict[str, str]:
    """Every single-token word form the built lexicon knows (for sentiment), with its class."""
    words = {w for w in lexicon.forms if tokenize(w) == [w]} | {w for w in lexicon.closed if tokenize(w) == [w]}
    table: dict[str, str] = {}
    for word in words:
        analyses = lexicon.analyses(word)
        readings = {pos for _, pos, _ in analyses}
        # a participle ("confusing", "disappointed") is read as the adjective it usually is after "be"
        adjective_like = readings & {"adj", "adv"} or any(tag in ("ing", "past", "pp") for _, _, tag in analyses)
        if "adj" in readings:
            table[word] = "adj"
        entry = lexicon.sentiment.get(word)
        if entry is None:
            continue
        if entry.role == "intensifier":
            table[word] = "int"
        elif entry.role == "diminisher":
            table[word] = "dim"
        elif entry.role == "negator":
            table[word] = "neg"
        elif abs(entry.score) >= (POLAR_ADJECTIVE if adjective_like else POLAR_OTHER):
            table[word] = polar_class(entry.score)
    for word, entries in lexicon.closed.items():
        if any(entry.cls == "prep" for entry in entries):
            table.setdefault(word, "prep")  # a preposition VADER or a reading did not already class
    table |= {w: "neg" for w in NEGATORS} | {w: "but" for w in CONTRAST} | {w: "break" for w in BREAKS}
    table["?"] = "question"
    table |= CONTEXT | {w: w for w in AMBIGUOUS} | RULE_WORDS | {w: "pron" for w in TAG_PRONOUNS}
    overrides = read_overrides()
    table |= overrides
    table |= inherited(lexicon, words, table, overrides)
    senses = first_senses("adj")
    table |= synonymous(lexicon, unrated_adjectives(lexicon, words, table), table, senses)
    table |= synonymous_adverbs(lexicon, unrated_adjectives(lexicon, words, table), table, first_senses("adv"))
    table |= wanted(unrated_adjectives(lexicon, words, table), table, senses)
    table |= {w: "n" + c for w, c in table.items() if c in POLAR_CLASSES and w in words and
              {pos for _, pos, _ in lexicon.analyses(w)} == {"noun"}}
    table[UNK] = "-"
    return {w: c for w, c in table.items()} | {w: "-" for w in words if w not in table}


def adjectives_of_adverb(word: str) -> list[str]:
    """The adjectives an -ly adverb can come from: quick-ly, happ-ily → happy, comfortab-ly → comfortable."""
    if not word.endswith("ly"):
        return []
    return [word[:-2], word[:-1] + "e"] + ([word[:-3] + "y"] if word.endswith("ily") else [])


def inherited(lexicon, words: set[str], table: dict[str, str], overrides: dict[str, str]) -> dict[str, str]:
    """Forms that say what their adjective says, when nothing rates them: the comparative and superlative
    of a polar adjective ("tidier", "kindest"; a form with a noun or verb reading too, like "stranger", is
    left alone), and the -ly adverb of an everyday adjective VADER lacks (`sentiment_overrides.tsv`:
    "quickly", "cheaply"; VADER rates its own adverbs, and many unrated -ly words grade or place rather
    than judge: "originally", "naturally"); and an un- adjective is mildly the opposite of its polar base
    ("unreasonable", "uninteresting") when nothing rates it. `NOT_JUDGING` lists the forms whose base is polar but which
    only grade another word or tell a time or a manner ("fairly", "hardly", "later", "slowly")."""

    def base_class(adjective: str) -> str | None:
        cls = table.get(adjective)
        return POLAR_READING.get(cls, cls) if cls in POLAR_CLASSES or cls in POLAR_READING else None

    out = {}
    for word in words - overrides.keys() - set(NOT_JUDGING):
        if table.get(word, "-") not in ("-", "adj"):
            continue
        analyses = lexicon.analyses(word)
        graded = [lemma for lemma, pos, tag in analyses if tag in ("cmp", "sup")]
        if len(graded) < len(analyses):
            graded = []
        adverb = [b for b in adjectives_of_adverb(word) if b in overrides]
        for base in graded + adverb:
            if base != word and base_class(base):
                out[word] = base_class(base)
                break
        else:
            opposite = base_class(word[2:]) if word.startswith("un") and "adj" in {p for _, p, _ in analyses} else None
            if opposite:  # "unreasonable", "uninteresting": the opposite of a polar adjective, mildly
                out[word] = ("-" if opposite[0] == "+" else "+") + "1"
    return out


@dataclass(frozen=True)
class Sense:
    """A word's commonest WordNet sense (as an adjective, or as an adverb): the other words of its synset, and its
    direct antonyms there."""

    synonyms: tuple[str, ...]
    antonyms: tuple[str, ...]


def first_senses(part: str) -> dict[str, Sense]:
    """Every WordNet adjective (`part` "adj") or adverb ("adv") → its first sense as one (index.adj / index.adv list
    a lemma's senses commonest first; data.adj / data.adv: the synset's words, and the "!" pointers whose source is
    this word or the whole synset; wndb(5WN))."""
    from weightsmith.tasks.nlp.dictionary import english, sources

    folder = sources.path("wordnet").parent
    synsets = {fields[0]: fields for fields in english._synsets(folder, f"data.{part}")}

    def members(fields: list[str]) -> list[str]:
        return [w.split("(")[0].lower() for w in fields[4:4 + 2 * int(fields[3], 16):2]]  # ("(a)", "(p)": syntax)

    out = {}
    for line in (folder / f"index.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):  # (the licence header)
            continue
        index = line.split()
        word, fields = index[0], synsets[index[6 + int(index[3])]]
        words, pointers = members(fields), 4 + 2 * int(fields[3], 16)
        antonyms = []
        for i in range(int(fields[pointers])):
            symbol, target, _pos, ends = fields[pointers + 1 + 4 * i:pointers + 5 + 4 * i]
            if symbol == "!" and int(ends[:2], 16) in (0, words.index(word) + 1 if word in words else -1):
                antonyms.append(members(synsets[target])[max(int(ends[2:], 16) - 1, 0)])
        out[word] = Sense(tuple(w for w in words if w != word), tuple(antonyms))
    return out


def unrated_adjectives(lexicon, words: set[str], table: dict[str, str]) -> list[str]:
    """The word forms the table leaves plain ("adj" or "-") that VADER does not rate: VADER's own reading of a
    word it rates (even one the overrides made plain: "clear", "sure") is not second-guessed."""
    return [w for w in words if table.get(w, "-") in ("adj", "-") and
            getattr(lexicon.sentiment.get(w), "role", None) != "polar"]


def sign_of(table: dict[str, str], words: tuple[str, ...]) -> str | None:
    """The one sign ("+" or "-") the table's polar words among `words` agree on, if any do and they agree."""
    signs = {POLAR_READING.get(table.get(w), table.get(w))[0] for w in words
             if POLAR_READING.get(table.get(w), table.get(w)) in POLAR_CLASSES}
    return signs.pop() if len(signs) == 1 else None


def synonymous(lexicon, candidates: list[str], table: dict[str, str],
               senses: dict[str, Sense]) -> dict[str, str]:
    """A word that is only an adjective, VADER does not rate, and whose commonest WordNet sense it shares with
    words VADER rates clearly (|mean| ≥ `POLAR_OTHER`, and polar in the table) that agree, is mildly polar that
    way: magical (charming), hideous (horrid, horrific). Only an adjective: a word that is also an adverb or a
    noun names other senses first ("two years apart": apart is "separated", and separated is rated). Only
    clear ratings of VADER's own: a weak one says little of a synonym (vast is huge, +1.3), and a class this
    module derived is no rating (everyday is unremarkable, un- + remarkable)."""
    clear = {w: c for w, c in table.items() if c in POLAR_CLASSES and w in lexicon.sentiment and
             lexicon.sentiment[w].role == "polar" and abs(lexicon.sentiment[w].score) >= POLAR_OTHER}
    out = {}
    for word in candidates:
        if word in senses and word not in lexicon.closed and {p for _, p, _ in lexicon.analyses(word)} == {"adj"}:
            if sign := sign_of(clear, senses[word].synonyms):
                out[word] = sign + "1"
    return out


def synonymous_adverbs(lexicon, candidates: list[str], table: dict[str, str],
                       senses: dict[str, Sense]) -> dict[str, str]:
    """A word that is only an adverb, VADER does not rate, and whose commonest WordNet adverb sense it shares with
    polar adverbs that agree, is mildly polar that way: properly (decently: "the heating never works properly"
    complains), poorly (badly). Only what is only an adverb counts, on both sides: a word that is also an adjective
    names its adjective's senses first (round 17 lost "two years apart" reading "apart" as "separated"; "late",
    "fresh" and "alone" would make "recently", "newly" and "solely" polar). A sense shared with a word that grades
    another (an intensifier, a diminisher, "pretty") is a degree, not a judgement: "moderately" (pretty, reasonably)."""
    def adverb_only(word: str) -> bool:
        return {p for _, p, _ in lexicon.analyses(word)} == {"adv"}

    out = {}
    for word in candidates:
        if word not in senses or word in lexicon.closed or word in NOT_JUDGING or not adverb_only(word):
            continue
        synonyms = senses[word].synonyms
        if any(table.get(w) in ("int", "dim", "pretty", "so", "too") for w in synonyms):
            continue
        if sign := sign_of(table, tuple(w for w in synonyms if adverb_only(w))):
            out[word] = sign + "1"
    return out


def wanted(candidates: list[str], table: dict[str, str], senses: dict[str, Sense]) -> dict[str, str]:
    """Plain adjectives VADER does not rate whose commonest WordNet sense has a direct antonym the table rates:
    "wanted" when the antonym is negative (hot ↔ cold, fast ↔ slow), "unwanted" when it is positive (rough ↔
    smooth). Saying one is no opinion ("the sea is rough", "a hot day"), but negating it says an expectation
    was not met ("the shower is never hot", "the crossing was n't rough at all"): the antonym's rating says
    which way (`polarity.resolve` reads it right after a negator)."""
    out = {}
    for word in candidates:
        if word in senses and (sign := sign_of(table, senses[word].antonyms)):
            out[word] = "wanted" if sign == "-" else "unwanted"
    return out


def graded(lexicon, table: dict[str, str]) -> set[str]:
    """The polar words with a comparative or superlative reading ("better", "happier", "worst"): after
    "never" they mean the most ("i 've never been happier"), not the opposite."""
    return {w for w, cls in table.items()
            if cls in POLAR_CLASSES and any(tag in ("cmp", "sup") for _, _, tag in lexicon.analyses(w))}


@lru_cache(maxsize=1)
def vocabulary() -> SentimentVocabulary:
    """The vocabulary from the built lexicon (`tasks.nlp.dictionary.load`, built at set-up)."""
    from weightsmith.tasks.nlp import dictionary

    lexicon = dictionary.load().for_task("sentiment")
    table = classify(lexicon)
    comparatives = graded(lexicon, table)
    order = {c: i for i, c in enumerate(CLASSES)}
    words = tuple(sorted(table, key=lambda w: (order[table[w]], w in comparatives, w)))
    return SentimentVocabulary(words, tuple(table[w] for w in words), tuple(w in comparatives for w in words),
                               {w: i for i, w in enumerate(words)})
