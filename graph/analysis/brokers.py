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

import networkx as nx

from .backend import simple_graph
from .centrality import rank_scores

__all__ = ["DENSE_LIMIT", "constraint", "effective_size", "articulation_points", "bridges", "broker_table",
           "BROKER_MEASURES"]


def _simple(graph: nx.Graph, weight: str | None = "weight") -> nx.Graph:
    return simple_graph(graph, weight)


def _proportions(simple: nx.Graph) -> dict:
    """``p[i][j]``: the share of i's tie strength that goes to j (Burt's proportional tie strength)."""
    shares = {}
    for node in simple:
        ties = {other: data["weight"] for other, data in simple[node].items() if other != node}
        total = sum(ties.values())
        shares[node] = {other: value / total for other, value in ties.items()} if total else {}
    return shares


#: Up to this many nodes, constraint and effective size are computed with dense numpy matrices (fast on the dense
#: partnership networks that big events make); above, node by node.
DENSE_LIMIT = 2_500


def _dense(simple: nx.Graph):
    """``(nodes, W, P, A)``: weights, proportions ``p_ij`` and the adjacency mask, as dense arrays."""
    import numpy as np

    nodes = [n for n in simple if simple.degree(n) > 0]
    index = {n: i for i, n in enumerate(nodes)}
    w = np.zeros((len(nodes), len(nodes)))
    for u, v, data in simple.edges(data=True):
        if u != v:
            w[index[u], index[v]] = w[index[v], index[u]] = data["weight"]
    strength = w.sum(axis=1)
    p = w / strength[:, None]
    return nodes, w, p, w != 0


def constraint(graph: nx.Graph, *, weight: str | None = "weight") -> dict:
    """Burt's constraint of every node with at least one tie (weighted by ``weight``).

    ``c(i) = Σ_j (p_ij + Σ_q p_iq p_qj)²`` over i's contacts j and q. Lower is more of a broker. Nodes without
    ties are left out (their constraint is undefined). Computed as :func:`networkx.constraint` defines it,
    but each node's proportions are computed once (networkx recomputes them per pair), which makes it
    practical on graphs of tens of thousands of nodes.
    """
    simple = _simple(graph, weight)
    if 0 < simple.number_of_nodes() <= DENSE_LIMIT and simple.number_of_edges():
        nodes, _, p, adjacent = _dense(simple)
        values = (((p + p @ p) ** 2) * adjacent).sum(axis=1)
        return {node: float(value) for node, value in zip(nodes, values, strict=True)}
    p = _proportions(simple)
    scores = {}
    for i, mine in p.items():
        if not mine:
            continue
        indirect = dict.fromkeys(mine, 0.0)
        for q, p_iq in mine.items():
            for j, p_qj in p[q].items():
                if j in indirect and j != i:
                    indirect[j] += p_iq * p_qj
        scores[i] = sum((mine[j] + indirect[j]) ** 2 for j in mine)
    return scores


def effective_size(graph: nx.Graph, *, weight: str | None = "weight") -> dict:
    """Burt's effective size of every node with at least one tie: contacts less their redundancy.

    ``e(i) = Σ_j (1 − Σ_q p_iq m_jq)`` where ``m_jq`` is j's tie to q over j's strongest tie (as
    :func:`networkx.effective_size` defines it for weighted graphs; equal to ``n − 2t/n`` without weights).
    """
    simple = _simple(graph, weight)
    if 0 < simple.number_of_nodes() <= DENSE_LIMIT and simple.number_of_edges():
        nodes, w, p, adjacent = _dense(simple)
        m = w / w.max(axis=1)[:, None]  # j's tie to q over j's strongest tie
        values = ((1.0 - p @ m.T) * adjacent).sum(axis=1)
        return {node: float(value) for node, value in zip(nodes, values, strict=True)}
    p = _proportions(simple)
    strongest = {node: max((d["weight"] for o, d in simple[node].items() if o != node), default=0.0)
                 for node in simple}
    sizes = {}
    for i, mine in p.items():
        if not mine:
            continue
        redundancy = dict.fromkeys(mine, 0.0)
        for q, p_iq in mine.items():
            for j, data in simple[q].items():
                if j in redundancy and j != i and strongest[j]:
                    redundancy[j] += p_iq * data["weight"] / strongest[j]
        sizes[i] = sum(1.0 - redundancy[j] for j in mine)
    return sizes


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
