"""The programs the export tests run, and random padded batches to run them on."""

import random

from weightsmith.library import PROGRAMS

# two programs also compiled as decoders, so the causal mask is exported and checked too
CAUSAL = ("reverse", "dyck1")
CASES = [(name, False) for name in PROGRAMS] + [(name, True) for name in CAUSAL]
# (name, causal, compact): every case one-hot, and two compiled compact, output included (read through codes)
WITH_COMPACT = [(name, causal, False) for name, causal in CASES] + [("sort", False, True), ("reverse", True, True)]


def random_batches(name: str, seed: int = 0, n: int = 48) -> list[list[list]]:
    """Two batches: inputs of every length with trailing PAD (the widest positions), and short ones."""
    p, rng = PROGRAMS[name], random.Random(seed)
    bos, pad, top = "BOS", "PAD", p.max_seq_len

    def one(longest: int) -> list:
        tokens = [bos] + [rng.choice(p.vocab) for _ in range(rng.randint(1, longest))]
        return tokens + [pad] * rng.randint(0, longest + 1 - len(tokens))

    return [[one(top) for _ in range(n)], [one(max(1, top // 2)) for _ in range(n)]]


def composed_cases():
    """(model, refused inputs with their messages, answered inputs, where the data starts in an output) for a
    switch (of a pipe), a chain of pipes and a programmable model (`tests/composed_models.py`)."""
    from tests import composed_models as m

    return [(m.switch_model().model, m.SWITCH_REFUSED, m.SWITCH_ANSWERED, 2),
            (m.pipe_model().model, m.PIPE_REFUSED, m.PIPE_ANSWERED, 1),
            (m.programmable_model().model, m.PROGRAMMABLE_REFUSED, m.PROGRAMMABLE_ANSWERED, 3)]



def assert_decoding_refuses_what_the_model_refuses(model, refused, answered, data, logits_of) -> None:
    """An export's logits (`logits_of(ids)`), decoded with `decode_logits`, refuse the inputs the model refuses
    (with its message) and answer the others as it does; without the ids they are not decoded at all."""
    import pytest

    from weightsmith.export.transformer_lens import decode_logits
    from weightsmith.rasp.errors import InputError

    for tokens, message in refused:
        batch = [answered[0][0], tokens]
        ids = model.encode(batch)
        with pytest.raises(InputError, match=message.replace("input 0", "input 1")):
            decode_logits(model, logits_of(ids), [len(x) for x in batch], ids)
    batch = [tokens for tokens, _ in answered]
    ids = model.encode(batch)
    logits = logits_of(ids)
    decoded = decode_logits(model, logits, [len(x) for x in batch], ids)
    assert [row[data:] for row in decoded] == [want for _, want in answered]
    assert decoded == [model.run(x) for x in batch]
    with pytest.raises(ValueError, match="pass the ids the logits were run on"):
        decode_logits(model, logits, [len(x) for x in batch])
