"""The networks and measures the views draw, behind one small adapter.

The views take their networks from :mod:`graph.network` (``entity_network``, ``partnership_network``) and
their scores from :mod:`graph.analysis` (``pagerank``, ``betweenness``, ``communities``); the simple
projections and networkx/igraph calls below stand in when those modules are absent, so the views work on
their own. Everything is deterministic: sorted
SPARQL results, Louvain with a fixed seed.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
>>> [sorted(c) for c in communities(g)]
[['a', 'b', 'c'], ['d', 'e']]
>>> max(pagerank(g), key=pagerank(g).get)
'b'
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from ..namespace import BASE
from .evidence import local_name, relation_label

__all__ = ["entity_network", "partnership_network", "pagerank", "betweenness", "communities",
           "ENTITY_KINDS", "ORGANISATION_KINDS"]

#: Classes whose instances are nodes of the entity network.
ENTITY_KINDS = (
    "Organization", "Company", "GovernmentBody", "ResearchInstitution", "Publisher", "Person",
    "Event", "Conference", "Visit", "SigningCeremony", "ConferenceSeries", "InvestmentProject",
    "IndustrialPark", "Facility", "Place", "AdministrativeArea", "Country", "Province", "City", "District",
    "Technology",
)
#: Classes of the partnership network.
ORGANISATION_KINDS = ("Organization", "Company", "GovernmentBody", "ResearchInstitution")
_BKG = BASE + "ontology#"
_REGISTRY = BASE + "graph/registry"


def _simple(graph: nx.Graph) -> nx.Graph:
    """A simple undirected graph with summed weights (one edge per pair)."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes, key=str))
    for u, v, d in graph.edges(data=True):
        if u == v:
            continue
        weight = float(d.get("weight", 1.0) or 1.0)
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


def pagerank(graph: nx.Graph) -> dict:
    """PageRank of every node (weighted; multigraph edges counted once per relation)."""
    if graph.number_of_nodes() == 0:
        return {}
    try:
        from ..analysis import pagerank as analysis_pagerank
    except ImportError:
        pass
    else:
        return dict(analysis_pagerank(graph))
    import igraph as ig

    # igraph's PageRank (C; networkx's needs scipy, which we do not install)
    simple = _simple(graph)
    nodes = list(simple.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in simple.edges()]
    weights = [d["weight"] for _, _, d in simple.edges(data=True)]
    scores = ig.Graph(n=len(nodes), edges=edges).pagerank(weights=weights or None, damping=0.85)
    return {node: round(score, 10) for node, score in zip(nodes, scores, strict=True)}


def betweenness(graph: nx.Graph) -> dict:
    """Betweenness centrality of every node (normalised, unweighted)."""
    if graph.number_of_nodes() == 0:
        return {}
    try:
        from ..analysis import betweenness as analysis_betweenness
    except ImportError:
        return nx.betweenness_centrality(_simple(graph), weight=None)
    return dict(analysis_betweenness(graph))


def communities(graph: nx.Graph, *, seed: int = 42) -> list[set]:
    """Louvain communities, largest first (ties by their first member), with a fixed seed."""
    if graph.number_of_nodes() == 0:
        return []
    try:
        from ..analysis import communities as analysis_communities
    except ImportError:
        found = nx.community.louvain_communities(_simple(graph), weight="weight", seed=seed)
    else:
        found = analysis_communities(graph, seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(str(n) for n in c)))


def _kinds(store) -> dict[str, str]:
    values = " ".join(f"bkg:{kind}" for kind in ENTITY_KINDS)
    rows = store.query(f"""
        SELECT ?s ?c ?label WHERE {{
          VALUES ?c {{ {values} }} ?s a ?c . OPTIONAL {{ ?s rdfs:label ?label }}
        }} ORDER BY ?s ?c ?label""").rows
    found: dict[str, tuple[str, str]] = {}
    for s, c, label in rows:
        found.setdefault(str(s), (local_name(c), str(label) if label is not None else local_name(s)))
    return found


