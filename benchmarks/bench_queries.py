"""Benchmark of the saved queries (embedded vs remote store) and of the HTTP endpoint's throughput.

``run(store_paths)`` returns one dict per (graph, store, saved query) with the latency of the query:
``p50_ms`` and ``p95_ms`` over ``repeats`` runs (after one warm-up run; 3 runs for a query slower than 2 s), and
``rows``. ``store_paths`` maps a name (``"seed/embedded"``) to a store folder or a SPARQL endpoint URL. On the
seed graph each query runs with its defaults; on a synthetic graph (any other name) its entity parameters are
bound to the synthetic hubs (:data:`benchmarks.bench_store.HUBS`), its optional parameters (default ``any``) stay
unbound — the whole answer — and :data:`VARIANTS` are timed too: the questions of many rows asked as an analyst
asks them at scale, of one entity or one year. With ``split``, an embedded store also gets ``oxigraph_p50_ms``
(pyoxigraph's ``Store.query`` and iterating its solutions: the engine alone) and ``rows_p50_ms`` (making
:attr:`~graph.store.results.QueryResult.rows`, rdflib terms, from the answer).

``endpoint_throughput(store, clients=8, queries=100)`` starts ``batterykg serve`` on a store folder, sends
``clients`` × ``queries`` saved queries from as many threads, and returns queries per second, p50 and p95.

The main program builds the seed graph (and, if :mod:`graph.synth` exists, a synthetic graph of
``--entities`` entities) into a temporary folder and into a fresh Oxigraph server each, then prints every
figure. Run: ``python benchmarks/bench_queries.py [--entities 2000] [--repeats 20]``; or time built synthetic
stores as they are: ``python benchmarks/bench_queries.py --store out/bench/scale-100k-seed8/out/store --split``.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

if __package__ in (None, ""):  # run as a script: the benchmarks package sits beside this file's folder
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import timed  # noqa: E402
from benchmarks.bench_store import saved_queries  # noqa: E402
from graph.build import build  # noqa: E402
from graph.folders import DataLayout, OutputLayout  # noqa: E402
from graph.sparql.saved import bind_values, list_saved, load_saved, term_for  # noqa: E402
from graph.store import (  # noqa: E402
    EmbeddedStore,
    QueryResult,  # noqa: E402
    open_store,
    prepare_query,
)

#: Saved questions timed again on synthetic graphs with these parameters (bk: names are synthetic hubs).
VARIANTS = [
    ("single-source-facts", {"subject": "bk:conference-00000"}),
    ("attendance", {"event": "bk:conference-00000"}),
    ("attendance", {"attendee": "bk:company-000000"}),
    ("events", {"from": "2024-01-01", "to": "2024-12-31"}),
]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))]


def _texts(store_name: str, store, only: set[str] | None) -> list[tuple[str, str]]:
    """(label, SPARQL) of the queries to time on one store: defaults on the seed graph, hubs and variants else."""
    if store_name.startswith("seed"):
        texts = [(q.name, q.text) for q in list_saved()]
    else:
        texts = list(saved_queries().items())
        for query, params in VARIANTS:
            saved = load_saved(query)
            kinds = {p.name: p.kind for p in saved.params}
            terms = {key: term_for(kinds[key], value, store) for key, value in params.items()}
            label = query + " " + " ".join(f"{key}={value}" for key, value in params.items())
            texts.append((label, bind_values(saved.text, terms)))
    return [(label, text) for label, text in texts if only is None or label.split(" ")[0] in only]


def _timed(fn, runs: int) -> list[float]:
    """Milliseconds of each of ``runs`` calls of ``fn``."""
    return [seconds * 1000 for seconds in timed(fn, runs)[0]]


def run(store_paths: dict[str, Path | str], repeats: int = 20, *, split: bool = False,
        only: set[str] | None = None) -> list[dict]:
    """Latency of every saved query (and, on synthetic graphs, of :data:`VARIANTS`) on every store."""
    rows = []
    for name, location in store_paths.items():
        store = open_store(location)
        try:
            for label, text in _texts(name, store, only):
                started = time.perf_counter()
                result = store.query(text, timeout=600)
                # a query slower than 2 s is timed 3 times, not ``repeats`` times, to keep big graphs bearable
                runs = repeats if time.perf_counter() - started < 2 else min(repeats, 3)
                times = _timed(lambda s=store, t=text: s.query(t, timeout=600), runs)
                row = {"store": name, "query": label, "rows": len(result.rows), "runs": runs,
                       "p50_ms": round(statistics.median(times), 2), "p95_ms": round(_percentile(times, 0.95), 2)}
                if split and isinstance(store, EmbeddedStore):
                    engine = _timed(lambda s=store, q=prepare_query(text): sum(1 for _ in s.oxigraph.query(q)), runs)
                    answer = result.serialize("json")
                    conversion = _timed(lambda a=answer: QueryResult.from_sparql_json(a).rows, runs)
                    row.update(oxigraph_p50_ms=round(statistics.median(engine), 2),
                               rows_p50_ms=round(statistics.median(conversion), 2))
                rows.append(row)
        finally:
            store.close()
    return rows


def _print(rows: list[dict]) -> None:
    width = max(len(r["query"]) for r in rows)
    stores = max(22, *(len(r["store"]) for r in rows))
    split = any("oxigraph_p50_ms" in r for r in rows)
    extra = f" {'oxigraph p50':>12} {'rows p50':>9}" if split else ""
    print(f"\n{'store':<{stores}} {'query':<{width}} {'rows':>6} {'p50 ms':>9} {'p95 ms':>9}{extra}")
    for r in rows:
        more = f" {r.get('oxigraph_p50_ms', ''):>12} {r.get('rows_p50_ms', ''):>9}" if split else ""
        print(f"{r['store']:<{stores}} {r['query']:<{width}} {r['rows']:>6} {r['p50_ms']:>9.2f} "
              f"{r['p95_ms']:>9.2f}{more}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} stopped")
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def endpoint_throughput(store: Path, clients: int = 8, queries: int = 100, workers: int = 4) -> dict:
    """Queries per second and latency of ``batterykg serve`` under ``clients`` concurrent clients."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", str(port),
                                "--workers", str(workers), "--timeout", "30", "--max-rows", "1000000"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    texts = [q.text for q in list_saved() if q.name not in ("single-source-facts",)]
    try:
        _wait(url, process)

        def client(number: int) -> list[tuple[int, float]]:
            out = []
            with httpx.Client(timeout=60) as session:
                for i in range(queries):
                    started = time.perf_counter()
                    status = session.post(url, data={"query": texts[(number + i) % len(texts)]},
                                          headers={"Accept": "application/sparql-results+json"}).status_code
                    out.append((status, (time.perf_counter() - started) * 1000))
            return out

        started = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            results = [r for batch in pool.map(client, range(clients)) for r in batch]
        elapsed = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(10)
    latencies = [ms for _, ms in results]
    return {"clients": clients, "queries": len(results), "errors": sum(1 for s, _ in results if s != 200),
            "workers": workers, "seconds": round(elapsed, 2), "queries_per_s": round(len(results) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies), 2), "p95_ms": round(_percentile(latencies, 0.95), 2)}


