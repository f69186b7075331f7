"""The three language programs as compiled transformers: how each is compiled, where it is cached, how
it is run.

Compiled models are saved (weightsmith.model.save: safetensors + JSON + the program source) under

    $WEIGHTSMITH_CACHE/nlp/<task>-<fingerprint>/      (default cache: ~/.cache/weightsmith)

where the fingerprint hashes every source file the model depends on (the program, the notation, the
lexicon, the compiler, the model), so a change anywhere rebuilds instead of serving a stale model. A
missing model is compiled on first use (seconds); `python -m weightsmith.library.nlp.build` builds all
three at once and prints their sizes.

A build writes into a fresh hidden folder next to the entry (`.<task>-<fingerprint>.<random>.building`)
and renames it into place, so a build killed at any moment leaves no entry (only a hidden leftover,
removed by a later build once it is an hour old), never half of one; a cached entry that fails to load
(damaged on disk) is rebuilt, not an error forever. Builds of one entry take a lock (`cache.building`), so
processes sharing the cache compile a model once: the later one waits, then reads it.

Backends: "compiled" (the default) runs the saved transformer; "interpreter" runs the RASP program with
the reference interpreter — for debugging and traces only, and only when asked for explicitly, either
by `backend="interpreter"` or by the environment variable WEIGHTSMITH_NLP_BACKEND=interpreter.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Callable, Sequence

from weightsmith import rasp
from weightsmith.library.nlp import (
    dictionary_translation, grammar, grammar_words, grammaticality, notation, polarity, sentiment_words, translation,
    translation_grammar, translation_words,
)

from weightsmith.tasks.nlp.cache import CACHE_VARIABLE, building, cache_root, publish  # noqa: F401 (CACHE_VARIABLE: API)

BACKENDS = ("compiled", "interpreter")
BACKEND_VARIABLE = "WEIGHTSMITH_NLP_BACKEND"
BOS = "BOS"


@dataclass(frozen=True)
class Task:
    """A language program and how to compile it."""

    name: str
    module: ModuleType
    max_seq_len: int
    causal: bool
    # the backend used when none is asked for: the dictionary-scale translator runs in the interpreter
    # until its plans no longer have value sets beyond what a compiler can enumerate (docs/nlp.md,
    # "Not compiled yet"; steps 1-2 with the clause facts, step 4 before the read-out and the read-out
    # each compile alone)
    default_backend: str = "compiled"
    entry: str = "program"  # the module's function that builds the program (a slice's: `subject_program`)

    @property
    def known_words(self) -> frozenset[str]:
        """The words the program reads as themselves; any other word is UNK. Made once per task (the
        grammaticality program's are 85,741 words, asked for on every sentence), so frozen."""
        return self._known_words()

    @lru_cache(maxsize=None)
    def _known_words(self) -> frozenset[str]:
        if self.module is translation:
            return frozenset(translation.english_vocabulary())
        if self.module is dictionary_translation:
            return dictionary_translation.known_words()
        return frozenset(self.module.vocabulary())

    @lru_cache(maxsize=None)
    def program(self) -> rasp.SOp:
        return getattr(self.module, self.entry)()

    def encode(self, words: Sequence[str]) -> list:
        """What the model reads for these words: the words themselves, or the ids of a program that reads
        ids (sentiment: `sentiment_words` says why)."""
        encode = getattr(self.module, "encode", None)
        return encode(list(words)) if encode else list(words)

    def model_vocabulary(self) -> set:
        """Every token the model may be fed: for translation also SEP and every French word it writes; for a
        program that reads ids, the ids."""
        if self.module is dictionary_translation:
            return set(range(len(translation_words.vocabulary().words)))
        if hasattr(self.module, "encode"):
            return set(range(len(self.known_words)))
        vocab = set(self.known_words)  # a copy: the words are shared, this set grows
        if self.module is translation:
            french = rasp.value_set(self.program(), vocab | {translation.SEP}, self.max_seq_len)
            vocab |= {translation.SEP} | (french - {translation.EOS})
        return vocab


TASKS = {
    "translation": Task("translation", translation, translation.MAX_SEQ_LEN, causal=True),
    "grammaticality": Task("grammaticality", grammar, grammar.MAX_SEQ_LEN, causal=False),
    "sentiment": Task("sentiment", polarity, polarity.MAX_SEQ_LEN, causal=False),
}
# The dictionary-scale translator (issue 20), and the 394-word grammaticality program: what the public API
# runs for translation where the lexicon is built, and for grammaticality where it is not (`serving`).
DICTIONARY_TRANSLATION = Task("translation-dictionary", dictionary_translation, dictionary_translation.MAX_SEQ_LEN,
                              causal=True, default_backend="interpreter")
SMALL_GRAMMATICALITY = Task("grammaticality-394", grammaticality, grammaticality.MAX_SEQ_LEN, causal=False)
# task name -> (the program with the built lexicon, the program without it)
SERVED = {"translation": (DICTIONARY_TRANSLATION, TASKS["translation"]),
          "grammaticality": (TASKS["grammaticality"], SMALL_GRAMMATICALITY)}


# The dictionary translator's subject slice (steps 1-2 and the subject: `subject_program`), which compiles alone:
# cached as a task's model is, so the test that it compiles exactly compiles it once per version of its sources
# (~100 CPU s), not on every run of the suite.
SUBJECT_SLICE = Task("translation-subject", dictionary_translation, dictionary_translation.MAX_SEQ_LEN, causal=True,
                     entry="subject_program")


_BY_NAME = {t.name: t for t in (*TASKS.values(), DICTIONARY_TRANSLATION, SMALL_GRAMMATICALITY, SUBJECT_SLICE)}


def task(name: str) -> Task:
    """A program by its name: a task's, or one of the two `serving` may choose instead."""
    if name not in _BY_NAME:
        raise ValueError(f"no language task {name!r}; the tasks are {sorted(TASKS)}")
    return _BY_NAME[name]


@lru_cache(maxsize=1)
def lexicon_available() -> bool:
    """Whether the built lexicon can be loaded (built now if its resources are installed)."""
    from weightsmith.tasks.nlp.dictionary import MissingResource

    try:
        translation_words.vocabulary()
    except MissingResource:
        return False
    return True


def serving(name: str) -> Task:
    """The program the public API runs for a task: with the built lexicon (its resources installed) the
    dictionary-scale one, else the 394-word one, so every task works on every machine (sentiment has only
    the dictionary-scale program)."""
    if name in SERVED:
        with_lexicon, without = SERVED[name]
        return with_lexicon if lexicon_available() else without
    return task(name)


def backend(choice: str | None = None, default: str = "compiled") -> str:
    """The backend to use: `choice`, else $WEIGHTSMITH_NLP_BACKEND, else the task's default."""
    chosen = choice or os.environ.get(BACKEND_VARIABLE) or default
    if chosen not in BACKENDS:
        raise ValueError(f"unknown backend {chosen!r} (from {'the argument' if choice else BACKEND_VARIABLE}); "
                         f"choose one of {BACKENDS}")
    return chosen


def fingerprint(t: Task) -> str:
    """A hash of every source file the compiled model depends on."""
    import weightsmith.compiler as compiler
    import weightsmith.model as model
    from weightsmith.tasks.nlp import lexicon

    files = [inspect.getsourcefile(m) for m in (t.module, notation, lexicon)]
    if t.module is dictionary_translation:
        files += [inspect.getsourcefile(m) for m in (translation_grammar, translation_words)]
    for package in (compiler, model):
        files += sorted(str(p) for p in Path(package.__file__).parent.glob("*.py"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(Path(f).read_bytes())
    # a word table built from the lexicon: hash the table itself
    table = {polarity: sentiment_words.vocabulary, grammar: grammar_words.vocabulary}.get(t.module)
    if table:
        digest.update("\n".join(f"{w}\t{c}" for w, c in zip(table().words, table().classes)).encode())
    if t.module is dictionary_translation:  # so is its vocabulary
        words = translation_words.vocabulary()
        digest.update(repr([(w, e.info, sorted(e.forms.items())) for w, e in zip(words.words, words.entries)]).encode())
    return digest.hexdigest()[:16]


def model_folder(name: str) -> Path:
    t = task(name)
    return cache_root() / f"{t.name}-{fingerprint(t)}"




def build(name: str, force: bool = False, log: Callable[[str], None] | None = None):
    """Compile the task's program and save the model (unless a current one is cached); returns its folder."""
    from weightsmith.compiler import compile_rasp_to_model
    from weightsmith.model import save

    folder = model_folder(name)
    if folder.is_dir() and not force:
        return folder
    with building(folder):
        if folder.is_dir() and not force:  # another process built it while this one waited for the lock
            return folder
        t = task(name)
        if log:
            log(f"compiling the {name} program (once; cached in {folder}) ...")
        compiled = compile_rasp_to_model(t.program(), vocab=t.model_vocabulary(), max_seq_len=t.max_seq_len,
                                         causal=t.causal, compiler_bos=BOS)
        publish(folder, lambda into: save(compiled.model, into, program_source=inspect.getsource(t.module)),
                replace=force)
    return folder


@lru_cache(maxsize=None)
def compiled_model(name: str):
    """The compiled transformer of a task, loaded from the cache (built first if missing, rebuilt if damaged)."""
    from weightsmith.model import ModelFolderError, load

    def log(message: str) -> None:
        print(message, file=sys.stderr)

    try:  # mostly-zero MLPs multiplied sparse: the same outputs, at a cost that grows with the non-zeros
        return load(build(name, log=log)).use_sparse()
    except ModelFolderError as error:
        log(f"the cached {name} model is damaged ({error}); rebuilding it")
        return load(build(name, force=True, log=log)).use_sparse()


def run(name: str, inputs: Sequence[Sequence[str]], backend_choice: str | None = None) -> list[list]:
    """The program's outputs at every position of every input (BOS not included)."""
    if not inputs:
        return []
    t = task(name)
    for x in inputs:
        if len(x) > t.max_seq_len:
            raise ValueError(f"{name}: the input has {len(x)} tokens, more than the {t.max_seq_len} the model "
                             f"reads: {' '.join(x)}")
    encoded = [t.encode(x) for x in inputs]
    if backend(backend_choice, t.default_backend) == "interpreter":
        return rasp.evaluate_batch(t.program(), encoded)
    outputs = compiled_model(name).run_batch([[BOS, *x] for x in encoded])
    return [out[1:] for out in outputs]
