"""English name and relation rules, each on an invented sentence in the shape of real news (the development set's
errors suggested the rules; the sentences here are made up, so they test the rule, not an article)."""

import pytest

from .conftest import entities, needs_model, relations


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


@needs_model
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


# --- relations ----------------------------------------------------------------------------------------------------


@needs_model
def test_partners_listed_together_partner_each_other(extractor):
    found = relations(extractor, "Holtan Lithium announced it will partner with CATL and Qarun Mining to jointly "
                                 "invest RMB200 million in a substation project in Kangding.")
    catl = "Contemporary Amperex Technology Co., Limited"
    assert {("Holtan Lithium", "partnerOf", catl), ("Holtan Lithium", "partnerOf", "Qarun Mining"),
            (catl, "partnerOf", "Qarun Mining")} <= found


@needs_model
def test_a_deal_to_supply_to_a_customer_is_an_agreement_with_it(extractor):
    found = relations(extractor, "Qarun Mining Co Ltd said on Monday it had signed a deal to supply lithium carbonate "
                                 "to German carmaker Brightwater Motors Inc for the next three years.")
    assert {("Qarun Mining Co Ltd", "signedAgreementWith", "Brightwater Motors Inc"),
            ("Qarun Mining Co Ltd", "suppliesTo", "Brightwater Motors Inc")} <= found


@needs_model
def test_who_sources_from_whom_is_supply(extractor):
    found = relations(extractor, "Brightwater Motors already sources lithium from Qarun Mining, a large producer.")
    assert ("Qarun Mining", "suppliesTo", "Brightwater Motors") in found


@needs_model
def test_the_producer_with_no_name_is_the_company_of_the_story(extractor):
    found = relations(extractor, "Lanmoor Sci-Tech plans to build a separator plant in Dazhou. The Chinese "
                                 "specialty chemicals producer signed a cooperation agreement with the Dazhou "
                                 "Municipal Government.")
    assert any(s == "Lanmoor Sci-Tech" and k == "signedAgreementWith" and "Dazhou" in o for s, k, o in found)


def test_a_chairman_of_the_firm_works_for_the_company_of_the_story(extractor):
    found = relations(extractor, "Qarun Mining opened its new plant in Ya'an. Zhou Ming, chairman of the firm, "
                                 "cut the ribbon.")
    assert ("Zhou Ming", "worksFor", "Qarun Mining") in found


@needs_model
def test_titles_running_into_organisation_names_are_posts_at_each(extractor):
    found = relations(extractor, "Anna Berg, President SVOLT Europe & Vice President Lanmoor Energy Technology: "
                                 "\u201cWe are growing fast.\u201d")
    assert {("Anna Berg", "worksFor", "SVOLT Europe"),
            ("Anna Berg", "worksFor", "Lanmoor Energy Technology")} <= found


def test_its_subsidiary_is_the_sentence_subjects(extractor):
    found = relations(extractor, "Qarun Mining put the value of the contract, signed by its wholly-owned "
                                 "subsidiary Ya'an Qarun Lithium, at $600 million.")
    assert ("Ya'an Qarun Lithium", "subsidiaryOf", "Qarun Mining") in found


def test_a_short_name_the_model_took_for_a_place_is_the_company(extractor):
    result = extractor.extract("Qarun agrees deal to supply lithium\n\nSichuan Qarun Industrial Group Co Ltd said on "
                               "Tuesday it had signed a deal.\n\nQarun, which is based in southwest China\u2019s "
                               "Sichuan province, put the value at $600 million.")
    assert not any(e.label == "Qarun" for e in result.entities)
    company = next(e for e in result.entities if "Qarun" in e.names)
    assert len(company.mentions) == 3


def test_based_in_a_countrys_province_is_in_the_province(extractor):
    found = relations(extractor, "Qarun Mining, which is based in southwest China\u2019s Sichuan province, opened a "
                                 "plant.")
    assert ("Qarun Mining", "locatedIn", "Sichuan Province") in found
    assert ("Qarun Mining", "locatedIn", "China") not in found


def test_to_be_the_supplier_of_is_supply(extractor):
    found = relations(extractor, "We expect Qarun Mining will continue to be the major lithium hydroxide supplier of "
                                 "Brightwater Motors.")
    assert ("Qarun Mining", "suppliesTo", "Brightwater Motors") in found


