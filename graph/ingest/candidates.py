"""Ingest an article: copy it to ``data/sources/`` and write its candidate facts to ``data/candidates/``.

Each candidate is a named graph of the article (``.../source/<id>/c-<hash>`` for a relation,
``.../e-<hash>`` for the declaration of an entity the registry does not know yet), with the sentence that
states it (``bkg:quote``), ``bkg:status bkg:Extracted`` and a ``bkg:confidence``; inside, the graph says
which extraction run (a ``bkg:ExtractionRun``, a ``prov:Activity`` naming the extractor and its version)
generated it. Graph names are hashes of their content, so ingesting the same article twice writes the same
bytes, and a candidate that was accepted or rejected is not proposed again.

>>> source_id_for("My Article.html", "some text")
'my-article_b94f6f125c79e3a5'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD

from ..errors import UsageError
from ..facts import read_facts
from ..folders import DataLayout
from ..namespace import AMOUNT, BK, BKG, SOURCE, source_iri
from .changes import FileChanges
from .chinese import english_name
from .chinese_text import is_chinese, to_simplified
from .extractor import ExtractedEntity, Extraction, Extractor, predicate_of, sentence_at
from .reader import RawArticle, source_id_stem
from .review_log import first_pass, review_log_path

__all__ = ["Candidate", "IngestResult", "source_id_for", "candidates_of", "render_trig", "ingest_article",
           "rejected_path", "read_rejected"]

_PREFIXES = {
    "bkg": "https://w3id.org/battery-kg/ontology#", "bk": str(BK), "amt": str(AMOUNT),
    "schema": "https://schema.org/", "rdfs": str(RDFS), "skos": str(SKOS), "prov": str(PROV), "xsd": str(XSD),
}
_CURIE = {"bkg": "https://w3id.org/battery-kg/ontology#", "schema": "https://schema.org/"}


@dataclass
class Candidate:
    """One candidate assertion: its graph IRI, sentence(s), confidence and triples."""

    iri: URIRef
    quotes: list[str]
    triples: list[tuple]
    confidence: Decimal | None = None
    start: int = 0

    @property
    def id(self) -> str:
        """``<source id>/<local name>``, as the review commands take it."""
        return str(self.iri)[len(str(SOURCE)):]

    @property
    def is_entity(self) -> bool:
        return self.id.rsplit("/", 1)[-1].startswith("e-")


@dataclass
class IngestResult:
    """What ingesting one article did (or, in a dry run, would do)."""

    source_id: str
    source: dict
    extraction: Extraction
    candidates: list[Candidate]
    written: list[str] = field(default_factory=list)
    unchanged: bool = False

    def as_dict(self) -> dict:
        found = {"source": self.source}
        found.update(self.extraction.as_dict())
        found["candidates"] = [{"id": c.id, "confidence": float(c.confidence) if c.confidence is not None else None,
                                "sentence": c.quotes[0] if c.quotes else None} for c in self.candidates]
        return found


def source_id_for(filename: str, text: str) -> str:
    """The source id of an article: its file name (as a slug) and the first 16 hex digits of the SHA-256 of
    its text."""
    return f"{source_id_stem(Path(filename).stem)}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def _term(term) -> str:
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in _PREFIXES.items():
            local = text[len(ns):]
            if text.startswith(ns) and local and all(c.isalnum() or c in "-_" for c in local) \
                    and local[0] not in "-_":
                return f"{prefix}:{local}"
        return f"<{text}>"
    if isinstance(term, Literal):
        if term.datatype == XSD.decimal:
            return f'"{term}"^^xsd:decimal'
        if term.datatype is not None:
            return f'"{term}"^^{_term(URIRef(term.datatype))}'
        escaped = json.dumps(str(term), ensure_ascii=False)
        return escaped + (f"@{term.language}" if term.language else "")
    return term.n3()


def render_trig(candidates: list[Candidate], extracted: bool, header: str = "") -> str:
    """Candidates as TriG text, deterministic: prefixes, then per graph its quotes (and, when ``extracted``,
    status and confidence) in the default graph and its triples in the named graph."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in _PREFIXES.items()]
    for candidate in candidates:
        lines.append("")
        graph = _term(candidate.iri)
        for quote in candidate.quotes:
            lines.append(f"{graph} bkg:quote {_term(Literal(quote))} .")
        if extracted:
            lines.append(f"{graph} bkg:status bkg:Extracted .")
            if candidate.confidence is not None:
                lines.append(f"{graph} bkg:confidence {_term(Literal(candidate.confidence, datatype=XSD.decimal))} .")
        lines.append(f"{graph} {{")
        for s, p, o in sorted(candidate.triples, key=lambda t: (_term(t[0]), _term(t[1]), _term(t[2]))):
            predicate = "a" if p == RDF.type else _term(p)
            lines.append(f"    {_term(s)} {predicate} {_term(o)} .")
        lines.append("}")
    return "\n".join(lines) + "\n"


