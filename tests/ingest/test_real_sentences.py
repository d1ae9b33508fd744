"""Each relation rule on a real sentence of the development set (its articles are in data/sources/; the texts are
their publishers', quoted for evaluation). Parse rules need the English model; the rest run on both paths."""

import datetime as dt

import pytest

from graph.ingest.english import english_pipeline


def relations(extractor, text, date=None):
    found = extractor.extract(text, date).as_dict()["relations"]
    return {(r["subject"], r["kind"], r["object"]) for r in found}


def entities(extractor, text):
    return {(e.label, e.kind) for e in extractor.extract(text).entities}


needs_model = pytest.mark.skipif(not english_pipeline().statistical, reason="the English model is not installed")


@pytest.mark.parametrize("text, expected", [
    # electrive, 2021-04-23
    ("CALB plans to build 50 GWh battery plant in Chengdu",
     {("CALB", "investsIn", "50 GWh battery plant"), ("50 GWh battery plant", "locatedIn", "Chengdu City")}),
    # itiger (Guanghua Sci-Tech filing)
    ("Guangdong Guanghua Sci-Tech (SHE:002741) plans to construct a lithium battery materials plant in Dazhou "
     "High-tech Industrial Park, China for 1 billion yuan, according to a Shenzhen Stock Exchange filing on Friday.",
     {("lithium battery materials plant", "locatedIn", "Dazhou High-tech Industrial Park")}),
    # Yicai Global, 2023
    ("Anhui Dazhong New Energy Investment, a wholly owned subsidiary of Inner Mongolia Dazhong Mining, won the "
     "exploration rights yesterday to the Jiada lithium mine for CNY4.2 billion (USD579 million), the parent company "
     "announced today.",
     {("Anhui Dazhong New Energy Investment", "investsIn", "Jiada lithium mine")}),
    # EnergyTrend, 2022-11-02
    ("On October 13, Tianyuan Group held a ceremony to celebrate the start of construction for its LFP cathode "
     "project in Yibin, a city in China\u2019s Sichuan Province.",
     {("Tianyuan Group", "investsIn", "LFP cathode project"), ("LFP cathode project", "locatedIn", "Yibin City")}),
    # CALB newsroom, 2021-11-30
    ("CALB signed a strategic cooperation agreement with Chengdu Industry Investment, Sichuan Energy Investment and "
     "Sichuan Development",
     {("CALB", "signedAgreementWith", "Sichuan Energy Investment Group"),
      ("CALB", "partnerOf", "Sichuan Energy Investment Group")}),
])
@needs_model
def test_parse_rules_on_real_english_sentences(extractor, text, expected):
    found = relations(extractor, text)
    assert expected <= found, found


@pytest.mark.parametrize("text, expected", [
    # SVOLT press release, 2021-10-12
    ("Yang Hongxin, President and General Manager of SVOLT, attended the signing ceremony in Chengdu.",
     ("Yang Hongxin", "worksFor", "SVOLT Energy Technology")),
    # Mysteel, 2025
    ("Meanwhile, the No.134 vein project is operated by Rongda Lithium, a wholly-owned subsidiary of Rongy, "
     "currently in stable production phase.", ("Rongda Lithium", "subsidiaryOf", "Rongy")),
    # EqualOcean, 2023-09-26
    ("In July 2022, the first World Power Battery Conference was held in Yibin, which was the world's first "
     "world-class power battery industry event.", ("World Power Battery Conference", "locatedIn", "Yibin City")),
])
def test_surface_rules_on_real_english_sentences(extractor, text, expected):
    assert expected in relations(extractor, text)


