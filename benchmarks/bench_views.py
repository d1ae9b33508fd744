"""Benchmark of the network views: writing a big view, and drawing one in headless Chromium.

``run(scales)`` returns one dict per scale (number of nodes) with medians over ``repeats`` runs of:

- ``layout_s``: the precomputed layout (igraph Fruchterman–Reingold on a grid),
- ``write_s``: building the page given the layout and writing it, ``write_total_s``: layout and page
  together (what the 1 s aim is about), with its spread (fastest–slowest run) and its CPU seconds
  (``write_total_cpu_s``: on a shared machine, the work done whatever else is running),
- ``html_mb``: the page's size,
- ``draw_s``: from navigation until the page says it is drawn and responsive (``window.kgView.ready``),
  ``select_s``: a search that selects a node and redraws its neighbourhood, ``show_all_s``: setting the
  top-N control to every node and drawing them (medians over ``draw_repeats`` loads; ``None`` without
  Chromium).

Synthetic graphs: ``n`` nodes, ``2 n`` edges (G(n, m), seed 1), classes, sizes, one fact and one source
sentence per node and edge, like the pages of the real graph.

Run: ``python -m benchmarks.bench_views`` (or ``python benchmarks/bench_views.py``).
"""

from __future__ import annotations

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
from graph.views.layout import positions
from graph.views.style import CLASS_STYLES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


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


def run(scales=(1_000, 5_000, 10_000), *, repeats: int = 5, draw_repeats: int = 3,
        browser: bool = True) -> list[dict]:
    """Measure the views at each scale (number of nodes); see the module docstring for the fields."""
    folder = Path(tempfile.mkdtemp(prefix="bench-views-"))
    results, pages = [], {}
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
                started = time.perf_counter()
                write_text(path, network_html(graph, title=f"{n} nodes", pos=pos))
                runs.append((layout_s, time.perf_counter() - started, time.perf_counter() - wall,
                             time.process_time() - cpu))
            totals = [r[2] for r in runs]
            pages[n] = path
            results.append({"nodes": n, "edges": graph.number_of_edges(), "runs": repeats,
                            "layout_s": round(statistics.median(r[0] for r in runs), 3),
                            "write_s": round(statistics.median(r[1] for r in runs), 3),
                            "write_total_s": round(statistics.median(totals), 3),
                            "write_total_spread_s": (round(min(totals), 3), round(max(totals), 3)),
                            "write_total_cpu_s": round(statistics.median(r[3] for r in runs), 3),
                            "html_mb": round(path.stat().st_size / 1e6, 2), "draw_s": None, "select_s": None,
                            "show_all_s": None})
        if browser:
            times = _draw_times(pages, draw_repeats)
            for row in results:
                if row["nodes"] in times:
                    row["draw_s"], row["select_s"], row["show_all_s"] = (round(t, 3) for t in times[row["nodes"]])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    """``bench_views.py [nodes ...]``: print the medians at each number of nodes (default 1k, 5k, 10k)."""
    scales = [int(a) for a in (argv or [])] or [1_000, 5_000, 10_000]
    rows = run(scales)
    print(f"{'nodes':>7} {'edges':>7} {'layout s':>9} {'write s':>8} {'total s':>8} {'(spread)':>13} "
          f"{'cpu s':>6} {'MB':>6} {'draw s':>7} {'select s':>8} {'all s':>6}   (medians of "
          f"{rows[0]['runs'] if rows else 0} writes, 3 draws)")
    for r in rows:
        draw = "-" if r["draw_s"] is None else f"{r['draw_s']:.2f}"
        select = "-" if r["select_s"] is None else f"{r['select_s']:.2f}"
        every = "-" if r["show_all_s"] is None else f"{r['show_all_s']:.2f}"
        low, high = r["write_total_spread_s"]
        print(f"{r['nodes']:>7} {r['edges']:>7} {r['layout_s']:>9.3f} {r['write_s']:>8.3f} "
              f"{r['write_total_s']:>8.3f} {f'{low:.2f}–{high:.2f}':>13} {r['write_total_cpu_s']:>6.2f} "
              f"{r['html_mb']:>6.2f} {draw:>7} {select:>8} {every:>6}")
    if not Path(CHROMIUM).exists():
        print(f"({CHROMIUM} missing: no drawing times)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
