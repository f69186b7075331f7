"""Per-word French positions: a noun phrase's French read back from its words' parts, and a verb group's
from its roles' parts, is its plan, for any window; a speaker's plan with markers and parts speaks what its
plan spoke; each part stays small.

The random windows are the subject fold's (`test_dictionary_translation.windows`) and the verb groups'
(`test_translation_grammar.verb_windows`, and être's with not or an intensifier after it), plus the
benchmark's noun-phrase- and verb-group-shaped ones for the bound on the parts' values.
"""

import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler.values import MAX_COMBINATIONS
from weightsmith.library.nlp import dictionary_translation as dt
from weightsmith.library.nlp import french_positions as fp
from weightsmith.library.nlp import translation_grammar as grammar
from tests.library.nlp.test_dictionary_translation import windows
from tests.library.nlp.test_translation_grammar import BOOK_CLAUSE, BOOK_WINDOW, CLAUSES, verb_windows

AFTERS = st.sampled_from([None, ("POSS_S",), ("BE", "pres", "sg"), ("PUNCT", "."), ("AGO",), ("V", "3s", "", "")])
VERB_AFTERS = st.sampled_from([None, ("OBJ", "le", "lui"), ("OBJ", "lui", "lui"), ("NEG", "pas"), ("PUNCT", "."),
                               ("NOTHING", "rien"), ("ANY", "rien"), ("DET", "no"), ("ADV", "bien", False),
                               ("PART", "up"), ("A", False, False, False, "base", False, False)])


@st.composite
def verb_speakers(draw) -> tuple:
    """A window whose word speaks a verb group: a verb or être (`verb_windows`), or not / very after être
    (n'est pas, il est très)."""
    window = draw(verb_windows())
    if window[0][0] == "BE" and draw(st.booleans()):
        return (draw(st.sampled_from([("NEG", "pas"), ("NEG", "jamais"), ("ADV", "très", False)])), *window[:-1])
    return window


SPEAKERS = st.one_of(windows(), verb_speakers())


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
        assert fp.entry_at(parts, k) == entry
        assert sum(fp.part_entry(p, k) is not None for p in parts) == 1
    assert fp.entry_at(parts, len(plan)) is None


@given(window=verb_speakers(), after=VERB_AFTERS, clause=CLAUSES)
@settings(max_examples=3_000, deadline=None)
def test_a_verb_group_read_from_its_roles_parts_is_its_plan(window, after, clause):
    """Every French position k of a verb group: the one part whose span holds k gives the group's entry k,
    and no part holds a position past the group. (Fails if a role's French is cut in two, or an offset is
    counted without a role before it, e.g. the mid adverbs.)"""
    group = fp.verb_group_spoken(window, after, clause)
    segments = grammar.verb_group_segments(*group)
    french = grammar.speak_verb_group(*group)
    assert tuple(e for _, entries in segments for e in entries) == french
    parts = fp.phrase_parts(segments, grammar.VERB_ROLES)
    assert parts is not None and len(parts) == fp.SLOTS
    for k, entry in enumerate(french):
        assert fp.entry_at(parts, k) == entry
        assert sum(fp.part_entry(p, k) is not None for p in parts) == 1
    assert fp.entry_at(parts, len(french)) is None


def _a_state_where_resolve_keeps_it(window: tuple, clause: dict) -> bool:
    """`grammar.resolve` keeps a participle's pronominal-state reading ("e": ils s'ennuient) only right after
    être, after a negation after être, or after an être question's subject: a random window holding it anywhere
    else is no sentence's window (drawn at the start of a statement, with nothing before it, it spoke its group
    with no marker — a window the translator never sees)."""
    me, before, before2 = window[0], window[1], window[2]
    if me is None or me[0] != "V" or me[2] != "e":
        return True
    return grammar._kind(before) == "BE" or grammar._kind(before) == "NEG" and grammar._kind(before2) == "BE" or \
        str(clause["question"] or "").startswith("be") and grammar._kind(before) in ("N", "S")


