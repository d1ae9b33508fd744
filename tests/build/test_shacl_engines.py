"""Issue 8: our shapes compiled to SPARQL (graph.build.shacl, for large graphs) report what pySHACL reports.

pySHACL is the reference; every SHACL feature the compiler translates is exercised here on data that breaks
it and data that keeps it, and so is every constraint of ontology/shapes.ttl on mutations of the seed data.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from graph.build.assembly import assemble
from graph.build.shacl import UnsupportedShape, compile_shapes
from graph.build.validate import load_shapes, validate
from graph.folders import DataLayout
from graph.terms import compact, to_rdflib

PREFIXES = """@prefix ex: <http://example.org/> . @prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""

FEATURE_SHAPES = PREFIXES + """
ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
  sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ; sh:minLength 2 ;
                sh:maxLength 20 ; sh:pattern "^[A-Z]" ; sh:message "name" ] ,
    [ sh:path ex:age ; sh:datatype xsd:integer ; sh:minInclusive 0 ; sh:maxExclusive 150 ; sh:message "age" ] ,
    [ sh:path ex:height ; sh:maxInclusive 3.0 ; sh:minExclusive 0.2 ; sh:message "height" ] ,
    [ sh:path ex:born ; sh:datatype xsd:date ; sh:message "born" ] ,
    [ sh:path ex:knows ; sh:class ex:Person ; sh:nodeKind sh:IRI ; sh:message "knows" ] ,
    [ sh:path ex:email ; sh:minCount 2 ; sh:message "two emails" ] ,
    [ sh:path ex:label ; sh:languageIn ( "en" "fr" ) ; sh:message "label languages" ] ,
    [ sh:path ex:title ; sh:datatype rdf:langString ; sh:message "title has a language" ] ,
    [ sh:path ex:status ; sh:in ( ex:Active ex:Retired ) ; sh:message "status" ] ,
    [ sh:path ex:role ; sh:hasValue ex:Member ; sh:message "member" ] ,
    [ sh:path [ sh:inversePath ex:employs ] ; sh:maxCount 1 ; sh:message "one employer" ] ,
    [ sh:path [ sh:alternativePath ( ex:mobile ex:phone ) ] ; sh:maxCount 1 ; sh:message "one phone" ] ,
    [ sh:path [ sh:zeroOrMorePath ex:manager ] ; sh:class ex:Person ; sh:message "managers are persons" ] ,
    [ sh:path ( ex:address ex:city ) ; sh:minCount 1 ; sh:message "address city" ] ,
    [ sh:path ex:pet ; sh:or ( [ sh:class ex:Dog ] [ sh:class ex:Cat ] ) ; sh:message "pet" ] ,
    [ sh:path ex:friend ; sh:node ex:NamedShape ; sh:message "friend named" ] ,
    [ sh:path ex:nick ; sh:not [ sh:datatype xsd:integer ] ; sh:message "nick not int" ] ,
    [ sh:path ex:score ; sh:and ( [ sh:datatype xsd:decimal ] [ sh:minInclusive 0 ] ) ; sh:message "score" ] ,
    [ sh:path ex:parent ; sh:qualifiedValueShape [ sh:class ex:Person ] ; sh:qualifiedMinCount 1 ;
      sh:qualifiedMaxCount 2 ; sh:message "parents" ] ,
    [ sh:path ex:sibling ; sh:or ( [ sh:nodeKind sh:Literal ] [ sh:property [ sh:path ex:name ; sh:minCount 1 ] ] ) ;
      sh:message "sibling" ] .
ex:NamedShape a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
ex:PlaceShape a sh:NodeShape ; sh:targetClass ex:Place ; sh:message "reaches a country" ;
  sh:or ( [ sh:class ex:Country ]
          [ sh:path [ sh:oneOrMorePath ex:in ] ; sh:qualifiedValueShape [ sh:class ex:Country ] ;
            sh:qualifiedMinCount 1 ] ) .
ex:UsedShape a sh:NodeShape ; sh:targetObjectsOf ex:knows ; sh:targetSubjectsOf ex:employs ; sh:nodeKind sh:IRI ;
  sh:message "used things are typed IRIs" ; sh:property [ sh:path rdf:type ; sh:minCount 1 ; sh:message "typed" ] .
ex:CarlShape a sh:NodeShape ; sh:targetNode ex:carl ;
  sh:property [ sh:path ex:age ; sh:minCount 1 ; sh:message "carl has an age" ] .
ex:Off a sh:NodeShape ; sh:targetClass ex:Person ; sh:deactivated true ;
  sh:property [ sh:path ex:never ; sh:minCount 1 ; sh:message "off" ] .
ex:Warn a sh:NodeShape ; sh:targetClass ex:Person ; sh:severity sh:Warning ; sh:class ex:Nothing ;
  sh:message "a warning" ; sh:property [ sh:path ex:never ; sh:minCount 1 ; sh:severity sh:Info ;
  sh:message "information" ] , [ sh:path ex:height ; sh:minCount 1 ; sh:message "a violation in a warning shape" ] .
"""

