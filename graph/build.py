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

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SDO, SKOS, XSD

from . import atomic
from .errors import DataNotConformError
from .facts import Assertion, load_assertions, parse_rdf_file, read_facts
from .layout import DataLayout, OutputLayout, ontology_file, shapes_file
from .namespace import (
    BK,
    BKG,
    ONTOLOGY_GRAPH,
    PREFIXES,
    PROVENANCE_GRAPH,
    REGISTRY_GRAPH,
    SOURCE,
    source_iri,
)
from .query import compact
from .serialize import to_jsonld, to_store_nquads, to_trig, to_turtle
from .sources import Source, load_sources, read_source
from .store import EmbeddedStore
from .validate import Violation, load_ontology, validate

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
    #: For an incremental build, the sources whose graphs were rebuilt (``None`` after a full build).
    changed_sources: list[str] | None = None

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


def _publisher_index(registry: Graph) -> dict[str, URIRef]:
    """Each publisher of the registry by its label and aliases (case-folded); the first in IRI order wins."""
    index: dict[str, URIRef] = {}
    for node in sorted(registry.subjects(RDF.type, BKG.Publisher)):
        names = [registry.value(node, RDFS.label)] + list(registry.objects(node, SKOS.altLabel))
        for n in names:
            if n is not None:
                index.setdefault(str(n).casefold(), node)
    return index


def _publisher_node(name: str, publishers: dict[str, URIRef]) -> tuple[URIRef, list[tuple]]:
    """The registry's publisher of that name (label or alias), or a new node for it."""
    wanted = name.casefold()
    if wanted in publishers:
        return publishers[wanted], []
    slug = re.sub(r"[^a-z0-9]+", "-", wanted).strip("-") or "unknown"
    node = BK[f"publisher-{slug}"]
    return node, [(node, RDF.type, BKG.Publisher), (node, RDFS.label, Literal(name, lang="en"))]


def _article_triples(source: Source, publishers: dict[str, URIRef]) -> list[tuple]:
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
        node, extra = _publisher_node(source.publisher, publishers)
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

    assertions, problems = load_assertions(layout, include_candidates)
    _assemble_sources(assembly, layout, load_sources(layout), assertions, problems, _publisher_index(registry))
    return assembly


def _assemble_sources(assembly: Assembly, layout: DataLayout, sources: dict[str, Source],
                      assertions: list[Assertion], problems: list[str], publishers: dict[str, URIRef]) -> None:
    """Add the articles, their assertion graphs and the provenance of each to ``assembly``."""
    assembly.sources = sources
    for source in assembly.sources.values():
        _add(assembly, PROVENANCE_GRAPH, _article_triples(source, publishers),
             layout.display(source.path.with_suffix(".json")))
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

#: Above this many triples the outputs are written by Oxigraph from quads in sorted order (rdflib's canonical
#: longturtle and JSON-LD writers take minutes there), and later builds may be incremental. Below it — the
#: curated data — every output is written byte for byte as before.
FAST_WRITE_TRIPLES = 50_000

#: Bump when the same inputs would build a different graph, so an incremental build never reuses old work.
BUILD_FORMAT = 1


def _ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _sort_key(quad) -> tuple[str, str, str, str]:
    graph = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
    return graph, str(quad.subject), str(quad.predicate), str(quad.object)


@dataclass
class _StoreFigures:
    """What a report says about the graph, read from the store of a large build."""

    triples: int
    assertions: int
    entities_per_class: dict[str, int]
    facts_per_source: dict[str, int]


def _dataset_quads(dataset: Dataset) -> list[ox.Quad]:
    return [ox.Quad(_ox(s), _ox(p), _ox(o), ox.NamedNode(str(g)))
            for s, p, o, g in dataset.quads((None, None, None, None)) if g is not None]


