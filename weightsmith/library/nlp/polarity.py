"""Sentiment at dictionary scale (issue 20 §2): positive, negative or neutral, as a RASP program over word
ids (`sentiment_words`: ~64k word forms of the built lexicon and its wider classifier table, ~3,700 of them
polar by VADER's ratings).

    word_class    the word's one class, looked up from its id (a staircase: a few dozen hidden units)
    resolved      the ambiguous words read from their neighbours: "like" is a preposition after
                  looks/feels/would ("it looks like rain"), a polar verb elsewhere ("i like it"); "pretty"
                  intensifies a following polar word ("pretty good"); "too" intensifies a negative word
                  ("too bad") and makes a plain or a positive one a complaint ("too small", "too sweet");
                  a diminisher before a plain adjective is a mild complaint ("a bit small"); "kind of" is a
                  diminisher (read at "of"); "as well" is neutral; "on time" and a plain adjective +
                  "enough" ("big enough") are mildly positive; "not"/"n't" after could/can reads as
                  "never" ("could n't be better"); "little" after an adjective is a size ("a cosy little
                  wooden cabin"), not a diminisher ("a little cold"); "even" before a preposition or a
                  conjunction opens a concession; "what a" exclaims; a polar word right after
                  my/our/… is part of a name ("my best friend", "our nervous pony"), not a judgement; a
                  plain adjective with a wanted pole (`sentiment_words.wanted`) is polar that way right
                  after a negator: "the shower is never hot" complains, "a hot day" does not; a polar noun
                  after "the" at the end of its clause is a topic ("a book about the war ."), not a judgement
    modifier      the word before me: an intensifier makes a polar word stronger (3), a diminisher
                  weaker (1); neither changes its sign; "too" makes a positive word a weak negative one
    negated       inside the scope of a negation (not, n't, never, no, nothing, …) up to the end of my
                  clause; two negations in one clause cancel. The "n't" of a negative question ("is n't it
                  terrible ?") negates nothing: it asks the hearer to agree
    described     after a negated polar word in my clause: the negation judged that word, and the polar
                  words after it describe ("was n't bad at all during the festival", "was n't safe late at
                  night", "never dirty or smelly"): they do not vote; nor do the words of a concession,
                  which say what the judgement holds against ("always cheerful , even on bad days", "never
                  complains , even when she is tired"), nor those after "just" in a correction, past a negation in an
                  earlier clause ("my brother is n't lazy , he is just very tired")
    the most      after "never" (or "could n't"), a comparative or a word after "so"/"more" says the
                  most, not the opposite: "i 've never been happier", "never felt so welcome", "could n't
                  be worse" keep their sign; when "never" is the negator nearest before it, not any
                  "never" of the sentence ("the bus was never late , but the meal was not better" complains)
    vote          ±strength, the sign flipped when negated
    counted       the vote, if I am not described, no contrast follows me (X but Y: only Y counts; when
                  Y has no polar word, X counts with its sign flipped: "the view is nice but the rooms are
                  dark"; a clause ending on a bare "not"/"n't" is a contrast too, negating the predicate
                  of the clause before it: "the service was great , the food was not ."; an exclamation
                  "what a …" votes +1 when no polar word stands in its clause: "what a view !")
                  and the sentence has no "?" (a question asserts nothing: "was the hotel nice ?" is
                  neutral), unless the question is rhetorical: a negative question ("is n't it terrible ?", "do n't you love
                  it ?") or a statement with a tag ("the cake was lovely , was n't it ?") asserts what
                  it asks the hearer to agree with, and a question opening with "why" asserts its
                  complaints ("why is the wifi so slow ?"), "so" + a plain adjective among them ("why are
                  the rents so high ?")
    sentiment     positive if the positive votes outweigh the negative ones, negative if the reverse,
                  neutral if they balance, and so when no polar word is left

An exclamation mark ends a clause and adds no polarity: it makes a polar sentence more emphatic, which a
three-class label does not show, and leaves a sentence with no polar word ("we leave at six !") neutral.
Unknown words (UNK) have the class "-": they never vote.
"""

from __future__ import annotations

