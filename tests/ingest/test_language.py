"""Issue 13, item 3: an article ingest cannot read is refused, naming its language; a mixed text is read with a
warning saying how much was skipped; the metadata says the language detected. Ingest reads English and Chinese
(issue 14): a Japanese article stands for one it cannot read."""

from __future__ import annotations

import json

from graph.ingest import language
from graph.ingest.language import SUPPORTED_LANGUAGES, detect_language

JAPANESE = ("東京電力は新しい蓄電池の工場を建設すると発表しました。工場は来年稼働する予定です。"
            "投資額は約百億円で、年間十ギガワット時の電池を生産します。\n") * 3
CHINESE = ("四川省宜宾市人民政府与宁德时代新能源科技股份有限公司签署战略合作协议。"
           "双方将在动力电池、储能等领域开展深度合作。该项目总投资约100亿元，预计2025年投产。\n") * 3
ENGLISH = ("Foo Energy Co., Ltd. teamed up with Bar Power Co., Ltd. in Chengdu to build a sodium-ion battery "
           "factory. The plant will make 10 GWh of cells a year when it opens in 2026.\n")


def _files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_an_article_in_a_language_ingest_cannot_read_is_refused_naming_it_and_nothing_is_written(cli, data_copy,
                                                                                                  tmp_path):
    article = tmp_path / "tokyo.txt"
    article.write_text(JAPANESE, encoding="utf-8")
    before = _files(data_copy.root)
    result = cli("ingest", str(article), "--data", str(data_copy.root), "--date", "2024-05-01")
    assert result.returncode == 2
    assert "tokyo.txt" in result.stderr and "Japanese" in result.stderr and "does not read yet" in result.stderr
    assert _files(data_copy.root) == before


def test_a_chinese_article_is_read_in_chinese(cli, data_copy, tmp_path):
    article = tmp_path / "sichuan.txt"
    article.write_text(CHINESE, encoding="utf-8")
    result = cli("ingest", str(article), "--data", str(data_copy.root), "--date", "2024-05-01", "--dry-run",
                 "--format", "json")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    assert json.loads(result.stdout)["source"]["language"] == "zh"


def test_one_unreadable_article_stops_a_folder_before_anything_is_written(cli, data_copy, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b-japanese.txt").write_text(JAPANESE, encoding="utf-8")
    before = _files(data_copy.root)
    result = cli("ingest", str(folder), "--data", str(data_copy.root), "--date", "2024-05-01",
                 "--headline", "H", "--publisher", "P")
    assert result.returncode == 2 and "b-japanese.txt" in result.stderr
    assert _files(data_copy.root) == before


def test_a_mixed_text_is_read_with_a_warning_saying_how_much_was_skipped(cli, data_copy, tmp_path):
    article = tmp_path / "mixed.txt"
    article.write_text(ENGLISH * 4 + CHINESE[:80] + "\n", encoding="utf-8")
    result = cli("ingest", str(article), "--data", str(data_copy.root), "--date", "2024-05-01",
                 "--headline", "Mixed", "--publisher", "P", "--format", "json")
    assert result.returncode == 0, result.stderr
    warning = next(line for line in result.stderr.splitlines() if "warning" in line)
    assert "mixed.txt" in warning and "% of the text is in Chinese" in warning and "skipped" in warning
    assert "an English article is not read in" in warning
    source = json.loads(result.stdout)["source"]
    assert source["language"] == "en"
    written = json.loads((data_copy.sources / f"{source['id']}.json").read_text(encoding="utf-8"))
    assert written["language"] == "en"


def test_an_english_article_records_english_without_a_warning(cli, data_copy, tmp_path):
    article = tmp_path / "plain.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    result = cli("ingest", str(article), "--data", str(data_copy.root), "--dry-run", "--format", "json")
    assert result.returncode == 0 and "warning" not in result.stderr
    assert json.loads(result.stdout)["source"]["language"] == "en"


def test_shares_are_of_the_whole_text_and_names_in_english_text_are_no_other_language(data_copy):
    for path in sorted(data_copy.sources.glob("*.txt")):
        report = detect_language(path.read_text(encoding="utf-8"))
        assert report.language == "en" and report.unsupported_share < language.WARN_SHARE, (path.name, report)
    mixed = detect_language(ENGLISH * 2 + CHINESE)
    assert set(mixed.shares) == {"en", "zh"} and abs(sum(mixed.shares.values()) - 1) < 0.01


def test_the_detector_is_built_once_from_the_candidate_languages():
    assert language._detector() is language._detector()
    assert SUPPORTED_LANGUAGES == {"en", "zh"} and "JAPANESE" in language.CANDIDATE_LANGUAGES
