"""The dictionary-scale translator (issue 20) on generated and held-out sentences, with the word-by-word
dictionary baseline in the same run.

    nice -n 10 .venv/bin/python benchmarks/nlp_translation.py   # writes results/nlp_translation.json
    ... benchmarks/nlp_translation.py --generated-only            # while developing: no held-out items
    ... benchmarks/nlp_translation.py --dev                       # generated + the hand-written dev pairs

- Generated pairs (`tasks.nlp.everyday_translation`, dev and test, 1,200 each): exact match, by teacher
  forcing (one pass over `english SEP reference`: every next word is the reference's exactly when greedy
  decoding writes the reference), overall and per phenomenon.
- Held-out everyday pairs (`tasks.nlp.heldout`, 392, written before the program and never read to write
  it): coverage (no word unknown to the translator, `nlp.unknown_words`), exact match against the
  reference or a listed variant (greedy decoding with the RASP interpreter), on covered and on all items,
  per phenomenon; the word-by-word dictionary baseline (`nlp_heldout.word_by_word`) on the same items.
- Compiled == interpreter: the compiled model is not built here (it waits for the compiler's compact
  outputs; see docs/nlp.md), so the JSON says so instead of giving a number.

CPU seconds are this process's (resource.getrusage), so other jobs on the machine do not count.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from nlp_heldout import cpu_seconds, french_tokens, score, word_by_word

from weightsmith import rasp
from weightsmith.library import nlp
from weightsmith.library.nlp import dictionary_translation as dt
from weightsmith.library.nlp import models
from weightsmith.tasks.nlp import dictionary, everyday_translation, heldout

RESULTS = Path(__file__).parent / "results" / "nlp_translation.json"


def generated(split: str) -> dict:
    """Exact match on a generated split, by teacher forcing, overall and per phenomenon."""
    examples = everyday_translation.load(split)
    known = dt.known_words()
    inputs = [dt.encode([w if w in known else "UNK" for w in e.english] + ["SEP", *e.french]) for e in examples]
    start = cpu_seconds()
    outputs = rasp.evaluate_batch(dt.program(), inputs)
    seconds = cpu_seconds() - start
    right = [out[len(e.english):] == [*e.french, dt.EOS] for e, out in zip(examples, outputs)]
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for e, ok in zip(examples, right):
        for tag in e.phenomena:
            by_tag[tag].append(ok)
    misses = []
    for e, out, ok in zip(examples, outputs, right):
        if not ok:
            got = out[len(e.english):]
            first = next(i for i, (a, b) in enumerate(zip(got, [*e.french, dt.EOS])) if a != b)
            misses.append(f"{' '.join(e.english)} | {' '.join(e.french)} | first wrong word {first}: {got[first]}")
    return {"items": len(examples), "exact": round(sum(right) / len(right), 4), "cpu_seconds": round(seconds, 1),
            "per_phenomenon": {t: {"items": len(v), "exact": round(sum(v) / len(v), 4)}
                               for t, v in sorted(by_tag.items(), key=lambda kv: -len(kv[1]))},
            "misses": misses[:40]}


def held_out() -> dict:
    return everyday(heldout.load("translation"))


def everyday(items: list) -> dict:
    """Coverage and exact match (reference or a listed variant) of pairs in the held-out format."""
    covered = [not nlp.unknown_words(" ".join(i.english), "translation") for i in items]
    start = cpu_seconds()
    answers = [french_tokens(i.english) for i in items]
    seconds = cpu_seconds() - start
    right = [a in i.accepted for i, a in zip(items, answers)]
    lexicon = dictionary.load()
    baseline = word_by_word(lexicon)
    built_covered = [not lexicon.unknown_words(list(i.english), "translation") for i in items]
    return {
        "model": score(items, right, covered),
        "model_cpu_seconds": round(seconds, 1),
        "cpu_seconds_per_sentence": round(seconds / len(items), 3),
        "baselines": {"word_by_word": score(items, [baseline(i.english) in i.accepted for i in items],
                                            built_covered)},
        "unknown_words": sorted({w for i in items for w in nlp.unknown_words(" ".join(i.english), "translation")}),
        "misses": [{"english": " ".join(i.english), "model": " ".join(a), "reference": " ".join(i.french)}
                   for i, a, ok, c in zip(items, answers, right, covered) if c and not ok],
    }


def main(argv: list[str]) -> None:
    results = {
        "program": {"known_words": len(models.DICTIONARY_TRANSLATION.known_words),
                    "vocabulary_ids": len(models.DICTIONARY_TRANSLATION.model_vocabulary())},
        "generated": {split: generated(split) for split in everyday_translation.SPLITS},
        "compiled_equals_interpreter": "not measured: the compiled model waits for the compiler's compact outputs",
    }
    for split, r in results["generated"].items():
        print(f"generated {split}: exact {r['exact']:.3f} ({r['items']}), {r['cpu_seconds']} CPU s")
    if "--dev" in argv:  # the hand-written dev pairs (never the held-out ones): while developing
        d = everyday(everyday_translation.load_handwritten())
        print(f"hand-written dev: coverage {d['model']['coverage']:.3f}, exact covered {d['model']['accuracy_covered']}, "
              f"exact all {d['model']['accuracy_all']:.3f} ({d['model']['items']}); word-by-word exact covered "
              f"{d['baselines']['word_by_word']['accuracy_covered']}")
        for tag, s in d["model"]["per_phenomenon"].items():
            print(f"  {tag:18} {s['items']:4}  {s['coverage']:.3f}  {s['accuracy_covered']}  {s['accuracy_all']:.3f}")
        print("unknown:", " ".join(d["unknown_words"]))
        print("\n".join(f"{m['english']} | {m['model']} | {m['reference']}" for m in d["misses"]))
        (RESULTS.parent / "nlp_translation_dev.json").write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n",
                                                                 encoding="utf-8")
    elif "--generated-only" not in argv:
        results["held_out"] = h = held_out()
        for name, s in [("dictionary-scale translator", h["model"]),
                        ("word-by-word dictionary", h["baselines"]["word_by_word"])]:
            print(f"held-out {name}: coverage {s['coverage']:.3f}, exact covered {s['accuracy_covered']}, "
                  f"exact all {s['accuracy_all']:.3f} ({s['items']})")
        print("per phenomenon (coverage / exact covered / exact all):")
        for tag, s in h["model"]["per_phenomenon"].items():
            print(f"  {tag:18} {s['items']:4}  {s['coverage']:.3f}  {s['accuracy_covered']}  {s['accuracy_all']:.3f}")
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written to {RESULTS}")
    else:
        for split, r in results["generated"].items():
            print(f"{split} per phenomenon:", {t: s["exact"] for t, s in r["per_phenomenon"].items()})
            print("\n".join(r["misses"][:25]))


if __name__ == "__main__":
    main(sys.argv[1:])
