"""Build the knowledge graph: read ontology, registry, sources and facts; validate; write the outputs.

The dataset has one named graph per assertion (the facts one sentence states) plus the ontology, registry
and provenance graphs. The provenance graph describes every article, every evidence sentence (text and
character offsets) and every assertion (its sentence, source, status and confidence). The store holds the
named graphs and, as its default graph, their union (see :mod:`graph.store.embedded`).

Every build reads its inputs with Oxigraph's parsers into chunks (:mod:`graph.assembly`), loads them into a
new store beside the old one, validates, writes the files chunk by chunk (:mod:`graph.exports`) and only then
puts everything in place. Up to :data:`LARGE_GRAPH_TRIPLES` triples (the seed data) pySHACL validates.
Above it, the graph is *large*: our shapes compiled to SPARQL validate it in an in-memory Oxigraph store
(:mod:`graph.shacl`) while a child process loads the store, and the next build is *incremental* when only some
sources changed: it checkpoints the store (hard links), replaces the changed sources' graphs, validates the
nodes they touch and those whose verdict depends on them, and rewrites only their chunks of the files.

>>> import tempfile, pathlib
>>> report = build(out=pathlib.Path(tempfile.mkdtemp()))
>>> report.conforms, report.facts_per_source["003_a93420692c2367a5"] > 0
(True, True)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, SDO, SKOS

from . import atomic, exports, freshness
from .assembly import Chunk, assemble, assemble_sources, files_for, generated_publishers, source_ids, source_of_graph
from .errors import DataNotConformError, StoreError
from .layout import DataLayout, OutputLayout, ontology_file, shapes_file
from .namespace import BK, BKG, ONTOLOGY_GRAPH, PROVENANCE_GRAPH, REGISTRY_GRAPH, source_iri
from .sources import read_source
from .store.remote import RemoteStore
from .validate import Violation, compiled_shapes, name_files, validate, validate_store

__all__ = ["build", "check", "assemble", "BuildReport", "ENTITY_CLASSES", "LARGE_GRAPH_TRIPLES"]

#: The classes whose members count as entities of the ecosystem, most specific first.
ENTITY_CLASSES = [
    BKG.Company, BKG.GovernmentBody, BKG.ResearchInstitution, BKG.Organization, BKG.Person,
    BKG.Conference, BKG.ConferenceSeries, BKG.Visit, BKG.SigningCeremony, BKG.Event,
    BKG.Country, BKG.Province, BKG.City, BKG.District, BKG.IndustrialPark, BKG.Facility, BKG.Place,
    BKG.InvestmentProject, BKG.Technology, BKG.Publisher,
]

#: Above this many triples a graph is *large*: our shapes compiled to SPARQL validate it in Oxigraph, and its
#: next builds may be incremental. Up to it (the seed data, unit-test data), pySHACL, the reference, validates;
#: the real corpus (about 21,000 triples) is large: pySHACL would take 9 s where Oxigraph takes 1 s, and
#: ``tests/foundation/test_shacl_engines.py`` keeps the two engines in agreement.
LARGE_GRAPH_TRIPLES = 10_000

#: Bump when the same inputs would build a different graph, so an incremental build never reuses old work.
BUILD_FORMAT = 4

#: An incremental build is taken when at most this many sources changed, or a tenth of them.
INCREMENTAL_SOURCES = 10

_PROVENANCE = str(PROVENANCE_GRAPH)
_DEFAULT = ox.DefaultGraph()
_CHUNKS_FIRST = ("ontology", "registry", "publishers")


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
    #: dated analysis (``--since``, ``--until``) leaves the facts of an undated source out.
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
                         "leave the facts of an undated source out):")
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


class _Timer:
    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._started = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = round(self.seconds.get(name, 0) + now - self._started, 3)
        self._started = now


# -- what the inputs are ------------------------------------------------------------------------------------

def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "absent"


#: A file changed less than this long before the last manifest was written is hashed again even when its size
#: and modification time are those the manifest recorded (it may have changed again within the same tick).
_RACY_NS = 2_000_000_000


def _input_hashes(layout: DataLayout, include_candidates: bool, previous: dict | None = None
                  ) -> tuple[dict[str, str], dict[str, str], dict[str, list[int]]]:
    """The hash of every input file (by its display name), one hash per source (of its files), and each file's
    size and modification time. A file whose size and time are those of ``previous`` (the last manifest, with
    ``written_ns``) keeps its recorded hash, so a large data folder is not read whole to find what changed."""
    previous = previous or {}
    known, stats, written = previous.get("inputs", {}), previous.get("stats", {}), previous.get("written_ns", 0)
    files = {"ontology/battery.ttl": _digest(ontology_file()), "ontology/shapes.ttl": _digest(shapes_file()),
             **{layout.key(path): _digest(path) for path in layout.registry_files}}
    sizes: dict[str, list[int]] = {}
    folders = [layout.sources, layout.facts] + ([layout.candidates] if include_candidates else [])
    per_source: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for folder in folders:
        if not folder.is_dir():
            continue
        prefix = layout.key(folder) + "/"
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            stem, dot, suffix = entry.name.rpartition(".")
            wanted = suffix in ("txt", "json") if folder == layout.sources else suffix == "trig"
            if not (dot and wanted and entry.is_file()):
                continue
            display = prefix + entry.name
            info = entry.stat()
            stat = [info.st_size, info.st_mtime_ns]
            digest = known.get(display)
            if digest is None or stats.get(display) != stat or info.st_mtime_ns >= written - _RACY_NS:
                digest = _digest(Path(entry.path))
            files[display], sizes[display] = digest, stat
            per_source[stem].append((folder.name, entry.name, digest))
    sources = {}
    for source_id in source_ids(layout, include_candidates):
        digest = hashlib.sha256()
        for folder, name, value in sorted(per_source[source_id]):
            digest.update(f"{folder}/{name}\0{value}\0".encode())
        sources[source_id] = digest.hexdigest()
    return dict(sorted(files.items())), sources, dict(sorted(sizes.items()))


def _stats_file(output: OutputLayout) -> Path:
    """Where a build keeps the size and modification time of each input file it hashed: beside the
    manifest, not in it, so that the manifest of the same inputs is the same file on every machine."""
    return output.root / ".input-stats.json"


def _previous_manifest(output: OutputLayout) -> dict | None:
    """The last build's manifest, with its input stats and the time they were written (``written_ns``);
    ``None`` if unreadable."""
    try:
        manifest = json.loads(output.manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        manifest["stats"] = json.loads(_stats_file(output).read_text(encoding="utf-8"))
        manifest["written_ns"] = _stats_file(output).stat().st_mtime_ns
    except (OSError, ValueError):
        manifest["stats"] = {}
    return manifest


def _context_hash(layout: DataLayout, include_candidates: bool) -> str:
    """What every source's graph depends on: ontology, shapes, registry, build format and options."""
    digest = hashlib.sha256(f"{BUILD_FORMAT}:{include_candidates}".encode())
    for path in (ontology_file(), shapes_file(), *layout.registry_files):
        digest.update(f"{path.name}\0{_digest(path)}".encode())
    return digest.hexdigest()


