"""``batterykg serve``: a read-only SPARQL 1.1 Protocol endpoint over the built graph, safe by default.

What it does:

- ``/sparql`` (also ``/query``, and ``/`` with a ``query`` parameter) answers SPARQL queries sent by GET,
  by POST form (``application/x-www-form-urlencoded``) or by POST ``application/sparql-query``. Results are
  negotiated from the ``Accept`` header, or a ``format`` parameter in one of its common spellings
  (:data:`FORMAT_NAMES`; one this server does not know is ignored and ``Accept`` decides): SPARQL results JSON,
  XML, CSV, TSV for SELECT and ASK; Turtle, RDF/XML, N-Triples, JSON-LD for CONSTRUCT and DESCRIBE. Relative
  IRIs resolve against the endpoint's URL (the base the Protocol lets a service define). ``/sparql`` without a
  query gives the SPARQL service description, made from the server's own address as RDF terms. Our prefixes
  are predeclared, as everywhere in battery-kg.
- ``/`` is a small query page (no CDN, no inline script) with the saved questions to pick from; results are
  shown as a table built with ``textContent``. ``/index.html``, ``/views/`` and the data files the index links
  to (``battery-kg.trig`` …, ``tables/*.csv``) are served read-only from the output folder.

How it stays safe:

- It listens on 127.0.0.1 unless told otherwise, and is read-only: SPARQL Update is refused with 403 and
  the store is opened read-only in every worker; a method other than GET, HEAD or POST is 405.
- Every query runs in a worker process (pyoxigraph cannot interrupt a query in its thread). A query that
  runs longer than the time limit (``--timeout``, 10 s) or whose worker grows past the memory ceiling
  (``--max-memory-per-query``) is stopped by killing its worker, which is replaced; the client gets **503**
  with a message — never a truncated 200. Results are complete before the status line is sent.
- A result with more than ``--max-rows`` rows (or triples; 10,000) is refused with **422** and a message
  (add a LIMIT): a client never mistakes part of an answer for all of it.
- A request body over ``--max-request`` bytes (1 MB) gets **413**; a malformed query **400** with the
  parser's message; more than one ``query`` parameter **400**. ``FROM``, ``FROM NAMED`` and the protocol's
  ``default-graph-uri``/``named-graph-uri`` get **403** unless ``--allow-dataset-clauses`` (which honours
  them, over the store's own graphs); ``SERVICE`` gets **403** unless ``--allow-service HOST`` names the host
  it reaches.

>>> choose_format("text/csv;q=0.5, application/sparql-results+json", "select")
'json'
>>> choose_format("text/turtle, */*;q=0.1", "select")
'json'
>>> choose_format("application/n-triples", "select") is None
True
>>> choose_format("application/rdf+xml", "graph")
'rdfxml'
>>> dataset_clause("SELECT ?from WHERE { ?s bk:from-x ?from } # SERVICE")
>>> dataset_clause('SELECT * FROM <http://x> { ?s ?p "SERVICE" }')
'FROM'
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import re
import shutil
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from ..errors import NotBuiltError, UsageError
from ..store.base import dataset_clause, dataset_clauses, prepare_query, syntax_message
from ..store.results import QueryResult
from .saved import list_saved

__all__ = ["ServerSettings", "SparqlServer", "WorkerPool", "serve", "choose_format", "dataset_clause",
           "dataset_clauses", "service_targets", "service_refusal", "FORMAT_NAMES", "default_memory_per_query",
           "parse_size", "service_description"]

_MEDIA = {
    "select": [("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
               ("csv", "text/csv"), ("tsv", "text/tab-separated-values"), ("json", "application/json"),
               ("xml", "application/xml")],
    "graph": [("turtle", "text/turtle"), ("rdfxml", "application/rdf+xml"), ("ntriples", "application/n-triples"),
              ("jsonld", "application/ld+json"), ("turtle", "application/turtle"), ("turtle", "text/n3"),
              ("turtle", "text/rdf+n3"), ("ntriples", "text/plain"), ("rdfxml", "application/xml")],
}
_CONTENT_TYPE = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
                 "turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples",
                 "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml"}

#: The ``format`` parameter's common spellings (SPARQLWrapper's, Virtuoso's, Fuseki's, and media types) for
#: each kind of result. A value not listed here is ignored and the ``Accept`` header decides.
FORMAT_NAMES = {
    "select": {"json": "json", "srj": "json", "application/sparql-results+json": "json", "application/json": "json",
               "xml": "xml", "srx": "xml", "application/sparql-results+xml": "xml", "application/xml": "xml",
               "csv": "csv", "text/csv": "csv", "tsv": "tsv", "text/tab-separated-values": "tsv"},
    "graph": {"turtle": "turtle", "ttl": "turtle", "text/turtle": "turtle", "application/turtle": "turtle",
              "n3": "turtle", "text/n3": "turtle", "text/rdf+n3": "turtle",
              "ntriples": "ntriples", "nt": "ntriples", "n-triples": "ntriples", "application/n-triples": "ntriples",
              "jsonld": "jsonld", "json-ld": "jsonld", "json": "jsonld", "application/ld+json": "jsonld",
              "xml": "rdfxml", "rdfxml": "rdfxml", "rdf/xml": "rdfxml", "rdf+xml": "rdfxml", "rdf": "rdfxml",
              "application/rdf+xml": "rdfxml"},
}
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                "rdfxml": ox.RdfFormat.RDF_XML}
_TEXT = "text/plain; charset=utf-8"


def default_memory_per_query(workers: int) -> int:
    """The default memory ceiling of a query worker, in bytes: a quarter of the machine's memory shared by the
    workers, so that a runaway query on every worker at once still leaves three quarters to everything else.

    >>> import psutil
    >>> default_memory_per_query(4) == psutil.virtual_memory().total // 16
    True
    """
    import psutil

    return psutil.virtual_memory().total // 4 // max(1, workers)


def parse_size(text: str) -> int:
    """Bytes from ``512M``, ``1.5G``, ``800MiB`` or a plain number of bytes.

    >>> parse_size("512M"), parse_size("1.5GiB"), parse_size("1000")
    (536870912, 1610612736, 1000)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*", text, re.IGNORECASE)
    if not match:
        raise UsageError(f"{text!r} is not a size: write a number of bytes, or one with K, M or G (512M, 2G)")
    number, unit = float(match.group(1)), match.group(2).upper()
    return int(number * 1024 ** " KMGT".index(unit or " "))


