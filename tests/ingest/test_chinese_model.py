"""The Chinese model (Baidu's LAC 2.1.2, pinned by hash) and what the recogniser takes from it.

The sentences are real ones, from development articles of ``data/gold/dev`` (the article is named above each);
each case fails without the rule or the filter it names. Without the model the cases are skipped, and the
rule-only path is tested to run and say so.
"""

from __future__ import annotations

import pytest

from graph.ingest import chinese_model as model_module
from graph.ingest.chinese import ChineseRecogniser
from graph.ingest.chinese_model import PINNED_WEIGHTS, chinese_model
from graph.ingest.english import RULES_ONLY_ENV
from graph.ingest.resolve import Knowledge

from .conftest import needs_chinese_model


@pytest.fixture(scope="module")
def recognise() -> ChineseRecogniser:
    return ChineseRecogniser(Knowledge.load(use_registry=False))


def found(recognise, text: str) -> set[tuple[str, str]]:
    return {(m.text, m.kind) for m in recognise(text)}


@needs_chinese_model
def test_a_changed_model_is_caught_by_its_tags_on_fixed_sentences():
    words = chinese_model().words(["遂宁市射洪市人民政府与天齐锂业签约", "州长肖友才主持召开专题会议", ""])
    assert words == [
        [("遂宁市射洪市人民政府", "ORG"), ("与", "p"), ("天齐锂业", "ORG"), ("签约", "v")],
        [("州长", "n"), ("肖友才", "PER"), ("主持", "v"), ("召开", "v"), ("专题", "n"), ("会议", "n")],
        [],
    ]


@needs_chinese_model
def test_names_are_offsets_into_the_text():
    text = "会上,天齐锂业与射洪市签约。\n李兴建出席。"
    names = chinese_model().names(text, [(0, 14), (15, 21)])
    assert [(text[s:e], w, t) for s, e, w, t in names] == [(w, w, t) for _, _, w, t in names]
    assert ("天齐锂业", "ORG") in {(w, t) for _, _, w, t in names}


def test_files_that_differ_from_the_pinned_ones_are_not_used(monkeypatch, capsys):
    if model_module._package_dir() is None:
        pytest.skip("the Chinese model is not installed")
    monkeypatch.delenv(RULES_ONLY_ENV, raising=False)
    monkeypatch.setattr(model_module, "PINNED_WEIGHTS", {**PINNED_WEIGHTS, "lac_model/model/crfw": "0" * 64})
    chinese_model.cache_clear()
    try:
        assert chinese_model() is None
        assert "files differ from the pinned ones (lac_model/model/crfw)" in capsys.readouterr().err
    finally:
        chinese_model.cache_clear()


def test_without_the_package_the_rules_run_alone_and_quietly(monkeypatch, capsys):
    monkeypatch.setattr(model_module, "_package_dir", lambda: None)
    chinese_model.cache_clear()
    try:
        assert chinese_model() is None
        assert capsys.readouterr().err == ""
        assert ChineseRecogniser(Knowledge.load(use_registry=False)).model is None
    finally:
        chinese_model.cache_clear()


@needs_chinese_model
def test_companies_no_list_holds(recognise):
    # jiangjin-luohuang-greater-bay-xfc-battery: two suppliers named once, in a list of 80
    text = "目前,珞璜临港产业城已经拥有东科模具、鼎喜实业等80余家智能网联新能源汽车配套企业,产业基础十分雄厚。"
    assert {("东科模具", "Company"), ("鼎喜实业", "Company")} <= found(recognise, text)
    assert found(ChineseRecogniser(recognise.knowledge, model=False), text) & {("东科模具", "Company")} == set()


@needs_chinese_model
def test_a_name_jieba_reads_as_a_verb_is_still_a_name(recognise):
    # automotive-catl-yibin-agreement-2019: jieba reads 超净 as a verb
    text = "2018年,宁德时代与宜宾市政府、天华超净开启合作,成立了宜宾市天宜锂业科创有限公司,投资建设动力电池前端材料项目。"
    assert ("天华超净", "Company") in found(recognise, text)


@needs_chinese_model
def test_an_institute_is_an_organisation(recognise):
    # xinhua-smart-china-expo-signings-2023
    text = "同中国中车、工业和信息化部电子五所等多个企业和部门签订了战略合作协议。"
    assert ("工业和信息化部电子五所", "Organization") in found(recognise, text)


@needs_chinese_model
def test_a_person_lac_cuts_short_is_read_whole(recognise):
    # ganzidaily-kangding-yuanyangba-lithium-zone: LAC reads 肖友|才强调
    text = ("肖友才强调,拟建的康定鸳鸯坝绿色锂业加工集中区位于国道318沿线、大渡河流域,锂资源开发企业务必要以高度的政治责任感,"
            "始终坚持生态优先,牢固树立绿色发展理念,坚持一流规划、一流设计、一流建设、一流环保、一流管理、一流景观,"
            "打造好绿色锂业加工集中区,树立我州现代企业的样板。")
    assert ("肖友", "PER") in {(w, t) for _, _, w, t in recognise.model.names(text, [(0, len(text))])}
    people = {m.text for m in recognise(text) if m.kind == "Person"}
    assert "肖友才" in people and "肖友" not in people