def _write_fast(quads: list[ox.Quad], output: OutputLayout) -> _StoreFigures:
    """Write TriG, Turtle and JSON-LD with Oxigraph from ``quads``, sorted so the bytes are stable.

    The quads come from the assembled dataset or the previous TriG, not from the store: Oxigraph stores
    every integer type as ``xsd:integer``, and our offsets are ``xsd:nonNegativeInteger``.
    """
    named = sorted(set(quads), key=_sort_key)
    union = sorted({ox.Quad(q.subject, q.predicate, q.object) for q in named}, key=_sort_key)
    prefixes = dict(PREFIXES)
    atomic.write_bytes(output.trig, ox.serialize(named, format=ox.RdfFormat.TRIG, prefixes=prefixes))
    atomic.write_bytes(output.turtle, ox.serialize((q.triple for q in union), format=ox.RdfFormat.TURTLE,
                                                   prefixes=prefixes))
    atomic.write_bytes(output.jsonld, ox.serialize(named, format=ox.RdfFormat.JSON_LD))

    types: dict[str, set[str]] = defaultdict(set)
    rdf_type = str(RDF.type)
    for q in union:
        if q.predicate.value == rdf_type and isinstance(q.subject, ox.NamedNode):
            types[q.subject.value].add(q.object.value if isinstance(q.object, ox.NamedNode) else "")
    counts: Counter = Counter()
    for node, classes in types.items():
        if node.startswith(str(BK)):
            for cls in ENTITY_CLASSES:
                if str(cls) in classes:
                    counts[cls.split("#")[-1]] += 1
                    break
    facts: Counter = Counter()
    graphs: set[str] = set()
    base = str(SOURCE)
    for q in named:
        name = q.graph_name.value
        if name.startswith(base) and "/" in name[len(base):]:
            facts[name[len(base):].split("/", 1)[0]] += 1
            graphs.add(name)
    return _StoreFigures(
        triples=len(union), assertions=len(graphs),
        entities_per_class={c.split("#")[-1]: counts[c.split("#")[-1]] for c in ENTITY_CLASSES
                            if counts[c.split("#")[-1]]},
        facts_per_source=dict(sorted(facts.items())))


def _source_files(layout: DataLayout, source_id: str, include_candidates: bool) -> list[Path]:
    files = [layout.sources / f"{source_id}.txt", layout.sources / f"{source_id}.json",
             layout.facts / f"{source_id}.trig"]
    return files + ([layout.candidates / f"{source_id}.trig"] if include_candidates else [])


def _source_hashes(layout: DataLayout, include_candidates: bool) -> dict[str, str]:
    """One content hash per source: its text, metadata, facts and (if included) candidates."""
    ids = {p.stem for p in layout.sources.glob("*.txt")} | {p.stem for p in layout.facts.glob("*.trig")}
    if include_candidates:
        ids |= {p.stem for p in layout.candidates.glob("*.trig")}
    hashes = {}
    for source_id in sorted(ids):
        digest = hashlib.sha256()
        for path in _source_files(layout, source_id, include_candidates):
            digest.update(path.name.encode() + b"\0")
            digest.update(path.read_bytes() if path.is_file() else b"\0absent\0")
        hashes[source_id] = digest.hexdigest()
    return hashes


def _context_hash(layout: DataLayout, include_candidates: bool) -> str:
    """What every source's graph depends on: ontology, shapes, registry, build format and options."""
    digest = hashlib.sha256(f"{BUILD_FORMAT}:{include_candidates}".encode())
    for path in (ontology_file(), shapes_file(), layout.registry):
        digest.update(path.read_bytes() if path.is_file() else b"\0absent\0")
    return digest.hexdigest()


