"""The dictionary-scale translator (issue 20) on generated and held-out sentences, with the word-by-word
dictionary baseline in the same run.

    nice -n 10 .venv/bin/python benchmarks/nlp_translation.py   # writes results/nlp_translation.json
    ... benchmarks/nlp_translation.py --generated-only            # while developing: no held-out items
    ... benchmarks/nlp_translation.py --dev                       # generated + the hand-written dev pairs
    ... benchmarks/nlp_translation.py --equality-only   # compiled vs interpreter on every item, held-out
                                                        # included but not scored; updates those keys only
    ... benchmarks/nlp_translation.py --read-out        # the same for the compiled read-out alone
    ... benchmarks/nlp_translation.py --read-out --inputs F  # ... on the inputs --save-outputs wrote to F
    ... benchmarks/nlp_translation.py --speaking        # ... and for step 4 before the read-out alone
    ... benchmarks/nlp_translation.py --speaking --inputs F  # ... on the inputs --save-outputs wrote to F
    ... benchmarks/nlp_translation.py --clause          # ... and for steps 1-2 with the clause facts
    ... benchmarks/nlp_translation.py --subject         # ... and for steps 1-2 with the subject
    ... benchmarks/nlp_translation.py --save-outputs F  # the interpreter's outputs on every corpus sentence
    ... benchmarks/nlp_translation.py --same-outputs F  # this program on F's inputs: the same outputs?
    ... benchmarks/nlp_translation.py --structures N    # noun-phrase structures and parts on N random windows
    ... benchmarks/nlp_translation.py --verb-groups N   # verb-group structures and parts on N random windows
    ... benchmarks/nlp_translation.py --plans N         # the plans speakers hand step 4 on N random windows
    ... benchmarks/nlp_translation.py --census          # the whole program's census alone (value sets, no compile)

- Generated pairs (`tasks.nlp.everyday_translation`, dev and test, 1,200 each): exact match, by teacher
  forcing (one pass over `english SEP reference`: every next word is the reference's exactly when greedy
  decoding writes the reference), overall and per phenomenon.
- Held-out everyday pairs (`tasks.nlp.heldout`, 392, written before the program and never read to write
  it): coverage (no word unknown to the translator, `nlp.unknown_words`), exact match against the
  reference or a listed variant (greedy decoding with the RASP interpreter), on covered and on all items,
  per phenomenon; the word-by-word dictionary baseline (`nlp_heldout.word_by_word`) on the same items.
- Compiled == interpreter: the whole program does not compile yet (docs/nlp.md, "Not compiled yet").
  Steps 1-2 (`dictionary_translation.reading_program`: each word's reading in context, over every word
  id) do: they are compiled here (one torch thread; CPU seconds, peak memory, sizes, the folder on disk)
  and run on every sentence we have (generated pairs teacher-forced; hand-written dev sentences and both
  held-out sets with the interpreter's greedy translation), compared with the interpreter at every
  position; so are steps 1-2 with the clause facts that need no window
  (`dictionary_translation.clause_program`) and with the subject (`dictionary_translation.subject_program`). Held-out items are counted, never printed or scored in
  this mode. Step 4's read-out (`dictionary_translation.read_out_program`: FORM(word, code)) compiles alone too: it is run on every
  (word, code) pair the translator reads out on those sentences. Step 4 before the read-out
  (`dictionary_translation.speaking_program`: spans, carrier, slot → source position and code address) compiles
  alone over the plans the translator makes on those sentences, and is run on each sentence's plans.
- How many structures the grammar's noun phrases have (`translation_grammar.noun_phrase_parts`), on random
  windows shaped like noun phrases (docs/nlp.md, "Design: plans that name roles"): a sample, so a count
  from below, printed as it grows; likewise the verb groups' (`translation_grammar.verb_group_parts`) on
  random windows shaped like verb groups; beside both, the per-word (per-role) parts that speak them and the
  census of step 4 over the (plan, parts, look-ahead) triples seen; and the plans speakers hand step 4 (phrases as
  markers) on random windows of any kind, by the speaker's kind.
- Where the rest blows up: for every s-op of the whole program, the number of input combinations the
  compiler would enumerate (the product of its operands' value sets), capped: the s-ops past the cap.

CPU seconds are this process's (resource.getrusage), so other jobs on the machine do not count.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import torch

from nlp_heldout import cpu_seconds, french_tokens, score, word_by_word

from weightsmith import rasp
from weightsmith.compiler import compile_rasp_to_model
from weightsmith.compiler.values import MAX_COMBINATIONS
from weightsmith.library import nlp
from weightsmith.library.nlp import dictionary_translation as dt
from weightsmith.library.nlp import french_positions
from weightsmith.library.nlp import models
from weightsmith.library.nlp import translation_grammar as grammar
from weightsmith.model import save
from weightsmith.rasp import expr as rx
from weightsmith.tasks.nlp import corpus as corpora
from weightsmith.tasks.nlp import dictionary, everyday_translation, heldout

RESULTS = Path(__file__).parent / "results" / "nlp_translation.json"
# the held-out sets already scored once and read: compiled-vs-interpreter runs only these (a set not yet
# scored, such as set 7, is never run here)
SCORED_HELD_OUT = (1, 2, 3, 4, 5, 6)
ENUMERATION_CAP = 3_000_000  # input combinations of one s-op past which the census stops enumerating


def generated(split: str) -> dict:
    """Exact match on a generated split, by teacher forcing, overall and per phenomenon."""
    examples = everyday_translation.load(split)
    english = [nlp.model_tokens(list(e.english), "translation").model_input for e in examples]
    inputs = [dt.encode(words + ["SEP", *e.french]) for words, e in zip(english, examples)]
    start = cpu_seconds()
    outputs = rasp.evaluate_batch(dt.program(), inputs)
    seconds = cpu_seconds() - start
    # (a multi-word expression is one position: the French starts after the encoded English)
    sep = [len(dt.encode(words)) for words in english]
    right = [out[s:] == [*e.french, dt.EOS] for e, out, s in zip(examples, outputs, sep)]
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for e, ok in zip(examples, right):
        for tag in e.phenomena:
            by_tag[tag].append(ok)
    misses = []
    for e, out, ok, s in zip(examples, outputs, right, sep):
        if not ok:
            got = out[s:]
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


def model_inputs(sentences: list[tuple[list[str], list[str] | None]]) -> list[list[int]]:
    """english SEP french, as ids; where no French is given, the interpreter's greedy translation."""
    inputs = []
    for english, french in sentences:
        english = nlp.model_tokens(english, "translation").model_input
        french = nlp.translate_tokens(english, "interpreter") if french is None else french
        inputs.append(dt.encode(english + ["SEP", *french]))
    return inputs


