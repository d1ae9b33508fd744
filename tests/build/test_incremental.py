"""Issue 8: incremental builds give the outputs of a full build, and validate what changed."""

from __future__ import annotations

import json

import pytest

import graph
from graph.errors import DataNotConformError
from graph.folders import OutputLayout

OUTPUTS = ("battery-kg.trig", "battery-kg.ttl", "battery-kg.jsonld", "manifest.json")
NEW_SENTENCE = "Representatives of a new partner attended the conference."
NEW_FACTS = (f'\n:a99 bkg:quote "{NEW_SENTENCE}" .\n'
             ":a99 {\n    bk:conference-00001 schema:attendee bk:company-000002 .\n}\n")


def _add_sentence(data, source_id: str, facts: str = NEW_FACTS) -> None:
    text = data.sources / f"{source_id}.txt"
    text.write_text(text.read_text().rstrip("\n") + f" {NEW_SENTENCE}\n")
    trig = data.facts / f"{source_id}.trig"
    trig.write_text(trig.read_text() + facts)


def _same_as_full_build(data, out: OutputLayout, tmp_path, large_path) -> None:
    full = OutputLayout(tmp_path / "full")
    report = large_path.build(data, full, incremental=False)
    assert report.changed_sources is None
    for name in OUTPUTS:
        assert (out.root / name).read_bytes() == (full.root / name).read_bytes(), name
    import pyoxigraph as ox

    ours, theirs = ox.Store.read_only(str(out.store)), ox.Store.read_only(str(full.store))
    assert set(ours) == set(theirs)


def test_changing_one_source_rebuilds_only_it_and_matches_a_full_build(editable, tmp_path, large_path):
    data, out = editable
    _add_sentence(data, "syn000004")
    report = large_path.build(data, out)
    assert report.changed_sources == ["syn000004"]
    _same_as_full_build(data, out, tmp_path, large_path)


def test_removing_and_adding_sources_matches_a_full_build(editable, tmp_path, large_path):
    data, out = editable
    for path in list(data.root.glob("*/syn000007.*")):
        path.unlink()
    (data.sources / "syn999999.txt").write_text(f"New article\n\n{NEW_SENTENCE}\n")
    (data.sources / "syn999999.json").write_text(json.dumps({"headline": "New article", "publisher": "Xinhua"}))
    (data.facts / "syn999999.trig").write_text(
        "@prefix bkg: <https://w3id.org/battery-kg/ontology#> .\n@prefix bk: <https://w3id.org/battery-kg/id/> .\n"
        "@prefix schema: <https://schema.org/> .\n@prefix : <https://w3id.org/battery-kg/source/syn999999/> .\n"
        + NEW_FACTS)
    report = large_path.build(data, out)
    assert report.changed_sources == ["syn000007", "syn999999"]
    _same_as_full_build(data, out, tmp_path, large_path)


def test_a_fact_about_an_undeclared_entity_fails_and_keeps_the_previous_outputs(editable, large_path):
    data, out = editable
    before = {name: (out.root / name).read_bytes() for name in OUTPUTS}
    _add_sentence(data, "syn000004", NEW_FACTS.replace("bk:company-000002", "bk:no-such-company"))
    with pytest.raises(DataNotConformError) as caught:
        large_path.build(data, out)
    assert "bk:no-such-company" in str(caught.value)
    assert "data/facts/syn000004.trig" in str(caught.value)
    assert {name: (out.root / name).read_bytes() for name in OUTPUTS} == before


def test_a_second_start_date_from_another_source_is_caught(editable, large_path):
    """Constraints across sources (an event has one start date) hold although only one source is rebuilt."""
    data, out = editable
    facts = (f'\n:a99 bkg:quote "{NEW_SENTENCE}" .\n'
             ':a99 {\n    bk:conference-00001 schema:startDate "1999-01-01"^^xsd:date .\n}\n')
    trig = data.facts / "syn000004.trig"
    if "@prefix xsd:" not in trig.read_text():
        facts = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + facts
    _add_sentence(data, "syn000004", facts)
    conference_dated = any('bk:conference-00001 schema:startDate' in p.read_text()
                           for p in data.facts.glob("*.trig") if p.name != "syn000004.trig")
    if not conference_dated:
        pytest.skip("no other source dates this conference in this synthetic folder")
    with pytest.raises(DataNotConformError, match="startDate"):
        large_path.build(data, out)


def test_a_registry_change_means_a_full_build(editable, large_path):
    data, out = editable
    data.registry.write_text(data.registry.read_text() + "\n# a comment changes the hash\n")
    assert large_path.build(data, out).changed_sources is None


def test_small_graphs_are_always_built_whole(seed_data, tmp_path):
    out = tmp_path / "out"
    graph.build(seed_data, out)
    report = graph.build(seed_data, out)
    assert report.changed_sources is None
