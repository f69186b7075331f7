"""Program and token specs typed by users: library names, file:function, vocabularies."""

import pytest

from weightsmith import rasp
from weightsmith.library.limits import LimitError
from weightsmith.program_spec import ProgramFileError, load_program, parse_tokens, parse_vocab


@pytest.mark.parametrize("text, message", [
    ("1,1.0,2", "'1.0' equals '1'"),  # compile kept [1, 2] without a word, where run kept 1.0
    ("-0,0", "'0' equals '-0'"), ("a,b,a", "'a' equals 'a'")])
def test_parse_vocab_refuses_a_token_given_twice(text, message):
    with pytest.raises(ValueError, match=message):
        parse_vocab(text)


def test_parse_vocab_makes_numbers_numbers():
    assert parse_vocab("a, b,c") == ("a", "b", "c")
    assert parse_vocab("1,2,-3") == (1, 2, -3)
    # as text, '10.5' < '2.5': a program comparing tokens answered wrong without an error
    assert parse_vocab("0.5,10.5,-2.25") == (0.5, 10.5, -2.25)
    assert parse_vocab("nan,1e3,1.,٣") == ("nan", "1e3", "1.", "٣")  # only plain decimal numbers
    with pytest.raises(ValueError, match="empty"):
        parse_vocab(" , ")


def test_a_quoted_vocabulary_item_is_the_text_inside():
    # `--vocab "'1',2"` kept the quotes (the three-character token "'1'"), where a typed `'1'` is the text 1
    assert parse_vocab("'1',2") == ("1", 2)
    assert parse_vocab("\"1\",1,'True',' '") == ("1", 1, "True", " ")
    assert parse_tokens(["'1'", "1"], parse_vocab("'1',1")) == ["1", 1]
    assert parse_tokens(["'1'", "'a'"], None) == ["1", "a"]
    with pytest.raises(ValueError, match="repeats a token"):  # both quotes give the text 1
        parse_vocab("\"1\",'1'")


def test_parse_tokens_matches_by_text():
    assert parse_tokens(["1", "2"], (1, 2, 3)) == [1, 2]
    assert parse_tokens(["x"], None) == ["x"]
    assert parse_tokens(["2.5", "1.5"], parse_vocab("1.5,2.5")) == [2.5, 1.5]
    # without a vocabulary (a file's program, no --vocab) numbers are numbers too: `2 * "1"` is "11"
    assert parse_tokens(["1", "x", "-2", "0.5"], None) == [1, "x", -2, 0.5]
    with pytest.raises(ValueError, match="'z' is not in the vocabulary"):
        parse_tokens(["a", "z"], ("a", "b"))


def test_file_program(tmp_path):
    source = tmp_path / "prog.py"
    source.write_text("from weightsmith import rasp\n\ndef shout():\n    return rasp.Map(lambda t: t.upper(), rasp.tokens)\n")
    spec = load_program(f"{source}:shout", vocab="a,b", max_seq_len=3)
    assert spec.vocab == ("a", "b") and spec.max_seq_len == 3 and "upper" in spec.source
    assert rasp.evaluate(spec.program, ["a", "b"]) == ["A", "B"]
    with pytest.raises(ValueError, match="no function 'nope'"):
        load_program(f"{source}:nope")
    with pytest.raises(ValueError, match="no such file"):
        load_program(f"{tmp_path}/missing.py:f")


def test_bad_lengths_paths_and_files_name_the_culprit(tmp_path):
    with pytest.raises(ValueError, match="at least 1, got 0"):
        load_program("reverse", max_seq_len=0)
    assert load_program("reverse", max_seq_len=7).max_seq_len == 7
    with pytest.raises(ValueError, match="no such model folder or program file"):
        load_program(f"{tmp_path}/missing")
    raising = tmp_path / "raising.py"
    raising.write_text("from weightsmith import rasp\n\n\ndef make():\n    return rasp.tokens + undefined_name\n")
    with pytest.raises(ProgramFileError, match=rf"^{raising}:5: make\(\) raised NameError: name 'undefined_name'"):
        load_program(f"{raising}:make")
    with pytest.raises(ProgramFileError, match=r"as `.*raising.py:function` \(its functions: make\)"):
        load_program(str(raising))


def test_library_limits_are_checked_on_load():
    with pytest.raises(LimitError, match="at most 100 tokens, not 101"):
        load_program("sort", max_seq_len=101)
    with pytest.raises(LimitError, match="'b' is not a number"):
        load_program("sort", vocab="1,b")
    assert load_program("sort", max_seq_len=100).limits.max_seq_len == 100