@pytest.mark.parametrize("text, expected", [
    # 华龙网, 2023-02-20
    ("据了解,这个10万吨锂离子电池负极材料生产基地是由四川金汇能新材料股份有限公司投资新建的一个项目。",
     {("四川金汇能新材料股份有限公司", "investsIn", "10万吨锂离子电池负极材料生产基地")}),
    # cnhan.com, 2025-07-03
    ("时间再往前推,钠美新能源科技有限公司(年产1.5GWh钠离子电池项目)、广东精锐精密有限公司(新能源大圆柱防爆安全壳组件生产项目)相继签约。",
     {("钠美新能源科技有限公司", "investsIn", "年产1.5GWh钠离子电池项目"),
      ("广东精锐精密有限公司", "investsIn", "新能源大圆柱防爆安全壳组件生产项目")}),
    # 天华新能, 2022-05-12
    ("四川天华时代年产6万吨电池级氢氧化锂项目位于四川省眉山市甘眉工业园区,是省、市重点项目,总投资25亿元。",
     {("四川天华时代年产6万吨电池级氢氧化锂项目", "locatedIn", "甘眉工业园区"), ("Meishan City", "locatedIn", "Sichuan Province"),
      ("甘眉工业园区", "locatedIn", "Meishan City")}),
    # 聚达网, 2019-10-18
    ("7月31日,四川铁塔能源业务合作伙伴大会在成都会展洲际酒店召开。", {("四川铁塔能源业务合作伙伴大会", "locatedIn", "Chengdu City")}),
    # 每日经济新闻, 2022-07-29
    ("惠州亿纬锂能股份有限公司副总裁陈海林表示,成都经开区(龙泉驿区)区位、产业、人才、物流优势明显。",
     {("陈海林", "worksFor", "EVE Energy")}),
    # 四川在线, 2021-06-18
    ("2019年9月以来,宜宾与宁德时代陆续签订四川时代动力电池一至六期项目,总投资超过300亿元,占地面积约3000亩。",
     {("Yibin City", "signedAgreementWith", "Contemporary Amperex Technology Co., Limited")}),
    # 华西都市报, 2022-12-26
    ("目前已落户融捷锂业、上海璞泰来、明超电缆、百克晶芯片等重点企业40余家。", set()),
])
def test_chinese_rules_on_real_sentences(extractor, text, expected):
    assert expected <= relations(extractor, text)


def test_chinese_companies_settled_in_a_place_are_located_there(extractor):
    # 华西都市报, 2022-12-26 (shortened: the place and the list of the same sentence)
    found = relations(extractor, "邛崃市目前已落户融捷锂业、上海璞泰来、明超电缆等重点企业40余家。")
    assert {("融捷锂业", "locatedIn", "Qionglai City"), ("上海璞泰来", "locatedIn", "Qionglai City")} <= found


def test_a_chinese_article_is_read_in_chinese_with_its_money_and_days(extractor):
    result = extractor.extract("12月23日,融捷集团磷酸铁锂正极一体化材料生产基地项目签约仪式在成都举行,投资金额为50亿元。",
                               dt.date(2022, 12, 26))
    assert result.language == "zh"
    assert ("融捷集团", "Company") in {(e.label, e.kind) for e in result.entities}
    assert [(a.value, a.currency) for a, _ in result.amounts] == [(50 * 10**8, "CNY")]
    assert "2022-12-23" in {d.value for d in result.dates}


def test_traditional_script_is_read_as_simplified_with_offsets_kept(extractor):
    text = "宜賓市人民政府與四川華鼎新材料有限公司簽署投資協議。"
    result = extractor.extract(text)
    company = next(e for e in result.entities if e.kind == "Company")
    name, start, end = company.mentions[0]
    assert (company.label, name, text[start:end]) == ("四川华鼎新材料有限公司", "四川華鼎新材料有限公司", "四川華鼎新材料有限公司")
    assert ("People's Government of Yibin City", "GovernmentBody") in {(e.label, e.kind) for e in result.entities}


@pytest.mark.parametrize("text", ["Alpha Energy Co., Ltd. signed a deal with the government of Zigong.",
                                  "Alpha Energy Co., Ltd. signed a deal with Zigong municipal government.",
                                  "四川华鼎新材料有限公司与自贡市人民政府签约。", "四川华鼎新材料有限公司与自贡市政府签约。"])
def test_a_government_written_as_a_phrase_is_the_places_government(extractor, text):
    result = extractor.extract(text)
    government = next(e for e in result.entities if e.kind == "GovernmentBody")
    assert (government.label, government.governs) == ("People's Government of Zigong City",
                                                       "https://w3id.org/battery-kg/id/zigong")


