"""The ontology's human-readable page and coverage table keep up with the ontology, shapes, queries and tests."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF, SH

from graph import ontology_doc
from graph.folders import ontology_file, shapes_file
from graph.terms import compact

TESTS = Path(__file__).resolve().parents[1]
QUERIES = Path(ontology_doc.__file__).resolve().parent / "sparql" / "saved"


def coverage_rows() -> list[list[str]]:
    """The cells of each row of the table in ontology/COVERAGE.md (header and rule left out)."""
    text = ontology_file().with_name("COVERAGE.md").read_text(encoding="utf-8")
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == ["relation", "term", "shape", "saved query", "tests"]
    return rows[1:]


def names(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def test_the_generated_ontology_page_is_up_to_date():
    committed = ontology_file().with_name("battery.md").read_text(encoding="utf-8")
    assert committed == ontology_doc.render(), "run `python -m graph.ontology_doc` and commit ontology/battery.md"


def test_every_relation_has_a_row_in_the_coverage_table():
    terms = {term for row in coverage_rows() for term in names(row[1])}
    ontology = Graph().parse(ontology_file())
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith("https://w3id.org/battery-kg/ontology#"):
            assert compact(prop) in terms, compact(prop)


def test_every_term_and_shape_the_table_names_exists():
    ontology = Graph().parse(ontology_file())
    shapes = Graph().parse(shapes_file())
    defined = {compact(s) for s in ontology.subjects(RDF.type, None)}
    node_shapes = {"bks:" + str(s).rsplit("#", 1)[1] for s in shapes.subjects(RDF.type, SH.NodeShape)}
    for row in coverage_rows():
        for term in names(row[1]) + names(row[2]):
            if term.startswith("bkg:"):
                assert term in defined, f"{row[0]}: {term} is not in ontology/battery.ttl"
            if term.startswith("bks:"):
                assert term in node_shapes, f"{row[0]}: {term} is not in ontology/shapes.ttl"


def test_every_saved_query_the_table_names_exists():
    for row in coverage_rows():
        for name in names(row[3]):
            assert (QUERIES / f"{name}.rq").is_file(), f"{row[0]}: no saved query graph/sparql/saved/{name}.rq"


def test_every_test_the_table_names_exists():
    sources = {path.stem: path.read_text(encoding="utf-8") for path in TESTS.rglob("test_*.py")}
    for row in coverage_rows():
        cited = names(row[4])
        assert cited, f"{row[0]}: no test"
        for reference in cited:
            if "::" not in reference:
                assert (TESTS.parent / reference).is_dir(), f"{row[0]}: no folder {reference}"
                continue
            module, function = reference.split("::")
            assert module in sources, f"{row[0]}: no test module {module}"
            assert re.search(rf"^def {function}\(", sources[module], re.M), f"{row[0]}: no test {reference}"
