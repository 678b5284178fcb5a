# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test check serve demo-data clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/fokus build --data data --out build/site

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/fokus check --data data

serve: $(STAMP)
	$(BIN)/fokus serve

demo-data: $(STAMP)
	$(BIN)/fokus demo --out data

clean:
	rm -rf build/site build/.tmp-*
