"""The pyvis :class:`~pyvis.network.Network` behind every view, with three flaws of pyvis 0.3.2 fixed.

Everything pyvis offers works as in pyvis — ``add_node``, ``add_nodes``, ``add_edge``, ``add_edges``,
``from_nx``, ``options``, ``set_options``, ``show_buttons``, ``barnes_hut``, ``force_atlas_2based``,
``repulsion``, ``hrepulsion``, ``toggle_physics``, ``toggle_stabilization``, ``set_edge_smooth``,
``generate_html``, ``write_html``, ``show`` — except that:

* **adding is linear**: pyvis checks a node's and an edge's membership in a list (``n_id not in
  self.node_ids``; every edge against every other), 150 s for 10,000 nodes through ``from_nx``; here a dict
  and a set answer. ``from_nx`` no longer changes the networkx graph it reads (pyvis wrote ``size`` into its
  nodes and popped ``weight`` from its edges) and applies ``node_size_transf`` once per node;
* **the page is ours and offline**: pyvis's template loads bootstrap and tom-select from CDNs even "in_line".
  Ours inlines vis-network (from pyvis's own package) and our script, and a Content-Security-Policy
  forbids any request. ``cdn_resources="local"`` instead loads the scripts from files beside the page (how
  the site's pages share one copy); ``"remote"`` (a CDN) is refused;
* **titles and labels are text**: pyvis inserts every tooltip as HTML once any title holds ``href``; here
  the data travels as escaped JSON and reaches the page through ``textContent`` only.

An edge given its own ``id`` (vis-network's identity of an edge) is always kept, so one pair of nodes can
carry one edge per relation; without an ``id``, an undirected network keeps one edge per pair, as pyvis does.

>>> net = Network(heading="<b>Two</b> companies")
>>> net.add_node("a", label="<img src=x onerror=alert(1)>", title="<a href='javascript:x'>x</a>")
>>> net.add_node("b", label="B")
>>> net.add_edge("a", "b", weight=2)
>>> net.add_edge("b", "a")                    # undirected: the same pair, kept once
>>> net.barnes_hut(gravity=-2000)
>>> net.toggle_physics(False)
>>> page = net.generate_html()
>>> "<img src=x" in page, "<b>Two</b>" in page, "cdn" in page.lower(), len(net.edges)
(False, False, False, 1)
"""

from __future__ import annotations

import html
import json
import math
import re
import webbrowser
from functools import cache
from importlib.resources import files
from pathlib import Path

import networkx as nx
from pyvis.network import Network as PyvisNetwork
from pyvis.physics import Physics

from ..atomic import write_bytes, write_text
from ..errors import UsageError

__all__ = ["Network", "script_json", "page_html", "iframe_html", "write_assets", "asset", "ASSET_NAMES",
           "INLINE_CSP", "SHARED_CSP"]

#: The files a page loads: vis-network's script and style (read from pyvis's package), our script and style.
ASSET_NAMES = ("vis-network.min.js", "vis-network.css", "view.js", "view.css")
#: A self-contained page: its scripts and styles are inline, and it may load nothing at all.
INLINE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"
#: A page of the site: scripts and styles from files beside it (``file:`` on disk, ``'self'`` when served),
#: never inline scripts, never anything from another origin.
SHARED_CSP = "default-src 'none'; script-src 'self' file:; style-src 'self' file: 'unsafe-inline'; img-src data:"

_VIS = "lib/vis-9.1.2"  # in pyvis's package


@cache
def asset(name: str) -> str:
    """The text of one of :data:`ASSET_NAMES` (and of our templates): vis-network's files come from pyvis.

    >>> asset("vis-network.min.js").startswith("/**")
    True
    """
    if name.startswith("vis-network."):
        return (files("pyvis") / _VIS / name).read_text(encoding="utf-8")
    return (files("graph.views") / "assets" / name).read_text(encoding="utf-8")


