"""Benchmark of the build: synthesis, full build (parse, validate, write) and adding one article.

``run(context)`` returns rows (see :mod:`benchmarks`):

- ``synth``: writing the scale's data folder with :func:`graph.synth.synthesize`;
- ``full build``: :func:`graph.build` from scratch in a child process, with the seconds of its stages
  (``load_s``: read every file with Oxigraph's parsers and assemble the chunks; ``validate_s``: pySHACL, or
  above ``LARGE_GRAPH_TRIPLES`` the shapes compiled to SPARQL in an in-memory Oxigraph store; ``write_s``: the
  TriG, Turtle and JSON-LD files; ``store_s``: what is left of loading the on-disk store, which two threads
  do meanwhile) and its peak memory. Its baseline is what a user would write with rdflib alone: parse every
  file into a ``Dataset``, validate the union with pySHACL, write TriG, Turtle and JSON-LD with rdflib —
  capped at ``BASELINE_CAP_S`` (ten minutes; a capped baseline shows ``> N`` as its ratio);
- ``validate``: the union of the scale's graph, in memory, judged by our shapes compiled to SPARQL in
  Oxigraph (:mod:`graph.build.shacl`) against pySHACL on an rdflib ``Graph`` (capped at ``BASELINE_CAP_S``);
- ``add one article``: an incremental :func:`graph.build` after one new article (five sentences about hubs
  and new entities' neighbours) is added to the built graph; its baseline is the full build of the same
  scale. Each run starts from a fresh copy of the built output; peak memory is the build process's.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from . import BenchContext, peak_rss_run, row

#: The rdflib-only baseline of the full build is stopped after this many seconds.
BASELINE_CAP_S = 600

_ARTICLE = """@prefix bkg:    <https://w3id.org/battery-kg/ontology#> .
@prefix bk:     <https://w3id.org/battery-kg/id/> .
@prefix schema: <https://schema.org/> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix :       <https://w3id.org/battery-kg/source/bench-new-article/> .

:a01 bkg:quote "The first company and the second company signed a strategic cooperation agreement." .
:a01 {
    bk:company-000000 bkg:signedAgreementWith bk:company-000001 .
    bk:company-000000 bkg:partnerOf bk:company-000001 .
}
:a02 bkg:quote "Representatives of the third company attended the first conference." .
:a02 {
    bk:conference-00000 schema:attendee bk:company-000002 .
}
:a03 bkg:quote "The first person delivered a keynote speech at the first conference." .
:a03 {
    bk:conference-00000 bkg:keynoteSpeaker bk:person-000000 .
}
:a04 bkg:quote "The first company produces batteries." .
:a04 {
    bk:company-000000 bkg:produces bk:technology-000 .
}
:a05 bkg:quote "A delegation of the provincial government visited the first company." .
:a05 {
    bk:visit-00000 bkg:delegation bk:government-province-sichuan ;
        bkg:visited bk:company-000000 .
}
"""
_TEXT = ("Bench article\n\nThe first company and the second company signed a strategic cooperation agreement. "
         "Representatives of the third company attended the first conference. The first person delivered a "
         "keynote speech at the first conference. The first company produces batteries. A delegation of the "
         "provincial government visited the first company.\n")


def add_article(data: Path) -> None:
    """Add the benchmark's new article (text, metadata, facts) to the data folder ``data``."""
    (data / "sources" / "bench-new-article.txt").write_text(_TEXT, encoding="utf-8")
    (data / "sources" / "bench-new-article.json").write_text(json.dumps(
        {"headline": "Bench article", "publisher": "Xinhua", "datePublished": "2025-01-02"}), encoding="utf-8")
    (data / "facts" / "bench-new-article.trig").write_text(_ARTICLE, encoding="utf-8")


def _link_copy(source: Path, target: Path) -> None:
    """Copy a data folder with hard links (instant), so the article can be added without touching it."""
    shutil.copytree(source, target, copy_function=os.link)


_INCREMENTAL = """
import json, time
from graph.build import build
started = time.perf_counter()
report = build({data!r}, {out!r})
print(json.dumps({{"seconds": time.perf_counter() - started, "changed": report.changed_sources,
                  "stages": report.seconds, "triples": report.triples}}))
"""


_FULL = """
import json, time
from graph.build import build
started = time.perf_counter()
report = build({data!r}, {out!r})
print(json.dumps({{"seconds": time.perf_counter() - started, "stages": report.seconds, "triples": report.triples}}))
"""

_VALIDATE = """
import json, time, pyoxigraph as ox
from graph.build.validate import compiled_shapes
store = ox.Store()
store.bulk_load(path={path!r}, format=ox.RdfFormat.TURTLE)
started = time.perf_counter()
found = compiled_shapes().violations(store)
print(json.dumps({{"seconds": time.perf_counter() - started, "violations": len(found)}}))
"""

_VALIDATE_PYSHACL = """
import json, signal, time
from rdflib import Graph
from pyshacl import validate
from graph.build.validate import load_shapes

def stop(*_):
    raise TimeoutError
graph = Graph().parse({path!r}, format="turtle")
signal.signal(signal.SIGALRM, stop)
signal.alarm({cap})
started = time.perf_counter()
conforms, _report, _text = validate(graph, shacl_graph=load_shapes(), inference="none", allow_warnings=True)
print(json.dumps({{"seconds": time.perf_counter() - started, "conforms": conforms}}))
"""