@needs_chinese_model
def test_what_the_model_names_and_is_no_party_of_the_story(recognise):
    cases = {
        # chinacom-dazu-shuangqiao-huanli-recycling: the page's editor
        "来源:重庆日报 时间:2023-02-07 10:00:42 编辑:李柯佑": "李柯佑",
        # itbear-luzhou-zhongke-anode-300kt-2025: the stock exchange, a common word of the language
        "公开资料显示,中科电气成立于2004年4月,2009年12月在深交所创业板上市。": "深交所",
        # huaxi-qionglai-rongjie-lfp-signing-2022: the newspaper's dateline
        "华西都市报讯(记者陈彦霏)12月23日,蓉南新兴产业带(邛崃片区)融捷磷酸铁锂正极一体化材料生产基地暨明超超高功率石墨电极项目签约。":
            "华西都市报讯",
        # stdaily-chongqing-spic-storage: a power plant, not a company
        "而且,这3个项目均为重庆全域综合智慧零碳电厂。": "重庆全域综合智慧零碳电厂",
        # people-meishan-pengshan-albemarle-lithium: Albemarle's government-affairs manager, no government
        "”雅保政府事务经理唐丽芳表示。": "雅保政府",
        # jiangjin-luohuang-greater-bay-xfc-battery: a phrase with the story's verb in it
        "其中,重庆汉联汽车销售服务有限公司预计投资2亿元,在珞璜临港产业城成立控股公司以及项目公司。": "珞璜临港产业城成立控股公司",
    }
    # the names inside the model's phrase that are names of their own (the park the rules find by its suffix)
    inside = {"珞璜临港产业城"}
    for text, name in cases.items():
        assert name in {w for _, _, w, _ in recognise.model.names(text, [(0, len(text))])}, name
        assert not any(m.text in name and len(m.text) > 3 and m.text not in inside or m.text == name
                       for m in recognise(text)), name


@needs_chinese_model
def test_an_organisation_the_model_names_whole_outweighs_the_pieces_the_rules_find(recognise):
    # cqtl-tongliang-cqu-storage-platform-center, batch 7: the party committee and the research centre whole
    text = ("10月30日,在民盟重庆市委会、中共重庆市铜梁区委主办的重庆民盟第五届“群言堂”开幕式上,举行了重庆大学国家储能技术产教融合"
            "创新平台铜梁研究中心揭牌仪式,启动平台在铜梁区的研发合作、成果转化、人才引培等相关工作。")
    names = found(recognise, text)
    assert {("中共重庆市铜梁区委", "GovernmentBody"),
            ("重庆大学国家储能技术产教融合创新平台铜梁研究中心", "Organization")} <= names, names
    assert ("重庆市铜梁区委", "GovernmentBody") not in names
    # cranenet-sichuan-wpbc-2022-government-report, batch 7: a university's school, not the university
    text = "”在省政协委员、西华大学材料科学与工程学院教授敖进清看来,资源与产业优势是世界动力电池大会把“绣球”抛给四川的首要因素。"
    assert ("西华大学材料科学与工程学院", "Organization") in found(recognise, text)


@needs_chinese_model
def test_a_plant_called_a_centre_is_no_organisation(recognise):
    # investchn-tongliang-hithium-signing-2022: Hithium's south-west manufacturing centre is a plant
    text = "5月18日,铜梁区重大招商项目集中签约活动在重庆雾都宾馆举行,厦门海辰西南智能制造中心及研发中心、四川金汇能新材料等18个项目签约落户,计划总投资268亿元。"
    assert "厦门海辰西南智能制造中心" in {w for _, _, w, _ in recognise.model.names(text, [(0, len(text))])}
    assert ("厦门海辰西南智能制造中心", "Organization") not in found(recognise, text)


@needs_chinese_model
@pytest.mark.parametrize("text, person", [
    # icbattery-yibin-tianyuan-lfp-cathode-status-2024 and wxredian-panzhihua-chuanfa-longmang-lfp-materials-2024,
    # batch 7: managers whose surnames (萧, 瞿) are in the Hundred Family Surnames but not among the commonest
    ("”天原锂电新材总经理萧金平介绍,当前,公司正全力抓客户订单的生产交付工作。", "萧金平"),
    ("”攀枝花川发龙蟒新材料有限公司总经理瞿明军介绍,目前,企业一期一阶段项目已进入收尾阶段,设备单体调试已完成,联动调试正在进行。",
     "瞿明军"),
])
def test_a_person_with_a_rarer_surname(recognise, text, person):
    assert (person, "Person") in found(recognise, text)



@needs_chinese_model
def test_a_ministry_the_model_names_is_a_government_body_of_the_country(recognise):
    # 6baqs.cn (四川日报 repost, 射洪), development batch 9: 工信部 names no place, and is no company
    text = "射洪經開區鋰電高新產業園被工信部認定為國家新型工業化產業示範基地。"
    assert "工信部" in {w for _, _, w, _ in recognise.model.names(text, [(0, len(text))])}
    assert ("工信部", "GovernmentBody") in found(recognise, text)
    assert ("工信部", "Company") not in found(recognise, text)


@needs_chinese_model
def test_an_organisation_that_publishes_something_is_no_media_account(recognise):
    # sccsbbs.com (四川日报 repost, 宜宾), development batch 10: "X发布了《…》" is a verb, not an account "X发布"
    text = "工业和信息化部装备工业发展中心发布了《中国动力电池产业发展报告》。"
    assert ("工业和信息化部装备工业发展中心", "Organization") in found(recognise, text)
    assert not any(kind == "Organization" for _, kind in found(recognise, "宜宾发布讯,项目开工。"))
