# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test check serve demo-data bench clean bytecode

$(STAMP): pyproject.toml package.json package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error  # front-end files the site serves itself
	touch $(STAMP)

# This checkout's modules and hooks, byte-compiled as pip compiles every package it installs: the package is
# installed editable, and where PYTHONDONTWRITEBYTECODE is set (as on CI images) each build compiled all of them
# again, 0.15 s of a 3 s rebuild. Only changed files are compiled again (0.04 s when none changed).
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q src hooks

site: bytecode
	$(BIN)/fokus build --data data --out build/site

test: bytecode
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/fokus check --data data

serve: $(STAMP)
	$(BIN)/fokus serve

demo-data: $(STAMP)
	$(BIN)/fokus demo --out data

bench: bytecode  # times and sizes at three scales (BENCHMARKS.md); synthetic data in /tmp; the Land builds take about 25 min
	$(BIN)/python bench/run.py

clean:
	rm -rf build/site build/.tmp-* build/.cache
