"""verify: passes exact models, catches a single corrupted weight, and names where the residual departs."""

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from weightsmith import library, rasp
from tests.program_strategies import inputs_for, random_programs
from weightsmith.verify import NumberLine, causal_difference, count_inputs, first_departure, verify

compiler = pytest.importorskip("weightsmith.compiler")


def compiled(name: str, **overrides):
    entry = library.PROGRAMS[name]
    program = entry.build()
    vocab = overrides.get("vocab", entry.vocab)
    max_seq_len = overrides.get("max_seq_len", entry.max_seq_len)
    return compiler.compile_rasp_to_model(program, set(vocab), max_seq_len), program


def swap_columns(matrix: torch.nn.Parameter, a: int, b: int) -> None:
    """Makes a block write value a's dimension where it should write b's, and vice versa."""
    with torch.no_grad():
        matrix[:, [a, b]] = matrix[:, [b, a]].clone()


def dim_of(model, label: str, value) -> int:
    """The residual dimension where the compiled model holds `label == value`."""
    layout = model.layouts[label]
    return layout.dims[layout.values.index(value)]


@pytest.mark.parametrize("name", ["reverse", "sort", "frac_prevs", "shuffle_dyck1"])
def test_compiled_library_programs_verify_on_every_input(name):
    model, program = compiled(name)
    report = verify(model, program, progress=False)
    assert report.ok, str(report)
    assert report.exhaustive
    assert report.n_checked == count_inputs(len(model.vocab), model.max_seq_len)
    assert report.first_mismatch is None


@pytest.mark.parametrize("name", sorted(library.PROGRAMS))
def test_no_sop_departs_in_a_correct_model(name, tmp_path):
    """Localisation has no false alarms: in an exact model every s-op reads right, read through the
    compiler's layouts or, after saving and loading, through the residual labels alone."""
    from weightsmith.model import load, save

    model, program = compiled(name)
    save(model.model, tmp_path)
    loaded = load(tmp_path)
    for xs in library.PROGRAMS[name].examples:
        assert first_departure(model, program, xs) is None
        assert first_departure(loaded, program, xs) is None


@settings(max_examples=60, deadline=None)
@given(case=random_programs(max_ops=8, max_vocab=3, max_len=5), data=st.data())
def test_no_sop_departs_in_a_correct_model_of_a_random_program(case, data):
    model = compiler.compile_rasp_to_model(case.program, set(case.vocab), case.max_seq_len)
    for xs in data.draw(inputs_for(case.vocab, case.max_seq_len, max_size=5)):
        assert first_departure(model, case.program, xs) is None, f"{xs}\n{case!r}"


def test_swapped_attention_output_is_caught_and_localised():
    model, program = compiled("reverse")
    layer, kind = model.schedule["reverse"]
    assert kind == "attention"
    head = next(h for h in model.heads if h.label == "reverse")
    swap_columns(model.model.layers[layer].heads[head.head].W_O, dim_of(model, "reverse", "a"),
                 dim_of(model, "reverse", "b"))
    report = verify(model, program, progress=False)
    # Only inputs made of 'c' alone (one per length) are untouched by swapping 'a' and 'b'.
    assert report.n_mismatches == report.n_checked - model.max_seq_len
    m = report.first_mismatch
    assert {m.expected, m.got} == {"a", "b"}
    assert rasp.evaluate(program, m.input)[m.position] == m.expected
    d = m.departure
    assert (d.sop, d.sublayer, d.sublayer_name) == ("reverse", 2 * layer + 1, f"layer {layer} attn")
    assert d.residual_label.split()[0] in ("reverse:a", "reverse:b")
    assert "reverse" in str(report) and f"layer {layer} attn" in str(report)


def test_corrupted_mlp_is_localised_to_the_sop_it_writes_not_to_the_output():
    model, program = compiled("reverse")
    layer, kind = model.schedule["opp_idx"]
    assert kind == "mlp"
    W_out = model.model.layers[layer].mlp.W_out  # [d_mlp, d_model]: its columns are residual dims
    swap_columns(W_out, dim_of(model, "opp_idx", 1), dim_of(model, "opp_idx", 2))
    report = verify(model, program, progress=False)
    assert not report.ok
    d = report.first_mismatch.departure
    assert (d.sop, d.sublayer) == ("opp_idx", 2 * layer + 2)
    assert d.residual_label.split()[0] in ("opp_idx:1", "opp_idx:2")