def compiled_front(groups: dict[str, list[list[int]]], program: rasp.SOp, what: str) -> dict:
    """A program over the translator's word ids that only looks left (steps 1-2; steps 1-2 and the clause
    facts) compiled (one thread), and compared with the interpreter at every position of every input."""
    model, summary = _model_summary(program)
    checked = {name: _compare(program, model, inputs) for name, inputs in groups.items()}
    return {"program": what, **summary, "compiled_equals_interpreter": checked}


def _model_summary(program: rasp.SOp, vocab=None) -> tuple:
    """Compile `program` (one thread; over the translator's word ids unless `vocab` is given) and measure
    it: (sparse model, summary)."""
    torch.set_num_threads(1)
    start = cpu_seconds()
    compiled = compile_rasp_to_model(program, vocab=vocab or models.DICTIONARY_TRANSLATION.model_vocabulary(),
                                     max_seq_len=dt.MAX_SEQ_LEN, causal=True, compiler_bos=models.BOS)
    compile_seconds = cpu_seconds() - start
    model = compiled.model
    with tempfile.TemporaryDirectory() as folder:
        save(model, folder)
        disk = sum(f.stat().st_size for f in Path(folder).iterdir())
    return model.use_sparse(), {
        "layers": len(model.config.layers), "d_model": model.config.d_model,
        "largest_mlp": max(layer.d_mlp for layer in model.config.layers),
        "hidden_units": sum(layer.d_mlp for layer in model.config.layers),
        "parameters": sum(p.numel() for p in model.parameters()),
        "non_zero": sum(int(torch.count_nonzero(p)) for p in model.parameters()),
        "disk_mb": round(disk / 1e6, 1), "compile_cpu_seconds": round(compile_seconds, 1),
        "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def _compare(program: rasp.SOp, model, inputs: list[list[int]], starts: list[int] | None = None) -> dict:
    """Compiled against the interpreter at every position of every input (from `starts[i]` on, if given)."""
    want = rasp.evaluate_batch(program, inputs)
    start = cpu_seconds()
    # (run in batches of one length: mixed lengths decoded the shorter inputs as None at every position
    # with the compiled subject_program, whose output is held as a code; see docs/nlp.md)
    by_length: dict[int, list[int]] = defaultdict(list)
    for i, x in enumerate(inputs):
        by_length[len(x)].append(i)
    runs = {}
    for same in by_length.values():
        for k in range(0, len(same), 64):
            chunk = same[k:k + 64]
            runs |= dict(zip(chunk, model.run_batch([[models.BOS, *inputs[i]] for i in chunk])))
    got = [runs[i][1:] for i in range(len(inputs))]
    starts = starts or [0] * len(inputs)
    wrong = [(i, next(k for k in range(s, len(w)) if g[k] != w[k]))
             for i, (g, w, s) in enumerate(zip(got, want, starts)) if g[s:] != w[s:]]
    return {"sentences": len(inputs), "mismatches": len(wrong),
            "first_mismatches": wrong[:10],  # (item index, first position that differs): no content shown
            "cpu_seconds_per_sentence": round((cpu_seconds() - start) / len(inputs), 4)}


def read_out_pairs(groups: dict[str, list[list[int]]]) -> list[tuple[int, str]]:
    """Every (word id, code) pair the translator reads out on these inputs, for a code the read-out knows
    (step 4 hands it the code's address, `dt.CODE_PARTS`, not the code)."""
    sops = {e.label: e for e in rasp.topological_order(dt.program()) if isinstance(e, rx.SOp)}
    code_at = {a: c for c, a in dt.read_out_tables().address.items()}
    row = rasp.categorical(rasp.Map(lambda w: (int(w),), sops["source_word"]))
    for name in dt.CODE_PARTS:
        row = rasp.categorical(rasp.SequenceMap(lambda t, x: (*t, x), row, sops[f"said_{name}"]))
    return sorted({(r[0], code_at[r[1:]]) for inputs in groups.values() for out in _evaluated(row, inputs)
                   for r in out if r is not None and r[1:] in code_at})


def compiled_read_out(groups: dict[str, list[list[int]]]) -> dict:
    """Step 4's read-out compiled alone (`dt.read_out_program`), and run on every (word, code) pair the
    translator reads out on these inputs: each pair is fed as (the code's index, the word's id), since the
    program takes its code from the id before the word."""
    pairs = read_out_pairs(groups)
    codes = {c: i for i, c in enumerate(dt.read_out_codes())}
    flat = [t for word, code in pairs for t in (codes[code], word)]
    inputs = [flat[i:i + dt.MAX_SEQ_LEN] for i in range(0, len(flat), dt.MAX_SEQ_LEN)]
    read_out = dt.read_out_program()  # one program, compiled and then compared with its own interpretation
    model, summary = _model_summary(read_out)
    return {"program": "dictionary_translation.read_out_program (step 4: FORM(word, code))", **summary,
            "pairs": len(pairs), "compiled_equals_interpreter": _compare(read_out, model, inputs)}


def compiled_speaking(groups: dict[str, list[list[int]]]) -> dict:
    """Step 4 before the read-out compiled alone (`dt.speaking_program`) over the plans the translator
    makes on these inputs, with their phrases' parts (noun phrases, verb groups: `french_positions`), run
    on each input's plans (a (plan, parts, look-ahead) triple's index per position; French words are len(plans));
    compared with the interpreter from SEP on (before SEP a causal model cannot see the plans to its right,
    and the translator reads no position before SEP). Compiled once per output (`dt.SPEAKING_OUTPUTS`: the
    source word's position, each part of the code's address). The interpreter's slice is checked against
    the whole program's own step 4 first."""
    program = dt.program()
    sops = {e.label: e for e in rasp.topological_order(program) if isinstance(e, rx.SOp)}
    rows = rasp.categorical(rasp.SequenceMap(lambda p, f: (p, f), dt.step_4_inputs(program), sops["is_french"]))
    rows = {name: _evaluated(rows, inputs) for name, inputs in groups.items()}
    plans = sorted({p for out in rows.values() for row in out for p, _ in row}, key=repr)
    index = {p: i for i, p in enumerate(plans)}
    tokens = {name: [[len(plans) if french else index[p] for p, french in row] for row in out]
              for name, out in rows.items()}
    sep = dt.encode(["SEP"])[0]
    results = {}
    for output, spoken in dt.step_4_outputs(program).items():
        speaking = dt.speaking_program(plans, output)
        for name, inputs in groups.items():
            assert _evaluated(speaking, tokens[name]) == _evaluated(spoken, inputs), (output, name)
        model, summary = _model_summary(speaking, vocab=set(range(len(plans) + 1)))
        checked = {name: _compare(speaking, model, tokens[name], [x.index(sep) for x in groups[name]])
                   for name in groups}
        del model
        results[output] = {**summary, "compiled_equals_interpreter": checked}
    return {"program": "dictionary_translation.speaking_program (step 4 before the read-out), over the corpus's "
                       "plans, compiled once per output", "plans": len(plans), **results}


def _evaluated(program: rasp.SOp, inputs: list[list[int]], batch: int = 200) -> list:
    """The interpreter's outputs, `batch` inputs at a time: the whole translator's values on a group of
    1,200 sentences at once took the process to about 2 GB before step 4 was compiled (the compile's
    2.4 GB on top passed 5 GB)."""
    return [row for at in range(0, len(inputs), batch) for row in rasp.evaluate_batch(program, inputs[at:at + batch])]


def census(program: rasp.SOp, vocab, cap: int = ENUMERATION_CAP, every_size: bool = False) -> dict:
    """Per s-op, its value-set size where its operands' value sets multiply to at most `cap`; the s-ops
    past the cap (and by how much, where known), in program order; and the lookups within the cap whose
    operands have more value pairs than the compiler enumerates (`MAX_COMBINATIONS`); the largest lookups
    within it, by value pairs; with `every_size`, every enumerable s-op's value-set size."""
    sets: dict[int, set] = {}
    sizes, blown, over, pairs = {}, {}, {}, {}
    for e in rasp.topological_order(program):
        if not isinstance(e, rx.SOp):
            continue
        operands = [c for c in e.children if isinstance(c, rx.SOp)]
        if isinstance(e, rx.TokensType):
            values = set(vocab)
        elif isinstance(e, (rx.IndicesType, rx.SelectorWidth)):
            values = set(range(dt.MAX_SEQ_LEN + 1))
        elif any(id(c) not in sets for c in operands):
            blown[e.label] = "an operand is past the cap"
            continue
        elif isinstance(e, rx.Aggregate):
            values = sets[id(e.sop)] | ({e.default} if e.default is not None else set())
        elif isinstance(e, rx.Map):
            values = {v for v in map(e.f, sets[id(e.inner)]) if v is not None}
        elif isinstance(e, rx.SequenceMap):
            a, b = sets[id(e.fst)], sets[id(e.snd)]
            if len(a) * len(b) > cap:
                blown[e.label] = f"{len(a):,} x {len(b):,} = {float(len(a) * len(b)):.3g} combinations"
                continue
            if len(a) * len(b) > MAX_COMBINATIONS:
                over[e.label] = f"{len(a):,} x {len(b):,} = {len(a) * len(b):,} value pairs"
            pairs[e.label] = (len(a) * len(b), f"{len(a):,} x {len(b):,}")
            values = {v for x in a for y in b if (v := e.f(x, y)) is not None}
        else:
            blown[e.label] = type(e).__name__
            continue
        sets[id(e)] = values
        sizes[e.label] = len(values)
    return {"cap": cap, "enumerable": len(sizes), "past_the_cap": len(blown),
            "first_past_the_cap": {k: v for k, v in blown.items() if "operand" not in v},
            "within_the_cap_but_past_the_compilers_limit": over,
            "largest_enumerable": dict(sorted(sizes.items(), key=lambda kv: -kv[1])[:12]),
            "largest_lookups": {k: v[1] for k, v in sorted(pairs.items(), key=lambda kv: -kv[1][0])[:12]},
            **({"sizes": sizes} if every_size else {})}


def corpus_groups() -> dict[str, list[list[int]]]:
    """Every sentence we have, as model inputs: the generated pairs teacher-forced, the hand-written dev
    sentences and the spent held-out sets with the interpreter's greedy translation."""
    groups = {f"generated {split}": model_inputs([(list(e.english), list(e.french))
                                                   for e in everyday_translation.load(split)])
              for split in everyday_translation.SPLITS}
    groups["hand-written dev (first)"] = model_inputs([(list(p.english), None)
                                                        for p in corpora.handwritten("translation")])
    groups["hand-written dev (everyday)"] = model_inputs([(list(i.english), None)
                                                          for i in everyday_translation.load_handwritten()])
    for version in SCORED_HELD_OUT:
        groups[f"held-out set {version}"] = model_inputs([(list(i.english), None)
                                                          for i in heldout.load("translation", version=version)])
    return groups


def save_outputs(path: Path) -> None:
    """The interpreter's outputs at every position of every corpus sentence, with the inputs they were read
    from, written to `path`: what a refactoring of the program must reproduce (`same_outputs`)."""
    groups = corpus_groups()
    outputs = {name: [{"input": x, "output": y} for x, y in zip(inputs, rasp.evaluate_batch(dt.program(), inputs))]
               for name, inputs in groups.items()}
    path.write_text(json.dumps(outputs) + "\n", encoding="utf-8")
    print(f"{sum(map(len, groups.values())):,} sentences' outputs written to {path}")


def same_outputs(path: Path) -> dict[str, int]:
    """This program's interpreter on the inputs saved by `save_outputs` (another program's, e.g. main's;
    the greedy translations are that program's): the sentences whose outputs differ at any position, by
    group. All zero means the greedy translations are the same too."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    differ = {}
    for name, rows in saved.items():
        got = rasp.evaluate_batch(dt.program(), [r["input"] for r in rows])
        differ[name] = sum(g != r["output"] for g, r in zip(got, rows))
        print(f"  {name}: {differ[name]} of {len(rows)} sentences differ")
    return differ


def _noun_phrase_window(rng: random.Random, by_kind: dict[str, tuple]) -> tuple:
    """A random window ending in a noun: adjectives (or très), maybe a modifier noun, a determiner, a
    number, both, "all", or a possessor's phrase, maybe a preposition, then any words; cut at a None."""
    pick = lambda kind: rng.choice(by_kind[kind])  # noqa: E731

    def left(possessor_allowed: bool) -> list:
        out = [pick("A") if rng.random() < 0.8 else ("ADV", "très", False)
               for _ in range(rng.choice((0, 0, 1, 1, 2, 3)))]
        if rng.random() < 0.1:
            out.insert(0, pick("N"))
        r = rng.random()
        out += [pick("DET")] if r < 0.45 else [pick("NUM")] if r < 0.6 else [pick("NUM"), pick("DET")] if r < 0.7 \
            else [pick("DET"), ("DET", "all")] if r < 0.75 else \
            [("POSS_S",), pick("N"), *left(False)] if r < 0.85 and possessor_allowed else []
        return out + ([pick("PREP")] if rng.random() < 0.5 else [])

    context = [None if rng.random() < 0.1 else pick(rng.choice(
        list(by_kind) if rng.random() < 0.5 else ["V", "BE", "THERE", "PUNCT", "CONJ", "N", "ADV", "FRONT", "NUM"]))
        for _ in range(grammar.WINDOW)]
    window = ([pick("N"), *left(True), *context])[:grammar.WINDOW]
    return tuple(window[:window.index(None)] + [None] * (grammar.WINDOW - window.index(None)) if None in window
                 else window)


def _layout(structure: tuple) -> tuple:
    """A structure with its determiner group's words left out (which determiner, which preposition, which
    number): where the words stand and what they do, nothing of what they are."""
    out = []
    for back, role in structure:
        if isinstance(role, grammar.DeterminerGroup):
            role = (role.det.split(":")[0] if role.det.startswith(("num:", "bare:")) else "det", bool(role.prep),
                    bool(role.count), role.whole, role.no, role.pre, role.counted, role.noun_number)
        out.append((back, _layout(role) if isinstance(role, tuple) and not isinstance(role[0], str) else role))
    return tuple(out)


def noun_phrase_structures(windows: int, seed: int = 1) -> dict:
    """Distinct noun-phrase structures, their layouts (`_layout`), determiner groups and agreements on
    `windows` random windows (`_noun_phrase_window`; random clause facts), counted as the sample grows: the
    grammar's count from below, and whether it levels off. Beside them the per-word parts that speak the
    same phrases (`french_positions.word_parts`: the largest part's values, and each part's at the end),
    and the census of step 4 over what was seen (`_PartsSeen`)."""
    rng, by_kind = random.Random(seed), dt.readings_by_kind()
    seen: dict[str, set] = {"structures": set(), "layouts": set(), "determiner groups": set(), "agreements": set()}
    parts = _PartsSeen()
    growth = {}
    for n in range(1, windows + 1):
        clause = dict(subject=rng.choice((("3s", "m"), ("1p", "f"), ("imp", "m"), ("3p", "f"))),
                      negated=rng.random() < 0.3, verb_before=rng.choice(("none", "generic", "other", "be")),
                      question=None, q_subject=rng.random() < 0.1, after_q_subject=False, index=0,
                      you=rng.choice(dt.YOU))
        window = _noun_phrase_window(rng, by_kind)
        phrase = grammar.noun_phrase_parts(window, clause)
        seen["structures"].add(phrase.structure)
        seen["layouts"].add(_layout(phrase.structure))
        seen["determiner groups"].add(phrase.structure[0][1])
        seen["agreements"].add(phrase.agreement)
        parts.add(french_positions.speaker_parts(window, None, clause, grammar.noun_phrase(window, clause)[0]))
        if n == windows or n in (10_000, 30_000, 100_000, 300_000, 1_000_000):
            growth[n] = {name: len(values) for name, values in seen.items()} | {"largest part": parts.largest()}
            print(f"{n:>9,} windows: " + ", ".join(f"{v:,} {name}" for name, v in growth[n].items()), flush=True)
    return {"windows": windows, "seed": seed, "growth": growth,
            "longest": max(map(len, seen["structures"])), "readings": sum(map(len, by_kind.values())),
            **parts.summary(french_positions.PART_KEYS)}


class _PartsSeen:
    """The part slots' values and the (plan, parts, look-ahead) triples seen on a sample of speakers; `summary`
    adds the census of step 4 over those triples (`dt.speaking_program` over them: each part's value set is
    what was seen, and every lookup pairs whole value sets, as compiling would)."""

    def __init__(self) -> None:
        self.slots: list[set] = [set() for _ in range(french_positions.SLOTS)]
        self.spoken: set = set()

    def add(self, words: french_positions.SpokenParts, look: int | str = french_positions.NO_LOOK) -> None:
        self.spoken.add((words.plan, words.parts, look))
        for values, part in zip(self.slots, words.parts):
            values.add(part)

    def largest(self) -> int:
        return max(map(len, self.slots))

    def summary(self, keys: tuple) -> dict:
        step_4 = {output: census(dt.speaking_program(sorted(self.spoken, key=repr), output),
                                 set(range(len(self.spoken) + 1)))
                  for output in dt.SPEAKING_OUTPUTS}
        return {"parts": {f"{key[0]} {key[1]}": len(values) for key, values in zip(keys, self.slots)},
                "plans": len({plan for plan, *_ in self.spoken}),
                "step_4_census": {output: {k: v for k, v in c.items() if k != "largest_enumerable"}
                                  for output, c in step_4.items()}}


def _verb_group_window(rng: random.Random, by_kind: dict[str, tuple]) -> tuple:
    """A random window whose word speaks a verb group: a verb or être; to its left (outward) maybe mid
    adverbs, a negation, an auxiliary, a modal or être, maybe a subject ("i" often), then any words; or not /
    an intensifier after être (n'est pas, il est très). Cut at a None."""
    pick = lambda kind: rng.choice(by_kind[kind])  # noqa: E731
    mids = [a for a in by_kind["ADV"] if a[2]]
    left = [rng.choice(mids) for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3)))]
    if rng.random() < 0.35:
        left.insert(rng.randrange(len(left) + 1), pick("NEG"))
    if rng.random() < 0.5:
        left.append(pick(rng.choice(("AUX", "HAVE_AUX", "MODAL", "BE"))))
    if rng.random() < 0.7:
        left.append(rng.choice(by_kind["S"]) if rng.random() < 0.7 else pick("N"))
    head = [pick(rng.choice(("V", "V", "BE")))]
    if head[0][0] == "BE" and rng.random() < 0.3:
        head.insert(0, rng.choice((("NEG", "pas"), ("NEG", "jamais"), ("ADV", "très", False))))
    context = [None if rng.random() < 0.1 else pick(rng.choice(list(by_kind))) for _ in range(grammar.WINDOW)]
    window = [*head, *left, *context][:grammar.WINDOW]
    return tuple(window[:window.index(None)] + [None] * (grammar.WINDOW - window.index(None)) if None in window
                 else window)


