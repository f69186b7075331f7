# Two commands for a fresh machine: `make demo` and `make test`.
# The venv is rebuilt only when pyproject.toml changes (the stamp file records the last install).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch is pinned and installed first: an unpinned torch would pull gigabytes of CUDA packages.
# The `baseline` extra (Tracr 1.0.0, with jax) is part of the test install: Tracr's own test suite runs
# against weightsmith in tests/tracr_suite, and the benchmarks measure against it. `notebooks` runs
# examples/*.ipynb as tests; `docs` lets a test check that the docs site builds;
# `sweep` (Ray Tune) runs a small local sweep; `plots` draws PNGs; `explore` drives a headless Chromium
# (installed by .ci/run with apt-get) to test the explorer page. `lexicon` (LemmInflect, VADER) builds the
# dictionary-scale lexicons with Debian's FreeDict, WordNet, Verbiste and Apertium data (.ci/run installs them; the
# tests that need them skip with the install command when they are missing). The install compiles the batched
# interpreter's C module (setup.py): a change to its source reinstalls.
$(STAMP): pyproject.toml setup.py weightsmith/rasp/_boundary.c Makefile | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,baseline,notebooks,docs,sweep,plots,explore,export,modules,extract,lexicon]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m weightsmith.demo
	@echo
	@echo "The weightsmith command is installed in $(VENV): run it as $(BIN)/weightsmith (e.g. $(BIN)/weightsmith list),"
	@echo "or first 'source $(BIN)/activate', then 'weightsmith list'."

# --durations: every run lists its slowest tests, so the suite's budget (~10 minutes in CI) is watched where it is spent.
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --nbmake --durations=25 tests examples

# The docs site (guides from docs/, API reference from the docstrings), built offline into site/.
docs: $(STAMP)
	$(BIN)/mkdocs build --strict
	@echo "open site/index.html"

# Benchmarks are long runs, not tests; each prints a table and writes JSON to benchmarks/results/.
bench: $(STAMP)
	$(BIN)/python benchmarks/interpreter.py
	$(BIN)/python benchmarks/vs_tracr.py
	$(BIN)/python benchmarks/nlp.py
	$(BIN)/python benchmarks/nlp_lexicon_coverage.py
	$(BIN)/python benchmarks/nlp_heldout.py
	$(BIN)/python benchmarks/nlp_sentiment_size.py
	$(BIN)/python benchmarks/nlp_grammaticality.py
	$(BIN)/python benchmarks/nlp_translation.py
	$(BIN)/python benchmarks/compact.py
	$(BIN)/python benchmarks/dictionary_speed.py
	$(BIN)/python benchmarks/transformer_programs.py
	$(BIN)/python benchmarks/arithmetic.py
	$(BIN)/python benchmarks/fuzz_compiler.py --minutes 10
	$(BIN)/python benchmarks/corrupt_folders.py
	$(BIN)/python benchmarks/expressivity.py --pairs 200 --random 1000 --random64 100
	$(BIN)/python benchmarks/compose.py
	$(BIN)/python benchmarks/weight_attention.py --steps 1200 --seeds 3 --jobs 2 --arms dense,moe,weight_attention,weight_attention_hard
	$(BIN)/python benchmarks/weight_attention.py --steps 150 --seeds 3 --jobs 2 --arms sets_random,sets_compiled,sets_compiled_routed,sets_compiled_frozen
	$(BIN)/python benchmarks/sketch.py algorithmic
	$(BIN)/python benchmarks/sketch.py init
	$(BIN)/python benchmarks/sketch.py init-model
	$(BIN)/python benchmarks/sketch.py translation
	$(BIN)/python benchmarks/sketch.py plot
	$(BIN)/python benchmarks/circuits.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/modularity.py truth
	$(BIN)/python benchmarks/modularity.py training
	$(BIN)/python benchmarks/modularity.py cost
	$(BIN)/python benchmarks/plots.py

clean:
	rm -rf $(VENV)