@dataclass
class ServerSettings:
    """How ``batterykg serve`` runs; the defaults are the safe ones."""

    store: Path
    out: Path | None = None
    host: str = "127.0.0.1"
    port: int = 7879
    timeout: float = 10.0
    max_rows: int = 10_000
    max_request: int = 1_000_000
    workers: int = 4
    #: Allow ``FROM``, ``FROM NAMED`` and the protocol's ``default-graph-uri``/``named-graph-uri``: a dataset
    #: made of the store's own graphs.
    allow_dataset_clauses: bool = False
    #: The hosts (``host`` or ``host:port``) a ``SERVICE`` clause may reach; none by default.
    allow_service: tuple[str, ...] = ()
    #: Bytes a query worker may hold before its query is stopped; ``None``: :func:`default_memory_per_query`.
    max_memory: int | None = None
    log: bool = False

    def memory_ceiling(self) -> int:
        """The memory ceiling of each worker, in bytes."""
        return self.max_memory or default_memory_per_query(self.workers)


def choose_format(accept: str | None, kind: str) -> str | None:
    """The result format for an ``Accept`` header and a result kind (``select``/``ask`` or ``graph``).

    ``*/*`` or no header gives JSON results or Turtle; ``None`` when nothing acceptable is offered.
    """
    offers = _MEDIA["graph" if kind == "graph" else "select"]
    if not accept or not accept.strip():
        return offers[0][0]
    ranges = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, quality = fields[0].lower(), 1.0
        for field in fields[1:]:
            if field.startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality, position))
    best, best_key = None, None
    for fmt, media in offers:
        for wanted, quality, position in ranges:
            if quality <= 0:
                continue
            main = media.split("/")[0]
            if wanted in (media, f"{main}/*", "*/*"):
                specific = 2 if wanted == media else 1 if wanted != "*/*" else 0
                key = (quality, specific, -position)
                if best_key is None or key > best_key:
                    best, best_key = fmt, key
    return best


