"""What the graph holds, measured against the corpus targets: articles by language and year, publishers,
entities, organisations, reviewed facts and the cities and districts of Sichuan and Chongqing with a project
or facility.

``batterykg stats`` prints them; ``tests/curation/test_curation.py`` checks them on a built graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from .namespace import ENTITY_CLASSES, ORGANISATION_CLASSES
from .sparql import query

__all__ = ["corpus_stats", "TARGETS", "Target"]


@dataclass(frozen=True)
class Target:
    """A figure the corpus should reach: its key, what it is, and the least value."""

    key: str
    label: str
    least: int


#: The floor the real corpus must reach (issue 15).
TARGETS = [
    Target("articles", "real articles", 120),
    Target("articles_zh", "of them Chinese", 40),
    Target("publishers", "publishers", 20),
    Target("years", "years 2019-2026 present", 8),
    Target("entities", "entities", 800),
    Target("organisations", "organisations", 300),
    Target("reviewed_facts", "reviewed facts", 3000),
    Target("places_with_projects", "cities or districts of Sichuan and Chongqing with a project or facility", 20),
]

#: The entity classes an entity of the ecosystem may have: every one but Publisher. A publisher is where
#: articles come from, counted under ``publishers``; it counts as an entity only when it is an organisation of
#: the ecosystem too (a company that also publishes news), which the query below checks.
_ENTITY_CLASSES = " ".join(f"bkg:{c}" for c in ENTITY_CLASSES if c != "Publisher")
#: The organisation classes (a publisher is not one: see above).
_ORGANISATION_CLASSES = " ".join(f"bkg:{c}" for c in sorted(ORGANISATION_CLASSES))


def _one(sparql: str, store) -> int:
    rows = query(sparql, store).rows
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def corpus_stats(store) -> dict:
    """The figures of a built store, with the targets each meets.

    Returns
    -------
    dict
        ``{"figures": {key: value}, "languages": {lang: n}, "years": {year: n}, "targets": [{"key", "label",
        "least", "value", "met"}]}``. An article counts in the year it was published; one its page leaves
        undated counts in the year of the latest signing its reviewed facts report (it cannot predate what it
        reports as signed), and ``undated_articles_dated_by_signing`` says how many did; ``undated_articles``
        counts the others, in no year. Reviewed facts are the
        triples of reviewed assertion graphs (each with the sentence that states it:
        ``reviewed_assertions_without_sentence`` counts the exceptions, 0 when the build holds).
    """
    articles = query("""
        SELECT ?article ?language ?date ?publisher ?signed WHERE {
          ?article a bkg:Article .
          OPTIONAL { ?article schema:inLanguage ?language }
          OPTIONAL { ?article schema:datePublished ?date }
          OPTIONAL { ?article schema:publisher ?publisher }
          OPTIONAL { SELECT ?article (MAX(?day) AS ?signed) WHERE {
                       ?g a bkg:Assertion ; bkg:status bkg:Reviewed ; bkg:source ?article .
                       GRAPH ?g { ?project bkg:signingDate ?day } } GROUP BY ?article }
        }""", store).rows
    languages: dict[str, int] = {}
    years: dict[str, int] = {}
    publishers = set()
    dated_by_signing = undated = 0
    for _, language, date, publisher, signed in articles:
        languages[str(language or "en")] = languages.get(str(language or "en"), 0) + 1
        if date is None and signed is not None:
            date, dated_by_signing = signed, dated_by_signing + 1
        if date is not None:
            years[str(date)[:4]] = years.get(str(date)[:4], 0) + 1
        else:
            undated += 1
        if publisher is not None:
            publishers.add(str(publisher))
    entities = _one(f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
        VALUES ?top {{ {_ENTITY_CLASSES} }} ?e a ?c . ?c rdfs:subClassOf* ?top .
        FILTER NOT EXISTS {{ ?e a bkg:Publisher .
                             FILTER NOT EXISTS {{ VALUES ?organisation {{ {_ORGANISATION_CLASSES} }}
                                                 ?e a ?other . ?other rdfs:subClassOf* ?organisation }} }}
        FILTER(STRSTARTS(STR(?e), STR(bk:))) }}""", store)
    organisations = _one(f"""SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
        VALUES ?top {{ {_ORGANISATION_CLASSES} }} ?e a ?c . ?c rdfs:subClassOf* ?top .
        FILTER(STRSTARTS(STR(?e), STR(bk:))) }}""", store)
    reviewed = _one("""SELECT (COUNT(*) AS ?n) WHERE {
        ?g bkg:status bkg:Reviewed . GRAPH ?g { ?s ?p ?o } }""", store)
    unsourced = _one("""SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {
        ?g bkg:status bkg:Reviewed . FILTER NOT EXISTS { ?g bkg:evidence ?sentence } }""", store)
    places = _one("""SELECT (COUNT(DISTINCT ?place) AS ?n) WHERE {
        VALUES ?region { bk:sichuan bk:chongqing }
        VALUES ?kind { bkg:City bkg:District }
        ?place a ?kind ; schema:containedInPlace+ ?region .
        VALUES ?thing { bkg:InvestmentProject bkg:Facility }
        ?x a ?thing ; (schema:location|schema:containedInPlace)/schema:containedInPlace* ?place .
        FILTER EXISTS { GRAPH ?g { ?x ?p ?o } ?g bkg:status bkg:Reviewed } }""", store)
    figures = {"articles": len(articles), "articles_zh": languages.get("zh", 0), "publishers": len(publishers),
               "years": len({y for y in years if "2019" <= y <= "2026"}), "entities": entities,
               "organisations": organisations, "reviewed_facts": reviewed,
               "reviewed_assertions_without_sentence": unsourced,
               "undated_articles_dated_by_signing": dated_by_signing, "undated_articles": undated,
               "places_with_projects": places}
    targets = [{"key": t.key, "label": t.label, "least": t.least, "value": figures[t.key],
                "met": figures[t.key] >= t.least} for t in TARGETS]
    return {"figures": figures, "languages": dict(sorted(languages.items())), "years": dict(sorted(years.items())),
            "targets": targets}