_RDFLIB_BUILD = """
import json, pathlib, signal, time
from rdflib import Dataset, Graph
from pyshacl import validate
from graph.folders import ontology_file, shapes_file

def stop(*_):
    raise TimeoutError
signal.signal(signal.SIGALRM, stop)
signal.alarm({cap})
started = time.perf_counter()
data = pathlib.Path({data!r})
dataset = Dataset()
dataset.graph("https://w3id.org/battery-kg/graph/ontology").parse(ontology_file(), format="turtle")
dataset.graph("https://w3id.org/battery-kg/graph/registry").parse(data / "registry.ttl", format="turtle")
for path in sorted((data / "facts").glob("*.trig")):
    dataset.parse(path, format="trig")
union = Graph()
for s, p, o, _g in dataset.quads((None, None, None, None)):
    union.add((s, p, o))
parsed = time.perf_counter()
validate(union, shacl_graph=Graph().parse(shapes_file(), format="turtle"), inference="none", allow_warnings=True)
validated = time.perf_counter()
out = pathlib.Path({out!r})
dataset.serialize(out / "g.trig", format="trig")
union.serialize(out / "g.ttl", format="turtle")
dataset.serialize(out / "g.jsonld", format="json-ld")
signal.alarm(0)
print(json.dumps({{"seconds": time.perf_counter() - started, "parse": parsed - started,
                  "validate": validated - parsed}}))
"""


def _stages(stages: dict) -> dict:
    return {f"{k}_s": round(v, 2) for k, v in stages.items()}


def _rdflib_build(data: Path, work: Path) -> list[float] | None:
    """The rdflib-only build's seconds, or ``None`` when it ran past the cap."""
    with tempfile.TemporaryDirectory(dir=work) as out:
        try:
            result = peak_rss_run(_RDFLIB_BUILD.format(data=str(data), out=out, cap=BASELINE_CAP_S),
                                  timeout=BASELINE_CAP_S + 120)
        except RuntimeError as exc:
            if "TimeoutError" in str(exc):
                return None
            raise
    return [result["seconds"]]


def _validation_row(scale: str, prepared, context: BenchContext) -> dict:
    """Our compiled shapes against pySHACL on the union of the built graph (the Turtle output)."""
    path = str(prepared.out / "battery-kg.ttl")
    ours = [peak_rss_run(_VALIDATE.format(path=path)) for _ in range(max(1, min(3, context.repeats(scale))))]
    extra = {"violations": ours[0]["violations"], "peak_rss_mib": max(r["peak_rss_mib"] for r in ours)}
    try:
        theirs = [peak_rss_run(_VALIDATE_PYSHACL.format(path=path, cap=BASELINE_CAP_S),
                               timeout=BASELINE_CAP_S + 600)["seconds"]]
    except RuntimeError as exc:
        if "TimeoutError" not in str(exc):
            raise
        theirs = None
        extra |= {"ratio": f"> {BASELINE_CAP_S / min(r['seconds'] for r in ours):.0f}",
                  "note": f"pySHACL > {BASELINE_CAP_S} s (capped)"}
    return row(scale, "validate (compiled shapes in Oxigraph vs pySHACL)", [r["seconds"] for r in ours], theirs,
               triples=prepared.triples, **extra)


def run(context: BenchContext) -> list[dict]:
    from graph.synth import synthesize

    rows: list[dict] = []
    for scale in context.scales:
        with tempfile.TemporaryDirectory(dir=context.work) as tmp:
            started = time.perf_counter()
            synthesize(Path(tmp) / "data", entities=context.prepared(scale).entities, seed=1)
            rows.append(row(scale, "synth (write the data folder)", [time.perf_counter() - started]))
        prepared = context.prepared(scale)
        builds = []
        for _ in range(max(1, min(3, context.repeats(scale)))):
            with tempfile.TemporaryDirectory(dir=context.work) as out:
                builds.append(peak_rss_run(_FULL.format(data=str(prepared.data), out=str(Path(out) / "out"))))
        full = [b["seconds"] for b in builds]
        baseline = _rdflib_build(prepared.data, context.work)
        fastest = min(builds, key=lambda b: b["seconds"])
        extra = {"triples": prepared.triples, **_stages(fastest["stages"]),
                 "peak_rss_mib": max(b["peak_rss_mib"] for b in builds)}
        if baseline is None:
            extra |= {"ratio": f"> {BASELINE_CAP_S / min(full):.0f}",
                      "note": f"rdflib + pySHACL > {BASELINE_CAP_S} s (capped)"}
        rows.append(row(scale, "full build (read, validate, write, store)", full, baseline, **extra))
        rows.append(_validation_row(scale, prepared, context))
        times, rss, details = [], [], {}
        for _ in range(max(1, min(3, context.repeats(scale)))):
            with tempfile.TemporaryDirectory(dir=context.work) as tmp:
                data, out = Path(tmp) / "data", Path(tmp) / "out"
                _link_copy(prepared.data, data)
                add_article(data)
                shutil.copytree(prepared.out, out)
                details = peak_rss_run(_INCREMENTAL.format(data=str(data), out=str(out)))
                if details.get("changed") not in (["bench-new-article"], None):
                    raise RuntimeError(f"the build rebuilt other sources: {details}")
                times.append(details["seconds"])
                rss.append(details["peak_rss_mib"])
        note = ("baseline: full build" if details.get("changed") is not None
                else "a full build: graphs under LARGE_GRAPH_TRIPLES are always rebuilt whole")
        rows.append(row(scale, "add one article (incremental build)", times, full,
                        triples=details["triples"], peak_rss_mib=max(rss), **_stages(details["stages"]), note=note))
    return rows
