"""Measured quality on the held-out articles: invented news in real publishers' styles (tests/ingest/heldout/).

The floors sit a little under the scores measured when they were set (README, "Measured quality"), so that a
change which makes the extractor worse on news it was not written for shows up here. The extractor runs
without the registry: only the bundled gazetteer and company list, as on a stranger's article.
"""

from pathlib import Path

import pytest

from graph.cli import main
from graph.ingest.evaluate import evaluate

HELDOUT = Path(__file__).parent / "heldout"
#: (gold folder, articles folder, floors of F1 per part)
SETS = {
    "studied": (HELDOUT / "gold", HELDOUT / "articles",
                {"entities": 0.95, "relations": 0.85, "amounts": 0.95, "dates": 0.93}),
    "unseen": (HELDOUT / "unseen" / "gold", HELDOUT / "unseen" / "articles",
               {"entities": 0.9, "relations": 0.7, "amounts": 0.93, "dates": 0.9}),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_extractor_stays_above_its_floors_on_the_held_out_articles(bundled_only, name):
    gold, articles, floors = SETS[name]
    report = evaluate(gold, articles, bundled_only)
    assert len(report["articles"]) == len(list(gold.glob("*.json")))  # every article was read and scored
    for part, floor in floors.items():
        assert report["overall"][part]["f1"] >= floor, (part, report["overall"][part])


def test_every_held_out_article_is_an_invented_fixture_with_a_gold_file():
    for gold, articles, _ in SETS.values():
        names = {p.stem for p in articles.iterdir() if p.suffix in (".txt", ".html", ".md")}
        assert names == {p.stem for p in gold.glob("*.json")}
        for path in articles.iterdir():
            if path.suffix in (".html", ".md"):
                assert "INVENTED TEST FIXTURE" in path.read_text(encoding="utf-8")
            if path.suffix == ".json":
                assert "invented test fixture" in path.read_text(encoding="utf-8")


def test_eval_extraction_reads_html_and_markdown_articles(capsys):
    gold, articles, _ = SETS["studied"]
    assert main(["eval-extraction", str(gold), str(articles), "--no-registry", "--format", "json"]) == 0
    import json

    report = json.loads(capsys.readouterr().out)
    assert {"essdaily-chengdu-sodium-summit", "storage-notes-chongqing-week", "xinhua-suining-sodium-ion"} <= \
        set(report["articles"])
