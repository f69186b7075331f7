"""The compiled model's API (Tracr's `apply`, batches) and its reading guide (layouts per s-op)."""

import functools
import math
import random

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weightsmith import rasp
from weightsmith.compiler import compile_program, compile_rasp_to_model
from weightsmith.compiler.compiled import SOpLayout
from weightsmith.library import PROGRAMS, get_program
from weightsmith.model import load, save

from tests.compiler.agreement import compile_noting_type_warnings, every_input, same_value
from tests.program_strategies import random_programs


def test_apply_is_tracrs_call():
    compiled = compile_rasp_to_model(PROGRAMS["reverse"].build(), {"a", "b", "c"}, 5, compiler_pad=None,
                                     mlp_exactness=100)
    assert compiled.apply(["BOS", "a", "b", "c"]).decoded == ["BOS", "c", "b", "a"]
    assert compiled.apply_batch([["BOS", "a"], ["BOS", "b", "c"]]) == [["BOS", "a"], ["BOS", "c", "b"]]
    assert compiled.run(["c", "a"]) == ["a", "c"]
    assert compiled.config is compiled.model.config


def test_a_string_where_a_token_list_is_expected_is_refused_with_the_list_meant():
    """`apply("BOS a")` read the string's characters and said "must start with 'BOS', got ['B']"; `run("ab")` ran
    on the letters by accident."""
    compiled = compile_rasp_to_model(PROGRAMS["reverse"].build(), {"a", "b", "c"}, 5, compiler_bos="BOS")
    calls = {"apply": lambda: compiled.apply("BOS a"), "apply_batch": lambda: compiled.apply_batch([["BOS"], "BOS a"]),
             "model.run": lambda: compiled.model.run("BOS a"), "run": lambda: compiled.run("a b")}
    for name, call in calls.items():
        with pytest.raises(rasp.InputError, match=r"expected a list of tokens, got the string '(BOS )?a( b)?': give \["):
            call()
    with pytest.raises(rasp.InputError, match=r"^input 1: .*the string 'ab': give \['a', 'b'\]$"):
        compiled.run_batch([["a"], "ab"])
    with pytest.raises(rasp.InputError, match=r"^inputs: expected a list of inputs .*got the string 'ab'"):
        compiled.run_batch("ab")
    assert compiled.run(("a", "b")) == ["b", "a"]  # any other sequence of tokens is one


def test_each_entry_point_checks_the_token_lists_once(token_checks):
    """The batched paths checked the same inputs two or three times (`run`: in `with_bos`, `apply_batch` and
    `encode`); the string refusals above still come from the one check at the entry."""
    compiled = compile_rasp_to_model(PROGRAMS["reverse"].build(), {"a", "b", "c"}, 5, compiler_bos="BOS")
    calls = {"apply": lambda: compiled.apply(["BOS", "a"]), "apply_batch": lambda: compiled.apply_batch([["BOS", "a"]]),
             "run": lambda: compiled.run(["a", "b"]), "run_batch": lambda: compiled.run_batch([["a"], ["b", "c"]])}
    for name, call in calls.items():
        token_checks.clear()
        call()
        assert len(token_checks) == 1, name


def test_a_batch_is_split_so_that_its_widest_activation_fits_the_budget(monkeypatch):
    """`run_batch` ran every input (up to 8,192) in one forward pass whatever the model's width: a 20,000-unit
    staircase at length 32 asked for 3.3 GB on 1,258 inputs and the process was killed (fzz23's grid). The rows
    of a pass now keep its widest activation within `compiled.ACTIVATION_BYTES`; the answers are the same."""
    from weightsmith.compiler import compiled

    mean = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.GEQ),
                                         rasp.numerical(rasp.Map(lambda i: i, rasp.indices)), default=0))
    square = rasp.numerical(rasp.Map(lambda x: x * x, mean))
    model = compile_program(square, [0, 1], 8)
    inputs = [[random.Random(n).choice([0, 1]) for _ in range(1 + n % 8)] for n in range(200)]
    expected = model.run_batch(inputs)
    widest = max([model.config.d_model, *(layer.d_mlp for layer in model.config.layers)])
    monkeypatch.setattr(compiled, "ACTIVATION_BYTES", 4 * widest * 9 * 16, raising=False)  # 16 rows of 9 positions
    rows = []
    forward = model.model.forward
    monkeypatch.setattr(model.model, "forward", lambda ids, *a, **k: rows.append(len(ids)) or forward(ids, *a, **k))
    assert model.run_batch(inputs) == expected
    assert max(rows) == 16 and sum(rows) == len(inputs)


