"""Benchmark of ingestion: loading the extractor, extracting from articles of growing size, and ingesting a
folder of articles into a copy of the data folder.

``run(sizes)`` returns one dict per step (``name``) with:

- ``load_s``: building the extractor (registry, gazetteer, company list, spaCy phrase matcher), once;
- per size (characters): ``extract_s`` and ``kchars_per_s`` for one article of that size (the seed articles
  repeated), with the entities, relations and amounts found;
- ``ingest_s`` for ingesting the five seed texts as new articles (files under a temporary folder) into a
  temporary copy of ``data/``, and ``reingest_s`` for doing it again (nothing changes).

Run: ``python -m benchmarks.bench_ingest`` (or ``python benchmarks/bench_ingest.py``).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from graph.ingest.candidates import ingest_article
from graph.ingest.extractor import Extractor
from graph.ingest.reader import clean_text, read_article
from graph.layout import DataLayout


def _corpus(layout: DataLayout) -> str:
    return "\n\n".join(clean_text(p.read_text(encoding="utf-8")) for p in sorted(layout.sources.glob("*.txt")))


def run(sizes=(2_000, 20_000, 200_000)) -> list[dict]:
    layout = DataLayout.default()
    results: list[dict] = []
    started = time.perf_counter()
    extractor = Extractor(layout)
    results.append({"name": "load the extractor", "load_s": round(time.perf_counter() - started, 3)})
    corpus = _corpus(layout)
    for size in sizes:
        text = (corpus * (size // len(corpus) + 1))[:size]
        started = time.perf_counter()
        extraction = extractor.extract(text)
        seconds = time.perf_counter() - started
        results.append({"name": f"extract from {size:,} characters", "chars": size, "extract_s": round(seconds, 3),
                        "kchars_per_s": round(size / seconds / 1000, 1), "entities": len(extraction.entities),
                        "relations": len(extraction.relations), "amounts": len(extraction.amounts)})
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(layout.root, data, ignore=shutil.ignore_patterns("candidates"))
        target = DataLayout(data)
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        for path in sorted(layout.sources.glob("*.txt")):
            shutil.copy(path, inbox / f"new-{path.name}")
        for step in ("ingest", "reingest"):
            started = time.perf_counter()
            written = 0
            for path in sorted(inbox.iterdir()):
                written += len(ingest_article(read_article(path), target, extractor).written)
            results.append({"name": f"{step} the seed texts as new articles", f"{step}_s":
                            round(time.perf_counter() - started, 3),
                            "articles": len(list(inbox.iterdir())), "files_written": written})
    return results


def main(argv: list[str] | None = None) -> int:
    for row in run():
        print("  ".join(f"{k}={v}" for k, v in row.items()))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
