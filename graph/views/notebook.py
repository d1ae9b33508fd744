"""Views inline in Jupyter: the self-contained page in an ``<iframe srcdoc>``.

The page keeps its own scripts and styles inside the frame, so the notebook's do not interfere, and it
needs nothing from the network. The page is escaped as an attribute value
(:func:`~graph.views.network.iframe_html`). A :class:`~graph.views.network.Network` shows itself the same way
when it is the last value of a cell (its ``_repr_html_``).

>>> import networkx as nx
>>> shown = display_view(nx.path_graph(2), title="<two>")
>>> shown.data.startswith("<iframe") and "srcdoc=" in shown.data and "<two>" not in shown.data
True
"""

from __future__ import annotations

import networkx as nx

from .network import Network, iframe_html, page_html
from .render import network_view

__all__ = ["display_view"]


def display_view(view: Network | nx.Graph | str, *, height: int = 650, **options):
    """An :class:`IPython.display.HTML` showing a view inline: a :class:`~graph.views.network.Network`, a page
    made by :func:`graph.views.network_html`, or a networkx graph (drawn with ``options``; ``title``
    required). A ``Network`` is always shown self-contained, whatever its ``cdn_resources``."""
    import warnings

    from IPython.display import HTML

    if isinstance(view, Network):
        page = page_html(view.page_data(), inline=True)
    elif isinstance(view, str):
        page = view
    else:
        page = network_view(view, **options).generate_html()
    with warnings.catch_warnings():  # IPython suggests IFrame, which needs a URL; srcdoc needs no file
        warnings.simplefilter("ignore", UserWarning)
        return HTML(iframe_html(page, height=height))
