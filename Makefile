# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make run    set up, build the graph, run the analysis, write the views
#   make test   set up, run every test (browser tests included)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup build analyze views notebooks bench lint clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# Debian's chromium for the browser tests; never a downloaded browser build.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: sudo apt-get install chromium (browser tests will be skipped)"; fi; \
	fi

build: setup
	$(BIN)/batterykg build

run: setup
	$(BIN)/batterykg run

# the analysis and the views of the graph built by `make build` (`make run` does build, analysis and views)
analyze: setup
	$(BIN)/batterykg analyze

views: setup
	$(BIN)/batterykg views

test: setup browser
	$(BIN)/python -m pytest

notebooks: setup
	$(BIN)/python notebooks/execute.py out/notebooks

bench: setup
	$(BIN)/python -m benchmarks

lint: setup
	$(BIN)/ruff check graph tests benchmarks

clean:
	rm -rf out .pytest_cache