VERB_AFTERS = (None, ("OBJ", "le", "lui"), ("OBJ", "lui", "lui"), ("NEG", "pas"), ("PUNCT", "."), ("NOTHING", "rien"),
               ("ANY", "rien"), ("DET", "no"), ("ADV", "bien", False), ("ADV", "encore", False), ("PART", "up"))


def verb_group_structures(windows: int, seed: int = 1) -> dict:
    """Distinct verb-group structures (`translation_grammar.verb_group_parts`, as `plan` calls it) and
    agreements on `windows` random windows (`_verb_group_window`; random clause facts and word after),
    counted as the sample grows, beside the roles' parts that speak the same groups in the speakers' plans
    (`french_positions.speaker_parts`) and the census of step 4 over what was seen (`_PartsSeen`)."""
    rng, by_kind = random.Random(seed), dt.readings_by_kind()
    seen: dict[str, set] = {"structures": set(), "agreements": set(), "groups": set()}
    parts = _PartsSeen()
    growth = {}
    afters = [a for kind in ("OBJ", "ADV", "PART", "N", "DET", "A", "PREP", "PUNCT") for a in by_kind.get(kind, ())]
    for n in range(1, windows + 1):
        clause = dict(subject=rng.choice((("3s", "m"), ("1p", "f"), ("imp", "m"), ("3p", "f"), ("1s", "f"))),
                      subject_class=rng.choice(("", "", "", "device", "vehicle")), negated=rng.random() < 0.3,
                      verb_before=rng.choice(("none", "generic", "other", "be")),
                      question=rng.choice((None, None, None, "do", "did", "will", "have", "be-pres")),
                      q_subject=False, after_q_subject=False, index=rng.randrange(1, 9), you=rng.choice(dt.YOU))
        window = _verb_group_window(rng, by_kind)
        after = rng.choice(VERB_AFTERS) if rng.random() < 0.6 else rng.choice(afters)
        group = french_positions.verb_group_spoken(window, after, clause)
        seen["structures"].add(group[0])
        seen["agreements"].add(group[1])
        seen["groups"].add(grammar.speak_verb_group(*group))
        words = french_positions.spoken_by(window, after, clause)
        parts.add(words, french_positions.look_ahead(window, clause, words))
        if n == windows or n in (10_000, 30_000, 100_000, 300_000, 1_000_000):
            growth[n] = {name: len(values) for name, values in seen.items()} | {"largest part": parts.largest()}
            print(f"{n:>9,} windows: " + ", ".join(f"{v:,} {name}" for name, v in growth[n].items()), flush=True)
    return {"windows": windows, "seed": seed, "growth": growth, **parts.summary(grammar.VERB_ROLES)}


