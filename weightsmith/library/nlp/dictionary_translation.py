"""English→French translation at dictionary scale (issue 20): a causal RASP program over word ids that
predicts the next French word from `english SEP french-so-far`.

    1. each position reads its word's info (`translation_words`: readings, French forms) from its id;
    2. a word's class in context is settled one position later, where the word after it is visible
       (`translation_grammar.resolve`: "i open the door" / "the door is open" / "the light is on");
    3. at that next position the word also sees its window (the classes of the words to its left) and
       facts about its clause (subject, negation, question, the verb before it), and plans the French it
       speaks (`translation_grammar.plan`): literals, or (distance back, form code) pairs;
    4. counting plan lengths from the left gives every plan its span of French positions; the last
       position (having written j French words) finds the plan whose span holds j, its entry j − start,
       and, for a code, the source word's id, whose French forms give the word (`read_out`: small
       lookups, each narrowing by one digit of the code's address, so that no lookup pairs the ids with
       the codes). One word may be said left of its span: yet / again after a verb's object moves into the verb
       group's adverb place, which step 4, seeing the whole English sentence, does by re-indexing j (`_moved`);
       so, after for / since, a passé composé lasting until now is read in the present, its participle left out.

Every step looks only left (a word's plan is computed at the position after it, which the causal model
sees before any French is written), so the program means the same in a causal transformer. It reads
word ids as the sentiment model does; French tokens read back are all the one id FR (the program only
counts them). Unknown words are the id of UNK: they speak UNK in place (the API puts the original
word back), read as whatever class their neighbours expect.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from math import prod
from typing import Callable, Sequence

from weightsmith import rasp
from weightsmith.library.nlp import french_positions
from weightsmith.library.nlp import translation_grammar as grammar
from weightsmith.library.nlp.notation import (
    combine, count_upto, feature, in_negation_scope, nearest_left, previous, settled,
)
from weightsmith.library.nlp.translation_words import FRENCH, OBJECTS, SEP, SUBJECTS, KnownWords, vocabulary
from weightsmith.tasks.nlp.lexicon import starts_with_vowel

EOS = "EOS"
UNK = "UNK"
MAX_SEQ_LEN = 64  # English + SEP + French so far
MAX_PLAN = 14  # the longest plan: à côté de la très petite maison rouge de ma sœur
YOU = ("vous", "tu")


@dataclass(frozen=True)
class WordIds:
    """The model's word ids: the vocabulary's words numbered in class order (by info, then by French
    forms), so that id → info is a staircase with a step per info (two hidden units each), as the sentiment
    model's id → class is; `rank[i]` is the id of the vocabulary's i-th word."""

    entries: tuple  # translation_words.Word, by model id
    rank: tuple[int, ...]


@lru_cache(maxsize=1)
def word_ids() -> WordIds:
    """The ids, and each entry with the codes its plan entries may ask of it: a number's, an adverb's or a
    preposition's French is said by codes of its own table (`translation_grammar.own_forms`, a function of
    the info, so the order is the one the vocabulary's forms give)."""
    v = vocabulary()
    order = sorted(range(len(v.words)), key=lambda i: (repr(v.entries[i].info), sorted(v.entries[i].forms.items()),
                                                       v.words[i]))
    rank = [0] * len(order)
    for model_id, i in enumerate(order):
        rank[i] = model_id
    return WordIds(tuple(replace(e, forms=e.forms | grammar.own_forms(e.info)) for e in (v.entries[i] for i in order)),
                   tuple(rank))


def encode(tokens: list[str]) -> list[int]:
    """English words, SEP and French words → the ids the model reads."""
    rank = word_ids().rank
    return [rank[i] for i in vocabulary().encode(list(tokens))]


def model_words(english: list[str]) -> list[str]:
    """The English words as the model reads them, one a position: a multi-word expression is one word
    (washing machine → washing_machine)."""
    return vocabulary().merged(list(english))


def known_words() -> set[str]:
    """The vocabulary's words, and any number in digits (`translation_words.KnownWords`)."""
    v = vocabulary()
    return KnownWords(w for w in v.words if v.knows(w))


def french_word(word_id: int, code: str) -> str | None:
    """FORM(word, code) of the word with this model id: a literal ("=ne"), EOS, or a form of the source word; UNK stays UNK (but its
    ne / je are the plain ones)."""
    return _form(word_ids().entries[word_id], code)


def _form(entry, code: str) -> str | None:
    """FORM(word, code) of a vocabulary entry (`translation_words.Word`): `french_word`'s."""
    if code == "END":
        return EOS
    if code.startswith("="):
        return code[1:]
    if code.startswith("v.cl."):  # an object pronoun before a verb form
        _, _, pronoun, *form = code.split(".")
        return _clitic(pronoun, entry.forms.get("v." + ".".join(form)))
    if entry.info == ("UNK",):
        return "je" if code.startswith("v.je.") else "ne" if code.startswith("v.ne.") else \
            "se" if code.startswith("v.se.") else UNK
    return entry.forms.get(code)


def _clitic(pronoun: str, verb: str | None) -> str:
    """An object pronoun before this verb form (None: the word has none): le, or l' before a vowel."""
    return pronoun[0] + "'" if pronoun in ("me", "le", "la") and verb and starts_with_vowel(verb) else pronoun


# ------------------------------------------------------------------ step 4's read-out from small factors
# FORM(word, code) as one lookup over word ids and codes would have 19,000 ids × thousands of codes, and
# the compiler enumerates every pair of a lookup's operands (at most its MAX_COMBINATIONS). A word matters only through
# its table of French forms (8,200 tables; ids are in class order, so id → table is a staircase), and what a
# code reads of that table is small: its forms in one *namespace* (the plain forms; the pronominal ones;
# être's avoir forms; the clitics je / j', ne / n', se / s', le / l' before the verb, which follow from which
# forms start with a vowel; the literals, which read nothing). A code's address is (namespace, chunk, group,
# slot), and a table's content is a tuple over every address; the read-out narrows it one digit at a time:
#
#     (table, namespace digit 1) → the half of its content that digit picks
#     (block, digit)            → the block of the block that digit picks   (namespace, chunk, group, slot)
#     ...
#     (block of 2, digit)       → the French word
#
# Each lookup pairs the distinct blocks of one size with one digit's few values (`ReadOut.pairs`). A digit
# of 2 costs least where blocks are many (the small ones near the word); where blocks are few (near the
# table) a digit of 3-4 saves a layer. The namespaces are ordered so that the first digit splits the
# per-word forms (form, avoir, pronominal) from the clitics and literals, which nearly every table shares.
# At round 14's lexicon no lookup but the last passed 35,000 value pairs; the last (≈ the number of distinct
# French words, its floor) was 46,000 (52,250 at round 22's), and a lexicon twice the size fits (docs/nlp.md).
# The code's address step 4 carries is four parts (`CODE_PARTS`), each a few values; the read-out cuts them
# into its digits by maps of one part (`ReadOut.digits`).

NAMESPACES = ("form", "avoir", "pronominal", "clitic", "literal")  # in address order (see above)
NAMESPACE_DIGITS = (2, 3)  # radices of the namespace part of an address: 6 values for the 5 namespaces
GROUP_DIGITS, SLOT_DIGITS = (4, 4), (2, 2, 2, 2)  # radices of the group and slot parts
ROW = SLOT_DIGITS[-1]  # codes in a block of the last step
SLOT = prod(SLOT_DIGITS)
CHUNK = prod(GROUP_DIGITS) * SLOT
CODE_PARTS = ("namespace", "chunk", "group", "slot")  # a code's address: what step 4 hands the read-out
NO_ADDRESS = -1  # every part of a code the read-out does not know (a marker, an unknown code): no word


def _namespace(code: str) -> str:
    """Which part of a word's forms a code reads (see above)."""
    if code == "END" or code.startswith("="):
        return "literal"
    prefix = code.split(".")[0] if code.startswith(("r.v.", "av.v.")) else ""
    if code[len(prefix) + 1 if prefix else 0:].startswith(("v.je.", "v.ne.", "v.se.", "v.cl.")):
        return "clitic"
    return {"r": "pronominal", "av": "avoir"}.get(prefix, "form")


def _laid_out(codes: list[str], literal: bool) -> list[str | None]:
    """A namespace's codes in address order: by family (n.sg / n.pl, v.pres.0-5, a.f.sg / a.f.pl: the code
    but its last field), each family from the start of a block of the last step (padded with None), so that
    a block holds forms of one family. A word's forms of one family come together, and a block mixing
    families is shared by fewer tables (56,510 → 44,518 value pairs in the last lookup). The literals are one
    family: every table holds the same ones."""
    families: dict[str, list[str]] = {}
    for code in sorted(codes):
        families.setdefault("" if literal else code.rsplit(".", 1)[0], []).append(code)
    return [c for _, family in sorted(families.items()) for c in family + [None] * (-len(family) % ROW)]


def _literal_words() -> set[str]:
    """Every word a plan can speak as a literal: the string constants of the grammar and of the closed-class
    tables but their docstrings, split at spaces, and their elided forms (de → d'): a superset. (The one-line
    docstrings' words were 321 of 1,367 codes, and the literals' namespace is the longest: its length sets
    the chunk digit every table's content is paired with.)"""
    import ast
    import inspect

    from weightsmith.library.nlp import translation_words

    words = set()
    for module in (grammar, translation_words):
        tree = ast.parse(inspect.getsource(module))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "\n" not in node.value \
                    and id(node) not in docstrings:
                words |= set(node.value.split())
    # and the prepositions of the phrase table (at the end of: au bout de), which the grammar speaks as literals
    words |= {w for e in vocabulary().entries if e.info[0] == "PREP" for w in e.info[1].split()}
    return words | {w[:-1] + "'" for w in words if w.endswith("e")}


