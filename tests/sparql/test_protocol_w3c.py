"""Issue 13, items 13–17: the W3C SPARQL 1.1 Protocol test suite, driven from its manifest
(``tests/sparql/w3c/protocol-manifest.ttl``, W3C test material: see ``LICENSE.md`` there) against a real
``batterykg serve``.

Every request of every test is sent as the manifest writes it. The endpoint is read-only and, by default,
answers from its own store only, so a test passes in one of two ways:

- **literally**: the status class, and the result's format (and boolean) the manifest expects;
- **refused by design** with a clean 4xx: a SPARQL Update (403, read-only), or, on the default server, a
  dataset named by the protocol (``default-graph-uri``, ``named-graph-uri``) or by ``FROM`` (403).

The suite runs twice: on the default server over the seed graph, and with ``--allow-dataset-clauses`` over a
store holding the suite's graphs (``http://kasei.us/2009/09/sparql/data/data{1,2,3}.rdf``, each a
``foaf:Document``, standing in for the suite's ``dataN.nt``), where every query test must pass literally.
One test is adapted: ``query_multiple_dataset`` encodes its second ``named-graph-uri`` inside the first
(``%26named-graph-uri%3D``), which makes one IRI no store holds; it is sent as the two parameters it means.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

from tests.sparql.conftest import start_serve, stop

pytestmark = pytest.mark.server

MANIFEST = Path(__file__).parent / "w3c" / "protocol-manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
KASEI = "http://kasei.us/2009/09/sparql/data/"
ADAPTED = {"query_multiple_dataset": ("%26named-graph-uri%3D", "&named-graph-uri=")}


@dataclass
class ProtocolRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[int]
    expected_format: str | None = None
    expected_boolean: bool | None = None


@dataclass
class ProtocolTest:
    name: str
    requests: list[ProtocolRequest] = field(default_factory=list)


def _statuses(graph: Graph, response) -> set[int]:
    return {int(str(code).rsplit("StatusCode", 1)[1][0]) for code in graph.objects(response, MF.expectedStatus)}


def read_manifest() -> list[ProtocolTest]:
    """The tests of the manifest, in its order, each with its requests as the manifest writes them."""
    graph = Graph().parse(MANIFEST, format="turtle")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    tests = []
    for entry in Collection(graph, graph.value(manifest, MF.entries)):
        test = ProtocolTest(str(entry).rsplit("#", 1)[1])
        connection = graph.value(entry, MF.action)
        for request in Collection(graph, graph.value(connection, HT.requests)):
            headers = {}
            listed = graph.value(request, HT.headers)
            for header in Collection(graph, listed) if listed is not None else []:
                headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
            body = graph.value(request, HT.body)
            data = None
            if body is not None:
                encoding = str(graph.value(body, CNT.characterEncoding)).lower()
                data = str(graph.value(body, CNT.chars)).encode(encoding)  # UTF-16 with its BOM, as the suite says
            response = graph.value(request, HT.resp)
            boolean = graph.value(response, MF.expectedBoolean)
            fmt = graph.value(response, MF.expectedFormat)
            test.requests.append(ProtocolRequest(
                str(graph.value(request, HT.methodName)), str(graph.value(request, HT.absolutePath)), headers, data,
                _statuses(graph, response), str(fmt) if fmt is not None else None,
                boolean.toPython() if boolean is not None else None))
        tests.append(test)
    return tests


TESTS = read_manifest()


def test_the_manifest_has_the_suites_34_tests():
    assert len(TESTS) == 34 and TESTS[0].name == "query_post_form" and TESTS[-1].name == "bad_update_dataset_conflict"


def _is_update(request: ProtocolRequest) -> bool:
    media = request.headers.get("content-type", "").split(";")[0]
    query = parse_qs(urlsplit(request.path).query)
    form = parse_qs(request.body.decode("utf-8", "replace")) if request.body and "form" in media else {}
    return media == "application/sparql-update" or "update" in query or "update" in form


def _names_a_dataset(request: ProtocolRequest) -> bool:
    query = parse_qs(urlsplit(request.path).query)
    text = request.body.decode("utf-8", "replace") if request.body else ""
    return "default-graph-uri" in query or "named-graph-uri" in query or " FROM " in text


def _check_format(response: httpx.Response, request: ProtocolRequest) -> None:
    media = response.headers.get("content-type", "").split(";")[0]
    if request.expected_format in ("boolean", "tabular"):
        assert media in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                         "text/tab-separated-values"), media
        if request.expected_format == "boolean":
            kind = ox.QueryResultsFormat.JSON if media.endswith("json") else ox.QueryResultsFormat.XML
            answer = ox.parse_query_results(response.content, format=kind)
            assert isinstance(answer, ox.QueryBoolean)
            if request.expected_boolean is not None:
                assert bool(answer) is request.expected_boolean
    elif request.expected_format == "RDF":
        formats = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/n-triples": "nt",
                   "application/ld+json": "json-ld"}
        assert media in formats, media
        Graph().parse(data=response.content, format=formats[media])


def run_test(base: str, test: ProtocolTest, dataset_mode: bool) -> str:
    """Send the test's requests; return how it passed (``literally`` or ``refused by design``), or fail."""
    with httpx.Client(base_url=base.rstrip("/"), timeout=30) as client:
        for request in test.requests:
            path = request.path
            if test.name in ADAPTED and dataset_mode:
                path = path.replace(*ADAPTED[test.name])
            response = client.request(request.method, path, headers=request.headers, content=request.body)
            status_class = response.status_code // 100
            by_design = _is_update(request) or (not dataset_mode and _names_a_dataset(request))
            if by_design and status_class != 4:
                pytest.fail(f"{test.name}: {request.method} {path} should be refused, got {response.status_code}")
            if by_design:
                assert response.status_code in (403, 405), (response.status_code, response.text)
                assert response.text.strip(), "a refusal says why"
                return "literally" if status_class in request.statuses else "refused by design"
            assert status_class in request.statuses, (test.name, response.status_code, response.text)
            if status_class == 2:
                _check_format(response, request)
    return "literally"


