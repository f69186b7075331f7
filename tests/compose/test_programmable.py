"""programmable: one compiled model runs any program of its primitives written in its input."""

import itertools

import pytest
from typer.testing import CliRunner

from weightsmith import rasp
from weightsmith.cli import app
from weightsmith.compiler import CompiledModel, compile_program
from weightsmith.compose import ComposeError, programmable, programmable_program, run_program, switch
from weightsmith.compose.primitives import integer_primitives
from weightsmith.library.positions import shift_by
from weightsmith.model import load, save
from weightsmith.rasp.errors import InputError
from weightsmith.verify import verify

VOCAB = [0, 1, 2]
MAX_LEN = 2


def every_run(primitives, stages):
    data = [list(x) for n in range(1, MAX_LEN + 1) for x in itertools.product(VOCAB, repeat=n)]
    return [(ops, xs) for ops in itertools.product(primitives, repeat=stages) for xs in data]


@pytest.fixture(scope="module")
def primitives():
    return integer_primitives(VOCAB)


@pytest.mark.parametrize("stages", [1, 2])
def test_every_program_of_every_primitive_on_every_input(primitives, stages):
    model = programmable(primitives, stages, VOCAB, MAX_LEN)
    runs = every_run(primitives, stages)
    got = model.apply_batch([["BOS", *ops, *xs] for ops, xs in runs])
    wrong = [(ops, xs, out[1 + stages:]) for (ops, xs), out in zip(runs, got)
             if out[1 + stages:] != run_program(primitives, ops, xs)]
    assert not wrong and len(runs) == len(primitives) ** stages * 12


def test_three_stages_of_a_few_primitives(primitives):
    few = {name: primitives[name] for name in ("nop", "rev", "inc")}
    model = programmable(few, 3, VOCAB, MAX_LEN)
    assert model.apply(["BOS", "inc", "rev", "inc", 0, 2]).decoded[4:] == [1, 2]
    runs = every_run(few, 3)
    got = model.apply_batch([["BOS", *ops, *xs] for ops, xs in runs])
    assert all(out[4:] == run_program(few, ops, xs) for (ops, xs), out in zip(runs, got))


def test_the_model_is_its_program_on_every_input(primitives):
    # every token sequence, op tokens anywhere and data tokens anywhere: the compiled model == the RASP program
    few = {name: primitives[name] for name in ("nop", "rev", "sort", "hist")}
    model = programmable(few, 2, VOCAB, MAX_LEN)
    report = verify(model, programmable_program(few, 2, VOCAB, MAX_LEN))
    assert report.ok and report.exhaustive, str(report)


def test_refusals_name_the_primitive():
    with pytest.raises(ComposeError, match="primitive 'shift' gives None"):
        programmable({"shift": lambda x: shift_by(1, x)}, 1, VOCAB, 2)
    with pytest.raises(ComposeError, match="outside the vocabulary"):
        programmable({"double": lambda x: x * 2}, 1, VOCAB, 2)
    with pytest.raises(ComposeError, match="also a data token"):
        programmable({"a": lambda x: x}, 1, ["a", "b"], 2)
    with pytest.raises(ComposeError, match="stages must be a positive int"):
        programmable({"nop": lambda x: x}, 0, VOCAB, 2)
    with pytest.raises(ComposeError, match="returned"):
        programmable({"nop": lambda x: 3}, 1, VOCAB, 2)
    with pytest.raises(ComposeError, match="primitive 'c' is undefined on \\[0\\]"):  # a fixed length
        programmable({"c": lambda x: rasp.ConstantSOp([0, 0]) + x * 0}, 1, VOCAB, 2)


def test_a_primitive_leaving_the_vocabulary_at_the_longest_length_is_refused():
    # hist over 0..3 counts to 4 on four equal tokens: primitives were run only up to length 3, so a model of
    # length 4 was built, and it answered the filler [0, 0, 0, 0] where hist gives [4, 4, 4, 4]
    hist = {"hist": integer_primitives([0, 1, 2, 3])["hist"]}
    with pytest.raises(ComposeError, match=r"primitive 'hist' maps \[0, 0, 0, 0\] to \[4, 4, 4, 4\], outside"):
        programmable(hist, 1, [0, 1, 2, 3], 4)


def test_past_every_input_a_primitive_must_stay_in_the_vocabulary_by_its_value_set():
    # inputs of length 6 and 7 over 0..6 are too many to run (7**6 > 100,000): lengths up to 5 are run, and
    # the longer ones are judged by hist's values {0, ..., 7}
    hist = {"hist": integer_primitives(range(7))["hist"]}
    with pytest.raises(ComposeError, match=r"primitive 'hist' may give \[7\] on inputs longer than 5"):
        programmable(hist, 1, range(7), 7)
    model = programmable({"nop": lambda x: x}, 1, range(7), 7)  # every value of nop is a token
    assert model.apply(["BOS", "nop", 6, 4, 3, 2, 1, 0, 5]).decoded[2:] == [6, 4, 3, 2, 1, 0, 5]


def test_an_input_that_is_not_ops_then_data_is_refused(primitives):
    # the program reads positions 1..k as ops (a token that is no op as the first primitive) and an op among the
    # data as the filler: `BOS sort 2 0` for two stages ran sort then nop on [0] and answered as if asked that
    few = {name: primitives[name] for name in ("nop", "rev", "sort")}
    model = programmable(few, 2, VOCAB, MAX_LEN)
    with pytest.raises(InputError, match=r"^input 0, position 2: 2 is not an op \(one of \['nop', 'rev', 'sort'\]\): "
                                         r"the 2 tokens after BOS name the program$"):
        model.apply(["BOS", "sort", 2, 0])
    with pytest.raises(InputError, match=r"^input 1, position 3: the op 'nop' stands among the data"):
        model.apply_batch([["BOS", "sort", "rev", 1], ["BOS", "sort", "rev", "nop", 1]])
    with pytest.raises(InputError, match=r"^input 0: no data after the 2 ops"):
        model.apply(["BOS", "sort", "rev"])
    assert model.apply(["BOS", "sort", "rev", 2, 0]).decoded[3:] == [2, 0]
    assert isinstance(model, CompiledModel)  # still a compiled model, for code written for one


def test_a_saved_model_refuses_what_the_built_one_refuses(primitives, tmp_path):
    # the input check lived on `programmable`'s returned object only: saved and loaded, or run plain, the model
    # answered `BOS sort 2 0` (two stages) as sort then the first primitive on [0] — `run FOLDER sort 2 0` printed
    # [0, 0, 0]. config.program_ops travels with the folder, and the model's decoding entry points read it.
    few = {name: primitives[name] for name in ("nop", "rev", "sort")}
    model = programmable(few, 2, VOCAB, MAX_LEN)
    save(model.model, tmp_path / "prog")
    loaded = load(tmp_path / "prog")
    assert loaded.config.program_ops == {"ops": ["nop", "rev", "sort"], "stages": 2}
    for run in (loaded.run, model.model.run):
        with pytest.raises(InputError, match=r"^input 0, position 2: 2 is not an op"):
            run(["BOS", "sort", 2, 0])
    assert loaded.run(["BOS", "sort", "rev", 2, 0])[3:] == [2, 0]
    result = CliRunner().invoke(app, ["run", str(tmp_path / "prog"), "sort", "2", "0"])
    assert result.exit_code == 2 and "2 is not an op" in result.output and "Traceback" not in result.output
    with pytest.raises(ComposeError, match="component 'P' is a programmable model"):
        switch({"P": loaded, "I": compile_program(rasp.Map(lambda x: x, rasp.tokens), VOCAB, MAX_LEN)})