def _digits(value: int, radices: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(value // prod(radices[i + 1:]) % radix for i, radix in enumerate(radices))


@dataclass(frozen=True)
class ReadOut:
    """The read-out's tables (see above); every intermediate value is a number: an index into the distinct
    blocks of one size. `address[code]` is (namespace, chunk, group, slot)."""

    table_of: tuple[int, ...]  # by model id
    address: dict
    narrowing: tuple[dict, ...]  # per digit: (table or block, digit) → the block it picks; last: the word
    part_radices: tuple[tuple[int, ...], ...]  # per part of an address (`CODE_PARTS`): its digits' radices

    @property
    def radices(self) -> tuple[int, ...]:
        """Every digit's radix, most significant first: the narrowing's order."""
        return tuple(r for radices in self.part_radices for r in radices)

    def part(self, code: str, i: int) -> int:
        """Part i of the code's address (`CODE_PARTS`), or NO_ADDRESS for a code the read-out does not know."""
        return self.address[code][i] if code in self.address else NO_ADDRESS

    def digits(self, address: tuple[int, ...]) -> tuple[int, ...]:
        """The digits the read-out narrows by: each part of the address cut by its radices."""
        return tuple(d for part, radices in zip(address, self.part_radices) for d in _digits(part, radices))

    def word(self, table: int, code: str) -> str | None:
        """FORM(word, code) of a word with this table, through the lookups the program makes."""
        key = table
        for step, digit in zip(self.narrowing, self.digits(self.address[code])):
            key = step.get((key, digit))
        return key

    def pairs(self) -> list[int]:
        """Each lookup's value pairs, as the compiler enumerates them: the distinct tables or blocks a step
        reads × its digit's values."""
        return [len({key for key, _ in step}) * radix for step, radix in zip(self.narrowing, self.radices)]


@lru_cache(maxsize=1)
def read_out_tables() -> ReadOut:
    return build_read_out(word_ids().entries)


def build_read_out(entries: Sequence) -> ReadOut:
    """The read-out's tables for these vocabulary entries (by model id): `read_out_tables` for the model's;
    the tests build it for a lexicon twice the size too. A content is held sparse, as the (position, word)
    pairs it has (a table reads a few dozen of its 9,000 addresses)."""
    tables: dict[tuple, int] = {}
    table_word = []
    table_of = []
    for i, e in enumerate(entries):  # UNK has a table of its own: it speaks UNK for every form
        t = ("UNK",) if e.info == ("UNK",) else tuple(sorted(e.forms.items()))
        if t not in tables:
            tables[t] = len(tables)
            table_word.append(i)
        table_of.append(tables[t])
    pronouns = {o[1] for o in OBJECTS.values()} | {s[3] for s in SUBJECTS.values()} | {"la", "ce"}
    finite = [f"{tense}.{k}" for tense in ("pres", "fut", "imp", "aux") for k in range(6)] + ["inf"]
    clitics = [f"v.cl.{p}.{f}" for p in pronouns for f in finite]  # what `_form` makes from the verb's forms
    codes = {c for e in entries for c in e.forms} | set(clitics) | {"=" + w for w in _literal_words()} | {"END"}
    spaces: dict[str, list[str]] = {name: [] for name in NAMESPACES}
    for c in codes:
        spaces[_namespace(c)].append(c)
    laid = [_laid_out(spaces[name], name == "literal") for name in NAMESPACES]
    chunks = -(-max(map(len, laid)) // CHUNK)
    part_radices = (NAMESPACE_DIGITS, (-(-chunks // 2), 2), GROUP_DIGITS, SLOT_DIGITS)
    assert prod(NAMESPACE_DIGITS) >= len(NAMESPACES)
    address = {c: (n, i // CHUNK, i % CHUNK // SLOT, i % SLOT) for n, space in enumerate(laid)
               for i, c in enumerate(space) if c is not None}
    space = prod(part_radices[1]) * CHUNK  # a namespace's addresses
    position = {c: n * space + chunk * CHUNK + group * SLOT + slot for c, (n, chunk, group, slot) in address.items()}
    # what every table holds alike, sorted once (a table's own pairs are few): the literals, and the clitics
    # before a word with no verb forms (each its plain pronoun); each clitic's (position, pronoun, verb form read)
    literals = [(position[c], _form(entries[0], c)) for c in address if _namespace(c) == "literal"]
    clitic_reads = [(position[f"v.cl.{p}.{f}"], p, f"v.{f}") for p in pronouns for f in finite]
    verb_forms = {v for _, _, v in clitic_reads}
    shared = sorted([(q, p) for q, p, _ in clitic_reads] + literals)
    literals.sort()
    blocks: dict[int, tuple] = {}  # the contents: table → its (position, word) pairs, by position
    for table, i in enumerate(table_word):
        e = entries[i]
        if e.info == ("UNK",):
            pairs = [(p, _form(e, c)) for c, p in position.items()]
        elif verb_forms.isdisjoint(e.forms):
            pairs = [(position[c], w) for c, w in e.forms.items()] + shared
        else:
            pairs = [(position[c], w) for c, w in e.forms.items()] + literals + \
                [(q, _clitic(p, e.forms.get(v))) for q, p, v in clitic_reads]
        blocks[table] = tuple(sorted(pair for pair in pairs if pair[1] is not None))
    narrowing: list[dict] = []
    radices = tuple(r for rs in part_radices for r in rs)
    for level, radix in enumerate(radices):
        size, step, numbered = prod(radices[level + 1:]), {}, {}
        for key, block in blocks.items():
            # a block is sorted by position, so each digit's pairs are one run, the digits in rising order
            positions = [p for p, _ in block]
            start = 0
            while start < len(block):
                digit = positions[start] // size
                end = bisect_left(positions, (digit + 1) * size, start)
                if size == 1:
                    step[key, digit] = block[start][1]
                else:
                    low = digit * size
                    sub = tuple((p - low, w) for p, w in block[start:end])
                    step[key, digit] = numbered.setdefault(sub, len(numbered))
                start = end
        narrowing.append(step)
        blocks = {key: sub for sub, key in numbered.items()}
    return ReadOut(tuple(table_of), address, tuple(narrowing), part_radices)


def code_views() -> tuple[tuple[str, Callable[[str], int]], ...]:
    """(name, code → that part of its address) for each of `CODE_PARTS`: what the read-out reads of a code."""
    r = read_out_tables()
    return tuple((name, lambda c, i=i: r.part(c, i)) for i, name in enumerate(CODE_PARTS))


def read_out(source_id: rasp.SOp, code: rasp.SOp) -> rasp.SOp:
    """The French word of `code` for the word whose id is `source_id` (numerical): FORM(word, code)."""
    return read_out_parts(source_id, [feature(f"code_{name}", view, code) for name, view in code_views()])


def read_out_parts(source_id: rasp.SOp, code_parts: Sequence[rasp.SOp]) -> rasp.SOp:
    """FORM(word, code) from the code's address, part by part (`CODE_PARTS`; NO_ADDRESS: no word): step 4
    hands the parts over without ever holding the code as one value (`speaking`). Each part is cut into its
    digits by a map of that part alone (NO_ADDRESS to no value, so that no lookup pairs it), and the
    lookups narrow by one digit each (see above)."""
    r = read_out_tables()
    table = feature("form_table", lambda i: r.table_of[int(i)], source_id)  # a staircase over the ids
    digits = [feature(f"code_{part}_digit_{k}", lambda p, radices=radices, k=k:
                      None if p == NO_ADDRESS else _digits(p, radices)[k], sop)
              for part, sop, radices in zip(CODE_PARTS, code_parts, r.part_radices) for k in range(len(radices))]
    key = table
    for level, (step, digit) in enumerate(zip(r.narrowing, digits)):
        key = combine("next_french_word" if level == len(digits) - 1 else f"form_block_{level}",
                      lambda k, d, step=step: step.get((k, d)), key, digit)
    return key


def read_out_codes() -> tuple[str, ...]:
    """Every code the read-out knows (the forms, clitics, literals and END)."""
    return tuple(sorted(read_out_tables().address))


def read_out_program() -> rasp.SOp:
    """Step 4's read-out alone, over every (word, code) pair: the word is the id at each position, the code
    is chosen by the id before it (`read_out_codes()[id % n]`). It compiles on its own, and it is what the
    translator's last step runs (`read_out`)."""
    codes = read_out_codes()
    ids = rasp.numerical(rasp.tokens)
    before = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == q - 1), ids,
                                           default=0)).named("id_before")
    code = feature("form_code", lambda i: codes[int(i) % len(codes)], before)
    return read_out(ids, code)


NONE = "-"  # "no value" (the interpreter reads None as undefined and would not call the functions)


def _none(x):
    return None if x == NONE else x


def _with(name: str, *sops: rasp.SOp) -> rasp.SOp:
    """A tuple of several s-ops' values, built pairwise."""
    out = feature(f"{name}_1", lambda x: (x,), sops[0])
    for i, sop in enumerate(sops[1:], start=2):
        out = combine(name if i == len(sops) else f"{name}_{i}", lambda t, x: t + (x,), out, sop)
    return out


CLAUSE_KEYS = ("subject", "negated", "verb_before", "question", "q_subject", "after_q_subject", "index")


def clause_of(clause: tuple, you: str) -> dict:
    """The clause facts as the grammar reads them (`CLAUSE_KEYS`, you), from the program's "clause" value:
    (subject, negated, verb before, `question_view`)."""
    facts = dict(zip(CLAUSE_KEYS, (*clause[:3], *clause[3])), you=you)
    person, gender, *cls = facts["subject"].split(".")  # 3s.f, or 3s.f.device (the subject's class)
    facts["subject"], facts["subject_class"] = (person, gender), "".join(cls)
    facts["question"] = _none(facts["question"])
    return facts


def index_view(index: int) -> int:
    """What the plan reads of a word's index in the sentence (the clause's "index") in a question that
    starts with être: whether it is the first word, and where the first word stands in its window
    (`grammar._there_question`: is there ...); every index past the window reads alike. (The question's
    être, which the plan once reached by the index as a distance, is read from `grammar.FIRST_WORD`.) The
    index itself made the clause tuple 65 times larger."""
    return min(index, grammar.WINDOW + 1)


def question_view(question: str, q_subject: bool, after_q: bool, index: int) -> tuple:
    """What the plan reads of the question and of the word's place in it (the clause's question,
    q_subject, after_q_subject, index): outside a question nothing (a question's subject, and the word
    after it, are only ever in a question); in a question that does not start with être only whether the
    word is the first; in one that does `index_view`. Held as one value (209 values, the census's), the
    clause's tuple pairs 290 values (subject × negated × verb before) with 209: 60,610, within the
    compiler's 100,000 value pairs; the four facts apart made it 15,080 × 11."""
    if question == NONE:
        return NONE, False, False, 0
    return question, q_subject, after_q, index_view(index) if question in ("be-pres", "be-past") else min(index, 1)


QUESTION_WORDS = {("AUX", "do"): "do", ("AUX", "did"): "did", ("AUX", "will"): "will", ("AUX", "would"): "would"}


def question_kind(first: tuple | None, second: tuple | None = None) -> str | None:
    """A yes/no question starts with an auxiliary: do, did, will, have, or être (is / was); "do" before a
    negation is a negative imperative instead (do n't worry: ne vous inquiétez pas). After a question word
    (where, when, why, how) the question is the auxiliary's that follows it — do, did, will, would or a modal
    (where can i buy a ticket ? où est-ce que je peux acheter un billet ?) —, but not être's, whose question
    keeps the English order (où est la gare ?), nor have's, which reads as the verb there (where have you
    been ?)."""
    if first is None or first[:2] == ("AUX", "do") and second is not None and second[0] == "NEG":
        return None
    if first[:2] in grammar.QUESTION_ADVERBS:
        kind = question_kind(second)
        return kind if _after_question_word(kind or NONE) else None
    if first[0] == "BE" and first[1] in ("pres", "past"):
        return "be-" + first[1]
    if first[0] == "HAVE":
        return "have"
    if first[0] == "MODAL":
        return "modal:" + "|".join(first[1])
    return QUESTION_WORDS.get(first[:2])


WH = "wh"  # what a question word opens: the question its second word opens, if an auxiliary's


def _after_question_word(kind: str) -> bool:
    """Whether a question an auxiliary opens is asked after a question word too (`question_kind`)."""
    return kind in QUESTION_WORDS.values() or kind.startswith("modal:")


def first_opens(info: tuple) -> str:
    """What a sentence's first word opens: a yes/no question (`question_kind`), WH for a question word
    (`grammar.QUESTION_ADVERBS`), or NONE."""
    if info[:2] in grammar.QUESTION_ADVERBS:
        return WH
    return question_kind(info) or NONE


def second_opens(info: tuple) -> str:
    """What the question needs of its second word: "neg" for a negation (do n't worry), else the question the
    word would open first (`question_kind`: did, for where did you ...), or NONE."""
    return "neg" if info[0] == "NEG" else question_kind(info) or NONE


def question_opened(opens: str, second: str) -> str:
    """The sentence's question from its first word's `first_opens` and its second's `second_opens`:
    `question_kind` of the two words, or NONE."""
    if opens == WH:
        return second if _after_question_word(second) else NONE
    return NONE if opens == "do" and second == "neg" else opens


def verb_kind(resolved: tuple | None) -> str | None:
    """What a bare noun after this word takes: the verb before it (generic: aimer → les), a break (none)."""
    if resolved is None:
        return None
    if resolved[0] == "V":
        return "generic" if grammar.generic_object(resolved[3]) else "other"
    if resolved[0] == "BE":
        return "be"
    if resolved[0] == "PUNCT" or (resolved[0] == "CONJ" and resolved[1] not in ("et", "ou")):
        return "none"
    return None


@lru_cache(maxsize=1)
def readings_by_kind() -> dict[str, tuple[tuple, ...]]:
    """Readings the grammar gives the vocabulary's words in assorted contexts (each info resolved twelve
    times between random before / after views, seed 3), by kind: what random windows are drawn from, by
    the tests of the folds and by the benchmark's count of the grammar's structures (`--structures`)."""
    factors = resolution_factors()
    befores, afters = list(factors.before.values()), list(factors.after.values())
    rng = random.Random(3)
    readings: dict[str, set] = {}
    for info in sorted({e.info for e in vocabulary().entries}, key=repr):
        for _ in range(12):
            r = grammar.resolve(None, rng.choice(befores), info, rng.choice(afters), rng.random() < 0.2)
            readings.setdefault(r[0], set()).add(r)
    return {kind: tuple(sorted(rs, key=repr)) for kind, rs in sorted(readings.items())}


def head_features(window: tuple, after: tuple | None, you: str = "vous") -> tuple | None:
    """(person, gender) of a word that heads a subject: a pronoun, or a noun followed by a verb (two nouns
    joined by "and" are plural, feminine only if both are), and a noun's class when it has one (the lamp:
    ("3s", "f", "device"); `_subject_class`); "so" joining two clauses heads the imperative's, which the next
    clause's own subject follows (so we stayed) or not (so take your umbrella: prenez)."""
    me = window[0]
    if me is None:
        return None
    if me[0] == "S":
        if grammar._and_i(window):  # my sister and i: nous
            return ("1p", "m")
        return ("2s", "m") if me[3] == "vous" and you == "tu" else (me[1], me[2])
    if me[0] == "NOTHING":  # nothing grows here: rien ne pousse
        return ("3s", "m")
    if me == grammar.SO_CONJUNCTION:  # a clause of its own, with no subject yet: so take your umbrella (prenez)
        return ("imp", "m")
    if me[0] != "N" or grammar._kind(after) == "POSS_S":
        return None
    _, read, (gender, number, in_prepositional_phrase) = grammar.noun_phrase(window, dict(
        subject=("3s", "m"), negated=False, verb_before="none", question=None, q_subject=False,
        after_q_subject=False, index=0, you="vous"))
    if in_prepositional_phrase:  # the flowers in the garden are ...: not the garden
        return None
    j = read + 1
    if j + 1 < len(window) and window[j] == ("CONJ", "et") and window[j + 1] is not None and window[j + 1][0] == "N":
        return "3p", "f" if gender == "f" and window[j + 1][1] == "f" else "m"
    return ("3s" if number == "sg" else "3p"), gender, *_subject_class(me)


def _subject_class(noun: tuple) -> tuple[str, ...]:
    """A subject noun's class, which chooses its verb's sense (`grammar.subject_sense`) or, for a place, had's
    tense (`grammar._place_has`), or none: (device,), (site,)."""
    return (noun[4],) if noun[4] in grammar.SUBJECT_CLASSES or noun[4] in grammar.PLACE_CLASSES else ()


def _verbal(after: tuple | None) -> bool:
    return after is not None and (grammar._kind(after) in ("AUX", "BE", "HAVE", "NEG", "MID")
                                  or "V" in grammar.readings(after))


# ------------------------------------------------------------------ step 3's subject from a folded window
# `head_features` reads a noun phrase of the window, whose readings have ~577 values each: as one lookup
# over the window its operands would multiply to 577^8. What it reads of a word to the left of the head is
# little (its *subject view*: a dozen kinds and a flag or two), and it reads the words in order, outward
# from the head, deciding as it goes. So the window is folded one word at a time: a small state (where the
# noun phrase's reading stands: in its adjectives, after its determiner, inside a possessor's phrase, in
# the scan for the verb whose object it is) meets the next word's view. The head's own agreement (gender,
# number) is not in the state: the fold gives only whether the phrase is a prepositional one, whether a
# counted year makes it masculine and the gender of a noun joined by "and", and the last lookup applies
# them. `test_dictionary_translation` checks the fold against `head_features` on random windows.

PREP_CLASSES = ("dans", "à", "sur", "de")  # what the noun phrase's rules compare a preposition with


def _prep_class(french: str) -> str:
    return french if french in PREP_CLASSES else "other"


def subject_view(r: tuple | None) -> tuple | None:
    """What `head_features` reads of a word to the left of the head (None: no word)."""
    if r is None:
        return None
    kind = r[0]
    if kind == "A":
        return ("A", bool(r[5]))  # a time adjective (next week)
    if kind == "ADV":
        return ("ADV", "très" if r[1] == "très" else "more" if r[1] in ("plus", "moins", "assez", "trop")
                else "fois" if r[1].endswith(" fois") else "")  # fois: twice a year (par an)
    if kind == "N":
        return ("N", r[1] == "f", r[4] in grammar.MODIFIERS, r[2] == "pl")  # plural: five days a week (par semaine)
    if kind == "DET":
        word = r[1]
        return ("DET", "all" if r in (("DET", "all"), ("DET", "whole")) else "a" if word in ("a", "an")
                else word if word in ("every", "the") else "counted" if word in grammar.COUNTED_DETERMINERS
                else "other")  # counted: may stand before a number (my three sisters: mes trois sœurs)
    if kind == "PREP":
        return ("PREP", _prep_class(r[1]))
    if kind == "V":  # what the verb gives its object (avoir besoin de, jouer au)
        preposition = grammar.object_preposition(r[3])
        return ("V", _prep_class(preposition) if preposition else "jouer" if r[3] == "jouer" else "")
    if kind == "CONJ":
        return ("CONJ", "et" if r == ("CONJ", "et") else "ou" if r == ("CONJ", "ou") else "")
    if kind in ("NUM", "BE", "POSS_S") or r in (("FRONT",), ("THERE",)):
        return (kind,)
    return ("OTHER",)


NOUN_CLASSES = ("year", "unit", "daytime", "day", "home", "sport", "instrument")  # what the phrase's rules single out


def subject_start(r: tuple | None) -> tuple:
    """The fold's state at the head itself: a subject pronoun waits for "and" (my sister and i), a noun
    starts reading its phrase; any other word is done."""
    if r is not None and r[0] == "S":
        return ("S",)
    if r is not None and r[0] == "N":
        return ("np", (), ("outer", r[4] if r[4] in NOUN_CLASSES else "other", "loop", "", True, None))
    return ("done", None)


def subject_step(state: tuple, view: tuple | None) -> tuple:
    """The fold's state after one more word to the left (its subject view)."""
    if state[0] == "done":
        return state
    if state[0] == "S":
        return ("done", ("S", view == ("CONJ", "et")))
    return _feed(state[1], state[2:], (view,))


def subject_fold_result(state: tuple) -> tuple | None:
    """The fold's result once the window ends (past its last word, as past a sentence's start, no word)."""
    for _ in range(grammar.WINDOW):
        state = subject_step(state, None)
    assert state[0] == "done", state
    return state[1]


def _counted_by(go: Callable[..., tuple], adj: str, v: tuple | None) -> tuple:
    """After a number: a determiner that counts it (the two girls, every 10 minutes) is the phrase's own
    determiner; anything else leaves the number as the determiner."""
    if v is not None and v[0] == "DET" and v[1] in ("the", "every", "counted"):
        return go("prep", v[1], adj, consumed=v)
    return go("prep", "num", adj, feed=(v,))


def _scannable(v: tuple | None) -> bool:
    """A word `_object_of` reads past on its way to the verb."""
    return v is not None and (v[0] in ("N", "A", "DET", "NUM") or v in (("CONJ", "et"), ("CONJ", "ou")))


def _more(v: tuple | None) -> bool:
    return v == ("ADV", "more")


def _as_reread(v: tuple) -> tuple:
    """A possessor's word as the phrase around it reads it again, from its preposition on: a preposition's
    class, else only the word's kind (a possessor's phrase holds no "and", "or", "more" or verb)."""
    return v if v[0] == "PREP" else (v[0],)


def _feed(history: tuple, stack: tuple, views: tuple) -> tuple:
    """Run the noun-phrase reading over `views`, one word at a time, as `grammar.noun_phrase` reads them.
    `stack`: the phrases being read (the head's, and possessors' inside it: the child 's book);
    `history`: the words the possessors' phrases have read, which the phrase around them reads again
    (`noun_phrase` goes on from a possessor's last word: j += 1 + read)."""
    for v in views:
        state = _advance(history, stack, v)
        if state[0] == "done":
            return state
        history, stack = state[1], state[2:]
    # each possessor's phrase ends once, and goes back one word when it does (a number given back is one
    # more): older words are never read again
    return ("np", history[max(0, len(history) - len(stack)):], *stack)


def _advance(history: tuple, stack: tuple, v: tuple | None) -> tuple:
    *below, top = stack
    role, cls, phase, *data = top
    owner = role == "owner"

    def go(new_phase: str, *new_data, consumed: tuple | None = None, feed: tuple = ()) -> tuple:
        kept = history + (_as_reread(consumed),) if owner and consumed is not None else history
        return _feed(kept, (*below, (role, cls, new_phase, *new_data)), feed)

    if phase == "loop":  # adjectives, très, a noun modifier right before the head
        adj, first, pending = data
        if pending is not None:
            if v is not None and v[0] == "BE":  # (was bad last week): the candidate is not the phrase's
                return go("det", adj, feed=(pending, v))
            if pending[0] == "A":
                adj = "T" if adj in ("", "T") and pending[1] else "M"
            return go("loop", adj, False, None, consumed=pending, feed=(v,))
        if v is not None and (v[0] == "A" or v == ("ADV", "très")):
            return go("loop", adj, False, v)
        if first and v is not None and v[0] == "N" and v[2]:
            return go("loop", adj, False, None, consumed=v)
        return go("det", adj, feed=(v,))
    if phase == "det":  # a determiner, a number or a possessor ('s) starts the phrase, or nothing does
        (adj,) = data
        if v is not None and v[0] == "DET":
            return go("det_peek", adj, v[1], consumed=v)
        if v is not None and v[0] == "NUM":
            return go("num_peek", adj, consumed=v)
        if v is not None and v[0] == "POSS_S":
            return go("poss_peek", adj)
        return go("prep", None, adj, feed=(v,))
    if phase == "det_peek":  # all the / the whole: one more determiner
        adj, det = data
        if det == "all" and v is not None and v[0] == "DET":
            return go("prep", "the" if v[1] == "all" else v[1], adj, consumed=v)
        if det != "all" and v == ("DET", "all"):
            return go("prep", det, adj, consumed=v)
        return go("prep", "the" if det == "all" else det, adj, feed=(v,))
    if phase == "num_peek":  # a number (all six); after time adjectives it is an age, not this phrase's
        (adj,) = data
        whole = v == ("DET", "all")
        if adj == "T":  # the number is given back (j -= 1): the phrase goes on from the number, or from "all"
            if whole:
                return go("prep", None, adj, feed=(v,))
            return _feed(history[:-1] if owner else history, (*below, (role, cls, "prep", None, adj)), (("NUM",), v))
        if whole:  # all six; a counted determiner may still come (the all six: read as the grammar reads it)
            return go("num_all_peek", adj, consumed=v)
        return _counted_by(go, adj, v)
    if phase == "num_all_peek":
        (adj,) = data
        return _counted_by(go, adj, v)
    if phase == "poss_peek":  # 's + a noun: the possessor's phrase, read as a phrase of its own
        (adj,) = data
        if v is not None and v[0] == "N":
            read = history + ((("POSS_S",),) if owner else ()) + (_as_reread(v),)  # (an owner's 's is read again)
            return ("np", read, *below, (role, cls, "after_owner", "the", adj),
                    ("owner", None, "loop", "", True, None))
        return go("prep", None, adj, feed=(("POSS_S",), v))
    if owner and phase == "prep":  # a possessor's phrase ends after its preposition (and devant)
        if v is not None and v[0] == "PREP":
            return go("owner_front" if v[1] == "de" else "owner_end", consumed=v)
        return _ended(history, below, v)
    if phase == "owner_front":
        return go("owner_front_prep", consumed=v) if v == ("FRONT",) else _ended(history, below, v)
    if phase == "owner_front_prep":
        return go("owner_end", consumed=v) if v is not None and v[0] == "PREP" else _ended(history, below, v)
    if phase == "owner_end":
        return _ended(history, below, v)
    if phase == "prep":  # the head's phrase: its preposition, or the verb whose object it is
        det, adj = data
        if v is not None and v[0] == "PREP":
            return go("prep_peek", det, adj, v[1])
        counts = det == "a" and cls in ("unit", "year") and adj == "" and v is not None and (
            v[0] == "N" and v[3] or v == ("ADV", "fois"))  # five days a week: par semaine, unless a verb gives one
        return go("scan", det, adj, _more(v) and det is None, v is not None and v[0] == "NUM", counts, "start", False,
                  feed=(v,))
    if phase == "prep_peek":
        det, adj, prep = data
        prep = "de" if det is None and _more(v) else prep
        if _in_prepositional_phrase(cls, det, adj, prep, v is not None and v[0] == "NUM"):
            return ("done", ("pp",))
        return go("and_peek", det) if v == ("CONJ", "et") else ("done", ("np", _counted(cls, det), None))
    if phase == "there_peek":
        return ("done", ("np", False, None) if v == ("THERE",) else ("pp",))
    if phase == "and_peek":
        (det,) = data
        return ("done", ("np", _counted(cls, det), _noun_gender(v)))
    if phase == "scan":  # _object_of: past nouns, adjectives, determiners, and / or, to a verb
        det, adj, more, number_after, counts, joined_by_and, joined = data
        first = joined_by_and == "start"
        if joined_by_and == "start":
            joined_by_and = "wait" if v == ("CONJ", "et") else None
        elif joined_by_and == "wait":
            joined_by_and = _noun_gender(v)
        if _scannable(v) and not (v[0] == "N" and not joined):
            return go("scan", det, adj, more, number_after, counts, joined_by_and,
                      v[0] == "CONJ" or joined and v[0] != "N")
        gives = v[1] if v is not None and v[0] == "V" else None
        prep = gives if gives in (*PREP_CLASSES, "other") else \
            "other" if gives == "jouer" and cls in ("sport", "instrument") else "de" if more else None
        if cls == "home" and det is None and prep is None and first and v == ("BE",):
            return go("there_peek")  # there is home: a determiner (partitive), so no à la maison
        if _in_prepositional_phrase(cls, det, adj, prep, number_after) or counts and prep is None:
            return ("done", ("pp",))
        return ("done", ("np", _counted(cls, det), joined_by_and))
    raise AssertionError(phase)


SUBJECT_VIEWS = (None, ("A", False), ("A", True), *(("ADV", x) for x in ("", "fois", "more", "très")),
                 *(("N", f, m, p) for f in (False, True) for m in (False, True) for p in (False, True)),
                 *(("DET", x) for x in ("a", "all", "counted", "every", "other", "the")),
                 *(("PREP", x) for x in (*PREP_CLASSES, "other")), *(("V", x) for x in ("", *PREP_CLASSES, "other", "jouer")),
                 *(("CONJ", x) for x in ("", "et", "ou")), ("NUM",), ("BE",), ("POSS_S",), ("FRONT",), ("THERE",),
                 ("OTHER",))  # every value of `subject_view`


@dataclass(frozen=True)
class SubjectFold:
    """The fold's states, minimised: at each step k (1..WINDOW-1) the states that no later words can tell
    apart are one (numbered); `start` maps a head's start state to its number, `steps[k-1]` maps
    (number, view) to the next number, `results` a last number to the fold's result."""

    start: dict
    steps: tuple[dict, ...]
    results: dict


@lru_cache(maxsize=1)
def subject_fold() -> SubjectFold:
    """Every state the fold can reach (from every start, over every view), then merged from the last step
    back (two states are one if every view takes them to one state of the next step): exact by
    construction, and the compiled fold's value sets are these numbers."""
    starts = [("S",), ("done", None)] + [subject_start(("N", "m", "sg", False, c)) for c in (*NOUN_CLASSES, "other")]
    levels = [{state: None for state in starts}]  # each state → its next state for each view
    for _ in range(1, grammar.WINDOW):
        for state in levels[-1]:
            levels[-1][state] = tuple(subject_step(state, v) for v in SUBJECT_VIEWS)
        levels.append(dict.fromkeys(nxt for row in levels[-1].values() for nxt in row))
    outcome = {state: subject_fold_result(state) for state in levels[-1]}
    results = sorted(set(outcome.values()), key=repr)
    numbers = [{state: results.index(r) for state, r in outcome.items()}]
    for level in reversed(levels[:-1]):
        behaviour = {state: tuple(numbers[0][nxt] for nxt in row) for state, row in level.items()}
        rows = sorted(set(behaviour.values()))
        numbers.insert(0, {state: rows.index(row) for state, row in behaviour.items()})
    steps = tuple({(numbers[k][state], v): numbers[k + 1][nxt]
                   for state, row in levels[k].items() for v, nxt in zip(SUBJECT_VIEWS, row)}
                  for k in range(len(levels) - 1))
    last = {n: results[n] for n in set(numbers[-1].values())}
    return SubjectFold({state: numbers[0][state] for state in starts}, steps, last)


def _noun_gender(v: tuple | None) -> str | None:
    return ("f" if v[1] else "m") if v is not None and v[0] == "N" else None


def _ended(history: tuple, below: list, v: tuple | None) -> tuple:
    """A possessor's phrase has ended (`v` is not its): the phrase around it goes on from the possessor's
    last word (`noun_phrase`: j += 1 + read), which it reads again."""
    *rest, parent = below
    role, cls, _, det, adj = parent
    return _feed(history[:-1] if rest else (), (*rest, (role, cls, "prep", det, adj)), (history[-1], v))


def _counted(cls: str, det: str | None) -> bool:
    """a year, six years: ans (masculine), not années."""
    return cls == "year" and det in ("a", "num")


def _in_prepositional_phrase(cls: str, det: str | None, adj: str, prep: str | None, number_after: bool) -> bool:
    """Whether the head's phrase keeps a preposition, after `noun_phrase`'s rules for times and places:
    in the morning → le matin, on monday → lundi (none); home → à la maison (one)."""
    if cls in ("daytime", "day") and det == "every" and adj == "":
        det = "the"
    if cls == "daytime":
        if prep == "dans" and det == "the" and number_after:
            return True
        if prep in ("dans", "à", "sur") and det in (None, "the") and adj == "":
            return False
    if cls == "day" and prep == "sur" and det is None:
        return False
    if cls == "home" and det is None and prep is None:
        return True
    return prep is not None


def head_reading(r: tuple | None) -> tuple | None:
    """What `head_features` reads of the head itself, besides its phrase: a pronoun's person, gender and
    whether it is vous; a noun's gender, number and subject class (`_subject_class`)."""
    if r == grammar.SO_CONJUNCTION:  # heads the imperative's subject (`head_features`)
        return ("SO",)
    if r is None or r[0] not in ("S", "N", "NOTHING"):
        return None
    return ("S", r[1], r[2], r[3] == "vous") if r[0] == "S" else ("N", r[1], r[2], *_subject_class(r)) \
        if r[0] == "N" else ("NOTHING",)


def head_from_fold(result: tuple | None, me: tuple | None, after: tuple | None, you: str = "vous") -> tuple | None:
    """`head_features` from the fold's result, `head_reading` of the head and the word after it."""
    if me == ("SO",):  # "so" joining two clauses
        return ("imp", "m")
    if me is None or me[0] not in ("S", "N", "NOTHING"):
        return None
    if me[0] == "S":
        if result == ("S", True) and me[1] == "1s":  # my sister and i: nous
            return ("1p", "m")
        return ("2s", "m") if me[3] and you == "tu" else (me[1], me[2])
    if me[0] == "NOTHING":
        return ("3s", "m")
    if grammar._kind(after) == "POSS_S" or result is None or result[0] != "np":  # (a pronoun's or no result:
        # never a noun's, but the compiler asks every pair)
        return None
    _, counted, joined = result
    gender = "m" if counted else me[1]
    if joined is not None:
        return "3p", "f" if gender == "f" and joined == "f" else "m"
    return ("3s" if me[2] == "sg" else "3p"), gender, *me[3:]


# ------------------------------------------------------------------ step 2 from small factors
# `grammar.resolve(before2, before, word, after, be_question)` reads little of its neighbours: whether the
# word two back is être, a few facts about the word before and the word after (their *views*). And of an
# open word itself it reads only a few facts (its *class*): the chosen reading's other details are
# copied from the word. So a reading in context is computed from small values: the word's class and its
# left context give its choice for each possible after view ("options", a few dozen values); the after
# view picks one choice; the word fills in its details. A lookup over whole infos and their neighbours'
# infos would have 376^4 input combinations; these have about ten thousand in all.
# `resolution_factors()` builds the tables; a test checks the factoring against `grammar.resolve` on
# random infos, so a grammar change that reads more of a word than its view shows fails there.

PLURAL_DETERMINERS = ("these", "those", "many", "several")


def _open_facts(info: tuple) -> tuple:
    """What the grammar reads of an open word besides its kind: its readings, verb forms and flags."""
    r = grammar.readings(info)
    known = info[0] != "UNK"
    return ("V" in r and known, "N" in r and known, grammar._noun_capable(info), grammar._compound_part(info),
            grammar._time_adjective(info), tuple(r.get("V", (0, ()))[1]) if known else ())


def before_view(info: tuple | None) -> tuple:
    """What `grammar.resolve` reads of the word before the one it resolves."""
    if info is None:
        return (grammar._kind(None),)
    plural = (info[0] == "NUM" and info[1] != ("un", "une")) or info in tuple(("DET", d) for d in PLURAL_DETERMINERS) \
        or info[0] == "BE" and info[2] == "pl"
    verb = grammar.readings(info).get("V", (None, (), None))
    return (grammar._kind(info), plural, verb[2], *_open_facts(info), grammar.quantity_adverb(info))


def after_view(info: tuple) -> tuple:
    """What `grammar.resolve` reads of the word after the one it resolves."""
    return (grammar._kind(info), info[2] if info[0] == "BE" else info[1] if info[:2] in grammar.TIME_DETERMINERS
            else None, *_open_facts(info))


def word_class(info: tuple) -> tuple:
    """What `grammar.resolve` reads of the word it resolves, besides the details its reading copies: for
    an open word, its readings, their numbers and kinds, its primary one; a word of a closed class resolves
    to itself ("SELF"), unless it is one of the few the context changes (have, to, be, do, a preposition,
    a determiner, a subject pronoun, "so")."""
    if info[0] in ("OPEN", "UNK"):
        r = grammar.readings(info)
        noun = r.get("N", (None,) * 4)
        verb = r.get("V", (None, (), None))
        return ("OPEN", tuple(sorted(r)), verb[1], verb[0] if verb[0] in ("r", "t", "e") else False, noun[1] == "sg|pl",
                noun[3], _open_facts(info),
                info[2] if info[0] == "OPEN" else "UNK")
    if info[0] in ("HAVE", "TO", "BE", "S", "AUX", "PREP", "DET", "SEP", "FR") or info == grammar.SO_ADVERB:
        return info
    return ("SELF",)


def _own_fields(info: tuple, kind: str) -> tuple | None:
    """The fields of a reading of kind N / A / V that an open word supplies itself, aligned with the
    reading's fields after its kind (a verb's tag is chosen, so it is no field of the word's)."""
    r = grammar.readings(info)
    if kind not in r or info[0] not in ("OPEN", "UNK"):
        return None
    if kind == "V":
        reflexive, _, generic, particles = r["V"]
        return (None, reflexive, generic, particles)
    if kind == "N":
        return (*r["N"][:3], "unknown" if info[0] == "UNK" else r["N"][3])
    return tuple(r["A"])


SAME = "@"  # in a choice: this field is the word's own


def choice_of(info: tuple, resolved: tuple) -> str | tuple:
    """`resolved` without the details the word itself supplies (each replaced by SAME)."""
    if resolved == info:
        return "self"
    own = _own_fields(info, resolved[0])
    if own is None or len(own) != len(resolved) - 1:
        return resolved
    return (resolved[0], *(SAME if mine is not None and mine == x else x for mine, x in zip(own, resolved[1:])))


def reading(info: tuple, choice: str | tuple) -> tuple | None:
    """The word's reading for `choice` (None where the word has no such reading: never met)."""
    if choice == "self":
        return info
    own = _own_fields(info, choice[0]) if SAME in choice else None
    if own is not None and len(own) == len(choice) - 1:
        return (choice[0], *(mine if x == SAME else x for mine, x in zip(own, choice[1:])))
    return None if SAME in choice else choice


@dataclass(frozen=True)
class ResolutionFactors:
    """Representatives: an info for each word class, before view and after view (resolve reads nothing
    else of them), and the after views in a fixed order."""

    word: dict
    before: dict
    after: dict


@lru_cache(maxsize=1)
def resolution_factors() -> ResolutionFactors:
    word, before, after = {}, {before_view(None): None}, {}
    for info in sorted({e.info for e in vocabulary().entries}, key=repr):
        word.setdefault(word_class(info), info)
        before.setdefault(before_view(info), info)
        after.setdefault(after_view(info), info)
    return ResolutionFactors(word, before, after)


@lru_cache(maxsize=None)
def options(cls: tuple, left: tuple) -> tuple:
    """A word class's choice after each after view (in `resolution_factors().after`'s order), given its
    left context (the word two back is être, the before word's view, an être question)."""
    f = resolution_factors()
    rep = f.word[cls]
    two_back_be, before, be_question = left
    two_back = next(i for i in f.before.values() if i is not None and i[0] == "BE") if two_back_be else None
    return tuple(choice_of(rep, grammar.resolve(two_back, f.before[before], rep, a, be_question))
                 for a in f.after.values())


def _resolved(word: rasp.SOp, before: rasp.SOp, before2: rasp.SOp, after: rasp.SOp, question: rasp.SOp) -> rasp.SOp:
    """The reading of `word` (the info one back) in context, from small factors (see above)."""
    factors = resolution_factors()
    column = {view: i for i, view in enumerate(factors.after)}
    # The three facts read of the words to the left are settled (each a staircase, which passes on no
    # error): a compiled lookup passes its inputs' errors on multiplied by the units that read them, and
    # from the heads that fetch these words to the subject's head features (`_heads`) it is about
    # seventeen lookups, ~1e27 in all, past what the compiler's smallest margin (1e-30) covers: the
    # compiled subject stopped being exact as the lexicon and the fold grew (docs/nlp.md, "trc16").
    # Settled here, where their values are few and known; from `resolved` on every s-op may be None to
    # the compiler (it pairs words with choices they never meet), and None cannot be settled.
    cls = settled(feature("word_class_unsettled", lambda w: NONE if w == NONE or w[0] in ("SEP", "FR")
                          else word_class(w), word), list(dict.fromkeys([NONE, *factors.word])), name="word_class")
    two_back_be = feature("two_back_is_be", lambda b: b != NONE and grammar._kind(b) == "BE", before2)
    before_view_ = settled(feature("before_view_unsettled", lambda b: before_view(_none(b)), before),
                           list(factors.before), name="before_view")
    flags = settled(combine("left_flags_unsettled", lambda b2, q: (b2, q in ("be-pres", "be-past")), two_back_be,
                            question), [(b2, q) for b2 in (False, True) for q in (False, True)], name="left_flags")
    # (the class and the before view first, for all four flags: class × whole left context pairs 206 values
    # with 588, past the compiler's 100,000)
    by_flags = combine("reading_options_by_flags", lambda c, b: NONE if c == NONE else tuple(
        options(c, (b2, b, q)) for b2 in (False, True) for q in (False, True)), cls, before_view_)
    chosen = combine("reading_options", lambda o, f: NONE if o == NONE else o[2 * f[0] + f[1]], by_flags, flags)
    view = feature("after_view", after_view, after)
    chosen = combine("reading_choice", lambda o, v: NONE if o == NONE else o[column[v]], chosen, view)
    return combine("resolved", lambda w, c: NONE if c == NONE else reading(w, c), word, chosen)


@dataclass(frozen=True)
class Front:
    """Steps 1-2: the word ids, each position's info, the question the sentence asks, and the reading in
    context of the word before each position."""

    ids: rasp.SOp
    info: rasp.SOp
    question: rasp.SOp
    resolved: rasp.SOp


@lru_cache(maxsize=1)
def _front() -> Front:
    entries = word_ids().entries
    ids = rasp.numerical(rasp.tokens)
    info = feature("info", lambda i: entries[i].info, ids)
    # 2. the word before me, in context (it sees me: its "after")
    before2 = previous(info, 3, default=NONE, name="info_two_before_word")
    before = previous(info, 2, default=NONE, name="info_before_word")
    word = previous(info, 1, default=NONE, name="info_word")
    # the question the first word opens (do before a negation opens none: do n't worry; a question word opens
    # the question of the auxiliary after it: where did you ...); as one lookup over
    # the first two words' infos it would pair 665 infos with 665, so each word gives its part first
    opens = feature("opens_question", first_opens, info)
    first = rasp.categorical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 0), opens,
                                            default=NONE)).named("first_word_opens")
    negation = feature("second_word_opens", second_opens, info)
    # (read from position 1 on: position 0 cannot see the second word in a causal model, and looking right
    # there made the interpreter's question at position 0 differ from the compiled one - on "do n't ...")
    second = rasp.categorical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 1 <= q),
                                             negation, default=NONE)).named("second_word_says")
    question = combine("question", question_opened, first, second)
    return Front(ids, info, question, _resolved(word, before, before2, info, question))


