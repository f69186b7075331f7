"""Scores of the three language programs on the shipped corpora, interpreter and compiled model side by side.

    .venv/bin/python benchmarks/nlp.py            # prints a table, writes benchmarks/results/nlp.json

For each task and split (dev, test): accuracy of the RASP program under the interpreter and of the
compiled transformer (they must be equal; a difference is a compiler bug and is listed), the model's
size, timings, accuracy per phenomenon / corruption / source, a baseline from the same run (translation:
word-by-word dictionary lookup; classifiers: the majority label), and every failure.

Translation is scored with teacher forcing: one pass over `english SEP french` gives the model's next
word at every French position. Because the model is causal, greedy decoding reproduces the reference
exactly iff every one of these predictions is right, so exact match is the greedy exact match; token
accuracy is the share of reference positions (EOS included) predicted right. The interpreter runs the
program non-causally; `causal_mismatches` counts the sentences where the program's causal version
(what a causal model computes) differs from it anywhere from SEP on (0 means teacher forcing is exact
for the interpreter too). For each failure the greedy output of the compiled model is shown.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from tqdm import tqdm

from weightsmith import rasp
from weightsmith.library import nlp
from weightsmith.library.nlp import models
from weightsmith.library.nlp.causal import disagreements
from weightsmith.library.nlp.translation import EOS, SEP, form, lemma
from weightsmith.model import load, summary
from weightsmith.tasks.nlp import SPLITS, load as load_corpus

RESULTS = Path(__file__).parent / "results" / "nlp.json"
BATCH = 64


def compiled_outputs(name: str, inputs: list[list[str]]) -> list[list]:
    out = []
    for i in tqdm(range(0, len(inputs), BATCH), desc=f"{name} compiled", leave=False):
        out += models.run(name, inputs[i : i + BATCH], "compiled")
    return out


def breakdown(rows: list[tuple[list[str], bool]]) -> dict[str, dict]:
    """Accuracy per group: rows are (groups the example belongs to, correct?)."""
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for groups, ok in rows:
        for g in groups:
            total[g][0] += ok
            total[g][1] += 1
    return {g: {"n": n, "accuracy": round(c / n, 4)} for g, (c, n) in sorted(total.items())}


def word_by_word(english: tuple[str, ...]) -> list[str]:
    """The baseline: each English word's first French form, auxiliaries dropped."""
    return [form(lemma(w), 0) or w for w in english if w not in ("do", "does")]


def score_translation(split: str) -> dict:
    pairs = load_corpus("translation", split)
    known = models.task("translation").known_words
    inputs = [[w if w in known else "UNK" for w in p.english] + [SEP] + list(p.french) for p in pairs]
    starts = [len(p.english) for p in pairs]
    golds = [list(p.french) + [EOS] for p in pairs]

    t0 = time.perf_counter()
    interpreted = rasp.evaluate_batch(models.task("translation").program(), inputs)
    interpreter_seconds = time.perf_counter() - t0
    causal = disagreements(models.task("translation").program(), inputs, starts)
    t0 = time.perf_counter()
    compiled = compiled_outputs("translation", inputs)
    compiled_seconds = time.perf_counter() - t0

    def predictions(outputs):
        return [out[s:] for out, s in zip(outputs, starts)]

    result = {"n": len(pairs)}
    for which, outputs in (("interpreter", interpreted), ("compiled", compiled)):
        preds = predictions(outputs)
        exact = [p == g for p, g in zip(preds, golds)]
        tokens = sum(a == b for p, g in zip(preds, golds) for a, b in zip(p, g))
        result[f"{which}_exact_match"] = round(sum(exact) / len(pairs), 4)
        result[f"{which}_token_accuracy"] = round(tokens / sum(map(len, golds)), 4)
        result[f"{which}_accuracy"] = result[f"{which}_exact_match"]
    preds = predictions(compiled)
    exact = [p == g for p, g in zip(preds, golds)]
    result["compiled_vs_interpreter_mismatches"] = [
        " ".join(p.english) for p, a, b, s in zip(pairs, interpreted, compiled, starts) if a[s:] != b[s:]
    ]
    result["causal_mismatches"] = len(causal)
    baseline = [word_by_word(p.english) == list(p.french) for p in pairs]
    result["baseline"] = {"name": "word-by-word dictionary lookup", "exact_match": round(sum(baseline) / len(pairs), 4)}
    result["by_phenomenon"] = breakdown([(list(p.phenomena) + [p.source], ok) for p, ok in zip(pairs, exact)])
    result["seconds"] = {"interpreter": round(interpreter_seconds, 2), "compiled": round(compiled_seconds, 2)}
    failures = []
    for p, ok in zip(pairs, exact):
        if not ok:
            greedy = nlp.translate_tokens([w if w in known else "UNK" for w in p.english], "compiled")
            failures.append({"english": " ".join(p.english), "reference": " ".join(p.french),
                             "output": " ".join(greedy), "source": p.source, "phenomena": list(p.phenomena)})
    result["failures"] = failures
    return result