def write_assets(folder: Path) -> list[Path]:
    """Write the files pages made with ``cdn_resources="local"`` load into ``folder`` (atomically; a file
    that already holds the same bytes is left alone). Returns their paths."""
    folder = Path(folder)
    written = []
    for name in ASSET_NAMES:
        path = folder / name
        body = asset(name).encode("utf-8")
        if not path.is_file() or path.read_bytes() != body:
            write_bytes(path, body)
        written.append(path)
    return written


def _plain(value):
    """``value`` with what JSON cannot hold turned into what it can: sets as sorted lists, NaN as null."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=str)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return str(value)


def script_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no text can write ``</script>`` or ``<!--``; U+2028
    and U+2029 are escaped for old JavaScript parsers. ``JSON.parse`` gives back the original text. Values
    JSON cannot hold (sets, NaN, other objects) are written as sorted lists, ``null`` and text.

    >>> script_json({"label": "</script><!-- \\u2028"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u2028"}'
    """
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        text = json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in _SCRIPT_ESCAPES:
        if char in text:  # each a scan in C: str.translate looks every character up in a dict (8 times slower)
            text = text.replace(char, escaped)
    return text


#: What :func:`script_json` escapes (none of the escapes holds a character escaped after it).
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                   ("\u2029", "\\u2029"))


_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def page_html(data: dict, *, inline: bool = True, assets_href: str = "lib/") -> str:
    """The HTML page that draws ``data`` (made by :meth:`Network.page_data`).

    ``inline``: vis-network, our script and our style inside the page (self-contained); else loaded from
    ``assets_href`` (a relative URL ending in ``/``), where :func:`write_assets` put them.
    """
    configure = bool((data.get("options") or {}).get("configure", {}).get("enabled"))
    if inline:
        head = f"<style>\n{asset('view.css')}</style>\n"
        if configure:  # the configurator's form is styled by vis-network's sheet
            head += f"<style>\n{asset('vis-network.css')}</style>\n"
        head += "<script>\n" + asset("vis-network.min.js").replace("</script", "<\\/script") + "\n</script>"
        script = f"<script>\n{asset('view.js')}</script>"
        csp = INLINE_CSP
    else:
        href = html.escape(assets_href)
        head = f'<link rel="stylesheet" href="{href}view.css">\n'
        if configure:
            head += f'<link rel="stylesheet" href="{href}vis-network.css">\n'
        head += f'<script src="{href}vis-network.min.js"></script>'
        script = f'<script src="{href}view.js"></script>'
        csp = SHARED_CSP
    parts = {"title": html.escape(str(data.get("title") or "network")), "csp": csp, "head": head,
             "script": script, "data": script_json(data)}
    # One pass over the template: text put in is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda match: parts[match.group(1)], asset("network.html"))


def iframe_html(page: str, *, height: int = 650) -> str:
    """An ``<iframe>`` whose ``srcdoc`` is ``page`` (escaped), sandboxed to scripts only: how a notebook shows
    a page inline (:meth:`Network._repr_html_`, :func:`graph.views.display_view`).

    >>> frame = iframe_html('<p title="x">a & b</p>', height=80)
    >>> frame.split(" sandbox")[0]
    '<iframe srcdoc="&lt;p title=&quot;x&quot;&gt;a &amp; b&lt;/p&gt;"'
    >>> 'sandbox="allow-scripts"' in frame, "height:80px" in frame
    (True, True)
    """
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe>')


