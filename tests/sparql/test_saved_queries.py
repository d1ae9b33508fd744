"""Saved questions on the seed graph: each answer written from reading the articles and their facts."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from rdflib import URIRef

import graph.entities
from graph.errors import UnknownEntityError, UsageError
from graph.namespace import PREFIXES
from graph.sparql.saved import _parse, list_saved, load_saved, run_saved, term_for
from graph.store import EmbeddedStore

BK = "https://w3id.org/battery-kg/id/"
WPBC_2024 = "2024 World Power Battery Conference"


def labels(result, column):
    index = result.variables.index(column)
    return [str(row[index]) for row in result.rows]


def test_at_least_fifteen_saved_questions_each_with_a_question_and_documented_parameters():
    saved = list_saved()
    assert len(saved) >= 15
    for query in saved:
        assert query.question.endswith("?"), query.name
        for param in query.params:
            assert param.description and param.default is not None, (query.name, param.name)


def test_partners_of_exencell_come_with_the_sentence_that_names_them(seed_store):
    result = run_saved("partners", {"org": "EXENCELL"}, seed_store)
    assert labels(result, "partnerLabel") == ["ACE Battery", "Harmontronics", "Schneider Electric", "Solarspace",
                                              "Tecloman"]
    assert set(labels(result, "sourceId")) == {"000_f60388011d6d32ce"}
    assert all("EXENCELL teamed up with 27 key partner companies" in s for s in labels(result, "sentence"))


def test_partners_include_agreements_signed_in_either_direction(seed_store):
    result = run_saved("partners", {"org": "Liaoning Hongcheng Power Supply"}, seed_store)
    assert labels(result, "partnerLabel") == ["Liaoning Xingkong Sodium Battery Co., Ltd."]
    assert labels(result, "relation") == ["https://w3id.org/battery-kg/ontology#signedAgreementWith"]


def test_events_of_the_whole_period_in_date_order_with_place_and_organisers(seed_store):
    result = run_saved("events", {}, seed_store)
    assert [r["start"].isoformat() for r in result.records()] == ["2023-10-31", "2023-12-28", "2024-02-20",
                                                                   "2024-09-01"]
    records = {r["eventLabel"]: r for r in result.records()}
    assert records["Government delegates' visit to EXENCELL Mianyang Factory, December 2023"]["organisers"] == "EXENCELL"
    assert records["Government delegates' visit to EXENCELL Mianyang Factory, December 2023"]["placeLabel"] == \
        "EXENCELL Mianyang Factory"
    wpbc = records[WPBC_2024]
    assert wpbc["placeLabel"] == "Yibin City"
    # host (a sub-property of organizer) and the two joint organisers of source 004
    assert set(wpbc["organisers"].split("; ")) == {"People's Government of Sichuan Province",
                                                   "People's Government of Yibin City",
                                                   "Sichuan Provincial Economic and Information Department"}


def test_events_of_a_period_leave_out_the_events_outside_it(seed_store):
    result = run_saved("events", {"from": "2024-01-01", "to": "2024-06-30"}, seed_store)
    assert labels(result, "eventLabel") == ["Signing ceremony of the Dazhou sodium-ion battery industry project, "
                                            "February 2024"]


def test_signed_investment_by_province_counts_the_dazhou_project_once(seed_store):
    records = run_saved("investment-by-province", {}, seed_store).records()
    assert [(r["provinceLabel"], r["investmentCNY"], r["projects"]) for r in records] == [
        ("Sichuan Province", Decimal("11500000000"), 1)]


def test_signed_investment_by_city(seed_store):
    records = run_saved("investment-by-city", {}, seed_store).records()
    assert [(r["cityLabel"], r["investmentCNY"], r["projects"]) for r in records] == [
        ("Dazhou City", Decimal("11500000000"), 1)]


def test_signed_investment_by_city_and_year(seed_store):
    records = run_saved("investment-by-city-and-year", {}, seed_store).records()
    assert [(r["year"], r["cityLabel"], r["provinceLabel"], r["investmentCNY"], r["projects"]) for r in records] == [
        (2024, "Dazhou City", "Sichuan Province", Decimal("11500000000"), 1)]


def _registry_store(turtle: str) -> EmbeddedStore:
    """A store holding ``turtle`` (our prefixes predeclared) in the registry graph and the union default graph."""
    from rdflib import Dataset

    prefixes = "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in PREFIXES.items())
    dataset = Dataset()
    dataset.graph(URIRef("https://w3id.org/battery-kg/graph/registry")).parse(data=prefixes + turtle, format="turtle")
    store = EmbeddedStore.create(None)
    store.load_nquads(_union(dataset.serialize(format="nquads")))
    return store


_MONEY = """
bk:sc a bkg:Province ; rdfs:label "Sichuan Province"@en, "四川省"@zh .
bk:cq a bkg:Province ; rdfs:label "Chongqing Municipality"@en .
bk:c1 a bkg:City ; rdfs:label "First City"@en, "一市"@zh ; schema:containedInPlace bk:sc .
bk:park a bkg:IndustrialPark ; rdfs:label "A Park"@en ; schema:containedInPlace bk:c1, bk:sc .  # in its province too
bk:d1 a bkg:District ; rdfs:label "A District"@en ; schema:containedInPlace bk:cq .
bk:gz a bkg:IndustrialPark ; rdfs:label "Two-Province Area"@en ; schema:containedInPlace bk:sc, bk:cq .
bk:ev a bkg:SigningCeremony ; schema:startDate "2023-05-05"^^xsd:date .
bk:ev2 a bkg:SigningCeremony .
bk:p1 a bkg:InvestmentProject ; bkg:plannedInvestment bk:m100 ; bkg:signingDate "2022-03-01"^^xsd:date ;
    schema:location bk:d1 .
