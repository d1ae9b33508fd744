"""The remote store against a real Oxigraph server: build loads it, a rebuild replaces what it held, every saved
query answers as embedded — with the server's own default graph, and with a default graph made of all graphs."""

from __future__ import annotations

import subprocess

import pytest

from graph.errors import QueryError, StoreError
from graph.sparql.saved import list_saved, run_saved
from graph.store import open_store
from graph.store.remote import ChallengeAuth, RemoteStore
from tests.sparql.conftest import SAVED_WITH_PARAMETERS, comparable

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def remote_seed(oxigraph_server, tmp_path_factory, cli, seed_data):
    """The Oxigraph server loaded with the seed graph by `batterykg build --store URL`."""
    done = cli("build", "--quiet", "--data", str(seed_data.root), "--out", str(tmp_path_factory.mktemp("remote-build")), "--store", oxigraph_server)
    assert done.returncode == 0, done.stderr
    store = open_store(oxigraph_server)
    yield store
    store.close()


@pytest.fixture(scope="module")
def cli():
    from tests.conftest import run_cli

    return run_cli


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
    assert comparable(remote) == comparable(embedded)


@pytest.mark.parametrize(("name", "params"), SAVED_WITH_PARAMETERS, ids=lambda v: v if isinstance(v, str) else "")
def test_saved_questions_with_parameters_answer_as_on_the_embedded_store(remote_seed, seed_store, name, params):
    assert comparable(run_saved(name, params, remote_seed)) == comparable(run_saved(name, params, seed_store)) != []


def test_entity_parameters_resolve_on_the_remote_store(remote_seed):
    result = run_saved("partners", {"org": "exencell"}, remote_seed)
    assert len(result.rows) == 5


@pytest.mark.parametrize("how", ["environment", "flag"])
def test_query_uses_the_store_named_by_the_environment_or_the_flag(remote_seed, oxigraph_server, cli, how, tmp_path):
    sparql = "SELECT ?l WHERE { bk:tecloman rdfs:label ?l }"
    if how == "environment":
        done = cli("query", "--format", "csv", sparql, env={"BATTERYKG_STORE": oxigraph_server})
    else:  # --out names a folder with no build: the flag, not the folder, says where the graph is
        done = cli("query", "--format", "csv", sparql, "--store", oxigraph_server, "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["l", "Tecloman"]


def test_views_from_the_remote_store_are_the_pages_of_the_embedded_store(remote_seed, oxigraph_server, seed_output,
                                                                         cli, tmp_path):
    """BATTERYKG_STORE names the graph; --out only says where the pages go."""
    remote = cli("views", "--quiet", "--out", str(tmp_path / "remote"), env={"BATTERYKG_STORE": oxigraph_server})
    embedded = cli("views", "--quiet", "--out", str(tmp_path / "embedded"), "--store", str(seed_output.store))
    assert remote.returncode == embedded.returncode == 0, remote.stderr + embedded.stderr
    pages = sorted(p.relative_to(tmp_path / "remote") for p in (tmp_path / "remote").rglob("*.html"))
    assert len(pages) > 10
    assert pages == sorted(p.relative_to(tmp_path / "embedded") for p in (tmp_path / "embedded").rglob("*.html"))
    for page in pages:
        assert (tmp_path / "remote" / page).read_bytes() == (tmp_path / "embedded" / page).read_bytes(), page


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
        RemoteStore(oxigraph_server + "/nowhere", timeout=5).update("CLEAR SILENT DEFAULT")


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


@pytest.fixture()
def trickling_server():
    """A server that answers 200 at once, then sends its body one byte every 0.1 s: never idle, never done."""
    import socket
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stopping = threading.Event()

    def serve():
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                               b"Content-Length: 100000\r\n\r\n")
            while not stopping.is_set():
                try:
                    connection.sendall(b" ")
                except OSError:
                    return
                time.sleep(0.1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stopping.set()
    listener.close()
    thread.join(5)


def test_an_answer_that_trickles_in_is_cut_off_at_the_time_limit(trickling_server):
    """httpx's timeouts are per read, and every read here succeeds: the limit holds for the whole call."""
    import time

    store = RemoteStore(trickling_server, timeout=1)
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"/query did not answer within 1 s"):
        store.query("ASK {}")
    assert time.monotonic() - started < 2


@pytest.fixture(scope="module")
def union_server(tmp_path_factory):
    """An Oxigraph server whose default graph is the union of its graphs, as Virtuoso's and GraphDB's are."""
    from tests.sparql.conftest import start_oxigraph, stop

    process, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph-union"), "--union-default-graph",
                                  stderr=subprocess.DEVNULL)
    try:
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="module")
def union_seed(union_server, tmp_path_factory, cli, seed_data):
    done = cli("build", "--quiet", "--data", str(seed_data.root), "--out", str(tmp_path_factory.mktemp("union-build")), "--store", union_server,
               env={"BATTERYKG_STORE_SERVER": "union"})
    assert done.returncode == 0, done.stderr
    store = RemoteStore(union_server, server="union")
    yield store
    store.close()


def test_a_union_default_graph_server_gets_only_the_named_graphs(union_seed, seed_store):
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    assert union_seed.query(named).rows == seed_store.query(named).rows
    assert union_seed.query(distinct).rows == seed_store.query(distinct).rows
    assert len(union_seed) == int(seed_store.query(named).rows[0][0])