def reading_program() -> rasp.SOp:
    """Steps 1-2 alone: the reading in context of the word before each position (NONE where there is
    none). They compile today (`benchmarks/nlp_translation.py --equality-only` compiles them and compares
    them with the interpreter on every corpus sentence); the whole program does not yet,
    see docs/nlp.md. (As text: a model's outputs are strings or numbers.)"""
    return feature("reading_text", repr, _front().resolved)


@dataclass(frozen=True)
class ClauseFacts:
    """Step 3's facts about a word's clause that need no window: whether it is a question's subject (the
    first nominal of a yes/no question) or the word after it, the verb before it (what a bare noun after
    it takes), whether a negation is in scope. (The subject's person and gender read a noun phrase from
    the window: see `program`.)"""

    q_subject: rasp.SOp
    verb_before: rasp.SOp
    negated: rasp.SOp
    after_q: rasp.SOp


@lru_cache(maxsize=1)
def _clause_facts() -> ClauseFacts:
    front = _front()
    resolved, info, question = front.resolved, front.info, front.question
    # (each operand reduced first: a lookup over the readings and the infos would pair 966 values with 665)
    head_kind = feature("head_kind", lambda r: r[0] if r != NONE and r[0] in ("S", "N") else NONE, resolved)
    possessive = feature("is_possessive_s", lambda a: grammar._kind(a) == "POSS_S", info)
    nominal = combine("nominal_head", lambda k, p: k == "S" or k == "N" and not p, head_kind, possessive)
    q_subject = combine("q_subject", lambda q, n: q != NONE and n == 1, question,
                        combine("first_nominal", lambda flag, n: n if flag else 0, nominal, count_upto(nominal)))
    kinds = feature("verb_kind", lambda r: verb_kind(_none(r)) or NONE, resolved)
    verb_before = nearest_left(feature("has_verb_kind", lambda k: k != NONE, kinds), kinds, default="none",
                               name="verb_before")
    is_neg = feature("is_negation", lambda r: r != NONE and r[0] == "NEG", resolved)
    is_break = feature("is_clause_break", lambda r: verb_kind(_none(r)) == "none", resolved)
    negated = in_negation_scope(is_neg, is_break, name="negated")
    after_q = previous(q_subject, 1, default=False, name="after_q_subject")
    return ClauseFacts(q_subject, verb_before, negated, after_q)


