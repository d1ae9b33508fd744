"""Issue 13, items 8–17: the endpoint under a hostile client and two real SPARQL clients — impossible paths,
a hostile ``Host``, SERVICE apart from FROM, a memory ceiling per worker, the index page's data files,
repeated ``query`` parameters, the base IRI, RDF/XML and ``format`` spellings, protocol datasets, 405."""

from __future__ import annotations

import re
import socket
import threading
import warnings
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from tests.sparql.conftest import start_serve, stop

pytestmark = pytest.mark.server

EXENCELL = "https://w3id.org/battery-kg/id/exencell"
QUERIES = {
    "select": f"SELECT ?label WHERE {{ <{EXENCELL}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}",
    "ask": f"ASK {{ <{EXENCELL}> ?p ?o }}",
    "construct": f"CONSTRUCT {{ <{EXENCELL}> ?p ?o }} WHERE {{ <{EXENCELL}> ?p ?o }}",
    "describe": f"DESCRIBE <{EXENCELL}>",
}


def raw_request(url: str, request: bytes) -> bytes:
    """Send bytes as they are (no client would send such a Host or path) and read the whole reply."""
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def test_item_8_a_path_with_a_nul_byte_is_a_404_not_a_dropped_connection(endpoint):
    for path in ("/views/%00.html", "/index.html%00", "/views/" + "a" * 5000 + ".html", "/tables/%2e%2e/store"):
        response = httpx.get(endpoint.rstrip("/") + path)
        assert response.status_code == 404, path
    assert httpx.get(endpoint + "sparql", params={"query": "ASK {}"}).status_code == 200  # still serving


def test_item_9_a_hostile_host_header_never_reaches_the_service_description(endpoint):
    for accept in ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"):
        reply = raw_request(endpoint, b"GET /sparql HTTP/1.1\r\nHost: x> . <y\r\nAccept: " + accept.encode()
                            + b"\r\nConnection: close\r\n\r\n")
        head, _, body = reply.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200"), head
        assert b"x> . <y" not in body and body.strip()
        formats = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
                   "application/rdf+xml": "xml"}
        graph = Graph().parse(data=body, format=formats[accept])
        endpoints = {str(o) for o in graph.objects(None, URIRef("http://www.w3.org/ns/sparql-service-description#endpoint"))}
        assert endpoints == {endpoint + "sparql"}  # the server's own address