@pytest.fixture(scope="module")
def default_endpoint(served_out):
    process, url = start_serve("--out", str(served_out), "--workers", "2")
    try:
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="module")
def dataset_endpoint(tmp_path_factory):
    """``--allow-dataset-clauses`` over a store with the suite's three graphs (and their union as the default
    graph, as every battery-kg store has)."""
    folder = tmp_path_factory.mktemp("w3c-protocol") / "store"
    store = ox.Store(str(folder))
    document = ox.NamedNode("http://xmlns.com/foaf/0.1/Document")
    kind = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for n in (1, 2, 3):
        name = ox.NamedNode(f"{KASEI}data{n}.rdf")
        store.add(ox.Quad(name, kind, document, name))
        store.add(ox.Quad(name, kind, document, ox.DefaultGraph()))
    store.flush()
    del store
    process, url = start_serve("--store", str(folder), "--workers", "2", "--allow-dataset-clauses")
    try:
        yield url
    finally:
        stop(process)


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_w3c_protocol_on_the_default_server(default_endpoint, test):
    outcome = run_test(default_endpoint, test, dataset_mode=False)
    # what only a dataset or an update needs is refused; everything else passes as the suite says
    needs = any(_is_update(r) or _names_a_dataset(r) for r in test.requests)
    assert outcome == "literally" or needs


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_w3c_protocol_with_dataset_clauses_allowed(dataset_endpoint, test):
    outcome = run_test(dataset_endpoint, test, dataset_mode=True)
    assert outcome == "literally" or any(_is_update(r) for r in test.requests)


def test_every_query_test_passes_literally_when_datasets_are_allowed(dataset_endpoint):
    literal = {t.name for t in TESTS if run_test(dataset_endpoint, t, dataset_mode=True) == "literally"}
    queries = {t.name for t in TESTS if not any(_is_update(r) for r in t.requests)}
    assert queries <= literal
    assert len(queries) == 22


def test_json_results_are_what_the_suite_expects(default_endpoint):
    response = httpx.post(default_endpoint + "sparql", content=b"ASK {}",
                          headers={"Content-Type": "application/sparql-query"})
    assert json.loads(response.text) == {"head": {}, "boolean": True}