def clause_program() -> rasp.SOp:
    """Steps 1-2 and the clause facts that need no window (`ClauseFacts`, and the question), as text: what
    compiles of step 3 today (`benchmarks/nlp_translation.py --clause` compiles it and compares it with
    the interpreter on every corpus sentence)."""
    facts = _clause_facts()
    clause = _with("clause_facts", facts.negated, facts.verb_before, _front().question, facts.q_subject,
                   facts.after_q)
    return feature("clause_text", repr, clause)


NO_PLAN = ((), french_positions.NO_PARTS, (NONE, 0), french_positions.NO_LOOK)  # what a word saying nothing hands on


def speaking(my_plan: rasp.SOp, j: rasp.SOp, phrase_parts: Sequence[rasp.SOp],
             look: rasp.SOp) -> tuple[rasp.SOp, list[rasp.SOp]]:
    """Step 4 up to the read-out: counting plan lengths from the left gives every plan its span of French
    positions; the position that has written `j` French words finds the plan whose span holds j (the
    *carrier*), its entry j − start, and returns (the position of the entry's source word, its code's
    address: `CODE_PARTS`, what the read-out reads of it).
    `phrase_parts`: the speakers' noun-phrase or verb-group parts and what each says before its own French
    (`french_positions.SLOTS`), read where the entry is a marker (`french_positions.spoken_entry`).
    `look`: each speaker's `french_positions.look_ahead`, by which the first word that moves into the verb
    group before it is spoken there (`_moved`)."""
    length = feature("plan_length", len, my_plan)
    # (each count settled: a count is read from an attention's weights, whose small errors grow with the
    # position and would be passed on, scaled, by every lookup after it)
    widths = [settled(feature(f"speaking_{t}_unsettled", lambda n, cap=(MAX_SEQ_LEN - 1) // t: min(n, cap),
                              count_upto(feature(f"speaks_{t}", lambda n, t=t: n >= t, length))),
                      range((MAX_SEQ_LEN - 1) // t + 1), name=f"speaking_{t}_upto")
              for t in range(1, MAX_PLAN + 1)]
    # the French words spoken up to here: the widths summed (saturating at MAX_SEQ_LEN) in a balanced tree,
    # four lookups deep, not a chain of thirteen (a compiled lookup passes its input's small errors on, so
    # a long chain of them loses exactness)
    parts = [((t, t), w) for t, w in enumerate(widths, start=1)]
    while len(parts) > 1:
        parts = [((a[0], b[1]), combine("spoken_upto" if len(parts) == 2 else f"spoken_{a[0]}_to_{b[1]}",
                                        lambda x, y: min(x + y, MAX_SEQ_LEN), u, v))
                 for (a, u), (b, v) in zip(parts[::2], parts[1::2])] + parts[len(parts) // 2 * 2:]
    spoken = parts[0][1]
    span = combine("span", lambda end, n: (end - n, end) if n else (-1, -1), spoken, length)
    j, in_present = _moved(j, span, look)
    carrier = rasp.Select(span, j, lambda s, q: s[0] <= q < s[1])
    carrier_plan = rasp.categorical(rasp.Aggregate(carrier, my_plan, default="none")).named("carrier_plan")
    carrier_start = rasp.categorical(rasp.Aggregate(carrier, feature("span_start", lambda s: (s[0],), span),
                                                    default="none")).named("carrier_start")
    carrier_at = rasp.categorical(rasp.Aggregate(carrier, feature("boxed_index", lambda i: (i,), rasp.indices),
                                                 default="none")).named("carrier_at")
    # a carrier's span is as long as its plan (at most MAX_PLAN): any other slot is "none", so the entry
    # lookup pairs the plans with MAX_PLAN + 1 slots, not with every difference of two positions
    slot = combine("slot", lambda n, s: -1 if s == "none" or not 0 <= n - s[0] < MAX_PLAN else n - s[0],
                   j, carrier_start)
    entry = combine("entry", lambda p, s: (0, "END") if p == "none" or not 0 <= s < len(p) else p[s],
                    carrier_plan, slot)
    # the entry spoken is read as its views (the source word's distance, the code's address), each merged
    # from the plan's entry and the phrase's apart: the entries themselves, merged, were a product of
    # the plan's entries and the phrase's (38,376 hidden units over the corpus's 1,018 (plan, parts) pairs)
    views = (("distance", lambda e: e[0]), *((name, lambda e, v=view: v(e[1])) for name, view in code_views()))
    distance, *code_parts, present = french_positions.spoken_entry(carrier, entry, phrase_parts, views,
                                                                   (("present", _present_code),))
    source = combine("source_at", lambda at, d: 0 if at == "none" else source_position(at[0], d), carrier_at, distance)
    # a finite verb said in the present after all (`_moved`): its present's code, read by the same views
    said = combine("present_said", lambda c, now: c if now and c != french_positions.NO_PART else NONE, present,
                   in_present)
    return source, [combine(f"said_{name}", lambda part, c, view=view: part if c == NONE else view(c), part, said)
                    for (name, view), part in zip(code_views(), code_parts)]


def _present_code(entry: tuple) -> str:
    """The code of the present that stands for a passé composé's finite entry (its auxiliary's, or a clitic's
    before it: v.aux.2 → v.pres.2, v.je.aux.0 → v.je.pres.0, v.cl.le.aux.0 → v.cl.le.pres.0, r.v.se.aux.2 →
    r.v.se.pres.2), where the read-out knows it; `french_positions.NO_PART` for any other entry."""
    code = entry[1].replace(".aux.", ".pres.")
    return code if code != entry[1] and code in read_out_tables().address else french_positions.NO_PART


SKIP = -1  # a move's gap that leaves its place's word out (`_moved`)
IN_PRESENT = 3  # how many French words before a verb group's adverb place a passé composé said in the present
# may have changed: of [je] [se] [clitic] finite (`translation_grammar.lasts_until_now`), a je before se or a
# clitic is the literal je, so the codes that change (`_present_code`) stand in the last three


def _moved(j: rasp.SOp, span: rasp.SOp, look: rasp.SOp) -> tuple[rasp.SOp, rasp.SOp]:
    """The French position a word is read for, and whether a finite verb is read there in the present, given
    the first word that moves:
    - yet / again after the verb's object (`translation_grammar.moves_to_verb`) is said at its verb group's
      adverb place p, not at its own s: p reads s, and p + 1 ... s read p ... s − 1;
    - for / since after a passé composé that lasts until now (`translation_grammar.lasts_until_now`, whose rule
      puts the participle at p): every position from p on reads the next (the participle is left out), and
      the group's finite words, the `IN_PRESENT` positions before p, are read in the present;
    every other position reads itself. A look-ahead in step 4, the one place that sees the whole English
    sentence: the verb group's plan was made before the word after its object was seen, and that word's own
    plan after the words between, whose French positions are counted already; a move keeps every plan's
    length, so only which position reads which (and, for the present, which code) changes. The word reads the
    place from the nearest verb to its left (`nearest_left`), which its rule checks is that group's verb
    within its window; each lookup pairs two positions' values (at most 65 × 130)."""
    start = feature("span_begin", lambda s: s[0], span)
    verb = feature("is_verb_speaker", lambda look_: not isinstance(look_, str), look)
    # (boxed, as `speaking`'s carrier start: a number aggregated might be read as a mean of several)
    place = combine("adverb_place", lambda look_, b: (b + look_,) if not isinstance(look_, str) and look_ >= 0
                    and b >= 0 else (-1,), look, start)
    verb_place = nearest_left(verb, place, default=NONE, name="verb_adverb_place")
    moves = combine("moves_to", lambda look_, p: (p[0], look_) if look_ in (french_positions.MOVES,
                    french_positions.PRESENT) and p != NONE and p[0] >= 0 else NONE, look, verb_place)
    # (the first move only, as two would be averaged; its place and its gap read apart, as their pairs are many)
    is_move = feature("is_move", lambda m: m != NONE, moves)
    first = combine("first_move", lambda is_, n: is_ and n == 1, is_move, count_upto(is_move, name="moves_upto"))
    first_to = combine("first_move_to", lambda m, f: m if f else NONE, moves, first)
    gap_here = combine("move_gap_here", lambda m, b: (0,) if m == NONE else (SKIP,) if m[1] == french_positions.PRESENT
                       else (b - m[0],) if m[0] <= b else (0,), first_to, start)
    # (the selector looks left, as a causal model does)
    flagged = rasp.SelectorAnd(rasp.Select(first, first, lambda key, query: key),
                               rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ))
    to = feature("move_place", lambda t: -1 if t == NONE else t[0], rasp.categorical(rasp.Aggregate(
        flagged, feature("move_place_here", lambda m: (-1 if m == NONE else m[0],), first_to),
        default=NONE)).named("the_move_place"))
    gap = feature("move_gap", lambda g: 0 if g == NONE else g[0],
                  rasp.categorical(rasp.Aggregate(flagged, gap_here, default=NONE)).named("the_move_gap"))
    past = combine("past_move_place", lambda q, p: q - p if p >= 0 else NONE, j, to)
    shift = combine("move_shift", lambda d, g: 0 if d == NONE else int(d >= 0) if g == SKIP else
                    g if d == 0 and g > 0 else -1 if 0 < d <= g else 0, past, gap)
    in_present = combine("in_present", lambda d, g: g == SKIP and d != NONE and -IN_PRESENT <= d < 0, past, gap)
    return combine("moved_position", lambda q, sh: q + sh, j, shift), in_present


@lru_cache(maxsize=1)
def _question_view() -> rasp.SOp:
    """What the plan reads of the question and of the word's place in it (`question_view`)."""
    front, facts = _front(), _clause_facts()
    index = feature("word_index", lambda i: i - 1, rasp.indices)
    asked = _with("question_view", front.question, facts.q_subject, facts.after_q, index)
    return feature("question_read", lambda q: question_view(*q), asked)


@lru_cache(maxsize=1)
def _question_facts() -> rasp.SOp:
    """`translation_grammar.question_facts` at every position: from the question's view and whether "there" is
    the sentence's second word."""
    is_there = feature("is_there", lambda r: r == ("THERE",), _front().resolved)
    # word 1's reading is at position 2 (each position reads the word before it); read from there on, causally
    there_first = rasp.categorical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 2 <= q),
                                                  is_there, default=False)).named("there_is_second")
    return combine("asked_question", lambda v, t: grammar.question_facts(_none(v[0]), *v[1:], t),
                   _question_view(), there_first)


