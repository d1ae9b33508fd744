"""The command line as a user meets it: verbs, formats, exit codes."""

from __future__ import annotations

import csv
import io
import json


def test_help_documents_exit_codes(cli):
    result = cli("--help")
    assert result.returncode == 0
    assert "Exit codes: 0 ok; 1 the data does not conform" in result.stdout


def test_build_prints_a_summary(cli, tmp_path):
    result = cli("build", "--out", str(tmp_path))
    assert result.returncode == 0
    assert "entities per class:" in result.stdout and "facts per source:" in result.stdout
    assert (tmp_path / "battery-kg.trig").exists() and (tmp_path / "battery-kg.jsonld").exists()


def test_query_before_any_build_tells_the_user_to_build(cli, tmp_path):
    result = cli("query", "--out", str(tmp_path / "nothing"), "SELECT * WHERE { ?s ?p ?o }")
    assert result.returncode == 2
    assert "batterykg build" in result.stderr


def test_malformed_query_gives_line_and_column_and_exit_2(cli, seed_output):
    result = cli("query", "--out", str(seed_output.root), "SELECT ?x\nWHERE { ?x ?y }")
    assert result.returncode == 2
    assert "line 2, column" in result.stderr


def test_select_as_csv_json_tsv_and_table(cli, seed_output):
    sparql = 'SELECT ?name WHERE { bk:exencell bkg:partnerOf/rdfs:label ?name FILTER(lang(?name) = "en") } ORDER BY ?name'
    out = str(seed_output.root)
    rows = list(csv.reader(io.StringIO(cli("query", "--out", out, sparql, "--format", "csv").stdout)))
    assert rows[0] == ["name"] and rows[1] == ["ACE Battery"] and len(rows) == 6
    data = json.loads(cli("query", "--out", out, sparql, "--format", "json").stdout)
    assert data["head"]["vars"] == ["name"] and len(data["results"]["bindings"]) == 5
    assert cli("query", "--out", out, sparql, "--format", "tsv").stdout.splitlines()[0] == "?name"
    table = cli("query", "--out", out, sparql).stdout
    assert "Schneider Electric" in table and "5 rows" in table


def test_ask_and_construct(cli, seed_output):
    out = str(seed_output.root)
    assert cli("query", "--out", out, "ASK { bk:byd a bkg:Company }").stdout.strip() == "yes"
    turtle = cli("query", "--out", out, "CONSTRUCT { bk:exencell ?p ?o } WHERE { bk:exencell ?p ?o }").stdout
    assert "bkg:partnerOf" in turtle and "PREFIX bk:" in turtle


def test_query_from_a_file(cli, seed_output, tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?p a bkg:Person }\n", encoding="utf-8")
    result = cli("query", "--out", str(seed_output.root), str(path), "--format", "csv")
    assert result.returncode == 0 and result.stdout.split() == ["n", "4"]


def test_unknown_format_is_a_usage_error(cli, seed_output):
    result = cli("query", "--out", str(seed_output.root), "ASK {}", "--format", "yaml")
    assert result.returncode == 2 and "unknown format" in result.stderr


def test_validate_without_writing(cli, data_copy):
    assert cli("validate", "--data", str(data_copy.root)).returncode == 0
    (data_copy.registry).write_text(data_copy.registry.read_text() + "\nbk:x a bkg:Person .\n")
    assert cli("validate", "--data", str(data_copy.root)).returncode == 1


def test_construct_and_describe_in_every_graph_format(cli, seed_output):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    out = str(seed_output.root)
    construct = "CONSTRUCT WHERE { bk:tecloman ?p ?o }"
    graphs = {fmt: Graph().parse(data=cli("query", "--out", out, construct, "-f", fmt).stdout, format=parser)
              for fmt, parser in (("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld"))}
    assert len(graphs["turtle"]) >= 3
    assert isomorphic(graphs["turtle"], graphs["ntriples"]) and isomorphic(graphs["turtle"], graphs["jsonld"])
    described = cli("query", "--out", out, "DESCRIBE bk:tecloman")  # the default table format is Turtle here
    assert described.returncode == 0
    assert isomorphic(Graph().parse(data=described.stdout, format="turtle"), graphs["turtle"])


def test_select_as_sparql_xml_and_ask_as_json(cli, seed_output):
    out = str(seed_output.root)
    xml = cli("query", "--out", out, 'SELECT ?n WHERE { bk:byd rdfs:label ?n }', "-f", "xml").stdout
    assert "<sparql" in xml and '<literal xml:lang="en">BYD</literal>' in xml
    ask = json.loads(cli("query", "--out", out, "ASK { bk:byd a bkg:Person }", "-f", "json").stdout)
    assert ask["boolean"] is False


def test_a_format_that_does_not_fit_the_result_is_a_usage_error(cli, seed_output):
    out = str(seed_output.root)
    graph_as_csv = cli("query", "--out", out, "CONSTRUCT WHERE { bk:byd ?p ?o }", "-f", "csv")
    assert graph_as_csv.returncode == 2
    assert "a CONSTRUCT or DESCRIBE result is written as turtle, ntriples, jsonld" in graph_as_csv.stderr
    rows_as_turtle = cli("query", "--out", out, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "-f", "turtle")
    assert rows_as_turtle.returncode == 2 and "a SELECT result is written as" in rows_as_turtle.stderr
    assert "Traceback" not in graph_as_csv.stderr + rows_as_turtle.stderr


def test_query_in_a_folder_without_a_build_tells_the_user_to_build(cli, tmp_path):
    """The default output folder is ./out: a newcomer who has not built yet is told what to run."""
    import os
    import subprocess
    import sys

    env = {name: value for name, value in os.environ.items() if not name.startswith("BATTERYKG_")}
    result = subprocess.run([sys.executable, "-m", "graph", "query", "ASK {}"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "no graph at out/store: run `batterykg build` first" in result.stderr


def test_the_standard_prefixes_are_predeclared(cli, seed_output):
    """bkg, bk, schema, rdf, rdfs, owl, skos, prov, xsd, sh and dcterms need no PREFIX line."""
    sparql = """ASK {
      bkg:evidence rdfs:subPropertyOf prov:wasDerivedFrom .
      bk:schneider-electric skos:altLabel "Schneider"@en ; rdf:type/rdfs:subClassOf* schema:Corporation .
      bkg:partnerOf a owl:SymmetricProperty .
      bk:world-power-battery-conference-2024 schema:endDate "2024-09-02"^^xsd:date .
      BIND(sh:NodeShape AS ?shapes)  # the shapes are not in the graph; the prefix still resolves
      <https://w3id.org/battery-kg/ontology> dcterms:license ?license }"""
    result = cli("query", "--out", str(seed_output.root), sparql)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "yes"
