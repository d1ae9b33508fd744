"""Measured quality: precision, recall and F1 of the extractor against hand annotations (gold).

Gold files (``data/gold/<source id>.json``, see ``data/gold/README.md``) list entities, relations, amounts
and dates. Scoring rules:

* **entities**: a predicted entity matches a gold one when one of its names (the label or a mention) equals
  the gold name or an alias (case- and whitespace-insensitive) and the type is the same. Optional gold
  entities count neither way; kinds the gold does not annotate (Technology, Facility, Event) are left out.
* **relations**: subject, relation kind and object match (names as above; partnerOf and
  signedAgreementWith in either direction). Uncertain gold relations and those of an optional entity count
  neither way, nor do predicted relations that touch an optional or unannotated entity.
* **amounts**: same value and same currency (money), or same value and overlapping text (quantities).
* **dates**: the ISO values as sets.

>>> score = Score(tp=8, fp=2, fn=0)
>>> round(score.precision, 2), round(score.recall, 2), round(score.f1, 3)
(0.8, 1.0, 0.889)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import ParseError, UsageError
from ..sources import read_source
from .amounts import Amount
from .dates import DateMention
from .extractor import ExtractedEntity, Extraction, Extractor, sentence_at
from .reader import ARTICLE_SUFFIXES, clean_text, is_source_of, read_article
from .relations import RelationCandidate

__all__ = ["Score", "agreement", "evaluate", "gold_as_extraction", "intervals", "regroup", "score_article",
           "GOLD_TYPES", "MISS_CAUSES", "FALSE_CAUSES"]

#: The entity types the gold annotates.
GOLD_TYPES = {"Company", "GovernmentBody", "Conference", "IndustrialPark", "InvestmentProject", "Place", "Person",
              "Organization"}
_SYMMETRIC = {"partnerOf", "signedAgreementWith"}
_PARTS = ("entities", "relations", "amounts", "dates")


@dataclass
class Score:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("\u00a0", " ")).strip().casefold()


def _gold_names(entity: dict) -> set[str]:
    return {_norm(entity["name"]), *(_norm(a) for a in entity.get("aliases", []))}


def score_article(gold: dict, extraction, rules: dict[str, Score] | None = None,
                  errors: dict[str, dict[str, list[str]]] | None = None,
                  causes: dict[str, dict[str, int]] | None = None) -> dict[str, Score]:
    """Score one article's extraction against its gold annotations.

    ``rules``, when given, collects for each relation rule the relations it proposed that match the gold (tp)
    and those that do not (fp): how precise each rule is alone. ``errors``, when given, receives for each part
    what the gold has and the extraction missed (``missed``) and what the extraction has and the gold has not
    (``false``), as readable lines. ``causes``, when given, counts why relations were wrong (see
    :data:`MISS_CAUSES` and :data:`FALSE_CAUSES`): ``{"missed": {cause: n}, "false": {cause: n}}``, added to
    what it holds, so that figures across many articles say where relations are lost without showing any.

    >>> from graph.ingest.extractor import Extractor
    >>> gold = {"entities": [{"name": "CATL", "type": "Company"}, {"name": "Yibin", "type": "Place"}],
    ...         "relations": [{"subject": "CATL", "predicate": "investsIn", "object": "Yibin"}],
    ...         "amounts": [], "dates": []}
    >>> errors = {}
    >>> scores = score_article(gold, Extractor(use_registry=False).extract("CATL opened an office."), errors=errors)
    >>> errors["entities"]["missed"], errors["relations"]["missed"]
    (['Yibin [Place]'], ['CATL -investsIn-> Yibin'])
    >>> causes = {}
    >>> _ = score_article(gold, Extractor(use_registry=False).extract("CATL opened an office."), causes=causes)
    >>> causes
    {'missed': {'an entity not found': 1}, 'false': {}}
    """
    scores = {k: Score() for k in _PARTS}
    rules = {} if rules is None else rules
    errors = {} if errors is None else errors
    causes = {} if causes is None else causes
    for way in ("missed", "false"):
        causes.setdefault(way, {})
    for part in scores:
        errors[part] = {"missed": [], "false": []}
    gold_entities = gold.get("entities", [])
    predicted = [e for e in extraction.entities if e.kind in GOLD_TYPES]
    names_of = {e.key: {_norm(n) for n in e.names} for e in extraction.entities}

    def gold_of(key: str, kind: str | None = None):
        return [i for i, g in enumerate(gold_entities) if names_of[key] & _gold_names(g)
                and (kind is None or g["type"] == kind)]

    matched: set[int] = set()
    for entity in predicted:
        hits = gold_of(entity.key, entity.kind)
        if any(gold_entities[i].get("optional") for i in hits):
            matched.update(hits)
            continue
        fresh = [i for i in hits if i not in matched]
        if fresh:
            scores["entities"].tp += 1
            matched.update(hits)
        else:
            # no gold entity, or a second entity for an already matched one (a duplicate)
            scores["entities"].fp += 1
            errors["entities"]["false"].append(f"{entity.label} [{entity.kind}]" + (" (duplicate)" if hits else ""))
    missed = [g for i, g in enumerate(gold_entities) if not g.get("optional") and i not in matched]
    scores["entities"].fn = len(missed)
    errors["entities"]["missed"] = [f"{g['name']} [{g['type']}]" for g in missed]

    name_sets = [_gold_names(g) for g in gold_entities]
    optional = {i for i, g in enumerate(gold_entities) if g.get("optional")}

    def gold_index(name: str) -> int | None:
        return next((i for i, names in enumerate(name_sets) if _norm(name) in names), None)

    gold_relations = []
    for r in gold.get("relations", []):
        subject, obj = gold_index(r["subject"]), gold_index(r["object"])
        # a relation of an optional entity counts neither way, as a predicted one touching it does not count
        neutral = bool(r.get("uncertain")) or subject in optional or obj in optional
        gold_relations.append((subject, r["predicate"], obj, neutral))
    found_relations = set()
    rule_of: dict[tuple, str] = {}
    shown_as: dict[tuple, str] = {}
    for r in extraction.relations:
        subject = next((i for i in gold_of(r.subject)), None)
        obj = next((i for i in gold_of(r.object)), None)
        kinds = {extraction.entity(r.subject).kind, extraction.entity(r.object).kind}
        if not kinds <= GOLD_TYPES | {"Country"} or subject in optional or obj in optional:
            continue
        found_relations.add((subject, r.kind, obj))
        rule_of.setdefault((subject, r.kind, obj), r.rule)
        shown_as.setdefault((subject, r.kind, obj), f"{extraction.entity(r.subject).label} -{r.kind}-> "
                            f"{extraction.entity(r.object).label} ({r.rule})")
    used = set()
    for subject, kind, obj in sorted(found_relations, key=str):
        hit = next((j for j, (gs, gk, go, _) in enumerate(gold_relations) if gk == kind and subject is not None and (
            (gs, go) == (subject, obj) or (kind in _SYMMETRIC and (go, gs) == (subject, obj)))), None)
        rule = rules.setdefault(rule_of[(subject, kind, obj)], Score())
        if hit is None:
            scores["relations"].fp += 1
            rule.fp += 1
            errors["relations"]["false"].append(shown_as[(subject, kind, obj)])
            cause = FALSE_CAUSES[0] if subject is None or obj is None else FALSE_CAUSES[1]
            causes["false"][cause] = causes["false"].get(cause, 0) + 1
        elif gold_relations[hit][3] or hit in used:
            used.add(hit)
        else:
            used.add(hit)
            scores["relations"].tp += 1
            rule.tp += 1
    missed = [j for j, r in enumerate(gold_relations) if not r[3] and j not in used]
    scores["relations"].fn = len(missed)
    for j in missed:
        cause = _miss_cause(gold_relations[j][0], gold_relations[j][2], name_sets, names_of, extraction)
        causes["missed"][cause] = causes["missed"].get(cause, 0) + 1
    errors["relations"]["missed"] = [f"{r['subject']} -{r['predicate']}-> {r['object']}"
                                     for j, r in enumerate(gold.get("relations", [])) if j in missed]

    gold_amounts = gold.get("amounts", [])
    seen = set()
    amounts = []
    for amount, _ in extraction.amounts:
        if (amount.text, amount.value) not in seen:
            seen.add((amount.text, amount.value))
            amounts.append(amount)
    taken: set[int] = set()
    for amount in amounts:
        hit = None
        for j, g in enumerate(gold_amounts):
            if j in taken or Decimal(str(g["value"])) != amount.value:
                continue
            if "currency" in g and g["currency"] == amount.currency:
                hit = j
            elif "unit" in g and amount.unit and (_norm(g["text"]) in _norm(amount.text)
                                                  or _norm(amount.text) in _norm(g["text"])):
                hit = j
            if hit is not None:
                break
        if hit is None:
            scores["amounts"].fp += 1
            errors["amounts"]["false"].append(f"{amount.text} = {amount.value} {amount.currency or amount.unit}")
        else:
            taken.add(hit)
            scores["amounts"].tp += 1
    scores["amounts"].fn = len(gold_amounts) - len(taken)
    errors["amounts"]["missed"] = [f"{g['text']} = {g['value']} {g.get('currency') or g.get('unit')}"
                                   for j, g in enumerate(gold_amounts) if j not in taken]

    gold_dates = set(gold.get("dates", []))
    found_dates = {d.value for d in extraction.dates}
    scores["dates"] = Score(len(gold_dates & found_dates), len(found_dates - gold_dates), len(gold_dates - found_dates))
    errors["dates"] = {"missed": sorted(gold_dates - found_dates), "false": sorted(found_dates - gold_dates)}
    return scores


#: Why a gold relation was missed: one of its entities was not found at all (under none of its gold names);
#: both were, but no sentence names them both (the article states it across sentences, or through "the
#: company"); or one sentence names them both and no rule read it.
MISS_CAUSES = ("an entity not found", "both found, never in one sentence", "both found in one sentence")
#: Why a relation the extraction proposes is not in the gold: one of its entities is no gold entity (a wrong
#: name, a wrong type, or a thing the gold leaves out); or both are, and the gold does not relate them so.
FALSE_CAUSES = ("an entity the gold has not", "both gold entities, a relation the gold has not")


def _miss_cause(subject: int | None, obj: int | None, name_sets: list[set[str]], names_of: dict[str, set[str]],
                extraction) -> str:
    """Which of :data:`MISS_CAUSES` lost the gold relation between gold entities ``subject`` and ``obj``."""
    found = [[key for key, names in names_of.items() if index is not None and names & name_sets[index]]
             for index in (subject, obj)]
    if not found[0] or not found[1]:
        return MISS_CAUSES[0]
    spans = []
    for keys in found:
        starts = [start for key in keys for _, start, _ in extraction.entity(key).mentions]
        spans.append({span for start in starts if (span := sentence_at(extraction.sentences, start)) is not None})
    return MISS_CAUSES[2] if spans[0] & spans[1] else MISS_CAUSES[1]


def _article_text(articles_dir: Path, name: str) -> tuple[str, dt.date | None] | None:
    """The story text and publication date of article ``name``: ``<name>.txt`` with its ``<name>.json``
    metadata (the layout of ``data/sources/``), else an article file (``.html``, ``.md``, ``.txt``) read as
    ``batterykg ingest`` reads it; ``None`` when there is none."""
    text_path = articles_dir / f"{name}.txt"
    if text_path.exists() and text_path.with_suffix(".json").exists():
        source = read_source(text_path)
        return clean_text(source.text), source.date_published
    path = next((articles_dir / f"{name}{suffix}" for suffix in ARTICLE_SUFFIXES
                 if (articles_dir / f"{name}{suffix}").exists()), None)
    if path is None:
        return None
    raw = read_article(path)
    date = raw.metadata.get("datePublished")
    return raw.text, dt.date.fromisoformat(date) if date else None


def evaluate(gold_dir: Path | Sequence[Path], articles_dir: Path, extractor: Extractor | None = None,
             leave_own_out: bool = False, resamples: int = 0) -> dict:
    """Score the extractor against gold annotations, per article and overall (micro-averaged).

    Parameters
    ----------
    gold_dir : Path or sequence of Path
        Gold files ``<source id>.json`` (format: ``data/gold/README.md``); several folders are scored together
        (pooled), each article once.
    articles_dir : Path
        Articles ``<source id>.txt`` with their ``.json`` metadata (the date resolves relative dates), or
        article files ``<source id>.html`` / ``.md`` / ``.txt`` read as ``batterykg ingest`` reads them
        (page furniture dropped, metadata from meta tags or front matter). An article found in neither is
        looked for in the gold folder's own ``articles/`` (a set whose articles are not in the corpus).
    extractor : Extractor, optional
        Default: one with the default data folder's registry.
    leave_own_out : bool
        Read each article as if it had never been ingested: without the registry part its source brought
        (:meth:`Extractor.without_article`). The registry then helps only with what other articles taught it,
        as it would on a new article.
    resamples : int
        When positive, the report also gives ``intervals``: how far each F1 could move on other articles of the
        same kind, drawn from this many resamples of the articles (:func:`intervals`).

    Returns
    -------
    dict
        ``{"extractor": name, "registry": how, "articles": {id: {part: scores}}, "overall": {part: scores},
        "languages": {language: {part: scores}}, "rules": {rule: scores}, "errors": {id: {part: {"missed": [...],
        "false": [...]}}}}`` where ``how`` is ``"none"``, ``"whole"`` or ``"own part left out"``; a part is
        entities, relations, amounts or dates and scores hold tp, fp, fn, precision, recall and f1; an
        article's language is its gold file's ``language``, else the one the extractor read it in; ``rules``
        counts, for each relation rule, the relations it proposed that the gold has (tp) and has not (fp);
        ``errors`` lists what each article's extraction missed and what it has that the gold has not;
        ``causes`` counts, per language, why relations were missed or wrong (:func:`score_article`);
        ``intervals``, with ``resamples``, is what :func:`intervals` returns.

    Raises
    ------
    UsageError
        A folder is missing, or no article has a gold file.

    Examples
    --------
    >>> from graph.folders import DataLayout
    >>> layout = DataLayout.default()
    >>> report = evaluate(layout.gold, layout.sources)
    >>> sorted(report["overall"]), report["overall"]["amounts"]["f1"] > 0.9
    (['amounts', 'dates', 'entities', 'relations'], True)
    """
    gold_dirs = _gold_folders([gold_dir] if isinstance(gold_dir, (str, Path)) else gold_dir)
    articles_dir = Path(articles_dir)
    if not articles_dir.is_dir():
        raise UsageError(f"{articles_dir}: not a folder of articles")
    extractor = extractor or Extractor()
    totals = _Totals()
    rules: dict[str, Score] = {}
    errors: dict[str, dict] = {}
    causes: dict[str, dict] = {}
    for gold_path in sorted(path for folder in gold_dirs for path in folder.glob("*.json")):
        article = _article_text(articles_dir, gold_path.stem)
        if article is None and (gold_path.parent / "articles").is_dir():
            article = _article_text(gold_path.parent / "articles", gold_path.stem)
        if article is None:
            continue
        if gold_path.stem in totals.articles:
            raise UsageError(f"{gold_path}: article {gold_path.stem} has a gold file in two of the folders")
        gold = _read_gold(gold_path)
        reading = extractor.without_article(gold_path.stem) if leave_own_out else extractor
        extraction = reading.extract(*article)
        language = gold.get("language") or extraction.language
        scores = score_article(gold, extraction, rules, errors.setdefault(gold_path.stem, {}),
                               causes.setdefault(language, {}))
        totals.add(gold_path.stem, language, scores)
    if not totals.articles:
        raise UsageError(f"no article of {articles_dir} has a gold file in {', '.join(map(str, gold_dirs))}")
    registry = "none" if not extractor.use_registry else "own part left out" if leave_own_out else "whole"
    report = totals.report(extractor.name, rules, errors, resamples)
    return {"extractor": report["extractor"], "registry": registry, **report,
            "causes": {language: {way: dict(sorted(counts.items())) for way, counts in parts.items()}
                       for language, parts in sorted(causes.items())}}


def intervals(articles: dict[str, dict], language_of: dict[str, str], resamples: int = 2000,
              level: float = 0.95, seed: int = 0) -> dict:
    """Bootstrap intervals of each F1, per language and overall: the articles drawn again with replacement,
    ``resamples`` times, their counts summed and scored (micro-averaged, as the report scores them); the interval
    holds the middle ``level`` of those F1s.

    An F1 over a few dozen articles moves a good deal with which articles happen to be in the set; the interval
    says how much, so two extractors (or an extractor and a target) are compared with that in mind. The draws
    are seeded: the same report gives the same intervals.

    Parameters
    ----------
    articles : dict
        ``{id: {part: {"tp", "fp", "fn", ...}}}``, a report's ``articles``.
    language_of : dict
        Each article's language.

    Returns
    -------
    dict
        ``{"level": level, "resamples": resamples, "languages": {language: {part: [low, high]}},
        "overall": {part: [low, high]}}``, rounded to three places.

    Examples
    --------
    >>> same = {"tp": 1, "fp": 1, "fn": 0}
    >>> intervals({"a": {"relations": same}, "b": {"relations": same}}, {"a": "en", "b": "en"})["overall"]
    {'relations': [0.667, 0.667]}
    >>> mixed = {"a": {"relations": {"tp": 2, "fp": 0, "fn": 0}}, "b": {"relations": {"tp": 0, "fp": 1, "fn": 1}}}
    >>> intervals(mixed, {"a": "en", "b": "en"}, 1000)["languages"]["en"]["relations"]
    [0.0, 1.0]
    """
    import numpy as np

    if resamples < 1 or not 0 < level < 1:
        raise UsageError(f"intervals need at least one resample and a level between 0 and 1 "
                         f"(got {resamples}, {level})")
    names = sorted(articles)
    parts = [part for part in _PARTS if any(part in articles[name] for name in names)]
    counts = np.array([[[articles[name].get(part, {}).get(k, 0) for k in ("tp", "fp", "fn")] for part in parts]
                       for name in names], dtype=np.int64).reshape(len(names), len(parts), 3)
    rng = np.random.default_rng(seed)
    tails = [(1 - level) / 2, 1 - (1 - level) / 2]

    def interval(rows: list[int]) -> dict[str, list[float]]:
        drawn = counts[rows][rng.integers(0, len(rows), size=(resamples, len(rows)))].sum(axis=1)
        tp, fp, fn = drawn[..., 0], drawn[..., 1], drawn[..., 2]
        denominator = 2 * tp + fp + fn
        f1 = np.divide(2 * tp, denominator, out=np.zeros(tp.shape), where=denominator > 0)
        low, high = np.quantile(f1, tails, axis=0)
        return {part: [round(float(a), 3), round(float(b), 3)] for part, a, b in zip(parts, low, high, strict=True)}

    by_language: dict[str, list[int]] = {}
    for row, name in enumerate(names):
        by_language.setdefault(language_of[name], []).append(row)
    return {"level": level, "resamples": resamples,
            "languages": {language: interval(rows) for language, rows in sorted(by_language.items())},
            "overall": interval(list(range(len(names))))}


@dataclass
class _Totals:
    """Scores per article, per language and overall (micro-averaged), as the reports give them."""

    articles: dict[str, dict] = field(default_factory=dict)
    languages: dict[str, dict[str, Score]] = field(default_factory=dict)
    overall: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in _PARTS})
    language_of: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, language: str, scores: dict[str, Score]) -> None:
        in_language = self.languages.setdefault(language, {k: Score() for k in _PARTS})
        for key, score in scores.items():
            self.overall[key] += score
            in_language[key] += score
        self.articles[name] = {k: v.as_dict() for k, v in scores.items()}
        self.language_of[name] = language

    def report(self, extractor: str, rules: dict[str, Score], errors: dict, resamples: int = 0) -> dict:
        """The report's scores; with ``resamples``, their ``intervals`` too (:func:`intervals`)."""
        report = {"extractor": extractor, "articles": self.articles,
                  "overall": {k: v.as_dict() for k, v in self.overall.items()},
                  "languages": {lang: {k: v.as_dict() for k, v in parts.items()}
                                for lang, parts in sorted(self.languages.items())},
                  "rules": {rule: score.as_dict() for rule, score in sorted(rules.items())},
                  "errors": errors}
        if resamples:
            report["intervals"] = intervals(self.articles, self.language_of, resamples)
        return report


