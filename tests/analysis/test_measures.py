"""Centrality, brokers and communities: exact values on small graphs read from RDF, both backends agreeing,
determinism, empty and disconnected graphs."""

from __future__ import annotations

import random

import networkx as nx
import pytest

import graph
from graph.analysis import (
    articulation_points,
    betweenness,
    bridges,
    centrality_table,
    closeness,
    communities,
    constraint,
    degree,
    effective_size,
    eigenvector,
    pagerank,
    weighted_degree,
)
from graph.errors import UsageError

from .conftest import bk, partners_trig, store_from_trig

HUB, LEAVES = bk("hub"), [bk(s) for s in "abcd"]


def test_star_centralities_are_the_textbook_values(star_store):
    g = graph.partnership_network(star_store)
    assert betweenness(g)[HUB] == 1.0 and all(betweenness(g)[leaf] == 0.0 for leaf in LEAVES)
    assert degree(g)[HUB] == 1.0 and degree(g)[LEAVES[0]] == 0.25
    assert closeness(g)[HUB] == 1.0 and closeness(g)[LEAVES[0]] == pytest.approx(4 / 7)
    # PageRank of a star: h = (1 - 0.85) / 5 + 0.85 (1 - h)  →  h = 0.88 / 1.85
    assert pagerank(g)[HUB] == pytest.approx(0.88 / 1.85, abs=1e-9)
    assert pagerank(g)[LEAVES[0]] == pytest.approx((1 - 0.88 / 1.85) / 4, abs=1e-9)
    assert weighted_degree(g)[HUB] == 4.0


def test_star_brokerage_is_the_textbook_value(star_store):
    g = graph.partnership_network(star_store)
    assert constraint(g)[HUB] == pytest.approx(0.25)  # four unconnected contacts: 4 × (1/4)²
    assert constraint(g)[LEAVES[0]] == pytest.approx(1.0)
    assert effective_size(g)[HUB] == pytest.approx(4.0)
    assert articulation_points(g) == [HUB]
    assert len(bridges(g)) == 4


def test_triangles_joined_by_one_tie(two_triangles_store):
    g = graph.partnership_network(two_triangles_store)
    c, d = bk("c"), bk("d")
    # a: contacts b and c, tied to each other; c also to d, so c gives b only a third of its ties
    assert constraint(g)[bk("a")] == pytest.approx((1 / 2 + 1 / 2 * 1 / 3) ** 2 + (1 / 2 + 1 / 2 * 1 / 2) ** 2)
    assert constraint(graph.partnership_network(store_from_trig(partners_trig(
        [("x", "y"), ("y", "z"), ("x", "z")]))))[bk("x")] == pytest.approx(2 * 0.75 ** 2)  # a triangle: 1.125
    assert articulation_points(g) == [c, d]
    assert bridges(g) == [(c, d)]
    partition = communities(g)
    assert [sorted(p) for p in partition] == [[bk("a"), bk("b"), c], [d, bk("e"), bk("f")]]
    assert partition.modularity == pytest.approx(6 / 7 - 1 / 2)  # 2 × (3/7 − (7/14)²)
    assert betweenness(g)[c] == pytest.approx(6 / 10)  # a, b to d, e, f: 6 of the 10 pairs without c


def test_entity_network_parallel_relations_add_weight():
    store = store_from_trig("""
        bk:a a bkg:Company ; rdfs:label "A"@en . bk:b a bkg:Company ; rdfs:label "B"@en .
        <https://w3id.org/battery-kg/source/s/a1> a bkg:Assertion ; bkg:status bkg:Reviewed .
        <https://w3id.org/battery-kg/source/s/a1> { bk:a bkg:partnerOf bk:b ; bkg:signedAgreementWith bk:b . }
    """)
    g = graph.entity_network(store)
    assert g.number_of_edges() == 2
    assert weighted_degree(g)[bk("a")] == 2.0 and degree(g)[bk("a")] == 1.0


def test_table_has_normalised_scores_and_shared_ranks(star_store):
    rows = centrality_table(graph.partnership_network(star_store), ["degree"])
    assert [(r["label"], r["rank"], r["normalised"]) for r in rows] == [
        ("HUB", 1, 1.0), ("A", 2, 0.25), ("B", 2, 0.25), ("C", 2, 0.25), ("D", 2, 0.25)]
    with pytest.raises(UsageError):
        centrality_table(nx.Graph(), ["fame"])