def _hash(triples) -> str:
    canonical = "\n".join(sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]


def _declaration(entity_iri: str, extractor: Extractor, entity: ExtractedEntity | None) -> list[tuple]:
    """The registry triples of an entity the registry does not know: class, label, other names, place."""
    node = URIRef(entity_iri)
    known = extractor.knowledge.by_iri.get(entity_iri)
    cls = entity.cls if entity else known.cls
    label = entity.label if entity else known.label
    label_zh = (entity.label_zh if entity else None) or (known.label_zh if known else None)
    if is_chinese(label):  # a new entity named in Chinese: an English name is proposed for the reviewer to check
        label_zh, label = label, english_name(label, extractor.knowledge, cls if cls == "Person" else None)
    names = list(known.names + known.names_zh if known else []) + (entity.names if entity else [])
    triples = [(node, RDF.type, BKG[cls]), (node, RDFS.label, Literal(label, lang="en"))]
    if label_zh:
        triples.append((node, RDFS.label, Literal(label_zh, lang="zh")))
    for name in dict.fromkeys(to_simplified(n) for n in names):
        if name not in (label, label_zh) and not name.startswith(("Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Prof. ")):
            triples.append((node, SKOS.altLabel, Literal(name, lang="zh" if is_chinese(name) else "en")))
    governs = (entity.governs if entity else None) or (known.governs if known else None)
    if governs and cls == "GovernmentBody":
        triples.append((node, BKG.governs, URIRef(governs)))
    parent = (entity.parent if entity else None) or (known.parent if known else None)
    if parent and cls not in ("Country",) and (entity is None or entity.kind in ("Place", "IndustrialPark",
                                                                                   "Facility")):
        triples.append((node, SDO.containedInPlace, URIRef(parent)))
    return triples