@needs_model
def test_sources_from_past_an_aside(extractor):
    found = relations(extractor, "Brightwater Motors already sources lithium \u2013 an ingredient in batteries \u2013 "
                                 "from China\u2019s Qarun Mining, one of the biggest producers.")
    assert ("Qarun Mining", "suppliesTo", "Brightwater Motors") in found


def test_no_before_a_number_ends_no_sentence(extractor):
    text = "The projects mainly include Qarun No. 7 Vein and Tamolo. The mine opened in 2021."
    assert extractor.extract(text).sentences[0] == (0, text.index(" The mine"))


def test_projects_listed_in_a_place_are_in_it(extractor):
    found = relations(extractor, "At present, the lithium mining projects in Sichuan Province, China mainly include "
                                 "Tamolo, Qinggang and Zhawu.")
    assert {(name, "locatedIn", "Sichuan Province") for name in ("Tamolo", "Qinggang", "Zhawu")} <= found


@needs_model
def test_who_signed_an_agreement_to_build_a_project_invests_in_it_even_after_a_dateline(extractor):
    found = relations(extractor, "Frankfurt/Chengdu, May 3, 2030 \u2013 Lanmoor Energy Technology Co., Ltd. "
                                 "(Lanmoor), a battery maker headquartered in China, announced that it has signed a "
                                 "strategic cooperation agreement with the Meishan Municipal Government to build a "
                                 "40 GWh battery production site in Sichuan Province.")
    assert any(s.startswith("Lanmoor Energy") and k == "investsIn" and o == "40 GWh battery production site"
               for s, k, o in found)


@needs_model
def test_the_winner_of_an_auction_for_the_rights_to_a_mine_invests_in_it(extractor):
    found = relations(extractor, "Qarun Mining won the other auction on Aug. 11 for the exploration rights to the "
                                 "north Tamolo lithium mine in Jinchuan county.")
    assert ("Qarun Mining", "investsIn", "north Tamolo lithium mine") in found


@needs_model
def test_a_sentence_opening_with_a_place_puts_its_park_there(extractor):
    found = relations(extractor, "In Lianxi's Baixi New Town, the Qarun Lithium Technology Industrial Park stands as "
                                 "the largest battery base.")
    assert ("Qarun Lithium Technology Industrial Park", "locatedIn", "Baixi New Town") in found


def test_an_ore_field_is_a_place(extractor):
    found = entities(extractor, "The companies will build a substation in the Tamolo ore field, a lithium district.")
    assert ("Tamolo ore field", "Place") in found


@needs_model
def test_the_company_that_has_its_headquarters_somewhere_is_there(extractor):
    found = relations(extractor, "Qarun Mining opened a plant in Ya'an. According to its own information, the company "
                                 "emerged from a state-owned miner in 2007, has its headquarters in Luoyang and about "
                                 "900 employees.")
    assert ("Qarun Mining", "locatedIn", "Luoyang City") in found


@needs_model
def test_production_sites_in_several_places_are_no_seat(extractor):
    found = relations(extractor, "To date, Qarun Mining has three production sites in Changzhou, Luoyang and Xiamen.")
    assert not any(s == "Qarun Mining" and k == "locatedIn" for s, k, _ in found)


@needs_model
def test_a_name_the_model_took_for_a_person_that_acts_as_a_company_is_a_company(extractor):
    found = entities(extractor, "On June 5, Qingyuan Xinlian held a groundbreaking ceremony for its sodium-ion "
                                "battery project in Meishan.")
    assert ("Qingyuan Xinlian", "Company") in found


@needs_model
def test_the_government_of_a_district_written_in_lower_case_is_the_districts_government(extractor):
    found = relations(extractor, "Qingyuan Xinlian and the government of Shuangliu district signed a cooperation "
                                 "agreement on Friday.")
    assert ("Qingyuan Xinlian", "signedAgreementWith", "People's Government of Shuangliu District") in found


def test_the_appositive_parent_is_not_the_supplier(extractor):
    found = relations(extractor, "Qingyuan Xinlian, a subsidiary of Hanfeng Materials, will supply battery cells to "
                                 "Changan Automobile.")
    assert ("Hanfeng Materials", "suppliesTo", "Changan Automobile") not in found
    assert any(s == "Qingyuan Xinlian" and k == "suppliesTo" for s, k, _ in found)


