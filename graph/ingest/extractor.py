"""The extractor: an article's text in, its entities, relations, amounts and dates out.

An article is read in its language (:mod:`graph.ingest.language`). English: sentences and names from spaCy's
pinned small English model (:mod:`graph.ingest.english`; rules alone with ``BATTERYKG_RULES_ONLY=1``), names
also from :mod:`graph.ingest.recogniser` and :mod:`graph.ingest.model_names`, relations from
:mod:`graph.ingest.relations` and :mod:`graph.ingest.parse_rules`. Chinese: :mod:`graph.ingest.chinese`
(sentences, names, people) and :mod:`graph.ingest.chinese_rules`. Both: links to known entities from
:mod:`graph.ingest.resolve`, money and quantities from :mod:`graph.ingest.amounts`, dates from
:mod:`graph.ingest.dates`.

>>> result = Extractor().extract("Foo Energy Co., Ltd. will invest 2 billion yuan in Chengdu, Sichuan Province.")
>>> [(e.label, e.kind) for e in result.entities]
[('Foo Energy Co., Ltd.', 'Company'), ('Chengdu City', 'Place'), ('Sichuan Province', 'Place')]
>>> result.entities[0].new   # no registry knows it: proposed with a new IRI
True
>>> [(a.value, a.currency) for a, about in result.amounts]
[(Decimal('2000000000'), 'CNY')]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..folders import DataLayout
from ..namespace import BK, ENTITY_CLASSES
from .amounts import Amount, find_amounts
from .chinese import ChineseRecogniser, english_name
from .chinese_model import chinese_model
from .chinese_rules import CHINESE_PHRASING, CHINESE_RULES
from .chinese_text import chinese_sentences, is_chinese, language_of, to_simplified, without_readings
from .dates import DateMention, find_dates
from .english import english_pipeline
from .gazetteer import slugify
from .model_names import model_names, noun_phrase_names
from .parse_rules import PARSE_RULES
from .reader import is_source_of
from .recogniser import EntityRecogniser, Mention, headline_spans
from .relations import (
    DATELINE,
    ENGLISH_PHRASING,
    SURFACE_RULES,
    RelationCandidate,
    RelationFinder,
    SentenceMention,
    SentenceView,
)
from .resolve import CLASS_OF_KIND, Knowledge, core_name, normalise
from .spans import Spans
from .story import STORY_RULES, Story

__all__ = ["Extractor", "Extraction", "ExtractedEntity", "EXTRACTOR_NAME", "EXTRACTOR_VERSION", "ENTITY_KINDS",
           "sentence_at"]

EXTRACTOR_NAME = "battery-kg-extractor"
EXTRACTOR_VERSION = "0.13"
#: The entity kinds the extractor reports.
ENTITY_KINDS = [kind for kind in ENTITY_CLASSES if kind in {
    "Company", "GovernmentBody", "Conference", "Event", "IndustrialPark", "Facility", "InvestmentProject", "Place",
    "Person", "Organization", "Technology"}]
_STOPWORDS = {"the", "of", "a", "an", "and", "for", "in", "on", "project"}
# capitalised words that name no project of their own ("Phase", "Lithium" in a headline)
_GENERIC = {"phase", "project", "lithium", "battery", "batteries", "energy", "new", "power", "storage", "mine",
            "plant", "base", "the", "of", "and", "production", "materials", "material", "cathode", "anode", "lfp",
            "sodium-ion", "lithium-ion", "gwh", "industrial", "park", "technology"}
# the words of parks' names that are no name of their own
_PARK_WORDS = {"new", "area", "district", "zone", "high", "tech", "hi", "economic", "technological", "development",
               "industrial", "industry", "park", "and", "of", "the", "science", "technology", "free", "trade", "pilot",
               "bonded", "base", "cluster", "national", "comprehensive"}
# Lines naming the people behind the page, not in the story: "Editor/Zhao E", "CONTACT: Ms. Hou".
_BYLINE = re.compile(r"^[ \t]*(?:contact|media contact|press contact|editor|edited by|reporter|written by|"
                     r"by|author|photo|source)\b[^\n]*", re.IGNORECASE | re.MULTILINE)
# "LESHAN, March 18 (Xinhua) -- ", "Leshan, Oct. 9 — ", "LESHAN, China, May 20, 2031 (GLOBE NEWSWIRE) -- "
# Credits of pictures: "(Photo/Bishan District)", "(Photo Credit: Sina)", "Photo by X from Pexels", "[Photo provided
# by X]", "File photo: Reuters": the agency or photographer is no party to the story.
_CREDIT = re.compile(r"\b(?:photo|image|picture)(?: credits?)?(?:\s*[:/]\s*| by | from | provided (?:by|to) )"
                     r"[^\n)\]]{0,80}?(?=[.;]\s|[.;]?$|[)\]\n])", re.IGNORECASE | re.MULTILINE)
_HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Prof)\.\s+")


@dataclass
class ExtractedEntity:
    """An entity of the article: known (``new`` false, the registry's or the bundled IRI) or proposed."""

    key: str
    label: str
    kind: str
    cls: str
    iri: str
    new: bool
    mentions: list[tuple[str, int, int]] = field(default_factory=list)
    parent: str | None = None
    resolved: bool = False
    #: the Chinese name, for a known entity that has one or a new entity named in Chinese
    label_zh: str | None = None
    #: for a government body: the place it governs
    governs: str | None = None

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([self.label] + [m[0] for m in self.mentions]))

    def as_dict(self) -> dict:
        return {"label": self.label, **({"label_zh": self.label_zh} if self.label_zh else {}), "kind": self.kind,
                "class": self.cls, "iri": self.iri, "new": self.new,
                "mentions": [{"text": t, "start": s, "end": e} for t, s, e in self.mentions]}


