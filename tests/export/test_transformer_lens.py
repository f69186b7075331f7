"""The TransformerLens export computes our model: the residual at every hook point and the decoded
outputs, on random padded inputs, for every library program (bidirectional and causal)."""

import json
import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("transformer_lens", reason="the TransformerLens export needs the `export` extra: "
                    "pip install 'weightsmith[export]'")

from tests.export.cases import (  # noqa: E402
    WITH_COMPACT, assert_decoding_refuses_what_the_model_refuses, composed_cases, random_batches)
from weightsmith import rasp  # noqa: E402
from weightsmith.export.transformer_lens import (  # noqa: E402
    decode_logits, load_hooked_transformer, save_hooked_transformer, to_hooked_transformer)


def residual_hooks(hooked) -> list[str]:
    """The TL hook after the embedding and after every sublayer, in our `return_residuals` order."""
    names = ["blocks.0.hook_resid_pre"]
    for i in range(hooked.cfg.n_layers):
        names += [f"blocks.{i}.hook_resid_post" if hooked.cfg.attn_only else f"blocks.{i}.hook_resid_mid",
                  f"blocks.{i}.hook_resid_post"]
    return names


@pytest.mark.parametrize("name,causal,compact", WITH_COMPACT)
def test_forward_equals_ours(compiled, name, causal, compact):
    model = compiled(name, causal, compact).model
    assert (model.config.output_codes is not None) == compact
    hooked = to_hooked_transformer(model)
    assert hooked.cfg.attention_dir == ("causal" if model.config.causal else "bidirectional")
    for batch in random_batches(name):
        ids = model.encode(batch)
        with torch.no_grad():
            final, residuals = model(ids, return_residuals=True)
            logits, cache = hooked.run_with_cache(ids)
        real = ids != 1  # at PAD positions the export's MLPs are gated off: other numbers than ours there
        for hook, ours in zip(residual_hooks(hooked), residuals, strict=True):
            theirs = cache[hook]
            # float sums in another order (TL adds the heads in one matmul): equal to float32 rounding
            torch.testing.assert_close(theirs[..., :-1][real], ours[real], rtol=1e-6, atol=1e-6, msg=hook)
            assert torch.equal(theirs[..., -1], (ids == 1).to(theirs.dtype)), f"{hook}: the PAD dimension"
        torch.testing.assert_close(logits[real], model.readout(final)[real], rtol=1e-6, atol=1e-6)
        lengths = [len(x) for x in batch]
        assert decode_logits(model, logits, lengths, ids) == model.decode(final, lengths, ids)


def test_pad_keys_get_no_attention(compiled):
    model = compiled("reverse").model
    hooked = to_hooked_transformer(model)
    ids = model.encode([["BOS", "a", "b", "PAD", "PAD"]])
    _, cache = hooked.run_with_cache(ids)
    pattern = cache["blocks.2.attn.hook_pattern"][0, 0]
    assert torch.equal(pattern[:, 3:], torch.zeros_like(pattern[:, 3:]))
    # a padded input gives the unpadded input's outputs at its real positions
    short = model.encode([["BOS", "a", "b"]])
    assert torch.equal(hooked(ids)[0, :3], hooked(short)[0])


def test_saved_folder_round_trips(compiled, tmp_path):
    model = compiled("sort").model
    save_hooked_transformer(model, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json", "hooks.json", "model.safetensors"]
    loaded, fresh = load_hooked_transformer(tmp_path), to_hooked_transformer(model)
    ids = model.encode(random_batches("sort")[0])
    assert torch.equal(loaded(ids), fresh(ids))


def test_foreign_folder_is_refused(tmp_path):
    (tmp_path / "config.json").write_text('{"format": "something else"}')
    with pytest.raises(ValueError, match="not a weightsmith TransformerLens export"):
        load_hooked_transformer(tmp_path)


_SORT = {}


def sort_pair():
    """`sort` and its export, built once (hypothesis calls the test many times)."""
    if not _SORT:
        from weightsmith.compiler import compile_program
        from weightsmith.library import PROGRAMS

        p = PROGRAMS["sort"]
        model = compile_program(p.build(), p.vocab, p.max_seq_len).model
        _SORT["pair"] = model, to_hooked_transformer(model)
    return _SORT["pair"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0, 1, 2, 3]), min_size=1, max_size=5), min_size=1, max_size=6),
       st.integers(0, 4))
