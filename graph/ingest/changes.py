"""One change to a data folder, written together: every file of it, or none.

Ingesting an article writes its text, its metadata and its candidates; accepting candidates writes the
reviewed facts, the candidates left and the registry. Each file is written atomically (see
:mod:`graph.atomic`), and if one of them fails, the files already written are put back as they were, so a
failed step leaves the data folder as it found it.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "old.txt").write_text("kept")
4
>>> change = FileChanges()
>>> change.write(folder / "new.txt", "hello")
>>> change.remove(folder / "old.txt")
>>> [p.name for p in change.apply()]
['new.txt', 'old.txt']
>>> sorted(p.name for p in folder.iterdir())
['new.txt']
"""

from __future__ import annotations

from pathlib import Path

from .. import atomic

__all__ = ["FileChanges"]


class FileChanges:
    """Planned writes and removals of files, applied together."""

    def __init__(self):
        self._planned: dict[Path, str | None] = {}

    def write(self, path: Path, text: str) -> None:
        """Plan to write ``text`` (UTF-8) to ``path``."""
        self._planned[Path(path)] = text

    def remove(self, path: Path) -> None:
        """Plan to remove ``path`` (nothing happens if it does not exist)."""
        self._planned[Path(path)] = None

    def read(self, path: Path) -> str | None:
        """The text ``path`` will have: as planned, else as on disk; ``None`` for no file."""
        path = Path(path)
        if path in self._planned:
            return self._planned[path]
        return path.read_text(encoding="utf-8") if path.exists() else None

    def apply(self) -> list[Path]:
        """Write and remove the planned files, in the order planned; return those that changed.

        A file whose content would not change is left alone. If any write fails, the files changed so far are
        put back as they were and the error is raised.
        """
        done: list[tuple[Path, bytes | None]] = []
        try:
            for path, text in self._planned.items():
                old = path.read_bytes() if path.exists() else None
                if (text is None and old is None) or (text is not None and old == text.encode("utf-8")):
                    continue
                done.append((path, old))
                if text is None:
                    path.unlink()
                else:
                    atomic.write_text(path, text)
        except BaseException:
            for path, old in reversed(done):
                if old is None:
                    path.unlink(missing_ok=True)
                else:
                    atomic.write_bytes(path, old)
            raise
        return [path for path, _ in done]
