"""Where the heavy measures run: networkx for small graphs, igraph (C) above a size threshold.

networkx stays the model and the API: every measure takes and returns networkx things. Betweenness, closeness,
eigenvector, PageRank and Louvain hand the work to igraph when a graph's nodes and edges together number
more than :data:`IGRAPH_THRESHOLD` (or when asked with ``backend="igraph"``); the tests check that both
backends agree on small graphs. Big structures (projections, tables, views) are built with the cyclic
garbage collector paused (:func:`paused_gc`), and the sampled measures split their work with a forked child
(:func:`both_halves`).

>>> import networkx as nx
>>> g = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c")])
>>> sorted(simple_graph(g).edges(data="weight"))
[('a', 'b', 2.0), ('b', 'c', 1.0)]
>>> choose_backend(g, "auto")
'networkx'
>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import weakref
from contextlib import contextmanager

import networkx as nx

from ..errors import UsageError

__all__ = ["IGRAPH_THRESHOLD", "EXACT_BETWEENNESS_LIMIT", "BACKENDS", "paused_gc", "simple_graph", "choose_backend",
           "to_igraph", "both_halves"]

# igraph computes PageRank (PRPACK) on OpenMP threads. With libgomp's default of spinning while it waits, a
# thread kept waiting for a busy core makes every call cost about 0.6 s whatever the graph (measured on a
# shared 2-core machine: 0.63 s against 1.5 ms for 813 nodes); waiting passively has no such cost. libgomp reads
# this when igraph is first imported, which is always after this module (a user's own setting is kept).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

#: Above this many nodes plus edges, ``backend="auto"`` runs betweenness, closeness, eigenvector, PageRank and
#: Louvain in igraph (networkx's betweenness takes about a second at 1,000 nodes and edges of a dense graph,
#: igraph's a few milliseconds).
IGRAPH_THRESHOLD = 1_000
#: Up to this many nodes betweenness is exact; above, it is estimated from a seeded sample of sources.
EXACT_BETWEENNESS_LIMIT = 5_000
BACKENDS = ("auto", "networkx", "igraph")
#: Graph attribute marking a graph made by :func:`simple_graph` (so measures on it need not copy it again).
SIMPLE_FLAG = "simple_weighted"


@contextmanager
def paused_gc():
    """Pause CPython's cyclic garbage collector for the block (or, as a decorator, the call); nests safely.

    The collector runs every few hundred new containers and rescans the older generations again and again,
    together with everything already built: that took half of the time to write a 10,000-node page and tripled
    the time of building a partnership network of 1.4 million ties. What the projections, the analysis and the
    views build holds no reference cycles, so nothing is lost by collecting once, afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def simple_graph(graph: nx.Graph, weight: str | None = "weight") -> nx.Graph:
    """An undirected simple graph with one edge per pair and the pair's weights summed.

    Parallel edges (one per relation in the entity network) add up; an edge without ``weight`` counts 1;
    self-loops are dropped. Nodes keep their attributes and are added in sorted order, so everything computed
    from the result is deterministic. A graph this function made is returned as it is (do not add edges to it).
    """
    if graph.graph.get(SIMPLE_FLAG) and weight == "weight":
        return graph  # already made by this function: nothing to merge
    with paused_gc():
        simple = nx.Graph(name=graph.graph.get("name"), **{SIMPLE_FLAG: True})
        simple.add_nodes_from((node, graph.nodes[node]) for node in sorted(graph.nodes, key=str))
        if not graph.is_multigraph() and not graph.is_directed():  # one edge per pair already: copy the weights
            simple.add_edges_from((u, v, {"weight": float(data.get(weight, 1.0)) if weight else 1.0})
                                  for u, v, data in graph.edges(data=True) if u != v)
            return simple
        # summed in a dict first and added in one go (pairs in the order first met, weights in edge order)
        pairs: dict[tuple, float] = {}
        for u, v, data in graph.edges(data=True):
            if u == v:
                continue
            value = float(data.get(weight, 1.0)) if weight else 1.0
            if (u, v) in pairs:
                pairs[(u, v)] += value
            elif (v, u) in pairs:
                pairs[(v, u)] += value
            else:
                pairs[(u, v)] = value
        simple.add_edges_from((u, v, {"weight": value}) for (u, v), value in pairs.items())
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
    networkx node of each igraph vertex index.

    The conversion of a graph made by :func:`simple_graph` is kept while that graph lives, so the measures of
    one analysis convert it once (do not change the igraph graph returned).
    """
    import igraph as ig

    simple = graph if not graph.is_multigraph() and not graph.is_directed() else simple_graph(graph)
    size = (simple.number_of_nodes(), simple.number_of_edges())
    cached = _CONVERTED.get(simple) if simple.graph.get(SIMPLE_FLAG) else None
    if cached is not None and cached[0] == size:
        return cached[1], cached[2]
    nodes = sorted(simple.nodes, key=str)
    index = {node: i for i, node in enumerate(nodes)}
    edges, weights = [], []
    for u, v, data in simple.edges(data=True):
        if u != v:
            edges.append((index[u], index[v]))
            weights.append(float(data.get("weight", 1.0)))
    converted = ig.Graph(n=len(nodes), edges=edges, directed=False)
    converted.es["weight"] = weights
    if simple.graph.get(SIMPLE_FLAG):
        _CONVERTED[simple] = (size, converted, nodes)
    return converted, nodes


#: Simple graph → (its size, its igraph conversion, the node of each vertex): see :func:`to_igraph`.
_CONVERTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def both_halves(work, halves: tuple):
    """``[work(halves[0]), work(halves[1])]``, the second computed in a forked child process at the same time
    as the first here, where the system can fork (Linux, macOS); else one after the other.

    For the sampled measures on big graphs, whose sources split in two: the caller adds the two results in
    this order either way, so the figures do not depend on whether the child ran. The child only computes
    (igraph, numpy) and hands its result back pickled through a pipe; if it fails, the second half is
    computed here.
    """
    first, second = halves
    if not hasattr(os, "fork"):
        return [work(first), work(second)]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, leave without running the parent's exit handlers
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(pickle.dumps(work(second), protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    try:
        mine = work(first)
    except BaseException:
        os.close(read)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    with os.fdopen(read, "rb") as pipe:
        sent = pipe.read()
    _, status = os.waitpid(pid, 0)
    theirs = pickle.loads(sent) if status == 0 and sent else work(second)
    return [mine, theirs]
