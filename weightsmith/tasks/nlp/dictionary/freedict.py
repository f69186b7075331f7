"""Reading FreeDict dictionaries in the dictd format (Debian's dict-freedict-* packages).

A dictd dictionary is an index (`headword TAB offset TAB length`, numbers in base 64) into a dictzip file,
which is a gzip file and reads as one. The English→French entries give numbered senses, each a comma
list of French words, without parts of speech; the French→English entries give the part of speech and
the gender (`<n, masc>`). Reading both lets the builder check a French word's class and gender, and
whether it translates back to the English word, instead of trusting the first sense.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_SENSE = re.compile(r"^\d+\.\s*")
_HEADWORD = re.compile(r"^(.*?)\s*(?:/[^/]*/)?\s*(?:<[^>]*>)?\s*$")
_TAGS = re.compile(r"<([^>]*)>")
_FRENCH_POS = {"n": "noun", "v": "verb", "vt": "verb", "vi": "verb", "vr": "verb", "adj": "adj", "adv": "adv"}


def _number(text: str) -> int:
    n = 0
    for c in text:
        n = n * 64 + _B64[c]
    return n


def clean(text: str) -> str:
    """FreeDict writes hyphens as U+2010 and sometimes pads commas; make plain lower-case text."""
    return " ".join(text.replace("\u2010", "-").replace("\u2011", "-").lower().split())


def entries(index: Path, data: Path) -> dict[str, list[str]]:
    """Headword (lower case) → the text of its entries, in index order. The headword is read from the
    entry itself: the index holds a normalised key ("peutêtre" for "peut-être", "like" for "-like")."""
    blob = gzip.open(data).read()
    out: dict[str, list[str]] = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        key, offset, length = line.split("\t")
        if key.startswith("00database"):
            continue
        start = _number(offset)
        text = blob[start:start + _number(length)].decode("utf-8")
        word = _HEADWORD.match(text.split("\n", 1)[0]).group(1)
        out.setdefault(clean(word), []).append(text)
    return out


def english_french(index: Path, data: Path) -> dict[str, list[str]]:
    """English headword → French candidates, sense by sense, in the dictionary's order."""
    out: dict[str, list[str]] = {}
    for word, texts in entries(index, data).items():
        candidates = out.setdefault(word, [])
        for text in texts:
            for line in text.splitlines()[1:]:
                for part in _SENSE.sub("", line).split(","):
                    part = clean(part)
                    if part and part not in candidates:
                        candidates.append(part)
    return out


@dataclass(frozen=True)
class FrenchHeadword:
    pos: str | None  # noun | verb | adj | adv | None when the entry gives none
    gender: str | None  # "m" | "f" | None
    english: tuple[str, ...]


def french_english(index: Path, data: Path) -> dict[str, list[FrenchHeadword]]:
    """French headword → its entries: part of speech, gender and English translations."""
    out: dict[str, list[FrenchHeadword]] = {}
    for word, texts in entries(index, data).items():
        for text in texts:
            first, *rest = text.splitlines()
            tags = [t.strip() for m in _TAGS.findall(first) for t in m.split(",")]
            pos = next((_FRENCH_POS[t] for t in tags if t in _FRENCH_POS), None)
            gender = "m" if "masc" in tags else "f" if "fem" in tags else None
            english = tuple(clean(p) for line in rest for p in _SENSE.sub("", line).split(",") if clean(p))
            out.setdefault(word, []).append(FrenchHeadword(pos, gender, english))
    return out
