"""Benchmark of the network analysis: projections, every measure, Louvain, the whole ``batterykg analyze``.

``run(context)`` returns rows (see :mod:`benchmarks`) for each prepared scale (1k, 10k and 100k entities:
about 10k, 100k and 1M triples), each figure measured in a fresh process with its own peak memory:

- ``analyze``: the command as a user runs it, ``batterykg analyze --store STORE`` (the entity network, PageRank
  and betweenness), from the interpreter's start to its exit; ``analyze partnership``: ``--network
  partnership`` with every measure and section (centrality, brokers, communities, ties);
- ``analysis stage``: what ``batterykg run`` does after the build (:func:`graph.analysis.run.run_analysis`):
  both networks, every measure, the analysis graph into the store and ``analysis.trig``, the CSV tables —
  on a copy of the built output; its ``stage: …`` rows are the seconds of its parts, from the same runs:
  ``read`` (the SPARQL SELECTs, once), ``analyse <network>`` (projection and every measure of one network),
  ``write RDF: N-Triples`` (the analysis graph as text), ``write RDF: TriG`` (``analysis.trig``), ``write
  RDF: into the store`` (:meth:`graph.store.embedded.EmbeddedStore.add_graph`), ``write tables`` (the CSV files);
- one child that times each step on its own: ``read`` (the SPARQL SELECTs of
  :func:`graph.analysis.projections.read_network_data`, their rows turned into Python), ``statements`` (merged and
  dated), ``<network> network`` (the networkx graph; ``nodes``, ``edges``), ``places``, then per network
  ``simple graph``, ``igraph copy``, each centrality measure (betweenness exact up to 5,000 nodes, sampled
  above; closeness likewise), ``Louvain`` (with its modularity), ``brokers`` (constraint and effective
  size), ``cut points and bridges``, ``communities summary``, ``ties`` (every tie, ranked). Its peak memory
  is on its ``read`` row.

``cpu_s`` is the processor time of the child (and of what it forked), so a loaded machine shows in
``median_s`` but less in ``cpu_s``. Run alone: ``python -m benchmarks.bench_analysis [--repeats N] [--work
DIR] [1k 10k 100k]`` (default 1k 10k; the scales prepared under ``DIR``, by default ``out/bench/`` as ``make
bench`` prepares them).
"""

from __future__ import annotations

import gc
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from . import BenchContext, peak_rss_run, row

#: The analyze commands measured, by row name: their arguments after ``--store STORE``.
COMMANDS = {
    "analyze": [],
    "analyze partnership": ["--network", "partnership", "-m", "degree", "-m", "weighted_degree",
                            "-m", "betweenness", "-m", "closeness", "-m", "eigenvector", "-m", "pagerank",
                            "-m", "brokers", "-m", "communities", "-m", "ties"],
}

_COMMAND = """
import contextlib, io, json, time
started = time.perf_counter()
from graph.cli import main
with contextlib.redirect_stdout(io.StringIO()) as printed:
    code = main({args!r})
print(json.dumps({{"code": code, "seconds": time.perf_counter() - started, "printed": len(printed.getvalue())}}))
"""

_STAGE = """
import json, time
from pathlib import Path
import graph
import graph.analysis
import graph.analysis.projections
from graph.analysis import results
from graph.analysis.run import run_analysis
from graph.folders import OutputLayout
from graph.store import EmbeddedStore
seconds = {{}}

def timing(owner, attribute, name):
    # time each call of owner.attribute under name (what run_analysis calls is looked up when it runs)
    original = getattr(owner, attribute)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        value = original(*args, **kwargs)
        key = name(args) if callable(name) else name
        seconds[key] = seconds.get(key, 0.0) + time.perf_counter() - started
        return value
    setattr(owner, attribute, timed)

timing(graph.analysis.projections, "read_network_data", "stage: read")
timing(graph.analysis, "analyse", lambda args: f"stage: analyse {{args[1]}}")
timing(results, "analysis_ntriples", "stage: write RDF: N-Triples")
timing(results, "_trig", "stage: write RDF: TriG")
timing(EmbeddedStore, "add_graph", "stage: write RDF: into the store")
timing(results, "write_tables", "stage: write tables")
out = OutputLayout(Path({out!r}))
started = time.perf_counter()
runs = run_analysis(graph.open_store(out.store), out, echo=lambda text: None)
print(json.dumps({{"seconds": time.perf_counter() - started, "steps": seconds}}))
"""

_STEPS = """
from benchmarks.bench_analysis import steps
import json
print(json.dumps(steps({store!r})))
"""


