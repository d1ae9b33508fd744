"""Shared fixtures of the ingestion tests: a private copy of the data folder and one extractor per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.ingest.extractor import Extractor
from graph.layout import DataLayout

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "example-press-release.html"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(DataLayout.default())


@pytest.fixture
def data_copy(tmp_path) -> DataLayout:
    """A copy of the shipped data folder; tests write here, never into data/."""
    root = tmp_path / "data"
    shutil.copytree(DataLayout.default().root, root, ignore=shutil.ignore_patterns("candidates"))
    (root / "candidates").mkdir()
    return DataLayout(root)


@pytest.fixture
def example_article() -> Path:
    return EXAMPLE
