"""``batterykg run``: build the graph, then each stage after it, in the order listed here (what `make run` does)."""

from __future__ import annotations

from pathlib import Path

import typer

from . import app
from .analysis import analysis_stage
from .core import DataOption, OutOption, data_layout, output_layout
from .views import views_stage

__all__ = ["RUN_STAGES", "run_command"]

#: The stages of `batterykg run` after the build, in order: the analysis, then the views (which draw its results).
RUN_STAGES = (analysis_stage, views_stage)


@app.command("run")
def run_command(data: Path | None = DataOption, out: Path | None = OutOption) -> None:
    """Build the graph, run the analysis and write the views (what `make run` does)."""
    from ..build import build

    report = build(data_layout(data), output_layout(out))
    report.out_of_date = []  # the stages below refresh what the build left out of date
    typer.echo(report.summary())
    for stage in RUN_STAGES:
        stage(data_layout(data), output_layout(out))
