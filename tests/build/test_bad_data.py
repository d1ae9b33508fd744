"""Bad data gets the documented exit code and a message naming the file; good outputs survive."""

from __future__ import annotations

from pathlib import Path

import pytest

FACTS = "000_f60388011d6d32ce.trig"


def build(cli, data, out):
    # run beside the data folder: messages name its files relative to the working directory (data/...)
    return cli("build", "--data", str(data.root), "--out", str(out), cwd=data.root.parent)


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_malformed_turtle_names_file_and_line_and_exits_2(cli, data_copy, tmp_path):
    path = data_copy.facts / FACTS
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[20] = lines[20] + " this is ; not turtle"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 2
    assert f"data/facts/{FACTS}:21:" in result.stderr
    assert "malformed TriG" in result.stderr and "not a valid predicate" in result.stderr  # the parser's message


def test_malformed_registry_exits_2(cli, data_copy, tmp_path):
    append(data_copy.registry, "\nbk:broken a bkg:Company ; rdfs:label \"unterminated .\n")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 2
    assert "data/registry.ttl" in result.stderr


def test_entity_without_label_exits_1_naming_the_registry(cli, data_copy, tmp_path):
    append(data_copy.registry, "\nbk:nameless-company a bkg:Company .\n")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert "data/registry.ttl" in result.stderr
    assert "bk:nameless-company" in result.stderr
    assert "rdfs:label" in result.stderr


def test_fact_about_an_unknown_entity_exits_1(cli, data_copy, tmp_path):
    append(data_copy.facts / FACTS, """
:a99 bkg:quote "The cases and advanced technologies and products of energy storage in all scenarios were presented to the government delegates." .
:a99 { bk:exencell bkg:partnerOf bk:no-such-company . }
""")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"data/facts/{FACTS}" in result.stderr and "bk:no-such-company" in result.stderr


def test_lower_case_currency_exits_1_naming_the_facts_file(cli, data_copy, tmp_path):
    path = data_copy.facts / FACTS
    path.write_text(path.read_text(encoding="utf-8").replace('schema:currency "USD"', 'schema:currency "usd"'),
                    encoding="utf-8")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"data/facts/{FACTS}" in result.stderr and "schema:currency" in result.stderr


def test_missing_currency_exits_1_naming_the_facts_file(cli, data_copy, tmp_path):
    path = data_copy.facts / FACTS
    path.write_text(path.read_text(encoding="utf-8").replace('schema:currency "USD"', 'schema:name "dollars"'),
                    encoding="utf-8")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"data/facts/{FACTS}" in result.stderr and "schema:currency" in result.stderr
    assert "ISO 4217" in result.stderr


@pytest.mark.parametrize("unit", ["m2", "square meters", "gwh"])
def test_a_unit_outside_the_closed_list_exits_1_naming_the_file_and_the_value(cli, data_copy, tmp_path, unit):
    """Units are a closed list (ontology/shapes.ttl): "m2" and "square meters" are "square metres"."""
    path = data_copy.facts / FACTS
    text = path.read_text(encoding="utf-8")
    assert 'schema:unitText "km2"' in text
    path.write_text(text.replace('schema:unitText "km2"', f'schema:unitText "{unit}"', 1), encoding="utf-8")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"data/facts/{FACTS}" in result.stderr and f'value "{unit}"' in result.stderr
    assert "closed list" in result.stderr and "ontology/shapes.ttl" in result.stderr


def test_date_that_is_not_a_date_exits_1(cli, data_copy, tmp_path):
    path = data_copy.facts / FACTS
    path.write_text(path.read_text(encoding="utf-8").replace('"2023-12-28"^^xsd:date', '"December 28"'),
                    encoding="utf-8")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"data/facts/{FACTS}" in result.stderr and "schema:startDate" in result.stderr


def test_impossible_date_exits_1(cli, data_copy, tmp_path):
    path = data_copy.facts / FACTS
    path.write_text(path.read_text(encoding="utf-8").replace('"2023-12-28"^^xsd:date', '"2023-13-45"^^xsd:date'),
                    encoding="utf-8")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"data/facts/{FACTS}" in result.stderr


def test_quote_not_in_the_article_exits_1(cli, data_copy, tmp_path):
    path = data_copy.facts / FACTS
    path.write_text(path.read_text(encoding="utf-8").replace(
        "delivered a captivating presentation", "delivered a boring presentation"), encoding="utf-8")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert "is not in the text of data/sources/000_f60388011d6d32ce.txt" in result.stderr


def test_facts_outside_an_assertion_graph_exit_1(cli, data_copy, tmp_path):
    append(data_copy.facts / FACTS, "\nbk:exencell bkg:partnerOf bk:byd .\n")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 1
    assert "outside any assertion graph" in result.stderr


def test_bad_metadata_date_exits_2_naming_the_field(cli, data_copy, tmp_path):
    meta = data_copy.sources / "003_a93420692c2367a5.json"
    meta.write_text(meta.read_text(encoding="utf-8").replace('"2024-02-21"', '"21/02/2024"'), encoding="utf-8")
    result = build(cli, data_copy, tmp_path / "out")
    assert result.returncode == 2
    assert "003_a93420692c2367a5.json" in result.stderr and "datePublished" in result.stderr


def test_a_failed_build_leaves_the_previous_outputs_untouched(cli, data_copy, tmp_path):
    out = tmp_path / "out"
    assert build(cli, data_copy, out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.glob("battery-kg.*")}
    append(data_copy.registry, "\nbk:nameless-company a bkg:Company .\n")
    assert build(cli, data_copy, out).returncode == 1
    assert {p.name: p.read_bytes() for p in out.glob("battery-kg.*")} == before
    query = cli("query", "--out", str(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert query.returncode == 0 and int(query.stdout.split()[1]) > 1000
    assert not list(out.glob(".*tmp")) and not list(out.glob(".store-*"))
