"""The generated translation corpus: reproducible from its seeds, splits disjoint, phenomena all there, and
written in the held-out data's conventions (tokens as `tokenize` reads them)."""

from collections import Counter

import pytest

from weightsmith.library.nlp.tokenize import tokenize
from weightsmith.tasks.nlp import dictionary, everyday_translation

if dictionary.missing():
    pytest.skip("lexical resources not installed: " + "; ".join(dictionary.missing()), allow_module_level=True)


def test_the_splits_are_reproducible_disjoint_and_large_enough():
    dev, test = everyday_translation.load("dev"), everyday_translation.load("test")
    assert list(dev) == everyday_translation.generate(everyday_translation.PER_SPLIT, everyday_translation.SPLITS["dev"])
    assert len(dev) + len(test) >= 2000 and not {e.english for e in dev} & {e.english for e in test}


def test_every_phenomenon_is_there():
    tags = Counter(t for e in everyday_translation.load("dev") for t in e.phenomena)
    for tag in ("present", "negation", "never", "adjective", "coordination", "partitive", "possessive", "genitive",
                "simple-past", "present-perfect", "motion-etre", "future", "question", "number", "preposition",
                "contraction", "adverb", "you", "imperfect", "name", "avoir", "need", "job", "time", "month", "city",
                "habit", "play", "born", "daytime", "ce"):
        assert tags[tag] >= 10, tag


def test_tokens_follow_the_conventions():
    for e in everyday_translation.load("dev")[:300]:
        assert tokenize(" ".join(e.english)) == list(e.english)
        assert e.french[-1] in (".", "?") and all(w == w.lower() for w in e.french)


def test_an_unknown_split_is_an_error():
    with pytest.raises(ValueError, match="no split 'train'"):
        everyday_translation.load("train")