def entity_network(store) -> nx.MultiGraph:
    """The entity network: one node per entity, one edge per relation stated between two entities.

    Uses :func:`graph.network.entity_network` when present. Nodes carry ``iri``, ``label``, ``kind``;
    edges ``relation``, ``sources`` (source ids) and ``assertions``.
    """
    try:
        from ..network import entity_network as analysis_entity_network
    except ImportError:
        pass
    else:
        return analysis_entity_network(store)
    entities = _kinds(store)
    labels = {str(p): str(label) for p, label in store.query(
        "SELECT ?p ?label WHERE { ?p a ?t ; rdfs:label ?label FILTER(?t IN (owl:ObjectProperty, "
        "owl:SymmetricProperty, rdf:Property)) } ORDER BY ?p ?label").rows}
    rows = store.query(f"""
        SELECT ?s ?p ?o ?a ?id WHERE {{
          {{ ?a a bkg:Assertion . OPTIONAL {{ ?a bkg:source/bkg:sourceId ?id }} GRAPH ?a {{ ?s ?p ?o }} }}
          UNION {{ GRAPH <{_REGISTRY}> {{ ?s ?p ?o }} }}
          FILTER(isIRI(?o) && ?p != rdf:type)
        }} ORDER BY ?s ?p ?o ?a""").rows
    graph = nx.MultiGraph()
    for iri, (kind, label) in sorted(entities.items()):
        graph.add_node(iri, iri=iri, label=label, kind=kind)
    edges: dict[tuple, dict] = {}
    for s, p, o, a, sid in rows:
        s, o = str(s), str(o)
        if s not in entities or o not in entities or s == o:
            continue
        relation = relation_label(p, labels)
        key = (s, o, relation)
        entry = edges.setdefault(key, {"sources": set(), "assertions": set()})
        if sid is not None:
            entry["sources"].add(str(sid))
        if a is not None:
            entry["assertions"].add(str(a))
    for (s, o, relation), entry in sorted(edges.items()):
        graph.add_edge(s, o, key=relation, relation=relation, sources=sorted(entry["sources"]),
                       assertions=sorted(entry["assertions"]))
    lonely = [n for n, d in graph.nodes(data=True) if d["kind"] == "Publisher" and graph.degree(n) == 0]
    graph.remove_nodes_from(lonely)
    return graph


def partnership_network(store) -> nx.Graph:
    """Organisations tied by partnerships, agreements, shared projects and shared events.

    Uses :func:`graph.network.partnership_network` when present. Otherwise: an explicit partnership or
    agreement weighs 1; co-parties, co-organisers and co-attendees of one event or project share
    ``1 / (n - 1)`` for ``n`` organisations (Newman's collaboration weighting), so one big expo does not
    swamp a three-party signing. Edges carry ``weight``, ``evidence`` and ``sources``.
    """
    try:
        from ..network import partnership_network as analysis_partnership_network
    except ImportError:
        pass
    else:
        return analysis_partnership_network(store)
    network = entity_network(store)
    orgs = {n for n, d in network.nodes(data=True) if d.get("kind") in ORGANISATION_KINDS}
    graph = nx.Graph()
    for n in sorted(orgs):
        graph.add_node(n, **{k: network.nodes[n][k] for k in ("iri", "label", "kind")})

    def tie(u, v, weight, evidence, sources):
        if u == v:
            return
        if not graph.has_edge(u, v):
            graph.add_edge(u, v, weight=0.0, evidence=[], sources=[])
        data = graph[u][v]
        data["weight"] = round(data["weight"] + weight, 6)
        data["evidence"] = sorted(set(data["evidence"]) | {evidence})
        data["sources"] = sorted(set(data["sources"]) | set(sources))

    shared: dict[str, set] = defaultdict(set)
    shared_sources: dict[str, set] = defaultdict(set)
    for u, v, d in network.edges(data=True):
        relation = d.get("relation", "")
        if u in orgs and v in orgs:
            tie(u, v, 1.0, relation, d.get("sources", []))
        for hub, member in ((u, v), (v, u)):
            if member in orgs and network.nodes[hub].get("kind") not in ORGANISATION_KINDS and \
                    network.nodes[hub].get("kind") in ("Event", "Conference", "Visit", "SigningCeremony",
                                                        "InvestmentProject"):
                shared[hub].add(member)
                shared_sources[hub] |= set(d.get("sources", []))
    for hub in sorted(shared):
        members = sorted(shared[hub])
        if len(members) < 2:
            continue
        weight = 1.0 / (len(members) - 1)
        for u, v in combinations(members, 2):
            tie(u, v, weight, f"both in {network.nodes[hub]['label']}", sorted(shared_sources[hub]))
    return graph
