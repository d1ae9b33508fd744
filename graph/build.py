"""Build the knowledge graph: load ontology, registry, sources and facts; validate; write the outputs.

The dataset has one named graph per assertion (the facts one sentence states) plus the ontology, registry
and provenance graphs. The provenance graph describes every article, every evidence sentence (text and
character offsets) and every assertion (its sentence, source, status and confidence).

>>> import tempfile, pathlib
>>> report = build(out=pathlib.Path(tempfile.mkdtemp()))
>>> report.conforms, report.facts_per_source["003_a93420692c2367a5"] > 0
(True, True)
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SDO, XSD

from . import atomic
from .errors import DataNotConformError
from .facts import Assertion, load_assertions, parse_rdf_file
from .layout import DataLayout, OutputLayout, ontology_file
from .namespace import (
    BK,
    BKG,
    ONTOLOGY_GRAPH,
    PROVENANCE_GRAPH,
    REGISTRY_GRAPH,
    source_iri,
)
from .serialize import to_jsonld, to_store_nquads, to_trig, to_turtle
from .sources import Source, load_sources
from .store import EmbeddedStore
from .validate import Violation, validate

__all__ = ["build", "assemble", "BuildReport", "Assembly", "sentence_iri", "ENTITY_CLASSES"]

#: The classes whose members count as entities of the ecosystem, most specific first.
ENTITY_CLASSES = [
    BKG.Company, BKG.GovernmentBody, BKG.ResearchInstitution, BKG.Organization, BKG.Person,
    BKG.Conference, BKG.ConferenceSeries, BKG.Visit, BKG.SigningCeremony, BKG.Event,
    BKG.Country, BKG.Province, BKG.City, BKG.District, BKG.IndustrialPark, BKG.Facility, BKG.Place,
    BKG.InvestmentProject, BKG.Technology, BKG.Publisher,
]


def sentence_iri(source_id: str, start: int, end: int) -> URIRef:
    """The IRI of a sentence: its article's IRI with an RFC 5147 fragment of its offsets.

    >>> sentence_iri("s1", 10, 42)
    rdflib.term.URIRef('https://w3id.org/battery-kg/source/s1#char=10,42')
    """
    return URIRef(f"{source_iri(source_id)}#char={start},{end}")


@dataclass
class Assembly:
    """The assembled dataset, where each triple came from, and the problems found on the way."""

    dataset: Dataset
    origins: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    assertions: list[Assertion] = field(default_factory=list)

    def union(self) -> Graph:
        graph = Graph()
        for quad in self.dataset.quads((None, None, None, None)):
            graph.add(quad[:3])
        return graph


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

    def summary(self) -> str:
        lines = [f"battery-kg: {self.triples} triples, {self.assertions} assertions, "
                 f"{sum(self.facts_per_source.values())} facts from {len(self.facts_per_source)} sources"]
        lines.append("entities per class:")
        lines += [f"  {name:<22} {count:>5}" for name, count in self.entities_per_class.items()]
        lines.append("facts per source:")
        lines += [f"  {name:<22} {count:>5}" for name, count in self.facts_per_source.items()]
        lines.append("outputs:")
        lines += [f"  {kind:<8} {path}" for kind, path in self.outputs.items()]
        lines.append("time: " + ", ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items()))
        return "\n".join(lines)


def _add(assembly: Assembly, graph_iri: URIRef, triples, origin: str) -> None:
    context = assembly.dataset.graph(graph_iri)
    for triple in triples:
        context.add(triple)
        assembly.origins.setdefault(triple, set()).add(origin)


def _publisher_node(name: str, registry: Graph) -> tuple[URIRef, list[tuple]]:
    """The registry's publisher of that name (label or alias), or a new node for it."""
    wanted = name.casefold()
    for node in sorted(registry.subjects(RDF.type, BKG.Publisher)):
        names = [registry.value(node, RDFS.label)] + list(registry.objects(node, URIRef(
            "http://www.w3.org/2004/02/skos/core#altLabel")))
        if any(n is not None and str(n).casefold() == wanted for n in names):
            return node, []
    slug = re.sub(r"[^a-z0-9]+", "-", wanted).strip("-") or "unknown"
    node = BK[f"publisher-{slug}"]
    return node, [(node, RDF.type, BKG.Publisher), (node, RDFS.label, Literal(name, lang="en"))]


