"""Compiled loops: one weight-shared block run until the model's own stop flag, equal to the
interpreter (output, steps, halted) on every input; extra iterations change nothing; save/load."""

import itertools

import numpy as np
import pytest
import torch

from tests.loop_programs import rotate_left
from weightsmith import rasp
from weightsmith.compiler import CompileError, compile_program
from weightsmith.model import load, save
from weightsmith.model.threads import forward_work, torch_threads
from weightsmith.verify import verify


def counter(limit: int, max_steps: int) -> rasp.Loop:
    """Counts up from the first token (a number) to `limit`, one per step, saturating there."""
    first = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 0), rasp.tokens, default=0)
    return rasp.Loop(
        state={"c": rasp.numerical(rasp.Map(lambda x: x, first))},
        step=lambda s: {"c": rasp.numerical(rasp.Map(lambda c: min(c + 1, limit), s["c"]))},
        halt=lambda s: rasp.Map(lambda c: c >= limit, s["c"]),
        max_steps=max_steps,
    ).named("count")


def every_input(vocab, max_seq_len):
    return [list(xs) for n in range(1, max_seq_len + 1) for xs in itertools.product(vocab, repeat=n)]


def status(compiled, inputs):
    """Each input's (outputs, steps, halted) from one batched run of the looped model."""
    model = compiled.model
    ids = model.encode([[model.config.bos, *xs] for xs in inputs])
    with torch.inference_mode(), torch_threads(forward_work(model, ids.numel())):
        final = model(ids)
    steps, halted = model.loop_status(final)
    outputs = [row[1:] for row in model.decode(final, [len(xs) + 1 for xs in inputs], ids)]
    return list(zip(outputs, steps, halted))


def interpreted(program, loop, inputs):
    """Each input's (outputs, steps, halted) from the interpreter (one run for the output, one for the loop's status)."""
    books = rasp.evaluate_batch(rasp.SequenceMap(lambda s, h: (s, h), loop.steps, loop.halted), inputs)
    return [(out, *row[0]) for out, row in zip(rasp.evaluate_batch(program, inputs), books)]


@pytest.mark.parametrize("limit, max_steps", [(4, 10), (4, 2), (0, 3), (6, 0)])
def test_counter_equals_the_interpreter_on_every_input(limit, max_steps):
    loop = counter(limit, max_steps)
    program = rasp.numerical(rasp.SequenceMap(lambda c, i: c + i, loop["c"], rasp.indices))
    compiled = compile_program(program, [0, 1, 2, 3], 3)
    inputs = every_input([0, 1, 2, 3], 3)
    assert status(compiled, inputs) == interpreted(program, loop, inputs)


@pytest.mark.parametrize("halt_when, max_steps", [(lambda x: x == "c", 20), (lambda x: False, 5)])
def test_rotation_equals_the_interpreter_on_every_input(halt_when, max_steps):
    loop = rotate_left(max_steps, halt_when)
    program = rasp.SequenceMap(lambda x, s: f"{x}{s}", loop["xs"], loop.steps)
    compiled = compile_program(program, ["a", "b", "c"], 4)
    inputs = every_input("abc", 4)
    assert status(compiled, inputs) == interpreted(program, loop, inputs)
    report = verify(compiled, program)
    assert report.ok and report.exhaustive, str(report)


def test_a_loop_that_never_halts_reports_not_halted_at_max_steps():
    loop = rotate_left(7)
    compiled = compile_program(loop["xs"], ["a", "b"], 3)
    out = compiled.apply(["BOS", "a", "b", "b"])
    assert (out.decoded[1:], out.steps, out.halted) == (["b", "b", "a"], 7, False)  # rotated 7 = 1 (mod 3)


def test_extra_iterations_after_the_stop_change_nothing():
    loop = counter(5, 50)
    compiled = compile_program(rasp.numerical(rasp.SequenceMap(lambda c, i: c * 10 + i, loop["c"], rasp.indices)),
                               [0, 2, 4], 3)
    model = compiled.model
    first, count = model.config.loop.first_layer, model.config.loop.n_layers
    ids = model.encode([["BOS", 0, 2, 4], ["BOS", 4], ["BOS", 2, 2]])
    with torch.inference_mode():
        _, residuals = model(ids, return_residuals=True)
        stopped = residuals[2 * (first + count)]  # after the last iteration the runner ran
        x = stopped
        for _ in range(25):
            for layer in model.layers[first:first + count]:
                x = layer.mlp_sublayer(layer.attention_sublayer(x, ids[:, None, :] == 1))
    assert torch.equal(x, stopped)


def test_a_thousand_iterations_stay_exact():
    loop = rotate_left(1_000)
    compiled = compile_program(loop["xs"], ["a", "b", "c"], 4)
    inputs = every_input("ab", 4)
    assert status(compiled, inputs) == interpreted(loop["xs"], loop, inputs)