def _source_quads(store: ox.Store, source_ids: list[str], graphs: list[ox.NamedNode]) -> list[ox.Quad]:
    """Every quad the sources ``source_ids`` put in the store: their assertion graphs and their provenance."""
    provenance = ox.NamedNode(str(PROVENANCE_GRAPH))
    part_of = ox.NamedNode(str(SDO.isPartOf))
    found: list[ox.Quad] = []
    for source_id in source_ids:
        article = ox.NamedNode(str(source_iri(source_id)))
        prefix = article.value + "/"
        mine = [g for g in graphs if g.value.startswith(prefix)]
        subjects = [article, *mine]
        subjects += [q.subject for q in store.quads_for_pattern(None, part_of, article, provenance)]
        for graph in mine:
            found += store.quads_for_pattern(None, None, None, graph)
        for subject in subjects:
            found += store.quads_for_pattern(subject, None, None, provenance)
    return found


def _previous_quads(output: OutputLayout, dropped: list[str]) -> list[ox.Quad]:
    """The quads of the previous build (read back from its TriG), without those of the ``dropped`` sources."""
    prefixes = tuple(str(source_iri(i)) + c for i in dropped for c in "/#")
    articles = {str(source_iri(i)) for i in dropped}
    provenance = str(PROVENANCE_GRAPH)
    kept = []
    for quad in ox.parse(path=str(output.trig), format=ox.RdfFormat.TRIG):
        graph = quad.graph_name.value
        if graph.startswith(prefixes):
            continue
        if graph == provenance and isinstance(quad.subject, ox.NamedNode) and (
                quad.subject.value in articles or quad.subject.value.startswith(prefixes)):
            continue
        kept.append(quad)
    return kept


def _origin(graph: ox.NamedNode, subject, layout: DataLayout) -> str:
    name, base = graph.value, str(SOURCE)
    if name == str(REGISTRY_GRAPH):
        return layout.display(layout.registry)
    if name == str(ONTOLOGY_GRAPH):
        return "ontology/battery.ttl"
    if name.startswith(base):
        source_id = name[len(base):].split("/", 1)[0]
        facts = layout.facts / f"{source_id}.trig"
        return layout.display(facts if facts.exists() else layout.candidates / f"{source_id}.trig")
    if isinstance(subject, ox.NamedNode) and subject.value.startswith(base):
        source_id = re.split(r"[/#]", subject.value[len(base):], maxsplit=1)[0]
        return layout.display(layout.sources / f"{source_id}.json")
    return name