def test_a_program_file_that_exits_is_an_error_naming_the_line(tmp_path):
    """sys.exit(3) in the user's function ended the CLI silently, with exit code 3."""
    source = tmp_path / "prog.py"
    source.write_text("import sys\n\ndef make():\n    sys.exit(3)\n")
    with pytest.raises(ProgramFileError, match=r"prog.py:4: make\(\) raised SystemExit: 3"):
        load_program(f"{source}:make")
    source.write_text("import sys\nsys.exit()\n")
    with pytest.raises(ProgramFileError, match=r"prog.py:2: running it raised SystemExit$"):
        load_program(f"{source}:make")


def test_a_program_file_imports_the_files_beside_it(tmp_path):
    """As `python main.py` would: the installed command raised ModuleNotFoundError for `from helpers import`."""
    import sys

    (tmp_path / "helpers_u6.py").write_text("from weightsmith import rasp\n\ndef flip(s):\n    return rasp.Map(lambda x: -x, s)\n")
    (tmp_path / "main.py").write_text("from weightsmith import rasp\nfrom helpers_u6 import flip\n\n"
                                      "def make():\n    return flip(rasp.tokens)\n")
    path_before = list(sys.path)
    spec = load_program(f"{tmp_path / 'main.py'}:make")
    assert rasp.evaluate(spec.program, [1, 2]) == [-1, -2]
    assert sys.path == path_before
    sys.modules.pop("helpers_u6", None)


def test_a_text_two_vocabulary_values_share_is_read_as_a_python_literal():
    """A switch over the selector '1' and the number 1: `1` was read as whichever came last (the string)."""
    for vocab in ([1, "1", "R"], ["1", 1, "R"]):
        assert parse_tokens(["'1'", "1"], vocab) == ["1", 1]
    assert parse_tokens(["True", "'True'"], ["True", True]) == [True, "True"]
    assert parse_tokens(["R"], [1, "1", "R"]) == ["R"]


def test_a_model_folder_given_as_a_program_is_called_a_folder(tmp_path):
    """`draw out/sort` said "out/sort: a file, not a model folder" of a model folder."""
    with pytest.raises(ValueError, match="a model folder, where a program is wanted"):
        load_program(str(tmp_path))


def test_a_language_task_named_as_a_program_says_how_it_runs():
    """`compile sentiment` said "no library program named 'sentiment'"."""
    with pytest.raises(ValueError, match="sentiment is a language task: it runs as `weightsmith run sentiment"):
        load_program("sentiment")


def test_true_and_false_are_bools():
    """As text, `not "False"` is False: `run prog.py:flip True False --vocab True,False` printed
    [False, False] without an error (a program over bools got the words). `'True'` (quoted) stays text."""
    assert parse_vocab("True,False") == (True, False)
    assert parse_tokens(["True", "False", "x"], None) == [True, False, "x"]
    assert parse_tokens(["False"], parse_vocab("True,False")) == [False]
    assert parse_vocab("true,TRUE") == ("true", "TRUE")  # only Python's literals
    flip = rasp.Map(lambda t: not t, rasp.tokens)
    assert rasp.evaluate(flip, parse_tokens(["True", "False"], parse_vocab("True,False"))) == [False, True]


@pytest.mark.parametrize("text", [",x", "a,,b", "a, ,b", "a,b,"])
def test_an_empty_vocabulary_item_is_refused(text):
    """An empty item (or one of spaces, which are stripped) was dropped without a word: `compile
    prog.py:hist --vocab ,x` compiled over ['x'] alone, where '' was meant to be a token."""
    with pytest.raises(ValueError, match="is empty"):
        parse_vocab(text)


def test_a_tracr_program_or_a_selector_returned_is_named_for_what_it_is(tmp_path):
    # "returned Map, not a RASP s-op" for a program written with Tracr's rasp (a RASP s-op, only Tracr's)
    pytest.importorskip("tracr", reason="Tracr is in the `baseline` extra")
    source = tmp_path / "prog.py"
    source.write_text("from tracr.rasp import rasp as tracr_rasp\nfrom weightsmith import rasp\n\n"
                      "def tracr():\n    return tracr_rasp.Map(lambda x: x, tracr_rasp.tokens)\n\n"
                      "def select():\n    return rasp.Select(rasp.tokens, rasp.tokens, rasp.Comparison.EQ)\n")
    with pytest.raises(ProgramFileError, match=r"prog.py:tracr returned a Tracr s-op \(Map\): write it with "
                                               r"`from weightsmith import rasp` instead of `from tracr.rasp import rasp`"):
        load_program(f"{source}:tracr", vocab="1,2", max_seq_len=2)
    with pytest.raises(ProgramFileError, match=r"prog.py:select returned Select, a selector, not an s-op: return "
                                               r"what reads it \(rasp.Aggregate, rasp.SelectorWidth\)"):
        load_program(f"{source}:select", vocab="1,2", max_seq_len=2)