def _random_graph(seed: int) -> nx.Graph:
    g = nx.gnm_random_graph(60, 150, seed=seed)
    rng = random.Random(seed)
    for u, v in g.edges():
        g[u][v]["weight"] = rng.choice([0.25, 0.5, 1.0, 2.0])
    return g


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_networkx_and_igraph_agree(seed):
    g = _random_graph(seed)
    g.add_edges_from([(100, 101), (101, 102)])  # a second, small component
    g.add_node(103)  # and a node on its own
    for function in (betweenness, pagerank, closeness, eigenvector):
        if function is eigenvector:  # defined for connected graphs only
            g = g.subgraph(max(nx.connected_components(g), key=len))
        small = function(g, backend="networkx")
        big = function(g, backend="igraph")
        assert small.keys() == big.keys()
        assert max(abs(small[n] - big[n]) for n in g) < 1e-6, function.__name__


def test_both_louvains_find_planted_cliques():
    g = nx.ring_of_cliques(5, 6)
    expected = sorted(sorted(c) for c in communities(g, backend="networkx"))
    assert expected == [list(range(i, i + 6)) for i in range(0, 30, 6)]
    assert sorted(sorted(c) for c in communities(g, backend="igraph")) == expected


def test_sampled_betweenness_estimates_the_exact_one():
    g = nx.barabasi_albert_graph(800, 2, seed=7)
    exact = betweenness(g, backend="igraph")
    for backend in ("networkx", "igraph"):
        sampled = betweenness(g, backend=backend, sample=300, seed=1)
        top = max(exact, key=exact.get)
        assert sampled[top] == pytest.approx(exact[top], rel=0.25), backend


def test_same_scores_and_communities_every_run(seed_store):
    first, second = graph.entity_network(seed_store), graph.entity_network(seed_store)
    assert pagerank(first) == pagerank(second)
    assert betweenness(first) == betweenness(second)
    assert [sorted(c) for c in communities(first)] == [sorted(c) for c in communities(second)]


def test_empty_graphs_give_empty_results():
    empty = nx.Graph()
    for function in (degree, weighted_degree, betweenness, closeness, eigenvector, pagerank, constraint,
                     effective_size):
        assert function(empty) == {}
    assert communities(empty) == [] and articulation_points(empty) == [] and bridges(empty) == []


def test_disconnected_graphs_are_measured_part_by_part():
    g = graph.partnership_network(store_from_trig(partners_trig([("a", "b"), ("c", "d"), ("d", "e")])))
    assert [sorted(c) for c in communities(g)] == [[bk("c"), bk("d"), bk("e")], [bk("a"), bk("b")]]
    assert sum(pagerank(g).values()) == pytest.approx(1.0)
    assert closeness(g)[bk("a")] == pytest.approx(0.25)  # reaches 1 of 4 others at distance 1
    assert betweenness(g)[bk("d")] == pytest.approx(1 / 6)
    isolated = nx.Graph()
    isolated.add_nodes_from("xy")
    assert pagerank(isolated) == {"x": 0.5, "y": 0.5} and constraint(isolated) == {}


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("dense_limit", [0, 2_500])  # node by node, and with dense matrices
def test_constraint_and_effective_size_are_networkx_definitions(seed, dense_limit, monkeypatch):
    from graph.analysis import brokers

    monkeypatch.setattr(brokers, "DENSE_LIMIT", dense_limit)
    g = _random_graph(seed)
    g.add_node(99)  # a node without ties has neither
    for ours, theirs in ((constraint, nx.constraint), (effective_size, nx.effective_size)):
        # nodes named: networkx's definition node by node (with scipy installed, its sparse shortcut for all nodes
        # gives other weighted effective sizes on these graphs)
        expected = theirs(g, nodes=list(g), weight="weight")
        found = ours(g)
        assert max(abs(found[n] - expected[n]) for n in found) < 1e-12
        assert set(found) == {n for n in g if g.degree(n)}


def test_analyse_leaves_closeness_out_of_big_graphs_and_says_so(monkeypatch):
    from graph.analysis import analyse, results

    monkeypatch.setattr(results, "CLOSENESS_LIMIT", 3)
    run = analyse(nx.path_graph(5), "test")
    assert run.parameters["skipped"] == ["closeness"]
    assert "closeness" not in {row["measure"] for row in run.centrality}
