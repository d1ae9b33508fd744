"""The bundled gazetteer: China's divisions with hierarchy and spellings."""

from collections import Counter

from graph.ingest.gazetteer import load_places
from graph.ingest.resolve import Knowledge


def test_all_34_provincial_level_divisions_are_there():
    assert Counter(p.cls for p in load_places())["Province"] == 34


def test_every_prefecture_level_division_of_sichuan_and_every_district_of_chongqing():
    places = load_places()
    assert sum(1 for p in places if p.cls == "City" and p.parent == "sichuan") == 21
    assert sum(1 for p in places if p.cls == "District" and p.parent == "chongqing") == 38
    by_id = {p.id: p for p in places}
    assert sum(1 for p in places if p.cls == "District" and by_id[p.parent].parent == "sichuan") == 183


def test_every_place_reaches_china_or_is_a_country():
    places = {p.id: p for p in load_places()}
    for place in places.values():
        seen = place
        while seen.parent:
            seen = places[seen.parent]
        assert seen.cls == "Country", place.id


def test_common_spellings_resolve_to_the_same_place():
    knowledge = Knowledge.load(use_registry=False)
    assert knowledge.resolve("Ya'an", "Place") is knowledge.resolve("Yaan", "Place")
    assert knowledge.resolve("Xizang", "Place") is knowledge.resolve("Tibet Autonomous Region", "Place")


def test_namesakes_are_told_apart_by_the_places_the_article_names():
    knowledge = Knowledge.load(use_registry=False)
    zhejiang = knowledge.resolve("Zhejiang", "Place").iri
    assert zhejiang in knowledge.ancestors(knowledge.resolve("Taizhou", "Place", {zhejiang}).iri)
    jiangsu = knowledge.resolve("Jiangsu", "Place").iri
    assert jiangsu in knowledge.ancestors(knowledge.resolve("Taizhou", "Place", {jiangsu}).iri)


def test_registry_places_keep_their_iris(seed_data):
    knowledge = Knowledge.load(seed_data)
    assert knowledge.resolve("Yibin", "Place").iri == "https://w3id.org/battery-kg/id/yibin"
    assert knowledge.resolve("Chengdu", "Place").in_registry is False  # the seeds never name Chengdu


def test_a_tibetan_named_county_is_found_under_its_pinyin_name_too(bundled_only):
    # Investing.com (Reuters), 2023 (development batch 15): Barkam as the press spells 马尔康 in pinyin
    result = bundled_only.extract("An auction for a five-year exploration right to the Jiada Lithium Mine in "
                                  "Maerkang city that started on Thursday had received 4,470 bids.")
    assert ("Barkam City", "Place") in {(e.label, e.kind) for e in result.entities}