bk:p2 a bkg:InvestmentProject ; bkg:plannedInvestment bk:m200, bk:m300 ; bkg:signedAt bk:ev ; schema:location bk:park .
bk:p3 a bkg:InvestmentProject ; bkg:plannedInvestment bk:m50 ; bkg:signedAt bk:ev2 ; schema:location bk:c1 .
bk:p4 a bkg:InvestmentProject ; bkg:plannedInvestment bk:m100 ; schema:location bk:c1 .
bk:p5 a bkg:InvestmentProject ; bkg:plannedInvestment bk:m50 ; bkg:signingDate "2026-01-14"^^xsd:date ;
    schema:location bk:gz .
bk:p6 a bkg:InvestmentProject ; bkg:plannedInvestment bk:m300usd ; bkg:signingDate "2022-03-01"^^xsd:date ;
    schema:location bk:c1 .
bk:m50 a schema:MonetaryAmount ; schema:value 50.0 ; schema:currency "CNY" .
bk:m100 a schema:MonetaryAmount ; schema:value 100.0 ; schema:currency "CNY" .
bk:m200 a schema:MonetaryAmount ; schema:value 200.0 ; schema:currency "CNY" .
bk:m300 a schema:MonetaryAmount ; schema:value 300.0 ; schema:currency "CNY" .
bk:m300usd a schema:MonetaryAmount ; schema:value 300.0 ; schema:currency "USD" .
"""


def test_signed_investment_by_city_and_year_dates_each_project_by_its_signing():
    records = run_saved("investment-by-city-and-year", {}, _registry_store(_MONEY)).records()
    assert [(r["year"], r["cityLabel"], r["provinceLabel"], r["investmentCNY"], r["projects"]) for r in records] == [
        (None, "First City", "Sichuan Province", Decimal("50"), 1),  # signed at an event no source dates
        (2022, "A District", "Chongqing Municipality", Decimal("100"), 1),  # in Chongqing, the district
        (2023, "First City", "Sichuan Province", Decimal("300"), 1),  # the event's year; the largest amount; in
        # its park's city only, though the park is also said to lie in the province
        (2026, "Two-Province Area", "Chongqing Municipality", Decimal("50"), 1),  # under both provinces
        (2026, "Two-Province Area", "Sichuan Province", Decimal("50"), 1),
    ]  # p4 (never signed) and p6 (in USD) are not counted


def test_companies_in_both_sichuan_and_chongqing_on_the_seed_graph_are_none(seed_store):
    assert run_saved("companies-in-both-places", {}, seed_store).rows == []


def test_a_company_in_a_province_and_a_city_of_it(seed_store):
    records = run_saved("companies-in-both-places", {"first": "Sichuan", "second": "Mianyang"}, seed_store).records()
    # it operates the EXENCELL Mianyang Factory, in Mianyang, in Sichuan
    assert [(r["companyLabel"], r["inFirst"], r["firstVia"], r["inSecond"], r["secondVia"]) for r in records] == [
        ("EXENCELL", 1, "facility", 1, "facility")]


_PRESENCE = """
bk:sc a bkg:Province ; rdfs:label "Sichuan Province"@en .
bk:cq a bkg:Province ; rdfs:label "Chongqing Municipality"@en .
bk:c1 a bkg:City ; rdfs:label "First City"@en ; schema:containedInPlace bk:sc .
bk:d1 a bkg:District ; rdfs:label "A District"@en ; schema:containedInPlace bk:cq .
bk:park a bkg:IndustrialPark ; rdfs:label "A Park"@en ; schema:containedInPlace bk:d1 .
bk:a a bkg:Company ; rdfs:label "Alpha"@en, "阿尔法"@zh .
bk:b a bkg:Company ; rdfs:label "Beta"@en ; schema:location bk:park .
bk:c a bkg:Company ; rdfs:label "Gamma"@en ; schema:location bk:c1 .
bk:g a bkg:GovernmentBody ; rdfs:label "A Government"@en ; schema:location bk:c1, bk:d1 .
bk:p1 a bkg:InvestmentProject ; rdfs:label "Project in First City"@en ; bkg:party bk:a ; bkg:investor bk:b ;
    schema:location bk:c1 .
