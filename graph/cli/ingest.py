"""Verbs for new articles: ``ingest``, ``review``, ``accept``, ``reject``, ``eval-extraction``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ..errors import UsageError
from ..ingest.candidates import ingest_article
from ..ingest.evaluate import evaluate
from ..ingest.extractor import Extractor
from ..ingest.reader import ARTICLE_SUFFIXES, read_article
from ..ingest.review import accept, reject, review_text
from . import app
from .core import DataOption, data_layout


def _article_files(paths: list[Path]) -> list[Path]:
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
    data: Path | None = DataOption,
) -> None:
    """Read articles, extract candidate facts and write them to data/candidates/ (with the article text in
    data/sources/). Metadata comes from the options, front matter or HTML meta tags, or is asked for.
    Exit 2 for an unreadable file (named in the message); nothing is written for it."""
    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r}: use text or json")
    layout = data_layout(data)
    files = _article_files(paths)
    articles = [read_article(path) for path in files]  # every file is read before anything is written
    for article in articles:
        for warning in article.warnings:
            typer.echo(f"batterykg: warning: {warning}", err=True)
    extractor = Extractor(layout)
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
    typer.echo(review_text(data_layout(data), article))


@app.command("accept")
def accept_command(
    ids: list[str] = typer.Argument(None, help="Candidate ids (<source id>/c-...) as `review` shows them."),
    article: str | None = typer.Option(None, "--article", help="Accept every candidate of this source id."),
    data: Path | None = DataOption,
) -> None:
    """Move candidates into data/facts/<id>.trig as reviewed facts (quote kept) and their new entities into
    data/registry.ttl."""
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
    if not ids and not article:
        raise UsageError("name candidate ids or --article SOURCE_ID")
    outcome = reject(data_layout(data), list(ids or []), article)
    typer.echo(f"rejected {len(outcome.ids)} candidates")


@app.command("eval-extraction")
def eval_extraction_command(
    gold_dir: Path = typer.Argument(..., help="Folder of gold annotations <source id>.json (data/gold)."),
    articles_dir: Path = typer.Argument(..., help="Folder of articles: <source id>.txt + .json (data/sources), or "
                                      "<source id>.html / .md / .txt files read as `ingest` reads them."),
    no_registry: bool = typer.Option(False, "--no-registry", help="Extract without the registry's names "
                                     "(bundled gazetteer and company list only): the score on unseen news."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    data: Path | None = DataOption,
) -> None:
    """Precision, recall and F1 of typed entities, relations, amounts and dates, per article and overall."""
    report = evaluate(gold_dir, articles_dir, Extractor(data_layout(data), use_registry=not no_registry))
    if fmt == "json":
        typer.echo(json.dumps(report, indent=2))
        return
    typer.echo(f"{report['extractor']}{' (without the registry)' if no_registry else ''}")
    rows = list(report["articles"].items()) + [("overall", report["overall"])]
    width = max(len(name) for name, _ in rows)
    typer.echo(f"{'article':<{width}} {'part':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, parts in rows:
        for part, s in parts.items():
            typer.echo(f"{name:<{width}} {part:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                       f"{s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")
