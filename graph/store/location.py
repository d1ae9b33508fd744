"""Where the graph lives: a folder on disk (an embedded store) or the URL of a SPARQL endpoint (a remote one).

>>> open_store("/nonexistent/store")
Traceback (most recent call last):
...
graph.errors.NotBuiltError: no graph at /nonexistent/store: run `batterykg build` first
"""

from __future__ import annotations

import os
from pathlib import Path

from ..folders import OutputLayout
from .base import Store
from .embedded import EmbeddedStore

__all__ = ["open_store"]


def open_store(location: str | Path | None = None) -> Store:
    """The store at ``location``: a folder (embedded) or an ``http(s)://`` SPARQL endpoint URL.

    Without a location: ``BATTERYKG_STORE`` if set, else the embedded store of the default output folder.
    """
    location = location or os.environ.get("BATTERYKG_STORE")
    if location is None:
        location = OutputLayout.default().store
    if str(location).startswith(("http://", "https://")):
        from .remote import RemoteStore  # httpx only when a remote store is asked for

        return RemoteStore(str(location))
    return EmbeddedStore.open(Path(location))