def gold_as_extraction(gold: dict) -> Extraction:
    """A second annotator's gold read as if an extractor had found it: what it states firmly.

    Its optional entities, its uncertain relations and those touching an optional entity are left out (the
    annotator hedged them), so scoring it against another annotator's gold with :func:`score_article` asks
    how far the two agree on what each is sure of.

    >>> second = {"entities": [{"name": "CATL", "type": "Company", "aliases": ["Ningde Times"]},
    ...                        {"name": "Yibin", "type": "Place"}, {"name": "Asia", "type": "Place", "optional": True}],
    ...           "relations": [{"subject": "CATL", "predicate": "locatedIn", "object": "Yibin"},
    ...                         {"subject": "Yibin", "predicate": "locatedIn", "object": "Asia"}],
    ...           "amounts": [{"text": "2 GWh", "value": 2, "unit": "GWh"}], "dates": ["2024"]}
    >>> found = gold_as_extraction(second)
    >>> [e.names for e in found.entities], [(r.subject, r.kind, r.object) for r in found.relations]
    ([['CATL', 'Ningde Times'], ['Yibin']], [('g0', 'locatedIn', 'g1')])
    """
    entities, keys = [], {}
    for i, entity in enumerate(gold.get("entities", [])):
        if entity.get("optional"):
            continue
        keys[entity["name"]] = f"g{i}"
        entities.append(ExtractedEntity(f"g{i}", entity["name"], entity["type"], entity["type"], "", True,
                                        [(name, 0, 0) for name in entity.get("aliases", [])]))
    relations = [RelationCandidate(keys[r["subject"]], r["predicate"], keys[r["object"]], (0, 0), 1.0, "annotator")
                 for r in gold.get("relations", [])
                 if not r.get("uncertain") and r["subject"] in keys and r["object"] in keys]
    amounts = [(Amount(a["text"], Decimal(str(a["value"])), 0, 0, a.get("currency"), a.get("unit")), None)
               for a in gold.get("amounts", [])]
    dates = [DateMention(value, value, 0, 0) for value in gold.get("dates", [])]
    return Extraction("", entities, relations, amounts, dates, language=gold.get("language", "en"))


