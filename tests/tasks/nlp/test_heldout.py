"""The held-out everyday sentences (every set): size, shape, labels, balance, token conventions, phenomenon
coverage, that no two sets share a sentence, and that the later sets have the counts docs/nlp-data.md gives."""

import difflib
import itertools
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from weightsmith.library.nlp.tokenize import SENTENCE_END, tokenize
from weightsmith.tasks.nlp import heldout

DOCS = Path(__file__).parents[3] / "docs" / "nlp-data.md"
VERSIONS = sorted(heldout.VERSIONS)
EVERY = [(task, version) for version in VERSIONS for task in heldout.TASKS]
DOMAINS = {"household", "food", "family", "work", "travel", "weather", "school", "animals", "feelings", "city",
           "nature"}


def _words(item):
    return item.english if isinstance(item, heldout.HeldoutPair) else item.words


@pytest.mark.parametrize("task, version", EVERY)
def test_each_task_has_300_distinct_everyday_items_over_every_domain(task, version):
    items = heldout.load(task, version)
    assert len(items) >= 300
    keys = Counter(_words(i) for i in items)
    assert [" ".join(k) for k, n in keys.items() if n > 1] == []
    domains = Counter(i.domain for i in items)
    assert DOMAINS <= set(domains), DOMAINS - set(domains)
    assert min(domains[d] for d in DOMAINS) >= 15


@pytest.mark.parametrize("task, version", EVERY)
def test_sentences_are_written_as_the_tokenizer_reads_them(task, version):
    for item in heldout.load(task, version):
        words = _words(item)
        assert list(words) == tokenize(" ".join(words)), words
        assert words[-1] in SENTENCE_END and all(words), words
        assert item.phenomena and all(item.phenomena), words


@pytest.mark.parametrize("version", VERSIONS)
def test_french_references_are_lower_case_tokens_ending_like_the_english(version):
    for pair in heldout.load("translation", version):
        for french in pair.accepted:
            assert all(w and w == w.lower() for w in french), french
            assert french[-1] == pair.english[-1], (pair.english, french)
            # elided words are their own tokens: "l' enfant", never "l'enfant"
            assert not [w for w in french if "'" in w[:-1] and w != "aujourd'hui"], french
        assert pair.french not in pair.variants and len(set(pair.variants)) == len(pair.variants)


@pytest.mark.parametrize("version", VERSIONS)
def test_translation_covers_the_grammar_of_issue_20(version):
    counts = Counter(p for pair in heldout.load("translation", version) for p in pair.phenomena)
    required = ["present", "past", "perfect", "motion-etre", "future", "question", "negation", "never", "nothing",
                "genitive", "possessive", "partitive", "number", "preposition", "coordination", "adverb",
                "ambiguous", "you"]
    assert {p: counts[p] for p in required if counts[p] < 8} == {}
    questions = [pair for pair in heldout.load("translation", version) if "question" in pair.phenomena]
    assert all(pair.french[:1] == ("est-ce",) for pair in questions)


@pytest.mark.parametrize("version", VERSIONS)
def test_about_half_of_the_grammaticality_items_are_ungrammatical(version):
    items = heldout.load("grammaticality", version)
    share = sum(i.label == "ungrammatical" for i in items) / len(items)
    assert 0.4 <= share <= 0.6
    errors = Counter(p for i in items if i.label == "ungrammatical" for p in i.phenomena)
    assert {e: errors[e] for e in ["agreement", "word-order", "missing-verb", "tense-form"] if errors[e] < 15} == {}
    assert {i.words[-1] for i in items} == set(SENTENCE_END)


@pytest.mark.parametrize("version", VERSIONS)
def test_sentiment_has_three_roughly_balanced_classes_and_its_phenomena(version):
    items = heldout.load("sentiment", version)
    labels = Counter(i.label for i in items)
    assert set(labels) == {"positive", "negative", "neutral"}
    assert min(labels.values()) >= 0.25 * len(items)
    counts = Counter(p for i in items for p in i.phenomena)
    required = ["negation", "intensifier", "diminisher", "contrast", "exclamation", "never", "question"]
    assert {p: counts[p] for p in required if counts[p] < 8} == {}