@lru_cache(maxsize=1)
def _after_facts() -> rasp.SOp:
    """`translation_grammar.after_facts` of the word after the speaker (the info here; none after the English)."""
    return feature("asked_after", lambda a: grammar.after_facts(a if a[0] not in ("SEP", "FR") else None),
                   _front().info)


@lru_cache(maxsize=None)
def _closed_before(you: str) -> rasp.SOp:
    """What a closed word (`translation_grammar.CLOSED_SPEAKERS`) says before its own French — the part
    `french_positions.BEFORE` of its plan (`closed_plan`), NONE for any other speaker — from small values, not
    the window: the speaker's reading, whether être follows it (`after_facts`), `left_facts` of the word before
    it, and `closed_clause` of the clause (none where the speaker opens the question: it then says only
    est-ce, the part `ASKED`). Each lookup pairs a few thousand values at most."""
    front, facts = _front(), _clause_facts()
    me = feature("closed_speaker", lambda r: r if r != NONE and r[0] in grammar.CLOSED_SPEAKERS else NONE,
                 front.resolved)
    me_after = combine("closed_speaker_after", lambda m, a: NONE if m == NONE else (m, a[0]), me, _after_facts())
    left = previous(feature("left_facts", lambda r: grammar.left_facts(_none(r)), front.resolved), 1,
                    default=NONE, name="left_facts_back1")
    speaker = combine("closed_speaker_left", lambda ma, f: NONE if ma == NONE else
                      (*ma, grammar.left_facts(None) if f == NONE else f), me_after, left)
    asking = feature("closed_question", lambda v: (_none(v[0]), v[1]), _question_view())
    opens = feature("closed_opens", lambda q: (q[0], q[4]), _question_facts())
    question = combine("closed_asking", lambda a, o: (*a, *o), asking, opens)
    clause = combine("closed_clause", lambda q, n: NONE if q[2] else grammar.closed_clause(q[0], n, q[1], q[3], you),
                     question, facts.negated)
    return combine("closed_before", lambda s, c: NONE if s == NONE else french_positions.NO_PART if c == NONE
                   else french_positions.before_part(grammar.closed_plan(*s, c)), speaker, clause)


