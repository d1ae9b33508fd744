"""Read every input of the graph into quads, part by part: the ontology, the registry, the publishers no
registry entry names, and one part per source.

A part (:class:`Chunk`) is the unit a large build writes and rebuilds: a source's chunk holds its article's
provenance (the article, its sentences with their offsets, its assertions) and its assertion graphs, so
changing one article changes one chunk. Quads are pyoxigraph terms, read with Oxigraph's parsers; the rdflib
view (:attr:`Assembly.dataset`) is made only when asked, for small graphs.

>>> assembly = assemble()
>>> [chunk.key for chunk in assembly.chunks][:3]
['ontology', 'registry', 'publishers']
>>> source = assembly.chunk("source:003_a93420692c2367a5")
>>> len(source.quads) > 50, assembly.problems
(True, [])
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.namespace import RDF, RDFS, SDO, SKOS, XSD

from ..facts import Assertion, has_blank_node, load_assertions, parse_quads, read_facts
from ..folders import DataLayout, ontology_file
from ..names import shared_names
from ..namespace import BK, BKG, ONTOLOGY_GRAPH, PROVENANCE_GRAPH, REGISTRY_GRAPH, SOURCE, curie, source_iri
from ..sources import Source, load_sources, read_source
from ..terms import rdflib_triple, to_rdflib

__all__ = ["Assembly", "Chunk", "assemble", "assemble_sources", "sentence_iri", "ONTOLOGY_DISPLAY"]

ONTOLOGY_DISPLAY = "ontology/battery.ttl"

_PROVENANCE = ox.NamedNode(str(PROVENANCE_GRAPH))


def _node(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_TYPE, _LABEL, _ALT = _node(RDF.type), _node(RDFS.label), _node(SKOS.altLabel)
_CONTAINED = _node(SDO.containedInPlace)
_INTEGER, _DATE, _DECIMAL, _ANY_URI = _node(XSD.integer), _node(XSD.date), _node(XSD.decimal), _node(XSD.anyURI)
_ARTICLE, _ASSERTION, _SENTENCE = _node(BKG.Article), _node(BKG.Assertion), _node(BKG.Sentence)
_SOURCE_ID, _BODY, _HEADLINE = _node(BKG.sourceId), _node(SDO.articleBody), _node(SDO.headline)
_DATE_PUBLISHED, _URL, _PUBLISHER = _node(SDO.datePublished), _node(SDO.url), _node(SDO.publisher)
_IN_LANGUAGE, _SAME_AS = _node(SDO.inLanguage), _node(SDO.sameAs)
_SOURCE, _STATUS, _CONFIDENCE, _EVIDENCE = _node(BKG.source), _node(BKG.status), _node(BKG.confidence), \
    _node(BKG.evidence)
_TEXT, _START, _END, _PART_OF = _node(SDO.text), _node(BKG.startOffset), _node(BKG.endOffset), _node(SDO.isPartOf)


def sentence_iri(source_id: str, start: int, end: int) -> ox.NamedNode:
    """The IRI of a sentence: its article's IRI with an RFC 5147 fragment of its offsets.

    >>> sentence_iri("s1", 10, 42).value
    'https://w3id.org/battery-kg/source/s1#char=10,42'
    """
    return ox.NamedNode(f"{source_iri(source_id)}#char={start},{end}")


@dataclass
class Chunk:
    """One part of the dataset, with the file each of its quads came from."""

    key: str
    parts: list[tuple[str, list[ox.Quad]]] = field(default_factory=list)

    def add(self, display: str, quads: list[ox.Quad]) -> None:
        if self.parts and self.parts[-1][0] == display:
            self.parts[-1][1].extend(quads)
        else:
            self.parts.append((display, list(quads)))

    @cached_property
    def quads(self) -> list[ox.Quad]:
        """Every quad of the chunk once: provenance first, then the assertion graphs, each in reading order."""
        provenance = [q for _f, quads in self.parts for q in quads if q.graph_name == _PROVENANCE]
        others = [q for _f, quads in self.parts for q in quads if q.graph_name != _PROVENANCE]
        return list(dict.fromkeys(provenance + others))

    @property
    def source_id(self) -> str | None:
        return self.key.split(":", 1)[1] if self.key.startswith("source:") else None


@dataclass
class Assembly:
    """Every input read into chunks, the problems found on the way, and the sources and assertions read."""

    chunks: list[Chunk] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    assertions: list[Assertion] = field(default_factory=list)

    def chunk(self, key: str) -> Chunk:
        return next(c for c in self.chunks if c.key == key)

    def quads(self) -> Iterator[ox.Quad]:
        for chunk in self.chunks:
            yield from chunk.quads

    @cached_property
    def dataset(self) -> Dataset:
        """The rdflib Dataset of every named graph (for small graphs: pySHACL and the canonical writers)."""
        dataset = Dataset()
        for quad in self.quads():
            dataset.graph(to_rdflib(quad.graph_name)).add(rdflib_triple(quad))
        return dataset

    @cached_property
    def origins(self) -> dict[tuple, set[str]]:
        """Each rdflib triple with the files it came from."""
        origins: dict[tuple, set[str]] = defaultdict(set)
        for chunk in self.chunks:
            for display, quads in chunk.parts:
                for quad in quads:
                    origins[rdflib_triple(quad)].add(display)
        return dict(origins)

    def union(self) -> Graph:
        """The RDF merge of every named graph, as an rdflib Graph."""
        graph = Graph()
        for triple in self.origins:
            graph.add(triple)
        return graph

    def graph_files(self) -> dict[str, str]:
        """The file behind each named graph and each provenance subject, for naming files in messages."""
        files: dict[str, str] = {}
        for chunk in self.chunks:
            for display, quads in chunk.parts:
                for quad in quads:
                    key = quad.subject.value if quad.graph_name == _PROVENANCE else quad.graph_name.value
                    files.setdefault(key, display)
        return files


def _in_graph(quads, graph: ox.NamedNode) -> list[ox.Quad]:
    return [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]


def _publisher_index(registry: list[ox.Quad]) -> dict[str, ox.NamedNode]:
    """Each publisher of the registry by its label and aliases (case-folded); the first in IRI order wins."""
    kind = _node(BKG.Publisher)
    publishers = sorted({q.subject.value for q in registry if q.predicate == _TYPE and q.object == kind})
    names = defaultdict(list)
    for q in registry:
        if q.predicate in (_LABEL, _ALT) and q.subject.value in publishers:
            names[q.subject.value].append(q.object.value)
    index: dict[str, ox.NamedNode] = {}
    for iri in publishers:
        for name in names[iri]:
            index.setdefault(name.casefold(), ox.NamedNode(iri))
    return index


def publisher_node(name: str, publishers: dict[str, ox.NamedNode]) -> tuple[ox.NamedNode, bool]:
    """The registry's publisher of that name (label or alias), or the IRI of a new one (``True`` when new)."""
    wanted = name.casefold()
    if wanted in publishers:
        return publishers[wanted], False
    slug = re.sub(r"[^a-z0-9]+", "-", wanted).strip("-") or "unknown"
    return _node(BK[f"publisher-{slug}"]), True


