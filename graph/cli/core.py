"""Verbs for the graph itself: ``build``, ``validate``, ``query``, ``stats`` (``run`` is in :mod:`graph.cli.run`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from ..errors import DataNotConformError, UsageError
from ..folders import DataLayout, OutputLayout
from ..store.results import FORMATS
from . import app

DataOption = typer.Option(None, "--data", help="The data folder (default: the shipped data, or $BATTERYKG_DATA).")
OutOption = typer.Option(None, "--out", help="The output folder (default: ./out, or $BATTERYKG_OUT).")
StoreOption = typer.Option(
    None, "--store",
    help="A store folder or a SPARQL endpoint URL (default: $BATTERYKG_STORE, or the built store in --out).")


def data_layout(data: Path | None) -> DataLayout:
    return (DataLayout(data) if data else DataLayout.default()).require()


def output_layout(out: Path | None) -> OutputLayout:
    return OutputLayout(out) if out else OutputLayout.default()


def store_for(store: str | None, out: Path | None):
    """The store named by --store, else by ``BATTERYKG_STORE``, else the one built in --out.

    ``--out`` also names where a verb writes (views, tables), so it must not override a store named
    elsewhere: ``BATTERYKG_STORE=URL batterykg views --out site`` reads the remote store and writes to site/.
    """
    import os

    from ..store import open_store

    return open_store(store or os.environ.get("BATTERYKG_STORE") or output_layout(out).store)


@app.command("build")
def build_command(
    data: Path | None = DataOption,
    out: Path | None = OutOption,
    reviewed_only: bool = typer.Option(False, "--reviewed-only", help="Leave extracted candidates out."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success."),
    store: str | None = typer.Option(
        None, "--store", help="Also load the graph into this SPARQL endpoint URL, replacing what it held "
        "(default: $BATTERYKG_STORE when it is an http(s) URL)."),
) -> None:
    """Load ontology, registry and facts; validate with SHACL; write out/battery-kg.{trig,ttl,jsonld} and the store.

    Exit 1 when the data does not conform (each violation with its file), 2 for unreadable input.
    A failed build leaves the previous outputs untouched.
    """
    from ..build import build

    store = store or _remote_from_environment()
    if store and not store.startswith(("http://", "https://")):
        raise UsageError(f"--store {store!r}: build loads into a SPARQL endpoint URL (http:// or https://)")
    report = build(data_layout(data), output_layout(out), include_candidates=not reviewed_only, remote=store)
    if not quiet:
        typer.echo(report.summary())


def _remote_from_environment() -> str | None:
    import os

    location = os.environ.get("BATTERYKG_STORE", "")
    return location if location.startswith(("http://", "https://")) else None


@app.command("validate")
def validate_command(data: Path | None = DataOption) -> None:
    """Validate the data against the shapes without writing anything. Exit 1 if it does not conform."""
    from ..build import check

    lines = check(data_layout(data))
    if lines:
        lines = list(dict.fromkeys(lines))
        plural = "s" if len(lines) != 1 else ""
        raise DataNotConformError(f"the data does not conform: {len(lines)} problem{plural}\n" + "\n".join(lines))
    typer.echo("the data conforms")


@app.command("query")
def query_command(
    sparql: str = typer.Argument(None, help="SPARQL text, or a .rq file."),
    fmt: str = typer.Option("table", "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
    saved: str | None = typer.Option(None, "--saved", help="Run a saved query by name (see `batterykg queries`)."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE for a saved query's parameter."),
    out: Path | None = OutOption,
    store: str | None = StoreOption,
) -> None:
    """Ask the built graph a SPARQL question. SELECT/ASK as table, csv, tsv, json or xml; CONSTRUCT/DESCRIBE
    as turtle, ntriples or jsonld. Prefixes bkg, bk, schema, rdf, rdfs, owl, skos, prov, xsd, sh are predeclared."""
    from ..store.results import GRAPH_FORMATS

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    target = store_for(store, out)
    if saved:
        from ..sparql.saved import run_saved

        result = run_saved(saved, dict(_split_param(p) for p in param), target)
    else:
        if not sparql:
            raise UsageError("give a SPARQL query, a .rq file, or --saved NAME")
        if param:
            raise UsageError("--param goes with --saved")
        text = _query_text(sparql)
        result = target.query(text)
        if not (store or os.environ.get("BATTERYKG_STORE")):
            _warn_if_analysis_is_not_current(text, output_layout(out))
    if result.kind == "graph" and fmt == "table":
        fmt = "turtle"
    graph_format = fmt in GRAPH_FORMATS
    if graph_format != (result.kind == "graph"):
        usable = ", ".join(f for f in FORMATS if (f in GRAPH_FORMATS) == (result.kind == "graph"))
        what = {"graph": "a CONSTRUCT or DESCRIBE", "select": "a SELECT", "ask": "an ASK"}[result.kind]
        raise UsageError(f"--format {fmt}: {what} result is written as {usable}")
    text = result.serialize(fmt)
    sys.stdout.buffer.write(text if text.endswith(b"\n") else text + b"\n")
    sys.stdout.flush()


def _warn_if_analysis_is_not_current(sparql: str, output: OutputLayout) -> None:
    """Say on stderr when a query reads analysis results that the built store does not hold as current."""
    from ..freshness import analysis_graph_notice, reads_analysis

    if reads_analysis(sparql) and (message := analysis_graph_notice(output)):
        typer.echo(f"batterykg: warning: {message}", err=True)


def _query_text(argument: str) -> str:
    """The query an argument stands for: the text of the file it names when one exists (or it ends in ``.rq``),
    else the argument itself. A long one-line query is text, never a file name too long to look up.

    >>> _query_text("SELECT * WHERE { ?s ?p ?o } # " + "x" * 300)[:8]
    'SELECT *'
    """
    named_file = argument.endswith(".rq") and not any(c.isspace() for c in argument)
    if not named_file and "\n" not in argument:
        try:
            named_file = Path(argument).is_file()
        except (OSError, ValueError):  # too long for a file name, or a NUL: query text
            named_file = False
    if not named_file:
        return argument
    try:
        return Path(argument).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{argument}: cannot read: {exc.strerror}") from exc


def _split_param(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise UsageError(f"--param {text!r}: write NAME=VALUE")
    name, value = text.split("=", 1)
    return name.strip(), value


@app.command("stats")
def stats_command(
    out: Path | None = OutOption,
    store: str | None = StoreOption,
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    check_targets: bool = typer.Option(False, "--check", help="Exit 1 when a corpus target is not met."),
) -> None:
    """What the built graph holds against the corpus targets: articles by language and year, publishers,
    entities, organisations, reviewed facts, cities and districts of Sichuan and Chongqing with a project."""
    import json

    from ..stats import corpus_stats

    if fmt not in ("table", "json"):
        raise UsageError(f"unknown format {fmt!r}: use table or json")
    report = corpus_stats(store_for(store, out))
    if fmt == "json":
        typer.echo(json.dumps(report, indent=2))
    else:
        for target in report["targets"]:
            mark = "ok " if target["met"] else "   "
            typer.echo(f"{mark} {target['value']:>7,}  {target['label']} (target {target['least']:,})")
        typer.echo("articles by language: " + ", ".join(f"{k} {v}" for k, v in report["languages"].items()))
        figures = report["figures"]
        typer.echo("articles by year: " + ", ".join(f"{k} {v}" for k, v in report["years"].items())
                   + f"; {figures['undated_articles']} undated ({figures['undated_articles_dated_by_signing']} "
                   "more, undated on their page, are counted in the year of the latest signing they report)")
        unsourced = report["figures"]["reviewed_assertions_without_sentence"]
        typer.echo(f"reviewed assertions without their sentence: {unsourced}")
    if check_targets and not all(t["met"] for t in report["targets"]):
        raise typer.Exit(1)