def score_classifier(name: str, split: str) -> dict:
    examples = load_corpus(name, split)
    known = models.task(name).known_words
    inputs = [[w if w in known else "UNK" for w in e.words] for e in examples]
    if name == "grammaticality":
        golds = ["grammatical" if e.grammatical else "ungrammatical" for e in examples]
        groups = [[e.corruption if not e.grammatical else "grammatical", e.source] for e in examples]
    else:
        golds = [e.label for e in examples]
        groups = [list(e.phenomena) + [e.label, e.source] for e in examples]
    t0 = time.perf_counter()
    interpreted = [out[-1] for out in models.run(name, inputs, "interpreter")]  # encodes ids for sentiment
    interpreter_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    compiled = [out[-1] for out in compiled_outputs(name, inputs)]
    compiled_seconds = time.perf_counter() - t0
    majority = max(set(golds), key=golds.count)
    return {
        "n": len(examples),
        "interpreter_accuracy": round(sum(p == g for p, g in zip(interpreted, golds)) / len(golds), 4),
        "compiled_accuracy": round(sum(p == g for p, g in zip(compiled, golds)) / len(golds), 4),
        "compiled_vs_interpreter_mismatches": [
            " ".join(e.words) for e, a, b in zip(examples, interpreted, compiled) if a != b
        ],
        "baseline": {"name": f"majority label ({majority})", "accuracy": round(golds.count(majority) / len(golds), 4)},
        "by_group": breakdown([(g, p == gold) for g, p, gold in zip(groups, compiled, golds)]),
        "seconds": {"interpreter": round(interpreter_seconds, 2), "compiled": round(compiled_seconds, 2)},
        "failures": [{"sentence": " ".join(e.words), "expected": gold, "output": p, "groups": g}
                     for e, p, gold, g in zip(examples, compiled, golds, groups) if p != gold],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    report: dict = {"models": {}, "records": []}
    for name in models.TASKS:
        t0 = time.perf_counter()
        folder = models.build(name, log=print)
        size = summary(load(folder))
        report["models"][name] = {
            "folder": str(folder),
            "build_or_load_seconds": round(time.perf_counter() - t0, 1),
            **{k: size[k] for k in ("layers", "heads", "d_model", "d_mlp_total", "parameters", "parameters_nonzero")},
        }
    for name in tqdm(list(models.TASKS), desc="tasks"):
        for split in SPLITS:
            record = score_translation(split) if name == "translation" else score_classifier(name, split)
            report["records"].append({"task": name, "split": split, **record})

    print(f"{'task':<15}{'split':<6}{'n':>5}{'interpreter':>13}{'compiled':>10}{'baseline':>10}{'ratio':>7}"
          f"{'tokens':>8}{'failures':>9}")
    for r in report["records"]:
        base = r["baseline"].get("exact_match", r["baseline"].get("accuracy"))
        ratio = r["compiled_accuracy"] / base if base else float("inf")
        tokens = f"{r['compiled_token_accuracy']:.3f}" if "compiled_token_accuracy" in r else "-"
        print(f"{r['task']:<15}{r['split']:<6}{r['n']:>5}{r['interpreter_accuracy']:>13.4f}"
              f"{r['compiled_accuracy']:>10.4f}{base:>10.4f}{ratio:>7.1f}{tokens:>8}{len(r['failures']):>9}")
        if r["compiled_vs_interpreter_mismatches"]:
            print(f"  COMPILER MISMATCHES: {len(r['compiled_vs_interpreter_mismatches'])}")
    for name, m in report["models"].items():
        print(f"{name}: layers={m['layers']} d_model={m['d_model']} parameters={m['parameters']:,} "
              f"(non-zero {m['parameters_nonzero']:,})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
