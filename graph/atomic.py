"""Write outputs so that a failure never leaves a half-written file behind.

Every output is written beside its destination under a temporary name, then renamed over it: readers see
the old file or the new one, never a mix.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> write_text(target, "new")
>>> target.read_text()
'new'
>>> target.stat().st_mode & 0o777 == _file_mode()  # as open() would make it, not owner-only
True
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["write_bytes", "write_text", "replace_dir", "make_dir_aside"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _file_mode() -> int:
    """The mode ``open`` would give a new file (``mkstemp`` makes it readable by its owner only)."""
    return 0o666 & ~_umask()


def make_dir_aside(target: Path, prefix: str) -> Path:
    """A new, empty folder beside ``target``'s place, with the mode ``mkdir`` would give it (``mkdtemp``
    makes it its owner's only), to be filled and then put in place with :func:`replace_dir`."""
    parent = Path(target).parent
    parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    os.chmod(path, 0o777 & ~_umask())
    return path


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder, then rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    write_bytes(path, text.encode("utf-8"))


def replace_dir(new: Path, target: Path) -> None:
    """Put the folder ``new`` in the place of ``target``, removing the old one after the swap."""
    target = Path(target)
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
