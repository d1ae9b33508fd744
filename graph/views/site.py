"""The pages ``batterykg views`` writes: the index, the ecosystem, the partnerships, one page per entity.

=====================================  ===========================================================
``out/index.html``                      what the graph holds, top entities, communities, links
``out/views/ecosystem.html``            the entity network, coloured by class, sized by PageRank
``out/views/partnerships.html``         organisations; width by weight, colour by community
``out/views/entities/<slug>.html``      each entity: its two-hop neighbourhood, its facts by year
``out/views/assets/``                   the one copy of vis-network and our script the pages share
=====================================  ===========================================================

Every page is a :class:`graph.views.network.Network` (pyvis) written with ``cdn_resources="local"``: its
scripts load by relative path from ``views/assets/``, so the site opens from ``file://`` and under
``batterykg serve`` alike, and a page weighs its data and a few kilobytes. ``self_contained=True`` (the
CLI's ``--self-contained``) writes every page as one file with everything inlined. Pages are written
atomically as UTF-8; the same store gives byte-identical pages.

The ecosystem and partnership views carry a year control: edges are dated as :mod:`graph.analysis.projections` dates
them (the event or project they touch, else the earliest article stating them), so the view of some years
is what the analysis projects with ``since``/``until``. A network too big for one page carries its most
central :data:`VIEW_NODE_LIMIT` nodes and strongest :data:`VIEW_EDGE_LIMIT` edges among them, and says what
it left out.
"""

from __future__ import annotations

import heapq
import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import networkx as nx
import numpy as np

from ..analysis import EXACT_BETWEENNESS_LIMIT
from ..analysis.backend import both_halves, paused_gc
from ..analysis.projections import EVENT_KINDS, ORGANISATION_KINDS, PROJECT_KINDS, read_network_data
from ..atomic import write_text
from ..folders import OutputLayout
from ..store import EmbeddedStore
from .evidence import (
    assertion_evidence,
    class_counts,
    entity_details,
    label_map,
    label_rows,
    names,
    relation_label,
    source_list,
)
from .measures import (
    ENTITY_KINDS,
    betweenness,
    communities,
    entity_network,
    pagerank,
    partnership_network,
    partnership_ties,
    simple_graph,
    tie_communities,
)
from .network import asset, write_assets
from .positions import positions
from .render import SourceTable, assemble_view, edge_entry, edge_list, first_years, network_view, node_entry

__all__ = [
    "write_views", "ViewsReport", "ENTITY_PAGE_KINDS", "entity_slug", "SiteData", "site_data", "Neighbourhoods",
    "EntityPages", "induced_subgraph", "NEIGHBOURHOOD_LIMIT", "ENTITY_EDGE_LIMIT", "ENTITY_PAGE_LIMIT",
    "VIEW_NODE_LIMIT", "VIEW_EDGE_LIMIT", "DETAILS_LIMIT", "ASSETS",
]

#: At most this many entity pages by default (the highest PageRank first): every entity up to this many.
ENTITY_PAGE_LIMIT = 5000
#: Every entity of the entity network gets a page.
ENTITY_PAGE_KINDS = ENTITY_KINDS
#: A site view draws at most this many nodes (the most central) …
VIEW_NODE_LIMIT = 5000
#: … and this many edges among them (the strongest, then those of the most central nodes).
VIEW_EDGE_LIMIT = 20000
#: Up to this many nodes a view carries every node's facts and sentences; above, a node's are on its page.
DETAILS_LIMIT = 1000
#: A view too big to carry its edges' sentences lists this many lines of a tie's evidence (the strongest).
BRIEF_EVIDENCE = 3
#: From this many entity pages on, two processes write them (see :func:`graph.analysis.backend.both_halves`).
PARALLEL_PAGES = 200
#: The folder, under ``views/``, of the scripts and styles the pages share.
ASSETS = "assets"


@dataclass
class ViewsReport:
    """What :func:`write_views` wrote."""

    index: Path
    views: list[Path] = field(default_factory=list)
    entities: list[Path] = field(default_factory=list)
    assets: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        shared = f"; scripts shared from {self.assets[0].parent}" if self.assets else "; every page self-contained"
        return (f"views: {self.index}, {len(self.views)} network views and {len(self.entities)} entity pages "
                f"under {self.index.parent / 'views'}{shared} ({self.seconds:.2f} s)")


def entity_slug(iri: str) -> str:
    """The file name (without ``.html``) of an entity's page: its IRI's last segment, made safe.

    >>> entity_slug("https://w3id.org/battery-kg/id/exencell")
    'exencell'
    >>> entity_slug("https://example.org/x/A B/<c>")
    'c'
    """
    last = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return re.sub(r"[^A-Za-z0-9._-]+", "-", last).strip("-.") or "entity"


