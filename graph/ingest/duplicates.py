"""One node per real thing: likely duplicate entities with the evidence for each pair, and the judgements a
curator records about them.

With articles in two languages the same company arrives as a short name, a legal name, an English and a
Chinese name, and a subsidiary looks like its parent: a split node halves its centrality, a wrong merge
invents a broker. As in OpenSanctions' nomenklatura, the check proposes pairs with the features behind each
(names, shared neighbours, the same place), a person decides, and the judgement is kept in
``data/judgements.tsv`` so it is asked once:

* ``same``: the second entity is merged into the first — its IRI is replaced everywhere in the data folder,
  its names become the first's other names, and ``owl:sameAs`` keeps its IRI;
* ``different``: two things; the pair is not proposed again;
* ``parent-subsidiary``: the first owns the second; not proposed again (a sentence that says so is a fact).

The build fails when two entities of one class share a normalised name (:func:`graph.build.assembly.duplicate_names`).

>>> from graph.folders import DataLayout
>>> [p for p in likely_duplicates(DataLayout.default()) if p.score > 0.99]
[]
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import fuzz

from ..errors import UsageError
from ..facts import parse_quads
from ..folders import DataLayout
from ..names import core_name, normalise
from ..namespace import BK, curie
from .changes import FileChanges
from .chinese import english_name
from .chinese_text import is_chinese
from .resolve import KIND_OF_CLASS, Knowledge

__all__ = ["RegistryEntity", "DuplicatePair", "likely_duplicates", "read_judgements", "judge", "JUDGEMENTS"]

#: What a curator may say of a pair.
JUDGEMENTS = ("same", "different", "parent-subsidiary")
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_TYPE = _RDF + "type"
_CONTAINED = "https://schema.org/containedInPlace"
_LOCATION = "https://schema.org/location"
_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
# a branch or a subsidiary named after its parent: 分公司, "(Sichuan)", （宜宾）
_BRANCH = re.compile(r"分公司|子公司|branch|subsidiary|\((?:[A-Z][a-z]+|[\u4e00-\u9fff]{2,4})\)|"
                     r"（[\u4e00-\u9fff]{2,4}）", re.IGNORECASE)


@dataclass
class RegistryEntity:
    """An entity as the duplicates check sees it: names in both languages, place, neighbours."""

    iri: str
    cls: str
    names: list[str] = field(default_factory=list)
    container: str | None = None
    neighbours: set[str] = field(default_factory=set)
    pending: bool = False  # declared by candidates awaiting review, not yet in the registry

    @property
    def kind(self) -> str:
        return KIND_OF_CLASS.get(self.cls, "Organization")

    @property
    def english(self) -> list[str]:
        return [n for n in self.names if not is_chinese(n)]

    @property
    def chinese(self) -> list[str]:
        return [n for n in self.names if is_chinese(n)]


@dataclass
class DuplicatePair:
    """Two entities that may be one, the score (0–1) and the evidence, and the judgement it suggests."""

    first: str
    second: str
    score: float
    evidence: list[str]
    suggestion: str

    def as_dict(self) -> dict:
        return {"first": curie(self.first), "second": curie(self.second), "score": round(self.score, 3),
                "evidence": self.evidence, "suggestion": self.suggestion}


def _specific(classes: set[str]) -> str | None:
    order = ["Company", "GovernmentBody", "ResearchInstitution", "Organization", "Person", "Conference",
             "ConferenceSeries", "Visit", "SigningCeremony", "Event", "Country", "Province", "City", "District",
             "IndustrialPark", "Facility", "AdministrativeArea", "Place", "InvestmentProject", "Technology"]
    local = {c.rsplit("#", 1)[-1] for c in classes}
    return next((c for c in order if c in local), None)


def _entities(layout: DataLayout) -> dict[str, RegistryEntity]:
    """The registry's entities and those pending candidates declare, with the neighbours facts give them."""
    classes: dict[str, set[str]] = defaultdict(set)
    names: dict[str, list[str]] = defaultdict(list)
    containers: dict[str, str] = {}
    pending: set[str] = set()
    edges: list[tuple[str, str]] = []

    def read(quads, in_registry: bool) -> None:
        for q in quads:
            s, p, o = q.subject.value, q.predicate.value, q.object
            if not s.startswith(str(BK)):
                continue
            if p == _TYPE:
                classes[s].add(o.value)
                if not in_registry:
                    pending.add(s)
            elif p in (_LABEL, _ALT) and isinstance(o, ox.Literal):
                if o.value not in names[s]:
                    names[s].append(o.value)
            elif p in (_CONTAINED, _LOCATION) and isinstance(o, ox.NamedNode):
                containers.setdefault(s, o.value)
            elif isinstance(o, ox.NamedNode) and o.value.startswith(str(BK)):
                edges.append((s, o.value))

    for path in layout.registry_files:
        read(parse_quads(path, layout.display(path), "turtle"), True)
    registry = set(classes)
    for folder in (layout.facts, layout.candidates):
        for path in sorted(folder.glob("*.trig")):
            read(parse_quads(path, layout.display(path), "trig"), False)
    found = {}
    for iri, kinds in classes.items():
        cls = _specific(kinds)
        if cls is None or not names.get(iri):
            continue
        found[iri] = RegistryEntity(iri, cls, names[iri], containers.get(iri), pending=iri not in registry)
    for s, o in edges:
        if s in found and o in found:
            found[s].neighbours.add(o)
            found[o].neighbours.add(s)
    return found


