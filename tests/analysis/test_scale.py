"""The paths national-scale graphs take give what the small-graph paths give: sparse brokerage, estimated
closeness, igraph's cut points, bridges and modularity, sampled work split over two processes, projections
from one reading of the store, the analysis graph written as text."""

from __future__ import annotations

import importlib
import os
import random

import networkx as nx
import pytest
from rdflib import Literal, URIRef

import graph
from graph.analysis import (
    analyse,
    analysis_graph,
    articulation_points,
    backend,
    betweenness,
    bridges,
    brokers,
    closeness,
    communities,
    constraint,
    effective_size,
    results,
    strongest_ties,
)
from graph.analysis.projections import read_network_data
from graph.namespace import BKG

from .conftest import bk, partners_trig, store_from_trig

#: Graphs of thousands of nodes, each computed two ways: seconds per test, for `make test`.
pytestmark = pytest.mark.slow

centrality = importlib.import_module("graph.analysis.centrality")  # the module (the package re-exports a function)


def _hubbed_graph(seed: int, n: int = 80, m: int = 160, hubs: int = 4) -> nx.Graph:
    """A random weighted graph where a few hubs are tied to half of the nodes, and one node without ties."""
    g = nx.gnm_random_graph(n, m, seed=seed)
    rng = random.Random(seed)
    for hub in range(hubs):
        g.add_edges_from((hub, v) for v in rng.sample(range(n), n // 2) if v != hub)
    for u, v in g.edges():
        g[u][v]["weight"] = rng.choice([0.25, 0.5, 1.0, 2.0])
    g.add_node(n + 1)
    return g


@pytest.fixture(scope="module")
def hubbed():
    """Two hubbed graphs with networkx's constraint and effective size of their nodes with ties (slow, so once)."""
    found = {}
    for seed in (1, 2):
        g = _hubbed_graph(seed)
        tied = [n for n in g if g.degree(n)]  # a node without ties has neither (networkx gives it NaN)
        # nodes named: networkx's definition node by node, not its sparse shortcut (another value with scipy)
        c, e = nx.constraint(g, nodes=tied, weight="weight"), nx.effective_size(g, nodes=tied, weight="weight")
        found[seed] = (g, {n: c[n] for n in tied}, {n: e[n] for n in tied})
    return found


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("hub_degree", [0, 4, 12, 40, None, 10_000])
def test_sparse_brokerage_is_networkx_definitions_whatever_counts_as_a_hub(hubbed, seed, hub_degree):
    # every split of the two-step sums (pairs through non-hubs, hub contacts, the dense hub block) is exact
    g, expected_c, expected_e = hubbed[seed]
    found_c, found_e = brokers._sparse_brokerage(backend.simple_graph(g), hub_degree)
    assert set(found_c) == set(found_e) == set(expected_c)
    assert max(abs(found_c[n] - expected_c[n]) for n in found_c) < 1e-12
    assert max(abs(found_e[n] - expected_e[n]) for n in found_e) < 1e-12


def test_big_graphs_use_the_sparse_brokerage(hubbed, monkeypatch):
    monkeypatch.setattr(brokers, "DENSE_LIMIT", 10)
    g, expected_c, expected_e = hubbed[1]
    assert constraint(g) == pytest.approx(expected_c, abs=1e-12)
    assert effective_size(g) == pytest.approx(expected_e, abs=1e-12)


def test_estimated_closeness_is_near_the_exact_one_and_exact_in_small_parts():
    g = nx.barabasi_albert_graph(2_000, 2, seed=7)
    g.add_edges_from([(5_000, 5_001), (5_001, 5_002)])  # a small part, below the sample: exact
    g.add_node(5_003)
    exact = closeness(g, backend="igraph")
    estimated = closeness(g, backend="igraph", sample=300, seed=1)
    for node in sorted(exact, key=exact.get, reverse=True)[:20]:
        assert estimated[node] == pytest.approx(exact[node], rel=0.05)
    assert estimated[5_000] == pytest.approx(exact[5_000], abs=1e-15) and estimated[5_003] == 0.0
    assert list(estimated) == list(exact)


def test_both_backends_draw_the_same_pivots_and_give_the_same_estimate():
    g = nx.barabasi_albert_graph(1_200, 3, seed=3)
    g.add_edge(2_000, 2_001)
    ours, theirs = closeness(g, backend="igraph", sample=200), closeness(g, backend="networkx", sample=200)
    assert max(abs(ours[n] - theirs[n]) for n in g) < 1e-12


def test_closeness_is_estimated_only_above_its_limit(monkeypatch):
    g = nx.barabasi_albert_graph(400, 2, seed=5)
    exact = nx.closeness_centrality(g, wf_improved=True)
    found = closeness(g)
    assert max(abs(found[n] - exact[n]) for n in g) < 1e-12
    monkeypatch.setattr(centrality, "EXACT_CLOSENESS_LIMIT", 100)
    monkeypatch.setattr(centrality, "CLOSENESS_SAMPLE", 50)
    found = closeness(g)
    assert max(abs(found[n] - exact[n]) for n in g) > 1e-6  # now an estimate from 50 pivots


@pytest.mark.parametrize("seed", range(4))
def test_cut_points_and_bridges_agree_between_backends(seed):
    g = nx.gnm_random_graph(90, 100, seed=seed)
    g.add_edges_from([(200, 201), (201, 202)])
    g.add_node(300)
    assert articulation_points(g, backend="igraph") == articulation_points(g, backend="networkx")
    assert bridges(g, backend="igraph") == bridges(g, backend="networkx")


@pytest.mark.parametrize("resolution", [0.5, 1.0, 2.0])
def test_igraphs_modularity_is_networkxs(resolution):
    g = _hubbed_graph(4, n=150, m=400)
    partition = communities(g, backend="igraph", resolution=resolution)
    expected = nx.community.modularity(g, partition, weight="weight", resolution=resolution)
    assert partition.modularity == pytest.approx(expected, abs=1e-12)


def test_sampled_betweenness_is_the_same_with_or_without_a_second_process(monkeypatch):
    g = nx.barabasi_albert_graph(700, 2, seed=9)
    both = betweenness(g, backend="igraph", sample=120, seed=3)
    monkeypatch.delattr(os, "fork")  # as on a system that cannot fork: both halves here, one after the other
    assert betweenness(g, backend="igraph", sample=120, seed=3) == both
    converted, nodes = backend.to_igraph(backend.simple_graph(g))
    sources = sorted(random.Random(3).sample(range(700), 120))
    one_call = converted.betweenness(directed=False, sources=sources)
    scale = 700 / 120 * 2 / (699 * 698)
    assert max(abs(both[n] - v * scale) for n, v in zip(nodes, one_call, strict=True)) < 1e-12


def test_a_failing_half_fails_the_call():
    def work(half):
        if half == "bad":
            raise ValueError("bad half")
        return half

    assert backend.both_halves(work, ("a", "b")) == ["a", "b"]
    for halves in (("bad", "b"), ("a", "bad")):  # here, or in the child (then computed again here)
        with pytest.raises(ValueError, match="bad half"):
            backend.both_halves(work, halves)


def test_projections_of_what_was_read_once_equal_projections_of_the_store(seed_store):
    data = read_network_data(seed_store)
    for project in (graph.entity_network, graph.partnership_network, graph.organisation_event_network,
                    graph.organisation_place_network):
        for filters in ({}, {"include_candidates": False}, {"since": "2024-01-01"}, {"within": "Sichuan"}):
            ours, theirs = project(data, **filters), project(seed_store, **filters)
            assert list(ours.nodes(data=True)) == list(theirs.nodes(data=True)), (project.__name__, filters)
            assert list(ours.edges(data=True)) == list(theirs.edges(data=True)), (project.__name__, filters)


def test_what_was_read_is_projected_without_the_store():
    store = store_from_trig(partners_trig([("a", "b"), ("b", "c")]))
    data = read_network_data(store)
    store.close()  # every query now fails
    assert sorted(graph.partnership_network(data)) == [bk("a"), bk("b"), bk("c")]
    assert read_network_data(data) is data


def test_candidates_are_left_out_of_what_was_read_when_asked():
    store = store_from_trig(partners_trig([("a", "b")]) + "\n" + partners_trig([("c", "d")], status="Extracted",
                                                                                  source="s2"))
    data = read_network_data(store)
    assert sorted(graph.partnership_network(data, include_candidates=False)) == [bk("a"), bk("b")]
    assert sorted(graph.partnership_network(data)) == [bk("a"), bk("b"), bk("c"), bk("d")]


def test_hostile_labels_stay_data_in_the_analysis_graph():
    hostile = 'Evil "Corp" \\ <script>alert(1)</script>\nline two'
    g = nx.Graph([(bk("a"), bk("b"))])
    nx.set_node_attributes(g, {bk("a"): hostile, bk("b"): "B"}, "label")
    rdf = analysis_graph([analyse(g, "partnership", measures=["degree"])])
    labels = {str(o) for o in rdf.objects(None, results.RDFS.label)}
    assert any(hostile in label for label in labels)


def test_analyse_records_which_measures_are_estimated(monkeypatch):
    for name, value in (("EXACT_BETWEENNESS_LIMIT", 10), ("EXACT_CLOSENESS_LIMIT", 10),
                        ("BETWEENNESS_SAMPLE", 8), ("CLOSENESS_SAMPLE", 8)):
        monkeypatch.setattr(centrality, name, value)
    path = nx.path_graph([bk(str(i)) for i in range(20)])
    run = analyse(path, "test", measures=["betweenness", "closeness"])
    assert run.parameters["estimated"] == {"betweenness": {"sample": 8, "seed": 42},
                                           "closeness": {"sample": 8, "seed": 42}}
    exact = nx.betweenness_centrality(path)
    assert any(abs(row["score"] - exact[row["node"]]) > 1e-6 for row in run.centrality)  # what was recorded
    assert "estimated" not in analyse(nx.path_graph(5), "test").parameters


def test_big_networks_keep_the_top_scores_and_ties_and_say_so(monkeypatch):
    monkeypatch.setattr(results, "KEPT_ALL_LIMIT", 10)
    monkeypatch.setattr(results, "KEPT_TOP", 3)
    star = nx.star_graph([bk(str(i)) for i in range(20)])
    run = analyse(star, "test", measures=["degree", "pagerank"])
    assert run.parameters["kept_top"] == 3 and len(run.ties) == 3
    rdf = analysis_graph([run])
    for measure in ("degree", "pagerank", "constraint", "effective_size"):
        scores = [s for s in rdf.subjects(BKG.measure, Literal(measure))]
        assert len(scores) == 3 and min(int(rdf.value(s, BKG.rank)) for s in scores) == 1, measure
    hub = rdf.value(predicate=BKG.scoreOf, object=URIRef(bk("0")))
    assert hub is not None  # the hub ranks first
    assert len(run.centrality) == 2 * 20  # the tables keep every row
    assert "kept_top" not in analyse(nx.path_graph([bk(str(i)) for i in range(5)]), "test").parameters


def test_the_strongest_ties_are_the_head_of_the_full_ranking():
    g = nx.Graph()
    for i in range(30):
        g.add_edge(f"u{i % 7}", f"v{i}", weight=float(i % 3))  # many equal weights
    full = strongest_ties(g, top=None)
    assert strongest_ties(g, top=5) == full[:5]
    assert [r["weight"] for r in full] == sorted((r["weight"] for r in full), reverse=True)


def test_a_directed_graph_is_made_simple_with_both_directions_added():
    simple = backend.simple_graph(nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")]))
    assert sorted(simple.edges(data="weight")) == [("a", "b", 2.0), ("b", "c", 1.0)]
