"""Benchmark of the store: loading the graph and answering every saved query, Oxigraph against rdflib.

``run(context)`` returns rows (see :mod:`benchmarks`):

- ``load``: the scale's named-graph N-Quads into an Oxigraph store (``bulk_load``) on disk, as the build
  keeps it, and in memory, against ``rdflib.Dataset().parse(...)`` in memory — each in a fresh process, with
  its peak memory;
- ``query <name>``: each saved query (:mod:`graph.sparql.saved`, entity parameters bound to the scale's hubs) on
  the built store through :meth:`graph.EmbeddedStore.query`, against rdflib's own SPARQL engine on a
  ``Dataset(default_union=True)`` holding the same quads; ``agree`` says whether both gave the same rows
  (compared as multisets of values, so 1.0 and 1.00 are equal). rdflib runs in one child process with a
  per-query cap (``RDFLIB_CAP_S``); at the largest scale only ``RDFLIB_SAMPLE`` queries are given to it.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from decimal import Decimal, InvalidOperation

from . import BenchContext, peak_rss_run, row

#: Seconds after which one rdflib query is abandoned (reported as "> cap").
RDFLIB_CAP_S = {"1k": 30, "10k": 20, "100k": 20}
#: Saved queries given to rdflib at the 100k scale (the rest would take an hour between them).
RDFLIB_SAMPLE = ("sources", "people", "investment-by-province", "fact-sources", "observations",
                 "projects-by-technology", "within-place")

#: Entity parameters bound to the synthetic hubs (see graph.synth).
HUBS = {"org": "bk:company-000000", "entity": "bk:company-000000", "subject": "bk:conference-00000",
        "place": "bk:province-sichuan"}


def saved_queries() -> dict[str, str]:
    """Each saved query's SPARQL with its entity parameters bound to the synthetic hubs.

    Optional parameters (default ``any``) stay unbound, so the whole answer is measured.
    """
    from rdflib import URIRef

    from graph.namespace import BK
    from graph.sparql.saved import bind_values, list_saved

    texts = {}
    for saved in list_saved():
        terms = {p.name: URIRef(str(BK) + HUBS[p.name].split(":", 1)[-1])
                 for p in saved.params if p.kind == "entity" and not p.optional and p.name in HUBS}
        texts[saved.name] = bind_values(saved.text, terms)
    return texts


def canonical(rows) -> list[tuple]:
    """Rows as sorted tuples of comparable values: IRIs as text, numbers as normalised decimals, and lists
    joined by GROUP_CONCAT (``"; "``) sorted, since SPARQL leaves their order to the engine."""
    def value(term):
        if term is None:
            return ""
        text = str(term)
        if getattr(term, "datatype", None) is not None and str(term.datatype).endswith(
                ("#integer", "#decimal", "#double", "#float", "#int", "#long", "#nonNegativeInteger")):
            try:
                return format(Decimal(text).normalize(), "f")
            except InvalidOperation:
                return text
        if "; " in text:
            return "; ".join(sorted(text.split("; ")))
        return text
    return sorted(tuple(value(t) for t in r) for r in rows)


_LOAD_OX = """
import json, shutil, time, pyoxigraph as ox, tempfile
folder = tempfile.mkdtemp(dir={work!r}) if {disk!r} else None
started = time.perf_counter()
store = ox.Store(folder) if folder else ox.Store()
store.bulk_load(path={path!r}, format=ox.RdfFormat.N_QUADS)
if folder:
    store.flush()
print(json.dumps({{"seconds": time.perf_counter() - started, "quads": len(store)}}))
del store
if folder:
    shutil.rmtree(folder)
"""
_LOAD_RDFLIB = """
import json, time
from rdflib import Dataset
started = time.perf_counter()
ds = Dataset()
ds.parse({path!r}, format="nquads")
print(json.dumps({{"seconds": time.perf_counter() - started, "quads": len(ds)}}))
"""
_QUERY_RDFLIB = """
import json, signal, time
from rdflib import Dataset
from graph.store import prepare_query
from benchmarks.bench_store import canonical
ds = Dataset(default_union=True)
ds.parse({path!r}, format="nquads")
class Cap(Exception):
    pass
def stop(*_):
    raise Cap()
