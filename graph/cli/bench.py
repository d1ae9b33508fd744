"""Verbs for scale: ``synth`` writes a synthetic data folder to build and benchmark at any size."""

from __future__ import annotations

from pathlib import Path

import typer

from ..synth import synthesize
from . import app


@app.command("synth")
def synth_command(
    out: Path = typer.Option(..., "--out", help="The data folder to write (new, empty, or an earlier synth folder)."),
    entities: int = typer.Option(1000, "--entities", "-n", help="Entities in the registry (about 10 triples each)."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same entities and seed give identical files."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success."),
) -> None:
    """Write a synthetic ecosystem (registry, articles, facts) in the format of data/, for
    `batterykg build --data OUT`. Heavy-tailed: a few hubs, many entities seen once. Exit 2 for bad arguments."""
    summary = synthesize(out, entities=entities, seed=seed)
    if not quiet:
        typer.echo(summary.summary())
