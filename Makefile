# Two commands for a fresh machine: `make demo` and `make test`.
# The venv is rebuilt only when pyproject.toml changes (the stamp file records the last install).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch is pinned and installed first: an unpinned torch would pull gigabytes of CUDA packages.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m weightsmith.demo
	@echo
	@echo "The weightsmith command is installed in $(VENV): run it as $(BIN)/weightsmith (e.g. $(BIN)/weightsmith list),"
	@echo "or first 'source $(BIN)/activate', then 'weightsmith list'."

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 tests

# Benchmarks are long runs, not tests; each prints a table and writes JSON to benchmarks/results/.
# The Tracr baseline (jax, ~600 MB) is installed only here, through the `baseline` extra.
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,baseline]'
	$(BIN)/python benchmarks/interpreter.py
	$(BIN)/python benchmarks/vs_tracr.py
	$(BIN)/python benchmarks/nlp.py
	$(BIN)/python benchmarks/transformer_programs.py

clean:
	rm -rf $(VENV)