from weightsmith import rasp
from weightsmith.library.nlp.notation import (combine, count_all, count_upto, feature, in_negation_scope, nearest_left,
                                              previous)
from weightsmith.library.nlp.sentiment_words import NAMING_CLASSES, POLAR_CLASSES, vocabulary as words

LABELS = ("negative", "neutral", "positive")
MAX_SEQ_LEN = 40
MASS_CAP = 3  # at most this many counted votes of one strength are told apart
POLAR = {cls: int(cls) for cls in POLAR_CLASSES}  # a polar class and its signed strength
NAMING = {cls: cls[1:] for cls in NAMING_CLASSES}  # a polar noun's class, and its polar class when it judges
# the classes whose reading depends on the word before, and the classes before them that change it (any
# other is read as "-", so the lookup that resolves a word has few combinations to tell apart)
WANTED = {"wanted": "+1", "unwanted": "-1"}  # a plain adjective with a wanted pole: its reading right after a negator
NEGATING = ("neg", "never", "nt", "not")  # the word classes that negate the word after them
CONTEXT_READERS = {"like": ("likeprep", "just"), "well": ("as",), "of": ("kind",), "time": ("on",),
                   "enough": ("adj", *WANTED), "neg": ("modal",), "nt": ("modal",), "not": ("modal",), "so": ("never",),
                   "break": ("even",),
                   "dim": (*POLAR, *NAMING, "adj", *WANTED)} | {c: ("poss",) for c in POLAR} | \
    {c: NEGATING for c in WANTED} | {c: ("poss", "the") for c in NAMING}
NEGATORS = ("neg", "never")  # the resolved classes that negate; "never" can also mean "the most"


def vocabulary() -> list[str]:
    """Every word the program knows (others are UNK), UNK included."""
    return list(words().words)


def encode(sentence: list[str]) -> list[int]:
    """The model's input: word ids (the class lookup is a staircase over them)."""
    return words().encode(sentence)


def resolve(cls: str, before: str, after: str) -> str:
    """A word's class in context: the ambiguous words take a polar or a neutral reading."""
    polar_after = after in POLAR or after == "pretty"
    if cls == "like":
        return "-" if before in ("likeprep", "just") else "+1"
    if cls == "pretty":
        return "int" if polar_after or after == "adj" else "+1"
    if cls == "too":  # excess: "too small" and "too strong" are complaints, "too bad" a stronger one
        return "too" if after in ("+1", "+2", "pretty") else "int" if polar_after else "-1" if after == "adj" else "-"
    if cls == "kind":
        return "-" if after == "of" else "+2"
    if cls in ("of", "dim"):  # "kind of" modifies the word after it, like "a bit"; "cosy little" does not
        diminisher = cls == "dim" and before not in CONTEXT_READERS["dim"] or before == "kind"
        return "-" if not diminisher else "-1" if after == "adj" else "dim"
    if cls == "well":
        return "-" if before == "as" else "+1"
    if cls == "time":
        return "+1" if before == "on" else "-"
    if cls == "enough":  # "big enough" meets a need; "not big enough" is a complaint
        return "+1" if before != "-" else "-"
    if cls in ("neg", "nt", "not"):  # "could n't be better" says what "never been better" says
        return "never" if before == "modal" else "neg"
    if cls == "even":  # "even on bad days" concedes; "even better", "we even got an upgrade" do not
        return "even" if after in ("link", "end") else "-"
    if cls == "break":  # "even when she is tired": the concession runs on to the end of the next clause
        return "-" if before == "even" else "break"
    if cls == "what":  # "what a view !"
        return "exclaim" if after == "a" else "-"
    if cls in POLAR and before == "poss":  # "my best friend", "our nervous pony": part of a name, not a judgement
        return "-"
    if cls in NAMING:  # "a book about the war .", "after the festival ,": a topic; "the noise kept us awake" complains
        return "-" if before == "poss" or before == "the" and after == "end" else NAMING[cls]
    if cls in WANTED:  # "the shower is never hot": an unmet expectation; "a hot day" says nothing
        return WANTED[cls] if before in NEGATING else "-"
    if cls == "so":  # "never so crowded" (right after the negator) is a plain "not very"
        return "int" if before == "never" else "excess" if after == "adj" else "so"
    return cls if cls in POLAR or cls in ("int", "never", "but", "break", "question", "just") else "-"


