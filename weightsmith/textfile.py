"""Reading a user's text file (a SUBLEQ program, examples, a sweep file) with an error a user can act on.

`Path.read_text` raises UnicodeDecodeError on a file that is not UTF-8 text: a ValueError, not an OSError, so the
commands' "cannot read FILE" handlers missed it (`weightsmith subleq` and `sweep` printed a traceback, `fit` the
codec's message naming no file). Here it is an OSError like the others, saying which byte and where.
"""

from __future__ import annotations

from pathlib import Path


class NotText(OSError):
    """The file is there but is not UTF-8 text."""


def read_text(path: str | Path) -> str:
    """The file's UTF-8 text; OSError (missing, a folder, ...) or NotText, whose message says why. A leading
    byte order mark (Notepad's and Excel's "UTF-8 with BOM") is not text: read as such it joined the first token
    (`fit` learned '\ufeffc' as a token beside 'c')."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # not "utf-8-sig": its error offsets skip the mark
    except UnicodeDecodeError as err:
        raise NotText(f"it is not UTF-8 text (byte 0x{data[err.start]:02x} at {err.start})") from None