def test_any_batch_decodes_as_ours(inputs, padding):
    """For all inputs (any lengths mixed in a batch, any trailing PAD): the export decodes as ours."""
    model, hooked = sort_pair()
    batch = [["BOS", *x] + ["PAD"] * min(padding, 5 - len(x)) for x in inputs]
    ids = model.encode(batch)
    lengths = [len(x) for x in batch]
    with torch.no_grad():
        assert decode_logits(model, hooked(ids), lengths, ids) == model.decode(model(ids), lengths, ids)


def growing_at_padding():
    """A chain of 12 compact lookups ending in a SelectorWidth, compiled: at a PAD position its residual
    grows about 770-fold per layer (4e34 before the last head; the tables are exact on real values
    only), so the export's PAD key, scored 1e30 below the others, still won the softmax (measured: 98 of
    160 padded inputs answered wrong, width 4 for 0, and no NaN to warn)."""
    from weightsmith.compiler import compile_program

    n = 40
    previous = rasp.Select(rasp.indices, rasp.Map(lambda i: i - 1, rasp.indices), rasp.Comparison.EQ)
    x = rasp.compact(rasp.categorical(rasp.Map(lambda t: (t * 7 + 3) % n, rasp.tokens)))
    before = rasp.compact(rasp.categorical(rasp.Aggregate(previous, x, default=0)))
    for d in range(12):
        x = rasp.compact(rasp.categorical(rasp.SequenceMap(lambda a, b, d=d: (a * 3 + b + d) % n, x, before)))
    program = rasp.SelectorWidth(rasp.Select(x, rasp.tokens, rasp.Comparison.EQ))
    return program, compile_program(program, list(range(n)), 4).model


def test_a_residual_that_grows_at_padding_does_not_reach_the_real_positions():
    """Ours zeroes a PAD key's values; the export gates every MLP unit off at PAD positions (the PAD
    dimension times -1e30 in its pre-activation), so the residual there holds no compounding tables:
    every input of a padded batch of mixed lengths decodes as ours, and as the interpreter."""
    program, model = growing_at_padding()
    hooked = to_hooked_transformer(model)
    rng = random.Random(0)
    inputs = [[rng.randrange(40) for _ in range(rng.randint(1, 4))] for _ in range(40)]
    batch = [["BOS", *x] for x in inputs]
    ids = model.encode(batch)
    with torch.no_grad():
        logits = hooked(ids)
    decoded = decode_logits(model, logits, [len(x) for x in batch], ids)
    assert decoded == model.run_batch(batch)
    assert [row[1:len(x) + 1] for row, x in zip(decoded, inputs)] == [rasp.evaluate(program, x) for x in inputs]


@pytest.mark.parametrize("case", range(3), ids=["switch", "pipe", "programmable"])
def test_decoding_the_export_refuses_what_the_model_refuses(case, tmp_path):
    # the export of a switch, decoded, answered `BOS H a 1` (a token only another component knows), a pipe where
    # its first model outputs None, a programmable model's data in an op position: the model itself refuses them
    model, refused, answered, data = composed_cases()[case]
    hooked = to_hooked_transformer(model)
    assert_decoding_refuses_what_the_model_refuses(model, refused, answered, data, lambda ids: hooked(ids).detach())
    document = json.loads((save_hooked_transformer(model, tmp_path) / "config.json").read_text())
    fed = [label for label in model.config.residual_labels if label.endswith("pipe:fed")]
    assert sorted(document.get("fed_logits", [])) == sorted(fed) and hooked.cfg.d_vocab_out == model.config.unembedding()[0].shape[1]
