"""The held-out everyday sentences: size, shape, labels, balance, token conventions and phenomenon coverage."""

from collections import Counter

import pytest

from weightsmith.library.nlp.tokenize import SENTENCE_END, tokenize
from weightsmith.tasks.nlp import heldout

DOMAINS = {"household", "food", "family", "work", "travel", "weather", "school", "animals", "feelings", "city",
           "nature"}


def _words(item):
    return item.english if isinstance(item, heldout.HeldoutPair) else item.words


@pytest.mark.parametrize("task", heldout.TASKS)
def test_each_task_has_300_distinct_everyday_items_over_every_domain(task):
    items = heldout.load(task)
    assert len(items) >= 300
    keys = Counter(_words(i) for i in items)
    assert [" ".join(k) for k, n in keys.items() if n > 1] == []
    domains = Counter(i.domain for i in items)
    assert DOMAINS <= set(domains), DOMAINS - set(domains)
    assert min(domains[d] for d in DOMAINS) >= 15


@pytest.mark.parametrize("task", heldout.TASKS)
def test_sentences_are_written_as_the_tokenizer_reads_them(task):
    for item in heldout.load(task):
        words = _words(item)
        assert list(words) == tokenize(" ".join(words)), words
        assert words[-1] in SENTENCE_END and all(words), words
        assert item.phenomena and all(item.phenomena), words


def test_french_references_are_lower_case_tokens_ending_like_the_english():
    for pair in heldout.load("translation"):
        for french in pair.accepted:
            assert all(w and w == w.lower() for w in french), french
            assert french[-1] == pair.english[-1], (pair.english, french)
            # elided words are their own tokens: "l' enfant", never "l'enfant"
            assert not [w for w in french if "'" in w[:-1] and w != "aujourd'hui"], french
        assert pair.french not in pair.variants and len(set(pair.variants)) == len(pair.variants)


def test_translation_covers_the_grammar_of_issue_20():
    counts = Counter(p for pair in heldout.load("translation") for p in pair.phenomena)
    required = ["present", "past", "perfect", "motion-etre", "future", "question", "negation", "never", "nothing",
                "genitive", "possessive", "partitive", "number", "preposition", "coordination", "adverb",
                "ambiguous", "you"]
    assert {p: counts[p] for p in required if counts[p] < 8} == {}
    questions = [pair for pair in heldout.load("translation") if "question" in pair.phenomena]
    assert all(pair.french[:1] == ("est-ce",) for pair in questions)


def test_about_half_of_the_grammaticality_items_are_ungrammatical():
    items = heldout.load("grammaticality")
    share = sum(i.label == "ungrammatical" for i in items) / len(items)
    assert 0.4 <= share <= 0.6
    errors = Counter(p for i in items if i.label == "ungrammatical" for p in i.phenomena)
    assert {e: errors[e] for e in ["agreement", "word-order", "missing-verb", "tense-form"] if errors[e] < 15} == {}
    assert {i.words[-1] for i in items} == set(SENTENCE_END)


def test_sentiment_has_three_roughly_balanced_classes_and_its_phenomena():
    items = heldout.load("sentiment")
    labels = Counter(i.label for i in items)
    assert set(labels) == {"positive", "negative", "neutral"}
    assert min(labels.values()) >= 0.25 * len(items)
    counts = Counter(p for i in items for p in i.phenomena)
    required = ["negation", "intensifier", "diminisher", "contrast", "exclamation", "never", "question"]
    assert {p: counts[p] for p in required if counts[p] < 8} == {}


def test_a_malformed_row_is_an_error_naming_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(heldout, "FOLDER", tmp_path)
    (tmp_path / "sentiment.tsv").write_text("sentence\tlabel\tphenomena\tdomain\nit is fine .\tgood\tplain\tfood\n")
    with pytest.raises(ValueError, match=r"sentiment.tsv:2: label 'good'"):
        heldout.load("sentiment")
    (tmp_path / "sentiment.tsv").write_text("sentence\tlabel\tphenomena\tdomain\nit is fine .\tpositive\t\tfood\n")
    with pytest.raises(ValueError, match="empty field"):
        heldout.load("sentiment")
    with pytest.raises(ValueError, match="no held-out set 'poetry'"):
        heldout.load("poetry")
