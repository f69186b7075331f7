"""A model refuses the inputs its config says it is undefined on, on every path: saved, loaded and run plain."""

import pytest

from tests.composed_models import (COPY, PIPE_ANSWERED, PIPE_REFUSED, PROGRAMMABLE_ANSWERED, PROGRAMMABLE_REFUSED,
                                   SWITCH_ANSWERED, SWITCH_REFUSED, pipe_model, programmable_model, switch_model)
from weightsmith.compiler import compile_program
from weightsmith.compose import ComposeError, ComposedModel, pipe, switch
from weightsmith.model import load, save
from weightsmith.rasp.errors import InputError

KINDS = {"switch": (switch_model, SWITCH_REFUSED, SWITCH_ANSWERED, 2),
         "pipe": (pipe_model, PIPE_REFUSED, PIPE_ANSWERED, 1),
         "programmable": (programmable_model, PROGRAMMABLE_REFUSED, PROGRAMMABLE_ANSWERED, 3)}


@pytest.fixture(scope="module")
def built():
    return {kind: build() for kind, (build, *_) in KINDS.items()}


@pytest.mark.parametrize("kind", KINDS)
def test_a_saved_model_run_plain_refuses_what_apply_refuses(built, kind, tmp_path):
    # only `ComposedModel.apply` and the CLI read a switch's and a pipe's checks: `weightsmith.model.load(SWITCH)`
    # run plain answered `BOS H a 1` (a token only T knows) and a pipe where its first model outputs None
    _, refused, answered, data = KINDS[kind]
    model = built[kind]
    save(model.model, tmp_path / kind)
    loaded = load(tmp_path / kind)
    assert loaded.config.composed == model.model.config.composed and loaded.config.program_ops == model.config.program_ops
    for tokens, message in refused:
        for run in (model.apply, model.model.run, loaded.run):
            with pytest.raises(InputError, match=message):
                run(tokens)
        with pytest.raises(InputError, match=message.replace("input 0", "input 1")):
            loaded.run_batch([answered[0][0], tokens])
    for tokens, want in answered:
        assert loaded.run(tokens)[data:] == want == model.apply(tokens).decoded[data:]



@pytest.mark.parametrize("kind", KINDS)
def test_decode_of_a_forward_pass_refuses_what_run_refuses(built, kind):
    # `Transformer.decode` (what generate, the extractor's ground truth and the SUBLEQ runner call on a forward
    # pass) decoded every input it was given: a switch's `BOS H a 1` came back answered
    _, refused, answered, data = KINDS[kind]
    model = built[kind].model
    for tokens, message in refused:
        batch = [answered[0][0], tokens]
        ids = model.encode(batch)
        with pytest.raises(InputError, match=message.replace("input 0", "input 1")):
            model.decode(model(ids), [len(x) for x in batch], ids)
        with pytest.raises(InputError, match=message.replace("input 0", "input 8")):
            model.decode(model(ids), [len(x) for x in batch], ids, first=7)
    batch = [tokens for tokens, _ in answered]
    ids = model.encode(batch)
    assert model.decode(model(ids), [len(x) for x in batch], ids) == model.run_batch(batch)
    with pytest.raises(ValueError, match="pass the ids the logits were run on"):
        model.decode(model(ids), [len(x) for x in batch])


def test_a_pipe_of_a_pipe_and_a_switch_of_a_pipe_keep_the_inner_checks_at_their_dims(built):
    record = built["switch"].config.composed
    assert record.kind == "switch" and record.parts == ["H", "T", "P"]
    assert [(c.first, c.second, c.selector) for c in record.fed] == [("zero_none", "h", "P")]
    assert set(record.outside) == {"H", "T", "P"}  # H and P lack tokens, T a length and a token
    chain = built["pipe"].config.composed
    assert [(c.first, c.second, c.selector) for c in chain.fed] == [("zero_none", "counts", None), ("hist", "copy", None)]
    labels = built["pipe"].config.residual_labels
    assert [labels[c.dim] for c in chain.fed] == ["pipe:fed", "counts/pipe:fed"]


def test_a_folder_saved_before_the_record_runs_unchecked_and_is_refused_as_a_component(tmp_path):
    """Folders saved before config.json recorded a switch's or pipe's checks still load, and run as plain
    models (nothing checks their domain: `BOS H a 1` is answered); composing them, or running them through
    `ComposedModel.of` (the CLI), is refused with what to do."""
    old = switch_model().model
    old.config.composed = None
    save(old, tmp_path / "old")
    loaded = load(tmp_path / "old")
    assert loaded.config.composed is None
    assert len(loaded.run(["BOS", "H", "a", 1])) == 4  # answered: unchecked
    with pytest.raises(ComposeError, match=r"^this switch was saved before a switch's config.json recorded the inputs "
                                           r"it refuses.*build it again"):
        ComposedModel.load(tmp_path / "old")
    with pytest.raises(ComposeError, match=r"^component 'A': this switch was saved before"):
        switch({"A": loaded, "B": compile_program(COPY, [0, 1, 2, 3], 3)})
    old_pipe = pipe_model().model
    old_pipe.config.composed = None
    with pytest.raises(ComposeError, match=r"^component 'first': this pipe was saved before"):
        pipe(old_pipe, compile_program(COPY, [1, 2, 3], 3))



def test_a_second_selector_among_the_data_is_refused(built):
    # `BOS H a T a`: the broadcast head read both selectors (half each), every component's gate stayed shut, and the
    # switch answered None at every data position without a word (apply and plain run alike)
    sw = built["switch"]
    for run in (sw.apply, sw.model.run):
        with pytest.raises(InputError, match=r"^input 0: the selector 'T' at position 3 stands among the data: a "
                                             r"switch reads one selector, right after BOS$"):
            run(["BOS", "H", "a", "T"])
