"""Verbs for new articles: ``ingest``, ``review``, ``accept``, ``reject``, ``eval-extraction``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ..errors import UsageError
from . import app
from .core import DataOption, data_layout


def _article_files(paths: list[Path]) -> list[Path]:
    from ..ingest.reader import ARTICLE_SUFFIXES
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise UsageError(f"{path}: no article files (.txt, .md, .html) in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return files


@app.command("ingest")
def ingest_command(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .md, .html) or folders of them."),
    headline: str | None = typer.Option(None, "--headline", help="The article's headline."),
    publisher: str | None = typer.Option(None, "--publisher", help="Who published it."),
    date: str | None = typer.Option(None, "--date", help="Publication date, YYYY-MM-DD (resolves 'on Sunday')."),
    url: str | None = typer.Option(None, "--url", help="Where it was published."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print what would be added; write nothing."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    no_registry: bool = typer.Option(False, "--no-registry", help="Propose from the bundled knowledge only, as if "
                                     "the registry knew nothing (with --dry-run: to measure the extractor on news "
                                     "whose entities the graph already holds)."),
    data: Path | None = DataOption,
) -> None:
    """Read articles, extract candidate facts and write them to data/candidates/ (with the article text in
    data/sources/). Metadata comes from the options, front matter or HTML meta tags, or is asked for.
    Exit 2 for an unreadable file (named in the message); nothing is written for it."""
    from ..ingest.candidates import ingest_article
    from ..ingest.extractor import Extractor
    from ..ingest.reader import read_article

    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r}: use text or json")
    if no_registry and not dry_run:
        raise UsageError("--no-registry goes with --dry-run: proposals made without the registry would duplicate "
                         "the entities it already holds")
    layout = data_layout(data)
    files = _article_files(paths)
    articles = [read_article(path) for path in files]  # every file is read before anything is written
    for article in articles:
        for warning in article.warnings:
            typer.echo(f"batterykg: warning: {warning}", err=True)
    extractor = Extractor(layout, use_registry=not no_registry)
    reports = []
    for path, article in zip(files, articles, strict=True):
        meta = {"headline": headline, "publisher": publisher, "datePublished": date, "url": url}
        if not dry_run and sys.stdin.isatty():
            for key, question in (("headline", "Headline"), ("publisher", "Publisher"),
                                  ("datePublished", "Date published (YYYY-MM-DD)")):
                if not meta.get(key) and not article.metadata.get(key):
                    meta[key] = typer.prompt(f"{path.name}: {question}", default="", show_default=False) or None
        result = ingest_article(article, layout, extractor, meta, dry_run=dry_run)
        reports.append(result)
    if fmt == "json":
        payload = [r.as_dict() for r in reports]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2, ensure_ascii=False))
        return
    for result in reports:
        new = sum(1 for e in result.extraction.entities if e.new)
        verb = "would add" if dry_run else ("unchanged:" if result.unchanged else "added")
        typer.echo(f"{result.source_id}: {verb} {len(result.candidates)} candidates "
                   f"({len(result.extraction.entities)} entities, {new} new; {len(result.extraction.relations)} "
                   f"relations; {len(result.extraction.amounts)} amounts; {len(result.extraction.dates)} dates)")
        for written in result.written:
            typer.echo(f"  wrote {written}")
    if not dry_run:
        typer.echo("next: `batterykg review`, then `batterykg accept ID...` or `batterykg accept --article ID`")


@app.command("review")
def review_command(
    article: str | None = typer.Option(None, "--article", help="Only this source id."),
    data: Path | None = DataOption,
) -> None:
    """List the candidate facts awaiting review, grouped by article, new entities first, with their sentences."""
    from ..ingest.review import review_text

    typer.echo(review_text(data_layout(data), article))


@app.command("accept")
def accept_command(
    ids: list[str] = typer.Argument(None, help="Candidate ids (<source id>/c-...) as `review` shows them."),
    article: str | None = typer.Option(None, "--article", help="Accept every candidate of this source id."),
    data: Path | None = DataOption,
) -> None:
    """Move candidates into data/facts/<id>.trig as reviewed facts (quote kept) and their new entities into
    data/registry.ttl."""
    from ..ingest.review import accept

    if not ids and not article:
        raise UsageError("name candidate ids or --article SOURCE_ID")
    outcome = accept(data_layout(data), list(ids or []), article)
    typer.echo(f"accepted {len(outcome.ids)} candidates; {len(outcome.registered)} new entities in the registry")
    for written in outcome.written:
        typer.echo(f"  wrote {written}")


@app.command("reject")
def reject_command(
    ids: list[str] = typer.Argument(None, help="Candidate ids (<source id>/c-...) as `review` shows them."),
    article: str | None = typer.Option(None, "--article", help="Reject every candidate of this source id."),
    data: Path | None = DataOption,
) -> None:
    """Drop candidates; re-ingesting the article will not propose them again."""
    from ..ingest.review import reject

    if not ids and not article:
        raise UsageError("name candidate ids or --article SOURCE_ID")
    outcome = reject(data_layout(data), list(ids or []), article)
    typer.echo(f"rejected {len(outcome.ids)} candidates")


@app.command("eval-extraction")
def eval_extraction_command(
    gold_dir: Path = typer.Argument(..., help="Folder of gold annotations <source id>.json (data/gold)."),
    articles_dir: Path = typer.Argument(..., help="Folder of articles: <source id>.txt + .json (data/sources), or "
                                      "<source id>.html / .md / .txt files read as `ingest` reads them; an article "
                                      "in neither is looked for in the gold folder's articles/."),
    no_registry: bool = typer.Option(False, "--no-registry", help="Extract without the registry's names "
                                     "(bundled gazetteer and company list only): the score on unseen news."),
    leave_own_out: bool = typer.Option(False, "--leave-own-out", help="Read each article with the registry as it "
                                       "would be had the article never been ingested (without the entities its "
                                       "source brought): the registry's help on new news, without its memory."),
    with_gold: list[Path] = typer.Option(None, "--with-gold", help="Another folder of gold annotations, scored "
                                         "together with GOLD_DIR (repeatable): held-back sets pooled."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    by_rule: bool = typer.Option(False, "--by-rule", help="Also the precision of each relation rule alone."),
    show_errors: bool = typer.Option(False, "--errors", help="Also, per article, what the extraction missed and "
                                     "what it found that the gold has not (the rule behind each relation)."),
    show_causes: bool = typer.Option(False, "--causes", help="Also, per language, why relations were missed (an "
                                     "entity not found; never named with the other in one sentence; in one "
                                     "sentence, but no rule read it) or wrong, as counts only: fit for "
                                     "held-back sets."),
    show_intervals: bool = typer.Option(False, "--intervals", help="Also, per language and overall, the 95% "
                                        "bootstrap interval of each F1 (the articles drawn again with "
                                        "replacement, 2,000 times, seeded): how far the figure could move on "
                                        "other articles of the same kind."),
    recorded: Path | None = typer.Option(None, "--recorded", help="Print this report recorded earlier "
                                         "(-f json) instead of extracting, its totals per the gold's languages."),
    data: Path | None = DataOption,
) -> None:
    """Precision, recall and F1 of typed entities, relations, amounts and dates, per article, per language and
    overall."""
    from ..ingest.evaluate import evaluate, regroup
    from ..ingest.extractor import Extractor

    resamples = _RESAMPLES if show_intervals else 0
    if leave_own_out and (no_registry or recorded is not None):
        raise UsageError("--leave-own-out reads with the registry: it goes with neither --no-registry nor --recorded")
    if recorded is not None:
        try:
            report = regroup(json.loads(recorded.read_text(encoding="utf-8")), gold_dir, resamples)
        except (OSError, ValueError, KeyError) as exc:
            raise UsageError(f"{recorded}: not a report of eval-extraction -f json ({exc})") from exc
    else:
        report = evaluate([gold_dir, *(with_gold or [])], articles_dir,
                          Extractor(data_layout(data), use_registry=not no_registry), leave_own_out=leave_own_out,
                          resamples=resamples)
    if fmt == "json":
        typer.echo(json.dumps(report, indent=2))
        return
    how = f" (recorded in {recorded})" if recorded else " (without the registry)" if no_registry else \
        " (the registry without each article's own part)" if leave_own_out else ""
    _print_scores(report, how)
    if by_rule:
        typer.echo("\nrelations proposed per rule (precision alone; recall is the relations' own)")
        width = max(len(rule) for rule in report["rules"]) if report["rules"] else 4
        typer.echo(f"{'rule':<{width}} {'P':>6} {'tp':>4} {'fp':>4}")
        for rule, s in report["rules"].items():
            typer.echo(f"{rule:<{width}} {s['precision']:>6.3f} {s['tp']:>4} {s['fp']:>4}")
    if show_intervals:
        _print_intervals(report["intervals"])
    if show_causes:
        if "causes" not in report:
            raise UsageError(f"{recorded}: this recorded report has no causes (recorded before --causes existed)")
        _print_causes(report["causes"])
    if show_errors:
        if "errors" not in report:
            raise UsageError(f"{recorded}: this recorded report has no errors (recorded before --errors existed)")
        _print_errors(report)


#: Resamples of ``eval-extraction --intervals``.
_RESAMPLES = 2000


def _print_intervals(found: dict) -> None:
    """The bootstrap intervals of each F1, per language and overall."""
    typer.echo(f"\n{found['level']:.0%} intervals of F1 (articles drawn again with replacement, "
               f"{found['resamples']:,} times)")
    rows = [(f"language {lang}", parts) for lang, parts in found["languages"].items()] + \
        [("overall", found["overall"])]
    width = max(len(name) for name, _ in rows)
    typer.echo(f"{'':<{width}} {'part':<10} {'low':>6} {'high':>6}")
    for name, parts in rows:
        for part, (low, high) in parts.items():
            typer.echo(f"{name:<{width}} {part:<10} {low:>6.3f} {high:>6.3f}")


def _print_causes(causes: dict) -> None:
    """Why relations were missed or wrong, per language, as counts and shares."""
    from ..ingest.evaluate import FALSE_CAUSES, MISS_CAUSES

    typer.echo("\nwhy relations were missed, and why proposed ones were wrong")
    width = max(len(cause) for cause in MISS_CAUSES + FALSE_CAUSES)
    for language, parts in causes.items():
        for way, names in (("missed", MISS_CAUSES), ("false", FALSE_CAUSES)):
            total = sum(parts.get(way, {}).values())
            typer.echo(f"{language} {way} ({total})")
            for cause in names:
                count = parts.get(way, {}).get(cause, 0)
                typer.echo(f"  {cause:<{width}} {count:>5} {count / total if total else 0:>6.0%}")


@app.command("eval-agreement")
def eval_agreement_command(
    first_dir: Path = typer.Argument(..., help="Folder of gold annotations <source id>.json: the first annotator."),
    second_dir: Path = typer.Argument(..., help="Another annotator's gold for some of the same articles."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    show_errors: bool = typer.Option(False, "--errors", help="Also, per article, what each annotator has that "
                                     "the other has not."),
    show_intervals: bool = typer.Option(False, "--intervals", help="Also the 95% bootstrap interval of each F1, "
                                        "as eval-extraction gives it."),
) -> None:
    """How far two annotators agree: the second's firm statements (optional entities and uncertain relations
    left out) scored against the first's gold, as eval-extraction scores an extraction. The most an extractor
    can be expected to reach."""
    from ..ingest.evaluate import agreement

    if fmt not in ("table", "json"):
        raise UsageError(f"unknown format {fmt!r}: use table or json")
    report = agreement(first_dir, second_dir, _RESAMPLES if show_intervals else 0)
    if fmt == "json":
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    _print_scores(report, "")
    if show_intervals:
        _print_intervals(report["intervals"])
    if show_errors:
        _print_errors(report)


def _print_scores(report: dict, how: str) -> None:
    """A report of eval-extraction or eval-agreement as a table: per article, per language and overall."""
    typer.echo(f"{report['extractor']}{how}")
    rows = list(report["articles"].items()) + [(f"language {lang}", parts) for lang, parts in
                                               report["languages"].items()] + [("overall", report["overall"])]
    width = max(len(name) for name, _ in rows)
    typer.echo(f"{'article':<{width}} {'part':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, parts in rows:
        for part, s in parts.items():
            typer.echo(f"{name:<{width}} {part:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                       f"{s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")


def _print_errors(report: dict) -> None:
    """Per article, what the gold has and the other side missed, and what the other side has that it has not."""
    for name, parts in report["errors"].items():
        lines = [f"  {which} {part[:-1] if part != 'entities' else 'entity'}: {item}"
                 for part, found in parts.items() for which in ("missed", "false") for item in found[which]]
        if lines:
            typer.echo(f"\n{name}")
            typer.echo("\n".join(lines))


@app.command("duplicates")
def duplicates_command(
    threshold: float = typer.Option(0.6, "--threshold", help="The lowest score shown (0-1)."),
    judged: bool = typer.Option(False, "--judged", help="Also the pairs a judgement already settled."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    data: Path | None = DataOption,
) -> None:
    """Likely duplicate entities of the registry and the pending candidates, with the evidence for each pair
    (names in both languages, shared neighbours, the same place) and the judgement it suggests. Settle each
    with `batterykg judge`; run it before every accept. Exit 1 when a pair is left to judge."""
    from ..ingest.duplicates import likely_duplicates

    if fmt not in ("table", "json"):
        raise UsageError(f"unknown format {fmt!r}: use table or json")
    if not 0 <= threshold <= 1:
        raise UsageError(f"--threshold {threshold}: a score between 0 and 1")
    pairs = likely_duplicates(data_layout(data), threshold, judged)
    if fmt == "json":
        typer.echo(json.dumps([p.as_dict() for p in pairs], indent=2, ensure_ascii=False))
    else:
        for pair in pairs:
            shown = pair.as_dict()
            typer.echo(f"{shown['score']:.2f}  {shown['first']}  {shown['second']}  (suggested: {pair.suggestion})")
            for line in pair.evidence:
                typer.echo(f"      {line}")
        typer.echo(f"{len(pairs)} pair{'s' if len(pairs) != 1 else ''} to judge"
                   + (": batterykg judge FIRST SECOND same|different|parent-subsidiary" if pairs else ""))
    if pairs and not judged:
        raise typer.Exit(1)


@app.command("judge")
def judge_command(
    first: str = typer.Argument(..., help="An entity: bk:slug or its IRI (kept when the two are the same)."),
    second: str = typer.Argument(..., help="The other entity (merged into the first when the same)."),
    judgement: str = typer.Argument(..., help="same, different or parent-subsidiary."),
    note: str = typer.Option("", "--note", help="Why: what the articles say."),
    data: Path | None = DataOption,
) -> None:
    """Record a judgement about a likely duplicate pair in data/judgements.tsv. `same` merges the second entity
    into the first everywhere (its names become other names; owl:sameAs keeps its IRI)."""
    from ..ingest.duplicates import judge

    layout = data_layout(data)
    for path in judge(layout, first, second, judgement, note):
        typer.echo(f"  wrote {layout.display(path)}")


@app.command("review-log")
def review_log_command(
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    data: Path | None = DataOption,
) -> None:
    """The extractor's first pass against what review accepted: precision, recall and F1 of entities and
    relations, per article, per language (all, and only the articles the extractor was not tuned on) and in all
    (the articles whose review is finished)."""
    from ..ingest.review_log import review_scores

    if fmt not in ("table", "json"):
        raise UsageError(f"unknown format {fmt!r}: use table or json")
    report = review_scores(data_layout(data))
    if fmt == "json":
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    rows = [(name + (" (tuned on)" if parts["tuned"] else ""), parts) for name, parts in report["articles"].items()]
    rows += [(f"language {lang}", parts) for lang, parts in report["languages"].items()]
    rows += [(f"language {lang}, not tuned on", parts) for lang, parts in report["untuned"].items()]
    rows += [("overall", report["overall"])]
    width = max(len(name) for name, _ in rows)
    typer.echo(f"{'article':<{width}} {'part':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for name, parts in rows:
        for part in ("entities", "relations"):
            s = parts[part]
            typer.echo(f"{name:<{width}} {part:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                       f"{s['tp']:>5} {s['fp']:>5} {s['fn']:>5}")
    typer.echo(f"{len(report['articles'])} articles reviewed; {len(report['pending'])} awaiting review")
