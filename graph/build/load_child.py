"""What the child process of a large build runs (see :class:`graph.build.load.StoreLoad`): bulk-load a new store
from two files, the named graphs and the union, in two threads of its own, so that the build's own work goes on
meanwhile.

Run as a script, isolated (``python -I load_child.py STORE NAMED UNION NAMED_FORMAT UNION_FORMAT``, formats
named as in :class:`pyoxigraph.RdfFormat`): it imports pyoxigraph alone, not the package, so it starts at once.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "named.nq").write_bytes(b'<http://a> <http://b> "c" <http://g> .\\n')
>>> _ = (folder / "union.nt").write_bytes(b'<http://a> <http://b> "c" .\\n')
>>> main([str(folder / "store"), str(folder / "named.nq"), str(folder / "union.nt"), "N_QUADS", "N_TRIPLES"])
>>> import pyoxigraph as ox
>>> len(ox.Store.read_only(str(folder / "store")))
2
"""

from __future__ import annotations

import sys
import threading

import pyoxigraph as ox

__all__ = ["main"]


def main(argv: list[str]) -> None:
    """Load ``argv`` = store folder, named-graphs file, union file, and their two format names."""
    store = ox.Store(argv[0])
    named_format, union_format = (getattr(ox.RdfFormat, name) for name in argv[3:5])
    errors: list[BaseException] = []

    def load(path: str, fmt) -> None:
        try:
            store.bulk_load(path=path, format=fmt)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(argv[1], named_format)),
               threading.Thread(target=load, args=(argv[2], union_format))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        sys.exit(f"cannot load the store: {errors[0]}")
    store.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