@given(window=SPEAKERS, after=st.one_of(AFTERS, VERB_AFTERS), clause=CLAUSES)
@settings(max_examples=4_000, deadline=None)
def test_a_speakers_markers_and_parts_speak_its_plan(window, after, clause):
    """Whatever the word (a noun speaking its phrase with que / il y a / est-ce before it, a verb, être or not
    speaking its verb group with il / c'est / est-ce que before it, or neither), its plan with markers, read
    through its parts, is the plan; a phrase leaves only markers in its plan, and a verb speaking its group
    always does (fails if `speaker_parts` stops recognising the group the grammar speaks); the question's words
    (`translation_grammar.Asked`) are its first markers, read from the part `ASKED`, and the plan is the one
    it has with them left in what it says before its own French; what it says before its own French after
    them, and only that, is markers "@p-<m>" ... "@p-1" read from the part `BEFORE`."""
    assume(_a_state_where_resolve_keeps_it(window, clause))
    plan = grammar.plan(window, after, clause)
    spoken = fp.spoken_by(window, after, clause)
    assert _spoken(spoken) == plan
    assert spoken.plan == fp.speaker_parts(window, after, clause, plan).plan
    asked = grammar.planned(window, after, clause).words()[0]
    assert spoken.parts[fp.ASKED] == fp.asked_part(asked, fp.said_before(spoken.parts))
    plan, spoken = plan[len(asked):], fp.SpokenParts(spoken.plan[len(asked):], spoken.parts)
    markers = [c for _, c in spoken.plan if c.startswith(fp.MARKER)]
    before = -fp.marker_index(markers[0]) if markers and fp.marker_index(markers[0]) < 0 else 0
    assert markers == [f"{fp.MARKER}{k}" for k in range(-before, len(markers) - before)]
    assert all(not fp._own_entry(entry) for entry in plan[:before])  # all it says before its own French
    assert before == len(plan) or fp._own_entry(spoken.plan[before])
    if not markers:
        assert spoken.parts[:fp.ASKED] == fp.NO_PARTS[:fp.ASKED]
    if window[0][0] == "V" and grammar._verb_role(window) == "group" and not (clause["index"] == 0 and clause["question"]) \
            and not grammar._question_participle(window, clause):
        # (the question's first word speaks est-ce only; a participle right after an être question's subject speaks
        # its own agreeing form, and été before it, not a verb group: `_question_participle_plan`)
        assert markers, plan


SINGULAR = st.sampled_from([("1s", "m"), ("2s", "m"), ("3s", "m")])
BE_QUESTIONS = st.builds(dict, CLAUSES, after_q_subject=st.just(True), question=st.sampled_from(["be-pres", "be-past"]))


@given(window=SPEAKERS, after=st.one_of(AFTERS, VERB_AFTERS), clause=BE_QUESTIONS, one=SINGULAR, other=SINGULAR)
@settings(max_examples=2_000, deadline=None)
def test_what_a_speaker_says_before_its_own_french_leaves_its_plan_alone(window, after, clause, one, other):
    """A question that starts with être says it after its subject, by the subject's person (est-ce que je suis |
    en retard, est-ce qu'il est | en retard): whatever the word after the subject, its plan is the same for any
    two subjects of one number and gender — the parts tell them apart (the part `BEFORE`, a verb group's
    agreement). Fails with the cut undone (`_cut_before` keeping the plan whole: the plans came in a copy per
    person, docs/nlp.md trc14)."""
    spoken = [fp.spoken_by(window, after, c) for c in (dict(clause, subject=one), dict(clause, subject=other))]
    assert spoken[0].plan == spoken[1].plan


def test_the_question_s_etre_is_said_before_the_speaker_by_its_part():
    """(are) i / you / he late: the adjective after the subject says être by person, which its plan leaves to
    the part of the question's words: est-ce que je suis | en retard, est-ce qu'il est | en retard."""
    late = ("A", False, False, False, "base", False, False)
    window = (late, ("S", "1s", "m", "je"), ("BE", "pres"), None, None, None, None, None)
    clause = dict(subject=("1s", "m"), negated=False, verb_before="be", question="be-pres", q_subject=False,
                  after_q_subject=True, index=2, you="vous")
    spoken = [fp.spoken_by(window, None, c) for c in (clause, dict(clause, subject=("3s", "m")))]
    assert [s.plan for s in spoken] == [((0, f"{fp.MARKER}-1"), (0, "a.m.sg"))] * 2
    assert [s.parts[fp.ASKED] for s in spoken] == [(-1, ((grammar.FIRST_WORD, "v.pres.0"),)),
                                                   (-1, ((grammar.FIRST_WORD, "v.pres.2"),))]
    assert all(p == fp.NO_PART for s in spoken for p in s.parts[:fp.ASKED])


