"""The networks and measures the views draw: a thin adapter over :mod:`graph.network` and
:mod:`graph.analysis`, so the pages depend on four functions only and not on how they are computed.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
>>> [sorted(c) for c in communities(g)]
[['a', 'b', 'c'], ['d', 'e']]
>>> max(pagerank(g), key=pagerank(g).get)
'b'
"""

from __future__ import annotations

import networkx as nx

from .. import analysis, network

__all__ = ["entity_network", "partnership_network", "simple_graph", "pagerank", "betweenness", "communities",
           "ENTITY_KINDS"]

#: Classes whose instances are entities (nodes of the entity network); other classes are records.
ENTITY_KINDS = (
    "Organization", "Company", "GovernmentBody", "ResearchInstitution", "Publisher", "Person",
    "Event", "Conference", "Visit", "SigningCeremony", "ConferenceSeries", "InvestmentProject",
    "IndustrialPark", "Facility", "Place", "AdministrativeArea", "Country", "Province", "City", "District",
    "Technology",
)


def entity_network(store) -> nx.MultiGraph:
    """:func:`graph.network.entity_network`: nodes with ``iri``, ``label``, ``kind``; one edge per relation
    with ``relation``, ``predicate``, ``subject``, ``object``, ``sources`` and ``assertions``."""
    return network.entity_network(store)


def partnership_network(store) -> nx.Graph:
    """:func:`graph.network.partnership_network`: organisations; edges with ``weight``, ``evidence``,
    ``relations`` and ``sources``."""
    return network.partnership_network(store)


def simple_graph(graph: nx.Graph) -> nx.Graph:
    """One edge per pair, weights summed (:func:`graph.analysis.simple_graph`): measures given it share its
    igraph copy instead of each making its own."""
    return analysis.simple_graph(graph)


def pagerank(graph: nx.Graph) -> dict:
    """Weighted PageRank of every node (:func:`graph.analysis.pagerank`)."""
    return dict(analysis.pagerank(graph)) if graph.number_of_nodes() else {}


def betweenness(graph: nx.Graph) -> dict:
    """Normalised betweenness of every node (:func:`graph.analysis.betweenness`)."""
    return dict(analysis.betweenness(graph)) if graph.number_of_nodes() else {}


def communities(graph: nx.Graph, *, seed: int = 42) -> list[set]:
    """Louvain communities with a fixed seed, largest first (:func:`graph.analysis.communities`)."""
    if graph.number_of_nodes() == 0:
        return []
    found = analysis.communities(graph, seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(str(n) for n in c)))
