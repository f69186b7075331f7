"""Where the lexical resources live once installed, and a clear error naming the package when one is not.

The dictionaries come from Debian packages (data files under /usr/share) and PyPI packages (the `lexicon`
extra). Their licences differ (docs/nlp-data.md): FreeDict and Verbiste are GPL, so tables derived from
them are built on each machine at set-up time and never committed to this Apache-2.0 repository.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT_VARIABLE = "WEIGHTSMITH_LEXICON_ROOT"  # a prefix to find /usr/share under (e.g. a folder of unpacked .debs)


class MissingResource(RuntimeError):
    """A lexical resource the builder needs is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Resource:
    name: str
    files: tuple[str, ...]  # paths under the root, for Debian data; empty for a Python package
    install: str  # the command that installs it
    licence: str
    module: str | None = None  # the Python module, for a PyPI resource


RESOURCES = {
    "freedict-eng-fra": Resource(
        "FreeDict English-French", ("usr/share/dictd/freedict-eng-fra.index", "usr/share/dictd/freedict-eng-fra.dict.dz"),
        "apt-get install dict-freedict-eng-fra", "GPL-2+"),
    "freedict-fra-eng": Resource(
        "FreeDict French-English", ("usr/share/dictd/freedict-fra-eng.index", "usr/share/dictd/freedict-fra-eng.dict.dz"),
        "apt-get install dict-freedict-fra-eng", "GPL-2+"),
    "wordnet": Resource(
        "WordNet 3.0", tuple(f"usr/share/wordnet/{f}" for f in
                             ("index.noun", "index.verb", "index.adj", "index.adv", "cntlist.rev")),
        "apt-get install wordnet-base", "WordNet 3.0 licence (permissive, keep the notice)"),
    "verbiste": Resource(
        "Verbiste French conjugation", ("usr/share/verbiste-0.1/verbs-fr.xml", "usr/share/verbiste-0.1/conjugation-fr.xml"),
        "apt-get install verbiste", "GPL-2+"),
    "lemminflect": Resource("LemmInflect", (), "pip install 'weightsmith[lexicon]'", "MIT", module="lemminflect"),
    "wordfreq": Resource("wordfreq word frequencies", (), "pip install 'weightsmith[lexicon]'",
                         "Apache-2.0 (code); CC BY-SA 4.0 (data)", module="wordfreq"),
    "vader": Resource("VADER sentiment lexicon", (), "pip install 'weightsmith[lexicon]'", "MIT",
                      module="vaderSentiment"),
}


# Optional: English→Spanish→French through Apertium (`apertium.pivot`). Without it the lexicon is built all the same,
# and English words FreeDict has no French for stay unknown (`pivot_missing` says so in one line)
PIVOT = {
    "apertium-en-es": Resource(
        "Apertium English-Spanish", ("usr/share/apertium/apertium-eng-spa/eng-spa.autobil.bin",
                                     "usr/share/apertium/apertium-eng-spa/spa-eng.autobil.bin"),
        "apt-get install apertium-en-es", "GPL-2+"),
    "apertium-fr-es": Resource(
        "Apertium French-Spanish", ("usr/share/apertium/apertium-fr-es/es-fr.autobil.bin",
                                    "usr/share/apertium/apertium-fr-es/fr-es.automorf.bin",
                                    "usr/share/apertium/apertium-fr-es/fr-es.autobil.bin"),
        "apt-get install apertium-fr-es", "GPL-2+"),
}
PIVOT_TOOL = "lt-proc"  # lttoolbox's, which the Apertium packages install


def pivot_missing() -> list[str]:
    """The pivot's dictionaries and tool that are not installed here, each with the command that installs it."""
    out = [f"{r.name} ({key}): {r.install}" for key, r in PIVOT.items() if any(not (root() / f).is_file() for f in r.files)]
    if shutil.which(PIVOT_TOOL) is None:
        out.append(f"lttoolbox's {PIVOT_TOOL}: apt-get install lttoolbox")
    return out


def pivot_path(key: str, index: int = 0) -> Path:
    return root() / PIVOT[key].files[index]


def root() -> Path:
    return Path(os.environ.get(ROOT_VARIABLE, "/"))


def missing() -> list[str]:
    """The resources that are not installed here, each with the command that installs it."""
    out = []
    for key, r in RESOURCES.items():
        absent = (importlib.util.find_spec(r.module) is None) if r.module else \
            any(not (root() / f).is_file() for f in r.files)
        if absent:
            out.append(f"{r.name} ({key}): {r.install}")
    return out


def require() -> None:
    """Raise MissingResource naming every absent resource, so one error (one line, as the CLI prints it) says
    everything to install."""
    absent = missing()
    if absent:
        raise MissingResource("the lexicon builder needs resources that are not installed: " + "; ".join(absent))


def path(key: str, index: int = 0) -> Path:
    return root() / RESOURCES[key].files[index]
