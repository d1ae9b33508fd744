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

__all__ = ["BenchContext", "Prepared", "SCALES", "timed", "row", "prepare", "peak_rss_run", "fast_nquads"]

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


def fast_nquads(data: Path) -> list:
    """The quads a build of ``data`` puts in its named graphs, assembled with pyoxigraph and no validation.

    It follows :func:`graph.build.assemble` (ontology, registry, articles, assertion graphs, provenance) so
    the 1M-triple scale can be prepared in seconds rather than the full build's half hour; a test checks
    that it gives what the build gives.
    """
    import pyoxigraph as ox
    from rdflib import Literal, URIRef
    from rdflib.namespace import SDO, XSD

    from graph.build import _article_triples, _ox, sentence_iri
    from graph.layout import DataLayout, ontology_file
    from graph.namespace import BKG, ONTOLOGY_GRAPH, PROVENANCE_GRAPH, REGISTRY_GRAPH, source_iri
    from graph.sources import load_sources

    layout = DataLayout(Path(data))
    quads: list = []
    for path, graph in ((ontology_file(), ONTOLOGY_GRAPH), (layout.registry, REGISTRY_GRAPH)):
        name = ox.NamedNode(str(graph))
        quads += [ox.Quad(q.subject, q.predicate, q.object, name)
                  for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    publishers: dict = {}
    registry = ox.NamedNode(str(REGISTRY_GRAPH))
    rdf_type, label = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label"
    alt = "http://www.w3.org/2004/02/skos/core#altLabel"
    kinds = {q.subject for q in quads if q.graph_name == registry and q.predicate.value == rdf_type
             and q.object.value == str(BKG.Publisher)}
    for q in sorted((q for q in quads if q.subject in kinds and q.predicate.value in (label, alt)),
                    key=lambda q: q.subject.value):
        publishers.setdefault(q.object.value.casefold(), URIRef(q.subject.value))
    provenance = ox.NamedNode(str(PROVENANCE_GRAPH))

    def prov(triples) -> None:
        quads.extend(ox.Quad(_ox(s), _ox(p), _ox(o), provenance) for s, p, o in triples)

    sources = load_sources(layout)
    for source in sources.values():
        prov(_article_triples(source, publishers))
    quote = str(BKG.quote)
    for path in sorted(layout.facts.glob("*.trig")):
        source = sources[path.stem]
        parsed = list(ox.parse(path=str(path), format=ox.RdfFormat.TRIG,
                               base_iri=path.resolve().as_uri()))
        quotes: dict = {}
        for q in parsed:
            if isinstance(q.graph_name, ox.DefaultGraph):
                if q.predicate.value == quote:
                    quotes.setdefault(q.subject.value, []).append(q.object.value)
            else:
                quads.append(q)
        for iri in sorted({q.graph_name.value for q in parsed if not isinstance(q.graph_name, ox.DefaultGraph)}):
            assertion = URIRef(iri)
            meta = [(assertion, URIRef(rdf_type), BKG.Assertion), (assertion, BKG.source, source_iri(source.id)),
                    (assertion, BKG.status, BKG.Reviewed)]
            for text in quotes.get(iri, []):
                start, end = source.locate(text)
                sentence = sentence_iri(source.id, start, end)
                meta += [(assertion, BKG.evidence, sentence), (sentence, URIRef(rdf_type), BKG.Sentence),
                         (sentence, SDO.text, Literal(text)),
                         (sentence, BKG.startOffset, Literal(start, datatype=XSD.nonNegativeInteger)),
                         (sentence, BKG.endOffset, Literal(end, datatype=XSD.nonNegativeInteger)),
                         (sentence, SDO.isPartOf, source_iri(source.id))]
            prov(meta)
    return list(set(quads))


def prepare(scale: str, work: Path) -> Prepared:
    """Synthesize the scale's data and prepare its built output folder, once (kept under ``work``).

    The output folder is what ``batterykg build`` writes (store with the union graph, TriG, Turtle,
    JSON-LD, manifest), made from :func:`fast_nquads`: validation is measured separately, on the scales
    where pySHACL over the whole graph finishes in reasonable time.
    """
    import importlib

    import pyoxigraph as ox

    build_module = importlib.import_module("graph.build")
    from graph.layout import DataLayout, OutputLayout
    from graph.serialize import to_nquads
    from graph.synth import synthesize

    entities = SCALES[scale]
    root = Path(work) / f"scale-{scale}-seed{SEED}"
    data, out, nquads = root / "data", root / "out", root / "named.nq"
    done = root / "prepared.json"
    if done.exists():
        info = json.loads(done.read_text())
        return Prepared(scale, entities, data, out, nquads, info["triples"])
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    synthesize(data, entities=entities, seed=SEED)
    if entities * 10 < build_module.FAST_WRITE_TRIPLES:  # small: a real build, as cheap as preparing one
        report = build_module.build(data, out)
        nquads.write_bytes(to_nquads(build_module.assemble(DataLayout(data)).dataset).encode())
        done.write_text(json.dumps({"triples": report.triples}))
        return Prepared(scale, entities, data, out, nquads, report.triples)
    quads = fast_nquads(data)
    nquads.write_bytes(ox.serialize(sorted(quads, key=build_module._sort_key), format=ox.RdfFormat.N_QUADS))
    output = OutputLayout(out)
    out.mkdir(parents=True)
    store = ox.Store(str(output.store))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    store.bulk_load(ox.serialize({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                                 format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    figures = build_module._write_fast(quads, output)
    layout = DataLayout(data)
    report = build_module.BuildReport(
        conforms=True, violations=[], entities_per_class=figures.entities_per_class,
        facts_per_source=figures.facts_per_source, assertions=figures.assertions, triples=figures.triples,
        seconds={}, outputs={})
    build_module._write_manifest(output, layout, report, {
        "fast": True, "context": build_module._context_hash(layout, True),
        "sources": build_module._source_hashes(layout, True), "generated_publishers": False})
    done.write_text(json.dumps({"triples": figures.triples}))
    os.sync()
    return Prepared(scale, entities, data, out, nquads, figures.triples)