def candidates_of(source_id: str, extraction: Extraction, extractor: Extractor,
                  existing: dict | None = None) -> list[Candidate]:
    """The candidate assertions of an extraction, ready to write.

    ``existing`` maps (entity, date property) to the values the data already states; a date that would
    contradict one is not proposed (an event has one start date).
    """
    existing = existing or {}
    article = source_iri(source_id)
    run = URIRef(f"{article}/run")
    text = extraction.text
    by_key = {e.key: e for e in extraction.entities}
    by_iri = {e.iri: e for e in extraction.entities}

    def sentence_of(offset: int) -> tuple[int, int]:
        return sentence_at(extraction.sentences, offset) or (offset, offset)

    def provenance(graph: URIRef) -> list[tuple]:
        return [(run, RDF.type, BKG.ExtractionRun), (run, BKG.extractor, Literal(extractor.name)),
                (run, PROV.used, article), (graph, PROV.wasGeneratedBy, run)]

    facts: list[tuple[list[tuple], tuple[int, int], float]] = []
    for relation in extraction.relations:
        subject, obj = by_key[relation.subject], by_key[relation.object]
        predicate, inverse = predicate_of(relation.kind, subject, obj)
        prefix, local = predicate.split(":")
        p = URIRef(_CURIE[prefix] + local)
        s, o = URIRef(subject.iri), URIRef(obj.iri)
        triples = [(o, p, s) if inverse else (s, p, o)]
        if relation.kind == "worksFor" and relation.detail.get("jobTitle"):
            triples.append((s, SDO.jobTitle, Literal(relation.detail["jobTitle"])))
        facts.append((triples, relation.sentence, relation.confidence))
    for amount, about in extraction.amounts:
        entity = by_key.get(about) if about else None
        if amount.currency and entity is not None and entity.kind == "InvestmentProject":
            node = AMOUNT[f"{amount.currency}-{amount.value}"]
            facts.append(([(URIRef(entity.iri), BKG.plannedInvestment, node), (node, RDF.type, SDO.MonetaryAmount),
                           (node, SDO.value, Literal(amount.value, datatype=XSD.decimal)),
                           (node, SDO.currency, Literal(amount.currency))], sentence_of(amount.start), 0.6))

    for key, (prop, values, span) in extraction.dated.items():
        node = URIRef(by_key[key].iri)
        if prop == "startDate":
            pairs = [(SDO.startDate, values[0])] + ([(SDO.endDate, values[-1])] if len(values) > 1 else [])
        else:
            pairs = [(BKG.signingDate, values[0])]
        triples = [(node, p, Literal(v, datatype=XSD.date)) for p, v in pairs
                   if not (existing.get((node, p), set()) - {v})]  # never contradict a date the graph has
        if triples:
            facts.append((triples, span, 0.6))

    # every IRI a fact uses that the registry does not know gets a declaration, its containing places too
    needed: list[str] = []

    def need(iri: str) -> None:
        known = extractor.knowledge.by_iri.get(iri)
        if (known is not None and known.in_registry) or iri in needed or not iri.startswith(str(BK)):
            return
        needed.append(iri)
        entity = by_iri.get(iri)
        parent = (entity.parent if entity else None) or (known.parent if known else None)
        if parent:
            need(parent)
        governs = (entity.governs if entity else None) or (known.governs if known else None)
        if governs:
            need(governs)

    for entity in extraction.entities:
        if entity.new:
            need(entity.iri)
    for triples, _, _ in facts:
        for s, _, o in triples:
            for term in (s, o):
                if isinstance(term, URIRef) and str(term).startswith(str(BK)):
                    need(str(term))

    candidates: list[Candidate] = []
    for iri in needed:
        entity = by_iri.get(iri)
        triples = _declaration(iri, extractor, entity)
        offset = entity.mentions[0][1] if entity else (by_iri.get(_child_of(iri, extraction, extractor)) or
                                                       extraction.entities[0]).mentions[0][1]
        start, end = sentence_of(offset)
        graph = URIRef(f"{article}/e-{_hash(triples)}")
        candidates.append(Candidate(graph, [text[start:end]], triples + provenance(graph),
                                    Decimal("0.9") if extractor.knowledge.by_iri.get(iri) else Decimal("0.6"), start))
    for triples, (start, end), confidence in facts:
        graph = URIRef(f"{article}/c-{_hash(triples)}")
        if any(c.iri == graph for c in candidates):
            continue
        candidates.append(Candidate(graph, [text[start:end]], triples + provenance(graph),
                                    Decimal(str(round(confidence, 2))), start))
    candidates.sort(key=lambda c: (not c.is_entity, c.start, str(c.iri)))
    return [c for c in candidates if c.quotes[0].strip()]


def _child_of(iri: str, extraction: Extraction, extractor: Extractor) -> str | None:
    """An entity of the extraction inside ``iri`` (to quote the sentence that made ``iri`` needed)."""
    for entity in extraction.entities:
        chain = [entity.parent] if entity.parent else []
        chain += extractor.knowledge.ancestors(entity.parent or entity.iri)
        if iri in chain:
            return entity.iri
    return None