@dataclass
class SiteData:
    """Everything the pages show, read from the store once.

    ``partnerships`` holds the ties the partnership view draws (with their evidence): all of them when the
    network fits one page, else the strongest among the most central organisations; ``strength`` (weighted
    degree) and ``communities`` are those of the whole network, ``partnership_size`` its organisations and ties.
    """

    entities: nx.MultiGraph
    partnerships: nx.Graph
    strength: dict
    partnership_size: tuple
    pagerank: dict
    betweenness: dict
    communities: list
    details: dict
    evidence: dict
    classes: list
    sources: list
    slugs: dict
    labels: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    betweenness_sample: int | None = None
    #: ``{node: (x, y)}`` of every entity (:func:`~graph.views.positions.positions` of :attr:`entities`): where the
    #: entity pages draw them.
    positions: dict = field(default_factory=dict)

    @property
    def articles(self) -> dict:
        """``{source id: source}`` of :attr:`sources`."""
        found = self.__dict__.get("_articles")
        if found is None:
            found = self.__dict__["_articles"] = {s["source"]: s for s in self.sources}
        return found


#: Above :data:`graph.analysis.EXACT_BETWEENNESS_LIMIT` entities the index's betweenness is estimated from
#: this many sources (the analysis uses more; the index lists ten names).
INDEX_BETWEENNESS_SAMPLE = 100


#: From this many entities on, the texts (labels, sentences, facts) are read by a forked child while this
#: process weighs the partnership network (see :func:`graph.analysis.backend.both_halves`).
PARALLEL_READ = 5000


def site_data(store, *, entity_pages: int | None = ENTITY_PAGE_LIMIT) -> SiteData:
    """Networks, scores, facts and sources for the pages (SPARQL over ``store``, read once).

    Entity edges get ``years`` (the years the analysis dates them to: those of the event or project, else of
    the earliest source; none for registry facts), events and projects the years they span, partnership ties
    the years of each contribution. The partnership network is weighed in arrays
    (:func:`graph.analysis.projections.partnership_ties`); only the ties a page draws are made into a graph.
    """
    data = read_network_data(store)
    entities = entity_network(data)
    dates, statements = data.statements(True)
    _date_entity_edges(entities, statements)
    for iri, attrs in entities.nodes(data=True):
        if attrs.get("kind") in EVENT_KINDS | PROJECT_KINDS and iri in dates:
            attrs["years"] = _span_years(dates[iri])  # dropped, with its edges, from the years outside
    simple = simple_graph(entities)  # one simple graph (and one igraph copy) for both measures
    scores = pagerank(simple)
    slugs: dict = {}
    taken: set[str] = set()
    candidates = [n for n in entities.nodes if entities.nodes[n].get("kind") in ENTITY_PAGE_KINDS]
    if entity_pages is not None and len(candidates) > entity_pages:
        candidates = sorted(candidates, key=lambda n: (-scores.get(n, 0.0), str(n)))[:max(entity_pages, 0)]
    for node in sorted(candidates, key=str):
        slug = base = entity_slug(str(entities.nodes[node].get("iri", node)))
        n = 2
        while slug.lower() in taken or slug.lower() == ASSETS:  # case-insensitive file systems
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug.lower())
        slugs[node] = slug
    # the facts and sentences the pages list: each entity's on its page, every node's in a view small enough
    listed = {str(entities.nodes[n].get("iri", n)) for n in slugs}
    organisations = [n for n, d in entities.nodes(data=True) if d.get("kind") in ORGANISATION_KINDS]
    for nodes in (list(entities.nodes), organisations):  # the ecosystem's, the partnership view's
        if len(nodes) <= DETAILS_LIMIT:
            listed.update(str(entities.nodes[n].get("iri", n)) for n in nodes)
    dated = {iri: span[0].isoformat() for iri, span in dates.items()
             if iri in data.kinds and data.kinds[iri][0] in EVENT_KINDS | PROJECT_KINDS}

    parallel = entities.number_of_nodes() >= PARALLEL_READ

    def part(which: str):
        if which == "texts":
            # a forked child reads through a store of its own (a read-only store takes many readers)
            reader = EmbeddedStore.open(store.path) if parallel and getattr(store, "path", None) else store
            return _texts(reader, listed, dated, {iri: kind for iri, (kind, _) in data.kinds.items()})
        # the other half: networks, measures, the layout and the short lists (at 1M triples, about 14 CPU
        # seconds against 16 for the texts)
        laid_out = {"positions": positions(entities) if entities.number_of_nodes() else {}}
        return {**_partnerships(data, entities, statements, dates), **_betweenness(simple), **laid_out,
                "classes": class_counts(store), "sources": source_list(store)}

    if parallel:  # the texts in a child, at the same time
        networks, texts = both_halves(part, ("networks", "texts"))
    else:
        networks, texts = part("networks"), part("texts")
    simple.clear()  # see the end of write_views: a graph left to the collector costs a sweep of the heap
    return SiteData(entities=entities, pagerank=scores, slugs=slugs, **networks, **texts)


def _texts(store, listed: set, dated: dict, kinds: dict) -> dict:
    """Labels, names, sentences and facts: what the pages say, read with SPARQL."""
    rows = label_rows(store)
    labels = label_map(store, rows)
    evidence = assertion_evidence(store)
    return {"labels": labels, "names": names(store, rows), "evidence": evidence,
            "details": entity_details(store, labels=labels, evidence=evidence, dates=dated, only=listed,
                                      kinds=kinds)}


