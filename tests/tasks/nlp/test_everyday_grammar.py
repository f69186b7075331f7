"""The generated grammaticality corpus: reproducible from its seeds, minimal pairs, every error type, splits
disjoint."""

from collections import Counter

import pytest

from tests.tasks.nlp.seeded import assert_files_are_the_generators
from weightsmith.tasks.nlp import dictionary, everyday_grammar

if dictionary.missing():
    pytest.skip("lexical resources not installed: " + "; ".join(dictionary.missing()), allow_module_level=True)


def test_the_files_are_what_the_generator_makes_from_the_seeds():
    assert_files_are_the_generators(everyday_grammar)


def test_minimal_pairs_with_every_error_type():
    for split in everyday_grammar.SPLITS:
        items = everyday_grammar.load(split)
        assert Counter(i.label for i in items) == {"grammatical": 600, "ungrammatical": 600}
        for good, bad in zip(items[::2], items[1::2]):
            assert good.error == "-" and bad.error in everyday_grammar.ERRORS and good.constructions == bad.constructions
        assert set(everyday_grammar.ERRORS) <= {i.error for i in items}
        assert {"present", "past", "future", "perfect", "progressive", "negation", "never", "question",
                "exclamation", "coordination", "preposition", "adjective", "time-adverb", "adverb", "quantifier",
                "verb-coordination", "declarative-question", "comparative", "complement", "verb-complement",
                "uncountable", "duration", "preposition-pronoun", "manner-adverb", "a-little"} <= {
                    t for i in items for t in i.constructions}


def test_an_unknown_split_is_an_error():
    with pytest.raises(ValueError, match="no split"):
        everyday_grammar.path("train")
