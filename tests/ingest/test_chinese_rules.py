"""Chinese name and relation rules, each on an invented sentence in the shape of real news (the development set's
errors suggested the rules; the sentences are made up)."""

import pytest

from .conftest import entities, needs_chinese_model, relations


def test_a_project_named_only_with_common_words_is_no_project(extractor):
    found = entities(extractor, "今年全市共有12个电网侧储能项目和8个用户侧储能项目开工，锂电产业重点项目进展顺利。")
    assert not any(kind == "InvestmentProject" for _, kind in found)


def test_a_project_with_a_quantity_or_a_name_is_a_project(extractor):
    found = entities(extractor, "泰岚公司年产5万吨磷酸铁锂新材料项目在马边开工。")
    assert any(kind == "InvestmentProject" and "5万吨" in label for label, kind in found)


def test_a_deputy_commander_is_a_person_with_a_title(extractor):
    found = entities(extractor, "园区建设指挥部副指挥长周明远介绍,园区已引进企业20家。")
    assert ("周明远", "Person") in found


def test_companies_listed_with_a_count_are_companies_settled_in_the_place_before_the_verb(extractor):
    found = relations(extractor, "目前,以汽车产业园为核心,宜宾已落地泰岚汽车、岚峰汽车、奇岳商用车3家整车企业。")
    assert {(name, "locatedIn", "Yibin City") for name in ("泰岚汽车", "岚峰汽车", "奇岳商用车")} <= found


def test_companies_settled_in_the_place_of_the_sentence_before(extractor):
    found = relations(extractor, "据悉,邛崃市将新能源电池作为重要方向；目前已落户泰岚锂业、岚峰电缆等重点企业40余家。")
    assert {("泰岚锂业", "locatedIn", "Qionglai City"), ("岚峰电缆", "locatedIn", "Qionglai City")} <= found


def test_a_company_partners_each_of_a_list_whose_members_are_no_partners(extractor):
    found = relations(extractor, "岚峰能源股份有限公司动力电池业务现已与泰岚、奇岳、小岚等知名车企建立了稳定的合作关系。")
    assert {("岚峰能源股份有限公司", "partnerOf", name) for name in ("泰岚", "奇岳", "小岚")} <= found
    assert not any(s in ("泰岚", "奇岳") and k == "partnerOf" for s, k, _ in found)


def test_a_town_written_after_its_county_is_the_town_in_the_county(extractor):
    found = relations(extractor, "记者来到宣汉县岚峰镇，看到项目正在建设。")
    assert ("岚峰镇", "locatedIn", "Xuanhan County") in found


def test_a_place_in_a_newspapers_name_is_no_place_of_the_story(extractor):
    found = entities(extractor, "来源:四川日报 编辑:顾强\n\n泰岚锂业有限公司的项目开工。")
    assert ("Sichuan Province", "Place") not in found


def test_a_name_after_a_title_is_the_shortest_the_words_after_it_allow(extractor):
    found = entities(extractor, "岚峰区区委书记周明在致辞中说,项目进展顺利。")
    assert ("周明", "Person") in found and not any(label == "周明在" for label, _ in found)


def test_a_bureau_named_by_its_level_alone_employs_the_person_after_its_title(extractor):
    found = relations(extractor, "省经济合作局局长司马岚峰出席签约仪式。")
    assert ("司马岚峰", "worksFor", "省经济合作局") in found


def test_a_person_works_for_each_office_listed_before_the_name(extractor):
    found = relations(extractor, "宜宾市委副书记、岚峰新区管委会主任周明出席仪式。")
    assert {("周明", "worksFor", "宜宾市委"), ("周明", "worksFor", "岚峰新区管委会")} <= found


def test_a_project_started_in_a_park_named_with_its_district_is_in_both(extractor):
    found = relations(extractor, "泰岚锂业年产5万吨正极材料项目在宜宾经开区(叙州区)正式动工。")
    assert {("泰岚锂业年产5万吨正极材料项目", "locatedIn", "宜宾经开区"),
            ("泰岚锂业年产5万吨正极材料项目", "locatedIn", "Xuzhou District")} <= found