# -- figures of the report ----------------------------------------------------------------------------------

def _most_specific(classes: set[str]) -> str | None:
    for cls in ENTITY_CLASSES:
        if str(cls) in classes:
            return cls.split("#")[-1]
    return None


_RDF_TYPE = str(RDF.type)


def _entity_classes(quads) -> dict[str, set[str]]:
    """The classes of each entity (a ``bk:`` IRI) that ``quads`` type."""
    types: dict[str, set[str]] = defaultdict(set)
    base = str(BK)
    for quad in quads:
        if quad.predicate.value == _RDF_TYPE and isinstance(quad.subject, ox.NamedNode) \
                and quad.subject.value.startswith(base) and isinstance(quad.object, ox.NamedNode):
            types[quad.subject.value].add(quad.object.value)
    return types


def _class_counts(types: dict[str, set[str]]) -> Counter:
    """Entities per class, each counted once under its most specific class."""
    return Counter(name for name in map(_most_specific, types.values()) if name)


def _ordered(counts: Counter) -> dict[str, int]:
    return {c.split("#")[-1]: counts[c.split("#")[-1]] for c in ENTITY_CLASSES if counts[c.split("#")[-1]] > 0}


def _stored_classes(store: ox.Store, entities) -> dict[str, set[str]]:
    return _entity_classes(q for e in entities
                           for q in store.quads_for_pattern(ox.NamedNode(e), ox.NamedNode(_RDF_TYPE), None, _DEFAULT))


