"""Issue 21 §2 case 1: translation with a learned lexicon (`python benchmarks/sketch.py translation`).

Data: one pool of distinct pairs from the seeded generator (`weightsmith.tasks.nlp.translation.generate`).
The training sets are nested prefixes of it (100 ⊂ 300 ⊂ 1,000 ⊂ 3,000 pairs); the held-out sentences
come from the rest of the pool and use only English words of the *smallest* training set, so every
held-out sentence is a new combination of words every arm has seen (one test set for the whole curve;
the French forms it needs may still be new: a feminine plural of an adjective seen only masculine).
A separate validation set of the same kind selects the GPT-2's checkpoint.

Arms, each trained on the same pairs:
- (s) the sketch (`library.nlp.translation_sketch`): the translator's grammar, the word tables as holes,
  fitted by `learn.sketch.fit` on the teacher-forced pairs; scored by the *compiled* (causal) model,
  which is first checked equal to the interpreter's causal version on every held-out sentence;
- (a) GPT-2 (`extract.train.gpt2`, a local config, nothing downloaded): `english SEP french EOS` language
  modelling with the loss on the French side, AdamW, greedy decoding, the checkpoint best on validation;
- (b) a Transformer Program from scratch (`weightsmith.learn.train`), causal, on the same teacher-forced
  positions; attempted at the smallest size within a CPU budget (its variables have one value per token).

Sentence exact match: the whole French sentence right (greedy decoding; for the sketch, every teacher-forced
next word right, which is the same thing for a causal program: greedy decoding then writes the reference).
CPU seconds are this process's, one torch thread, under `nice`, on a machine shared with other jobs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Optional

import numpy as np
import torch

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.learn.sketch import accuracy, fit
from weightsmith.library.nlp import translation
from weightsmith.library.nlp.causal import causal_version
from weightsmith.library.nlp.translation_sketch import attested_entries, examples, make_translation_sketch
from weightsmith.tasks.nlp.translation import TranslationPair, generate

SEP, EOS = translation.SEP, translation.EOS
MAX_LEN = translation.MAX_SEQ_LEN  # English + SEP + French


@dataclass(frozen=True)
class Data:
    train: list[TranslationPair]  # the largest training set; smaller ones are its prefixes
    test: list[TranslationPair]
    val: list[TranslationPair]
    pool_seed: int


def make_data(sizes: list[int], n_test: int, n_val: int, pool_seed: int = 2024, pool: int = 20000) -> Data:
    pairs = generate(pool, seed=pool_seed)  # distinct English sentences: held-out ones are never trained on
    train, rest = pairs[: max(sizes)], pairs[max(sizes):]
    words = {w for p in train[: min(sizes)] for w in p.english}
    eligible = [p for p in rest if set(p.english) <= words]
    if len(eligible) < n_test + n_val:
        raise ValueError(f"only {len(eligible)} held-out sentences use the words of the first {min(sizes)} pairs")
    return Data(train, eligible[:n_test], eligible[n_test:n_test + n_val], pool_seed)


def french_words(pairs) -> set[str]:
    return {w for p in pairs for w in p.french}


# ------------------------------------------------------------------------------------------ the sketch


def run_sketch(data: Data, n: int, seed: int, epochs: int, lr: float, search_seconds: float) -> dict:
    train = data.train[:n]
    words = sorted({w for p in train for w in p.english})
    entries = attested_entries(french_words(train))
    sketch = make_translation_sketch(entries, words)
    vocab = sorted(set(words) | french_words(train + data.test) | {SEP})
    start = time.process_time()
    result = fit(sketch, examples(train), vocab, MAX_LEN, epochs=epochs, lr=lr, seed=seed,
                 search_seconds=search_seconds)
    fit_cpu = time.process_time() - start
    test = examples(data.test)
    token_acc, _ = accuracy(result.program, test)
    start = time.process_time()
    model = compile_rasp_to_model(result.program, vocab=set(vocab), max_seq_len=MAX_LEN, causal=True,
                                  compiler_bos="BOS")
    compile_cpu = time.process_time() - start
    inputs = [x for x, _ in test]
    compiled = model.run_batch(inputs)
    exact = compiled == rasp.evaluate_batch(causal_version(result.program), inputs)
    right = [out[len(p.english):] == [*p.french, EOS] for out, p in zip(compiled, data.test)]
    return {"arm": "sketch", "train_pairs": n, "seed": seed, "exact_match": round(100 * float(np.mean(right)), 2),
            "token_accuracy": round(100 * token_acc, 2), "train_exact_match": round(100 * result.train_sequence_accuracy, 2),
            "cpu_seconds": round(fit_cpu, 1), "epochs_run": result.epochs, "search_edits": result.search_edits,
            "entries": len(entries), "english_words": len(words), "compile_cpu_seconds": round(compile_cpu, 1),
            "compiled_parameters": sum(p.numel() for p in model.model.parameters()), "compiled_equals_program": exact,
            "wrong_genders": _wrong_genders(result.fillings, train)}


def _wrong_genders(fillings: dict, train) -> list[str]:
    """The training nouns whose learned gender is not the lexicon's (where no training sentence shows it)."""
    truth = translation.french_dictionary().gender_of
    nouns = {translation.lemma(w) for p in train for w in p.english} & set(truth)
    return sorted(n for n in nouns if fillings["gender"][(n,)] != truth[n])


