"""The classifiers' wider English (`dictionary.classifier`): more words for grammaticality and sentiment, the
translator's lexicon untouched, every form looked up."""

import pytest

from weightsmith.tasks.nlp.dictionary import tables


def test_translation_reads_the_main_lexicon_and_known_words_keep_their_readings(built):
    _, lexicon = built
    assert lexicon.for_task("translation") is lexicon
    wide = lexicon.for_task("grammaticality")
    assert wide is lexicon.for_task("sentiment") and len(wide.forms) > 2 * len(lexicon.forms)
    for word in list(lexicon.forms) + list(lexicon.closed):
        assert wide.analyses(word) == lexicon.analyses(word), word
    assert all(lexicon.english[key] == wide.english[key] or key in lexicon.classifier for key in lexicon.english)


def test_wider_words_have_looked_up_forms_and_classes(built):
    _, lexicon = built
    wide = lexicon.for_task("sentiment")
    assert ("sunday", "noun", "pl") in wide.analyses("sundays")  # a proper noun's plural, from LemmInflect
    assert ("grumpy", "adj", "cmp") in wide.analyses("grumpier")  # no SemCor count: LemmInflect lists it
    assert ("tourist", "noun", "pl") in wide.analyses("tourists")  # SemCor count 3, below the cut-off of 5
    assert ("last", "verb", "3s") in wide.analyses("lasts")  # an open form of a closed-class word
    assert wide.analyses("marie") == [("marie", "noun", "sg")]  # a name from names.tsv
    assert not lexicon.knows("sundays", "translation") and lexicon.knows("sundays", "grammaticality")


@pytest.mark.parametrize("wrong", ["eated", "goed", "childs", "forgetted", "homeworks"])
def test_wrong_forms_stay_unknown(built, wrong):
    _, lexicon = built
    assert all(not lexicon.knows(wrong, task) for task in tables.TASKS)


def test_the_classifier_table_adds_only_forms_nobody_knew(built):
    _, lexicon = built
    known = set(lexicon.forms) | set(lexicon.closed)
    for entry in lexicon.classifier.values():
        assert any(f not in known for forms in entry.forms.values() for f in forms), entry
