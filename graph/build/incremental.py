"""Incremental builds of a large graph: checkpoint the store, replace the changed sources' graphs, validate the nodes
they touch and those whose verdict depends on them, and rewrite only their chunks of the files."""

from __future__ import annotations

import shutil
from collections import Counter

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, SDO, SKOS

from .. import atomic, freshness
from ..folders import DataLayout, OutputLayout
from ..namespace import BK, BKG, ONTOLOGY_GRAPH, PROVENANCE_GRAPH, REGISTRY_GRAPH, source_iri
from ..sources import read_source
from . import exports
from .assembly import assemble_sources, files_for, generated_publishers, source_of_graph
from .load import compact_or_reload, record_store_size, staging_dir
from .manifest import BUILD_FORMAT, write_manifest
from .report import (
    BuildReport,
    Timer,
    class_counts,
    make_report,
    not_conform,
    ordered_counts,
    source_figures,
    stored_classes,
)
from .validate import compiled_shapes, is_large, validate_store

__all__ = ["build_incremental", "INCREMENTAL_SOURCES"]

_PROVENANCE = str(PROVENANCE_GRAPH)
_DEFAULT = ox.DefaultGraph()
_RDF_TYPE = str(RDF.type)
_CHUNKS_FIRST = ("ontology", "registry", "publishers")



#: An incremental build is taken when at most this many sources changed, or a tenth of them.
INCREMENTAL_SOURCES = 10


class _FullBuildNeeded(Exception):
    """An incremental build met something only a full build handles."""


def _chunk_rank(key: str) -> tuple[int, str]:
    """Where a chunk stands in the files: ontology, registry, publishers, then the sources by id."""
    return (_CHUNKS_FIRST.index(key), "") if key in _CHUNKS_FIRST else (len(_CHUNKS_FIRST), key)


def _holder(graph: str, subject) -> str | None:
    """The chunk that holds a quad of ``graph`` (with ``subject``)."""
    if graph == str(ONTOLOGY_GRAPH):
        return "ontology"
    if graph == str(REGISTRY_GRAPH):
        return "registry"
    if graph == _PROVENANCE:
        source_id = source_of_graph(subject.value) if isinstance(subject, ox.NamedNode) else None
        return f"source:{source_id}" if source_id else "publishers"
    source_id = source_of_graph(graph)
    return f"source:{source_id}" if source_id else None


def _holders(store: ox.Store, triple) -> set[str]:
    """The chunks whose named graphs hold ``triple``."""
    return {_holder(q.graph_name.value, q.subject)
            for q in store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
            if not isinstance(q.graph_name, ox.DefaultGraph)} - {None}


def _stored_quads(store: ox.Store, source_id: str) -> list[ox.Quad]:
    """The quads the source ``source_id`` holds in ``store``: its assertion graphs and its provenance."""
    article = ox.NamedNode(str(source_iri(source_id)))
    provenance = ox.NamedNode(_PROVENANCE)
    graphs = [row[0] for row in store.query(
        f'SELECT DISTINCT ?g WHERE {{ GRAPH <{_PROVENANCE}> {{ ?g <{BKG.source}> <{article.value}> }} }}')]
    sentences = [q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(SDO.isPartOf)), article,
                                                             provenance)]
    found: list[ox.Quad] = []
    for graph in graphs:
        found += store.quads_for_pattern(None, None, None, graph)
    for subject in [article, *graphs, *sentences]:
        found += store.quads_for_pattern(subject, None, None, provenance)
    return list(dict.fromkeys(found))


def _publishers_of_registry(store: ox.Store) -> dict[str, ox.NamedNode]:
    publishers: dict[str, ox.NamedNode] = {}
    for row in store.query(
            f"SELECT ?p ?n WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ ?p a <{BKG.Publisher}> . "
            f"{{ ?p <{RDFS.label}> ?n }} UNION {{ ?p <{SKOS.altLabel}> ?n }} }} }} ORDER BY ?p"):
        publishers.setdefault(row["n"].value.casefold(), row["p"])
    return publishers