@pytest.mark.parametrize("version", VERSIONS)
def test_a_malformed_row_is_an_error_naming_its_line(tmp_path, monkeypatch, version):
    monkeypatch.setattr(heldout, "DATA", tmp_path)
    file = tmp_path / heldout.VERSIONS[version] / "sentiment.tsv"
    file.parent.mkdir()
    file.write_text("sentence\tlabel\tphenomena\tdomain\nit is fine .\tgood\tplain\tfood\n")
    with pytest.raises(ValueError, match=r"sentiment.tsv:2: label 'good'"):
        heldout.load("sentiment", version)
    file.write_text("sentence\tlabel\tphenomena\tdomain\nit is fine .\tpositive\t\tfood\n")
    with pytest.raises(ValueError, match="empty field"):
        heldout.load("sentiment", version)
    with pytest.raises(ValueError, match="no held-out set 'poetry'"):
        heldout.load("poetry", version)


def test_an_unknown_version_is_an_error_and_version_1_is_the_default():
    with pytest.raises(ValueError, match="no held-out version 24; versions are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, "
                                         "11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23"):
        heldout.load("sentiment", 24)
    assert heldout.load("sentiment") == heldout.load("sentiment", 1)
    assert sorted(heldout.VERSIONS) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                                       22, 23]


ERRORS = {"agreement", "tense-form", "word-form", "word-order", "missing-verb", "time-adverb", "preposition-error",
          "determiner", "do-support", "missing-word", "extra-word", "double-negation"}


@pytest.mark.parametrize("version", [v for v in VERSIONS if v > 1])
def test_each_ungrammatical_item_names_the_one_error_it_makes(version):
    # the later sets report accuracy per error kind (docs/nlp-data.md), so every error is tagged, once
    for item in heldout.load("grammaticality", version):
        errors = ERRORS & set(item.phenomena)
        assert len(errors) == (item.label == "ungrammatical"), (item.words, errors)


@pytest.mark.parametrize("version", [v for v in VERSIONS if v >= 4])
def test_each_ungrammatical_item_is_a_small_change_of_the_grammatical_item_before_it(version):
    # from set 4 on, an error is written right after the sentence it breaks: the pair differs in at most two
    # places (a moved word is two) and at most four tokens, so the pair isolates the error
    items = heldout.load("grammaticality", version)
    assert items[0].label == "grammatical"
    for good, bad in zip(items, items[1:]):
        if bad.label != "ungrammatical":
            continue
        assert good.label == "grammatical" and good.domain == bad.domain, bad.words
        changes = [op for op in difflib.SequenceMatcher(None, good.words, bad.words, autojunk=False).get_opcodes()
                   if op[0] != "equal"]
        assert 1 <= len(changes) <= 2, (good.words, bad.words)
        assert sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in changes) <= 4, (good.words, bad.words)


@pytest.mark.parametrize("first, second", list(itertools.combinations(VERSIONS, 2)))
def test_no_two_sets_share_a_sentence_in_any_task(first, second):
    # a scored and read set no longer checks a program written after the reading, so a later set that
    # repeated one of its sentences would not be an independent check
    earlier = {_words(i) for task in heldout.TASKS for i in heldout.load(task, first)}
    shared = [" ".join(_words(i)) for task in heldout.TASKS for i in heldout.load(task, second)
              if _words(i) in earlier]
    assert shared == []


@pytest.mark.parametrize("version", [v for v in VERSIONS if v >= 4])
def test_no_sentence_is_in_two_tasks_of_one_set(version):
    # from set 4 on, the three files of a set are written apart, so a score on one task says nothing about
    # a sentence already seen in another
    seen = [{_words(i) for i in heldout.load(task, version)} for task in heldout.TASKS]
    assert [" ".join(w) for a, b in itertools.combinations(seen, 2) for w in a & b] == []


NEAR_COPY = 0.80


