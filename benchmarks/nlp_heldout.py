"""The hand-coded language models on the held-out everyday sentences (issue 20 §5), with baselines run here.

    WEIGHTSMITH_THREADS=1 nice -n 10 .venv/bin/python benchmarks/nlp_heldout.py   # writes results/nlp_heldout.json
    ... benchmarks/nlp_heldout.py --version 2    # the second held-out set → results/nlp_heldout_v2.json
    ... benchmarks/nlp_heldout.py --version 3    # the third held-out set → results/nlp_heldout_v3.json
    ... benchmarks/nlp_heldout.py --version 4    # the fourth held-out set → results/nlp_heldout_v4.json
    ... benchmarks/nlp_heldout.py --version 5    # the fifth held-out set → results/nlp_heldout_v5.json
    ... benchmarks/nlp_heldout.py --version N    # held-out set N (heldout.VERSIONS) → results/nlp_heldout_vN.json

For each task and each held-out item (`weightsmith.tasks.nlp.heldout`, never used to write a program):
- coverage: the item has no word unknown to the model's lexicon (`nlp.unknown_words`);
- accuracy on the covered items and on all items (an unknown word takes the model's documented UNK path),
  overall and per phenomenon tag.

Translation is an exact match against the reference or a listed variant. Grammaticality and sentiment run
the compiled models (`nlp.models.run`, batched); translation decodes greedily with the RASP interpreter
(the compiled translator takes seconds per word on this machine, and is checked equal to the interpreter
elsewhere).

Baselines, on the same items in the same run:
- word-by-word dictionary translation: each English word → the first French of its first reading in the
  built lexicon (`tasks.nlp.dictionary`), a noun in the plural as its French plural, an unknown word kept;
- majority class (grammaticality, sentiment): the commonest label of the held-out file itself (an upper
  bound for a constant guess);
- VADER (vaderSentiment): the compound score of the sentence, as people write it (clitics joined back:
  "does n't" → "doesn't"), positive ≥ 0.05, negative ≤ -0.05, neutral between (VADER's own thresholds).
"""

from __future__ import annotations

import json
import resource
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Sequence

from weightsmith.library import nlp
from weightsmith.library.nlp import models
from weightsmith.tasks.nlp import dictionary, heldout

RESULTS = Path(__file__).parent / "results" / "nlp_heldout.json"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def score(items: Sequence, right: Sequence[bool], covered: Sequence[bool]) -> dict:
    """Coverage, accuracy on covered and on all items, overall and per phenomenon."""

    def summary(indices: list[int]) -> dict:
        inside = [i for i in indices if covered[i]]
        return {
            "items": len(indices),
            "coverage": round(len(inside) / len(indices), 4),
            "accuracy_covered": round(sum(right[i] for i in inside) / len(inside), 4) if inside else None,
            "accuracy_all": round(sum(right[i] for i in indices) / len(indices), 4),
        }

    by_tag: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for tag in item.phenomena:
            by_tag[tag].append(i)
    return {**summary(list(range(len(items)))),
            "per_phenomenon": {tag: summary(ix) for tag, ix in sorted(by_tag.items(), key=lambda kv: -len(kv[1]))}}


def results_for(default: Path, version: int) -> Path:
    """Where a benchmark's results go when it scores held-out set `version`: set 1 keeps the file's own
    name, any other set gets its own file, so scoring set 2 never overwrites set 1's record."""
    return default if version == 1 else default.with_name(f"{default.stem}_v{version}{default.suffix}")


def written(words: Sequence[str]) -> str:
    """Tokens back to text as people type it, for tools that tokenise themselves (VADER)."""
    text = " ".join(words)
    for clitic in ("n't", "'s", "'m", "'re", "'ve", "'ll", "'d"):
        text = text.replace(" " + clitic, clitic)
    for mark in (".", ",", "!", "?"):
        text = text.replace(" " + mark, mark)
    return text


