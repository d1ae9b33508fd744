"""The Chinese names of the bundled knowledge: divisions, countries, companies and technologies (issue 14)."""

from collections import defaultdict

import pytest

from graph.ingest.gazetteer import load_companies, load_places, load_technologies
from graph.ingest.tools.chinese_names import (
    HAND_MATCHES,
    KNOWN_AMBIGUOUS_ZH,
    NOT_A_DIVISION,
    NOT_IN_REGISTER,
    Division,
    assign_chinese_names,
    pinyin_agrees,
)

PLACES = {place.id: place for place in load_places()}


def _under(ancestor: str) -> list:
    """The places below ``ancestor``, at any depth."""
    found = []
    for place in PLACES.values():
        seen = place
        while seen.parent:
            if seen.parent == ancestor:
                found.append(place)
                break
            seen = PLACES[seen.parent]
    return found


def _owners(entries) -> dict[str, set[str]]:
    owners = defaultdict(set)
    for entry in entries:
        for name in entry.names_zh:
            owners[name].add(entry.id)
    return owners


def test_every_province_and_prefecture_and_every_county_of_sichuan_and_chongqing_has_a_chinese_name():
    wanted = [p for p in PLACES.values() if p.cls in ("Province", "City") and p.id != "china"]
    wanted += [p for p in _under("sichuan") + _under("chongqing") if p.cls == "District"]
    assert len(wanted) == 34 + 339 + 183 + 38
    assert [p.id for p in wanted if not p.names_zh] == []


def test_every_country_has_a_chinese_name():
    assert [p.id for p in PLACES.values() if p.cls == "Country" and not p.names_zh] == []
    assert PLACES["united-states"].names_zh[0] == "美国" and PLACES["germany"].names_zh == ("德国",)


def test_only_zones_that_are_no_division_lack_a_chinese_name():
    assert {p.id for p in PLACES.values() if not p.names_zh} == set(NOT_A_DIVISION)


def test_the_pinyin_of_each_official_name_reads_as_its_english_name():
    irregular = set(HAND_MATCHES) | set(NOT_IN_REGISTER)
    disagreeing = [(p.id, p.names_zh[0]) for p in _under("china")
                   if p.names_zh and p.id not in irregular and not pinyin_agrees(p.names_zh[0], p.names)]
    assert disagreeing == []


def test_the_known_irregular_spellings_are_few_and_do_not_read_as_their_english_names():
    # 山西 reads "shanxi" as 陕西 does: it is settled by hand, like Shaanxi, because the pinyin cannot tell them apart
    assert PLACES["shaanxi"].names_zh[0] == "陕西省" and PLACES["shanxi"].names_zh[0] == "山西省"
    assert pinyin_agrees("陕西省", ["Shanxi"]) == "陕西"
    for place_id in ("inner-mongolia", "tibet", "hong-kong", "macao"):
        assert PLACES[place_id].names_zh
    assert PLACES["inner-mongolia"].names_zh == ("内蒙古自治区", "内蒙古")
    assert PLACES["tibet"].names_zh == ("西藏自治区", "西藏")
    assert PLACES["hong-kong"].names_zh == ("香港特别行政区", "香港")
    assert PLACES["macao"].names_zh == ("澳门特别行政区", "澳门")
    assert len(HAND_MATCHES) < 0.06 * len(PLACES)


def test_no_chinese_name_belongs_to_two_entries_unless_known():
    shared = {name: ids for name, ids in _owners(PLACES.values()).items() if len(ids) > 1}
    assert shared == {name: set(ids) for name, ids in KNOWN_AMBIGUOUS_ZH.items()}


def test_official_name_comes_first_and_short_forms_after():
    assert PLACES["yibin"].names_zh == ("宜宾市", "宜宾")
    assert PLACES["sichuan"].names_zh == ("四川省", "四川")
    assert PLACES["liangshan-yi-autonomous-prefecture"].names_zh == ("凉山彝族自治州", "凉山", "凉山州")
    assert PLACES["gao"].names_zh == ("高县",)  # 高 alone is no place name


def test_a_short_form_shared_across_levels_goes_to_the_higher_division():
    assert "吉林" in PLACES["jilin"].names_zh and PLACES["jilin-city"].names_zh == ("吉林市",)
    assert "甘孜" in PLACES["garze-tibetan-autonomous-prefecture"].names_zh
    assert PLACES["ganzi"].names_zh == ("甘孜县",)