def _article_quads(source: Source, publishers: dict[str, ox.NamedNode]) -> list[ox.Quad]:
    article = _node(source_iri(source.id))
    triples = [(article, _TYPE, _ARTICLE), (article, _SOURCE_ID, ox.Literal(source.id)),
               (article, _BODY, ox.Literal(source.text))]
    if source.headline:
        triples.append((article, _HEADLINE, ox.Literal(source.headline)))
    if source.date_published:
        triples.append((article, _DATE_PUBLISHED, ox.Literal(source.date_published.isoformat(), datatype=_DATE)))
    if source.url:
        triples.append((article, _URL, ox.Literal(source.url, datatype=_ANY_URI)))
    if source.language:
        triples.append((article, _IN_LANGUAGE, ox.Literal(source.language)))
    for url in source.same_as:
        triples.append((article, _SAME_AS, ox.Literal(url, datatype=_ANY_URI)))
    if source.publisher:
        triples.append((article, _PUBLISHER, publisher_node(source.publisher, publishers)[0]))
    return [ox.Quad(s, p, o, _PROVENANCE) for s, p, o in triples]


def _assertion_provenance(assertion: Assertion, source: Source, problems: list[str], display: str,
                          article: ox.NamedNode, source_display: str) -> list[ox.Quad]:
    node = _node(assertion.iri)
    triples = [(node, _TYPE, _ASSERTION), (node, _SOURCE, article), (node, _STATUS, _node(assertion.status))]
    if assertion.confidence is not None:
        triples.append((node, _CONFIDENCE, ox.Literal(str(assertion.confidence), datatype=_DECIMAL)))
    for quote in assertion.quotes:
        span = source.locate(quote)
        if span is None:
            shown = quote if len(quote) <= 80 else quote[:77] + "..."
            problems.append(f"{display}: assertion <{assertion.iri}>: the quote {shown!r} is not in the text of "
                            f"{source_display}")
            continue
        sentence = sentence_iri(source.id, *span)
        triples += [(node, _EVIDENCE, sentence), (sentence, _TYPE, _SENTENCE), (sentence, _TEXT, ox.Literal(quote)),
                    (sentence, _START, ox.Literal(str(span[0]), datatype=_INTEGER)),
                    (sentence, _END, ox.Literal(str(span[1]), datatype=_INTEGER)),
                    (sentence, _PART_OF, article)]
    return [ox.Quad(s, p, o, _PROVENANCE) for s, p, o in triples]


