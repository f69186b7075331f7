"""The relaxed model and `discretise`: deterministic, and the relaxation becomes the program as tau -> 0."""

import numpy as np
import torch

from weightsmith.learn.model import TransformerProgramModel, discretise
from weightsmith.learn.program import SCOPES, ProgramConfig, encode_inputs
from weightsmith.learn.train import Encoded, TrainSettings, train
from weightsmith.tasks.algorithmic import make_task


def _config(causal=False, predicate="binary", **options):
    task = make_task("dyck2" if causal else "sort", size=200)
    return ProgramConfig(task.vocab, task.labels, task.max_len, 2, 2, 2, 2, causal, predicate, **options), task


def _same(a, b):
    assert len(a.heads) == len(b.heads)
    for la, lb in zip(a.heads + a.mlps, b.heads + b.mlps):
        for x, y in zip(la, lb):
            assert x.__dict__.keys() == y.__dict__.keys()
            for key in x.__dict__:
                assert np.array_equal(getattr(x, key), getattr(y, key))
    assert np.array_equal(a.classifier, b.classifier)


def test_discretise_is_deterministic():
    config, _ = _config()
    model = TransformerProgramModel(config, seed=3)
    _same(discretise(model), discretise(model))
    _same(discretise(model), discretise(TransformerProgramModel(config, seed=3)))


def test_relaxed_model_at_low_temperature_is_the_program():
    # Push every choice far from its boundary: then the relaxed forward at tiny tau predicts as the program.
    for causal, predicate, options in [(False, "binary", {}), (True, "one_hot", {}),
                                       (False, "binary", {"count_where": True, "values": 12}),
                                       (True, "mixed", {"count_where": True}),
                                       (False, "mixed", {"scopes": SCOPES}), (True, "binary", {"scopes": SCOPES})]:
        config, task = _config(causal, predicate, **options)
        torch.manual_seed(0)
        model = TransformerProgramModel(config, seed=1)
        with torch.no_grad():
            for layer in model.layers:
                for p in (layer.head_gates, layer.mlp_gates, layer.mlp_tables):
                    p.copy_(torch.nn.functional.one_hot(p.argmax(-1), p.shape[-1]) * 50.0)
                start, _ = config.binary_predicates()
                layer.predicates.copy_(torch.cat([
                    torch.nn.functional.one_hot(layer.predicates[:start].argmax(-1), config.n_values) * 50.0 - 25.0,
                    torch.where(layer.predicates[start:] > 0, 50.0, -50.0)]))
                layer.count_where.copy_(torch.where(torch.randn(layer.count_where.shape) > 0, 50.0, -50.0))
                scope = torch.randn(layer.scopes.shape).argmax(-1)
                layer.scopes.copy_(torch.nn.functional.one_hot(scope, len(config.scopes)) * 50.0)
            model.classifier.normal_()
        program = discretise(model)
        ids, lengths = encode_inputs(config, task.train.inputs)
        relaxed = model(torch.as_tensor(ids), torch.as_tensor(lengths), tau=1e-3).argmax(-1).numpy()
        valid = np.arange(ids.shape[1])[None] < lengths[:, None]
        agree = (relaxed == program.predict_ids(ids, lengths))[valid].mean()
        assert agree > 0.97  # ties in soft attention/counts can differ at isolated positions


def test_counting_heads_with_where_read_a_value_and_a_set():
    config, _ = _config(count_where=True, values=12)
    assert config.n_values == 12
    program = discretise(TransformerProgramModel(config, seed=2))
    counting = [h for layer in program.heads for h in layer if h.kind == "count"]
    assert counting and all(h.value is not None and h.where.shape == (12,) and h.where.all() for h in counting)
    plain = discretise(TransformerProgramModel(_config()[0], seed=2))
    assert all(h.value is None and h.where is None for layer in plain.heads for h in layer if h.kind == "count")


