"""Issue 8: the synthetic ecosystem generator (``batterykg synth``)."""

from __future__ import annotations

import re
import statistics
from collections import Counter

import pytest

import graph
from graph.cli import main
from graph.errors import UsageError
from graph.synth import MARKER, synthesize


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_seed_writes_byte_identical_folders(tmp_path):
    synthesize(tmp_path / "a", 300, seed=5)
    synthesize(tmp_path / "b", 300, seed=5)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_another_seed_writes_another_ecosystem(tmp_path):
    synthesize(tmp_path / "a", 300, seed=5)
    synthesize(tmp_path / "b", 300, seed=6)
    assert (tmp_path / "a" / "registry.ttl").read_bytes() != (tmp_path / "b" / "registry.ttl").read_bytes()


def test_the_folder_builds_and_conforms_to_the_shapes(synth_data, tmp_path):
    report = graph.build(synth_data, tmp_path / "out")
    assert report.conforms
    for cls in ("Company", "GovernmentBody", "Person", "Conference", "IndustrialPark", "InvestmentProject",
                "City", "Province", "Technology"):
        assert report.entities_per_class.get(cls, 0) > 0, cls
    assert report.assertions > 100


def test_about_ten_triples_per_entity(synth_data, synth_built):
    import json

    triples = json.loads(synth_built.manifest.read_text())["triples"]
    assert 7 * 400 <= triples <= 14 * 400


def test_mentions_are_heavy_tailed(synth_data):
    mentions: Counter = Counter()
    for path in synth_data.facts.glob("*.trig"):
        mentions.update(re.findall(r"bk:((?:company|institute|government)-[\w-]+)", path.read_text()))
    counts = sorted(mentions.values(), reverse=True)
    assert counts[0] >= 10 * statistics.median(counts), counts[:5]
    top = counts[: max(1, len(counts) // 20)]
    assert sum(top) >= 0.2 * sum(counts)  # the top 5% hold a fifth of all mentions


def test_a_folder_of_other_files_is_never_overwritten(tmp_path):
    (tmp_path / "mine.txt").write_text("keep")
    with pytest.raises(UsageError, match="not empty"):
        synthesize(tmp_path, 300)
    assert (tmp_path / "mine.txt").read_text() == "keep"


def test_an_earlier_synth_folder_is_replaced(tmp_path):
    synthesize(tmp_path / "s", 400, seed=1)
    synthesize(tmp_path / "s", 300, seed=1)
    assert (tmp_path / "s" / MARKER).exists()
    assert len(list((tmp_path / "s" / "sources").glob("*.txt"))) == 300 // 12


def test_too_few_entities_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="at least 200"):
        synthesize(tmp_path / "s", 50)


def test_cli_writes_the_folder_and_exits_0(tmp_path, capsys):
    assert main(["synth", "--entities", "250", "--seed", "2", "--out", str(tmp_path / "s")]) == 0
    assert "250 entities" in capsys.readouterr().out
    assert (tmp_path / "s" / "registry.ttl").is_file()
    assert main(["synth", "--entities", "10", "--out", str(tmp_path / "t")]) == 2


def test_every_registry_entity_has_a_source(synth_built):
    """As in real data (saved question `entities-without-source`): an entity no pick mentioned gets a profile
    sentence of its own."""
    store = graph.open_store(synth_built.store)
    assert graph.run_saved("entities-without-source", {}, store).rows == []
