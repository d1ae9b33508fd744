"""``python -m benchmarks`` (``make bench``): run every benchmark module and write BENCHMARKS.md.

Environment: ``BENCH_SCALES`` (default ``1k,10k,100k``), ``BENCH_QUICK=1`` (one run per figure),
``BENCH_ONLY=build,store`` (some modules only), ``BENCH_OUT`` (default ``BENCHMARKS.md``).
Raw results also go to ``out/bench/results.json``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import os
import platform
import sys
import time
import traceback
from importlib import metadata
from pathlib import Path

from . import SCALES, BenchContext

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["build", "store", "queries", "analysis", "views", "ingest"]

NOTES = [
    "- The 100k scale (about 0.9M triples) is prepared without the build: `benchmarks.fast_nquads` assembles "
    "the same quads with pyoxigraph (a test checks it equals the build's dataset) and the output folder is "
    "written as `batterykg build` writes it. The full build (rdflib parsing, pySHACL over the whole union) is "
    "measured at 1k and 10k only: pySHACL grows faster than linearly and would take most of an hour there.",
    "- rdflib's SPARQL engine runs each saved query once, in one child process, with a per-query cap "
    "(`bench_store.RDFLIB_CAP_S`); a capped query shows `> N` as its ratio (a lower bound). At 100k only the "
    "queries in `bench_store.RDFLIB_SAMPLE` are given to rdflib. `agree` compares the rows of both engines "
    "(GROUP_CONCAT lists sorted, numbers compared as values). rdflib fails outright (NotBoundError) on the "
    "`events` and `signed-projects` queries, which Oxigraph answers.",
    "- The machine is shared: other processes ran during the measurements, so spreads are wide; medians are "
    "the figures to read.",
    "- Other modules (queries, analysis, views, ingest) are called with their own parameters; see their "
    "docstrings.",
]


def _machine() -> list[str]:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        memory = f"{psutil.virtual_memory().total / 2**30:.1f} GiB RAM"
    except Exception:  # noqa: BLE001
        memory = "RAM unknown"
    versions = []
    for package in ("rdflib", "pyoxigraph", "pyshacl", "networkx", "igraph", "pyvis"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            pass
    return [f"- Machine: {platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, {memory}",
            f"- Python {platform.python_version()}; " + ", ".join(versions),
            f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"]


def _call(module, context: BenchContext) -> list[dict]:
    """Call the module's ``run`` with what it asks for: our context, or its own parameters."""
    parameters = inspect.signature(module.run).parameters
    name = module.__name__.rsplit(".", 1)[-1]
    if "context" in parameters:
        return module.run(context)
    if name == "bench_queries":
        stores = {f"{s}/embedded": context.prepared(s).out / "store" for s in context.scales}
        return module.run(stores, repeats=3 if context.quick else 10)
    if name == "bench_analysis":
        return module.run(scales=tuple(SCALES[s] * 10 for s in context.scales if s != "100k") or (10_000,))
    return module.run()


def _format(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, tuple | list) and len(value) == 2 and all(isinstance(v, float) for v in value):
        return f"{value[0]:.3g}–{value[1]:.3g}"
    return str(value).replace("|", "\\|")


def _table(rows: list[dict]) -> list[str]:
    columns: list[str] = []
    for r in rows:
        columns += [k for k in r if k not in columns]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_format(r.get(c)) for c in columns) + " |" for r in rows]
    return lines