def what_follows(cls: str) -> str:
    """The next word's class as far as `resolve` reads it (a sign, not a strength), so that the lookup
    reading a word's class and its neighbours' has fewer combinations to tell apart."""
    if cls in POLAR or cls in NAMING:
        return "+1" if POLAR[NAMING.get(cls, cls)] > 0 else "-1"
    if cls in ("prep", "on"):  # what a concession opens with: "even in winter", "even when …"
        return "link"
    if cls == "break":  # … or "even when she is tired"; and what ends a topic ("about the war .")
        return "end"
    return "adj" if cls in WANTED else cls if cls in ("pretty", "adj", "of", "a") else "-"


def strength(modifier: str, negated: bool) -> int:
    """How a modifier changes a polar word's strength: +1 intensified ("not very good": +0), diminished → 1,
    "too" + a positive word → 1 (its sign flips in `vote`)."""
    return {"int": 0 if negated else 1, "so": 0 if negated else 1, "dim": -1, "too": -1}.get(modifier, 0)


def vote(cls: str, weight: tuple[str, bool]) -> int | str:
    """The signed vote of a polar word: its strength, modified, never below 1, flipped when negated; "excess" for a
    "so" before a plain adjective ("so high"), which only a question asking why asserts (`asserted`)."""
    modifier, negated = weight
    if cls == "excess":
        return 0 if negated else "excess"
    if cls not in POLAR:
        return 0
    size = max(1, abs(POLAR[cls]) + strength(modifier, negated))
    negative = (POLAR[cls] < 0) != (modifier == "too")  # "too strong" is a complaint
    return -size if negative != negated else size


def _mass(votes: rasp.SOp, sign: int) -> rasp.SOp:
    """Σ |vote| over the counted votes of one sign, as counts of votes reaching each strength (1-3)."""
    side = "pro" if sign > 0 else "contra"
    counts = []
    for level in (1, 2, 3):
        reaches = feature(f"{side}_{level}", lambda v, lv=level: v * sign >= lv, votes)
        counts.append(feature(f"{reaches.label}_count", lambda n: min(n, MASS_CAP), count_all(reaches)))
    total = combine(f"{side}_12", lambda a, b: a + b, counts[0], counts[1])
    return combine("positive_mass" if sign > 0 else "negative_mass", lambda a, b: a + b, total, counts[2])


def how_it_counts(where: tuple[str, bool], polar_in_last: int) -> int | str:
    """How my vote counts, from (my clause, whether I am an exclaiming "what a") and the number of polar words
    in the last clause: 1 in the last clause, -1 in the clause before the last contrast when the last has
    none, else 0; "exclaim" for a "what a" in a last clause with no polar word (it counts +1)."""
    clause, exclaims = where
    if clause == "last":
        return "exclaim" if exclaims and not polar_in_last else 1
    return -1 if clause == "before" and not polar_in_last else 0


def asserted(vote: int | str, asserts: str) -> int:
    """A vote as the sentence asserts it: all of it in a statement or a rhetorical question, only a complaint
    in a "why" question, nothing in a question that asks. An "excess" ("so high") complains only in a "why"
    question: "why are the prices so high ?" says they are too high; "the mountains are so high" says nothing
    good or bad."""
    if vote == "excess":
        return -1 if asserts == "complaints" else 0
    return vote if asserts == "all" or asserts == "complaints" and vote < 0 else 0


def label(pro: int, contra: int) -> str:
    return "positive" if pro > contra else "negative" if contra > pro else "neutral"


