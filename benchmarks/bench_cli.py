"""Benchmark of the command line's start-up: how long ``batterykg`` takes, as a new process, for a verb that does
little work, so that the time is mostly importing.

``run()`` returns one dict per command (``name``) with ``median_s``, ``min_s`` and ``max_s`` over ``repeat``
runs of a fresh ``python -m graph …`` process (wall clock, output discarded), and ``modules``: how many modules
that process imported. The commands: a bare interpreter (the floor); ``import graph``; ``batterykg --help``;
``batterykg query`` of five companies (a table, as a person asks) on the store built from the shipped
``data/`` (built once into a temporary folder, not timed). A run of the query command is mostly start-up:
importing, opening the store read-only, parsing the arguments (Typer imports pydantic to coerce them), printing
the table.

With ``BENCH_CLI_BASELINE=FOLDER`` (a folder holding another version's ``graph/`` package, e.g. made with
``git archive 3ee9cc4 graph | tar -x -C FOLDER``, its ``data`` and ``ontology`` links pointed at this checkout's),
each command is also timed against that version, in turns with ours so that both see the same load:
``baseline_s`` is its median and ``ratio`` = baseline / ours.

Run: ``python -m benchmarks.bench_cli`` (or ``BENCH_ONLY=cli python -m benchmarks``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Runs of each command; the median is quoted.
REPEAT = 9


def _once(argv: list[str], cwd: str, env: dict | None) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def _timed(argv: list[str], repeat: int, cwd: str, baseline: str | None) -> tuple[list[float], list[float]]:
    """Times of ours and of the baseline's (run in turns), each process started in ``cwd`` (not the checkout,
    whose ``graph/`` would shadow the baseline's)."""
    env = {**os.environ, "PYTHONPATH": baseline} if baseline else None
    if baseline:
        _once(argv, cwd, env)  # compiles the baseline's modules once, outside the timing
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(_once(argv, cwd, None))
        if baseline:
            theirs.append(_once(argv, cwd, env))
    return ours, theirs


def _modules(code: str, cwd: str, baseline: str | None = None) -> int:
    """How many modules a fresh process holds after running ``code``."""
    env = {**os.environ, "PYTHONPATH": baseline} if baseline else None
    done = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(len(sys.modules))"],
                          capture_output=True, text=True, check=True, cwd=cwd, env=env)
    return int(done.stdout.strip().splitlines()[-1])


def run(repeat: int = REPEAT, baseline: str | None = None) -> list[dict]:
    from graph.build import build
    from graph.folders import OutputLayout

    baseline = baseline or os.environ.get("BENCH_CLI_BASELINE") or None
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as folder:
        out = OutputLayout(Path(folder) / "out")
        build(out=out)
        query = "SELECT ?company ?label WHERE { ?company a bkg:Company ; rdfs:label ?label } ORDER BY ?label LIMIT 5"
        commands = [
            ("python (bare interpreter)", [sys.executable, "-c", "pass"], "pass"),
            ("import graph", [sys.executable, "-c", "import graph"], "import graph"),
            ("batterykg --help", [sys.executable, "-m", "graph", "--help"],
             "import sys; sys.argv = ['batterykg', '--help']\nfrom graph.cli import main\ntry: main()\n"
             "except SystemExit: pass"),
            ("batterykg query (store of data/)", [sys.executable, "-m", "graph", "query", "--store", str(out.store),
                                              query], None),
        ]
        results = []
        for name, argv, code in commands:
            times, theirs = _timed(argv, repeat, folder, baseline)
            row = {"name": name, "median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
                   "max_s": round(max(times), 3), "runs": repeat}
            if code is not None:
                row["modules"] = _modules(code, folder)
            if theirs:
                row["baseline_s"] = round(statistics.median(theirs), 3)
                row["ratio"] = round(row["baseline_s"] / row["median_s"], 1)
                if code is not None:
                    row["baseline_modules"] = _modules(code, folder, baseline)
            results.append(row)
    return results


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
