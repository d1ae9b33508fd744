"""`batterykg serve` answers SPARQL 1.1 Protocol clients, and stays safe: read-only, time-limited, capped."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

pytestmark = pytest.mark.server

COMPANIES = 'SELECT ?c ?label WHERE { ?c a bkg:Company ; rdfs:label ?label FILTER(lang(?label) = "en") } ORDER BY ?label'
EXENCELL = "CONSTRUCT { bk:exencell ?p ?o } WHERE { bk:exencell ?p ?o }"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def ask(endpoint, query, accept="application/sparql-results+json", **kwargs):
    return httpx.post(endpoint + "sparql", data={"query": query}, headers={"Accept": accept}, timeout=30, **kwargs)


def company_labels(endpoint):
    response = ask(endpoint, COMPANIES)
    assert response.status_code == 200
    return [b["label"]["value"] for b in response.json()["results"]["bindings"]]


def test_select_as_sparql_json(endpoint):
    labels = company_labels(endpoint)
    assert "EXENCELL" in labels and "Tecloman" in labels and labels == sorted(labels)


def test_select_as_xml_csv_and_tsv_give_the_same_rows(endpoint):
    expected = company_labels(endpoint)
    xml = ask(endpoint, COMPANIES, "application/sparql-results+xml")
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    assert xml.text.count("<result>") == len(expected) and "<literal xml:lang=\"en\">EXENCELL</literal>" in xml.text
    table = ask(endpoint, COMPANIES, "text/csv")
    assert table.headers["content-type"].startswith("text/csv")
    assert [row["label"] for row in csv.DictReader(io.StringIO(table.text))] == expected
    tsv = ask(endpoint, COMPANIES, "text/tab-separated-values")
    lines = tsv.text.strip().split("\n")
    assert lines[0] == "?c\t?label" and len(lines) == len(expected) + 1 and '"EXENCELL"@en' in tsv.text


def test_get_post_form_and_post_query_give_the_same_answer(endpoint):
    by_get = httpx.get(endpoint + "sparql", params={"query": COMPANIES}, headers={"Accept": "text/csv"})
    by_form = ask(endpoint, COMPANIES, "text/csv")
    by_body = httpx.post(endpoint + "sparql", content=COMPANIES.encode(),
                         headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert by_get.status_code == by_form.status_code == by_body.status_code == 200
    assert by_get.text == by_form.text == by_body.text


def test_ask_answers_true_and_false(endpoint):
    assert ask(endpoint, "ASK { bk:exencell a bkg:Company }").json()["boolean"] is True
    assert ask(endpoint, "ASK { bk:exencell a bkg:Person }").json()["boolean"] is False


def test_construct_as_turtle_ntriples_and_jsonld_are_the_same_graph(endpoint):
    graphs = {}
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")):
        response = ask(endpoint, EXENCELL, accept)
        assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
        graphs[fmt] = Graph().parse(data=response.text, format=fmt)
    assert len(graphs["nt"]) >= 3
    assert isomorphic(graphs["turtle"], graphs["nt"]) and isomorphic(graphs["nt"], graphs["json-ld"])


def test_describe_is_a_graph_result(endpoint):
    response = ask(endpoint, "DESCRIBE bk:tecloman", "text/turtle")
    assert response.status_code == 200 and "Tecloman" in response.text


def test_an_unacceptable_media_type_is_406(endpoint):
    assert ask(endpoint, COMPANIES, "image/png").status_code == 406


def test_sparqlwrapper_select_and_construct(endpoint):
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(endpoint + "sparql")
    client.setQuery("PREFIX bkg: <https://w3id.org/battery-kg/ontology#> "
                    "SELECT (COUNT(?c) AS ?n) WHERE { ?c a bkg:Company }")
    client.setReturnFormat(JSON)
    count = int(client.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert count == len(company_labels(endpoint))
    client.setQuery("PREFIX bk: <https://w3id.org/battery-kg/id/> CONSTRUCT WHERE { bk:exencell ?p ?o }")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) >= 3


def test_updates_are_refused_and_change_nothing(endpoint):
    before = ask(endpoint, COUNT).json()
    drop = "DROP ALL"
    assert httpx.post(endpoint + "sparql", data={"update": drop}).status_code == 403
    assert httpx.post(endpoint + "sparql", content=drop, headers={"Content-Type": "application/sparql-update"}
                      ).status_code == 403
    assert httpx.post(endpoint + "update", data={"update": drop}).status_code == 403
    assert httpx.get(endpoint + "sparql", params={"update": drop}).status_code == 403
    put = httpx.put(endpoint + "sparql", content=b"")  # no such operation here: 405 with Allow (issue 13, item 17)
    assert put.status_code == 405 and put.headers["allow"] == "GET, HEAD, POST"
    # an update sent as a query is not a query
    assert ask(endpoint, drop).status_code == 400
    assert ask(endpoint, COUNT).json() == before


def test_a_malformed_query_is_400_with_the_parsers_message(endpoint):
    response = ask(endpoint, "SELECT ?x WHERE { ?x ?y }")
    assert response.status_code == 400 and "syntax error at line 1" in response.text


def test_outbound_and_dataset_clauses_are_refused(endpoint):
    service = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    assert ask(endpoint, service).status_code == 403
    assert ask(endpoint, "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }").status_code == 403
    assert ask(endpoint, "SELECT * FROM NAMED <http://example.org/g> WHERE { ?s ?p ?o }").status_code == 403
    refused = httpx.get(endpoint + "sparql", params={"query": COMPANIES, "default-graph-uri": "http://example.org/"})
    assert refused.status_code == 403
    # the words inside strings, IRIs, comments and variable names are not clauses
    harmless = 'SELECT ?from WHERE { BIND("SERVICE FROM" AS ?from) } # FROM <http://x>'
    assert ask(endpoint, harmless).status_code == 200


def test_a_result_over_the_row_cap_is_refused_not_truncated(endpoint):
    response = ask(endpoint, "SELECT * WHERE { ?s ?p ?o }")
    assert response.status_code == 422 and "more than 1000 rows" in response.text
    assert len(ask(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1000").json()["results"]["bindings"]) == 1000


def test_a_request_over_the_size_cap_is_413(endpoint):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_100_000
    response = httpx.post(endpoint + "sparql", content=big.encode(),
                          headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert response.status_code == 413


def test_a_runaway_query_is_stopped_with_503_while_other_clients_are_served(endpoint):
    quick: list[tuple[int, float]] = []

    def others():
        for _ in range(10):
            started = time.monotonic()
            status = ask(endpoint, COMPANIES).status_code
            quick.append((status, time.monotonic() - started))
            time.sleep(0.05)

    helper = threading.Thread(target=others)
    started = time.monotonic()
    helper.start()
    response = ask(endpoint, EXPENSIVE)
    elapsed = time.monotonic() - started
    helper.join()
    assert response.status_code == 503 and "longer than 2 s" in response.text
    assert elapsed < 6
    assert [status for status, _ in quick] == [200] * 10
    assert max(seconds for _, seconds in quick) < 1.5
    # the stopped worker is replaced and the server keeps answering
    time.sleep(0.5)
    assert company_labels(endpoint)


def test_eight_clients_times_a_hundred_queries_without_error(endpoint):
    def client(number):
        statuses = []
        with httpx.Client(timeout=30) as session:
            for i in range(100):
                query = COMPANIES if (number + i) % 2 else "ASK { bk:exencell bkg:partnerOf bk:tecloman }"
                statuses.append(session.post(endpoint + "sparql", data={"query": query},
                                             headers={"Accept": "application/sparql-results+json"}).status_code)
        return statuses

    with ThreadPoolExecutor(8) as pool:
        results = [status for statuses in pool.map(client, range(8)) for status in statuses]
    assert results == [200] * 800


def test_the_service_description(endpoint):
    response = httpx.get(endpoint + "sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(str(o) == sd + "Service" for o in graph.objects())
    assert any(str(o) == endpoint + "sparql" for o in graph.objects())
    root = httpx.get(endpoint, headers={"Accept": "text/turtle"})
    assert root.headers["content-type"].startswith("text/turtle")


def test_the_query_page_works_offline_and_writes_results_as_text(endpoint):
    page = httpx.get(endpoint, headers={"Accept": "text/html"})
    assert page.status_code == 200 and "<textarea" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # nothing from a CDN
    assert page.headers["content-security-policy"] == "default-src 'self'"
    script = httpx.get(endpoint + "page.js").text
    assert "textContent" in script and "innerHTML" not in script
    saved = httpx.get(endpoint + "queries.json").json()
    assert {"partners", "events", "within-place"} <= {q["name"] for q in saved}
    assert httpx.get(endpoint + "views.json").json() == ["index.html", "views/eco.html"]


def test_the_views_are_served_and_nothing_else(endpoint):
    assert "ecosystem" in httpx.get(endpoint + "views/eco.html").text
    assert httpx.get(endpoint + "index.html").status_code == 200
    assert httpx.get(endpoint + "views/../store/CURRENT").status_code == 404
    assert httpx.get(endpoint + "views/%2e%2e/store/CURRENT").status_code == 404
    assert httpx.get(endpoint + "store/CURRENT").status_code == 404


@pytest.mark.parametrize("name", ["partners", "events", "within-place"])
def test_saved_queries_run_on_the_endpoint(endpoint, seed_store, name):
    from graph.sparql.saved import load_saved

    text = load_saved(name).text
    body = ask(endpoint, text).json()
    assert len(body["results"]["bindings"]) == len(seed_store.query(text).rows) > 0
    assert json.dumps(body)


def test_serve_without_a_built_graph_exits_2(cli, tmp_path):
    done = cli("serve", "--out", str(tmp_path), "--port", "0")
    assert done.returncode == 2 and "run `batterykg build` first" in done.stderr


def test_serve_refuses_nonsense_limits(cli, served_out):
    done = cli("serve", "--out", str(served_out), "--timeout", "0")
    assert done.returncode == 2 and "must be positive" in done.stderr


def test_it_listens_on_loopback_only_by_default(endpoint):
    import socket

    assert endpoint.startswith("http://127.0.0.1:")
    port = int(endpoint.rstrip("/").rsplit(":", 1)[1])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outward interface
        address = probe.getsockname()[0]
    if address.startswith("127."):
        pytest.skip("this machine has no address but loopback")
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://{address}:{port}/sparql", timeout=2)


def test_the_default_time_limit_is_ten_seconds():
    import typer

    from graph.cli import app
    from graph.sparql.server import ServerSettings

    serve = typer.main.get_command(app).commands["serve"]
    defaults = {param.name: param.default for param in serve.params}
    assert defaults["timeout"] == 10.0 and defaults["host"] == "127.0.0.1"
    assert ServerSettings(store=".").timeout == 10.0 and ServerSettings(store=".").host == "127.0.0.1"


def test_dataset_clauses_read_graphs_of_the_store_when_allowed(served_out):
    """With --allow-dataset-clauses, FROM names a graph of the store (Oxigraph never fetches it)."""
    from tests.sparql.conftest import start_serve, stop

    process, url = start_serve("--out", str(served_out), "--workers", "1", "--allow-dataset-clauses")
    try:
        from_ontology = ask(url, "SELECT (COUNT(*) AS ?n) FROM kgg:ontology WHERE { ?s ?p ?o }")
        in_ontology = ask(url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH kgg:ontology { ?s ?p ?o } }")
        assert from_ontology.status_code == in_ontology.status_code == 200
        n = from_ontology.json()["results"]["bindings"][0]["n"]["value"]
        assert int(n) == int(in_ontology.json()["results"]["bindings"][0]["n"]["value"]) > 100
        service = httpx.get(url + "sparql", headers={"Accept": "text/turtle"}).text
        assert "BasicFederatedQuery" not in service  # SERVICE needs --allow-service (issue 13, item 10)
    finally:
        stop(process)


def test_serve_on_a_port_in_use_exits_2(cli, served_out):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = cli("serve", "--out", str(served_out), "--port", str(taken.getsockname()[1]), "--workers", "1")
    assert done.returncode == 2 and "cannot listen on 127.0.0.1:" in done.stderr
    assert "Traceback" not in done.stderr
