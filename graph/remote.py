"""The graph in a remote SPARQL 1.1 server (Oxigraph, Fuseki, Virtuoso, GraphDB), for shared deployments.

:class:`RemoteStore` offers what :class:`~graph.store.EmbeddedStore` offers — ``query``, ``load_nquads``,
``add_graph``, ``close`` — over HTTP: SPARQL 1.1 Query, SPARQL 1.1 Update (loading, clearing) and the Graph
Store Protocol (replacing one named graph). Every call has a real time limit, and every failure is a
:class:`~graph.errors.StoreError` that names the URL and the HTTP status (a malformed query is a
:class:`~graph.errors.QueryError` with the server's message).

The default graph must be the plain default graph of the server, *not* a union mode: the build writes the
union of all named graphs into the default graph itself (see :mod:`graph.store`), so a server in union mode
(``oxigraph serve --union-default-graph``, Fuseki ``tdb:unionDefaultGraph``) would count those triples twice.

Endpoints are found from one URL:

- ``http://host:7878`` (a server root): ``/query``, ``/update`` and ``/store`` below it (Oxigraph's layout);
- ``http://host:3030/ds/query`` or ``.../sparql`` (a query endpoint): update at ``.../update`` beside it
  (Fuseki), the Graph Store Protocol at ``.../data`` beside it;
- anything else: set ``BATTERYKG_STORE_UPDATE`` and ``BATTERYKG_STORE_GSP`` (or the ``update_url`` and
  ``gsp_url`` arguments) — e.g. Virtuoso ``/sparql`` for both query and update and
  ``/sparql-graph-crud`` for the GSP; GraphDB ``/repositories/ID``, ``/repositories/ID/statements``,
  ``/repositories/ID/rdf-graphs/service``.

>>> endpoints("http://127.0.0.1:7878")
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store')
>>> endpoints("http://localhost:3030/ds/sparql")
('http://localhost:3030/ds/sparql', 'http://localhost:3030/ds/update', 'http://localhost:3030/ds/data')
>>> RemoteStore("http://127.0.0.1:9", timeout=2).query("ASK {}")
Traceback (most recent call last):
...
graph.errors.StoreError: cannot reach the SPARQL endpoint http://127.0.0.1:9/query: ...
"""

from __future__ import annotations

import os
import re

import httpx
import pyoxigraph as ox

from .errors import QueryError, StoreError
from .store import prepare_query

__all__ = ["RemoteStore", "endpoints", "DEFAULT_TIMEOUT"]

#: Seconds a remote call may take unless told otherwise.
DEFAULT_TIMEOUT = 60.0

#: Quads per SPARQL Update request when loading.
BATCH = 20_000

_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
           "application/sparql-results+xml;q=0.5")


def endpoints(url: str, update_url: str | None = None, gsp_url: str | None = None) -> tuple[str, str, str]:
    """The query, update and Graph Store Protocol URLs for the store at ``url``."""
    url = url.rstrip("/")
    match = re.match(r"^(.*)/(query|sparql)$", url)
    if match:
        base, query = match.group(1), url
        default_update, default_gsp = f"{base}/update", f"{base}/data"
    else:
        query, default_update, default_gsp = f"{url}/query", f"{url}/update", f"{url}/store"
    update = update_url or os.environ.get("BATTERYKG_STORE_UPDATE") or default_update
    gsp = gsp_url or os.environ.get("BATTERYKG_STORE_GSP") or default_gsp
    return query, update, gsp


