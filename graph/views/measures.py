"""The networks and measures the views draw: a thin adapter over :mod:`graph.analysis.projections` and
:mod:`graph.analysis`, so the pages depend on these functions only and not on how they are computed.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
>>> [sorted(c) for c in communities(g)]
[['a', 'b', 'c'], ['d', 'e']]
>>> max(pagerank(g), key=pagerank(g).get)
'b'
"""

from __future__ import annotations

import networkx as nx

from .. import analysis
from ..analysis import projections
from ..analysis.communities import multilevel
from ..namespace import ENTITY_CLASSES

__all__ = ["entity_network", "partnership_network", "partnership_ties", "simple_graph", "pagerank", "betweenness",
           "communities", "tie_communities", "ENTITY_KINDS"]

#: Classes whose instances are entities (nodes of the entity network); other classes are records.
ENTITY_KINDS = ENTITY_CLASSES


def entity_network(store) -> nx.MultiGraph:
    """:func:`graph.analysis.projections.entity_network`: nodes with ``iri``, ``label``, ``kind``; one edge per relation
    with ``relation``, ``predicate``, ``subject``, ``object``, ``sources`` and ``assertions``."""
    return projections.entity_network(store)


def partnership_network(store, *, only=None) -> nx.Graph:
    """:func:`graph.analysis.projections.partnership_network`: organisations; edges with ``weight``, ``evidence``,
    ``relations`` and ``sources`` (``only``: just these ties)."""
    return projections.partnership_network(store, only=only)


def partnership_ties(store):
    """:func:`~graph.analysis.projections.partnership_ties`: ``(organisations, pairs, weights)`` of every tie."""
    return projections.partnership_ties(store)


def simple_graph(graph: nx.Graph) -> nx.Graph:
    """One edge per pair, weights summed (:func:`graph.analysis.simple_graph`): measures given it share its
    igraph copy instead of each making its own."""
    return analysis.simple_graph(graph)


def pagerank(graph: nx.Graph) -> dict:
    """Weighted PageRank of every node (:func:`graph.analysis.pagerank`)."""
    return dict(analysis.pagerank(graph)) if graph.number_of_nodes() else {}


def betweenness(graph: nx.Graph, *, sample: int | None = None) -> dict:
    """Normalised betweenness of every node (:func:`graph.analysis.betweenness`; estimated from ``sample``
    sources when given)."""
    return dict(analysis.betweenness(graph, sample=sample)) if graph.number_of_nodes() else {}


def communities(graph: nx.Graph, *, seed: int = 42) -> list[set]:
    """Louvain communities with a fixed seed, largest first (:func:`graph.analysis.communities`)."""
    if graph.number_of_nodes() == 0:
        return []
    found = analysis.communities(graph, seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(str(n) for n in c)))


def tie_communities(organisations: list, pairs, weights, *, seed: int = 42) -> list[set]:
    """Louvain communities of ties given as arrays (:func:`partnership_ties`), largest first: igraph's
    multilevel algorithm seeded as :func:`graph.analysis.communities` seeds it, without a networkx graph.

    >>> import numpy as np
    >>> [sorted(c) for c in tie_communities(["a", "b", "c", "d"], np.array([[0, 1], [2, 3]]), np.ones(2))]
    [['a', 'b'], ['c', 'd']]
    """
    import igraph as ig

    if not organisations:
        return []
    converted = ig.Graph(n=len(organisations), edges=pairs.tolist(), directed=False)
    converted.es["weight"] = weights.tolist()
    found = multilevel(converted, seed=seed)
    parts = [{organisations[i] for i in members} for members in found]
    return sorted(parts, key=lambda c: (-len(c), min(str(n) for n in c)))
