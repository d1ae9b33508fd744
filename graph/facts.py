"""Facts files: the assertions each source makes, with the sentences that state them.

A facts file ``data/facts/<source id>.trig`` (reviewed) or ``data/candidates/<source id>.trig``
(extracted, awaiting review) is TriG. Each named graph is an *assertion*: the facts one sentence states.
Its IRI lies under the source's IRI (``.../source/<id>/a01``). In the file's default graph, each assertion
has ``bkg:quote`` — the exact text of its sentence(s) — and, for extracted candidates, ``bkg:status
bkg:Extracted`` and ``bkg:confidence``.

>>> from graph.folders import DataLayout
>>> layout = DataLayout.default()
>>> assertions, problems = read_facts(layout.facts / "000_f60388011d6d32ce.trig", layout)
>>> problems
[]
>>> first = assertions[0]
>>> first.iri.rsplit("/", 1)[-1], first.status == BKG.Reviewed, len(first.quotes)
('a01', True, 1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from .errors import ParseError
from .folders import DataLayout
from .namespace import BKG, SOURCE
from .terms import rdflib_triple, to_rdflib

__all__ = ["Assertion", "read_facts", "load_assertions", "parse_quads", "parse_rdf_file", "read_rdf_bytes"]

#: What a facts file may say about an assertion in its default graph.
ASSERTION_METADATA = {str(BKG.quote), str(BKG.status), str(BKG.confidence)}

_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG}


@dataclass
class Assertion:
    """A named graph of facts stated by one or more sentences of one source."""

    iri: URIRef
    source_id: str
    path: Path
    quotes: list[str] = field(default_factory=list)
    #: The facts, as read (pyoxigraph quads in the assertion's graph, in file order).
    quads: list[ox.Quad] = field(default_factory=list)
    status: URIRef = BKG.Reviewed
    confidence: Decimal | None = None

    @cached_property
    def triples(self) -> list[tuple]:
        """The facts as sorted rdflib triples."""
        return sorted({rdflib_triple(q) for q in self.quads})


def read_rdf_bytes(path: Path, display: str) -> bytes:
    """The bytes of an RDF file, checked to be UTF-8 text."""
    try:
        data = Path(path).read_bytes()
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{display}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise ParseError(f"{display}: cannot read: {exc.strerror}") from exc
    return data


def parse_quads(path: Path, display: str, fmt: str, data: bytes | None = None) -> list[ox.Quad]:
    """Parse a Turtle or TriG file (or its ``data``) with Oxigraph; a Turtle file's triples come in the
    default graph.

    Raises :class:`ParseError` naming the file, the line and the parser's message.
    """
    if data is None:
        data = read_rdf_bytes(path, display)
    try:
        quads = list(ox.parse(data, format=_FORMATS[fmt], base_iri=Path(path).absolute().as_uri()))
    except SyntaxError as exc:
        message, line = str(exc), None
        if len(exc.args) > 1 and isinstance(exc.args[1], tuple) and len(exc.args[1]) > 1:
            line = exc.args[1][1]
        found = re.match(r"Parser error at line (\d+) between columns (\d+) and \d+: (.*)", message, re.S)
        if found:
            line, message = int(found.group(1)), f"{found.group(3)} (column {found.group(2)})"
        where = f"{display}:{line}" if line else display
        raise ParseError(f"{where}: malformed {fmt.replace('turtle', 'Turtle').replace('trig', 'TriG')}: "
                         f"{message}") from exc
    return [_canonical(q) if isinstance(q.object, ox.Literal) and q.object.datatype == _DECIMAL else q
            for q in quads]


_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def canonical_decimal(lexical: str) -> str:
    """The canonical form of an ``xsd:decimal`` (XSD 1.1): one digit at least each side of the point, no
    leading or trailing zeros; so that ``5000000000``, ``5000000000.0`` and ``5000000000.00``, which are one
    value, are one literal wherever the facts meet (an amount two files state).

    >>> canonical_decimal("5000000000"), canonical_decimal("0012.500"), canonical_decimal("-.5")
    ('5000000000.0', '12.5', '-0.5')
    """
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(lexical.strip())
    except InvalidOperation:
        return lexical  # ill-formed: the shapes say so
    text = format(value, "f")
    if "." not in text:
        text += ".0"
    whole, fraction = text.split(".")
    fraction = fraction.rstrip("0") or "0"
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-").lstrip("0") or "0"
    return f"{sign}{whole}.{fraction}"


def _canonical(quad: ox.Quad) -> ox.Quad:
    text = canonical_decimal(quad.object.value)
    if text == quad.object.value:
        return quad
    return ox.Quad(quad.subject, quad.predicate, ox.Literal(text, datatype=_DECIMAL), quad.graph_name)


def parse_rdf_file(path: Path, display: str, fmt: str) -> Graph | Dataset:
    """Parse a Turtle file into an rdflib Graph, or a TriG file into a Dataset (see :func:`parse_quads`)."""
    quads = parse_quads(path, display, fmt)
    if fmt != "trig":
        graph = Graph()
        for quad in quads:
            graph.add(rdflib_triple(quad))
        return graph
    dataset = Dataset()
    for quad in quads:
        context = dataset.default_graph if isinstance(quad.graph_name, ox.DefaultGraph) else \
            dataset.graph(to_rdflib(quad.graph_name))
        context.add(rdflib_triple(quad))
    return dataset


def has_blank_node(quad: ox.Quad) -> bool:
    """Whether the quad names a blank node (as subject, object or graph): our data gives every node an IRI."""
    return any(isinstance(t, ox.BlankNode) for t in (quad.subject, quad.object, quad.graph_name))


def read_facts(path: Path, layout: DataLayout, status: URIRef = BKG.Reviewed):
    """Read one facts file.

    Returns the assertions in IRI order and a list of problems (strings naming the file) for facts that
    break the file's rules: a graph outside the source, facts in the default graph, an unknown source,
    a blank node (facts name things by IRI, so that two sources' facts meet on one node).
    """
    path = Path(path)
    display = layout.display(path)
    source_id = path.stem
    prefix = str(SOURCE[source_id]) + "/"
    problems: list[str] = []
    named: dict[str, list[ox.Quad]] = {}
    default: list[ox.Quad] = []
    data = read_rdf_bytes(path, display)
    maybe_blank = b"_:" in data or b"[" in data  # a blank node needs one of them; most files have neither
    for quad in parse_quads(path, display, "trig", data):
        if maybe_blank and has_blank_node(quad):
            problems.append(f"{display}: a blank node in {quad}: give the node an IRI "
                            "(facts of several sources must meet on the same node)")
        elif isinstance(quad.graph_name, ox.DefaultGraph):
            default.append(quad)
        else:
            named.setdefault(quad.graph_name.value, []).append(quad)
    assertions: dict[str, Assertion] = {}
    for iri in sorted(named):
        if not iri.startswith(prefix):
            problems.append(f"{display}: graph <{iri}> is not an assertion of source {source_id} "
                            f"(its IRI must start with <{prefix}>)")
            continue
        assertions[iri] = Assertion(iri=URIRef(iri), source_id=source_id, path=path, status=status,
                                    quads=list(dict.fromkeys(named[iri])))
    for quad in sorted(default, key=lambda q: (str(q.subject), str(q.predicate), str(q.object))):
        s, p, o = quad.subject, quad.predicate.value, quad.object
        target = assertions.get(s.value) if isinstance(s, ox.NamedNode) else None
        if p not in ASSERTION_METADATA:
            problems.append(f"{display}: the triple {s} <{p}> {o} is outside any assertion graph; "
                            "facts belong in a named graph with the bkg:quote of their sentence")
        elif target is None:
            problems.append(f"{display}: <{p}> of {s}, which is not an assertion graph of this file")
        elif p == str(BKG.quote):
            target.quotes.append(o.value)
        elif p == str(BKG.status):
            target.status = URIRef(o.value)
        elif p == str(BKG.confidence) and isinstance(o, ox.Literal):
            target.confidence = Decimal(o.value)
    return list(assertions.values()), problems


def load_assertions(layout: DataLayout, include_candidates: bool = True):
    """Every assertion of the data folder: reviewed facts, then extracted candidates."""
    assertions: list[Assertion] = []
    problems: list[str] = []
    folders = [(layout.facts, BKG.Reviewed)]
    if include_candidates:
        folders.append((layout.candidates, BKG.Extracted))
    for folder, status in folders:
        for path in sorted(folder.glob("*.trig"), key=lambda p: p.name):
            found, trouble = read_facts(path, layout, status)
            assertions.extend(found)
            problems.extend(trouble)
    return assertions, problems
