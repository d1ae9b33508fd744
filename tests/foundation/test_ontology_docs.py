"""The ontology's human-readable page and coverage table keep up with the ontology."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF

from graph import ontology_doc
from graph.layout import ontology_file
from graph.query import compact


def test_the_generated_ontology_page_is_up_to_date():
    committed = ontology_file().with_name("battery.md").read_text(encoding="utf-8")
    assert committed == ontology_doc.render(), "run `python -m graph.ontology_doc` and commit ontology/battery.md"


def test_every_relation_has_a_row_in_the_coverage_table():
    coverage = ontology_file().with_name("COVERAGE.md").read_text(encoding="utf-8")
    ontology = Graph().parse(ontology_file())
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith("https://w3id.org/battery-kg/ontology#"):
            assert f"`{compact(prop)}`" in coverage, compact(prop)
