"""Stores that hold the built graph and answer SPARQL, in the manner of rdflib's ``store`` and ``plugins.stores``:
what a store is (:mod:`~graph.store.base`), its back ends (:mod:`~graph.store.embedded`,
:mod:`~graph.store.remote`), the answer they give (:mod:`~graph.store.results`), and where one is found
(:mod:`~graph.store.location`).

>>> store = EmbeddedStore.create(None)
>>> store.load_nquads(b'<http://a> <http://b> "c" .\\n')
>>> store.query("ASK { ?s ?p 'c' }").boolean
True
"""

from __future__ import annotations

from .base import Store, prepare_query
from .embedded import EmbeddedStore
from .location import open_store
from .results import QueryResult

__all__ = ["Store", "EmbeddedStore", "RemoteStore", "QueryResult", "open_store", "prepare_query"]


def __getattr__(name: str):
    # RemoteStore brings httpx, which only a remote store needs: imported when first asked for (PEP 562).
    if name == "RemoteStore":
        from .remote import RemoteStore

        return RemoteStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
