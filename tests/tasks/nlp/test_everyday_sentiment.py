"""The generated three-class sentiment corpus: reproducible from its seeds, balanced, splits disjoint."""

from collections import Counter

import pytest

from tests.tasks.nlp.seeded import assert_files_are_the_generators
from weightsmith.tasks.nlp import dictionary, everyday_sentiment
from weightsmith.tasks.nlp.dictionary import sources

if dictionary.missing():
    pytest.skip("lexical resources not installed: " + "; ".join(dictionary.missing()), allow_module_level=True)


def test_the_files_are_what_the_generator_makes_from_the_seeds():
    if sources.pivot_missing():  # (the files hold adjectives the pivot gives French: illegal, selfish, fiscal)
        pytest.skip("the files were generated with the Apertium pivot, not installed: " + "; ".join(sources.pivot_missing()))
    assert_files_are_the_generators(everyday_sentiment)


def test_labels_are_balanced_and_the_phenomena_are_all_there():
    for split in everyday_sentiment.SPLITS:
        examples = everyday_sentiment.load(split)
        assert set(Counter(e.label for e in examples).values()) == {400}
        tags = Counter(t for e in examples for t in e.phenomena)
        for tag in ("negation", "never", "intensifier", "diminisher", "contrast", "coordination", "exclamation",
                    "ambiguous", "too", "plain"):
            assert tags[tag] >= 50, (split, tag)


def test_an_unknown_split_is_an_error():
    with pytest.raises(ValueError, match="no split 'train'"):
        everyday_sentiment.path("train")
