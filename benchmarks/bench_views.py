"""Benchmark of the network views: pyvis's from_nx against ours, the whole site, and drawing in Chromium.

``run(context)`` returns rows in the runner's format (``scale``, ``name``, ``median_s``, ``spread_s``, ``runs``)
with their own figures:

- ``from_nx``: nodes through :meth:`graph.views.Network.from_nx` (ours, 10,000 nodes and 20,000 edges) and
  through pyvis 0.3.2's own (``baseline_s``, on 2,000 nodes: its list scans make it quadratic, 150 s at 10,000);
- ``write the site``: :func:`graph.write_views` for the five seed articles (``seed``), the shipped corpus
  (``corpus``) and each synthetic scale, into an empty folder: the index, the two views, every entity page
  (``pages``), with ``site_mb``, ``entity_pages_mb`` and the largest page (``largest_page_mb``); ``cpu_s`` is this
  process's CPU time (from 200 pages on, a forked child writes half of them, and is not counted). At 100k it runs as
  ``batterykg views`` does, in a fresh interpreter, with the CPU time of it and its children and the largest peak
  memory among them (``peak_rss_mib``);
- ``write a view``: laying out and writing one synthetic view of ``n`` nodes and ``2 n`` edges
  (``layout_s`` of it), ``html_mb``;
- ``draw a view``: from navigation until headless Chromium has drawn it and it answers (``window.kgView.ready``),
  then ``select_s``: a search that selects a node and redraws its neighbourhood, ``show_all_s``: the top-N
  control set to every node (medians over ``draw_repeats`` loads; skipped without Chromium).

Run: ``BENCH_ONLY=views python -m benchmarks`` (or ``python benchmarks/bench_views.py [nodes ...]`` for the
views of synthetic graphs alone).
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from graph.atomic import write_text
from graph.views import network_html
from graph.views.positions import positions
from graph.views.style import CLASS_STYLES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
#: pyvis's own from_nx is measured on this many nodes (quadratic: 150 s at 10,000).
PYVIS_BASELINE_NODES = 2_000


def synthetic_network(n: int, seed: int = 1) -> nx.MultiGraph:
    """A random multigraph of ``n`` nodes and ``2 n`` edges carrying what the views draw."""
    rng = random.Random(seed)
    kinds = list(CLASS_STYLES)
    relations = ["partner of", "organizer", "attendee", "location", "party"]
    skeleton = nx.gnm_random_graph(n, 2 * n, seed=seed)
    graph = nx.MultiGraph()
    for i in skeleton.nodes:
        source = {"source": f"s{i % 97}", "headline": f"Headline of article {i % 97}", "date": "2024-09-02",
                  "text": f"Sentence {i % 997} of the synthetic corpus."}
        graph.add_node(i, label=f"Entity {i}", kind=rng.choice(kinds), size=rng.random(),
                       key_facts=[f"start date: 2024-01-{i % 28 + 1:02d}"], facts=[f"Entity {i} — partner of — x"],
                       sources=[source])
    for u, v in skeleton.edges:
        relation = rng.choice(relations)
        graph.add_edge(u, v, key=relation, relation=relation,
                       sources=[{"source": f"s{u % 97}", "headline": f"Headline of article {u % 97}",
                                 "date": "2024-09-02", "text": f"Sentence {u % 997} of the synthetic corpus."}])
    return graph


def _row(scale: str, name: str, times: list[float], **extra) -> dict:
    row = {"scale": scale, "name": name, "median_s": round(statistics.median(times), 3),
           "spread_s": (round(min(times), 3), round(max(times), 3)), "runs": len(times)}
    row.update(extra)
    return row


def from_nx_rows(repeats: int) -> list[dict]:
    """Ours on 10,000 nodes; pyvis's on :data:`PYVIS_BASELINE_NODES` (and ours on as many, for the ratio)."""
    from pyvis.network import Network as PyvisNetwork

    from graph.views import Network

    def timed(cls, graph) -> list[float]:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            cls().from_nx(graph.copy())  # pyvis writes into the graph it reads
            times.append(time.perf_counter() - started)
        return times

    big = nx.gnm_random_graph(10_000, 20_000, seed=1)
    small = nx.gnm_random_graph(PYVIS_BASELINE_NODES, 2 * PYVIS_BASELINE_NODES, seed=1)
    ours_small, theirs = timed(Network, small), timed(PyvisNetwork, small)
    return [
        _row("10,000 nodes", "from_nx (graph.views.Network)", timed(Network, big), edges=20_000),
        _row(f"{PYVIS_BASELINE_NODES:,} nodes", "from_nx (graph.views.Network vs pyvis 0.3.2)", ours_small,
             edges=2 * PYVIS_BASELINE_NODES, baseline_s=round(statistics.median(theirs), 3),
             ratio=round(statistics.median(theirs) / statistics.median(ours_small), 1)),
    ]


