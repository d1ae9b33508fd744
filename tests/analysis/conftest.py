"""Small hand-made graphs, loaded into a store the way the build loads data, for the analysis tests."""

from __future__ import annotations

import pytest

from graph.example_graphs import example_nquads
from graph.store import EmbeddedStore

PREFIXES = """
PREFIX bkg: <https://w3id.org/battery-kg/ontology#>
PREFIX bk: <https://w3id.org/battery-kg/id/>
PREFIX src: <https://w3id.org/battery-kg/source/>
PREFIX kgg: <https://w3id.org/battery-kg/graph/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def bk(slug: str) -> str:
    """The IRI of the entity ``slug``, as the projections name their nodes."""
    return f"https://w3id.org/battery-kg/id/{slug}"


def store_from_trig(trig: str) -> EmbeddedStore:
    """An in-memory store holding ``trig`` (prefixes bkg, bk, src, rdfs, schema, xsd predeclared), each named
    graph's triples also in the default graph, as the build writes them."""
    store = EmbeddedStore.create(None)
    store.load_nquads(example_nquads(PREFIXES + trig))
    return store


def partners_trig(pairs, *, status: str = "Reviewed", source: str = "s1", kind: str = "Company") -> str:
    """Companies named by the pairs, each pair stated as partners in its own assertion of ``source``."""
    names = sorted({n for pair in pairs for n in pair})
    lines = [f'bk:{n} a bkg:{kind} ; rdfs:label "{n.upper()}"@en .' for n in names]
    lines.append(f'src:{source} a bkg:Article ; bkg:sourceId "{source}" ; '
                 f'schema:datePublished "2024-01-01"^^xsd:date .')
    for i, (u, v) in enumerate(pairs, start=1):
        assertion = f"<https://w3id.org/battery-kg/source/{source}/a{i:02d}>"
        lines.append(f"{assertion} a bkg:Assertion ; bkg:status bkg:{status} ; bkg:source src:{source} .")
        lines.append(f"{assertion} {{ bk:{u} bkg:partnerOf bk:{v} . }}")
    return "\n".join(lines)


@pytest.fixture()
def star_store():
    """A hub partnered with four companies that have no other ties."""
    return store_from_trig(partners_trig([("hub", "a"), ("hub", "b"), ("hub", "c"), ("hub", "d")]))


@pytest.fixture()
def two_triangles_store():
    """Two triangles of partners, {a, b, c} and {d, e, f}, joined by the one tie c–d."""
    pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")]
    return store_from_trig(partners_trig(pairs))
