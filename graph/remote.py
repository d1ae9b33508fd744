"""The graph in a remote SPARQL 1.1 server (Oxigraph, Fuseki, Virtuoso, GraphDB), for shared deployments.

:class:`RemoteStore` offers what :class:`~graph.store.EmbeddedStore` offers — ``query``, ``load_nquads``,
``add_graph``, ``close`` — over HTTP: SPARQL 1.1 Query, SPARQL 1.1 Update (loading, clearing) and the Graph
Store Protocol (replacing one named graph). Every call has a real time limit — on the whole call, not on
each read, so a server that trickles its answer a byte at a time is cut off too — and every failure is a
:class:`~graph.errors.StoreError` that names the URL and the HTTP status (a malformed query is a
:class:`~graph.errors.QueryError` with the server's message).

The default graph: the build writes the union of all named graphs into the default graph itself (see
:mod:`graph.store`), so a server whose default graph is its own plain graph (Oxigraph, Fuseki) answers as
the embedded store does. Some servers always answer default-graph queries from all their graphs (Virtuoso,
which has no unnamed graph to write to, and GraphDB); for them, ``union_default_graph=True``
(``BATTERYKG_STORE_UNION_DEFAULT=1``) loads only the named graphs and lets the server make the union — where,
as in ``oxigraph serve --union-default-graph``, a triple that several graphs hold is matched once per graph.

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
import threading

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
        ``(user, password)`` for HTTP basic authentication (default: ``BATTERYKG_STORE_USER`` and
        ``BATTERYKG_STORE_PASSWORD``, when set).
    union_default_graph : bool, optional
        The server answers default-graph queries from the union of its named graphs, so the default graph is
        not written (default: ``BATTERYKG_STORE_UNION_DEFAULT=1``).
    """

    def __init__(self, url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, auth: tuple[str, str] | None = None,
                 union_default_graph: bool | None = None):
        self.url = url
        self.query_url, self.update_url, self.gsp_url = endpoints(url, update_url, gsp_url)
        self.timeout = timeout
        if auth is None and os.environ.get("BATTERYKG_STORE_USER"):
            auth = (os.environ["BATTERYKG_STORE_USER"], os.environ.get("BATTERYKG_STORE_PASSWORD", ""))
        self._auth = auth
        if union_default_graph is None:
            union_default_graph = os.environ.get("BATTERYKG_STORE_UNION_DEFAULT", "") in ("1", "true", "yes")
        self.union_default_graph = union_default_graph
        self._client = self._new_client()

    def _new_client(self) -> httpx.Client:
        return httpx.Client(auth=self._auth, follow_redirects=True, headers={"User-Agent": "battery-kg"})

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    def _send(self, method: str, url: str, *, timeout: float | None = None, **kwargs) -> httpx.Response:
        """One HTTP call, answered in full within ``timeout`` seconds or a :class:`StoreError`.

        httpx's timeouts bound each connect, write and read on its own, so an answer arriving a little at a
        time never trips them: the call runs in a thread, and the caller stops waiting at the deadline.
        """
        limit = self.timeout if timeout is None else timeout
        client, outcome = self._client, {}

        def call() -> None:
            try:
                outcome["response"] = client.request(method, url, timeout=httpx.Timeout(limit), **kwargs)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        worker = threading.Thread(target=call, name="battery-kg remote call", daemon=True)
        worker.start()
        worker.join(limit)
        if worker.is_alive():
            # the abandoned call keeps its client until httpx gives up; the next calls get a fresh one
            self._client = self._new_client()
            threading.Thread(target=_close_after, args=(worker, client), daemon=True).start()
            raise StoreError(f"the SPARQL endpoint {url} did not answer within {limit:g} s")
        error = outcome.get("error")
        if isinstance(error, httpx.TimeoutException):
            raise StoreError(f"the SPARQL endpoint {url} did not answer within {limit:g} s") from error
        if isinstance(error, httpx.HTTPError):
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {error}") from error
        if error is not None:
            raise error
        return outcome["response"]

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
        if self.union_default_graph:  # the server makes the default graph from the named ones
            quads = [q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)]
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
        if self.union_default_graph:
            return
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
        if self.union_default_graph:
            result = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            return int(result.rows[0][0])
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return int(result.rows[0][0])

    def close(self) -> None:
        self._client.close()


def _close_after(worker: threading.Thread, client: httpx.Client) -> None:
    worker.join()
    client.close()


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