def test_numbers_decode_to_the_values_the_program_computes():
    frac = PROGRAMS["frac_prevs"].build()
    compiled = compile_program(frac, ["a", "b", "x"], 5)
    out = compiled.run(["b", "x", "b", "a", "x"])
    assert out == rasp.evaluate(frac, ["b", "x", "b", "a", "x"])  # 1/3 is the float64 1/3, not float32's
    assert compiled.output_values and compiled.output_tolerance > 0


def test_a_saved_numerical_model_decodes_exactly(tmp_path):
    # Snapping lives in the model's config, so a loaded model (no CompiledModel around it) still
    # decodes 1/3 as the float64 1/3 the interpreter computes, on every input, not as float32's 0.33333334.
    entry = get_program("frac_prevs")
    program, vocab = entry.build(), list(entry.vocab)
    compiled = compile_program(program, vocab, entry.max_seq_len)
    assert compiled.config.output_values == compiled.output_values
    assert compiled.config.output_tolerance == compiled.output_tolerance > 0
    save(compiled.model, tmp_path)
    loaded = load(tmp_path)
    inputs = every_input(vocab, entry.max_seq_len)
    got = [row[1:] for row in loaded.run_batch([["BOS", *x] for x in inputs])]
    want = [rasp.evaluate(program, x) for x in inputs]
    assert got == want
    assert any(v == 1 / 3 for row in got for v in row)  # fractions that float32 cannot hold occur
    assert compiled.run_batch(inputs) == want


def test_layout_of_an_sop_without_values_decodes_to_none():
    layout = SOpLayout(label="never", kind="Map", encoding="categorical", values=[], dims=[],
                       readout=np.zeros((0, 4)), written_after=-1, erased_in=None, sublayer="virtual")
    assert layout.decode(np.ones((2, 3, 4))) == [None] * 6
    assert layout.decode(torch.ones(5, 4)) == [None] * 5


def test_every_sop_can_be_read_from_the_residual_wherever_it_lives():
    for name in ("sort_unique", "shuffle_dyck1", "most_freq", "detect_pattern"):
        entry = PROGRAMS[name]
        program, vocab = entry.build(), list(entry.vocab)
        compiled = compile_program(program, vocab, entry.max_seq_len)
        model = compiled.model.double()
        inputs = every_input(vocab, 3)
        with torch.inference_mode():
            _, residuals = model(model.encode([["BOS", *x] for x in inputs]), return_residuals=True)
        checked = 0
        for b, xs in enumerate(inputs):
            trace = rasp.trace(program, xs)
            for label, layout in compiled.layouts.items():
                if layout.helper or label not in trace:
                    continue
                for k, residual in enumerate(residuals):
                    if not layout.valid_after(k - 1):
                        continue
                    got = layout.decode(residual[b, 1: len(xs) + 1])
                    for g, want in zip(got, trace[label].value):
                        if want in layout.unrepresented:
                            continue
                        if layout.encoding == "numerical":
                            assert math.isclose(g, want, rel_tol=1e-4, abs_tol=1e-4), (name, label, xs, k)
                        else:
                            assert g == want, (name, label, xs, k, got, trace[label].value)
                        checked += 1
        assert checked > 100


def test_read_residuals_gives_each_sops_values_for_each_input_in_the_order_given():
    """Inputs of mixed lengths (batched shortest first, then put back in order; a batch smaller than the
    inputs), each s-op read right after it is written: the interpreter's values of that s-op, input by input."""
    entry = PROGRAMS["sort_unique"]
    program, vocab = entry.build(), list(entry.vocab)
    compiled = compile_program(program, vocab, entry.max_seq_len)
    labels = [label for label, layout in compiled.layouts.items()
              if not layout.helper and layout.encoding == "categorical" and not layout.unrepresented]
    inputs = [random.Random(b).choices(vocab, k=n) for b, n in enumerate([3, 1, entry.max_seq_len, 2, 1, 3, 2])]
    got = compiled.read_residuals(inputs, labels, batch_size=3)
    assert len(labels) > 2 and program.label in labels
    for label in labels:
        assert got[label] == [rasp.trace(program, xs)[label].value for xs in inputs], label


def test_schedule_and_heads_are_reported():
    compiled = compile_program(PROGRAMS["reverse"].build(), ["a", "b", "c"], 5)
    assert compiled.schedule["reverse"] == (2, "attention")
    assert compiled.schedule["length"] == (0, "mlp")
    head = next(h for h in compiled.heads if h.label == "reverse")
    assert head.layer == 2 and 0 < head.margin <= 1e-6 and head.scale > 0
    assert compiled.layouts["opp_idx-1"].sublayer == "virtual"
    assert compiled.layouts["tokens"].sublayer == "embedding"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=random_programs(max_ops=6, max_vocab=3, max_len=5), causal=st.booleans(), data=st.data())
