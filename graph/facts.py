"""Facts files: the assertions each source makes, with the sentences that state them.

A facts file ``data/facts/<source id>.trig`` (reviewed) or ``data/candidates/<source id>.trig``
(extracted, awaiting review) is TriG. Each named graph is an *assertion*: the facts one sentence states.
Its IRI lies under the source's IRI (``.../source/<id>/a01``). In the file's default graph, each assertion
has ``bkg:quote`` — the exact text of its sentence(s) — and, for extracted candidates, ``bkg:status
bkg:Extracted`` and ``bkg:confidence``.

>>> from graph.layout import DataLayout
>>> layout = DataLayout.default()
>>> assertions, problems = read_facts(layout.facts / "000_f60388011d6d32ce.trig", layout)
>>> problems
[]
>>> first = assertions[0]
>>> first.iri.rsplit("/", 1)[-1], first.status == BKG.Reviewed, len(first.quotes)
('a01', True, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import ParseError
from .layout import DataLayout
from .namespace import BKG, SOURCE

__all__ = ["Assertion", "read_facts", "load_assertions", "parse_rdf_file"]

#: What a facts file may say about an assertion in its default graph.
ASSERTION_METADATA = {BKG.quote, BKG.status, BKG.confidence}


@dataclass
class Assertion:
    """A named graph of facts stated by one or more sentences of one source."""

    iri: URIRef
    source_id: str
    path: Path
    quotes: list[str] = field(default_factory=list)
    triples: list[tuple] = field(default_factory=list)
    status: URIRef = BKG.Reviewed
    confidence: Decimal | None = None


def parse_rdf_file(path: Path, display: str, fmt: str) -> Graph | Dataset:
    """Parse a Turtle file into a Graph or a TriG file into a Dataset.

    Raises :class:`ParseError` naming the file, the line and the parser's message.
    """
    dataset = Dataset() if fmt == "trig" else Graph()
    try:
        data = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{display}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise ParseError(f"{display}: cannot read: {exc.strerror}") from exc
    try:
        dataset.parse(data=data, format=fmt, publicID=Path(path).resolve().as_uri())
    except BadSyntax as exc:
        raise ParseError(f"{display}:{exc.lines}: malformed {fmt.upper()}: {exc._why}") from exc
    except Exception as exc:  # rdflib raises assorted errors for bad literals, prefixes and IRIs
        raise ParseError(f"{display}: malformed {fmt.upper()}: {exc}") from exc
    return dataset


def read_facts(path: Path, layout: DataLayout, status: URIRef = BKG.Reviewed):
    """Read one facts file.

    Returns the assertions in IRI order and a list of problems (strings naming the file) for facts that
    break the file's rules: a graph outside the source, facts in the default graph, an unknown source.
    """
    path = Path(path)
    display = layout.display(path)
    source_id = path.stem
    prefix = str(SOURCE[source_id]) + "/"
    dataset = parse_rdf_file(path, display, "trig")
    problems: list[str] = []
    default = dataset.default_graph if hasattr(dataset, "default_graph") else dataset.default_context
    named = {g.identifier: g for g in dataset.graphs() if g.identifier != default.identifier}
    assertions: dict[URIRef, Assertion] = {}
    for iri in sorted(named):
        graph: Graph = named[iri]
        if not str(iri).startswith(prefix):
            problems.append(f"{display}: graph <{iri}> is not an assertion of source {source_id} "
                            f"(its IRI must start with <{prefix}>)")
            continue
        if len(graph) == 0:
            continue
        assertions[iri] = Assertion(iri=URIRef(iri), source_id=source_id, path=path, status=status,
                                    triples=sorted(graph))
    for s, p, o in sorted(default):
        target = assertions.get(s)
        if p not in ASSERTION_METADATA:
            problems.append(f"{display}: the triple <{s}> <{p}> {o.n3()} is outside any assertion graph; "
                            "facts belong in a named graph with the bkg:quote of their sentence")
        elif target is None:
            problems.append(f"{display}: {p.n3()} of <{s}>, which is not an assertion graph of this file")
        elif p == BKG.quote:
            target.quotes.append(str(o))
        elif p == BKG.status:
            target.status = URIRef(o)
        elif p == BKG.confidence and isinstance(o, Literal):
            target.confidence = Decimal(str(o))
    return list(assertions.values()), problems


def load_assertions(layout: DataLayout, include_candidates: bool = True):
    """Every assertion of the data folder: reviewed facts, then extracted candidates."""
    assertions: list[Assertion] = []
    problems: list[str] = []
    folders = [(layout.facts, BKG.Reviewed)]
    if include_candidates:
        folders.append((layout.candidates, BKG.Extracted))
    for folder, status in folders:
        for path in sorted(folder.glob("*.trig")):
            found, trouble = read_facts(path, layout, status)
            assertions.extend(found)
            problems.extend(trouble)
    return assertions, problems
