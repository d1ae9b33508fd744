"""The recognisers and relation rules, each on a small hand-made sentence (no seed entity named)."""

import datetime as dt

import pytest


def entities(extractor, text):
    return {(e.label, e.kind) for e in extractor.extract(text).entities}


def relations(extractor, text, date=None):
    found = extractor.extract(text, date).as_dict()["relations"]
    return {(r["subject"], r["kind"], r["object"]) for r in found}


@pytest.mark.parametrize("text, name, kind", [
    ("Foo Bar New Energy Co., Ltd. opened.", "Foo Bar New Energy Co., Ltd.", "Company"),
    ("It was approved by the People's Government of Suining City.", "People's Government of Suining City",
     "GovernmentBody"),
    ("The Leshan Municipal Commission of Development and Reform agreed.",
     "Leshan Municipal Commission of Development and Reform", "GovernmentBody"),
    ("said the Zigong municipal bureau for new industries.", "Zigong municipal bureau for new industries",
     "GovernmentBody"),
    ("the Management Committee of Qux High-tech Zone said", "Management Committee of Qux High-tech Zone",
     "GovernmentBody"),
    ("It opened at the 2030 Western Battery Technology Conference and Exhibition.", "2030 Western Battery Technology "
     "Conference and Exhibition", "Conference"),
    ("landed in the Quux Economic Development Zone of Leshan", "Quux Economic Development Zone of Leshan",
     "IndustrialPark"),
    ("Professor Zhou Lan, Dean of Quux University, spoke.", "Quux University", "Organization"),
    ("Zhou Lan, Vice President of Foo Co., Ltd., spoke.", "Zhou Lan", "Person"),
    ("battery makers (Alpha Cells, Beta Power) joined", "Alpha Cells", "Company"),
    ("lithium iron phosphate batteries", "Lithium iron phosphate battery", "Technology"),
])
def test_pattern_recognisers(extractor, text, name, kind):
    assert (name, kind) in entities(extractor, text)


def test_a_facility_named_after_its_company_teaches_the_company_name(extractor):
    found = entities(extractor, "Officials visited the ZORBEX Leshan Factory. ZORBEX makes cells.")
    assert ("ZORBEX", "Company") in found


def test_amounts_of_money_and_the_words_u_s_are_not_places(extractor):
    assert not any(kind == "Place" for _, kind in entities(extractor, "worth 13.4 billion U.S. dollars"))


def test_hosts_organisers_and_place_of_an_event(extractor):
    found = relations(extractor, "The 2030 Foo Battery Forum, hosted by the People's Government of Leshan City "
                                 "and jointly organized by Bar Energy Co., Ltd., opened in Leshan.")
    assert ("People's Government of Leshan City", "hosts", "2030 Foo Battery Forum") in found
    assert ("Bar Energy Co., Ltd.", "organizes", "2030 Foo Battery Forum") in found
    assert ("2030 Foo Battery Forum", "locatedIn", "Leshan City") in found


@pytest.mark.parametrize("text, expected", [
    ("Alpha Energy Co., Ltd., a subsidiary of Beta Group, grew.",
     ("Alpha Energy Co., Ltd.", "subsidiaryOf", "Beta Group")),
    ("Alpha Energy Co., Ltd. will supply cells to Beta Motors Co., Ltd. next year.",
     ("Alpha Energy Co., Ltd.", "suppliesTo", "Beta Motors Co., Ltd.")),
    ("Alpha Energy Co., Ltd. teamed up with Beta Power Co., Ltd. and Gamma Group.",
     ("Alpha Energy Co., Ltd.", "partnerOf", "Gamma Group")),
    ("Alpha Energy Co., Ltd. and Beta Power Co., Ltd. signed a strategic cooperation agreement.",
     ("Alpha Energy Co., Ltd.", "signedAgreementWith", "Beta Power Co., Ltd.")),
    ("Alpha Energy Co., Ltd. will invest 3 billion yuan in the Leshan cathode materials project.",
     ("Alpha Energy Co., Ltd.", "investsIn", "Leshan cathode materials project")),
    ("Zhou Lan, chairman of Alpha Energy Co., Ltd., said so.",
     ("Zhou Lan", "worksFor", "Alpha Energy Co., Ltd.")),
    ("Alpha Energy Co., Ltd., a Leshan-based maker of cells, grew.",
     ("Alpha Energy Co., Ltd.", "locatedIn", "Leshan City")),
    ("The plant will be in Wutongqiao District, Leshan, Sichuan Province.",
     ("Wutongqiao District", "locatedIn", "Leshan City")),
])
def test_one_sentence_relations(extractor, text, expected):
    assert expected in relations(extractor, text)


