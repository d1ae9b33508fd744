"""`batterykg validate` (graph.build.check) judges large graphs with the compiled shapes, as the build does."""

from __future__ import annotations

import shutil

from graph.folders import DataLayout


def test_a_large_graph_conforms(synth_data, large_path):
    assert large_path.check(synth_data) == []


def test_a_violation_in_a_large_graph_names_its_file(synth_data, large_path, tmp_path):
    data = DataLayout(tmp_path / "data")
    shutil.copytree(synth_data.root, data.root)
    facts = data.facts / "syn000004.trig"
    text = facts.read_text()
    facts.write_text(text + '\n:a99 bkg:quote "' + _a_quote(text) + '" .\n'
                     ":a99 { bk:company-000001 bkg:partnerOf bk:no-such-company . }\n")
    found = large_path.check(data)
    assert found and all("data/facts/syn000004.trig" in line for line in found)
    assert any("bk:no-such-company" in line for line in found)


def _a_quote(trig: str) -> str:
    """The quote of the file's first assertion (a sentence that is in its article)."""
    return trig.split('bkg:quote "', 1)[1].split('" .', 1)[0]