def _partnerships(data, entities: nx.MultiGraph, statements: dict, dates: dict) -> dict:
    """The partnership network weighed in arrays; its drawn ties as a graph; its communities."""
    organisations, pairs, weights = partnership_ties(data)
    strength = np.bincount(pairs.ravel(), weights=np.repeat(weights, 2), minlength=len(organisations)) \
        if len(pairs) else np.zeros(len(organisations))
    strength = dict(zip(organisations, np.round(strength, 12).tolist(), strict=True))
    drawn = _drawn_ties(organisations, pairs, weights, strength)
    partnerships = partnership_network(data, only=drawn[1] if drawn else None)
    if drawn:  # the most central organisations are drawn, with a tie or not
        partnerships.add_nodes_from((n, {k: entities.nodes[n][k] for k in ("iri", "label", "kind")})
                                    for n in drawn[0] if n not in partnerships)
    _date_ties(partnerships, statements, dates)
    groups = communities(partnerships) if not drawn else tie_communities(organisations, pairs, weights)
    return {"partnerships": partnerships, "strength": strength, "partnership_size": (len(organisations), len(pairs)),
            "communities": groups}


def _betweenness(simple: nx.Graph) -> dict:
    sample = INDEX_BETWEENNESS_SAMPLE if simple.number_of_nodes() > EXACT_BETWEENNESS_LIMIT else None
    return {"betweenness": betweenness(simple, sample=sample), "betweenness_sample": sample}


def _drawn_ties(organisations: list, pairs, weights, strength: dict):
    """``None`` when the partnership network fits one page; else ``(nodes, pairs)``: its
    :data:`VIEW_NODE_LIMIT` strongest organisations and the :data:`VIEW_EDGE_LIMIT` strongest ties among them
    (then those of the most central), as IRI pairs in sorted order."""
    if len(organisations) <= VIEW_NODE_LIMIT and len(pairs) <= VIEW_EDGE_LIMIT:
        return None
    top = sorted(organisations, key=lambda n: (-strength[n], n))[:VIEW_NODE_LIMIT]
    rank = np.full(len(organisations), len(organisations), dtype=np.int64)
    index = {n: i for i, n in enumerate(organisations)}
    rank[[index[n] for n in top]] = np.arange(len(top))
    ends = rank[pairs] if len(pairs) else np.zeros((0, 2), dtype=np.int64)
    among = np.flatnonzero((ends < len(top)).all(axis=1))
    order = np.lexsort((ends[among].min(axis=1), ends[among].max(axis=1), -weights[among]))[:VIEW_EDGE_LIMIT]
    chosen = pairs[among[order]]
    return top, {(organisations[u], organisations[v]) for u, v in chosen.tolist()}


def _span_years(span) -> list[int]:
    return list(range(span[0].year, span[1].year + 1)) if span else []


def _date_entity_edges(entities: nx.MultiGraph, statements: dict) -> None:
    """Each relation's ``years``: the span the analysis dates it to (none: a timeless registry fact)."""
    spans: dict = {}
    for _, _, attrs in entities.edges(data=True):
        edge = statements.get((attrs.get("subject"), attrs.get("relation"), attrs.get("object")))
        span = edge.date if edge is not None else None
        years = spans.get(span)
        if years is None:
            years = spans[span] = _span_years(span)
        attrs["years"] = years  # one list per span, shared: never changed


def _date_ties(partnerships: nx.Graph, statements: dict, dates: dict) -> None:
    """Each tie's ``years``: those of its contributions — the event or project it goes through, or the
    explicit partnership (dated by its earliest source) — so a tie shows in the years the analysis's
    ``since``/``until`` would count it."""
    for u, v, attrs in partnerships.edges(data=True):
        years: set[int] = set()
        for item in attrs.get("evidence") or ():
            if item.get("via"):
                years.update(_span_years(dates.get(item["via"])))
            else:
                for a, b in ((u, v), (v, u)):
                    edge = statements.get((a, item["relation"], b))
                    if edge is not None:
                        years.update(_span_years(edge.date))
        attrs["years"] = sorted(years)