def agreement(first_dir: Path, second_dir: Path, resamples: int = 0) -> dict:
    """How far two annotators agree: each article annotated in both folders, the second's firm statements
    (:func:`gold_as_extraction`) scored against the first's gold as an extraction would be.

    The F1 of entities and relations between two careful annotators is the most an extractor can be expected
    to reach against either. Returns a report of the shape :func:`evaluate` returns (``extractor`` names the
    second folder); articles annotated in only one folder are left out. With ``resamples``, the report also gives
    ``intervals`` (:func:`intervals`).

    Raises
    ------
    UsageError
        A folder is missing, or no article is annotated in both.
    ParseError
        A gold file is not JSON (its file and line are named).
    """
    first_dir, second_dir = _gold_folders([first_dir, second_dir])
    totals, errors = _Totals(), {}
    for second_path in sorted(second_dir.glob("*.json")):
        first_path = first_dir / second_path.name
        if not first_path.exists():
            continue
        first, second = (_read_gold(path) for path in (first_path, second_path))
        scores = score_article(first, gold_as_extraction(second), errors=errors.setdefault(second_path.stem, {}))
        totals.add(second_path.stem, first.get("language", "en"), scores)
    if not totals.articles:
        raise UsageError(f"no article is annotated in both {first_dir} and {second_dir}")
    return totals.report(f"second annotator ({second_dir})", {}, errors, resamples)