def requested_format(formats: list[str], accept: str | None, kind: str) -> str | None:
    """The format of a result: the first ``format`` parameter value known for its kind, else the ``Accept``
    header's choice (``None``: nothing acceptable).

    >>> requested_format(["json-ld", "application/ld+json"], "", "graph")
    'jsonld'
    >>> requested_format(["n3"], "text/csv", "select")
    'csv'
    >>> requested_format(["xml"], None, "graph"), requested_format(["xml"], None, "select")
    ('rdfxml', 'xml')
    """
    names = FORMAT_NAMES["graph" if kind == "graph" else "select"]
    for value in formats:
        known = names.get(value.strip().lower())
        if known:
            return known
    return choose_format(accept, kind)


#: A client that asks for query results (SPARQL JSON or XML, CSV, TSV) gets a graph result in the RDF format
#: of the same family, with its own media type: rdflib's ``SPARQLStore`` asks so for CONSTRUCT and DESCRIBE.
_RESULTS_TO_GRAPH = {"application/sparql-results+json": "jsonld", "application/json": "jsonld",
                     "application/sparql-results+xml": "rdfxml", "text/xml": "rdfxml", "text/csv": "turtle",
                     "text/tab-separated-values": "turtle"}


def _graph_stand_in(accept: str | None) -> str | None:
    """The RDF format for a graph result whose ``Accept`` lists only query-results formats, or ``None``.

    >>> _graph_stand_in("application/sparql-results+json"), _graph_stand_in("image/png")
    ('jsonld', None)
    """
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in _RESULTS_TO_GRAPH:
            return _RESULTS_TO_GRAPH[media]
    return None


# strings and comments only: IRIs stay visible, to read what a SERVICE names
_TEXT_ONLY = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                        r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r"|#[^\n]*")
_SERVICE = re.compile(r"(?<![?$\w:.-])SERVICE\s+(?:SILENT\s+)?(<[^<>\s]*>|[^\s{]+)", re.IGNORECASE)


def service_targets(sparql: str) -> list[str]:
    """What each ``SERVICE`` of the query names: an IRI (``<http://host/sparql>``), or the variable or prefixed
    name as written (which names no host this server could check).

    >>> service_targets('SELECT * { SERVICE SILENT <http://a:8890/sparql> { ?s ?p "SERVICE <x>" } SERVICE ?e {} }')
    ['<http://a:8890/sparql>', '?e']
    """
    visible = _TEXT_ONLY.sub(" ", sparql)
    return [m.group(1) for m in _SERVICE.finditer(visible)]


def service_refusal(sparql: str, allowed_hosts) -> str | None:
    """Why the query's ``SERVICE`` clauses are refused, or ``None`` when each names an allowed host.

    >>> service_refusal("SELECT * { SERVICE <http://db:8890/sparql> {} }", ["db:8890"]) is None
    True
    >>> service_refusal("SELECT * { SERVICE <http://elsewhere/sparql> {} }", ["db"])
    'SERVICE <http://elsewhere/sparql> is refused: this endpoint may reach only db (--allow-service)'
    """
    allowed = {h.lower() for h in allowed_hosts}
    for target in service_targets(sparql):
        if not allowed:
            return (f"SERVICE {target} is refused: this endpoint fetches nothing from elsewhere (start it with "
                    "--allow-service HOST to let SERVICE reach that host)")
        if not (target.startswith("<") and target.endswith(">")):
            return f"SERVICE {target} is refused: name the endpoint by its full IRI, <http://host/...>"
        parts = urlsplit(target[1:-1])
        host = (parts.hostname or "").lower()
        try:
            port = parts.port
        except ValueError:
            port = None
        if parts.scheme not in ("http", "https") or not ({host, f"{host}:{port}"} & allowed):
            return (f"SERVICE {target} is refused: this endpoint may reach only {', '.join(sorted(allowed))} "
                    "(--allow-service)")
    return None


# --- worker processes ------------------------------------------------------------------------------

def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    return {"type": "triple", "value": str(term)}


@dataclass
class QueryRequest:
    """One query as a worker runs it: the text, how the answer is wanted, and the dataset the protocol named."""

    sparql: str
    accept: str = ""
    formats: tuple[str, ...] = ()
    base_iri: str | None = None
    #: The protocol's ``default-graph-uri`` and ``named-graph-uri`` (``None``: not given).
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None


