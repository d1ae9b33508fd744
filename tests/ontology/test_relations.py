"""Each relation type: the seed facts that use it, and the shape that rejects its misuse."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SDO, XSD

from graph.build import assemble
from graph.build.validate import validate
from graph.folders import ontology_file
from graph.namespace import BK, BKG
from graph.terms import compact

EXAMPLES = [
    ("bkg:partnerOf", "EXENCELL", "Tecloman"),
    ("bkg:signedAgreementWith", "Liaoning Xingkong Sodium Battery Co., Ltd.", "Liaoning Hongcheng Power Supply Co., Ltd."),
    ("bkg:host", "2024 World Power Battery Conference", "People's Government of Sichuan Province"),
    ("schema:organizer", "2024 World Power Battery Conference", "People's Government of Yibin City"),
    ("schema:attendee", "2023 International Energy Storage Technology, Equipment and Application (Shanghai) Conference and Exhibition", "BYD"),
    ("bkg:exhibitor", "Government delegates' visit to EXENCELL Mianyang Factory, December 2023", "Harmontronics"),
    ("bkg:speaker", "2023 International Energy Storage Technology, Equipment and Application (Shanghai) Conference and Exhibition", "Tang Wenkan"),
    ("bkg:keynoteSpeaker", "2023 International Energy Storage Technology, Equipment and Application (Shanghai) Conference and Exhibition", "Zhao Tianshou"),
    ("bkg:delegation", "Government delegates' visit to EXENCELL Mianyang Factory, December 2023", "People's Government of Chongqing Municipality"),
    ("bkg:guestOfHonour", "2024 World Power Battery Conference", "United Arab Emirates"),
    ("bkg:visited", "Government delegates' visit to EXENCELL Mianyang Factory, December 2023", "EXENCELL Mianyang Factory"),
    ("schema:location", "2024 World Power Battery Conference", "Yibin City"),
    ("schema:containedInPlace", "Jiading District", "Shanghai"),
    ("schema:worksFor", "Tang Wenkan", "Shanghai Municipal Commission of Economy and Informatization"),
    ("bkg:party", "Comprehensive sodium-ion battery industry project in Dazhou", "Liaoning Xingkong Sodium Battery Co., Ltd."),
    ("bkg:investor", "Comprehensive sodium-ion battery industry project in Dazhou", "Liaoning Hongcheng Power Supply Co., Ltd."),
    ("bkg:technology", "Comprehensive sodium-ion battery industry project in Dazhou", "Sodium-ion battery"),
    ("bkg:signedAt", "Comprehensive sodium-ion battery industry project in Dazhou", "Signing ceremony of the Dazhou sodium-ion battery industry project, February 2024"),
    ("bkg:governs", "Dazhou Municipal Government", "Dazhou City"),
    ("bkg:operator", "EXENCELL Mianyang Factory", "EXENCELL"),
    ("bkg:produces", "Solarspace", "Photovoltaics"),
    ("bkg:topic", "2024 World Power Battery Conference", "Power battery"),
    ("schema:superEvent", "2024 World Power Battery Conference", "World Power Battery Conference"),
    ("bkg:produces", "Harmontronics", "Industrial automation"),
    ("bkg:about", "Power battery sales volume of Yibin City, 2023", "Yibin City"),
    ("bkg:reportedBy", "Expected jobs created by the conference projects based in Yibin once fully operational (according to the Yibin Municipal Department for Economic Cooperation and New Industries)", "Yibin Municipal Department for Economic Cooperation and New Industries"),
]


@pytest.mark.parametrize("relation, subject, obj", EXAMPLES)
def test_seed_facts_use_the_relation(seed_store, relation, subject, obj):
    assert seed_store.query(f"""
        ASK {{ ?s rdfs:label "{subject}"@en . ?o rdfs:label "{obj}"@en .
               GRAPH ?a {{ ?s {relation} ?o }} ?a bkg:evidence ?sentence }}""").boolean


# Relations whose object is a literal (or reached through an amount or quantity node): subject, path, value.
LITERAL_EXAMPLES = [
    ("Jeff You", "schema:jobTitle", "Co-founder and CEO"),
    ("Comprehensive sodium-ion battery industry project in Dazhou", "bkg:signingDate", "2024-02-20"),
    ("Comprehensive sodium-ion battery industry project in Dazhou", "bkg:plannedInvestment/schema:value", Decimal("11500000000")),
    ("Comprehensive sodium-ion battery industry project in Dazhou", "bkg:plannedInvestment/schema:currency", "CNY"),
    ("2024 World Power Battery Conference", "schema:endDate", "2024-09-02"),
    ("Power battery sales volume of Yibin City, 2023", "bkg:indicator", "power battery sales volume"),
    ("Power battery sales volume of Yibin City, 2023", "bkg:quantity/schema:unitText", "GWh"),
    ("Exhibitors at the 2023 International Energy Storage (Shanghai) Conference and Exhibition", "bkg:qualifier", "more than"),
    ("New energy vehicle sales in China, 2023", "bkg:growthRate", Decimal("37.9")),
]


@pytest.mark.parametrize("subject, path, value", LITERAL_EXAMPLES, ids=[e[1] for e in LITERAL_EXAMPLES])
def test_seed_facts_give_the_literal(seed_store, subject, path, value):
    rows = seed_store.query(f"""
        SELECT ?v WHERE {{ ?s rdfs:label "{subject}"@en . GRAPH ?a {{ ?s {path} ?v }} ?a bkg:evidence ?sentence }}""").rows
    found = {Decimal(str(v)) if isinstance(value, Decimal) else str(v) for (v,) in rows}
    assert value in found, found


@pytest.fixture(scope="module")
def seed_assembly(seed_data):
    """The seed articles' inputs, assembled (not the whole corpus: pySHACL validates it once per misuse)."""
    return assemble(seed_data)