def test_appending_pad_tokens_never_changes_the_real_positions(case, causal, data):
    # Tracr's compiled models accept [BOS, tokens..., PAD...]; PAD keys are masked from attention, so the
    # outputs at the real positions are the unpadded input's, and each padding slot holds PAD.
    compiled = compile_rasp_to_model(case.program, set(case.vocab), case.max_seq_len, causal=causal)
    bos, pad = compiled.config.bos, compiled.config.pad
    xs = data.draw(st.lists(st.sampled_from(case.vocab), max_size=case.max_seq_len - 1), label="xs")
    n_pads = data.draw(st.integers(1, case.max_seq_len - len(xs)), label="n_pads")
    plain = compiled.apply([bos, *xs]).decoded
    assert compiled.apply([bos, *xs, *[pad] * n_pads]).decoded == plain + [pad] * n_pads


@functools.lru_cache(maxsize=None)
def library_model(name: str):
    program = PROGRAMS[name]
    return compile_program(program.build(), list(program.vocab), program.max_seq_len)


@st.composite
def library_batches(draw):
    """A library program's name and a batch of its inputs, of mixed lengths (so each is padded
    differently in the batch than alone)."""
    name = draw(st.sampled_from(sorted(PROGRAMS)))
    program = PROGRAMS[name]
    sequence = st.lists(st.sampled_from(list(program.vocab)), min_size=1, max_size=program.max_seq_len)
    return name, draw(st.lists(sequence, min_size=1, max_size=6))


@given(library_batches())
@settings(max_examples=60, deadline=None)
def test_apply_and_apply_batch_agree_value_for_value_and_type_for_type(case):
    name, batch = case
    compiled = library_model(name)
    inputs = [["BOS", *x] for x in batch]
    together = compiled.apply_batch(inputs)
    for tokens, batched in zip(inputs, together):
        alone = compiled.apply(tokens).decoded
        assert alone == batched and [type(v) for v in alone] == [type(v) for v in batched]


def typed(rows: list[list]) -> list[list]:
    """Values with their types: 4 and 4.0 (equal numbers) differ here, as in the interpreter's output."""
    return [[(type(v), v) for v in row] for row in rows]


def assert_same_types_and_values(got: list[list], want: list[list]) -> None:
    """Equal types everywhere, and values equal up to the interpreter's float64 twins (2/3 - 1/3 and 1/3
    are one value of the model: `agreement.same_value`). None (undefined) is skipped: a numerical output
    holds it as 0, Tracr's convention."""
    assert [len(row) for row in got] == [len(row) for row in want]
    for b, (ours, theirs) in enumerate(zip(got, want)):
        for i, (g, w) in enumerate(zip(ours, theirs)):
            if w is not None:
                assert type(g) is type(w) and same_value(g, w), f"input {b}, position {i}: {g!r} != {w!r}"


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_library_outputs_have_the_interpreters_types(name):
    # A numerical mean is a float where several keys are selected and the selected value itself (int,
    # bool) where one is: the model decodes the type the interpreter gives, not the value set's.
    entry = PROGRAMS[name]
    compiled = library_model(name)
    rng = random.Random(name)
    vocab = list(entry.vocab)
    if name == "sort_unique":  # its contract: no repeated tokens
        inputs = [rng.sample(vocab, rng.randint(1, min(len(vocab), entry.max_seq_len))) for _ in range(150)]
    else:
        inputs = [[rng.choice(vocab) for _ in range(rng.randint(1, entry.max_seq_len))] for _ in range(150)]
    got = [row[1:] for row in compiled.apply_batch([["BOS", *x] for x in inputs])]
    assert_same_types_and_values(got, rasp.evaluate_batch(compiled.program, inputs))


def test_a_numerical_mean_decodes_as_the_interpreter_types_it(tmp_path):
    ones = rasp.numerical(rasp.Map(lambda t: 4 if t == "a" else 2, rasp.tokens))
    prefix = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
    mean = rasp.numerical(rasp.Aggregate(prefix, ones, default=0)).named("mean")
    compiled = compile_program(mean, ["a", "b"], 4)
    assert compiled.config.output_types["types"] == ["int", "int", "float"]
    assert typed([compiled.run(["a", "a", "b"])]) == typed([[4, 4.0, 10 / 3]])
    save(compiled.model, tmp_path)
    assert typed([load(tmp_path).run(["BOS", "a", "a"])[1:]]) == typed([[4, 4.0]])
    # where the value set's types are already the interpreter's, nothing is added
    floats = rasp.numerical(rasp.Map(lambda t: 4.0 if t == "a" else 2.5, rasp.tokens))
    plain = compile_program(rasp.numerical(rasp.Aggregate(prefix, floats, default=0.0)), ["a", "b"], 4)
    assert plain.config.output_types is None


