"""Benchmarks of battery-kg at scale: ``make bench`` (``python -m benchmarks``) writes BENCHMARKS.md.

Each ``benchmarks/bench_<topic>.py`` module has ``run(context: BenchContext) -> list[dict]``; the runner
(:mod:`benchmarks.__main__`) imports whichever exist and writes one table per module. A row is a dict with
``scale``, ``name``, ``median_s``, ``spread_s`` (min–max of the runs), ``runs`` and, where there is one, the
baseline a user would otherwise write (rdflib's in-memory Dataset, its SPARQL engine,
``rdflib_to_networkx_multidigraph``): ``baseline_s`` and ``ratio`` (baseline / ours), plus ``peak_rss_mib``
and a ``note``. Unknown keys are shown as extra columns.

Scales are synthetic ecosystems (:mod:`graph.synth`) of 1k, 10k and 100k entities (about 10k, 100k and 1M
triples); ``BENCH_SCALES=1k,10k`` picks some. Data and graphs are prepared once under ``out/bench/``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BenchContext", "Prepared", "SCALES", "timed", "row", "prepare", "peak_rss_run"]

#: Entities per scale name.
SCALES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
SEED = 8


@dataclass
class Prepared:
    """One scale, ready to measure: its data folder, a built output folder, and the quads the store holds."""

    scale: str
    entities: int
    data: Path
    out: Path
    nquads: Path          # the named-graph quads (what rdflib's Dataset loads)
    triples: int


@dataclass
class BenchContext:
    """What every benchmark module gets: the scales to measure, prepared lazily, and a work folder."""

    scales: list[str]
    work: Path
    quick: bool = False
    _prepared: dict = field(default_factory=dict)

    def prepared(self, scale: str) -> Prepared:
        if scale not in self._prepared:
            self._prepared[scale] = prepare(scale, self.work)
        return self._prepared[scale]

    def repeats(self, scale: str) -> int:
        """Fewer runs at larger scales: 5 at 1k, 3 at 10k, 1 at 100k (1 each in quick mode)."""
        if self.quick:
            return 1
        return {"1k": 5, "10k": 3}.get(scale, 1)


def timed(fn: Callable[[], object], repeats: int) -> tuple[list[float], object]:
    """Run ``fn`` ``repeats`` times; the wall-clock seconds of each run and the last result."""
    times, result = [], None
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return times, result


def row(scale: str, name: str, times: list[float], baseline: list[float] | None = None, **extra) -> dict:
    """A result row: median and spread of ``times`` and, with ``baseline``, the ratio baseline / ours."""
    median = statistics.median(times)
    result = {"scale": scale, "name": name, "median_s": median, "spread_s": (min(times), max(times)),
              "runs": len(times)}
    if baseline:
        base = statistics.median(baseline)
        result.update(baseline_s=base, ratio=base / median if median else None, baseline_runs=len(baseline))
    result.update(extra)
    return result


def peak_rss_run(code: str, timeout: float = 3600) -> dict:
    """Run Python ``code`` in a fresh interpreter; it prints a JSON object, to which ``peak_rss_mib``
    (the child's peak resident memory) is added."""
    # VmHWM, not getrusage: a child's ru_maxrss starts from its parent's peak at fork (so a runner that has
    # held the 1M-triple scale would lend every child its 1.9 GiB).
    wrapped = code + ("\nimport json as _j, re as _re\n"
                      "_hwm = _re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())\n"
                      "print('@@' + _j.dumps({'rss': int(_hwm.group(1)) if _hwm else None}))\n")
    done = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True, timeout=timeout,
                          cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark child failed: {done.stderr[-2000:]}")
    result, rss = {}, None
    for line in done.stdout.splitlines():
        if line.startswith("@@"):
            rss = json.loads(line[2:])["rss"]
        elif line.startswith("{"):
            result.update(json.loads(line))
    result["peak_rss_mib"] = rss / 1024 if rss else None
    return result


def _code_version() -> str:
    """A hash of the code that makes a prepared scale (the generator and the build), so a change re-prepares it."""
    import hashlib
    import importlib

    digest = hashlib.sha256()
    for name in ("graph.synth", "graph.build.pipeline", "graph.build.incremental", "graph.build.load",
                 "graph.build.manifest", "graph.build.report", "graph.build.assembly", "graph.build.exports"):
        digest.update(Path(importlib.import_module(name).__file__).read_bytes())
    return digest.hexdigest()[:16]


def prepare(scale: str, work: Path) -> Prepared:
    """Synthesize the scale's data and build it, once (kept under ``work``), with ``batterykg build``'s code.

    Beside the output folder, ``named.nq`` holds the named-graph quads (what rdflib's Dataset loads for the
    baseline figures).
    """
    import pyoxigraph as ox

    from graph.build import build
    from graph.build.assembly import assemble
    from graph.folders import DataLayout
    from graph.synth import synthesize

    entities = SCALES[scale]
    root = Path(work) / f"scale-{scale}-seed{SEED}"
    data, out, nquads = root / "data", root / "out", root / "named.nq"
    done = root / "prepared.json"
    version = _code_version()
    if done.exists():
        info = json.loads(done.read_text())
        if info.get("version") == version:
            return Prepared(scale, entities, data, out, nquads, info["triples"])
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    synthesize(data, entities=entities, seed=SEED)
    report = build(data, out)
    nquads.write_bytes(ox.serialize(assemble(DataLayout(data)).quads(), format=ox.RdfFormat.N_QUADS))
    done.write_text(json.dumps({"triples": report.triples, "build_seconds": report.seconds, "version": version}))
    os.sync()
    return Prepared(scale, entities, data, out, nquads, report.triples)
