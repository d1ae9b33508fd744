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

from .backend import choose_backend, simple_graph, to_igraph
from .centrality import rank_scores

__all__ = ["DENSE_LIMIT", "constraint", "effective_size", "articulation_points", "bridges", "broker_table",
           "BROKER_MEASURES"]


#: Up to this many nodes, constraint and effective size are computed with dense numpy matrices (fast on the dense
#: partnership networks that big events make); above, with the sparse computation of :func:`_two_step_sums`.
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
    ties are left out (their constraint is undefined). Computed as :func:`networkx.constraint` defines it
    (tested equal), with matrices: dense up to :data:`DENSE_LIMIT` nodes, sparse above, which makes it a matter
    of seconds on networks of a million ties.
    """
    simple = simple_graph(graph, weight)
    if 0 < simple.number_of_nodes() <= DENSE_LIMIT and simple.number_of_edges():
        nodes, _, p, adjacent = _dense(simple)
        values = (((p + p @ p) ** 2) * adjacent).sum(axis=1)
        return {node: float(value) for node, value in zip(nodes, values, strict=True)}
    return _sparse_brokerage(simple)[0]


def effective_size(graph: nx.Graph, *, weight: str | None = "weight") -> dict:
    """Burt's effective size of every node with at least one tie: contacts less their redundancy.

    ``e(i) = Σ_j (1 − Σ_q p_iq m_jq)`` where ``m_jq`` is j's tie to q over j's strongest tie (as
    :func:`networkx.effective_size` defines it for weighted graphs; equal to ``n − 2t/n`` without weights).
    """
    simple = simple_graph(graph, weight)
    if 0 < simple.number_of_nodes() <= DENSE_LIMIT and simple.number_of_edges():
        nodes, w, p, adjacent = _dense(simple)
        m = w / w.max(axis=1)[:, None]  # j's tie to q over j's strongest tie
        values = ((1.0 - p @ m.T) * adjacent).sum(axis=1)
        return {node: float(value) for node, value in zip(nodes, values, strict=True)}
    return _sparse_brokerage(simple)[1]


def _brokerage(graph: nx.Graph) -> tuple[dict, dict]:
    """``(constraint, effective size)``: both at once (on big graphs they share their one sparse pass)."""
    simple = simple_graph(graph)
    if 0 < simple.number_of_nodes() <= DENSE_LIMIT and simple.number_of_edges():
        return constraint(simple), effective_size(simple)
    return _sparse_brokerage(simple)


def _sparse_brokerage(simple: nx.Graph, hub_degree: int | None = None) -> tuple[dict, dict]:
    """Constraint and effective size of every node with ties of positive strength, from :func:`_two_step_sums`."""
    import numpy as np

    ties = _Ties.of(simple)
    if ties is None:
        return {}, {}
    via_p, via_w = _two_step_sums(ties, hub_degree)
    rows = ties.indptr[:-1]
    c = np.add.reduceat((ties.p + via_p) ** 2, rows)
    with np.errstate(divide="ignore", invalid="ignore"):
        redundancy = np.where(ties.strongest[ties.dst] > 0, via_w / ties.strongest[ties.dst], 0.0)
    e = np.add.reduceat(1.0 - redundancy, rows)
    keep = ties.strength > 0  # a node whose ties all weigh 0 has no proportions (as networkx)
    pairs = [(node, float(ci), float(ei)) for node, ci, ei, k in zip(ties.nodes, c, e, keep, strict=True) if k]
    return {node: ci for node, ci, _ in pairs}, {node: ei for node, _, ei in pairs}


class _Ties:
    """A simple graph's ties as arrays: every tie in both directions (``src → dst``), sorted by ``key``
    (``src · n + dst``), with its weight, its proportion ``p`` (of ``src``'s strength) and the position of the
    same tie the other way round (``reverse``); ``indptr`` delimits each node's ties."""

    def __init__(self, nodes, src, dst, weight):
        import numpy as np

        n = len(nodes)
        key = src * n + dst
        order = np.argsort(key, kind="stable")
        self.nodes, self.n = nodes, n
        self.key, self.src, self.dst, self.weight = key[order], src[order], dst[order], weight[order]
        self.indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.src, minlength=n), out=self.indptr[1:])
        self.reverse = np.empty(len(self.key), dtype=np.int64)
        # dst · n + src is a permutation of key: sorting it lines each tie up with its reverse
        self.reverse[np.argsort(self.dst * n + self.src, kind="stable")] = np.arange(len(self.key))
        self.strength = np.bincount(self.src, weights=self.weight, minlength=n)
        self.strongest = np.maximum.reduceat(self.weight, self.indptr[:-1])
        with np.errstate(divide="ignore", invalid="ignore"):
            self.p = np.where(self.strength[self.src] > 0, self.weight / self.strength[self.src], 0.0)

    @classmethod
    def of(cls, simple: nx.Graph):
        import numpy as np

        nodes = [n for n in simple if simple.degree(n) > 0]
        if not nodes:
            return None
        index = {n: i for i, n in enumerate(nodes)}
        edges = [(index[u], index[v], w) for u, v, w in simple.edges(data="weight") if u != v]
        u = np.fromiter((e[0] for e in edges), dtype=np.int64, count=len(edges))
        v = np.fromiter((e[1] for e in edges), dtype=np.int64, count=len(edges))
        w = np.fromiter((e[2] for e in edges), dtype=np.float64, count=len(edges))
        return cls(nodes, np.concatenate([u, v]), np.concatenate([v, u]), np.concatenate([w, w]))

    def find(self, keys):
        """The position of the tie of each key, or -1 where there is none."""
        import numpy as np

        position = np.searchsorted(self.key, keys)
        position[position == len(self.key)] = 0
        return np.where(self.key[position] == keys, position, -1)

    def groups(self, nodes):
        """``(degree, ties)`` for the given nodes grouped by degree: ``ties`` is a (nodes × degree) matrix of
        tie positions, row by row each node's ties."""
        import numpy as np

        degrees = self.indptr[nodes + 1] - self.indptr[nodes]
        for d in np.unique(degrees):
            if d < 2:
                continue
            members = nodes[degrees == d]
            # at most about _CHUNK pairs at a time
            step = max(1, _CHUNK // int(d * d))
            for start in range(0, len(members), step):
                part = members[start:start + step]
                yield int(d), self.indptr[part][:, None] + np.arange(d)[None, :]


#: Pairs of ties handled at a time by :func:`_two_step_sums` (its memory is a few hundred bytes per pair).
_CHUNK = 1_000_000


class _Sums:
    """``Σ a · p[b]`` and ``Σ a · w[b]`` per target tie, added in batches (one pass over the ties per batch)."""

    def __init__(self, ties: _Ties):
        import numpy as np

        self.ties = ties
        self.via_p = np.zeros(len(ties.key))
        self.via_w = np.zeros(len(ties.key))
        self.pending: list = []
        self.size = 0

    def add(self, targets, a, b) -> None:
        self.pending.append((targets, a, b))
        self.size += len(targets)
        if self.size >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        import numpy as np

        if not self.pending:
            return
        targets, a, b = (np.concatenate(part) for part in zip(*self.pending, strict=True))
        self.pending, self.size = [], 0
        length = len(self.via_p)
        self.via_p += np.bincount(targets, weights=a * self.ties.p[b], minlength=length)
        self.via_w += np.bincount(targets, weights=a * self.ties.weight[b], minlength=length)


def _two_step_sums(ties: _Ties, hub_degree: int | None = None):
    """For every tie ``i → j``: ``Σ_q p_iq p_qj`` and ``Σ_q p_iq w_qj`` over the contacts ``q`` that i and j share.

    These are the two-step paths of Burt's measures, ``(P P)_ij`` and ``(P W)_ij`` on the ties only. The sum
    is split by the middle node q. Through a node of at most ``hub_degree`` ties, every pair of its contacts
    is looked up (a node with d ties makes d² pairs). Through a hub, pairs would be too many: a tie from a
    non-hub i sums over i's hub contacts, a tie from a hub i to a non-hub j over j's hub contacts, and ties
    between hubs come from a dense product of the hub block. ``hub_degree`` (by default the one that makes
    the least work, judged from the degrees) only changes the order of the additions.
    """
    import numpy as np

    degrees = np.diff(ties.indptr)
    hub_degree = _hub_degree(degrees) if hub_degree is None else hub_degree
    is_hub = degrees > hub_degree
    hubs, others = np.flatnonzero(is_hub), np.flatnonzero(~is_hub)
    p, dst, reverse, n = ties.p, ties.dst, ties.reverse, ties.n
    sums = _Sums(ties)

    def pairs(rows, d, first, second, mask=None):
        """Over each row's ties (k × d): every ordered pair as (first[x], second[y]), flattened (masked)."""
        shape = (len(rows), d, d)
        parts = [np.broadcast_to(first[:, :, None], shape).ravel(), np.broadcast_to(second[:, None, :], shape).ravel()]
        return parts if mask is None else [part[mask] for part in parts]

    def found(keys, *values):
        """The ties of ``keys`` (sorted first: many times faster to find), and the values where one exists."""
        order = np.argsort(keys, kind="stable")
        position = ties.find(keys[order])
        ok = position >= 0
        return [position[ok]] + [v[order][ok] for v in values]

    # 1. q not a hub: every ordered pair (i, j) of q's contacts for which i → j is a tie
    for d, rows in ties.groups(others):
        i, j = pairs(rows, d, dst[rows], dst[rows])
        a, b = pairs(rows, d, p[reverse[rows]], rows)                    # p_iq, and the tie q → j
        target, a, b = found(i * n + j, a, b)
        sums.add(target, a, b)
    if len(hubs):
        for d, rows in ties.groups(others):
            contact = dst[rows]
            # 2. q a hub, i not: for each tie i → j, the hub contacts q of i with a tie q → j
            hub_q = np.broadcast_to(is_hub[contact][:, :, None], (len(rows), d, d)).ravel()
            q, j = pairs(rows, d, contact, contact, hub_q)
            a, target = pairs(rows, d, p[rows], rows, hub_q)             # p_iq, and the tie i → j
            b, a, target = found(q * n + j, a, target)
            sums.add(target, a, b)
            # 3. i and q hubs, j not: for each hub contact i of j, j's other hub contacts q with a tie i → q
            hub_iq = (is_hub[contact][:, :, None] & is_hub[contact][:, None, :]).ravel()
            i, q = pairs(rows, d, contact, contact, hub_iq)
            target, b = pairs(rows, d, reverse[rows], reverse[rows], hub_iq)  # the ties i → j and q → j
            a_tie, target, b = found(i * n + q, target, b)
            sums.add(target, p[a_tie], b)
    sums.flush()
    via_p, via_w = sums.via_p, sums.via_w
    if len(hubs):
        # 4. i, q and j hubs: the hub block as dense matrices. W is symmetric, so with s the strengths,
        # (P P)_ij = (X Xᵀ)_ij / s_i for X = W / √s (by column) and (P W)_ij = (W Wᵀ)_ij / s_i: products of a
        # matrix with its own transpose, which BLAS does in half the time of a general product.
        position = np.full(n, -1, dtype=np.int64)
        position[hubs] = np.arange(len(hubs))
        between = np.flatnonzero(is_hub[ties.src] & is_hub[dst])
        rows, cols = position[ties.src[between]], position[dst[between]]
        strength = ties.strength[hubs]
        with np.errstate(divide="ignore"):
            inverse = np.where(strength > 0, 1.0 / strength, 0.0)
        block = np.zeros((len(hubs), len(hubs)))
        block[rows, cols] = ties.weight[between]
        via_w[between] += (block @ block.T)[rows, cols] * inverse[rows]
        block *= np.sqrt(inverse)[None, :]
        via_p[between] += (block @ block.T)[rows, cols] * inverse[rows]
    return via_p, via_w


def _hub_degree(degrees) -> int:
    """The degree above which a node is a hub for :func:`_two_step_sums`: the least estimated work — the d²
    pairs of each non-hub, looked up, against the h³ multiplications of the dense products of the hub block
    (measured on a 2-core machine: about 5,000 of those cost what one looked-up pair does) — with at most
    4,000 hubs (dense blocks of 128 MB)."""
    import numpy as np

    ordered = np.sort(degrees).astype(np.float64)
    below = np.concatenate([[0.0], np.cumsum(ordered ** 2)])  # below[k]: Σ d² of the k smallest degrees
    best, best_cost = int(ordered[-1]), float(below[-1])
    for limit in np.unique(ordered)[:-1]:
        light = int(np.searchsorted(ordered, limit, side="right"))
        hubs = len(ordered) - light
        cost = float(below[light]) + hubs ** 3 / 5_000
        if hubs <= 4_000 and cost < best_cost:
            best, best_cost = int(limit), cost
    return best


def articulation_points(graph: nx.Graph, *, backend: str = "auto") -> list:
    """Nodes whose removal disconnects their component, sorted (igraph's search above the size threshold)."""
    simple = simple_graph(graph)
    if choose_backend(simple, backend) == "networkx":
        return sorted(nx.articulation_points(simple), key=str)
    converted, nodes = to_igraph(simple)
    return sorted((nodes[v] for v in converted.articulation_points()), key=str)


def bridges(graph: nx.Graph, *, backend: str = "auto") -> list[tuple]:
    """Edges whose removal disconnects their component, each as a sorted pair, sorted (igraph's search above
    the size threshold)."""
    simple = simple_graph(graph)
    if choose_backend(simple, backend) == "networkx":
        found = nx.bridges(simple)
    else:
        converted, nodes = to_igraph(simple)
        ends = converted.get_edgelist()
        found = ((nodes[ends[e][0]], nodes[ends[e][1]]) for e in converted.bridges())
    return sorted((tuple(sorted(edge, key=str)) for edge in found), key=lambda e: (str(e[0]), str(e[1])))


#: Broker measures by name, and whether a low score is the better broker.
BROKER_MEASURES = {"constraint": (constraint, False), "effective_size": (effective_size, True)}


def broker_table(graph: nx.Graph, *, top: int | None = None, kinds=None) -> list[dict]:
    """Rows ``node, label, kind, constraint, effective_size, articulation_point, rank`` ranked by constraint
    (lowest first: the strongest brokers). With ``kinds``, only nodes of those kinds are ranked (their scores
    computed on the whole graph)."""
    scores, sizes = _brokerage(graph)
    if kinds is not None:
        scores = {n: v for n, v in scores.items() if graph.nodes[n].get("kind") in kinds}
    cut = set(articulation_points(graph))
    rows = []
    for node, value, rank in rank_scores(scores, reverse=False)[:top]:
        attrs = graph.nodes[node]
        rows.append({"node": node, "label": attrs.get("label", str(node)), "kind": attrs.get("kind", ""),
                     "constraint": value, "effective_size": round(sizes.get(node, 0.0), 12),
                     "articulation_point": node in cut, "rank": rank})
    return rows