def _answer(store, request: QueryRequest, max_rows: int) -> tuple[int, str, bytes]:
    """Run one query in a worker: (status, content type, body)."""

    options = {}
    if request.base_iri:
        options["base_iri"] = request.base_iri
    if request.default_graphs is not None or request.named_graphs is not None:
        # a protocol dataset replaces the query's own (FROM, FROM NAMED), as the Protocol says
        options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs or ()]
    try:
        result = store.query(prepare_query(request.sparql), **options)
    except SyntaxError as exc:
        return 400, _TEXT, syntax_message(exc, request.sparql).encode()
    except (OSError, ValueError, RuntimeError) as exc:
        return 400, _TEXT, f"the query cannot be answered: {exc}".encode()
    kind = ("select" if isinstance(result, ox.QuerySolutions) else
            "ask" if isinstance(result, ox.QueryBoolean) else "graph")
    fmt = requested_format(list(request.formats), request.accept, kind)
    if fmt is None and kind == "graph":
        fmt = _graph_stand_in(request.accept)
    if kind == "ask" and fmt in ("csv", "tsv"):
        fmt = "json"  # CSV and TSV have no boolean form (SPARQL 1.1 Query Results CSV and TSV Formats)
    if fmt is None:
        offered = ", ".join(sorted({media for _, media in _MEDIA["graph" if kind == "graph" else "select"]}))
        return 406, _TEXT, f"a {kind.upper()} result can be sent as: {offered}".encode()
    too_many = (f"the result has more than {max_rows} {'triples' if kind == 'graph' else 'rows'}, the most this "
                f"server sends: add a LIMIT (or start the server with a larger --max-rows)").encode()
    if kind == "select":
        variables = [v.value for v in result.variables]
        bindings = []
        for count, solution in enumerate(result):
            if count >= max_rows:
                return 422, _TEXT, too_many
            bindings.append({name: _json_term(solution[name]) for name in variables if solution[name] is not None})
        payload = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()
        answer = QueryResult("select", payload)
    elif kind == "ask":
        answer = QueryResult("ask", bool(result))
    else:
        triples = []
        for count, triple in enumerate(result):
            if count >= max_rows:
                return 422, _TEXT, too_many
            triples.append(triple)
        if fmt == "rdfxml":
            return 200, _CONTENT_TYPE[fmt], ox.serialize(triples, format=ox.RdfFormat.RDF_XML)
        answer = QueryResult("graph", ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    return 200, _CONTENT_TYPE[fmt], answer.serialize(fmt)


def _worker_main(store_path: str, conn, max_rows: int) -> None:
    """A worker process: open the store read-only, then answer queries from ``conn`` until it closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = ox.Store.read_only(store_path)
    except OSError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        try:
            conn.send(_answer(store, message, max_rows))
        except Exception as exc:  # a worker must answer something for every query
            conn.send((500, _TEXT, f"the query failed: {exc}".encode()))


class _Worker:
    def __init__(self, context, store_path: str, max_rows: int):
        import psutil

        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(store_path, child, max_rows), daemon=True)
        self.process.start()
        self.usage = psutil.Process(self.process.pid)
        child.close()

    def wait_ready(self, timeout: float = 60.0) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise UsageError("a query worker did not start")
        status, detail = self.conn.recv()
        if status != "ready":
            self.kill()
            raise UsageError(f"a query worker cannot open the store: {detail}")

    def memory(self) -> int:
        """The worker's resident memory in bytes (0 once it is gone)."""
        import psutil

        try:
            return self.usage.memory_info().rss
        except psutil.Error:
            return 0

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        finally:
            self.conn.close()


#: How often (seconds) a running query's worker memory is looked at. A query that grows by hundreds of MB a
#: second overshoots the ceiling by a few MB at most.
MEMORY_CHECK_INTERVAL = 0.02


class WorkerPool:
    """Worker processes that each hold the store open read-only; a query that overruns its time or its memory
    ceiling kills its worker, which is replaced."""

    def __init__(self, store_path: Path, size: int = 4, max_rows: int = 10_000, max_memory: int | None = None):
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["graph.sparql.server"])
        self._store_path = str(store_path)
        self._max_rows = max_rows
        self.max_memory = max_memory or default_memory_per_query(size)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self.replaced = 0
        workers = [_Worker(self._context, self._store_path, max_rows) for _ in range(max(1, size))]
        for worker in workers:
            worker.wait_ready()
            self._idle.put(worker)

    def _replace(self) -> None:
        if self._closed:
            return
        worker = _Worker(self._context, self._store_path, self._max_rows)
        try:
            worker.wait_ready()
        except UsageError:
            return
        self._idle.put(worker)

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        self.replaced += 1
        threading.Thread(target=self._replace, daemon=True).start()

    def run(self, request: QueryRequest | str, accept: str = "", timeout: float = 10.0) -> tuple[int, str, bytes]:
        """(status, content type, body) for one query, within ``timeout`` seconds of running and the memory
        ceiling of a worker."""
        if isinstance(request, str):
            request = QueryRequest(request, accept)
        try:
            worker = self._idle.get(timeout=max(timeout, 1.0))
        except queue.Empty:
            return 503, _TEXT, b"every query worker is busy: try again shortly"
        deadline = time.monotonic() + timeout
        try:
            worker.conn.send(request)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                if worker.conn.poll(min(MEMORY_CHECK_INTERVAL, left)):
                    answer = worker.conn.recv()
                    self._idle.put(worker)
                    return answer
                used = worker.memory()
                if used > self.max_memory:
                    self._discard(worker)
                    return 503, _TEXT, (
                        f"the query needed more than {self.max_memory / 2**20:,.0f} MiB of memory, the limit per "
                        f"query of this server, and was stopped (--max-memory-per-query)").encode()
        except (EOFError, OSError, BrokenPipeError):
            self._discard(worker)
            return 500, _TEXT, b"the query worker stopped unexpectedly"
        self._discard(worker)
        return 503, _TEXT, (
            f"the query ran longer than {timeout:g} s, the limit of this server, and was stopped").encode()

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.kill()


