"""Shared fixtures of the ingestion tests: a private copy of the seed data and one extractor per session, whose
registry is the seed data's (what the tests expect stays true as the real corpus grows its registry)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.folders import DataLayout
from graph.ingest.extractor import Extractor

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "example-press-release.html"


@pytest.fixture(scope="session")
def extractor(seed_data) -> Extractor:
    return Extractor(seed_data)


@pytest.fixture
def data_copy(tmp_path, seed_data) -> DataLayout:
    """A copy of the seed data without candidates; tests write here, never into data/."""
    root = tmp_path / "data"
    shutil.copytree(seed_data.root, root, ignore=shutil.ignore_patterns("candidates"))
    (root / "candidates").mkdir()
    return DataLayout(root)


@pytest.fixture
def example_article() -> Path:
    return EXAMPLE
