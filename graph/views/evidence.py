"""What the views say about each entity: its facts, key facts and source sentences, read with SPARQL.

Views never parse Turtle: everything here comes from the store, from the assertion graphs
(``GRAPH ?a { ?s ?p ?o }``) and the provenance graph that links each assertion to its sentences.

>>> from graph.store import EmbeddedStore
>>> store = EmbeddedStore.create(None)
>>> store.load_nquads(SMALL_EXAMPLE)
>>> details = entity_details(store)
>>> details["https://w3id.org/battery-kg/id/acme"].facts
['Acme — partner of — Beta Corp']
>>> [s["headline"] for s in details["https://w3id.org/battery-kg/id/acme"].sources]
['Acme teams up']
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef

from ..namespace import BASE

__all__ = [
    "EntityDetails", "entity_details", "assertion_evidence", "local_name", "class_counts", "source_list",
    "relation_label", "label_map",
]

_BKG = BASE + "ontology#"
_DATE_PROPERTIES = {"startDate", "endDate", "signingDate", "datePublished", "foundingDate", "date"}
#: Properties whose object is a node with schema:value (an amount or a quantity).
_SKIP_SUBJECT_CLASSES = {"MonetaryAmount", "QuantitativeValue"}


@dataclass
class EntityDetails:
    """Facts about one entity, ready to show."""

    iri: str
    label: str = ""
    kind: str = ""
    facts: list[str] = field(default_factory=list)
    key_facts: list[str] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``.../ontology#partnerOf`` → ``partnerOf``."""
    return re.split(r"[#/]", str(iri).rstrip("/#"))[-1]


def relation_label(iri: str, labels: dict[str, str] | None = None) -> str:
    """A readable name for a property: its rdfs:label, else its local name in words.

    >>> relation_label("https://schema.org/containedInPlace")
    'contained in place'
    """
    if labels and str(iri) in labels:
        return labels[str(iri)]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local_name(iri)).lower()


def _number(value) -> str:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,}"


def _rows(store, sparql: str) -> list[tuple]:
    return store.query(sparql).rows


def label_map(store) -> dict[str, str]:
    """The English label of every IRI that has one (``rdfs:label``)."""
    found: dict[str, str] = {}
    for s, label in _rows(store, "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label"):
        if isinstance(s, URIRef):
            # prefer the English label; otherwise the first in order
            if str(s) not in found or (isinstance(label, Literal) and label.language == "en"):
                found[str(s)] = str(label)
    return found


def _kinds(store) -> dict[str, str]:
    kinds: dict[str, str] = {}
    rows = _rows(store, f"SELECT ?s ?c WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?c), '{_BKG}')) }} ORDER BY ?s ?c")
    for s, c in rows:
        kinds.setdefault(str(s), local_name(c))
    return kinds


def _values(store) -> dict[str, str]:
    """Amounts and quantities as text: ``95,250,000,000 CNY``, ``27 companies``."""
    rows = _rows(store, """
        SELECT ?n ?value ?currency ?unit WHERE {
          ?n schema:value ?value .
          OPTIONAL { ?n schema:currency ?currency } OPTIONAL { ?n schema:unitText ?unit }
        } ORDER BY ?n""")
    return {str(n): " ".join(filter(None, [_number(value), str(currency or "") or str(unit or "")]))
            for n, value, currency, unit in rows}


