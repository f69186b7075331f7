"""Compact encodings (`weightsmith.compiler.compact`): model size one-hot vs compact, still exact.

For every library program (its default small vocabulary, then some over 100 tokens), compiled one-hot (`compact_above=None`) and with every categorical s-op
that some lookup or copy reads held as a ±1 code (`compact_above=0`): d_model, layers, hidden units,
parameters, compile CPU seconds, and `verify` (every input, or 10,000 random ones) for both. For the
NLP models, one-hot against the default threshold (more than 32 values): the same sizes, the size
on disk, CPU seconds per 10-word sentence on one thread, and exactness on every corpus sentence
(teacher-forced, as benchmarks/nlp.py runs them): each model against the interpreter where the
corpus scores it, and the two models against each other at every position.

    python benchmarks/compact.py [--only library|nlp]
Writes benchmarks/results/compact.json. CPU times are process times (time.process_time), one thread.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import torch

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.library.nlp import models
from weightsmith.library.nlp.translation import SEP
from weightsmith.library.registry import PROGRAMS
from weightsmith.model import save, summary
from weightsmith.tasks.nlp import SPLITS, load as load_corpus
from weightsmith.verify import verify

RESULTS = Path(__file__).parent / "results" / "compact.json"
BATCH = 32
SENTENCE = "the little girl does not eat the red apple in the garden".split()[:10]


def _sizes(compiled) -> dict:
    s = summary(compiled.model)
    return {"d_model": s["d_model"], "layers": s["layers"], "d_mlp_total": s["d_mlp_total"],
            "parameters": s["parameters"], "parameters_nonzero": s["parameters_nonzero"]}


def _compile(program, vocab, max_seq_len, above, **options):
    start = time.process_time()
    compiled = compile_program(program, vocab, max_seq_len, compact_above=above, **options)
    return compiled, round(time.process_time() - start, 2)


LARGE = ("reverse", "hist", "sort_unique", "sort", "most_freq", "shift_by", "double_hist")  # nary_sequencemap:
# its 3-ary tuples over 100 tokens did not compile within minutes either way (value set 100^3)
LARGE_VOCAB, LARGE_LEN = list(range(100)), 6


def _library_row(name: str, vocab: list, max_seq_len: int, compact_above: int) -> dict:
    """One program compiled one-hot and with `compact_above`, each verified."""
    p = PROGRAMS[name]
    row = {"program": name, "vocab": len(vocab), "max_seq_len": max_seq_len}
    for key, above in (("one_hot", None), ("compact", compact_above)):
        compiled, seconds = _compile(p.build(), vocab, max_seq_len, above)
        report = verify(compiled, p.build())
        coded = sum(label.count(":bit") for label in compiled.model.config.residual_labels)
        row[key] = {**_sizes(compiled), "compile_cpu_s": seconds, "code_dims": coded,
                    "exact": report.ok, "inputs_checked": report.n_checked, "exhaustive": report.exhaustive}
    print(f"{name:18s} ({len(vocab)} tokens) d_model {row['one_hot']['d_model']:5d} -> {row['compact']['d_model']:5d}  "
          f"params {row['one_hot']['parameters']:9,d} -> {row['compact']['parameters']:9,d}  "
          f"exact {row['one_hot']['exact']}/{row['compact']['exact']}")
    return row


def library() -> list[dict]:
    """Every program on its default vocabulary, every code-read categorical s-op compact (threshold 0)."""
    return [_library_row(name, list(p.vocab), p.max_seq_len, 0) for name, p in PROGRAMS.items()]


def library_large() -> list[dict]:
    """Some programs over 100 tokens (length 6): one-hot against the default threshold (32)."""
    return [_library_row(name, LARGE_VOCAB, LARGE_LEN, 32) for name in LARGE]


def _corpus_inputs(name: str) -> tuple[list[list[str]], list[int]]:
    """Every corpus item as the model reads it, and from which position the corpus scores it."""
    t = models.task(name)
    known = t.known_words
    inputs, starts = [], []
    for split in SPLITS:
        for item in load_corpus(name, split):
            if name == "translation":
                inputs.append(t.encode([w if w in known else "UNK" for w in item.english] + [SEP] + list(item.french)))
                starts.append(len(item.english))
            else:  # sentiment's program reads word ids (`Task.encode`)
                inputs.append(t.encode([w if w in known else "UNK" for w in item.words]))
                starts.append(len(item.words) - 1)
    return inputs, starts


def _disk_mb(compiled) -> float:
    with tempfile.TemporaryDirectory() as folder:
        save(compiled.model, folder)
        return round(sum(f.stat().st_size for f in Path(folder).iterdir()) / 1e6, 1)


def _sentence_cpu_s(compiled, name: str) -> float:
    """CPU seconds of one forward pass over a 10-word sentence (translation: the English and the SEP)."""
    t = models.task(name)
    words = t.encode([w if w in t.known_words else "UNK" for w in SENTENCE] + ([SEP] if name == "translation" else []))
    compiled.model.run_batch([["BOS", *words]])  # warm-up
    start = time.process_time()
    for _ in range(5):
        compiled.model.run_batch([["BOS", *words]])
    return round((time.process_time() - start) / 5, 3)


def nlp(tasks=models.TASKS) -> dict:
    """The language models one-hot and compact; `tasks` a subset: the others' results are kept."""
    out = json.loads(RESULTS.read_text()).get("nlp", {}) if RESULTS.exists() else {}
    for name in tasks:
        t = models.task(name)
        inputs, starts = _corpus_inputs(name)
        interpreted = rasp.evaluate_batch(t.program(), inputs)
        result, outputs = {"corpus_items": len(inputs)}, {}
        # "compact": the default threshold, the output's code read by the unembedding where it has more than
        # 32 values; "compact_one_hot_output": the same with the output kept one-hot (before output codes)
        for key, above, program in (("one_hot", None, t.program()), ("compact", 32, t.program()),
                                    ("compact_one_hot_output", 32, rasp.one_hot(t.program()))):
            compiled, seconds = _compile(program, t.model_vocabulary(), t.max_seq_len, above, causal=t.causal,
                                         bos=models.BOS)
            start = time.process_time()
            got = [o[1:] for i in range(0, len(inputs), BATCH)  # small batches: the one-hot model is wide
                   for o in compiled.model.run_batch([[models.BOS, *x] for x in inputs[i:i + BATCH]])]
            run_seconds = time.process_time() - start
            outputs[key] = got
            wrong = sum(a[s:] != b[s:] for a, b, s in zip(interpreted, got, starts))
            result[key] = {**_sizes(compiled), "output_compact": compiled.config.output_codes is not None,
                           "compile_cpu_s": seconds, "disk_mb": _disk_mb(compiled),
                           "sentence_cpu_s": _sentence_cpu_s(compiled, name),
                           "corpus_cpu_s": round(run_seconds, 1), "mismatches_vs_interpreter": wrong}
            del compiled
        result["compact_vs_one_hot_position_mismatches"] = sum(
            a != b for x, y in zip(outputs["one_hot"], outputs["compact"]) for a, b in zip(x, y))
        out[name] = result
        _write({"nlp": out})  # task by task: a long run keeps what it measured
        a, b = result["one_hot"], result["compact"]
        print(f"{name:15s} d_model {a['d_model']} -> {result['compact_one_hot_output']['d_model']} (output one-hot) -> "
              f"{b['d_model']}  params {a['parameters']:,} -> "
              f"{b['parameters']:,}  disk {a['disk_mb']} -> {b['disk_mb']} MB  sentence {a['sentence_cpu_s']} -> "
              f"{b['sentence_cpu_s']} CPU s  mismatches {a['mismatches_vs_interpreter']}/"
              f"{b['mismatches_vs_interpreter']} (of {len(inputs)}), between models "
              f"{result['compact_vs_one_hot_position_mismatches']}")
    return out


