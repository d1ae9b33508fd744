"""Namespaces of battery-kg: the closed ontology vocabulary and the IRIs of our resources.

``BKG`` is a :class:`rdflib.namespace.DefinedNamespace`, like ``rdflib.namespace.ORG``: a typo is an
``AttributeError``, not a silent new IRI. ``tests/test_namespace.py`` checks it against ``ontology/*.ttl``.

>>> BKG.partnerOf
rdflib.term.URIRef('https://w3id.org/battery-kg/ontology#partnerOf')
>>> BKG.partnerOff
Traceback (most recent call last):
...
AttributeError: term 'partnerOff' not in namespace 'https://w3id.org/battery-kg/ontology#'
>>> entity_iri("exencell")
rdflib.term.URIRef('https://w3id.org/battery-kg/id/exencell')
"""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD, DefinedNamespace

__all__ = [
    "BKG",
    "BK",
    "SDO",
    "BASE",
    "SOURCE",
    "GRAPH",
    "AMOUNT",
    "QUANTITY",
    "OBSERVATION",
    "PREFIXES",
    "curie",
    "ONTOLOGY_GRAPH",
    "REGISTRY_GRAPH",
    "PROVENANCE_GRAPH",
    "ANALYSIS_GRAPH",
    "entity_iri",
    "source_iri",
    "sparql_prologue",
    "ENTITY_CLASSES",
    "local_name",
    "ORGANISATION_CLASSES",
]

BASE = "https://w3id.org/battery-kg/"


class BKG(DefinedNamespace):
    """The battery-kg ontology (``ontology/battery.ttl``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # Classes
    Organization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    ResearchInstitution: URIRef
    Publisher: URIRef
    Person: URIRef
    Event: URIRef
    Conference: URIRef
    ConferenceSeries: URIRef
    Visit: URIRef
    SigningCeremony: URIRef
    Place: URIRef
    AdministrativeArea: URIRef
    Country: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef
    IndustrialPark: URIRef
    Facility: URIRef
    InvestmentProject: URIRef
    Technology: URIRef
    Observation: URIRef
    Article: URIRef
    Sentence: URIRef
    Assertion: URIRef
    FactStatus: URIRef
    Reviewed: URIRef
    Extracted: URIRef
    ExtractionRun: URIRef
    AnalysisRun: URIRef
    Score: URIRef
    Community: URIRef

    # Relations
    partnerOf: URIRef
    signedAgreementWith: URIRef
    subsidiaryOf: URIRef
    suppliesTo: URIRef
    produces: URIRef
    operator: URIRef
    governs: URIRef
    host: URIRef
    exhibitor: URIRef
    speaker: URIRef
    keynoteSpeaker: URIRef
    delegation: URIRef
    guestOfHonour: URIRef
    visited: URIRef
    topic: URIRef
    party: URIRef
    investor: URIRef
    plannedInvestment: URIRef
    technology: URIRef
    signingDate: URIRef
    signedAt: URIRef

    # Observations
    about: URIRef
    indicator: URIRef
    quantity: URIRef
    qualifier: URIRef
    growthRate: URIRef
    reportedBy: URIRef

    # Provenance
    evidence: URIRef
    source: URIRef
    status: URIRef
    confidence: URIRef
    quote: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sourceId: URIRef
    extractor: URIRef

    # Analysis
    scoreOf: URIRef
    measure: URIRef
    network: URIRef
    scoreValue: URIRef
    rank: URIRef
    member: URIRef
    modularity: URIRef
    parameters: URIRef


#: The classes (local names in :class:`BKG`) whose members are entities of the ecosystem, most specific first:
#: an entity's kind is the first that applies. The build counts entities by it, the projections give nodes
#: their ``kind`` by it, the views tell entities from records by it, and the extractor's kinds are among it.
#:
#: >>> ENTITY_CLASSES.index("Company") < ENTITY_CLASSES.index("Organization") < ENTITY_CLASSES.index("Publisher")
#: True
ENTITY_CLASSES = (
    "Company", "GovernmentBody", "ResearchInstitution", "Organization",
    "Person",
    "SigningCeremony", "Visit", "Conference", "ConferenceSeries", "Event",
    "InvestmentProject",
    "IndustrialPark", "Facility",
    "District", "City", "Province", "Country", "AdministrativeArea", "Place",
    "Technology",
    "Publisher",
)
#: The entity classes of organisations: the nodes of the partnership network.
ORGANISATION_CLASSES = frozenset({"Company", "GovernmentBody", "ResearchInstitution", "Organization"})

BK = Namespace(BASE + "id/")
SOURCE = Namespace(BASE + "source/")
GRAPH = Namespace(BASE + "graph/")
AMOUNT = Namespace(BASE + "amount/")
QUANTITY = Namespace(BASE + "quantity/")
OBSERVATION = Namespace(BASE + "observation/")

ONTOLOGY_GRAPH = GRAPH.ontology
REGISTRY_GRAPH = GRAPH.registry
PROVENANCE_GRAPH = GRAPH.provenance
ANALYSIS_GRAPH = GRAPH.analysis

#: The text of an IRI as it may stand between ``<`` and ``>`` in SPARQL: what a user's IRI must match before it
#: is written into a query.
IRI_TEXT = re.compile(r'[^<>"{}|^`\\\s\x00-\x20]+')

#: Prefixes declared in every serialisation and predeclared in every query.
PREFIXES: dict[str, str] = {
    "bkg": str(BKG._NS),
    "bk": str(BK),
    "src": str(SOURCE),
    "amt": str(AMOUNT),
    "qty": str(QUANTITY),
    "obs": str(OBSERVATION),
    "kgg": str(GRAPH),
    "schema": str(SDO._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "owl": str(OWL._NS),
    "skos": str(SKOS._NS),
    "prov": str(PROV._NS),
    "xsd": str(XSD._NS),
    "dcterms": "http://purl.org/dc/terms/",
    "sh": str(SH._NS),
}


def entity_iri(slug: str) -> URIRef:
    """The IRI of the registry entity with this slug."""
    return BK[slug]


def source_iri(source_id: str) -> URIRef:
    """The IRI of the article with this source id.

    >>> source_iri("000_f60388011d6d32ce")
    rdflib.term.URIRef('https://w3id.org/battery-kg/source/000_f60388011d6d32ce')
    """
    return SOURCE[source_id]


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``…/ontology#partnerOf`` → ``partnerOf``.

    >>> local_name("https://schema.org/organizer")
    'organizer'
    """
    return re.split(r"[#/]", str(iri).rstrip("/#"))[-1]


def curie(iri: str) -> str:
    """An IRI in the short form of our prefixes, ``<…>`` when none fits.

    >>> curie("https://w3id.org/battery-kg/id/exencell"), curie("http://example.org/x")
    ('bk:exencell', '<http://example.org/x>')
    """
    for prefix, base in PREFIXES.items():
        rest = iri[len(base):]
        if iri.startswith(base) and "/" not in rest and "#" not in rest:
            return f"{prefix}:{rest}"
    return f"<{iri}>"


def sparql_prologue(query: str) -> str:
    """The PREFIX declarations, on one line, for the prefixes ``query`` does not declare itself.

    >>> sparql_prologue("PREFIX bkg: <x#> SELECT * {}").count("PREFIX")
    15
    """
    declared = {m.lower() for m in re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:", query)}
    return " ".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared)
