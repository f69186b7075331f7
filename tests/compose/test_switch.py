"""switch: one model answering as the component its selector token names, checked on every input."""

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.compose import ComposeError, ComposedModel, pipe, switch
from weightsmith.compose.check import check_switch
from weightsmith.learn import compile_program as compile_learned
from weightsmith.library import get_program
from weightsmith.library.counting import make_frac_prevs
from weightsmith.model import load, save
from weightsmith.rasp.errors import InputError

from tests.learn.conftest import random_program
from tests.learn.test_to_transformer import quantised


def compiled(name, vocab, max_seq_len, causal=False):
    return compile_program(get_program(name).build(), vocab, max_seq_len, causal=causal)


@pytest.fixture(scope="module")
def parts():
    return {"S": compiled("sort", [1, 2, 3, 4], 4), "R": compiled("reverse", [1, 2, 3, 4], 5),
            "H": compiled("hist", ["a", "b", 1], 3)}


def assert_exact(sw, components):
    checks = check_switch(sw, components)
    assert all(c.ok and c.exhaustive for c in checks), [str(c) for c in checks]


def test_switch_answers_as_each_component_on_every_input(parts):
    sw = switch(parts)
    assert_exact(sw, parts)
    assert sw.apply(["BOS", "S", 3, 1, 2]).decoded == ["BOS", "S", 1, 2, 3]
    assert sw.apply_batch([["BOS", "R", 1, 2], ["BOS", "H", "a", 1, "a"]]) == [["BOS", "R", 2, 1],
                                                                             ["BOS", "H", 2, 1, 2]]
    assert sw.config.max_seq_len == 6  # the longest component's, plus the selector


def test_the_selector_is_never_attended_by_a_component(parts):
    # With the mask term removed, a component's heads would average the selector in: the check must fail.
    sw = switch(parts)
    assert_exact(sw, parts)
    broken = ComposedModel.of(sw.model)
    with __import__("torch").no_grad():
        for layer in broken.model.layers[:3]:
            for head in layer.heads:
                if head.W_Q.shape[1] > 1:
                    head.W_Q[:, -1] = 0.0
    assert not all(c.ok for c in check_switch(broken, parts))


def test_save_load_and_plain_load(parts, tmp_path):
    sw = switch(parts)
    sw.save(tmp_path / "sw")
    again = ComposedModel.load(tmp_path / "sw")
    assert again.kind == "switch" and again.parts == ["S", "R", "H"]
    assert_exact(again, parts)
    plain = load(tmp_path / "sw")
    assert plain.run(["BOS", "R", 1, 2, 3])[2:] == [3, 2, 1]


def test_components_from_folders_and_learned_programs(tmp_path):
    def learned_model(seed, causal=False):
        return compile_learned(quantised(random_program(seed, causal=causal, max_len=4)))

    learned = learned_model(3)
    save(learned.model, tmp_path / "l")
    parts = {"L": load(tmp_path / "l"), "M": learned_model(5), "S": compiled("sort", [0, 1, 2], 3)}
    sw = switch(parts)
    assert_exact(sw, parts)
    # a learned component reads the token after the selector as its program's BOS: the switch refuses another
    # there, as the component does (it answered), saved, loaded and run plain too
    sw.save(tmp_path / "sw")
    plain, bos = load(tmp_path / "sw"), sw.config.bos
    assert plain.config.composed.firsts == {"L": "BOS", "M": "BOS"}
    for run in (sw.apply, plain.run):
        with pytest.raises(InputError, match=r"input 0: after the selector 'L', the input starts with 0, not the "
                                             r"learned program's BOS token 'BOS'"):
            run([bos, "L", 0, 0])
    assert plain.run([bos, "S", 2, 0])[2:] == [0, 2]  # a compiled program has no first token
    causal = {"C": learned_model(4, causal=True), "D": learned_model(6, causal=True)}
    sw = switch(causal)
    assert sw.config.causal
    assert_exact(sw, causal)
    assert learned.config.output_values  # a learned program's read-out: class scores, copied as they are


