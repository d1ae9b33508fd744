"""Servers for the SPARQL tests: `batterykg serve` and a real Oxigraph server, each a subprocess on loopback."""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import sys
import time
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


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
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
