"""The remote store against a private Virtuoso (Debian's virtuoso-opensource): the build loads it through the
protected endpoints with Digest authentication, a rebuild replaces what it held, and every answer is the
embedded store's — whole, in standard SPARQL results."""

from __future__ import annotations

import json

import httpx
import pytest
from rdflib import BNode, Literal, URIRef

from graph.errors import QueryError, StoreError
from graph.sparql.saved import list_saved, run_saved
from graph.store.remote import UNION_GRAPH, RemoteStore
from tests.conftest import run_cli
from tests.sparql.conftest import SAVED_WITH_PARAMETERS, comparable

pytestmark = [pytest.mark.server, pytest.mark.subprocess]

VIRTRDF = "http://www.openlinksw.com/schemas/virtrdf#"
TEST_GRAPH = "https://w3id.org/battery-kg/graph/test-virtuoso"


@pytest.fixture(scope="module")
def virtuoso_seed(virtuoso, tmp_path_factory, seed_data):
    """Virtuoso loaded with the seed graph by `batterykg build --store URL/sparql`, read anonymously."""
    done = run_cli("build", "--quiet", "--data", str(seed_data.root), "--out", str(tmp_path_factory.mktemp("virtuoso-build")),
                   "--store", virtuoso.url, env=virtuoso.env())
    assert done.returncode == 0, done.stderr
    store = RemoteStore(virtuoso.url)
    yield store
    store.close()


@pytest.fixture()
def writer(virtuoso):
    """A store that may write (the test user, Digest authentication); test graphs it made are cleared after."""
    store = RemoteStore(virtuoso.url, auth=(virtuoso.user, virtuoso.password))
    yield store
    store.update(f"CLEAR SILENT GRAPH <{TEST_GRAPH}> ; CLEAR SILENT GRAPH <{TEST_GRAPH}-2>")
    store.update(f"DELETE WHERE {{ GRAPH <{UNION_GRAPH}> {{ ?s <urn:test:p> ?o }} }}")
    store.close()


def count(store, sparql: str) -> int:
    return int(store.query(sparql).rows[0][0])


def test_the_build_loads_the_project_graphs_and_virtuosos_own_graphs_stay_out_of_the_default_graph(
        virtuoso_seed, virtuoso, seed_store):
    every = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    named = (f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
             f'FILTER(STRSTARTS(STR(?g), "https://w3id.org/battery-kg/") && ?g != <{UNION_GRAPH}>) }}')
    registry = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH kgg:registry { ?s ?p ?o } }"
    for sparql in (every, named, registry):
        assert count(virtuoso_seed, sparql) == count(seed_store, sparql), sparql
    assert len(virtuoso_seed) == len(seed_store)
    classes = "SELECT ?class (COUNT(?e) AS ?n) WHERE { ?e a ?class } GROUP BY ?class"
    assert comparable(virtuoso_seed.query(classes)) == comparable(seed_store.query(classes))
    # Virtuoso's own graphs are there, by name, and stay out of the default graph they are part of for Virtuoso
    own = f'ASK {{ ?s ?p ?o FILTER(STRSTARTS(STR(?p), "{VIRTRDF}")) }}'
    plain = httpx.post(virtuoso.url, data={"query": own}, headers={"Accept": "application/sparql-results+json"})
    assert plain.json()["boolean"] is True
    assert virtuoso_seed.query(f"ASK {{ GRAPH <{VIRTRDF}> {{ ?s ?p ?o }} }}").boolean
    assert not virtuoso_seed.query(own).boolean


@pytest.mark.parametrize("name", [q.name for q in list_saved()])
def test_every_saved_question_answers_as_on_the_embedded_store(virtuoso_seed, seed_store, name):
    remote, embedded = run_saved(name, {}, virtuoso_seed), run_saved(name, {}, seed_store)
    assert remote.variables == embedded.variables
    assert comparable(remote) == comparable(embedded)


@pytest.mark.parametrize(("name", "params"), SAVED_WITH_PARAMETERS, ids=lambda v: v if isinstance(v, str) else "")
def test_saved_questions_with_parameters_answer_as_on_the_embedded_store(virtuoso_seed, seed_store, name, params):
    remote, embedded = run_saved(name, params, virtuoso_seed), run_saved(name, params, seed_store)
    assert comparable(remote) == comparable(embedded) != []