def test_numerical_components():
    frac = compile_program(make_frac_prevs(rasp.tokens == "x"), ["x", "y"], 5)
    frac_b = compile_program(rasp.numerical(rasp.Map(lambda t: t / 2, rasp.tokens)), [1, 3, 4], 4)
    parts = {"F": frac, "G": frac_b}
    sw = switch(parts)
    assert sw.config.output_encoding == "numerical"
    assert_exact(sw, parts)
    assert sw.config.output_values == [False, 0.2, 0.25, 1 / 3, 0.4, 0.5, 0.6, 2 / 3, 0.75, 0.8, True, 1.5, 2.0]
    # 1.0 where F has True: one dimension, and the types say which each component decodes (F is typed, G
    # outputs only floats)
    floats = compile_program(rasp.numerical(rasp.Map(lambda t: t / 2, rasp.tokens)), [1, 2], 4)
    assert_exact(switch({"F": frac, "G": floats}), {"F": frac, "G": floats})
    # two components that both decode their values as stored (mixed int and float) cannot share 1 and 1.0
    mixed = compile_program(rasp.numerical(rasp.Map(lambda t: t / 2 if t == 1 else 1, rasp.tokens)), [1, 2], 4)
    mixed_too = compile_program(rasp.numerical(rasp.Map(lambda t: 1.0 if t == 1 else 2, rasp.tokens)), [1, 2], 4)
    with pytest.raises(ComposeError, match="'H' outputs 1.0 where 'G' outputs 1"):
        switch({"G": mixed, "H": mixed_too})


def test_numerical_outputs_without_zero_decode_at_the_selector_slot(tmp_path):
    # The selector's slot held the gates' 0.0, no value of {2, 4, 6}: every input raised OutputOutOfRange
    # at position 1 (the CLI's `switch A=m` too), and a loaded switch's run() likewise.
    double = compile_program(rasp.numerical(rasp.Map(lambda t: 2 * t, rasp.tokens)), [1, 2, 3], 3)
    parts = {"A": double}
    sw = switch(parts)
    assert sw.apply(["BOS", "A", 1, 3]).decoded == ["BOS", "A", 2, 6]
    assert_exact(sw, parts)
    sw.save(tmp_path / "sw")
    assert load(tmp_path / "sw").run(["BOS", "A", 2])[2:] == [4]


def test_causal_components_in_a_bidirectional_switch(parts):
    # sort compiled causal computes its causal form (each position sorts its prefix): the causal mask must
    # hold inside the bidirectional switch, by a score term
    causal_sort = compiled("sort", [1, 2, 3], 4, causal=True)
    assert causal_sort.config.causal and not parts["R"].config.causal
    mixed = {"C": causal_sort, "R": parts["R"]}
    sw = switch(mixed)
    assert not sw.config.causal
    assert_exact(sw, mixed)
    assert sw.apply(["BOS", "C", 3, 1, 2]).decoded[2:] == causal_sort.apply(["BOS", 3, 1, 2]).decoded[1:]


def test_refusals_name_the_problem(parts):
    frac = compile_program(make_frac_prevs(rasp.tokens == "x"), ["x", "y"], 3)
    with pytest.raises(ComposeError, match="encoding"):
        switch({"S": parts["S"], "F": frac})
    with pytest.raises(ComposeError, match="also a token"):
        switch({"a": parts["H"]})
    with pytest.raises(ComposeError, match="selector 'A:B'"):
        switch({"A:B": parts["S"]})
    with pytest.raises(ComposeError, match="expected a weightsmith Transformer"):
        switch({"A": "out/sort"})
    with pytest.raises(ComposeError, match="at least one"):
        switch({})
    with pytest.raises(ComposeError, match="selector 0 is of type int"):
        switch({0: parts["H"]})  # was the token '0': an input's 0 selected nothing and every answer was None


def test_typed_components_keep_their_types(tmp_path):
    # frac_prevs decodes a bool where its prefix is one key (position 0) and a float where it is several
    # (config.output_types); a component without types keeps its values' own type (int here)
    frac = compile_program(make_frac_prevs(rasp.tokens == "x"), ["x", "y"], 4)
    ints = compile_program(rasp.numerical(rasp.Map(lambda t: 1 if t == "x" else 0, rasp.tokens)), ["x", "y"], 4)
    parts = {"F": frac, "I": ints}
    sw = switch(parts)
    assert sw.config.output_types["types"] == ["int", "bool", "float", "int"]
    assert_exact(sw, parts)  # value for value and type for type, on every input
    assert [type(v) for v in sw.apply(["BOS", "F", "x", "x"]).decoded[2:]] == [bool, float]
    assert [type(v) for v in sw.apply(["BOS", "I", "x", "x"]).decoded[2:]] == [int, int]
    sw.save(tmp_path)
    again = ComposedModel.load(tmp_path)
    assert again.config.output_types == sw.config.output_types
    assert_exact(again, parts)


def test_untyped_components_without_clashes_add_no_types(parts):
    assert switch(parts).config.output_types is None


def test_a_compact_output_is_refused_by_name():
    coded = compile_program(rasp.Map(lambda t: t + 1, rasp.tokens), [1, 2, 3], 3, compact_above=0)
    with pytest.raises(ComposeError, match="component 'coded' has a compact output .* rasp.one_hot"):
        switch({"coded": coded})


