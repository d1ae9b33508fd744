"""Issue 13, item 2: after `batterykg run`, a later `batterykg build` leaves the analysis, the tables and the
views of the old graph in place; they are never shown as current. Each records the graph it was made from
(``out/derived.json``), the build lists what it left out of date and marks the index page, and ``views``,
``query`` (of the analysis graph) and ``serve`` say so."""

from __future__ import annotations

import json
import shutil

import pytest

from graph.folders import DataLayout
from graph.freshness import NOTICE_ID, graph_hash

pytestmark = pytest.mark.subprocess


@pytest.fixture(scope="module")
def run_then_build(tmp_path_factory):
    """`batterykg run` on the seed data, then a fact added to a copy and `batterykg build` only."""
    from tests.conftest import run_cli

    root = tmp_path_factory.mktemp("fresh")
    data, out = root / "data", root / "out"
    shutil.copytree(DataLayout.default().root, data)
    ran = run_cli("run", "--data", str(data), "--out", str(out))
    assert ran.returncode == 0, ran.stderr
    recorded = json.loads((out / "derived.json").read_text())
    meta = data / "sources" / "004_0e69c092427fc0c2.json"
    fields = json.loads(meta.read_text(encoding="utf-8"))
    fields["headline"] = "A headline the article lacked"
    meta.write_text(json.dumps(fields), encoding="utf-8")
    built = run_cli("build", "--data", str(data), "--out", str(out))
    assert built.returncode == 0, built.stderr
    return data, out, recorded, built


def test_run_records_the_graph_every_derived_output_was_made_from(run_then_build):
    _, out, recorded, _ = run_then_build
    assert set(recorded) == {"analysis", "store-analysis", "views"} and len(set(recorded.values())) == 1


def test_a_later_build_says_what_it_left_out_of_date(run_then_build):
    _, out, recorded, built = run_then_build
    assert graph_hash(type("O", (), {"manifest": out / "manifest.json"})()) != recorded["views"]
    line = next(line for line in built.stdout.splitlines() if line.startswith("out of date"))
    assert "analysis.trig" in line and "index page and the views" in line and "kgg:analysis" in line
    assert "`batterykg run` refreshes them" in line


def test_the_index_page_says_it_is_out_of_date(run_then_build):
    _, out, _, _ = run_then_build
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count(f'id="{NOTICE_ID}"') == 1
    assert "made from an earlier graph" in page and "batterykg run" in page


def test_querying_the_missing_analysis_graph_warns(run_then_build, cli):
    _, out, _, _ = run_then_build
    result = cli("query", "--out", str(out), "SELECT (COUNT(*) AS ?n) { GRAPH kgg:analysis { ?s ?p ?o } }",
                 "-f", "csv")
    assert result.returncode == 0 and result.stdout.split() == ["n", "0"]
    assert "no analysis graph" in result.stderr and "batterykg run" in result.stderr
    plain = cli("query", "--out", str(out), "ASK { ?s ?p ?o }")
    assert plain.stderr == ""


@pytest.mark.server
def test_serve_warns_at_start(run_then_build):
    from tests.sparql.conftest import start_serve, stop

    _, out, _, _ = run_then_build
    process, _url = start_serve("--out", str(out), "--workers", "1")
    stop(process)
    err = process.stderr.read()
    assert "out of date" in err and "analysis.trig" in err


def test_views_refresh_the_views_and_warn_about_the_analysis_then_run_makes_all_current(run_then_build, cli):
    data, out, _, _ = run_then_build
    views = cli("views", "--out", str(out))
    assert views.returncode == 0 and "analysis tables and analysis.trig" in views.stderr
    assert NOTICE_ID not in (out / "index.html").read_text(encoding="utf-8")
    ran = cli("run", "--data", str(data), "--out", str(out))
    assert ran.returncode == 0 and "out of date" not in ran.stdout
    recorded = json.loads((out / "derived.json").read_text())
    assert set(recorded.values()) == {graph_hash(type("O", (), {"manifest": out / "manifest.json"})())}
    again = cli("query", "--out", str(out), "SELECT (COUNT(*) AS ?n) { GRAPH kgg:analysis { ?s ?p ?o } }")
    assert again.stderr == ""


def test_rebuilding_the_same_inputs_keeps_views_current_but_says_the_store_lost_its_analysis(tmp_path, cli):
    out = tmp_path / "out"
    assert cli("run", "--out", str(out)).returncode == 0
    again = cli("build", "--out", str(out))
    assert "the index page and the views" not in again.stdout
    assert "kgg:analysis" in again.stdout  # the new store has no analysis graph
    assert NOTICE_ID not in (out / "index.html").read_text(encoding="utf-8")
