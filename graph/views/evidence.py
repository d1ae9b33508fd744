"""What the views say about each entity: its names, facts, key facts and source sentences, read with SPARQL.

Views never parse Turtle: everything here comes from the store, from the assertion graphs
(``GRAPH ?a { ?s ?p ?o }``) and the provenance graph that links each assertion to its sentences. Rows are
read as plain strings (:func:`graph.analysis.projections.select_strings`), straight from Oxigraph.

>>> from graph.example_graphs import SMALL_EXAMPLE
>>> from graph.store import EmbeddedStore
>>> store = EmbeddedStore.create(None)
>>> store.load_nquads(SMALL_EXAMPLE)
>>> details = entity_details(store)
>>> details["https://w3id.org/battery-kg/id/acme"].facts
['Acme — partner of — Beta Corp']
>>> details["https://w3id.org/battery-kg/id/acme"].fact_years     # the source's publication year
[2024]
>>> [s["headline"] for s in details["https://w3id.org/battery-kg/id/acme"].sources]
['Acme teams up']
>>> names(store)["https://w3id.org/battery-kg/id/acme"]
('阿克米', ['ACME Ltd'])
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..analysis.projections import select_strings
from ..namespace import BASE, local_name

__all__ = [
    "EntityDetails", "entity_details", "assertion_evidence", "local_name", "class_counts", "source_list",
    "relation_label", "label_map", "names", "label_rows",
]

_BKG = BASE + "ontology#"
_DATE_PROPERTIES = {"startDate", "endDate", "signingDate", "datePublished", "foundingDate", "date"}
#: Properties whose object is a node with schema:value (an amount or a quantity).
_SKIP_SUBJECT_CLASSES = {"MonetaryAmount", "QuantitativeValue"}
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
#: The classes of the records whose triples are read as parts of an entity's facts.
_RECORD_CLASSES = ("MonetaryAmount", "QuantitativeValue", "Observation")


@dataclass
class EntityDetails:
    """Facts about one entity, ready to show; ``fact_years[i]`` is the year ``facts[i]`` dates from."""

    iri: str
    label: str = ""
    kind: str = ""
    facts: list[str] = field(default_factory=list)
    key_facts: list[str] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    fact_years: list[int | None] = field(default_factory=list)


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


def _year(text) -> int | None:
    head = str(text or "")[:4]
    return int(head) if len(head) == 4 and head.isdigit() else None


_LABELS = """
    SELECT ?s ?p ?label (LANG(?label) AS ?lang) WHERE {
      VALUES ?p { rdfs:label skos:altLabel } ?s ?p ?label }"""


def _label_rows(store) -> list[tuple]:
    return select_strings(store, _LABELS, iris=("s",))


def label_map(store, rows: list[tuple] | None = None) -> dict[str, str]:
    """The English label of every IRI that has one (``rdfs:label``; without an English one, the smallest).
    ``rows``: what :func:`names` read already, to read the labels once."""
    found: dict[str, tuple[bool, str]] = {}
    for s, p, label, lang in _label_rows(store) if rows is None else rows:
        if s is None or label is None or not p.endswith("#label"):
            continue
        key = (lang != "en" and not (lang or "").startswith("en-"), label)
        if s not in found or key < found[s]:
            found[s] = key
    return {s: key[1] for s, key in found.items()}


def names(store, rows: list[tuple] | None = None) -> dict[str, tuple[str | None, list[str]]]:
    """``{iri: (Chinese name, other names)}`` of every IRI with a Chinese ``rdfs:label`` or a
    ``skos:altLabel``: the Chinese name is its ``rdfs:label@zh`` (any ``zh-*`` tag), the other names its
    ``skos:altLabel`` values in every language and its labels in languages other than English and Chinese."""
    zh: dict[str, str] = {}
    others: dict[str, set] = defaultdict(set)
    for s, p, label, lang in _label_rows(store) if rows is None else rows:
        if s is None or not label:
            continue
        lang = (lang or "").lower()
        chinese = lang == "zh" or lang.startswith("zh-")
        if p.endswith("#label"):
            if chinese:
                if s not in zh or label < zh[s]:
                    if s in zh:
                        others[s].add(zh[s])
                    zh[s] = label
                else:
                    others[s].add(label)
            elif lang and lang != "en" and not lang.startswith("en-"):
                others[s].add(label)
        else:
            others[s].add(label)
    return {s: (zh.get(s), sorted(others.get(s, set()) - {zh.get(s)})) for s in sorted(set(zh) | set(others))}


def label_rows(store) -> list[tuple]:
    """The rows :func:`label_map` and :func:`names` read: pass them to both to read the store once."""
    return _label_rows(store)


def _kinds(store, classes: tuple[str, ...] | None = None) -> dict[str, str]:
    """``{IRI: local name of its class}`` for the instances of our ontology's classes (of ``classes`` only,
    when given: far fewer rows than every typed sentence, article and assertion)."""
    kinds: dict[str, str] = {}
    if classes is None:
        query = f"SELECT ?s ?c WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?c), '{_BKG}')) }}"
    else:
        query = f"SELECT ?s ?c WHERE {{ VALUES ?c {{ {' '.join(f'bkg:{c}' for c in classes)} }} ?s a ?c }}"
    rows = select_strings(store, query, iris=("s",))
    for s, c in sorted(rows, key=lambda row: (row[0] or "", row[1] or "")):
        if s is not None:
            kinds.setdefault(s, local_name(c))
    return kinds


def _values(store) -> dict[str, str]:
    """Amounts and quantities as text: ``95,250,000,000 CNY``, ``27 companies``."""
    rows = select_strings(store, """
        SELECT ?n ?value ?currency ?unit WHERE {
          ?n schema:value ?value .
          OPTIONAL { ?n schema:currency ?currency } OPTIONAL { ?n schema:unitText ?unit }
        }""")
    found: dict[str, str] = {}
    for n, value, currency, unit in sorted(rows, key=lambda row: tuple(v or "" for v in row)):
        found.setdefault(n, " ".join(filter(None, [_number(value), currency or unit or ""])))
    return found


def assertion_evidence(store) -> dict[str, list[dict]]:
    """The sentences behind each assertion: ``{assertion IRI: [{source, headline, date, publisher, text}]}``,
    in the order the sentences stand in their article."""
    articles: dict[str, tuple] = {}
    rows = select_strings(store, """
        SELECT ?article ?id ?headline ?date ?publisher WHERE {
          ?article a bkg:Article .
          OPTIONAL { ?article bkg:sourceId ?id }
          OPTIONAL { ?article schema:headline ?headline }
          OPTIONAL { ?article schema:datePublished ?date }
          OPTIONAL { ?article schema:publisher/rdfs:label ?publisher }
        }""")
    for article, sid, headline, date, publisher in sorted(rows, key=lambda row: tuple(v or "" for v in row)):
        articles.setdefault(article, (sid or "", headline or "", date or "", publisher or ""))  # its first label
    # the sentences, without repeating their article's four columns on every row
    rows = select_strings(store, """
        SELECT ?a ?article ?text ?start WHERE {
          ?a a bkg:Assertion ; bkg:source ?article ; bkg:evidence ?sentence .
          ?sentence schema:text ?text .
          OPTIONAL { ?sentence bkg:startOffset ?start }
        }""")
    unknown = ("", "", "", "")

    def order(row):
        a, article, text, start = row
        return a, int(start) if start and start.isdigit() else -1, text, articles.get(article, unknown)[3]

    found: dict[str, list[dict]] = defaultdict(list)
    seen: dict[str, set] = defaultdict(set)
    for a, article, text, _ in sorted(rows, key=order):
        sid, headline, date, publisher = articles.get(article, unknown)
        key = (sid, text)
        if key in seen[a]:
            continue
        seen[a].add(key)
        found[a].append({"source": sid, "headline": headline, "date": date, "publisher": publisher, "text": text})
    return found


def entity_details(store, *, labels: dict[str, str] | None = None,
                   evidence: dict[str, list[dict]] | None = None,
                   dates: dict[str, str] | None = None, only: set[str] | None = None,
                   kinds: dict[str, str] | None = None) -> dict[str, EntityDetails]:
    """Facts, key facts (dates, amounts, observations) and source sentences of every entity in the store.

    Parameters
    ----------
    store : the store to read
    labels, evidence : optional
        :func:`label_map` and :func:`assertion_evidence` of the store, when the caller has them already.
    dates : dict, optional
        ``{IRI: ISO date}`` of the dated events and projects
        (:meth:`~graph.analysis.projections.NetworkData.statements`).
        A fact dates from the event or project it touches, else from the earliest article stating it — as
        the network analysis dates edges.
    only : set of IRIs, optional
        List the facts and sentences of these entities only (every entity still gets its key facts).
    kinds : dict, optional
        ``{IRI: class local name}`` of the entities (:attr:`~graph.analysis.projections.NetworkData.kinds` has them),
        when
        the caller has them: then only amounts and observations are looked up.

    Returns
    -------
    dict
        ``{iri: EntityDetails}`` for every subject or IRI object of a fact in an assertion graph.
    """
    labels = label_map(store) if labels is None else labels
    kinds = _kinds(store) if kinds is None else {**kinds, **_kinds(store, _RECORD_CLASSES)}
    values = _values(store)
    evidence = assertion_evidence(store) if evidence is None else evidence
    dates = dates or {}
    quads = select_strings(store, """
        SELECT ?a ?s ?p ?o (DATATYPE(?o) AS ?type) WHERE { ?a a bkg:Assertion . GRAPH ?a { ?s ?p ?o } }""")
    quads.sort(key=lambda row: tuple(v or "" for v in row))
    facts: dict[str, dict[str, int | None]] = defaultdict(dict)  # iri → fact → its year
    key_facts: dict[str, set] = defaultdict(set)
    sources: dict[str, list] = defaultdict(list)
    cited: dict[str, set] = defaultdict(set)  # (source, sentence) pairs already in sources[iri]
    observations: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    published: dict[str, int | None] = {}

    def name(term: str, is_iri: bool) -> str:
        if is_iri:
            return values.get(term) or labels.get(term) or local_name(term)
        return term

    def cite(iri: str, assertion: str) -> None:
        if only is not None and iri not in only:
            return
        for item in evidence.get(assertion, ()):
            key = (item["source"], item["text"])
            if key not in cited[iri]:
                cited[iri].add(key)
                sources[iri].append(item)

    def first_published(assertion: str) -> int | None:
        if assertion not in published:
            years = [y for y in (_year(item["date"]) for item in evidence.get(assertion, ())) if y is not None]
            published[assertion] = min(years) if years else None
        return published[assertion]

    def add_fact(iri: str, text: str, year: int | None) -> None:
        if only is not None and iri not in only:
            return
        known = facts[iri]
        if text not in known or (year is not None and (known[text] is None or year < known[text])):
            known[text] = year

    properties: dict[str, tuple[str, str, bool]] = {}  # predicate → (local name, label, skipped)
    for a, s, p, o, datatype in quads:
        is_iri = datatype is None
        kind = kinds.get(s)
        if kind in _SKIP_SUBJECT_CLASSES or s in values:
            continue
        known = properties.get(p)
        if known is None:
            known = properties[p] = (local_name(p), relation_label(p, labels),
                                     p.endswith("22-rdf-syntax-ns#type") or p.endswith("rdf-schema#label"))
        prop, relation, skipped = known
        if kind == "Observation":
            observations[s][prop].append((o, is_iri))
            if prop == "about":
                cite(o, a)
            continue
        if skipped or (only is not None and s not in only and (not is_iri or o not in only)
                       and prop not in _DATE_PROPERTIES and datatype != _XSD_DATE and o not in values):
            continue
        text = f"{name(s, True)} — {relation} — {name(o, is_iri)}"
        year = _year(dates.get(s) or (dates.get(o) if is_iri else None)) or first_published(a)
        add_fact(s, text, year)
        cite(s, a)
        if is_iri and o not in values:
            add_fact(o, text, year)
            cite(o, a)
        elif prop in _DATE_PROPERTIES or o in values or datatype == _XSD_DATE:
            key_facts[s].add(f"{relation}: {name(o, is_iri)}")
    def joined(props: dict, prop: str, sep: str = " ") -> str:
        return sep.join(sorted(name(v, is_iri) for v, is_iri in props.get(prop, [])))

    for obs, props in observations.items():
        indicator = joined(props, "indicator") or labels.get(obs, local_name(obs))
        amount = " ".join(filter(None, [joined(props, "qualifier"), joined(props, "quantity", " and ")]))
        period = "–".join(sorted(v for v, _ in props.get("startDate", []))
                          + sorted(v for v, _ in props.get("endDate", [])))
        text = f"{indicator}: {amount}" + (f" ({period})" if period else "")
        for about, _ in props.get("about", []):
            key_facts[about].add(text)
    iris = set(facts) | set(key_facts) | set(sources)
    found = {}
    for iri in sorted(iris):
        ordered = sorted(facts.get(iri, {}).items())
        found[iri] = EntityDetails(
            iri=iri,
            label=labels.get(iri, local_name(iri)),
            kind=kinds.get(iri, ""),
            facts=[text for text, _ in ordered],
            fact_years=[year for _, year in ordered],
            key_facts=sorted(key_facts.get(iri, ())),
            sources=sorted(sources.get(iri, []), key=lambda d: (d["date"], d["source"], d["text"])),
        )
    return found


def class_counts(store) -> list[tuple[str, int]]:
    """``(class local name, number of instances)`` for every class of our ontology, most first."""
    rows = select_strings(store, f"""
        SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?c), '{_BKG}')) }}
        GROUP BY ?c""")
    return sorted(((local_name(c), int(n)) for c, n in rows), key=lambda item: (-item[1], item[0]))


def source_list(store) -> list[dict]:
    """The articles the graph is built from: id, headline, date, publisher, url, number of assertions."""
    rows = select_strings(store, """
        SELECT ?id ?headline ?date ?publisher ?url (COUNT(DISTINCT ?a) AS ?n) WHERE {
          ?article a bkg:Article .
          OPTIONAL { ?article bkg:sourceId ?id }
          OPTIONAL { ?article schema:headline ?headline }
          OPTIONAL { ?article schema:datePublished ?date }
          OPTIONAL { ?article schema:publisher/rdfs:label ?publisher }
          OPTIONAL { ?article schema:url ?url }
          OPTIONAL { ?a bkg:source ?article }
        } GROUP BY ?id ?headline ?date ?publisher ?url""")
    found = [{"source": i or "", "headline": h or "", "date": d or "", "publisher": p or "", "url": u or "",
              "assertions": int(n)} for i, h, d, p, u, n in rows]
    return sorted(found, key=lambda s: (s["date"], s["source"], s["headline"], s["publisher"], s["url"]))
