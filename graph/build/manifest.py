"""What the inputs of a build are: a hash of every input file and of every source, the context every source's graph
depends on, and ``manifest.json``, which records them for the next build to compare against."""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from pathlib import Path

from .. import atomic
from ..folders import DataLayout, OutputLayout, ontology_file, shapes_file
from .assembly import source_ids
from .report import BuildReport

__all__ = ["BUILD_FORMAT", "input_hashes", "previous_manifest", "context_hash", "write_manifest", "stats_file"]



#: Bump when the same inputs would build a different graph, so an incremental build never reuses old work.
BUILD_FORMAT = 4


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "absent"


#: A file changed less than this long before the last manifest was written is hashed again even when its size
#: and modification time are those the manifest recorded (it may have changed again within the same tick).
_RACY_NS = 2_000_000_000


def input_hashes(layout: DataLayout, include_candidates: bool, previous: dict | None = None
                  ) -> tuple[dict[str, str], dict[str, str], dict[str, list[int]]]:
    """The hash of every input file (by its display name), one hash per source (of its files), and each file's
    size and modification time. A file whose size and time are those of ``previous`` (the last manifest, with
    ``written_ns``) keeps its recorded hash, so a large data folder is not read whole to find what changed."""
    previous = previous or {}
    known, stats, written = previous.get("inputs", {}), previous.get("stats", {}), previous.get("written_ns", 0)
    files = {"ontology/battery.ttl": _digest(ontology_file()), "ontology/shapes.ttl": _digest(shapes_file()),
             **{layout.key(path): _digest(path) for path in layout.registry_files}}
    sizes: dict[str, list[int]] = {}
    folders = [layout.sources, layout.facts] + ([layout.candidates] if include_candidates else [])
    per_source: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for folder in folders:
        if not folder.is_dir():
            continue
        prefix = layout.key(folder) + "/"
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            stem, dot, suffix = entry.name.rpartition(".")
            wanted = suffix in ("txt", "json") if folder == layout.sources else suffix == "trig"
            if not (dot and wanted and entry.is_file()):
                continue
            display = prefix + entry.name
            info = entry.stat()
            stat = [info.st_size, info.st_mtime_ns]
            digest = known.get(display)
            if digest is None or stats.get(display) != stat or info.st_mtime_ns >= written - _RACY_NS:
                digest = _digest(Path(entry.path))
            files[display], sizes[display] = digest, stat
            per_source[stem].append((folder.name, entry.name, digest))
    sources = {}
    for source_id in source_ids(layout, include_candidates):
        digest = hashlib.sha256()
        for folder, name, value in sorted(per_source[source_id]):
            digest.update(f"{folder}/{name}\0{value}\0".encode())
        sources[source_id] = digest.hexdigest()
    return dict(sorted(files.items())), sources, dict(sorted(sizes.items()))


def stats_file(output: OutputLayout) -> Path:
    """Where a build keeps the size and modification time of each input file it hashed: beside the
    manifest, not in it, so that the manifest of the same inputs is the same file on every machine."""
    return output.root / ".input-stats.json"


def previous_manifest(output: OutputLayout) -> dict | None:
    """The last build's manifest, with its input stats and the time they were written (``written_ns``);
    ``None`` if unreadable."""
    try:
        manifest = json.loads(output.manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    try:
        manifest["stats"] = json.loads(stats_file(output).read_text(encoding="utf-8"))
        manifest["written_ns"] = stats_file(output).stat().st_mtime_ns
    except (OSError, ValueError):
        manifest["stats"] = {}
    return manifest


def context_hash(layout: DataLayout, include_candidates: bool) -> str:
    """What every source's graph depends on: ontology, shapes, registry, build format and options."""
    digest = hashlib.sha256(f"{BUILD_FORMAT}:{include_candidates}".encode())
    for path in (ontology_file(), shapes_file(), *layout.registry_files):
        digest.update(f"{path.name}\0{_digest(path)}".encode())
    return digest.hexdigest()


def write_manifest(output: OutputLayout, files: dict[str, str], stats: dict, report: BuildReport,
                    incremental: dict) -> None:
    """Write ``manifest.json``: one top-level key a line (written by the C encoder: a 1M-triple graph's
    manifest lists some 25,000 files and 8,000 sources, which json's indenting encoder takes seconds over)."""
    manifest = {"inputs": files, "triples": report.triples, "assertions": report.assertions,
                "entities_per_class": report.entities_per_class, "facts_per_source": report.facts_per_source,
                "incremental": incremental}
    lines = [f"{json.dumps(key)}: {json.dumps(value, sort_keys=True, ensure_ascii=False)}"
             for key, value in sorted(manifest.items())]
    atomic.write_text(stats_file(output), json.dumps(stats, sort_keys=True))
    atomic.write_text(output.manifest, "{\n" + ",\n".join(lines) + "\n}\n")
