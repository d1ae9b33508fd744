"""Strongest ties, partner recommendations, connection paths and entity names."""

from __future__ import annotations

import math

import pytest

import graph
from graph.analysis import connection_paths, recommend_partners, strongest_ties
from graph.errors import UnknownEntityError

from .conftest import bk, partners_trig, store_from_trig


def test_recommendations_are_ranked_and_justified_by_shared_partners():
    # a and d share b and c; e shares only c with a; b is a hub (degree 3)
    store = store_from_trig(partners_trig([("a", "b"), ("a", "c"), ("d", "b"), ("d", "c"), ("e", "c"), ("e", "f")]))
    rows = recommend_partners(graph.partnership_network(store), bk("a"))
    assert [(r["node"], r["shared"]) for r in rows] == [(bk("d"), [bk("b"), bk("c")]), (bk("e"), [bk("c")])]
    d = rows[0]
    assert d["jaccard"] == 1.0
    assert d["resource_allocation"] == pytest.approx(1 / 2 + 1 / 3)
    assert d["adamic_adar"] == pytest.approx(1 / math.log(2) + 1 / math.log(3))
    assert d["shared_labels"] == ["B", "C"]
    by_jaccard = recommend_partners(graph.partnership_network(store), bk("a"), method="jaccard")
    assert by_jaccard[1]["jaccard"] == pytest.approx(1 / 3)  # e: {c} of {b, c, f}


def test_recommending_for_a_node_outside_the_network_is_an_unknown_entity(star_store):
    with pytest.raises(UnknownEntityError):
        recommend_partners(graph.partnership_network(star_store), bk("nobody"))


def test_strongest_ties_come_first_with_their_evidence(seed_store):
    ties = strongest_ties(graph.partnership_network(seed_store), top=3)
    first = ties[0]
    assert {first["u"], first["v"]} == {bk("liaoning-hongcheng-power-supply"), bk("liaoning-xingkong-sodium-battery")}
    assert "signedAgreementWith" in first["relations"] and first["sources"] == ["003_a93420692c2367a5"]
    assert [t["weight"] for t in ties] == sorted((t["weight"] for t in ties), reverse=True)


def test_co_organisers_of_one_conference_are_joined_through_it_with_the_sentence(seed_store):
    paths = connection_paths(seed_store, "Yibin municipal government",
                             "Sichuan Provincial Economic and Information Department")
    assert len(paths) == 1 and len(paths[0].hops) == 2
    assert paths[0].nodes[1] == bk("world-power-battery-conference-2024")
    statement = paths[0].hops[0].statements[0]
    assert statement.relation == "organizer" and statement.sources == ["004_0e69c092427fc0c2"]
    assert any("jointly organized by the People's Government of Yibin City" in s for s in statement.sentences)


def test_yibin_reaches_exencell_through_the_sichuan_government(seed_store):
    # the two never appear in one article: the Sichuan government hosted Yibin's conference and visited EXENCELL
    paths = connection_paths(seed_store, "People's Government of Yibin City", "exencell")
    assert paths and all(len(p.hops) == 4 for p in paths)
    assert any(bk("sichuan-government") in p.nodes for p in paths)
    no_technology = connection_paths(seed_store, "People's Government of Yibin City", "exencell",
                                     exclude_kinds=["Technology"])
    assert [p.nodes[2] for p in no_technology] == [bk("sichuan-government")]
    assert "←delegation—" in no_technology[0].text()


def test_entities_that_are_not_connected_have_no_path():
    store = store_from_trig(partners_trig([("a", "b"), ("c", "d")]))
    assert connection_paths(store, "A", "D") == []


def test_names_are_matched_case_insensitively_by_label_or_alias(seed_store):
    assert graph.resolve_entity(seed_store, "  schneider ") == bk("schneider-electric")
    assert graph.resolve_entity(seed_store, "SICHUAN GOVERNMENT") == bk("sichuan-government")
    assert graph.resolve_entity(seed_store, bk("byd")) == bk("byd")


def test_an_unknown_name_lists_the_closest_ones(seed_store):
    with pytest.raises(UnknownEntityError) as error:
        graph.resolve_entity(seed_store, "Exencel")
    assert error.value.exit_code == 2
    assert error.value.candidates[0] == "EXENCELL"


def test_an_ambiguous_name_lists_every_entity_it_names():
    store = store_from_trig("""
        bk:x1 a bkg:Company ; rdfs:label "Xing"@en . bk:x2 a bkg:Company ; rdfs:label "XING"@en .
    """)
    with pytest.raises(UnknownEntityError, match="names 2 entities") as error:
        graph.resolve_entity(store, "xing")
    assert len(error.value.candidates) == 2