def _decorated(graph: nx.Graph, site: SiteData, *, scores: dict, link_prefix: str, group: dict | None = None,
               copy: bool = True, details=True, edge_sources=True):
    """``graph`` (a copy unless ``copy=False``) with what the page shows on its nodes and edges.

    ``details``: ``True`` (every node's facts and sentences), ``False`` (none: they are on the nodes' pages) or a
    set of the nodes that carry theirs; ``edge_sources`` likewise for the sentences of edges (``True``, ``False``
    or a set of nodes whose edges carry them).
    """
    out = graph.copy() if copy else graph
    for node, attrs in out.nodes(data=True):
        iri = str(attrs.get("iri", node))
        detail = site.details.get(iri)
        attrs["size"] = scores.get(node, 0.0)
        if detail is not None:
            attrs["key_facts"] = detail.key_facts
            if details is True or (details is not False and node in details):
                attrs["facts"] = detail.facts
                attrs["fact_years"] = detail.fact_years
                attrs["sources"] = detail.sources
        zh, aliases = site.names.get(iri, (None, []))
        if zh:
            attrs["zh"] = zh
        if aliases:
            attrs["aliases"] = aliases
        if node in site.slugs:
            attrs["url"] = f"{link_prefix}{site.slugs[node]}.html"
        if group is not None and node in group:
            attrs["group"] = group[node]
    edges = out.edges(keys=True, data=True) if out.is_multigraph() else out.edges(data=True)
    for u, v, *_, attrs in edges:
        included = edge_sources is True or (edge_sources is not False and (u in edge_sources or v in edge_sources))
        attrs["sources"] = _sentences(attrs, site) if included else []
        attrs["relation"] = _relation(attrs, site)
        evidence = attrs.get("evidence") or ()
        if not included and len(evidence) > BRIEF_EVIDENCE:  # a big view: the strongest few, and how many more
            strongest = sorted(evidence, key=lambda e: -float(e.get("weight") or 0.0))[:BRIEF_EVIDENCE]
            attrs["evidence_text"] = [_evidence_text(e) for e in strongest] + [
                f"… and {len(evidence) - BRIEF_EVIDENCE} more (on the partners' pages)"]
        else:
            attrs["evidence_text"] = [_evidence_text(e) for e in evidence]
    return out


def _sentences(attrs, site: SiteData) -> list[dict]:
    """The sentences behind an edge (its assertions'), else the articles it names."""
    sentences = []
    for assertion in attrs.get("assertions") or ():
        sentences.extend(site.evidence.get(str(assertion), ()))
    if sentences:
        return sentences
    return [{"source": sid, "headline": site.articles.get(sid, {}).get("headline", ""),
             "date": site.articles.get(sid, {}).get("date", ""),
             "publisher": site.articles.get(sid, {}).get("publisher", ""), "text": ""}
            for sid in attrs.get("sources") or ()]


def _relation(attrs, site: SiteData) -> str:
    """The name an edge shows: its property's label ("partner of", not "partnerOf"), or its kinds of tie."""
    if attrs.get("predicate"):
        return relation_label(attrs["predicate"], site.labels)
    if attrs.get("relations"):
        return ", ".join(_readable(r) for r in attrs["relations"])
    return str(attrs.get("relation", ""))


def _readable(relation: str) -> str:
    """``partnerOf`` → ``partner of``; ``co-attendance`` stays."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", relation).lower()


def _evidence_text(item) -> str:
    """One line of a partnership's evidence: what ties the two, through which event or project, how much."""
    if isinstance(item, str):
        return item
    text = _readable(str(item.get("relation", "")))
    if item.get("via_label") or item.get("via"):
        text += f" at {item.get('via_label') or item.get('via')}"
    if item.get("weight") is not None:
        text += f" (weight {float(item['weight']):.3g})"
    return text


def _links(prefix: str) -> list[tuple[str, str]]:
    return [("Index", f"{prefix}index.html"), ("Ecosystem", f"{prefix}views/ecosystem.html"),
            ("Partnerships", f"{prefix}views/partnerships.html")]


def _most_central(graph: nx.Graph, scores: dict, what: str, measure: str):
    """``(graph, notice)``: ``graph`` itself when it fits one page, else its :data:`VIEW_NODE_LIMIT` most
    central nodes and the :data:`VIEW_EDGE_LIMIT` strongest edges among them, and a line saying so."""
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    if nodes <= VIEW_NODE_LIMIT and edges <= VIEW_EDGE_LIMIT:
        return graph, ""
    keep = sorted(graph.nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))[:VIEW_NODE_LIMIT]
    rank = {n: i for i, n in enumerate(keep)}
    sub = induced_subgraph(graph, keep)
    if sub.number_of_edges() > VIEW_EDGE_LIMIT:
        found = sub.edges(keys=True, data=True) if sub.is_multigraph() else sub.edges(data=True)
        ordered = sorted(found, key=lambda e: (-float(e[-1].get("weight") or 1.0), max(rank[e[0]], rank[e[1]]),
                                               min(rank[e[0]], rank[e[1]]), str(e[2]) if sub.is_multigraph() else ""))
        sub.remove_edges_from([e[:-1] for e in ordered[VIEW_EDGE_LIMIT:]])
    notice = (f"This view shows the {sub.number_of_nodes():,} {what} with the highest {measure} of "
              f"{nodes:,}, and {sub.number_of_edges():,} of the {edges:,} edges (the strongest among them); "
              "search the index or the entity pages for the others.")
    return sub, notice