@pytest.mark.parametrize("name", [q.name for q in list_saved()])
def test_saved_queries_on_a_union_default_graph_server_give_the_same_rows(union_seed, seed_store, name):
    """The same distinct rows; a fact that several graphs hold is matched once per graph there (README)."""
    remote = run_saved(name, {}, union_seed)
    embedded = run_saved(name, {}, seed_store)
    assert remote.variables == embedded.variables
    assert set(comparable(remote)) == set(comparable(embedded))


def challenging_server(challenge: str, answers: int = 1):
    """A server that answers the first request with 401 and ``challenge``, then ``answers`` requests with an ASK
    result; records each request's headers. Returns its URL, the records and its thread."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    seen = []

    def serve():
        for number in range(answers + 1):
            connection, _ = listener.accept()
            with connection:
                seen.append(connection.recv(65536).decode("latin-1"))
                if number == 0:
                    connection.sendall(b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: " + challenge.encode()
                                       + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    continue
                body = b'{"head": {}, "boolean": true}'
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                   b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n"
                                   + body)
        listener.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}", seen, thread


def test_the_store_user_and_password_answer_a_basic_challenge_then_go_with_every_call(monkeypatch):
    """BATTERYKG_STORE_USER / _PASSWORD: sent once the server asks (never in the clear to one that does not),
    with the scheme it asks for; then with each call."""
    import base64

    url, seen, thread = challenging_server('Basic realm="kg"', answers=2)
    monkeypatch.setenv("BATTERYKG_STORE_USER", "analyst")
    monkeypatch.setenv("BATTERYKG_STORE_PASSWORD", "s3cret")
    store = RemoteStore(url, timeout=5)
    try:
        assert store.query("ASK {}").boolean is True
        assert store.query("ASK {}").boolean is True
    finally:
        store.close()
    thread.join(5)
    expected = f"authorization: basic {base64.b64encode(b'analyst:s3cret').decode()}"
    assert [expected.lower() in request.lower() for request in seen] == [False, True, True]


def test_a_digest_challenge_is_answered_with_digest_authentication():
    url, seen, thread = challenging_server('Digest realm="SPARQL", nonce="abc123", qop="auth", algorithm="MD5"')
    store = RemoteStore(url, timeout=5, auth=("analyst", "s3cret"))
    try:
        assert store.query("ASK {}").boolean is True
    finally:
        store.close()
    thread.join(5)
    assert "authorization" not in seen[0].lower()
    answer = [line for line in seen[1].splitlines() if line.lower().startswith("authorization:")][0]
    assert answer.split()[1] == "Digest" and 'username="analyst"' in answer and "s3cret" not in answer
    assert isinstance(store._auth, ChallengeAuth) and store._auth.scheme == "digest"


def test_a_rebuild_replaces_what_the_server_held_and_keeps_other_graphs(remote_seed, oxigraph_server, cli, data_copy,
                                                                       tmp_path, seed_data):
    """A source removed from data/ is gone from the server after the next build, from its graphs and from the
    default graph; a graph that is not the project's stays."""
    store = RemoteStore(oxigraph_server)
    removed = "003_a93420692c2367a5"
    partner = {"org": "Liaoning Xingkong Sodium Battery Co., Ltd."}
    try:
        store.update('INSERT DATA { GRAPH <urn:another-team> { <urn:x> <urn:y> "kept" } }')
        assert len(run_saved("partners", partner, store).rows) == 1
        for path in [data_copy.root / "facts" / f"{removed}.trig", *(data_copy.root / "sources").glob(f"{removed}.*")]:
            path.unlink()
        done = cli("build", "--quiet", "--data", str(data_copy.root), "--out", str(tmp_path / "out"),
                   "--store", oxigraph_server)
        assert done.returncode == 0, done.stderr
        rebuilt = open_store(tmp_path / "out" / "store")
        every = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert store.query(every).rows == rebuilt.query(every).rows
        assert len(store) == len(rebuilt)
        assert run_saved("partners", partner, store).rows == []
        assert not store.query(f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(CONTAINS(STR(?g), "{removed}")) }}').boolean
        assert store.query('ASK { GRAPH <urn:another-team> { <urn:x> <urn:y> "kept" } }').boolean
    finally:
        store.update("DROP SILENT GRAPH <urn:another-team>")
        done = cli("build", "--quiet", "--data", str(seed_data.root), "--out", str(tmp_path / "seed"),
                   "--store", oxigraph_server)
        store.close()
    assert done.returncode == 0, done.stderr


def test_a_server_that_answers_clear_without_clearing_fails_the_build(remote_seed, oxigraph_server, seed_store,
                                                                      monkeypatch):
    """Virtuoso answers CLEAR ALL with 200 and removes nothing: what is left is counted, and is an error."""
    store = RemoteStore(oxigraph_server)
    real_update = RemoteStore.update
    monkeypatch.setattr(RemoteStore, "update",
                        lambda self, text, **kw: None if text.startswith("CLEAR") else real_update(self, text, **kw))
    with pytest.raises(StoreError, match=f"still holds {len(seed_store):,} triples of the project's graphs after"):
        store.clear()
    assert len(store) == len(seed_store)


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("BATTERYKG_STORE_SERVER", "fuseky", "the server kinds are standard, virtuoso, union"),
    ("BATTERYKG_STORE_BATCH", "0", "a positive whole number is needed"),
    ("BATTERYKG_STORE_MAX_ROWS", "ten", "a positive whole number is needed"),
])
def test_a_wrong_store_setting_is_a_usage_error_naming_it(cli, variable, value, message):
    done = cli("query", "ASK {}", "--store", "http://127.0.0.1:9", env={variable: value})
    assert done.returncode == 2 and f"{variable}={value!r}" in done.stderr and message in done.stderr