FEATURE_DATA = PREFIXES + """
ex:Student rdfs:subClassOf ex:Person .
ex:alice a ex:Person ; ex:name "Alice" ; ex:email "a@x", "b@x" ; ex:address ex:home ; ex:role ex:Member ;
  ex:knows ex:bob ; ex:pet ex:rex ; ex:friend ex:bob ; ex:nick "Al" ; ex:score 3.5 ; ex:parent ex:bob ;
  ex:label "Alice"@en, "Alice"@fr-CA ; ex:title "Dr"@en ; ex:status ex:Active ; ex:born "1990-01-31"^^xsd:date ;
  ex:height 1.7 ; ex:sibling "Ann" ; ex:manager ex:carl ; ex:age 30 .
ex:home ex:city ex:paris .
ex:rex a ex:Dog .
ex:bob a ex:Student ; ex:name "bob", "Robert" ; ex:age -3 ; ex:knows ex:ghost, "Carol" ; ex:email "b@x" ;
  ex:label "Bob"@de, "plain" ; ex:title "Mr" ; ex:status ex:Gone ; ex:pet ex:tom ; ex:friend ex:nobody ;
  ex:nick 7 ; ex:score -1.5, "x" ; ex:parent ex:rex ; ex:born "1990-02-30"^^xsd:date, "yesterday" ;
  ex:height 9, "tall" ; ex:mobile "1" ; ex:phone "2" ; ex:sibling ex:nobody ; ex:manager ex:rex ;
  ex:age "old"^^xsd:integer, 150 .
ex:tom a ex:Bird .
ex:acme ex:employs ex:bob . ex:globex ex:employs ex:bob .
ex:ghost ex:knows "Dave" .
ex:carl a ex:Person ; ex:name "C" ; ex:parent ex:alice, ex:bob, ex:carl ; ex:email "c@x", "d@x" ;
  ex:address ex:nowhere ; ex:role ex:Guest .
ex:france a ex:Country . ex:paris a ex:Place ; ex:in ex:idf . ex:idf a ex:Place ; ex:in ex:france .
ex:atlantis a ex:Place ; ex:in ex:atlantis2 . ex:atlantis2 a ex:Place .
"""


def _ox_store(graph: Graph) -> ox.Store:
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    return store


def _pyshacl(data: Graph, shapes: Graph) -> set[tuple]:
    return {(v.focus, v.path if v.path and not v.path.startswith("n") else None, v.value, v.message)
            for v in validate(data, origins={}, shapes=shapes)}


def _compiled(data: Graph, shapes: Graph) -> set[tuple]:
    found = set()
    for r in compile_shapes(shapes).violations(_ox_store(data)):
        value = to_rdflib(r.value).n3() if r.value is not None and r.value != r.focus else None
        found.add((compact(to_rdflib(r.focus)), compact(r.path) if r.path is not None else None, value, r.message))
    return found


def _normalise_paths(results: set[tuple]) -> set[tuple]:
    """pySHACL names a complex path by its blank node; compare those results without their path."""
    return {(f, p if p is None or p.startswith(("<", "rdf", "rdfs", "bkg", "schema", "skos", "prov")) else None,
             v, m) for f, p, v, m in results}