@needs_model
def test_a_place_before_a_companys_trade_locates_it(extractor):
    found = relations(extractor, "Qarun Mining will supply lithium to U.S. electric vehicle (EV) manufacturer "
                                 "Brightwater Motors Inc for five years.")
    assert ("Brightwater Motors Inc", "locatedIn", "United States") in found


def test_the_founders_of_a_joint_venture_invest_in_it_and_are_partners(extractor):
    found = relations(extractor, "Qiyuan Lithium Co., Ltd. \u2014 a joint venture of Lanmoor Mining Co., Ltd., Hexi "
                                 "Materials Co., Ltd. and Baixi Holdings Co., Ltd. \u2014 opened a plant.")
    assert {("Lanmoor Mining Co., Ltd.", "investsIn", "Qiyuan Lithium Co., Ltd."),
            ("Baixi Holdings Co., Ltd.", "investsIn", "Qiyuan Lithium Co., Ltd."),
            ("Lanmoor Mining Co., Ltd.", "partnerOf", "Hexi Materials Co., Ltd.")} <= found


def test_an_investors_portfolio_listed_after_invested_in(extractor):
    found = relations(extractor, "Lanmoor Capital Co., Ltd. has invested in several battery companies, including "
                                 "Hexi Materials Co., Ltd. and Baixi Holdings Co., Ltd.")
    assert {("Lanmoor Capital Co., Ltd.", "investsIn", "Hexi Materials Co., Ltd."),
            ("Lanmoor Capital Co., Ltd.", "investsIn", "Baixi Holdings Co., Ltd.")} <= found


@needs_model  # the name without a title is the model's
def test_an_organisations_person_who_speaks_works_for_it(extractor):
    found = relations(extractor, "Lanmoor Mining Co., Ltd.'s Li Wei said the mine would open in May.")
    assert ("Li Wei", "worksFor", "Lanmoor Mining Co., Ltd.") in found


def test_to_provide_a_customer_with_goods_is_to_supply_it(extractor):
    found = relations(extractor, "Lanmoor Mining Co., Ltd. to provide Hexi Materials Co., Ltd. with 30,000 tons of "
                                 "lithium hydroxide")
    assert ("Lanmoor Mining Co., Ltd.", "suppliesTo", "Hexi Materials Co., Ltd.") in found


def test_two_parties_that_entered_into_an_agreement_signed_it(extractor):
    found = relations(extractor, "Lanmoor Mining Co., Ltd. and Hexi Materials Co., Ltd. have entered into a "
                                 "long-term supply agreement.")
    assert ("Lanmoor Mining Co., Ltd.", "signedAgreementWith", "Hexi Materials Co., Ltd.") in found


@needs_model
def test_a_bare_acronym_is_no_company_but_a_described_one_is(extractor):
    found = entities(extractor, "The new plant opened in Yibin on Monday. Photo: CFP. Baixi Lithium bought ore from "
                                "AVZ, an Australian listed mining company.")
    names = {label for label, kind in found if kind == "Company"}
    assert "CFP" not in names and "AVZ" in names


def test_the_exchange_a_company_is_listed_on_is_no_part_of_its_name(extractor):
    found = entities(extractor, "Lanmoor Capital has backed Shanghai-listed Qiyuan New Energy.")
    names = {label for label, kind in found if kind == "Company"}
    assert "Qiyuan New Energy" in names and not any(name.startswith("Shanghai-listed") for name in names)


def test_a_park_then_its_province_after_a_comma_is_in_the_province(extractor):
    # ("the Sanjiang New Area of Yibin, Sichuan Province" stays in Yibin: the "of" names the nearer place)
    found = relations(extractor, "The plant stands in the Suining Economic and Technological Development Zone, Sichuan "
                                 "Province.")
    assert ("Suining Economic and Technological Development Zone", "locatedIn", "Sichuan Province") in found


def test_the_only_place_based_company(extractor):
    found = relations(extractor, "Qiyuan Motors Co., Ltd., the only Sichuan-based EV brand, has a factory there.")
    assert ("Qiyuan Motors Co., Ltd.", "locatedIn", "Sichuan Province") in found


