"""``batterykg views``: write the index page and the interactive network views; a stage of ``batterykg run``."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import UsageError
from ..folders import DataLayout, OutputLayout
from . import app
from .core import OutOption, StoreOption, output_layout, store_for


@app.command("views")
def views_command(
    out: Path | None = OutOption,
    store: str | None = StoreOption,
    entity_pages: int | None = typer.Option(
        None, "--entity-pages", metavar="N", show_default=False,
        help="At most N entity pages, highest PageRank first (default: "
             "graph.views.site.ENTITY_PAGE_LIMIT); -1 for all."),
    self_contained: bool = typer.Option(False, "--self-contained",
                                        help="Inline vis-network and the view script in every page (each a "
                                             "single file, about 0.5 MB more) instead of sharing them from "
                                             "views/assets/."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success."),
) -> None:
    """Write out/index.html, out/views/ecosystem.html, out/views/partnerships.html and
    out/views/entities/<slug>.html: pages that open offline from file:// (and under `batterykg serve`),
    sharing one copy of their scripts in out/views/assets/ (--self-contained: each page on its own).

    Exit 2 when the graph has not been built (run `batterykg build` first).
    """
    from ..views import write_views  # the views are imported only when drawn
    from ..views.site import ENTITY_PAGE_LIMIT

    if entity_pages is None:
        entity_pages = ENTITY_PAGE_LIMIT
    if entity_pages < -1:
        raise UsageError(f"--entity-pages {entity_pages}: give a count, or -1 for all")
    report = write_views(store_for(store, out), output_layout(out),
                         entity_pages=None if entity_pages == -1 else entity_pages, self_contained=self_contained)
    if not quiet:
        typer.echo(report.summary())
    from ..freshness import notice

    if message := notice(output_layout(out), names={"analysis", "store-analysis"}):
        typer.echo(f"batterykg: warning: {message}", err=True)


def views_stage(data_layout: DataLayout, output: OutputLayout) -> None:
    """The views stage of `batterykg run`: after the build and the analysis."""
    from ..store import open_store
    from ..views import write_views

    typer.echo(write_views(open_store(output.store), output).summary())