@paused_gc()  # nothing here makes reference cycles: the collector would rescan the whole graph again and again
def write_views(store=None, out: OutputLayout | Path | str | None = None, *,
                entity_pages: int | None = ENTITY_PAGE_LIMIT, self_contained: bool = False) -> ViewsReport:
    """Write the index page, the network views and the entity pages for the graph in ``store``.

    Parameters
    ----------
    store : a store (default: the built one, :func:`graph.open_store`)
    out : OutputLayout or folder (default: ``out/``)
    entity_pages : int or None
        At most this many entity pages, for the entities with the highest PageRank (``None``: one for each).
    self_contained : bool
        Inline vis-network and our script in every page (about 0.5 MB each) instead of loading them from
        ``views/assets/``: each page is then a single file that works on its own.

    Returns
    -------
    ViewsReport
        The files written and the time it took.
    """
    from ..store import open_store

    started = time.perf_counter()
    layout = out if isinstance(out, OutputLayout) else (OutputLayout(Path(out)) if out else OutputLayout.default())
    store = store if store is not None else open_store(layout.store)
    site = site_data(store, entity_pages=entity_pages)
    report = ViewsReport(index=layout.index)
    cdn = "in_line" if self_contained else "local"
    if not self_contained:
        report.assets = write_assets(layout.views / ASSETS)
    group = {node: i for i, members in enumerate(site.communities) for node in members}

    drawn, notice = _most_central(site.entities, site.pagerank, "entities", "PageRank")
    drawn_views = [drawn] if drawn is not site.entities else []
    pos = positions(drawn)
    ecosystem = _decorated(drawn, site, scores=site.pagerank, link_prefix="entities/",
                           details=drawn.number_of_nodes() <= DETAILS_LIMIT,
                           edge_sources=drawn.number_of_nodes() <= DETAILS_LIMIT)
    net = network_view(ecosystem, title="battery-kg: the ecosystem network",
                       subtitle=f"{site.entities.number_of_nodes()} entities, colour and shape by class",
                       size_measure="PageRank", pos=pos, links=_links("../"), notice=notice,
                       cdn_resources=cdn, assets_href=f"{ASSETS}/")
    write_text(layout.views / "ecosystem.html", net.generate_html())
    report.views.append(layout.views / "ecosystem.html")

    drawn = site.partnerships
    nodes, ties = site.partnership_size
    notice = "" if (drawn.number_of_nodes(), drawn.number_of_edges()) == (nodes, ties) else (
        f"This view shows the {drawn.number_of_nodes():,} organisations with the highest weighted degree of "
        f"{nodes:,}, and {drawn.number_of_edges():,} of the {ties:,} ties (the strongest among them); search "
        "the index or the entity pages for the others.")
    partners = _decorated(drawn, site, scores=site.strength, link_prefix="entities/", group=group,
                          details=drawn.number_of_nodes() <= DETAILS_LIMIT,
                          edge_sources=drawn.number_of_nodes() <= DETAILS_LIMIT)
    net = network_view(partners, title="battery-kg: the partnership network", color_by="group",
                       subtitle="organisations; edge width by weight, colour by community, shape by class",
                       size_measure="weighted degree", edge_labels=False, links=_links("../"), notice=notice,
                       cdn_resources=cdn, assets_href=f"{ASSETS}/")
    write_text(layout.views / "partnerships.html", net.generate_html())
    report.views.append(layout.views / "partnerships.html")

    pages = EntityPages(site, site.positions)
    entity_dir = layout.views / "entities"
    order = sorted(site.slugs.items(), key=lambda item: item[1])

    def write(part) -> int:
        for node, slug in part:
            net = pages.page(node, links=_links("../../"), cdn_resources=cdn, assets_href=f"../{ASSETS}/")
            write_text(entity_dir / f"{slug}.html", net.generate_html())
        return len(part)

    if len(order) >= PARALLEL_PAGES:  # each page on its own: half of them in a forked child, on the other core
        both_halves(write, (order[::2], order[1::2]))
    else:
        write(order)
    report.entities = [entity_dir / f"{slug}.html" for _, slug in order]
    _remove_stale(entity_dir, {p.name for p in report.entities})

    write_text(layout.index, index_html(site, layout))
    from ..freshness import record

    record(layout, "views")  # made from the graph built now (graph.freshness)
    # a networkx graph and its views refer to each other: emptied here, while the collector is paused, the
    # networks' millions of nodes, edges and attributes go by reference counting, instead of in the collector's
    # sweep of every object made since it was paused, when it comes back on (3 s at 1M triples)
    for graph in (site.entities, site.partnerships, ecosystem, partners, *drawn_views):
        graph.clear()
    report.seconds = time.perf_counter() - started
    return report


#: The index lists at most this many communities …
INDEX_LIST_LIMIT = 30
#: … and this many members of each (the most central): the index stays a small page on a big graph.
INDEX_MEMBER_LIMIT = 12
#: The index links at most this many entity pages of each class (the most central): a page stays small.
INDEX_ENTITY_LIMIT = 40
#: The index lists at most this many sources (the most recent).
INDEX_SOURCE_LIMIT = 200

#: At most this many nodes on an entity page: in a big graph two hops from a hub reach nearly everything …
NEIGHBOURHOOD_LIMIT = 100
#: … and this many edges: the entity's own first, then those of the most central of the others.
ENTITY_EDGE_LIMIT = 250


