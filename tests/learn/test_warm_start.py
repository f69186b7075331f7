"""A program written into a relaxed Transformer Program discretises back to itself (embedded in a larger
configuration, or with a longer vocabulary), and what does not fit is refused with a clear error."""

import dataclasses
from pathlib import Path

import pytest

from weightsmith.learn.model import TransformerProgramModel
from weightsmith.learn.program import DiscreteProgram
from weightsmith.learn.warm_start import WarmStartError, variable_map, warm_start
from weightsmith.tasks.algorithmic import make_task

PROGRAMS = Path(__file__).resolve().parents[2] / "benchmarks" / "results" / "programs"


def load(name: str) -> DiscreteProgram:
    return DiscreteProgram.load(PROGRAMS / name / "trained")


def test_dyck1_in_a_dyck2_model_predicts_as_dyck1_on_dyck1_strings():
    program = load("dyck1")
    target = make_task("dyck2", size=100)
    config = dataclasses.replace(program.config, vocab=tuple(target.vocab))
    model = TransformerProgramModel(config, seed=3)
    warm_start(model, program)
    inputs = make_task("dyck1", size=200).test.inputs
    assert model.discretise().predict(inputs) == program.predict(inputs)


def test_a_program_embedded_in_a_larger_configuration_keeps_its_modules():
    program = load("hist")
    config = dataclasses.replace(program.config, layers=2, cat_heads=2, count_heads=2, mlps=1)
    model = TransformerProgramModel(config, seed=0)
    warm_start(model, program)
    loaded = model.discretise()
    where = variable_map(program.config, config)
    for h, (head, slot) in enumerate(zip(program.heads[0], [0, 2])):
        got = loaded.heads[0][slot]
        assert (got.query, got.key, got.kind) == (where[head.query], where[head.key], head.kind)
        assert (got.predicate[: len(head.predicate), : len(head.predicate)] == head.predicate).all()
    inputs = make_task("hist", size=200).test.inputs
    # the new modules are random, but the classifier reads only the mapped variables: same predictions
    assert loaded.predict(inputs) == program.predict(inputs)


def test_what_does_not_fit_is_refused():
    program = load("dyck1")
    smaller = dataclasses.replace(program.config, layers=2)
    with pytest.raises(WarmStartError, match="3 layers, the model only 2"):
        warm_start(TransformerProgramModel(smaller), program)
    other_vocab = dataclasses.replace(program.config, vocab=("BOS", "{", "}"))
    with pytest.raises(WarmStartError, match="not a prefix"):
        warm_start(TransformerProgramModel(other_vocab), program)
    one_hot = dataclasses.replace(program.config, predicate="one_hot")
    with pytest.raises(WarmStartError, match="binary in the program"):
        warm_start(TransformerProgramModel(one_hot), program)


def test_training_can_start_from_a_program():
    from weightsmith.learn.train import Encoded, TrainSettings, train

    program = load("hist")
    task = make_task("hist", size=300)
    data, val = (Encoded.of(program.config, s.inputs, s.targets) for s in (task.train, task.val))
    settings = TrainSettings(epochs=1, tau_start=0.5, initialise=lambda model: warm_start(model, program))
    assert train(program.config, data, val, settings).val_accuracy == 1.0
