"""Centrality of the entities of a network: who is most connected, most between, most referred to.

Each measure takes any projection (a multigraph is first made simple, parallel relations adding to the
weight) and returns ``{node: score}``. :func:`centrality_table` turns scores into rows with a normalised score
(divided by the highest) and a rank (1 the highest; ties share a rank).

=================  ============================================================================================
measure            meaning
=================  ============================================================================================
degree             distinct neighbours / (n - 1)
weighted_degree    sum of edge weights (number of relations, or partnership weight)
betweenness        share of shortest paths through the node (hops; exact up to 5,000 nodes, sampled above)
closeness          inverse mean distance in hops to the nodes it reaches (Wasserman–Faust for parts)
eigenvector        weighted eigenvector centrality (unit Euclidean norm)
pagerank           weighted PageRank, damping 0.85
=================  ============================================================================================

>>> import networkx as nx
>>> star = nx.star_graph(3)
>>> betweenness(star)[0], degree(star)[1]
(1.0, 0.3333333333333333)
>>> rows = centrality_table(star, ["pagerank"])
>>> [(r["node"], r["rank"]) for r in rows][:2]
[(0, 1), (1, 2)]
"""

from __future__ import annotations

import math
import random
import warnings

import networkx as nx

from ..errors import UsageError
from .backend import EXACT_BETWEENNESS_LIMIT, choose_backend, simple_graph, to_igraph

__all__ = [
    "degree",
    "weighted_degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "centrality",
    "centrality_table",
    "rank_scores",
    "CENTRALITY_MEASURES",
    "BETWEENNESS_SAMPLE",
]

#: Sources sampled for betweenness above :data:`~graph.analysis.backend.EXACT_BETWEENNESS_LIMIT` nodes.
BETWEENNESS_SAMPLE = 500


def _simple(graph: nx.Graph, weight: str | None = "weight") -> nx.Graph:
    # always a fresh simple graph: parallel relations summed, a missing weight counted as 1
    return simple_graph(graph, weight)


def degree(graph: nx.Graph) -> dict:
    """Degree centrality: distinct neighbours over ``n - 1``."""
    simple = _simple(graph)
    if simple.number_of_nodes() <= 1:
        return {node: 0.0 for node in simple}
    return nx.degree_centrality(simple)


def weighted_degree(graph: nx.Graph, weight: str = "weight") -> dict:
    """Strength: the sum of the weights of a node's edges (parallel relations each count)."""
    return {node: float(value) for node, value in _simple(graph, weight).degree(weight="weight")}


def betweenness(graph: nx.Graph, *, backend: str = "auto", sample: int | None = None, seed: int = 42) -> dict:
    """Normalised betweenness centrality on hops (weights are strengths, not distances, so they are ignored).

    Exact up to :data:`~graph.analysis.backend.EXACT_BETWEENNESS_LIMIT` nodes. Above, or when ``sample`` is
    given, it is estimated from ``sample`` (default :data:`BETWEENNESS_SAMPLE`) source nodes drawn with
    ``seed`` (Brandes and Pich, 2007): the paths from those sources, scaled by ``n / sample``.
    """
    simple = _simple(graph)
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    if sample is None and n > EXACT_BETWEENNESS_LIMIT:
        sample = BETWEENNESS_SAMPLE
    if sample is not None and sample >= n:
        sample = None
    if choose_backend(simple, backend) == "networkx":
        return nx.betweenness_centrality(simple, k=sample, normalized=True, weight=None, seed=seed)
    converted, nodes = to_igraph(simple)
    if sample is None:
        raw = converted.betweenness(directed=False)
        scale = 1.0
    else:
        sources = sorted(random.Random(seed).sample(range(n), sample))
        raw = converted.betweenness(directed=False, sources=sources, targets=None)
        # igraph counts a pair once per sampled end, so n / sample scales the sum to the whole graph's
        scale = n / sample
    norm = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {node: value * scale * norm for node, value in zip(nodes, raw, strict=True)}


def closeness(graph: nx.Graph, *, backend: str = "auto") -> dict:
    """Closeness centrality in hops, scaled by the share of nodes reached (Wasserman and Faust), as
    :func:`networkx.closeness_centrality` with ``wf_improved=True``; igraph's breadth-first searches (in C)
    above the size threshold. Always exact: one search per node, O(n m) — minutes from a few tens of thousands
    of nodes, which is why :func:`graph.analysis.analyse` leaves it out there."""
    simple = _simple(graph)
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    if choose_backend(simple, backend) == "networkx":
        return {node: float(value) for node, value in nx.closeness_centrality(simple, wf_improved=True).items()}
    converted, nodes = to_igraph(simple)
    membership = converted.connected_components().membership
    sizes: dict[int, int] = {}
    for part in membership:
        sizes[part] = sizes.get(part, 0) + 1
    values = converted.closeness(normalized=True)  # (reached - 1) / total distance, over the nodes reached
    scores = {}
    for node, value, part in zip(nodes, values, membership, strict=True):
        reached = sizes[part]
        scores[node] = 0.0 if reached <= 1 or n <= 1 or math.isnan(value) else value * (reached - 1) / (n - 1)
    return scores


