"""Small graphs for the examples in docstrings and for tests: loaded as the build loads data, every fact in its
named graph and once more in the default (union) graph.

- :data:`EXAMPLE` (from :data:`EXAMPLE_TRIG`): Acme organises the Expo (2024), where Beta and Gamma exhibit
  (source s2); Acme and Beta are partners (source s1, published 2023). The projections and analysis use it.
- :data:`SMALL_EXAMPLE`: two companies, one partnership, one sentence, names in two languages. The views use it.

>>> from graph.store import EmbeddedStore
>>> store = EmbeddedStore.create(None)
>>> store.load_nquads(EXAMPLE)
>>> store.query("SELECT (COUNT(*) AS ?n) { ?s a bkg:Company }").rows[0][0].toPython()
3
"""

from __future__ import annotations

import pyoxigraph as ox

from .namespace import BASE

__all__ = ["EXAMPLE", "EXAMPLE_TRIG", "example_nquads", "SMALL_EXAMPLE", "small_example_nquads"]


#: A small graph for the examples, in TriG: Acme organises the Expo (2024), where Beta and Gamma exhibit (source
#: s2); Acme and Beta are partners (source s1, published 2023). Loaded as the build loads data: every fact in its
#: assertion graph and in the default (union) graph.
EXAMPLE_TRIG = """
PREFIX bkg: <https://w3id.org/battery-kg/ontology#>
PREFIX bk: <https://w3id.org/battery-kg/id/>
PREFIX src: <https://w3id.org/battery-kg/source/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
bk:acme a bkg:Company ; rdfs:label "Acme"@en .
bk:beta a bkg:Company ; rdfs:label "Beta"@en .
bk:gamma a bkg:Company ; rdfs:label "Gamma"@en .
bk:expo a bkg:Conference ; rdfs:label "Expo"@en .
src:s1 a bkg:Article ; bkg:sourceId "s1" ; schema:datePublished "2023-06-01"^^xsd:date .
src:s2 a bkg:Article ; bkg:sourceId "s2" ; schema:datePublished "2024-05-02"^^xsd:date .
<https://w3id.org/battery-kg/source/s1/a01> a bkg:Assertion ; bkg:status bkg:Reviewed ; bkg:source src:s1 .
<https://w3id.org/battery-kg/source/s2/a01> a bkg:Assertion ; bkg:status bkg:Reviewed ; bkg:source src:s2 .
<https://w3id.org/battery-kg/source/s1/a01> { bk:acme bkg:partnerOf bk:beta . }
<https://w3id.org/battery-kg/source/s2/a01> {
    bk:expo schema:startDate "2024-05-01"^^xsd:date ; schema:organizer bk:acme ; bkg:exhibitor bk:beta, bk:gamma .
}
"""


def example_nquads(trig: str = EXAMPLE_TRIG) -> bytes:
    """N-Quads of a TriG text, each named graph's triples repeated in the default graph (as the build does)."""
    quads = list(ox.parse(trig.encode("utf-8"), format=ox.RdfFormat.TRIG))
    union = [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads]
    return ox.serialize(quads + union, format=ox.RdfFormat.N_QUADS)


EXAMPLE = example_nquads()


def small_example_nquads() -> bytes:
    """A tiny store for the examples: two companies, one partnership, one sentence."""
    bk, bkg, src = BASE + "id/", BASE + "ontology#", BASE + "source/s1"
    rdf_type, label = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label"
    registry, provenance = BASE + "graph/registry", BASE + "graph/provenance"
    quads = [
        (f"<{bk}acme>", f"<{rdf_type}>", f"<{bkg}Company>", registry),
        (f"<{bk}acme>", f"<{label}>", '"Acme"@en', registry),
        (f"<{bk}acme>", f"<{label}>", '"阿克米"@zh', registry),
        (f"<{bk}acme>", "<http://www.w3.org/2004/02/skos/core#altLabel>", '"ACME Ltd"@en', registry),
        (f"<{bk}beta>", f"<{rdf_type}>", f"<{bkg}Company>", registry),
        (f"<{bk}beta>", f"<{label}>", '"Beta Corp"@en', registry),
        (f"<{bkg}partnerOf>", f"<{label}>", '"partner of"@en', BASE + "graph/ontology"),
        (f"<{bk}acme>", f"<{bkg}partnerOf>", f"<{bk}beta>", f"{src}/a01"),
        (f"<{src}/a01>", f"<{rdf_type}>", f"<{bkg}Assertion>", provenance),
        (f"<{src}/a01>", f"<{bkg}source>", f"<{src}>", provenance),
        (f"<{src}/a01>", f"<{bkg}evidence>", f"<{src}/s1>", provenance),
        (f"<{src}/s1>", "<https://schema.org/text>", '"Acme and Beta Corp agreed to work together."', provenance),
        (f"<{src}>", f"<{rdf_type}>", f"<{bkg}Article>", provenance),
        (f"<{src}>", f"<{bkg}sourceId>", '"s1"', provenance),
        (f"<{src}>", "<https://schema.org/headline>", '"Acme teams up"', provenance),
        (f"<{src}>", "<https://schema.org/datePublished>", '"2024-03-05"^^<http://www.w3.org/2001/XMLSchema#date>',
         provenance),
    ]
    # each quad in its named graph and in the default graph (the store's materialised union)
    return "".join(f"{s} {p} {o} <{g}> .\n{s} {p} {o} .\n" for s, p, o, g in quads).encode()


SMALL_EXAMPLE = small_example_nquads()
