"""What reading words as ids saves: the sentiment program compiled over growing vocabularies, words one-hot
(the compiler's categorical tokens) against word ids ordered by class (`library.nlp.sentiment_words`).

    WEIGHTSMITH_THREADS=1 nice -n 10 .venv/bin/python benchmarks/nlp_sentiment_size.py   # results/nlp_sentiment_size.json

Both compile the same program (`polarity.program`), exact; only the first step differs: a lookup MLP from
one-hot words (one hidden unit per word, a residual dimension per word) or a staircase over ids (two
hidden units per change of class). The vocabularies are the first N words of the sentiment vocabulary in
a fixed shuffle, with their classes; the full vocabulary is compiled with ids only (one-hot would not fit).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
from pathlib import Path

import torch

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.library.nlp import polarity
from weightsmith.library.nlp.notation import feature

RESULTS = Path(__file__).parent / "results" / "nlp_sentiment_size.json"
SIZES = (1000, 2000, 4000)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(program: rasp.SOp, vocab: set) -> dict:
    start = cpu_seconds()
    model = compile_rasp_to_model(program, vocab=vocab, max_seq_len=polarity.MAX_SEQ_LEN, compiler_bos="BOS").model
    seconds = cpu_seconds() - start
    return {"d_model": model.config.d_model, "d_mlp_max": max(layer.d_mlp for layer in model.config.layers),
            "parameters": sum(p.numel() for p in model.parameters()),
            "non_zero": sum(int(torch.count_nonzero(p)) for p in model.parameters()),
            "compile_cpu_seconds": round(seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    table = polarity.words()
    order = list(range(len(table.words)))
    random.Random(0).shuffle(order)
    rows = []
    for n in (*SIZES, len(order)):
        chosen = sorted(order[:n])  # ids in class order: the staircase keeps one run per class
        classes, graded = [table.classes[i] for i in chosen], [table.graded[i] for i in chosen]
        ids = feature("word_class", lambda i: classes[i], rasp.numerical(rasp.tokens))
        ids_graded = feature("graded", lambda i: graded[i], rasp.numerical(rasp.tokens))
        row = {"words": n, "ids": measure(polarity.program(ids, ids_graded), set(range(n)))}
        if n in SIZES:
            by_word = {table.words[i]: (table.classes[i], table.graded[i]) for i in chosen}
            one_hot = feature("word_class", lambda w: by_word[w][0], rasp.tokens)
            one_hot_graded = feature("graded", lambda w: by_word[w][1], rasp.tokens)
            row["one_hot"] = measure(polarity.program(one_hot, one_hot_graded), set(by_word))
        rows.append(row)
        print(row, flush=True)
    RESULTS.write_text(json.dumps(rows, indent=1) + "\n")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