@dataclass
class Extraction:
    """Everything the extractor found in one article."""

    text: str
    entities: list[ExtractedEntity]
    relations: list[RelationCandidate]
    amounts: list[tuple[Amount, str | None]]
    dates: list[DateMention]
    date_published: dt.date | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    #: entity key -> (startDate or signingDate, [ISO dates: start and maybe end], sentence span)
    dated: dict = field(default_factory=dict)
    #: the language the text was read in: "en" or "zh"
    language: str = "en"

    def entity(self, key: str) -> ExtractedEntity:
        return next(e for e in self.entities if e.key == key)

    def as_dict(self) -> dict:
        """The JSON form: entities, relations, amounts and dates (``source`` is added by the caller)."""
        by_key = {e.key: e for e in self.entities}
        relations = []
        for r in self.relations:
            relations.append({"subject": by_key[r.subject].label, "kind": r.kind, "object": by_key[r.object].label,
                              "predicate": predicate_of(r.kind, by_key[r.subject], by_key[r.object])[0],
                              "sentence": self.text[r.sentence[0]:r.sentence[1]], "confidence": r.confidence,
                              **({"jobTitle": r.detail["jobTitle"]} if "jobTitle" in r.detail else {})})
        amounts = []
        for amount, about in self.amounts:
            found = amount.as_dict()
            found["about"] = by_key[about].label if about else None
            amounts.append(found)
        about = {}
        for key, (_, values, _) in self.dated.items():
            for value in values:
                about.setdefault(value, by_key[key].label)
        dates = [{"text": d.text, "value": d.value, **({"about": about[d.value]} if d.value in about else {})}
                 for d in self.dates]
        return {"entities": [e.as_dict() for e in self.entities], "relations": relations, "amounts": amounts,
                "dates": dates}


