"""A site that stays small as the graph grows: a synthetic ecosystem of 1,000 entities (`batterykg synth`)."""

from __future__ import annotations

import pytest

from graph.build import build
from graph.folders import DataLayout, OutputLayout
from graph.store import open_store
from graph.synth import synthesize
from graph.views import write_views
from graph.views.site import VIEW_EDGE_LIMIT, VIEW_NODE_LIMIT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    """1,000 synthetic entities, built, and their views."""
    root = tmp_path_factory.mktemp("synth-1k")
    synthesize(root / "data", entities=1000, seed=8)
    out = OutputLayout(root / "out")
    build(DataLayout(root / "data"), out)
    store = open_store(out.store)
    return store, write_views(store, out)


def test_every_entity_gets_its_page_and_the_pages_stay_small(thousand):
    from graph.views.site import site_data

    store, report = thousand
    entities = site_data(store).entities
    assert len(report.entities) == entities.number_of_nodes() > 900
    total = sum(p.stat().st_size for p in report.entities)
    assert total <= 60_000_000, f"{total / 1e6:.1f} MB for {len(report.entities)} entity pages"
    assert max(p.stat().st_size for p in [*report.entities, *report.views]) <= 10_000_000
    assert report.index.stat().st_size <= 150_000  # it links the most central pages of each class


def test_a_network_too_big_for_a_page_keeps_its_most_central_and_says_what_it_left_out(thousand, tmp_path,
                                                                                    monkeypatch):
    import json
    import re

    from graph.views import site

    store, _ = thousand
    monkeypatch.setattr(site, "VIEW_NODE_LIMIT", 200)
    monkeypatch.setattr(site, "VIEW_EDGE_LIMIT", 300)
    report = write_views(store, OutputLayout(tmp_path), entity_pages=10)
    for path in report.views:
        text = path.read_text(encoding="utf-8")
        data = json.loads(re.search(r'id="view-data">(.*?)</script>', text, re.S).group(1))
        assert len(data["nodes"]) == 200 and len(data["edges"]) <= 300, path.name
        assert re.match(r"This view shows the 200 \w+ with the highest [\w ]+ of [\d,]+, and [\d,]+ of the "
                        r"[\d,]+ (edges|ties)", data["notice"]), data["notice"]
    assert (VIEW_NODE_LIMIT, VIEW_EDGE_LIMIT) == (5000, 20000)


def test_reading_and_writing_in_two_processes_gives_the_same_site(seed_store, tmp_path, monkeypatch):
    """Big graphs read their texts in a forked child and write half of the pages in another: same bytes."""
    from graph.views import site

    alone = write_views(seed_store, OutputLayout(tmp_path / "one"))
    monkeypatch.setattr(site, "PARALLEL_READ", 1)
    monkeypatch.setattr(site, "PARALLEL_PAGES", 1)
    both = write_views(seed_store, OutputLayout(tmp_path / "two"))
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert len(files) == len(both.entities) + len(both.views) + len(both.assets) + 1 > 50
    for name in files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert [p.name for p in alone.entities] == [p.name for p in both.entities]