def assemble_sources(layout: DataLayout, source_ids: list[str], publishers: dict[str, ox.NamedNode],
                     include_candidates: bool = True, sources: dict[str, Source] | None = None,
                     assertions: list[Assertion] | None = None,
                     problems: list[str] | None = None) -> tuple[list[Chunk], list[str]]:
    """The chunks of the given sources, read from their files (or from ``sources``/``assertions`` already read).

    Returns the chunks (in the order of ``source_ids``, one for each source with an article or facts) and the
    problems found: facts without an article, quotes that are not in the article, and what
    :func:`graph.facts.read_facts` reports.
    """
    problems = list(problems or [])
    if sources is None:
        sources = {i: read_source(layout.sources / f"{i}.txt") for i in source_ids
                   if (layout.sources / f"{i}.txt").is_file()}
    if assertions is None:
        assertions = []
        for source_id in source_ids:
            for folder, status, wanted in ((layout.facts, BKG.Reviewed, True),
                                           (layout.candidates, BKG.Extracted, include_candidates)):
                path = folder / f"{source_id}.trig"
                if wanted and path.is_file():
                    found, trouble = read_facts(path, layout, status)
                    assertions += found
                    problems += trouble
    by_source: dict[str, list[Assertion]] = defaultdict(list)
    for assertion in assertions:
        by_source[assertion.source_id].append(assertion)
    chunks = []
    displays: dict[Path, str] = {}
    for source_id in source_ids:
        source = sources.get(source_id)
        chunk = Chunk(f"source:{source_id}")
        if source is not None:
            chunk.add(layout.display(source.path.with_suffix(".json")), _article_quads(source, publishers))
        for assertion in by_source.get(source_id, []):
            display = displays.get(assertion.path) or displays.setdefault(assertion.path,
                                                                          layout.display(assertion.path))
            if source is None:
                missing = f"{display}: no article {layout.display(layout.sources / f'{source_id}.txt')} for these facts"
                if missing not in problems:  # once per file, not once per assertion
                    problems.append(missing)
                continue
            chunk.add(display, _assertion_provenance(assertion, source, problems, display,
                                                     _node(source_iri(source.id)), layout.display(source.path)))
            chunk.add(display, assertion.quads)
        if chunk.parts:
            chunks.append(chunk)
    return chunks, problems


def generated_publishers(sources: dict[str, Source] | list[str | None], publishers: dict[str, ox.NamedNode],
                         layout_display: str = "data/sources") -> Chunk:
    """The chunk of publishers the articles name that the registry does not: a node with its label each."""
    names = [s.publisher for s in sources.values()] if isinstance(sources, dict) else list(sources)
    chunk = Chunk("publishers")
    seen = {}
    for name in sorted(n for n in names if n):
        node, new = publisher_node(name, publishers)
        if new and node.value not in seen:
            seen[node.value] = [ox.Quad(node, _TYPE, _node(BKG.Publisher), _PROVENANCE),
                                ox.Quad(node, _LABEL, ox.Literal(name, language="en"), _PROVENANCE)]
    for iri in sorted(seen):
        chunk.add(layout_display, seen[iri])
    return chunk


def read_registry(layout: DataLayout) -> tuple[Chunk, dict[str, ox.NamedNode]]:
    """The registry chunk (every registry file, each a part of it) and its index of publishers by name."""
    chunk = Chunk("registry")
    everything: list[ox.Quad] = []
    for path in layout.registry_files:
        display = layout.display(path)
        quads = parse_quads(path, display, "turtle")
        chunk.add(display, _in_graph(quads, _node(REGISTRY_GRAPH)))
        everything += quads
    return chunk, _publisher_index(everything)