def _compatible(a: RegistryEntity, b: RegistryEntity) -> bool:
    kinds = {a.kind, b.kind}
    return a.kind == b.kind or kinds <= {"Company", "Organization"} or kinds <= {"Place", "IndustrialPark"}


# Each name is compared with hundreds of others: its forms are worked out once.
_normal = lru_cache(maxsize=None)(normalise)
_core = lru_cache(maxsize=None)(core_name)


def _name_evidence(a: RegistryEntity, b: RegistryEntity, knowledge: Knowledge | None,
                   reading: dict[str, str] | None = None) -> tuple[float, list[str]]:
    """How alike two entities' names are (0–1), and why.

    ``reading`` keeps the core of each Chinese name read in English, worked out once per name.
    """
    best, why = 0.0, []
    for x in a.names:
        for y in b.names:
            nx, ny = _normal(x), _normal(y)
            if nx == ny:
                return 1.0, [f"the same name: {x!r} / {y!r}"]
            cx, cy = _core(x), _core(y)
            if cx and cx == cy:
                best, why = max(best, 0.95), [f"the same name without the legal form: {x!r} / {y!r}"]
                continue
            if is_chinese(x) and is_chinese(y):
                short, long_ = sorted((cx, cy), key=len)
                if len(short) >= 3 and short in long_ and best < 0.85:
                    best, why = 0.85, [f"one Chinese name inside the other: {x!r} / {y!r}"]
            elif not is_chinese(x) and not is_chinese(y):
                ratio = fuzz.token_sort_ratio(cx, cy) / 100
                if ratio >= 0.85 and ratio * 0.9 > best:
                    best, why = ratio * 0.9, [f"similar names ({ratio:.0%}): {x!r} / {y!r}"]
                short, long_ = sorted((cx.split(), cy.split()), key=len)
                if short and len(" ".join(short)) >= 4 and long_[:len(short)] == short and best < 0.7:
                    best, why = 0.7, [f"one name starts the other: {x!r} / {y!r}"]
    if knowledge is not None:  # across languages: a Chinese name read in pinyin and English terms
        reading = {} if reading is None else reading
        for zh_side, en_side, flip in ((a, b, False), (b, a, True)):
            for x in zh_side.chinese:
                if x not in reading:
                    reading[x] = core_name(english_name(x, knowledge))
                for y in en_side.english:
                    ratio = fuzz.token_sort_ratio(reading[x], _core(y)) / 100
                    if ratio >= 0.85 and ratio * 0.85 > best:
                        shown = f"{y!r} / {x!r}" if flip else f"{x!r} / {y!r}"
                        best, why = ratio * 0.85, [f"the Chinese name reads like the English one ({ratio:.0%}): "
                                                   f"{shown}"]
    return best, why


