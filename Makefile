# The two set-up commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
KG := $(BIN)/kg

.PHONY: demo test install install-dev lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,analysis]'
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(KG) build data/articles --out out/graph.trig
	$(KG) viz out/graph.trig --out out/graph.html
	$(KG) query out/graph.trig events

test: install-dev
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check kg tests benchmarks scripts
	$(BIN)/lint-imports

clean:
	rm -rf out build dist *.egg-info .pytest_cache