def plan_values(windows: int, seed: int = 1) -> dict:
    """The plan's value set end to end, from below: on `windows` random windows of any kind (the speaker
    and each word to its left a random reading of a random kind, the sentence starting at a random
    distance; random clause facts and word after), the distinct plans speakers hand step 4
    (`french_positions.speaker_parts`: noun phrases, verb groups and what a speaker says before its own
    French as markers), overall and by the
    speaker's kind, counted as the sample grows; beside them the part slots' values and the entries the
    merge of the parts' hits holds (`french_positions.spoken_entry`: every entry a part speaks, the set the
    merge tree's last lookup pairs with itself)."""
    rng, by_kind = random.Random(seed), dt.readings_by_kind()
    kinds = [k for k in by_kind if k not in ("SEP", "FR")]
    afters = [None, *(r for k in kinds for r in by_kind[k])]
    plans: dict[str, set] = defaultdict(set)
    parts = _PartsSeen()
    entries: set = set()
    before: dict[str, set] = {"views": set(), "window": set()}  # the part BEFORE: `dt._closed_before`'s, the window's
    growth = {}
    for n in range(1, windows + 1):
        start = rng.randrange(1, grammar.WINDOW + 2)  # the words before the sentence's start are None
        window = tuple(rng.choice(by_kind[rng.choice(kinds)]) if d < start else None for d in range(grammar.WINDOW))
        clause = dict(subject=rng.choice((("3s", "m"), ("1p", "f"), ("imp", "m"), ("3p", "f"), ("1s", "f"))),
                      subject_class=rng.choice(("", "", "", "device", "vehicle")), negated=rng.random() < 0.3,
                      verb_before=rng.choice(("none", "generic", "other", "be")),
                      question=rng.choice((None, None, None, "do", "did", "will", "have", "be-pres")),
                      q_subject=rng.random() < 0.1, after_q_subject=rng.random() < 0.1, index=rng.randrange(9),
                      you=rng.choice(dt.YOU))
        after = rng.choice(afters)
        words = french_positions.spoken_by(window, after, clause)
        plans[window[0][0]].add(words.plan)
        parts.add(words, french_positions.look_ahead(window, clause, words))
        entries.update(e for part in words.parts if part != french_positions.NO_PART for e in part[1])
        source = "views" if window[0][0] in grammar.BEFORE_APART else "window"
        before[source].add(words.parts[french_positions.BEFORE])
        if n == windows or n in (10_000, 30_000, 100_000, 300_000, 1_000_000):
            growth[n] = {"plans": len(set().union(*plans.values())), "largest part": parts.largest(),
                         "phrase entries": len(entries)}
            print(f"{n:>9,} windows: " + ", ".join(f"{v:,} {name}" for name, v in growth[n].items()), flush=True)
    return {"windows": windows, "seed": seed, "growth": growth,
            "plans_by_speaker": dict(sorted(((k, len(v)) for k, v in plans.items()), key=lambda kv: -kv[1])),
            "part_slots": [len(values) for values in parts.slots],
            "before_by_source": {source: len(values) for source, values in before.items()}}


