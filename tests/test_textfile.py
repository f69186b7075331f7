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
