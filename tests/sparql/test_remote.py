"""The remote store against a real Oxigraph server: build loads it, every saved query answers as embedded."""

from __future__ import annotations

import pytest
from rdflib import Literal

from graph.errors import QueryError, StoreError
from graph.queries import list_saved, run_saved
from graph.remote import RemoteStore
from graph.store import open_store


@pytest.fixture(scope="module")
def remote_seed(oxigraph_server, tmp_path_factory, cli):
    """The Oxigraph server loaded with the seed graph by `batterykg build --store URL`."""
    done = cli("build", "--quiet", "--out", str(tmp_path_factory.mktemp("remote-build")), "--store", oxigraph_server)
    assert done.returncode == 0, done.stderr
    store = open_store(oxigraph_server)
    yield store
    store.close()


@pytest.fixture(scope="module")
def cli():
    from tests.conftest import run_cli

    return run_cli


def normalised(result):
    """Rows as sorted tuples; GROUP_CONCAT lists compared as sets (their order is not defined)."""
    def term(value):
        if isinstance(value, Literal) and "; " in str(value):
            return tuple(sorted(str(value).split("; ")))
        return value
    return sorted((tuple(term(v) for v in row) for row in result.rows), key=repr)


def test_build_loads_the_same_triples_as_the_embedded_store(remote_seed, seed_store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert remote_seed.query(count).rows == seed_store.query(count).rows
    assert remote_seed.query(named).rows == seed_store.query(named).rows


@pytest.mark.parametrize("name", [q.name for q in list_saved()])
def test_every_saved_query_answers_as_on_the_embedded_store(remote_seed, seed_store, name):
    remote = run_saved(name, {}, remote_seed)
    embedded = run_saved(name, {}, seed_store)
    assert remote.variables == embedded.variables
    assert normalised(remote) == normalised(embedded)


def test_entity_parameters_resolve_on_the_remote_store(remote_seed):
    result = run_saved("partners", {"org": "exencell"}, remote_seed)
    assert len(result.rows) == 5


def test_query_and_views_use_the_store_named_by_the_environment(remote_seed, oxigraph_server, cli):
    done = cli("query", "--format", "csv", "SELECT ?l WHERE { bk:tecloman rdfs:label ?l }",
               env={"BATTERYKG_STORE": oxigraph_server})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["l", "Tecloman"]


def test_construct_and_ask_over_http(remote_seed):
    assert remote_seed.query("ASK { bk:exencell a bkg:Company }").boolean is True
    graph = remote_seed.query("CONSTRUCT WHERE { bk:exencell ?p ?o }").graph
    assert len(graph) >= 3


def test_a_malformed_query_is_a_query_error_with_the_servers_message(remote_seed):
    with pytest.raises(QueryError, match="syntax error at line 1"):
        remote_seed.query("SELECT ?x WHERE { ?x ?y }")


def test_a_slow_query_fails_with_a_store_error_within_its_time_limit(remote_seed, oxigraph_server):
    expensive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(StoreError, match=f"{oxigraph_server}/query did not answer within 0.5 s"):
        remote_seed.query(expensive, timeout=0.5)


def test_an_unreachable_server_or_wrong_path_is_a_store_error_naming_url_and_status(oxigraph_server):
    with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint http://127.0.0.1:9/query"):
        RemoteStore("http://127.0.0.1:9", timeout=2).query("ASK {}")
    with pytest.raises(StoreError, match=r"/nowhere/query failed with HTTP 404"):
        RemoteStore(oxigraph_server + "/nowhere", timeout=5).query("ASK {}")
    with pytest.raises(StoreError, match=r"/nowhere/update failed with HTTP 404"):
        RemoteStore(oxigraph_server + "/nowhere", timeout=5).clear()


def test_a_named_graph_is_replaced_through_the_graph_store_protocol(oxigraph_server, tmp_path):
    store = RemoteStore(oxigraph_server)
    graph_iri = "https://w3id.org/battery-kg/graph/test-gsp"
    try:
        store.add_graph(graph_iri, b'<https://x/a> <https://x/p> "one" .\n')
        store.add_graph(graph_iri, b'<https://x/a> <https://x/p> "two" .\n')
        in_graph = store.query(f"SELECT ?o WHERE {{ GRAPH <{graph_iri}> {{ <https://x/a> ?p ?o }} }}")
        in_default = store.query("SELECT ?o WHERE { <https://x/a> ?p ?o }")
        assert [str(r[0]) for r in in_graph.rows] == ["two"] == [str(r[0]) for r in in_default.rows]
    finally:
        store.update(f"DROP SILENT GRAPH <{graph_iri}> ; DELETE WHERE {{ <https://x/a> ?p ?o }}")
        store.close()


def test_analyze_against_the_remote_store_ranks_as_on_the_embedded_store(remote_seed, oxigraph_server, seed_output,
                                                                           cli):
    args = ("analyze", "--network", "partnership", "--measure", "degree", "--top", "5", "--format", "csv")
    remote = cli(*args, "--store", oxigraph_server)
    embedded = cli(*args, "--out", str(seed_output.root))
    assert remote.returncode == embedded.returncode == 0, remote.stderr + embedded.stderr
    assert remote.stdout == embedded.stdout and "EXENCELL" in remote.stdout