@lru_cache(maxsize=None)
def _determiner_before(you: str) -> rasp.SOp:
    """What a determiner that speaks on its own says (all of its plan, `translation_grammar.determiner_plan`, as the
    part `french_positions.BEFORE`; NONE for any other speaker) from small values, not the window: its reading and
    `determiner_after` of the word after it, `determiner_before` of the word before it, and the subject's
    agreement (none where the determiner opens a question: it then says only est-ce, the part `ASKED`). Each
    lookup pairs a few thousand values at most."""
    front = _front()
    me = feature("determiner_speaker", lambda r: r if r != NONE and r[0] == "DET" else NONE, front.resolved)
    after = feature("determiner_after", lambda a: grammar.determiner_after(a if a[0] not in ("SEP", "FR") else None),
                    front.info)
    me_after = combine("determiner_speaker_after", lambda m, a: NONE if m == NONE else (m, a), me, after)
    left = previous(feature("determiner_left", lambda r: grammar.determiner_before(_none(r)), front.resolved), 1,
                    default=NONE, name="determiner_left_back1")
    speaker = combine("determiner_speaker_left", lambda ma, b: NONE if ma == NONE else
                      (*ma, grammar.determiner_before(None) if b == NONE else b), me_after, left)
    # (the subject is never NONE, but its value set holds it: no part there)
    agreement = feature("determiner_agreement", lambda s: NONE if s == NONE else
                        grammar.determiner_agreement(tuple(s.split(".")[:2])), _subject(you))
    agreeing = combine("determiner_agreeing", lambda g, q: NONE if q[0] else g, agreement, _question_facts())
    return combine("determiner_before", lambda s, g: NONE if s == NONE else french_positions.NO_PART if g == NONE
                   else french_positions.before_part(grammar.determiner_plan(*s, g, you)), speaker, agreeing)


