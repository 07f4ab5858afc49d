# The two commands: `make demo` (set up, run khabar on examples/, show events) and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= khabar.duckdb

.PHONY: demo test setup setup-test screenshots clean

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
	@# The dashboard's browser test needs Debian's chromium + chromedriver; installed when missing and root.
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "warning: could not install chromium; the browser test will be skipped"; \
	  else echo "note: chromium/chromedriver absent and not root; the browser test will be skipped"; fi; \
	fi

demo: setup
	$(BIN)/khabar run examples/ --db $(DB)
	$(BIN)/khabar events --db $(DB) --table

test: setup-test
	$(BIN)/ruff check khabar tests
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache

screenshots: setup-test
	KHABAR_SCREENSHOT_DIR=docs $(BIN)/pytest tests/serve/test_browser.py