def test_a_park_named_of_a_place_is_in_it_but_one_a_place_only_starts_is_not_by_its_name(extractor):
    found = relations(extractor, "Suining says the Qiyuan Lithium Industrial Park of Suining hosts five plants.")
    assert ("Qiyuan Lithium Industrial Park of Suining", "locatedIn", "Suining City") in found
    found = relations(extractor, "Suining says work began at the Suining Qiyuan Lithium Industrial Park on Monday.")
    assert not any(kind == "locatedIn" and subject.startswith("Suining Qiyuan") for subject, kind, _ in found)


@needs_model
def test_a_plant_commissioned_or_put_into_production_is_the_companys_project(extractor):
    found = relations(extractor, "Qiyuan Lithium Co., Ltd. has formally commissioned a 20ktpy lithium hydroxide plant "
                                 "in Yibin.")
    assert ("Qiyuan Lithium Co., Ltd.", "investsIn", "20ktpy lithium hydroxide plant") in found
    found = relations(extractor, "Hexi Materials Co., Ltd. put its 50,000-ton cathode plant into production.")
    assert ("Hexi Materials Co., Ltd.", "investsIn", "50,000-ton cathode plant") in found


@needs_model
def test_the_company_a_relative_clause_describes_owns_the_project(extractor):
    found = relations(extractor, "Baixi bought ore from Qiyuan Mining Co., Ltd., a listed mining company which owns "
                                 "the Lanmoor lithium project in Ganzi.")
    assert ("Qiyuan Mining Co., Ltd.", "investsIn", "Lanmoor lithium project") in found


def test_two_parties_of_a_supply_agreement_the_first_with_its_place_in_brackets(extractor):
    found = relations(extractor, "Qiyuan Lithium (Ya\u2019an) and Hexi Materials Co., Ltd. have entered into a "
                                 "long-term supply agreement.")
    assert {("Qiyuan Lithium", "signedAgreementWith", "Hexi Materials Co., Ltd."),
            ("Qiyuan Lithium", "suppliesTo", "Hexi Materials Co., Ltd.")} <= found


def test_it_was_organised_by_in_a_story_about_an_event(extractor):
    found = relations(extractor, "The 2031 Qiyuan Battery Forum opened in Yibin on Sept 18. It was organised by the "
                                 "China Electronics Standardization Institute.")
    assert ("China Electronics Standardization Institute", "organizes", "2031 Qiyuan Battery Forum") in found


@needs_model  # the project is a noun phrase the model reads
def test_a_project_invested_and_built_by_a_company(extractor):
    found = relations(extractor, "The 20 GWh Qiyuan battery project, invested and built by China Three Gorges "
                                 "Corporation, started on June 30.")
    assert ("China Three Gorges Corporation", "investsIn", "20 GWh Qiyuan battery project") in found


def test_a_district_of_a_city_is_in_it(extractor):
    found = relations(extractor, "The project, located in Rongxian County of Zigong, has a total investment of 400 "
                                 "million yuan.")
    assert ("Rongxian County", "locatedIn", "Zigong City") in found


def test_two_companies_that_jointly_developed_something_are_partners(extractor):
    found = relations(extractor, "Qiyuan Grid Power Company and Hexi Power Supply Co., Ltd. jointly developed the "
                                 "control system.")
    assert any(kind == "partnerOf" and "Hexi" in obj for _, kind, obj in found)


def test_vehicles_equipped_with_a_companys_batteries_are_its_customers(extractor):
    found = relations(extractor, "Qiyuan Motors Co., Ltd. adopted Hexi Power Co., Ltd. battery packs.")
    assert ("Hexi Power Co., Ltd.", "suppliesTo", "Qiyuan Motors Co., Ltd.") in found
    found = relations(extractor, "The Qiyuan Motors Co., Ltd. vehicles will be equipped with Hexi Power Co., Ltd. "
                                 "batteries by 2027.")
    assert ("Hexi Power Co., Ltd.", "suppliesTo", "Qiyuan Motors Co., Ltd.") in found


@needs_model
def test_a_european_place_name_keeps_its_particle(extractor):
    found = entities(extractor, "Lanmoor Cells opened an office in Frankfurt am Main on Monday.")
    assert ("Frankfurt am Main", "Place") in found


