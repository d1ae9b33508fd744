"""The closed BKG namespace matches the terms ontology/battery.ttl defines."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF

from graph.folders import ontology_file
from graph.namespace import BKG


def test_namespace_and_ontology_define_the_same_terms():
    ontology = Graph().parse(ontology_file())
    prefix = str(BKG._NS)
    defined = {str(s)[len(prefix):] for s in ontology.subjects(RDF.type, None) if str(s).startswith(prefix)}
    assert defined == set(BKG.__annotations__)


def test_every_term_has_an_english_label_and_comment():
    from rdflib.namespace import RDFS

    ontology = Graph().parse(ontology_file())
    for name in BKG.__annotations__:
        term = BKG[name]
        assert ontology.value(term, RDFS.label) is not None, name
        assert ontology.value(term, RDFS.comment) is not None, name


def test_every_class_reaches_a_standard_vocabulary_or_is_declared_our_own():
    ontology = Graph().parse(ontology_file())
    own = {BKG.InvestmentProject, BKG.Technology, BKG.FactStatus, BKG.Score, BKG.Community}
    for cls in ontology.subjects(RDF.type, OWL.Class):
        if cls in own:
            continue
        supers = set(ontology.transitive_objects(cls, __import__("rdflib").RDFS.subClassOf))
        assert any(not str(s).startswith(str(BKG._NS)) for s in supers), cls


def _subclasses(ontology: Graph, name: str) -> set[str]:
    """``name`` and every bkg class below it in the ontology (transitively), as local names."""
    from rdflib.namespace import RDFS

    prefix = str(BKG._NS)
    return {str(c)[len(prefix):] for c in ontology.transitive_subjects(RDFS.subClassOf, BKG[name])
            if str(c).startswith(prefix)}


def test_the_list_of_entity_classes_is_closed_under_the_ontologys_subclasses():
    """A subclass added to the ontology under an entity class needs a place in ENTITY_CLASSES: the build counts
    entities by the list, the projections kind their nodes by it and graph.stats counts entities from it."""
    from graph.namespace import ENTITY_CLASSES

    ontology = Graph().parse(ontology_file())
    assert set(ENTITY_CLASSES) <= set(BKG.__annotations__)
    for name in ENTITY_CLASSES:
        assert _subclasses(ontology, name) <= set(ENTITY_CLASSES), name


def test_the_organisation_classes_are_organization_and_its_subclasses():
    from graph.namespace import ORGANISATION_CLASSES

    ontology = Graph().parse(ontology_file())
    assert ORGANISATION_CLASSES == _subclasses(ontology, "Organization")
    assert "Publisher" not in ORGANISATION_CLASSES  # a publisher is a schema:Organization, not one of ours
