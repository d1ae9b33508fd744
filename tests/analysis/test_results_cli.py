"""Results written back as RDF and tables; the commands analyze, path, recommend and the run stage."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

import graph
from graph.analysis import analyse, analysis_graph, write_analysis
from graph.folders import OutputLayout
from graph.namespace import BKG

from .conftest import bk


@pytest.fixture(scope="module")
def analysed(seed_output, tmp_path_factory):
    """A copy of the built seed graph with the analysis written into it by the run stage."""
    from graph.analysis.run import run_analysis

    out = OutputLayout(tmp_path_factory.mktemp("analysed"))
    shutil.copytree(seed_output.store, out.store)
    printed: list[str] = []
    runs = run_analysis(graph.open_store(out.store), out, echo=printed.append)
    return out, runs, printed


def test_the_analysis_graph_answers_top_brokers_in_sichuan(analysed):
    out, _, _ = analysed
    rows = graph.open_store(out.store).query("""
        SELECT ?org ?c WHERE {
          GRAPH kgg:analysis { ?s a bkg:Score ; bkg:measure "constraint" ; bkg:network "partnership" ;
                               bkg:scoreOf ?org ; bkg:scoreValue ?c ; prov:wasGeneratedBy ?run .
                               ?run a bkg:AnalysisRun }
          FILTER EXISTS { { ?org bkg:governs/schema:containedInPlace* bk:sichuan }
                          UNION { ?e schema:location/schema:containedInPlace* bk:sichuan ; ?role ?org } }
        } ORDER BY ?c ?org LIMIT 2""").rows
    assert [str(r[0]) for r in rows] == [bk("exencell"), bk("sichuan-government")]


def test_communities_are_in_the_store_with_members_and_modularity(analysed):
    out, runs, _ = analysed
    rows = graph.open_store(out.store).query("""
        SELECT ?c (COUNT(?m) AS ?n) (SAMPLE(?q) AS ?modularity) WHERE {
          GRAPH kgg:analysis { ?c a bkg:Community ; bkg:network "partnership" ; bkg:member ?m ; bkg:modularity ?q }
        } GROUP BY ?c ORDER BY DESC(?n)""").rows
    partnership = runs[1]
    assert [int(r[1]) for r in rows] == [len(c) for c in partnership.partition]
    assert float(rows[0][2]) == pytest.approx(partnership.partition.modularity)


def test_tables_are_written_for_both_networks(analysed):
    out, _, printed = analysed
    names = sorted(p.name for p in out.tables.glob("*.csv"))
    assert names == sorted(f"{t}-{n}.csv" for t in ("centrality", "brokers", "communities", "ties")
                           for n in ("entity", "partnership"))
    with open(out.tables / "ties-partnership.csv", newline="", encoding="utf-8") as handle:
        first = next(csv.DictReader(handle))
    assert "signedAgreementWith" in first["relations"] and "003_a93420692c2367a5" in first["sources"]
    assert any(line.startswith("top entity actors by pagerank:") for line in printed)
    assert (out.root / "analysis.trig").read_text(encoding="utf-8").count("bkg:Score") > 50


def test_score_iris_are_deterministic_and_a_rerun_replaces_the_graph(seed_store, tmp_path):
    network = graph.partnership_network(seed_store)
    first, second = analyse(network, "partnership"), analyse(network, "partnership")
    assert first.iri == second.iri
    scores = {(s, o) for s, o in analysis_graph([first]).subject_objects(BKG.scoreValue)}
    assert scores == {(s, o) for s, o in analysis_graph([second]).subject_objects(BKG.scoreValue)}
    out = OutputLayout(tmp_path)
    store = graph.EmbeddedStore.create(out.store)
    write_analysis([first], out, store=store)
    write_analysis([second], out, store=store)
    count = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH kgg:analysis { ?s a bkg:Score } }").rows[0][0]
    assert int(count) == len({s for s, _ in scores})


def _run(capsys, *args) -> tuple[int, str, str]:
    """The CLI in this process (the subprocess test below checks the installed command itself)."""
    from graph.cli import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_analyze_prints_rankings(seed_output, capsys):
    code, out, err = _run(capsys, "analyze", "--store", str(seed_output.store), "--network", "partnership",
                          "-m", "pagerank", "--top", "1", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["centrality"][0]["label"] == "EXENCELL" and data["centrality"][0]["rank"] == 1


def test_analyze_csv_and_table(seed_output, capsys):
    code, out, _ = _run(capsys, "analyze", "--store", str(seed_output.store), "-m", "betweenness", "--top", "3",
                        "-f", "csv")
    assert code == 0 and out.splitlines()[0].startswith("measure,rank,label") and len(out.splitlines()) == 4
    code, out, err = _run(capsys, "analyze", "--store", str(seed_output.store), "--network", "partnership",
                          "-m", "communities", "-m", "ties", "-m", "brokers", "--within", "Sichuan",
                          "--reviewed-only", "--since", "2023-01-01")
    assert code == 0, err
    assert "modularity" in out and "strongest ties" in out and "BYD" not in out  # BYD was only in Shanghai


@pytest.mark.parametrize("args", [["--measure", "fame"], ["--network", "social"], ["--format", "xml"],
                                  ["--within", "Atlantis"], ["--since", "soon"]])
def test_analyze_bad_arguments_exit_2(seed_output, capsys, args):
    code, _, err = _run(capsys, "analyze", "--store", str(seed_output.store), *args)
    assert code == 2 and "error" in err


def test_path_command_shows_each_hop_and_its_sentence(seed_output, cli):
    result = cli("path", "--store", str(seed_output.store), "Yibin municipal government",
                 "Sichuan Provincial Economic and Information Department")
    assert result.returncode == 0, result.stderr
    assert "—organizer→" in result.stdout and "jointly organized" in result.stdout


def test_path_command_unknown_name_exits_2_with_closest_names(seed_output, capsys):
    code, _, err = _run(capsys, "path", "--store", str(seed_output.store), "Exencel", "BYD")
    assert code == 2 and "closest: EXENCELL" in err


def test_path_command_not_connected_exits_1(seed_output, capsys):
    code, _, err = _run(capsys, "path", "--store", str(seed_output.store), "EXENCELL", "BYD", "--since", "2099")
    assert code == 1 and "not connected" in err


def test_recommend_command(seed_output, capsys):
    code, out, err = _run(capsys, "recommend", "--store", str(seed_output.store), "Tecloman", "-f", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and all(r["shared_labels"] for r in rows)
    assert _run(capsys, "recommend", "--store", str(seed_output.store), "Nobody Inc")[0] == 2


def test_a_store_held_elsewhere_is_a_store_error_and_the_trig_is_still_written(seed_store, tmp_path):
    import pyoxigraph

    from graph.errors import StoreError

    out = OutputLayout(tmp_path)
    holder = pyoxigraph.Store(str(out.store))  # as a server would hold it
    run = analyse(graph.partnership_network(seed_store), "partnership")
    with pytest.raises(StoreError, match="analysis.trig"):
        write_analysis([run], out)
    assert (tmp_path / "analysis.trig").is_file()
    del holder