def test_a_speaker_in_a_story_about_an_event_attends_it(extractor):
    text = "The 2030 Foo Battery Forum opened in Leshan. Zhou Lan, Dean of Quux University, was the keynote speaker."
    assert ("Zhou Lan", "attends", "2030 Foo Battery Forum") in relations(extractor, text)


def test_both_parties_of_an_agreement_invest_together(extractor):
    text = ("An agreement for the Leshan sodium-ion battery project between Alpha Energy Co., Ltd. and Beta Power "
            "Co., Ltd. was signed. Both parties will jointly invest in the Leshan sodium-ion battery project.")
    found = relations(extractor, text)
    assert {("Alpha Energy Co., Ltd.", "investsIn", "Leshan sodium-ion battery project"),
            ("Beta Power Co., Ltd.", "investsIn", "Leshan sodium-ion battery project")} <= found


def test_relative_dates_in_the_json_use_the_article_date(extractor):
    result = extractor.extract("The forum opened on Sunday.", dt.date(2024, 9, 2)).as_dict()
    assert {"text": "Sunday", "value": "2024-09-01"} in result["dates"]


def test_bylines_and_contacts_are_not_people_of_the_story(extractor):
    text = "Zhou Lan, Dean of Quux University, spoke.\nEditor: Wang Xin\nCONTACT: Contact person: Ms. Hou"
    people = {label for label, kind in entities(extractor, text) if kind == "Person"}
    assert people == {"Zhou Lan"}


@pytest.mark.parametrize("line", ["Aaa Bbb, Ccc and Ddd Eee of Fff ", "THE QUICK BROWN FOX JUMPS OVER THE DOG "])
def test_long_title_case_or_upper_case_text_takes_linear_time(extractor, line):
    import time

    text = line * 600  # about 20,000 characters of capitalised words, the worst case for name patterns
    started = time.perf_counter()
    extractor.extract(text)
    assert time.perf_counter() - started < 3


def test_a_park_of_a_place_lies_in_it(extractor):
    found = relations(extractor, "Alpha Energy Co., Ltd. opened a center in Leshan's Quux New Area.")
    assert ("Quux New Area", "locatedIn", "Leshan City") in found


def test_a_deal_signed_with_a_government_body(extractor):
    found = relations(extractor, "Alpha Energy Co., Ltd. signed a deal with the Leshan municipal government.")
    assert ("Alpha Energy Co., Ltd.", "signedAgreementWith", "Leshan municipal government") in found


def test_a_surname_is_not_a_county(extractor):
    assert not any(kind == "Place" for _, kind in entities(extractor, "Li said the plant would open. Gao agreed."))


def test_a_bare_name_shared_by_a_prefecture_and_its_county_is_the_prefecture(extractor):
    assert ("Garzê Tibetan Autonomous Prefecture", "Place") in entities(extractor, "A project in Ganzi was approved.")


@pytest.mark.parametrize("text, expected", [
    ("Alpha Energy Co., Ltd. is a subsidiary of Beta Group.", ("Alpha Energy Co., Ltd.", "subsidiaryOf", "Beta Group")),
    ("Alpha Energy Co., Ltd. and Beta Power Co., Ltd. jointly established a battery company.",
     ("Alpha Energy Co., Ltd.", "partnerOf", "Beta Power Co., Ltd.")),
])
def test_more_relation_phrasings(extractor, text, expected):
    assert expected in relations(extractor, text)


def test_a_project_keeps_the_capacity_in_its_name(extractor):
    found = entities(extractor, "The province approved the 300 MW/600 MWh energy storage project in Leshan.")
    assert ("300 MW/600 MWh energy storage project", "InvestmentProject") in found


def test_a_title_case_headline_is_not_one_long_name(extractor):
    text = ("Alpha Unveils New Sodium-Ion Battery at Zeta Industrial Park\n"
            "Alpha Energy Co., Ltd. unveiled the battery at the Zeta Industrial Park in Leshan.")
    found = extractor.extract(text)
    names = {m[0] for e in found.entities for m in e.mentions}
    assert "Zeta Industrial Park" in names
    assert not any(name.startswith("Alpha Unveils") for name in names)