def assertion_evidence(store) -> dict[str, list[dict]]:
    """The sentences behind each assertion: ``{assertion IRI: [{source, headline, date, publisher, text}]}``."""
    rows = _rows(store, """
        SELECT ?a ?id ?headline ?date ?publisher ?text ?start WHERE {
          ?a a bkg:Assertion ; bkg:source ?article ; bkg:evidence ?sentence .
          ?sentence schema:text ?text .
          OPTIONAL { ?sentence bkg:startOffset ?start }
          OPTIONAL { ?article bkg:sourceId ?id }
          OPTIONAL { ?article schema:headline ?headline }
          OPTIONAL { ?article schema:datePublished ?date }
          OPTIONAL { ?article schema:publisher/rdfs:label ?publisher }
        } ORDER BY ?a ?start ?text ?publisher""")
    found: dict[str, list[dict]] = defaultdict(list)
    seen: dict[str, set] = defaultdict(set)
    for a, sid, headline, date, publisher, text, _ in rows:
        key = (str(sid or ""), str(text))
        if key in seen[str(a)]:  # a second label of the publisher: the first is kept
            continue
        seen[str(a)].add(key)
        item = {"source": str(sid or ""), "headline": str(headline or ""), "date": str(date or ""),
                "publisher": str(publisher or ""), "text": str(text)}
        found[str(a)].append(item)
    return found


def entity_details(store, *, labels: dict[str, str] | None = None,
                   evidence: dict[str, list[dict]] | None = None) -> dict[str, EntityDetails]:
    """Facts, key facts (dates, amounts, observations) and source sentences of every entity in the store.

    Parameters
    ----------
    store : the store to read
    labels, evidence : optional
        :func:`label_map` and :func:`assertion_evidence` of the store, when the caller has them already.

    Returns
    -------
    dict
        ``{iri: EntityDetails}`` for every subject or IRI object of a fact in an assertion graph.
    """
    labels = label_map(store) if labels is None else labels
    kinds = _kinds(store)
    values = _values(store)
    evidence = assertion_evidence(store) if evidence is None else evidence
    quads = _rows(store, """
        SELECT ?a ?s ?p ?o WHERE { ?a a bkg:Assertion . GRAPH ?a { ?s ?p ?o } }
        ORDER BY ?a ?s ?p ?o""")
    facts: dict[str, set] = defaultdict(set)
    key_facts: dict[str, set] = defaultdict(set)
    sources: dict[str, list] = defaultdict(list)
    cited: dict[str, set] = defaultdict(set)  # (source, sentence) pairs already in sources[iri]
    observations: dict[str, dict] = defaultdict(dict)

    def name(term) -> str:
        if isinstance(term, URIRef):
            return values.get(str(term)) or labels.get(str(term)) or local_name(term)
        return str(term)

    def cite(iri: str, assertion: str) -> None:
        for item in evidence.get(assertion, ()):
            key = (item["source"], item["text"])
            if key not in cited[iri]:
                cited[iri].add(key)
                sources[iri].append(item)

    for a, s, p, o in quads:
        s_iri, p_iri, assertion = str(s), str(p), str(a)
        if kinds.get(s_iri) in _SKIP_SUBJECT_CLASSES or s_iri in values:
            continue
        prop = local_name(p_iri)
        if kinds.get(s_iri) == "Observation":
            observations[s_iri][prop] = observations[s_iri].get(prop, []) + [o]
            if prop == "about":
                cite(str(o), assertion)
            continue
        if p_iri.endswith("22-rdf-syntax-ns#type") or p_iri.endswith("rdf-schema#label"):
            continue
        relation = relation_label(p_iri, labels)
        text = f"{name(s)} — {relation} — {name(o)}"
        facts[s_iri].add(text)
        cite(s_iri, assertion)
        if isinstance(o, URIRef) and str(o) not in values:
            facts[str(o)].add(text)
            cite(str(o), assertion)
        elif prop in _DATE_PROPERTIES or str(o) in values or (
                isinstance(o, Literal) and o.datatype is not None and str(o.datatype).endswith("#date")):
            key_facts[s_iri].add(f"{relation}: {name(o)}")
    for obs, props in observations.items():
        indicator = " ".join(str(v) for v in props.get("indicator", [])) or labels.get(obs, local_name(obs))
        amount = " ".join(filter(None, [" ".join(str(v) for v in props.get("qualifier", [])),
                                        " and ".join(name(v) for v in props.get("quantity", []))]))
        period = "–".join(str(v) for v in props.get("startDate", []) + props.get("endDate", []))
        text = f"{indicator}: {amount}" + (f" ({period})" if period else "")
        for about in props.get("about", []):
            key_facts[str(about)].add(text)
    iris = set(facts) | set(key_facts) | set(sources)
    return {
        iri: EntityDetails(
            iri=iri,
            label=labels.get(iri, local_name(iri)),
            kind=kinds.get(iri, ""),
            facts=sorted(facts.get(iri, ())),
            key_facts=sorted(key_facts.get(iri, ())),
            sources=sorted(sources.get(iri, []), key=lambda d: (d["date"], d["source"], d["text"])),
        )
        for iri in sorted(iris)
    }