def test_the_place_of_a_signing_is_no_party_to_it(extractor):
    found = relations(extractor, "泰岚锂业有限公司在成都与宜宾市人民政府签署投资协议。")
    assert ("泰岚锂业有限公司", "signedAgreementWith", "People's Government of Yibin City") in found
    assert not any("Chengdu City" in (s, o) for s, _, o in found)


def test_a_short_name_defined_in_brackets_is_the_same_entity(extractor):
    text = "泰岚锂业科技有限公司(以下简称“岚峰公司”)年产5万吨正极材料项目开工。岚峰公司负责人介绍,项目年底投产。"
    companies = [{t for t, _, _ in e.mentions} for e in extractor.extract(text).entities if e.kind == "Company"]
    assert any({"泰岚锂业科技有限公司", "岚峰公司"} <= names for names in companies), companies


def test_a_verb_opening_the_clause_is_not_in_the_name(extractor):
    found = entities(extractor, "全市将培育泰岚锂业科技有限公司等一批企业,双方共建岚峰锂电材料生产基地。")
    assert {("泰岚锂业科技有限公司", "Company"), ("岚峰锂电材料生产基地", "InvestmentProject")} <= found


def test_a_name_before_a_stock_code_is_a_company_and_a_postcode_is_none(extractor):
    found = entities(extractor, "岚峰锂能(300999)发布公告。地址:岚峰市泰岚路1号(610000)。")
    assert ("岚峰锂能", "Company") in found
    assert not any("泰岚路" in label for label, _ in found)


def test_the_company_a_clause_opens_with_invests_in_what_it_builds(extractor):
    found = relations(extractor, "泰岚锂能股份有限公司发布公告,公司计划投资50亿元建设岚峰锂电材料项目和岚峰储能电站项目。")
    assert {("泰岚锂能股份有限公司", "investsIn", p) for p in ("岚峰锂电材料项目", "岚峰储能电站项目")} <= found


def test_a_company_named_by_what_it_is_and_a_word_starting_with_a_division_are_no_names(extractor):
    found = entities(extractor, "泰岚锂业有限公司与岚峰汽车成立合资公司,助力岚峰乡村振兴。")
    assert not any(label in ("合资公司", "岚峰乡") for label, _ in found), found


def test_two_places_joined_by_a_dash_name_one_park(extractor):
    found = entities(extractor, "项目位于成都-阿坝锂电产业园。")
    assert ("成都-阿坝锂电产业园", "IndustrialPark") in found


def test_a_project_named_after_its_company_with_a_place_before_the_short_name_is_its_investment(extractor):
    found = relations(extractor, "宜宾泰岚新材料科技有限公司发布公告。四川泰岚新材料正极材料生产基地项目开工。")
    assert ("宜宾泰岚新材料科技有限公司", "investsIn", "四川泰岚新材料正极材料生产基地项目") in found, found


def test_investment_before_a_legal_form_is_the_companys_trade(extractor):
    found = entities(extractor, "区长周明与岚峰润道投资有限公司董事长李远座谈。")
    assert ("岚峰润道投资有限公司", "Company") in found


def test_the_parties_before_with_are_one_side_of_a_signing(extractor):
    found = relations(extractor, "岚峰能源有限公司、泰岚锂业有限公司与宜宾市人民政府签署投资协议。")
    assert {("岚峰能源有限公司", "signedAgreementWith", "People's Government of Yibin City"),
            ("泰岚锂业有限公司", "signedAgreementWith", "People's Government of Yibin City")} <= found
    assert ("岚峰能源有限公司", "signedAgreementWith", "泰岚锂业有限公司") not in found
    found = relations(extractor, "岚峰能源有限公司、泰岚锂业有限公司与宜宾市人民政府签署三方协议。")
    assert ("岚峰能源有限公司", "signedAgreementWith", "泰岚锂业有限公司") in found


def test_a_party_signs_with_the_party_after_with_when_words_stand_between(extractor):
    found = relations(extractor, "宜宾市人民政府昨天上午与泰岚锂业有限公司签署投资协议。")
    assert ("People's Government of Yibin City", "signedAgreementWith", "泰岚锂业有限公司") in found
    found = relations(extractor, "宜宾市人民政府由泰岚锂业有限公司与岚峰能源有限公司签署协议。")
    assert ("People's Government of Yibin City", "signedAgreementWith", "泰岚锂业有限公司") not in found