def test_components_without_layers_are_gated_after_the_selector_flags():
    # A Map compiles to no layers at all (its output dims are token dims relabelled). The gate must then
    # sit in a layer of its own after layer 0's selector flags: in layer 0 it read the flags before they
    # were written and passed every component's output through, so selector "I" answered [1, 0, 0].
    parts = {name: compile_program(rasp.Map(f, rasp.tokens).named(name), [0, 1, 2], 3)
             for name, f in (("I", lambda x: (x + 1) % 3), ("D", lambda x: (x - 1) % 3))}
    assert all(not p.model.config.layers for p in parts.values())
    sw = switch(parts)
    assert sw.apply(["BOS", "I", 0, 1, 2]).decoded[2:] == [1, 2, 0]
    assert_exact(sw, parts)


def test_a_looped_component_is_refused_by_switch_and_pipe():
    """A looped model's block runs until its own stop flag is set; stacked into a switch or a pipe it ran once:
    `switch R=rot V=reverse` answered 40 of 120 of R's inputs wrong (the check said so, after the folder was
    written) and the Python API said nothing at all."""
    from tests.loop_programs import rotate_left
    from weightsmith.compose import pipe

    looped = compile_program(rotate_left(3, lambda x: x == "a")["xs"], ["a", "b"], 3)
    plain = compile_program(get_program("reverse").build(), ["a", "b"], 3)
    with pytest.raises(ComposeError, match="component 'R' is a looped model"):
        switch({"R": looped, "V": plain})
    with pytest.raises(ComposeError, match="component 'second' is a looped model"):
        pipe(plain, looped)


def test_a_pipe_component_is_refused_where_it_is_undefined():
    # a switch read no `pipe:fed` of its components: `P 0 1 1` answered [3, 2, 2], where the pipe (None for 0,
    # then hist) is undefined; and check_switch raised the pipe's InputError (a traceback in `weightsmith switch`)
    vocab = [0, 1, 2, 3]
    zero_none = compile_program(rasp.Map(lambda t: None if t == 0 else t, rasp.tokens).named("zn"), vocab, 3)
    piped = pipe(zero_none, compiled("hist", vocab, 3), names=("zero_none", "hist"))
    inc = compile_program(rasp.Map(lambda t: (t + 1) % 4, rasp.tokens).named("inc"), vocab, 3)
    sw = switch({"P": piped, "I": inc})
    with pytest.raises(InputError, match=r"^input 0: 'zero_none' outputs None at position 2 \(BOS is 0, token 0\), so "
                                         r"'hist' has no input and the pipe is undefined there$"):
        sw.apply(["BOS", "P", 0, 1, 1])
    assert sw.apply_batch([["BOS", "P", 1, 1, 2], ["BOS", "I", 0, 1]]) == [["BOS", "P", 2, 2, 1], ["BOS", "I", 1, 2]]
    checks = check_switch(sw, {"P": piped, "I": inc})
    assert [(c.name, c.ok, c.n_checked) for c in checks] == [("P", True, 39), ("I", True, 84)], [str(c) for c in checks]


def test_a_switch_component_is_refused_by_switch_and_pipe():
    # the outer switch read neither the inner one's selector nor its `outside:` flags: `A H a 1 1` answered
    # [None, 1, 3, 3] (hist over a, b given the token 1) and `A a b` [None, None], without an error
    hist = rasp.SelectorWidth(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)).named("hist")
    copy = rasp.Map(lambda x: x, rasp.tokens, simplify=False).named("copy")
    inner = switch({"H": compile_program(hist, ["a", "b"], 3), "T": compile_program(copy, [0, 1, 2], 3)})
    plain = compile_program(copy, [0, 1, 2], 4)
    with pytest.raises(ComposeError, match=r"^component 'A' is a switch \(it reads its own selector"):
        switch({"A": inner, "I": plain})
    with pytest.raises(ComposeError, match="component 'first' is a switch"):
        pipe(inner, plain)


def test_components_whose_tokens_are_equal_values_of_different_types_are_refused_by_name():
    # The fuzzer's seed 5000087: a model over [False, True] beside one over ints. A vocabulary holds equal
    # values once, so the switch's config raised a bare ValueError (vocab[2]: 0 equals vocab[0] (False)).
    bools = compile_program(rasp.Map(lambda x: x, rasp.tokens), [False, True], 2)
    ints = compile_program(rasp.Map(lambda x: x + 1, rasp.tokens), [0, 1, 2], 2)
    with pytest.raises(ComposeError, match=r"component 'I' has the token 0 and component 'B' the token False"):
        switch({"B": bools, "I": ints})
