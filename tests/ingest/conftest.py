"""Shared fixtures of the ingestion tests: a private copy of the seed data and one extractor per session, whose
registry is the seed data's (what the tests expect stays true as the real corpus grows its registry)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.folders import DataLayout
from graph.ingest.chinese_model import chinese_model
from graph.ingest.english import english_pipeline
from graph.ingest.extractor import Extractor

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "example-press-release.html"

#: For the cases that need the English model's names or parse (skipped on the rule-only path).
needs_model = pytest.mark.skipif(not english_pipeline().statistical, reason="the English model is not installed")
#: For the cases that need the Chinese model's names (skipped on the rule-only path).
needs_chinese_model = pytest.mark.skipif(chinese_model() is None, reason="the Chinese model is not installed")


def entities(extractor, text) -> set[tuple[str, str]]:
    """What the extractor finds in ``text``: each entity's label and kind."""
    return {(e.label, e.kind) for e in extractor.extract(text).entities}


def relations(extractor, text, date=None) -> set[tuple[str, str, str]]:
    """What the extractor relates in ``text``: each relation's subject, kind and object."""
    found = extractor.extract(text, date).as_dict()["relations"]
    return {(r["subject"], r["kind"], r["object"]) for r in found}


@pytest.fixture(scope="session")
def extractor(seed_data) -> Extractor:
    return Extractor(seed_data)


@pytest.fixture(scope="session")
def bundled_only() -> Extractor:
    """The extractor as ``eval-extraction --no-registry`` runs it, with the bundled knowledge only: the registry
    holds the development set's own names, which would make cases of it pass for the wrong reason."""
    return Extractor(use_registry=False)


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
