"""Speed at dictionary scale: where a forward pass's time goes, and what sparse MLPs and a key/value
cache buy (issue 20 §3: a 10-word sentence translated in at most 1 s on a 2-core machine).

Two models, each run four ways (dense or `use_sparse()` MLPs × full reruns or `generate`'s cache):
- **translator**: the NLP translation program (`weightsmith.library.nlp`), greedy decoding of a
  10-word sentence (the one `benchmarks/compact.py` times), every corpus item's greedy decoding compared
  with the interpreter's;
- **dictionary**: a synthetic causal program over 20,000 word tokens shaped like a dictionary-scale
  translator: lookups with a unit per word (20,000-unit MLPs), a copy of the previous word's entry,
  and a selector on a 1,500-valued class of the word, whose one-hot conversion widens the residual to
  about what a real one holds. Greedy decoding from 10-word prompts, checked against the interpreter
  (the same greedy loop run by `rasp.evaluate`).

CPU seconds are time.process_time with one torch thread (the 2-core machine is shared), best of 3.
Writes the "speed" entry of benchmarks/results/compact.json (merged by key).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import torch

from weightsmith import rasp
from weightsmith.compiler import compile_program
from weightsmith.model import summary
from weightsmith.model.generate import generate

RESULTS = Path(__file__).parent / "results" / "compact.json"
WORDS = 20_000
CLASSES = 1_500
MAX_SEQ_LEN = 32
MODES = [("dense_full", None, False), ("sparse_full", 0.05, False), ("dense_cached", None, True),
         ("sparse_cached", 0.05, True)]


def dictionary_program() -> tuple[rasp.SOp, list[str]]:
    """The synthetic dictionary-scale program and its vocabulary (see the module docstring)."""
    vocab = [f"w{i}" for i in range(WORDS)]
    number = lambda w: int(w[1:])  # noqa: E731
    entry = rasp.Map(lambda w: f"e{number(w) * 7919 % WORDS}", rasp.tokens).named("entry")
    group = rasp.Map(lambda w: number(w) % CLASSES, rasp.tokens).named("group")
    seen = rasp.SelectorWidth(rasp.Select(group, group, rasp.Comparison.EQ)).named("seen")
    again = rasp.Map(lambda n: n > 1, seen).named("again")
    prev = rasp.Aggregate(rasp.Select(rasp.indices, rasp.indices, lambda k, q: k == q - 1), entry,
                          default="e0").named("prev")
    word = rasp.Map(lambda e: f"w{number(e) * 31 % WORDS}", prev).named("word")
    out = rasp.SequenceMap(lambda w, a: "w0" if a else w, word, again).named("next")
    return out, vocab


def interpreted_greedy(program: rasp.SOp, prompts: list[list], stop: set, limit: int) -> list[list]:
    """Greedy decoding of every prompt by the interpreter (one batch a step): the reference the models
    must equal."""
    tokens, done = [list(p) for p in prompts], [False] * len(prompts)
    made: list[list] = [[] for _ in prompts]
    while True:
        running = [i for i, d in enumerate(done) if not d]
        if not running:
            return made
        outputs = rasp.evaluate_batch(program, [tokens[i] for i in running])
        for i, out in zip(running, outputs):
            word = out[-1]
            if word is None or word in stop or len(tokens[i]) >= limit:
                done[i] = True
            else:
                made[i].append(word)
                tokens[i].append(word)


def _best_cpu(run, repeats: int = 3) -> tuple[float, object]:
    run()  # warm-up: sparse copies made, caches filled
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.process_time()
        got = run()
        seconds = time.process_time() - start
        if seconds < best:
            best, result = seconds, got
    return round(best, 4), result


def _profile(model, ids) -> dict:
    """CPU seconds of one full forward pass, split into attention and MLP sublayers (dense and sparse)."""
    out = {}
    for name, below in (("dense", None), ("sparse", 0.05)):
        model.use_sparse(below)

        def one_pass():
            att = mlp = 0.0
            with torch.inference_mode():
                T = ids.shape[1]
                x = model.token_embed[ids] + model.pos_embed[:T]
                masked = torch.ones(T, T, dtype=torch.bool).triu(diagonal=1)[None]
                for layer in model.layers:
                    a = time.process_time()
                    x = layer.attention_sublayer(x, masked)
                    b = time.process_time()
                    x = layer.mlp_sublayer(x)
                    att, mlp = att + b - a, mlp + time.process_time() - b
            return att, mlp

        seconds, (att, mlp) = _best_cpu(one_pass)
        out[name] = {"pass_cpu_s": seconds, "attention_cpu_s": round(att, 4), "mlp_cpu_s": round(mlp, 4),
                     "multiply_adds_per_position": model.weights_used()}
    return out


def _modes(model, prompt: list, stop: set) -> dict:
    out, made = {}, {}
    for key, below, cache in MODES:
        model.use_sparse(below)
        seconds, generated = _best_cpu(lambda: generate(model, prompt, stop=stop, cache=cache))
        out[key] = {"generate_cpu_s": seconds, "tokens": len(generated.tokens) + (generated.end == "stop")}
        made[key] = generated.tokens
    out["all_modes_agree"] = len({tuple(m) for m in made.values()}) == 1
    return out, made["sparse_cached"]


def translator() -> dict:
    from weightsmith.library.nlp import models
    from weightsmith.library.nlp.translation import EOS, SEP
    from weightsmith.tasks.nlp import SPLITS, load as load_corpus

    t = models.task("translation")
    start = time.process_time()
    compiled = compile_program(t.program(), t.model_vocabulary(), t.max_seq_len, causal=t.causal, bos=models.BOS)
    row = {"compile_cpu_s": round(time.process_time() - start, 1), **_sizes(compiled.model)}
    model = compiled.model
    known = t.known_words
    sentence = [w if w in known else "UNK" for w in
                "the little girl does not eat the red apple in the garden".split()[:10]] + [SEP]
    row["profile_11_positions"] = _profile(model, model.encode([[models.BOS, *sentence]]))
    row["sentence"], made = _modes(model, sentence, {EOS})
    row["sentence"]["french"] = " ".join(made)
    # every corpus item: cached sparse greedy decoding == the interpreter's greedy decoding
    model.use_sparse()
    items = [item for split in SPLITS for item in load_corpus("translation", split)]
    prompts = [[*(w if w in known else "UNK" for w in item.english), SEP] for item in items]
    start = time.process_time()
    got = [generate(model, p, stop={EOS}).tokens for p in prompts]
    seconds = time.process_time() - start
    want = interpreted_greedy(t.program(), prompts, {EOS}, t.max_seq_len)
    wrong = sum(a != b for a, b in zip(got, want))
    row["corpus"] = {"items": len(items), "greedy_mismatches_vs_interpreter": wrong,
                     "generate_sparse_cached_cpu_s": round(seconds, 1)}
    print(f"translator d_model {row['d_model']}: sentence " + ", ".join(
        f"{k} {row['sentence'][k]['generate_cpu_s']}" for k, _, _ in MODES) + f" CPU s; corpus mismatches {wrong}")
    return row


def dictionary() -> dict:
    program, vocab = dictionary_program()
    start = time.process_time()
    compiled = compile_program(program, vocab, MAX_SEQ_LEN, causal=True)
    row = {"words": WORDS, "classes": CLASSES, "compile_cpu_s": round(time.process_time() - start, 1),
           **_sizes(compiled.model), "output_compact": compiled.config.output_codes is not None}
    model = compiled.model
    rng = random.Random(0)
    prompts = [[rng.choice(vocab) for _ in range(10)] for _ in range(5)]
    row["profile_10_positions"] = _profile(model, model.encode([["BOS", *prompts[0]]]))
    row["prompt"], _ = _modes(model, prompts[0], {"w0"})
    model.use_sparse()
    want = interpreted_greedy(program, prompts, {"w0"}, MAX_SEQ_LEN)
    wrong = sum(generate(model, p, stop={"w0"}).tokens != w for p, w in zip(prompts, want))
    row["greedy_mismatches_vs_interpreter"] = f"{wrong} of {len(prompts)} prompts"
    print(f"dictionary d_model {row['d_model']}, d_mlp {row['d_mlp_total']}: prompt " + ", ".join(
        f"{k} {row['prompt'][k]['generate_cpu_s']}" for k, _, _ in MODES) + f" CPU s; mismatches {wrong}")
    return row


def _sizes(model) -> dict:
    s = summary(model)
    return {k: s[k] for k in ("d_model", "layers", "d_mlp_total", "parameters", "parameters_nonzero")}


def main() -> None:
    """`--only translator` or `--only dictionary` reruns one part."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("translator", "dictionary"), help="rerun one part, keep the other's results")
    only = parser.parse_args().only
    torch.set_num_threads(1)
    speed = json.loads(RESULTS.read_text()).get("speed", {}) if RESULTS.exists() else {}
    speed["protocol"] = ("time.process_time, one torch thread, best of 3 after a warm-up; generate = greedy "
                         "decoding to the stop token; full = the whole input rerun each step, cached = keys/values "
                         "kept (weightsmith.model.generate); sparse = Transformer.use_sparse() (CSR below 5% non-zero)")
    for name, part in (("translator", translator), ("dictionary", dictionary)):
        if only in (None, name):
            speed[name] = part()
            _write({"speed": speed})
    print(f"wrote {RESULTS}")


def _write(results: dict) -> None:
    if RESULTS.exists():
        results = {**json.loads(RESULTS.read_text()), **results}
    RESULTS.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
