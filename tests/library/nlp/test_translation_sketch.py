"""The translation sketch: the translator's grammar with its word tables as holes."""

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.learn.sketch import fill_from_json, fit, holes_to_json
from weightsmith.library.nlp import translation
from weightsmith.library.nlp.causal import causal_version
from weightsmith.library.nlp.translation_sketch import (
    ENTRY_HOLE,
    attested_entries,
    examples,
    make_translation_sketch,
    true_fillings,
)
from weightsmith.rasp.errors import EvaluationError
from weightsmith.tasks import nlp as corpora
from weightsmith.tasks.nlp.translation import generate


def test_filled_with_the_lexicon_the_sketch_is_the_translator_on_every_dev_sentence():
    sketch = make_translation_sketch()
    filled = fill_from_json(sketch, holes_to_json(true_fillings(sketch)))
    inputs = [x for x, _ in examples(corpora.load("translation", "dev"))]
    assert rasp.evaluate_batch(filled, inputs) == rasp.evaluate_batch(translation.program(), inputs)


def test_an_unfitted_sketch_refuses_to_run():
    with pytest.raises(EvaluationError, match="hole '(gender|french_entry)' is not filled"):
        rasp.evaluate(make_translation_sketch(), ["the", "cat", "sleeps", ".", "SEP"])


def test_the_entries_are_those_whose_forms_the_french_uses():
    entries = attested_entries(["le", "chat", "dort", "."])
    assert {"n:chat", "d:le", "."} <= set(entries) and "n:chien" not in entries


@pytest.fixture(scope="module")
def fitted():
    pool = generate(230, seed=5)
    train = pool[:30]
    words = {w for p in train for w in p.english}
    heldout = [p for p in pool[30:] if set(p.english) <= words]  # new sentences of the learned words
    french = {w for p in pool for w in p.french}
    sketch = make_translation_sketch(attested_entries(w for p in train for w in p.french), sorted(words))
    vocab = sorted(words | french | {translation.SEP})
    result = fit(sketch, examples(train), vocab, translation.MAX_SEQ_LEN, epochs=20, lr=3.0, search_seconds=5)
    return result, train, heldout, vocab


def test_fit_learns_the_lexicon_of_thirty_pairs_exactly(fitted):
    result, train, heldout, _ = fitted
    assert result.train_sequence_accuracy == 1.0
    truth = translation.french_dictionary().entry_of
    lemmas = {translation.lemma(w) for p in train for w in p.english} - {"-"}
    assert len(lemmas) > 50
    assert {lem: result.fillings[ENTRY_HOLE][(lem,)] for lem in lemmas} == {lem: truth[lem] for lem in lemmas}
    assert heldout


def test_the_fitted_program_compiles_exactly(fitted):
    result, _, heldout, vocab = fitted
    model = compile_rasp_to_model(result.program, vocab=set(vocab), max_seq_len=translation.MAX_SEQ_LEN,
                                  causal=True, compiler_bos="BOS")
    inputs = [x for x, _ in examples(heldout)]
    assert model.run_batch(inputs) == rasp.evaluate_batch(causal_version(result.program), inputs)
