"""The dictionary-scale grammaticality model (issue 20 §2, §5): held-out everyday sentences, the generated corpus,
exactness, size and speed, with baselines in the same run.

    WEIGHTSMITH_THREADS=1 nice -n 10 .venv/bin/python benchmarks/nlp_grammaticality.py
    # writes results/nlp_grammaticality.json
    ... benchmarks/nlp_grammaticality.py --heldout-version 2      # the second held-out set → results/nlp_grammaticality_v2.json
    ... benchmarks/nlp_grammaticality.py --heldout-version 3      # the third held-out set → results/nlp_grammaticality_v3.json
    ... benchmarks/nlp_grammaticality.py --heldout-version 4      # the fourth held-out set → results/nlp_grammaticality_v4.json
    ... benchmarks/nlp_grammaticality.py --heldout-version 5      # the fifth held-out set → results/nlp_grammaticality_v5.json
    ... benchmarks/nlp_grammaticality.py --dev-only
    # the same without the held-out file (never read, never scored): for development;
    # writes results/nlp_grammaticality_dev.json

- Held-out (`tasks.nlp.heldout`, 466 hand-written sentences never used to write the program): coverage (no
  word unknown to the model, `nlp.unknown_words`), accuracy on the covered items and on all items (an unknown
  word takes the UNK path), overall and per phenomenon tag (constructions and error types); the misses.
- Baselines on the same items: the majority label of the file itself; the 394-word program it replaces
  (interpreter, unknown words as UNK).
- Generated minimal pairs (`tasks.nlp.everyday_grammar`, dev and test) and the hand-written dev sentences:
  accuracy, per error type and per construction.
- compiled == interpreter on every sentence above and on the older 394-word grammaticality corpus.
- Model size, compile + save CPU seconds, CPU seconds per sentence (batched, and one at a time), one thread.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import torch

from nlp_heldout import cpu_seconds, results_for, score
from weightsmith import rasp
from weightsmith.library import nlp
from weightsmith.library.nlp import grammar, grammaticality, models
from weightsmith.library.nlp.tokenize import UNK
from weightsmith.model import load
from weightsmith.tasks import nlp as corpora
from weightsmith.tasks.nlp import dictionary, everyday_grammar, heldout

RESULTS = Path(__file__).parent / "results" / "nlp_grammaticality.json"
DEV_RESULTS = Path(__file__).parent / "results" / "nlp_grammaticality_dev.json"


@dataclass(frozen=True)
class Tagged:
    """A generated item as `score` reads it: its constructions and its error type are its phenomena."""

    phenomena: tuple[str, ...]


def sentence(words) -> list[str]:
    words = list(words)
    return words if words[-1] in nlp.SENTENCE_END else words + ["."]


CHUNK = 256  # sentences per forward pass: a batch of thousands holds gigabytes of activations


def judge(sentences: list[list[str]], backend: str | None = None) -> list[str]:
    return [out[-1] for start in range(0, len(sentences), CHUNK)
            for out in models.run("grammaticality", sentences[start:start + CHUNK], backend)]


def model_summary(folder: Path, build_seconds: float) -> dict:
    model = load(folder)
    return {
        "layers": len(model.config.layers), "d_model": model.config.d_model,
        "d_mlp": max(layer.d_mlp for layer in model.config.layers),
        "parameters": sum(p.numel() for p in model.parameters()),
        "non_zero": sum(int(torch.count_nonzero(p)) for p in model.parameters()),
        "disk_bytes": sum(f.stat().st_size for f in Path(folder).iterdir()),
        "vocabulary": len(models.task("grammaticality").known_words),
        "compile_and_save_cpu_seconds": round(build_seconds, 2),
    }


def generated(items: list, answers: list[str]) -> dict:
    right = [a == i.label for i, a in zip(items, answers)]
    tagged = [Tagged((*i.constructions, "error:" + i.error)) for i in items]
    result = score(tagged, right, [True] * len(items))
    result["misses"] = [f"{' '.join(i.words)} | {i.label} ({i.error})" for i, ok in zip(items, right) if not ok]
    return result


def old_program(items: list) -> list[str]:
    """The 394-word program's answers (interpreter), unknown words as UNK."""
    known = set(grammaticality.vocabulary())
    inputs = [[w if w in known else UNK for w in sentence(i.words)] for i in items]
    return [out[-1] for out in rasp.evaluate_batch(grammaticality.program(), inputs)]


