"""Fixtures of the scale tests: a small synthetic ecosystem, and builds of it on the large-graph path."""

from __future__ import annotations

import importlib
import shutil

import pytest

from graph.folders import DataLayout, OutputLayout
from graph.synth import synthesize

build_module = importlib.import_module("graph.build")
#: Where the large-graph threshold lives, read at each build (graph.build.validate.is_large).
threshold_module = importlib.import_module("graph.build.validate")


@pytest.fixture(scope="session")
def synth_data(tmp_path_factory) -> DataLayout:
    """A 400-entity synthetic data folder (seed 3), written once."""
    folder = tmp_path_factory.mktemp("synth") / "data"
    synthesize(folder, entities=400, seed=3)
    return DataLayout(folder)


@pytest.fixture()
def large_path(monkeypatch):
    """Builds take the large-graph path (Oxigraph writers, incremental rebuilds) whatever their size."""
    monkeypatch.setattr(threshold_module, "LARGE_GRAPH_TRIPLES", 0)
    return build_module


@pytest.fixture(scope="session")
def synth_built(tmp_path_factory, synth_data) -> OutputLayout:
    """The synthetic folder built once on the large-graph path (a template: copy it before rebuilding)."""
    saved = threshold_module.LARGE_GRAPH_TRIPLES
    threshold_module.LARGE_GRAPH_TRIPLES = 0
    try:
        out = OutputLayout(tmp_path_factory.mktemp("synth-built") / "out")
        build_module.build(synth_data, out)
    finally:
        threshold_module.LARGE_GRAPH_TRIPLES = saved
    return out


@pytest.fixture()
def editable(tmp_path, synth_data, synth_built) -> tuple[DataLayout, OutputLayout]:
    """Writable copies of the synthetic data and of its built outputs."""
    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(synth_data.root, data)
    shutil.copytree(synth_built.root, out)
    return DataLayout(data), OutputLayout(out)
