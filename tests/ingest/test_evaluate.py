"""Measured quality on the hand-annotated seed articles."""

import json
import re

from graph.cli import main
from graph.folders import DataLayout
from graph.ingest.evaluate import Score, evaluate


def test_the_extractor_meets_the_quality_targets_on_the_seed_gold(extractor):
    layout = DataLayout.default()
    overall = evaluate(layout.gold, layout.sources, extractor)["overall"]
    assert overall["entities"]["f1"] >= 0.9
    assert overall["amounts"]["f1"] >= 0.9
    assert overall["dates"]["f1"] >= 0.9
    assert overall["relations"]["f1"] >= 0.7


def test_eval_extraction_prints_scores_per_article_and_overall(capsys):
    layout = DataLayout.default()
    assert main(["eval-extraction", str(layout.gold), str(layout.sources), "--no-registry"]) == 0
    out = capsys.readouterr().out
    assert "without the registry" in out and "overall" in out and "003_a93420692c2367a5" in out


def test_eval_extraction_needs_real_folders(tmp_path, capsys):
    assert main(["eval-extraction", str(tmp_path / "none"), str(tmp_path)]) == 2


def test_a_recorded_report_is_printed_by_the_languages_of_its_gold(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "an-english-article_0123456789abcdef.json").write_text('{"language": "en"}', encoding="utf-8")
    (gold / "a-chinese-article_0123456789abcdef.json").write_text('{"language": "zh"}', encoding="utf-8")
    english, chinese = Score(3, 1, 0).as_dict(), Score(0, 0, 2).as_dict()
    report = {"extractor": "old", "overall": {"entities": Score(3, 1, 2).as_dict()},
              "articles": {"an-english-article": {"entities": english},  # keys from before ingest named them
                           "a-chinese-article": {"entities": chinese}}}
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    assert main(["eval-extraction", str(gold), str(tmp_path), "--recorded", str(tmp_path / "report.json")]) == 0
    out = capsys.readouterr().out
    assert f"old (recorded in {tmp_path / 'report.json'})" in out
    assert re.search(r"language en +entities +0\.750 +1\.000 +0\.857 +3 +1 +0", out)
    assert re.search(r"language zh +entities +1\.000 +0\.000 +0\.000 +0 +0 +2", out)
    (gold / "a-chinese-article_0123456789abcdef.json").unlink()
    assert main(["eval-extraction", str(gold), str(tmp_path), "--recorded", str(tmp_path / "report.json")]) == 2
    assert "article a-chinese-article of the report has no gold file" in capsys.readouterr().err


def test_eval_extraction_errors_list_each_miss_and_each_false_find(tmp_path, capsys):
    gold, articles = tmp_path / "gold", tmp_path / "articles"
    gold.mkdir()
    articles.mkdir()
    (articles / "signing.md").write_text("---\ntitle: A signing\ndate: 2031-05-02\n---\n"
                                         "BYD signed an agreement with CATL in Yibin on May 1.\n",
                                         encoding="utf-8")
    (gold / "signing.json").write_text(json.dumps({
        "language": "en",
        "entities": [{"name": "CATL", "type": "Company"}, {"name": "BYD", "type": "Company"},
                     {"name": "Yibin", "type": "Place"}, {"name": "Shuangliu", "type": "Place"}],
        "relations": [{"subject": "CATL", "predicate": "investsIn", "object": "Yibin"}],
        "amounts": [{"text": "5 billion yuan", "value": 5000000000, "currency": "CNY"}],
        "dates": ["2031-05-01", "2030"]}), encoding="utf-8")
    assert main(["eval-extraction", str(gold), str(articles), "--no-registry", "--errors"]) == 0
    out = capsys.readouterr().out
    errors = out[out.index("\nsigning\n"):]
    assert "  missed entity: Shuangliu [Place]" in errors
    assert "  missed relation: CATL -investsIn-> Yibin" in errors
    assert "  missed amount: 5 billion yuan = 5000000000 CNY" in errors
    assert "  missed date: 2030" in errors
    assert re.search(r"  false relation: .+ -signedAgreementWith-> .+ \([a-z-]+\)\n", errors)
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"extractor": "old", "articles": {}, "overall": {}}), encoding="utf-8")
    assert main(["eval-extraction", str(gold), str(articles), "--recorded", str(report), "--errors"]) == 2
    assert "has no errors" in capsys.readouterr().err


