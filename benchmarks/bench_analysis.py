"""Benchmark of the network analysis on synthetic graphs of a given size in triples.

``run(scales)`` returns one dict per scale (a target number of triples) with:

- ``triples``, ``entities``: the size of the built synthetic graph (:func:`graph.synth.synthesize`, about ten
  triples per entity, heavy-tailed degrees), ``build_s``: building it (not part of the analysis),
- ``entity_nodes``, ``entity_edges``, ``entity_network_s``: projecting the entity network (SPARQL → networkx),
- ``partnership_nodes``, ``partnership_edges``, ``partnership_network_s``: the partnership network,
- ``<measure>_s``: each measure on the entity network (degree, weighted degree, betweenness — exact up to
  5,000 nodes, sampled above —, closeness, eigenvector, PageRank, constraint), ``louvain_s`` and
  ``modularity``; igraph takes over above 1,000 nodes plus edges (see :mod:`graph.analysis.backend`),
- ``peak_rss_mb``: the peak resident memory of the process so far.

Closeness and constraint are O(n m) and O(n d²) in pure Python; above ``SLOW_LIMIT`` nodes they are skipped
(``None``).

Run: ``python -m benchmarks.bench_analysis [TRIPLES ...]`` (default 10000 100000).
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import graph
from graph import analysis
from graph.layout import DataLayout, OutputLayout

#: Above this many nodes, closeness and constraint (pure Python, quadratic) are not measured.
SLOW_LIMIT = 20_000
TRIPLES_PER_ENTITY = 10


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _timed(row: dict, name: str, function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    row[f"{name}_s"] = round(time.perf_counter() - start, 3)
    return value


def _synthetic_store(triples: int, folder: Path, row: dict):
    from graph.synth import synthesize

    entities = max(100, triples // TRIPLES_PER_ENTITY)
    synthesize(folder / "data", entities=entities, seed=1)
    out = OutputLayout(folder / "out")
    _timed(row, "build", graph.build, DataLayout(folder / "data"), out)
    store = graph.open_store(out.store)
    row["entities"] = entities
    row["triples"] = int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0])
    return store


def run(scales=(10_000, 100_000)) -> list[dict]:
    """Measure the projections and every analysis at each scale (target triples); one dict per scale."""
    rows = []
    start = time.perf_counter()
    import igraph  # noqa: F401  (imports matplotlib when present: seconds that belong to no measure)

    import_s = round(time.perf_counter() - start, 3)
    for scale in scales:
        row: dict = {"scale": scale, "igraph_import_s": import_s}
        folder = Path(tempfile.mkdtemp(prefix=f"bench-analysis-{scale}-"))
        try:
            store = _synthetic_store(scale, folder, row)
            entity = _timed(row, "entity_network", graph.entity_network, store)
            row["entity_nodes"], row["entity_edges"] = entity.number_of_nodes(), entity.number_of_edges()
            partnership = _timed(row, "partnership_network", graph.partnership_network, store)
            row["partnership_nodes"] = partnership.number_of_nodes()
            row["partnership_edges"] = partnership.number_of_edges()
            simple = _timed(row, "simple_graph", analysis.simple_graph, entity)
            for name in ("degree", "weighted_degree", "betweenness", "eigenvector", "pagerank"):
                _timed(row, name, getattr(analysis, name), simple)
            for name in ("closeness", "constraint"):
                if simple.number_of_nodes() <= SLOW_LIMIT:
                    _timed(row, name, getattr(analysis, name), simple)
                else:
                    row[f"{name}_s"] = None
            partition = _timed(row, "louvain", analysis.communities, simple)
            row["communities"], row["modularity"] = len(partition), round(partition.modularity, 4)
            _timed(row, "partnership_analysis", analysis.analyse, partnership, "partnership")
            row["peak_rss_mb"] = round(_peak_rss_mb(), 1)
            store.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        rows.append(row)
    return rows


def main(argv: list[str]) -> None:
    scales = [int(a) for a in argv] or [10_000, 100_000]
    for scale in scales:  # one at a time, so each line shows as soon as it is measured
        for row in run([scale]):
            print(", ".join(f"{k}={v}" for k, v in row.items()), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