# ---------------------------------------------------------------------------------------------- GPT-2


class LMVocab:
    """Token ids for `english SEP french EOS` language modelling (PAD 0)."""

    def __init__(self, pairs):
        words = sorted({w for p in pairs for w in (*p.english, *p.french)})
        self.tokens = ["PAD", SEP, EOS, *words]
        self.ids = {t: i for i, t in enumerate(self.tokens)}

    def encode(self, pair) -> tuple[list[int], int]:
        """The ids of `english SEP french EOS`, and the index of SEP (the first position with a target)."""
        return [self.ids[t] for t in (*pair.english, SEP, *pair.french, EOS)], len(pair.english)


def _lm_batch(vocab: LMVocab, pairs) -> tuple[torch.Tensor, torch.Tensor]:
    """(ids [B, T], targets [B, T]: the next token from SEP on, -100 elsewhere)."""
    encoded = [vocab.encode(p) for p in pairs]
    width = max(len(ids) for ids, _ in encoded)
    ids = torch.zeros(len(pairs), width, dtype=torch.long)
    targets = torch.full((len(pairs), width), -100, dtype=torch.long)
    for b, (row, sep) in enumerate(encoded):
        ids[b, : len(row)] = torch.tensor(row)
        targets[b, sep: len(row) - 1] = torch.tensor(row[sep + 1:])
    return ids, targets


@torch.no_grad()
def greedy(model, vocab: LMVocab, pairs, batch_size: int = 250) -> list[list[str]]:
    """Greedy decoding from `english SEP` until EOS (or the model's length), every sentence of a batch at once."""
    model.eval()
    out = []
    for start in range(0, len(pairs), batch_size):
        part = pairs[start:start + batch_size]
        rows = [[vocab.ids[t] for t in (*p.english, SEP)] for p in part]
        written: list[list[str]] = [[] for _ in part]
        done = [False] * len(part)
        while not all(done):
            width = max(len(r) for r in rows)
            ids = torch.zeros(len(rows), width, dtype=torch.long)
            mask = torch.zeros(len(rows), width, dtype=torch.long)
            for b, r in enumerate(rows):  # left-aligned; read each row's logits at its own last position
                ids[b, : len(r)], mask[b, : len(r)] = torch.tensor(r), 1
            logits = model(input_ids=ids, attention_mask=mask).logits
            for b, r in enumerate(rows):
                if done[b]:
                    continue
                token = int(logits[b, len(r) - 1].argmax())
                if vocab.tokens[token] == EOS or len(r) + 1 >= MAX_LEN + 1:
                    done[b] = True
                    continue
                r.append(token)
                written[b].append(vocab.tokens[token])
        out += written
    return out


def run_gpt2(data: Data, n: int, seed: int, steps: int, cpu_budget: float, layers: int, heads: int, width: int,
             lr: float, batch_size: int, eval_every: int) -> dict:
    from weightsmith.extract.train import Arch, gpt2, optimiser

    train = data.train[:n]
    vocab = LMVocab(train + data.test + data.val)
    arch = Arch(layers, heads, width, lr)
    model = gpt2(len(vocab.tokens), MAX_LEN + 2, vocab.ids[SEP], vocab.ids[EOS], 0, arch, seed)
    step_on = optimiser(model, lr, steps)
    rng = np.random.default_rng(seed)
    start = time.process_time()
    best, curve, step = (-1.0, None, 0), [], 0
    while step < steps and time.process_time() - start < cpu_budget:
        model.train()
        ids, targets = _lm_batch(vocab, [train[i] for i in rng.choice(n, size=min(batch_size, n), replace=False)])
        logits = model(input_ids=ids, attention_mask=(ids > 0).long()).logits
        loss = torch.nn.functional.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=-100)
        step_on(loss)
        step += 1
        if step % eval_every == 0 or step == steps:
            val = _exact(greedy(model, vocab, data.val), data.val)
            curve.append({"step": step, "loss": round(loss.item(), 4), "val_exact_match": round(100 * val, 2),
                          "cpu_seconds": round(time.process_time() - start, 1)})
            if val > best[0]:
                best = (val, {k: v.clone() for k, v in model.state_dict().items()}, step)
    train_cpu = time.process_time() - start
    if best[1] is not None:
        model.load_state_dict(best[1])
    test = _exact(greedy(model, vocab, data.test), data.test)
    return {"arm": "gpt2", "train_pairs": n, "seed": seed, "exact_match": round(100 * test, 2),
            "val_exact_match": round(100 * max(best[0], 0), 2), "best_step": best[2], "steps": step,
            "cpu_seconds": round(train_cpu, 1), "arch": f"{layers} layers, {heads} heads, width {width}",
            "parameters": sum(p.numel() for p in model.parameters()), "lr": lr, "batch_size": batch_size,
            "curve": curve}


