"""The story's rules (graph.ingest.story): relations a paragraph states across its sentences, each on a real
paragraph of the development set (its articles are in data/sources/; the texts are their publishers', quoted for
evaluation), and what they must leave alone."""

from graph.ingest.story import STORY_RULES

from .conftest import relations


def test_the_projects_of_a_paragraph_opening_in_a_park_lie_in_the_park(extractor):
    # 四川日报 (四川在线), 2019-09-18
    found = relations(extractor, "9月12日,走进射洪县锂电产业园,年产5000吨磷酸铁锂正极材料项目、年产1000吨金属锂材料项目、"
                                 "年产10万吨三元前驱体项目等多个锂电新材料项目正加快建设。")
    assert {(project, "locatedIn", "射洪县锂电产业园") for project in (
        "年产5000吨磷酸铁锂正极材料项目", "年产1000吨金属锂材料项目", "年产10万吨三元前驱体项目")} <= found


def test_a_project_in_the_sentence_after_its_park_lies_in_the_park(extractor):
    # Hualong (cqnews.net), 2023-02-20
    found = relations(extractor, "近日,在铜梁高新区大庙组团工业园区内,平整好的一大片土地上轰隆隆的机械设备声此起彼伏,工人们正有条不紊地忙碌着。"
                                 "这是新引进的10万吨锂离子电池负极材料生产基地,正式开工建设的火热场景。")
    assert ("10万吨锂离子电池负极材料生产基地", "locatedIn", "铜梁高新区大庙组团工业园区") in found


def test_a_paragraph_naming_two_parks_places_its_projects_in_neither(extractor):
    found = relations(extractor, "走进射洪县锂电产业园和遂宁经开区,年产5000吨磷酸铁锂正极材料项目正加快建设。")
    assert not any(s == "年产5000吨磷酸铁锂正极材料项目" and kind == "locatedIn" for s, kind, _ in found)


def test_a_story_relation_cites_the_sentences_from_one_mention_to_the_other(extractor):
    # Hualong (cqnews.net), 2023-02-20, with a sentence after it
    text = ("近日,在铜梁高新区大庙组团工业园区内,工人们正有条不紊地忙碌着。这是新引进的10万吨锂离子电池负极材料生产基地,"
            "正式开工建设的火热场景。工人们说。")
    result = extractor.extract(text)
    relation = next(r for r in result.relations if r.rule == "story-project-park")
    assert text[slice(*relation.sentence)] == text[:text.index("工人们说")]


def test_the_story_rules_are_listed_in_their_order():
    assert [rule.__name__ for rule in STORY_RULES] == ["project_in_paragraph_park"]
