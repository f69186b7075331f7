"""pipe: the second model run on the first one's output, from weights, checked on every input."""

import pytest

from weightsmith import rasp
from weightsmith.compiler import compile_program, compile_rasp_to_model
from weightsmith.compose import ComposeError, ComposedModel, pipe, switch
from weightsmith.compose.check import check_pipe
from weightsmith.compose.pipe import pipe_program
from weightsmith.library import get_program
from weightsmith.library.counting import make_frac_prevs
from weightsmith.model import load, save
from weightsmith.rasp.errors import InputError
from weightsmith.verify import verify


def compiled(name, vocab, max_seq_len, causal=False):
    return compile_program(get_program(name).build(), vocab, max_seq_len, causal=causal)


def test_sort_then_reverse_is_a_descending_sort():
    sort, reverse = compiled("sort", [1, 2, 3, 4], 4), compiled("reverse", [1, 2, 3, 4], 5)
    piped = pipe(sort, reverse)
    assert piped.apply(["BOS", 3, 1, 4, 1]).decoded == ["BOS", 4, 3, 1, 1]
    check = check_pipe(piped, sort, reverse)
    assert check.ok and check.exhaustive and check.n_checked == 340


def test_pipe_equals_the_substituted_program_and_survives_save(tmp_path):
    hist, sort = compiled("hist", ["a", "b", "c"], 4), compiled("sort", [1, 2, 3, 4], 4)
    piped = pipe(hist, sort, names=("hist", "sort"))
    program = pipe_program(hist, sort)
    report = verify(piped.model, program)
    assert report.ok and report.exhaustive, str(report)
    piped.save(tmp_path / "p")
    again = ComposedModel.load(tmp_path / "p")
    assert again.kind == "pipe" and again.parts == ["hist", "sort"]
    assert check_pipe(again, hist, sort).ok


def test_a_causal_model_piped_after_a_bidirectional_one():
    reverse, causal_sort = compiled("reverse", [1, 2, 3], 4), compiled("sort", [1, 2, 3], 4, causal=True)
    piped = pipe(reverse, causal_sort)
    assert not piped.config.causal and causal_sort.config.causal
    check = check_pipe(piped, reverse, causal_sort)
    assert check.ok and check.n_checked == 120, str(check)
    report = verify(piped.model, pipe_program(reverse, causal_sort))  # sort's causal form, after reverse
    assert report.ok and report.exhaustive, str(report)


def test_refusals_name_the_problem():
    hist, sort = compiled("hist", ["a", "b", "c"], 4), compiled("sort", [1, 2, 3], 4)
    with pytest.raises(ComposeError, match=r"can output \[4\], which 'second' has no token for"):
        pipe(hist, sort)
    frac = compile_program(get_program("frac_prevs").build(), ["x", "y"], 4)
    with pytest.raises(ComposeError, match="numerical output"):
        pipe(frac, sort)
    with pytest.raises(ComposeError, match="two different"):
        pipe(hist, sort, names=("a", "a"))


def test_a_typed_second_model_keeps_its_types():
    first = compile_program(get_program("reverse").build(), ["x", "y"], 4)
    second = compile_program(make_frac_prevs(rasp.tokens == "x"), ["x", "y"], 4)
    piped = pipe(first, second)
    assert piped.config.output_types["types"] == second.config.output_types["types"]
    check = check_pipe(piped, first, second)
    assert check.ok and check.exhaustive, str(check)  # value for value and type for type
    assert [type(v) for v in piped.apply(["BOS", "y", "x"]).decoded[1:]] == [bool, float]  # x then (x, y)


def test_an_input_the_first_model_outputs_none_on_is_refused_not_answered(tmp_path):
    """`prev` is None at the last position, so the pipe has no input for `hist` there: it answered [1, 1, 1, 4]
    without a word, where its program is undefined."""
    prev = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices + 1, rasp.Comparison.EQ), rasp.tokens)
    first, hist = compile_program(prev, [0, 1, 2], 4), compiled("hist", [0, 1, 2], 4)
    piped = pipe(first, hist, names=("prev", "hist"))
    piped.save(tmp_path / "pp")
    for model in (piped, ComposedModel.load(tmp_path / "pp")):
        with pytest.raises(InputError, match=r"input 0: 'prev' outputs None at position 4 .*'hist' has no input"):
            model.apply(["BOS", 0, 1, 2, 0])
        with pytest.raises(InputError, match=r"input 1: 'prev' outputs None at position 2"):
            model.apply_batch([["BOS"], ["BOS", 2, 1]])
    check = check_pipe(piped, first, hist)  # every input of `prev` is skipped, none answered
    assert check.n_checked == 0 and check.n_skipped == 120


