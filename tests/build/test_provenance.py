"""Every fact lives in the named graph of an assertion, and reaches the exact sentence that states it."""

from __future__ import annotations

from graph.folders import DataLayout
from graph.sources import load_sources


def test_every_fact_reaches_its_sentence_text_and_offsets(seed_store):
    sources = load_sources(DataLayout.default())
    rows = seed_store.query("""
        SELECT ?id ?text ?start ?end WHERE {
          GRAPH ?a { ?s ?p ?o }
          ?a bkg:evidence ?sentence ; bkg:source/bkg:sourceId ?id .
          ?sentence schema:text ?text ; bkg:startOffset ?start ; bkg:endOffset ?end }""").rows
    assert rows
    for source_id, text, start, end in rows:
        assert sources[str(source_id)].text[int(start):int(end)] == str(text)


def test_no_assertion_without_evidence(seed_store):
    rows = seed_store.query("""
        SELECT ?a WHERE { GRAPH ?a { ?s ?p ?o } FILTER(STRSTARTS(STR(?a), STR(src:)))
                          FILTER NOT EXISTS { ?a bkg:evidence ?sentence } }""").rows
    assert rows == []


def test_each_assertion_graph_belongs_to_the_article_it_cites(seed_store):
    rows = seed_store.query("""
        SELECT ?a ?id WHERE { ?a a bkg:Assertion ; bkg:source/bkg:sourceId ?id }""").rows
    assert rows
    for assertion, source_id in rows:
        assert str(assertion).startswith(f"https://w3id.org/battery-kg/source/{source_id}/")


def test_exencell_partnership_is_traced_to_the_teamed_up_sentence(seed_store):
    rows = seed_store.query("""
        SELECT ?text ?id WHERE {
          GRAPH ?a { bk:exencell bkg:partnerOf bk:tecloman }
          ?a bkg:evidence/schema:text ?text ; bkg:source/bkg:sourceId ?id }""").rows
    assert [(str(i)) for _t, i in rows] == ["000_f60388011d6d32ce"]
    assert "EXENCELL teamed up with 27 key partner companies" in str(rows[0][0])


def test_no_entity_of_the_ecosystem_without_a_source(seed_store):
    rows = seed_store.query("""
        SELECT ?e WHERE {
          GRAPH kgg:registry { ?e a ?c } ?c rdfs:subClassOf* ?top .
          VALUES ?top { schema:Organization schema:Person schema:Event schema:Place bkg:InvestmentProject bkg:Technology }
          FILTER NOT EXISTS { ?e a bkg:Publisher }
          FILTER NOT EXISTS { GRAPH ?a { { ?e ?p ?o } UNION { ?x ?q ?e } } ?a a bkg:Assertion } }""").rows
    assert rows == []


def test_facts_stated_by_two_sources_count_once_in_the_default_graph(seed_store):
    rows = seed_store.query("""
        SELECT (COUNT(*) AS ?n) WHERE { bk:world-power-battery-conference-2024 schema:startDate ?d }""").rows
    assert int(rows[0][0]) == 1
    support = seed_store.query("""
        SELECT (COUNT(DISTINCT ?id) AS ?n) WHERE {
          GRAPH ?a { bk:world-power-battery-conference-2024 schema:startDate ?d }
          ?a bkg:source/bkg:sourceId ?id }""").rows
    assert int(support[0][0]) == 2


def test_every_named_graph_is_known(seed_store):
    graphs = {str(r[0]) for r in seed_store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows}
    special = {f"https://w3id.org/battery-kg/graph/{name}" for name in ("ontology", "registry", "provenance", "analysis")}
    assert all(g in special or g.startswith("https://w3id.org/battery-kg/source/") for g in graphs)


def test_every_seed_assertion_is_reviewed_and_has_one_source(seed_store):
    """The shipped facts were read by a person: each assertion graph is bkg:Reviewed, from one article."""
    rows = seed_store.query("""
        SELECT ?a (SAMPLE(?status) AS ?s) (COUNT(DISTINCT ?article) AS ?articles) WHERE {
          ?a a bkg:Assertion ; bkg:status ?status ; bkg:source ?article } GROUP BY ?a""").rows
    graphs = seed_store.query("""
        SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(src:))) }""").rows
    assert len(rows) == int(graphs[0][0]) > 30
    assert {str(status) for _a, status, _n in rows} == {"https://w3id.org/battery-kg/ontology#Reviewed"}
    assert {int(n) for _a, _s, n in rows} == {1}
