"""Benchmark of ingestion: loading the extractor, extracting from articles of growing size, and ingesting a
folder of articles into a copy of the data folder.

``run(sizes)`` returns one dict per step (``name``) with:

- ``load_s``: building the extractor (registry, gazetteer, company list, spaCy phrase matcher and the English
  model), once; and making the Chinese reader (jieba taught the known Chinese names), once;
- per language and size (characters): ``extract_s`` and ``kchars_per_s`` for one article of that size (the data
  folder's articles of that language, repeated), with the entities, relations and amounts found, as the
  median of three runs;
- ``ingest_s`` for ingesting every text of the data folder (the real corpus) as new articles (files under a
  temporary folder) into a temporary copy of ``data/``, and ``reingest_s`` for doing it again (nothing changes).

Run: ``python -m benchmarks.bench_ingest`` (or ``python benchmarks/bench_ingest.py``).
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from graph.folders import DataLayout
from graph.ingest.candidates import ingest_article
from graph.ingest.extractor import Extractor
from graph.ingest.reader import clean_text, read_article


def _corpus(layout: DataLayout, language: str) -> str:
    """The data folder's articles of one language, one after the other."""
    texts = []
    for path in sorted(layout.sources.glob("*.txt")):
        meta = path.with_suffix(".json")
        lang = json.loads(meta.read_text(encoding="utf-8")).get("language", "en") if meta.exists() else "en"
        if lang == language:
            texts.append(clean_text(path.read_text(encoding="utf-8")))
    return "\n\n".join(texts)


def run(sizes=(3_000, 20_000, 200_000)) -> list[dict]:
    layout = DataLayout.default()
    results: list[dict] = []
    started = time.perf_counter()
    extractor = Extractor(layout)
    results.append({"name": f"load the extractor ({extractor.pipeline.description})",
                    "load_s": round(time.perf_counter() - started, 3)})
    started = time.perf_counter()
    extractor.extract("宜宾市人民政府与四川华鼎新材料有限公司签约。")
    results.append({"name": "load the Chinese reader", "load_s": round(time.perf_counter() - started, 3)})
    for language in ("en", "zh"):
        corpus = _corpus(layout, language)
        if not corpus:
            continue
        for size in sizes:
            text = (corpus * (size // len(corpus) + 1))[:size]
            times = []
            for _ in range(3):
                started = time.perf_counter()
                extraction = extractor.extract(text)
                times.append(time.perf_counter() - started)
            seconds = statistics.median(times)
            results.append({"name": f"extract {language} from {size:,} characters", "chars": size,
                            "extract_s": round(seconds, 3), "kchars_per_s": round(size / seconds / 1000, 1),
                            "entities": len(extraction.entities), "relations": len(extraction.relations),
                            "amounts": len(extraction.amounts)})
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
            results.append({"name": f"{step} the data folder's texts as new articles", f"{step}_s":
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