bk:f1 a bkg:Facility ; rdfs:label "Plant in A District"@en ; bkg:operator bk:a ; schema:location bk:d1 .
"""


def test_companies_present_in_both_places_through_projects_facilities_and_locations():
    records = run_saved("companies-in-both-places", {"first": "bk:sc", "second": "bk:cq"},
                        _registry_store(_PRESENCE)).records()
    assert [(r["companyLabel"], r["inFirst"], r["firstVia"], r["inSecond"], r["secondVia"]) for r in records] == [
        ("Alpha", 1, "project", 1, "facility"),  # a party of a project in one, runs a plant in the other
        ("Beta", 1, "project", 1, "location"),  # invests in one, is in a park of the other
    ]  # Gamma is in one place only; a government body is not a company


def test_projects_by_technology(seed_store):
    records = run_saved("projects-by-technology", {}, seed_store).records()
    assert [(r["technologyLabel"], r["projects"]) for r in records] == [("Energy storage", 1), ("Sodium-ion battery", 1)]


def test_who_attended_what_with_their_role(seed_store):
    result = run_saved("attendance", {}, seed_store)
    rows = {(r["eventLabel"][:20], r["attendeeLabel"], r["role"].rsplit("/", 1)[-1].rsplit("#", 1)[-1])
            for r in result.records()}
    assert len(result.rows) == 17  # 6 at Shanghai, 9 at the Mianyang visit, 2 at the Dazhou signing
    assert ("2023 International E", "Zhao Tianshou", "keynoteSpeaker") in rows
    assert ("Government delegates", "Jeff You", "speaker") in rows
    assert ("Government delegates", "People's Government of Sichuan Province", "delegation") in rows
    assert ("Government delegates", "Schneider Electric", "exhibitor") in rows
    assert ("Signing ceremony of ", "Liaoning Xingkong Sodium Battery Co., Ltd.", "attendee") in rows


def test_organisations_active_in_two_or_more_events(seed_store):
    records = run_saved("active-organisations", {"min": "2"}, seed_store).records()
    assert [(r["orgLabel"], r["events"]) for r in records] == [("People's Government of Sichuan Province", 2)]
    at_least_one = run_saved("active-organisations", {"min": "1"}, seed_store)
    assert "EXENCELL" in labels(at_least_one, "orgLabel")


def test_people_with_their_organisations_and_titles(seed_store):
    records = run_saved("people", {}, seed_store).records()
    assert [(r["personLabel"], r["organisationLabel"], r["title"]) for r in records] == [
        ("Jeff You", "EXENCELL", "Co-founder and CEO"),
        ("Tang Wenkan", "Shanghai Municipal Commission of Economy and Informatization", "Vice Chairman"),
        ("Yuan Guohua", "Lingang Group", "Chairman"),
        ("Zhao Tianshou", "Chinese Academy of Sciences", "Academician"),
    ]


def test_the_sources_behind_a_fact_stated_by_two_articles(seed_store):
    result = run_saved("fact-sources", {"subject": WPBC_2024, "predicate": "schema:location"}, seed_store)
    assert [(r["objectLabel"], r["sourceId"]) for r in result.records()] == [
        ("Yibin City", "002_14e0f3445d4c3602"), ("Yibin City", "004_0e69c092427fc0c2")]
    assert all(r["status"].endswith("#Reviewed") for r in result.records())


def test_the_sources_behind_a_fact_stated_once(seed_store):
    result = run_saved("fact-sources", {"subject": WPBC_2024, "predicate": "schema:endDate"}, seed_store)
    assert [(str(r["object"]), r["sourceId"]) for r in result.records()] == [("2024-09-02", "004_0e69c092427fc0c2")]


def test_facts_supported_by_only_one_source(seed_store):
    result = run_saved("single-source-facts", {}, seed_store)
    facts = {(str(s), str(p), str(o)) for s, p, o, _ in result.rows}
    wpbc = BK + "world-power-battery-conference-2024"
    assert (wpbc, "https://schema.org/endDate", "2024-09-02") in facts
    assert (wpbc, "https://w3id.org/battery-kg/ontology#guestOfHonour", BK + "united-arab-emirates") in facts
    # stated by both 002 and 004
    assert (wpbc, "https://schema.org/location", BK + "yibin") not in facts
    assert (BK + "yibin", "https://schema.org/containedInPlace", BK + "sichuan") not in facts
    # stated by 000 and 004
    assert (BK + "sichuan", "https://schema.org/containedInPlace", BK + "china") not in facts


def test_no_disagreement_between_the_seed_sources(seed_store):
    assert run_saved("disagreements", {}, seed_store).rows == []


def _assertion(source: str, n: str, triple: str) -> str:
    graph = f"<https://w3id.org/battery-kg/source/{source}/{n}>"
    article = f"<https://w3id.org/battery-kg/source/{source}>"
    prov = "<https://w3id.org/battery-kg/graph/provenance>"
    bkg = "https://w3id.org/battery-kg/ontology#"
    return (f"{triple} {graph} .\n"
            f"{graph} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{bkg}Assertion> {prov} .\n"
            f"{graph} <{bkg}source> {article} {prov} .\n"
            f'{article} <{bkg}sourceId> "{source}" {prov} .\n')


def _union(nquads: str) -> bytes:
    lines = [line for line in nquads.splitlines() if line]
    default = [line.rsplit(" ", 2)[0] + " ." for line in lines]
    return ("\n".join(lines + default) + "\n").encode()


def test_two_sources_giving_two_dates_for_one_event_disagree():
    date = "<https://schema.org/startDate>"
    store = EmbeddedStore.create(None)
    store.load_nquads(_union(
        _assertion("s1", "a01", f'<{BK}e> {date} "2024-09-01"^^<http://www.w3.org/2001/XMLSchema#date>')
        + _assertion("s2", "a01", f'<{BK}e> {date} "2024-09-02"^^<http://www.w3.org/2001/XMLSchema#date>')
        + _assertion("s3", "a01", f'<{BK}e> {date} "2024-09-01"^^<http://www.w3.org/2001/XMLSchema#date>')))
    records = run_saved("disagreements", {}, store).records()
    assert sorted((str(r["value1"]), r["source1"], str(r["value2"]), r["source2"]) for r in records) == [
        ("2024-09-01", "s1", "2024-09-02", "s2"), ("2024-09-02", "s2", "2024-09-01", "s3")]


def test_a_place_and_a_place_inside_it_are_not_a_disagreement():
    where = "<https://schema.org/location>"
    inside = f"<{BK}yibin> <https://schema.org/containedInPlace> <{BK}sichuan> <https://w3id.org/battery-kg/graph/registry> .\n"
    store = EmbeddedStore.create(None)
    store.load_nquads(_union(inside + _assertion("s1", "a01", f"<{BK}e> {where} <{BK}yibin>")
                             + _assertion("s2", "a01", f"<{BK}e> {where} <{BK}sichuan>")
                             + _assertion("s3", "a01", f"<{BK}e> {where} <{BK}dazhou>")))
    records = run_saved("disagreements", {}, store).records()
    assert sorted((r["source1"], r["source2"]) for r in records) == [("s1", "s3"), ("s2", "s3")]


def test_every_entity_has_a_source(seed_store):
    assert run_saved("entities-without-source", {}, seed_store).rows == []


def test_an_entity_no_source_mentions_is_reported():
    store = EmbeddedStore.create(None)
    store.load_nquads(_union(
        f"<{BK}orphan> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        f"<https://w3id.org/battery-kg/ontology#Company> <https://w3id.org/battery-kg/graph/registry> .\n"))
    assert labels(run_saved("entities-without-source", {}, store), "entity") == [BK + "orphan"]


def test_everything_in_sichuan_transitively(seed_store):
    records = run_saved("within-place", {"place": "Sichuan"}, seed_store).records()
    found = {(r["how"], r["thingLabel"]) for r in records}
    assert found == {
        ("contained", "Yibin City"), ("contained", "Dazhou City"), ("contained", "Mianyang City"),
        ("contained", "East Economic Development Zone of Dazhou"), ("contained", "EXENCELL Mianyang Factory"),
        ("located", "EXENCELL Mianyang Factory"),  # source 000 also gives its schema:location, Mianyang
        ("located", WPBC_2024), ("located", "World Power Battery Conference"),
        ("located", "Comprehensive sodium-ion battery industry project in Dazhou"),
        ("located", "Government delegates' visit to EXENCELL Mianyang Factory, December 2023"),
    }


def test_everything_in_shanghai(seed_store):
    records = run_saved("within-place", {"place": "shanghai municipality"}, seed_store).records()
    assert {r["thingLabel"] for r in records} == {
        "Jiading District", "Minhang District", "Songjiang District", "Lingang New Area",
        "2023 International Energy Storage Technology, Equipment and Application (Shanghai) Conference and Exhibition"}


def test_what_the_sources_say_about_the_dazhou_project(seed_store):
    result = run_saved("entity-evidence", {"entity": "bk:dazhou-sodium-ion-battery-project"}, seed_store)
    facts = {(r["predicate"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], str(r["object"]).rsplit("/", 1)[-1])
             for r in result.records()}
    assert facts == {("party", "liaoning-xingkong-sodium-battery"), ("party", "liaoning-hongcheng-power-supply"),
                     ("investor", "liaoning-xingkong-sodium-battery"), ("investor", "liaoning-hongcheng-power-supply"),
                     ("technology", "sodium-ion-battery"), ("technology", "energy-storage"),
                     ("signingDate", "2024-02-20"), ("signedAt", "dazhou-sodium-ion-signing-2024"),
                     ("location", "dazhou-east-economic-development-zone"),
                     ("plannedInvestment", "CNY-11500000000")}
    assert set(labels(result, "sourceId")) == {"003_a93420692c2367a5"}


def test_the_figures_about_yibin(seed_store):
    records = run_saved("observations", {"entity": "Yibin"}, seed_store).records()
    assert len(records) == 9  # four from source 002, five from source 004
    figures = {(r["indicator"], r["value"], r["unit"]) for r in records}
    assert ("power battery sales volume", Decimal("96"), "GWh") in figures
    assert ("investment signed in projects to be based in Yibin", Decimal("84550000000"), "CNY") in figures
    assert ("expected jobs created", Decimal("20000"), "jobs") in figures


def test_signed_projects_with_parties_date_place_and_amount(seed_store):
    (record,) = run_saved("signed-projects", {}, seed_store).records()
    assert record["signingDate"].isoformat() == "2024-02-20"
    assert (record["placeLabel"], record["amount"], record["currency"]) == (
        "East Economic Development Zone of Dazhou", Decimal("11500000000"), "CNY")
    assert set(record["parties"].split("; ")) == {"Liaoning Xingkong Sodium Battery Co., Ltd.",
                                                  "Liaoning Hongcheng Power Supply Co., Ltd."}


def test_the_articles_and_their_assertions(seed_store):
    records = run_saved("sources", {}, seed_store).records()
    assert [(r["sourceId"][:3], r["assertions"], r["reviewedAssertions"]) for r in records] == [
        ("000", 7, 7), ("001", 8, 8), ("002", 8, 8), ("003", 6, 6), ("004", 9, 9)]
    assert records[2]["publisherLabel"] == "MENAFN"


# Optional parameters (default "any"): on a large graph a question of tens of thousands of rows is asked of one entity.

def test_single_source_facts_about_one_entity_are_its_rows_of_the_whole_answer(seed_store):
    wpbc = BK + "world-power-battery-conference-2024"
    every = run_saved("single-source-facts", {}, seed_store).rows
    about = run_saved("single-source-facts", {"subject": WPBC_2024}, seed_store).rows
    assert about == [row for row in every if str(row[0]) == wpbc]
    assert (wpbc, "https://schema.org/endDate", "2024-09-02") in {(str(s), str(p), str(o)) for s, p, o, _ in about}


def test_attendance_of_one_event_and_of_one_attendee(seed_store):
    visit = "Government delegates' visit to EXENCELL Mianyang Factory, December 2023"
    every = run_saved("attendance", {}, seed_store)
    of_visit = run_saved("attendance", {"event": visit}, seed_store)
    assert of_visit.rows == [row for row in every.rows if str(row[1]) == visit]
    assert len(of_visit.rows) == 9
    of_schneider = run_saved("attendance", {"attendee": "Schneider Electric"}, seed_store)
    assert of_schneider.rows == [row for row in every.rows if str(row[3]) == "Schneider Electric"] != []
    both = run_saved("attendance", {"event": visit, "attendee": "Schneider Electric"}, seed_store)
    assert labels(both, "eventLabel") == [visit] and labels(both, "attendeeLabel") == ["Schneider Electric"]


def test_an_optional_parameter_given_as_any_restricts_nothing(seed_store):
    assert run_saved("attendance", {"event": "any"}, seed_store).rows == run_saved("attendance", {}, seed_store).rows


def test_an_optional_parameter_is_declared_with_an_undef_values_clause():
    with pytest.raises(ValueError, match="UNDEF"):
        _parse("broken", "# question: Which?\n# param: x (entity) = any — x\nSELECT * { VALUES ?x { bk:a } ?x ?p ?o }")


def test_an_entity_written_as_its_iri_is_resolved_without_reading_every_name(seed_store, monkeypatch):
    def every_name(store):
        raise AssertionError("read every name")

    monkeypatch.setattr(graph.entities, "entity_names", every_name)
    for written in ("bk:exencell", "exencell", BK + "exencell", " bk:exencell "):
        assert term_for("entity", written, seed_store) == URIRef(BK + "exencell")
    with pytest.raises(AssertionError, match="every name"):  # a label, or an IRI of no entity: the full resolution
        term_for("entity", "EXENCELL", seed_store)
    with pytest.raises(AssertionError, match="every name"):
        term_for("entity", "bk:no-such-entity", seed_store)


@pytest.mark.parametrize("name", ["signed-projects", "companies-in-both-places"])
def test_the_party_properties_listed_in_a_query_are_bkg_party_and_its_sub_properties(seed_store, name):
    clauses = re.findall(r"VALUES \?partyRole \{([^}]*)\}", load_saved(name).text)
    closure = seed_store.query("SELECT ?p WHERE { ?p rdfs:subPropertyOf* bkg:party }").rows
    assert clauses
    for clause in clauses:
        assert sorted(PREFIXES[name.split(":")[0]] + name.split(":")[1] for name in clause.split()) == \
            sorted(str(p) for (p,) in closure)


# Parameters are bound as RDF terms, never pasted into the query.

def test_an_unknown_organisation_names_the_closest_ones(seed_store):
    with pytest.raises(UnknownEntityError, match="EXENCELL") as caught:
        run_saved("partners", {"org": "Exencel"}, seed_store)
    assert caught.value.exit_code == 2


def test_a_string_that_looks_like_sparql_stays_a_literal(seed_store):
    text = '"} } ; DROP ALL ; SELECT * { ?s ?p ?o'
    result = run_saved("fact-sources", {"subject": "2024 World Power Battery Conference",
                                        "predicate": "schema:location"}, seed_store)
    assert len(result.rows) == 2
    with pytest.raises(UsageError):
        run_saved("fact-sources", {"subject": WPBC_2024, "predicate": text}, seed_store)
    with pytest.raises(UnknownEntityError):
        run_saved("partners", {"org": text}, seed_store)


def test_a_malformed_date_or_number_is_a_usage_error(seed_store):
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        run_saved("events", {"from": "2024-01-01 } UNION { ?s ?p ?o"}, seed_store)
    with pytest.raises(UsageError, match="integer"):
        run_saved("active-organisations", {"min": "2 }"}, seed_store)


def test_an_unknown_parameter_or_query_is_a_usage_error(seed_store):
    with pytest.raises(UsageError, match="org"):
        run_saved("partners", {"organisation": "EXENCELL"}, seed_store)
    with pytest.raises(UsageError, match="partners"):
        load_saved("partner")
    with pytest.raises(UsageError):
        load_saved("../store")


def test_every_saved_query_runs_as_it_is_with_its_defaults(seed_store):
    for saved in list_saved():
        result = seed_store.query(saved.text)
        assert result.kind == "select", saved.name


# The command line.

def test_batterykg_queries_lists_every_question_with_its_parameters(cli):
    done = cli("queries")
    assert done.returncode == 0
    for saved in list_saved():
        assert f"{saved.name}\n    {saved.question}" in done.stdout
    assert "--param org=...  the organisation (a label, alias or IRI) (entity, default: EXENCELL)" in done.stdout


def test_batterykg_query_saved_with_a_parameter(cli, seed_output):
    done = cli("query", "--out", str(seed_output.root), "--saved", "partners", "--param", "org=Tecloman",
               "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("https://w3id.org/battery-kg/id/exencell,EXENCELL,")


def test_batterykg_query_saved_with_an_unknown_entity_exits_2_with_closest_names(cli, seed_output):
    done = cli("query", "--out", str(seed_output.root), "--saved", "partners", "--param", "org=Exencel")
    assert done.returncode == 2
    assert "no entity is named 'Exencel'; closest: EXENCELL" in done.stderr