# --- names: what is a name's part, what is a name's short form, how names are written -------------------------

@pytest.mark.parametrize("text, not_a_place", [
    # KEDA Group company news (Tongliang cathode project)
    ("Tongliang District is located at a key position on the central axis of the Chengdu-Chongqing Economic Circle.",
     "Chengdu City"),
    # Tiger Brokers news (Guanghua Sci-Tech filing)
    ("Guangdong Guanghua Sci-Tech (SHE:002741) plans to construct a lithium battery materials plant in Dazhou "
     "High-tech Industrial Park, China for 1 billion yuan, according to a Shenzhen Stock Exchange filing on Friday.",
     "Shenzhen City"),
    # CRU Group, 2024
    ("Situated in the western part of Sichuan Province, it is geologically located on the eastern margin of the "
     "Qinghai-Tibet Plateau.", "Qinghai Province"),
    # Tianqi Lithium, 2023-10-27
    ("Reporters from numerous media inside and outside Sichuan province, including Economic Information Daily, "
     "Southern Weekly, Shanxi Economic Daily, and Sichuan Economic Daily, visited high-quality enterprises in Suining.",
     "Shanxi Province"),
    # Sichuan Zichen Technology company news, 2023-03-09
    ("Yu Xian, deputy general manager of Sichuan Zichen Technology Co., Ltd. said so. Liu Gang visited Sichuan "
     "Zichen to oversee the construction.", "Sichuan Province"),
])
def test_a_place_inside_a_longer_name_is_no_place_of_the_story(extractor, text, not_a_place):
    assert (not_a_place, "Place") not in entities(extractor, text)


def test_a_capitalised_direction_and_a_country_name_a_region(extractor):
    # CleanTechnica, 2019-02-26
    found = entities(extractor, "BYD has officially broken ground at its new Chongqing battery plant in a move that "
                                "diversifies its battery cell production capacity beyond its older factories in "
                                "Eastern China.")
    assert ("Eastern China", "Place") in found and ("China", "Place") not in found


def test_an_autonomous_county_under_its_autonomous_name_is_the_county(extractor):
    # EnergyTrend, 2022-11-02
    result = extractor.extract("The existing industry chain stretches from the phosphate mines in Mabian Yi and "
                               "Yibing to the facilities for processing LFP cathode materials in Yibin.")
    county = next(e for e in result.entities if e.label == "Mabian County")
    assert [m[0] for m in county.mentions] == ["Mabian Yi"]


def test_daofu_is_the_county_under_its_pinyin_name(extractor):
    # CRU Group, 2024
    found = entities(extractor, "Situated in the western part of Sichuan Province, at the junction of three counties "
                                "– Kangding, Yajiang, and Daofu – it is located on the eastern margin of the plateau.")
    assert ("Dawu County", "Place") in found


def test_legal_forms_with_a_bracketed_place_a_comma_or_a_curly_apostrophe(extractor):
    # ENR (Engineering News-Record), 2024
    found = entities(extractor, "Lead Design Firm: Fluor (China) Engineering & Construction Co. Ltd.\n"
                                "Subcontractors: Zhongshi Chemical Engineering Construction Co. Ltd.; Nantong "
                                "Construction Group Co, Ltd.; Jiangsu Qi\u2019an Construction Group Co. Ltd.")
    assert {("Fluor (China) Engineering & Construction Co. Ltd.", "Company"),
            ("Nantong Construction Group Co, Ltd.", "Company"),
            ("Jiangsu Qi\u2019an Construction Group Co. Ltd.", "Company")} <= found


def test_an_acronym_in_brackets_is_the_short_name_of_the_body_before_it(extractor):
    # China Energy Storage Alliance (CNESA), 2025-07-14
    result = extractor.extract("The Sichuan Provincial Development and Reform Commission (DRC) and the Sichuan Energy "
                               "Bureau have officially released the list. The DRC said so.")
    commission = next(e for e in result.entities if e.kind == "GovernmentBody" and "Reform" in e.label)
    assert "DRC" in commission.names
    assert not any(e.label == "DRC" for e in result.entities)


