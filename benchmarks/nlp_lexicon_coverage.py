"""Coverage of the held-out everyday sentences: the models' vocabularies and the built dictionary lexicon.

    .venv/bin/python benchmarks/nlp_lexicon_coverage.py [--version N]   # prints a table; set 1 writes
                                                  # results/nlp_lexicon_coverage.json, set N _vN.json

Coverage is the share of held-out items with no unknown word (issue 20 §5). A word is known to a
model when it is in the task program's vocabulary (`nlp.unknown_words`). A word is known to the built
lexicon when `Lexicon.knows` says so (a reading for grammaticality and sentiment, in the main table or
the classifiers' wider one; for translation, a closed-class word or a reading with French). The built lexicon
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


def coverage(task: str, knows, version: int) -> dict:
    """Share of items of held-out set `version` whose every word `knows(word)`, overall and per phenomenon;
    the commonest misses."""
    items = heldout.load(task, version)
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
    import argparse

    from nlp_heldout import results_for

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--version", type=int, choices=sorted(heldout.VERSIONS), default=1,
                        help="which held-out set to measure (docs/nlp-data.md); default 1")
    version = parser.parse_args().version
    out = results_for(RESULTS, version)
    start = time.process_time()
    lexicon = dictionary.load()
    built_seconds = time.process_time() - start
    manifest = json.loads((dictionary.default_folder() / "manifest.json").read_text())
    results = {"heldout_version": version, "lexicon": {k: v for k, v in manifest.items() if k != "sources"},
               "load_or_build_cpu_seconds": round(built_seconds, 2), "tasks": {}}
    print(f"set {version}")
    print(f"{'task':16} {'items':>5}  {'model words':>18}  {'built lexicon':>14}  lemmas for the task")
    for task in heldout.TASKS:
        known_by_model = models.task(task).known_words
        model = coverage(task, known_by_model.__contains__, version)
        built = coverage(task, lambda w, t=task: lexicon.knows(w, t), version)
        lemmas = len(lexicon.lemmas(task))
        results["tasks"][task] = {"model": model, "built": built, "built_lemmas": lemmas}
        print(f"{task:16} {model['items']:5}  {model['coverage']:18.3f}  {built['coverage']:14.3f}  {lemmas}")
    for task in heldout.TASKS:
        misses = results["tasks"][task]["built"]["unknown_words"]
        print(f"unknown to the built lexicon ({task}, {len(misses)} words): "
              + ", ".join(f"{w} {n}" for w, n in list(misses.items())[:25]))
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