class Neighbourhoods:
    """Two-hop neighbourhoods in ``graph``, ranked by ``scores``: the node, its neighbours, then theirs, each
    by decreasing score, cut to a number of nodes. Each node's neighbours are ranked once, and the second hop
    is merged from those rankings, so a hub among the neighbours costs what is kept, not its degree.

    >>> g = nx.star_graph(5)
    >>> Neighbourhoods(g, {n: n for n in g}).of(1, limit=3)
    ([1, 0, 5], 1, True)
    """

    def __init__(self, graph: nx.Graph, scores: dict):
        self.adjacency = graph._adj
        self.key = {n: (-scores.get(n, 0.0), str(n)) for n in graph}
        self._ranked: dict = {}

    def ranked(self, node) -> list:
        """The neighbours of ``node``, the highest score first."""
        found = self._ranked.get(node)
        if found is None:
            found = self._ranked[node] = sorted((m for m in self.adjacency[node] if m != node),
                                                key=self.key.__getitem__)
        return found

    def of(self, node, limit: int = NEIGHBOURHOOD_LIMIT) -> tuple[list, int, bool]:
        """``(nodes, neighbours, cut)``: the kept nodes in rank order (``node`` first), how many neighbours
        ``node`` has, and whether anything of the two hops was left out."""
        first = self.ranked(node)
        keep = [node, *first[:limit - 1]]
        cut = len(first) > limit - 1
        if not cut:
            seen = set(keep)
            for other in heapq.merge(*(self.ranked(n) for n in first), key=self.key.__getitem__):
                if other in seen:
                    continue
                if len(keep) == limit:
                    cut = True
                    break
                seen.add(other)
                keep.append(other)
        return keep, len(first), cut


class EntityPages:
    """The entity pages of a site: every node and edge of the entity network formatted once
    (:func:`~graph.views.render.node_entry`, :func:`~graph.views.render.edge_entry`), each page assembled from
    those of its neighbourhood, with the facts and sentences of its own entity and relations."""

    def __init__(self, site: SiteData, pos: dict):
        self.site = site
        graph = site.entities
        self.index = {node: i for i, node in enumerate(sorted(graph.nodes, key=str))}
        self.edges = edge_list(graph, self.index)
        self.firsts = first_years(self.edges)
        self.pos = pos
        self.neighbourhoods = Neighbourhoods(graph, site.pagerank)
        # node → the nodes after it (in index order) it has edges with → those edges
        self.between: dict = {}
        for i, (u, v, *_) in enumerate(self.edges):
            first, second = (u, v) if self.index[u] < self.index[v] else (v, u)
            self.between.setdefault(first, {}).setdefault(second, []).append(i)
        self._nodes: dict = {}
        self._edge_entries: dict[int, dict] = {}

    def _attributes(self, node, *, full: bool) -> dict:
        attrs = dict(self.site.entities.nodes[node], size=self.site.pagerank.get(node, 0.0))
        iri = str(attrs.get("iri", node))
        detail = self.site.details.get(iri)
        if detail is not None:
            attrs["key_facts"] = detail.key_facts
            if full:
                attrs.update(facts=detail.facts, fact_years=detail.fact_years, sources=detail.sources)
        attrs["zh"], attrs["aliases"] = self.site.names.get(iri, (None, []))
        if node in self.site.slugs:
            attrs["url"] = f"{self.site.slugs[node]}.html"
        return attrs

    def _node(self, node) -> dict:
        entry = self._nodes.get(node)
        if entry is None:
            entry = self._nodes[node] = node_entry(node, self._attributes(node, full=False), xy=self.pos[node],
                                                   first_year=self.firsts.get(node))
        return entry

    def _edge(self, i: int, sources: SourceTable | None = None) -> dict:
        u, v, relation, d, years = self.edges[i]
        if sources is not None:  # one of the entity's own relations: with its sentences
            return edge_entry(_relation(d, self.site), dict(d, sources=_sentences(d, self.site)),
                              years, sources=sources)
        entry = self._edge_entries.get(i)
        if entry is None:
            entry = self._edge_entries[i] = edge_entry(_relation(d, self.site), d, years)
        return entry

    def page(self, node, *, links, cdn_resources: str, assets_href: str):
        """The :class:`~graph.views.network.Network` of ``node``'s page."""
        kept, neighbours, cut = self.neighbourhoods.of(node)
        rank = {n: i for i, n in enumerate(kept)}
        kept_set = rank.keys()
        # the edges among the kept nodes, each keyed to come in this order: the entity's own relations first,
        # then those of the most central others (the key is made once per pair of nodes, not once per edge)
        found = []
        for u in kept:
            later = self.between.get(u)
            if not later:
                continue
            ru, own = rank[u], u == node
            for v in later.keys() & kept_set:  # in C, through the smaller of the two (a hub has thousands)
                rv = rank[v]
                away, top = not (own or v == node), ru if ru > rv else rv
                found.extend((away, top, i) for i in later[v])
        found.sort()
        chosen = [i for _, _, i in found[:ENTITY_EDGE_LIMIT]]
        sources = SourceTable()
        nodes = [(n, node_entry(n, self._attributes(n, full=True), xy=self.pos[n], full=True, sources=sources,
                                first_year=self.firsts.get(n)) if n == node else self._node(n))
                 for n in sorted(kept, key=str)]
        edges = [(self.edges[i][0], self.edges[i][1],
                  self._edge(i, sources if node in self.edges[i][:2] else None)) for i in chosen]
        attrs = self.site.entities.nodes[node]
        label = attrs.get("label", str(node))
        shown = ""
        if cut or len(found) > len(chosen):
            shown = (f" (the {len(kept)} most central, of its {neighbours} neighbours and theirs"
                     + (f"; {len(chosen)} of {len(found)} relations" if len(found) > len(chosen) else "") + ")")
        return assemble_view(nodes, edges, sources, title=f"{label} — battery-kg",
                             subtitle=f"{attrs.get('kind', '')}: its neighbourhood, two hops{shown}",
                             size_measure="PageRank", focus=node, edge_labels=len(chosen) <= 120, links=links,
                             time_control=False, cdn_resources=cdn_resources, assets_href=assets_href)


