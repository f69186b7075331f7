"""Per-word French positions: a noun phrase's French read back from its words' parts is its plan, for any
window; a speaker's plan with markers and parts speaks what its plan spoke; each part stays small.

The random windows are the subject fold's (`test_dictionary_translation.windows`), plus the benchmark's
noun-phrase-shaped ones for the bound on the parts' values.
"""

import random
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler.values import MAX_COMBINATIONS
from weightsmith.library.nlp import dictionary_translation as dt
from weightsmith.library.nlp import french_positions as fp
from weightsmith.library.nlp import translation_grammar as grammar
from tests.library.nlp.test_dictionary_translation import windows
from tests.library.nlp.test_translation_grammar import BOOK_CLAUSE, BOOK_WINDOW, CLAUSES

# (the imperative's "imp" subject never meets a question's être: `plan` has no person for it)
PLAN_CLAUSES = CLAUSES.map(lambda c: dict(c, subject=("3p", "f")) if c["subject"][0] == "imp" else c)
AFTERS = st.sampled_from([None, ("POSS_S",), ("BE", "pres", "sg"), ("PUNCT", "."), ("AGO",), ("V", "3s", "", "")])


def _spoken(spoken: fp.SpokenParts) -> tuple:
    """The plan a speaker's markers and parts stand for."""
    return tuple(fp.entry_at(spoken.parts, fp.marker_index(c)) if c.startswith(fp.MARKER) else (b, c)
                 for b, c in spoken.plan)


@given(window=windows(), clause=CLAUSES)
@settings(max_examples=3_000, deadline=None)
def test_a_noun_phrase_read_from_its_words_parts_is_its_plan(window, clause):
    """Every French position k of a noun phrase: the one part whose span holds k gives the plan's entry k,
    and no part holds a position past the phrase. (Fails if a segment is cut from the wrong words, e.g. très
    given to the noun instead of its adjective, or an offset counted without the group's words.)"""
    if window[0][0] != "N":
        return
    phrase = grammar.noun_phrase_parts(window, clause)
    segments = grammar.noun_phrase_segments(phrase.structure, phrase.agreement)
    plan = grammar.noun_phrase(window, clause)[0]
    assert tuple(e for _, entries in segments for e in entries) == plan
    parts = fp.word_parts(segments)
    assert parts is not None
    for k, entry in enumerate(plan):
        assert [p for key, p in zip(fp.PART_KEYS, parts) if fp.part_entry(key, p, k)] != []
        assert fp.entry_at(parts, k) == entry
        assert sum(fp.part_entry(key, p, k) is not None for key, p in zip(fp.PART_KEYS, parts)) == 1
    assert fp.entry_at(parts, len(plan)) is None


@given(window=windows(), after=AFTERS, clause=PLAN_CLAUSES)
@settings(max_examples=3_000, deadline=None)
def test_a_speakers_markers_and_parts_speak_its_plan(window, after, clause):
    """Whatever the word (a noun speaking its phrase with que / il y a / est-ce before it, or not), its plan
    with markers, read through its parts, is the plan; a noun's phrase leaves only markers in its plan."""
    plan = grammar.plan(window, after, clause)
    spoken = fp.speaker_parts(window, clause, plan)
    assert _spoken(spoken) == plan
    markers = [c for _, c in spoken.plan if c.startswith(fp.MARKER)]
    assert markers == [f"{fp.MARKER}{k}" for k in range(len(markers))]
    if not markers:
        assert spoken.parts == fp.NO_PARTS


def test_a_noun_phrase_with_a_possessor_is_cut_by_word():
    """to the child 's very big red book: au | très grand | livre | rouge | de l' | enfant."""
    phrase = grammar.noun_phrase_parts(BOOK_WINDOW, BOOK_CLAUSE)
    parts = dict(zip(fp.PART_KEYS, fp.word_parts(grammar.noun_phrase_segments(phrase.structure, phrase.agreement))))
    assert {k: p for k, p in parts.items() if p != fp.NO_PART} == {
        ("det", 0): (0, ("=au",)), ("word", 2): (1, ("=très", "a.m.sg")), ("word", 0): (3, ("n.sg",)),
        ("word", 1): (4, ("a.m.sg",)), ("det", 1): (5, ("=de", "=l'")), ("word", 5): (7, ("n.sg",))}


def test_each_part_pairs_with_the_slots_within_what_the_compiler_enumerates():
    """The parts' values on 20,000 of the benchmark's noun-phrase windows (`--structures`; a sample, so a
    bound from below): each part's lookup pairs its values with the MAX_PLAN + 1 slot indices, and that
    must stay within the compiler's limit; the whole structures of the same windows are many more (the
    product across the parts that no lookup reads any more). And the census of step 4 over what was seen
    (`speaking_program` over the (markers, parts) pairs: value-set inference pairs whole value sets, as
    compiling does): no lookup past the compiler's limit."""
    sys.path.insert(0, str(Path(__file__).parents[3] / "benchmarks"))
    import nlp_translation

    rng, by_kind = random.Random(5), dt.readings_by_kind()
    seen: list[set] = [set() for _ in fp.PART_KEYS]
    structures, spoken = set(), set()
    for _ in range(20_000):
        clause = dict(subject=("3s", "m"), negated=rng.random() < 0.3, question=None, q_subject=False,
                      verb_before=rng.choice(("none", "generic", "other", "be")), after_q_subject=False, index=0,
                      you=rng.choice(dt.YOU))
        window = nlp_translation._noun_phrase_window(rng, by_kind)
        structures.add(grammar.noun_phrase_parts(window, clause).structure)
        words = fp.speaker_parts(window, clause, grammar.noun_phrase(window, clause)[0])
        spoken.add((words.plan, words.parts))
        for values, part in zip(seen, words.parts):
            values.add(part)
    sizes = [len(values) for values in seen]
    assert max(sizes) * (dt.MAX_PLAN + 1) <= MAX_COMBINATIONS, sizes
    assert len(structures) > 5 * max(sizes)
    for output in dt.SPEAKING_OUTPUTS:
        census = nlp_translation.census(dt.speaking_program(sorted(spoken, key=repr), output),
                                        set(range(len(spoken) + 1)))
        assert census["past_the_cap"] == 0 and census["within_the_cap_but_past_the_compilers_limit"] == {}, census


@given(speakers=st.lists(st.tuples(windows(), AFTERS, PLAN_CLAUSES), min_size=1, max_size=3))
@settings(max_examples=150, deadline=None)
def test_step_4_speaks_through_the_parts_what_it_speaks_of_the_plans(speakers):
    """Step 4 (`dt.speaking_program`, each output) over speakers' plans with markers and parts gives, at
    every position, what it gives over the same plans written out with no parts: each view of the spoken
    entry (distance, the code's address) merged from the plan's and the phrase's apart is the view of the
    entry the plan held. (Fails if a view is taken from the plan's entry alone: a marker has no address.)"""
    plans = [grammar.plan(window, after, clause) for window, after, clause in speakers]
    spoken = [fp.speaker_parts(window, clause, plan) for (window, _, clause), plan in zip(speakers, plans)]
    tokens = [*range(len(speakers)), *[len(speakers)] * (sum(map(len, plans)) + 2)]
    for output in dt.SPEAKING_OUTPUTS:
        marked = dt.speaking_program([(s.plan, s.parts) for s in spoken], output)
        written = dt.speaking_program([(plan, fp.NO_PARTS) for plan in plans], output)
        assert rasp.evaluate(marked, tokens) == rasp.evaluate(written, tokens)