def sentence_at(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span among ``sentences`` (in order, none overlapping) that holds ``offset``, if one does.

    >>> sentence_at([(0, 10), (12, 20)], 12), sentence_at([(0, 10), (12, 20)], 11)
    ((12, 20), None)
    """
    index = bisect_right(sentences, (offset, math.inf)) - 1
    return sentences[index] if index >= 0 and offset < sentences[index][1] else None


@lru_cache(maxsize=1 << 16)
def _compared(name: str) -> str:
    """A name as it is compared with known names: Chinese in simplified script (kept once read: a long article
    compares each of its projects' names with every other's)."""
    return to_simplified(name) if is_chinese(name) else name


def _in_text(extraction: Extraction, text: str, positions: list[int]) -> Extraction:
    """An extraction of a text read without its pinyin readings (:func:`without_readings`), with every offset
    and quoted word put back into the text as printed: a mention, sentence or amount spans the readings
    inside and right after it ("國(guó)城控股集團(tuán)有限公司"). Labels stay as read, without readings."""
    def span(start: int, end: int) -> tuple[int, int]:
        return (positions[start], positions[end]) if start >= 0 else (start, end)

    def moved(found):
        start, end = span(found.start, found.end)
        return replace(found, start=start, end=end, text=text[start:end] if start >= 0 else found.text)

    entities = [replace(e, mentions=[(text[s:t], s, t) for s, t in (span(s, t) for _, s, t in e.mentions)])
                for e in extraction.entities]
    relations = [replace(r, sentence=span(*r.sentence)) for r in extraction.relations]
    dated = {key: (kind, values, span(*where)) for key, (kind, values, where) in extraction.dated.items()}
    return replace(extraction, text=text, entities=entities, relations=relations,
                   amounts=[(moved(a), about) for a, about in extraction.amounts],
                   dates=[moved(d) for d in extraction.dates],
                   sentences=[span(s, t) for s, t in extraction.sentences], dated=dated)


def predicate_of(kind: str, subject: ExtractedEntity, obj: ExtractedEntity) -> tuple[str, bool]:
    """The ontology property of a relation kind, and whether the triple runs object → subject.

    >>> e = ExtractedEntity("k", "X", "Company", "Company", "x", False)
    >>> p = ExtractedEntity("p", "P", "InvestmentProject", "InvestmentProject", "p", False)
    >>> predicate_of("investsIn", e, p)
    ('bkg:investor', True)
    """
    if kind == "attends" and subject.kind == "Place":
        return "bkg:guestOfHonour", True  # a country at a conference
    if kind == "locatedIn":
        places = {"Place", "IndustrialPark", "Facility"}
        return ("schema:containedInPlace" if subject.kind in places else "schema:location"), False
    return {
        "partnerOf": ("bkg:partnerOf", False), "signedAgreementWith": ("bkg:signedAgreementWith", False),
        "investsIn": ("bkg:investor", True), "organizes": ("schema:organizer", True), "hosts": ("bkg:host", True),
        "attends": ("schema:attendee", True), "worksFor": ("schema:worksFor", False),
        "subsidiaryOf": ("bkg:subsidiaryOf", False), "produces": ("bkg:produces", False),
        "suppliesTo": ("bkg:suppliesTo", False),
    }[kind]


_YEAR_WORD = re.compile(r"\b(?:19|20)\d{2}\b")


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    """Whether the words of ``short`` occur in ``long`` in order.

    >>> _is_subsequence("2031 battery summit".split(), "2031 china chengdu battery summit".split())
    True
    """
    remaining = iter(long)
    return all(word in remaining for word in short)


class Extractor:
    """Extract candidate facts from article text with what a data folder's registry already knows."""

    def __init__(self, layout: DataLayout | None = None, use_registry: bool = True,
                 knowledge: Knowledge | None = None):
        self.layout = layout
        self.use_registry = use_registry and knowledge is None
        self.knowledge = knowledge or Knowledge.load(layout, use_registry=use_registry)
        self.recognise = EntityRecogniser(self.knowledge)
        self.pipeline = english_pipeline()
        self._chinese: ChineseRecogniser | None = None  # made on the first Chinese article

    def without_article(self, name: str) -> Extractor:
        """This extractor as it would be had the article ``name`` (a source id, or the file name ingest made it
        from) never been ingested: its registry without the parts its source brought (``registry/<source
        id>.ttl``). Itself when it reads no registry or the registry has no part of that article.

        So an article of the corpus can be measured with the registry without the registry remembering its
        own names (``eval-extraction --leave-own-out``).

        >>> extractor = Extractor(use_registry=False)
        >>> extractor.without_article("scol-yibin-sichuan-catl-phase1-2021") is extractor
        True
        """
        if not self.use_registry:
            return self
        layout = self.layout or DataLayout.default()
        own = [part.stem for part in layout.registry_files if part != layout.registry and is_source_of(part.stem, name)]
        if not own:
            return self
        return Extractor(layout, knowledge=Knowledge.load(layout, leave_out=own))

    @property
    def name(self) -> str:
        """The extractor, its version and the paths that run, English then Chinese: ``battery-kg-extractor 0.9
        (en_core_web_sm 3.8.0; Chinese: LAC 2.1.2)``, or ``rules only`` for a language without its model."""
        model = chinese_model()
        chinese = model.description if model is not None else "rules only"
        return f"{EXTRACTOR_NAME} {EXTRACTOR_VERSION} ({self.pipeline.description}; Chinese: {chinese})"

    def extract(self, text: str, date_published: dt.date | None = None, language: str | None = None) -> Extraction:
        """Extract entities, relations, amounts and dates from an article's text.

        Parameters
        ----------
        text : str
            The story text (page furniture already removed, see :func:`graph.ingest.reader.read_article`).
        date_published : datetime.date, optional
            The article's date: relative dates ("on Sunday", "last year") and days without a year are
            resolved against it, and it is listed among the dates.
        language : str, optional
            ``"en"`` or ``"zh"``; by default the text's own (:func:`language_of`).

        Returns
        -------
        Extraction
            Entities (known or proposed), relation candidates with their sentences and confidences, amounts
            with what they are about, and dates. ``Extraction.as_dict()`` is the JSON of ``ingest --dry-run``.

        Examples
        --------
        >>> result = Extractor().extract("Zhou Lan, CEO of Foo Energy Co., Ltd., opened the plant on Monday.",
        ...                              dt.date(2031, 5, 7))
        >>> [(r["subject"], r["kind"], r["object"]) for r in result.as_dict()["relations"]]
        [('Zhou Lan', 'worksFor', 'Foo Energy Co., Ltd.')]
        >>> [d.value for d in result.dates]
        ['2031-05-05', '2031-05-07']
        """
        language = language or language_of(text)
        if language == "zh" and (read := without_readings(text)) is not None:
            return _in_text(self.extract(read[0], date_published, language), text, read[1])
        if language == "zh":
            reading = self._read_chinese(text)
        else:
            reading = self._read_english(text)
        sentences, mentions, rules, phrasing, doc = reading
        self._sentences = sentences
        scan = to_simplified(text) if language == "zh" else text
        # read in simplified script, quoted as the article writes them ("15萬噸", not "15万吨")
        amounts = [replace(a, text=text[a.start:a.end]) for a in find_amounts(scan)]
        dates = [replace(d, text=text[d.start:d.end]) for d in find_dates(scan, date_published)]
        in_amounts, in_bylines = Spans(), Spans()
        for amount in amounts:
            in_amounts.add(amount.start, amount.end)
        for line in _BYLINE.finditer(text):
            in_bylines.add(line.start(), line.end())
        in_credits = Spans()
        for credit in _CREDIT.finditer(text) if language != "zh" else ():
            in_credits.add(credit.start(), credit.end())
        # a name inside an amount is a false friend ("U.S." in "13.4 billion U.S. dollars"), except where the
        # amount describes the thing named ("a 20 GWh battery project")
        mentions = [m for m in mentions
                    if (m.kind in ("InvestmentProject", "Facility", "Conference") or
                        not in_amounts.overlaps(m.start, m.end))
                    and not (m.kind == "Person" and in_bylines.overlaps(m.start, m.end))
                    and not in_credits.overlaps(m.start, m.end)]
        entities, keyed = self._entities(mentions, text)
        finder = RelationFinder(ancestors=lambda key: self._ancestors(key, entities), rules=rules, phrasing=phrasing)
        starts = [m.start for m in mentions]  # mentions and dates are in text order: find a sentence's by bisection
        date_starts = [d.start for d in dates]
        by_sentence: dict[tuple[int, int], list[Mention]] = {}
        for start, end in sentences:
            inside_mentions = [m for m in mentions[bisect_left(starts, start):bisect_left(starts, end)]
                               if m.end <= end and m.inside is None]
            by_sentence[(start, end)] = inside_mentions
            inside = [SentenceMention(m.start, m.end, m.text, keyed[id(m)], entities[keyed[id(m)]].kind,
                                      entities[keyed[id(m)]].cls) for m in inside_mentions]
            inside_dates = [(d.start, d.end, d.value) for d in dates[bisect_left(date_starts, start):
                                                                         bisect_left(date_starts, end)] if d.end <= end]
            parsed = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
            finder.sentence(SentenceView(start, end, scan[start:end], inside, inside_dates, parsed))
        self._owners_in_names(mentions, keyed, entities, finder)
        self._park_places(entities, finder)
        self._parents_named(entities, finder, text, language)
        story = Story(text, sentences, entities, finder)
        for story_rule in STORY_RULES:
            story_rule(story)
        relations = [r for r in finder.found if r.subject in entities and r.object in entities]
        used = [e for e in entities.values()]
        attached = []
        for amount in amounts:
            sentence = sentence_at(sentences, amount.start)
            about = None
            if sentence:
                near = [entities[keyed[id(m)]] for m in by_sentence[sentence]]
                topic = finder.topic.get(sentence)  # "The project ... will reach 20 GWh": the story's project
                if topic in entities and not any(e.kind in ("InvestmentProject", "Conference", "Event") for e in near):
                    near.insert(0, entities[topic])
                for kind in ("InvestmentProject", "Conference", "Event", "Company", "Place", "IndustrialPark"):
                    match = next((e for e in near if e.kind == kind), None)
                    if match:
                        about = match.key
                        break
            attached.append((amount, about))
        all_dates = list(dates)
        if date_published and not any(d.value == date_published.isoformat() for d in dates):
            all_dates.append(DateMention("(date published)", date_published.isoformat(), -1, -1))
        dated = {key: value for key, value in finder.dated.items() if key in entities}
        return Extraction(text, used, relations, attached, all_dates, date_published, sentences, dated, language)

    def _read_english(self, text: str):
        """Sentences, mentions, rules and phrasing of an English text (and its parse, on the statistical path)."""
        pipeline = self.pipeline
        doc = pipeline.nlp(text)
        sentences: list[tuple[int, int]] = []
        for sentence in doc.sents:  # a line break ends a sentence too (headlines, datelines)
            for part in re.finditer(r"[^\n]+", sentence.text):
                words = part.group(0)
                lead = len(words) - len(words.lstrip())
                if words.strip():
                    begin = sentence.start_char + part.start() + lead
                    sentences.append((begin, begin + len(words.strip())))
        extra = model_names(doc, self.knowledge, headline_spans(text)) + noun_phrase_names(doc) \
            if pipeline.statistical else []
        mentions = self.recognise(text, extra=extra)
        rules = SURFACE_RULES + PARSE_RULES if pipeline.statistical else SURFACE_RULES
        return sentences, mentions, rules, ENGLISH_PHRASING, doc if pipeline.statistical else None

    def _read_chinese(self, text: str):
        """Sentences, mentions, rules and phrasing of a Chinese text, read in simplified script."""
        if self._chinese is None:
            self._chinese = ChineseRecogniser(self.knowledge)
        simplified = to_simplified(text)
        mentions = [replace(m, text=text[m.start:m.end]) if m.text != text[m.start:m.end] else m
                    for m in self._chinese(simplified)]
        return chinese_sentences(simplified), mentions, CHINESE_RULES, CHINESE_PHRASING, None

    def _ancestors(self, key: str, entities: dict[str, ExtractedEntity]) -> list[str]:
        entity = entities.get(key)
        if entity is None:
            return []
        chain = []
        if entity.resolved:
            chain = self.knowledge.ancestors(entity.iri)
        elif entity.parent:
            chain = [entity.parent, *self.knowledge.ancestors(entity.parent)]
        iri_to_key = {e.iri: k for k, e in entities.items()}
        return [iri_to_key.get(iri, iri) for iri in chain]

    def _parents_named(self, entities: dict[str, ExtractedEntity], finder: RelationFinder, text: str,
                       language: str = "en") -> None:
        """A city or district named in a sentence with its province or city lies in it; so do "Jiading, Minhang
        and other districts" of a story about Shanghai (in Chinese only where the text writes them together, a
        chain the rules read). Inferred from the gazetteer, so with a low confidence.
        A dateline ("LESHAN, March 18 (Xinhua) --") says where the reporter was, not where things are."""
        by_iri = {e.iri: e for e in entities.values()}
        for entity in entities.values():
            if entity.cls not in ("City", "District") or not entity.parent or entity.parent not in by_iri:
                continue
            parent = by_iri[entity.parent]
            if not entity.resolved and parent.cls == "Country":
                continue  # a new place put in the country only for want of a nearer one
            for _, start, end in entity.mentions:
                span = sentence_at(self._sentences, start) or (start, end)
                dateline = DATELINE.match(text, span[0])
                body = dateline.end() if dateline else span[0]
                listed = re.search(r"\b(?:and|or) other (?:districts|counties|cities|prefectures)\b",
                                   text[span[0]:span[1]])
                together = language == "en" and any(body <= s < span[1] for _, s, _ in parent.mentions)
                if start >= body and (listed or together):
                    finder.add(SentenceView(*span, "", []), entity.key, "locatedIn", parent.key, 0.5,
                                "parent-named-in-article")
                    break

    def _owners_in_names(self, mentions: list[Mention], keyed: dict[int, str], entities, finder) -> None:
        """A project named after its company (融捷集团…项目, "CATL Yibin project") is that company's investment;
        the name alone says so, hence the low confidence."""
        at = {(m.start, m.kind): keyed[id(m)] for m in mentions if m.inside is None}
        for m in mentions:
            if m.inside is None:
                continue
            project = at.get((m.inside, "InvestmentProject"))
            if project and keyed[id(m)] != project and entities[keyed[id(m)]].kind in ("Company", "Organization"):
                span = sentence_at(self._sentences, m.start) or (m.start, m.end)
                finder.add(SentenceView(*span, "", []), keyed[id(m)], "investsIn", project, 0.55, "owner-in-name")
        # "Albemarle 50KT/A Lithium Hydroxide Battery Material Plant": a company of the article starts the name
        companies = [e for e in entities.values() if e.kind == "Company"]
        first_named: dict[str, int] = {}  # a company's name -> the first company (in order) that bears it
        for index, company in enumerate(companies):
            for n in company.names:
                if len(n) >= 3:
                    first_named.setdefault(n, index)
        for project in (e for e in entities.values() if e.kind == "InvestmentProject"):
            for name, start, _ in project.mentions:
                # the name's leading words, at each space: the first company bearing any of them
                owners = [first_named[name[:space.start()]] for space in re.finditer(" ", name)
                          if name[:space.start()] in first_named]
                owner = companies[min(owners)] if owners else None
                if owner is not None:
                    span = sentence_at(self._sentences, start) or (start, start)
                    finder.add(SentenceView(*span, "", []), owner.key, "investsIn", project.key, 0.55,
                               "owner-in-name")
                    break

    def _park_places(self, entities: dict[str, ExtractedEntity], finder: RelationFinder) -> None:
        """A park or facility named after a place ("East Economic Development Zone of Dazhou") lies in it;
        what lies in the park lies in the place too."""
        places = {normalise(name): e for e in entities.values() if e.kind == "Place" for name in e.names}
        for park in [e for e in entities.values() if e.kind in ("IndustrialPark", "Facility")]:
            words = normalise(park.label).split()
            # only a place the name says the park is "of": a place that merely starts the name ("Chongqing
            # Liangjiang New Area") is a location the name implies, which the gold leaves out or calls uncertain
            for size in (3, 2, 1):
                found = next((places[" ".join(words[i:i + size])] for i in range(1, len(words) - size + 1)
                              if " ".join(words[i:i + size]) in places and words[i - 1] == "of"), None)
                if found:
                    span = next((r.sentence for r in finder.found if park.key in (r.subject, r.object)), None)
                    mention = park.mentions[0]
                    view = SentenceView(*(span or (mention[1], mention[2])), "", [])
                    finder.add(view, park.key, "locatedIn", found.key, 0.7, "park-named-after-place")
                    for r in list(finder.found):
                        if r.kind == "locatedIn" and r.object == park.key and \
                                entities[r.subject].kind in ("InvestmentProject", "Company", "Conference", "Event"):
                            finder.add(SentenceView(*r.sentence, "", []), r.subject, "locatedIn", found.key, 0.55,
                                        "located-in-park-of-place")
                    break

    def _entities(self, mentions: list[Mention], text: str) -> tuple[dict[str, ExtractedEntity], dict[int, str]]:
        """The article's entities (known ones by their IRI, new ones by kind and name) and, for each mention,
        the key of its entity. Chinese names are compared in simplified script."""
        context: set[str] = set()
        for m in mentions:
            if m.kind == "Place":
                entity = self.knowledge.resolve(_compared(m.text), "Place")
                if entity:
                    context.add(entity.iri)
        entities: dict[str, ExtractedEntity] = {}
        keyed: dict[int, str] = {}
        key_of_text: dict[str, str] = {}
        # a short name ("Kappa Power") is the entity of the full name it abbreviates, so full names go first
        # a Chinese mention's words are the article's script, its alias_of the simplified name the recogniser read:
        # both compared in simplified script
        for m in sorted(mentions, key=lambda m: m.alias_of is not None):
            if m.alias_of is not None and _compared(m.alias_of) in key_of_text:
                key = key_of_text[_compared(m.alias_of)]
                entities[key].mentions.append((m.text, m.start, m.end))
                keyed[id(m)] = key
                continue
            name = _compared(m.text)
            known = self.knowledge.resolve(_HONORIFIC.sub("", name) if m.kind != "Person" else name, m.kind,
                                           context) or (m.known if m.rule == "known" and m.known and
                                                        m.known.kind == m.kind != "InvestmentProject" else None)
            place = self.knowledge.governed_place(name, context) if m.kind == "GovernmentBody" else None
            if place is not None and (known is None or known.governs != place.iri):
                # "the government of Shuangliu district" is Shuangliu's government, known or not
                known = self.knowledge.government_of(place.iri)
            if known is None and place is not None:
                key = f"government:{place.iri}"
                if key not in entities:
                    label = f"People's Government of {place.label}"
                    label_zh = f"{place.label_zh}人民政府" if place.label_zh else None
                    entities[key] = ExtractedEntity(key, label, "GovernmentBody", "GovernmentBody", "", True,
                                                    label_zh=label_zh, governs=place.iri, resolved=False)
            elif known is not None:
                key = known.iri
                if key not in entities:
                    entities[key] = ExtractedEntity(key, known.label, known.kind, known.cls, known.iri,
                                                    not known.in_registry, parent=known.parent, resolved=True,
                                                    label_zh=known.label_zh)
            else:
                key = f"new:{m.kind}:{normalise(name)}"
                if key not in entities:
                    entities[key] = ExtractedEntity(key, name, m.kind, CLASS_OF_KIND[m.kind], "", True)
            entities[key].mentions.append((m.text, m.start, m.end))
            keyed[id(m)] = key
            key_of_text.setdefault(_compared(m.text), key)
        merged = self._corefer(entities)
        for mid, key in keyed.items():
            keyed[mid] = merged.get(key, key)
        final = {}
        for key, entity in entities.items():
            if key in merged:
                final_key = merged[key]
                entities[final_key].mentions.extend(entity.mentions)
            else:
                final[key] = entity
        for entity in final.values():
            entity.mentions.sort(key=lambda m: m[1])
            if not entity.resolved and not entity.governs:
                names = [_compared(t) for t, _, _ in entity.mentions if not _HONORIFIC.match(t)] or [entity.label]
                entity.label = max(names, key=len)
                if is_chinese(entity.label):
                    entity.label_zh = entity.label
        taken = {e.iri for e in self.knowledge.entities}
        for entity in sorted(final.values(), key=lambda e: e.mentions[0][1]):
            if not entity.resolved:
                slug = slugify(english_name(entity.label, self.knowledge, entity.kind) if is_chinese(entity.label)
                               else entity.label)
                iri, n = str(BK[slug]), 2
                while iri in taken:
                    iri, n = str(BK[f"{slug}-{n}"]), n + 1
                taken.add(iri)
                entity.iri = iri
                entity.cls = self._class_of_new(entity)
                entity.parent = self._parent_of_new(entity, final, context)
        ordered = dict(sorted(final.items(), key=lambda kv: kv[1].mentions[0][1]))
        return ordered, keyed

    @staticmethod
    def _class_of_new(entity: ExtractedEntity) -> str:
        if entity.kind == "Place":
            if entity.label_zh:
                return {"省": "Province", "市": "City", "州": "City", "区": "District", "县": "District"}.get(
                    entity.label_zh[-1], "Place")
            last = entity.label.split()[-1].lower()
            return {"province": "Province", "city": "City", "county": "District", "district": "District",
                    "prefecture": "City"}.get(last, "Place")
        return CLASS_OF_KIND[entity.kind]

    def _parent_of_new(self, entity: ExtractedEntity, entities, context: set[str]) -> str | None:
        """The containing place proposed for a new place, park or facility (every place must reach a country)."""
        if entity.kind not in ("Place", "IndustrialPark", "Facility"):
            return None
        if entity.label_zh:  # the longest place name inside the Chinese name: 宜宾三江新区 → 宜宾
            label = entity.label_zh
            for size in range(min(len(label) - 1, 8), 1, -1):
                for i in range(len(label) - size + 1):
                    known = self.knowledge.resolve(label[i:i + size], "Place", context)
                    if known is not None and known.kind == "Place" and known.iri != entity.iri:
                        return known.iri
        words = normalise(entity.label).split()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                known = self.knowledge.resolve(" ".join(words[i:i + size]), "Place", context)
                if known is not None and known.kind == "Place":
                    return known.iri
        first = entity.mentions[0][1]
        places = [e for e in entities.values() if e.kind == "Place" and e.resolved]
        if places:
            nearest = min(places, key=lambda e: min(abs(m[1] - first) for m in e.mentions))
            return nearest.iri
        china = self.knowledge.resolve("China", "Place")
        return china.iri if china else None

    def _placeless(self, name: str) -> tuple[str, str]:
        """A name without the places it starts with, and those places; "New District" read as "New Area".

        >>> Extractor(use_registry=False)._placeless("Chongqing Liangjiang New District")
        ('liangjiang new area', 'chongqing')
        """
        words = normalise(name).split()
        lead = 0
        while lead < len(words) - 1:
            size = next((n for n in (2, 1) if lead + n < len(words) and self.knowledge.resolve(
                " ".join(words[lead:lead + n]), "Place") is not None), 0)
            if not size:
                break
            lead += size
        core = re.sub(r"\bnew district$", "new area", " ".join(words[lead:]))
        return core, " ".join(words[:lead])

    @staticmethod
    def _specific(core: str, kind: str) -> bool:
        """Whether a name without its place still names one thing: a park by a name of its own ("liangjiang new
        area", not "high tech zone"), a project by three words or more."""
        if kind == "InvestmentProject":
            return len([w for w in core.split() if w not in _STOPWORDS]) >= 3
        return any(w not in _PARK_WORDS for w in core.split())

    @staticmethod
    def _named_after(entity: ExtractedEntity, other: ExtractedEntity, short_names_of) -> bool:
        """Whether ``entity``, a new place or company named by one bare name, is ``other`` named after it: a project
        whose name starts with it ("Wodgina" of the Wodgina lithium mine; a company only of a mine, deposit or
        operation, whose name no company takes), or, for a place, a company it is a name or a short name of
        ("Yahua", "Tianyi" of Yibin Tianyi Lithium Industry)."""
        name = entity.label
        if not name[:1].isupper() or " " in name:
            return False
        if other.kind == "InvestmentProject":
            sites = r"[\w -]* (?:mine|deposit|operation)" if entity.kind == "Company" else r".*"
            return any(re.fullmatch(rf"{re.escape(name)} {sites}", n, re.IGNORECASE) for n in other.names)
        return entity.kind == "Place" and other.kind == "Company" and (
            name in other.names or name in short_names_of(other))

    def _same_company_placed(self, entity: ExtractedEntity, values: list[ExtractedEntity],
                             merged: dict[str, str]) -> ExtractedEntity | None:
        """The one other new company of the article, named before ``entity``, that it names with or without the
        place its name starts with ("Sichuan Yahua Industrial Group" and "Yahua Industrial Group"); two places name
        two companies, and a known company is not a new one named after a place ("Chengdu Tianqi Lithium" is
        Tianqi Lithium's subsidiary)."""
        core, place = self._placeless(entity.label)
        if len(core.split()) < 2:
            return None  # "Sichuan Yahua" and "Yahua": a short name, read as such elsewhere
        same = [e for e in values if e.kind == "Company" and e is not entity and e.key not in merged and
                not e.resolved and e.mentions[0][1] < entity.mentions[0][1] and any(
                    other[0] == core and other[1] != place and (not place or not other[1])
                    for other in map(self._placeless, e.names))]
        return same[0] if len(same) == 1 else None

    def _corefer(self, entities: dict[str, ExtractedEntity]) -> dict[str, str]:
        """Merge new entities into others of the article that name the same thing: "Mr. Tang" into
        "Tang Wenkan", a project named in other words, a conference named without its year."""
        merged: dict[str, str] = {}
        values = list(entities.values())
        shorts: dict[str, list[str]] = {}  # a company's short names, read once

        def short_names_of(e: ExtractedEntity) -> list[str]:
            if e.key not in shorts:
                shorts[e.key] = self.recognise.short_names(e.label)
            return shorts[e.key]

        for entity in values:
            if entity.resolved or entity.key in merged:
                continue
            name = entity.mentions[0][0]
            if entity.kind == "Person" and _HONORIFIC.match(name):
                words = _HONORIFIC.sub("", name).split()
                # "Mr. Jiang Weiping" is "Jiang Weiping" (not "Li Jiang"); "Mr. Tang" the one person named Tang
                target = next((e for e in values if e.kind == "Person" and e is not entity and not
                               _HONORIFIC.match(e.mentions[0][0]) and (sorted(e.label.split()) == sorted(words)
                                                                        if len(words) > 1 else
                                                                        words[0] in e.label.split())), None)
                if target:
                    merged[entity.key] = target.key
            elif entity.kind == "Person":
                # "Hongxin Yang" is "Yang Hongxin", his name in the Western order
                words = sorted(normalise(name).split())
                target = next((e for e in values if e.kind == "Person" and e is not entity and e.key not in merged
                               and sorted(normalise(e.label).split()) == words and
                               e.mentions[0][1] < entity.mentions[0][1]), None)
                if target:
                    merged[entity.key] = target.key
            elif entity.kind == "InvestmentProject" and is_chinese(name):
                # 年产10万吨…生产基地 and 10万吨…生产基地 name one project; so does a name and its tail
                core = _compared(name).removeprefix("年产")
                target = next((e for e in values if e.kind == "InvestmentProject" and e is not entity
                               and e.key not in merged and any(
                                   len(core) >= 6 and (_compared(n).removeprefix("年产") == core or
                                                       _compared(n).endswith(core)) for n in e.names)
                               and (e.resolved or e.mentions[0][1] < entity.mentions[0][1])), None)
                if target:
                    merged[entity.key] = target.key
            elif entity.kind == "InvestmentProject":
                words = {w for w in normalise(name).split() if w not in _STOPWORDS}
                # "the Lijiagou project" and "the Lijiagou lithium mine project": named after the same proper name
                proper = {normalise(w) for w in name.split() if w[:1].isupper() and normalise(w) not in _GENERIC}
                target = next((e for e in values if e.kind == "InvestmentProject" and e is not entity
                               and e.key not in merged and any(
                                   (other := {w for w in normalise(n).split() if w not in _STOPWORDS}) == words or
                                   (proper and proper <= other and (words <= other or other <= words))
                                   for n in e.names)
                               and (e.resolved or e.mentions[0][1] < entity.mentions[0][1])), None)
                if target:
                    merged[entity.key] = target.key
            elif entity.kind in ("Company", "Organization"):
                target = next((e for e in values if e.kind == entity.kind and e is not entity and e.key not in merged
                               and core_name(e.label) == core_name(name)
                               and (e.resolved or e.mentions[0][1] < entity.mentions[0][1])), None)
                # "Kappa Power, a subsidiary of ..." is the short name of Kappa Power Technology Co., Ltd.; "Ganfeng"
                # of the article's Ganfeng Lithium, known or not
                target = target or next((e for e in values if e.kind == "Company" and e is not entity and
                                         e.key not in merged and name in short_names_of(e)), None)
                target = target or self._same_company_placed(entity, values, merged)
                if target:
                    merged[entity.key] = target.key
        # "Liangjiang New Area" is the article's "Chongqing Liangjiang New Area" ("New District" another English for
        # 新区), "100MW vanadium ... project" its "Neijiang 100MW vanadium ... project": one name with the place it
        # is in before it, one without (two places before one name are two things)
        placeless: dict[str, list[tuple[str, str]]] = {}  # an entity's names without their places, read once

        def names_without_places(e: ExtractedEntity) -> list[tuple[str, str]]:
            if e.key not in placeless:
                placeless[e.key] = [self._placeless(name) for name in e.names]
            return placeless[e.key]

        for entity in values:
            if entity.kind not in ("IndustrialPark", "InvestmentProject") or entity.resolved or \
                    entity.key in merged or is_chinese(entity.label):
                continue
            core, place = self._placeless(entity.label)
            if not self._specific(core, entity.kind):
                continue
            target = next((e for e in values if e.kind == entity.kind and e is not entity and e.key not in merged
                           and (e.resolved or e.mentions[0][1] < entity.mentions[0][1]) and any(
                               other[0] == core and (not place or not other[1] or other[1] == place)
                               for other in names_without_places(e))), None)
            if target:
                merged[entity.key] = target.key
        # "Liangjiang" is the Liangjiang New Area of the article, where no place of that name is known (the model
        # may take the bare name for a place or an organisation)
        for entity in values:
            if entity.kind not in ("Place", "Company", "Organization") or entity.resolved or entity.key in merged:
                continue
            park = next((e for e in values if e.kind == "IndustrialPark" and e.key not in merged and any(
                re.fullmatch(rf"(?:\w+ )?{re.escape(entity.label)} (?:New Area|New District|High-tech Zone|"
                             rf"Economic and Technological Development Zone|Economic Development Zone)", n)
                for n in e.names)), None)
            if park:
                merged[entity.key] = park.key
        # "Kemerton" is the article's Kemerton lithium hydroxide plant and "Tianyi" its Yibin Tianyi Lithium Industry,
        # where no place of that name is known: the model takes the bare name of a site or a company for a place
        # (and a mine's for a company)
        for entity in values:
            if entity.kind not in ("Place", "Company") or entity.resolved or entity.key in merged:
                continue
            target = next((e for e in values if e is not entity and self._named_after(entity, e, short_names_of)),
                          None)
            if target:  # the project may be named in other words too, merged into another of its names above
                merged[entity.key] = merged.get(target.key, target.key)
        # a conference named in fewer words (a headline drops the "China (Chengdu)") is the one named in full
        for entity in values:
            if entity.kind != "Conference" or entity.key in merged or entity.resolved:
                continue
            words = normalise(entity.label).split()
            fuller = [e for e in values if e.kind == "Conference" and e is not entity and e.key not in merged
                      and _is_subsequence(words, normalise(e.label).split()) and
                      len(normalise(e.label).split()) > len(words) and words[-1] == normalise(e.label).split()[-1]
                      and set(_YEAR_WORD.findall(entity.label)) == set(_YEAR_WORD.findall(e.label))]
            if len(fuller) == 1:
                merged[entity.key] = fuller[0].key
        # a conference named without its year is the one edition the article names
        for entity in values:
            if entity.kind != "Conference" or entity.key in merged or re.search(r"\b(?:19|20)\d{2}\b", entity.label):
                continue
            bare = normalise(entity.mentions[0][0])
            editions = [e for e in values if e.kind == "Conference" and e is not entity and
                        normalise(re.sub(r"\b(?:19|20)\d{2}\b", "", e.label)) == bare]
            if len(editions) == 1:
                merged[entity.key] = editions[0].key
        return merged