PARTS = ("steps_1_2", "clause", "subject", "speaking", "read_out", "census")


def saved_inputs(path: Path) -> dict[str, list[list[int]]]:
    """The corpus's model inputs as `save_outputs` wrote them (the greedy translations of the program that
    saved them), instead of making them again (`corpus_groups`: minutes of greedy decoding)."""
    return {name: [r["input"] for r in rows] for name, rows in json.loads(path.read_text(encoding="utf-8")).items()}


def equality(results: dict, parts: tuple[str, ...] = PARTS, groups: dict[str, list[list[int]]] | None = None) -> None:
    """The compiled parts against the interpreter on every sentence (held-out sets run, never scored or
    shown), and the census; written into the results file's own keys. `parts`: which of PARTS; `groups`:
    the inputs (default: `corpus_groups()`)."""
    groups = groups if groups is not None else corpus_groups()
    keys = ["program"]
    fronts = {"steps_1_2": ("compiled_steps_1_2", dt.reading_program,
                            "dictionary_translation.reading_program (steps 1-2: readings in context)"),
              "clause": ("compiled_clause", dt.clause_program,
                         "dictionary_translation.clause_program (steps 1-2 and the clause facts without a window)"),
              "subject": ("compiled_subject", dt.subject_program,
                          "dictionary_translation.subject_program (steps 1-2 and the subject, from the folded window)")}
    for part, (key, make, what) in fronts.items():
        if part in parts:
            results[key] = c = compiled_front(groups, make(), what)
            keys.append(key)
            print(f"{what}: {_sizes(c)}")
            _print_checked(c)
    if "speaking" in parts:
        results["compiled_speaking"] = r = compiled_speaking(groups)
        keys.append("compiled_speaking")
        for output in dt.SPEAKING_OUTPUTS:
            print(f"step 4 before the read-out ({output}), over the corpus's {r['plans']} plans: {_sizes(r[output])} "
                  f"(from SEP on:)")
            _print_checked(r[output])
    if "read_out" in parts:
        results["compiled_read_out"] = r = compiled_read_out(groups)
        keys.append("compiled_read_out")
        print(f"read-out compiled: {_sizes(r)}; {r['compiled_equals_interpreter']['mismatches']} mismatches on "
              f"the {r['pairs']:,} (word, code) pairs of {sum(map(len, groups.values())):,} sentences")
    if "census" in parts:
        results["census"] = census(dt.program(), models.DICTIONARY_TRANSLATION.model_vocabulary())
        keys.append("census")
        print("whole program, past the enumeration cap:", results["census"]["first_past_the_cap"])
    _keep(results, keys)