def likely_duplicates(layout: DataLayout, threshold: float = 0.6, judged: bool = False,
                      knowledge: Knowledge | None = None) -> list[DuplicatePair]:
    """Pairs of entities that may be one real thing, best first, with the evidence for each.

    Parameters
    ----------
    layout : DataLayout
        The data folder: its registry, reviewed facts and pending candidates.
    threshold : float
        The lowest score shown (0–1): names count most, then shared neighbours and the same place.
    judged : bool
        Also the pairs a judgement already settled (``data/judgements.tsv``).
    knowledge : Knowledge, optional
        The bundled knowledge used to read Chinese names in English (default: without the registry).
    """
    entities = _entities(layout)
    decided = read_judgements(layout)
    knowledge = knowledge or Knowledge.load(use_registry=False)
    by_kind: dict[str, list[RegistryEntity]] = defaultdict(list)
    for entity in entities.values():
        if entity.kind != "Technology":
            by_kind[{"Organization": "Company", "IndustrialPark": "Place"}.get(entity.kind, entity.kind)].append(
                entity)
    pairs, reading = [], {}
    for group in by_kind.values():
        group.sort(key=lambda e: e.iri)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if not _compatible(a, b) or (not judged and frozenset((a.iri, b.iri)) in decided):
                    continue
                if a.kind == "Place" and b.kind == "Place" and a.container and b.container and \
                        a.container != b.container:
                    continue  # namesakes in two places
                if {a.cls, b.cls} == {"Conference", "ConferenceSeries"} or _years(a) and _years(b) and \
                        not _years(a) & _years(b):
                    continue  # an edition and its series, or two editions
                score, evidence = _name_evidence(a, b, knowledge, reading)
                if score < 0.6 or (a.cls != b.cls and score <= 0.7):
                    continue
                shared = a.neighbours & b.neighbours
                if shared:
                    score = min(1.0, score + 0.05 * len(shared))
                    evidence.append(f"{len(shared)} shared neighbour{'s' if len(shared) > 1 else ''}: "
                                    + ", ".join(sorted(curie(n) for n in shared)[:5]))
                if a.container and a.container == b.container:
                    score = min(1.0, score + 0.05)
                    evidence.append(f"both in {curie(a.container)}")
                if a.iri in b.neighbours:
                    evidence.append("they are related by a fact")
                if a.pending or b.pending:
                    evidence.append("awaiting review: " + ", ".join(curie(e.iri) for e in (a, b) if e.pending))
                suggestion = "same"
                if any(_BRANCH.search(n) for n in a.names + b.names) or a.iri in b.neighbours:
                    suggestion = "parent-subsidiary"
                if a.cls != b.cls and {a.kind, b.kind} != {"Company", "Organization"}:
                    suggestion = "different"
                if score >= threshold:
                    pairs.append(DuplicatePair(a.iri, b.iri, score, evidence, suggestion))
    pairs.sort(key=lambda p: (-p.score, p.first, p.second))
    return pairs


