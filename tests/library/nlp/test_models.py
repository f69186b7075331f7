"""Compiled models: built into the cache, equal to the interpreter, chosen by an explicit backend flag."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from weightsmith import rasp
from weightsmith.library import nlp
from weightsmith.library.nlp import models, translation
from weightsmith.model import load
from weightsmith.tasks import nlp as corpora
from weightsmith.tasks.nlp import everyday_sentiment

ROOT = Path(__file__).resolve().parents[3]


def _cache_in(folder: Path):
    """The language models' cache moved to `folder` (fresh: every model is compiled by this code) for a test.
    Its lexicon is the default cache's, linked (built there first if missing): these are tests of model builds,
    and the killed build's subprocess, finding no lexicon in the fresh cache, built the whole lexicon first."""
    from weightsmith.tasks.nlp import dictionary
    from weightsmith.tasks.nlp.dictionary.build import fingerprint
    from weightsmith.tasks.nlp.dictionary.tables import default_folder

    if not dictionary.missing():  # (`models.lexicon_available` would build the translator's vocabulary: ~20 CPU s)
        lexicon = default_folder(fingerprint())
        dictionary.load(lexicon)
        (folder / "nlp" / "lexicon").mkdir(parents=True)
        (folder / "nlp" / "lexicon" / lexicon.name).symlink_to(lexicon, target_is_directory=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(models.CACHE_VARIABLE, str(folder))
        models.compiled_model.cache_clear()
        yield folder
        models.compiled_model.cache_clear()


@pytest.fixture
def cache(tmp_path):
    """A cache of the test's own: for the tests of what a build leaves behind."""
    yield from _cache_in(tmp_path)


@pytest.fixture(scope="module")
def built():
    """The default cache, the one the API and the other tests use: on a fresh machine (CI) each model is compiled
    once by this code, here or by whichever test asks first (the other pytest worker waits on the build lock and
    reads it); elsewhere an entry is read only under this code's fingerprint (every source the model depends on).
    A cache of this file's own compiled the grammaticality model a second time on every fresh machine."""
    models.compiled_model.cache_clear()
    yield models.cache_root()


@pytest.mark.parametrize("name", ["sentiment", "grammaticality"])
def test_compiled_classifier_equals_the_interpreter_on_dev(built, name):
    if name == "sentiment":  # the three-class corpus over the built lexicon; unknown words become UNK's id
        inputs = [list(e.words) for e in everyday_sentiment.load("dev")[:150]] + [["the", "zzyzx", "was", "good"]]
    else:
        known = models.task(name).known_words
        inputs = [[w if w in known else "UNK" for w in e.words] for e in corpora.load(name, "dev")[:150]]
    compiled = models.run(name, inputs, "compiled")
    assert models.model_folder(name).parent == built and models.model_folder(name).is_dir()
    assert [out[-1] for out in compiled] == [out[-1] for out in models.run(name, inputs, "interpreter")]


def test_api_runs_the_compiled_classifiers(built):
    assert models.backend() == "compiled"
    assert nlp.sentiment("I did not like the film") == "negative"
    assert nlp.is_grammatical("she likes him") and not nlp.is_grammatical("her likes him")


def test_backend_flag(monkeypatch):
    assert models.backend() == "compiled"
    monkeypatch.setenv(models.BACKEND_VARIABLE, "interpreter")
    assert models.backend() == "interpreter"
    with pytest.raises(ValueError, match="unknown backend 'gpu'"):
        models.backend("gpu")
    with pytest.raises(ValueError, match="no language task"):
        models.task("summarisation")


def test_one_rule_chooses_the_served_program(monkeypatch):
    """With the lexicon built, the dictionary-scale programs; without it, the 394-word ones (the same rule
    for translation and grammaticality); sentiment has one program."""
    monkeypatch.setattr(models, "lexicon_available", lambda: True)
    assert models.serving("translation") is models.DICTIONARY_TRANSLATION
    assert models.serving("grammaticality").module is models.grammar
    monkeypatch.setattr(models, "lexicon_available", lambda: False)
    assert models.serving("translation") is models.task("translation")
    assert models.serving("grammaticality") is models.task("grammaticality-394")
    assert models.serving("grammaticality").module is models.grammaticality
    assert models.serving("sentiment") is models.task("sentiment")


def test_an_input_longer_than_the_model_is_refused():
    with pytest.raises(ValueError, match="more than the 40"):
        models.run("sentiment", [["good"] * 41], "interpreter")


def test_compiled_causal_translation_model(built):
    pairs = corpora.load("translation", "dev")[:40]
    known = models.task("translation").known_words
    inputs = [[w if w in known else "UNK" for w in p.english] + ["SEP", *p.french] for p in pairs]
    compiled = models.run("translation", inputs, "compiled")
    interpreted = rasp.evaluate_batch(models.task("translation").program(), inputs)
    for p, a, b in zip(pairs, compiled, interpreted):
        assert a[len(p.english):] == b[len(p.english):] == [*p.french, "EOS"]
    assert nlp.translate("the small black cats do not eat the fish") == "les petits chats noirs ne mangent pas le poisson"


KILLED_BUILD = """
import os, signal, sys
import weightsmith.model as model
from weightsmith.library.nlp import models

real_save = model.save

def save_then_die(m, folder, program_source=None):
    real_save(m, folder)  # weights and config written, program.py not yet: the worst moment
    os.kill(os.getpid(), signal.SIGKILL)

model.save = save_then_die
models.build(sys.argv[1])
"""


def test_a_build_killed_midway_leaves_no_cache_entry_and_the_next_call_builds(cache):
    """Issue 15: a first build killed at the wrong moment used to leave a folder that failed every later call.
    The cache's code is the same for every task: the smallest model (sentiment) keeps this test's two builds short.
    The next build sees two leftovers, the killed one and one an hour old (it was a third build, forced, that saw
    the killed one aged: a whole compile for what one build shows)."""
    name = "sentiment"
    killed = subprocess.run([sys.executable, "-c", KILLED_BUILD, name], env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    folder = models.model_folder(name)
    assert not folder.exists()
    leftovers = list(folder.parent.glob(f".{folder.name}.*.building"))
    assert len(leftovers) == 1 and (leftovers[0] / "model.safetensors").exists()
    old = folder.parent / f".{folder.name}.died-an-hour-ago.building"
    old.mkdir()
    os.utime(old, (0, 0))
    assert nlp.sentiment("i love this lovely town") == "positive"
    assert (folder / "program.py").exists()
    assert leftovers[0].exists()  # young leftovers are kept: they may be another process's build in progress
    assert not old.exists()  # an hour-old one is removed


def test_a_damaged_cache_entry_is_rebuilt(cache, capsys):
    """The entry damaged is in a cache of the test's own (the shared one may be read by the other worker)."""
    name = "sentiment"  # the cache's code is the same for every task: the smallest model builds fastest
    folder = models.build(name)
    models.compiled_model.cache_clear()  # as a new process: the model is read from the folder
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])
    assert nlp.sentiment("i love this lovely town") == "positive" and nlp.sentiment("i hate this awful town") == "negative"
    assert "damaged" in capsys.readouterr().err
    assert load(folder).config.output_values  # the entry on disk is whole again