def _sizes(r: dict) -> str:
    return (f"{r['layers']} layers, d_model {r['d_model']}, {r['parameters']:,} parameters ({r['non_zero']:,} "
            f"non-zero), {r['disk_mb']} MB, {r['compile_cpu_seconds']} CPU s to compile")


def _print_checked(summary: dict) -> None:
    for name, r in summary["compiled_equals_interpreter"].items():
        print(f"  compiled vs interpreter, {name}: {r['mismatches']} mismatches in {r['sentences']} sentences")


def _keep(results: dict, keys: list[str]) -> None:
    """Write these keys of `results` into the results file, keeping its other keys."""
    kept = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    kept |= {key: results[key] for key in keys if key in results}
    RESULTS.write_text(json.dumps(kept, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"compiled-vs-interpreter keys written to {RESULTS}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--save-outputs", type=Path, metavar="F", help="the interpreter's outputs on every corpus sentence")
    parser.add_argument("--same-outputs", type=Path, metavar="F", help="this program on F's inputs (exit 1 if any differs)")
    parser.add_argument("--structures", type=int, metavar="N", help="noun-phrase structures and parts on N random windows")
    parser.add_argument("--verb-groups", type=int, metavar="N", help="verb-group structures and parts on N random windows")
    parser.add_argument("--plans", type=int, metavar="N", help="the plans speakers hand step 4 on N random windows")
    parser.add_argument("--census", action="store_true", help="the whole program's census alone (no compile)")
    part = parser.add_mutually_exclusive_group()
    for flag, what in (("--read-out", "the compiled read-out alone"), ("--speaking", "step 4 before the read-out alone"),
                       ("--clause", "steps 1-2 with the clause facts"), ("--subject", "steps 1-2 with the subject"),
                       ("--equality-only", "compiled vs interpreter of steps 1-2"),
                       ("--dev", "generated + the hand-written dev pairs"),
                       ("--generated-only", "no held-out items")):
        part.add_argument(flag, action="store_true", help=what)
    parser.add_argument("--inputs", type=Path, metavar="F",
                        help="with a compiled slice (--speaking, --read-out, ...): the inputs --save-outputs wrote")
    args = parser.parse_args(argv)
    if args.save_outputs:  # the interpreter's outputs on every corpus sentence, for --same-outputs
        save_outputs(args.save_outputs)
        return
    if args.same_outputs:  # this program against the outputs saved (by another program)
        sys.exit(1 if any(same_outputs(args.same_outputs).values()) else 0)
    if args.structures is not None:  # how many noun-phrase structures the grammar has, from below
        _keep({"noun_phrase_structures": noun_phrase_structures(args.structures)}, ["noun_phrase_structures"])
        return
    if args.verb_groups is not None:  # how many verb-group structures, and the roles' parts
        _keep({"verb_group_structures": verb_group_structures(args.verb_groups)}, ["verb_group_structures"])
        return
    if args.plans is not None:  # the plan's value set end to end, from below
        _keep({"plan_values": plan_values(args.plans)}, ["plan_values"])
        return
    if args.census:  # what the compiler would enumerate, without the compiled slices --equality-only makes first
        _keep({"census": census(dt.program(), models.DICTIONARY_TRANSLATION.model_vocabulary())}, ["census"])
        return
    results = {
        "program": {"known_words": len(models.DICTIONARY_TRANSLATION.known_words),
                    "vocabulary_ids": len(models.DICTIONARY_TRANSLATION.model_vocabulary())},
        "compiled_equals_interpreter": "whole program: not compiled yet (docs/nlp.md); steps 1-2: --equality-only",
    }
    # the compiled slices against the interpreter: only their own keys are written, so the generated pairs'
    # scores (minutes of teacher forcing) are not made for them
    slices = {"read_out": ("read_out",), "speaking": ("speaking",), "clause": ("clause",), "subject": ("subject",),
              "equality_only": PARTS}
    chosen = next((parts for flag, parts in slices.items() if getattr(args, flag)), None)
    if chosen is not None:
        equality(results, chosen, saved_inputs(args.inputs) if args.inputs else None)
        return
    results["generated"] = {split: generated(split) for split in everyday_translation.SPLITS}
    for split, r in results["generated"].items():
        print(f"generated {split}: exact {r['exact']:.3f} ({r['items']}), {r['cpu_seconds']} CPU s")
    if args.dev:  # the hand-written dev pairs (never the held-out ones): while developing
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
    elif not args.generated_only:
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
