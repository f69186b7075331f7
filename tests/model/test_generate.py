"""Greedy generation (`model.generate`): with the key/value cache, without it, and by the interpreter,
the same tokens; and sparse MLPs (`Transformer.use_sparse`) give the outputs dense ones give."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.library import PROGRAMS
from weightsmith.model import generate
from weightsmith.rasp import InputError

VOCAB = list("abcde")
PREV = rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == q - 1)


def next_letter_program() -> rasp.SOp:
    """The next token from the last two: a lookup over (token, previous token); None after "d"."""
    prev = rasp.Aggregate(PREV, rasp.tokens, default="a").named("prev")
    table = {x: i for i, x in enumerate(VOCAB)}
    return rasp.SequenceMap(lambda t, p: None if t == "d" else VOCAB[(table[t] * 2 + table[p] + 1) % 5],
                            rasp.tokens, prev).named("next")


@pytest.fixture(scope="module")
def compiled():
    program = next_letter_program()
    return program, {above: compile_program(program, VOCAB, 8, causal=True, compact_above=above)
                     for above in (None, 0)}


def greedy_by_interpreter(program, prompt, stop, max_seq_len):
    tokens, made = list(prompt), []
    while True:
        word = rasp.evaluate(program, tokens)[-1]
        if word is None:
            return made, "undefined"
        if word in stop:
            return made, "stop"
        if len(tokens) >= max_seq_len:
            return made, "full"
        made.append(word)
        tokens.append(word)


@settings(max_examples=40, deadline=None)
@given(prompt=st.lists(st.sampled_from(VOCAB), min_size=1, max_size=8), stop=st.sets(st.sampled_from(VOCAB)))
def test_cached_full_and_interpreted_greedy_decoding_agree(compiled, prompt, stop):
    program, models = compiled
    want = greedy_by_interpreter(program, prompt, stop, 8)
    for model in models.values():
        for cache in (True, False):
            for below in (None, 0.5):
                got = generate(model.model.use_sparse(below), prompt, stop=stop, cache=cache)
                assert (got.tokens, got.end) == want, (cache, below)


def test_max_new_and_a_bidirectional_model(compiled):
    program, models = compiled
    prompt = next([a, b] for a in VOCAB for b in VOCAB if greedy_by_interpreter(program, [a, b], (), 8)[1] == "full")
    full = generate(models[None].model, prompt, stop=set())
    assert full.end == "full" and len(full.tokens) == 6
    assert generate(models[None].model, prompt, max_new=3).tokens == full.tokens[:3]
    p = PROGRAMS["reverse"]  # not causal: every step reruns the whole input
    model = compile_program(p.build(), p.vocab, p.max_seq_len).model
    prompt = list(p.vocab)[:2]
    made = generate(model, prompt, max_new=2)
    tokens = ["BOS", *prompt]
    for word in made.tokens:
        assert word == model.run(tokens)[-1]
        tokens.append(word)


@pytest.mark.parametrize("prompt, max_new, message", [
    (["a"], -1, "max_new must be an int >= 0"),  # was an empty answer that said the input was full
    (["a"], 2.5, "max_new must be an int >= 0"),  # made 3 tokens
    ([], None, "the prompt is empty"),  # was 'undefined': the model was asked for a token after BOS alone
])
def test_a_generation_that_cannot_mean_anything_is_refused(compiled, prompt, max_new, message):
    with pytest.raises(ValueError, match=message):
        generate(compiled[1][None].model, prompt, max_new=max_new)
    assert generate(compiled[1][None].model, ["a"], max_new=0).tokens == []


@pytest.mark.parametrize("name,causal", [("sort", False), ("reverse", True), ("most_freq", False)])
def test_sparse_mlps_give_the_dense_outputs(name, causal):
    p = PROGRAMS[name]
    model = compile_program(p.build(), p.vocab, p.max_seq_len, causal=causal, compact_above=0).model
    inputs = [["BOS", *x] for x in ([v] * n for v in p.vocab for n in range(1, p.max_seq_len + 1))]
    ids = model.encode(inputs)
    with torch.inference_mode():
        dense = model.use_sparse(None)(ids)
        dense_work = model.weights_used()
        sparse = model.use_sparse(1.0)(ids)  # every MLP matrix sparse
    torch.testing.assert_close(sparse, dense, rtol=1e-5, atol=1e-4)
    assert model.run_batch(inputs) == model.use_sparse(None).run_batch(inputs)
    assert model.use_sparse(1.0).weights_used() < dense_work


def test_sparse_copies_follow_weight_changes_and_training_stays_dense():
    p = PROGRAMS["sort"]
    model = compile_program(p.build(), p.vocab, p.max_seq_len).model.use_sparse(1.0)
    ids = model.encode([["BOS", *list(p.vocab)[:3]]])
    with torch.inference_mode():
        before = model(ids)
    mlp = next(layer.mlp for layer in model.layers if layer.mlp is not None)
    with torch.no_grad():
        mlp.b_out += 1.0
        mlp.W_out.mul_(2.0)
    with torch.inference_mode():
        sparse = model(ids)
        dense = model.use_sparse(None)(ids)
    torch.testing.assert_close(sparse, dense, rtol=1e-5, atol=1e-4)
    assert not torch.allclose(sparse, before)
    model.use_sparse(1.0)(ids).sum().backward()  # with gradients the dense product runs
    assert mlp.W_in.grad is not None
    with pytest.raises(ValueError, match="use_sparse: below is a share"):
        model.use_sparse(2.0)


def test_generation_refuses_a_prompt_outside_a_composed_models_domain():
    # generate decoded the last position of any prompt: a switch's `H a 1` (1 is only T's) and a prompt with no
    # selector continued with the token the model happened to give
    from tests.composed_models import switch_model

    model = switch_model().model
    for prompt, message in [(["H", "a", 1], "token 1 at position 3 is not in the vocabulary of 'H'"),
                            ([0, 1], "a switch reads a selector right after BOS")]:
        for cache in (True, False):
            with pytest.raises(InputError, match=f"^input 0: {message}"):
                generate(model, prompt, max_new=1, cache=cache)
    assert generate(model, ["T", 2], max_new=1).tokens == [2]  # T copies: the next token is the last one


@pytest.mark.parametrize("cache", [True, False])
def test_each_step_decodes_only_the_newest_position(compiled, monkeypatch, cache):
    # generate decoded every position at every step (n steps: n^2/2 positions) to read the last one
    from weightsmith.model.transformer import Transformer

    program, models = compiled
    prompt = next([a, b] for a in VOCAB for b in VOCAB if greedy_by_interpreter(program, [a, b], (), 8)[1] == "full")
    decoded: list[int] = []
    real = Transformer._decode_readout

    def counting(self, logits, lengths, ids=None, typed=True, from_position=0):
        rows = real(self, logits, lengths, ids, typed, from_position)
        decoded.append(sum(len(row) for row in rows))
        return rows

    monkeypatch.setattr(Transformer, "_decode_readout", counting)
    made = generate(models[None].model, prompt, cache=cache)
    assert (made.tokens, made.end) == greedy_by_interpreter(program, prompt, (), 8)
    assert decoded == [1] * (len(made.tokens) + 1)