def test_a_saved_and_loaded_model_is_localised_by_its_labels(tmp_path):
    from weightsmith.model import load, save

    model, program = compiled("reverse")
    save(model.model, tmp_path / "ok")
    assert verify(load(tmp_path / "ok"), program, progress=False).ok
    layer, _ = model.schedule["opp_idx"]
    swap_columns(model.model.layers[layer].mlp.W_out, dim_of(model, "opp_idx", 3), dim_of(model, "opp_idx", 4))
    save(model.model, tmp_path / "bad")
    report = verify(load(tmp_path / "bad"), program, progress=False)
    assert not report.ok
    d = report.first_mismatch.departure
    assert (d.sop, d.sublayer) == ("opp_idx", 2 * layer + 2)
    assert d.residual_label.split()[0] in ("opp_idx:3", "opp_idx:4")


def shift_numerical_output(model, delta: float) -> None:
    """Adds `delta` to the output's dimension at every position (through the token embeddings)."""
    with torch.no_grad():
        model.model.token_embed[:, model.config.output_dims[0]] += delta


def test_numerical_error_inside_the_margin_is_reported_and_outside_it_fails():
    model, program = compiled("frac_prevs")
    clean = verify(model, program, progress=False)
    assert clean.ok and clean.max_numerical_error < 1e-5
    delta = 0.4 * clean.numerical_margin
    shift_numerical_output(model, delta)
    shifted = verify(model, program, progress=False)
    assert shifted.ok
    assert shifted.max_numerical_error == pytest.approx(delta, abs=1e-5)
    shift_numerical_output(model, 0.3 - delta)  # 0.3 in total: far more than half of any gap near 0
    report = verify(model, program, progress=False)
    assert not report.ok
    assert report.first_mismatch.departure.sop == "frac_prevs"


def test_random_inputs_when_there_are_too_many_to_enumerate():
    model, program = compiled("sort_unique", max_seq_len=8)
    assert count_inputs(len(model.vocab), 8) > 100_000
    report = verify(model, program, n_random=300, seed=1, progress=False)
    assert not report.exhaustive
    assert report.n_checked == 300


def test_a_wrong_program_is_a_mismatch():
    model, _ = compiled("reverse")
    report = verify(model, rasp.Map(lambda t: t, rasp.tokens).named("identity"), progress=False)
    assert not report.ok
    m = report.first_mismatch
    assert m.expected == m.input[m.position] and m.got != m.expected


def test_inputs_where_the_program_is_undefined_are_counted_not_compared():
    model, _ = compiled("reverse")
    # averaging strings raises: defined on inputs of length 1 only (where reverse copies the token too)
    average_strings = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE), rasp.tokens)
    report = verify(model, average_strings, progress=False)
    vocab, n = len(model.config.vocab), model.config.max_seq_len
    assert report.exhaustive and report.ok
    assert report.n_checked == vocab and report.n_undefined == sum(vocab**k for k in range(2, n + 1))
    assert f"{report.n_undefined:,} where the program is undefined" in str(report)


def test_number_line_merges_float_twins_and_reads_the_nearest_point():
    line = NumberLine([2 / 3, 1 - 1 / 3, 0.5, 1])
    assert len(line.points) == 4  # 0 (None's stand-in), 0.5, 2/3 (twice), 1
    assert line.margin == pytest.approx((2 / 3 - 0.5) / 2)
    assert line.same(np.array([0.6]), np.array([2 / 3]))[0]
    assert not line.same(np.array([0.58]), np.array([2 / 3]))[0]


@given(st.lists(st.integers(-50, 50), min_size=1, max_size=8, unique=True), st.data())
def test_number_line_accepts_exactly_what_is_nearer_than_the_neighbours(values, data):
    line = NumberLine(values)
    v = data.draw(st.sampled_from(values))
    error = data.draw(st.floats(-1, 1))
    # Integers are 1 apart, so an error under 1/2 is always read right and one over 1/2 never is.
    if abs(error) < 0.5:
        assert line.same(np.array([v + error]), np.array([v]))[0]
    elif abs(error) > 0.5 and (v + np.sign(error)) in set(values) | {0}:
        assert not line.same(np.array([v + error]), np.array([v]))[0]


