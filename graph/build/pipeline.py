"""Build the knowledge graph: read ontology, registry, sources and facts; validate; write the outputs.

The dataset has one named graph per assertion (the facts one sentence states) plus the ontology, registry
and provenance graphs. The provenance graph describes every article, every evidence sentence (text and
character offsets) and every assertion (its sentence, source, status and confidence). The store holds the
named graphs and, as its default graph, their union (see :mod:`graph.store.embedded`).

Every build reads its inputs with Oxigraph's parsers into chunks (:mod:`graph.build.assembly`), loads them into
a new store beside the old one (:mod:`graph.build.load`), validates, writes the files chunk by chunk
(:mod:`graph.build.exports`) and only then puts everything in place. Up to :data:`LARGE_GRAPH_TRIPLES` triples
(the seed data) pySHACL validates. Above it, the graph is *large*: our shapes compiled to SPARQL validate it in
an in-memory Oxigraph store (:mod:`graph.build.shacl`) while a child process loads the store, and the next build
is *incremental* when only some sources changed (:mod:`graph.build.incremental`): it checkpoints the store
(hard links), replaces the changed sources' graphs, validates the nodes they touch and those whose verdict
depends on them, and rewrites only their chunks of the files.

>>> import tempfile, pathlib
>>> report = build(out=pathlib.Path(tempfile.mkdtemp()))
>>> report.conforms, report.facts_per_source["003_a93420692c2367a5"] > 0
(True, True)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from .. import atomic, freshness
from ..folders import DataLayout, OutputLayout
from . import exports
from .assembly import assemble, files_for
from .incremental import build_incremental
from .load import StoreLoad, record_store_size, staging_dir
from .manifest import BUILD_FORMAT, context_hash, input_hashes, previous_manifest, write_manifest
from .report import (
    BuildReport,
    Timer,
    class_counts,
    entity_classes,
    make_report,
    not_conform,
    ordered_counts,
    source_figures,
)
from .validate import LARGE_GRAPH_TRIPLES, compiled_shapes, is_large, name_files, validate, validate_store

__all__ = ["build", "check", "assemble", "BuildReport", "LARGE_GRAPH_TRIPLES"]


def union_lines(assembly) -> tuple[list[list[bytes]], int]:
    """Each chunk's share of the union (N-Triples lines of the triples no earlier chunk holds), and its size."""
    seen: set[bytes] = set()
    union = [exports.union_lines(chunk.quads, seen) for chunk in assembly.chunks]
    return union, len(seen)


def file_of(assembly, layout: DataLayout):
    """The file behind a named graph or provenance subject IRI of ``assembly``."""
    graph_files = assembly.graph_files()
    return lambda name: graph_files.get(name) or files_for(layout, name)


def check(data: Path | DataLayout | None = None, include_candidates: bool = True) -> list[str]:
    """Validate the data as :func:`build` does, writing nothing; the problems and violations found, each naming
    its file (an empty list when the data conforms).

    >>> check()
    []
    """
    layout = data if isinstance(data, DataLayout) else DataLayout(Path(data)) if data else DataLayout.default()
    assembly = assemble(layout, include_candidates)
    union, triples = union_lines(assembly)
    if is_large(triples):
        store = ox.Store()
        store.bulk_load(ox.serialize(assembly.quads(), format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        store.bulk_load(b"".join(b"\n".join(lines) + b"\n" for lines in union if lines),
                        format=ox.RdfFormat.N_TRIPLES)
        violations = validate_store(store, file_of(assembly, layout))
    else:
        violations = validate(assembly.union(), assembly.origins)
    return assembly.problems + [str(v) for v in violations]


def build(data: Path | DataLayout | None = None, out: Path | OutputLayout | None = None,
          include_candidates: bool = True, remote: str | None = None, incremental: bool = True) -> BuildReport:
    """Build the graph from ``data`` into ``out``; raise :class:`DataNotConformError` if it does not conform.

    A large graph (over :data:`LARGE_GRAPH_TRIPLES` triples) is rebuilt *incrementally* when it can be
    (``incremental=True``, no ``remote``, same ontology, shapes and registry, few sources changed). The outputs
    are the same as a full build's. With ``remote`` (a SPARQL endpoint URL), the graph also replaces what that
    remote store held (see :mod:`graph.store.remote`). On any failure the previous outputs are left as they were.
    """
    layout = data if isinstance(data, DataLayout) else DataLayout(Path(data)) if data else DataLayout.default()
    layout.require()
    output = out if isinstance(out, OutputLayout) else OutputLayout(Path(out)) if out else OutputLayout.default()
    timer = Timer()
    previous = previous_manifest(output)
    files, hashes, stats = input_hashes(layout, include_candidates, previous)
    context = context_hash(layout, include_candidates)
    if incremental and not remote and previous is not None:
        report = build_incremental(layout, output, include_candidates, context, files, stats, hashes, timer,
                                    previous)
        if report is not None:
            return report

    assembly = assemble(layout, include_candidates)
    union, triples = union_lines(assembly)
    large = is_large(triples)
    named = ox.serialize(assembly.quads(), format=ox.RdfFormat.N_QUADS)
    union_bytes = b"".join(b"\n".join(lines) + b"\n" for lines in union if lines)
    timer.lap("load")

    staging = staging_dir(output)
    loading = None
    try:
        loading = StoreLoad(staging, named, union_bytes, background=large)
        if not large:
            timer.lap("store")
        if large:  # validated in memory, where Oxigraph answers the checks faster, while the store loads
            memory = ox.Store()
            memory.bulk_load(union_bytes, format=ox.RdfFormat.N_TRIPLES)
            results = compiled_shapes().violations(memory)
            del memory
        else:
            violations = validate(assembly.union(), assembly.origins)
        timer.lap("validate")
        rendered = [exports.render_chunk(chunk.key, chunk.quads, ox.parse(b"\n".join(lines) + b"\n",
                                                                           format=ox.RdfFormat.N_TRIPLES))
                    for chunk, lines in zip(assembly.chunks, union, strict=True)]
        index, contents = exports.assemble_files(rendered)
        del rendered
        timer.lap("write")
        store = loading.join()
        timer.lap("store")
        if large:
            violations = name_files(results, store, file_of(assembly, layout))
        if assembly.problems or violations:
            raise not_conform(assembly.problems + [str(v) for v in violations])
        if remote:
            from ..store.remote import RemoteStore  # httpx only when a remote store is asked for

            remote_store = RemoteStore(remote)
            try:
                remote_store.replace_all(named + union_bytes)
            finally:
                remote_store.close()
        figures = source_figures(assembly.chunks, assembly.sources)
        report = make_report(ordered_counts(class_counts(entity_classes(assembly.quads()))), triples, figures, output,
                         remote)
        del store
    except BaseException:
        try:
            if loading is not None:
                loading.join()  # the child must be done with the folder before it goes
        except BaseException:
            pass
        shutil.rmtree(staging, ignore_errors=True)
        raise
    exports.write_files(output, contents)
    atomic.replace_dir(staging, output.store)
    record_store_size(output, triples)
    timer.lap("write")
    report.seconds = dict(timer.seconds)
    state = {"format": BUILD_FORMAT, "large": large and not remote, "context": context,
             "sources": {k: {"hash": hashes[k], **figures.get(k, {"assertions": 0, "facts": 0, "publisher": None})}
                         for k in hashes},
             "chunks": [[key, *lengths] for key, lengths in index.items()], "files": exports.file_sizes(index)}
    write_manifest(output, files, stats, report, state)
    report.out_of_date = [d.description for d in freshness.after_build(output)]
    return report