def test_a_name_in_a_picture_credit_is_no_entity(extractor):
    found = entities(extractor, "The cell line of Lanmoor Energy Co., Ltd. in Suining. (Photo/Qiyuan Media Co., Ltd.)\n"
                                "Workers at the plant. [Photo provided by Baixi Culture Group]")
    labels = {label for label, _ in found}
    assert "Lanmoor Energy Co., Ltd." in labels
    assert "Qiyuan Media Co., Ltd." not in labels and "Baixi Culture Group" not in labels


def test_parks_of_one_name_in_two_cities_stay_two(extractor):
    found = entities(extractor, "Lanmoor Cells will build plants in the Suining Qiyuan New Area and the Yibin Qiyuan "
                                "New Area; the Qiyuan New Area of Suining comes first.")
    parks = {label for label, kind in found if kind == "IndustrialPark"}
    assert {"Suining Qiyuan New Area", "Yibin Qiyuan New Area"} <= parks


def test_a_places_industry_is_no_company(extractor):
    found = entities(extractor, "Output of the Suining Lithium Industry rose by a third, and Qiyuan Lithium Industry "
                                "will build a plant there.")
    companies = {label for label, kind in found if kind == "Company"}
    assert "Qiyuan Lithium Industry" in companies and "Suining Lithium Industry" not in companies


def test_a_place_in_the_dateline_is_where_the_reporter_was_not_where_the_project_is(extractor):
    found = relations(extractor, "Frankfurt am Main/Chengdu, October 12, 2031 \u2013 Qiyuan Energy Co., Ltd. will build "
                                 "the Qiyuan 20 GWh Battery Project.")
    assert not any(kind == "locatedIn" and obj in ("Chengdu City", "Frankfurt am Main") for _, kind, obj in found)


def test_the_parties_of_an_agreement_between_are_named_together(extractor):
    found = relations(extractor, "An agreement concluded between Qiyuan Motors Co., Ltd. and the battery maker in "
                                 "2022 says all Hexi Auto Co., Ltd. vehicles will use its cells.")
    assert not any(kind == "signedAgreementWith" and "Hexi" in subject + obj for subject, kind, obj in found)
    found = relations(extractor, "An agreement between Qiyuan Motors Co., Ltd. and the local Hexi Power Co., Ltd. was "
                                 "signed.")
    assert ("Qiyuan Motors Co., Ltd.", "signedAgreementWith", "Hexi Power Co., Ltd.") in found


@needs_model
def test_a_storage_power_station_of_a_size_is_a_project_and_a_bus_station_is_not(extractor):
    found = relations(extractor, "The 100 MW/200 MWh Qiyuan energy storage power station, invested and built by Hexi "
                                 "Power Co., Ltd., was connected to the grid on June 30.")
    assert ("Hexi Power Co., Ltd.", "investsIn", "100 MW/200 MWh Qiyuan energy storage power station") in found
    assert not any(kind == "InvestmentProject" for _, kind in entities(extractor, "He waited at the bus station."))


@needs_model
def test_all_or_every_before_a_company_is_no_part_of_its_name(extractor):
    found = entities(extractor, "All Qiyuan Motors Co., Ltd. vehicles will be equipped with Hexi Power Co., Ltd. "
                                "batteries by 2027.")
    assert ("Qiyuan Motors Co., Ltd.", "Company") in found


@pytest.mark.parametrize("text, expected", [
    ("Hillhouse Capital, an early backer of Qiyuan Lithium, sold its shares.",
     ("Hillhouse Capital", "investsIn", "Qiyuan Lithium")),
    ("Brightwater Energy's investment in Qiyuan Lithium reached 2 billion yuan.",
     ("Brightwater Energy", "investsIn", "Qiyuan Lithium")),
    ("Qiyuan Motors placed an order with Brightwater Lithium for 5,000 tonnes of lithium carbonate.",
     ("Brightwater Lithium", "suppliesTo", "Qiyuan Motors")),
    ("Qiyuan Lithium, a unit under Brightwater Energy, will expand.",
     ("Qiyuan Lithium", "subsidiaryOf", "Brightwater Energy")),
    ("Brightwater Lithium, Qiyuan Motors' main lithium supplier, will expand.",
     ("Brightwater Lithium", "suppliesTo", "Qiyuan Motors")),
    ("Qiyuan Motors' battery supplier Brightwater Lithium will expand in Sichuan.",
     ("Brightwater Lithium", "suppliesTo", "Qiyuan Motors")),
    ("Brightwater Lithium has been selected as a battery supplier for Qiyuan Motors.",
     ("Brightwater Lithium", "suppliesTo", "Qiyuan Motors")),
    ("Brightwater Lithium will provide batteries for Qiyuan Motors' vehicles.",
     ("Brightwater Lithium", "suppliesTo", "Qiyuan Motors")),
])
@needs_model
def test_investors_orders_units_and_suppliers_read_from_the_parse(extractor, text, expected):
    assert expected in relations(extractor, text)


