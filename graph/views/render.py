"""Write a networkx graph as one self-contained, offline HTML page (vis-network, inlined).

The page is our own template: vis-network's script (shipped in ``graph/views/assets``), our script and our
stylesheet are inlined, so the file opens from ``file://`` and no request leaves it. Article text is data:
it travels as JSON in a ``<script type="application/json">`` element, escaped so that no text can close
the element, and our script puts it on the page with ``textContent`` only.

The graph says what to draw through node and edge attributes, so any projection can be shown:

=============  ===========================================================================================
node attribute  meaning
=============  ===========================================================================================
``label``       the name shown (default: the node itself)
``kind``        class local name (``"Company"``): colour and shape
``size``        a centrality score: the node's size (scaled between the smallest and largest)
``group``       community number: the colour when ``color_by="group"``
``key_facts``   short strings shown in the tooltip (dates, amounts)
``facts``       strings listed in the side panel
``sources``     evidence: dicts with ``source``, ``headline``, ``date``, ``publisher``, ``text``
``url``         link to the entity's own page, relative to this page
``iri``         the entity's IRI
=============  ===========================================================================================

Edges: ``relation`` (the name shown), ``weight`` (line width), ``sources`` (evidence dicts as above, or
source ids), ``evidence_text`` (strings listed with the edge), ``subject`` and ``object`` (when given, the
edge is drawn as an arrow from subject to object). Parallel edges of a multigraph are kept, one per
relation.

A hub of a big graph has hundreds of facts and sentences, and they would be repeated on every page that
shows it: a page lists at most :data:`LIST_LIMIT` facts and :data:`SOURCE_LIMIT` sentences per node or
edge (the node a page is about: :data:`FOCUS_LIMIT`) and says how many it left out (``omitted``).

>>> import networkx as nx
>>> g = nx.MultiGraph()
>>> g.add_node("a", label="<b>A</b>", kind="Company", size=0.7)
>>> g.add_node("b", label="B", kind="GovernmentBody", size=0.3)
>>> _ = g.add_edge("a", "b", relation="partner of")
>>> _ = g.add_edge("a", "b", relation="signed agreement with")
>>> page = network_html(g, title="Two & two")
>>> page.startswith("<!DOCTYPE html>"), "<b>A</b>" in page, "Two &amp; two" in page
(True, False, True)
>>> data = view_data(g, title="t")
>>> len(data["nodes"]), [e["relation"] for e in data["edges"]]
(2, ['partner of', 'signed agreement with'])
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files

import networkx as nx

from ..bulk import paused_gc
from .layout import positions
from .style import CLASS_STYLES, class_style, community_color

__all__ = [
    "network_html", "view_data", "page_html", "script_json", "LARGE_VIEW", "DEFAULT_TOP_N", "PHYSICS_LIMIT",
    "LIST_LIMIT", "SOURCE_LIMIT", "FOCUS_LIMIT",
]

#: Views with more nodes than this get a precomputed layout with physics off and a top-N control.
LARGE_VIEW = 1000
#: How many nodes (the largest by centrality) a large view shows at first.
DEFAULT_TOP_N = 1000
#: Views up to this size settle with a short physics run (from the precomputed layout); bigger ones
#: keep the precomputed layout with physics off (1,000 nodes took 4.6 s to settle in headless Chromium).
PHYSICS_LIMIT = 300
#: At most this many facts (and evidence lines of an edge) per node or edge on a page.
LIST_LIMIT = 30
#: At most this many source sentences per node or edge on a page.
SOURCE_LIMIT = 10
#: At most this many facts and sentences for the node a page is about (its own page lists them).
FOCUS_LIMIT = 1000

_MIN_SIZE, _MAX_SIZE = 10.0, 40.0


@cache
def asset(name: str) -> str:
    """The text of a file shipped in ``graph/views/assets``."""
    return (files("graph.views") / "assets" / name).read_text(encoding="utf-8")


def script_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no text can write ``</script>`` or ``<!--``; U+2028
    and U+2029 are escaped for old JavaScript parsers. ``JSON.parse`` gives back the original text.

    >>> script_json({"label": "</script><!-- \\u2028"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _scaled(values: list[float]) -> list[float]:
    """Centralities mapped to node sizes (square-root scale: area grows with the score)."""
    if not values:
        return []
    low, high = min(values), max(values)
    if high - low <= 0:
        return [round((_MIN_SIZE + _MAX_SIZE) / 2, 1)] * len(values)
    return [round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * math.sqrt((v - low) / (high - low)), 1) for v in values]


_SOURCE_FIELDS = ("source", "text", "headline", "date", "publisher")


class _SourceTable:
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


def _edge_list(graph: nx.Graph, index: Mapping) -> list[tuple]:
    """``(u, v, relation, data)`` for every edge, one per relation between two nodes."""
    merged: dict[tuple, dict] = {}
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
        if key in merged:  # the same relation stated twice: one edge, all its evidence
            previous = merged[key][3]
            previous = dict(previous, sources=list(previous.get("sources") or []) + list(d.get("sources") or []))
            merged[key] = (u, v, relation, previous)
        else:
            merged[key] = (u, v, relation, d)
    return [merged[key] for key in sorted(merged)]


@paused_gc()
def view_data(
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
) -> dict:
    """The data a view page draws: nodes, edges, legend, evidence, settings (a JSON-ready dict).

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
        ``{node: (x, y)}``; computed with :func:`graph.views.layout.positions` when missing.
    top_n : int, optional
        For large views: how many nodes to show at first (default :data:`DEFAULT_TOP_N`).
    edge_labels : bool, optional
        Write the relation on each edge (default: when there are at most 80 edges).
    focus : node, optional
        The node the page is about: selected when the page opens.
    links : pairs of (text, href)
        Links shown in the page header.
    """
    if color_by not in ("kind", "group"):
        raise ValueError(f"color_by must be 'kind' or 'group', not {color_by!r}")
    ordered = sorted(graph.nodes, key=str)
    index = {node: i for i, node in enumerate(ordered)}
    if pos is None:
        pos = positions(graph)
    sources = _SourceTable()
    raw_sizes = [float(graph.nodes[n].get("size") or 0.0) for n in ordered]
    sizes = _scaled(raw_sizes)
    kinds: dict[str, int] = {}
    groups: dict[int, int] = {}
    nodes = []
    for node, size, raw in zip(ordered, sizes, raw_sizes, strict=True):
        attrs = graph.nodes[node]
        kind = str(attrs.get("kind") or "Thing")
        kinds[kind] = kinds.get(kind, 0) + 1
        x, y = pos.get(node, (0.0, 0.0))
        entry = {
            "id": index[node],
            "label": str(attrs.get("label", node)),
            "kind": kind,
            "size": size,
            "score": round(raw, 6),
            "x": round(float(x), 1),
            "y": round(float(y), 1),
        }
        facts_limit, sources_limit = (FOCUS_LIMIT, FOCUS_LIMIT) if node == focus else (LIST_LIMIT, SOURCE_LIMIT)
        entry["keyFacts"] = _capped(entry, "keyFacts", _strings(attrs.get("key_facts")), facts_limit)
        entry["facts"] = _capped(entry, "facts", _strings(attrs.get("facts")), facts_limit)
        entry["sources"] = sources.refs(_capped(entry, "sources", list(attrs.get("sources") or ()), sources_limit))
        for key, name in (("url", "url"), ("iri", "iri")):
            if attrs.get(key):
                entry[name] = str(attrs[key])
        if attrs.get("group") is not None:
            entry["group"] = int(attrs["group"])
            groups[entry["group"]] = groups.get(entry["group"], 0) + 1
        nodes.append(entry)
    edge_items = _edge_list(graph, index)
    weights = [float(d.get("weight") or 1.0) for _, _, _, d in edge_items]
    top_weight = max(weights, default=1.0) or 1.0
    weighted = len(set(weights)) > 1  # widths only say something when the weights differ
    directed = graph.is_directed()
    edges = []
    for i, ((u, v, relation, d), w) in enumerate(zip(edge_items, weights, strict=True)):
        entry = {
            "id": i,
            "from": index[u],
            "to": index[v],
            "relation": relation,
            "weight": round(w, 4),
            "width": round(1.0 + 5.0 * w / top_weight, 2) if weighted else 1.5,
            "directed": directed or ("subject" in d and "object" in d),
        }
        entry["sources"] = sources.refs(_capped(entry, "sources", list(d.get("sources") or ()), SOURCE_LIMIT))
        entry["evidence"] = _capped(entry, "evidence", _strings(d.get("evidence_text")), LIST_LIMIT)
        edges.append(entry)
    order = list(CLASS_STYLES)
    legend = sorted(kinds, key=lambda k: (order.index(k) if k in order else len(order), k))
    large = len(nodes) > LARGE_VIEW
    return {
        "title": str(title),
        "subtitle": str(subtitle),
        "colorBy": color_by,
        "sizeMeasure": size_measure,
        "classes": [dict(class_style(k)._asdict(), count=kinds[k]) for k in legend],
        "groups": [{"id": g, "color": community_color(g), "count": groups[g]} for g in sorted(groups)],
        "nodes": nodes,
        "edges": edges,
        "sources": sources.rows,
        "physics": len(nodes) <= PHYSICS_LIMIT,
        "topN": (top_n or DEFAULT_TOP_N) if large else None,
        "edgeLabels": len(edges) <= 80 if edge_labels is None else bool(edge_labels),
        "focus": index.get(focus) if focus is not None else None,
        "links": [{"text": str(text), "href": str(href)} for text, href in links],
    }


def network_html(graph: nx.Graph, *, title: str, **options) -> str:
    """One self-contained HTML page that draws ``graph`` (see :func:`view_data` for the options).

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
    data = view_data(graph, title=title, **options)
    return page_html(data)


@paused_gc()
def page_html(data: Mapping) -> str:
    """The HTML page for view data made by :func:`view_data`."""
    parts = {
        "title": html.escape(str(data["title"])),
        "style": asset("view.css"),
        "vis": asset("vis-network.min.js").replace("</script", "<\\/script"),
        "script": asset("view.js"),
        "data": script_json(data),
    }
    # One pass over the template: text put in is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], asset("network.html"))


_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