def test_every_feature_the_compiler_translates_reports_what_pyshacl_reports():
    shapes = Graph().parse(data=FEATURE_SHAPES, format="turtle")
    data = Graph().parse(data=FEATURE_DATA, format="turtle")
    reference = _normalise_paths(_pyshacl(data, shapes))
    ours = _normalise_paths(_compiled(data, shapes))
    assert ours == reference
    messages = {m for _f, _p, _v, m in reference}
    # every constraint broke at least once, so the comparison covered it
    assert messages >= {"name", "age", "height", "born", "knows", "two emails", "label languages",
                        "title has a language", "status", "member", "one employer", "one phone",
                        "managers are persons", "address city", "pet", "friend named", "nick not int", "score",
                        "parents", "sibling", "reaches a country", "typed", "carl has an age",
                        "used things are typed IRIs", "a violation in a warning shape"}
    assert not messages & {"off", "a warning", "information"}


def test_alice_conforms_to_every_person_constraint():
    shapes = Graph().parse(data=FEATURE_SHAPES, format="turtle")
    data = Graph().parse(data=FEATURE_DATA, format="turtle")
    assert not {r for r in _compiled(data, shapes) if r[0] == "<http://example.org/alice>"}


@pytest.mark.parametrize("feature", ["sh:closed true", "sh:xone ( [ sh:class ex:A ] )", "sh:equals ex:p",
                                     "sh:uniqueLang true", "sh:sparql [ sh:select \"SELECT $this {}\" ]"])
def test_what_it_cannot_translate_is_refused_when_the_shapes_are_read(feature):
    shapes = Graph().parse(data=PREFIXES + f"ex:S a sh:NodeShape ; sh:targetClass ex:A ; {feature} .",
                           format="turtle")
    with pytest.raises(UnsupportedShape):
        compile_shapes(shapes)


def test_our_shapes_compile():
    compiled = compile_shapes(load_shapes())
    assert len(compiled.shapes) == len(set(load_shapes().subjects(URIRef("http://www.w3.org/ns/shacl#targetClass"))
                                             ) | set(load_shapes().subjects(
                                                 URIRef("http://www.w3.org/ns/shacl#targetSubjectsOf"))))


# Mutations of the seed data, each breaking one or more constraints of ontology/shapes.ttl.
FACTS = "000_f60388011d6d32ce.trig"
MUTATIONS = {
    "no label": ("registry", lambda t: t + "\nbk:nameless a bkg:Company .\n"),
    "two labels": ("registry", lambda t: t + '\nbk:twice a bkg:Company ; rdfs:label "A"@en, "B"@en .\n'),
    "two Chinese labels": ("registry", lambda t: t + '\nbk:twice-zh a bkg:Company ; rdfs:label "A"@en, "甲"@zh, '
                                                     '"乙"@zh .\n'),
    "a Chinese label only": ("registry", lambda t: t + '\nbk:only-zh a bkg:Company ; rdfs:label "甲"@zh .\n'),
    "a label in a third language": ("registry", lambda t: t + '\nbk:de a bkg:Company ; rdfs:label "A"@en, '
                                                              '"B"@de .\n'),
    "label without language": ("registry", lambda t: t + '\nbk:plain a bkg:Company ; rdfs:label "Plain" .\n'),
    "alias that is an IRI": ("registry", lambda t: t + '\nbk:odd a bkg:Company ; rdfs:label "Odd"@en ; '
                                                        "skos:altLabel bk:exencell .\n"),
    "unknown entity": ("facts", lambda t: t + '\n:a99 bkg:quote "Jeff YOU, Co-founder and CEO of EXENCELL, delivered '
                                               'a captivating presentation and answered delegates\' questions." .\n'
                                               ":a99 { bk:exencell bkg:partnerOf bk:no-such-company . }\n"),
    "partner that is a place": ("facts", lambda t: t + '\n:a99 bkg:quote "Jeff YOU, Co-founder and CEO of EXENCELL, '
                                                        'delivered a captivating presentation and answered delegates\' '
                                                        'questions." .\n:a99 { bk:exencell bkg:partnerOf bk:sichuan . }\n'),
    "partner that is a conference": ("facts", lambda t: t + '\n:a99 bkg:quote "Jeff YOU, Co-founder and CEO of '
                                                             'EXENCELL, delivered a captivating presentation and '
                                                             'answered delegates\' questions." .\n:a99 { '
                                                             'bk:energy-storage-conference-shanghai-2023 '
                                                             'bkg:partnerOf bk:exencell . }\n'),
    "lower-case currency": ("facts", lambda t: t.replace('schema:currency "USD"', 'schema:currency "usd"')),
    "missing currency": ("facts", lambda t: t.replace('schema:currency "USD"', 'schema:name "dollars"')),
    "date that is not a date": ("facts", lambda t: t.replace('"2023-12-28"^^xsd:date', '"December 28"')),
    "impossible date": ("facts", lambda t: t.replace('"2023-12-28"^^xsd:date', '"2023-13-45"^^xsd:date')),
    "second start date": ("facts", lambda t: t.replace('"2023-12-28"^^xsd:date', '"2023-12-28"^^xsd:date, '
                                                                                  '"2023-12-29"^^xsd:date')),
    "place without a country": ("registry", lambda t: t + '\nbk:nowhere a bkg:City ; rdfs:label "Nowhere"@en .\n'),
    "government of two places": ("registry", lambda t: t + '\nbk:twofold a bkg:GovernmentBody ; '
                                                           'rdfs:label "Twofold"@en ; bkg:governs bk:sichuan, '
                                                           "bk:chongqing .\n"),
}


