"""The shipped corpora: building them from the generators and hand-written files, reading them back.

Files (`data/<task>.<split>.tsv`, UTF-8, a header row, tokens separated by single spaces):
- translation:    english, french, phenomena, source
- grammaticality: sentence, label (grammatical | ungrammatical), corruption, source
- sentiment:      sentence, label (positive | negative), phenomena, source
Splits: `dev` (used while writing the programs) and `test` (generated with another seed, never looked at
while writing them). Hand-written sentences (`handwritten/<task>.tsv`) are shuffled with a fixed seed and
dealt half to each split.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Callable, Sequence

from weightsmith.tasks.nlp import grammaticality, sentiment, translation
from weightsmith.tasks.nlp.grammaticality import GrammarExample
from weightsmith.tasks.nlp.sentiment import SentimentExample
from weightsmith.tasks.nlp.translation import TranslationPair

HERE = Path(__file__).parent
DATA = HERE / "data"
HANDWRITTEN = HERE / "handwritten"
TASKS = ("translation", "grammaticality", "sentiment")
SPLITS = ("dev", "test")
SEEDS = {"dev": 20241, "test": 90417}  # different seeds: test sentences are new sentences
GENERATED_PER_SPLIT = 400
HANDWRITTEN_SEED = 7

Example = TranslationPair | GrammarExample | SentimentExample
HEADERS = {
    "translation": ("english", "french", "phenomena", "source"),
    "grammaticality": ("sentence", "label", "corruption", "source"),
    "sentiment": ("sentence", "label", "phenomena", "source"),
}


def _row(task: str, ex: Example) -> tuple[str, ...]:
    if task == "translation":
        return " ".join(ex.english), " ".join(ex.french), ",".join(ex.phenomena), ex.source
    if task == "grammaticality":
        label = "grammatical" if ex.grammatical else "ungrammatical"
        return " ".join(ex.words), label, ex.corruption, ex.source
    return " ".join(ex.words), ex.label, ",".join(ex.phenomena), ex.source


def _example(task: str, cells: Sequence[str]) -> Example:
    words = tuple(cells[0].split(" "))
    if task == "translation":
        phenomena = tuple(p for p in cells[2].split(",") if p)
        return TranslationPair(words, tuple(cells[1].split(" ")), phenomena, cells[3])
    if task == "grammaticality":
        if cells[1] not in ("grammatical", "ungrammatical"):
            raise ValueError(f"grammaticality label must be grammatical/ungrammatical, got {cells[1]!r}")
        return GrammarExample(words, cells[1] == "grammatical", cells[2], cells[3])
    if cells[1] not in ("positive", "negative"):
        raise ValueError(f"sentiment label must be positive/negative, got {cells[1]!r}")
    return SentimentExample(words, cells[1], tuple(p for p in cells[2].split(",") if p), cells[3])


def path(task: str, split: str) -> Path:
    if task not in TASKS or split not in SPLITS:
        raise ValueError(f"no corpus {task!r}/{split!r}; tasks are {TASKS}, splits {SPLITS}")
    return DATA / f"{task}.{split}.tsv"


def read_rows(file: Path, header: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """The rows of a TSV file that must start with `header`, each with its place ("file:line") for errors."""
    lines = file.read_text(encoding="utf-8").splitlines()
    found = tuple(lines[0].split("\t"))
    if found != header:
        raise ValueError(f"{file}: header {found} is not {header}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{file}:{number}: {len(cells)} columns, expected {len(header)}")
        rows.append((f"{file}:{number}", cells))
    return rows


def load(task: str, split: str) -> list[Example]:
    """The examples of `task` in `split` ("dev" or "test"), as written by `build`."""
    return [_example(task, cells) for _, cells in read_rows(path(task, split), HEADERS[task])]


def handwritten(task: str) -> list[Example]:
    """Every hand-written row of `task` (`handwritten/<task>.tsv`), in file order."""
    rows = []
    for line in (HANDWRITTEN / f"{task}.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if task == "translation":
            rows.append(TranslationPair(tuple(cells[0].split()), tuple(cells[1].split()), (), "handwritten"))
        elif task == "grammaticality":
            rows.append(GrammarExample(tuple(cells[0].split()), cells[1] == "grammatical", cells[2], "handwritten"))
        else:
            rows.append(SentimentExample(tuple(cells[0].split()), cells[1], (), "handwritten"))
    return rows


def _handwritten(task: str) -> dict[str, list[Example]]:
    rows = handwritten(task)
    random.Random(HANDWRITTEN_SEED).shuffle(rows)
    half = len(rows) // 2
    return {"dev": rows[:half], "test": rows[half:]}


GENERATORS: dict[str, Callable[..., list[Example]]] = {
    "translation": translation.generate,
    "grammaticality": grammaticality.generate,
    "sentiment": sentiment.generate,
}


def _key(ex: Example) -> tuple[str, ...]:
    return ex.english if isinstance(ex, TranslationPair) else ex.words


def build(task: str) -> dict[str, list[Example]]:
    """Both splits of `task`: generated sentences (test excludes every dev sentence) plus hand-written ones."""
    hand = _handwritten(task)
    dev = GENERATORS[task](GENERATED_PER_SPLIT, SEEDS["dev"], exclude={_key(e) for e in hand["test"]})
    dev += hand["dev"]
    test = GENERATORS[task](GENERATED_PER_SPLIT, SEEDS["test"], exclude={_key(e) for e in dev})
    test += hand["test"]
    return {"dev": dev, "test": test}


def write(task: str, splits: dict[str, list[Example]]) -> None:
    DATA.mkdir(exist_ok=True)
    for split, examples in splits.items():
        lines = ["\t".join(HEADERS[task])] + ["\t".join(_row(task, ex)) for ex in examples]
        path(task, split).write_text("\n".join(lines) + "\n", encoding="utf-8")
