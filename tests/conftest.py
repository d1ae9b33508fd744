"""Fixtures shared by every test area: the seed graph built once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from graph.layout import DataLayout, OutputLayout

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seed_output(tmp_path_factory) -> OutputLayout:
    """The shipped seed data, built once into a temporary output folder."""
    out = OutputLayout(tmp_path_factory.mktemp("seed-build"))
    graph.build(DataLayout.default(), out)
    return out


@pytest.fixture(scope="session")
def seed_store(seed_output):
    """The built seed graph's embedded store, read-only."""
    return graph.open_store(seed_output.store)


@pytest.fixture()
def data_copy(tmp_path) -> DataLayout:
    """A writable copy of the shipped data folder, for tests that break or extend it."""
    target = tmp_path / "data"
    shutil.copytree(DataLayout.default().root, target)
    return DataLayout(target)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``batterykg`` as a user would, in a subprocess; returns the completed process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "graph", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture()
def cli():
    return run_cli
