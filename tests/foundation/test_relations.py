"""Each relation type: the seed facts that use it, and the shape that rejects its misuse."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import SDO, XSD

from graph.build import assemble
from graph.namespace import BK, BKG
from graph.validate import validate

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
]


@pytest.mark.parametrize("relation, subject, obj", EXAMPLES)
def test_seed_facts_use_the_relation(seed_store, relation, subject, obj):
    assert seed_store.query(f"""
        ASK {{ ?s rdfs:label "{subject}"@en . ?o rdfs:label "{obj}"@en .
               GRAPH ?a {{ ?s {relation} ?o }} ?a bkg:evidence ?sentence }}""").boolean


@pytest.fixture(scope="module")
def seed_assembly():
    return assemble()


MISUSES = [
    ((BK.exencell, BKG.partnerOf, BK.yibin), "bkg:partnerOf"),
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