OBS = "https://w3id.org/battery-kg/observation/004_0e69c092427fc0c2/yibin-power-battery-sales-2023"
ASSERTION = URIRef("https://w3id.org/battery-kg/source/000_f60388011d6d32ce/a01")
VISIT = BK["exencell-mianyang-visit-2023"]
SHANGHAI_2023 = BK["energy-storage-conference-shanghai-2023"]

# One misuse per relation type of ontology/COVERAGE.md, and the path its violation names.
MISUSES = [
    ((BK.exencell, BKG.partnerOf, BK.yibin), "bkg:partnerOf"),
    ((BK.exencell, BKG.signedAgreementWith, BK.yibin), "bkg:signedAgreementWith"),
    ((BK.exencell, BKG.produces, BK.byd), "bkg:produces"),
    ((BK["world-power-battery-conference-2024"], SDO.organizer, BK.yibin), "schema:organizer"),
    ((BK["world-power-battery-conference-2024"], SDO.attendee, BK.yibin), "schema:attendee"),
    ((VISIT, BKG.exhibitor, BK["jeff-you"]), "bkg:exhibitor"),
    ((SHANGHAI_2023, BKG.keynoteSpeaker, BK["chinese-academy-of-sciences"]), "bkg:keynoteSpeaker"),
    ((VISIT, BKG.delegation, BK["jeff-you"]), "bkg:delegation"),
    ((BK["world-power-battery-conference-2024"], BKG.guestOfHonour, BK["sodium-ion-battery"]), "bkg:guestOfHonour"),
    ((VISIT, BKG.visited, BK["no-such-factory"]), "rdf:type"),
    ((BK["world-power-battery-conference-2024"], BKG.topic, BK.yibin), "bkg:topic"),
    ((BK["world-power-battery-conference-2024"], SDO.superEvent, BK.yibin), "schema:superEvent"),
    ((BK["dazhou-sodium-ion-battery-project"], BKG.party, BK.yibin), "bkg:party"),
    ((BK["dazhou-sodium-ion-battery-project"], BKG.investor, BK["sodium-ion-battery"]), "bkg:investor"),
    ((BK["dazhou-sodium-ion-battery-project"], BKG.plannedInvestment,
      URIRef("https://w3id.org/battery-kg/quantity/GWh-96")), "bkg:plannedInvestment"),
    ((BK["dazhou-sodium-ion-battery-project"], BKG.signedAt, BK.dazhou), "bkg:signedAt"),
    ((URIRef(OBS), BKG.about, BK["no-such-city"]), "rdf:type"),
    ((URIRef(OBS), BKG.quantity, BK.yibin), "bkg:quantity"),
    ((URIRef(OBS), BKG.indicator, Literal("power battery sales")), "bkg:indicator"),
    ((URIRef(OBS), BKG.qualifier, Literal("roughly")), "bkg:qualifier"),
    ((URIRef(OBS), BKG.growthRate, Literal("fast")), "bkg:growthRate"),
    ((URIRef(OBS), BKG.reportedBy, BK.yibin), "bkg:reportedBy"),
    ((BK["tang-wenkan"], SDO.jobTitle, Literal("Vice Chairman", lang="zh")), "schema:jobTitle"),
    ((BK["exencell-mianyang-factory"], SDO.location, BK.exencell), "schema:location"),
    ((BK["world-power-battery-conference"], SDO.startDate, Literal("since 2022")), "schema:startDate"),
    ((ASSERTION, BKG.status, URIRef(str(BKG._NS) + "Approved")), "bkg:status"),
    ((ASSERTION, BKG.confidence, Literal(Decimal("1.5"))), "bkg:confidence"),
    ((ASSERTION, BKG.evidence, BK.exencell), "bkg:evidence"),
    ((ASSERTION, BKG.source, BK.exencell), "bkg:source"),
    ((URIRef("https://w3id.org/battery-kg/extraction/run-x"), RDF.type, BKG.ExtractionRun), "bkg:extractor"),
    ((BK.exencell, BKG.subsidiaryOf, BK.china), "bkg:subsidiaryOf"),
    ((BK.exencell, BKG.suppliesTo, BK["sodium-ion-battery"]), "bkg:suppliesTo"),
    ((BK["world-power-battery-conference-2024"], BKG.host, BK.yibin), "bkg:host"),
    ((BK["world-power-battery-conference-2024"], BKG.speaker, BK.exencell), "bkg:speaker"),
    ((BK["world-power-battery-conference-2024"], SDO.location, BK.exencell), "schema:location"),
    ((BK["tang-wenkan"], SDO.worksFor, BK.shanghai), "schema:worksFor"),
    ((BK["dazhou-sodium-ion-battery-project"], BKG.technology, BK.byd), "bkg:technology"),
    ((BK["dazhou-sodium-ion-battery-project"], BKG.signingDate, Literal("Feb 20")), "bkg:signingDate"),
    ((BK["dazhou-government"], BKG.governs, BK.exencell), "bkg:governs"),
    ((BK["exencell-mianyang-factory"], BKG.operator, BK.mianyang), "bkg:operator"),
    ((BK.yibin, SDO.containedInPlace, BK.byd), "schema:containedInPlace"),
    ((BK["world-power-battery-conference-2024"], SDO.startDate, Literal("2024", datatype=XSD.gYear)),
     "schema:startDate"),
]


