"""Fixtures of the views tests: the seed views written once, and one headless Chromium per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.folders import OutputLayout
from graph.views import write_views

#: Debian's chromium; BATTERYKG_CHROMIUM names another binary (the test of the skip-or-fail rule uses it).
CHROMIUM = Path(os.environ.get("BATTERYKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_views(seed_output, seed_store, tmp_path_factory):
    """The views of the seed graph, written into their own output folder (data files linked from it)."""
    out = OutputLayout(tmp_path_factory.mktemp("seed-views"))
    for name in ("battery-kg.trig", "battery-kg.ttl"):
        (out.root / name).write_bytes((seed_output.root / name).read_bytes())
    report = write_views(seed_store, out)
    return out, report


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright; skipped with a reason when missing, except under CI=true."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (`make browser`) to run the browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where screenshots go for a person to look at: test-output/views/ (git-ignored)."""
    folder = REPO / "test-output" / "views"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class OpenedPage:
    """A page opened from file:// with everything it tried to fetch and every error it raised."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.external: list[str] = []
        self.dialogs: list[str] = []


@pytest.fixture()
def open_page(browser):
    """``open_page(path, wait=True)``: load a page offline; requests outside file:// are blocked and recorded."""
    opened: list[OpenedPage] = []

    def _open(path: Path, *, wait: bool = True) -> OpenedPage:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        result = OpenedPage(page)

        def route(r):
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                result.external.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: result.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: result.errors.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (result.dialogs.append(d.message), d.dismiss()))
        page.goto(Path(path).as_uri())
        if wait:
            page.wait_for_function("window.kgView && window.kgView.ready", timeout=30_000)
        opened.append(result)
        return result

    yield _open
    for result in opened:
        result.page.close()


@pytest.fixture(scope="session")
def served_views(seed_output, seed_views):
    """`batterykg serve` on the seed store, serving the seed views; yields its base URL."""
    import select
    import subprocess
    import sys
    import time

    out, _ = seed_views
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--port", "0", "--workers", "1",
                                "--out", str(out.root), "--store", str(seed_output.store)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = None
    deadline = time.monotonic() + 60
    while url is None and time.monotonic() < deadline and process.poll() is None:
        if select.select([process.stdout], [], [], 1.0)[0]:
            line = process.stdout.readline()
            if "query page: " in line:
                url = line.rsplit("query page: ", 1)[1].strip(" )\n")
    try:
        if url is None:
            raise RuntimeError(f"batterykg serve did not start: {process.stderr.read() if process.poll() else ''}")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