def rejected_path(layout: DataLayout, source_id: str) -> Path:
    """Where the rejected candidates of an article are remembered (so re-ingesting does not bring them back)."""
    return layout.candidates / f"{source_id}.rejected.json"


def read_rejected(layout: DataLayout, source_id: str) -> set[str]:
    path = rejected_path(layout, source_id)
    if not path.exists():
        return set()
    return set(json.loads(path.read_text(encoding="utf-8")))


def _reviewed_iris(layout: DataLayout, source_id: str) -> set[str]:
    path = layout.facts / f"{source_id}.trig"
    if not path.exists():
        return set()
    assertions, _ = read_facts(path, layout)
    return {str(a.iri) for a in assertions}


def _avoid_pending_iris(layout: DataLayout, source_id: str, extraction: Extraction, extractor_knowledge) -> None:
    """Give a new entity another IRI when another article's candidates propose that IRI with another label
    (one IRI, one label); the same label proposed twice keeps the one IRI."""
    labels: dict[str, set[str]] = {}
    for path in sorted(layout.candidates.glob("*.trig")) if layout.candidates.is_dir() else []:
        if path.stem == source_id:
            continue
        for assertion in read_facts(path, layout, BKG.Extracted)[0]:
            for s, p, o in assertion.triples:
                if p == RDFS.label:
                    labels.setdefault(str(s), set()).add(str(o))
    taken = set(labels)
    for entity in extraction.entities:
        if not entity.new or entity.resolved or entity.iri not in labels:
            continue  # a known entity (the bundled lists' CATL, a city) has its one IRI in every article
        mine = {english_name(entity.label, extractor_knowledge, entity.kind) if is_chinese(entity.label)
                else entity.label,
                entity.label_zh} - {None}
        if labels[entity.iri] & mine:
            continue  # the same new entity, proposed by two articles
        base, n = entity.iri, 2
        while f"{base}-{n}" in taken:
            n += 1
        entity.iri = f"{base}-{n}"
        taken.add(entity.iri)


