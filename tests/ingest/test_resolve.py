"""Entity resolution: aliases, editions, unknown names."""

from graph.ingest.resolve import Knowledge


def test_well_known_aliases_name_one_company():
    knowledge = Knowledge.load(use_registry=False)
    catl = knowledge.resolve("CATL", "Company")
    assert catl is knowledge.resolve("Contemporary Amperex Technology Co., Limited", "Company")
    assert catl is knowledge.resolve("Ningde Times", "Company")


def test_registry_aliases_and_legal_forms():
    knowledge = Knowledge.load()
    hongcheng = knowledge.resolve("Liaoning Hongcheng Power Supply Co., Ltd. (Dazhou)", "Company")
    assert hongcheng.iri.endswith("liaoning-hongcheng-power-supply")
    assert knowledge.resolve("Liaoning Hongcheng Power Supply Company Limited", "Company") is hongcheng
    assert knowledge.resolve("Sichuan provincial government", "GovernmentBody").iri.endswith("sichuan-government")


def test_editions_of_a_yearly_conference_are_different_entities():
    knowledge = Knowledge.load()
    edition = knowledge.resolve("2024 World Power Battery Conference", "Conference")
    assert edition.cls == "Conference" and edition.iri.endswith("-2024")
    assert knowledge.resolve("2025 World Power Battery Conference", "Conference").iri.endswith("-2025")
    assert knowledge.resolve("2031 World Power Battery Conference", "Conference") is None  # an edition no article names
    assert knowledge.resolve("World Power Battery Conference", "Conference").cls == "ConferenceSeries"


def test_an_unknown_name_is_not_merged_into_a_similar_one():
    knowledge = Knowledge.load()
    assert knowledge.resolve("Liaoning Xingkong Lithium Battery Co., Ltd.", "Company") is None
    assert knowledge.resolve("Nobody Known Energy", "Company") is None


def test_the_type_decides_between_namesakes():
    knowledge = Knowledge.load()
    assert knowledge.resolve("Huawei", "Place") is None


def test_a_spelling_variant_is_linked_by_fuzzy_match_of_the_same_kind():
    knowledge = Knowledge.load(use_registry=False)
    catl = knowledge.resolve("CATL", "Company")
    assert knowledge.resolve("Contemporary Amperex Technologies Co., Limited", "Company") is catl
    assert knowledge.resolve("Contemporary Amperex Technologies Co., Limited", "GovernmentBody") is None
