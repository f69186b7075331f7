"""Compile and cache the language models the public API runs (`models.serving`; the dictionary-scale
translator runs in the interpreter, so nothing is built for it): `python -m weightsmith.library.nlp.build [--force]`."""

import sys
import time

from weightsmith.library.nlp.models import TASKS, build, serving
from weightsmith.model import load, summary


def main(argv: list[str]) -> None:
    force = "--force" in argv
    for name in TASKS:
        t = serving(name)
        if t.default_backend != "compiled":
            print(f"{name}: {t.name} runs in the interpreter; nothing to build")
            continue
        start = time.perf_counter()
        folder = build(t.name, force=force, log=print)
        size = summary(load(folder))
        print(f"{t.name}: {folder} ({time.perf_counter() - start:.1f} s) layers={size['layers']} "
              f"d_model={size['d_model']} parameters={size['parameters']:,}")


if __name__ == "__main__":
    main(sys.argv[1:])
