"""SHACL validation of the assembled graph, with each violation traced to the file it came from.

Two engines, one report: :func:`validate` runs pySHACL (the reference) on an rdflib graph, for the curated
data and other small graphs; :func:`validate_store` runs our shapes compiled to SPARQL (:mod:`graph.build.shacl`)
inside an Oxigraph store, for large graphs, optionally for some focus nodes only (incremental builds).

>>> from rdflib import Graph
>>> data = Graph().parse(data='''
... @prefix bkg: <https://w3id.org/battery-kg/ontology#> .
... <https://w3id.org/battery-kg/id/x> a bkg:Company .''', format="turtle")
>>> violations = validate(data, origins={})
>>> [(v.focus_name, v.path_name) for v in violations]
[('bk:x', 'rdfs:label')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import SH

from ..folders import ontology_file, shapes_file
from ..namespace import PROVENANCE_GRAPH
from ..terms import compact, to_rdflib
from .shacl import CompiledShapes, compile_shapes

__all__ = ["LARGE_GRAPH_TRIPLES", "is_large", "Violation", "validate", "validate_store", "name_files", "load_ontology",
           "load_shapes",
           "compiled_shapes"]

#: Above this many triples a graph is *large*: our shapes compiled to SPARQL validate it in Oxigraph, and its
#: next builds may be incremental. Up to it (the seed data, unit-test data), pySHACL, the reference, validates;
#: the real corpus (about 21,000 triples) is large: pySHACL would take 9 s where Oxigraph takes 1 s, and
#: ``tests/build/test_shacl_engines.py`` keeps the two engines in agreement.
LARGE_GRAPH_TRIPLES = 10_000


def is_large(triples: int) -> bool:
    """Whether a graph of this many triples is *large* (read at each call, so a test may lower the threshold).

    >>> is_large(LARGE_GRAPH_TRIPLES), is_large(LARGE_GRAPH_TRIPLES + 1)
    (False, True)
    """
    return triples > LARGE_GRAPH_TRIPLES



@dataclass(frozen=True)
class Violation:
    """One broken rule: where (files), what (focus node, path, value) and why (message)."""

    files: tuple[str, ...]
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str | None = None

    def sort_key(self) -> tuple:
        return self.files, self.focus, self.path or "", self.value or "", self.message, self.shape or ""

    @property
    def focus_name(self) -> str:
        return self.focus

    @property
    def path_name(self) -> str | None:
        return self.path

    def __str__(self) -> str:
        where = ", ".join(self.files) or "(generated)"
        parts = [f"{where}: {self.focus}"]
        if self.path:
            parts.append(f"path {self.path}")
        if self.value:
            parts.append(f"value {self.value}")
        return " · ".join(parts) + f": {self.message}"


_ONTOLOGY: Graph | None = None
_SHAPES: Graph | None = None
_COMPILED: CompiledShapes | None = None


def load_ontology() -> Graph:
    """The ontology graph (``ontology/battery.ttl``), parsed once per process."""
    global _ONTOLOGY
    if _ONTOLOGY is None:
        _ONTOLOGY = Graph().parse(ontology_file(), format="turtle")
    return _ONTOLOGY


def load_shapes() -> Graph:
    """The shapes graph (``ontology/shapes.ttl``), parsed once per process."""
    global _SHAPES
    if _SHAPES is None:
        _SHAPES = Graph().parse(shapes_file(), format="turtle")
    return _SHAPES


def _files_of(origins: Mapping, focus, path, value) -> tuple[str, ...]:
    found: set[str] = set()
    if path is not None and value is not None:
        found |= set(origins.get((focus, path, value), ()))
    if not found and path is not None:
        for (s, p, _o), files in origins.items():
            if s == focus and p == path:
                found |= set(files)
    if not found:
        for (s, _p, _o), files in origins.items():
            if s == focus:
                found |= set(files)
    if not found:
        for (_s, _p, o), files in origins.items():
            if o == focus:
                found |= set(files)
    return tuple(sorted(found))


def validate(data: Graph, origins: Mapping, shapes: Graph | None = None) -> list[Violation]:
    """Validate ``data`` (which should include the ontology) against our shapes.

    ``origins`` maps each triple to the files it came from, so each violation can name its file.
    """
    from pyshacl import validate as shacl_validate  # half a second to import: only small graphs need it

    conforms, report, _text = shacl_validate(
        data, shacl_graph=shapes if shapes is not None else load_shapes(), ont_graph=load_ontology(),
        inference="none", abort_on_first=False, allow_warnings=True, meta_shacl=False, advanced=True,
    )
    if conforms:
        return []
    violations = set()
    for result in report.objects(None, SH.result):  # top-level results; nested ones are sh:detail
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        message = str(report.value(result, SH.resultMessage) or "violates a shape")
        shape = report.value(result, SH.sourceShape)
        violations.add(Violation(
            files=_files_of(origins, focus, path, value),
            focus=compact(focus),
            path=compact(path) if path is not None else None,
            value=value.n3() if value is not None and value != focus else None,
            message=message,
            shape=compact(shape) if shape is not None else None,
        ))
    return sorted(violations, key=Violation.sort_key)


def compiled_shapes() -> CompiledShapes:
    """Our shapes compiled to SPARQL, once per process."""
    global _COMPILED
    if _COMPILED is None:
        _COMPILED = compile_shapes(load_shapes())
    return _COMPILED


#: At most this many quads are looked at to name the files behind one violation.
_ORIGIN_LOOKUPS = 200


def _store_files(store: ox.Store, file_of, focus, path, value) -> tuple[str, ...]:
    """The files of the triples behind a violation, found in the store's named graphs (as :func:`_files_of`)."""
    provenance = str(PROVENANCE_GRAPH)
    patterns = []
    if path is not None and value is not None:
        patterns.append((focus, path, value))
    if path is not None:
        patterns.append((focus, path, None))
    patterns += [(focus, None, None), (None, None, focus)]
    for s, p, o in patterns:
        if isinstance(s, ox.Literal):
            continue
        found = set()
        for count, quad in enumerate(store.quads_for_pattern(s, p, o, None)):
            if count >= _ORIGIN_LOOKUPS:
                break
            if isinstance(quad.graph_name, ox.DefaultGraph):
                continue
            name = quad.subject.value if quad.graph_name.value == provenance else quad.graph_name.value
            found.add(file_of(name))
        if found:
            return tuple(sorted(found))
    return ()


def validate_store(store: ox.Store, file_of, focus=None) -> list[Violation]:
    """Validate the default (union) graph of ``store``, which holds the ontology, against our shapes.

    ``file_of`` names the file behind a named graph (or a provenance subject) IRI, found in the named graphs
    of ``store``; ``focus`` limits the validation to those nodes (pyoxigraph terms).
    """
    return name_files(compiled_shapes().violations(store, focus), store, file_of)


def name_files(results, store: ox.Store, file_of) -> list[Violation]:
    """The violations :func:`graph.build.shacl.CompiledShapes.violations` found, with the files behind each."""
    violations = set()
    for result in results:
        path = ox.NamedNode(str(result.path)) if result.path is not None else None
        value = result.value
        violations.add(Violation(
            files=_store_files(store, file_of, result.focus, path, value),
            focus=compact(to_rdflib(result.focus)),
            path=compact(result.path) if result.path is not None else None,
            value=to_rdflib(value).n3() if value is not None and value != result.focus else None,
            message=result.message,
            shape=result.shape,
        ))
    return sorted(violations, key=Violation.sort_key)