def test_processes_building_one_model_at_once_compile_it_once(cache, monkeypatch):
    """Two builds of the same entry at once (pytest's workers, two shells): the second waits on the build lock,
    then reads the first's model. The compile is slowed so that both ask before either has published."""
    import weightsmith.compiler as compiler

    real, compiles = compiler.compile_rasp_to_model, []

    def slow_compile(*args, **kwargs):
        compiles.append(threading.current_thread().name)
        time.sleep(1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(compiler, "compile_rasp_to_model", slow_compile)
    folders = []
    threads = [threading.Thread(target=lambda: folders.append(models.build("sentiment")), name=f"build{i}")
               for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(compiles) == 1 and folders == [models.model_folder("sentiment")] * 2
    assert load(folders[0]).config.output_values


def test_known_words_are_made_once_and_the_model_vocabulary_leaves_them_alone():
    """`known_words` rebuilt its set on every call (85,741 words for the grammaticality program, on every
    sentence); made once, it must not grow with `model_vocabulary`'s SEP and French words."""
    t = models.task("translation")  # the 394-word translator: its model also reads SEP and the French it writes
    known = t.known_words
    assert t.known_words is known and models.task("grammaticality").known_words is models.task("grammaticality").known_words
    vocab = t.model_vocabulary()
    assert translation.SEP in vocab and "chats" in vocab
    assert translation.SEP not in t.known_words and "chats" not in t.known_words and t.known_words == known