def test_a_verb_group_is_cut_by_role():
    """she can not come: ne | peut | pas | venir, each its role's part."""
    come = ("V", "base", False, False, ())
    can = ("MODAL", ("peux", "peux", "peut", "pouvons", "pouvez", "peuvent"))
    clause = dict(subject=("3s", "f"), negated=True, verb_before="none", question=None, q_subject=False,
                  after_q_subject=False, index=0, you="vous")
    window = (come, ("NEG", "pas"), can, None, None, None, None, None)
    spoken = fp.speaker_parts(window, None, clause, grammar.plan(window, None, clause))
    assert spoken.plan == tuple((0, f"{fp.MARKER}{k}") for k in range(4))
    assert {k: p for k, p in zip(grammar.VERB_ROLES, spoken.parts) if p != fp.NO_PART} == {
        ("ne", 0): (0, ((0, "=ne"),)), ("finite", 0): (1, ((0, "=peut"),)), ("not", 0): (2, ((0, "=pas"),)),
        ("verb", 0): (3, ((0, "v.inf"),))}


def test_a_noun_phrase_with_a_possessor_is_cut_by_word():
    """to the child 's very big red book: au | très grand | livre | rouge | de l' | enfant."""
    phrase = grammar.noun_phrase_parts(BOOK_WINDOW, BOOK_CLAUSE)
    parts = dict(zip(fp.PART_KEYS, fp.word_parts(grammar.noun_phrase_segments(phrase.structure, phrase.agreement))))
    assert {k: p for k, p in parts.items() if p != fp.NO_PART} == {
        ("det", 0): (0, ((0, "=au"),)), ("word", 2): (1, ((0, "=très"), (2, "a.m.sg"))), ("word", 0): (3, ((0, "n.sg"),)),
        ("word", 1): (4, ((1, "a.m.sg"),)), ("det", 1): (5, ((0, "=de"), (0, "=l'"))), ("word", 5): (7, ((5, "n.sg"),))}


@pytest.mark.parametrize("phrases, windows, structures_per_value", [("noun_phrase_structures", 20_000, 5),
                                                                      ("verb_group_structures", 10_000, 5)])
def test_each_part_pairs_with_the_slots_within_what_the_compiler_enumerates(phrases, windows, structures_per_value):
    """The parts' values on the benchmark's noun-phrase and verb-group windows (`--structures`,
    `--verb-groups`; a sample, so a bound from below): each part's lookup pairs its values with the
    MAX_PLAN + 1 slot indices, and that must stay within the compiler's limit; the whole structures of the
    same windows are many more (the product across the parts that no lookup reads any more). And the census
    of step 4 over what was seen (`speaking_program` over the (markers, parts) pairs: value-set inference
    pairs whole value sets, as compiling does): no lookup past the compiler's limit."""
    sys.path.insert(0, str(Path(__file__).parents[3] / "benchmarks"))
    import nlp_translation

    seen = getattr(nlp_translation, phrases)(windows, seed=5)
    largest = max(seen["parts"].values())
    assert largest * (dt.MAX_PLAN + 1) <= MAX_COMBINATIONS, seen["parts"]
    assert seen["growth"][windows]["structures"] > structures_per_value * largest, seen["growth"]
    for output, census in seen["step_4_census"].items():
        assert census["past_the_cap"] == 0 and census["within_the_cap_but_past_the_compilers_limit"] == {}, census


@given(speakers=st.lists(st.tuples(SPEAKERS, st.one_of(AFTERS, VERB_AFTERS), CLAUSES), min_size=1, max_size=3))
@settings(max_examples=150, deadline=None)
def test_step_4_speaks_through_the_parts_what_it_speaks_of_the_plans(speakers):
    """Step 4 (`dt.speaking_outputs`, each output) over speakers' plans with markers and parts gives, at
    every position, what it gives over the same plans written out with no parts: each view of the spoken
    entry (distance, the code's address) merged from the plan's and the phrase's apart is the view of the
    entry the plan held. (Fails if a view is taken from the plan's entry alone: a marker has no address.)"""
    plans = [grammar.plan(window, after, clause) for window, after, clause in speakers]
    spoken = [fp.spoken_by(window, after, clause) for window, after, clause in speakers]
    tokens = [*range(len(speakers)), *[len(speakers)] * (sum(map(len, plans)) + 2)]
    marked = dt.speaking_outputs([(s.plan, s.parts, fp.NO_LOOK) for s in spoken])
    written = dt.speaking_outputs([(plan, fp.NO_PARTS, fp.NO_LOOK) for plan in plans])
    for output in dt.SPEAKING_OUTPUTS:
        assert rasp.evaluate(marked[output], tokens) == rasp.evaluate(written[output], tokens), output
