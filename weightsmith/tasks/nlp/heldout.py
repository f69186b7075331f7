"""The held-out everyday sentences (issue 20 §5): the independent check for the dictionary-scale models.

They were written by hand, before the programs that will be scored on them were changed, as everyday
English over eleven domains (household, food, family, work, travel, weather, school, animals, feelings,
city, nature, plus a mixed set). They are never used to write or tune a program: only to score it.
Conventions (tokens, tu/vous, elision) are in docs/nlp-data.md.

Twenty-three independent sets. Version 1 (`data/heldout/`) has been scored and read, so it no longer checks
anything written after that reading. Version 2 (`data/heldout2/`) was written later, by someone who had
read neither the programs nor any score, with the same conventions and no sentence in common with
version 1; it was scored once and read, so it is spent too. Version 3 (`data/heldout3/`) was written the
same way, before the next round of program changes, with no sentence in common with versions 1 and 2,
and scored and read at the end of that round. Version 4 (`data/heldout4/`) was written the same way again,
before the round after that, with no sentence in common with versions 1-3, and scored and read at the end
of that round. Version 5 (`data/heldout5/`) was written the same way once more, before the next round, with
no sentence in common with versions 1-4, and scored and read at the end of that round. Version 6
(`data/heldout6/`) was written the same way before the round after that, with no sentence in common with
versions 1-5 and none nearly so (difflib ratio below 0.80); it is meant to be scored once, at the end of that round.
Version 7 (`data/heldout7/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-6; it is meant to be scored once, at the end of that round.
Version 8 (`data/heldout8/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-7; it is meant to be scored once, at the end of that round.
Version 9 (`data/heldout9/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-8; it is meant to be scored once, at the end of that round.
Version 10 (`data/heldout10/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-9; it is meant to be scored once, at the end of that round.
Version 11 (`data/heldout11/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-10; it is meant to be scored once, at the end of that round.
Version 12 (`data/heldout12/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-11; it is meant to be scored once, at the end of that round.
Version 13 (`data/heldout13/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-12; it is meant to be scored once, at the end of that round.
Version 14 (`data/heldout14/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-13; it is meant to be scored once, at the end of that round.
Version 15 (`data/heldout15/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-14; it is meant to be scored once, at the end of that round.
Version 16 (`data/heldout16/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-15; it is meant to be scored once, at the end of that round.
Version 17 (`data/heldout17/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-16; it is meant to be scored once, at the end of that round.
Version 18 (`data/heldout18/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-17; it is meant to be scored once, at the end of that round.
Version 19 (`data/heldout19/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-18; it is meant to be scored once, at the end of that round.
Version 20 (`data/heldout20/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-19; it is meant to be scored once, at the end of that round.
Version 21 (`data/heldout21/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-20; it is meant to be scored once, at the end of that round.
Version 22 (`data/heldout22/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-21; it is meant to be scored once, at the end of that round.
Version 23 (`data/heldout23/`) was written the same way before the round after that, with no sentence equal or
near (difflib ratio below 0.80) to one of versions 1-22; it is meant to be scored once, at the end of that round.

Files (`data/<folder>/<task>.tsv`, UTF-8, a header row, tokens separated by single spaces):
- translation:    english, french, variants (" | "-separated accepted alternatives, or "-"), phenomena, domain
- grammaticality: sentence, label (grammatical | ungrammatical), phenomena, domain
- sentiment:      sentence, label (positive | negative | neutral), phenomena, domain
Phenomena are comma-separated tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from weightsmith.tasks.nlp.corpus import read_rows

DATA = Path(__file__).parent / "data"
# version -> its folder under data/
VERSIONS = {1: "heldout", 2: "heldout2", 3: "heldout3", 4: "heldout4", 5: "heldout5", 6: "heldout6", 7: "heldout7",
            8: "heldout8", 9: "heldout9", 10: "heldout10", 11: "heldout11",
            12: "heldout12", 13: "heldout13", 14: "heldout14", 15: "heldout15", 16: "heldout16",
            17: "heldout17", 18: "heldout18", 19: "heldout19", 20: "heldout20", 21: "heldout21",
            22: "heldout22", 23: "heldout23"}
TASKS = ("translation", "grammaticality", "sentiment")
HEADERS = {
    "translation": ("english", "french", "variants", "phenomena", "domain"),
    "grammaticality": ("sentence", "label", "phenomena", "domain"),
    "sentiment": ("sentence", "label", "phenomena", "domain"),
}
LABELS = {"grammaticality": ("grammatical", "ungrammatical"), "sentiment": ("positive", "negative", "neutral")}
NO_VARIANTS = "-"


@dataclass(frozen=True)
class HeldoutPair:
    """An English sentence, its French reference and the other translations accepted as exact."""

    english: tuple[str, ...]
    french: tuple[str, ...]
    variants: tuple[tuple[str, ...], ...]
    phenomena: tuple[str, ...]
    domain: str

    @property
    def accepted(self) -> tuple[tuple[str, ...], ...]:
        """Every token sequence that counts as an exact match: the reference first."""
        return (self.french, *self.variants)


@dataclass(frozen=True)
class HeldoutSentence:
    """A sentence with its label (grammaticality or sentiment)."""

    words: tuple[str, ...]
    label: str
    phenomena: tuple[str, ...]
    domain: str


def path(task: str, version: int = 1) -> Path:
    if task not in TASKS:
        raise ValueError(f"no held-out set {task!r}; tasks are {', '.join(TASKS)}")
    if version not in VERSIONS:
        raise ValueError(f"no held-out version {version!r}; versions are {', '.join(map(str, VERSIONS))}")
    return DATA / VERSIONS[version] / f"{task}.tsv"


def _tokens(cell: str) -> tuple[str, ...]:
    return tuple(cell.split(" "))


def _parse(task: str, cells: list[str], where: str) -> HeldoutPair | HeldoutSentence:
    if any(not c.strip() for c in cells):
        raise ValueError(f"{where}: an empty field (write '-' for no variants)")
    phenomena = tuple(cells[-2].split(","))
    if task == "translation":
        variants = () if cells[2] == NO_VARIANTS else tuple(_tokens(v.strip()) for v in cells[2].split("|"))
        return HeldoutPair(_tokens(cells[0]), _tokens(cells[1]), variants, phenomena, cells[-1])
    if cells[1] not in LABELS[task]:
        raise ValueError(f"{where}: label {cells[1]!r} is not one of {', '.join(LABELS[task])}")
    return HeldoutSentence(_tokens(cells[0]), cells[1], phenomena, cells[-1])


def load(task: str, version: int = 1) -> list[HeldoutPair] | list[HeldoutSentence]:
    """The held-out items of `task` in set `version` (a key of VERSIONS), in file order.

    A malformed row is an error naming its file and line.
    """
    return read(task, path(task, version))


def read(task: str, file: Path) -> list[HeldoutPair] | list[HeldoutSentence]:
    """Items of `task` from any file in the held-out format (dev sets written the same way use it too)."""
    return [_parse(task, cells, where) for where, cells in read_rows(file, HEADERS[task])]
