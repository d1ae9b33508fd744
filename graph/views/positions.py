"""Node positions computed before the page is written, so big views draw at once with physics off.

Fruchterman–Reingold (igraph, in C; on a grid above 1,000 nodes) lays out the whole graph: about 0.2 s for
10,000 nodes. Then each connected component is scaled to an area that grows with its number of nodes
(about ``1.5 * spacing`` pixels between neighbouring nodes) and the components are packed side by side,
largest first, in rows (as graph-tool's ``pack_layout`` does): on its own, the layout pushes isolated nodes
and small components far out, and a page fitted to all of them shows the main component as a dot.

A private random generator with a fixed seed makes the positions, and so the HTML, the same on every run;
nodes are ordered by name and edges by their ends first, so the order the graph was built in does not
matter.

>>> import networkx as nx
>>> pos = positions(nx.path_graph(3))
>>> sorted(pos) == [0, 1, 2], pos == positions(nx.path_graph(3))
(True, True)
>>> positions(nx.Graph())
{}
>>> two = positions(nx.Graph([("a", "b"), ("c", "d")]), spacing=50)  # two components, 50 px apart
>>> {two["a"][0], two["b"][0]}, {two["c"][0], two["d"][0]}
({-25.0}, {25.0})
"""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np

from ..analysis.backend import paused_gc

__all__ = ["positions"]

#: Components of at least this many nodes are scaled by where most of their nodes are (see :func:`_packed`).
_ROBUST_FROM = 100


@paused_gc()
def positions(graph: nx.Graph, *, seed: int = 42, spacing: float = 60.0, iterations: int | None = None) -> dict:
    """Positions ``{node: (x, y)}`` in page pixels for every node of ``graph``.

    Parameters
    ----------
    graph : networkx graph (any kind; parallel edges and directions are ignored)
    seed : int
        Seed of the layout's random start, for identical output on every run.
    spacing : float
        Roughly the distance between neighbouring nodes, in pixels (and the gap between components).
    iterations : int, optional
        Fruchterman–Reingold iterations (default 100; 50 above 5,000 nodes, to stay fast).
    """
    import igraph as ig

    nodes = sorted(graph.nodes, key=str)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.fromiter((index[end] for edge in graph.edges() for end in edge), dtype=np.int64,
                       count=2 * graph.number_of_edges()).reshape(-1, 2)
    ends = np.sort(ends, axis=1)  # each edge once, whatever its direction or multiplicity
    ends = np.unique(ends[ends[:, 0] != ends[:, 1]], axis=0)  # no loops; sorted rows
    g = ig.Graph(n=len(nodes), edges=ends.tolist())
    if iterations is None:
        iterations = 100 if len(nodes) <= 5000 else 50
    previous = random
    ig.set_random_number_generator(random.Random(seed))
    try:
        # grid FR for big graphs: near-linear, about 0.2 s for 10,000 nodes
        coords = g.layout_fruchterman_reingold(niter=iterations, grid=len(nodes) > 1000).coords
    finally:
        ig.set_random_number_generator(previous)
    xy = np.asarray(coords, dtype=float).reshape(len(nodes), 2)
    xy = _packed(xy, np.asarray(g.connected_components().membership), spacing=spacing)
    xy = np.round(xy, 1) + 0.0  # + 0.0 turns -0.0 into 0.0
    return dict(zip(nodes, map(tuple, xy.tolist()), strict=True))


def _packed(xy: np.ndarray, membership: np.ndarray, *, spacing: float) -> np.ndarray:
    """``xy`` with each component scaled to about ``1.5 * spacing * sqrt(its size)`` pixels across and moved
    into rows, largest component first, ``spacing`` apart, the whole centred on the origin."""
    count = int(membership.max()) + 1
    sizes = np.bincount(membership, minlength=count)
    low = np.full((count, 2), np.inf)
    high = np.full((count, 2), -np.inf)
    np.minimum.at(low, membership, xy)
    np.maximum.at(high, membership, xy)
    widest = (high - low).max(axis=1)
    for c in np.flatnonzero(sizes >= _ROBUST_FROM):
        # a few nodes flung far out would set the scale of the whole component: scale by the box that
        # holds 98% of its nodes
        box = np.percentile(xy[membership == c], [1, 99], axis=0)
        widest[c] = (box[1] - box[0]).max()
    scale = 1.5 * spacing * np.sqrt(sizes) / np.where(widest > 0, widest, np.inf)  # a lone node: 0
    xy = (xy - low[membership]) * scale[membership, None]  # each component from (0, 0)
    extent = (high - low) * scale[:, None]
    # largest first; among equals, in the order of their first node (components are numbered that way)
    order = sorted(range(count), key=lambda c: -sizes[c])
    # rows about as wide as the packed area is high, and never narrower than the largest component
    area = float(((extent[:, 0] + spacing) * (extent[:, 1] + spacing)).sum())
    row_width = max(math.sqrt(area), float(extent[order[0], 0]) + spacing)
    offsets = np.zeros((count, 2))
    x = y = row_height = 0.0
    for c in order:
        width, height = float(extent[c, 0]), float(extent[c, 1])
        if x > 0 and x + width > row_width:  # start a new row
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        offsets[c] = (x, y)
        x += width + spacing
        row_height = max(row_height, height)
    placed = xy + offsets[membership]
    return placed - (placed.min(axis=0) + placed.max(axis=0)) / 2