class _Listener:
    """A loopback HTTP listener that records whether anything reached it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self._stop.set()
        self.thread.join(2)
        self.sock.close()


def test_item_10_dataset_clauses_do_not_let_service_fetch_from_anywhere(served_out):
    listener = _Listener()
    process, url = start_serve("--out", str(served_out), "--workers", "1", "--allow-dataset-clauses")
    try:
        sparql = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        response = httpx.get(url + "sparql", params={"query": sparql})
        assert response.status_code == 403 and "--allow-service" in response.text
        assert listener.hits == 0
        allowed = httpx.get(url + "sparql", params={"query": "SELECT (COUNT(*) AS ?n) FROM kgg:ontology { ?s ?p ?o }"})
        assert allowed.status_code == 200
    finally:
        stop(process)
        listener.close()


def test_item_10_allow_service_names_the_hosts_service_may_reach(served_out):
    listener = _Listener()
    process, url = start_serve("--out", str(served_out), "--workers", "1", "--allow-service",
                               f"127.0.0.1:{listener.port}", "--timeout", "5")
    try:
        elsewhere = httpx.get(url + "sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.2:9/q> {} }"})
        assert elsewhere.status_code == 403 and f"127.0.0.1:{listener.port}" in elsewhere.text
        by_variable = httpx.get(url + "sparql", params={"query": "SELECT * { SERVICE ?where { ?s ?p ?o } }"})
        assert by_variable.status_code == 403
        sparql = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        httpx.get(url + "sparql", params={"query": sparql}, timeout=30)
        assert listener.hits >= 1  # the named host was reached
        assert "BasicFederatedQuery" in httpx.get(url + "sparql", headers={"Accept": "text/turtle"}).text
        from_clause = httpx.get(url + "sparql", params={"query": "SELECT * FROM kgg:ontology { ?s ?p ?o } LIMIT 1"})
        assert from_clause.status_code == 403  # FROM still needs --allow-dataset-clauses
    finally:
        stop(process)
        listener.close()


def test_item_11_a_query_past_the_memory_ceiling_fails_and_its_worker_is_replaced(served_out):
    process, url = start_serve("--out", str(served_out), "--workers", "1", "--timeout", "60",
                               "--max-memory-per-query", "300M")
    try:
        runaway = "SELECT ?a ?c ?f (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a ?c ?f"
        response = httpx.get(url + "sparql", params={"query": runaway}, timeout=90)
        assert response.status_code == 503
        assert "more than 300 MiB of memory" in response.text and "--max-memory-per-query" in response.text
        # the one worker was replaced: the next query is answered
        after = httpx.get(url + "sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=90)
        assert after.status_code == 200 and after.json()["boolean"] is True
    finally:
        stop(process)


def test_item_11_the_default_ceiling_is_a_quarter_of_memory_over_the_workers(cli, served_out):
    import psutil

    from graph.sparql.server import ServerSettings

    assert ServerSettings(store=".", workers=4).memory_ceiling() == psutil.virtual_memory().total // 16
    assert ServerSettings(store=".", max_memory=2**28).memory_ceiling() == 2**28
    bad = cli("serve", "--out", str(served_out), "--max-memory-per-query", "lots")
    assert bad.returncode == 2 and "is not a size" in bad.stderr


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def test_item_12_every_local_link_of_the_served_index_answers(seed_output, tmp_path_factory):
    from graph.views import write_views

    out = tmp_path_factory.mktemp("served-site")
    import shutil

    for name in ("store", "battery-kg.trig", "battery-kg.ttl", "battery-kg.jsonld", "manifest.json"):
        source = seed_output.root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, out / name)
    from graph.analysis.run import run_analysis
    from graph.folders import OutputLayout
    from graph.store import EmbeddedStore

    layout = OutputLayout(out)
    run_analysis(EmbeddedStore.open(layout.store), layout, echo=lambda *_: None)
    write_views(EmbeddedStore.open(layout.store), layout)
    process, url = start_serve("--out", str(out), "--workers", "1")
    try:
        index = httpx.get(url + "index.html")
        assert index.status_code == 200
        parser = _Links()
        parser.feed(index.text)
        local = [link for link in parser.links if not urlsplit(link).scheme and not link.startswith("#")]
        assert len(local) > 20
        media = {}
        with httpx.Client() as client:
            for link in local:
                target = urljoin(url + "index.html", link.split("#")[0])
                response = client.head(target)
                assert response.status_code == 200, link
                media[link] = response.headers["content-type"]
        assert media["battery-kg.trig"] == "application/trig" and media["manifest.json"] == "application/json"
        assert media["battery-kg.ttl"].startswith("text/turtle")
        assert any(link.startswith("tables/") and media[link].startswith("text/csv") for link in local)
        assert httpx.get(url + "battery-kg.ttl").content == (out / "battery-kg.ttl").read_bytes()
        for outside in ("store/CURRENT", ".input-stats.json", "../etc/passwd", "tables/../manifest.json.bak"):
            assert httpx.get(url + outside).status_code == 404, outside
    finally:
        stop(process)


def test_item_13_more_than_one_query_parameter_is_a_400(endpoint):
    get = httpx.get(endpoint + "sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D")
    assert get.status_code == 400 and "exactly one" in get.text
    form = httpx.post(endpoint + "sparql", content=b"query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 400
    both = httpx.post(endpoint + "sparql?query=ASK%20%7B%7D", content=b"query=ASK%20%7B%7D",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert both.status_code == 400


def test_item_14_relative_iris_resolve_against_the_endpoint(endpoint):
    construct = httpx.post(endpoint + "sparql", content=b"CONSTRUCT { <s> <p> 1 } WHERE {}",
                           headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
    assert construct.status_code == 200
    assert construct.text.strip() == (f'<{endpoint}s> <{endpoint}p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .')
    select = httpx.get(endpoint + "sparql", params={"query": "SELECT (<test> AS ?value) {}"})
    assert select.json()["results"]["bindings"][0]["value"]["value"] == endpoint + "test"


def test_item_15_rdf_xml_and_format_spellings(endpoint):
    construct = QUERIES["construct"]
    rdfxml = httpx.get(endpoint + "sparql", params={"query": construct}, headers={"Accept": "application/rdf+xml"})
    assert rdfxml.status_code == 200 and rdfxml.headers["content-type"] == "application/rdf+xml"
    assert len(Graph().parse(data=rdfxml.content, format="xml")) >= 3
    # a format the server does not know leaves a valid Accept to decide
    for unknown in ("json-ld-ish", "bogus"):
        kept = httpx.get(endpoint + "sparql", params={"query": construct, "format": unknown},
                         headers={"Accept": "text/turtle"})
        assert kept.status_code == 200 and kept.headers["content-type"].startswith("text/turtle")
    for spelling, media in (("json-ld", "application/ld+json"), ("n3", "text/turtle"), ("xml", "application/rdf+xml"),
                            ("nt", "application/n-triples")):
        mapped = httpx.get(endpoint + "sparql", params={"query": construct, "format": spelling},
                           headers={"Accept": "text/turtle"})
        assert mapped.status_code == 200 and mapped.headers["content-type"].startswith(media), spelling
    select = httpx.get(endpoint + "sparql", params={"query": QUERIES["select"], "format": "xml"})
    assert select.headers["content-type"] == "application/sparql-results+xml"


def test_item_16_protocol_dataset_is_honoured_never_ignored(served_out, endpoint):
    missing = {"query": "ASK { ?s ?p ?o }", "default-graph-uri": "https://example.org/no-such-graph"}
    assert httpx.get(endpoint + "sparql", params=missing).status_code == 403  # refused by default
    process, url = start_serve("--out", str(served_out), "--workers", "1", "--allow-dataset-clauses")
    try:
        assert httpx.get(url + "sparql", params=missing).json()["boolean"] is False
        ontology = {"query": "ASK { ?c a owl:Class }", "default-graph-uri": "https://w3id.org/battery-kg/graph/ontology"}
        assert httpx.get(url + "sparql", params=ontology).json()["boolean"] is True
        registry = {"query": "ASK { ?c a owl:Class }", "default-graph-uri": "https://w3id.org/battery-kg/graph/registry"}
        assert httpx.get(url + "sparql", params=registry).json()["boolean"] is False
        named = {"query": "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
                 "named-graph-uri": "https://w3id.org/battery-kg/graph/registry"}
        rows = httpx.get(url + "sparql", params=named).json()["results"]["bindings"]
        assert [row["g"]["value"] for row in rows] == ["https://w3id.org/battery-kg/graph/registry"]
        bad = httpx.get(url + "sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
        assert bad.status_code == 400
    finally:
        stop(process)


def test_item_17_other_methods_are_405_with_allow(endpoint):
    for method in ("PUT", "DELETE", "PATCH"):
        response = httpx.request(method, endpoint + "sparql?query=ASK%20%7B%7D")
        assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD, POST", method


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_every_query_form_in_every_format_it_asks_for(endpoint, method):
    from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

    for kind, sparql in QUERIES.items():
        formats = [JSON, XML, CSV, TSV] if kind in ("select", "ask") else [XML, RDFXML, TURTLE, N3, JSONLD]
        for fmt in formats:
            client = SPARQLWrapper(endpoint + "sparql")
            client.setQuery(sparql)
            client.setReturnFormat(fmt)
            client.setMethod(POST if method == "POST" else "GET")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's, inside SPARQLWrapper
                result = client.query()
                converted = result.convert()
            assert result.response.status == 200, (kind, fmt)
            if kind == "select":
                text = converted if isinstance(converted, bytes) else None
                assert b"EXENCELL" in text if text is not None else "EXENCELL" in str(
                    converted if fmt == JSON else converted.toxml()), (kind, fmt)
            elif kind == "ask":
                text = str(converted if not hasattr(converted, "toxml") else converted.toxml())
                assert "true" in text.lower(), (kind, fmt)
            else:
                graph = converted if isinstance(converted, Graph) else Graph().parse(
                    data=converted, format="turtle")
                assert (URIRef(EXENCELL), None, None) in graph and len(graph) >= 3, (kind, fmt)


@pytest.mark.parametrize("return_format", ["xml", "json"])
@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore_every_query_form(endpoint, return_format, method):
    graph = Graph(store=SPARQLStore(endpoint + "sparql", returnFormat=return_format, method=method))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        select = graph.query(QUERIES["select"])
        ask = graph.query(QUERIES["ask"])
        construct = graph.query(QUERIES["construct"])
        describe = graph.query(QUERIES["describe"])
    assert not isinstance(select, tuple), select  # rdflib returns an error tuple for a failed POST
    assert [str(row[0]) for row in select] == ["EXENCELL"]
    assert ask.askAnswer is True
    for result in (construct, describe):
        assert not isinstance(result, tuple), result
        assert (URIRef(EXENCELL), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in result.graph


@pytest.mark.parametrize("return_format", ["csv", "tsv"])
def test_rdflib_sparqlstore_csv_and_tsv(endpoint, return_format):
    graph = Graph(store=SPARQLStore(endpoint + "sparql", returnFormat=return_format, method="POST_FORM"))
    assert [str(row[0]) for row in graph.query(QUERIES["select"])] == ["EXENCELL"]
    assert graph.query(QUERIES["ask"]).askAnswer is True  # CSV and TSV have no boolean form: SPARQL JSON
    construct = graph.query(QUERIES["construct"])
    assert (URIRef(EXENCELL), None, None) in construct.graph


def test_service_targets_and_clauses_are_read_outside_strings():
    from graph.sparql.server import dataset_clauses, service_targets

    assert service_targets('SELECT * { ?s ?p "SERVICE <http://x/>" }') == []
    assert dataset_clauses("SELECT ?service WHERE { ?service ?p ?o }") == []
    assert re.search("SERVICE", 'SELECT * { ?s ?p "SERVICE" }')
    assert ox  # the store module the endpoint runs on