def test_causes_say_why_each_relation_was_missed_or_wrong(tmp_path, capsys):
    from graph.ingest.evaluate import FALSE_CAUSES, MISS_CAUSES

    gold, articles = tmp_path / "gold", tmp_path / "articles"
    gold.mkdir()
    articles.mkdir()
    (articles / "causes.md").write_text(
        "---\ntitle: Causes\n---\nBYD signed an agreement with CATL in Yibin. The plant will be built in Suining.\n",
        encoding="utf-8")
    (gold / "causes.json").write_text(json.dumps({
        "language": "en",
        "entities": [{"name": "CATL", "type": "Company"}, {"name": "BYD", "type": "Company"},
                     {"name": "Yibin", "type": "Place"}, {"name": "Suining", "type": "Place"},
                     {"name": "Zhou Lan", "type": "Person"}],
        "relations": [{"subject": "CATL", "predicate": "investsIn", "object": "Yibin"},  # one sentence, no rule
                      {"subject": "BYD", "predicate": "investsIn", "object": "Suining"},  # never in one sentence
                      {"subject": "Zhou Lan", "predicate": "worksFor", "object": "BYD"}],  # Zhou Lan not found
        "amounts": [], "dates": []}), encoding="utf-8")
    assert main(["eval-extraction", str(gold), str(articles), "--no-registry", "-f", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["causes"]["en"]["missed"] == dict.fromkeys(sorted(MISS_CAUSES), 1)
    # the signing is no gold relation, between two gold entities
    assert report["causes"]["en"]["false"] == {FALSE_CAUSES[1]: report["languages"]["en"]["relations"]["fp"]} != {
        FALSE_CAUSES[1]: 0}
    assert main(["eval-extraction", str(gold), str(articles), "--no-registry", "--causes"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"en missed \(3\)\n  an entity not found +1 +33%\n", out)
    recorded = tmp_path / "report.json"
    recorded.write_text(json.dumps({"extractor": "old", "articles": {}, "overall": {}}), encoding="utf-8")
    assert main(["eval-extraction", str(gold), str(articles), "--recorded", str(recorded), "--causes"]) == 2
    assert "has no causes" in capsys.readouterr().err


def test_a_gold_relation_of_an_optional_entity_counts_neither_way():
    from graph.ingest.evaluate import score_article
    from graph.ingest.extractor import Extractor

    gold = {"entities": [{"name": "Li Wei", "type": "Person"},
                         {"name": "Sichuan Provincial Party Committee", "type": "GovernmentBody", "optional": True}],
            "relations": [{"subject": "Li Wei", "predicate": "worksFor",
                           "object": "Sichuan Provincial Party Committee"}],
            "amounts": [], "dates": []}
    scores = score_article(gold, Extractor(use_registry=False).extract("Li Wei spoke."))
    assert (scores["relations"].tp, scores["relations"].fn) == (0, 0)


def test_gold_folders_are_scored_together_and_find_their_own_articles(tmp_path, capsys):
    for name, text in (("first", "CATL opened a plant in Yibin."), ("second", "BYD opened a plant in Suining.")):
        folder = tmp_path / name
        (folder / "articles").mkdir(parents=True)
        (folder / "articles" / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n{text}\n", encoding="utf-8")
        (folder / f"{name}.json").write_text(json.dumps({"language": "en", "entities": [], "relations": [],
                                                         "amounts": [], "dates": []}), encoding="utf-8")
    empty = tmp_path / "sources"
    empty.mkdir()
    assert main(["eval-extraction", str(tmp_path / "first"), str(empty), "--with-gold", str(tmp_path / "second"),
                 "--no-registry", "-f", "json"]) == 0
    assert sorted(json.loads(capsys.readouterr().out)["articles"]) == ["first", "second"]
    assert main(["eval-extraction", str(tmp_path / "first"), str(empty), "--with-gold", str(tmp_path / "none")]) == 2
    assert "not a folder of gold annotations" in capsys.readouterr().err


def test_leave_own_out_reads_each_article_without_the_names_its_own_source_brought(data_copy, tmp_path, capsys,
                                                                                  monkeypatch):
    """A name only the article's own registry part knows is found with the whole registry and not when that part
    is left out; another source's part still helps (read by the rules alone: the Chinese model finds such names
    by itself)."""
    monkeypatch.setattr("graph.ingest.chinese.chinese_model", lambda: None)
    (data_copy.root / "registry").mkdir(exist_ok=True)
    for source, iri, name in (("first_0123456789abcdef", "qingyuan-xinlian", "青元新联"),
                              ("second_0123456789abcdef", "hanfeng-cailiao", "翰丰材料")):
        data_copy.registry_part(source).write_text(
            "@prefix bkg: <https://w3id.org/battery-kg/ontology#> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            f'<https://w3id.org/battery-kg/id/{iri}> a bkg:Company ; rdfs:label "{iri}"@en, "{name}"@zh .\n',
            encoding="utf-8")
    gold, articles = tmp_path / "gold", tmp_path / "articles"
    articles.mkdir()
    for article in ("first", "second"):
        (articles / f"{article}.md").write_text(f"---\ntitle: {article}\n---\n青元新联与翰丰材料签署合作协议。\n",
                                                encoding="utf-8")
        _gold(gold, article, [{"name": "青元新联", "type": "Company"}, {"name": "翰丰材料", "type": "Company"}],
              language="zh")
    common = ["eval-extraction", str(gold), str(articles), "--data", str(data_copy.root), "-f", "json"]
    assert main(common) == 0
    whole = json.loads(capsys.readouterr().out)
    assert whole["registry"] == "whole"
    assert [whole["articles"][a]["entities"]["tp"] for a in ("first", "second")] == [2, 2]
    assert main([*common, "--leave-own-out"]) == 0
    own_left_out = json.loads(capsys.readouterr().out)
    assert own_left_out["registry"] == "own part left out"
    assert own_left_out["errors"]["first"]["entities"]["missed"] == ["青元新联 [Company]"]
    assert own_left_out["errors"]["second"]["entities"]["missed"] == ["翰丰材料 [Company]"]
    assert main([*common[:-2], "--leave-own-out"]) == 0
    assert "(the registry without each article's own part)" in capsys.readouterr().out
    assert main([*common, "--leave-own-out", "--no-registry"]) == 2
    assert "--leave-own-out reads with the registry" in capsys.readouterr().err


def _gold(folder, name, entities, relations=(), language="en"):
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps({
        "language": language, "entities": entities, "relations": list(relations), "amounts": [], "dates": []}),
        encoding="utf-8")


def test_eval_agreement_scores_the_second_annotators_firm_statements_against_the_first(tmp_path, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    catl, yibin = {"name": "CATL", "type": "Company"}, {"name": "Yibin", "type": "Place"}
    _gold(first, "a", [catl, yibin], [{"subject": "CATL", "predicate": "locatedIn", "object": "Yibin"}])
    _gold(first, "only-first", [catl])
    # the second annotator names CATL by its Chinese short name as an alias, hedges Sichuan and misses the relation
    _gold(second, "a", [{"name": "Contemporary Amperex", "type": "Company", "aliases": ["CATL"]}, yibin,
                        {"name": "Sichuan", "type": "Place", "optional": True}],
          [{"subject": "Yibin", "predicate": "locatedIn", "object": "Sichuan"}])
    assert main(["eval-agreement", str(first), str(second), "--errors"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"language en +entities +1\.000 +1\.000 +1\.000 +2 +0 +0", out)
    assert re.search(r"language en +relations +1\.000 +0\.000 +0\.000 +0 +0 +1", out)
    assert "missed relation: CATL -locatedIn-> Yibin" in out and "only-first" not in out
    assert main(["eval-agreement", str(first), str(first), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["overall"]["relations"]["f1"] == 1.0
    # one article: every resample is that article, so each interval is its F1
    assert main(["eval-agreement", str(first), str(second), "--intervals"]) == 0
    assert re.search(r"language en +entities +1\.000 +1\.000\n", capsys.readouterr().out)


def test_eval_agreement_names_what_is_wrong(tmp_path, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    _gold(first, "a", [{"name": "CATL", "type": "Company"}])
    assert main(["eval-agreement", str(first), str(tmp_path / "none")]) == 2
    assert "none: not a folder of gold annotations" in capsys.readouterr().err
    _gold(second, "b", [{"name": "CATL", "type": "Company"}])
    assert main(["eval-agreement", str(first), str(second)]) == 2
    assert "no article is annotated in both" in capsys.readouterr().err
    (second / "a.json").write_text('{"language": "en",\n "entities": [}', encoding="utf-8")
    assert main(["eval-agreement", str(first), str(second)]) == 2
    assert f"{second / 'a.json'}:2: malformed JSON" in capsys.readouterr().err


def test_the_second_annotation_covers_both_languages_of_the_development_set(capsys):
    layout = DataLayout.default()
    assert main(["eval-agreement", str(layout.gold / "dev"), str(layout.gold / "agreement"), "-f", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["articles"]) == len(list((layout.gold / "agreement").glob("*.json"))) == 12
    assert set(report["languages"]) == {"en", "zh"}


def test_intervals_hold_the_f1_of_the_whole_set_and_widen_as_articles_disagree():
    from graph.ingest.evaluate import intervals

    alike = {name: {"relations": Score(2, 1, 1).as_dict()} for name in "abcdef"}
    languages = dict.fromkeys("abcdef", "en")
    assert intervals(alike, languages)["overall"] == {"relations": [0.667, 0.667]}
    # two good articles and two bad ones: the set's F1 (0.5) lies inside, and the interval is wide
    mixed = {"a": {"relations": Score(4, 0, 0).as_dict()}, "b": {"relations": Score(4, 0, 0).as_dict()},
             "c": {"relations": Score(0, 2, 2).as_dict()}, "d": {"relations": Score(0, 2, 2).as_dict()}}
    low, high = intervals(mixed, dict.fromkeys("abcd", "en"))["overall"]["relations"]
    assert low < Score(8, 4, 4).f1 < high and high - low > 0.4
    # seeded: the same report gives the same intervals; per language, each from its own articles
    both = {**mixed, "e": {"relations": Score(1, 0, 1).as_dict()}}
    by_language = {**dict.fromkeys("abcd", "en"), "e": "zh"}
    assert intervals(both, by_language) == intervals(both, by_language)
    assert intervals(both, by_language)["languages"]["zh"] == {"relations": [0.667, 0.667]}


def test_intervals_need_resamples_and_a_level_between_nought_and_one():
    import pytest

    from graph.errors import UsageError
    from graph.ingest.evaluate import intervals

    one = {"a": {"relations": Score(1, 0, 0).as_dict()}}
    for resamples, level in ((0, 0.95), (100, 1.0)):
        with pytest.raises(UsageError, match="at least one resample"):
            intervals(one, {"a": "en"}, resamples, level)


def test_eval_extraction_prints_intervals_measured_and_recorded(tmp_path, capsys):
    layout = DataLayout.default()
    assert main(["eval-extraction", str(layout.gold), str(layout.sources), "--no-registry", "--intervals",
                 "-f", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    low, high = report["intervals"]["overall"]["relations"]
    assert low <= report["overall"]["relations"]["f1"] <= high
    assert report["intervals"]["resamples"] == 2000
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    assert main(["eval-extraction", str(layout.gold), str(layout.sources), "--recorded",
                 str(tmp_path / "report.json"), "--intervals"]) == 0
    out = capsys.readouterr().out
    assert "95% intervals of F1 (articles drawn again with replacement, 2,000 times)" in out
    assert re.search(rf"overall +relations +{low:.3f} +{high:.3f}", out)