def test_a_categorical_mean_and_what_is_computed_from_means_keep_the_interpreters_types():
    prefix = rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ)
    odd = rasp.Map(lambda t: 1 if t == "a" else 3, rasp.tokens)
    categorical = rasp.Aggregate(prefix, odd)  # averages different values: 1, 3 and means such as 2.0
    shifted = rasp.numerical(rasp.Map(lambda m: m - 1, rasp.numerical(rasp.Aggregate(prefix, odd, default=0))))
    for program in (categorical, shifted):
        compiled = compile_program(program, ["a", "b"], 4)
        assert compiled.config.output_types is not None
        inputs = every_input(["a", "b"], 4)
        got = [row[1:] for row in compiled.apply_batch([["BOS", *x] for x in inputs])]
        assert_same_types_and_values(got, rasp.evaluate_batch(program, inputs))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=random_programs(max_ops=8, max_vocab=3, max_len=5))
def test_random_programs_decode_the_interpreters_types(case):
    """The interpreter's types on every input, or, where the compiler warned that the type is not covered
    (OutputTypeWarning), the interpreter's values."""
    compiled, type_warned = compile_noting_type_warnings(case.program, set(case.vocab), case.max_seq_len)
    inputs = every_input(case.vocab, case.max_seq_len)
    want = rasp.evaluate_batch(case.program, inputs)
    got = [row[1:] for row in compiled.apply_batch([["BOS", *x] for x in inputs])]
    if type_warned:
        got = [[g if w is None or g is None else type(w)(g) for g, w in zip(ours, theirs)]
               for ours, theirs in zip(got, want)]
    assert_same_types_and_values(got, want)


@pytest.mark.parametrize("name", ["sort", "hist", "shuffle_dyck2", "most_freq", "frac_prevs"])
def test_every_layouts_readout_is_its_read_outs_summed_term_by_term(name, monkeypatch):
    """`_layouts` writes every matrix with one scatter into a shared buffer: each must be what adding
    its rows' terms one by one into a zero matrix gives, bit for bit, and blocks must not overlap."""
    from weightsmith.compiler import compact, compiling

    seen = {}
    real = compiling._layouts

    def recording(lowering, layout):
        seen.update(lowering=lowering, layout=layout)
        return real(lowering, layout)

    monkeypatch.setattr(compiling, "_layouts", recording)
    p = PROGRAMS[name]
    compiled = compile_program(p.build(), p.vocab, p.max_seq_len)
    lowering, layout = seen["lowering"], seen["layout"]
    reps = {}
    for rep in [*lowering.reps.values(), *(op.output for op in lowering.ops)]:
        reps.setdefault(rep.label, rep)
    assert compiled.layouts
    for label, got in compiled.layouts.items():
        rep = reps[label]
        if got.encoding == "numerical":
            rows = [rep.scalar]
        else:
            rows = [rep.indicators[v] if rep.indicators is not None else compact.detector(rep, v) for v in rep.values]
        want = np.zeros((len(rows), layout.d_model))
        for i, r in enumerate(rows):
            for dim, c in r.terms.items():
                if dim in layout.index:
                    want[i, layout.index[dim]] += c
        assert got.readout.shape == want.shape and got.readout.tobytes() == want.tobytes(), label
    blocks = sorted((m.readout.__array_interface__["data"][0], m.readout.nbytes) for m in compiled.layouts.values())
    assert all(a + n <= b for (a, n), (b, _) in zip(blocks, blocks[1:]))


def test_run_refuses_the_padding_token_the_program_never_sees():
    # run(["x", "PAD"]) answered [True, 'PAD'] (the model read PAD as padding), where the interpreter gives [True, 0.5]
    frac = rasp.numerical(rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, rasp.Comparison.LEQ),
                                         rasp.numerical(rasp.Map(lambda x: x == "x", rasp.tokens)), default=0))
    compiled = compile_program(frac.named("frac"), ["x", "a"], 3)
    with pytest.raises(rasp.InputError, match=r"^input 1, position 1: 'PAD' is the model's padding token"):
        compiled.run_batch([["x"], ["x", "PAD"]])
    with pytest.raises(rasp.InputError, match="padding token"):
        compiled.run(["x", "PAD"])
    assert compiled.run(["x", "a"]) == rasp.evaluate(frac, ["x", "a"]) == [True, 0.5]
    assert compiled.apply(["BOS", "x", "PAD"]).decoded == ["BOS", True, "PAD"]  # Tracr's padded input: as before