def _apply(store: ox.Store, removed: list[ox.Quad], added: list[ox.Quad]) -> int:
    """Replace ``removed`` by ``added`` in the named graphs and keep the default graph their union.

    Returns the change in the number of union triples."""
    added_set = set(added)
    removed = [q for q in removed if q not in added_set]
    removed_set = set(removed)
    added = [q for q in added if q not in removed_set]
    for quad in removed:
        store.remove(quad)
    store.extend(added)
    delta = 0
    for triple in {q.triple for q in removed}:
        if not any(not isinstance(q.graph_name, ox.DefaultGraph)
                   for q in store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)):
            default = ox.Quad(triple.subject, triple.predicate, triple.object, _DEFAULT)
            if default in store:
                store.remove(default)
                delta -= 1
    for triple in {q.triple for q in added}:
        default = ox.Quad(triple.subject, triple.predicate, triple.object, _DEFAULT)
        if default not in store:
            store.add(default)
            delta += 1
    return delta


def _focus(store: ox.Store, touched: list[ox.Quad], dependencies: set[str]) -> set:
    """The nodes whose verdict the change may alter: every node of a touched triple and, where a triple that
    other shapes look through changed (a type, a place hierarchy), the nodes that link to it."""
    focus = {t for q in touched for t in (q.subject, q.object) if not isinstance(t, ox.Literal)}
    queue = [q.subject for q in touched if q.predicate.value in dependencies]
    seen = set()
    while queue:
        node = queue.pop()
        if node in seen:
            continue
        seen.add(node)
        for quad in store.quads_for_pattern(None, None, node, _DEFAULT):
            focus.add(quad.subject)
            if quad.predicate.value in dependencies:
                queue.append(quad.subject)
    return focus


def build_incremental(layout: DataLayout, output: OutputLayout, include_candidates: bool, context: str,
                       files: dict[str, str], stats: dict, hashes: dict[str, str], timer: Timer,
                       manifest: dict) -> BuildReport | None:
    """Rebuild only what the changed sources touch; ``None`` when a full build is needed (no previous large
    build, other ontology, shapes or registry, many sources changed, or previous outputs out of step)."""
    try:
        previous = manifest["incremental"]
        if not (previous.get("large") and previous.get("format") == BUILD_FORMAT
                and previous.get("context") == context):
            return None
        index = {row[0]: row[1:] for row in previous["chunks"]}
        if any(getattr(output, n).stat().st_size != size for n, size in previous["files"].items()) \
                or not output.store.is_dir():
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    old_sources = previous["sources"]
    changed = sorted(k for k in set(old_sources) | set(hashes)
                     if old_sources.get(k, {}).get("hash") != hashes.get(k))
    if len(changed) > max(INCREMENTAL_SOURCES, len(hashes) // 10):
        return None
    staging = staging_dir(output)
    try:
        report = _rebuild(layout, output, include_candidates, context, files, stats, hashes, timer, manifest,
                          index, changed, staging)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, _FullBuildNeeded):
            return None
        raise
    return report


