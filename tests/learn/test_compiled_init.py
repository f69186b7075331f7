"""Weight sets initialised from compiled models: exact before training when routed to the task's own set."""

import itertools

import pytest
import torch
import torch.nn.functional as F

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.compose.stack import ComposeError
from weightsmith.learn.compiled_init import from_compiled
from weightsmith.library import make_hist, make_mode, make_reverse, make_sort

VOCAB, MAX_LEN = [0, 1, 2, 3], 5
PAD = len(VOCAB) + 4


@pytest.fixture(scope="module")
def compiled():
    programs = [make_reverse(rasp.tokens), make_sort(rasp.tokens, rasp.tokens, max_seq_len=100, min_key=1),
                make_hist(), make_mode()]
    return [compile_program(p, vocab=VOCAB, max_seq_len=MAX_LEN, reuse=False) for p in programs]


def inputs(task: int) -> tuple[list[list[int]], torch.Tensor]:
    strings = [list(xs) for n in range(1, MAX_LEN + 1) for xs in itertools.product(VOCAB, repeat=n)]
    ids = torch.full((len(strings), MAX_LEN + 1), PAD)
    ids[:, 0] = len(VOCAB) + task
    for b, xs in enumerate(strings):
        ids[b, 1:len(xs) + 1] = torch.tensor(xs)
    return strings, ids


def test_forced_to_its_set_the_network_is_each_compiled_model_on_every_input(compiled):
    net = from_compiled(compiled, VOCAB, list(range(MAX_LEN + 2)), seed=3)
    for task, model in enumerate(compiled):
        strings, ids = inputs(task)
        with torch.no_grad():
            pred = net(ids, route=F.one_hot(torch.full((len(ids),), task), 4).float()).argmax(-1)
        want = model.apply_batch([["BOS", *xs] for xs in strings])
        wrong = [xs for b, xs in enumerate(strings) if pred[b, 1:len(xs) + 1].tolist() != want[b][1:]]
        assert not wrong, f"task {task}: {len(wrong)} of {len(strings)} inputs differ, e.g. {wrong[:3]}"


def test_routers_hard_coded_to_the_task_token_choose_the_right_set(compiled):
    net = from_compiled(compiled, VOCAB, list(range(MAX_LEN + 2)), route_by_task=True)
    strings, ids = inputs(2)  # hist
    with torch.no_grad():
        pred = net(ids[::7]).argmax(-1)
    assert all(pred[b, 1:len(xs) + 1].tolist() == [xs.count(x) for x in xs] for b, xs in enumerate(strings[::7]))
    assert all(float(w[:, 2].min()) > 1 - 1e-6 for w in net.routing())


def test_padding_is_harmless_at_init_yet_every_part_of_it_gets_a_gradient(compiled):
    net = from_compiled(compiled, VOCAB, list(range(MAX_LEN + 2)))
    _, ids = inputs(0)
    F.cross_entropy(net(ids[:64]).flatten(0, 1), torch.randint(0, 5, (64 * (MAX_LEN + 1),))).backward()
    attn, mlp = net.attn[0], net.mlps[0]
    qk = compiled[0].model.config.layers[0].heads[0].d_qk
    assert attn.W_K.grad[0, 0, :, qk:].abs().sum() > 0  # zero key columns beside random query columns
    n = compiled[0].model.config.layers[0].d_mlp
    assert mlp.W_out.grad[0, n:].abs().sum() > 0  # zero output rows of random-input units


def test_a_short_training_run_moves_the_weights(compiled):
    net = from_compiled(compiled, VOCAB, list(range(MAX_LEN + 2)))
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    _, ids = inputs(1)
    labels = torch.randint(0, 5, ids.shape)
    before = [p.detach().clone() for p in net.weight_sets()]
    for _ in range(2):
        loss = F.cross_entropy(net(ids[:32]).flatten(0, 1), labels[:32].flatten())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    assert torch.isfinite(loss)
    assert any(not torch.equal(p, p0) for p, p0 in zip(net.weight_sets(), before))
    assert len(net.routing()) == net.setup.layers and net.routing()[0].shape == (32, 4)


def test_a_model_whose_output_dimensions_are_reused_is_refused():
    reused = compile_program(make_hist(), vocab=VOCAB, max_seq_len=MAX_LEN)  # its output reuses `tokens`
    with pytest.raises(ComposeError, match="reuse=False"):
        from_compiled([reused], VOCAB, list(range(MAX_LEN + 2)))


def test_an_output_value_without_a_label_is_refused(compiled):
    with pytest.raises(ComposeError, match="not among the labels"):
        from_compiled(compiled[2:3], VOCAB, [0, 1, 2])


def test_a_data_token_one_model_lacks_is_refused(compiled):
    """Only a token in *none* of the models was refused: hist over {0, 1} beside reverse over 0..3 built a
    network whose hist set answered [1, 4, 4, 1] for `0 2 2 1` (its block read 2 as no token at all), where
    the docstring promises weight set k is model k. Every model must hold every data token."""
    hist01 = compile_program(make_hist(), vocab=[0, 1], max_seq_len=MAX_LEN, reuse=False)
    with pytest.raises(ComposeError, match=r"task0 .*2, 3.*vocabulary"):
        from_compiled([hist01, compiled[0]], VOCAB, list(range(MAX_LEN + 2)))
    with pytest.raises(ComposeError, match="True"):  # by type as well as value: True is not the token 1
        from_compiled([compiled[2]], [0, True], list(range(MAX_LEN + 2)))


def test_models_of_other_lengths_are_refused(compiled):
    """A model compiled for 3 tokens beside one for 5 got positions it has no embedding for: its set answered
    hist = 3 at every position of five 0s, without a word."""
    short = compile_program(make_hist(), vocab=VOCAB, max_seq_len=3, reuse=False)
    with pytest.raises(ComposeError, match="task0 takes at most 3 tokens, task1 5"):
        from_compiled([short, compiled[0]], VOCAB, list(range(MAX_LEN + 2)))
    with pytest.raises(ComposeError, match="got none"):  # it was max()'s "arg is an empty sequence"
        from_compiled([], VOCAB, list(range(MAX_LEN + 2)))
