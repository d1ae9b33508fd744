"""Projections: what becomes a node and an edge, the partnership weighting, and the filters."""

from __future__ import annotations

import pytest

import graph
from graph.analysis.projections import (
    entity_network,
    organisation_event_network,
    organisation_place_network,
    partnership_network,
)
from graph.errors import UnknownEntityError, UsageError

from .conftest import bk, store_from_trig

EXPO = """
bk:acme a bkg:Company ; rdfs:label "Acme"@en .
bk:beta a bkg:Company ; rdfs:label "Beta"@en .
bk:gamma a bkg:Company ; rdfs:label "Gamma"@en .
bk:delta a bkg:Company ; rdfs:label "Delta"@en .
bk:city a bkg:City ; rdfs:label "Big City"@en .
kgg:registry { bk:city schema:containedInPlace bk:province . }
bk:province a bkg:Province ; rdfs:label "Province"@en .
bk:elsewhere a bkg:Province ; rdfs:label "Elsewhere"@en .
bk:expo a bkg:Conference ; rdfs:label "Expo"@en .
bk:signing a bkg:SigningCeremony ; rdfs:label "Signing"@en .
bk:project a bkg:InvestmentProject ; rdfs:label "Project"@en .
src:s1 a bkg:Article ; bkg:sourceId "s1" ; schema:datePublished "2023-03-01"^^xsd:date .
src:s2 a bkg:Article ; bkg:sourceId "s2" ; schema:datePublished "2024-06-01"^^xsd:date .
<https://w3id.org/battery-kg/source/s1/a01> a bkg:Assertion ; bkg:status bkg:Reviewed ; bkg:source src:s1 .
<https://w3id.org/battery-kg/source/s1/a01> {
    bk:expo schema:startDate "2023-03-01"^^xsd:date ; schema:location bk:elsewhere ;
        schema:organizer bk:acme ; bkg:exhibitor bk:beta, bk:gamma, bk:delta .
}
<https://w3id.org/battery-kg/source/s2/a01> a bkg:Assertion ; bkg:status bkg:Reviewed ; bkg:source src:s2 .
<https://w3id.org/battery-kg/source/s2/a01> {
    bk:project bkg:party bk:acme, bk:beta ; bkg:signingDate "2024-05-20"^^xsd:date ; schema:location bk:city ;
        bkg:signedAt bk:signing ; bkg:plannedInvestment <https://w3id.org/battery-kg/amount/CNY-100> .
    <https://w3id.org/battery-kg/amount/CNY-100> a schema:MonetaryAmount ; schema:value 100.0 .
    bk:acme bkg:signedAgreementWith bk:beta .
}
<https://w3id.org/battery-kg/source/s2/a02> a bkg:Assertion ; bkg:status bkg:Extracted ; bkg:confidence 0.6 ;
    bkg:source src:s2 .
<https://w3id.org/battery-kg/source/s2/a02> { bk:gamma bkg:partnerOf bk:delta . }
"""


@pytest.fixture()
def expo_store():
    return store_from_trig(EXPO)


def test_entity_network_nodes_carry_iri_label_and_kind_and_never_a_literal(expo_store):
    g = entity_network(expo_store)
    assert g.nodes[bk("acme")] == {"iri": bk("acme"), "label": "Acme", "kind": "Company"}
    assert g.nodes[bk("project")]["date"] == "2024-05-20"
    assert all(str(n).startswith("https://w3id.org/battery-kg/id/") for n in g)  # no amounts, dates, literals


def test_entity_network_edges_carry_relation_direction_and_sources(expo_store):
    edge = entity_network(expo_store).get_edge_data(bk("expo"), bk("beta"))["exhibitor"]
    assert edge["subject"] == bk("expo") and edge["object"] == bk("beta")
    assert edge["sources"] == ["s1"]
    assert edge["assertions"] == ["https://w3id.org/battery-kg/source/s1/a01"]
    assert edge["status"] == "reviewed"


def test_an_expo_weighs_one_over_n_minus_one_per_pair_and_an_agreement_one(expo_store):
    g = partnership_network(expo_store)
    # four organisations at the expo: each pair gets 1/3
    assert g[bk("gamma")][bk("beta")]["weight"] == pytest.approx(1 / 3)
    # acme-beta: the expo (1/3), co-parties of a two-party project (1), an agreement (1)
    assert g[bk("acme")][bk("beta")]["weight"] == pytest.approx(1 / 3 + 1 + 1)
    evidence = {(e["relation"], e["via"]) for e in g[bk("acme")][bk("beta")]["evidence"]}
    assert evidence == {("co-attendance", bk("expo")), ("co-parties", bk("project")), ("signedAgreementWith", None)}
    assert g[bk("acme")][bk("beta")]["sources"] == ["s1", "s2"]


def test_co_organisers_are_told_apart_from_co_attendees():
    store = store_from_trig("""
        bk:a a bkg:GovernmentBody ; rdfs:label "A"@en . bk:b a bkg:GovernmentBody ; rdfs:label "B"@en .
        bk:e a bkg:Event ; rdfs:label "E"@en .
        <https://w3id.org/battery-kg/source/s/a1> a bkg:Assertion ; bkg:status bkg:Reviewed .
        <https://w3id.org/battery-kg/source/s/a1> { bk:e schema:organizer bk:a ; bkg:host bk:b . }
    """)
    assert partnership_network(store)[bk("a")][bk("b")]["relations"] == ["co-organisers"]


