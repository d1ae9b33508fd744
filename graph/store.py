"""Stores that hold the built graph and answer SPARQL: embedded on disk (Oxigraph), or a remote endpoint.

Every store answers :meth:`Store.query` with a :class:`~graph.query.QueryResult`, so the commands above it
do not care where the graph lives. The default graph of every query is the union of all named graphs,
ontology included.

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

import re
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .errors import NotBuiltError, QueryError, StoreError
from .namespace import sparql_prologue

__all__ = ["Store", "EmbeddedStore", "open_store", "prepare_query", "visible_sparql", "dataset_clause",
           "dataset_clauses",
           "solution_limit", "query_form", "HIDDEN_TEXT"]


class Store(Protocol):
    """What every store offers the commands."""

    def query(self, sparql: str, *, timeout: float | None = None): ...

    def load_nquads(self, data: bytes) -> None: ...

    def close(self) -> None: ...


def prepare_query(sparql: str) -> str:
    """The query with our prefixes predeclared on one extra first line."""
    return sparql_prologue(sparql) + "\n" + sparql


#: The strings, IRIs and comments of a SPARQL text: where a keyword is not one.
HIDDEN_TEXT = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                     r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
                     r'|<[^<>"{}|^`\\\s]*>' r"|#[^\n]*")
_EXTERNAL = re.compile(r"(?<![?$\w:.-])(SERVICE|FROM\s+NAMED|FROM)(?![\w:-])", re.IGNORECASE)
_FORM = re.compile(r"(?<![?$\w:.-])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", re.IGNORECASE)
_LIMIT = re.compile(r"(?<![?$\w:.-])LIMIT\s+(\d+)", re.IGNORECASE)


def visible_sparql(sparql: str) -> str:
    """The query with its strings, IRIs and comments blanked out, so that keywords can be looked for in it.

    >>> visible_sparql('SELECT * { ?s ?p "FROM here" } # LIMIT 3')
    'SELECT * { ?s ?p   }  '
    """
    return HIDDEN_TEXT.sub(" ", sparql)


def dataset_clauses(sparql: str) -> list[str]:
    """Every ``SERVICE``, ``FROM NAMED`` and ``FROM`` of the query, in order (outside strings, IRIs, comments).

    >>> dataset_clauses("SELECT * FROM <g> WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    ['FROM', 'SERVICE']
    """
    return [" ".join(m.group(1).upper().split()) for m in _EXTERNAL.finditer(visible_sparql(sparql))]


def dataset_clause(sparql: str) -> str | None:
    """``SERVICE``, ``FROM NAMED`` or ``FROM`` if the query uses one (outside strings, IRIs and comments).

    >>> dataset_clause("SELECT ?from WHERE { ?s bk:from-x ?from } # SERVICE")
    >>> dataset_clause('SELECT * FROM <http://x> { ?s ?p "SERVICE" }')
    'FROM'
    """
    match = _EXTERNAL.search(visible_sparql(sparql))
    return " ".join(match.group(1).upper().split()) if match else None


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``: the query's form, its first such keyword.

    >>> query_form("PREFIX ex: <http://ask.example/> construct WHERE { ?s ex:select ?o }")
    'CONSTRUCT'
    """
    match = _FORM.search(visible_sparql(sparql))
    return match.group(1).upper() if match else None


def solution_limit(sparql: str) -> int | None:
    """The query's own ``LIMIT`` (after its last closing brace: a sub-select's does not count), if it has one.

    >>> solution_limit("SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 5 } } ORDER BY ?s LIMIT 20 OFFSET 3")
    20
    >>> solution_limit("SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 5 } }") is None
    True
    """
    visible = visible_sparql(sparql)
    match = _LIMIT.search(visible[visible.rfind("}") + 1:])
    return int(match.group(1)) if match else None


#: The words a SPARQL query may start with (after comments), and those that start a SPARQL Update.
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


def _first_word(sparql: str) -> str:
    """The first keyword of a query after its comments and PREFIX/BASE declarations (upper case)."""
    import re

    text = re.sub(r"#[^\n]*", " ", sparql)
    text = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", text)
    match = re.match(r"\s*([A-Za-z_]+)", text)
    return match.group(1).upper() if match else ""


def _syntax_message(exc: Exception | str, sparql: str | None = None) -> str:
    """Oxigraph's message with line numbers of the user's query (the prologue adds one line), and, given the
    query, what a person needs beyond it: an update is not a query; a first word that is no query form; a
    relative IRI that has no base to resolve against.

    >>> _syntax_message("error at 2:10: expected CONSTRUCT", "SELEC * WHERE {}")
    "syntax error at line 1, column 10: expected CONSTRUCT — 'SELEC' is not a query form: a query starts with \
SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX or BASE lines)"
    >>> _syntax_message("error at 2:10: expected CONSTRUCT", "INSERT DATA { <a> <b> <c> }").split(" — ")[1]
    'INSERT makes this a SPARQL Update, not a query: battery-kg never changes the graph through a query'
    """
    import re

    text = str(exc)

    def shift(match: re.Match) -> str:
        return f"line {int(match.group(1)) - 1}, column {match.group(2)}"

    message = re.sub(r"(\d+):(\d+)", shift, text, count=1).replace("error at ", "syntax error at ")
    if sparql is None:
        return message
    first = _first_word(sparql)
    if first in UPDATE_FORMS:
        return (f"{message} — {first} makes this a SPARQL Update, not a query: battery-kg never changes the graph "
                "through a query")
    if first not in QUERY_FORMS:
        shown = first or sparql.strip()[:20]
        return (f"{message} — {shown!r} is not a query form: a query starts with SELECT, ASK, CONSTRUCT or "
                "DESCRIBE (after any PREFIX or BASE lines)")
    relative = [iri for iri in re.findall(r"<([^<>\"{}|^`\\\s]*)>", sparql)
                if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", iri)]
    if relative and not re.search(r"(?i)\bBASE\s*<", sparql):
        return (f"{message} — <{relative[0]}> is a relative IRI and the query has no base to resolve it against: "
                "add BASE <...> or write the full IRI")
    return message


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

    def query(self, sparql: str, *, timeout: float | None = None):
        from .query import QueryResult

        try:
            result = self._store.query(prepare_query(sparql))
        except SyntaxError as exc:
            raise QueryError(_syntax_message(exc, sparql)) from exc
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


def open_store(location: str | Path | None = None) -> Store:
    """The store at ``location``: a folder (embedded) or an ``http(s)://`` SPARQL endpoint URL.

    Without a location: ``BATTERYKG_STORE`` if set, else the embedded store of the default output folder.
    """
    import os

    from .layout import OutputLayout

    location = location or os.environ.get("BATTERYKG_STORE")
    if location is None:
        location = OutputLayout.default().store
    if str(location).startswith(("http://", "https://")):
        from .remote import RemoteStore

        return RemoteStore(str(location))
    return EmbeddedStore.open(Path(location))