def test_a_project_name_runs_over_its_county_in_brackets_and_a_capacity_per_year(extractor):
    found = entities(extractor, "岚峰锂电(富顺)5万吨/年磷酸铁锂正极材料项目近日开工。")
    assert ("岚峰锂电(富顺)5万吨/年磷酸铁锂正极材料项目", "InvestmentProject") in found


def test_a_name_before_a_chairmans_title_is_a_company_a_place_or_a_body_is_not(extractor):
    found = entities(extractor, "会上,岚峰新能源董事长周明致辞。")
    assert ("岚峰新能源", "Company") in found
    found = entities(extractor, "会上,宜宾市副市长周明致辞,公司董事长李远介绍了项目。")
    assert not any(kind == "Company" for _, kind in found)


def test_the_project_a_company_plans_settles_not_the_company(extractor):
    found = relations(extractor, "泰岚锂业有限公司计划投资的正极材料项目将落户宜宾市。")
    assert ("泰岚锂业有限公司", "locatedIn", "Yibin City") not in found
    found = relations(extractor, "泰岚锂业有限公司已落户宜宾市。")
    assert ("泰岚锂业有限公司", "locatedIn", "Yibin City") in found


def test_a_name_after_a_title_ends_before_leads_or_doctor(extractor):
    found = entities(extractor, "区长周明远率队考察,岚峰新能源总经理李远博士陪同。")
    assert {("周明远", "Person"), ("李远", "Person")} <= found


def test_a_state_or_private_company_is_named_without_the_word_saying_so(extractor):
    found = entities(extractor, "央企岚峰电建集团与民企泰岚集团共同出资。")
    assert {("岚峰电建集团", "Company"), ("泰岚集团", "Company")} <= found


# the fourth development batch: real sentences (北极星电力网, 中国经济网, 中新网, 川观新闻, 四川经济网)

def test_a_committee_member_works_for_the_committee_and_the_office_after_it(extractor):
    found = relations(extractor, "四川省委常委、成都市委书记施小琳出席签约仪式。")
    assert {("施小琳", "worksFor", "四川省委"), ("施小琳", "worksFor", "成都市委")} <= found
    assert not any(kind == "signedAgreementWith" for _, kind, _ in found)


def test_projects_listed_before_a_count_of_them_settle_where_the_count_does(extractor):
    found = relations(extractor, "此次活动中,总金额达81.6亿元的先进碳材制造基地项目、新能源高端特碳材料研发制造基地项目两大新能源产业"
                                 "领域重大项目落户彭州。")
    assert {("先进碳材制造基地项目", "locatedIn", "Pengzhou City"),
            ("新能源高端特碳材料研发制造基地项目", "locatedIn", "Pengzhou City")} <= found


def test_a_park_first_in_a_list_of_what_settles_is_no_place(extractor):
    found = relations(extractor, "达州过去一年多招引落地浙江正凯先进智造产业园、赣锋锂业高纯锂盐项目和退役电池综合回收利用项目、"
                                 "蜂巢能源锂电零碳产业园等7个“百亿级”先进制造业项目。")
    assert not any(o == "浙江正凯先进智造产业园" and kind == "locatedIn" for _, kind, o in found), found


def test_a_place_partners_each_of_a_list_of_institutes(extractor):
    found = relations(extractor, "此外,彭州与大连理工大学、中科院大连化物所等绿色低碳领域优质科研院所均建立了战略合作关系。")
    assert {("Pengzhou City", "partnerOf", "大连理工大学"), ("Pengzhou City", "partnerOf", "中科院大连化物所")} <= found


def test_a_company_is_in_the_area_where_it_is_said_to_be(extractor):
    found = relations(extractor, "以四川时代所在的三江新区为圆心,宜宾市正在加速形成动力电池产业发展新格局。")
    assert ("Sichuan Contemporary Amperex Technology Co., Ltd.", "locatedIn", "三江新区") in found


