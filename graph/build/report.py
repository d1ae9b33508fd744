"""What a build found: the :class:`BuildReport` (counts, timings, outputs) and the figures it is made of."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDF

from ..errors import DataNotConformError
from ..folders import OutputLayout
from ..namespace import BK, BKG, ENTITY_CLASSES, PROVENANCE_GRAPH
from .assembly import Chunk
from .validate import Violation

__all__ = ["BuildReport", "Timer", "make_report", "not_conform", "source_figures", "entity_classes", "class_counts",
           "ordered_counts", "stored_classes"]

_PROVENANCE = str(PROVENANCE_GRAPH)
_DEFAULT = ox.DefaultGraph()



@dataclass
class BuildReport:
    """What a build did: counts, timings and where the outputs are."""

    conforms: bool
    violations: list[Violation]
    entities_per_class: dict[str, int]
    facts_per_source: dict[str, int]
    assertions: int
    triples: int
    seconds: dict[str, float]
    outputs: dict[str, str]
    #: For an incremental build, the sources whose graphs were rebuilt (``None`` after a full build).
    changed_sources: list[str] | None = None
    #: The sources without a ``datePublished`` or a ``headline``: what each lacks. Both are optional, but a
    #: dated analysis (``--since``, ``--until``) cannot place the facts of an undated source in time: a tie
    #: nothing else dates is kept in every window.
    lacking_metadata: dict[str, list[str]] = field(default_factory=dict)
    #: What was derived from an earlier graph and is now out of date (see :mod:`graph.freshness`).
    out_of_date: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"battery-kg: {self.triples} triples, {self.assertions} assertions, "
                 f"{sum(self.facts_per_source.values())} facts from {len(self.facts_per_source)} sources"]
        lines.append("entities per class:")
        lines += [f"  {name:<22} {count:>5}" for name, count in self.entities_per_class.items()]
        if len(self.facts_per_source) <= 50:
            lines.append("facts per source:")
            lines += [f"  {name:<22} {count:>5}" for name, count in self.facts_per_source.items()]
        else:
            counts = sorted(self.facts_per_source.values())
            lines.append(f"facts per source: {len(counts)} sources, median {counts[len(counts) // 2]}, "
                         f"most {counts[-1]} (listed in manifest.json)")
        if self.lacking_metadata:
            lines.append(f"sources without a date or headline ({len(self.lacking_metadata)}; --since and --until "
                         "keep a tie only an undated source states in every window):")
            shown = list(self.lacking_metadata.items())
            lines += [f"  {name}: no {' and no '.join(lacks)}" for name, lacks in shown[:50]]
            if len(shown) > 50:
                lines.append(f"  … and {len(shown) - 50} more (listed in manifest.json)")
        if self.changed_sources is not None:
            lines.append(f"incremental: {len(self.changed_sources)} changed source(s) rebuilt: "
                         + ", ".join(self.changed_sources[:10]) + (" …" if len(self.changed_sources) > 10 else ""))
        lines.append("outputs:")
        lines += [f"  {kind:<8} {path}" for kind, path in self.outputs.items()]
        lines.append("time: " + ", ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items()))
        if self.out_of_date:
            lines.append("out of date (made from an earlier graph; the index page says so): "
                         + "; ".join(self.out_of_date) + ". `batterykg run` refreshes them.")
        return "\n".join(lines)


def _most_specific(classes: set[str]) -> str | None:
    for cls in ENTITY_CLASSES:
        if str(BKG[cls]) in classes:
            return cls
    return None


_RDF_TYPE = str(RDF.type)


def entity_classes(quads) -> dict[str, set[str]]:
    """The classes of each entity (a ``bk:`` IRI) that ``quads`` type."""
    types: dict[str, set[str]] = defaultdict(set)
    base = str(BK)
    for quad in quads:
        if quad.predicate.value == _RDF_TYPE and isinstance(quad.subject, ox.NamedNode) \
                and quad.subject.value.startswith(base) and isinstance(quad.object, ox.NamedNode):
            types[quad.subject.value].add(quad.object.value)
    return types


def class_counts(types: dict[str, set[str]]) -> Counter:
    """Entities per class, each counted once under its most specific class."""
    return Counter(name for name in map(_most_specific, types.values()) if name)


def ordered_counts(counts: Counter) -> dict[str, int]:
    return {c: counts[c] for c in ENTITY_CLASSES if counts[c] > 0}


def stored_classes(store: ox.Store, entities) -> dict[str, set[str]]:
    return entity_classes(q for e in entities
                           for q in store.quads_for_pattern(ox.NamedNode(e), ox.NamedNode(_RDF_TYPE), None, _DEFAULT))


def source_figures(chunks: list[Chunk], sources: dict) -> dict[str, dict]:
    """Per source: its publisher, and how many assertions and facts it has."""
    figures = {}
    for chunk in chunks:
        source_id = chunk.source_id
        if source_id is None:
            continue
        graphs = Counter(q.graph_name.value for q in chunk.quads if q.graph_name.value != _PROVENANCE)
        source = sources.get(source_id)
        figures[source_id] = {"assertions": len(graphs), "facts": sum(graphs.values()),
                              "publisher": source.publisher if source else None}
        lacks = [name for name, value in (("datePublished", source and source.date_published),
                                          ("headline", source and source.headline)) if source and not value]
        if lacks:
            figures[source_id]["lacks"] = lacks
    return figures


def make_report(classes: dict[str, int], triples: int, figures: dict[str, dict], output: OutputLayout,
            remote: str | None = None, changed: list[str] | None = None) -> BuildReport:
    return BuildReport(
        conforms=True, violations=[], entities_per_class=classes,
        facts_per_source={k: v["facts"] for k, v in sorted(figures.items()) if v["assertions"]},
        lacking_metadata={k: v["lacks"] for k, v in sorted(figures.items()) if v.get("lacks")},
        assertions=sum(v["assertions"] for v in figures.values()), triples=triples, seconds={},
        outputs={"trig": str(output.trig), "turtle": str(output.turtle), "jsonld": str(output.jsonld),
                 "store": str(output.store), "manifest": str(output.manifest),
                 **({"remote": remote} if remote else {})},
        changed_sources=changed)


def not_conform(lines: list[str]) -> DataNotConformError:
    lines = list(dict.fromkeys(lines))  # a problem found through several triples is told once
    return DataNotConformError(
        f"the data does not conform: {len(lines)} problem{'s' if len(lines) != 1 else ''}\n" + "\n".join(lines),
        violations=lines)



class Timer:
    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._started = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = round(self.seconds.get(name, 0) + now - self._started, 3)
        self._started = now