def test_query_output_is_the_embedded_stores_byte_for_byte(virtuoso_seed, virtuoso, seed_store, seed_output):
    """Virtuoso's JSON ("typed-literal", "link", extra keys) comes out as standard SPARQL 1.1 results."""
    sparql = ("SELECT ?e ?label ?start (DATATYPE(?start) AS ?type) WHERE { ?e a bkg:Conference ; rdfs:label ?label ; "
              "schema:startDate ?start } ORDER BY ?e")
    remote, embedded = virtuoso_seed.query(sparql), seed_store.query(sparql)
    for fmt in ("json", "xml", "csv", "tsv"):
        assert remote.serialize(fmt) == embedded.serialize(fmt), fmt
    done = run_cli("query", "--format", "json", sparql, "--store", virtuoso.url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.encode() == embedded.serialize("json") + b"\n"
    assert "2024 World Power Battery Conference" in done.stdout and "typed-literal" not in done.stdout
    assert "link" not in json.loads(done.stdout)["head"]


def test_analyze_ranks_as_on_the_embedded_store(virtuoso_seed, virtuoso, seed_output):
    args = ("analyze", "--network", "partnership", "-m", "degree", "-m", "betweenness", "-m", "pagerank",
            "-m", "communities", "--format", "csv")
    remote, embedded = run_cli(*args, "--store", virtuoso.url), run_cli(*args, "--out", str(seed_output.root))
    assert remote.returncode == embedded.returncode == 0, remote.stderr + embedded.stderr
    assert remote.stdout == embedded.stdout and "EXENCELL" in remote.stdout


def test_path_finds_the_embedded_stores_paths(virtuoso_seed, virtuoso, seed_output):
    args = ("path", "EXENCELL", "Yibin", "--format", "json")
    remote, embedded = run_cli(*args, "--store", virtuoso.url), run_cli(*args, "--out", str(seed_output.root))
    assert remote.returncode == embedded.returncode == 0, remote.stderr + embedded.stderr
    assert remote.stdout == embedded.stdout and json.loads(remote.stdout)


def test_views_are_the_pages_of_the_embedded_store(virtuoso_seed, virtuoso, seed_output, tmp_path):
    remote = run_cli("views", "--quiet", "--out", str(tmp_path / "remote"), env={"BATTERYKG_STORE": virtuoso.url})
    embedded = run_cli("views", "--quiet", "--out", str(tmp_path / "embedded"), "--store", str(seed_output.store))
    assert remote.returncode == embedded.returncode == 0, remote.stderr + embedded.stderr
    pages = sorted(p.relative_to(tmp_path / "remote") for p in (tmp_path / "remote").rglob("*.html"))
    assert len(pages) > 10
    assert pages == sorted(p.relative_to(tmp_path / "embedded") for p in (tmp_path / "embedded").rglob("*.html"))
    for page in pages:
        assert (tmp_path / "remote" / page).read_bytes() == (tmp_path / "embedded" / page).read_bytes(), page


def test_a_rebuild_replaces_the_project_graphs_and_leaves_other_graphs_alone(virtuoso_seed, virtuoso, data_copy,
                                                                           tmp_path, seed_data):
    """A source removed from data/ is gone from the server after the next build; another team's graph stays."""
    writer = RemoteStore(virtuoso.url, auth=(virtuoso.user, virtuoso.password))
    partner = {"org": "Liaoning Xingkong Sodium Battery Co., Ltd."}
    removed = "003_a93420692c2367a5"
    try:
        writer.update('INSERT DATA { GRAPH <urn:another-team> { <urn:x> <urn:y> "kept" } }')
        assert len(run_saved("partners", partner, virtuoso_seed).rows) == 1
        for path in [data_copy.root / "facts" / f"{removed}.trig", *(data_copy.root / "sources").glob(f"{removed}.*")]:
            path.unlink()
        done = run_cli("build", "--quiet", "--data", str(data_copy.root), "--out", str(tmp_path / "out"),
                       "--store", virtuoso.url.replace("/sparql", "/sparql-auth"), env=virtuoso.env())
        assert done.returncode == 0, done.stderr
        rebuilt = RemoteStore(virtuoso.url)
        embedded = run_cli("query", "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                           "--out", str(tmp_path / "out"))
        assert str(count(rebuilt, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == embedded.stdout.split()[1]
        assert run_saved("partners", partner, rebuilt).rows == []
        assert not rebuilt.query(f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(CONTAINS(STR(?g), "{removed}")) }}').boolean
        assert writer._raw_query('ASK { GRAPH <urn:another-team> { <urn:x> <urn:y> "kept" } }').boolean
    finally:
        writer.update("CLEAR SILENT GRAPH <urn:another-team>")
        done = run_cli("build", "--quiet", "--data", str(seed_data.root), "--out", str(tmp_path / "seed"),
                       "--store", virtuoso.url,
                       env=virtuoso.env())
        writer.close()
    assert done.returncode == 0, done.stderr
    assert len(run_saved("partners", partner, virtuoso_seed).rows) == 1


def test_an_answer_cut_at_the_row_limit_is_an_error_never_a_part(virtuoso_seed, virtuoso):
    """Virtuoso stops at ResultSetMaxRows (10,000 here) with 200; the cut is an error, a LIMIT within it is not."""
    rows = "SELECT ?s ?p ?o ?k WHERE { ?s ?p ?o VALUES ?k { 1 2 3 4 5 6 7 8 } }"  # 10,688 rows
    with pytest.raises(StoreError, match=r"cut the answer at 10,000 rows \(its row limit, announced in X-SPARQL-MaxRows"):
        virtuoso_seed.query(rows)
    assert len(virtuoso_seed.query(rows + " LIMIT 10000").rows) == 10_000
    assert len(virtuoso_seed.query(rows + " LIMIT 9000").rows) == 9_000
    triples = ("CONSTRUCT { ?s ?p ?x } WHERE { GRAPH ?g { ?s ?p ?o } VALUES ?k { 1 2 3 4 5 } "
               "BIND(CONCAT(STR(?o), STR(?g), STR(?k)) AS ?x) }")  # 13,565 triples, cut with no header
    with pytest.raises(StoreError, match=r"cut the answer at 10,000 triples"):
        virtuoso_seed.query(triples)
    done = run_cli("query", "--format", "csv", rows, "--store", virtuoso.url)
    assert done.returncode == 2 and "ResultSetMaxRows" in done.stderr and done.stdout == ""


def test_writing_needs_the_user_that_was_granted_sparql_update_with_digest_authentication(virtuoso_seed, virtuoso,
                                                                                          monkeypatch):
    monkeypatch.delenv("BATTERYKG_STORE_USER", raising=False)
    update = f'INSERT DATA {{ GRAPH <{TEST_GRAPH}> {{ <urn:a> <urn:test:p> "x" }} }}'
    anonymous = RemoteStore(virtuoso.url)
    with pytest.raises(StoreError, match=r"/sparql-auth failed with HTTP 401 \(set BATTERYKG_STORE_USER"):
        anonymous.update(update)
    wrong = RemoteStore(virtuoso.url, auth=(virtuoso.user, "not-the-password"))
    with pytest.raises(StoreError, match=r"/sparql-auth failed with HTTP 401 \(the server refused"):
        wrong.update(update)
    # the anonymous SPARQL user of /sparql may not write either: no grant was made to it
    through_public = RemoteStore(virtuoso.url, update_url=virtuoso.url)
    with pytest.raises(StoreError, match="HTTP 500: .*No permission"):
        through_public.update(update)
    right = RemoteStore(virtuoso.url, auth=(virtuoso.user, virtuoso.password))
    try:
        right.update(update)
        assert right._auth.scheme == "digest"
        assert right.query(f"ASK {{ GRAPH <{TEST_GRAPH}> {{ <urn:a> <urn:test:p> 'x' }} }}").boolean
        # the protected query endpoint answers the same questions as /sparql
        protected = RemoteStore(virtuoso.url.replace("/sparql", "/sparql-auth"),
                                auth=(virtuoso.user, virtuoso.password))
        assert comparable(run_saved("people", {}, protected)) == comparable(run_saved("people", {}, virtuoso_seed))
    finally:
        right.update(f"CLEAR SILENT GRAPH <{TEST_GRAPH}>")


def test_blank_nodes_stay_one_node_across_batches_and_graphs(writer):
    """Virtuoso takes no blank node in INSERT DATA; each group of quads that share one goes in one request."""
    writer.batch = 1
    writer.load_nquads(f"""_:a <urn:test:p> "1" <{TEST_GRAPH}> .
_:a <urn:test:q> _:b <{TEST_GRAPH}> .
_:b <urn:test:p> "2" <{TEST_GRAPH}-2> .
_:a <urn:test:p> "1" .
_:c <urn:test:p> "3" <{TEST_GRAPH}-2> .
<urn:test:s> <urn:test:p> "4" <{TEST_GRAPH}> .
""".encode())
    distinct = "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { GRAPH ?g { ?b <urn:test:p> ?o } FILTER(isBlank(?b)) }"
    assert count(writer, distinct) == 3
    assert writer.query(f'ASK {{ GRAPH <{TEST_GRAPH}> {{ ?a <urn:test:q> ?b }} GRAPH <{TEST_GRAPH}-2> '
                        '{ ?b <urn:test:p> "2" } ?a <urn:test:p> "1" }').boolean
    result = writer.query(f"SELECT ?b ?o WHERE {{ GRAPH <{TEST_GRAPH}-2> {{ ?b <urn:test:p> ?o }} }} ORDER BY ?o")
    assert [type(b) for b, _ in result.rows] == [BNode, BNode]
    assert not any(str(b).startswith("nodeID:") for b, _ in result.rows)
    assert result.serialize("csv").decode().splitlines()[1].startswith("_:")
    assert b"<bnode>" in result.serialize("xml")
    graph = writer.query(f"CONSTRUCT {{ ?b <urn:test:p> ?o }} WHERE {{ GRAPH <{TEST_GRAPH}-2> {{ ?b <urn:test:p> ?o }} }}").graph
    assert len(graph) == 2 and all(isinstance(s, BNode) for s in graph.subjects())


def test_a_batch_too_large_for_virtuoso_is_halved_until_it_loads(writer):
    """Virtuoso's SPARQL compiler refuses some 5,000 triples in one INSERT DATA ("memory exhausted")."""
    writer.batch = 20_000
    writer.load_nquads("".join(f'<urn:test:s{i}> <urn:test:p> "value {i}" <{TEST_GRAPH}> .\n'
                               for i in range(8_000)).encode())
    assert writer.batch < 8_000
    assert count(writer, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{TEST_GRAPH}> {{ ?s ?p ?o }} }}") == 8_000


def test_stored_booleans_and_typed_values_come_back_as_written(writer):
    writer.load_nquads(f'<urn:test:s> <urn:test:p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> <{TEST_GRAPH}> .\n'
                       f'<urn:test:s> <urn:test:p> "2024-02-20"^^<http://www.w3.org/2001/XMLSchema#date> <{TEST_GRAPH}> .\n'
                       .encode())
    values = {value for (value,) in writer.query(f"SELECT ?o WHERE {{ GRAPH <{TEST_GRAPH}> {{ ?s ?p ?o }} }}").rows}
    assert values == {Literal(True), Literal("2024-02-20", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))}


def test_a_malformed_query_is_a_query_error_with_the_line_of_the_users_query(virtuoso_seed, virtuoso):
    with pytest.raises(QueryError, match=r"rejected the query: .*line 2: syntax error"):
        virtuoso_seed.query("SELECT ?x WHERE {\n ?x ?y }")
    done = run_cli("query", "SELECT ?x WHERE { ?x ?y }", "--store", virtuoso.url)
    assert done.returncode == 2 and "line 1: syntax error" in done.stderr


def test_a_named_graph_is_replaced_through_the_graph_store_protocol_and_the_union_follows(virtuoso_seed, writer,
                                                                                          seed_store):
    """As the analysis graph is written: the union loses what the old graph alone held, keeps what others hold."""
    label = '<https://w3id.org/battery-kg/id/exencell> <http://www.w3.org/2000/01/rdf-schema#label> "EXENCELL"@en .\n'
    writer.add_graph(TEST_GRAPH, label.encode() + b'<urn:test:a> <urn:test:p> "one" .\n')
    writer.add_graph(TEST_GRAPH, b'<urn:test:a> <urn:test:p> "two" .\n')
    in_graph = writer.query(f"SELECT ?o WHERE {{ GRAPH <{TEST_GRAPH}> {{ ?s ?p ?o }} }}")
    in_union = writer.query("SELECT ?o WHERE { <urn:test:a> ?p ?o }")
    assert [str(o) for (o,) in in_graph.rows] == ["two"] == [str(o) for (o,) in in_union.rows]
    assert writer.query('ASK { bk:exencell rdfs:label "EXENCELL"@en }').boolean  # the registry holds it too
    writer.add_graph(TEST_GRAPH, b"")
    assert len(writer) == len(seed_store)
