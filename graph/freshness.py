"""Whether the outputs derived from the graph — the analysis (``analysis.trig``, ``tables/``, the store's
analysis graph) and the views (``index.html``, ``views/``) — were made from the graph built now.

A build replaces the graph and the store but not what was derived from them: that takes ``batterykg run``
(or ``batterykg views`` for the views). So that nothing derived from an older graph is ever shown as current,
each derived output records the *graph hash* it was made from — the SHA-256 of ``manifest.json``, which the
same inputs always write alike — in ``out/derived.json``, and every reader compares it with the graph now
built: the build's summary lists what it left out of date and marks the index page with a notice, and
``views``, ``query`` (of the analysis graph) and ``serve`` say so on stderr.

>>> import tempfile, pathlib
>>> from graph.folders import OutputLayout
>>> out = OutputLayout(pathlib.Path(tempfile.mkdtemp()))
>>> _ = out.manifest.write_text('{"triples": 1}')
>>> _ = out.index.write_text("<html><body>\\n<h1>views</h1></body></html>")
>>> record(out, "views")
>>> stale(out)
[]
>>> _ = out.manifest.write_text('{"triples": 2}')
>>> [item.name for item in stale(out)]
['views']
>>> mark_index(out)
>>> NOTICE_ID in out.index.read_text()
True
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass

from .atomic import write_text
from .folders import OutputLayout

__all__ = ["DerivedOutput", "DERIVED", "graph_hash", "record", "forget", "stale", "notice", "mark_index",
           "after_build", "analysis_graph_notice", "reads_analysis", "NOTICE_ID"]

#: The id of the notice an out-of-date index page carries.
NOTICE_ID = "battery-kg-out-of-date"


@dataclass(frozen=True)
class DerivedOutput:
    """One kind of output made from the built graph: its name, what a person calls it, and how to remake it."""

    name: str
    description: str
    refresh: str

    def present(self, output: OutputLayout) -> bool:
        if self.name == "analysis":
            return (output.root / "analysis.trig").is_file() or any(output.tables.glob("*.csv"))
        if self.name == "views":
            return output.index.is_file() or output.views.is_dir()
        return False  # the store's analysis graph: only its record tells


DERIVED = {
    "analysis": DerivedOutput("analysis", "the analysis tables and analysis.trig", "`batterykg run`"),
    "store-analysis": DerivedOutput("store-analysis", "the store's analysis graph (kgg:analysis)", "`batterykg run`"),
    "views": DerivedOutput("views", "the index page and the views", "`batterykg run` or `batterykg views`"),
}


def _stamp(output: OutputLayout):
    return output.root / "derived.json"


def graph_hash(output: OutputLayout) -> str | None:
    """The hash of the graph built in ``output`` (of its manifest), or ``None`` before any build."""
    try:
        return hashlib.sha256(output.manifest.read_bytes()).hexdigest()[:16]
    except OSError:
        return None


def _recorded(output: OutputLayout) -> dict[str, str]:
    try:
        return dict(json.loads(_stamp(output).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return {}


def record(output: OutputLayout, *names: str) -> None:
    """Record that the derived outputs ``names`` were made from the graph built now."""
    current = graph_hash(output)
    if current is None:
        return
    recorded = _recorded(output) | {name: current for name in names}
    write_text(_stamp(output), json.dumps(recorded, indent=1, sort_keys=True) + "\n")


def forget(output: OutputLayout, *names: str) -> None:
    """Record that the derived outputs ``names`` are gone (the store's analysis graph, once a build replaced
    the store)."""
    recorded = _recorded(output)
    if any(name in recorded for name in names):
        write_text(_stamp(output), json.dumps({k: v for k, v in recorded.items() if k not in names}, indent=1,
                                              sort_keys=True) + "\n")


def stale(output: OutputLayout) -> list[DerivedOutput]:
    """The derived outputs on disk that were not made from the graph built now (made from an earlier graph,
    or of unknown origin); the store's analysis graph when it was recorded once and is now missing or old."""
    current = graph_hash(output)
    if current is None:
        return []
    recorded = _recorded(output)
    found = []
    for name, derived in DERIVED.items():
        if name == "store-analysis":
            if (output.root / "analysis.trig").is_file() and recorded.get(name) != current:
                found.append(derived)
        elif derived.present(output) and recorded.get(name) != current:
            found.append(derived)
    return found


def notice(output: OutputLayout, names=None) -> str | None:
    """A sentence saying which derived outputs are out of date and how to refresh them, or ``None``."""
    items = [d for d in stale(output) if names is None or d.name in names]
    if not items:
        return None
    what = "; ".join(f"{d.description} ({d.refresh})" for d in items)
    return f"out of date, made from an earlier graph than the one built in {output.root}: {what}"


def mark_index(output: OutputLayout) -> None:
    """Put a notice at the top of ``index.html`` saying the page was made from an earlier graph (once)."""
    try:
        page = output.index.read_text(encoding="utf-8")
    except OSError:
        return
    text = html.escape(f"Out of date: this page and its views were made from an earlier graph than the one now "
                       f"built in {output.root}. Run `batterykg run` (or `batterykg views`) to refresh them.")
    banner = (f'<p id="{NOTICE_ID}" role="alert" style="background:#fff3cd;border:1px solid #d39e00;'
              f'padding:0.6em 1em;font-weight:bold">{text}</p>\n')
    page = re.sub(rf'<p id="{NOTICE_ID}"[^>]*>.*?</p>\n', "", page, flags=re.DOTALL)
    marked, count = re.subn(r"(<body[^>]*>\n?)", lambda m: m.group(1) + banner, page, count=1)
    write_text(output.index, marked if count else banner + page)


def after_build(output: OutputLayout) -> list[DerivedOutput]:
    """What a build does for freshness: the new store has no analysis graph; an index page made from another
    graph is marked. Returns the derived outputs now out of date, for the build's summary."""
    forget(output, "store-analysis")
    found = stale(output)
    if any(d.name == "views" for d in found):
        mark_index(output)
    return found


_ANALYSIS_TERMS = re.compile(r"kgg:analysis\b|/graph/analysis>|bkg:(?:Score|scoreOf|scoreValue|AnalysisRun|Community)\b"
                             r"|ontology#(?:Score|scoreOf|scoreValue|AnalysisRun|Community)>")


def reads_analysis(sparql: str) -> bool:
    """Whether a query asks for the analysis results (the analysis graph or its terms).

    >>> reads_analysis("SELECT * { GRAPH kgg:analysis { ?s ?p ?o } }"), reads_analysis("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    return bool(_ANALYSIS_TERMS.search(sparql))


def analysis_graph_notice(output: OutputLayout) -> str | None:
    """Why the store built in ``output`` has no current analysis graph, or ``None`` when it has one."""
    current, recorded = graph_hash(output), _recorded(output).get("store-analysis")
    if current is None or recorded == current:
        return None
    if recorded is None:
        return ("the store holds no analysis graph (kgg:analysis): the last build replaced the store, or no "
                "analysis has run; `batterykg run` writes it")
    return "the store's analysis graph was made from an earlier graph: `batterykg run` refreshes it"