def main() -> None:
    """`--only library` or `--only nlp` reruns one part, keeping the other's results in the JSON
    (`--only nlp --task sentiment`: one language model)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("library", "nlp"), help="rerun one part, keep the other's results")
    parser.add_argument("--task", choices=models.TASKS, help="with --only nlp: one language model")
    args = parser.parse_args()
    torch.set_num_threads(1)
    only = args.only
    results = {}  # a full run replaces the file's parts one by one
    results["protocol"] = ("CPU seconds are time.process_time with one torch thread; library: compact_above=0 "
                           "(every code-read categorical s-op compact) vs None (one-hot) on the default vocabularies, "
                           "and the default threshold (32) vs one-hot over 100 tokens; NLP: the default threshold vs "
                           "one-hot, and the default threshold with the output kept one-hot (rasp.one_hot); exactness "
                           "by verify (library) and on every corpus item (NLP)")
    if only in (None, "library"):
        results["library"] = library()
        results["library_100_tokens"] = library_large()
    if only in (None, "nlp"):  # `--task NAME` reruns one language model
        results["nlp"] = nlp([args.task] if args.task else models.TASKS)
    _write(results)
    print(f"wrote {RESULTS}")


def _write(results: dict) -> None:
    """Merged into the JSON as it is now (the other part may have been written meanwhile)."""
    if RESULTS.exists():
        results = {**json.loads(RESULTS.read_text()), **results}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
