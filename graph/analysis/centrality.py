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
from .backend import EXACT_BETWEENNESS_LIMIT, both_halves, choose_backend, paused_gc, simple_graph, to_igraph

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
    "EXACT_CLOSENESS_LIMIT",
    "CLOSENESS_SAMPLE",
    "estimated_measures",
]

#: Sources sampled for betweenness above :data:`~graph.analysis.backend.EXACT_BETWEENNESS_LIMIT` nodes.
BETWEENNESS_SAMPLE = 500
#: Up to this many nodes closeness is exact; above, it is estimated from pivots (as betweenness, and for the
#: same reason: one breadth-first search per node).
EXACT_CLOSENESS_LIMIT = EXACT_BETWEENNESS_LIMIT
#: Pivots drawn in each part of more than this many nodes for closeness above :data:`EXACT_CLOSENESS_LIMIT`.
CLOSENESS_SAMPLE = 500


def degree(graph: nx.Graph) -> dict:
    """Degree centrality: distinct neighbours over ``n - 1``."""
    simple = simple_graph(graph)
    if simple.number_of_nodes() <= 1:
        return {node: 0.0 for node in simple}
    return nx.degree_centrality(simple)


def weighted_degree(graph: nx.Graph, weight: str = "weight") -> dict:
    """Strength: the sum of the weights of a node's edges (parallel relations each count)."""
    return {node: float(value) for node, value in simple_graph(graph, weight).degree(weight="weight")}