def _exact(written: list[list[str]], pairs) -> float:
    return float(np.mean([w == list(p.french) for w, p in zip(written, pairs)]))


# ---------------------------------------------------------------------------------- Transformer Program


def run_transformer_program(data: Data, n: int, seed: int, epochs: int, cpu_budget: float, layers: int,
                            cat_heads: int, count_heads: int, mlps: int) -> dict:
    """A causal Transformer Program on the teacher-forced positions: input BOS english SEP french, the
    class at each position from SEP on the next French word (or EOS)."""
    from weightsmith.learn.program import ProgramConfig
    from weightsmith.learn.train import Encoded, TrainSettings, train

    train_pairs = data.train[:n]
    english = sorted({w for p in train_pairs + data.test for w in p.english})
    french = sorted(french_words(train_pairs + data.test + data.val))
    vocab = ("BOS", *sorted(set(english) | set(french) | {SEP}))
    config = ProgramConfig(vocab=vocab, classes=(*french, EOS), max_len=MAX_LEN + 1, layers=layers,
                           cat_heads=cat_heads, count_heads=count_heads, mlps=mlps, causal=True)

    def encode(pairs) -> Encoded:
        inputs = [["BOS", *x] for x, _ in examples(pairs)]
        targets = [[None, *y] for _, y in examples(pairs)]
        return Encoded.of(config, inputs, targets)

    start = time.process_time()
    record: dict = {"arm": "transformer_program", "train_pairs": n, "seed": seed,
                    "config": f"{layers} layers, {cat_heads}+{count_heads} heads, {mlps} MLPs, causal, "
                              f"{config.n_values} values per variable", "cpu_budget": cpu_budget}
    try:
        encoded_train, encoded_val, encoded_test = encode(train_pairs), encode(data.val), encode(data.test)
        result = train(config, encoded_train, encoded_val,
                       TrainSettings(epochs=epochs, seed=seed, batch_size=32, cpu_budget=cpu_budget))
    except (RuntimeError, MemoryError) as err:  # e.g. a table too large to allocate
        record.update(error=str(err).splitlines()[0][:300], cpu_seconds=round(time.process_time() - start, 1))
        return record
    predicted = result.program.predict_ids(encoded_test.ids, encoded_test.lengths)
    labelled = encoded_test.targets >= 0
    sentences = [bool((predicted[b] == encoded_test.targets[b])[labelled[b]].all()) for b in range(len(data.test))]
    record.update(exact_match=round(100 * float(np.mean(sentences)), 2),
                  token_accuracy=round(100 * encoded_test.accuracy(result.program), 2),
                  val_token_accuracy=round(100 * result.val_accuracy, 2), epochs_run=result.epochs_run,
                  cpu_seconds=round(time.process_time() - start, 1))
    return record


def line(row: dict) -> str:
    extra = {"sketch": lambda r: f"compiled == program: {r['compiled_equals_program']}, {r['epochs_run']} epochs, "
                                 f"{r['entries']} entries, genders wrong {len(r['wrong_genders'])}",
             "gpt2": lambda r: f"{r['steps']} steps (best {r['best_step']}), val {r['val_exact_match']}",
             "transformer_program": lambda r: r.get("error") or f"token acc {r['token_accuracy']}"}[row["arm"]](row)
    return (f"{row['arm']:<20} {row['train_pairs']:>5} pairs  seed {row['seed']}  exact match "
            f"{row.get('exact_match', float('nan')):6.2f}%  {row['cpu_seconds']:7.1f} CPU s  | {extra}")


def summary(rows: list[dict]) -> list[dict]:
    """Per arm and size: mean exact match over seeds, its range, mean CPU seconds."""
    out = []
    for arm in ("sketch", "gpt2", "transformer_program"):
        for n in sorted({r["train_pairs"] for r in rows if r["arm"] == arm}):
            runs = [r for r in rows if r["arm"] == arm and r["train_pairs"] == n and "exact_match" in r]
            if runs:
                scores = [r["exact_match"] for r in runs]
                out.append({"arm": arm, "train_pairs": n, "seeds": len(runs), "exact_match_mean": round(float(np.mean(scores)), 2),
                            "exact_match_min": min(scores), "exact_match_max": max(scores),
                            "cpu_seconds_mean": round(float(np.mean([r["cpu_seconds"] for r in runs])), 1)})
    return out


def first_reaching(summary_rows: list[dict], arm: str, level: float) -> Optional[int]:
    sizes = [r["train_pairs"] for r in summary_rows if r["arm"] == arm and r["exact_match_mean"] >= level]
    return min(sizes) if sizes else None
