"""The front door of SPARQL: ``graph.query(sparql, store)``, on the built graph by default.

>>> from graph.store import EmbeddedStore
>>> store = EmbeddedStore.create(None)
>>> store.load_nquads(b'<https://w3id.org/battery-kg/id/x> <http://www.w3.org/2000/01/rdf-schema#label> "X"@en .\\n')
>>> result = query("SELECT ?label WHERE { bk:x rdfs:label ?label }", store)
>>> result.variables, [str(row[0]) for row in result.rows]
(['label'], ['X'])
>>> print(result.serialize("csv").decode().strip())
label
X
>>> query("ASK { bk:x ?p ?o }", store).boolean
True
"""

from __future__ import annotations

from ..store.base import Store
from ..store.location import open_store
from ..store.results import QueryResult

__all__ = ["query"]


def query(sparql: str, store: Store | None = None, *, timeout: float | None = None) -> QueryResult:
    """Run ``sparql`` on ``store`` (default: the built graph). Our prefixes are predeclared."""
    store = store if store is not None else open_store()
    return store.query(sparql, timeout=timeout)
