"""The pages ``batterykg views`` writes: the index, the ecosystem, the partnerships, one page per entity.

=====================================  ===========================================================
``out/index.html``                      what the graph holds, top entities, communities, links
``out/views/ecosystem.html``            the entity network, coloured by class, sized by PageRank
``out/views/partnerships.html``         organisations; width by weight, colour by community
``out/views/entities/<slug>.html``      each organisation, government body and event: two hops
=====================================  ===========================================================

Every page is self-contained (see :mod:`graph.views.render`) and written atomically as UTF-8; the same
store gives byte-identical pages.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import networkx as nx

from ..atomic import write_text
from ..layout import OutputLayout
from .evidence import assertion_evidence, class_counts, entity_details, label_map, relation_label, source_list
from .layout import positions
from .measures import ENTITY_KINDS, betweenness, communities, entity_network, pagerank, partnership_network
from .render import asset, network_html

__all__ = [
    "write_views", "ViewsReport", "ENTITY_PAGE_KINDS", "entity_slug", "SiteData", "site_data", "neighbourhood",
    "induced_subgraph", "NEIGHBOURHOOD_LIMIT", "ENTITY_PAGE_LIMIT",
]

#: At most this many entity pages by default (the highest PageRank first); the seed graph has 25.
ENTITY_PAGE_LIMIT = 500
#: Classes that get a page of their own: organisations, government bodies and events.
ENTITY_PAGE_KINDS = (
    "Organization", "Company", "GovernmentBody", "ResearchInstitution", "Publisher",
    "Event", "Conference", "Visit", "SigningCeremony", "ConferenceSeries",
)


@dataclass
class ViewsReport:
    """What :func:`write_views` wrote."""

    index: Path
    views: list[Path] = field(default_factory=list)
    entities: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"views: {self.index}, {len(self.views)} network views and {len(self.entities)} entity pages "
                f"under {self.index.parent / 'views'} ({self.seconds:.2f} s)")


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
    """Everything the pages show, read from the store once."""

    entities: nx.MultiGraph
    partnerships: nx.Graph
    pagerank: dict
    betweenness: dict
    communities: list
    details: dict
    evidence: dict
    classes: list
    sources: list
    slugs: dict
    labels: dict = field(default_factory=dict)


def site_data(store, *, entity_pages: int | None = ENTITY_PAGE_LIMIT) -> SiteData:
    """Networks, scores, facts and sources for the pages (SPARQL over ``store``)."""
    entities = entity_network(store)
    partnerships = partnership_network(store)
    groups = communities(partnerships)
    scores = pagerank(entities)
    slugs: dict = {}
    taken: set[str] = set()
    candidates = [n for n in entities.nodes if entities.nodes[n].get("kind") in ENTITY_PAGE_KINDS]
    if entity_pages is not None and len(candidates) > entity_pages:
        candidates = sorted(candidates, key=lambda n: (-scores.get(n, 0.0), str(n)))[:max(entity_pages, 0)]
    for node in sorted(candidates, key=str):
        slug = base = entity_slug(str(entities.nodes[node].get("iri", node)))
        n = 2
        while slug.lower() in taken:  # case-insensitive file systems
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug.lower())
        slugs[node] = slug
    labels = label_map(store)
    evidence = assertion_evidence(store)
    return SiteData(
        entities=entities,
        partnerships=partnerships,
        pagerank=scores,
        betweenness=betweenness(entities),
        communities=groups,
        details=entity_details(store, labels=labels, evidence=evidence),
        evidence=evidence,
        classes=class_counts(store),
        sources=source_list(store),
        slugs=slugs,
        labels=labels,
    )


def _decorated(graph: nx.Graph, site: SiteData, *, scores: dict, link_prefix: str, group: dict | None = None,
               copy: bool = True):
    """``graph`` (a copy unless ``copy=False``) with what the page shows on its nodes and edges."""
    articles = {s["source"]: s for s in site.sources}
    out = graph.copy() if copy else graph
    for node, attrs in out.nodes(data=True):
        iri = str(attrs.get("iri", node))
        detail = site.details.get(iri)
        attrs["size"] = scores.get(node, 0.0)
        if detail is not None:
            attrs["facts"] = detail.facts
            attrs["key_facts"] = detail.key_facts
            attrs["sources"] = detail.sources
        if node in site.slugs:
            attrs["url"] = f"{link_prefix}{site.slugs[node]}.html"
        if group is not None and node in group:
            attrs["group"] = group[node]
    edges = out.edges(keys=True, data=True) if out.is_multigraph() else out.edges(data=True)
    for *_, attrs in edges:
        sentences = []
        for assertion in attrs.get("assertions") or ():
            sentences.extend(site.evidence.get(str(assertion), ()))
        if not sentences:  # only source ids: name the articles
            sentences = [{"source": sid, "headline": articles.get(sid, {}).get("headline", ""),
                          "date": articles.get(sid, {}).get("date", ""),
                          "publisher": articles.get(sid, {}).get("publisher", ""), "text": ""}
                         for sid in attrs.get("sources") or ()]
        attrs["sources"] = sentences
        if attrs.get("predicate"):  # the property's label: "partner of", not "partnerOf"
            attrs["relation"] = relation_label(attrs["predicate"], site.labels)
        elif attrs.get("relations"):
            attrs["relation"] = ", ".join(_readable(r) for r in attrs["relations"])
        attrs["evidence_text"] = [_evidence_text(e) for e in attrs.get("evidence") or ()]
    return out


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


def write_views(store=None, out: OutputLayout | Path | str | None = None, *,
                entity_pages: int | None = ENTITY_PAGE_LIMIT) -> ViewsReport:
    """Write the index page, the network views and the entity pages for the graph in ``store``.

    Parameters
    ----------
    store : a store (default: the built one, :func:`graph.open_store`)
    out : OutputLayout or folder (default: ``out/``)
    entity_pages : int or None
        At most this many entity pages, for the organisations, government bodies and events with the
        highest PageRank (``None``: one for each). Each page carries vis-network (about 0.5 MB), so a big
        graph would otherwise need gigabytes.

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
    group = {node: i for i, members in enumerate(site.communities) for node in members}
    pos = positions(site.entities)

    ecosystem = _decorated(site.entities, site, scores=site.pagerank, link_prefix="entities/")
    page = network_html(ecosystem, title="battery-kg: the ecosystem network",
                        subtitle=f"{ecosystem.number_of_nodes()} entities, colour and shape by class",
                        size_measure="PageRank", pos=pos, links=_links("../"))
    write_text(layout.views / "ecosystem.html", page)
    report.views.append(layout.views / "ecosystem.html")

    strength = dict(site.partnerships.degree(weight="weight"))
    partners = _decorated(site.partnerships, site, scores=strength, link_prefix="entities/", group=group)
    page = network_html(partners, title="battery-kg: the partnership network", color_by="group",
                        subtitle="organisations; edge width by weight, colour by community, shape by class",
                        size_measure="weighted degree", edge_labels=False, links=_links("../"))
    write_text(layout.views / "partnerships.html", page)
    report.views.append(layout.views / "partnerships.html")

    entity_dir = layout.views / "entities"
    for node, slug in sorted(site.slugs.items(), key=lambda item: item[1]):
        near, total = neighbourhood(site.entities, node, site.pagerank)
        near = _decorated(near, site, scores=site.pagerank, link_prefix="", group=None, copy=False)
        label = site.entities.nodes[node].get("label", str(node))
        shown = f"the {near.number_of_nodes()} most central of {total}" if total > near.number_of_nodes() else ""
        page = network_html(near, title=f"{label} — battery-kg",
                            subtitle=f"{site.entities.nodes[node].get('kind', '')}: its neighbourhood, two hops"
                                     + (f" ({shown})" if shown else ""),
                            size_measure="PageRank", pos={n: pos[n] for n in near}, focus=node,
                            edge_labels=near.number_of_edges() <= 120, links=_links("../../"))
        write_text(entity_dir / f"{slug}.html", page)
        report.entities.append(entity_dir / f"{slug}.html")
    _remove_stale(entity_dir, {p.name for p in report.entities})

    write_text(layout.index, index_html(site, layout))
    from ..freshness import record

    record(layout, "views")  # made from the graph built now (graph.freshness)
    report.seconds = time.perf_counter() - started
    return report