def test_three_parties_listed_sign_with_each_other_where_one_is_named_after_its_city(extractor):
    text = ("会上,德阳高新区管委会、珠海冠宇、德阳投资控股集团签订了《冠宇动力电池生产项目投资协议》。"
            "珠海冠宇董事长、总经理徐延铭向德阳市委、市政府对企业发展的支持表示感谢。")
    found = relations(extractor, text)
    assert {("德阳高新区管委会", "signedAgreementWith", "珠海冠宇"),
            ("德阳高新区管委会", "signedAgreementWith", "德阳投资控股集团"),
            ("珠海冠宇", "signedAgreementWith", "德阳投资控股集团")} <= found, found


def test_the_party_secretary_of_an_institute_works_for_the_institute(bundled_only):
    # 中国高新技术产业导报, development batch 7
    found = relations(bundled_only, "中国电子信息产业发展研究院党委书记刘文强指出,我国锂电产业供给侧结构性改革持续推进。")
    assert ("刘文强", "worksFor", "中国电子信息产业发展研究院") in found, found
    assert not any(o.endswith("党委") for _, _, o in found), found


def test_a_body_that_convenes_a_meeting_hosts_it(bundled_only):
    # whereislife (repost), development batch 7
    found = relations(bundled_only, "11月10日,为切实推动四川省钒电池储能产业发展研究工作开展,由四川省经济和信息化厅组织在成都召开了"
                                    "四川省钒电池储能产业发展工作推进会,中国电子信息产业发展研究院、中国金属学会等单位参会。")
    assert ("四川省经济和信息化厅", "hosts", "四川省钒电池储能产业发展工作推进会") in found, found
    # invented: 组织 here gets firms to attend, and hosts nothing
    found = relations(bundled_only, "宜宾市经济和信息化局组织企业参加2023世界动力电池大会。")
    assert not any(kind == "hosts" for _, kind, _ in found), found


def test_an_investor_with_its_short_name_in_brackets_invests(bundled_only):
    # 91金属, development batch 8
    found = relations(bundled_only, "据悉,四川铭丰年产10万吨铜箔项目由江苏铭丰电子材料科技有限公司(简称:江苏铭丰)投资建设,"
                                    "计划总投资52亿元,将分四期建设。")
    assert ("江苏铭丰电子材料科技有限公司", "investsIn", "四川铭丰年产10万吨铜箔项目") in found, found


def test_a_place_written_before_a_project_is_where_it_is(bundled_only):
    # 中国电池网 (宜宾), development batch 7
    found = relations(bundled_only, "除天原锂电年产10万吨磷酸铁锂正极材料及配套前驱体项目外,宜宾市南溪区10万吨磷酸铁锂项目也已成立新公司,"
                                    "正有序推进项目前期工作。")
    assert ("10万吨磷酸铁锂项目", "locatedIn", "Nanxi District") in found, found


def test_companies_a_park_draws_in_settle_there(bundled_only):
    # 射洪市融媒体中心, development batch 8
    found = relations(bundled_only, "近年来,四川射洪经开区锂电高新产业园正吸引着蜀道集团、盛屯集团等越来越多的“龙头”企业入驻。")
    assert {(c, "locatedIn", "四川射洪经开区锂电高新产业园") for c in ("蜀道集团", "盛屯集团")} <= found, found


# Round 11, on the development set (its articles are in data/gold/dev/articles/ and data/sources/)

def test_a_project_written_after_its_companys_defined_short_name_is_its_investment(bundled_only):
    # chinanews.com (仁寿), development set: the short name in brackets between the company and its project
    found = relations(bundled_only, "四川储元世纪新能源科技有限公司(以下简称“四川储元”)年产5吉瓦时储能系统集成项目,是眉山市仁寿县重点项目,"
                                    "报装用电容量高达14750千伏安,用电需求极为迫切。")
    assert ("四川储元世纪新能源科技有限公司", "investsIn", "年产5吉瓦时储能系统集成项目") in found, found


@needs_chinese_model  # 天华超净 is the model's name
def test_a_company_is_the_subsidiary_of_its_parent(bundled_only):
    # ofweek.com (宜宾), development set: "B的母公司A"
    found = relations(bundled_only, "天宜锂业的母公司天华超净表示:天宜锂业电池级氢氧化锂一期项目的竣工,将有助于天宜锂业锂电材料业务的开展,"
                                    "增强上市公司的盈利能力。")
    assert ("天宜锂业", "subsidiaryOf", "天华超净") in found, found


