"""Interactive network views: offline HTML pages of the graph's networks, each a pyvis ``Network``.

``batterykg views`` writes ``out/index.html``, ``out/views/ecosystem.html``, ``out/views/partnerships.html``
and ``out/views/entities/<slug>.html``, which share one copy of their scripts in ``out/views/assets/``.
Any networkx graph can be drawn the same way, and the :class:`Network` returned is pyvis's:

>>> import networkx as nx
>>> from graph.views import network_view
>>> g = nx.Graph()
>>> g.add_node("exencell", label="EXENCELL", kind="Company", size=0.4)
>>> g.add_node("mianyang", label="Mianyang City", kind="City", size=0.2)
>>> g.add_edge("exencell", "mianyang", relation="location")
>>> net = network_view(g, title="EXENCELL")
>>> net.show_buttons(filter_=["physics"])
>>> page = net.generate_html()
>>> "EXENCELL" in page, "<script src" in page, "default-src 'none'" in page
(True, False, True)
"""

from __future__ import annotations

from .evidence import EntityDetails, entity_details
from .network import Network, iframe_html, script_json
from .notebook import display_view
from .positions import positions
from .render import DEFAULT_TOP_N, LARGE_VIEW, network_html, network_view, view_data
from .site import ENTITY_PAGE_KINDS, ViewsReport, entity_slug, write_views
from .style import CLASS_STYLES, class_style

__all__ = [
    "Network",
    "network_view",
    "network_html",
    "view_data",
    "script_json",
    "write_views",
    "ViewsReport",
    "display_view",
    "iframe_html",
    "entity_details",
    "EntityDetails",
    "entity_slug",
    "positions",
    "class_style",
    "CLASS_STYLES",
    "ENTITY_PAGE_KINDS",
    "LARGE_VIEW",
    "DEFAULT_TOP_N",
]
