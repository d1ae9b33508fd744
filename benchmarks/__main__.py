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
MODULES = ["build", "store_size", "store", "queries", "analysis", "views", "ingest", "cli"]

NOTES = [
    "- Every scale is built by `batterykg build`'s own code (`benchmarks.prepare`), from a synthetic data folder "
    "(`graph.synth`, seed 8). Above `graph.build.LARGE_GRAPH_TRIPLES` the build validates with our shapes "
    "compiled to SPARQL in Oxigraph; the `validate` rows compare that with pySHACL on the same union, and the "
    "`full build` rows compare the whole build with an rdflib-only one (Dataset, pySHACL, rdflib's writers), "
    "both capped at `bench_build.BASELINE_CAP_S`.",
    "- rdflib's SPARQL engine runs each saved query once, in one child process, with a per-query cap "
    "(`bench_store.RDFLIB_CAP_S`); a capped query shows `> N` as its ratio (a lower bound). At 100k only the "
    "queries in `bench_store.RDFLIB_SAMPLE` are given to rdflib. `agree` compares the rows of both engines "
    "(GROUP_CONCAT lists sorted, numbers compared as values). rdflib fails outright (NotBoundError) on the "
    "`events` query, which Oxigraph answers.",
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


def _versus(r: dict, unit: str = "s") -> str:
    """``X s vs Y s (×R)`` for a row with a baseline, or its capped ratio."""
    ours = f"{r['median_s']:.3g} {unit}"
    if isinstance(r.get("ratio"), float) and r.get("baseline_s"):
        return f"{ours} vs {r['baseline_s']:.3g} {unit} (×{r['ratio']:.1f})"
    if isinstance(r.get("ratio"), str):
        return f"{ours} vs {r.get('note', 'a capped baseline')} (×{r['ratio'].lstrip('> ')} or more)"
    return ours


def _headlines(results: dict[str, list[dict]]) -> list[str]:
    """The largest scale's figures, in a few sentences, each against its baseline."""
    lines = []
    rows = [r for module in ("build", "store") for r in results.get(module) or []]
    scales = [s for s in SCALES if any(r.get("scale") == s for r in rows)]
    if not scales:
        return lines
    scale = scales[-1]

    def named(prefix: str) -> list[dict]:
        return [r for r in rows if r.get("scale") == scale and r["name"].startswith(prefix)]

    for r in named("load"):
        memory = f", peak memory {r['peak_rss_mib']:.0f} MiB" if r.get("peak_rss_mib") else ""
        base = f" ({r['baseline_peak_rss_mib']:.0f} MiB)" if r.get("baseline_peak_rss_mib") else ""
        lines.append(f"- At {scale} entities, {r['name'].split('(')[1].split(' vs')[0]} loads {r['triples']:,} "
                     f"triples in {_versus(r)} into rdflib's Dataset{base}{memory}.")
    for prefix in ("full build", "validate", "add one article"):
        for r in named(prefix):
            peak = f", peak memory {r['peak_rss_mib']:.0f} MiB" if r.get("peak_rss_mib") else ""
            lines.append(f"- {r['name'][0].upper() + r['name'][1:]}: {_versus(r)}{peak}.")
    queries = named("query")
    if queries:
        ratios = [r["ratio"] for r in queries if isinstance(r.get("ratio"), float)]
        capped = [r for r in queries if isinstance(r.get("ratio"), str)]
        fast = [r for r in queries if r["median_s"] <= 0.2]
        lines.append(
            f"- Saved queries at {scale}: {len(fast)} of {len(queries)} answer in 200 ms or less (p50), the slowest in "
            f"{max(r['median_s'] for r in queries) * 1000:,.0f} ms; against rdflib's SPARQL engine "
            + (f"×{min(ratios):.0f}–×{max(ratios):.0f} faster (median ×{sorted(ratios)[len(ratios) // 2]:.0f})"
               if ratios else "not compared")
            + (f", and {len(capped)} more did not finish in rdflib within its cap" if capped else "") + ".")
    return lines


def _sections(text: str) -> dict[str, str]:
    """A BENCHMARKS.md cut at its ``## `` headings: heading → the section's text (the part before them: ``""``)."""
    parts = text.split("\n## ")
    found = {"": parts[0]}
    for part in parts[1:]:
        found[part.split("\n", 1)[0]] = "## " + part
    return found


def merged(previous: str, fresh: str, names: list[str], note: str) -> str:
    r"""``previous`` with the sections of ``names`` taken from ``fresh`` (a partial run's file), each saying how and
    when it was measured; every other section stays as it was.

    >>> old = "# B\n\n## build\n\nold build\n\n## views\n\nold views\n\n## Notes\n\nn\n"
    >>> new = "# B\n\n## views\n\nabout views\n\nnew views\n\n## Notes\n\nn\n"
    >>> print(merged(old, new, ["views"], "Measured on its own."))
    # B
    <BLANKLINE>
    ## build
    <BLANKLINE>
    old build
    <BLANKLINE>
    ## views
    <BLANKLINE>
    about views
    <BLANKLINE>
    Measured on its own.
    <BLANKLINE>
    new views
    <BLANKLINE>
    ## Notes
    <BLANKLINE>
    n
    <BLANKLINE>
    """
    kept, new = _sections(previous), _sections(fresh)
    notes = kept.pop("Notes", None)
    for name in names:
        for heading in (name, f"{name}: failed"):
            if heading not in new:
                kept.pop(heading, None)
            elif heading.endswith(": failed"):
                kept[heading] = new[heading]
            else:  # in its place when the file had it, else before the notes
                title, doc, rest = (new[heading].split("\n\n", 2) + ["", ""])[:3]
                kept[heading] = "\n\n".join(x for x in (title, doc, note, rest) if x)
    if notes is not None:
        kept["Notes"] = notes
    return "\n".join(text.rstrip("\n") + "\n" for text in kept.values())


def _write(target: Path, work: Path, context: BenchContext, scales: list[str], results: dict, errors: dict,
           seconds: dict, partial: bool = False) -> None:
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
    text = "\n".join(lines)
    if partial and target.exists():  # a run of some modules replaces their sections and keeps the others
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        note = (f"This section was measured on its own by `BENCH_SCALES={','.join(scales)} "
                f"BENCH_ONLY={','.join(seconds)} python -m benchmarks` ({when}; "
                + ", ".join(f"{k} {v:.0f} s" for k, v in seconds.items()) + ").")
        text = merged(target.read_text(encoding="utf-8"), text, list(seconds), note)
    target.write_text(text, encoding="utf-8")
    (work / "results.json").write_text(json.dumps({"results": results, "errors": errors}, indent=1, default=str))


def main() -> int:
    scales = [s.strip() for s in os.environ.get("BENCH_SCALES", ",".join(SCALES)).split(",") if s.strip()]
    unknown = [s for s in scales if s not in SCALES]
    if unknown:
        print(f"unknown scale {unknown}: use {', '.join(SCALES)}", file=sys.stderr)
        return 2
    only = [m.strip() for m in os.environ.get("BENCH_ONLY", "").split(",") if m.strip()] or MODULES
    partial = only != MODULES
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
               seconds, partial)  # so far, in case a later module is interrupted

    target = Path(os.environ.get("BENCH_OUT", ROOT / "BENCHMARKS.md"))
    _write(target, work, context, scales, results, errors, seconds, partial)
    print(f"bench: wrote {target}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
