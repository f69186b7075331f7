"""The translation program on the dev corpus, in causal form, on unknown words, and in compiler-sized pieces."""

import random

import pytest
from hypothesis import given, settings, strategies as st

from weightsmith import rasp
from weightsmith.library.nlp import models, translation
from weightsmith.library.nlp.tokenize import detokenize, tokenize, with_unknowns
from weightsmith.library.nlp.causal import disagreements
from weightsmith.tasks import nlp as corpora

PROGRAM = translation.program()
KNOWN = set(translation.english_vocabulary())


@pytest.fixture(scope="module")
def dev_sample():
    pairs = corpora.load("translation", "dev")
    return random.Random(0).sample(pairs, 120)


def _teacher_forced(pairs):
    inputs = [[w if w in KNOWN else "UNK" for w in p.english] + [translation.SEP] + list(p.french) for p in pairs]
    return inputs, rasp.evaluate_batch(PROGRAM, inputs)


def test_every_next_word_of_a_dev_sample_is_the_reference(dev_sample):
    inputs, outputs = _teacher_forced(dev_sample)
    for pair, out in zip(dev_sample, outputs):
        assert out[len(pair.english):] == [*pair.french, translation.EOS], " ".join(pair.english)


def test_the_program_means_the_same_in_a_causal_model(dev_sample):
    inputs, _ = _teacher_forced(dev_sample)
    assert disagreements(PROGRAM, inputs, [len(p.english) for p in dev_sample]) == []


def _decode(english: list[str]) -> list[str]:
    """Greedy decoding with the 394-word program (the API serves the dictionary-scale one when it can)."""
    french: list[str] = []
    while len(english) + 1 + len(french) <= translation.MAX_SEQ_LEN:
        word = models.run("translation", [english + [translation.SEP] + french], "interpreter")[0][-1]
        if word == translation.EOS:
            return french
        french.append(word)
    raise ValueError("the sentence is too long to translate")


def _translate(text: str) -> str:
    tokens = with_unknowns(tokenize(text), KNOWN)
    unknown = iter(tokens.unknown)
    return detokenize(next(unknown) if w == "UNK" else w for w in _decode(tokens.model_input))


def test_greedy_decoding_of_hand_written_dev_sentences():
    hand = [p for p in corpora.load("translation", "dev") if p.source == "handwritten"][:8]
    for pair in hand:
        assert _decode(list(pair.english)) == list(pair.french)


def test_unknown_words_take_the_unk_path():
    assert _translate("The zebra doesn't eat the apples.") == "le zebra ne mange pas les pommes."
    assert _decode(["UNK", "UNK", "UNK"]) == ["UNK", "UNK", "UNK"]
    assert _translate("the zebra and the gnu are tired") == "le zebra et le gnu sont fatigués"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(sorted(KNOWN)), min_size=1, max_size=10))
def test_any_word_salad_gets_a_translation_that_ends(words):
    french = _decode(words)
    assert all(isinstance(w, str) and w != translation.EOS for w in french)


def test_too_long_a_sentence_is_refused_with_a_clear_error():
    with pytest.raises(ValueError, match="too long"):
        _decode(["the", "cat", "eats", "."] * 8)


def test_value_sets_stay_compiler_sized():
    vocab = KNOWN | {translation.SEP}
    sets = rasp.value_sets(PROGRAM, vocab, translation.MAX_SEQ_LEN)
    by_label = {e.label: sets[id(e)] for e in rasp.topological_order(PROGRAM) if isinstance(e, rasp.SOp)}
    assert len(by_label["plan"]) < 150 and len(by_label["reading_4"]) < 150