def _site_figures(report) -> dict:
    pages = [*report.views, *report.entities]
    sizes = {p: p.stat().st_size for p in [report.index, *pages, *report.assets]}
    return {"pages": len(report.entities), "site_mb": round(sum(sizes.values()) / 1e6, 1),
            "entity_pages_mb": round(sum(sizes[p] for p in report.entities) / 1e6, 1),
            "largest_page_mb": round(max(sizes[p] for p in pages) / 1e6, 2)}


def site_row(scale: str, store_path: Path, repeats: int) -> dict:
    """:func:`graph.write_views` into an empty folder, ``repeats`` times, in this process."""
    from graph.folders import OutputLayout
    from graph.store import open_store
    from graph.views import write_views

    store = open_store(store_path)
    times, cpu, report = [], [], None
    for _ in range(max(1, repeats)):
        folder = Path(tempfile.mkdtemp(prefix="bench-site-"))
        try:
            started, used = time.perf_counter(), time.process_time()
            report = write_views(store, OutputLayout(folder))
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
            figures = _site_figures(report)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return _row(scale, "write the site (write_views)", times, cpu_s=round(statistics.median(cpu), 2), **figures)


_CLI_RUN = """
import json, re, resource, time
from pathlib import Path
from graph.folders import OutputLayout
from graph.store import open_store
from graph.views import write_views
store = open_store({store!r})
started, used = time.perf_counter(), time.process_time()
report = write_views(store, OutputLayout(Path({out!r})))
seconds, cpu = time.perf_counter() - started, time.process_time() - used
children = resource.getrusage(resource.RUSAGE_CHILDREN)
pages = [*report.views, *report.entities]
sizes = {{str(p): p.stat().st_size for p in [report.index, *pages, *report.assets]}}
hwm = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(json.dumps({{"seconds": seconds, "cpu": cpu + children.ru_utime + children.ru_stime,
                   "child_rss_kib": children.ru_maxrss, "own_rss_kib": hwm, "pages": len(report.entities),
                   "site": sum(sizes.values()), "entity_pages": sum(sizes[str(p)] for p in report.entities),
                   "largest": max(sizes[str(p)] for p in pages)}}))
"""


def cli_site_row(scale: str, store_path: Path, repeats: int) -> dict:
    """``batterykg views``' work in a fresh interpreter (as the command runs it), with its peak memory."""
    from benchmarks import peak_rss_run

    times, found = [], []
    for _ in range(max(1, repeats)):
        folder = Path(tempfile.mkdtemp(prefix="bench-cli-site-"))
        try:
            result = peak_rss_run(_CLI_RUN.format(store=str(store_path), out=str(folder)))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        times.append(result["seconds"])
        found.append(result)
    last = found[-1]
    peak = max(max(r["own_rss_kib"], r["child_rss_kib"]) for r in found) / 1024
    return _row(scale, "batterykg views (whole site, fresh process)", times,
                cpu_s=round(statistics.median(r["cpu"] for r in found), 1), peak_rss_mib=round(peak),
                pages=last["pages"], site_mb=round(last["site"] / 1e6, 1),
                entity_pages_mb=round(last["entity_pages"] / 1e6, 1), largest_page_mb=round(last["largest"] / 1e6, 2))


def shipped_store_path(work: Path, seeds_only: bool) -> Path:
    """The graph of the shipped data folder — or of the five seed articles alone (the issue's "seed site"
    target) — built under ``work`` once."""
    from graph.build import build
    from graph.folders import DataLayout, OutputLayout

    name = "seed" if seeds_only else "corpus"
    out = OutputLayout(work / f"{name}-out")
    if not (out.store / "CURRENT").exists():
        data = DataLayout.default()
        if seeds_only:
            shutil.rmtree(work / "seed-data", ignore_errors=True)
            data = data.with_sources(work / "seed-data")
        build(data, out)
    return out.store