@pytest.mark.parametrize("text, partners", [
    # automotive.china.com.cn (宜宾), development set: three parties start working together (天华超净 is the model's)
    pytest.param("2018年,宁德时代与宜宾市政府、天华超净开启合作,成立了宜宾市天宜锂业科创有限公司,投资建设动力电池前端材料项目。",
                 {("Contemporary Amperex Technology Co., Limited", "partnerOf", "天华超净"),
                  ("People's Government of Yibin City", "partnerOf", "天华超净")}, marks=needs_chinese_model),
    # 21spv.com (铜梁), development set: companies that found a fund together
    ("当天,海辰储能与渝富集团、峰和资本共同成立了重庆储能产业投资基金,进一步推动海辰储能发挥行业龙头的纽带和支撑作用。",
     {("Hithium", "partnerOf", "渝富集团")}),
], ids=["start-working-together", "found-together"])
def test_parties_that_start_working_together_or_found_something_together_are_partners(bundled_only, text, partners):
    assert partners <= relations(bundled_only, text)


# Round 12, on the development set

def test_the_parties_listed_before_respectively_with_each_sign_with_the_party_after(bundled_only):
    # zpxdjx (内江), development set: "A和B分别与C签订": A signs with C as well as B
    found = relations(bundled_only, "6月27日,内江经开区和威远县分别与埃普诺(深圳)新能源科技集团有限公司签订《年产30万吨硅碳负极新材料项目"
                                    "投资合作协议》和《年产3万吨高纯微米硅材料项目投资协议书》,两个项目分别落户内江经开区和内江威远县。")
    assert {(party, "signedAgreementWith", "埃普诺(深圳)新能源科技集团有限公司")
            for party in ("内江经开区", "Weiyuan County")} <= found, found


def test_the_projects_of_a_sentence_settle_respectively_in_the_places_listed(bundled_only):
    # zpxdjx (内江), development set: "两个项目分别落户A和B": the first project in A, the second in B
    found = relations(bundled_only, "6月27日,内江经开区和威远县分别与埃普诺(深圳)新能源科技集团有限公司签订《年产30万吨硅碳负极新材料项目"
                                    "投资合作协议》和《年产3万吨高纯微米硅材料项目投资协议书》,两个项目分别落户内江经开区和内江威远县。")
    assert {("年产30万吨硅碳负极新材料项目", "locatedIn", "内江经开区"),
            ("年产3万吨高纯微米硅材料项目", "locatedIn", "Weiyuan County")} <= found, found
    assert ("年产3万吨高纯微米硅材料项目", "locatedIn", "内江经开区") not in found, found


@needs_chinese_model  # 杉杉 is the model's name
def test_the_company_a_sentence_names_supplies_each_of_its_customers_listed(bundled_only):
    # meishandaily (彭山), development set: "主要客户包括A、B、C等": 杉杉 supplies each
    found = relations(bundled_only, "2021年,杉杉负极材料总出货量超10万吨,国内人造石墨出货排名第一,全球市场占率达12%,主要客户包括宁德时代、"
                                    "比亚迪、LG、欣旺达等国内外锂电龙头企业。")
    assert {("杉杉", "suppliesTo", customer) for customer in
            ("Contemporary Amperex Technology Co., Limited", "BYD", "LG", "Sunwoda")} <= found, found
    # itbear (泸州), development set (its second sentence; the first shortened): the events listed are whose buses
    found = relations(bundled_only, "中科电气(300035.SZ)近日宣布投资建设负极材料项目。其客户包括北京奥运会、上海世博会、深圳大运会等重大活动的"
                                    "电动大巴供应商。")
    assert not any(kind == "suppliesTo" for _, kind, _ in found), found