def _existing_id(layout: DataLayout, text: str) -> str | None:
    """The id of a source already in the data folder with this very text (the same article under another file
    name), so that ingesting it again changes nothing."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    wanted = text.rstrip("\n")
    paths = sorted(layout.sources.glob(f"*_{digest}.txt")) + sorted(layout.sources.glob("*.txt"))
    for path in paths:
        if abs(path.stat().st_size - len(wanted.encode("utf-8"))) > 2:
            continue
        if path.read_text(encoding="utf-8").rstrip("\n") == wanted:
            return path.stem
    return None


def _known_dates(layout: DataLayout, source_id: str) -> dict:
    """(entity, property) -> values of the one-valued date properties in the data's facts and candidates
    (this article's own candidates excepted: they are being replaced)."""
    found: dict = {}
    for folder in (layout.facts, layout.candidates):
        for path in sorted(folder.glob("*.trig")) if folder.is_dir() else []:
            if folder == layout.candidates and path.stem == source_id:
                continue
            for assertion in read_facts(path, layout)[0]:
                for s, p, o in assertion.triples:
                    if p in (SDO.startDate, SDO.endDate, BKG.signingDate):
                        found.setdefault((s, p), set()).add(str(o))
    return found


def ingest_article(raw: RawArticle, layout: DataLayout, extractor: Extractor, metadata: dict | None = None,
                   dry_run: bool = False, filename: str | None = None) -> IngestResult:
    """Ingest one article: write its text, metadata and candidate facts into a data folder.

    Parameters
    ----------
    raw : RawArticle
        The article, as :func:`graph.ingest.reader.read_article` returns it.
    layout : DataLayout
        The data folder to write into.
    extractor : Extractor
        The extractor (built once for many articles; it holds the registry's names).
    metadata : dict, optional
        ``headline``, ``publisher``, ``datePublished`` (YYYY-MM-DD), ``url``; they override what the file says.
    dry_run : bool
        Extract and return what would be written, writing nothing.
    filename : str, optional
        The name the source id is derived from (default: the file's name).

    Returns
    -------
    IngestResult
        The source id and metadata, the extraction, the candidates written (those accepted or rejected
        before are left out) and the files written (none when nothing changed).

    Raises
    ------
    UsageError
        A malformed date. Reviewed facts are never touched; if a write fails, the files written so far are
        put back as they were.

    Examples
    --------
    >>> import shutil, tempfile, pathlib
    >>> from graph.ingest.reader import read_article_text
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(DataLayout.default().root, folder)
    >>> raw = read_article_text("Foo Energy Co., Ltd. teamed up with Bar Power Co., Ltd.", "note.txt")
    >>> extractor = Extractor(DataLayout(folder))
    >>> result = ingest_article(raw, DataLayout(folder), extractor, filename="note.txt")
    >>> written = any(w.endswith(f"candidates/{result.source_id}.trig") for w in result.written)
    >>> written, result.source_id.startswith("note_")
    (True, True)
    >>> ingest_article(raw, DataLayout(folder), extractor, filename="note.txt").unchanged
    True
    """
    if dry_run:
        return _ingest_article(raw, layout, extractor, metadata, True, filename)
    with layout.lock():  # curators ingesting and accepting at once never write over each other
        return _ingest_article(raw, layout, extractor, metadata, False, filename)


def _ingest_article(raw: RawArticle, layout: DataLayout, extractor: Extractor, metadata: dict | None,
                    dry_run: bool, filename: str | None) -> IngestResult:
    meta = dict(raw.metadata)
    meta.update({k: v for k, v in (metadata or {}).items() if v})
    date = meta.get("datePublished")
    date_published = None
    if date:
        try:
            date_published = dt.date.fromisoformat(str(date))
        except ValueError as exc:
            raise UsageError(f"--date {date!r}: use YYYY-MM-DD") from exc
    name = filename or (raw.path.name if raw.path else "article.txt")
    source_id = _existing_id(layout, raw.text) or source_id_for(name, raw.text)
    source = {"id": source_id}
    source.update({k: meta[k] for k in ("headline", "publisher", "datePublished", "url") if meta.get(k)})
    extraction = extractor.extract(raw.text, date_published)
    source["language"] = extraction.language  # the language it was read in (English or Chinese)
    _avoid_pending_iris(layout, source_id, extraction, extractor.knowledge)
    candidates = candidates_of(source_id, extraction, extractor, _known_dates(layout, source_id))
    skip = read_rejected(layout, source_id) | _reviewed_iris(layout, source_id)
    candidates = [c for c in candidates if str(c.iri) not in skip]
    result = IngestResult(source_id, source, extraction, candidates)
    if dry_run:
        return result

    text_path = layout.sources / f"{source_id}.txt"
    meta_path = layout.sources / f"{source_id}.json"
    facts_path = layout.candidates / f"{source_id}.trig"
    header = (f"Candidate facts of source {source_id}, extracted by {extractor.name}; review them with\n"
              f"`batterykg review`, then `batterykg accept` or `batterykg reject`. Generated: do not edit by hand.")
    if text_path.exists() and text_path.read_text(encoding="utf-8").rstrip("\n") != raw.text.rstrip("\n"):
        raise UsageError(f"{layout.display(text_path)} exists with another text")
    change = FileChanges()
    change.write(text_path, raw.text if raw.text.endswith("\n") else raw.text + "\n")
    change.write(meta_path, json.dumps(source, indent=2, ensure_ascii=False) + "\n")
    if candidates:
        change.write(facts_path, render_trig(candidates, extracted=True, header=header))
    log_path = review_log_path(layout, source_id)
    if not log_path.exists() and not (layout.facts / f"{source_id}.trig").exists():
        # the first pass, kept to measure extraction against what review accepts (batterykg review-log)
        change.write(log_path, first_pass(source_id, extraction, extractor.name, source["language"]))
    result.written = [layout.display(path) for path in change.apply()]
    result.unchanged = not result.written
    return result