def main(dev_only: bool = False, version: int = 1) -> None:
    torch.set_num_threads(1)
    if models.task("grammaticality").module is not grammar:
        raise SystemExit("the lexicon's resources are not installed: " + "; ".join(dictionary.missing()))
    start = cpu_seconds()
    folder = models.build("grammaticality", force=True)
    results = {"model": model_summary(folder, cpu_seconds() - start)}

    corpus = {split: everyday_grammar.load(split) for split in everyday_grammar.SPLITS}
    corpus["handwritten"] = everyday_grammar.load_handwritten()
    if dev_only:
        items = []
        timed = [sentence(i.words) for i in corpus["handwritten"]]
    else:
        items = heldout.load("grammaticality", version)
        timed = [sentence(i.words) for i in items]
    sentences = [sentence(i.words) for i in items]
    covered = [not nlp.unknown_words(" ".join(i.words), "grammaticality") for i in items]
    start = cpu_seconds()
    timed_answers = judge(timed)
    results["model"]["cpu_seconds_per_sentence_batched"] = round((cpu_seconds() - start) / len(timed), 5)
    answers = timed_answers if not dev_only else []
    right = [a == i.label for i, a in zip(items, answers)]
    majority = Counter(i.label for i in items).most_common(1)[0][0] if items else None
    old_known = set(grammaticality.vocabulary())
    results["heldout"] = {} if dev_only else {
        "model": score(items, right, covered),
        "baselines": {
            f"majority ({majority})": score(items, [i.label == majority for i in items], [True] * len(items)),
            "394-word program": score(items, [a == i.label for i, a in zip(items, old_program(items))],
                                      [all(w in old_known for w in i.words) for i in items]),
        },
        "confusion": dict(Counter(f"{i.label}->{a}" for i, a in zip(items, answers))),
        "unknown_words": dict(Counter(w for i in items for w in nlp.unknown_words(" ".join(i.words), "grammaticality"))
                              .most_common(40)),
        "misses": [f"{' '.join(i.words)} | {i.label} | {','.join(i.phenomena)}" for i, ok in zip(items, right) if not ok],
    }

    results["generated"] = {name: generated(group, judge([sentence(i.words) for i in group]))
                            for name, group in corpus.items()}

    # exactness: compiled == interpreter on every sentence we have
    everything = sentences + [sentence(i.words) for group in corpus.values() for i in group]
    everything += [sentence(e.words) for split in corpora.SPLITS for e in corpora.load("grammaticality", split)]
    everything = [[w if w in models.task("grammaticality").known_words else UNK for w in s] for s in everything]
    compiled, interpreted = judge(everything), judge(everything, "interpreter")
    results["exactness"] = {"sentences": len(everything),
                            "mismatches": [" ".join(s) for s, a, b in zip(everything, compiled, interpreted) if a != b]}
    start = cpu_seconds()
    for s in timed[:50]:
        judge([s])
    results["model"]["cpu_seconds_per_sentence_alone"] = round((cpu_seconds() - start) / 50, 4)

    print("model:", results["model"])
    print("compiled == interpreter:", results["exactness"]["sentences"], "sentences,",
          len(results["exactness"]["mismatches"]), "mismatches")
    if not dev_only:
        print(f"{'held-out system':28} {'items':>5} {'coverage':>8} {'acc(covered)':>12} {'acc(all)':>8}")
        for name, row in [("dictionary-scale program", results["heldout"]["model"]),
                          *results["heldout"]["baselines"].items()]:
            acc = "-" if row["accuracy_covered"] is None else f"{row['accuracy_covered']:.3f}"
            print(f"{name:28} {row['items']:5} {row['coverage']:8.3f} {acc:>12} {row['accuracy_all']:8.3f}")
        for tag, row in results["heldout"]["model"]["per_phenomenon"].items():
            print(f"  {tag:26} {row['items']:5} {row['coverage']:8.3f} {row['accuracy_covered'] or 0:12.3f} "
                  f"{row['accuracy_all']:8.3f}")
    for name, row in results["generated"].items():
        print(f"generated {name:10} {row['items']:5} accuracy {row['accuracy_all']:.4f}")
    out = DEV_RESULTS if dev_only else results_for(RESULTS, version)
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"written to {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-only", action="store_true", help="leave the held-out file out (not even read)")
    parser.add_argument("--heldout-version", type=int, choices=sorted(heldout.VERSIONS), default=1,
                        help="the held-out set to score (docs/nlp-data.md); set 2 writes nlp_grammaticality_v2.json")
    args = parser.parse_args()
    main(args.dev_only, args.heldout_version)