def betweenness(graph: nx.Graph, *, backend: str = "auto", sample: int | None = None, seed: int = 42) -> dict:
    """Normalised betweenness centrality on hops (weights are strengths, not distances, so they are ignored).

    Exact up to :data:`~graph.analysis.backend.EXACT_BETWEENNESS_LIMIT` nodes. Above, or when ``sample`` is
    given, it is estimated from ``sample`` (default :data:`BETWEENNESS_SAMPLE`) source nodes drawn with
    ``seed`` (Brandes and Pich, 2007): the paths from those sources, scaled by ``n / sample``.
    """
    simple = simple_graph(graph)
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
        # the paths from each half of the sources, on both cores; their sum is the sample's
        halves = both_halves(lambda part: converted.betweenness(directed=False, sources=part, targets=None),
                             (sources[:sample // 2], sources[sample // 2:]))
        raw = [a + b for a, b in zip(*halves, strict=True)]
        # igraph counts a pair once per sampled end, so n / sample scales the sum to the whole graph's
        scale = n / sample
    norm = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {node: value * scale * norm for node, value in zip(nodes, raw, strict=True)}


def closeness(graph: nx.Graph, *, backend: str = "auto", sample: int | None = None, seed: int = 42) -> dict:
    """Closeness centrality in hops, scaled by the share of nodes reached (Wasserman and Faust), as
    :func:`networkx.closeness_centrality` with ``wf_improved=True``; igraph's breadth-first searches (in C)
    above the size threshold.

    Exact up to :data:`EXACT_CLOSENESS_LIMIT` nodes (one search per node, O(n m)). Above, or when ``sample``
    is given, a part of the network with more than ``sample`` (default :data:`CLOSENESS_SAMPLE`) nodes has
    its distances estimated from that many pivots drawn in it with ``seed`` (Eppstein and Wang, 2004): a node's
    total distance to the part is the sum of its distances to the pivots scaled by ``size / pivots``; smaller
    parts stay exact. Both backends draw the same pivots and give the same estimate.
    """
    simple = simple_graph(graph)
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    if sample is None and n > EXACT_CLOSENESS_LIMIT:
        sample = CLOSENESS_SAMPLE
    engine = choose_backend(simple, backend)
    if sample is None or sample >= n:
        if engine == "networkx":
            return {node: float(value) for node, value in nx.closeness_centrality(simple, wf_improved=True).items()}
        converted, nodes = to_igraph(simple)
        return _igraph_closeness(converted, nodes, range(len(nodes)), n)
    return _estimated_closeness(simple, engine, sample, seed)


def _igraph_closeness(converted, nodes, vertices, n: int) -> dict:
    """Exact closeness (Wasserman–Faust) of some vertices, with igraph."""
    vertices = list(vertices)
    components = converted.connected_components()
    sizes, membership = components.sizes(), components.membership
    values = converted.closeness(vertices=vertices, normalized=True)  # (reached - 1) / total distance
    scores = {}
    for vertex, value in zip(vertices, values, strict=True):
        reached = sizes[membership[vertex]]
        scores[nodes[vertex]] = 0.0 if reached <= 1 or n <= 1 or math.isnan(value) \
            else value * (reached - 1) / (n - 1)
    return scores


def _estimated_closeness(simple: nx.Graph, engine: str, sample: int, seed: int) -> dict:
    """Closeness from ``sample`` pivots in each part larger than ``sample``; exact in the smaller parts."""
    n = simple.number_of_nodes()
    nodes = sorted(simple.nodes, key=str)
    index = {node: i for i, node in enumerate(nodes)}
    parts = sorted((sorted(index[v] for v in part) for part in nx.connected_components(simple)),
                   key=lambda part: part[0])
    small = [v for part in parts if len(part) <= sample for v in part]
    scores: dict = {}
    if small and engine == "igraph":
        converted, _ = to_igraph(simple)
        scores = _igraph_closeness(converted, nodes, small, n)
    elif small:
        size = {v: len(part) for part in parts if len(part) <= sample for v in part}
        exact = nx.closeness_centrality(simple.subgraph([nodes[v] for v in small]), wf_improved=False)
        scores = {node: value * (size[index[node]] - 1) / (n - 1) for node, value in exact.items()}
    rng = random.Random(seed)
    for part in (p for p in parts if len(p) > sample):
        pivots = sorted(rng.sample(part, sample))
        size = len(part)
        for vertex, total in zip(part, _distance_sums(simple, engine, index, pivots, part), strict=True):
            estimate = total * size / sample  # the node's total distance to the rest of its part
            scores[nodes[vertex]] = (size - 1) / estimate * (size - 1) / (n - 1) if estimate > 0 else 0.0
    return {node: scores[node] for node in nodes}


#: Pivots whose distances igraph returns at a time (a pivots × part matrix of Python numbers).
_PIVOT_CHUNK = 50


def _distance_sums(simple: nx.Graph, engine: str, index: dict, pivots: list[int], part: list[int]) -> list[float]:
    """For each vertex of ``part`` (vertex indexes, as ``index`` gives them), the sum of its distances in hops
    to the ``pivots``."""
    if engine == "igraph":
        import numpy as np

        converted, _ = to_igraph(simple)

        def sums(some: list[int]):
            totals = np.zeros(len(part))
            for start in range(0, len(some), _PIVOT_CHUNK):
                rows = converted.distances(source=some[start:start + _PIVOT_CHUNK], target=part)
                totals += np.asarray(rows, dtype=np.float64).sum(axis=0)
            return totals

        # whole numbers, so the two halves (on both cores) add up to the same sums in any order
        first, second = both_halves(sums, (pivots[:len(pivots) // 2], pivots[len(pivots) // 2:]))
        return (first + second).tolist()
    nodes = {i: node for node, i in index.items()}
    totals = dict.fromkeys(part, 0)
    for pivot in pivots:
        for node, hops in nx.single_source_shortest_path_length(simple, nodes[pivot]).items():
            totals[index[node]] += hops
    return [float(totals[v]) for v in part]


def eigenvector(graph: nx.Graph, *, weight: str = "weight", backend: str = "auto") -> dict:
    """Weighted eigenvector centrality, scaled to unit Euclidean norm (as networkx does)."""
    simple = simple_graph(graph, weight)
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
    simple = simple_graph(graph, weight)
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


def estimated_measures(n: int, measures) -> dict:
    """Which of ``measures`` are estimated from a sample on a graph of ``n`` nodes (by default; see
    :func:`betweenness` and :func:`closeness`): ``{measure: {"sample": size, "seed": seed}}``."""
    limits = {"betweenness": (EXACT_BETWEENNESS_LIMIT, BETWEENNESS_SAMPLE),
              "closeness": (EXACT_CLOSENESS_LIMIT, CLOSENESS_SAMPLE)}
    return {m: {"sample": limits[m][1], "seed": 42} for m in measures
            if m in limits and n > limits[m][0] and limits[m][1] < n}


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


#: Places of a normalised score (a share of the top score).
NORMALISED_DIGITS = 6


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
                     backend: str = "auto", kinds=None) -> list[dict]:
    """Rows ``node, label, kind, measure, score, normalised, rank`` for each measure, best first.

    ``normalised`` is the score over the highest score of that measure, to :data:`NORMALISED_DIGITS` places
    (exactly 1.0 for the top node); ``top`` keeps the first ``top`` rows of each measure. With ``kinds`` (say
    :data:`~graph.analysis.projections.ACTOR_KINDS`), only nodes of those kinds are ranked and shown; their scores are
    computed on the whole graph, every other node included.

    >>> import networkx as nx
    >>> rows = centrality_table(nx.star_graph(3), ["pagerank"], top=2)
    >>> [(row["node"], row["normalised"]) for row in rows]
    [(0, 1.0), (1, 0.361502)]
    """
    with paused_gc():
        rows: list[dict] = []
        simple = simple_graph(graph)  # once for every measure (and converted to igraph once)
        for measure in measures:
            options = {"backend": backend} if measure in ("betweenness", "closeness", "eigenvector", "pagerank") else {}
            scores = centrality(simple, measure, **options)
            if kinds is not None:
                scores = {n: v for n, v in scores.items() if graph.nodes[n].get("kind") in kinds}
            ranked = rank_scores(scores)
            # over the highest score as ranked, so the top is exactly 1; six places are all a reader can use
            best = ranked[0][1] if ranked else 0.0
            for node, score, rank in ranked[:top]:
                attrs = graph.nodes[node]
                rows.append({"node": node, "label": attrs.get("label", str(node)), "kind": attrs.get("kind", ""),
                             "measure": measure, "score": score,
                             "normalised": round(score / best, NORMALISED_DIGITS) if best > 0 else 0.0,
                             "rank": rank})
        return rows