def rhetorical(word_class: rasp.SOp) -> tuple[rasp.SOp, rasp.SOp]:
    """(at each position: I am the "n't" of a negative question; what the sentence asserts if it asks: "all",
    "complaints" or "-"). A negative question opens with an auxiliary + "n't" ("is n't it …", "do n't you …":
    "n't" is the second word); a tag question ends with an auxiliary, maybe "n't", and a pronoun after a
    clause break ("…, was n't it ?", "…, was it ?"): both assert what they ask the hearer to agree with. A
    question opening with "why" takes what it asks about as given ("why is the wifi so slow ?" says the wifi
    is slow): a complaint asked as a question. Only its complaints count: "why is your brother so quiet
    tonight ?" wonders, it does not praise."""
    cue = feature("tag_cue", lambda c: c if c in ("nt", "pron", "break") else "-", word_class)
    cue1, cue2, cue3 = (previous(cue, k, default="start", name=f"tag_cue_prev{k}") for k in (1, 2, 3))
    opener = combine("opens_negative_question", lambda c, c2: c == "nt" and c2 == "start", word_class, cue2)
    ends_tag = combine("tag_pronoun_before", lambda c, c1: c == "question" and c1 == "pron", word_class, cue1)
    tag_shape = combine("tag_shape", lambda c2, c3: c2 == "nt" or c3 == "break", cue2, cue3)
    tag = combine("ends_tag", lambda end, shape: end and shape, ends_tag, tag_shape)
    cues = combine("rhetorical_cue", lambda o, t: o or t, opener, tag)
    is_rhetorical = feature("is_rhetorical", lambda n: n > 0, count_all(cues))
    # the first word's class, read at every position (two yes/no flags make a small lookup; two counts did not)
    first_word = rasp.Select(rasp.indices, rasp.indices, lambda key, query: key == 0)
    first_class = rasp.categorical(rasp.Aggregate(first_word, word_class, default="-")).named("first_class")
    why = feature("opens_why", lambda c: c == "why", first_class)
    return opener, combine("rhetoric", lambda r, w: "all" if r else "complaints" if w else "-", is_rhetorical, why)


def contrasted(word_class: rasp.SOp, resolved: rasp.SOp, opener: rasp.SOp, is_break: rasp.SOp) -> rasp.SOp:
    """Where I stand against the last contrast: "last" after it (or everywhere when there is none), "before"
    in the clause just before it, "-" earlier. A contrast is "but"/"however", or a bare "not"/"n't" that ends
    its clause ("the service was great , the food was not ."): the ellipsis negates the predicate of the clause
    before it, which is a contrast without a "but" (after a "but", the "but" is the contrast)."""
    is_but = feature("is_but", lambda c: c == "but", resolved)
    negates_predicate = combine("negates_predicate", lambda c, o: c in ("not", "nt") and not o, word_class, opener)
    bare = combine("bare_negation", lambda n, b: n and b, negates_predicate,
                   previous(is_break, -1, default=True, name="break_after"))
    opened_by = nearest_left(is_break, resolved, default="break", name="clause_opener")
    elliptical = combine("elliptical_contrast", lambda e, o: e and o != "but", bare, opened_by)
    contrast = combine("is_contrast", lambda b, e: b or e, is_but, elliptical)
    return combine("clause_by_contrast", lambda mine, total: "last" if mine == total else "before" if mine == total - 1
                   else "-", count_upto(contrast), count_all(contrast))


