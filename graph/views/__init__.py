"""Interactive network views: self-contained, offline HTML pages of the graph's networks.

``batterykg views`` writes ``out/index.html``, ``out/views/ecosystem.html``, ``out/views/partnerships.html``
and ``out/views/entities/<slug>.html``. Any networkx graph can be drawn the same way:

>>> import networkx as nx
>>> from graph.views import network_html
>>> g = nx.Graph()
>>> g.add_node("exencell", label="EXENCELL", kind="Company", size=0.4)
>>> g.add_node("mianyang", label="Mianyang City", kind="City", size=0.2)
>>> g.add_edge("exencell", "mianyang", relation="location")
>>> page = network_html(g, title="EXENCELL")
>>> "EXENCELL" in page, "cdn" in page.lower()
(True, False)
"""

from __future__ import annotations

from .evidence import EntityDetails, entity_details
from .layout import positions
from .notebook import display_view, iframe_html
from .render import DEFAULT_TOP_N, LARGE_VIEW, network_html, script_json, view_data
from .site import ENTITY_PAGE_KINDS, ViewsReport, entity_slug, write_views
from .style import CLASS_STYLES, class_style

__all__ = [
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
