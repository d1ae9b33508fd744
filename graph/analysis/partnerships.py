"""Partnerships: the strongest ties with their evidence, and likely next partners with their reasons.

Recommendations score organisations that are not yet tied to ``organisation`` by the neighbours they share
with it (link prediction): **Adamic–Adar** (shared neighbours weighted by 1 / log of their degree),
**resource allocation** (by 1 / degree) and **Jaccard** (shared over all neighbours). Each recommendation
lists the shared neighbours that justify it.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b"), ("a", "c"), ("d", "b"), ("d", "c"), ("e", "c")])
>>> [(r["node"], r["shared"]) for r in recommend_partners(g, "a")]
[('d', ['b', 'c']), ('e', ['c'])]
"""

from __future__ import annotations

import heapq
import math

import networkx as nx

from ..errors import UnknownEntityError, UsageError
from .backend import paused_gc, simple_graph

__all__ = ["strongest_ties", "recommend_partners", "LINK_PREDICTORS"]

LINK_PREDICTORS = ("adamic_adar", "resource_allocation", "jaccard")


def strongest_ties(graph: nx.Graph, *, top: int | None = 10, node=None) -> list[dict]:
    """The heaviest edges, heaviest first (ties by label): ``u, v, u_label, v_label, weight, relations,
    evidence, sources``. With ``node``, only that node's ties."""
    with paused_gc():
        simple = graph
        if graph.is_multigraph():
            simple = simple_graph(graph)
        edges = list(simple.edges(node, data=True) if node is not None else simple.edges(data=True))
        labels = {n: d.get("label", str(n)) for n, d in simple.nodes(data=True)}
        ends = [((u, v) if str(u) <= str(v) else (v, u)) if node is None else (u, v) for u, v, _ in edges]
        weights = [round(float(data.get("weight", 1.0)), 12) for _, _, data in edges]
        # ranked on small keys first — labels by their rank in label order, the position keeping equal ties in
        # edge order as a stable sort would — and rows made for the ties kept only
        order = {label: rank for rank, label in enumerate(sorted(set(labels.values())))}
        keys = [(-weight, order[labels[u]], order[labels[v]], position)
                for position, ((u, v), weight) in enumerate(zip(ends, weights, strict=True))]
        chosen = heapq.nsmallest(top, keys) if top is not None and top >= 0 else sorted(keys)[:top]
        rows = []
        for *_, position in chosen:
            (u, v), data = ends[position], edges[position][2]
            rows.append({
                "u": u, "v": v, "u_label": labels[u], "v_label": labels[v], "weight": weights[position],
                "relations": list(data.get("relations", [])),
                "evidence": list(data.get("evidence", [])),
                "sources": list(data.get("sources", [])),
            })
        return rows


def recommend_partners(graph: nx.Graph, organisation, *, method: str = "adamic_adar",
                       top: int | None = 10) -> list[dict]:
    """Likely next partners of ``organisation``: nodes it shares neighbours with but no tie yet.

    Parameters
    ----------
    graph : networkx graph
        Usually :func:`graph.partnership_network`.
    organisation : node
        The node to recommend partners for.
    method : {"adamic_adar", "resource_allocation", "jaccard"}
        The score that ranks the candidates; every row carries all three.
    top : int, optional
        How many to return.

    Returns
    -------
    list of dict
        ``node, label, kind, adamic_adar, resource_allocation, jaccard, shared`` (the shared neighbours,
        sorted), ``shared_labels``, ``rank``; best first, ties by label.
    """
    if method not in LINK_PREDICTORS:
        raise UsageError(f"unknown method {method!r}: use one of {', '.join(LINK_PREDICTORS)}")
    simple = simple_graph(graph) if graph.is_multigraph() or graph.is_directed() else graph
    if organisation not in simple:
        name = simple.graph.get("name")
        raise UnknownEntityError(f"{organisation} is not in the {name + ' ' if name else ''}network")
    neighbours = set(simple[organisation])
    candidates = sorted({m for n in neighbours for m in simple[n]} - neighbours - {organisation}, key=str)
    rows = []
    for candidate in candidates:
        theirs = set(simple[candidate])
        shared = sorted(neighbours & theirs, key=str)
        union = neighbours | theirs
        degrees = {n: simple.degree(n) for n in shared}
        rows.append({
            "node": candidate,
            "label": simple.nodes[candidate].get("label", str(candidate)),
            "kind": simple.nodes[candidate].get("kind", ""),
            "adamic_adar": round(sum(1 / math.log(degrees[n]) for n in shared if degrees[n] > 1), 12),
            "resource_allocation": round(sum(1 / degrees[n] for n in shared), 12),
            "jaccard": round(len(shared) / len(union), 12) if union else 0.0,
            "shared": shared,
            "shared_labels": [simple.nodes[n].get("label", str(n)) for n in shared],
        })
    rows.sort(key=lambda r: (-r[method], r["label"], str(r["node"])))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows[:top] if top is not None else rows