def _gold_folders(folders) -> list[Path]:
    """The folders as paths, each checked to be there (:class:`UsageError` names one that is not)."""
    paths = [Path(folder) for folder in folders]
    for folder in paths:
        if not folder.is_dir():
            raise UsageError(f"{folder}: not a folder of gold annotations")
    return paths


def _read_gold(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ParseError(f"{path}:{exc.lineno}: malformed JSON: {exc.msg}") from exc


def regroup(report: dict, gold_dir: Path, resamples: int = 0) -> dict:
    """A report recorded earlier (``eval-extraction -f json``), its totals recomputed per language from its
    articles' counts and the languages of ``gold_dir``'s gold files: a first measure, kept as it was printed,
    read by language.

    An article is found under its key, or, for reports taken before ingest named the articles, under the
    source id that begins with the key's first 40 characters (:func:`graph.ingest.candidates.source_id_for`).
    With ``resamples``, the report also gives ``intervals`` (:func:`intervals`).

    Raises
    ------
    UsageError
        An article of the report has no gold file in ``gold_dir``.
    """
    gold_dir = Path(gold_dir)
    golds = {path.stem: path for path in gold_dir.glob("*.json")}
    languages: dict[str, dict[str, Score]] = {}
    language_of: dict[str, str] = {}
    for name, parts in report["articles"].items():
        path = golds.get(name) or next((p for stem, p in sorted(golds.items()) if is_source_of(stem, name)), None)
        if path is None:
            raise UsageError(f"article {name} of the report has no gold file in {gold_dir}")
        language = language_of[name] = json.loads(path.read_text(encoding="utf-8")).get("language", "en")
        totals = languages.setdefault(language, {k: Score() for k in parts})
        for key, counts in parts.items():
            totals[key] += Score(counts["tp"], counts["fp"], counts["fn"])
    regrouped = {**report, "languages": {lang: {k: v.as_dict() for k, v in parts.items()}
                                         for lang, parts in sorted(languages.items())}}
    if resamples:
        regrouped["intervals"] = intervals(report["articles"], language_of, resamples)
    return regrouped
