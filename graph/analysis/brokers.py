"""Brokers: entities that span structural holes, and the nodes and ties that hold the network together.

Burt's **constraint** is low for a node whose contacts are not tied to each other (it brokers between them)
and high (up to about 1, more in dense cliques) for one embedded among connected contacts; **effective size**
is the number of contacts minus their redundancy. **Articulation points** are nodes whose removal splits
their part of the network; **bridges** are edges whose removal does.

>>> import networkx as nx
>>> star = nx.star_graph(3)          # 0 is tied to 1, 2, 3, which are not tied to each other
>>> round(constraint(star)[0], 4), constraint(star)[1], effective_size(star)[0]
(0.3333, 1.0, 3.0)
>>> articulation_points(star), bridges(nx.path_graph(3))
([0], [(0, 1), (1, 2)])
"""

from __future__ import annotations

import math

import networkx as nx

from .backend import simple_graph
from .centrality import rank_scores

__all__ = ["constraint", "effective_size", "articulation_points", "bridges", "broker_table", "BROKER_MEASURES"]


def _simple(graph: nx.Graph) -> nx.Graph:
    return simple_graph(graph)


def constraint(graph: nx.Graph, *, weight: str | None = "weight") -> dict:
    """Burt's constraint of every node with at least one tie (weighted by ``weight``).

    Lower is more of a broker. Nodes without ties are left out (their constraint is undefined).
    """
    simple = _simple(graph)
    nodes = [node for node in simple if simple.degree(node) > 0]
    return {node: float(value) for node, value in nx.constraint(simple, nodes, weight=weight).items()
            if not math.isnan(value)}


def effective_size(graph: nx.Graph, *, weight: str | None = "weight") -> dict:
    """Burt's effective size of every node with at least one tie: contacts less their redundancy."""
    simple = _simple(graph)
    nodes = [node for node in simple if simple.degree(node) > 0]
    return {node: float(value) for node, value in nx.effective_size(simple, nodes, weight=weight).items()
            if not math.isnan(value)}


def articulation_points(graph: nx.Graph) -> list:
    """Nodes whose removal disconnects their component, sorted."""
    return sorted(nx.articulation_points(_simple(graph)), key=str)


def bridges(graph: nx.Graph) -> list[tuple]:
    """Edges whose removal disconnects their component, each as a sorted pair, sorted."""
    return sorted((tuple(sorted(edge, key=str)) for edge in nx.bridges(_simple(graph))),
                  key=lambda e: (str(e[0]), str(e[1])))


#: Broker measures by name, and whether a low score is the better broker.
BROKER_MEASURES = {"constraint": (constraint, False), "effective_size": (effective_size, True)}


def broker_table(graph: nx.Graph, *, top: int | None = None) -> list[dict]:
    """Rows ``node, label, kind, constraint, effective_size, articulation_point, rank`` ranked by constraint
    (lowest first: the strongest brokers)."""
    scores = constraint(graph)
    sizes = effective_size(graph)
    cut = set(articulation_points(graph))
    rows = []
    for node, value, rank in rank_scores(scores, reverse=False)[:top]:
        attrs = graph.nodes[node]
        rows.append({"node": node, "label": attrs.get("label", str(node)), "kind": attrs.get("kind", ""),
                     "constraint": value, "effective_size": round(sizes.get(node, 0.0), 12),
                     "articulation_point": node in cut, "rank": rank})
    return rows