@lru_cache(maxsize=None)
def _before_apart(you: str) -> rasp.SOp:
    """The part `french_positions.BEFORE` of the speakers that compute it apart from the window's plan
    (`translation_grammar.BEFORE_APART`: `_closed_before`, `_determiner_before`), NONE for any other."""
    return combine("before_apart", lambda c, d: d if c == NONE else c, _closed_before(you), _determiner_before(you))


def closed_program(you: str = "vous") -> rasp.SOp:
    """Steps 1-2, the clause facts, the subject and what a closed word or a determiner says before its own French
    (`_before_apart`), as text: the part `french_positions.BEFORE` computed apart from the plan for those words, to
    compile alone (the compiler's error proof refuses it at present: docs/nlp.md, trc18)."""
    return feature("closed_text", repr, _before_apart(you))


@lru_cache(maxsize=None)
def _asked(you: str) -> rasp.SOp:
    """A question's words (`translation_grammar.Asked`, NONE where no word speaks) from small values, not the
    window: the question's view (`question_view`) and whether "there" is its second word; views of the speaker
    and of the word after it (`speaker_facts`, `after_facts`); whether "it" stands one or two words back, and
    the subject's person. Each lookup pairs a few hundred values at most. The plan's part `ASKED` adds what the
    plan's lookup gives (`program`): whether the speaker's own French starts with a vowel (que / qu'), and how
    many words it says before that (the part's offset)."""
    resolved = _front().resolved
    question = _question_facts()
    me = feature("asked_speaker", lambda r: NONE if r == NONE else grammar.speaker_facts(r), resolved)
    me_after = combine("asked_speaker_after", lambda m, a: NONE if m == NONE else (m, a), me, _after_facts())
    pending = combine("asked_pending", lambda q, sa: NONE if sa == NONE else grammar.asked(q, *sa), question, me_after)
    it = feature("is_it", lambda r: grammar.it_word(_none(r)), resolved)
    it_near = combine("it_near", lambda a, b: a or b, previous(it, 1, default=False, name="it_back1"),
                      previous(it, 2, default=False, name="it_back2"))
    # (the subject is never NONE, `_subject`'s default being imp.m, but its value set holds it: undefined there)
    it_person = combine("it_and_person", lambda i, s: None if s == NONE else (i, s.split(".")[0]), it_near,
                        _subject(you))
    return combine("asked_words", lambda a, ip: NONE if a == NONE else grammar.asked_be(a, *ip), pending, it_person)


def asked_program(you: str = "vous") -> rasp.SOp:
    """Steps 1-2, the clause facts and the subject a question's words read, and the words (`_asked`), as text:
    what of the part `french_positions.ASKED` compiles apart from the plan (all but the vowel the plan gives)."""
    return feature("asked_text", repr, _asked(you))


def source_position(carrier: int, distance: int) -> int:
    """The position of the word a plan entry reads, from the position that holds the plan (the one after its
    speaker) and the entry's distance back from the speaker, or `grammar.FIRST_WORD`: the sentence's first."""
    return 0 if distance == grammar.FIRST_WORD else carrier - 1 - distance