@pytest.mark.parametrize("triple, path", MISUSES, ids=[m[1] for m in MISUSES])
def test_shapes_reject_a_misused_relation(seed_assembly, triple, path):
    union = seed_assembly.union()
    union.add(triple)
    origins = dict(seed_assembly.origins)
    origins[triple] = {"data/facts/test.trig"}
    violations = validate(union, origins)
    assert any(v.path == path and "data/facts/test.trig" in v.files for v in violations), violations


def test_subsidiary_and_supplier_relations_conform_when_used_rightly(seed_assembly):
    union = seed_assembly.union()
    union.add((BK.tecloman, BKG.subsidiaryOf, BK.exencell))
    union.add((BK["ace-battery"], BKG.suppliesTo, BK.exencell))
    assert validate(union, seed_assembly.origins) == []


# Relations no seed article states, and where they are exercised instead.
WITHOUT_SEED_FACT = {
    "bkg:subsidiaryOf": "test_subsidiary_and_supplier_relations_conform_when_used_rightly",
    "bkg:suppliesTo": "test_subsidiary_and_supplier_relations_conform_when_used_rightly",
    "bkg:source": "test_provenance",
    "bkg:status": "test_provenance",
    "bkg:scoreOf": "tests/analysis (generated by the analysis, not stated by sources)",
    "bkg:member": "tests/analysis (generated by the analysis, not stated by sources)",
}
GENERATED = {"bkg:scoreOf", "bkg:member"}


def test_every_relation_of_the_ontology_has_a_seed_fact_and_a_misuse():
    """The lists above cover the ontology: adding a relation without a seed fact and a misuse fails here."""
    ontology = Graph().parse(ontology_file())
    relations = {compact(p) for p in ontology.subjects(RDF.type, OWL.ObjectProperty)
                 if str(p).startswith(str(BKG._NS))}
    stated = ({relation for relation, _s, _o in EXAMPLES} | {"bkg:evidence"}  # every example walks bkg:evidence
              | {step for _s, path, _v in LITERAL_EXAMPLES for step in path.split("/")})
    misused = {compact(triple[1]) for triple, _path in MISUSES}
    assert relations - stated - set(WITHOUT_SEED_FACT) == set()
    assert relations - misused - GENERATED == set()


# Classes no shape targets, and why: the analysis writes its results after the build has validated the graph,
# and the two fact statuses are individuals of the ontology that bks:AssertionShape lists (sh:in).
UNSHAPED = {"bkg:AnalysisRun", "bkg:Score", "bkg:Community", "bkg:FactStatus"}


def test_every_class_of_the_ontology_is_the_target_of_a_shape():
    """Directly or through a super-class: sh:targetClass applies to the instances of sub-classes too."""
    from graph.folders import shapes_file

    ontology = Graph().parse(ontology_file())
    shapes = Graph().parse(shapes_file())
    targeted = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    unshaped = set()
    for cls in ontology.subjects(RDF.type, OWL.Class):
        if not str(cls).startswith(str(BKG._NS)):
            continue
        supers = set(ontology.transitive_objects(cls, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf")))
        if not supers & targeted:
            unshaped.add(compact(cls))
    assert unshaped == UNSHAPED