def steps(store_path: str) -> dict:
    """Seconds of each step of the analysis, one after the other in this process with the cycle collector off, as
    the commands run them (see the module docstring):
    ``{"seconds": {step: seconds}, "sizes": {network: {...}}}``."""
    import graph
    from graph import analysis
    from graph.analysis import backend, brokers
    from graph.analysis.projections import organisation_places, read_network_data

    seconds: dict = {}
    sizes: dict = {}

    def timed(name, function, *args, **kwargs):
        started = time.perf_counter()
        value = function(*args, **kwargs)
        seconds[name] = time.perf_counter() - started
        return value

    gc.disable()  # as the commands run (see graph.analysis.backend.paused_gc): no collection between the steps
    store = graph.open_store(store_path)
    data = timed("read", read_network_data, store)
    timed("statements", data.statements, True)
    networks = {"entity": timed("entity network", graph.entity_network, data),
                "partnership": timed("partnership network", graph.partnership_network, data)}
    places = timed("places", organisation_places, data)
    for name, network in networks.items():
        sizes[name] = {"nodes": network.number_of_nodes(), "edges": network.number_of_edges()}
        simple = timed(f"{name}: simple graph", analysis.simple_graph, network)
        timed(f"{name}: igraph copy", backend.to_igraph, simple)
        for measure in analysis.CENTRALITY_MEASURES:
            timed(f"{name}: {measure}", analysis.centrality, simple, measure)
        partition = timed(f"{name}: Louvain", analysis.communities, simple)
        sizes[name]["modularity"] = round(partition.modularity, 4)
        timed(f"{name}: brokers", brokers._brokerage, simple)
        timed(f"{name}: cut points and bridges",
              lambda s=simple: (analysis.articulation_points(s), analysis.bridges(s)))
        timed(f"{name}: communities summary", analysis.summarise_communities, simple, partition,
              places=places if name == "partnership" else None)
        timed(f"{name}: ties", analysis.strongest_ties, network, top=None)
    return {"seconds": seconds, "sizes": sizes}


def _child(code: str) -> tuple[float, float, dict]:
    """Run ``code`` in a fresh interpreter: (wall seconds, processor seconds, what it printed + peak)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = peak_rss_run(code)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result


def _fresh_output(out: Path, work: Path) -> Path:
    """A copy of a built output folder (its store), for a run that writes into it."""
    target = Path(tempfile.mkdtemp(prefix="bench-analysis-", dir=work))
    shutil.copytree(out / "store", target / "store")
    return target


def run(context: BenchContext) -> list[dict]:
    """Measure the analysis at each of the context's scales (see the module docstring)."""
    rows = []
    for scale in context.scales:
        prepared = context.prepared(scale)
        store = str(prepared.out / "store")
        repeats = context.repeats(scale)
        common = {"triples": prepared.triples}
        for name, args in COMMANDS.items():
            walls, cpus, peaks = [], [], []
            for _ in range(repeats):
                wall, cpu, result = _child(_COMMAND.format(args=["analyze", "--store", store, "-f", "csv", *args]))
                if result.get("code") != 0:
                    raise RuntimeError(f"{name} at {scale} exited {result.get('code')}")
                walls.append(wall), cpus.append(cpu), peaks.append(result["peak_rss_mib"])
            rows.append(row(scale, name, walls, **common, cpu_s=statistics.median(cpus),
                            peak_rss_mib=max(peaks)))
        walls, cpus, peaks, stage_steps = [], [], [], {}
        for _ in range(repeats):
            out = _fresh_output(prepared.out, context.work)
            try:
                wall, cpu, result = _child(_STAGE.format(out=str(out)))
            finally:
                shutil.rmtree(out, ignore_errors=True)
            walls.append(wall), cpus.append(cpu), peaks.append(result["peak_rss_mib"])
            for step, seconds in result["steps"].items():
                stage_steps.setdefault(step, []).append(seconds)
        rows.append(row(scale, "analysis stage", walls, **common, cpu_s=statistics.median(cpus),
                        peak_rss_mib=max(peaks)))
        rows += [row(scale, step, times) for step, times in stage_steps.items()]
        per_step: dict[str, list[float]] = {}
        peaks, sizes = [], {}
        for _ in range(repeats):
            _, _, result = _child(_STEPS.format(store=store))
            for step, seconds in result["seconds"].items():
                per_step.setdefault(step, []).append(seconds)
            peaks.append(result["peak_rss_mib"])
            sizes = result["sizes"]
        for step, times in per_step.items():
            extra: dict = {}
            network = step.split(" ", 1)[0].rstrip(":")
            if step.endswith(" network"):
                extra = {"nodes": sizes[network]["nodes"], "edges": sizes[network]["edges"]}
            elif step.endswith("Louvain"):
                extra = {"modularity": sizes[network]["modularity"]}
            elif step == "read":
                extra = {"peak_rss_mib": max(peaks)}
            rows.append(row(scale, step, times, **extra))
    return rows


def main(argv: list[str]) -> None:
    from . import SCALES

    repeats, work = None, Path(__file__).resolve().parent.parent / "out" / "bench"
    while argv[:1] in (["--repeats"], ["--work"]):
        if argv[0] == "--repeats":
            repeats = int(argv[1])
        else:
            work = Path(argv[1])
        argv = argv[2:]
    scales = argv or ["1k", "10k"]
    unknown = [s for s in scales if s not in SCALES]
    if unknown:
        sys.exit(f"unknown scale {unknown}: use {', '.join(SCALES)}")
    work.mkdir(parents=True, exist_ok=True)
    context = BenchContext(scales=[], work=work)
    if repeats is not None:
        context.repeats = lambda scale: repeats  # type: ignore[method-assign]
    for scale in scales:  # one at a time, so each line shows as soon as it is measured
        context.scales = [scale]
        for result in run(context):
            print(json.dumps(result, default=str), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