#: The index lists at most this many communities, and this many members of each (the most central).
INDEX_LIST_LIMIT = 30
#: The index lists at most this many sources (the most recent).
INDEX_SOURCE_LIMIT = 200

#: At most this many nodes on an entity page: in a big graph two hops from a hub reach nearly everything.
NEIGHBOURHOOD_LIMIT = 300


def neighbourhood(graph: nx.Graph, node, scores: dict, *, limit: int = NEIGHBOURHOOD_LIMIT):
    """The two-hop neighbourhood of ``node``, cut to ``limit`` nodes: the node, then its neighbours, then
    the second hop, each by decreasing score. Returns the subgraph and the size of the uncut neighbourhood.

    >>> g = nx.star_graph(5)
    >>> sub, total = neighbourhood(g, 1, {n: n for n in g}, limit=3)
    >>> sorted(sub), total
    ([0, 1, 5], 6)
    """
    first = set(graph[node]) - {node}
    second = {m for n in first for m in graph[n]} - first - {node}

    def ranked(nodes):
        return sorted(nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))

    keep = ([node] + ranked(first) + ranked(second))[:limit]
    return induced_subgraph(graph, keep), 1 + len(first) + len(second)


def induced_subgraph(graph: nx.Graph, nodes) -> nx.Graph:
    """A new graph of ``nodes`` and the edges among them, with copies of their attribute dicts.

    Faster than ``graph.subgraph(nodes).copy()`` on a multigraph, whose view filters every adjacency.
    """
    keep = set(nodes)
    out = graph.__class__()
    out.add_nodes_from((n, dict(graph.nodes[n])) for n in nodes)
    done = set()
    for u in nodes:
        for v, data in graph[u].items():
            if v not in keep or (v, u) in done:
                continue
            done.add((u, v))
            if graph.is_multigraph():
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
             f"{site.partnerships.number_of_nodes()} organisations and {site.partnerships.number_of_edges()} "
             f"ties in the partnership network; {len(site.sources)} sources.</p>"]
    parts.append("<h2>Views</h2><ul>"
                 '<li><a href="views/ecosystem.html">Ecosystem</a>: the entity network</li>'
                 '<li><a href="views/partnerships.html">Partnerships</a>: organisations, weighted ties, '
                 "communities</li>"
                 f'<li><a href="#entities">Entity pages</a>: {len(site.slugs)} organisations, government '
                 f"bodies and events{capped}</li></ul>"
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
                 + top(site.betweenness, "Betweenness") + "</div>")
    labels = site.partnerships.nodes

    def members(group) -> str:
        ranked = sorted(group, key=lambda n: (-site.pagerank.get(n, 0.0), str(labels[n].get("label", n))))
        shown = sorted(ranked[:INDEX_LIST_LIMIT], key=lambda n: str(labels[n].get("label", n)))
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
    parts.append('<h2 id="entities">Entity pages</h2>' + "".join(
        f"<h3>{_e(kind)}</h3><p>"
        + " · ".join(_entity_link(site, n) for n in sorted(nodes, key=lambda n: str(g.nodes[n].get("label"))))
        + "</p>" for kind, nodes in sorted(by_kind.items())))
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
