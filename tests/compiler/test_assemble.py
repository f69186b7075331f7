"""Assembly: weights that match the config, and a BOS position that no input can disturb."""

from unittest import mock

import numpy as np
import torch
from hypothesis import given
from hypothesis import strategies as st

from weightsmith.compiler import assemble, compile_program
from weightsmith.compiler.assemble import _Residual
from weightsmith.compiler.readout import BOS, Dim, Readout
from weightsmith.compiler.residual import ResidualLayout
from weightsmith.library import PROGRAMS

from tests.compiler.agreement import every_input


def test_bos_residual_is_the_same_for_every_input():
    # Every head's BOS query attends to BOS alone and MLP units are off at BOS, so the residual there is
    # a constant the compiler compensates for: it must not depend on the input (beyond the proven margin).
    for name in ("sort", "shuffle_dyck2", "most_freq"):
        entry = PROGRAMS[name]
        compiled = compile_program(entry.build(), list(entry.vocab), entry.max_seq_len)
        inputs = [[compiled.config.bos, *x] for x in every_input(list(entry.vocab), 3)]
        model = compiled.model.double()
        with torch.inference_mode():
            _, residuals = model(model.encode(inputs), return_residuals=True)
        for k, r in enumerate(residuals):
            at_bos = r[:, 0, :].numpy()
            assert np.abs(at_bos - at_bos[0]).max() < 1e-5, (name, k)


def test_embeddings_follow_the_labels():
    compiled = compile_program(PROGRAMS["reverse"].build(), ["a", "b", "c"], 5)
    config, model = compiled.config, compiled.model
    labels = config.residual_labels
    token_embed = model.token_embed.detach().numpy()
    tokens = config.tokens()
    assert token_embed[tokens.index("BOS"), labels.index("bos")] == 1
    b = tokens.index("b")
    assert {labels[i] for i in np.flatnonzero(token_embed[b])} == {"one", "tokens:b"}
    pos = model.pos_embed.detach().numpy()
    assert not pos[0].any()  # BOS's position carries no index
    assert [labels[i].split("|")[0] for i in np.flatnonzero(pos[3])] == ["indices:2"]


def test_head_and_mlp_shapes_match_the_config():
    compiled = compile_program(PROGRAMS["sort_freq"].build(), [0, 1, 2, 3], 5)
    config = compiled.config
    for i, layer in enumerate(config.layers):
        for h, head in enumerate(layer.heads):
            assert compiled.model.layers[i].heads[h].W_Q.shape == (config.d_model, head.d_qk)
        if layer.d_mlp:
            assert compiled.model.layers[i].mlp.W_in.shape == (config.d_model, layer.d_mlp)


DIMS = [BOS] + [Dim("x", i) for i in range(4)]
coefficients = st.floats(-1e3, 1e3, allow_nan=False).filter(bool)


@given(st.lists(st.dictionaries(st.sampled_from(DIMS), coefficients), max_size=5),
       st.lists(st.integers(0, 2), min_size=4, max_size=4),
       st.lists(st.floats(-2, 2, allow_nan=False), min_size=3, max_size=3), st.data())
def test_columns_are_the_term_by_term_vectors_bit_for_bit(terms, rows, bos_residual, data):
    """The columns equal adding each term in turn, then compensating, to the last bit (dimensions
    may share a residual row, as reused ones do), whether filled term by term or by one scatter."""
    index = {BOS: 0, **{Dim("x", i): 1 + r for i, r in enumerate(rows)}}
    residual = _Residual(ResidualLayout(4, index, [], {}))
    residual.at_bos[1:] = bos_residual
    readouts = [Readout(t) for t in terms]
    at_bos = data.draw(st.lists(st.floats(-2, 2, allow_nan=False), min_size=len(readouts), max_size=len(readouts)))
    for targets, small_terms in [(None, 0), (at_bos, 0), (None, 10**9), (at_bos, 10**9)]:
        with mock.patch.object(assemble, "SMALL_TERMS", small_terms):
            got = residual.columns(readouts, targets)
        assert got.shape == (4, len(readouts)) and got.dtype == np.float64
        for j, readout in enumerate(readouts):
            v = np.zeros(4)
            for dim, c in readout.terms.items():
                v[index[dim]] += c
            if targets is not None:
                v[0] += targets[j] - v @ residual.at_bos
            assert got[:, j].tobytes() == v.tobytes()