def test_a_short_form_shared_by_namesakes_of_one_level_is_dropped():
    assert PLACES["jiangbei"].names_zh == ("江北区",)  # also Ningbo's
    assert PLACES["changning-district-shanghai"].names_zh == ("长宁区",)  # and Yibin's 长宁县
    assert PLACES["changning"].names_zh == ("长宁县",)


def test_yibin_and_its_xuzhou_district():
    by_name = {name: place for place in PLACES.values() for name in place.names_zh}
    assert by_name["宜宾市"].id == "yibin"
    xuzhou = by_name["叙州区"]
    assert (xuzhou.id, xuzhou.parent, xuzhou.label) == ("xuzhou-district-yibin", "yibin", "Xuzhou District")
    assert by_name["叙州"] is xuzhou
    assert by_name["徐州市"].id == "xuzhou" and by_name["徐州市"].parent == "jiangsu"


def test_yubei_is_a_district_of_chongqing_and_liangjiang_new_area_is_no_division():
    by_name = {name: place for place in PLACES.values() for name in place.names_zh}
    assert (by_name["渝北区"].id, by_name["渝北区"].parent) == ("yubei", "chongqing")
    assert (by_name["江北区"].id, by_name["江北区"].parent) == ("jiangbei", "chongqing")
    assert not any("两江" in name for name in by_name)


def test_the_matcher_leaves_ambiguous_and_unknown_entries_empty():
    from graph.ingest.gazetteer import BundledEntry

    places = [BundledEntry("china", "Country", "China"),
              BundledEntry("sichuan", "Province", "Sichuan Province", ("Sichuan Province",), "china"),
              BundledEntry("fushun-a", "City", "Fushun City", ("Fushun City",), "sichuan"),
              BundledEntry("nowhere", "City", "Nowhere City", ("Nowhere City",), "sichuan")]
    divisions = [Division("510000", "四川省", 1), Division("519800", "富顺市", 2, "510000"),
                 Division("519900", "抚顺市", 2, "510000")]
    assignment = assign_chinese_names(places, divisions)
    assert assignment.names["sichuan"] == ("四川省", "四川")
    assert "ambiguous" in assignment.empty["fushun-a"] and "富顺市" in assignment.empty["fushun-a"]
    assert "no division" in assignment.empty["nowhere"]
    assert "fushun-a" not in assignment.names and "nowhere" not in assignment.names


def test_a_hand_match_that_is_not_in_the_register_is_an_error():
    from graph.errors import DataNotConformError
    from graph.ingest.gazetteer import BundledEntry

    places = [BundledEntry("sichuan", "Province", "Sichuan Province", ("Sichuan Province",), "china"),
              BundledEntry("barkam", "City", "Barkam City", ("Barkam City",), "sichuan")]
    with pytest.raises(DataNotConformError, match="马尔康市"):
        assign_chinese_names(places, [Division("510000", "四川省", 1)])


def test_companies_have_their_chinese_names():
    companies = {c.label: c for c in load_companies()}
    catl = companies["Contemporary Amperex Technology Co., Limited"]
    assert catl.names_zh == ("宁德时代", "宁德时代新能源科技股份有限公司")
    assert companies["BYD"].names_zh[0] == "比亚迪"
    for label, name in [("FinDreams Battery", "弗迪电池"), ("EVE Energy", "亿纬锂能"), ("Gotion High-Tech", "国轩高科"),
                        ("CALB", "中创新航"), ("SVOLT Energy Technology", "蜂巢能源"), ("Sunwoda", "欣旺达"),
                        ("Ganfeng Lithium", "赣锋锂业"), ("Tianqi Lithium", "天齐锂业"), ("Tongwei", "通威股份")]:
        assert companies[label].names_zh[0] == name
    assert "宁德时代" not in catl.names  # English names stay English
    assert companies["Northvolt"].names_zh == ()


def test_no_chinese_company_name_belongs_to_two_companies():
    assert {name: ids for name, ids in _owners(load_companies()).items() if len(ids) > 1} == {}


def test_technologies_have_their_chinese_names():
    technologies = {t.label: t for t in load_technologies()}
    assert technologies["Sodium-ion battery"].names_zh[0] == "钠离子电池"
    assert {"锂离子电池", "锂电池"} <= set(technologies["Lithium-ion battery"].names_zh)
    assert {"储能", "新型储能"} <= set(technologies["Energy storage"].names_zh)
    assert "全钒液流电池" in technologies["Flow battery"].names_zh
    assert all(t.names_zh for t in technologies.values())
    assert {name: ids for name, ids in _owners(technologies.values()).items() if len(ids) > 1} == {}