def duplicate_names(parts: list[tuple[str, list[ox.Quad]]]) -> list[str]:
    """Two entities of one class in the registry under one name (label or alias, normalised): one real thing
    split in two, or two things a reader cannot tell apart. ``batterykg duplicates`` shows the evidence;
    ``batterykg judge`` merges them or records that they differ. ``parts``: each registry file's display name
    and quads."""
    names: dict[str, list[str]] = defaultdict(list)
    classes: dict[str, list[str]] = defaultdict(list)
    containers: dict[str, str] = {}
    files: dict[str, str] = {}
    for display, quads in parts:
        for q in quads:
            if q.predicate == _TYPE:
                files.setdefault(q.subject.value, display)
    for q in (q for _, quads in parts for q in quads):
        if q.predicate in (_LABEL, _ALT) and isinstance(q.object, ox.Literal):
            names[q.subject.value].append(q.object.value)
        elif q.predicate == _TYPE:
            classes[q.subject.value].append(q.object.value)
        elif q.predicate == _CONTAINED:
            containers[q.subject.value] = q.object.value
    entities = [(iri, cls, names[iri], containers.get(iri)) for iri in sorted(names) for cls in classes[iri]
                if cls != str(BKG.Publisher)]
    return [f"{files[second]}: {curie(first)} and {curie(second)} are both a {curie(cls)} named {name!r}: one "
            f"thing under two IRIs, or two things a reader cannot tell apart (batterykg duplicates; batterykg judge)"
            + (f"; {curie(first)} is in {files[first]}" if files[first] != files[second] else "")
            for name, cls, first, second in shared_names(entities)]


def read_ontology() -> Chunk:
    chunk = Chunk("ontology")
    chunk.add(ONTOLOGY_DISPLAY, _in_graph(parse_quads(ontology_file(), ONTOLOGY_DISPLAY, "turtle"),
                                          _node(ONTOLOGY_GRAPH)))
    return chunk


def source_ids(layout: DataLayout, include_candidates: bool = True) -> list[str]:
    """The ids of every source of the data folder: those with an article, facts or (if included) candidates."""
    def stems(folder, suffix: str) -> set[str]:
        return {name[:-len(suffix)] for name in os.listdir(folder) if name.endswith(suffix)} \
            if folder.is_dir() else set()

    ids = stems(layout.sources, ".txt") | stems(layout.facts, ".trig")
    if include_candidates:
        ids |= stems(layout.candidates, ".trig")
    return sorted(ids)


def assemble(layout: DataLayout | None = None, include_candidates: bool = True) -> Assembly:
    """Read every input of ``layout`` into chunks, without validating them."""
    layout = (layout or DataLayout.default()).require()
    registry, publishers = read_registry(layout)
    sources = load_sources(layout)
    assertions, problems = load_assertions(layout, include_candidates)
    chunks, problems = assemble_sources(layout, source_ids(layout, include_candidates), publishers,
                                        include_candidates, sources=sources, assertions=assertions,
                                        problems=problems)
    for display, quads in registry.parts:
        blank = next((quad for quad in quads if has_blank_node(quad)), None)
        if blank is not None:
            problems.append(f"{display}: a blank node in {blank}: give the node an IRI")
    problems += duplicate_names(registry.parts)
    publishers_chunk = generated_publishers(sources, publishers, layout.display(layout.sources))
    return Assembly(chunks=[read_ontology(), registry, publishers_chunk, *chunks], problems=problems,
                    sources=sources, assertions=assertions)


def source_of_graph(name: str) -> str | None:
    """The source id of an assertion graph or provenance subject IRI, or ``None``.

    >>> source_of_graph("https://w3id.org/battery-kg/source/s1/a02"), source_of_graph("https://w3id.org/battery-kg/source/s1#char=1,5")
    ('s1', 's1')
    """
    base = str(SOURCE)
    if not name.startswith(base):
        return None
    return re.split(r"[/#]", name[len(base):], maxsplit=1)[0] or None


def files_for(layout: DataLayout, name: str) -> str:
    """The file a named graph or provenance subject most likely came from, when the chunks are not at hand."""
    if name == str(REGISTRY_GRAPH):
        return layout.display(layout.registry)
    if name == str(ONTOLOGY_GRAPH):
        return ONTOLOGY_DISPLAY
    source_id = source_of_graph(name)
    if source_id is None:
        return name
    if name == str(source_iri(source_id)):
        return layout.display(layout.sources / f"{source_id}.json")
    facts = layout.facts / f"{source_id}.trig"
    return layout.display(facts if facts.exists() else layout.candidates / f"{source_id}.trig")
