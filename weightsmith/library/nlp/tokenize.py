"""Plain text in, word tokens out (and French tokens back to text): the API's only pre- and post-processing.

Tokens are lower-case words and punctuation marks; English negative contractions are split as in the
Penn Treebank ("doesn't" → "does", "n't"), other clitics are split off ("it's" → "it", "'s"). A word
the program's lexicon does not know becomes the token UNK (see `with_unknowns`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Container, Iterable

UNK = "UNK"
_TOKEN = re.compile(r"n't|'\w+|\w+|[^\w\s]")
_NEGATION = re.compile(r"(\w)n't\b")
_WORD = re.compile(r"\w")
SENTENCE_END = (".", "!", "?")


def tokenize(text: str) -> list[str]:
    """'The cat doesn't eat.' → ['the', 'cat', 'does', "n't", 'eat', '.']"""
    if not isinstance(text, str):
        raise TypeError(f"expected text (a str), got {type(text).__name__} {text!r}")
    return _TOKEN.findall(_NEGATION.sub(r"\1 n't", text.lower()))


def is_word(token: str) -> bool:
    """A word or number, not a punctuation mark or symbol (one character outside \\w, as `tokenize` splits them)."""
    return bool(_WORD.search(token))


@dataclass(frozen=True)
class Tokens:
    """A tokenised sentence: what the program reads (unknown words as UNK) and the words replaced."""

    words: list[str]
    model_input: list[str]
    unknown: list[str]  # the original words behind each UNK, in order


def with_unknowns(words: Iterable[str], known: set[str], known_here: Container[int] = frozenset()) -> Tokens:
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