def eigenvector(graph: nx.Graph, *, weight: str = "weight", backend: str = "auto") -> dict:
    """Weighted eigenvector centrality, scaled to unit Euclidean norm (as networkx does)."""
    simple = _simple(graph, weight)
    if simple.number_of_nodes() == 0:
        return {}
    if simple.number_of_edges() == 0:
        value = 1.0 / math.sqrt(simple.number_of_nodes())
        return {node: value for node in simple}
    if choose_backend(simple, backend) == "networkx":
        try:
            return nx.eigenvector_centrality(simple, weight="weight", max_iter=2000, tol=1e-9)
        except nx.PowerIterationFailedConvergence:
            pass  # igraph's ARPACK solver below
    converted, nodes = to_igraph(simple)
    with warnings.catch_warnings():  # igraph warns on disconnected graphs; networkx's answer is the same
        warnings.simplefilter("ignore", RuntimeWarning)
        values = converted.eigenvector_centrality(weights="weight")
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return {node: value / norm for node, value in zip(nodes, values, strict=True)}


def pagerank(graph: nx.Graph, *, weight: str = "weight", alpha: float = 0.85, backend: str = "auto",
             tol: float = 1e-12, max_iter: int = 1000) -> dict:
    """Weighted PageRank (damping ``alpha``; a node without edges spreads its rank evenly, as in networkx).

    The networkx path is a power iteration written out here (networkx's own needs SciPy, which we do not
    install); igraph's PRPACK solves the same system exactly.
    """
    simple = _simple(graph, weight)
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    if choose_backend(simple, backend) == "igraph":
        converted, nodes = to_igraph(simple)
        values = converted.pagerank(directed=False, damping=alpha, weights="weight")
        return dict(zip(nodes, values, strict=True))
    nodes = sorted(simple.nodes, key=str)
    strength = {node: sum(d["weight"] for d in simple[node].values()) for node in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        previous = rank
        dangling = alpha * sum(previous[node] for node in nodes if strength[node] == 0) / n
        rank = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for node in nodes:
            if strength[node]:
                share = alpha * previous[node] / strength[node]
                for neighbour, data in simple[node].items():
                    rank[neighbour] += share * data["weight"]
        if sum(abs(rank[node] - previous[node]) for node in nodes) < n * tol:
            break
    total = sum(rank.values())
    return {node: value / total for node, value in rank.items()}


#: The centrality measures by name.
CENTRALITY_MEASURES = {
    "degree": degree,
    "weighted_degree": weighted_degree,
    "betweenness": betweenness,
    "closeness": closeness,
    "eigenvector": eigenvector,
    "pagerank": pagerank,
}


def centrality(graph: nx.Graph, measure: str, **options) -> dict:
    """The scores of one centrality measure by name (see :data:`CENTRALITY_MEASURES`)."""
    try:
        function = CENTRALITY_MEASURES[measure]
    except KeyError:
        raise UsageError(f"unknown measure {measure!r}: use one of {', '.join(CENTRALITY_MEASURES)}") from None
    return function(graph, **options)


def rank_scores(scores: dict, *, reverse: bool = True, digits: int = 12) -> list[tuple]:
    """``(node, score, rank)`` sorted best first (highest, or lowest with ``reverse=False``); ties (equal to
    ``digits`` places) share the better rank and are ordered by node."""
    rounded = {node: round(float(value), digits) for node, value in scores.items() if not math.isnan(value)}
    ordered = sorted(rounded, key=lambda node: (-rounded[node] if reverse else rounded[node], str(node)))
    ranked = []
    for position, node in enumerate(ordered, start=1):
        if ranked and rounded[node] == ranked[-1][1]:
            ranked.append((node, rounded[node], ranked[-1][2]))
        else:
            ranked.append((node, rounded[node], position))
    return ranked


def centrality_table(graph: nx.Graph, measures=("pagerank", "betweenness", "degree"), *, top: int | None = None,
                     backend: str = "auto") -> list[dict]:
    """Rows ``node, label, kind, measure, score, normalised, rank`` for each measure, best first.

    ``normalised`` is the score over the highest score of that measure (1.0 for the top node); ``top`` keeps
    the first ``top`` rows of each measure.
    """
    rows: list[dict] = []
    for measure in measures:
        options = {"backend": backend} if measure in ("betweenness", "closeness", "eigenvector", "pagerank") else {}
        scores = centrality(graph, measure, **options)
        best = max(scores.values(), default=0.0)
        for node, score, rank in rank_scores(scores)[:top]:
            attrs = graph.nodes[node]
            rows.append({"node": node, "label": attrs.get("label", str(node)), "kind": attrs.get("kind", ""),
                         "measure": measure, "score": score,
                         "normalised": round(score / best, 12) if best else 0.0, "rank": rank})
    return rows
