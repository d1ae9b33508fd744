"""Verbs for SPARQL users: ``queries`` (the saved questions) and ``serve`` (the HTTP endpoint)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UsageError
from . import app
from .core import OutOption, output_layout


@app.command("queries")
def queries_command(
    show: str | None = typer.Argument(None, help="Print the SPARQL text of this saved query."),
) -> None:
    """List the saved questions with their parameters; run one with `batterykg query --saved NAME --param k=v`."""
    from ..sparql.saved import list_saved, load_saved

    if show:
        typer.echo(load_saved(show).text, nl=False)
        return
    for saved in list_saved():
        typer.echo(f"{saved.name}\n    {saved.question}")
        for param in saved.params:
            typer.echo(f"    --param {param.name}=...  {param.description} ({param.kind}, default: {param.default})")


@app.command("serve")
def serve_command(
    out: Path | None = OutOption,
    store: str | None = typer.Option(None, "--store", help="The store folder to serve (default: the one in --out)."),
    host: str = typer.Option("127.0.0.1", "--host", help="The address to listen on (loopback by default)."),
    port: int = typer.Option(7879, "--port", help="The port (0 picks a free one; the URL is printed)."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run; longer ones are stopped (503)."),
    max_rows: int = typer.Option(10_000, "--max-rows", help="Most rows (or triples) in a result; more is a 422."),
    max_request: int = typer.Option(1_000_000, "--max-request", help="Most bytes in a request; more is a 413."),
    workers: int = typer.Option(4, "--workers", help="Query worker processes (queries that run at once)."),
    allow_dataset_clauses: bool = typer.Option(
        False, "--allow-dataset-clauses",
        help="Allow FROM, FROM NAMED and default-/named-graph-uri: a dataset of the store's own graphs."),
    allow_service: list[str] = typer.Option(
        [], "--allow-service", metavar="HOST",
        help="Let SERVICE reach this host (host or host:port); repeat for several. Without it SERVICE is refused."),
    max_memory: str = typer.Option(
        "auto", "--max-memory-per-query", metavar="SIZE",
        help="Memory a query worker may hold (512M, 2G); past it the query is stopped (503) and its worker "
             "replaced. auto: a quarter of the machine's memory divided by --workers."),
    log: bool = typer.Option(False, "--log", help="Log every request on stderr."),
) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql, with a query page
    at / (saved questions, results as a table) and the views under /views/.

    Safe by default: loopback only, updates refused (403), a time limit and a memory ceiling per query (503),
    a row cap (422), a request size cap (413), no FROM (403) and no SERVICE (403). Stop it with Ctrl-C.
    """
    from ..sparql.server import ServerSettings, parse_size, serve

    layout = output_layout(out)
    if store and store.startswith(("http://", "https://")):
        raise UsageError("serve serves an embedded store folder; a remote store is already an endpoint")
    if timeout <= 0 or max_rows <= 0 or max_request <= 0 or workers <= 0:
        raise UsageError("--timeout, --max-rows, --max-request and --workers must be positive")
    memory = None if max_memory.strip().lower() == "auto" else parse_size(max_memory)
    if memory is not None and memory <= 0:
        raise UsageError("--max-memory-per-query must be positive")
    settings = ServerSettings(store=Path(store) if store else layout.store, out=layout.root, host=host, port=port,
                              timeout=timeout, max_rows=max_rows, max_request=max_request, workers=workers,
                              allow_dataset_clauses=allow_dataset_clauses, allow_service=tuple(allow_service),
                              max_memory=memory, log=log)

    from ..freshness import analysis_graph_notice, notice

    for message in (notice(layout), analysis_graph_notice(layout)) if not store else ():
        if message:
            typer.echo(f"batterykg: warning: {message}", err=True)

    def ready(url: str) -> None:
        typer.echo(f"battery-kg SPARQL endpoint: {url}sparql  (query page: {url})", err=False)
        import sys

        sys.stdout.flush()

    serve(settings, ready)
