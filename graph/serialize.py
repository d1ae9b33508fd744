"""Deterministic serialisations of small rdflib graphs (CONSTRUCT results, the analysis graph): the same graph
always gives the same bytes. The build's own files are written by :mod:`graph.exports`.

rdflib's ``longturtle`` serializer sorts what it writes; TriG is assembled from it graph by graph, in IRI
order.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDFS
>>> g = Graph()
>>> _ = g.add((URIRef("https://w3id.org/battery-kg/id/b"), RDFS.label, Literal("B", lang="en")))
>>> print(to_turtle(g))
PREFIX bk: <https://w3id.org/battery-kg/id/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
<BLANKLINE>
bk:b
    rdfs:label "B"@en ;
.
<BLANKLINE>
"""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.namespace import NamespaceManager

from .namespace import PREFIXES

__all__ = ["to_turtle", "to_trig", "bind_prefixes"]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind our prefixes on ``graph`` (and only those), so every output uses the same ones."""
    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri, override=True, replace=True)
    graph.namespace_manager = manager
    return graph


def _body(graph: Graph) -> tuple[list[str], list[str]]:
    bind_prefixes(graph)
    text = graph.serialize(format="longturtle")
    head, body = [], []
    for line in text.splitlines():
        (head if line.startswith("PREFIX ") and not body else body).append(line)
    while body and not body[0].strip():
        body.pop(0)
    return head, body


def to_turtle(graph: Graph) -> str:
    """Canonical Turtle of ``graph`` with our prefixes."""
    head, body = _body(graph)
    return "\n".join(sorted(set(head)) + [""] + body).rstrip() + "\n"


def to_trig(dataset: Dataset) -> str:
    """Canonical TriG of every named graph of ``dataset``, graphs in IRI order."""
    heads: set[str] = set()
    blocks: list[str] = []
    for graph in sorted((g for g in dataset.graphs() if len(g)), key=lambda g: str(g.identifier)):
        copy = Graph()
        for triple in graph:
            copy.add(triple)
        head, body = _body(copy)
        heads.update(head)
        # Not indented: a line inside a multi-line literal must stay as it is.
        inner = "\n".join(body).rstrip()
        blocks.append(f"<{graph.identifier}> {{\n{inner}\n}}\n")
    return "\n".join(sorted(heads)) + "\n\n" + "\n".join(blocks)