def word_by_word(lexicon: dictionary.Lexicon) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """The dictionary baseline: each word's first French, in English order."""

    def french(word: str) -> str:
        for closed in lexicon.closed.get(word, []):
            if closed.french:
                return closed.french[0]
        if word in lexicon.closed:
            return ""  # grammar only ("do", "'s"): nothing to write
        for lemma, pos, tag in lexicon.forms.get(word, []):
            entry = lexicon.translations.get((lemma, pos))
            if entry:
                return entry.forms.get("pl", entry.french) if tag == "pl" else entry.french
        return word

    return lambda words: tuple(w for w in (french(x) for x in words) for w in w.split() if w)


def vader() -> Callable[[Sequence[str]], str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()

    def label(words: Sequence[str]) -> str:
        compound = analyser.polarity_scores(written(words))["compound"]
        return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"

    return label


NO_WORD = ("<the model gave no word>",)  # the answer recorded when greedy decoding stops without a word


def french_tokens(english: Sequence[str]) -> tuple[str, ...]:
    """The translation as French tokens, unknown words put back in place, as `nlp.translate` does it (a UNK
    spoken more often than the input had unknown words stays UNK, and so never matches). (The references are
    tokens; re-tokenising the translated text with the English tokenizer would split l'enfant and est-ce.)"""
    tokens = nlp.model_tokens(list(english), "translation")
    unknown = iter(tokens.unknown)
    try:
        french = nlp.translate_tokens(tokens.model_input, "interpreter")
    except nlp.TranslationStopped:  # the model stopped without a word: a wrong answer, counted as one and listed
        return NO_WORD
    return tuple(next(unknown, "UNK") if w == "UNK" else w for w in french)


def model_answers(task: str, items: Sequence) -> list:
    """The model's answers to every item: French tokens, True/False, or a sentiment label."""
    if task == "translation":
        return [french_tokens(item.english) for item in items]
    inputs = [nlp._sentence(" ".join(item.words), task) for item in items]
    labels = [row[-1] for row in models.run(task, inputs)]
    if task == "grammaticality":
        return ["grammatical" if label == "grammatical" else "ungrammatical" for label in labels]
    return labels


def correct(task: str, item, answer) -> bool:
    if task == "translation":
        return answer in item.accepted
    return answer == item.label


def run_task(task: str, lexicon: dictionary.Lexicon, sentiment_baseline, version: int = 1) -> dict:
    items = heldout.load(task, version)
    words = [item.english if task == "translation" else item.words for item in items]
    covered = [not nlp.unknown_words(" ".join(w), task) for w in words]
    start = cpu_seconds()
    answers = model_answers(task, items)
    seconds = cpu_seconds() - start
    result = {"model": score(items, [correct(task, i, a) for i, a in zip(items, answers)], covered),
              "model_cpu_seconds": round(seconds, 1), "baselines": {}}
    if task == "translation":
        baseline = word_by_word(lexicon)
        built_covered = [not lexicon.unknown_words(list(w), task) for w in words]
        result["baselines"]["word_by_word"] = score(items, [baseline(w) in i.accepted for i, w in zip(items, words)],
                                                    built_covered)
    else:
        majority = Counter(i.label for i in items).most_common(1)[0][0]
        everything = [True] * len(items)
        result["baselines"][f"majority ({majority})"] = score(items, [i.label == majority for i in items], everything)
    if task == "sentiment":
        vader_right = [sentiment_baseline(w) == i.label for i, w in zip(items, words)]
        result["baselines"]["vader"] = score(items, vader_right, [True] * len(items))
        inside = [ok for ok, c in zip(vader_right, covered) if c]  # the items the model knows every word of
        result["baselines"]["vader"]["accuracy_on_model_covered"] = round(sum(inside) / len(inside), 4)
        result["confusion"] = dict(Counter(f"{i.label}->{a}" for i, a in zip(items, answers)))
        result["misses"] = [f"{' '.join(i.words)} | {i.label} -> {a}" for i, a in zip(items, answers) if a != i.label]
    if task == "translation":
        result["no_word"] = [" ".join(i.english) for i, a in zip(items, answers) if a == NO_WORD]
        result["misses_sample"] = [{"english": " ".join(i.english), "model": " ".join(a), "reference": " ".join(i.french)}
                                   for i, a, ok in zip(items, answers, covered) if ok and a not in i.accepted][:15]
    return result


def sentiment_model(version: int) -> dict:
    """The compiled sentiment model's size and speed, and compiled == interpreter on every sentence we have:
    the held-out items of the sets up to `version` (a later set is not run: it is unseen until it is scored),
    the generated corpus (both splits), the hand-written dev, probe and round-13 sentences and the older
    two-class corpus."""
    import torch

    from weightsmith.model import load
    from weightsmith.tasks import nlp as corpora
    from weightsmith.tasks.nlp import everyday_sentiment

    start = cpu_seconds()
    folder = models.build("sentiment", force=True)
    build_seconds = cpu_seconds() - start
    model = load(folder)
    sentences = [list(i.words) for v in heldout.VERSIONS if v <= version for i in heldout.load("sentiment", v)]
    sentences += [list(e.words) for split in everyday_sentiment.SPLITS for e in everyday_sentiment.load(split)]
    sentences += [list(e.words) for name in ("handwritten", "probe", "round13")
                  for e in everyday_sentiment.load_handwritten(name)]
    sentences += [list(e.words) for split in corpora.SPLITS for e in corpora.load("sentiment", split)]
    sentences = [s if s[-1] in nlp.SENTENCE_END else s + ["."] for s in sentences]
    start = cpu_seconds()
    compiled = models.run("sentiment", sentences)
    per_sentence = (cpu_seconds() - start) / len(sentences)
    interpreted = models.run("sentiment", sentences, "interpreter")
    mismatches = [" ".join(s) for s, a, b in zip(sentences, compiled, interpreted) if a != b]
    start = cpu_seconds()
    for s in sentences[:50]:
        models.run("sentiment", [s])
    one = (cpu_seconds() - start) / 50
    return {
        "d_model": model.config.d_model, "layers": len(model.config.layers), "d_mlp": max(layer.d_mlp for layer in model.config.layers),
        "parameters": sum(p.numel() for p in model.parameters()),
        "non_zero": sum(int(torch.count_nonzero(p)) for p in model.parameters()),
        "disk_bytes": sum(f.stat().st_size for f in Path(folder).iterdir()),
        "vocabulary": len(models.task("sentiment").known_words),
        "compile_and_save_cpu_seconds": round(build_seconds, 2),
        "cpu_seconds_per_sentence_batched": round(per_sentence, 5),
        "cpu_seconds_per_sentence_alone": round(one, 4),
        "sentences_checked": len(sentences), "compiled_vs_interpreter_mismatches": mismatches,
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--version", type=int, choices=sorted(heldout.VERSIONS), default=1,
                        help="which held-out set to score (docs/nlp-data.md); default 1")
    version = parser.parse_args().version
    out = results_for(RESULTS, version)
    lexicon = dictionary.load()
    sentiment_baseline = vader()
    results = {"sentiment_model": sentiment_model(version), "sizes": {}, "tasks": {}}
    print("sentiment model:", {k: v for k, v in results["sentiment_model"].items() if k != "compiled_vs_interpreter_mismatches"},
          "mismatches:", len(results["sentiment_model"]["compiled_vs_interpreter_mismatches"]))
    for task in heldout.TASKS:
        results["tasks"][task] = run_task(task, lexicon, sentiment_baseline, version)
        results["sizes"][task] = {"known_words": len(models.serving(task).known_words)}
    print(f"{'task':15} {'system':26} {'items':>5} {'coverage':>8} {'acc(covered)':>12} {'acc(all)':>8}")
    for task, result in results["tasks"].items():
        rows = [("model", result["model"]), *result["baselines"].items()]
        for name, row in rows:
            covered = "-" if row["accuracy_covered"] is None else f"{row['accuracy_covered']:.3f}"
            print(f"{task:15} {name:26} {row['items']:5} {row['coverage']:8.3f} {covered:>12} {row['accuracy_all']:8.3f}")
    results["heldout_version"] = version
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