def test_save_and_load_keep_the_loop(tmp_path):
    loop = rotate_left(20, lambda x: x == "c")
    compiled = compile_program(loop["xs"], ["a", "b", "c"], 3)
    save(compiled.model, tmp_path / "m")
    loaded = load(tmp_path / "m")
    assert loaded.config.loop == compiled.config.loop
    inputs = every_input("abc", 3)
    batch = [["BOS", *xs] for xs in inputs]
    assert loaded.run_batch(batch) == compiled.model.run_batch(batch)


def test_block_width_and_depth_are_those_of_one_step():
    """The block's layers are the step's depth, whatever max_steps is: a rotation is one attention
    sublayer, and the commit (and the halt test) fit in the MLP of that same layer."""
    short, long = (compile_program(rotate_left(n)["xs"], ["a", "b"], 3) for n in (3, 3_000))
    assert short.config.loop.n_layers == long.config.loop.n_layers == 1
    assert short.config.d_model == long.config.d_model
    assert len(short.config.layers) == len(long.config.layers)


def test_unbounded_state_is_a_compile_error():
    grow = rasp.Loop(state={"c": rasp.indices}, step=lambda s: {"c": rasp.Map(lambda c: c + 1, s["c"])},
                     halt=lambda s: rasp.Map(lambda c: c > 3, s["c"]))
    with pytest.raises(CompileError, match="not closed under the step"):
        compile_program(grow["c"], ["a"], 2)


def test_two_loops_and_non_bool_halts_are_compile_errors():
    a, b = rotate_left(3), rotate_left(4)
    with pytest.raises(CompileError, match="2 loops"):
        compile_program(rasp.SequenceMap(lambda x, y: x + y, a["xs"], b["xs"]), ["a"], 2)
    odd = rasp.Loop(state={"x": rasp.tokens}, step=lambda s: {"x": s["x"]},
                    halt=lambda s: rasp.Map(lambda x: 2, s["x"]))
    with pytest.raises(CompileError, match="must be a bool"):
        compile_program(odd["x"], ["a"], 2)


def test_two_states_numerical_and_categorical_equal_the_interpreter():
    """A pointer walks the positions, adding 1 (mod 8) to the number under it, until the first
    position's number reaches 6: numerical state read by attention, categorical state, both committed."""
    start = rasp.numerical(rasp.Map(lambda t: t, rasp.tokens))
    zero = rasp.Map(lambda t: 0, rasp.tokens)

    def step(s):
        here = rasp.Map(lambda b: int(b), rasp.SequenceMap(lambda i, p: i == p, rasp.indices, s["p"]))
        x = rasp.numerical(rasp.SequenceMap(lambda x, h: (x + h) % 8, s["x"], here))
        p = rasp.SequenceMap(lambda p, n: (p + 1) % n, s["p"], rasp.length)
        return {"x": x, "p": p}

    def halt(s):
        first = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.Full(0), rasp.Comparison.EQ), s["x"],
                                              default=0))
        return rasp.Map(lambda v: v >= 6, first)

    loop = rasp.Loop(state={"x": start, "p": zero}, step=step, halt=halt, max_steps=40).named("walk")
    program = rasp.numerical(rasp.SequenceMap(lambda x, p: x * 10 + p, loop["x"], loop["p"]))
    compiled = compile_program(program, [0, 1, 2, 3], 3)
    inputs = every_input([0, 1, 2, 3], 3)
    assert status(compiled, inputs) == interpreted(program, loop, inputs)


def test_an_input_without_tokens_is_refused():
    compiled = compile_program(rotate_left(3)["xs"], ["a", "b"], 3)
    with pytest.raises(rasp.InputError, match="at least one token"):
        compiled.model.run(["BOS"])


def test_a_body_that_looks_ahead_keeps_the_model_unmasked():
    """Outside the loop the program only looks back, but its step reads the next position: the causal mask
    (chosen for programs that look back only) would hide it."""
    ahead = rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == q + 1)
    first = rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == 0)
    loop = rasp.Loop(state={"xs": rasp.tokens}, step=lambda s: {"xs": rasp.Aggregate(ahead, s["xs"], default="z")},
                     halt=lambda s: rasp.Map(lambda x: x == "z", rasp.Aggregate(first, s["xs"])), max_steps=10)
    compiled = compile_program(loop["xs"], ["a", "z"], 3)
    assert not compiled.config.causal
    inputs = every_input("az", 3)
    assert status(compiled, inputs) == interpreted(loop["xs"], loop, inputs)
    with pytest.raises(CompileError, match="causal compilation of loops"):
        compile_program(loop["xs"], ["a", "z"], 3, causal=True)