def _years(entity: RegistryEntity) -> set[str]:
    return {y for n in entity.names for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", n)}


def read_judgements(layout: DataLayout) -> dict[frozenset, tuple[str, str]]:
    """The judgements of ``data/judgements.tsv``: each pair (as a frozenset of IRIs) → (judgement, note)."""
    path = layout.root / "judgements.tsv"
    found: dict[frozenset, tuple[str, str]] = {}
    if not path.exists():
        return found
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or fields[2] not in JUDGEMENTS:
            raise UsageError(f"{layout.display(path)}:{number}: expected FIRST<TAB>SECOND<TAB>"
                             f"{'|'.join(JUDGEMENTS)}[<TAB>NOTE]")
        first, second = (_expand(f) for f in fields[:2])
        found[frozenset((first, second))] = (fields[2], fields[3] if len(fields) > 3 else "")
    return found


def _expand(name: str) -> str:
    name = name.strip()
    return str(BK[name[3:]]) if name.startswith("bk:") else name.strip("<>")


def judge(layout: DataLayout, first: str, second: str, judgement: str, note: str = "") -> list[Path]:
    """Record a judgement about two entities; ``same`` also merges the second into the first in every file of
    the data folder. The files of the change are written together. Returns the files written."""
    if judgement not in JUDGEMENTS:
        raise UsageError(f"unknown judgement {judgement!r}: use {', '.join(JUDGEMENTS)}")
    first, second = _expand(first), _expand(second)
    entities = _entities(layout)
    for iri in (first, second):
        if iri not in entities:
            raise UsageError(f"{curie(iri)}: no such entity in the registry or the candidates")
    if first == second:
        raise UsageError("a judgement is about two entities")
    with layout.lock():
        return _judge(layout, first, second, judgement, note)


def _judge(layout: DataLayout, first: str, second: str, judgement: str, note: str) -> list[Path]:
    entities = _entities(layout)
    change = FileChanges()
    path = layout.root / "judgements.tsv"
    old = change.read(path) or "# first\tsecond\tjudgement\tnote: what a curator said of a likely duplicate pair " \
                               "(batterykg duplicates; batterykg judge)\n"
    line = "\t".join([curie(first), curie(second), judgement, note.replace("\t", " ").replace("\n", " ")])
    change.write(path, old.rstrip("\n") + "\n" + line + "\n")
    if judgement == "same":
        _merge(layout, entities[first], entities[second], change)
    return change.apply()


def _merge(layout: DataLayout, keep: RegistryEntity, gone: RegistryEntity, change: FileChanges) -> None:
    """Replace ``gone`` by ``keep`` in every file; ``gone``'s labels become ``keep``'s other names, and
    ``owl:sameAs`` keeps ``gone``'s IRI."""
    full, short = f"<{gone.iri}>", curie(gone.iri)
    pattern = re.compile(re.escape(full) + ("|" + re.escape(short) + r"(?![\w-])" if short.startswith("bk:")
                                            else ""))
    replacement = f"<{keep.iri}>"
    keep_has_zh = any(is_chinese(n) for n in keep.names)
    registry = layout.registry_files
    noted = False
    for path in [*registry, *sorted(layout.facts.glob("*.trig")), *sorted(layout.candidates.glob("*.trig"))]:
        text = change.read(path) or ""
        if not pattern.search(text):
            continue
        # the merged entity's labels become other names wherever they are declared: the registry, and the
        # entity graphs accepted into facts files
        text = pattern.sub(replacement, _labels_to_aliases(text, pattern, keep_has_zh))
        if path in registry:
            if not noted:
                text = text.rstrip("\n") + (f"\n\n# {short} was judged the same as {curie(keep.iri)} "
                                            f"(data/judgements.tsv)\n{replacement} <{_SAME_AS}> {full} .\n")
                noted = True
        change.write(path, text)


def _labels_to_aliases(text: str, pattern: re.Pattern, keep_has_zh: bool) -> str:
    """In the registry's lines about ``gone``, its labels become other names (``skos:altLabel``), except a Chinese
    label when the entity it merges into has none."""
    out = []
    inside = False
    for line in text.splitlines(keepends=True):
        starts = bool(re.match(r"\s*(?:" + pattern.pattern + r")\s", line))
        if starts:
            inside = True
        if inside:
            def relabel(match: re.Match) -> str:
                chinese = is_chinese(match.group("value"))
                if chinese and not keep_has_zh:
                    return match.group(0)
                return match.group(0).replace(match.group("pred"), "skos:altLabel" if match.group("pred") ==
                                              "rdfs:label" else f"<{_ALT}>")
            line = re.sub(r"(?P<pred>rdfs:label|<http://www\.w3\.org/2000/01/rdf-schema#label>)\s+"
                          r"\"(?P<value>(?:[^\"\\]|\\.)*)\"@(?:en|zh)", relabel, line)
        if inside and re.search(r"\s\.\s*$", line):
            inside = False
        out.append(line)
    return "".join(out)
