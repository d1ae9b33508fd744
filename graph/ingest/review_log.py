"""The review log: what the extractor proposed for an article, against what review accepted — the running,
honest measure of extraction on news nobody tuned for.

When ``batterykg ingest`` writes an article's candidates it also records the first pass in
``data/review-log/<source id>.json``: the extractor, the language, the entities it proposed (IRI, label, kind)
and the relations (subject, property, object IRIs). Review then accepts, corrects or rejects candidates and
adds by hand what was missed; ``data/facts/<source id>.trig`` holds the result. :func:`review_scores` compares
the two for every article whose candidates are all reviewed:

* **entities**: the proposed entities (the kinds the gold annotates) against the entities the reviewed facts
  name;
* **relations**: the proposed relation triples against the reviewed ones with the same properties
  (``partnerOf`` and ``signedAgreementWith`` in either direction; ``schema:location`` and
  ``schema:containedInPlace`` as one "located in"), leaving out the places' own hierarchy (a city in its
  province), which is the gazetteer's knowledge rather than what the article states.

A proposed entity is the reviewed one of the same IRI or, where review gave the entity another IRI (a better
English name, an entity the registry already held under another), the one that has the proposed name among
its names: the extractor found it, under a name review changed. A relation corrected in review, or an entity
review did not keep, counts as a miss of the first pass, as it should.

>>> from graph.folders import DataLayout
>>> report = review_scores(DataLayout.default())
>>> sorted(report["overall"])
['entities', 'relations']
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from ..facts import parse_quads
from ..folders import DataLayout
from ..names import normalise
from ..namespace import BK, BKG, ORGANISATION_CLASSES, SDO
from .evaluate import GOLD_TYPES, Score
from .extractor import Extraction, predicate_of
from .reader import is_source_of

__all__ = ["first_pass", "review_scores", "RELATION_PROPERTIES", "review_log_path"]

_CURIE = {"bkg": str(BKG), "schema": str(SDO)}
#: The properties the extractor's relation kinds become: what the relation scores compare.
RELATION_PROPERTIES = {str(BKG[p]) for p in ("partnerOf", "signedAgreementWith", "investor", "host", "subsidiaryOf",
                                             "produces", "suppliesTo", "guestOfHonour")} | \
    {str(SDO[p]) for p in ("organizer", "attendee", "worksFor", "containedInPlace", "location")}
_ATTENDEE_ROLES = {str(BKG[p]) for p in ("exhibitor", "speaker", "keynoteSpeaker", "delegation")}
_SYMMETRIC = {str(BKG.partnerOf), str(BKG.signedAgreementWith)}
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

#: Places, country down to district: their hierarchy is the gazetteer's knowledge (left out of the relation
#: scores), and the gold's kind ``Place`` stands for any of them.
_PLACES = {str(BKG[c]) for c in ("Country", "Province", "City", "District", "AdministrativeArea", "Place")}
#: The classes of the reviewed entities the first pass is scored on: those of the kinds the gold annotates
#: (GOLD_TYPES), as the registry types them: the kind ``Organization`` stands for every organisation class, and
#: ``Place`` for the places above. Deliberately narrower than ENTITY_CLASSES: no events other than conferences,
#: no facilities, technologies or publishers, which the gold does not annotate and the log does not record.
_ENTITY_CLASSES = {str(BKG[c]) for c in GOLD_TYPES | ORGANISATION_CLASSES} | _PLACES


def review_log_path(layout: DataLayout, source_id: str) -> Path:
    return layout.root / "review-log" / f"{source_id}.json"


def first_pass(source_id: str, extraction: Extraction, extractor_name: str, language: str) -> str:
    """The review log's record of what the extractor proposed for one article (JSON text)."""
    entities = [{"iri": e.iri, "label": e.label, "kind": e.kind} for e in extraction.entities
                if e.kind in GOLD_TYPES]
    by_key = {e.key: e for e in extraction.entities}
    relations = []
    for r in extraction.relations:
        subject, obj = by_key[r.subject], by_key[r.object]
        predicate, inverse = predicate_of(r.kind, subject, obj)
        prefix, local = predicate.split(":")
        s, o = (obj.iri, subject.iri) if inverse else (subject.iri, obj.iri)
        relations.append([s, _CURIE[prefix] + local, o])
    record = {"source": source_id, "extractor": extractor_name, "language": language,
              "entities": sorted(entities, key=lambda e: e["iri"]),
              "relations": sorted(map(list, {tuple(r) for r in relations}))}
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def _reviewed(path: Path, layout: DataLayout) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The entities and relation triples of one article's reviewed facts."""
    quads = parse_quads(path, layout.display(path), "trig")
    named = [q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)]
    registry, _ = _registry(layout)
    entities, relations = set(), set()
    for q in named:
        s, p, o = q.subject.value, q.predicate.value, q.object
        if not isinstance(o, ox.NamedNode):
            continue
        p = str(SDO.attendee) if p in _ATTENDEE_ROLES else p
        if p in RELATION_PROPERTIES:
            relations.add((s, p, o.value))
        for node in (s, o.value):
            if node.startswith(str(BK)) and registry.get(node, set()) & _ENTITY_CLASSES:
                entities.add(node)
    return entities, relations