def test_a_pruned_numerical_sop_is_not_read():
    # With max_seq_len 1 the width of v1 == v1 is always 1, so nothing needs v1: the compiler prunes it.
    v0 = rasp.Aggregate(rasp.Select(rasp.indices, rasp.tokens, rasp.Comparison.EQ), rasp.tokens)
    v1 = rasp.numerical(rasp.Map(lambda x: x % 3, rasp.tokens))
    width = rasp.SelectorWidth(rasp.Select(v1, v1, rasp.Comparison.EQ))
    program = rasp.SequenceMap(lambda x, y: (x + y) % 3, width, v0)
    model = compiler.compile_rasp_to_model(program, {0, 1}, 1)
    assert model.layouts[v1.label].unrepresented == [0, 1]
    assert first_departure(model, program, [1]) is None


def test_a_model_of_another_program_is_named_as_such():
    model, _ = compiled("reverse")
    report = verify(model, library.make_hist())
    assert not report.ok and "every s-op reads right" not in str(report)
    assert "the model's output s-op is 'reverse', the program's 'hist': the model computes another program" in str(report)
    assert report.first_mismatch.unread == ("hist",)


def test_a_program_undefined_everywhere_is_not_a_pass_and_names_the_model_vocabulary():
    model, _ = compiled("reverse")
    report = verify(model, rasp.Map(lambda t: t + 1, rasp.tokens))
    assert not report.ok and report.n_checked == 0 and report.n_undefined > 0
    assert "input ['a'] (over the model's vocabulary ['a', 'b', 'c'])" in str(report)


def test_causal_model_is_checked_against_the_causal_form():
    entry = library.PROGRAMS["hist"]
    causal = compiler.compile_rasp_to_model(entry.build(), set(entry.vocab), entry.max_seq_len, causal=True)
    report = verify(causal, entry.build())
    assert report.ok and report.causal and "program's causal form" in str(report)
    difference = causal_difference(entry.build(), entry.vocab, entry.max_seq_len)
    assert difference is not None and difference.input == ["a", "a"]
    assert rasp.evaluate(entry.build(), difference.input) == difference.program_output == [2, 2]
    assert difference.causal_output == [1, 2]
    frac = library.PROGRAMS["frac_prevs"]
    assert causal_difference(frac.build(), frac.vocab, frac.max_seq_len) is None  # it only looks back
    # at length 1 there is nothing ahead to see: the causal form equals the program on every input
    sort = library.PROGRAMS["sort"]
    assert causal_difference(sort.build(), sort.vocab, 1) is None


def test_causal_model_of_a_program_that_only_looks_back_is_checked_against_the_program():
    entry = library.PROGRAMS["frac_prevs"]
    causal = compiler.compile_rasp_to_model(entry.build(), set(entry.vocab), entry.max_seq_len, causal=True)
    report = verify(causal, entry.build())
    assert report.ok and not report.causal and "model == program on every one" in str(report)


def test_a_model_masked_only_because_its_program_looks_back_is_not_the_causal_form_of_another_program(tmp_path):
    # prefix mean (looks back only) compiled without causal: masked anyway, but it claims the prefix mean; against
    # the mean over all positions (which looks ahead) verify must compare with that program itself, whose causal
    # form the model happens to compute (it passed as "model == program's causal form" before causal_form)
    from weightsmith.model import load, save

    ones = rasp.numerical(rasp.Map(lambda t: 1 if t == 1 else 0, rasp.tokens))
    prefix = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ), ones,
                                           default=0))
    everywhere = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.TRUE), ones,
                                               default=0))
    model = compiler.compile_rasp_to_model(prefix, {0, 1}, 4).model
    assert model.config.causal and model.config.causal_form is False
    for candidate in (model, load(save(model, tmp_path / "prefix"))):
        assert verify(candidate, prefix, progress=False).ok
        report = verify(candidate, everywhere, progress=False)
        assert not report.ok and not report.causal
    asked = compiler.compile_rasp_to_model(everywhere, {0, 1}, 4, causal=True).model
    assert asked.config.causal_form is True
    assert verify(asked, everywhere, progress=False).causal


