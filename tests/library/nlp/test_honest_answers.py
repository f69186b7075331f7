"""The language tasks say what they do not know, and refuse input they cannot answer."""

import pytest

from weightsmith.library import nlp


@pytest.mark.parametrize("task", ["translation", "grammaticality", "sentiment"])
def test_unknown_words_are_listed_once_in_order(task):
    known = sorted(nlp.models.serving(task).known_words)
    word = next(w for w in known if w.isalpha() and w.islower())
    assert nlp.unknown_words(f"{word} zzyzx qwertz zzyzx", task) == ["zzyzx", "qwertz"]
    assert nlp.unknown_words(word, task) == []


def test_unknown_task_is_an_error():
    with pytest.raises(ValueError, match="no language task 'poetry'"):
        nlp.unknown_words("a", "poetry")


@pytest.mark.parametrize("answer", [nlp.translate, nlp.is_grammatical, nlp.sentiment])
def test_empty_and_too_long_text_are_clear_errors(answer):
    for text in ("", "   \n"):
        with pytest.raises(ValueError, match="the text is empty"):
            answer(text)
    with pytest.raises(ValueError, match=r"has 80 tokens; the \w+ model reads at most") as caught:
        answer("the cat " * 40)
    assert "the cat the cat" not in str(caught.value)  # the input is not echoed back


@pytest.mark.parametrize("answer", [nlp.translate, nlp.is_grammatical, nlp.sentiment,
                                    *(pytest.param(lambda text, task=task: nlp.trace(task, text), id=f"trace-{task}")
                                      for task in nlp.TASKS)])
def test_text_without_a_word_is_refused_as_empty_text_is(answer):
    # punctuation or symbols alone were answered as a sentence: sentiment "..." neutral, grammar "..."
    # ungrammatical, translate "..." '...'
    for text in (". . .", "?!", "—", "...", "🙂", "( ) #"):
        with pytest.raises(ValueError, match="the text has no words, only punctuation or symbols: give a sentence"):
            answer(text)
    with pytest.raises(ValueError, match="the text is empty"):
        answer("")


@pytest.mark.parametrize("marks, one", [("!!", "!"), ("!!!", "!"), ("?!", "?"), ("!?", "?"), ("...", "."), ("?", "?")])
def test_a_run_of_final_marks_is_read_as_one_mark(marks, one):
    # "the food was great!!" was ungrammatical: the grammar read the second "!" as a sentence with no words
    assert nlp._words(f"the food was great{marks}", "sentiment") == ["the", "food", "was", "great", one]
    assert nlp._words(f"wow... the food was great{marks}", "sentiment")[:4] == ["wow", ".", ".", "."]


def test_emphatic_final_marks_keep_the_answer_of_one_mark():
    for text in ("The food was great", "The food were great", "Is the soup cold"):
        for one, run in (("!", "!!!"), ("?", "?!"), (".", "...")):
            assert nlp.is_grammatical(text + run) == nlp.is_grammatical(text + one)
            assert nlp.sentiment(text + run) == nlp.sentiment(text + one)
    assert nlp.is_grammatical("The food was great!!") and not nlp.is_grammatical("The food were great!!")


def test_a_translation_with_no_french_word_is_the_programs_failure_not_an_empty_answer(monkeypatch):
    # `translate "the the the the"` printed an empty line (the program's decoding ended at once): an answer no
    # one could tell from a translation; now the error the CLI prints as one line with exit code 1
    monkeypatch.setattr(nlp, "translate_tokens", lambda english, backend=None, you="vous": [])
    with pytest.raises(nlp.TranslationStopped, match="no French word for 'the cat'"):
        nlp.translate("the cat")