def test_mixed_predicates_are_one_hot_for_categorical_heads_only():
    config, _ = _config(predicate="mixed")
    assert config.binary_predicates() == (config.cat_heads, config.heads)
    program = discretise(TransformerProgramModel(config, seed=4))
    for layer in program.heads:
        for head in layer:
            if head.kind == "cat":
                assert (head.predicate.sum(1) == 1).all()
    counting = [h.predicate.sum(1) for layer in program.heads for h in layer if h.kind == "count"]
    assert any((rows != 1).any() for rows in counting)  # binary rows: any number of matches


def test_counting_heads_learn_a_scope_per_cell_only_when_offered_scopes():
    config = _config(scopes=("all", "after"))[0]
    program = discretise(TransformerProgramModel(config, seed=5))
    for head in (h for layer in program.heads for h in layer if h.kind == "count"):
        assert head.scope.shape == (config.n_values,) * 2 and set(np.unique(head.scope)) <= {0, SCOPES.index("after")}
    plain = discretise(TransformerProgramModel(_config()[0], seed=5))
    assert all(h.scope is None for layer in plain.heads for h in layer)


def test_identity_bias_starts_binary_predicates_at_key_equals_query():
    config = _config(predicate="mixed")[0]
    start, stop = config.binary_predicates()
    biased = discretise(TransformerProgramModel(config, seed=6, identity_bias=2.0))
    plain = discretise(TransformerProgramModel(config, seed=6))
    eye = np.eye(config.n_values, dtype=bool)
    for layer_b, layer_p in zip(biased.heads, plain.heads):
        for h, (head_b, head_p) in enumerate(zip(layer_b, layer_p)):
            if start <= h < stop:
                assert np.array_equal(head_b.predicate, eye) and not np.array_equal(head_p.predicate, eye)
            else:  # one-hot rows are not biased: the same draw as without
                assert np.array_equal(head_b.predicate, head_p.predicate)


def test_recency_bias_starts_gates_on_the_newest_variables():
    """With a large margin every gate's argmax is one of the newest variables: heads of layer l > 0 read
    layer l - 1's outputs, MLPs their own layer's heads; layer 0 heads still choose among tokens and positions."""
    config = _config()[0]
    program = discretise(TransformerProgramModel(config, seed=8, recency_bias=20.0))
    per_layer = config.heads + config.mlps
    for layer in range(config.layers):
        first = config.first_variable(layer)
        newest = range(first - per_layer, first) if layer else range(2)
        for head in program.heads[layer]:
            assert {head.query, head.key} | ({head.value} - {None}) <= set(newest)
        for mlp in program.mlps[layer]:
            assert {mlp.first, mlp.second} <= set(range(first, first + config.heads))
    plain = discretise(TransformerProgramModel(config, seed=8))
    # without the bias some layer-1 module reads an older variable
    assert any(v < 2 for h in plain.heads[1] for v in (h.query, h.key, h.value) if v is not None)


def test_read_last_layer_keeps_the_classifier_off_earlier_variables():
    config, task = _config()
    model = TransformerProgramModel(config, seed=7, read_last_layer=True)
    ids, lengths = (torch.as_tensor(a) for a in encode_inputs(config, task.train.inputs[:32]))
    model(ids, lengths, tau=1.0).sum().backward()
    first = config.first_variable(config.layers - 1)
    assert not model.classifier.grad[:first].any() and model.classifier.grad[first:].any()
    with torch.no_grad():
        model.classifier.normal_()  # whatever the rows hold, the program reads only the last layer
    program = discretise(model)
    assert not program.reads[:first].any() and program.reads[first:].all()
    assert not program.classifier[:first].any()


def test_a_program_without_heads_trains_and_discretises():
    # heads=0 (MLPs only) raised "torch.cat(): expected a non-empty list of Tensors" from the predicate step
    config = ProgramConfig(("<s>", "a", "b"), ("a", "b"), 3, 1, 0, 0, 1)
    data = Encoded.of(config, [["<s>", "a", "b"], ["<s>", "b", "a"]], [[None, "b", "a"], [None, "a", "b"]])
    program = train(config, data, data, TrainSettings(epochs=2, seed=0)).program
    assert program.heads == [[]] and len(program.mlps[0]) == 1
    assert len(program.predict([["<s>", "a", "b"]])[0]) == 3
