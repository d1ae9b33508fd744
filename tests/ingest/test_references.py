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


@pytest.mark.parametrize("text, expected", [
    (LATTER, {("Suzhou CATH Energy Technologies", "signedAgreementWith", "AVZ Minerals")}),
    pytest.param(THE_SITE, {("60 GWh battery production site", "locatedIn", "Jianzhou New Town")},
                 marks=needs_model),  # the site's name is the model's
])
def test_a_reference_reads_as_the_name_it_stands_for(extractor, text, expected):
    assert expected <= relations(extractor, text)


@needs_model  # the projects' names are the model's
def test_these_projects_stand_for_each_project_the_sentence_before_listed(extractor):
    found = relations(extractor, THESE_PROJECTS)
    assert {("Dechenongba", "locatedIn", "Gyabjeka ore field"),
            ("Yajiang Cuola", "locatedIn", "Gyabjeka ore field")} <= found, found
