"""Review candidate facts: list them, accept them into the reviewed facts and the registry, or reject them.

Accepting moves a candidate graph from ``data/candidates/<id>.trig`` to ``data/facts/<id>.trig`` (appended,
as a reviewed assertion with its quote; the extraction run stays inside the graph as provenance). A new
entity's declaration also goes to ``data/registry.ttl``, with a comment naming the source and the sentence.
Accepting a fact accepts the declarations of the new entities it uses. Rejecting removes the candidate and
remembers its id, so re-ingesting the article does not propose it again. The files of one accept or reject
are written together: if one fails, the others are put back (see :mod:`graph.ingest.changes`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from ..errors import UsageError
from ..facts import parse_rdf_file, read_facts
from ..folders import DataLayout
from ..namespace import BKG, SOURCE
from ..terms import compact
from .candidates import Candidate, read_rejected, rejected_path, render_trig
from .changes import FileChanges

__all__ = ["pending", "accept", "reject", "review_text", "ReviewOutcome"]

_PROVENANCE_PREDICATES = {"http://www.w3.org/ns/prov#wasGeneratedBy", "http://www.w3.org/ns/prov#used",
                          str(BKG.extractor)}


@dataclass
class ReviewOutcome:
    """What an accept or reject did: candidate ids, entities added to the registry, files written."""

    ids: list[str]
    registered: list[str]
    written: list[str]


def pending(layout: DataLayout, source_id: str | None = None) -> dict[str, list[Candidate]]:
    """The candidates awaiting review, per article (new entities first)."""
    found: dict[str, list[Candidate]] = {}
    if not layout.candidates.is_dir():
        return found
    for path in sorted(layout.candidates.glob("*.trig")):
        if source_id and path.stem != source_id:
            continue
        assertions, _ = read_facts(path, layout, BKG.Extracted)
        items = [Candidate(a.iri, a.quotes, a.triples, a.confidence) for a in assertions]
        items.sort(key=lambda c: (not c.is_entity, c.quotes[0] if c.quotes else "", str(c.iri)))
        found[path.stem] = items
    return found


def _facts_of(candidate: Candidate) -> list[tuple]:
    """The triples of a candidate without the extraction-run bookkeeping."""
    return [t for t in candidate.triples if str(t[1]) not in _PROVENANCE_PREDICATES
            and not (t[1] == RDF.type and t[2] == BKG.ExtractionRun)]


def _shown(term) -> str:
    """A term as a reviewer reads it: ``bk:x``, ``"Chairman"``, ``"2024-09-01"^^xsd:date``."""
    if isinstance(term, Literal):
        text = json.dumps(str(term), ensure_ascii=False)
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^{compact(term.datatype)}" if term.datatype else text
    return compact(term)


def review_text(layout: DataLayout, source_id: str | None = None) -> str:
    """The candidates as text for a reviewer: grouped by article, new entities first, each with its sentence."""
    lines: list[str] = []
    for source, items in pending(layout, source_id).items():
        lines.append(f"== {source}: {len(items)} candidate{'s' if len(items) != 1 else ''}")
        for candidate in items:
            what = "new entity" if candidate.is_entity else "fact"
            lines.append(f"[{candidate.id}] {what}, confidence {candidate.confidence}")
            for quote in candidate.quotes:
                lines.append(f"    \u201c{quote if len(quote) <= 240 else quote[:237] + '...'}\u201d")
            for s, p, o in sorted(_facts_of(candidate)):
                lines.append(f"    {compact(s)} {compact(p)} {_shown(o)}")
        lines.append("")
    return "\n".join(lines) if lines else "no candidates to review"


def _select(layout: DataLayout, ids: list[str], article: str | None) -> dict[str, list[Candidate]]:
    everything = pending(layout, article)
    if article and article not in everything:
        raise UsageError(f"no candidates for article {article!r} in {layout.display(layout.candidates)}")
    if article and not ids:
        return everything
    wanted = {i.removeprefix(str(SOURCE)) for i in ids}
    chosen: dict[str, list[Candidate]] = {}
    for source, items in everything.items():
        for candidate in items:
            if candidate.id in wanted:
                chosen.setdefault(source, []).append(candidate)
                wanted.discard(candidate.id)
    if wanted:
        raise UsageError("no such candidate: " + ", ".join(sorted(wanted)) + " (see `batterykg review`)")
    return chosen


def _write_candidates(layout: DataLayout, source: str, remaining: list[Candidate], change: FileChanges,
                      written: list[str]) -> None:
    path = layout.candidates / f"{source}.trig"
    if remaining:
        header = (change.read(path) or "").split("@prefix", 1)[0]
        text = render_trig(remaining, extracted=True)
        change.write(path, header + text[text.index("@prefix"):])
        written.append(layout.display(path))
    else:
        change.remove(path)
        written.append(f"{layout.display(path)} (removed: nothing left to review)")


_REGISTRY_HEADER = """# The entities source {source} brought to the registry (accepted from its candidates, or added by
# hand): one IRI per real thing, its class, one English rdfs:label, a Chinese rdfs:label@zh where known,
# other names as skos:altLabel, its place. Facts about them live in data/facts/<source id>.trig.
@prefix bkg: <https://w3id.org/battery-kg/ontology#> .
@prefix bk: <https://w3id.org/battery-kg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
"""


def accept(layout: DataLayout, ids: list[str], article: str | None = None) -> ReviewOutcome:
    """Accept candidates (by id, or all of ``article``) into the reviewed facts, and their new entities into
    the article's registry file (``data/registry/<source id>.ttl``)."""
    with layout.lock():
        return _accept(layout, ids, article)


