"""Precomputed layouts: the same positions for the same graph, and every component visible."""

from __future__ import annotations

import networkx as nx
import numpy as np

from graph.views import positions


def spread(points) -> float:
    """The width of the box around ``points``, along its longer side."""
    points = np.asarray(list(points))
    return float((points.max(axis=0) - points.min(axis=0)).max())


def main_and_isolated(n: int = 1500, isolated: int = 300) -> nx.Graph:
    g = nx.connected_watts_strogatz_graph(n, 4, 0.1, seed=1)
    g.add_nodes_from(range(n, n + isolated))
    return g


def test_isolated_nodes_are_packed_beside_the_main_component_not_flung_away():
    """Above 1,000 nodes (grid layout) isolated nodes drifted to the edges and the main component
    showed as a dot in the middle."""
    g = main_and_isolated()
    pos = positions(g)
    main = [pos[n] for n in range(1500)]
    assert spread(main) > 0.6 * spread(pos.values())


def test_components_do_not_overlap():
    g = nx.disjoint_union_all([nx.cycle_graph(30), nx.star_graph(20), nx.path_graph(5)])
    pos = positions(g)
    boxes = []
    for component in nx.connected_components(g):
        xy = np.asarray([pos[n] for n in component])
        boxes.append((xy.min(axis=0), xy.max(axis=0)))
    for i, (low_a, high_a) in enumerate(boxes):
        for low_b, high_b in boxes[i + 1:]:
            assert (high_a < low_b).any() or (high_b < low_a).any()  # apart along x or y


def test_positions_do_not_depend_on_the_order_the_graph_was_built_in():
    g = main_and_isolated(120, 10)
    reverse = nx.Graph()
    reverse.add_nodes_from(reversed(list(g.nodes)))
    reverse.add_edges_from((v, u) for u, v in reversed(list(g.edges)))
    assert positions(g) == positions(reverse)


def test_neighbours_are_drawn_apart():
    pos = positions(nx.complete_graph(4))
    xy = np.asarray(list(pos.values()))
    gaps = [np.hypot(*(a - b)) for i, a in enumerate(xy) for b in xy[i + 1:]]
    assert min(gaps) > 30  # about `spacing` (60 px), never on top of each other
