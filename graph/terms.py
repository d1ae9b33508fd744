"""RDF terms across pyoxigraph, which reads, stores and writes the graph, and rdflib, which validates small
graphs (pySHACL) and writes their canonical Turtle: the one conversion between the two, the short display form
of a term, and deterministic serialisations of small rdflib graphs.

A plain literal is ``xsd:string`` in pyoxigraph and datatype-less in rdflib; the conversion keeps it plain, as
rdflib's own parser would, so both libraries see the same graph.

>>> import pyoxigraph as ox
>>> to_rdflib(ox.Literal("EXENCELL", language="en"))
rdflib.term.Literal('EXENCELL', lang='en')
>>> to_rdflib(ox.Literal("CNY"))
rdflib.term.Literal('CNY')

Small rdflib graphs (CONSTRUCT results, the analysis graph) are written so that the same graph always gives
the same bytes (the build's own files are written by :mod:`graph.build.exports`): rdflib's ``longturtle``
serializer sorts what it writes; TriG is assembled from it graph by graph, in IRI order.

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

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD, NamespaceManager
from rdflib.term import Node

from .namespace import PREFIXES, curie

__all__ = ["to_rdflib", "rdflib_triple", "compact", "to_turtle", "to_trig", "bind_prefixes"]

_XSD_STRING = str(XSD.string)


def to_rdflib(term) -> Node:
    """The rdflib term for a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


def rdflib_triple(quad) -> tuple[Node, Node, Node]:
    """The rdflib triple of a pyoxigraph quad or triple."""
    return to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)


def compact(term: Node | None) -> str:
    """A short display form: ``bk:exencell`` for IRIs we have prefixes for, the text of literals.

    >>> compact(URIRef("https://w3id.org/battery-kg/id/exencell"))
    'bk:exencell'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return curie(str(term))
    return str(term)


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