def induced_subgraph(graph: nx.Graph, nodes) -> nx.Graph:
    """A new graph of ``nodes`` and the edges among them, with copies of their attribute dicts.

    Faster than ``graph.subgraph(nodes).copy()`` on a multigraph, whose view filters every adjacency; a hub
    among ``nodes`` is looked at through the other nodes, not through all its neighbours.

    >>> sub = induced_subgraph(nx.star_graph(100), [0, 1, 2])
    >>> sorted(sub.edges)
    [(0, 1), (0, 2)]
    """
    keep = dict.fromkeys(nodes)
    out = graph.__class__()
    out.add_nodes_from((n, dict(graph.nodes[n])) for n in keep)
    adjacency = graph._adj  # plain dicts: the views' AtlasView wrappers cost more than the work here
    multi = graph.is_multigraph()
    done = set()
    for u in keep:
        near = adjacency[u]
        pairs = ((v, near[v]) for v in keep if v in near) if len(near) > len(keep) else \
            ((v, data) for v, data in near.items() if v in keep)
        for v, data in pairs:
            if (v, u) in done:
                continue
            done.add((u, v))
            if multi:
                for key, attrs in data.items():
                    out.add_edge(u, v, key=key, **attrs)
            else:
                out.add_edge(u, v, **data)
    return out


def _remove_stale(folder: Path, keep: set[str]) -> None:
    """Pages of entities no longer in the graph would mislead: remove them."""
    for path in folder.glob("*.html"):
        if path.name not in keep:
            path.unlink()


def _e(text) -> str:
    return html.escape(str(text))


def _entity_link(site: SiteData, node, prefix: str = "views/entities/") -> str:
    """A link to the entity's page, or else to the ecosystem view opened on it."""
    if node not in site.entities:
        return _e(node)
    attrs = site.entities.nodes[node]
    label = _e(attrs.get("label", node))
    if node in site.slugs:
        return f'<a href="{prefix}{_e(site.slugs[node])}.html">{label}</a>'
    target = quote(str(attrs.get("iri", node)), safe="")
    return f'<a href="views/ecosystem.html#node={_e(target)}" title="in the ecosystem view">{label}</a>'


