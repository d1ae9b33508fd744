"""Node positions computed before the page is written, so big views draw at once with physics off.

Fruchterman–Reingold on a grid (igraph, in C): about 0.2 s for 10,000 nodes. A private random generator
with a fixed seed makes the positions, and so the HTML, the same on every run.

>>> import networkx as nx
>>> pos = positions(nx.path_graph(3))
>>> sorted(pos) == [0, 1, 2], pos == positions(nx.path_graph(3))
(True, True)
>>> positions(nx.Graph())
{}
"""

from __future__ import annotations

import math
import random

import networkx as nx

__all__ = ["positions"]


def positions(graph: nx.Graph, *, seed: int = 42, spacing: float = 60.0, iterations: int = 100) -> dict:
    """Positions ``{node: (x, y)}`` in page pixels for every node of ``graph``.

    Parameters
    ----------
    graph : networkx graph (any kind; parallel edges and directions are ignored)
    seed : int
        Seed of the layout's random start, for identical output on every run.
    spacing : float
        Roughly the distance between neighbouring nodes, in pixels.
    iterations : int
        Fruchterman–Reingold iterations.
    """
    import igraph as ig

    nodes = sorted(graph.nodes, key=str)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v})
    g = ig.Graph(n=len(nodes), edges=edges)
    previous = random
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = g.layout_fruchterman_reingold(niter=iterations, grid=len(nodes) > 1000).coords
    finally:
        ig.set_random_number_generator(previous)
    xs = [c[0] for c in coords]
    ys = [c[1] for c in coords]
    width = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = spacing * math.sqrt(len(nodes)) * 1.5 / width
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((x - cx) * scale, 1), round((y - cy) * scale, 1))
            for node, (x, y) in zip(nodes, coords, strict=True)}