def _article_triples(source: Source, registry: Graph) -> list[tuple]:
    article = source_iri(source.id)
    triples = [
        (article, RDF.type, BKG.Article),
        (article, BKG.sourceId, Literal(source.id)),
        (article, SDO.articleBody, Literal(source.text)),
    ]
    if source.headline:
        triples.append((article, SDO.headline, Literal(source.headline)))
    if source.date_published:
        triples.append((article, SDO.datePublished, Literal(source.date_published.isoformat(), datatype=XSD.date)))
    if source.url:
        triples.append((article, SDO.url, Literal(source.url, datatype=XSD.anyURI)))
    if source.publisher:
        node, extra = _publisher_node(source.publisher, registry)
        triples += extra + [(article, SDO.publisher, node)]
    return triples


def assemble(layout: DataLayout | None = None, include_candidates: bool = True) -> Assembly:
    """Read every input into one dataset, without validating it."""
    layout = layout or DataLayout.default()
    assembly = Assembly(dataset=Dataset())
    ontology = parse_rdf_file(ontology_file(), "ontology/battery.ttl", "turtle")
    _add(assembly, ONTOLOGY_GRAPH, ontology, "ontology/battery.ttl")
    registry_display = layout.display(layout.registry)
    registry = Graph()
    for triple in parse_rdf_file(layout.registry, registry_display, "turtle"):
        registry.add(triple)
    _add(assembly, REGISTRY_GRAPH, registry, registry_display)

    assembly.sources = load_sources(layout)
    for source in assembly.sources.values():
        _add(assembly, PROVENANCE_GRAPH, _article_triples(source, registry),
             layout.display(source.path.with_suffix(".json")))

    assertions, problems = load_assertions(layout, include_candidates)
    assembly.problems.extend(problems)
    for assertion in assertions:
        display = layout.display(assertion.path)
        source = assembly.sources.get(assertion.source_id)
        if source is None:
            assembly.problems.append(f"{display}: no article data/sources/{assertion.source_id}.txt for these facts")
            continue
        _add(assembly, assertion.iri, assertion.triples, display)
        meta = [
            (assertion.iri, RDF.type, BKG.Assertion),
            (assertion.iri, BKG.source, source_iri(source.id)),
            (assertion.iri, BKG.status, assertion.status),
        ]
        if assertion.confidence is not None:
            meta.append((assertion.iri, BKG.confidence, Literal(assertion.confidence, datatype=XSD.decimal)))
        for quote in assertion.quotes:
            span = source.locate(quote)
            if span is None:
                shown = quote if len(quote) <= 80 else quote[:77] + "..."
                assembly.problems.append(
                    f"{display}: assertion <{assertion.iri}>: the quote {shown!r} is not in the text of "
                    f"data/sources/{source.id}.txt")
                continue
            sentence = sentence_iri(source.id, *span)
            meta += [
                (assertion.iri, BKG.evidence, sentence),
                (sentence, RDF.type, BKG.Sentence),
                (sentence, SDO.text, Literal(quote)),
                (sentence, BKG.startOffset, Literal(span[0], datatype=XSD.nonNegativeInteger)),
                (sentence, BKG.endOffset, Literal(span[1], datatype=XSD.nonNegativeInteger)),
                (sentence, SDO.isPartOf, source_iri(source.id)),
            ]
        _add(assembly, PROVENANCE_GRAPH, meta, display)
    assembly.assertions = assertions
    return assembly


