import pytest

from weightsmith.library.subleq import AssemblyError, assemble, assemble_program
from weightsmith.rasp.errors import InputError


def test_instructions_data_labels_and_next_address():
    program = assemble_program("""
        # comment line
        start:  x y            ; c defaults to the next instruction
                x y start+3
                Z Z -1
        x: y:   .data 5 6      # two labels on one cell
        Z:      .data 0
    """)
    assert program.memory == [9, 9, 3, 9, 9, 3, 11, 11, -1, 5, 6, 0]
    assert program.labels == {"start": 0, "x": 9, "y": 9, "Z": 11}


def test_explicit_question_mark_and_offsets():
    assert assemble("a a ?\na: .data 1 2\n b: .data a-1") == [3, 3, 3, 1, 2, 2]


def test_labels_on_their_own_line():
    assert assemble("top:\n  top top top") == [0, 0, 0]


@pytest.mark.parametrize("text, message", [
    ("a b c", "line 1: unknown label 'a'"),
    ("\nx: .data 1\nx: .data 2", "line 3: label 'x' is already defined"),
    ("x: .data 1\n  x", "line 2: an instruction has 2 or 3 operands"),
    ("x: .data 1\n  x x x x", "line 2: an instruction has 2 or 3 operands"),
    (".word 3", "line 1: unknown directive '.word'"),
    (".data", "line 1: .data needs at least one value"),
    ("x: .data 1\n x x 3.5", "line 2: '3.5' is not an operand"),
    ("9x: .data 1", "line 1: '9x' is not a label name"),
])
def test_errors_name_the_line(text, message):
    with pytest.raises(AssemblyError, match=message) as info:
        assemble(text)
    assert isinstance(info.value, InputError)
