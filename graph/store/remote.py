"""The graph in a remote SPARQL 1.1 server (Oxigraph, Virtuoso; Fuseki and GraphDB untested), for shared deployments.

:class:`RemoteStore` offers what :class:`~graph.store.embedded.EmbeddedStore` offers — ``query``, ``load_nquads``,
``add_graph``, ``close`` — over HTTP: SPARQL 1.1 Query, SPARQL 1.1 Update (loading, clearing) and the Graph
Store Protocol (replacing one named graph). Every call has a real time limit — on the whole call, not on
each read, so a server that trickles its answer a byte at a time is cut off too — and every failure is a
:class:`~graph.errors.StoreError` that names the URL and the HTTP status (a malformed query is a
:class:`~graph.errors.QueryError` with the server's message).

**Where the union lives.** The embedded store's default graph is the RDF merge of all the project's graphs
(see :mod:`graph.store.embedded`); a remote store answers from the same, by one of three layouts (its
:class:`ServerProfile`, :data:`PROFILES`):

- ``standard`` — a server whose default graph is a plain graph of its own (Oxigraph started without
  ``--union-default-graph``, Fuseki without ``unionDefaultGraph``): the build writes the merge into it.
- ``virtuoso`` — Virtuoso, whose default graph is made of all its graphs, its own among them (``virtrdf#``
  and others): the build writes the merge into :data:`UNION_GRAPH`, and every query that names no dataset
  itself gets that as its default graph (the protocol's ``default-graph-uri``). So the server's own graphs
  never reach the default graph, and a triple that several graphs hold is matched once, as embedded.
  ``GRAPH ?g`` still ranges over all the server's graphs, :data:`UNION_GRAPH` and Virtuoso's own among them:
  the saved questions join it with ``?g a bkg:Assertion``, which those graphs are not. (Leaving the others out
  with ``define input:named-graph-exclude`` needs their names, and listing them costs a second a query at half
  a million triples.) ``GRAPH <iri>`` is asked as ``GRAPH ?g`` with ``?g`` bound (:func:`bind_graph_names`):
  Virtuoso gives a query whose default graph is named no other graph by name.
- ``union`` — another server whose default graph is made of all its graphs (GraphDB, ``oxigraph serve
  --union-default-graph``): the build loads only the named graphs and the server makes the union, where a
  triple that several graphs hold is matched once per graph (SPARQL names no such dataset but by listing each
  graph, which at a million triples is some 100,000 graph names a query).

**Rebuilds replace.** :meth:`RemoteStore.clear` clears each of the project's graphs by name (those whose IRI
starts with :data:`~graph.namespace.BASE`; never ``CLEAR ALL``, which would take other data of a shared
server, and which Virtuoso answers with 200 while removing nothing), then counts what is left: a server that
keeps anything is a :class:`~graph.errors.StoreError`. :meth:`RemoteStore.replace_all` then loads, and
counts again.

**Whole, standard answers.** Results are normalised to SPARQL 1.1 JSON (``"literal"`` where Virtuoso says
``"typed-literal"``, no ``"link"``, blank node labels without Virtuoso's ``nodeID://``, ``xsd:boolean``
values as ``true``/``false``). An answer cut at the server's row limit — announced in ``X-SPARQL-MaxRows``
(Virtuoso's ``ResultSetMaxRows``), or exactly ``max_rows`` rows or triples — is a
:class:`~graph.errors.StoreError`, never a silent part of the answer.

**Endpoints** are found from one URL:

- ``http://host:7878`` (a server root): ``/query``, ``/update`` and ``/store`` below it (Oxigraph's layout);
- ``http://host:8890/sparql`` or ``.../sparql-auth`` (Virtuoso): queries there, updates at ``/sparql-auth``
  and the Graph Store Protocol at ``/sparql-graph-crud-auth``, its protected endpoints (HTTP Digest);
- ``http://host:3030/ds/query`` or ``.../ds/sparql`` (a query endpoint below a dataset): update at
  ``.../update`` beside it (Fuseki), the Graph Store Protocol at ``.../data`` beside it;
- anything else: set ``BATTERYKG_STORE_UPDATE`` and ``BATTERYKG_STORE_GSP`` (or the ``update_url`` and
  ``gsp_url`` arguments), and ``BATTERYKG_STORE_SERVER`` for the layout.

>>> endpoints("http://127.0.0.1:7878")
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store')
>>> endpoints("http://localhost:3030/ds/sparql")
('http://localhost:3030/ds/sparql', 'http://localhost:3030/ds/update', 'http://localhost:3030/ds/data')
>>> endpoints("http://localhost:8890/sparql")
('http://localhost:8890/sparql', 'http://localhost:8890/sparql-auth', 'http://localhost:8890/sparql-graph-crud-auth')
>>> server_profile("http://localhost:8890/sparql-auth").name, server_profile("http://localhost:7878").name
('virtuoso', 'standard')
>>> RemoteStore("http://127.0.0.1:9", timeout=2).query("ASK {}")
Traceback (most recent call last):
...
graph.errors.StoreError: cannot reach the SPARQL endpoint http://127.0.0.1:9/query: ...
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from ..errors import QueryError, StoreError, UsageError
from ..namespace import BASE, GRAPH
from .base import HIDDEN_TEXT, dataset_clause, prepare_query, query_form, solution_limit, syntax_message
from .results import QueryResult

__all__ = ["RemoteStore", "ServerProfile", "PROFILES", "server_profile", "endpoints", "ChallengeAuth",
           "bind_graph_names", "standard_results", "UNION_GRAPH", "DEFAULT_TIMEOUT"]

#: Seconds a remote call may take unless told otherwise.
DEFAULT_TIMEOUT = 60.0

#: The graph that holds the union of the project's graphs on a server whose default graph is not its own.
UNION_GRAPH = GRAPH.union

#: Quads per update when a refused batch has been halved this far: a refusal then is not about its size.
_SMALLEST_BATCH = 16

#: How a server says that one request holds too much (Virtuoso: "SP030: ... memory exhausted").
_TOO_LARGE = re.compile(r"memory exhausted|exceed|too (?:large|long|big)", re.IGNORECASE)

#: Graph names listed, then cleared, per round of :meth:`RemoteStore.clear` (below any server's row limit).
_CLEAR_ROUND = 5_000

#: What each form of query asks for: a server may answer CONSTRUCT with results JSON too (Virtuoso does).
_ACCEPT_SOLUTIONS = "application/sparql-results+json, application/sparql-results+xml;q=0.5"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.8"
_XSD = "http://www.w3.org/2001/XMLSchema#"

#: The variables that stand for the graph of ``GRAPH <iri>`` on Virtuoso (see :func:`bind_graph_names`).
_GRAPH_VARIABLE = "_bkgGraph"
_GRAPH_NAME = re.compile(HIDDEN_TEXT.pattern + r'|(?<![?$\w:.-])GRAPH\s+(?P<graph><[^<>"{}|^`\\\s]*>'
                         r"|(?:[A-Za-z][\w.-]*)?:[\w.%-]*)(?=\s*\{)", re.IGNORECASE)


@dataclass(frozen=True)
class ServerProfile:
    """How battery-kg uses one kind of SPARQL server.

    Attributes
    ----------
    name : str
        ``standard``, ``virtuoso`` or ``union`` (``BATTERYKG_STORE_SERVER``).
    union : str
        Where the union of the project's graphs lives: ``default`` (written into the server's own default
        graph), ``graph`` (written into :data:`UNION_GRAPH`, named as each query's default graph, Virtuoso's
        way) or ``server`` (made by the server from all its graphs; not written).
    batch : int
        Quads per SPARQL Update request when loading (``BATTERYKG_STORE_BATCH``); halved for the rest of the
        load whenever the server refuses a batch.
    max_rows : int or None
        The server's row limit, if it has one (``BATTERYKG_STORE_MAX_ROWS``): an answer of exactly that many
        rows or triples is taken as cut. ``X-SPARQL-MaxRows`` in an answer updates it.

    >>> PROFILES["virtuoso"].batch, PROFILES["virtuoso"].max_rows
    (1000, 10000)
    """

    name: str
    union: str = "default"
    batch: int = 20_000
    max_rows: int | None = None


#: The known layouts. Virtuoso's batch is one its SPARQL compiler takes (it refuses 8,000 triples in one
#: INSERT DATA, "memory exhausted": tests/sparql/test_virtuoso.py), its row limit the ``ResultSetMaxRows`` it
#: ships with.
PROFILES: dict[str, ServerProfile] = {
    "standard": ServerProfile("standard"),
    "virtuoso": ServerProfile("virtuoso", union="graph", batch=1_000, max_rows=10_000),
    "union": ServerProfile("union", union="server"),
}


def _is_virtuoso_endpoint(url: str) -> bool:
    return urlsplit(url).path.rstrip("/") in ("/sparql", "/sparql-auth")


def server_profile(url: str, name: str | None = None) -> ServerProfile:
    """The profile of the server at ``url``: ``name``, else ``BATTERYKG_STORE_SERVER``, else ``virtuoso`` for
    Virtuoso's endpoint paths (``/sparql``, ``/sparql-auth`` at the root of the host) and ``standard`` for the
    rest; ``BATTERYKG_STORE_BATCH`` and ``BATTERYKG_STORE_MAX_ROWS`` change its batch size and row limit."""
    name = name or os.environ.get("BATTERYKG_STORE_SERVER") or ("virtuoso" if _is_virtuoso_endpoint(url)
                                                                 else "standard")
    if name not in PROFILES:
        raise UsageError(f"BATTERYKG_STORE_SERVER={name!r}: the server kinds are {', '.join(PROFILES)}")
    profile = PROFILES[name]
    for variable, field in (("BATTERYKG_STORE_BATCH", "batch"), ("BATTERYKG_STORE_MAX_ROWS", "max_rows")):
        value = os.environ.get(variable)
        if value:
            if not value.isdigit() or int(value) < 1:
                raise UsageError(f"{variable}={value!r}: a positive whole number is needed")
            profile = replace(profile, **{field: int(value)})
    return profile


def endpoints(url: str, update_url: str | None = None, gsp_url: str | None = None) -> tuple[str, str, str]:
    """The query, update and Graph Store Protocol URLs for the store at ``url``."""
    url = url.rstrip("/")
    if _is_virtuoso_endpoint(url):
        root = url.rsplit("/", 1)[0]
        query, default_update, default_gsp = url, f"{root}/sparql-auth", f"{root}/sparql-graph-crud-auth"
    elif match := re.match(r"^(.*)/(query|sparql)$", url):
        query = url
        default_update, default_gsp = f"{match.group(1)}/update", f"{match.group(1)}/data"
    else:
        query, default_update, default_gsp = f"{url}/query", f"{url}/update", f"{url}/store"
    update = update_url or os.environ.get("BATTERYKG_STORE_UPDATE") or default_update
    gsp = gsp_url or os.environ.get("BATTERYKG_STORE_GSP") or default_gsp
    return query, update, gsp


class ChallengeAuth(httpx.Auth):
    """HTTP authentication that answers the scheme the server asks for: Digest (Virtuoso's ``/sparql-auth``)
    or Basic. Nothing is sent before the server's first ``401``; from then on each request carries the
    answer at once (for Digest, httpx's :class:`httpx.DigestAuth` counts the nonce).

    >>> ChallengeAuth("analyst", "s3cret").scheme is None
    True
    """

    requires_request_body = True

    def __init__(self, user: str, password: str):
        self._basic = httpx.BasicAuth(user, password)
        self._digest = httpx.DigestAuth(user, password)
        self.scheme: str | None = None

    def auth_flow(self, request: httpx.Request):
        if self.scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        if self.scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        offered = {header.split(None, 1)[0].lower() for header in response.headers.get_list("www-authenticate")
                   if header.strip()}
        if "digest" in offered:
            self.scheme = "digest"
            flow = self._digest.auth_flow(request)
            next(flow)  # the unauthenticated request, already answered: hand httpx's flow the challenge
            try:
                answered = yield flow.send(response)
                flow.send(answered)
            except StopIteration:
                pass
        elif "basic" in offered:
            self.scheme = "basic"
            yield from self._basic.auth_flow(request)


class RemoteStore:
    """A SPARQL 1.1 server holding the graph.

    Parameters
    ----------
    url : str
        The server root (Oxigraph), its query endpoint (Virtuoso, Fuseki; see the module documentation).
    update_url, gsp_url : str, optional
        The SPARQL Update and Graph Store Protocol endpoints, when they cannot be derived from ``url``.
    timeout : float
        Seconds each call may take (queries may ask for less).
    auth : tuple, optional
        ``(user, password)``, sent with HTTP Digest or Basic authentication as the server asks (default:
        ``BATTERYKG_STORE_USER`` and ``BATTERYKG_STORE_PASSWORD``, when set).
    server : str, optional
        The :data:`PROFILES` entry for the server (default: :func:`server_profile` of ``url``).
    """

    def __init__(self, url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, auth: tuple[str, str] | None = None, server: str | None = None):
        self.url = url
        self.query_url, self.update_url, self.gsp_url = endpoints(url, update_url, gsp_url)
        self.timeout = timeout
        self.profile = server_profile(url, server)
        self.batch = self.profile.batch
        self.max_rows = self.profile.max_rows
        if auth is None and os.environ.get("BATTERYKG_STORE_USER"):
            auth = (os.environ["BATTERYKG_STORE_USER"], os.environ.get("BATTERYKG_STORE_PASSWORD", ""))
        self._auth = ChallengeAuth(*auth) if auth else None
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
        hint = ""
        if response.status_code == 401:
            hint = (" (the server refused BATTERYKG_STORE_USER and BATTERYKG_STORE_PASSWORD)"
                    if "authorization" in response.request.headers
                    else " (set BATTERYKG_STORE_USER and BATTERYKG_STORE_PASSWORD: the server asks who is calling)")
        return StoreError(f"{what} at {response.request.url} failed with HTTP {response.status_code}{hint}"
                          + (f": {body}" if body else ""))

    # -- queries ------------------------------------------------------------------------------------------

    def query(self, sparql: str, *, timeout: float | None = None):
        """Run ``sparql`` (our prefixes predeclared) and return a :class:`~graph.store.results.QueryResult`.

        Unless the query names its own dataset (``FROM``, ``FROM NAMED``), its default graph is the union
        of the project's graphs, as on the embedded store.
        """
        params = {}
        if self.profile.union == "graph":
            if dataset_clause(sparql) not in ("FROM", "FROM NAMED"):
                params["default-graph-uri"] = str(UNION_GRAPH)
            return self._answer(prepare_query(bind_graph_names(sparql)), params, sparql, timeout)
        return self._answer(prepare_query(sparql), params, sparql, timeout)

    def _raw_query(self, sparql: str, *, timeout: float | None = None):
        """A query of the adapter's own, sent as written: the whole server is its dataset."""
        return self._answer(prepare_query(sparql), {}, sparql, timeout)

    def _answer(self, text: str, params: dict, sparql: str, timeout: float | None):
        accept = _ACCEPT_GRAPH if query_form(sparql) in ("CONSTRUCT", "DESCRIBE") else _ACCEPT_SOLUTIONS
        response = self._send("POST", self.query_url, timeout=timeout, data={"query": text, **params},
                              headers={"Accept": accept})
        if response.status_code == 400:
            raise QueryError(f"the SPARQL endpoint {self.query_url} rejected the query: "
                             f"{_server_message(response.text)}")
        if response.status_code >= 300:
            raise self._failure(response, "the query")
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        body = response.content
        if media in ("application/sparql-results+xml", "application/xml"):
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
            if isinstance(parsed, ox.QueryBoolean):
                return QueryResult("ask", bool(parsed))
            media, body = "application/sparql-results+json", parsed.serialize(format=ox.QueryResultsFormat.JSON)
        if media in ("application/sparql-results+json", "application/json"):
            document = standard_results(body)
            if "boolean" in document:
                return QueryResult("ask", document["boolean"])
            self._check_whole(len(document["results"]["bindings"]), "rows", response, sparql)
            solutions = ox.parse_query_results(json.dumps(document).encode(), format=ox.QueryResultsFormat.JSON)
            return QueryResult("select", solutions.serialize(format=ox.QueryResultsFormat.JSON))  # as embedded
        if media in ("application/n-triples", "text/plain", "text/turtle"):
            try:
                triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE if media == "text/turtle"
                                        else ox.RdfFormat.N_TRIPLES))
            except SyntaxError as exc:
                raise StoreError(f"the SPARQL endpoint {self.query_url} answered with {media} that does not "
                                 f"parse: {exc}") from exc
            self._check_whole(len(triples), "triples", response, sparql)
            return QueryResult.from_ntriples(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        raise StoreError(f"the SPARQL endpoint {self.query_url} answered with an unexpected type {media!r}")

    def _check_whole(self, count: int, what: str, response: httpx.Response, sparql: str) -> None:
        """Raise if the server cut the answer at its row limit (an answer as long as the query's own LIMIT is
        whole)."""
        announced = response.headers.get("x-sparql-maxrows", "").strip()
        if announced.isdigit():
            self.max_rows = int(announced)
        if self.max_rows is None or count < self.max_rows:
            return
        own = solution_limit(sparql)
        if own is not None and own <= self.max_rows:
            return
        source = ("its row limit, announced in X-SPARQL-MaxRows" if announced.isdigit()
                  else f"the row limit of a {self.profile.name} server, or BATTERYKG_STORE_MAX_ROWS")
        raise StoreError(
            f"the SPARQL endpoint {self.query_url} cut the answer at {self.max_rows:,} {what} ({source}): ask for "
            "less (a LIMIT, or a parameter that narrows the question), or raise the server's limit (Virtuoso: "
            "ResultSetMaxRows in the [SPARQL] section of virtuoso.ini, and BATTERYKG_STORE_MAX_ROWS to match)")

    # -- updates ------------------------------------------------------------------------------------------

    def update(self, sparql_update: str, *, timeout: float | None = None) -> None:
        """Run a SPARQL 1.1 Update."""
        response = self._update(sparql_update, timeout)
        if response.status_code >= 300:
            raise self._failure(response, "the update")

    def _update(self, sparql_update: str, timeout: float | None = None) -> httpx.Response:
        return self._send("POST", self.update_url, timeout=timeout, content=sparql_update.encode("utf-8"),
                          headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    def load_nquads(self, data: bytes) -> int:
        """Add N-Quads, with SPARQL Update; return how many distinct quads were sent. Lines without a graph go to
        the default graph (on Virtuoso to :data:`UNION_GRAPH`; on a ``union`` server nowhere).

        Quads go in batches of :attr:`batch`, halved whenever the server refuses one as too large. A blank
        node stays one node: the quads that share blank nodes go in one request, as ``INSERT { … } WHERE { … }``
        with one solution (Virtuoso allows no blank nodes in ``INSERT DATA``; those of a template are one node
        each).
        """
        default = ox.NamedNode(str(UNION_GRAPH)) if self.profile.union == "graph" else ox.DefaultGraph()
        plain, linked = [], {}
        for quad in dict.fromkeys(ox.parse(data, format=ox.RdfFormat.N_QUADS)):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                if self.profile.union == "server":
                    continue
                quad = ox.Quad(quad.subject, quad.predicate, quad.object, default)
            blanks = [term for term in (quad.subject, quad.object) if isinstance(term, ox.BlankNode)]
            if blanks:
                linked[quad] = blanks
            else:
                plain.append(quad)
        self._insert([[quad] for quad in plain], template=False)
        self._insert(_blank_node_groups(linked), template=True)
        return len(plain) + len(linked)

    def _insert(self, groups: list[list], template: bool) -> None:
        """Send ``groups`` of quads (a group is never split), about :attr:`batch` quads a request."""
        start = 0
        while start < len(groups):
            size, end = 0, start
            while end < len(groups) and (end == start or size + len(groups[end]) <= self.batch):
                size += len(groups[end])
                end += 1
            response = self._update(_insert_text([q for group in groups[start:end] for q in group], template))
            if response.status_code >= 300:
                refused = response.status_code == 413 or (response.status_code in (400, 500)
                                                           and _TOO_LARGE.search(response.text) is not None)
                if refused and end - start > 1 and self.batch > _SMALLEST_BATCH:
                    self.batch //= 2  # the server's limit on one request: smaller batches from now on
                    continue
                raise self._failure(response, f"loading {size:,} quads")
            start = end

    def add_graph(self, graph_iri: str, ntriples: bytes, replace: bool = True) -> None:
        """Put N-Triples into the named graph ``graph_iri`` (Graph Store Protocol) and into the union.

        With ``replace`` (HTTP PUT) the graph's previous triples go first, and from the union those that no
        other graph of the project holds; as in the embedded store, the union is then the merge of the
        named graphs again.
        """
        graph = f"<{graph_iri}>"
        union = f"GRAPH <{UNION_GRAPH}> {{ ?s ?p ?o }}" if self.profile.union == "graph" else "?s ?p ?o"
        others = f"?other != {graph}" + (f" && ?other != <{UNION_GRAPH}>" if self.profile.union == "graph" else "")
        if replace and self.profile.union != "server":
            self.update(f"DELETE {{ {union} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} FILTER NOT EXISTS {{ "
                        f"GRAPH ?other {{ ?s ?p ?o }} FILTER({others}) }} }}")
        method = "PUT" if replace else "POST"
        response = self._send(method, self.gsp_url, params={"graph": str(graph_iri)}, content=ntriples,
                              headers={"Content-Type": "application/n-triples"})
        if response.status_code >= 300:
            raise self._failure(response, f"{method} of the graph {graph}")
        if self.profile.union != "server":
            self.update(f"INSERT {{ {union} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")

    # -- the project's graphs -----------------------------------------------------------------------------

    def _project_quads(self) -> int:
        """Quads in the project's graphs (:data:`UNION_GRAPH` too), and in the default graph where it is ours."""
        named = self._raw_query(f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                                f'FILTER(STRSTARTS(STR(?g), "{BASE}")) }}')
        count = int(named.rows[0][0])
        if self.profile.union == "default":
            count += int(self._raw_query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0])
        return count

    def clear(self) -> None:
        """Remove the project's graphs, each by name (``CLEAR GRAPH``), and the default graph where it is ours;
        then count what is left, which must be nothing. Other graphs of the server stay."""
        cleared: set[str] = set()
        while True:
            listed = self._raw_query(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                                     f'FILTER(STRSTARTS(STR(?g), "{BASE}")) }} LIMIT {_CLEAR_ROUND}')
            names = [str(row[0]) for row in listed.rows]
            if not names or cleared.issuperset(names):
                break  # nothing left, or a server that answers CLEAR without clearing: the count below says
            cleared.update(names)
            for start in range(0, len(names), 200):
                self.update(" ;\n".join(f"CLEAR SILENT GRAPH <{name}>" for name in names[start:start + 200]))
        if self.profile.union == "default":
            self.update("CLEAR SILENT DEFAULT")
        left = self._project_quads()
        if left:
            raise StoreError(f"the SPARQL endpoint {self.update_url} still holds {left:,} triples of the "
                             "project's graphs after they were cleared: it accepted CLEAR GRAPH without doing it")

    def replace_all(self, nquads: bytes) -> None:
        """Make the project's graphs on the server hold exactly ``nquads``, checked by a count."""
        self.clear()
        expected = self.load_nquads(nquads)
        held = self._project_quads()
        if held != expected:
            raise StoreError(f"the SPARQL endpoint {self.update_url} holds {held:,} quads of the project after "
                             f"loading {expected:,}")

    def __len__(self) -> int:
        return self._project_quads()

    def close(self) -> None:
        self._client.close()


def _close_after(worker: threading.Thread, client: httpx.Client) -> None:
    worker.join()
    client.close()


def _blank_node_groups(linked: dict) -> list[list]:
    """The quads with blank nodes, grouped so that quads sharing a blank node are in one group."""
    parent: dict = {}

    def root(node):
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for blanks in linked.values():
        first = root(blanks[0])
        for other in blanks[1:]:
            parent[root(other)] = first
    groups: dict = {}
    for quad, blanks in linked.items():
        groups.setdefault(root(blanks[0]), []).append(quad)
    return list(groups.values())


def _insert_text(quads, template: bool) -> str:
    default, named = [], {}
    for quad in quads:
        triple = f"{quad.subject} {quad.predicate} {quad.object} ."
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(triple)
        else:
            named.setdefault(str(quad.graph_name), []).append(triple)
    parts = ["\n".join(default)]
    parts += [f"GRAPH {name} {{\n" + "\n".join(triples) + "\n}" for name, triples in named.items()]
    body = "{\n" + "\n".join(parts) + "\n}"
    # one solution, so one node per blank node label; `WHERE {}` makes Virtuoso 7.2 insert, then answer 500
    return f"INSERT {body} WHERE {{ BIND(1 AS ?one) }}" if template else f"INSERT DATA {body}"


def standard_results(body: bytes) -> dict:
    """A SPARQL results JSON document as SPARQL 1.1 has it: what Virtuoso writes otherwise, made standard.

    >>> standard_results(b'{"head": {"link": [], "vars": ["x"]}, "results": {"distinct": false, "bindings": ['
    ...     b'{"x": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "1"}},'
    ...     b'{"x": {"type": "bnode", "value": "nodeID://b10000"}}]}}')["results"]["bindings"]
    [{'x': {'type': 'literal', 'datatype': 'http://www.w3.org/2001/XMLSchema#boolean', 'value': 'true'}}, \
{'x': {'type': 'bnode', 'value': 'b10000'}}]
    """
    document = json.loads(body)
    if "boolean" in document:
        return {"head": {}, "boolean": document["boolean"] in (True, 1, "true", "1")}
    bindings = document["results"]["bindings"]
    for binding in bindings:
        for value in binding.values():
            kind = value["type"]
            if kind == "typed-literal":
                value["type"] = kind = "literal"
            if kind == "bnode" and value["value"].startswith("nodeID://"):
                value["value"] = value["value"][len("nodeID://"):]
            elif kind == "literal" and "datatype" in value:
                datatype = value["datatype"]
                if datatype == _XSD + "string":
                    del value["datatype"]
                elif datatype == _XSD + "boolean" and value["value"] in ("1", "0"):
                    value["value"] = "true" if value["value"] == "1" else "false"
    names = [name for name in document["head"].get("vars", []) if not name.startswith(_GRAPH_VARIABLE)]
    if len(names) < len(document["head"].get("vars", [])):
        bindings = [{name: value for name, value in binding.items() if not name.startswith(_GRAPH_VARIABLE)}
                    for binding in bindings]
    return {"head": {"vars": names}, "results": {"bindings": bindings}}


def bind_graph_names(sparql: str) -> str:
    """``sparql`` with each ``GRAPH <iri> {`` as ``VALUES ?_bkgGraphN { <iri> } GRAPH ?_bkgGraphN {``.

    Virtuoso takes a query whose default graph is named (``default-graph-uri``) to have no named graphs for
    ``GRAPH <iri>`` (as SPARQL says), but matches ``GRAPH ?g`` over all of them; so the graph is bound to a
    variable first. The variables are left out of the answer (:func:`standard_results`).

    >>> bind_graph_names('SELECT * { GRAPH kgg:registry { ?s ?p "GRAPH <x> {" } } # GRAPH <y> {')
    'SELECT * { VALUES ?_bkgGraph1 { kgg:registry } GRAPH ?_bkgGraph1 { ?s ?p "GRAPH <x> {" } } # GRAPH <y> {'
    """
    counter = iter(range(1, len(sparql) + 1))

    def bound(match: re.Match) -> str:
        if match.group("graph") is None:
            return match.group(0)
        variable = f"?{_GRAPH_VARIABLE}{next(counter)}"
        return f"VALUES {variable} {{ {match.group('graph')} }} GRAPH {variable}"

    return _GRAPH_NAME.sub(bound, sparql)


def _server_message(text: str) -> str:
    """The server's message about a malformed query, with line numbers of the user's query (the prologue adds
    one line) and without the query text that Virtuoso repeats after it."""
    message = text.strip().split("\n\nSPARQL query:", 1)[0].strip()
    if re.search(r"\bline \d+:", message):  # Virtuoso: "SPARQL compiler, line 3: syntax error at ..."
        return re.sub(r"\bline (\d+):", lambda m: f"line {max(int(m.group(1)) - 1, 1)}:", message, count=1)
    return syntax_message(message)
