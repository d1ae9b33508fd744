"""Chinese names on real sentences of the development set (its articles are in data/sources/; the texts are their
publishers', quoted for evaluation): each case failed before the rule it tests."""

import pytest


def names(extractor, text) -> set[tuple[str, str]]:
    """Every name the extractor gives an entity of ``text`` (its label and the words it was found by), with the
    entity's kind."""
    return {(name, e.kind) for e in extractor.extract(text).entities for name in e.names}


@pytest.mark.parametrize("text, expected, unexpected", [
    # 雅安日报: the zone word is one word, not 经 + 开区雅化…
    ("雅安经开区雅化锂业项目进展顺利", {("雅安经开区", "IndustrialPark"), ("雅化锂业项目", "InvestmentProject")},
     {("开区雅化锂业项目", "InvestmentProject")}),
])
def test_a_zone_word_is_read_as_one(extractor, text, expected, unexpected):
    found = names(extractor, text)
    assert expected <= found and not unexpected & found, found


@pytest.mark.parametrize("text, expected", [
    # 雅安日报: a project named after its company's short name, which recurs alone
    ("雅化锂业项目于2018年5月正式动工。雅化锂业目前已招聘各岗位专业技术人员近百人。", {("雅化锂业", "Company")}),
    # 眉山: the company before the capacity, its short name without the province later
    ("2022年5月12日,四川天华时代年产6万吨电池级氢氧化锂项目开工仪式举行。相信有天华时代的关键核心技术、有甘孜州丰富的锂矿资源。",
     {("四川天华时代", "Company"), ("天华时代", "Company")}),
])
def test_the_company_a_projects_name_starts_with(extractor, text, expected):
    assert expected <= names(extractor, text)


def test_a_kind_of_thing_before_a_capacity_is_no_company(extractor):
    found = names(extractor, "宜宾市年产5万吨正极材料项目开工。正极材料年产10万吨项目签约。")
    assert not any(kind == "Company" for _, kind in found), found


def test_companies_listed_as_partners_are_companies(extractor):
    # 雅安日报
    found = names(extractor, "振华材料、贝特瑞、当升科技、厦门钨业、中石化、中石油等友好合作伙伴均表示密切关注该项目进展。")
    assert {(n, "Company") for n in ("振华材料", "贝特瑞", "当升科技", "厦门钨业", "中石化", "中石油")} <= found, found