def _close_candidates(earlier: list[tuple[str, ...]]):
    """A function giving, for a sentence, the earlier sentences whose difflib quick_ratio with it reaches NEAR_COPY.

    quick_ratio (twice the tokens two sentences share, counted as multisets, over their summed lengths) is an upper
    bound of ratio(), so only these need the quadratic matcher. The shared counts come from one inverted index of the
    earlier sentences' tokens, summed with numpy: pairing every sentence with every earlier one in Python grew with
    each set (95 CPU s for set 11 alone)."""
    lengths = np.array([len(words) for words in earlier])
    postings: dict[str, tuple[list[int], list[int]]] = {}
    for row, words in enumerate(earlier):
        for token, count in Counter(words).items():
            rows, counts = postings.setdefault(token, ([], []))
            rows.append(row)
            counts.append(count)
    index = {token: (np.array(rows), np.array(counts)) for token, (rows, counts) in postings.items()}

    def candidates(words: tuple[str, ...]) -> list[tuple[str, ...]]:
        shared = np.zeros(len(earlier), dtype=np.int64)
        for token, count in Counter(words).items():
            if token in index:
                rows, counts = index[token]
                shared[rows] += np.minimum(counts, count)
        # difflib computes the ratio as 2.0 * matches / total; the same float expression keeps the bound exact
        close = 2.0 * shared / (lengths + len(words)) >= NEAR_COPY
        return [earlier[row] for row in np.flatnonzero(close)]

    return candidates


@pytest.mark.parametrize("version", [v for v in VERSIONS if v >= 6])
def test_no_sentence_is_a_near_copy_of_an_earlier_set(version):
    # everyday sentences converge: an exact-copy check misses "the roof leaks when it rains hard ." beside
    # "the roof leaks when it rains .", which checks the same thing; from set 6 on, no sentence of a set is that
    # close (difflib ratio over tokens) to any sentence of an earlier set, in any task
    earlier = sorted({_words(i) for v in VERSIONS if v < version for task in heldout.TASKS
                      for i in heldout.load(task, v)})
    candidates = _close_candidates(earlier)
    near = []
    for task in heldout.TASKS:
        for item in heldout.load(task, version):
            for old in candidates(_words(item)):
                if difflib.SequenceMatcher(None, old, _words(item), autojunk=False).ratio() >= NEAR_COPY:
                    near.append((" ".join(_words(item)), " ".join(old)))
    assert near == []


def test_the_near_copy_prefilter_keeps_every_pair_difflib_finds_close():
    # the prefilter may only skip pairs whose ratio cannot reach NEAR_COPY: checked against difflib itself on
    # sentences one to three edits apart (the close ones) and on unrelated ones
    earlier = sorted({_words(i) for task in heldout.TASKS for i in heldout.load(task, 1)})
    candidates = _close_candidates(earlier)
    probes = [old[:-1] for old in earlier[:40]] + [old + ("too",) for old in earlier[40:80]] \
        + [tuple(reversed(old)) for old in earlier[80:100]] + [("a", "b", "c"), earlier[100]]
    found = 0
    for words in probes:
        kept = set(candidates(words))
        for old in earlier:
            if difflib.SequenceMatcher(None, old, words, autojunk=False).ratio() >= NEAR_COPY:
                assert old in kept, (words, old)
                found += 1
    assert found >= 80  # the probes were close to something: the law was exercised


def _documented_counts(version: int) -> dict[str, list[int]]:
    """The numbers in the rows of the table of docs/nlp-data.md's "Set <version>" section, per file."""
    section = DOCS.read_text(encoding="utf-8").split(f"### Set {version}", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `(\w+)\.tsv` \|(.*)$", section, flags=re.M)
    return {task: [int(n) for n in re.findall(r"\d+", cells)] for task, cells in rows}


@pytest.mark.parametrize("version", [v for v in VERSIONS if v > 1])
def test_a_later_set_has_the_counts_the_docs_give(version):
    documented = _documented_counts(version)
    assert set(documented) == set(heldout.TASKS)
    for task in heldout.TASKS:
        items = heldout.load(task, version)
        labels = Counter(getattr(i, "label", None) for i in items)
        measured = [len(items)] + [labels[label] for label in heldout.LABELS.get(task, ())]
        assert documented[task] == measured, (version, task)
