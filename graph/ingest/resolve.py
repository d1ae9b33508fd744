"""Entity resolution: link a mention to what the graph (and the bundled lists) already know.

A mention is linked by label or alias (case-, space- and hyphen-insensitive), then by legal-form-free core
name, then by a fuzzy match (rapidfuzz) of the same kind. Years decide between editions of a yearly event:
"2031 World Power Battery Conference" is not the 2024 edition, nor the series. What matches nothing is a
proposed new entity, never merged silently.

>>> knowledge = Knowledge.load()
>>> knowledge.resolve("CATL", "Company").label
'Contemporary Amperex Technology Co., Limited'
>>> knowledge.resolve("Ningde Times", "Company") is knowledge.resolve("CATL", "Company")
True
>>> knowledge.resolve("2024 World Power Battery Conference", "Conference").iri.endswith("conference-2024")
True
>>> knowledge.resolve("2031 World Power Battery Conference", "Conference") is None  # an edition no article names
True
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SDO, SKOS

from ..facts import parse_rdf_file
from ..folders import DataLayout
from ..names import core_name, normalise
from ..namespace import BK, BKG
from .gazetteer import TECHNOLOGIES, load_companies, load_places, slugify

__all__ = ["KnownEntity", "Knowledge", "normalise", "core_name", "KIND_OF_CLASS", "CLASS_OF_KIND"]

#: The kind (the extractor's coarse type) of each ontology class.
KIND_OF_CLASS = {
    "Company": "Company", "GovernmentBody": "GovernmentBody", "ResearchInstitution": "Organization",
    "Organization": "Organization", "Person": "Person", "Conference": "Conference",
    "ConferenceSeries": "Conference", "Visit": "Event", "SigningCeremony": "Event", "Event": "Event",
    "IndustrialPark": "IndustrialPark", "Facility": "Facility", "Country": "Place", "Province": "Place",
    "City": "Place", "District": "Place", "AdministrativeArea": "Place", "Place": "Place",
    "InvestmentProject": "InvestmentProject", "Technology": "Technology",
}
#: The class proposed for a new entity of each kind.
CLASS_OF_KIND = {
    "Company": "Company", "GovernmentBody": "GovernmentBody", "Organization": "Organization", "Person": "Person",
    "Conference": "Conference", "Event": "Event", "IndustrialPark": "IndustrialPark", "Facility": "Facility",
    "Place": "Place", "InvestmentProject": "InvestmentProject", "Technology": "Technology",
}
_SPECIFICITY = ["Company", "GovernmentBody", "ResearchInstitution", "Organization", "Person", "Conference",
                "ConferenceSeries", "Visit", "SigningCeremony", "Event", "Country", "Province", "City", "District",
                "IndustrialPark", "Facility", "AdministrativeArea", "Place", "InvestmentProject", "Technology"]
_PLACE_SUFFIX = re.compile(r"\s+(?:province|city|municipality|county|district|prefecture|autonomous region)$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# the government of a place, as the press writes it
_DIVISION_WORD = r"(?i:district|county|city|province|prefecture|municipality)"
_GOVERNMENT_OF = re.compile(
    r"^(?i:the\s+)?(?i:(?:people's|municipal|provincial)\s+)?(?i:government)\s+of\s+(?i:the\s+)?"
    rf"(?P<place>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*?)(?:\s+{_DIVISION_WORD})?$"
    rf"|^(?i:the\s+)?(?P<place2>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*?)(?:\s+{_DIVISION_WORD})?"
    r"(?:\s+(?i:municipal|provincial|district|county|city|prefectural))?(?:\s+(?i:people's))?\s+(?i:government)$")
_GOVERNMENT_OF_ZH = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,8}?)(?:人民政府|政府)$")
_GOVERNMENT_NAME = re.compile(r"people's government|municipal government|provincial government|district government|"
                              r"county government|city government|^\w+ government$|人民政府|政府$", re.IGNORECASE)


@dataclass
class KnownEntity:
    """Something the graph or the bundled lists know: IRI, class, label, names and containing place."""

    iri: str
    cls: str
    label: str
    names: list[str] = field(default_factory=list)
    parent: str | None = None
    in_registry: bool = False
    #: the Chinese names (the rdfs:label@zh first, when the registry gives one)
    names_zh: list[str] = field(default_factory=list)
    #: the government body of a place: the place it governs
    governs: str | None = None

    @property
    def label_zh(self) -> str | None:
        return self.names_zh[0] if self.names_zh else None

    @property
    def kind(self) -> str:
        return KIND_OF_CLASS.get(self.cls, "Organization")

    @property
    def years(self) -> set[str]:
        return set(_YEAR.findall(self.label))


def _registry_entities(registry: Graph) -> list[KnownEntity]:
    found = []
    for node in sorted(set(registry.subjects(RDF.type, None))):
        if not isinstance(node, URIRef) or not str(node).startswith(str(BK)):
            continue
        classes = {str(c).split("#")[-1] for c in registry.objects(node, RDF.type)}
        cls = next((c for c in _SPECIFICITY if c in classes), None)
        labels = sorted(registry.objects(node, RDFS.label), key=lambda lit: (getattr(lit, "language", None) != "en",
                                                                             str(lit)))
        if cls is None or not labels:
            continue  # a publisher only, or something we do not extract
        english = [str(x) for x in labels if getattr(x, "language", None) != "zh"]
        chinese = [str(x) for x in labels if getattr(x, "language", None) == "zh"]
        alt = sorted(registry.objects(node, SKOS.altLabel), key=str)
        names = english + [str(a) for a in alt if getattr(a, "language", None) != "zh"]
        names_zh = chinese + [str(a) for a in alt if getattr(a, "language", None) == "zh"]
        label = english[0] if english else chinese[0]
        parent = registry.value(node, SDO.containedInPlace)
        governs = registry.value(node, BKG.governs)
        found.append(KnownEntity(str(node), cls, label, names or [label], str(parent) if parent else None, True,
                                 list(dict.fromkeys(names_zh)), str(governs) if governs else None))
    return found


class Knowledge:
    """An index of known entities: the registry's, then the bundled places, companies and technologies."""

    def __init__(self, entities: list[KnownEntity]):
        self.entities: list[KnownEntity] = []
        self.by_iri: dict[str, KnownEntity] = {}
        self._exact: dict[str, list[KnownEntity]] = {}
        self._core: dict[str, list[KnownEntity]] = {}
        #: the long names fuzzy matching compares a mention with, by the kind and the years asked for
        self._fuzzy_pools: dict[tuple[str, frozenset[str]], tuple[dict[str, KnownEntity], list[str]]] = {}
        for entity in entities:
            self._add(entity)

    def _add(self, entity: KnownEntity) -> None:
        self._fuzzy_pools.clear()
        self.entities.append(entity)
        self.by_iri[entity.iri] = entity
        for name in entity.names + entity.names_zh:
            bucket = self._exact.setdefault(normalise(name), [])
            if entity not in bucket:
                bucket.append(entity)
            if entity.kind in ("Company", "Organization"):
                self._core.setdefault(core_name(name), []).append(entity)

    @classmethod
    def load(cls, layout: DataLayout | None = None, use_registry: bool = True,
             leave_out: Collection[str] = ()) -> Knowledge:
        """The knowledge of a data folder: its registry (unless ``use_registry`` is false) and the bundled lists.

        A bundled entry that names a registry entity of the same kind is merged into it (the registry's IRI
        wins; the bundled names become extra aliases for matching). ``leave_out`` names sources whose registry
        parts (``registry/<source id>.ttl``: the entities they brought) are left out, as if never ingested.
        """
        entities: list[KnownEntity] = []
        if use_registry:
            layout = layout or DataLayout.default()
            registry = Graph()
            left_out = {layout.registry_part(source_id) for source_id in leave_out}
            for path in (p for p in layout.registry_files if p not in left_out):
                for triple in parse_rdf_file(path, layout.display(path), "turtle"):
                    registry.add(triple)
            entities = _registry_entities(registry)
        knowledge = cls(entities)
        renamed: dict[str, str] = {}
        for entry in load_places():
            names_zh = list(entry.names_zh)
            kin = knowledge._match_exact(entry.names + tuple(names_zh), "Place", entry.cls)
            if kin is not None and kin.in_registry and (not kin.parent or not entry.parent
                                                        or renamed.get(entry.parent) == kin.parent):
                renamed[entry.id] = kin.iri
                knowledge._merge_names(kin, entry.names, names_zh)
                continue
            iri = str(BK[entry.id])
            renamed[entry.id] = iri
            parent = renamed.get(entry.parent) if entry.parent else None
            knowledge._add(KnownEntity(iri, entry.cls, entry.label, list(entry.names), parent, names_zh=names_zh))
        for entry in load_companies():
            names_zh = list(entry.names_zh)
            kin = knowledge._match_exact(entry.names + tuple(names_zh), "Company")
            if kin is None:
                knowledge._add(KnownEntity(str(BK[entry.id]), "Company", entry.label, list(entry.names),
                                           names_zh=names_zh))
            else:
                knowledge._merge_names(kin, entry.names, names_zh)
        for label, names, names_zh in TECHNOLOGIES:
            all_names, names_zh = [label, *names], list(names_zh)
            kin = knowledge._match_exact(all_names + names_zh, "Technology")
            if kin is None:
                knowledge._add(KnownEntity(str(BK[slugify(label)]), "Technology", label, all_names,
                                           names_zh=names_zh))
            else:
                knowledge._merge_names(kin, all_names, names_zh)
        return knowledge

    def _merge_names(self, entity: KnownEntity, names, names_zh) -> None:
        """Add a bundled entry's names to the registry entity it names."""
        for group, extra in ((entity.names, names), (entity.names_zh, names_zh)):
            for name in extra:
                if name not in group:
                    group.append(name)
                bucket = self._exact.setdefault(normalise(name), [])
                if entity not in bucket:
                    bucket.append(entity)

    def _match_exact(self, names, kind: str, cls: str | None = None) -> KnownEntity | None:
        for name in names:
            for entity in self._exact.get(normalise(name), []):
                if entity.kind == kind and (cls is None or entity.cls == cls or entity.in_registry):
                    return entity
        return None

    def names(self):
        """Every (name, entity) pair, English and Chinese, for phrase matching."""
        for entity in self.entities:
            for name in entity.names + entity.names_zh:
                yield name, entity

    def government_of(self, place_iri: str) -> KnownEntity | None:
        """The government of a place (its People's Government), when the registry knows one: of the bodies that
        govern the place, the one whose name says it is the government, not a department.

        >>> knowledge = Knowledge.load()
        >>> knowledge.government_of(knowledge.resolve("Yibin", "Place").iri).label
        "People's Government of Yibin City"
        """
        bodies = [e for e in self.entities if e.governs == place_iri and e.kind == "GovernmentBody"]
        return next((e for e in bodies if any(_GOVERNMENT_NAME.search(n) for n in e.names + e.names_zh)), None)

    def governed_place(self, name: str, context: set[str] | frozenset = frozenset()) -> KnownEntity | None:
        """The place a government is named after: "the government of Shuangliu district", "Zigong municipal
        government", "宜宾市人民政府" → the place; ``None`` for a name that is not a place's government.

        >>> knowledge = Knowledge.load(use_registry=False)
        >>> [knowledge.governed_place(n).label for n in ("the government of Shuangliu district",
        ...                                              "Zigong municipal government", "宜宾市人民政府")]
        ['Shuangliu District', 'Zigong City', 'Yibin City']
        """
        match = _GOVERNMENT_OF.search(name) or _GOVERNMENT_OF_ZH.search(name)
        if match is None:
            return None
        groups = match.groupdict()
        place = (groups.get("place") or groups.get("place2") or "").strip()
        found = self.resolve(place, "Place", context)
        if found is None:
            found = self.resolve(_PLACE_SUFFIX.sub("", normalise(place)), "Place", context)
        return found if found is not None and found.kind == "Place" else None

    def places_named(self, text: str) -> set[str]:
        """IRIs of the places whose names occur (as whole words) in ``text``."""
        words = normalise(text).split()
        found = set()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                found |= {e.iri for e in self._exact.get(" ".join(words[i:i + size]), []) if e.kind == "Place"}
        return found

    def ancestors(self, iri: str) -> list[str]:
        """The places containing ``iri``, nearest first."""
        chain: list[str] = []
        entity = self.by_iri.get(iri)
        while entity is not None and entity.parent and entity.parent not in chain:
            chain.append(entity.parent)
            entity = self.by_iri.get(entity.parent)
        return chain

    def resolve(self, mention: str, kind: str, context: set[str] | frozenset = frozenset()) -> KnownEntity | None:
        """The known entity ``mention`` names, or ``None``.

        ``context`` holds IRIs of places the article mentions; between namesakes ("Taizhou" in Jiangsu or in
        Zhejiang) the one inside a mentioned place wins, else the higher-level one.
        """
        years = set(_YEAR.findall(mention))

        def compatible(entity: KnownEntity) -> bool:
            if entity.kind != kind and not ({entity.kind, kind} <= {"Place", "IndustrialPark", "Facility"}) \
                    and not ({entity.kind, kind} <= {"Company", "Organization"}):
                return False
            if entity.kind in ("Conference", "Event") and years != entity.years:
                return False  # another edition, or the series
            return True

        candidates = [e for e in self._exact.get(normalise(mention), []) if compatible(e)]
        if not candidates and kind in ("Company", "Organization"):
            candidates = [e for e in self._core.get(core_name(mention), []) if compatible(e)]
        if not candidates and len(mention) >= 8 and kind not in ("Place", "Person"):
            key = (kind, frozenset(years))
            if key not in self._fuzzy_pools:  # built once per kind (and years): an article asks many times
                pool = {}
                for entity in self.entities:
                    if compatible(entity):
                        for name in entity.names:
                            if len(name) >= 8:
                                pool[normalise(name)] = entity
                self._fuzzy_pools[key] = (pool, list(pool))
            pool, names = self._fuzzy_pools[key]
            best = process.extractOne(normalise(mention), names, scorer=fuzz.token_sort_ratio, score_cutoff=92)
            if best is not None:
                candidates = [pool[best[0]]]
        if kind == "InvestmentProject" and not any(w[:1].isupper() for w in mention.split()):
            # a project named only by what it is ("energy storage project") is the known one only where the
            # known one's name places it somewhere this article names
            candidates = [e for e in candidates if any(self.places_named(n) & set(context) for n in e.names)]
        if not candidates:
            return None
        if len(candidates) > 1:
            level = {"Country": 0, "Province": 1, "City": 2, "District": 3}

            others = set(context) - {c.iri for c in candidates}  # a namesake's own mention is no evidence

            def rank(entity: KnownEntity):
                inside = bool(others & set(self.ancestors(entity.iri)))
                same_kind = entity.kind == kind
                return (not same_kind, not entity.in_registry, not inside, level.get(entity.cls, 4))
            candidates.sort(key=rank)
        return candidates[0]