class RemoteStore:
    """A SPARQL 1.1 server holding the graph.

    Parameters
    ----------
    url : str
        The server root (Oxigraph) or its query endpoint (see the module documentation).
    update_url, gsp_url : str, optional
        The SPARQL Update and Graph Store Protocol endpoints, when they cannot be derived from ``url``.
    timeout : float
        Seconds each call may take (queries may ask for less).
    auth : tuple, optional
        ``(user, password)`` for HTTP basic authentication.
    """

    def __init__(self, url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, auth: tuple[str, str] | None = None):
        self.url = url
        self.query_url, self.update_url, self.gsp_url = endpoints(url, update_url, gsp_url)
        self.timeout = timeout
        self._client = httpx.Client(auth=auth, follow_redirects=True, headers={"User-Agent": "battery-kg"})

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    def _send(self, method: str, url: str, *, timeout: float | None = None, **kwargs) -> httpx.Response:
        limit = self.timeout if timeout is None else timeout
        try:
            response = self._client.request(method, url, timeout=httpx.Timeout(limit), **kwargs)
        except httpx.TimeoutException as exc:
            raise StoreError(f"the SPARQL endpoint {url} did not answer within {limit:g} s") from exc
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {exc}") from exc
        return response

    @staticmethod
    def _failure(response: httpx.Response, what: str) -> StoreError:
        body = response.text.strip().replace("\n", " ")
        if len(body) > 500:
            body = body[:500] + "..."
        return StoreError(f"{what} at {response.request.url} failed with HTTP {response.status_code}"
                          + (f": {body}" if body else ""))

    def query(self, sparql: str, *, timeout: float | None = None):
        """Run ``sparql`` (our prefixes predeclared) and return a :class:`~graph.query.QueryResult`."""
        from .query import QueryResult

        response = self._send("POST", self.query_url, timeout=timeout, data={"query": prepare_query(sparql)},
                              headers={"Accept": _ACCEPT})
        if response.status_code == 400:
            from .store import _syntax_message

            message = _syntax_message(response.text.strip())
            raise QueryError(f"the SPARQL endpoint {self.query_url} rejected the query: {message}")
        if response.status_code >= 300:
            raise self._failure(response, "the query")
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        body = response.content
        if media in ("application/sparql-results+json", "application/json"):
            return QueryResult.from_sparql_json(body)
        if media in ("application/sparql-results+xml", "application/xml"):
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
            if isinstance(parsed, ox.QueryBoolean):
                return QueryResult("ask", bool(parsed))
            return QueryResult("select", parsed.serialize(format=ox.QueryResultsFormat.JSON))
        if media in ("application/n-triples", "text/plain"):
            return QueryResult.from_ntriples(body)
        if media == "text/turtle":
            triples = ox.parse(body, format=ox.RdfFormat.TURTLE)
            return QueryResult.from_ntriples(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        raise StoreError(f"the SPARQL endpoint {self.query_url} answered with an unexpected type {media!r}")

    def update(self, sparql_update: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL 1.1 Update."""
        response = self._send("POST", self.update_url, timeout=timeout, content=sparql_update.encode("utf-8"),
                              headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        if response.status_code >= 300:
            raise self._failure(response, "the update")

    def load_nquads(self, data: bytes) -> None:
        """Add N-Quads (lines without a graph go to the default graph), with SPARQL Update ``INSERT DATA``.

        Large inputs go in batches of :data:`BATCH` quads; an input with blank nodes goes in one request,
        so that a blank node stays one node.
        """
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        has_blank = any(isinstance(term, ox.BlankNode) for q in quads for term in (q.subject, q.object))
        size = len(quads) if has_blank else BATCH
        for start in range(0, len(quads), max(size, 1)):
            self.update(_insert_data(quads[start:start + size]))

    def add_graph(self, graph_iri: str, ntriples: bytes, replace: bool = True) -> None:
        """Put N-Triples into the named graph ``graph_iri`` (Graph Store Protocol) and into the default graph.

        With ``replace`` (HTTP PUT) the graph's previous triples go first; as in the embedded store, the
        default graph is then the union of the named graphs again.
        """
        method = "PUT" if replace else "POST"
        response = self._send(method, self.gsp_url, params={"graph": str(graph_iri)}, content=ntriples,
                              headers={"Content-Type": "application/n-triples"})
        if response.status_code >= 300:
            raise self._failure(response, f"{method} of the graph <{graph_iri}>")
        if replace:
            self.update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        else:
            quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                     for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)]
            self.update(_insert_data(quads))

    def clear(self) -> None:
        """Remove every triple of every graph (``DROP ALL``): what a build does before loading."""
        self.update("DROP ALL")

    def replace_all(self, nquads: bytes) -> None:
        """Make the store hold exactly ``nquads``."""
        self.clear()
        self.load_nquads(nquads)

    def __len__(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return int(result.rows[0][0])

    def close(self) -> None:
        self._client.close()


def _insert_data(quads) -> str:
    default, named = [], {}
    for quad in quads:
        triple = f"{quad.subject} {quad.predicate} {quad.object} ."
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(triple)
        else:
            named.setdefault(str(quad.graph_name), []).append(triple)
    parts = ["\n".join(default)]
    parts += [f"GRAPH {name} {{\n" + "\n".join(triples) + "\n}" for name, triples in named.items()]
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"
