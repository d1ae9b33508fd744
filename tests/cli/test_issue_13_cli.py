"""Issue 13, items 0 and 4–7: what a careful first user of the command line hit — a long query taken for a file
name, messages naming ``data/`` for another folder, one error printed six times, cryptic syntax errors, and
sources without a date or headline built without a word."""

from __future__ import annotations

import json

import graph


def test_item_0_a_long_one_line_query_is_query_text_not_a_file_name(cli, seed_output):
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?p a bkg:Person } # " + "padding " * 40
    assert len(sparql.encode()) > 255
    result = cli("query", "--out", str(seed_output.root), sparql, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["n", "4"]


def test_item_0_a_query_argument_is_a_file_only_when_one_exists(cli, seed_output, tmp_path):
    result = cli("query", "--out", str(seed_output.root), "ASK { ?s ?p ?o }", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "yes"


def test_item_4_build_names_the_real_data_folder_in_a_malformed_turtle_message(cli, data_copy, tmp_path):
    text = data_copy.registry.read_text(encoding="utf-8").splitlines()
    text[29] = "bk:broken a ;;; ."
    data_copy.registry.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = cli("build", "--data", "data", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert "data/registry.ttl:30" in result.stderr  # relative to the working directory: this copy, not ours
    elsewhere = cli("build", "--data", str(data_copy.root), "--out", str(tmp_path / "out"), cwd="/")
    assert f"{str(data_copy.root).lstrip('/')}/registry.ttl:30" in elsewhere.stderr


def test_item_4_ingest_and_accept_print_the_files_they_wrote_in_the_data_folder_given(cli, data_copy, tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("Foo Energy Co., Ltd. teamed up with Bar Power Co., Ltd. in Chengdu.\n", encoding="utf-8")
    mine = tmp_path / "mine"
    data_copy.root.rename(mine)
    result = cli("ingest", str(article), "--data", str(mine), "--date", "2024-05-01", "--headline", "Note",
                 "--publisher", "Me", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = [line.split("wrote ", 1)[1] for line in result.stdout.splitlines() if "wrote " in line]
    assert written and all(path.startswith("mine/") for path in written), result.stdout
    source_id = result.stdout.split(":", 1)[0]
    accepted = cli("accept", "--article", source_id, "--data", "mine", cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
    assert "wrote mine/registry/" in accepted.stdout and "data/" not in accepted.stdout


def test_item_4_a_missing_or_empty_data_folder_says_so(cli, tmp_path):
    missing = cli("build", "--data", "nowhere", "--out", "out", cwd=tmp_path)
    assert missing.returncode == 2 and "no data folder at nowhere" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = cli("validate", "--data", "empty", cwd=tmp_path)
    assert empty.returncode == 2 and "empty has no registry.ttl" in empty.stderr
    assert "cannot read" not in empty.stderr and not (tmp_path / "out").exists()


def test_item_5_a_missing_article_is_reported_once(cli, data_copy, tmp_path):
    (data_copy.sources / "003_a93420692c2367a5.txt").unlink()
    result = cli("build", "--data", str(data_copy.root), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "no article" in line]
    assert len(lines) == 1, result.stderr
    assert "1 problem\n" in result.stderr


def test_item_6_a_first_word_that_is_no_query_form_is_named(cli, seed_output):
    result = cli("query", "--out", str(seed_output.root), "SELEC * WHERE {}")
    assert result.returncode == 2
    assert "line 1, column" in result.stderr
    assert "'SELEC' is not a query form" in result.stderr and "SELECT, ASK, CONSTRUCT or DESCRIBE" in result.stderr


def test_item_6_an_update_sent_as_a_query_is_called_an_update(cli, seed_output):
    result = cli("query", "--out", str(seed_output.root), "PREFIX ex: <http://example.org/>\n"
                 "INSERT DATA { ex:a ex:b ex:c }")
    assert result.returncode == 2
    assert "line 2, column" in result.stderr
    assert "INSERT makes this a SPARQL Update, not a query" in result.stderr


def test_item_6_a_relative_iri_without_a_base_is_said(seed_store):
    import pytest

    from graph.errors import QueryError

    with pytest.raises(QueryError, match="<test> is a relative IRI"):
        seed_store.query("SELECT (<test> AS ?value) {}")


def test_item_7_the_build_lists_sources_without_a_date_or_headline(data_copy, tmp_path):
    meta = data_copy.sources / "003_a93420692c2367a5.json"
    fields = json.loads(meta.read_text(encoding="utf-8"))
    del fields["datePublished"]
    meta.write_text(json.dumps(fields), encoding="utf-8")
    report = graph.build(data_copy, tmp_path / "out")
    assert report.lacking_metadata["003_a93420692c2367a5"] == ["datePublished"]
    summary = report.summary()
    assert "sources without a date or headline" in summary
    assert "  003_a93420692c2367a5: no datePublished\n" in summary


def test_item_7_the_seed_source_without_a_headline_is_reported(seed_data, tmp_path):
    report = graph.build(seed_data, tmp_path / "out")
    assert report.lacking_metadata == {"004_0e69c092427fc0c2": ["headline"]}