def _entities_per_class(union: Graph) -> dict[str, int]:
    counts: Counter = Counter()
    for node in set(union.subjects(RDF.type, None)):
        if not str(node).startswith(str(BK)):
            continue
        types = set(union.objects(node, RDF.type))
        for cls in ENTITY_CLASSES:
            if cls in types:
                counts[cls.split("#")[-1]] += 1
                break
    return {name.split("#")[-1]: counts[name.split("#")[-1]] for name in ENTITY_CLASSES
            if counts[name.split("#")[-1]]}


def _input_hashes(layout: DataLayout) -> dict[str, str]:
    paths = [ontology_file(), layout.registry, *sorted(layout.sources.glob("*")),
             *sorted(layout.facts.glob("*.trig")), *sorted(layout.candidates.glob("*.trig"))]
    return {layout.display(p) if p != ontology_file() else "ontology/battery.ttl":
            hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}


def build(data: Path | DataLayout | None = None, out: Path | OutputLayout | None = None,
          include_candidates: bool = True, remote: str | None = None) -> BuildReport:
    """Build the graph from ``data`` into ``out``; raise :class:`DataNotConformError` if it does not conform.

    With ``remote`` (a SPARQL endpoint URL), the graph also replaces what that remote store held
    (see :mod:`graph.remote`). On any failure the previous outputs are left as they were.
    """
    layout = data if isinstance(data, DataLayout) else DataLayout(Path(data)) if data else DataLayout.default()
    output = out if isinstance(out, OutputLayout) else OutputLayout(Path(out)) if out else OutputLayout.default()
    seconds: dict[str, float] = {}

    started = time.perf_counter()
    assembly = assemble(layout, include_candidates)
    union = assembly.union()
    seconds["load"] = time.perf_counter() - started

    started = time.perf_counter()
    violations = validate(union, assembly.origins)
    seconds["validate"] = time.perf_counter() - started
    if assembly.problems or violations:
        lines = assembly.problems + [str(v) for v in violations]
        raise DataNotConformError(
            f"the data does not conform: {len(lines)} problem{'s' if len(lines) != 1 else ''}\n"
            + "\n".join(lines), violations=lines)

    started = time.perf_counter()
    output.root.mkdir(parents=True, exist_ok=True)
    nquads = to_store_nquads(assembly.dataset)
    staging = Path(tempfile.mkdtemp(prefix=".store-", dir=output.root))
    try:
        store = EmbeddedStore.create(staging)
        store.load_nquads(nquads.encode("utf-8"))
        store.close()
        del store
        trig = to_trig(assembly.dataset)
        turtle = to_turtle(union)
        jsonld = to_jsonld(assembly.dataset)
        if remote:
            from .remote import RemoteStore

            remote_store = RemoteStore(remote)
            try:
                remote_store.replace_all(nquads.encode("utf-8"))
            finally:
                remote_store.close()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    atomic.write_text(output.trig, trig)
    atomic.write_text(output.turtle, turtle)
    atomic.write_text(output.jsonld, jsonld)
    atomic.replace_dir(staging, output.store)
    seconds["write"] = time.perf_counter() - started

    facts_per_source: dict[str, int] = defaultdict(int)
    for assertion in assembly.assertions:
        facts_per_source[assertion.source_id] += len(assertion.triples)
    report = BuildReport(
        conforms=True,
        violations=[],
        entities_per_class=_entities_per_class(union),
        facts_per_source=dict(sorted(facts_per_source.items())),
        assertions=len(assembly.assertions),
        triples=len(union),
        seconds={k: round(v, 3) for k, v in seconds.items()},
        outputs={"trig": str(output.trig), "turtle": str(output.turtle), "jsonld": str(output.jsonld),
                 "store": str(output.store), **({"remote": remote} if remote else {})},
    )
    manifest = {"inputs": _input_hashes(layout), "triples": report.triples, "assertions": report.assertions,
                "entities_per_class": report.entities_per_class, "facts_per_source": report.facts_per_source}
    atomic.write_text(output.manifest, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return report