def _headlines(results: dict[str, list[dict]]) -> list[str]:
    lines = []
    store = results.get("store") or []
    for scale in reversed(list(SCALES)):
        load = [r for r in store if r.get("scale") == scale and r["name"].startswith("load")]
        queries = [r for r in store if r.get("scale") == scale and r["name"].startswith("query")]
        if not load:
            continue
        load = load[0]
        ratios = [r["ratio"] for r in queries if isinstance(r.get("ratio"), float)]
        capped = [r for r in queries if isinstance(r.get("ratio"), str)]
        slowest = max((r["median_s"] for r in queries), default=0)
        lines.append(
            f"- At {scale} entities ({load['triples']:,} triples): loading takes {load['median_s']:.1f} s in Oxigraph "
            f"vs {load['baseline_s']:.1f} s in rdflib (×{load['ratio']:.0f}"
            + (f"; peak memory {load['peak_rss_mib']:.0f} MiB vs {load['baseline_peak_rss_mib']:.0f} MiB"
               if load.get("peak_rss_mib") else "")
            + "); the slowest saved query "
            f"takes {slowest * 1000:,.0f} ms; against rdflib's SPARQL engine the saved queries are "
            + (f"×{min(ratios):.0f}–×{max(ratios):.0f} faster (median ×{sorted(ratios)[len(ratios) // 2]:.0f})"
               if ratios else "not compared")
            + (f", and {len(capped)} more did not finish in rdflib within its cap" if capped else "") + ".")
        break
    build = results.get("build") or []
    for r in build:
        if r["name"].startswith("add one article"):
            last = r
    if build and any(r["name"].startswith("add one article") for r in build):
        lines.append(f"- Adding one article to the built {last['scale']}-entity graph ({last['triples']:,} triples): "
                     f"{last['median_s']:.1f} s (incremental build"
                     + (f", peak {last['peak_rss_mib']:.0f} MiB" if last.get("peak_rss_mib") else "") + ").")
    return lines


def _write(target: Path, work: Path, context: BenchContext, scales: list[str], results: dict, errors: dict,
           seconds: dict) -> None:
    lines = ["# Benchmarks", "",
             "Written by `make bench` (`python -m benchmarks`); every figure below was measured in that run. "
             "Times are wall-clock seconds: the median of the runs and their spread (min–max). "
             "`baseline_s` is what a user would otherwise write — rdflib's in-memory `Dataset`, its own SPARQL "
             "engine — measured in the same run; `ratio` = baseline / ours.", ""]
    lines += _machine()
    lines += ["- Scales: " + ", ".join(
        f"{s} = {SCALES[s]:,} entities"
        + (f" ({context._prepared[s].triples:,} triples)" if s in context._prepared else "") for s in scales),
        f"- Command: `BENCH_SCALES={','.join(scales)} python -m benchmarks`; "
        + ", ".join(f"{k} {v:.0f} s" for k, v in seconds.items()), ""]
    headlines = _headlines(results)
    if headlines:
        lines += ["## Headlines", "", *headlines, ""]
    for name, rows in results.items():
        module = importlib.import_module(f"benchmarks.bench_{name}")
        doc = (module.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        lines += [f"## {name}", "", doc, ""]
        lines += _table(rows) if rows else ["(no rows)"]
        lines.append("")
    for name, text in errors.items():
        lines += [f"## {name}: failed", "", "```", text.strip()[-3000:], "```", ""]
    lines += ["## Notes", "", *NOTES, ""]
    target.write_text("\n".join(lines), encoding="utf-8")
    (work / "results.json").write_text(json.dumps({"results": results, "errors": errors}, indent=1, default=str))


def main() -> int:
    scales = [s.strip() for s in os.environ.get("BENCH_SCALES", ",".join(SCALES)).split(",") if s.strip()]
    unknown = [s for s in scales if s not in SCALES]
    if unknown:
        print(f"unknown scale {unknown}: use {', '.join(SCALES)}", file=sys.stderr)
        return 2
    only = [m.strip() for m in os.environ.get("BENCH_ONLY", "").split(",") if m.strip()] or MODULES
    work = ROOT / "out" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    context = BenchContext(scales=scales, work=work, quick=os.environ.get("BENCH_QUICK") == "1")
    results: dict[str, list[dict]] = {}
    errors: dict[str, str] = {}
    seconds: dict[str, float] = {}
    for name in only:
        try:
            module = importlib.import_module(f"benchmarks.bench_{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.bench_{name}":
                continue
            raise
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            results[name] = _call(module, context)
        except Exception:  # noqa: BLE001 — one failing module must not lose the others' figures
            errors[name] = traceback.format_exc()
            print(errors[name], file=sys.stderr)
        seconds[name] = time.perf_counter() - started
        print(f"bench: {name} done in {seconds[name]:.0f} s", file=sys.stderr, flush=True)
        _write(Path(os.environ.get("BENCH_OUT", ROOT / "BENCHMARKS.md")), work, context, scales, results, errors,
               seconds)  # so far, in case a later module is interrupted

    target = Path(os.environ.get("BENCH_OUT", ROOT / "BENCHMARKS.md"))
    _write(target, work, context, scales, results, errors, seconds)
    print(f"bench: wrote {target}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
