"""Servers for the SPARQL tests: `batterykg serve`, a real Oxigraph server and a private Virtuoso, each a subprocess
on loopback."""

from __future__ import annotations

import os
import secrets
import select
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_serve(*args: str) -> tuple[subprocess.Popen, str]:
    """Start `batterykg serve ARGS --port 0` and return the process and its base URL (read from its output)."""
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--port", "0", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1.0)
        if ready:
            line = process.stdout.readline()
            if "query page: " in line:
                return process, line.rsplit("query page: ", 1)[1].strip(" )\n")
        if process.poll() is not None:
            raise RuntimeError(f"batterykg serve stopped: {process.stderr.read()}")
    process.kill()
    raise RuntimeError("batterykg serve did not start within 60 s")


def stop(process: subprocess.Popen, grace: float = 10) -> None:
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@pytest.fixture(scope="session")
def served_out(seed_output, tmp_path_factory) -> Path:
    """An output folder with the seed store and two hand-made view pages."""
    root = tmp_path_factory.mktemp("served-out")
    shutil.copytree(seed_output.store, root / "store")
    (root / "index.html").write_text('<!doctype html><title>views</title><a href="views/eco.html">eco</a>')
    (root / "views").mkdir()
    (root / "views" / "eco.html").write_text("<!doctype html><title>ecosystem</title>")
    return root


@pytest.fixture(scope="session")
def endpoint(served_out):
    """`batterykg serve` on the seed graph: 2 s time limit, 1,000 rows, 4 workers. Yields its base URL."""
    process, url = start_serve("--out", str(served_out), "--timeout", "2", "--max-rows", "1000", "--workers", "4")
    try:
        yield url
    finally:
        stop(process)


def start_oxigraph(location: Path, *args: str, stderr=subprocess.PIPE) -> tuple[subprocess.Popen, str]:
    """Start the `oxigraph` binary of the venv serving ``location`` on a free loopback port, with ``args``
    (``--timeout-s 5``, ``--union-default-graph``); return the process and its base URL once it answers.
    Skips the test when the binary is not installed."""
    binary = shutil.which("oxigraph", path=str(VENV_BIN)) or shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *args],
                               stdout=subprocess.DEVNULL, stderr=stderr, env={**os.environ})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
            return process, url
        except httpx.HTTPError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("the oxigraph server did not start") from None
            time.sleep(0.1)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph server (the `oxigraph` binary of the venv) on a free loopback port, empty at start."""
    process, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph"), "--timeout-s", "5")
    try:
        yield url
    finally:
        stop(process)


# --- Virtuoso -------------------------------------------------------------------------------------------

#: The private instance's configuration: its own database folder, loopback ports, the row limit it ships with.
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
"""


@dataclass
class VirtuosoServer:
    """A running private Virtuoso: its ``/sparql`` URL, the user allowed to write, and its SQL port."""

    url: str
    user: str
    password: str
    isql: list[str]

    def env(self) -> dict[str, str]:
        """The environment a `batterykg` command needs to write to it."""
        return {"BATTERYKG_STORE_USER": self.user, "BATTERYKG_STORE_PASSWORD": self.password}

    def sql(self, statements: str) -> str:
        """Run SQL statements through isql as dba; their output."""
        done = subprocess.run([*self.isql, f"exec={statements}"], capture_output=True, text=True, timeout=60)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout}{done.stderr}")
        return done.stdout


def virtuoso_binaries() -> tuple[str, str]:
    """``virtuoso-t`` and ``isql-vt`` from Debian's virtuoso-opensource, or a skip with the reason — never
    under CI=true, where `make test` has installed them."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        reason = ("Debian's virtuoso-opensource is not installed (`make test` installs it when run as root; "
                  "else `sudo apt-get install virtuoso-opensource`)")
        if os.environ.get("CI") == "true":
            pytest.fail(reason + ", and CI=true")
        pytest.skip(reason)
    return server, isql


def start_virtuoso(folder: Path) -> tuple[subprocess.Popen, VirtuosoServer]:
    """Start a private Virtuoso in ``folder`` (its own virtuoso.ini and database) on free loopback ports, as
    a child process, not the system service; give dba a random password and make a user that may write
    through the protected endpoints (SPARQL_UPDATE), while the anonymous SPARQL user stays read-only."""
    binary, isql = virtuoso_binaries()
    http_port, sql_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}/sparql"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            stop(process)
            log = (folder / "virtuoso.log").read_text(errors="replace")[-2000:] if (folder / "virtuoso.log").exists() else ""
            raise RuntimeError(f"Virtuoso did not start: {log}")
        time.sleep(0.2)
    dba_password, password = secrets.token_hex(12), secrets.token_hex(12)
    server = VirtuosoServer(url, "batterykg", password, [isql, f"127.0.0.1:{sql_port}", "dba", "dba"])
    server.sql(f"USER_CHANGE_PASSWORD('dba', 'dba', '{dba_password}');")
    server.isql[-1] = dba_password
    server.sql(f"DB.DBA.USER_CREATE('{server.user}', '{password}'); GRANT SPARQL_UPDATE TO \"{server.user}\";")
    return process, server


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A private Virtuoso (Debian's virtuoso-opensource) on free loopback ports, empty at start."""
    process, server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        stop(process, grace=30)


# --- comparing answers ----------------------------------------------------------------------------------

#: Saved questions with parameters, asked of every store besides each question with its defaults.
SAVED_WITH_PARAMETERS = [
    ("events", {"from": "2024-01-01", "to": "2024-12-31"}),
    ("events", {"from": "2023-01-01", "to": "2023-12-31"}),
    ("attendance", {"attendee": "Schneider Electric"}),
    ("partners", {"org": "Tecloman"}),
    ("within-place", {"place": "Shanghai"}),
    ("single-source-facts", {"subject": "EXENCELL"}),
    ("active-organisations", {"min": "1"}),
    ("observations", {"entity": "Sichuan"}),
    ("fact-sources", {"subject": "2024 World Power Battery Conference", "predicate": "schema:endDate"}),
    ("companies-in-both-places", {"first": "Sichuan", "second": "Mianyang"}),
]


def comparable(result) -> list[tuple]:
    """Rows as sorted tuples of RDF terms; a GROUP_CONCAT list (its order is not defined) as its sorted items
    with the literal's language and datatype."""
    from rdflib import Literal

    def term(value):
        if isinstance(value, Literal) and "; " in str(value):
            return ("list", tuple(sorted(str(value).split("; "))), value.language, value.datatype)
        return value

    return sorted((tuple(term(value) for value in row) for row in result.rows), key=repr)