def test_a_wrong_type_is_a_mismatch():
    # frac_prevs decodes bool where one key is selected and float where several are: with the two type
    # names swapped the values are still right, the types are not, and verify says so
    model, program = compiled("frac_prevs")
    assert verify(model, program, progress=False).ok
    model.config.output_types["types"] = ["int", "float", "bool"]
    report = verify(model, program, progress=False)
    assert not report.ok
    m = report.first_mismatch
    assert type(m.expected) is not type(m.got) and m.expected == m.got


@pytest.mark.parametrize("wrap", [lambda compiled: compiled.model, lambda compiled: compiled],
                         ids=["loaded model", "compiled model"])
def test_a_numerical_model_of_another_program_is_not_read_as_that_programs_nearest_values(wrap):
    """The model outputs 1 where the program says 0: judged only by the program's values {0, 10}, 1 is
    nearest 0 and passed. The values the model says it outputs ({0, 1, 2, 10}) are points too."""
    identity = rasp.numerical(rasp.Map(lambda x: x, rasp.tokens)).named("out")
    step = rasp.numerical(rasp.Map(lambda x: 0 if x < 10 else 10, rasp.tokens)).named("out")
    model = compiler.compile_rasp_to_model(identity, {0, 1, 2, 10}, 2)
    report = verify(wrap(model), step, progress=False)
    assert not report.ok
    assert report.first_mismatch.expected == 0 and report.first_mismatch.got == pytest.approx(1)
    assert report.first_mismatch.departure.sop == "out"  # not "every s-op reads right"


def test_no_inputs_to_check_is_refused_not_reported_as_a_program_undefined_on_zero_inputs():
    model, program = compiled("sort_unique", max_seq_len=8)  # too many inputs to enumerate: random ones
    for settings in ({"n_random": 0}, {"max_seq_len": 0}, {"vocab": []}):
        with pytest.raises(ValueError, match="nothing to check"):
            verify(model, program, **settings)


def test_a_vocabulary_the_model_does_not_have_is_named():
    model, program = compiled("reverse")
    for foreign in ("z", 1):
        with pytest.raises(ValueError, match=f"vocab holds {foreign!r}, which the model's vocabulary"):
            verify(model, program, vocab=["a", foreign])


@pytest.mark.parametrize("encode", [rasp.categorical, rasp.numerical])
def test_a_model_whose_outputs_differ_in_type_computes_another_program(encode):
    """A model of `t -> t` decodes 1 where `t -> float(t)` gives 1.0 (`run` prints [0, 1, 2] and
    [0.0, 1.0, 2.0]); verify passed it, comparing numbers by value only. Outputs keep the interpreter's
    types, so the model computes another program: a mismatch naming both values."""
    from weightsmith.compiler import compile_program

    ints = encode(rasp.Map(lambda t: t, rasp.tokens))
    floats = encode(rasp.Map(lambda t: float(t), rasp.tokens))
    model = compile_program(ints, [0, 1, 2], 3).model
    assert verify(model, ints).ok
    report = verify(model, floats)
    assert not report.ok and report.n_mismatches == report.n_checked == 39
    assert "expected 0.0, got 0;" in str(report)
    assert verify(compile_program(floats, [0, 1, 2], 3).model, floats).ok


def test_a_sketch_whose_holes_are_not_filled_is_refused_naming_the_hole():
    """A fitted model verified against its sketch (the program file `fit` read) was a MISMATCH "undefined on every
    one of the inputs ... (is it written for another vocabulary or length?)": the hole was the reason."""
    bigger = rasp.Learnable.select(rasp.tokens, rasp.tokens).named("bigger")
    count = rasp.SelectorWidth(bigger)
    filled = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.GT))
    model = compiler.compile_rasp_to_model(filled, {1, 2}, 3)
    with pytest.raises(ValueError, match="'bigger' is a hole that is not filled"):
        verify(model, count)
    bigger.fill({(k, q): k > q for k in (1, 2) for q in (1, 2)})
    assert verify(model, count).ok