def _neighbourhood(by_subject: dict, focus: set, layout: DataLayout) -> tuple[Graph, dict, set]:
    """What SHACL needs to judge the ``focus`` nodes: all their triples, the classes and labels of what they
    point at, the place hierarchy above both, and the ontology. Returns the graph, each triple's files, and
    the nodes whose verdict is complete (focus nodes and the entities they reference).

    ``by_subject`` indexes the quads of the new dataset (exact terms, as assembled or read from the TriG)."""
    from .query import to_rdflib

    graph, origins = Graph(), {}

    def add(quad) -> None:
        triple = (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
        if isinstance(quad.object, ox.Literal) and quad.object.datatype.value == str(XSD.string):
            triple = (triple[0], triple[1], Literal(quad.object.value))  # rdflib's plain literal
        graph.add(triple)
        origins.setdefault(triple, set()).add(_origin(quad.graph_name, quad.subject, layout))

    described = {str(p) for p in (RDF.type, RDFS.label, SDO.containedInPlace)}
    referenced: set = set()
    for node in focus:
        for quad in by_subject.get(node, ()):
            add(quad)
            if isinstance(quad.object, ox.NamedNode) and quad.object not in focus:
                referenced.add(quad.object)
    seen, queue = set(focus), list(referenced)
    while queue:  # classes, labels and the containedInPlace chain, up to the country
        node = queue.pop()
        if node in seen:
            continue
        seen.add(node)
        for quad in by_subject.get(node, ()):
            if quad.predicate.value in described:
                add(quad)
                if quad.predicate.value == str(SDO.containedInPlace) and quad.object not in seen:
                    queue.append(quad.object)
    graph += load_ontology()  # for the class hierarchy of sh:class
    return graph, origins, {to_rdflib(n) for n in focus} | {to_rdflib(n) for n in referenced}


def _not_conform(lines: list[str]) -> DataNotConformError:
    return DataNotConformError(
        f"the data does not conform: {len(lines)} problem{'s' if len(lines) != 1 else ''}\n" + "\n".join(lines),
        violations=lines)


def _build_incremental(layout: DataLayout, output: OutputLayout, include_candidates: bool,
                       context: str, hashes: dict[str, str]) -> BuildReport | None:
    """Rebuild only what the changed sources touch, on a copy of the previous store; ``None`` when a full
    build is needed (no previous large build, other ontology/shapes/registry, or most sources changed)."""
    try:
        previous = json.loads(output.manifest.read_text(encoding="utf-8")).get("incremental") or {}
    except (OSError, ValueError):
        return None
    if (not previous.get("fast") or previous.get("context") != context or previous.get("generated_publishers")
            or not all(p.exists() for p in (output.store, output.trig, output.turtle, output.jsonld))):
        return None
    old = previous.get("sources", {})
    changed = sorted(k for k in set(old) | set(hashes) if old.get(k) != hashes.get(k))
    if len(changed) > max(10, len(hashes) // 10):
        return None
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    staging = Path(tempfile.mkdtemp(prefix=".store-", dir=output.root))
    try:
        shutil.copytree(output.store, staging, dirs_exist_ok=True)
        store = ox.Store(str(staging))
        publishers: dict[str, URIRef] = {}
        for row in store.query(
                f"SELECT ?p ?n WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ ?p a <{BKG.Publisher}> . "
                f"{{ ?p <{RDFS.label}> ?n }} UNION {{ ?p <{SKOS.altLabel}> ?n }} }} }} ORDER BY ?p"):
            publishers.setdefault(row["n"].value.casefold(), URIRef(row["p"].value))
        sources, assertions, problems = {}, [], []
        for source_id in changed:
            text = layout.sources / f"{source_id}.txt"
            if text.is_file():
                sources[source_id] = read_source(text)
            for folder, status, wanted in ((layout.facts, BKG.Reviewed, True),
                                           (layout.candidates, BKG.Extracted, include_candidates)):
                if wanted and (folder / f"{source_id}.trig").is_file():
                    found, trouble = read_facts(folder / f"{source_id}.trig", layout, status)
                    assertions += found
                    problems += trouble
        part = Assembly(dataset=Dataset())
        _assemble_sources(part, layout, sources, assertions, problems, publishers)
        provenance = part.dataset.graph(PROVENANCE_GRAPH)
        if any(provenance.triples((None, RDF.type, BKG.Publisher))):
            raise _FullBuildNeeded
        new = _dataset_quads(part.dataset)
        quads = _previous_quads(output, changed) + new
        if len(quads) < 3 * FAST_WRITE_TRIPLES and len(
                {(q.subject, q.predicate, q.object) for q in quads}) <= FAST_WRITE_TRIPLES:
            raise _FullBuildNeeded  # small again: written by rdflib, as a full build would
        by_subject: dict = defaultdict(list)
        for quad in quads:
            by_subject[quad.subject].append(quad)
        removed = _source_quads(store, changed, list(store.named_graphs()))
        seconds["load"] = time.perf_counter() - started

        started = time.perf_counter()
        focus = {t for q in removed + new for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}
        data, origins, judged = _neighbourhood(by_subject, focus, layout)
        judged_names = {compact(n) for n in judged}
        violations = [v for v in validate(data, origins) if v.focus in judged_names]
        seconds["validate"] = time.perf_counter() - started
        if part.problems or violations:
            raise _not_conform(part.problems + [str(v) for v in violations])

        started = time.perf_counter()
        for quad in removed:
            store.remove(quad)
        store.extend(new)
        for quad in removed:  # the union (default graph) keeps a triple while any graph still holds it
            if not any(not isinstance(q.graph_name, ox.DefaultGraph)
                       for q in store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)):
                store.remove(ox.Quad(quad.subject, quad.predicate, quad.object, ox.DefaultGraph()))
        store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in new)
        store.flush()
        del store
        figures = _write_fast(quads, output)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, _FullBuildNeeded):
            return None
        raise
    atomic.replace_dir(staging, output.store)
    seconds["write"] = time.perf_counter() - started
    report = BuildReport(
        conforms=True, violations=[], entities_per_class=figures.entities_per_class,
        facts_per_source=figures.facts_per_source, assertions=figures.assertions, triples=figures.triples,
        seconds={k: round(v, 3) for k, v in seconds.items()},
        outputs={"trig": str(output.trig), "turtle": str(output.turtle), "jsonld": str(output.jsonld),
                 "store": str(output.store)},
        changed_sources=changed)
    _write_manifest(output, layout, report, {"fast": True, "context": context, "sources": hashes,
                                             "generated_publishers": False})
    return report