def _accept(layout: DataLayout, ids: list[str], article: str | None) -> ReviewOutcome:
    chosen = _select(layout, ids, article)
    everything = pending(layout)
    outcome = ReviewOutcome([], [], [])
    change = FileChanges()  # facts, candidates and registry are written together, or not at all
    registry = Graph()
    for path in layout.registry_files:
        for triple in parse_rdf_file(path, layout.display(path), "turtle"):
            registry.add(triple)
    registry_blocks: dict[str, list[str]] = {}
    for source, items in chosen.items():
        entity_graphs = {c.iri: c for c in everything[source] if c.is_entity}
        declared = {s: c for c in entity_graphs.values() for s, p, o in _facts_of(c) if p == RDF.type}
        selected = {c.iri: c for c in items}
        # a fact needs the declarations of the new entities it uses
        for candidate in list(selected.values()):
            for s, _, o in _facts_of(candidate):
                for term in (s, o):
                    if isinstance(term, URIRef) and term in declared and declared[term].iri not in selected:
                        selected[declared[term].iri] = declared[term]
        # and a declared place needs its containing place's declaration
        changed = True
        while changed:
            changed = False
            for candidate in list(selected.values()):
                for _s, _p, o in _facts_of(candidate):
                    if candidate.is_entity and isinstance(o, URIRef) and o in declared and \
                            declared[o].iri not in selected:
                        selected[declared[o].iri] = declared[o]
                        changed = True
        accepted = sorted(selected.values(), key=lambda c: (not c.is_entity, str(c.iri)))
        facts_path = layout.facts / f"{source}.trig"
        existing = {str(a.iri) for a in read_facts(facts_path, layout)[0]} if facts_path.exists() else set()
        new_facts = [Candidate(c.iri, c.quotes, c.triples) for c in accepted if str(c.iri) not in existing]
        for candidate in accepted:
            if not candidate.is_entity:
                continue
            triples = [t for t in _facts_of(candidate) if t not in registry]
            if not triples:
                continue
            subject = triples[0][0]
            quote = candidate.quotes[0] if candidate.quotes else ""
            block = [f"# Accepted from source {source} ({candidate.id}): \u201c{quote[:200]}\u201d"]
            block += [f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in sorted(triples)]
            registry_blocks.setdefault(source, []).append("\n".join(block))
            outcome.registered.append(compact(subject))
        if new_facts:
            old = change.read(facts_path) or ""
            block = render_trig(new_facts, extracted=False,
                                header=f"Reviewed facts accepted from the candidates of source {source}.")
            change.write(facts_path, (old.rstrip("\n") + "\n\n" if old else "") + block)
            outcome.written.append(layout.display(facts_path))
        remaining = [c for c in everything[source] if c.iri not in selected]
        _write_candidates(layout, source, remaining, change, outcome.written)
        outcome.ids += [c.id for c in accepted]
    for source, blocks in registry_blocks.items():  # the entities an article brought, in its registry file
        path = layout.registry_part(source)
        old = change.read(path) or _REGISTRY_HEADER.format(source=source)
        change.write(path, old.rstrip("\n") + "\n\n" + "\n\n".join(blocks) + "\n")
        outcome.written.append(layout.display(path))
    change.apply()
    return outcome


def reject(layout: DataLayout, ids: list[str], article: str | None = None) -> ReviewOutcome:
    """Drop candidates (by id, or all of ``article``) for good; ingesting the article again does not bring them
    back."""
    with layout.lock():
        return _reject(layout, ids, article)


def _reject(layout: DataLayout, ids: list[str], article: str | None) -> ReviewOutcome:
    """Reject candidates (by id, or all of ``article``): drop them and remember not to propose them again.

    Rejecting a new entity rejects the candidate facts that use it, and the entities inside it.
    """
    chosen = _select(layout, ids, article)
    everything = pending(layout)
    outcome = ReviewOutcome([], [], [])
    change = FileChanges()
    for source, items in chosen.items():
        gone = {c.iri for c in items}
        # a rejected entity takes with it the candidates that use it (they could not be stated without it)
        dropped = {s for c in items if c.is_entity for s, p, _ in _facts_of(c) if p == RDF.type}
        while dropped:
            more = set()
            for candidate in everything[source]:
                if candidate.iri in gone:
                    continue
                terms = {t for s, _, o in _facts_of(candidate) for t in (s, o)}
                if terms & dropped:
                    gone.add(candidate.iri)
                    items.append(candidate)
                    if candidate.is_entity:
                        more |= {s for s, p, _ in _facts_of(candidate) if p == RDF.type}
            dropped = more
        remembered = read_rejected(layout, source) | {str(i) for i in gone}
        path: Path = rejected_path(layout, source)
        change.write(path, json.dumps(sorted(remembered), indent=2) + "\n")
        _write_candidates(layout, source, [c for c in everything[source] if c.iri not in gone], change,
                          outcome.written)
        outcome.written.append(layout.display(path))
        outcome.ids += [c.id for c in items]
    change.apply()
    return outcome