# --- HTTP -----------------------------------------------------------------------------------------

_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                   "Turtle", "RDF_XML", "N-Triples", "JSON-LD")


def service_description(endpoint: str, federated: bool = False) -> list[ox.Triple]:
    """The SPARQL service description of the endpoint at ``endpoint``, as RDF terms (an IRI that is not one is
    refused by :class:`pyoxigraph.NamedNode`, never pasted into text).

    >>> triples = service_description("http://127.0.0.1:7879/sparql")
    >>> print(ox.serialize(triples[1:2], format=ox.RdfFormat.N_TRIPLES).decode().strip())
    _:service <http://www.w3.org/ns/sparql-service-description#endpoint> <http://127.0.0.1:7879/sparql> .
    """
    service, dataset, graph = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode("graph")

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + name)

    triples = [ox.Triple(service, _RDF_TYPE, sd("Service")),
               ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
               ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
               ox.Triple(service, sd("feature"), sd("UnionDefaultGraph"))]
    if federated:
        triples.append(ox.Triple(service, sd("feature"), sd("BasicFederatedQuery")))
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(_FORMATS + name)) for name in _RESULT_FORMATS]
    triples += [ox.Triple(service, sd("defaultDataset"), dataset), ox.Triple(dataset, _RDF_TYPE, sd("Dataset")),
                ox.Triple(dataset, sd("defaultGraph"), graph), ox.Triple(graph, _RDF_TYPE, sd("Graph"))]
    return triples


#: What the server serves from the output folder, read-only, besides ``views/``: the files the index page
#: links to, with their media types.
DATA_FILES = {"battery-kg.trig": "application/trig", "battery-kg.ttl": "text/turtle; charset=utf-8",
              "battery-kg.jsonld": "application/ld+json", "manifest.json": "application/json",
              "analysis.trig": "application/trig", "index.html": "text/html; charset=utf-8"}
_STATIC_MEDIA = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".json": "application/json", ".png": "image/png",
                 ".svg": "image/svg+xml", ".csv": "text/csv; charset=utf-8"}


@cache
def _page_assets() -> dict[str, tuple[str, bytes]]:
    """The query page: its HTML, script and style, files of :mod:`graph.sparql` in ``page/``."""
    folder = files("graph.sparql") / "page"
    return {name: (_STATIC_MEDIA[Path(name).suffix], (folder / name).read_bytes())
            for name in ("page.html", "page.js", "page.css")}