signal.signal(signal.SIGALRM, stop)
out = {{}}
for name, text in {queries!r}.items():
    times, rows = [], None
    try:
        for _ in range({repeats}):
            signal.alarm({cap})
            started = time.perf_counter()
            result = ds.query(prepare_query(text))
            rows = canonical(list(result)) if result.type == "SELECT" else bool(result.askAnswer)
            times.append(time.perf_counter() - started)
            signal.alarm(0)
    except Cap:
        out[name] = {{"capped": True}}
        continue
    except Exception as exc:  # rdflib's engine fails on some valid queries
        signal.alarm(0)
        out[name] = {{"error": type(exc).__name__ + ": " + str(exc)[:80]}}
        continue
    out[name] = {{"times": times, "rows": rows}}
print(json.dumps(out))
"""


def run(context: BenchContext) -> list[dict]:
    from graph.store import EmbeddedStore

    rows: list[dict] = []
    for scale in context.scales:
        prepared = context.prepared(scale)
        path = str(prepared.nquads)
        theirs = [peak_rss_run(_LOAD_RDFLIB.format(path=path))
                  for _ in range(1 if scale == "100k" else max(1, min(3, context.repeats(scale))))]
        for where, disk in (("on disk", True), ("in memory", False)):
            ours = [peak_rss_run(_LOAD_OX.format(work=str(context.work), path=path, disk=disk))
                    for _ in range(max(1, min(3, context.repeats(scale))))]
            rows.append(row(scale, f"load N-Quads (Oxigraph {where} vs rdflib Dataset)", [r["seconds"] for r in ours],
                            [r["seconds"] for r in theirs], triples=prepared.triples, quads=ours[0]["quads"],
                            peak_rss_mib=max(r["peak_rss_mib"] for r in ours),
                            baseline_peak_rss_mib=max(r["peak_rss_mib"] for r in theirs)))

        queries = saved_queries()
        store = EmbeddedStore.open(prepared.out / "store")
        mine: dict[str, tuple[list[float], list]] = {}
        for name, text in queries.items():
            result = store.query(text)  # warm-up
            times = []
            for _ in range(5 if scale != "100k" else 3):
                started = time.perf_counter()
                result = store.query(text)
                times.append(time.perf_counter() - started)
            mine[name] = (times, canonical(result.rows) if result.kind == "select" else result.boolean)
        store.close()
        given = queries if scale != "100k" else {k: v for k, v in queries.items() if k in RDFLIB_SAMPLE}
        with tempfile.TemporaryDirectory(dir=context.work):
            baseline = peak_rss_run(_QUERY_RDFLIB.format(path=path, queries=given, cap=RDFLIB_CAP_S[scale],
                                                         repeats=1))
        for name, (times, result) in mine.items():
            base = baseline.get(name)
            extra = {"result_rows": len(result) if isinstance(result, list) else result}
            if base is None:
                extra["note"] = "rdflib not run at this scale (sampled)"
                rows.append(row(scale, f"query {name}", times, **extra))
            elif base.get("error"):
                extra["note"] = f"rdflib failed: {base['error']}"
                rows.append(row(scale, f"query {name}", times, **extra))
            elif base.get("capped"):
                extra["note"] = f"rdflib > {RDFLIB_CAP_S[scale]} s (capped)"
                extra["ratio"] = f"> {RDFLIB_CAP_S[scale] / statistics.median(times):.0f}"
                rows.append(row(scale, f"query {name}", times, **extra))
            else:
                base_rows = base["rows"]
                if isinstance(base_rows, list):
                    base_rows = [tuple(r) for r in base_rows]
                rows.append(row(scale, f"query {name}", times, base["times"], agree=base_rows == result, **extra))
    return rows


def agreement(store, dataset) -> dict[str, bool]:
    """For each saved query: whether the store and rdflib's engine on ``dataset`` give the same rows."""
    from graph.store import prepare_query

    verdict = {}
    for name, text in saved_queries().items():
        ours = store.query(text)
        theirs = dataset.query(prepare_query(text))
        if ours.kind == "ask":
            verdict[name] = ours.boolean == bool(theirs.askAnswer)
        else:
            verdict[name] = canonical(ours.rows) == canonical(list(theirs))
    return verdict


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(saved_queries(), indent=1)[:2000])
