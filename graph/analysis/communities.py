"""Communities: groups of entities more tied to each other than to the rest (Louvain, fixed seed).

>>> import networkx as nx
>>> g = nx.barbell_graph(4, 0)      # two 4-cliques joined by one edge
>>> partition = communities(g)
>>> [sorted(c) for c in partition], round(partition.modularity, 4)
([[0, 1, 2, 3], [4, 5, 6, 7]], 0.4231)
"""

from __future__ import annotations

import random
from collections import Counter

import networkx as nx

from .backend import choose_backend, simple_graph, to_igraph

__all__ = ["Partition", "communities", "summarise_communities", "multilevel"]


class Partition(list):
    """A list of communities (sets of nodes), largest first, with the partition's ``modularity``."""

    def __init__(self, parts, modularity: float, seed: int, resolution: float):
        super().__init__(parts)
        self.modularity = modularity
        self.seed = seed
        self.resolution = resolution

    def membership(self) -> dict:
        """``{node: community index}`` (0 is the largest community)."""
        return {node: i for i, part in enumerate(self) for node in part}


def communities(graph: nx.Graph, *, seed: int = 42, resolution: float = 1.0, weight: str = "weight",
                backend: str = "auto") -> Partition:
    """Louvain communities with a fixed ``seed``, largest first (ties by their smallest node).

    Parameters
    ----------
    graph : networkx graph
        Any projection; parallel edges add to the weight.
    seed : int
        The random seed: the same graph and seed give the same communities every run.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    backend : {"auto", "networkx", "igraph"}
        igraph's multilevel algorithm (seeded the same way) for graphs above the size threshold.

    Returns
    -------
    Partition
        Sets of nodes, with ``modularity`` (of the weighted graph at this resolution).
    """
    simple = simple_graph(graph, weight)
    if simple.number_of_nodes() == 0:
        return Partition([], 0.0, seed, resolution)
    quality = None
    if simple.number_of_edges() == 0:
        parts = [{node} for node in simple]
    elif choose_backend(simple, backend) == "networkx":
        parts = [set(c) for c in nx.community.louvain_communities(simple, weight="weight", resolution=resolution,
                                                                   seed=seed)]
    else:
        converted, nodes = to_igraph(simple)
        found = multilevel(converted, seed=seed, resolution=resolution)
        parts = [{nodes[i] for i in members} for members in found]
        # the same Newman modularity networkx computes (tested equal), in C
        quality = converted.modularity(found.membership, weights="weight", resolution=resolution)
    parts = sorted(parts, key=lambda c: (-len(c), min(str(n) for n in c)))
    if quality is None:
        quality = nx.community.modularity(simple, parts, weight="weight", resolution=resolution) \
            if simple.number_of_edges() else 0.0
    return Partition(parts, float(quality), seed, resolution)


def multilevel(converted, *, seed: int = 42, resolution: float = 1.0):
    """igraph's Louvain (``community_multilevel``) on an igraph graph with a ``weight`` edge attribute, seeded:
    igraph draws from Python's random module, seeded with ``seed`` for the call (and put back after).

    >>> import igraph as ig
    >>> g = ig.Graph(n=4, edges=[(0, 1), (2, 3)]); g.es["weight"] = [1.0, 1.0]
    >>> multilevel(g).membership
    [0, 0, 1, 1]
    """
    import igraph as ig

    state = random.getstate()
    ig.set_random_number_generator(random)
    random.seed(seed)
    try:
        return converted.community_multilevel(weights="weight", resolution=resolution)
    finally:
        random.setstate(state)


def summarise_communities(graph: nx.Graph, partition: list, *, places: dict | None = None,
                          top: int = 5) -> list[dict]:
    """One row per community: its size, its members' classes and places, and its best-connected members.

    ``places`` maps a node to the labels of the places it is tied to (for example from
    :func:`graph.organisation_place_network`); without it, the places are the place nodes of the community.
    """
    from .projections import PLACE_KINDS

    simple = simple_graph(graph)
    rows = []
    for index, part in enumerate(partition):
        kinds = Counter(simple.nodes[n].get("kind", "") for n in part)
        found: Counter = Counter()
        for node in part:
            if places is not None:
                found.update(places.get(node, []))
            elif simple.nodes[node].get("kind") in PLACE_KINDS:
                found[simple.nodes[node].get("label", str(node))] += 1
        strength = {n: sum(d["weight"] for m, d in simple[n].items() if m in part) for n in part}
        leaders = sorted(part, key=lambda n: (-strength[n], str(simple.nodes[n].get("label", n))))[:top]
        rows.append({
            "community": index + 1,
            "size": len(part),
            "kinds": dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
            "places": dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))),
            "leading_members": [simple.nodes[n].get("label", str(n)) for n in leaders],
            "members": sorted(part, key=str),
        })
    return rows
