"""Where the inputs and outputs of the graph are.

Inputs (``data/`` and ``ontology/``) ship inside the package and are found with :mod:`importlib.resources`;
a different data folder can be named with ``--data`` or ``BATTERYKG_DATA``. Outputs go to ``out/`` in the
current folder, or ``--out`` / ``BATTERYKG_OUT``.

>>> layout = DataLayout.default()
>>> layout.registry.name, layout.facts.name
('registry.ttl', 'facts')
>>> sorted(p.name for p in ontology_files())
['battery.ttl', 'shapes.ttl']
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import as_file, files
from pathlib import Path

__all__ = ["DataLayout", "OutputLayout", "SEED_SOURCES", "ontology_files", "ontology_file", "shapes_file"]

#: The five seed articles the project started from (their source ids): tests and benchmarks about what they say
#: build them alone (:meth:`DataLayout.with_sources`), so they stay true as the corpus grows.
SEED_SOURCES = ("000_f60388011d6d32ce", "001_1c6a60ca744e00b6", "002_14e0f3445d4c3602", "003_a93420692c2367a5",
                "004_0e69c092427fc0c2")

#: The folders of a data folder that hold one file (or more) per source, named by its id.
_PER_SOURCE = ("sources", "facts", "registry", "candidates", "review-log")


def _package_dir(name: str) -> Path:
    resource = files("graph") / name
    with as_file(resource) as path:  # a real folder in every supported install
        return Path(path)


def ontology_files() -> list[Path]:
    """The ontology and shapes files shipped with the package."""
    return sorted(_package_dir("ontology").glob("*.ttl"))


def ontology_file() -> Path:
    """``ontology/battery.ttl``: the OWL ontology."""
    return _package_dir("ontology") / "battery.ttl"


def shapes_file() -> Path:
    """``ontology/shapes.ttl``: the SHACL shapes."""
    return _package_dir("ontology") / "shapes.ttl"


@dataclass(frozen=True)
class DataLayout:
    """The folder of curated inputs: sources, registry, reviewed facts, candidates, gold annotations."""

    root: Path

    @classmethod
    def default(cls) -> DataLayout:
        env = os.environ.get("BATTERYKG_DATA")
        return cls(Path(env)) if env else cls(_package_dir("data"))

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def registry(self) -> Path:
        """``registry.ttl``: the registry's first file, with the places, governments and seed entities."""
        return self.root / "registry.ttl"

    @property
    def registry_folder(self) -> Path:
        """``registry/``: the entities each article brought, one file per source (``<source id>.ttl``)."""
        return self.root / "registry"

    @property
    def registry_files(self) -> list[Path]:
        """Every file of the registry: ``registry.ttl``, then ``registry/*.ttl`` in name order."""
        parts = sorted(self.registry_folder.glob("*.ttl"), key=lambda p: p.name) if self.registry_folder.is_dir() \
            else []
        return [self.registry, *parts]

    def registry_part(self, source_id: str) -> Path:
        """The registry file of the entities that source ``source_id`` brought."""
        return self.registry_folder / f"{source_id}.ttl"

    def with_sources(self, target: Path, sources=SEED_SOURCES) -> DataLayout:
        """A copy of this data folder at ``target`` holding only the files of ``sources`` and the shared ones
        (``registry.ttl``, ``judgements.tsv``, the folders' notices); the gold sets stay behind.

        >>> import tempfile
        >>> seeds = DataLayout.default().with_sources(Path(tempfile.mkdtemp()) / "data")
        >>> sorted(p.stem for p in seeds.sources.glob("*.txt")) == sorted(SEED_SOURCES)
        True
        """
        target = Path(target)
        for path in sorted(self.root.rglob("*")):
            relative = path.relative_to(self.root)
            if not path.is_file() or relative.parts[0] == "gold":
                continue
            if relative.parts[0] in _PER_SOURCE and len(relative.parts) > 1 and path.suffix != ".md" \
                    and path.name.split(".")[0] not in sources:
                continue
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / relative)
        return DataLayout(target)

    @contextmanager
    def lock(self):
        """Hold the data folder for one change (an ingest, an accept, a judgement) so that curators working at
        once never write over each other's registry or facts: an exclusive lock on the folder itself (nothing is
        written for it)."""
        import fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.root, os.O_RDONLY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield self
        finally:
            os.close(descriptor)  # closing releases the lock

    @property
    def facts(self) -> Path:
        return self.root / "facts"

    @property
    def candidates(self) -> Path:
        return self.root / "candidates"

    @property
    def gold(self) -> Path:
        return self.root / "gold"

    @cached_property
    def _shown_root(self) -> str:
        """The folder as messages name it: relative to the working directory where that is shorter."""
        real = os.path.realpath(self.root)
        try:
            relative = os.path.relpath(real)
        except ValueError:  # another drive
            return real
        return relative if len(relative) < len(real) else real

    def display(self, path: Path) -> str:
        """The real path of a data file, as messages name it: relative to the working directory where that is
        shorter (``data/facts/000_x.trig`` in a checkout), absolute otherwise, never another folder's name.

        >>> DataLayout(Path("/nowhere/mine")).display(Path("/nowhere/mine/registry.ttl"))
        '/nowhere/mine/registry.ttl'
        """
        return os.path.join(self._shown_root, self.key(path).removeprefix("data/"))

    def key(self, path: Path) -> str:
        """A stable name for a data file, wherever the folder is: ``data/facts/000_x.trig`` (the manifest's keys,
        so that the same inputs give the same manifest)."""
        text, root = str(path), str(self.root).rstrip("/") + "/"
        if text.startswith(root) and "/../" not in text:  # the usual case: no file system calls
            return "data/" + text[len(root):]
        path = Path(path)
        try:
            return str(Path("data") / path.resolve().relative_to(Path(self.root).resolve()))
        except ValueError:
            return str(path)

    def require(self) -> DataLayout:
        """This layout, if it is a data folder with a registry; else a :class:`~graph.errors.UsageError` that
        says what is missing ("no data folder at ...", "... has no registry.ttl")."""
        from .errors import UsageError

        shown = self._shown_root
        if not Path(self.root).is_dir():
            raise UsageError(f"no data folder at {shown}" + (" (it is a file)" if Path(self.root).exists() else ""))
        if not self.registry.is_file():
            empty = not any(Path(self.root).iterdir())
            raise UsageError(f"{shown} has no registry.ttl" + (": the folder is empty" if empty else "")
                             + "; a data folder holds registry.ttl, sources/, facts/ (see `batterykg synth`)")
        return self


@dataclass(frozen=True)
class OutputLayout:
    """The folder of generated outputs (never edited by hand)."""

    root: Path

    @classmethod
    def default(cls) -> OutputLayout:
        return cls(Path(os.environ.get("BATTERYKG_OUT") or "out"))  # an empty variable is no folder

    @property
    def trig(self) -> Path:
        return self.root / "battery-kg.trig"

    @property
    def turtle(self) -> Path:
        return self.root / "battery-kg.ttl"

    @property
    def jsonld(self) -> Path:
        return self.root / "battery-kg.jsonld"

    @property
    def store(self) -> Path:
        return self.root / "store"

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.json"

    @property
    def tables(self) -> Path:
        return self.root / "tables"

    @property
    def views(self) -> Path:
        return self.root / "views"

    @property
    def index(self) -> Path:
        return self.root / "index.html"
