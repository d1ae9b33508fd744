"""``batterykg serve``: a read-only SPARQL 1.1 Protocol endpoint over the built graph, safe by default.

What it does:

- ``/sparql`` (also ``/query``, and ``/`` with a ``query`` parameter) answers SPARQL queries sent by GET,
  by POST form (``application/x-www-form-urlencoded``) or by POST ``application/sparql-query``. Results are
  negotiated from the ``Accept`` header (or a ``format`` parameter): SPARQL results JSON, XML, CSV, TSV for
  SELECT and ASK; Turtle, N-Triples, JSON-LD for CONSTRUCT and DESCRIBE. ``/sparql`` without a query gives
  the SPARQL service description (Turtle). Our prefixes are predeclared, as everywhere in battery-kg.
- ``/`` is a small query page (no CDN, no inline script) with the saved questions to pick from; results are
  shown as a table built with ``textContent``. ``/index.html`` and ``/views/`` serve the written views.

How it stays safe:

- It listens on 127.0.0.1 unless told otherwise, and is read-only: SPARQL Update is refused with 403 and
  the store is opened read-only in every worker.
- Every query runs in a worker process (pyoxigraph cannot interrupt a query in its thread). A query that
  runs longer than the time limit (``--timeout``, 10 s) is stopped by killing its worker, which is
  replaced; the client gets **503** with a message — never a truncated 200. Results are complete before
  the status line is sent.
- A result with more than ``--max-rows`` rows (or triples; 10,000) is refused with **422** and a message
  (add a LIMIT): a client never mistakes part of an answer for all of it.
- A request body over ``--max-request`` bytes (1 MB) gets **413**; a malformed query **400** with the
  parser's message; a query that would read outside the store (``SERVICE``, ``FROM``, ``FROM NAMED``, or
  the protocol's ``default-graph-uri``/``named-graph-uri``) **403**, unless ``--allow-dataset-clauses``.

>>> choose_format("text/csv;q=0.5, application/sparql-results+json", "select")
'json'
>>> choose_format("text/turtle, */*;q=0.1", "select")
'json'
>>> choose_format("application/n-triples", "select") is None
True
>>> dataset_clause("SELECT ?from WHERE { ?s bk:from-x ?from } # SERVICE")
>>> dataset_clause('SELECT * FROM <http://x> { ?s ?p "SERVICE" }')
'FROM'
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import re
import signal
import socket
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from .errors import UsageError

__all__ = ["ServerSettings", "SparqlServer", "WorkerPool", "serve", "choose_format", "dataset_clause"]

_MEDIA = {
    "select": [("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
               ("csv", "text/csv"), ("tsv", "text/tab-separated-values"), ("json", "application/json"),
               ("xml", "application/xml")],
    "graph": [("turtle", "text/turtle"), ("ntriples", "application/n-triples"), ("jsonld", "application/ld+json"),
              ("ntriples", "text/plain")],
}
_CONTENT_TYPE = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                 "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
                 "turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples",
                 "jsonld": "application/ld+json"}


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
    allow_dataset_clauses: bool = False
    log: bool = False


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


_HIDDEN = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                     r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
                     r'|<[^<>"{}|^`\\\s]*>' r"|#[^\n]*")
_EXTERNAL = re.compile(r"(?<![?$\w:.-])(SERVICE|FROM\s+NAMED|FROM)(?![\w:-])", re.IGNORECASE)


def dataset_clause(sparql: str) -> str | None:
    """``SERVICE``, ``FROM NAMED`` or ``FROM`` if the query uses one (outside strings, IRIs and comments)."""
    visible = _HIDDEN.sub(" ", sparql)
    match = _EXTERNAL.search(visible)
    return " ".join(match.group(1).upper().split()) if match else None


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


def _answer(store, sparql: str, accept: str, max_rows: int) -> tuple[int, str, bytes]:
    """Run one query in a worker: (status, content type, body)."""
    from .query import QueryResult
    from .store import _syntax_message, prepare_query

    try:
        result = store.query(prepare_query(sparql))
    except SyntaxError as exc:
        return 400, "text/plain; charset=utf-8", _syntax_message(exc, sparql).encode()
    except (OSError, ValueError, RuntimeError) as exc:
        return 400, "text/plain; charset=utf-8", f"the query cannot be answered: {exc}".encode()
    kind = ("select" if isinstance(result, ox.QuerySolutions) else
            "ask" if isinstance(result, ox.QueryBoolean) else "graph")
    fmt = choose_format(accept, kind)
    if fmt is None:
        offered = ", ".join(sorted({media for _, media in _MEDIA["graph" if kind == "graph" else "select"]}))
        return 406, "text/plain; charset=utf-8", f"a {kind.upper()} result can be sent as: {offered}".encode()
    too_many = (f"the result has more than {max_rows} {'triples' if kind == 'graph' else 'rows'}, the most this "
                f"server sends: add a LIMIT (or start the server with a larger --max-rows)").encode()
    if kind == "select":
        variables = [v.value for v in result.variables]
        bindings = []
        for count, solution in enumerate(result):
            if count >= max_rows:
                return 422, "text/plain; charset=utf-8", too_many
            bindings.append({name: _json_term(solution[name]) for name in variables if solution[name] is not None})
        payload = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()
        answer = QueryResult("select", payload)
    elif kind == "ask":
        answer = QueryResult("ask", bool(result))
    else:
        triples = []
        for count, triple in enumerate(result):
            if count >= max_rows:
                return 422, "text/plain; charset=utf-8", too_many
            triples.append(triple)
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
        sparql, accept = message
        try:
            conn.send(_answer(store, sparql, accept, max_rows))
        except Exception as exc:  # a worker must answer something for every query
            conn.send((500, "text/plain; charset=utf-8", f"the query failed: {exc}".encode()))


class _Worker:
    def __init__(self, context, store_path: str, max_rows: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(store_path, child, max_rows), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float = 60.0) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise UsageError("a query worker did not start")
        status, detail = self.conn.recv()
        if status != "ready":
            self.kill()
            raise UsageError(f"a query worker cannot open the store: {detail}")

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        finally:
            self.conn.close()


class WorkerPool:
    """Worker processes that each hold the store open read-only; a query that overruns kills its worker."""

    def __init__(self, store_path: Path, size: int = 4, max_rows: int = 10_000):
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["graph.server"])
        self._store_path = str(store_path)
        self._max_rows = max_rows
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

    def run(self, sparql: str, accept: str, timeout: float) -> tuple[int, str, bytes]:
        """(status, content type, body) for one query, within ``timeout`` seconds of running."""
        try:
            worker = self._idle.get(timeout=max(timeout, 1.0))
        except queue.Empty:
            return 503, "text/plain; charset=utf-8", b"every query worker is busy: try again shortly"
        try:
            worker.conn.send((sparql, accept))
            if worker.conn.poll(timeout):
                answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            self.replaced += 1
            threading.Thread(target=self._replace, daemon=True).start()
            return 500, "text/plain; charset=utf-8", b"the query worker stopped unexpectedly"
        worker.kill()
        self.replaced += 1
        threading.Thread(target=self._replace, daemon=True).start()
        return 503, "text/plain; charset=utf-8", (
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

_SD_TEMPLATE = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .

[] a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph, sd:BasicFederatedQuery ;
    sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
        formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD ;
    sd:defaultDataset [ a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ] ] .
"""