def class_counts(store) -> list[tuple[str, int]]:
    """``(class local name, number of instances)`` for every class of our ontology, most first."""
    rows = _rows(store, f"""
        SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?c), '{_BKG}')) }}
        GROUP BY ?c""")
    return sorted(((local_name(c), int(n)) for c, n in rows), key=lambda item: (-item[1], item[0]))


def source_list(store) -> list[dict]:
    """The articles the graph is built from: id, headline, date, publisher, url, number of assertions."""
    rows = _rows(store, """
        SELECT ?id ?headline ?date ?publisher ?url (COUNT(DISTINCT ?a) AS ?n) WHERE {
          ?article a bkg:Article .
          OPTIONAL { ?article bkg:sourceId ?id }
          OPTIONAL { ?article schema:headline ?headline }
          OPTIONAL { ?article schema:datePublished ?date }
          OPTIONAL { ?article schema:publisher/rdfs:label ?publisher }
          OPTIONAL { ?article schema:url ?url }
          OPTIONAL { ?a bkg:source ?article }
        } GROUP BY ?id ?headline ?date ?publisher ?url ORDER BY ?date ?id""")
    return [{"source": str(i or ""), "headline": str(h or ""), "date": str(d or ""), "publisher": str(p or ""),
             "url": str(u or ""), "assertions": int(n)} for i, h, d, p, u, n in rows]


def _example_nquads() -> bytes:
    """A tiny store for the examples: two companies, one partnership, one sentence."""
    bk, bkg, src = BASE + "id/", BASE + "ontology#", BASE + "source/s1"
    rdf_type, label = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2000/01/rdf-schema#label"
    registry, provenance = BASE + "graph/registry", BASE + "graph/provenance"
    quads = [
        (f"<{bk}acme>", f"<{rdf_type}>", f"<{bkg}Company>", registry),
        (f"<{bk}acme>", f"<{label}>", '"Acme"@en', registry),
        (f"<{bk}beta>", f"<{rdf_type}>", f"<{bkg}Company>", registry),
        (f"<{bk}beta>", f"<{label}>", '"Beta Corp"@en', registry),
        (f"<{bkg}partnerOf>", f"<{label}>", '"partner of"@en', BASE + "graph/ontology"),
        (f"<{bk}acme>", f"<{bkg}partnerOf>", f"<{bk}beta>", f"{src}/a01"),
        (f"<{src}/a01>", f"<{rdf_type}>", f"<{bkg}Assertion>", provenance),
        (f"<{src}/a01>", f"<{bkg}source>", f"<{src}>", provenance),
        (f"<{src}/a01>", f"<{bkg}evidence>", f"<{src}/s1>", provenance),
        (f"<{src}/s1>", "<https://schema.org/text>", '"Acme and Beta Corp agreed to work together."', provenance),
        (f"<{src}>", f"<{rdf_type}>", f"<{bkg}Article>", provenance),
        (f"<{src}>", f"<{bkg}sourceId>", '"s1"', provenance),
        (f"<{src}>", "<https://schema.org/headline>", '"Acme teams up"', provenance),
    ]
    # each quad in its named graph and in the default graph (the store's materialised union)
    return "".join(f"{s} {p} {o} <{g}> .\n{s} {p} {o} .\n" for s, p, o, g in quads).encode()


SMALL_EXAMPLE = _example_nquads()
