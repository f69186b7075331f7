"""The one thing pyproject.toml cannot declare stably yet (setuptools marks its `ext-modules` table experimental):
the batched interpreter's C module (weightsmith/rasp/_boundary.c), compiled by `pip install -e .` / `make`.
It needs a C compiler and the Python headers (Debian: build-essential, python3-dev)."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("weightsmith.rasp._boundary", ["weightsmith/rasp/_boundary.c"])])
