"""English name and relation rules, each on an invented sentence in the shape of real news (the development set's
errors suggested the rules; the sentences here are made up, so they test the rule, not an article)."""

import pytest

from graph.ingest.english import english_pipeline

needs_model = pytest.mark.skipif(not english_pipeline().statistical, reason="the English model is not installed")


def entities(extractor, text):
    return {(e.label, e.kind) for e in extractor.extract(text).entities}


def relations(extractor, text):
    found = extractor.extract(text).as_dict()["relations"]
    return {(r["subject"], r["kind"], r["object"]) for r in found}


def test_an_apposition_after_a_comma_and_the_is_not_part_of_the_name(extractor):
    found = entities(extractor, "Delegates met at Chengdu, the Sichuan Battery Expo host.")
    assert ("Sichuan Battery Expo", "Conference") in found and ("Chengdu City", "Place") in found


def test_sci_tech_and_hi_tech_end_a_company_name(extractor):
    found = entities(extractor, "Lanmoor Sci-Tech and Qiyuan Hi-Tech will build a cathode plant in Suining.")
    assert {("Lanmoor Sci-Tech", "Company"), ("Qiyuan Hi-Tech", "Company")} <= found


def test_a_new_town_is_a_place(extractor):
    found = entities(extractor, "The plant stands in Baixi New Town, an hour from the airport.")
    assert ("Baixi New Town", "Place") in found


def test_a_known_place_takes_the_lowercase_city_after_it(extractor):
    result = extractor.extract("The project is in Yaan city.")
    yaan = next(e for e in result.entities if e.label == "Ya'an City")
    assert [m[0] for m in yaan.mentions] == ["Yaan city"]


@pytest.mark.parametrize("text, projects", [
    ("New projects such as Tamolo and Qinggang are under construction.", {"Tamolo", "Qinggang"}),
    ("The lithium projects in the province mainly include Zhawu, Luoba and Mengzi.", {"Zhawu", "Luoba", "Mengzi"}),
])
def test_names_listed_as_projects_are_projects(extractor, text, projects):
    found = entities(extractor, text)
    assert {(name, "InvestmentProject") for name in projects} <= found


def test_a_listed_project_is_a_project_wherever_its_name_recurs(extractor):
    result = extractor.extract("New projects such as Tamolo and Qinggang are under construction. Tamolo will "
                               "produce 20,000 tonnes of lithium carbonate.")
    tamolo = next(e for e in result.entities if e.label == "Tamolo")
    assert tamolo.kind == "InvestmentProject" and len(tamolo.mentions) == 2


def test_a_known_company_in_a_project_list_keeps_its_kind(extractor):
    result = extractor.extract("The projects of CATL and Zhawu are under construction.")
    catl = next(e for e in result.entities if "CATL" in e.names)
    assert catl.kind == "Company"


def test_a_company_without_its_legal_form_is_the_company(extractor):
    result = extractor.extract("Brightwater Lithium Corp. will expand. Brightwater said the plant would open in 2027.")
    company = next(e for e in result.entities if e.label == "Brightwater Lithium Corp.")
    assert "Brightwater" in company.names


def test_a_first_word_shared_by_several_companies_is_short_for_none(extractor):
    result = extractor.extract("Holtan Lithium (Suining) Co., Ltd. and Holtan Lithium Corporation met. Holtan said so.")
    companies = [e for e in result.entities if e.kind == "Company"]
    assert len(companies) == 2
    assert not any("Holtan" in e.names for e in companies)


def test_a_two_word_place_at_the_start_of_a_name_is_not_its_short_name(extractor):
    recognise = extractor.recognise
    assert "Inner Mongolia" not in recognise.short_names("Inner Mongolia Qarun Mining Co., Ltd.")
    assert "Qarun Mining" in recognise.short_names("Inner Mongolia Qarun Mining Co., Ltd.")


def test_a_short_place_name_is_the_new_area_named_after_it(extractor):
    result = extractor.extract("The plant will be built in Chongqing's Lianxi New Area. Battery makers have moved to "
                               "Lianxi since 2020.")
    assert not any(e.label == "Lianxi" for e in result.entities)
    area = next(e for e in result.entities if e.kind == "IndustrialPark" and "Lianxi New Area" in e.label)
    assert "Lianxi" in area.names


def test_a_park_possessive_puts_the_area_in_the_park(extractor):
    found = relations(extractor, "Lianxi New Area's Baixi New Town will host the plant.")
    assert ("Baixi New Town", "locatedIn", "Lianxi New Area") in found


@needs_model
def test_a_name_before_project_completion_ceremony_stays_with_the_project(extractor):
    found = entities(extractor, "The Anju project completion ceremony was held in Suining.")
    assert ("Anju project", "InvestmentProject") in found


@needs_model
def test_a_tonnage_project_is_a_project(extractor):
    found = entities(extractor, "Qarun Mining will build a 30,000-ton project in Ya'an.")
    assert any("30,000-ton project" in label and kind == "InvestmentProject" for label, kind in found)