class _FullBuildNeeded(Exception):
    """An incremental build met something only a full build handles (a publisher not in the registry)."""


def _write_manifest(output: OutputLayout, layout: DataLayout, report: BuildReport, incremental: dict) -> None:
    manifest = {"inputs": _input_hashes(layout), "triples": report.triples, "assertions": report.assertions,
                "entities_per_class": report.entities_per_class, "facts_per_source": report.facts_per_source,
                "incremental": incremental}
    atomic.write_text(output.manifest, json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def build(data: Path | DataLayout | None = None, out: Path | OutputLayout | None = None,
          include_candidates: bool = True, remote: str | None = None, incremental: bool = True) -> BuildReport:
    """Build the graph from ``data`` into ``out``; raise :class:`DataNotConformError` if it does not conform.

    A large graph (over :data:`FAST_WRITE_TRIPLES` triples) is written by Oxigraph, and rebuilt
    *incrementally* when it can be (``incremental=True``, no ``remote``, same ontology, shapes and registry,
    few sources changed): the named graphs of the changed sources are replaced in a copy of the previous
    store and only they — with the registry entities they reference and the ontology — are validated.
    The outputs are the same as a full build's.

    With ``remote`` (a SPARQL endpoint URL), the graph also replaces what that remote store held
    (see :mod:`graph.remote`). On any failure the previous outputs are left as they were.
    """
    layout = data if isinstance(data, DataLayout) else DataLayout(Path(data)) if data else DataLayout.default()
    output = out if isinstance(out, OutputLayout) else OutputLayout(Path(out)) if out else OutputLayout.default()
    seconds: dict[str, float] = {}
    context, hashes = _context_hash(layout, include_candidates), _source_hashes(layout, include_candidates)
    if incremental and not remote and output.manifest.exists():
        report = _build_incremental(layout, output, include_candidates, context, hashes)
        if report is not None:
            return report

    started = time.perf_counter()
    assembly = assemble(layout, include_candidates)
    union = assembly.union()
    seconds["load"] = time.perf_counter() - started

    started = time.perf_counter()
    violations = validate(union, assembly.origins)
    seconds["validate"] = time.perf_counter() - started
    if assembly.problems or violations:
        raise _not_conform(assembly.problems + [str(v) for v in violations])
    fast = len(union) > FAST_WRITE_TRIPLES

    started = time.perf_counter()
    output.root.mkdir(parents=True, exist_ok=True)
    nquads = to_store_nquads(assembly.dataset)
    staging = Path(tempfile.mkdtemp(prefix=".store-", dir=output.root))
    try:
        store = EmbeddedStore.create(staging)
        store.load_nquads(nquads.encode("utf-8"))
        if fast:
            _write_fast(_dataset_quads(assembly.dataset), output)
        store.close()
        del store
        if not fast:
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
    if not fast:
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
    generated = any(assembly.dataset.graph(PROVENANCE_GRAPH).triples((None, RDF.type, BKG.Publisher)))
    _write_manifest(output, layout, report, {"fast": fast and not remote, "context": context, "sources": hashes,
                                             "generated_publishers": generated})
    return report