def test_a_saved_model_holding_number_like_or_tuple_like_strings_departs_nowhere(tmp_path):
    """A saved model's s-ops are read by their labels' text, and a label "out:10" parsed as the int 10: for a
    program whose values are the *strings* '10', '21', ... `first_departure` reported "expected '10', got 10" at
    the first sublayer, on every input, for a model equal to its program. Label values are matched by text."""
    from weightsmith.compiler import compile_rasp_to_model
    from weightsmith.model import load, save
    from weightsmith.verify import all_inputs

    text = rasp.categorical(rasp.Map(lambda t: str(t), rasp.tokens)).named("text")
    number_like = rasp.categorical(rasp.SequenceMap(lambda a, i: a + str(i % 2), text, rasp.indices)).named("out")
    pair = rasp.categorical(rasp.SequenceMap(lambda t, i: (t, i % 2), rasp.tokens, rasp.indices)).named("pair")
    tuple_like = rasp.categorical(rasp.Map(lambda p: str(p), pair)).named("shown")
    both = rasp.categorical(rasp.SequenceMap(lambda a, b: a + b, number_like, tuple_like)).named("both")
    model = load(save(compile_rasp_to_model(both, {1, 2}, 3).model, tmp_path / "m"))  # labels only, no layouts
    for xs in all_inputs([1, 2], 3):
        assert first_departure(model, both, xs) is None, xs
    assert verify(model, both).ok


def test_a_learned_model_is_compared_on_its_programs_inputs_and_a_difference_only_at_its_bos_is_told_apart():
    # verify compared a compiled Transformer Program on inputs without its BOS first, which the model refuses and
    # no task of `learn` writes (its first mismatch: [3, 5, 2, 3, 4, 2, 'BOS']), and two `learn hist` programs
    # that agree at every labelled position were "2,376 mismatch(es)" apart, every one at the BOS's position
    from tests.learn.conftest import random_program
    from tests.learn.test_to_transformer import quantised
    from weightsmith.learn import compile_program, decompile_to_rasp
    from weightsmith.verify import inputs

    program = quantised(random_program(3, max_len=4))  # vocab BOS, 0, 1, 2, 'x'
    model, decompiled = compile_program(program).model, decompile_to_rasp(program)
    report = verify(model, decompiled)
    assert report.ok and report.exhaustive and report.n_checked == 1 + count_inputs(4, 3)
    assert str(report).startswith("85 all inputs starting with 'BOS': model == program on every one")
    classes = program.config.classes
    other = {c: classes[(k + 1) % len(classes)] for k, c in enumerate(classes)}
    at_bos = rasp.SequenceMap(lambda y, i: other[y] if i == 0 else y, decompiled, rasp.indices)
    report = verify(model, at_bos)
    assert not report.ok and report.n_mismatches == report.n_at_bos == 85
    assert "85 mismatch(es) with the program, every one only at position 0, the learned program's BOS 'BOS', " \
           "which no task of `learn` labels: at every other position, model == program; first: input ['BOS']" \
           in str(report)
    also_past = rasp.SequenceMap(lambda y, i: other[y] if i in (0, 2) else y, decompiled, rasp.indices)
    report = verify(model, also_past)  # the first mismatch shown is one past the BOS position
    assert report.n_mismatches == 85 and report.n_at_bos == 5 and report.first_mismatch.position == 2
    assert "85 mismatch(es) with the program, 5 of them only at position 0" in str(report)
    sampled, total, exhaustive = inputs(["BOS", 0, 1], 30, 500, 0, "BOS")
    sampled = list(sampled)
    assert not exhaustive and total == 1 + count_inputs(2, 29) and len(sampled) == 500
    assert all(xs[0] == "BOS" and "BOS" not in xs[1:] for xs in sampled) and max(map(len, sampled)) == 30


def test_a_numerical_model_verified_against_a_program_of_text_says_it_computes_another_program():
    # it raised "could not convert string to float: 'b'" (`weightsmith verify` printed just that)
    everything = rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.TRUE)
    frac_a = rasp.numerical(rasp.Aggregate(everything, rasp.numerical(rasp.Map(lambda t: int(t == "a"), rasp.tokens)),
                                           default=0)).named("frac_a")
    model = compiler.compile_rasp_to_model(frac_a, {"a", "b"}, 3)
    with pytest.raises(ValueError, match=r"^the model's output 'frac_a' is a number, the program's 'reverse' can be "
                                         r"'a': the model computes another program$"):
        verify(model, library.PROGRAMS["reverse"].build())