@needs_model
def test_an_acronym_of_common_words_names_nothing(extractor):
    # CRU Group, 2024
    found = entities(extractor, "Currently, Sichuan\u2019s operating spodumene projects positioned below the 50th "
                                "percentile line on the cost curve have value-adjusted cash costs (VACC) below $500 /dmt.")
    assert not any(label == "VACC" for label, _ in found)


def test_a_hyphenated_given_name_is_a_person(extractor):
    # SVOLT press release, 2021-10-12
    found = entities(extractor, "Kai-Uwe Wollenhaupt, President SVOLT Europe & Vice President SVOLT Energy Technology: "
                                "\u201cSVOLT is expanding its production capacities at a very fast pace.")
    assert ("Kai-Uwe Wollenhaupt", "Person") in found


def test_a_chinese_name_in_western_order_is_the_same_person(extractor):
    # SVOLT press release, 2021-10-12
    result = extractor.extract("Yang Hongxin, President and General Manager of SVOLT, attended the signing ceremony "
                               "in Chengdu.\nHongxin Yang, SVOLT President and General Manager: \u201cSVOLT considers "
                               "Sichuan important.\u201d")
    people = [e for e in result.entities if e.kind == "Person"]
    assert len(people) == 1 and set(people[0].names) == {"Yang Hongxin", "Hongxin Yang"}


def test_a_sentence_adverb_before_an_appositive_is_no_company(extractor):
    # SMM, 2025-11-29
    found = entities(extractor, "Recently, an investor inquired with Sichuan Energy Power on an investor interaction "
                                "platform about the Lijiagou mine.")
    assert not any(label == "Recently" for label, _ in found)


@needs_model
@pytest.mark.parametrize("text, not_a_name", [
    # EqualOcean, 2023-09-26
    ("As of November 2022, Yibin's production of power batteries accounts for 12.6% of the national total, it is "
     "known as the \"Capital of Power Batteries in China\".", "Capital of Power Batteries"),
    # China Energy Storage Alliance (CNESA), 2025-07-14
    ("Issued under official document Chuan Fa Gai Neng Yuan [2025] No. 309, the notification underscores the "
     "province\u2019s commitment to grid-side energy storage.", "Chuan Fa Gai Neng Yuan"),
    # electrive.com, 2021-04-23
    ("The state-owned company claims to produce lithium-ion batteries with NCM and LFP chemistry \u2013 in the order "
     "of 100 GWh per year.", "NCM"),
    # China Energy Storage Alliance (CNESA), 2025-07-14
    ("The Sichuan Provincial Development and Reform Commission and the Sichuan Energy Bureau have officially "
     "released the \u201c2025 Grid-Side New Energy Storage Project List,\u201d comprising 27 storage projects across "
     "the province.", "Energy Storage Project"),
])
def test_phrases_of_common_words_documents_and_chemistries_are_no_names(extractor, text, not_a_name):
    assert not any(label == not_a_name for label, kind in entities(extractor, text) if kind != "Technology")


def test_a_title_going_on_past_an_industry_name_is_no_company(extractor):
    # China Energy Storage Alliance (CNESA), 2025-07-14
    found = entities(extractor, "The Sichuan Energy Bureau has officially released the \u201c2025 Grid-Side New "
                                "Energy Storage Project List,\u201d comprising 27 storage projects across the province.")
    assert not any("Grid" in label for label, _ in found)


@needs_model
def test_a_project_named_after_its_place_is_one_project_under_its_names(extractor):
    # SMM, 2025-11-29
    result = extractor.extract("Recently, an investor inquired with Sichuan Energy Power about the Lijiagou mine. The "
                               "company stated that the Lijiagou lithium mine project had basically reached its design "
                               "capacity. The company clarified that the Lijiagou project focuses on mining.")
    projects = [e for e in result.entities if e.kind == "InvestmentProject"]
    assert len(projects) == 1
    assert {"Lijiagou mine", "Lijiagou lithium mine project", "Lijiagou project"} <= set(projects[0].names)
