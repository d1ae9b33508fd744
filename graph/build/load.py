"""The store a build writes: loaded beside the old one (by a child process for a large graph, while the build goes on),
then compacted or reloaded when it has grown, and its size recorded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from .. import atomic
from ..errors import StoreError
from ..folders import OutputLayout
from .report import Timer

__all__ = ["StoreLoad", "staging_dir", "record_store_size", "compact_or_reload", "STORE_SLACK"]


class StoreLoad:
    """A new store at ``path`` with the named graphs and the union (as the default graph); :meth:`join` waits
    for it and opens it. A large graph is loaded by a child process while the build validates and writes (the
    bulk loader keeps Python's lock for much of its work, so threads of this process would wait on each
    other); a small one here, at once."""

    def __init__(self, path: Path, named: bytes, union: bytes, background: bool,
                 formats: tuple[str, str] = ("N_QUADS", "N_TRIPLES")):
        self.path, self._process, self._files = Path(path), None, []
        if not background:
            store = ox.Store(str(path))
            for data, fmt in zip((named, union), (getattr(ox.RdfFormat, f) for f in formats), strict=True):
                if data:
                    store.bulk_load(data, format=fmt)
            store.flush()
            self.store = store
            return
        for data, suffix in ((named, ".nq"), (union, ".nt")):
            handle, name = tempfile.mkstemp(prefix=".load-", suffix=suffix, dir=self.path.parent)
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            self._files.append(name)
        # isolated (-I): the script's folder is not put on sys.path, and only pyoxigraph is imported
        child = files("graph.build") / "load_child.py"
        self._process = subprocess.Popen([sys.executable, "-I", str(child), str(path), *self._files, *formats],
                                         stderr=subprocess.PIPE)

    def join(self) -> ox.Store:
        if self._process is not None:
            _out, err = self._process.communicate()
            for name in self._files:
                Path(name).unlink(missing_ok=True)
            if self._process.returncode != 0:
                raise StoreError(f"loading the store at {self.path} failed: {err.decode(errors='replace')[-2000:]}")
            self._process = None
            self.store = ox.Store(str(self.path))
        return self.store


def staging_dir(output: OutputLayout) -> Path:
    return atomic.make_dir_aside(output.store, ".store-")


def _folder_bytes(folder: Path) -> int:
    """The bytes of a store's data files (RocksDB's ``.sst``; its logs and manifests come and go)."""
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.name.endswith(".sst"))


def _store_size_file(output: OutputLayout) -> Path:
    """Where a build keeps the size of the store a fresh load made, and of how many triples: beside the
    manifest, not in it (a store's bytes vary by machine; the manifest of the same inputs must not)."""
    return output.root / ".loaded-store-size.json"


def record_store_size(output: OutputLayout, triples: int) -> None:
    atomic.write_text(_store_size_file(output), json.dumps({"bytes": _folder_bytes(output.store),
                                                            "triples": triples}))


#: A store an incremental build changed is loaded afresh when its data files are bigger than a fresh load of
#: the same graph would make them, by more than this share (the fresh size is scaled from the last fresh load
#: by the number of triples, which this allows for).
STORE_SLACK = 0.005


def compact_or_reload(output: OutputLayout, staging: Path, contents: dict[str, bytes], triples: int,
                       timer: Timer) -> Path:
    """The store an incremental build leaves: the changed checkpoint, unless it grew bigger than a fresh load
    of the same graph would be — then a store loaded afresh, aside, from the new files' bytes.

    Oxigraph's bulk loader writes compact files that RocksDB's compactions, which any later write sets off,
    rewrite bigger (a 1M-triple store grows from about 331 MiB to 415 MiB after one added article, and on with
    each change). A fresh load of the TriG and the Turtle union just made gives the store a full build would.
    """
    try:
        fresh = json.loads(_store_size_file(output).read_text(encoding="utf-8"))
        expected = fresh["bytes"] * triples / fresh["triples"]
    except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError):
        return staging
    if _folder_bytes(staging) <= expected * (1 + STORE_SLACK):
        return staging
    shutil.rmtree(staging)
    reloaded = staging_dir(output)
    try:
        StoreLoad(reloaded, contents["trig"], contents["turtle"], background=True, formats=("TRIG", "TURTLE")).join()
    except BaseException:
        shutil.rmtree(reloaded, ignore_errors=True)
        raise
    timer.lap("reload store")
    return reloaded
