"""Where the lexicon tables live and how they are written: one cache folder per builder version, written whole."""

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


def test_the_manifest_is_moved_in_last(tmp_path, monkeypatch):
    """A reader trusts a folder whose manifest is there: when it appears, every table must already be new."""
    folder = tmp_path / "v1"
    write(folder, _lexicon(3), {"fingerprint": "v1"})
    moved = []
    real_replace = tables.os.replace
    monkeypatch.setattr(tables.os, "replace", lambda a, b: (moved.append(b.name), real_replace(a, b)))
    write(folder, _lexicon(5), {"fingerprint": "v1"})
    assert moved[-1] == "manifest.json" and len(moved) == len(list(folder.iterdir()))
