"""Issue 13, items 1, 20 and 21: ``path --exclude`` by class with its subclasses, a normalised score whose top is
exactly 1, and rankings of the entity network that rank who acts."""

from __future__ import annotations

import csv
import json

import pytest

import graph
import graph.analysis
from graph.analysis.projections import ACTOR_KINDS
from graph.cli import main
from graph.errors import UsageError


def _run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_item_1_excluding_a_superclass_excludes_its_subclasses(seed_store):
    found = graph.connection_paths(seed_store, "EXENCELL", "Zhejiang Province")
    assert found and any("Mianyang City" in p.labels for p in found)  # without exclusions: through places
    assert graph.connection_paths(seed_store, "EXENCELL", "Zhejiang Province", exclude_kinds=["Place"]) == []
    kept = graph.connection_paths(seed_store, "Yibin municipal government", "EXENCELL", exclude_kinds=["Place"])
    assert kept and all(seed_store.query(f"ASK {{ <{node}> a/rdfs:subClassOf* bkg:Place }}").boolean is False
                        for path in kept for node in path.nodes[1:-1])


def test_item_1_an_unknown_class_exits_2_naming_the_known_ones(seed_output, capsys):
    code, _, err = _run(capsys, "path", "--store", str(seed_output.store), "EXENCELL", "BYD", "--exclude", "Foo")
    assert code == 2
    assert "--exclude Foo: no such class" in err and "Place" in err and "Organization" in err
    with pytest.raises(UsageError):
        graph.connection_paths(graph.open_store(seed_output.store), "EXENCELL", "BYD", exclude_kinds=["Foo"])


def test_item_1_exit_1_says_when_the_exclusions_disconnect_the_two(seed_output, capsys):
    code, out, err = _run(capsys, "path", "--store", str(seed_output.store), "EXENCELL", "Zhejiang Province",
                          "--exclude", "Place")
    assert code == 1 and out == ""
    assert "connected only through what --exclude Place leaves out" in err


def test_item_20_the_top_normalised_score_is_exactly_one(seed_output, tmp_path):
    store = graph.open_store(seed_output.store)
    network = graph.entity_network(store)
    for measure in ("pagerank", "betweenness", "closeness", "eigenvector", "degree"):
        rows = graph.centrality_table(network, [measure], top=3)
        assert rows[0]["normalised"] == 1.0 and repr(rows[0]["normalised"]) == "1.0"
        assert all(row["normalised"] == round(row["normalised"], 6) for row in rows)
    runs = [graph.analyse(network, "entity")]
    out = graph.OutputLayout(tmp_path)
    graph.analysis.write_tables(runs, out.tables)
    with open(out.tables / "centrality-entity.csv", encoding="utf-8") as handle:
        tops = [row["normalised"] for row in csv.DictReader(handle) if row["rank"] == "1"]
    assert tops and set(tops) == {"1.0"}


def test_item_21_the_entity_network_ranks_actors_by_default(seed_output, capsys):
    code, out, err = _run(capsys, "analyze", "--store", str(seed_output.store), "-m", "betweenness",
                          "--top", "5", "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["ranked"] == "actors"
    assert data["centrality"] and all(row["kind"] in ACTOR_KINDS for row in data["centrality"])
    assert data["centrality"][0]["label"] != "Energy storage" and data["centrality"][0]["rank"] == 1
    code, out, _ = _run(capsys, "analyze", "--store", str(seed_output.store), "-m", "betweenness", "--top", "5")
    assert "ranked: actors only (organisations, government bodies, people" in out


def test_item_21_rank_all_shows_every_node_and_scores_are_the_same(seed_output, capsys):
    code, out, _ = _run(capsys, "analyze", "--store", str(seed_output.store), "-m", "betweenness", "--top", "100",
                        "-f", "json", "--rank", "all")
    every = json.loads(out)
    assert every["ranked"] == "all" and every["centrality"][0]["label"] == "Energy storage"
    _, out, _ = _run(capsys, "analyze", "--store", str(seed_output.store), "-m", "betweenness", "--top", "100",
                     "-f", "json")
    actors = {row["node"]: row["score"] for row in json.loads(out)["centrality"]}
    whole = {row["node"]: row["score"] for row in every["centrality"]}
    assert actors and all(whole[node] == score for node, score in actors.items())  # computed on the whole network
    code, _, err = _run(capsys, "analyze", "--store", str(seed_output.store), "--rank", "famous")
    assert code == 2 and "--rank famous" in err


def test_item_21_the_run_summary_names_actors(seed_output, capsys):
    from graph.analysis.run import run_analysis

    store = graph.open_store(seed_output.store)
    printed: list[str] = []
    writable = graph.store.EmbeddedStore.create(None)
    out = graph.OutputLayout(seed_output.root.parent / "issue-13-run-summary")
    run_analysis(store, out, writable=writable, echo=printed.append)
    line = next(p for p in printed if p.startswith("top entity actors by betweenness:"))
    assert "Energy storage" not in line and "People's Government of Sichuan Province" in line
    assert any("--rank all" in p for p in printed)
