"""Lexicon tables built from real dictionaries (issue 20 §1): English lemmas with their classes and forms,
English→French with gender and conjugation, and sentiment scores.

    from weightsmith.tasks.nlp import dictionary
    lexicon = dictionary.load()            # builds the tables on first use (needs the `lexicon` extra and
                                           # the Debian packages listed in docs/nlp-data.md)
    lexicon.analyses("light")              # [('light', 'noun', 'sg'), ('light', 'verb', 'base'), ...]
    lexicon.translations["light", "adj"]   # Translation(french='léger', ...)
    lexicon.unknown_words(["the", "cat", "purrs"], "translation")

The tables derive from GPL dictionaries, so they are built on each machine and never committed; only
the hand-written closed-class words and overrides live in the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

from weightsmith.tasks.nlp.dictionary.sources import MissingResource, missing
from weightsmith.tasks.nlp.dictionary.tables import Lexicon, default_folder, read


def load(folder: Path | None = None) -> Lexicon:
    """The lexicon tables in `folder` (default: the cache), built there first if they are missing or were
    built by other code or other hand-written tables."""
    from weightsmith.tasks.nlp.dictionary.build import build, fingerprint

    folder = folder or default_folder(fingerprint())
    manifest = folder / "manifest.json"
    if manifest.is_file() and json.loads(manifest.read_text()).get("fingerprint") == fingerprint():
        return read(folder)
    return build(folder)


__all__ = ["Lexicon", "MissingResource", "load", "missing"]
