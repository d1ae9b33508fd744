"""SHACL validation of the assembled graph, with each violation traced to the file it came from.

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

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDF, SH

from .layout import ontology_file, shapes_file
from .query import compact

__all__ = ["Violation", "validate", "load_ontology", "load_shapes"]


@dataclass(frozen=True, order=True)
class Violation:
    """One broken rule: where (files), what (focus node, path, value) and why (message)."""

    files: tuple[str, ...]
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str | None = None

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
    conforms, report, _text = shacl_validate(
        data, shacl_graph=shapes if shapes is not None else load_shapes(), ont_graph=load_ontology(),
        inference="none", abort_on_first=False, allow_warnings=True, meta_shacl=False, advanced=True,
    )
    if conforms:
        return []
    violations = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
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
    return sorted(violations)