_REGISTRY_CACHE: dict[Path, tuple[tuple, tuple[dict, dict]]] = {}


def _registry(layout: DataLayout) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Every registry entity's classes, and its names (labels and other names, any language) normalised: read in
    one pass, again only when a registry file changed."""
    files = layout.registry_files
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in files)
    cached = _REGISTRY_CACHE.get(layout.root)
    if cached and cached[0] == stamp:
        return cached[1]
    classes: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for path in files:
        for q in parse_quads(path, layout.display(path), "turtle"):
            if q.predicate.value == _TYPE:
                classes[q.subject.value].add(q.object.value)
            elif q.predicate.value in (_LABEL, _ALT) and isinstance(q.object, ox.Literal):
                names[q.subject.value].add(normalise(q.object.value))
    _REGISTRY_CACHE[layout.root] = (stamp, (classes, names))
    return classes, names


def _same(triple: tuple[str, str, str]) -> tuple:
    s, p, o = triple
    p = _LOCATED if p == _CONTAINED else p
    return (p, frozenset((s, o))) if p in _SYMMETRIC else (s, p, o)


_LOCATED, _CONTAINED = str(SDO.location), str(SDO.containedInPlace)


def _compared(triples, classes: dict[str, set[str]]) -> set[tuple]:
    """The relation triples compared: a place's own hierarchy left out, the rest in one form."""
    return {_same(t) for t in triples if not (t[1] in (_LOCATED, _CONTAINED) and classes.get(t[0], set()) & _PLACES)}


def review_scores(layout: DataLayout) -> dict:
    """The first pass against the reviewed facts: per article, per language and overall.

    An article counts once its candidates are all reviewed (no ``data/candidates/<id>.trig`` left) and it has
    reviewed facts; the others are listed as pending.

    Articles the extractor was tuned on (the seeds and the development set: a gold file in ``data/gold/`` or
    ``data/gold/dev/``) are totalled apart from the others: only the others measure extraction on news nobody
    tuned for.

    Returns
    -------
    dict
        ``{"articles": {id: {"language", "extractor", "tuned", "entities": scores, "relations": scores}},
        "languages": {language: {part: scores}}, "untuned": {language: {part: scores}}, "overall": {part:
        scores}, "pending": [ids]}``; ``languages`` and ``overall`` count every reviewed article, ``untuned`` the
        articles nobody tuned on.
    """
    gold_names = {p.stem for folder in (layout.gold, layout.gold / "dev") if folder.is_dir()
                  for p in folder.glob("*.json")}

    def tuned_on(source: str) -> bool:  # its gold file is named by its source id, or by the file it was made of
        return any(is_source_of(source, name) for name in gold_names)

    untuned: dict[str, dict[str, Score]] = {}
    folder = layout.root / "review-log"
    articles, pending = {}, []
    languages: dict[str, dict[str, Score]] = {}
    overall = {"entities": Score(), "relations": Score()}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        record = json.loads(path.read_text(encoding="utf-8"))
        source = record["source"]
        facts = layout.facts / f"{source}.trig"
        if (layout.candidates / f"{source}.trig").exists() or not facts.exists():
            pending.append(source)
            continue
        entities, relations = _reviewed(facts, layout)
        classes, names = _registry(layout)
        by_name = {name: iri for iri in sorted(entities) for name in names.get(iri, ())}
        mapped = {e["iri"]: e["iri"] if e["iri"] in entities else by_name.get(normalise(e["label"]), e["iri"])
                  for e in record["entities"]}
        proposed_entities = set(mapped.values())
        proposed = _compared([(mapped.get(s, s), p, mapped.get(o, o)) for s, p, o in record["relations"]], classes)
        accepted = _compared(relations, classes)
        scores = {"entities": Score(len(proposed_entities & entities), len(proposed_entities - entities),
                                    len(entities - proposed_entities)),
                  "relations": Score(len(proposed & accepted), len(proposed - accepted), len(accepted - proposed))}
        language = languages.setdefault(record["language"], {"entities": Score(), "relations": Score()})
        tuned = tuned_on(source)
        fresh = untuned.setdefault(record["language"], {"entities": Score(), "relations": Score()}) \
            if not tuned else {"entities": Score(), "relations": Score()}
        for part, score in scores.items():
            overall[part] += score
            language[part] += score
            fresh[part] += score
        articles[source] = {"language": record["language"], "extractor": record["extractor"],
                            "tuned": tuned,
                            **{part: score.as_dict() for part, score in scores.items()}}
    return {"articles": articles,
            "languages": {lang: {k: v.as_dict() for k, v in parts.items()}
                          for lang, parts in sorted(languages.items())},
            "untuned": {lang: {k: v.as_dict() for k, v in parts.items()} for lang, parts in sorted(untuned.items())},
            "overall": {k: v.as_dict() for k, v in overall.items()}, "pending": pending}
