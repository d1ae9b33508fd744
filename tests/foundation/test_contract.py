"""The interoperability contract: standard vocabularies find our data with standard queries."""

from __future__ import annotations

import pytest


def test_every_entity_has_exactly_one_english_label(seed_store):
    rows = seed_store.query("""
        SELECT ?e (COUNT(?l) AS ?n) WHERE {
          { SELECT DISTINCT ?e WHERE { ?e a ?c . ?c rdfs:subClassOf* ?top .
            VALUES ?top { schema:Organization schema:Person schema:Event schema:Place bkg:InvestmentProject
                          bkg:Technology } } }
          OPTIONAL { ?e rdfs:label ?l FILTER(LANG(?l) = "en") }
        } GROUP BY ?e HAVING (COUNT(?l) != 1)""").rows
    assert rows == []


@pytest.mark.parametrize("cls, expected", [
    ("schema:Corporation", "EXENCELL"),
    ("schema:GovernmentOrganization", "People's Government of Yibin City"),
    ("schema:Organization", "Chinese Academy of Sciences"),
    ("schema:Person", "Zhao Tianshou"),
    ("schema:Event", "2024 World Power Battery Conference"),
    ("schema:AdministrativeArea", "Dazhou City"),
    ("schema:Place", "East Economic Development Zone of Dazhou"),
    ("schema:Place", "EXENCELL Mianyang Factory"),
    ("schema:NewsArticle", None),
])
def test_our_classes_are_found_through_schema_org(seed_store, cls, expected):
    names = {str(r[0]) for r in seed_store.query(f"""
        SELECT ?name WHERE {{ ?x a/rdfs:subClassOf* {cls} . OPTIONAL {{ ?x rdfs:label ?name }}
                              OPTIONAL {{ ?x schema:headline ?name }} }}""").rows if r[0] is not None}
    if expected is None:
        assert len(seed_store.query(f"SELECT ?x WHERE {{ ?x a/rdfs:subClassOf* {cls} }}").rows) == 5
    else:
        assert expected in names


def test_projects_and_technologies_are_not_schema_projects(seed_store):
    assert not seed_store.query("""ASK { bkg:InvestmentProject rdfs:subClassOf* schema:Organization }""").boolean
    assert not seed_store.query("""ASK { bkg:Technology rdfs:subClassOf* schema:Organization }""").boolean


@pytest.mark.parametrize("prop, subject, obj", [
    ("schema:attendee", "2023 International Energy Storage Technology, Equipment and Application (Shanghai) Conference and Exhibition", "Zhao Tianshou"),
    ("schema:attendee", "Government delegates' visit to EXENCELL Mianyang Factory, December 2023", "ACE Battery"),
    ("schema:organizer", "2024 World Power Battery Conference", "People's Government of Sichuan Province"),
    ("schema:location", "Comprehensive sodium-ion battery industry project in Dazhou", "East Economic Development Zone of Dazhou"),
    ("schema:containedInPlace", "Yibin City", "Sichuan Province"),
    ("schema:worksFor", "Yuan Guohua", "Lingang Group"),
])
def test_our_properties_are_found_through_schema_org(seed_store, prop, subject, obj):
    assert seed_store.query(f"""
        ASK {{ ?s rdfs:label "{subject}"@en . ?o rdfs:label "{obj}"@en .
               ?s ?p ?o . ?p rdfs:subPropertyOf* {prop} }}""").boolean


def test_partnership_is_symmetric_in_the_ontology(seed_store):
    assert seed_store.query("ASK { bkg:partnerOf a owl:SymmetricProperty }").boolean


def test_money_is_a_monetary_amount_in_whole_units_with_iso_currency(seed_store):
    rows = seed_store.query("""
        SELECT ?m ?v ?c WHERE { ?m a schema:MonetaryAmount ; schema:value ?v ; schema:currency ?c }""").rows
    assert rows
    for _m, value, currency in rows:
        assert value.datatype.endswith("#decimal")
        assert str(currency) in {"CNY", "USD"}
    values = {(str(c), int(float(str(v)))) for _m, v, c in rows}
    assert ("CNY", 95_250_000_000) in values


def test_dates_are_xsd_dates(seed_store):
    rows = seed_store.query("SELECT ?d WHERE { ?e a/rdfs:subClassOf* bkg:Event ; schema:startDate ?d }").rows
    assert rows and all(str(d.datatype).endswith("#date") for (d,) in rows)


def test_every_place_reaches_china(seed_store):
    stray = seed_store.query("""
        SELECT ?p WHERE { ?p a/rdfs:subClassOf* bkg:Place .
          FILTER NOT EXISTS { ?p schema:containedInPlace* ?c . ?c a bkg:Country } }""").rows
    assert stray == []


def test_article_metadata_uses_schema_org(seed_store):
    rows = seed_store.query("""
        SELECT ?id ?date ?publisher WHERE { ?a a bkg:Article ; bkg:sourceId ?id ; schema:datePublished ?date ;
          schema:publisher/rdfs:label ?publisher } ORDER BY ?id""").rows
    assert [(str(i), str(d), str(p)) for i, d, p in rows][2] == ("002_14e0f3445d4c3602", "2024-09-02", "MENAFN")
    assert len(rows) == 5
