"""Where the language tasks cache what they build (`$WEIGHTSMITH_CACHE/nlp/`: the lexicon tables, the compiled
models), and how an entry is put there whole, so that processes sharing the cache never read a half-written one."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Callable, Iterator

CACHE_VARIABLE = "WEIGHTSMITH_CACHE"
STALE_BUILD_SECONDS = 3600  # a leftover build folder this old belongs to a build that died


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_VARIABLE) or Path.home() / ".cache" / "weightsmith") / "nlp"


def publish(folder: Path, write: Callable[[Path], object], replace: bool) -> None:
    """Write a cache entry into a temporary folder beside it, then rename it into place (atomic on one file
    system). Two processes building at once: the first rename wins and the other's copy is dropped, unless
    `replace`, when the old entry is renamed aside and deleted after the new one is in place."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(folder)
    building = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".building", dir=folder.parent))
    try:
        write(building)
        try:
            os.rename(building, folder)
            return
        except OSError:  # the entry exists (another process built it, or `replace`)
            if not replace:
                return
        stale = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".stale", dir=folder.parent))
        os.rename(folder, stale / "entry")
        os.rename(building, folder)
        shutil.rmtree(stale, ignore_errors=True)
    finally:
        shutil.rmtree(building, ignore_errors=True)


@contextmanager
def building(folder: Path) -> Iterator[None]:
    """Hold the build lock of the cache entry `folder`, so that processes sharing the cache (pytest's two
    workers, two shells) build it one at a time: the one that waited then finds the entry made and reads it
    instead of compiling the same model a second time (on a fresh machine that was one grammaticality compile,
    minutes and 5 GB, per worker). The lock is an `flock` on a hidden file beside the entry: the kernel
    releases it when its holder exits or is killed, so a build that died never blocks the next one."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{folder.name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _remove_stale_builds(folder: Path) -> None:
    """Remove the hour-old leftovers of `publish` beside `folder` (a build's `.building` folder, a replaced
    entry's `.stale` one), and nothing else: not the entry's lock file (`building`), which is no leftover (an
    old one is that entry's lock still; removed while a build holds it, the next process would lock a new file
    and build alongside)."""
    leftovers = chain(folder.parent.glob(f".{folder.name}.*.building"), folder.parent.glob(f".{folder.name}.*.stale"))
    for leftover in leftovers:
        try:
            if time.time() - leftover.stat().st_mtime > STALE_BUILD_SECONDS:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue  # another process removed it first
