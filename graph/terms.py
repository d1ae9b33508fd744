"""RDF terms across pyoxigraph, which reads, stores and writes the graph, and rdflib, which validates small
graphs (pySHACL) and writes their canonical Turtle.

A plain literal is ``xsd:string`` in pyoxigraph and datatype-less in rdflib; the conversion keeps it plain, as
rdflib's own parser would, so both libraries see the same graph.

>>> import pyoxigraph as ox
>>> to_rdflib(ox.Literal("EXENCELL", language="en"))
rdflib.term.Literal('EXENCELL', lang='en')
>>> to_rdflib(ox.Literal("CNY"))
rdflib.term.Literal('CNY')
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["to_rdflib", "rdflib_triple"]

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
