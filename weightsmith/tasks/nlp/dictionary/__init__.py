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
import os
from dataclasses import dataclass
from pathlib import Path

from weightsmith.tasks.nlp.cache import building
from weightsmith.tasks.nlp.dictionary.sources import MissingResource, missing
from weightsmith.tasks.nlp.dictionary.tables import Lexicon, default_folder, read


@dataclass(frozen=True)
class _Loaded:
    """A lexicon read from a folder, with what says it is still that folder's: the builder's fingerprint and
    each file's (inode, mtime, size). A rebuilt folder is a new one renamed into place (`tables.write`), so
    its files' inodes change, and a table edited in place changes its mtime or size."""

    fingerprint: str
    stamp: tuple
    lexicon: Lexicon


# folder (resolved) -> the lexicon last read from it: reading the tables takes about a second, and the word
# tables, the corpora and the benchmarks each asked for them again
_LOADED: dict[Path, _Loaded] = {}


def load(folder: Path | None = None) -> Lexicon:
    """The lexicon tables in `folder` (default: the cache), built there first if they are missing or were
    built by other code or other hand-written tables. Read once per folder and builder: a later call returns
    the same Lexicon (do not change it) unless the folder's files changed."""
    from weightsmith.tasks.nlp.dictionary.build import build, fingerprint

    current = fingerprint()
    folder = folder or default_folder(current)
    key = folder.resolve()
    loaded = _LOADED.get(key)
    if loaded and loaded.fingerprint == current and loaded.stamp == _stamp(folder):
        return loaded.lexicon
    lexicon = _read_current(folder, current)
    if lexicon is None:
        # the models' build lock: pytest's two workers (or two shells) on a fresh cache build the tables once,
        # the later one waits and reads them
        with building(folder):
            lexicon = _read_current(folder, current) or build(folder)
    _LOADED[key] = _Loaded(current, _stamp(folder), lexicon)
    return lexicon


def _read_current(folder: Path, fingerprint: str) -> Lexicon | None:
    """The tables in `folder` if the builder whose code hashes to `fingerprint` wrote them, else None."""
    manifest = folder / "manifest.json"
    if manifest.is_file() and json.loads(manifest.read_text()).get("fingerprint") == fingerprint:
        return read(folder)
    return None


def _stamp(folder: Path) -> tuple:
    """Each file of the folder with its inode, modification time and size (empty for a missing folder)."""
    if not folder.is_dir():
        return ()
    stamps = []
    for entry in os.scandir(folder):
        if entry.is_file():
            stat = entry.stat()
            stamps.append((entry.name, stat.st_ino, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(stamps))


__all__ = ["Lexicon", "MissingResource", "load", "missing"]