_PAGE_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>battery-kg SPARQL</title>
<link rel="stylesheet" href="page.css">
<script src="page.js" defer></script>
</head>
<body>
<header><h1>battery-kg SPARQL</h1>
<nav id="views"></nav></header>
<main>
<label for="saved">Saved question</label>
<select id="saved"><option value="">(write your own query)</option></select>
<p id="question"></p>
<textarea id="query" spellcheck="false" rows="14">
SELECT ?entity ?label WHERE { ?entity a bkg:Company ; rdfs:label ?label } ORDER BY ?label</textarea>
<p><button id="run" type="button">Run</button> <span id="status" role="status"></span></p>
<p class="hint">Prefixes bkg, bk, schema, rdfs, skos, prov, xsd and more are predeclared. The endpoint is
<code>/sparql</code> (SPARQL 1.1 Protocol).</p>
<div id="results"></div>
</main>
</body>
</html>
"""

_PAGE_JS = """"use strict";
// Results are data: every value goes into the page with textContent, never as HTML.
const $ = (id) => document.getElementById(id);
let saved = [];

function show(term) {
  if (!term) return "";
  return term.value;
}

function table(data) {
  const out = $("results");
  out.replaceChildren();
  if ("boolean" in data) {
    const p = document.createElement("p");
    p.textContent = data.boolean ? "yes" : "no";
    out.appendChild(p);
    return 1;
  }
  const vars = data.head.vars;
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const row of data.results.bindings) {
    const tr = body.insertRow();
    for (const v of vars) tr.insertCell().textContent = show(row[v]);
  }
  out.appendChild(t);
  return data.results.bindings.length;
}