def _draw_times(pages: dict[int, Path], repeats: int) -> dict[int, tuple[float, float, float]]:
    """Median seconds until each page is drawn and ready, for one search-and-select, and for showing every
    node (the top-N control set to all), in headless Chromium, each page loaded ``repeats`` times."""
    if not Path(CHROMIUM).exists():
        return {}
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for n, path in pages.items():
                runs = [_draw_once(browser, path, n) for _ in range(repeats)]
                found[n] = tuple(statistics.median(r[i] for r in runs) for i in range(3))
        finally:
            browser.close()
    return found


def _draw_once(browser, path: Path, n: int) -> tuple[float, float, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.kgView && window.kgView.ready", timeout=120_000)
        drawn = time.perf_counter() - started
        started = time.perf_counter()
        page.evaluate(f"window.kgView.search('Entity {n - 1}')")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        selected = time.perf_counter() - started
        started = time.perf_counter()
        page.evaluate(f"""() => {{ const input = document.getElementById('top-n');
            if (!input.closest('label').hidden) {{
                input.value = {n}; input.dispatchEvent(new Event('change')); }}
            return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }}""")
        return drawn, selected, time.perf_counter() - started
    finally:
        page.close()


def view_rows(scales=(1_000, 5_000, 10_000), *, repeats: int = 5, draw_repeats: int = 3,
              browser: bool = True) -> list[dict]:
    """Write, then draw, one synthetic view at each scale (number of nodes)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-views-"))
    rows, pages = [], {}
    try:
        network_html(nx.path_graph(3), title="warm-up")  # imports and assets, once
        for n in scales:
            graph = synthetic_network(n)
            path = folder / f"view-{n}.html"
            runs = []
            for _ in range(repeats):
                wall, cpu = time.perf_counter(), time.process_time()
                pos = positions(graph)
                layout_s = time.perf_counter() - wall
                write_text(path, network_html(graph, title=f"{n} nodes", pos=pos))
                runs.append((layout_s, time.perf_counter() - wall, time.process_time() - cpu))
            pages[n] = path
            rows.append(_row(f"{n:,} nodes", "write a view (layout, page)", [r[1] for r in runs],
                             layout_s=round(statistics.median(r[0] for r in runs), 3),
                             cpu_s=round(statistics.median(r[2] for r in runs), 3),
                             html_mb=round(path.stat().st_size / 1e6, 2)))
        if browser:
            for n, (drawn, selected, every) in _draw_times(pages, draw_repeats).items():
                rows.append({"scale": f"{n:,} nodes", "name": "draw a view in headless Chromium (until ready)",
                             "median_s": round(drawn, 3), "runs": draw_repeats, "select_s": round(selected, 3),
                             "show_all_s": round(every, 3)})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def run(context) -> list[dict]:
    """Every figure of the module docstring, for the runner's scales (``BENCH_SCALES``)."""
    quick = context.quick
    rows = from_nx_rows(1 if quick else 3)
    rows.append(site_row("seed", shipped_store_path(context.work, seeds_only=True), 1 if quick else 5))
    rows.append(site_row("corpus", shipped_store_path(context.work, seeds_only=False), 1 if quick else 3))
    for scale in context.scales:
        store = context.prepared(scale).out / "store"
        if scale == "100k":
            rows.append(cli_site_row(scale, store, context.repeats(scale)))
        else:
            rows.append(site_row(scale, store, context.repeats(scale)))
    rows += view_rows(repeats=1 if quick else 5, draw_repeats=1 if quick else 3)
    return rows


def main(argv: list[str] | None = None) -> int:
    """``bench_views.py [nodes ...]``: the synthetic views alone, at each number of nodes (default 1k, 5k, 10k)."""
    scales = [int(a) for a in (argv or [])] or [1_000, 5_000, 10_000]
    for row in view_rows(scales):
        print(json.dumps(row))
    if not Path(CHROMIUM).exists():
        print(f"({CHROMIUM} missing: no drawing times)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
