"""Coverage of the held-out everyday sentences: the built dictionary lexicon against today's 394-word one.

    .venv/bin/python benchmarks/nlp_lexicon_coverage.py   # prints a table, writes results/nlp_lexicon_coverage.json

Coverage is the share of held-out items with no unknown word (issue 20 §5). A word is known to today's
models when it is in the task program's vocabulary (`nlp.unknown_words`). A word is known to the built
lexicon when `Lexicon.knows` says so (a reading for grammaticality and sentiment; for translation, a
closed-class word or a reading with French). The built lexicon
is `weightsmith.tasks.nlp.dictionary.load()` (built into the cache on first use; needs the `lexicon` extra
and the Debian packages in docs/nlp-data.md). Knowing every word is necessary for a right answer, not
sufficient: this measures the lexicon, not a model.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from weightsmith.library.nlp import models
from weightsmith.tasks.nlp import dictionary, heldout

RESULTS = Path(__file__).parent / "results" / "nlp_lexicon_coverage.json"


def _words(item) -> tuple[str, ...]:
    return item.english if isinstance(item, heldout.HeldoutPair) else item.words


def coverage(task: str, knows) -> dict:
    """Share of items whose every word `knows(word)`, overall and per phenomenon; the commonest misses."""
    items = heldout.load(task)
    covered = [all(knows(w) for w in _words(i)) for i in items]
    per_phenomenon: dict[str, list[bool]] = defaultdict(list)
    for item, ok in zip(items, covered):
        for p in item.phenomena:
            per_phenomenon[p].append(ok)
    misses = Counter(w for i in items for w in dict.fromkeys(_words(i)) if not knows(w))
    return {
        "items": len(items),
        "covered": sum(covered),
        "coverage": round(sum(covered) / len(items), 4),
        "per_phenomenon": {p: round(sum(v) / len(v), 4) for p, v in sorted(per_phenomenon.items())},
        "unknown_words": dict(misses.most_common()),
    }


def main() -> None:
    start = time.process_time()
    lexicon = dictionary.load()
    built_seconds = time.process_time() - start
    manifest = json.loads((dictionary.default_folder() / "manifest.json").read_text())
    results = {"lexicon": {k: v for k, v in manifest.items() if k != "sources"},
               "load_or_build_cpu_seconds": round(built_seconds, 2), "tasks": {}}
    print(f"{'task':16} {'items':>5}  {'today (394 words)':>18}  {'built lexicon':>14}  lemmas for the task")
    for task in heldout.TASKS:
        known_today = models.task(task).known_words
        today = coverage(task, known_today.__contains__)
        built = coverage(task, lambda w, t=task: lexicon.knows(w, t))
        lemmas = len(lexicon.lemmas(task))
        results["tasks"][task] = {"today": today, "built": built, "built_lemmas": lemmas}
        print(f"{task:16} {today['items']:5}  {today['coverage']:18.3f}  {built['coverage']:14.3f}  {lemmas}")
    for task in heldout.TASKS:
        misses = results["tasks"][task]["built"]["unknown_words"]
        print(f"unknown to the built lexicon ({task}, {len(misses)} words): "
              + ", ".join(f"{w} {n}" for w, n in list(misses.items())[:25]))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