class _Handler(BaseHTTPRequestHandler):
    server_version = "battery-kg"
    protocol_version = "HTTP/1.1"
    server: SparqlServer

    def setup(self) -> None:
        super().setup()
        # headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm and the client's
        # delayed ACK hold the body back ~40 ms on every kept-alive request
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args):  # noqa: A002 - the name http.server uses
        if self.server.settings.log:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, content_type: str, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'self'")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status >= 400 and status not in (400, 403, 404, 405, 406, 415, 422):
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str, headers: dict | None = None) -> None:
        self._send(status, _TEXT, (message.rstrip() + "\n").encode(), headers)

    # GET and HEAD

    def do_HEAD(self) -> None:  # noqa: N802 - the name http.server calls
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        params = parse_qs(parts.query, keep_blank_values=True)
        path = parts.path
        if path in ("/sparql", "/query", "/sparql/") or (path == "/" and ("query" in params or "update" in params)):
            if "update" in params:
                return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
            if "query" in params:
                return self._query(params["query"], params)
            return self._service_description()
        if path == "/":
            accept = self.headers.get("Accept", "")
            if any(m in accept for m in ("text/turtle", "application/n-triples", "application/rdf+xml",
                                         "application/ld+json")) and "text/html" not in accept:
                return self._service_description()
            return self._asset("page.html")
        if path in ("/page.js", "/page.css"):
            return self._asset(path[1:])
        if path == "/favicon.ico":
            return self._send(204, "image/x-icon", b"")
        if path == "/queries.json":
            return self._saved_queries()
        if path == "/views.json":
            return self._views_list()
        return self._static(path)

    def _asset(self, name: str) -> None:
        media, body = self.server.assets[name]
        self._send(200, media, body)

    def _saved_queries(self) -> None:
        listed = [{"name": q.name, "question": q.question, "text": q.text,
                   "params": [{"name": p.name, "kind": p.kind, "default": p.default, "description": p.description}
                              for p in q.params]} for q in list_saved()]
        self._send(200, "application/json", json.dumps(listed).encode())

    def _views_list(self) -> None:
        out = self.server.settings.out
        found = []
        if out is not None and (out / "index.html").is_file():
            found.append("index.html")
        if out is not None and (out / "views").is_dir():
            found += sorted(f"views/{p.name}" for p in (out / "views").glob("*.html"))[:200]
        self._send(200, "application/json", json.dumps(found).encode())

    def _static_target(self, path: str) -> Path | None:
        """The file of the output folder a request path names, if it may be served: the index, a view, a data
        file the index links to, an analysis table. Any path that cannot be such a file is ``None``."""
        out = self.server.settings.out
        if out is None:
            return None
        relative = unquote(path).lstrip("/")
        if "\x00" in relative or "\\" in relative:
            return None
        try:
            root = out.resolve()
            target = (root / relative).resolve()
            allowed = (target.parent == root and target.name in DATA_FILES) \
                or (root / "views") in target.parents \
                or (target.parent == root / "tables" and target.suffix == ".csv")
            return target if allowed and target.is_file() else None
        except (OSError, ValueError):  # a name too long, a loop of links: no such file
            return None

    def _static(self, path: str) -> None:
        target = self._static_target(path)
        if target is None:
            return self._text(404, f"nothing at {path}; the SPARQL endpoint is /sparql")
        media = DATA_FILES.get(target.name) if target.parent == self.server.settings.out.resolve() else None
        media = media or _STATIC_MEDIA.get(target.suffix, "application/octet-stream")
        try:
            handle = target.open("rb")
        except OSError:
            return self._text(404, f"nothing at {path}")
        with handle:  # streamed: a national graph's TriG is hundreds of megabytes
            size = target.stat().st_size
            self.send_response(200)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(size))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                shutil.copyfileobj(handle, self.wfile, 1 << 20)

    def _service_description(self) -> None:
        triples = service_description(self.server.endpoint, federated=bool(self.server.settings.allow_service))
        fmt = choose_format(self.headers.get("Accept"), "graph") or "turtle"
        prefixes = {"sd": _SD, "formats": _FORMATS} if fmt in ("turtle", "rdfxml") else None
        body = ox.serialize(triples, format=_RDF_FORMATS[fmt], **({"prefixes": prefixes} if prefixes else {}))
        return self._send(200, _CONTENT_TYPE[fmt], body)

    # POST

    def do_POST(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        if parts.path not in ("/sparql", "/sparql/", "/query", "/", "/update"):
            return self._text(404, f"nothing at {parts.path}; the SPARQL endpoint is /sparql")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return self._text(400, "bad Content-Length")
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._text(411, "send the request with a Content-Length")
        if length > self.server.settings.max_request:
            self.close_connection = True
            return self._text(413, f"the request is larger than {self.server.settings.max_request} bytes, "
                                   f"the most this server reads", {"Connection": "close"})
        body = self.rfile.read(length) if length > 0 else b""
        content_type = self.headers.get("Content-Type", "")
        media = content_type.split(";")[0].strip().lower()
        charset = re.search(r";\s*charset=\"?([\w.-]+)", content_type, re.IGNORECASE)
        params = parse_qs(parts.query, keep_blank_values=True)
        if parts.path == "/update" or media == "application/sparql-update":
            return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
        if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
            return self._text(415, f"the request is in {charset.group(1)}: send it as UTF-8, as the SPARQL "
                                   "Protocol requires")
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                return self._text(400, "the form is not UTF-8")
            if "update" in form:
                return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
            if "query" not in form:
                return self._text(400, "the form has no query parameter")
            merged = {**params}
            for name, values in form.items():
                merged[name] = merged.get(name, []) + values
            return self._query(merged["query"], merged)
        if media == "application/sparql-query":
            if "query" in params:
                return self._text(400, "a query was sent both in the body and as a query parameter: send one")
            try:
                return self._query([body.decode("utf-8")], params)
            except UnicodeDecodeError:
                return self._text(400, "the query is not UTF-8")
        return self._text(415, "send a query as application/sparql-query or application/x-www-form-urlencoded")

    def _not_allowed(self) -> None:
        self._text(405, f"{self.command} is not a SPARQL Protocol operation here: this read-only endpoint answers "
                        "GET, HEAD and POST", {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    # the query itself

    def _query(self, queries: list[str], params: dict) -> None:
        settings = self.server.settings
        if len(queries) != 1:
            return self._text(400, f"the request has {len(queries)} query parameters: the SPARQL Protocol "
                                   "allows exactly one")
        sparql = queries[0]
        if len(sparql.encode("utf-8")) > settings.max_request:
            return self._text(413, f"the query is larger than {settings.max_request} bytes")
        clauses = set(dataset_clauses(sparql))
        if "SERVICE" in clauses:
            refusal = service_refusal(sparql, settings.allow_service)
            if refusal:
                return self._text(403, refusal)
        protocol = "default-graph-uri" in params or "named-graph-uri" in params
        if not settings.allow_dataset_clauses and ((clauses - {"SERVICE"}) or protocol):
            what = " and ".join(sorted(clauses - {"SERVICE"})) or "default-graph-uri/named-graph-uri"
            return self._text(403, f"{what} is refused: this endpoint answers from its own store only "
                                   f"(start it with --allow-dataset-clauses to choose among the store's graphs)")
        request = QueryRequest(sparql, self.headers.get("Accept", ""), tuple(params.get("format", ())),
                               base_iri=self.server.endpoint)
        if protocol:
            graphs = {name: tuple(params.get(name, ())) for name in ("default-graph-uri", "named-graph-uri")}
            for iri in graphs["default-graph-uri"] + graphs["named-graph-uri"]:
                if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\s]*", iri):
                    return self._text(400, f"{iri!r} is not an absolute IRI (default-graph-uri, named-graph-uri)")
            request.default_graphs, request.named_graphs = graphs["default-graph-uri"], graphs["named-graph-uri"]
        status, content_type, body = self.server.pool.run(request, timeout=settings.timeout)
        if status == 200:
            return self._send(200, content_type, body)
        return self._send(status, content_type, body.rstrip() + b"\n")


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: one thread per connection, one worker process per running query."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, settings: ServerSettings):
        self.settings = settings
        self.assets = _page_assets()
        self.pool: WorkerPool | None = None
        # listen first: a port in use is a usage error, found before the workers take seconds to start
        try:
            super().__init__((settings.host, settings.port), _Handler)
        except OSError as exc:
            raise UsageError(f"cannot listen on {settings.host}:{settings.port}: {exc.strerror or exc} "
                             f"(choose another --port, or 0 for a free one)") from exc
        try:
            self.pool = WorkerPool(settings.store, settings.workers, settings.max_rows, settings.memory_ceiling())
        except BaseException:
            self.socket.close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    @property
    def endpoint(self) -> str:
        """The endpoint's IRI, from the address the server listens on (never from a request's ``Host``): the
        base of relative IRIs in queries, and the ``sd:endpoint`` of the service description."""
        return self.url + "sparql"

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def serve(settings: ServerSettings, ready=None) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM). ``ready(url)`` is called once it listens."""

    if not Path(settings.store).exists():
        raise NotBuiltError(f"no graph at {settings.store}: run `batterykg build` first")
    server = SparqlServer(settings)
    stopping = threading.Event()

    def stop(*_args):
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        if ready is not None:
            ready(server.url)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
