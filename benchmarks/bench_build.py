"""Benchmark of the build: synthesis, full build (parse, validate, write) and adding one article.

``run(context)`` returns rows (see :mod:`benchmarks`):

- ``synth``: writing the scale's data folder with :func:`graph.synth.synthesize`;
- ``full build``: :func:`graph.build` from scratch, with the seconds of its stages (``load_s``: parse with
  rdflib and assemble, ``validate_s``: pySHACL over the whole union, ``write_s``: store and serialisations).
  pySHACL over the whole graph grows faster than linearly, so the full build is measured at the scales
  listed in ``FULL_BUILD_SCALES`` only;
- ``add one article``: an incremental :func:`graph.build` after one new article (five sentences about hubs
  and new entities' neighbours) is added to the built graph; its baseline is the full build of the same
  scale where one was measured. Each run starts from a fresh copy of the built output; peak memory is the
  build process's.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from . import BenchContext, peak_rss_run, row, timed

#: Scales at which the full build (pySHACL over the whole graph) is measured.
FULL_BUILD_SCALES = ("1k", "10k")

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


def _note(details: dict, has_baseline: bool) -> str:
    if details.get("changed") is None:
        return "a full build: graphs under FAST_WRITE_TRIPLES are always rebuilt whole"
    return "baseline: full build" if has_baseline else "no full-build baseline at this scale"


def run(context: BenchContext) -> list[dict]:
    from graph import build
    from graph.synth import synthesize

    rows: list[dict] = []
    full: dict[str, list[float]] = {}
    for scale in context.scales:
        with tempfile.TemporaryDirectory(dir=context.work) as tmp:
            started = time.perf_counter()
            synthesize(Path(tmp) / "data", entities=context.prepared(scale).entities, seed=1)
            rows.append(row(scale, "synth (write the data folder)", [time.perf_counter() - started]))
        prepared = context.prepared(scale)
        if scale in FULL_BUILD_SCALES:
            stages: list[dict] = []

            def full_build(prepared=prepared, stages=stages):
                with tempfile.TemporaryDirectory(dir=context.work) as out:
                    report = build(prepared.data, Path(out) / "out")
                    stages.append(report.seconds)

            times, _ = timed(full_build, context.repeats(scale) if scale == "1k" else 1)
            full[scale] = times
            rows.append(row(scale, "full build (parse, validate, write)", times, triples=prepared.triples,
                            load_s=min(s["load"] for s in stages), validate_s=min(s["validate"] for s in stages),
                            write_s=min(s["write"] for s in stages)))
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
        rows.append(row(scale, "add one article (incremental build)", times, full.get(scale),
                        triples=details["triples"], peak_rss_mib=max(rss),
                        stages=", ".join(f"{k} {v:.2f}" for k, v in details["stages"].items()),
                        note=_note(details, scale in full)))
    return rows
