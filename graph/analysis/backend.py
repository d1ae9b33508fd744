"""Where the heavy measures run: networkx for small graphs, igraph (C) above a size threshold.

networkx stays the model and the API: every measure takes and returns networkx things. Betweenness, closeness,
eigenvector, PageRank and Louvain hand the work to igraph when a graph's nodes and edges together number
more than :data:`IGRAPH_THRESHOLD` (or when asked with ``backend="igraph"``); the tests check that both
backends agree on small graphs.

>>> import networkx as nx
>>> g = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c")])
>>> sorted(simple_graph(g).edges(data="weight"))
[('a', 'b', 2.0), ('b', 'c', 1.0)]
>>> choose_backend(g, "auto")
'networkx'
"""

from __future__ import annotations

import networkx as nx

from ..errors import UsageError

__all__ = ["IGRAPH_THRESHOLD", "EXACT_BETWEENNESS_LIMIT", "BACKENDS", "simple_graph", "choose_backend",
           "to_igraph"]

#: Above this many nodes plus edges, ``backend="auto"`` runs betweenness, closeness, eigenvector, PageRank and
#: Louvain in igraph (networkx's betweenness takes about a second at 1,000 nodes and edges of a dense graph,
#: igraph's a few milliseconds).
IGRAPH_THRESHOLD = 1_000
#: Up to this many nodes betweenness is exact; above, it is estimated from a seeded sample of sources.
EXACT_BETWEENNESS_LIMIT = 5_000
BACKENDS = ("auto", "networkx", "igraph")
#: Graph attribute marking a graph made by :func:`simple_graph` (so measures on it need not copy it again).
SIMPLE_FLAG = "simple_weighted"


def simple_graph(graph: nx.Graph, weight: str | None = "weight") -> nx.Graph:
    """An undirected simple graph with one edge per pair and the pair's weights summed.

    Parallel edges (one per relation in the entity network) add up; an edge without ``weight`` counts 1;
    self-loops are dropped. Nodes keep their attributes and are added in sorted order, so everything computed
    from the result is deterministic. A graph this function made is returned as it is (do not add edges to it).
    """
    if graph.graph.get(SIMPLE_FLAG) and weight == "weight":
        return graph  # already made by this function: nothing to merge
    simple = nx.Graph(name=graph.graph.get("name"), **{SIMPLE_FLAG: True})
    for node in sorted(graph.nodes, key=str):
        simple.add_node(node, **graph.nodes[node])
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        value = float(data.get(weight, 1.0)) if weight else 1.0
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += value
        else:
            simple.add_edge(u, v, weight=value)
    return simple


def choose_backend(graph: nx.Graph, backend: str = "auto") -> str:
    """``networkx`` or ``igraph`` for this graph."""
    if backend not in BACKENDS:
        raise UsageError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
    if backend == "auto":
        size = graph.number_of_nodes() + graph.number_of_edges()
        return "igraph" if size > IGRAPH_THRESHOLD else "networkx"
    return backend


def to_igraph(graph: nx.Graph):
    """``(igraph.Graph, nodes)``: the simple undirected graph with a ``weight`` edge attribute, and the
    networkx node of each igraph vertex index."""
    import igraph as ig

    simple = graph if not graph.is_multigraph() and not graph.is_directed() else simple_graph(graph)
    nodes = sorted(simple.nodes, key=str)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in simple.edges() if u != v]
    weights = [float(d.get("weight", 1.0)) for u, v, d in simple.edges(data=True) if u != v]
    converted = ig.Graph(n=len(nodes), edges=edges, directed=False)
    converted.es["weight"] = weights
    return converted, nodes