def _source_figures(chunks: list[Chunk], sources: dict) -> dict[str, dict]:
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


def _report(classes: dict[str, int], triples: int, figures: dict[str, dict], output: OutputLayout,
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


def _not_conform(lines: list[str]) -> DataNotConformError:
    lines = list(dict.fromkeys(lines))  # a problem found through several triples is told once
    return DataNotConformError(
        f"the data does not conform: {len(lines)} problem{'s' if len(lines) != 1 else ''}\n" + "\n".join(lines),
        violations=lines)


def _write_manifest(output: OutputLayout, files: dict[str, str], stats: dict, report: BuildReport,
                    incremental: dict) -> None:
    """Write ``manifest.json``: one top-level key a line (written by the C encoder: a 1M-triple graph's
    manifest lists some 25,000 files and 8,000 sources, which json's indenting encoder takes seconds over)."""
    manifest = {"inputs": files, "triples": report.triples, "assertions": report.assertions,
                "entities_per_class": report.entities_per_class, "facts_per_source": report.facts_per_source,
                "incremental": incremental}
    lines = [f"{json.dumps(key)}: {json.dumps(value, sort_keys=True, ensure_ascii=False)}"
             for key, value in sorted(manifest.items())]
    atomic.write_text(_stats_file(output), json.dumps(stats, sort_keys=True))
    atomic.write_text(output.manifest, "{\n" + ",\n".join(lines) + "\n}\n")


# -- the store --------------------------------------------------------------------------------------------

#: What a child process runs to bulk-load a new store (argv: store, N-Quads file, N-Triples file): the named
#: graphs and the union in two threads of its own, so that the build's own work goes on meanwhile.
_LOAD_STORE = """
import sys, threading, pyoxigraph as ox
store = ox.Store(sys.argv[1])
named_format, union_format = (getattr(ox.RdfFormat, name) for name in sys.argv[4:6])
errors = []
def load(path, fmt):
    try:
        store.bulk_load(path=path, format=fmt)
    except BaseException as exc:
        errors.append(exc)
threads = [threading.Thread(target=load, args=(sys.argv[2], named_format)),
           threading.Thread(target=load, args=(sys.argv[3], union_format))]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
if errors:
    sys.exit(f"cannot load the store: {errors[0]}")
store.flush()
"""


class _StoreLoad:
    """A new store at ``path`` with the named graphs and the union (as the default graph); :meth:`join` waits
    for it and opens it. A large graph is loaded by a child process while the build validates and writes (the
    bulk loader keeps Python's lock for much of its work, so threads of this process would wait on each
    other); a small one here, at once."""

    def __init__(self, path: Path, named: bytes, union: bytes, background: bool,
                 formats: tuple[str, str] = ("N_QUADS", "N_TRIPLES")):
        self.path, self._process, self._files = Path(path), None, []
        if not background:
            store = ox.Store(str(path))
            for data, fmt in zip((named, union), (getattr(ox.RdfFormat, f) for f in formats), strict=True):
                if data:
                    store.bulk_load(data, format=fmt)
            store.flush()
            self.store = store
            return
        for data, suffix in ((named, ".nq"), (union, ".nt")):
            handle, name = tempfile.mkstemp(prefix=".load-", suffix=suffix, dir=self.path.parent)
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            self._files.append(name)
        self._process = subprocess.Popen([sys.executable, "-c", _LOAD_STORE, str(path), *self._files, *formats],
                                         stderr=subprocess.PIPE)

    def join(self) -> ox.Store:
        if self._process is not None:
            _out, err = self._process.communicate()
            for name in self._files:
                Path(name).unlink(missing_ok=True)
            if self._process.returncode != 0:
                raise StoreError(f"loading the store at {self.path} failed: {err.decode(errors='replace')[-2000:]}")
            self._process = None
            self.store = ox.Store(str(self.path))
        return self.store


def _staging(output: OutputLayout) -> Path:
    return atomic.make_dir_aside(output.store, ".store-")


# -- full builds ----------------------------------------------------------------------------------------

def _union(assembly) -> tuple[list[list[bytes]], int]:
    """Each chunk's share of the union (N-Triples lines of the triples no earlier chunk holds), and its size."""
    seen: set[bytes] = set()
    union = [exports.union_lines(chunk.quads, seen) for chunk in assembly.chunks]
    return union, len(seen)


def _file_of(assembly, layout: DataLayout):
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
    union, triples = _union(assembly)
    if triples > LARGE_GRAPH_TRIPLES:
        store = ox.Store()
        store.bulk_load(ox.serialize(assembly.quads(), format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        store.bulk_load(b"".join(b"\n".join(lines) + b"\n" for lines in union if lines),
                        format=ox.RdfFormat.N_TRIPLES)
        violations = validate_store(store, _file_of(assembly, layout))
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
    timer = _Timer()
    previous = _previous_manifest(output)
    files, hashes, stats = _input_hashes(layout, include_candidates, previous)
    context = _context_hash(layout, include_candidates)
    if incremental and not remote and previous is not None:
        report = _build_incremental(layout, output, include_candidates, context, files, stats, hashes, timer,
                                    previous)
        if report is not None:
            return report

    assembly = assemble(layout, include_candidates)
    union, triples = _union(assembly)
    large = triples > LARGE_GRAPH_TRIPLES
    named = ox.serialize(assembly.quads(), format=ox.RdfFormat.N_QUADS)
    union_bytes = b"".join(b"\n".join(lines) + b"\n" for lines in union if lines)
    timer.lap("load")

    staging = _staging(output)
    loading = None
    try:
        loading = _StoreLoad(staging, named, union_bytes, background=large)
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
            violations = name_files(results, store, _file_of(assembly, layout))
        if assembly.problems or violations:
            raise _not_conform(assembly.problems + [str(v) for v in violations])
        if remote:
            remote_store = RemoteStore(remote)
            try:
                remote_store.replace_all(named + union_bytes)
            finally:
                remote_store.close()
        figures = _source_figures(assembly.chunks, assembly.sources)
        report = _report(_ordered(_class_counts(_entity_classes(assembly.quads()))), triples, figures, output,
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
    _record_store_size(output, triples)
    timer.lap("write")
    report.seconds = dict(timer.seconds)
    state = {"format": BUILD_FORMAT, "large": large and not remote, "context": context,
             "sources": {k: {"hash": hashes[k], **figures.get(k, {"assertions": 0, "facts": 0, "publisher": None})}
                         for k in hashes},
             "chunks": [[key, *lengths] for key, lengths in index.items()], "files": exports.file_sizes(index)}
    _write_manifest(output, files, stats, report, state)
    report.out_of_date = [d.description for d in freshness.after_build(output)]
    return report


# -- the store's size -------------------------------------------------------------------------------------

def _folder_bytes(folder: Path) -> int:
    """The bytes of a store's data files (RocksDB's ``.sst``; its logs and manifests come and go)."""
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.name.endswith(".sst"))


def _store_size_file(output: OutputLayout) -> Path:
    """Where a build keeps the size of the store a fresh load made, and of how many triples: beside the
    manifest, not in it (a store's bytes vary by machine; the manifest of the same inputs must not)."""
    return output.root / ".loaded-store-size.json"


def _record_store_size(output: OutputLayout, triples: int) -> None:
    atomic.write_text(_store_size_file(output), json.dumps({"bytes": _folder_bytes(output.store),
                                                            "triples": triples}))


#: A store an incremental build changed is loaded afresh when its data files are bigger than a fresh load of
#: the same graph would make them, by more than this share (the fresh size is scaled from the last fresh load
#: by the number of triples, which this allows for).
STORE_SLACK = 0.005


def _compact_or_reload(output: OutputLayout, staging: Path, contents: dict[str, bytes], triples: int,
                       timer: _Timer) -> Path:
    """The store an incremental build leaves: the changed checkpoint, unless it grew bigger than a fresh load
    of the same graph would be — then a store loaded afresh, aside, from the new files' bytes.

    Oxigraph's bulk loader writes compact files that RocksDB's compactions, which any later write sets off,
    rewrite bigger (a 1M-triple store grows from about 331 MiB to 415 MiB after one added article, and on with
    each change). A fresh load of the TriG and the Turtle union just made gives the store a full build would.
    """
    try:
        fresh = json.loads(_store_size_file(output).read_text(encoding="utf-8"))
        expected = fresh["bytes"] * triples / fresh["triples"]
    except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError):
        return staging
    if _folder_bytes(staging) <= expected * (1 + STORE_SLACK):
        return staging
    shutil.rmtree(staging)
    reloaded = _staging(output)
    try:
        _StoreLoad(reloaded, contents["trig"], contents["turtle"], background=True, formats=("TRIG", "TURTLE")).join()
    except BaseException:
        shutil.rmtree(reloaded, ignore_errors=True)
        raise
    timer.lap("reload store")
    return reloaded


# -- incremental builds -----------------------------------------------------------------------------------

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


def _build_incremental(layout: DataLayout, output: OutputLayout, include_candidates: bool, context: str,
                       files: dict[str, str], stats: dict, hashes: dict[str, str], timer: _Timer,
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
    staging = _staging(output)
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
    figures |= _source_figures(chunks, {k: read_source(layout.sources / f"{k}.txt") for k in present
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
    classes.subtract(_class_counts(_stored_classes(store, typed)))
    delta = _apply(store, removed, added)
    classes.update(_class_counts(_stored_classes(store, typed)))
    triples = manifest["triples"] + delta
    if triples <= LARGE_GRAPH_TRIPLES:
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
        raise _not_conform(problems + [str(v) for v in violations])

    # The Turtle union lists each triple in the chunk of its first holder. Rewritten are the changed chunks
    # and those that became, or stopped being, the first holder of a triple the change added or removed.
    replaced = _rerender(store, layout, include_candidates, publishers, rebuilt, before, after,
                         new_publishers, old_publishers)
    gone = {f"source:{k}" for k in changed} - set(rebuilt)
    order = [k for k in _CHUNKS_FIRST if k in index] + sorted(
        ({k for k in index if k.startswith("source:")} - gone) | set(rebuilt))
    new_index, contents = exports.splice_files(output, index, order, replaced)
    store.flush()
    report = _report(_ordered(classes), triples, figures, output, changed=changed)
    del store
    timer.lap("write")
    changed_store = staging
    staging = _compact_or_reload(output, staging, contents, triples, timer)
    exports.write_files(output, contents)
    atomic.replace_dir(staging, output.store)
    if staging != changed_store:
        _record_store_size(output, triples)  # a fresh load: the new reference
    timer.lap("write")
    report.seconds = dict(timer.seconds)
    state = {"format": BUILD_FORMAT, "large": True, "context": context,
             "sources": {k: {"hash": hashes[k], **figures[k]} for k in hashes},
             "chunks": [[key, *lengths] for key, lengths in new_index.items()],
             "files": exports.file_sizes(new_index)}
    _write_manifest(output, files, stats, report, state)
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