def test_a_countrys_possessive_places_each_company_of_the_list_after_it(extractor):
    found = relations(extractor, "Yahua also supplies South Korea's LG Energy Solution and SK On.")
    assert {("LG Energy Solution", "locatedIn", "South Korea"), ("SK On", "locatedIn", "South Korea")} <= found, found


def test_a_name_ending_in_est_is_no_superlative(extractor):
    # the words that describe a project are listed: "Southwest" and "Forest" end as "largest" does
    found = [(m.text, m.kind) for m in extractor.recognise.patterns(
        "The plant belongs to the Southwest lithium battery project in Yibin, beside the Forest energy storage project.")]
    assert {("Southwest lithium battery project", "InvestmentProject"),
            ("Forest energy storage project", "InvestmentProject")} <= set(found), found


@pytest.mark.parametrize("text, expected", [
    ("Holtan Lithium started construction of the Qiyuan Battery Project in Suining.",
     ("Holtan Lithium", "investsIn", "Qiyuan Battery Project")),
    ("Holtan Lithium commenced construction on the Qiyuan Battery Project.",
     ("Holtan Lithium", "investsIn", "Qiyuan Battery Project")),
    ("Holtan Lithium broke ground on the Qiyuan Battery Project.", ("Holtan Lithium", "investsIn", "Qiyuan Battery Project")),
    ("Holtan Lithium embarked on the construction of the Qiyuan Battery Project in Suining.",
     ("Holtan Lithium", "investsIn", "Qiyuan Battery Project")),
    ("The Qiyuan Battery Project is funded by Holtan Lithium and Brightwater Energy.",
     ("Brightwater Energy", "investsIn", "Qiyuan Battery Project")),
    ("Holtan Lithium will finance the Qiyuan Battery Project.", ("Holtan Lithium", "investsIn", "Qiyuan Battery Project")),
    ("Holtan Lithium completed its takeover of Brightwater Mining.", ("Brightwater Mining", "subsidiaryOf", "Holtan Lithium")),
    ("Holtan Lithium took over Brightwater Mining last year.", ("Brightwater Mining", "subsidiaryOf", "Holtan Lithium")),
], ids=["started-construction-of", "commenced-construction-on", "broke-ground-on", "embarked-on-construction",
        "funded-by-a-list", "finance",
        "completed-its-takeover-of", "took-over"])
@needs_model
def test_construction_funding_and_takeovers_read_from_the_parse(extractor, text, expected):
    assert expected in relations(extractor, text)


def test_the_company_after_talks_with_another_is_the_storys_not_the_other(extractor):
    found = relations(extractor, "CATL is expanding. After talks with Tianqi Lithium, the company said it had signed a "
                      "deal to supply BYD with cells.")
    assert ("Contemporary Amperex Technology Co., Limited", "signedAgreementWith", "BYD") in found, found
    assert ("Tianqi Lithium", "signedAgreementWith", "BYD") not in found, found


@pytest.mark.parametrize("text", [
    "Holtan Lithium has set up a joint venture with Brightwater Energy in Yibin.",
    "Holtan Lithium established a 51:49 joint venture company with Brightwater Energy last year.",
], ids=["set-up-a-joint-venture-with", "established-a-joint-venture-company-with"])
def test_a_joint_venture_set_up_with_a_company_makes_partners(extractor, text):
    assert ("Holtan Lithium", "partnerOf", "Brightwater Energy") in relations(extractor, text)