def test_reviewed_only_leaves_extracted_candidates_out(expo_store):
    with_candidates = partnership_network(expo_store)
    reviewed = partnership_network(expo_store, include_candidates=False)
    assert "partnerOf" in with_candidates[bk("gamma")][bk("delta")]["relations"]
    assert "partnerOf" not in reviewed[bk("gamma")][bk("delta")]["relations"]
    assert entity_network(expo_store, include_candidates=False).get_edge_data(bk("gamma"), bk("delta")) is None


def test_a_date_window_keeps_the_facts_of_events_in_it(expo_store):
    g = partnership_network(expo_store, since="2024-01-01")
    # the 2023 expo is out; the 2024 project, the agreement and the partnership published in 2024 stay
    assert set(g) == {bk("acme"), bk("beta"), bk("gamma"), bk("delta")}
    assert g[bk("acme")][bk("beta")]["relations"] == ["co-parties", "signedAgreementWith"]
    assert set(partnership_network(expo_store, until="2023-12-31")[bk("acme")][bk("beta")]["relations"]) == {
        "co-attendance"}
    assert bk("expo") not in entity_network(expo_store, since="2024")
    assert bk("project") not in entity_network(expo_store, until="2023-12-31")


def test_a_region_keeps_what_is_located_in_it_and_who_takes_part(expo_store):
    g = entity_network(expo_store, within="Province")
    assert {bk("project"), bk("city"), bk("province"), bk("acme"), bk("beta")} <= set(g)
    assert bk("expo") not in g and bk("elsewhere") not in g


def test_bipartite_networks_split_organisations_from_events_and_places(expo_store):
    events = organisation_event_network(expo_store)
    assert {n for n, d in events.nodes(data=True) if d["bipartite"] == 1} == {bk("expo"), bk("project")}
    assert events[bk("acme")][bk("expo")]["relations"] == ["organizer"]
    places = organisation_place_network(expo_store)
    assert places[bk("acme")][bk("city")]["relations"] == ["party via Project"]
    assert places.nodes[bk("elsewhere")]["bipartite"] == 1


def test_an_empty_store_gives_empty_networks():
    store = store_from_trig("")
    assert entity_network(store).number_of_nodes() == 0
    assert partnership_network(store).number_of_edges() == 0


def test_bad_filters_are_usage_errors(expo_store):
    with pytest.raises(UsageError):
        entity_network(expo_store, since="last year")
    with pytest.raises(UnknownEntityError):
        entity_network(expo_store, within="Atlantis")


# The seed graph: properties that follow from the articles.

EXENCELL = bk("exencell")
VISIT = bk("exencell-mianyang-visit-2023")


def test_exencell_partners_are_the_five_named_in_its_news_with_their_evidence(seed_store):
    g = graph.partnership_network(seed_store)
    partners = {n for n in g[EXENCELL] if "partnerOf" in g[EXENCELL][n]["relations"]}
    assert partners == {bk(s) for s in ("ace-battery", "tecloman", "solarspace", "harmontronics", "schneider-electric")}
    tie = g[EXENCELL][bk("tecloman")]
    assert tie["sources"] == ["000_f60388011d6d32ce"]
    assert {(e["relation"], e["via"]) for e in tie["evidence"]} == {("partnerOf", None), ("co-attendance", VISIT)}
    # eight organisations took part in the visit, so the visit adds 1/7 to each pair
    assert tie["weight"] == pytest.approx(1 + 1 / 7)


def test_exencell_meets_the_two_governments_only_at_the_visit(seed_store):
    g = graph.partnership_network(seed_store)
    for government in ("sichuan-government", "chongqing-government"):
        assert g[EXENCELL][bk(government)]["relations"] == ["co-attendance"]


def test_seed_filters_follow_the_articles(seed_store):
    assert VISIT not in graph.entity_network(seed_store, since="2024-01-01")  # the visit was in December 2023
    sichuan = graph.entity_network(seed_store, within="Sichuan")
    assert VISIT in sichuan and bk("world-power-battery-conference-2024") in sichuan
    assert bk("energy-storage-conference-shanghai-2023") not in sichuan


class _SparqlOnly:
    """A store that only answers ``query``, as a remote endpoint does (no Oxigraph shortcut)."""

    def __init__(self, store):
        self._store = store

    def query(self, sparql, *, timeout=None):
        return self._store.query(sparql, timeout=timeout)


def test_a_sparql_only_store_gives_the_same_networks(seed_store):
    remote = _SparqlOnly(seed_store)
    for project in (entity_network, partnership_network):
        ours, theirs = project(seed_store), project(remote)
        assert sorted(ours.nodes(data=True)) == sorted(theirs.nodes(data=True))
        assert sorted(ours.edges(data=True), key=repr) == sorted(theirs.edges(data=True), key=repr)
