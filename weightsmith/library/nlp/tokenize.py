"""Plain text in, word tokens out (and French tokens back to text): the API's only pre- and post-processing.

Tokens are lower-case words, numbers and punctuation marks; English negative contractions are split as in the
Penn Treebank ("doesn't" → "does", "n't"), other clitics are split off ("it's" → "it", "'s"). A number keeps its
decimal point, its clock colon and its thousands commas ("3.5", "5:30", "1,000"): split at them, "it was 3.5 stars"
read as a sentence that ends after "3" and goes on "5 stars". Text is read as people see it: composed (NFC), a
combining mark or an emoji's modifier kept with what it modifies, invisible characters dropped or read as spaces. A
word the program's lexicon does not know becomes the token UNK (see `with_unknowns`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Container, Iterable

UNK = "UNK"
# a number with separators inside is one token: a decimal (3.5), a time (5:30), thousands (1,000; 12,500.75); a comma
# is a thousands separator only before three digits, so "1,2" and "2,50" stay lists of numbers
_NUMBER = r"\d+(?:,\d{3}(?!\d))+(?:[.:]\d+)*|\d+(?:[.:]\d+)+"
# what modifies the character before it, and so belongs to its token: combining marks (the dot "İstanbul" keeps when
# lower-cased: split off, its "i" was read as the pronoun), variation selectors (❤️) and skin tones; an emoji joined
# to the next by a zero-width joiner is one symbol (👨‍👩‍👧)
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\U0001f3fb-\U0001f3ff"
_WORD_RUN = rf"(?:\w[{_MARKS}]*)+"
_SYMBOL = rf"[^\w\s{_MARKS}][{_MARKS}]*(?:\u200d[^\w\s{_MARKS}][{_MARKS}]*)*"
_TOKEN = re.compile(rf"n't|'{_WORD_RUN}|{_NUMBER}|{_WORD_RUN}|{_SYMBOL}")
# characters no one sees (they became tokens, unknown words shown as blanks): control characters and zero-width
# spaces part tokens as a space does; soft hyphens, zero-width non-joiners, word joiners and byte-order marks go
_SPACE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x9f\u200b]")
_INVISIBLE = re.compile("[\u00ad\u200c\u2060\ufeff]")
_NEGATION = re.compile(r"(\w)n't\b")
_WORD = re.compile(r"\w")
SENTENCE_END = (".", "!", "?")


def tokenize(text: str) -> list[str]:
    """'The cat doesn't eat.' → ['the', 'cat', 'does', "n't", 'eat', '.'] (composed: a letter and its accent typed
    apart, "cafe\u0301", read as the one character, "café")"""
    if not isinstance(text, str):
        raise TypeError(f"expected text (a str), got {type(text).__name__} {text!r}")
    text = _INVISIBLE.sub("", _SPACE.sub(" ", unicodedata.normalize("NFC", text))).lower()
    return _TOKEN.findall(_NEGATION.sub(r"\1 n't", text))


def is_word(token: str) -> bool:
    """A word or number, not a punctuation mark or symbol (a token without a \\w character)."""
    return bool(_WORD.search(token))


@dataclass(frozen=True)
class Tokens:
    """A tokenised sentence: what the program reads (unknown words as UNK) and the words replaced."""

    words: list[str]
    model_input: list[str]
    unknown: list[str]  # the original words behind each UNK, in order


def with_unknowns(words: Iterable[str], known: Container[str], known_here: Container[int] = frozenset()) -> Tokens:
    """Words outside `known` become UNK, except at the positions `known_here` (a word the program reads inside
    a multi-word expression there, though not alone); the originals are kept, so output can name them."""
    words = list(words)
    read = [w in known or i in known_here for i, w in enumerate(words)]
    return Tokens(words, [w if r else UNK for w, r in zip(words, read)], [w for w, r in zip(words, read) if not r])


def detokenize(tokens: Iterable[str]) -> str:
    """French tokens to text: elided words join the next one (l' arbre → l'arbre), punctuation the previous."""
    text = ""
    for token in tokens:
        if not text or text.endswith("'") or token in (".", ",", "!", "?", ";", ":"):
            text += token
        else:
            text += " " + token
    return text
