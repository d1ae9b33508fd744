"""Benchmark of the store's size on disk after rebuilds: three incremental builds and one full rebuild of a built
graph, each against a fresh build of the same data (issue 13, item 22).

``run(context)`` returns, per scale, one row per step (see :mod:`benchmarks`): ``fresh build`` (the prepared
scale, built once from scratch), then ``incremental build 1–3`` (a new article, then two changes to it:
another fact each time) and ``full rebuild`` (:func:`graph.build` with ``incremental=False`` over the same
output folder). ``median_s`` is the build's time; ``store_mib`` the store folder's size (``du``, bytes of
every file); ``fresh_mib`` the size of a store built from scratch from the same data; ``ratio`` = store /
fresh. A build must leave the store no bigger than a fresh build of the same graph would be.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from . import BenchContext, row
from .bench_build import _link_copy, add_article

#: The steps measured after the fresh build: the change each makes to the new article's facts (``None``: add it).
STEPS = [("incremental build 1 (a new article)", None),
         ("incremental build 2 (the article changed)", ("bk:company-000002", "bk:company-000003")),
         ("incremental build 3 (the article changed)", ("bk:company-000003", "bk:company-000004")),
         ("full rebuild (incremental=False)", "full")]


def store_mib(folder: Path) -> float:
    """The size of a store folder: every file's bytes (hard links to another store included), in MiB."""
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()) / 2**20


def run(context: BenchContext) -> list[dict]:
    from graph.build import build

    rows: list[dict] = []
    for scale in context.scales:
        prepared = context.prepared(scale)
        fresh = store_mib(prepared.out / "store")
        rows.append(row(scale, "fresh build", [0.0], store_mib=round(fresh, 1), fresh_mib=round(fresh, 1),
                        ratio=1.0, triples=prepared.triples, note="the prepared scale"))
        with tempfile.TemporaryDirectory(dir=context.work) as tmp:
            data, out = Path(tmp) / "data", Path(tmp) / "out"
            _link_copy(prepared.data, data)
            shutil.copytree(prepared.out, out)
            for name, change in STEPS:
                facts = data / "facts" / "bench-new-article.trig"
                if change is None:
                    add_article(data)
                elif change != "full":
                    text = facts.read_text(encoding="utf-8").replace(*change)
                    facts.unlink()  # a hard link to nothing else, but never write through one
                    facts.write_text(text, encoding="utf-8")
                started = time.perf_counter()
                report = build(data, out, incremental=change != "full")
                seconds = time.perf_counter() - started
                size = store_mib(out / "store")
                reference = Path(tmp) / "reference"
                build(data, reference, incremental=False)
                same = store_mib(reference / "store")
                shutil.rmtree(reference)
                rows.append(row(scale, name, [seconds], store_mib=round(size, 1), fresh_mib=round(same, 1),
                                ratio=round(size / same, 3), triples=report.triples,
                                note=f"rebuilt: {', '.join(report.changed_sources)}"
                                if report.changed_sources is not None else "a full build"))
    return rows


if __name__ == "__main__":
    import os
    import sys

    from . import SCALES

    scales = [s for s in os.environ.get("BENCH_SCALES", "10k").split(",") if s in SCALES]
    work = Path(__file__).resolve().parent.parent / "out" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    results = run(BenchContext(scales=scales, work=work))
    from .__main__ import _table

    print("\n".join(_table(results)))
    sys.exit(0)
