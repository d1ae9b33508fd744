"""Draw a networkx graph as a view: a :class:`graph.views.network.Network` (pyvis) styled by class, sized by
centrality, laid out in advance, with the facts and source sentences of each node and edge.

:func:`network_view` returns the ``Network``, so a notebook can go on with pyvis's own methods
(``show_buttons``, ``barnes_hut``, ``set_options``, ``toggle_physics``, ``write_html``);
:func:`network_html` is its page as a string. Article text is data: it travels as JSON in a
``<script type="application/json">`` element, escaped so that no text can close the element, and our
script puts it on the page with ``textContent`` only.

The graph says what to draw through node and edge attributes, so any projection can be shown:

===============  ===========================================================================================
node attribute   meaning
===============  ===========================================================================================
``label``        the name shown (default: the node itself)
``zh``           its Chinese name, shown beside it; ``aliases``: other names the search finds
``kind``         class local name (``"Company"``): colour and shape
``size``         a centrality score: the node's size (scaled between the smallest and largest)
``group``        community number: the colour when ``color_by="group"``
``key_facts``    short strings shown in the tooltip (dates, amounts)
``facts``        strings listed in the side panel; ``fact_years``: the year of each (listed by year)
``sources``      evidence: dicts with ``source``, ``headline``, ``date``, ``publisher``, ``text``
``date``         ISO date of the node itself (an event, a project): when it appears in the year control
``years``        the years an event or project spans: outside them the year control drops it and its edges
``url``          link to the entity's own page, relative to this page
``iri``          the entity's IRI
===============  ===========================================================================================

Edges: ``relation`` (the name shown), ``weight`` (line width), ``sources`` (evidence dicts as above, or
source ids), ``evidence_text`` (strings listed with the edge), ``subject`` and ``object`` (when given, the
edge is drawn as an arrow from subject to object), ``years`` or ``date`` (when it holds: the year control
shows it in those years; an edge without either is timeless). Parallel edges of a multigraph are kept, one
per relation.

A hub of a big graph has hundreds of facts and sentences, and they would be repeated on every page that
shows it: a page lists at most :data:`LIST_LIMIT` facts and :data:`SOURCE_LIMIT` sentences per node or
edge (the node a page is about: :data:`FOCUS_LIMIT`) and says how many it left out (``omitted``).

>>> import networkx as nx
>>> g = nx.MultiGraph()
>>> g.add_node("a", label="<b>A</b>", kind="Company", size=0.7)
>>> g.add_node("b", label="B", kind="GovernmentBody", size=0.3)
>>> _ = g.add_edge("a", "b", relation="partner of", date="2023-05-01")
>>> _ = g.add_edge("a", "b", relation="signed agreement with", date="2024-02-20")
>>> net = network_view(g, title="Two & two")
>>> net.toggle_physics(False)            # pyvis's own methods work on the view
>>> page = net.generate_html()
>>> page.startswith("<!DOCTYPE html>"), "<b>A</b>" in page, "Two &amp; two" in page
(True, False, True)
>>> data = net.page_data()
>>> len(data["nodes"]), [e["relation"] for e in data["edges"]], data["years"]
(2, ['partner of', 'signed agreement with'], [2023, 2024])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import networkx as nx

from ..analysis.backend import paused_gc
from .network import Network
from .positions import positions
from .style import CLASS_STYLES, class_style, community_color

__all__ = [
    "network_view", "network_html", "view_data", "assemble_view", "node_entry", "edge_entry", "edge_list",
    "first_years", "SourceTable", "LARGE_VIEW", "DEFAULT_TOP_N", "PHYSICS_LIMIT", "LIST_LIMIT", "SOURCE_LIMIT",
    "FOCUS_LIMIT", "FOCUS_SOURCE_LIMIT", "LABELLED_LIMIT",
]

#: Views with more nodes than this get a precomputed layout with physics off and a top-N control.
LARGE_VIEW = 1000
#: How many nodes (the largest by centrality) a large view shows at first.
DEFAULT_TOP_N = 1000
#: Views up to this size settle with a short physics run (from the precomputed layout); bigger ones
#: keep the precomputed layout with physics off (1,000 nodes took 4.6 s to settle in headless Chromium).
PHYSICS_LIMIT = 300
#: A large view writes the names of this many nodes (the largest); every name is in the tooltip and search.
LABELLED_LIMIT = 200
#: At most this many facts (and evidence lines of an edge) per node or edge on a page.
LIST_LIMIT = 30
#: At most this many source sentences per node or edge on a page.
SOURCE_LIMIT = 10
#: At most this many facts, and sentences, for the node a page is about (its own page lists them).
FOCUS_LIMIT = 300
FOCUS_SOURCE_LIMIT = 100

_MIN_SIZE, _MAX_SIZE = 10.0, 40.0
_SOURCE_FIELDS = ("source", "text", "headline", "date", "publisher")


def _scaled(values: list[float]) -> list[float]:
    """Centralities mapped to node sizes (square-root scale: area grows with the score)."""
    if not values:
        return []
    low, high = min(values), max(values)
    if high - low <= 0:
        return [round((_MIN_SIZE + _MAX_SIZE) / 2, 1)] * len(values)
    return [round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * math.sqrt((v - low) / (high - low)), 1) for v in values]


class SourceTable:
    """Evidence sentences, each stored once per page and referred to by number."""

    def __init__(self):
        self.rows: list[dict] = []
        self._index: dict[tuple, int] = {}

    def refs(self, sources: Iterable | None) -> list[int]:
        refs = []
        index = self._index
        for item in sources or ():
            if type(item) is dict or isinstance(item, Mapping):
                key = tuple(map(item.get, _SOURCE_FIELDS))
            else:
                key = (item, None, None, None, None)
            ref = index.get(key)
            if ref is None:
                ref = index[key] = len(self.rows)
                self.rows.append({name: "" if value is None else str(value)
                                  for name, value in zip(_SOURCE_FIELDS, key, strict=True)})
            refs.append(ref)
        return refs if len(refs) < 2 else sorted(set(refs))


def _strings(values) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values]


def _capped(entry: dict, name: str, items: list, limit: int) -> list:
    """The first ``limit`` of ``items``; how many were left out goes to ``entry["omitted"][name]``."""
    if len(items) <= limit:
        return items
    entry.setdefault("omitted", {})[name] = len(items) - limit
    return items[:limit]


def _year(value) -> int | None:
    """The year of an ISO date (``2024-02-20``, ``2024-02``, ``2024``), else ``None``."""
    text = str(value or "")[:4]
    return int(text) if len(text) == 4 and text.isdigit() else None


def _edge_years(d: Mapping) -> list[int]:
    if d.get("years") is not None:
        return sorted({int(y) for y in d["years"]})
    year = _year(d.get("date"))
    return [year] if year is not None else []


def edge_list(graph: nx.Graph, index: Mapping) -> list[tuple]:
    """``(u, v, relation, data, years)`` for every edge of ``graph``, one per relation between two nodes: in the
    direction it is stated (``subject``, ``object``), else from the node first in ``index``; parallel statements
    of one relation merged (their ``sources`` and ``assertions`` together)."""
    merged: dict[tuple, tuple] = {}
    undirected = not graph.is_directed()
    for u, v, d in graph.edges(data=True):  # a multigraph gives each parallel edge
        relation = d.get("relation")
        if relation is None:
            relation = d.get("label", "")
        if not isinstance(relation, str):
            relation = ", ".join(sorted(str(r) for r in relation))
        if d.get("subject") in index and d.get("object") in index:
            u, v = d["subject"], d["object"]  # the direction the relation is stated in
        elif undirected and index[v] < index[u]:
            u, v = v, u
        key = (index[u], index[v], relation)
        years = _edge_years(d)
        if key in merged:  # the same relation stated twice: one edge, all its evidence, all its years
            previous, previous_years = merged[key][3], merged[key][4]
            previous = dict(previous, sources=list(previous.get("sources") or []) + list(d.get("sources") or []),
                            assertions=list(previous.get("assertions") or []) + list(d.get("assertions") or []))
            merged[key] = (u, v, relation, previous, sorted(set(previous_years) | set(years)))
        else:
            merged[key] = (u, v, relation, d, years)
    return [merged[key] for key in sorted(merged)]


def _names(attrs: Mapping, label: str) -> tuple[str | None, list[str]]:
    """The Chinese name and the other names of a node (none repeating its label)."""
    zh = str(attrs["zh"]) if attrs.get("zh") else None
    seen = {label, zh}
    aliases = []
    for name in _strings(attrs.get("aliases")):
        if name not in seen:
            seen.add(name)
            aliases.append(name)
    return zh, aliases


def node_entry(node, attrs: Mapping, *, xy=(0.0, 0.0), color_by: str = "kind", full: bool = False,
               sources: SourceTable | None = None, first_year: int | None = None) -> dict:
    """What a page holds of one node: pyvis's ``label``, ``shape``, ``color``, ``x``, ``y`` and the view's own
    keys (``score``: the raw centrality, scaled into ``size`` by :func:`assemble_view`). ``full``: the node a
    page is about (up to :data:`FOCUS_LIMIT` facts and sentences, else :data:`LIST_LIMIT` and
    :data:`SOURCE_LIMIT`). ``first_year``: the year of its first dated edge."""
    kind = str(attrs.get("kind") or "Thing")
    style = class_style(kind)
    label = str(attrs.get("label", node))
    entry = {"label": label, "shape": style.shape, "color": style.color, "kind": kind,
             "score": round(float(attrs.get("size") or 0.0), 6), "x": round(float(xy[0]), 1),
             "y": round(float(xy[1]), 1)}
    facts_limit, sources_limit = (FOCUS_LIMIT, FOCUS_SOURCE_LIMIT) if full else (LIST_LIMIT, SOURCE_LIMIT)
    for name, key, limit in (("keyFacts", "key_facts", facts_limit), ("facts", "facts", facts_limit)):
        values = _capped(entry, name, _strings(attrs.get(key)), limit)
        if values:
            entry[name] = values
    if attrs.get("fact_years") is not None and entry.get("facts"):
        entry["factYears"] = [None if y is None else int(y) for y in attrs["fact_years"]][:len(entry["facts"])]
    if attrs.get("sources"):
        entry["sources"] = (sources or SourceTable()).refs(_capped(entry, "sources", list(attrs["sources"]),
                                                                   sources_limit))
    for key in ("url", "iri"):
        if attrs.get(key):
            entry[key] = str(attrs[key])
    zh, aliases = _names(attrs, label)
    if zh:
        entry["zh"] = zh
    if aliases:
        entry["names"] = aliases
    own = _year(attrs.get("date"))
    years = [y for y in (own, first_year) if y is not None]
    if years:
        entry["year"] = min(years)
    if attrs.get("years"):
        entry["span"] = [min(attrs["years"]), max(attrs["years"])]
    if attrs.get("group") is not None:
        entry["group"] = int(attrs["group"])
        if color_by == "group":
            entry["color"] = community_color(entry["group"])
    return entry


def edge_entry(relation: str, d: Mapping, years: list[int], *, directed: bool = False,
               sources: SourceTable | None = None) -> dict:
    """What a page holds of one edge (its ``id``, ends, ``width`` and final ``weight`` come with the page)."""
    entry = {"relation": relation, "weight": float(d.get("weight") or 1.0)}
    if directed or ("subject" in d and "object" in d):
        entry["arrows"] = "to"
    if d.get("sources") and sources is not None:
        entry["sources"] = sources.refs(_capped(entry, "sources", list(d["sources"]), SOURCE_LIMIT))
    evidence = _capped(entry, "evidence", _strings(d.get("evidence_text")), LIST_LIMIT)
    if evidence:
        entry["evidence"] = evidence
    if years:
        entry["years"] = years
    return entry


def first_years(edges: Iterable[tuple]) -> dict:
    """``{node: the year of its first dated edge}`` for ``(u, v, relation, data, years)`` edges."""
    found: dict = {}
    for u, v, _, _, years in edges:
        if years:
            for end in (u, v):
                if end not in found or years[0] < found[end]:
                    found[end] = years[0]
    return found


@paused_gc()
def network_view(
    graph: nx.Graph,
    *,
    title: str,
    subtitle: str = "",
    color_by: str = "kind",
    size_measure: str = "centrality",
    pos: Mapping | None = None,
    top_n: int | None = None,
    edge_labels: bool | None = None,
    focus=None,
    links: Iterable[tuple[str, str]] = (),
    time_control: bool | None = None,
    notice: str = "",
    cdn_resources: str = "in_line",
    assets_href: str = "lib/",
) -> Network:
    """The view of ``graph``: a :class:`~graph.views.network.Network` (a pyvis ``Network``) ready to write.

    Parameters
    ----------
    graph : networkx graph or multigraph, with the attributes described in the module docstring
    title, subtitle : str
        Heading of the page.
    color_by : ``"kind"`` or ``"group"``
        Colour nodes by class or by community (shape always follows the class).
    size_measure : str
        Name of the centrality in ``size``, for the legend.
    pos : mapping, optional
        ``{node: (x, y)}``; computed with :func:`graph.views.positions.positions` when missing.
    top_n : int, optional
        For large views: how many nodes to show at first (default :data:`DEFAULT_TOP_N`).
    edge_labels : bool, optional
        Write the relation on each edge (default: when there are at most 80 edges); labels that would
        cover a node's name are left off at the first zoom.
    focus : node, optional
        The node the page is about: selected when the page opens.
    links : pairs of (text, href)
        Links shown in the page header.
    time_control : bool, optional
        A year range control (default: when any edge is dated).
    notice : str
        A line under the heading: what a big view left out.
    cdn_resources, assets_href
        As for :class:`~graph.views.network.Network`: ``"in_line"`` (self-contained) or ``"local"``.

    Returns
    -------
    Network
        Nodes carry pyvis's ``id``, ``label``, ``shape``, ``color``, ``size``, ``x``, ``y`` and the view's
        own keys (``kind``, ``score``, ``facts``, ``sources`` …); the page's settings are in ``page``.
    """
    if color_by not in ("kind", "group"):
        raise ValueError(f"color_by must be 'kind' or 'group', not {color_by!r}")
    ordered = sorted(graph.nodes, key=str)
    index = {node: i for i, node in enumerate(ordered)}
    if pos is None:
        pos = positions(graph)
    sources = SourceTable()
    edges = edge_list(graph, index)
    firsts = first_years(edges)
    nodes = [(node, node_entry(node, graph.nodes[node], xy=pos.get(node, (0.0, 0.0)), color_by=color_by,
                               full=node == focus, sources=sources, first_year=firsts.get(node)))
             for node in ordered]
    directed = graph.is_directed()
    edge_entries = [(u, v, edge_entry(relation, d, years, directed=directed, sources=sources))
                    for u, v, relation, d, years in edges]
    return assemble_view(nodes, edge_entries, sources, title=title, subtitle=subtitle, color_by=color_by,
                         size_measure=size_measure, top_n=top_n, edge_labels=edge_labels, focus=focus, links=links,
                         time_control=time_control, notice=notice, cdn_resources=cdn_resources,
                         assets_href=assets_href)


def assemble_view(nodes: list[tuple], edges: list[tuple], sources: SourceTable, *, title: str, subtitle: str = "",
                  color_by: str = "kind", size_measure: str = "centrality", top_n: int | None = None,
                  edge_labels: bool | None = None, focus=None, links: Iterable[tuple[str, str]] = (),
                  time_control: bool | None = None, notice: str = "", cdn_resources: str = "in_line",
                  assets_href: str = "lib/") -> Network:
    """The :class:`~graph.views.network.Network` of entries made by :func:`node_entry` and :func:`edge_entry`:
    ``nodes`` as ``(node, entry)`` in the order of their ids, ``edges`` as ``(u, v, entry)`` (in any order;
    drawn in the order of their ends). The entries are not changed, so they can serve several pages."""
    index = {node: i for i, (node, _) in enumerate(nodes)}
    sizes = _scaled([entry["score"] for _, entry in nodes])
    large = len(nodes) > LARGE_VIEW
    net = Network(heading=str(title), cdn_resources=cdn_resources, assets_href=assets_href)
    kinds: dict[str, int] = {}
    groups: dict[int, int] = {}
    for (node, entry), size in zip(nodes, sizes, strict=True):
        options = dict(entry, size=size)
        kinds[options["kind"]] = kinds.get(options["kind"], 0) + 1
        if "group" in options:
            groups[options["group"]] = groups.get(options["group"], 0) + 1
        net.add_node(index[node], label=options.pop("label"), shape=options.pop("shape"),
                     color=options.pop("color"), **options)
    ordered = sorted(edges, key=lambda e: (index[e[0]], index[e[1]], e[2]["relation"]))
    weights = [e[2]["weight"] for e in ordered]
    top_weight = max(weights, default=1.0) or 1.0
    weighted = len(set(weights)) > 1  # widths only say something when the weights differ
    all_years: set[int] = set()
    made = []
    for i, (u, v, entry) in enumerate(ordered):
        options = dict(entry, id=i)
        if weighted:  # else every edge has weight 1 and the options' width
            options.update(weight=round(entry["weight"], 4), width=round(1.0 + 5.0 * entry["weight"] / top_weight, 2))
        else:
            del options["weight"]
        years = entry.get("years")
        if years:
            all_years.update(years)
        options["from"] = index[u]
        options["to"] = index[v]
        made.append(options)
    net.extend_edges(made)
    order = list(CLASS_STYLES)
    legend = sorted(kinds, key=lambda k: (order.index(k) if k in order else len(order), k))
    _style_options(net, physics=len(nodes) <= PHYSICS_LIMIT, large=large)
    show_years = bool(all_years) if time_control is None else bool(time_control and all_years)
    net.page.update({
        "subtitle": str(subtitle),
        "colorBy": color_by,
        "sizeMeasure": size_measure,
        "classes": [dict(class_style(k)._asdict(), count=kinds[k]) for k in legend],
        "groups": [{"id": g, "color": community_color(g), "count": groups[g]} for g in sorted(groups)],
        "sources": sources.rows,
        "topN": (top_n or DEFAULT_TOP_N) if large else None,
        "labelled": LABELLED_LIMIT if large else None,
        "edgeLabels": len(ordered) <= 80 if edge_labels is None else bool(edge_labels),
        "focus": index.get(focus) if focus is not None else None,
        "links": [{"text": str(text), "href": str(href)} for text, href in links],
        "years": [min(all_years), max(all_years)] if show_years else None,
        "notice": str(notice),
    })
    return net


def _style_options(net: Network, *, physics: bool, large: bool) -> None:
    """The view's vis-network options, set through pyvis's own methods and ``options`` object."""
    options = net.options
    if physics:  # a short run from the precomputed layout, then frozen
        net.force_atlas_2based(gravity=-80, spring_length=120, overlap=0.6)
        options.physics.stabilization.iterations = 150
        net.freeze_after_stabilization = True
    else:  # vis-network would still run its 1,000 stabilization rounds, on nodes that do not move
        net.toggle_physics(False)
        net.toggle_stabilization(False)
    if large:
        options.edges.smooth.enabled = False
    else:
        net.set_edge_smooth("continuous")
    net.inherit_edge_colors(False)
    net.toggle_hide_edges_on_drag(large)
    options.interaction.hover = True
    options.interaction.hideEdgesOnZoom = large
    options.interaction.tooltipDelay = 150
    options.interaction.keyboard = False
    options.layout = {"improvedLayout": False}
    # long names wrap instead of running over their neighbours
    options.nodes = {"borderWidth": 1, "labelHighlightBold": False,
                     "font": {"size": 13, "face": "system-ui, sans-serif"},
                     "widthConstraint": {"maximum": 170}}
    options.edges.selectionWidth = 2
    options.edges.labelHighlightBold = False  # a selected name keeps its width: it was placed at that width
    options.edges.width = 1.5
    options.edges.font = {"size": 10, "align": "horizontal", "color": "#555", "strokeWidth": 3}
    options.edges.arrows = {"to": {"enabled": False, "scaleFactor": 0.45}}


def network_html(graph: nx.Graph, *, title: str, **options) -> str:
    """One self-contained HTML page that draws ``graph`` (:func:`network_view`'s page; same options).

    Returns
    -------
    str
        The page; write it with :func:`graph.atomic.write_text` (UTF-8).

    Examples
    --------
    >>> import networkx as nx
    >>> page = network_html(nx.path_graph(3), title="A path")
    >>> "vis.Network" in page and "http://" not in page.split("<body")[1]
    True
    """
    return network_view(graph, title=title, **options).generate_html()


def view_data(graph: nx.Graph, *, title: str, **options) -> dict:
    """The data :func:`network_html`'s page draws (a JSON-ready dict: nodes, edges, legend, sources, options)."""
    return network_view(graph, title=title, **options).page_data()