def _rebuild(layout, output, include_candidates, context, files, stats, hashes, timer, manifest, index, changed,
             staging) -> BuildReport:
    previous = manifest["incremental"]
    shutil.rmtree(staging)
    with_store = ox.Store.read_only(str(output.store))
    with_store.backup(str(staging))  # a RocksDB checkpoint: hard links, instant
    del with_store
    store = ox.Store(str(staging))
    publishers = _publishers_of_registry(store)
    present = [k for k in changed if k in hashes]
    chunks, problems = assemble_sources(layout, present, publishers, include_candidates)
    rebuilt = {chunk.key: chunk for chunk in chunks}
    figures = {k: v for k, v in previous["sources"].items() if k in hashes and k not in changed}
    figures |= source_figures(chunks, {k: read_source(layout.sources / f"{k}.txt") for k in present
                                        if (layout.sources / f"{k}.txt").is_file()})
    for source_id in present:
        figures.setdefault(source_id, {"assertions": 0, "facts": 0, "publisher": None})
    old_publishers = generated_publishers([v.get("publisher") for v in previous["sources"].values()], publishers)
    new_publishers = generated_publishers([figures[k]["publisher"] for k in hashes], publishers)
    before = {f"source:{k}": _stored_quads(store, k) for k in changed}
    before["publishers"] = old_publishers.quads
    after = {key: chunk.quads for key, chunk in rebuilt.items()} | {"publishers": new_publishers.quads}
    removed = [q for quads in before.values() for q in quads]
    added = [q for quads in after.values() for q in quads]
    timer.lap("load")

    typed = {q.subject.value for q in removed + added if q.predicate.value == _RDF_TYPE
             and isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(str(BK))}
    classes = Counter(manifest["entities_per_class"])
    classes.subtract(class_counts(stored_classes(store, typed)))
    delta = _apply(store, removed, added)
    classes.update(class_counts(stored_classes(store, typed)))
    triples = manifest["triples"] + delta
    if not is_large(triples):
        raise _FullBuildNeeded  # small again: written by rdflib, as a full build would
    timer.lap("store")

    graph_files = {}
    for chunk in chunks:
        for display, quads in chunk.parts:
            for quad in quads:
                name = quad.subject.value if quad.graph_name.value == _PROVENANCE else quad.graph_name.value
                graph_files.setdefault(name, display)
    focus = _focus(store, removed + added, compiled_shapes().dependency_predicates)
    violations = validate_store(store, lambda name: graph_files.get(name) or files_for(layout, name), focus)
    timer.lap("validate")
    if problems or violations:
        raise not_conform(problems + [str(v) for v in violations])

    # The Turtle union lists each triple in the chunk of its first holder. Rewritten are the changed chunks
    # and those that became, or stopped being, the first holder of a triple the change added or removed.
    replaced = _rerender(store, layout, include_candidates, publishers, rebuilt, before, after,
                         new_publishers, old_publishers)
    gone = {f"source:{k}" for k in changed} - set(rebuilt)
    order = [k for k in _CHUNKS_FIRST if k in index] + sorted(
        ({k for k in index if k.startswith("source:")} - gone) | set(rebuilt))
    new_index, contents = exports.splice_files(output, index, order, replaced)
    store.flush()
    report = make_report(ordered_counts(classes), triples, figures, output, changed=changed)
    del store
    timer.lap("write")
    changed_store = staging
    staging = compact_or_reload(output, staging, contents, triples, timer)
    exports.write_files(output, contents)
    atomic.replace_dir(staging, output.store)
    if staging != changed_store:
        record_store_size(output, triples)  # a fresh load: the new reference
    timer.lap("write")
    report.seconds = dict(timer.seconds)
    state = {"format": BUILD_FORMAT, "large": True, "context": context,
             "sources": {k: {"hash": hashes[k], **figures[k]} for k in hashes},
             "chunks": [[key, *lengths] for key, lengths in new_index.items()],
             "files": exports.file_sizes(new_index)}
    write_manifest(output, files, stats, report, state)
    report.out_of_date = [d.description for d in freshness.after_build(output)]
    return report


def _rerender(store, layout, include_candidates, publishers, rebuilt, before, after, new_publishers,
              old_publishers) -> dict[str, exports.RenderedChunk]:
    """The chunks an incremental build must serialise anew (see :func:`_rebuild`)."""
    held_before = {key: {q.triple for q in quads} for key, quads in before.items()}
    held_after = {key: {q.triple for q in quads} for key, quads in after.items()}
    dirty = set(rebuilt)
    for triple in set().union(*held_before.values(), *held_after.values()):
        others = _holders(store, triple) - set(after) - set(before)
        first_before = min(others | {k for k, held in held_before.items() if triple in held}, key=_chunk_rank,
                           default=None)
        first_after = min(others | {k for k, held in held_after.items() if triple in held}, key=_chunk_rank,
                          default=None)
        if first_before != first_after:
            dirty |= {k for k in (first_before, first_after) if k is not None}
    if set(new_publishers.quads) != set(old_publishers.quads):
        dirty.add("publishers")
    dirty -= {"ontology", "registry"}  # unchanged: an incremental build keeps ontology, shapes and registry
    others = sorted(k.split(":", 1)[1] for k in dirty if k.startswith("source:") and k not in rebuilt)
    extra, problems = assemble_sources(layout, others, publishers, include_candidates)
    if problems:
        raise _FullBuildNeeded
    chunks = {**rebuilt, **{c.key: c for c in extra}}
    if "publishers" in dirty:
        chunks["publishers"] = new_publishers
    replaced = {}
    for key, chunk in chunks.items():
        if key not in dirty:
            continue
        share = list(dict.fromkeys(q.triple for q in chunk.quads
                                   if min(_holders(store, q.triple), key=_chunk_rank, default=key) == key))
        replaced[key] = exports.render_chunk(key, chunk.quads, share)
    return replaced
