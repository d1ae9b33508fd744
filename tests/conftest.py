"""Fixtures shared by every test area: the seed graph built once per session.

The seed graph is the shipped data folder cut down to the five seed articles: tests that name what an
article says stay true as the real corpus grows around them (``tests/curation`` builds the whole corpus).

Tests that start a process are marked (``subprocess``, ``server``, ``browser``, ``notebook``; ``slow`` for the
rest that take seconds), so that ``make test-fast`` can leave them out: a test that uses one of
:data:`PROCESS_FIXTURES`, directly or through another fixture, gets its mark here; a test that starts a process
itself says so with ``pytestmark`` or a decorator.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from graph.folders import DataLayout, OutputLayout

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seed_data(tmp_path_factory) -> DataLayout:
    """The shipped data folder cut down to the seed articles, read-only."""
    return DataLayout.default().with_sources(tmp_path_factory.mktemp("seed-data") / "data")


@pytest.fixture(scope="session")
def seed_output(seed_data, tmp_path_factory) -> OutputLayout:
    """The seed data, built once into a temporary output folder."""
    out = OutputLayout(tmp_path_factory.mktemp("seed-build"))
    graph.build(seed_data, out)
    return out


@pytest.fixture(scope="session")
def seed_store(seed_output):
    """The built seed graph's embedded store, read-only."""
    return graph.open_store(seed_output.store)


@pytest.fixture()
def data_copy(tmp_path) -> DataLayout:
    """A writable copy of the seed data, for tests that break or extend it."""
    return DataLayout.default().with_sources(tmp_path / "data")


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``batterykg`` as a user would, in a subprocess; returns the completed process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture()
def cli():
    return run_cli


#: Fixtures that start a process, and the mark a test that uses them gets.
PROCESS_FIXTURES = {
    "cli": "subprocess",              # `batterykg` as a user runs it
    "endpoint": "server",             # `batterykg serve` (tests/sparql)
    "served_views": "server",         # `batterykg serve` serving the views (tests/views)
    "oxigraph_server": "server",      # the `oxigraph` binary (tests/sparql)
    "virtuoso": "server",             # a private Virtuoso (tests/sparql)
    "browser": "browser",             # Debian's chromium through Playwright (tests/views)
    "corpus_store": "slow",           # the whole real corpus, built (tests/curation)
}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            if fixture in PROCESS_FIXTURES:
                item.add_marker(PROCESS_FIXTURES[fixture])
        if item.path.suffix == ".ipynb":  # nbmake runs each notebook in a kernel of its own
            item.add_marker("notebook")