@pytest.fixture(scope="module")
def seed_texts():
    layout = DataLayout.default()
    return {"registry": layout.registry.read_text(encoding="utf-8"),
            "facts": (layout.facts / FACTS).read_text(encoding="utf-8")}


def test_an_english_and_a_chinese_label_conform_for_both_engines(data_copy):
    data_copy.registry.write_text(data_copy.registry.read_text(encoding="utf-8") +
                                  '\nbk:both a bkg:Company ; rdfs:label "Both"@en, "两者"@zh ; skos:altLabel "两"@zh .\n',
                                  encoding="utf-8")
    union = assemble(data_copy).union()
    assert _pyshacl(union, load_shapes()) == set() == _compiled(union, load_shapes())


def test_the_seed_data_conforms_for_both_engines():
    assembly = assemble()
    union = assembly.union()
    assert validate(union, assembly.origins) == []
    assert _compiled(union, load_shapes()) == set()


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_broken_rule_of_our_shapes_is_reported_alike(name, seed_texts, data_copy):
    where, change = MUTATIONS[name]
    target = data_copy.registry if where == "registry" else data_copy.facts / FACTS
    changed = change(seed_texts[where])
    assert changed != seed_texts[where], "the mutation must change the data"
    target.write_text(changed, encoding="utf-8")
    union = assemble(data_copy).union()
    reference = _pyshacl(union, load_shapes())
    assert reference, "the mutation must break a rule"
    assert _compiled(union, load_shapes()) == reference


def test_checking_some_focus_nodes_finds_their_violations_only():
    """Incremental builds check the nodes a change touched, with the per-node form of each check."""
    shapes = compile_shapes(Graph().parse(data=FEATURE_SHAPES, format="turtle"))
    store = _ox_store(Graph().parse(data=FEATURE_DATA, format="turtle"))
    everything = {(r.focus, r.path, r.value, r.message) for r in shapes.violations(store)}
    nodes = {f for f, _p, _v, _m in everything} | {ox.NamedNode("http://example.org/alice")}
    assert {(r.focus, r.path, r.value, r.message) for r in shapes.violations(store, focus=nodes)} == everything
    bob = ox.NamedNode("http://example.org/bob")
    only_bob = {(r.focus, r.path, r.value, r.message) for r in shapes.violations(store, focus=[bob])}
    assert only_bob == {v for v in everything if v[0] == bob} and only_bob
