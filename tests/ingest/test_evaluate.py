"""Measured quality on the hand-annotated seed articles."""

from graph.cli import main
from graph.ingest.evaluate import evaluate
from graph.layout import DataLayout


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