def _oxigraph(location: Path) -> tuple[subprocess.Popen, str]:
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        raise RuntimeError("the oxigraph server binary is not installed")
    port = _free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _wait(url + "/query", process)
    return process, url


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=2000, help="Entities of the synthetic graph (0: none).")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--no-endpoint", action="store_true", help="Skip the endpoint throughput run.")
    parser.add_argument("--store", action="append", type=Path, metavar="FOLDER",
                        help="Time this built synthetic store as it is (repeatable); nothing is built or served.")
    parser.add_argument("--only", help="Comma-separated saved query names to time (default: all).")
    parser.add_argument("--split", action="store_true",
                        help="Also time the engine alone and the conversion to rdflib rows (embedded stores).")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    if args.store:
        # named after the folder the build wrote ("scale-100k-seed8" for .../scale-100k-seed8/out/store)
        stores = {f"{(folder.parent.parent if folder.parent.name == 'out' else folder.parent).name}/embedded": folder
                  for folder in args.store}
        _print(run(stores, repeats=args.repeats, split=args.split, only=only))
        return

    work = Path(tempfile.mkdtemp(prefix="bench-queries-"))
    servers = []
    try:
        datasets = {"seed": DataLayout.default()}
        if args.entities and importlib.util.find_spec("graph.synth"):
            from graph.synth import synthesize

            synthesize(work / "synth-data", entities=args.entities, seed=1)
            datasets[f"synth-{args.entities}"] = DataLayout(work / "synth-data")
        stores: dict[str, Path | str] = {}
        for name, data in datasets.items():
            server, url = _oxigraph(work / f"{name}-oxigraph")
            servers.append(server)
            started = time.perf_counter()
            report = build(data, OutputLayout(work / f"{name}-out"), remote=url)
            print(f"{name}: {report.triples} triples, built and loaded into Oxigraph server in "
                  f"{time.perf_counter() - started:.1f} s")
            stores[f"{name}/embedded"] = work / f"{name}-out" / "store"
            stores[f"{name}/remote"] = url
        _print(run(stores, repeats=args.repeats, split=args.split, only=only))
        if not args.no_endpoint:
            for name in datasets:
                figures = endpoint_throughput(work / f"{name}-out" / "store")
                print(f"\nendpoint on {name}: {figures['clients']} clients x {figures['queries'] // 8} queries: "
                      f"{figures['queries_per_s']} queries/s, p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
                      f"{figures['errors']} errors ({figures['workers']} workers)")
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