def index_html(site: SiteData, layout: OutputLayout) -> str:
    """The entry page: what the graph holds, the top entities, communities, links to views and data."""
    g = site.entities
    eligible = sum(1 for _, d in g.nodes(data=True) if d.get("kind") in ENTITY_PAGE_KINDS)
    capped = f" (the {len(site.slugs)} of {eligible} with the highest PageRank)" if eligible > len(site.slugs) else ""
    parts = [f"<p>{g.number_of_nodes()} entities and {g.number_of_edges()} relations in the entity network; "
             f"{site.partnership_size[0]} organisations and {site.partnership_size[1]} "
             f"ties in the partnership network; {len(site.sources)} sources.</p>"]
    parts.append("<h2>Views</h2><ul>"
                 '<li><a href="views/ecosystem.html">Ecosystem</a>: the entity network</li>'
                 '<li><a href="views/partnerships.html">Partnerships</a>: organisations, weighted ties, '
                 "communities</li>"
                 f'<li><a href="#entities">Entity pages</a>: {len(site.slugs)} entities{capped}</li></ul>'
                 "<p>In a view: search by name, untick a class in the legend to hide it, hover a node or an edge "
                 "for its facts and the sentences they come from, click a node to highlight its neighbours and "
                 "list its facts, relations and sources. The pages work offline, straight from disk.</p>")

    def top(scores: dict, title: str) -> str:
        ranked = sorted(scores.items(), key=lambda item: (-item[1], str(item[0])))[:10]
        rows = "".join(f"<tr><td>{i}</td><td>{_entity_link(site, n)}</td>"
                       f"<td>{_e(g.nodes[n].get('kind', ''))}</td><td>{v:.4f}</td></tr>"
                       for i, (n, v) in enumerate(ranked, 1))
        return (f"<div><h3>{_e(title)}</h3><table><tr><th>#</th><th>Entity</th><th>Class</th><th>Score</th></tr>"
                f"{rows}</table></div>")

    parts.append('<h2>Top entities</h2><p>The most central entities of the entity network: PageRank (who is '
                 'linked to by the well linked) and betweenness (who sits on the paths between others).</p>'
                 '<div class="columns">' + top(site.pagerank, "PageRank")
                 + top(site.betweenness, "Betweenness" + (f" (estimated from {site.betweenness_sample} sources)"
                                                          if site.betweenness_sample else "")) + "</div>")
    labels = site.entities.nodes

    def members(group) -> str:
        ranked = sorted(group, key=lambda n: (-site.pagerank.get(n, 0.0), str(labels[n].get("label", n))))
        shown = sorted(ranked[:INDEX_MEMBER_LIMIT], key=lambda n: str(labels[n].get("label", n)))
        text = ", ".join(_entity_link(site, n) if n in site.entities else _e(labels[n].get("label", n))
                         for n in shown)
        return text + (f" and {len(group) - len(shown)} more" if len(group) > len(shown) else "")

    items = "".join(f"<li><b>Community {i}</b> ({len(group)}): {members(group)}</li>"
                    for i, group in enumerate(site.communities[:INDEX_LIST_LIMIT]))
    more = len(site.communities) - INDEX_LIST_LIMIT
    parts.append(f"<h2>Communities</h2><p>Louvain communities of the partnership network (seed 42), largest "
                 f"first; colours in the partnership view.</p><ol start=\"0\">{items}</ol>"
                 + (f"<p>… and {more} smaller communities.</p>" if more > 0 else ""))

    def class_table(rows) -> str:
        return ("<table><tr><th>Class</th><th>Instances</th></tr>"
                + "".join(f"<tr><td>{_e(k)}</td><td>{n}</td></tr>" for k, n in rows) + "</table>")

    things = [(k, n) for k, n in site.classes if k in ENTITY_KINDS]
    records = [(k, n) for k, n in site.classes if k not in ENTITY_KINDS]
    parts.append('<h2>What the graph holds</h2><div class="columns"><div><h3>Entities</h3>'
                 + class_table(things) + "</div><div><h3>Facts, provenance and analysis</h3>"
                 + class_table(records) + "</div></div>")

    def headline(source: dict) -> str:
        text = _e(source["headline"] or "(no headline)")
        url = source.get("url") or ""
        if urlsplit(url).scheme in ("http", "https"):
            return f'<a href="{_e(url)}" rel="noreferrer">{text}</a>'
        return text

    newest = sorted(site.sources, key=lambda s: (s["date"], s["source"]), reverse=True)[:INDEX_SOURCE_LIMIT]
    parts.append("<h2>Sources</h2>"
                 + (f"<p>The {len(newest)} most recent of {len(site.sources)} articles.</p>"
                    if len(newest) < len(site.sources) else "")
                 + "<table><tr><th>Date</th><th>Headline</th><th>Publisher</th><th>Source</th><th>Assertions</th></tr>"
                 + "".join(f"<tr><td>{_e(s['date'])}</td><td>{headline(s)}</td>"
                           f"<td>{_e(s['publisher'])}</td><td>{_e(s['source'])}</td><td>{s['assertions']}</td></tr>"
                           for s in sorted(newest, key=lambda s: (s["date"], s["source"]))) + "</table>")
    by_kind: dict[str, list] = {}
    for node in site.slugs:
        by_kind.setdefault(g.nodes[node].get("kind", ""), []).append(node)

    def listed(nodes: list) -> str:
        shown = sorted(nodes, key=lambda n: (-site.pagerank.get(n, 0.0), str(n)))[:INDEX_ENTITY_LIMIT]
        text = " · ".join(_entity_link(site, n) for n in sorted(shown, key=lambda n: str(g.nodes[n].get("label"))))
        if len(nodes) > len(shown):
            text += (f" · and {len(nodes) - len(shown)} more (the most central are listed; the "
                     '<a href="views/ecosystem.html">ecosystem view</a> finds others by name)')
        return text

    parts.append('<h2 id="entities">Entity pages</h2>' + "".join(
        f"<h3>{_e(kind)}</h3><p>{listed(nodes)}</p>" for kind, nodes in sorted(by_kind.items())))
    files = [("battery-kg.trig", "TriG: every named graph"), ("battery-kg.ttl", "Turtle: the union"),
             ("battery-kg.jsonld", "JSON-LD"), ("manifest.json", "build manifest"),
             ("analysis.trig", "analysis results as RDF (scores, communities)")]
    found = [(name, what) for name, what in files if (layout.root / name).exists()]
    tables = sorted(layout.tables.glob("*.csv")) if layout.tables.exists() else []
    found += [(f"tables/{p.name}", "analysis table") for p in tables]
    parts.append("<h2>Data files</h2><ul>" + "".join(
        f'<li><a href="{_e(name)}">{_e(name)}</a>: {_e(what)}</li>' for name, what in found) + "</ul>")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>battery-kg</title>\n<style>\n{asset('index.css')}</style>\n</head>\n<body>\n"
        "<h1>battery-kg: the Sichuan–Chongqing battery and energy-storage ecosystem</h1>\n"
        + "\n".join(parts) + "\n</body>\n</html>\n"
    )
