"""How two entities are connected: the shortest paths between them, each hop with the sentence behind it.

>>> from graph.store import EmbeddedStore
>>> from graph.example_graphs import EXAMPLE
>>> store = EmbeddedStore.create(None)
>>> store.load_nquads(EXAMPLE)
>>> [path.text() for path in connection_paths(store, "Beta", "Gamma")]
['Beta ←exhibitor— Expo —exhibitor→ Gamma']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import networkx as nx

from ..entities import resolve_entity
from ..errors import UsageError
from .backend import simple_graph

__all__ = ["Hop", "Statement", "ConnectionPath", "connection_paths", "excluded_kinds", "MAX_CANDIDATES"]

#: At most this many shortest paths are found before the first ``limit`` (by their labels) are kept.
MAX_CANDIDATES = 1_000


@dataclass
class Statement:
    """One relation on a hop, in the direction it is stated, with its sources and their sentences."""

    subject: str
    relation: str
    object: str
    sources: list[str] = field(default_factory=list)
    assertions: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


@dataclass
class Hop:
    """A step from one entity to the next, with every relation that joins them."""

    start: str
    end: str
    start_label: str
    end_label: str
    statements: list[Statement]

    def text(self) -> str:
        arrows = []
        for s in self.statements:
            arrows.append(f"—{s.relation}→" if s.subject == self.start else f"←{s.relation}—")
        return " / ".join(arrows)


@dataclass
class ConnectionPath:
    """A shortest path: its entities and its hops."""

    nodes: list[str]
    labels: list[str]
    hops: list[Hop]

    def text(self) -> str:
        """``A —rel→ B ←rel— C``: the path on one line."""
        parts = [self.labels[0]]
        for hop in self.hops:
            parts += [hop.text(), hop.end_label]
        return " ".join(parts)

    def as_dict(self) -> dict:
        return {"nodes": self.nodes, "labels": self.labels,
                "hops": [{"start": h.start, "end": h.end, "start_label": h.start_label, "end_label": h.end_label,
                          "statements": [vars(s) for s in h.statements]} for h in self.hops]}


_SENTENCES = """
SELECT ?a ?text WHERE {{
  VALUES ?a {{ {assertions} }}
  ?a bkg:evidence ?sentence . ?sentence schema:text ?text .
  OPTIONAL {{ ?sentence bkg:startOffset ?start }}
}} ORDER BY ?a ?start
"""


def _sentences(store, assertions: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    if not assertions:
        return found
    values = " ".join(f"<{a}>" for a in sorted(assertions))
    for a, text in store.query(_SENTENCES.format(assertions=values)).rows:
        found.setdefault(str(a), [])
        if str(text) not in found[str(a)]:
            found[str(a)].append(str(text))
    return found


_CLASSES = """
SELECT DISTINCT ?class ?sub WHERE {
  { ?class a owl:Class } UNION { ?any rdfs:subClassOf ?class } FILTER(isIRI(?class))
  ?sub rdfs:subClassOf* ?class . FILTER(STRSTARTS(STR(?sub), STR(bkg:)))
}"""


def excluded_kinds(store, classes) -> set[str]:
    """The kinds of entity (local names of our classes) that excluding ``classes`` excludes: each class and
    its subclasses in the ontology (``rdfs:subClassOf*``), so ``Place`` excludes cities, provinces, parks.

    A class is named by its local name in our ontology (``Place``) or a prefixed name (``schema:Event``).

    Raises
    ------
    UsageError
        For a name that is no class of the ontology; the message lists the known ones.

    >>> from graph.store import EmbeddedStore
    >>> from graph.build import build
    >>> import tempfile, pathlib
    >>> store = EmbeddedStore.open(build(out=pathlib.Path(tempfile.mkdtemp())).outputs["store"])
    >>> sorted(excluded_kinds(store, ["AdministrativeArea"]))
    ['AdministrativeArea', 'City', 'Country', 'District', 'Province']
    """
    from ..namespace import PREFIXES, local_name

    subclasses: dict[str, set[str]] = {}
    for cls, sub in store.query(_CLASSES).rows:
        subclasses.setdefault(str(cls), set()).add(local_name(str(sub)))
    kinds: set[str] = set()
    for name in classes:
        prefix, colon, rest = name.partition(":")
        iri = PREFIXES[prefix] + rest if colon and prefix in PREFIXES else PREFIXES["bkg"] + name
        if iri not in subclasses:
            known = sorted(local_name(c) for c in subclasses if c.startswith(PREFIXES["bkg"]))
            raise UsageError(f"--exclude {name}: no such class in the ontology; the classes are: "
                             + ", ".join(known))
        kinds |= subclasses[iri]
    return kinds


def connection_paths(store, a: str, b: str, *, network: nx.MultiGraph | None = None, limit: int = 10,
                     exclude_kinds=(), **filters) -> list[ConnectionPath]:
    """The shortest paths between entities ``a`` and ``b`` in the entity network.

    Parameters
    ----------
    store : Store
        The built graph: names are resolved in it and sentences read from it.
    a, b : str
        Entities by label, alias or IRI (see :func:`graph.resolve_entity`).
    network : networkx.MultiGraph, optional
        The entity network to search (default: :func:`graph.entity_network` of ``store`` with ``filters``).
    limit : int
        At most this many paths (all of the shortest length), in order of their labels (chosen among the first
        :data:`MAX_CANDIDATES` found).
    exclude_kinds : iterable of str
        Classes a path may not pass through, each with its subclasses (for example ``("Technology",
        "Place")``: ``Place`` excludes cities, provinces, parks; see :func:`excluded_kinds`). An unknown
        class is a :class:`~graph.errors.UsageError`.

    Returns
    -------
    list of ConnectionPath
        Empty when the two are not connected. Each hop lists the relations joining its two entities, the
        direction they are stated in, their sources and the sentences that state them.
    """
    from .projections import entity_network

    excluded = excluded_kinds(store, exclude_kinds) if exclude_kinds else set()
    start, end = resolve_entity(store, a), resolve_entity(store, b)
    if network is None:
        network = entity_network(store, **filters)
    simple = simple_graph(network)
    keep = [n for n in simple if n in (start, end) or simple.nodes[n].get("kind") not in excluded]
    simple = simple.subgraph(keep)
    if start not in simple or end not in simple or start == end:
        return []
    try:
        # between two hubs there can be very many shortest paths: order at most MAX_CANDIDATES of them
        found = list(islice(nx.all_shortest_paths(simple, start, end), MAX_CANDIDATES))
    except nx.NetworkXNoPath:
        return []
    label = {n: network.nodes[n].get("label", n) for n in simple}
    found.sort(key=lambda p: ([label[n] for n in p], p))
    found = found[:limit]
    assertions = {x for p in found for u, v in zip(p, p[1:], strict=False)
                  for d in network.get_edge_data(u, v).values() for x in d.get("assertions", [])}
    sentences = _sentences(store, assertions)
    paths = []
    for nodes in found:
        hops = []
        for u, v in zip(nodes, nodes[1:], strict=False):
            statements = []
            for _, d in sorted(network.get_edge_data(u, v).items()):
                said = [t for x in d.get("assertions", []) for t in sentences.get(x, [])]
                statements.append(Statement(d.get("subject", u), d.get("relation", ""), d.get("object", v),
                                            list(d.get("sources", [])), list(d.get("assertions", [])),
                                            list(dict.fromkeys(said))))
            hops.append(Hop(u, v, label[u], label[v], statements))
        paths.append(ConnectionPath(nodes, [label[n] for n in nodes], hops))
    return paths
