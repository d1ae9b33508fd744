"""partnership_ties weighs every tie as partnership_network does, in arrays; `only` keeps some ties, weighed
as in the whole network (what the views draw of a network of a million ties)."""

from __future__ import annotations

import pytest

from graph.analysis.projections import partnership_network, partnership_ties, read_network_data
from graph.build import build
from graph.folders import DataLayout, OutputLayout
from graph.store import open_store
from graph.synth import synthesize


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("ties")
    synthesize(root / "data", entities=600, seed=3)
    out = OutputLayout(root / "out")
    build(DataLayout(root / "data"), out)
    return read_network_data(open_store(out.store))


@pytest.mark.parametrize("which", ["seed", pytest.param("synthetic", marks=pytest.mark.slow)])
def test_the_arrays_hold_the_weights_of_the_graph(which, seed_store, request):
    store = seed_store if which == "seed" else request.getfixturevalue("synthetic")
    graph = partnership_network(store)
    organisations, pairs, weights = partnership_ties(store)
    assert organisations == sorted(graph.nodes)
    found = {(organisations[u], organisations[v]): w for (u, v), w in zip(pairs.tolist(), weights.tolist(), strict=True)}
    expected = {tuple(sorted((u, v))): d["weight"] for u, v, d in graph.edges(data=True)}
    assert found.keys() == expected.keys() and len(found) > 30
    assert all(abs(found[pair] - expected[pair]) < 1e-9 for pair in found)
    assert all(u < v for u, v in pairs.tolist())


@pytest.mark.slow
def test_only_some_ties_keep_their_weights_and_evidence(synthetic):
    whole = partnership_network(synthetic)
    chosen = sorted(tuple(sorted(e)) for e in whole.edges)[::7]
    part = partnership_network(synthetic, only=set(chosen))
    assert sorted(tuple(sorted(e)) for e in part.edges) == chosen
    for u, v in chosen:
        assert part[u][v] == whole[u][v]