def test_a_chain_refuses_where_an_inner_model_outputs_none():
    # a chain of three is a pipe of a pipe: only the outer pipe's `pipe:fed` was read, so where `zero_none` outputs
    # None, `hist` (no input there) still answered and so did `inc`: [0, 3, 3] on 0 1 1, with no error; and
    # check_pipe of the chain (the CLI's `pipe A B C`) raised ValueError unpacking a pipe's names
    vocab = [0, 1, 2, 3]
    zero_none = compile_program(rasp.Map(lambda t: None if t == 0 else t, rasp.tokens).named("zn"), vocab, 3)
    hist = compiled("hist", vocab, 3)
    inc = compile_program(rasp.Map(lambda t: (t + 1) % 4, rasp.tokens).named("inc"), vocab, 3)
    inner = pipe(zero_none, hist, names=("zero_none", "hist"))
    chain = pipe(inner, inc, names=("before", "inc"))
    with pytest.raises(InputError, match=r"^input 0: 'zero_none' outputs None at position 1 \(BOS is 0, token 0\), "
                                         r"so 'hist' has no input and the pipe is undefined there$"):
        chain.apply(["BOS", 0, 1, 1])
    assert chain.apply(["BOS", 1, 2, 1]).decoded == ["BOS", 3, 2, 3]
    assert chain.apply_batch([["BOS", 0, 2], ["BOS", 2]], undefined_as_none=True) == [None, ["BOS", 2]]
    check = check_pipe(chain, inner, inc)
    assert check.ok and check.exhaustive and check.n_checked == 39 and check.n_skipped == 84 - 39, str(check)


def test_a_first_model_outputting_class_scores_is_refused_by_name(tmp_path):
    # The fuzzer's seeds 5100147, 5100226 (learned programs, a LinearClassifier output): the pipe's step read
    # every class scoring above 0.25 as the token, so it fed the second model wrong tokens without a word
    # (['A', 'A'] for ['A', 'B'] here) or crashed in it (OutputOutOfRange). Saved and loaded, the model says so too.
    classifier = rasp.LinearClassifier([rasp.tokens], [{1: [3, 1], 2: [0, 2]}], [0, 0], ["a", "b"])
    first = compile_program(classifier, [1, 2], 2)
    upper = compile_program(rasp.Map(lambda x: x.upper(), rasp.tokens), ["a", "b"], 2)
    assert first.config.output_scores and not upper.config.output_scores
    save(first.model, tmp_path / "clf")
    for model in (first, load(tmp_path / "clf")):
        with pytest.raises(ComposeError, match="'first' outputs a linear classifier's class scores"):
            pipe(model, upper)
    assert pipe(upper, compile_program(rasp.Map(lambda x: x, rasp.tokens), ["A", "B"], 2)).config.output_scores is False
    assert switch({"C": first, "U": upper}).config.output_scores  # a switch holding one says so: pipe refuses it


def test_a_first_model_whose_outputs_type_is_decoded_by_case_is_refused_by_name():
    # The fuzzer's seed 5200199: a categorical mean decodes 2 where one key is selected and 2.0 where several
    # (config.output_types); the pipe fed the stored value, so on ['a', 'b', 'a'] it answered '2' where the
    # chain (pipe_program) says '2.0', without a word.
    mean = rasp.Aggregate(rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ),
                          rasp.Map(lambda x: x * 2, rasp.indices))
    first = compile_program(mean, ["a", "b"], 3)
    assert first.config.output_types is not None and first.run(["a", "b", "a"]) == [2.0, 2, 2.0]
    second = compile_program(rasp.Map(lambda x: str(x), rasp.tokens), first.output_values, 3)
    with pytest.raises(ComposeError, match="'first' decodes the type of its outputs by case"):
        pipe(first, second)


def test_a_pipe_into_a_learned_program_refuses_where_the_first_model_does_not_output_its_bos_first(tmp_path):
    # A compiled Transformer Program reads whatever stands first as its BOS (usr16: it refuses another token there);
    # piped after a model, it read that model's first output as its BOS and the pipe answered on [0, 2, 1] (first
    # outputs 0 there), where the learned program refuses [0, 'BOS', 1]; and check_pipe raised that refusal
    from tests.learn.conftest import random_program
    from tests.learn.test_to_transformer import quantised
    from weightsmith.learn import compile_program as compile_learned

    learned = compile_learned(quantised(random_program(3, max_len=4)))
    assert learned.config.first_token == "BOS" and learned.config.vocab[:2] == ["BOS", "x"]
    to_bos = compile_rasp_to_model(rasp.categorical(rasp.Map(lambda t: "BOS" if t == 2 else t, rasp.tokens)),
                                   {0, 1, 2}, 4, compiler_bos="<s>")
    piped = pipe(to_bos, learned, names=("to_bos", "learned"))
    piped.save(tmp_path / "p")
    sw = switch({"P": piped, "S": compiled("sort", [0, 1, 2], 3)})  # a switch reads its component pipes' checks
    refusal = r"'to_bos' does not output 'BOS' at position {} \(BOS is 0, token 0\), the BOS token of the learned " \
              r"program 'learned'"
    for model, prefix in ((piped.model, []), (load(tmp_path / "p"), []), (sw.model, ["P"])):
        run = ComposedModel(model).run
        with pytest.raises(InputError, match="input 0: " + refusal.format(1 + len(prefix))):
            run([*prefix, 0, 2, 1])
        with pytest.raises(InputError, match=r"input 0: the input is empty, so 'learned' reads no BOS token 'BOS'"):
            run(prefix)
        assert run([*prefix, 2, 0, 1])[len(prefix):] == learned.run(["BOS", 0, 1])
    check = check_pipe(piped, to_bos, learned)
    assert check.ok and check.exhaustive and (check.n_checked, check.n_skipped) == (40, 80), str(check)
    never = compile_rasp_to_model(rasp.categorical(rasp.Map(lambda t: t, rasp.tokens)), {0, 1, 2}, 4)
    with pytest.raises(ComposeError, match=r"'second' is a learned program that reads its first input token as its "
                                           r"BOS token 'BOS', and 'first' never outputs 'BOS'"):
        pipe(never, learned)