async function run() {
  $("status").textContent = "running...";
  $("results").replaceChildren();
  const started = performance.now();
  try {
    const response = await fetch("sparql", {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json, application/n-triples;q=0.9"},
      body: new URLSearchParams({query: $("query").value}),
    });
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      $("results").replaceChildren();
      $("status").textContent = "error " + response.status + ": " + text;
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    if (type.startsWith("application/sparql-results+json")) {
      const n = table(JSON.parse(text));
      $("status").textContent = n + " row(s) in " + seconds + " s";
    } else {
      const pre = document.createElement("pre");
      pre.textContent = text;
      $("results").replaceChildren(pre);
      $("status").textContent = "graph result in " + seconds + " s";
    }
  } catch (error) {
    $("status").textContent = "failed: " + error;
  }
}

async function load() {
  $("run").addEventListener("click", run);
  $("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && e.ctrlKey) run(); });
  saved = await (await fetch("queries.json")).json();
  for (const q of saved) {
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = q.name + " - " + q.question;
    $("saved").appendChild(option);
  }
  $("saved").addEventListener("change", () => {
    const q = saved.find((s) => s.name === $("saved").value);
    $("question").textContent = q ? q.question : "";
    if (q) $("query").value = q.text;
  });
  const views = await (await fetch("views.json")).json();
  for (const path of views) {
    const a = document.createElement("a");
    a.href = path;
    a.textContent = path === "index.html" ? "views" : path.slice(6, -5);
    $("views").appendChild(a);
  }
}

document.addEventListener("DOMContentLoaded", load);
"""

_PAGE_CSS = """body { font-family: system-ui, sans-serif; margin: 1em 2em; color: #222; }
header { display: flex; align-items: baseline; gap: 2em; flex-wrap: wrap; }
nav a { margin-right: 0.8em; }
select, textarea { width: 100%; box-sizing: border-box; }
textarea { font-family: ui-monospace, monospace; font-size: 0.9em; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
#question { font-style: italic; }
.hint { color: #666; font-size: 0.85em; }
pre { white-space: pre-wrap; }
"""


def _page_assets() -> dict[str, tuple[str, bytes]]:
    return {"page.html": ("text/html; charset=utf-8", _PAGE_HTML.encode()),
            "page.js": ("text/javascript; charset=utf-8", _PAGE_JS.encode()),
            "page.css": ("text/css; charset=utf-8", _PAGE_CSS.encode())}


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
        self._send(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode(), headers)

    # GET and HEAD

    def do_HEAD(self) -> None:  # noqa: N802 - the name http.server calls
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        params = parse_qs(parts.query, keep_blank_values=True)
        path = parts.path
        if path in ("/sparql", "/query") or (path == "/" and ("query" in params or "update" in params)):
            if "update" in params:
                return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
            if "query" in params:
                return self._query(params["query"][0], params)
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
        if path == "/index.html" or path.startswith("/views/"):
            return self._static(path)
        return self._text(404, f"nothing at {path}; the SPARQL endpoint is /sparql")

    def _asset(self, name: str) -> None:
        media, body = self.server.assets[name]
        self._send(200, media, body)

    def _saved_queries(self) -> None:
        from .queries import list_saved

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

    def _static(self, path: str) -> None:
        out = self.server.settings.out
        relative = unquote(path).lstrip("/")
        if out is None:
            return self._text(404, "no output folder to serve views from")
        root = out.resolve()
        target = (root / relative).resolve()
        allowed = target == root / "index.html" or (root / "views") in target.parents
        if not allowed or not target.is_file():
            return self._text(404, f"no view at {path}")
        media = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".json": "application/json", ".png": "image/png",
                 ".svg": "image/svg+xml"}.get(target.suffix, "application/octet-stream")
        body = target.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _service_description(self) -> None:
        host = self.headers.get("Host") or f"{self.server.settings.host}:{self.server.server_port}"
        text = _SD_TEMPLATE.format(endpoint=f"http://{host}/sparql")
        if not self.server.settings.allow_dataset_clauses:
            text = text.replace("sd:UnionDefaultGraph, sd:BasicFederatedQuery", "sd:UnionDefaultGraph")
        fmt = choose_format(self.headers.get("Accept"), "graph") or "turtle"
        if fmt == "turtle":
            return self._send(200, _CONTENT_TYPE["turtle"], text.encode())
        triples = ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)
        rdf_format = ox.RdfFormat.N_TRIPLES if fmt == "ntriples" else ox.RdfFormat.JSON_LD
        return self._send(200, _CONTENT_TYPE[fmt], ox.serialize(triples, format=rdf_format))

    # POST

    def do_POST(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        if parts.path not in ("/sparql", "/query", "/", "/update"):
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
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(parts.query, keep_blank_values=True)
        if parts.path == "/update" or media == "application/sparql-update":
            return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                return self._text(400, "the form is not UTF-8")
            if "update" in form:
                return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
            if "query" not in form:
                return self._text(400, "the form has no query parameter")
            return self._query(form["query"][0], {**params, **form})
        if media == "application/sparql-query":
            try:
                return self._query(body.decode("utf-8"), params)
            except UnicodeDecodeError:
                return self._text(400, "the query is not UTF-8")
        return self._text(415, "send a query as application/sparql-query or application/x-www-form-urlencoded")

    def do_PUT(self) -> None:  # noqa: N802
        self._text(403, "this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT

    # the query itself

    def _query(self, sparql: str, params: dict) -> None:
        settings = self.server.settings
        if len(sparql.encode("utf-8")) > settings.max_request:
            return self._text(413, f"the query is larger than {settings.max_request} bytes")
        if not settings.allow_dataset_clauses:
            clause = dataset_clause(sparql)
            if clause or "default-graph-uri" in params or "named-graph-uri" in params:
                what = clause or "default-graph-uri/named-graph-uri"
                return self._text(403, f"{what} is refused: this endpoint answers from its own store only "
                                       f"(start it with --allow-dataset-clauses to allow it)")
        accept = self.headers.get("Accept", "")
        if "format" in params:
            wanted = params["format"][0]
            accept = {f: m for kind in _MEDIA.values() for f, m in reversed(kind)}.get(wanted, wanted)
        status, content_type, body = self.server.pool.run(sparql, accept, settings.timeout)
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
            self.pool = WorkerPool(settings.store, settings.workers, settings.max_rows)
        except BaseException:
            self.socket.close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()


def serve(settings: ServerSettings, ready=None) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM). ``ready(url)`` is called once it listens."""
    from .errors import NotBuiltError

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