@needs_chinese_model  # 吉利汽车控股有限公司 whole is the model's name
def test_the_founders_written_before_a_joint_venture_named_after_it_invest_in_it(bundled_only):
    # itdcw (宜宾), development set: "由A和B旗下C成立的合资公司D投资建设": A and C (B's company) found D and are partners
    found = relations(bundled_only, "据悉,时代吉利年产能12GWh动力电池宜宾项目,由宁德时代和吉利汽车控股有限公司旗下浙江吉润汽车有限公司成立的"
                                    "合资公司时代吉利动力电池公司投资建设。")
    catl = "Contemporary Amperex Technology Co., Limited"
    assert {(catl, "investsIn", "时代吉利动力电池公司"), ("浙江吉润汽车有限公司", "investsIn", "时代吉利动力电池公司"),
            (catl, "partnerOf", "浙江吉润汽车有限公司")} <= found, found
    assert not any(s == "Geely" and kind in ("investsIn", "partnerOf") for s, kind, _ in found), found


def test_the_company_a_sentence_names_invests_in_each_company_listed_after_the_verb(bundled_only):
    # libattery (自贡), development set: "A…,先后投资B、C等企业"
    found = relations(bundled_only, "近年来,自贡高投集团坚持以高质量党建引领高质量发展,坚定走产业发展之路,紧紧围绕市委“锂电光伏做配套、钠电储能做"
                                    "龙头”的发展定位,瞄准新能源产业发展新赛道,先后投资兴储世纪科技股份有限公司、凯盛(自贡)新能源有限公司等企业,"
                                    "初步搭建起新能源产业链发展雏形;")
    assert {("自贡高投集团", "investsIn", company) for company in ("兴储世纪科技股份有限公司", "凯盛(自贡)新能源有限公司")} <= found, found


def test_a_place_holding_talks_on_cooperation_with_a_company_partners_it(bundled_only):
    # scjjw (德阳), development set: no verb before 合作交流, so the words before it are the parties, not the verb's
    # (a later sentence of the article makes 珠海冠宇 a company)
    found = relations(bundled_only, "四川经济网德阳讯(记者 闫新宇 文/图)5月22日下午,德阳市与珠海冠宇举行合作交流座谈会,双方就深化新能源产业"
                                    "领域合作进行深入交流,达成战略合作共识。"
                                    "珠海冠宇董事长、总经理徐延铭向德阳市委、市政府对企业发展的支持表示感谢。")
    assert ("Deyang City", "partnerOf", "珠海冠宇") in found, found


# Round 12, second pass (branch zh12b): references to what earlier sentences named

def test_the_company_opening_a_clause_after_a_date_is_the_storys_company(bundled_only):
    # 91jinshu (长宁), development set: "今年8月,公司与…携手设立…": 公司 is the 江苏铭丰 the sentences before are about
    found = relations(bundled_only, "据悉,四川铭丰年产10万吨铜箔项目由江苏铭丰电子材料科技有限公司(简称:江苏铭丰)投资建设,计划总投资52亿元。"
                                    "资料显示,江苏铭丰成立于2013年,地处江苏溧阳市社渚镇工业集中区,公司拥有年产25000吨电子铜箔/锂电池铜箔生产线。"
                                    "今年8月,公司与长宁县融创产业投资有限公司携手设立四川铭丰,注册资金2.52亿元,为此次开工项目的项目公司。")
    assert ("江苏铭丰电子材料科技有限公司", "partnerOf", "长宁县融创产业投资有限公司") in found, found



def test_the_enterprise_that_has_built_cooperation_with_a_list_partners_each(bundled_only):
    # huyis (仁寿), development set: "目前企业已与A、B等头部企业建立合作": 企业 is the story's company, 建立合作 a cooperation
    found = relations(bundled_only, "近日,在深圳举行的第十七届中国国际电池技术展览会(CIBF2025)上,来自眉山仁寿县新能源龙头企业——"
                                    "四川协鑫锂电科技有限公司(以下简称“协鑫锂电”)成为全场焦点。"
                                    "目前企业已与宁德时代、厦门海辰等头部企业建立合作,标志着仁寿县在新能源赛道上实现“弯道超车”。")
    assert {("四川协鑫锂电科技有限公司", "partnerOf", "Contemporary Amperex Technology Co., Limited"),
            ("四川协鑫锂电科技有限公司", "partnerOf", "厦门海辰")} <= found, found
