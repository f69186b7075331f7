"""Where the lexicon tables live and how they are written: one cache folder per builder version, written whole."""

from pathlib import Path

import pytest

from weightsmith.tasks.nlp import cache
from weightsmith.tasks.nlp.dictionary import tables
from weightsmith.tasks.nlp.dictionary.tables import EnglishLemma, Lexicon, default_folder, read, write


def _lexicon(count: int) -> Lexicon:
    cat = EnglishLemma("cat", "noun", count, {"sg": ("cat",), "pl": ("cats",)})
    return Lexicon({("cat", "noun"): cat}, {}, {}, {})


def test_each_builder_version_has_its_own_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("WEIGHTSMITH_CACHE", str(tmp_path))
    assert default_folder("abc") == tmp_path / "nlp" / "lexicon" / "abc"
    assert default_folder("abc") != default_folder("abd")


def test_write_makes_a_new_folder_whole_and_leaves_nothing_beside_it(tmp_path):
    folder = tmp_path / "lexicon" / "v1"
    write(folder, _lexicon(3), {"fingerprint": "v1"})
    assert read(folder).english[("cat", "noun")].count == 3
    assert [p.name for p in folder.parent.iterdir()] == ["v1"]


def test_write_over_an_older_build_replaces_every_table(tmp_path):
    folder = tmp_path / "v1"
    write(folder, _lexicon(3), {"fingerprint": "v1"})
    before = {p.name for p in folder.iterdir()}
    write(folder, _lexicon(5), {"fingerprint": "v1"})
    assert read(folder).english[("cat", "noun")].count == 5
    assert {p.name for p in folder.iterdir()} == before and [p.name for p in tmp_path.iterdir()] == ["v1"]


def test_a_rewrite_swaps_the_folder_whole_and_a_failed_one_leaves_the_old_build(tmp_path, monkeypatch):
    """A reader trusts a folder whose manifest is there: it must never see new tables beside an old manifest or
    the reverse, so the new build is renamed in as one folder, and a build that fails changes nothing."""
    folder = tmp_path / "v1"
    write(folder, _lexicon(3), {"fingerprint": "v1"})
    renamed = []
    real_rename = cache.os.rename
    monkeypatch.setattr(cache.os, "rename", lambda a, b: (renamed.append(Path(b).name), real_rename(a, b)))
    write(folder, _lexicon(5), {"fingerprint": "v1"})
    assert renamed[-1] == "v1" and read(folder).english[("cat", "noun")].count == 5

    def fail(*_):
        raise OSError("disk full")
    monkeypatch.setattr(tables, "_write_tables", fail)
    with pytest.raises(OSError, match="disk full"):
        write(folder, _lexicon(7), {"fingerprint": "v1"})
    assert read(folder).english[("cat", "noun")].count == 5 and [p.name for p in tmp_path.iterdir()] == ["v1"]


def test_processes_loading_a_missing_lexicon_at_once_build_it_once(tmp_path, monkeypatch):
    """`load` built a missing lexicon without the models' build lock (`cache.building`): pytest's two workers on
    a fresh cache built it twice. The build is slowed so that both ask before either has written."""
    import threading
    import time

    from weightsmith.tasks.nlp import dictionary
    from weightsmith.tasks.nlp.dictionary import build

    builds = []

    def slow_build(folder):
        builds.append(threading.current_thread().name)
        time.sleep(1.0)
        lexicon = _lexicon(3)
        write(folder, lexicon, {"fingerprint": build.fingerprint()})
        return lexicon

    monkeypatch.setattr(build, "build", slow_build)
    folder, loaded = tmp_path / "v1", []
    threads = [threading.Thread(target=lambda: loaded.append(dictionary.load(folder)), name=f"load{i}")
               for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1 and [lexicon.english[("cat", "noun")].count for lexicon in loaded] == [3, 3]
