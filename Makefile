# The two commands: `make demo` (set up, run khabar on examples/, show events) and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= khabar.duckdb

.PHONY: demo test setup setup-test lint clean

$(BIN)/khabar: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.test-deps: $(BIN)/khabar
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

setup: $(BIN)/khabar

setup-test: $(VENV)/.test-deps

demo: setup
	$(BIN)/khabar run examples/ --db $(DB)
	$(BIN)/khabar events --db $(DB)

test: setup-test
	$(BIN)/ruff check khabar tests
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
