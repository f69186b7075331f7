"""The language tasks' cache: entries published whole, hour-old leftovers removed, the build lock left alone."""

import os

from weightsmith.tasks.nlp import cache


def test_publish_removes_only_the_hour_old_leftovers_of_builds_never_the_lock(tmp_path, monkeypatch):
    """`_remove_stale_builds` globbed `.<entry>.*`, which also matched the entry's lock file (`cache.building`);
    only `.building` and `.stale` folders are leftovers."""
    folder = tmp_path / "model-abc"
    with cache.building(folder):
        pass
    lock = tmp_path / ".model-abc.lock"
    old = [tmp_path / ".model-abc.x1.building", tmp_path / ".model-abc.x2.stale"]
    young = tmp_path / ".model-abc.x3.building"
    for leftover in [*old, young]:
        leftover.mkdir()
    for path in [*old, lock]:
        os.utime(path, (0, 0))
    removed = []
    real_rmtree = cache.shutil.rmtree
    monkeypatch.setattr(cache.shutil, "rmtree", lambda path, **kw: (removed.append(path.name), real_rmtree(path, **kw)))
    cache.publish(folder, lambda into: (into / "weights").write_text("w"), replace=False)
    before = {p.name for p in [*old, young, lock]}
    assert sorted(name for name in removed if name in before) == sorted(p.name for p in old)
    assert (folder / "weights").read_text() == "w" and lock.is_file() and young.is_dir()
    assert not any(p.exists() for p in old)