SPEAKING_OUTPUTS = ("source", *CODE_PARTS)


def speaking_program(spoken: Sequence[tuple], output: str) -> rasp.SOp:
    """Step 4 up to the read-out alone, over a given list of what speakers hand it — (plan, phrase parts,
    look-ahead) triples (a noun phrase's or a verb group's parts; `french_positions.look_ahead`), the
    `plan_and_parts` s-op's values but what step 4 does not read: the token at each position is the index of
    the triple it holds (`len(spoken)`: a French word, which holds none). The output is one of what step 4 hands on
    (`SPEAKING_OUTPUTS`): "source", the source word's position, or one part of the code's address
    (`CODE_PARTS`). Not several as one value: their tuples would be one more product (25,568 hidden units
    for (source, code) over the corpus's pairs) that the translator never builds; `speaking_outputs` gives
    them all in one graph. (The four address parts were one mixed-radix number, linear in the parts, until
    the merges of the parts' hits became undefined where two parts hit (`french_positions._either`): a
    part that may be None is not summed linearly by the compiler, and the number cost 12,000 hidden units.)
    It is what the translator runs after its plans (`speaking`), and it compiles on its own over the pairs
    given (the plans the grammar can make are not bounded yet: see docs/nlp.md, "Not compiled yet")."""
    if output not in SPEAKING_OUTPUTS:
        raise ValueError(f"step 4's output is one of {SPEAKING_OUTPUTS}, not {output!r}")
    return speaking_outputs(spoken)[output]


def speaking_outputs(spoken: Sequence[tuple]) -> dict[str, rasp.SOp]:
    """Every output of `speaking_program` (`SPEAKING_OUTPUTS`), sharing one step 4: what a model that holds
    them all is checked on (one compile of step 4 for all its outputs, not one each)."""
    listed = tuple(spoken)
    token = rasp.categorical(rasp.tokens)
    pair = feature("plan_and_parts", lambda t: NO_PLAN[:2] if t == len(listed) else listed[t][:2], token)
    my_plan, parts = french_positions.unpacked(pair)
    look = feature("look_ahead", lambda t: NO_PLAN[3] if t == len(listed) else listed[t][2], token)
    j = count_upto(feature("is_french", lambda t: t == len(listed), token), name="french_so_far")
    source, code_parts = speaking(my_plan, j, parts, look)
    return {"source": source, **dict(zip(CODE_PARTS, code_parts))}


def step_4_outputs(translator: rasp.SOp) -> dict[str, rasp.SOp]:
    """The whole translator's step 4 (`program()`), as `speaking_program`'s outputs (`SPEAKING_OUTPUTS`):
    what the slice compiled alone is checked against."""
    sops = {e.label: e for e in rasp.topological_order(translator) if isinstance(e, rasp.SOp)}
    return {"source": sops["source_at"], **{name: sops[f"said_{name}"] for name in CODE_PARTS}}


def step_4_inputs(translator: rasp.SOp) -> rasp.SOp:
    """What the whole translator's speakers hand step 4 at each position, as `speaking_program`'s (plan, parts,
    look-ahead) triples: the plan, each part slot and the look-ahead gathered. Not a part of the translator, whose
    step 4 reads them apart (the part `french_positions.ASKED` is computed apart from the plan's lookup: `_asked`)."""
    sops = {e.label: e for e in rasp.topological_order(translator) if isinstance(e, rasp.SOp)}
    spoken = rasp.categorical(rasp.Map(lambda p: (p, ()), sops["plan"]))
    for i in range(french_positions.SLOTS):
        spoken = rasp.categorical(rasp.SequenceMap(lambda s, x: (s[0], s[1] + (x,)), spoken, sops[f"part_{i}"]))
    return rasp.categorical(rasp.SequenceMap(lambda s, look: (*s, look), spoken, sops["look_ahead"]))


def _heads(resolved: rasp.SOp, info: rasp.SOp, may_head: rasp.SOp, you: str) -> rasp.SOp:
    """Where a subject starts, its person and gender ("3s.f"; NONE elsewhere): `head_features` of the
    window, from the window folded over subject views (`subject_fold`), the head's reading and the word
    after it, for a word that may head a subject (`may_head`, or a pronoun, or a word before a verb)."""
    fold = subject_fold()
    views = feature("subject_view", lambda r: SUBJECT_VIEWS.index(subject_view(_none(r))), resolved)
    state = feature("subject_fold_0", lambda r: fold.start[subject_start(_none(r))], resolved)
    for k in range(1, grammar.WINDOW):
        state = combine(f"subject_fold_{k}", lambda n, v, k=k: fold.steps[k - 1][n, SUBJECT_VIEWS[v]], state,
                        previous(views, k, default=0, name=f"subject_view_back{k}"))
    me = combine("subject_phrase", lambda n, r: (n, head_reading(_none(r)) or NONE), state, resolved)
    after = feature("after_head", lambda a: (grammar._kind(a) == "POSS_S", _verbal(a)) if a[0] not in ("SEP", "FR")
                    else (False, False), info)

    def head(phrase: tuple, after_: tuple) -> tuple:
        n, reading = phrase
        features = head_from_fold(fold.results[n], _none(reading), ("POSS_S",) if after_[0] else None, you)
        return ".".join(features or (NONE,)), reading != NONE and (reading[0] == "S" or after_[1])
    head_and_gate = combine("subject_head", head, me, after)
    return combine("head_features", lambda h, m: h[0] if m or h[1] else NONE, head_and_gate, may_head)


@lru_cache(maxsize=None)
def _subject(you: str) -> rasp.SOp:
    """The subject's person and gender at every position ("3s.f"): the nearest head at or before it."""
    front, facts = _front(), _clause_facts()
    # a subject: a pronoun, a noun followed by a verb, the first noun of a question, a noun before any verb
    may_head = combine("may_head", lambda q, vb: q or vb == "none", facts.q_subject, facts.verb_before)
    heads = _heads(front.resolved, front.info, may_head, you)
    is_head = feature("is_head", lambda h: h != NONE, heads)
    # no subject before the verb: an imperative, spoken to "you" (fermez la porte)
    return nearest_left(is_head, heads, default="imp.m", name="subject", strict=False)


def subject_program(you: str = "vous") -> rasp.SOp:
    """Steps 1-2 and the clause's subject (person and gender, from the window folded over subject views):
    what compiles of step 3's window today (`benchmarks/nlp_translation.py --subject` compiles it and
    compares it with the interpreter on every corpus sentence)."""
    return _subject(you)


@lru_cache(maxsize=None)
def program(you: str = "vous") -> rasp.SOp:
    """The next French word (or EOS) at every position; read it at the last one. `you`: vous or tu."""
    if you not in YOU:
        raise ValueError(f"'you' translates as one of {YOU}, not {you!r}")
    front = _front()
    ids, info, resolved = front.ids, front.info, front.resolved

    # where am I: English, SEP, or the French written so far
    is_french = feature("is_french", lambda x: x[0] == "FR", info)
    j = count_upto(is_french, name="french_so_far")
    english = feature("is_english", lambda x: x[0] not in ("SEP", "FR"), info)
    word_is_english = previous(english, 1, default=False, name="word_is_english")

    # 3. its window and clause
    window = _with("window", *[resolved if k == 0 else previous(resolved, k, default=NONE, name=f"resolved_back{k}")
                               for k in range(grammar.WINDOW)])
    window = feature("window_read", lambda w: tuple(_none(x) for x in w), window)
    window_after = combine("window_and_after", lambda w, a: (w, a if a[0] not in ("SEP", "FR") else None),
                           window, info)
    facts = _clause_facts()
    clause = _with("clause", _subject(you), facts.negated, facts.verb_before, _question_view())

    def make_plan(wa: tuple, c: tuple) -> tuple:
        """(the plan, with a noun phrase's entries as markers; the phrase's parts but the question's words,
        which `_asked` computes apart, and a closed word's or a determiner's part `BEFORE`, which `_before_apart`
        computes apart;
        what the part of the question's words reads of the plan: whether the speaker's own
        French starts with a vowel where the question says que / qu' before it, and how many words the
        speaker says before its own French; the speaker's `french_positions.look_ahead`)."""
        if wa[0][0] is None:
            return NO_PLAN
        clause_ = clause_of(c, you)
        planned = grammar.planned(wa[0], wa[1], clause_)
        spoken = french_positions.spoken_by(wa[0], wa[1], clause_, planned)
        closed = wa[0][0][0] in grammar.BEFORE_APART
        apart = (french_positions.ASKED, *((french_positions.BEFORE,) if closed else ()))
        return (spoken.plan, tuple(french_positions.NO_PART if i in apart else p for i, p in enumerate(spoken.parts)),
                (planned.vowel if planned.asked.subject and planned.vowel is not None else NONE,
                 french_positions.said_before(spoken.parts)), french_positions.look_ahead(wa[0], clause_, spoken))

    word_plan = combine("plan_and_parts", lambda p, e: p if e else NO_PLAN,
                        combine("word_plan", make_plan, window_after, clause), word_is_english)
    my_plan, parts = french_positions.unpacked(word_plan)
    look = feature("look_ahead", lambda p: p[3], word_plan)
    own_start = feature("own_start", lambda p: p[2], word_plan)
    # the question's words: computed apart (`_asked`), with what the plan's lookup gives of its own start
    asked = combine("asked_spoken", lambda a, e: a if e else NONE, _asked(you), word_is_english)
    parts[french_positions.ASKED] = combine(
        f"part_{french_positions.ASKED}", lambda a, s: french_positions.NO_PART if a == NONE else
        french_positions.asked_part(grammar.asked_words(a, _none(s[0])), s[1]), asked, own_start)
    # what a closed word or a determiner says before its own French: computed apart too (`_before_apart`)
    closed = combine("closed_spoken", lambda c, e: c if e else NONE, _before_apart(you), word_is_english)
    at = french_positions.BEFORE
    parts[at] = combine(f"part_{at}", lambda c, p: p if c == NONE else c, closed, parts[at].named(f"window_part_{at}"))

    # 4. spans, the carrier of the next French word, its source word and the code read of it
    source, code_parts = speaking(my_plan, j, parts, look)
    source_id = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, source, rasp.Comparison.EQ), ids,
                                              default=0)).named("source_word")
    return read_out_parts(source_id, code_parts)
