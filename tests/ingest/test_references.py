"""References across sentences on real sentences of the development set (its articles are in data/sources/; the
texts are their publishers', quoted for evaluation): "The latter", "these projects", "the proposed site", "it",
"the new area", "there" read as the name an earlier sentence wrote."""

import pytest

from .conftest import needs_model, relations

# ZXZC, 2021
LATTER = ("Last month, CATL became a new shareholder of a private investment firm Suzhou CATH Energy Technologies, "
          "according to the company information inquiry platform Tianyancha. The latter has signed an agreement with "
          "Australia's AVZ Minerals and Dathcom Mining to get a 24% stake in the Manono lithium and tin project in the "
          "Democratic Republic of Congo.")
# CRU, 2024
THESE_PROJECTS = ("The aim is to develop the spodumene projects of Dechenongba, Yajiang Cuola and Murong, owned by the "
                  "three respective companies.\nThere has been a surge in interest in these spodumene projects, "
                  "located in the Gyabjeka ore field \u2013 a pegmatite-hosted lithium deposit.")
# SVOLT press release, 2021-10-12
THE_SITE = ("SVOLT announced that it has signed a strategic cooperation agreement with Chengdu Municipal Government "
            "to build a 60 GWh battery production site in the Sichuan Province.\nThe proposed site is located in "
            "Jianzhou New Town district in eastern Chengdu and covers an area of about 2,500 hectares.")
# PR Newswire, 2023-09-06
HOME_TO = ("As the third national-level development and opening-up new area in China and the first one in China's "
           "inland, the new area is an important automobile production base in Chongqing and beyond. Now it's home to "
           "10 automobile manufacturers such as Chang'an Auto and SERES Group and more than 200 firms producing core "
           "auto parts.")
# Jiemian, 2023
THERE = ("Yibin is trying to remake itself into the battery capital of China.\nIn 2021, a CATL factory with an annual "
         "capacity of 15GWh (enough for about 30,000 EVs), went into operation. CATL has since committed to nine more "
         "factories in the town with a total capacity of 190 GWh. Suppliers have followed.\nMore than thirty factories "
         "are under construction in five industrial parks, each dedicated to different battery parts and materials. "
         "Kaiyi, the only Sichuan-based EV brand, has a factory there.")
# NNA, 2020-04-21
A_PLANT = ("TOKYO, NNA \u2013 Major Chinese home electronics maker Sichuan Changhong Electric Co. group will invest "
           "1.958 billion yuan ($28 million) in building a lithium ion battery plant to cash in on growing global "
           "demand.\n\nChanghong Sunpower New Energy Co., its group arm, embarked on the construction of a plant in "
           "Mianyang, Sichuan Province, on Saturday to produce the batteries for electric vehicles and bikes as well as "
           "home appliances, the group said in a statement on Monday")
# Pakistan Today (Reuters), 2020
THE_CONTRACT = ("BEIJING: China\u2019s Sichuan Yahua Industrial Group Co Ltd said on Tuesday it had signed a deal to "
                "supply battery-grade lithium hydroxide to U.S. electric vehicle (EV) manufacturer Tesla Inc for the "
                "next five years.\n\nYahua, which is based in southwest China\u2019s Sichuan province, put the total "
                "value of the contract, signed by its wholly-owned subsidiary Yaan Lithium, at $630-$880 million over "
                "2021-25, a Shenzhen Stock Exchange filing showed.")


@pytest.mark.parametrize("text, expected", [
    (LATTER, {("Suzhou CATH Energy Technologies", "signedAgreementWith", "AVZ Minerals")}),
    pytest.param(THE_SITE, {("60 GWh battery production site", "locatedIn", "Jianzhou New Town")},
                 marks=needs_model),  # the site's name is the model's
    # "the new area" is the park named before, and "it" what the sentence before was about
    ("Chongqing Liangjiang New Area signed 15 projects. " + HOME_TO,
     {("Chang'an Auto", "locatedIn", "Chongqing Liangjiang New Area"),
      ("Seres", "locatedIn", "Chongqing Liangjiang New Area")}),
    pytest.param(THERE, {("Kaiyi", "locatedIn", "Yibin City")}, marks=needs_model),  # "has a factory there": parse
    # "a plant" right after the sentence that named "a lithium ion battery plant"
    pytest.param(A_PLANT, {("lithium ion battery plant", "locatedIn", "Mianyang City")}, marks=needs_model),
    # "the contract" is the deal the sentence before named: its other party signed with the subsidiary
    pytest.param(THE_CONTRACT, {("Yaan Lithium", "signedAgreementWith", "Tesla")}, marks=needs_model),
])
def test_a_reference_reads_as_the_name_it_stands_for(extractor, text, expected):
    found = relations(extractor, text)
    assert expected <= found, found


@needs_model  # the projects' names are the model's
def test_these_projects_stand_for_each_project_the_sentence_before_listed(extractor):
    found = relations(extractor, THESE_PROJECTS)
    assert {("Dechenongba", "locatedIn", "Gyabjeka ore field"),
            ("Yajiang Cuola", "locatedIn", "Gyabjeka ore field")} <= found, found
