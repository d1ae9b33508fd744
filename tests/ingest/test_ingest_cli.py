"""The ingest, review, accept and reject verbs, end to end on a copy of the data folder."""

import json
import shutil

import pytest

from graph import open_store, query
from graph.build import build
from graph.cli import main
from graph.ingest.candidates import source_id_for
from graph.ingest.extractor import EXTRACTOR_NAME, EXTRACTOR_VERSION
from graph.ingest.reader import read_article

#: End to end: each test ingests a whole article, most accept and build it (seconds each).
pytestmark = pytest.mark.slow

KINDS = {"Company", "GovernmentBody", "Conference", "Event", "IndustrialPark", "Facility", "InvestmentProject",
         "Place", "Person", "Organization", "Technology"}
RELATION_KINDS = {"partnerOf", "investsIn", "signedAgreementWith", "organizes", "hosts", "attends", "locatedIn",
                  "subsidiaryOf", "produces", "suppliesTo", "worksFor"}


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_dry_run_json_shows_what_would_be_added_and_writes_nothing(data_copy, example_article, capsys):
    before = snapshot(data_copy.root)
    assert main(["ingest", str(example_article), "--dry-run", "--format", "json", "--data", str(data_copy.root)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert snapshot(data_copy.root) == before
    assert out["source"]["datePublished"] == "2031-03-14"
    assert {e["kind"] for e in out["entities"]} <= KINDS
    assert {r["kind"] for r in out["relations"]} <= RELATION_KINDS
    labels = {e["label"]: e for e in out["entities"]}
    company = labels["Demo Cell Technology Co., Ltd."]
    assert company["new"] is True and company["iri"].endswith("/id/demo-cell-technology-co-ltd")
    assert all(set(m) == {"text", "start", "end"} for m in company["mentions"])
    assert labels["People's Government of Yibin City"]["new"] is False
    hosts = [r for r in out["relations"] if r["kind"] == "hosts"]
    assert hosts and hosts[0]["predicate"] == "bkg:host" and "hosted by" in hosts[0]["sentence"]
    money = [a for a in out["amounts"] if a.get("currency")]
    assert money == [{"text": "4.5 billion yuan", "value": 4500000000, "currency": "CNY",
                      "about": "Yibin sodium-ion battery manufacturing project"}]
    assert {"text": "Sunday", "value": "2031-03-09"} in out["dates"]


def test_ingesting_the_same_article_twice_changes_nothing(data_copy, example_article):
    args = ["ingest", str(example_article), "--data", str(data_copy.root)]
    assert main(args) == 0
    first = snapshot(data_copy.root)
    assert main(args) == 0
    assert snapshot(data_copy.root) == first


def test_ingest_then_accept_then_build_makes_the_facts_queryable(data_copy, example_article, tmp_path):
    reviewed_before = {p.name: p.read_bytes() for p in data_copy.facts.glob("*.trig")}
    assert main(["ingest", str(example_article), "--data", str(data_copy.root)]) == 0
    source_id = source_id_for(example_article.name, read_article(example_article).text)
    assert (data_copy.sources / f"{source_id}.txt").exists()
    assert {p.name: p.read_bytes() for p in data_copy.facts.glob("*.trig")} == reviewed_before

    report = build(data_copy, tmp_path / "out-candidates")  # candidates conform before review too
    assert report.conforms
    store = open_store(report.outputs["store"])
    extracted = query("SELECT (COUNT(*) AS ?n) WHERE { ?a bkg:status bkg:Extracted ; bkg:confidence ?c }", store)
    assert int(extracted.rows[0][0]) > 5
    runs = query('ASK { ?g prov:wasGeneratedBy ?run . ?run a bkg:ExtractionRun ; bkg:extractor ?name '
                 f'FILTER(STRSTARTS(?name, "{EXTRACTOR_NAME} {EXTRACTOR_VERSION} (")) }}', store)
    assert runs.boolean

    assert main(["accept", "--article", source_id, "--data", str(data_copy.root)]) == 0
    assert not (data_copy.candidates / f"{source_id}.trig").exists()
    assert "Demo Cell Technology Co., Ltd." in data_copy.registry_part(source_id).read_text()
    report = build(data_copy, tmp_path / "out")
    store = open_store(report.outputs["store"])
    result = query("""SELECT ?host ?sentence WHERE {
        GRAPH ?g { ?event bkg:host ?host }
        ?event rdfs:label "2031 Example Battery Forum"@en .
        ?g bkg:status bkg:Reviewed ; bkg:evidence/schema:text ?sentence }""", store)
    assert [str(r[0]).rsplit("/", 1)[-1] for r in result.rows] == ["yibin-government"]
    assert "hosted by" in str(result.rows[0][1])

    # re-ingesting proposes nothing that was accepted
    snapshot_after = snapshot(data_copy.root)
    assert main(["ingest", str(example_article), "--data", str(data_copy.root)]) == 0
    assert snapshot(data_copy.root) == snapshot_after


def test_rejected_candidates_stay_rejected(data_copy, example_article, capsys):
    main(["ingest", str(example_article), "--data", str(data_copy.root)])
    source_id = source_id_for(example_article.name, read_article(example_article).text)
    capsys.readouterr()
    main(["review", "--data", str(data_copy.root)])
    listing = capsys.readouterr().out
    first_fact = next(line.split("]")[0][1:] for line in listing.splitlines() if "/c-" in line)
    assert listing.index("new entity") < listing.index("fact,")
    assert main(["reject", first_fact, "--data", str(data_copy.root)]) == 0
    main(["ingest", str(example_article), "--data", str(data_copy.root)])
    capsys.readouterr()
    main(["review", "--article", source_id, "--data", str(data_copy.root)])
    assert first_fact not in capsys.readouterr().out


def test_a_bad_file_is_named_exit_2_and_nothing_is_written(data_copy, example_article, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(example_article, folder / "a.html")
    (folder / "b.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    before = snapshot(data_copy.root)
    assert main(["ingest", str(folder), "--data", str(data_copy.root)]) == 2
    assert "b.txt" in capsys.readouterr().err
    assert snapshot(data_copy.root) == before


def test_an_article_without_entities_gives_an_empty_result(data_copy, tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text("nothing of note happened here today, said nobody in particular.")
    assert main(["ingest", str(path), "--dry-run", "--format", "json", "--data", str(data_copy.root)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["entities"] == [] and out["relations"] == [] and out["amounts"] == []


def test_unknown_candidate_ids_are_a_usage_error(data_copy, capsys):
    assert main(["accept", "nope/c-123", "--data", str(data_copy.root)]) == 2
    assert "no such candidate" in capsys.readouterr().err


def test_dates_become_facts_unless_they_contradict_the_graph(data_copy, tmp_path, extractor):
    from graph.ingest.candidates import ingest_article
    from graph.ingest.reader import read_article_text

    text = ("The 2024 World Power Battery Conference opened in Yibin on September 1-2.\n\n"
            "The 2031 Example Battery Forum was held in Chengdu on May 20, 2031.")
    result = ingest_article(read_article_text(text, "dates.txt"), data_copy, extractor,
                            {"datePublished": "2031-05-21"}, dry_run=True)
    dated = {(str(s).rsplit("/", 1)[-1], str(p).rsplit("/", 1)[-1], str(o))
             for c in result.candidates for s, p, o in c.triples if "Date" in str(p)}
    assert ("2031-example-battery-forum", "startDate", "2031-05-20") in dated
    # the reviewed facts already date the 2024 conference; the extractor's year guess (2031) is not proposed
    assert not any(s == "world-power-battery-conference-2024" and o != "2024-09-01" for s, _, o in dated)


def test_the_same_article_under_another_file_name_is_the_same_source(data_copy, example_article, tmp_path):
    assert main(["ingest", str(example_article), "--data", str(data_copy.root)]) == 0
    first = snapshot(data_copy.root)
    renamed = tmp_path / "renamed.html"
    shutil.copy(example_article, renamed)
    assert main(["ingest", str(renamed), "--data", str(data_copy.root)]) == 0
    assert snapshot(data_copy.root) == first


def test_a_failure_while_writing_puts_everything_back(data_copy, example_article, monkeypatch):
    from graph import atomic
    from graph.errors import KGError

    before = snapshot(data_copy.root)
    real_write = atomic.write_text
    calls = []

    def failing_write(path, text):
        calls.append(path)
        if len(calls) == 3:  # the source text and metadata are written; the candidates fail
            raise OSError("disk full")
        real_write(path, text)

    monkeypatch.setattr(atomic, "write_text", failing_write)
    try:
        main(["ingest", str(example_article), "--data", str(data_copy.root)])
    except (OSError, KGError):
        pass
    assert len(calls) == 3
    assert snapshot(data_copy.root) == before


def test_rejecting_a_new_entity_rejects_the_facts_that_use_it_and_the_rest_still_builds(
        data_copy, example_article, tmp_path, capsys):
    from graph.ingest.review import pending

    main(["ingest", str(example_article), "--data", str(data_copy.root)])
    [(source, items)] = pending(data_copy).items()
    forum = next(c for c in items if c.is_entity and any("Forum" in str(o) for _, _, o in c.triples))
    assert main(["reject", forum.id, "--data", str(data_copy.root)]) == 0
    left = pending(data_copy)[source]
    assert not any("2031-example-battery-forum" in str(t) for c in left for t in c.triples)
    assert any(not c.is_entity for c in left)
    assert build(data_copy, tmp_path / "out").conforms


def test_two_articles_proposing_one_slug_with_two_labels_get_two_iris(data_copy, extractor, tmp_path):
    from graph.ingest.candidates import ingest_article
    from graph.ingest.reader import read_article_text

    for name, text in (("a.txt", "Zeta Storage Co., Ltd. opened a plant in Luzhou."),
                       ("b.txt", "Zeta Storage Co. Ltd opened an office in Luzhou.")):
        ingest_article(read_article_text(text, name), data_copy, extractor, filename=name)
    registry_text = " ".join(p.read_text() for p in data_copy.candidates.glob("*.trig"))
    assert "id/zeta-storage-co-ltd>" in registry_text or "bk:zeta-storage-co-ltd " in registry_text
    assert "zeta-storage-co-ltd-2" in registry_text
    assert build(data_copy, tmp_path / "out").conforms


def test_a_generic_project_name_is_not_linked_to_a_known_project_elsewhere(extractor):
    text = "Foo Energy Co., Ltd. will build a comprehensive project of sodium ion battery industry in Luzhou."
    project = next(e for e in extractor.extract(text).entities if e.kind == "InvestmentProject")
    assert project.new and "dazhou" not in project.iri


def test_accept_appends_to_a_hand_written_facts_file_without_changing_it(data_copy, example_article, tmp_path):
    main(["ingest", str(example_article), "--data", str(data_copy.root)])
    source_id = source_id_for(example_article.name, read_article(example_article).text)
    hand_written = (
        "@prefix bk: <https://w3id.org/battery-kg/id/> .\n"
        "@prefix bkg: <https://w3id.org/battery-kg/ontology#> .\n"
        f"@prefix : <https://w3id.org/battery-kg/source/{source_id}/> .\n\n"
        ':a01 bkg:quote "The project will be located in the Sanjiang New Area of Yibin, Sichuan Province, and is '
        'expected to reach an annual capacity of 20 GWh and create more than 3,000 jobs." .\n'
        ":a01 { bk:yibin-government bkg:governs bk:yibin . }\n")
    facts = data_copy.facts / f"{source_id}.trig"
    facts.write_text(hand_written)
    assert main(["accept", "--article", source_id, "--data", str(data_copy.root)]) == 0
    assert facts.read_text().startswith(hand_written)
    assert build(data_copy, tmp_path / "out").conforms


def test_missing_metadata_is_asked_for_in_a_terminal(data_copy, tmp_path, monkeypatch):
    import graph.cli.ingest as verbs

    class Terminal:
        def isatty(self):
            return True

    answers = {"Headline": "Asked headline", "Publisher": "Asked publisher", "Date published": "2031-01-02"}
    monkeypatch.setattr(verbs.sys, "stdin", Terminal())
    monkeypatch.setattr(verbs.typer, "prompt",
                        lambda question, **_: next(v for k, v in answers.items() if k in question))
    path = tmp_path / "plain.txt"
    path.write_text("Alpha Energy Co., Ltd. opened a plant in Leshan on Sunday.")
    assert main(["ingest", str(path), "--data", str(data_copy.root)]) == 0
    [meta] = [json.loads(p.read_text()) for p in data_copy.sources.glob("plain_*.json")]
    assert (meta["headline"], meta["publisher"], meta["datePublished"]) == (
        "Asked headline", "Asked publisher", "2031-01-02")


def test_the_dry_run_json_has_exactly_the_documented_keys(data_copy, example_article, capsys):
    assert main(["ingest", str(example_article), "--dry-run", "--format", "json", "--data", str(data_copy.root)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"source", "entities", "relations", "amounts", "dates", "candidates"}
    assert set(out["source"]) <= {"id", "headline", "publisher", "datePublished", "url", "language"}
    assert all({"label", "kind", "class", "iri", "new", "mentions"} <= set(e) <=
               {"label", "label_zh", "kind", "class", "iri", "new", "mentions"} for e in out["entities"])
    assert all(set(m) == {"text", "start", "end"} for e in out["entities"] for m in e["mentions"])
    required = {"subject", "kind", "object", "predicate", "sentence", "confidence"}
    assert all(required <= set(r) <= required | {"jobTitle"} for r in out["relations"])
    for amount in out["amounts"]:
        assert len({"currency", "unit"} & set(amount)) == 1
        assert {"text", "value", "about"} <= set(amount) <= {"text", "value", "currency", "unit", "qualifier", "about"}
    assert all({"text", "value"} <= set(d) <= {"text", "value", "about"} for d in out["dates"])
    assert all(set(c) == {"id", "confidence", "sentence"} for c in out["candidates"])
    assert {e["kind"] for e in out["entities"]} <= KINDS and {r["kind"] for r in out["relations"]} <= RELATION_KINDS


def test_a_failure_while_accepting_puts_facts_candidates_and_registry_back(data_copy, example_article, monkeypatch):
    from graph import atomic

    assert main(["ingest", str(example_article), "--data", str(data_copy.root)]) == 0
    source_id = source_id_for(example_article.name, read_article(example_article).text)
    before = snapshot(data_copy.root)
    real_write = atomic.write_text

    def failing_write(path, text):
        if path.parent.name == "registry":  # the facts and the candidates are written by now
            raise OSError("disk full")
        real_write(path, text)

    monkeypatch.setattr(atomic, "write_text", failing_write)
    try:
        main(["accept", "--article", source_id, "--data", str(data_copy.root)])
    except OSError:
        pass
    assert snapshot(data_copy.root) == before


def test_a_folder_of_text_markdown_and_html_articles_is_ingested_with_each_files_metadata(
        data_copy, example_article, tmp_path, capsys):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(example_article, folder / "page.html")
    (folder / "post.md").write_text("---\ntitle: A post\npublisher: A blog\ndate: 2031-04-02\n---\n"
                                    "# A post\n\nAlpha Energy Co., Ltd. opened a plant in Leshan last year.\n")
    (folder / "wire.txt").write_text("Beta Power Co., Ltd. teamed up with Alpha Energy Co., Ltd. in Yibin.\n")
    (folder / "notes.csv").write_text("not,an,article\n")  # other files in the folder are not articles
    assert main(["ingest", str(folder), "--publisher", "Given publisher", "--data", str(data_copy.root)]) == 0
    metadata = {p.name.split("_")[0]: json.loads(p.read_text()) for p in data_copy.sources.glob("*.json")
                if not p.name[0].isdigit()}
    assert set(metadata) == {"page", "post", "wire"}
    assert metadata["post"]["headline"] == "A post" and metadata["post"]["datePublished"] == "2031-04-02"
    assert metadata["page"]["datePublished"] == "2031-03-14"
    assert {m["publisher"] for m in metadata.values()} == {"Given publisher"}  # an option overrides the file
    assert len(list(data_copy.candidates.glob("*.trig"))) == 3


def test_rejecting_a_whole_article_leaves_no_candidates_and_reingesting_proposes_none(data_copy, example_article,
                                                                                      capsys):
    main(["ingest", str(example_article), "--data", str(data_copy.root)])
    source_id = source_id_for(example_article.name, read_article(example_article).text)
    facts_before = snapshot(data_copy.facts)
    registry_before = data_copy.registry.read_bytes()
    assert main(["reject", "--article", source_id, "--data", str(data_copy.root)]) == 0
    assert not (data_copy.candidates / f"{source_id}.trig").exists()
    assert snapshot(data_copy.facts) == facts_before and data_copy.registry.read_bytes() == registry_before
    capsys.readouterr()
    assert main(["ingest", str(example_article), "--data", str(data_copy.root)]) == 0
    assert f"{source_id}: unchanged: 0 candidates" in capsys.readouterr().out
    assert not (data_copy.candidates / f"{source_id}.trig").exists()
    assert main(["review", "--data", str(data_copy.root)]) == 0
    assert "no candidates to review" in capsys.readouterr().out


def test_no_registry_proposes_from_the_bundled_knowledge_only(data_copy, capsys):
    article = data_copy.sources / "000_f60388011d6d32ce.txt"
    args = ["ingest", str(article), "--dry-run", "--format", "json", "--data", str(data_copy.root)]
    assert main(args) == 0
    known = {e["label"]: e["new"] for e in json.loads(capsys.readouterr().out)["entities"]}
    assert main(args + ["--no-registry"]) == 0
    unknown = {e["label"]: e["new"] for e in json.loads(capsys.readouterr().out)["entities"]}
    assert known["EXENCELL"] is False and unknown["EXENCELL"] is True  # the registry's, then proposed anew


def test_no_registry_without_dry_run_is_refused(data_copy, example_article, capsys):
    assert main(["ingest", str(example_article), "--no-registry", "--data", str(data_copy.root)]) == 2
    assert "--no-registry goes with --dry-run" in capsys.readouterr().err


CHINESE_ARTICLE = """---
title: 铜梁高新区大庙组团又一项目开建
publisher: 华龙网
date: 2023-02-20
---
据了解,这个10万吨锂离子电池负极材料生产基地是由四川金汇能新材料股份有限公司投资新建的一个项目。公司计划投资10亿元,建设年产10万吨锂离子电池负极材料生产基地。
"""  # the opening of a real article of the development set (华龙网, 2023-02-20), quoted for evaluation


def test_a_chinese_article_becomes_facts_with_chinese_and_english_labels(data_copy, tmp_path, capsys):
    article = tmp_path / "cqnews-tongliang.md"
    article.write_text(CHINESE_ARTICLE, encoding="utf-8")
    assert main(["ingest", str(article), "--dry-run", "--format", "json", "--data", str(data_copy.root)]) == 0
    out = json.loads(capsys.readouterr().out)
    company = next(e for e in out["entities"] if e["kind"] == "Company")
    assert (company["label"], company["label_zh"]) == ("四川金汇能新材料股份有限公司", "四川金汇能新材料股份有限公司")
    assert company["iri"] == "https://w3id.org/battery-kg/id/sichuan-jinhuineng-new-materials-co-ltd"
    assert {(r["subject"], r["kind"]) for r in out["relations"]} >= {("四川金汇能新材料股份有限公司", "investsIn")}
    assert out["source"]["language"] == "zh"

    assert main(["ingest", str(article), "--data", str(data_copy.root)]) == 0
    source_id = source_id_for(article.name, read_article(article).text)
    assert main(["accept", "--article", source_id, "--data", str(data_copy.root)]) == 0
    report = build(data_copy, tmp_path / "out")
    assert report.conforms
    labels = query("SELECT ?en ?zh WHERE { bk:sichuan-jinhuineng-new-materials-co-ltd rdfs:label ?en, ?zh "
                   'FILTER(lang(?en) = "en" && lang(?zh) = "zh") }', open_store(report.outputs["store"]))
    assert [(str(en), str(zh)) for en, zh in labels.rows] == [("Sichuan Jinhuineng New Materials Co., Ltd.",
                                                               "四川金汇能新材料股份有限公司")]
