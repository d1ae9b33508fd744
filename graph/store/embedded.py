"""The graph in an Oxigraph store on disk, queried in this process: the default store, no server to start.

The default graph of every query is the union of all named graphs, ontology included.

The union is *materialised*: the build loads every named graph and, once more, the RDF merge of all of them
into the store's default graph. Oxigraph's own union mode (``use_default_graph_as_union``) counts a triple
once per graph that holds it (oxigraph issue #1919, unfixed in 0.5), which would double every COUNT and SUM
over facts that two sources state; a materialised default graph is also what every other SPARQL server
(Fuseki, Virtuoso, GraphDB) answers the same way, with no server setting. Whoever adds a named graph later
(the analysis) adds its triples to the default graph too: :meth:`EmbeddedStore.add_graph` does both.

>>> import tempfile, pathlib
>>> store = EmbeddedStore.create(pathlib.Path(tempfile.mkdtemp()) / "store")
>>> store.load_nquads(b'<http://a> <http://b> "c" .\\n')
>>> store.query("SELECT ?o WHERE { ?s ?p ?o }").rows[0][0]
rdflib.term.Literal('c')
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..errors import NotBuiltError, QueryError, StoreError
from .base import prepare_query, syntax_message
from .results import QueryResult

__all__ = ["EmbeddedStore"]


class EmbeddedStore:
    """The graph in an Oxigraph store on disk, queried in this process."""

    def __init__(self, store: ox.Store, path: Path | None = None):
        self._store = store
        self.path = path

    @classmethod
    def create(cls, path: Path) -> EmbeddedStore:
        """A new, writable store at ``path`` (``None`` for one in memory)."""
        if path is None:
            return cls(ox.Store(), None)
        Path(path).mkdir(parents=True, exist_ok=True)
        return cls(ox.Store(str(path)), Path(path))

    @classmethod
    def open(cls, path: Path) -> EmbeddedStore:
        """The built store at ``path``, read-only (many readers may open it at once)."""
        path = Path(path)
        if not path.exists():
            raise NotBuiltError(f"no graph at {path}: run `batterykg build` first")
        try:
            return cls(ox.Store.read_only(str(path)), path)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    def load_nquads(self, data: bytes) -> None:
        """Load N-Quads as they are (lines without a graph go to the default graph)."""
        self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        self._store.flush()

    def add_graph(self, graph_iri: str, ntriples: bytes, replace: bool = True) -> None:
        """Put N-Triples into the named graph ``graph_iri`` and into the default (union) graph.

        With ``replace``, the graph ends up holding exactly ``ntriples``: the previous triples that are not
        among them are removed from both (those another graph also holds stay in the default graph), and only
        the new ones are added, so rerunning an analysis that found the same scores writes almost nothing.
        Additions are bulk-loaded and removals go in batches of their own transactions: one transaction holds
        its whole change in memory, which at a million triples costs gigabytes and about a minute.
        """
        name = ox.NamedNode(str(graph_iri))
        if replace:
            old = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name).splitlines()
            if old:
                lines = ntriples.splitlines()
                kept = set(lines)
                self._remove_triples(name, [line for line in old if line not in kept])
                held = set(old)
                ntriples = b"".join(line + b"\n" for line in lines if line and line not in held)
            if not ntriples and not self._store.query(f"ASK {{ GRAPH <{name.value}> {{ ?s ?p ?o }} }}"):
                self._store.update(f"DROP SILENT GRAPH <{name.value}>")  # no empty graph left behind
        if ntriples:
            self._store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
            self._store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES)
        self._store.flush()

    def _remove_triples(self, name: ox.NamedNode, lines: list[bytes], batch: int = 40_000) -> None:
        """Remove these lines of Oxigraph's N-Triples from the named graph, and from the default graph those no
        other named graph holds, ``batch`` lines per update (Oxigraph's ``clear_graph`` and DROP GRAPH take one
        transaction for the whole graph: 55 s for a million triples, where the batches take a fraction)."""
        for start in range(0, len(lines), batch):
            part = lines[start:start + batch]
            data = b"\n".join(part).decode()
            rows = " ".join(f"({line[:-2].decode()})" for line in part)  # `<s> <p> "o" .` → `(<s> <p> "o")`
            self._store.update(f"DELETE DATA {{ GRAPH <{name.value}> {{ {data} }} }} ;\n"
                               f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
                               "FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } } }")

    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult:
        try:
            result = self._store.query(prepare_query(sparql))
        except SyntaxError as exc:
            raise QueryError(syntax_message(exc, sparql)) from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(str(exc)) from exc
        return QueryResult.from_oxigraph(result)

    def __len__(self) -> int:
        return len(self._store)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`, for what only Oxigraph offers."""
        return self._store

    def close(self) -> None:
        self._store = None