def program(word_class: rasp.SOp | None = None, graded: rasp.SOp | None = None) -> rasp.SOp:
    """The classifier; its value at every position is the sentence's label. It reads word ids through
    `word_class`, the id → class staircase, and `graded`, the id → comparative staircase, unless given
    other s-ops holding each word's class and whether it is graded (benchmarks/nlp_sentiment_size.py passes
    lookups from one-hot words, to measure what ids save)."""
    if word_class is None:
        classes = words().classes
        word_class = feature("word_class", lambda i: classes[i], rasp.numerical(rasp.tokens))
    before = previous(word_class, 1, default="-", name="class_before")
    if graded is None:
        comparative = words().graded
        graded = feature("graded", lambda i: comparative[i], rasp.numerical(rasp.tokens))
    after = feature("what_follows", what_follows, previous(word_class, -1, default="-", name="class_after"))
    in_context = combine("class_and_before", lambda c, b: (c, b if b in CONTEXT_READERS.get(c, ()) else "-"),
                         word_class, before)
    resolved = combine("resolved", lambda cb, a: resolve(cb[0], cb[1], a), in_context, after)

    modifier = previous(resolved, 1, default="-", name="modifier_before")
    modifier = feature("modifier", lambda c: c if c in ("int", "so", "dim", "too") else "-", modifier)
    opener, rhetoric = rhetorical(word_class)
    is_negator = combine("is_negator", lambda c, o: c in NEGATORS and not o, resolved, opener)
    is_break = feature("is_clause_break", lambda c: c in ("break", "but", "question"), resolved)
    negated = in_negation_scope(is_negator, is_break, name="negated")
    # a negation judges the first polar word after it; the rest of its clause describes ("was n't bad at all
    # during the festival", "never impatient with the slow walkers", "never dirty or smelly"): no vote. A
    # concession says what the judgement holds against ("always cheerful , even on bad days"): no vote either
    # a correction ("my brother is n't lazy , he is just tired") explains away what the negation denied: after a
    # negation in an earlier clause, "just" concedes like "even", and the rest of its clause does not vote
    mark = combine("judged_or_conceded", lambda c, n: "judged" if c in POLAR and n else "conceded" if c == "even"
                   else "just" if c == "just" and not n else "-", resolved, negated)
    past_negation = feature("after_a_negation", lambda n: n > 0, count_upto(is_negator))
    cut = combine("break_or_past_negation", lambda brk, past: "break" if brk else "past" if past else "-", is_break,
                  past_negation)
    ends = combine("clause_end_or_mark", lambda c, m: "break" if c == "break" else m if m != "just" else "conceded"
                   if c == "past" else "-", cut, mark)
    last_end = nearest_left(feature("is_clause_end_or_mark", lambda e: e != "-", ends), ends, default="break",
                            name="after_mark_or_break")
    described = feature("describes", lambda last: last in ("judged", "conceded"), last_end)
    # (the negator nearest to my left, in my clause when I am negated: "the bus was never late , but the meal was
    # not better" negates "better"; a "never" anywhere in the sentence read it as "never better")
    nearest_negator = nearest_left(feature("is_negator_word", lambda c: c in NEGATORS, resolved), resolved,
                                   default="-", name="nearest_negator")
    by_never = feature("by_never", lambda c: c == "never", nearest_negator)
    the_most = combine("says_the_most", lambda g, m: g or m == "so", graded, modifier)
    the_most = combine("never_the_most", lambda most, never: most and never, the_most, by_never)
    negated = combine("negated_not_the_most", lambda n, most: n and not most, negated, the_most)
    weight = combine("weight", lambda m, n: (m, n), modifier, negated)
    votes = combine("vote", vote, resolved, weight)

    clause = contrasted(word_class, resolved, opener, is_break)
    question_marks = count_all(feature("is_question_mark", lambda c: c == "question", resolved))
    asks = feature("is_question", lambda n: n > 0, question_marks)
    asserts = combine("asserts", lambda question, r: "all" if not question else r, asks, rhetoric)
    said = combine("said_vote", lambda v, d: 0 if d else v, combine("asserted_vote", asserted, votes, asserts),
                   described)
    # only the last clause counts; when it has no polar word ("the view is nice but the rooms are dark", "…, the
    # food was not ."), the clause before the contrast counts, and says the opposite of what it says alone;
    # "what a view !" says something good when nothing in its clause does. (Read from the classes, not the
    # votes, and joined with the vote in one last lookup, so that this runs beside the vote and the model is
    # no deeper for it.)
    polar_in_last = combine("polar_in_last_clause",
                            lambda c, where: c in POLAR and where[0] == "last" and asserted(POLAR[c], where[1]) != 0,
                            resolved, combine("clause_asserts", lambda c, a: (c, a), clause, asserts))
    exclaims = combine("exclaims", lambda c, a: c == "exclaim" and a == "all", resolved, asserts)
    how = combine("how_it_counts", how_it_counts, combine("clause_exclaims", lambda c, e: (c, e), clause, exclaims),
                  count_all(polar_in_last))
    counted = combine("counted_vote", lambda v, h: 1 if h == "exclaim" else v * h, said, how)
    return combine("sentiment", label, _mass(counted, +1), _mass(counted, -1))