@pytest.mark.parametrize("text", [
    "Holtan Lithium has established a wholly-owned subsidiary, Brightwater Energy Co., Ltd., in Yibin.",
    "Holtan Lithium set up a new subsidiary called Brightwater Energy Co., Ltd. last year.",
], ids=["established-a-wholly-owned-subsidiary", "set-up-a-subsidiary-called"])
def test_a_subsidiary_a_company_sets_up_is_its_own(extractor, text):
    assert ("Brightwater Energy Co., Ltd.", "subsidiaryOf", "Holtan Lithium") in relations(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("Holtan Lithium has secured a supply deal with Brightwater Motors.",
     {("Holtan Lithium", "signedAgreementWith", "Brightwater Motors"),
      ("Holtan Lithium", "suppliesTo", "Brightwater Motors")}),
    ("Holtan Lithium struck a strategic cooperation agreement with Brightwater Motors on Monday.",
     {("Holtan Lithium", "signedAgreementWith", "Brightwater Motors"),
      ("Holtan Lithium", "partnerOf", "Brightwater Motors")}),
], ids=["secured-a-supply-deal-with", "struck-a-cooperation-agreement-with"])
def test_a_deal_secured_or_struck_with_a_company_is_signed(extractor, text, expected):
    found = relations(extractor, text)
    assert expected <= found, found


@pytest.mark.parametrize("text, expected", [
    ("Brightwater Motors signed a battery purchase agreement with Holtan Lithium.",
     ("Holtan Lithium", "suppliesTo", "Brightwater Motors")),
    ("Holtan Lithium signed a lithium carbonate sales contract with Brightwater Motors.",
     ("Holtan Lithium", "suppliesTo", "Brightwater Motors")),
], ids=["purchase-agreement-with", "sales-contract-with"])
def test_the_seller_of_a_purchase_or_sales_agreement_supplies(extractor, text, expected):
    found = relations(extractor, text)
    assert expected in found and expected[::-1] not in found, found


def test_the_holder_of_the_remaining_shares_invests_too(extractor):
    found = relations(extractor, "Holtan Lithium holds 51% of the Qiyuan lithium mine, with Brightwater Mining holding "
                                 "the remaining 49%.")
    assert {("Holtan Lithium", "investsIn", "Qiyuan lithium mine"),
            ("Brightwater Mining", "investsIn", "Qiyuan lithium mine")} <= found, found


@pytest.mark.parametrize("text", [
    "Zhang Wei, who is the chairman of Holtan Lithium, attended the ceremony.",
    "Zhang Wei, Holtan Lithium's general manager, attended the ceremony.",
], ids=["who-is-the-title-of", "org-s-title"])
def test_a_title_at_an_organisation_told_after_the_name(extractor, text):
    assert ("Zhang Wei", "worksFor", "Holtan Lithium") in relations(extractor, text)


@pytest.mark.parametrize("text", [
    "The first cargo went to Brightwater Energy, who have been a long-term partner for Holtan Lithium.",
    "Brightwater Energy is a strategic partner of Holtan Lithium.",
], ids=["who-have-been-a-partner-for", "is-a-partner-of"])
def test_a_company_said_to_be_anothers_partner(extractor, text):
    assert ("Brightwater Energy", "partnerOf", "Holtan Lithium") in relations(extractor, text)


def test_each_investor_listed_after_invested_by_invests(extractor):
    found = relations(extractor, "The Qiyuan Battery Project is jointly invested by Holtan Lithium and Brightwater "
                                 "Energy.")
    assert {("Holtan Lithium", "investsIn", "Qiyuan Battery Project"),
            ("Brightwater Energy", "investsIn", "Qiyuan Battery Project")} <= found, found


@pytest.mark.parametrize("text, expected", [
    ("Holtan Lithium, the organiser of the 2031 Qiyuan Battery Forum, said the event drew 500 guests.",
     ("Holtan Lithium", "organizes", "2031 Qiyuan Battery Forum")),
    ("Holtan Lithium, host of the 2031 Qiyuan Battery Forum, said the event drew 500 guests.",
     ("Holtan Lithium", "hosts", "2031 Qiyuan Battery Forum")),
], ids=["the-organiser-of", "host-of"])
def test_an_organiser_or_host_named_beside_the_event(extractor, text, expected):
    found = relations(extractor, text)
    assert expected in found, found


def test_a_project_said_to_be_a_companys_project(extractor):
    found = relations(extractor, "The Qiyuan Battery Project is a wholly-owned project of Holtan Lithium.")
    assert ("Holtan Lithium", "investsIn", "Qiyuan Battery Project") in found, found