def _options_json(value):
    """pyvis's option objects as the JSON value their ``to_json`` writes (attributes, keys sorted)."""
    if isinstance(value, dict):
        return {str(k): _options_json(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_options_json(v) for v in value]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return _options_json(vars(value))
    return value


def _check_id(n_id) -> None:
    if not isinstance(n_id, (str, int)):
        raise UsageError(f"node id {n_id!r} is a {type(n_id).__name__}: a node id is a str or an int (as in pyvis)")


class Network(PyvisNetwork):
    """A :class:`pyvis.network.Network` with linear-time adds, an offline page and text-only titles.

    Parameters are pyvis's, with two differences: ``cdn_resources`` is ``"in_line"`` (the default: one
    self-contained file) or ``"local"`` (scripts loaded from ``assets_href`` beside the page), and the
    default height fills the window. ``neighborhood_highlight`` and ``select_menu`` are always on (a click
    highlights a node's neighbours; the search box finds a node by any of its names); ``filter_menu`` is
    the legend's class filter.

    Attributes beyond pyvis's
    -------------------------
    page : dict
        What the page shows around the network: ``subtitle``, ``links``, ``classes`` (the legend) and more
        (see :func:`graph.views.render.network_view`).
    freeze_after_stabilization : bool
        Stop the simulation once the layout has settled, so filters and the year control never move nodes
        (``False``, pyvis's behaviour: the simulation goes on).
    assets_href : str
        Where a ``"local"`` page finds its scripts, relative to the page.

    Examples
    --------
    >>> import networkx as nx
    >>> net = Network()
    >>> net.from_nx(nx.path_graph(3))
    >>> [n["size"] for n in net.nodes], [(e["from"], e["to"]) for e in net.edges]
    ([10, 10, 10], [(0, 1), (1, 2)])
    >>> net.show_buttons(filter_=["physics"])
    >>> json.loads(net.get_network_data()[5])["configure"]
    {'enabled': True, 'filter': ['physics']}
    """

    def __init__(self, height="100%", width="100%", directed=False, notebook=False, neighborhood_highlight=False,
                 select_menu=False, filter_menu=False, bgcolor="#ffffff", font_color=False, layout=None, heading="",
                 cdn_resources="in_line", *, assets_href: str = "lib/"):
        if cdn_resources not in ("in_line", "local"):
            raise UsageError(f"cdn_resources={cdn_resources!r}: a view loads nothing from a CDN; use 'in_line' "
                             "(one self-contained file) or 'local' (scripts in files beside the page)")
        # pyvis's notebook mode only loads its own Jinja template (and warns about "local"); ours needs neither
        super().__init__(height=height, width=width, directed=directed, notebook=False,
                         neighborhood_highlight=neighborhood_highlight, select_menu=select_menu,
                         filter_menu=filter_menu, bgcolor=bgcolor, font_color=font_color, layout=layout,
                         heading=heading, cdn_resources=cdn_resources)
        self.notebook = notebook
        self.page: dict = {}
        self.freeze_after_stabilization = False
        self.assets_href = assets_href
        self._pairs: set = set()
        self._pairs_of: tuple = (None, 0)  # (the edge list the pairs were read from, its length then)

    # --- nodes and edges, in linear time --------------------------------------------------------------

    def add_node(self, n_id, label=None, shape="dot", color="#97c2fc", **options):
        """Add a node (pyvis's :meth:`~pyvis.network.Network.add_node`; a node already there is left as it is).

        >>> net = Network()
        >>> net.add_node(1, label="One", title="<b>shown as text</b>")
        >>> net.add_node(1, label="Again")
        >>> net.nodes
        [{'color': '#97c2fc', 'title': '<b>shown as text</b>', 'id': 1, 'label': 'One', 'shape': 'dot'}]
        """
        if n_id in self.node_map:
            return
        _check_id(n_id)
        # what pyvis's Node makes, without the object around it
        if "group" not in options:
            options = {"color": color, **options}
        options["id"] = n_id
        options["label"] = label if label else n_id
        options["shape"] = shape
        if self.font_color:
            options["font"] = {"color": self.font_color}
        self.nodes.append(options)
        self.node_ids.append(n_id)
        self.node_map[n_id] = options

    def add_nodes(self, nodes, **kwargs):
        """Add several nodes; keyword lists (``size``, ``value``, ``title``, ``x``, ``y``, ``label``,
        ``color``, ``shape``) give each its own value (pyvis's :meth:`~pyvis.network.Network.add_nodes`).

        Number-like names become int ids, as in pyvis (whose lookup of their values then failed).

        >>> net = Network()
        >>> net.add_nodes(["1", "b"], label=["one", "bee"])
        >>> [(n["id"], n["label"]) for n in net.nodes]
        [(1, 'one'), ('b', 'bee')]
        """
        valid = ("size", "value", "title", "x", "y", "label", "color", "shape")
        nodes = list(nodes)
        for key, values in kwargs.items():
            if key not in valid:
                raise UsageError(f"add_nodes: invalid argument {key!r} (valid: {', '.join(valid)})")
            if len(values) != len(nodes):
                raise UsageError(f"add_nodes: {key} has {len(values)} values for {len(nodes)} nodes")
        for i, node in enumerate(nodes):
            try:
                n_id = int(node)
            except (TypeError, ValueError):
                n_id = node
            self.add_node(n_id, **{key: values[i] for key, values in kwargs.items()})

    def _known_pairs(self) -> set:
        """The pairs of nodes already joined, read again if the edge list was changed by hand."""
        edges, length = self._pairs_of
        if edges is not self.edges or length != len(self.edges):
            self._pairs = {frozenset((e["from"], e["to"])) for e in self.edges}
        return self._pairs

    def add_edge(self, source, to, **options):
        """Add an edge between two nodes already added (pyvis's :meth:`~pyvis.network.Network.add_edge`).

        In an undirected network a second edge between the same two nodes is ignored, as in pyvis, unless it
        has its own ``id``.

        >>> net = Network()
        >>> net.add_nodes(["a", "b"])
        >>> net.add_edge("a", "b", id=0, label="partner of")
        >>> net.add_edge("b", "a", id=1, label="signed agreement with")
        >>> net.add_edge("a", "b")
        >>> [e["label"] for e in net.edges]
        ['partner of', 'signed agreement with']
        """
        node_map = self.node_map
        if source not in node_map or to not in node_map:
            raise UsageError(f"non existent node {source if source not in node_map else to!r}: add it before "
                             "its edges")
        edges = self.edges
        pairs = self._pairs if self._pairs_of[0] is edges and self._pairs_of[1] == len(edges) else self._known_pairs()
        pair = frozenset((source, to))
        if not self.directed and options.get("id") is None and pair in pairs:
            return
        pairs.add(pair)
        # what pyvis's Edge makes
        options["from"] = source
        options["to"] = to
        if self.directed and "arrows" not in options:
            options["arrows"] = "to"
        edges.append(options)
        self._pairs_of = (edges, len(edges))

    def extend_edges(self, edges: list[dict]) -> None:
        """Add edges given as the dicts :meth:`add_edge` makes: each with its own ``id``, ``from`` and ``to``
        (nodes already added) and its options. The bulk path of a view's edges: no keyword arguments unpacked
        again, no pair looked up (an edge with an ``id`` is always added).

        >>> net = Network()
        >>> net.add_nodes(["a", "b"])
        >>> net.extend_edges([{"label": "partner of", "id": 0, "from": "a", "to": "b"}])
        >>> net.add_edge("b", "a")                    # the pair is known: ignored, as in pyvis
        >>> [(e["from"], e["to"]) for e in net.edges]
        [('a', 'b')]
        """
        node_map = self.node_map
        for edge in edges:
            if edge.get("id") is None:
                raise UsageError(f"extend_edges: edge {edge!r} has no id (add it with add_edge)")
            for end in (edge["from"], edge["to"]):
                if end not in node_map:
                    raise UsageError(f"non existent node {end!r}: add it before its edges")
            if self.directed and "arrows" not in edge:
                edge["arrows"] = "to"
        self.edges.extend(edges)  # the pairs add_edge checks are read again from the list when next needed

    def neighbors(self, node):
        """The set of nodes joined to ``node`` (pyvis's :meth:`~pyvis.network.Network.neighbors`)."""
        _check_id(node)
        if node not in self.node_map:
            raise UsageError(f"{node!r} is not a node of this network")
        return self.get_adj_list()[node]

    def from_nx(self, nx_graph, node_size_transf=(lambda x: x), edge_weight_transf=(lambda x: x),
                default_node_size=10, default_edge_weight=1, show_edge_weights=True, edge_scaling=False):
        """Add the nodes and edges of a networkx graph (pyvis's :meth:`~pyvis.network.Network.from_nx`).

        Node attributes become node options (``size`` defaults to ``default_node_size`` and is passed through
        ``node_size_transf``, once); an edge's ``weight`` becomes its ``width`` (``value`` with
        ``edge_scaling``) through ``edge_weight_transf``. The networkx graph is not changed.

        >>> import networkx as nx
        >>> g = nx.Graph()
        >>> g.add_edge("a", "b", weight=3)
        >>> g.add_node("c", size=4, title="alone")
        >>> net = Network()
        >>> net.from_nx(g, node_size_transf=lambda s: 2 * s)
        >>> [(n["id"], n["size"]) for n in net.nodes], net.edges, g.edges["a", "b"]
        ([('a', 20), ('b', 20), ('c', 8)], [{'width': 3, 'from': 'a', 'to': 'b'}], {'weight': 3})
        """
        if not isinstance(nx_graph, nx.Graph):
            raise UsageError(f"from_nx needs a networkx graph, not a {type(nx_graph).__name__}")
        attributes = nx_graph.nodes

        def add(node):
            if node in self.node_map:
                return
            options = dict(attributes[node])
            options["size"] = int(node_size_transf(options.get("size", default_node_size)))
            self.add_node(node, **options)

        # pyvis's order: the two ends of each edge as they come, then the nodes without edges
        for u, v, data in nx_graph.edges(data=True):
            add(u)
            add(v)
            options = dict(data)
            if "value" not in options or "width" not in options:
                weight = options.pop("weight", default_edge_weight)
                options["value" if edge_scaling else "width"] = edge_weight_transf(weight)
            self.add_edge(u, v, **options)
        for node in nx.isolates(nx_graph):
            add(node)

    # --- physics helpers: each can be called again, and after set_options -----------------------------------
    # pyvis replaces the class Physics.barnesHut (and the others) with its first instance, so a second call
    # raised "TypeError: 'barnesHut' object is not callable"; and barnes_hut did not make Barnes-Hut the solver.

    def _solver(self, solver: str, settings: type, params: dict) -> None:
        chosen = vars(settings(params))
        if isinstance(self.options, dict):
            physics = self.options.setdefault("physics", {})
            physics[solver] = chosen
            physics["solver"] = solver
        else:
            setattr(self.options.physics, solver, settings(params))
            self.options.physics.solver = solver

    def barnes_hut(self, gravity=-80000, central_gravity=0.3, spring_length=250, spring_strength=0.001,
                   damping=0.09, overlap=0):
        """Barnes–Hut physics, made the solver (pyvis's :meth:`~pyvis.network.Network.barnes_hut`)."""
        self._solver("barnesHut", Physics.barnesHut, locals())

    def force_atlas_2based(self, gravity=-50, central_gravity=0.01, spring_length=100, spring_strength=0.08,
                           damping=0.4, overlap=0):
        """ForceAtlas2-based physics (pyvis's :meth:`~pyvis.network.Network.force_atlas_2based`).

        >>> net = Network()
        >>> net.force_atlas_2based(gravity=-80)
        >>> net.force_atlas_2based(gravity=-60)   # pyvis: TypeError on the second call
        >>> net.options_dict()["physics"]["forceAtlas2Based"]["gravitationalConstant"]
        -60
        """
        self._solver("forceAtlas2Based", Physics.forceAtlas2Based, locals())

    def repulsion(self, node_distance=100, central_gravity=0.2, spring_length=200, spring_strength=0.05,
                  damping=0.09):
        """Repulsion physics (pyvis's :meth:`~pyvis.network.Network.repulsion`)."""
        self._solver("repulsion", Physics.Repulsion, locals())

    def hrepulsion(self, node_distance=120, central_gravity=0.0, spring_length=100, spring_strength=0.01,
                   damping=0.09):
        """Hierarchical repulsion physics (pyvis's :meth:`~pyvis.network.Network.hrepulsion`)."""
        self._solver("hierarchicalRepulsion", Physics.hierarchicalRepulsion, locals())

    def _physics(self) -> dict:
        if isinstance(self.options, dict):
            return self.options.setdefault("physics", {})
        return self.options.physics.__dict__

    def toggle_physics(self, status):
        """Physics on or off (pyvis's :meth:`~pyvis.network.Network.toggle_physics`; also after
        :meth:`set_options`, where pyvis's raised an error)."""
        self._physics()["enabled"] = status

    # --- templates: ours only ----------------------------------------------------------------------------

    def set_template(self, path_to_template: str):
        raise UsageError("views are written with battery-kg's offline template; a Jinja template could load "
                         "scripts from anywhere and insert titles as HTML")

    def set_template_dir(self, template_directory, template_file="template.html"):
        self.set_template(template_directory)

    def prep_notebook(self, custom_template=False, custom_template_path=None):
        """Nothing to prepare: the page works inline in Jupyter as it is (see :meth:`show`)."""
        if custom_template and custom_template_path:
            self.set_template(custom_template_path)

    # --- the page ------------------------------------------------------------------------------------------

    def options_dict(self) -> dict:
        """The vis-network options, as the page passes them (pyvis's ``options`` or what ``set_options`` set):
        what ``options.to_json()`` gives, without its indented text in between."""
        return _options_json(self.options)

    def page_data(self) -> dict:
        """Everything the page draws, ready for JSON: the view's settings, nodes, edges and options."""
        data = {"title": str(self.heading or self.page.get("title") or "network"), "subtitle": "", "links": [],
                "classes": [], "groups": [], "sources": [], "colorBy": None, "sizeMeasure": "", "topN": None,
                "edgeLabels": None, "focus": None, "years": None, "leftOut": None}
        data.update(self.page)
        data.update(nodes=self.nodes, edges=self.edges, options=self.options_dict(),
                    freeze=bool(self.freeze_after_stabilization), bgcolor=self.bgcolor,
                    height=str(self.height), width=str(self.width), dot=self.dot_lang if self.use_DOT else None)
        return data

    def generate_html(self, name="index.html", local=True, notebook=False):
        """The page as a string (pyvis's :meth:`~pyvis.network.Network.generate_html`), also kept in ``html``."""
        self.html = page_html(self.page_data(), inline=self.cdn_resources == "in_line",
                              assets_href=self.assets_href)
        return self.html

    def write_html(self, name, local=True, notebook=False, open_browser=False):
        """Write the page to ``name`` (an ``.html`` path), atomically, as UTF-8.

        A ``"local"`` network also writes the scripts it loads into ``assets_href`` beside the page.
        """
        path = Path(name)
        if path.suffix != ".html":
            raise UsageError(f"{name}: a view is written to an .html file")
        page = self.generate_html()
        if self.cdn_resources == "local":
            write_assets((path.parent / self.assets_href).resolve())
        write_text(path, page)
        if open_browser:
            webbrowser.open(path.resolve().as_uri())

    def save_graph(self, name):
        """pyvis's name for :meth:`write_html`."""
        self.write_html(name)

    def show(self, name, local=True, notebook=True):
        """Write the page to ``name``; in a notebook, return an :class:`IPython.display.IFrame` showing it
        (pyvis's :meth:`~pyvis.network.Network.show`); else open it in a browser."""
        if not notebook:
            self.write_html(name, open_browser=True)
            return None
        from IPython.display import IFrame

        self.write_html(name)
        height = self.height if str(self.height).endswith("px") else "650px"
        return IFrame(name, width=self.width, height=height)

    def _repr_html_(self) -> str:
        """Jupyter shows the network inline: the self-contained page in an ``<iframe srcdoc>``."""
        height = int(str(self.height)[:-2]) if re.fullmatch(r"\d+px", str(self.height)) else 650
        return iframe_html(page_html(self.page_data(), inline=True), height=height)
