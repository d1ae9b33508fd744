"""The answer every store gives to a query: a table, a yes/no or a graph, and its standard formats.

It lives with the store protocol, not with the :func:`graph.query` front door, so the stores that make it
and the front door that returns it import it from here, one way.

>>> result = QueryResult.from_sparql_json(b'{"head": {"vars": ["label"]}, "results": {"bindings": '
...                                       b'[{"label": {"type": "literal", "value": "X", "xml:lang": "en"}}]}}')
>>> result.variables, result.rows
(['label'], [(rdflib.term.Literal('X', lang='en'),)])
>>> print(result.serialize("csv").decode().strip())
label
X
>>> QueryResult.from_sparql_json(b'{"head": {}, "boolean": true}').boolean
True
"""

from __future__ import annotations

import io
import json
from functools import cached_property

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..terms import compact, to_turtle

__all__ = ["QueryResult", "FORMATS", "GRAPH_FORMATS"]

#: Output formats of ``batterykg query`` and the media types they stand for.
FORMATS = {
    "table": "text/plain",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}

_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
#: The formats of CONSTRUCT and DESCRIBE results; the others are for SELECT and ASK.
GRAPH_FORMATS = tuple(_GRAPH_FORMATS)


class QueryResult:
    """The answer to one query.

    ``kind`` is ``"select"``, ``"ask"`` or ``"graph"`` (CONSTRUCT and DESCRIBE). A SELECT result is kept
    as SPARQL JSON results, a graph result as N-Triples; other formats are made from those by Oxigraph.
    """

    def __init__(self, kind: str, payload: bytes | bool):
        self.kind = kind
        self._payload = payload

    @classmethod
    def from_oxigraph(cls, result) -> QueryResult:
        if isinstance(result, ox.QuerySolutions):
            return cls("select", result.serialize(format=ox.QueryResultsFormat.JSON))
        if isinstance(result, ox.QueryBoolean):
            return cls("ask", bool(result))
        return cls("graph", ox.serialize(result, format=ox.RdfFormat.N_TRIPLES))

    @classmethod
    def from_sparql_json(cls, data: bytes) -> QueryResult:
        """From a SPARQL 1.1 JSON results document (SELECT or ASK)."""
        parsed = json.loads(data)
        if "boolean" in parsed:
            return cls("ask", bool(parsed["boolean"]))
        return cls("select", data)

    @classmethod
    def from_ntriples(cls, data: bytes) -> QueryResult:
        return cls("graph", data)

    @property
    def boolean(self) -> bool:
        if self.kind != "ask":
            raise TypeError("only an ASK query has a boolean answer")
        return bool(self._payload)

    @cached_property
    def _solutions(self):
        return json.loads(self._payload)

    @property
    def variables(self) -> list[str]:
        if self.kind != "select":
            return []
        return list(self._solutions["head"]["vars"])

    @cached_property
    def rows(self) -> list[tuple[Node | None, ...]]:
        """SELECT rows as tuples of rdflib terms (``None`` for unbound), in the query's variable order.

        Made on first use, from the SPARQL JSON results; a value that occurs in many rows (an IRI, a label) is
        made into an rdflib term once and shared, which halves the time on large results.
        """
        if self.kind != "select":
            return []
        names = self.variables
        made: dict[tuple, Node] = {}

        def term(value: dict | None) -> Node | None:
            if value is None:
                return None
            key = tuple(value.items())
            found = made.get(key)
            if found is None:
                found = made[key] = _json_term(value)
            return found

        return [tuple(term(binding.get(name)) for name in names) for binding in self._solutions["results"]["bindings"]]

    def records(self) -> list[dict[str, object]]:
        """SELECT rows as dictionaries of Python values (numbers, dates, strings)."""
        return [{name: (None if term is None else term.toPython() if isinstance(term, Literal) else str(term))
                 for name, term in zip(self.variables, row, strict=True)} for row in self.rows]

    @cached_property
    def graph(self) -> Graph:
        """CONSTRUCT and DESCRIBE results as an rdflib graph."""
        if self.kind != "graph":
            raise TypeError("only CONSTRUCT and DESCRIBE give a graph")
        graph = Graph()
        graph.parse(data=self._payload.decode("utf-8"), format="nt")
        return graph

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.graph) if self.kind == "graph" else 1

    def serialize(self, fmt: str = "json") -> bytes:
        """The result in a standard format: csv, tsv, json, xml (SELECT, ASK); turtle, ntriples, jsonld
        (CONSTRUCT, DESCRIBE); table for people."""
        if fmt == "table":
            return self.to_table().encode("utf-8")
        if self.kind == "graph":
            if fmt not in _GRAPH_FORMATS:
                raise ValueError(f"a graph result is written as {', '.join(_GRAPH_FORMATS)}, not {fmt}")
            if fmt == "ntriples":
                return self._payload
            if fmt == "turtle":
                return to_turtle(self.graph).encode("utf-8")
            quads = ox.parse(self._payload, format=ox.RdfFormat.N_TRIPLES)
            return ox.serialize(quads, format=_GRAPH_FORMATS[fmt])
        if fmt not in _RESULT_FORMATS:
            raise ValueError(f"a {self.kind.upper()} result is written as {', '.join(_RESULT_FORMATS)}, not {fmt}")
        if self.kind == "ask":
            document = json.dumps({"head": {}, "boolean": bool(self._payload)}).encode()
        else:
            document = self._payload
        if fmt == "json":
            return document
        parsed = ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)
        return parsed.serialize(format=_RESULT_FORMATS[fmt])

    def to_table(self) -> str:
        """A plain-text table for a terminal (graph results as Turtle)."""
        if self.kind == "ask":
            return "yes\n" if self._payload else "no\n"
        if self.kind == "graph":
            return self.serialize("turtle").decode("utf-8")
        from rich.console import Console
        from rich.table import Table

        table = Table(*self.variables, show_lines=False)
        for row in self.rows:
            table.add_row(*(compact(term) for term in row), end_section=False)
        buffer = io.StringIO()
        Console(file=buffer, width=200, color_system=None, highlight=False).print(table)
        return buffer.getvalue() + f"{len(self.rows)} row{'s' if len(self.rows) != 1 else ''}\n"

    def to_dataframe(self):
        """SELECT rows as a pandas DataFrame of Python values (needs pandas)."""
        import pandas as pd

        return pd.DataFrame(self.records(), columns=self.variables)


def _json_term(value: dict | None) -> Node | None:
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], lang=value["xml:lang"])
    if "datatype" in value:
        return Literal(value["value"], datatype=URIRef(value["datatype"]))
    return Literal(value["value"])
