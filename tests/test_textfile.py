"""Text files: UTF-8 or a NotText error that is an OSError naming the byte."""

import pytest

from weightsmith.textfile import NotText, read_text


def test_text_is_read_and_other_bytes_are_an_os_error(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("é 日本\n", encoding="utf-8")
    assert read_text(good) == "é 日本\n"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xc3(")
    with pytest.raises(NotText, match=r"^it is not UTF-8 text \(byte 0xc3 at 3\)$") as caught:
        read_text(bad)
    assert isinstance(caught.value, OSError)
    with pytest.raises(FileNotFoundError):
        read_text(tmp_path / "missing.txt")


def test_a_byte_order_mark_is_not_text(tmp_path):
    # Notepad's and Excel's "UTF-8 with BOM": the mark was read as part of the first token, so `fit` learned
    # '\ufeffc' as a token of its own beside 'c' (and filled the hole for it)
    marked = tmp_path / "marked.tsv"
    marked.write_text("c a\t1 1\n", encoding="utf-8-sig")
    assert marked.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_text(marked) == "c a\t1 1\n"
    marked.write_bytes(b"\xef\xbb\xbfok\n\xc3(")
    with pytest.raises(NotText, match=r"\(byte 0xc3 at 6\)$"):  # offsets in the file, the mark counted
        read_text(marked)
